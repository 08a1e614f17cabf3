//! What this profile shares with the learner's other devices: how its cards, notes,
//! sources, reviews, lessons and progress look in the Automerge documents of
//! `satchel-sync` (kept by `store::docs`), mirrored there by the write path as the
//! tables change ([`share`]); and, the other way, peers' documents merged in and
//! written into the tables (`project`).

use rusqlite::OptionalExtension;
use satchel_sync::{Card, DocId, MediaRef, Note, Replica, Review};
use satchel_types::{CardMedia, CardSide};

mod project;

pub use project::SyncReport;

/// This profile's syncing, with its other devices and its sync server:
/// `profile.sync().now(…)`, `profile.sync().status()`.
pub struct Syncing<'p> {
    profile: &'p Profile,
}

impl Profile {
    pub fn sync(&self) -> Syncing<'_> {
        Syncing { profile: self }
    }
}

/// Syncing works on the profile's store and state, as the profile's own methods do.
impl std::ops::Deref for Syncing<'_> {
    type Target = Profile;

    fn deref(&self) -> &Profile {
        self.profile
    }
}

impl Syncing<'_> {
    /// Forgets all sync state with `peer` (signed in somewhere new).
    pub(crate) fn forget_peer(&self, peer: &str) {
        self.docs.forget_peer(peer);
    }
}
pub(crate) use project::WAITING_MEDIA;
use project::shared_source;

use crate::ids::{CardId, NoteId, ReviewId, SourceId};
use crate::profile::{Profile, Tx};
use crate::store::docs::{Touched, load, load_all};
use crate::store::settings;
use crate::{Result, learn};

impl Profile {
    /// This device's id among the learner's devices.
    pub(crate) fn device_id(&self) -> Result<String> {
        self.transact(|tx| crate::store::docs::device_id(tx))
    }

    /// This device's key pair, made the first time it is asked for and kept in the
    /// encrypted library.
    pub(crate) fn device_key(&self) -> Result<satchel_sync::device::DeviceKey> {
        use satchel_sync::device::{DeviceKey, unhex};
        let kept = match self.read(|c| settings::DEVICE_KEY.get(c))? {
            Some(kept) => kept,
            None => {
                let fresh =
                    DeviceKey::generate().map_err(|e| crate::Error::Random(e.to_string()))?;
                let seed = satchel_sync::device::hex(&fresh.seed());
                self.transact(|tx| settings::DEVICE_KEY.put_first(tx, &seed))?
            }
        };
        let seed: [u8; 32] = unhex(&kept)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| crate::Error::Damaged("this device's key does not read".into()))?;
        Ok(DeviceKey::from_seed(&seed))
    }

    /// Folds the reviews (and undos) logged since the last fold into the shared review
    /// log; returns how many reviews it added. Answering a card stays a write to the
    /// append-only `reviews` table alone (an Automerge change per answer would cost it
    /// milliseconds at the 99th percentile); the table keeps every review with its
    /// unique id until it is folded, so nothing is lost to a crash in between.
    pub fn fold_reviews(&self) -> Result<usize> {
        self.transact(|tx| {
            let upto = settings::FOLDED_REVIEWS.get(tx)?.unwrap_or(0);
            let pending: Vec<(i64, ReviewId)> = tx
                .prepare("SELECT rowid, id FROM reviews WHERE rowid > ?1 ORDER BY rowid")?
                .query_map([upto], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut by_doc: std::collections::BTreeMap<DocId, Vec<Review>> = Default::default();
            for (_, id) in &pending {
                let review = shared_review(tx, id)?;
                by_doc
                    .entry(DocId::reviews_of_month(review.reviewed_at))
                    .or_default()
                    .push(review);
            }
            let undone: Vec<(ReviewId, i64)> = tx
                .prepare("SELECT review_id, undone_at FROM undone_reviews")?
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut undos: std::collections::BTreeMap<DocId, Vec<(Review, i64)>> =
                Default::default();
            for (id, at) in undone {
                let review = shared_review(tx, &id)?;
                undos
                    .entry(DocId::reviews_of_month(review.reviewed_at))
                    .or_default()
                    .push((review, at));
            }
            let docs: std::collections::BTreeSet<DocId> =
                by_doc.keys().chain(undos.keys()).cloned().collect();
            for doc in docs {
                let added = by_doc.remove(&doc).unwrap_or_default();
                let undone = undos.remove(&doc).unwrap_or_default();
                tx.change_doc(doc, |replica| {
                    for review in &added {
                        replica.add_review(review)?;
                    }
                    for (review, at) in &undone {
                        replica.mark_undone(review, *at)?;
                    }
                    Ok(())
                })?;
            }
            if let Some((last, _)) = pending.last() {
                settings::FOLDED_REVIEWS.put(tx, last)?;
            }
            Ok(pending.len())
        })
    }

    /// Shares what a teacher may see of this learner's progress: reviews done, time
    /// spent, cards, retention and mastery per concept (by its label, the same on
    /// every device). Taken as of the learner's last review, so it changes only when
    /// they study, and a sync with nothing new stays quiet.
    pub fn share_progress(&self) -> Result<()> {
        let as_of: Option<i64> = self
            .read(|c| Ok(c.query_row("SELECT MAX(reviewed_at) FROM reviews", [], |r| r.get(0))?))?;
        let Some(as_of) = as_of else {
            return Ok(());
        };
        let stats = self.learning_stats(as_of)?;
        let lessons = self.read(|c| {
            let scheduler = learn::schedule::Scheduler::new(&learn::settings(c)?)?;
            learn::lesson_summaries(c, &scheduler, as_of)
        })?;
        let summary = serde_json::json!({
            "as_of": as_of,
            "reviews": stats.total_reviews,
            "time_ms": stats.total_time_ms,
            "cards": stats.cards,
            "true_retention": stats.true_retention,
            "lessons": lessons,
            "mastery": stats.mastery.iter().map(|m| serde_json::json!({
                "concept": m.label,
                "mastery": m.mastery,
                "cards": m.cards,
                "quiz_answers": m.quiz_answers,
            })).collect::<Vec<_>>(),
        })
        .to_string();
        self.transact(|tx| {
            tx.change_doc(DocId::progress(), |r| r.put_progress(&summary))?;
            Ok(())
        })
    }

    /// The progress summary this profile shares, if any (for tests and the classroom).
    pub fn shared_progress(&self) -> Result<Option<serde_json::Value>> {
        let mut replica = Replica::new(b"reader");
        self.read(|conn| load(conn, &mut replica, &DocId::progress()))?;
        Ok(replica
            .progress()?
            .and_then(|text| serde_json::from_str(&text).ok()))
    }

    /// Shares that a note was deleted here (its last text stays in its document).
    pub(crate) fn saved_docs(&self) -> Result<Vec<(DocId, Vec<u8>)>> {
        self.fold_reviews()?;
        let mut replica = Replica::new(b"reader");
        self.read(|conn| load_all(conn, &mut replica))?;
        let ids: Vec<DocId> = replica.doc_ids().cloned().collect();
        Ok(ids
            .into_iter()
            .filter_map(|id| replica.save(&id).map(|bytes| (id, bytes)))
            .collect())
    }

    pub fn shared_state(&self) -> Result<(satchel_sync::ReviewLog, Vec<Card>, Vec<Note>)> {
        self.fold_reviews()?;
        let mut replica = Replica::new(b"reader");
        self.read(|conn| load_all(conn, &mut replica))?;
        Ok((replica.review_log()?, replica.cards()?, replica.notes()?))
    }
}

/// A logged review as the shared log has it.
/// Mirrors a row the write path touched into its shared document: the profile's
/// [`Share`](crate::profile::Share).
pub(crate) fn share(tx: &Tx<'_>, touched: Touched<'_>) -> Result<()> {
    match touched {
        Touched::Card(id) => share_card(tx, id),
        Touched::Note(id) => share_note(tx, id, false),
        Touched::NoteDeleted(id) => share_note(tx, id, true),
        Touched::Source(id) => share_source(tx, id, false),
        Touched::SourceDeleted(id) => share_source(tx, id, true),
    }
}

/// Shares a card as the tables have it now.
fn share_card(tx: &Tx<'_>, card_id: &CardId) -> Result<()> {
    let Some((mut card, media)) = tx
        .prepare_cached(
            "SELECT id, COALESCE(deck_id, ''), kind, front, back, suspended, state = 'deleted',
                    choices, media, generator
             FROM cards WHERE id = ?1",
        )?
        .query_row([card_id], |row| {
            let choices: Option<String> = row.get(7)?;
            let media: Option<String> = row.get(8)?;
            Ok((
                Card {
                    id: row.get(0)?,
                    deck_id: row.get(1)?,
                    kind: row.get(2)?,
                    front: row.get(3)?,
                    back: row.get(4)?,
                    suspended: row.get::<_, i64>(5)? != 0,
                    deleted: row.get(6)?,
                    generator: row.get(9)?,
                    choices: choices
                        .and_then(|c| serde_json::from_str(&c).ok())
                        .unwrap_or_default(),
                    media: Vec::new(),
                },
                media
                    .and_then(|m| serde_json::from_str::<Vec<CardMedia>>(&m).ok())
                    .unwrap_or_default(),
            ))
        })
        .optional()?
    else {
        return Ok(());
    };
    for item in media {
        let sha256 = match item.blob_id.strip_prefix(WAITING_MEDIA) {
            Some(sha256) => Some(sha256.to_owned()),
            None => tx
                .prepare_cached("SELECT sha256 FROM blobs WHERE id = ?1 AND complete = 1")?
                .query_row([&item.blob_id], |row| row.get(0))
                .optional()?
                .flatten(),
        };
        if let Some(sha256) = sha256 {
            card.media.push(MediaRef {
                sha256,
                name: item.name,
                mime: item.mime,
                side: match item.side {
                    CardSide::Front => "front".into(),
                    CardSide::Back => "back".into(),
                },
            });
        }
    }
    // A card in no deck yet is shared with the pack's cards.
    let deck = if card.deck_id.is_empty() {
        "none".to_owned()
    } else {
        card.deck_id.clone()
    };
    let name: Option<String> = tx
        .prepare_cached("SELECT name FROM decks WHERE id = ?1")?
        .query_row([&card.deck_id], |row| row.get(0))
        .optional()?;
    if let Some(name) = name {
        tx.change_doc(DocId::decks(), |r| r.put_deck(&card.deck_id, &name))?;
    }
    tx.change_doc(DocId::cards_of_deck(&deck), |r| r.put_card(&card))
}

/// Shares a note as its row has it now (`deleted`: as it was, about to be deleted).
fn share_note(tx: &Tx<'_>, id: &NoteId, deleted: bool) -> Result<()> {
    let found: Option<(String, String)> = tx
        .prepare_cached("SELECT title, body FROM notes WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((title, body)) = found else {
        return Ok(());
    };
    let note = Note {
        id: id.to_string(),
        title,
        body,
        deleted,
    };
    tx.change_doc(DocId::note(id.as_str()), |r| r.put_note(&note))
}

fn share_source(tx: &Tx<'_>, id: &SourceId, deleted: bool) -> Result<()> {
    let Some(source) = shared_source(tx, id, deleted)? else {
        return Ok(());
    };
    tx.change_doc(DocId::source(id.as_str()), |r| r.put_source(&source))
}

pub(crate) fn shared_review(tx: &Tx<'_>, review_id: &ReviewId) -> Result<Review> {
    Ok(tx
        .prepare_cached(
            "SELECT id, card_id, reviewed_at, rating, kind, elapsed_days, duration_ms,
                    stability, difficulty, due, origin
             FROM reviews WHERE id = ?1",
        )?
        .query_row([review_id], |row| {
            Ok(Review {
                id: row.get(0)?,
                card_id: row.get(1)?,
                reviewed_at: row.get(2)?,
                rating: row.get(3)?,
                kind: row.get(4)?,
                elapsed_days: row.get(5)?,
                duration_ms: row.get(6)?,
                stability: row.get::<_, f64>(7)? as f32,
                difficulty: row.get::<_, f64>(8)? as f32,
                due: row.get(9)?,
                origin: row.get(10)?,
            })
        })?)
}

#[cfg(test)]
mod tests {
    use satchel_types::{NoteDraft, Rating};

    use crate::Profile;
    use crate::testing::keychain_profile;

    const DAY: i64 = 86_400_000;
    const T: i64 = 20_000 * DAY + 12 * 3_600_000;

    /// Two devices sync until neither has anything to say.
    fn meet(a: &Profile, b: &Profile) {
        for _ in 0..10 {
            let ab = a.sync().messages_for("b").unwrap();
            let quiet = ab.is_empty();
            b.sync().receive("a", ab, T).unwrap();
            let ba = b.sync().messages_for("a").unwrap();
            let quiet = quiet && ba.is_empty();
            a.sync().receive("b", ba, T).unwrap();
            if quiet {
                return;
            }
        }
        panic!("the devices did not settle");
    }

    fn schedule(profile: &Profile, card: &str) -> (Option<i64>, Option<f32>, u32, bool) {
        let card = profile.study_card(card).unwrap();
        (card.due, card.stability, card.reps, card.suspended)
    }

    #[test]
    fn two_devices_offline_meet_and_keep_everything_from_both() {
        let (_da, _sa, laptop) = keychain_profile("Ada");
        let (_db, _sb, family) = keychain_profile("Ada");
        let note = laptop
            .add_note("Cells", "The cell is the unit of life.")
            .unwrap();
        let pair = laptop.add_cards(&crate::testing::french_pair(), T).unwrap();
        laptop.answer(&pair[0].id, Rating::Good, 3_000, T).unwrap();
        meet(&laptop, &family);
        assert_eq!(family.note(&note.id).unwrap().body, note.body);
        assert_eq!(family.decks(T).unwrap()[0].name, "French");
        assert_eq!(
            schedule(&family, &pair[0].id),
            schedule(&laptop, &pair[0].id)
        );

        // Apart: each reviews and edits.
        laptop
            .answer(&pair[1].id, Rating::Easy, 2_000, T + DAY)
            .unwrap();
        laptop.set_suspended(&pair[1].id, true, T + DAY).unwrap();
        family
            .answer(&pair[0].id, Rating::Again, 4_000, T + 2 * DAY)
            .unwrap();
        family.undo_review(None, T + 2 * DAY + 1).unwrap();
        family
            .answer(&pair[0].id, Rating::Hard, 4_000, T + 2 * DAY + 2)
            .unwrap();
        family
            .save_note(&NoteDraft {
                id: Some(note.id.clone()),
                title: "Cells".into(),
                body: "The cell is the unit of life. Cells divide.".into(),
            })
            .unwrap();
        meet(&laptop, &family);

        for device in [&laptop, &family] {
            let (log, _, _) = device.shared_state().unwrap();
            assert_eq!(log.reviews.len(), 4, "every review from both");
            assert_eq!(log.undone.len(), 1);
            assert_eq!(device.learning_stats(T + 3 * DAY).unwrap().total_reviews, 3);
            assert_eq!(
                device.note(&note.id).unwrap().body,
                "The cell is the unit of life. Cells divide."
            );
        }
        for card in &pair {
            assert_eq!(schedule(&laptop, &card.id), schedule(&family, &card.id));
        }
        assert!(
            schedule(&family, &pair[1].id).3,
            "the suspension came across"
        );
        assert_eq!(schedule(&laptop, &pair[0].id).2, 2);
    }

    #[test]
    fn the_progress_summary_follows_reviews_only() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        profile.share_progress().unwrap();
        assert_eq!(
            profile.shared_progress().unwrap(),
            None,
            "nothing studied yet"
        );
        let cards = profile
            .add_cards(&crate::testing::french_pair(), 1_000)
            .unwrap();
        profile
            .answer(&cards[0].id, Rating::Good, 3_000, 2_000)
            .unwrap();
        profile.share_progress().unwrap();
        let summary = profile.shared_progress().unwrap().unwrap();
        assert_eq!(summary["reviews"], 1, "{summary}");
        assert_eq!(summary["as_of"], 2_000);
        assert_eq!(summary["cards"]["total"], 2, "{summary}");
        // Nothing new studied: the summary is the same, and nothing waits to be sent.
        let changes = |p: &Profile| -> i64 {
            p.read(|c| crate::store::settings::LOCAL_CHANGES.get(c))
                .unwrap()
                .unwrap_or(0)
        };
        let before = changes(&profile);
        profile.share_progress().unwrap();
        assert_eq!(changes(&profile), before);
        profile
            .answer(&cards[1].id, Rating::Again, 3_000, 3_000)
            .unwrap();
        profile.share_progress().unwrap();
        assert_eq!(profile.shared_progress().unwrap().unwrap()["reviews"], 2);
    }

    #[test]
    fn notes_cards_and_reviews_are_shared_as_they_are_written() {
        let (_dir, satchel, profile) = keychain_profile("Ada");
        let note = profile
            .add_note("Cells", "The cell is the unit of life.")
            .unwrap();
        let cards = profile
            .add_cards(&crate::testing::french_pair(), 1_000)
            .unwrap();
        let first = profile
            .answer(&cards[0].id, Rating::Good, 3_000, 2_000)
            .unwrap();
        profile
            .answer(&cards[1].id, Rating::Again, 3_000, 3_000)
            .unwrap();
        profile.undo_review(None, 4_000).unwrap();
        profile.set_suspended(&cards[1].id, true, 5_000).unwrap();

        assert_eq!(profile.fold_reviews().unwrap(), 2);
        assert_eq!(profile.fold_reviews().unwrap(), 0);
        let (log, shared_cards, notes) = profile.shared_state().unwrap();
        assert_eq!(log.reviews.len(), 2);
        assert_eq!(log.reviews[&first.review_id].rating, 3);
        assert_eq!(log.undone.len(), 1);
        assert_eq!(shared_cards.len(), 2);
        let reverse = shared_cards.iter().find(|c| c.id == cards[1].id).unwrap();
        assert_eq!((reverse.front.as_str(), reverse.suspended), ("cat", true));
        assert_eq!(notes[0].title, "Cells");
        assert_eq!(notes[0].id, note.id);

        // Opened again, the profile goes on from the documents it kept.
        let id = profile.id().to_owned();
        drop(profile);
        let profile = satchel
            .unlock(&id, &satchel_types::UnlockRequest::Keychain)
            .unwrap();
        profile
            .answer(&cards[0].id, Rating::Good, 3_000, 300_000_000)
            .unwrap();
        let (log, _, _) = profile.shared_state().unwrap();
        assert_eq!(log.reviews.len(), 3);
    }
}
