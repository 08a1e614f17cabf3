//! A clean Debian 12 root with the built `.deb` installed in it, for the install test
//! (`tests/install.rs`), made while the registries are in reach; the test then runs
//! what it installed there with the network cut.
//!
//! The bare system (`mmdebstrap --variant=apt`, from deb.debian.org) is made once and
//! kept as a tarball under `~/.cache/satchel/debroot`, with the packages apt fetched
//! for it and for Satchel's dependencies, so a warm run installs without downloading.
//! Each run unpacks a fresh root from it: only what the package itself declares gets
//! installed, so a library it forgets to depend on fails the test. The test's own tools
//! (Xvfb, WebKitWebDriver) are only downloaded into the root's cache here, and installed
//! by the test after the command line has been tried without them.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::setup;
use crate::shell::{exec, on_path};

const SUITE: &str = "bookworm";
const SOURCES: &[&str] = &[
    "deb http://deb.debian.org/debian bookworm main",
    "deb http://deb.debian.org/debian bookworm-updates main",
    "deb http://deb.debian.org/debian-security bookworm-security main",
];
/// What the test needs in the root besides Satchel: a display and the WebDriver for
/// WebKitGTK that tauri-driver talks to.
pub const HARNESS_PACKAGES: &[&str] = &["xvfb", "xauth", "webkit2gtk-driver"];

fn cache() -> PathBuf {
    let models = crate::models::models_dir();
    models.parent().unwrap_or(&models).join("debroot")
}

/// apt's archive cache for the root, kept between runs.
pub fn archives() -> PathBuf {
    cache().join("archives")
}

/// A fresh root at `~/.cache/satchel/debroot/root` with `deb` installed.
pub fn prepare(deb: &Path) -> anyhow::Result<PathBuf> {
    setup::apt_install(&["mmdebstrap"])?;
    let cache = cache();
    let archives = archives();
    std::fs::create_dir_all(&archives)?;
    let base = cache.join("base.tar");
    if !base.exists() {
        make_base(&base, &archives)?;
    }
    let root = cache.join("root");
    if root.exists() {
        // Nothing is mounted in it: every mount the test makes lives in a mount
        // namespace of its own, gone with its process.
        std::fs::remove_dir_all(&root).with_context(|| format!("removing {}", root.display()))?;
    }
    std::fs::create_dir_all(&root)?;
    exec(
        Command::new("tar")
            .arg("-C")
            .arg(&root)
            .arg("-xf")
            .arg(&base),
    )?;
    let package = root.join("tmp/satchel.deb");
    std::fs::copy(deb, &package)?;
    let script = format!(
        "apt-get update -q && \
         apt-get install -y -q --no-install-recommends /tmp/satchel.deb && \
         apt-get install -y -q --no-install-recommends --download-only {}",
        HARNESS_PACKAGES.join(" ")
    );
    exec(&mut in_root(&root, &archives, &script))?;
    std::fs::remove_file(&package)?;
    // tauri-driver is a cargo-installed binary needing only libc: the host's serves.
    if on_path("tauri-driver") {
        let driver =
            crate::shell::output(Command::new("sh").args(["-c", "command -v tauri-driver"]))?;
        std::fs::copy(driver.trim(), root.join("usr/local/bin/tauri-driver"))?;
    }
    Ok(root)
}

/// `script` run by `sh` chrooted in `root`, with /proc, /dev and /sys mounted for it
/// alone (a private mount namespace) and apt's archive cache kept outside the root.
fn in_root(root: &Path, archives: &Path, script: &str) -> Command {
    let mut command = Command::new("unshare");
    command
        .args([
            "--mount",
            "--propagation",
            "private",
            "--pid",
            "--fork",
            "--",
        ])
        .args([
            "sh",
            "-c",
            "r=$1; a=$2; s=$3; mount -t proc proc \"$r/proc\" && \
             mount --rbind /dev \"$r/dev\" && mount --rbind /sys \"$r/sys\" && \
             mount --bind \"$a\" \"$r/var/cache/apt/archives\" && \
             exec chroot \"$r\" env DEBIAN_FRONTEND=noninteractive sh -c \"$s\"",
            "sh",
        ])
        .arg(root)
        .arg(archives)
        .arg(script);
    command
}

fn make_base(base: &Path, archives: &Path) -> anyhow::Result<()> {
    // mmdebstrap picks the format by the extension.
    let partial = base.with_file_name("base.partial.tar");
    let mut command = Command::new("mmdebstrap");
    command
        .args(["--variant=apt", "--mode=root", "--skip=essential/unlink"])
        .arg(format!(
            "--setup-hook=mkdir -p \"$1/var/cache/apt/archives\" && cp -a {}/. \"$1/var/cache/apt/archives/\"",
            archives.display()
        ))
        .arg(format!(
            "--customize-hook=cp -a \"$1/var/cache/apt/archives/.\" {}/",
            archives.display()
        ))
        // Loopback by name: tauri-driver finds WebKitWebDriver at "localhost".
        .arg("--customize-hook=printf '127.0.0.1\\tlocalhost\\n::1\\tlocalhost\\n' > \"$1/etc/hosts\"")
        .arg(SUITE)
        .arg(&partial);
    command.args(SOURCES);
    exec(&mut command)?;
    std::fs::rename(&partial, base)?;
    Ok(())
}
