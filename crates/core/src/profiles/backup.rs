//! Backups: a library and its key slots in one file, restorable with what opens the
//! library — its passphrase, the keychain that holds its key, or its recovery code.
//!
//! A backup is a zip (stored, not compressed: its pages are encrypted) of
//! `backup.json` (whose library, when, why, what it holds), `profile.json` (the
//! manifest with the key slots) and `satchel.db` (a copy of the database, page for
//! page under the same key). Nothing in it is readable without a secret that opens the
//! library itself, and the slots are those of the moment it was made, so the
//! passphrase of that moment opens it.
//!
//! Automatic backups are kept in `<data dir>/backups/<profile id>/`: one each half
//! hour of use that changed the library, thinned to the newest few, one a day for a
//! week and one a week for a month, and never more than a bound in bytes (the newest
//! is always kept). Restoring keeps the library it replaces as a backup first, checks
//! the secret opens the backup before anything changes, and swaps whole directories.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use satchel_types::{BackupContents, BackupKind, BackupView, Protection, Restored, UnlockRequest};
use serde::{Deserialize, Serialize};

use super::{PROFILES_DIR, Satchel, create_private_dir};
use crate::profile::Profile;
use crate::profile::manifest::{MANIFEST_FILE, Manifest};
use crate::store::{Cipher, DATABASE_FILE, Store};
use crate::{Error, Result};

/// A backup file's extension.
pub const BACKUP_EXTENSION: &str = "satchel-backup";
const BACKUPS_DIR: &str = "backups";
const INFO_ENTRY: &str = "backup.json";
const FORMAT: u32 = 1;
/// A library in use is backed up this often (ms) when it changed.
pub const AUTOMATIC_EVERY: i64 = 30 * 60_000;
/// Automatic backups kept: the newest few, then one a day, then one a week.
const KEEP_NEWEST: usize = 6;
const KEEP_DAYS: i64 = 7;
const KEEP_WEEKS: i64 = 4;
/// At most this many bytes of automatic backups per library; the newest is kept
/// whatever its size.
const MAX_AUTOMATIC_BYTES: u64 = 2 << 30;
/// A library kept before a restore stays this long.
const KEEP_REPLACED_MS: i64 = 30 * DAY;
const DAY: i64 = 86_400_000;
/// Bounds on a backup file read from elsewhere (a USB stick).
const MAX_SMALL_ENTRY: u64 = 1 << 20;
const MAX_DATABASE_BYTES: u64 = 64 << 30;

/// `backup.json`: what a backup says of itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Info {
    format: u32,
    profile_id: String,
    profile_name: String,
    made_at: i64,
    kind: BackupKind,
    protection: Protection,
    contents: Option<BackupContents>,
    app_version: String,
}

fn bad(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::InvalidInput(format!(
        "{} is not a Satchel backup Satchel can read: {what}",
        path.display()
    ))
}

/// Where a data directory keeps a profile's automatic backups.
pub(super) fn backups_dir(data_dir: &Path, profile_id: &str) -> PathBuf {
    data_dir.join(BACKUPS_DIR).join(profile_id)
}

/// `name` as part of a file's name on every system: a folder separator, a control
/// character or anything Windows refuses in a name becomes `_`.
pub fn file_name_part(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect()
}

/// `2026-12-07 14-05-09` (UTC) for a time in ms: a file name's part that sorts by
/// time and reads as a date on any system's file list.
fn stamp(ms: i64) -> String {
    crate::clock::utc_date_time(ms).replace(':', "-")
}

/// A backup's file name in `dir`: the learner's name (made safe for every system's
/// file names, and short), when and why; one that is taken gets a number.
fn backup_path(dir: &Path, name: &str, now: i64, kind: BackupKind) -> PathBuf {
    let name: String = file_name_part(name).chars().take(40).collect();
    let stem = format!("{} {} ({})", name.trim(), stamp(now), kind_name(kind));
    let mut path = dir.join(format!("{stem}.{BACKUP_EXTENSION}"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{stem} {n}.{BACKUP_EXTENSION}"));
    }
    path
}

fn kind_name(kind: BackupKind) -> &'static str {
    match kind {
        BackupKind::Automatic => "automatic",
        BackupKind::Manual => "manual",
        BackupKind::BeforeRestore => "before restore",
    }
}

/// Writes a backup file at `dest` from the database copy `database` (and its
/// write-ahead log, for a library copied while closed) and the manifest; appears
/// whole or not at all.
fn write_backup(
    dest: &Path,
    info: &Info,
    manifest: &Manifest,
    database: &Path,
    wal: Option<&Path>,
) -> Result<()> {
    let partial = dest.with_file_name(format!(".{}.part", uuid::Uuid::now_v7()));
    let result = (|| -> Result<()> {
        let file = File::create(&partial).map_err(Error::io("create", &partial))?;
        let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored)
            .large_file(true);
        let zip_error = |e: zip::result::ZipError| Error::Io {
            action: "write",
            path: partial.clone(),
            source: std::io::Error::other(e),
        };
        let json = |value: Result<Vec<u8>, serde_json::Error>| {
            value.map_err(|e| Error::io("write", &partial)(std::io::Error::other(e)))
        };
        zip.start_file(INFO_ENTRY, stored).map_err(zip_error)?;
        zip.write_all(&json(serde_json::to_vec_pretty(info))?)
            .map_err(Error::io("write", &partial))?;
        zip.start_file(MANIFEST_FILE, stored).map_err(zip_error)?;
        zip.write_all(&json(serde_json::to_vec_pretty(manifest))?)
            .map_err(Error::io("write", &partial))?;
        let mut entries = vec![(DATABASE_FILE.to_owned(), database.to_owned())];
        if let Some(wal) = wal {
            entries.push((format!("{DATABASE_FILE}-wal"), wal.to_owned()));
        }
        for (name, path) in entries {
            zip.start_file(name, stored).map_err(zip_error)?;
            let mut from = File::open(&path).map_err(Error::io("read", &path))?;
            std::io::copy(&mut from, &mut zip).map_err(Error::io("write", &partial))?;
        }
        let mut out = zip.finish().map_err(zip_error)?;
        out.flush().map_err(Error::io("write", &partial))?;
        out.get_ref()
            .sync_all()
            .map_err(Error::io("write", &partial))?;
        Ok(())
    })();
    if let Err(error) = result {
        let _ = fs::remove_file(&partial);
        return Err(error);
    }
    fs::rename(&partial, dest).map_err(|e| {
        let _ = fs::remove_file(&partial);
        Error::io("write", dest)(e)
    })
}

/// A backup file opened: what it says of itself, its manifest, and its zip.
struct BackupFile {
    path: PathBuf,
    info: Info,
    manifest: Manifest,
    zip: zip::ZipArchive<File>,
}

impl BackupFile {
    fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(Error::io("open", path))?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(path, e))?;
        let mut small = |name: &str| -> Result<Vec<u8>> {
            let entry = zip
                .by_name(name)
                .map_err(|_| bad(path, format!("{name} is missing")))?;
            if entry.size() > MAX_SMALL_ENTRY {
                return Err(bad(path, format!("{name} is too large")));
            }
            let mut bytes = Vec::new();
            entry
                .take(MAX_SMALL_ENTRY + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| bad(path, e))?;
            Ok(bytes)
        };
        let info: Info = serde_json::from_slice(&small(INFO_ENTRY)?)
            .map_err(|e| bad(path, format!("{INFO_ENTRY}: {e}")))?;
        if info.format > FORMAT {
            return Err(Error::InvalidInput(format!(
                "{} was made by a newer Satchel ({}); update Satchel to restore it",
                path.display(),
                info.app_version
            )));
        }
        let manifest: Manifest = serde_json::from_slice(&small(MANIFEST_FILE)?)
            .map_err(|e| bad(path, format!("{MANIFEST_FILE}: {e}")))?;
        if manifest.id != info.profile_id || !super::is_profile_id(&manifest.id) {
            return Err(bad(path, "its parts are of different libraries"));
        }
        // The name becomes a learner's name here, and part of file names.
        if super::validate_name(&manifest.name).ok().as_deref() != Some(manifest.name.as_str()) {
            return Err(bad(path, "its learner's name is not one Satchel takes"));
        }
        let database = zip
            .by_name(DATABASE_FILE)
            .map_err(|_| bad(path, format!("{DATABASE_FILE} is missing")))?;
        if database.size() > MAX_DATABASE_BYTES {
            return Err(bad(path, "its library is larger than Satchel takes"));
        }
        drop(database);
        Ok(Self {
            path: path.to_owned(),
            info,
            manifest,
            zip,
        })
    }

    fn view(&self) -> BackupView {
        view(&self.path, &self.info)
    }

    /// The library's files, written into `dir`; the zip's own sizes are checked as
    /// they are read (a file claiming less than it holds is cut, and refused).
    fn extract(&mut self, dir: &Path) -> Result<()> {
        let names = [DATABASE_FILE.to_owned(), format!("{DATABASE_FILE}-wal")];
        for name in names {
            let Ok(mut entry) = self.zip.by_name(&name) else {
                continue;
            };
            let expected = entry.size();
            let dest = dir.join(&name);
            let mut out = File::create(&dest).map_err(Error::io("create", &dest))?;
            let copied = std::io::copy(&mut (&mut entry).take(MAX_DATABASE_BYTES + 1), &mut out)
                .map_err(|e| bad(&self.path, format!("{name}: {e}")))?;
            if copied != expected || copied > MAX_DATABASE_BYTES {
                return Err(bad(&self.path, format!("{name} is cut short")));
            }
            out.sync_all().map_err(Error::io("write", &dest))?;
        }
        self.manifest.save(dir)?;
        Ok(())
    }
}

fn view(path: &Path, info: &Info) -> BackupView {
    BackupView {
        path: path.display().to_string(),
        profile_id: info.profile_id.clone(),
        profile_name: info.profile_name.clone(),
        made_at: info.made_at,
        kind: info.kind,
        protection: info.protection,
        bytes: fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        contents: info.contents,
    }
}

/// The backups in `dir`, newest first; files that are not backups are passed over.
fn list(dir: &Path) -> Vec<BackupView> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<BackupView> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == BACKUP_EXTENSION))
        .filter_map(|p| BackupFile::open(&p).ok().map(|b| b.view()))
        .collect();
    found.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(b.path.cmp(&a.path)));
    found
}

/// The automatic backups to let go: beyond the newest few, one a day for a week and
/// one a week for a month are kept, then the oldest go until the rest fit the bound
/// in bytes. A library kept before a restore goes after a month; backups the learner
/// asked for are theirs and stay.
fn to_prune(backups: &[BackupView], now: i64) -> Vec<String> {
    let mut keep = vec![false; backups.len()];
    let automatic: Vec<usize> = (0..backups.len())
        .filter(|&i| backups[i].kind == BackupKind::Automatic)
        .collect();
    for &i in automatic.iter().take(KEEP_NEWEST) {
        keep[i] = true;
    }
    let mut days_kept = std::collections::HashSet::new();
    let mut weeks_kept = std::collections::HashSet::new();
    for &i in &automatic {
        let age = now - backups[i].made_at;
        let day = backups[i].made_at.div_euclid(DAY);
        if age < KEEP_DAYS * DAY && days_kept.insert(day) {
            keep[i] = true;
        }
        if age < KEEP_WEEKS * 7 * DAY && weeks_kept.insert(day.div_euclid(7)) {
            keep[i] = true;
        }
    }
    let mut gone = Vec::new();
    let mut bytes = 0u64;
    for (n, &i) in automatic.iter().enumerate() {
        if n > 0 && !keep[i] {
            gone.push(backups[i].path.clone());
            continue;
        }
        // Only what stays counts against the bound.
        bytes += backups[i].bytes;
        if n > 0 && bytes > MAX_AUTOMATIC_BYTES {
            bytes -= backups[i].bytes;
            gone.push(backups[i].path.clone());
        }
    }
    for backup in backups {
        if backup.kind == BackupKind::BeforeRestore && now - backup.made_at > KEEP_REPLACED_MS {
            gone.push(backup.path.clone());
        }
    }
    gone
}

impl Profile {
    fn data_dir(&self) -> PathBuf {
        // `<data dir>/profiles/<id>`.
        self.dir
            .parent()
            .and_then(Path::parent)
            .map_or_else(|| self.dir.clone(), Path::to_owned)
    }

    /// What the library holds, for a backup's label.
    fn contents(&self) -> Result<BackupContents> {
        self.read(|conn| {
            let count = |sql: &str| -> Result<u32> {
                let n: i64 = conn.query_row(sql, [], |row| row.get(0))?;
                Ok(u32::try_from(n).unwrap_or(u32::MAX))
            };
            Ok(BackupContents {
                notes: count("SELECT count(*) FROM notes")?,
                sources: count("SELECT count(*) FROM sources")?,
                cards: count("SELECT count(*) FROM cards WHERE state != 'deleted'")?,
                reviews: count(
                    "SELECT count(*) FROM reviews r
                     WHERE NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)",
                )?,
            })
        })
    }

    /// Backs the library up: to `to` (a file, or a folder to put it in) or among its
    /// automatic backups. The app goes on while it is copied.
    pub fn backup(&self, kind: BackupKind, to: Option<&Path>, now: i64) -> Result<BackupView> {
        let info = Info {
            format: FORMAT,
            profile_id: self.manifest.id.clone(),
            profile_name: self.manifest.name.clone(),
            made_at: now,
            kind,
            protection: self.manifest.protection,
            contents: Some(self.contents()?),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let dest = match to {
            Some(path) if path.is_dir() => backup_path(path, &self.manifest.name, now, kind),
            Some(path) => path.to_owned(),
            None => {
                let dir = backups_dir(&self.data_dir(), &self.manifest.id);
                create_private_dir(&dir)?;
                backup_path(&dir, &self.manifest.name, now, kind)
            }
        };
        let (database, key) = self.store().source();
        // A copy of its own: two backups at once never share one.
        let copy = dest.with_file_name(format!(".{}.db.part", uuid::Uuid::now_v7()));
        let written = crate::store::snapshot(&database, key.as_ref(), &copy)
            .and_then(|()| write_backup(&dest, &info, &self.manifest, &copy, None));
        let _ = fs::remove_file(&copy);
        written?;
        if to.is_none() {
            self.prune_backups(now);
        }
        Ok(view(&dest, &info))
    }

    /// An automatic backup when the last is [`AUTOMATIC_EVERY`] old and the library
    /// changed since; the app calls this now and then while the library is open.
    pub fn backup_if_due(&self, now: i64) -> Result<Option<BackupView>> {
        let newest = self.backups().into_iter().next();
        if let Some(newest) = &newest {
            if now - newest.made_at < AUTOMATIC_EVERY {
                return Ok(None);
            }
            // Unchanged since: the database and its log were last written before it.
            let database = self.dir.join(DATABASE_FILE);
            let wal = self.dir.join(format!("{DATABASE_FILE}-wal"));
            let written = [database, wal]
                .iter()
                .filter_map(|p| fs::metadata(p).and_then(|m| m.modified()).ok())
                .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
                .max()
                .unwrap_or(i64::MAX);
            if written < newest.made_at {
                return Ok(None);
            }
        }
        self.backup(BackupKind::Automatic, None, now).map(Some)
    }

    /// This library's backups among the automatic ones (with those it asked for
    /// there), newest first.
    pub fn backups(&self) -> Vec<BackupView> {
        list(&backups_dir(&self.data_dir(), &self.manifest.id))
    }

    fn prune_backups(&self, now: i64) {
        for path in to_prune(&self.backups(), now) {
            let _ = fs::remove_file(path);
        }
    }
}

impl Satchel {
    /// Every library's backups kept on this computer, newest first.
    pub fn backups(&self) -> Vec<BackupView> {
        let Ok(entries) = fs::read_dir(self.data_dir.join(BACKUPS_DIR)) else {
            return Vec::new();
        };
        let mut all: Vec<BackupView> = entries.flatten().flat_map(|e| list(&e.path())).collect();
        all.sort_by_key(|b| std::cmp::Reverse(b.made_at));
        all
    }

    /// What the backup file at `path` is, without opening it.
    pub fn read_backup(&self, path: &Path) -> Result<BackupView> {
        BackupFile::open(path).map(|b| b.view())
    }

    /// Restores the backup at `path`, opened with `request` (the passphrase of the
    /// day it was made, the keychain holding its key, or its recovery code), as its
    /// library here: the library it replaces is kept as a backup first. A backup that
    /// does not open with `request`, or is damaged, changes nothing. The library must
    /// not be open elsewhere.
    pub fn restore(
        &self,
        path: &Path,
        request: &UnlockRequest,
        now: i64,
    ) -> Result<(Profile, Restored)> {
        self.prepare_restore(path, request)?.finish(now)
    }

    /// The first half of [`Satchel::restore`], while the library to replace may still
    /// be open: the backup unpacked aside and checked (the secret opens it, every page
    /// reads). Nothing here changes until [`PreparedRestore::finish`].
    pub fn prepare_restore(&self, path: &Path, request: &UnlockRequest) -> Result<PreparedRestore> {
        let mut backup = BackupFile::open(path)?;
        let root = self.data_dir.join(PROFILES_DIR);
        let staging = root.join(format!(".restoring-{}", uuid::Uuid::now_v7()));
        create_private_dir(&staging)?;
        let staged = Staged(Some(staging.clone()));
        backup.extract(&staging)?;

        let candidates = self.candidate_keys(&backup.manifest, request)?;
        let database = staging.join(DATABASE_FILE);
        let mut opened = false;
        for candidate in &candidates {
            // Past the key, anything that does not read is damage in the file.
            let damaged = |e: Error| bad(path, format!("its library is damaged ({e})"));
            match Store::open(
                &database,
                Cipher::Key(&candidate.key),
                &backup.manifest.name,
            ) {
                Ok(store) => {
                    let problems = store.integrity_problems().map_err(damaged)?;
                    if !problems.is_empty() {
                        return Err(damaged(Error::Damaged(problems.join("; "))));
                    }
                    opened = true;
                    break;
                }
                Err(Error::WrongKey { .. }) => continue,
                Err(other @ (Error::Io { .. } | Error::Keychain(_))) => return Err(other),
                Err(other) => return Err(damaged(other)),
            }
        }
        if !opened {
            return Err(Error::WrongKey {
                profile: backup.manifest.name.clone(),
            });
        }
        Ok(PreparedRestore {
            satchel: self.clone(),
            view: backup.view(),
            id: backup.manifest.id.clone(),
            request: request.clone(),
            staged,
        })
    }

    /// Keeps the closed library in `dir` as a backup, as its files are.
    fn keep_closed(&self, dir: &Path, now: i64) -> Result<BackupView> {
        let manifest = Manifest::load(dir)?;
        let info = Info {
            format: FORMAT,
            profile_id: manifest.id.clone(),
            profile_name: manifest.name.clone(),
            made_at: now,
            kind: BackupKind::BeforeRestore,
            protection: manifest.protection,
            contents: None,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let backups = backups_dir(&self.data_dir, &manifest.id);
        create_private_dir(&backups)?;
        let dest = backup_path(&backups, &manifest.name, now, BackupKind::BeforeRestore);
        let wal = dir.join(format!("{DATABASE_FILE}-wal"));
        let wal = fs::metadata(&wal)
            .is_ok_and(|m| m.len() > 0)
            .then_some(wal.as_path());
        write_backup(&dest, &info, &manifest, &dir.join(DATABASE_FILE), wal)?;
        Ok(view(&dest, &info))
    }
}

/// A backup unpacked and checked, ready to replace its library (see
/// [`Satchel::prepare_restore`]); dropped, it changes nothing.
pub struct PreparedRestore {
    satchel: Satchel,
    view: BackupView,
    id: String,
    request: UnlockRequest,
    staged: Staged,
}

impl PreparedRestore {
    /// The backup about to be restored.
    pub fn backup(&self) -> &BackupView {
        &self.view
    }

    /// Keeps the library it replaces as a backup, puts the backup in its place and
    /// opens it. The library must be closed.
    pub fn finish(self, now: i64) -> Result<(Profile, Restored)> {
        let staging = self.staged.0.clone().unwrap_or_default();
        let root = self.satchel.data_dir.join(PROFILES_DIR);
        let target = root.join(&self.id);
        let replaced = if target.join(MANIFEST_FILE).is_file() {
            Some(self.satchel.keep_closed(&target, now)?)
        } else {
            None
        };
        // Whatever is in the way (a library, or what a removal cut short left) is
        // moved aside whole, and back if the swap fails.
        let aside = root.join(format!(".replaced-{}", uuid::Uuid::now_v7()));
        let moved_aside = target.exists();
        if moved_aside {
            fs::rename(&target, &aside).map_err(Error::io("move", &target))?;
        }
        if let Err(error) = fs::rename(&staging, &target) {
            if moved_aside {
                let _ = fs::rename(&aside, &target);
            }
            return Err(Error::io("move", &staging)(error));
        }
        self.staged.keep();
        if moved_aside {
            let _ = fs::remove_dir_all(&aside);
        }
        let profile = self.satchel.unlock(&self.id, &self.request)?;
        Ok((
            profile,
            Restored {
                backup: self.view,
                replaced,
            },
        ))
    }
}

/// A staging directory, removed unless the restore moved it into place.
struct Staged(Option<PathBuf>);

impl Staged {
    fn keep(mut self) {
        self.0 = None;
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(dir) = &self.0 {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_reads_as_its_date() {
        assert_eq!(stamp(0), "1970-01-01 00-00-00");
        // 2026-12-07 13:45:30 UTC.
        assert_eq!(stamp(1_796_651_130_000), "2026-12-07 13-45-30");
        assert_eq!(stamp(951_782_400_000), "2000-02-29 00-00-00");
    }

    fn backup(n: i64, made_at: i64, kind: BackupKind, bytes: u64) -> BackupView {
        BackupView {
            path: format!("b{n}"),
            profile_id: "p".into(),
            profile_name: "Ada".into(),
            made_at,
            kind,
            protection: Protection::Passphrase,
            bytes,
            contents: None,
        }
    }

    #[test]
    fn automatic_backups_thin_to_the_newest_then_days_then_weeks() {
        let now = 100 * DAY;
        // One every half hour for 40 days, newest first.
        let all: Vec<BackupView> = (0..40 * 48)
            .map(|n| backup(n, now - n * AUTOMATIC_EVERY, BackupKind::Automatic, 1 << 20))
            .collect();
        let gone = to_prune(&all, now);
        let kept: Vec<&BackupView> = all.iter().filter(|b| !gone.contains(&b.path)).collect();
        // The newest six, a day each for the week and a week each for the month, at most.
        assert!(kept.len() <= KEEP_NEWEST + 7 + 5, "{}", kept.len());
        assert!(kept.len() >= KEEP_NEWEST + 6, "{}", kept.len());
        assert_eq!(kept[0].path, "b0");
        assert!(kept.iter().all(|b| now - b.made_at < 5 * 7 * DAY));

        // The bytes bound, the newest kept whatever its size; the learner's own stay.
        let big = vec![
            backup(0, now, BackupKind::Automatic, MAX_AUTOMATIC_BYTES + 1),
            backup(1, now - 1, BackupKind::Automatic, 1),
            backup(2, now - 2, BackupKind::Manual, MAX_AUTOMATIC_BYTES),
            backup(3, now - 31 * DAY, BackupKind::BeforeRestore, 1),
        ];
        assert_eq!(to_prune(&big, now), ["b1", "b3"]);
    }

    #[test]
    fn a_library_in_use_is_backed_up_each_half_hour_it_changed_and_opens_with_the_keychain() {
        let (_dir, satchel, profile) = crate::testing::keychain_profile("Ada");
        let now = crate::now_ms();
        let first = profile
            .backup_if_due(now)
            .unwrap()
            .expect("the first backup");
        assert_eq!(first.kind, BackupKind::Automatic);
        assert_eq!(first.protection, Protection::Keychain);
        // Too soon, then unchanged: none.
        assert!(profile.backup_if_due(now + 60_000).unwrap().is_none());
        assert!(
            profile
                .backup_if_due(now + AUTOMATIC_EVERY + 1)
                .unwrap()
                .is_none()
        );
        // Changed, and half an hour on: another.
        std::thread::sleep(std::time::Duration::from_millis(20));
        profile
            .add_cards(&crate::testing::french_pair(), crate::now_ms())
            .unwrap();
        let second = profile
            .backup_if_due(crate::now_ms() + AUTOMATIC_EVERY)
            .unwrap()
            .expect("a backup after a change");
        assert_eq!(second.contents.map(|c| c.cards), Some(2));
        assert_eq!(profile.backups().len(), 2);
        assert_eq!(satchel.backups().len(), 2);

        // The keychain that holds the key opens it, and it is the library of then.
        let id = profile.manifest.id.clone();
        drop(profile);
        let (restored, report) = satchel
            .restore(
                Path::new(&first.path),
                &UnlockRequest::Keychain,
                crate::now_ms(),
            )
            .unwrap();
        assert_eq!(restored.manifest.id, id);
        assert_eq!(report.backup.contents.map(|c| c.cards), Some(0));
        assert!(report.replaced.is_some());
        let cards: i64 = restored
            .read(|conn| Ok(conn.query_row("SELECT count(*) FROM cards", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(cards, 0);
    }
}
