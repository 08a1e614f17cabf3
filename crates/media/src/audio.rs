//! Audio files in, 16 kHz mono samples out, a window at a time: WAV, MP3, FLAC,
//! Ogg/Vorbis and M4A/AAC through symphonia, resampled with rubato. Memory stays
//! bounded whatever the recording's length, and a crafted file that makes a decoder
//! panic is reported as damaged instead of taking the app down.

use std::fs::File;
use std::io::{Read, Seek};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{CODEC_TYPE_NULL, Decoder, DecoderOptions};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::{MediaSource, MediaSourceStream};
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use crate::MediaError;
use crate::resample::To16k;
use crate::transcript::SAMPLE_RATE;

/// What Satchel takes in one go: a school day's recording, in a file of sane size.
#[derive(Debug, Clone, Copy)]
pub struct AudioLimits {
    pub max_bytes: u64,
    pub max_minutes: u64,
}

impl Default for AudioLimits {
    fn default() -> Self {
        Self {
            max_bytes: 2 * 1024 * 1024 * 1024,
            max_minutes: 8 * 60,
        }
    }
}

/// Where encoded audio can come from: a file, or a blob read back from the store.
pub trait AudioSource: Read + Seek + Send + Sync {}
impl<T: Read + Seek + Send + Sync> AudioSource for T {}

/// Lets symphonia seek (MP4 keeps its index at the end) and know the length.
struct Seekable {
    inner: Box<dyn AudioSource>,
    len: u64,
}

impl Read for Seekable {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf)
    }
}

impl Seek for Seekable {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.inner.seek(pos)
    }
}

impl MediaSource for Seekable {
    fn is_seekable(&self) -> bool {
        true
    }

    fn byte_len(&self) -> Option<u64> {
        Some(self.len)
    }
}

/// Streams a file's audio as 16 kHz mono windows.
pub struct AudioReader {
    format: Box<dyn FormatReader>,
    decoder: Box<dyn Decoder>,
    track_id: u32,
    decoded_any: bool,
    /// Set for the container's rate until the decoder's first output says otherwise
    /// (HE-AAC doubles it).
    resampler: To16k,
    /// The length the container declares, when it declares one.
    duration_ms: Option<i64>,
    /// 16 kHz output not yet handed out.
    ready: Vec<f32>,
    produced: u64,
    limits: AudioLimits,
    finished: bool,
}

fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, MediaError> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|_| MediaError::CorruptAudio(format!("the {what} failed on this file")))
}

impl AudioReader {
    pub fn open(path: &Path, limits: AudioLimits) -> Result<Self, MediaError> {
        let io = |source| MediaError::Io {
            path: path.to_owned(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        let extension = path.extension().and_then(|e| e.to_str());
        Self::from_source(Box::new(file), size, extension, limits)
    }

    /// Reads `size` bytes of encoded audio from `source`; `extension` (such as "mp3")
    /// is a hint for telling formats apart.
    pub fn from_source(
        source: Box<dyn AudioSource>,
        size: u64,
        extension: Option<&str>,
        limits: AudioLimits,
    ) -> Result<Self, MediaError> {
        if size > limits.max_bytes {
            return Err(MediaError::TooLarge {
                max_mb: limits.max_bytes / (1024 * 1024),
            });
        }
        if size == 0 {
            return Err(MediaError::NoAudio);
        }
        let mut hint = Hint::new();
        if let Some(extension) = extension {
            hint.with_extension(extension);
        }
        let stream = MediaSourceStream::new(
            Box::new(Seekable {
                inner: source,
                len: size,
            }),
            Default::default(),
        );
        let probed = guarded("format probe", || {
            symphonia::default::get_probe().format(
                &hint,
                stream,
                &FormatOptions::default(),
                &MetadataOptions::default(),
            )
        })?
        .map_err(|e| MediaError::UnsupportedAudio(e.to_string()))?;
        let format = probed.format;
        let track = format
            .tracks()
            .iter()
            .find(|t| t.codec_params.codec != CODEC_TYPE_NULL)
            .ok_or(MediaError::NoAudio)?;
        let params = track.codec_params.clone();
        let track_id = track.id;
        let rate = params
            .sample_rate
            .ok_or_else(|| MediaError::UnsupportedAudio("no sample rate".into()))?
            as usize;
        // Refuses a rate of zero before it is divided by.
        let resampler = To16k::new(rate)?;
        let duration_ms = params
            .n_frames
            .and_then(|frames| i64::try_from(frames.saturating_mul(1000) / rate as u64).ok());
        let decoder = guarded("decoder", || {
            symphonia::default::get_codecs().make(&params, &DecoderOptions::default())
        })?
        .map_err(|e| MediaError::UnsupportedAudio(e.to_string()))?;
        Ok(Self {
            format,
            decoder,
            track_id,
            decoded_any: false,
            resampler,
            duration_ms,
            ready: Vec::new(),
            produced: 0,
            limits,
            finished: false,
        })
    }

    /// Milliseconds of 16 kHz audio handed out so far.
    pub fn position_ms(&self) -> i64 {
        i64::try_from(self.produced * 1000 / SAMPLE_RATE as u64).unwrap_or(i64::MAX)
    }

    /// How long the recording says it is; `None` when the container does not say
    /// (some MP3s), in which case only the end of reading tells.
    pub fn duration_ms(&self) -> Option<i64> {
        self.duration_ms
    }

    /// The next window of at most `max_samples`, or `None` at the end.
    pub fn next_window(&mut self, max_samples: usize) -> Result<Option<Vec<f32>>, MediaError> {
        while self.ready.len() < max_samples && !self.finished {
            self.decode_packet()?;
        }
        if self.ready.is_empty() {
            return Ok(None);
        }
        let take = self.ready.len().min(max_samples);
        let window: Vec<f32> = self.ready.drain(..take).collect();
        self.produced += window.len() as u64;
        if self.produced / (SAMPLE_RATE as u64 * 60) > self.limits.max_minutes {
            return Err(MediaError::TooLong {
                max_minutes: self.limits.max_minutes,
            });
        }
        Ok(Some(window))
    }

    /// Reads everything (for short clips and tests).
    pub fn read_all(mut self) -> Result<Vec<f32>, MediaError> {
        let mut all = Vec::new();
        while let Some(window) = self.next_window(SAMPLE_RATE * 60)? {
            all.extend(window);
        }
        Ok(all)
    }

    fn decode_packet(&mut self) -> Result<(), MediaError> {
        let packet = match guarded("demuxer", || self.format.next_packet())? {
            Ok(packet) => packet,
            // The end, or a file cut short: keep what was decoded.
            Err(SymphoniaError::IoError(_)) | Err(SymphoniaError::ResetRequired) => {
                return self.finish();
            }
            Err(e) => return Err(MediaError::CorruptAudio(e.to_string())),
        };
        if packet.track_id() != self.track_id {
            return Ok(());
        }
        // Channels and rate are taken from what the decoder made, not from the
        // container, which may not say (MP4) or may be wrong.
        let decoded = guarded("decoder", || {
            self.decoder.decode(&packet).map(|buffer| {
                let spec = *buffer.spec();
                let mut samples = SampleBuffer::<f32>::new(buffer.capacity() as u64, spec);
                samples.copy_interleaved_ref(buffer);
                (
                    samples.samples().to_vec(),
                    spec.channels.count().max(1),
                    spec.rate as usize,
                )
            })
        })?;
        let (interleaved, channels, rate) = match decoded {
            Ok(samples) => samples,
            // One damaged frame is skipped, as players do.
            Err(SymphoniaError::DecodeError(_)) => return Ok(()),
            Err(SymphoniaError::IoError(_)) => return self.finish(),
            Err(e) => return Err(MediaError::CorruptAudio(e.to_string())),
        };
        if rate != self.resampler.rate() {
            if self.decoded_any || rate == 0 {
                return Err(MediaError::CorruptAudio(format!(
                    "the sample rate changes from {} Hz to {rate} Hz",
                    self.resampler.rate()
                )));
            }
            self.resampler = To16k::new(rate)?;
        }
        self.decoded_any = true;
        let mono = crate::resample::mix_down(&interleaved, channels);
        self.resampler.push(&mono, &mut self.ready)
    }

    fn finish(&mut self) -> Result<(), MediaError> {
        self.finished = true;
        self.resampler.flush(&mut self.ready)
    }
}

impl std::fmt::Debug for AudioReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AudioReader")
            .field("rate", &self.resampler.rate())
            .field("duration_ms", &self.duration_ms)
            .field("position_ms", &self.position_ms())
            .finish_non_exhaustive()
    }
}

/// The loudest sample's level in dBFS (−∞ for silence, 0 at full scale).
pub fn peak_dbfs(samples: &[f32]) -> f32 {
    let peak = samples.iter().fold(0f32, |m, s| m.max(s.abs()));
    20.0 * peak.log10()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_in_dbfs() {
        assert_eq!(peak_dbfs(&[0.0, 1.0, -0.5]), 0.0);
        assert!((peak_dbfs(&[0.1]) - -20.0).abs() < 0.01);
        assert_eq!(peak_dbfs(&[]), f32::NEG_INFINITY);
    }
}
