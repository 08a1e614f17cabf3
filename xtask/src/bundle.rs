//! `cargo xtask bundle`: the Linux installers, with every model inside, in `dist/`.
//!
//! Tauri's bundler writes the `.deb` and the `.rpm` (`cargo tauri bundle`) from a
//! release build made here, for a CPU older than this one (whisper.cpp is built without
//! `-march=native`). What only the packages need — the `satchel` command, the models and
//! the ONNX Runtime library under `/usr/lib/Satchel/models`, the AppStream metainfo, and
//! the libraries the binaries link, as `dpkg-shlibdeps` and the ELF headers say — goes in
//! a config overlay written for this run, so an everyday `cargo build` never needs the
//! models. The `.deb` is recompressed with xz. Its unpacked tree is also written as a
//! portable tarball, which finds its models from its own executables wherever it is
//! unpacked.
//!
//! No AppImage: its runtime and tooling are downloaded from GitHub at bundle time, and
//! none of the registries here carries them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde_json::json;

use crate::models;
use crate::setup;
use crate::shell::{self, exec, output, root};

/// The Tauri CLI that bundles, pinned to the tauri crates in Cargo.lock.
const TAURI_CLI_VERSION: &str = "2.12.4";
/// Where the package carries its models (and the runtime they run on): Tauri's
/// resource folder for the product "Satchel", `<bin>/../lib/Satchel`.
const MODELS_IN_PACKAGE: &str = "/usr/lib/Satchel/models";
const METAINFO: &str = "packaging/linux/org.satchel.desktop.metainfo.xml";
/// WebKitGTK plays recordings through GStreamer: mp3 and the MP4 container come from
/// plugins-good, AAC (m4a) from libav. WebKit only recommends the latter.
const DEB_PLAYBACK: &[&str] = &["gstreamer1.0-plugins-good", "gstreamer1.0-libav"];
const RPM_PLAYBACK: &[&str] = &[
    "gstreamer1-plugins-good",
    "(gstreamer1-plugin-libav or gstreamer1-libav)",
];
/// The microphone reaches PulseAudio or PipeWire through ALSA's plugins; Hindi
/// (Devanagari) and Arabic, two of the window's languages, are drawn with Noto where
/// the desktop has no font for them, and read in pictures by Tesseract (loaded at run
/// time: without it every other script is still read).
const DEB_RECOMMENDS: &[&str] = &[
    "libasound2-plugins | pipewire-alsa",
    "gnome-keyring",
    "fonts-noto-ui-core",
    "libtesseract5",
    "tesseract-ocr-hin",
    "tesseract-ocr-ara",
];

/// The same on Fedora and openSUSE, by their names there (Fedora's Tesseract puts the
/// recognisers in `/usr/share/tesseract/tessdata`, where Satchel looks too).
const RPM_RECOMMENDS: &[&str] = &[
    "(alsa-plugins-pulseaudio or pipewire-alsa)",
    "gnome-keyring",
    "google-noto-sans-devanagari-ui-fonts",
    "google-noto-sans-arabic-ui-fonts",
    "tesseract",
    "tesseract-langpack-hin",
    "tesseract-langpack-ara",
];

/// The model files the package carries, by their id in `models/manifest.json`.
/// Chosen by `cargo xtask bench models`: Whisper base at Q8_0 serves every language and
/// writes English down better than tiny.en did; multilingual-e5-small at 4 bits finds
/// passages in Satchel's seven languages, and English ones as MiniLM did.
pub const PACKAGED_MODELS: &[&str] = &[
    "whisper-base-q8_0",
    "onnxruntime",
    "ocr-det",
    "ocr-rec",
    "ocr-cls",
    "e5-small",
    "e5-tokenizer",
];

/// The built installers.
pub struct Packages {
    pub deb: PathBuf,
    pub rpm: PathBuf,
    pub tarball: PathBuf,
    /// The signed model pack and update pack, when a signing key was there.
    pub packs: Vec<PathBuf>,
}

pub fn run() -> anyhow::Result<()> {
    let packages = build()?;
    let all = [&packages.deb, &packages.rpm, &packages.tarball]
        .into_iter()
        .chain(&packages.packs);
    for path in all {
        let size = std::fs::metadata(path)?.len();
        println!("{:>12} bytes  {}", size, path.display());
    }
    Ok(())
}

/// Builds everything, returning where the installers are.
pub fn build() -> anyhow::Result<Packages> {
    setup::run()?;
    setup::apt_install(&["dpkg-dev", "appstream", "binutils", "xz-utils"])?;
    install_tauri_cli()?;
    let ids: Vec<String> = PACKAGED_MODELS.iter().map(|s| (*s).to_owned()).collect();
    models::run(&ids)?;
    check_metainfo()?;
    check_other_platforms()?;
    setup::build_ui()?;

    let target = bundle_target_dir();
    release_build(&target)?;
    let release = target.join("release");
    let binaries = [release.join("satchel-desktop"), release.join("satchel")];
    for binary in &binaries {
        // Symbols make up a fifth of the binaries; a learner's crash report needs none.
        exec(Command::new("strip").arg("--strip-unneeded").arg(binary))?;
    }

    let staged = stage_models(&target)?;
    let dist = root().join("dist");
    std::fs::create_dir_all(&dist)?;
    let signer = signing_key()?.map(satchel_packs::sign::Signer::from_secret_key);
    let model_pack = match &signer {
        Some(signer) => Some(model_pack(signer, &dist, &staged)?),
        None => None,
    };
    let runtime = staged.join(models::files(&["onnxruntime"])?.concat());
    let mut elves: Vec<PathBuf> = binaries.to_vec();
    elves.push(runtime);
    let overlay = overlay(&binaries[1], &staged, &elves)?;
    let overlay_file = target.join("bundle-overlay.json");
    std::fs::write(&overlay_file, serde_json::to_vec_pretty(&overlay)?)?;

    let out = release.join("bundle");
    for kind in ["deb", "rpm"] {
        let dir = out.join(kind);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
    }
    exec(
        Command::new(env!("CARGO"))
            .args([
                "tauri",
                "bundle",
                "--ci",
                "--bundles",
                "deb,rpm",
                "--config",
            ])
            .arg(&overlay_file)
            .env("CARGO_TARGET_DIR", &target),
    )?;

    let deb = recompress(&copy_one(&out.join("deb"), "deb", &dist)?)?;
    let rpm = copy_one(&out.join("rpm"), "rpm", &dist)?;
    let tarball = tarball(&deb, &dist)?;
    let packs = match (signer, model_pack) {
        (Some(signer), Some(model_pack)) => vec![model_pack, update_pack(&signer, &dist, &deb)?],
        _ => {
            eprintln!(
                "no signing key (SATCHEL_SIGNING_KEY, or ~/.cache/satchel/keys/release.key): the model pack and the update pack are not written"
            );
            Vec::new()
        }
    };
    Ok(Packages {
        deb,
        rpm,
        tarball,
        packs,
    })
}

/// The secret key releases are signed with: `SATCHEL_SIGNING_KEY` (a file, in Tauri's
/// format or minisign's), else the release manager's `~/.cache/satchel/keys/release.key`.
/// Its password, if any, in `SATCHEL_SIGNING_KEY_PASSWORD`.
fn signing_key() -> anyhow::Result<Option<minisign::SecretKey>> {
    let path = match std::env::var_os("SATCHEL_SIGNING_KEY") {
        Some(path) => PathBuf::from(path),
        None => {
            let models = models::models_dir();
            let default = models.parent().unwrap_or(&models).join("keys/release.key");
            if !default.exists() {
                return Ok(None);
            }
            default
        }
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading the signing key {}", path.display()))?;
    let text = if text.starts_with("untrusted comment:") {
        text
    } else {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .context("the signing key is neither minisign's text nor Tauri's base64 of it")?;
        String::from_utf8(bytes).context("the signing key is not text")?
    };
    let password = std::env::var("SATCHEL_SIGNING_KEY_PASSWORD").unwrap_or_default();
    let key = minisign::SecretKeyBox::from_string(&text)
        .and_then(|b| b.into_secret_key(Some(password)))
        .map_err(|e| anyhow::anyhow!("the signing key {}: {e}", path.display()))?;
    Ok(Some(key))
}

/// The packaged models as one signed model pack, for USB sticks and the class server;
/// its signed manifest also goes into the package beside the models, so an installed
/// Satchel can hand the same pack on (`satchel models export`, a teacher's class).
fn model_pack(
    signer: &satchel_packs::sign::Signer,
    dist: &Path,
    models: &Path,
) -> anyhow::Result<PathBuf> {
    let version = workspace_version()?;
    let mut model_files: Vec<PathBuf> = std::fs::read_dir(models)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    model_files.retain(|p| {
        p.file_name()
            .is_some_and(|n| n != satchel_packs::MANIFEST && n != satchel_packs::SIGNATURE)
    });
    model_files.sort();
    let pack = dist.join(format!("satchel-models-{version}.pack"));
    signer.write_pack(
        &pack,
        satchel_packs::PackKind::Models,
        &version,
        "Every model Satchel uses: transcription, reading photos and scanned pages, and search by meaning.",
        &model_files,
    )?;
    let signed = satchel_packs::read_signed(&pack, &signer.trusted())
        .map_err(|e| anyhow::anyhow!("reading back {}: {e}", pack.display()))?;
    std::fs::write(models.join(satchel_packs::MANIFEST), &signed.bytes)?;
    std::fs::write(models.join(satchel_packs::SIGNATURE), &signed.signature)?;
    Ok(pack)
}

/// The `.deb` as a signed update pack, for USB sticks and the class server.
fn update_pack(
    signer: &satchel_packs::sign::Signer,
    dist: &Path,
    deb: &Path,
) -> anyhow::Result<PathBuf> {
    let version = workspace_version()?;
    let pack = dist.join(format!("satchel-update-{version}-amd64-deb.pack"));
    signer.write_pack(
        &pack,
        satchel_packs::PackKind::App,
        &version,
        &format!("Satchel {version}."),
        &[deb.to_owned()],
    )?;
    Ok(pack)
}

/// Release builds for the package live apart from the everyday ones: whisper.cpp is
/// compiled for any x86-64 with AVX2 here, not for this machine.
pub fn bundle_target_dir() -> PathBuf {
    let models = models::models_dir();
    models.parent().unwrap_or(&models).join("bundle-target")
}

fn install_tauri_cli() -> anyhow::Result<()> {
    let installed =
        output(Command::new(env!("CARGO")).args(["tauri", "--version"])).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(TAURI_CLI_VERSION) {
        shell::cargo(&[
            "install",
            "tauri-cli",
            "--version",
            &format!("={TAURI_CLI_VERSION}"),
            "--locked",
        ])?;
    }
    Ok(())
}

fn release_build(target: &Path) -> anyhow::Result<()> {
    exec(
        Command::new(env!("CARGO"))
            .args([
                "build",
                "--release",
                "-p",
                "satchel-desktop",
                "-p",
                "satchel-cli",
            ])
            .env("CARGO_TARGET_DIR", target)
            // ggml turns -march=native on by default: a package built on this machine
            // would stop with an illegal instruction on a school laptop.
            .env("GGML_NATIVE", "OFF"),
    )
}

/// The packaged models, copied into one folder the overlay names.
fn stage_models(target: &Path) -> anyhow::Result<PathBuf> {
    let staged = target.join("bundle-models");
    if staged.exists() {
        std::fs::remove_dir_all(&staged)?;
    }
    std::fs::create_dir_all(&staged)?;
    for file in models::files(PACKAGED_MODELS)? {
        let from = models::models_dir().join(&file);
        std::fs::copy(&from, staged.join(&file))
            .with_context(|| format!("copying {}", from.display()))?;
    }
    Ok(staged)
}

/// The bundle-only configuration: files beyond the app, and what the packages depend on.
fn overlay(cli: &Path, models: &Path, elves: &[PathBuf]) -> anyhow::Result<serde_json::Value> {
    let metainfo = root().join(METAINFO);
    let files = json!({
        "/usr/bin/satchel": cli,
        MODELS_IN_PACKAGE: models,
        "/usr/share/metainfo/org.satchel.desktop.metainfo.xml": metainfo,
    });
    let mut deb_depends = shlib_depends(elves)?;
    deb_depends.extend(DEB_PLAYBACK.iter().map(|s| (*s).to_owned()));
    let mut rpm_depends = rpm_requires(elves)?;
    rpm_depends.extend(RPM_PLAYBACK.iter().map(|s| (*s).to_owned()));
    Ok(json!({
        "bundle": { "linux": {
            "deb": { "files": files, "depends": deb_depends, "recommends": DEB_RECOMMENDS },
            // zstd, as Fedora packs its own: smaller than Tauri's default gzip, and
            // written in a fraction of its time (the models are most of the package).
            "rpm": {
                "files": files,
                "depends": rpm_depends,
                "recommends": RPM_RECOMMENDS,
                "compression": { "type": "zstd", "level": 10 },
            },
        }}
    }))
}

/// The Debian packages the binaries' libraries come from, with the versions their
/// symbols need, as `dpkg-shlibdeps` works them out.
fn shlib_depends(elves: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let work = tempfile::tempdir()?;
    std::fs::create_dir_all(work.path().join("debian"))?;
    std::fs::write(
        work.path().join("debian/control"),
        "Source: satchel\n\nPackage: satchel\nArchitecture: any\n",
    )?;
    let mut command = Command::new("dpkg-shlibdeps");
    command.arg("-O");
    for elf in elves {
        command.arg(format!("-e{}", elf.display()));
    }
    let out = command
        .current_dir(work.path())
        .output()
        .context("running dpkg-shlibdeps")?;
    if !out.status.success() {
        bail!(
            "dpkg-shlibdeps failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("shlibs:Depends="))
        .context("dpkg-shlibdeps printed no shlibs:Depends")?;
    Ok(line.split(", ").map(str::to_owned).collect())
}

/// The libraries the binaries link, as RPM's automatic requirements name them
/// (`libfoo.so.1()(64bit)`), less those the package carries itself.
fn rpm_requires(elves: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    let carried: BTreeSet<String> = elves
        .iter()
        .filter_map(|e| e.file_name()?.to_str().map(str::to_owned))
        .collect();
    let mut needed = BTreeSet::new();
    for elf in elves {
        let dump = output(Command::new("objdump").arg("-p").arg(elf))?;
        for line in dump.lines() {
            if let Some(name) = line.trim().strip_prefix("NEEDED") {
                let name = name.trim();
                if !carried.contains(name) {
                    needed.insert(format!("{name}()(64bit)"));
                }
            }
        }
    }
    Ok(needed.into_iter().collect())
}

/// The metainfo's newest release must be the one being packaged.
fn check_metainfo() -> anyhow::Result<()> {
    let path = root().join(METAINFO);
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {METAINFO}"))?;
    let version = workspace_version()?;
    let newest = text
        .split("<release ")
        .nth(1)
        .and_then(|r| r.split("version=\"").nth(1))
        .and_then(|r| r.split('"').next());
    if newest != Some(version.as_str()) {
        bail!("{METAINFO}: the newest <release> is {newest:?}, but Satchel is {version}");
    }
    exec(
        Command::new("appstreamcli")
            .args(["validate", "--no-net", "--pedantic"])
            .arg(&path),
    )
}

/// What is configured for macOS and Flatpak but cannot be built here is at least read
/// by the parsers of its formats: the property lists by Python's plistlib, the
/// Flatpak manifest as JSON naming this version's `.deb`.
fn check_other_platforms() -> anyhow::Result<()> {
    for plist in [
        "src-tauri/Info.plist",
        "packaging/macos/Satchel.entitlements",
    ] {
        exec(
            Command::new("python3")
                .args([
                    "-c",
                    "import plistlib, sys; plistlib.load(open(sys.argv[1], 'rb'))",
                ])
                .arg(root().join(plist)),
        )
        .with_context(|| format!("{plist} is not a property list"))?;
    }
    let path = "packaging/flatpak/org.satchel.desktop.json";
    let manifest: serde_json::Value = serde_json::from_slice(&std::fs::read(root().join(path))?)
        .with_context(|| format!("{path} is not JSON"))?;
    let deb = format!("Satchel_{}_amd64.deb", workspace_version()?);
    let names_deb = manifest["modules"][0]["sources"][0]["path"]
        .as_str()
        .is_some_and(|p| p.ends_with(&deb));
    if manifest["id"] != "org.satchel.desktop" || !names_deb {
        bail!("{path}: its id or the .deb it repackages ({deb}) is not this release's");
    }
    Ok(())
}

pub fn workspace_version() -> anyhow::Result<String> {
    let text = std::fs::read_to_string(root().join("src-tauri/tauri.conf.json"))?;
    let config: serde_json::Value = serde_json::from_str(&text)?;
    config["version"]
        .as_str()
        .map(str::to_owned)
        .context("tauri.conf.json has no version")
}

fn copy_one(dir: &Path, extension: &str, dist: &Path) -> anyhow::Result<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("listing {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    let [one] = <[PathBuf; 1]>::try_from(found).map_err(|f| {
        anyhow::anyhow!(
            "expected one .{extension} in {}, found {f:?}",
            dir.display()
        )
    })?;
    let to = dist.join(one.file_name().context("a package has a name")?);
    std::fs::copy(&one, &to)?;
    Ok(to)
}

/// Tauri's bundler compresses the `.deb` with gzip, at no level one can choose. xz
/// (which dpkg reads since long before Debian 12) makes the ONNX Runtime library and the
/// programs a third smaller; the models, quantised, hardly compress either way.
fn recompress(deb: &Path) -> anyhow::Result<PathBuf> {
    let work = tempfile::tempdir()?;
    let tree = work.path().join("package");
    exec(Command::new("dpkg-deb").arg("-R").arg(deb).arg(&tree))?;
    let repacked = work.path().join("repacked.deb");
    exec(
        Command::new("dpkg-deb")
            .args(["--root-owner-group", "-Zxz", "-z6", "--build"])
            .arg(&tree)
            .arg(&repacked),
    )?;
    std::fs::copy(&repacked, deb)?;
    Ok(deb.to_owned())
}

/// The `.deb`'s files, unpacked into `satchel-<version>-x86_64-linux/` and packed as
/// `.tar.xz`: the same tree, runnable from wherever it is unpacked.
fn tarball(deb: &Path, dist: &Path) -> anyhow::Result<PathBuf> {
    let version = workspace_version()?;
    let name = format!("satchel-{version}-x86_64-linux");
    let work = tempfile::tempdir()?;
    let tree = work.path().join(&name);
    exec(Command::new("dpkg-deb").arg("-x").arg(deb).arg(&tree))?;
    let out = dist.join(format!("{name}.tar.xz"));
    exec(
        Command::new("tar")
            .arg("-C")
            .arg(work.path())
            .args(["--owner=0", "--group=0", "-I", "xz -T2 -6", "-cf"])
            .arg(&out)
            .arg(&name),
    )?;
    Ok(out)
}
