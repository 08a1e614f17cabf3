//! Definitions in Spanish, French, Portuguese, Swahili, Hindi and Arabic, and the
//! questions that ask them, in the material's own language (a Spanish chapter gets
//! "¿Qué es la fotosíntesis?", whatever language the window speaks). English has its
//! own, finer rules in `cards.rs`.
//!
//! Two shapes are read, as textbooks write them:
//! - **defines**: "TERM <is> DEFINITION" ("La célula es la unidad…", "Seli ni kitengo…",
//!   "الخلية هي وحدة…") asks what the term is;
//! - **called**: "DESCRIPTION <is called> NAME" ("…se llama evaporación", "…को वाष्पन
//!   कहते हैं") asks what the description is called.

use super::cards::lower_first;
use crate::lang::{self, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Defines,
    Called,
}

/// One way a language writes a definition, and how it is asked.
struct Pattern {
    shape: Shape,
    /// What stands between the two parts, with its spaces.
    marker: &'static str,
    /// What the sentence must end with (Hindi puts its verb last), or "".
    ending: &'static str,
    /// The question; `{}` is the term or the description.
    question: &'static str,
}

const fn defines(marker: &'static str, question: &'static str) -> Pattern {
    Pattern {
        shape: Shape::Defines,
        marker,
        ending: "",
        question,
    }
}

const fn called(marker: &'static str, question: &'static str) -> Pattern {
    Pattern {
        shape: Shape::Called,
        marker,
        ending: "",
        question,
    }
}

/// Each language's patterns, the more telling first ("se llama" before "es").
fn patterns(language: Lang) -> &'static [Pattern] {
    const ES: &[Pattern] = &[
        called(" se llama ", "¿Cómo se llama {}?"),
        called(" se llaman ", "¿Cómo se llaman {}?"),
        called(" se conoce como ", "¿Cómo se conoce {}?"),
        called(" se conocen como ", "¿Cómo se conocen {}?"),
        called(" se denomina ", "¿Cómo se denomina {}?"),
        called(" se denominan ", "¿Cómo se denominan {}?"),
        defines(" significa ", "¿Qué significa {}?"),
        defines(" es ", "¿Qué es {}?"),
        defines(" son ", "¿Qué son {}?"),
    ];
    const FR: &[Pattern] = &[
        called(" s'appelle ", "Comment s'appelle {} ?"),
        called(" s’appelle ", "Comment s'appelle {} ?"),
        called(" s'appellent ", "Comment s'appellent {} ?"),
        called(" s’appellent ", "Comment s'appellent {} ?"),
        called(" est appelé ", "Comment appelle-t-on {} ?"),
        called(" est appelée ", "Comment appelle-t-on {} ?"),
        called(" sont appelés ", "Comment appelle-t-on {} ?"),
        called(" sont appelées ", "Comment appelle-t-on {} ?"),
        defines(" signifie ", "Que signifie {} ?"),
        defines(" est ", "Qu'est-ce que {} ?"),
        defines(" sont ", "Que sont {} ?"),
    ];
    const PT: &[Pattern] = &[
        called(" se chama ", "Como se chama {}?"),
        called(" se chamam ", "Como se chamam {}?"),
        called(" é chamado de ", "Como é chamado {}?"),
        called(" é chamada de ", "Como é chamada {}?"),
        called(" é conhecido como ", "Como é conhecido {}?"),
        called(" é conhecida como ", "Como é conhecida {}?"),
        defines(" significa ", "O que significa {}?"),
        defines(" é ", "O que é {}?"),
        defines(" são ", "O que são {}?"),
    ];
    const SW: &[Pattern] = &[
        called(" huitwa ", "{} huitwaje?"),
        called(" inaitwa ", "{} inaitwaje?"),
        called(" zinaitwa ", "{} zinaitwaje?"),
        called(" hujulikana kama ", "{} hujulikana kama nini?"),
        defines(" maana yake ni ", "{} maana yake ni nini?"),
        defines(" ni ", "{} ni nini?"),
    ];
    const HI: &[Pattern] = &[
        Pattern {
            shape: Shape::Called,
            marker: " को ",
            ending: " कहते हैं",
            question: "{} को क्या कहते हैं?",
        },
        Pattern {
            shape: Shape::Called,
            marker: " को ",
            ending: " कहा जाता है",
            question: "{} को क्या कहा जाता है?",
        },
        defines(" का अर्थ है ", "{} का अर्थ क्या है?"),
        Pattern {
            shape: Shape::Defines,
            marker: " एक ",
            ending: " है",
            question: "{} क्या है?",
        },
    ];
    const AR: &[Pattern] = &[
        called(" يسمى ", "ماذا يسمى {}؟"),
        called(" تسمى ", "ماذا تسمى {}؟"),
        called(" يُسمى ", "ماذا يسمى {}؟"),
        called(" تُسمى ", "ماذا تسمى {}؟"),
        defines(" يعني ", "ماذا يعني {}؟"),
        defines(" هو ", "ما هو {}؟"),
        defines(" هي ", "ما هي {}؟"),
    ];
    match language {
        Lang::Es => ES,
        Lang::Fr => FR,
        Lang::Pt => PT,
        Lang::Sw => SW,
        Lang::Hi => HI,
        Lang::Ar => AR,
        Lang::En => &[],
    }
}

/// Articles a term may begin with; kept in the question ("¿Qué es la célula?").
fn articles(language: Lang) -> &'static [&'static str] {
    match language {
        Lang::Es => &["el", "la", "los", "las", "un", "una"],
        Lang::Fr => &["le", "la", "les", "l'", "l’", "un", "une", "des"],
        Lang::Pt => &["o", "a", "os", "as", "um", "uma"],
        _ => &[],
    }
}

/// Words that cannot be what a definition defines (pronouns, "each", "all").
fn not_terms(language: Lang) -> &'static [&'static str] {
    match language {
        Lang::Es => &[
            "esto", "esta", "este", "eso", "esa", "ese", "ella", "él", "ellos", "ellas", "que",
            "cada", "todo", "todos", "nosotros", "uno", "lo", "hoy",
        ],
        Lang::Fr => &[
            "il",
            "elle",
            "ils",
            "elles",
            "ce",
            "c'",
            "cela",
            "ceci",
            "on",
            "qui",
            "que",
            "chacun",
            "tout",
            "tous",
            "nous",
            "vous",
            "aujourd'hui",
        ],
        Lang::Pt => &[
            "isso", "isto", "ele", "ela", "eles", "elas", "que", "cada", "tudo", "todos", "este",
            "esta", "esse", "essa", "nós", "hoje",
        ],
        Lang::Sw => &[
            "hii", "hiyo", "huu", "hao", "yeye", "wao", "sisi", "hicho", "hilo", "kila", "hapa",
            "leo", "yote", "wote",
        ],
        Lang::Hi => &["यह", "वह", "ये", "वे", "इस", "उस", "जो", "हम", "आज", "सब"],
        Lang::Ar => &[
            "هذا",
            "هذه",
            "ذلك",
            "تلك",
            "هو",
            "هي",
            "هم",
            "الذي",
            "التي",
            "اليوم",
        ],
        Lang::En => &[],
    }
}

/// The question a sentence of `language` asks and its answer, when the sentence
/// defines something.
pub(crate) fn definition(sentence: &str, language: Lang) -> Option<(String, String)> {
    let body = sentence
        .trim()
        .trim_end_matches(['.', '!', ';', '।', '۔', '؟', '?'])
        .trim_end();
    patterns(language)
        .iter()
        .find_map(|pattern| read(body, pattern, language))
}

fn read(body: &str, pattern: &Pattern, language: Lang) -> Option<(String, String)> {
    let body = body.strip_suffix(pattern.ending)?;
    let at = body.find(pattern.marker)?;
    let (before, after) = (body[..at].trim(), body[at + pattern.marker.len()..].trim());
    match pattern.shape {
        Shape::Defines => {
            let term = term(before, language)?;
            // "La célula es la unidad…": at least three words say what it is; "no es"
            // says what it is not.
            let defining = after.split_whitespace().count() >= 3
                && !["no ", "ne ", "n'", "não ", "नहीं "]
                    .iter()
                    .any(|n| after.starts_with(n));
            let answer = if pattern.ending.is_empty() {
                after.to_owned()
            } else {
                // Hindi's "X एक Y है": the answer is "एक Y", as a learner would say it.
                format!("{}{after}", pattern.marker.trim_start())
            };
            defining.then(|| (ask(pattern.question, &term, language), answer))
        }
        Shape::Called => {
            let words = after.split_whitespace().count();
            let last = before
                .split_whitespace()
                .last()
                .map(str::to_lowercase)
                .unwrap_or_default();
            // "…, y esto se llama X" names a whole clause, which makes no question.
            let sound = (1..=5).contains(&words)
                && before.split_whitespace().count() >= 2
                && !before.contains([',', '،'])
                && !not_terms(language).contains(&last.as_str());
            sound.then(|| (ask(pattern.question, before, language), after.to_owned()))
        }
    }
}

/// The term a "defines" sentence begins with, as the question names it: one to four
/// words (a joining "de"/"wa" aside), an article kept, no pronoun and no common word.
fn term(before: &str, language: Lang) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let article = lower
        .first()
        .is_some_and(|w| articles(language).contains(&w.as_str()));
    let rest = &lower[usize::from(article)..];
    let joining = |w: &str| {
        matches!(
            (language, w),
            (Lang::Es, "de" | "del")
                | (Lang::Fr, "de" | "du" | "des")
                | (Lang::Pt, "de" | "do" | "da" | "dos" | "das")
                | (Lang::Sw, "wa" | "ya" | "la" | "za" | "cha" | "vya")
                | (Lang::Hi, "का" | "की" | "के")
        )
    };
    let content = rest.iter().filter(|w| !joining(w)).count();
    let first = rest.first()?;
    let sound = (1..=4).contains(&content)
        && !not_terms(language).contains(&first.as_str())
        && rest.iter().all(|w| {
            joining(w)
                || (!lang::is_common(&lang::fold(w), Some(language))
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || is_mark(c) || "-'’".contains(c)))
        });
    sound.then(|| words.join(" "))
}

/// `question` asking about `subject`: the subject lowercased inside a sentence ("¿Qué
/// es la célula?") but as written where it opens the question ("Usanisinuru ni
/// nini?"), and French "que" elided before a vowel ("Qu'est-ce qu'une cellule ?").
fn ask(question: &str, subject: &str, language: Lang) -> String {
    if question.starts_with("{}") {
        return question.replace("{}", subject);
    }
    let subject = lower_first(subject);
    let vowel = subject
        .chars()
        .next()
        .is_some_and(|c| "aeiouéèêàâîôûhy".contains(c));
    if language == Lang::Fr && vowel && question.contains("que {}") {
        return question.replace("que {}", &format!("qu'{subject}"));
    }
    question.replace("{}", &subject)
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// The quiz's question for a glossary term, in the material's language.
pub(crate) fn term_question(term: &str, language: Option<Lang>) -> String {
    match language {
        Some(Lang::Es) => format!("¿Qué significa «{term}»?"),
        Some(Lang::Fr) => format!("Que signifie « {term} » ?"),
        Some(Lang::Pt) => format!("O que significa “{term}”?"),
        Some(Lang::Sw) => format!("“{term}” maana yake ni nini?"),
        Some(Lang::Hi) => format!("“{term}” का क्या अर्थ है?"),
        Some(Lang::Ar) => format!("ما معنى «{term}»؟"),
        Some(Lang::En) | None => format!("What does “{term}” mean?"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(sentence: &str, language: Lang) -> Option<(String, String)> {
        definition(sentence, language)
    }

    fn pair(question: &str, answer: &str) -> Option<(String, String)> {
        Some((question.to_owned(), answer.to_owned()))
    }

    #[test]
    fn each_language_asks_its_definitions_in_its_own_words() {
        assert_eq!(
            asked(
                "La fotosíntesis es el proceso por el que las plantas fabrican su alimento.",
                Lang::Es
            ),
            pair(
                "¿Qué es la fotosíntesis?",
                "el proceso por el que las plantas fabrican su alimento"
            )
        );
        assert_eq!(
            asked(
                "El paso del agua líquida a vapor se llama evaporación.",
                Lang::Es
            ),
            pair(
                "¿Cómo se llama el paso del agua líquida a vapor?",
                "evaporación"
            )
        );
        assert_eq!(
            asked("La cellule est la plus petite unité du vivant.", Lang::Fr),
            pair(
                "Qu'est-ce que la cellule ?",
                "la plus petite unité du vivant"
            )
        );
        assert_eq!(
            asked(
                "Le passage de l'eau liquide à la vapeur s'appelle l'évaporation.",
                Lang::Fr
            ),
            pair(
                "Comment s'appelle le passage de l'eau liquide à la vapeur ?",
                "l'évaporation"
            )
        );
        assert_eq!(
            asked("Une cellule est un petit compartiment du vivant.", Lang::Fr),
            pair(
                "Qu'est-ce qu'une cellule ?",
                "un petit compartiment du vivant"
            )
        );
        assert_eq!(
            asked(
                "A fotossíntese é o processo pelo qual as plantas produzem alimento.",
                Lang::Pt
            ),
            pair(
                "O que é a fotossíntese?",
                "o processo pelo qual as plantas produzem alimento"
            )
        );
        assert_eq!(
            asked(
                "Usanisinuru ni mchakato ambao mimea hutengeneza chakula.",
                Lang::Sw
            ),
            pair(
                "Usanisinuru ni nini?",
                "mchakato ambao mimea hutengeneza chakula"
            )
        );
        assert_eq!(
            asked(
                "पौधों द्वारा भोजन बनाने की प्रक्रिया को प्रकाश संश्लेषण कहते हैं।",
                Lang::Hi
            ),
            pair(
                "पौधों द्वारा भोजन बनाने की प्रक्रिया को क्या कहते हैं?",
                "प्रकाश संश्लेषण"
            )
        );
        assert_eq!(
            asked("कोशिका एक सूक्ष्म जीवित इकाई है।", Lang::Hi),
            pair("कोशिका क्या है?", "एक सूक्ष्म जीवित इकाई")
        );
        assert_eq!(
            asked("الخلية هي أصغر وحدة في الكائن الحي.", Lang::Ar),
            pair("ما هي الخلية؟", "أصغر وحدة في الكائن الحي")
        );
    }

    #[test]
    fn pronouns_negations_and_clauses_are_not_definitions() {
        assert_eq!(asked("Esto es muy importante para todos.", Lang::Es), None);
        assert_eq!(
            asked("La célula no es un órgano del cuerpo.", Lang::Es),
            None
        );
        assert_eq!(
            asked("Il est midi et le soleil brille fort.", Lang::Fr),
            None
        );
        assert_eq!(
            asked(
                "Las plantas pierden agua, y esto se llama transpiración.",
                Lang::Es
            ),
            None
        );
        assert_eq!(asked("Hii ni siku nzuri sana leo.", Lang::Sw), None);
        assert_eq!(asked("Agua es vida.", Lang::Es), None, "too short");
        assert_eq!(asked("Anything is fine here.", Lang::En), None);
    }

    #[test]
    fn a_term_is_asked_about_in_the_materials_language() {
        assert_eq!(
            term_question("ósmosis", Some(Lang::Es)),
            "¿Qué significa «ósmosis»?"
        );
        assert_eq!(term_question("osmosis", None), "What does “osmosis” mean?");
    }
}
