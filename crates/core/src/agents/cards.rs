//! The card writer: three generators, each reading the material its own way.
//!
//! - **cloze**: a key sentence — one naming a key phrase — with the phrase blanked out;
//! - **definition**: a sentence that says what something is ("Mitosis is how a cell
//!   divides…", "…is called the atomic number") asked as a question;
//! - **term**: a glossary line ("Osmosis: water moving through a membrane") as a term
//!   and what it means.
//!
//! Every card keeps the sentence or line it came from, where it stands in the source.

use satchel_types::{CardKind, SourceRef};

use super::material::Material;
use super::phrasing;
use super::text::{find_phrase, glossary_line, study_sentences, words};
use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Draft {
    pub kind: CardKind,
    pub generator: String,
    pub front: String,
    pub back: String,
    pub source_ref: SourceRef,
    /// The concept it tests, when one (for the quiz's distractors).
    pub concept: Option<i64>,
}

pub(crate) const CLOZE: &str = "cloze";
pub(crate) const DEFINITION: &str = "definition";
pub(crate) const TERM: &str = "term";
pub(crate) const GENERATORS: [&str; 3] = [CLOZE, DEFINITION, TERM];

/// What stands for the blanked phrase on a cloze card.
pub(crate) const BLANK: &str = "_____";
/// A card's sentence is this long at most, in words: longer is a paragraph to read,
/// not a card to recall.
const MAX_SENTENCE_WORDS: usize = 40;
const MIN_SENTENCE_WORDS: usize = 5;

/// Cards from every generator, at most `caps[g]` from generator `g` (in
/// [`GENERATORS`]' order).
///
/// Definitions come first: where a sentence both defines something and names a key
/// phrase, the validator keeps its first card, and "What is mitosis?" asks what the
/// sentence is for better than the sentence with a blank.
pub(crate) fn write(material: &Material, caps: [usize; 3]) -> Vec<Draft> {
    let mut cards = definitions(material);
    cards.truncate(caps[1]);
    let mut blanked = cloze(material);
    blanked.truncate(caps[0]);
    let mut terms = terms(material);
    terms.truncate(caps[2]);
    cards.extend(blanked);
    cards.extend(terms);
    cards
}

fn texts(material: &Material) -> Vec<&str> {
    material.passages.iter().map(|p| p.text.as_str()).collect()
}

/// For each key phrase, most central first, the first key sentence that names it.
fn cloze(material: &Material) -> Vec<Draft> {
    let texts = texts(material);
    let sentences = study_sentences(&texts, &material.title, MIN_SENTENCE_WORDS);
    let mut cards = Vec::new();
    let mut used = Vec::new();
    for phrase in &material.phrases {
        let found = sentences.iter().enumerate().find_map(|(i, s)| {
            let text = &texts[s.passage][s.span.clone()];
            let places = find_phrase(text, &phrase.text);
            let fits = words(text).len() <= MAX_SENTENCE_WORDS;
            (!used.contains(&i) && fits && !places.is_empty()).then_some((i, s, text, places))
        });
        let Some((i, sentence, text, places)) = found else {
            continue;
        };
        used.push(i);
        // The phrase as the sentence has it (its capitals), and every mention blanked.
        let back = text[places[0].clone()].to_owned();
        let mut front = String::with_capacity(text.len());
        let mut at = 0;
        for place in &places {
            front.push_str(&text[at..place.start]);
            front.push_str(BLANK);
            at = place.end;
        }
        front.push_str(&text[at..]);
        cards.push(Draft {
            kind: CardKind::Cloze,
            generator: CLOZE.into(),
            front,
            back,
            source_ref: material.source_ref(sentence.passage, text),
            concept: Some(phrase.concept),
        });
    }
    cards
}

/// Words that cannot be what a definition defines.
const NOT_TERMS: &[&str] = &[
    "it", "this", "that", "these", "those", "there", "they", "he", "she", "we", "you", "i",
    "which", "what", "who", "here", "one", "each", "all", "some", "many", "most", "such",
];

/// Sentences of the shape "X is Y", "X are Y", "X means Y" — and "Y is called X".
fn definitions(material: &Material) -> Vec<Draft> {
    let texts = texts(material);
    let language = material.language();
    let mut cards = Vec::new();
    for sentence in study_sentences(&texts, &material.title, 4) {
        let text = &texts[sentence.passage][sentence.span.clone()];
        // Each passage in its own language: a Spanish quotation in an English note is
        // read as Spanish.
        let said_in = material.passages[sentence.passage].language.or(language);
        let asked = match said_in {
            Some(Lang::En) | None => called(text)
                .or_else(|| defines(text))
                .map(|(front, back)| (in_running_text(&front, &texts), back)),
            Some(other) => phrasing::definition(text, other),
        };
        let Some((front, back)) = asked else {
            continue;
        };
        cards.push(Draft {
            kind: CardKind::Definition,
            generator: DEFINITION.into(),
            front,
            back,
            source_ref: material.source_ref(sentence.passage, text),
            concept: None,
        });
    }
    cards
}

/// `question` ("What is Mitosis?") with its term in lowercase when the material writes
/// it so elsewhere (a sentence's first word is capitalised; a name stays as it is).
fn in_running_text(question: &str, texts: &[&str]) -> String {
    let Some(term) = ["What is ", "What are ", "What does "]
        .iter()
        .find_map(|start| question.strip_prefix(start))
    else {
        return question.to_owned();
    };
    let first = term.split_whitespace().next().unwrap_or_default();
    let lower = first.to_lowercase();
    if lower == first
        || !texts
            .iter()
            .any(|t| !find_phrase(t, first).is_empty() && t.contains(&lower))
    {
        return question.to_owned();
    }
    question.replacen(first, &lower, 1)
}

/// "X is/are/means Y" → ("What is X?", "Y"), X one to four words, no pronoun.
fn defines(sentence: &str) -> Option<(String, String)> {
    let body = sentence.trim_end_matches(['.', '!', ';']);
    for verb in [" is ", " are ", " means ", " refers to "] {
        let Some(at) = body.find(verb) else {
            continue;
        };
        let (term, definition) = (&body[..at], &body[at + verb.len()..]);
        let all_words: Vec<&str> = term.split_whitespace().collect();
        let article = all_words
            .first()
            .map(|w| w.to_lowercase())
            .filter(|w| matches!(w.as_str(), "a" | "an" | "the"));
        let term_words = &all_words[usize::from(article.is_some())..];
        let defines_something = (1..=4).contains(&term_words.len())
            && !NOT_TERMS.contains(&term_words[0].to_lowercase().as_str())
            && term_words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
            })
            && definition.split_whitespace().count() >= 3
            && !definition.starts_with("not ")
            && !passive(definition);
        if !defines_something {
            return None;
        }
        // "What is a cell?": the article kept, as the sentence said it.
        let term = match &article {
            Some(article) => format!("{article} {}", term_words.join(" ")),
            None => term_words.join(" "),
        };
        let question = match verb.trim() {
            "is" => format!("What is {term}?"),
            "are" => format!("What are {term}?"),
            "means" => format!("What does {term} mean?"),
            _ => format!("What does {term} refer to?"),
        };
        return Some((question, definition.trim().to_owned()));
    }
    None
}

/// Whether `rest` (what follows "is") begins with a past participle: "is released
/// into the air" says what happens to X, not what X is.
fn passive(rest: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "made", "given", "found", "known", "seen", "done", "taken", "built", "born", "held",
        "kept", "sent", "brought", "caught", "shown", "grown", "thrown", "written", "used",
    ];
    let first = rest
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    (first.len() > 4 && first.ends_with("ed")) || IRREGULAR.contains(&first.as_str())
}

/// "Y is called X" / "Y is known as X" → ("What is Y called?", "X").
fn called(sentence: &str) -> Option<(String, String)> {
    let body = sentence.trim_end_matches(['.', '!', ';']);
    for verb in [
        " is called ",
        " are called ",
        " is known as ",
        " are known as ",
    ] {
        let Some(at) = body.find(verb) else {
            continue;
        };
        let (described, name) = (&body[..at], body[at + verb.len()..].trim());
        let name_words = name.split_whitespace().count();
        let last = described
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_lowercase();
        // "…, and this is called X" names a whole clause, which makes no question.
        if !(1..=5).contains(&name_words)
            || described.split_whitespace().count() < 2
            || described.contains(',')
            || NOT_TERMS.contains(&last.as_str())
        {
            return None;
        }
        let is = verb.trim().split(' ').next().unwrap_or("is");
        let described = lower_first(described.trim());
        let asked = if verb.contains("called") {
            "called"
        } else {
            "known as"
        };
        return Some((format!("What {is} {described} {asked}?"), name.to_owned()));
    }
    None
}

/// `text` with its first letter lowercased, unless the first word is a name or an
/// acronym (capitals after its first letter, or a capital in every word).
pub(super) fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or_default();
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Glossary lines: "Term: what it means" or "Term – what it means".
fn terms(material: &Material) -> Vec<Draft> {
    let mut cards = Vec::new();
    for (index, passage) in material.passages.iter().enumerate() {
        for line in passage.text.lines() {
            let Some((term, meaning)) = glossary_line(line) else {
                continue;
            };
            cards.push(Draft {
                kind: CardKind::Term,
                generator: TERM.into(),
                front: term.to_owned(),
                back: meaning.to_owned(),
                source_ref: material.source_ref(index, line.trim()),
                concept: None,
            });
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::super::material::{Passage, Phrase};
    use super::*;
    use satchel_types::HitKind;

    fn material(text: &str, phrases: &[&str]) -> Material {
        Material {
            owner_id: "s1".into(),
            kind: HitKind::Document,
            title: "Chapter".into(),
            passages: vec![Passage {
                text: text.into(),
                vector: Vec::new(),
                page: Some(3),
                start_ms: None,
                end_ms: None,
                bbox: None,
                language: None,
            }],
            phrases: phrases
                .iter()
                .enumerate()
                .map(|(i, p)| Phrase {
                    text: (*p).into(),
                    concept: i as i64,
                })
                .collect(),
        }
    }

    #[test]
    fn a_cloze_card_blanks_every_mention_of_the_key_phrase() {
        let m = material(
            "Mitosis makes two identical cells. In mitosis the chromosomes are copied first and then mitosis ends.",
            &["mitosis", "chromosomes"],
        );
        let cards = cloze(&m);
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].front, "_____ makes two identical cells.");
        assert_eq!(cards[0].back, "Mitosis");
        assert_eq!(
            cards[1].front,
            "In mitosis the _____ are copied first and then mitosis ends."
        );
        assert_eq!(cards[1].back, "chromosomes");
        assert_eq!(cards[1].source_ref.page, Some(3));
        assert_eq!(cards[1].concept, Some(1));
    }

    #[test]
    fn definitions_are_asked_as_questions() {
        assert_eq!(
            defines("Mitosis is how a body cell divides into two."),
            Some((
                "What is Mitosis?".into(),
                "how a body cell divides into two".into()
            ))
        );
        assert_eq!(
            defines("An atom is the smallest part of an element."),
            Some((
                "What is an atom?".into(),
                "the smallest part of an element".into()
            ))
        );
        assert_eq!(defines("It is a sunny day today."), None, "a pronoun");
        assert_eq!(
            defines("The number of protons in the nucleus is large."),
            None,
            "too long a term"
        );
        assert_eq!(defines("Water is wet."), None, "too short a definition");
        assert_eq!(
            called("The number of protons is called the atomic number."),
            Some((
                "What is the number of protons called?".into(),
                "the atomic number".into()
            ))
        );
        assert_eq!(
            called("Plants give off water from their leaves, and this is called transpiration."),
            None
        );
        assert_eq!(
            called("Molten rock below ground is known as magma."),
            Some((
                "What is molten rock below ground known as?".into(),
                "magma".into()
            ))
        );
    }

    #[test]
    fn glossary_lines_are_term_cards() {
        let m = material(
            "Key words\nOsmosis: water moving through a membrane.\n- **Diffusion** – particles spreading out\nWhat is it? Nothing much",
            &[],
        );
        let cards = terms(&m);
        let pairs: Vec<(&str, &str)> = cards
            .iter()
            .map(|c| (c.front.as_str(), c.back.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("Osmosis", "water moving through a membrane"),
                ("Diffusion", "particles spreading out")
            ]
        );
        assert_eq!(
            cards[0].source_ref.text,
            "Osmosis: water moving through a membrane."
        );
    }
}
