use std::sync::Arc;
use std::sync::atomic::Ordering;

use satchel_types::{Event, Protection, UnlockRequest};

use super::*;
use crate::keys::MemoryKeychain;
use crate::testing::satchel_with;

const PASSPHRASE: &str = "correct horse battery";

fn passphrase(p: &str) -> UnlockRequest {
    UnlockRequest::Passphrase {
        passphrase: p.into(),
    }
}

fn recovery(code: &str, new_passphrase: Option<&str>) -> UnlockRequest {
    UnlockRequest::RecoveryCode {
        recovery_code: code.into(),
        new_passphrase: new_passphrase.map(str::to_owned),
    }
}

fn database_bytes(satchel: &Satchel, profile_id: &str) -> Vec<u8> {
    std::fs::read(
        satchel
            .data_dir()
            .join("profiles")
            .join(profile_id)
            .join(DATABASE_FILE),
    )
    .unwrap()
}

#[test]
fn a_keychain_profile_reopens_with_its_notes() {
    let (_dir, satchel) = satchel_with(Arc::default());
    let (profile, _) = satchel.create_profile("Ada", None).unwrap();
    assert_eq!(profile.view().protection, Protection::Keychain);
    profile.add_note("Cells", "Mitochondria").unwrap();
    drop(profile);

    let profile = satchel.unlock("ada", &UnlockRequest::Keychain).unwrap();
    assert_eq!(profile.notes().unwrap()[0].title, "Cells");
    assert_eq!(satchel.profiles().unwrap().len(), 1);
}

#[test]
fn a_wrong_passphrase_is_a_wrong_key_and_changes_nothing() {
    let (_dir, satchel) = satchel_with(Arc::default());
    let (profile, _) = satchel.create_profile("Ben", Some(PASSPHRASE)).unwrap();
    let id = profile.id().to_owned();
    profile.add_note("t", "b").unwrap();
    drop(profile);
    let before = database_bytes(&satchel, &id);

    let error = satchel
        .unlock("Ben", &passphrase("not the passphrase"))
        .unwrap_err();
    assert!(matches!(error, Error::WrongKey { .. }), "{error}");
    let error = satchel.unlock(
        "Ben",
        &recovery("0000-0000-0000-0000-0000-0000-0000-0000", None),
    );
    assert!(matches!(error, Err(Error::WrongKey { .. })));
    assert_eq!(database_bytes(&satchel, &id), before);
    assert_eq!(
        satchel
            .unlock("Ben", &passphrase(PASSPHRASE))
            .unwrap()
            .notes()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn without_a_keychain_creation_asks_for_a_passphrase_and_leaves_nothing_behind() {
    let keychain = Arc::new(MemoryKeychain::default());
    keychain.offline.store(true, Ordering::SeqCst);
    let (_dir, satchel) = satchel_with(keychain);
    assert!(!satchel.keychain_available());
    let error = satchel.create_profile("Cy", None).unwrap_err();
    assert!(matches!(error, Error::PassphraseRequired { .. }), "{error}");
    assert!(satchel.profiles().unwrap().is_empty());
    assert!(satchel.create_profile("Cy", Some("short")).is_err());
    satchel.create_profile("Cy", Some(PASSPHRASE)).unwrap();
}

#[test]
fn a_lost_keychain_leads_to_recovery_never_to_a_new_database() {
    let keychain = Arc::new(MemoryKeychain::default());
    let (_dir, satchel) = satchel_with(keychain.clone());
    let (profile, code) = satchel.create_profile("Dee", None).unwrap();
    let id = profile.id().to_owned();
    profile.add_note("Kept", "safe").unwrap();
    drop(profile);
    let before = database_bytes(&satchel, &id);

    keychain.offline.store(true, Ordering::SeqCst);
    let error = satchel.unlock("Dee", &UnlockRequest::Keychain).unwrap_err();
    assert!(
        matches!(error, Error::KeychainUnavailable { .. }),
        "{error}"
    );
    // Recovery with the keychain still away needs a passphrase to protect the key.
    let error = satchel
        .unlock("Dee", &recovery(code.as_str(), None))
        .unwrap_err();
    assert!(matches!(error, Error::PassphraseRequired { .. }), "{error}");
    assert_eq!(database_bytes(&satchel, &id), before, "nothing written");

    let profile = satchel
        .unlock("Dee", &recovery(code.as_str(), Some(PASSPHRASE)))
        .unwrap();
    assert_eq!(profile.view().protection, Protection::Passphrase);
    assert_eq!(profile.notes().unwrap()[0].title, "Kept");
    drop(profile);
    satchel.unlock("Dee", &passphrase(PASSPHRASE)).unwrap();
}

#[test]
fn an_emptied_keychain_is_refilled_by_the_recovery_code() {
    let keychain = Arc::new(MemoryKeychain::default());
    let (_dir, satchel) = satchel_with(keychain.clone());
    let (profile, code) = satchel.create_profile("Eve", None).unwrap();
    drop(profile);
    keychain.forget_all();
    let error = satchel.unlock("Eve", &UnlockRequest::Keychain).unwrap_err();
    assert!(matches!(error, Error::KeyMissing { .. }), "{error}");

    let typed = code.as_str().to_lowercase().replace('-', " ");
    drop(satchel.unlock("Eve", &recovery(&typed, None)).unwrap());
    let profile = satchel.unlock("Eve", &UnlockRequest::Keychain).unwrap();
    assert_eq!(profile.view().protection, Protection::Keychain);
}

#[test]
fn names_are_unique_and_profiles_are_found_by_id_too() {
    let (_dir, satchel) = satchel_with(Arc::default());
    let (profile, _) = satchel.create_profile("  Fay ", None).unwrap();
    assert_eq!(profile.name(), "Fay");
    assert!(matches!(
        satchel.create_profile("fay", None),
        Err(Error::ProfileExists(_))
    ));
    assert!(matches!(
        satchel.create_profile("", None),
        Err(Error::Rule(satchel_types::ErrorDetail::Required {
            field: satchel_types::Field::ProfileName
        }))
    ));
    assert!(matches!(
        satchel.create_profile("a\u{7}b", None),
        Err(Error::Rule(satchel_types::ErrorDetail::OneLine {
            field: satchel_types::Field::ProfileName
        }))
    ));
    let id = profile.id().to_owned();
    drop(profile);
    assert_eq!(
        satchel
            .unlock(&id, &UnlockRequest::Keychain)
            .unwrap()
            .name(),
        "Fay"
    );
    assert!(matches!(
        satchel.unlock("nobody", &UnlockRequest::Keychain),
        Err(Error::ProfileNotFound(_))
    ));
}

#[test]
fn a_damaged_manifest_hides_only_its_own_profile() {
    let (_dir, satchel) = satchel_with(Arc::default());
    let (first, _) = satchel.create_profile("Gus", None).unwrap();
    let (second, _) = satchel.create_profile("Hal", None).unwrap();
    std::fs::write(second.dir().join(MANIFEST_FILE), b"not json").unwrap();
    let names: Vec<_> = satchel
        .profiles()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["Gus"]);
    assert!(matches!(
        satchel.unlock(second.id(), &UnlockRequest::Keychain),
        Err(Error::CorruptProfile { .. })
    ));
    drop(first);
}

#[test]
fn the_recovery_code_stays_available_until_acknowledged() {
    let (_dir, satchel) = satchel_with(Arc::default());
    let (profile, code) = satchel.create_profile("Ida", None).unwrap();
    assert_eq!(
        profile.unshown_recovery_code().unwrap().as_deref(),
        Some(code.as_str())
    );
    drop(profile);
    let profile = satchel.unlock("Ida", &UnlockRequest::Keychain).unwrap();
    assert_eq!(
        profile.unshown_recovery_code().unwrap().as_deref(),
        Some(code.as_str())
    );
    profile.acknowledge_recovery_code().unwrap();
    assert_eq!(profile.unshown_recovery_code().unwrap(), None);
}

#[test]
fn rotation_replaces_the_key_and_the_recovery_code() {
    for protection in [Protection::Keychain, Protection::Passphrase] {
        let (_dir, satchel) = satchel_with(Arc::default());
        let secret = (protection == Protection::Passphrase).then_some(PASSPHRASE);
        let (mut profile, old_code) = satchel.create_profile("Jo", secret).unwrap();
        profile.add_note("Kept", "through rotation").unwrap();
        let events = profile.events().subscribe();
        let new_code = profile.rotate_key(secret).unwrap();
        assert_ne!(new_code, old_code);
        assert!(matches!(
            events.try_recv(),
            Ok(Event::ProfileKeyRotated { .. })
        ));
        drop(profile);

        let request = match secret {
            Some(p) => passphrase(p),
            None => UnlockRequest::Keychain,
        };
        let profile = satchel.unlock("Jo", &request).unwrap();
        assert_eq!(profile.notes().unwrap().len(), 1);
        assert!(profile.manifest.rotation.is_none());
        assert!(profile.integrity_problems().unwrap().is_empty());
        drop(profile);
        assert!(matches!(
            satchel.unlock("Jo", &recovery(old_code.as_str(), Some(PASSPHRASE))),
            Err(Error::WrongKey { .. })
        ));
        satchel
            .unlock("Jo", &recovery(new_code.as_str(), Some(PASSPHRASE)))
            .unwrap();
    }
}

#[test]
fn rotation_with_a_wrong_passphrase_changes_nothing() {
    let (_dir, satchel) = satchel_with(Arc::default());
    let (mut profile, _) = satchel.create_profile("Kim", Some(PASSPHRASE)).unwrap();
    let error = profile.rotate_key(Some("wrong passphrase")).unwrap_err();
    assert!(matches!(error, Error::WrongKey { .. }), "{error}");
    assert!(matches!(
        profile.rotate_key(None),
        Err(Error::PassphraseRequired { .. })
    ));
    drop(profile);
    satchel.unlock("Kim", &passphrase(PASSPHRASE)).unwrap();
}

/// A crash after any step of a rotation leaves a profile that opens the usual way,
/// with its notes, and whose shown-or-pending recovery code opens it too.
#[test]
fn a_rotation_cut_short_at_any_step_never_locks_the_learner_out() {
    let steps = [
        RotationStep::NextKeyStored,
        RotationStep::CodeStored,
        RotationStep::RotationRecorded,
        RotationStep::Rekeyed,
        RotationStep::KeychainUpdated,
        RotationStep::ManifestUpdated,
    ];
    for protection in [Protection::Keychain, Protection::Passphrase] {
        for step in steps {
            let (_dir, satchel) = satchel_with(Arc::default());
            let secret = (protection == Protection::Passphrase).then_some(PASSPHRASE);
            let (mut profile, old_code) = satchel.create_profile("Lu", secret).unwrap();
            profile.acknowledge_recovery_code().unwrap();
            profile.add_note("Kept", "through a crash").unwrap();
            let new_code = profile.rotate_key_until(secret, Some(step)).unwrap();
            drop(profile); // the "crash"

            let request = match secret {
                Some(p) => passphrase(p),
                None => UnlockRequest::Keychain,
            };
            let profile = satchel
                .unlock("Lu", &request)
                .unwrap_or_else(|e| panic!("{protection:?} after {step:?}: {e}"));
            assert_eq!(
                profile.notes().unwrap().len(),
                1,
                "{protection:?} after {step:?}"
            );
            assert!(
                profile.manifest.rotation.is_none(),
                "settled after {step:?}"
            );
            let rekeyed = step >= RotationStep::Rekeyed;
            let pending = profile.unshown_recovery_code().unwrap();
            assert_eq!(
                pending.as_deref(),
                rekeyed.then_some(new_code.as_str()),
                "{protection:?} after {step:?}"
            );
            drop(profile);
            let valid_code = if rekeyed { &new_code } else { &old_code };
            satchel
                .unlock("Lu", &recovery(valid_code.as_str(), Some(PASSPHRASE)))
                .unwrap_or_else(|e| panic!("{protection:?} after {step:?}: recovery: {e}"));
        }
    }
}
