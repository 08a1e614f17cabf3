//! Whisper as the core's [`Transcriber`]: the core says which language it wants, this
//! chooses the installed model that serves it and loads it once.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, PoisonError};

use satchel_core::voice::{Audio, Transcriber};
use satchel_media::MediaError;
use satchel_media::audio::{AudioLimits, AudioReader};
use satchel_media::transcript::{ProgressFn, Transcription};

use crate::speech::{SpeechModel, TranscribeOptions};

/// English only, fast: what Satchel uses when the language is known to be English.
pub const ENGLISH_MODEL: &str = satchel_core::models::WHISPER_ENGLISH;
/// Multilingual, and able to tell which language it hears.
pub const MULTILINGUAL_MODEL: &str = satchel_core::models::WHISPER_MULTILINGUAL;

/// Whisper, each model loaded once and shared.
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
        satchel_core::models::find(&self.dirs, file)
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
        crate::voice::transcribe(reader, &model, &options, progress, cancel)
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
