//! What is known and what to study next: analytics over the review log, mastery per
//! concept, and the "study now" list.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use satchel_types::{
    CardCounts, ConceptMastery, DayReviews, Event, LearningStats, LessonView, RetentionWeek,
    StudyStep,
};

use super::review::{Days, counts};
use super::schedule::{DAY, Scheduler};
use super::settings;
use crate::Result;
use crate::error::OrNotFound;
use crate::profile::Profile;

const YEAR_DAYS: i64 = 365;
const FORECAST_DAYS: i64 = 30;
/// A card due this far out or more is "mature", as Anki counts it.
const MATURE_DAYS: i64 = 21;
/// How much quiz answers count in a concept's mastery beside its cards.
const QUIZ_SHARE: f32 = 0.3;
/// Concepts known at least this well are not suggested.
const KNOWN: f32 = 0.8;
const WEAKEST_SHOWN: usize = 3;

const NOT_UNDONE: &str = "NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)";

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

fn days(conn: &Connection, now: i64, learner: Days) -> Result<Vec<DayReviews>> {
    let first = learner.today_start(now) - (YEAR_DAYS - 1) * DAY;
    let offset = learner.offset();
    let mut statement = conn.prepare_cached(&format!(
        "SELECT (r.reviewed_at - ?2) / {DAY} AS day, COUNT(*), SUM(r.rating > 1),
                SUM(r.duration_ms)
         FROM reviews r WHERE r.reviewed_at >= ?1 AND {NOT_UNDONE}
         GROUP BY day ORDER BY day"
    ))?;
    let days = statement
        .query_map(params![first, offset], |row| {
            Ok(DayReviews {
                day: row.get::<_, i64>(0)? * DAY + offset,
                reviews: count(row.get(1)?),
                passed: count(row.get(2)?),
                time_ms: row.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(days)
}

fn retention(
    conn: &Connection,
    now: i64,
    learner: Days,
) -> Result<(Vec<RetentionWeek>, Option<f32>)> {
    let first = learner.today_start(now) - (YEAR_DAYS - 1) * DAY;
    let offset = learner.offset();
    let week = 7 * DAY;
    let mut statement = conn.prepare_cached(&format!(
        "SELECT (r.reviewed_at - ?2) / {week} AS week, COUNT(*), SUM(r.rating > 1)
         FROM reviews r WHERE r.reviewed_at >= ?1 AND r.kind = 'review' AND {NOT_UNDONE}
         GROUP BY week ORDER BY week"
    ))?;
    let weeks = statement
        .query_map(params![first, offset], |row| {
            Ok(RetentionWeek {
                week: row.get::<_, i64>(0)? * week + offset,
                reviews: count(row.get(1)?),
                passed: count(row.get(2)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let (reviews, passed): (i64, i64) = conn
        .prepare_cached(&format!(
            "SELECT COUNT(*), COALESCE(SUM(r.rating > 1), 0) FROM reviews r
             WHERE r.reviewed_at >= ?1 AND r.kind = 'review' AND {NOT_UNDONE}"
        ))?
        .query_row([now - 30 * DAY], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let true_retention = (reviews > 0).then(|| passed as f32 / reviews as f32);
    Ok((weeks, true_retention))
}

fn forecast(conn: &Connection, now: i64, learner: Days) -> Result<Vec<u32>> {
    let tomorrow = learner.next_day_start(now);
    let mut due = vec![0u32; FORECAST_DAYS as usize];
    let mut statement = conn.prepare_cached(&format!(
        "SELECT CASE WHEN c.due < ?1 THEN 0 ELSE (c.due - ?1) / {DAY} + 1 END AS day, COUNT(*)
         FROM cards c
         WHERE c.due IS NOT NULL AND c.due < ?2 AND c.suspended = 0 AND c.state != 'deleted'
         GROUP BY day"
    ))?;
    let rows = statement.query_map(
        params![tomorrow, tomorrow + (FORECAST_DAYS - 1) * DAY],
        |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)),
    )?;
    for row in rows {
        let (day, n) = row?;
        if let Some(slot) = usize::try_from(day).ok().and_then(|d| due.get_mut(d)) {
            *slot += count(n);
        }
    }
    Ok(due)
}

fn card_counts(conn: &Connection, now: i64) -> Result<CardCounts> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT COUNT(*),
                    COALESCE(SUM(c.suspended = 0 AND c.due IS NULL), 0),
                    COALESCE(SUM(c.suspended = 0 AND c.due - c.last_review < {DAY}), 0),
                    COALESCE(SUM(c.suspended = 0 AND c.due - c.last_review >= {DAY}
                                 AND c.due - ?1 < {mature}), 0),
                    COALESCE(SUM(c.suspended = 0 AND c.due - c.last_review >= {DAY}
                                 AND c.due - ?1 >= {mature}), 0),
                    COALESCE(SUM(c.suspended), 0)
             FROM cards c WHERE c.state != 'deleted'",
            mature = MATURE_DAYS * DAY
        ))?
        .query_row([now], |row| {
            Ok(CardCounts {
                total: count(row.get(0)?),
                new: count(row.get(1)?),
                learning: count(row.get(2)?),
                young: count(row.get(3)?),
                mature: count(row.get(4)?),
                suspended: count(row.get(5)?),
            })
        })?)
}

/// Mastery of every concept that has cards or quiz answers, weakest first.
fn mastery(conn: &Connection, scheduler: &Scheduler, now: i64) -> Result<Vec<ConceptMastery>> {
    // Each card's chance of recall now, by the concept it tests — or, for a card
    // that names none, by the concepts its note or source names.
    let mut recall: HashMap<i64, (f32, u32)> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT oc.concept_id, c.stability, c.last_review
         FROM cards c JOIN owner_concepts oc ON oc.owner_id = c.owner_id
         WHERE c.state != 'deleted' AND c.suspended = 0
           AND (c.concept_id IS NULL OR c.concept_id = oc.concept_id)",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, i64>(0)?,
            row.get::<_, Option<f64>>(1)?,
            row.get::<_, Option<i64>>(2)?,
        ))
    })?;
    for row in rows {
        let (concept, stability, last) = row?;
        let r = match (stability, last) {
            (Some(s), Some(last)) => scheduler.retrievability(s as f32, last, now),
            _ => 0.0,
        };
        let entry = recall.entry(concept).or_default();
        entry.0 += r;
        entry.1 += 1;
    }
    // The latest answer to each quiz question counts.
    let mut quiz: HashMap<i64, (u32, u32)> = HashMap::new();
    let mut statement = conn.prepare_cached(
        "SELECT oc.concept_id, q.correct FROM quiz_answers q
         JOIN owner_concepts oc ON oc.owner_id = q.owner_id
         WHERE q.answered_at = (SELECT MAX(answered_at) FROM quiz_answers l
                                WHERE l.question_id = q.question_id)",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((row.get::<_, i64>(0)?, row.get::<_, bool>(1)?))
    })?;
    for row in rows {
        let (concept, correct) = row?;
        let entry = quiz.entry(concept).or_default();
        entry.0 += u32::from(correct);
        entry.1 += 1;
    }
    let mut concepts: Vec<i64> = recall.keys().chain(quiz.keys()).copied().collect();
    concepts.sort_unstable();
    concepts.dedup();
    let mut found = Vec::new();
    for concept in concepts {
        let cards = recall.get(&concept).copied();
        let answers = quiz.get(&concept).copied();
        let card_share = cards.map(|(sum, n)| sum / n as f32);
        let quiz_share = answers.map(|(right, n)| right as f32 / n as f32);
        let mastery = match (card_share, quiz_share) {
            (Some(c), Some(q)) => c * (1.0 - QUIZ_SHARE) + q * QUIZ_SHARE,
            (Some(c), None) => c,
            (None, Some(q)) => q,
            (None, None) => continue,
        };
        let Some((label, owner_id, owner_title, source_kind)) = conn
            .prepare_cached(
                "SELECT c.label, oc.owner_id,
                        COALESCE((SELECT title FROM notes WHERE id = oc.owner_id),
                                 (SELECT title FROM sources WHERE id = oc.owner_id), ''),
                        (SELECT kind FROM sources WHERE id = oc.owner_id)
                 FROM concepts c JOIN owner_concepts oc ON oc.concept_id = c.id
                 WHERE c.id = ?1 ORDER BY oc.weight DESC LIMIT 1",
            )?
            .query_row([concept], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get::<_, Option<String>>(3)?,
                ))
            })
            .optional()?
        else {
            continue;
        };
        let pack_id: Option<String> = conn
            .prepare_cached(
                "SELECT id FROM packs WHERE owner_id = ?1 AND state = 'ready'
                 ORDER BY created_at DESC LIMIT 1",
            )?
            .query_row([&owner_id], |row| row.get(0))
            .optional()?;
        found.push(ConceptMastery {
            concept_id: concept,
            label,
            mastery: mastery.clamp(0.0, 1.0),
            cards: cards.map_or(0, |(_, n)| n),
            quiz_answers: answers.map_or(0, |(_, n)| n),
            owner_id,
            owner_kind: crate::search::hit_kind(source_kind.as_deref()),
            owner_title,
            pack_id,
        });
    }
    found.sort_by(|a, b| a.mastery.total_cmp(&b.mastery).then(a.label.cmp(&b.label)));
    Ok(found)
}

impl Profile {
    pub fn learning_stats(&self, now: i64) -> Result<LearningStats> {
        self.read(|conn| {
            let settings = settings(conn)?;
            let scheduler = Scheduler::new(&settings)?;
            let learner = Days::of(&settings);
            let (retention, true_retention) = retention(conn, now, learner)?;
            let (total_reviews, total_time_ms): (i64, i64) = conn
                .prepare_cached(&format!(
                    "SELECT COUNT(*), COALESCE(SUM(r.duration_ms), 0) FROM reviews r
                     WHERE {NOT_UNDONE}"
                ))?
                .query_row([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(LearningStats {
                today: learner.today_start(now),
                counts: counts(conn, now, None, &settings)?,
                cards: card_counts(conn, now)?,
                days: days(conn, now, learner)?,
                retention,
                true_retention,
                forecast: forecast(conn, now, learner)?,
                total_reviews: count(total_reviews),
                total_time_ms,
                mastery: mastery(conn, &scheduler, now)?,
                settings,
            })
        })
    }

    /// What to study now, in order: reviews due, the concepts known least well with
    /// where to read about them, and decks with new cards.
    pub fn study_now(&self, now: i64) -> Result<Vec<StudyStep>> {
        self.read(|conn| {
            let settings = settings(conn)?;
            let scheduler = Scheduler::new(&settings)?;
            let left = counts(conn, now, None, &settings)?;
            let mut steps = Vec::new();
            if left.due + left.learning > 0 {
                steps.push(StudyStep::Reviews {
                    due: left.due,
                    learning: left.learning,
                });
            }
            // A teacher's lessons come before the learner's own new cards and concepts.
            steps.extend(
                lessons(conn, now)?
                    .into_iter()
                    .filter(|l| l.studied < l.cards)
                    .map(|lesson| StudyStep::Lesson { lesson }),
            );
            steps.extend(
                mastery(conn, &scheduler, now)?
                    .into_iter()
                    .filter(|m| m.mastery < KNOWN)
                    .take(WEAKEST_SHOWN)
                    .map(|mastery| StudyStep::Concept { mastery }),
            );
            if left.new > 0 {
                let mut statement = conn.prepare_cached(
                    "SELECT d.id, d.name, COUNT(*) FROM cards c JOIN decks d ON d.id = c.deck_id
                     WHERE c.due IS NULL AND c.suspended = 0 AND c.state != 'deleted'
                       AND (c.buried_until IS NULL OR c.buried_until <= ?1)
                     GROUP BY d.id ORDER BY MIN(c.created_at)",
                )?;
                let decks = statement.query_map([now], |row| {
                    Ok(StudyStep::New {
                        deck_id: row.get(0)?,
                        deck: row.get(1)?,
                        new: count(row.get::<_, i64>(2)?).min(left.new),
                    })
                })?;
                for deck in decks {
                    steps.push(deck?);
                }
            }
            Ok(steps)
        })
    }

    /// Records an answer to a quiz question (for mastery); whether it was right.
    pub fn answer_quiz(&self, question_id: &str, chosen: usize, now: i64) -> Result<bool> {
        self.transact(|tx| {
            let found: Option<(i64, String)> = tx
                .query_row(
                    "SELECT q.answer, p.owner_id FROM quiz_questions q
                     JOIN packs p ON p.id = q.pack_id WHERE q.id = ?1",
                    [question_id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            let (answer, owner) = found.or_not_found_as("quiz question", question_id)?;
            let correct = i64::try_from(chosen).is_ok_and(|c| c == answer);
            tx.execute(
                "INSERT INTO quiz_answers (id, question_id, owner_id, correct, answered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    uuid::Uuid::now_v7().to_string(),
                    question_id,
                    owner,
                    correct,
                    now
                ],
            )?;
            tx.emit(Event::CardsChanged { count: 0 });
            Ok(correct)
        })
    }
}

/// The lessons teachers gave this learner, each with its cards, how many were studied
/// and how many are due at `now`: what Study now shows of them. A lesson's material
/// that is not here (yet) has no `source_id`.
pub(crate) fn lessons(conn: &Connection, now: i64) -> Result<Vec<LessonView>> {
    let mut statement = conn.prepare_cached(
        "SELECT l.id, l.title, l.teacher, l.class_name, l.source_id, l.deck_id, l.assigned_at,
                COUNT(c.id), COUNT(c.due), COUNT(CASE WHEN c.due <= ?1 THEN 1 END),
                EXISTS (SELECT 1 FROM sources s WHERE s.id = l.source_id
                        UNION ALL SELECT 1 FROM notes n WHERE n.id = l.source_id)
         FROM lessons l
         LEFT JOIN cards c ON c.deck_id = l.deck_id AND c.state != 'deleted' AND c.suspended = 0
         GROUP BY l.id ORDER BY l.assigned_at DESC, l.id",
    )?;
    let found = statement
        .query_map([now], |r| {
            let here: bool = r.get(10)?;
            Ok(LessonView {
                id: r.get(0)?,
                title: r.get(1)?,
                teacher: r.get(2)?,
                class_name: r.get(3)?,
                source_id: r.get::<_, Option<String>>(4)?.filter(|_| here),
                deck_id: r.get(5)?,
                assigned_at: r.get(6)?,
                cards: r.get(7)?,
                studied: r.get(8)?,
                due: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use satchel_types::Rating;

    use super::*;
    use crate::testing::keychain_profile;

    const NOON: i64 = 20_000 * DAY + 12 * 3_600_000;

    #[test]
    fn reviews_make_the_heatmap_retention_and_forecast() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let cards = profile
            .add_cards(&crate::testing::french_pair(), NOON)
            .unwrap();
        profile
            .answer(&cards[0].id, Rating::Good, 4_000, NOON)
            .unwrap();
        profile
            .answer(&cards[1].id, Rating::Easy, 6_000, NOON)
            .unwrap();
        let good = profile.study_card(&cards[0].id).unwrap().due.unwrap();
        profile
            .answer(&cards[0].id, Rating::Again, 5_000, good)
            .unwrap();
        let stats = profile.learning_stats(good + 1).unwrap();
        assert_eq!(stats.total_reviews, 3);
        assert_eq!(stats.total_time_ms, 15_000);
        assert_eq!(stats.days.len(), 2);
        assert_eq!(stats.days[0].reviews, 2);
        assert_eq!(stats.days[0].day, stats.today - 2 * DAY);
        assert_eq!(stats.days[1].passed, 0);
        // Only the review at its due time counts for retention: it was forgotten.
        assert_eq!(stats.true_retention, Some(0.0));
        assert_eq!(stats.retention.iter().map(|w| w.reviews).sum::<u32>(), 1);
        assert_eq!(stats.cards.learning, 1);
        assert_eq!(stats.cards.young, 1);
        // The forgotten card is due today; the easy one in 8 days, less the two gone.
        assert_eq!(stats.forecast[0], 1);
        assert_eq!(stats.forecast.iter().sum::<u32>(), 2);
        let steps = profile.study_now(good + 11 * 60_000).unwrap();
        assert!(
            matches!(steps[0], StudyStep::Reviews { learning: 1, .. }),
            "{steps:?}"
        );
    }
}
