//! Profiles on this computer and opening one: how a key is kept, unlocking, the recovery code.

use serde::{Deserialize, Serialize};

use crate::LibraryView;

/// How a profile's database key is protected at rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// The key lives in the operating system's keychain; opening needs nothing typed.
    Keychain,
    /// The key is wrapped by a key derived from a passphrase the learner types.
    Passphrase,
}

/// A learner profile as the profile picker shows it (readable before unlocking).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub id: String,
    pub name: String,
    pub protection: Protection,
    pub created_at: i64,
}

/// What the welcome screen needs: the profiles and whether a keychain answers here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WelcomeView {
    pub profiles: Vec<ProfileView>,
    pub keychain_available: bool,
}

/// The answer to creating a profile or rotating its key: the recovery code is shown
/// once and never stored in readable form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodeView {
    pub profile: ProfileView,
    pub recovery_code: String,
}

/// How the learner proves they may open a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum UnlockRequest {
    /// Use the keychain (keychain profiles) — nothing to type.
    Keychain,
    Passphrase {
        passphrase: String,
    },
    /// The code shown at creation. `new_passphrase` protects the profile from now on
    /// when the keychain cannot take the key back.
    RecoveryCode {
        recovery_code: String,
        new_passphrase: Option<String>,
    },
}

/// What opening a profile returns: its library, and a recovery code still to be
/// shown if one was made but never confirmed as seen (creation cut short, or a key
/// rotation a crash interrupted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnlockedView {
    pub library: LibraryView,
    pub unshown_recovery_code: Option<String>,
}

/// Facts for the settings screen's "about" section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutView {
    pub version: String,
    pub cipher_version: String,
    pub data_dir: String,
}

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Made while the library was in use (every half hour that changed something).
    Automatic,
    /// Asked for by the learner.
    Manual,
    /// The library as it was just before another backup replaced it.
    BeforeRestore,
}

/// What a backup holds, counted when it was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupContents {
    pub notes: u32,
    pub sources: u32,
    pub cards: u32,
    pub reviews: u32,
}

/// A backup file: whose library, when, why, how big and what is in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupView {
    pub path: String,
    pub profile_id: String,
    pub profile_name: String,
    /// When it was made (ms).
    pub made_at: i64,
    pub kind: BackupKind,
    /// What opens it: the keychain that holds its key, or its passphrase (and always
    /// its recovery code).
    pub protection: Protection,
    pub bytes: u64,
    /// `None` for a library kept as it was while locked (before a restore).
    pub contents: Option<BackupContents>,
}

/// What restoring a backup did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Restored {
    pub backup: BackupView,
    /// The library this replaced, kept as a backup first; `None` when there was none.
    pub replaced: Option<BackupView>,
}

/// What restoring a backup in the window did, and the library it opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RestoredView {
    pub restored: Restored,
    pub unlocked: UnlockedView,
}
