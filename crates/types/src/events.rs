//! What the core announces as it happens, on the event channel.

use serde::{Deserialize, Serialize};

use crate::{ErrorView, JobView, NoteSummary, PackState, SourceSummary, SyncStatus};

/// What the core announces after every change of learner state. The desktop shell
/// forwards each one to the UI on the `satchel://event` channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Event {
    #[serde(rename = "note.saved")]
    NoteSaved { note: NoteSummary },
    #[serde(rename = "note.deleted")]
    NoteDeleted { id: String },
    /// A lesson from a teacher arrived (or changed) with a sync.
    #[serde(rename = "lesson.arrived")]
    LessonArrived {
        id: String,
        title: String,
        teacher: String,
    },
    #[serde(rename = "profile.key_rotated")]
    ProfileKeyRotated { profile_id: String },
    #[serde(rename = "source.saved")]
    SourceSaved { source: SourceSummary },
    #[serde(rename = "source.deleted")]
    SourceDeleted { id: String },
    /// Work on a source moved on; not a change of state, so never stored.
    #[serde(rename = "source.progress")]
    SourceProgress {
        id: String,
        done_ms: i64,
        total_ms: Option<i64>,
    },
    /// Reading a document moved on a page. Never stored.
    #[serde(rename = "source.pages")]
    SourcePages { id: String, done: i64, total: i64 },
    /// Getting what is new ready to search moved on: `done` of `total` passages
    /// understood; `done == total` when it is finished (concepts included). Never
    /// stored.
    #[serde(rename = "library.indexing")]
    Indexing { done: u64, total: u64 },
    /// A job was queued, started, finished, failed a try, died or was cancelled.
    #[serde(rename = "job.updated")]
    JobUpdated { job: JobView },
    /// A running job moved on. Never stored.
    #[serde(rename = "job.progress")]
    JobProgress {
        id: String,
        done: i64,
        total: Option<i64>,
    },
    /// A try of a job failed: it is retried after its backoff, or it is dead
    /// (`job.state`).
    #[serde(rename = "job.failed")]
    JobFailed { job: JobView },
    /// A study pack moved on a step, or is ready (`pack.state`).
    #[serde(rename = "pack.updated")]
    PackUpdated {
        id: String,
        source_id: String,
        state: PackState,
        /// Steps done of all.
        done: u32,
        total: u32,
    },
    /// A study pack is ready to study.
    #[serde(rename = "pack.ready")]
    PackReady { id: String, source_id: String },
    /// A card was answered, or an answer undone (`undone`).
    #[serde(rename = "review.logged")]
    ReviewLogged {
        card_id: String,
        review_id: String,
        undone: bool,
    },
    /// Cards or decks were written, changed, suspended or brought in.
    #[serde(rename = "cards.changed")]
    CardsChanged { count: u32 },
    /// The learner's scheduling was optimised from their reviews (`adopted` when the
    /// new parameters predict them better and are used from now on).
    #[serde(rename = "learning.optimised")]
    LearningOptimised { adopted: bool },
    /// A sync goes on: after each round with the server.
    #[serde(rename = "sync.progress")]
    SyncProgress {
        rounds: u32,
        bytes_sent: u64,
        bytes_received: u64,
    },
    /// A pack the class offers is being downloaded: bytes held of its size. Never
    /// stored.
    #[serde(rename = "offer.progress")]
    OfferProgress {
        name: String,
        bytes: u64,
        total: u64,
    },
    /// A sync ended, well or not (`status.last_error` says).
    #[serde(rename = "sync.done")]
    SyncDone { status: SyncStatus },
    /// A recording from the microphone goes on: about ten times a second, for the
    /// level meter and the timer. Never stored.
    #[serde(rename = "recording.level")]
    RecordingLevel {
        /// Recorded so far, counted in sound (the clock starts with the first sound).
        elapsed_ms: i64,
        /// The loudest moment since the last event, in dBFS (−90 for silence).
        level_db: i16,
        /// Whether sound has started to come in from the device.
        live: bool,
    },
    /// The recording stopped: saved as `source_id` (queued for transcription), or
    /// discarded (`None`). `error` says why it stopped, if the learner did not stop it.
    #[serde(rename = "recording.ended")]
    RecordingEnded {
        source_id: Option<String>,
        error: Option<ErrorView>,
    },
}

/// The event channel name the desktop shell emits on.
pub const EVENT_CHANNEL: &str = "satchel://event";
