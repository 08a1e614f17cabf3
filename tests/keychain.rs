//! The real OS keychain (Secret Service on Linux). Ignored by a plain `cargo test`;
//! `cargo xtask test` runs them on a private D-Bus session with gnome-keyring unlocked.

use std::sync::Arc;

use satchel_core::types::{Protection, UnlockRequest};
use satchel_core::{Error, Keychain, NoKeychain, Satchel, SystemKeychain};
use satchel_e2e::Cli;

fn forget(profile_id: &str) {
    let _ = SystemKeychain.remove(profile_id);
    let _ = SystemKeychain.remove(&format!("{profile_id}.next"));
}

#[test]
#[ignore = "needs a Secret Service; `cargo xtask test` starts one"]
fn a_profile_keeps_its_key_in_the_real_keychain_and_survives_losing_it() {
    let dir = tempfile::tempdir().unwrap();
    let satchel = Satchel::new(dir.path(), Arc::new(SystemKeychain)).unwrap();
    assert!(satchel.keychain_available(), "the Secret Service answers");
    let (mut profile, _) = satchel.create_profile("Real", None).unwrap();
    let id = profile.id().to_owned();
    assert_eq!(profile.view().protection, Protection::Keychain);
    let stored = SystemKeychain
        .load(&id)
        .unwrap()
        .expect("key in the keychain");
    assert_eq!(stored.len(), 32);
    profile.add_note("Kept", "in the keychain's care").unwrap();
    let code = profile.rotate_key(None).unwrap();
    assert_ne!(
        SystemKeychain.load(&id).unwrap().unwrap(),
        stored,
        "rotation replaced the key"
    );
    drop(profile);

    let reopened = satchel.unlock("Real", &UnlockRequest::Keychain).unwrap();
    assert_eq!(reopened.notes().unwrap().len(), 1);
    drop(reopened);

    // The same data on a computer whose keychain is gone: never a new database.
    let db = dir.path().join("profiles").join(&id).join("satchel.db");
    let before = std::fs::read(&db).unwrap();
    let elsewhere = Satchel::new(dir.path(), Arc::new(NoKeychain)).unwrap();
    let error = elsewhere
        .unlock("Real", &UnlockRequest::Keychain)
        .unwrap_err();
    assert!(
        matches!(error, Error::KeychainUnavailable { .. }),
        "{error}"
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let recovered = elsewhere
        .unlock(
            "Real",
            &UnlockRequest::RecoveryCode {
                recovery_code: code.as_str().into(),
                new_passphrase: Some("a long enough passphrase".into()),
            },
        )
        .unwrap();
    assert_eq!(recovered.notes().unwrap()[0].title, "Kept");
    forget(&id);
}

#[test]
#[ignore = "needs a Secret Service; `cargo xtask test` starts one"]
fn the_cli_uses_the_real_keychain_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(dir.path()).without_env("SATCHEL_KEYCHAIN");
    let created = cli.json(&["profile", "create", "Kim"]);
    assert_eq!(created["profile"]["protection"], "keychain");
    cli.ok(&[
        "note",
        "add",
        "--title",
        "No typing",
        "--text",
        "opened by the keychain",
    ]);
    assert_eq!(cli.json(&["note", "list"])[0]["title"], "No typing");
    forget(created["profile"]["id"].as_str().unwrap());
}
