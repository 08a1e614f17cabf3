//! What Satchel shares between a learner's devices and the optional server, as
//! Automerge documents, and the sync protocol over them. The app and the server both
//! build on it; it knows nothing of either's storage.
//!
//! Many small documents, not one big one: a month of reviews, a deck's cards, one note
//! each (a sync round over one large document costs seconds at 10k changes). See
//! [`docs`] for the schema and [`Replica`] for a device's set of documents and its
//! sync with peers.
//!
//! Nothing is ever lost or forces a choice between two sides: the review log is a set
//! keyed by review id (two devices' reviews are both kept), a card's fields merge one by
//! one, and a note's text merges character by character.

pub mod bundle;
pub mod device;
pub mod docs;
mod error;
mod hub;
pub mod protocol;
mod replica;
pub mod sealed;

pub use docs::{Card, DocId, MediaRef, Note, Review, ReviewLog, Source};
pub use error::SyncError;
pub use hub::{Hosted, PeerState};
pub use protocol::Batch;
pub use replica::{Content, Replica};
