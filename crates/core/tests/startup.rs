//! A fresh process that opens several libraries at once: the first keys must not race
//! SQLCipher's own start-up. The race exists only before the first connection, so the
//! test runs itself again in fresh processes, many times, each a new chance to lose it.

use std::process::Command;
use std::sync::{Arc, Barrier};

use satchel_test_kit::TempSatchel;

const CHILD: &str = "SATCHEL_STARTUP_RACE_CHILD";
const TEST: &str = "profiles_opened_at_once_in_a_fresh_process_all_open";
/// Before the fix about one fresh process in three hundred lost the race on this
/// 2-core machine; a hundred (about nine seconds) catch a return of it one time in
/// three, so a regression shows within a few CI runs rather than once a month.
const PROCESSES: usize = 100;
const THREADS: usize = 8;

#[test]
fn profiles_opened_at_once_in_a_fresh_process_all_open() {
    if std::env::var_os(CHILD).is_some() {
        open_at_once();
        return;
    }
    let me = std::env::current_exe().unwrap();
    for run in 0..PROCESSES {
        let out = Command::new(&me)
            .args([TEST, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD, "1")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        // "1 passed": the child ran this very test (a renamed one would run none).
        assert!(
            out.status.success() && stdout.contains("1 passed"),
            "fresh process {run} failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn open_at_once() {
    let barrier = Arc::new(Barrier::new(THREADS));
    let threads: Vec<_> = (0..THREADS)
        .map(|i| {
            let barrier = barrier.clone();
            std::thread::spawn(move || {
                let satchel = TempSatchel::new().map_err(|e| e.to_string())?;
                barrier.wait();
                // Made, keyed and migrated: the whole of opening a library.
                satchel
                    .profile(&format!("Learner {i}"))
                    .map(drop)
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
    let failures: Vec<String> = threads
        .into_iter()
        .filter_map(|t| match t.join() {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e),
            Err(_) => Some("the thread panicked".into()),
        })
        .collect();
    assert!(failures.is_empty(), "{failures:?}");
}
