//! What the agents work from: a note's or source's passages (its chunks, each with its
//! place and meaning) and its key phrases.

use rusqlite::{Connection, OptionalExtension};
use satchel_types::{HitKind, SourceRef};

use super::text;
use crate::Result;
use crate::error::OrNotFound;
use crate::ids::OwnerId;
use crate::lang::Lang;
use crate::store::vectors::decode;

#[derive(Debug, Clone)]
pub(crate) struct Passage {
    pub text: String,
    /// Unit length; empty if not embedded.
    pub vector: Vec<f32>,
    pub page: Option<u32>,
    pub start_ms: Option<i64>,
    pub end_ms: Option<i64>,
    pub bbox: Option<[f32; 4]>,
    /// What it is written in, when known.
    pub language: Option<Lang>,
}

/// A key phrase of the material, and the concept it names.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub text: String,
    pub concept: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct Material {
    pub owner_id: OwnerId,
    pub kind: HitKind,
    pub title: String,
    /// In the order the note or source has them.
    pub passages: Vec<Passage>,
    /// Most central first.
    pub phrases: Vec<Phrase>,
}

impl Material {
    /// The language most of its passages are in.
    pub fn language(&self) -> Option<Lang> {
        let mut counts: Vec<(Lang, usize)> = Vec::new();
        for language in self.passages.iter().filter_map(|p| p.language) {
            match counts.iter_mut().find(|(l, _)| *l == language) {
                Some((_, n)) => *n += 1,
                None => counts.push((language, 1)),
            }
        }
        counts.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l)
    }

    /// The sentences worth studying ([`text::study_sentences`]). A transcript's
    /// passages are cut where the speech paused, not where sentences end: a piece that
    /// starts in lowercase or ends without a full stop is half a sentence, and is left
    /// out (a summary line or a card from it would start or stop mid-thought).
    pub fn study_sentences(&self, min_words: usize) -> Vec<text::Sentence> {
        let texts: Vec<&str> = self.passages.iter().map(|p| p.text.as_str()).collect();
        let found = text::study_sentences(&texts, &self.title, min_words);
        if self.kind != HitKind::Audio {
            return found;
        }
        found
            .into_iter()
            .filter(|s| whole_sentence(&texts[s.passage][s.span.clone()]))
            .collect()
    }

    /// Where `text` (a piece of passage `index`) came from.
    pub fn source_ref(&self, index: usize, text: &str) -> SourceRef {
        let passage = &self.passages[index];
        SourceRef {
            source_id: self.owner_id.to_string(),
            kind: self.kind,
            title: self.title.clone(),
            text: text.to_owned(),
            page: passage.page,
            start_ms: passage.start_ms,
            end_ms: passage.end_ms,
            bbox: passage.bbox,
        }
    }
}

/// Whether `sentence` starts as a sentence does (not in lowercase) and ends with a
/// full stop, a question or exclamation mark, in any script.
fn whole_sentence(sentence: &str) -> bool {
    let starts = sentence
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| !c.is_lowercase());
    let ends = sentence
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
        .ends_with(['.', '!', '?', '…', '।', '؟', '。']);
    starts && ends
}

/// The material of note or source `owner_id`, as indexed.
pub(crate) fn load(conn: &Connection, owner_id: &OwnerId) -> Result<Material> {
    let (kind, title): (Option<String>, String) = conn
        .query_row(
            "SELECT NULL, title FROM notes WHERE id = ?1
             UNION ALL SELECT kind, title FROM sources WHERE id = ?1",
            [owner_id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?
        .or_not_found(owner_id)?;
    let kind = crate::search::hit_kind(kind.as_deref());
    let mut statement = conn.prepare_cached(
        "SELECT text, vector, page, start_ms, end_ms, x, y, width, height, language FROM chunks
         WHERE note_id = ?1 OR source_id = ?1 ORDER BY page, seq",
    )?;
    let passages = statement
        .query_map([owner_id], |row| {
            let bbox = match (row.get(5)?, row.get(6)?, row.get(7)?, row.get(8)?) {
                (Some(x), Some(y), Some(w), Some(h)) => Some([x, y, w, h].map(|v: f64| v as f32)),
                _ => None,
            };
            Ok(Passage {
                text: row.get(0)?,
                vector: row
                    .get::<_, Option<Vec<u8>>>(1)?
                    .map(|bytes| decode(&bytes))
                    .unwrap_or_default(),
                page: row.get(2)?,
                start_ms: row.get(3)?,
                end_ms: row.get(4)?,
                bbox,
                language: row
                    .get::<_, Option<String>>(9)?
                    .as_deref()
                    .and_then(Lang::from_code),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut statement = conn.prepare_cached(
        "SELECT phrase, weight, concept_id FROM owner_concepts WHERE owner_id = ?1
         ORDER BY weight DESC",
    )?;
    let phrases = statement
        .query_map([owner_id], |row| {
            Ok(Phrase {
                text: row.get(0)?,
                concept: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Material {
        owner_id: owner_id.clone(),
        kind,
        title,
        passages,
        phrases,
    })
}

/// The language most of note or source `owner_id`'s chunks are in.
pub(crate) fn language(conn: &Connection, owner_id: &OwnerId) -> Result<Option<Lang>> {
    let code: Option<String> = conn
        .prepare_cached(
            "SELECT language FROM chunks
             WHERE (note_id = ?1 OR source_id = ?1) AND language IS NOT NULL
             GROUP BY language ORDER BY count(*) DESC, language LIMIT 1",
        )?
        .query_row([owner_id], |row| row.get(0))
        .optional()?;
    Ok(code.as_deref().and_then(Lang::from_code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_sentences_of_a_transcript_are_not_sentences() {
        assert!(whole_sentence("Plants release oxygen."));
        assert!(whole_sentence("¿Qué es la energía?"));
        assert!(whole_sentence("पानी भाप बनता है।"));
        assert!(!whole_sentence("producing carbon dioxide and water."));
        assert!(!whole_sentence("The solar system has eight"));
    }
}
