//! Recording from the microphone in the window: one recording at a time, on a thread
//! of its own, written into the open profile as it goes (see `satchel_core::Recording`).
//! The level meter and the timer reach the window as the core's `recording.level`
//! events; a recording that is stopped is queued for transcription at once.

use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use satchel_core::types::RecordingView;
use satchel_core::{Error, Profile, Recorded, Recording, RecordingControl};

use crate::work::Work;

struct Active {
    view: RecordingView,
    /// What it is transcribed in when it stops (`None` detects it).
    language: Option<String>,
    control: Arc<RecordingControl>,
    thread: JoinHandle<Result<Recorded, Error>>,
}

#[derive(Default)]
pub struct Recorder {
    active: Mutex<Option<Active>>,
}

impl Recorder {
    /// Opens the microphone and starts recording into `profile`.
    pub fn start(
        &self,
        profile: &Arc<Profile>,
        title: &str,
        language: Option<String>,
    ) -> Result<RecordingView, Error> {
        let mut active = self.active.lock().unwrap_or_else(PoisonError::into_inner);
        if active.as_ref().is_some_and(|a| !a.thread.is_finished()) {
            return Err(Error::InUse("a recording is already being made".into()));
        }
        let microphone = satchel_engines::open_microphone().map_err(Error::from)?;
        let recording = Recording::start(profile, title, microphone)?;
        let view = recording.view();
        let control = Arc::new(RecordingControl::default());
        let thread = {
            let control = Arc::clone(&control);
            std::thread::Builder::new()
                .name("satchel-recording".into())
                .spawn(move || recording.run(&control))
                .map_err(Error::io("starting", "the recording thread"))?
        };
        *active = Some(Active {
            view: view.clone(),
            language,
            control,
            thread,
        });
        Ok(view)
    }

    /// The recording being made, if any.
    pub fn current(&self) -> Option<RecordingView> {
        let active = self.active.lock().unwrap_or_else(PoisonError::into_inner);
        active
            .as_ref()
            .filter(|a| !a.thread.is_finished())
            .map(|a| a.view.clone())
    }

    /// Stops the recording (keeping it, unless `discard`), waits until it is saved,
    /// and queues it for transcription. Returns the new source's id.
    pub fn stop(
        &self,
        profile: Option<&Arc<Profile>>,
        work: &Work,
        discard: bool,
    ) -> Result<Option<String>, Error> {
        let Some(active) = self
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        else {
            return Ok(None);
        };
        if discard {
            active.control.discard();
        } else {
            active.control.stop();
        }
        let outcome = active
            .thread
            .join()
            .map_err(|_| Error::Crashed("the recording"))?;
        match outcome? {
            Recorded::Saved { source, cut_short } => {
                if let Some(error) = cut_short {
                    eprintln!("the recording {} ended early: {error}", source.id);
                }
                if let Some(profile) = profile {
                    work.read(profile, &source.id, active.language.as_deref());
                }
                Ok(Some(source.id))
            }
            Recorded::Discarded => Ok(None),
        }
    }
}
