//! `satchel login`, `logout` and `sync`: this profile and the sync server.

use satchel_core::Satchel;
use satchel_core::jobs::{Clock, SystemClock};
use satchel_core::types::{ErrorCode, SyncStatus, clock};

use crate::cli::{Cli, SyncCommand};
use crate::output::{Failure, print};
use crate::unlock::{secret, unlock};

pub fn login(cli: &Cli, satchel: &Satchel, server: &str, user: &str) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let password = secret("SATCHEL_PASSWORD", "Password: ")?.ok_or_else(|| {
        Failure::new(ErrorCode::InvalidInput, "no password")
            .with_hint("set SATCHEL_PASSWORD, or run in a terminal to type it")
    })?;
    let account = profile.sync().sign_in(server, user, &password)?;
    print(cli.json, &account, |a| {
        println!("Signed in to {} as {} ({}).", a.server, a.name, a.role);
    })
}

pub fn logout(cli: &Cli, satchel: &Satchel) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    profile.sync().sign_out()?;
    print(cli.json, &serde_json::json!({ "signed_out": true }), |_| {
        println!("Signed out. What was synced stays here.");
    })
}

pub fn sync(cli: &Cli, satchel: &Satchel, command: Option<&SyncCommand>) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    match command {
        Some(SyncCommand::Status) => {
            let status = profile.sync().status()?;
            print(cli.json, &status, print_status)
        }
        None => {
            let outcome = profile.sync().now(true)?;
            print(cli.json, &outcome, |o| {
                println!(
                    "Synced in {} round{}: {} sent, {} received; {} reviews, {} cards, {} notes new or changed here; {} pictures and sounds sent, {} brought.",
                    o.rounds,
                    if o.rounds == 1 { "" } else { "s" },
                    bytes(o.bytes_sent),
                    bytes(o.bytes_received),
                    o.reviews,
                    o.cards,
                    o.notes,
                    o.media_sent,
                    o.media_received
                );
            })
        }
    }
}

fn print_status(status: &SyncStatus) {
    match &status.account {
        None => println!("Not signed in to a sync server."),
        Some(a) => println!("Signed in to {} as {} ({}).", a.server, a.name, a.role),
    }
    match status.last_sync_at {
        Some(at) => {
            let ago = (SystemClock.now_ms() - at).max(0);
            println!("Last sync: {} ago.", clock(ago));
        }
        None => println!("Never synced."),
    }
    println!("Changes not yet sent: {}.", status.pending);
    if let Some(error) = &status.last_error {
        println!("The last try failed: {error}");
    }
    if status.resting {
        println!("The server failed several times; it is tried again in a minute.");
    }
}

fn bytes(n: u64) -> String {
    if n < 10_000 {
        format!("{n} B")
    } else if n < 10_000_000 {
        format!("{} kB", n / 1000)
    } else {
        format!("{} MB", n / 1_000_000)
    }
}
