//! School text the tests speak, print and scan, and the benchmarks time: one copy, so
//! a figure and the test that checks the same path read the same words.

/// School sentences, one a line: spoken by espeak-ng for the speech tests and the
/// voice benchmark.
pub const SENTENCES: &str = include_str!("../data/sentences.txt");

/// School sentences, one a line: printed on the pages the OCR and PDF tests make.
pub const OCR_LINES: &str = include_str!("../data/ocr_lines.txt");

/// School sentences in the other languages Satchel reads, twelve each, one a line:
/// spoken by espeak-ng's voice for the language, and printed for the OCR tests. Written
/// for these tests, with each language's letters (ñ, ç, ã, œ, ng') and numbers in words.
pub const LANGUAGES: [(&str, &str); 6] = [
    ("es", include_str!("../data/languages/es.txt")),
    ("fr", include_str!("../data/languages/fr.txt")),
    ("pt", include_str!("../data/languages/pt.txt")),
    ("sw", include_str!("../data/languages/sw.txt")),
    ("hi", include_str!("../data/languages/hi.txt")),
    ("ar", include_str!("../data/languages/ar.txt")),
];

/// The sentences of language `code` (one of [`LANGUAGES`]), a line each.
pub fn language_sentences(code: &str) -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, text)| lines(text))
        .unwrap_or_default()
}

/// espeak-ng's voice for language `code`: Brazilian Portuguese, the others by code.
pub fn espeak_voice(code: &str) -> &str {
    match code {
        "pt" => "pt-br",
        other => other,
    }
}

/// [`SENTENCES`], a line each.
pub fn sentences() -> Vec<&'static str> {
    lines(SENTENCES)
}

/// [`OCR_LINES`], a line each.
pub fn ocr_lines() -> Vec<&'static str> {
    lines(OCR_LINES)
}

fn lines(text: &'static str) -> Vec<&'static str> {
    text.lines().filter(|l| !l.is_empty()).collect()
}

/// `text` as a PostScript string's contents: its backslashes and parentheses escaped.
pub fn postscript_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_texts_are_a_dozen_lines_each() {
        assert_eq!(sentences().len(), 12);
        assert_eq!(ocr_lines().len(), 12);
        assert!(sentences().iter().all(|l| l.ends_with('.')));
        for (code, _) in LANGUAGES {
            assert_eq!(language_sentences(code).len(), 12, "{code}");
        }
    }

    #[test]
    fn postscript_strings_escape_what_would_end_them() {
        assert_eq!(postscript_escape(r"a (b) \c"), r"a \(b\) \\c");
    }
}
