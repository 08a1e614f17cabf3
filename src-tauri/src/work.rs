//! The open library's background work, as durable jobs: reading what was brought in
//! (transcribing recordings, reading pictures and documents) and keeping search up to
//! date. One job runner per open library; locking it pauses the work, which resumes
//! where it was on the next unlock — or after a crash.

use std::sync::{Arc, Mutex, PoisonError};

use satchel_core::jobs::{Clock, JobKind, JobRunner, SystemClock};
use satchel_core::types::{Event, JobState, SourceStatus};
use satchel_core::work::READ;
use satchel_core::{Error, Profile};

pub struct Work {
    kinds: Vec<JobKind>,
    runner: Mutex<Option<JobRunner>>,
}

fn now() -> i64 {
    SystemClock.now_ms()
}

/// Whether `event` changes what search finds.
pub fn changes_search(event: &Event) -> bool {
    match event {
        Event::NoteSaved { .. } | Event::NoteDeleted { .. } | Event::SourceDeleted { .. } => true,
        Event::SourceSaved { source } => source.status == SourceStatus::Ready,
        _ => false,
    }
}

impl Work {
    pub fn new(kinds: Vec<JobKind>) -> Self {
        Self {
            kinds,
            runner: Mutex::new(None),
        }
    }

    /// Runs `profile`'s jobs from now on (the closed library's wait for its next
    /// unlock): what was unfinished resumes, and search catches up.
    pub fn open(&self, profile: Option<&Arc<Profile>>) -> Result<(), Error> {
        let mut runner = self.runner.lock().unwrap_or_else(PoisonError::into_inner);
        // Tries in progress stop at their next sign of progress and wait again.
        drop(runner.take());
        let Some(profile) = profile else {
            return Ok(());
        };
        let started = JobRunner::start(
            Arc::clone(profile),
            self.kinds.clone(),
            Arc::new(SystemClock),
        )?;
        profile.queue_unfinished_reads(now())?;
        profile.queue_index(now())?;
        started.wake();
        *runner = Some(started);
        Ok(())
    }

    /// Queues reading source `id` of `profile`.
    pub fn read(&self, profile: &Profile, id: &str, language: Option<&str>) {
        if let Err(error) = profile.queue_read(id, language, now()) {
            eprintln!("queueing {id} to be read: {error}");
        }
        self.wake();
    }

    /// Queues bringing search up to date.
    pub fn index(&self, profile: &Profile) {
        if let Err(error) = profile.queue_index(now()) {
            eprintln!("queueing indexing: {error}");
        }
        self.wake();
    }

    /// Stops reading source `id`, running or waiting; the original stays.
    pub fn cancel(&self, profile: &Profile, id: &str) -> Result<(), Error> {
        let source = profile.source(id)?;
        for job in profile.jobs_about(&source.id)? {
            if job.kind == READ && matches!(job.state, JobState::Queued | JobState::Running) {
                profile.cancel_job(&job.id, now())?;
            }
        }
        // A waiting source is marked at once; a running one when its try stops.
        profile.cancel_queued_source(&source.id)?;
        Ok(())
    }

    /// Wakes the workers to look at the queue (after a job was queued or retried).
    pub fn wake(&self) {
        if let Some(runner) = self
            .runner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            runner.wake();
        }
    }
}
