//! Model packs and app updates (the format is `satchel-packs`'): which keys this copy
//! of Satchel trusts, importing a model pack into the data folder, and checking an
//! update before the learner chooses it. A pack is used only when it passes whole; a
//! refusal says why and changes nothing.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use satchel_packs::{
    Offered, PackFile, PackKind, PackManifest, PackProblem, RELEASE_KEY, Signed, TrustedKeys,
    write_pack,
};
use satchel_packs::{PackError, is_newer, unpack_verified};

use satchel_types::UpdateOffer;

use crate::models::imported_dir;
use crate::{Error, Result};

/// Beside what a package installs (`<bin>/../lib/Satchel/keys/*.pub`), the keys of
/// whoever installed it (a school that signs its own packs): writable only by whoever
/// could replace the program itself.
const KEYS_DIR: &str = "keys";
/// The model pack imported into a data folder (or the one a package carries), its
/// signed manifest written once its files are in place, and its signature beside it:
/// so the pack can be handed on whole, to a class.
const INSTALLED: &str = satchel_packs::MANIFEST;
const INSTALLED_SIGNATURE: &str = satchel_packs::SIGNATURE;

/// Satchel's release key, and the keys installed beside this copy of Satchel.
pub fn trusted_keys() -> TrustedKeys {
    TrustedKeys::from_texts(&trusted_key_texts())
}

/// The texts of [`trusted_keys`] (a class server run by this app trusts the same).
pub fn trusted_key_texts() -> Vec<String> {
    let installed = crate::models::executable_dir()
        .and_then(|bin| Some(installed_keys(bin.parent()?)))
        .unwrap_or_default();
    let mut texts = vec![RELEASE_KEY.to_owned()];
    texts.extend(installed);
    texts
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

fn pack_error(path: &Path) -> impl FnOnce(PackError) -> Error {
    move |error| match error {
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
    }
}

fn unpack(path: &Path, keys: &TrustedKeys, stage: &Path) -> Result<Signed> {
    unpack_verified(path, keys, stage).map_err(pack_error(path))
}

/// A staging folder beside `dir` (so files move into place by rename), removed with
/// whatever is left in it.
struct Stage(PathBuf);

impl Stage {
    fn new(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(Error::io("create", dir))?;
        let path = dir.join(format!(".incoming-{}", random_name()?));
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
    let signed = unpack(pack, keys, &stage.0)?;
    let manifest = signed.manifest;
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
    // Last, so an import cut short is not taken for a finished one; the signature
    // first, so a manifest is never there without it.
    write_atomically(&dir.join(INSTALLED_SIGNATURE), signed.signature.as_bytes())?;
    write_atomically(&dir.join(INSTALLED), &signed.bytes)?;
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

/// This Satchel's version: an update must be newer.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where a checked update waits for the learner, under the data folder.
pub fn updates_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("updates")
}

/// Checks the update at `pack` whole and stages its installer in the data folder's
/// `updates` (one staged update at a time: an older check's files go), for the learner
/// to choose.
pub fn stage_update(pack: &Path, data_dir: &Path, keys: &TrustedKeys) -> Result<UpdateOffer> {
    let dir = updates_dir(data_dir);
    // Checked into a folder of its own first: a refused update leaves the staged one.
    let stage = Stage::new(data_dir)?;
    let update = check_update(pack, keys, APP_VERSION, &stage.0)?;
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::rename(&stage.0, &dir).map_err(Error::io("move into place", &dir))?;
    let installer = update
        .manifest
        .files
        .first()
        .map(|f| dir.join(&f.name).display().to_string())
        .unwrap_or_default();
    Ok(UpdateOffer {
        version: update.manifest.version,
        current: APP_VERSION.to_owned(),
        notes: update.manifest.notes,
        installer,
    })
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
    let manifest = unpack(pack, keys, into)?.manifest;
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

/// The signed model pack whose files are all in `dir` (a package's models folder, or
/// the one packs are imported into), if its signature checks out.
fn signed_models_in(dir: &Path, keys: &TrustedKeys) -> Option<Signed> {
    // Read with the limits any pack's head has.
    let bytes = read_small(&dir.join(INSTALLED))?;
    let signature = String::from_utf8(read_small(&dir.join(INSTALLED_SIGNATURE))?).ok()?;
    let signed = Signed::from_parts(bytes, signature, keys).ok()?;
    let whole = signed.manifest.kind == PackKind::Models
        && signed.manifest.files.iter().all(|f| {
            std::fs::metadata(dir.join(&f.name)).is_ok_and(|m| m.is_file() && m.len() == f.size)
        });
    whole.then_some(signed)
}

fn read_small(path: &Path) -> Option<Vec<u8>> {
    let size = std::fs::metadata(path).ok()?.len();
    (size <= 256 * 1024)
        .then(|| std::fs::read(path).ok())
        .flatten()
}

/// The newest signed model pack this computer holds whole (the one its package
/// carries, or one imported), and the folder its files are in.
pub fn models_at_hand(dirs: &[PathBuf], keys: &TrustedKeys) -> Option<(Signed, PathBuf)> {
    dirs.iter()
        .filter_map(|dir| Some((signed_models_in(dir, keys)?, dir.clone())))
        .reduce(|best, next| {
            if is_newer(&next.0.manifest.version, &best.0.manifest.version) {
                next
            } else {
                best
            }
        })
}

/// Where a class server keeps the packs it offers, under its own data folder.
pub fn offers_dir(server_dir: &Path) -> PathBuf {
    server_dir.join("offers")
}

/// The name an offered pack goes by: what it is, not what its file was called.
fn offer_name(manifest: &PackManifest) -> String {
    let kind = match manifest.kind {
        PackKind::Models => "models",
        PackKind::App => "update",
    };
    format!("satchel-{kind}-{}.pack", manifest.version)
}

/// Puts a pack that passed whole in place as `offers/<its name>`, and takes away
/// what was offered of the same kind before (a class is offered one of each).
fn place_offer(
    checked: &Path,
    signed: &Signed,
    offers: &Path,
    keys: &TrustedKeys,
) -> Result<String> {
    let name = offer_name(&signed.manifest);
    let to = offers.join(&name);
    std::fs::rename(checked, &to).map_err(Error::io("move into place", &to))?;
    for other in satchel_packs::offers_in(offers, keys) {
        if other.name != name && other.manifest.kind == signed.manifest.kind {
            let _ = std::fs::remove_file(offers.join(other.name));
        }
    }
    Ok(name)
}

/// Offers the pack at `pack` (an update or a model pack, from a USB stick) to the
/// class: checked whole first, so a class is never offered what its apps would refuse.
pub fn offer_file(pack: &Path, offers: &Path, keys: &TrustedKeys) -> Result<PackManifest> {
    std::fs::create_dir_all(offers).map_err(Error::io("create", offers))?;
    let copy = offers.join(format!(".incoming-{}", random_name()?));
    let cleanup = Partial(copy.clone());
    std::fs::copy(pack, &copy).map_err(Error::io("copy", pack))?;
    let signed = satchel_packs::verify(&copy, keys).map_err(pack_error(pack))?;
    place_offer(&copy, &signed, offers, keys)?;
    drop(cleanup);
    Ok(signed.manifest)
}

/// Writes the models this computer has to `out` as the signed pack they came in
/// (written again from the files, and checked whole before it is kept): for a USB
/// stick, or the class.
pub fn export_models(dirs: &[PathBuf], out: &Path, keys: &TrustedKeys) -> Result<PackManifest> {
    let (signed, from) = models_at_hand(dirs, keys).ok_or_else(|| Error::NotFound {
        kind: "signed model pack with all its files",
        id: "on this computer".into(),
    })?;
    let mut partial_name = out.file_name().unwrap_or_default().to_owned();
    partial_name.push(format!(".incoming-{}", random_name()?));
    let partial = out.with_file_name(partial_name);
    let cleanup = Partial(partial.clone());
    satchel_packs::write_presigned(&partial, &signed, &from)
        .map_err(Error::io("write", &partial))?;
    let checked = satchel_packs::verify(&partial, keys).map_err(pack_error(&from))?;
    std::fs::rename(&partial, out).map_err(Error::io("write", out))?;
    drop(cleanup);
    Ok(checked.manifest)
}

/// Offers the class the models this computer has, as the signed pack they came in.
pub fn offer_models(dirs: &[PathBuf], offers: &Path, keys: &TrustedKeys) -> Result<PackManifest> {
    std::fs::create_dir_all(offers).map_err(Error::io("create", offers))?;
    let copy = offers.join(format!(".incoming-{}", random_name()?));
    let cleanup = Partial(copy.clone());
    export_models(dirs, &copy, keys)?;
    let checked = satchel_packs::read_signed(&copy, keys).map_err(pack_error(&copy))?;
    place_offer(&copy, &checked, offers, keys)?;
    drop(cleanup);
    Ok(checked.manifest)
}

/// What the class is offered from `offers`.
pub fn offered(offers: &Path, keys: &TrustedKeys) -> Vec<Offered> {
    satchel_packs::offers_in(offers, keys)
}

/// Stops offering `name`.
pub fn withdraw(offers: &Path, name: &str) -> Result<()> {
    if !satchel_packs::is_plain_name(name) {
        return Err(Error::InvalidInput(format!(
            "{name:?} is not an offered pack"
        )));
    }
    let path = offers.join(name);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::NotFound {
            kind: "offered pack",
            id: name.to_owned(),
        }),
        Err(e) => Err(Error::io("remove", &path)(e)),
    }
}

fn random_name() -> Result<String> {
    let mut random = [0u8; 8];
    getrandom::fill(&mut random).map_err(|e| Error::Random(e.to_string()))?;
    Ok(random.iter().map(|b| format!("{b:02x}")).collect())
}

/// A file removed when dropped unless it was moved away first.
struct Partial(PathBuf);

impl Drop for Partial {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests;
