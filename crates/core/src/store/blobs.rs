//! Stored files (`blobs`, their bytes in `blob_chunks`): the only statements that
//! write them. A blob is written in chunks over several transactions and marked
//! complete last, so one cut short by a crash is known, and swept.

use rusqlite::params;

use super::tx::Tx;
use crate::Result;
use crate::ids::BlobId;

/// A new, empty blob, to be filled.
pub(crate) fn create(tx: &Tx<'_>, id: &BlobId, media_type: &str, now: i64) -> Result<()> {
    tx.prepare_cached("INSERT INTO blobs (id, media_type, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![id, media_type, now])?;
    Ok(())
}

/// A blob a peer has and this device waits for (named by what its bytes hash to).
pub(crate) fn create_waiting(
    tx: &Tx<'_>,
    id: &BlobId,
    media_type: &str,
    size: i64,
    sha256: &str,
    now: i64,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO blobs (id, media_type, size_bytes, sha256, complete, created_at)
         VALUES (?1, ?2, ?3, ?4, 0, ?5)",
    )?
    .execute(params![id, media_type, size, sha256, now])?;
    Ok(())
}

/// Appends `chunks` from chunk number `first`.
pub(crate) fn append(tx: &Tx<'_>, id: &BlobId, first: i64, chunks: &[Vec<u8>]) -> Result<()> {
    let mut insert =
        tx.prepare_cached("INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES (?1, ?2, ?3)")?;
    for (seq, chunk) in (first..).zip(chunks) {
        insert.execute(params![id, seq, chunk])?;
    }
    Ok(())
}

/// Writes chunk `seq`, in place of what it held (a recording's growing tail, or its
/// header once its length is known).
pub(crate) fn put_chunk(tx: &Tx<'_>, id: &BlobId, seq: i64, bytes: &[u8]) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO blob_chunks (blob_id, seq, bytes) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![id, seq, bytes])?;
    Ok(())
}

/// Drops every chunk, to be written again.
pub(crate) fn clear(tx: &Tx<'_>, id: &BlobId) -> Result<()> {
    tx.prepare_cached("DELETE FROM blob_chunks WHERE blob_id = ?1")?
        .execute([id])?;
    Ok(())
}

/// The blob is whole: `size` bytes (hashing to `sha256`, when given).
pub(crate) fn complete(tx: &Tx<'_>, id: &BlobId, size: u64, sha256: Option<&str>) -> Result<()> {
    tx.prepare_cached(
        "UPDATE blobs SET size_bytes = ?2, sha256 = COALESCE(?3, sha256), complete = 1
         WHERE id = ?1",
    )?
    .execute(params![id, i64::try_from(size).unwrap_or(i64::MAX), sha256])?;
    Ok(())
}

/// Deletes a blob and its chunks.
pub(crate) fn delete(tx: &Tx<'_>, id: &BlobId) -> Result<()> {
    tx.prepare_cached("DELETE FROM blobs WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// Blobs whose import was cut short (the app was killed mid-copy): never referenced,
/// so removed when the profile opens. A recording being made is incomplete too, and
/// is kept (see `recording`), as is a source's original still to arrive.
pub(crate) fn sweep_incomplete(tx: &Tx<'_>) -> Result<usize> {
    Ok(tx.execute(
        "DELETE FROM blobs WHERE complete = 0 AND id NOT IN (SELECT blob_id FROM recordings)
         AND id NOT IN (SELECT blob_id FROM sources)",
        [],
    )?)
}
