//! The class server built for a Raspberry Pi (aarch64), run here under `qemu-aarch64`:
//! it answers `/healthz`, two devices of one learner sync through it, and a class is
//! made, joined and reported on, all by the x86 CLI. Each step is timed beside the same
//! step against this machine's own server build, for the note's estimate of a real Pi.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use satchel_e2e::{Cli, SYNC_PASSWORD, SyncServer};
use satchel_test_kit::PASSPHRASE;
use serde_json::Value;

/// `qemu-aarch64` running the arm64 server, with the target's C library.
fn arm64_server() -> Command {
    let binary = std::env::var("SATCHEL_SERVER_ARM64_BIN")
        .expect("SATCHEL_SERVER_ARM64_BIN names the arm64 build (cargo xtask bundle server-arm64)");
    let mut qemu = Command::new("qemu-aarch64");
    qemu.args(["-L", "/usr/aarch64-linux-gnu"]).arg(binary);
    qemu
}

fn x86_server() -> Command {
    Command::new(satchel_e2e::binary("SATCHEL_SERVER_BIN", "satchel-server"))
}

fn device(root: &Path, dir: &str, name: &str) -> Cli {
    let cli = Cli::new(&root.join(dir))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", SYNC_PASSWORD);
    cli.json(&["profile", "create", name]);
    cli
}

/// The median of `runs` timings of `step`.
fn median(runs: usize, mut step: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            step();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

/// What each step took, as medians.
struct Timings {
    /// A quiet `satchel sync`, the CLI's start and unlock included.
    sync_cli: Duration,
    /// `satchel class report`, the same.
    report_cli: Duration,
    /// The server alone: `GET /v1/classes/{id}/report` on a kept connection.
    report: Duration,
    /// A password sign-in: one Argon2id at 19 MiB on the server.
    login: Duration,
}

/// A server by `program`: healthz, two devices' sync, a class's join and report.
fn exercise(program: impl Fn() -> Command, root: &Path) -> Timings {
    let data = root.join("server");
    SyncServer::add_user_by(program(), &data, "ada", "learner");
    SyncServer::add_user_by(program(), &data, "Ms Rivera", "teacher");
    let server = SyncServer::start_by(program(), &data, "127.0.0.1:0", &[]);

    let address = satchel_core::ServerAddress::parse(&server.url).unwrap();
    let health: Value = satchel_core::pinned_client(&address)
        .unwrap()
        .get(format!("{}/healthz", address.base))
        .send()
        .unwrap()
        .json()
        .unwrap();
    println!("/healthz: {health}");
    assert_eq!(health["ok"], true);

    let laptop = device(root, "laptop", "Ada");
    laptop.json(&["login", "--server", &server.url, "--user", "ada"]);
    laptop.json(&[
        "note",
        "add",
        "--title",
        "Rivers",
        "--text",
        "Rivers carry sand.",
    ]);
    laptop.json(&[
        "card",
        "add",
        "--front",
        "What carries sand?",
        "--back",
        "Rivers",
    ]);
    laptop.json(&["sync"]);
    let phone = device(root, "phone", "Ada");
    phone.json(&["login", "--server", &server.url, "--user", "ada"]);
    phone.json(&["sync"]);
    let titles: Vec<Value> = phone.json(&["note", "list"]).as_array().unwrap().clone();
    assert_eq!(titles.len(), 1, "the note reached the other device");
    assert_eq!(phone.json(&["card", "list"]).as_array().unwrap().len(), 1);
    let sync_round = median(5, || {
        phone.json(&["sync"]);
    });

    let teacher = device(root, "teacher", "Ms Rivera");
    teacher.json(&["login", "--server", &server.url, "--user", "Ms Rivera"]);
    let class = teacher.json(&["class", "create", "Year 7"]);
    let code = class["code"].as_str().unwrap();
    let link = format!(
        "https://127.0.0.1:{}/join#code={code}&sha256={}",
        server.port, server.fingerprint
    );
    let ben = device(root, "ben", "Ben");
    ben.json(&["class", "join", &link]);
    ben.json(&["card", "add", "--front", "What is 7 × 8?", "--back", "56"]);
    let card = ben.json(&["card", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ben.json(&["review", "answer", &card, "good", "--time-ms", "2000"]);
    ben.json(&["sync"]);
    let report = teacher.json(&["class", "report"]);
    println!("report: {report}");
    assert_eq!(report["students"][0]["name"], "Ben", "{report}");
    assert_eq!(report["students"][0]["reviews"], 1, "{report}");
    let report_cli = median(5, || {
        teacher.json(&["class", "report"]);
    });

    // The server's own share, without the CLI: a kept TLS connection.
    let http = satchel_core::pinned_client(&address).unwrap();
    let login = || {
        http.post(format!("{}/v1/auth/login", address.base))
            .json(&serde_json::json!({
                "name": "Ms Rivera", "password": SYNC_PASSWORD, "device": "bench"
            }))
            .send()
            .unwrap()
            .json::<Value>()
            .unwrap()
    };
    let access = login()["access_token"].as_str().unwrap().to_owned();
    let class_id = class["id"].as_str().unwrap();
    let report = median(9, || {
        let answer = http
            .get(format!("{}/v1/classes/{class_id}/report", address.base))
            .bearer_auth(&access)
            .send()
            .unwrap();
        assert!(answer.status().is_success());
        answer.bytes().unwrap();
    });
    let login = median(3, || {
        login();
    });
    Timings {
        sync_cli: sync_round,
        report_cli,
        report,
        login,
    }
}

#[test]
#[ignore = "needs the arm64 server and qemu-user: SATCHEL_SERVER_ARM64_BIN (cargo xtask test provides it)"]
fn the_raspberry_pi_server_serves_a_class_under_emulation() {
    let arm = tempfile::tempdir().unwrap();
    let arm = exercise(arm64_server, arm.path());
    let here = tempfile::tempdir().unwrap();
    let x86 = exercise(x86_server, here.path());
    let row = |what: &str, a: Duration, b: Duration| {
        println!(
            "{what}: arm64 under qemu {:.1} ms, x86 {:.1} ms ({:.1}x)",
            a.as_secs_f64() * 1e3,
            b.as_secs_f64() * 1e3,
            a.as_secs_f64() / b.as_secs_f64()
        );
    };
    // The CLI's own start and unlock are the same both ways: the server's share is
    // what differs.
    row("quiet sync, CLI included", arm.sync_cli, x86.sync_cli);
    row("class report, CLI included", arm.report_cli, x86.report_cli);
    row("class report, the server alone", arm.report, x86.report);
    row(
        "password sign-in (Argon2id), the server alone",
        arm.login,
        x86.login,
    );
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
