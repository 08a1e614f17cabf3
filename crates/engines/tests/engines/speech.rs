//! Whisper tiny.en on speech we synthesise with espeak-ng: the word error rate, with
//! its threshold, printed. Needs the converted models (`cargo xtask models`) and
//! espeak-ng, which `cargo xtask test` provides.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use satchel_engines::speech::{SpeechModel, TranscribeOptions};
use satchel_media::audio::{AudioLimits, AudioReader};

use crate::common::models_dir;
use satchel_test_kit::text::sentences;
use satchel_test_kit::tools::speak_with;
use satchel_test_kit::wer::score;

/// The threshold for espeak-ng's robotic voice with the smallest English model and
/// greedy decoding (measured: 24 %). The real bar — within 2 points of
/// faster-whisper on the same weights and audio — is checked by the comparison
/// command the voice issue adds.
const MAX_WER: f64 = 0.30;

#[test]
#[ignore = "needs espeak-ng and the Whisper models; `cargo xtask test` provides them"]
fn tiny_en_transcribes_synthesised_speech() {
    let model = SpeechModel::load(&models_dir().join("ggml-tiny.en.bin"))
        .expect("model (cargo xtask models)");
    let wer = word_error_rate(&model, &sentences(), "en", &[]);
    println!(
        "word error rate {:.1} % (threshold {:.0} %)",
        wer * 100.0,
        MAX_WER * 100.0
    );
    assert!(wer <= MAX_WER);
}

/// `sentences` spoken by espeak-ng (with `voice` options) and written down by `model`
/// in `language`: the word error rate, each sentence's errors printed.
fn word_error_rate(model: &SpeechModel, sentences: &[&str], language: &str, voice: &[&str]) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let (mut errors, mut total) = (0, 0);
    for (i, sentence) in sentences.iter().enumerate() {
        let wav = dir.path().join(format!("s{i}.wav"));
        speak_with(sentence, &wav, voice).unwrap();
        let samples = AudioReader::open(&wav, AudioLimits::default())
            .unwrap()
            .read_all()
            .unwrap();
        let options = TranscribeOptions {
            language: Some(language.into()),
            threads: 2,
        };
        let transcript = model
            .transcribe(&samples, &options, |_| {}, Arc::new(AtomicBool::new(false)))
            .unwrap();
        let (e, n) = score(sentence, &transcript.text());
        println!(
            "{language}: {e} errors: {sentence:?} → {:?}",
            transcript.text()
        );
        errors += e;
        total += n;
    }
    println!("{language}: {errors} word errors over {total} words");
    errors as f64 / total as f64
}

/// The word error rate Whisper base (the multilingual model Satchel uses for speech
/// that is not English) may make on espeak-ng's Spanish voice (measured: 68.5 %).
/// espeak-ng's Spanish is hard for base on any engine: faster-whisper on the same
/// weights mishears the same words, and `cargo xtask bench voice` sets the two side by
/// side for Spanish, French and Portuguese. The bar is a guard against regressions
/// until a larger multilingual model ships.
const MAX_WER_BY_LANGUAGE: [(&str, f64); 1] = [("es", 0.75)];

#[test]
#[ignore = "needs espeak-ng and the Whisper models; `cargo xtask test` provides them"]
fn base_transcribes_synthesised_speech_in_each_language() {
    use satchel_test_kit::text::{espeak_voice, language_sentences};
    let model =
        SpeechModel::load(&models_dir().join("ggml-base.bin")).expect("model (cargo xtask models)");
    let mut failures = Vec::new();
    for (code, max) in MAX_WER_BY_LANGUAGE {
        let voice = ["-v", espeak_voice(code)];
        let wer = word_error_rate(&model, &language_sentences(code), code, &voice);
        println!(
            "{code}: word error rate {:.1} % (threshold {:.0} %)",
            wer * 100.0,
            max * 100.0
        );
        if wer > max {
            failures.push(format!("{code} {:.1} %", wer * 100.0));
        }
    }
    assert!(failures.is_empty(), "over the threshold: {failures:?}");
}
