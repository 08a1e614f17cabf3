//! Recording from the microphone, straight into the encrypted store.
//!
//! The sound is kept as 16 kHz mono 16-bit WAV — Whisper's own rate, about 115 MB an
//! hour — written into a blob a chunk at a time while the learner speaks: whole
//! chunks as they fill, and the unfinished one every couple of seconds. So a killed
//! app or a flat battery loses at most the last two seconds: the next unlock closes
//! the recording where it stopped and queues it for transcription
//! ([`Profile::recover_recordings`]). Nothing of it is ever on disk in plaintext.

use std::fs::{File, TryLockError};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension, params};
use satchel_media::MediaError;
use satchel_media::audio::{AudioLimits, peak_dbfs};
use satchel_media::transcript::SAMPLE_RATE;
use satchel_types::{Event, RecordingView, SourceKind, SourceView};

use crate::blobs::CHUNK;
use crate::ids::BlobId;
use crate::profile::{Profile, Tx};
use crate::store;
use crate::{Error, Result, now_ms};

/// The unfinished chunk is saved this often: the most a crash can take.
const SAVE_EVERY: Duration = Duration::from_secs(2);
/// The level meter and the timer move this often.
const LEVEL_EVERY: Duration = Duration::from_millis(100);
const HEADER: usize = 44;
/// The quietest level reported: below it is silence to any meter.
const FLOOR_DB: f32 = -90.0;

/// A live sound input as 16 kHz mono samples: the system's microphone in
/// `satchel-engines` (over cpal), or whatever a test feeds in.
pub trait SoundInput: Send {
    /// The device's name, as the sound system gives it.
    fn device(&self) -> &str;

    /// Whether sound has started to come in (a device can take a moment).
    fn is_live(&self) -> bool;

    /// The samples captured since the last call, waiting up to `wait` for the first of
    /// them. Empty when nothing came in time; an error when the device went away.
    fn read(&mut self, wait: Duration) -> std::result::Result<Vec<f32>, MediaError>;

    /// Closes the device and returns the rest of the sound up to this moment, the
    /// last words before Stop included.
    fn stop(self: Box<Self>) -> std::result::Result<Vec<f32>, MediaError>;
}

/// Tells a running recording to stop (and keep what it has) or to discard it.
#[derive(Debug, Default)]
pub struct RecordingControl {
    stop: AtomicBool,
    discard: AtomicBool,
}

impl RecordingControl {
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    pub fn discard(&self) {
        self.discard.store(true, Ordering::SeqCst);
        self.stop();
    }

    pub fn is_stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

/// How a recording ended.
#[derive(Debug)]
pub enum Recorded {
    /// Kept, and queued for transcription. `cut_short` says why it stopped if the
    /// learner did not stop it (the microphone went away, the time limit, a full disk).
    Saved {
        source: Box<SourceView>,
        cut_short: Option<Error>,
    },
    Discarded,
}

/// A recording from a microphone, open and being written.
pub struct Recording {
    microphone: Box<dyn SoundInput>,
    writer: Writer,
    title: String,
}

impl Recording {
    /// Opens the blob the recording from `microphone` (already open: a microphone
    /// that does not answer fails before anything is stored) goes into.
    pub fn start(
        profile: &Arc<Profile>,
        title: &str,
        microphone: Box<dyn SoundInput>,
    ) -> Result<Self> {
        let title = title.trim();
        let title: String = if title.is_empty() { "Recording" } else { title }
            .chars()
            .take(crate::TITLE_MAX_CHARS)
            .collect();
        let writer = Writer::begin(Arc::clone(profile), &title)?;
        Ok(Self {
            microphone,
            writer,
            title,
        })
    }

    pub fn view(&self) -> RecordingView {
        RecordingView {
            title: self.title.clone(),
            device: self.microphone.device().to_owned(),
            elapsed_ms: self.writer.elapsed_ms(),
            live: self.microphone.is_live(),
        }
    }

    /// Records until `control` says stop (or the microphone goes away, or the time
    /// limit is reached), announcing the level and the time on the profile's events.
    /// Blocks: run it on a thread of its own.
    pub fn run(self, control: &RecordingControl) -> Result<Recorded> {
        let Self {
            mut microphone,
            mut writer,
            ..
        } = self;
        let bus = writer.profile.events().clone();
        let limit_ms =
            i64::try_from(AudioLimits::default().max_minutes * 60_000).unwrap_or(i64::MAX);
        let mut cut_short = None;
        let mut loudest = 0f32;
        let mut announced = Instant::now();
        while !control.stop.load(Ordering::SeqCst) {
            match microphone.read(Duration::from_millis(50)) {
                Ok(samples) => {
                    loudest = samples.iter().fold(loudest, |m, s| m.max(s.abs()));
                    if let Err(error) = writer.push(&samples) {
                        cut_short = Some(error);
                        break;
                    }
                }
                Err(error) => {
                    cut_short = Some(error.into());
                    break;
                }
            }
            if writer.elapsed_ms() >= limit_ms {
                cut_short = Some(Error::Rule(satchel_types::ErrorDetail::RecordingTooLong {
                    max_minutes: (limit_ms / 60_000) as u64,
                }));
                break;
            }
            if announced.elapsed() >= LEVEL_EVERY {
                announced = Instant::now();
                bus.publish(Event::RecordingLevel {
                    elapsed_ms: writer.elapsed_ms(),
                    level_db: level_db(loudest),
                    live: microphone.is_live(),
                });
                loudest = 0.0;
            }
        }
        if control.discard.load(Ordering::SeqCst) {
            drop(microphone);
            writer.discard()?;
            bus.publish(Event::RecordingEnded {
                source_id: None,
                error: None,
            });
            return Ok(Recorded::Discarded);
        }
        // The last words before Stop, still on their way from the sound server.
        match microphone.stop() {
            Ok(rest) => {
                if let Err(error) = writer.push(&rest) {
                    cut_short.get_or_insert(error);
                }
            }
            Err(error) => {
                cut_short.get_or_insert(error.into());
            }
        }
        let saved = writer.finish();
        bus.publish(Event::RecordingEnded {
            source_id: saved
                .as_ref()
                .ok()
                .and_then(|s| s.as_ref().map(|s| s.id.clone())),
            error: saved.as_ref().err().or(cut_short.as_ref()).map(Error::view),
        });
        match saved? {
            Some(source) => Ok(Recorded::Saved {
                source: Box::new(source),
                cut_short,
            }),
            // Stopped before any sound came in: nothing to keep.
            None => match cut_short {
                Some(error) => Err(error),
                None => Ok(Recorded::Discarded),
            },
        }
    }
}

impl std::fmt::Debug for Recording {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recording")
            .field("title", &self.title)
            .field("microphone", &self.microphone.device())
            .finish_non_exhaustive()
    }
}

fn level_db(peak: f32) -> i16 {
    peak_dbfs(&[peak]).clamp(FLOOR_DB, 0.0).round() as i16
}

/// The blob a recording goes into, and the lock that tells other processes it is
/// still being made.
struct Writer {
    profile: Arc<Profile>,
    blob_id: BlobId,
    lock_path: PathBuf,
    /// Held while recording; the operating system lets go of it if the app dies.
    _lock: File,
    /// The chunk being filled; its number is `full_chunks`.
    tail: Vec<u8>,
    full_chunks: i64,
    samples: u64,
    saved_at: Instant,
}

impl Writer {
    fn begin(profile: Arc<Profile>, title: &str) -> Result<Self> {
        let blob_id = BlobId::new();
        let lock_path = lock_path(&profile, &blob_id);
        if let Some(dir) = lock_path.parent() {
            std::fs::create_dir_all(dir).map_err(Error::io("creating", dir))?;
        }
        let lock = File::create(&lock_path).map_err(Error::io("creating", &lock_path))?;
        lock.try_lock().map_err(|e| match e {
            TryLockError::Error(e) => Error::io("locking", &lock_path)(e),
            TryLockError::WouldBlock => Error::InUse("the recording is already being made".into()),
        })?;
        profile.transact(|tx| {
            let now = now_ms();
            store::blobs::create(tx, &blob_id, "audio/wav", now)?;
            tx.execute(
                "INSERT INTO recordings (blob_id, title, started_at) VALUES (?1, ?2, ?3)",
                params![blob_id, title, now],
            )?;
            Ok(())
        })?;
        let mut tail = Vec::with_capacity(CHUNK);
        tail.extend_from_slice(&wav_header(0));
        Ok(Self {
            profile,
            blob_id,
            lock_path,
            _lock: lock,
            tail,
            full_chunks: 0,
            samples: 0,
            saved_at: Instant::now(),
        })
    }

    fn elapsed_ms(&self) -> i64 {
        i64::try_from(self.samples * 1000 / SAMPLE_RATE as u64).unwrap_or(i64::MAX)
    }

    fn push(&mut self, samples: &[f32]) -> Result<()> {
        for &sample in samples {
            let value = (sample.clamp(-1.0, 1.0) * f32::from(i16::MAX)).round() as i16;
            self.tail.extend_from_slice(&value.to_le_bytes());
            if self.tail.len() == CHUNK {
                self.save_tail()?;
                self.full_chunks += 1;
                self.tail.clear();
            }
        }
        self.samples += samples.len() as u64;
        if self.saved_at.elapsed() >= SAVE_EVERY {
            self.save_tail()?;
        }
        Ok(())
    }

    fn save_tail(&mut self) -> Result<()> {
        self.saved_at = Instant::now();
        if self.tail.is_empty() {
            return Ok(());
        }
        let (blob_id, seq, bytes) = (&self.blob_id, self.full_chunks, &self.tail);
        self.profile
            .transact(|tx| store::blobs::put_chunk(tx, blob_id, seq, bytes))
    }

    /// Saves the rest and turns the recording into a source queued for transcription;
    /// `None` when no sound was recorded at all.
    fn finish(mut self) -> Result<Option<SourceView>> {
        self.save_tail()?;
        let source = self.profile.close_recording(&self.blob_id)?;
        let _ = std::fs::remove_file(&self.lock_path);
        Ok(source)
    }

    fn discard(self) -> Result<()> {
        self.profile.delete_blob(&self.blob_id)?;
        let _ = std::fs::remove_file(&self.lock_path);
        Ok(())
    }
}

fn lock_path(profile: &Profile, blob_id: &BlobId) -> PathBuf {
    profile
        .dir()
        .join("recordings")
        .join(format!("{blob_id}.lock"))
}

/// A WAV header for 16 kHz mono 16-bit PCM with `data` bytes of samples.
fn wav_header(data: u32) -> [u8; HEADER] {
    let rate = SAMPLE_RATE as u32;
    let mut header = [0u8; HEADER];
    let mut at = 0;
    let mut put = |bytes: &[u8]| {
        header[at..at + bytes.len()].copy_from_slice(bytes);
        at += bytes.len();
    };
    put(b"RIFF");
    put(&data.saturating_add(36).to_le_bytes());
    put(b"WAVEfmt ");
    put(&16u32.to_le_bytes());
    put(&1u16.to_le_bytes()); // PCM
    put(&1u16.to_le_bytes()); // mono
    put(&rate.to_le_bytes());
    put(&(rate * 2).to_le_bytes()); // bytes per second
    put(&2u16.to_le_bytes()); // bytes per frame
    put(&16u16.to_le_bytes()); // bits per sample
    put(b"data");
    put(&data.to_le_bytes());
    header
}

/// Turns a recording's blob into a source: the header made to say how long it is,
/// the blob marked complete, a source queued. A recording with no sound is removed.
fn close_recording(tx: &Tx<'_>, blob_id: &BlobId) -> Result<Option<SourceView>> {
    let Some((title, started_at)) = tx
        .query_row(
            "SELECT title, started_at FROM recordings WHERE blob_id = ?1",
            [blob_id],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let size: i64 = tx.query_row(
        "SELECT coalesce(sum(length(bytes)), 0) FROM blob_chunks WHERE blob_id = ?1",
        [blob_id],
        |row| row.get(0),
    )?;
    let size = u64::try_from(size).unwrap_or(0);
    // Whole samples only: a chunk is always saved at a sample's end, but be sure.
    let data = size.saturating_sub(HEADER as u64) & !1;
    if data == 0 {
        store::blobs::delete(tx, blob_id)?;
        return Ok(None);
    }
    let first: Vec<u8> = tx.query_row(
        "SELECT bytes FROM blob_chunks WHERE blob_id = ?1 AND seq = 0",
        [blob_id],
        |row| row.get(0),
    )?;
    let mut first = first;
    let data32 = u32::try_from(data).unwrap_or(u32::MAX);
    first[..HEADER].copy_from_slice(&wav_header(data32));
    store::blobs::put_chunk(tx, blob_id, 0, &first)?;
    store::blobs::complete(tx, blob_id, data + HEADER as u64, None)?;
    tx.execute("DELETE FROM recordings WHERE blob_id = ?1", [blob_id])?;
    let duration_ms = i64::try_from(data / 2 * 1000 / SAMPLE_RATE as u64).unwrap_or(i64::MAX);
    let source = crate::sources::insert_source(
        tx,
        SourceKind::Audio,
        &title,
        None,
        blob_id,
        Some(duration_ms),
        started_at,
    )?;
    Ok(Some(source))
}

impl Profile {
    /// Closes a recording (see `close_recording`) and announces the source it became.
    fn close_recording(&self, blob_id: &BlobId) -> Result<Option<SourceView>> {
        self.transact(|tx| {
            let source = close_recording(tx, blob_id)?;
            tx.emit_all(source.iter().map(crate::sources::saved));
            Ok(source)
        })
    }

    /// Closes recordings that a killed app or a power cut left open, at their last
    /// saved chunk, and queues them for transcription. One still being made by a
    /// running process (its lock held) is left alone. Returns how many were closed.
    pub(crate) fn recover_recordings(&self) -> Result<usize> {
        let open: Vec<BlobId> = self.read(open_recordings)?;
        let mut closed = 0;
        for blob_id in open {
            let lock_path = lock_path(self, &blob_id);
            if let Some(dir) = lock_path.parent() {
                std::fs::create_dir_all(dir).map_err(Error::io("creating", dir))?;
            }
            let lock = File::options()
                .create(true)
                .write(true)
                .truncate(false)
                .open(&lock_path)
                .map_err(Error::io("opening", &lock_path))?;
            match lock.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => continue,
                Err(TryLockError::Error(error)) => {
                    return Err(Error::io("locking", &lock_path)(error));
                }
            }
            self.close_recording(&blob_id)?;
            drop(lock);
            let _ = std::fs::remove_file(&lock_path);
            closed += 1;
        }
        Ok(closed)
    }
}

fn open_recordings(conn: &Connection) -> Result<Vec<BlobId>> {
    let mut statement = conn.prepare("SELECT blob_id FROM recordings ORDER BY started_at")?;
    let ids = statement
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use satchel_media::audio::AudioReader;
    use satchel_types::SourceStatus;

    use super::*;
    use crate::testing::keychain_profile;

    fn tone(seconds: f32) -> Vec<f32> {
        (0..(seconds * SAMPLE_RATE as f32) as usize)
            .map(|i| (i as f32 * 440.0 * std::f32::consts::TAU / SAMPLE_RATE as f32).sin() * 0.5)
            .collect()
    }

    fn pieces(samples: &[f32]) -> impl Iterator<Item = &[f32]> {
        // Uneven, as a microphone delivers them.
        samples.chunks(333)
    }

    fn counts(profile: &Profile) -> (i64, i64, i64) {
        profile
            .read(|conn| {
                Ok(conn.query_row(
                    "SELECT (SELECT count(*) FROM blobs), (SELECT count(*) FROM recordings),
                            (SELECT count(*) FROM sources)",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                )?)
            })
            .unwrap()
    }

    fn stored_samples(profile: &Arc<Profile>, source: &str) -> Vec<f32> {
        let (mut reader, media_type) = profile.source_original(source).unwrap();
        assert_eq!(media_type, "audio/wav");
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).unwrap();
        let file = tempfile::NamedTempFile::with_suffix(".wav").unwrap();
        std::fs::write(file.path(), &bytes).unwrap();
        AudioReader::open(file.path(), AudioLimits::default())
            .unwrap()
            .read_all()
            .unwrap()
    }

    #[test]
    fn a_recording_becomes_a_queued_source_that_reads_back_as_recorded() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let mut writer = Writer::begin(Arc::clone(&profile), "Biology").unwrap();
        // Over two chunks' worth, so whole chunks and the tail are both exercised.
        let sound = tone(40.0);
        for piece in pieces(&sound) {
            writer.push(piece).unwrap();
        }
        assert_eq!(writer.elapsed_ms(), 40_000);
        let source = writer.finish().unwrap().expect("a source");
        assert_eq!(source.title, "Biology");
        assert_eq!(source.status, SourceStatus::Queued);
        assert_eq!(source.duration_ms, Some(40_000));
        assert_eq!(source.file_name, None);
        assert_eq!(counts(&profile), (1, 0, 1));

        let back = stored_samples(&profile, &source.id);
        assert_eq!(back.len(), sound.len());
        let worst = back
            .iter()
            .zip(&sound)
            .fold(0f32, |m, (a, b)| m.max((a - b).abs()));
        assert!(worst < 1.0 / 16_000.0, "16-bit quantisation only: {worst}");
        assert!(!lock_path(&profile, &profile_blob(&profile, &source.id)).exists());
    }

    fn profile_blob(profile: &Profile, source: &str) -> BlobId {
        profile
            .read(|conn| {
                Ok(
                    conn.query_row("SELECT blob_id FROM sources WHERE id = ?1", [source], |r| {
                        r.get(0)
                    })?,
                )
            })
            .unwrap()
    }

    #[test]
    fn a_recording_cut_off_by_a_crash_is_closed_and_queued_on_the_next_open() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let mut writer = Writer::begin(Arc::clone(&profile), "Physics").unwrap();
        let sound = tone(25.0);
        for piece in pieces(&sound) {
            writer.push(piece).unwrap();
        }
        // What the last two-second save had written, then the process dies: nothing
        // after it is finished, and the operating system lets go of the lock.
        writer.save_tail().unwrap();
        drop(writer);
        assert_eq!(counts(&profile), (1, 1, 0));

        assert_eq!(profile.recover_recordings().unwrap(), 1);
        let sources = profile.sources().unwrap();
        assert_eq!(sources.len(), 1);
        let source = profile.source(&sources[0].id).unwrap();
        assert_eq!(
            (source.title.as_str(), source.status),
            ("Physics", SourceStatus::Queued)
        );
        assert_eq!(source.duration_ms, Some(25_000));
        assert_eq!(stored_samples(&profile, &source.id).len(), sound.len());
        assert_eq!(counts(&profile), (1, 0, 1));
        // Closed once only.
        assert_eq!(profile.recover_recordings().unwrap(), 0);
    }

    #[test]
    fn a_recording_still_being_made_is_neither_closed_nor_swept() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let mut writer = Writer::begin(Arc::clone(&profile), "Art").unwrap();
        writer.push(&tone(1.0)).unwrap();
        writer.save_tail().unwrap();
        // Another process opening the profile meanwhile (the lock is held).
        assert_eq!(profile.recover_recordings().unwrap(), 0);
        assert_eq!(profile.sweep_incomplete_blobs().unwrap(), 0);
        writer.push(&tone(1.0)).unwrap();
        let source = writer.finish().unwrap().expect("a source");
        assert_eq!(source.duration_ms, Some(2_000));
    }

    #[test]
    fn a_discarded_or_silent_start_leaves_nothing() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let mut writer = Writer::begin(Arc::clone(&profile), "Oops").unwrap();
        writer.push(&tone(3.0)).unwrap();
        writer.save_tail().unwrap();
        writer.discard().unwrap();
        assert_eq!(counts(&profile), (0, 0, 0));

        // Stopped before the microphone gave any sound.
        let writer = Writer::begin(Arc::clone(&profile), "Nothing").unwrap();
        assert!(writer.finish().unwrap().is_none());
        assert_eq!(counts(&profile), (0, 0, 0));
        // A crash before any sound was saved.
        let mut writer = Writer::begin(Arc::clone(&profile), "Nothing").unwrap();
        writer.save_tail().unwrap();
        drop(writer);
        assert_eq!(profile.recover_recordings().unwrap(), 1);
        assert_eq!(counts(&profile), (0, 0, 0));
    }

    #[test]
    fn levels_are_whole_decibels_above_a_floor() {
        assert_eq!(level_db(1.0), 0);
        assert_eq!(level_db(0.1), -20);
        assert_eq!(level_db(0.0), -90);
    }
}
