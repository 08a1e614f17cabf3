//! Making text in the background: one worker thread takes queued sources one at a
//! time — transcribing recordings, reading pictures and documents (two cores are no
//! place for two model runs at once) — so the window never waits on it. The learner
//! can stop the current transcription, and locking the library pauses the work: what
//! was unfinished is queued again on the next unlock.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

use satchel_core::types::{SourceKind, SourceStatus};
use satchel_core::vision::Vision;
use satchel_core::voice::{Transcriber, Whisper};
use satchel_core::{Profile, read_source, transcribe_source};

struct Job {
    profile: Arc<Profile>,
    source_id: String,
    /// Jobs queued before the library was locked are dropped, not run.
    generation: u64,
}

struct Current {
    source_id: String,
    cancel: Arc<AtomicBool>,
    /// Stopped because the library was locked, not by the learner: queue it again.
    paused: Arc<AtomicBool>,
}

pub struct VoiceWorker {
    jobs: Sender<Job>,
    current: Arc<Mutex<Option<Current>>>,
    generation: Arc<AtomicU64>,
}

impl VoiceWorker {
    pub fn start(whisper: Whisper, vision: Arc<Vision>) -> std::io::Result<Self> {
        let (jobs, queue) = mpsc::channel();
        let current = Arc::new(Mutex::new(None));
        let generation = Arc::new(AtomicU64::new(0));
        let worker = Worker {
            whisper,
            vision,
            queue,
            current: Arc::clone(&current),
            generation: Arc::clone(&generation),
        };
        std::thread::Builder::new()
            .name("satchel-voice".into())
            .spawn(move || worker.run())?;
        Ok(Self {
            jobs,
            current,
            generation,
        })
    }

    pub fn enqueue(&self, profile: &Arc<Profile>, source_id: String) {
        let job = Job {
            profile: Arc::clone(profile),
            source_id,
            generation: self.generation.load(Ordering::SeqCst),
        };
        if self.jobs.send(job).is_err() {
            eprintln!("the transcription worker has stopped; the source stays queued");
        }
    }

    /// Stops the source being transcribed if it is `source_id`; returns whether it was.
    pub fn cancel(&self, source_id: &str) -> bool {
        let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        match current.as_ref() {
            Some(running) if running.source_id == source_id => {
                running.cancel.store(true, Ordering::SeqCst);
                true
            }
            _ => false,
        }
    }

    /// The library is being locked: drop the queue and pause the running job.
    pub fn pause_all(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        let current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(running) = current.as_ref() {
            running.paused.store(true, Ordering::SeqCst);
            running.cancel.store(true, Ordering::SeqCst);
        }
    }
}

struct Worker {
    whisper: Whisper,
    vision: Arc<Vision>,
    queue: Receiver<Job>,
    current: Arc<Mutex<Option<Current>>>,
    generation: Arc<AtomicU64>,
}

impl Worker {
    fn run(self) {
        for job in &self.queue {
            if job.generation != self.generation.load(Ordering::SeqCst) {
                continue;
            }
            // Cancelled, deleted or already done while it waited.
            let kind = match job.profile.source(&job.source_id) {
                Ok(source) if source.status == SourceStatus::Queued => source.kind,
                _ => continue,
            };
            if kind != SourceKind::Audio {
                // Pictures and documents are read in one go (a few seconds a page).
                if let Err(error) =
                    read_source(&job.profile, &job.source_id, self.vision.as_ref(), None)
                {
                    eprintln!("reading {}: {error}", job.source_id);
                }
                continue;
            }
            let cancel = Arc::new(AtomicBool::new(false));
            let paused = Arc::new(AtomicBool::new(false));
            *self.current.lock().unwrap_or_else(PoisonError::into_inner) = Some(Current {
                source_id: job.source_id.clone(),
                cancel: Arc::clone(&cancel),
                paused: Arc::clone(&paused),
            });
            let transcriber: &dyn Transcriber = &self.whisper;
            let outcome =
                transcribe_source(&job.profile, &job.source_id, transcriber, None, cancel);
            *self.current.lock().unwrap_or_else(PoisonError::into_inner) = None;
            if let Err(error) = outcome {
                if paused.load(Ordering::SeqCst) {
                    // Picked up again when the library is next opened.
                    let _ = job.profile.requeue_source(&job.source_id);
                } else {
                    eprintln!("transcribing {}: {error}", job.source_id);
                }
            }
        }
    }
}
