//! Note writes per second through the app's one write path, on SQLCipher and on the
//! very same code over an unencrypted database (the anchor), interleaved round by
//! round so the shared machine's noise falls on both alike.
//!
//! Run with `cargo xtask bench store`.

use std::time::Instant;

use satchel_test_kit::{TempSatchel, median};

const ROUNDS: usize = 7;
const NOTES_PER_ROUND: usize = 400;

fn writes_per_second(satchel: &TempSatchel, encrypted: bool, round: usize) -> f64 {
    let name = format!("bench {round} {encrypted}");
    let profile = if encrypted {
        satchel.profile(&name)
    } else {
        satchel.plain_profile(&name)
    }
    .expect("benchmark profile");
    let body =
        "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen. ".repeat(8);
    let started = Instant::now();
    for i in 0..NOTES_PER_ROUND {
        profile
            .add_note(&format!("Note {i}"), &body)
            .expect("note write");
    }
    NOTES_PER_ROUND as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let satchel = TempSatchel::new().expect("satchel");
    let (mut encrypted, mut plain) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        plain.push(writes_per_second(&satchel, false, round));
        encrypted.push(writes_per_second(&satchel, true, round));
    }
    let (satchel_rate, anchor_rate) = (
        median(encrypted).expect("timed rounds"),
        median(plain).expect("timed rounds"),
    );
    println!();
    println!(
        "{:<52} {:>12} {:>12} {:>8}",
        "figure", "satchel", "anchor", "ratio"
    );
    println!(
        "{:<52} {:>10.0}/s {:>10.0}/s {:>8.2}",
        format!("note writes, 1 per transaction, median of {ROUNDS}x{NOTES_PER_ROUND}"),
        satchel_rate,
        anchor_rate,
        satchel_rate / anchor_rate
    );
    println!(
        "(satchel: SQLCipher, WAL, synchronous=FULL; anchor: the same code on an unencrypted database)"
    );
}
