//! The class server built for a Raspberry Pi (aarch64), run here under `qemu-aarch64`:
//! it answers `/healthz`, two devices of one learner sync through it, and a class is
//! made, joined and reported on, all by the x86 CLI. Its package holds the server, its
//! unit and its settings. `cargo xtask bench pi` times the same steps beside the x86
//! build.

use std::process::Command;

// The timings and the x86 server are the benchmark's (`benches/pi.rs`).
#[allow(dead_code)]
#[path = "pi/exercise.rs"]
mod exercise;

#[test]
#[ignore = "needs the arm64 server and qemu-user: SATCHEL_SERVER_ARM64_BIN (cargo xtask test provides it)"]
fn the_raspberry_pi_server_serves_a_class_under_emulation() {
    let root = tempfile::tempdir().unwrap();
    // Once each: what it takes, beside the x86 build, is `cargo xtask bench pi`.
    exercise::exercise(exercise::arm64_server, root.path(), 1);
}

/// The package: the server, its systemd unit running as `satchel` with data in
/// /var/lib/satchel, and its settings file kept across upgrades.
#[test]
#[ignore = "needs the arm64 package: SATCHEL_SERVER_ARM64_DEB (cargo xtask test provides it)"]
fn the_raspberry_pi_package_holds_the_server_its_unit_and_settings() {
    let deb = std::env::var("SATCHEL_SERVER_ARM64_DEB").expect("SATCHEL_SERVER_ARM64_DEB");
    let field = |name: &str| {
        let out = Command::new("dpkg-deb")
            .args(["--field", &deb, name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    assert_eq!(field("Architecture"), "arm64");
    assert_eq!(field("Package"), "satchel-server");
    let listing = Command::new("dpkg-deb")
        .args(["--contents", &deb])
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&listing.stdout);
    println!("{listing}");
    for path in [
        "./usr/bin/satchel-server",
        "./lib/systemd/system/satchel-server.service",
        "./etc/satchel/server.toml",
    ] {
        assert!(listing.contains(path), "{path} is not in the package");
    }
    let unpacked = tempfile::tempdir().unwrap();
    let status = Command::new("dpkg-deb")
        .args(["--raw-extract", &deb])
        .arg(unpacked.path())
        .status()
        .unwrap();
    assert!(status.success());
    let unit = std::fs::read_to_string(
        unpacked
            .path()
            .join("lib/systemd/system/satchel-server.service"),
    )
    .unwrap();
    assert!(unit.contains("User=satchel"), "{unit}");
    assert!(unit.contains("--config /etc/satchel/server.toml"), "{unit}");
    let conffiles = std::fs::read_to_string(unpacked.path().join("DEBIAN/conffiles")).unwrap();
    assert_eq!(conffiles.trim(), "/etc/satchel/server.toml");
    // The settings file is what the server reads: the x86 build of the same source
    // starts with it (data in a folder of the test's instead of /var/lib/satchel, on
    // loopback, and not advertised: tests send nothing beyond this machine).
    let settings: String = std::fs::read_to_string(unpacked.path().join("etc/satchel/server.toml"))
        .unwrap()
        .replace(
            "/var/lib/satchel",
            &unpacked.path().join("data").display().to_string(),
        )
        .replace("0.0.0.0:7480", "127.0.0.1:0")
        .lines()
        .filter(|l| !l.starts_with("advertise"))
        .map(|l| format!("{l}\n"))
        .collect();
    let config = unpacked.path().join("server.toml");
    std::fs::write(&config, settings).unwrap();
    let mut server =
        std::process::Command::new(satchel_e2e::binary("SATCHEL_SERVER_BIN", "satchel-server"))
            .arg("--config")
            .arg(&config)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(server.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let _ = server.kill();
    let _ = server.wait();
    assert!(
        line.starts_with("listening on https://127.0.0.1:"),
        "{line}"
    );
    assert!(unpacked.path().join("data/server.sqlite3").exists());
}
