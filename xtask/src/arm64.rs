//! The class server for a Raspberry Pi (`aarch64-unknown-linux-gnu`), cross-built here
//! with Debian's cross GCC, and run under `qemu-aarch64` (Debian's qemu-user) by the
//! tests.
//!
//! `cargo xtask bundle server-arm64` writes `dist/satchel-server-arm64` and a `.deb`
//! with a systemd unit: a `satchel` system user, data in `/var/lib/satchel`, the listen
//! address and advertised name in `/etc/satchel/server.toml`. SQLCipher's crypto is
//! OpenSSL built here from source (the `vendored-openssl` feature), so the binary needs
//! nothing on the Pi but its C library.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::setup;
use crate::shell::{exec, root, target_dir};

pub const TARGET: &str = "aarch64-unknown-linux-gnu";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The cross compiler, qemu-user and the Rust target.
pub fn prepare() -> anyhow::Result<()> {
    setup::apt_install(&[
        "gcc-aarch64-linux-gnu",
        "libc6-dev-arm64-cross",
        "qemu-user",
        "dpkg-dev",
    ])?;
    setup::rust_target(TARGET)
}

/// `satchel-server` for the Pi; `release` for the package, debug for the tests.
pub fn build(release: bool) -> anyhow::Result<PathBuf> {
    prepare()?;
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .args([
            "build",
            "-p",
            "satchel-server",
            "--features",
            "vendored-openssl",
        ])
        .args(["--target", TARGET])
        .current_dir(root())
        .env(
            "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER",
            "aarch64-linux-gnu-gcc",
        )
        .env("CC_aarch64_unknown_linux_gnu", "aarch64-linux-gnu-gcc")
        .env("AR_aarch64_unknown_linux_gnu", "aarch64-linux-gnu-ar");
    if release {
        cargo.arg("--release");
    }
    exec(&mut cargo)?;
    let profile = if release { "release" } else { "debug" };
    Ok(target_dir()
        .join(TARGET)
        .join(profile)
        .join("satchel-server"))
}

/// `cargo xtask bundle server-arm64`.
pub fn bundle() -> anyhow::Result<()> {
    let built = build(true)?;
    let dist = root().join("dist");
    std::fs::create_dir_all(&dist)?;
    let bare = dist.join("satchel-server-arm64");
    std::fs::copy(&built, &bare)?;
    exec(
        Command::new("aarch64-linux-gnu-strip")
            .arg("--strip-unneeded")
            .arg(&bare),
    )?;
    let deb = deb(&bare, &dist)?;
    for path in [&bare, &deb] {
        println!(
            "{:>12} bytes  {}",
            std::fs::metadata(path)?.len(),
            path.display()
        );
    }
    Ok(())
}

/// The settings the package installs (kept across upgrades: a conffile).
pub const SERVER_TOML: &str = r#"# The Satchel class server. After a change: sudo systemctl restart satchel-server
# Every option of `satchel-server --help` may be set here by its long name.

# Where students' devices reach it: every address of this machine, port 7480.
listen = "0.0.0.0:7480"
# The name students' apps list when they look for a class nearby.
advertise = "Satchel class server"
data-dir = "/var/lib/satchel"
"#;

const UNIT: &str = "[Unit]
Description=Satchel class server
Documentation=man:satchel-server(1)
After=network-online.target
Wants=network-online.target

[Service]
User=satchel
Group=satchel
ExecStart=/usr/bin/satchel-server --config /etc/satchel/server.toml
Restart=on-failure
RestartSec=5
StateDirectory=satchel
StateDirectoryMode=0750
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
ReadWritePaths=/var/lib/satchel

[Install]
WantedBy=multi-user.target
";

const POSTINST: &str = "#!/bin/sh
set -e
if [ \"$1\" = configure ]; then
    if ! getent passwd satchel >/dev/null; then
        adduser --system --group --home /var/lib/satchel --no-create-home \\
            --gecos 'Satchel class server' satchel
    fi
    mkdir -p /var/lib/satchel
    chown satchel:satchel /var/lib/satchel
    chmod 0750 /var/lib/satchel
fi
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
    systemctl enable satchel-server.service || true
    systemctl restart satchel-server.service || true
fi
";

const PRERM: &str = "#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ \"$1\" = remove ]; then
    systemctl stop satchel-server.service || true
    systemctl disable satchel-server.service || true
fi
";

/// The `.deb`, written with dpkg-deb from a tree made here.
fn deb(binary: &Path, dist: &Path) -> anyhow::Result<PathBuf> {
    let tree = tempfile::tempdir()?;
    let at = |p: &str| tree.path().join(p);
    for dir in [
        "DEBIAN",
        "usr/bin",
        "lib/systemd/system",
        "etc/satchel",
        "usr/share/doc/satchel-server",
    ] {
        std::fs::create_dir_all(at(dir))?;
    }
    std::fs::copy(binary, at("usr/bin/satchel-server"))?;
    std::fs::write(at("lib/systemd/system/satchel-server.service"), UNIT)?;
    std::fs::write(at("etc/satchel/server.toml"), SERVER_TOML)?;
    std::fs::write(
        at("usr/share/doc/satchel-server/copyright"),
        "Satchel class server. Licensed under the project's licence (see its repository).\n",
    )?;
    let size_kib = std::fs::metadata(binary)?.len().div_ceil(1024);
    std::fs::write(
        at("DEBIAN/control"),
        format!(
            "Package: satchel-server\n\
             Version: {VERSION}\n\
             Architecture: arm64\n\
             Maintainer: Satchel <satchel@localhost>\n\
             Installed-Size: {size_kib}\n\
             Depends: libc6 (>= 2.34), libgcc-s1, adduser\n\
             Section: net\n\
             Priority: optional\n\
             Description: Satchel class server\n \
             The sync and class server for Satchel, the offline learning app: a\n \
             classroom's devices sync through it, and a teacher hands out lessons\n \
             and reads progress, with no internet. Made for a Raspberry Pi.\n"
        ),
    )?;
    std::fs::write(at("DEBIAN/conffiles"), "/etc/satchel/server.toml\n")?;
    for (name, script) in [("postinst", POSTINST), ("prerm", PRERM)] {
        std::fs::write(at(&format!("DEBIAN/{name}")), script)?;
        exec(
            Command::new("chmod")
                .arg("0755")
                .arg(at(&format!("DEBIAN/{name}"))),
        )?;
    }
    let deb = dist.join(format!("satchel-server_{VERSION}_arm64.deb"));
    exec(
        Command::new("dpkg-deb")
            .args(["--root-owner-group", "-Zxz", "--build"])
            .arg(tree.path())
            .arg(&deb),
    )
    .context("dpkg-deb")?;
    Ok(deb)
}
