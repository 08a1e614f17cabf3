//! The validator: a card goes into a pack only if its answer is in the words it came
//! from, its question does not give the answer away, it is a sensible length, and it
//! does not repeat a card already taken; a quiz question only if its card stands.

use std::collections::BTreeMap;

use satchel_types::{CardKind, QuizQuestion};

use super::cards::Draft;
use super::occlusion::OCCLUSION;
use super::text::{likeness, normal};

/// A front this alike in words to one taken repeats it.
const REPEAT: f32 = 0.8;

#[derive(Debug, Default)]
pub(crate) struct Verdict {
    pub cards: Vec<Draft>,
    pub quiz: Vec<QuizQuestion>,
    /// Why cards were left out, and how many for each reason.
    pub rejected: BTreeMap<&'static str, usize>,
}

/// Why `card` cannot stand, if it cannot (before comparing it with others).
pub(crate) fn fault(card: &Draft) -> Option<&'static str> {
    let (front, back) = (normal(&card.front), normal(&card.back));
    if back.is_empty() || !normal(&card.source_ref.text).contains(&back) {
        return Some("answer not in its source");
    }
    if front.contains(&back) {
        return Some("question gives the answer away");
    }
    let front_chars = card.front.chars().count();
    let back_chars = card.back.chars().count();
    // A term may be one short word; a question or a sentence is longer.
    let shortest = if card.kind == CardKind::Term { 2 } else { 8 };
    if !(shortest..=300).contains(&front_chars) || back_chars > 150 || back.split(' ').count() > 25
    {
        return Some("length");
    }
    None
}

/// An answer as compared: its words, without a leading article.
fn answer(text: &str) -> String {
    let text = normal(text);
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = text.strip_prefix(article) {
            return rest.to_owned();
        }
    }
    text
}

pub(crate) fn validate(cards: Vec<Draft>, quiz: Vec<QuizQuestion>) -> Verdict {
    let mut verdict = Verdict::default();
    for card in cards {
        // A card repeats another when it asks the same, or asks for the same answer
        // (a cloze and a question of one sentence ask one fact twice). Two cards of one
        // sentence asking for different things are two facts; near-alike fronts of
        // different sentences are one sentence written twice.
        let reason = fault(&card).or_else(|| {
            verdict
                .cards
                .iter()
                .any(|taken| {
                    let same_sentence = taken.source_ref.source_id == card.source_ref.source_id
                        && normal(&taken.source_ref.text) == normal(&card.source_ref.text);
                    // Occlusion cards all ask "which label is hidden?": their pictures,
                    // each with another label covered, are what differs.
                    let pictured = taken.generator == OCCLUSION && card.generator == OCCLUSION;
                    answer(&taken.back) == answer(&card.back)
                        || (!pictured
                            && (normal(&taken.front) == normal(&card.front)
                                || (!same_sentence
                                    && likeness(&taken.front, &card.front) >= REPEAT)))
                })
                .then_some("repeats another card")
        });
        match reason {
            Some(reason) => *verdict.rejected.entry(reason).or_default() += 1,
            None => verdict.cards.push(card),
        }
    }
    for question in quiz {
        let choices: Vec<String> = question.choices.iter().map(|c| normal(c)).collect();
        let distinct = choices
            .iter()
            .enumerate()
            .all(|(i, c)| !choices[..i].contains(c));
        let stands = verdict.cards.iter().any(|c| {
            question.question.contains(&c.front)
                && question.choices.get(question.answer) == Some(&c.back)
        });
        if distinct && stands && question.answer < question.choices.len() {
            verdict.quiz.push(question);
        } else {
            *verdict
                .rejected
                .entry("quiz question without a sound card")
                .or_default() += 1;
        }
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;
    use satchel_types::{HitKind, SourceRef};

    fn card(front: &str, back: &str, source: &str) -> Draft {
        Draft {
            kind: CardKind::Definition,
            generator: "definition".into(),
            front: front.into(),
            back: back.into(),
            source_ref: SourceRef {
                source_id: "s".into(),
                kind: HitKind::Note,
                title: "t".into(),
                text: source.into(),
                page: None,
                start_ms: None,
                end_ms: None,
                bbox: None,
            },
            concept: None,
        }
    }

    #[test]
    fn only_grounded_fair_sensible_new_cards_stand() {
        let source = "An atom is the smallest part of an element.";
        let verdict = validate(
            vec![
                card(
                    "What is an atom?",
                    "the smallest part of an element",
                    source,
                ),
                card("What is an atom?", "the smallest part", source),
                card(
                    "What is an atom exactly?",
                    "the smallest part of an element",
                    source,
                ),
                card("What is an atom?", "a tiny star", source),
                card("Is an atom the smallest part?", "the smallest part", source),
                card("What?", "atom", source),
            ],
            Vec::new(),
        );
        assert_eq!(verdict.cards.len(), 1);
        assert_eq!(verdict.cards[0].back, "the smallest part of an element");
        assert_eq!(verdict.rejected["repeats another card"], 2);
        assert_eq!(verdict.rejected["answer not in its source"], 1);
        assert_eq!(verdict.rejected["question gives the answer away"], 1);
        assert_eq!(verdict.rejected["length"], 1);
    }
}
