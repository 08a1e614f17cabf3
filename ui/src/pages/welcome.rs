//! The first screen: pick a learner (or add one), open their library with the
//! keychain, a passphrase or the recovery code; or restore a backup brought from
//! another computer.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use satchel_types::{
    BackupView, ErrorCode, ErrorDetail, ErrorView, Field, ProfileView, Protection, UnlockRequest,
    command,
};

use super::recovery::RecoveryCodeNotice;
use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::widgets::ErrorBanner;

const PASSPHRASE_MIN_CHARS: usize = 8;

#[derive(Clone, PartialEq)]
enum Stage {
    Loading,
    Pick,
    Create,
    Unlock(ProfileView),
    Recover(ProfileView),
    /// A backup brought to this computer, to restore.
    Restore(BackupView),
    ShowCode(String),
}

/// The welcome screen's state; `Copy`, so every handler and task can own it.
/// (Context is read once here: a spawned task has no reactive owner to ask.)
#[derive(Clone, Copy)]
struct Ui {
    session: crate::app::Session,
    stage: RwSignal<Stage>,
    error: RwSignal<Option<ErrorView>>,
    busy: RwSignal<bool>,
    keychain_available: RwSignal<bool>,
}

/// A rule the form broke, before anything is asked of the core.
fn invalid(detail: ErrorDetail) -> ErrorView {
    ErrorView {
        code: ErrorCode::InvalidInput,
        message: detail.to_string(),
        detail: Some(detail),
    }
}

#[component]
pub fn Welcome() -> impl IntoView {
    let ui = Ui {
        session: session(),
        stage: RwSignal::new(Stage::Loading),
        error: RwSignal::new(None),
        busy: RwSignal::new(false),
        keychain_available: RwSignal::new(true),
    };
    let profiles = RwSignal::new(Vec::<ProfileView>::new());
    spawn_local(async move {
        match ipc::invoke(command::Welcome {}).await {
            Ok(view) => {
                ui.keychain_available.set(view.keychain_available);
                ui.stage.set(if view.profiles.is_empty() {
                    Stage::Create
                } else {
                    Stage::Pick
                });
                profiles.set(view.profiles);
            }
            Err(e) => {
                ui.error.set(Some(e));
                ui.stage.set(Stage::Pick);
            }
        }
    });

    let navigate = use_navigate();
    let to_library = Callback::new(move |()| navigate("/library", Default::default()));
    let open = move |profile: ProfileView, request: UnlockRequest| {
        ui.busy.set(true);
        ui.error.set(None);
        spawn_local(async move {
            let args = command::UnlockProfile {
                profile_id: profile.id.clone(),
                request,
            };
            let result = ipc::invoke(args).await;
            ui.busy.set(false);
            match result {
                Ok(unlocked) => {
                    ui.session.notes.set(unlocked.library.notes);
                    ui.session.sources.set(unlocked.library.sources);
                    ui.session.profile.set(Some(unlocked.library.profile));
                    match unlocked.unshown_recovery_code {
                        Some(code) => ui.stage.set(Stage::ShowCode(code)),
                        None => to_library.run(()),
                    }
                }
                Err(e) => {
                    let lost_keychain = matches!(
                        e.code,
                        ErrorCode::KeychainUnavailable | ErrorCode::KeyMissing
                    );
                    if lost_keychain {
                        ui.stage.set(Stage::Recover(profile));
                    }
                    ui.error.set(Some(e));
                }
            }
        });
    };

    view! {
        <main class="welcome">
            <header class="welcome-header">
                <div class="brand large">{t("app-name")}</div>
            </header>
            <ErrorBanner error=ui.error/>
            {move || match ui.stage.get() {
                Stage::Loading => view! { <p class="muted" aria-busy="true">{t("welcome-loading")}</p> }.into_any(),
                Stage::Pick => view! { <Picker ui profiles open/> }.into_any(),
                Stage::Create => view! { <CreateForm ui has_profiles=!profiles.with(Vec::is_empty)/> }.into_any(),
                Stage::Unlock(profile) => view! { <UnlockForm ui profile open/> }.into_any(),
                Stage::Recover(profile) => view! { <RecoverForm ui profile open/> }.into_any(),
                Stage::Restore(backup) => view! { <RestoreForm ui backup to_library/> }.into_any(),
                Stage::ShowCode(code) => view! { <RecoveryCodeNotice code on_done=to_library/> }.into_any(),
            }}
            // Before any library is open, so that a learner whose computer speaks
            // another language can read the rest. Not beside a recovery code: drawing
            // the page again would lose it.
            <Show when=move || matches!(ui.stage.get(), Stage::Pick | Stage::Create)>
                <footer class="welcome-footer">
                    <crate::widgets::LanguagePicker id="welcome-language"/>
                </footer>
            </Show>
        </main>
    }
}

#[component]
fn Picker(
    ui: Ui,
    profiles: RwSignal<Vec<ProfileView>>,
    open: impl Fn(ProfileView, UnlockRequest) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="pick-title">
            <h1 id="pick-title">{t("welcome-title")}</h1>
            <p class="muted">{t("welcome-subtitle")}</p>
            <ul class="profile-list">
                <For each=move || profiles.get() key=|p| p.id.clone() let:profile>
                    {
                        let name = profile.name.clone();
                        let initial = name.chars().next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
                        let chosen = profile.clone();
                        view! {
                            <li>
                                <button
                                    class="profile-button"
                                    disabled=move || ui.busy.get()
                                    on:click=move |_| {
                                        ui.error.set(None);
                                        match chosen.protection {
                                            Protection::Keychain => open(chosen.clone(), UnlockRequest::Keychain),
                                            Protection::Passphrase => ui.stage.set(Stage::Unlock(chosen.clone())),
                                        }
                                    }
                                >
                                    <span class="avatar" aria-hidden="true">{initial}</span>
                                    <span class="profile-name">{name}</span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <div class="actions">
                <button id="add-learner" class="button" on:click=move |_| {
                    ui.error.set(None);
                    ui.stage.set(Stage::Create);
                }>
                    {t("welcome-add_learner")}
                </button>
                <RestoreButton ui/>
            </div>
        </section>
    }
}

#[component]
fn CreateForm(ui: Ui, has_profiles: bool) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let wants_passphrase = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let needs_passphrase = move || wants_passphrase.get() || !ui.keychain_available.get();
    let name_input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = name_input.get() {
            let _ = input.focus();
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen_name = name.get_untracked().trim().to_owned();
        if chosen_name.is_empty() {
            ui.error.set(Some(invalid(ErrorDetail::Required {
                field: Field::ProfileName,
            })));
            return;
        }
        let secret = match needs_passphrase()
            .then(|| checked_new_passphrase(passphrase, confirm))
            .transpose()
        {
            Ok(secret) => secret,
            Err(e) => return ui.error.set(Some(e)),
        };
        ui.busy.set(true);
        ui.error.set(None);
        spawn_local(async move {
            let args = command::CreateProfile {
                name: chosen_name,
                passphrase: secret,
            };
            let result = ipc::invoke(args).await;
            ui.busy.set(false);
            match result {
                Ok(created) => {
                    ui.session.profile.set(Some(created.profile));
                    ui.stage.set(Stage::ShowCode(created.recovery_code));
                }
                Err(e) => ui.error.set(Some(e)),
            }
        });
    };

    view! {
        <form class="card" on:submit=submit aria-labelledby="create-title">
            <h1 id="create-title">{t("create-title")}</h1>
            <div class="field">
                <label for="profile-name">{t("create-name")}</label>
                <input id="profile-name" node_ref=name_input maxlength="40" autocomplete="off"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <p class="hint">{t("create-name_hint")}</p>
            </div>
            {move || if ui.keychain_available.get() {
                view! {
                    <p class="prose muted">{t("create-keychain_explained")}</p>
                    <label class="check">
                        <input type="checkbox" id="use-passphrase"
                            on:change=move |ev| wants_passphrase.set(event_target_checked(&ev))/>
                        {t("create-use_passphrase")}
                    </label>
                }.into_any()
            } else {
                view! { <p class="prose muted">{t("create-no_keychain")}</p> }.into_any()
            }}
            <Show when=needs_passphrase>
                <p class="prose muted">{t("create-passphrase_explained")}</p>
                <NewPassphraseFields id="passphrase" label="create-passphrase" hint="create-passphrase_hint"
                    passphrase confirm/>
            </Show>
            <div class="actions">
                <button id="create-profile" type="submit" class="button primary" disabled=move || ui.busy.get()>
                    {move || if ui.busy.get() { t("create-working") } else { t("create-submit") }}
                </button>
                <Show when=move || has_profiles fallback=move || view! { <RestoreButton ui/> }>
                    <BackToPicker ui label="create-cancel"/>
                </Show>
            </div>
        </form>
    }
}

#[component]
fn UnlockForm(
    ui: Ui,
    profile: ProfileView,
    open: impl Fn(ProfileView, UnlockRequest) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let input = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    let title = t_with("unlock-title", &[("name", &profile.name)]);
    let for_submit = profile.clone();
    let for_recover = profile.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open(
            for_submit.clone(),
            UnlockRequest::Passphrase {
                passphrase: passphrase.get_untracked(),
            },
        );
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="unlock-title">
            <h1 id="unlock-title">{title}</h1>
            <div class="field">
                <label for="unlock-passphrase">{t("unlock-passphrase")}</label>
                <input id="unlock-passphrase" type="password" node_ref=input autocomplete="current-password"
                    on:input=move |ev| passphrase.set(event_target_value(&ev))/>
            </div>
            <div class="actions">
                <button id="unlock" type="submit" class="button primary" disabled=move || ui.busy.get()>
                    {move || if ui.busy.get() { t("welcome-loading") } else { t("unlock-submit") }}
                </button>
                <BackToPicker ui label="unlock-back"/>
            </div>
            <button type="button" class="link" on:click=move |_| {
                ui.error.set(None);
                ui.stage.set(Stage::Recover(for_recover.clone()));
            }>{t("unlock-forgot")}</button>
        </form>
    }
}

#[component]
fn RecoverForm(
    ui: Ui,
    profile: ProfileView,
    open: impl Fn(ProfileView, UnlockRequest) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    // A keychain profile goes back to the keychain when one answers; otherwise the
    // learner chooses a passphrase now.
    let needs_passphrase =
        profile.protection == Protection::Passphrase || !ui.keychain_available.get_untracked();
    let title = t_with("unlock-title", &[("name", &profile.name)]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new_passphrase = match needs_passphrase
            .then(|| checked_new_passphrase(passphrase, confirm))
            .transpose()
        {
            Ok(secret) => secret,
            Err(e) => return ui.error.set(Some(e)),
        };
        open(
            profile.clone(),
            UnlockRequest::RecoveryCode {
                recovery_code: code.get_untracked(),
                new_passphrase,
            },
        );
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="recover-title">
            <h1 id="recover-title">{title}</h1>
            <div class="field">
                <label for="recovery-code-input">{t("unlock-recovery_code")}</label>
                <input id="recovery-code-input" class="mono" autocomplete="off" spellcheck="false"
                    on:input=move |ev| code.set(event_target_value(&ev))/>
                <p class="hint">{t("unlock-recovery_hint")}</p>
            </div>
            <Show when=move || needs_passphrase>
                <NewPassphraseFields id="new-passphrase" label="unlock-new_passphrase"
                    hint="unlock-new_passphrase_hint" passphrase confirm/>
            </Show>
            <div class="actions">
                <button id="recover" type="submit" class="button primary" disabled=move || ui.busy.get()>
                    {t("unlock-use_recovery")}
                </button>
                <BackToPicker ui label="unlock-back"/>
            </div>
        </form>
    }
}

/// Asks for a backup file (from a USB stick, another computer) to restore.
#[component]
fn RestoreButton(ui: Ui) -> impl IntoView {
    let pick = move |_| {
        ui.error.set(None);
        spawn_local(async move {
            match ipc::invoke(command::PickBackup {}).await {
                Ok(Some(backup)) => ui.stage.set(Stage::Restore(backup)),
                Ok(None) => {}
                Err(e) => ui.error.set(Some(e)),
            }
        });
    };
    view! {
        <button type="button" id="restore-backup" class="button quiet" on:click=pick disabled=move || ui.busy.get()>
            {t("welcome-restore")}
        </button>
    }
}

/// A backup restored as its library: opened with the passphrase it had then, or
/// (a keychain's library on another computer) its recovery code.
#[component]
fn RestoreForm(ui: Ui, backup: BackupView, to_library: Callback<()>) -> impl IntoView {
    let secret = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let by_passphrase = backup.protection == Protection::Passphrase;
    let needs_new_passphrase = !by_passphrase && !ui.keychain_available.get_untracked();
    let title = t_with(
        "welcome-restore_title",
        &[
            ("name", &backup.profile_name),
            ("date", &crate::i18n::intl::date_time(backup.made_at)),
        ],
    );
    let contents = super::backups::contents_text(backup.contents);
    let path = backup.path.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = if by_passphrase {
            UnlockRequest::Passphrase {
                passphrase: secret.get_untracked(),
            }
        } else {
            let new_passphrase = match needs_new_passphrase
                .then(|| checked_new_passphrase(passphrase, confirm))
                .transpose()
            {
                Ok(secret) => secret,
                Err(e) => return ui.error.set(Some(e)),
            };
            UnlockRequest::RecoveryCode {
                recovery_code: secret.get_untracked(),
                new_passphrase,
            }
        };
        let path = path.clone();
        ui.busy.set(true);
        ui.error.set(None);
        spawn_local(async move {
            let result = ipc::invoke(command::RestoreBackup { path, request }).await;
            ui.busy.set(false);
            match result {
                Ok(view) => {
                    let unlocked = view.unlocked;
                    ui.session.notes.set(unlocked.library.notes);
                    ui.session.sources.set(unlocked.library.sources);
                    ui.session.profile.set(Some(unlocked.library.profile));
                    match unlocked.unshown_recovery_code {
                        Some(code) => ui.stage.set(Stage::ShowCode(code)),
                        None => to_library.run(()),
                    }
                }
                Err(e) => ui.error.set(Some(e)),
            }
        });
    };
    let (label, hint) = if by_passphrase {
        ("backups-passphrase_then", None)
    } else {
        ("unlock-recovery_code", Some(t("unlock-recovery_hint")))
    };
    view! {
        <form class="card" on:submit=submit aria-labelledby="restore-title">
            <h1 id="restore-title">{title}</h1>
            <p class="muted">{contents}</p>
            <div class="field">
                <label for="restore-secret">{t(label)}</label>
                <input id="restore-secret" type=if by_passphrase { "password" } else { "text" }
                    class=if by_passphrase { "" } else { "mono" } autocomplete="off" spellcheck="false"
                    on:input=move |ev| secret.set(event_target_value(&ev))/>
                {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            </div>
            <Show when=move || needs_new_passphrase>
                <NewPassphraseFields id="restore-new-passphrase" label="unlock-new_passphrase"
                    hint="unlock-new_passphrase_hint" passphrase confirm/>
            </Show>
            <div class="actions">
                <button id="restore" type="submit" class="button primary" disabled=move || ui.busy.get()>
                    {t("backups-restore_confirm")}
                </button>
                <BackToPicker ui label="unlock-back"/>
            </div>
        </form>
    }
}

/// A new passphrase, typed twice.
#[component]
fn NewPassphraseFields(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    passphrase: RwSignal<String>,
    confirm: RwSignal<String>,
) -> impl IntoView {
    let confirm_id = format!("{id}-confirm");
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <input id=id type="password" autocomplete="new-password"
                on:input=move |ev| passphrase.set(event_target_value(&ev))/>
            <p class="hint">{t(hint)}</p>
        </div>
        <div class="field">
            <label for=confirm_id.clone()>{t("create-passphrase_confirm")}</label>
            <input id=confirm_id type="password" autocomplete="new-password"
                on:input=move |ev| confirm.set(event_target_value(&ev))/>
        </div>
    }
}

/// The new passphrase if it is long enough and typed the same twice.
fn checked_new_passphrase(
    passphrase: RwSignal<String>,
    confirm: RwSignal<String>,
) -> Result<String, ErrorView> {
    let secret = passphrase.get_untracked();
    if secret.chars().count() < PASSPHRASE_MIN_CHARS {
        return Err(invalid(ErrorDetail::TooShort {
            field: Field::Passphrase,
            min: PASSPHRASE_MIN_CHARS as u64,
        }));
    }
    if secret != confirm.get_untracked() {
        return Err(invalid(ErrorDetail::Mismatch {
            field: Field::Passphrase,
        }));
    }
    Ok(secret)
}

/// Leaves a form for the list of learners.
#[component]
fn BackToPicker(ui: Ui, label: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="button quiet" on:click=move |_| {
            ui.error.set(None);
            ui.stage.set(Stage::Pick);
        }>{t(label)}</button>
    }
}
