//! The `cards` table: the only statements that write it. A write that changes what a
//! card's shared document holds (its sides, kind, deck, suspension, media, or that it
//! is deleted) mirrors it there through the transaction; a card's schedule is the
//! device's own, worked out from the shared review log, and is not shared.

use rusqlite::params;
use satchel_types::{CardKind, CardMedia};

use super::docs::Touched;
use super::tx::Tx;
use crate::Result;
use crate::ids::{BlobId, CardId, DeckId, OwnerId, PackId};

/// A card kind as the store names it.
pub(crate) fn kind_name(kind: CardKind) -> &'static str {
    match kind {
        CardKind::Cloze => "cloze",
        CardKind::Definition => "definition",
        CardKind::Term => "term",
        CardKind::Basic => "basic",
        CardKind::Reversed => "reversed",
        CardKind::Choice => "choice",
    }
}

/// A card kind from its stored name; a name this version does not know is basic.
pub(crate) fn kind(name: &str) -> CardKind {
    match name {
        "cloze" => CardKind::Cloze,
        "definition" => CardKind::Definition,
        "term" => CardKind::Term,
        "reversed" => CardKind::Reversed,
        "choice" => CardKind::Choice,
        _ => CardKind::Basic,
    }
}

/// A card made here, by hand or brought in, to study from now on.
pub(crate) struct NewCard<'a> {
    pub kind: CardKind,
    pub deck_id: &'a DeckId,
    pub generator: &'a str,
    pub front: &'a str,
    pub back: &'a str,
    pub choices: &'a [String],
    pub media: &'a [CardMedia],
    pub seq: i64,
    /// Where a card brought in came from, so bringing it in again finds it.
    pub external_id: Option<&'a str>,
    /// The note it was made from, shared with its sibling cards.
    pub family: Option<&'a str>,
    /// Its id, when it must be the same on every device that makes it (a card
    /// brought in from the same Anki deck on two devices is one card when they meet).
    pub id: Option<CardId>,
}

/// Writes a new card, kept for study; its id.
pub(crate) fn insert(tx: &Tx<'_>, card: &NewCard<'_>, now: i64) -> Result<CardId> {
    let id = card.id.clone().unwrap_or_else(CardId::new);
    let json_or_null = |empty: bool, value: String| (!empty).then_some(value);
    tx.prepare_cached(
        "INSERT INTO cards (id, deck_id, kind, generator, front, back, choices, media, state,
                            seq, created_at, updated_at, external_id, family)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'kept', ?9, ?10, ?10, ?11, ?12)",
    )?
    .execute(params![
        id,
        card.deck_id,
        kind_name(card.kind),
        card.generator,
        card.front,
        card.back,
        json_or_null(
            card.choices.is_empty(),
            serde_json::to_string(card.choices).unwrap_or_default()
        ),
        json_or_null(
            card.media.is_empty(),
            serde_json::to_string(card.media).unwrap_or_default()
        ),
        card.seq,
        now,
        card.external_id,
        card.family
    ])?;
    tx.touch(Touched::Card(&id))?;
    Ok(id)
}

/// Where a card made from another came from: its words' place (a `SourceRef`, as
/// JSON) and the material and concept of the card it was made from (not its pack: a
/// pack's drafts are its own).
pub(crate) fn set_origin(tx: &Tx<'_>, id: &CardId, source_ref: &str, from: &CardId) -> Result<()> {
    tx.prepare_cached(
        "UPDATE cards SET source_ref = ?2,
                (owner_id, concept_id) = (SELECT owner_id, concept_id FROM cards WHERE id = ?3)
         WHERE id = ?1",
    )?
    .execute(params![id, source_ref, from])?;
    tx.touch(Touched::Card(id))?;
    Ok(())
}

/// A card a study pack drafted: the learner keeps, edits or deletes it first.
pub(crate) struct DraftCard<'a> {
    pub kind: CardKind,
    pub generator: &'a str,
    pub front: &'a str,
    pub back: &'a str,
    /// Where it came from (a `SourceRef`, as JSON).
    pub source_ref: &'a str,
    pub concept: Option<i64>,
}

/// Writes a pack's drafted cards in place of any it had: a delivery retried writes the
/// same pack, not twice.
pub(crate) fn replace_drafts(
    tx: &Tx<'_>,
    pack_id: &PackId,
    owner: &OwnerId,
    deck_id: &DeckId,
    drafts: &[DraftCard<'_>],
    now: i64,
) -> Result<()> {
    tx.prepare_cached("DELETE FROM cards WHERE pack_id = ?1")?
        .execute([pack_id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO cards (id, pack_id, owner_id, kind, generator, front, back, source_ref,
                            seq, created_at, updated_at, deck_id, concept_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12)",
    )?;
    for (seq, card) in drafts.iter().enumerate() {
        let id = CardId::new();
        insert.execute(params![
            id,
            pack_id,
            owner,
            kind_name(card.kind),
            card.generator,
            card.front,
            card.back,
            card.source_ref,
            seq as i64,
            now,
            deck_id,
            card.concept
        ])?;
        tx.touch(Touched::Card(&id))?;
    }
    Ok(())
}

/// The learner's verdict on a drafted card (`state`: kept, edited or deleted), with
/// its new sides when edited.
pub(crate) fn judge_draft(
    tx: &Tx<'_>,
    id: &CardId,
    state: &str,
    sides: Option<(&str, &str)>,
    now: i64,
) -> Result<()> {
    if let Some((front, back)) = sides {
        tx.prepare_cached("UPDATE cards SET front = ?2, back = ?3 WHERE id = ?1")?
            .execute(params![id, front, back])?;
    }
    tx.prepare_cached("UPDATE cards SET state = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, state, now])?;
    tx.touch(Touched::Card(id))
}

/// New sides for a card; one a pack made becomes "edited".
pub(crate) fn edit_sides(
    tx: &Tx<'_>,
    id: &CardId,
    front: &str,
    back: &str,
    now: i64,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE cards SET front = ?2, back = ?3, updated_at = ?4,
                state = CASE WHEN generator = 'hand' THEN state ELSE 'edited' END
         WHERE id = ?1",
    )?
    .execute(params![id, front, back, now])?;
    tx.touch(Touched::Card(id))
}

/// Takes a card out of study; its reviews stay in the log.
pub(crate) fn mark_deleted(tx: &Tx<'_>, id: &CardId, now: i64) -> Result<()> {
    tx.prepare_cached("UPDATE cards SET state = 'deleted', updated_at = ?2 WHERE id = ?1")?
        .execute(params![id, now])?;
    tx.touch(Touched::Card(id))
}

pub(crate) fn set_suspended(tx: &Tx<'_>, id: &CardId, suspended: bool, now: i64) -> Result<()> {
    tx.prepare_cached("UPDATE cards SET suspended = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, suspended, now])?;
    tx.touch(Touched::Card(id))
}

/// Keeps a card out of reviews until `until` (ms); `None` lets it back.
pub(crate) fn set_buried_until(
    tx: &Tx<'_>,
    id: &CardId,
    until: Option<i64>,
    now: i64,
) -> Result<()> {
    tx.prepare_cached("UPDATE cards SET buried_until = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, until, now])?;
    Ok(())
}

/// Lets every card buried past `from` back; how many.
pub(crate) fn unbury_all(tx: &Tx<'_>, from: i64, now: i64) -> Result<usize> {
    Ok(tx
        .prepare_cached(
            "UPDATE cards SET buried_until = NULL, updated_at = ?2 WHERE buried_until > ?1",
        )?
        .execute(params![from, now])?)
}

/// Keeps the siblings of a card just answered (its family's other cards) out of
/// reviews until `until`, as Anki has them: the reverse of a card just answered would
/// be answered from memory of this one. A sibling due later, or learnt only today,
/// is left alone.
pub(crate) fn bury_siblings(tx: &Tx<'_>, id: &CardId, until: i64, day_ms: i64) -> Result<usize> {
    Ok(tx
        .prepare_cached(
            "UPDATE cards SET buried_until = ?2
             WHERE family = (SELECT family FROM cards WHERE id = ?1) AND id != ?1
               AND (due IS NULL OR (due < ?2 AND due - last_review >= ?3))
               AND (buried_until IS NULL OR buried_until < ?2)",
        )?
        .execute(params![id, until, day_ms])?)
}

/// A card's schedule: when it is due, FSRS's memory of it, and its last review.
pub(crate) struct Schedule {
    pub due: Option<i64>,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    pub last_review: Option<i64>,
}

/// A card answered now: its new schedule, one more review, `lapse` (0 or 1) more lapses.
pub(crate) fn answered(tx: &Tx<'_>, id: &CardId, schedule: &Schedule, lapse: i64) -> Result<()> {
    tx.prepare_cached(
        "UPDATE cards SET due = ?2, stability = ?3, difficulty = ?4, last_review = ?5,
                reps = reps + 1, lapses = lapses + ?6
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        schedule.due,
        schedule.stability.map(f64::from),
        schedule.difficulty.map(f64::from),
        schedule.last_review,
        lapse
    ])?;
    Ok(())
}

/// A card's schedule as worked out again from its whole review history.
pub(crate) fn set_schedule(
    tx: &Tx<'_>,
    id: &CardId,
    schedule: &Schedule,
    reps: i64,
    lapses: i64,
) -> Result<()> {
    tx.prepare_cached(
        "UPDATE cards SET due = ?2, stability = ?3, difficulty = ?4, last_review = ?5,
                reps = ?6, lapses = ?7
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        schedule.due,
        schedule.stability.map(f64::from),
        schedule.difficulty.map(f64::from),
        schedule.last_review,
        reps,
        lapses
    ])?;
    Ok(())
}

/// A card's schedule from its latest review that was not undone (after an undo).
pub(crate) fn schedule_from_log(tx: &Tx<'_>, id: &CardId) -> Result<()> {
    tx.prepare_cached(
        "UPDATE cards SET
            (due, stability, difficulty, last_review) = (
                SELECT r.due, r.stability, r.difficulty, r.reviewed_at FROM reviews r
                WHERE r.card_id = ?1
                  AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)
                ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1),
            (reps, lapses) = (
                SELECT COUNT(*), COALESCE(SUM(r.rating = 1 AND r.kind = 'review'), 0)
                FROM reviews r
                WHERE r.card_id = ?1
                  AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id))
         WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

/// Cards (ids, as a JSON array) that arrived before their lesson join its deck, if
/// they are in none.
pub(crate) fn join_deck(tx: &Tx<'_>, deck_id: &DeckId, ids_json: &str) -> Result<usize> {
    Ok(tx
        .prepare_cached(
            "UPDATE cards SET deck_id = ?1 WHERE deck_id IS NULL AND id IN
             (SELECT value FROM json_each(?2))",
        )?
        .execute(params![deck_id, ids_json])?)
}

/// A picture or sound that was waiting to arrive (named `waiting` on its cards) is
/// here as blob `blob_id`; how many cards had it. The shared documents name media by
/// content, so they do not change.
pub(crate) fn media_arrived(tx: &Tx<'_>, waiting: &str, blob_id: &BlobId) -> Result<usize> {
    Ok(tx
        .prepare_cached(
            "UPDATE cards SET media = replace(media, ?1, ?2) WHERE instr(media, ?1) > 0",
        )?
        .execute(params![waiting, blob_id])?)
}

/// A card as a peer shares it, with its media as they are here (JSON) and its deck if
/// that is here; whether it was new or changed here.
pub(crate) struct SharedCard<'a> {
    pub id: &'a CardId,
    pub kind: &'a str,
    pub front: &'a str,
    pub back: &'a str,
    pub suspended: bool,
    pub deleted: bool,
    /// What wrote it where it was made; empty from a peer that did not say.
    pub generator: &'a str,
    pub deck_id: Option<&'a DeckId>,
    pub choices: Option<&'a str>,
    pub media: Option<&'a str>,
}

pub(crate) fn put_shared(tx: &Tx<'_>, card: &SharedCard<'_>, now: i64) -> Result<bool> {
    let kind = kind_name(kind(card.kind));
    let changed = tx
        .prepare_cached(
            "UPDATE cards SET kind = ?2, front = ?3, back = ?4, suspended = ?5,
                    deck_id = COALESCE(?6, deck_id),
                    state = CASE WHEN ?7 THEN 'deleted' WHEN state = 'deleted' THEN 'kept'
                                 ELSE state END,
                    updated_at = ?8, choices = ?9, media = ?10
             WHERE id = ?1 AND (kind != ?2 OR front != ?3 OR back != ?4 OR suspended != ?5
                                OR (state = 'deleted') != ?7 OR deck_id IS NOT ?6
                                OR choices IS NOT ?9 OR media IS NOT ?10)",
        )?
        .execute(params![
            card.id,
            kind,
            card.front,
            card.back,
            card.suspended,
            card.deck_id,
            card.deleted,
            now,
            card.choices,
            card.media
        ])?;
    if changed > 0 {
        tx.touch(Touched::Card(card.id))?;
        return Ok(true);
    }
    let inserted = tx
        .prepare_cached(
            "INSERT INTO cards (id, deck_id, kind, generator, front, back, state, seq,
                                created_at, updated_at, suspended, choices, media)
             VALUES (?1, ?2, ?3, COALESCE(NULLIF(?11, ''), 'sync'), ?4, ?5,
                     CASE WHEN ?6 THEN 'deleted' ELSE 'kept' END, 0, ?7, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO NOTHING",
        )?
        .execute(params![
            card.id,
            card.deck_id,
            kind,
            card.front,
            card.back,
            card.deleted,
            now,
            card.suspended,
            card.choices,
            card.media,
            card.generator
        ])?;
    if inserted > 0 {
        tx.touch(Touched::Card(card.id))?;
    }
    Ok(inserted > 0)
}

/// The id of a card brought in from elsewhere: time-ordered by when it was made
/// there (`made_at`, ms), the rest from where it came from, so that every device
/// bringing in the same card gives it the same id.
pub(crate) fn stable_id(made_at: i64, external_id: &str) -> CardId {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("satchel-card:{external_id}").as_bytes());
    let mut rest = [0u8; 10];
    rest.copy_from_slice(&digest[..10]);
    let millis = u64::try_from(made_at).unwrap_or(0) & ((1 << 48) - 1);
    uuid::Builder::from_unix_timestamp_millis(millis, &rest)
        .into_uuid()
        .to_string()
        .into()
}
