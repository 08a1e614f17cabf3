//! Pages made to be printed: a deck as a sheet of questions with its answers after
//! them, and a class's report. Each is also a page of the app, so what will be printed
//! is what the learner sees first; the print stylesheet leaves the app's frame and
//! every control off the paper.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};
use satchel_types::{ClassReport, ErrorView, StudyCard, command};

use crate::i18n::{t, t_with};
use crate::ipc;
use crate::widgets::{ErrorBanner, PrintButtons, deck_name, local_date};

/// A deck (`?deck=` its id) as a sheet: every card's question numbered, and on a page
/// of its own the answers under the same numbers.
#[component]
pub fn DeckSheet() -> impl IntoView {
    let query = use_query_map();
    let name = RwSignal::new(String::new());
    let cards = RwSignal::new(None::<Vec<StudyCard>>);
    let error = RwSignal::new(None::<ErrorView>);
    Effect::new(move |_| {
        let Some(deck) = query.read().get("deck") else {
            cards.set(Some(Vec::new()));
            return;
        };
        spawn_local(async move {
            match ipc::invoke(command::Decks {}).await {
                Ok(decks) => {
                    if let Some(found) = decks.into_iter().find(|d| d.id == deck) {
                        name.set(deck_name(&found.name));
                    }
                }
                Err(e) => error.set(Some(e)),
            }
            match ipc::invoke(command::StudyCards { deck: Some(deck) }).await {
                // A suspended card is out of study, and out of the sheet.
                Ok(list) => cards.set(Some(list.into_iter().filter(|c| !c.suspended).collect())),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let title = Signal::derive(move || t_with("sheet-title", &[("deck", &name.get())]));
    view! {
        <div class="page sheet" id="deck-sheet">
            <SheetHeader title error/>
            {move || cards.get().map(|cards| if cards.is_empty() {
                view! { <p class="empty">{t("sheet-empty")}</p> }.into_any()
            } else {
                view! {
                    <h2 class="section-title">{t("sheet-questions")}</h2>
                    <ol class="sheet-questions" id="sheet-questions">
                        {cards.iter().map(|card| view! {
                            <li>
                                <p class="sheet-question">{card.front.clone()}</p>
                                {(!card.choices.is_empty()).then(|| view! {
                                    <ol class="sheet-choices" type="a">
                                        {card.choices.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}
                                    </ol>
                                })}
                                <div class="sheet-space" aria-hidden="true"></div>
                            </li>
                        }).collect_view()}
                    </ol>
                    <section class="sheet-answers" aria-labelledby="sheet-answers-title">
                        <h2 class="section-title" id="sheet-answers-title">{t("sheet-answers")}</h2>
                        <ol id="sheet-answers">
                            {cards.iter().map(|card| view! { <li>{card.back.clone()}</li> }).collect_view()}
                        </ol>
                    </section>
                }.into_any()
            })}
        </div>
    }
}

/// A class's report (`/print/class/:id`): completion, the mastery matrix and who is
/// struggling, dated, with nothing else of the class page.
#[component]
pub fn ClassReportSheet() -> impl IntoView {
    let params = use_params_map();
    let report = RwSignal::new(None::<ClassReport>);
    let error = RwSignal::new(None::<ErrorView>);
    Effect::new(move |_| {
        let Some(class_id) = params.read().get("id") else {
            return;
        };
        spawn_local(async move {
            match ipc::invoke(command::ClassReport { class_id }).await {
                Ok(r) => report.set(Some(r)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let title = Signal::derive(move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| t_with("class-report_title", &[("class", &r.class.name)]))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="page sheet" id="class-report-sheet">
            <SheetHeader title error/>
            {move || report.get().map(|r| view! { <super::class::Dashboard report=r sheet=true/> })}
        </div>
    }
}

/// A printable page's heading, its Print and Save as PDF, and today's date (a sheet
/// handed out says when it was made).
#[component]
fn SheetHeader(title: Signal<String>, error: RwSignal<Option<ErrorView>>) -> impl IntoView {
    view! {
        <header class="page-header">
            <h1>{title}</h1>
            <PrintButtons name=title/>
        </header>
        <p class="muted sheet-date">{local_date(js_sys::Date::now() as i64)}</p>
        <ErrorBanner error/>
    }
}
