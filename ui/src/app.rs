//! The app's frame: routes, the sidebar layout, and the session state that events
//! from the core keep current.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_navigate;
use leptos_router::path;
use std::collections::HashMap;

use satchel_types::{
    Event, NoteSummary, PackState, ProfileView, RecordingView, SourceSummary, SyncStatus, command,
};

use crate::i18n::t;
use crate::ipc;
use crate::pages::class::ClassPage;
use crate::pages::pack::{Jobs, Pack};
use crate::pages::progress::Progress;
use crate::pages::search::{Ask, SearchBar, SearchResults, Topics};
use crate::pages::study::{Cards, Review, StudyNow};
use crate::pages::{
    editor::Editor, library::Library, settings::Settings, source::Source, welcome::Welcome,
};
use crate::recorder::Recorder;
use crate::theme::Theme;

/// Who is signed in and their library list; shared by every page.
#[derive(Clone, Copy)]
pub struct Session {
    pub profile: RwSignal<Option<ProfileView>>,
    pub notes: RwSignal<Vec<NoteSummary>>,
    pub sources: RwSignal<Vec<SourceSummary>>,
    /// How far each running transcription has got: (done, total) in ms.
    pub progress: RwSignal<HashMap<String, (i64, Option<i64>)>>,
    /// The recording being made from the microphone, if any.
    pub recording: RwSignal<Option<LiveRecording>>,
    /// Getting what is new ready to search: (done, total) passages, while it runs.
    pub indexing: RwSignal<Option<(u64, u64)>>,
    /// Counts finished indexings, so search results and concepts shown refresh.
    pub indexed: RwSignal<u32>,
    /// Study packs being made or made, by id: how far each is.
    pub packs: RwSignal<HashMap<String, PackProgress>>,
    /// Counts answers, undos and card changes, so what shows progress refreshes.
    pub learned: RwSignal<u32>,
    /// Where sync stands (loaded when a library opens, then from events).
    pub sync: RwSignal<Option<SyncStatus>>,
    /// A sync under way: rounds so far and bytes moved.
    pub syncing: RwSignal<Option<(u32, u64)>>,
    /// A pack the class offers, downloading: its name, bytes held and its size.
    pub offer_progress: RwSignal<Option<(String, u64, u64)>>,
}

/// A study pack's making, as its events tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackProgress {
    pub state: PackState,
    pub done: u32,
    pub total: u32,
}

/// A recording in progress, as the level events tell it.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveRecording {
    pub view: RecordingView,
    pub level_db: i16,
}

impl Session {
    fn new() -> Self {
        Self {
            profile: RwSignal::new(None),
            notes: RwSignal::new(Vec::new()),
            sources: RwSignal::new(Vec::new()),
            progress: RwSignal::new(HashMap::new()),
            recording: RwSignal::new(None),
            indexing: RwSignal::new(None),
            indexed: RwSignal::new(0),
            packs: RwSignal::new(HashMap::new()),
            learned: RwSignal::new(0),
            sync: RwSignal::new(None),
            syncing: RwSignal::new(None),
            offer_progress: RwSignal::new(None),
        }
    }

    /// Keeps the library current from the core's events (never by polling).
    fn apply(&self, event: Event) {
        match event {
            Event::NoteSaved { note } => self.notes.update(|notes| {
                notes.retain(|n| n.id != note.id);
                notes.insert(0, note);
            }),
            Event::NoteDeleted { id } => self.notes.update(|notes| notes.retain(|n| n.id != id)),
            Event::ProfileKeyRotated { .. } => {}
            Event::SourceSaved { source } => {
                self.progress.update(|p| {
                    p.remove(&source.id);
                });
                self.sources.update(|sources| {
                    sources.retain(|s| s.id != source.id);
                    sources.insert(0, source);
                });
            }
            Event::SourceDeleted { id } => {
                self.sources
                    .update(|sources| sources.retain(|s| s.id != id));
            }
            Event::SourceProgress {
                id,
                done_ms,
                total_ms,
            } => self.progress.update(|p| {
                p.insert(id, (done_ms, total_ms));
            }),
            // A document's reading, page by page: the same bar, counted in pages.
            Event::SourcePages { id, done, total } => self.progress.update(|p| {
                p.insert(id, (done, Some(total)));
            }),
            Event::RecordingLevel {
                elapsed_ms,
                level_db,
                live,
            } => self.recording.update(|recording| {
                if let Some(recording) = recording {
                    recording.view.elapsed_ms = elapsed_ms;
                    recording.view.live = live;
                    recording.level_db = level_db;
                }
            }),
            Event::RecordingEnded { .. } => self.recording.set(None),
            Event::Indexing { done, total } if done >= total => {
                self.indexing.set(None);
                self.indexed.update(|n| *n += 1);
            }
            Event::Indexing { done, total } => self.indexing.set(Some((done, total))),
            // The jobs page listens for itself.
            Event::JobUpdated { .. } | Event::JobProgress { .. } | Event::JobFailed { .. } => {}
            Event::PackUpdated {
                id,
                state,
                done,
                total,
                ..
            } => self.packs.update(|packs| {
                packs.insert(id, PackProgress { state, done, total });
            }),
            Event::PackReady { .. } => {}
            Event::ReviewLogged { .. }
            | Event::CardsChanged { .. }
            | Event::LearningOptimised { .. } => self.learned.update(|n| *n += 1),
            Event::SyncProgress {
                rounds,
                bytes_sent,
                bytes_received,
            } => self
                .syncing
                .set(Some((rounds, bytes_sent + bytes_received))),
            Event::OfferProgress { name, bytes, total } => {
                self.offer_progress.set(Some((name, bytes, total)))
            }
            // Study now and the class page read lessons again.
            Event::LessonArrived { .. } => self.learned.update(|n| *n += 1),
            Event::SyncDone { status } => {
                self.syncing.set(None);
                self.sync.set(Some(status));
                // What arrived may be new cards, reviews and notes.
                self.learned.update(|n| *n += 1);
            }
        }
    }
}

pub fn session() -> Session {
    expect_context::<Session>()
}

#[component]
pub fn App() -> impl IntoView {
    let session = Session::new();
    provide_context(session);
    Theme::load().apply();
    crate::i18n::apply_to_document();
    let language = RwSignal::new(0u32);
    provide_context(crate::widgets::LanguageChanged(language));
    spawn_local(async move {
        ipc::listen_to_events(move |event| session.apply(event)).await;
    });
    // Tells the shell the first frame is up (for the cold-start benchmark).
    request_animation_frame(|| {
        spawn_local(async {
            let _ = ipc::invoke(command::FirstPaint {}).await;
        })
    });

    // A new language draws every page again; the session (who is signed in, what is
    // running) is kept, and the router puts the learner back where they were.
    move || {
        language.track();
        view! {
        <Router>
            <Routes fallback=|| view! { <Welcome/> }>
                <Route path=path!("/") view=Welcome/>
                <Route path=path!("/library") view=|| view! { <Shell><Library/></Shell> }/>
                <Route path=path!("/notes/:id") view=|| view! { <Shell><Editor/></Shell> }/>
                <Route path=path!("/sources/:id") view=|| view! { <Shell><Source/></Shell> }/>
                <Route path=path!("/settings") view=|| view! { <Shell><Settings/></Shell> }/>
                <Route path=path!("/search") view=|| view! { <Shell><SearchResults/></Shell> }/>
                <Route path=path!("/ask") view=|| view! { <Shell><Ask/></Shell> }/>
                <Route path=path!("/topics") view=|| view! { <Shell><Topics/></Shell> }/>
                <Route path=path!("/packs/:id") view=|| view! { <Shell><Pack/></Shell> }/>
                <Route path=path!("/jobs") view=|| view! { <Shell><Jobs/></Shell> }/>
                <Route path=path!("/study") view=|| view! { <Shell><StudyNow/></Shell> }/>
                <Route path=path!("/review") view=|| view! { <Shell><Review/></Shell> }/>
                <Route path=path!("/cards") view=|| view! { <Shell><Cards/></Shell> }/>
                <Route path=path!("/progress") view=|| view! { <Shell><Progress/></Shell> }/>
                <Route path=path!("/class") view=|| view! { <Shell><ClassPage/></Shell> }/>
                <Route path=path!("/help") view=|| view! { <Shell><crate::pages::help::Help/></Shell> }/>
                <Route path=path!("/print/deck") view=|| view! { <Shell><crate::pages::print::DeckSheet/></Shell> }/>
                <Route path=path!("/print/class/:id") view=|| view! { <Shell><crate::pages::print::ClassReportSheet/></Shell> }/>
            </Routes>
        </Router>
        }
    }
}

/// Titles the window after the page's heading and, when the page changed, moves the
/// focus there.
fn name_the_page(focus: bool) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let heading = document.query_selector("#content h1").ok().flatten();
    let name = heading
        .as_ref()
        .and_then(|h| h.text_content())
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty());
    document.set_title(&match name {
        Some(name) => format!("{name} — {}", t("app-name")),
        None => t("app-name"),
    });
    if !focus {
        return;
    }
    let content = document.get_element_by_id("content");
    let placed = document
        .active_element()
        .zip(content)
        .is_some_and(|(active, content)| active != content && content.contains(Some(&active)));
    if placed {
        return;
    }
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

/// The sidebar layout around every page of an open library; with no library open it
/// sends the learner to the profile picker.
#[component]
fn Shell(children: Children) -> impl IntoView {
    let session = session();
    let navigate = use_navigate();
    let to_welcome = navigate.clone();
    Effect::new(move |_| {
        if session.profile.with(Option::is_none) {
            to_welcome("/", Default::default());
        }
    });
    // The learner's days turn at 04:00 where they are: the core hears the time zone
    // each time a library is opened (a laptop travels).
    Effect::new(move |_| {
        if session.profile.with(Option::is_none) {
            return;
        }
        crate::i18n::tell_the_shell();
        let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        spawn_local(async move {
            let _ = ipc::invoke(command::SetTimeZone { minutes }).await;
        });
    });
    // A page change is told as one: the window's title names the page, and the
    // keyboard's focus moves to its heading (unless the page put it in one of its
    // fields already), so that a screen reader says where the learner now is.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let moved = previous.is_some_and(|p| p != path);
        request_animation_frame(move || name_the_page(moved));
        path
    });
    // `?` opens the shortcut sheet and `/` the search box, from anywhere but a field
    // being typed into.
    let to_help = navigate.clone();
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let typing = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| {
                matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || e.has_attribute("contenteditable")
            });
        if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        match event.key().as_str() {
            "?" => {
                event.prevent_default();
                to_help("/help#shortcuts", Default::default());
            }
            "/" => {
                if let Ok(Some(input)) = document().query_selector("input[type=search]")
                    && let Ok(input) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input)
                {
                    event.prevent_default();
                    let _ = input.focus();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let switch_learner = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            let _ = ipc::invoke(command::LockProfile {}).await;
            session.notes.set(Vec::new());
            session.sources.set(Vec::new());
            session.progress.set(HashMap::new());
            session.recording.set(None);
            session.indexing.set(None);
            session.sync.set(None);
            session.syncing.set(None);
            session.profile.set(None);
            navigate("/", Default::default());
        });
    };
    let learner = move || {
        session
            .profile
            .with(|p| p.as_ref().map(|p| p.name.clone()).unwrap_or_default())
    };
    let initial = move || {
        learner()
            .chars()
            .next()
            .map(|c| c.to_uppercase().to_string())
            .unwrap_or_default()
    };

    view! {
        <div class="layout">
            <nav class="sidebar" aria-label=t("nav-main")>
                <div class="brand">{t("app-name")}</div>
                <ul class="nav-list">
                    <li><A href="/study" attr:id="nav-study">{t("nav-study")}</A></li>
                    <li><A href="/library">{t("nav-library")}</A></li>
                    <li><A href="/ask">{t("nav-ask")}</A></li>
                    <li><A href="/topics">{t("nav-topics")}</A></li>
                    <li><A href="/cards" attr:id="nav-cards">{t("nav-cards")}</A></li>
                    <li><A href="/progress" attr:id="nav-progress">{t("nav-progress")}</A></li>
                    <li><A href="/class" attr:id="nav-class">{t("nav-class")}</A></li>
                    <li><A href="/jobs">{t("nav-jobs")}</A></li>
                    <li><A href="/settings">{t("nav-settings")}</A></li>
                    <li><A href="/help" attr:id="nav-help" attr:aria-keyshortcuts="?">{t("nav-help")}</A></li>
                </ul>
                <div class="sidebar-footer">
                    <div class="learner">
                        <span class="avatar" aria-hidden="true">{initial}</span>
                        <span id="current-learner">{learner}</span>
                    </div>
                    <button id="switch-learner" class="button quiet" on:click=switch_learner>
                        {t("nav-switch_learner")}
                    </button>
                </div>
            </nav>
            <main class="content" id="content">
                <SearchBar/>
                <Recorder/>
                {children()}
            </main>
        </div>
    }
}
