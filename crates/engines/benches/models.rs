//! Smaller models, same quality? Each quantised model `cargo xtask models` builds
//! beside the model it was made from (the anchor here), in one run, on the same inputs
//! and the same 2 threads:
//!
//! - Whisper: file size; word error rate on espeak-ng speech of the school sentences
//!   the voice bench uses and of the retrieval set's passages; real-time factor on a
//!   longer recording, median of rounds in which every model takes its turn. The
//!   multilingual base (f16 and quantised) is also set against tiny.en f16 on English:
//!   can one model serve both?
//! - MiniLM: file size; recall@5 on the retrieval set of the recall test
//!   (`tests/engines/recall_set.rs`), by the vectors alone and through Satchel's
//!   search; median time to embed the set; the vectors' cosine to the f32 model's.
//!   multilingual-e5-small (4-bit), which replaced it, is set against MiniLM int8 on
//!   the same English figures (no cosine: two models' vectors do not compare).
//!
//! The rule (issue 20): a quantised model is kept if its word error rate is at most
//! 1 point above its original's, or its recall@5 at most 0.01 below. The OCR models
//! are not quantised (they are 16 MB together, and kept as they are).
//!
//! Run with `cargo xtask bench models`, which builds the models and passes
//! SATCHEL_MODELS_DIR.

#[path = "../tests/engines/recall_set.rs"]
mod recall_set;
#[path = "common/transcribe.rs"]
mod transcribe;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use satchel_core::search::{Role, refresh};
use satchel_engines::Meaning;
use satchel_engines::embed::{E5_SMALL, Embedder, EmbeddingModel, MINILM};
use satchel_engines::onnx::RUNTIME_LIBRARY;
use satchel_engines::speech::{SpeechModel, TranscribeOptions};
use satchel_test_kit::text::SENTENCES;
use satchel_test_kit::tools::speak;
use satchel_test_kit::{TempSatchel, median, wer};

use recall_set::{PASSAGES, QUESTIONS};

const THREADS: usize = 2;
const RUNS: usize = 3;
/// Repeats of the sentence set in the timed recording: about a minute and a half.
const LONG_REPEATS: usize = 2;
/// The limits on what quantisation may cost.
const MAX_WER_POINTS: f64 = 1.0;
const MAX_RECALL_DROP: f64 = 0.01;

/// (label, file) of every Whisper model measured.
const WHISPER: [(&str, &str); 6] = [
    ("tiny.en f16", "ggml-tiny.en.bin"),
    ("tiny.en Q8_0", "ggml-tiny.en-q8_0.bin"),
    ("tiny.en Q5_1", "ggml-tiny.en-q5_1.bin"),
    ("base f16", "ggml-base.bin"),
    ("base Q8_0", "ggml-base-q8_0.bin"),
    ("base Q5_1", "ggml-base-q5_1.bin"),
];

/// (candidate, original) pairs, by label: each quantised model against its own f16,
/// then the multilingual base against tiny.en on English.
const WHISPER_PAIRS: [(&str, &str); 7] = [
    ("tiny.en Q8_0", "tiny.en f16"),
    ("tiny.en Q5_1", "tiny.en f16"),
    ("base Q8_0", "base f16"),
    ("base Q5_1", "base f16"),
    ("base f16", "tiny.en f16"),
    ("base Q8_0", "tiny.en f16"),
    ("base Q5_1", "tiny.en f16"),
];

/// all-MiniLM-L6-v2 as built, its weights f32: MiniLM int8's original.
const MINILM_F32: EmbeddingModel = EmbeddingModel {
    name: "all-MiniLM-L6-v2",
    onnx: "all-minilm-l6-v2.onnx",
    ..MINILM
};

/// (label, model) of every embedder measured: MiniLM int8 against its f32 original,
/// then e5 against MiniLM int8.
const EMBEDDERS: [(&str, &EmbeddingModel); 3] = [
    ("MiniLM f32", &MINILM_F32),
    ("MiniLM int8", &MINILM),
    ("e5-small 4-bit", &E5_SMALL),
];

fn models_dir() -> PathBuf {
    PathBuf::from(
        std::env::var_os("SATCHEL_MODELS_DIR")
            .expect("SATCHEL_MODELS_DIR is not set: run `cargo xtask bench models`"),
    )
}

fn size(file: &str) -> u64 {
    std::fs::metadata(models_dir().join(file))
        .unwrap_or_else(|e| panic!("{file} (cargo xtask models): {e}"))
        .len()
}

struct Speech {
    label: &'static str,
    bytes: u64,
    errors: usize,
    words: usize,
    rtf: Vec<f64>,
}

impl Speech {
    fn wer(&self) -> f64 {
        100.0 * self.errors as f64 / self.words as f64
    }

    fn rtf(&self) -> f64 {
        median(self.rtf.iter().copied()).expect("timed runs")
    }
}

/// [`transcribe::transcribe`] in English on this benchmark's threads.
fn transcribe(model: &SpeechModel, path: &Path) -> (String, f64, f64) {
    let options = TranscribeOptions {
        language: Some("en".into()),
        threads: THREADS,
    };
    transcribe::transcribe(model, path, &options)
}

fn whisper(dir: &Path) -> Vec<Speech> {
    let texts: Vec<&str> = SENTENCES
        .lines()
        .chain(PASSAGES.iter().map(|(_, body)| *body))
        .collect();
    let files: Vec<PathBuf> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let wav = dir.join(format!("speech-{i}.wav"));
            speak(text, &wav).expect("espeak-ng speaks");
            wav
        })
        .collect();
    let long = dir.join("long.wav");
    speak(
        &vec![SENTENCES.replace('\n', " "); LONG_REPEATS].join(" "),
        &long,
    )
    .expect("espeak-ng speaks");

    let models: Vec<SpeechModel> = WHISPER
        .iter()
        .map(|(label, file)| {
            SpeechModel::load(&models_dir().join(file)).unwrap_or_else(|e| panic!("{label}: {e}"))
        })
        .collect();
    let mut results: Vec<Speech> = WHISPER
        .iter()
        .zip(&models)
        .map(|((label, file), model)| {
            let (mut errors, mut words) = (0, 0);
            for (text, file) in texts.iter().zip(&files) {
                let (heard, _, _) = transcribe(model, file);
                let (e, n) = wer::score(text, &heard);
                errors += e;
                words += n;
            }
            eprintln!("{label}: {errors} of {words} words wrong");
            Speech {
                label,
                bytes: size(file),
                errors,
                words,
                rtf: Vec::new(),
            }
        })
        .collect();
    // Round by round, every model in turn, so the shared machine's noise falls on all.
    let mut duration = 0.0;
    for _ in 0..RUNS {
        for (result, model) in results.iter_mut().zip(&models) {
            let (_, seconds, audio) = transcribe(model, &long);
            duration = audio;
            result.rtf.push(seconds / audio);
        }
    }
    eprintln!("timed recording: {:.1} min", duration / 60.0);
    results
}

struct Embedding {
    label: &'static str,
    bytes: u64,
    recall_vectors: f64,
    recall_search: f64,
    seconds: Vec<f64>,
    vectors: Vec<Vec<f32>>,
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The share of questions whose passage is among the five passages nearest to it.
fn recall_by_vectors(embedder: &Embedder) -> f64 {
    let passages: Vec<&str> = PASSAGES.iter().map(|(_, body)| *body).collect();
    let questions: Vec<&str> = QUESTIONS.iter().map(|(q, _, _)| *q).collect();
    let passage_vectors = embedder.embed(&passages, Role::Passage).expect("embedding");
    let question_vectors = embedder.embed(&questions, Role::Query).expect("embedding");
    let found = QUESTIONS
        .iter()
        .zip(&question_vectors)
        .filter(|((_, title, _), question)| {
            let mut ranked: Vec<(f32, &str)> = PASSAGES
                .iter()
                .zip(&passage_vectors)
                .map(|((t, _), p)| (dot(question, p), *t))
                .collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
            ranked.iter().take(5).any(|(_, t)| t == title)
        })
        .count();
    found as f64 / QUESTIONS.len() as f64
}

/// As the recall test measures it: notes in a library, Satchel's search (words and
/// vectors fused), the passage among the first five hits.
fn recall_by_search(model: &'static EmbeddingModel) -> f64 {
    let satchel = TempSatchel::new().expect("library");
    let profile = satchel.profile("Recall").expect("profile");
    let mut ids = HashMap::new();
    for (title, body) in PASSAGES {
        ids.insert(profile.add_note(title, body).expect("note").id, *title);
    }
    let meaning = Meaning::with_model(vec![models_dir()], model);
    refresh(&profile, &meaning, &mut |_, _| {}).expect("index");
    let found = QUESTIONS
        .iter()
        .filter(|(question, title, _)| {
            let hits = profile.search(question, 5, &meaning).expect("search");
            hits.iter().any(|h| ids[&h.source_id] == *title)
        })
        .count();
    found as f64 / QUESTIONS.len() as f64
}

fn embedders() -> Vec<Embedding> {
    let texts: Vec<&str> = PASSAGES
        .iter()
        .map(|(_, body)| *body)
        .chain(QUESTIONS.iter().map(|(q, _, _)| *q))
        .chain(SENTENCES.lines())
        .collect();
    let loaded: Vec<Embedder> = EMBEDDERS
        .iter()
        .map(|(label, model)| {
            Embedder::load_model(
                &models_dir().join(RUNTIME_LIBRARY),
                &models_dir(),
                model,
                THREADS,
            )
            .unwrap_or_else(|e| panic!("{label}: {e}"))
        })
        .collect();
    let mut results: Vec<Embedding> = EMBEDDERS
        .iter()
        .zip(&loaded)
        .map(|((label, model), embedder)| Embedding {
            label,
            bytes: size(model.onnx),
            recall_vectors: recall_by_vectors(embedder),
            recall_search: recall_by_search(model),
            seconds: Vec::new(),
            // The warm-up, kept for the cosine.
            vectors: embedder.embed(&texts, Role::Passage).expect("embedding"),
        })
        .collect();
    for _ in 0..5 {
        for (result, embedder) in results.iter_mut().zip(&loaded) {
            let started = Instant::now();
            embedder.embed(&texts, Role::Passage).expect("embedding");
            result.seconds.push(started.elapsed().as_secs_f64());
        }
    }
    results
}

fn row(figure: &str, candidate: String, original: String, ratio: String) {
    println!("{figure:<58} {candidate:>11} {original:>11} {ratio:>8}");
}

fn verdict(kept: bool) -> &'static str {
    if kept {
        "within the limit"
    } else {
        "over the limit"
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let speech = whisper(dir.path());
    let embedding = embedders();

    println!();
    row(
        "figure (candidate against original, 2 threads each)",
        "candidate".into(),
        "original".into(),
        "ratio".into(),
    );
    let by_label = |label: &str| {
        speech
            .iter()
            .find(|s| s.label == label)
            .expect("a measured model")
    };
    let words = speech[0].words;
    let mut kept = Vec::new();
    for (candidate, original) in WHISPER_PAIRS {
        let (c, o) = (by_label(candidate), by_label(original));
        println!("{candidate} against {original}");
        row(
            "  file size, bytes",
            c.bytes.to_string(),
            o.bytes.to_string(),
            format!("{:.2}", c.bytes as f64 / o.bytes as f64),
        );
        let points = c.wer() - o.wer();
        row(
            &format!("  word error rate, {words} words of English"),
            format!("{:.1}%", c.wer()),
            format!("{:.1}%", o.wer()),
            format!("{points:+.1}pt"),
        );
        row(
            &format!("  real-time factor, median of {RUNS}"),
            format!("{:.3}", c.rtf()),
            format!("{:.3}", o.rtf()),
            format!("{:.2}", c.rtf() / o.rtf()),
        );
        let within = points <= MAX_WER_POINTS;
        println!(
            "  {}: word error rate {points:+.1} points (limit +{MAX_WER_POINTS})",
            verdict(within)
        );
        if within {
            kept.push(format!("{candidate} for {original}"));
        }
    }

    for (c, o) in [
        (&embedding[1], &embedding[0]),
        (&embedding[2], &embedding[1]),
    ] {
        println!("{} against {}", c.label, o.label);
        row(
            "  file size, bytes",
            c.bytes.to_string(),
            o.bytes.to_string(),
            format!("{:.2}", c.bytes as f64 / o.bytes as f64),
        );
        let questions = QUESTIONS.len();
        for (figure, candidate, original) in [
            (
                format!("  recall@5 by vectors alone, {questions} questions"),
                c.recall_vectors,
                o.recall_vectors,
            ),
            (
                format!("  recall@5 through Satchel's search, {questions} questions"),
                c.recall_search,
                o.recall_search,
            ),
        ] {
            row(
                &figure,
                format!("{candidate:.3}"),
                format!("{original:.3}"),
                format!("{:+.3}", candidate - original),
            );
        }
        let texts = c.vectors.len();
        let (cs, os) = (
            median(c.seconds.iter().copied()).expect("timed rounds"),
            median(o.seconds.iter().copied()).expect("timed rounds"),
        );
        row(
            &format!("  time to embed {texts} texts, median of 5, ms"),
            format!("{:.0}", cs * 1000.0),
            format!("{:.0}", os * 1000.0),
            format!("{:.2}", cs / os),
        );
        // Two models' vectors do not compare: the cosine is a quantised model's alone.
        let same_model = c.vectors[0].len() == o.vectors[0].len() && c.label.starts_with("MiniLM");
        let cosines: Vec<f32> = c
            .vectors
            .iter()
            .zip(&o.vectors)
            .map(|(a, b)| dot(a, b))
            .collect();
        let min = cosines.iter().copied().fold(f32::MAX, f32::min);
        let mean = cosines.iter().sum::<f32>() / cosines.len() as f32;
        if same_model {
            println!("  cosine to the original's vectors: min {min:.4}, mean {mean:.4}");
        }
        let drop = (o.recall_vectors - c.recall_vectors).max(o.recall_search - c.recall_search);
        let within = drop <= MAX_RECALL_DROP + 1e-9;
        println!(
            "  {}: recall@5 down {:.3} at worst (limit {MAX_RECALL_DROP})",
            verdict(within),
            drop.max(0.0)
        );
        if within {
            kept.push(format!("{} for {}", c.label, o.label));
        }
    }
    println!(
        "within the limits (candidate for original): {}",
        kept.join("; ")
    );
    println!(
        "(the app's own paths: whisper.cpp via whisper-rs with decoding and silence skipping, greedy, English; the embedder on ONNX Runtime 1.32 via ort; espeak-ng speech; {THREADS} threads each; OCR models not quantised)"
    );
}
