//! Concepts: the key phrases of each note and source, merged across them by meaning.
//!
//! A note's or source's phrases are the word runs between stop words and punctuation
//! (one to three words), the most frequent of them embedded and ranked by how close
//! each is to the meaning of the whole text (the mean of its chunks' vectors), picked
//! with maximal marginal relevance so that five ways of saying one thing do not crowd
//! out the rest (the KeyBERT method). Each phrase then joins the concept whose vector
//! is nearest, when near enough, or starts a new one — so "cell division" in one note
//! and "cells dividing" in another are one concept, and the sources sharing concepts
//! form a graph.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{Connection, params};
use satchel_types::{Concept, ConceptLink, ConceptMap, ConceptSource};

use unicode_normalization::char::is_combining_mark;

use super::{Role, Understand};
use crate::ids::OwnerId;
use crate::lang::{self, Lang, Script};
use crate::profile::Profile;
use crate::store::vectors::{decode, encode};
use crate::{Error, Result};

/// Phrases embedded per note or source: the most frequent. Enough to find the few
/// that matter; few enough that a first refresh over a large library stays minutes.
const MAX_CANDIDATES: usize = 64;
/// Phrases kept per note or source at most; a short note gets fewer.
const MAX_CONCEPTS: usize = 12;
/// A phrase this close to the text's meaning at least ([`Understand::likeness`]), to
/// count as what it is about.
const MIN_RELEVANCE: f32 = 0.15;
/// Maximal marginal relevance: how much a phrase's relevance counts against its
/// likeness to the phrases already picked.
const RELEVANCE_WEIGHT: f32 = 0.6;
/// What naming a concept other notes and sources name adds to a phrase's relevance.
const KNOWN_BONUS: f32 = 0.1;
/// A longer phrase this much closer to the text than a part of it, at most, is wordy.
const WORDY_MARGIN: f32 = 0.1;
/// Two phrases at least this alike ([`Understand::likeness`]) name one concept. With
/// e5, "heart" and "human heart" are 0.76, "water cycle" and "ciclo del agua" 0.75,
/// but "revolution" and "industrial revolution" 0.72, "chloroplasts" and "chlorophyll"
/// 0.72 (and "the revolution" and "French Revolution" 0.70: some a reader would join
/// stay apart). MiniLM, which this was first set for, measured 0.79 and 0.12 (it reads
/// no Spanish), 0.73 and 0.72.
const SAME_CONCEPT: f32 = 0.75;
/// Links returned at most (a concept in every note would link every pair).
const MAX_LINKS: usize = 500;

/// Finds the concepts of every note and source cut since its concepts were last
/// found; returns how many were done. Run after their chunks are embedded.
pub(super) fn find(profile: &Profile, model: &dyn Understand) -> Result<usize> {
    let stale: Vec<(OwnerId, i64)> = profile.read(|conn| {
        let mut statement = conn.prepare(
            "SELECT owner_id, updated_at FROM chunked WHERE concepts_at IS NOT updated_at",
        )?;
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    })?;
    if stale.is_empty() {
        return Ok(0);
    }
    let mut known: Vec<(i64, Vec<f32>)> = profile.read(|conn| {
        let mut statement = conn.prepare("SELECT id, vector FROM concepts")?;
        let rows = statement
            .query_map([], |row| {
                Ok((row.get(0)?, decode(&row.get::<_, Vec<u8>>(1)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    })?;
    let mut done = 0;
    for (owner, updated_at) in stale {
        let Some((text, meaning, chunks)) = profile.read(|conn| owner_text(conn, &owner))? else {
            // Not embedded yet (or emptied): a later refresh comes back to it.
            continue;
        };
        let picked = key_phrases(&text, &meaning, chunks, &known, model)?;
        profile.transact(|tx| {
            tx.execute("DELETE FROM owner_concepts WHERE owner_id = ?1", [&owner])?;
            for phrase in &picked {
                let concept = match nearest(&known, &phrase.vector, model) {
                    Some((id, similarity)) if similarity >= SAME_CONCEPT => id,
                    _ => {
                        tx.execute(
                            "INSERT INTO concepts (label, vector) VALUES (?1, ?2)",
                            params![phrase.text, encode(&phrase.vector)],
                        )?;
                        let id = tx.last_insert_rowid();
                        known.push((id, phrase.vector.clone()));
                        id
                    }
                };
                // Two phrases of one text may join one concept: the closer one speaks.
                tx.execute(
                    "INSERT INTO owner_concepts (owner_id, concept_id, phrase, weight)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (owner_id, concept_id) DO UPDATE
                     SET phrase = excluded.phrase, weight = excluded.weight
                     WHERE excluded.weight > weight",
                    params![owner, concept, phrase.text, f64::from(phrase.relevance)],
                )?;
            }
            super::index::concepts_named(tx, &owner, updated_at)
        })?;
        done += 1;
    }
    forget_unnamed(profile)?;
    Ok(done)
}

/// Drops what deleted notes and sources named, and the concepts nothing names now.
pub(super) fn forget_unnamed(profile: &Profile) -> Result<()> {
    profile.transact(|tx| {
        tx.execute(
            "DELETE FROM owner_concepts WHERE owner_id NOT IN
                 (SELECT id FROM notes UNION ALL SELECT id FROM sources)",
            [],
        )?;
        tx.execute(
            "DELETE FROM concepts WHERE id NOT IN (SELECT concept_id FROM owner_concepts)",
            [],
        )?;
        Ok(())
    })
}

/// An owner's chunks joined, the mean of their vectors (unit length), and how many
/// there are; `None` while a chunk waits for its vector, or when there are none.
fn owner_text(conn: &Connection, owner: &OwnerId) -> Result<Option<(String, Vec<f32>, usize)>> {
    let mut statement = conn.prepare_cached(
        "SELECT text, vector FROM chunks WHERE note_id = ?1 OR source_id = ?1 ORDER BY page, seq",
    )?;
    let mut rows = statement.query([owner])?;
    let (mut text, mut sum, mut count) = (String::new(), Vec::new(), 0);
    while let Some(row) = rows.next()? {
        let Some(bytes) = row.get::<_, Option<Vec<u8>>>(1)? else {
            return Ok(None);
        };
        let vector = decode(&bytes);
        if sum.is_empty() {
            sum = vec![0.0; vector.len()];
        }
        sum.iter_mut().zip(&vector).for_each(|(s, v)| *s += v);
        text.push_str(row.get_ref(0)?.as_str().unwrap_or_default());
        text.push('\n');
        count += 1;
    }
    if count == 0 {
        return Ok(None);
    }
    let norm = sum
        .iter()
        .map(|v| v * v)
        .sum::<f32>()
        .sqrt()
        .max(f32::EPSILON);
    sum.iter_mut().for_each(|v| *v /= norm);
    Ok(Some((text, sum, count)))
}

/// A key phrase picked for a text.
#[derive(Debug, Clone)]
struct Picked {
    text: String,
    vector: Vec<f32>,
    relevance: f32,
}

/// `text`'s key phrases: the candidates closest to its `meaning`, unlike each other.
/// A phrase that names a concept `known` from other notes and sources counts a little
/// closer, so that what is shared is found shared.
fn key_phrases(
    text: &str,
    meaning: &[f32],
    chunks: usize,
    known: &[(i64, Vec<f32>)],
    model: &dyn Understand,
) -> Result<Vec<Picked>> {
    let candidates = candidates(text, &Grammar::of(text));
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let texts: Vec<&str> = candidates.iter().map(|c| c.text.as_str()).collect();
    // Phrases compared with each other: each is read as a query, as e5 reads both
    // sides of a comparison of like with like.
    let vectors = model.embed(&texts, Role::Query).map_err(Error::Media)?;
    let closeness: Vec<f32> = vectors.iter().map(|v| model.likeness(v, meaning)).collect();
    let relevance: Vec<f32> = closeness
        .iter()
        .zip(&vectors)
        .map(|(&close, vector)| match nearest(known, vector, model) {
            Some((_, similarity)) if similarity >= SAME_CONCEPT => close + KNOWN_BONUS,
            _ => close,
        })
        .collect();
    // A phrase whose shorter part says as much is that part ("napoleon bonaparte
    // seized" is "napoleon bonaparte"): a verb or a stray word rarely adds meaning.
    let wordy: Vec<bool> = (0..candidates.len())
        .map(|i| {
            (0..candidates.len()).any(|j| {
                j != i
                    && candidates[j].words < candidates[i].words
                    && contains_words(&candidates[i].key, &candidates[j].key)
                    && relevance[j] >= relevance[i] - WORDY_MARGIN
            })
        })
        .collect();
    let wanted = (4 + chunks / 2).min(MAX_CONCEPTS);
    let mut picked: Vec<usize> = Vec::with_capacity(wanted);
    while picked.len() < wanted {
        let next = (0..candidates.len())
            // Relevance, not closeness: naming a known concept may carry a phrase over
            // the line ("revolution" in a page on Napoleon, which says it in passing).
            .filter(|&i| !picked.contains(&i) && !wordy[i] && relevance[i] >= MIN_RELEVANCE)
            .map(|i| {
                let likeness = picked
                    .iter()
                    .map(|&p| model.likeness(&vectors[i], &vectors[p]))
                    .fold(f32::MIN, f32::max);
                (i, likeness)
            })
            // A phrase that would join a picked one's concept adds nothing.
            .filter(|(_, likeness)| *likeness < SAME_CONCEPT)
            .map(|(i, likeness)| {
                let likeness = if picked.is_empty() { 0.0 } else { likeness };
                let score = RELEVANCE_WEIGHT * relevance[i] - (1.0 - RELEVANCE_WEIGHT) * likeness;
                (i, score)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match next {
            Some((i, _)) => picked.push(i),
            None => break,
        }
    }
    let mut phrases: Vec<Picked> = picked
        .into_iter()
        .map(|i| Picked {
            text: candidates[i].text.clone(),
            vector: vectors[i].clone(),
            relevance: closeness[i],
        })
        .collect();
    phrases.sort_by(|a, b| b.relevance.total_cmp(&a.relevance));
    Ok(phrases)
}

/// Whether the words of `phrase` include `part`'s, in order and together.
fn contains_words(phrase: &str, part: &str) -> bool {
    format!(" {phrase} ").contains(&format!(" {part} "))
}

/// The concept whose vector is nearest `vector`, and how alike the two are.
fn nearest(
    known: &[(i64, Vec<f32>)],
    vector: &[f32],
    model: &dyn Understand,
) -> Option<(i64, f32)> {
    known
        .iter()
        .map(|(id, v)| (*id, model.likeness(v, vector)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// A phrase that may be a key phrase.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    /// As shown: lowercase, unless every time it appears it is capitalised (a name).
    text: String,
    /// As compared: lowercase, each word singular.
    key: String,
    words: usize,
    count: usize,
}

/// What a text's language says about its phrases: which words are common, which join
/// two words into one phrase ("ciclo del agua", "mzunguko wa maji", "जल का चक्र"), and
/// how words compare (English plurals made singular, other languages by stem).
struct Grammar {
    language: Option<Lang>,
}

impl Grammar {
    fn of(text: &str) -> Self {
        Grammar {
            language: lang::detect(text),
        }
    }

    fn common(&self, lower: &str) -> bool {
        match self.language {
            // English (or a text too short to tell): the list below, which knows the
            // verbs every subject uses, and NLTK's.
            None | Some(Lang::En) => {
                STOP_WORDS.binary_search(&lower).is_ok() || Lang::En.is_stop_word(lower)
            }
            Some(language) => language.is_stop_word(&lang::fold(lower)),
        }
    }

    /// Whether `lower` is a word that joins a noun to what it is of.
    fn joins(&self, lower: &str) -> bool {
        let joining: &[&str] = match self.language {
            Some(Lang::Es) => &["de", "del"],
            Some(Lang::Fr) => &["de", "du", "des"],
            Some(Lang::Pt) => &["de", "do", "da", "dos", "das"],
            Some(Lang::Sw) => &["wa", "ya", "la", "za", "cha", "vya"],
            Some(Lang::Hi) => &["का", "की", "के"],
            _ => &[],
        };
        joining.contains(&lower)
    }

    /// A word as phrases are compared.
    fn key(&self, lower: &str) -> String {
        match self.language {
            None | Some(Lang::En) => singular(lower),
            Some(language) => language.stem(lower),
        }
    }

    /// Whether `phrase` holds what is most likely an English past tense.
    fn tells(&self, phrase: &str) -> bool {
        matches!(self.language, None | Some(Lang::En)) && has_a_past_tense(phrase)
    }

    /// Whether `word` is long enough to mean something: three letters in Latin script,
    /// two in Devanagari or Arabic ("जल", water).
    fn long_enough(&self, word: &str) -> bool {
        let least = match lang::script_of(word) {
            Some(Script::Latin) | None => 3,
            _ => 2,
        };
        word.chars().filter(|c| c.is_alphabetic()).count() >= least
    }
}

/// The phrases of `text` worth embedding, most frequent (longer phrases counting a
/// little more) first: runs of one to three words that neither cross punctuation nor
/// hold a common word, nor a number, nor a word too short — though a joining word may
/// stand between two of them.
fn candidates(text: &str, grammar: &Grammar) -> Vec<Candidate> {
    struct Seen {
        surface: String,
        capitalised: bool,
        count: usize,
        first: usize,
    }
    let mut seen: HashMap<String, Seen> = HashMap::new();
    for run in runs(text, grammar) {
        for n in 1..=4 {
            for words in run.windows(n) {
                let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
                let joining = lower.iter().filter(|w| grammar.joins(w)).count();
                let ends_join = lower.first().is_some_and(|w| grammar.joins(w))
                    || lower.last().is_some_and(|w| grammar.joins(w));
                if ends_join || joining > 1 || n - joining > 3 {
                    continue;
                }
                let key = lower
                    .iter()
                    .map(|w| grammar.key(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                let surface = words.join(" ");
                let capitalised = words
                    .iter()
                    .zip(&lower)
                    .filter(|(_, l)| !grammar.joins(l))
                    .all(|(w, _)| w.chars().next().is_some_and(char::is_uppercase));
                let order = seen.len();
                let entry = seen.entry(key).or_insert(Seen {
                    surface,
                    capitalised,
                    count: 0,
                    first: order,
                });
                entry.count += 1;
                entry.capitalised &= capitalised;
            }
        }
    }
    let mut candidates: Vec<(f32, usize, Candidate)> = seen
        .into_iter()
        .filter(|(_, s)| !grammar.tells(&s.surface))
        .map(|(key, s)| {
            let words = s.surface.split(' ').count();
            let score = s.count as f32 * (1.0 + 0.25 * (words - 1) as f32);
            let text = if s.capitalised {
                s.surface
            } else {
                s.surface.to_lowercase()
            };
            let candidate = Candidate {
                text,
                key,
                words,
                count: s.count,
            };
            (score, s.first, candidate)
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.truncate(MAX_CANDIDATES);
    candidates.into_iter().map(|(_, _, c)| c).collect()
}

/// Whether a phrase holds what is most likely a verb in the past tense ("armies
/// conquered", "seized power", "crowned"): a statement, not a thing learnt.
fn has_a_past_tense(phrase: &str) -> bool {
    phrase.split(' ').any(|word| {
        let word = word.to_lowercase();
        word.chars().count() >= 5 && word.ends_with("ed") && !word.ends_with("eed")
    })
}

/// The runs of `text` that phrases are taken from: words separated by spaces only, cut
/// at punctuation, line breaks, common words, numbers and short words. A word goes on
/// through its marks (a Devanagari vowel sign or virama is no break).
fn runs<'a>(text: &'a str, grammar: &Grammar) -> Vec<Vec<&'a str>> {
    let mut runs: Vec<Vec<&str>> = vec![Vec::new()];
    let mut start: Option<usize> = None;
    let mut gap_is_space = true;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let letter = |c: char| c.is_alphanumeric() || is_combining_mark(c);
    for (k, &(i, c)) in chars.iter().enumerate() {
        let inner = |k: usize| chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        let in_word =
            letter(c) || ((c == '-' || c == '\'' || c == '’') && start.is_some() && inner(k));
        match (in_word, start) {
            (true, None) => {
                if !gap_is_space {
                    runs.push(Vec::new());
                }
                start = Some(i);
                gap_is_space = true;
            }
            (false, Some(s)) => {
                push_word(&text[s..i], grammar, &mut runs);
                start = None;
                gap_is_space = c == ' ';
            }
            (false, None) => gap_is_space &= c == ' ',
            (true, Some(_)) => {}
        }
    }
    if let Some(s) = start {
        push_word(&text[s..], grammar, &mut runs);
    }
    for run in &mut runs {
        // A joining word ends no run.
        while run.last().is_some_and(|w| grammar.joins(&w.to_lowercase())) {
            run.pop();
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

fn push_word<'a>(word: &'a str, grammar: &Grammar, runs: &mut Vec<Vec<&'a str>>) {
    let lower = word.to_lowercase();
    let joins = grammar.joins(&lower);
    let usable = joins
        || (grammar.long_enough(word)
            && !word.chars().all(|c| c.is_numeric())
            && !grammar.common(&lower));
    match (usable, runs.last_mut()) {
        // A joining word joins only what comes after a word of the run.
        (true, Some(run)) if joins && run.is_empty() => {}
        (true, Some(run)) => run.push(word),
        (true, None) => runs.push(vec![word]),
        (false, Some(run)) if run.is_empty() => {}
        (false, _) => runs.push(Vec::new()),
    }
}

/// An English plural made singular for comparing ("cells" and "cell" are one phrase).
fn singular(word: &str) -> String {
    let long = word.chars().count() > 3;
    if long && word.ends_with("ies") {
        format!("{}y", &word[..word.len() - 3])
    } else if long
        && word.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| word.ends_with(end))
    {
        word[..word.len() - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// Words that say nothing about what a text is about (sorted, for binary search):
/// function words, and verbs and adverbs that every subject uses (past tenses that
/// do not end in "-ed" among them).
const STOP_WORDS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "also",
    "although",
    "always",
    "among",
    "and",
    "another",
    "any",
    "are",
    "around",
    "became",
    "because",
    "been",
    "before",
    "began",
    "being",
    "below",
    "between",
    "both",
    "brought",
    "built",
    "but",
    "called",
    "came",
    "can",
    "cannot",
    "could",
    "did",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "fell",
    "few",
    "first",
    "for",
    "found",
    "from",
    "gave",
    "get",
    "gets",
    "give",
    "given",
    "gives",
    "goes",
    "going",
    "good",
    "got",
    "great",
    "grew",
    "had",
    "has",
    "have",
    "having",
    "held",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "into",
    "its",
    "itself",
    "just",
    "kept",
    "know",
    "last",
    "least",
    "led",
    "left",
    "less",
    "let",
    "like",
    "lost",
    "made",
    "make",
    "makes",
    "many",
    "may",
    "might",
    "more",
    "most",
    "much",
    "must",
    "near",
    "need",
    "never",
    "new",
    "next",
    "nor",
    "not",
    "now",
    "off",
    "often",
    "once",
    "one",
    "only",
    "onto",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "put",
    "quite",
    "rather",
    "really",
    "rose",
    "said",
    "same",
    "say",
    "says",
    "see",
    "seen",
    "sent",
    "shall",
    "she",
    "should",
    "show",
    "since",
    "some",
    "something",
    "still",
    "such",
    "take",
    "takes",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thus",
    "today",
    "together",
    "told",
    "too",
    "took",
    "two",
    "under",
    "unless",
    "until",
    "upon",
    "use",
    "used",
    "uses",
    "using",
    "very",
    "was",
    "way",
    "ways",
    "well",
    "went",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won",
    "would",
    "wrote",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

impl Profile {
    /// Every concept and the graph of which notes and sources share them; or, given a
    /// note's or source's id (or an unambiguous start of it), its concepts — each with
    /// everywhere else it is found — and its links.
    pub fn concepts(&self, owner: Option<&str>) -> Result<ConceptMap> {
        self.read(|conn| {
            let owner = owner.map(|id| resolve_owner(conn, id)).transpose()?;
            concept_map(conn, owner.as_ref())
        })
    }
}

/// A note's or source's id, from its id or an unambiguous start of it.
pub(crate) fn resolve_owner(conn: &Connection, id_or_prefix: &str) -> Result<OwnerId> {
    crate::ids::resolve(
        conn,
        "SELECT id FROM (SELECT id FROM notes UNION ALL SELECT id FROM sources)
         WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2",
        id_or_prefix,
    )
}

fn concept_map(conn: &Connection, owner: Option<&OwnerId>) -> Result<ConceptMap> {
    let mut statement = conn.prepare_cached(
        "SELECT oc.concept_id, oc.owner_id, oc.phrase, oc.weight, s.kind,
                coalesce(n.title, s.title)
         FROM owner_concepts oc
         LEFT JOIN notes n ON n.id = oc.owner_id
         LEFT JOIN sources s ON s.id = oc.owner_id
         WHERE n.id IS NOT NULL OR s.id IS NOT NULL
         ORDER BY oc.concept_id, oc.weight DESC, oc.owner_id",
    )?;
    let mut by_concept: BTreeMap<i64, Vec<ConceptSource>> = BTreeMap::new();
    let rows = statement.query_map([], |row| {
        let kind = super::hit_kind(row.get::<_, Option<String>>(4)?.as_deref());
        Ok((
            row.get::<_, i64>(0)?,
            ConceptSource {
                source_id: row.get(1)?,
                kind,
                title: row.get(5)?,
                phrase: row.get(2)?,
                weight: row.get::<_, f64>(3)? as f32,
            },
        ))
    })?;
    for row in rows {
        let (concept, source) = row?;
        by_concept.entry(concept).or_default().push(source);
    }
    if let Some(owner) = owner {
        by_concept.retain(|_, sources| sources.iter().any(|s| *owner == s.source_id));
    }
    let mut concepts: Vec<Concept> = by_concept
        .into_iter()
        .map(|(id, sources)| Concept {
            id,
            label: label(&sources),
            sources,
        })
        .collect();
    concepts.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then_with(|| total_weight(b).total_cmp(&total_weight(a)))
            .then(a.id.cmp(&b.id))
    });
    let mut shared: BTreeMap<[String; 2], Vec<i64>> = BTreeMap::new();
    for concept in &concepts {
        for (i, a) in concept.sources.iter().enumerate() {
            for b in &concept.sources[i + 1..] {
                let mut pair = [a.source_id.clone(), b.source_id.clone()];
                pair.sort();
                if owner.is_none_or(|o| pair.iter().any(|id| *o == *id)) {
                    shared.entry(pair).or_default().push(concept.id);
                }
            }
        }
    }
    let mut links: Vec<ConceptLink> = shared
        .into_iter()
        .map(|(sources, concepts)| ConceptLink { sources, concepts })
        .collect();
    links.sort_by_key(|l| std::cmp::Reverse(l.concepts.len()));
    links.truncate(MAX_LINKS);
    Ok(ConceptMap { concepts, links })
}

/// The phrase most of a concept's sources use; on a tie, the one of the source it is
/// most central to (sources come most central first).
fn label(sources: &[ConceptSource]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for source in sources {
        match counts.iter_mut().find(|(p, _)| *p == source.phrase) {
            Some((_, n)) => *n += 1,
            None => counts.push((&source.phrase, 1)),
        }
    }
    // `max_by_key` keeps the last of equals; the first (most central) should win.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(phrase, _)| (*phrase).to_owned())
        .unwrap_or_default()
}

fn total_weight(concept: &Concept) -> f32 {
    concept.sources.iter().map(|s| s.weight).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "unsorted");
    }

    #[test]
    fn phrases_are_runs_between_common_words_and_punctuation() {
        let text = "Green plants make glucose in the chloroplasts. Chloroplasts hold \
                    chlorophyll, a green pigment; in 1779 Jan Ingenhousz saw it.";
        let grammar = Grammar::of(text);
        let runs = runs(text, &grammar);
        assert_eq!(
            runs,
            [
                vec!["Green", "plants"],
                vec!["glucose"],
                vec!["chloroplasts"],
                vec!["Chloroplasts", "hold", "chlorophyll"],
                vec!["green", "pigment"],
                vec!["Jan", "Ingenhousz", "saw"],
            ]
        );
        let candidates = candidates(text, &grammar);
        let top: Vec<(&str, usize)> = candidates
            .iter()
            .take(3)
            .map(|c| (c.text.as_str(), c.count))
            .collect();
        // Twice each, then the first three-word phrase (which counts a little more).
        assert_eq!(
            top,
            [
                ("green", 2),
                ("chloroplasts", 2),
                ("chloroplasts hold chlorophyll", 1)
            ]
        );
        assert!(
            candidates.iter().any(|c| c.text == "Jan Ingenhousz"),
            "a name keeps its capitals"
        );
        assert!(candidates.iter().all(|c| c.text.split(' ').count() <= 3));
    }

    #[test]
    fn plurals_compare_as_singulars() {
        assert_eq!(singular("cells"), "cell");
        assert_eq!(singular("bodies"), "body");
        assert_eq!(singular("glass"), "glass");
        assert_eq!(singular("virus"), "virus");
        assert_eq!(singular("gas"), "gas");
    }

    #[test]
    fn a_hyphen_or_apostrophe_inside_a_word_keeps_it_whole() {
        let english = Grammar {
            language: Some(Lang::En),
        };
        assert_eq!(
            runs("carbon-dioxide levels; Newton's laws - again", &english),
            [vec!["carbon-dioxide", "levels"], vec!["Newton's", "laws"]]
        );
    }

    /// In Spanish, Swahili and Hindi a noun is joined to what it is of by a word
    /// ("del", "wa", "का"), which a phrase keeps inside and never ends with; each
    /// language's common words break runs, and plurals meet their singulars by stem.
    #[test]
    fn phrases_in_other_languages_keep_their_joining_words() {
        let phrase_texts = |text: &str| -> Vec<String> {
            candidates(text, &Grammar::of(text))
                .into_iter()
                .map(|c| c.text)
                .collect()
        };
        let spanish = "El ciclo del agua mueve el agua entre los océanos y las nubes. \
                       El ciclo del agua depende del sol.";
        let found = phrase_texts(spanish);
        assert!(found.contains(&"ciclo del agua".to_owned()), "{found:?}");
        assert!(
            found
                .iter()
                .all(|p| !p.ends_with(" del") && !p.starts_with("del "))
        );
        assert!(
            !found
                .iter()
                .any(|p| p.split(' ').any(|w| w == "los" || w == "las"))
        );
        let swahili = "Mzunguko wa maji ni safari ya maji kati ya bahari na mawingu. \
                       Mzunguko wa maji hutegemea jua.";
        let found = phrase_texts(swahili);
        assert!(found.contains(&"mzunguko wa maji".to_owned()), "{found:?}");
        let hindi = "जल का चक्र सूर्य पर निर्भर करता है। जल का चक्र बादल बनाता है।";
        let found = phrase_texts(hindi);
        assert!(found.contains(&"जल का चक्र".to_owned()), "{found:?}");
        assert!(
            found.contains(&"जल".to_owned()),
            "a two-letter word: {found:?}"
        );
        let portuguese = Grammar {
            language: Some(Lang::Pt),
        };
        assert_eq!(portuguese.key("células"), portuguese.key("célula"));
    }
}
