//! The review log (`reviews`, and `undone_reviews` for answers taken back): the only
//! statements that write it, with typed ratings and kinds. The log is append-only: an
//! undo marks a review, it never removes one.

use rusqlite::{OptionalExtension, params};
use satchel_types::Rating;

use super::tx::Tx;
use crate::Result;
use crate::ids::{CardId, ReviewId};

/// The most a review's recorded time on a card counts (a learner who walked away).
const MAX_DURATION_MS: i64 = 10 * 60 * 1000;

/// What a card was when answered, as the review log records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReviewKind {
    New,
    /// Answered again, and due back within the day.
    Learning,
    Review,
}

impl ReviewKind {
    pub fn name(self) -> &'static str {
        match self {
            ReviewKind::New => "new",
            ReviewKind::Learning => "learning",
            ReviewKind::Review => "review",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "new" => ReviewKind::New,
            "learning" => ReviewKind::Learning,
            "review" => ReviewKind::Review,
            _ => return None,
        })
    }
}

/// A review as the log keeps it.
pub(crate) struct LoggedReview<'a> {
    pub id: &'a ReviewId,
    pub card_id: &'a CardId,
    pub reviewed_at: i64,
    pub rating: Rating,
    pub kind: ReviewKind,
    pub elapsed_days: u32,
    pub duration_ms: i64,
    pub memory: fsrs::MemoryState,
    pub due: i64,
    pub origin: &'a str,
}

pub(crate) fn log(tx: &Tx<'_>, review: &LoggedReview<'_>) -> Result<bool> {
    let added = tx
        .prepare_cached(
            "INSERT INTO reviews (id, card_id, reviewed_at, rating, kind, elapsed_days,
                                  duration_ms, stability, difficulty, due, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            review.id,
            review.card_id,
            review.reviewed_at,
            review.rating.number(),
            review.kind.name(),
            review.elapsed_days,
            review.duration_ms.clamp(0, MAX_DURATION_MS),
            f64::from(review.memory.stability),
            f64::from(review.memory.difficulty),
            review.due,
            review.origin
        ])?;
    Ok(added == 1)
}

/// Marks a review undone at `at`; whether it was not already. Its card is the
/// caller's to reschedule.
pub(crate) fn mark_undone(tx: &Tx<'_>, review_id: &ReviewId, at: i64) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO undone_reviews (review_id, undone_at) VALUES (?1, ?2)
             ON CONFLICT DO NOTHING",
        )?
        .execute(params![review_id, at])?
        == 1)
}

/// The card a logged review is of.
pub(crate) fn card_of(tx: &Tx<'_>, review_id: &ReviewId) -> Result<Option<CardId>> {
    Ok(tx
        .prepare_cached("SELECT card_id FROM reviews WHERE id = ?1")?
        .query_row([review_id], |row| row.get(0))
        .optional()?)
}
