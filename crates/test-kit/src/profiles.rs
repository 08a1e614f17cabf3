//! Satchels in temporary directories, and profiles in them, made the fast way or the
//! way a learner makes them.

use std::ops::Deref;
use std::path::Path;
use std::sync::Arc;

use satchel_core::types::UnlockRequest;
use satchel_core::{Error, Keychain, NoKeychain, Profile, Result, Satchel};
use tempfile::TempDir;

/// The passphrase test profiles are protected by: long enough to be accepted.
pub const PASSPHRASE: &str = "a long enough passphrase";

/// A [`Satchel`] whose data lives in a temporary directory, removed when this is
/// dropped. Files a test makes for it (recordings, PDFs) go in [`TempSatchel::dir`],
/// beside its data directory rather than in it, so what the app wrote stays apart.
#[derive(Debug)]
pub struct TempSatchel {
    // Before `dir`, so the library closes before its directory goes.
    satchel: Satchel,
    dir: TempDir,
}

impl TempSatchel {
    /// With no keychain, as under `SATCHEL_KEYCHAIN=none`: every profile a learner
    /// makes has a passphrase.
    pub fn new() -> Result<Self> {
        Self::with_keychain(Arc::new(NoKeychain))
    }

    pub fn with_keychain(keychain: Arc<dyn Keychain>) -> Result<Self> {
        let dir = tempfile::tempdir().map_err(Error::io(
            "creating a temporary directory in",
            std::env::temp_dir(),
        ))?;
        let satchel = Satchel::new(dir.path().join("data"), keychain)?;
        Ok(Self { satchel, dir })
    }

    /// The temporary directory: the data directory and whatever else the test makes.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn satchel(&self) -> &Satchel {
        &self.satchel
    }

    /// A profile on an encrypted store whose key is kept nowhere: made without key
    /// derivation, so in a moment; for tests of what a profile does, not of how it is
    /// opened. It cannot be unlocked again.
    pub fn profile(&self, name: &str) -> Result<Profile> {
        self.satchel.benchmark_profile(name, true)
    }

    /// Like [`TempSatchel::profile`] on a plain SQLite store: the anchor that shows
    /// what the encryption costs.
    pub fn plain_profile(&self, name: &str) -> Result<Profile> {
        self.satchel.benchmark_profile(name, false)
    }

    /// A profile as a learner makes one, protected by [`PASSPHRASE`] (its key derived
    /// and sealed, its recovery code kept): for tests that close and reopen it.
    pub fn passphrase_profile(&self, name: &str) -> Result<Profile> {
        self.satchel
            .create_profile(name, Some(PASSPHRASE))
            .map(|(profile, _code)| profile)
    }

    /// A profile made by [`TempSatchel::passphrase_profile`], opened again.
    pub fn unlock(&self, name: &str) -> Result<Profile> {
        self.satchel.unlock(
            name,
            &UnlockRequest::Passphrase {
                passphrase: PASSPHRASE.into(),
            },
        )
    }
}

impl Deref for TempSatchel {
    type Target = Satchel;

    fn deref(&self) -> &Satchel {
        &self.satchel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_made_in_the_temporary_data_directory() {
        let kit = TempSatchel::new().unwrap();
        assert_eq!(kit.data_dir(), kit.dir().join("data"));
        let profile = kit.profile("Ada").unwrap();
        profile
            .add_note("Osmosis", "Water crosses a membrane.")
            .unwrap();
        assert_eq!(profile.notes().unwrap().len(), 1);
        assert!(profile.dir().starts_with(kit.data_dir()));
        let plain = kit.plain_profile("Bea").unwrap();
        assert!(plain.notes().unwrap().is_empty());
    }

    #[test]
    fn a_passphrase_profile_opens_again_with_the_passphrase() {
        let kit = TempSatchel::new().unwrap();
        let profile = kit.passphrase_profile("Ada").unwrap();
        profile.add_note("Kept", "across an unlock").unwrap();
        drop(profile);
        let reopened = kit.unlock("Ada").unwrap();
        assert_eq!(reopened.notes().unwrap()[0].title, "Kept");
    }

    #[test]
    fn the_directory_goes_when_the_kit_is_dropped() {
        let kit = TempSatchel::new().unwrap();
        drop(kit.profile("Ada").unwrap());
        let dir = kit.dir().to_owned();
        assert!(dir.exists());
        drop(kit);
        assert!(!dir.exists());
    }
}
