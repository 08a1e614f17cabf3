//! The shared documents as this device keeps them: the Automerge documents of
//! `satchel-sync`, stored as the changes made to each (`shared_changes`), appended in
//! the same transaction as the change to the tables they mirror.
//!
//! The documents in use are kept in memory. A transaction that fails may have changed
//! one there without its change being kept, so a failed transaction forgets them all;
//! they are read back from the store when next needed.

use std::sync::{Mutex, MutexGuard, PoisonError};

use rusqlite::{Connection, Transaction, params};
use satchel_sync::{DocId, Replica, SyncError};

use super::settings;
use crate::Result;
use crate::ids::{CardId, NoteId, SourceId};

#[derive(Default)]
pub(crate) struct Docs {
    replica: Mutex<Option<Replica>>,
}

impl Docs {
    fn lock(&self) -> MutexGuard<'_, Option<Replica>> {
        self.replica.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets the documents in memory (after a transaction failed).
    pub(crate) fn forget(&self) {
        if let Some(replica) = self.lock().as_mut() {
            replica.forget();
        }
    }
}

/// This device's id among the learner's devices: random, made once per profile.
fn device(tx: &Transaction<'_>) -> Result<Vec<u8>> {
    let made = uuid::Uuid::now_v7().simple().to_string();
    Ok(settings::DEVICE.put_first(tx, &made)?.into_bytes())
}

pub(crate) fn load(conn: &Connection, replica: &mut Replica, id: &DocId) -> Result<()> {
    if replica.has(id) {
        return Ok(());
    }
    let mut statement =
        conn.prepare_cached("SELECT bytes FROM shared_changes WHERE doc_id = ?1 ORDER BY seq")?;
    let mut chunks = Vec::new();
    let mut rows = statement.query([id.as_str()])?;
    while let Some(row) = rows.next()? {
        let chunk: Vec<u8> = row.get(0)?;
        chunks.extend_from_slice(&chunk);
    }
    replica.load_chunks(id.clone(), &chunks)?;
    Ok(())
}

pub(crate) fn load_all(conn: &Connection, replica: &mut Replica) -> Result<()> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT DISTINCT doc_id FROM shared_changes")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        load(conn, replica, &DocId::parse(&id)?)?;
    }
    Ok(())
}

/// Keeps what changed in document `id` since it was last kept.
/// Whether there was anything to keep.
pub(crate) fn keep_changes(
    tx: &Transaction<'_>,
    replica: &mut Replica,
    id: &DocId,
) -> Result<bool> {
    let bytes = replica.save_incremental(id);
    if bytes.is_empty() {
        return Ok(false);
    }
    tx.prepare_cached(
        "INSERT INTO shared_changes (doc_id, seq, bytes)
         VALUES (?1, COALESCE((SELECT MAX(seq) + 1 FROM shared_changes WHERE doc_id = ?1), 0), ?2)",
    )?
    .execute(params![id.as_str(), bytes])?;
    Ok(true)
}

/// The replica in `slot`, made for this device when first needed.
fn replica<'a>(slot: &'a mut Option<Replica>, tx: &Transaction<'_>) -> Result<&'a mut Replica> {
    let replica = match slot.take() {
        Some(replica) => replica,
        None => Replica::new(&device(tx)?),
    };
    Ok(slot.insert(replica))
}

impl Docs {
    /// Changes the document `id` by `change` and keeps what changed, within `tx`.
    pub(crate) fn change(
        &self,
        tx: &Transaction<'_>,
        id: DocId,
        change: impl FnOnce(&mut Replica) -> std::result::Result<(), SyncError>,
    ) -> Result<()> {
        let mut guard = self.lock();
        let replica = replica(&mut guard, tx)?;
        load(tx, replica, &id)?;
        change(replica)?;
        if keep_changes(tx, replica, &id)? {
            settings::LOCAL_CHANGES.increment(tx)?;
        }
        Ok(())
    }

    /// `work` on every document, all read in, within `tx`.
    pub(crate) fn with_all<T>(
        &self,
        tx: &Transaction<'_>,
        work: impl FnOnce(&mut Replica) -> Result<T>,
    ) -> Result<T> {
        let mut guard = self.lock();
        let replica = replica(&mut guard, tx)?;
        load_all(tx, replica)?;
        work(replica)
    }

    /// Forgets all sync state with `peer` (signed in somewhere new).
    pub(crate) fn forget_peer(&self, peer: &str) {
        if let Some(replica) = self.lock().as_mut() {
            replica.forget_peer(peer);
        }
    }

    /// After a failed round with `peer`: what was in flight is sent again.
    pub(crate) fn reconnect(&self, peer: &str) {
        if let Some(replica) = self.lock().as_mut() {
            replica.reconnect(peer);
        }
    }
}

/// This device's id among the learner's devices.
pub(crate) fn device_id(tx: &Transaction<'_>) -> Result<String> {
    Ok(String::from_utf8_lossy(&device(tx)?).into_owned())
}

/// A row written that a shared document mirrors: the write path hands it to the
/// sharing layer, which changes the document to match, in the same transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Touched<'a> {
    Card(&'a CardId),
    Note(&'a NoteId),
    /// A note about to be deleted (its row still there to be read).
    NoteDeleted(&'a NoteId),
    Source(&'a SourceId),
    /// A source about to be deleted (its row still there to be read).
    SourceDeleted(&'a SourceId),
}
