//! The ids of the things the store keeps, each its own type so that a deck's id
//! cannot be passed where a card's is wanted; and finding a row by its id or by an
//! unambiguous start of it, as `git` takes hashes.

use rusqlite::Connection;
use rusqlite::types::{FromSql, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::{Error, Result};

/// Shorter prefixes of a UUIDv7 are mostly its timestamp and would match many rows.
const MIN_ID_PREFIX: usize = 4;

/// An id of one kind of row.
pub(crate) trait Id: From<String> {
    /// What the errors call a row of this kind ("note": "no note with id …").
    const KIND: &'static str;

    fn as_str(&self) -> &str;

    /// The error for no row with this id.
    fn not_found(&self) -> Error {
        Error::NotFound {
            kind: Self::KIND,
            id: self.as_str().to_owned(),
        }
    }
}

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident = $kind:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub(crate) struct $name(String);

        #[allow(dead_code)]
        impl $name {
            /// A new id (a UUIDv7: ids made later sort later).
            pub(crate) fn new() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }

            pub(crate) fn as_str(&self) -> &str {
                &self.0
            }

            pub(crate) fn into_string(self) -> String {
                self.0
            }

            /// The error for no row with this id.
            pub(crate) fn not_found(&self) -> Error {
                Id::not_found(self)
            }
        }

        impl Id for $name {
            const KIND: &'static str = $kind;

            fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> Self {
                id.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::Borrowed(ValueRef::Text(self.0.as_bytes())))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                String::column_result(value).map(Self)
            }
        }
    )*};
}

ids! {
    /// A note's id.
    NoteId = "note";
    /// A card's id.
    CardId = "card";
    /// A source's id (a recording, a document, a picture, a text).
    SourceId = "source";
    /// A deck's id.
    DeckId = "deck";
    /// A stored file's id.
    BlobId = "blob";
    /// A logged review's id.
    ReviewId = "review";
    /// A queued job's id.
    JobId = "job";
    /// A study pack's id.
    PackId = "study pack";
    /// The id of what a pack, a concept or a lesson is made from: a note's or a source's.
    OwnerId = "note or source";
}

/// The one id of kind `I` in `find` (a query taking the prefix as `?1` and returning
/// at most two ids, ordered) that `id_or_prefix` names.
pub(crate) fn resolve<I: Id>(conn: &Connection, find: &str, id_or_prefix: &str) -> Result<I> {
    let kind = I::KIND;
    let wanted = id_or_prefix.trim();
    if wanted.len() < MIN_ID_PREFIX {
        return Err(Error::InvalidInput(format!(
            "give at least {MIN_ID_PREFIX} characters of a {kind}'s id"
        )));
    }
    let mut statement = conn.prepare_cached(find)?;
    let matches = statement
        .query_map([wanted], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    match matches.as_slice() {
        [] => Err(Error::not_found(kind, wanted)),
        [id] => Ok(I::from(id.clone())),
        _ if matches.iter().any(|id| id == wanted) => Ok(I::from(wanted.to_owned())),
        _ => Err(Error::InvalidInput(format!(
            "{wanted:?} matches more than one {kind}; give more of its id"
        ))),
    }
}
