//! Finding things: the search bar over everything, its results (each passage with the
//! words searched for marked, a sign of what kind of thing it is in, and a link to the
//! very page, moment or region), Ask (the passages that answer a question, the
//! answering sentence marked, with where it is from), and the topics across the
//! library.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use satchel_types::{Answer, ConceptMap, ErrorView, HitKind, SearchHit, SourceRef, command};

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::pages::library::ProgressBar;
use crate::widgets::{ErrorBanner, clock};

/// The search box at the top of every page, and a quiet line while what is new is
/// being made searchable.
#[component]
pub fn SearchBar() -> impl IntoView {
    let session = session();
    let navigate = use_navigate();
    let query = use_query_map();
    let typed = RwSignal::new(String::new());
    // The box shows the search whose results are on screen.
    Effect::new(move |_| {
        if let Some(q) = query.read().get("q") {
            typed.set(q);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = typed.get_untracked();
        if !q.trim().is_empty() {
            let encoded = String::from(js_sys::encode_uri_component(q.trim()));
            navigate(&format!("/search?q={encoded}"), Default::default());
        }
    };
    view! {
        <div class="top-bar">
            <form class="search-form" role="search" on:submit=submit>
                <input
                    id="search-input"
                    type="search"
                    class="search-input"
                    placeholder=t("search-placeholder")
                    aria-label=t("search-label")
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button type="submit" class="button" id="search-submit">{t("search-submit")}</button>
                <super::sync::SyncIndicator/>
            </form>
            {move || session.indexing.get().map(|(done, total)| view! {
                <div class="indexing" id="indexing" role="status">
                    <span class="muted">{t_with("search-indexing", &[("done", &done), ("total", &total)])}</span>
                    <ProgressBar done=done as i64 total=Some(total as i64)/>
                </div>
            })}
        </div>
    }
}

/// What a hit is in, as a sign and in words for screen readers.
#[component]
pub fn KindSign(kind: HitKind) -> impl IntoView {
    let (sign, key) = match kind {
        HitKind::Note => ("✎", "kind-note"),
        HitKind::Audio => ("♪", "kind-audio"),
        HitKind::Image => ("▣", "kind-image"),
        HitKind::Document => ("▤", "kind-document"),
        HitKind::Text => ("¶", "kind-text"),
    };
    view! {
        <span class="kind-sign" data-kind=format!("{kind:?}").to_lowercase() title=t(key)>
            <span aria-hidden="true">{sign}</span>
            <span class="visually-hidden">{t(key)}</span>
        </span>
    }
}

/// Where a hit leads: a note, or a source opened at its page, moment or region.
pub fn hit_href(hit: &SearchHit) -> String {
    place_href(hit.kind, &hit.source_id, hit.page, hit.start_ms, hit.bbox)
}

/// Where a piece of study material came from, as a link.
pub fn ref_href(from: &SourceRef) -> String {
    place_href(
        from.kind,
        &from.source_id,
        from.page,
        from.start_ms,
        from.bbox,
    )
}

fn place_href(
    kind: HitKind,
    id: &str,
    page: Option<u32>,
    start_ms: Option<i64>,
    bbox: Option<[f32; 4]>,
) -> String {
    if kind == HitKind::Note {
        return format!("/notes/{id}");
    }
    let mut params = Vec::new();
    if let Some(page) = page {
        params.push(format!("page={page}"));
    }
    if let Some(ms) = start_ms {
        params.push(format!("t={ms}"));
    }
    if let Some([x, y, w, h]) = bbox {
        params.push(format!("region={x},{y},{w},{h}"));
    }
    if params.is_empty() {
        format!("/sources/{id}")
    } else {
        format!("/sources/{id}?{}", params.join("&"))
    }
}

/// Where a hit is, in words: "page 3", "at 4:05".
fn place(hit: &SearchHit) -> Option<String> {
    match (hit.kind, hit.page, hit.start_ms) {
        (HitKind::Document, Some(page), _) => Some(t_with("source-page", &[("n", &page)])),
        (_, _, Some(ms)) => Some(t_with("search-at", &[("time", &clock(ms))])),
        _ => None,
    }
}

/// `text` with the byte ranges `marks` marked (ranges in order, not overlapping).
#[component]
fn Marked(
    text: String,
    marks: Vec<[usize; 2]>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let mut pieces = Vec::new();
    let mut at = 0;
    for [start, end] in marks {
        if start < at
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        pieces.push((text[at..start].to_owned(), false));
        pieces.push((text[start..end].to_owned(), true));
        at = end;
    }
    pieces.push((text[at..].to_owned(), false));
    pieces
        .into_iter()
        .filter(|(piece, _)| !piece.is_empty())
        .map(|(piece, marked)| {
            if marked {
                view! { <mark class=class>{piece}</mark> }.into_any()
            } else {
                view! { <span>{piece}</span> }.into_any()
            }
        })
        .collect_view()
}

/// The title line of a hit: its sign, its title, where in it.
#[component]
fn HitHeading(hit: SearchHit) -> impl IntoView {
    let where_ = place(&hit);
    view! {
        <span class="hit-heading">
            <KindSign kind=hit.kind/>
            <span class="hit-title">{hit.title.clone()}</span>
            {where_.map(|w| view! { <span class="muted hit-place">{w}</span> })}
        </span>
    }
}

#[component]
pub fn SearchResults() -> impl IntoView {
    let session = session();
    let query = use_query_map();
    let hits = RwSignal::new(None::<Vec<SearchHit>>);
    let error = RwSignal::new(None::<ErrorView>);
    let q = move || query.read().get("q").unwrap_or_default();
    // Searched on arrival, and again when newly added things become searchable.
    Effect::new(move |_| {
        let query = q();
        session.indexed.track();
        if query.trim().is_empty() {
            hits.set(Some(Vec::new()));
            return;
        }
        spawn_local(async move {
            match ipc::invoke(command::Search { query }).await {
                Ok(found) => {
                    error.set(None);
                    hits.set(Some(found));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <div class="page search-page">
            <header class="page-header">
                <h1>{move || t_with("search-title", &[("query", &q())])}</h1>
            </header>
            <ErrorBanner error/>
            {move || hits.get().map(|hits| {
                if hits.is_empty() {
                    return view! { <p class="empty" id="no-hits">{t("search-nothing")}</p> }.into_any();
                }
                view! {
                    <ol class="hits" id="hits">
                        {hits.into_iter().map(|hit| {
                            let href = hit_href(&hit);
                            let text = hit.text.clone();
                            let marks = hit.highlights.clone();
                            let kind = format!("{:?}", hit.kind).to_lowercase();
                            view! {
                                <li class="hit" data-kind=kind>
                                    <A href=href attr:class="hit-link">
                                        <HitHeading hit=hit.clone()/>
                                        <span class="snippet"><Marked text marks/></span>
                                    </A>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            })}
        </div>
    }
}

/// Ask: a question, and the passages from the learner's own material that answer it.
#[component]
pub fn Ask() -> impl IntoView {
    let question = RwSignal::new(String::new());
    let answers = RwSignal::new(None::<Vec<Answer>>);
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorView>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let question = question.get_untracked();
        if question.trim().is_empty() {
            return;
        }
        asking.set(true);
        spawn_local(async move {
            match ipc::invoke(command::Ask { question }).await {
                Ok(found) => {
                    error.set(None);
                    answers.set(Some(found));
                }
                Err(e) => error.set(Some(e)),
            }
            asking.set(false);
        });
    };
    view! {
        <div class="page ask-page">
            <header class="page-header">
                <div>
                    <h1>{t("ask-title")}</h1>
                    <p class="muted">{t("ask-subtitle")}</p>
                </div>
            </header>
            <form class="ask-form" on:submit=submit>
                <label class="visually-hidden" for="ask-input">{t("ask-label")}</label>
                <input
                    id="ask-input"
                    class="ask-input"
                    type="text"
                    placeholder=t("ask-placeholder")
                    prop:value=move || question.get()
                    on:input=move |ev| question.set(event_target_value(&ev))
                />
                <button type="submit" class="button primary" id="ask-submit" disabled=move || asking.get()>
                    {move || if asking.get() { t("ask-asking") } else { t("ask-submit") }}
                </button>
            </form>
            <ErrorBanner error/>
            {move || answers.get().map(|answers| {
                if answers.is_empty() {
                    return view! { <p class="empty" id="no-answers">{t("ask-nothing")}</p> }.into_any();
                }
                view! {
                    <ol class="answers" id="answers">
                        {answers.into_iter().map(|answer| {
                            let href = hit_href(&answer.hit);
                            view! {
                                <li class="answer card">
                                    <blockquote class="passage" dir="auto">
                                        <Marked text=answer.hit.text.clone() marks=vec![answer.sentence] class="answer-sentence"/>
                                    </blockquote>
                                    <p class="citation">
                                        <A href=href attr:class="link citation-link">
                                            <HitHeading hit=answer.hit.clone()/>
                                        </A>
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            })}
        </div>
    }
}

/// A note's or source's page in the library.
pub fn owner_href(kind: HitKind, id: &str) -> String {
    match kind {
        HitKind::Note => format!("/notes/{id}"),
        _ => format!("/sources/{id}"),
    }
}

/// The topics across the library: each concept with where it is found, and which
/// notes and sources share topics.
#[component]
pub fn Topics() -> impl IntoView {
    let session = session();
    let map = RwSignal::new(None::<ConceptMap>);
    let error = RwSignal::new(None::<ErrorView>);
    Effect::new(move |_| {
        session.indexed.track();
        spawn_local(async move {
            match ipc::invoke(command::Concepts { id: None }).await {
                Ok(found) => map.set(Some(found)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <div class="page topics-page">
            <header class="page-header">
                <div>
                    <h1>{t("topics-title")}</h1>
                    <p class="muted">{t("topics-subtitle")}</p>
                </div>
            </header>
            <ErrorBanner error/>
            {move || map.get().map(|map| {
                if map.concepts.is_empty() {
                    return view! { <p class="empty" id="no-topics">{t("topics-none")}</p> }.into_any();
                }
                let titles: std::collections::HashMap<String, (HitKind, String)> = map
                    .concepts
                    .iter()
                    .flat_map(|c| c.sources.iter())
                    .map(|s| (s.source_id.clone(), (s.kind, s.title.clone())))
                    .collect();
                let labels: std::collections::HashMap<i64, String> =
                    map.concepts.iter().map(|c| (c.id, c.label.clone())).collect();
                view! {
                    <ul class="topics" id="topics">
                        {map.concepts.into_iter().map(|concept| {
                            let count = concept.sources.len().to_string();
                            view! {
                            <li class="topic" data-sources=count>
                                <span class="topic-label" dir="auto">{concept.label.clone()}</span>
                                <span class="topic-sources">
                                    {concept.sources.into_iter().map(|s| view! {
                                        <A href=owner_href(s.kind, &s.source_id) attr:class="chip">
                                            <KindSign kind=s.kind/>{s.title}
                                        </A>
                                    }).collect_view()}
                                </span>
                            </li>
                        }}).collect_view()}
                    </ul>
                    {(!map.links.is_empty()).then(|| view! {
                        <h2 class="section-title">{t("topics-shared")}</h2>
                        <ul class="topic-links" id="topic-links">
                            {map.links.iter().map(|link| {
                                let name = |id: &String| titles.get(id).map(|(_, t)| t.clone()).unwrap_or_default();
                                let shared: Vec<String> = link.concepts.iter().filter_map(|c| labels.get(c).cloned()).collect();
                                view! {
                                    <li>
                                        {t_with("topics-link", &[("a", &name(&link.sources[0])), ("b", &name(&link.sources[1])), ("topics", &shared.join(", "))])}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                }.into_any()
            })}
        </div>
    }
}
