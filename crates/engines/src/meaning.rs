//! The app's embedding model as the core's [`Understand`]: chunks cut by the model's
//! own tokens, and their vectors.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use satchel_core::search::{Role, Understand};
use satchel_media::MediaError;

use crate::embed::{Embedder, EmbeddingModel, app_model};
use crate::onnx_model::OnnxModel;

/// An embedding model (the app's, unless told), loaded on first use.
pub struct Meaning {
    embedder: OnnxModel<Embedder>,
    model: &'static EmbeddingModel,
}

impl Meaning {
    pub fn new(dirs: Vec<PathBuf>) -> Self {
        Self::with_model(dirs, app_model())
    }

    /// `model` instead of the app's: for measuring one against another.
    pub fn with_model(dirs: Vec<PathBuf>, model: &'static EmbeddingModel) -> Self {
        Self {
            embedder: OnnxModel::new(dirs, model.onnx),
            model,
        }
    }

    fn embedder(&self) -> Result<Arc<Embedder>, MediaError> {
        let model = self.model;
        self.embedder
            .get(|library, dir, threads| Embedder::load_model(library, dir, model, threads))
    }
}

impl Understand for Meaning {
    fn name(&self) -> &str {
        self.model.name
    }

    fn unrelated(&self) -> f32 {
        self.model.unrelated
    }

    fn chunk(&self, text: &str) -> Result<Vec<Range<usize>>, MediaError> {
        Ok(self.embedder()?.chunks(text))
    }

    fn embed(&self, texts: &[&str], role: Role) -> Result<Vec<Vec<f32>>, MediaError> {
        self.embedder()?.embed(texts, role)
    }
}
