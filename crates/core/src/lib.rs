//! Satchel's core: everything the desktop shell, the CLI and the tests share.
//!
//! Start at [`Satchel`] (the profiles on this computer), unlock one into a
//! [`Profile`], and work with its notes and sources (recordings, transcribed through
//! the [`voice::Transcriber`] the core owns). Every change of learner state goes through
//! one write path (`Profile::transact`), which commits to the encrypted store and then
//! publishes an [`Event`] on the [`EventBus`].

pub mod agents;
mod blobs;
mod bundle;
mod class;
mod clock;
mod error;
pub mod events;
pub mod helper;
mod ids;
pub mod jobs;
pub mod keys;
pub mod lang;
pub mod learn;
pub mod models;
mod net;
pub use net::tls::{parse_fingerprint, pinned_client};
pub use net::{ServerAddress, fingerprint_words, probe_fingerprint};
mod notes;
pub mod offers;
pub mod packs;
mod profile;
mod profiles;
mod recording;
pub mod remote;
pub mod reports;
mod sample;
pub mod search;
mod shared;
mod sources;
mod store;
#[cfg(test)]
mod testing;
pub mod vision;
pub mod voice;
pub mod work;

pub use blobs::BlobReader;
pub use class::{Audience, Classroom, discover, probe_server};
pub use clock::utc_date_time;
pub use error::{Error, Result};
pub use events::{Event, EventBus};
pub use keys::{
    Keychain, KeychainFailure, NoKeychain, RecoveryCode, SystemKeychain, keychain_from_env,
};
pub use notes::{BODY_MAX_BYTES, TITLE_MAX_CHARS};
pub use profile::Profile;
pub use profiles::{
    AUTOMATIC_EVERY, BACKUP_EXTENSION, PASSPHRASE_MIN_CHARS, PreparedRestore, RotationStep,
    Satchel, file_name_part,
};
pub use recording::{Recorded, Recording, RecordingControl, SoundInput};
pub use satchel_media::image_in::IMAGE_TYPES;
pub use satchel_types as types;
pub use shared::{SyncReport, Syncing};
pub use sources::{AUDIO_TYPES, TEXT_EXTENSIONS, draw_page, read_source, transcribe_source};

/// When this process was started as Satchel's PDF reader (a worker that a hostile file
/// may crash without harm), serves one document and exits. Every Satchel program calls
/// this first, so the core can start its own executable as the worker.
pub fn serve_worker_if_asked() {
    satchel_media::pdf_worker::serve_if_asked();
}

/// Milliseconds since the Unix epoch; a clock set before 1970 reads as 0.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
