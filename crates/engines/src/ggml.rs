//! A full structural check of a Whisper GGML file before whisper.cpp sees it.
//! whisper.cpp trusts its input: a truncated or damaged file can load "successfully"
//! with garbage dimensions and crash later, or abort the process. Reading the layout
//! ourselves — header, mel filters, vocabulary, and every tensor's size — costs a few
//! milliseconds of seeking and turns all of that into a clear error.

use std::io::{BufReader, Read, Seek, SeekFrom};

/// "ggml", little-endian.
pub const MAGIC: u32 = 0x6767_6d6c;

/// Sanity bounds, well beyond any Whisper model (large-v3: 51,866 tokens, 1,280 wide,
/// 32 layers, 128 mel bands).
const MAX_VOCAB: i32 = 100_000;
const MAX_WIDTH: i32 = 8_192;
const MAX_LAYERS: i32 = 128;
const MAX_TOKEN_BYTES: i32 = 1_024;
/// The header's weight types whisper.cpp reads here: f32, f16, and as its `quantize`
/// tool writes them, Q8_0 and Q5_1 (`GGML_QNT_VERSION` 2 × 1000 + `GGML_FTYPE_MOSTLY_*`
/// 7 or 9).
const FILE_TYPES: [i32; 4] = [0, 1, 2007, 2009];

pub fn check(file: impl Read + Seek) -> Result<(), String> {
    let mut input = BufReader::new(file);
    let len = input.seek(SeekFrom::End(0)).map_err(|e| e.to_string())?;
    input.seek(SeekFrom::Start(0)).map_err(|e| e.to_string())?;
    let mut reader = Reader { input, len };

    if reader.u32()? != MAGIC {
        return Err("it does not start like a GGML file".into());
    }
    let [
        n_vocab,
        audio_ctx,
        audio_state,
        audio_head,
        audio_layer,
        text_ctx,
        text_state,
        text_head,
        text_layer,
        n_mels,
        ftype,
    ] = reader.i32s::<11>()?;
    let within = |what: &str, value: i32, max: i32| {
        if (1..=max).contains(&value) {
            Ok(())
        } else {
            Err(format!("its header gives {what} as {value}"))
        }
    };
    within("the vocabulary size", n_vocab, MAX_VOCAB)?;
    for (what, value) in [
        ("the audio context", audio_ctx),
        ("the audio width", audio_state),
        ("the text context", text_ctx),
        ("the text width", text_state),
    ] {
        within(what, value, MAX_WIDTH)?;
    }
    for (what, value) in [
        ("the audio heads", audio_head),
        ("the audio layers", audio_layer),
        ("the text heads", text_head),
        ("the text layers", text_layer),
    ] {
        within(what, value, MAX_LAYERS)?;
    }
    within("the mel bands", n_mels, 256)?;
    if !FILE_TYPES.contains(&ftype) {
        return Err(format!(
            "its weight type {ftype} is not f32, f16, Q8_0 or Q5_1"
        ));
    }

    let [filter_mels, filter_bins] = reader.i32s::<2>()?;
    within("the mel filter rows", filter_mels, 256)?;
    within("the mel filter columns", filter_bins, 4_096)?;
    reader.skip(4 * filter_mels as u64 * filter_bins as u64)?;

    let words = reader.i32()?;
    within("the vocabulary", words, MAX_VOCAB)?;
    for _ in 0..words {
        let bytes = reader.i32()?;
        if !(0..=MAX_TOKEN_BYTES).contains(&bytes) {
            return Err(format!("a vocabulary entry claims {bytes} bytes"));
        }
        reader.skip(bytes as u64)?;
    }

    // Whisper's architecture fixes the tensor count: 7 + 15 a layer in the encoder,
    // 4 + 24 a layer in the decoder.
    let expected = 11 + 15 * audio_layer as usize + 24 * text_layer as usize;
    let mut tensors = 0;
    while reader.remaining() > 0 {
        let [dims, name_len, kind] = reader.i32s::<3>()?;
        if !(1..=4).contains(&dims) || !(1..=256).contains(&name_len) {
            return Err(format!("tensor {tensors} has a malformed header"));
        }
        // (values a block, bytes a block): ggml_type f32 = 0, f16 = 1, Q5_1 = 7,
        // Q8_0 = 8 (`ggml-common.h`: `block_q5_1`, `block_q8_0`).
        let (block, block_bytes) = match kind {
            0 => (1, 4),
            1 => (1, 2),
            7 => (32, 24),
            8 => (32, 34),
            other => return Err(format!("tensor {tensors} has unsupported type {other}")),
        };
        let mut count: u64 = 1;
        for d in 0..dims {
            let dim = reader.i32()?;
            within("a tensor dimension", dim, 1 << 20)?;
            // Blocks run along the first dimension: its rows must hold whole blocks.
            if d == 0 && dim % block != 0 {
                return Err(format!(
                    "tensor {tensors} has rows of {dim}, not whole blocks of {block}"
                ));
            }
            count = count.saturating_mul(dim as u64);
        }
        reader.skip(name_len as u64)?;
        reader.skip((count / block as u64).saturating_mul(block_bytes))?;
        tensors += 1;
    }
    if tensors != expected {
        return Err(format!(
            "it holds {tensors} of the model's {expected} tensors (an incomplete download?)"
        ));
    }
    Ok(())
}

struct Reader<R> {
    input: BufReader<R>,
    len: u64,
}

impl<R: Read + Seek> Reader<R> {
    fn position(&mut self) -> Result<u64, String> {
        self.input.stream_position().map_err(|e| e.to_string())
    }

    fn remaining(&mut self) -> u64 {
        self.position().map_or(0, |at| self.len.saturating_sub(at))
    }

    fn u32(&mut self) -> Result<u32, String> {
        let mut bytes = [0u8; 4];
        self.input
            .read_exact(&mut bytes)
            .map_err(|_| "it ends in the middle of its header (a truncated file?)".to_string())?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn i32(&mut self) -> Result<i32, String> {
        self.u32().map(|v| v as i32)
    }

    fn i32s<const N: usize>(&mut self) -> Result<[i32; N], String> {
        let mut values = [0; N];
        for value in &mut values {
            *value = self.i32()?;
        }
        Ok(values)
    }

    fn skip(&mut self, bytes: u64) -> Result<(), String> {
        if bytes > self.remaining() {
            return Err("it ends before its last tensor does (a truncated file?)".into());
        }
        let by = i64::try_from(bytes).map_err(|e| e.to_string())?;
        self.input.seek_relative(by).map_err(|e| e.to_string())
    }
}
