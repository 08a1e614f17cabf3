//! `cargo xtask bench pi`: the class server for a Raspberry Pi, run under
//! `qemu-aarch64`, beside the x86 build of the same source: both release, the same x86
//! CLI driving both (its start and unlock are the same on either side), the same steps. The anchor is the x86 server on this machine; the
//! ratio is how much slower the emulated Pi build is. Emulation translates arm64 code
//! to this x86, so this measures the build and what emulation costs, not a Pi: the
//! note says what a Pi 4 would likely do.

#[path = "../pi/exercise.rs"]
mod exercise;

use std::time::Duration;

use exercise::{Timings, arm64_server, exercise, x86_server};

const RUNS: usize = 9;

/// One row of the table: its label and which timing it shows.
type Row = (&'static str, fn(&Timings) -> Duration);

fn main() {
    let arm = tempfile::tempdir().expect("a scratch folder");
    let arm = exercise(arm64_server, arm.path(), RUNS);
    let x86 = tempfile::tempdir().expect("a scratch folder");
    let x86 = exercise(x86_server, x86.path(), RUNS);
    println!();
    println!(
        "{:<52} {:>14} {:>12} {:>8}",
        "figure (median of 9)", "arm64 (qemu)", "x86 anchor", "ratio"
    );
    let rows: [Row; 4] = [
        ("class report, the server alone", |t| t.report),
        (
            "password sign-in (Argon2id 19 MiB), the server alone",
            |t| t.login,
        ),
        ("quiet sync, CLI start and unlock included", |t| t.sync_cli),
        ("class report, CLI start and unlock included", |t| {
            t.report_cli
        }),
    ];
    for (what, figure) in rows {
        let (a, b) = (figure(&arm), figure(&x86));
        println!(
            "{:<52} {:>12.1}ms {:>10.1}ms {:>8.2}",
            what,
            a.as_secs_f64() * 1e3,
            b.as_secs_f64() * 1e3,
            a.as_secs_f64() / b.as_secs_f64()
        );
    }
}
