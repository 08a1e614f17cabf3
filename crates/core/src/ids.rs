//! Finding a row by its id or by an unambiguous start of it, as `git` takes hashes.

use rusqlite::Connection;

use crate::{Error, Result};

/// Shorter prefixes of a UUIDv7 are mostly its timestamp and would match many rows.
const MIN_ID_PREFIX: usize = 4;

/// The one id in `find` (a query taking the prefix as `?1` and returning at most two
/// ids, ordered) that `id_or_prefix` names; `kind` words the errors ("note").
pub(crate) fn resolve(
    conn: &Connection,
    kind: &'static str,
    find: &str,
    id_or_prefix: &str,
) -> Result<String> {
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
        [] => Err(Error::NotFound {
            kind,
            id: wanted.to_owned(),
        }),
        [id] => Ok(id.clone()),
        _ if matches.iter().any(|id| id == wanted) => Ok(wanted.to_owned()),
        _ => Err(Error::InvalidInput(format!(
            "{wanted:?} matches more than one {kind}; give more of its id"
        ))),
    }
}
