//! The tutor while studying: a card answered "again" shows the passage it came from
//! and a hint; a card failed twice gets an easier card on the same fact (its answer
//! among choices, or its sentence as a cloze); "Explain" gives the card's fact in the
//! words around it in its source. Every word the tutor shows is the source's own.

use rusqlite::{Connection, OptionalExtension, params};
use satchel_types::{CardHelp, CardKind, Hint, SourceRef, StudyCard};

use super::cards::BLANK;
use super::material::{self, Material, Passage};
use super::spans::{SpanKind, spans};
use super::text::{Mentions, find_phrase, normal, words};
use crate::ids::{CardId, OwnerId};
use crate::lang::{self, Lang};
use crate::profile::{Profile, Tx};
use crate::store;
use crate::{Error, Result};

/// Sentences an explanation gives beyond the card's own.
const EXPLAINING: usize = 2;
/// Wrong choices an easier card offers, at most.
const WRONG_CHOICES: usize = 3;
/// Failed this many times, a card gets an easier one on its fact.
pub(crate) const FAILS_FOR_EASIER: i64 = 2;
/// What made an easier card, as its generator says.
pub(crate) const EASIER: &str = "easier";

impl Profile {
    /// Help with card `id` (or a unique start of it): where it came from, a hint and
    /// its fact explained in its source's words.
    pub fn card_help(&self, id: &str) -> Result<CardHelp> {
        let card = self.study_card(id)?;
        self.read(|conn| help(conn, &card))
    }
}

fn help(conn: &Connection, card: &StudyCard) -> Result<CardHelp> {
    let mut help = CardHelp {
        card_id: card.id.clone(),
        passage: card.source_ref.clone(),
        hint: hint(&card.back),
        explanation: card.source_ref.iter().cloned().collect(),
    };
    let Some(from) = &card.source_ref else {
        return Ok(help);
    };
    // The card's note or source, read once for its passage and its explanation; gone,
    // the card's own words are all there is.
    let material = match material::load(conn, &OwnerId::from(from.source_id.as_str())) {
        Ok(material) => material,
        Err(Error::NotFound { .. }) => return Ok(help),
        Err(error) => return Err(error),
    };
    help.passage = passage_of(&material, from).or(help.passage);
    help.explanation = explain(&material, from, &card.back);
    Ok(help)
}

/// A hint: the answer's first letter, and how many letters and words it has.
fn hint(answer: &str) -> Hint {
    use unicode_segmentation::UnicodeSegmentation;
    let answer = answer.trim();
    let first = answer
        .graphemes(true)
        .find(|g| g.chars().any(char::is_alphanumeric))
        .unwrap_or_default()
        .to_owned();
    Hint {
        first,
        letters: u32::try_from(answer.chars().filter(|c| c.is_alphanumeric()).count())
            .unwrap_or(u32::MAX),
        words: u32::try_from(words(answer).len()).unwrap_or(u32::MAX),
    }
}

/// The passage holding the card's words, at the card's page when it has one.
fn passage_of(material: &Material, from: &SourceRef) -> Option<SourceRef> {
    let wanted = normal(&from.text);
    let holds = |(_, p): &(usize, &Passage)| normal(&p.text).contains(&wanted);
    let passages = || material.passages.iter().enumerate();
    passages()
        .filter(|(_, p)| from.page.is_none() || p.page == from.page)
        .find(holds)
        .or_else(|| passages().find(holds))
        .map(|(index, p)| material.source_ref(index, &p.text))
}

/// The card's own sentence, then the source's sentences that define or name its
/// answer, then others that mention it, in the source's order within each.
fn explain(material: &Material, from: &SourceRef, answer: &str) -> Vec<SourceRef> {
    let texts: Vec<&str> = material.passages.iter().map(|p| p.text.as_str()).collect();
    let mentions = Mentions::new(&texts);
    let language = lang::detect(&from.text).unwrap_or(Lang::En);
    let own = normal(&from.text);
    let mut telling: Vec<SourceRef> = Vec::new();
    let mut mentioning: Vec<SourceRef> = Vec::new();
    for (index, text) in texts.iter().enumerate() {
        for span in crate::search::sentences(text) {
            let sentence = &text[span];
            if normal(sentence) == own || find_phrase(sentence, answer).is_empty() {
                continue;
            }
            let defines = spans(sentence, language, &[], &mentions).iter().any(|s| {
                matches!(s.kind, SpanKind::Named | SpanKind::Defined)
                    && normal(&sentence[s.range.clone()]) == normal(answer)
            });
            let place = material.source_ref(index, sentence);
            if defines {
                telling.push(place);
            } else {
                mentioning.push(place);
            }
        }
    }
    let mut explanation = vec![from.clone()];
    explanation.extend(telling.into_iter().chain(mentioning).take(EXPLAINING));
    explanation
}

/// How many times card `id` was answered "again", answers undone aside.
fn fails(conn: &Connection, id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM reviews r WHERE r.card_id = ?1 AND r.rating = 1
           AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)",
        [id],
        |row| row.get(0),
    )?)
}

/// After card `card` was answered again: an easier card on its fact when it has now
/// failed [`FAILS_FOR_EASIER`] times, it came from a source, and it has none yet. Its
/// id is the same on every device that makes it, so two devices meeting keep one.
pub(crate) fn easier_after_fail(tx: &Tx<'_>, card: &StudyCard, now: i64) -> Result<Option<CardId>> {
    let Some(from) = &card.source_ref else {
        return Ok(None);
    };
    if card.kind == CardKind::Choice {
        return Ok(None);
    }
    let fails = fails(tx, &card.id)?;
    let external = format!("{EASIER}:{}", card.id);
    let made: bool = tx
        .query_row(
            "SELECT 1 FROM cards WHERE external_id = ?1",
            [&external],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if fails < FAILS_FOR_EASIER || made {
        return Ok(None);
    }
    let Some(deck_id) = card.deck_id.as_deref().map(crate::ids::DeckId::from) else {
        return Ok(None);
    };
    let others = other_answers(tx, card)?;
    let front = card.front.clone();
    let (kind, front, choices) = if others.len() >= 2 {
        let mut choices: Vec<String> = others.into_iter().take(WRONG_CHOICES).collect();
        // The right answer's place among them follows from the card, not from chance:
        // the same on every device.
        let at = card.id.bytes().map(usize::from).sum::<usize>() % (choices.len() + 1);
        choices.insert(at, card.back.clone());
        (CardKind::Choice, front, choices)
    } else if card.kind != CardKind::Cloze
        && normal(&from.text) != normal(&card.back)
        && find_phrase(&from.text, &card.back).len() == 1
    {
        // Its sentence with the answer blanked: the words around it are the cue.
        let place = find_phrase(&from.text, &card.back)[0].clone();
        let cloze = format!(
            "{}{BLANK}{}",
            &from.text[..place.start],
            &from.text[place.end..]
        );
        (CardKind::Cloze, cloze, Vec::new())
    } else {
        return Ok(None);
    };
    let made_at: i64 = tx.query_row(
        "SELECT created_at FROM cards WHERE id = ?1",
        [&card.id],
        |row| row.get(0),
    )?;
    let id = store::cards::insert(
        tx,
        &store::cards::NewCard {
            kind,
            deck_id: &deck_id,
            generator: EASIER,
            front: &front,
            back: &card.back,
            choices: &choices,
            media: &[],
            seq: 0,
            external_id: Some(&external),
            family: None,
            id: Some(store::cards::stable_id(made_at, &external)),
        },
        now,
    )?;
    let source_ref = serde_json::to_string(from).unwrap_or_default();
    store::cards::set_origin(tx, &id, &source_ref, &CardId::from(card.id.as_str()))?;
    Ok(Some(id))
}

/// After an answer to card `id` is undone: its easier card, if the card is no longer
/// missed [`FAILS_FOR_EASIER`] times and the easier card was never answered, is taken
/// away again.
pub(crate) fn withdraw_easier(tx: &Tx<'_>, id: &CardId, now: i64) -> Result<()> {
    if fails(tx, id.as_str())? >= FAILS_FOR_EASIER {
        return Ok(());
    }
    let easier: Option<CardId> = tx
        .query_row(
            "SELECT id FROM cards WHERE external_id = ?1 AND state != 'deleted' AND reps = 0",
            [format!("{EASIER}:{id}")],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(easier) = easier {
        store::cards::mark_deleted(tx, &easier, now)?;
    }
    Ok(())
}

/// Answers of other cards of the card's deck, to offer as wrong choices: as short as
/// a term, of the same shape (a number for a number), never the card's own answer or
/// a word of its front.
fn other_answers(conn: &Connection, card: &StudyCard) -> Result<Vec<String>> {
    let numeric = |text: &str| text.chars().any(|c| c.is_ascii_digit());
    let mut statement = conn.prepare_cached(
        "SELECT DISTINCT back FROM cards
         WHERE deck_id IS ?1 AND id != ?2 AND state != 'deleted' AND kind != 'choice'
         ORDER BY (source_ref IS NOT NULL) DESC, created_at, id LIMIT 200",
    )?;
    let backs = statement
        .query_map(params![card.deck_id, card.id], |row| {
            row.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let answer = normal(&card.back);
    let front = normal(&card.front);
    let mut found: Vec<String> = Vec::new();
    for back in backs {
        let other = normal(&back);
        let fits = !other.is_empty()
            && other != answer
            && words(&back).len() <= 4
            && numeric(&back) == numeric(&card.back)
            && !front.contains(&other)
            && !found.iter().any(|f| normal(f) == other);
        if fits {
            found.push(back);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_gives_the_first_letter_and_the_size_not_the_answer() {
        assert_eq!(
            hint("carbon dioxide"),
            Hint {
                first: "c".into(),
                letters: 13,
                words: 2
            }
        );
        assert_eq!(hint("“Ñandú”").first, "Ñ");
        assert_eq!(hint("100 °C").letters, 4);
        assert_eq!(hint("पानी").first, "पा");
    }
}
