//! A change being made to the store: the one shape every write takes.

use std::cell::{Cell, RefCell};
use std::ops::Deref;

use rusqlite::{Connection, Transaction, TransactionBehavior};
use satchel_sync::{DocId, Replica, SyncError};
use satchel_types::Event;

use super::docs::{Docs, Touched};
use crate::Result;

/// A change being made: the SQL transaction (read and written through `Deref`), the
/// events it will publish once committed, and the shared documents its writes change.
pub(crate) struct Tx<'c> {
    sql: Transaction<'c>,
    events: RefCell<Vec<Event>>,
    docs: &'c Docs,
    share: Share,
    /// Writing what the shared documents say (a peer's changes merged in): those
    /// writes are not shared back.
    merging: Cell<bool>,
}

/// How the sharing layer mirrors a touched row into its shared document. The profile
/// is handed it when opened: the write path records shared documents without the store
/// knowing what a card or a note looks like in one.
pub(crate) type Share = fn(&Tx<'_>, Touched<'_>) -> Result<()>;

impl<'c> Deref for Tx<'c> {
    type Target = Transaction<'c>;

    fn deref(&self) -> &Transaction<'c> {
        &self.sql
    }
}

impl<'c> Tx<'c> {
    /// An immediate transaction on `conn`: it takes the write lock at once, so two
    /// writers queue instead of one failing on upgrade.
    pub(crate) fn begin(conn: &'c mut Connection, docs: &'c Docs, share: Share) -> Result<Self> {
        Ok(Tx {
            sql: conn.transaction_with_behavior(TransactionBehavior::Immediate)?,
            events: RefCell::new(Vec::new()),
            docs,
            share,
            merging: Cell::new(false),
        })
    }

    /// Commits; the events to publish now that the change is kept.
    pub(crate) fn commit(self) -> Result<Vec<Event>> {
        self.sql.commit()?;
        Ok(self.events.into_inner())
    }

    /// Publishes `event` once (and only if) the change is committed.
    pub(crate) fn emit(&self, event: Event) {
        self.events.borrow_mut().push(event);
    }

    pub(crate) fn emit_all(&self, events: impl IntoIterator<Item = Event>) {
        self.events.borrow_mut().extend(events);
    }

    /// A row a shared document mirrors was written (or is about to be deleted): the
    /// document follows, in this transaction.
    pub(crate) fn touch(&self, touched: Touched<'_>) -> Result<()> {
        if self.merging.get() {
            return Ok(());
        }
        (self.share)(self, touched)
    }

    /// Changes the shared document `id` by `change` and keeps what changed.
    pub(crate) fn change_doc(
        &self,
        id: DocId,
        change: impl FnOnce(&mut Replica) -> std::result::Result<(), SyncError>,
    ) -> Result<()> {
        self.docs.change(&self.sql, id, change)
    }

    /// `work` on every shared document, all read in.
    pub(crate) fn with_docs<T>(&self, work: impl FnOnce(&mut Replica) -> Result<T>) -> Result<T> {
        self.docs.with_all(&self.sql, work)
    }

    /// Runs `write` as the merging in of what the shared documents say: its writes
    /// are not shared back.
    pub(crate) fn merging<T>(&self, write: impl FnOnce() -> Result<T>) -> Result<T> {
        let before = self.merging.replace(true);
        let written = write();
        self.merging.set(before);
        written
    }
}
