//! A search: the words (FTS5, BM25 ranking) and the meaning (vectors) each rank the
//! chunks, and reciprocal rank fusion joins the two lists — a passage that says the
//! words and one that means the same thing in other words both rise.

use std::collections::HashMap;
use std::ops::Range;

use rusqlite::{Connection, OptionalExtension, params};
use satchel_types::{Answer, SearchHit};

use super::{Role, Understand};
use crate::lang::{self, Lang};
use crate::profile::Profile;
use crate::store::vectors::dot;
use crate::{Error, Result};

/// Each ranking's depth: how many chunks each list offers to the fusion.
const DEPTH: usize = 50;
/// Reciprocal rank fusion's constant (Cormack et al.'s 60): the rank of a hit matters
/// less the lower it is, and one list alone never dominates.
const RRF_K: f32 = 60.0;
/// A search at most this long is taken; longer is cut (no one types a page).
const MAX_QUERY_CHARS: usize = 1000;

impl Profile {
    /// Reads the vectors in for searching, so that the first search after a change
    /// does not wait for it (half a second at 100,000 chunks).
    pub fn prepare_search(&self) -> Result<()> {
        self.vectors.index(self).map(drop)
    }

    /// The passages that best answer `query`, best first, at most `limit`.
    pub fn search(
        &self,
        query: &str,
        limit: usize,
        model: &dyn Understand,
    ) -> Result<Vec<SearchHit>> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let terms = terms(&query);
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // The words are looked up while the model reads the query and the vectors are
        // scanned: on a 2-core laptop the two overlap instead of adding up.
        let chunks = self.vectors.len();
        let language = lang::detect(&query).map(Lang::code);
        let (by_words, by_meaning) = std::thread::scope(|scope| {
            let looking_up = scope.spawn(|| self.read(|conn| by_words(conn, &terms, chunks)));
            let by_meaning = model
                .embed(&[query.trim()], Role::Query)
                .map_err(Error::Media)
                .and_then(|vectors| {
                    let vector = vectors.into_iter().next().unwrap_or_default();
                    self.vectors.nearest(self, &vector, language, DEPTH)
                });
            // A panic there is a bug here: it goes on as if the lookup ran in line.
            let by_words = looking_up
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (by_words, by_meaning)
        });
        let by_words = by_words?;
        let by_meaning: Vec<i64> = by_meaning?.into_iter().map(|(id, _)| id).collect();
        let mut fused: HashMap<i64, f32> = HashMap::new();
        for ranking in [&by_words, &by_meaning] {
            for (rank, id) in ranking.iter().enumerate() {
                *fused.entry(*id).or_default() += 1.0 / (RRF_K + rank as f32 + 1.0);
            }
        }
        let mut ranked: Vec<(i64, f32)> = fused.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        self.read(|conn| {
            let mut hits = Vec::with_capacity(ranked.len());
            for (id, score) in ranked {
                if let Some((mut hit, language)) = hit(conn, id)? {
                    hit.score = score;
                    hit.highlights = highlights(&hit.text, &terms, language);
                    hits.push(hit);
                }
            }
            Ok(hits)
        })
    }
}

/// Passages searched for an answer: each offers its best sentence.
const ASK_DEPTH: usize = 10;

impl Profile {
    /// The passages that answer `question`, the one whose sentence answers it most
    /// closely first, at most `limit`; in each, the sentence that answers.
    pub fn ask(&self, question: &str, limit: usize, model: &dyn Understand) -> Result<Vec<Answer>> {
        let hits = self.search(question, ASK_DEPTH.max(limit), model)?;
        if hits.is_empty() {
            return Ok(Vec::new());
        }
        let question: String = question.chars().take(MAX_QUERY_CHARS).collect();
        let spans: Vec<Vec<Range<usize>>> = hits
            .iter()
            .map(|hit| answerable(hit, sentences(&hit.text)))
            .collect();
        let mut texts = Vec::new();
        for (hit, spans) in hits.iter().zip(&spans) {
            texts.extend(spans.iter().map(|span| &hit.text[span.clone()]));
        }
        let asked = model
            .embed(&[question.trim()], Role::Query)
            .map_err(Error::Media)?;
        let Some(asked) = asked.first() else {
            return Ok(Vec::new());
        };
        let vectors = model.embed(&texts, Role::Passage).map_err(Error::Media)?;
        let mut rest = vectors.iter();
        let mut answers = Vec::with_capacity(hits.len());
        for (hit, spans) in hits.into_iter().zip(spans) {
            let best = spans
                .into_iter()
                .zip(rest.by_ref())
                .map(|(span, vector)| (span, dot(asked, vector)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((span, similarity)) = best {
                answers.push(Answer {
                    hit,
                    sentence: [span.start, span.end],
                    similarity,
                });
            }
        }
        let order = answer_order(&answers);
        let mut answers: Vec<Option<Answer>> = answers.into_iter().map(Some).collect();
        Ok(order
            .into_iter()
            .filter_map(|i| answers[i].take())
            .take(limit)
            .collect())
    }
}

/// The order to give `answers` (in their passages' search order) in: by the passage's
/// search rank and its best sentence's together, so a passage found by its words alone
/// does not outrank one that answers; where the two tie, the closer sentence first.
fn answer_order(answers: &[Answer]) -> Vec<usize> {
    let rank_of: Vec<f32> = (0..answers.len())
        .map(|i| 1.0 / (RRF_K + i as f32 + 1.0))
        .collect();
    let mut by_sentence: Vec<usize> = (0..answers.len()).collect();
    by_sentence.sort_by(|&a, &b| answers[b].similarity.total_cmp(&answers[a].similarity));
    let mut fused = rank_of.clone();
    for (rank, &i) in by_sentence.iter().enumerate() {
        fused[i] += rank_of[rank];
    }
    let mut order: Vec<usize> = (0..answers.len()).collect();
    order.sort_by(|&a, &b| {
        fused[b]
            .total_cmp(&fused[a])
            .then(answers[b].similarity.total_cmp(&answers[a].similarity))
            .then(a.cmp(&b))
    });
    order
}

/// `text`'s sentences as byte ranges without surrounding whitespace: a sentence ends at
/// `.`, `!` or `?` before whitespace, or at a line break.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    use unicode_segmentation::UnicodeSegmentation;
    // Unicode's sentence boundaries (UAX #29): the Devanagari danda "।", the Arabic
    // question mark "؟" and the full stops of every script end a sentence, as does a
    // line's end; "e.g. the" does not.
    let mut spans = Vec::new();
    for (start, sentence) in text.split_sentence_bound_indices() {
        push_trimmed(text, start..start + sentence.len(), &mut spans);
    }
    spans
}

/// Words a sentence needs to answer anything: fewer is a heading or a label, such
/// as a note's title, chosen only when a passage has nothing longer.
const ANSWER_MIN_WORDS: usize = 4;

/// The sentences of `hit` that may answer: not its title (a note's chunk begins with
/// it), and not a heading when a longer sentence is there.
fn answerable(hit: &SearchHit, spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let text = &hit.text;
    let spans: Vec<Range<usize>> = spans
        .into_iter()
        .filter(|span| text[span.clone()] != *hit.title)
        .collect();
    let long =
        |span: &Range<usize>| text[span.clone()].split_whitespace().count() >= ANSWER_MIN_WORDS;
    if spans.iter().any(long) {
        spans.into_iter().filter(long).collect()
    } else {
        spans
    }
}

fn push_trimmed(text: &str, span: Range<usize>, spans: &mut Vec<Range<usize>>) {
    let piece = &text[span.clone()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end = span.end - (piece.len() - piece.trim_end().len());
    if start < end {
        spans.push(start..end);
    }
}

/// A word of a query, as the word index is searched for it: folded, and its stems in
/// the languages of its script.
#[derive(Debug, Clone, PartialEq)]
struct Term {
    folded: String,
    stems: Vec<String>,
}

impl Term {
    /// An FTS5 expression for the term: the exact word (accents aside) or any of its
    /// stems. Every piece is quoted, so nothing a learner types is read as FTS5 syntax.
    fn expression(&self) -> String {
        let mut pieces = vec![format!("words : {}", quoted(&self.folded))];
        pieces.extend(self.stems.iter().map(|s| format!("stems : {}", quoted(s))));
        format!("({})", pieces.join(" OR "))
    }
}

/// The words of a query as terms: words where Unicode puts their boundaries, common
/// words (of the query's language, or of any language written as it is) left out when
/// others remain.
fn terms(query: &str) -> Vec<Term> {
    let language = lang::detect(query);
    let mut words: Vec<(String, String)> = Vec::new();
    for word in lang::search_words(query) {
        let folded = lang::fold(&word);
        if !words.iter().any(|(_, f)| *f == folded) {
            words.push((word, folded));
        }
    }
    if words
        .iter()
        .any(|(_, folded)| !lang::is_common(folded, language))
    {
        words.retain(|(_, folded)| !lang::is_common(folded, language));
    }
    words
        .into_iter()
        .map(|(word, folded)| Term {
            stems: lang::stems_in_any(&word),
            folded,
        })
        .collect()
}

/// Chunks that contain any of the terms, best BM25 first.
fn by_words(conn: &Connection, terms: &[Term], chunks: Option<usize>) -> Result<Vec<i64>> {
    let expression = telling(conn, terms, chunks)?
        .into_iter()
        .map(Term::expression)
        .collect::<Vec<_>>()
        .join(" OR ");
    let mut statement = conn.prepare_cached(
        "SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ?1 ORDER BY rank LIMIT ?2",
    )?;
    let ids = statement
        .query_map(params![expression, DEPTH as i64], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// A word as an FTS5 string: nothing a learner types is read as FTS5 syntax.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', ""))
}

/// A word in more than this share of all chunks tells little about any one of them.
const COMMON_SHARE: f64 = 0.02;
/// ... though in a small library every word is in a good share of it.
const COMMON_MIN_CHUNKS: usize = 1_000;

/// The words worth ranking by: those in at most [`COMMON_SHARE`] of the `chunks`
/// (when known), or the rarest one when every word is common. BM25 gives a common
/// word little weight anyway, but ranking every chunk it is in costs a read of each
/// chunk's length — most of a search's time in a large library. Counting a word's
/// chunks reads only its list of them.
fn telling<'a>(
    conn: &Connection,
    words: &'a [Term],
    chunks: Option<usize>,
) -> Result<Vec<&'a Term>> {
    let Some(chunks) = chunks else {
        return Ok(words.iter().collect());
    };
    let common = ((chunks as f64 * COMMON_SHARE) as usize).max(COMMON_MIN_CHUNKS);
    if words.len() < 2 || chunks <= common {
        return Ok(words.iter().collect());
    }
    let mut counting = conn.prepare_cached(
        "SELECT count(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ?1 LIMIT ?2)",
    )?;
    let mut counted = Vec::with_capacity(words.len());
    for word in words {
        let n: i64 =
            counting.query_row(params![word.expression(), common as i64 + 1], |r| r.get(0))?;
        counted.push((word, n as usize));
    }
    let telling: Vec<&Term> = counted
        .iter()
        .filter(|(_, n)| *n <= common)
        .map(|(w, _)| *w)
        .collect();
    if telling.is_empty() {
        // Counted only as far as "common"; the rarest needs the whole counts.
        let mut rarest = None;
        for word in words {
            let n: i64 = counting.query_row(params![word.expression(), i64::MAX], |r| r.get(0))?;
            if rarest.is_none_or(|(_, fewest)| n < fewest) {
                rarest = Some((word, n));
            }
        }
        return Ok(rarest.map(|(w, _)| w).into_iter().collect());
    }
    Ok(telling)
}

/// Chunk `id` as a hit, and the language it is in.
fn hit(conn: &Connection, id: i64) -> Result<Option<(SearchHit, Option<Lang>)>> {
    let hit = conn
        .prepare_cached(
            "SELECT coalesce(c.note_id, c.source_id), s.kind, coalesce(n.title, s.title), c.text,
                    c.page, c.start_ms, c.end_ms, c.x, c.y, c.width, c.height, c.language
             FROM chunks c
             LEFT JOIN notes n ON n.id = c.note_id
             LEFT JOIN sources s ON s.id = c.source_id
             WHERE c.id = ?1",
        )?
        .query_row([id], |row| {
            let kind = super::hit_kind(row.get::<_, Option<String>>(1)?.as_deref());
            let bbox = match (row.get(7)?, row.get(8)?, row.get(9)?, row.get(10)?) {
                (Some(x), Some(y), Some(w), Some(h)) => Some([x, y, w, h].map(|v: f64| v as f32)),
                _ => None,
            };
            let language = row
                .get::<_, Option<String>>(11)?
                .as_deref()
                .and_then(Lang::from_code);
            let hit = SearchHit {
                source_id: row.get(0)?,
                kind,
                title: row.get(2)?,
                text: row.get(3)?,
                score: 0.0,
                page: row.get(4)?,
                start_ms: row.get(5)?,
                end_ms: row.get(6)?,
                bbox,
                highlights: Vec::new(),
            };
            Ok((hit, language))
        })
        .optional()?;
    Ok(hit)
}

/// Where the words searched for are in `text` (in `language`), as byte ranges: a word
/// of the text matches a term whose word it equals or begins with, accents aside (so
/// "cell" marks "cells"), or with which it shares a stem ("células" marks "célula").
fn highlights(text: &str, terms: &[Term], language: Option<Lang>) -> Vec<[usize; 2]> {
    let mut marks = Vec::new();
    for (start, word) in word_places(text) {
        let lower = word.to_lowercase();
        let folded = lang::fold(&lower);
        let stem = || match language {
            Some(language) => vec![language.stem(&lower)],
            None => lang::stems_in_any(&lower),
        };
        let marked = terms.iter().any(|term| matches(&folded, &term.folded))
            || stem()
                .iter()
                .any(|stem| terms.iter().any(|term| term.stems.contains(stem)));
        if marked {
            marks.push([start, start + word.len()]);
        }
    }
    marks
}

/// The words of `text` with where each starts, as [`lang::search_words`] cuts them.
fn word_places(text: &str) -> Vec<(usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut places = Vec::new();
    for (at, segment) in text.unicode_word_indices() {
        let mut start = 0;
        let ends = segment
            .char_indices()
            .filter(|(_, c)| matches!(c, '\'' | '’' | '-' | '‐'))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .chain([(segment.len(), segment.len())]);
        for (end, next) in ends {
            let part = &segment[start..end];
            if part.chars().any(char::is_alphanumeric) {
                places.push((at + start, part));
            }
            start = next;
        }
    }
    places
}

fn matches(word: &str, query: &str) -> bool {
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    let long = |w: &str, n: usize| w.chars().count() >= n;
    word == query
        || (long(query, 3) && word.starts_with(query))
        || (long(word, 5) && long(query, 5) && stem(word) == stem(query))
}

#[cfg(test)]
mod tests {
    use super::*;
    use satchel_types::HitKind;

    #[test]
    fn the_words_searched_for_are_marked_in_a_passage() {
        let cell = terms("Cell DIVIDES?");
        let folded: Vec<&str> = cell.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(folded, ["cell", "divides"]);
        let marked = |text: &str, terms: &[Term], language| -> Vec<String> {
            highlights(text, terms, language)
                .iter()
                .map(|[s, e]| text[*s..*e].to_owned())
                .collect()
        };
        let text = "Cells are dividing; a cellar is not.";
        assert_eq!(
            marked(text, &cell, Some(Lang::En)),
            ["Cells", "dividing", "cellar"]
        );
        // Accents aside, by stem, and inside a word an apostrophe joins.
        let text = "La célula y sus células; l'évaporation de l'eau.";
        let asked = terms("celulas evaporaciones");
        assert_eq!(
            marked(text, &asked, Some(Lang::Es)),
            ["célula", "células", "évaporation"]
        );
        assert_eq!(
            marked(text, &terms("évaporation"), Some(Lang::Fr)),
            ["évaporation"]
        );
        let text = "पत्तियों में पानी";
        assert_eq!(marked(text, &terms("पत्तियां"), Some(Lang::Hi)), ["पत्तियों"]);
    }

    #[test]
    fn a_passage_whose_sentence_answers_is_not_outranked_by_one_found_by_its_words() {
        let answer = |text: &str, similarity| Answer {
            hit: SearchHit {
                source_id: "s".into(),
                kind: HitKind::Document,
                title: "Weather".into(),
                text: text.into(),
                score: 0.0,
                page: None,
                start_ms: None,
                end_ms: None,
                bbox: None,
                highlights: Vec::new(),
            },
            sentence: [0, text.len()],
            similarity,
        };
        // First by its words, second by its sentence: a tie the sentence settles.
        let two = [
            answer("The water cycle has four stages.", 0.41),
            answer("Evaporation lifts water into the air.", 0.63),
        ];
        assert_eq!(answer_order(&two), [1, 0]);
        // Far ahead by its words, it stays ahead of a slightly closer sentence.
        let mut many: Vec<Answer> = (0..6)
            .map(|i| answer("Rain falls.", 0.1 * i as f32))
            .collect();
        many[0].similarity = 0.45;
        assert_eq!(answer_order(&many)[0], 0);
    }

    #[test]
    fn a_passage_is_cut_into_its_sentences() {
        let text = "Cells divide. Dr. Who? No!\nA line without a stop\n\n 3.5 is a number. ";
        let cut: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            cut,
            [
                "Cells divide.",
                "Dr.",
                "Who?",
                "No!",
                "A line without a stop",
                "3.5 is a number."
            ]
        );
        // Other scripts end sentences with their own marks.
        let text = "पानी भाप बनता है। बादल बनते हैं। هل تمطر؟ نعم، كثيرًا.";
        let cut: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            cut,
            ["पानी भाप बनता है।", "बादल बनते हैं।", "هل تمطر؟", "نعم، كثيرًا."]
        );
    }

    #[test]
    fn words_in_most_chunks_of_a_large_library_do_not_rank() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE VIRTUAL TABLE chunks_fts USING fts5(words, stems)")
            .unwrap();
        for i in 0..3000 {
            let text = match i % 300 {
                0 => "water vapour rises",
                1 => "water and energy",
                _ => "water flows downhill with energy",
            };
            let (words, stems) = lang::index_terms(text, Some(Lang::En));
            conn.execute(
                "INSERT INTO chunks_fts (words, stems) VALUES (?1, ?2)",
                [words, stems],
            )
            .unwrap();
        }
        let words = |list: &[&str]| terms(&list.join(" "));
        let asked = words(&["water", "vapour"]);
        let kept = telling(&conn, &asked, Some(3000)).unwrap();
        assert_eq!(kept, [&asked[1]], "water is in every chunk");
        let asked = words(&["water", "energy"]);
        let kept = telling(&conn, &asked, Some(3000)).unwrap();
        assert_eq!(kept, [&asked[1]], "both common: the rarer one");
        // A small library, or one not yet measured: every word ranks.
        assert_eq!(telling(&conn, &asked, Some(900)).unwrap().len(), 2);
        assert_eq!(telling(&conn, &asked, None).unwrap().len(), 2);
    }

    #[test]
    fn fts_syntax_in_a_query_is_only_words() {
        let words =
            |query: &str| -> Vec<String> { terms(query).into_iter().map(|t| t.folded).collect() };
        assert_eq!(words("\"NEAR(a b)\" OR -x*"), ["near", "b", "x"]);
        assert_eq!(words("how do plants make food"), ["plants", "make", "food"]);
        assert_eq!(
            words("what is it"),
            ["what", "is", "it"],
            "nothing else to go on"
        );
        assert_eq!(words("¿Qué es la fotosíntesis?"), ["fotosintesis"]);
        assert_eq!(words("Ni nini mzunguko wa maji?"), ["mzunguko", "maji"]);
        let quoted = terms("a\"b").remove(0).expression();
        assert!(!quoted.contains("a\"b"), "{quoted}");
    }

    /// The index and the queries meet: a Spanish plural finds its singular, an
    /// unaccented query the accented word, a Hindi oblique plural its direct form.
    #[test]
    fn words_are_found_by_stem_and_accents_aside_in_each_language() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE chunks_fts USING fts5(words, stems,
                 tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")",
        )
        .unwrap();
        let passages = [
            ("La célula es la unidad de la vida.", Lang::Es),
            ("Les nuages se forment quand l'eau s'évapore.", Lang::Fr),
            ("As plantas fazem fotossíntese nas folhas.", Lang::Pt),
            ("Mvua hunyesha kutoka mawinguni.", Lang::Sw),
            ("पत्तियाँ धूप से भोजन बनाती हैं।", Lang::Hi),
            ("يتبخر الماء من البحار والمحيطات.", Lang::Ar),
            ("Cells divide by mitosis.", Lang::En),
        ];
        for (text, language) in passages {
            let (words, stems) = lang::index_terms(text, Some(language));
            conn.execute(
                "INSERT INTO chunks_fts (words, stems) VALUES (?1, ?2)",
                [words, stems],
            )
            .unwrap();
        }
        for (query, expected) in [
            ("celulas", 1),
            ("nuage", 2),
            ("planta folha", 3),
            ("MVUA", 4),
            ("पत्तियों", 5),
            ("محيط", 6),
            ("cell dividing", 7),
        ] {
            let found = by_words(&conn, &terms(query), None).unwrap();
            assert_eq!(found.first(), Some(&expected), "{query}: {found:?}");
        }
    }
}
