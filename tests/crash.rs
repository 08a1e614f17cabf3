//! SIGKILL during a burst of note writes, at random moments, many times over: every
//! note whose save returned before the kill is there afterwards, and SQLite's and
//! SQLCipher's integrity checks pass.
//!
//! The test binary plays both parts: run plainly it is the parent; with
//! `SATCHEL_CRASH_WRITER=<dir>` it is the writer the parent kills.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use satchel_core::types::UnlockRequest;
use satchel_core::{NoKeychain, Satchel};
use satchel_test_kit::{PASSPHRASE, Rng, TempSatchel};

const KILLS: usize = 24;

fn open(dir: &str) -> satchel_core::Profile {
    let satchel = Satchel::new(dir, Arc::new(NoKeychain)).expect("satchel");
    satchel
        .unlock(
            "Crash",
            &UnlockRequest::Passphrase {
                passphrase: PASSPHRASE.into(),
            },
        )
        .expect("unlock")
}

/// Writes notes as fast as it can, printing each id once its save has returned.
fn writer(dir: &str) {
    let profile = open(dir);
    let body = "Osmosis moves water across a membrane. ".repeat(20);
    let stdout = std::io::stdout();
    for i in 0.. {
        let note = profile
            .add_note(&format!("burst {i}"), &body)
            .expect("note write");
        let mut out = stdout.lock();
        writeln!(out, "{}", note.id)
            .and_then(|()| out.flush())
            .expect("stdout");
    }
}

fn main() {
    if let Ok(dir) = std::env::var("SATCHEL_CRASH_WRITER") {
        writer(&dir);
        return;
    }
    let seed = std::env::var("SATCHEL_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64 | 1)
                .unwrap_or(1)
        });
    println!("crash test: seed {seed} (SATCHEL_CRASH_SEED reproduces it)");
    // Kill moments, reproducible from the seed.
    let mut moments = Rng::new(seed);

    let satchel = TempSatchel::new().expect("satchel");
    let dir_path = satchel.data_dir().to_str().expect("utf-8 path").to_owned();
    drop(satchel.passphrase_profile("Crash").expect("profile"));

    let mut acknowledged_total = 0;
    for round in 1..=KILLS {
        let mut child = Command::new(std::env::current_exe().expect("own path"))
            .env("SATCHEL_CRASH_WRITER", &dir_path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("writer starts");
        let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
        let reader = {
            let acknowledged = Arc::clone(&acknowledged);
            let stdout = child.stdout.take().expect("piped stdout");
            std::thread::spawn(move || {
                let mut lines = BufReader::new(stdout);
                let mut line = String::new();
                // A line cut off by the kill has no newline: it was never acknowledged.
                while lines.read_line(&mut line).unwrap_or(0) > 0 {
                    if let Some(id) = line.strip_suffix('\n') {
                        acknowledged.lock().unwrap().push(id.to_owned());
                    }
                    line.clear();
                }
            })
        };
        // Kill at a random moment after the writer is under way (it first derives
        // its key, which takes a fraction of a second).
        let started = Instant::now();
        while acknowledged.lock().unwrap().is_empty() && started.elapsed() < Duration::from_secs(20)
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(moments.below(300)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        reader.join().expect("reader");

        let acknowledged = acknowledged.lock().unwrap().clone();
        assert!(
            !acknowledged.is_empty(),
            "round {round}: the writer never wrote"
        );
        let profile = open(&dir_path);
        for id in &acknowledged {
            profile
                .note(id)
                .unwrap_or_else(|e| panic!("round {round}: acknowledged note {id} lost: {e}"));
        }
        let problems = profile.integrity_problems().expect("integrity check runs");
        assert!(problems.is_empty(), "round {round}: {problems:?}");
        acknowledged_total += acknowledged.len();
        println!(
            "round {round:2}: killed after {:4} acknowledged writes; all present, integrity ok",
            acknowledged.len()
        );
    }
    let stored = open(&dir_path).notes().expect("list").len();
    println!(
        "crash test: {KILLS} kills, {acknowledged_total} acknowledged notes, {stored} stored, none lost"
    );
}
