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

/// A failure as it crosses the IPC boundary: its code, English detail for logs, and
/// when there is more to say than the code, what exactly it was, with the numbers and
/// names the window needs to word it in the learner's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorView {
    pub code: ErrorCode,
    pub message: String,
    /// Absent from failures kept before there were details (a job's, in the library).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<ErrorDetail>,
}

impl ErrorView {
    /// A failure with nothing more to say than its code and English detail.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            detail: None,
        }
    }
}

/// What a rule or a failure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ProfileName,
    Passphrase,
    NoteTitle,
    NoteText,
    CardFront,
    CardBack,
    DeckName,
    /// The name a learner joins a class with.
    JoinName,
    JoinCode,
}

impl Field {
    fn english(self) -> &'static str {
        match self {
            Field::ProfileName => "a profile's name",
            Field::Passphrase => "a passphrase",
            Field::NoteTitle => "a note's title",
            Field::NoteText => "a note's text",
            Field::CardFront => "the card's front",
            Field::CardBack => "the card's back",
            Field::DeckName => "a deck's name",
            Field::JoinName => "the name to join with",
            Field::JoinCode => "the class's join code",
        }
    }
}

/// The kind of file a learner brought in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Audio,
    Image,
    Document,
}

impl FileKind {
    fn english(self) -> &'static str {
        match self {
            FileKind::Audio => "audio",
            FileKind::Image => "an image",
            FileKind::Document => "a document",
        }
    }
}

/// Exactly what was wrong, for the failures a learner can meet and act on: the
/// window words each in their language from these fields. Its `Display` is the
/// English the CLI and the logs use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorDetail {
    /// `field` needs something in it.
    Required {
        field: Field,
    },
    TooLong {
        field: Field,
        max: u64,
    },
    TooShort {
        field: Field,
        min: u64,
    },
    /// `field` is one line, without control characters.
    OneLine {
        field: Field,
    },
    /// The two typings of `field` (a new passphrase and its confirmation) differ.
    Mismatch {
        field: Field,
    },
    /// The learner saw other words on their screen than the teacher's: the server
    /// may not be the teacher's, and nothing was sent to it.
    WordsDiffer,
    /// A cloze card with no `{{c1::…}}` mark.
    ClozeUnmarked,
    /// A cloze mark with nothing inside.
    ClozeEmpty,
    NoWrongChoice,
    TooManyChoices {
        max: u64,
    },
    /// A recovery code not shaped like one: `letters` in groups of `group`.
    RecoveryCodeShape {
        letters: u64,
        group: u64,
    },
    CardSuspended,
    NothingToUndo,
    /// The scheduler learns from a learner's reviews once there are enough.
    TooFewReviews {
        reviews: u64,
    },
    /// A server address that is not https.
    NotHttps {
        address: String,
    },
    NotAnAddress {
        address: String,
    },
    FileTooLarge {
        max_mb: u64,
    },
    /// A note's text beyond what one note holds.
    NoteTooLarge {
        max_mb: u64,
    },
    RecordingTooLong {
        max_minutes: u64,
    },
    UnsupportedFile {
        file: FileKind,
    },
    DamagedFile {
        file: FileKind,
    },
    /// A recording with nothing but silence.
    NoSound,
    /// A model this needs is not installed: `model` is its file's name.
    ModelMissing {
        model: String,
    },
    /// The processor lacks an instruction set transcription was built for.
    UnsupportedProcessor {
        missing: String,
    },
}

impl std::fmt::Display for ErrorDetail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorDetail::Required { field } => write!(f, "{} is needed", field.english()),
            ErrorDetail::TooLong { field, max } => {
                write!(f, "{} has at most {max} characters", field.english())
            }
            ErrorDetail::TooShort { field, min } => {
                write!(f, "{} has at least {min} characters", field.english())
            }
            ErrorDetail::OneLine { field } => write!(
                f,
                "{} is one line, with no control characters",
                field.english()
            ),
            ErrorDetail::Mismatch { field } => {
                write!(f, "the two typings of {} are not the same", field.english())
            }
            ErrorDetail::WordsDiffer => {
                f.write_str("the server's words are not the teacher's; nothing was sent to it")
            }
            ErrorDetail::ClozeUnmarked => {
                f.write_str("mark the words a cloze card hides as {{c1::words}}")
            }
            ErrorDetail::ClozeEmpty => f.write_str("a cloze mark hides no words"),
            ErrorDetail::NoWrongChoice => {
                f.write_str("a choice card needs at least one wrong choice")
            }
            ErrorDetail::TooManyChoices { max } => {
                write!(f, "a choice card has at most {max} choices")
            }
            ErrorDetail::RecoveryCodeShape { letters, group } => write!(
                f,
                "a recovery code has {letters} letters and digits in groups of {group}, like ABCD-EFGH-…"
            ),
            ErrorDetail::CardSuspended => {
                f.write_str("the card is suspended; let it back into reviews first")
            }
            ErrorDetail::NothingToUndo => f.write_str("there is no answer to undo"),
            ErrorDetail::TooFewReviews { reviews } => {
                write!(f, "{reviews} reviews are too few to learn from yet")
            }
            ErrorDetail::NotHttps { address } => write!(
                f,
                "{address:?}: a server's address starts with https://, as Satchel talks to other computers only over https"
            ),
            ErrorDetail::NotAnAddress { address } => {
                write!(f, "{address:?} is not a server's address")
            }
            ErrorDetail::FileTooLarge { max_mb } => write!(
                f,
                "this file is larger than the {max_mb} MB Satchel takes at once"
            ),
            ErrorDetail::NoteTooLarge { max_mb } => {
                write!(f, "a note holds at most {max_mb} MB of text")
            }
            ErrorDetail::RecordingTooLong { max_minutes } => write!(
                f,
                "this recording is longer than the {max_minutes} minutes Satchel takes at once"
            ),
            ErrorDetail::UnsupportedFile { file } => {
                write!(f, "this file is not {} Satchel can read", file.english())
            }
            ErrorDetail::DamagedFile { file } => {
                write!(f, "this file is {} that is damaged", file.english())
            }
            ErrorDetail::NoSound => f.write_str("the recording holds no sound to transcribe"),
            ErrorDetail::ModelMissing { model } => write!(f, "the model {model} is missing"),
            ErrorDetail::UnsupportedProcessor { missing } => write!(
                f,
                "this computer's processor lacks {missing}, which Satchel's transcription was built for"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The window's messages choose their sentence by these strings (`$field`), and
    /// failures kept in a library before details existed must still read.
    #[test]
    fn a_detail_travels_as_tagged_json_and_older_views_still_read() {
        let view = ErrorView {
            code: ErrorCode::InvalidInput,
            message: "a note's title has at most 200 characters".into(),
            detail: Some(ErrorDetail::TooLong {
                field: Field::NoteTitle,
                max: 200,
            }),
        };
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(
            json["detail"],
            serde_json::json!({ "kind": "too_long", "field": "note_title", "max": 200 })
        );
        let older: ErrorView =
            serde_json::from_str(r#"{"code":"invalid_input","message":"m"}"#).unwrap();
        assert_eq!(older.detail, None);
        assert_eq!(
            view.detail.unwrap().to_string(),
            "a note's title has at most 200 characters"
        );
    }
}
