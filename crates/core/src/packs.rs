//! Model packs and app updates (the format is `satchel-packs`'): which keys this copy
//! of Satchel trusts, importing a model pack into the data folder, and checking an
//! update before the learner chooses it. A pack is used only when it passes whole; a
//! refusal says why and changes nothing.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use satchel_packs::{PackError, is_newer, unpack_verified};
pub use satchel_packs::{PackFile, PackKind, PackManifest, PackProblem, TrustedKeys, write_pack};

use crate::models::imported_dir;
use crate::{Error, Result};

/// Satchel's release key. Its secret half signs releases and never enters the
/// repository.
const RELEASE_KEY: &str = include_str!("../../../packaging/keys/satchel-release.pub");
/// Beside what a package installs (`<bin>/../lib/Satchel/keys/*.pub`), the keys of
/// whoever installed it (a school that signs its own packs): writable only by whoever
/// could replace the program itself.
const KEYS_DIR: &str = "keys";
/// The model pack imported into a data folder, written once its files are in place.
const INSTALLED: &str = "pack.json";

/// Satchel's release key, and the keys installed beside this copy of Satchel.
pub fn trusted_keys() -> TrustedKeys {
    let installed = crate::models::executable_dir()
        .and_then(|bin| Some(installed_keys(bin.parent()?)))
        .unwrap_or_default();
    let mut texts = vec![RELEASE_KEY.to_owned()];
    texts.extend(installed);
    TrustedKeys::from_texts(&texts)
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

fn refused(path: &Path, problem: PackProblem) -> Error {
    Error::PackRefused {
        path: path.to_owned(),
        problem,
    }
}

fn unpack(path: &Path, keys: &TrustedKeys, stage: &Path) -> Result<PackManifest> {
    unpack_verified(path, keys, stage).map_err(|error| match error {
        PackError::Refused(problem) => refused(path, problem),
        PackError::Io {
            action,
            path,
            source,
        } => Error::Io {
            action,
            path,
            source,
        },
    })
}

/// A staging folder beside `dir` (so files move into place by rename), removed with
/// whatever is left in it.
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
    let manifest = unpack(pack, keys, &stage.0)?;
    if manifest.kind != PackKind::Models {
        return Err(refused(pack, PackProblem::WrongKind("an app update")));
    }
    if let Some(installed) = installed_models(data_dir)
        && is_newer(&installed.version, &manifest.version)
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
    let bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| Error::InvalidInput(e.to_string()))?;
    write_atomically(&dir.join(INSTALLED), &bytes)?;
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
    let manifest = unpack(pack, keys, into)?;
    if manifest.kind != PackKind::App {
        return Err(refused(pack, PackProblem::WrongKind("models")));
    }
    if !is_newer(&manifest.version, current) {
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

#[cfg(test)]
mod tests;
