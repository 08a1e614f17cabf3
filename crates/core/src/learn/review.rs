//! A review session: the card to study next, answering it, and undoing an answer.

use rusqlite::{Connection, OptionalExtension, params};
use satchel_types::{Answered, Event, LearningSettings, NextCard, Rating, StudyCard, StudyCounts};

use super::cards::{STUDY_COLUMNS, STUDY_FROM, card, study_card};
use super::optimise::queue_when_due;
use super::schedule::{DAY, MINUTE, Past, ReviewKind, Scheduler};
use super::settings;
use crate::agents::tutor::EASIER;
use crate::ids::{CardId, ReviewId};
use crate::profile::{Profile, Tx};
use crate::store;
use crate::{Error, Result};

/// A learner's day turns at 04:00 their time, so a late evening's reviews count
/// with the evening, not with the morning after.
pub const DAY_STARTS_AT_HOUR: i64 = 4;
const HOUR: i64 = 3_600_000;
/// A card answered again that is due within this is shown when nothing else is left.
const LEARN_AHEAD: i64 = 20 * MINUTE;

/// Where a learner's days begin and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Days {
    /// How far past a UTC midnight (ms) the day turns.
    offset: i64,
}

impl Days {
    pub fn of(settings: &LearningSettings) -> Days {
        let zone = i64::from(settings.utc_offset_minutes.clamp(-14 * 60, 14 * 60)) * 60_000;
        Days {
            offset: (DAY_STARTS_AT_HOUR * HOUR - zone).rem_euclid(DAY),
        }
    }

    pub fn today_start(self, now: i64) -> i64 {
        (now - self.offset).div_euclid(DAY) * DAY + self.offset
    }

    pub fn next_day_start(self, now: i64) -> i64 {
        self.today_start(now) + DAY
    }

    /// How far past a UTC midnight the day turns (ms).
    pub fn offset(self) -> i64 {
        self.offset
    }
}

pub(crate) fn days(conn: &Connection) -> Result<Days> {
    Ok(Days::of(&settings(conn)?))
}

/// Cards that may be reviewed now: not deleted, suspended or buried.
const STUDYABLE: &str = "c.state != 'deleted' AND c.suspended = 0 \
     AND (c.buried_until IS NULL OR c.buried_until <= ?1) AND (?2 IS NULL OR c.deck_id = ?2)";

fn first_card(
    conn: &Connection,
    condition: &str,
    order: &str,
    now: i64,
    deck: Option<&str>,
    until: i64,
) -> Result<Option<StudyCard>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {STUDY_COLUMNS} FROM {STUDY_FROM}
         WHERE {condition} AND {STUDYABLE} ORDER BY {order} LIMIT 1"
    ))?;
    Ok(statement
        .query_row(params![now, deck, until], study_card)
        .optional()?)
}

/// New cards first seen today (answers undone not counted).
fn new_seen_today(conn: &Connection, now: i64, days: Days) -> Result<u32> {
    let count: i64 = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*) FROM reviews r
             WHERE r.reviewed_at >= ?1 AND r.kind = 'new'
               AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)
               AND NOT EXISTS (SELECT 1 FROM cards c
                               WHERE c.id = r.card_id AND c.generator = '{EASIER}')"
        ))?
        .query_row([days.today_start(now)], |row| row.get(0))?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

pub(crate) fn counts(
    conn: &Connection,
    now: i64,
    deck: Option<&str>,
    settings: &LearningSettings,
) -> Result<StudyCounts> {
    let days = Days::of(settings);
    // An easier card made for a card failed twice is relearning, not one of the day's
    // new cards: it is asked at once, whatever the day's limit.
    let (learning, due): (i64, i64) = conn
        .prepare_cached(&format!(
            "SELECT COALESCE(SUM(c.due IS NULL OR c.due - c.last_review < {DAY}), 0),
                    COALESCE(SUM(c.due - c.last_review >= {DAY}), 0)
             FROM cards c
             WHERE ((c.due IS NOT NULL AND c.due < ?3)
                    OR (c.due IS NULL AND c.generator = '{EASIER}'))
               AND {STUDYABLE}"
        ))?
        .query_row(params![now, deck, days.next_day_start(now)], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    let left_today = settings
        .new_per_day
        .saturating_sub(new_seen_today(conn, now, days)?);
    let new: i64 = if left_today == 0 {
        0
    } else {
        conn.prepare_cached(&format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM cards c
             WHERE c.due IS NULL AND c.generator != '{EASIER}' AND {STUDYABLE} LIMIT ?3)"
        ))?
        .query_row(params![now, deck, left_today], |row| row.get(0))?
    };
    let count = |n: i64| u32::try_from(n).unwrap_or(0);
    Ok(StudyCounts {
        learning: count(learning),
        due: count(due),
        new: count(new),
    })
}

fn past(card: &StudyCard) -> Past {
    Past {
        memory: card
            .stability
            .zip(card.difficulty)
            .map(|(stability, difficulty)| fsrs::MemoryState {
                stability,
                difficulty,
            }),
        last_review: card.last_review,
        due: card.due,
    }
}

/// The card to study now, if any: an easier card for a card failed twice, reviews and
/// relearning due, then new cards within the day's limit, then cards answered again
/// that are due in a few minutes.
pub(crate) fn next_card(
    conn: &Connection,
    now: i64,
    deck: Option<&str>,
) -> Result<Option<NextCard>> {
    let settings = settings(conn)?;
    let left = counts(conn, now, deck, &settings)?;
    let due = "c.due IS NOT NULL AND c.due <= ?3";
    // An easier card made because a card was failed twice comes first, whatever the
    // day's new cards: the struggle is now.
    let mut card = first_card(
        conn,
        &format!("c.due IS NULL AND c.generator = '{EASIER}' AND ?3 = ?3"),
        "c.created_at, c.id",
        now,
        deck,
        0,
    )?;
    if card.is_none() {
        card = first_card(conn, due, "c.due", now, deck, now)?;
    }
    if card.is_none() && left.new > 0 {
        card = first_card(
            conn,
            &format!("c.due IS NULL AND c.generator != '{EASIER}' AND ?3 = ?3"),
            "c.created_at, c.id",
            now,
            deck,
            0,
        )?;
    }
    if card.is_none() {
        card = first_card(conn, due, "c.due", now, deck, now + LEARN_AHEAD)?;
    }
    let Some(card) = card else {
        return Ok(None);
    };
    let scheduler = Scheduler::new(&settings)?;
    let outcomes = scheduler.outcomes(&past(&card), now)?;
    Ok(Some(NextCard {
        intervals_ms: outcomes.map(|o| o.due - now),
        card,
        left,
    }))
}

/// Sets a card's schedule from its latest review that was not undone.
pub(crate) fn project(tx: &Tx<'_>, card_id: &CardId) -> Result<()> {
    store::cards::schedule_from_log(tx, card_id)
}

impl Profile {
    /// The card to study next in `deck` (or in every deck), or `None` when nothing
    /// is left for now.
    pub fn next_card(&self, deck: Option<&str>, now: i64) -> Result<Option<NextCard>> {
        self.read(|conn| next_card(conn, now, deck))
    }

    /// A card to study now whether due or not (the card an undo brought back), with
    /// what each answer would do.
    pub fn card_to_study(&self, id: &str, now: i64) -> Result<NextCard> {
        self.read(|conn| {
            let settings = settings(conn)?;
            let card = card(conn, &CardId::from(id))?;
            let outcomes = Scheduler::new(&settings)?.outcomes(&past(&card), now)?;
            Ok(NextCard {
                intervals_ms: outcomes.map(|o| o.due - now),
                left: counts(conn, now, None, &settings)?,
                card,
            })
        })
    }

    /// What is left to study today.
    pub fn study_counts(&self, deck: Option<&str>, now: i64) -> Result<StudyCounts> {
        self.read(|conn| counts(conn, now, deck, &settings(conn)?))
    }

    /// Answers a card: the review goes into the log and the card's schedule follows
    /// from it. `duration_ms` is the time spent on the card.
    pub fn answer(
        &self,
        card_id: &str,
        rating: Rating,
        duration_ms: i64,
        now: i64,
    ) -> Result<Answered> {
        self.transact(|tx| {
            let card = card(tx, &CardId::from(card_id))?;
            if card.suspended {
                return Err(Error::Rule(satchel_types::ErrorDetail::CardSuspended));
            }
            let settings = settings(tx)?;
            let scheduler = Scheduler::new(&settings)?;
            let outcome = scheduler.outcome(&past(&card), rating, now)?;
            let id = ReviewId::new();
            let card_id = CardId::from(card.id.as_str());
            store::reviews::log(
                tx,
                &store::reviews::LoggedReview {
                    id: &id,
                    card_id: &card_id,
                    reviewed_at: now,
                    rating,
                    kind: outcome.kind,
                    elapsed_days: outcome.elapsed_days,
                    duration_ms,
                    memory: outcome.memory,
                    due: outcome.due,
                    origin: "satchel",
                },
            )?;
            let lapse = i64::from(rating == Rating::Again && outcome.kind == ReviewKind::Review);
            // Its siblings wait for another day, as Anki has them (see bury_siblings).
            store::cards::answered(
                tx,
                &card_id,
                &store::cards::Schedule {
                    due: Some(outcome.due),
                    stability: Some(outcome.memory.stability),
                    difficulty: Some(outcome.memory.difficulty),
                    last_review: Some(now),
                },
                lapse,
            )?;
            store::cards::bury_siblings(
                tx,
                &card_id,
                Days::of(&settings).next_day_start(now),
                DAY,
            )?;
            // Failed again and again, the fact gets an easier card, asked next.
            // The review stands whatever becomes of the easier card: a failure to make
            // it is said and passed over.
            let easier = if rating == Rating::Again {
                crate::agents::tutor::easier_after_fail(tx, &card, now).unwrap_or_else(|error| {
                    eprintln!("an easier card for {}: {error}", card.id);
                    None
                })
            } else {
                None
            };
            let answered = Answered {
                review_id: id.to_string(),
                card_id: card.id.clone(),
                rating,
                due: outcome.due,
                stability: outcome.memory.stability,
                difficulty: outcome.memory.difficulty,
                easier_card: easier.map(String::from),
            };
            let mut events = vec![Event::ReviewLogged {
                card_id: card.id,
                review_id: id.into(),
                undone: false,
            }];
            events.extend(queue_when_due(tx, &settings, now)?);
            tx.emit_all(events);
            Ok(answered)
        })
    }

    /// Undoes an answer (the latest not yet undone when `review_id` is `None`): it
    /// stays in the log, marked undone, and the card's schedule is what it was.
    /// Returns the card, to be asked again.
    pub fn undo_review(&self, review_id: Option<&str>, now: i64) -> Result<StudyCard> {
        self.transact(|tx| {
            let found: Option<(ReviewId, CardId)> = match review_id {
                Some(id) => tx
                    .query_row(
                        "SELECT r.id, r.card_id FROM reviews r WHERE r.id = ?1
                           AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)",
                        [id],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .optional()?,
                None => tx
                    .query_row(
                        "SELECT r.id, r.card_id FROM reviews r
                         WHERE r.origin = 'satchel'
                           AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)
                         ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1",
                        [],
                        |row| Ok((row.get(0)?, row.get(1)?)),
                    )
                    .optional()?,
            };
            let Some((review, card_id)) = found else {
                return Err(match review_id {
                    Some(id) => Error::not_found("review to undo", id),
                    None => Error::Rule(satchel_types::ErrorDetail::NothingToUndo),
                });
            };
            store::reviews::mark_undone(tx, &review, now)?;
            project(tx, &card_id)?;
            // The miss that made an easier card undone, the easier card goes too (while
            // it is still unanswered).
            crate::agents::tutor::withdraw_easier(tx, &card_id, now)?;
            let undone = card(tx, &card_id)?;
            tx.emit(Event::ReviewLogged {
                card_id: card_id.into(),
                review_id: review.into(),
                undone: true,
            });
            Ok(undone)
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use satchel_types::{CardDraft, CardKind};

    use super::*;
    use crate::testing::keychain_profile;

    fn add(profile: &Profile, front: &str, now: i64) -> StudyCard {
        profile
            .add_cards(
                &CardDraft {
                    deck: "Test".into(),
                    kind: CardKind::Basic,
                    front: front.into(),
                    back: "answer".into(),
                    choices: Vec::new(),
                    media: Vec::new(),
                },
                now,
            )
            .unwrap()
            .remove(0)
    }

    const NOON: i64 = 20_000 * DAY + 12 * 3_600_000;

    #[test]
    fn days_turn_at_four_in_the_morning_where_the_learner_is() {
        let midnight = 20_000 * DAY;
        let utc = Days::of(&LearningSettings::default());
        assert_eq!(utc.today_start(midnight + 5 * HOUR), midnight + 4 * HOUR);
        assert_eq!(
            utc.today_start(midnight + 3 * HOUR),
            midnight - DAY + 4 * HOUR
        );
        assert_eq!(utc.next_day_start(NOON), midnight + DAY + 4 * HOUR);
        // Eight hours east, 04:00 there is 20:00 UTC the day before.
        let east = Days::of(&LearningSettings {
            utc_offset_minutes: 8 * 60,
            ..LearningSettings::default()
        });
        assert_eq!(east.today_start(NOON), midnight - 4 * HOUR);
        assert_eq!(east.today_start(midnight + 19 * HOUR), midnight - 4 * HOUR);
        // Five hours west, 04:00 there is 09:00 UTC.
        let west = Days::of(&LearningSettings {
            utc_offset_minutes: -5 * 60,
            ..LearningSettings::default()
        });
        assert_eq!(west.today_start(NOON), midnight + 9 * HOUR);
    }

    #[test]
    fn new_cards_come_in_order_then_back_when_due() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let first = add(&profile, "first", NOON);
        let second = add(&profile, "second", NOON + 1);
        let next = profile.next_card(None, NOON).unwrap().unwrap();
        assert_eq!(next.card.id, first.id);
        assert_eq!(
            next.left,
            StudyCounts {
                learning: 0,
                due: 0,
                new: 2
            }
        );
        assert_eq!(next.intervals_ms[0], MINUTE);
        assert_eq!(next.intervals_ms[2], 2 * DAY);

        let answered = profile
            .answer(&first.id, Rating::Again, 4_000, NOON)
            .unwrap();
        assert_eq!(answered.due, NOON + MINUTE);
        // The forgotten card waits its minute; the other new card comes first.
        let next = profile.next_card(None, NOON + 1_000).unwrap().unwrap();
        assert_eq!(next.card.id, second.id);
        assert_eq!(
            next.left,
            StudyCounts {
                learning: 1,
                due: 0,
                new: 1
            }
        );
        profile
            .answer(&second.id, Rating::Good, 3_000, NOON + 1_000)
            .unwrap();
        // Nothing else: the forgotten card is shown ahead of its minute.
        let next = profile.next_card(None, NOON + 2_000).unwrap().unwrap();
        assert_eq!(next.card.id, first.id);
        profile
            .answer(&first.id, Rating::Good, 3_000, NOON + 2_000)
            .unwrap();
        assert!(profile.next_card(None, NOON + 3_000).unwrap().is_none());
        // Two days on, both are due, the one due first first.
        let later = NOON + 2 * DAY + 5_000;
        let next = profile.next_card(None, later).unwrap().unwrap();
        // (The card relearnt the same day is remembered for less than a day yet.)
        assert_eq!(
            next.left,
            StudyCounts {
                learning: 1,
                due: 1,
                new: 0
            }
        );
        let first_due = profile.study_card(&first.id).unwrap().due.unwrap();
        let second_due = profile.study_card(&second.id).unwrap().due.unwrap();
        let earlier = if first_due <= second_due {
            &first
        } else {
            &second
        };
        assert_eq!(next.card.id, earlier.id);
    }

    #[test]
    fn the_day_limit_on_new_cards_holds() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        profile.set_learning_settings(0.9, 1).unwrap();
        let first = add(&profile, "first", NOON);
        add(&profile, "second", NOON);
        profile
            .answer(&first.id, Rating::Easy, 1_000, NOON)
            .unwrap();
        assert!(profile.next_card(None, NOON + 1).unwrap().is_none());
        // Tomorrow brings the next one.
        let next = profile.next_card(None, NOON + DAY).unwrap().unwrap();
        assert_eq!(next.card.front, "second");
    }

    #[test]
    fn undo_restores_the_schedule_and_keeps_the_log() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let card = add(&profile, "q", NOON);
        let good = profile.answer(&card.id, Rating::Good, 1_000, NOON).unwrap();
        let before = profile.study_card(&card.id).unwrap();
        let again = profile
            .answer(&card.id, Rating::Again, 1_000, good.due)
            .unwrap();
        assert_eq!(profile.study_card(&card.id).unwrap().lapses, 1);
        let undone = profile.undo_review(None, good.due + 1).unwrap();
        assert_eq!(undone, before);
        let undone = profile.undo_review(None, good.due + 2).unwrap();
        assert_eq!((undone.due, undone.reps, undone.stability), (None, 0, None));
        assert!(profile.undo_review(None, good.due + 3).is_err());
        assert!(
            profile
                .undo_review(Some(&again.review_id), good.due + 3)
                .is_err()
        );
        // The log still has both answers, and refuses to lose them.
        let kept: i64 = profile
            .read(|conn| Ok(conn.query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(kept, 2);
        let refused = profile.transact(|tx| {
            tx.execute("DELETE FROM reviews", [])?;
            Ok(())
        });
        assert!(refused.is_err());
    }

    #[test]
    fn a_cards_siblings_wait_for_another_day() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let pair = profile
            .add_cards(&crate::testing::french_pair(), NOON)
            .unwrap();
        let lone = add(&profile, "lone", NOON);
        profile
            .answer(&pair[0].id, Rating::Good, 1_000, NOON)
            .unwrap();
        // The reverse is kept for tomorrow; a card of another note is not.
        let next = profile.next_card(None, NOON + 1).unwrap().unwrap();
        assert_eq!(next.card.id, lone.id);
        profile
            .answer(&lone.id, Rating::Good, 1_000, NOON + 1)
            .unwrap();
        assert!(profile.next_card(None, NOON + 2).unwrap().is_none());
        let tomorrow = profile.next_card(None, NOON + DAY).unwrap().unwrap();
        assert_eq!(tomorrow.card.id, pair[1].id);
    }

    #[test]
    fn suspended_and_buried_cards_wait() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let card = add(&profile, "q", NOON);
        profile.set_suspended(&card.id, true, NOON).unwrap();
        assert!(profile.next_card(None, NOON).unwrap().is_none());
        assert!(profile.answer(&card.id, Rating::Good, 0, NOON).is_err());
        profile.set_suspended(&card.id, false, NOON).unwrap();
        profile.bury(&card.id[..8], NOON).unwrap();
        assert!(profile.next_card(None, NOON).unwrap().is_none());
        assert!(profile.next_card(None, NOON + DAY).unwrap().is_some());
        assert_eq!(profile.unbury_all(NOON).unwrap(), 1);
        assert!(profile.next_card(None, NOON).unwrap().is_some());
    }
}
