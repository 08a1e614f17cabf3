//! Which of Satchel's languages a text is in.
//!
//! The script settles Hindi (Devanagari) and Arabic. Among the languages written in
//! Latin letters, the text's most common words decide: every language spends a third
//! to a half of its running words on a few dozen function words ("the", "of"; "el",
//! "los", "y"; "les", "et", "est"; "os", "do", "não"; "na", "ya", "kwa"), and those
//! few dozen hardly overlap. Letters only one language uses (ñ, ã, œ, "ção") add a
//! little. A text too short, or in a language Satchel does not read (German,
//! Italian…), has too few of any list's words and is `None`: callers fall back to the
//! source's language rather than guess.
//!
//! whatlang does this with trigrams but has no Swahili; lingua's models weigh more than
//! the rest of the core.

use super::{Lang, Script, script_of_char};

/// Each Latin-script language's most frequent function words, lowercase, accents as
/// written. A word in several lists counts for each a share.
const FUNCTION_WORDS: [(Lang, &[&str]); 5] = [
    (
        Lang::En,
        &[
            "the", "of", "and", "to", "in", "is", "that", "it", "for", "was", "on", "are", "as",
            "with", "they", "at", "be", "this", "have", "from", "or", "by", "which", "an", "were",
            "their", "has", "its", "when", "into", "can", "these", "than", "also", "been", "would",
            "what", "there", "not", "but", "we", "you", "he", "she", "how", "many", "some", "most",
            "other", "called",
        ],
    ),
    (
        Lang::Es,
        &[
            "el", "los", "las", "la", "de", "del", "y", "que", "en", "es", "un", "una", "por",
            "con", "para", "se", "lo", "al", "como", "más", "pero", "sus", "su", "son", "está",
            "están", "también", "cuando", "muy", "entre", "hay", "esta", "este", "porque", "sobre",
            "desde", "donde", "puede", "cada", "sin", "fue", "ser", "todos", "le", "les", "qué",
            "cómo", "llama", "forma",
        ],
    ),
    (
        Lang::Fr,
        &[
            "le", "les", "la", "de", "des", "du", "et", "est", "un", "une", "en", "dans", "pour",
            "par", "sur", "au", "aux", "pas", "ne", "ce", "cette", "sont", "avec", "il", "elle",
            "ils", "plus", "ou", "mais", "leur", "nous", "vous", "qui", "que", "être", "été",
            "ces", "son", "sa", "ses", "très", "aussi", "peut", "comme", "se", "l", "d", "qu", "n",
            "c", "s", "appelle",
        ],
    ),
    (
        Lang::Pt,
        &[
            "o", "os", "a", "as", "de", "do", "da", "dos", "das", "e", "é", "em", "no", "na",
            "nos", "nas", "um", "uma", "para", "com", "por", "se", "ao", "aos", "mais", "como",
            "mas", "são", "está", "também", "pelo", "pela", "não", "ou", "isso", "este", "esta",
            "quando", "seu", "sua", "foi", "ser", "muito", "entre", "pode", "cada", "sem", "já",
            "há", "onde", "sobre", "que", "chama",
        ],
    ),
    (
        Lang::Sw,
        &[
            "na", "ya", "wa", "kwa", "ni", "katika", "za", "la", "cha", "vya", "kama", "lakini",
            "au", "pia", "hii", "huu", "hizi", "hiyo", "kuwa", "ili", "sana", "wakati", "baada",
            "kutoka", "hadi", "ambayo", "ambao", "yake", "wake", "zake", "kila", "hivyo", "nini",
            "je", "si", "tu", "zaidi", "kwamba", "huo", "hilo", "yao", "wao", "nyingi", "moja",
            "mbili", "huitwa", "ndio", "ndiyo", "sisi", "kwenye",
        ],
    ),
];

/// Letter sequences only one of the Latin-script languages writes, and what one
/// occurrence adds to its score (a function word adds up to 1).
const MARKS: [(Lang, &str, f32); 12] = [
    (Lang::Es, "ñ", 0.5),
    (Lang::Es, "¿", 1.0),
    (Lang::Es, "¡", 1.0),
    (Lang::Es, "ción", 0.5),
    (Lang::Pt, "ção", 1.0),
    (Lang::Pt, "ções", 1.0),
    (Lang::Pt, "ã", 0.5),
    (Lang::Pt, "õ", 0.5),
    (Lang::Fr, "œ", 0.5),
    (Lang::Fr, "è", 0.3),
    (Lang::Fr, "eaux", 0.5),
    (Lang::Sw, "ng'", 0.5),
];

/// Text read at most: a page says its language as well as a book.
const SAMPLE_CHARS: usize = 4000;
/// The winner's score at least, and its lead over the next.
const MIN_SCORE: f32 = 2.0;
const MIN_LEAD: f32 = 1.3;
/// Of a text's words, at least this share must be the winner's function words: a
/// language Satchel does not read shares a few with one it does, not a tenth.
const MIN_SHARE: f32 = 0.12;

/// The language `text` is written in, when it is one of Satchel's and the text says
/// so clearly enough.
pub fn detect(text: &str) -> Option<Lang> {
    let sample: String = text.chars().take(SAMPLE_CHARS).collect();
    let (mut latin, mut devanagari, mut arabic) = (0usize, 0usize, 0usize);
    for c in sample.chars() {
        match script_of_char(c) {
            Some(Script::Latin) => latin += 1,
            Some(Script::Devanagari) => devanagari += 1,
            Some(Script::Arabic) => arabic += 1,
            None => {}
        }
    }
    let letters = latin + devanagari + arabic;
    // A handful of letters (a label, a number with its unit) says nothing.
    if letters < 8 {
        return None;
    }
    if devanagari * 2 > letters {
        return Some(Lang::Hi);
    }
    if arabic * 2 > letters {
        return Some(Lang::Ar);
    }
    if latin * 2 <= letters {
        return None;
    }
    latin_language(&sample)
}

fn latin_language(sample: &str) -> Option<Lang> {
    let words = super::search_words(sample);
    if words.is_empty() {
        return None;
    }
    let mut scores = [0f32; 5];
    let mut hits = [0usize; 5];
    for word in &words {
        let listed: Vec<usize> = FUNCTION_WORDS
            .iter()
            .enumerate()
            .filter(|(_, (_, list))| list.contains(&word.as_str()))
            .map(|(i, _)| i)
            .collect();
        for &i in &listed {
            scores[i] += 1.0 / listed.len() as f32;
            hits[i] += 1;
        }
    }
    let lower = sample.to_lowercase();
    for (lang, mark, weight) in MARKS {
        let found = lower.matches(mark).count().min(10);
        if let Some(i) = FUNCTION_WORDS.iter().position(|(l, _)| *l == lang) {
            scores[i] += weight * found as f32;
        }
    }
    let mut ranked: Vec<usize> = (0..scores.len()).collect();
    ranked.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (best, next) = (ranked[0], ranked[1]);
    let clear = scores[best] >= MIN_SCORE
        && scores[best] >= MIN_LEAD * scores[next]
        && hits[best] as f32 >= MIN_SHARE * words.len() as f32;
    clear.then_some(FUNCTION_WORDS[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passages like those a learner brings, two per language: an explanation and a
    /// plain narrative, neither written to suit the lists above.
    const PASSAGES: &[(Lang, &str)] = &[
        (
            Lang::En,
            "Plants make their own food by photosynthesis. Sunlight gives the energy, and the leaves take in carbon dioxide from the air.",
        ),
        (
            Lang::En,
            "After the storm we walked down to the river to see how high it had risen overnight.",
        ),
        (
            Lang::Es,
            "Las plantas fabrican su propio alimento mediante la fotosíntesis. La luz del sol aporta la energía y las hojas toman dióxido de carbono del aire.",
        ),
        (
            Lang::Es,
            "Después de la tormenta bajamos al río para ver cuánto había crecido durante la noche.",
        ),
        (
            Lang::Fr,
            "Les plantes fabriquent leur propre nourriture grâce à la photosynthèse. La lumière du soleil fournit l'énergie et les feuilles absorbent le dioxyde de carbone de l'air.",
        ),
        (
            Lang::Fr,
            "Après l'orage, nous sommes descendus jusqu'à la rivière pour voir combien elle avait monté pendant la nuit.",
        ),
        (
            Lang::Pt,
            "As plantas produzem o seu próprio alimento por meio da fotossíntese. A luz do sol fornece a energia e as folhas absorvem o gás carbônico do ar.",
        ),
        (
            Lang::Pt,
            "Depois da tempestade descemos até o rio para ver quanto ele tinha subido durante a noite.",
        ),
        (
            Lang::Sw,
            "Mimea hutengeneza chakula chake yenyewe kwa usanisinuru. Mwanga wa jua hutoa nishati, na majani huchukua hewa ya kaboni dioksidi kutoka angani.",
        ),
        (
            Lang::Sw,
            "Baada ya dhoruba tulishuka mtoni ili kuona jinsi maji yalivyopanda usiku.",
        ),
        (
            Lang::Hi,
            "पौधे प्रकाश संश्लेषण द्वारा अपना भोजन स्वयं बनाते हैं। सूर्य का प्रकाश ऊर्जा देता है।",
        ),
        (
            Lang::Ar,
            "تصنع النباتات غذاءها بنفسها عن طريق التمثيل الضوئي. يمنح ضوء الشمس الطاقة.",
        ),
    ];

    #[test]
    fn each_language_is_told_from_the_others() {
        for (lang, text) in PASSAGES {
            assert_eq!(detect(text), Some(*lang), "{text}");
        }
    }

    #[test]
    fn too_little_or_another_language_is_not_guessed() {
        assert_eq!(detect(""), None);
        assert_eq!(detect("pH 7.0"), None);
        assert_eq!(detect("12 + 30 = 42"), None);
        assert_eq!(
            detect(
                "Die Pflanzen stellen ihre Nahrung durch Photosynthese selbst her, und die Blätter nehmen Kohlendioxid auf."
            ),
            None,
            "German"
        );
        assert_eq!(
            detect("Книги лежат на столе, а тетради в сумке у окна."),
            None,
            "Russian"
        );
    }

    #[test]
    fn a_mostly_spanish_text_with_an_english_quote_is_spanish() {
        let text = "El profesor escribió en la pizarra \"the water cycle\" y luego explicó que el agua se evapora de los océanos, forma las nubes y vuelve como lluvia.";
        assert_eq!(detect(text), Some(Lang::Es));
    }
}
