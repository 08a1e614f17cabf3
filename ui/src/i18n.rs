//! The one translation layer every string a person reads goes through.
//!
//! Each language is a Fluent file in `ui/locales/`, embedded at build time. Fluent
//! picks a language's own plural forms (Arabic has six, Hindi two) for every number
//! passed as a number, so the code never chooses between "1 note" and "2 notes".
//! Numbers, percentages, dates and "3 days ago" are written by the platform's `Intl`,
//! in the learner's own regional form ("es-PE" when the system says so).
//!
//! The language follows the system's until the learner picks one in Settings; the
//! choice is a display preference kept in the window's local storage, like the theme.

use std::cell::RefCell;
use std::rc::Rc;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language the interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// Its BCP 47 tag: the file's name, and what `lang` on <html> says.
    pub tag: &'static str,
    /// Its name in itself, as the language picker lists it.
    pub name: &'static str,
    pub right_to_left: bool,
    source: &'static str,
}

/// Every language the interface speaks, English (the source) first.
pub const LANGUAGES: &[Language] = &[
    Language {
        tag: "en",
        name: "English",
        right_to_left: false,
        source: include_str!("../locales/en.ftl"),
    },
    Language {
        tag: "es",
        name: "Español",
        right_to_left: false,
        source: include_str!("../locales/es.ftl"),
    },
    Language {
        tag: "fr",
        name: "Français",
        right_to_left: false,
        source: include_str!("../locales/fr.ftl"),
    },
    Language {
        tag: "pt",
        name: "Português",
        right_to_left: false,
        source: include_str!("../locales/pt.ftl"),
    },
    Language {
        tag: "sw",
        name: "Kiswahili",
        right_to_left: false,
        source: include_str!("../locales/sw.ftl"),
    },
    Language {
        tag: "hi",
        name: "हिन्दी",
        right_to_left: false,
        source: include_str!("../locales/hi.ftl"),
    },
    Language {
        tag: "ar",
        name: "العربية",
        right_to_left: true,
        source: include_str!("../locales/ar.ftl"),
    },
];

/// A value for a message's placeholder: numbers stay numbers, so that Fluent can choose
/// the plural form and `Intl` can write them.
pub trait Arg {
    fn value(&self) -> FluentValue<'_>;
}

impl Arg for String {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(self.as_str())
    }
}

impl Arg for &str {
    fn value(&self) -> FluentValue<'_> {
        FluentValue::from(*self)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> FluentValue<'_> {
                FluentValue::from(*self as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

type Bundle = FluentBundle<FluentResource>;

/// The language in use: what it is, the tag `Intl` writes numbers and dates for, and
/// its messages.
struct Current {
    language: Language,
    // Read by `intl`, which outside wasm32 (the unit tests) has no `Intl` to give it to.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    intl_tag: String,
    bundle: Bundle,
}

thread_local! {
    // The window is single-threaded; a bundle is not `Sync`.
    static CURRENT: RefCell<Option<Rc<Current>>> = const { RefCell::new(None) };
}

fn bundle_for(language: Language) -> Bundle {
    let id: LanguageIdentifier = language.tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Unicode isolation marks keep an English title whole inside an Arabic sentence;
    // in a left-to-right language they would only be noise in copied text.
    bundle.set_use_isolating(language.right_to_left);
    bundle.set_formatter(Some(format_number));
    // The files are checked whole by the tests (`every_language_has_every_message`):
    // a broken message can only show as its id, never stop the window.
    let resource = FluentResource::try_new(language.source.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

fn current() -> Rc<Current> {
    if let Some(current) = CURRENT.with(|c| c.borrow().clone()) {
        return current;
    }
    let (language, intl_tag) = resolve(&Choice::load());
    install(language, intl_tag)
}

fn install(language: Language, intl_tag: String) -> Rc<Current> {
    let current = Rc::new(Current {
        language,
        intl_tag,
        bundle: bundle_for(language),
    });
    CURRENT.with(|c| *c.borrow_mut() = Some(current.clone()));
    current
}

/// Speaks `language` from now on, for the tests of what other modules word.
#[cfg(test)]
pub fn use_language(language: Language) {
    install(language, language.tag.to_owned());
}

/// The text for message `id` in the learner's language.
pub fn t(id: &str) -> String {
    t_with(id, &[])
}

/// `t` with the message's placeholders filled in.
pub fn t_with(id: &str, values: &[(&str, &dyn Arg)]) -> String {
    let current = current();
    let Some(pattern) = current.bundle.get_message(id).and_then(|m| m.value()) else {
        // Shows itself, so it is noticed, rather than an empty space.
        return id.to_owned();
    };
    let mut args = FluentArgs::new();
    for (name, value) in values {
        args.set(*name, value.value());
    }
    let mut errors = Vec::new();
    current
        .bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}

/// What the learner chose in Settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Whatever the computer is set to (the first of its languages Satchel speaks).
    System,
    Language(&'static str),
}

const KEY: &str = "satchel.language";

impl Choice {
    pub fn load() -> Self {
        storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .and_then(|tag| LANGUAGES.iter().find(|l| l.tag == tag))
            .map_or(Choice::System, |l| Choice::Language(l.tag))
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Choice::System => "system",
            Choice::Language(tag) => tag,
        }
    }

    pub fn parse(text: &str) -> Self {
        LANGUAGES
            .iter()
            .find(|l| l.tag == text)
            .map_or(Choice::System, |l| Choice::Language(l.tag))
    }

    /// Switches the interface to this choice and remembers it.
    pub fn apply_and_save(&self) {
        if let Some(storage) = storage() {
            let _ = storage.set_item(KEY, self.as_str());
        }
        let (language, intl_tag) = resolve(self);
        install(language, intl_tag);
        apply_to_document();
        tell_the_shell();
    }
}

/// The tag of the language the window speaks ("sw").
pub fn language_tag() -> &'static str {
    current().language.tag
}

/// Tells the shell the window's language, for the words it writes itself (a
/// reminder's); without a shell (a browser), nothing listens.
pub fn tell_the_shell() {
    let tag = language_tag().to_owned();
    leptos::task::spawn_local(async move {
        let _ = crate::ipc::invoke(satchel_types::command::SetLanguage { tag }).await;
    });
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The system's preferred languages, most wanted first.
fn system_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

/// The language a choice comes to, and the tag `Intl` is given: the system's own
/// regional tag when it is that language ("pt-BR" writes dates as Brazil does).
fn resolve(choice: &Choice) -> (Language, String) {
    let system = system_languages();
    negotiate(choice, &system)
}

fn negotiate(choice: &Choice, system: &[String]) -> (Language, String) {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    let language = match choice {
        Choice::Language(tag) => LANGUAGES.iter().find(|l| l.tag == *tag).copied(),
        Choice::System => system
            .iter()
            .find_map(|s| LANGUAGES.iter().find(|l| l.tag == primary(s)).copied()),
    }
    .unwrap_or(LANGUAGES[0]);
    let intl_tag = system
        .iter()
        .find(|s| primary(s) == language.tag)
        .cloned()
        .unwrap_or_else(|| language.tag.to_owned());
    (language, intl_tag)
}

/// Says the language and direction on <html>, so that the whole window (through CSS
/// logical properties), screen readers and spell checkers follow it.
pub fn apply_to_document() {
    let current = current();
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", current.language.tag);
        let direction = if current.language.right_to_left {
            "rtl"
        } else {
            "ltr"
        };
        let _ = root.set_attribute("dir", direction);
    }
}

/// Fluent's hook for writing numbers: `Intl.NumberFormat` in the window (so Hindi
/// groups lakhs and French spaces thousands); Fluent's own plain form elsewhere.
fn format_number<M>(value: &FluentValue, _memoizer: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(intl::number(number.value)),
        _ => None,
    }
}

/// Numbers, percentages, dates and relative times in the learner's form.
pub mod intl {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen::JsValue;

    #[cfg(target_arch = "wasm32")]
    fn locales() -> js_sys::Array {
        let tag = super::current().intl_tag.clone();
        js_sys::Array::of1(&JsValue::from_str(&tag))
    }

    #[cfg(target_arch = "wasm32")]
    fn options(pairs: &[(&str, JsValue)]) -> js_sys::Object {
        let object = js_sys::Object::new();
        for (key, value) in pairs {
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
        }
        object
    }

    #[cfg(target_arch = "wasm32")]
    fn number_with(value: f64, pairs: &[(&str, JsValue)]) -> String {
        let format = js_sys::Intl::NumberFormat::new(&locales(), &options(pairs));
        format
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(value))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| value.to_string())
    }

    /// A count or measure: "1,234", "1 234", "१,२३४" as the language writes it.
    #[cfg(target_arch = "wasm32")]
    pub fn number(value: f64) -> String {
        number_with(value, &[("maximumFractionDigits", JsValue::from_f64(2.0))])
    }

    /// A measure with exactly `digits` decimals ("0,412" in French).
    #[cfg(target_arch = "wasm32")]
    pub fn fixed(value: f64, digits: u8) -> String {
        let digits = JsValue::from_f64(f64::from(digits));
        number_with(
            value,
            &[
                ("minimumFractionDigits", digits.clone()),
                ("maximumFractionDigits", digits),
            ],
        )
    }

    /// A size in bytes, in kilobytes or megabytes with the language's own unit ("12 ko").
    #[cfg(target_arch = "wasm32")]
    pub fn bytes(bytes: u64) -> String {
        let (value, unit) = if bytes < 1_000_000 {
            (bytes.div_ceil(1000), "kilobyte")
        } else {
            (bytes.div_ceil(1_000_000), "megabyte")
        };
        number_with(
            value as f64,
            &[
                ("style", JsValue::from_str("unit")),
                ("unit", JsValue::from_str(unit)),
            ],
        )
    }

    /// A measure in one of `Intl`'s units ("megabyte", "hour"), long-form: "4 hours",
    /// "4 heures", "४ घंटे".
    #[cfg(target_arch = "wasm32")]
    pub fn unit(value: f64, unit: &str) -> String {
        number_with(
            value,
            &[
                ("style", JsValue::from_str("unit")),
                ("unit", JsValue::from_str(unit)),
                ("unitDisplay", JsValue::from_str("long")),
            ],
        )
    }

    /// A share from 0 to 1, written as the language writes percentages ("42 %").
    #[cfg(target_arch = "wasm32")]
    pub fn percent(fraction: f64) -> String {
        number_with(
            fraction,
            &[
                ("style", JsValue::from_str("percent")),
                ("maximumFractionDigits", JsValue::from_f64(0.0)),
            ],
        )
    }

    #[cfg(target_arch = "wasm32")]
    fn date_with(ms: i64, pairs: &[(&str, JsValue)]) -> String {
        let format = js_sys::Intl::DateTimeFormat::new(&locales(), &options(pairs));
        format
            .format()
            .call1(
                &JsValue::NULL,
                &js_sys::Date::new(&JsValue::from_f64(ms as f64)),
            )
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }

    /// A day, from Unix milliseconds ("5 déc. 2026").
    #[cfg(target_arch = "wasm32")]
    pub fn date(ms: i64) -> String {
        date_with(ms, &[("dateStyle", JsValue::from_str("medium"))])
    }

    /// A day and the time of day, from Unix milliseconds.
    #[cfg(target_arch = "wasm32")]
    pub fn date_time(ms: i64) -> String {
        date_with(
            ms,
            &[
                ("dateStyle", JsValue::from_str("medium")),
                ("timeStyle", JsValue::from_str("short")),
            ],
        )
    }

    /// `value` `unit`s from now ("in 3 days", "2 hours ago", "yesterday"): `unit` is
    /// one of `Intl.RelativeTimeFormat`'s ("minute", "hour", "day", "month").
    #[cfg(target_arch = "wasm32")]
    pub fn relative(value: f64, unit: &str) -> String {
        let format = js_sys::Intl::RelativeTimeFormat::new(
            &locales(),
            &options(&[("numeric", JsValue::from_str("auto"))]),
        );
        format.format(value, unit).into()
    }

    // Outside the window (the unit tests) there is no `Intl`: plain forms, so that
    // the messages themselves can be checked.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn number(value: f64) -> String {
        value.to_string()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn fixed(value: f64, digits: u8) -> String {
        format!("{value:.*}", usize::from(digits))
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn bytes(bytes: u64) -> String {
        format!("{} kB", bytes.div_ceil(1000))
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn unit(value: f64, unit: &str) -> String {
        format!("{value} {unit}")
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn percent(fraction: f64) -> String {
        format!("{}%", (fraction * 100.0).round())
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn date(ms: i64) -> String {
        ms.to_string()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn date_time(ms: i64) -> String {
        ms.to_string()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn relative(value: f64, unit: &str) -> String {
        format!("{value} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::BTreeSet;

    const SOURCES: &[&str] = &[
        include_str!("app.rs"),
        include_str!("widgets.rs"),
        include_str!("recorder.rs"),
        include_str!("pages/welcome.rs"),
        include_str!("pages/library.rs"),
        include_str!("pages/editor.rs"),
        include_str!("pages/settings.rs"),
        include_str!("pages/recovery.rs"),
        include_str!("pages/source.rs"),
        include_str!("pages/search.rs"),
        include_str!("pages/pack.rs"),
        include_str!("pages/study.rs"),
        include_str!("pages/progress.rs"),
        include_str!("pages/sync.rs"),
        include_str!("pages/class.rs"),
    ];

    /// Each message's id and the variables it uses, from a Fluent file; panics on any
    /// syntax error, naming it.
    fn messages(language: &Language) -> Vec<(String, BTreeSet<String>)> {
        let resource = match fluent_syntax::parser::parse(language.source) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{}.ftl does not parse: {errors:?}", language.tag),
        };
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                ast::Entry::Message(message) => Some(message),
                _ => None,
            })
            .map(|message| {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    pattern_variables(pattern, &mut variables);
                }
                (message.id.name.to_owned(), variables)
            })
            .collect()
    }

    fn pattern_variables(pattern: &ast::Pattern<&str>, into: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, into);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, into: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_variables(selector, into);
                for variant in variants {
                    pattern_variables(&variant.value, into);
                }
            }
            ast::Expression::Inline(inline) => inline_variables(inline, into),
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, into: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                into.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, into)
            }
            _ => {}
        }
    }

    /// Every string literal in the UI's sources shaped like a message id of a section
    /// en.ftl has (`library-…`, `error-…`), but not an attribute's value in a view
    /// (`id="class-name"` is an element's id, not a message).
    fn ids_used_in_the_ui(sections: &BTreeSet<&str>) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for source in SOURCES {
            let mut rest = *source;
            while let Some(open) = rest.find('"') {
                let before = rest[..open].chars().next_back();
                let after = &rest[open + 1..];
                let Some(close) = after.find('"') else { break };
                let word = &after[..close];
                let shaped = word.contains('-')
                    && !word.ends_with('-')
                    && word.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
                    });
                let section = word.split('-').next().unwrap_or_default();
                if shaped && before != Some('=') && sections.contains(section) {
                    ids.insert(word.to_owned());
                }
                rest = &after[close + 1..];
            }
        }
        ids
    }

    #[test]
    fn every_message_the_ui_names_exists_in_english() {
        let english: BTreeSet<String> = messages(&LANGUAGES[0])
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let sections: BTreeSet<&str> = english
            .iter()
            .filter_map(|id| id.split('-').next())
            .collect();
        let missing: Vec<_> = ids_used_in_the_ui(&sections)
            .into_iter()
            .filter(|id| !english.contains(id))
            .collect();
        assert!(
            missing.is_empty(),
            "messages missing from en.ftl: {missing:?}"
        );
    }

    /// Fluent keeps the first of two messages with one id, silently: each id once.
    #[test]
    fn no_message_is_defined_twice() {
        for language in LANGUAGES {
            let mut seen = BTreeSet::new();
            let twice: Vec<_> = messages(language)
                .into_iter()
                .filter(|(id, _)| !seen.insert(id.clone()))
                .collect();
            assert!(
                twice.is_empty(),
                "{}.ftl defines these twice: {twice:?}",
                language.tag
            );
        }
    }

    #[test]
    fn every_language_has_every_message_with_the_same_placeholders() {
        let english = messages(&LANGUAGES[0]);
        for language in &LANGUAGES[1..] {
            let translated: std::collections::BTreeMap<_, _> =
                messages(language).into_iter().collect();
            let mut problems = Vec::new();
            for (id, variables) in &english {
                match translated.get(id) {
                    None => problems.push(format!("{id}: missing")),
                    Some(theirs) if theirs != variables => problems.push(format!(
                        "{id}: placeholders {theirs:?}, English has {variables:?}"
                    )),
                    Some(_) => {}
                }
            }
            for id in translated.keys() {
                if !english.iter().any(|(e, _)| e == id) {
                    problems.push(format!("{id}: not in English"));
                }
            }
            assert!(problems.is_empty(), "{}.ftl: {problems:#?}", language.tag);
        }
    }

    /// Every message formats without error in every language, for counts that land on
    /// each plural form (0, 1, 2, 3, 11, 100, 1.5).
    #[test]
    fn every_message_formats_for_every_plural_form() {
        for language in LANGUAGES {
            let bundle = bundle_for(*language);
            let english = messages(&LANGUAGES[0]);
            for (id, variables) in &english {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    continue; // reported by the test above
                };
                for n in [0.0, 1.0, 2.0, 3.0, 11.0, 100.0, 1.5] {
                    let mut args = FluentArgs::new();
                    for variable in variables {
                        args.set(variable.as_str(), FluentValue::from(n));
                    }
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(
                        errors.is_empty(),
                        "{}: {id} with {n}: {errors:?}",
                        language.tag
                    );
                    assert!(!text.trim().is_empty(), "{}: {id} is empty", language.tag);
                }
            }
        }
    }

    /// The words in a line of a message, leaving out its placeholders.
    fn words(text: &str) -> usize {
        let mut depth = 0usize;
        let mut plain = String::new();
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                c if depth == 0 => plain.push(c),
                _ => {}
            }
        }
        plain
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() > 1)
            .count()
    }

    /// A translation that is word for word the English shows English to a learner who
    /// chose another language. Names, symbols and very short words may match.
    #[test]
    fn translations_are_not_english() {
        let english: std::collections::BTreeMap<_, _> = LANGUAGES[0]
            .source
            .lines()
            .filter_map(|line| line.split_once(" = "))
            .collect();
        for language in &LANGUAGES[1..] {
            let same: Vec<_> = language
                .source
                .lines()
                .filter_map(|line| line.split_once(" = "))
                .filter(|(id, text)| english.get(id) == Some(text) && words(text) > 1)
                .map(|(id, _)| id)
                .collect();
            assert!(
                same.is_empty(),
                "{}.ftl leaves these in English: {same:?}",
                language.tag
            );
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let english = bundle_for(LANGUAGES[0]);
        let format = |bundle: &Bundle, id: &str, n: f64| {
            let mut args = FluentArgs::new();
            args.set("n", n);
            let pattern = bundle.get_message(id).and_then(|m| m.value()).unwrap();
            bundle
                .format_pattern(pattern, Some(&args), &mut Vec::new())
                .into_owned()
        };
        assert_eq!(format(&english, "library-count", 1.0), "1 note");
        assert_eq!(format(&english, "library-count", 3.0), "3 notes");
        assert_eq!(format(&english, "study-reviews", 1.0), "1 review waiting");
        // Arabic says two things with the dual, not the plural used for three.
        let arabic = bundle_for(LANGUAGES[6]);
        assert_ne!(
            format(&arabic, "library-count", 2.0).replace('2', ""),
            format(&arabic, "library-count", 3.0).replace('3', "")
        );
    }

    #[test]
    fn the_system_language_is_followed_and_a_choice_wins() {
        let system = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        let (language, intl) = negotiate(&Choice::System, &system(&["es-PE", "en-US"]));
        assert_eq!((language.tag, intl.as_str()), ("es", "es-PE"));
        let (language, intl) = negotiate(&Choice::System, &system(&["de-DE", "pt-BR"]));
        assert_eq!((language.tag, intl.as_str()), ("pt", "pt-BR"));
        let (language, _) = negotiate(&Choice::System, &system(&["de-DE"]));
        assert_eq!(language.tag, "en");
        let (language, intl) = negotiate(&Choice::Language("ar"), &system(&["fr-FR"]));
        assert_eq!((language.tag, intl.as_str()), ("ar", "ar"));
        assert!(language.right_to_left);
    }
}
