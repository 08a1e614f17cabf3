//! Durable jobs: long work — transcription, reading, indexing, study packs — queued in
//! the encrypted store, run by a bounded set of workers per class of work, retried
//! with exponential backoff and jitter, resumed after a crash, cancelled on request;
//! a job that fails every try rests dead until the learner retries it. A try's effect
//! is written in the same transaction that marks the job done, so it happens once.

mod crash;
mod queue;
mod runner;

pub use crate::clock::{Clock, ManualClock, SystemClock};
pub(crate) use queue::insert_job;
pub use queue::{
    Class, FIRST_DELAY, JITTER, MAX_ATTEMPTS, MAX_CRASHES, MAX_DELAY, MAX_INTERRUPTIONS, NewJob,
    retry_delay,
};
pub use runner::{Concurrency, Failure, Handler, JobContext, JobKind, JobRunner};
