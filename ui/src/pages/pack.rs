//! Study packs: the button that makes one from a note or source, the pack itself — a
//! summary, cards to keep, edit or delete (each saying why it was made), a quiz — and
//! the page of background jobs, where a failed one can be tried again.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use satchel_types::{
    CardKind, CardState, CardView, ErrorView, JobState, JobView, PackState, PackView, QuizQuestion,
    SourceRef, command,
};

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::pages::library::ProgressBar;
use crate::pages::search::ref_href;
use crate::widgets::{ErrorBanner, error_text};

/// "Make a study pack" for a note or source, and a way to the last one made.
#[component]
pub fn MakePack(#[prop(into)] source_id: Signal<Option<String>>) -> impl IntoView {
    let navigate = StoredValue::new_local(use_navigate());
    let latest = RwSignal::new(None::<PackView>);
    let error = RwSignal::new(None::<ErrorView>);
    let asking = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(source_id) = source_id.get() else {
            return;
        };
        spawn_local(async move {
            if let Ok(packs) = ipc::invoke(command::PacksOf { source_id }).await {
                latest.set(packs.into_iter().next());
            }
        });
    });
    let make = move |_| {
        let Some(source_id) = source_id.get_untracked() else {
            return;
        };
        asking.set(true);
        spawn_local(async move {
            match ipc::invoke(command::RequestPack { source_id }).await {
                Ok(pack) => {
                    navigate.with_value(|go| go(&format!("/packs/{}", pack.id), Default::default()))
                }
                Err(e) => error.set(Some(e)),
            }
            asking.set(false);
        });
    };
    view! {
        <div class="make-pack">
            <ErrorBanner error/>
            <button type="button" id="make-pack" class="button primary" on:click=make
                disabled=move || asking.get() || source_id.with(Option::is_none)>
                {t("pack-make")}
            </button>
            {move || latest.get().map(|pack| view! {
                <A href=format!("/packs/{}", pack.id) attr:class="link" attr:id="open-pack">
                    {t("pack-open_last")}
                </A>
            })}
        </div>
    }
}

/// A study pack: its making while it goes on, then the summary, the cards and a quiz.
#[component]
pub fn Pack() -> impl IntoView {
    let session = session();
    let params = use_params_map();
    let pack = RwSignal::new(None::<PackView>);
    let error = RwSignal::new(None::<ErrorView>);
    let id = move || params.read().get("id").unwrap_or_default();
    // Loaded on arrival, and again as its steps are done — until it is ready, when
    // the learner's work on its cards and quiz is not to be redrawn under them. Only
    // the latest answer counts: one asked earlier may arrive later.
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let id = id();
        session.packs.with(|packs| packs.get(&id).copied());
        let shown_ready = pack.with_untracked(|p| {
            p.as_ref()
                .is_some_and(|p| p.id == id && p.state == PackState::Ready)
        });
        if shown_ready {
            return;
        }
        asked.update_value(|n| *n += 1);
        let this = asked.get_value();
        spawn_local(async move {
            let answer = ipc::invoke(command::Pack { id }).await;
            if asked.get_value() != this {
                return;
            }
            match answer {
                Ok(view) => pack.set(Some(view)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <div class="page pack-page">
            <ErrorBanner error/>
            {move || pack.get().map(|pack| {
                let done = pack.tasks.iter().filter(|t| t.done).count();
                let total = pack.tasks.len();
                let back = if pack.source_id.is_empty() { "/library".to_owned() } else { ref_href(&pack_ref(&pack)) };
                let from = t_with("pack-from", &[("title", &pack.title)]);
                let ready = (pack.state == PackState::Ready).then(|| pack.clone());
                view! {
                    <header class="page-header">
                        <div>
                            <p><A href=back attr:class="link">{from}</A></p>
                            <h1>{t("pack-title")}</h1>
                        </div>
                    </header>
                    {(pack.state == PackState::Building).then(|| view! {
                        <div class="card" id="pack-building" role="status">
                            <p>{t_with("pack-building", &[("done", &done), ("total", &total)])}</p>
                            <ProgressBar done=done as i64 total=Some(total as i64)/>
                            <p class="muted">{t("pack-building_hint")}</p>
                        </div>
                    })}
                    {(pack.state == PackState::Failed).then(|| view! {
                        <div class="card" id="pack-failed">
                            <p class="banner error" role="alert">
                                {pack.error.as_ref().map(error_text).unwrap_or_else(|| t("pack-failed"))}
                            </p>
                            <A href="/jobs" attr:class="link">{t("pack-see_jobs")}</A>
                        </div>
                    })}
                    {ready.map(|pack| view! { <Ready pack/> })}
                }
            })}
        </div>
    }
}

/// Where a pack came from, as a reference to its note or source.
fn pack_ref(pack: &PackView) -> SourceRef {
    match pack.cards.first().map(|c| c.source_ref.clone()) {
        Some(mut from) => {
            from.page = None;
            from.start_ms = None;
            from.end_ms = None;
            from.bbox = None;
            from
        }
        None => SourceRef {
            source_id: pack.source_id.clone(),
            kind: satchel_types::HitKind::Document,
            title: pack.title.clone(),
            text: String::new(),
            page: None,
            start_ms: None,
            end_ms: None,
            bbox: None,
        },
    }
}

#[component]
fn Ready(pack: PackView) -> impl IntoView {
    let cards = RwSignal::new(pack.cards.clone());
    view! {
        <section class="pack-section" aria-labelledby="summary-title">
            <h2 class="section-title" id="summary-title">{t("pack-summary")}</h2>
            {pack.plain_summary.clone().map(|plain| view! {
                <p class="summary plain-summary" id="plain-summary">{plain}</p>
                <p class="muted">{t("pack-plain_by_helper")}</p>
            })}
            <p class="summary" id="pack-summary">
                {pack.summary_sentences.iter().map(|s| view! {
                    <span class="summary-sentence">{s.text.clone()}</span>
                    " "
                    <A href=ref_href(&s.source_ref) attr:class="cite" attr:title=t("pack-where_from")>
                        <span aria-hidden="true">"↗"</span>
                        <span class="visually-hidden">{t("pack-where_from")}</span>
                    </A>
                    " "
                }).collect_view()}
            </p>
        </section>
        <section class="pack-section" aria-labelledby="cards-title">
            <h2 class="section-title" id="cards-title">
                {move || t_with("pack-cards", &[("n", &cards.with(|c| c.iter().filter(|c| c.state != CardState::Deleted).count()))])}
            </h2>
            <p class="muted">{t("pack-cards_hint")}</p>
            <ol class="cards" id="pack-cards">
                {move || cards.get().into_iter().filter(|c| c.state != CardState::Deleted).map(|card| {
                    view! { <Card card cards/> }
                }).collect_view()}
            </ol>
        </section>
        {(!pack.quiz.is_empty()).then(|| view! { <Quiz questions=pack.quiz.clone()/> })}
    }
}

#[component]
fn Card(card: CardView, cards: RwSignal<Vec<CardView>>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let front = RwSignal::new(card.front.clone());
    let back = RwSignal::new(card.back.clone());
    let error = RwSignal::new(None::<ErrorView>);
    let id = card.id.clone();
    let decide = move |state: CardState, edited: Option<(String, String)>| {
        let id = id.clone();
        spawn_local(async move {
            let (front, back) = edited.unzip();
            match ipc::invoke(command::SetCard {
                id,
                state,
                front,
                back,
            })
            .await
            {
                Ok(changed) => {
                    editing.set(false);
                    cards.update(|all| {
                        if let Some(c) = all.iter_mut().find(|c| c.id == changed.id) {
                            *c = changed;
                        }
                    });
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let keep = decide.clone();
    let delete = decide.clone();
    let save = decide;
    let kind = match card.kind {
        CardKind::Cloze => t("card-kind-cloze"),
        CardKind::Definition => t("card-kind-definition"),
        CardKind::Term => t("card-kind-term"),
        CardKind::Basic => t("card-kind-basic"),
        CardKind::Reversed => t("card-kind-reversed"),
        CardKind::Choice => t("card-kind-choice"),
    };
    let state = match card.state {
        CardState::Kept => Some(t("card-kept")),
        CardState::Edited => Some(t("card-edited")),
        _ => None,
    };
    let source = card.source_ref.clone();
    // An occlusion card shows its diagram with the label it hides outlined.
    let pictured = crate::pages::study::is_label_box(&card.source_ref, &card.back)
        .then(|| card.source_ref.clone());
    view! {
        <li class="study-card" data-kind=format!("{:?}", card.kind).to_lowercase() data-state=format!("{:?}", card.state).to_lowercase()>
            <ErrorBanner error/>
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p class="card-front" dir="auto">{front.get()}</p>
                    <p class="card-back" dir="auto">{back.get()}</p>
                    {pictured.clone().map(|from| view! {
                        <crate::pages::study::Occluded from revealed=RwSignal::new(true) listed=true/>
                    })}
                }
            >
                // Each card of the pack has its own pair: the labels hold their fields
                // rather than name an id that many cards would share.
                <label>
                    <span class="visually-hidden">{t("card-front")}</span>
                    <textarea class="card-input" prop:value=move || front.get() on:input=move |ev| front.set(event_target_value(&ev))></textarea>
                </label>
                <label>
                    <span class="visually-hidden">{t("card-back")}</span>
                    <textarea class="card-input" prop:value=move || back.get() on:input=move |ev| back.set(event_target_value(&ev))></textarea>
                </label>
            </Show>
            <div class="card-actions">
                <span class="muted card-kind">{kind}</span>
                {state.map(|s| view! { <span class="badge">{s}</span> })}
                <span class="spacer"></span>
                <Show
                    when=move || editing.get()
                    fallback={
                        let keep = keep.clone();
                        let delete = delete.clone();
                        move || {
                            let keep = keep.clone();
                            let delete = delete.clone();
                            view! {
                                <button type="button" class="button quiet keep-card" on:click=move |_| keep(CardState::Kept, None)>{t("card-keep")}</button>
                                <button type="button" class="button quiet edit-card" on:click=move |_| editing.set(true)>{t("card-edit")}</button>
                                <button type="button" class="button quiet danger delete-card" on:click=move |_| delete(CardState::Deleted, None)>{t("card-delete")}</button>
                            }
                        }
                    }
                >
                    {
                        let save = save.clone();
                        view! {
                            <button type="button" class="button primary save-card"
                                on:click=move |_| save(CardState::Edited, Some((front.get_untracked(), back.get_untracked())))>
                                {t("card-save")}
                            </button>
                            <button type="button" class="button quiet" on:click=move |_| editing.set(false)>{t("create-cancel")}</button>
                        }
                    }
                </Show>
            </div>
            <details class="why">
                <summary>{t("card-why")}</summary>
                <p class="muted">{t_with("card-made_by", &[("generator", &card.generator)])}</p>
                <blockquote class="passage" dir="auto">{source.text.clone()}</blockquote>
                <A href=ref_href(&source) attr:class="link">{t_with("card-open_source", &[("title", &source.title)])}</A>
            </details>
        </li>
    }
}

#[component]
fn Quiz(questions: Vec<QuizQuestion>) -> impl IntoView {
    let chosen = RwSignal::new(vec![None::<usize>; questions.len()]);
    let checked = RwSignal::new(false);
    let answers = StoredValue::new(questions.iter().map(|q| q.answer).collect::<Vec<usize>>());
    let ids = StoredValue::new(
        questions
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<String>>(),
    );
    // The answers checked count towards how well their topics are known.
    let check = move |_| {
        if checked.get_untracked() {
            return;
        }
        checked.set(true);
        let given: Vec<(String, usize)> = ids.with_value(|ids| {
            chosen.with_untracked(|c| {
                ids.iter()
                    .zip(c)
                    .filter_map(|(id, c)| c.map(|c| (id.clone(), c)))
                    .collect()
            })
        });
        spawn_local(async move {
            for (question_id, chosen) in given {
                let _ = ipc::invoke(command::AnswerQuiz {
                    question_id,
                    chosen,
                })
                .await;
            }
        });
    };
    let total = questions.len();
    let score = move || {
        answers.with_value(|answers| {
            chosen.with(|c| {
                c.iter()
                    .zip(answers)
                    .filter(|(c, a)| **c == Some(**a))
                    .count()
            })
        })
    };
    view! {
        <section class="pack-section" aria-labelledby="quiz-title">
            <h2 class="section-title" id="quiz-title">{t("pack-quiz")}</h2>
            <ol class="quiz" id="pack-quiz">
                {questions.into_iter().enumerate().map(|(n, question)| {
                    let name = format!("question-{n}");
                    view! {
                        <li class="quiz-question">
                            <fieldset>
                                <legend>{question.question.clone()}</legend>
                                {question.choices.iter().enumerate().map(|(i, choice)| {
                                    let right = i == question.answer;
                                    view! {
                                        <label
                                            class="choice"
                                            class:right=move || checked.get() && right
                                            class:wrong=move || checked.get() && !right && chosen.with(|c| c[n] == Some(i))
                                        >
                                            <input type="radio" name=name.clone() value=i.to_string()
                                                on:change=move |_| chosen.update(|c| c[n] = Some(i))/>
                                            {choice.clone()}
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="actions">
                <button type="button" id="check-quiz" class="button primary" on:click=check>
                    {t("pack-check")}
                </button>
                <Show when=move || checked.get()>
                    <span id="quiz-score" role="status">{move || t_with("pack-score", &[("right", &score()), ("total", &total)])}</span>
                </Show>
            </div>
        </section>
    }
}

/// The background jobs: what runs, waits, failed or was stopped, with a retry for a
/// failed one.
#[component]
pub fn Jobs() -> impl IntoView {
    let session = session();
    let jobs = RwSignal::new(None::<Vec<JobView>>);
    let error = RwSignal::new(None::<ErrorView>);
    let load = move || {
        spawn_local(async move {
            match ipc::invoke(command::Jobs {}).await {
                Ok(list) => jobs.set(Some(list)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    Effect::new(move |_| {
        // Again as packs and sources move on.
        session.packs.track();
        session.progress.track();
        session.sources.track();
        load();
    });
    let act = move |retry: bool, id: String| {
        spawn_local(async move {
            let acted = if retry {
                ipc::invoke(command::RetryJob { id }).await
            } else {
                ipc::invoke(command::CancelJob { id }).await
            };
            match acted {
                Ok(_) => load(),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <div class="page jobs-page">
            <header class="page-header">
                <div>
                    <h1>{t("jobs-title")}</h1>
                    <p class="muted">{t("jobs-subtitle")}</p>
                </div>
            </header>
            <ErrorBanner error/>
            {move || jobs.get().map(|list| {
                if list.is_empty() {
                    return view! { <p class="empty">{t("jobs-none")}</p> }.into_any();
                }
                view! {
                    <ul class="jobs" id="jobs">
                        {list.into_iter().map(|job| {
                            let kind = job_kind(&job.kind);
                            let state = job_state(&job);
                            let id = job.id.clone();
                            let retry = (matches!(job.state, JobState::Dead | JobState::Cancelled)).then(|| {
                                let id = id.clone();
                                view! { <button type="button" class="button retry-job" on:click=move |_| act(true, id.clone())>{t("jobs-retry")}</button> }
                            });
                            let cancel = (matches!(job.state, JobState::Queued | JobState::Running)).then(|| {
                                let id = id.clone();
                                view! { <button type="button" class="button quiet cancel-job" on:click=move |_| act(false, id.clone())>{t("jobs-cancel")}</button> }
                            });
                            view! {
                                <li class="job" data-state=format!("{:?}", job.state).to_lowercase() data-kind=job.kind.clone()>
                                    <div class="job-line">
                                        <span class="job-kind">{kind}</span>
                                        <span class="muted">{state}</span>
                                        <span class="spacer"></span>
                                        {retry}
                                        {cancel}
                                    </div>
                                    {(job.state == JobState::Running).then(|| view! { <ProgressBar done=job.done total=job.total/> })}
                                    {job.error.as_ref().filter(|_| job.state != JobState::Done).map(|e| view! { <p class="muted job-error">{e.message.clone()}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </div>
    }
}

fn job_kind(kind: &str) -> String {
    match kind {
        "read" => t("jobs-kind-read"),
        "index" => t("jobs-kind-index"),
        kind => match pack_step(kind) {
            Some(step) => t_with("jobs-kind-pack", &[("step", &t(step))]),
            None => kind.to_owned(),
        },
    }
}

/// The words for a study pack's step, from its job kind (`pack.summary`).
fn pack_step(kind: &str) -> Option<&'static str> {
    Some(match kind.strip_prefix("pack.")? {
        "extract" => "jobs-step-extract",
        "index" => "jobs-step-index",
        "summary" => "jobs-step-summary",
        "concepts" => "jobs-step-concepts",
        "cards" => "jobs-step-cards",
        "quiz" => "jobs-step-quiz",
        "validate" => "jobs-step-validate",
        "deliver" => "jobs-step-deliver",
        _ => return None,
    })
}

fn job_state(job: &JobView) -> String {
    match job.state {
        JobState::Queued if job.attempts > 0 => t_with(
            "jobs-retrying",
            &[("n", &(job.attempts + 1)), ("max", &job.max_attempts)],
        ),
        JobState::Queued => t("jobs-queued"),
        JobState::Running => t("jobs-running"),
        JobState::Done => t("jobs-done"),
        JobState::Dead => t_with("jobs-dead", &[("n", &job.attempts)]),
        JobState::Cancelled => t("jobs-cancelled"),
    }
}
