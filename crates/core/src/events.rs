//! The in-process event bus: every change of learner state is announced here after
//! it is committed, and the shell forwards it to the UI (which updates from events,
//! never by polling).

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

pub use satchel_types::Event;

#[derive(Debug, Clone, Default)]
pub struct EventBus {
    subscribers: Arc<Mutex<Vec<Sender<Event>>>>,
}

impl EventBus {
    /// A receiver of every event published from now on.
    pub fn subscribe(&self) -> Receiver<Event> {
        let (sender, receiver) = mpsc::channel();
        self.lock().push(sender);
        receiver
    }

    /// Delivers to every live subscriber; ones whose receiver is gone are dropped.
    pub fn publish(&self, event: Event) {
        self.lock()
            .retain(|subscriber| subscriber.send(event.clone()).is_ok());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Sender<Event>>> {
        // A subscriber list is valid whatever a panicking holder was doing with it.
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_subscriber_sees_each_event_and_dropped_ones_are_pruned() {
        let bus = EventBus::default();
        let first = bus.subscribe();
        let second = bus.subscribe();
        bus.publish(Event::NoteDeleted { id: "a".into() });
        assert_eq!(
            first.try_recv().unwrap(),
            Event::NoteDeleted { id: "a".into() }
        );
        assert_eq!(
            second.try_recv().unwrap(),
            Event::NoteDeleted { id: "a".into() }
        );

        drop(second);
        bus.publish(Event::NoteDeleted { id: "b".into() });
        assert_eq!(bus.lock().len(), 1);
        assert_eq!(
            first.try_recv().unwrap(),
            Event::NoteDeleted { id: "b".into() }
        );
    }
}
