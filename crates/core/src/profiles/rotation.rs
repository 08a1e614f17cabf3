//! Key rotation: re-encrypt the database under a new key without ever being able to
//! lock the learner out.
//!
//! The steps, each durable before the next begins:
//! 1. the new key goes to the keychain under a second name (`<id>.next`);
//! 2. the new recovery code is stored, encrypted, in the database as unshown;
//! 3. the manifest records the rotation: slots sealing the new key;
//! 4. `PRAGMA rekey` re-encrypts the database;
//! 5. the keychain's main entry takes the new key;
//! 6. the manifest's slots become the rotation's, and the rotation is cleared;
//! 7. the `.next` entry is removed.
//!
//! Unlocking tries the current key and then the rotation's; whichever opens the
//! database says which side of step 4 a crash fell on, and `settle_rotation` either
//! finishes steps 5–7 or forgets the rotation.

use satchel_types::{Event, Protection};

use crate::keys::{DataKey, KeySlot, KeychainFailure, RecoveryCode, SlotKind};
use crate::profile::Profile;
use crate::profile::manifest::PendingRotation;
use crate::store::recovery_codes;
use crate::{Error, Result, now_ms};

pub(crate) fn next_account(profile_id: &str) -> String {
    format!("{profile_id}.next")
}

/// Where `rotate_key_until` stops, to let tests simulate a crash after each step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RotationStep {
    NextKeyStored,
    CodeStored,
    RotationRecorded,
    Rekeyed,
    KeychainUpdated,
    ManifestUpdated,
}

impl Profile {
    /// Re-encrypts the database under a fresh key and returns the new recovery code
    /// (the old one stops working). A passphrase profile needs its passphrase.
    pub fn rotate_key(&mut self, passphrase: Option<&str>) -> Result<RecoveryCode> {
        self.rotate_key_until(passphrase, None)
    }

    #[doc(hidden)]
    pub fn rotate_key_until(
        &mut self,
        passphrase: Option<&str>,
        stop_after: Option<RotationStep>,
    ) -> Result<RecoveryCode> {
        let id = self.manifest.id.clone();
        let stop = |step: RotationStep| stop_after == Some(step);
        let mut slots = Vec::new();
        if self.manifest.protection == Protection::Passphrase {
            let passphrase = passphrase.ok_or_else(|| Error::PassphraseRequired {
                profile: self.manifest.name.clone(),
            })?;
            let current = self.manifest.slot(SlotKind::Passphrase);
            if current
                .map(|s| s.open(passphrase.as_bytes(), &id))
                .transpose()?
                .flatten()
                .is_none()
            {
                return Err(Error::WrongKey {
                    profile: self.manifest.name.clone(),
                });
            }
        }
        let key = DataKey::generate()?;
        let code = RecoveryCode::generate()?;
        slots.push(KeySlot::seal(
            SlotKind::Recovery,
            code.as_str().as_bytes(),
            &key,
            &id,
        )?);
        if let Some(passphrase) =
            passphrase.filter(|_| self.manifest.protection == Protection::Passphrase)
        {
            slots.push(KeySlot::seal(
                SlotKind::Passphrase,
                passphrase.as_bytes(),
                &key,
                &id,
            )?);
        }

        if self.manifest.protection == Protection::Keychain {
            self.keychain
                .store(&next_account(&id), key.as_bytes())
                .map_err(keychain_error)?;
        }
        if stop(RotationStep::NextKeyStored) {
            return Ok(code);
        }
        self.remember_unshown_code(code.as_str(), true)?;
        if stop(RotationStep::CodeStored) {
            return Ok(code);
        }
        self.manifest.rotation = Some(PendingRotation {
            started_at: now_ms(),
            slots,
        });
        self.manifest.save(&self.dir)?;
        if stop(RotationStep::RotationRecorded) {
            return Ok(code);
        }
        self.store().rekey(&key)?;
        if stop(RotationStep::Rekeyed) {
            return Ok(code);
        }
        self.finish_rotation(&key, stop_after)?;
        Ok(code)
    }

    fn finish_rotation(&mut self, key: &DataKey, stop_after: Option<RotationStep>) -> Result<()> {
        let id = self.manifest.id.clone();
        if self.manifest.protection == Protection::Keychain {
            self.keychain
                .store(&id, key.as_bytes())
                .map_err(keychain_error)?;
        }
        if stop_after == Some(RotationStep::KeychainUpdated) {
            return Ok(());
        }
        if let Some(rotation) = self.manifest.rotation.take() {
            self.manifest.slots = rotation.slots;
        }
        self.manifest.save(&self.dir)?;
        self.transact(|tx| {
            recovery_codes::rotation_kept(tx)?;
            tx.emit(Event::ProfileKeyRotated {
                profile_id: id.clone(),
            });
            Ok(())
        })?;
        if stop_after == Some(RotationStep::ManifestUpdated) {
            return Ok(());
        }
        if self.manifest.protection == Protection::Keychain {
            // Leftover `.next` entries are harmless: the next rotation overwrites it.
            let _ = self.keychain.remove(&next_account(&id));
        }
        Ok(())
    }

    /// Called on unlock while the manifest records a rotation: finish it if the
    /// database already uses the new key, otherwise forget it.
    pub(super) fn settle_rotation(
        &mut self,
        opened_with: &DataKey,
        is_rotated_key: bool,
    ) -> Result<()> {
        if is_rotated_key {
            return self.finish_rotation(opened_with, None);
        }
        self.manifest.rotation = None;
        self.manifest.save(&self.dir)?;
        if self.manifest.protection == Protection::Keychain {
            let _ = self.keychain.remove(&next_account(&self.manifest.id));
        }
        Ok(())
    }
}

impl Profile {
    /// A code stored for a rotation that never reached its manifest step (or was
    /// forgotten) opens nothing, and must never be shown as the learner's code.
    pub(super) fn forget_unfinished_rotation_codes(&self) -> Result<()> {
        if self.manifest.rotation.is_some() {
            return Ok(());
        }
        self.transact(recovery_codes::rotation_dropped)
    }
}

fn keychain_error(failure: KeychainFailure) -> Error {
    match failure {
        KeychainFailure::Unavailable(detail) => Error::KeychainUnavailable { detail },
        KeychainFailure::Failed(detail) => Error::Keychain(detail),
    }
}
