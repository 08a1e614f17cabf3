//! Transcription as the voice and models benchmarks time it.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use satchel_engines::speech::{SpeechModel, TranscribeOptions};
use satchel_engines::voice;
use satchel_media::audio::{AudioLimits, AudioReader};

/// The app's own path, decoding included (as an anchor's figure includes its
/// decoding): windows, silence skipped, timestamps mapped back. (text, seconds taken,
/// seconds of audio)
pub fn transcribe(
    model: &SpeechModel,
    path: &Path,
    options: &TranscribeOptions,
) -> (String, f64, f64) {
    let started = Instant::now();
    let reader = AudioReader::open(path, AudioLimits::default()).expect("audio");
    let transcription = voice::transcribe(
        reader,
        model,
        options,
        Arc::new(|_| {}),
        Arc::new(AtomicBool::new(false)),
    )
    .expect("transcription");
    (
        transcription.transcript.text(),
        started.elapsed().as_secs_f64(),
        transcription.duration_ms as f64 / 1000.0,
    )
}
