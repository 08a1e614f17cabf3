//! Speech to text as the core sees it: a small trait it owns, and its one real
//! implementation over `satchel-media`'s Whisper. The core decides which model a
//! request needs and finds it; `media` does the listening.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, PoisonError};

use satchel_media::MediaError;
use satchel_media::audio::{AudioLimits, AudioReader, AudioSource};
use satchel_media::speech::{SpeechModel, TranscribeOptions};
pub use satchel_media::voice::{Progress, ProgressFn, Transcription};

/// English only, fast: what Satchel uses when the language is known to be English.
pub const ENGLISH_MODEL: &str = "ggml-tiny.en.bin";
/// Multilingual, and able to tell which language it hears.
pub const MULTILINGUAL_MODEL: &str = "ggml-base.bin";

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

/// Where models are looked for, first match wins: `SATCHEL_MODELS_DIR`, the app's
/// bundled resources, then the cache `cargo xtask models` fills.
pub fn model_dirs(resources: Option<PathBuf>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = std::env::var_os("SATCHEL_MODELS_DIR") {
        dirs.push(PathBuf::from(dir));
    }
    if let Some(resources) = resources {
        dirs.push(resources.join("models"));
    }
    if let Some(base) = directories::BaseDirs::new() {
        dirs.push(base.cache_dir().join("satchel/models"));
    }
    dirs
}

/// Whisper through `satchel-media`, each model loaded once and shared.
pub struct Whisper {
    dirs: Vec<PathBuf>,
    loaded: Mutex<HashMap<&'static str, Arc<SpeechModel>>>,
    threads: usize,
}

impl Whisper {
    pub fn new(dirs: Vec<PathBuf>) -> Self {
        Self {
            dirs,
            loaded: Mutex::new(HashMap::new()),
            threads: TranscribeOptions::default().threads,
        }
    }

    /// Which of the installed models serves `language`, and where it is.
    fn choose(&self, language: Option<&str>) -> Result<(&'static str, PathBuf), MediaError> {
        let english = self.find(ENGLISH_MODEL);
        let multilingual = self.find(MULTILINGUAL_MODEL);
        let chosen = match language {
            Some("en") => english
                .map(|p| (ENGLISH_MODEL, p))
                .or(multilingual.map(|p| (MULTILINGUAL_MODEL, p))),
            // Detection needs the multilingual model; with only the English one
            // installed, English is the best guess there is.
            None => multilingual
                .map(|p| (MULTILINGUAL_MODEL, p))
                .or(english.map(|p| (ENGLISH_MODEL, p))),
            Some(_) => multilingual.map(|p| (MULTILINGUAL_MODEL, p)),
        };
        chosen.ok_or_else(|| {
            let wanted = if language.is_some_and(|l| l != "en") {
                MULTILINGUAL_MODEL
            } else {
                ENGLISH_MODEL
            };
            MediaError::ModelMissing {
                path: self
                    .dirs
                    .last()
                    .map_or_else(|| PathBuf::from(wanted), |d| d.join(wanted)),
            }
        })
    }

    fn find(&self, file: &str) -> Option<PathBuf> {
        self.dirs.iter().map(|d| d.join(file)).find(|p| p.is_file())
    }

    fn model(&self, language: Option<&str>) -> Result<Arc<SpeechModel>, MediaError> {
        let (name, path) = self.choose(language)?;
        let mut loaded = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(model) = loaded.get(name) {
            return Ok(Arc::clone(model));
        }
        let model = Arc::new(SpeechModel::load(&path)?);
        loaded.insert(name, Arc::clone(&model));
        Ok(model)
    }
}

impl Transcriber for Whisper {
    fn transcribe(
        &self,
        audio: Audio,
        language: Option<&str>,
        progress: ProgressFn,
        cancel: Arc<AtomicBool>,
    ) -> Result<Transcription, MediaError> {
        let model = self.model(language)?;
        let reader = AudioReader::from_source(
            audio.source,
            audio.size,
            audio.extension.as_deref(),
            AudioLimits::default(),
        )?;
        let options = TranscribeOptions {
            language: language
                .map(str::to_owned)
                .or_else(|| (!model.is_multilingual()).then(|| "en".to_owned())),
            threads: self.threads,
        };
        satchel_media::voice::transcribe(reader, &model, &options, progress, cancel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_follows_the_language_and_what_is_installed() {
        let dir = tempfile::tempdir().unwrap();
        let whisper = Whisper::new(vec![dir.path().to_owned()]);
        let missing = whisper.choose(None).unwrap_err();
        assert!(missing.to_string().contains(ENGLISH_MODEL), "{missing}");

        std::fs::write(dir.path().join(ENGLISH_MODEL), b"").unwrap();
        assert_eq!(whisper.choose(None).unwrap().0, ENGLISH_MODEL);
        assert_eq!(whisper.choose(Some("en")).unwrap().0, ENGLISH_MODEL);
        let french = whisper.choose(Some("fr")).unwrap_err();
        assert!(french.to_string().contains(MULTILINGUAL_MODEL), "{french}");

        std::fs::write(dir.path().join(MULTILINGUAL_MODEL), b"").unwrap();
        assert_eq!(whisper.choose(None).unwrap().0, MULTILINGUAL_MODEL);
        assert_eq!(whisper.choose(Some("en")).unwrap().0, ENGLISH_MODEL);
        assert_eq!(whisper.choose(Some("fr")).unwrap().0, MULTILINGUAL_MODEL);
    }
}
