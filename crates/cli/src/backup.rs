//! Backups from the command line: making one, listing them, restoring one.

use std::path::Path;

use satchel_core::Satchel;
use satchel_core::types::{BackupKind, BackupView, Protection, UnlockRequest};

use crate::cli::Cli;
use crate::learn::now;
use crate::output::{Failure, print};
use crate::unlock::{
    NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, RECOVERY_CODE_ENV, announce_unshown_code, secret, unlock,
};

fn size(bytes: u64) -> String {
    if bytes >= 10 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}

fn describe(backup: &BackupView) -> String {
    let contents = backup.contents.map_or_else(
        || "as it was when replaced".to_owned(),
        |c| {
            format!(
                "{} notes, {} sources, {} cards, {} reviews",
                c.notes, c.sources, c.cards, c.reviews
            )
        },
    );
    let kind = match backup.kind {
        BackupKind::Automatic => "automatic",
        BackupKind::Manual => "made by hand",
        BackupKind::BeforeRestore => "kept before a restore",
    };
    format!(
        "{} — {} UTC ({kind}, {}): {contents}\n  {}",
        backup.profile_name,
        satchel_core::utc_date_time(backup.made_at),
        size(backup.bytes),
        backup.path
    )
}

pub fn backup(cli: &Cli, satchel: &Satchel, file: Option<&Path>) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let made = profile.backup(BackupKind::Manual, file, now()?)?;
    print(cli.json, &made, |b| println!("Backed up {}", describe(b)))
}

pub fn backups(cli: &Cli, satchel: &Satchel, all: bool) -> Result<(), Failure> {
    let found = if all {
        satchel.backups()
    } else {
        unlock(cli, satchel)?.backups()
    };
    print(cli.json, &found, |found| {
        if found.is_empty() {
            println!("No backups yet.");
        }
        for backup in found {
            println!("{}", describe(backup));
        }
    })
}

pub fn restore(cli: &Cli, satchel: &Satchel, file: &Path) -> Result<(), Failure> {
    let backup = satchel.read_backup(file)?;
    let request = if let Ok(code) = std::env::var(RECOVERY_CODE_ENV) {
        UnlockRequest::RecoveryCode {
            recovery_code: code,
            new_passphrase: std::env::var(NEW_PASSPHRASE_ENV).ok(),
        }
    } else {
        match backup.protection {
            Protection::Keychain => UnlockRequest::Keychain,
            Protection::Passphrase => {
                let passphrase = secret(
                    PASSPHRASE_ENV,
                    &format!("Passphrase {} had when backed up: ", backup.profile_name),
                )?
                .ok_or_else(|| satchel_core::Error::PassphraseRequired {
                    profile: backup.profile_name.clone(),
                })?;
                UnlockRequest::Passphrase { passphrase }
            }
        }
    };
    let (profile, restored) = satchel.restore(file, &request, now()?)?;
    announce_unshown_code(&profile)?;
    print(cli.json, &restored, |r| {
        println!("Restored {}", describe(&r.backup));
        if let Some(replaced) = &r.replaced {
            println!(
                "The library it replaced is kept as a backup:\n  {}",
                replaced.path
            );
        }
    })
}
