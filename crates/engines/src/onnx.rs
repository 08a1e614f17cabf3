//! ONNX Runtime, shared by the OCR and the text embedder: a shared library loaded from
//! an explicit path (never downloaded), one environment for the whole process.

use std::path::Path;
use std::sync::{Mutex, OnceLock, PoisonError};

use ort::environment::Environment;
use ort::session::Session;

use crate::MediaError;

/// The library's file, as `cargo xtask models` takes it from the onnxruntime wheel.
pub const RUNTIME_LIBRARY: &str = satchel_core::models::ONNX_RUNTIME;

static RUNTIME: OnceLock<Environment> = OnceLock::new();
static LOADING: Mutex<()> = Mutex::new(());

/// Loads ONNX Runtime from `library` once per process; later calls reuse it. A failure
/// is not remembered: the library may be installed while the app runs.
pub(crate) fn runtime(library: &Path) -> Result<&'static Environment, MediaError> {
    if let Some(environment) = RUNTIME.get() {
        return Ok(environment);
    }
    let _loading = LOADING.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(environment) = RUNTIME.get() {
        return Ok(environment);
    }
    let missing = |detail: String| MediaError::RuntimeMissing {
        path: library.to_owned(),
        detail,
    };
    if !library.is_file() {
        return Err(missing("the file does not exist".into()));
    }
    let environment = ort::init_from(library)
        .map_err(|e| missing(e.to_string()))?
        .with_name("satchel")
        .build()
        .map_err(|e| missing(e.to_string()))?;
    Ok(RUNTIME.get_or_init(|| environment))
}

/// The model at `path` ready to run on `threads` threads; a missing or unreadable
/// file is a clear error naming it.
pub(crate) fn load_session(
    environment: &Environment,
    path: &Path,
    threads: usize,
) -> Result<Session, MediaError> {
    if !path.is_file() {
        return Err(MediaError::ModelMissing {
            path: path.to_owned(),
        });
    }
    let invalid = |e: ort::Error| MediaError::ModelInvalid {
        path: path.to_owned(),
        detail: e.to_string(),
    };
    Session::builder(environment)
        .map_err(invalid)?
        .with_intra_threads(threads.max(1))
        .map_err(|e| invalid(e.into()))?
        .with_inter_threads(1)
        .map_err(|e| invalid(e.into()))?
        .commit_from_file(path)
        .map_err(invalid)
}
