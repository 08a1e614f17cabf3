//! Word and character error rates: edit distance over the reference's length — of
//! words after lower-casing and dropping punctuation, or of characters after folding
//! whitespace.

pub fn words(text: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    // Unicode's word boundaries: a Hindi word keeps its vowel signs and virama, and
    // "l'eau" and "don't" are one word each.
    text.to_lowercase()
        .unicode_words()
        .map(str::to_owned)
        .collect()
}

/// Levenshtein distance between two sequences (of words, or of characters).
pub fn edits<T: PartialEq>(reference: &[T], hypothesis: &[T]) -> usize {
    let mut row: Vec<usize> = (0..=hypothesis.len()).collect();
    for (i, r) in reference.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, h) in hypothesis.iter().enumerate() {
            let substitution = previous + usize::from(r != h);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[hypothesis.len()]
}

/// (errors, reference words) of `heard` against `said`.
pub fn score(said: &str, heard: &str) -> (usize, usize) {
    let reference = words(said);
    (edits(&reference, &words(heard)), reference.len())
}

/// `text`'s characters with every run of whitespace made one space.
pub fn characters(text: &str) -> Vec<char> {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_error_rate_compares_words_not_letters() {
        let reference = words("The cat sat.");
        assert_eq!(edits(&reference, &words("the cat sat")), 0);
        assert_eq!(edits(&reference, &words("a cat sat on")), 2);
        assert_eq!(score("The cat sat.", "the bat sat"), (1, 3));
        // A Hindi word is one word, marks and all; an elided article stays with its noun.
        assert_eq!(
            words("पानी सौ डिग्री पर उबलता है।"),
            ["पानी", "सौ", "डिग्री", "पर", "उबलता", "है"]
        );
        assert_eq!(words("¿Qué es l'eau?"), ["qué", "es", "l'eau"]);
    }

    #[test]
    fn characters_fold_whitespace() {
        assert_eq!(characters(" a \n b  c"), vec!['a', ' ', 'b', ' ', 'c']);
        assert_eq!(edits(&characters("abc"), &characters("abd")), 1);
        assert_eq!(edits::<char>(&[], &['x']), 1);
    }
}
