//! Choosing and opening a profile from the command line.

use std::io::IsTerminal;
use std::path::PathBuf;

use satchel_core::types::{ErrorCode, ProfileView, Protection, UnlockRequest};
use satchel_core::{Profile, Satchel, keychain_from_env};

use crate::cli::Cli;
use crate::output::Failure;

pub const PASSPHRASE_ENV: &str = "SATCHEL_PASSPHRASE";
pub const NEW_PASSPHRASE_ENV: &str = "SATCHEL_NEW_PASSPHRASE";
pub const RECOVERY_CODE_ENV: &str = "SATCHEL_RECOVERY_CODE";

pub fn open_satchel(cli: &Cli) -> Result<Satchel, Failure> {
    Ok(Satchel::new(data_dir(cli)?, keychain_from_env())?)
}

fn data_dir(cli: &Cli) -> Result<PathBuf, Failure> {
    Ok(match &cli.data_dir {
        Some(dir) => dir.clone(),
        None => Satchel::default_data_dir()?,
    })
}

/// Where this command finds its models: what this copy of Satchel carries (found from
/// its own executable), packs imported into the data folder, and a developer's cache.
pub fn model_dirs(cli: &Cli) -> Vec<PathBuf> {
    satchel_core::models::model_dirs(data_dir(cli).ok().as_deref())
}

/// The profile `--profile` names, or the only one there is.
pub fn choose_profile(cli: &Cli, satchel: &Satchel) -> Result<ProfileView, Failure> {
    let profiles = satchel.profiles()?;
    if let Some(wanted) = &cli.profile {
        let lower = wanted.to_lowercase();
        return profiles
            .into_iter()
            .find(|p| p.id == *wanted || p.name.to_lowercase() == lower)
            .ok_or_else(|| satchel_core::Error::ProfileNotFound(wanted.clone()).into());
    }
    match <[ProfileView; 1]>::try_from(profiles) {
        Ok([only]) => Ok(only),
        Err(profiles) if profiles.is_empty() => Err(Failure::new(
            ErrorCode::ProfileNotFound,
            "there are no profiles yet",
        )
        .with_hint("create one with `satchel profile create NAME`")),
        Err(_) => Err(Failure::new(
            ErrorCode::InvalidInput,
            "there are several profiles; say which with --profile NAME",
        )),
    }
}

/// Opens the chosen profile with the keychain or its passphrase.
pub fn unlock(cli: &Cli, satchel: &Satchel) -> Result<Profile, Failure> {
    let chosen = choose_profile(cli, satchel)?;
    let request = match chosen.protection {
        Protection::Keychain => UnlockRequest::Keychain,
        Protection::Passphrase => {
            let passphrase = secret(PASSPHRASE_ENV, &format!("Passphrase for {}: ", chosen.name))?
                .ok_or_else(|| satchel_core::Error::PassphraseRequired {
                    profile: chosen.name.clone(),
                })?;
            UnlockRequest::Passphrase { passphrase }
        }
    };
    let profile = satchel.unlock(&chosen.id, &request)?;
    announce_unshown_code(&profile)?;
    Ok(profile)
}

/// A code made by an interrupted rotation (or a window closed too soon) is shown
/// here, on stderr so that it never mixes into JSON output.
pub fn announce_unshown_code(profile: &Profile) -> Result<(), Failure> {
    if let Some(code) = profile.unshown_recovery_code()? {
        eprintln!(
            "Your recovery code for {} is {code}\nWrite it down: it opens your notes if this computer's keychain or your passphrase is lost.",
            profile.name()
        );
        profile.acknowledge_recovery_code()?;
    }
    Ok(())
}

/// A secret from the environment, or typed without echo when a person is there.
pub fn secret(env: &str, prompt: &str) -> Result<Option<String>, Failure> {
    if let Ok(value) = std::env::var(env) {
        return Ok(Some(value));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    rpassword::prompt_password(prompt).map(Some).map_err(|e| {
        Failure::new(
            ErrorCode::InvalidInput,
            format!("reading from the terminal: {e}"),
        )
    })
}

/// A new passphrase, typed twice when it is typed.
pub fn new_passphrase(env: &str) -> Result<Option<String>, Failure> {
    if let Ok(value) = std::env::var(env) {
        return Ok(Some(value));
    }
    let Some(first) = secret(env, "New passphrase: ")? else {
        return Ok(None);
    };
    let again = secret(env, "Type it again: ")?.unwrap_or_default();
    if first != again {
        return Err(Failure::new(
            ErrorCode::InvalidInput,
            "the two passphrases differ; nothing was changed",
        ));
    }
    Ok(Some(first))
}
