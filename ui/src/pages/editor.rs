//! Writing a note: a title, markdown, Save (or Ctrl+S), Delete with a confirmation.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use satchel_types::{NoteDraft, NoteView};
use serde::Serialize;

use crate::i18n::t;
use crate::ipc;
use crate::widgets::ErrorBanner;

#[derive(Serialize)]
struct IdArgs<'a> {
    id: &'a str,
}

#[derive(Serialize)]
struct SaveArgs<'a> {
    draft: &'a NoteDraft,
}

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
            match ipc::call::<NoteView>("note", IdArgs { id: &wanted }).await {
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

    let after_save = navigate.clone();
    let save = move || {
        if status.get_untracked() == Status::Saving {
            return;
        }
        status.set(Status::Saving);
        error.set(None);
        let draft = NoteDraft {
            id: id.get_untracked(),
            title: title.get_untracked(),
            body: body.get_untracked(),
        };
        let navigate = after_save.clone();
        spawn_local(async move {
            match ipc::call::<NoteView>("save_note", SaveArgs { draft: &draft }).await {
                Ok(note) => {
                    let was_new = draft.id.is_none();
                    id.set(Some(note.id.clone()));
                    status.set(Status::Saved);
                    if was_new {
                        let options = NavigateOptions {
                            replace: true,
                            ..Default::default()
                        };
                        navigate(&format!("/notes/{}", note.id), options);
                    }
                }
                Err(e) => {
                    status.set(Status::Dirty);
                    error.set(Some(e));
                }
            }
        });
    };
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
            match ipc::call::<()>("delete_note", IdArgs { id: &current }).await {
                Ok(()) => navigate("/library", Default::default()),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let status_text = move || match status.get() {
        Status::Clean => String::new(),
        Status::Dirty => t("note.unsaved"),
        Status::Saving => t("note.saving"),
        Status::Saved => t("note.saved"),
    };
    let edited = move || status.set(Status::Dirty);

    view! {
        <div class="page editor">
            <nav class="page-header">
                <A href="/library" attr:class="link">{t("note.back")}</A>
                <span class="status muted" id="save-status" role="status">{status_text}</span>
            </nav>
            <ErrorBanner error/>
            <form class="note-form" on:submit=move |ev: ev::SubmitEvent| {
                ev.prevent_default();
                save();
            }>
                <label for="note-title" class="visually-hidden">{t("note.title")}</label>
                <input id="note-title" class="title-input" node_ref=title_input maxlength="200"
                    placeholder=t("note.title_placeholder")
                    prop:value=move || title.get()
                    on:input=move |ev| { title.set(event_target_value(&ev)); edited(); }/>
                <label for="note-body" class="visually-hidden">{t("note.body")}</label>
                <textarea id="note-body" class="body-input" placeholder=t("note.body_placeholder")
                    prop:value=move || body.get()
                    on:input=move |ev| { body.set(event_target_value(&ev)); edited(); }
                ></textarea>
                <div class="actions">
                    <button id="save-note" type="submit" class="button primary"
                        disabled=move || status.get() == Status::Saving>{t("note.save")}</button>
                    <span class="hint">{t("note.shortcut")}</span>
                    <span class="spacer"></span>
                    <Show when=move || id.with(Option::is_some)>
                        <Show
                            when=move || confirming_delete.get()
                            fallback=move || view! {
                                <button type="button" id="delete-note" class="button quiet danger"
                                    on:click=move |_| confirming_delete.set(true)>{t("note.delete")}</button>
                            }
                        >
                            <span class="confirm" role="alert">{t("note.delete_confirm")}</span>
                            <button type="button" id="confirm-delete" class="button danger" on:click=move |_| delete.run(())>
                                {t("note.delete_yes")}
                            </button>
                            <button type="button" class="button quiet" on:click=move |_| confirming_delete.set(false)>
                                {t("create.cancel")}
                            </button>
                        </Show>
                    </Show>
                </div>
            </form>
        </div>
    }
}
