//! The heavy native code, behind traits the core owns: whisper.cpp for speech
//! ([`Whisper`], a `voice::Transcriber`), PP-OCR (v4 detection, v6 multilingual recognition) on ONNX Runtime for pictures and
//! scanned pages ([`Vision`], a `vision::Reader`), all-MiniLM-L6-v2 with its tokenizer
//! for meaning ([`Meaning`], a `search::Understand`), and the microphone over cpal
//! ([`Microphone`], a `SoundInput`). The programs (the window, the CLI) wire these into
//! the core; the core and its tests build without any of it.

pub mod embed;
mod ggml;
mod meaning;
pub mod mic;
pub mod ocr;
pub mod onnx;
mod onnx_model;
pub mod speech;
mod vision;
pub mod voice;
mod whisper;

pub use meaning::Meaning;
pub use mic::Microphone;
pub use satchel_media::MediaError;
pub use vision::Vision;
pub use whisper::{ENGLISH_MODEL, MULTILINGUAL_MODEL, Whisper};

/// The system's default microphone, opened for a recording.
pub fn open_microphone() -> Result<Box<dyn satchel_core::SoundInput>, MediaError> {
    Ok(Box::new(Microphone::open_default()?))
}

impl satchel_core::SoundInput for Microphone {
    fn device(&self) -> &str {
        Microphone::device(self)
    }

    fn is_live(&self) -> bool {
        Microphone::is_live(self)
    }

    fn read(&mut self, wait: std::time::Duration) -> Result<Vec<f32>, MediaError> {
        Microphone::read(self, wait)
    }

    fn stop(self: Box<Self>) -> Result<Vec<f32>, MediaError> {
        Microphone::stop(*self)
    }
}
