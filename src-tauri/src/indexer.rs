//! Keeps the open library ready to search: after notes are saved and sources read,
//! what changed is cut, embedded and its concepts found, in the background, one
//! refresh at a time, with progress on the event bus for the window's quiet bar.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Weak};
use std::time::Duration;

use satchel_core::search::{Meaning, refresh};
use satchel_core::{Event, Profile};

/// A burst of saves (typing in a note) is indexed once, this long after the last.
const SETTLE: Duration = Duration::from_millis(800);

pub struct Indexer {
    wake: Sender<Weak<Profile>>,
}

impl Indexer {
    pub fn start(meaning: Arc<Meaning>) -> std::io::Result<Self> {
        let (wake, woken) = mpsc::channel();
        std::thread::Builder::new()
            .name("satchel-indexer".into())
            .spawn(move || run(&woken, &meaning))?;
        Ok(Self { wake })
    }

    /// Indexes what changed in `profile`, soon. Held weakly: a library closed
    /// before its turn is not opened again for it.
    pub fn poke(&self, profile: &Arc<Profile>) {
        // The thread outlives every caller; a send can fail only as the app exits.
        let _ = self.wake.send(Arc::downgrade(profile));
    }
}

/// Whether `event` changes what search finds.
pub fn changes_search(event: &Event) -> bool {
    match event {
        Event::NoteSaved { .. } | Event::NoteDeleted { .. } | Event::SourceDeleted { .. } => true,
        Event::SourceSaved { source } => source.status == satchel_core::types::SourceStatus::Ready,
        _ => false,
    }
}

fn run(woken: &Receiver<Weak<Profile>>, meaning: &Meaning) {
    while let Ok(mut profile) = woken.recv() {
        // Settle: later pokes within the pause replace earlier ones.
        loop {
            match woken.recv_timeout(SETTLE) {
                Ok(later) => profile = later,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        let Some(profile) = profile.upgrade() else {
            continue;
        };
        let events = profile.events().clone();
        let mut last = (0, 0);
        let result = refresh(&profile, meaning, &mut |done, total| {
            last = (done as u64, total as u64);
            events.publish(Event::Indexing {
                done: last.0,
                total: last.1,
            });
        });
        if let Err(error) = result.and_then(|_| profile.prepare_search()) {
            // Search still answers from what was indexed before; the next change
            // tries again.
            eprintln!("indexing the library for search: {error}");
        }
        events.publish(Event::Indexing {
            done: last.1,
            total: last.1,
        });
    }
}
