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
    /// Reading Hindi and Arabic in them (Tesseract's recognisers).
    ReadOtherScripts,
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

impl Ability {
    /// Whether a model pack can bring what it lacks. Reading Hindi and Arabic rests on
    /// Tesseract, which Linux takes from the system's packages: it is listed, and does
    /// not make Satchel ask for a pack.
    pub fn comes_in_model_packs(self) -> bool {
        self != Ability::ReadOtherScripts
    }
}

impl ModelStatus {
    /// Whether everything a model pack can bring is here.
    pub fn all_ready(&self) -> bool {
        self.abilities
            .iter()
            .filter(|a| a.ability.comes_in_model_packs())
            .all(|a| a.ready)
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

/// What a pack brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackOfferKind {
    Models,
    App,
}

/// A pack a class server offers (`GET /v1/offers`): a teacher's model pack or update
/// of Satchel, for the students' apps to take. Its signature was checked by the server
/// and is checked again, with every file, by the app that takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackOffer {
    /// The name to ask for it by (`GET /v1/offers/{name}`).
    pub name: String,
    pub kind: PackOfferKind,
    pub version: String,
    /// What changes, as the release wrote it.
    pub notes: String,
    /// The pack's size in bytes.
    pub size: u64,
    /// Whether this app would gain from it: a newer Satchel, or models it lacks or has
    /// older. Set by the app, not the server.
    #[serde(default)]
    pub wanted: bool,
}

/// What taking a class's offer did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OfferTaken {
    /// The models were imported; the abilities they bring are ready now.
    Models { version: String },
    /// The update was checked and waits for the learner to choose it.
    App(UpdateOffer),
}
