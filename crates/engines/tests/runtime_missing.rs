//! A missing ONNX Runtime library is its own clear error. This runs in a process of
//! its own: ONNX Runtime is loaded once per process, so in one that has loaded it
//! already (the other engine tests), the runtime is never missing and the next thing
//! missing, the model, is reported instead.

use satchel_engines::ocr::OcrEngine;
use satchel_media::MediaError;

#[test]
fn a_missing_runtime_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let error = OcrEngine::load(&dir.path().join("libonnxruntime.so"), dir.path(), 1).unwrap_err();
    assert!(
        matches!(error, MediaError::RuntimeMissing { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("cargo xtask models"), "{error}");
}
