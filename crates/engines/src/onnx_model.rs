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
        // With no folder holding it, the first is named in the error. The runtime is
        // looked for on its own: a pack imported later may bring a model the package
        // lacked, while the runtime stays where the package put it.
        let first = || self.dirs.first().cloned().unwrap_or_default();
        let dir = find_dir(&self.dirs, self.file).unwrap_or_else(first);
        let library = find_dir(&self.dirs, RUNTIME_LIBRARY)
            .unwrap_or_else(|| dir.clone())
            .join(RUNTIME_LIBRARY);
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
        let model = Arc::new(load(&library, &dir, threads)?);
        *loaded = Some(Arc::clone(&model));
        Ok(model)
    }
}

fn find_dir(dirs: &[PathBuf], file: &str) -> Option<PathBuf> {
    satchel_core::models::find(dirs, file).and_then(|p| p.parent().map(|d| d.to_owned()))
}
