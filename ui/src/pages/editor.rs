//! Writing a note: a title and markdown, saved as the learner writes (and by Save or
//! Ctrl+S), Delete with a confirmation.

use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use satchel_types::{NoteDraft, command};

use crate::i18n::t;
use crate::ipc;
use crate::pages::pack::MakePack;
use crate::widgets::ErrorBanner;

#[derive(Clone, Copy, PartialEq)]
enum Status {
    Clean,
    Dirty,
    Saving,
    Saved,
}

#[component]
pub fn Editor() -> impl IntoView {
    let params = use_params_map();
    let navigate = use_navigate();
    let id = RwSignal::new(None::<String>);
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let status = RwSignal::new(Status::Clean);
    let confirming_delete = RwSignal::new(false);
    let error = RwSignal::new(None);
    let title_input = NodeRef::<html::Input>::new();

    Effect::new(move |_| {
        let wanted = params.read().get("id").unwrap_or_default();
        if wanted == "new" {
            if let Some(input) = title_input.get() {
                let _ = input.focus();
            }
            return;
        }
        if id.get_untracked().as_deref() == Some(wanted.as_str()) {
            return; // just saved a new note and moved to its address
        }
        spawn_local(async move {
            match ipc::invoke(command::Note { id: wanted }).await {
                Ok(note) => {
                    id.set(Some(note.id));
                    title.set(note.title);
                    body.set(note.body);
                    status.set(Status::Clean);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });

    // Counts edits, so a save that finishes after more typing knows it is not the last.
    let edits = StoredValue::new(0_u64);
    let after_save = navigate.clone();
    let save = move || {
        if status.get_untracked() != Status::Dirty {
            return;
        }
        let saving_edit = edits.get_value();
        status.set(Status::Saving);
        error.set(None);
        let draft = NoteDraft {
            id: id.get_untracked(),
            title: title.get_untracked(),
            body: body.get_untracked(),
        };
        let navigate = after_save.clone();
        spawn_local(async move {
            let was_new = draft.id.is_none();
            match ipc::invoke(command::SaveNote { draft }).await {
                Ok(note) => {
                    // try_: the learner may have left the page while this was saving.
                    id.try_set(Some(note.id.clone()));
                    let newer_edits = edits.try_get_value().is_some_and(|n| n != saving_edit);
                    status.try_set(if newer_edits {
                        Status::Dirty
                    } else {
                        Status::Saved
                    });
                    if was_new && status.try_get_untracked().is_some() {
                        let options = NavigateOptions {
                            replace: true,
                            ..Default::default()
                        };
                        navigate(&format!("/notes/{}", note.id), options);
                    }
                }
                Err(e) => {
                    status.try_set(Status::Dirty);
                    error.try_set(Some(e));
                }
            }
        });
    };
    // Autosave: a second after typing stops (or at once on leaving a field), so
    // closing the window or going back never loses what was written.
    let autosave = save.clone();
    if let Ok(timer) = set_interval_with_handle(autosave, Duration::from_millis(1000)) {
        on_cleanup(move || timer.clear());
    }
    let save_on_key = save.clone();
    let shortcut = window_event_listener(ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key().eq_ignore_ascii_case("s") {
            ev.prevent_default();
            save_on_key();
        }
    });
    on_cleanup(move || shortcut.remove());

    let delete = Callback::new(move |()| {
        let Some(current) = id.get_untracked() else {
            return;
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match ipc::invoke(command::DeleteNote { id: current }).await {
                Ok(()) => navigate("/library", Default::default()),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let status_text = move || match status.get() {
        Status::Clean => String::new(),
        Status::Dirty => t("note-unsaved"),
        Status::Saving => t("note-saving"),
        Status::Saved => t("note-saved"),
    };
    let edited = move || {
        edits.update_value(|n| *n += 1);
        status.set(Status::Dirty);
    };
    let save_on_blur = save.clone();
    let save_on_blur_body = save.clone();

    view! {
        <div class="page editor">
            <nav class="page-header">
                <A href="/library" attr:class="link">{t("note-back")}</A>
                <span class="status muted" id="save-status" role="status">{status_text}</span>
            </nav>
            <h1 class="visually-hidden">{t("note-heading")}</h1>
            <ErrorBanner error/>
            <form class="note-form" on:submit=move |ev: ev::SubmitEvent| {
                ev.prevent_default();
                save();
            }>
                <label for="note-title" class="visually-hidden">{t("note-title")}</label>
                <input id="note-title" class="title-input" dir="auto" node_ref=title_input maxlength="200"
                    placeholder=t("note-title_placeholder")
                    prop:value=move || title.get()
                    on:input=move |ev| { title.set(event_target_value(&ev)); edited(); }
                    on:blur=move |_| save_on_blur()/>
                <label for="note-body" class="visually-hidden">{t("note-body")}</label>
                <textarea id="note-body" class="body-input" dir="auto" placeholder=t("note-body_placeholder")
                    prop:value=move || body.get()
                    on:input=move |ev| { body.set(event_target_value(&ev)); edited(); }
                    on:blur=move |_| save_on_blur_body()
                ></textarea>
                <div class="actions">
                    <button id="save-note" type="submit" class="button primary"
                        disabled=move || status.get() == Status::Saving>{t("note-save")}</button>
                    <span class="hint">{t("note-shortcut")}</span>
                    <span class="spacer"></span>
                    <Show when=move || id.with(Option::is_some)>
                        <Show
                            when=move || confirming_delete.get()
                            fallback=move || view! {
                                <button type="button" id="delete-note" class="button quiet danger"
                                    on:click=move |_| confirming_delete.set(true)>{t("note-delete")}</button>
                            }
                        >
                            <span class="confirm" role="alert">{t("note-delete_confirm")}</span>
                            <button type="button" id="confirm-delete" class="button danger" on:click=move |_| delete.run(())>
                                {t("note-delete_yes")}
                            </button>
                            <button type="button" class="button quiet" on:click=move |_| confirming_delete.set(false)>
                                {t("create-cancel")}
                            </button>
                        </Show>
                    </Show>
                </div>
            </form>
            <Show when=move || id.with(Option::is_some)>
                <MakePack source_id=Signal::derive(move || id.get())/>
            </Show>
        </div>
    }
}
