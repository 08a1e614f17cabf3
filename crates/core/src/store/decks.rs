//! The `decks` table: the only statement that writes it. A deck is shared with the
//! cards in it (see `shared`), so writing one shares nothing by itself.

use rusqlite::{OptionalExtension, params};
use satchel_types::DEFAULT_DECK;

use super::tx::Tx;
use crate::ids::DeckId;
use crate::{Error, Result};

/// Writes a deck unless one with its id is there; whether it is new.
pub(crate) fn insert(tx: &Tx<'_>, id: &DeckId, name: &str, now: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO decks (id, name, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
        )?
        .execute(params![id, name, now])?
        == 1)
}

const DECK_NAME_MAX_CHARS: usize = 200;

/// The deck named `name` ("Default" when empty), made if there is none.
pub(crate) fn named(tx: &Tx<'_>, name: &str, now: i64) -> Result<DeckId> {
    let name = tidy_name(name)?;
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM decks WHERE name = ?1")?
        .query_row([&name], |row| row.get(0))
        .optional()?
    {
        return Ok(id);
    }
    // The same name makes the same id on every device, so two devices that each made
    // "French" share one deck when they meet.
    let id = id_of(&name);
    insert(tx, &id, &name, now)?;
    Ok(id)
}

/// A deck's id: made from its name.
pub(crate) fn id_of(name: &str) -> DeckId {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(name.as_bytes());
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("deck-{hex}").into()
}

/// A deck's name as kept: trimmed, its parts ("A::B") trimmed, never empty.
fn tidy_name(name: &str) -> Result<String> {
    let parts: Vec<&str> = name
        .split("::")
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let name = if parts.is_empty() {
        DEFAULT_DECK.to_owned()
    } else {
        parts.join("::")
    };
    if name.chars().count() > DECK_NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(if name.chars().any(char::is_control) {
            Error::Rule(satchel_types::ErrorDetail::OneLine {
                field: satchel_types::Field::DeckName,
            })
        } else {
            Error::Rule(satchel_types::ErrorDetail::TooLong {
                field: satchel_types::Field::DeckName,
                max: DECK_NAME_MAX_CHARS as u64,
            })
        });
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deck_names_are_tidied_and_never_empty() {
        assert_eq!(tidy_name("  ").unwrap(), "Default");
        assert_eq!(tidy_name(" Biology :: Cells ").unwrap(), "Biology::Cells");
        assert!(tidy_name("a\nb").is_err());
        assert!(tidy_name(&"x".repeat(201)).is_err());
    }
}
