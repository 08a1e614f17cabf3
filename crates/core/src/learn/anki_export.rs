//! Cards to Anki: a deck (with the decks under it) or every deck, written as an
//! `.apkg` any Anki opens — the older format (schema 11 in `collection.anki2`, note
//! types and decks as JSON, a JSON media list), which Anki 2.1 to today's all read —
//! with the cards' pictures and sounds, their schedule and their review history, so a
//! learner can move to Anki and back.
//!
//! A card and its reverse become one "Basic (and reversed card)" note, a cloze's cards
//! one "Cloze" note, everything else a "Basic" note; a card that came from Anki goes
//! back under its note's own id (GUID), so bringing the file into Satchel again finds
//! it already here. Image-occlusion cards are left out and counted: an Anki note of
//! that kind is drawn in Anki's own editor.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, MAIN_DB, params};
use satchel_types::{AnkiExported, CardKind, CardMedia, CardSide};
use serde_json::{Value, json};

use super::cards::CLOZE_BLANK;
use crate::agents::BLANK as PACK_BLANK;
use crate::agents::occlusion::OCCLUSION;
use crate::ids::BlobId;
use crate::profile::Profile;
use crate::{Error, Result};

const DAY_MS: i64 = 86_400_000;
/// The note types' ids in the file: fixed, so every export from Satchel names the same
/// three and an Anki that has them once keeps them once. Their names say Satchel's:
/// under Anki's own names ("Basic"), Anki would keep them as "Basic+" beside its own.
const BASIC: i64 = 1_700_000_000_101;
const BASIC_REVERSED: i64 = 1_700_000_000_102;
const CLOZE: i64 = 1_700_000_000_103;
/// Anki's separator between a note's fields.
const FIELD_SEPARATOR: char = '\u{1f}';
/// The ease Anki's SM-2 starts a card at (per mille), for a card Anki schedules
/// without FSRS.
const STARTING_EASE: i64 = 2_500;

/// A card as exported: what Anki needs of it.
struct Card {
    id: String,
    deck: String,
    kind: CardKind,
    generator: String,
    front: String,
    back: String,
    choices: Vec<String>,
    media: Vec<CardMedia>,
    external_id: Option<String>,
    family: Option<String>,
    seq: i64,
    created_at: i64,
    updated_at: i64,
    suspended: bool,
    due: Option<i64>,
    stability: Option<f64>,
    difficulty: Option<f64>,
    last_review: Option<i64>,
    reps: i64,
    lapses: i64,
}

struct Review {
    card_id: String,
    reviewed_at: i64,
    rating: i64,
    kind: String,
    duration_ms: i64,
    due: i64,
}

/// One Anki note: its type, fields, and the cards it makes (each with its template's
/// number).
struct Note<'a> {
    guid: String,
    notetype: i64,
    fields: Vec<String>,
    cards: Vec<(i64, &'a Card)>,
}

impl Profile {
    /// Writes deck `deck` (its name, with the decks under it) or every deck to `path`
    /// as an Anki package. `progress` hears (done, total) cards. The file appears whole
    /// or not at all.
    pub fn export_anki(
        self: &Arc<Self>,
        path: &Path,
        deck: Option<&str>,
        now: i64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<AnkiExported> {
        let (cards, reviews) = self.read(|conn| {
            let deck = match deck {
                Some(name) => Some(deck_called(conn, name)?),
                None => None,
            };
            let cards = cards(conn, deck.as_deref())?;
            let reviews = reviews(conn, &cards)?;
            Ok((cards, reviews))
        })?;
        let mut report = AnkiExported::default();
        let (kept, left_out): (Vec<Card>, Vec<Card>) =
            cards.into_iter().partition(|c| c.generator != OCCLUSION);
        report.left_out = count(left_out.len());
        let notes = notes(&kept);

        // Every picture and sound once, under a name no other has.
        let mut media: Vec<(BlobId, String)> = Vec::new();
        let mut names: HashMap<String, String> = HashMap::new();
        let mut taken = HashSet::new();
        for card in &kept {
            for item in &card.media {
                if names.contains_key(&item.blob_id) {
                    continue;
                }
                let name = media_name(&item.name, &mut taken);
                names.insert(item.blob_id.clone(), name.clone());
                media.push((BlobId::from(item.blob_id.as_str()), name));
            }
        }

        let collection = collection(&notes, &reviews, &names, now)?;
        report.decks = count(
            kept.iter()
                .map(|c| c.deck.as_str())
                .collect::<HashSet<_>>()
                .len(),
        );
        report.notes = count(notes.len());
        report.cards = count(kept.len());
        let exported: HashSet<&str> = kept.iter().map(|c| c.id.as_str()).collect();
        report.reviews = count(
            reviews
                .iter()
                .filter(|r| exported.contains(r.card_id.as_str()))
                .count(),
        );
        report.media = count(media.len());

        // Written beside the file and moved into place, so a crash leaves the old
        // file or none, never half of one.
        let partial = path.with_extension("apkg.part");
        let written = (|| -> Result<()> {
            let file = std::fs::File::create(&partial).map_err(|e| io(&partial, e))?;
            let mut zip = zip::ZipWriter::new(std::io::BufWriter::new(file));
            let deflated = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(false);
            let zip_error = |e: zip::result::ZipError| io(&partial, std::io::Error::other(e));
            zip.start_file("collection.anki2", deflated)
                .map_err(zip_error)?;
            zip.write_all(&collection).map_err(|e| io(&partial, e))?;
            let mut list = BTreeMap::new();
            let total = media.len() as u64;
            for (n, (blob, name)) in media.iter().enumerate() {
                let mut reader = crate::BlobReader::open(Arc::clone(self), blob)?;
                zip.start_file(n.to_string(), deflated).map_err(zip_error)?;
                let mut buffer = vec![0u8; 64 * 1024];
                loop {
                    let read = reader.read(&mut buffer).map_err(|e| io(&partial, e))?;
                    if read == 0 {
                        break;
                    }
                    zip.write_all(&buffer[..read])
                        .map_err(|e| io(&partial, e))?;
                }
                list.insert(n.to_string(), name.clone());
                progress(n as u64 + 1, total.max(1));
            }
            zip.start_file("media", deflated).map_err(zip_error)?;
            zip.write_all(&serde_json::to_vec(&list).unwrap_or_default())
                .map_err(|e| io(&partial, e))?;
            let mut out = zip.finish().map_err(zip_error)?;
            out.flush().map_err(|e| io(&partial, e))?;
            out.get_ref().sync_all().map_err(|e| io(&partial, e))?;
            Ok(())
        })();
        if let Err(error) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
        std::fs::rename(&partial, path).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            io(path, e)
        })?;
        progress(report.cards.into(), report.cards.into());
        Ok(report)
    }
}

fn io(path: &Path, error: std::io::Error) -> Error {
    Error::Io {
        action: "writing",
        path: path.to_owned(),
        source: error,
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The name of the deck called `name`, as kept (its parts trimmed).
fn deck_called(conn: &Connection, name: &str) -> Result<String> {
    let wanted: String = name
        .split("::")
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("::");
    conn.query_row(
        "SELECT name FROM decks WHERE name = ?1 COLLATE NOCASE",
        [&wanted],
        |row| row.get(0),
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::not_found("deck", name),
        other => other.into(),
    })
}

fn cards(conn: &Connection, deck: Option<&str>) -> Result<Vec<Card>> {
    let mut statement = conn.prepare(
        "SELECT c.id, d.name, c.kind, c.generator, c.front, c.back, c.choices, c.media,
                c.external_id, c.family, c.seq, c.created_at, c.updated_at, c.suspended,
                c.due, c.stability, c.difficulty, c.last_review, c.reps, c.lapses
         FROM cards c JOIN decks d ON d.id = c.deck_id
         WHERE c.state != 'deleted'
           AND (?1 IS NULL OR d.name = ?1 OR substr(d.name, 1, length(?1) + 2) = ?1 || '::')
         ORDER BY d.name, c.created_at, c.family, c.seq, c.id",
    )?;
    let cards = statement
        .query_map([deck], |row| {
            let choices: Option<String> = row.get(6)?;
            let media: Option<String> = row.get(7)?;
            Ok(Card {
                id: row.get(0)?,
                deck: row.get(1)?,
                kind: crate::store::cards::kind(&row.get::<_, String>(2)?),
                generator: row.get(3)?,
                front: row.get(4)?,
                back: row.get(5)?,
                choices: choices
                    .and_then(|c| serde_json::from_str(&c).ok())
                    .unwrap_or_default(),
                media: media
                    .and_then(|m| serde_json::from_str(&m).ok())
                    .unwrap_or_default(),
                external_id: row.get(8)?,
                family: row.get(9)?,
                seq: row.get(10)?,
                created_at: row.get(11)?,
                updated_at: row.get(12)?,
                suspended: row.get::<_, i64>(13)? != 0,
                due: row.get(14)?,
                stability: row.get(15)?,
                difficulty: row.get(16)?,
                last_review: row.get(17)?,
                reps: row.get(18)?,
                lapses: row.get(19)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(cards)
}

/// The review log of the cards, undone answers aside, oldest first.
fn reviews(conn: &Connection, cards: &[Card]) -> Result<Vec<Review>> {
    let wanted: HashSet<&str> = cards.iter().map(|c| c.id.as_str()).collect();
    let mut statement = conn.prepare(
        "SELECT r.card_id, r.reviewed_at, r.rating, r.kind, r.duration_ms, r.due
         FROM reviews r
         WHERE NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)
         ORDER BY r.reviewed_at, r.id",
    )?;
    let all = statement
        .query_map([], |row| {
            Ok(Review {
                card_id: row.get(0)?,
                reviewed_at: row.get(1)?,
                rating: row.get(2)?,
                kind: row.get(3)?,
                duration_ms: row.get(4)?,
                due: row.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(all
        .into_iter()
        .filter(|r| wanted.contains(r.card_id.as_str()))
        .collect())
}

/// The cards as Anki notes: a card and its reverse as one, a cloze's cards as one
/// when their sentence is the same, the rest a note each.
fn notes(cards: &[Card]) -> Vec<Note<'_>> {
    let mut families: BTreeMap<&str, Vec<&Card>> = BTreeMap::new();
    let mut notes = Vec::new();
    let mut order: Vec<&str> = Vec::new();
    for card in cards {
        match card.family.as_deref() {
            Some(family) => {
                if !families.contains_key(family) {
                    order.push(family);
                }
                families.entry(family).or_default().push(card);
            }
            None => notes.push(single(card, guid_of(card, None))),
        }
    }
    for family in order {
        let members = families.remove(family).unwrap_or_default();
        let guid = anki_guid(family).unwrap_or(family).to_owned();
        if let Some(note) = reversed_pair(&members, &guid).or_else(|| cloze_note(&members, &guid)) {
            notes.push(note);
        } else {
            // A member alone under its family's GUID only as the family's first card
            // (the one the GUID and ordinal 0 name when it comes back).
            let alone = members.len() == 1;
            for card in members {
                let guid = if alone && card.seq == 0 {
                    guid.clone()
                } else {
                    guid_of(card, Some(&guid))
                };
                notes.push(single(card, guid));
            }
        }
    }
    // Two notes under one GUID would be one note to Anki: a second takes its first
    // card's own id.
    let mut seen = HashSet::new();
    for note in &mut notes {
        if !seen.insert(note.guid.clone())
            && let Some((_, card)) = note.cards.first()
        {
            note.guid = card.id.clone();
            seen.insert(note.guid.clone());
        }
    }
    notes
}

/// A family "anki:GUID" came from Anki's note GUID.
fn anki_guid(family: &str) -> Option<&str> {
    family.strip_prefix("anki:")
}

/// A note made of one card: from Anki, its note's GUID when the card was its note's
/// only card; else an id of its own.
fn guid_of(card: &Card, family: Option<&str>) -> String {
    match (family, card.external_id.as_deref()) {
        (None, Some(external)) => external
            .strip_prefix("anki:")
            .and_then(|rest| rest.rsplit_once(':'))
            .map_or_else(|| card.id.clone(), |(guid, _)| guid.to_owned()),
        (Some(family), _) => format!("{family}/{}", card.seq),
        (None, None) => card.id.clone(),
    }
}

fn single(card: &Card, guid: String) -> Note<'_> {
    if card.kind == CardKind::Cloze
        && let Some(text) = cloze_text(&[card])
    {
        return Note {
            guid,
            notetype: CLOZE,
            fields: vec![text, String::new()],
            cards: vec![(0, card)],
        };
    }
    let mut front = html(&card.front);
    if card.kind == CardKind::Choice && !card.choices.is_empty() {
        front.push_str("<ol type=\"A\">");
        for choice in &card.choices {
            front.push_str(&format!("<li>{}</li>", html(choice)));
        }
        front.push_str("</ol>");
    }
    Note {
        guid,
        notetype: BASIC,
        fields: vec![front, html(&card.back)],
        cards: vec![(0, card)],
    }
}

/// A card and its reverse (as Satchel writes them): one "Basic (and reversed card)".
fn reversed_pair<'a>(members: &[&'a Card], guid: &str) -> Option<Note<'a>> {
    let [forward, reverse] = members else {
        return None;
    };
    let pair = forward.kind == CardKind::Basic
        && reverse.kind == CardKind::Reversed
        && forward.front == reverse.back
        && forward.back == reverse.front;
    let pair = pair && forward.seq == 0 && reverse.seq == 1;
    pair.then(|| Note {
        guid: guid.to_owned(),
        notetype: BASIC_REVERSED,
        fields: vec![html(&forward.front), html(&forward.back)],
        cards: vec![(0, *forward), (1, *reverse)],
    })
}

/// A cloze's cards as one Cloze note, its numbers in the cards' order.
fn cloze_note<'a>(members: &[&'a Card], guid: &str) -> Option<Note<'a>> {
    if members.iter().any(|c| c.kind != CardKind::Cloze) {
        return None;
    }
    let text = cloze_text(members)?;
    Some(Note {
        guid: guid.to_owned(),
        notetype: CLOZE,
        fields: vec![text, String::new()],
        // Each card keeps its number (a sibling deleted leaves a gap), so it comes
        // back as itself.
        cards: members.iter().map(|c| (c.seq, *c)).collect(),
    })
}

/// The sentence of cloze cards with `{{cN::…}}` marks, when each card is that one
/// sentence with its answer blanked, the blanks apart: the card of number `seq` is
/// cloze `seq + 1`. Text Anki would read as cloze syntax makes none.
fn cloze_text(cards: &[&Card]) -> Option<String> {
    if cards
        .iter()
        .any(|c| c.back.contains("::") || c.back.contains("}}") || c.front.contains("{{"))
        || cards.iter().any(|c| c.seq < 0)
    {
        return None;
    }
    let numbers: HashSet<i64> = cards.iter().map(|c| c.seq).collect();
    if numbers.len() != cards.len() {
        return None;
    }
    let mut sentence: Option<String> = None;
    let mut places: Vec<(usize, usize, usize)> = Vec::new();
    for card in cards {
        let answer = card.back.trim();
        // A card written by hand blanks its answer one way, a study pack's another.
        let blank = [CLOZE_BLANK, PACK_BLANK]
            .into_iter()
            .find(|blank| card.front.matches(blank).count() == 1)?;
        if answer.is_empty() {
            return None;
        }
        let at = card.front.find(blank)?;
        let whole = format!(
            "{}{answer}{}",
            &card.front[..at],
            &card.front[at + blank.len()..]
        );
        match &sentence {
            Some(known) if *known != whole => return None,
            Some(_) => {}
            None => sentence = Some(whole),
        }
        places.push((at, at + answer.len(), usize::try_from(card.seq).ok()? + 1));
    }
    let sentence = sentence?;
    places.sort_unstable();
    if places.windows(2).any(|pair| pair[0].1 > pair[1].0) {
        return None;
    }
    let mut text = String::new();
    let mut at = 0;
    for (start, end, number) in places {
        text.push_str(&html(&sentence[at..start]));
        text.push_str(&format!(
            "{{{{c{number}::{}}}}}",
            html(&sentence[start..end])
        ));
        at = end;
    }
    text.push_str(&html(&sentence[at..]));
    Some(text)
}

/// Text as Anki's HTML: escaped, its lines kept.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// A media file's name in the package: its own, made safe, and told apart from
/// every other file's (whatever their case: Windows and macOS do not tell them apart).
fn media_name(name: &str, taken: &mut HashSet<String>) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let safe: String = base
        .chars()
        .map(|c| {
            if c.is_control() || "\"<>:|?*[]".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let safe = if safe.trim().is_empty() {
        "media".to_owned()
    } else {
        safe
    };
    let mut candidate = safe.clone();
    let mut n = 1;
    while !taken.insert(candidate.to_lowercase()) {
        n += 1;
        candidate = match safe.rsplit_once('.') {
            Some((stem, extension)) => format!("{stem}-{n}.{extension}"),
            None => format!("{safe}-{n}"),
        };
    }
    candidate
}

/// A card's media as field text: pictures as images, sounds as Anki's sound tags.
fn media_html(card: &Card, side: CardSide, names: &HashMap<String, String>) -> String {
    let mut out = String::new();
    for item in card.media.iter().filter(|m| m.side == side) {
        let Some(name) = names.get(&item.blob_id) else {
            continue;
        };
        if item.mime.starts_with("audio/") {
            out.push_str(&format!("[sound:{name}]"));
        } else {
            out.push_str(&format!("<img src=\"{}\">", html(name)));
        }
    }
    out
}

/// An id Anki can hold (ms, as Anki's own are), taken from `wanted` and moved on
/// until no other has it.
fn unique(wanted: i64, taken: &mut HashSet<i64>) -> i64 {
    let mut id = wanted.max(1);
    while !taken.insert(id) {
        id += 1;
    }
    id
}

/// When a Satchel id (a time-ordered UUID) was made, ms.
fn made_at(id: &str, fallback: i64) -> i64 {
    uuid::Uuid::parse_str(id)
        .ok()
        .and_then(|u| u.get_timestamp())
        .map(|t| {
            let (secs, nanos) = t.to_unix();
            i64::try_from(secs)
                .unwrap_or(0)
                .saturating_mul(1000)
                .saturating_add(i64::from(nanos / 1_000_000))
        })
        .filter(|ms| *ms > 0)
        .unwrap_or(fallback)
}

/// Anki's checksum of a note's first field: the first 8 hex digits of its SHA-1.
fn checksum(field: &str) -> i64 {
    use sha1::Digest;
    let digest = sha1::Sha1::digest(super::anki::strip_html(field).as_bytes());
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

/// The collection, as an SQLite file's bytes.
fn collection(
    notes: &[Note<'_>],
    reviews: &[Review],
    media: &HashMap<String, String>,
    now: i64,
) -> Result<Vec<u8>> {
    let conn = Connection::open_in_memory()?;
    conn.execute_batch(SCHEMA_11)?;
    // Anki counts review days from the collection's creation: the first card's day.
    let first = notes
        .iter()
        .flat_map(|n| n.cards.iter().map(|(_, c)| c.created_at))
        .chain(reviews.iter().map(|r| r.reviewed_at))
        .min()
        .unwrap_or(now)
        .min(now);
    let crt = first.div_euclid(DAY_MS) * (DAY_MS / 1000);

    // Decks, with every deck above each.
    let mut deck_ids: BTreeMap<String, i64> = BTreeMap::new();
    let mut taken = HashSet::new();
    for note in notes {
        for (_, card) in &note.cards {
            let parts: Vec<&str> = card.deck.split("::").collect();
            for end in 1..=parts.len() {
                let name = parts[..end].join("::");
                deck_ids
                    .entry(name)
                    .or_insert_with(|| unique(card.created_at, &mut taken));
            }
        }
    }
    let mut decks = serde_json::Map::new();
    decks.insert("1".into(), deck_json(1, "Default", now));
    for (name, id) in &deck_ids {
        decks.insert(id.to_string(), deck_json(*id, name, now));
    }

    let mut note_ids = HashSet::new();
    let mut card_ids: HashSet<i64> = HashSet::new();
    let mut anki_card: HashMap<&str, i64> = HashMap::new();
    let mut new_position = 0i64;
    for note in notes {
        let first_card = note.cards.first().map(|(_, c)| *c);
        let nid = unique(
            first_card.map_or(now, |c| made_at(&c.id, c.created_at)),
            &mut note_ids,
        );
        let mut fields = note.fields.clone();
        // Pictures and sounds go with the side they show on: the front's in the first
        // field, the back's in the second (for a cloze, its extra).
        if let Some(card) = first_card {
            let (front, back) = if note.notetype == BASIC_REVERSED || note.notetype == BASIC {
                (
                    media_html(card, CardSide::Front, media),
                    media_html(card, CardSide::Back, media),
                )
            } else {
                (String::new(), {
                    let mut all = media_html(card, CardSide::Front, media);
                    all.push_str(&media_html(card, CardSide::Back, media));
                    all
                })
            };
            if let Some(first) = fields.first_mut() {
                append(first, &front);
            }
            if let Some(second) = fields.get_mut(1) {
                append(second, &back);
            }
        }
        let modified = note
            .cards
            .iter()
            .map(|(_, c)| c.updated_at)
            .max()
            .unwrap_or(now)
            / 1000;
        let first_field = fields.first().cloned().unwrap_or_default();
        conn.execute(
            "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)
             VALUES (?1, ?2, ?3, ?4, -1, '', ?5, ?6, ?7, 0, '')",
            params![
                nid,
                note.guid,
                note.notetype,
                modified,
                fields.join(&FIELD_SEPARATOR.to_string()),
                super::anki::strip_html(&first_field),
                checksum(&first_field),
            ],
        )?;
        for (ord, card) in &note.cards {
            let cid = unique(made_at(&card.id, card.created_at), &mut card_ids);
            anki_card.insert(card.id.as_str(), cid);
            let did = deck_ids.get(&card.deck).copied().unwrap_or(1);
            let schedule = schedule(card, crt, &mut new_position);
            conn.execute(
                "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor,
                                    reps, lapses, left, odue, odid, flags, data)
                 VALUES (?1, ?2, ?3, ?4, ?5, -1, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, 0, 0, ?14)",
                params![
                    cid,
                    nid,
                    did,
                    ord,
                    card.updated_at / 1000,
                    schedule.kind,
                    schedule.queue,
                    schedule.due,
                    schedule.interval,
                    schedule.ease,
                    card.reps,
                    card.lapses,
                    schedule.left,
                    schedule.data,
                ],
            )?;
        }
    }

    // The review log: each answer with the interval it set and the one before.
    let mut revlog_ids = HashSet::new();
    let mut last: HashMap<&str, (i64, bool)> = HashMap::new();
    for review in reviews {
        let Some(cid) = anki_card.get(review.card_id.as_str()) else {
            continue;
        };
        let interval = anki_interval(review.due - review.reviewed_at);
        let (last_interval, reviewed_before) = last
            .get(review.card_id.as_str())
            .copied()
            .unwrap_or((0, false));
        // Anki's kinds: 0 learning, 1 review, 2 relearning.
        let kind = match review.kind.as_str() {
            "review" => 1,
            "learning" if reviewed_before => 2,
            _ => 0,
        };
        let ease_factor = if kind == 1 { STARTING_EASE } else { 0 };
        conn.execute(
            "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)
             VALUES (?1, ?2, -1, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                unique(review.reviewed_at, &mut revlog_ids),
                cid,
                review.rating,
                interval,
                last_interval,
                ease_factor,
                review.duration_ms.clamp(0, i64::from(i32::MAX)),
                kind,
            ],
        )?;
        last.insert(
            review.card_id.as_str(),
            (interval, reviewed_before || review.kind == "review"),
        );
    }

    conn.execute(
        "INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags)
         VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
        params![
            crt,
            now,
            collection_config().to_string(),
            note_types(now).to_string(),
            Value::Object(decks).to_string(),
            deck_configs().to_string(),
        ],
    )?;
    let bytes = conn.serialize(MAIN_DB)?;
    Ok(bytes.to_vec())
}

fn append(field: &mut String, media: &str) {
    if media.is_empty() {
        return;
    }
    if !field.is_empty() {
        field.push(' ');
    }
    field.push_str(media);
}

/// An interval as Anki's review log keeps it: whole days, or (under a day) negative
/// seconds.
fn anki_interval(ms: i64) -> i64 {
    if ms >= DAY_MS {
        (ms + DAY_MS / 2) / DAY_MS
    } else {
        -(ms.max(0) / 1000)
    }
}

/// A card's place in Anki's scheduler.
struct Schedule {
    kind: i64,
    queue: i64,
    due: i64,
    interval: i64,
    ease: i64,
    left: i64,
    data: String,
}

fn schedule(card: &Card, crt: i64, new_position: &mut i64) -> Schedule {
    let suspended = |queue: i64| if card.suspended { -1 } else { queue };
    let (Some(due), Some(last)) = (card.due, card.last_review) else {
        *new_position += 1;
        return Schedule {
            kind: 0,
            queue: suspended(0),
            due: *new_position,
            interval: 0,
            ease: 0,
            left: 0,
            data: "{}".into(),
        };
    };
    // FSRS's memory of the card, which an Anki with FSRS on carries on from.
    let mut data = serde_json::Map::new();
    if let (Some(s), Some(d)) = (card.stability, card.difficulty)
        && s.is_finite()
        && d.is_finite()
        && s > 0.0
    {
        data.insert("s".into(), json!((s * 10_000.0).round() / 10_000.0));
        data.insert(
            "d".into(),
            json!((d.clamp(1.0, 10.0) * 1_000.0).round() / 1_000.0),
        );
    }
    data.insert("lrt".into(), json!(last / 1000));
    let data = Value::Object(data).to_string();
    if due - last >= DAY_MS {
        Schedule {
            kind: 2,
            queue: suspended(2),
            due: (due / 1000 - crt).div_euclid(86_400),
            interval: anki_interval(due - last),
            ease: STARTING_EASE,
            left: 0,
            data,
        }
    } else {
        Schedule {
            kind: if card.lapses > 0 { 3 } else { 1 },
            queue: suspended(1),
            due: due / 1000,
            interval: 0,
            ease: if card.lapses > 0 { STARTING_EASE } else { 0 },
            left: 1,
            data,
        }
    }
}

fn deck_json(id: i64, name: &str, now: i64) -> Value {
    json!({
        "id": id, "mod": now / 1000, "name": name, "usn": -1,
        "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0],
        "collapsed": false, "browserCollapsed": false, "desc": "", "dyn": 0, "conf": 1,
        "extendNew": 0, "extendRev": 0
    })
}

fn collection_config() -> Value {
    json!({
        "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200,
        "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": BASIC,
        "nextPos": 1, "sortType": "noteFld", "sortBackwards": false, "addToCur": true,
        "schedVer": 2, "sched2021": true, "creationOffset": 0, "dayLearnFirst": false
    })
}

fn deck_configs() -> Value {
    json!({"1": {
        "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": STARTING_EASE,
                "ints": [1, 4, 0], "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500,
                "perDay": 200, "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1,
                  "mult": 0.0}
    }})
}

const CSS: &str = ".card {\n    font-family: arial;\n    font-size: 20px;\n    line-height: 1.5;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n";

fn field(name: &str, ord: i64) -> Value {
    json!({"name": name, "ord": ord, "sticky": false, "rtl": false, "font": "Arial",
           "size": 20, "description": "", "plainText": false, "collapsed": false,
           "excludeFromSearch": false})
}

fn template(name: &str, ord: i64, question: &str, answer: &str) -> Value {
    json!({"name": name, "ord": ord, "qfmt": question, "afmt": answer, "bqfmt": "",
           "bafmt": "", "did": null, "bfont": "", "bsize": 0})
}

fn note_type(
    id: i64,
    name: &str,
    cloze: bool,
    fields: &[&str],
    templates: Vec<Value>,
    now: i64,
) -> Value {
    let css = if cloze {
        format!("{CSS}.cloze {{\n    font-weight: bold;\n    color: blue;\n}}\n")
    } else {
        CSS.to_owned()
    };
    json!({
        "id": id, "name": name, "type": i64::from(cloze), "mod": now / 1000, "usn": -1,
        "sortf": 0, "did": null, "tmpls": templates,
        "flds": fields.iter().enumerate().map(|(n, f)| field(f, n as i64)).collect::<Vec<_>>(),
        "css": css,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}", "latexsvg": false,
        "req": [[0, "any", [0]]], "tags": [], "vers": []
    })
}

fn note_types(now: i64) -> Value {
    let answer = |field: &str| format!("{{{{FrontSide}}}}\n\n<hr id=answer>\n\n{{{{{field}}}}}");
    json!({
        BASIC.to_string(): note_type(BASIC, "Satchel Basic", false, &["Front", "Back"],
            vec![template("Card 1", 0, "{{Front}}", &answer("Back"))], now),
        BASIC_REVERSED.to_string(): note_type(BASIC_REVERSED, "Satchel Basic (and reversed card)", false,
            &["Front", "Back"],
            vec![
                template("Card 1", 0, "{{Front}}", &answer("Back")),
                template("Card 2", 1, "{{Back}}", &answer("Front")),
            ], now),
        CLOZE.to_string(): note_type(CLOZE, "Satchel Cloze", true, &["Text", "Back Extra"],
            vec![template("Cloze", 0, "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")], now),
    })
}

/// Anki's schema 11, as Anki writes it.
const SCHEMA_11: &str = "
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL,
  scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL,
  ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL,
  dconf text NOT NULL, tags text NOT NULL);
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL,
  mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL,
  sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL,
  ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL,
  queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL,
  reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL,
  odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL,
  ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL,
  factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
";

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, kind: CardKind, front: &str, back: &str) -> Card {
        Card {
            id: id.into(),
            deck: "D".into(),
            kind,
            generator: "hand".into(),
            front: front.into(),
            back: back.into(),
            choices: Vec::new(),
            media: Vec::new(),
            external_id: None,
            family: Some("f".into()),
            seq: 0,
            created_at: 0,
            updated_at: 0,
            suspended: false,
            due: None,
            stability: None,
            difficulty: None,
            last_review: None,
            reps: 0,
            lapses: 0,
        }
    }

    #[test]
    fn a_cloze_family_becomes_one_sentence_with_its_numbers() {
        let b = CLOZE_BLANK;
        let one = card(
            "1",
            CardKind::Cloze,
            &format!("{b} make proteins; lysosomes <digest>."),
            "Ribosomes",
        );
        let mut two = card(
            "2",
            CardKind::Cloze,
            &format!("Ribosomes make proteins; {b} <digest>."),
            "lysosomes",
        );
        // Two cards of one number are not one cloze.
        assert_eq!(cloze_text(&[&one, &two]), None);
        two.seq = 1;
        assert_eq!(
            cloze_text(&[&one, &two]).as_deref(),
            Some("{{c1::Ribosomes}} make proteins; {{c2::lysosomes}} &lt;digest&gt;.")
        );
        // Cards that are not one sentence stay apart.
        let mut other = card("3", CardKind::Cloze, &format!("Cells {b} divide."), "often");
        other.seq = 1;
        assert_eq!(cloze_text(&[&one, &other]), None);
        // Anki would read `::` in an answer as a hint.
        let code = card(
            "5",
            CardKind::Cloze,
            &format!("In C++, {b} holds text."),
            "std::string",
        );
        assert_eq!(cloze_text(&[&code]), None);
        // An answer that does not fit its place (a hint instead of a blank) too.
        let hinted = card(
            "4",
            CardKind::Cloze,
            "[organelle] make proteins",
            "Ribosomes",
        );
        assert_eq!(cloze_text(&[&hinted]), None);
    }

    #[test]
    fn a_card_and_its_reverse_are_one_note_and_others_stay_alone() {
        let forward = card("1", CardKind::Basic, "el ñandú", "the rhea");
        let mut reverse = card("2", CardKind::Reversed, "the rhea", "el ñandú");
        reverse.seq = 1;
        let cards = [forward, reverse];
        let notes = notes(&cards);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].notetype, BASIC_REVERSED);
        assert_eq!(
            notes[0].cards.iter().map(|(o, _)| *o).collect::<Vec<_>>(),
            [0, 1]
        );

        let mut other = card("3", CardKind::Reversed, "the emu", "el emú");
        other.family = Some("g".into());
        let mut loose = card("4", CardKind::Basic, "a", "b");
        loose.family = Some("g".into());
        let apart = [loose, other];
        let notes = super::notes(&apart);
        assert_eq!(notes.len(), 2);
        assert!(notes.iter().all(|n| n.notetype == BASIC));
        assert_ne!(notes[0].guid, notes[1].guid);
    }

    #[test]
    fn intervals_are_days_or_negative_seconds_and_text_is_escaped() {
        assert_eq!(anki_interval(3 * DAY_MS), 3);
        assert_eq!(anki_interval(600_000), -600);
        assert_eq!(
            html("a < b & \"c\"\nd"),
            "a &lt; b &amp; &quot;c&quot;<br>d"
        );
        let mut taken = HashSet::new();
        assert_eq!(media_name("../../cat.png", &mut taken), "cat.png");
        assert_eq!(media_name("cat.png", &mut taken), "cat-2.png");
        assert_eq!(media_name("CAT.png", &mut taken), "CAT-3.png");
        assert_eq!(media_name("a:b", &mut taken), "a_b");
    }
}
