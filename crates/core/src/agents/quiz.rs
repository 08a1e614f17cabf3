//! The quiz master: multiple choice from the cards. A cloze card's wrong choices are
//! concepts near its own in meaning — from the same source and from those that share
//! concepts with it, in the same language — so they are plausible; a definition's are
//! other definitions.

use satchel_types::{CardKind, QuizQuestion};
use sha2::{Digest, Sha256};

use super::cards::Draft;
use super::phrasing;
use super::text::{likeness, normal};
use crate::lang::Lang;
use crate::store::vectors::dot;

/// Questions in a quiz at most.
const MAX_QUESTIONS: usize = 10;
/// Wrong choices beside the right one.
const DISTRACTORS: usize = 3;

/// A concept that may serve as a wrong choice: its id, label and vector.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub concept: i64,
    pub label: String,
    pub vector: Vec<f32>,
    /// The language of the notes and sources that name it.
    pub language: Option<Lang>,
}

/// The quiz of `cards`, made from material in `language`.
pub(crate) fn make(
    cards: &[Draft],
    concepts: &[Candidate],
    language: Option<Lang>,
) -> Vec<QuizQuestion> {
    let mut questions = Vec::new();
    for card in cards {
        if questions.len() == MAX_QUESTIONS {
            break;
        }
        let wrong = match card.kind {
            CardKind::Cloze => near_concepts(card, concepts),
            _ => other_answers(card, cards),
        };
        if wrong.len() < DISTRACTORS {
            continue;
        }
        let question = match card.kind {
            CardKind::Term => phrasing::term_question(&card.front, language),
            _ => card.front.clone(),
        };
        // Where the right answer stands, fixed by the question (so a rebuilt quiz is
        // the same quiz) but spread over the places.
        let answer = usize::from(Sha256::digest(question.as_bytes())[0]) % (DISTRACTORS + 1);
        let mut choices = wrong;
        choices.insert(answer, card.back.clone());
        questions.push(QuizQuestion {
            id: String::new(),
            question,
            choices,
            answer,
            source_ref: card.source_ref.clone(),
        });
    }
    questions
}

/// Labels of the concepts nearest the card's in meaning, neither its own nor saying
/// the same words.
fn near_concepts(card: &Draft, concepts: &[Candidate]) -> Vec<String> {
    let Some(own) = card
        .concept
        .and_then(|id| concepts.iter().find(|c| c.concept == id))
    else {
        return Vec::new();
    };
    // A Spanish card's wrong choices are Spanish: a word in another language gives
    // itself away (the meaning model finds "célula" and "cell" alike).
    let same_language = |c: &Candidate| match (c.language, own.language) {
        (Some(theirs), Some(ours)) => theirs == ours,
        _ => true,
    };
    let mut near: Vec<(f32, &Candidate)> = concepts
        .iter()
        .filter(|c| c.concept != own.concept && same_language(c))
        .map(|c| (dot(&c.vector, &own.vector), c))
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut chosen: Vec<String> = Vec::new();
    for (_, candidate) in near {
        let unlike = |other: &str| likeness(&candidate.label, other) < 0.5;
        if unlike(&card.back)
            && chosen.iter().all(|c| unlike(c))
            && !normal(&card.front).contains(&normal(&candidate.label))
        {
            chosen.push(candidate.label.clone());
        }
        if chosen.len() == DISTRACTORS {
            break;
        }
    }
    chosen
}

/// Other cards' answers of the same kind, those nearest in length first (a much
/// longer or shorter one gives itself away).
fn other_answers(card: &Draft, cards: &[Draft]) -> Vec<String> {
    let mut others: Vec<&Draft> = cards
        .iter()
        .filter(|c| c.kind == card.kind && normal(&c.back) != normal(&card.back))
        .collect();
    others.sort_by_key(|c| c.back.len().abs_diff(card.back.len()));
    let mut chosen: Vec<String> = Vec::new();
    for other in others {
        if chosen.iter().all(|c| normal(c) != normal(&other.back)) {
            chosen.push(other.back.clone());
        }
        if chosen.len() == DISTRACTORS {
            break;
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use satchel_types::{HitKind, SourceRef};

    fn card(kind: CardKind, front: &str, back: &str, concept: Option<i64>) -> Draft {
        Draft {
            kind,
            generator: "test".into(),
            front: front.into(),
            back: back.into(),
            source_ref: SourceRef {
                source_id: "s".into(),
                kind: HitKind::Note,
                title: "t".into(),
                text: format!("{front} {back}"),
                page: None,
                start_ms: None,
                end_ms: None,
                bbox: None,
            },
            concept,
        }
    }

    /// A question's wrong choices, sorted.
    fn wrong_choices(q: &QuizQuestion) -> Vec<&str> {
        let mut wrong: Vec<&str> = q
            .choices
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != q.answer)
            .map(|(_, c)| c.as_str())
            .collect();
        wrong.sort();
        wrong
    }

    fn concept(id: i64, label: &str, vector: [f32; 2]) -> Candidate {
        Candidate {
            concept: id,
            label: label.into(),
            vector: vector.to_vec(),
            language: None,
        }
    }

    #[test]
    fn a_cloze_question_offers_the_nearest_other_concepts() {
        let cards = [card(
            CardKind::Cloze,
            "_____ releases energy from glucose.",
            "Respiration",
            Some(1),
        )];
        let concepts = [
            concept(1, "respiration", [1.0, 0.0]),
            concept(2, "photosynthesis", [0.9, 0.436]),
            concept(3, "digestion", [0.8, 0.6]),
            concept(4, "glucose", [0.95, 0.31]),
            concept(5, "French Revolution", [0.0, 1.0]),
            concept(6, "fermentation", [0.7, 0.714]),
        ];
        let quiz = make(&cards, &concepts, None);
        assert_eq!(quiz.len(), 1);
        let q = &quiz[0];
        assert_eq!(q.choices[q.answer], "Respiration");
        let wrong = wrong_choices(q);
        // "glucose" is in the question itself; the revolution is far away.
        assert_eq!(wrong, ["digestion", "fermentation", "photosynthesis"]);

        // In another language, the nearest concepts of that language; the English ones
        // (nearer in meaning) are left out.
        let spanish = |mut c: Candidate| {
            c.language = Some(Lang::Es);
            c
        };
        let cards = [card(
            CardKind::Cloze,
            "La _____ libera energía de la glucosa.",
            "respiración",
            Some(10),
        )];
        let mut concepts = concepts.map(|mut c| {
            c.language = Some(Lang::En);
            c
        });
        concepts[0] = spanish(concept(10, "respiración", [1.0, 0.0]));
        let concepts: Vec<Candidate> = concepts
            .into_iter()
            .chain([
                spanish(concept(11, "fotosíntesis", [0.6, 0.8])),
                spanish(concept(12, "digestión", [0.5, 0.866])),
                spanish(concept(13, "fermentación", [0.4, 0.916])),
            ])
            .collect();
        let quiz = make(&cards, &concepts, Some(Lang::Es));
        let q = &quiz[0];
        let wrong = wrong_choices(q);
        assert_eq!(wrong, ["digestión", "fermentación", "fotosíntesis"]);
    }

    #[test]
    fn a_definition_question_offers_other_definitions_and_too_few_means_none() {
        let cards = [
            card(
                CardKind::Definition,
                "What is mitosis?",
                "a cell dividing in two",
                None,
            ),
            card(
                CardKind::Definition,
                "What is osmosis?",
                "water crossing a membrane",
                None,
            ),
            card(
                CardKind::Definition,
                "What is an atom?",
                "the smallest part of an element",
                None,
            ),
            card(
                CardKind::Definition,
                "What is a prime?",
                "a number with two factors",
                None,
            ),
        ];
        let quiz = make(&cards, &[], None);
        assert_eq!(quiz.len(), 4);
        assert!(quiz.iter().all(|q| q.choices.len() == 4));
        assert_eq!(
            make(&cards[..3], &[], None).len(),
            0,
            "two others are not enough"
        );
    }
}
