//! Any rate in, Whisper's 16 kHz out, a piece at a time: shared by files being
//! decoded and the microphone.

use rubato::{FftFixedIn, Resampler};

use crate::MediaError;
use crate::transcript::SAMPLE_RATE;

const CHUNK: usize = 1024;

/// Mono samples at `rate` in, 16 kHz out. Input is held until a full resampler
/// chunk is there, so output trails input by at most one chunk until `flush`. The
/// resampler's own delay is dropped from the start and the padding of the last
/// chunk from the end, so a sample's time is the same on both sides and an hour in
/// is an hour out.
pub struct To16k {
    rate: usize,
    resampler: Option<FftFixedIn<f32>>,
    pending: Vec<f32>,
    count: Count,
}

struct Count {
    rate: u64,
    /// Output still to drop: the resampler's delay.
    skip: usize,
    taken_in: u64,
    given_out: u64,
}

impl Count {
    /// 16 kHz samples that the input so far stands for.
    fn due(&self) -> u64 {
        (self.taken_in * SAMPLE_RATE as u64).div_ceil(self.rate)
    }

    fn give(&mut self, resampled: &[f32], out: &mut Vec<f32>) {
        let skipped = self.skip.min(resampled.len());
        self.skip -= skipped;
        let kept = &resampled[skipped..];
        let room = usize::try_from(self.due().saturating_sub(self.given_out)).unwrap_or(usize::MAX);
        let kept = &kept[..kept.len().min(room)];
        self.given_out += kept.len() as u64;
        out.extend_from_slice(kept);
    }
}

impl To16k {
    pub fn new(rate: usize) -> Result<Self, MediaError> {
        if rate == 0 {
            return Err(MediaError::CorruptAudio("a sample rate of zero".into()));
        }
        let resampler = if rate == SAMPLE_RATE {
            None
        } else {
            Some(
                FftFixedIn::new(rate, SAMPLE_RATE, CHUNK, 2, 1).map_err(|e| {
                    MediaError::UnsupportedAudio(format!("resampling from {rate} Hz: {e}"))
                })?,
            )
        };
        Ok(Self {
            rate,
            count: Count {
                rate: rate as u64,
                skip: resampler.as_ref().map_or(0, |r| r.output_delay()),
                taken_in: 0,
                given_out: 0,
            },
            resampler,
            pending: Vec::new(),
        })
    }

    pub fn rate(&self) -> usize {
        self.rate
    }

    /// Appends the 16 kHz samples that `input` completes to `out`.
    pub fn push(&mut self, input: &[f32], out: &mut Vec<f32>) -> Result<(), MediaError> {
        let Some(resampler) = self.resampler.as_mut() else {
            out.extend_from_slice(input);
            return Ok(());
        };
        self.count.taken_in += input.len() as u64;
        self.pending.extend_from_slice(input);
        let mut used = 0;
        while self.pending.len() - used >= resampler.input_frames_next() {
            let needed = resampler.input_frames_next();
            let resampled = resampler
                .process(&[&self.pending[used..used + needed]], None)
                .map_err(failed)?;
            used += needed;
            self.count.give(&resampled[0], out);
        }
        self.pending.drain(..used);
        Ok(())
    }

    /// Appends whatever is still held back to `out`.
    pub fn flush(&mut self, out: &mut Vec<f32>) -> Result<(), MediaError> {
        let mut input = std::mem::take(&mut self.pending);
        // The last real samples, then silence until the delay has let them through.
        while self.count.given_out < self.count.due() {
            let Some(resampler) = self.resampler.as_mut() else {
                break;
            };
            let resampled = if input.is_empty() {
                resampler.process_partial::<&[f32]>(None, None)
            } else {
                resampler.process_partial(Some(&[&input[..]]), None)
            }
            .map_err(failed)?;
            input.clear();
            if resampled[0].is_empty() {
                break;
            }
            self.count.give(&resampled[0], out);
        }
        Ok(())
    }
}

/// Interleaved frames of `channels` samples to one channel, by their mean.
pub fn mix_down(interleaved: &[f32], channels: usize) -> Vec<f32> {
    if channels <= 1 {
        return interleaved.to_vec();
    }
    let scale = 1.0 / channels as f32;
    interleaved
        .chunks(channels)
        .map(|frame| frame.iter().sum::<f32>() * scale)
        .collect()
}

fn failed(e: rubato::ResampleError) -> MediaError {
    MediaError::CorruptAudio(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_at_any_rate_becomes_a_second_at_16k() {
        for rate in [8_000, 16_000, 22_050, 44_100, 48_000] {
            let mut to16k = To16k::new(rate).unwrap();
            let mut out = Vec::new();
            // Fed in uneven pieces, as a microphone delivers them.
            let input: Vec<f32> = (0..rate)
                .map(|i| (i as f32 * 440.0 * std::f32::consts::TAU / rate as f32).sin() * 0.5)
                .collect();
            for piece in input.chunks(333) {
                to16k.push(piece, &mut out).unwrap();
            }
            to16k.flush(&mut out).unwrap();
            assert_eq!(out.len(), SAMPLE_RATE, "{rate} Hz");
            let peak = out.iter().fold(0f32, |m, s| m.max(s.abs()));
            assert!((0.4..0.6).contains(&peak), "{rate} Hz: peak {peak}");
            // No delay: the tone starts at once and lasts to the very end.
            let head = out[40..200].iter().fold(0f32, |m, s| m.max(s.abs()));
            let tail = out[SAMPLE_RATE - 200..SAMPLE_RATE - 40]
                .iter()
                .fold(0f32, |m, s| m.max(s.abs()));
            assert!(
                head > 0.4 && tail > 0.4,
                "{rate} Hz: head {head}, tail {tail}"
            );
        }
    }

    #[test]
    fn a_rate_of_zero_is_refused() {
        assert!(To16k::new(0).is_err());
    }
}
