//! Cards written by hand, decks, and keeping cards out of reviews for a while.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Row};
use satchel_types::{
    CardDraft, CardKind, CardMedia, CardSide, DeckView, Event, Field, MediaFile, StudyCard,
};
use sha2::{Digest, Sha256};

use super::review::days;
use crate::error::OrNotFound;
use crate::ids::CardId;
use crate::profile::{Profile, Tx};
use crate::store::{self, cards};
use crate::{Error, Result};

/// What a cloze card shows where its words are hidden.
pub const CLOZE_BLANK: &str = "[…]";
const SIDE_MAX_CHARS: usize = 10_000;
const MAX_CHOICES: usize = 8;
/// A picture or sound on a card is this large at most.
const MEDIA_MAX_BYTES: u64 = 32 << 20;

fn other_side(side: CardSide) -> CardSide {
    match side {
        CardSide::Front => CardSide::Back,
        CardSide::Back => CardSide::Front,
    }
}

/// The media type of a picture or sound a card can show, by its file's name.
pub(crate) fn media_type(name: &str) -> Option<&'static str> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    CARD_MEDIA_TYPES
        .iter()
        .find(|(e, _)| *e == extension)
        .map(|(_, mime)| *mime)
}

/// The pictures and sounds a card can show: file extension and media type.
pub const CARD_MEDIA_TYPES: &[(&str, &str)] = &[
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("svg", "image/svg+xml"),
    ("mp3", "audio/mpeg"),
    ("ogg", "audio/ogg"),
    ("oga", "audio/ogg"),
    ("opus", "audio/opus"),
    ("wav", "audio/wav"),
    ("m4a", "audio/mp4"),
    ("aac", "audio/mp4"),
    ("flac", "audio/flac"),
];

pub(crate) const HAND: &str = "hand";

pub(crate) const STUDY_COLUMNS: &str = "c.id, c.kind, c.deck_id, d.name, c.front, c.back, \
     c.choices, c.media, c.source_ref, c.pack_id, c.suspended, c.buried_until, c.due, \
     c.stability, c.difficulty, c.last_review, c.reps, c.lapses, c.generator";
pub(crate) const STUDY_FROM: &str = "cards c LEFT JOIN decks d ON d.id = c.deck_id";

pub(crate) fn study_card(row: &Row<'_>) -> rusqlite::Result<StudyCard> {
    let json = |at: usize| -> rusqlite::Result<Option<String>> { row.get(at) };
    Ok(StudyCard {
        id: row.get(0)?,
        kind: cards::kind(row.get_ref(1)?.as_str()?),
        deck_id: row.get(2)?,
        deck: row.get(3)?,
        front: row.get(4)?,
        back: row.get(5)?,
        choices: json(6)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default(),
        media: json(7)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default(),
        source_ref: json(8)?.and_then(|text| serde_json::from_str(&text).ok()),
        pack_id: row.get(9)?,
        suspended: row.get::<_, i64>(10)? != 0,
        buried_until: row.get(11)?,
        due: row.get(12)?,
        stability: row.get::<_, Option<f64>>(13)?.map(|v| v as f32),
        difficulty: row.get::<_, Option<f64>>(14)?.map(|v| v as f32),
        last_review: row.get(15)?,
        reps: u32::try_from(row.get::<_, i64>(16)?).unwrap_or(0),
        lapses: u32::try_from(row.get::<_, i64>(17)?).unwrap_or(0),
        generator: row.get(18)?,
    })
}

pub(crate) fn card(conn: &Connection, id: &CardId) -> Result<StudyCard> {
    conn.prepare_cached(&format!(
        "SELECT {STUDY_COLUMNS} FROM {STUDY_FROM} WHERE c.id = ?1"
    ))?
    .query_row([id], study_card)
    .optional()?
    .or_not_found(id)
}

/// A card's id from its id or a unique prefix of it (as the CLI prints them).
fn card_id(conn: &Connection, id_or_prefix: &str) -> Result<CardId> {
    let not_found = || CardId::from(id_or_prefix).not_found();
    if id_or_prefix.len() < 4
        || !id_or_prefix
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == '-')
    {
        return Err(not_found());
    }
    let mut statement =
        conn.prepare_cached("SELECT id FROM cards WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2")?;
    let ids: Vec<CardId> = statement
        .query_map([id_or_prefix], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [id] => Ok(id.clone()),
        [] => Err(not_found()),
        _ => Err(Error::InvalidInput(format!(
            "more than one card starts with {id_or_prefix:?}"
        ))),
    }
}

/// The cards a cloze text makes: one for each number marked `{{cN::words}}` (or
/// `{{cN::words::hint}}`), that number's words hidden and the others shown. The back
/// is the hidden words.
pub fn cloze_cards(text: &str) -> Vec<(String, String)> {
    let marks = cloze_marks(text);
    let mut numbers: Vec<u32> = marks.iter().map(|m| m.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .into_iter()
        .map(|number| cloze_of(text, &marks, number))
        .collect()
}

/// The card of cloze number `number` in `text`, if it marks any words with it.
pub fn cloze_card(text: &str, number: u32) -> Option<(String, String)> {
    let marks = cloze_marks(text);
    marks
        .iter()
        .any(|m| m.number == number)
        .then(|| cloze_of(text, &marks, number))
}

fn cloze_of(text: &str, marks: &[ClozeMark], number: u32) -> (String, String) {
    let mut front = String::new();
    let mut hidden = Vec::new();
    let mut at = 0;
    for mark in marks {
        front.push_str(&text[at..mark.start]);
        if mark.number == number {
            match &mark.hint {
                Some(hint) => front.push_str(&format!("[{hint}]")),
                None => front.push_str(CLOZE_BLANK),
            }
            hidden.push(mark.words.clone());
        } else {
            front.push_str(&mark.words);
        }
        at = mark.end;
    }
    front.push_str(&text[at..]);
    (front, hidden.join(", "))
}

struct ClozeMark {
    start: usize,
    end: usize,
    number: u32,
    words: String,
    hint: Option<String>,
}

fn cloze_marks(text: &str) -> Vec<ClozeMark> {
    let mut marks = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{c").map(|i| i + from) {
        let rest = &text[open + 3..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let Ok(number) = rest[..digits].parse::<u32>() else {
            from = open + 3;
            continue;
        };
        let body_start = open + 3 + digits;
        if !text[body_start..].starts_with("::") {
            from = body_start;
            continue;
        }
        let Some(close) = text[body_start + 2..]
            .find("}}")
            .map(|i| i + body_start + 2)
        else {
            break;
        };
        let body = &text[body_start + 2..close];
        let (words, hint) = match body.split_once("::") {
            Some((words, hint)) => (words, Some(hint.trim().to_owned())),
            None => (body, None),
        };
        marks.push(ClozeMark {
            start: open,
            end: close + 2,
            number,
            words: words.to_owned(),
            hint: hint.filter(|h| !h.is_empty()),
        });
        from = close + 2;
    }
    marks
}

fn check_side(text: &str, side: Field) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::Rule(satchel_types::ErrorDetail::Required {
            field: side,
        }));
    }
    if text.chars().count() > SIDE_MAX_CHARS {
        return Err(Error::Rule(satchel_types::ErrorDetail::TooLong {
            field: side,
            max: SIDE_MAX_CHARS as u64,
        }));
    }
    Ok(())
}

/// A card a draft makes.
#[derive(Debug)]
struct Sides {
    kind: CardKind,
    front: String,
    back: String,
    choices: Vec<String>,
}

fn sides(kind: CardKind, front: String, back: String, choices: Vec<String>) -> Sides {
    Sides {
        kind,
        front,
        back,
        choices,
    }
}

/// The cards a draft makes.
fn drafted(draft: &CardDraft) -> Result<Vec<Sides>> {
    let front = draft.front.trim().to_owned();
    let back = draft.back.trim().to_owned();
    check_side(&front, Field::CardFront)?;
    Ok(match draft.kind {
        CardKind::Cloze => {
            let cards = cloze_cards(&front);
            if cards.is_empty() {
                return Err(Error::Rule(satchel_types::ErrorDetail::ClozeUnmarked));
            }
            if cards.iter().any(|(_, hidden)| hidden.trim().is_empty()) {
                return Err(Error::Rule(satchel_types::ErrorDetail::ClozeEmpty));
            }
            cards
                .into_iter()
                .map(|(front, back)| sides(CardKind::Cloze, front, back, Vec::new()))
                .collect()
        }
        CardKind::Choice => {
            check_side(&back, Field::CardBack)?;
            let mut choices: Vec<String> = draft
                .choices
                .iter()
                .map(|c| c.trim().to_owned())
                .filter(|c| !c.is_empty() && *c != back)
                .collect();
            choices.dedup();
            if choices.is_empty() {
                return Err(Error::Rule(satchel_types::ErrorDetail::NoWrongChoice));
            }
            if choices.len() >= MAX_CHOICES {
                return Err(Error::Rule(satchel_types::ErrorDetail::TooManyChoices {
                    max: MAX_CHOICES as u64,
                }));
            }
            // Where the right choice stands is fixed by the question, so the same card
            // always reads the same, but spread over the places.
            let at = usize::from(Sha256::digest(front.as_bytes())[0]) % (choices.len() + 1);
            choices.insert(at, back.clone());
            vec![sides(CardKind::Choice, front, back, choices)]
        }
        CardKind::Reversed => {
            check_side(&back, Field::CardBack)?;
            vec![
                sides(CardKind::Basic, front.clone(), back.clone(), Vec::new()),
                sides(CardKind::Reversed, back, front, Vec::new()),
            ]
        }
        _ => {
            check_side(&back, Field::CardBack)?;
            vec![sides(CardKind::Basic, front, back, Vec::new())]
        }
    })
}

fn changed(count: usize) -> Event {
    Event::CardsChanged {
        count: u32::try_from(count).unwrap_or(u32::MAX),
    }
}

impl Profile {
    /// Writes the cards a draft makes (two for a reversed card, one per number for a
    /// cloze) into its deck.
    pub fn add_cards(&self, draft: &CardDraft, now: i64) -> Result<Vec<StudyCard>> {
        let cards = drafted(draft)?;
        let media = self.store_card_media(&draft.media)?;
        self.transact(|tx| {
            let deck = store::decks::named(tx, &draft.deck, now)?;
            let mut made = Vec::new();
            // A draft making several cards makes siblings.
            let family = (cards.len() > 1).then(|| uuid::Uuid::now_v7().to_string());
            for (seq, card_sides) in cards.iter().enumerate() {
                // A card asked the other way round shows each side's media on the other.
                let media: Vec<CardMedia> = if card_sides.kind == CardKind::Reversed {
                    media
                        .iter()
                        .map(|m| CardMedia {
                            side: other_side(m.side),
                            ..m.clone()
                        })
                        .collect()
                } else {
                    media.clone()
                };
                let id = cards::insert(
                    tx,
                    &cards::NewCard {
                        kind: card_sides.kind,
                        deck_id: &deck,
                        generator: HAND,
                        front: &card_sides.front,
                        back: &card_sides.back,
                        choices: &card_sides.choices,
                        media: &media,
                        seq: seq as i64,
                        external_id: None,
                        family: family.as_deref(),
                        id: None,
                    },
                    now,
                )?;
                made.push(card(tx, &id)?);
            }
            tx.emit(changed(made.len()));
            Ok(made.clone())
        })
    }

    /// Keeps each picture or sound file in the encrypted store, for a card.
    fn store_card_media(&self, files: &[MediaFile]) -> Result<Vec<CardMedia>> {
        files
            .iter()
            .map(|file| {
                let path = Path::new(&file.path);
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let mime = media_type(&name).ok_or_else(|| {
                    Error::InvalidInput(format!(
                        "{name} is not a picture or a sound a card can show \
                         (PNG, JPEG, GIF, WebP, SVG, MP3, Ogg, Opus, WAV, M4A or FLAC)"
                    ))
                })?;
                let opened = std::fs::File::open(path).map_err(|e| Error::Io {
                    action: "opening",
                    path: path.to_owned(),
                    source: e,
                })?;
                let blob = self.write_blob(opened, mime, MEDIA_MAX_BYTES)?;
                Ok(CardMedia {
                    blob_id: blob.id.into(),
                    name,
                    mime: mime.to_owned(),
                    side: file.side,
                })
            })
            .collect()
    }

    pub fn study_card(&self, id_or_prefix: &str) -> Result<StudyCard> {
        self.read(|conn| card(conn, &card_id(conn, id_or_prefix)?))
    }

    /// The cards of a deck (or of every deck), in the order they were made; deleted
    /// cards left out.
    pub fn study_cards(&self, deck_id: Option<&str>) -> Result<Vec<StudyCard>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(&format!(
                "SELECT {STUDY_COLUMNS} FROM {STUDY_FROM}
                 WHERE c.state != 'deleted' AND (?1 IS NULL OR c.deck_id = ?1)
                 ORDER BY c.created_at, c.id"
            ))?;
            let cards = statement
                .query_map([deck_id], study_card)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(cards)
        })
    }

    /// Every deck with its cards, those due today and those new.
    pub fn decks(&self, now: i64) -> Result<Vec<DeckView>> {
        self.read(|conn| {
            let end_of_today = days(conn)?.next_day_start(now);
            let mut statement = conn.prepare_cached(
                "SELECT d.id, d.name,
                        COUNT(c.id),
                        COALESCE(SUM(c.due IS NOT NULL AND c.due < ?1 AND c.suspended = 0), 0),
                        COALESCE(SUM(c.due IS NULL AND c.suspended = 0), 0)
                 FROM decks d LEFT JOIN cards c ON c.deck_id = d.id AND c.state != 'deleted'
                 GROUP BY d.id ORDER BY d.name",
            )?;
            let count = |row: &Row<'_>, at: usize| -> rusqlite::Result<u32> {
                Ok(u32::try_from(row.get::<_, i64>(at)?).unwrap_or(0))
            };
            let decks = statement
                .query_map([end_of_today], |row| {
                    Ok(DeckView {
                        id: row.get(0)?,
                        name: row.get(1)?,
                        cards: count(row, 2)?,
                        due: count(row, 3)?,
                        new: count(row, 4)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(decks)
        })
    }

    /// Keeps a card out of reviews until it is let back, or lets it back.
    pub fn set_suspended(
        &self,
        id_or_prefix: &str,
        suspended: bool,
        now: i64,
    ) -> Result<StudyCard> {
        self.change_card(id_or_prefix, |tx, id| {
            cards::set_suspended(tx, id, suspended, now)
        })
    }

    /// Keeps a card out of reviews until tomorrow.
    pub fn bury(&self, id_or_prefix: &str, now: i64) -> Result<StudyCard> {
        self.change_card(id_or_prefix, |tx, id| {
            cards::set_buried_until(tx, id, Some(days(tx)?.next_day_start(now)), now)
        })
    }

    /// Lets every card buried today back into reviews.
    pub fn unbury_all(&self, now: i64) -> Result<usize> {
        self.transact(|tx| {
            let count = cards::unbury_all(tx, days(tx)?.today_start(now), now)?;
            tx.emit(changed(count));
            Ok(count)
        })
    }

    /// Rewrites a card's sides (its schedule stays).
    pub fn edit_study_card(
        &self,
        id_or_prefix: &str,
        front: &str,
        back: &str,
        now: i64,
    ) -> Result<StudyCard> {
        check_side(front, Field::CardFront)?;
        check_side(back, Field::CardBack)?;
        self.change_card(id_or_prefix, |tx, id| {
            cards::edit_sides(tx, id, front.trim(), back.trim(), now)
        })
    }

    /// Deletes a card from study; its reviews stay in the log.
    pub fn delete_study_card(&self, id_or_prefix: &str, now: i64) -> Result<StudyCard> {
        self.change_card(id_or_prefix, |tx, id| cards::mark_deleted(tx, id, now))
    }

    fn change_card(
        &self,
        id_or_prefix: &str,
        change: impl FnOnce(&Tx<'_>, &CardId) -> Result<()>,
    ) -> Result<StudyCard> {
        self.transact(|tx| {
            let id = card_id(tx, id_or_prefix)?;
            change(tx, &id)?;
            tx.emit(changed(1));
            card(tx, &id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cloze_number_makes_a_card_hiding_its_words() {
        let cards = cloze_cards("{{c1::Paris}} is the capital of {{c2::France::country}}.");
        assert_eq!(
            cards,
            vec![
                (
                    "[…] is the capital of France.".to_owned(),
                    "Paris".to_owned()
                ),
                (
                    "Paris is the capital of [country].".to_owned(),
                    "France".to_owned()
                ),
            ]
        );
        // Two marks with one number are one card hiding both.
        let cards = cloze_cards("{{c1::H}} and {{c1::O}} make water, {{c3::H2O}}");
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].1, "H, O");
        // Broken marks are text.
        assert!(cloze_cards("{{c::x}} {{cx::y}} {{c1::unclosed").is_empty());
    }

    fn draft(kind: CardKind, front: &str, back: &str, choices: &[&str]) -> CardDraft {
        CardDraft {
            deck: String::new(),
            kind,
            front: front.into(),
            back: back.into(),
            choices: choices.iter().map(|c| (*c).to_owned()).collect(),
            media: Vec::new(),
        }
    }

    #[test]
    fn drafts_make_the_cards_their_kind_says() {
        let reversed = drafted(&draft(CardKind::Reversed, "chat", "cat", &[])).unwrap();
        assert_eq!(reversed.len(), 2);
        assert_eq!(
            (reversed[1].front.as_str(), reversed[1].back.as_str()),
            ("cat", "chat")
        );
        let choice = drafted(&draft(CardKind::Choice, "2 + 2?", "4", &["3", "5", "4"])).unwrap();
        assert_eq!(choice[0].choices.len(), 3);
        assert!(choice[0].choices.contains(&"4".to_owned()));
        use satchel_types::ErrorDetail as D;
        for (bad, why) in [
            (
                draft(CardKind::Basic, " ", "x", &[]),
                D::Required {
                    field: Field::CardFront,
                },
            ),
            (
                draft(CardKind::Basic, "x", "", &[]),
                D::Required {
                    field: Field::CardBack,
                },
            ),
            (
                draft(CardKind::Cloze, "no marks", "", &[]),
                D::ClozeUnmarked,
            ),
            (draft(CardKind::Cloze, "{{c1::}}", "", &[]), D::ClozeEmpty),
            (draft(CardKind::Choice, "q", "a", &["a"]), D::NoWrongChoice),
            (
                draft(CardKind::Basic, &"x".repeat(10_001), "y", &[]),
                D::TooLong {
                    field: Field::CardFront,
                    max: SIDE_MAX_CHARS as u64,
                },
            ),
        ] {
            match drafted(&bad) {
                Err(Error::Rule(detail)) => assert_eq!(detail, why, "{bad:?}"),
                other => panic!("{bad:?}: {other:?}"),
            }
        }
    }
}
