//! "Your library": every note, newest first, kept current by the core's events.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use satchel_types::LibraryView;

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc::{self, NoArgs};
use crate::widgets::{ErrorBanner, relative_time};

#[component]
pub fn Library() -> impl IntoView {
    let session = session();
    let error = RwSignal::new(None);
    // Fresh from the store on arrival; from then on events keep the list current.
    spawn_local(async move {
        match ipc::call::<LibraryView>("library", NoArgs {}).await {
            Ok(view) => session.notes.set(view.notes),
            Err(e) => error.set(Some(e)),
        }
    });
    let count = move || match session.notes.with(Vec::len) {
        1 => t("library.count_one"),
        n => t_with("library.count_many", &[("n", &n.to_string())]),
    };

    view! {
        <div class="page">
            <header class="page-header">
                <div>
                    <h1>{t("library.title")}</h1>
                    <p class="muted" id="note-count">{count}</p>
                </div>
                <A href="/notes/new" attr:id="new-note" attr:class="button primary">{t("library.new_note")}</A>
            </header>
            <ErrorBanner error/>
            <Show
                when=move || !session.notes.with(Vec::is_empty)
                fallback=|| view! { <p class="empty">{t("library.empty")}</p> }
            >
                <ul class="note-list" id="note-list">
                    <For each=move || session.notes.get() key=|n| (n.id.clone(), n.updated_at) let:note>
                        <li>
                            <A href=format!("/notes/{}", note.id) attr:class="note-item">
                                <span class="note-title">
                                    {if note.title.is_empty() { t("note.untitled") } else { note.title.clone() }}
                                </span>
                                <span class="note-excerpt">{note.excerpt.clone()}</span>
                                <span class="note-time">{relative_time(note.updated_at)}</span>
                            </A>
                        </li>
                    </For>
                </ul>
            </Show>
        </div>
    }
}
