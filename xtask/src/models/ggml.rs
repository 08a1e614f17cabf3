//! CTranslate2 Whisper → whisper.cpp's GGML file. The weights are the same numbers;
//! this renames tensors to OpenAI's names, splits CTranslate2's fused attention
//! projections, and lays the file out as whisper.cpp's loader expects (see
//! ../shared/RECIPES.md for the format).
//!
//! Optionally the matrices are quantised as whisper.cpp's own `quantize` tool does it
//! (Q8_0 or Q5_1, ggml's reference quantisers, bit for bit), so a smaller model comes
//! from the same pinned weights without a C toolchain or a model hub.

use std::collections::HashMap;

use anyhow::{Context, bail};
use half::f16;

use super::ct2::{DType, Model, Variable};
use super::mel;

const MAGIC: u32 = 0x6767_6d6c;
const END_OF_TEXT: &str = "<|endoftext|>";

/// Values per quantisation block (ggml's `QK8_0` and `QK5_1`).
pub const BLOCK: usize = 32;
/// ggml's `GGML_QNT_VERSION` and `GGML_QNT_VERSION_FACTOR`: a quantised file's header
/// says `version * factor + ftype`, and the loader splits it again.
const QNT_VERSION: usize = 2;
const QNT_VERSION_FACTOR: usize = 1000;

/// A block format for the weight matrices; without one they are f16. Everything
/// else (conv kernels f16; biases, norms, positional embeddings f32) is stored the
/// same either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quant {
    Q8_0,
    Q5_1,
}

/// The header's `ftype` for f16 matrices, ggml's `GGML_FTYPE_MOSTLY_F16`.
const FTYPE_F16: usize = 1;
/// A tensor header's `ggml_type` for f32 and f16 data.
const TYPE_F32: usize = 0;
const TYPE_F16: usize = 1;

impl Quant {
    /// The manifest's spelling: "q8_0" or "q5_1".
    pub fn parse(name: &str) -> anyhow::Result<Self> {
        Ok(match name {
            "q8_0" => Quant::Q8_0,
            "q5_1" => Quant::Q5_1,
            other => bail!("unknown Whisper quantisation {other:?} (q8_0 or q5_1)"),
        })
    }

    /// The header's `ftype`: ggml's `GGML_FTYPE_MOSTLY_Q8_0` = 7 or `_Q5_1` = 9,
    /// tagged with the block format's version as whisper.cpp's `quantize` writes it.
    fn ftype(self) -> usize {
        QNT_VERSION * QNT_VERSION_FACTOR
            + match self {
                Quant::Q8_0 => 7,
                Quant::Q5_1 => 9,
            }
    }

    /// The tensor header's `ggml_type` for a matrix in this format.
    fn ggml_type(self) -> usize {
        match self {
            Quant::Q5_1 => 7,
            Quant::Q8_0 => 8,
        }
    }

    fn quantize(self, values: &[f32], out: &mut Vec<u8>) {
        match self {
            Quant::Q8_0 => quantize_q8_0(values, out),
            Quant::Q5_1 => quantize_q5_1(values, out),
        }
    }
}

/// ggml's `quantize_row_q8_0_ref` (ggml-quants.c): per block of 32 (34 bytes,
/// `block_q8_0`), `d = max|x| / 127` stored as f16, and each value as `round(x / d)`
/// in an i8 — computed with the f32 reciprocal, not the f16 `d`, and rounded half away
/// from zero (`roundf`, which `f32::round` is).
pub fn quantize_q8_0(values: &[f32], out: &mut Vec<u8>) {
    for block in values.chunks_exact(BLOCK) {
        // `MAX(amax, fabsf(v))` exactly, NaN handling included.
        let amax = block.iter().fold(0f32, |amax, v| {
            let a = v.abs();
            if amax > a { amax } else { a }
        });
        let d = amax / 127.0;
        let id = if d != 0.0 { 1.0 / d } else { 0.0 };
        out.extend(f16::from_f32(d).to_le_bytes());
        // |x·id| ≤ 127 (up to an ulp), so the cast never saturates in practice.
        out.extend(block.iter().map(|x| (x * id).round() as i8 as u8));
    }
}

/// ggml's `quantize_row_q5_1_ref`: per block of 32 (24 bytes, `block_q5_1`),
/// `d = (max - min) / 31` and `m = min` as f16, each value as the 5-bit
/// `(x - min) / d + 0.5` truncated (again with the f32 reciprocal); the low four bits
/// packed two a byte (value j and j + 16), the fifth bits gathered in a little-endian
/// u32 (bit j for value j).
pub fn quantize_q5_1(values: &[f32], out: &mut Vec<u8>) {
    for block in values.chunks_exact(BLOCK) {
        let (mut min, mut max) = (f32::MAX, -f32::MAX);
        for &v in block {
            if v < min {
                min = v;
            }
            if v > max {
                max = v;
            }
        }
        let d = (max - min) / 31.0;
        let id = if d != 0.0 { 1.0 / d } else { 0.0 };
        out.extend(f16::from_f32(d).to_le_bytes());
        out.extend(f16::from_f32(min).to_le_bytes());
        let (low, high) = block.split_at(BLOCK / 2);
        let mut qh = 0u32;
        let mut qs = [0u8; BLOCK / 2];
        for (j, (x0, x1)) in low.iter().zip(high).enumerate() {
            // C's `(uint8_t)(x + 0.5f)`: truncation of a value in [0, 31.5].
            let xi0 = ((x0 - min) * id + 0.5) as u8;
            let xi1 = ((x1 - min) * id + 0.5) as u8;
            qs[j] = (xi0 & 0x0F) | ((xi1 & 0x0F) << 4);
            qh |= u32::from((xi0 & 0x10) >> 4) << j;
            qh |= u32::from((xi1 & 0x10) >> 4) << (j + BLOCK / 2);
        }
        out.extend(qh.to_le_bytes());
        out.extend(qs);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HParams {
    pub n_vocab: usize,
    pub n_audio_ctx: usize,
    pub n_audio_state: usize,
    pub n_audio_head: usize,
    pub n_audio_layer: usize,
    pub n_text_ctx: usize,
    pub n_text_state: usize,
    pub n_text_head: usize,
    pub n_text_layer: usize,
    pub n_mels: usize,
}

pub struct Converted {
    pub bytes: Vec<u8>,
    pub tensors: usize,
    /// Of those, the matrices stored quantised.
    pub quantised: usize,
    pub hparams: HParams,
}

fn layers(model: &Model, prefix: &str) -> usize {
    (0..)
        .take_while(|i| {
            model
                .variables
                .keys()
                .any(|k| k.starts_with(&format!("{prefix}/layer_{i}/")))
        })
        .count()
}

fn hparams(model: &Model) -> anyhow::Result<HParams> {
    let embeddings = &model.get("decoder/embeddings/weight")?.shape;
    let audio_positions = &model.get("encoder/position_encodings/encodings")?.shape;
    let text_positions = &model.get("decoder/position_encodings/encodings")?.shape;
    let conv1 = &model.get("encoder/conv1/weight")?.shape;
    let head_count =
        |name: &str| -> anyhow::Result<usize> { Ok(usize::try_from(model.get(name)?.scalar()?)?) };
    let (
        Some(&n_vocab),
        Some(&n_text_state),
        Some(&n_audio_ctx),
        Some(&n_audio_state),
        Some(&n_text_ctx),
        Some(&n_mels),
    ) = (
        embeddings.first(),
        embeddings.get(1),
        audio_positions.first(),
        audio_positions.get(1),
        text_positions.first(),
        conv1.get(1),
    )
    else {
        bail!("unexpected tensor shapes in the Whisper model");
    };
    Ok(HParams {
        n_vocab,
        n_audio_ctx,
        n_audio_state,
        n_audio_head: head_count("encoder/num_heads")?,
        n_audio_layer: layers(model, "encoder"),
        n_text_ctx,
        n_text_state,
        n_text_head: head_count("decoder/num_heads")?,
        n_text_layer: layers(model, "decoder"),
        n_mels,
    })
}

/// GPT-2's reversible byte ↔ printable-character table: token text in
/// `vocabulary.txt` is written with it, GGML wants the raw bytes.
fn unicode_to_byte() -> HashMap<char, u8> {
    let mut printable: Vec<u32> = (u32::from(b'!')..=u32::from(b'~'))
        .chain(0xA1..=0xAC)
        .chain(0xAE..=0xFF)
        .collect();
    let mut chars = printable.clone();
    let mut extra = 0;
    for b in 0..=255u32 {
        if !printable.contains(&b) {
            printable.push(b);
            chars.push(256 + extra);
            extra += 1;
        }
    }
    printable
        .into_iter()
        .zip(chars)
        .filter_map(|(b, c)| Some((char::from_u32(c)?, u8::try_from(b).ok()?)))
        .collect()
}

struct Writer {
    out: Vec<u8>,
    tensors: usize,
    quantised: usize,
    quant: Option<Quant>,
}

/// How one tensor is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Storage {
    F32,
    F16,
    Quantised(Quant),
}

impl Writer {
    fn new(quant: Option<Quant>, capacity: usize) -> Self {
        Self {
            out: Vec::with_capacity(capacity),
            tensors: 0,
            quantised: 0,
            quant,
        }
    }

    fn i32(&mut self, value: usize) -> anyhow::Result<()> {
        self.out.extend(i32::try_from(value)?.to_le_bytes());
        Ok(())
    }

    /// Vectors, conv biases and positional embeddings as f32, the rest as f16
    /// (whisper.cpp's own converter makes the same choice). Quantised, the matrices
    /// (every 2-D tensor but those f32 ones) take the quantised type, as whisper.cpp's
    /// `quantize` decides and its loader expects (`wtype`); the 3-D conv kernels stay
    /// f16 (`vtype`).
    fn storage(&self, name: &str, shape: &[usize]) -> Storage {
        let as_f32 = shape.len() < 2
            || name.ends_with("conv1.bias")
            || name.ends_with("conv2.bias")
            || name.ends_with("positional_embedding");
        match (as_f32, shape.len(), self.quant) {
            (true, _, _) => Storage::F32,
            (false, 2, Some(quant)) => Storage::Quantised(quant),
            _ => Storage::F16,
        }
    }

    fn tensor(&mut self, name: &str, shape: &[usize], values: &[f32]) -> anyhow::Result<()> {
        if shape.iter().product::<usize>() != values.len() {
            bail!("{name}: {} values for shape {shape:?}", values.len());
        }
        let storage = self.storage(name, shape);
        // Blocks run along a row (ggml's ne[0], the last dimension here), so rows must
        // hold whole blocks; every Whisper matrix's does.
        if let Storage::Quantised(_) = storage
            && !shape.last().is_some_and(|row| row.is_multiple_of(BLOCK))
        {
            bail!("{name}: rows of shape {shape:?} do not split into blocks of {BLOCK}");
        }
        self.i32(shape.len())?;
        self.i32(name.len())?;
        self.i32(match storage {
            Storage::F32 => TYPE_F32,
            Storage::F16 => TYPE_F16,
            Storage::Quantised(quant) => quant.ggml_type(),
        })?;
        for &dim in shape.iter().rev() {
            self.i32(dim)?;
        }
        self.out.extend(name.as_bytes());
        match storage {
            Storage::F32 => values.iter().for_each(|v| self.out.extend(v.to_le_bytes())),
            Storage::F16 => values
                .iter()
                .for_each(|v| self.out.extend(f16::from_f32(*v).to_le_bytes())),
            Storage::Quantised(quant) => {
                quant.quantize(values, &mut self.out);
                self.quantised += 1;
            }
        }
        self.tensors += 1;
        Ok(())
    }
}

fn values(variable: &Variable) -> anyhow::Result<Vec<f32>> {
    let chunks = variable.data.chunks_exact(variable.dtype.size());
    Ok(match variable.dtype {
        DType::F32 => chunks
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
        DType::F16 => chunks
            .map(|c| f16::from_le_bytes([c[0], c[1]]).to_f32())
            .collect(),
        DType::Bf16 => chunks
            .map(|c| half::bf16::from_le_bytes([c[0], c[1]]).to_f32())
            .collect(),
        other => bail!("weights of type {other:?} (quantised models are not supported)"),
    })
}

/// Copies `from` (a CT2 tensor) as `to`; with `rows`, only that row range of a fused
/// projection.
struct TensorCopier<'a> {
    model: &'a Model,
    writer: &'a mut Writer,
}

impl TensorCopier<'_> {
    fn whole(&mut self, from: &str, to: &str) -> anyhow::Result<()> {
        let variable = self.model.get(from)?;
        let data = values(variable).with_context(|| from.to_owned())?;
        self.writer.tensor(to, &variable.shape, &data)
    }

    /// Part `part` of `parts` equal row blocks of a fused weight or bias.
    fn split(&mut self, from: &str, part: usize, parts: usize, to: &str) -> anyhow::Result<()> {
        let variable = self.model.get(from)?;
        let data = values(variable)?;
        let mut shape = variable.shape.clone();
        let Some(rows) = shape.first_mut() else {
            bail!("{from} is a scalar");
        };
        if *rows % parts != 0 {
            bail!("{from}: {rows} rows do not split in {parts}");
        }
        *rows /= parts;
        let block = data.len() / parts;
        self.writer
            .tensor(to, &shape, &data[part * block..(part + 1) * block])
    }

    fn norm(&mut self, from: &str, to: &str) -> anyhow::Result<()> {
        self.whole(&format!("{from}/gamma"), &format!("{to}.weight"))?;
        self.whole(&format!("{from}/beta"), &format!("{to}.bias"))
    }

    fn linear(&mut self, from: &str, to: &str) -> anyhow::Result<()> {
        self.whole(&format!("{from}/weight"), &format!("{to}.weight"))?;
        self.whole(&format!("{from}/bias"), &format!("{to}.bias"))
    }

    fn conv(&mut self, from: &str, to: &str) -> anyhow::Result<()> {
        self.whole(&format!("{from}/weight"), &format!("{to}.weight"))?;
        let bias = self.model.get(&format!("{from}/bias"))?;
        let data = values(bias)?;
        // whisper.cpp adds the bias to a [n_ctx, n_state] result: it wants [n_state, 1].
        self.writer
            .tensor(&format!("{to}.bias"), &[data.len(), 1], &data)
    }

    /// Self-attention: CT2 fuses Q, K and V in `linear_0`; OpenAI's key has no bias.
    fn self_attention(&mut self, from: &str, to: &str) -> anyhow::Result<()> {
        let (weight, bias) = (
            format!("{from}/linear_0/weight"),
            format!("{from}/linear_0/bias"),
        );
        self.split(&weight, 0, 3, &format!("{to}.query.weight"))?;
        self.split(&bias, 0, 3, &format!("{to}.query.bias"))?;
        self.split(&weight, 1, 3, &format!("{to}.key.weight"))?;
        self.split(&weight, 2, 3, &format!("{to}.value.weight"))?;
        self.split(&bias, 2, 3, &format!("{to}.value.bias"))?;
        self.linear(&format!("{from}/linear_1"), &format!("{to}.out"))
    }

    /// Cross-attention: query alone in `linear_0`, K and V fused in `linear_1`.
    fn cross_attention(&mut self, from: &str, to: &str) -> anyhow::Result<()> {
        self.linear(&format!("{from}/linear_0"), &format!("{to}.query"))?;
        let (weight, bias) = (
            format!("{from}/linear_1/weight"),
            format!("{from}/linear_1/bias"),
        );
        self.split(&weight, 0, 2, &format!("{to}.key.weight"))?;
        self.split(&weight, 1, 2, &format!("{to}.value.weight"))?;
        self.split(&bias, 1, 2, &format!("{to}.value.bias"))?;
        self.linear(&format!("{from}/linear_2"), &format!("{to}.out"))
    }

    fn ffn(&mut self, from: &str, to: &str) -> anyhow::Result<()> {
        self.norm(&format!("{from}/layer_norm"), &format!("{to}.mlp_ln"))?;
        self.linear(&format!("{from}/linear_0"), &format!("{to}.mlp.0"))?;
        self.linear(&format!("{from}/linear_1"), &format!("{to}.mlp.2"))
    }
}

/// The GGML file; with `quant`, its weight matrices in that block format.
pub fn convert(model: &Model, vocabulary: &str, quant: Option<Quant>) -> anyhow::Result<Converted> {
    if model.spec != "WhisperSpec" {
        bail!("expected a Whisper model, found {:?}", model.spec);
    }
    let hp = hparams(model)?;
    let mut writer = Writer::new(
        quant,
        model
            .variables
            .values()
            .map(|v| v.data.len())
            .sum::<usize>()
            + (1 << 20),
    );
    writer.out.extend(MAGIC.to_le_bytes());
    for value in [
        hp.n_vocab,
        hp.n_audio_ctx,
        hp.n_audio_state,
        hp.n_audio_head,
        hp.n_audio_layer,
        hp.n_text_ctx,
        hp.n_text_state,
        hp.n_text_head,
        hp.n_text_layer,
        hp.n_mels,
        quant.map_or(FTYPE_F16, Quant::ftype),
    ] {
        writer.i32(value)?;
    }

    writer.i32(hp.n_mels)?;
    writer.i32(mel::BINS)?;
    for weight in mel::filters(hp.n_mels) {
        writer.out.extend(weight.to_le_bytes());
    }

    let tokens: Vec<&str> = vocabulary.lines().collect();
    let count = tokens
        .iter()
        .position(|t| *t == END_OF_TEXT)
        .context("vocabulary.txt has no <|endoftext|>")?;
    writer.i32(count)?;
    let table = unicode_to_byte();
    for token in &tokens[..count] {
        let bytes: Vec<u8> = token
            .chars()
            .map(|c| {
                table
                    .get(&c)
                    .copied()
                    .with_context(|| format!("token {token:?} has {c:?}"))
            })
            .collect::<anyhow::Result<_>>()?;
        writer.i32(bytes.len())?;
        writer.out.extend(bytes);
    }

    let mut copy = TensorCopier {
        model,
        writer: &mut writer,
    };
    copy.conv("encoder/conv1", "encoder.conv1")?;
    copy.conv("encoder/conv2", "encoder.conv2")?;
    copy.whole(
        "encoder/position_encodings/encodings",
        "encoder.positional_embedding",
    )?;
    for i in 0..hp.n_audio_layer {
        let (from, to) = (format!("encoder/layer_{i}"), format!("encoder.blocks.{i}"));
        copy.norm(
            &format!("{from}/self_attention/layer_norm"),
            &format!("{to}.attn_ln"),
        )?;
        copy.self_attention(&format!("{from}/self_attention"), &format!("{to}.attn"))?;
        copy.ffn(&format!("{from}/ffn"), &to)?;
    }
    copy.norm("encoder/layer_norm", "encoder.ln_post")?;

    copy.whole(
        "decoder/embeddings/weight",
        "decoder.token_embedding.weight",
    )?;
    copy.whole(
        "decoder/position_encodings/encodings",
        "decoder.positional_embedding",
    )?;
    for i in 0..hp.n_text_layer {
        let (from, to) = (format!("decoder/layer_{i}"), format!("decoder.blocks.{i}"));
        copy.norm(
            &format!("{from}/self_attention/layer_norm"),
            &format!("{to}.attn_ln"),
        )?;
        copy.self_attention(&format!("{from}/self_attention"), &format!("{to}.attn"))?;
        copy.norm(
            &format!("{from}/attention/layer_norm"),
            &format!("{to}.cross_attn_ln"),
        )?;
        copy.cross_attention(&format!("{from}/attention"), &format!("{to}.cross_attn"))?;
        copy.ffn(&format!("{from}/ffn"), &to)?;
    }
    copy.norm("decoder/layer_norm", "decoder.ln")?;

    Ok(Converted {
        tensors: writer.tensors,
        quantised: writer.quantised,
        bytes: writer.out,
        hparams: hp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Weights-like values in [-scale, scale): a fixed xorshift, so failures repeat.
    fn values(n: usize, seed: u64, scale: f32) -> Vec<f32> {
        let mut state = seed.max(1);
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                ((state >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * scale
            })
            .collect()
    }

    fn f16_at(bytes: &[u8], at: usize) -> f32 {
        f16::from_le_bytes([bytes[at], bytes[at + 1]]).to_f32()
    }

    /// ggml's `dequantize_row_q8_0`: `q · d` with the stored f16 `d`.
    fn dequantize_q8_0(bytes: &[u8]) -> Vec<f32> {
        bytes
            .chunks_exact(34)
            .flat_map(|b| {
                let d = f16_at(b, 0);
                b[2..].iter().map(move |q| f32::from(*q as i8) * d)
            })
            .collect()
    }

    /// ggml's `dequantize_row_q5_1`: `q · d + m`, q's fifth bit from `qh`.
    fn dequantize_q5_1(bytes: &[u8]) -> Vec<f32> {
        bytes
            .chunks_exact(24)
            .flat_map(|b| {
                let (d, m) = (f16_at(b, 0), f16_at(b, 2));
                let qh = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
                (0..BLOCK).map(move |j| {
                    let nibble = if j < 16 {
                        b[8 + j] & 0x0F
                    } else {
                        b[8 + j - 16] >> 4
                    };
                    let q = u32::from(nibble) | (((qh >> j) & 1) << 4);
                    q as f32 * d + m
                })
            })
            .collect()
    }

    #[test]
    fn q8_0_comes_back_within_half_a_step() {
        let x = values(BLOCK * 64, 7, 0.2);
        let mut out = Vec::new();
        quantize_q8_0(&x, &mut out);
        assert_eq!(out.len(), x.len() / BLOCK * 34);
        let back = dequantize_q8_0(&out);
        for (block, (x, back)) in x.chunks(BLOCK).zip(back.chunks(BLOCK)).enumerate() {
            let amax = x.iter().fold(0f32, |m, v| m.max(v.abs()));
            let d = amax / 127.0;
            let d16 = f16_at(&out, block * 34);
            let quants = &out[block * 34 + 2..(block + 1) * 34];
            for ((x, back), q) in x.iter().zip(back).zip(quants) {
                // Half a step against the f32 scale the quantiser divided by…
                let q = f32::from(*q as i8);
                assert!((x - q * d).abs() <= d / 2.0 * (1.0 + 1e-5), "{x} → {q}·{d}");
                // …and, as ggml reads it back with the f16 scale, that scale's rounding
                // on top, at most 127 times.
                let bound = d / 2.0 + 127.0 * (d - d16).abs();
                assert!((x - back).abs() <= bound * (1.0 + 1e-5), "{x} → {back}");
            }
            // The largest magnitude is exactly ±127 steps.
            assert!(quants.iter().any(|q| (*q as i8).unsigned_abs() == 127));
        }
    }

    #[test]
    fn q5_1_comes_back_within_a_step() {
        let x = values(BLOCK * 64, 11, 0.2);
        let mut out = Vec::new();
        quantize_q5_1(&x, &mut out);
        assert_eq!(out.len(), x.len() / BLOCK * 24);
        let back = dequantize_q5_1(&out);
        for (block, (x, back)) in x.chunks(BLOCK).zip(back.chunks(BLOCK)).enumerate() {
            let d = f16_at(&out, block * 24);
            for (x, back) in x.iter().zip(back) {
                assert!((x - back).abs() <= d, "{x} → {back} (d {d})");
            }
            // The block's minimum is stored as the offset, its maximum as 31 steps.
            let min = x.iter().fold(f32::MAX, |m, v| m.min(*v));
            assert_eq!(f16_at(&out, block * 24 + 2), f16::from_f32(min).to_f32());
        }
    }

    #[test]
    fn q8_0_block_by_hand() {
        // amax 127: d = 1 exactly, so the quants are the values rounded half away from
        // zero (-63.5 → -64, 2.5 → 3: not to even).
        let mut x = [0f32; BLOCK];
        x[..6].copy_from_slice(&[127.0, -63.5, 0.5, -0.5, 1.5, 2.5]);
        let mut out = Vec::new();
        quantize_q8_0(&x, &mut out);
        let mut expected = vec![0x00, 0x3C, 0x7F, 0xC0, 0x01, 0xFF, 0x02, 0x03];
        expected.resize(34, 0);
        assert_eq!(out, expected);
    }

    #[test]
    fn q5_1_block_by_hand() {
        // min -15.5, max 15.5: d = 1, m = -15.5 (f16 0xCBC0); quants are x + 15.5 + 0.5
        // truncated: 0 → 16 (fifth bit set, low nibble 0), 1.25 → 17, 7 → 23.
        let mut x = [0f32; BLOCK];
        x[0] = -15.5;
        x[1] = -15.0;
        x[2] = 1.25;
        x[16] = -11.5;
        x[17] = 7.0;
        x[31] = 15.5;
        let mut out = Vec::new();
        quantize_q5_1(&x, &mut out);
        let mut expected = vec![0x00, 0x3C, 0xC0, 0xCB];
        // Fifth bits: values 2..=15 and 17..=31.
        expected.extend(0xFFFE_FFFCu32.to_le_bytes());
        // Low nibbles, value j low and j + 16 high: (0, 4), (1, 7), (1, 0), then
        // (0, 0) up to (0, 15) for j = 15.
        expected.extend([0x40, 0x71, 0x01]);
        expected.extend([0x00; 12]);
        expected.push(0xF0);
        assert_eq!(out, expected);

        // Counting up from 0 to 31: d = 1, m = 0, every value its own quant.
        let x: Vec<f32> = (0..BLOCK).map(|j| j as f32).collect();
        let mut out = Vec::new();
        quantize_q5_1(&x, &mut out);
        let mut expected = vec![0x00, 0x3C, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        expected.extend((0..16u8).map(|j| j | (j << 4)));
        assert_eq!(out, expected);
    }

    #[test]
    fn a_flat_block_has_d_zero() {
        for value in [0.0f32, -0.0] {
            let mut out = Vec::new();
            quantize_q8_0(&[value; BLOCK], &mut out);
            assert_eq!(out, [0u8; 34], "{value}");
            // Q5_1 stores the block's minimum as it is: -0 keeps its sign (f16 0x8000),
            // as ggml's f32 → f16 conversion keeps it.
            let mut out = Vec::new();
            quantize_q5_1(&[value; BLOCK], &mut out);
            let mut expected = [0u8; 24];
            expected[3] = if value.is_sign_negative() { 0x80 } else { 0 };
            assert_eq!(out, expected, "{value}");
        }
        // Q5_1 keeps a constant block's value as its offset, with every quant 0.
        let mut out = Vec::new();
        quantize_q5_1(&[0.75; BLOCK], &mut out);
        let mut expected = vec![0x00, 0x00, 0x00, 0x3A];
        expected.resize(24, 0);
        assert_eq!(out, expected);
        assert!(dequantize_q5_1(&out).iter().all(|v| *v == 0.75));
        // Q8_0's constant block is ±127 steps.
        let mut out = Vec::new();
        quantize_q8_0(&[-0.5; BLOCK], &mut out);
        assert!(out[2..].iter().all(|q| *q as i8 == -127));
    }

    #[test]
    fn q8_0_is_symmetric_in_sign() {
        let x = values(BLOCK * 16, 3, 1.0);
        let negated: Vec<f32> = x.iter().map(|v| -v).collect();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        quantize_q8_0(&x, &mut a);
        quantize_q8_0(&negated, &mut b);
        for (a, b) in a.chunks(34).zip(b.chunks(34)) {
            assert_eq!(a[..2], b[..2]);
            for (qa, qb) in a[2..].iter().zip(&b[2..]) {
                assert_eq!(*qa as i8, -(*qb as i8));
            }
        }
    }

    #[test]
    fn matrices_are_quantised_and_the_rest_kept() {
        let mut writer = Writer::new(Some(Quant::Q5_1), 0);
        let storage = |w: &Writer, name: &str, shape: &[usize]| w.storage(name, shape);
        let q = Storage::Quantised(Quant::Q5_1);
        assert_eq!(
            storage(&writer, "encoder.blocks.0.attn.query.weight", &[8, 64]),
            q
        );
        assert_eq!(
            storage(&writer, "decoder.token_embedding.weight", &[8, 64]),
            q
        );
        assert_eq!(
            storage(&writer, "decoder.blocks.0.mlp.0.weight", &[8, 64]),
            q
        );
        assert_eq!(
            storage(&writer, "encoder.positional_embedding", &[8, 64]),
            Storage::F32
        );
        assert_eq!(
            storage(&writer, "decoder.positional_embedding", &[8, 64]),
            Storage::F32
        );
        assert_eq!(
            storage(&writer, "encoder.conv1.bias", &[64, 1]),
            Storage::F32
        );
        assert_eq!(
            storage(&writer, "encoder.conv2.bias", &[64, 1]),
            Storage::F32
        );
        assert_eq!(
            storage(&writer, "encoder.conv1.weight", &[64, 80, 3]),
            Storage::F16
        );
        assert_eq!(storage(&writer, "decoder.ln.weight", &[64]), Storage::F32);
        assert_eq!(
            storage(
                &Writer::new(None, 0),
                "decoder.blocks.0.mlp.0.weight",
                &[8, 64]
            ),
            Storage::F16
        );

        // Header: n_dims, name length, ggml_type 7, dims reversed, name, 2 × 2 blocks.
        let name = "encoder.blocks.0.attn.query.weight";
        writer.tensor(name, &[2, 64], &values(128, 5, 1.0)).unwrap();
        let header: Vec<u8> = [2, name.len(), 7, 64, 2]
            .iter()
            .flat_map(|v| (*v as i32).to_le_bytes())
            .collect();
        assert_eq!(writer.out[..20], header);
        assert_eq!(writer.out.len(), 20 + name.len() + 4 * 24);
        assert_eq!((writer.tensors, writer.quantised), (1, 1));
        // A row that does not hold whole blocks is refused, not padded.
        assert!(writer.tensor(name, &[2, 48], &[0.0; 96]).is_err());
    }

    #[test]
    fn the_header_names_the_format_as_whisper_cpp_reads_it() {
        // whisper.cpp: qntvr = ftype / 1000, ftype % 1000 → GGML_FTYPE_MOSTLY_Q8_0 (7)
        // or _Q5_1 (9).
        assert_eq!(Quant::Q8_0.ftype(), 2007);
        assert_eq!(Quant::Q5_1.ftype(), 2009);
        assert_eq!(Quant::parse("q5_1").unwrap(), Quant::Q5_1);
        assert!(Quant::parse("q4_0").is_err());
    }

    #[test]
    fn the_byte_table_covers_every_byte_once() {
        let table = unicode_to_byte();
        assert_eq!(table.len(), 256);
        assert_eq!(table[&'Ġ'], b' ');
        assert_eq!(table[&'!'], b'!');
        let mut bytes: Vec<u8> = table.values().copied().collect();
        bytes.sort_unstable();
        bytes.dedup();
        assert_eq!(bytes.len(), 256);
    }
}
