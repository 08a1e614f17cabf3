//! USB bundles of this profile's shared documents and media (the format is
//! `satchel_sync::bundle`, sealed by `satchel_sync::sealed`). Importing one merges its
//! documents exactly as a sync would; importing only ever adds (documents merge;
//! nothing is deleted that was not deleted where the bundle was made).
//!
//! A learner's own bundle is sealed to this device and to the profile's bundle code
//! (shown when it is written, asked for once by another computer). Progress for a
//! teacher holds the progress summary alone, sealed to the class server. A class
//! server's bundle for a student opens with their device's key or the bundle code their
//! teacher handed them; the code is then remembered, with that server's key, to seal
//! progress back.

use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom};
use std::path::Path;

use satchel_sync::DocId;
use satchel_sync::bundle::{BundleError, Limits, Writer, read_checked};
use satchel_sync::sealed::{
    CODE_DIGITS, Keys, OpenedBy, Sealer, To, code_digits, is_sealed, new_code, open,
};
use satchel_types::BundleOutcome;

use crate::ids::BlobId;
use crate::profile::Profile;
use crate::store::settings::{self, ClassBundle};
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

/// Whom a learner's progress for their teacher is sealed to.
struct ForClass {
    to: Vec<To>,
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

    /// This profile's own bundle code, made the first time it is asked for.
    pub fn bundle_code(&self) -> Result<String> {
        if let Some(code) = self.read(|c| settings::BUNDLE_CODE.get(c))? {
            return Ok(code);
        }
        let fresh = new_code().map_err(|e| Error::Random(e.to_string()))?;
        self.transact(|tx| settings::BUNDLE_CODE.put_first(tx, &fresh))
    }

    /// Writes a sealed bundle to `path`: `docs` and `media`, sealed to `to` and
    /// signed with this device's key.
    fn write_sealed(
        &self,
        path: &Path,
        to: &[To],
        docs: &[(DocId, Vec<u8>)],
        media: &[(String, BlobId)],
    ) -> Result<BundleOutcome> {
        let key = self.device_key()?;
        let header = self.bundle_header()?;
        let mut outcome = BundleOutcome::default();
        write_through_partial(path, |partial| {
            let file = File::create(partial).map_err(|e| io(partial, e))?;
            let sealer = Sealer::new(BufWriter::new(file), &key, to).map_err(refused)?;
            let mut out = Writer::new(sealer, &header).map_err(|e| io(partial, e))?;
            for (id, bytes) in docs {
                out.doc(id, bytes).map_err(|e| io(partial, e))?;
                outcome.docs += 1;
                outcome.bytes += bytes.len() as u64;
            }
            for (sha256, blob_id) in media {
                let bytes = self.read(|c| crate::remote::blob_bytes(c, blob_id))?;
                out.media(sha256, &bytes).map_err(|e| io(partial, e))?;
                outcome.media += 1;
                outcome.bytes += bytes.len() as u64;
            }
            let file = out
                .finish()
                .and_then(Sealer::finish)
                .map_err(|e| io(partial, e))?;
            file.get_ref().sync_all().map_err(|e| io(partial, e))
        })?;
        Ok(outcome)
    }

    /// Writes this profile's shared documents and their media to `path`, sealed to
    /// this device and to the profile's bundle code (in the outcome, to show the
    /// learner: another computer asks for it once).
    pub fn export_bundle(&self, path: &Path) -> Result<BundleOutcome> {
        // A teacher reading the bundle reads progress as of now.
        self.share_progress()?;
        let docs = self.saved_docs()?;
        let media = self.read(crate::remote::media_here)?;
        let code = self.bundle_code()?;
        let to = [To::Key(self.device_key()?.public()), To::Code(code.clone())];
        let outcome = self.write_sealed(path, &to, &docs, &media)?;
        Ok(BundleOutcome {
            code: Some(code),
            ..outcome
        })
    }

    /// Whom this learner's progress for their teacher is sealed to: the class server
    /// signed in to, or the one whose bundle came on a stick (with its code).
    fn for_class(&self) -> Result<ForClass> {
        let mut to = Vec::new();
        if let Some(key) = self.sync().account()?.and_then(|a| a.server_key) {
            to.push(To::Key(key));
        }
        if let Some(class) = self.read(|c| settings::CLASS_BUNDLE.get(c))? {
            if !to.contains(&To::Key(class.server_key.clone())) {
                to.push(To::Key(class.server_key));
            }
            to.push(To::Code(class.code));
        }
        if to.is_empty() {
            return Err(Error::InvalidInput(
                "this profile is in no class yet: join one, or bring in the bundle your teacher wrote for you first".into(),
            ));
        }
        Ok(ForClass { to })
    }

    /// Writes this learner's progress for their teacher to `path`: the progress
    /// summary alone (what the class report reads), sealed to their class server.
    pub fn export_progress(&self, path: &Path) -> Result<BundleOutcome> {
        let ForClass { to } = self.for_class()?;
        self.share_progress()?;
        let progress = DocId::progress();
        let docs: Vec<(DocId, Vec<u8>)> = self
            .saved_docs()?
            .into_iter()
            .filter(|(id, _)| *id == progress)
            .collect();
        self.write_sealed(path, &to, &docs, &[])
    }

    /// Merges the bundle at `path` into this profile, as a sync would. It opens with
    /// this device's key, with `code` (the bundle code the learner typed), or with a
    /// code that opened one here before. A bundle that was altered, cut short, is not
    /// one, or is sealed to someone else is refused before anything changes.
    pub fn import_bundle(&self, path: &Path, code: Option<&str>) -> Result<BundleOutcome> {
        let file = File::open(path).map_err(|e| io(path, e))?;
        let size = file.metadata().map_err(|e| io(path, e))?.len();
        if size > LIMITS.bundle {
            return Err(refused(BundleError::TooLarge(format!(
                "{} MiB at most",
                LIMITS.bundle >> 20
            ))));
        }
        let mut start = [0u8; 16];
        let head = File::open(path)
            .and_then(|mut f| f.read(&mut start))
            .map_err(|e| io(path, e))?;
        if !is_sealed(&start[..head]) {
            return Err(Error::InvalidInput(
                if start[..head].starts_with(b"SATCHEL-BUNDLE") {
                    "this bundle was written by an earlier Satchel, unsealed: write it again on the other computer; nothing was imported"
                } else {
                    "this is not a Satchel bundle; nothing was imported"
                }
                .into(),
            ));
        }
        let mut codes: Vec<String> = code.into_iter().map(str::to_owned).collect();
        if let Some(typed) = code
            && code_digits(typed).is_none()
        {
            return Err(Error::BundleCode(format!(
                "a bundle code is {CODE_DIGITS} digits"
            )));
        }
        codes.extend(
            self.read(|c| settings::BUNDLE_CODES.get(c))?
                .unwrap_or_default(),
        );
        let key = self.device_key()?;
        let mut opened = open(
            BufReader::new(file),
            size,
            &Keys {
                device: Some(&key),
                codes: &codes,
            },
        )
        .map_err(|e| match e {
            BundleError::WrongCode => Error::BundleCode(e.to_string()),
            other => refused(other),
        })?;
        let len = opened.plain.len();
        let checked = read_checked(&mut opened.plain, len, LIMITS).map_err(refused)?;
        // Who signed it. Sealed to this device's key, it must be this device or its class
        // server (anyone can seal to a public key); opened with a code, the code is the
        // proof. A class server's bundle names its key, and a code keeps the server it
        // first came from.
        let account_server = self.sync().account()?.and_then(|a| a.server_key);
        let class = self.read(|c| settings::CLASS_BUNDLE.get(c))?;
        let from_class = checked.header["server_key"].as_str();
        if from_class.is_some_and(|k| k != opened.signer) {
            return Err(refused(BundleError::Altered));
        }
        let known_signer = opened.signer == key.public()
            || account_server.as_deref() == Some(opened.signer.as_str())
            || class
                .as_ref()
                .is_some_and(|c| c.server_key == opened.signer);
        let moved = match (&opened.by, &class) {
            (OpenedBy::Code(digits), Some(class)) => {
                from_class.is_some() && class.code == *digits && class.server_key != opened.signer
            }
            _ => false,
        };
        if matches!(opened.by, OpenedBy::Key(_)) && !known_signer || moved {
            return Err(Error::InvalidInput(
                "this bundle is signed by no one this device knows (not this device, not its class server); nothing was imported".into(),
            ));
        }
        let report = self.sync().merge_saved(checked.docs, crate::now_ms())?;
        if let OpenedBy::Code(digits) = &opened.by {
            self.transact(|tx| {
                let mut known = settings::BUNDLE_CODES.get(tx)?.unwrap_or_default();
                if !known.contains(digits) {
                    known.push(digits.clone());
                    settings::BUNDLE_CODES.put(tx, &known)?;
                }
                if from_class.is_some() {
                    settings::CLASS_BUNDLE.put(
                        tx,
                        &ClassBundle {
                            server_key: opened.signer.clone(),
                            code: digits.clone(),
                        },
                    )?;
                }
                Ok(())
            })?;
        }
        let mut bytes_in = 0u64;
        let plain = &mut opened.plain;
        let received = self.sync().receive_media(None, |sha256| {
            let Some((offset, len)) = checked.media.get(sha256).copied() else {
                return Ok(None);
            };
            if len > MAX_MEDIA_READ {
                return Ok(None);
            }
            plain
                .seek(SeekFrom::Start(offset))
                .map_err(|e| io(path, e))?;
            let mut bytes = vec![0u8; len as usize];
            plain.read_exact(&mut bytes).map_err(|e| io(path, e))?;
            // Checked again: the stick may have changed since it was read through.
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
            code: None,
        })
    }
}
