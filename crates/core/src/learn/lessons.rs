//! Lessons a teacher assigned: written into the tables from their shared documents
//! as they arrive, and summed up per lesson for the progress a teacher reads.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};
use satchel_types::Event;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::schedule::Scheduler;
use crate::Result;
use crate::ids::{DeckId, OwnerId};
use crate::store::tx::Tx;

/// The rating of a failed answer in the review log.
const AGAIN: i64 = 1;

/// A lesson as its document carries it (written by the teacher's device).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct LessonDoc {
    pub id: String,
    pub title: String,
    pub class_id: String,
    pub class_name: String,
    pub teacher: String,
    /// The teacher's account: their own devices do not take it as a lesson to study.
    pub teacher_id: String,
    /// The material: a source's or a note's id.
    pub source_id: Option<OwnerId>,
    pub deck_id: DeckId,
    pub deck_name: String,
    pub assigned_at: i64,
    /// Card id → the concept it tests.
    pub concepts: BTreeMap<String, String>,
}

/// Each lesson's part of the progress summary the teacher reads: cards, how many were
/// studied, whether all were, and per concept the mean chance of recall of its cards a
/// day after the learner's last study, `as_of` — what a teacher planning tomorrow
/// wants to know (right after a review every card is recalled). A card not studied yet
/// counts 0, and so does one whose last answer was "again": it is not known yet, however
/// gently the forgetting curve falls after a relearning step.
pub(crate) fn lesson_summaries(
    conn: &Connection,
    scheduler: &Scheduler,
    as_of: i64,
) -> Result<Vec<serde_json::Value>> {
    let at = as_of + 86_400_000;
    let mut statement =
        conn.prepare_cached("SELECT id, deck_id, concepts FROM lessons ORDER BY assigned_at")?;
    let lessons: Vec<(String, String, String)> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut card = conn.prepare_cached(
        "SELECT c.stability, c.last_review,
                (SELECT r.rating FROM reviews r WHERE r.card_id = c.id
                   AND r.id NOT IN (SELECT review_id FROM undone_reviews)
                 ORDER BY r.reviewed_at DESC LIMIT 1)
         FROM cards c WHERE c.id = ?1 AND c.state != 'deleted' AND c.suspended = 0",
    )?;
    let mut out = Vec::new();
    for (id, _deck, concepts) in lessons {
        let concepts: BTreeMap<String, String> =
            serde_json::from_str(&concepts).unwrap_or_default();
        // concept → (recall summed, cards, studied)
        let mut by_concept: BTreeMap<&str, (f32, u32, u32)> = BTreeMap::new();
        let (mut cards, mut studied) = (0u32, 0u32);
        for (card_id, concept) in &concepts {
            let Some((stability, last, rating)) = card
                .query_row([card_id], |r| {
                    Ok((
                        r.get::<_, Option<f64>>(0)?,
                        r.get::<_, Option<i64>>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                    ))
                })
                .optional()?
            else {
                continue;
            };
            let recall = match (stability, last, rating) {
                (_, _, Some(AGAIN)) => 0.0,
                (Some(s), Some(last), _) => scheduler.retrievability(s as f32, last, at),
                _ => 0.0,
            };
            let entry = by_concept.entry(concept.as_str()).or_default();
            entry.0 += recall;
            entry.1 += 1;
            cards += 1;
            if last.is_some() {
                entry.2 += 1;
                studied += 1;
            }
        }
        out.push(json!({
            "id": id,
            "cards": cards,
            "studied": studied,
            "done": cards > 0 && studied == cards,
            "concepts": by_concept.iter().map(|(concept, (sum, n, studied))| json!({
                "concept": concept,
                "mastery": if *n > 0 { sum / *n as f32 } else { 0.0 },
                "cards": n,
                "studied": studied,
            })).collect::<Vec<_>>(),
        }));
    }
    Ok(out)
}

/// Writes a lesson as a sync brought it: kept (replacing an earlier version), with its
/// deck made when this device has none by that id. A lesson this profile's own account
/// assigned is not one to study.
pub(crate) fn project_lesson(
    tx: &Tx<'_>,
    own_account: Option<&str>,
    text: &str,
    now: i64,
) -> Result<Option<Event>> {
    let Ok(lesson) = serde_json::from_str::<LessonDoc>(text) else {
        // From a newer Satchel, or not yet whole.
        return Ok(None);
    };
    if own_account == Some(lesson.teacher_id.as_str()) {
        return Ok(None);
    }
    let has_deck = tx
        .query_row(
            "SELECT 1 FROM decks WHERE id = ?1",
            [&lesson.deck_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if !has_deck {
        // Deck names are unique here: a learner's own deck may have the lesson's name.
        let mut name = lesson.deck_name.clone();
        for n in 2.. {
            let taken = tx
                .query_row("SELECT 1 FROM decks WHERE name = ?1", [&name], |_| Ok(()))
                .optional()?
                .is_some();
            if !taken {
                break;
            }
            name = format!("{} ({} {n})", lesson.deck_name, lesson.teacher);
        }
        crate::store::decks::insert(tx, &lesson.deck_id, &name, now)?;
        // Cards that arrived before their lesson join its deck.
        crate::store::cards::join_deck(
            tx,
            &lesson.deck_id,
            &serde_json::to_string(&lesson.concepts.keys().collect::<Vec<_>>()).unwrap_or_default(),
        )?;
    }
    let concepts = serde_json::to_string(&lesson.concepts).unwrap_or_default();
    let changed = tx.execute(
        "INSERT INTO lessons (id, title, teacher, class_name, source_id, deck_id, concepts,
                              assigned_at, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, teacher = excluded.teacher,
             class_name = excluded.class_name, source_id = excluded.source_id,
             deck_id = excluded.deck_id, concepts = excluded.concepts,
             assigned_at = excluded.assigned_at
         WHERE lessons.title != excluded.title OR lessons.concepts != excluded.concepts
            OR lessons.deck_id != excluded.deck_id OR lessons.assigned_at != excluded.assigned_at",
        params![
            lesson.id,
            lesson.title,
            lesson.teacher,
            lesson.class_name,
            lesson.source_id,
            lesson.deck_id,
            concepts,
            lesson.assigned_at,
            now
        ],
    )?;
    Ok((changed > 0).then_some(Event::LessonArrived {
        id: lesson.id,
        title: lesson.title,
        teacher: lesson.teacher,
    }))
}
