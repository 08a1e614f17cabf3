//! Help: what Satchel does and how to start, and every keyboard shortcut (`?` from
//! anywhere opens it at the shortcuts).

use leptos::prelude::*;

use crate::i18n::t;

/// The keys and what they do, by where they work: message ids of the keys and of
/// what they do.
const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "help-keys-everywhere",
        &[
            ("help-key-question", "help-does-help"),
            ("help-key-slash", "help-does-search"),
            ("help-key-tab", "help-does-move"),
        ],
    ),
    ("help-keys-notes", &[("help-key-ctrl_s", "help-does-save")]),
    (
        "help-keys-review",
        &[
            ("help-key-space", "help-does-show"),
            ("help-key-ratings", "help-does-rate"),
            ("help-key-choices", "help-does-choose"),
            ("help-key-h", "help-does-hint"),
            ("help-key-e", "help-does-explain"),
            ("help-key-u", "help-does-undo"),
        ],
    ),
];

#[component]
pub fn Help() -> impl IntoView {
    // Opened by `?`: the shortcuts are what was asked for.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        if location.hash.get() == "#shortcuts" {
            request_animation_frame(|| {
                if let Some(sheet) = document().get_element_by_id("shortcuts") {
                    sheet.scroll_into_view();
                }
            });
        }
    });
    view! {
        <div class="page help">
            <header class="page-header"><h1>{t("help-title")}</h1></header>
            <section class="card" aria-labelledby="help-start-title">
                <h2 id="help-start-title">{t("help-start")}</h2>
                <ol class="prose steps">
                    <li>{t("help-step-bring")}</li>
                    <li>{t("help-step-pack")}</li>
                    <li>{t("help-step-study")}</li>
                    <li>{t("help-step-share")}</li>
                    <li>{t("help-step-safe")}</li>
                </ol>
            </section>
            <section class="card" id="shortcuts" aria-labelledby="shortcuts-title">
                <h2 id="shortcuts-title">{t("help-shortcuts")}</h2>
                {SHORTCUTS.iter().map(|(place, keys)| view! {
                    <h3>{t(place)}</h3>
                    <table class="shortcuts">
                        <thead>
                            <tr><th scope="col">{t("help-key")}</th><th scope="col">{t("help-does")}</th></tr>
                        </thead>
                        <tbody>
                            {keys.iter().map(|(key, does)| view! {
                                <tr><td><kbd>{t(key)}</kbd></td><td>{t(does)}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }).collect_view()}
            </section>
        </div>
    }
}
