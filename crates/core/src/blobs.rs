//! Originals (recordings now; photos and documents later) kept inside the encrypted
//! database, in chunks: written a piece at a time so a long import never holds the
//! store for long, read back a piece at a time so a three-hour recording is never
//! all in memory, and never on disk in plaintext.

use std::io::{Read, Seek, SeekFrom};
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::error::OrNotFound;
use crate::ids::BlobId;
use crate::profile::Profile;
use crate::store::blobs;
use crate::{Error, Result, now_ms};

/// 512 KiB: a few SQLCipher overflow pages' worth, small enough to seek cheaply.
pub(crate) const CHUNK: usize = 512 * 1024;
/// Chunks written per transaction: 8 MiB between commits keeps other writers (a note
/// being saved) waiting a fraction of a second at most.
const CHUNKS_PER_COMMIT: usize = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BlobInfo {
    pub id: BlobId,
    pub media_type: String,
    pub size: u64,
}

impl Profile {
    /// Copies everything `input` yields into a new blob and returns it once complete.
    /// At most `max_bytes` are taken; more is refused before anything is kept.
    pub(crate) fn write_blob(
        &self,
        mut input: impl Read,
        media_type: &str,
        max_bytes: u64,
    ) -> Result<BlobInfo> {
        let id = BlobId::new();
        self.transact(|tx| blobs::create(tx, &id, media_type, now_ms()))?;
        let written = self.fill_blob(&id, &mut input, max_bytes);
        match written {
            Ok((size, digest)) => {
                self.transact(|tx| blobs::complete(tx, &id, size, Some(&digest)))?;
                Ok(BlobInfo {
                    id,
                    media_type: media_type.to_owned(),
                    size,
                })
            }
            Err(error) => {
                // Best effort: an incomplete blob is also swept on the next open.
                let _ = self.delete_blob(&id);
                Err(error)
            }
        }
    }

    fn fill_blob(
        &self,
        id: &BlobId,
        input: &mut impl Read,
        max_bytes: u64,
    ) -> Result<(u64, String)> {
        let mut hasher = Sha256::new();
        let mut size = 0u64;
        let mut seq = 0i64;
        let mut buffer = vec![0u8; CHUNK];
        loop {
            let mut batch: Vec<Vec<u8>> = Vec::with_capacity(CHUNKS_PER_COMMIT);
            let mut at_end = false;
            while batch.len() < CHUNKS_PER_COMMIT {
                let filled = read_full(input, &mut buffer)
                    .map_err(Error::io("reading", "the imported file"))?;
                if filled == 0 {
                    at_end = true;
                    break;
                }
                size += filled as u64;
                if size > max_bytes {
                    return Err(Error::Rule(satchel_types::ErrorDetail::FileTooLarge {
                        max_mb: max_bytes / (1024 * 1024),
                    }));
                }
                hasher.update(&buffer[..filled]);
                batch.push(buffer[..filled].to_vec());
                if filled < CHUNK {
                    at_end = true;
                    break;
                }
            }
            self.transact(|tx| blobs::append(tx, id, seq, &batch))?;
            seq += batch.len() as i64;
            if at_end {
                let digest = hasher.finalize();
                return Ok((size, digest.iter().map(|b| format!("{b:02x}")).collect()));
            }
        }
    }

    /// Fills a blob that was waiting for its bytes (a source's original, shared by
    /// another device) and marks it complete; the bytes must hash to `sha256`.
    pub(crate) fn fill_waiting_blob(&self, id: &BlobId, bytes: &[u8], sha256: &str) -> Result<()> {
        self.transact(|tx| blobs::clear(tx, id))?;
        let (size, digest) = self.fill_blob(id, &mut &bytes[..], bytes.len() as u64)?;
        if digest != sha256 {
            return Err(Error::InvalidInput(format!(
                "an original arrived damaged ({sha256})"
            )));
        }
        self.transact(|tx| blobs::complete(tx, id, size, None))
    }

    pub(crate) fn delete_blob(&self, id: &BlobId) -> Result<()> {
        self.transact(|tx| blobs::delete(tx, id))
    }

    pub(crate) fn sweep_incomplete_blobs(&self) -> Result<usize> {
        self.transact(blobs::sweep_incomplete)
    }

    pub(crate) fn blob(&self, id: &BlobId) -> Result<Option<BlobInfo>> {
        self.read(|conn| blob_info(conn, id))
    }
}

pub(crate) fn blob_info(conn: &Connection, id: &BlobId) -> Result<Option<BlobInfo>> {
    Ok(conn
        .query_row(
            "SELECT media_type, size_bytes FROM blobs WHERE id = ?1 AND complete = 1",
            [id],
            |row| {
                Ok(BlobInfo {
                    id: id.clone(),
                    media_type: row.get(0)?,
                    size: u64::try_from(row.get::<_, i64>(1)?).unwrap_or(0),
                })
            },
        )
        .optional()?)
}

/// Fills `buffer` unless the input ends first; returns how much was read.
fn read_full(input: &mut impl Read, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match input.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// Reads a blob back as a seekable stream, one chunk in memory at a time. It holds
/// the profile (not a connection), taking the store's lock only for each chunk.
pub struct BlobReader {
    profile: Arc<Profile>,
    id: BlobId,
    size: u64,
    position: u64,
    chunk: Option<(u64, Vec<u8>)>,
}

impl BlobReader {
    pub(crate) fn open(profile: Arc<Profile>, id: &BlobId) -> Result<Self> {
        let info = profile
            .blob(id)?
            .or_not_found_as("recording", id.as_str())?;
        Ok(Self {
            profile,
            id: info.id,
            size: info.size,
            position: 0,
            chunk: None,
        })
    }

    pub fn len(&self) -> u64 {
        self.size
    }

    pub fn is_empty(&self) -> bool {
        self.size == 0
    }

    fn load(&mut self, seq: u64) -> std::io::Result<&[u8]> {
        if self.chunk.as_ref().is_none_or(|(at, _)| *at != seq) {
            let id = self.id.clone();
            let bytes = self
                .profile
                .read(|conn| {
                    Ok(conn
                        .prepare_cached(
                            "SELECT bytes FROM blob_chunks WHERE blob_id = ?1 AND seq = ?2",
                        )?
                        .query_row(params![id, i64::try_from(seq).unwrap_or(i64::MAX)], |row| {
                            row.get::<_, Vec<u8>>(0)
                        })
                        .optional()?)
                })
                .map_err(std::io::Error::other)?
                .ok_or_else(|| {
                    std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        format!("chunk {seq} of the stored recording is missing"),
                    )
                })?;
            self.chunk = Some((seq, bytes));
        }
        Ok(self.chunk.as_ref().map_or(&[][..], |(_, bytes)| &bytes[..]))
    }
}

impl Read for BlobReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.position >= self.size || buf.is_empty() {
            return Ok(0);
        }
        let chunk = CHUNK as u64;
        let (seq, offset) = (self.position / chunk, (self.position % chunk) as usize);
        let bytes = self.load(seq)?;
        let available = bytes.len().saturating_sub(offset);
        if available == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the stored recording is shorter than recorded",
            ));
        }
        let n = available.min(buf.len());
        buf[..n].copy_from_slice(&bytes[offset..offset + n]);
        self.position += n as u64;
        Ok(n)
    }
}

impl Seek for BlobReader {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let target = match to {
            SeekFrom::Start(at) => Some(at),
            SeekFrom::End(by) => self.size.checked_add_signed(by),
            SeekFrom::Current(by) => self.position.checked_add_signed(by),
        };
        self.position = target.ok_or_else(|| {
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "seek before the start")
        })?;
        Ok(self.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::keychain_profile;

    #[test]
    fn a_blob_reads_back_byte_for_byte_from_any_position() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let data: Vec<u8> = (0..CHUNK * 3 + 1234).map(|i| (i * 7 % 251) as u8).collect();
        let info = profile
            .write_blob(&data[..], "audio/wav", u64::MAX)
            .unwrap();
        assert_eq!(info.size, data.len() as u64);

        let mut reader = BlobReader::open(Arc::clone(&profile), &info.id).unwrap();
        let mut all = Vec::new();
        reader.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);

        for at in [0, 1, CHUNK - 1, CHUNK, CHUNK * 2 + 17, data.len() - 1] {
            reader.seek(SeekFrom::Start(at as u64)).unwrap();
            let mut piece = vec![0u8; 100.min(data.len() - at)];
            reader.read_exact(&mut piece).unwrap();
            assert_eq!(piece, &data[at..at + piece.len()], "at {at}");
        }
        reader.seek(SeekFrom::End(-10)).unwrap();
        let mut tail = Vec::new();
        reader.read_to_end(&mut tail).unwrap();
        assert_eq!(tail, &data[data.len() - 10..]);
    }

    #[test]
    fn an_oversized_import_is_refused_and_leaves_nothing() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let data = vec![1u8; CHUNK * 2];
        let error = profile
            .write_blob(&data[..], "audio/wav", CHUNK as u64)
            .unwrap_err();
        assert!(
            matches!(
                error,
                Error::Rule(satchel_types::ErrorDetail::FileTooLarge { max_mb: 0 })
            ),
            "{error}"
        );
        let (blobs, chunks): (i64, i64) = profile
            .read(|conn| {
                Ok(conn.query_row(
                    "SELECT (SELECT count(*) FROM blobs), (SELECT count(*) FROM blob_chunks)",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )?)
            })
            .unwrap();
        assert_eq!((blobs, chunks), (0, 0));
    }

    #[test]
    fn an_import_cut_short_is_swept_on_open() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        profile
            .transact(|tx| {
                tx.execute(
                    "INSERT INTO blobs (id, media_type, created_at) VALUES ('cut', 'audio/wav', 0)",
                    [],
                )?;
                tx.execute(
                    "INSERT INTO blob_chunks (blob_id, seq, bytes) VALUES ('cut', 0, x'00')",
                    [],
                )?;
                Ok(())
            })
            .unwrap();
        let swept = profile.sweep_incomplete_blobs().unwrap();
        assert_eq!(swept, 1);
        assert!(profile.blob(&"cut".into()).unwrap().is_none());
    }
}
