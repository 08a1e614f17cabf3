//! The languages Satchel reads content in, and what each needs to be searched and
//! studied: its common words, the stem of a word, and a word with its accents folded.
//!
//! A text's language is found by [`detect`]; search indexes each chunk's words folded
//! (exact-word search, accents aside) and stemmed in the chunk's language (so
//! "células" finds "célula", "पत्तियों" finds "पत्ती"). Swahili has no stemmer here, so
//! it is searched by its folded words alone.

mod detect;
mod hindi;

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

pub use detect::detect;

/// A language Satchel reads content in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Es,
    Fr,
    Pt,
    Sw,
    Hi,
    Ar,
}

/// The writing systems the languages use: a word is stemmed only by the languages
/// written in its script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Devanagari,
    Arabic,
}

impl Lang {
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::Es,
        Lang::Fr,
        Lang::Pt,
        Lang::Sw,
        Lang::Hi,
        Lang::Ar,
    ];

    /// Its ISO 639-1 code, as stored and as Whisper names it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Pt => "pt",
            Lang::Sw => "sw",
            Lang::Hi => "hi",
            Lang::Ar => "ar",
        }
    }

    /// The language a code names: "es", "es-PE", "pt_BR" and "ES" are Spanish and
    /// Portuguese; a language Satchel does not read is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    pub(crate) fn script(self) -> Script {
        match self {
            Lang::Hi => Script::Devanagari,
            Lang::Ar => Script::Arabic,
            _ => Script::Latin,
        }
    }

    /// Words too common to say what a text is about: NLTK's lists where it has one
    /// (English, Spanish, French, Portuguese, Arabic), stopwords-iso's for Swahili and
    /// Hindi. Kept folded, as words are compared.
    pub fn stop_words(self) -> &'static HashSet<String> {
        static LISTS: OnceLock<Vec<HashSet<String>>> = OnceLock::new();
        let lists = LISTS.get_or_init(|| {
            Lang::ALL
                .iter()
                .map(|lang| {
                    stop_words::lookup(lang.code())
                        .unwrap_or_default()
                        .iter()
                        .map(|word| fold(word))
                        .collect()
                })
                .collect()
        });
        &lists[self as usize]
    }

    pub fn is_stop_word(self, folded: &str) -> bool {
        self.stop_words().contains(folded)
    }

    /// The stem of `word` (lowercase, accents as written), folded; a language without a
    /// stemmer (Swahili) gives the folded word.
    pub fn stem(self, word: &str) -> String {
        use rust_stemmers::{Algorithm, Stemmer};
        let algorithm = match self {
            Lang::En => Algorithm::English,
            Lang::Es => Algorithm::Spanish,
            Lang::Fr => Algorithm::French,
            Lang::Pt => Algorithm::Portuguese,
            Lang::Ar => Algorithm::Arabic,
            Lang::Hi => return hindi::stem(&fold(word)),
            Lang::Sw => return fold(word),
        };
        static STEMMERS: OnceLock<Vec<Stemmer>> = OnceLock::new();
        let stemmers = STEMMERS.get_or_init(|| {
            [
                Algorithm::English,
                Algorithm::Spanish,
                Algorithm::French,
                Algorithm::Portuguese,
                Algorithm::Arabic,
            ]
            .into_iter()
            .map(Stemmer::create)
            .collect()
        });
        let index = match algorithm {
            Algorithm::English => 0,
            Algorithm::Spanish => 1,
            Algorithm::French => 2,
            Algorithm::Portuguese => 3,
            _ => 4,
        };
        // Snowball's Arabic takes the article off ("المحيطات" → "محيط") but not with
        // "and" or "so" joined before it ("والمحيطات"): those go first.
        let word = match self {
            Lang::Ar if word.chars().count() > 5 => ["وال", "فال"]
                .iter()
                .find(|p| word.starts_with(*p))
                .map_or(word, |_| &word['و'.len_utf8()..]),
            _ => word,
        };
        let stem: Cow<str> = stemmers[index].stem(word);
        fold(&stem)
    }
}

/// `word` lowercased with what does not change its letters taken away: Latin accents
/// ("Célula" → "celula", "ação" → "acao"), Arabic short vowels, tatweel and the hamza
/// seats of alef ("أَكَلَ" → "اكل"), Devanagari's nukta and chandrabindu (as Hindi
/// writers vary in them). Devanagari vowel signs and virama are letters of the word
/// and stay.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    for c in word.nfd().flat_map(char::to_lowercase) {
        match c {
            // Latin combining accents; Arabic harakat, superscript alef, tatweel;
            // Devanagari nukta.
            '\u{0300}'..='\u{036f}'
            | '\u{064b}'..='\u{065f}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{093c}' => {}
            // Alef with hamza or madda: alef (their seats decompose under NFD, which
            // leaves the combining hamza above, removed above).
            '\u{0671}' => folded.push('\u{0627}'),
            // Chandrabindu as anusvara.
            '\u{0901}' => folded.push('\u{0902}'),
            'ß' => folded.push_str("ss"),
            'œ' => folded.push_str("oe"),
            'æ' => folded.push_str("ae"),
            c => folded.push(c),
        }
    }
    folded.nfc().collect()
}

/// The script of a word: the first of its letters that is in one Satchel knows.
pub(crate) fn script_of(word: &str) -> Option<Script> {
    word.chars().find_map(script_of_char)
}

pub(crate) fn script_of_char(c: char) -> Option<Script> {
    match c {
        '\u{0900}'..='\u{097f}' | '\u{a8e0}'..='\u{a8ff}' => Some(Script::Devanagari),
        '\u{0600}'..='\u{06ff}'
        | '\u{0750}'..='\u{077f}'
        | '\u{08a0}'..='\u{08ff}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}' => Some(Script::Arabic),
        c if c.is_alphabetic() && (c.is_ascii() || ('\u{00c0}'..='\u{024f}').contains(&c)) => {
            Some(Script::Latin)
        }
        _ => None,
    }
}

/// The words of `text` for searching: where Unicode puts word boundaries, split again
/// at apostrophes and hyphens ("l'eau" is "l" and "eau", "water-cycle" two words),
/// lowercased, accents as written.
pub fn search_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for segment in text.unicode_words() {
        for part in segment.split(['\'', '’', '-', '‐']) {
            if part.chars().any(char::is_alphanumeric) {
                words.push(part.to_lowercase());
            }
        }
    }
    words
}

/// What a chunk gives the word index: its words folded, and its words' stems in
/// `lang` (common words left out), each a space-separated list. A chunk whose language
/// is unknown (a short note) gives each word's stems in every language of its script,
/// as a query does, so "dividing" still finds "Cells divide".
pub fn index_terms(text: &str, lang: Option<Lang>) -> (String, String) {
    let mut folded_words = String::with_capacity(text.len());
    let mut stems: Vec<String> = Vec::new();
    for word in search_words(text) {
        let folded = fold(&word);
        if !folded_words.is_empty() {
            folded_words.push(' ');
        }
        folded_words.push_str(&folded);
        if is_common(&folded, lang) {
            continue;
        }
        match lang {
            Some(lang) if script_of(&word) == Some(lang.script()) => stems.push(lang.stem(&word)),
            Some(_) => {}
            None => stems.extend(stems_in_any(&word)),
        }
    }
    (folded_words, stems.join(" "))
}

/// The stems `word` may have: its stem in each language written in its script (a
/// query is too short to say its language for sure), without repeats.
pub fn stems_in_any(word: &str) -> Vec<String> {
    let Some(script) = script_of(word) else {
        return Vec::new();
    };
    let mut stems: Vec<String> = Vec::new();
    for lang in Lang::ALL.into_iter().filter(|l| l.script() == script) {
        let stem = lang.stem(word);
        if !stem.is_empty() && !stems.contains(&stem) {
            stems.push(stem);
        }
    }
    stems
}

/// Whether `folded` is a common word of `lang`, or, not knowing the language, of any
/// language written in its script.
pub fn is_common(folded: &str, lang: Option<Lang>) -> bool {
    match lang {
        Some(lang) => lang.is_stop_word(folded),
        None => {
            let script = script_of(folded);
            Lang::ALL
                .into_iter()
                .filter(|l| Some(l.script()) == script)
                .any(|l| l.is_stop_word(folded))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_languages_whatever_their_region_or_case() {
        assert_eq!(Lang::from_code("es-PE"), Some(Lang::Es));
        assert_eq!(Lang::from_code("pt_BR"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
            assert!(
                lang.stop_words().len() >= 70,
                "{lang:?}: {} common words",
                lang.stop_words().len()
            );
        }
    }

    #[test]
    fn folding_takes_accents_and_vowel_marks_but_keeps_letters() {
        assert_eq!(fold("Célula"), "celula");
        assert_eq!(fold("AÇÃO"), "acao");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("niño"), "nino");
        assert_eq!(fold("أَكَلَ"), "اكل");
        assert_eq!(fold("إسلام"), "اسلام");
        assert_eq!(fold("آب"), "اب");
        // Devanagari vowel signs and the virama are the word's own.
        assert_eq!(fold("पत्तियाँ"), "पत्तियां");
        assert_eq!(fold("ज़मीन"), "जमीन");
        assert_eq!(fold("चक्र"), "चक्र");
    }

    #[test]
    fn each_language_stems_its_own_words_alike() {
        let same = |lang: Lang, a: &str, b: &str| {
            assert_eq!(lang.stem(a), lang.stem(b), "{lang:?}: {a} / {b}");
        };
        same(Lang::En, "dividing", "divides");
        same(Lang::Es, "células", "célula");
        same(Lang::Es, "evaporación", "evaporaciones");
        same(Lang::Fr, "nuages", "nuage");
        same(Lang::Pt, "plantas", "planta");
        same(Lang::Ar, "المعلمون", "معلم");
        same(Lang::Ar, "والمحيطات", "المحيط");
        same(Lang::Ar, "فالكتاب", "كتاب");
        same(Lang::Hi, "पत्तियों", "पत्तियाँ");
        same(Lang::Hi, "लड़के", "लड़का");
        assert_eq!(Lang::Sw.stem("mvua"), "mvua");
        // A stem is folded, so a word typed without its accent finds it.
        assert_eq!(Lang::Es.stem("celulas"), Lang::Es.stem("células"));
    }

    #[test]
    fn a_chunk_is_indexed_by_its_folded_words_and_its_stems() {
        let (words, stems) = index_terms("L'eau s'évapore: les nuages.", Some(Lang::Fr));
        assert_eq!(words, "l eau s evapore les nuages");
        assert_eq!(stems, "eau evapor nuag", "l, s and les are common");
        let (words, stems) = index_terms("पानी भाप बनता है।", Some(Lang::Hi));
        assert_eq!(words, "पानी भाप बनता है");
        assert!(!stems.contains("है"), "a common word: {stems}");
        let (_, stems) = index_terms("Cells divide", None);
        let stems: Vec<&str> = stems.split(' ').collect();
        assert!(
            stems.contains(&"divid"),
            "every Latin language's: {stems:?}"
        );
        assert!(stems.contains(&Lang::En.stem("dividing").as_str()));
    }

    #[test]
    fn a_query_word_takes_the_stems_of_every_language_of_its_script() {
        let stems = stems_in_any("células");
        assert!(stems.contains(&Lang::Es.stem("células")), "{stems:?}");
        assert!(stems.len() <= 5);
        assert_eq!(stems_in_any("पत्तियों"), [Lang::Hi.stem("पत्तियों")]);
        assert!(stems_in_any("2024").is_empty());
        assert!(is_common("de", None));
        assert!(!is_common("celula", None));
        assert!(is_common("na", Some(Lang::Sw)));
        assert!(!is_common("na", Some(Lang::En)));
    }
}
