//! `unshown_recovery_codes`: a recovery code made and not yet confirmed as seen by
//! the learner (after creation, or after a key rotation), kept so that a crash before
//! they wrote it down does not lose it. The only statements that write the table.

use rusqlite::{Connection, OptionalExtension, params};

use super::tx::Tx;
use crate::Result;

/// Keeps `code` until it is confirmed as seen; `for_rotation` marks one a rotation
/// under way made, which is dropped if that rotation is rolled back.
pub(crate) fn remember(tx: &Tx<'_>, code: &str, for_rotation: bool, now: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO unshown_recovery_codes (code, for_rotation, created_at)
         VALUES (?1, ?2, ?3)",
    )?
    .execute(params![code, for_rotation, now])?;
    Ok(())
}

/// The newest code not yet confirmed as seen.
pub(crate) fn latest(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT code FROM unshown_recovery_codes ORDER BY created_at DESC LIMIT 1")?
        .query_row([], |row| row.get(0))
        .optional()?)
}

/// The learner has seen every code kept.
pub(crate) fn forget_all(tx: &Tx<'_>) -> Result<()> {
    tx.prepare_cached("DELETE FROM unshown_recovery_codes")?
        .execute([])?;
    Ok(())
}

/// A rotation finished: its code is the profile's code now.
pub(crate) fn rotation_kept(tx: &Tx<'_>) -> Result<()> {
    tx.prepare_cached("UPDATE unshown_recovery_codes SET for_rotation = 0")?
        .execute([])?;
    Ok(())
}

/// A rotation was rolled back: its code never opened anything.
pub(crate) fn rotation_dropped(tx: &Tx<'_>) -> Result<()> {
    tx.prepare_cached("DELETE FROM unshown_recovery_codes WHERE for_rotation = 1")?
        .execute([])?;
    Ok(())
}
