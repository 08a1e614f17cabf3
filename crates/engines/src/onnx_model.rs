//! A model run on ONNX Runtime (the OCR's, the embedder's), loaded on first use from
//! the first model folder that holds it, and kept for the process.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use satchel_media::MediaError;

use crate::onnx::RUNTIME_LIBRARY;

pub(crate) struct OnnxModel<T> {
    dirs: Vec<PathBuf>,
    /// A file of the model, to tell which folder holds it.
    file: &'static str,
    loaded: Mutex<Option<Arc<T>>>,
}

impl<T> OnnxModel<T> {
    pub(crate) fn new(dirs: Vec<PathBuf>, file: &'static str) -> Self {
        Self {
            dirs,
            file,
            loaded: Mutex::new(None),
        }
    }

    /// The model, loaded by `load(runtime library, folder, threads)` the first time.
    pub(crate) fn get(
        &self,
        load: impl FnOnce(&Path, &Path, usize) -> Result<T, MediaError>,
    ) -> Result<Arc<T>, MediaError> {
        let mut loaded = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(model) = loaded.as_ref() {
            return Ok(Arc::clone(model));
        }
        // With no folder holding it, the first is named in the error.
        let dir = self
            .dirs
            .iter()
            .find(|d| d.join(self.file).is_file())
            .or(self.dirs.first())
            .cloned()
            .unwrap_or_default();
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
        let model = Arc::new(load(&dir.join(RUNTIME_LIBRARY), &dir, threads)?);
        *loaded = Some(Arc::clone(&model));
        Ok(model)
    }
}
