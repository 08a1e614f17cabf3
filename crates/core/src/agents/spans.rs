//! Answer spans: the words of a sentence a teacher would ask a learner to produce.
//!
//! A teacher does not blank a word because it is frequent; they ask for the term a
//! sentence names ("tiny air sacs called *alveoli*"), the thing a sentence defines
//! ("*Mitosis* is how a cell divides"), a quantity with its unit ("water boils at
//! *100 °C*"), a date, a named person, place or thing ("*Marie Curie*"), what a cause
//! leads to ("…produces *glucose*"), and, failing those, the material's key phrases as
//! whole terms ("*carbon dioxide*", never "carbon _____"). Each span is whole words of
//! the sentence, so the card built on it is grounded by construction and the
//! validator checks it again.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::text::{Mentions, find_phrase};
use crate::lang::{self, Lang};

/// A term is this many words at most; longer is a description.
const TERM_WORDS: usize = 4;

/// Why a span is worth asking, from the most telling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SpanKind {
    /// Named by the sentence: "…called X", "…known as X".
    Named,
    /// What the sentence defines: "X is a…", "X, the…, …".
    Defined,
    /// A number with its unit, or a year.
    Quantity,
    /// What a sentence is about: its subject ("The nucleus holds…").
    Subject,
    /// The plainer name a sentence gives beside a term ("the trachea, or windpipe").
    Synonym,
    /// A word built as technical terms are ("photosynthesis", "erosion").
    Technical,
    /// A proper name: a person, a place, an event.
    Name,
    /// What a cause leads to: "…produces X", "…because of X".
    Effect,
    /// One of the material's key phrases, as a whole term.
    KeyPhrase,
}

impl SpanKind {
    /// How much more a teacher would ask for this kind than for a key phrase.
    pub fn weight(self) -> f32 {
        match self {
            SpanKind::Named => 3.0,
            SpanKind::Defined => 2.5,
            SpanKind::Quantity => 2.0,
            SpanKind::Subject => 1.2,
            SpanKind::Synonym => 1.3,
            SpanKind::Technical => 1.1,
            SpanKind::Name => 1.6,
            SpanKind::Effect => 1.4,
            SpanKind::KeyPhrase => 1.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span {
    /// Byte range in the sentence.
    pub range: Range<usize>,
    pub kind: SpanKind,
}

/// A word of a sentence: its byte range, and whether punctuation (not a space)
/// stands between it and the word before.
#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    /// Punctuation stands before it (a comma, a bracket, a dash).
    broken: bool,
}

fn words_of(sentence: &str) -> Vec<Word> {
    let mut found: Vec<Word> = Vec::new();
    let mut broken = false;
    for (at, segment) in sentence.split_word_bound_indices() {
        if segment.chars().any(char::is_alphanumeric) {
            // "water-cycle" and "l'eau" are one word, as for the rest of the agents.
            let joined = !broken
                && found
                    .last()
                    .is_some_and(|w| w.range.end == at && sentence[..at].ends_with(['-']));
            match found.last_mut() {
                Some(last) if joined => last.range.end = at + segment.len(),
                _ => found.push(Word {
                    range: at..at + segment.len(),
                    broken,
                }),
            }
            broken = false;
        } else if segment == "-" {
            // A hyphen inside a word joins; see above.
            if found.last().is_some_and(|w| w.range.end == at) {
                if let Some(last) = found.last_mut() {
                    last.range.end = at + 1;
                }
            } else {
                broken = true;
            }
        } else if !segment.trim().is_empty() && !matches!(segment, "'" | "’" | "°" | "%") {
            broken = true;
        }
    }
    found
}

/// Markers after which a sentence names a term, by language.
fn naming_markers(language: Lang) -> &'static [&'static str] {
    match language {
        Lang::En => &[
            "called",
            "known as",
            "named",
            "termed",
            "referred to as",
            "the name for this is",
        ],
        Lang::Es => &[
            "llamado",
            "llamada",
            "llamados",
            "llamadas",
            "se llama",
            "se llaman",
            "conocido como",
            "conocida como",
            "conocidos como",
            "conocidas como",
            "se conoce como",
            "denominado",
            "denominada",
            "se denomina",
        ],
        Lang::Fr => &[
            "appelé",
            "appelée",
            "appelés",
            "appelées",
            "s'appelle",
            "s’appelle",
            "nommé",
            "nommée",
            "connu sous le nom de",
            "connue sous le nom de",
        ],
        Lang::Pt => &[
            "chamado",
            "chamada",
            "chamados",
            "chamadas",
            "se chama",
            "conhecido como",
            "conhecida como",
            "denominado",
            "denominada",
        ],
        Lang::Sw => &["huitwa", "inaitwa", "zinaitwa", "hujulikana kama"],
        Lang::Hi | Lang::Ar => &[],
    }
}

/// Words after which a sentence says what a cause leads to.
fn effect_markers(language: Lang) -> &'static [&'static str] {
    match language {
        Lang::En => &[
            "causes",
            "caused by",
            "leads to",
            "lead to",
            "led to",
            "results in",
            "resulted in",
            "produces",
            "produce",
            "because of",
            "due to",
            "turns it into",
            "converts it into",
            "to form",
            "forms",
            "form",
            "becomes",
            "become",
            "turns into",
            "changes into",
        ],
        // "en"/"em" ("…en los cloroplastos"): where something happens is asked as
        // often as what it causes in these textbooks (measured on the pack set).
        Lang::Es => &["produce", "provoca", "causa", "debido a", "en"],
        Lang::Fr => &["produit", "provoque", "cause", "à cause de", "en"],
        Lang::Pt => &["produz", "provoca", "causa", "devido a", "em"],
        _ => &[],
    }
}

/// Verbs that, after a sentence's first words, say the sentence defines them.
fn defining_verbs(language: Lang) -> &'static [&'static str] {
    match language {
        Lang::En => &["is", "are", "was", "were", "means", "refers to"],
        Lang::Es => &["es", "son", "significa", "fue"],
        Lang::Fr => &["est", "sont", "signifie", "fut"],
        Lang::Pt => &["é", "são", "significa", "foi"],
        Lang::Sw => &["ni"],
        Lang::Hi | Lang::Ar => &[],
    }
}

fn articles(language: Lang) -> &'static [&'static str] {
    match language {
        Lang::En => &["a", "an", "the"],
        Lang::Es => &["el", "la", "los", "las", "un", "una", "unos", "unas"],
        Lang::Fr => &["le", "la", "les", "l", "un", "une", "des", "du"],
        Lang::Pt => &["o", "a", "os", "as", "um", "uma", "uns", "umas"],
        _ => &[],
    }
}

/// Words that join the words of a name or a term ("Treaty of Versailles").
fn joining(language: Lang, word: &str) -> bool {
    matches!(
        (language, word),
        (Lang::En, "of")
            | (Lang::Es, "de" | "del")
            | (Lang::Fr, "de" | "du" | "des")
            | (Lang::Pt, "de" | "do" | "da" | "dos" | "das")
    )
}

fn and(language: Lang, word: &str) -> bool {
    matches!(
        (language, word),
        (Lang::En, "and") | (Lang::Es, "y") | (Lang::Fr, "et") | (Lang::Pt, "e")
    )
}

/// Words a term cannot start with: pronouns and the like.
fn pronoun(language: Lang, word: &str) -> bool {
    let english = [
        "it", "this", "that", "these", "those", "there", "they", "he", "she", "we", "you", "i",
        "which", "what", "who", "here", "one", "each", "all", "some", "many", "most", "such",
        "its", "their", "his", "her", "our", "your", "both", "every", "other", "another",
    ];
    english.contains(&word) || (language != Lang::En && lang::is_common(word, Some(language)))
}

/// Units a number can carry, as written after it.
const UNITS: &[&str] = &[
    "°c",
    "°f",
    "°",
    "%",
    "percent",
    "per",
    "cent",
    "km",
    "m",
    "cm",
    "mm",
    "nm",
    "µm",
    "kg",
    "g",
    "mg",
    "ml",
    "cl",
    "kj",
    "kcal",
    "cal",
    "calories",
    "kw",
    "mw",
    "hz",
    "khz",
    "pa",
    "kpa",
    "km/h",
    "m/s",
    "mph",
    "km²",
    "m²",
    "m³",
    "cm³",
    "degrees",
    "degree",
    "metres",
    "meters",
    "metre",
    "meter",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "centimetres",
    "centimeters",
    "millimetres",
    "millimeters",
    "grams",
    "gram",
    "kilograms",
    "kilogram",
    "tonnes",
    "tons",
    "litres",
    "liters",
    "litre",
    "liter",
    "seconds",
    "second",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "centuries",
    "century",
    "million",
    "billion",
    "thousand",
    "hundred",
    "volts",
    "amps",
    "watts",
    "joules",
    "newtons",
    "hertz",
    "pascals",
    "light-years",
    "bc",
    "bce",
    "ad",
    "ce",
    "años",
    "ans",
    "anos",
    "grados",
    "degrés",
    "graus",
    "metros",
    "mètres",
    "kilómetros",
    "millones",
    "millions",
    "milhões",
    "siglos",
    "siècles",
    "séculos",
    "horas",
    "heures",
    "minutos",
    "días",
    "jours",
    "dias",
];

/// Words a number names rather than counts after ("step 2", "page 10").
const NUMBERED: &[&str] = &[
    "step", "figure", "fig", "chapter", "page", "unit", "table", "section", "lesson", "part",
    "number", "no", "question", "exercise", "grade", "level", "stage",
];

fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/'))
}

/// The answer spans of `sentence`, in `language`, given the material's key phrases
/// (most central first) and its whole text (how often a phrase stands with its
/// neighbours).
pub(crate) fn spans(
    sentence: &str,
    language: Lang,
    phrases: &[&str],
    whole: &Mentions,
) -> Vec<Span> {
    let words = words_of(sentence);
    let lower: Vec<String> = words
        .iter()
        .map(|w| sentence[w.range.clone()].to_lowercase())
        .collect();
    let mut found = Vec::new();
    let push = |from: usize, to: usize, kind: SpanKind, found: &mut Vec<Span>| {
        if from < to && to <= words.len() {
            let range = words[from].range.start..words[to - 1].range.end;
            if !found.iter().any(|s: &Span| s.range == range) {
                found.push(Span { range, kind });
            }
        }
    };
    // Matches a marker of several words at word `i`.
    let marker_at = |i: usize, marker: &str| -> Option<usize> {
        let parts: Vec<&str> = marker.split(' ').collect();
        let fits = parts.iter().enumerate().all(|(k, part)| {
            lower.get(i + k).is_some_and(|w| w == part) && (k == 0 || !words[i + k].broken)
        });
        fits.then_some(i + parts.len())
    };
    let stop = |i: usize| lang::is_common(&lang::fold(&lower[i]), Some(language));
    // A term from word `at`: articles skipped, up to [`TERM_WORDS`] words, ending at
    // punctuation or a common word (one joining a name may stay inside).
    // A name may also join lowercase words with "of" or "and" ("separation of
    // powers", "checks and balances"): `named` says the sentence named it.
    let term_from = |at: usize, named: bool| -> Option<(usize, usize)> {
        let mut from = at;
        while from < words.len() && articles(language).contains(&lower[from].as_str()) {
            from += 1;
        }
        if from >= words.len() || pronoun(language, &lower[from]) || words[from].broken && from > at
        {
            return None;
        }
        let mut to = from;
        while to < words.len() && to - from < TERM_WORDS {
            if to > from && words[to].broken {
                break;
            }
            if stop(to) {
                let next_capital = words.get(to + 1).is_some_and(|w| {
                    sentence[w.range.clone()]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                });
                let next_content = to + 1 < words.len() && !words[to + 1].broken && !stop(to + 1);
                let joins_name = (joining(language, &lower[to]) && next_capital)
                    || (named
                        && (joining(language, &lower[to]) || and(language, &lower[to]))
                        && next_content
                        && to + 2 - from <= TERM_WORDS);
                if !joins_name || to == from {
                    break;
                }
            }
            to += 1;
        }
        (to > from).then_some((from, to))
    };

    // Named: "…called alveoli", "…known as magma".
    for i in 0..words.len() {
        for marker in naming_markers(language) {
            if let Some(after) = marker_at(i, marker)
                && let Some((from, to)) = term_from(after, true)
            {
                push(from, to, SpanKind::Named, &mut found);
            }
        }
    }

    // Defined: the sentence's first words before "is a…", or before ", the …,".
    let start = usize::from(
        lower
            .first()
            .is_some_and(|w| articles(language).contains(&w.as_str())),
    );
    for end in start + 1..=(start + TERM_WORDS).min(words.len()) {
        let verb = defining_verbs(language)
            .iter()
            .find_map(|verb| marker_at(end, verb).map(|after| (verb, after)));
        let appositive = words.get(end).is_some_and(|w| w.broken)
            && sentence[words[end - 1].range.end..words[end].range.start].contains(',')
            && lower
                .get(end)
                .is_some_and(|w| articles(language).contains(&w.as_str()));
        let defines = match verb {
            // "is a…", "is the…", "are tiny…": a description follows, not "is found".
            Some((_, after)) => {
                words.len() >= after + 3
                    && lower.get(after).is_some_and(|w| {
                        articles(language).contains(&w.as_str())
                            || !(w.len() > 4 && w.ends_with("ed"))
                    })
            }
            None => appositive,
        };
        let term_words = start..end;
        let sound = !pronoun(language, &lower[start])
            && term_words.clone().all(|k| !words[k].broken || k == start)
            && term_words
                .clone()
                .all(|k| !stop(k) || joining(language, &lower[k]));
        if defines && sound {
            push(start, end, SpanKind::Defined, &mut found);
            break;
        }
        if words.get(end).is_some_and(|w| w.broken) || stop(end.min(words.len() - 1)) {
            break;
        }
    }

    // Appositives inside a sentence: "…by diffusion, the movement of…", "the diaphragm,
    // a sheet of muscle…", "the trachea, or windpipe, …". The term ends at the comma
    // and follows an article or a preposition.
    for c in 1..words.len() {
        let gap = &sentence[words[c - 1].range.end..words[c].range.start];
        let or = matches!(
            (language, lower[c].as_str()),
            (Lang::En, "or") | (Lang::Es, "o") | (Lang::Fr | Lang::Pt, "ou")
        );
        // ", usually a green plant", ", who sets the tempo".
        let hedged = language == Lang::En
            && matches!(
                lower[c].as_str(),
                "usually" | "often" | "mostly" | "typically" | "mainly" | "generally"
            )
            && lower
                .get(c + 1)
                .is_some_and(|w| articles(language).contains(&w.as_str()));
        let who = language == Lang::En && lower[c] == "who";
        if !gap.contains(',')
            || !(or || hedged || who || articles(language).contains(&lower[c].as_str()))
        {
            continue;
        }
        let mut from = c - 1;
        while from > 0 && c - from < 3 && !words[from].broken && !stop(from - 1) {
            from -= 1;
        }
        let last = &lower[c - 1];
        let sound = from > 0
            && stop(from - 1)
            && !words[from].broken
            && (from..c).all(|k| !stop(k))
            && !last.ends_with("ed")
            && !last.ends_with("ing")
            && !is_number(last);
        if sound {
            push(from, c, SpanKind::Defined, &mut found);
        }
        // "…, or windpipe, …": the other name is a term too.
        if or
            && let Some((from, to)) = term_from(c + 1, false)
            && words.get(to).is_none_or(|w| w.broken)
        {
            push(from, to, SpanKind::Synonym, &mut found);
        }
    }

    // A category before its examples: "decomposers such as bacteria and fungi".
    for i in 1..words.len() {
        let examples = marker_at(i, "such as").is_some()
            || (language == Lang::Es && marker_at(i, "como").is_some())
            || (language == Lang::Fr && marker_at(i, "comme").is_some());
        if !examples
            || language == Lang::Es && lower[i] == "como" && i + 1 < words.len() && stop(i + 1)
        {
            continue;
        }
        let mut from = i;
        while from > 0 && i - from < 3 && !stop(from - 1) && !words[from].broken {
            from -= 1;
        }
        if from < i && !words[from].broken && !words[i].broken && !is_number(&lower[i - 1]) {
            push(from, i, SpanKind::Defined, &mut found);
        }
    }

    // Technical words: built with the endings of science's terms.
    for (k, word) in lower.iter().enumerate() {
        let technical = language == Lang::En
            && word.chars().count() >= 8
            && [
                "sis", "tion", "sion", "ism", "ology", "cyte", "cytes", "ase", "ide", "ides",
                "phyll", "plast", "plasts", "meter", "scope",
            ]
            .iter()
            .any(|end| word.ends_with(end))
            && !stop(k);
        if technical {
            push(k, k + 1, SpanKind::Technical, &mut found);
        }
    }

    // The subject of an English sentence, before its verb: "The nucleus holds…",
    // "Plant cells have…". A verb is a helping verb, or a word in -s or -ed followed by
    // an article or a preposition.
    if language == Lang::En && !found.iter().any(|s| s.kind == SpanKind::Defined) {
        let helping = [
            "has", "have", "had", "can", "could", "will", "would", "may", "might", "must", "do",
            "does", "did",
        ];
        for verb in start + 1..(start + TERM_WORDS).min(words.len().saturating_sub(1)) {
            let word = &lower[verb];
            let verb_like = helping.contains(&word.as_str())
                || ((word.ends_with('s') && !word.ends_with("ss") || word.ends_with("ed"))
                    && stop(verb + 1));
            if verb_like {
                let sound = !pronoun(language, &lower[start])
                    && (start..verb).all(|k| !stop(k) && (k == start || !words[k].broken))
                    && !words[verb].broken;
                if sound {
                    push(start, verb, SpanKind::Subject, &mut found);
                }
                break;
            }
            if stop(verb) || words[verb].broken {
                break;
            }
        }
    }

    // Quantities: a number with its unit ("100 °C", "3.5 million years"), or a year.
    let mut i = 0;
    while i < words.len() {
        let word = &lower[i];
        if !is_number(word) {
            i += 1;
            continue;
        }
        let mut to = i + 1;
        // "1 000 kilomètres": digits grouped by spaces are one number.
        while to < words.len()
            && !words[to].broken
            && lower[to].len() == 3
            && lower[to].chars().all(|c| c.is_ascii_digit())
        {
            to += 1;
        }
        while to < words.len()
            && to - i < TERM_WORDS
            && !words[to].broken
            && UNITS.contains(&lower[to].as_str())
        {
            to += 1;
        }
        // A degree sign or percent written against the number.
        let tail = &sentence[words[to - 1].range.end..];
        let mut end_byte = words[to - 1].range.end;
        for symbol in ["°C", "°F", " °C", " °F", "%", " %", "°"] {
            if tail.starts_with(symbol) {
                end_byte += symbol.len();
                break;
            }
        }
        let year = word.len() == 4 && (1000..=2100).contains(&word.parse::<u32>().unwrap_or(0));
        let counted = to > i + 1 || end_byte > words[to - 1].range.end;
        // A number is a fact ("46 chromosomes", "from 0 to 14"), unless it names a
        // figure or a step ("Figure 3 shows", "step 2").
        let numbering = i > 0
            && (sentence[words[i - 1].range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                || NUMBERED.contains(&lower[i - 1].as_str()));
        if counted || year || !numbering {
            let range = words[i].range.start..end_byte;
            if !found.iter().any(|s| s.range == range) {
                found.push(Span {
                    range,
                    kind: SpanKind::Quantity,
                });
            }
        }
        i = to;
    }

    // Names: runs of capitalised words not first in the sentence ("Marie Curie" may be
    // first when two capitals run together).
    let capital = |k: usize| {
        sentence[words[k].range.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let mut k = 0;
    while k < words.len() {
        // "The Moon": the article is not the name.
        if !capital(k) || articles(language).contains(&lower[k].as_str()) {
            k += 1;
            continue;
        }
        let mut to = k + 1;
        while to < words.len() && to - k < TERM_WORDS && !words[to].broken {
            if capital(to) {
                to += 1;
            } else if joining(language, &lower[to]) && to + 1 < words.len() && capital(to + 1) {
                to += 2;
            } else {
                break;
            }
        }
        let first = k == 0
            || sentence[..words[k].range.start]
                .trim_end()
                .ends_with(['"', '“']);
        let acronym = sentence[words[k].range.clone()]
            .chars()
            .filter(|c| c.is_uppercase())
            .count()
            > 1;
        if (!first || to > k + 1 || acronym) && !pronoun(language, &lower[k]) {
            push(k, to, SpanKind::Name, &mut found);
        }
        k = to;
    }

    // Effects: "…produces glucose", "…because of friction".
    for i in 0..words.len() {
        for marker in effect_markers(language) {
            if let Some(after) = marker_at(i, marker)
                && let Some((from, to)) = term_from(after, false)
            {
                push(from, to, SpanKind::Effect, &mut found);
            }
        }
    }

    // Key phrases, widened to the whole term they stand in: "dioxide" is always
    // "carbon dioxide" in this material, so the blank takes both.
    for phrase in phrases {
        for place in find_phrase(sentence, phrase) {
            let Some(from) = words.iter().position(|w| w.range.start == place.start) else {
                continue;
            };
            let Some(last) = words.iter().position(|w| w.range.end == place.end) else {
                continue;
            };
            let (mut from, mut to) = (from, last + 1);
            while from > 0
                && to - from < TERM_WORDS
                && !words[from].broken
                && !stop(from - 1)
                && always_together(
                    &sentence[words[from - 1].range.start..words[to - 1].range.end],
                    &sentence[words[from].range.start..words[to - 1].range.end],
                    whole,
                )
            {
                from -= 1;
            }
            while to < words.len()
                && to - from < TERM_WORDS
                && !words[to].broken
                && !stop(to)
                && always_together(
                    &sentence[words[from].range.start..words[to].range.end],
                    &sentence[words[from].range.start..words[to - 1].range.end],
                    whole,
                )
            {
                to += 1;
            }
            // A phrase said once is as likely a clause ("magma cools slowly") as a term;
            // a term recurs.
            let span = &sentence[words[from].range.start..words[to - 1].range.end];
            let mentions = whole.count(span);
            if !stop(from) && !stop(to - 1) && mentions >= 2 {
                push(from, to, SpanKind::KeyPhrase, &mut found);
            }
        }
    }
    // One word that says nothing on its own ("The rest runs over…") is no answer,
    // whatever its place.
    found.retain(|span| {
        let answer = sentence[span.range.clone()].to_lowercase();
        !GENERIC.contains(&answer.as_str())
    });
    found
}

/// English nouns too general to be asked for alone.
const GENERIC: &[&str] = &[
    "rest",
    "remainder",
    "other",
    "others",
    "result",
    "results",
    "way",
    "ways",
    "part",
    "parts",
    "side",
    "end",
    "lot",
    "kind",
    "type",
    "types",
    "sort",
    "number",
    "amount",
    "group",
    "thing",
    "things",
    "people",
    "time",
    "times",
    "place",
    "area",
    "case",
    "fact",
    "example",
    "idea",
    "step",
    "steps",
    "form",
    "use",
    "order",
    "level",
    "point",
    "world",
];

/// Whether every mention of `part` in `whole` is inside a mention of `longer`, and
/// there is more than one: a term written the same way each time ("carbon dioxide").
/// A single mention says nothing of what is a term.
fn always_together(longer: &str, part: &str, whole: &Mentions) -> bool {
    let parts = whole.count(part);
    parts >= 2 && whole.count(longer) == parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(sentence: &str, phrases: &[&str], whole: &[&str]) -> Vec<(String, SpanKind)> {
        spans(sentence, Lang::En, phrases, &Mentions::new(whole))
            .into_iter()
            .map(|s| (sentence[s.range].to_owned(), s.kind))
            .collect()
    }

    /// Whatever a learner's material holds, finding spans never panics and every span
    /// is whole words of the sentence.
    #[test]
    fn odd_sentences_give_sound_spans_or_none() {
        let long = "word ".repeat(500);
        let odd = [
            "",
            ".",
            "called",
            "is",
            "The is a.",
            "known as",
            "It, the, or , such as",
            "1789",
            "100 °",
            "°C 100 %",
            "X, or",
            "A called B, or C, the D such as E.",
            "Ça s'appelle l'évaporation, ou la vaporisation.",
            "الماء يسمى سائلا.",
            "पानी को द्रव कहते हैं।",
            "Ⅻ called ǅungla İstanbul",
            long.as_str(),
            "The 3.5 million years, 10 per cent, 1,000, 2.",
        ];
        for sentence in odd {
            for language in Lang::ALL {
                for span in spans(
                    sentence,
                    language,
                    &["called", "the"],
                    &Mentions::new(&[sentence]),
                ) {
                    let said = &sentence[span.range.clone()];
                    assert!(!said.trim().is_empty(), "{sentence:?}: {span:?}");
                }
            }
        }
    }

    #[test]
    fn a_teacher_asks_for_the_term_a_sentence_names() {
        let s = "Each lung holds millions of tiny air sacs called alveoli.";
        assert_eq!(
            said(s, &["lung"], &[s])[0],
            ("alveoli".into(), SpanKind::Named)
        );
        let s = "Molten rock below ground is known as magma, which cools into rock.";
        assert!(said(s, &[], &[s]).contains(&("magma".into(), SpanKind::Named)));
    }

    #[test]
    fn what_a_sentence_defines_is_a_span() {
        let s = "Mitosis is a type of cell division that makes two identical cells.";
        assert!(said(s, &[], &[s]).contains(&("Mitosis".into(), SpanKind::Defined)));
        let s = "The mitochondria, the cell's power stations, release energy.";
        assert!(said(s, &[], &[s]).contains(&("mitochondria".into(), SpanKind::Defined)));
        let s = "It is found in the soil of every continent.";
        assert!(
            !said(s, &[], &[s])
                .iter()
                .any(|(_, k)| *k == SpanKind::Defined)
        );
        let s = "Oxygen is released into the air.";
        assert!(
            !said(s, &[], &[s])
                .iter()
                .any(|(_, k)| *k == SpanKind::Defined)
        );
    }

    #[test]
    fn quantities_keep_their_units_and_years_stand_alone() {
        let s = "At sea level water boils at 100 °C, and the French Revolution began in 1789.";
        let found = said(s, &[], &[s]);
        assert!(
            found.contains(&("100 °C".into(), SpanKind::Quantity)),
            "{found:?}"
        );
        assert!(
            found.contains(&("1789".into(), SpanKind::Quantity)),
            "{found:?}"
        );
        assert!(
            found.contains(&("French Revolution".into(), SpanKind::Name)),
            "{found:?}"
        );
        let s = "Light takes about 8 minutes to reach us, and 71% of Earth is ocean.";
        let found = said(s, &[], &[s]);
        assert!(
            found.contains(&("8 minutes".into(), SpanKind::Quantity)),
            "{found:?}"
        );
        assert!(
            found.contains(&("71%".into(), SpanKind::Quantity)),
            "{found:?}"
        );
    }

    #[test]
    fn a_key_phrase_is_widened_to_its_whole_term() {
        let whole = "Plants take in carbon dioxide. Animals breathe out carbon dioxide.";
        let s = "Plants take in carbon dioxide.";
        let found = said(s, &["dioxide"], &[whole]);
        assert!(
            found.contains(&("carbon dioxide".into(), SpanKind::KeyPhrase)),
            "{found:?}"
        );
        assert!(!found.iter().any(|(t, _)| t == "dioxide"), "{found:?}");
    }

    #[test]
    fn names_are_capitalised_runs_not_a_sentences_first_word() {
        let s = "Blood carries oxygen from the Treaty of Versailles to Marie Curie.";
        let found = said(s, &[], &[s]);
        assert!(
            found.contains(&("Treaty of Versailles".into(), SpanKind::Name)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Marie Curie".into(), SpanKind::Name)),
            "{found:?}"
        );
        assert!(!found.iter().any(|(t, _)| t == "Blood"), "{found:?}");
    }
}
