//! How good a study pack is, measured against what a teacher would test.
//!
//! The set (`tests/pack-set/passages.toml`) is textbook passages written by hand, each
//! with the key facts a teacher would ask a learner to produce: the answer term and its
//! accepted forms. A pack's cards are scored on three things, none of which the pack's
//! own validator decides:
//!
//! - **key-fact recall**: the share of key facts some card asks the learner to
//!   produce — its answer is the fact (give or take two words, "the tiny alveoli") and
//!   its front does not contain it;
//! - **precision**: the share of cards worth studying — the answer is a key fact, or a
//!   content term of at most [`TERM_WORDS`] words that is not a piece of a key fact
//!   ("dioxide" of "carbon dioxide"), and the front is a well-formed question (ending in
//!   a question mark) or cloze (exactly one blank, in a sentence of its own words) that
//!   does not give the answer away;
//! - **grounding**: the share of cards whose source words stand in the passage as the
//!   learner wrote it, with the answer among them as whole words.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

/// An answer of at most this many words can be a term to recall; longer is a
/// definition to paraphrase.
pub const TERM_WORDS: usize = 4;
/// Words an answer may carry beyond a key fact's form and still ask for it ("the tiny
/// alveoli").
const EXTRA_WORDS: usize = 2;
/// What a cloze card's blank looks like.
pub const BLANK: &str = "_____";

#[derive(Debug, Clone, Deserialize)]
pub struct PackSet {
    #[serde(rename = "passage")]
    pub passages: Vec<Passage>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Passage {
    pub id: String,
    pub subject: String,
    pub language: String,
    pub title: String,
    pub text: String,
    #[serde(rename = "fact")]
    pub facts: Vec<KeyFact>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct KeyFact {
    /// The question a teacher would ask, for people reading a report.
    pub ask: String,
    /// The answer as the passage writes it, then other forms a teacher accepts.
    pub answer: Vec<String>,
}

impl PackSet {
    /// The set in the repository.
    pub fn load() -> Result<Self, String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pack-set/passages.toml");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The passages in English, or (`false`) those in the set's other languages: their
    /// writers' rules differ, so their figures are apart.
    pub fn english(&self, english: bool) -> Vec<&Passage> {
        self.passages
            .iter()
            .filter(|p| (p.language == "en") == english)
            .collect()
    }
}

/// A card as the scorer sees it.
#[derive(Debug, Clone)]
pub struct Card {
    pub generator: String,
    pub front: String,
    pub back: String,
    /// The words of the source the card says it came from.
    pub source_text: String,
}

/// What a pack's cards made of one passage.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub facts: usize,
    pub recalled: usize,
    pub cards: usize,
    pub precise: usize,
    pub grounded: usize,
    /// The facts no card asked for (their first form).
    pub missed: Vec<String>,
    /// Cards that are not precise, and why.
    pub imprecise: Vec<(String, &'static str)>,
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        self.facts += other.facts;
        self.recalled += other.recalled;
        self.cards += other.cards;
        self.precise += other.precise;
        self.grounded += other.grounded;
    }

    pub fn recall(&self) -> f64 {
        ratio(self.recalled, self.facts)
    }

    pub fn precision(&self) -> f64 {
        ratio(self.precise, self.cards)
    }

    pub fn grounding(&self) -> f64 {
        ratio(self.grounded, self.cards)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Lowercase words, punctuation dropped (but a degree sign or a percent kept), and no
/// leading article.
fn words(text: &str) -> Vec<String> {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '°' | '%' | '\'' | '’' | '-' | '.' | ',') {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut found: Vec<String> = cleaned
        .split_whitespace()
        // A full stop or comma inside a number ("1.5", "10,000") stays; at an end it goes.
        .map(|w| {
            let w = w.trim_matches(['.', ',', '\'', '’', '-']).to_lowercase();
            // French elision: "l'océan" is "océan".
            let w = match w.split_once(['\'', '’']) {
                Some((before, after))
                    if !after.is_empty()
                        && ["l", "d", "j", "qu", "s", "n", "c", "m", "t"].contains(&before) =>
                {
                    after.to_owned()
                }
                _ => w,
            };
            // "Watt's engine" names Watt.
            match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
                Some(name) if !name.is_empty() => name.to_owned(),
                _ => w,
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    while found
        .first()
        .is_some_and(|w| ARTICLES.contains(&w.as_str()))
    {
        found.remove(0);
    }
    found
}

/// Articles in the set's languages: "the alveoli" answers "alveoli".
const ARTICLES: &[&str] = &[
    "a", "an", "the", "el", "la", "los", "las", "un", "una", "le", "les", "l", "une", "des", "o",
    "os", "as", "um", "uma",
];

/// Words that are not content on their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "is",
    "are", "was", "were", "be", "it", "its", "this", "that", "these", "those", "as", "into",
    "than", "then", "which", "who", "their", "they", "there", "but", "not", "so", "de", "del", "y",
    "en", "el", "la", "los", "las", "et", "le", "les", "du", "des", "da", "do", "das", "dos", "e",
    "em", "que", "un", "una", "une", "o", "os", "as",
];

/// Where `needle` first stands in `haystack` as a run of whole words.
fn find(haystack: &[String], needle: &[String]) -> Option<usize> {
    places(haystack, needle).first().copied()
}

/// Every place `needle` stands in `haystack`.
fn places(haystack: &[String], needle: &[String]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return Vec::new();
    }
    (0..=haystack.len() - needle.len())
        .filter(|&i| haystack[i..i + needle.len()] == *needle)
        .collect()
}

/// Whether `part` stands in `text` somewhere, and only inside mentions of `whole`.
fn inside_only(text: &[String], whole: &[String], part: &[String]) -> bool {
    let wholes = places(text, whole);
    let parts = places(text, part);
    !parts.is_empty()
        && parts.iter().all(|&p| {
            wholes
                .iter()
                .any(|&w| w <= p && p + part.len() <= w + whole.len())
        })
}

/// Whether answer words `answer` ask for a fact of form `form`.
fn asks_for(answer: &[String], form: &[String]) -> bool {
    !form.is_empty() && answer.len() <= form.len() + EXTRA_WORDS && find(answer, form).is_some()
}

/// Whether the answer is the number of a quantity whose unit the front gives: "46" on
/// "Body cells have _____ chromosomes." asks for "46 chromosomes".
fn number_of(answer: &[String], form: &[String], front: &[String]) -> bool {
    let numeric = |w: &String| w.chars().next().is_some_and(|c| c.is_ascii_digit());
    form.len() > 1
        && numeric(&form[0])
        && answer.len() == 1
        && answer[0] == form[0]
        && find(front, &form[1..]).is_some()
}

/// Which of `facts` the card asks the learner to produce.
fn facts_asked<'f>(card: &Card, facts: &'f [KeyFact]) -> Vec<&'f KeyFact> {
    let (front, answer) = (words(&card.front), words(&card.back));
    facts
        .iter()
        .filter(|fact| {
            let forms: Vec<Vec<String>> = fact.answer.iter().map(|f| words(f)).collect();
            // The form asked for must not be on the front; another may ("called _____,
            // or herbivores" asks for "primary consumers").
            forms.iter().any(|form| {
                (asks_for(&answer, form) || number_of(&answer, form, &front))
                    && find(&front, form).is_none()
            })
        })
        .collect()
}

/// Why a card is not worth studying, if it is not.
fn imprecision(card: &Card, facts: &[KeyFact]) -> Option<&'static str> {
    let (front, answer) = (words(&card.front), words(&card.back));
    if answer.is_empty() {
        return Some("no answer");
    }
    if find(&front, &answer).is_some() {
        return Some("the front gives the answer away");
    }
    let blanks = card.front.matches(BLANK).count();
    let question = card.front.trim_end().ends_with(['?', '？', '؟']);
    if blanks > 1 {
        return Some("more than one blank");
    }
    if blanks == 0 && !question {
        return Some("neither a question nor a cloze");
    }
    if front.len() < 3 {
        return Some("too short a front");
    }
    if !facts_asked(card, facts).is_empty() {
        return None;
    }
    if answer.len() > TERM_WORDS {
        return Some("a long answer that is no key fact");
    }
    let content = |w: &String| !FUNCTION_WORDS.contains(&w.as_str());
    if !answer.first().is_some_and(content) || !answer.last().is_some_and(content) {
        return Some("the answer starts or ends with a function word");
    }
    // Half a term: in the card's sentence the answer stands only inside a longer key
    // fact ("carbon _____" → "dioxide"). "Inflation" asked where the sentence says
    // "inflation" alone is a term of its own, though "demand-pull inflation" is a fact.
    let source = words(&card.source_text);
    let piece = facts.iter().flat_map(|f| &f.answer).any(|form| {
        let form = words(form);
        form.len() > answer.len()
            && find(&form, &answer).is_some()
            && inside_only(&source, &form, &answer)
    });
    if piece {
        return Some("a piece of a key fact");
    }
    None
}

/// Whether the card's source words stand in `passage` as written, its answer among
/// them.
fn grounded(card: &Card, passage: &str) -> bool {
    let source = card
        .source_text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = passage.split_whitespace().collect::<Vec<_>>().join(" ");
    !source.is_empty()
        && text.to_lowercase().contains(&source.to_lowercase())
        && find(&words(&source), &words(&card.back)).is_some()
}

/// The score of `cards`, made from `passage`.
pub fn score(passage: &Passage, cards: &[Card]) -> Score {
    let mut recalled: Vec<&KeyFact> = Vec::new();
    let mut score = Score {
        facts: passage.facts.len(),
        cards: cards.len(),
        ..Score::default()
    };
    for card in cards {
        // Only a well-formed card asks for anything: two blanks or a front that is no
        // question recall nothing.
        let why = imprecision(card, &passage.facts);
        if why.is_none() {
            for fact in facts_asked(card, &passage.facts) {
                if !recalled.iter().any(|f| std::ptr::eq(*f, fact)) {
                    recalled.push(fact);
                }
            }
        }
        match why {
            None => score.precise += 1,
            Some(why) => score
                .imprecise
                .push((format!("{} → {}", card.front, card.back), why)),
        }
        score.grounded += usize::from(grounded(card, &passage.text));
    }
    score.recalled = recalled.len();
    score.missed = passage
        .facts
        .iter()
        .filter(|f| !recalled.iter().any(|r| std::ptr::eq(*r, *f)))
        .filter_map(|f| f.answer.first().cloned())
        .collect();
    score
}

/// Scores of the whole set: all cards, and each generator's cards alone.
#[derive(Debug, Clone, Default)]
pub struct SetScore {
    pub all: Score,
    pub by_generator: BTreeMap<String, Score>,
    pub by_passage: Vec<(String, Score)>,
}

impl SetScore {
    pub fn add(&mut self, passage: &Passage, cards: &[Card]) {
        let all = score(passage, cards);
        self.all.add(&all);
        let mut generators: Vec<&str> = cards.iter().map(|c| c.generator.as_str()).collect();
        generators.sort_unstable();
        generators.dedup();
        for generator in generators {
            let theirs: Vec<Card> = cards
                .iter()
                .filter(|c| c.generator == generator)
                .cloned()
                .collect();
            let entry = self.by_generator.entry(generator.to_owned()).or_default();
            entry.add(&score(passage, &theirs));
        }
        self.by_passage.push((passage.id.clone(), all));
    }

    /// Each generator's recall over the whole set's facts (a generator that wrote
    /// nothing for a passage missed all its facts).
    pub fn generator_recall(&self, generator: &str) -> f64 {
        let recalled = self.by_generator.get(generator).map_or(0, |s| s.recalled);
        ratio(recalled, self.all.facts)
    }
}

impl SetScore {
    /// A table: all cards, then each generator's alone.
    pub fn table(&self) -> String {
        let mut out = format!(
            "{:<40} {:>6} {:>10} {:>10} {:>10}\n",
            "cards", "count", "recall", "precision", "grounded"
        );
        out.push_str(&row("all", &self.all, self.all.recall()));
        for (generator, score) in &self.by_generator {
            out.push_str(&row(
                &format!("  {generator} alone"),
                score,
                self.generator_recall(generator),
            ));
        }
        out
    }
}

/// One line of [`SetScore::table`]: `score`'s cards, with `recall` over the set's facts.
pub fn row(name: &str, score: &Score, recall: f64) -> String {
    format!(
        "{name:<40} {:>6} {:>9.1}% {:>9.1}% {:>9.1}%\n",
        score.cards,
        100.0 * recall,
        100.0 * score.precision(),
        100.0 * score.grounding()
    )
}

/// A cloze card on `term`, as a writer that only picks answers would make it: the
/// first sentence of `text` that says the term once, with it blanked. `None` when no
/// sentence says it (the term is not the passage's).
pub fn cloze_of(text: &str, term: &str, generator: &str) -> Option<Card> {
    use unicode_segmentation::UnicodeSegmentation;
    let needle = term.trim().to_lowercase();
    if words(&needle).is_empty() {
        return None;
    }
    text.split_sentence_bounds().find_map(|sentence| {
        let sentence = sentence.trim();
        let lower = sentence.to_lowercase();
        // Lowercasing that changes byte lengths (rare letters) finds nothing rather
        // than a wrong place.
        if lower.len() != sentence.len() {
            return None;
        }
        let bounds: std::collections::HashSet<usize> = sentence
            .split_word_bound_indices()
            .map(|(at, _)| at)
            .chain([sentence.len()])
            .collect();
        let places: Vec<usize> = lower
            .match_indices(&needle)
            .map(|(at, _)| at)
            .filter(|at| bounds.contains(at) && bounds.contains(&(at + needle.len())))
            .collect();
        let [start] = places[..] else {
            return None;
        };
        let end = start + needle.len();
        Some(Card {
            generator: generator.to_owned(),
            front: format!("{}{BLANK}{}", &sentence[..start], &sentence[end..]),
            back: sentence[start..end].to_owned(),
            source_text: sentence.to_owned(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage() -> Passage {
        Passage {
            id: "biology-lungs".into(),
            subject: "biology".into(),
            language: "en".into(),
            title: "Breathing".into(),
            text: "Each lung holds millions of tiny air sacs called alveoli. Blood gives up carbon dioxide there.".into(),
            facts: vec![
                KeyFact {
                    ask: "What are the air sacs called?".into(),
                    answer: vec!["alveoli".into(), "alveolus".into()],
                },
                KeyFact {
                    ask: "What gas does blood give up?".into(),
                    answer: vec!["carbon dioxide".into(), "CO2".into()],
                },
            ],
        }
    }

    fn card(front: &str, back: &str, source: &str) -> Card {
        Card {
            generator: "cloze".into(),
            front: front.into(),
            back: back.into(),
            source_text: source.into(),
        }
    }

    const LUNG: &str = "Each lung holds millions of tiny air sacs called alveoli.";
    const BLOOD: &str = "Blood gives up carbon dioxide there.";

    #[test]
    fn a_card_that_asks_for_a_key_fact_recalls_it_and_is_precise() {
        let cards = [
            card(
                "Each lung holds millions of tiny air sacs called _____.",
                "the alveoli",
                LUNG,
            ),
            card("Blood gives up _____ there.", "Carbon Dioxide", BLOOD),
        ];
        let score = score(&passage(), &cards);
        assert_eq!((score.recalled, score.precise, score.grounded), (2, 2, 2));
        assert!(score.missed.is_empty());
    }

    /// The misses: the lung blanked instead of the air sacs' name, half a term,
    /// two blanks, an answer the front gives away, a sentence not in the passage.
    #[test]
    fn what_a_teacher_would_not_ask_is_not_counted() {
        let cards = [
            card(
                "Each _____ holds millions of tiny air sacs called alveoli.",
                "lung",
                LUNG,
            ),
            card("Blood gives up carbon _____ there.", "dioxide", BLOOD),
            card("_____ gives up _____ there.", "Blood", BLOOD),
            card(
                "What does blood give up, carbon dioxide?",
                "carbon dioxide",
                BLOOD,
            ),
            card(
                "The air sacs are called _____.",
                "alveoli",
                "The air sacs are called alveoli.",
            ),
        ];
        let score = score(&passage(), &cards);
        assert_eq!(score.recalled, 1, "only the last card asks for a fact");
        assert_eq!(score.missed, ["carbon dioxide"]);
        let why: Vec<&str> = score.imprecise.iter().map(|(_, why)| *why).collect();
        assert_eq!(
            why,
            [
                "a piece of a key fact",
                "more than one blank",
                "the front gives the answer away"
            ]
        );
        assert_eq!(
            score.precise, 2,
            "the lung is a content term; the last asks a fact"
        );
        assert_eq!(
            score.grounded, 4,
            "the last card's sentence is not the passage's"
        );
    }

    #[test]
    fn a_picked_term_becomes_a_cloze_of_the_first_sentence_saying_it_once() {
        let text = "Lungs hold alveoli. Each lung holds tiny air sacs called Alveoli. Air enters.";
        let card = cloze_of(text, "alveoli", "model").unwrap();
        assert_eq!(card.front, "Lungs hold _____.");
        assert_eq!(card.back, "alveoli");
        let card = cloze_of(
            "Plants take in carbon dioxide by day.",
            "Carbon Dioxide",
            "m",
        )
        .unwrap();
        assert_eq!(
            (card.front.as_str(), card.back.as_str()),
            ("Plants take in _____ by day.", "carbon dioxide")
        );
        assert!(cloze_of(text, "oxygen", "m").is_none());
        let card = cloze_of("Water boils at 100 °C at sea level.", "100 °C", "m").unwrap();
        assert_eq!(card.front, "Water boils at _____ at sea level.");
        assert!(
            cloze_of("It is a cell, a cell.", "cell", "m").is_none(),
            "said twice"
        );
    }

    #[test]
    fn the_set_in_the_repository_is_sound() {
        let set = PackSet::load().unwrap();
        assert!(set.passages.len() >= 24, "{} passages", set.passages.len());
        for passage in &set.passages {
            assert!(!passage.facts.is_empty(), "{}", passage.id);
            let text = words(&passage.text);
            for fact in &passage.facts {
                let form = words(&fact.answer[0]);
                assert!(
                    find(&text, &form).is_some(),
                    "{}: {:?} is not in the text",
                    passage.id,
                    fact.answer[0]
                );
            }
        }
    }
}
