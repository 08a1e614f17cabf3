//! The engines' tests against the real models and tools, one module a file, in one
//! test binary: one link for all of them instead of one each. Two are binaries of
//! their own: the three-hour recording (`long_recording`), so the peak memory it
//! measures is its own, and the microphone (`microphone`), so no model running in
//! another test competes with its real-time capture for the cores.

#[path = "../common/mod.rs"]
mod common;

mod audio_in;
mod concepts;
mod embed;
mod ocr;
mod pack_quality;
mod quantised;
mod recall;
mod recall_languages;
mod recall_languages_set;
mod recall_set;
mod scanned_pdf;
mod speech;
mod stored_recording;
