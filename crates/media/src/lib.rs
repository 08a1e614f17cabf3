//! Satchel's stateless extraction in pure Rust: audio decoded to 16 kHz mono, pictures
//! decoded under limits, PDFs read (and drawn) in a worker process, and the shapes
//! transcripts take. It knows nothing of the store, the jobs or the UI; `satchel-core`
//! calls it. The heavy native code (whisper.cpp, ONNX Runtime, tokenizers, the
//! microphone) is in `satchel-engines`, so the core builds without it.

pub mod audio;
pub mod image_in;
pub mod pdf;
pub mod pdf_draw;
pub mod pdf_worker;
pub mod resample;
pub mod silence;
pub mod transcript;

mod error;

pub use error::MediaError;
