//! Speech to text as the core sees it: a small trait it owns, implemented over
//! whisper.cpp by `satchel-engines` (and by fakes in tests).

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use satchel_media::MediaError;
use satchel_media::audio::AudioSource;
pub use satchel_media::transcript::{Progress, ProgressFn, Transcription};

/// Encoded audio (a file, or a recording read back from the store).
pub struct Audio {
    pub source: Box<dyn AudioSource>,
    pub size: u64,
    /// Such as "mp3": helps tell formats apart.
    pub extension: Option<String>,
}

/// Turns a recording into timed text. `language` is an ISO 639-1 code, or `None` to
/// detect it.
pub trait Transcriber: Send + Sync {
    fn transcribe(
        &self,
        audio: Audio,
        language: Option<&str>,
        progress: ProgressFn,
        cancel: Arc<AtomicBool>,
    ) -> Result<Transcription, MediaError>;
}
