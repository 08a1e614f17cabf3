//! Small text tools the agents share: sentences with their places, words, and finding
//! a phrase as whole words.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::search::sentences;

/// A sentence of passage `passage`: its byte range there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub passage: usize,
    pub span: Range<usize>,
}

/// Every sentence of `texts` worth studying: at least `min_words` words, and not a
/// title or heading line (`title`, or a line starting with '#').
pub(crate) fn study_sentences(texts: &[&str], title: &str, min_words: usize) -> Vec<Sentence> {
    let mut found = Vec::new();
    for (passage, text) in texts.iter().enumerate() {
        for span in sentences(text) {
            let sentence = &text[span.clone()];
            if sentence == title
                || sentence.starts_with('#')
                || glossary_line(sentence).is_some()
                || numbered_heading(sentence)
                || words(sentence).len() < min_words
            {
                continue;
            }
            found.push(Sentence { passage, span });
        }
    }
    found
}

/// A glossary entry ("Osmosis: water moving…", "Osmosis – …"): a term and its
/// meaning, not a sentence.
pub(crate) fn glossary_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim().trim_start_matches(['-', '*', '•']).trim();
    let (term, meaning) = [": ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| line.split_once(sep))?;
    let term = term.trim().trim_matches('*').trim();
    let meaning = meaning.trim().trim_end_matches('.');
    // "Chapter 4: Weather" is a heading, not a term.
    let numbered = term
        .split_whitespace()
        .last()
        .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'));
    let is_entry = (1..=5).contains(&term.split_whitespace().count())
        && !term.ends_with('?')
        && !numbered
        && meaning.split_whitespace().count() >= 2;
    is_entry.then_some((term, meaning))
}

/// Whether `line` starts like a numbered heading: "Chapter 4: …", "Unit 3 …".
fn numbered_heading(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    first.chars().all(char::is_alphabetic)
        && first.chars().next().is_some_and(char::is_uppercase)
        && second
            .trim_end_matches([':', '.'])
            .chars()
            .all(|c| c.is_ascii_digit())
        && second.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// The words of `text`, lowercased, where Unicode puts word boundaries (UAX #29): a
/// Hindi word keeps its vowel signs and virama, "don't" stays one word, and words
/// joined by a hyphen stay one ("water-cycle").
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut after_word = false;
    let mut hyphen = false;
    for segment in text.split_word_bounds() {
        if segment.chars().any(char::is_alphanumeric) {
            let word = segment.to_lowercase();
            match found.last_mut() {
                Some(last) if hyphen => {
                    last.push('-');
                    last.push_str(&word);
                }
                _ => found.push(word),
            }
            after_word = true;
            hyphen = false;
        } else {
            hyphen = after_word && segment == "-";
            after_word = false;
        }
    }
    found
}

/// Where `phrase` stands in `text` as whole words, case aside: byte ranges.
pub(crate) fn find_phrase(text: &str, phrase: &str) -> Vec<Range<usize>> {
    let lower = text.to_lowercase();
    let needle = phrase.to_lowercase();
    // Lowercasing can change byte lengths (rare letters); then nothing is found
    // rather than a wrong place.
    if needle.is_empty() || lower.len() != text.len() {
        return Vec::new();
    }
    // Whole words end where Unicode's word boundaries are: a match that stops before
    // a vowel sign or a virama stops inside a word.
    let bounds: std::collections::HashSet<usize> = text
        .split_word_bound_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&needle) {
        let start = from + at;
        let end = start + needle.len();
        if bounds.contains(&start) && bounds.contains(&end) {
            found.push(start..end);
        }
        from = start + needle.len().max(1);
    }
    found
}

/// How often phrases stand in a material, counted from an index of its words built
/// once: a material of a whole book asks this for every span of every sentence, and
/// searching its text each time would be quadratic.
pub(crate) struct Mentions {
    words: Vec<String>,
    at: std::collections::HashMap<String, Vec<usize>>,
}

impl Mentions {
    pub fn new(texts: &[&str]) -> Self {
        let words: Vec<String> = texts.iter().flat_map(|t| words(t)).collect();
        let mut at: std::collections::HashMap<String, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, word) in words.iter().enumerate() {
            at.entry(word.clone()).or_default().push(i);
        }
        Self { words, at }
    }

    /// How many times `phrase` stands in the material, as whole words, case aside.
    pub fn count(&self, phrase: &str) -> usize {
        let wanted = words(phrase);
        let Some(first) = wanted.first() else {
            return 0;
        };
        self.at.get(first).map_or(0, |places| {
            places
                .iter()
                .filter(|&&i| self.words.get(i..i + wanted.len()) == Some(&wanted[..]))
                .count()
        })
    }
}

/// `text` with runs of whitespace made one space, lowercased: for comparing.
pub(crate) fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How alike two texts' words are: shared words over all words (Jaccard).
pub(crate) fn likeness(a: &str, b: &str) -> f32 {
    let a: std::collections::HashSet<String> = words(a).into_iter().collect();
    let b: std::collections::HashSet<String> = words(b).into_iter().collect();
    let all = a.union(&b).count();
    if all == 0 {
        return 1.0;
    }
    a.intersection(&b).count() as f32 / all as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_is_found_only_as_whole_words() {
        let text = "Cells divide. A cell wall is not a cellar; CELL walls hold.";
        let found: Vec<&str> = find_phrase(text, "cell")
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, ["cell", "CELL"]);
        assert!(find_phrase(text, "").is_empty());
    }

    #[test]
    fn headings_titles_and_short_lines_are_not_study_sentences() {
        let text =
            "# Cells\n\nCells\nA cell is the unit of life. Yes.\nCell wall: what keeps its shape";
        let found = study_sentences(&[text], "Cells", 3);
        let said: Vec<&str> = found.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(said, ["A cell is the unit of life."]);
    }

    /// Devanagari's vowel signs and virama are marks, not letters: a word does not
    /// break at them (it did when words split at whatever was not alphanumeric).
    #[test]
    fn words_follow_unicode_in_every_script() {
        assert_eq!(words("पानी का चक्र"), ["पानी", "का", "चक्र"]);
        assert_eq!(words("தமிழ் மொழி"), ["தமிழ்", "மொழி"]);
        assert_eq!(words("دورة الماء"), ["دورة", "الماء"]);
        assert_eq!(
            words("The water-cycle isn't over, l'eau s'évapore."),
            ["the", "water-cycle", "isn't", "over", "l'eau", "s'évapore"]
        );
        let text = "चक्रवात और चक्र";
        let found: Vec<&str> = find_phrase(text, "चक्र")
            .iter()
            .map(|r| &text[r.clone()])
            .collect();
        assert_eq!(found, ["चक्र"], "not inside चक्रवात");
    }

    #[test]
    fn mentions_count_whole_words_case_aside() {
        let mentions = Mentions::new(&["Carbon dioxide is a gas.", "carbon DIOXIDE and carbonate"]);
        assert_eq!(mentions.count("carbon dioxide"), 2);
        assert_eq!(mentions.count("carbon"), 2);
        assert_eq!(mentions.count("dioxide is"), 1);
        assert_eq!(mentions.count("oxygen"), 0);
        assert_eq!(mentions.count(""), 0);
    }

    #[test]
    fn likeness_is_shared_words_over_all() {
        assert_eq!(likeness("the cell divides", "The cell divides!"), 1.0);
        assert!((likeness("a b c d", "a b c e") - 0.6).abs() < 1e-6);
    }
}
