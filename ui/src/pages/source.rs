//! One source. A recording: play it, read its transcript by segment — a click on a
//! segment plays from there — and follow, stop or retry its transcription. A picture:
//! the picture with every line found outlined, beside its text. A document: each page
//! drawn as it looks, beside its text.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use satchel_types::{
    ConceptMap, ErrorCode, ErrorView, SegmentView, SourceKind, SourceStatus, SourceView, command,
};

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::pages::library::{ProgressBar, status_text};
use crate::pages::pack::MakePack;
use crate::pages::search::{KindSign, owner_href};
use crate::widgets::{ErrorBanner, clock, error_text};

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
    // Where a search hit leads: a page, a moment, a region (`x,y,w,h`).
    let query = use_query_map();
    let at_page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok());
    let at_ms = move || query.read().get("t").and_then(|t| t.parse::<i64>().ok());
    let region = Signal::derive(move || {
        let parts: Vec<f32> = query
            .read()
            .get("region")?
            .split(',')
            .filter_map(|v| v.parse().ok())
            .collect();
        match parts[..] {
            [x, y, w, h] => Some((at_page().unwrap_or(1), [x, y, w, h])),
            _ => None,
        }
    });

    let media_src = RwSignal::new(None::<String>);
    let load = move |id: String| {
        spawn_local(async move {
            match ipc::invoke(command::Source { id: id.clone() }).await {
                Ok(view) => source.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
            if media_src.with_untracked(Option::is_none)
                && let Ok(url) = ipc::invoke(command::MediaUrl { id }).await
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

    // What "Transcribe again" transcribes in: the language found last time, until the
    // learner picks another.
    let again_in = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let found = source.with(|s| s.as_ref().and_then(|s| s.language.clone()));
        again_in.set(found.filter(|code| crate::i18n::LANGUAGES.iter().any(|l| l.tag == code)));
    });
    let transcription = move |retry: bool| {
        let id = id();
        spawn_local(async move {
            let asked = if retry {
                let language = again_in.get_untracked();
                ipc::invoke(command::RetryTranscription { id, language })
                    .await
                    .map(drop)
            } else {
                ipc::invoke(command::CancelTranscription { id }).await
            };
            if let Err(e) = asked {
                error.set(Some(e));
            }
        });
    };
    let delete = move |_| {
        let id = id();
        spawn_local(async move {
            match ipc::invoke(command::DeleteSource { id }).await {
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
    // Once the source is on screen, the place a hit named is brought into view.
    Effect::new(move |_| {
        if source.with(Option::is_none) {
            return;
        }
        let (page, ms) = (at_page(), at_ms());
        if let Some(ms) = ms {
            playing_ms.set(ms);
        }
        let selector = match (page, ms) {
            (Some(page), _) => format!("[data-page=\"{page}\"]"),
            (None, Some(_)) => ".segment.current".to_owned(),
            _ => return,
        };
        // Pages above may still grow as their drawings arrive and push the place
        // down: it is brought into view again a few times while the learner has not
        // scrolled away themselves.
        let placed = StoredValue::new(None::<i32>);
        for delay in [0u64, 250, 600, 1200, 2000] {
            let selector = selector.clone();
            set_timeout(
                move || {
                    let document = document();
                    let Some(element) = document.query_selector(&selector).ok().flatten() else {
                        return;
                    };
                    match document.get_element_by_id("content") {
                        // On a wide window only the content column scrolls:
                        // `scrollIntoView` would move the whole window, sidebar and all.
                        Some(content) if content.scroll_height() > content.client_height() => {
                            let moved_away = placed
                                .get_value()
                                .is_some_and(|top| top != content.scroll_top());
                            if moved_away {
                                return;
                            }
                            let offset = element.get_bounding_client_rect().top()
                                - content.get_bounding_client_rect().top();
                            content.set_scroll_top(content.scroll_top() + offset as i32 - 16);
                            placed.set_value(Some(content.scroll_top()));
                        }
                        _ if delay == 0 => element.scroll_into_view(),
                        _ => {}
                    }
                },
                std::time::Duration::from_millis(delay),
            );
        }
    });
    let on_metadata = move |_| {
        if let (Some(audio), Some(ms)) = (audio.get(), at_ms()) {
            audio.set_current_time(ms as f64 / 1000.0);
        }
    };
    let on_time = move |_| {
        if let Some(audio) = audio.get() {
            playing_ms.set((audio.current_time() * 1000.0) as i64);
        }
    };

    view! {
        <div class="page source-page">
            <p><A href="/library" attr:class="link">{t("source-back")}</A></p>
            <ErrorBanner error/>
            {move || source.get().map(|view| {
                let status = view.status;
                let progress = {
                    let id = view.id.clone();
                    Signal::derive(move || session.progress.with(|p| p.get(&id).copied()))
                };
                let title = view.title.clone();
                let kind = view.kind;
                let progress_words = move || {
                    let (done, total) = progress.get().unwrap_or((0, None));
                    match (kind, total) {
                        // Documents count pages; pictures are read in one go.
                        (SourceKind::Document, Some(total)) => t_with("source-reading_pages", &[("title", &title), ("done", &done), ("total", &total)]),
                        (SourceKind::Document | SourceKind::Image | SourceKind::Text, _) => t_with("source-reading", &[("title", &title)]),
                        (SourceKind::Audio, Some(total)) => t_with("source-progress", &[("title", &title), ("done", &clock(done)), ("total", &clock(total))]),
                        (SourceKind::Audio, None) => t_with("source-progress_open", &[("title", &title), ("done", &clock(done))]),
                    }
                };
                let segments = view.segments.clone();
                let no_speech = status == SourceStatus::Ready && segments.is_empty();
                view! {
                    <header class="page-header">
                        <div>
                            <h1 id="source-title" dir="auto">{view.title.clone()}</h1>
                            <p class="muted" id="source-status" data-status=format!("{status:?}").to_lowercase()>
                                {status_text(view.kind, status)}
                                {view.pages.filter(|_| view.kind == SourceKind::Document).map(|n| format!(" · {}", t_with("source-pages", &[("n", &n)])))}
                                {view.duration_ms.map(|d| format!(" · {}", clock(d)))}
                                {view.language.clone().map(|l| format!(" · {}", crate::widgets::language_name(&l)))}
                            </p>
                        </div>
                    </header>
                    {(!view.original_here && view.kind != SourceKind::Text).then(|| view! {
                        <p class="banner" role="status" id="original-elsewhere">{t("source-original_elsewhere")}</p>
                    })}
                    {(view.kind == SourceKind::Audio && view.original_here).then(|| view! {
                        <audio
                            node_ref=audio
                            id="player"
                            class="player"
                            controls
                            preload="metadata"
                            src=move || media_src.get()
                            on:timeupdate=on_time
                            on:loadedmetadata=on_metadata
                        ></audio>
                    })}
                    {matches!(status, SourceStatus::Queued | SourceStatus::Transcribing).then(|| view! {
                        <div class="card transcribing" id="transcribing" role="status">
                            <p>{progress_words}</p>
                            {move || { let (done, total) = progress.get().unwrap_or((0, None)); view! { <ProgressBar done total/> } }}
                            <p class="muted">{t("source-waiting")}</p>
                            {(kind == SourceKind::Audio).then(|| view! {
                                <button id="cancel-transcription" class="button" on:click=move |_| transcription(false)>
                                    {t("source-cancel")}
                                </button>
                            })}
                        </div>
                    })}
                    {matches!(status, SourceStatus::Failed | SourceStatus::Cancelled).then(|| {
                        let locked = view.error.as_ref().is_some_and(|e| e.code == ErrorCode::PasswordRequired);
                        view! {
                            <div class="card" id="transcription-problem">
                                {view.error.as_ref().map(|e| view! { <p class="banner error" role="alert">{error_text(e)}</p> })}
                                {if locked {
                                    view! { <DocumentPassword id=view.id.clone() source error/> }.into_any()
                                } else {
                                    view! {
                                        <div class="actions">
                                            <button id="retry-transcription" class="button primary" on:click=move |_| transcription(true)>
                                                {t("source-retry")}
                                            </button>
                                        </div>
                                    }.into_any()
                                }}
                            </div>
                        }
                    })}
                    // A recording heard in the wrong language is transcribed again in the
                    // right one (or one where Satchel finds it out).
                    {(view.kind == SourceKind::Audio && view.original_here && status == SourceStatus::Ready).then(|| view! {
                        <div class="field inline-field" id="retranscribe">
                            <label for="retranscribe-language">{t("source-retranscribe_in")}</label>
                            <crate::widgets::SpeechLanguageSelect id="retranscribe-language" value=again_in/>
                            <button id="retranscribe-button" class="button" on:click=move |_| transcription(true)>
                                {t("source-retry")}
                            </button>
                        </div>
                    })}
                    {(no_speech && view.kind == SourceKind::Audio).then(|| view! { <p class="empty">{t("source-no_speech")}</p> })}
                    {(no_speech && view.kind != SourceKind::Audio).then(|| view! { <p class="empty">{t("source-no_text")}</p> })}
                    {(view.kind == SourceKind::Image && view.original_here).then(|| {
                        let lines = segments.clone();
                        view! { <Picture src=media_src lines region/> }
                    })}
                    {(view.kind == SourceKind::Document && status == SourceStatus::Ready && view.original_here).then(|| {
                        let count = view.pages.and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
                        view! { <Pages base=media_src count sizes=view.page_sizes.clone() segments=segments.clone() region/> }
                    })}
                    {(view.kind == SourceKind::Text && !segments.is_empty()).then(|| view! {
                        <div class="page-text text-source" id="text-source">
                            {segments.iter().flat_map(|s| s.text.lines().map(str::to_owned).collect::<Vec<_>>()).map(|line| view! { <p>{line}</p> }).collect_view()}
                        </div>
                    })}
                    {(view.kind == SourceKind::Audio && !segments.is_empty()).then(|| view! {
                        <h2 class="section-title">{t("source-transcript")}</h2>
                        <ol class="transcript" id="transcript">
                            {segments.into_iter().map(|segment| {
                                let (start, end) = (segment.start_ms.unwrap_or(0), segment.end_ms.unwrap_or(0));
                                let label = t_with("source-play_from", &[("time", &clock(start))]);
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
                                            <span class="segment-text" dir="auto">{segment.text.clone()}</span>
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    })}
                    {(status == SourceStatus::Ready).then(|| {
                        let id = view.id.clone();
                        view! { <MakePack source_id=Signal::stored(Some(id))/> }
                    })}
                    {(status == SourceStatus::Ready).then(|| view! { <SourceTopics id=view.id.clone()/> })}
                    <div class="actions">
                        <span class="spacer"></span>
                        <Show
                            when=move || confirming_delete.get()
                            fallback=move || view! {
                                <button id="delete-source" class="button quiet danger" on:click=move |_| confirming_delete.set(true)>
                                    {t("source-delete")}
                                </button>
                            }
                        >
                            <span class="confirm">{t("source-delete_confirm")}</span>
                            <button id="delete-source-yes" class="button danger" on:click=delete>{t("source-delete_yes")}</button>
                            <button class="button quiet" on:click=move |_| confirming_delete.set(false)>{t("create-cancel")}</button>
                        </Show>
                    </div>
                }
            })}
        </div>
    }
}

/// A picture with every line the OCR found outlined, beside the lines' text (which can
/// be selected and copied). Pointing at a line outlines it on the picture.
#[component]
fn Picture(
    src: RwSignal<Option<String>>,
    lines: Vec<SegmentView>,
    region: Signal<Option<(u32, [f32; 4])>>,
) -> impl IntoView {
    let size = RwSignal::new(None::<[f32; 2]>);
    let selected = RwSignal::new(None::<usize>);
    let image = NodeRef::<html::Img>::new();
    let on_load = move |_| {
        if let Some(image) = image.get() {
            size.set(Some([
                image.natural_width() as f32,
                image.natural_height() as f32,
            ]));
        }
    };
    let boxes = lines.iter().map(|l| l.bbox).collect::<Vec<_>>();
    view! {
        <div class="picture-view">
            <figure class="picture">
                <img node_ref=image id="picture" src=move || src.get() alt=t("source-picture") on:load=on_load/>
                <Outlines size boxes selected id="outlines" found=Signal::derive(move || region.get().map(|(_, b)| b))/>
            </figure>
            <section class="lines" aria-label=t("source-text")>
                <h2 class="section-title">{t("source-text")}</h2>
                <LineList lines selected id="ocr-lines"/>
            </section>
        </div>
    }
}

/// The boxes of the lines on a picture or page, drawn over it; `size` is the width
/// and height the boxes are measured in.
#[component]
fn Outlines(
    #[prop(into)] size: Signal<Option<[f32; 2]>>,
    boxes: Vec<Option<[f32; 4]>>,
    selected: RwSignal<Option<usize>>,
    #[prop(optional)] id: &'static str,
    /// A region a search hit named, outlined apart.
    #[prop(optional, into)]
    found: Signal<Option<[f32; 4]>>,
) -> impl IntoView {
    move || {
        size.get().map(|[w, h]| {
            let boxes = boxes.clone();
            let found = found.get().map(|[x, y, bw, bh]| view! {
                <rect class="found" id="found-region" x=x.to_string() y=y.to_string() width=bw.to_string() height=bh.to_string()></rect>
            });
            view! {
                <svg class="outlines" id=(!id.is_empty()).then_some(id) viewBox=format!("0 0 {w} {h}") preserveAspectRatio="none" aria-hidden="true">
                    {boxes.into_iter().enumerate().filter_map(|(i, bbox)| bbox.map(|[x, y, bw, bh]| view! {
                        <rect
                            class="outline"
                            class:selected=move || selected.get() == Some(i)
                            x=x.to_string() y=y.to_string() width=bw.to_string() height=bh.to_string()
                        ></rect>
                    })).collect_view()}
                    {found}
                </svg>
            }
        })
    }
}

/// Lines read from pixels, one per row, each with the reader's confidence; pointing at
/// one selects it (and outlines it on its picture).
#[component]
fn LineList(
    lines: Vec<SegmentView>,
    selected: RwSignal<Option<usize>>,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    // One tab stop for the whole list (a scan may have hundreds of lines): the arrow
    // keys, Home and End move between its lines.
    let current = RwSignal::new(0usize);
    let step = move |ev: leptos::ev::KeyboardEvent| {
        use wasm_bindgen::JsCast;
        let Some(item) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let to = match ev.key().as_str() {
            "ArrowDown" => item.next_element_sibling(),
            "ArrowUp" => item.previous_element_sibling(),
            "Home" => item.parent_element().and_then(|p| p.first_element_child()),
            "End" => item.parent_element().and_then(|p| p.last_element_child()),
            _ => return,
        };
        if let Some(to) = to.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            ev.prevent_default();
            let _ = to.focus();
        }
    };
    view! {
        <ol class="ocr-lines" id=(!id.is_empty()).then_some(id)>
            {lines.into_iter().enumerate().map(|(i, line)| {
                let confidence = line.confidence.map(|c| crate::i18n::intl::percent(f64::from(c))).unwrap_or_default();
                view! {
                    <li
                        class="ocr-line"
                        dir="auto"
                        class:selected=move || selected.get() == Some(i)
                        data-confidence=confidence.clone()
                        on:mouseenter=move |_| selected.set(Some(i))
                        on:focusin=move |_| {
                            selected.set(Some(i));
                            current.set(i);
                        }
                        on:mouseleave=move |_| selected.set(None)
                        on:keydown=step
                        tabindex=move || if current.get() == i { "0" } else { "-1" }
                    >
                        {line.text.clone()}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The width a page is drawn at: the picture column's width on a wide window, in
/// device pixels so text stays sharp on a high-density screen.
fn page_draw_width() -> u32 {
    let density = window().device_pixel_ratio().clamp(1.0, 3.0);
    (720.0 * density).ceil() as u32
}

/// A document page by page: each page drawn as it looks (fetched when it scrolls into
/// view) beside its text, with the lines read from a scan outlined on it.
#[component]
fn Pages(
    base: RwSignal<Option<String>>,
    count: u32,
    sizes: Vec<Option<[f32; 2]>>,
    segments: Vec<SegmentView>,
    region: Signal<Option<(u32, [f32; 4])>>,
) -> impl IntoView {
    let width = page_draw_width();
    // Each page's segments, in one pass over them.
    let mut by_page = vec![Vec::new(); count as usize];
    for segment in segments {
        let index = segment.page.unwrap_or(1).saturating_sub(1) as usize;
        if let Some(page) = by_page.get_mut(index) {
            page.push(segment);
        }
    }
    view! {
        <div class="document" id="document">
            {by_page.into_iter().zip(1..=count).map(|(on_page, number)| {
                let size = sizes.get(number as usize - 1).copied().flatten();
                let found = Signal::derive(move || region.get().filter(|(page, _)| *page == number).map(|(_, b)| b));
                view! { <DocumentPage base number width size segments=on_page found/> }
            }).collect_view()}
        </div>
    }
}

#[component]
fn DocumentPage(
    base: RwSignal<Option<String>>,
    number: u32,
    width: u32,
    size: Option<[f32; 2]>,
    segments: Vec<SegmentView>,
    found: Signal<Option<[f32; 4]>>,
) -> impl IntoView {
    let selected = RwSignal::new(None::<usize>);
    let unshown = RwSignal::new(false);
    let src = move || {
        base.get()
            .map(|base| format!("{base}/page/{number}?width={width}"))
    };
    let label = t_with("source-page", &[("n", &number)]);
    // A text layer is one block of text; a scan is lines read by the OCR.
    let scanned = segments.iter().any(|s| s.confidence.is_some());
    let boxes = segments.iter().map(|s| s.bbox).collect::<Vec<_>>();
    let (w, h) = size.map_or((None, None), |[w, h]| {
        (Some(w.round() as u32), Some(h.round() as u32))
    });
    let alt = label.clone();
    view! {
        <section class="document-page picture-view" data-page=number.to_string() aria-label=label>
            <figure class="picture page-picture" class:unshown=move || unshown.get()>
                <Show
                    when=move || !unshown.get()
                    fallback=|| view! { <p class="muted page-unshown">{t("source-page_unshown")}</p> }
                >
                    <img
                        class="page-image"
                        src=src
                        width=w
                        height=h
                        loading="lazy"
                        alt=alt.clone()
                        on:error=move |_| unshown.set(true)
                    />
                    <Outlines size=Signal::stored(size) boxes=boxes.clone() selected found/>
                </Show>
            </figure>
            <section class="lines" aria-label=t_with("source-page_text", &[("n", &number)])>
                <h2 class="section-title">{t_with("source-page", &[("n", &number)])}</h2>
                {if segments.is_empty() {
                    view! { <p class="muted">{t("source-page_no_text")}</p> }.into_any()
                } else if scanned {
                    view! { <LineList lines=segments selected/> }.into_any()
                } else {
                    segments.into_iter().map(|segment| view! {
                        <div class="page-text">
                            {segment.text.lines().map(|line| view! { <p>{line.to_owned()}</p> }).collect_view()}
                        </div>
                    }).collect_view().into_any()
                }}
            </section>
        </section>
    }
}

/// A protected PDF's password, typed to read it. Kept in the encrypted library, so its
/// pages can be drawn again later.
#[component]
fn DocumentPassword(
    id: String,
    source: RwSignal<Option<SourceView>>,
    error: RwSignal<Option<ErrorView>>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let args = command::OpenDocument {
            id: id.clone(),
            password: password.get_untracked(),
        };
        busy.set(true);
        spawn_local(async move {
            match ipc::invoke(args).await {
                Ok(view) => {
                    error.set(None);
                    source.set(Some(view));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="document-password" on:submit=open>
            <label for="document-password">{t("source-password")}</label>
            <input
                id="document-password"
                type="password"
                autocomplete="off"
                prop:value=move || password.get()
                on:input=move |e| password.set(event_target_value(&e))
            />
            <button id="open-document" class="button primary" type="submit" disabled=move || busy.get() || password.with(String::is_empty)>
                {move || if busy.get() { t("source-opening") } else { t("source-open") }}
            </button>
        </form>
    }
}

/// The topics found in a source, each with the other notes and sources that share it.
#[component]
fn SourceTopics(id: String) -> impl IntoView {
    let session = session();
    let map = RwSignal::new(None::<ConceptMap>);
    let id = StoredValue::new(id);
    Effect::new(move |_| {
        session.indexed.track();
        let id = id.get_value();
        spawn_local(async move {
            // Not yet indexed, or the model missing: the section waits, quietly.
            if let Ok(found) = ipc::invoke(command::Concepts { id: Some(id) }).await {
                map.set(Some(found));
            }
        });
    });
    move || {
        map.get().filter(|m| !m.concepts.is_empty()).map(|map| {
            let me = id.get_value();
            view! {
                <section class="source-topics" id="source-topics" aria-labelledby="source-topics-title">
                    <h2 class="section-title" id="source-topics-title">{t("source-topics")}</h2>
                    <ul class="topics">
                        {map.concepts.into_iter().map(|concept| {
                            let elsewhere: Vec<_> = concept.sources.iter().filter(|s| s.source_id != me).cloned().collect();
                            let shared = elsewhere.len().to_string();
                            view! {
                                <li class="topic" data-shared=shared>
                                    <span class="topic-label" dir="auto">{concept.label.clone()}</span>
                                    {(!elsewhere.is_empty()).then(|| view! {
                                        <span class="muted">{t("source-also_in")}</span>
                                        <span class="topic-sources">
                                            {elsewhere.into_iter().map(|s| view! {
                                                <A href=owner_href(s.kind, &s.source_id) attr:class="chip">
                                                    <KindSign kind=s.kind/>{s.title}
                                                </A>
                                            }).collect_view()}
                                        </span>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
