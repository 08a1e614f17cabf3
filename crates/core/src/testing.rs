//! Builders shared by the unit tests, so each test reads as the scenario it checks.

use std::sync::Arc;

use tempfile::TempDir;

use crate::keys::MemoryKeychain;
use crate::{Profile, Satchel};

pub(crate) fn satchel_with(keychain: Arc<MemoryKeychain>) -> (TempDir, Satchel) {
    let dir = tempfile::tempdir().unwrap();
    let satchel = Satchel::new(dir.path(), keychain).unwrap();
    (dir, satchel)
}

pub(crate) fn keychain_profile(name: &str) -> (TempDir, Satchel, Profile) {
    let (dir, satchel) = satchel_with(Arc::default());
    let (profile, _code) = satchel.create_profile(name, None).unwrap();
    (dir, satchel, profile)
}
