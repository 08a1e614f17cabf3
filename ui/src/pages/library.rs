//! "Your library": recordings and notes, newest first, kept current by the core's
//! events. Recordings come in through the file dialog or by dropping files anywhere
//! on the page, or are recorded from the microphone; each shows its transcription's
//! progress as it goes.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use satchel_types::{SourceKind, SourceStatus, SourceSummary, command};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::closure::Closure;

use crate::app::{Session, session};
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::widgets::{ErrorBanner, clock, error_text, relative_time};

/// Stores `paths` and reports, per file, what could not be brought in; with
/// `make_packs`, a study pack is started from each file brought in.
async fn import(
    paths: Vec<String>,
    busy: RwSignal<bool>,
    problems: RwSignal<Vec<String>>,
    make_packs: bool,
) {
    if paths.is_empty() {
        return;
    }
    busy.set(true);
    // Anki decks become cards (with their history), not sources.
    let (decks, paths): (Vec<String>, Vec<String>) = paths
        .into_iter()
        .partition(|p| p.to_ascii_lowercase().ends_with(".apkg"));
    let mut deck_problems = Vec::new();
    for path in decks {
        let file = path.rsplit(['/', '\\']).next().unwrap_or(&path).to_owned();
        if let Err(e) = ipc::invoke(command::ImportAnki { path: path.clone() }).await {
            deck_problems.push(t_with(
                "library-import_failed",
                &[("file", &file), ("reason", &error_text(&e))],
            ));
        }
    }
    problems.set(deck_problems.clone());
    if paths.is_empty() {
        busy.set(false);
        return;
    }
    let language = crate::widgets::speech_language();
    match ipc::invoke(command::ImportAudio { paths, language }).await {
        Ok(outcomes) => {
            if make_packs {
                for source_id in outcomes.iter().filter_map(|o| o.source_id.clone()) {
                    // The pack waits for the file to be read; a failure shows on the
                    // background work page.
                    let _ = ipc::invoke(command::RequestPack { source_id }).await;
                }
            }
            problems.set(
                deck_problems
                    .into_iter()
                    .chain(outcomes.iter().filter_map(|o| {
                        o.error.as_ref().map(|e| {
                            t_with(
                                "library-import_failed",
                                &[("file", &o.file), ("reason", &error_text(e))],
                            )
                        })
                    }))
                    .collect(),
            )
        }
        Err(e) => problems.set(vec![error_text(&e)]),
    }
    busy.set(false);
}

fn dropped_paths(payload: &JsValue) -> Vec<String> {
    js_sys::Reflect::get(payload, &JsValue::from_str("paths"))
        .ok()
        .map(|paths| {
            js_sys::Array::from(&paths)
                .iter()
                .filter_map(|p| p.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The store's list `read` joined with the one events keep (`held`): of two versions
/// of an item the later stays (the event's, at the same moment), an item that arrived
/// after the read stays too, and the most recently changed come first.
fn newest<T: Clone>(
    read: Vec<T>,
    held: &[T],
    id: impl Fn(&T) -> &String,
    at: impl Fn(&T) -> i64,
) -> Vec<T> {
    let mut joined: Vec<T> = read
        .into_iter()
        .map(|item| {
            held.iter()
                .find(|h| id(h) == id(&item) && at(h) >= at(&item))
                .cloned()
                .unwrap_or(item)
        })
        .collect();
    for item in held {
        if !joined.iter().any(|j| id(j) == id(item)) {
            joined.push(item.clone());
        }
    }
    joined.sort_by_key(|item| std::cmp::Reverse(at(item)));
    joined
}

#[component]
pub fn Library() -> impl IntoView {
    let session = session();
    let error = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let problems = RwSignal::new(Vec::<String>::new());
    let dragging = RwSignal::new(false);
    // Fresh from the store on arrival; from then on events keep the lists current.
    // Events can overtake the reply (a short text is read before the list comes
    // back), so the list is joined with what they brought, never put over it.
    spawn_local(async move {
        match ipc::invoke(command::Library {}).await {
            Ok(view) => {
                session.notes.update(|held| {
                    *held = newest(view.notes, held, |n| &n.id, |n| n.updated_at);
                });
                session.sources.update(|held| {
                    *held = newest(view.sources, held, |s| &s.id, |s| s.updated_at);
                });
            }
            Err(e) => error.set(Some(e)),
        }
    });
    // Files dropped on the window arrive as paths from the shell.
    let subscriptions = StoredValue::new_local(Vec::<JsValue>::new());
    spawn_local(async move {
        let on_enter = ipc::listen_raw("tauri://drag-enter", move |_| dragging.set(true)).await;
        let on_leave = ipc::listen_raw("tauri://drag-leave", move |_| dragging.set(false)).await;
        let on_drop = ipc::listen_raw("tauri://drag-drop", move |payload| {
            dragging.set(false);
            let paths = dropped_paths(&payload);
            // Dropping is the quick way in: each file becomes a study pack too.
            spawn_local(import(paths, busy, problems, true));
        })
        .await;
        subscriptions
            .update_value(|s| s.extend([on_enter, on_leave, on_drop].into_iter().flatten()));
    });
    // A picture pasted anywhere on the page (a screenshot, a photo copied from
    // another app) is brought in like a dropped file.
    let on_paste = Closure::<dyn FnMut(web_sys::ClipboardEvent)>::new(
        move |event: web_sys::ClipboardEvent| {
            let Some(items) = event.clipboard_data().map(|d| d.items()) else {
                return;
            };
            let pictures: Vec<web_sys::File> = (0..items.length())
                .filter_map(|i| items.get(i))
                .filter(|item| item.kind() == "file" && item.type_().starts_with("image/"))
                .filter_map(|item| item.get_as_file().ok().flatten())
                .collect();
            if pictures.is_empty() {
                return;
            }
            event.prevent_default();
            spawn_local(async move {
                busy.set(true);
                for picture in pictures {
                    let media_type = picture.type_();
                    let outcome =
                        match wasm_bindgen_futures::JsFuture::from(picture.array_buffer()).await {
                            Ok(buffer) => {
                                let bytes = js_sys::Uint8Array::new(&buffer);
                                ipc::call_with_bytes::<String>(
                                    satchel_types::PASTE_IMAGE,
                                    &bytes,
                                    &media_type,
                                )
                                .await
                            }
                            Err(_) => Err(satchel_types::ErrorView::new(
                                satchel_types::ErrorCode::BadMedia,
                                "the pasted picture could not be read",
                            )),
                        };
                    if let Err(e) = outcome {
                        problems.update(|p| p.push(error_text(&e)));
                    }
                }
                busy.set(false);
            });
        },
    );
    let document = || web_sys::window().and_then(|w| w.document());
    if let Some(document) = document() {
        let _ =
            document.add_event_listener_with_callback("paste", on_paste.as_ref().unchecked_ref());
    }
    let on_paste = StoredValue::new_local(Some(on_paste));
    on_cleanup(move || {
        subscriptions.with_value(|s| s.iter().for_each(ipc::unlisten));
        if let (Some(document), Some(listener)) = (
            document(),
            on_paste.try_update_value(Option::take).flatten(),
        ) {
            let _ = document
                .remove_event_listener_with_callback("paste", listener.as_ref().unchecked_ref());
        }
    });

    let choose = move |_| {
        spawn_local(async move {
            match ipc::invoke(command::PickAudioFiles {}).await {
                Ok(paths) => import(paths, busy, problems, false).await,
                Err(e) => problems.set(vec![error_text(&e)]),
            }
        });
    };
    let record = move |_| {
        spawn_local(async move {
            if let Err(e) = crate::recorder::start_recording(session).await {
                problems.set(vec![error_text(&e)]);
            }
        });
    };
    let recording = move || session.recording.with(Option::is_some);
    let count = move || {
        let notes = t_with("library-count", &[("n", &session.notes.with(Vec::len))]);
        match session.sources.with(Vec::len) {
            0 => notes,
            n => format!(
                "{} · {notes}",
                t_with("library-recordings_count", &[("n", &n)])
            ),
        }
    };
    let nothing = move || session.notes.with(Vec::is_empty) && session.sources.with(Vec::is_empty);

    view! {
        <div class="page" class:dragging=move || dragging.get()>
            <header class="page-header">
                <div>
                    <h1>{t("library-title")}</h1>
                    <p class="muted" id="note-count">{count}</p>
                </div>
                <div class="header-actions">
                    <button id="record-audio" class="button" on:click=record disabled=recording>
                        <span class="recording-dot" aria-hidden="true"></span>
                        {t("record-start")}
                    </button>
                    <button id="import-audio" class="button" on:click=choose disabled=move || busy.get()>
                        {move || if busy.get() { t("library-importing") } else { t("library-import") }}
                    </button>
                    <A href="/notes/new" attr:id="new-note" attr:class="button primary">{t("library-new_note")}</A>
                </div>
            </header>
            <div class="field inline-field speech-language">
                <label for="speech-language">{t("speech-language")}</label>
                <crate::widgets::SpeechLanguageSelect id="speech-language"
                    value=RwSignal::new(crate::widgets::speech_language()) remember=true/>
                <p class="hint">{t("speech-language_hint")}</p>
            </div>
            <ErrorBanner error/>
            <MissingModels/>
            <For each=move || problems.get() key=|p| p.clone() let:problem>
                <p class="banner error import-problem" role="alert">{problem}</p>
            </For>
            <Show when=move || dragging.get()>
                <div class="drop-zone" aria-hidden="true">{t("library-drop_here")}</div>
            </Show>
            <Show when=nothing>
                <p class="empty">{t("library-empty")}</p>
                <p class="muted center">{t("library-drop_hint")}</p>
            </Show>
            <SampleLesson nothing=Signal::derive(nothing)/>
            <Show when=move || !session.sources.with(Vec::is_empty)>
                <h2 class="section-title">{t("library-recordings")}</h2>
                <ul class="note-list" id="source-list">
                    <For each=move || session.sources.get() key=|s| (s.id.clone(), s.updated_at) let:source>
                        <SourceItem source session/>
                    </For>
                </ul>
            </Show>
            <Show when=move || !session.notes.with(Vec::is_empty)>
                <h2 class="section-title">{t("library-notes")}</h2>
                <ul class="note-list" id="note-list">
                    <For each=move || session.notes.get() key=|n| (n.id.clone(), n.updated_at) let:note>
                        <li>
                            <A href=format!("/notes/{}", note.id) attr:class="note-item">
                                <span class="note-title" dir="auto">
                                    {if note.title.is_empty() { t("note-untitled") } else { note.title.clone() }}
                                </span>
                                <span class="note-excerpt" dir="auto">{note.excerpt.clone()}</span>
                                <span class="note-time">{relative_time(note.updated_at)}</span>
                            </A>
                        </li>
                    </For>
                </ul>
            </Show>
        </div>
    }
}

/// Where a source's text stands, worded for what it is: recordings are transcribed,
/// pictures and documents read.
pub fn status_text(kind: SourceKind, status: SourceStatus) -> String {
    let heard = kind == SourceKind::Audio;
    t(match status {
        SourceStatus::Queued if heard => "source-status-queued",
        SourceStatus::Queued => "source-status-queued_reading",
        SourceStatus::Transcribing if heard => "source-status-transcribing",
        SourceStatus::Transcribing => "source-status-reading",
        SourceStatus::Ready if heard => "source-status-ready",
        SourceStatus::Ready => "source-status-read",
        SourceStatus::Failed if heard => "source-status-failed",
        SourceStatus::Failed => "source-status-read_failed",
        SourceStatus::Cancelled => "source-status-cancelled",
    })
}

#[component]
fn SourceItem(source: SourceSummary, session: Session) -> impl IntoView {
    let id = source.id.clone();
    let progress = move || session.progress.with(|p| p.get(&id).copied());
    let status = source.status;
    let second_line = if source.excerpt.is_empty() {
        status_text(source.kind, status)
    } else {
        source.excerpt.clone()
    };
    view! {
        <li>
            <A href=format!("/sources/{}", source.id) attr:class="note-item source-item" attr:data-status=format!("{status:?}").to_lowercase()>
                <span class="note-title" dir="auto">{source.title.clone()}</span>
                <span class="note-excerpt" dir="auto">{second_line}</span>
                <span class="note-time">
                    {source.duration_ms.map(clock).unwrap_or_else(|| relative_time(source.updated_at))}
                </span>
                {move || (status == SourceStatus::Transcribing).then(|| {
                    let (done, total) = progress().unwrap_or((0, None));
                    view! { <ProgressBar done total/> }
                })}
            </A>
        </li>
    }
}

/// A bar for a transcription: determinate when the recording's length is known.
#[component]
pub fn ProgressBar(done: i64, total: Option<i64>) -> impl IntoView {
    match total.filter(|t| *t > 0) {
        Some(total) => view! {
            <progress class="progress" max=total.to_string() value=done.min(total).to_string()></progress>
        }
        .into_any(),
        None => view! { <progress class="progress"></progress> }.into_any(),
    }
}

/// Says which abilities lack their models, with the way to bring them in; nothing when
/// every model is here. Notes, cards and reviews work either way.
#[component]
fn MissingModels() -> impl IntoView {
    let missing = RwSignal::new(Vec::<String>::new());
    spawn_local(async move {
        if let Ok(status) = ipc::invoke(command::Models {}).await {
            missing.set(
                status
                    .abilities
                    .into_iter()
                    .filter(|a| !a.ready && a.ability.comes_in_model_packs())
                    .map(|a| t(super::settings::ability_key(a.ability)))
                    .collect(),
            );
        }
    });
    move || {
        let missing = missing.get();
        (!missing.is_empty()).then(|| {
            view! {
                <p class="banner warning" role="status" id="models-missing">
                    {t_with("models-banner", &[("missing", &missing.join(", "))])}" "
                    <A href="/settings#models">{t("models-banner_link")}</A>
                </p>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::newest;

    /// (id, updated_at, state) for the test.
    type Item = (String, i64, &'static str);

    fn item(id: &str, at: i64, state: &'static str) -> Item {
        (id.to_owned(), at, state)
    }

    #[test]
    fn a_list_read_before_events_arrived_does_not_undo_them() {
        // The store was read while "a" was being read; its event (ready) came first.
        let read = vec![item("a", 10, "reading"), item("b", 5, "ready")];
        let held = vec![item("a", 10, "ready"), item("c", 12, "queued")];
        let joined = newest(read, &held, |i| &i.0, |i| i.1);
        assert_eq!(
            joined,
            [
                item("c", 12, "queued"),
                item("a", 10, "ready"),
                item("b", 5, "ready")
            ]
        );
        // A newer version from the store wins over an older event's.
        let joined = newest(
            vec![item("a", 20, "ready")],
            &[item("a", 10, "reading")],
            |i| &i.0,
            |i| i.1,
        );
        assert_eq!(joined, [item("a", 20, "ready")]);
    }
}

/// The sample lesson, offered while the library is empty: its notes, photo, recording
/// and PDF brought in and made into study packs in front of the learner, each pack's
/// making followed until all four can be studied.
#[component]
fn SampleLesson(nothing: Signal<bool>) -> impl IntoView {
    use crate::app::PackProgress;
    use satchel_types::{ErrorView, PackState, PackView};
    let session = session();
    let packs = RwSignal::new(None::<Vec<PackView>>);
    let error = RwSignal::new(None::<ErrorView>);
    let busy = RwSignal::new(false);
    let start = move |_| {
        busy.set(true);
        spawn_local(async move {
            match ipc::invoke(command::AddSampleLesson {}).await {
                Ok(list) => {
                    error.set(None);
                    packs.set(Some(list));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    // A pack's state: from its events once they come, else as it was asked for.
    let state_of = move |pack: &PackView| {
        session
            .packs
            .with(|p| p.get(&pack.id).copied())
            .unwrap_or(PackProgress {
                state: pack.state,
                done: 0,
                total: 0,
            })
    };
    let all_ready = move || {
        packs.with(|list| {
            list.as_ref().is_some_and(|list| {
                list.iter()
                    .all(|pack| state_of(pack).state == PackState::Ready)
            })
        })
    };
    view! {
        <ErrorBanner error/>
        {move || match packs.get() {
            None => nothing.get().then(|| view! {
                <section class="card sample-lesson" aria-labelledby="sample-title">
                    <h2 id="sample-title">{t("sample-title")}</h2>
                    <p class="prose">{t("sample-explained")}</p>
                    <button type="button" class="button primary" id="sample-lesson"
                        on:click=start disabled=move || busy.get()>
                        {t("sample-start")}
                    </button>
                </section>
            }).into_any(),
            Some(list) => view! {
                <section class="card sample-lesson" aria-labelledby="sample-title" id="sample-progress">
                    <h2 id="sample-title">{t("sample-making")}</h2>
                    <ul class="sample-packs">
                        {list.into_iter().map(|pack| {
                            let title = pack.title.clone();
                            view! {
                                <li class="sample-pack">
                                    <span class="sample-part" dir="auto">{title}</span>
                                    {move || {
                                        let id = pack.id.clone();
                                        let now = state_of(&pack);
                                        match now.state {
                                            PackState::Ready => view! {
                                                <A href=format!("/packs/{id}") attr:class="button sample-open">{t("sample-open_pack")}</A>
                                            }.into_any(),
                                            PackState::Failed => view! {
                                                <span class="error-inline" role="status">{t("sample-failed")}</span>
                                            }.into_any(),
                                            PackState::Building => view! {
                                                <span class="sample-state">
                                                    <ProgressBar done=i64::from(now.done) total=(now.total > 0).then_some(i64::from(now.total))/>
                                                    <span class="visually-hidden">{t("sample-waiting")}</span>
                                                </span>
                                            }.into_any(),
                                        }
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <Show when=all_ready>
                        <p role="status">{t("sample-ready")}</p>
                        <A href="/study" attr:class="button primary" attr:id="sample-study">{t("sample-study")}</A>
                    </Show>
                </section>
            }.into_any(),
        }}
    }
}
