//! Profiles: several learners on one computer, each with their own encrypted
//! database in `<data dir>/profiles/<id>/`, and the ways to unlock one.

mod backup;
mod manage;
mod rotation;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use satchel_types::{ProfileView, Protection, UnlockRequest, WelcomeView};

pub use self::backup::{AUTOMATIC_EVERY, BACKUP_EXTENSION, PreparedRestore, file_name_part};
pub use self::rotation::RotationStep;
use crate::events::EventBus;
use crate::keys::{DataKey, KeySlot, Keychain, KeychainFailure, RecoveryCode, SlotKind};
use crate::profile::Profile;
use crate::profile::manifest::{MANIFEST_FILE, Manifest};
use crate::store::{Cipher, DATABASE_FILE, Store};
use crate::{Error, Result, now_ms};

const PROFILES_DIR: &str = "profiles";
const NAME_MAX_CHARS: usize = 40;
pub const PASSPHRASE_MIN_CHARS: usize = 8;

/// Satchel on this computer: its data directory, the keychain, and the event bus
/// that every unlocked profile publishes on.
#[derive(Debug, Clone)]
pub struct Satchel {
    data_dir: PathBuf,
    keychain: Arc<dyn Keychain>,
    bus: EventBus,
}

impl Satchel {
    pub fn new(data_dir: impl Into<PathBuf>, keychain: Arc<dyn Keychain>) -> Result<Self> {
        let data_dir = data_dir.into();
        create_private_dir(&data_dir.join(PROFILES_DIR))?;
        Ok(Self {
            data_dir,
            keychain,
            bus: EventBus::default(),
        })
    }

    /// The platform's per-user data directory (`~/.local/share/satchel` on Linux,
    /// `%LOCALAPPDATA%\Satchel\Satchel\data` on Windows). The local one, not the
    /// roaming one: a school's roaming profiles would copy a library of recordings to
    /// and from the server at every sign-in. (Linux and macOS have only one.)
    pub fn default_data_dir() -> Result<PathBuf> {
        directories::ProjectDirs::from("org", "Satchel", "Satchel")
            .map(|dirs| dirs.data_local_dir().to_owned())
            .ok_or_else(|| Error::InvalidInput("no home directory found; pass --data-dir".into()))
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn events(&self) -> &EventBus {
        &self.bus
    }

    pub fn keychain_available(&self) -> bool {
        self.keychain.is_available()
    }

    /// Every complete profile, oldest first. A folder without a manifest is a
    /// creation that never finished, and is not a profile. A damaged manifest hides
    /// only its own profile from the picker (opening it by id reports the damage),
    /// so one broken file cannot lock a whole family out.
    pub fn profiles(&self) -> Result<Vec<ProfileView>> {
        let root = self.data_dir.join(PROFILES_DIR);
        let mut views = Vec::new();
        for entry in fs::read_dir(&root).map_err(Error::io("list", &root))? {
            let dir = entry.map_err(Error::io("list", &root))?.path();
            // A restore's staging folder (`.restoring-…`) is no profile yet.
            let named_as_profile = dir
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_profile_id);
            if named_as_profile
                && dir.join(MANIFEST_FILE).is_file()
                && let Ok(manifest) = Manifest::load(&dir)
            {
                views.push(manifest.view());
            }
        }
        views.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        Ok(views)
    }

    pub fn welcome(&self) -> Result<WelcomeView> {
        Ok(WelcomeView {
            profiles: self.profiles()?,
            keychain_available: self.keychain_available(),
        })
    }

    /// Creates a profile. With a passphrase it is protected by that passphrase;
    /// without one its key goes to the keychain, and if none answers that is
    /// `PassphraseRequired`. The recovery code is returned once and also kept,
    /// encrypted, until `Profile::acknowledge_recovery_code`.
    pub fn create_profile(
        &self,
        name: &str,
        passphrase: Option<&str>,
    ) -> Result<(Profile, RecoveryCode)> {
        let name = validate_name(name)?;
        if self
            .profiles()?
            .iter()
            .any(|p| p.name.to_lowercase() == name.to_lowercase())
        {
            return Err(Error::ProfileExists(name));
        }
        if let Some(passphrase) = passphrase {
            validate_passphrase(passphrase)?;
        }
        let id = uuid::Uuid::now_v7().to_string();
        let key = DataKey::generate()?;
        let code = RecoveryCode::generate()?;
        let protection = match passphrase {
            Some(_) => Protection::Passphrase,
            None => {
                self.keychain
                    .store(&id, key.as_bytes())
                    .map_err(|failure| match failure {
                        KeychainFailure::Unavailable(_) => Error::PassphraseRequired {
                            profile: name.clone(),
                        },
                        KeychainFailure::Failed(detail) => Error::Keychain(detail),
                    })?;
                Protection::Keychain
            }
        };
        let mut manifest = Manifest::new(id.clone(), name, now_ms(), protection);
        manifest.slots.push(KeySlot::seal(
            SlotKind::Recovery,
            code.as_str().as_bytes(),
            &key,
            &id,
        )?);
        if let Some(passphrase) = passphrase {
            manifest.slots.push(KeySlot::seal(
                SlotKind::Passphrase,
                passphrase.as_bytes(),
                &key,
                &id,
            )?);
        }

        // The manifest is written last: its presence is what makes the folder a
        // profile, so a crash part-way leaves no half-made profile in the picker.
        let dir = self.data_dir.join(PROFILES_DIR).join(&id);
        create_private_dir(&dir)?;
        let store = Store::create(&dir.join(DATABASE_FILE), Cipher::Key(&key))?;
        let profile = Profile::new(
            manifest,
            dir,
            store,
            self.keychain.clone(),
            self.bus.clone(),
            crate::shared::share,
        );
        profile.remember_unshown_code(code.as_str(), false)?;
        profile.manifest.save(&profile.dir)?;
        Ok((profile, code))
    }

    /// A profile whose key is kept nowhere, on an encrypted or a plain database, so
    /// the store benchmark can time the same write path with and without SQLCipher.
    #[doc(hidden)]
    pub fn benchmark_profile(&self, name: &str, encrypted: bool) -> Result<Profile> {
        let id = uuid::Uuid::now_v7().to_string();
        let dir = self.data_dir.join(PROFILES_DIR).join(&id);
        create_private_dir(&dir)?;
        let key = DataKey::generate()?;
        let cipher = if encrypted {
            Cipher::Key(&key)
        } else {
            Cipher::PlaintextForBenchmark
        };
        let store = Store::create(&dir.join(DATABASE_FILE), cipher)?;
        let manifest = Manifest::new(id, validate_name(name)?, now_ms(), Protection::Passphrase);
        Ok(Profile::new(
            manifest,
            dir,
            store,
            self.keychain.clone(),
            self.bus.clone(),
            crate::shared::share,
        ))
    }

    /// Finds a profile by exact id or by name (case-insensitive).
    fn find(&self, wanted: &str) -> Result<(PathBuf, Manifest)> {
        let root = self.data_dir.join(PROFILES_DIR);
        let by_id = root.join(wanted);
        if is_profile_id(wanted) && by_id.join(MANIFEST_FILE).is_file() {
            return Ok((by_id.clone(), Manifest::load(&by_id)?));
        }
        let wanted_lower = wanted.trim().to_lowercase();
        for view in self.profiles()? {
            if view.name.to_lowercase() == wanted_lower {
                let dir = root.join(&view.id);
                return Ok((dir.clone(), Manifest::load(&dir)?));
            }
        }
        Err(Error::ProfileNotFound(wanted.to_owned()))
    }

    /// Opens a profile. Finishes or rolls back a key rotation that a crash cut short;
    /// after a recovery, puts the key back in the keychain or under `new_passphrase`.
    pub fn unlock(&self, profile: &str, request: &UnlockRequest) -> Result<Profile> {
        let (dir, manifest) = self.find(profile)?;
        let candidates = self.candidate_keys(&manifest, request)?;
        let database = dir.join(DATABASE_FILE);
        let mut opened = None;
        for candidate in &candidates {
            match Store::open(&database, Cipher::Key(&candidate.key), &manifest.name) {
                Ok(store) => {
                    opened = Some((store, candidate));
                    break;
                }
                Err(Error::WrongKey { .. }) => continue,
                Err(other) => return Err(other),
            }
        }
        let Some((store, winner)) = opened else {
            return Err(Error::WrongKey {
                profile: manifest.name.clone(),
            });
        };
        let key = winner.key.clone();
        // Compared by value: once the keychain holds the new key, it comes back as
        // the "current" one while the manifest still records the rotation.
        let is_rotated_key = candidates.iter().any(|c| c.from_rotation && c.key == key);
        let mut profile = Profile::new(
            manifest,
            dir,
            store,
            self.keychain.clone(),
            self.bus.clone(),
            crate::shared::share,
        );
        if profile.manifest.rotation.is_some() {
            profile.settle_rotation(&key, is_rotated_key)?;
        }
        profile.forget_unfinished_rotation_codes()?;
        profile.recover_recordings()?;
        profile.sweep_incomplete_blobs()?;
        if let UnlockRequest::RecoveryCode { new_passphrase, .. } = request {
            profile.rehome_key_after_recovery(&key, new_passphrase.as_deref())?;
        }
        Ok(profile)
    }

    /// The keys `request` yields, current ones first, then any of a rotation.
    fn candidate_keys(
        &self,
        manifest: &Manifest,
        request: &UnlockRequest,
    ) -> Result<Vec<Candidate>> {
        let mut keys = Vec::new();
        match request {
            UnlockRequest::Keychain => {
                if manifest.protection != Protection::Keychain {
                    return Err(Error::PassphraseRequired {
                        profile: manifest.name.clone(),
                    });
                }
                let load = |account: &str| {
                    self.keychain
                        .load(account)
                        .map_err(|failure| match failure {
                            KeychainFailure::Unavailable(detail) => {
                                Error::KeychainUnavailable { detail }
                            }
                            KeychainFailure::Failed(detail) => Error::Keychain(detail),
                        })
                };
                if let Some(bytes) = load(&manifest.id)? {
                    keys.extend(Candidate::from_bytes(&bytes, false));
                }
                if manifest.rotation.is_some()
                    && let Some(bytes) = load(&rotation::next_account(&manifest.id))?
                {
                    keys.extend(Candidate::from_bytes(&bytes, true));
                }
                if keys.is_empty() {
                    return Err(Error::KeyMissing {
                        profile: manifest.name.clone(),
                    });
                }
            }
            UnlockRequest::Passphrase { passphrase } => {
                if manifest.slot(SlotKind::Passphrase).is_none() {
                    return Err(Error::InvalidInput(format!(
                        "profile {:?} is opened by the keychain, not a passphrase",
                        manifest.name
                    )));
                }
                open_slots(
                    manifest,
                    SlotKind::Passphrase,
                    passphrase.as_bytes(),
                    &mut keys,
                )?;
            }
            UnlockRequest::RecoveryCode {
                recovery_code,
                new_passphrase,
            } => {
                if let Some(passphrase) = new_passphrase {
                    validate_passphrase(passphrase)?;
                }
                let code = RecoveryCode::parse(recovery_code)?;
                open_slots(
                    manifest,
                    SlotKind::Recovery,
                    code.as_str().as_bytes(),
                    &mut keys,
                )?;
            }
        }
        if keys.is_empty() {
            return Err(Error::WrongKey {
                profile: manifest.name.clone(),
            });
        }
        Ok(keys)
    }
}

struct Candidate {
    key: DataKey,
    from_rotation: bool,
}

impl Candidate {
    fn from_bytes(bytes: &[u8], from_rotation: bool) -> Option<Self> {
        DataKey::from_slice(bytes).map(|key| Self { key, from_rotation })
    }
}

fn open_slots(
    manifest: &Manifest,
    kind: SlotKind,
    secret: &[u8],
    keys: &mut Vec<Candidate>,
) -> Result<()> {
    if let Some(key) = manifest
        .slot(kind)
        .map(|s| s.open(secret, &manifest.id))
        .transpose()?
        .flatten()
    {
        keys.push(Candidate {
            key,
            from_rotation: false,
        });
    }
    if let Some(key) = manifest
        .rotation_slot(kind)
        .map(|s| s.open(secret, &manifest.id))
        .transpose()?
        .flatten()
    {
        keys.push(Candidate {
            key,
            from_rotation: true,
        });
    }
    Ok(())
}

impl Profile {
    /// After a recovery the key must be findable again without the code: back into
    /// the keychain, or sealed under the new passphrase the learner chose.
    fn rehome_key_after_recovery(
        &mut self,
        key: &DataKey,
        new_passphrase: Option<&str>,
    ) -> Result<()> {
        let id = self.manifest.id.clone();
        let keychain_took_it = self.manifest.protection == Protection::Keychain
            && new_passphrase.is_none()
            && self.keychain.store(&id, key.as_bytes()).is_ok();
        if keychain_took_it {
            return Ok(());
        }
        let Some(passphrase) = new_passphrase else {
            if self.manifest.protection == Protection::Passphrase {
                return Ok(());
            }
            return Err(Error::PassphraseRequired {
                profile: self.manifest.name.clone(),
            });
        };
        let slot = KeySlot::seal(SlotKind::Passphrase, passphrase.as_bytes(), key, &id)?;
        self.manifest
            .slots
            .retain(|s| s.kind != SlotKind::Passphrase);
        self.manifest.slots.push(slot);
        self.manifest.protection = Protection::Passphrase;
        self.manifest.save(&self.dir)
    }
}

fn validate_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::Rule(satchel_types::ErrorDetail::Required {
            field: satchel_types::Field::ProfileName,
        }));
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(Error::Rule(satchel_types::ErrorDetail::TooLong {
            field: satchel_types::Field::ProfileName,
            max: NAME_MAX_CHARS as u64,
        }));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::Rule(satchel_types::ErrorDetail::OneLine {
            field: satchel_types::Field::ProfileName,
        }));
    }
    Ok(name.to_owned())
}

pub(crate) fn validate_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < PASSPHRASE_MIN_CHARS {
        return Err(Error::Rule(satchel_types::ErrorDetail::TooShort {
            field: satchel_types::Field::Passphrase,
            min: PASSPHRASE_MIN_CHARS as u64,
        }));
    }
    Ok(())
}

fn is_profile_id(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok()
}

fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(Error::io("create", dir))
}

#[cfg(test)]
mod tests;
