//! The quantised models `cargo xtask models` builds, checked by code we did not write:
//! whisper.cpp (through whisper-rs) loads each Q8_0 and Q5_1 GGML file and transcribes
//! espeak-ng speech with it, and each file is exactly as long as ggml's block formats
//! make the f16 file's matrices; ONNX Runtime runs the int8 MiniLM graph, and its
//! vectors point where the f32 graph's do. Needs the models (`cargo xtask models`)
//! and espeak-ng, which `cargo xtask test` provides.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use satchel_core::search::Role;
use satchel_engines::embed::{Embedder, MINILM};
use satchel_engines::onnx::RUNTIME_LIBRARY;
use satchel_engines::speech::{SpeechModel, TranscribeOptions};
use satchel_engines::voice;
use satchel_media::MediaError;
use satchel_media::audio::{AudioLimits, AudioReader};
use satchel_test_kit::text::sentences;
use satchel_test_kit::tools::speak;
use satchel_test_kit::wer::score;

use crate::common::models_dir;
use crate::recall_set::{PASSAGES, QUESTIONS};

const SENTENCE: &str = "Plants make their food from sunlight, water and carbon dioxide.";

/// (f16 original, quantised file, bytes a block of 32 values takes).
const WHISPER: [(&str, &str, u64); 4] = [
    ("ggml-tiny.en.bin", "ggml-tiny.en-q8_0.bin", 34),
    ("ggml-tiny.en.bin", "ggml-tiny.en-q5_1.bin", 24),
    ("ggml-base.bin", "ggml-base-q8_0.bin", 34),
    ("ggml-base.bin", "ggml-base-q5_1.bin", 24),
];

/// whisper.cpp's own `ggml-base-q5_1.bin`, as published, is this long: made by the
/// same rule from the same model, ours must be too.
const UPSTREAM_BASE_Q5_1_BYTES: u64 = 59_707_625;

/// Words of the ten in [`SENTENCE`] a quantised model may get wrong beyond those its
/// f16 original gets wrong on the same audio. (One sentence says the file works; the
/// quality is measured on many by `cargo xtask bench models`.)
const MAX_EXTRA_ERRORS: usize = 1;

/// The int8 embedder's vectors against the f32 one's, on real sentences: cosine at
/// least this (measured: 0.9992 at worst over 76 texts).
const MIN_COSINE: f32 = 0.995;

fn header(path: &Path) -> [u64; 11] {
    let bytes = std::fs::read(path).unwrap();
    let mut values = [0u64; 11];
    for (i, value) in values.iter_mut().enumerate() {
        let at = 4 + 4 * i;
        *value = u64::from(u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()));
    }
    values
}

/// The quantised file's length from the f16 file's: the same bytes, but each matrix
/// whisper.cpp quantises (per encoder layer 12 state², per decoder layer 16, and the
/// token embedding) in blocks of 32 values instead of two bytes a value.
fn expected_len(original: &Path, block_bytes: u64) -> u64 {
    let [
        n_vocab,
        _,
        audio_state,
        _,
        audio_layers,
        _,
        text_state,
        _,
        text_layers,
        _,
        ftype,
    ] = header(original);
    assert_eq!(ftype, 1, "{} is not the f16 file", original.display());
    let matrices = audio_layers * 12 * audio_state * audio_state
        + text_layers * 16 * text_state * text_state
        + n_vocab * text_state;
    let f16_len = std::fs::metadata(original).unwrap().len();
    f16_len - 2 * matrices + matrices / 32 * block_bytes
}

#[test]
#[ignore = "needs espeak-ng and the Whisper models; `cargo xtask test` provides them"]
fn whisper_cpp_loads_and_transcribes_the_quantised_models() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("sentence.wav");
    speak(SENTENCE, &wav).unwrap();
    let heard = |path: &Path| {
        let model = SpeechModel::load(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let reader = AudioReader::open(&wav, AudioLimits::default()).unwrap();
        let options = TranscribeOptions {
            language: Some("en".into()),
            threads: 2,
        };
        let text = voice::transcribe(
            reader,
            &model,
            &options,
            Arc::new(|_| {}),
            Arc::new(AtomicBool::new(false)),
        )
        .unwrap()
        .transcript
        .text();
        (text, model.is_multilingual())
    };
    let mut originals = std::collections::HashMap::new();
    for (original, quantised, block_bytes) in WHISPER {
        let path = models_dir().join(quantised);
        let len = std::fs::metadata(&path)
            .unwrap_or_else(|e| panic!("{quantised} (cargo xtask models): {e}"))
            .len();
        let expected = expected_len(&models_dir().join(original), block_bytes);
        println!("{quantised}: {len} bytes (formula {expected})");
        assert_eq!(len, expected, "{quantised}");
        if quantised == "ggml-base-q5_1.bin" {
            assert_eq!(len, UPSTREAM_BASE_Q5_1_BYTES);
        }
        // ggml's version (2) × 1000 + GGML_FTYPE_MOSTLY_Q8_0 (7) or _Q5_1 (9).
        let ftype = header(&path)[10];
        assert_eq!(ftype, if block_bytes == 34 { 2007 } else { 2009 });

        let (baseline, _) = originals
            .entry(original)
            .or_insert_with(|| heard(&models_dir().join(original)))
            .clone();
        let (text, multilingual) = heard(&path);
        assert_eq!(multilingual, original == "ggml-base.bin");
        let (errors, words) = score(SENTENCE, &text);
        let (before, _) = score(SENTENCE, &baseline);
        println!("{quantised}: {errors} of {words} words wrong ({original}: {before}): {text:?}");
        assert!(errors <= before + MAX_EXTRA_ERRORS, "{quantised}: {text:?}");
    }
}

#[test]
#[ignore = "needs the Whisper models; `cargo xtask test` provides them"]
fn a_truncated_quantised_model_is_a_clear_error() {
    // Satchel's own check reads the block formats' sizes: a quantised file cut short
    // is refused before whisper.cpp sees it, as an f16 one is.
    let real = std::fs::read(models_dir().join("ggml-tiny.en-q5_1.bin")).expect("Q5_1");
    let dir = tempfile::tempdir().unwrap();
    for keep in [real.len() / 2, real.len() - 1] {
        let cut = dir.path().join(format!("cut-{keep}.bin"));
        std::fs::write(&cut, &real[..keep]).unwrap();
        let error = SpeechModel::load(&cut).expect_err("refused");
        println!("{keep} bytes: {error}");
        assert!(matches!(error, MediaError::ModelInvalid { .. }), "{error}");
    }
}

/// A folder where the embedder's file name is `model`, beside the tokenizer: the
/// embedder loads its model by that one name.
/// The embedder, reading `model` (a file of the models folder) under the name it loads.
pub(crate) fn embedder_with(model: &str, dir: &Path) -> Embedder {
    std::os::unix::fs::symlink(models_dir().join(model), dir.join(MINILM.onnx)).unwrap();
    std::os::unix::fs::symlink(
        models_dir().join(MINILM.tokenizer),
        dir.join(MINILM.tokenizer),
    )
    .unwrap();
    Embedder::load_model(&models_dir().join(RUNTIME_LIBRARY), dir, &MINILM, 2)
        .unwrap_or_else(|e| panic!("{model} (cargo xtask models): {e}"))
}

#[test]
#[ignore = "needs the embedding models; `cargo xtask test` provides them"]
fn the_int8_embedder_points_where_the_f32_one_does() {
    let (f32_dir, int8_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let full = embedder_with("all-minilm-l6-v2.onnx", f32_dir.path());
    let int8 = embedder_with("all-minilm-l6-v2-int8.onnx", int8_dir.path());
    let texts: Vec<&str> = PASSAGES
        .iter()
        .map(|(_, body)| *body)
        .chain(QUESTIONS.iter().map(|(question, _, _)| *question))
        .chain(sentences())
        .collect();
    let (a, b) = (
        full.embed(&texts, Role::Passage).unwrap(),
        int8.embed(&texts, Role::Passage).unwrap(),
    );
    let cosines: Vec<f32> = a
        .iter()
        .zip(&b)
        .map(|(a, b)| a.iter().zip(b).map(|(x, y)| x * y).sum())
        .collect();
    let min = cosines.iter().copied().fold(f32::MAX, f32::min);
    let mean = cosines.iter().sum::<f32>() / cosines.len() as f32;
    println!(
        "int8 against f32 over {} texts: cosine min {min:.4}, mean {mean:.4} (threshold {MIN_COSINE})",
        texts.len()
    );
    assert!(min >= MIN_COSINE, "cosine {min} < {MIN_COSINE}");
}
