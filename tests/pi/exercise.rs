//! A class server driven through its paces by the x86 CLI: what `tests/arm64.rs`
//! checks of the Raspberry Pi build under `qemu-aarch64`, and what
//! `cargo xtask bench pi` times there beside the x86 build (both release).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use satchel_e2e::{Cli, SYNC_PASSWORD, SyncServer};
use satchel_test_kit::PASSPHRASE;
use serde_json::Value;

/// `qemu-aarch64` running the arm64 server, with the target's C library.
pub fn arm64_server() -> Command {
    let binary = std::env::var("SATCHEL_SERVER_ARM64_BIN")
        .expect("SATCHEL_SERVER_ARM64_BIN names the arm64 build (cargo xtask bundle server-arm64)");
    let mut qemu = Command::new("qemu-aarch64");
    qemu.args(["-L", "/usr/aarch64-linux-gnu"]).arg(binary);
    qemu
}

pub fn x86_server() -> Command {
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
pub struct Timings {
    /// A quiet `satchel sync`, the CLI's start and unlock included.
    pub sync_cli: Duration,
    /// `satchel class report`, the same.
    pub report_cli: Duration,
    /// The server alone: `GET /v1/classes/{id}/report` on a kept connection.
    pub report: Duration,
    /// A password sign-in: one Argon2id at 19 MiB on the server.
    pub login: Duration,
}

/// A server by `program`: healthz, two devices' sync, a class's join and report, each
/// step checked; then each timed step run `runs` times.
pub fn exercise(program: impl Fn() -> Command, root: &Path, runs: usize) -> Timings {
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
    let sync_round = median(runs, || {
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
    let report_cli = median(runs, || {
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
    let report = median(runs, || {
        let answer = http
            .get(format!("{}/v1/classes/{class_id}/report", address.base))
            .bearer_auth(&access)
            .send()
            .unwrap();
        assert!(answer.status().is_success());
        answer.bytes().unwrap();
    });
    let login = median(runs, || {
        login();
    });
    Timings {
        sync_cli: sync_round,
        report_cli,
        report,
        login,
    }
}
