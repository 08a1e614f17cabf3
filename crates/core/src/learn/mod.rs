//! Learning: cards and decks, reviews scheduled by FSRS, the learner's own
//! parameters optimised from their review log, mastery and what to study next.
//!
//! The review log is the truth: append-only, one row per answer with an id unique
//! across devices. A card's schedule (`cards.due`, `stability`, …) is a projection of
//! its latest review that was not undone, so undoing an answer, or merging another
//! device's log, re-projects it and loses nothing.

mod anki;
mod cards;
mod history;
mod lessons;
pub mod optimise;
mod review;
pub(crate) mod schedule;
mod stats;
pub(crate) use stats::lessons;

pub(crate) use lessons::{LessonDoc, lesson_summaries, project_lesson};

use rusqlite::{Connection, OptionalExtension};
use satchel_types::LearningSettings;

pub(crate) use cards::stable_card_id;
pub use cards::{CARD_MEDIA_TYPES, CLOZE_BLANK, cloze_card, cloze_cards};
pub(crate) use history::reschedule_from_history;
pub use history::{CardWithHistory, PastReview};
pub use review::DAY_STARTS_AT_HOUR;

use crate::ids::DeckId;
use crate::profile::{Profile, Tx};
use crate::store;
use crate::{Error, Result};

pub(crate) use satchel_types::DEFAULT_DECK;
const DECK_NAME_MAX_CHARS: usize = 200;

/// The deck named `name` ("Default" when empty), made if there is none.
pub(crate) fn deck_named(tx: &Tx<'_>, name: &str, now: i64) -> Result<DeckId> {
    let name = deck_name(name)?;
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM decks WHERE name = ?1")?
        .query_row([&name], |row| row.get(0))
        .optional()?
    {
        return Ok(id);
    }
    // The same name makes the same id on every device, so two devices that each made
    // "French" share one deck when they meet.
    let id = deck_id_of(&name);
    store::decks::insert(tx, &id, &name, now)?;
    Ok(id)
}

/// A deck's id: made from its name.
pub(crate) fn deck_id_of(name: &str) -> DeckId {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(name.as_bytes());
    let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
    format!("deck-{hex}").into()
}

/// A deck's name as kept: trimmed, its parts ("A::B") trimmed, never empty.
fn deck_name(name: &str) -> Result<String> {
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

pub(crate) fn settings(conn: &Connection) -> Result<LearningSettings> {
    Ok(store::settings::LEARNING.get(conn)?.unwrap_or_default())
}

pub(crate) fn write_settings(tx: &Tx<'_>, settings: &LearningSettings) -> Result<()> {
    store::settings::LEARNING.put(tx, settings)
}

impl Profile {
    pub fn learning_settings(&self) -> Result<LearningSettings> {
        self.read(settings)
    }

    /// Sets the desired retention and the new cards a day; the parameters and their
    /// optimisation stay as they are.
    pub fn set_learning_settings(
        &self,
        desired_retention: f32,
        new_per_day: u32,
    ) -> Result<LearningSettings> {
        if !schedule::RETENTION_RANGE.contains(&desired_retention) {
            return Err(Error::InvalidInput(format!(
                "desired retention is between {:.2} and {:.2}",
                schedule::RETENTION_RANGE.start(),
                schedule::RETENTION_RANGE.end()
            )));
        }
        if new_per_day > 9999 {
            return Err(Error::InvalidInput(
                "new cards a day are at most 9999".into(),
            ));
        }
        self.transact(|tx| {
            let mut settings = settings(tx)?;
            settings.desired_retention = desired_retention;
            settings.new_per_day = new_per_day;
            write_settings(tx, &settings)?;
            Ok(settings)
        })
    }
}

impl Profile {
    /// Sets the learner's time zone (minutes east of UTC), which decides when their
    /// days turn; the window tells it each time a library is opened.
    pub fn set_utc_offset(&self, minutes: i32) -> Result<()> {
        if !(-14 * 60..=14 * 60).contains(&minutes) {
            return Err(Error::InvalidInput(format!(
                "{minutes} minutes is no time zone's offset from UTC"
            )));
        }
        self.transact(|tx| {
            let mut settings = settings(tx)?;
            if settings.utc_offset_minutes != minutes {
                settings.utc_offset_minutes = minutes;
                write_settings(tx, &settings)?;
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deck_names_are_tidied_and_never_empty() {
        assert_eq!(deck_name("  ").unwrap(), "Default");
        assert_eq!(deck_name(" Biology :: Cells ").unwrap(), "Biology::Cells");
        assert!(deck_name("a\nb").is_err());
        assert!(deck_name(&"x".repeat(201)).is_err());
    }
}
