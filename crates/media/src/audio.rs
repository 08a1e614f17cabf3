//! Audio files in, 16 kHz mono samples out, a window at a time: WAV, MP3, FLAC,
//! Ogg/Vorbis and M4A/AAC through symphonia, resampled with rubato. Memory stays
//! bounded whatever the recording's length, and a crafted file that makes a decoder
//! panic is reported as damaged instead of taking the app down.

use std::fs::File;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use rubato::{FftFixedIn, Resampler};
use symphonia::core::audio::SampleBuffer;
use symphonia::core::codecs::{CODEC_TYPE_NULL, Decoder, DecoderOptions};
use symphonia::core::errors::Error as SymphoniaError;
use symphonia::core::formats::{FormatOptions, FormatReader};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;
use symphonia::core::probe::Hint;

use crate::MediaError;
use crate::speech::SAMPLE_RATE;

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

const RESAMPLER_CHUNK: usize = 1024;

/// Streams a file's audio as 16 kHz mono windows.
pub struct AudioReader {
    format: Box<dyn FormatReader>,
    decoder: Box<dyn Decoder>,
    track_id: u32,
    channels: usize,
    resampler: Option<FftFixedIn<f32>>,
    /// Mono samples at the source rate, waiting for a full resampler chunk.
    pending: Vec<f32>,
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
        if size > limits.max_bytes {
            return Err(MediaError::TooLarge {
                max_mb: limits.max_bytes / (1024 * 1024),
            });
        }
        if size == 0 {
            return Err(MediaError::NoAudio);
        }
        let mut hint = Hint::new();
        if let Some(extension) = path.extension().and_then(|e| e.to_str()) {
            hint.with_extension(extension);
        }
        let stream = MediaSourceStream::new(Box::new(file), Default::default());
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
        if rate == 0 {
            return Err(MediaError::CorruptAudio("a sample rate of zero".into()));
        }
        let channels = params.channels.map_or(1, |c| c.count()).max(1);
        let decoder = guarded("decoder", || {
            symphonia::default::get_codecs().make(&params, &DecoderOptions::default())
        })?
        .map_err(|e| MediaError::UnsupportedAudio(e.to_string()))?;
        let resampler = if rate == SAMPLE_RATE {
            None
        } else {
            Some(
                FftFixedIn::new(rate, SAMPLE_RATE, RESAMPLER_CHUNK, 2, 1).map_err(|e| {
                    MediaError::UnsupportedAudio(format!("resampling from {rate} Hz: {e}"))
                })?,
            )
        };
        Ok(Self {
            format,
            decoder,
            track_id,
            channels,
            resampler,
            pending: Vec::new(),
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
        let channels = self.channels;
        let decoded = guarded("decoder", || {
            self.decoder.decode(&packet).map(|buffer| {
                let mut samples =
                    SampleBuffer::<f32>::new(buffer.capacity() as u64, *buffer.spec());
                samples.copy_interleaved_ref(buffer);
                samples.samples().to_vec()
            })
        })?;
        let interleaved = match decoded {
            Ok(samples) => samples,
            // One damaged frame is skipped, as players do.
            Err(SymphoniaError::DecodeError(_)) => return Ok(()),
            Err(SymphoniaError::IoError(_)) => return self.finish(),
            Err(e) => return Err(MediaError::CorruptAudio(e.to_string())),
        };
        let scale = 1.0 / channels as f32;
        self.pending.extend(
            interleaved
                .chunks(channels)
                .map(|frame| frame.iter().sum::<f32>() * scale),
        );
        self.resample(false)
    }

    fn finish(&mut self) -> Result<(), MediaError> {
        self.finished = true;
        self.resample(true)
    }

    fn resample(&mut self, flush: bool) -> Result<(), MediaError> {
        let Some(resampler) = self.resampler.as_mut() else {
            self.ready.append(&mut self.pending);
            return Ok(());
        };
        let failed = |e: rubato::ResampleError| MediaError::CorruptAudio(e.to_string());
        while self.pending.len() >= resampler.input_frames_next() {
            let needed = resampler.input_frames_next();
            let out = resampler
                .process(&[&self.pending[..needed]], None)
                .map_err(failed)?;
            self.pending.drain(..needed);
            self.ready.extend_from_slice(&out[0]);
        }
        if flush && !self.pending.is_empty() {
            let out = resampler
                .process_partial(Some(&[&self.pending[..]]), None)
                .map_err(failed)?;
            self.pending.clear();
            self.ready.extend_from_slice(&out[0]);
        }
        Ok(())
    }
}
