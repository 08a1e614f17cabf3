//! Bundles: shared documents and their media in one file, to carry on a USB stick
//! between devices that never meet on a network (a learner's two computers, or a
//! teacher's class server and a student's laptop). Taking one in merges its documents
//! exactly as a sync would, so bundles carried either way, any number of times and in
//! any order, converge.
//!
//! The file: a magic line, then records (a tag, a name, bytes) — a JSON header first,
//! each document saved whole, each medium named by its sha256 — and last a record
//! holding the sha256 of everything before it. A reader goes through the whole file and
//! checks that sum before it hands anything over, so a bundle altered or cut short is
//! refused whole. The sum shows a bundle is as it was made, not who made it.

use std::collections::HashMap;
use std::io::{Read, Write};

use sha2::{Digest, Sha256};

use crate::DocId;

const MAGIC: &[u8; 16] = b"SATCHEL-BUNDLE\x00\x01";
const TAG_HEADER: u8 = 1;
const TAG_DOC: u8 = 2;
const TAG_MEDIA: u8 = 3;
const TAG_END: u8 = 0xff;
const MAX_NAME: usize = 256;

#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    #[error("this is not a Satchel bundle; nothing was imported")]
    NotABundle,
    #[error(
        "this bundle was altered or damaged after it was made (its checksum does not match); \
         nothing was imported"
    )]
    Altered,
    #[error("this bundle is larger than Satchel takes in ({0})")]
    TooLarge(String),
    #[error(
        "this bundle is sealed for another device; nothing was imported (it opens on the \
         device it was written for, or with its bundle code)"
    )]
    NotForThisDevice,
    #[error("this bundle needs its bundle code (24 digits); nothing was imported")]
    WrongCode,
    #[error("a bundle cannot be sealed to that key")]
    BadRecipient,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// What a reader takes in at most.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub bundle: u64,
    /// Documents are held in memory to merge: their total.
    pub docs: u64,
}

/// Writes a bundle's records, summing them as it goes.
pub struct Writer<W: Write> {
    out: W,
    sum: Sha256,
}

impl<W: Write> Writer<W> {
    /// Starts a bundle with its header (who made it, when, for whom).
    pub fn new(out: W, header: &serde_json::Value) -> std::io::Result<Writer<W>> {
        let mut writer = Writer {
            out,
            sum: Sha256::new(),
        };
        writer.put(MAGIC)?;
        writer.record(TAG_HEADER, "header", header.to_string().as_bytes())?;
        Ok(writer)
    }

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

    /// A document, saved whole.
    pub fn doc(&mut self, id: &DocId, saved: &[u8]) -> std::io::Result<()> {
        self.record(TAG_DOC, id.as_str(), saved)
    }

    /// A medium, by its sha256.
    pub fn media(&mut self, sha256: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.record(TAG_MEDIA, sha256, bytes)
    }

    /// Ends the bundle with its sum; the writer's output, flushed.
    pub fn finish(mut self) -> std::io::Result<W> {
        // The end record's own header is summed too; the sum is its body.
        self.put(&[TAG_END])?;
        self.put(&0u16.to_le_bytes())?;
        self.put(&32u64.to_le_bytes())?;
        let sum = self.sum.clone().finalize();
        self.out.write_all(&sum)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A bundle read through and found whole: its header, its documents, and where each
/// medium's bytes are (offset and length from the start), to read when needed.
#[derive(Debug, Default)]
pub struct Checked {
    pub header: serde_json::Value,
    pub docs: Vec<(DocId, Vec<u8>)>,
    pub media: HashMap<String, (u64, u64)>,
}

struct Reader<R: Read> {
    input: R,
    sum: Sha256,
    at: u64,
    size: u64,
}

impl<R: Read> Reader<R> {
    /// The next `n` bytes, summed unless `hash` is false (the sum itself).
    fn take(&mut self, n: u64, hash: bool) -> Result<Vec<u8>, BundleError> {
        if self.at.saturating_add(n) > self.size {
            return Err(BundleError::Altered);
        }
        let mut buf = vec![0u8; n as usize];
        self.input
            .read_exact(&mut buf)
            .map_err(|_| BundleError::Altered)?;
        if hash {
            self.sum.update(&buf);
        }
        self.at += n;
        Ok(buf)
    }

    /// Sums the next `n` bytes in pieces, without holding them.
    fn skip(&mut self, n: u64) -> Result<(), BundleError> {
        if self.at.saturating_add(n) > self.size {
            return Err(BundleError::Altered);
        }
        let mut left = n;
        let mut buf = vec![0u8; 1 << 20];
        while left > 0 {
            let piece = left.min(buf.len() as u64) as usize;
            self.input
                .read_exact(&mut buf[..piece])
                .map_err(|_| BundleError::Altered)?;
            self.sum.update(&buf[..piece]);
            left -= piece as u64;
        }
        self.at += n;
        Ok(())
    }

    fn number<const N: usize>(&mut self) -> Result<[u8; N], BundleError> {
        self.take(N as u64, true)?
            .try_into()
            .map_err(|_| BundleError::Altered)
    }
}

/// Reads a bundle of `size` bytes through, checking its sum, within `limits`.
pub fn read_checked<R: Read>(input: R, size: u64, limits: Limits) -> Result<Checked, BundleError> {
    if size > limits.bundle {
        return Err(BundleError::TooLarge(format!(
            "{} MiB at most",
            limits.bundle >> 20
        )));
    }
    let mut r = Reader {
        input,
        sum: Sha256::new(),
        at: 0,
        size,
    };
    if size < MAGIC.len() as u64 || r.take(MAGIC.len() as u64, true)? != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let mut checked = Checked::default();
    let mut docs_bytes = 0u64;
    loop {
        let [tag] = r.number::<1>()?;
        if tag == TAG_END {
            let name_len = r.number::<2>()?;
            let len = r.number::<8>()?;
            if name_len != [0, 0] || len != 32u64.to_le_bytes() {
                return Err(BundleError::Altered);
            }
            let expected = r.sum.clone().finalize();
            let found = r.take(32, false)?;
            if found[..] != expected[..] || r.at != size {
                return Err(BundleError::Altered);
            }
            return Ok(checked);
        }
        let name_len = u16::from_le_bytes(r.number::<2>()?) as usize;
        if name_len > MAX_NAME {
            return Err(BundleError::Altered);
        }
        let name =
            String::from_utf8(r.take(name_len as u64, true)?).map_err(|_| BundleError::Altered)?;
        let len = u64::from_le_bytes(r.number::<8>()?);
        let offset = r.at;
        match tag {
            TAG_HEADER | TAG_DOC => {
                docs_bytes = docs_bytes.saturating_add(len);
                if docs_bytes > limits.docs {
                    return Err(BundleError::TooLarge(format!(
                        "{} MiB of documents at most",
                        limits.docs >> 20
                    )));
                }
                let body = r.take(len, true)?;
                if tag == TAG_HEADER {
                    checked.header =
                        serde_json::from_slice(&body).map_err(|_| BundleError::Altered)?;
                } else {
                    let id = DocId::parse(&name).map_err(|_| BundleError::Altered)?;
                    checked.docs.push((id, body));
                }
            }
            TAG_MEDIA => {
                r.skip(len)?;
                checked.media.insert(name, (offset, len));
            }
            _ => return Err(BundleError::Altered),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        bundle: 1 << 20,
        docs: 1 << 20,
    };

    fn bundle() -> Vec<u8> {
        let mut w = Writer::new(Vec::new(), &serde_json::json!({ "learner": "Ada" })).unwrap();
        w.doc(&DocId::note("n1"), b"a document").unwrap();
        w.media("ab", b"a picture").unwrap();
        w.finish().unwrap()
    }

    fn read(bytes: &[u8]) -> Result<Checked, BundleError> {
        read_checked(bytes, bytes.len() as u64, LIMITS)
    }

    #[test]
    fn a_bundle_reads_back_and_any_changed_byte_is_refused() {
        let bytes = bundle();
        let checked = read(&bytes).unwrap();
        assert_eq!(checked.header["learner"], "Ada");
        assert_eq!(
            checked.docs,
            vec![(DocId::note("n1"), b"a document".to_vec())]
        );
        let (offset, len) = checked.media["ab"];
        assert_eq!(
            &bytes[offset as usize..(offset + len) as usize],
            b"a picture"
        );
        for at in 0..bytes.len() {
            let mut changed = bytes.clone();
            changed[at] ^= 0x20;
            assert!(read(&changed).is_err(), "a change at byte {at} was taken");
        }
        // Cut short anywhere, or with something after its end.
        for len in 0..bytes.len() {
            assert!(read(&bytes[..len]).is_err(), "cut at {len} was taken");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(read(&longer).is_err());
    }

    #[test]
    fn limits_hold() {
        let bytes = bundle();
        let small = Limits {
            bundle: 10,
            docs: 1 << 20,
        };
        assert!(matches!(
            read_checked(&bytes[..], bytes.len() as u64, small),
            Err(BundleError::TooLarge(_))
        ));
        let few_docs = Limits {
            bundle: 1 << 20,
            docs: 8,
        };
        assert!(matches!(
            read_checked(&bytes[..], bytes.len() as u64, few_docs),
            Err(BundleError::TooLarge(_))
        ));
        assert!(matches!(
            read(b"PK\x03\x04 a zip"),
            Err(BundleError::NotABundle)
        ));
    }
}
