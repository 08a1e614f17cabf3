//! The schema: which documents there are and what each holds.
//!
//! - `reviews/YYYY-MM`: the reviews made in a month (UTC), each under `r:<review id>`
//!   as one JSON string, never changed; an undone review is marked `u:<review id>`.
//!   Keys are never objects made on two devices at once, so nothing is shadowed by a
//!   concurrent twin: the log is a set, and its union is every review.
//! - `cards/<deck id>`: a deck's cards, each a map under its card id, field by field,
//!   so a suspension on one device and an edit on another both stand.
//! - `notes/<note id>`: a note's title and body as text, merged character by
//!   character.
//! - `decks/all`, `sources/<source id>`, `progress/summary` and `lessons/<lesson id>`:
//!   the decks, a library source with its text, the learner's progress summary and a
//!   lesson a teacher gave (see [`DocId`]'s constructors).

use std::fmt;

use automerge::transaction::Transactable;
use automerge::{AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value};
use serde::{Deserialize, Serialize};

use crate::SyncError;

const MAX_DOC_ID: usize = 160;

/// A document's name: its kind and what it is of.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(String);

impl DocId {
    pub fn reviews_of_month(reviewed_at_ms: i64) -> DocId {
        let (year, month) = year_month(reviewed_at_ms);
        DocId(format!("reviews/{year:04}-{month:02}"))
    }

    pub fn cards_of_deck(deck_id: &str) -> DocId {
        DocId(format!("cards/{deck_id}"))
    }

    pub fn note(note_id: &str) -> DocId {
        DocId(format!("notes/{note_id}"))
    }

    /// What a teacher may see of the learner's progress (the classroom reads it).
    pub fn progress() -> DocId {
        DocId("progress/summary".to_owned())
    }

    pub fn source(source_id: &str) -> DocId {
        DocId(format!("sources/{source_id}"))
    }

    /// A lesson a teacher assigned: what to study (JSON the app reads), written by the
    /// teacher's device and carried to each student's documents by the class server.
    /// A lesson's document; its id is [`class_lesson_id`]'s.
    pub fn lesson(lesson_id: &str) -> DocId {
        DocId(format!("lessons/{lesson_id}"))
    }

    /// Every deck's name, by id.
    pub fn decks() -> DocId {
        DocId("decks/all".to_owned())
    }

    /// A name as a peer sent it, checked: a kind in plain lowercase letters, and plain
    /// characters. Kinds this version does not know are kept and passed on but not
    /// read, so a server or device older than its peers carries their documents
    /// without understanding them.
    pub fn parse(text: &str) -> Result<DocId, SyncError> {
        let bad = || SyncError::BadDocId(text.chars().take(MAX_DOC_ID).collect());
        let (kind, rest) = text.split_once('/').ok_or_else(bad)?;
        let plain = !rest.is_empty()
            && text.len() <= MAX_DOC_ID
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
        let kind_ok =
            (1..=16).contains(&kind.len()) && kind.bytes().all(|b| b.is_ascii_lowercase());
        if !plain || !kind_ok {
            return Err(bad());
        }
        Ok(DocId(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn kind(&self) -> &str {
        self.0.split('/').next().unwrap_or_default()
    }

    /// What the document is of: the month, the deck's id or the note's id.
    pub fn subject(&self) -> &str {
        self.0.split_once('/').map_or("", |(_, s)| s)
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The UTC year and month of a moment, from days since 1970 (Howard Hinnant's civil
/// date algorithm): no calendar crate for one conversion.
fn year_month(ms: i64) -> (i64, u32) {
    let days = ms.div_euclid(86_400_000);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, u32::try_from(month).unwrap_or(1))
}

/// A review as the log keeps it on every device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub id: String,
    pub card_id: String,
    pub reviewed_at: i64,
    /// 1 again … 4 easy.
    pub rating: u8,
    /// new, learning or review.
    pub kind: String,
    pub elapsed_days: u32,
    pub duration_ms: i64,
    pub stability: f32,
    pub difficulty: f32,
    pub due: i64,
    pub origin: String,
}

/// Every review, and those undone (with when).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReviewLog {
    pub reviews: std::collections::BTreeMap<String, Review>,
    pub undone: std::collections::BTreeMap<String, i64>,
}

/// A card as devices share it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub deck_id: String,
    pub kind: String,
    pub front: String,
    pub back: String,
    pub suspended: bool,
    pub deleted: bool,
    /// What wrote it ("hand", "cloze", "easier", …), as the window says; empty in a
    /// card shared by a Satchel that did not share it.
    #[serde(default)]
    pub generator: String,
    /// A choice card's wrong choices.
    #[serde(default)]
    pub choices: Vec<String>,
    /// Its pictures and sounds, by content: the files themselves move separately.
    #[serde(default)]
    pub media: Vec<MediaRef>,
}

/// A picture or sound on a card, named by the sha256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaRef {
    pub sha256: String,
    /// Its file name where it came from ("heart.png").
    pub name: String,
    pub mime: String,
    /// "front" or "back".
    pub side: String,
}

/// A source in the library (a recording, a photo, a document) as devices share it:
/// what it is and where its original is, and the text read from it. The app gives
/// both as JSON of its own; the original moves as media, by its sha256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub meta: String,
    pub content: String,
    pub deleted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub id: String,
    pub title: String,
    pub body: String,
    /// Deleted on some device: its text stays in the document, the note goes.
    pub deleted: bool,
}

pub(crate) fn add_review(doc: &mut AutoCommit, review: &Review) -> Result<(), SyncError> {
    let key = format!("r:{}", review.id);
    if doc.get(ROOT, key.as_str())?.is_none() {
        let json = serde_json::to_string(review).map_err(|e| SyncError::BadContent {
            doc: "reviews".into(),
            what: e.to_string(),
        })?;
        doc.put(ROOT, key, json)?;
    }
    Ok(())
}

pub(crate) fn mark_undone(doc: &mut AutoCommit, review_id: &str, at: i64) -> Result<(), SyncError> {
    let key = format!("u:{review_id}");
    if doc.get(ROOT, key.as_str())?.is_none() {
        doc.put(ROOT, key, at)?;
    }
    Ok(())
}

pub(crate) fn read_reviews(
    id: &DocId,
    doc: &AutoCommit,
    log: &mut ReviewLog,
) -> Result<(), SyncError> {
    for key in doc.keys(ROOT) {
        let value = doc.get(ROOT, key.as_str())?;
        let bad = |what: &str| SyncError::BadContent {
            doc: id.to_string(),
            what: format!("{what} {key}"),
        };
        if let Some(review_id) = key.strip_prefix("r:") {
            let Some((Value::Scalar(scalar), _)) = value else {
                return Err(bad("review"));
            };
            let ScalarValue::Str(json) = scalar.as_ref() else {
                return Err(bad("review"));
            };
            let review: Review = serde_json::from_str(json).map_err(|_| bad("review"))?;
            if review.id != review_id {
                return Err(bad("review"));
            }
            log.reviews.insert(review.id.clone(), review);
        } else if let Some(review_id) = key.strip_prefix("u:") {
            let Some((Value::Scalar(scalar), _)) = value else {
                return Err(bad("undo"));
            };
            let ScalarValue::Int(at) = scalar.as_ref() else {
                return Err(bad("undo"));
            };
            log.undone.insert(review_id.to_owned(), *at);
        }
    }
    Ok(())
}

fn card_object(doc: &mut AutoCommit, card_id: &str) -> Result<ObjId, SyncError> {
    match doc.get(ROOT, card_id)? {
        Some((Value::Object(ObjType::Map), id)) => Ok(id),
        _ => Ok(doc.put_object(ROOT, card_id, ObjType::Map)?),
    }
}

fn text_field(doc: &AutoCommit, obj: &ObjId, field: &str) -> Result<Option<String>, SyncError> {
    Ok(match doc.get(obj, field)? {
        Some((Value::Scalar(s), _)) => match s.as_ref() {
            ScalarValue::Str(text) => Some(text.to_string()),
            _ => None,
        },
        _ => None,
    })
}

fn bool_field(doc: &AutoCommit, obj: &ObjId, field: &str) -> Result<bool, SyncError> {
    Ok(matches!(
        doc.get(obj, field)?,
        Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Boolean(true))
    ))
}

/// Writes the fields of `card` that differ from the document's, so that edits of
/// other fields made elsewhere stand.
pub(crate) fn put_card(doc: &mut AutoCommit, card: &Card) -> Result<(), SyncError> {
    let obj = card_object(doc, &card.id)?;
    // What wrote a card never changes; it is written once it is known.
    if !card.generator.is_empty()
        && text_field(doc, &obj, "generator")?.as_deref() != Some(card.generator.as_str())
    {
        doc.put(&obj, "generator", card.generator.as_str())?;
    }
    for (field, value) in [
        ("kind", &card.kind),
        ("front", &card.front),
        ("back", &card.back),
    ] {
        if text_field(doc, &obj, field)?.as_deref() != Some(value.as_str()) {
            doc.put(&obj, field, value.as_str())?;
        }
    }
    for (field, value) in [("suspended", card.suspended), ("deleted", card.deleted)] {
        if bool_field(doc, &obj, field)? != value {
            doc.put(&obj, field, value)?;
        }
    }
    // Lists are whole values: two devices changing a card's choices or pictures at
    // once keep one side's list, never a mix of both.
    for (field, value) in [
        ("choices", serde_json::to_string(&card.choices)),
        ("media", serde_json::to_string(&card.media)),
    ] {
        let value = value.map_err(|e| SyncError::BadContent {
            doc: card.id.clone(),
            what: e.to_string(),
        })?;
        let now = text_field(doc, &obj, field)?;
        let empty = value == "[]" && now.is_none();
        if !empty && now.as_deref() != Some(value.as_str()) {
            doc.put(&obj, field, value)?;
        }
    }
    Ok(())
}

fn list_field<T: serde::de::DeserializeOwned>(
    doc: &AutoCommit,
    obj: &ObjId,
    field: &str,
) -> Result<Vec<T>, SyncError> {
    Ok(text_field(doc, obj, field)?
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default())
}

pub(crate) fn read_cards(
    id: &DocId,
    doc: &AutoCommit,
    cards: &mut Vec<Card>,
) -> Result<(), SyncError> {
    for card_id in doc.keys(ROOT) {
        let Some((Value::Object(ObjType::Map), obj)) = doc.get(ROOT, card_id.as_str())? else {
            return Err(SyncError::BadContent {
                doc: id.to_string(),
                what: format!("card {card_id}"),
            });
        };
        cards.push(Card {
            id: card_id.clone(),
            deck_id: id.subject().to_owned(),
            kind: text_field(doc, &obj, "kind")?.unwrap_or_default(),
            front: text_field(doc, &obj, "front")?.unwrap_or_default(),
            back: text_field(doc, &obj, "back")?.unwrap_or_default(),
            suspended: bool_field(doc, &obj, "suspended")?,
            deleted: bool_field(doc, &obj, "deleted")?,
            generator: text_field(doc, &obj, "generator")?.unwrap_or_default(),
            choices: list_field(doc, &obj, "choices")?,
            media: list_field(doc, &obj, "media")?,
        });
    }
    Ok(())
}

fn text_object(doc: &mut AutoCommit, field: &str) -> Result<ObjId, SyncError> {
    match doc.get(ROOT, field)? {
        Some((Value::Object(ObjType::Text), id)) => Ok(id),
        _ => Ok(doc.put_object(ROOT, field, ObjType::Text)?),
    }
}

/// Sets a note's title and body, as the smallest edits from what the document has.
pub(crate) fn put_note(doc: &mut AutoCommit, note: &Note) -> Result<(), SyncError> {
    for (field, text) in [("title", &note.title), ("body", &note.body)] {
        let obj = text_object(doc, field)?;
        if doc.text(&obj)? != *text {
            doc.update_text(&obj, text.as_str())?;
        }
    }
    if note.deleted && !bool_field(doc, &ROOT, "deleted")? {
        doc.put(ROOT, "deleted", true)?;
    }
    Ok(())
}

pub(crate) fn read_note(id: &DocId, doc: &AutoCommit) -> Result<Note, SyncError> {
    let text = |field: &str| -> Result<String, SyncError> {
        match doc.get(ROOT, field)? {
            Some((Value::Object(ObjType::Text), obj)) => Ok(doc.text(&obj)?),
            None => Ok(String::new()),
            _ => Err(SyncError::BadContent {
                doc: id.to_string(),
                what: field.to_owned(),
            }),
        }
    };
    Ok(Note {
        id: id.subject().to_owned(),
        title: text("title")?,
        body: text("body")?,
        deleted: bool_field(doc, &ROOT, "deleted")?,
    })
}

/// Sets the learner's progress summary (JSON the app and the classroom read), when it
/// differs: one device's word on it is as good as another's.
pub(crate) fn put_progress(doc: &mut AutoCommit, summary: &str) -> Result<(), SyncError> {
    if text_field(doc, &ROOT, "summary")?.as_deref() != Some(summary) {
        doc.put(ROOT, "summary", summary)?;
    }
    Ok(())
}

pub(crate) fn read_progress(doc: &AutoCommit) -> Result<Option<String>, SyncError> {
    text_field(doc, &ROOT, "summary")
}

/// Sets a lesson (JSON, whole: only its teacher writes it), when it differs.
pub(crate) fn put_lesson(doc: &mut AutoCommit, lesson: &str) -> Result<(), SyncError> {
    if text_field(doc, &ROOT, "lesson")?.as_deref() != Some(lesson) {
        doc.put(ROOT, "lesson", lesson)?;
    }
    Ok(())
}

pub(crate) fn read_lesson(doc: &AutoCommit) -> Result<Option<String>, SyncError> {
    text_field(doc, &ROOT, "lesson")
}

/// Writes what differs: the title, the metadata and content (each whole), deletion.
pub(crate) fn put_source(doc: &mut AutoCommit, source: &Source) -> Result<(), SyncError> {
    for (field, value) in [
        ("title", &source.title),
        ("meta", &source.meta),
        ("content", &source.content),
    ] {
        if text_field(doc, &ROOT, field)?.as_deref() != Some(value.as_str()) {
            doc.put(ROOT, field, value.as_str())?;
        }
    }
    if source.deleted && !bool_field(doc, &ROOT, "deleted")? {
        doc.put(ROOT, "deleted", true)?;
    }
    Ok(())
}

pub(crate) fn read_source(id: &DocId, doc: &AutoCommit) -> Result<Source, SyncError> {
    Ok(Source {
        id: id.subject().to_owned(),
        title: text_field(doc, &ROOT, "title")?.unwrap_or_default(),
        meta: text_field(doc, &ROOT, "meta")?.unwrap_or_default(),
        content: text_field(doc, &ROOT, "content")?.unwrap_or_default(),
        deleted: bool_field(doc, &ROOT, "deleted")?,
    })
}

pub(crate) fn put_deck(doc: &mut AutoCommit, id: &str, name: &str) -> Result<(), SyncError> {
    let same = matches!(
        doc.get(ROOT, id)?,
        Some((Value::Scalar(s), _)) if matches!(s.as_ref(), ScalarValue::Str(n) if n.as_str() == name)
    );
    if !same {
        doc.put(ROOT, id, name)?;
    }
    Ok(())
}

pub(crate) fn read_decks(doc: &AutoCommit) -> Result<Vec<(String, String)>, SyncError> {
    let mut decks = Vec::new();
    for id in doc.keys(ROOT) {
        if let Some((Value::Scalar(s), _)) = doc.get(ROOT, id.as_str())?
            && let ScalarValue::Str(name) = s.as_ref()
        {
            decks.push((id.clone(), name.to_string()));
        }
    }
    Ok(decks)
}

/// The id of the lesson `material` makes for the class `class_id`: keyed by the class,
/// so two classes' lessons are never one document (a student in both gets both), and
/// the server takes a lesson for a class only under its class's id.
pub fn class_lesson_id(class_id: &str, material: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("{class_id}/{material}").as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lesson_id_is_keyed_by_its_class() {
        // `printf 'c1/s1' | sha256sum`, its first 32 digits.
        assert_eq!(
            class_lesson_id("c1", "s1"),
            "6c5ffc3d67dd2d70daa142c1e1497f99"
        );
        assert_ne!(class_lesson_id("c1", "s1"), class_lesson_id("c2", "s1"));
        assert!(DocId::parse(DocId::lesson(&class_lesson_id("c", "s")).as_str()).is_ok());
    }

    #[test]
    fn months_are_the_calendars() {
        assert_eq!(year_month(0), (1970, 1));
        // 2026-11-29 and the last millisecond of 2024-02-29.
        assert_eq!(year_month(1_795_996_800_000), (2026, 11));
        assert_eq!(year_month(1_709_251_199_999), (2024, 2));
        assert_eq!(year_month(1_709_251_200_000), (2024, 3));
        assert_eq!(year_month(-1), (1969, 12));
        assert_eq!(
            DocId::reviews_of_month(1_795_996_800_000).as_str(),
            "reviews/2026-11"
        );
    }

    #[test]
    fn only_the_schemas_names_are_documents() {
        // `lessons` is a kind a later version may add: passed on, not read.
        for good in [
            "reviews/2026-11",
            "cards/01a2-b",
            "notes/x:y.z",
            "lessons/1",
        ] {
            assert_eq!(DocId::parse(good).unwrap().as_str(), good);
        }
        for bad in [
            "",
            "reviews",
            "reviews/",
            "Secrets/x",
            "kindwithfarmorethansixteenletters/x",
            "ki-nd/x",
            "notes/../x",
            "notes/a b",
            "cards/é",
        ] {
            assert!(DocId::parse(bad).is_err(), "{bad}");
        }
        assert!(DocId::parse(&format!("notes/{}", "a".repeat(200))).is_err());
    }
}
