//! Background jobs as the window lists them.

use serde::{Deserialize, Serialize};

use crate::ErrorView;

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Waiting for its turn, or for its retry's backoff to pass.
    Queued,
    Running,
    Done,
    /// Failed every try (or could never succeed): waits for the learner to retry it.
    Dead,
    Cancelled,
}

/// A durable job, as the jobs page and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobView {
    pub id: String,
    /// What it does: "transcribe", "read", "index", "pack"…
    pub kind: String,
    /// What it works on (a note's or source's id), if one thing.
    pub subject: Option<String>,
    pub state: JobState,
    /// Tries so far, and at most.
    pub attempts: u32,
    pub max_attempts: u32,
    /// When a queued job may run (a retry waits out its backoff), Unix ms.
    pub run_after: i64,
    /// Progress of the running try, in the job's own unit.
    pub done: i64,
    pub total: Option<i64>,
    /// Why the last try failed.
    pub error: Option<ErrorView>,
    pub created_at: i64,
    pub updated_at: i64,
}
