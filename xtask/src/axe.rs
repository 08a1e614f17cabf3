//! axe-core, the accessibility checker the desktop tests run on every page and state
//! they visit: from npm, pinned by version and by its tarball's sha256, cached beside
//! the models.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, bail};

use crate::shell::exec;

const VERSION: &str = "4.11.0";
const TARBALL_SHA256: &str = "39bed7d72308f6d620789c169d699bfd7e8da80f65b545821a6b2215c3e83107";

/// The path of axe-core's browser script, fetched and checked the first time.
pub fn script() -> anyhow::Result<PathBuf> {
    let dir = crate::models::cache().join("axe-core");
    let script = dir.join(format!("axe-{VERSION}.min.js"));
    if script.exists() {
        return Ok(script);
    }
    std::fs::create_dir_all(&dir)?;
    // Debian's npm, unless one is there already (a Node.js from elsewhere brings its
    // own, and conflicts with Debian's).
    if !crate::shell::on_path("npm") {
        crate::setup::apt_install(&["npm"])?;
    }
    exec(
        Command::new("npm")
            .args([
                "pack",
                &format!("axe-core@{VERSION}"),
                "--silent",
                "--pack-destination",
            ])
            .arg(&dir),
    )?;
    let tarball = dir.join(format!("axe-core-{VERSION}.tgz"));
    let sha256 = crate::models::sha256_file(&tarball)?;
    if sha256 != TARBALL_SHA256 {
        std::fs::remove_file(&tarball)?;
        bail!("axe-core {VERSION} from npm has sha256 {sha256}, not the pinned {TARBALL_SHA256}");
    }
    exec(
        Command::new("tar")
            .arg("-xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(&dir)
            .arg("package/axe.min.js"),
    )?;
    std::fs::rename(dir.join("package/axe.min.js"), &script)
        .with_context(|| format!("placing {}", script.display()))?;
    std::fs::remove_dir_all(dir.join("package"))?;
    std::fs::remove_file(&tarball)?;
    Ok(script)
}
