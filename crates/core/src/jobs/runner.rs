//! Workers that run the queue of one open profile: for each class as many threads as
//! it may run at once, each taking the oldest ready job, running its kind's handler,
//! and ending the try — done, queued again after its backoff, or dead.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use satchel_types::{ErrorCode, ErrorView};
use serde_json::Value;

use super::crash;
use super::queue::{self, Claimed, Class};
use crate::clock::Clock;
use crate::profile::{Profile, Tx};
use crate::{Error, Result};

/// How a try ended badly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Worth another try (a busy resource, a timeout, a crash).
    Retry(ErrorView),
    /// No try will do better (bad input): dead at once.
    Permanent(ErrorView),
    /// The job was cancelled, or its try given up; the handler stopped.
    Stopped,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let view = error.view();
        match view.code {
            ErrorCode::InvalidInput
            | ErrorCode::NotFound
            | ErrorCode::BadMedia
            | ErrorCode::PasswordRequired
            | ErrorCode::ModelMissing => Failure::Permanent(view),
            ErrorCode::Cancelled => Failure::Stopped,
            _ => Failure::Retry(view),
        }
    }
}

/// What a kind of job does with one try: `Ok` with what it produced, once it ended
/// the job through [`JobContext::finish`] or when it has no effect to write.
pub type Handler =
    Arc<dyn Fn(&JobContext<'_>) -> std::result::Result<Value, Failure> + Send + Sync>;

/// A kind of job and how to run it.
#[derive(Clone)]
pub struct JobKind {
    pub kind: &'static str,
    pub class: Class,
    pub handler: Handler,
}

/// A try, as its handler sees it.
pub struct JobContext<'a> {
    profile: &'a Arc<Profile>,
    job: &'a Claimed,
    clock: &'a dyn Clock,
    /// The runner is closing the library.
    closing: &'a AtomicBool,
    finished: AtomicBool,
    /// The try lost its claim (cancelled, or given up for silence).
    lost: AtomicBool,
    /// When progress was last written (writes are spaced; events too), and when the
    /// claim was last looked at.
    last_beat: Mutex<i64>,
    last_look: Mutex<i64>,
}

/// Progress is written at most this often.
const BEAT_EVERY_MS: i64 = 250;
/// A try looks whether it was cancelled at most this often.
const LOOK_EVERY_MS: i64 = 1000;

impl JobContext<'_> {
    pub fn id(&self) -> &str {
        self.job.id.as_str()
    }

    pub fn subject(&self) -> Option<&str> {
        self.job.subject.as_deref()
    }

    pub fn payload(&self) -> &Value {
        &self.job.payload
    }

    /// This try's number, from 1.
    pub fn attempt(&self) -> u32 {
        self.job.attempt
    }

    pub fn profile(&self) -> &Arc<Profile> {
        self.profile
    }

    /// Tells how far the try has got (and that it is alive); `Err(Stopped)` when the
    /// job was cancelled or given up, and the handler should return it.
    pub fn progress(&self, done: i64, total: Option<i64>) -> std::result::Result<(), Failure> {
        let now = self.clock.now_ms();
        {
            let mut last = self
                .last_beat
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if now - *last < BEAT_EVERY_MS && total.is_none_or(|t| done < t) {
                return Ok(());
            }
            *last = now;
        }
        if self.closing.load(Ordering::SeqCst) {
            return Err(Failure::Stopped);
        }
        match queue::heartbeat(self.profile, self.job, now, Some((done, total))) {
            Ok(true) => Ok(()),
            Ok(false) => {
                self.lost.store(true, Ordering::SeqCst);
                Err(Failure::Stopped)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Whether the try should stop: the library is closing, or the job was cancelled
    /// or given up. Cheap to call often (the store is looked at once a second).
    pub fn should_stop(&self) -> bool {
        if self.closing.load(Ordering::SeqCst) || self.lost.load(Ordering::SeqCst) {
            return true;
        }
        let now = self.clock.now_ms();
        {
            let mut last = self
                .last_look
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            if now - *last < LOOK_EVERY_MS {
                return false;
            }
            *last = now;
        }
        if matches!(queue::still_claimed(self.profile, self.job), Ok(false)) {
            self.lost.store(true, Ordering::SeqCst);
        }
        self.lost.load(Ordering::SeqCst)
    }

    /// Ends the job: `effect` writes what it produced in the transaction that marks
    /// it done, so that it is written once — or not at all when this try was given up
    /// (then `Err(Stopped)`).
    pub(crate) fn finish<T>(
        &self,
        effect: impl FnOnce(&Tx<'_>) -> Result<(T, Value)>,
    ) -> std::result::Result<T, Failure> {
        let now = self.clock.now_ms();
        match queue::finish(self.profile, self.job, now, effect) {
            Ok(Some(value)) => {
                self.finished.store(true, Ordering::SeqCst);
                Ok(value)
            }
            Ok(None) => Err(Failure::Stopped),
            Err(error) => Err(error.into()),
        }
    }
}

struct Shared {
    profile: Arc<Profile>,
    kinds: HashMap<&'static str, JobKind>,
    clock: Arc<dyn Clock>,
    stopping: AtomicBool,
    /// Bumped to wake sleeping workers (a job queued, or stopping).
    wake: (Mutex<u64>, Condvar),
}

/// How the workers are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concurrency {
    /// As many workers per class as [`Class::concurrency`] says: ready tasks of
    /// different classes (and two of the database class) run at once.
    PerClass,
    /// One worker for everything, one job at a time (for comparing).
    Sequential,
}

impl Shared {
    /// Wakes every sleeping worker to look at the queue again.
    fn notify(&self) {
        let (count, ready) = &self.wake;
        *count.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        ready.notify_all();
    }
}

/// The workers of one profile's queue; stopped (and joined) when dropped.
pub struct JobRunner {
    shared: Arc<Shared>,
    threads: Vec<JoinHandle<()>>,
}

/// A worker with nothing ready looks again at least this often; the watcher looks
/// for silent tries as often.
const IDLE_LOOK_MS: i64 = 1000;

impl JobRunner {
    /// Resumes what was running when the app last stopped, then starts the workers.
    pub fn start(
        profile: Arc<Profile>,
        kinds: Vec<JobKind>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        Self::start_with(profile, kinds, clock, Concurrency::PerClass)
    }

    /// [`start`](Self::start), with the workers laid out as `concurrency` says.
    pub fn start_with(
        profile: Arc<Profile>,
        kinds: Vec<JobKind>,
        clock: Arc<dyn Clock>,
        concurrency: Concurrency,
    ) -> Result<Self> {
        crash::arm(&crash::markers_dir(profile.dir()));
        queue::recover(&profile, clock.now_ms())?;
        let shared = Arc::new(Shared {
            profile,
            kinds: kinds.into_iter().map(|k| (k.kind, k)).collect(),
            clock,
            stopping: AtomicBool::new(false),
            wake: (Mutex::new(0), Condvar::new()),
        });
        let spawn = |name: String, body: Box<dyn FnOnce(&Shared) + Send>| {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name(name)
                .spawn(move || body(&shared))
                .map_err(|e| Error::Io {
                    action: "starting a job worker",
                    path: std::path::PathBuf::new(),
                    source: e,
                })
        };
        let mut threads = vec![spawn("satchel-jobs-watch".into(), Box::new(watch))?];
        let used: Vec<Class> = Class::ALL
            .into_iter()
            .filter(|class| shared.kinds.values().any(|k| k.class == *class))
            .collect();
        let workers: Vec<Vec<Class>> = match concurrency {
            Concurrency::PerClass => used
                .iter()
                .flat_map(|class| std::iter::repeat_n(vec![*class], class.concurrency()))
                .collect(),
            Concurrency::Sequential => vec![used],
        };
        for (n, classes) in workers.into_iter().enumerate() {
            let body = Box::new(move |shared: &Shared| work(shared, &classes));
            threads.push(spawn(format!("satchel-jobs-{n}"), body)?);
        }
        Ok(Self { shared, threads })
    }

    /// Queues `job` and wakes a worker for it.
    pub fn enqueue(&self, job: &queue::NewJob) -> Result<satchel_types::JobView> {
        let view = self
            .shared
            .profile
            .enqueue_job(job, self.shared.clock.now_ms())?;
        self.wake();
        Ok(view)
    }

    /// Wakes the workers to look at the queue again (after a job was queued or
    /// retried elsewhere).
    pub fn wake(&self) {
        self.shared.notify();
    }

    pub fn profile(&self) -> &Arc<Profile> {
        &self.shared.profile
    }
}

impl Drop for JobRunner {
    /// Tries in progress are told to stop (at their next progress) and their jobs wait
    /// again, as if never begun; the workers exit.
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        self.wake();
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// A worker: takes the oldest ready job of its classes (in their order) until the
/// runner stops.
fn work(shared: &Shared, classes: &[Class]) {
    let kinds: Vec<(Class, Vec<&str>)> = classes
        .iter()
        .map(|class| {
            let kinds = shared
                .kinds
                .values()
                .filter(|k| k.class == *class)
                .map(|k| k.kind)
                .collect();
            (*class, kinds)
        })
        .collect();
    let claim = |now| -> Result<Option<Claimed>> {
        for (class, kinds) in &kinds {
            if let Some(job) = queue::claim(&shared.profile, *class, kinds, now)? {
                return Ok(Some(job));
            }
        }
        Ok(None)
    };
    while !shared.stopping.load(Ordering::SeqCst) {
        let seen = *shared.wake.0.lock().unwrap_or_else(PoisonError::into_inner);
        let now = shared.clock.now_ms();
        match claim(now) {
            Ok(Some(job)) => run(shared, &job),
            Ok(None) => {
                let next = classes
                    .iter()
                    .filter_map(|class| {
                        queue::next_run_after(&shared.profile, *class)
                            .ok()
                            .flatten()
                    })
                    .min()
                    .map_or(IDLE_LOOK_MS, |at| (at - now).clamp(1, IDLE_LOOK_MS));
                let (count, ready) = &shared.wake;
                let guard = count.lock().unwrap_or_else(PoisonError::into_inner);
                if *guard == seen {
                    let _ = ready
                        .wait_timeout(guard, Duration::from_millis(next as u64))
                        .unwrap_or_else(PoisonError::into_inner);
                }
            }
            Err(error) => {
                // The store is busy or failing: look again later, not in a hot loop.
                eprintln!("taking a job: {error}");
                std::thread::sleep(Duration::from_millis(IDLE_LOOK_MS as u64));
            }
        }
    }
}

/// Gives up tries gone silent past their class's timeout, whatever their workers are
/// doing (a stuck try holds its worker; the watcher alone can see it).
fn watch(shared: &Shared) {
    while !shared.stopping.load(Ordering::SeqCst) {
        let now = shared.clock.now_ms();
        for class in Class::ALL {
            match queue::expire(&shared.profile, class, now) {
                // Their jobs are queued again: a free worker may take them.
                Ok(given_up) if !given_up.is_empty() => shared.notify(),
                Ok(_) => {}
                Err(error) => eprintln!("looking for silent {} jobs: {error}", class.as_str()),
            }
        }
        let (count, ready) = &shared.wake;
        let guard = count.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = ready
            .wait_timeout(guard, Duration::from_millis(IDLE_LOOK_MS as u64))
            .unwrap_or_else(PoisonError::into_inner);
    }
}

fn run(shared: &Shared, job: &Claimed) {
    let Some(kind) = shared.kinds.get(job.kind.as_str()) else {
        return;
    };
    let context = JobContext {
        profile: &shared.profile,
        job,
        clock: shared.clock.as_ref(),
        closing: &shared.stopping,
        finished: AtomicBool::new(false),
        lost: AtomicBool::new(false),
        last_beat: Mutex::new(i64::MIN / 2),
        last_look: Mutex::new(i64::MIN / 2),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| (kind.handler)(&context)));
    let now = shared.clock.now_ms();
    let ended = match outcome {
        Ok(Ok(result)) if !context.finished.load(Ordering::SeqCst) => {
            queue::finish(&shared.profile, job, now, |_| Ok(((), result))).map(drop)
        }
        Ok(Err(Failure::Stopped)) if shared.stopping.load(Ordering::SeqCst) => {
            queue::release(&shared.profile, job, now)
        }
        Ok(Ok(_)) | Ok(Err(Failure::Stopped)) => Ok(()),
        Ok(Err(Failure::Retry(error))) => {
            queue::fail(&shared.profile, job, now, &error, true).map(drop)
        }
        Ok(Err(Failure::Permanent(error))) => {
            queue::fail(&shared.profile, job, now, &error, false).map(drop)
        }
        Err(_) => {
            let error = ErrorView::new(
                ErrorCode::Internal,
                format!("the {} job stopped unexpectedly", job.kind),
            );
            queue::fail(&shared.profile, job, now, &error, true).map(drop)
        }
    };
    if let Err(error) = ended {
        // Left running, the try is given up at its timeout and retried.
        eprintln!("ending job {}: {error}", job.id);
    }
    // A job's end may have queued others (the next steps of a pack): look at once.
    shared.notify();
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicUsize;
    use std::time::Instant;

    use satchel_types::{Event, JobState};

    use super::*;
    use crate::clock::{ManualClock, SystemClock};
    use crate::jobs::queue::NewJob;
    use crate::testing::keychain_profile;

    fn wait_for(profile: &Profile, id: &str, state: JobState) -> satchel_types::JobView {
        let started = Instant::now();
        loop {
            let job = profile.job(id).unwrap();
            if job.state == state {
                return job;
            }
            assert!(started.elapsed() < Duration::from_secs(10), "{job:?}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn a_try_silent_past_its_timeout_is_given_up_and_the_job_tried_again() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let clock = Arc::new(ManualClock::new(1_000_000));
        let tries = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&tries);
        let stuck = JobKind {
            kind: "stuck",
            class: Class::Ai,
            handler: Arc::new(move |job: &JobContext<'_>| {
                if counted.fetch_add(1, Ordering::SeqCst) == 0 {
                    // Hung, as far as anyone can tell: no progress, until told to stop.
                    while !job.should_stop() {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    return Err(Failure::Stopped);
                }
                Ok(serde_json::json!("second try"))
            }),
        };
        let events = profile.events().subscribe();
        let runner = JobRunner::start(Arc::clone(&profile), vec![stuck], clock.clone()).unwrap();
        let job = runner
            .enqueue(&NewJob {
                kind: "stuck".into(),
                class: Class::Ai,
                subject: None,
                payload: Value::Null,
            })
            .unwrap();
        wait_for(&profile, &job.id, JobState::Running);
        // 29 s of silence is within the AI class's 30 s; 31 s is not.
        clock.advance(29_000);
        std::thread::sleep(Duration::from_millis(1500));
        assert_eq!(profile.job(&job.id).unwrap().state, JobState::Running);
        clock.advance(2_000);
        let given_up = wait_for(&profile, &job.id, JobState::Queued);
        assert_eq!(given_up.attempts, 1);
        assert!(given_up.error.unwrap().message.contains("30 s"));
        // Its backoff passes; the second try runs.
        clock.advance(1_000);
        runner.wake();
        let done = wait_for(&profile, &job.id, JobState::Done);
        assert_eq!(done.attempts, 2);
        assert_eq!(tries.load(Ordering::SeqCst), 2);
        let failed = events
            .try_iter()
            .filter(|e| matches!(e, Event::JobFailed { .. }))
            .count();
        assert_eq!(failed, 1);
    }

    #[test]
    fn workers_retry_a_flaky_job_until_it_succeeds_writing_its_effect_once() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let tries = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&tries);
        let flaky = JobKind {
            kind: "flaky",
            class: Class::Ai,
            handler: Arc::new(move |job: &JobContext<'_>| {
                let n = counted.fetch_add(1, Ordering::SeqCst) + 1;
                job.progress(1, Some(2))?;
                if n < 3 {
                    return Err(Failure::Retry(ErrorView::new(
                        ErrorCode::Busy,
                        format!("try {n}"),
                    )));
                }
                job.finish(|tx| {
                    crate::store::notes::put(tx, &"made".into(), "Made", "", 0)?;
                    Ok(((), serde_json::json!({ "tries": n })))
                })?;
                Ok(Value::Null)
            }),
        };
        let broken = JobKind {
            kind: "broken",
            class: Class::File,
            handler: Arc::new(|_job: &JobContext<'_>| panic!("a bug")),
        };
        let events = profile.events().subscribe();
        let runner = JobRunner::start(
            Arc::clone(&profile),
            vec![flaky, broken],
            Arc::new(SystemClock),
        )
        .unwrap();
        let job = runner
            .enqueue(&NewJob {
                kind: "flaky".into(),
                class: Class::Ai,
                subject: None,
                payload: Value::Null,
            })
            .unwrap();
        let done = wait_for(&profile, &job.id, JobState::Done);
        assert_eq!(done.attempts, 3);
        assert_eq!(tries.load(Ordering::SeqCst), 3);
        let made: i64 = profile
            .read(|conn| Ok(conn.query_row("SELECT count(*) FROM notes", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(made, 1, "the effect, once");
        let seen: Vec<Event> = events.try_iter().collect();
        assert_eq!(
            seen.iter()
                .filter(|e| matches!(e, Event::JobFailed { .. }))
                .count(),
            2
        );
        assert!(
            seen.iter()
                .any(|e| matches!(e, Event::JobProgress { done: 1, .. }))
        );

        // A panicking handler is a failed try, not a dead worker.
        let panicking = runner
            .enqueue(&NewJob {
                kind: "broken".into(),
                class: Class::File,
                subject: None,
                payload: Value::Null,
            })
            .unwrap();
        let started = Instant::now();
        while profile.job(&panicking.id).unwrap().attempts < 2 {
            assert!(started.elapsed() < Duration::from_secs(10));
            std::thread::sleep(Duration::from_millis(10));
        }
        let failing = profile.job(&panicking.id).unwrap();
        assert!(
            failing
                .error
                .unwrap()
                .message
                .contains("stopped unexpectedly")
        );
        profile.cancel_job(&panicking.id, crate::now_ms()).unwrap();
        drop(runner);
    }
}
