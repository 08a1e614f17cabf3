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
