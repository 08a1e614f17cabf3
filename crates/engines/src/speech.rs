//! Speech to text with whisper.cpp (through whisper-rs): 16 kHz mono samples in,
//! timed segments and the spoken language out.

use std::ffi::c_void;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use whisper_rs::{FullParams, SamplingStrategy, WhisperContext, WhisperContextParameters};

use satchel_media::MediaError;
use satchel_media::transcript::{SAMPLE_RATE, Segment, Transcript};

use crate::ggml;

/// whisper.cpp misbehaves on under a second of audio; shorter clips are padded with
/// silence to this length.
const MIN_SAMPLES: usize = SAMPLE_RATE + SAMPLE_RATE / 4;

#[derive(Debug, Clone)]
pub struct TranscribeOptions {
    /// `None` detects the language (multilingual models only).
    pub language: Option<String>,
    pub threads: usize,
}

impl Default for TranscribeOptions {
    fn default() -> Self {
        Self {
            language: None,
            threads: std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .min(8),
        }
    }
}

/// The instructions whisper.cpp was compiled to use that this processor lacks. A
/// package's ggml is built for AVX2 (`GGML_NATIVE=OFF` turns on SSE4.2, AVX, AVX2, FMA,
/// F16C and BMI2); on an older processor its first use would stop the whole app with
/// an illegal instruction, so it is refused with an error the learner can read.
pub fn missing_instructions() -> Vec<&'static str> {
    #[cfg(target_arch = "x86_64")]
    {
        let mut missing = Vec::new();
        let wanted = [
            ("SSE4.2", std::arch::is_x86_feature_detected!("sse4.2")),
            ("AVX", std::arch::is_x86_feature_detected!("avx")),
            ("AVX2", std::arch::is_x86_feature_detected!("avx2")),
            ("FMA", std::arch::is_x86_feature_detected!("fma")),
            ("F16C", std::arch::is_x86_feature_detected!("f16c")),
            ("BMI2", std::arch::is_x86_feature_detected!("bmi2")),
        ];
        for (name, present) in wanted {
            if !present {
                missing.push(name);
            }
        }
        missing
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        Vec::new()
    }
}

/// A loaded Whisper model; one per process is plenty (it is read-only and shared).
pub struct SpeechModel {
    context: WhisperContext,
    path: PathBuf,
}

impl SpeechModel {
    /// Loads a GGML model after checking the whole file's layout, since whisper.cpp
    /// accepts or aborts on some malformed files instead of returning an error.
    pub fn load(path: &Path) -> Result<Self, MediaError> {
        let invalid = |detail: String| MediaError::ModelInvalid {
            path: path.to_owned(),
            detail,
        };
        let file = File::open(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => MediaError::ModelMissing {
                path: path.to_owned(),
            },
            _ => invalid(e.to_string()),
        })?;
        ggml::check(file).map_err(invalid)?;
        let missing = missing_instructions();
        if !missing.is_empty() {
            return Err(MediaError::UnsupportedProcessor {
                missing: missing.join(", "),
            });
        }
        whisper_rs::install_logging_hooks();
        let path_text = path
            .to_str()
            .ok_or_else(|| invalid("the path is not valid UTF-8".into()))?;
        let context =
            WhisperContext::new_with_params(path_text, WhisperContextParameters::default())
                .map_err(|e| invalid(e.to_string()))?;
        Ok(Self {
            context,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_multilingual(&self) -> bool {
        self.context.is_multilingual()
    }

    /// Transcribes `samples` (16 kHz mono, −1..1). `progress` hears 0–100; setting
    /// `cancel` stops the work at the next opportunity.
    pub fn transcribe(
        &self,
        samples: &[f32],
        options: &TranscribeOptions,
        progress: impl FnMut(i32) + 'static,
        cancel: Arc<AtomicBool>,
    ) -> Result<Transcript, MediaError> {
        if samples.iter().all(|s| *s == 0.0) {
            return Err(MediaError::NoAudio);
        }
        let mut padded;
        let samples = if samples.len() < MIN_SAMPLES {
            padded = samples.to_vec();
            padded.resize(MIN_SAMPLES, 0.0);
            &padded[..]
        } else {
            samples
        };
        if cancel.load(Ordering::Relaxed) {
            return Err(MediaError::Cancelled);
        }
        let failed = |e: whisper_rs::WhisperError| MediaError::Transcription(e.to_string());
        let mut state = self.context.create_state().map_err(failed)?;
        // Greedy at temperature 0; when a window's text fails whisper's checks (too
        // repetitive, too unlikely) it is decoded again at higher temperatures, and then
        // five samples are drawn and the likeliest kept, as faster-whisper and OpenAI's
        // Whisper do. One sample (this was best_of 1) keeps whatever a random draw made:
        // on espeak-ng's Spanish, 62 % of words wrong instead of (see the speech test).
        let mut params = FullParams::new(SamplingStrategy::Greedy { best_of: 5 });
        let language = match (&options.language, self.is_multilingual()) {
            (Some(language), _) => Some(language.as_str()),
            (None, true) => Some("auto"),
            (None, false) => Some("en"),
        };
        params.set_language(language);
        params.set_n_threads(i32::try_from(options.threads.max(1)).unwrap_or(1));
        params.set_print_special(false);
        params.set_print_progress(false);
        params.set_print_realtime(false);
        params.set_print_timestamps(false);
        params.set_progress_callback_safe(progress);
        // whisper-rs 0.16's `set_abort_callback_safe` reads its closure back as the
        // wrong type (every encode then fails with -6), so the flag is handed to
        // whisper.cpp directly: it is asked before each 30-second window is encoded
        // and, through ggml, between the steps of every computation.
        let flag: *const AtomicBool = Arc::as_ptr(&cancel);
        // SAFETY: both callbacks only read the AtomicBool behind `flag`, which `cancel`
        // keeps alive until `state.full` has returned and whisper.cpp holds no more
        // references to the pointer; an AtomicBool may be read from any thread.
        unsafe {
            params.set_start_encoder_callback(Some(keep_encoding));
            params.set_start_encoder_callback_user_data(flag.cast_mut().cast());
            params.set_abort_callback(Some(should_abort));
            params.set_abort_callback_user_data(flag.cast_mut().cast());
        }

        let result = state.full(params, samples);
        if cancel.load(Ordering::Relaxed) {
            return Err(MediaError::Cancelled);
        }
        result.map_err(failed)?;
        let language = whisper_rs::get_lang_str(state.full_lang_id_from_state())
            .unwrap_or("en")
            .to_owned();
        let segments = state
            .as_iter()
            .map(|segment| Segment {
                // whisper.cpp counts in centiseconds.
                start_ms: segment.start_timestamp() * 10,
                end_ms: segment.end_timestamp() * 10,
                text: segment
                    .to_str_lossy()
                    .map(|t| t.trim().to_owned())
                    .unwrap_or_default(),
            })
            .filter(|segment| !segment.text.is_empty())
            .collect();
        Ok(Transcript { language, segments })
    }
}

/// whisper.cpp's "may I encode the next window?" question.
unsafe extern "C" fn keep_encoding(
    _context: *mut whisper_rs::whisper_rs_sys::whisper_context,
    _state: *mut whisper_rs::whisper_rs_sys::whisper_state,
    flag: *mut c_void,
) -> bool {
    // SAFETY: `flag` is the AtomicBool `transcribe` registered and keeps alive.
    !unsafe { &*flag.cast::<AtomicBool>() }.load(Ordering::Relaxed)
}

/// ggml's "should this computation stop?" question.
unsafe extern "C" fn should_abort(flag: *mut c_void) -> bool {
    // SAFETY: as for `keep_encoding`.
    unsafe { &*flag.cast::<AtomicBool>() }.load(Ordering::Relaxed)
}

impl std::fmt::Debug for SpeechModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SpeechModel")
            .field("path", &self.path)
            .field("multilingual", &self.is_multilingual())
            .finish_non_exhaustive()
    }
}
