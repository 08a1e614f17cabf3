//! Sync in the window: the quiet indicator in the top bar (last synced, changes
//! waiting, offline), and signing in to a sync server in Settings. Offline is normal:
//! nothing here ever blocks the learner.

use leptos::prelude::*;
use leptos::task::spawn_local;
use satchel_types::{ErrorView, ServerProbe, SyncStatus, command};

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::widgets::{ConfirmServer, ErrorBanner, confirm_or_report, relative_time};

/// Reads where sync stands into the session (once a library is open).
pub fn load_status() {
    let session = session();
    spawn_local(async move {
        if let Ok(status) = ipc::invoke(command::SyncStatus {}).await {
            session.sync.set(Some(status));
        }
    });
}

/// Starts a sync; how it went arrives as events (and lands in the status).
pub fn sync_now() {
    let session = session();
    session.syncing.set(Some((0, 0)));
    spawn_local(async move {
        if ipc::invoke(command::SyncNow {}).await.is_err() {
            // The failure is in the status the `sync.done` event brought.
            session.syncing.set(None);
        }
    });
}

/// The words for where sync stands.
fn describe(status: &SyncStatus) -> String {
    if status.last_error.is_some() || status.resting {
        if status.pending > 0 {
            return t_with("sync-offline_waiting", &[("n", &status.pending)]);
        }
        return t("sync-offline");
    }
    if status.pending > 0 {
        return t_with("sync-waiting", &[("n", &status.pending)]);
    }
    match status.last_sync_at {
        Some(at) => t_with("sync-synced", &[("when", &relative_time(at))]),
        None => t("sync-never"),
    }
}

/// The top bar's indicator: nothing when no server is set; otherwise a quiet button
/// that says where sync stands and syncs when pressed.
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let session = session();
    // Read when a library opens, and again whenever something here changed (changes
    // waiting) or a sync ended.
    Effect::new(move |_| {
        session.learned.track();
        session.notes.track();
        if session.profile.with(Option::is_some) {
            load_status();
        }
    });
    move || {
        let status = session.sync.get()?;
        status.account.as_ref()?;
        Some(match session.syncing.get() {
            Some((_, bytes)) => view! {
                <div class="sync-indicator" id="sync-indicator" role="status">
                    <span>{t_with("sync-syncing", &[("size", &crate::i18n::intl::bytes(bytes))])}</span>
                    <progress class="sync-progress" aria-label=t("sync-syncing_label")></progress>
                </div>
            }
            .into_any(),
            None => {
                let words = describe(&status);
                let offline = status.last_error.is_some() || status.resting;
                view! {
                    <button class="sync-indicator button quiet" id="sync-indicator"
                        class:offline=offline
                        title=t("sync-sync_now") on:click=move |_| sync_now()>
                        <span aria-hidden="true">{if offline { "○ " } else { "● " }}</span>
                        {words}
                    </button>
                }
                .into_any()
            }
        })
    }
}

/// Settings: sign in to a sync server, see where sync stands, sync now, sign out.
#[component]
pub fn SyncSettingsCard() -> impl IntoView {
    let session = session();
    let server = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorView>);
    // A server met for the first time, waiting for the learner to compare its words.
    let unconfirmed = RwSignal::new(None::<ServerProbe>);
    load_status();

    let sign_in_at = move |address: String| {
        busy.set(true);
        error.set(None);
        let args = command::SyncSignIn {
            server: address.clone(),
            name: name.get_untracked(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            let result = ipc::invoke(args).await;
            match result {
                Ok(_) => {
                    busy.set(false);
                    unconfirmed.set(None);
                    password.set(String::new());
                    load_status();
                    // The first sync starts at once.
                    sync_now();
                }
                // Nothing was sent: a new server shows its words to compare first.
                Err(e) => {
                    confirm_or_report(e, address, unconfirmed, error).await;
                    busy.set(false);
                }
            }
        });
    };
    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        unconfirmed.set(None);
        sign_in_at(server.get_untracked());
    };
    let sign_out = move |_| {
        spawn_local(async move {
            match ipc::invoke(command::SyncSignOut {}).await {
                Ok(()) => load_status(),
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="sync-title">
            <h2 id="sync-title">{t("settings-sync")}</h2>
            <ErrorBanner error/>
            {move || match session.sync.get().and_then(|s| s.account.clone().map(|a| (a, s))) {
                None => view! {
                    <p class="prose">{t("settings-sync_explained")}</p>
                    <form on:submit=sign_in id="sync-sign-in">
                        <div class="field">
                            <label for="sync-server">{t("settings-sync_server")}</label>
                            <input id="sync-server" type="text" inputmode="url" placeholder="https://192.168.1.20:7480" required
                                prop:value=move || server.get() on:input=move |ev| server.set(event_target_value(&ev))/>
                        </div>
                        <div class="field">
                            <label for="sync-name">{t("settings-sync_name")}</label>
                            <input id="sync-name" type="text" autocomplete="username" required
                                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                        </div>
                        <div class="field">
                            <label for="sync-password">{t("settings-sync_password")}</label>
                            <input id="sync-password" type="password" autocomplete="current-password" required
                                prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                        </div>
                        <div class="actions">
                            <button id="sync-sign-in-button" type="submit" class="button" disabled=move || busy.get()>
                                {move || if busy.get() { t("settings-sync_signing_in") } else { t("settings-sync_sign_in") }}
                            </button>
                        </div>
                    </form>
                    <ConfirmServer probe=unconfirmed busy error on_match=Callback::new(sign_in_at)/>
                }.into_any(),
                Some((account, status)) => view! {
                    <dl class="facts" id="sync-account">
                        <dt>{t("settings-sync_server")}</dt><dd class="mono">{account.server.clone()}</dd>
                        <dt>{t("settings-sync_name")}</dt><dd>{account.name.clone()}</dd>
                        <dt>{t("settings-sync_state")}</dt><dd id="sync-state">{describe(&status)}</dd>
                    </dl>
                    {status.last_error.clone().map(|problem| view! {
                        <p class="banner error" role="alert" id="sync-problem">
                            {t_with("settings-sync_failed", &[("problem", &problem)])}
                        </p>
                    })}
                    <div class="actions">
                        <button id="sync-now" class="button" disabled=move || session.syncing.get().is_some()
                            on:click=move |_| sync_now()>
                            {move || if session.syncing.get().is_some() { t("settings-sync_running") } else { t("sync-sync_now") }}
                        </button>
                        <button id="sync-sign-out" class="button quiet" on:click=sign_out>
                            {t("settings-sync_sign_out")}
                        </button>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}
