//! Settings: appearance, changing the key, and what this Satchel is.

use leptos::prelude::*;
use leptos::task::spawn_local;
use satchel_types::{AboutView, Protection, RecoveryCodeView};
use serde::Serialize;

use super::recovery::RecoveryCodeNotice;
use crate::app::session;
use crate::i18n::t;
use crate::ipc::{self, NoArgs};
use crate::theme::Theme;
use crate::widgets::ErrorBanner;

#[derive(Serialize)]
struct RotateArgs {
    passphrase: Option<String>,
}

#[component]
pub fn Settings() -> impl IntoView {
    let session = session();
    let theme = RwSignal::new(Theme::load());
    let about = RwSignal::new(None::<AboutView>);
    let error = RwSignal::new(None);
    let rotating = RwSignal::new(false);
    let new_code = RwSignal::new(None::<String>);
    let rotated = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let needs_passphrase = move || {
        session.profile.with(|p| {
            p.as_ref()
                .is_some_and(|p| p.protection == Protection::Passphrase)
        })
    };

    spawn_local(async move {
        match ipc::call::<AboutView>("about", NoArgs {}).await {
            Ok(view) => about.set(Some(view)),
            Err(e) => error.set(Some(e)),
        }
    });

    let rotate = move |_| {
        rotating.set(true);
        error.set(None);
        let args = RotateArgs {
            passphrase: needs_passphrase().then(|| passphrase.get_untracked()),
        };
        spawn_local(async move {
            let result = ipc::call::<RecoveryCodeView>("rotate_key", args).await;
            rotating.set(false);
            match result {
                Ok(view) => new_code.set(Some(view.recovery_code)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let theme_choice = move |value: Theme, key: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="theme" prop:checked=move || theme.get() == value
                    on:change=move |_| {
                        theme.set(value);
                        value.apply_and_save();
                    }/>
                {t(key)}
            </label>
        }
    };
    let code_done = Callback::new(move |()| {
        new_code.set(None);
        rotated.set(true);
    });

    view! {
        <div class="page settings">
            <header class="page-header"><h1>{t("settings.title")}</h1></header>
            <ErrorBanner error/>
            <section class="card" aria-labelledby="appearance-title">
                <h2 id="appearance-title">{t("settings.appearance")}</h2>
                <fieldset>
                    <legend>{t("settings.theme")}</legend>
                    {theme_choice(Theme::System, "settings.theme_system")}
                    {theme_choice(Theme::Light, "settings.theme_light")}
                    {theme_choice(Theme::Dark, "settings.theme_dark")}
                </fieldset>
            </section>
            <section class="card" aria-labelledby="security-title">
                <h2 id="security-title">{t("settings.security")}</h2>
                {move || match new_code.get() {
                    Some(code) => view! { <RecoveryCodeNotice code on_done=code_done/> }.into_any(),
                    None => view! {
                        <p class="prose">{t("settings.rotate_explained")}</p>
                        <Show when=needs_passphrase>
                            <div class="field">
                                <label for="rotate-passphrase">{t("unlock.passphrase")}</label>
                                <input id="rotate-passphrase" type="password" autocomplete="current-password"
                                    on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                            </div>
                        </Show>
                        <div class="actions">
                            <button id="rotate-key" class="button" disabled=move || rotating.get() on:click=rotate>
                                {move || if rotating.get() { t("settings.rotating") } else { t("settings.rotate") }}
                            </button>
                        </div>
                        <Show when=move || rotated.get()>
                            <p class="banner ok" role="status">{t("settings.rotated")}</p>
                        </Show>
                    }.into_any(),
                }}
            </section>
            <section class="card" aria-labelledby="about-title">
                <h2 id="about-title">{t("settings.about")}</h2>
                {move || about.get().map(|about| view! {
                    <dl class="facts">
                        <dt>{t("settings.version")}</dt><dd>{about.version}</dd>
                        <dt>{t("settings.encryption")}</dt><dd>{format!("SQLCipher {}", about.cipher_version)}</dd>
                        <dt>{t("settings.data_folder")}</dt><dd class="mono">{about.data_dir}</dd>
                    </dl>
                })}
            </section>
        </div>
    }
}
