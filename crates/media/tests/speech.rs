//! Whisper tiny.en on speech we synthesise with espeak-ng: the word error rate, with
//! its threshold, printed. Needs the converted models (`cargo xtask models`) and
//! espeak-ng, which `cargo xtask test` provides.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use satchel_media::audio::{AudioLimits, AudioReader};
use satchel_media::speech::{SpeechModel, TranscribeOptions};

const SENTENCES: &[&str] = &[
    "Plants make their food from sunlight, water and carbon dioxide.",
    "The French Revolution changed the government of France.",
    "To add two fractions, first find a common denominator.",
    "The heart pumps blood around the body through arteries and veins.",
    "Water turns into steam when it boils.",
    "The Nile is the longest river in Africa.",
    "A triangle has three sides and three angles.",
    "Light travels faster than sound.",
    "The moon orbits the earth about once a month.",
    "Volcanoes form where melted rock rises through the crust.",
    "Shakespeare wrote plays and poems in English.",
    "Multiply the length by the width to find the area of a rectangle.",
];

/// The threshold for espeak-ng's robotic voice with the smallest English model and
/// greedy decoding (measured: 24 %). The real bar — within 2 points of
/// faster-whisper on the same weights and audio — is checked by the comparison
/// command the voice issue adds.
const MAX_WER: f64 = 0.30;

pub fn models_dir() -> PathBuf {
    std::env::var_os("SATCHEL_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/satchel/models")
        })
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Word-level Levenshtein distance.
fn edits(reference: &[String], hypothesis: &[String]) -> usize {
    let mut row: Vec<usize> = (0..=hypothesis.len()).collect();
    for (i, r) in reference.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, h) in hypothesis.iter().enumerate() {
            let substitution = previous + usize::from(r != h);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[hypothesis.len()]
}

#[test]
fn word_error_rate_compares_words_not_letters() {
    let reference = words("The cat sat.");
    assert_eq!(edits(&reference, &words("the cat sat")), 0);
    assert_eq!(edits(&reference, &words("a cat sat on")), 2);
}

#[test]
#[ignore = "needs espeak-ng and the Whisper models; `cargo xtask test` provides them"]
fn tiny_en_transcribes_synthesised_speech() {
    let model = SpeechModel::load(&models_dir().join("ggml-tiny.en.bin"))
        .expect("model (cargo xtask models)");
    let dir = tempfile::tempdir().unwrap();
    let (mut errors, mut total) = (0, 0);
    for (i, sentence) in SENTENCES.iter().enumerate() {
        let wav = dir.path().join(format!("s{i}.wav"));
        let status = Command::new("espeak-ng")
            // A calm classroom pace; espeak-ng's default of 175 words a minute is hurried.
            .args(["-s", "140"])
            .arg("-w")
            .arg(&wav)
            .arg(sentence)
            .status()
            .expect("espeak-ng");
        assert!(status.success());
        let samples = AudioReader::open(&wav, AudioLimits::default())
            .unwrap()
            .read_all()
            .unwrap();
        let options = TranscribeOptions {
            language: Some("en".into()),
            threads: 2,
        };
        let transcript = model
            .transcribe(&samples, &options, |_| {}, Arc::new(AtomicBool::new(false)))
            .unwrap();
        let (reference, heard) = (words(sentence), words(&transcript.text()));
        let e = edits(&reference, &heard);
        println!("{e} errors: {sentence:?} → {:?}", transcript.text());
        errors += e;
        total += reference.len();
    }
    let wer = errors as f64 / total as f64;
    println!(
        "word error rate {:.1} % over {total} words (threshold {:.0} %)",
        wer * 100.0,
        MAX_WER * 100.0
    );
    assert!(wer <= MAX_WER);
}
