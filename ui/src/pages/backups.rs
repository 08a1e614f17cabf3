//! Backups in Settings: the library's backups with their date and what they hold, a
//! backup made now or into a folder (a USB stick), and a restore that keeps the
//! library it replaces.

use leptos::prelude::*;
use leptos::task::spawn_local;
use satchel_types::{
    BackupContents, BackupKind, BackupView, Protection, Restored, UnlockRequest, command,
};

use crate::app::session;
use crate::i18n::{intl, t, t_with};
use crate::ipc;
use crate::widgets::ErrorBanner;

/// What a backup holds, in words.
pub fn contents_text(contents: Option<BackupContents>) -> String {
    match contents {
        Some(c) => t_with(
            "backups-contents",
            &[
                ("notes", &c.notes),
                ("sources", &c.sources),
                ("cards", &c.cards),
                ("reviews", &c.reviews),
            ],
        ),
        None => t("backups-contents_unknown"),
    }
}

fn kind_text(kind: BackupKind) -> String {
    t(match kind {
        BackupKind::Automatic => "backups-kind-automatic",
        BackupKind::Manual => "backups-kind-manual",
        BackupKind::BeforeRestore => "backups-kind-before_restore",
    })
}

#[component]
pub fn BackupsCard() -> impl IntoView {
    let session = session();
    let list = RwSignal::new(Vec::<BackupView>::new());
    let error = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let made = RwSignal::new(None::<BackupView>);
    let chosen = RwSignal::new(None::<BackupView>);
    let passphrase = RwSignal::new(String::new());
    let restored = RwSignal::new(None::<Restored>);
    // A keychain's backup from before its key changed (or from another computer)
    // opens with its recovery code instead.
    let code_needed = RwSignal::new(false);
    let code = RwSignal::new(String::new());

    let reload = move || {
        spawn_local(async move {
            match ipc::invoke(command::Backups {}).await {
                Ok(found) => list.set(found),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    reload();

    let made_by = move |result: Result<Option<BackupView>, satchel_types::ErrorView>| {
        busy.set(false);
        match result {
            Ok(Some(backup)) => {
                made.set(Some(backup));
                error.set(None);
                reload();
            }
            Ok(None) => {}
            Err(e) => error.set(Some(e)),
        }
    };
    let backup_now = move |_| {
        busy.set(true);
        restored.set(None);
        spawn_local(async move {
            made_by(ipc::invoke(command::BackupNow {}).await.map(Some));
        });
    };
    let backup_to_folder = move |_| {
        busy.set(true);
        restored.set(None);
        spawn_local(async move {
            made_by(ipc::invoke(command::BackupToFolder {}).await);
        });
    };
    let pick = move |_| {
        spawn_local(async move {
            match ipc::invoke(command::PickBackup {}).await {
                Ok(Some(backup)) => chosen.set(Some(backup)),
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let restore = move |_| {
        let Some(backup) = chosen.get_untracked() else {
            return;
        };
        let request = match backup.protection {
            _ if code_needed.get_untracked() => UnlockRequest::RecoveryCode {
                recovery_code: code.get_untracked(),
                new_passphrase: None,
            },
            Protection::Passphrase => UnlockRequest::Passphrase {
                passphrase: passphrase.get_untracked(),
            },
            Protection::Keychain => UnlockRequest::Keychain,
        };
        busy.set(true);
        spawn_local(async move {
            let result = ipc::invoke(command::RestoreBackup {
                path: backup.path.clone(),
                request,
            })
            .await;
            busy.set(false);
            match result {
                Ok(view) => {
                    session.notes.set(view.unlocked.library.notes);
                    session.sources.set(view.unlocked.library.sources);
                    session.profile.set(Some(view.unlocked.library.profile));
                    restored.set(Some(view.restored));
                    made.set(None);
                    chosen.set(None);
                    passphrase.set(String::new());
                    code_needed.set(false);
                    error.set(None);
                    reload();
                }
                Err(e) => {
                    if matches!(
                        e.code,
                        satchel_types::ErrorCode::KeyMissing
                            | satchel_types::ErrorCode::KeychainUnavailable
                    ) {
                        code_needed.set(true);
                    }
                    error.set(Some(e));
                }
            }
        });
    };

    view! {
        <section class="card" id="backups" aria-labelledby="backups-title">
            <h2 id="backups-title">{t("backups-title")}</h2>
            <p class="prose">{t("backups-explained")}</p>
            <ErrorBanner error/>
            <div class="actions">
                <button type="button" id="backup-now" class="button" on:click=backup_now disabled=move || busy.get()>
                    {t("backups-now")}
                </button>
                <button type="button" id="backup-to-folder" class="button" on:click=backup_to_folder disabled=move || busy.get()>
                    {t("backups-to_folder")}
                </button>
                <button type="button" id="restore-file" class="button quiet" on:click=pick disabled=move || busy.get()>
                    {t("backups-restore_file")}
                </button>
            </div>
            <Show when=move || busy.get()>
                <p role="status" class="muted"><progress class="progress inline"></progress>{t("backups-working")}</p>
            </Show>
            {move || made.get().map(|backup| view! {
                <p class="banner ok" role="status" id="backup-made">
                    {t_with("backups-made", &[("date", &intl::date_time(backup.made_at))])}
                    " "<span class="mono">{backup.path}</span>
                </p>
            })}
            {move || restored.get().map(|r| view! {
                <p class="banner ok" role="status" id="backup-restored">
                    {t_with("backups-restored", &[("date", &intl::date_time(r.backup.made_at))])}
                    {r.replaced.map(|_| format!(" {}", t("backups-replaced_kept")))}
                </p>
            })}
            <ul class="backup-list" id="backup-list">
                {move || list.get().into_iter().map(|backup| {
                    let date = intl::date_time(backup.made_at);
                    let label = t_with("backups-restore_this", &[("date", &date)]);
                    let details = format!(
                        "{} · {} · {}",
                        kind_text(backup.kind),
                        contents_text(backup.contents),
                        intl::bytes(backup.bytes)
                    );
                    let this = backup.clone();
                    view! {
                        <li class="backup-item">
                            <span class="backup-date">{date}</span>
                            <span class="muted">{details}</span>
                            <button type="button" class="button quiet restore-backup" attr:aria-label=label
                                on:click=move |_| chosen.set(Some(this.clone()))>
                                {t("backups-restore")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || list.with(Vec::is_empty)>
                <p class="empty">{t("backups-none")}</p>
            </Show>
            {move || chosen.get().map(|backup| {
                let asks_passphrase = backup.protection == Protection::Passphrase;
                view! {
                    <div class="confirm" id="restore-confirm" role="group" aria-labelledby="restore-confirm-title">
                        <p id="restore-confirm-title"><strong>{t_with("backups-confirm", &[
                            ("name", &backup.profile_name),
                            ("date", &intl::date_time(backup.made_at)),
                        ])}</strong></p>
                        <p>{contents_text(backup.contents)}</p>
                        <p class="hint">{t("backups-confirm_kept")}</p>
                        <Show when=move || code_needed.get()>
                            <div class="field">
                                <label for="restore-code">{t("unlock-recovery_code")}</label>
                                <input id="restore-code" class="mono" autocomplete="off" spellcheck="false"
                                    prop:value=code on:input=move |ev| code.set(event_target_value(&ev))/>
                                <p class="hint">{t("unlock-recovery_hint")}</p>
                            </div>
                        </Show>
                        <Show when=move || asks_passphrase && !code_needed.get()>
                            <div class="field">
                                <label for="restore-passphrase">{t("backups-passphrase_then")}</label>
                                <input id="restore-passphrase" type="password" autocomplete="current-password"
                                    prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                            </div>
                        </Show>
                        <div class="actions">
                            <button type="button" id="restore-confirm-button" class="button danger" on:click=restore disabled=move || busy.get()>
                                {t("backups-restore_confirm")}
                            </button>
                            <button type="button" class="button" on:click=move |_| chosen.set(None)>
                                {t("create-cancel")}
                            </button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}
