//! The sync account and what a sync did.

use serde::{Deserialize, Serialize};

/// The sync server a profile is signed in to, and as whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncAccount {
    /// Its base address, such as `https://192.168.1.20:7480`.
    pub server: String,
    /// The SHA-256 of its certificate, pinned when this device first reached it (a class
    /// server's own certificate); `None` for a server an authority vouches for.
    #[serde(default)]
    pub fingerprint: Option<String>,
    pub user_id: String,
    pub name: String,
    /// "learner", "teacher" or "admin".
    pub role: String,
    /// Whether this device's key was added to the account: when a sign-in ends, the
    /// device signs in again with it, and no password is asked for.
    #[serde(default)]
    pub device_key: bool,
    /// The key the server signs bundles with and opens progress sealed to it (hex).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_key: Option<String>,
}

/// Where this profile's sync stands, for the status indicator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// `None` when not signed in to a server.
    pub account: Option<SyncAccount>,
    /// When the last sync finished (ms since the epoch).
    pub last_sync_at: Option<i64>,
    /// Why the last try failed, when it did.
    pub last_error: Option<String>,
    /// Changes made here that the server has not had yet.
    pub pending: u32,
    /// The server failed several times in a row and is left alone for a while.
    pub resting: bool,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncOutcome {
    pub rounds: u32,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    /// Documents that changed here.
    pub docs: u32,
    /// Reviews, cards and notes new or changed here.
    pub reviews: u32,
    pub cards: u32,
    pub notes: u32,
    /// Cards' pictures and sounds sent to the server and brought from it.
    #[serde(default)]
    pub media_sent: u32,
    #[serde(default)]
    pub media_received: u32,
}
