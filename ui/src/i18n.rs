//! The one translation layer every string a person reads goes through. Locales are
//! flat JSON files in `ui/locales/`, embedded at build time; a missing key shows
//! itself (so it is noticed) rather than an empty space.

use std::collections::HashMap;
use std::sync::OnceLock;

static ENGLISH: OnceLock<HashMap<String, String>> = OnceLock::new();

fn strings() -> &'static HashMap<String, String> {
    ENGLISH.get_or_init(|| {
        serde_json::from_str(include_str!("../locales/en.json")).unwrap_or_default()
    })
}

/// The text for `key` in the learner's language.
pub fn t(key: &str) -> String {
    strings()
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

/// `t` with `{name}`-style placeholders filled in.
pub fn t_with(key: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(t(key), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_used_in_the_ui_exists() {
        let sources = [
            include_str!("app.rs"),
            include_str!("widgets.rs"),
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
        let mut missing = Vec::new();
        for source in sources {
            for (start, _) in source
                .match_indices("t(\"")
                .chain(source.match_indices("t_with(\""))
            {
                let before = source[..start].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue; // `get("…")` and the like
                }
                let rest = &source[start..];
                let open = rest.find('"').unwrap() + 1;
                let close = open + rest[open..].find('"').unwrap();
                let key = &rest[open..close];
                if !strings().contains_key(key) {
                    missing.push(key.to_owned());
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from en.json: {missing:?}");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(t_with("library.count_many", &[("n", "3")]), "3 notes");
        assert_eq!(t("no.such.key"), "no.such.key");
    }
}
