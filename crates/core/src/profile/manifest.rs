//! `profile.json`: what can be read about a profile before it is unlocked — its name
//! for the picker, how it is protected, and the sealed copies of its key. It holds no
//! learner content, and nothing in it opens the database without a secret.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use satchel_types::{ProfileView, Protection};
use serde::{Deserialize, Serialize};

use crate::keys::{KeySlot, SlotKind};
use crate::{Error, Result};

pub(crate) const MANIFEST_FILE: &str = "profile.json";
const FORMAT: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub format: u32,
    pub id: String,
    pub name: String,
    pub created_at: i64,
    pub protection: Protection,
    pub slots: Vec<KeySlot>,
    /// Present only while a key rotation is between its steps; see `rotation.rs`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation: Option<PendingRotation>,
}

/// The slots sealing the *next* key, written before the database is re-encrypted.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PendingRotation {
    pub started_at: i64,
    pub slots: Vec<KeySlot>,
}

impl Manifest {
    pub fn new(id: String, name: String, created_at: i64, protection: Protection) -> Self {
        Self {
            format: FORMAT,
            id,
            name,
            created_at,
            protection,
            slots: Vec::new(),
            rotation: None,
        }
    }

    pub fn slot(&self, kind: SlotKind) -> Option<&KeySlot> {
        find_slot(&self.slots, kind)
    }

    pub fn rotation_slot(&self, kind: SlotKind) -> Option<&KeySlot> {
        self.rotation
            .as_ref()
            .and_then(|r| find_slot(&r.slots, kind))
    }

    pub fn view(&self) -> ProfileView {
        ProfileView {
            id: self.id.clone(),
            name: self.name.clone(),
            protection: self.protection,
            created_at: self.created_at,
        }
    }

    pub fn load(dir: &Path) -> Result<Self> {
        let path = dir.join(MANIFEST_FILE);
        let bytes = fs::read(&path).map_err(Error::io("read", &path))?;
        let manifest: Manifest =
            serde_json::from_slice(&bytes).map_err(|e| corrupt(&path, e.to_string()))?;
        if manifest.format != FORMAT {
            return Err(corrupt(
                &path,
                format!(
                    "format {} is newer than this Satchel understands",
                    manifest.format
                ),
            ));
        }
        Ok(manifest)
    }

    /// Replaces the file atomically: a crash leaves either the old or the new
    /// manifest, never half of one.
    pub fn save(&self, dir: &Path) -> Result<()> {
        let path = dir.join(MANIFEST_FILE);
        let temporary = dir.join(format!("{MANIFEST_FILE}.tmp"));
        let json = serde_json::to_vec_pretty(self).map_err(|e| corrupt(&path, e.to_string()))?;
        let mut file = File::create(&temporary).map_err(Error::io("create", &temporary))?;
        file.write_all(&json)
            .map_err(Error::io("write", &temporary))?;
        file.sync_all().map_err(Error::io("flush", &temporary))?;
        fs::rename(&temporary, &path).map_err(Error::io("replace", &path))?;
        sync_dir(dir)
    }
}

fn find_slot(slots: &[KeySlot], kind: SlotKind) -> Option<&KeySlot> {
    slots.iter().find(|slot| slot.kind == kind)
}

fn corrupt(path: &Path, detail: String) -> Error {
    Error::CorruptProfile {
        path: PathBuf::from(path),
        detail,
    }
}

/// Makes a rename durable: on Linux the directory entry is flushed separately.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(Error::io("flush", dir))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_and_loads_and_reports_damage() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = Manifest::new("id1".into(), "Ada".into(), 5, Protection::Keychain);
        manifest.save(dir.path()).unwrap();
        let back = Manifest::load(dir.path()).unwrap();
        assert_eq!(back.view(), manifest.view());
        assert!(!dir.path().join("profile.json.tmp").exists());

        fs::write(dir.path().join(MANIFEST_FILE), b"{\"format\": 1, \"id\"").unwrap();
        let error = Manifest::load(dir.path()).unwrap_err();
        assert!(matches!(error, Error::CorruptProfile { .. }), "{error}");
    }
}
