//! The study-pack orchestrator. A request becomes a task graph —
//!
//! ```text
//! extract → index → summary ─────────────┐
//!                 → concepts → cards → quiz → validate → deliver
//! ```
//!
//! — each task a durable job. A task's result is stored, and the tasks it unblocks are
//! queued, in the transaction that ends its job: after a crash nothing is lost and
//! nothing runs twice to effect. Tasks whose inputs are ready run at once, in parallel
//! as far as their class allows (the summary beside the concepts and cards).

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};
use satchel_types::{
    CardState, CardView, ErrorView, Event, PackState, PackTask, PackView, QuizQuestion, SourceRef,
    SourceStatus, SummarySentence,
};
use serde_json::{Value, json};

mod helped;

use helped::{HELPER_RANK, helper_cards, helper_summary};

use super::cards::{self, Draft, GENERATORS};
use super::material::{self, Material};
use super::quiz::{self, Candidate};
use super::{occlusion, summary, validate};
use crate::error::OrNotFound;
use crate::ids::{CardId, OwnerId, PackId, SourceId};
use crate::jobs::{Class, Failure, JobContext, JobKind, NewJob, insert_job};
use crate::lang::Lang;
use crate::profile::{Profile, Tx};
use crate::search::{Understand, refresh};
use crate::sources::read_waiting;
use crate::store;
use crate::store::vectors::decode;
use crate::vision::Reader;
use crate::voice::Transcriber;
use crate::{Error, Result, now_ms};

/// The tasks of a pack: name, the class of its job, and the tasks it needs done.
const TASKS: [(&str, Class, &[&str]); 8] = [
    ("extract", Class::Ai, &[]),
    ("index", Class::Ai, &["extract"]),
    // The AI class: the helper on the network, when there is one, words it plainly.
    ("summary", Class::Ai, &["index"]),
    ("concepts", Class::Database, &["index"]),
    // The AI class: the helper on the network, when there is one, writes some cards.
    ("cards", Class::Ai, &["concepts"]),
    ("quiz", Class::Database, &["cards"]),
    ("validate", Class::Database, &["summary", "quiz"]),
    ("deliver", Class::Database, &["validate"]),
];

/// Job kinds are "pack." and the task.
const KINDS: [&str; 8] = [
    "pack.extract",
    "pack.index",
    "pack.summary",
    "pack.concepts",
    "pack.cards",
    "pack.quiz",
    "pack.validate",
    "pack.deliver",
];

/// Cards a generator writes for a pack when learners kept as many of its cards as
/// they deleted; one whose cards are kept writes up to twice as many.
const BASE_CAP: f32 = 12.0;

/// The job kinds of pack building, on these models.
pub fn kinds(
    transcriber: Arc<dyn Transcriber>,
    reader: Arc<dyn Reader>,
    meaning: Arc<dyn Understand>,
) -> Vec<JobKind> {
    TASKS
        .iter()
        .zip(KINDS)
        .map(|((task, class, _), kind)| {
            let (transcriber, reader, meaning) = (
                Arc::clone(&transcriber),
                Arc::clone(&reader),
                Arc::clone(&meaning),
            );
            let task = *task;
            JobKind {
                kind,
                class: *class,
                handler: Arc::new(move |job: &JobContext<'_>| {
                    run_task(
                        job,
                        task,
                        transcriber.as_ref(),
                        reader.as_ref(),
                        meaning.as_ref(),
                    )
                }),
            }
        })
        .collect()
}

fn task_job(pack_id: &PackId, task: &str) -> Option<NewJob> {
    let index = TASKS.iter().position(|(name, _, _)| *name == task)?;
    Some(NewJob {
        kind: KINDS[index].into(),
        class: TASKS[index].1,
        subject: Some(pack_id.to_string()),
        payload: Value::Null,
    })
}

impl Profile {
    /// Starts making a study pack from note or source `owner` (its id or an
    /// unambiguous start of it).
    pub fn request_pack(&self, owner: &str, now_ms: i64) -> Result<PackView> {
        let id = PackId::new();
        self.transact(|tx| {
            let owner = crate::search::resolve_owner(tx, owner)?;
            tx.execute(
                "INSERT INTO packs (id, owner_id, state, created_at, updated_at)
                 VALUES (?1, ?2, 'building', ?3, ?3)",
                params![id, owner, now_ms],
            )?;
            let mut events = Vec::new();
            for (task, _, needs) in TASKS {
                tx.execute(
                    "INSERT INTO pack_tasks (pack_id, task) VALUES (?1, ?2)",
                    params![id, task],
                )?;
                if needs.is_empty()
                    && let Some(job) = task_job(&id, task)
                {
                    events.push(Event::JobUpdated {
                        job: insert_job(tx, &job, now_ms)?,
                    });
                }
            }
            let pack = pack_view(tx, &id)?;
            events.push(progress_event(&pack));
            tx.emit_all(events);
            Ok(pack)
        })
    }

    /// A pack, as far as it is made.
    pub fn pack(&self, id: &str) -> Result<PackView> {
        self.read(|conn| {
            let id: PackId = crate::ids::resolve(
                conn,
                "SELECT id FROM packs WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2",
                id,
            )?;
            pack_view(conn, &id)
        })
    }

    /// The packs made from note or source `owner`, newest first.
    pub fn packs_of(&self, owner: &str) -> Result<Vec<PackView>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id FROM packs WHERE owner_id = ?1 ORDER BY created_at DESC, id DESC",
            )?;
            let ids = statement
                .query_map([owner], |row| row.get::<_, PackId>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            ids.iter().map(|id| pack_view(conn, id)).collect()
        })
    }

    /// The learner keeps a card, edits it (`front` and `back`), or deletes it; what
    /// they make of each generator's cards ranks the generators for the next pack.
    pub fn set_card(
        &self,
        id: &str,
        state: CardState,
        edited: Option<(&str, &str)>,
    ) -> Result<CardView> {
        let id = &CardId::from(id);
        self.transact(|tx| {
            let (generator, before): (String, String) = tx
                .query_row(
                    "SELECT generator, state FROM cards WHERE id = ?1",
                    [id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?
                .or_not_found(id)?;
            let after = card_state_name(state);
            if state == CardState::New {
                return Err(Error::InvalidInput(
                    "a card cannot be made new again".into(),
                ));
            }
            let sides = match (state, edited) {
                (CardState::Edited, Some((front, back))) => {
                    if front.trim().is_empty() || back.trim().is_empty() {
                        let field = if front.trim().is_empty() {
                            satchel_types::Field::CardFront
                        } else {
                            satchel_types::Field::CardBack
                        };
                        return Err(Error::Rule(satchel_types::ErrorDetail::Required { field }));
                    }
                    Some((front.trim(), back.trim()))
                }
                _ => None,
            };
            store::cards::judge_draft(tx, id, after, sides, now_ms())?;
            tx.execute(
                "INSERT INTO generator_feedback (generator) VALUES (?1) ON CONFLICT DO NOTHING",
                [&generator],
            )?;
            for (name, change) in [(before.as_str(), -1), (after, 1)] {
                if let Some(column) = feedback_column(name) {
                    tx.execute(
                        &format!(
                            "UPDATE generator_feedback SET {column} = max({column} + ?2, 0)
                             WHERE generator = ?1"
                        ),
                        params![generator, change],
                    )?;
                }
            }
            let card = card_view(tx, id)?;
            Ok(card)
        })
    }
}

fn feedback_column(state: &str) -> Option<&'static str> {
    match state {
        "kept" => Some("kept"),
        "edited" => Some("edited"),
        "deleted" => Some("deleted"),
        _ => None,
    }
}

fn card_state_name(state: CardState) -> &'static str {
    match state {
        CardState::New => "new",
        CardState::Kept => "kept",
        CardState::Edited => "edited",
        CardState::Deleted => "deleted",
    }
}

/// How far a pack is, for the window's bar.
fn progress_event(pack: &PackView) -> Event {
    Event::PackUpdated {
        id: pack.id.clone(),
        source_id: pack.source_id.clone(),
        state: pack.state,
        done: pack.tasks.iter().filter(|t| t.done).count() as u32,
        total: pack.tasks.len() as u32,
    }
}

fn run_task(
    job: &JobContext<'_>,
    task: &str,
    transcriber: &dyn Transcriber,
    reader: &dyn Reader,
    meaning: &dyn Understand,
) -> std::result::Result<Value, Failure> {
    let Some(pack_id) = job.subject().map(PackId::from) else {
        return Err(Error::InvalidInput("a pack task names no pack".into()).into());
    };
    let profile = job.profile();
    let Some((owner, results)) = profile.read(|conn| inputs(conn, &pack_id))? else {
        // The pack was deleted while it waited.
        return Ok(Value::Null);
    };
    let result = match task {
        "extract" => extract(job, &owner, transcriber, reader)?,
        "index" => {
            let report = refresh(profile, meaning, &mut |done, total| {
                let _ = job.progress(done as i64, Some(total as i64));
            })?;
            profile.prepare_search()?;
            json!({ "chunks": report.chunks, "embedded": report.embedded })
        }
        "summary" => {
            let material = profile.read(|conn| material::load(conn, &owner))?;
            let sentences = summary::summarise(&material);
            let plain = helper_summary(job, &sentences)?;
            json!({ "sentences": sentences, "plain": plain })
        }
        "concepts" => json!(profile.read(|conn| related_concepts(conn, &owner))?),
        "cards" => {
            let (material, ranks, hidden) = profile.read(|conn| {
                let material = material::load(conn, &owner)?;
                let hidden = occlusion::drafts(conn, &owner, &material.title, material.language())?;
                Ok((material, generator_ranks(conn)?, hidden))
            })?;
            let drafts = write_cards(&material, &ranks);
            // A labelled diagram's labels, each hidden in turn, are what it is for;
            // then the helper's question of a sentence before the sentence's other
            // cards, the better ranked first.
            let mut all = hidden;
            all.extend(helper_cards(job, &drafts)?);
            all.extend(drafts);
            let rank = |g: &str| ranks.get(g).copied().unwrap_or(HELPER_RANK);
            all.sort_by(|a, b| rank(&b.generator).total_cmp(&rank(&a.generator)));
            json!(all)
        }
        "quiz" => {
            let drafts: Vec<Draft> = from_result(&results, "cards")?;
            let concepts: Vec<i64> = from_result(&results, "concepts")?;
            let (candidates, language) = profile.read(|conn| {
                Ok((
                    candidates(conn, &concepts)?,
                    material::language(conn, &owner)?,
                ))
            })?;
            json!(quiz::make(&drafts, &candidates, language))
        }
        "validate" => {
            let drafts: Vec<Draft> = from_result(&results, "cards")?;
            let questions: Vec<QuizQuestion> = from_result(&results, "quiz")?;
            let verdict = validate::validate(drafts, questions);
            json!({ "cards": verdict.cards, "quiz": verdict.quiz, "rejected": verdict.rejected })
        }
        "deliver" => Value::Null,
        other => {
            return Err(Failure::Permanent(ErrorView::new(
                satchel_types::ErrorCode::InvalidInput,
                format!("no pack task {other:?}"),
            )));
        }
    };
    job.finish(|tx| {
        if task == "deliver" {
            deliver(tx, &pack_id, &results)?;
        }
        tx.execute(
            "UPDATE pack_tasks SET done = 1, result = ?3 WHERE pack_id = ?1 AND task = ?2",
            params![pack_id, task, result.to_string()],
        )?;
        let mut events = queue_unblocked(tx, &pack_id)?;
        tx.execute(
            "UPDATE packs SET updated_at = ?2 WHERE id = ?1",
            params![pack_id, now_ms()],
        )?;
        let pack = pack_view(tx, &pack_id)?;
        events.push(progress_event(&pack));
        if pack.state == PackState::Ready {
            events.push(Event::PackReady {
                id: pack.id.clone(),
                source_id: pack.source_id.clone(),
            });
        }
        tx.emit_all(events);
        Ok(((), json!({ "task": task })))
    })?;
    Ok(Value::Null)
}

/// The pack's owner and the results of its tasks done, or `None` if it is gone.
fn inputs(
    conn: &Connection,
    pack_id: &PackId,
) -> Result<Option<(OwnerId, HashMap<String, Value>)>> {
    let owner: Option<OwnerId> = conn
        .query_row(
            "SELECT owner_id FROM packs WHERE id = ?1",
            [pack_id],
            |row| row.get(0),
        )
        .optional()?;
    let Some(owner) = owner else {
        return Ok(None);
    };
    let mut statement =
        conn.prepare_cached("SELECT task, result FROM pack_tasks WHERE pack_id = ?1 AND done = 1")?;
    let results = statement
        .query_map([pack_id], |row| {
            let text: Option<String> = row.get(1)?;
            Ok((
                row.get::<_, String>(0)?,
                text.and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or(Value::Null),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some((owner, results)))
}

fn from_result<T: serde::de::DeserializeOwned>(
    results: &HashMap<String, Value>,
    task: &str,
) -> std::result::Result<T, Failure> {
    let value = results.get(task).cloned().unwrap_or(Value::Null);
    let value = match task {
        "cards" | "quiz" if value.is_object() => value[task].clone(),
        _ => value,
    };
    serde_json::from_value(value).map_err(|e| {
        Failure::Permanent(ErrorView::new(
            satchel_types::ErrorCode::Internal,
            format!("the {task} step's result cannot be read: {e}"),
        ))
    })
}

/// The note's or source's text is there: a source waiting to be read is read now.
fn extract(
    job: &JobContext<'_>,
    owner: &OwnerId,
    transcriber: &dyn Transcriber,
    reader: &dyn Reader,
) -> std::result::Result<Value, Failure> {
    let profile = job.profile();
    let source = match profile.source(owner.as_str()) {
        Ok(source) => source,
        // A note: its text is its own.
        Err(Error::NotFound { .. }) => return Ok(json!({ "note": true })),
        Err(error) => return Err(error.into()),
    };
    match source.status {
        SourceStatus::Ready => {}
        SourceStatus::Queued | SourceStatus::Transcribing => {
            read_waiting(
                job,
                &SourceId::from(owner.as_str()),
                None,
                transcriber,
                reader,
            )?;
        }
        SourceStatus::Failed | SourceStatus::Cancelled => {
            return Err(Failure::Permanent(source.error.unwrap_or(ErrorView::new(
                satchel_types::ErrorCode::BadMedia,
                "its text could not be made; retry reading it first",
            ))));
        }
    }
    match profile.source(owner.as_str())?.status {
        SourceStatus::Ready => Ok(json!({ "source": true })),
        _ => Err(Failure::Stopped),
    }
}

/// Each generator's share: what learners made of its cards so far (kept and edited
/// over all decided, with one of each assumed so a new generator starts even).
fn generator_ranks(conn: &Connection) -> Result<HashMap<String, f32>> {
    let mut statement =
        conn.prepare_cached("SELECT generator, kept, edited, deleted FROM generator_feedback")?;
    let ranks = statement
        .query_map([], |row| {
            let (kept, edited, deleted): (f64, f64, f64) = (row.get(1)?, row.get(2)?, row.get(3)?);
            Ok((
                row.get::<_, String>(0)?,
                ((kept + edited + 1.0) / (kept + edited + deleted + 2.0)) as f32,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ranks)
}

/// Cards from every generator, each capped by its rank, the best-ranked first.
fn write_cards(material: &Material, ranks: &HashMap<String, f32>) -> Vec<Draft> {
    let rank = |g: &str| ranks.get(g).copied().unwrap_or(0.5);
    let caps = GENERATORS.map(|g| {
        (BASE_CAP * 2.0 * rank(g))
            .round()
            .clamp(2.0, 2.0 * BASE_CAP) as usize
    });
    let mut drafts = cards::write(material, caps);
    drafts.sort_by(|a, b| rank(&b.generator).total_cmp(&rank(&a.generator)));
    drafts
}

/// The concepts of `owner` and of every note or source sharing one with it: the
/// quiz's wrong choices come from these.
fn related_concepts(conn: &Connection, owner: &OwnerId) -> Result<Vec<i64>> {
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT concept_id FROM owner_concepts WHERE owner_id IN (
             SELECT DISTINCT o2.owner_id FROM owner_concepts o1
             JOIN owner_concepts o2 ON o2.concept_id = o1.concept_id
             WHERE o1.owner_id = ?1)
         OR owner_id = ?1",
    )?;
    let ids = statement
        .query_map([owner], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

fn candidates(conn: &Connection, ids: &[i64]) -> Result<Vec<Candidate>> {
    let mut statement = conn.prepare_cached(
        "SELECT c.id, coalesce(
                    (SELECT phrase FROM owner_concepts WHERE concept_id = c.id
                     GROUP BY phrase ORDER BY count(*) DESC, length(phrase) LIMIT 1), c.label),
                c.vector,
                (SELECT ch.language FROM owner_concepts oc
                 JOIN chunks ch ON ch.note_id = oc.owner_id OR ch.source_id = oc.owner_id
                 WHERE oc.concept_id = c.id AND ch.language IS NOT NULL
                 GROUP BY ch.language ORDER BY count(*) DESC, ch.language LIMIT 1)
         FROM concepts c WHERE c.id = ?1",
    )?;
    let mut found = Vec::with_capacity(ids.len());
    for id in ids {
        let candidate = statement
            .query_row([id], |row| {
                Ok(Candidate {
                    concept: row.get(0)?,
                    label: row.get(1)?,
                    vector: decode(&row.get::<_, Vec<u8>>(2)?),
                    language: row
                        .get::<_, Option<String>>(3)?
                        .as_deref()
                        .and_then(Lang::from_code),
                })
            })
            .optional()?;
        found.extend(candidate);
    }
    Ok(found)
}

/// Queues the tasks of `pack_id` whose needs are all done and that have no job yet.
fn queue_unblocked(tx: &Tx<'_>, pack_id: &PackId) -> Result<Vec<Event>> {
    let done: Vec<String> = {
        let mut statement =
            tx.prepare_cached("SELECT task FROM pack_tasks WHERE pack_id = ?1 AND done = 1")?;
        statement
            .query_map([pack_id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut events = Vec::new();
    for (index, (task, _, needs)) in TASKS.iter().enumerate() {
        if done.iter().any(|d| d == task) || !needs.iter().all(|n| done.iter().any(|d| d == n)) {
            continue;
        }
        let queued: bool = tx
            .query_row(
                "SELECT 1 FROM jobs WHERE kind = ?1 AND subject = ?2 AND state != 'cancelled'",
                params![KINDS[index], pack_id],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if !queued && let Some(job) = task_job(pack_id, task) {
            events.push(Event::JobUpdated {
                job: insert_job(tx, &job, now_ms())?,
            });
        }
    }
    Ok(events)
}

/// Writes the validated cards, quiz and summary into the pack, which is then ready.
fn deliver(tx: &Tx<'_>, pack_id: &PackId, results: &HashMap<String, Value>) -> Result<()> {
    let verdict = results.get("validate").cloned().unwrap_or(Value::Null);
    let drafts: Vec<Draft> = serde_json::from_value(verdict["cards"].clone()).unwrap_or_default();
    let quiz: Vec<QuizQuestion> =
        serde_json::from_value(verdict["quiz"].clone()).unwrap_or_default();
    let summary = results.get("summary").cloned().unwrap_or(Value::Null);
    let plain = summary["plain"].as_str().map(str::to_owned);
    let summary = if summary.is_array() {
        summary
    } else {
        summary["sentences"].clone()
    };
    let owner: OwnerId = tx.query_row(
        "SELECT owner_id FROM packs WHERE id = ?1",
        [pack_id],
        |row| row.get(0),
    )?;
    let now = now_ms();
    // A pack's cards are studied in a deck named after what they were made from.
    let title: Option<String> = tx
        .query_row(
            "SELECT title FROM notes WHERE id = ?1 UNION ALL SELECT title FROM sources WHERE id = ?1",
            [&owner],
            |row| row.get(0),
        )
        .optional()?;
    let deck = store::decks::named(tx, title.as_deref().unwrap_or(""), now)?;
    // Written whole each time: a delivery retried writes the same pack, not twice.
    let source_refs: Vec<String> = drafts
        .iter()
        .map(|card| serde_json::to_string(&card.source_ref).unwrap_or_default())
        .collect();
    let drafted: Vec<store::cards::DraftCard<'_>> = drafts
        .iter()
        .zip(&source_refs)
        .map(|(card, source_ref)| store::cards::DraftCard {
            kind: card.kind,
            generator: &card.generator,
            front: &card.front,
            back: &card.back,
            source_ref,
            concept: card.concept,
        })
        .collect();
    store::cards::replace_drafts(tx, pack_id, &owner, &deck, &drafted, now)?;
    tx.execute("DELETE FROM quiz_questions WHERE pack_id = ?1", [pack_id])?;
    for (seq, question) in quiz.iter().enumerate() {
        tx.execute(
            "INSERT INTO quiz_questions (id, pack_id, question, choices, answer, source_ref, seq)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                uuid::Uuid::now_v7().to_string(),
                pack_id,
                question.question,
                serde_json::to_string(&question.choices).unwrap_or_default(),
                question.answer as i64,
                serde_json::to_string(&question.source_ref).unwrap_or_default(),
                seq as i64
            ],
        )?;
    }
    tx.execute(
        "UPDATE packs SET state = 'ready', summary = ?2, plain_summary = ?4, updated_at = ?3
         WHERE id = ?1",
        params![pack_id, summary.to_string(), now, plain],
    )?;
    Ok(())
}

fn card_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<CardView> {
    let state = match row.get_ref(6)?.as_str()? {
        "kept" => CardState::Kept,
        "edited" => CardState::Edited,
        "deleted" => CardState::Deleted,
        _ => CardState::New,
    };
    let source_ref: Option<String> = row.get(5)?;
    Ok(CardView {
        id: row.get(0)?,
        kind: store::cards::kind(row.get_ref(1)?.as_str()?),
        generator: row.get(2)?,
        front: row.get(3)?,
        back: row.get(4)?,
        source_ref: source_ref
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(missing_ref),
        state,
    })
}

/// A reference that could not be read back (never written so by Satchel).
fn missing_ref() -> SourceRef {
    SourceRef {
        source_id: String::new(),
        kind: satchel_types::HitKind::Note,
        title: String::new(),
        text: String::new(),
        page: None,
        start_ms: None,
        end_ms: None,
        bbox: None,
    }
}

const CARD_COLUMNS: &str = "id, kind, generator, front, back, source_ref, state";

fn card_view(conn: &Connection, id: &CardId) -> Result<CardView> {
    Ok(conn
        .prepare_cached(&format!("SELECT {CARD_COLUMNS} FROM cards WHERE id = ?1"))?
        .query_row([id], card_from_row)?)
}

fn pack_view(conn: &Connection, id: &PackId) -> Result<PackView> {
    type Row = (String, String, Option<String>, Option<String>, i64, i64);
    let (owner, state, summary, plain_summary, created_at, updated_at): Row = conn.query_row(
        "SELECT owner_id, state, summary, plain_summary, created_at, updated_at
         FROM packs WHERE id = ?1",
        [id],
        |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
                row.get(5)?,
            ))
        },
    )?;
    let title: String = conn
        .query_row(
            "SELECT title FROM notes WHERE id = ?1 UNION ALL SELECT title FROM sources WHERE id = ?1",
            [&owner],
            |row| row.get(0),
        )
        .optional()?
        .unwrap_or_default();
    let tasks: HashMap<String, bool> = {
        let mut statement =
            conn.prepare_cached("SELECT task, done FROM pack_tasks WHERE pack_id = ?1")?;
        statement
            .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let tasks: Vec<PackTask> = TASKS
        .iter()
        .map(|(task, _, _)| PackTask {
            task: (*task).to_owned(),
            done: tasks.get(*task).copied().unwrap_or(false),
        })
        .collect();
    let cards = {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT {CARD_COLUMNS} FROM cards WHERE pack_id = ?1 AND state != 'deleted' ORDER BY seq"
        ))?;
        statement
            .query_map([id], card_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    let quiz = {
        let mut statement = conn.prepare_cached(
            "SELECT id, question, choices, answer, source_ref FROM quiz_questions
             WHERE pack_id = ?1 ORDER BY seq",
        )?;
        statement
            .query_map([id], |row| {
                let choices: String = row.get(2)?;
                let source_ref: String = row.get(4)?;
                Ok(QuizQuestion {
                    id: row.get(0)?,
                    question: row.get(1)?,
                    choices: serde_json::from_str(&choices).unwrap_or_default(),
                    answer: row.get::<_, i64>(3)? as usize,
                    source_ref: serde_json::from_str(&source_ref).unwrap_or_else(|_| missing_ref()),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    let summary_sentences: Vec<SummarySentence> = summary
        .as_deref()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    // A step that failed every try fails the pack (until it is retried).
    let dead: Option<String> = conn
        .query_row(
            "SELECT error FROM jobs WHERE subject = ?1 AND kind LIKE 'pack.%' AND state = 'dead'
             ORDER BY updated_at DESC LIMIT 1",
            [id],
            |row| row.get(0),
        )
        .optional()?
        .flatten();
    let (state, error) = match (state.as_str(), dead) {
        ("ready", _) => (PackState::Ready, None),
        (_, Some(error)) => (PackState::Failed, serde_json::from_str(&error).ok()),
        ("failed", None) => (PackState::Failed, None),
        _ => (PackState::Building, None),
    };
    Ok(PackView {
        id: id.to_string(),
        source_id: owner,
        title,
        state,
        summary: summary_sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        summary_sentences,
        plain_summary,
        cards,
        quiz,
        tasks,
        error,
        created_at,
        updated_at,
    })
}

/// Whether every job of `pack` has ended (done, dead or cancelled).
pub(crate) fn settled(conn: &Connection, pack: &PackId) -> Result<bool> {
    let open: i64 = conn.query_row(
        "SELECT count(*) FROM jobs WHERE subject = ?1 AND kind LIKE 'pack.%'
         AND state IN ('queued', 'running')",
        [pack],
        |row| row.get(0),
    )?;
    Ok(open == 0)
}

impl Profile {
    /// Whether pack `id` has stopped moving: ready, or failed with nothing left to try.
    pub fn pack_settled(&self, id: &str) -> Result<bool> {
        self.read(|conn| settled(conn, &PackId::from(id)))
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use satchel_types::{CardKind, Rating};

    use super::helped::HELPER;
    use super::*;
    use crate::jobs::{JobRunner, SystemClock};
    use crate::search::index::tests::Words;
    use crate::testing::{NothingToRead, keychain_profile};

    const LESSON: &str = "Photosynthesis is how green plants make their own food from light. \
        Chlorophyll in the leaves absorbs sunlight for photosynthesis. \
        The plant turns carbon dioxide and water into glucose during photosynthesis. \
        Oxygen is released into the air as a by-product of photosynthesis.\n\
        Glucose: a sugar that stores energy for the plant.\n\
        The tiny pores on a leaf are called stomata.";

    fn runner(profile: &Arc<Profile>) -> JobRunner {
        let kinds = kinds(
            Arc::new(NothingToRead),
            Arc::new(NothingToRead),
            Arc::new(Words),
        );
        JobRunner::start(Arc::clone(profile), kinds, Arc::new(SystemClock)).unwrap()
    }

    fn settle(profile: &Profile, pack: &str) -> PackView {
        let started = Instant::now();
        while !profile.pack_settled(pack).unwrap() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{:#?}",
                profile.pack(pack)
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        profile.pack(pack).unwrap()
    }

    /// The tutor: help with a card is its passage, a hint and its fact in the
    /// source's words; failed twice, a card gets one easier card on its fact, asked
    /// next, its answer among choices taken from the deck's other answers.
    #[test]
    fn a_card_failed_twice_gets_an_easier_one_and_help_is_the_sources_words() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let note = profile.add_note("Plants", LESSON).unwrap();
        let _jobs = runner(&profile);
        let requested = profile.request_pack(&note.id, now_ms()).unwrap();
        let pack = settle(&profile, &requested.id);
        let card = pack
            .cards
            .iter()
            .find(|c| c.back == "stomata")
            .unwrap_or_else(|| panic!("{:#?}", pack.cards));

        let help = profile.card_help(&card.id).unwrap();
        assert_eq!(help.hint.first, "s");
        assert_eq!((help.hint.letters, help.hint.words), (7, 1));
        let passage = help.passage.unwrap();
        assert!(passage.text.contains(&card.source_ref.text), "{passage:#?}");
        assert_eq!(help.explanation[0].text, card.source_ref.text);
        for said in &help.explanation {
            assert!(LESSON.contains(&said.text), "{said:#?}");
            assert!(said.text.contains("stomata"), "{said:#?}");
        }
        let photosynthesis = pack
            .cards
            .iter()
            .find(|c| c.back.eq_ignore_ascii_case("photosynthesis"))
            .unwrap_or_else(|| panic!("{:#?}", pack.cards));
        let explained = profile.card_help(&photosynthesis.id).unwrap().explanation;
        assert!(
            explained.len() > 1,
            "other sentences say it too: {explained:#?}"
        );

        let now = now_ms();
        let first = profile.answer(&card.id, Rating::Again, 1000, now).unwrap();
        assert_eq!(first.easier_card, None, "one fail is not a struggle");
        let second = profile
            .answer(&card.id, Rating::Again, 1000, now + 60_000)
            .unwrap();
        let easier = second.easier_card.expect("an easier card after two fails");
        let next = profile.next_card(None, now + 61_000).unwrap().unwrap();
        assert_eq!(next.card.id, easier, "asked next");
        assert_eq!(next.card.back, "stomata");
        assert_eq!(
            next.card.source_ref.as_ref().unwrap().text,
            card.source_ref.text
        );
        match next.card.kind {
            CardKind::Choice => {
                assert!(next.card.choices.len() >= 3, "{:#?}", next.card);
                assert_eq!(
                    next.card.choices.iter().filter(|c| *c == "stomata").count(),
                    1
                );
            }
            CardKind::Cloze => assert!(next.card.front.contains(cards::BLANK)),
            other => panic!("an easier card is a choice or a cloze, not {other:?}"),
        }
        let third = profile
            .answer(&card.id, Rating::Again, 1000, now + 120_000)
            .unwrap();
        assert_eq!(third.easier_card, None, "one easier card a fact");
        // The misses undone, the easier card they made goes with them.
        profile.undo_review(None, now + 121_000).unwrap();
        let next = profile.next_card(None, now + 122_000).unwrap().unwrap();
        assert_eq!(next.card.id, easier, "two misses still stand");
        profile.undo_review(None, now + 123_000).unwrap();
        let next = profile.next_card(None, now + 124_000).unwrap();
        assert!(
            next.as_ref().is_none_or(|n| n.card.id != easier),
            "{next:#?}"
        );
    }

    #[test]
    fn a_note_becomes_a_pack_of_grounded_cards_a_quiz_and_a_summary() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let note = profile.add_note("Plants", LESSON).unwrap();
        let events = profile.events().subscribe();
        let _jobs = runner(&profile);
        assert!(matches!(
            profile.request_pack("ffffffff", now_ms()),
            Err(Error::NotFound { .. })
        ));
        let requested = profile.request_pack(&note.id, now_ms()).unwrap();
        assert_eq!(requested.state, PackState::Building);
        let pack = settle(&profile, &requested.id);
        assert_eq!(pack.state, PackState::Ready, "{:?}", pack.error);
        assert!(pack.tasks.iter().all(|t| t.done));
        assert_eq!(pack.title, "Plants");
        assert!(!pack.summary.is_empty());
        assert!(pack.cards.len() >= 3, "{:#?}", pack.cards);
        for card in &pack.cards {
            assert!(
                card.source_ref
                    .text
                    .to_lowercase()
                    .contains(&card.back.to_lowercase()),
                "{card:#?}"
            );
            assert_eq!(card.source_ref.source_id, note.id);
        }
        let kinds: Vec<CardKind> = pack.cards.iter().map(|c| c.kind).collect();
        assert!(
            kinds.contains(&CardKind::Term) && kinds.contains(&CardKind::Definition),
            "{:#?}",
            pack.cards
        );
        assert!(
            pack.cards
                .iter()
                .any(|c| c.front == "What are the tiny pores on a leaf called?"
                    && c.back == "stomata")
        );
        for question in &pack.quiz {
            assert_eq!(question.choices.len(), 4);
        }
        // Each step ran once.
        let jobs = profile.jobs(100).unwrap();
        let steps: Vec<&satchel_types::JobView> = jobs
            .iter()
            .filter(|j| j.kind.starts_with("pack."))
            .collect();
        assert_eq!(steps.len(), TASKS.len());
        assert!(
            steps
                .iter()
                .all(|j| j.state == satchel_types::JobState::Done && j.attempts == 1)
        );
        // The event follows the commit that made the pack ready: it may come a moment
        // after the pack reads as ready.
        let is_ready = |e: &Event| matches!(e, Event::PackReady { id, .. } if *id == pack.id);
        let mut ready = 0;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while ready == 0 && std::time::Instant::now() < deadline {
            if let Ok(event) = events.recv_timeout(std::time::Duration::from_millis(100)) {
                ready += usize::from(is_ready(&event));
            }
        }
        ready += events.try_iter().filter(is_ready).count();
        assert_eq!(ready, 1);
    }

    #[test]
    fn a_helper_on_the_network_adds_questions_when_it_answers_and_is_never_needed() {
        use crate::helper::HelperSettings;
        use crate::helper::tests::{FAIL, local_helper};
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let note = profile.add_note("Plants", LESSON).unwrap();
        let (url, mode, served) = local_helper("Which gas do plants give off into the air?");
        profile
            .set_helper(Some(&HelperSettings {
                url,
                model: "local".into(),
            }))
            .unwrap();
        let _jobs = runner(&profile);
        let pack = profile.request_pack(&note.id, now_ms()).unwrap();
        let pack = settle(&profile, &pack.id);
        assert_eq!(pack.state, PackState::Ready);
        let helped: Vec<&CardView> = pack
            .cards
            .iter()
            .filter(|c| c.generator == HELPER)
            .collect();
        assert!(!helped.is_empty(), "{:#?}", pack.cards);
        for card in &helped {
            assert!(card.source_ref.text.contains(&card.back), "{card:#?}");
            assert_eq!(card.front, "Which gas do plants give off into the air?");
        }
        let asked = served.load(std::sync::atomic::Ordering::SeqCst);
        assert!(asked >= 1);

        // The helper goes down: the next pack is made all the same, without it.
        mode.store(FAIL, std::sync::atomic::Ordering::SeqCst);
        let pack = profile.request_pack(&note.id, now_ms()).unwrap();
        let pack = settle(&profile, &pack.id);
        assert_eq!(pack.state, PackState::Ready);
        assert!(pack.cards.iter().all(|c| c.generator != HELPER));
        assert!(!pack.cards.is_empty());
        let tried = served.load(std::sync::atomic::Ordering::SeqCst) - asked;
        assert_eq!(
            tried,
            crate::helper::FAILURES as usize,
            "rested after {} failures",
            crate::helper::FAILURES
        );
        profile.set_helper(None).unwrap();
        assert!(profile.helper().unwrap().is_none());
    }

    #[test]
    fn deleted_cards_rank_their_generator_down_for_the_next_pack() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let note = profile.add_note("Plants", LESSON).unwrap();
        let _jobs = runner(&profile);
        let first = profile.request_pack(&note.id, now_ms()).unwrap();
        let first = settle(&profile, &first.id);
        for card in &first.cards {
            let state = if card.generator == cards::TERM {
                CardState::Kept
            } else {
                CardState::Deleted
            };
            profile.set_card(&card.id, state, None).unwrap();
        }
        let edited = profile
            .set_card(
                &first.cards[0].id,
                CardState::Edited,
                Some(("Front?", "Back")),
            )
            .unwrap();
        assert_eq!(
            (edited.front.as_str(), edited.state),
            ("Front?", CardState::Edited)
        );
        let ranks = profile.read(generator_ranks).unwrap();
        assert!(ranks[cards::TERM] > ranks[cards::DEFINITION], "{ranks:?}");
        let second = profile.request_pack(&note.id, now_ms()).unwrap();
        let second = settle(&profile, &second.id);
        assert_eq!(
            second.cards[0].generator,
            cards::TERM,
            "the kept generator leads"
        );
        assert!(profile.set_card("nope", CardState::Kept, None).is_err());
    }
}
