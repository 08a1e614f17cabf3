use thiserror::Error;

#[derive(Debug, Error)]
pub enum SyncError {
    /// A document id that is not one of the schema's.
    #[error("{0:?} is not a Satchel document")]
    BadDocId(String),
    /// A batch or message that does not decode: a peer's bug or a hostile peer.
    #[error("a sync message that does not read: {0}")]
    BadMessage(String),
    /// A document's content that does not fit the schema.
    #[error("document {doc} holds {what} that does not read")]
    BadContent { doc: String, what: String },
    #[error(transparent)]
    Automerge(#[from] automerge::AutomergeError),
}

/// Runs Automerge over bytes from outside (a peer's message, a saved document, a
/// bundle's). Its decoders can panic on some malformed input — the `saved_doc` fuzz
/// target found an unwrap in its columnar decoder — so such input is an error like
/// any other that does not read, never a crash of the app or the server. What `work`
/// was changing when it panicked must be thrown away by the caller.
pub(crate) fn guarded<T>(
    what: &str,
    work: impl FnOnce() -> Result<T, SyncError>,
) -> Result<T, SyncError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
        .unwrap_or_else(|_| Err(SyncError::BadMessage(format!("{what} is damaged"))))
}
