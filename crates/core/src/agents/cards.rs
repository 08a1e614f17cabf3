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
use super::spans::{Span, SpanKind, spans};
use super::text::{Mentions, Sentence, find_phrase, glossary_line, normal, words};
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
    let blanked = cloze(material, caps[0]);
    let mut terms = terms(material);
    terms.truncate(caps[2]);
    cards.extend(blanked);
    cards.extend(terms);
    cards
}

fn texts(material: &Material) -> Vec<&str> {
    material.passages.iter().map(|p| p.text.as_str()).collect()
}

/// A sentence gives this many cloze cards at most: more would blank most of it.
const PER_SENTENCE: usize = 2;
/// What a key phrase's place among the material's phrases adds to a span's worth, at
/// most (the most central phrase).
const CENTRAL: f32 = 1.0;
/// What a one-word name said only once loses.
const PASSING: f32 = 0.4;
/// What each further mention of an answer in the material adds, up to three.
const MENTIONED: f32 = 0.3;

/// Words that, starting a sentence, point back to the sentence before: "They are
/// wrapped in…" needs it to be understood.
const POINTING_BACK: &[&str] = &[
    "it", "its", "they", "their", "them", "this", "these", "those", "he", "she", "his", "her",
    "such",
];

/// Cloze cards: in each key sentence, the words a teacher would ask for
/// ([`spans`](super::spans)), the most telling and central first, each answer once,
/// each card with one blank.
fn cloze(material: &Material, limit: usize) -> Vec<Draft> {
    let texts = texts(material);
    let sentences = material.study_sentences(MIN_SENTENCE_WORDS);
    let phrases: Vec<&str> = material.phrases.iter().map(|p| p.text.as_str()).collect();
    let language = material.language();
    let mentions = Mentions::new(&texts);
    let mut candidates: Vec<(f32, usize, Span)> = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let text = &texts[sentence.passage][sentence.span.clone()];
        if words(text).len() > MAX_SENTENCE_WORDS {
            continue;
        }
        let said_in = material.passages[sentence.passage]
            .language
            .or(language)
            .unwrap_or(Lang::En);
        for span in spans(text, said_in, &phrases, &mentions) {
            let answer = &text[span.range.clone()];
            // Blanked twice, or left in the sentence once, it is two gaps or a giveaway.
            if find_phrase(text, answer).len() != 1 {
                continue;
            }
            let central = phrases
                .iter()
                .position(|p| {
                    !find_phrase(answer, p).is_empty() || !find_phrase(p, answer).is_empty()
                })
                .map_or(0.0, |rank| {
                    CENTRAL * (1.0 - rank as f32 / phrases.len() as f32)
                });
            let said = mentions.count(answer);
            // A name said once in passing ("…in America…") is less than a person or a
            // place the material is about.
            let passing = span.kind == SpanKind::Name && said < 2 && !answer.contains(' ');
            let worth = span.kind.weight() - if passing { PASSING } else { 0.0 }
                + central
                + MENTIONED * said.saturating_sub(1).min(3) as f32;
            candidates.push((worth, index, span));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // Every sentence's best first, then seconds: a pack that covers the material
    // before it asks twice of one sentence.
    let mut firsts: Vec<usize> = Vec::new();
    let (best, rest): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|(_, index, _)| {
        let first = !firsts.contains(index);
        firsts.push(*index);
        first
    });
    let mut cards = Vec::new();
    let mut asked: Vec<String> = Vec::new();
    let mut taken: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (_, index, span) in best.into_iter().chain(rest) {
        if cards.len() >= limit {
            break;
        }
        let sentence = &sentences[index];
        let text = &texts[sentence.passage][sentence.span.clone()];
        let answer = &text[span.range.clone()];
        let key = normal(answer);
        let crowded = taken.iter().filter(|(i, _)| *i == index).count() >= PER_SENTENCE;
        let overlaps = taken
            .iter()
            .any(|(i, r)| *i == index && r.start < span.range.end && span.range.start < r.end);
        if asked.contains(&key) || crowded || overlaps {
            continue;
        }
        asked.push(key);
        taken.push((index, span.range.clone()));
        let blanked = format!(
            "{}{BLANK}{}",
            &text[..span.range.start],
            &text[span.range.end..]
        );
        let front = match context(&texts, &sentences, index) {
            Some(before) if find_phrase(before, answer).is_empty() => format!("{before} {blanked}"),
            _ => blanked,
        };
        let concept = material
            .phrases
            .iter()
            .find(|p| !find_phrase(answer, &p.text).is_empty())
            .map(|p| p.concept);
        cards.push(Draft {
            kind: CardKind::Cloze,
            generator: CLOZE.into(),
            front,
            back: answer.to_owned(),
            source_ref: material.source_ref(sentence.passage, text),
            concept,
        });
    }
    cards
}

/// The sentence before sentence `index`, when `index` starts by pointing back to it
/// and both are of one passage.
fn context<'t>(texts: &[&'t str], sentences: &[Sentence], index: usize) -> Option<&'t str> {
    let sentence = &sentences[index];
    let first = words(&texts[sentence.passage][sentence.span.clone()])
        .into_iter()
        .next()?;
    if !POINTING_BACK.contains(&first.as_str()) {
        return None;
    }
    let text = texts[sentence.passage];
    crate::search::sentences(&text[..sentence.span.start])
        .last()
        .map(|span| &text[span.clone()])
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
    for sentence in material.study_sentences(4) {
        let text = &texts[sentence.passage][sentence.span.clone()];
        // Each passage in its own language: a Spanish quotation in an English note is
        // read as Spanish.
        let said_in = material.passages[sentence.passage].language.or(language);
        let asked = match said_in {
            Some(Lang::En) | None => called(text).or_else(|| defines(text)),
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

/// A definition this long at most is asked as a question; longer, the term's cloze
/// asks for it.
const MAX_DEFINITION_WORDS: usize = 20;

/// "X is/are/means Y" → a question that asks for the term X from its definition Y:
/// "An atom is the smallest part of an element" → ("What is the smallest part of an
/// element?", "atom"). X is one to four words, no pronoun. A teacher asks for the
/// term; the definition is the cue.
fn defines(sentence: &str) -> Option<(String, String)> {
    let body = sentence.trim_end_matches(['.', '!', ';']);
    for verb in [" is ", " are ", " means ", " refers to "] {
        let Some(at) = body.find(verb) else {
            continue;
        };
        let (term, definition) = (&body[..at], body[at + verb.len()..].trim());
        let all_words: Vec<&str> = term.split_whitespace().collect();
        let article = all_words
            .first()
            .map(|w| w.to_lowercase())
            .filter(|w| matches!(w.as_str(), "a" | "an" | "the"));
        let term_words = &all_words[usize::from(article.is_some())..];
        let defining = definition.split_whitespace().count();
        let defines_something = (1..=4).contains(&term_words.len())
            && !NOT_TERMS.contains(&term_words[0].to_lowercase().as_str())
            && term_words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '\'')
            })
            && (3..=MAX_DEFINITION_WORDS).contains(&defining)
            && !definition.starts_with("not ")
            && !definition.contains([',', ';', ':', '('])
            && !passive(definition);
        if !defines_something {
            return None;
        }
        let first = definition
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let question = match (verb.trim(), first.as_str()) {
            ("means", _) => format!("Which word means {definition}?"),
            ("refers to", _) => format!("Which term refers to {definition}?"),
            (_, "how" | "when" | "where" | "why" | "what" | "whatever") => {
                format!("What is the name for {definition}?")
            }
            ("is", "the") => format!("What is {definition}?"),
            ("are", "the") => format!("What are {definition}?"),
            _ => format!("What do we call {definition}?"),
        };
        return Some((question, term_words.join(" ")));
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

    /// One blank a card, on what a teacher would ask: the term a sentence names and
    /// the quantity it gives before a word it merely uses; a sentence that says its
    /// answer twice makes no cloze (it would be two blanks or a giveaway).
    #[test]
    fn a_cloze_card_blanks_what_a_teacher_would_ask_once() {
        let m = material(
            "Each lung holds millions of tiny air sacs called alveoli. In mitosis the chromosomes are copied and then mitosis ends. Water boils at 100 °C at sea level.",
            &["lung", "mitosis"],
        );
        let cards = cloze(&m, 12);
        let asked: Vec<(&str, &str)> = cards
            .iter()
            .map(|c| (c.front.as_str(), c.back.as_str()))
            .collect();
        assert_eq!(
            asked[..2],
            [
                (
                    "Each lung holds millions of tiny air sacs called _____.",
                    "alveoli"
                ),
                ("Water boils at _____ at sea level.", "100 °C"),
            ]
        );
        assert!(
            cards.iter().all(|c| c.front.matches(BLANK).count() == 1),
            "{asked:?}"
        );
        assert!(
            !asked
                .iter()
                .any(|(_, back)| back.eq_ignore_ascii_case("mitosis"))
        );
        assert_eq!(cards[1].source_ref.page, Some(3));
    }

    #[test]
    fn definitions_are_asked_as_questions() {
        assert_eq!(
            defines("Mitosis is how a body cell divides into two."),
            Some((
                "What is the name for how a body cell divides into two?".into(),
                "Mitosis".into()
            ))
        );
        assert_eq!(
            defines("An atom is the smallest part of an element."),
            Some((
                "What is the smallest part of an element?".into(),
                "atom".into()
            ))
        );
        assert_eq!(
            defines("Enzymes are proteins that speed up reactions in living things."),
            Some((
                "What do we call proteins that speed up reactions in living things?".into(),
                "Enzymes".into()
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
