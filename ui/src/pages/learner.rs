//! The learner in Settings: their name, what opens their library (this computer's
//! keychain or a passphrase), and removing them.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use satchel_types::{Protection, command};

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::widgets::ErrorBanner;

#[component]
pub fn LearnerCard() -> impl IntoView {
    let session = session();
    let error = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let current_name = move || {
        session
            .profile
            .with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    };
    let protection = move || {
        session
            .profile
            .with(|p| p.as_ref().map_or(Protection::Keychain, |p| p.protection))
    };
    let by_passphrase = move || protection() == Protection::Passphrase;
    let name = RwSignal::new(current_name());
    let current = RwSignal::new(String::new());
    let new_passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let removing = RwSignal::new(false);
    let typed = RwSignal::new(String::new());
    let remove_passphrase = RwSignal::new(String::new());
    let keep_backup = RwSignal::new(true);

    let finish = move |result: Result<satchel_types::ProfileView, satchel_types::ErrorView>,
                       said: &'static str| {
        busy.set(false);
        match result {
            Ok(view) => {
                session.profile.set(Some(view));
                current.set(String::new());
                new_passphrase.set(String::new());
                confirm.set(String::new());
                error.set(None);
                done.set(Some(t(said)));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let name = name.get_untracked();
        spawn_local(async move {
            finish(
                ipc::invoke(command::RenameProfile { name }).await,
                "learner-renamed",
            );
        });
    };
    let use_passphrase = move |_| {
        let chosen = new_passphrase.get_untracked();
        if chosen != confirm.get_untracked() {
            error.set(Some(satchel_types::ErrorView {
                code: satchel_types::ErrorCode::InvalidInput,
                message: t("learner-mismatch"),
                detail: None,
            }));
            return;
        }
        busy.set(true);
        let args = command::ProtectProfile {
            current: by_passphrase().then(|| current.get_untracked()),
            new_passphrase: Some(chosen),
        };
        spawn_local(async move {
            finish(ipc::invoke(args).await, "learner-protected_passphrase");
        });
    };
    let use_keychain = move |_| {
        busy.set(true);
        let args = command::ProtectProfile {
            current: Some(current.get_untracked()),
            new_passphrase: None,
        };
        spawn_local(async move {
            finish(ipc::invoke(args).await, "learner-protected_keychain");
        });
    };
    let navigate = use_navigate();
    let remove = move |_| {
        busy.set(true);
        let args = command::RemoveProfile {
            typed_name: typed.get_untracked(),
            passphrase: by_passphrase().then(|| remove_passphrase.get_untracked()),
            keep_backup: keep_backup.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = ipc::invoke(args).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    session.notes.set(Vec::new());
                    session.sources.set(Vec::new());
                    session.progress.set(HashMap::new());
                    session.profile.set(None);
                    navigate("/", Default::default());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="card" id="learner" aria-labelledby="learner-title">
            <h2 id="learner-title">{t("learner-title")}</h2>
            <ErrorBanner error/>
            {move || done.get().map(|said| view! { <p class="banner ok" role="status" id="learner-done">{said}</p> })}
            <form class="inline-form" on:submit=rename>
                <div class="field">
                    <label for="learner-name">{t("learner-name")}</label>
                    <input id="learner-name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <button type="submit" id="rename-learner" class="button" disabled=move || busy.get()>{t("learner-rename")}</button>
            </form>

            <h3>{t("learner-protection")}</h3>
            <p class="prose">{move || t(if by_passphrase() { "learner-by_passphrase" } else { "learner-by_keychain" })}</p>
            <Show when=by_passphrase>
                <div class="field">
                    <label for="learner-current">{t("learner-current_passphrase")}</label>
                    <input id="learner-current" type="password" autocomplete="current-password"
                        prop:value=current on:input=move |ev| current.set(event_target_value(&ev))/>
                </div>
            </Show>
            <div class="field">
                <label for="learner-new">{move || t(if by_passphrase() { "learner-new_passphrase" } else { "create-passphrase" })}</label>
                <input id="learner-new" type="password" autocomplete="new-password"
                    prop:value=new_passphrase on:input=move |ev| new_passphrase.set(event_target_value(&ev))/>
                <p class="hint">{t("create-passphrase_hint")}</p>
            </div>
            <div class="field">
                <label for="learner-new-confirm">{t("create-passphrase_confirm")}</label>
                <input id="learner-new-confirm" type="password" autocomplete="new-password"
                    prop:value=confirm on:input=move |ev| confirm.set(event_target_value(&ev))/>
            </div>
            <div class="actions">
                <button type="button" id="use-passphrase" class="button" on:click=use_passphrase disabled=move || busy.get()>
                    {move || t(if by_passphrase() { "learner-change_passphrase" } else { "learner-use_passphrase" })}
                </button>
                <Show when=by_passphrase>
                    <button type="button" id="use-keychain" class="button quiet" on:click=use_keychain disabled=move || busy.get()>
                        {t("learner-use_keychain")}
                    </button>
                </Show>
            </div>

            <h3>{t("learner-remove_title")}</h3>
            <Show when=move || !removing.get() fallback=move || view! {
                <div class="confirm" id="remove-confirm" role="group" aria-labelledby="remove-explained">
                    <p id="remove-explained"><strong>{move || t_with("learner-remove_explained", &[("name", &current_name())])}</strong></p>
                    <div class="field">
                        <label for="remove-name">{move || t_with("learner-type_name", &[("name", &current_name())])}</label>
                        <input id="remove-name" autocomplete="off" prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev))/>
                    </div>
                    <Show when=by_passphrase>
                        <div class="field">
                            <label for="remove-passphrase">{t("unlock-passphrase")}</label>
                            <input id="remove-passphrase" type="password" autocomplete="current-password"
                                prop:value=remove_passphrase on:input=move |ev| remove_passphrase.set(event_target_value(&ev))/>
                        </div>
                    </Show>
                    <label class="check">
                        <input type="checkbox" id="remove-keep-backup" prop:checked=keep_backup
                            on:change=move |ev| keep_backup.set(event_target_checked(&ev))/>
                        {t("learner-keep_backup")}
                    </label>
                    <div class="actions">
                        <button type="button" id="remove-learner-confirm" class="button danger"
                            disabled=move || busy.get() || typed.get().trim() != current_name()
                            on:click=remove.clone()>
                            {t("learner-remove_confirm")}
                        </button>
                        <button type="button" class="button" on:click=move |_| removing.set(false)>{t("create-cancel")}</button>
                    </div>
                </div>
            }>
                <button type="button" id="remove-learner" class="button quiet danger" on:click=move |_| removing.set(true)>
                    {t("learner-remove")}
                </button>
            </Show>
        </section>
    }
}
