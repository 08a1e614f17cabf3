//! What a transcription yields, whoever makes it: timed segments, the spoken
//! language, and progress along the recording. The engines fill these in; the core
//! stores them.

use std::sync::Arc;

/// Whisper listens at 16 kHz, and recordings are kept at that rate.
pub const SAMPLE_RATE: usize = 16_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub start_ms: i64,
    pub end_ms: i64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    /// ISO 639-1 code, such as "en".
    pub language: String,
    pub segments: Vec<Segment>,
}

impl Transcript {
    pub fn text(&self) -> String {
        self.segments
            .iter()
            .map(|s| s.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// How far a transcription has got, in the recording's own time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done_ms: i64,
    /// `None` when the file does not say how long it is.
    pub total_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcription {
    pub transcript: Transcript,
    /// The whole recording's length.
    pub duration_ms: i64,
    /// How much of it held sound worth transcribing.
    pub voiced_ms: i64,
}

pub type ProgressFn = Arc<dyn Fn(Progress) + Send + Sync>;
