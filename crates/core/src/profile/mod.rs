//! An unlocked profile: its open store and the one write path every change goes
//! through.

pub(crate) mod manifest;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use rusqlite::Connection;
use satchel_types::{AboutView, ProfileView};

use self::manifest::Manifest;
use crate::events::EventBus;
use crate::keys::Keychain;
use crate::store::docs::Docs;
use crate::store::recovery_codes;
use crate::store::tx::Share;
pub(crate) use crate::store::tx::Tx;
use crate::store::vectors::VectorCache;
use crate::store::{Read, Store};
use crate::{Result, now_ms};

pub struct Profile {
    pub(crate) manifest: Manifest,
    pub(crate) dir: PathBuf,
    store: Mutex<Store>,
    pub(crate) keychain: Arc<dyn Keychain>,
    bus: EventBus,
    /// Vector search's in-memory codes (see `search::vectors`).
    pub(crate) vectors: VectorCache,
    /// The shared documents in use (see `store::docs`).
    pub(crate) docs: Docs,
    /// How a write is mirrored into the shared documents (see `shared`).
    share: Share,
    /// The sync server's connection (see `remote`).
    pub(crate) remote: crate::net::Remote,
}

impl Profile {
    pub(crate) fn new(
        manifest: Manifest,
        dir: PathBuf,
        store: Store,
        keychain: Arc<dyn Keychain>,
        bus: EventBus,
        share: Share,
    ) -> Self {
        Self {
            manifest,
            dir,
            store: Mutex::new(store),
            keychain,
            bus,
            vectors: VectorCache::default(),
            docs: Docs::default(),
            share,
            remote: crate::net::Remote::default(),
        }
    }

    pub fn view(&self) -> ProfileView {
        self.manifest.view()
    }

    pub fn id(&self) -> &str {
        &self.manifest.id
    }

    pub fn name(&self) -> &str {
        &self.manifest.name
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn events(&self) -> &EventBus {
        &self.bus
    }

    /// The one write path: runs `change` in an immediate transaction, commits, and only
    /// then publishes the events it emitted — a subscriber never hears of a change that
    /// was rolled back. A change to a shared document is made through the same
    /// transaction, so it is kept or lost with the rest.
    pub(crate) fn transact<T>(&self, change: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let (value, events) = {
            let mut store = self.store();
            let tx = Tx::begin(store.conn_mut(), &self.docs, self.share)?;
            // A failed change may have changed a shared document in memory that was
            // not kept: forget them, to be read back from the store.
            let value = change(&tx).inspect_err(|_| self.docs.forget())?;
            let events = tx.commit().inspect_err(|_| self.docs.forget())?;
            (value, events)
        };
        for event in events {
            self.bus.publish(event);
        }
        Ok(value)
    }

    pub(crate) fn read<T>(&self, query: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        query(self.store().conn())
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock rolled its transaction back on unwind; the
        // connection itself is still sound.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn about(&self) -> Result<AboutView> {
        Ok(AboutView {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            cipher_version: self.store().cipher_version()?,
            data_dir: self.dir.display().to_string(),
        })
    }

    /// Problems found by SQLite's and SQLCipher's integrity checks (empty when sound).
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        self.store().integrity_problems()
    }

    /// A recovery code that was made but not yet confirmed as seen — after creation,
    /// or after a key rotation that a crash interrupted.
    pub fn unshown_recovery_code(&self) -> Result<Option<String>> {
        self.read(recovery_codes::latest)
    }

    /// The learner has seen (and, we trust, written down) their recovery code.
    pub fn acknowledge_recovery_code(&self) -> Result<()> {
        self.transact(recovery_codes::forget_all)
    }

    pub(crate) fn remember_unshown_code(&self, code: &str, for_rotation: bool) -> Result<()> {
        self.transact(|tx| recovery_codes::remember(tx, code, for_rotation, now_ms()))
    }
}

impl Read for Profile {
    fn read<T>(&self, query: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        Profile::read(self, query)
    }
}

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Profile")
            .field("id", &self.manifest.id)
            .field("name", &self.manifest.name)
            .finish_non_exhaustive()
    }
}
