use std::path::PathBuf;

use satchel_types::{ErrorCode, ErrorDetail, ErrorView, FileKind};

/// Every way a core operation can fail. Variants name what went wrong and carry what
/// a person needs to act on it; `code()` maps each to the UI's translatable kind.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the key, passphrase or recovery code does not open profile {profile:?}")]
    WrongKey { profile: String },
    #[error("no keychain answers on this computer: {detail}")]
    KeychainUnavailable { detail: String },
    #[error("the keychain has no key for profile {profile:?}; use its recovery code")]
    KeyMissing { profile: String },
    #[error("no keychain answers here, so profile {profile:?} needs a passphrase")]
    PassphraseRequired { profile: String },
    #[error("no profile named {0:?}")]
    ProfileNotFound(String),
    #[error("a profile named {0:?} already exists")]
    ProfileExists(String),
    #[error("no {kind} with id {id:?}")]
    NotFound { kind: &'static str, id: String },
    #[error("{0}")]
    InvalidInput(String),
    #[error(
        "this SQLite is not SQLCipher (cipher_version is empty); refusing to store data unencrypted"
    )]
    NotSqlCipher,
    #[error("profile file {path} is damaged: {detail}")]
    CorruptProfile { path: PathBuf, detail: String },
    /// What the store holds cannot be what was written (a row that does not read back).
    #[error("the library is damaged: {0}")]
    Damaged(String),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("keychain error: {0}")]
    Keychain(String),
    #[error("no secure random numbers available: {0}")]
    Random(String),
    #[error("sealing a key failed: {0}")]
    Sealing(String),
    #[error(transparent)]
    Media(#[from] satchel_media::MediaError),
    /// Something this needs to itself is in use (a recording under way, …).
    #[error("{0}")]
    InUse(String),
    /// A part of Satchel stopped in the middle of its work (a thread that panicked: a
    /// bug, not the learner's doing).
    #[error("{0} stopped unexpectedly")]
    Crashed(&'static str),
    /// Stopped, by the learner or because the work was given up, before it finished.
    #[error("stopped before it finished")]
    Cancelled,
    #[error("shared document: {0}")]
    Shared(#[from] satchel_sync::SyncError),
    /// The sync server did not answer (after retries), or is resting after failures.
    #[error("{0}")]
    Offline(String),
    #[error("{0}")]
    SignInNeeded(String),
    /// The sync server answered, but not with what was asked.
    #[error("the sync server: {0}")]
    Server(String),
    /// The sync server refused the request, saying why with a code of its own.
    #[error("the sync server refused: {message}")]
    Refused { code: ErrorCode, message: String },
    /// A model pack or an update that failed a check; nothing was changed.
    #[error("Satchel did not take {}: {problem}. Nothing was changed.", path.display())]
    PackRefused {
        path: PathBuf,
        problem: crate::packs::PackProblem,
    },
    /// A server whose certificate is not the one pinned for its address: refused
    /// before anything was sent to it.
    #[error(
        "the server at {server} is not the one this device knows: its certificate is different. Someone on this network may be posing as it, and nothing was sent to it; ask whoever runs it"
    )]
    ServerNotKnown { server: String },
    /// A class server reached for the first time, with no fingerprint to hold it to:
    /// nothing is sent until the learner confirms it is the teacher's.
    #[error(
        "this device has not met the server at {server} before. Check that the teacher's screen shows these words: {words} (fingerprint {fingerprint})"
    )]
    ConfirmServer {
        server: String,
        fingerprint: String,
        words: String,
    },
    /// A bundle sealed with a bundle code none here opens: the learner types it.
    #[error("{0}")]
    BundleCode(String),
    /// A rule the learner's input broke, said so that the window can word it.
    #[error("{0}")]
    Rule(ErrorDetail),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::WrongKey { .. } => ErrorCode::WrongKey,
            Error::KeychainUnavailable { .. } => ErrorCode::KeychainUnavailable,
            Error::KeyMissing { .. } => ErrorCode::KeyMissing,
            Error::PassphraseRequired { .. } => ErrorCode::PassphraseRequired,
            Error::ProfileNotFound(_) => ErrorCode::ProfileNotFound,
            Error::ProfileExists(_) => ErrorCode::ProfileExists,
            Error::NotFound { .. } => ErrorCode::NotFound,
            Error::InvalidInput(_) => ErrorCode::InvalidInput,
            Error::NotSqlCipher
            | Error::CorruptProfile { .. }
            | Error::Damaged(_)
            | Error::Sqlite(_)
            | Error::Migration(_)
            | Error::Io { .. } => ErrorCode::Storage,
            Error::Keychain(_) | Error::Random(_) | Error::Sealing(_) => ErrorCode::Internal,
            Error::InUse(_) => ErrorCode::Busy,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::Crashed(_) => ErrorCode::Internal,
            Error::Shared(_) => ErrorCode::Storage,
            Error::Offline(_) => ErrorCode::Offline,
            Error::SignInNeeded(_) => ErrorCode::SignInNeeded,
            Error::Server(_) => ErrorCode::Internal,
            Error::Refused { code, .. } => *code,
            Error::PackRefused { .. } | Error::ServerNotKnown { .. } => ErrorCode::Untrusted,
            Error::ConfirmServer { .. } => ErrorCode::ConfirmServer,
            Error::BundleCode(_) => ErrorCode::BundleCode,
            // Details that come with other codes (a damaged file's) come from the
            // media errors below, not from a rule.
            Error::Rule(_) => ErrorCode::InvalidInput,
            Error::Media(media) => {
                use satchel_media::MediaError as M;
                match media {
                    M::ModelMissing { .. }
                    | M::ModelInvalid { .. }
                    | M::RuntimeMissing { .. }
                    | M::UnsupportedProcessor { .. } => ErrorCode::ModelMissing,
                    M::Cancelled => ErrorCode::Cancelled,
                    M::Io { .. } => ErrorCode::Storage,
                    M::Transcription(_) | M::Ocr(_) | M::Embedding(_) => ErrorCode::Internal,
                    M::Microphone(_) => ErrorCode::NoMicrophone,
                    M::UnsupportedAudio(_)
                    | M::CorruptAudio(_)
                    | M::TooLong { .. }
                    | M::TooLarge { .. }
                    | M::NoAudio
                    | M::UnsupportedImage(_)
                    | M::CorruptImage(_)
                    | M::ImageTooLarge(_)
                    | M::UnsupportedDocument(_)
                    | M::CorruptDocument(_) => ErrorCode::BadMedia,
                    M::PasswordRequired { .. } => ErrorCode::PasswordRequired,
                }
            }
        }
    }

    /// No `kind` with id `id` (see [`OrNotFound`] for an `Option`).
    pub(crate) fn not_found(kind: &'static str, id: &str) -> Error {
        Error::NotFound {
            kind,
            id: id.to_owned(),
        }
    }

    pub fn view(&self) -> ErrorView {
        ErrorView {
            code: self.code(),
            message: self.to_string(),
            detail: self.detail(),
        }
    }

    /// Exactly what was wrong, where a learner can act on it; `None` where the code
    /// says all they need (the English message is for the logs).
    pub fn detail(&self) -> Option<ErrorDetail> {
        use satchel_media::MediaError as M;
        let model = |path: &std::path::Path| ErrorDetail::ModelMissing {
            model: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        };
        Some(match self {
            Error::Rule(detail) => detail.clone(),
            Error::Media(media) => match media {
                M::ModelMissing { path }
                | M::ModelInvalid { path, .. }
                | M::RuntimeMissing { path, .. } => model(path),
                M::UnsupportedProcessor { missing } => ErrorDetail::UnsupportedProcessor {
                    missing: missing.clone(),
                },
                M::UnsupportedAudio(_) => ErrorDetail::UnsupportedFile {
                    file: FileKind::Audio,
                },
                M::CorruptAudio(_) => ErrorDetail::DamagedFile {
                    file: FileKind::Audio,
                },
                M::UnsupportedImage(_) => ErrorDetail::UnsupportedFile {
                    file: FileKind::Image,
                },
                M::CorruptImage(_) => ErrorDetail::DamagedFile {
                    file: FileKind::Image,
                },
                M::UnsupportedDocument(_) => ErrorDetail::UnsupportedFile {
                    file: FileKind::Document,
                },
                M::CorruptDocument(_) => ErrorDetail::DamagedFile {
                    file: FileKind::Document,
                },
                M::TooLong { max_minutes } => ErrorDetail::RecordingTooLong {
                    max_minutes: *max_minutes,
                },
                M::TooLarge { max_mb } => ErrorDetail::FileTooLarge { max_mb: *max_mb },
                M::NoAudio => ErrorDetail::NoSound,
                _ => return None,
            },
            _ => return None,
        })
    }

    pub fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
    ) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    }
}

/// `opt.or_not_found(&note_id)?` in place of an unwrap, as in Anki's rslib: the typed
/// id knows its kind's name. `or_not_found_as("class", id)` for an id of no one kind.
pub(crate) trait OrNotFound<T> {
    fn or_not_found<I: crate::ids::Id>(self, id: &I) -> Result<T>;
    fn or_not_found_as(self, kind: &'static str, id: &str) -> Result<T>;
}

impl<T> OrNotFound<T> for Option<T> {
    fn or_not_found<I: crate::ids::Id>(self, id: &I) -> Result<T> {
        self.ok_or_else(|| id.not_found())
    }

    fn or_not_found_as(self, kind: &'static str, id: &str) -> Result<T> {
        self.ok_or_else(|| Error::not_found(kind, id))
    }
}
