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

use crate::profile::Profile;
use crate::{Result, learn};

const DEVICE_KEY: &str = "device";
/// The last `reviews` rowid folded into the shared review log.
pub(crate) const FOLDED_KEY: &str = "shared_reviews_folded";

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
    let found: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [DEVICE_KEY],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(hex) = found.and_then(|v| serde_json::from_str::<String>(&v).ok()) {
        return Ok(hex.into_bytes());
    }
    let id = uuid::Uuid::now_v7().simple().to_string();
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![DEVICE_KEY, serde_json::to_string(&id).unwrap_or_default()],
    )?;
    Ok(id.into_bytes())
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
            crate::remote::count_local_change(tx)?;
        }
        Ok(())
    }

    /// This device's id among the learner's devices.
    pub(crate) fn device_id(&self) -> Result<String> {
        self.transact(|tx| {
            let id = String::from_utf8_lossy(&device(tx)?).into_owned();
            Ok((id, Vec::new()))
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
            let upto: i64 = tx
                .query_row(
                    "SELECT value FROM settings WHERE key = ?1",
                    [FOLDED_KEY],
                    |r| r.get::<_, String>(0),
                )
                .optional()?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
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
                tx.execute(
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![FOLDED_KEY, last.to_string()],
                )?;
            }
            Ok((pending.len(), Vec::new()))
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
            Ok(((), Vec::new()))
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

/// What a source's document says of it besides its title.
#[derive(serde::Serialize, serde::Deserialize)]
struct SourceMeta {
    kind: satchel_types::SourceKind,
    file_name: Option<String>,
    media_type: String,
    size_bytes: i64,
    sha256: String,
    language: Option<String>,
    duration_ms: Option<i64>,
    pages: Option<i64>,
    created_at: i64,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct SourceContent {
    text: String,
    segments: Vec<satchel_types::SegmentView>,
    page_sizes: Vec<Option<[f32; 2]>>,
}

/// A ready source as its document has it (or, `deleted`, as it was); `None` for one
/// that is not ready, whose text is still being made.
fn shared_source(
    tx: &Transaction<'_>,
    id: &str,
    deleted: bool,
) -> Result<Option<satchel_sync::Source>> {
    let Some(view) = crate::sources::get(tx, id)? else {
        return Ok(None);
    };
    if view.status != satchel_types::SourceStatus::Ready {
        return Ok(None);
    }
    let sha256: Option<String> = tx
        .query_row(
            "SELECT b.sha256 FROM blobs b JOIN sources s ON s.blob_id = b.id WHERE s.id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    let Some(sha256) = sha256 else {
        return Ok(None);
    };
    let meta = SourceMeta {
        kind: view.kind,
        file_name: view.file_name.clone(),
        media_type: view.media_type.clone(),
        size_bytes: view.size_bytes,
        sha256,
        language: view.language.clone(),
        duration_ms: view.duration_ms,
        pages: view.pages,
        created_at: view.created_at,
    };
    let content = SourceContent {
        text: view.text.clone(),
        segments: view.segments.clone(),
        page_sizes: view.page_sizes.clone(),
    };
    Ok(Some(satchel_sync::Source {
        id: id.to_owned(),
        title: view.title,
        meta: to_json(&meta),
        content: to_json(&content),
        deleted,
    }))
}

/// JSON of a value, for the fields of a shared document the app alone reads.
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Writes a source as a peer shares it; the event that announces it, if it changed.
fn project_source(
    tx: &Transaction<'_>,
    source: &satchel_sync::Source,
    now: i64,
) -> Result<Option<crate::Event>> {
    let exists: Option<String> = tx
        .query_row(
            "SELECT blob_id FROM sources WHERE id = ?1",
            [&source.id],
            |r| r.get(0),
        )
        .optional()?;
    if source.deleted {
        let Some(blob) = exists else {
            return Ok(None);
        };
        tx.execute("DELETE FROM sources WHERE id = ?1", [&source.id])?;
        tx.execute("DELETE FROM blobs WHERE id = ?1", [&blob])?;
        return Ok(Some(crate::Event::SourceDeleted {
            id: source.id.clone(),
        }));
    }
    let (Ok(meta), Ok(content)) = (
        serde_json::from_str::<SourceMeta>(&source.meta),
        serde_json::from_str::<SourceContent>(&source.content),
    ) else {
        // Not yet whole (its fields arrive together) or from a newer Satchel.
        return Ok(None);
    };
    if exists.is_some() {
        let changed = tx.execute(
            "UPDATE sources SET title = ?2, updated_at = ?3 WHERE id = ?1 AND title != ?2",
            params![source.id, source.title, now],
        )?;
        if changed == 0 {
            return Ok(None);
        }
    } else {
        // The original comes as media: until it has, its blob waits, empty.
        let blob: Option<String> = tx
            .query_row(
                "SELECT id FROM blobs WHERE sha256 = ?1 AND complete = 1 ORDER BY id LIMIT 1",
                [&meta.sha256],
                |r| r.get(0),
            )
            .optional()?;
        let blob = match blob {
            Some(blob) => blob,
            None => {
                let blob = uuid::Uuid::now_v7().to_string();
                tx.execute(
                    "INSERT INTO blobs (id, media_type, size_bytes, sha256, complete, created_at)
                     VALUES (?1, ?2, ?3, ?4, 0, ?5)",
                    params![blob, meta.media_type, meta.size_bytes, meta.sha256, now],
                )?;
                blob
            }
        };
        let kind = serde_json::to_value(meta.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "text".into());
        tx.execute(
            "INSERT INTO sources (id, kind, title, status, file_name, blob_id, language,
                                  duration_ms, pages, text, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'ready', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                source.id,
                kind,
                source.title,
                meta.file_name,
                blob,
                meta.language,
                meta.duration_ms,
                meta.pages,
                content.text,
                meta.created_at,
                now
            ],
        )?;
        let mut segment = tx.prepare_cached(
            "INSERT INTO segments (source_id, seq, start_ms, end_ms, text) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut region = tx.prepare_cached(
            "INSERT INTO regions (source_id, seq, page, x, y, width, height, confidence, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (seq, piece) in content.segments.iter().enumerate() {
            let seq = seq as i64;
            match (piece.start_ms, piece.end_ms, piece.page) {
                (Some(start), Some(end), _) => {
                    segment.execute(params![source.id, seq, start, end, piece.text])?;
                }
                (_, _, Some(page)) => {
                    let [x, y, w, h] = piece
                        .bbox
                        .map_or([None; 4], |b| b.map(|v| Some(f64::from(v))));
                    region.execute(params![
                        source.id,
                        seq,
                        page,
                        x,
                        y,
                        w,
                        h,
                        piece.confidence.map(f64::from),
                        piece.text
                    ])?;
                }
                _ => {}
            }
        }
        let mut size = tx.prepare_cached(
            "INSERT INTO page_sizes (source_id, page, width, height) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (page, dims) in content.page_sizes.iter().enumerate() {
            if let Some([w, h]) = dims {
                size.execute(params![
                    source.id,
                    page as i64 + 1,
                    f64::from(*w),
                    f64::from(*h)
                ])?;
            }
        }
    }
    Ok(crate::sources::get(tx, &source.id)?.map(|view| crate::sources::saved(&view)))
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
            p.read(|c| {
                Ok(c.query_row(
                    "SELECT CAST(value AS INTEGER) FROM settings WHERE key = ?1",
                    [crate::remote::LOCAL_CHANGES_KEY],
                    |r| r.get(0),
                )?)
            })
            .unwrap()
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

/// What a sync round brought in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    /// Documents that changed here.
    pub docs: u32,
    /// Reviews new to this device.
    pub reviews: u32,
    pub cards: u32,
    pub notes: u32,
}

impl Profile {
    fn with_replica<T>(
        &self,
        tx: &Transaction<'_>,
        work: impl FnOnce(&mut Replica) -> Result<T>,
    ) -> Result<T> {
        let mut guard = self.shared.lock();
        let replica = replica(&mut guard, tx)?;
        load_all(tx, replica)?;
        work(replica)
    }

    /// The sync messages for `peer` (another device, or the server).
    pub fn sync_out(&self, peer: &str) -> Result<satchel_sync::Batch> {
        self.fold_reviews()?;
        self.transact(|tx| Ok((self.with_replica(tx, |r| Ok(r.sync_out(peer)))?, Vec::new())))
    }

    /// [`sync_out`](Self::sync_out) for a peer that tells of its own changes (the
    /// server): a document is spoken of first only if it changed here since the last
    /// sync with `peer` ended ([`sync_ended`](Self::sync_ended)).
    pub fn sync_out_changed(&self, peer: &str) -> Result<satchel_sync::Batch> {
        self.fold_reviews()?;
        self.transact(|tx| {
            let known: std::collections::HashMap<String, String> = tx
                .prepare_cached("SELECT doc_id, heads FROM synced_heads WHERE peer = ?1")?
                .query_map([peer], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let batch = self.with_replica(tx, |r| {
                let changed: std::collections::HashSet<DocId> = r
                    .doc_ids()
                    .cloned()
                    .collect::<Vec<_>>()
                    .into_iter()
                    .filter(|id| known.get(id.as_str()) != Some(&r.heads_text(id)))
                    .collect();
                Ok(r.sync_out_where(peer, |id| changed.contains(id)))
            })?;
            Ok((batch, Vec::new()))
        })
    }

    /// A sync with `peer` ended with nothing left to say: what each document holds
    /// now is what the peer holds.
    pub fn sync_ended(&self, peer: &str) -> Result<()> {
        self.transact(|tx| {
            self.with_replica(tx, |r| {
                let ids: Vec<DocId> = r.doc_ids().cloned().collect();
                let mut keep = tx.prepare_cached(
                    "INSERT INTO synced_heads (peer, doc_id, heads) VALUES (?1, ?2, ?3)
                     ON CONFLICT (peer, doc_id) DO UPDATE SET heads = excluded.heads",
                )?;
                for id in ids {
                    keep.execute(params![peer, id.as_str(), r.heads_text(&id)])?;
                }
                Ok(())
            })?;
            Ok(((), Vec::new()))
        })
    }

    /// Forgets what `peer` was known to hold (signed in somewhere new).
    pub(crate) fn sync_forget_heads(&self, peer: &str) -> Result<()> {
        self.transact(|tx| {
            tx.execute("DELETE FROM synced_heads WHERE peer = ?1", [peer])?;
            Ok(((), Vec::new()))
        })
    }

    /// After a failed round with `peer`: what was in flight is sent again.
    pub fn sync_reconnect(&self, peer: &str) {
        if let Some(replica) = self.shared.lock().as_mut() {
            replica.reconnect(peer);
        }
    }

    /// Takes `peer`'s messages in: the documents change, what changed is kept, and the
    /// tables follow — new reviews logged and their cards rescheduled from their whole
    /// merged history, cards, decks and notes written.
    pub fn sync_in(&self, peer: &str, batch: satchel_sync::Batch, now: i64) -> Result<SyncReport> {
        self.take_in(now, |replica| Ok(replica.sync_in(peer, batch)?))
    }

    /// Merges whole documents saved elsewhere (a bundle), exactly as a sync would.
    pub(crate) fn merge_saved(&self, docs: Vec<(DocId, Vec<u8>)>, now: i64) -> Result<SyncReport> {
        self.take_in(now, |replica| {
            let mut changed = Vec::new();
            for (id, bytes) in docs {
                if replica.merge_saved(id.clone(), &bytes)? {
                    changed.push(id);
                }
            }
            Ok(changed)
        })
    }

    /// The documents `receive` changed are kept, and the tables follow them.
    fn take_in(
        &self,
        now: i64,
        receive: impl FnOnce(&mut Replica) -> Result<Vec<DocId>>,
    ) -> Result<SyncReport> {
        self.transact(|tx| {
            let contents = self.with_replica(tx, |replica| {
                let changed = receive(replica)?;
                let mut contents = Vec::new();
                for id in changed {
                    keep_changes(tx, replica, &id)?;
                    contents.push(replica.content(&id)?);
                }
                Ok(contents)
            })?;
            let mut report = SyncReport {
                docs: contents.len() as u32,
                ..SyncReport::default()
            };
            // Decks before the cards in them, reviews after their cards.
            let rank = |c: &satchel_sync::Content| match c {
                satchel_sync::Content::Decks(_) | satchel_sync::Content::Lesson(..) => 0,
                satchel_sync::Content::Cards(_) => 1,
                satchel_sync::Content::Note(_) => 2,
                _ => 3,
            };
            let mut contents = contents;
            contents.sort_by_key(rank);
            let mut touched = std::collections::BTreeSet::new();
            let mut events = Vec::new();
            for content in contents {
                match content {
                    satchel_sync::Content::Decks(decks) => {
                        for (id, name) in decks {
                            tx.execute(
                                "INSERT INTO decks (id, name, created_at) VALUES (?1, ?2, ?3)
                                 ON CONFLICT DO NOTHING",
                                params![id, name, now],
                            )?;
                        }
                    }
                    satchel_sync::Content::Cards(cards) => {
                        for card in cards {
                            report.cards += u32::from(project_card(tx, &card, now)?);
                            touched.insert(card.id);
                        }
                    }
                    satchel_sync::Content::Source(source) => {
                        events.extend(project_source(tx, &source, now)?);
                    }
                    satchel_sync::Content::Note(note) if note.deleted => {
                        if tx.execute("DELETE FROM notes WHERE id = ?1", [&note.id])? > 0 {
                            report.notes += 1;
                            events.push(crate::Event::NoteDeleted { id: note.id });
                        }
                    }
                    satchel_sync::Content::Note(note) => {
                        if project_note(tx, &note, now)? {
                            report.notes += 1;
                            events.push(crate::Event::NoteSaved {
                                note: crate::notes::summary(&note.id, &note.title, &note.body, now),
                            });
                        }
                    }
                    satchel_sync::Content::Reviews(log) => {
                        for review in log.reviews.values() {
                            let added = tx
                                .prepare_cached(
                                    "INSERT INTO reviews (id, card_id, reviewed_at, rating, kind,
                                         elapsed_days, duration_ms, stability, difficulty, due, origin)
                                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                                     ON CONFLICT (id) DO NOTHING",
                                )?
                                .execute(params![
                                    review.id,
                                    review.card_id,
                                    review.reviewed_at,
                                    review.rating,
                                    review.kind,
                                    review.elapsed_days,
                                    review.duration_ms,
                                    f64::from(review.stability),
                                    f64::from(review.difficulty),
                                    review.due,
                                    review.origin
                                ])?;
                            if added == 1 {
                                report.reviews += 1;
                                touched.insert(review.card_id.clone());
                            }
                        }
                        for (id, at) in &log.undone {
                            let added = tx.execute(
                                "INSERT INTO undone_reviews (review_id, undone_at) VALUES (?1, ?2)
                                 ON CONFLICT DO NOTHING",
                                params![id, at],
                            )?;
                            if added == 1 {
                                let card: Option<String> = tx
                                    .query_row(
                                        "SELECT card_id FROM reviews WHERE id = ?1",
                                        [id],
                                        |row| row.get(0),
                                    )
                                    .optional()?;
                                touched.extend(card);
                            }
                        }
                    }
                    satchel_sync::Content::Lesson(_, text) => {
                        let account = crate::remote::sync_account_in(tx)?;
                        let own = account.as_ref().map(|a| a.user_id.as_str());
                        events.extend(crate::class::project_lesson(tx, own, &text, now)?);
                    }
                    satchel_sync::Content::Nothing => {}
                }
            }
            for card in &touched {
                learn::reschedule_from_history(tx, card)?;
            }
            if report.cards + report.reviews > 0 {
                events.push(crate::Event::CardsChanged {
                    count: report.cards.max(touched.len() as u32),
                });
            }
            Ok((report, events))
        })
    }
}

/// Writes a card as a peer shares it; whether it was new or changed here.
/// A card's picture or sound that a peer shared and that has not arrived here yet is
/// named `sha256:<hex>` in place of a blob id, until the sync's media step fetches it.
pub(crate) const WAITING_MEDIA: &str = "sha256:";

/// A peer's media list as this device names them: by its own blob when it has the
/// bytes, as waiting otherwise.
fn local_media(tx: &Transaction<'_>, media: &[MediaRef]) -> Result<Option<String>> {
    if media.is_empty() {
        return Ok(None);
    }
    let mut local = Vec::with_capacity(media.len());
    for item in media {
        let blob: Option<String> = tx
            .prepare_cached(
                "SELECT id FROM blobs WHERE sha256 = ?1 AND complete = 1 ORDER BY id LIMIT 1",
            )?
            .query_row([&item.sha256], |row| row.get(0))
            .optional()?;
        local.push(CardMedia {
            blob_id: blob.unwrap_or_else(|| format!("{WAITING_MEDIA}{}", item.sha256)),
            name: item.name.clone(),
            mime: item.mime.clone(),
            side: if item.side == "back" {
                CardSide::Back
            } else {
                CardSide::Front
            },
        });
    }
    Ok(serde_json::to_string(&local).ok())
}

fn project_card(tx: &Transaction<'_>, card: &Card, now: i64) -> Result<bool> {
    let kind = match card.kind.as_str() {
        k @ ("cloze" | "definition" | "term" | "basic" | "reversed" | "choice") => k,
        _ => "basic",
    };
    let choices = (!card.choices.is_empty())
        .then(|| serde_json::to_string(&card.choices).ok())
        .flatten();
    let media = local_media(tx, &card.media)?;
    let deck: Option<String> = tx
        .query_row("SELECT id FROM decks WHERE id = ?1", [&card.deck_id], |r| {
            r.get(0)
        })
        .optional()?;
    let changed = tx.execute(
        "UPDATE cards SET kind = ?2, front = ?3, back = ?4, suspended = ?5, deck_id = COALESCE(?6, deck_id),
                state = CASE WHEN ?7 THEN 'deleted' WHEN state = 'deleted' THEN 'kept' ELSE state END,
                updated_at = ?8, choices = ?9, media = ?10
         WHERE id = ?1 AND (kind != ?2 OR front != ?3 OR back != ?4 OR suspended != ?5
                            OR (state = 'deleted') != ?7 OR deck_id IS NOT ?6
                            OR choices IS NOT ?9 OR media IS NOT ?10)",
        params![
            card.id,
            kind,
            card.front,
            card.back,
            card.suspended,
            deck,
            card.deleted,
            now,
            choices,
            media
        ],
    )?;
    if changed > 0 {
        return Ok(true);
    }
    let inserted = tx.execute(
        "INSERT INTO cards (id, deck_id, kind, generator, front, back, state, seq, created_at,
                            updated_at, suspended, choices, media)
         VALUES (?1, ?2, ?3, 'sync', ?4, ?5, CASE WHEN ?6 THEN 'deleted' ELSE 'kept' END, 0, ?7, ?7, ?8,
                 ?9, ?10)
         ON CONFLICT (id) DO NOTHING",
        params![
            card.id,
            deck,
            kind,
            card.front,
            card.back,
            card.deleted,
            now,
            card.suspended,
            choices,
            media
        ],
    )?;
    Ok(inserted > 0)
}

fn project_note(tx: &Transaction<'_>, note: &Note, now: i64) -> Result<bool> {
    let changed = tx.execute(
        "UPDATE notes SET title = ?2, body = ?3, updated_at = ?4
         WHERE id = ?1 AND (title != ?2 OR body != ?3)",
        params![note.id, note.title, note.body, now],
    )?;
    if changed > 0 {
        return Ok(true);
    }
    let inserted = tx.execute(
        "INSERT INTO notes (id, title, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (id) DO NOTHING",
        params![note.id, note.title, note.body, now],
    )?;
    Ok(inserted > 0)
}
