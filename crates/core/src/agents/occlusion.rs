//! Image-occlusion cards from a photo or scan of a labelled diagram: each label the
//! OCR read is hidden in turn, and the learner names it. Anki makes these by hand; here
//! the OCR's boxes make them. A card's source is the label's own box, so the window
//! draws the picture with that box covered on the question and outlined on the answer.

use rusqlite::{Connection, OptionalExtension};
use satchel_types::{CardKind, HitKind, SourceRef};

use super::cards::Draft;
use super::text::words;
use crate::Result;
use crate::ids::OwnerId;
use crate::lang::Lang;

/// What wrote an occlusion card.
pub(crate) const OCCLUSION: &str = "occlusion";
/// A label is this many words at most; a longer line is a sentence on the board.
const LABEL_WORDS: usize = 4;
/// A picture with fewer labels than this is not a labelled diagram.
const MIN_LABELS: usize = 3;
/// Of a diagram's lines, at least this share are labels (a board of sentences with a
/// heading or two is not a diagram).
const LABEL_SHARE: f64 = 0.6;
/// Labels read with less confidence than this are not asked (a misread label would
/// be a card with a wrong answer).
const MIN_CONFIDENCE: f64 = 0.6;
/// Cards a diagram gives at most.
const MAX_CARDS: usize = 16;

/// The question an occlusion card asks, in the material's language.
pub(crate) fn question(language: Option<Lang>) -> &'static str {
    match language {
        Some(Lang::Es) => "¿Qué etiqueta está tapada?",
        Some(Lang::Fr) => "Quelle étiquette est cachée ?",
        Some(Lang::Pt) => "Qual é a legenda tapada?",
        Some(Lang::Sw) => "Lebo iliyofunikwa ni ipi?",
        Some(Lang::Hi) => "कौन-सा लेबल छिपा है?",
        Some(Lang::Ar) => "ما التسمية المخفية؟",
        Some(Lang::En) | None => "Which label is hidden?",
    }
}

struct Line {
    page: u32,
    bbox: [f32; 4],
    confidence: f64,
    text: String,
}

/// Occlusion cards for picture source `owner`, if it is a labelled diagram: one per
/// label, in reading order.
pub(crate) fn drafts(
    conn: &Connection,
    owner: &OwnerId,
    title: &str,
    language: Option<Lang>,
) -> Result<Vec<Draft>> {
    let kind: Option<String> = conn
        .prepare_cached("SELECT kind FROM sources WHERE id = ?1")?
        .query_row([owner], |row| row.get(0))
        .optional()?;
    if kind.as_deref() != Some("image") {
        return Ok(Vec::new());
    }
    let mut statement = conn.prepare_cached(
        "SELECT page, x, y, width, height, confidence, text FROM regions
         WHERE source_id = ?1 AND x IS NOT NULL ORDER BY seq",
    )?;
    let lines = statement
        .query_map([owner], |row| {
            Ok(Line {
                page: row.get(0)?,
                bbox: [row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?].map(|v: f64| v as f32),
                confidence: row.get::<_, Option<f64>>(5)?.unwrap_or(1.0),
                text: row.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(from_lines(&lines, owner, title, language))
}

fn is_label(text: &str) -> bool {
    let said = words(text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (1..=LABEL_WORDS).contains(&said.len())
        && letters >= 3
        && !text.trim_end().ends_with(['.', '?', '!', ':', '।', '؟'])
}

fn from_lines(lines: &[Line], owner: &OwnerId, title: &str, language: Option<Lang>) -> Vec<Draft> {
    let labels: Vec<&Line> = lines.iter().filter(|l| is_label(&l.text)).collect();
    let diagram =
        labels.len() >= MIN_LABELS && labels.len() as f64 >= LABEL_SHARE * lines.len() as f64;
    if !diagram {
        return Vec::new();
    }
    let mut asked: Vec<String> = Vec::new();
    let mut cards = Vec::new();
    for label in labels {
        let answer = label.text.trim().to_owned();
        let key = answer.to_lowercase();
        // A label written twice would be two cards with one answer and no way to
        // tell them apart.
        if label.confidence < MIN_CONFIDENCE || asked.contains(&key) {
            continue;
        }
        asked.push(key);
        cards.push(Draft {
            kind: CardKind::Basic,
            generator: OCCLUSION.into(),
            front: question(language).to_owned(),
            back: answer.clone(),
            source_ref: SourceRef {
                source_id: owner.to_string(),
                kind: HitKind::Image,
                title: title.to_owned(),
                text: answer,
                page: Some(label.page),
                start_ms: None,
                end_ms: None,
                bbox: Some(label.bbox),
            },
            concept: None,
        });
        if cards.len() == MAX_CARDS {
            break;
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, y: f32) -> Line {
        Line {
            page: 1,
            bbox: [10.0, y, 100.0, 20.0],
            confidence: 0.95,
            text: text.into(),
        }
    }

    #[test]
    fn a_labelled_diagram_gives_a_card_for_each_label() {
        let lines = [
            line("Parts of a cell", 0.0),
            line("nucleus", 40.0),
            line("cell membrane", 80.0),
            line("cytoplasm", 120.0),
            line("nucleus", 160.0),
            Line {
                confidence: 0.3,
                ..line("mitochondrion", 200.0)
            },
        ];
        let owner = OwnerId::from("s1");
        let cards = from_lines(&lines, &owner, "Cell", Some(Lang::En));
        let answers: Vec<&str> = cards.iter().map(|c| c.back.as_str()).collect();
        assert_eq!(
            answers,
            ["Parts of a cell", "nucleus", "cell membrane", "cytoplasm"]
        );
        assert_eq!(cards[1].source_ref.bbox, Some([10.0, 40.0, 100.0, 20.0]));
        assert!(cards.iter().all(|c| c.front == "Which label is hidden?"));
    }

    #[test]
    fn a_board_of_sentences_is_no_diagram() {
        let lines = [
            line("Clouds form when water vapour cools.", 0.0),
            line("Rain, snow and hail are precipitation.", 40.0),
            line("Rivers carry water back to the sea.", 80.0),
            line("Weather", 120.0),
        ];
        assert!(from_lines(&lines, &OwnerId::from("s1"), "Board", None).is_empty());
    }
}
