//! Satchel's transcription against faster-whisper (the anchor) on the same weights,
//! the same espeak-ng audio and 2 threads each: word error rate on school sentences and
//! the real-time factor on a five-minute recording with tiny.en; word error rate in
//! Spanish, French and Portuguese with (multilingual) base.
//!
//! Run with `cargo xtask bench voice`, which installs the anchor and passes:
//! SATCHEL_MODELS_DIR, SATCHEL_CT2_TINY_EN and SATCHEL_CT2_BASE (the CTranslate2
//! folders), SATCHEL_ANCHOR_PYTHON and SATCHEL_ANCHOR_SCRIPT.

#[path = "common/transcribe.rs"]
mod transcribe;

use std::path::{Path, PathBuf};
use std::process::Command;

use satchel_engines::speech::{SpeechModel, TranscribeOptions};
use satchel_test_kit::text::{SENTENCES, espeak_voice, language_sentences};
use satchel_test_kit::tools::{speak, speak_with};
use satchel_test_kit::{median, wer};

const THREADS: usize = 2;
const RUNS: usize = 3;
/// Repeats of the sentence set that make about five minutes at 140 words a minute.
const LONG_REPEATS: usize = 7;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os(name)
            .unwrap_or_else(|| panic!("{name} is not set: run `cargo xtask bench voice`")),
    )
}

struct AnchorResult {
    text: String,
    seconds: f64,
    duration: f64,
}

/// faster-whisper's reading of `files` in `language` with the CTranslate2 model in
/// the folder environment variable `model` names.
fn anchor(files: &[PathBuf], model: &str, language: &str) -> Vec<AnchorResult> {
    let out = Command::new(env_path("SATCHEL_ANCHOR_PYTHON"))
        .arg(env_path("SATCHEL_ANCHOR_SCRIPT"))
        .arg(env_path(model))
        .arg(THREADS.to_string())
        .args(files)
        .env("HF_HUB_OFFLINE", "1")
        .env("SATCHEL_ANCHOR_LANGUAGE", language)
        .output()
        .expect("the anchor runs");
    assert!(
        out.status.success(),
        "faster-whisper failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("anchor JSON");
            AnchorResult {
                text: value["text"].as_str().unwrap_or_default().to_owned(),
                seconds: value["seconds"].as_f64().unwrap_or(f64::NAN),
                duration: value["duration"].as_f64().unwrap_or(f64::NAN),
            }
        })
        .collect()
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let sentences: Vec<&str> = SENTENCES.lines().collect();
    let mut files = Vec::new();
    for (i, sentence) in sentences.iter().enumerate() {
        let wav = dir.path().join(format!("sentence-{i}.wav"));
        speak(sentence, &wav).expect("espeak-ng speaks");
        files.push(wav);
    }
    let long = dir.path().join("five-minutes.wav");
    speak(
        &vec![SENTENCES.replace('\n', " "); LONG_REPEATS].join(" "),
        &long,
    )
    .expect("espeak-ng speaks");

    let model = SpeechModel::load(&env_path("SATCHEL_MODELS_DIR").join("ggml-tiny.en.bin"))
        .expect("tiny.en");
    let options = TranscribeOptions {
        language: Some("en".into()),
        threads: THREADS,
    };
    let transcribe = |path: &Path| transcribe::transcribe(&model, path, &options);

    let (mut ours, mut theirs, mut total) = (0, 0, 0);
    let mut anchor_files = files.clone();
    anchor_files.extend(std::iter::repeat_n(long.clone(), RUNS));
    let anchor_results = anchor(&anchor_files, "SATCHEL_CT2_TINY_EN", "en");
    for ((sentence, file), anchor) in sentences.iter().zip(&files).zip(&anchor_results) {
        let (text, _, _) = transcribe(file);
        let (e, n) = wer::score(sentence, &text);
        let (a, _) = wer::score(sentence, &anchor.text);
        ours += e;
        theirs += a;
        total += n;
    }
    let long_runs: Vec<(f64, f64)> = (0..RUNS)
        .map(|_| {
            let (_, seconds, duration) = transcribe(&long);
            (seconds, duration)
        })
        .collect();
    let duration = long_runs[0].1;
    let our_rtf = median(long_runs.iter().map(|(s, d)| s / d)).expect("timed runs");
    let their_rtf = median(
        anchor_results[files.len()..]
            .iter()
            .map(|r| r.seconds / r.duration),
    )
    .expect("the anchor's runs");

    let (our_wer, their_wer) = (
        100.0 * ours as f64 / total as f64,
        100.0 * theirs as f64 / total as f64,
    );
    println!();
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure", "satchel", "anchor", "ratio"
    );
    println!(
        "{:<58} {:>9.1}% {:>9.1}% {:>+7.1}pt",
        format!(
            "word error rate, {} sentences ({total} words)",
            sentences.len()
        ),
        our_wer,
        their_wer,
        our_wer - their_wer
    );
    println!(
        "{:<58} {:>10.3} {:>10.3} {:>8.2}",
        format!(
            "real-time factor, {:.1} min recording, median of {RUNS}",
            duration / 60.0
        ),
        our_rtf,
        their_rtf,
        our_rtf / their_rtf
    );
    let base =
        SpeechModel::load(&env_path("SATCHEL_MODELS_DIR").join("ggml-base.bin")).expect("base");
    for (code, name) in [("es", "Spanish"), ("fr", "French"), ("pt", "Portuguese")] {
        let said = language_sentences(code);
        let files: Vec<PathBuf> = said
            .iter()
            .enumerate()
            .map(|(i, sentence)| {
                let wav = dir.path().join(format!("{code}-{i}.wav"));
                speak_with(sentence, &wav, &["-v", espeak_voice(code)]).expect("espeak-ng speaks");
                wav
            })
            .collect();
        let options = TranscribeOptions {
            language: Some(code.into()),
            threads: THREADS,
        };
        let anchor_results = anchor(&files, "SATCHEL_CT2_BASE", code);
        let (mut ours, mut theirs, mut total) = (0, 0, 0);
        for ((sentence, file), anchor) in said.iter().zip(&files).zip(&anchor_results) {
            let (text, _, _) = transcribe::transcribe(&base, file, &options);
            let (e, n) = wer::score(sentence, &text);
            ours += e;
            theirs += wer::score(sentence, &anchor.text).0;
            total += n;
        }
        let (our_wer, their_wer) = (
            100.0 * ours as f64 / total as f64,
            100.0 * theirs as f64 / total as f64,
        );
        println!(
            "{:<58} {:>9.1}% {:>9.1}% {:>+7.1}pt",
            format!(
                "word error rate, {name} (base), {} sentences ({total} words)",
                said.len()
            ),
            our_wer,
            their_wer,
            our_wer - their_wer
        );
    }
    println!(
        "(satchel: its own path, decoding + silence skipping + whisper.cpp via whisper-rs, GGML f16 converted from the anchor's CTranslate2 files; anchor: faster-whisper, greedy, {THREADS} threads each, decoding included)"
    );
}
