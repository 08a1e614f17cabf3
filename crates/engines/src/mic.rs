//! The microphone: the system's default input, as 16 kHz mono samples.
//!
//! The audio callback runs on the sound system's own thread and must never wait, so it
//! only mixes down and hands the samples over a channel; resampling happens on the
//! reader's side. The stream lives on a thread of its own, because on some platforms
//! it may not move between threads.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{Data, FromSample, SampleFormat, SizedSample};

use satchel_media::MediaError;
use satchel_media::resample::{To16k, mix_down};
use satchel_media::transcript::SAMPLE_RATE;

/// How long the sound system gets to open the device before Satchel gives up.
const OPEN_TIMEOUT: Duration = Duration::from_secs(10);
/// How long `stop` waits for sound still on its way from the device.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(3);

enum Delivery {
    Samples(Vec<f32>),
    Failed(String),
}

/// An open microphone. Dropping it (or `stop`) closes the device.
pub struct Microphone {
    device: String,
    deliveries: Receiver<Delivery>,
    stop: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
    to16k: To16k,
    channels: usize,
    /// When sound first came in: some sound servers take a second or two to start
    /// a stream, and the recording's clock starts with the sound, not the button.
    first_sound: Option<Instant>,
    /// 16 kHz samples handed out so far.
    given: u64,
}

impl Microphone {
    /// Opens the system's default input device, as the sound settings choose it.
    pub fn open_default() -> Result<Self, MediaError> {
        let (opened_tx, opened) = mpsc::sync_channel(1);
        let (stop_tx, stop_rx) = mpsc::sync_channel::<()>(1);
        let (deliver, deliveries) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("satchel-microphone".into())
            .spawn(move || {
                match start_stream(deliver) {
                    Ok((stream, description)) => {
                        let _ = opened_tx.send(Ok(description));
                        // Held open until told to stop or the reader is gone.
                        let _ = stop_rx.recv();
                        drop(stream);
                    }
                    Err(error) => {
                        let _ = opened_tx.send(Err(error));
                    }
                }
            })
            .map_err(|e| MediaError::Microphone(format!("could not start: {e}")))?;
        let (device, rate, channels) = match opened.recv_timeout(OPEN_TIMEOUT) {
            Ok(Ok(description)) => description,
            Ok(Err(error)) => {
                let _ = thread.join();
                return Err(error);
            }
            Err(_) => {
                return Err(MediaError::Microphone(
                    "the sound system did not open the microphone in time".into(),
                ));
            }
        };
        Ok(Self {
            device,
            deliveries,
            stop: Some(stop_tx),
            thread: Some(thread),
            to16k: To16k::new(rate)?,
            channels,
            first_sound: None,
            given: 0,
        })
    }

    /// The device's name, as the sound system gives it.
    pub fn device(&self) -> &str {
        &self.device
    }

    /// Whether sound has started to come in (the device can take a moment).
    pub fn is_live(&self) -> bool {
        self.first_sound.is_some()
    }

    /// The 16 kHz mono samples captured since the last call, waiting up to `wait` for
    /// the first of them. Empty when nothing came in time; an error when the device
    /// went away.
    pub fn read(&mut self, wait: Duration) -> Result<Vec<f32>, MediaError> {
        let out = self.receive(wait)?;
        if !out.is_empty() && self.first_sound.is_none() {
            let lasted = Duration::from_secs_f64(out.len() as f64 / SAMPLE_RATE as f64);
            self.first_sound = Some(
                Instant::now()
                    .checked_sub(lasted)
                    .unwrap_or_else(Instant::now),
            );
        }
        self.given += out.len() as u64;
        Ok(out)
    }

    fn receive(&mut self, wait: Duration) -> Result<Vec<f32>, MediaError> {
        let mut captured = Vec::new();
        let mut next = match self.deliveries.recv_timeout(wait) {
            Ok(delivery) => Some(delivery),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(MediaError::Microphone("the microphone stopped".into()));
            }
        };
        while let Some(delivery) = next {
            match delivery {
                Delivery::Samples(samples) => captured.extend(samples),
                Delivery::Failed(error) => return Err(MediaError::Microphone(error)),
            }
            next = self.deliveries.try_recv().ok();
        }
        let mono = mix_down(&captured, self.channels);
        let mut out = Vec::with_capacity(mono.len());
        self.to16k.push(&mono, &mut out)?;
        Ok(out)
    }

    /// Closes the device and returns the rest of the sound up to this moment. Sound
    /// servers deliver in blocks, so the last words before Stop may still be on their
    /// way: they are waited for (a few seconds at most), never cut off.
    pub fn stop(mut self) -> Result<Vec<f32>, MediaError> {
        let mut out = Vec::new();
        if let Some(first) = self.first_sound {
            let due = (first.elapsed().as_secs_f64() * SAMPLE_RATE as f64) as u64;
            let deadline = Instant::now() + DRAIN_TIMEOUT;
            while self.given < due && Instant::now() < deadline {
                match self.read(Duration::from_millis(50)) {
                    Ok(more) => out.extend(more),
                    Err(_) => break,
                }
            }
        }
        self.close();
        let mut captured = Vec::new();
        for delivery in self.deliveries.try_iter() {
            if let Delivery::Samples(samples) = delivery {
                captured.extend(samples);
            }
        }
        let mono = mix_down(&captured, self.channels);
        self.to16k.push(&mono, &mut out)?;
        self.to16k.flush(&mut out)?;
        Ok(out)
    }

    fn close(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Microphone {
    fn drop(&mut self) {
        self.close();
    }
}

impl std::fmt::Debug for Microphone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Microphone")
            .field("device", &self.device)
            .field("rate", &self.to16k.rate())
            .field("channels", &self.channels)
            .finish_non_exhaustive()
    }
}

type Opened = (cpal::Stream, (String, usize, usize));

fn start_stream(deliver: mpsc::Sender<Delivery>) -> Result<Opened, MediaError> {
    let unavailable = |detail: String| MediaError::Microphone(detail);
    let host = cpal::default_host();
    let device = host.default_input_device().ok_or_else(|| {
        unavailable("no microphone was found; plug one in or check the sound settings".into())
    })?;
    let name = device
        .description()
        .map(|d| d.name().to_owned())
        .unwrap_or_else(|_| device.to_string());
    let config = device
        .default_input_config()
        .map_err(|e| unavailable(format!("{name} cannot record: {e}")))?;
    let format = config.sample_format();
    let rate = config.sample_rate() as usize;
    let channels = usize::from(config.channels()).max(1);
    let failed = deliver.clone();
    let on_error = move |error: cpal::Error| {
        let _ = failed.send(Delivery::Failed(error.to_string()));
    };
    let on_data = move |data: &Data, _: &cpal::InputCallbackInfo| {
        let samples = match format {
            SampleFormat::F32 => to_f32::<f32>(data),
            SampleFormat::I16 => to_f32::<i16>(data),
            SampleFormat::I32 => to_f32::<i32>(data),
            SampleFormat::U16 => to_f32::<u16>(data),
            SampleFormat::U8 => to_f32::<u8>(data),
            SampleFormat::I8 => to_f32::<i8>(data),
            SampleFormat::F64 => to_f32::<f64>(data),
            _ => None,
        };
        let _ = deliver.send(match samples {
            Some(samples) => Delivery::Samples(samples),
            None => Delivery::Failed(format!(
                "the microphone's sample format {format} is not supported"
            )),
        });
    };
    let stream = device
        .build_input_stream_raw(config.into(), format, on_data, on_error, None)
        .map_err(|e| unavailable(format!("{name} cannot record: {e}")))?;
    stream
        .play()
        .map_err(|e| unavailable(format!("{name} would not start: {e}")))?;
    Ok((stream, (name, rate, channels)))
}

fn to_f32<T: SizedSample>(data: &Data) -> Option<Vec<f32>>
where
    f32: FromSample<T>,
{
    data.as_slice::<T>()
        .map(|samples| samples.iter().map(|s| s.to_sample::<f32>()).collect())
}
