//! USB bundles of this profile's shared documents and media (the format is
//! `satchel_sync::bundle`). Importing one merges its documents exactly as a sync would;
//! importing only ever adds (documents merge; nothing is deleted that was not deleted
//! where the bundle was made).

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom};
use std::path::Path;

use satchel_sync::bundle::{BundleError, Limits, Writer, read_checked};
use satchel_types::BundleOutcome;

use crate::profile::Profile;
use crate::{Error, Result};

/// What an import takes in at most: a library with its originals on a stick, its
/// documents held in memory to merge.
pub(crate) const LIMITS: Limits = Limits {
    bundle: 8 << 30,
    docs: 1 << 30,
};
/// A medium is read whole to be kept: larger ones (a long recording's original) stay
/// where they were made.
const MAX_MEDIA_READ: u64 = 512 << 20;

pub(crate) fn io(path: &Path, e: std::io::Error) -> Error {
    Error::InvalidInput(format!("{}: {e}", path.display()))
}

/// Writes a bundle to `path` through `write` on a temporary file beside it, renamed
/// into place when whole: a stick pulled out mid-write leaves no half bundle under the
/// name.
pub(crate) fn write_through_partial(
    path: &Path,
    write: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    let partial = path.with_extension("partial");
    if let Err(e) = write(&partial) {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    std::fs::rename(&partial, path).map_err(|e| io(path, e))
}

pub(crate) fn refused(e: BundleError) -> Error {
    Error::InvalidInput(e.to_string())
}

impl Profile {
    /// Who this bundle is from: the learner's name, this device, and their account on
    /// a class server (so a teacher's server files it under the right student).
    fn bundle_header(&self) -> Result<serde_json::Value> {
        Ok(serde_json::json!({
            "made_at": crate::now_ms(),
            "learner": self.name(),
            "device": self.device_id()?,
            "account": self.sync().account()?,
        }))
    }

    /// Writes this profile's shared documents and their media to `path`.
    pub fn export_bundle(&self, path: &Path) -> Result<BundleOutcome> {
        // A teacher reading the bundle reads progress as of now.
        self.share_progress()?;
        let docs = self.saved_docs()?;
        let media = self.read(crate::remote::media_here)?;
        let mut outcome = BundleOutcome::default();
        write_through_partial(path, |partial| {
            let file = File::create(partial).map_err(|e| io(partial, e))?;
            let mut out = Writer::new(BufWriter::new(file), &self.bundle_header()?)
                .map_err(|e| io(partial, e))?;
            for (id, bytes) in &docs {
                out.doc(id, bytes).map_err(|e| io(partial, e))?;
                outcome.docs += 1;
                outcome.bytes += bytes.len() as u64;
            }
            for (sha256, blob_id) in &media {
                let bytes = self.read(|c| crate::remote::blob_bytes(c, blob_id))?;
                out.media(sha256, &bytes).map_err(|e| io(partial, e))?;
                outcome.media += 1;
                outcome.bytes += bytes.len() as u64;
            }
            let file = out.finish().map_err(|e| io(partial, e))?;
            file.get_ref().sync_all().map_err(|e| io(partial, e))
        })?;
        Ok(outcome)
    }

    /// Merges the bundle at `path` into this profile, as a sync would. A bundle that
    /// was altered, cut short or is not one is refused before anything changes.
    pub fn import_bundle(&self, path: &Path) -> Result<BundleOutcome> {
        let file = File::open(path).map_err(|e| io(path, e))?;
        let size = file.metadata().map_err(|e| io(path, e))?.len();
        let checked = read_checked(BufReader::new(file), size, LIMITS).map_err(refused)?;
        let report = self.sync().merge_saved(checked.docs, crate::now_ms())?;
        let mut file = File::open(path).map_err(|e| io(path, e))?;
        let mut bytes_in = 0u64;
        let received = self.sync().receive_media(None, |sha256| {
            let Some((offset, len)) = checked.media.get(sha256).copied() else {
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
                return Err(refused(BundleError::Altered));
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
