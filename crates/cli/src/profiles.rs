use satchel_core::types::{ErrorCode, ProfileView, Protection, RecoveryCodeView, UnlockRequest};
use satchel_core::{Error, Satchel};

use crate::cli::{Cli, ProfileCommand};
use crate::output::{Failure, print};
use crate::unlock::{
    NEW_PASSPHRASE_ENV, PASSPHRASE_ENV, RECOVERY_CODE_ENV, choose_profile, new_passphrase, secret,
    unlock,
};

pub fn run(cli: &Cli, satchel: &Satchel, command: &ProfileCommand) -> Result<(), Failure> {
    match command {
        ProfileCommand::Create { name, passphrase } => create(cli, satchel, name, *passphrase),
        ProfileCommand::List => print(cli.json, &satchel.profiles()?, |profiles| {
            if profiles.is_empty() {
                println!("No profiles yet. Create one with `satchel profile create NAME`.");
            }
            for profile in profiles {
                println!(
                    "{}\t{}\t{}",
                    profile.id,
                    profile.name,
                    protection_words(profile.protection)
                );
            }
        }),
        ProfileCommand::RotateKey => {
            let mut profile = unlock(cli, satchel)?;
            let passphrase = match profile.view().protection {
                Protection::Passphrase => secret(PASSPHRASE_ENV, "Passphrase: ")?,
                Protection::Keychain => None,
            };
            let code = profile.rotate_key(passphrase.as_deref())?;
            let view = RecoveryCodeView {
                profile: profile.view(),
                recovery_code: code.as_str().to_owned(),
            };
            print(cli.json, &view, show_recovery_code)?;
            Ok(profile.acknowledge_recovery_code()?)
        }
        ProfileCommand::Recover => recover(cli, satchel),
        ProfileCommand::Rename { name } => {
            let mut profile = unlock(cli, satchel)?;
            let view = satchel.rename_profile(&mut profile, name)?;
            print(cli.json, &view, |v| println!("Renamed to {}.", v.name))
        }
        ProfileCommand::Protect { passphrase, .. } => {
            let mut profile = unlock(cli, satchel)?;
            let current = match profile.view().protection {
                Protection::Passphrase => secret(PASSPHRASE_ENV, "Current passphrase: ")?,
                Protection::Keychain => None,
            };
            let new = if *passphrase {
                Some(require_new_passphrase(NEW_PASSPHRASE_ENV)?)
            } else {
                None
            };
            let view = satchel.protect_profile(&mut profile, current.as_deref(), new.as_deref())?;
            print(cli.json, &view, |v| {
                println!("{} is now {}.", v.name, protection_words(v.protection));
            })
        }
        ProfileCommand::Remove { name, keep_backup } => {
            // The name typed picks the learner too, unless --profile already did.
            let chosen = match &cli.profile {
                Some(_) => choose_profile(cli, satchel)?,
                None => satchel
                    .profiles()?
                    .into_iter()
                    .find(|p| p.name.to_lowercase() == name.trim().to_lowercase())
                    .ok_or_else(|| Error::ProfileNotFound(name.clone()))?,
            };
            let request = match chosen.protection {
                Protection::Keychain => UnlockRequest::Keychain,
                Protection::Passphrase => UnlockRequest::Passphrase {
                    passphrase: secret(
                        PASSPHRASE_ENV,
                        &format!("Passphrase for {}: ", chosen.name),
                    )?
                    .ok_or_else(|| Error::PassphraseRequired {
                        profile: chosen.name.clone(),
                    })?,
                },
            };
            let kept = satchel.remove_profile(&chosen.id, name, &request, *keep_backup)?;
            let reply = serde_json::json!({ "removed": chosen, "backup": kept });
            print(cli.json, &reply, |_| {
                println!("Removed {} and their library.", chosen.name);
                if let Some(kept) = &kept {
                    println!("A last backup is kept: {}", kept.path);
                }
            })
        }
    }
}

fn create(cli: &Cli, satchel: &Satchel, name: &str, want_passphrase: bool) -> Result<(), Failure> {
    let passphrase = if want_passphrase || std::env::var_os(PASSPHRASE_ENV).is_some() {
        Some(require_new_passphrase(PASSPHRASE_ENV)?)
    } else {
        None
    };
    let created = match satchel.create_profile(name, passphrase.as_deref()) {
        Err(Error::PassphraseRequired { .. }) if passphrase.is_none() => {
            eprintln!("No keychain answers on this computer, so this profile needs a passphrase.");
            let passphrase = require_new_passphrase(PASSPHRASE_ENV)?;
            satchel.create_profile(name, Some(&passphrase))
        }
        other => other,
    };
    let (profile, code) = created?;
    let view = RecoveryCodeView {
        profile: profile.view(),
        recovery_code: code.as_str().to_owned(),
    };
    print(cli.json, &view, |view| {
        println!(
            "Created profile {} ({}).",
            view.profile.name,
            protection_words(view.profile.protection)
        );
        show_recovery_code(view);
    })?;
    Ok(profile.acknowledge_recovery_code()?)
}

fn recover(cli: &Cli, satchel: &Satchel) -> Result<(), Failure> {
    let chosen: ProfileView = choose_profile(cli, satchel)?;
    let recovery_code = secret(RECOVERY_CODE_ENV, "Recovery code: ")?.ok_or_else(|| {
        Failure::new(ErrorCode::InvalidInput, "no recovery code given").with_hint(format!(
            "set {RECOVERY_CODE_ENV}, or run in a terminal to type it"
        ))
    })?;
    // Keep the keychain when it can take the key back; otherwise a passphrase.
    let new_passphrase =
        if chosen.protection == Protection::Keychain && satchel.keychain_available() {
            None
        } else {
            Some(require_new_passphrase(NEW_PASSPHRASE_ENV)?)
        };
    let profile = satchel.unlock(
        &chosen.id,
        &UnlockRequest::RecoveryCode {
            recovery_code,
            new_passphrase,
        },
    )?;
    crate::unlock::announce_unshown_code(&profile)?;
    print(cli.json, &profile.view(), |view| {
        println!(
            "Opened {} with its recovery code; it is {} from now on.",
            view.name,
            protection_words(view.protection)
        );
    })
}

fn require_new_passphrase(env: &str) -> Result<String, Failure> {
    new_passphrase(env)?.ok_or_else(|| {
        Failure::new(ErrorCode::PassphraseRequired, "a passphrase is needed")
            .with_hint(format!("set {env}, or run in a terminal to type one"))
    })
}

fn show_recovery_code(view: &RecoveryCodeView) {
    println!("Recovery code: {}", view.recovery_code);
    println!(
        "Write it down and keep it safe: it opens your notes if this computer's keychain or your passphrase is ever lost. It is shown only now."
    );
}

fn protection_words(protection: Protection) -> &'static str {
    match protection {
        Protection::Keychain => "opened by this computer's keychain",
        Protection::Passphrase => "protected by a passphrase",
    }
}
