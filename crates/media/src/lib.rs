//! Satchel's stateless extraction: bytes or samples in, text with provenance out.
//! It knows nothing of the store, the jobs or the UI; `satchel-core` calls it. The
//! heavy native code (whisper.cpp, ONNX Runtime) lives here alone.

pub mod audio;
pub mod embed;
pub mod image_in;
pub mod mic;
pub mod ocr;
pub mod onnx;
pub mod pdf;
pub mod pdf_draw;
pub mod pdf_worker;
pub mod silence;
pub mod speech;
pub mod voice;

mod error;
mod ggml;
mod resample;

pub use error::MediaError;
