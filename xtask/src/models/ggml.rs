//! CTranslate2 Whisper → whisper.cpp's GGML file. The weights are the same numbers;
//! this renames tensors to OpenAI's names, splits CTranslate2's fused attention
//! projections, and lays the file out as whisper.cpp's loader expects (see
//! ../shared/RECIPES.md for the format).

use std::collections::HashMap;

use anyhow::{Context, bail};
use half::f16;

use super::ct2::{DType, Model, Variable};
use super::mel;

const MAGIC: u32 = 0x6767_6d6c;
const END_OF_TEXT: &str = "<|endoftext|>";

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
}

impl Writer {
    fn i32(&mut self, value: usize) -> anyhow::Result<()> {
        self.out.extend(i32::try_from(value)?.to_le_bytes());
        Ok(())
    }

    /// One tensor: 2-D and larger weights as f16; vectors, conv biases and positional
    /// embeddings as f32 (whisper.cpp's own converter makes the same choice).
    fn tensor(&mut self, name: &str, shape: &[usize], values: &[f32]) -> anyhow::Result<()> {
        if shape.iter().product::<usize>() != values.len() {
            bail!("{name}: {} values for shape {shape:?}", values.len());
        }
        let as_f32 = shape.len() < 2
            || name.ends_with("conv1.bias")
            || name.ends_with("conv2.bias")
            || name.ends_with("positional_embedding");
        self.i32(shape.len())?;
        self.i32(name.len())?;
        self.i32(if as_f32 { 0 } else { 1 })?;
        for &dim in shape.iter().rev() {
            self.i32(dim)?;
        }
        self.out.extend(name.as_bytes());
        if as_f32 {
            values.iter().for_each(|v| self.out.extend(v.to_le_bytes()));
        } else {
            values
                .iter()
                .for_each(|v| self.out.extend(f16::from_f32(*v).to_le_bytes()));
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

pub fn convert(model: &Model, vocabulary: &str) -> anyhow::Result<Converted> {
    if model.spec != "WhisperSpec" {
        bail!("expected a Whisper model, found {:?}", model.spec);
    }
    let hp = hparams(model)?;
    let mut writer = Writer {
        out: Vec::with_capacity(
            model
                .variables
                .values()
                .map(|v| v.data.len())
                .sum::<usize>()
                + (1 << 20),
        ),
        tensors: 0,
    };
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
        1, // ftype: mostly f16
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
        bytes: writer.out,
        hparams: hp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
