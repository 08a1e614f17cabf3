//! The `decks` table: the only statement that writes it. A deck is shared with the
//! cards in it (see `shared`), so writing one shares nothing by itself.

use rusqlite::params;

use super::tx::Tx;
use crate::Result;
use crate::ids::DeckId;

/// Writes a deck unless one with its id is there; whether it is new.
pub(crate) fn insert(tx: &Tx<'_>, id: &DeckId, name: &str, now: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO decks (id, name, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        )?
        .execute(params![id, name, now])?
        == 1)
}
