//! What a class server offers: the teacher's update of Satchel and model pack, taken
//! by a student's app over the classroom network. The server's word is not trusted:
//! the pack is downloaded whole (going on after a cut), then checked as one from a USB
//! stick is — signature, every checksum, a newer version — before it is used.

use std::path::{Path, PathBuf};

use satchel_types::{Event, OfferTaken, PackOffer, PackOfferKind};

use crate::class::Classroom;
use crate::packs::{self, APP_VERSION};
use crate::{Error, Result};

/// Where packs are downloaded to, under the data folder; a transfer cut off is kept
/// there to go on from.
pub fn downloads_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("downloads")
}

/// Whether this app would gain from `offer`: a newer Satchel; models newer than the
/// signed pack this computer holds whole, or, holding none, when an ability lacks its
/// files.
pub fn wanted(offer: &PackOffer, data_dir: &Path) -> bool {
    match offer.kind {
        PackOfferKind::App => satchel_packs::is_newer(&offer.version, APP_VERSION),
        PackOfferKind::Models => {
            let dirs = crate::models::model_dirs(Some(data_dir));
            match packs::models_at_hand(&dirs, &packs::trusted_keys()) {
                Some((held, _)) => satchel_packs::is_newer(&offer.version, &held.manifest.version),
                None => {
                    let imported = packs::installed_models(data_dir).map(|m| m.version);
                    !crate::models::status(&dirs, imported).all_ready()
                }
            }
        }
    }
}

impl Classroom<'_> {
    /// What the class server this profile is signed in to offers, each marked whether
    /// this app would gain from it.
    pub fn offers(&self, data_dir: &Path) -> Result<Vec<PackOffer>> {
        let mut offers: Vec<PackOffer> =
            self.sync()
                .server_call(reqwest::Method::GET, "/v1/offers", None)?;
        for offer in &mut offers {
            offer.wanted = wanted(offer, data_dir);
        }
        Ok(offers)
    }

    /// Takes the offer `name`: downloads it, checks it whole, and imports the models or
    /// stages the update for the learner to choose. A pack that fails a check is
    /// refused (code `untrusted`), deleted, and changes nothing.
    pub fn take_offer(
        &self,
        data_dir: &Path,
        name: &str,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<OfferTaken> {
        if !satchel_packs::is_plain_name(name) {
            return Err(Error::InvalidInput(format!(
                "{name:?} is not an offered pack"
            )));
        }
        let offer = self
            .offers(data_dir)?
            .into_iter()
            .find(|o| o.name == name)
            .ok_or_else(|| Error::NotFound {
                kind: "offered pack",
                id: name.to_owned(),
            })?;
        let dir = downloads_dir(data_dir);
        std::fs::create_dir_all(&dir).map_err(Error::io("create", &dir))?;
        let file = dir.join(name);
        // The window hears of it a hundred times at most; `progress` of every part.
        let mut told = None;
        self.sync().server_download(
            &format!("/v1/offers/{name}"),
            &file,
            &mut |bytes, total| {
                progress(bytes, total);
                let step = (bytes * 100).checked_div(total).unwrap_or(0);
                if told != Some(step) {
                    told = Some(step);
                    self.events().publish(Event::OfferProgress {
                        name: name.to_owned(),
                        bytes,
                        total,
                    });
                }
            },
        )?;
        let keys = packs::trusted_keys();
        let taken = match offer.kind {
            PackOfferKind::Models => packs::import_models(&file, data_dir, &keys)
                .map(|m| OfferTaken::Models { version: m.version }),
            PackOfferKind::App => packs::stage_update(&file, data_dir, &keys).map(OfferTaken::App),
        };
        // Taken or refused, the download has served: a refused one must not be gone on
        // from, and a taken one lives on as imported files or a staged installer.
        let _ = std::fs::remove_file(&file);
        taken
    }
}
