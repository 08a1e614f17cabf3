//! Peers' documents written into the tables: a sync round's or a bundle's documents
//! merged into the replica, and every card, note and source that changed projected
//! into the store as this device keeps it, in the same transaction as the changes
//! kept; and a source as its document has it.

use rusqlite::{OptionalExtension, params};
use satchel_sync::{Card, DocId, MediaRef, Replica};
use satchel_types::{CardMedia, CardSide, Rating};

use super::Syncing;
use crate::ids::{BlobId, CardId, DeckId, NoteId, ReviewId, SourceId};
use crate::profile::Tx;
use crate::store;
use crate::store::reviews::{self, ReviewKind};
use crate::{Result, learn};

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
pub(super) fn shared_source(
    tx: &Tx<'_>,
    id: &SourceId,
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
        id: id.to_string(),
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
    tx: &Tx<'_>,
    source: &satchel_sync::Source,
    now: i64,
) -> Result<Option<crate::Event>> {
    let id = SourceId::from(source.id.as_str());
    let exists = store::sources::blob_of(tx, &id)?;
    if source.deleted {
        let Some(blob) = store::sources::delete(tx, &id)? else {
            return Ok(None);
        };
        store::blobs::delete(tx, &blob)?;
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
        if !store::sources::rename(tx, &id, &source.title, now)? {
            return Ok(None);
        }
    } else {
        // The original comes as media: until it has, its blob waits, empty.
        let blob: Option<BlobId> = tx
            .query_row(
                "SELECT id FROM blobs WHERE sha256 = ?1 AND complete = 1 ORDER BY id LIMIT 1",
                [&meta.sha256],
                |r| r.get(0),
            )
            .optional()?;
        let blob = match blob {
            Some(blob) => blob,
            None => {
                let blob = BlobId::new();
                store::blobs::create_waiting(
                    tx,
                    &blob,
                    &meta.media_type,
                    meta.size_bytes,
                    &meta.sha256,
                    now,
                )?;
                blob
            }
        };
        let kind = serde_json::to_value(meta.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "text".into());
        let mut segments = Vec::new();
        let mut regions = Vec::new();
        for piece in &content.segments {
            match (piece.start_ms, piece.end_ms, piece.page) {
                (Some(start_ms), Some(end_ms), _) => segments.push(store::sources::Segment {
                    start_ms,
                    end_ms,
                    text: &piece.text,
                }),
                (_, _, Some(page)) => regions.push(store::sources::Region {
                    page: i64::from(page),
                    bbox: piece.bbox,
                    confidence: piece.confidence,
                    text: &piece.text,
                }),
                _ => {}
            }
        }
        let sizes: Vec<(i64, [f32; 2])> = (1..)
            .zip(&content.page_sizes)
            .filter_map(|(page, size)| size.map(|size| (page, size)))
            .collect();
        store::sources::insert_read(
            tx,
            &store::sources::NewSource {
                id: &id,
                kind: &kind,
                title: &source.title,
                status: "ready",
                file_name: meta.file_name.as_deref(),
                blob_id: &blob,
                language: meta.language.as_deref(),
                duration_ms: meta.duration_ms,
                pages: meta.pages,
                text: Some(&content.text),
                created_at: meta.created_at,
            },
            &segments,
            &sizes,
            &regions,
            now,
        )?;
    }
    Ok(crate::sources::get(tx, &id)?.map(|view| crate::sources::saved(&view)))
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

impl Syncing<'_> {
    /// The sync messages for `peer` (another device, or the server).
    pub fn messages_for(&self, peer: &str) -> Result<satchel_sync::Batch> {
        self.fold_reviews()?;
        self.transact(|tx| tx.with_docs(|r| Ok(r.sync_out(peer))))
    }

    /// [`sync_out`](Self::sync_out) for a peer that tells of its own changes (the
    /// server): a document is spoken of first only if it changed here since the last
    /// sync with `peer` ended ([`sync_ended`](Self::sync_ended)).
    pub fn changed_messages_for(&self, peer: &str) -> Result<satchel_sync::Batch> {
        self.fold_reviews()?;
        self.transact(|tx| {
            let known: std::collections::HashMap<String, String> = tx
                .prepare_cached("SELECT doc_id, heads FROM synced_heads WHERE peer = ?1")?
                .query_map([peer], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let batch = tx.with_docs(|r| {
                let changed: std::collections::HashSet<DocId> = r
                    .doc_ids()
                    .cloned()
                    .collect::<Vec<_>>()
                    .into_iter()
                    .filter(|id| known.get(id.as_str()) != Some(&r.heads_text(id)))
                    .collect();
                Ok(r.sync_out_where(peer, |id| changed.contains(id)))
            })?;
            Ok(batch)
        })
    }

    /// A sync with `peer` ended with nothing left to say: what each document holds
    /// now is what the peer holds.
    pub fn ended(&self, peer: &str) -> Result<()> {
        self.transact(|tx| {
            tx.with_docs(|r| {
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
            Ok(())
        })
    }

    /// Forgets what `peer` was known to hold (signed in somewhere new).
    pub(crate) fn forget_heads(&self, peer: &str) -> Result<()> {
        self.transact(|tx| {
            tx.execute("DELETE FROM synced_heads WHERE peer = ?1", [peer])?;
            Ok(())
        })
    }

    /// After a failed round with `peer`: what was in flight is sent again.
    pub fn reconnect(&self, peer: &str) {
        self.docs.reconnect(peer);
    }

    /// Takes `peer`'s messages in: the documents change, what changed is kept, and the
    /// tables follow — new reviews logged and their cards rescheduled from their whole
    /// merged history, cards, decks and notes written.
    pub fn receive(&self, peer: &str, batch: satchel_sync::Batch, now: i64) -> Result<SyncReport> {
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
            let contents = tx.with_docs(|replica| {
                let changed = receive(replica)?;
                let mut contents = Vec::new();
                for id in changed {
                    crate::store::docs::keep_changes(tx, replica, &id)?;
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
            // What the documents say is written into the tables, not shared back.
            tx.merging(|| {
                for content in contents {
                    match content {
                        satchel_sync::Content::Decks(decks) => {
                            for (id, name) in decks {
                                crate::store::decks::insert(tx, &DeckId::from(id), &name, now)?;
                            }
                        }
                        satchel_sync::Content::Cards(cards) => {
                            for card in cards {
                                report.cards += u32::from(project_card(tx, &card, now)?);
                                touched.insert(CardId::from(card.id));
                            }
                        }
                        satchel_sync::Content::Source(source) => {
                            events.extend(project_source(tx, &source, now)?);
                        }
                        satchel_sync::Content::Note(note) if note.deleted => {
                            if crate::store::notes::delete(tx, &NoteId::from(note.id.as_str()))? {
                                report.notes += 1;
                                events.push(crate::Event::NoteDeleted { id: note.id });
                            }
                        }
                        satchel_sync::Content::Note(note) => {
                            let id = NoteId::from(note.id.as_str());
                            if crate::store::notes::put(tx, &id, &note.title, &note.body, now)? {
                                report.notes += 1;
                                events.push(crate::Event::NoteSaved {
                                    note: crate::notes::summary(
                                        &note.id,
                                        &note.title,
                                        &note.body,
                                        now,
                                    ),
                                });
                            }
                        }
                        satchel_sync::Content::Reviews(log) => {
                            for review in log.reviews.values() {
                                // A review this version cannot read (a rating or kind
                                // it does not know) is left in the document, not
                                // forced into the log.
                                let (Some(rating), Some(kind)) = (
                                    Rating::from_number(i64::from(review.rating)),
                                    ReviewKind::from_name(&review.kind),
                                ) else {
                                    continue;
                                };
                                let id = ReviewId::from(review.id.as_str());
                                let card_id = CardId::from(review.card_id.as_str());
                                let added = reviews::log(
                                    tx,
                                    &reviews::LoggedReview {
                                        id: &id,
                                        card_id: &card_id,
                                        reviewed_at: review.reviewed_at,
                                        rating,
                                        kind,
                                        elapsed_days: review.elapsed_days,
                                        duration_ms: review.duration_ms,
                                        memory: fsrs::MemoryState {
                                            stability: review.stability,
                                            difficulty: review.difficulty,
                                        },
                                        due: review.due,
                                        origin: &review.origin,
                                    },
                                )?;
                                if added {
                                    report.reviews += 1;
                                    touched.insert(card_id);
                                }
                            }
                            for (id, at) in &log.undone {
                                let id = ReviewId::from(id.as_str());
                                if reviews::mark_undone(tx, &id, *at)? {
                                    touched.extend(reviews::card_of(tx, &id)?);
                                }
                            }
                        }
                        satchel_sync::Content::Lesson(_, text) => {
                            let account = crate::store::settings::SYNC_ACCOUNT.get(tx)?;
                            let own = account.as_ref().map(|a| a.user_id.as_str());
                            events.extend(crate::learn::project_lesson(tx, own, &text, now)?);
                        }
                        satchel_sync::Content::Nothing => {}
                    }
                }
                for card in &touched {
                    learn::reschedule_from_history(tx, card)?;
                }
                Ok(())
            })?;
            if report.cards + report.reviews > 0 {
                events.push(crate::Event::CardsChanged {
                    count: report.cards.max(touched.len() as u32),
                });
            }
            tx.emit_all(events);
            Ok(report)
        })
    }
}

/// Writes a card as a peer shares it; whether it was new or changed here.
/// A card's picture or sound that a peer shared and that has not arrived here yet is
/// named `sha256:<hex>` in place of a blob id, until the sync's media step fetches it.
pub(crate) const WAITING_MEDIA: &str = "sha256:";

/// A peer's media list as this device names them: by its own blob when it has the
/// bytes, as waiting otherwise.
fn local_media(tx: &Tx<'_>, media: &[MediaRef]) -> Result<Option<String>> {
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

fn project_card(tx: &Tx<'_>, card: &Card, now: i64) -> Result<bool> {
    let choices = (!card.choices.is_empty())
        .then(|| serde_json::to_string(&card.choices).ok())
        .flatten();
    let media = local_media(tx, &card.media)?;
    let deck: Option<DeckId> = tx
        .query_row("SELECT id FROM decks WHERE id = ?1", [&card.deck_id], |r| {
            r.get(0)
        })
        .optional()?;
    crate::store::cards::put_shared(
        tx,
        &crate::store::cards::SharedCard {
            id: &CardId::from(card.id.as_str()),
            kind: &card.kind,
            front: &card.front,
            back: &card.back,
            suspended: card.suspended,
            deleted: card.deleted,
            generator: &card.generator,
            deck_id: deck.as_ref(),
            choices: choices.as_deref(),
            media: media.as_deref(),
        },
        now,
    )
}
