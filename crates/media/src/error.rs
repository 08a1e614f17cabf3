use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum MediaError {
    #[error(
        "the model {path} is missing; run `cargo xtask models` (or reinstall Satchel) to get it"
    )]
    ModelMissing { path: PathBuf },
    #[error("{path} is not a usable model: {detail}")]
    ModelInvalid { path: PathBuf, detail: String },
    #[error(
        "this computer's processor lacks {missing}, which Satchel's transcription was built for; the rest of Satchel works"
    )]
    UnsupportedProcessor { missing: String },
    #[error("this file is not audio Satchel can read ({0})")]
    UnsupportedAudio(String),
    #[error("this audio file is damaged: {0}")]
    CorruptAudio(String),
    #[error("this recording is longer than the {max_minutes} minutes Satchel takes at once")]
    TooLong { max_minutes: u64 },
    #[error("this file is larger than the {max_mb} MB Satchel takes at once")]
    TooLarge { max_mb: u64 },
    #[error("reading {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the recording holds no sound to transcribe")]
    NoAudio,
    #[error("transcription was cancelled")]
    Cancelled,
    #[error(
        "ONNX Runtime ({path}) is missing or cannot be loaded: {detail}; run `cargo xtask models` (or reinstall Satchel) to get it"
    )]
    RuntimeMissing { path: PathBuf, detail: String },
    #[error("this file is not an image Satchel can read ({0})")]
    UnsupportedImage(String),
    #[error("this image is damaged: {0}")]
    CorruptImage(String),
    #[error("this image is too large: {0}")]
    ImageTooLarge(String),
    #[error("this file is not a document Satchel can read ({0})")]
    UnsupportedDocument(String),
    #[error("this PDF is damaged: {0}")]
    CorruptDocument(String),
    #[error("{}", if *wrong { "that password does not open this PDF" } else { "this PDF is protected by a password" })]
    PasswordRequired { wrong: bool },
    #[error("reading the image failed: {0}")]
    Ocr(String),
    #[error("the microphone is not available: {0}")]
    Microphone(String),
    #[error("transcription failed: {0}")]
    Transcription(String),
    #[error("understanding the text failed: {0}")]
    Embedding(String),
}
