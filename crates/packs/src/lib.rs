//! Satchel's signed packs: a model pack (the models a "lite" package or a damaged
//! install lacks) or an update of the app, carried as one file on a USB stick or handed
//! out by the class server.
//!
//! A pack is a tar file:
//! 1. `pack.json`, what it holds: its kind, its version, notes for the learner, and each
//!    file's name, size and sha256;
//! 2. `pack.json.minisig`, a minisign signature of `pack.json` (Ed25519 over its
//!    BLAKE2b hash, the scheme Tauri's updater uses), whose trusted comment repeats the
//!    version;
//! 3. the files, in the order `pack.json` lists them.
//!
//! [`unpack_verified`] checks the signature against the trusted keys before anything
//! else is believed, then each file's size and checksum while it streams into a staging
//! folder. Where a pack that passes goes, and whether its version is wanted, is the
//! caller's to decide.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use minisign_verify::{PublicKey, Signature};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const MANIFEST: &str = "pack.json";
pub const SIGNATURE: &str = "pack.json.minisig";
/// Satchel's release key (minisign's text). Its secret half signs releases and never
/// enters the repository.
pub const RELEASE_KEY: &str = include_str!("../../../packaging/keys/satchel-release.pub");

/// A pack's manifest and signature are small; anything larger is not a pack.
const MAX_MANIFEST: u64 = 256 * 1024;
const MAX_FILES: usize = 64;
/// The largest file a pack may hold: a Whisper model or an installer fits easily.
const MAX_FILE: u64 = 2 << 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackKind {
    /// Models, imported into the data folder.
    Models,
    /// An installer of a newer Satchel.
    App,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackFile {
    pub name: String,
    pub size: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackManifest {
    /// 1; a later format is refused rather than half-understood.
    pub format: u32,
    pub kind: PackKind,
    /// `major.minor.patch`.
    pub version: String,
    /// What changes, for the learner to read before choosing.
    #[serde(default)]
    pub notes: String,
    pub files: Vec<PackFile>,
}

/// Why a pack was refused. Each leaves everything as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackProblem {
    #[error("it is not a Satchel pack ({0})")]
    NotAPack(String),
    #[error("it is not signed")]
    Unsigned,
    #[error("it is signed by a key this copy of Satchel does not trust")]
    UnknownKey,
    #[error("its signature does not match: it was changed after it was signed")]
    BadSignature,
    #[error("{file} was changed or damaged after the pack was signed")]
    BadChecksum { file: String },
    #[error("it ends before {file} is complete")]
    Truncated { file: String },
    #[error("it is version {offered}, and {installed} is already here")]
    NotNewer { offered: String, installed: String },
    #[error("it holds {0}, not what was asked for")]
    WrongKind(&'static str),
}

/// Reading a pack failed: it was refused, or the disk failed.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{0}")]
    Refused(PackProblem),
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> PackError {
    let path = path.to_owned();
    move |source| PackError::Io {
        action,
        path,
        source,
    }
}

/// The keys packs may be signed with.
#[derive(Default)]
pub struct TrustedKeys(Vec<PublicKey>);

impl TrustedKeys {
    /// The keys among `texts` (each a minisign public key's text, `untrusted comment: …`
    /// and the key line, or the key line alone) that decode; the others are skipped.
    pub fn from_texts<S: AsRef<str>>(texts: &[S]) -> Self {
        Self(
            texts
                .iter()
                .filter_map(|t| decode_key(t.as_ref()))
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn verify(&self, manifest: &[u8], signature: &str) -> Result<(), PackProblem> {
        let signature = Signature::decode(signature).map_err(|_| PackProblem::Unsigned)?;
        let mut problem = PackProblem::UnknownKey;
        for key in &self.0 {
            match key.verify(manifest, &signature, false) {
                Ok(()) => return Ok(()),
                Err(minisign_verify::Error::UnexpectedKeyId) => {}
                Err(_) => problem = PackProblem::BadSignature,
            }
        }
        Err(problem)
    }
}

fn decode_key(text: &str) -> Option<PublicKey> {
    let text = text.trim();
    PublicKey::decode(text)
        .or_else(|_| PublicKey::from_base64(text))
        .ok()
}

/// A version as three numbers, for comparing; `None` for anything else.
pub fn version_key(version: &str) -> Option<(u64, u64, u64)> {
    let mut parts = version.split('.').map(|p| p.parse::<u64>().ok());
    let key = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(key)
}

/// Whether `offered` is a later version than `installed`.
pub fn is_newer(offered: &str, installed: &str) -> bool {
    version_key(offered) > version_key(installed)
}

/// A pack's manifest as it was signed: its exact bytes and signature travel with it,
/// so a pack can be written again from its files by someone without the secret key (a
/// teacher's app handing out the models it has).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub manifest: PackManifest,
    pub bytes: Vec<u8>,
    pub signature: String,
}

impl Signed {
    /// Reads back a manifest kept with its signature, checking both as a pack's would be.
    pub fn from_parts(
        bytes: Vec<u8>,
        signature: String,
        keys: &TrustedKeys,
    ) -> Result<Self, PackProblem> {
        keys.verify(&bytes, &signature)?;
        // Signed, so believed from here on; still checked for sense.
        let manifest: PackManifest =
            serde_json::from_slice(&bytes).map_err(|e| PackProblem::NotAPack(e.to_string()))?;
        check_manifest(&manifest)?;
        let signed_version = Signature::decode(&signature)
            .ok()
            .and_then(|s| version_in_comment(s.trusted_comment()));
        if signed_version.as_deref() != Some(manifest.version.as_str()) {
            return Err(PackProblem::BadSignature);
        }
        Ok(Self {
            manifest,
            bytes,
            signature,
        })
    }
}

type Entries<'a> = tar::Entries<'a, File>;

/// The signed head of a pack: its manifest and signature, checked against `keys`.
fn read_head(entries: &mut Entries<'_>, keys: &TrustedKeys) -> Result<Signed, PackError> {
    let refused = |problem: PackProblem| PackError::Refused(problem);
    let mut next_small = |expected: &str| -> Result<Vec<u8>, PackError> {
        let missing = || {
            refused(if expected == SIGNATURE {
                PackProblem::Unsigned
            } else {
                PackProblem::NotAPack(format!("no {expected}"))
            })
        };
        let mut entry = entries
            .next()
            .ok_or_else(missing)?
            .map_err(|e| refused(PackProblem::NotAPack(e.to_string())))?;
        let name = entry_name(&entry);
        if name != expected {
            let problem = if expected == SIGNATURE {
                PackProblem::Unsigned
            } else {
                PackProblem::NotAPack(format!("{name:?} where {expected} should be"))
            };
            return Err(refused(problem));
        }
        if entry.size() > MAX_MANIFEST {
            return Err(refused(PackProblem::NotAPack(format!(
                "{expected} is too large"
            ))));
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(|_| {
            refused(PackProblem::Truncated {
                file: expected.into(),
            })
        })?;
        Ok(bytes)
    };
    let manifest_bytes = next_small(MANIFEST)?;
    let signature = next_small(SIGNATURE)?;
    let signature = String::from_utf8(signature).map_err(|_| refused(PackProblem::Unsigned))?;
    Signed::from_parts(manifest_bytes, signature, keys).map_err(refused)
}

fn open(path: &Path) -> Result<tar::Archive<File>, PackError> {
    Ok(tar::Archive::new(
        File::open(path).map_err(io("open", path))?,
    ))
}

fn entries<'a>(archive: &'a mut tar::Archive<File>) -> Result<Entries<'a>, PackError> {
    archive
        .entries()
        .map_err(|e| PackError::Refused(PackProblem::NotAPack(e.to_string())))
}

/// What the pack at `path` says it holds, once its signature by `keys` checks out; its
/// files are not read (a class server lists what it offers this way, and each learner's
/// app checks the whole file it receives).
pub fn read_signed(path: &Path, keys: &TrustedKeys) -> Result<Signed, PackError> {
    let mut archive = open(path)?;
    read_head(&mut entries(&mut archive)?, keys)
}

/// Reads the pack at `path`, checking it whole: its signature by `keys`, its manifest,
/// and each file (streamed into `stage`, which must be empty). Returns the manifest as
/// signed.
pub fn unpack_verified(path: &Path, keys: &TrustedKeys, stage: &Path) -> Result<Signed, PackError> {
    read_files(path, keys, Some(stage))
}

/// Checks the pack at `path` whole, as [`unpack_verified`] does, writing nothing.
pub fn verify(path: &Path, keys: &TrustedKeys) -> Result<Signed, PackError> {
    read_files(path, keys, None)
}

fn read_files(path: &Path, keys: &TrustedKeys, stage: Option<&Path>) -> Result<Signed, PackError> {
    let refused = |problem: PackProblem| PackError::Refused(problem);
    let mut archive = open(path)?;
    let mut entries = entries(&mut archive)?;
    let signed = read_head(&mut entries, keys)?;
    for expected in &signed.manifest.files {
        let truncated = || {
            refused(PackProblem::Truncated {
                file: expected.name.clone(),
            })
        };
        let mut entry = entries
            .next()
            .ok_or_else(truncated)?
            .map_err(|_| truncated())?;
        if entry_name(&entry) != expected.name || entry.size() != expected.size {
            return Err(refused(PackProblem::BadChecksum {
                file: expected.name.clone(),
            }));
        }
        let mut out = match stage {
            Some(stage) => {
                let target = stage.join(&expected.name);
                Some((File::create(&target).map_err(io("write", &target))?, target))
            }
            None => None,
        };
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 1 << 16];
        let mut copied = 0u64;
        loop {
            let n = entry.read(&mut buffer).map_err(|_| truncated())?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            if let Some((out, target)) = &mut out {
                out.write_all(&buffer[..n]).map_err(io("write", target))?;
            }
            copied += n as u64;
        }
        if copied != expected.size {
            return Err(truncated());
        }
        if let Some((out, target)) = &out {
            out.sync_all().map_err(io("write", target))?;
        }
        if hex(&hasher.finalize()) != expected.sha256 {
            return Err(refused(PackProblem::BadChecksum {
                file: expected.name.clone(),
            }));
        }
    }
    Ok(signed)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn entry_name<R: Read>(entry: &tar::Entry<'_, R>) -> String {
    entry
        .path()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `version:` in a trusted comment (`timestamp:…\tfile:…\tversion:…`, as Tauri writes).
fn version_in_comment(comment: &str) -> Option<String> {
    comment
        .split('\t')
        .find_map(|field| field.strip_prefix("version:"))
        .map(str::to_owned)
}

fn check_manifest(manifest: &PackManifest) -> Result<(), PackProblem> {
    let bad = |why: String| Err(PackProblem::NotAPack(why));
    if manifest.format != 1 {
        return bad(format!(
            "format {} is newer than this Satchel reads",
            manifest.format
        ));
    }
    if version_key(&manifest.version).is_none() {
        return bad(format!("version {:?}", manifest.version));
    }
    if manifest.files.is_empty() || manifest.files.len() > MAX_FILES {
        return bad(format!("{} files", manifest.files.len()));
    }
    let mut names = std::collections::HashSet::new();
    for file in &manifest.files {
        if !is_plain_name(&file.name) || file.name == MANIFEST || !names.insert(file.name.as_str())
        {
            return bad(format!("a file named {:?}", file.name));
        }
        if file.size > MAX_FILE || file.sha256.len() != 64 {
            return bad(format!("{}'s size or checksum", file.name));
        }
    }
    Ok(())
}

/// Writes a pack: what `cargo xtask bundle` and the tests use. `sign` turns the
/// manifest's bytes and a trusted comment into a minisign signature's text.
pub fn write_pack(
    out: &Path,
    kind: PackKind,
    version: &str,
    notes: &str,
    files: &[PathBuf],
    sign: impl FnOnce(&[u8], &str) -> std::io::Result<String>,
) -> std::io::Result<()> {
    let mut entries = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| std::io::Error::other(format!("{} has no plain name", path.display())))?
            .to_owned();
        let mut hasher = Sha256::new();
        let mut input = File::open(path)?;
        let size = std::io::copy(&mut input, &mut hasher)?;
        let sha256 = hex(&hasher.finalize());
        entries.push(PackFile { name, size, sha256 });
    }
    let manifest = PackManifest {
        format: 1,
        kind,
        version: version.to_owned(),
        notes: notes.to_owned(),
        files: entries,
    };
    let bytes = serde_json::to_vec_pretty(&manifest).map_err(std::io::Error::other)?;
    let timestamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let comment = format!("timestamp:{timestamp}\tfile:{MANIFEST}\tversion:{version}");
    let signature = sign(&bytes, &comment)?;
    let signed = Signed {
        manifest,
        bytes,
        signature,
    };
    let dirs: Vec<&Path> = files
        .iter()
        .map(|p| p.parent().unwrap_or(Path::new(".")))
        .collect();
    write_tar(out, &signed, |i| dirs[i])
}

/// Writes the pack `signed` describes again, from its files in `dir`: the same bytes a
/// signer wrote, by someone who holds only the signed manifest. A file whose size is
/// not the signed one is an error (its checksum is the reader's to check).
pub fn write_presigned(out: &Path, signed: &Signed, dir: &Path) -> std::io::Result<()> {
    for file in &signed.manifest.files {
        let path = dir.join(&file.name);
        let size = std::fs::metadata(&path)?.len();
        if size != file.size {
            return Err(std::io::Error::other(format!(
                "{} is {size} bytes, and the pack says {}",
                path.display(),
                file.size
            )));
        }
    }
    write_tar(out, signed, |_| dir)
}

fn write_tar<'a>(
    out: &Path,
    signed: &Signed,
    dir_of: impl Fn(usize) -> &'a Path,
) -> std::io::Result<()> {
    let mut builder = tar::Builder::new(File::create(out)?);
    let mut append = |name: &str, data: &[u8]| {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, name, data)
    };
    append(MANIFEST, &signed.bytes)?;
    append(SIGNATURE, signed.signature.as_bytes())?;
    for (i, file) in signed.manifest.files.iter().enumerate() {
        let mut header = tar::Header::new_gnu();
        header.set_size(file.size);
        header.set_mode(0o644);
        header.set_cksum();
        let input = File::open(dir_of(i).join(&file.name))?;
        // A file that grew since it was listed would overrun its header.
        builder.append_data(&mut header, &file.name, input.take(file.size))?;
    }
    builder.into_inner()?.sync_all()
}

/// Whether `name` is a plain file name a pack may have or hold: no folders, no dots
/// in front, nothing a file system might read otherwise.
pub fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name.len() <= 128
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// A pack a folder offers (a class server's `offers`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    /// Its file's name in the folder.
    pub name: String,
    pub manifest: PackManifest,
    /// Its file's size.
    pub size: u64,
}

/// Packs in one folder a class is offered, at most.
const MAX_OFFERS: usize = 16;

/// The packs in `dir` whose signature by `keys` checks out, by name: each a plain
/// `*.pack` file. Their files are not read (each learner's app checks what it gets).
pub fn offers_in(dir: &Path, keys: &TrustedKeys) -> Vec<Offered> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut offers: Vec<Offered> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let meta = entry.metadata().ok()?;
            if !is_plain_name(&name) || !name.ends_with(".pack") || !meta.is_file() {
                return None;
            }
            let signed = read_signed(&entry.path(), keys).ok()?;
            Some(Offered {
                name,
                manifest: signed.manifest,
                size: meta.len(),
            })
        })
        .take(MAX_OFFERS)
        .collect();
    offers.sort_by(|a, b| a.name.cmp(&b.name));
    offers
}

#[cfg(any(test, feature = "sign"))]
pub mod sign;
#[cfg(test)]
mod tests;
