//! Finding the stretches of a recording where someone is speaking, so that leading,
//! trailing and long inner silences never reach Whisper: they cost time, and Whisper
//! tends to invent words in them.
//!
//! This is a plain energy gate with a threshold that follows the recording's own noise
//! floor. It errs towards keeping sound: a quiet voice over loud hum is kept whole,
//! and only stretches clearly quieter than the speech around them are dropped.

use std::ops::Range;

use crate::transcript::SAMPLE_RATE;

/// 30 ms frames: short enough to find the edges of words, long enough to average.
pub const FRAME: usize = SAMPLE_RATE * 30 / 1000;
/// Silences shorter than this are pauses within speech and are kept.
pub const MIN_GAP: usize = SAMPLE_RATE * 3 / 2;
/// Sound kept either side of speech, so word onsets and tails are never clipped.
pub const MARGIN: usize = SAMPLE_RATE * 3 / 10;
/// Bursts shorter than this (a click, a cough of a tap on the microphone) are no speech.
const MIN_VOICED: usize = SAMPLE_RATE / 10;

/// Mean-square energies: −60 dBFS and −35 dBFS. Below the first is silence whatever
/// the recording; the threshold never rises above the second, where speech lives.
const FLOOR_MIN: f32 = 1e-6;
const THRESHOLD_MAX: f32 = 3.2e-4;
/// Speech must stand about 10 dB above the noise floor.
const OVER_FLOOR: f32 = 10.0;

/// The spans of `samples` (16 kHz mono) that hold sound worth transcribing, in order,
/// each padded by [`MARGIN`] and merged across gaps shorter than [`MIN_GAP`].
pub fn voiced_spans(samples: &[f32]) -> Vec<Range<usize>> {
    let energies: Vec<f32> = samples
        .chunks(FRAME)
        .map(|frame| frame.iter().map(|s| s * s).sum::<f32>() / frame.len() as f32)
        .collect();
    if energies.is_empty() {
        return Vec::new();
    }
    let threshold = (noise_floor(&energies).max(FLOOR_MIN) * OVER_FLOOR).min(THRESHOLD_MAX);

    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut run: Option<usize> = None;
    for (i, energy) in energies.iter().chain([&0.0]).enumerate() {
        match (run, *energy > threshold) {
            (None, true) => run = Some(i),
            (Some(start), false) => {
                run = None;
                let (start, end) = (start * FRAME, (i * FRAME).min(samples.len()));
                if end - start < MIN_VOICED {
                    continue;
                }
                let padded = start.saturating_sub(MARGIN)..(end + MARGIN).min(samples.len());
                match spans.last_mut() {
                    Some(last) if padded.start < last.end + MIN_GAP => last.end = padded.end,
                    _ => spans.push(padded),
                }
            }
            _ => {}
        }
    }
    spans
}

/// The energy below which a tenth of the frames fall: in a lecture, the room between
/// sentences. A recording that is all speech gets a high floor, which the cap on the
/// threshold keeps from cutting into it.
fn noise_floor(energies: &[f32]) -> f32 {
    let mut sorted = energies.to_vec();
    sorted.sort_by(f32::total_cmp);
    sorted[sorted.len() / 10]
}

/// Where to cut `samples` if it must be cut near its end: the start of the quietest
/// frame in its last `search` samples, so the cut falls between words.
pub fn quietest_cut(samples: &[f32], search: usize) -> usize {
    let from = samples.len().saturating_sub(search) / FRAME * FRAME;
    samples[from..]
        .chunks(FRAME)
        .enumerate()
        .map(|(i, frame)| (from + i * FRAME, frame.iter().map(|s| s * s).sum::<f32>()))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(samples.len(), |(at, _)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(seconds: f32, amplitude: f32) -> Vec<f32> {
        (0..(seconds * SAMPLE_RATE as f32) as usize)
            .map(|i| {
                amplitude * (i as f32 * 440.0 * std::f32::consts::TAU / SAMPLE_RATE as f32).sin()
            })
            .collect()
    }

    /// Deterministic low noise, like a quiet room.
    fn hiss(seconds: f32, amplitude: f32) -> Vec<f32> {
        let mut x: u32 = 0x9E37_79B9;
        (0..(seconds * SAMPLE_RATE as f32) as usize)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                amplitude * (x as f32 / u32::MAX as f32 * 2.0 - 1.0)
            })
            .collect()
    }

    fn seconds(range: &Range<usize>) -> (f32, f32) {
        (
            range.start as f32 / SAMPLE_RATE as f32,
            range.end as f32 / SAMPLE_RATE as f32,
        )
    }

    #[test]
    fn leading_trailing_and_long_inner_silences_are_dropped_with_margins() {
        let mut audio = hiss(3.0, 0.001);
        audio.extend(tone(2.0, 0.3));
        audio.extend(hiss(5.0, 0.001));
        audio.extend(tone(1.0, 0.3));
        audio.extend(hiss(4.0, 0.001));
        let spans: Vec<_> = voiced_spans(&audio).iter().map(seconds).collect();
        assert_eq!(spans.len(), 2, "{spans:?}");
        assert!(
            (spans[0].0 - 2.7).abs() < 0.05 && (spans[0].1 - 5.3).abs() < 0.05,
            "{spans:?}"
        );
        assert!(
            (spans[1].0 - 9.7).abs() < 0.05 && (spans[1].1 - 11.3).abs() < 0.05,
            "{spans:?}"
        );
    }

    #[test]
    fn short_pauses_stay_inside_one_span() {
        let mut audio = tone(1.0, 0.2);
        audio.extend(hiss(0.8, 0.001));
        audio.extend(tone(1.0, 0.2));
        let spans = voiced_spans(&audio);
        assert_eq!(spans, vec![0..audio.len()]);
    }

    #[test]
    fn quiet_speech_over_steady_noise_is_kept() {
        // Speech at about −26 dBFS over a −46 dBFS hiss: a noisy classroom recording.
        let mut audio = hiss(2.0, 0.009);
        let mut voice = tone(3.0, 0.07);
        voice
            .iter_mut()
            .zip(hiss(3.0, 0.009))
            .for_each(|(v, n)| *v += n);
        audio.extend(voice);
        audio.extend(hiss(2.0, 0.009));
        let spans: Vec<_> = voiced_spans(&audio).iter().map(seconds).collect();
        assert_eq!(spans.len(), 1, "{spans:?}");
        assert!(spans[0].0 <= 2.0 && spans[0].1 >= 5.0, "{spans:?}");
    }

    #[test]
    fn digital_silence_and_clicks_hold_no_speech() {
        assert!(voiced_spans(&[]).is_empty());
        assert!(voiced_spans(&vec![0.0; SAMPLE_RATE * 5]).is_empty());
        let mut clicks = vec![0.0; SAMPLE_RATE * 5];
        clicks[SAMPLE_RATE..SAMPLE_RATE + 200].fill(0.9);
        assert!(voiced_spans(&clicks).is_empty());
    }

    #[test]
    fn a_cut_near_the_end_falls_in_the_quietest_frame() {
        let mut audio = tone(10.0, 0.3);
        let pause = audio.len() - SAMPLE_RATE * 3;
        audio[pause..pause + FRAME * 2].fill(0.0);
        let cut = quietest_cut(&audio, SAMPLE_RATE * 5);
        assert!(
            (pause..pause + FRAME * 2).contains(&cut),
            "{cut} vs {pause}"
        );
    }
}
