//! Bundles: this profile's shared documents and their media in one file, to carry on a
//! USB stick between devices that never meet on a network. Importing one merges its
//! documents exactly as a sync would, so carrying a bundle either way, any number of
//! times and in any order, converges.
//!
//! The file: a magic line, then records (`tag`, name, bytes), then a last record with
//! the sha256 of everything before it. An import reads the whole file and checks that
//! sum before it changes anything; a bundle altered or cut short is refused whole.
//! The sum shows a bundle is as it was made — not who made it: anyone who can write the
//! stick can make a bundle, and importing one only ever adds (documents merge; nothing
//! is deleted that was not deleted on the device that made it).

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;

use satchel_sync::DocId;
use satchel_types::BundleOutcome;
use sha2::{Digest, Sha256};

use crate::profile::Profile;
use crate::{Error, Result};

const MAGIC: &[u8; 16] = b"SATCHEL-BUNDLE\x00\x01";
const TAG_HEADER: u8 = 1;
const TAG_DOC: u8 = 2;
const TAG_MEDIA: u8 = 3;
const TAG_END: u8 = 0xff;
/// A bundle's size at most (a library with its originals on a stick).
const MAX_BUNDLE: u64 = 8 << 30;
/// Documents are read into memory to merge: their total at most.
const MAX_DOCS_BYTES: u64 = 1 << 30;
const MAX_NAME: usize = 256;
/// A medium is read whole to be kept: larger ones (a long recording's original) stay
/// where they were made.
const MAX_MEDIA_READ: u64 = 512 << 20;

fn altered() -> Error {
    Error::InvalidInput(
        "this bundle was altered or damaged after it was made (its checksum does not match); \
         nothing was imported"
            .into(),
    )
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::InvalidInput(format!("{}: {e}", path.display()))
}

/// Writes records and sums them as it goes.
struct Writer<W: Write> {
    out: W,
    sum: Sha256,
}

impl<W: Write> Writer<W> {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.sum.update(bytes);
        self.out.write_all(bytes)
    }

    fn record(&mut self, tag: u8, name: &str, body: &[u8]) -> std::io::Result<()> {
        self.put(&[tag])?;
        self.put(&(name.len() as u16).to_le_bytes())?;
        self.put(name.as_bytes())?;
        self.put(&(body.len() as u64).to_le_bytes())?;
        self.put(body)
    }
}

/// A record as the first reading found it.
struct Entry {
    tag: u8,
    name: String,
    offset: u64,
    len: u64,
    /// A document's bytes (read in the first pass; media are read when needed).
    body: Option<Vec<u8>>,
}

struct Reader {
    input: BufReader<File>,
    sum: Sha256,
    at: u64,
    size: u64,
}

impl Reader {
    /// The next `n` bytes, summed unless `hash` is false (the sum itself).
    fn take(&mut self, n: u64, hash: bool) -> Result<Vec<u8>> {
        if self.at.saturating_add(n) > self.size {
            return Err(altered());
        }
        let mut buf = vec![0u8; n as usize];
        self.input.read_exact(&mut buf).map_err(|_| altered())?;
        if hash {
            self.sum.update(&buf);
        }
        self.at += n;
        Ok(buf)
    }

    /// Sums the next `n` bytes in pieces, without holding them.
    fn skip(&mut self, n: u64) -> Result<()> {
        if self.at.saturating_add(n) > self.size {
            return Err(altered());
        }
        let mut left = n;
        let mut buf = vec![0u8; 1 << 20];
        while left > 0 {
            let piece = left.min(buf.len() as u64) as usize;
            self.input
                .read_exact(&mut buf[..piece])
                .map_err(|_| altered())?;
            self.sum.update(&buf[..piece]);
            left -= piece as u64;
        }
        self.at += n;
        Ok(())
    }
}

/// Reads a bundle through, checking its sum: every record, documents in memory.
fn read_checked(path: &Path) -> Result<Vec<Entry>> {
    let file = File::open(path).map_err(|e| io(path, e))?;
    let size = file.metadata().map_err(|e| io(path, e))?.len();
    if size > MAX_BUNDLE {
        return Err(Error::InvalidInput(format!(
            "{} is larger than a bundle can be ({} GiB)",
            path.display(),
            MAX_BUNDLE >> 30
        )));
    }
    let mut r = Reader {
        input: BufReader::new(file),
        sum: Sha256::new(),
        at: 0,
        size,
    };
    if r.take(MAGIC.len() as u64, true)? != MAGIC {
        return Err(Error::InvalidInput(format!(
            "{} is not a Satchel bundle; nothing was imported",
            path.display()
        )));
    }
    let mut entries = Vec::new();
    let mut docs_bytes = 0u64;
    loop {
        let tag = r.take(1, true)?[0];
        if tag == TAG_END {
            let name_len = r.take(2, true)?;
            let len = r.take(8, true)?;
            if name_len != [0, 0] || len != 32u64.to_le_bytes() {
                return Err(altered());
            }
            let expected = r.sum.clone().finalize();
            let found = r.take(32, false)?;
            if found[..] != expected[..] || r.at != size {
                return Err(altered());
            }
            return Ok(entries);
        }
        let name_len =
            u16::from_le_bytes(r.take(2, true)?.try_into().map_err(|_| altered())?) as usize;
        if name_len > MAX_NAME {
            return Err(altered());
        }
        let name = String::from_utf8(r.take(name_len as u64, true)?).map_err(|_| altered())?;
        let len = u64::from_le_bytes(r.take(8, true)?.try_into().map_err(|_| altered())?);
        let offset = r.at;
        let body = match tag {
            TAG_HEADER | TAG_DOC => {
                docs_bytes += len;
                if docs_bytes > MAX_DOCS_BYTES {
                    return Err(Error::InvalidInput(
                        "this bundle's documents are larger than Satchel reads".into(),
                    ));
                }
                Some(r.take(len, true)?)
            }
            TAG_MEDIA => {
                r.skip(len)?;
                None
            }
            _ => return Err(altered()),
        };
        entries.push(Entry {
            tag,
            name,
            offset,
            len,
            body,
        });
    }
}

impl Profile {
    /// Writes this profile's shared documents and their media to `path` (through a
    /// temporary file beside it, so a stick pulled out mid-write leaves no half bundle
    /// under the name).
    pub fn export_bundle(&self, path: &Path) -> Result<BundleOutcome> {
        // Every shared document saved whole, and the media they name that are here.
        let docs = self.saved_docs()?;
        let media = self.read(crate::remote::media_here)?;
        let partial = path.with_extension("partial");
        let file = File::create(&partial).map_err(|e| io(&partial, e))?;
        let mut out = Writer {
            out: BufWriter::new(file),
            sum: Sha256::new(),
        };
        let mut outcome = BundleOutcome::default();
        let written = (|| -> Result<()> {
            out.put(MAGIC).map_err(|e| io(&partial, e))?;
            let header = serde_json::json!({
                "made_at": crate::now_ms(),
                "device": self.device_id()?,
                "docs": docs.len(),
                "media": media.len(),
            });
            out.record(TAG_HEADER, "header", header.to_string().as_bytes())
                .map_err(|e| io(&partial, e))?;
            for (id, bytes) in &docs {
                out.record(TAG_DOC, id.as_str(), bytes)
                    .map_err(|e| io(&partial, e))?;
                outcome.docs += 1;
                outcome.bytes += bytes.len() as u64;
            }
            for (sha256, blob_id) in &media {
                let bytes = self.read(|c| crate::remote::blob_bytes(c, blob_id))?;
                out.record(TAG_MEDIA, sha256, &bytes)
                    .map_err(|e| io(&partial, e))?;
                outcome.media += 1;
                outcome.bytes += bytes.len() as u64;
            }
            // The end record's own header is summed too; the sum is its body.
            out.put(&[TAG_END]).map_err(|e| io(&partial, e))?;
            out.put(&0u16.to_le_bytes()).map_err(|e| io(&partial, e))?;
            out.put(&32u64.to_le_bytes()).map_err(|e| io(&partial, e))?;
            let sum = out.sum.clone().finalize();
            out.out.write_all(&sum).map_err(|e| io(&partial, e))?;
            out.out.flush().map_err(|e| io(&partial, e))?;
            out.out.get_ref().sync_all().map_err(|e| io(&partial, e))?;
            Ok(())
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
        std::fs::rename(&partial, path).map_err(|e| io(path, e))?;
        Ok(outcome)
    }

    /// Merges the bundle at `path` into this profile, as a sync would. A bundle that
    /// was altered, cut short or is not one is refused before anything changes.
    pub fn import_bundle(&self, path: &Path) -> Result<BundleOutcome> {
        let entries = read_checked(path)?;
        let mut docs = Vec::new();
        let mut media = std::collections::HashMap::new();
        for entry in entries {
            match entry.tag {
                TAG_DOC => {
                    let id = DocId::parse(&entry.name).map_err(|_| altered())?;
                    docs.push((id, entry.body.unwrap_or_default()));
                }
                TAG_MEDIA => {
                    media.insert(entry.name, (entry.offset, entry.len));
                }
                _ => {}
            }
        }
        let report = self.merge_saved(docs, crate::now_ms())?;
        let mut file = File::open(path).map_err(|e| io(path, e))?;
        let mut bytes_in = 0u64;
        let received = self.receive_media(None, |sha256| {
            let Some((offset, len)) = media.get(sha256).copied() else {
                return Ok(None);
            };
            if len > MAX_MEDIA_READ {
                return Ok(None);
            }
            file.seek(SeekFrom::Start(offset))
                .map_err(|e| io(path, e))?;
            let mut bytes = vec![0u8; len as usize];
            file.read_exact(&mut bytes).map_err(|e| io(path, e))?;
            // Checked again: the stick may have changed since it was summed.
            if crate::remote::sha256_hex(&bytes) != sha256 {
                return Err(altered());
            }
            bytes_in += len;
            Ok(Some(bytes))
        })?;
        Ok(BundleOutcome {
            docs: report.docs,
            media: received,
            bytes: bytes_in,
            reviews: report.reviews,
            cards: report.cards,
            notes: report.notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle(records: &[(u8, &str, &[u8])]) -> Vec<u8> {
        let mut w = Writer {
            out: Vec::new(),
            sum: Sha256::new(),
        };
        w.put(MAGIC).unwrap();
        for (tag, name, body) in records {
            w.record(*tag, name, body).unwrap();
        }
        w.put(&[TAG_END]).unwrap();
        w.put(&0u16.to_le_bytes()).unwrap();
        w.put(&32u64.to_le_bytes()).unwrap();
        let sum = w.sum.clone().finalize();
        w.out.extend_from_slice(&sum);
        w.out
    }

    fn read(bytes: &[u8]) -> Result<Vec<Entry>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.satchel");
        std::fs::write(&path, bytes).unwrap();
        read_checked(&path)
    }

    #[test]
    fn a_bundle_reads_back_and_any_changed_byte_is_refused() {
        let bytes = bundle(&[
            (TAG_HEADER, "header", b"{}"),
            (TAG_DOC, "notes/n1", b"a document"),
            (TAG_MEDIA, "ab", b"a picture"),
        ]);
        let entries = read(&bytes).unwrap();
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[1].body.as_deref(), Some(&b"a document"[..]));
        assert_eq!(entries[2].len, 9);
        for at in [0, 20, bytes.len() / 2, bytes.len() - 40, bytes.len() - 1] {
            let mut changed = bytes.clone();
            changed[at] ^= 0x20;
            assert!(read(&changed).is_err(), "a change at byte {at} was taken");
        }
        // Cut short anywhere, or with something after its end.
        for len in [0, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(read(&bytes[..len]).is_err(), "cut at {len} was taken");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_err());
    }
}
