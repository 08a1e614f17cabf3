//! Looking after a profile: renaming it, changing what opens it (the keychain, a
//! passphrase, another passphrase), and removing it.

use std::fs;
use std::path::Path;

use satchel_types::{BackupKind, ProfileView, Protection, UnlockRequest};

use super::{Satchel, validate_name, validate_passphrase};
use crate::keys::{KeySlot, KeychainFailure, SlotKind};
use crate::profile::Profile;
use crate::{Error, Result, now_ms};

impl Satchel {
    /// Renames `profile`; no two learners here share a name.
    pub fn rename_profile(&self, profile: &mut Profile, name: &str) -> Result<ProfileView> {
        let name = validate_name(name)?;
        let taken = self
            .profiles()?
            .iter()
            .any(|p| p.id != profile.manifest.id && p.name.to_lowercase() == name.to_lowercase());
        if taken {
            return Err(Error::ProfileExists(name));
        }
        profile.manifest.name = name;
        profile.manifest.save(&profile.dir)?;
        Ok(profile.view())
    }

    /// Changes what opens `profile`: `new_passphrase` from now on, or this computer's
    /// keychain when `None`. A profile opened by a passphrase needs it (`current`).
    /// The recovery code keeps working either way.
    pub fn protect_profile(
        &self,
        profile: &mut Profile,
        current: Option<&str>,
        new_passphrase: Option<&str>,
    ) -> Result<ProfileView> {
        let id = profile.manifest.id.clone();
        let name = profile.manifest.name.clone();
        if profile.manifest.protection == Protection::Passphrase {
            let opened = profile
                .manifest
                .slot(SlotKind::Passphrase)
                .map(|slot| slot.open(current.unwrap_or_default().as_bytes(), &id))
                .transpose()?
                .flatten();
            if opened.is_none() {
                return Err(match current {
                    None => Error::PassphraseRequired { profile: name },
                    Some(_) => Error::WrongKey { profile: name },
                });
            }
        }
        let (_, key) = profile.store().source();
        let key = key.ok_or_else(|| Error::InvalidInput("this library has no key".into()))?;
        let was = profile.manifest.protection;
        match new_passphrase {
            Some(passphrase) => {
                validate_passphrase(passphrase)?;
                let slot = KeySlot::seal(SlotKind::Passphrase, passphrase.as_bytes(), &key, &id)?;
                profile
                    .manifest
                    .slots
                    .retain(|s| s.kind != SlotKind::Passphrase);
                profile.manifest.slots.push(slot);
                profile.manifest.protection = Protection::Passphrase;
                profile.manifest.save(&profile.dir)?;
                // Only once the passphrase opens it does the keychain let the key go.
                if was == Protection::Keychain {
                    let _ = self.keychain.remove(&id);
                }
            }
            None => {
                // The keychain takes the key before the passphrase slot goes, so a
                // failure on the way leaves the library opened as before.
                self.keychain
                    .store(&id, key.as_bytes())
                    .map_err(|failure| match failure {
                        KeychainFailure::Unavailable(detail) => {
                            Error::KeychainUnavailable { detail }
                        }
                        KeychainFailure::Failed(detail) => Error::Keychain(detail),
                    })?;
                profile
                    .manifest
                    .slots
                    .retain(|s| s.kind != SlotKind::Passphrase);
                profile.manifest.protection = Protection::Keychain;
                profile.manifest.save(&profile.dir)?;
            }
        }
        Ok(profile.view())
    }

    /// Whether `request` opens profile `profile`, checked on its key slots (or the
    /// keychain) without opening its library.
    pub fn check_secret(&self, profile: &str, request: &UnlockRequest) -> Result<()> {
        let (_, manifest) = self.find(profile)?;
        if self.candidate_keys(&manifest, request)?.is_empty() {
            return Err(Error::WrongKey {
                profile: manifest.name,
            });
        }
        Ok(())
    }

    /// Removes the profile `profile` (its id or name) with everything in it and its
    /// backups, once `typed_name` is its name and `request` opens it; with
    /// `keep_backup`, a last backup is kept among the backups on this computer first
    /// (it is returned, and what opened the library opens it). The profile must not be
    /// open elsewhere.
    pub fn remove_profile(
        &self,
        profile: &str,
        typed_name: &str,
        request: &UnlockRequest,
        keep_backup: bool,
    ) -> Result<Option<satchel_types::BackupView>> {
        let (dir, manifest) = self.find(profile)?;
        if typed_name.trim() != manifest.name {
            return Err(Error::InvalidInput(format!(
                "type the learner's name, {:?}, to remove them",
                manifest.name
            )));
        }
        let opened = self.unlock(&manifest.id, request)?;
        let backup = if keep_backup {
            Some(opened.backup(BackupKind::Manual, None, now_ms())?)
        } else {
            None
        };
        drop(opened);
        // The manifest goes first: without it the folder is no profile, so a crash
        // part-way leaves nothing half-removed in the picker.
        let manifest_file = dir.join(crate::profile::manifest::MANIFEST_FILE);
        fs::remove_file(&manifest_file).map_err(Error::io("remove", &manifest_file))?;
        fs::remove_dir_all(&dir).map_err(Error::io("remove", &dir))?;
        // Their backups go with them, but for the last one asked for; and the keychain
        // keeps the key that opens that one (without it, only the recovery code would).
        let backups = super::backup::backups_dir(&self.data_dir, &manifest.id);
        if let Ok(entries) = fs::read_dir(&backups) {
            for entry in entries.flatten() {
                let path = entry.path();
                if backup.as_ref().is_none_or(|b| Path::new(&b.path) != path) {
                    let _ = fs::remove_file(path);
                }
            }
        }
        if backup.is_none() {
            let _ = fs::remove_dir(&backups);
            let _ = self.keychain.remove(&manifest.id);
        }
        let _ = self
            .keychain
            .remove(&super::rotation::next_account(&manifest.id));
        Ok(backup)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::keys::{Keychain, MemoryKeychain};

    #[test]
    fn a_profile_is_renamed_protected_another_way_and_removed() {
        let keychain = Arc::new(MemoryKeychain::default());
        let (_dir, satchel) = crate::testing::satchel_with(keychain.clone());
        let (mut ada, _) = satchel.create_profile("Ada", None).unwrap();
        let (bo, _) = satchel
            .create_profile("Bo", Some("bo's passphrase"))
            .unwrap();
        let bo_id = bo.view().id;
        drop(bo);

        // Renamed, never onto another learner's name.
        assert!(matches!(
            satchel.rename_profile(&mut ada, " bo "),
            Err(Error::ProfileExists(_))
        ));
        assert_eq!(
            satchel.rename_profile(&mut ada, "Ada L.").unwrap().name,
            "Ada L."
        );
        assert!(
            satchel
                .profiles()
                .unwrap()
                .iter()
                .any(|p| p.name == "Ada L.")
        );

        // From the keychain to a passphrase, and back.
        let id = ada.view().id;
        satchel
            .protect_profile(&mut ada, None, Some("a passphrase now"))
            .unwrap();
        assert!(
            keychain.load(&id).unwrap().is_none(),
            "the keychain let the key go"
        );
        drop(ada);
        assert!(satchel.unlock(&id, &UnlockRequest::Keychain).is_err());
        let mut ada = satchel
            .unlock(
                &id,
                &UnlockRequest::Passphrase {
                    passphrase: "a passphrase now".into(),
                },
            )
            .unwrap();
        assert!(matches!(
            satchel.protect_profile(&mut ada, Some("wrong one!"), None),
            Err(Error::WrongKey { .. })
        ));
        satchel
            .protect_profile(&mut ada, Some("a passphrase now"), None)
            .unwrap();
        drop(ada);
        satchel.unlock(&id, &UnlockRequest::Keychain).unwrap();

        // Removed only by its name and its secret; a last backup kept when asked.
        let bo_passphrase = UnlockRequest::Passphrase {
            passphrase: "bo's passphrase".into(),
        };
        assert!(
            satchel
                .remove_profile(&bo_id, "Bob", &bo_passphrase, true)
                .is_err()
        );
        let wrong = UnlockRequest::Passphrase {
            passphrase: "not bo's passphrase".into(),
        };
        assert!(satchel.remove_profile(&bo_id, "Bo", &wrong, true).is_err());
        assert_eq!(satchel.profiles().unwrap().len(), 2);
        let kept = satchel
            .remove_profile(&bo_id, "Bo", &bo_passphrase, true)
            .unwrap()
            .expect("a last backup");
        assert_eq!(satchel.profiles().unwrap().len(), 1);
        assert!(std::path::Path::new(&kept.path).is_file());
        // And that backup brings Bo back.
        satchel
            .restore(std::path::Path::new(&kept.path), &bo_passphrase, now_ms())
            .unwrap();
        assert_eq!(satchel.profiles().unwrap().len(), 2);
    }
}
