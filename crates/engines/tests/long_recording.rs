//! A three-hour recording, mostly a quiet room with a few sentences in it: it streams
//! through in bounded memory, the silence is skipped rather than transcribed, and every
//! sentence lands at its true time. Alone in its own test binary so the peak memory it
//! prints is its own.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use satchel_engines::speech::{SpeechModel, TranscribeOptions};
use satchel_engines::voice;
use satchel_media::audio::{AudioLimits, AudioReader};

mod common;
use common::{models_dir, peak_rss_mib};
use satchel_test_kit::Rng;
use satchel_test_kit::tools::speak;
use satchel_test_kit::wav::{self, RATE};

const HOURS: u64 = 3;
/// Samples alone for three hours at 16 kHz would be 660 MiB; the model and Whisper's
/// buffers take about 200.
const MAX_PEAK_MIB: u64 = 450;

#[test]
#[ignore = "needs espeak-ng and the Whisper models; `cargo xtask test` provides them"]
fn three_hours_stream_through_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let sentences = [
        (5, "The lesson today is about volcanoes."),
        (90 * 60, "Magma rises through cracks in the crust."),
        (HOURS * 3600 - 60, "Next week we will study earthquakes."),
    ];
    let spoken: Vec<(u64, Vec<i16>)> = sentences
        .iter()
        .map(|(at, text)| {
            let wav = dir.path().join(format!("{at}.wav"));
            speak(text, &wav).unwrap();
            let samples = AudioReader::open(&wav, AudioLimits::default())
                .unwrap()
                .read_all()
                .unwrap();
            let pcm = samples.iter().map(|s| (s * 32_767.0) as i16).collect();
            (at * u64::from(RATE), pcm)
        })
        .collect();

    let long = dir.path().join("three-hours.wav");
    let total = HOURS * 3600 * u64::from(RATE);
    let mut noise = Rng::new(0x9E37_79B9);
    let samples = (0..total).map(|at| {
        // A quiet room: hiss at about −60 dBFS.
        let hiss = noise.below(64) as i16 - 32;
        spoken
            .iter()
            .find_map(|(start, pcm)| {
                at.checked_sub(*start)
                    .and_then(|k| pcm.get(usize::try_from(k).ok()?))
            })
            .map_or(hiss, |s| s.saturating_add(hiss))
    });
    wav::write_file(&long, RATE, total, samples).unwrap();
    let size_mib = std::fs::metadata(&long).unwrap().len() / (1024 * 1024);

    let model = SpeechModel::load(&models_dir().join("ggml-tiny.en.bin")).expect("tiny.en");
    let started = Instant::now();
    let reader = AudioReader::open(&long, AudioLimits::default()).unwrap();
    let got = voice::transcribe(
        reader,
        &model,
        &TranscribeOptions {
            language: Some("en".into()),
            threads: 2,
        },
        Arc::new(|_| {}),
        Arc::new(AtomicBool::new(false)),
    )
    .unwrap();
    let elapsed = started.elapsed();
    let peak = peak_rss_mib();
    println!(
        "{HOURS} h ({size_mib} MiB WAV) in {:.1} s; {} ms of it voiced; peak memory {peak} MiB (limit {MAX_PEAK_MIB})",
        elapsed.as_secs_f64(),
        got.voiced_ms
    );
    for segment in &got.transcript.segments {
        println!("  {:>10} ms  {}", segment.start_ms, segment.text);
    }
    assert_eq!(got.duration_ms, i64::try_from(HOURS * 3_600_000).unwrap());
    for ((at, text), _) in sentences.iter().zip(&spoken) {
        let at_ms = i64::try_from(at * 1000).unwrap();
        let segment = got
            .transcript
            .segments
            .iter()
            .find(|s| (s.start_ms - at_ms).abs() < 2_000)
            .unwrap_or_else(|| panic!("nothing heard near {at} s ({text:?})"));
        // Each sentence ends on its topic word, which tiny.en hears reliably.
        let topic = text
            .trim_end_matches('.')
            .rsplit(' ')
            .next()
            .unwrap()
            .to_lowercase();
        assert!(
            segment.text.to_lowercase().contains(&topic),
            "{:?} at {} ms should hold {topic:?}",
            segment.text,
            segment.start_ms
        );
    }
    assert!(
        got.voiced_ms < 60_000,
        "silence was transcribed: {} ms",
        got.voiced_ms
    );
    assert!(peak <= MAX_PEAK_MIB, "peak memory {peak} MiB");
}
