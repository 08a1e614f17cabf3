//! Failures as every interface sees them: a stable code and detail for logs, and the sync server's refusals.

use serde::{Deserialize, Serialize};

/// Machine-readable kind of a failure, so every interface can word it in the
/// learner's language. The `message` that travels with it is English detail for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    WrongKey,
    KeychainUnavailable,
    KeyMissing,
    PassphraseRequired,
    ProfileNotFound,
    ProfileExists,
    NotFound,
    InvalidInput,
    Locked,
    /// A model Satchel needs is not installed; the message says which and how.
    ModelMissing,
    /// A file is not audio (or a document) Satchel can read, or is damaged.
    BadMedia,
    /// The learner stopped it.
    Cancelled,
    /// Something else is running that this must wait for.
    Busy,
    /// No microphone answered, or it went away.
    NoMicrophone,
    /// The document is protected by a password (or the one given is wrong).
    PasswordRequired,
    /// The sync server did not answer: the network or the server is down.
    Offline,
    /// The sync server wants the learner to sign in (again).
    SignInNeeded,
    /// Taken already, or changed elsewhere first (a name on the class server, say).
    Conflict,
    /// Not allowed to this account (another teacher's class, a learner's admin page).
    Forbidden,
    /// A model pack or an update failed its signature, checksum or version check, and
    /// was not taken; or a server is not the one this device knows.
    Untrusted,
    /// A class server seen for the first time: the learner compares its fingerprint's
    /// words with the teacher's screen before anything is sent to it.
    ConfirmServer,
    /// A bundle that needs its bundle code (24 digits) typed to open.
    BundleCode,
    /// The account has no more room on the server (its quota): what was not taken
    /// stays on the device.
    Full,
    Storage,
    Internal,
}

impl ErrorCode {
    /// The code a sync server's refusal with HTTP `status` stands for: what the server
    /// sends with each refusal, and what a client assumes when an older server sent
    /// none.
    pub fn for_http_status(status: u16) -> ErrorCode {
        match status {
            401 => ErrorCode::SignInNeeded,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            409 => ErrorCode::Conflict,
            400 | 422 => ErrorCode::InvalidInput,
            413 => ErrorCode::BadMedia,
            429 => ErrorCode::Busy,
            408 | 503 => ErrorCode::Offline,
            507 => ErrorCode::Full,
            _ => ErrorCode::Internal,
        }
    }
}

/// A failure as the sync server answers it (any status but success): the stable
/// `code` the client maps to its own errors, and English detail for logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerErrorBody {
    /// Absent from servers older than the codes; the client then goes by the status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    pub error: String,
}

/// A failure as it crosses the IPC boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorView {
    pub code: ErrorCode,
    pub message: String,
}
