//! Learning: cards and decks, reviews scheduled by FSRS, the learner's own
//! parameters optimised from their review log, mastery and what to study next.
//!
//! The review log is the truth: append-only, one row per answer with an id unique
//! across devices. A card's schedule (`cards.due`, `stability`, …) is a projection of
//! its latest review that was not undone, so undoing an answer, or merging another
//! device's log, re-projects it and loses nothing.

mod anki;
mod anki_export;
mod cards;
mod history;
mod lessons;
pub mod optimise;
mod reminders;
mod review;
pub(crate) mod schedule;
mod stats;
pub(crate) use stats::lessons;

pub(crate) use lessons::{LessonDoc, lesson_summaries, project_lesson};

use rusqlite::Connection;
use satchel_types::LearningSettings;

pub use cards::{CARD_MEDIA_TYPES, CLOZE_BLANK, cloze_card, cloze_cards};
pub(crate) use history::reschedule_from_history;
pub use history::{CardWithHistory, PastReview};
pub use review::DAY_STARTS_AT_HOUR;

use crate::profile::{Profile, Tx};
use crate::store;
use crate::{Error, Result};

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
