//! The queue itself, in the encrypted store: every change of a job's state is one
//! transaction, and a try's claim guards its end — a try that lost its claim (it went
//! silent past its timeout, or was cancelled) can neither finish nor fail the job.

use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, params};
use satchel_types::{ErrorCode, ErrorView, Event, JobState, JobView};
use serde_json::Value;

use super::crash;
use crate::error::OrNotFound;
use crate::ids::JobId;
use crate::profile::{Profile, Tx};
use crate::{Error, Result};

/// Tries a job gets before it is dead.
pub const MAX_ATTEMPTS: u32 = 5;
/// Tries in a row that crashed the app (see `crash`) before making any progress,
/// before the job is taken for what crashes it and is dead.
pub const MAX_CRASHES: u32 = 3;
/// Tries in a row cut short from outside (the app closed or killed, the power gone)
/// before making any progress, before the job is dead anyway: far above what a lid
/// closed again and again does, it ends a loop no crash marker shows (the kernel's
/// out-of-memory killer, say).
pub const MAX_INTERRUPTIONS: u32 = 50;
/// The wait after the first failed try; it doubles after each.
pub const FIRST_DELAY: Duration = Duration::from_millis(100);
/// The wait never grows past this.
pub const MAX_DELAY: Duration = Duration::from_secs(30);
/// Each wait is spread by up to this share either way, so jobs that failed together
/// are not retried together.
pub const JITTER: f64 = 0.2;

/// What bounds a job: how long it may go silent, and how many of its class run at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Work on the store alone.
    Database,
    /// Model inference: heavy, one at a time on a 2-core laptop.
    Ai,
    /// Reading and writing files.
    File,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Database, Class::Ai, Class::File];

    /// How long a try may go without a sign of life (progress) before it is given up.
    pub fn timeout(self) -> Duration {
        match self {
            Class::Database => Duration::from_secs(10),
            Class::Ai => Duration::from_secs(30),
            Class::File => Duration::from_secs(300),
        }
    }

    /// How many of its jobs run at once.
    pub fn concurrency(self) -> usize {
        match self {
            Class::Database => 2,
            Class::Ai | Class::File => 1,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Class::Database => "database",
            Class::Ai => "ai",
            Class::File => "file",
        }
    }
}

/// The wait before the next try after `failed_tries` tries failed: 100 ms doubling up
/// to 30 s, spread by `jitter` (from −1 to 1) times ±20 %.
pub fn retry_delay(failed_tries: u32, jitter: f64) -> Duration {
    let doublings = failed_tries.saturating_sub(1).min(30);
    let base =
        (FIRST_DELAY.as_secs_f64() * 2f64.powi(doublings as i32)).min(MAX_DELAY.as_secs_f64());
    Duration::from_secs_f64(base * (1.0 + JITTER * jitter.clamp(-1.0, 1.0)))
}

/// A uniformly random number from −1 to 1, for the jitter.
fn random_jitter() -> f64 {
    let mut bytes = [0u8; 4];
    // Without the system's randomness every retry waits its plain backoff: still
    // correct, only less spread.
    if getrandom::fill(&mut bytes).is_err() {
        return 0.0;
    }
    f64::from(u32::from_le_bytes(bytes)) / f64::from(u32::MAX) * 2.0 - 1.0
}

/// A job to queue.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: String,
    pub class: Class,
    pub subject: Option<String>,
    pub payload: Value,
}

/// A try of a job that a worker claimed.
#[derive(Debug, Clone)]
pub(crate) struct Claimed {
    pub id: JobId,
    pub kind: String,
    pub subject: Option<String>,
    pub payload: Value,
    pub claim: String,
    /// This try's number, from 1.
    pub attempt: u32,
}

const COLUMNS: &str = "id, kind, subject, state, attempts, max_attempts, run_after, done, total,
                       error, created_at, updated_at";

fn view_from_row(row: &Row<'_>) -> rusqlite::Result<JobView> {
    let state = match row.get_ref(3)?.as_str()? {
        "queued" => JobState::Queued,
        "running" => JobState::Running,
        "done" => JobState::Done,
        "dead" => JobState::Dead,
        _ => JobState::Cancelled,
    };
    let error: Option<String> = row.get(9)?;
    Ok(JobView {
        id: row.get(0)?,
        kind: row.get(1)?,
        subject: row.get(2)?,
        state,
        attempts: row.get(4)?,
        max_attempts: row.get(5)?,
        run_after: row.get(6)?,
        done: row.get(7)?,
        total: row.get(8)?,
        error: error.and_then(|e| serde_json::from_str(&e).ok()),
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

fn view(conn: &Connection, id: &JobId) -> Result<JobView> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM jobs WHERE id = ?1"))?
        .query_row([id], view_from_row)
        .optional()?
        .or_not_found(id)
}

fn resolve(conn: &Connection, id_or_prefix: &str) -> Result<JobId> {
    crate::ids::resolve(
        conn,
        "SELECT id FROM jobs WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2",
        id_or_prefix,
    )
}

/// Queues `job` within the transaction `tx` (with the change that calls for it, so
/// the two happen together or not at all); the caller announces it.
pub(crate) fn insert_job(tx: &Tx<'_>, job: &NewJob, run_after_ms: i64) -> Result<JobView> {
    let id = JobId::new();
    let payload = serde_json::to_string(&job.payload)
        .map_err(|e| Error::InvalidInput(format!("a job's input: {e}")))?;
    tx.execute(
        "INSERT INTO jobs (id, kind, class, subject, payload, state, max_attempts,
                           run_after, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?7, ?7, ?7)",
        params![
            id,
            job.kind,
            job.class.as_str(),
            job.subject,
            payload,
            MAX_ATTEMPTS,
            run_after_ms
        ],
    )?;
    view(tx, &id)
}

fn updated(tx: &Tx<'_>, id: &JobId) -> Result<Event> {
    Ok(Event::JobUpdated { job: view(tx, id)? })
}

impl Profile {
    /// Queues `job` to run as soon as a worker of its class is free.
    pub fn enqueue_job(&self, job: &NewJob, now_ms: i64) -> Result<JobView> {
        self.transact(|tx| {
            let view = insert_job(tx, job, now_ms)?;
            tx.emit(Event::JobUpdated { job: view.clone() });
            Ok(view)
        })
    }

    /// Queues `job` to run from `run_after_ms`, unless one of its kind about its
    /// subject is queued already: then that one.
    pub fn enqueue_unique(&self, job: &NewJob, run_after_ms: i64) -> Result<JobView> {
        let waiting: Option<String> = self.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT id FROM jobs WHERE kind = ?1 AND subject IS ?2 AND state = 'queued'
                     ORDER BY created_at LIMIT 1",
                )?
                .query_row(params![job.kind, job.subject], |row| row.get(0))
                .optional()?)
        })?;
        match waiting {
            Some(id) => self.job(&id),
            None => self.enqueue_job(job, run_after_ms),
        }
    }

    /// The jobs about `subject` (a source's id), newest first.
    pub fn jobs_about(&self, subject: &str) -> Result<Vec<JobView>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM jobs WHERE subject = ?1 ORDER BY created_at DESC, id DESC"
            ))?;
            let jobs = statement
                .query_map([subject], view_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(jobs)
        })
    }

    /// Jobs, newest first: those not done (and the last `recent_done` done).
    pub fn jobs(&self, recent_done: usize) -> Result<Vec<JobView>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM jobs WHERE state != 'done'
                 UNION ALL
                 SELECT * FROM (SELECT {COLUMNS} FROM jobs WHERE state = 'done'
                                ORDER BY updated_at DESC LIMIT ?1)
                 ORDER BY created_at DESC, id DESC"
            ))?;
            let jobs = statement
                .query_map([recent_done as i64], view_from_row)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(jobs)
        })
    }

    /// Lets queued job `id` run from `now_ms`, if it was to wait longer.
    pub fn hasten_job(&self, id: &str, now_ms: i64) -> Result<JobView> {
        let id = &JobId::from(id);
        self.transact(|tx| {
            tx.execute(
                "UPDATE jobs SET run_after = ?2, updated_at = ?2
                 WHERE id = ?1 AND state = 'queued' AND run_after > ?2",
                params![id, now_ms],
            )?;
            view(tx, id)
        })
    }

    /// Whether any job is queued or running.
    pub fn jobs_open(&self) -> Result<bool> {
        self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT 1 FROM jobs WHERE state IN ('queued', 'running') LIMIT 1")?
                .query_row([], |_| Ok(()))
                .optional()?
                .is_some())
        })
    }

    /// One job, by its id or an unambiguous start of it.
    pub fn job(&self, id_or_prefix: &str) -> Result<JobView> {
        self.read(|conn| view(conn, &resolve(conn, id_or_prefix)?))
    }

    /// Stops a job: a queued one never runs; a running one's try is told to stop and
    /// can no longer finish it. A job already ended is left as it is.
    pub fn cancel_job(&self, id_or_prefix: &str, now_ms: i64) -> Result<JobView> {
        self.transact(|tx| {
            let id = resolve(tx, id_or_prefix)?;
            let changed = tx.execute(
                "UPDATE jobs SET state = 'cancelled', claim = NULL, updated_at = ?2
                 WHERE id = ?1 AND state IN ('queued', 'running')",
                params![id, now_ms],
            )?;
            let job = view(tx, &id)?;
            let events = if changed > 0 {
                vec![Event::JobUpdated { job: job.clone() }]
            } else {
                Vec::new()
            };
            tx.emit_all(events);
            Ok(job)
        })
    }

    /// Queues a dead or cancelled job again, with all its tries.
    pub fn retry_job(&self, id_or_prefix: &str, now_ms: i64) -> Result<JobView> {
        self.transact(|tx| {
            let id = resolve(tx, id_or_prefix)?;
            let changed = tx.execute(
                "UPDATE jobs SET state = 'queued', attempts = 0, run_after = ?2, error = NULL,
                                 done = 0, total = NULL, updated_at = ?2, stalls = 0,
                                 interruptions = 0
                 WHERE id = ?1 AND state IN ('dead', 'cancelled')",
                params![id, now_ms],
            )?;
            let job = view(tx, &id)?;
            if changed == 0 {
                return Err(Error::InvalidInput(format!(
                    "job {id} is {:?}: only a failed or cancelled job can be retried",
                    job.state
                )));
            }
            tx.emit(Event::JobUpdated { job: job.clone() });
            Ok(job)
        })
    }
}

/// Takes the oldest ready job of `class` among `kinds` for a new try.
pub(crate) fn claim(
    profile: &Profile,
    class: Class,
    kinds: &[&str],
    now_ms: i64,
) -> Result<Option<Claimed>> {
    if kinds.is_empty() {
        return Ok(None);
    }
    let placeholders = (0..kinds.len())
        .map(|i| format!("?{}", i + 3))
        .collect::<Vec<_>>()
        .join(", ");
    profile.transact(|tx| {
        let mut statement = tx.prepare_cached(&format!(
            "SELECT id, kind, subject, payload, attempts FROM jobs
             WHERE class = ?1 AND state = 'queued' AND run_after <= ?2
                   AND kind IN ({placeholders})
             ORDER BY run_after, created_at LIMIT 1"
        ))?;
        let class_name = class.as_str();
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&class_name, &now_ms];
        values.extend(kinds.iter().map(|k| k as &dyn rusqlite::ToSql));
        let found = statement
            .query_row(values.as_slice(), |row| {
                Ok((
                    row.get::<_, JobId>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, u32>(4)?,
                ))
            })
            .optional()?;
        let Some((id, kind, subject, payload, attempts)) = found else {
            return Ok(None);
        };
        let claim = format!("{}:{}", crash::token(), uuid::Uuid::now_v7());
        tx.execute(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, claim = ?2,
                             heartbeat_at = ?3, done = 0, total = NULL, updated_at = ?3
             WHERE id = ?1",
            params![id, claim, now_ms],
        )?;
        let event = updated(tx, &id)?;
        // A job whose input no longer parses cannot run; it is given `null` and its
        // handler says what it lacks.
        let payload = serde_json::from_str(&payload).unwrap_or(Value::Null);
        let claimed = Claimed {
            id,
            kind,
            subject,
            payload,
            claim,
            attempt: attempts + 1,
        };
        tx.emit(event);
        Ok(Some(claimed))
    })
}

/// Records a running try's progress (its sign of life); false when the try lost its
/// claim (cancelled, or given up for silence) and should stop.
pub(crate) fn heartbeat(
    profile: &Profile,
    job: &Claimed,
    now_ms: i64,
    progress: Option<(i64, Option<i64>)>,
) -> Result<bool> {
    profile.transact(|tx| {
        let changed = match progress {
            Some((done, total)) => tx.execute(
                "UPDATE jobs SET heartbeat_at = ?3, done = ?4, total = ?5, updated_at = ?3,
                                 stalls = 0, interruptions = 0
                 WHERE id = ?1 AND claim = ?2 AND state = 'running'",
                params![job.id, job.claim, now_ms, done, total],
            )?,
            None => tx.execute(
                "UPDATE jobs SET heartbeat_at = ?3 WHERE id = ?1 AND claim = ?2 AND state = 'running'",
                params![job.id, job.claim, now_ms],
            )?,
        };
        let events = match (changed, progress) {
            (1, Some((done, total))) => vec![Event::JobProgress {
                id: job.id.to_string(),
                done,
                total,
            }],
            _ => Vec::new(),
        };
        tx.emit_all(events);
        Ok(changed == 1)
    })
}

/// Ends a try well: `effect` writes what the job produced, in the same transaction
/// that marks it done — so it happens once, or (the claim lost) not at all. Returns
/// `None` when the claim was lost and nothing was written.
pub(crate) fn finish<T>(
    profile: &Profile,
    job: &Claimed,
    now_ms: i64,
    effect: impl FnOnce(&Tx<'_>) -> Result<(T, Value)>,
) -> Result<Option<T>> {
    profile.transact(|tx| {
        let still_ours: bool = tx
            .query_row(
                "SELECT 1 FROM jobs WHERE id = ?1 AND claim = ?2 AND state = 'running'",
                params![job.id, job.claim],
                |_| Ok(true),
            )
            .optional()?
            .unwrap_or(false);
        if !still_ours {
            return Ok(None);
        }
        let (value, result) = effect(tx)?;
        tx.execute(
            "UPDATE jobs SET state = 'done', claim = NULL, result = ?2, error = NULL,
                             updated_at = ?3
             WHERE id = ?1",
            params![job.id, result.to_string(), now_ms],
        )?;
        tx.emit(updated(tx, &job.id)?);
        Ok(Some(value))
    })
}

/// Ends a try badly: the job is queued again after its backoff, or — its tries used
/// up, or `retry` false — dead. Nothing happens when the claim was lost.
pub(crate) fn fail(
    profile: &Profile,
    job: &Claimed,
    now_ms: i64,
    error: &ErrorView,
    retry: bool,
) -> Result<Option<JobView>> {
    fail_with_jitter(profile, job, now_ms, error, retry, random_jitter())
}

fn fail_with_jitter(
    profile: &Profile,
    job: &Claimed,
    now_ms: i64,
    error: &ErrorView,
    retry: bool,
    jitter: f64,
) -> Result<Option<JobView>> {
    let error_json = serde_json::to_string(error).unwrap_or_default();
    profile.transact(|tx| {
        let attempts: Option<u32> = tx
            .query_row(
                "SELECT attempts FROM jobs WHERE id = ?1 AND claim = ?2 AND state = 'running'",
                params![job.id, job.claim],
                |row| row.get(0),
            )
            .optional()?;
        let Some(attempts) = attempts else {
            return Ok(None);
        };
        if retry && attempts < MAX_ATTEMPTS {
            let delay = retry_delay(attempts, jitter).as_millis() as i64;
            tx.execute(
                "UPDATE jobs SET state = 'queued', claim = NULL, run_after = ?2, error = ?3,
                                 updated_at = ?4
                 WHERE id = ?1",
                params![job.id, now_ms + delay, error_json, now_ms],
            )?;
        } else {
            tx.execute(
                "UPDATE jobs SET state = 'dead', claim = NULL, error = ?2, updated_at = ?3
                 WHERE id = ?1",
                params![job.id, error_json, now_ms],
            )?;
        }
        let job = view(tx, &job.id)?;
        tx.emit(Event::JobFailed { job: job.clone() });
        Ok(Some(job))
    })
}

/// Whether `job`'s try still holds its claim (not cancelled, not given up).
pub(crate) fn still_claimed(profile: &Profile, job: &Claimed) -> Result<bool> {
    profile.read(|conn| {
        Ok(conn
            .prepare_cached(
                "SELECT 1 FROM jobs WHERE id = ?1 AND claim = ?2 AND state = 'running'",
            )?
            .query_row(params![job.id, job.claim], |_| Ok(()))
            .optional()?
            .is_some())
    })
}

/// A try stopped because the app is closing the library, not because it failed: the
/// job waits again as if the try never began.
pub(crate) fn release(profile: &Profile, job: &Claimed, now_ms: i64) -> Result<()> {
    profile.transact(|tx| {
        let changed = tx.execute(
            "UPDATE jobs SET state = 'queued', claim = NULL, attempts = max(attempts - 1, 0),
                             run_after = ?3, updated_at = ?3
             WHERE id = ?1 AND claim = ?2 AND state = 'running'",
            params![job.id, job.claim, now_ms],
        )?;
        let events = if changed > 0 {
            vec![updated(tx, &job.id)?]
        } else {
            Vec::new()
        };
        tx.emit_all(events);
        Ok(())
    })
}

/// Tries that went silent past their class's timeout are given up as failed (and
/// retried after their backoff); returns the jobs given up.
pub(crate) fn expire(profile: &Profile, class: Class, now_ms: i64) -> Result<Vec<JobId>> {
    let cutoff = now_ms - class.timeout().as_millis() as i64;
    let silent: Vec<Claimed> = profile.read(|conn| {
        let mut statement = conn.prepare_cached(
            "SELECT id, kind, subject, claim, attempts FROM jobs
             WHERE class = ?1 AND state = 'running' AND heartbeat_at < ?2",
        )?;
        let rows = statement
            .query_map(params![class.as_str(), cutoff], |row| {
                Ok(Claimed {
                    id: row.get(0)?,
                    kind: row.get(1)?,
                    subject: row.get(2)?,
                    payload: Value::Null,
                    claim: row.get::<_, Option<String>>(3)?.unwrap_or_default(),
                    attempt: row.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    })?;
    let timed_out = ErrorView::new(
        ErrorCode::Busy,
        format!("no sign of progress for {} s", class.timeout().as_secs()),
    );
    let mut given_up = Vec::new();
    for job in silent {
        if fail(profile, &job, now_ms, &timed_out, true)?.is_some() {
            given_up.push(job.id);
        }
    }
    Ok(given_up)
}

/// On start: every try that was running when the app last stopped is queued again,
/// not counted as a failed try. One that had made no progress is counted: as a crash
/// when its process left a crash marker, else as an interruption; a job that crashes
/// the app [`MAX_CRASHES`] times in a row, or is interrupted [`MAX_INTERRUPTIONS`]
/// times in a row without getting further, is dead. Progress resets both.
pub(crate) fn recover(profile: &Profile, now_ms: i64) -> Result<usize> {
    let markers = crash::markers_dir(profile.dir());
    crash::tidy(&markers);
    profile.transact(|tx| {
        let running: Vec<(JobId, Option<String>)> = {
            let mut statement = tx.prepare("SELECT id, claim FROM jobs WHERE state = 'running'")?;
            statement
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut events = Vec::new();
        for (id, claim) in &running {
            let crashed = claim
                .as_deref()
                .is_some_and(|c| crash::crashed(&markers, crash::token_of(c)));
            // Progress resets both counts; without it, the try counts as a crash when
            // its process left a marker, else as an interruption.
            let worn = tx.query_row(
                "UPDATE jobs SET state = 'queued', claim = NULL, run_after = ?2, updated_at = ?2,
                                 attempts = max(attempts - 1, 0),
                                 stalls = CASE WHEN done > 0 OR total IS NOT NULL THEN 0
                                               WHEN ?3 THEN stalls + 1 ELSE stalls END,
                                 interruptions = CASE WHEN done > 0 OR total IS NOT NULL THEN 0
                                                      WHEN ?3 THEN interruptions
                                                      ELSE interruptions + 1 END
                 WHERE id = ?1
                 RETURNING stalls >= ?4, interruptions >= ?5",
                params![id, now_ms, crashed, MAX_CRASHES, MAX_INTERRUPTIONS],
                |row| Ok((row.get::<_, bool>(0)?, row.get::<_, bool>(1)?)),
            )?;
            let message = match worn {
                (true, _) => format!("Satchel crashed while this ran, {MAX_CRASHES} times in a row"),
                (_, true) => format!(
                    "Satchel was stopped while this ran, {MAX_INTERRUPTIONS} times in a row without getting further"
                ),
                _ => continue,
            };
            tx.execute(
                "UPDATE jobs SET state = 'dead', error = ?2 WHERE id = ?1",
                params![
                    id,
                    serde_json::to_string(&ErrorView::new(ErrorCode::Internal, message))
                    .unwrap_or_default()
                ],
            )?;
            events.push(updated(tx, id)?);
        }
        tx.emit_all(events);
        Ok(running.len())
    })
}

/// When the next queued job of `class` may run, if any is queued.
pub(crate) fn next_run_after(profile: &Profile, class: Class) -> Result<Option<i64>> {
    profile.read(|conn| {
        Ok(conn
            .prepare_cached(
                "SELECT min(run_after) FROM jobs WHERE class = ?1 AND state = 'queued'",
            )?
            .query_row([class.as_str()], |row| row.get(0))?)
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::testing::keychain_profile;

    pub(crate) fn new_job(kind: &str, class: Class) -> NewJob {
        NewJob {
            kind: kind.into(),
            class,
            subject: Some("source-1".into()),
            payload: serde_json::json!({ "n": 1 }),
        }
    }

    fn boom() -> ErrorView {
        ErrorView::new(ErrorCode::Internal, "boom")
    }

    #[test]
    fn delays_double_from_100_ms_to_30_s_within_20_percent() {
        let ms = |tries, jitter| retry_delay(tries, jitter).as_millis();
        assert_eq!(
            (1..=6).map(|t| ms(t, 0.0)).collect::<Vec<_>>(),
            [100, 200, 400, 800, 1600, 3200]
        );
        assert_eq!(ms(9, 0.0), 25_600);
        assert_eq!(ms(10, 0.0), 30_000, "capped");
        assert_eq!(ms(40, 0.0), 30_000);
        assert_eq!((ms(1, -1.0), ms(1, 1.0)), (80, 120));
        assert_eq!((ms(12, -1.0), ms(12, 1.0)), (24_000, 36_000));
        // The jitter drawn stays within its bounds, and is spread.
        let drawn: Vec<f64> = (0..1000).map(|_| random_jitter()).collect();
        assert!(drawn.iter().all(|j| (-1.0..=1.0).contains(j)));
        assert!(drawn.iter().any(|j| *j < -0.5) && drawn.iter().any(|j| *j > 0.5));
    }

    #[test]
    fn a_failing_job_is_retried_after_its_backoff_then_rests_dead() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let mut now = 1_000_000;
        let job = profile
            .enqueue_job(&new_job("echo", Class::Ai), now)
            .unwrap();
        assert_eq!((job.state, job.attempts), (JobState::Queued, 0));
        assert!(
            claim(&profile, Class::File, &["echo"], now)
                .unwrap()
                .is_none(),
            "other class"
        );
        assert!(
            claim(&profile, Class::Ai, &["other"], now)
                .unwrap()
                .is_none(),
            "other kind"
        );
        let mut waits = Vec::new();
        for attempt in 1..=MAX_ATTEMPTS {
            let claimed = claim(&profile, Class::Ai, &["echo"], now)
                .unwrap()
                .expect("ready");
            assert_eq!(claimed.attempt, attempt);
            assert_eq!(claimed.payload, serde_json::json!({ "n": 1 }));
            assert!(
                claim(&profile, Class::Ai, &["echo"], now)
                    .unwrap()
                    .is_none(),
                "taken"
            );
            let after = fail_with_jitter(&profile, &claimed, now, &boom(), true, 1.0)
                .unwrap()
                .unwrap();
            if attempt < MAX_ATTEMPTS {
                assert_eq!(after.state, JobState::Queued);
                waits.push(after.run_after - now);
                // Not before its backoff has passed.
                assert!(
                    claim(&profile, Class::Ai, &["echo"], after.run_after - 1)
                        .unwrap()
                        .is_none()
                );
                now = after.run_after;
            } else {
                assert_eq!(after.state, JobState::Dead);
                assert_eq!(
                    after.error.as_ref().map(|e| e.message.as_str()),
                    Some("boom")
                );
            }
        }
        // +20 % jitter on 100, 200, 400 and 800 ms.
        assert_eq!(waits, [120, 240, 480, 960]);
        assert!(
            claim(&profile, Class::Ai, &["echo"], now + 60_000)
                .unwrap()
                .is_none()
        );

        // The learner retries it: all its tries again.
        let again = profile.retry_job(&job.id, now).unwrap();
        assert_eq!(
            (again.state, again.attempts, again.error),
            (JobState::Queued, 0, None)
        );
        assert!(
            claim(&profile, Class::Ai, &["echo"], now)
                .unwrap()
                .is_some()
        );
        assert!(
            profile.retry_job(&job.id, now).is_err(),
            "running, not retried"
        );
    }

    #[test]
    fn a_permanent_failure_is_dead_at_once() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        profile
            .enqueue_job(&new_job("echo", Class::File), 0)
            .unwrap();
        let claimed = claim(&profile, Class::File, &["echo"], 0).unwrap().unwrap();
        let after = fail(&profile, &claimed, 0, &boom(), false)
            .unwrap()
            .unwrap();
        assert_eq!((after.state, after.attempts), (JobState::Dead, 1));
    }

    #[test]
    fn a_try_that_lost_its_claim_can_neither_finish_nor_fail_the_job() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let job = profile
            .enqueue_job(&new_job("echo", Class::Database), 0)
            .unwrap();
        let first = claim(&profile, Class::Database, &["echo"], 0)
            .unwrap()
            .unwrap();
        assert!(heartbeat(&profile, &first, 5_000, Some((1, Some(3)))).unwrap());
        assert_eq!(profile.job(&job.id).unwrap().done, 1);
        // Silent past the database timeout (10 s): given up, and retried.
        assert!(
            expire(&profile, Class::Database, 14_999)
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            expire(&profile, Class::Database, 15_001).unwrap(),
            std::slice::from_ref(&job.id)
        );
        let silent = profile.job(&job.id).unwrap();
        assert_eq!(silent.state, JobState::Queued);
        assert!(silent.error.unwrap().message.contains("10 s"));
        assert!(
            !heartbeat(&profile, &first, 15_002, None).unwrap(),
            "told to stop"
        );
        let second = claim(&profile, Class::Database, &["echo"], 20_000)
            .unwrap()
            .unwrap();
        assert_eq!(second.attempt, 2);
        // The first try wakes up and tries to finish: nothing is written.
        let late = finish(&profile, &first, 20_001, |tx| {
            tx.execute("CREATE TABLE effect (n INTEGER)", [])?;
            Ok(((), Value::Null))
        })
        .unwrap();
        assert!(late.is_none());
        assert!(
            fail(&profile, &first, 20_001, &boom(), true)
                .unwrap()
                .is_none()
        );
        // The second finishes, its effect with it.
        let done = finish(&profile, &second, 20_002, |tx| {
            tx.execute("CREATE TABLE effect (n INTEGER)", [])?;
            Ok((7, serde_json::json!({ "made": 1 })))
        })
        .unwrap();
        assert_eq!(done, Some(7));
        let job = profile.job(&job.id).unwrap();
        assert_eq!((job.state, job.attempts), (JobState::Done, 2));
    }

    #[test]
    fn a_cancelled_job_stops_and_running_ones_resume_after_a_crash() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let queued = profile.enqueue_job(&new_job("echo", Class::Ai), 0).unwrap();
        let running = profile
            .enqueue_job(&new_job("echo", Class::File), 0)
            .unwrap();
        let worn = profile
            .enqueue_job(&new_job("echo", Class::Database), 0)
            .unwrap();
        let cancelled = profile.cancel_job(&queued.id, 1).unwrap();
        assert_eq!(cancelled.state, JobState::Cancelled);
        assert!(claim(&profile, Class::Ai, &["echo"], 2).unwrap().is_none());

        // A job whose every try crashed the app before any progress: its process left
        // a crash marker each time.
        let markers = crash::markers_dir(profile.dir());
        crash::mark(&markers, crash::token()).unwrap();
        for at in 0..MAX_CRASHES as i64 {
            claim(&profile, Class::Database, &["echo"], 2 + at)
                .unwrap()
                .unwrap();
            if at + 1 < MAX_CRASHES as i64 {
                recover(&profile, 2 + at).unwrap();
            }
        }
        let claimed = claim(&profile, Class::File, &["echo"], 20)
            .unwrap()
            .unwrap();
        // The app restarts.
        assert_eq!(recover(&profile, 100).unwrap(), 2);
        let resumed = profile.job(&running.id).unwrap();
        // An interrupted try is not a failed one.
        assert_eq!((resumed.state, resumed.attempts), (JobState::Queued, 0));
        let worn = profile.job(&worn.id).unwrap();
        assert_eq!((worn.state, worn.attempts), (JobState::Dead, 0));
        assert!(
            worn.error
                .unwrap()
                .message
                .contains("crashed while this ran, 3 times in a row")
        );
        assert!(
            !heartbeat(&profile, &claimed, 101, None).unwrap(),
            "the old try is gone"
        );
        let listed: Vec<String> = profile
            .jobs(10)
            .unwrap()
            .into_iter()
            .map(|j| j.id)
            .collect();
        assert_eq!(listed.len(), 3);
        assert!(profile.job("zzzz").is_err());
        // Retried by the learner, it has its crashes forgiven.
        profile.retry_job(&worn.id, 101).unwrap();
        claim(&profile, Class::Database, &["echo"], 102)
            .unwrap()
            .unwrap();
        recover(&profile, 103).unwrap();
        assert_eq!(profile.job(&worn.id).unwrap().state, JobState::Queued);
        std::fs::remove_file(markers.join(crash::token())).unwrap();

        // A long job interrupted again and again, making progress in between stalls:
        // never dead.
        let long = profile.enqueue_job(&new_job("long", Class::Ai), 0).unwrap();
        for at in 0..3 * MAX_INTERRUPTIONS as i64 {
            let claimed = claim(&profile, Class::Ai, &["long"], 200 + at)
                .unwrap()
                .unwrap();
            if at % (MAX_INTERRUPTIONS as i64 - 1) == 0 {
                assert!(heartbeat(&profile, &claimed, 200 + at, Some((at + 1, None))).unwrap());
            }
            recover(&profile, 200 + at).unwrap();
        }
        let long = profile.job(&long.id).unwrap();
        assert_eq!((long.state, long.attempts), (JobState::Queued, 0));
        profile.cancel_job(&long.id, 400).unwrap();
    }

    #[test]
    fn a_step_stopped_from_outside_again_and_again_is_no_crash_loop() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let job = profile.enqueue_job(&new_job("echo", Class::Ai), 0).unwrap();
        // A lid closed (or the app killed) before the step showed any progress, far more
        // often than a crash loop is given: no marker, so the job waits on.
        let mut at = 1;
        for _ in 0..MAX_INTERRUPTIONS - 1 {
            claim(&profile, Class::Ai, &["echo"], at).unwrap().unwrap();
            recover(&profile, at).unwrap();
            at += 1;
        }
        let waiting = profile.job(&job.id).unwrap();
        assert_eq!((waiting.state, waiting.attempts), (JobState::Queued, 0));
        // A loop nothing marks (the out-of-memory killer) still ends.
        claim(&profile, Class::Ai, &["echo"], at).unwrap().unwrap();
        recover(&profile, at).unwrap();
        let dead = profile.job(&job.id).unwrap();
        assert_eq!(dead.state, JobState::Dead);
        assert!(
            dead.error
                .unwrap()
                .message
                .contains("without getting further")
        );
    }
}
