//! What this copy of Satchel can do with the models it finds, for the window's and the
//! CLI's model status.

use serde::{Deserialize, Serialize};

/// Something Satchel does with a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ability {
    /// Writing down English recordings.
    TranscribeEnglish,
    /// Writing down recordings in other languages, and telling which language it hears.
    TranscribeOtherLanguages,
    /// Reading photos and scanned pages.
    ReadImages,
    /// Searching by meaning, and what builds on it (concepts, study packs, questions).
    SearchByMeaning,
}

/// One ability, and what it lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AbilityStatus {
    pub ability: Ability,
    pub ready: bool,
    /// The files it needs and no model folder holds.
    pub missing: Vec<String>,
}

/// Every ability, the folders looked in, and the model pack imported, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelStatus {
    pub abilities: Vec<AbilityStatus>,
    /// Where models are looked for, first match wins.
    pub folders: Vec<String>,
    /// The version of the model pack imported into this data folder.
    pub imported_pack: Option<String>,
}

impl ModelStatus {
    pub fn all_ready(&self) -> bool {
        self.abilities.iter().all(|a| a.ready)
    }
}

/// An update of Satchel that passed every check (signature, checksums, a newer
/// version), staged and waiting for the learner to choose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateOffer {
    pub version: String,
    /// This Satchel's version.
    pub current: String,
    /// What changes, as the release wrote it.
    pub notes: String,
    /// The checked installer, where it was staged.
    pub installer: String,
}
