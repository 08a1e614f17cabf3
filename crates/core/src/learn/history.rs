//! Cards brought in with the reviews they already had (from Anki, or many at once):
//! each history replayed through FSRS into the log, in one transaction.

use satchel_types::{CardKind, Event, Rating};

use super::cards::HAND;
use super::review::project;
use super::schedule::{Past, Scheduler};
use super::settings;
use crate::Result;
use crate::ids::{CardId, DeckId, ReviewId};
use crate::profile::{Profile, Tx};
use crate::store::reviews::{LoggedReview, log};
use crate::store::{self, cards};

/// A review a card had before it came to Satchel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastReview {
    /// Its id in the log, the same each time the same review is brought in (so
    /// bringing it in twice logs it once).
    pub id: String,
    pub reviewed_at: i64,
    pub rating: Rating,
    pub duration_ms: i64,
}

/// A card to bring in, with its reviews, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardWithHistory {
    pub deck: String,
    pub kind: CardKind,
    pub front: String,
    pub back: String,
    pub reviews: Vec<PastReview>,
}

/// Logs `reviews` for `card_id` as FSRS schedules them, from the card as new.
pub(crate) fn replay(
    tx: &Tx<'_>,
    scheduler: &Scheduler,
    card_id: &CardId,
    reviews: &[PastReview],
    origin: &str,
) -> Result<Vec<ReviewId>> {
    let new: Vec<&PastReview> = reviews.iter().collect();
    let logged = log_in_place(tx, scheduler, card_id, &[], &new, origin)?;
    project(tx, card_id)?;
    Ok(logged)
}

/// Adds to card `card_id` the reviews of `reviews` it does not have (a card that
/// went to Anki and came back, answered there meanwhile), each scheduled by FSRS in
/// its place in the card's whole history, and sets the card's schedule from it all.
/// An answer within a second of one the card has is that answer come back (Anki moves
/// a review's id on a millisecond when two share one), not a new one.
pub(crate) fn merge_later(
    tx: &Tx<'_>,
    scheduler: &Scheduler,
    card_id: &CardId,
    reviews: &[PastReview],
    origin: &str,
) -> Result<Vec<ReviewId>> {
    const SAME_ANSWER_MS: i64 = 1_000;
    let history: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT r.reviewed_at, r.rating FROM reviews r
             WHERE r.card_id = ?1
               AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)
             ORDER BY r.reviewed_at, r.id",
        )?
        .query_map([card_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let new: Vec<&PastReview> = reviews
        .iter()
        .filter(|r| {
            !history
                .iter()
                .any(|(at, _)| (r.reviewed_at - at).abs() <= SAME_ANSWER_MS)
        })
        .collect();
    if new.is_empty() {
        return Ok(Vec::new());
    }
    let logged = log_in_place(tx, scheduler, card_id, &history, &new, origin)?;
    reschedule_from_history(tx, card_id)?;
    Ok(logged)
}

/// Logs the `new` reviews of card `card_id`, each scheduled by FSRS in its place among
/// `history` (the card's answers so far: time, rating) and them; the ids logged.
fn log_in_place(
    tx: &Tx<'_>,
    scheduler: &Scheduler,
    card_id: &CardId,
    history: &[(i64, i64)],
    new: &[&PastReview],
    origin: &str,
) -> Result<Vec<ReviewId>> {
    // The whole history in time order, the new answers marked.
    let mut all: Vec<(i64, Rating, Option<&PastReview>)> = history
        .iter()
        .filter_map(|(at, rating)| Some((*at, Rating::from_number(*rating)?, None)))
        .chain(new.iter().map(|r| (r.reviewed_at, r.rating, Some(*r))))
        .collect();
    all.sort_by_key(|(at, _, _)| *at);
    let mut past = Past::default();
    let mut logged = Vec::new();
    for (at, rating, review) in all {
        let outcome = scheduler.outcome(&past, rating, at)?;
        if let Some(review) = review {
            let id = ReviewId::from(review.id.as_str());
            let added = log(
                tx,
                &LoggedReview {
                    id: &id,
                    card_id,
                    reviewed_at: review.reviewed_at,
                    rating: review.rating,
                    kind: outcome.kind,
                    elapsed_days: outcome.elapsed_days,
                    duration_ms: review.duration_ms,
                    memory: outcome.memory,
                    due: outcome.due,
                    origin,
                },
            )?;
            if added {
                logged.push(id);
            }
        }
        past = Past {
            memory: Some(outcome.memory),
            last_review: Some(at),
            due: Some(outcome.due),
        };
    }
    Ok(logged)
}

/// Sets a card's schedule from its whole history (after another device's reviews of
/// it arrived): its reviews that were not undone, in time order, through FSRS. A card
/// not here (yet) waits for its own document.
pub(crate) fn reschedule_from_history(tx: &Tx<'_>, card_id: &CardId) -> Result<()> {
    let exists: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM cards WHERE id = ?1)")?
        .query_row([card_id], |row| row.get(0))?;
    if !exists {
        return Ok(());
    }
    let scheduler = Scheduler::new(&settings(tx)?)?;
    let history: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT r.reviewed_at, r.rating FROM reviews r
             WHERE r.card_id = ?1
               AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)
             ORDER BY r.reviewed_at, r.id",
        )?
        .query_map([card_id], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut past = Past::default();
    let mut lapses = 0i64;
    for (at, rating) in &history {
        let Some(rating) = Rating::from_number(*rating) else {
            continue;
        };
        let outcome = scheduler.outcome(&past, rating, *at)?;
        lapses += i64::from(
            rating == Rating::Again && outcome.kind == super::schedule::ReviewKind::Review,
        );
        past = Past {
            memory: Some(outcome.memory),
            last_review: Some(*at),
            due: Some(outcome.due),
        };
    }
    cards::set_schedule(
        tx,
        card_id,
        &cards::Schedule {
            due: past.due,
            stability: past.memory.map(|m| m.stability),
            difficulty: past.memory.map(|m| m.difficulty),
            last_review: past.last_review,
        },
        history.len() as i64,
        lapses,
    )?;
    Ok(())
}

impl Profile {
    /// Writes many cards with their past reviews at once; returns their ids.
    pub fn add_cards_with_history(
        &self,
        cards: &[CardWithHistory],
        origin: &str,
        now: i64,
    ) -> Result<Vec<String>> {
        self.transact(|tx| {
            let scheduler = Scheduler::new(&settings(tx)?)?;
            let mut ids = Vec::with_capacity(cards.len());
            let mut decks = std::collections::HashMap::new();
            for (seq, card) in cards.iter().enumerate() {
                let deck = match decks.get(&card.deck) {
                    Some(id) => DeckId::clone(id),
                    None => {
                        let id = store::decks::named(tx, &card.deck, now)?;
                        decks.insert(card.deck.clone(), id.clone());
                        id
                    }
                };
                let id = cards::insert(
                    tx,
                    &cards::NewCard {
                        kind: card.kind,
                        deck_id: &deck,
                        generator: HAND,
                        front: &card.front,
                        back: &card.back,
                        choices: &[],
                        media: &[],
                        seq: seq as i64,
                        external_id: None,
                        family: None,
                        id: None,
                    },
                    now,
                )?;
                replay(tx, &scheduler, &id, &card.reviews, origin)?;
                ids.push(id.into_string());
            }
            let count = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            tx.emit(Event::CardsChanged { count });
            Ok(ids)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::schedule::DAY;

    #[test]
    fn a_history_brought_in_schedules_the_card_as_answering_it_would() {
        let (_dir, _satchel, profile) = crate::testing::keychain_profile("Ada");
        let start = 20_000 * DAY;
        let reviews = vec![
            PastReview {
                id: "a-1".into(),
                reviewed_at: start,
                rating: Rating::Good,
                duration_ms: 3_000,
            },
            PastReview {
                id: "a-2".into(),
                reviewed_at: start + 3 * DAY,
                rating: Rating::Hard,
                duration_ms: 9_000,
            },
        ];
        let card = CardWithHistory {
            deck: "Imported".into(),
            kind: CardKind::Basic,
            front: "q".into(),
            back: "a".into(),
            reviews,
        };
        let ids = profile
            .add_cards_with_history(std::slice::from_ref(&card), "anki", start)
            .unwrap();
        let answered = profile
            .add_cards(
                &satchel_types::CardDraft {
                    deck: "Answered".into(),
                    kind: CardKind::Basic,
                    front: "q".into(),
                    back: "a".into(),
                    choices: Vec::new(),
                    media: Vec::new(),
                },
                start,
            )
            .unwrap()
            .remove(0);
        profile
            .answer(&answered.id, Rating::Good, 0, start)
            .unwrap();
        profile
            .answer(&answered.id, Rating::Hard, 0, start + 3 * DAY)
            .unwrap();
        let imported = profile.study_card(&ids[0]).unwrap();
        let answered = profile.study_card(&answered.id).unwrap();
        assert_eq!(
            (imported.due, imported.stability, imported.reps),
            (answered.due, answered.stability, answered.reps)
        );
        // Brought in again, the same reviews are not logged twice.
        profile
            .add_cards_with_history(&[card], "anki", start)
            .unwrap();
        let logged: i64 = profile
            .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM reviews", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(logged, 4);
    }
}
