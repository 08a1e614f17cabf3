//! What this profile shares with the learner's other devices: the Automerge documents
//! of `satchel-sync`, kept in the encrypted store as the changes made to each
//! (`shared_changes`), appended in the same transaction as the change to the tables.
//!
//! The documents in use are kept in memory. A transaction that fails may have changed
//! one there without its change being kept, so a failed transaction forgets them all;
//! they are read back from the store when next needed.

use std::sync::{Mutex, MutexGuard, PoisonError};

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use satchel_sync::{Card, DocId, MediaRef, Note, Replica, Review};
use satchel_types::{CardMedia, CardSide};

mod project;

pub use project::SyncReport;
pub(crate) use project::WAITING_MEDIA;
use project::shared_source;

use crate::profile::Profile;
use crate::store::settings;
use crate::{Result, learn};

#[derive(Default)]
pub(crate) struct Shared {
    replica: Mutex<Option<Replica>>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Option<Replica>> {
        self.replica.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Forgets the documents in memory (after a transaction failed).
    pub(crate) fn forget(&self) {
        if let Some(replica) = self.lock().as_mut() {
            replica.forget();
        }
    }
}

/// This device's id among the learner's devices: random, made once per profile.
fn device(tx: &Transaction<'_>) -> Result<Vec<u8>> {
    let made = uuid::Uuid::now_v7().simple().to_string();
    Ok(settings::DEVICE.put_first(tx, &made)?.into_bytes())
}

fn load(conn: &Connection, replica: &mut Replica, id: &DocId) -> Result<()> {
    if replica.has(id) {
        return Ok(());
    }
    let mut statement =
        conn.prepare_cached("SELECT bytes FROM shared_changes WHERE doc_id = ?1 ORDER BY seq")?;
    let mut chunks = Vec::new();
    let mut rows = statement.query([id.as_str()])?;
    while let Some(row) = rows.next()? {
        let chunk: Vec<u8> = row.get(0)?;
        chunks.extend_from_slice(&chunk);
    }
    replica.load_chunks(id.clone(), &chunks)?;
    Ok(())
}

fn load_all(conn: &Connection, replica: &mut Replica) -> Result<()> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT DISTINCT doc_id FROM shared_changes")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        load(conn, replica, &DocId::parse(&id)?)?;
    }
    Ok(())
}

/// Keeps what changed in document `id` since it was last kept.
/// Whether there was anything to keep.
fn keep_changes(tx: &Transaction<'_>, replica: &mut Replica, id: &DocId) -> Result<bool> {
    let bytes = replica.save_incremental(id);
    if bytes.is_empty() {
        return Ok(false);
    }
    tx.prepare_cached(
        "INSERT INTO shared_changes (doc_id, seq, bytes)
         VALUES (?1, COALESCE((SELECT MAX(seq) + 1 FROM shared_changes WHERE doc_id = ?1), 0), ?2)",
    )?
    .execute(params![id.as_str(), bytes])?;
    Ok(true)
}

/// The replica in `slot`, made for this device when first needed.
fn replica<'a>(slot: &'a mut Option<Replica>, tx: &Transaction<'_>) -> Result<&'a mut Replica> {
    if slot.is_none() {
        *slot = Some(Replica::new(&device(tx)?));
    }
    slot.as_mut()
        .ok_or_else(|| crate::Error::Busy("the shared documents are not open".into()))
}

impl Profile {
    /// Changes the shared document `id` by `change` and keeps what changed, within
    /// the caller's transaction.
    pub(crate) fn share(
        &self,
        tx: &Transaction<'_>,
        id: DocId,
        change: impl FnOnce(&mut Replica) -> std::result::Result<(), satchel_sync::SyncError>,
    ) -> Result<()> {
        let mut guard = self.shared.lock();
        let replica = replica(&mut guard, tx)?;
        load(tx, replica, &id)?;
        change(replica)?;
        if keep_changes(tx, replica, &id)? {
            settings::LOCAL_CHANGES.increment(tx)?;
        }
        Ok(())
    }

    /// This device's id among the learner's devices.
    pub(crate) fn device_id(&self) -> Result<String> {
        self.transact(|tx| {
            let id = String::from_utf8_lossy(&device(tx)?).into_owned();
            Ok(id)
        })
    }

    /// Forgets all sync state with `peer` (signed in somewhere new).
    pub(crate) fn sync_forget_peer(&self, peer: &str) {
        if let Some(replica) = self.shared.lock().as_mut() {
            replica.forget_peer(peer);
        }
    }

    /// Folds the reviews (and undos) logged since the last fold into the shared review
    /// log; returns how many reviews it added. Answering a card stays a write to the
    /// append-only `reviews` table alone (an Automerge change per answer would cost it
    /// milliseconds at the 99th percentile); the table keeps every review with its
    /// unique id until it is folded, so nothing is lost to a crash in between.
    pub fn fold_reviews(&self) -> Result<usize> {
        self.transact(|tx| {
            let upto = settings::FOLDED_REVIEWS.get(tx)?.unwrap_or(0);
            let pending: Vec<(i64, String)> = tx
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
            let undone: Vec<(String, i64)> = tx
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
                self.share(tx, doc, |replica| {
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

    /// Shares a card as the tables have it now.
    pub(crate) fn share_card(&self, tx: &Transaction<'_>, card_id: &str) -> Result<()> {
        let Some((mut card, media)) = tx
            .prepare_cached(
                "SELECT id, COALESCE(deck_id, ''), kind, front, back, suspended, state = 'deleted',
                        choices, media
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
            self.share(tx, DocId::decks(), |r| r.put_deck(&card.deck_id, &name))?;
        }
        self.share(tx, DocId::cards_of_deck(&deck), |r| r.put_card(&card))
    }

    pub(crate) fn share_note(
        &self,
        tx: &Transaction<'_>,
        id: &str,
        title: &str,
        body: &str,
    ) -> Result<()> {
        let note = Note {
            id: id.to_owned(),
            title: title.to_owned(),
            body: body.to_owned(),
            deleted: false,
        };
        self.share(tx, DocId::note(id), |r| r.put_note(&note))
    }

    /// Shares a source that is ready: what it is, where its original is (by sha256),
    /// and its text with where each piece is; or, `deleted`, that it was deleted here.
    pub(crate) fn share_source(&self, tx: &Transaction<'_>, id: &str, deleted: bool) -> Result<()> {
        let Some(source) = shared_source(tx, id, deleted)? else {
            return Ok(());
        };
        self.share(tx, DocId::source(id), |r| r.put_source(&source))
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
            crate::class::lesson_summaries(c, &scheduler, as_of)
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
            self.share(tx, DocId::progress(), |r| r.put_progress(&summary))?;
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
    pub(crate) fn share_note_deleted(&self, tx: &Transaction<'_>, id: &str) -> Result<()> {
        let found: Option<(String, String)> = tx
            .query_row("SELECT title, body FROM notes WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let Some((title, body)) = found else {
            return Ok(());
        };
        let note = Note {
            id: id.to_owned(),
            title,
            body,
            deleted: true,
        };
        self.share(tx, DocId::note(id), |r| r.put_note(&note))
    }

    /// The documents this profile shares, as another device would receive them: the
    /// review log, the cards and the notes. (For tests and the sync status.)
    /// Every shared document, saved whole (for a bundle).
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
pub(crate) fn shared_review(tx: &Transaction<'_>, review_id: &str) -> Result<Review> {
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
            let ab = a.sync_out("b").unwrap();
            let quiet = ab.is_empty();
            b.sync_in("a", ab, T).unwrap();
            let ba = b.sync_out("a").unwrap();
            let quiet = quiet && ba.is_empty();
            a.sync_in("b", ba, T).unwrap();
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
