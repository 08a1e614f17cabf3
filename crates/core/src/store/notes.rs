//! The `notes` table: its rows as the core reads them, and the only statements that
//! write it. Each write mirrors the note into its shared document through the
//! transaction.

use rusqlite::{Connection, OptionalExtension, Row, named_params};
use satchel_types::NoteView;

use super::docs::Touched;
use super::tx::Tx;
use crate::Result;
use crate::ids::NoteId;

/// A note in a list: its body cut to what an excerpt needs.
pub(crate) struct NoteHead {
    pub id: NoteId,
    pub title: String,
    pub body_start: String,
    pub updated_at: i64,
}

/// Writes a note, new or changed; whether anything changed. A note whose title and
/// body are already these is left as it is (a peer's copy of what is here already).
pub(crate) fn put(tx: &Tx<'_>, id: &NoteId, title: &str, body: &str, now: i64) -> Result<bool> {
    let changed = tx
        .prepare_cached(include_str!("notes/put.sql"))?
        .execute(named_params! {":id": id, ":title": title, ":body": body, ":now": now})?;
    if changed > 0 {
        tx.touch(Touched::Note(id))?;
    }
    Ok(changed > 0)
}

/// Deletes a note; whether there was one.
pub(crate) fn delete(tx: &Tx<'_>, id: &NoteId) -> Result<bool> {
    // The document is told while the row is still there to be read.
    tx.touch(Touched::NoteDeleted(id))?;
    Ok(tx
        .prepare_cached("DELETE FROM notes WHERE id = ?1")?
        .execute([id])?
        > 0)
}

pub(crate) fn exists(conn: &Connection, id: &NoteId) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM notes WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub(crate) fn get(conn: &Connection, id: &NoteId) -> Result<Option<NoteView>> {
    Ok(conn
        .prepare_cached(include_str!("notes/get.sql"))?
        .query_row([id], note_from_row)
        .optional()?)
}

/// Every note, most recently changed first.
pub(crate) fn list(conn: &Connection) -> Result<Vec<NoteHead>> {
    let mut statement = conn.prepare_cached(include_str!("notes/list.sql"))?;
    let rows = statement.query_map([], |row| {
        Ok(NoteHead {
            id: row.get(0)?,
            title: row.get(1)?,
            body_start: row.get(2)?,
            updated_at: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The note whose id is `id_or_prefix` or begins with it, if exactly one does.
pub(crate) fn resolve(conn: &Connection, id_or_prefix: &str) -> Result<NoteId> {
    crate::ids::resolve(conn, include_str!("notes/find_by_prefix.sql"), id_or_prefix)
}

fn note_from_row(row: &Row<'_>) -> rusqlite::Result<NoteView> {
    Ok(NoteView {
        id: row.get(0)?,
        title: row.get(1)?,
        body: row.get(2)?,
        created_at: row.get(3)?,
        updated_at: row.get(4)?,
    })
}
