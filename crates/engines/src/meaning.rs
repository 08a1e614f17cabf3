//! all-MiniLM-L6-v2 as the core's [`Understand`]: chunks cut by the model's own
//! tokens, and their vectors.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use satchel_core::search::Understand;
use satchel_media::MediaError;

use crate::embed::{EMBED_MODEL, Embedder};
use crate::onnx_model::OnnxModel;

/// all-MiniLM-L6-v2, loaded on first use.
pub struct Meaning {
    embedder: OnnxModel<Embedder>,
}

impl Meaning {
    pub fn new(dirs: Vec<PathBuf>) -> Self {
        Self {
            embedder: OnnxModel::new(dirs, EMBED_MODEL),
        }
    }

    fn embedder(&self) -> Result<Arc<Embedder>, MediaError> {
        self.embedder.get(Embedder::load)
    }
}

impl Understand for Meaning {
    fn chunk(&self, text: &str) -> Result<Vec<Range<usize>>, MediaError> {
        Ok(self.embedder()?.chunks(text))
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, MediaError> {
        self.embedder()?.embed(texts)
    }
}
