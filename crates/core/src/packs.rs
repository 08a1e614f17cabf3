//! Signed packs: a model pack (the models a "lite" package or a damaged install lacks)
//! or an update of the app, carried as one file on a USB stick or handed out by the
//! class server.
//!
//! A pack is a tar file:
//! 1. `pack.json`, what it holds: its kind, its version, notes for the learner, and each
//!    file's name, size and sha256;
//! 2. `pack.json.minisig`, a minisign signature of `pack.json` (Ed25519 over its
//!    BLAKE2b hash, the scheme Tauri's updater uses), whose trusted comment repeats the
//!    version;
//! 3. the files, in the order `pack.json` lists them.
//!
//! Reading checks the signature against the keys this build trusts before anything else
//! is believed, then each file's size and checksum while it streams into a staging
//! folder beside where it goes. Only a pack that passes whole is moved into place: a
//! tampered byte, a missing or foreign signature, an older version or a truncated file
//! is refused with the reason, and changes nothing.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use minisign_verify::{PublicKey, Signature};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::models::imported_dir;
use crate::{Error, Result};

pub const MANIFEST: &str = "pack.json";
pub const SIGNATURE: &str = "pack.json.minisig";
/// The model pack installed in a data folder, kept after its files are in place.
const INSTALLED: &str = "pack.json";
/// Satchel's release key. Its secret half signs releases and never enters the
/// repository.
const RELEASE_KEY: &str = include_str!("../../../packaging/keys/satchel-release.pub");
/// Beside what a package installs (`<bin>/../lib/Satchel/keys/*.pub`), the keys of
/// whoever installed it (a school that builds its own packs): writable only by whoever
/// could replace the program itself.
const KEYS_DIR: &str = "keys";

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

/// The keys packs may be signed with.
pub struct TrustedKeys(Vec<PublicKey>);

impl TrustedKeys {
    /// Satchel's release key, and the keys installed beside this copy of Satchel.
    pub fn release() -> Self {
        let installed = crate::models::executable_dir()
            .and_then(|bin| Some(installed_keys(bin.parent()?)))
            .unwrap_or_default();
        let keys = std::iter::once(RELEASE_KEY.to_owned())
            .chain(installed)
            .filter_map(|text| decode_key(&text))
            .collect();
        Self(keys)
    }

    /// Keys from their minisign text (`untrusted comment: …` and the key line) or the
    /// key line alone.
    pub fn from_texts(texts: &[&str]) -> Result<Self> {
        texts
            .iter()
            .map(|t| {
                decode_key(t).ok_or_else(|| Error::InvalidInput("not a minisign public key".into()))
            })
            .collect::<Result<Vec<_>>>()
            .map(Self)
    }

    fn verify(&self, manifest: &[u8], signature: &str) -> std::result::Result<(), PackProblem> {
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

/// The text of each `*.pub` in `<prefix>/lib/Satchel/keys`.
fn installed_keys(prefix: &Path) -> Vec<String> {
    let dir = prefix
        .join("lib")
        .join(crate::models::INSTALL_DIR)
        .join(KEYS_DIR);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pub"))
        // A key is a line or two; a large file is not one.
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() < 4096))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn decode_key(text: &str) -> Option<PublicKey> {
    let text = text.trim();
    PublicKey::decode(text)
        .or_else(|_| PublicKey::from_base64(text))
        .ok()
}

/// A version as three numbers, for comparing.
fn version_key(version: &str) -> Option<(u64, u64, u64)> {
    let mut parts = version.split('.').map(|p| p.parse::<u64>().ok());
    let key = (parts.next()??, parts.next()??, parts.next()??);
    parts.next().is_none().then_some(key)
}

fn refused(path: &Path, problem: PackProblem) -> Error {
    Error::PackRefused {
        path: path.to_owned(),
        problem,
    }
}

/// Reads the pack at `path`, checking it whole: its signature by `keys`, its manifest,
/// and each file (streamed into `stage`, which must be empty). Returns the manifest.
pub fn unpack_verified(path: &Path, keys: &TrustedKeys, stage: &Path) -> Result<PackManifest> {
    let file = File::open(path).map_err(Error::io("open", path))?;
    let mut archive = tar::Archive::new(file);
    let mut entries = archive
        .entries()
        .map_err(|e| refused(path, PackProblem::NotAPack(e.to_string())))?;
    let mut next_small = |expected: &str| -> Result<Vec<u8>> {
        let missing = || {
            refused(
                path,
                if expected == SIGNATURE {
                    PackProblem::Unsigned
                } else {
                    PackProblem::NotAPack(format!("no {expected}"))
                },
            )
        };
        let mut entry = entries
            .next()
            .ok_or_else(missing)?
            .map_err(|e| refused(path, PackProblem::NotAPack(e.to_string())))?;
        let name = entry_name(&entry);
        if name != expected {
            let problem = if expected == SIGNATURE {
                PackProblem::Unsigned
            } else {
                PackProblem::NotAPack(format!("{name:?} where {expected} should be"))
            };
            return Err(refused(path, problem));
        }
        if entry.size() > MAX_MANIFEST {
            return Err(refused(
                path,
                PackProblem::NotAPack(format!("{expected} is too large")),
            ));
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(|_| {
            refused(
                path,
                PackProblem::Truncated {
                    file: expected.into(),
                },
            )
        })?;
        Ok(bytes)
    };
    let manifest_bytes = next_small(MANIFEST)?;
    let signature = next_small(SIGNATURE)?;
    let signature =
        String::from_utf8(signature).map_err(|_| refused(path, PackProblem::Unsigned))?;
    keys.verify(&manifest_bytes, &signature)
        .map_err(|problem| refused(path, problem))?;
    // Signed, so believed from here on; still checked for sense.
    let manifest: PackManifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| refused(path, PackProblem::NotAPack(e.to_string())))?;
    check_manifest(&manifest).map_err(|problem| refused(path, problem))?;
    let signed_version = Signature::decode(&signature)
        .ok()
        .and_then(|s| version_in_comment(s.trusted_comment()));
    if signed_version.as_deref() != Some(manifest.version.as_str()) {
        return Err(refused(path, PackProblem::BadSignature));
    }

    let mut entries = entries;
    for expected in &manifest.files {
        let truncated = || {
            refused(
                path,
                PackProblem::Truncated {
                    file: expected.name.clone(),
                },
            )
        };
        let mut entry = entries
            .next()
            .ok_or_else(truncated)?
            .map_err(|_| truncated())?;
        if entry_name(&entry) != expected.name || entry.size() != expected.size {
            return Err(refused(
                path,
                PackProblem::BadChecksum {
                    file: expected.name.clone(),
                },
            ));
        }
        let target = stage.join(&expected.name);
        let mut out = File::create(&target).map_err(Error::io("write", &target))?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 1 << 16];
        let mut copied = 0u64;
        loop {
            let n = entry.read(&mut buffer).map_err(|_| truncated())?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            out.write_all(&buffer[..n])
                .map_err(Error::io("write", &target))?;
            copied += n as u64;
        }
        if copied != expected.size {
            return Err(truncated());
        }
        out.sync_all().map_err(Error::io("write", &target))?;
        let actual: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        if actual != expected.sha256 {
            return Err(refused(
                path,
                PackProblem::BadChecksum {
                    file: expected.name.clone(),
                },
            ));
        }
    }
    Ok(manifest)
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

fn check_manifest(manifest: &PackManifest) -> std::result::Result<(), PackProblem> {
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
        let plain = !file.name.is_empty()
            && !file.name.starts_with('.')
            && file.name.len() <= 128
            && file
                .name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
        if !plain || file.name == INSTALLED || !names.insert(file.name.as_str()) {
            return bad(format!("a file named {:?}", file.name));
        }
        if file.size > MAX_FILE || file.sha256.len() != 64 {
            return bad(format!("{}'s size or checksum", file.name));
        }
    }
    Ok(())
}

/// A staging folder beside `dir` (so files move into place by rename), removed with
/// whatever is in it unless kept.
struct Stage(PathBuf);

impl Stage {
    fn new(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(Error::io("create", dir))?;
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(|e| Error::Random(e.to_string()))?;
        let name: String = random.iter().map(|b| format!("{b:02x}")).collect();
        let path = dir.join(format!(".incoming-{name}"));
        std::fs::create_dir(&path).map_err(Error::io("create", &path))?;
        Ok(Self(path))
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The model pack imported into `data_dir`, if any.
pub fn installed_models(data_dir: &Path) -> Option<PackManifest> {
    let path = imported_dir(data_dir).join(INSTALLED);
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Imports the model pack at `pack` into `data_dir`'s models folder, where Satchel
/// looks after what the package carries. The same version again repairs damaged
/// files; an older one is refused.
pub fn import_models(pack: &Path, data_dir: &Path, keys: &TrustedKeys) -> Result<PackManifest> {
    let dir = imported_dir(data_dir);
    let stage = Stage::new(&dir)?;
    let manifest = unpack_verified(pack, keys, &stage.0)?;
    if manifest.kind != PackKind::Models {
        return Err(refused(pack, PackProblem::WrongKind("an app update")));
    }
    if let Some(installed) = installed_models(data_dir)
        && version_key(&installed.version) > version_key(&manifest.version)
    {
        return Err(refused(
            pack,
            PackProblem::NotNewer {
                offered: manifest.version,
                installed: installed.version,
            },
        ));
    }
    for file in &manifest.files {
        let from = stage.0.join(&file.name);
        let to = dir.join(&file.name);
        std::fs::rename(&from, &to).map_err(Error::io("move into place", &to))?;
    }
    // Last, so an import cut short is not taken for a finished one.
    let record = dir.join(INSTALLED);
    let bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| Error::InvalidInput(e.to_string()))?;
    write_atomically(&record, &bytes)?;
    Ok(manifest)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let partial = path.with_extension("partial");
    let mut file = File::create(&partial).map_err(Error::io("write", &partial))?;
    file.write_all(bytes)
        .map_err(Error::io("write", &partial))?;
    file.sync_all().map_err(Error::io("flush", &partial))?;
    std::fs::rename(&partial, path).map_err(Error::io("replace", path))
}

/// An app update that has passed every check, staged and waiting for the learner to
/// choose it.
#[derive(Debug)]
pub struct Update {
    pub manifest: PackManifest,
    /// The checked installer files, in a folder of their own.
    pub folder: PathBuf,
}

/// Checks the app update at `pack` against `current` (this Satchel's version), and
/// stages its installer in `into` (a fresh folder). Only a newer version signed by a
/// trusted key passes.
pub fn check_update(pack: &Path, keys: &TrustedKeys, current: &str, into: &Path) -> Result<Update> {
    std::fs::create_dir_all(into).map_err(Error::io("create", into))?;
    let manifest = unpack_verified(pack, keys, into)?;
    if manifest.kind != PackKind::App {
        return Err(refused(pack, PackProblem::WrongKind("models")));
    }
    if version_key(&manifest.version) <= version_key(current) {
        return Err(refused(
            pack,
            PackProblem::NotNewer {
                offered: manifest.version,
                installed: current.to_owned(),
            },
        ));
    }
    Ok(Update {
        manifest,
        folder: into.to_owned(),
    })
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
        let sha256 = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
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
    let mut builder = tar::Builder::new(File::create(out)?);
    let mut append = |name: &str, data: &[u8]| {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, name, data)
    };
    append(MANIFEST, &bytes)?;
    append(SIGNATURE, signature.as_bytes())?;
    for (path, file) in files.iter().zip(&manifest.files) {
        let mut header = tar::Header::new_gnu();
        header.set_size(file.size);
        header.set_mode(0o644);
        header.set_cksum();
        builder.append_data(&mut header, &file.name, File::open(path)?)?;
    }
    builder.into_inner()?.sync_all()
}

#[cfg(test)]
mod tests;
