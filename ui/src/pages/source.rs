//! One recording: play it, read its transcript by segment — a click on a segment plays
//! from there — and follow, stop or retry its transcription.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use satchel_types::{SourceStatus, SourceView};
use serde::Serialize;

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::pages::library::{ProgressBar, status_text};
use crate::widgets::{ErrorBanner, clock, error_text};

#[derive(Serialize)]
struct IdArgs {
    id: String,
}

#[component]
pub fn Source() -> impl IntoView {
    let session = session();
    let params = use_params_map();
    let navigate = StoredValue::new_local(use_navigate());
    let source = RwSignal::new(None::<SourceView>);
    let error = RwSignal::new(None);
    let confirming_delete = RwSignal::new(false);
    let playing_ms = RwSignal::new(0i64);
    let audio = NodeRef::<html::Audio>::new();
    let id = move || params.read().get("id").unwrap_or_default();

    let media_src = RwSignal::new(None::<String>);
    let load = move |id: String| {
        spawn_local(async move {
            match ipc::call::<SourceView>("source", IdArgs { id: id.clone() }).await {
                Ok(view) => source.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
            if media_src.with_untracked(Option::is_none)
                && let Ok(url) = ipc::call::<String>("media_url", IdArgs { id }).await
            {
                media_src.set(Some(url));
            }
        });
    };
    // Loaded on arrival, and again whenever the core says this source changed.
    Effect::new(move |_| {
        let id = id();
        let changed = session
            .sources
            .with(|all| all.iter().find(|s| s.id == id).map(|s| s.updated_at));
        let shown = source.with_untracked(|s| s.as_ref().map(|s| (s.id.clone(), s.updated_at)));
        if shown != changed.map(|at| (id.clone(), at)) || shown.is_none() {
            load(id);
        }
    });

    let command = move |name: &'static str| {
        let id = id();
        spawn_local(async move {
            if let Err(e) = ipc::call::<serde_json::Value>(name, IdArgs { id }).await {
                error.set(Some(e));
            }
        });
    };
    let delete = move |_| {
        let id = id();
        spawn_local(async move {
            match ipc::call::<()>("delete_source", IdArgs { id }).await {
                Ok(()) => navigate.with_value(|go| go("/library", Default::default())),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let play_from = move |ms: i64| {
        if let Some(audio) = audio.get() {
            audio.set_current_time(ms as f64 / 1000.0);
            let _ = audio.play();
        }
    };
    let on_time = move |_| {
        if let Some(audio) = audio.get() {
            playing_ms.set((audio.current_time() * 1000.0) as i64);
        }
    };

    view! {
        <div class="page source-page">
            <p><A href="/library" attr:class="link">{t("source.back")}</A></p>
            <ErrorBanner error/>
            {move || source.get().map(|view| {
                let status = view.status;
                let progress = {
                    let id = view.id.clone();
                    Signal::derive(move || session.progress.with(|p| p.get(&id).copied()))
                };
                let title = view.title.clone();
                let progress_words = move || {
                    let (done, total) = progress.get().unwrap_or((0, None));
                    match total {
                        Some(total) => t_with("source.progress", &[("title", &title), ("done", &clock(done)), ("total", &clock(total))]),
                        None => t_with("source.progress_open", &[("title", &title), ("done", &clock(done))]),
                    }
                };
                let segments = view.segments.clone();
                let no_speech = status == SourceStatus::Ready && segments.is_empty();
                view! {
                    <header class="page-header">
                        <div>
                            <h1 id="source-title">{view.title.clone()}</h1>
                            <p class="muted" id="source-status" data-status=format!("{status:?}").to_lowercase()>
                                {status_text(status)}
                                {view.duration_ms.map(|d| format!(" · {}", clock(d)))}
                                {view.language.clone().map(|l| format!(" · {}", l.to_uppercase()))}
                            </p>
                        </div>
                    </header>
                    <audio
                        node_ref=audio
                        id="player"
                        class="player"
                        controls
                        preload="metadata"
                        src=move || media_src.get()
                        on:timeupdate=on_time
                    ></audio>
                    {matches!(status, SourceStatus::Queued | SourceStatus::Transcribing).then(|| view! {
                        <div class="card transcribing" id="transcribing" role="status">
                            <p>{progress_words}</p>
                            {move || { let (done, total) = progress.get().unwrap_or((0, None)); view! { <ProgressBar done total/> } }}
                            <p class="muted">{t("source.waiting")}</p>
                            <button id="cancel-transcription" class="button" on:click=move |_| command("cancel_transcription")>
                                {t("source.cancel")}
                            </button>
                        </div>
                    })}
                    {matches!(status, SourceStatus::Failed | SourceStatus::Cancelled).then(|| view! {
                        <div class="card" id="transcription-problem">
                            {view.error.as_ref().map(|e| view! { <p class="banner error" role="alert">{error_text(e)}</p> })}
                            <div class="actions">
                                <button id="retry-transcription" class="button primary" on:click=move |_| command("retry_transcription")>
                                    {t("source.retry")}
                                </button>
                            </div>
                        </div>
                    })}
                    {no_speech.then(|| view! { <p class="empty">{t("source.no_speech")}</p> })}
                    {(!segments.is_empty()).then(|| view! {
                        <h2 class="section-title">{t("source.transcript")}</h2>
                        <ol class="transcript" id="transcript">
                            {segments.into_iter().map(|segment| {
                                let (start, end) = (segment.start_ms.unwrap_or(0), segment.end_ms.unwrap_or(0));
                                let label = t_with("source.play_from", &[("time", &clock(start))]);
                                view! {
                                    <li>
                                        <button
                                            class="segment"
                                            class:current=move || (start..end).contains(&playing_ms.get())
                                            data-start-ms=start.to_string()
                                            title=label
                                            on:click=move |_| play_from(start)
                                        >
                                            <span class="segment-time">{clock(start)}</span>
                                            <span class="segment-text">{segment.text.clone()}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    })}
                    <div class="actions">
                        <span class="spacer"></span>
                        <Show
                            when=move || confirming_delete.get()
                            fallback=move || view! {
                                <button id="delete-source" class="button quiet danger" on:click=move |_| confirming_delete.set(true)>
                                    {t("source.delete")}
                                </button>
                            }
                        >
                            <span class="confirm">{t("source.delete_confirm")}</span>
                            <button id="delete-source-yes" class="button danger" on:click=delete>{t("source.delete_yes")}</button>
                            <button class="button quiet" on:click=move |_| confirming_delete.set(false)>{t("create.cancel")}</button>
                        </Show>
                    </div>
                }
            })}
        </div>
    }
}
