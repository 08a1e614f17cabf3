//! A whole recording to a transcript: audio is read a block at a time, its silences
//! are cut out, and what is left goes to Whisper in windows of at most a few minutes,
//! with every timestamp mapped back to the original recording. Memory stays bounded
//! by the window, whatever the recording's length.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use satchel_media::MediaError;
use satchel_media::audio::AudioReader;
use satchel_media::silence::{self, MIN_GAP};
use satchel_media::transcript::{
    Progress, ProgressFn, SAMPLE_RATE, Segment, Transcript, Transcription,
};

use crate::speech::{SpeechModel, TranscribeOptions};

/// Audio read from the file at a time.
const BLOCK: usize = SAMPLE_RATE * 60 * 3;
/// Speech sent to Whisper at once: long enough for Whisper to keep its context across
/// its own 30-second windows, short enough to bound memory (about 20 MB of samples).
const MAX_WINDOW: usize = SAMPLE_RATE * 60 * 5;
/// When speech runs on past a window's end, the cut is made in the quietest moment of
/// its last seconds.
const CUT_SEARCH: usize = SAMPLE_RATE * 10;

/// Transcribes everything `reader` yields. Progress is reported as windows go by (and
/// within them); `cancel` stops the work within a few seconds.
pub fn transcribe(
    mut reader: AudioReader,
    model: &SpeechModel,
    options: &TranscribeOptions,
    progress: ProgressFn,
    cancel: Arc<AtomicBool>,
) -> Result<Transcription, MediaError> {
    let total_ms = reader.duration_ms();
    let mut options = options.clone();
    let mut pending = Pending::default();
    let mut segments: Vec<Segment> = Vec::new();
    let mut language: Option<String> = None;
    let mut voiced = 0usize;
    let mut at_end = false;

    while !at_end {
        if cancel.load(Ordering::Relaxed) {
            return Err(MediaError::Cancelled);
        }
        match reader.next_window(BLOCK)? {
            Some(block) => pending.samples.extend(block),
            None => at_end = true,
        }
        let keep_from = if at_end {
            pending.samples.len()
        } else {
            pending.cut_point()
        };
        let window = pending.take_window(keep_from);
        if window.samples.is_empty() {
            continue;
        }
        voiced += window.samples.len();
        let (from_ms, to_ms) = (window.source_ms(0), window.source_ms(window.samples.len()));
        let report = Arc::clone(&progress);
        let within = move |percent: i32| {
            let share = i64::from(percent.clamp(0, 100));
            report(Progress {
                done_ms: from_ms + (to_ms - from_ms) * share / 100,
                total_ms,
            });
        };
        let transcript =
            model.transcribe(&window.samples, &options, within, Arc::clone(&cancel))?;
        // One recording, one language: what the first window heard holds for the rest,
        // which also spares detecting it again.
        if language.is_none() {
            options.language = Some(transcript.language.clone());
            language = Some(transcript.language);
        }
        segments.extend(transcript.segments.into_iter().map(|segment| Segment {
            start_ms: window.source_ms(ms_to_samples(segment.start_ms)),
            end_ms: window.source_ms(ms_to_samples(segment.end_ms)),
            text: segment.text,
        }));
        progress(Progress {
            done_ms: window.source_ms(window.samples.len()),
            total_ms,
        });
    }
    if voiced == 0 {
        return Err(MediaError::NoAudio);
    }
    let duration_ms = reader.position_ms();
    progress(Progress {
        done_ms: duration_ms,
        total_ms: Some(duration_ms),
    });
    Ok(Transcription {
        transcript: Transcript {
            language: language.unwrap_or_else(|| "en".to_owned()),
            segments,
        },
        duration_ms,
        voiced_ms: samples_to_ms(voiced),
    })
}

fn ms_to_samples(ms: i64) -> usize {
    usize::try_from(ms.max(0)).unwrap_or(0) * SAMPLE_RATE / 1000
}

fn samples_to_ms(samples: usize) -> i64 {
    i64::try_from(samples * 1000 / SAMPLE_RATE).unwrap_or(i64::MAX)
}

/// Audio read but not yet transcribed, and where it starts in the recording.
#[derive(Default)]
struct Pending {
    samples: Vec<f32>,
    offset: usize,
}

impl Pending {
    /// How much of the pending audio can be transcribed now. Speech running up to the
    /// end of what was read may go on in the next block, so it waits for it — unless
    /// that would make a window too long, in which case it is cut between words.
    fn cut_point(&self) -> usize {
        let spans = silence::voiced_spans(&self.samples);
        let len = self.samples.len();
        match spans.last() {
            // Silence at the end: a sentence beginning now starts a new span anyway.
            Some(last) if last.end + MIN_GAP <= len => len,
            None => len,
            Some(last) if len - last.start < MAX_WINDOW => last.start,
            Some(_) => silence::quietest_cut(&self.samples[..MAX_WINDOW.min(len)], CUT_SEARCH),
        }
    }

    /// Takes the voiced parts of `..end` as one window, leaving the rest pending.
    fn take_window(&mut self, end: usize) -> Window {
        let spans = silence::voiced_spans(&self.samples[..end]);
        let mut window = Window::default();
        for span in spans {
            window.pieces.push(Piece {
                at: window.samples.len(),
                source: self.offset + span.start,
            });
            window.samples.extend_from_slice(&self.samples[span]);
        }
        self.samples.drain(..end);
        self.offset += end;
        window
    }
}

/// Voiced audio glued together, and where each glued piece came from.
#[derive(Default)]
struct Window {
    samples: Vec<f32>,
    pieces: Vec<Piece>,
}

struct Piece {
    /// Where the piece starts in `Window::samples`.
    at: usize,
    /// Where it starts in the recording.
    source: usize,
}

impl Window {
    /// The recording's time, in ms, of sample `at` of the window.
    fn source_ms(&self, at: usize) -> i64 {
        let piece = self
            .pieces
            .iter()
            .rev()
            .find(|piece| piece.at <= at)
            .or(self.pieces.first());
        let source = piece.map_or(at, |piece| piece.source + (at - piece.at.min(at)));
        samples_to_ms(source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(samples: usize) -> Vec<f32> {
        (0..samples)
            .map(|i| 0.3 * (i as f32 * 0.17).sin())
            .collect()
    }

    #[test]
    fn window_times_map_back_across_skipped_silence() {
        let mut pending = Pending {
            samples: vec![0.0; SAMPLE_RATE * 10],
            offset: SAMPLE_RATE * 60,
        };
        pending.samples[SAMPLE_RATE * 2..SAMPLE_RATE * 3].copy_from_slice(&tone(SAMPLE_RATE));
        pending.samples[SAMPLE_RATE * 7..SAMPLE_RATE * 8].copy_from_slice(&tone(SAMPLE_RATE));
        let len = pending.samples.len();
        let window = pending.take_window(len);
        // Two one-second tones with 0.3 s margins: 1.6 s each, give or take the 30 ms
        // frames that the tones' edges fall in.
        let near = |got: i64, want: i64| assert!((got - want).abs() <= 60, "{got} vs {want}");
        near(samples_to_ms(window.samples.len()), 3_200);
        near(window.source_ms(0), 61_700);
        // 0.1 s into the second piece is 6.8 s into the block.
        let second = window.pieces[1].at;
        near(window.source_ms(second + SAMPLE_RATE / 10), 66_800);
        assert_eq!(pending.offset, SAMPLE_RATE * 70);
        assert!(pending.samples.is_empty());
    }

    #[test]
    fn speech_running_to_the_end_of_a_block_waits_for_the_next() {
        let mut pending = Pending {
            samples: vec![0.0; SAMPLE_RATE * 20],
            offset: 0,
        };
        pending.samples[SAMPLE_RATE * 2..SAMPLE_RATE * 4].copy_from_slice(&tone(SAMPLE_RATE * 2));
        pending.samples[SAMPLE_RATE * 18..].copy_from_slice(&tone(SAMPLE_RATE * 2));
        let cut = pending.cut_point();
        assert_eq!(cut, SAMPLE_RATE * 18 - silence::MARGIN);

        let mut ended = Pending {
            samples: vec![0.0; SAMPLE_RATE * 20],
            offset: 0,
        };
        ended.samples[SAMPLE_RATE * 2..SAMPLE_RATE * 4].copy_from_slice(&tone(SAMPLE_RATE * 2));
        assert_eq!(ended.cut_point(), SAMPLE_RATE * 20);
    }

    #[test]
    fn unbroken_speech_is_cut_before_the_window_grows_too_long() {
        let pending = Pending {
            samples: tone(MAX_WINDOW + SAMPLE_RATE * 30),
            offset: 0,
        };
        let cut = pending.cut_point();
        assert!(
            (MAX_WINDOW - CUT_SEARCH..=MAX_WINDOW).contains(&cut),
            "{cut}"
        );
    }
}
