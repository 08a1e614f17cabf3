//! Studying: "Study now" (what to do next, in order), the review session (one card at
//! a time, Space to show, 1–4 to answer, U to undo), and the cards page (decks, writing
//! a card, and keeping cards out of reviews).

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use satchel_types::{
    AnkiExported, AnkiImported, CardDraft, CardHelp, CardKind, CardMedia, CardSide, DeckView,
    ErrorView, HitKind, MediaFile, NextCard, Rating, SourceRef, StudyCard, StudyStep, command,
};

use crate::app::session;
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::pages::search::{owner_href, ref_href};
use crate::widgets::ErrorBanner;

const DAY_MS: i64 = 86_400_000;

/// A picture or a sound on a card, served from the encrypted store.
#[component]
fn MediaView(media: CardMedia, side: CardSide, text: String) -> impl IntoView {
    let url = RwSignal::new(None::<String>);
    let id = format!("card/{}", media.blob_id);
    spawn_local(async move {
        if let Ok(found) = ipc::invoke(command::MediaUrl { id }).await {
            url.set(Some(found));
        }
    });
    let audio = media.mime.starts_with("audio/");
    // Said by what the card says, not by the file's name ("img_0042.jpg").
    let name = match (audio, side) {
        (false, CardSide::Front) => t_with("review-picture_front", &[("text", &text)]),
        (false, CardSide::Back) => t_with("review-picture_back", &[("text", &text)]),
        (true, CardSide::Front) => t_with("review-sound_front", &[("text", &text)]),
        (true, CardSide::Back) => t_with("review-sound_back", &[("text", &text)]),
    };
    move || {
        url.get().map(|url| {
            if audio {
                view! { <audio class="card-audio" controls src=url aria-label=name.clone()></audio> }.into_any()
            } else {
                view! { <img class="card-picture" src=url alt=name.clone()/> }.into_any()
            }
        })
    }
}

fn side_media(media: &[CardMedia], side: CardSide, text: &str) -> impl IntoView + use<> {
    media
        .iter()
        .filter(|m| m.side == side)
        .cloned()
        .map(|media| view! { <MediaView media side text=text.to_owned()/> })
        .collect_view()
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// "10 min", "3 d", as an answer button says when the card comes back.
pub fn wait_text(ms: i64) -> String {
    let minutes = ms / 60_000;
    if minutes < 60 {
        t_with("review-in_minutes", &[("n", &minutes.max(1))])
    } else if ms < DAY_MS {
        t_with("review-in_hours", &[("n", &(minutes / 60))])
    } else if ms < 60 * DAY_MS {
        t_with("review-in_days", &[("n", &((ms + DAY_MS / 2) / DAY_MS))])
    } else {
        t_with("review-in_months", &[("n", &(ms / (30 * DAY_MS)))])
    }
}

fn rating_label(rating: Rating) -> String {
    t(match rating {
        Rating::Again => "review-again",
        Rating::Hard => "review-hard",
        Rating::Good => "review-good",
        Rating::Easy => "review-easy",
    })
}

/// What to study now: reviews due, the concepts known least, and new cards.
#[component]
pub fn StudyNow() -> impl IntoView {
    let session = session();
    let steps = RwSignal::new(None::<Vec<StudyStep>>);
    let error = RwSignal::new(None::<ErrorView>);
    Effect::new(move |_| {
        session.learned.track();
        spawn_local(async move {
            match ipc::invoke(command::StudyNow {}).await {
                Ok(list) => steps.set(Some(list)),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <div class="page">
            <header class="page-header">
                <h1>{t("study-title")}</h1>
                <A href="/cards" attr:class="button">{t("cards-title")}</A>
            </header>
            <ErrorBanner error/>
            {move || steps.get().map(|steps| {
                if steps.is_empty() {
                    return view! {
                        <p class="empty" id="study-nothing">{t("study-nothing")}</p>
                    }.into_any();
                }
                view! {
                    <ol class="study-steps" id="study-steps">
                        {steps.into_iter().map(|step| view! { <li class="study-step">{step_view(step)}</li> }).collect_view()}
                    </ol>
                }.into_any()
            })}
        </div>
    }
}

fn step_view(step: StudyStep) -> AnyView {
    match step {
        StudyStep::Reviews { due, learning } => view! {
            <div class="step-text">
                <strong>{t_with("study-reviews", &[("n", &(due + learning))])}</strong>
            </div>
            <A href="/review" attr:class="button primary" attr:id="start-reviews">{t("study-start")}</A>
        }
        .into_any(),
        StudyStep::Concept { mastery } => {
            let percent = crate::i18n::intl::percent(f64::from(mastery.mastery));
            view! {
                <div class="step-text">
                    <strong>{mastery.label.clone()}</strong>
                    <span class="muted">{t_with("study-known", &[("percent", &percent), ("title", &mastery.owner_title)])}</span>
                </div>
                <A href=owner_href(mastery.owner_kind, &mastery.owner_id) attr:class="button">{t("study-read")}</A>
                {mastery.pack_id.map(|id| view! {
                    <A href=format!("/packs/{id}") attr:class="button">{t("study-pack")}</A>
                })}
            }
            .into_any()
        }
        StudyStep::Lesson { lesson } => view! {
            <div class="step-text">
                <strong>{t_with("study-lesson", &[("title", &lesson.title), ("teacher", &lesson.teacher)])}</strong>
                <span class="muted">{t_with("study-lesson_left", &[("left", &lesson.cards.saturating_sub(lesson.studied)), ("cards", &lesson.cards)])}</span>
            </div>
            <A href=format!("/review?deck={}", lesson.deck_id) attr:class="button primary" attr:id="study-lesson">{t("class-study")}</A>
        }
        .into_any(),
        StudyStep::New { deck_id, deck, new } => view! {
            <div class="step-text">
                <strong>{t_with("study-new", &[("n", &new), ("deck", &crate::widgets::deck_name(&deck))])}</strong>
            </div>
            <A href=format!("/review?deck={deck_id}") attr:class="button">{t("study-learn")}</A>
        }
        .into_any(),
    }
}

/// A review session: one card at a time, in big type.
#[component]
pub fn Review() -> impl IntoView {
    let query = use_query_map();
    let deck = move || query.read().get("deck");
    let current = RwSignal::new(None::<NextCard>);
    let finished = RwSignal::new(false);
    let revealed = RwSignal::new(false);
    let chosen = RwSignal::new(None::<usize>);
    let answered = RwSignal::new(0u32);
    let spent_ms = RwSignal::new(0f64);
    let shown_at = StoredValue::new(now_ms());
    let seconds = RwSignal::new(0i64);
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorView>);
    // The tutor: after "again" on a card from a source, its passage (and whether an
    // easier card comes next) before the next card; a hint on a question; an
    // explanation of an answer.
    let tutor = RwSignal::new(None::<(CardHelp, bool)>);
    let help = RwSignal::new(None::<CardHelp>);
    let explaining = RwSignal::new(false);

    let show = move |next: Option<NextCard>| {
        finished.set(next.is_none());
        current.set(next);
        revealed.set(false);
        chosen.set(None);
        help.set(None);
        explaining.set(false);
        shown_at.set_value(now_ms());
        seconds.set(0);
    };
    let load = move || {
        let deck = deck();
        spawn_local(async move {
            match ipc::invoke(command::NextCard { deck }).await {
                Ok(next) => show(next),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    Effect::new(move |_| {
        deck();
        load();
    });
    if let Ok(handle) = set_interval_with_handle(
        move || seconds.set(((now_ms() - shown_at.get_value()) / 1000.0) as i64),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }

    let reveal = move || {
        if current.with_untracked(Option::is_some) {
            revealed.set(true);
        }
    };
    let answer = move |rating: Rating| {
        let Some(card_id) = current.with_untracked(|c| c.as_ref().map(|c| c.card.id.clone()))
        else {
            return;
        };
        if !revealed.get_untracked() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        let duration = now_ms() - shown_at.get_value();
        let sourced =
            current.with_untracked(|c| c.as_ref().is_some_and(|c| c.card.source_ref.is_some()));
        spawn_local(async move {
            let args = command::AnswerCard {
                card_id: card_id.clone(),
                rating,
                duration_ms: duration as i64,
            };
            match ipc::invoke(args).await {
                Ok(done) => {
                    answered.update(|n| *n += 1);
                    spent_ms.update(|s| *s += duration);
                    error.set(None);
                    // Missed: read it again where it came from before going on.
                    let looked_up = if rating == Rating::Again && sourced {
                        ipc::invoke(command::CardHelp { id: card_id }).await.ok()
                    } else {
                        None
                    };
                    match looked_up {
                        Some(found) => tutor.set(Some((found, done.easier_card.is_some()))),
                        None => load(),
                    }
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let go_on = move || {
        if tutor.with_untracked(Option::is_some) {
            // The card answered is gone until the next comes: it cannot be answered
            // twice meanwhile.
            current.set(None);
            tutor.set(None);
            load();
        }
    };
    // A hint on the question side, an explanation on the answer side: one look-up.
    let ask_help = move |explain: bool| {
        let Some(id) = current.with_untracked(|c| c.as_ref().map(|c| c.card.id.clone())) else {
            return;
        };
        if explain {
            explaining.set(true);
        }
        if help.with_untracked(Option::is_some) {
            return;
        }
        spawn_local(async move {
            match ipc::invoke(command::CardHelp { id }).await {
                // Help that comes after its card was answered is not the next card's.
                Ok(found)
                    if current.with_untracked(|c| {
                        c.as_ref().is_some_and(|c| c.card.id == found.card_id)
                    }) =>
                {
                    help.set(Some(found))
                }
                Ok(_) => {}
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let undo = move || {
        if answered.get_untracked() == 0 || busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match ipc::invoke(command::UndoReview {}).await {
                Ok(card) => {
                    answered.update(|n| *n = n.saturating_sub(1));
                    show(Some(card));
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let act = move |action: &'static str| {
        let Some(id) = current.with_untracked(|c| c.as_ref().map(|c| c.card.id.clone())) else {
            return;
        };
        spawn_local(async move {
            match ipc::invoke(command::CardAction {
                id,
                action: action.into(),
            })
            .await
            {
                Ok(_) => load(),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let choose = move |i: usize| {
        if revealed.get_untracked() {
            return;
        }
        chosen.set(Some(i));
        revealed.set(true);
    };

    // Keyboard first: Space or Enter shows the answer, 1–4 answer (or pick a choice
    // before it is shown), U undoes. Keys typed into a field are the field's.
    let keys = window_event_listener(ev::keydown, move |event| {
        let typing = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if typing || event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        // Space and Enter on a focused button or link are that control's own.
        let on_control = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY"));
        if on_control && matches!(event.key().as_str(), " " | "Enter") {
            return;
        }
        if tutor.with_untracked(Option::is_some) {
            if matches!(event.key().as_str(), " " | "Enter") {
                event.prevent_default();
                go_on();
            }
            return;
        }
        let choices = current.with_untracked(|c| c.as_ref().map_or(0, |c| c.card.choices.len()));
        match event.key().as_str() {
            "h" | "H" if !revealed.get_untracked() => ask_help(false),
            "e" | "E" if revealed.get_untracked() => ask_help(true),
            " " | "Enter" if !revealed.get_untracked() => {
                event.prevent_default();
                reveal();
            }
            key @ ("1" | "2" | "3" | "4" | "5" | "6" | "7" | "8") => {
                let n = key.parse::<usize>().unwrap_or(1);
                if !revealed.get_untracked() && choices > 0 {
                    if n <= choices {
                        choose(n - 1);
                    }
                } else if n <= 4 {
                    answer(Rating::ALL[n - 1]);
                }
            }
            "u" | "U" => undo(),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let progress = move || {
        let left = current.with(|c| {
            c.as_ref()
                .map_or(0, |c| c.left.learning + c.left.due + c.left.new)
        });
        (answered.get(), answered.get() + left)
    };
    // What a screen reader says as the session goes: the question when a card comes,
    // the answer when it is shown (the card itself is drawn anew each time, and a
    // region drawn anew is not read).
    let announce = move || {
        current
            .with(|c| {
                c.as_ref().map(|c| {
                    if revealed.get() {
                        c.card.back.clone()
                    } else {
                        c.card.front.clone()
                    }
                })
            })
            .unwrap_or_default()
    };
    // The keyboard follows: Space on the question shows the answer, and again on the
    // answer says "Good", as in Anki.
    Effect::new(move |_| {
        let shown = revealed.get();
        if tutor.with(Option::is_some) {
            crate::widgets::focus_soon("tutor-continue");
        } else if current.with(Option::is_some) {
            crate::widgets::focus_soon(if shown { "answer-good" } else { "show-answer" });
        }
    });
    view! {
        <div class="page review-page">
            <p class="visually-hidden" aria-live="polite" id="review-announce">{announce}</p>
            <header class="page-header">
                <h1>{t("review-title")}</h1>
                <div class="review-progress" id="review-progress" role="status">
                    {move || {
                        let (done, total) = progress();
                        view! {
                            <progress class="progress" max=total.max(1).to_string() value=done.to_string()></progress>
                            <span>{t_with("review-progress", &[("done", &done), ("total", &total)])}</span>
                        }
                    }}
                </div>
            </header>
            <ErrorBanner error/>
            <Show when=move || finished.get()>
                <div class="review-done" id="review-done">
                    <h2>{t("review-done")}</h2>
                    <p>{move || {
                        let n = answered.get();
                        let average = if n == 0 { 0.0 } else { spent_ms.get() / 1000.0 / f64::from(n) };
                        t_with("review-done_summary", &[("n", &n), ("seconds", &average.round())])
                    }}</p>
                    <div class="actions">
                        <A href="/study" attr:class="button primary">{t("study-title")}</A>
                        <A href="/progress" attr:class="button">{t("progress-title")}</A>
                        <Show when=move || { answered.get() > 0 }>
                            <button type="button" class="button quiet" on:click=move |_| undo()>{t("review-undo")}</button>
                        </Show>
                    </div>
                </div>
            </Show>
            {move || match tutor.get() {
                Some((found, easier)) => tutor_view(found, easier, go_on).into_any(),
                None => current
                    .get()
                    .map(|next| card_view(next, revealed, chosen, seconds, reveal, answer, choose, undo, act, answered, Helping { help, explaining, ask: ask_help }))
                    .into_any(),
            }}
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn card_view(
    next: NextCard,
    revealed: RwSignal<bool>,
    chosen: RwSignal<Option<usize>>,
    seconds: RwSignal<i64>,
    reveal: impl Fn() + Copy + Send + Sync + 'static,
    answer: impl Fn(Rating) + Copy + Send + Sync + 'static,
    choose: impl Fn(usize) + Copy + Send + Sync + 'static,
    undo: impl Fn() + Copy + Send + Sync + 'static,
    act: impl Fn(&'static str) + Copy + Send + Sync + 'static,
    answered: RwSignal<u32>,
    helping: Helping<impl Fn(bool) + Copy + Send + Sync + 'static>,
) -> impl IntoView {
    let Helping {
        help,
        explaining,
        ask,
    } = helping;
    let card = next.card;
    let right = card.choices.iter().position(|c| *c == card.back);
    let from = card.source_ref.clone();
    let is_new = card.due.is_none();
    let choices = card.choices.clone();
    view! {
        <article class="review-card" id="review-card" data-card=card.id.clone() data-revealed=move || revealed.get().to_string()>
            <div class="study-meta">
                <span>{card.deck.as_deref().map(crate::widgets::deck_name).unwrap_or_default()}</span>
                {is_new.then(|| view! { <span class="tag">{t("review-new")}</span> })}
                <span class="spacer"></span>
                <span class="timer" id="card-timer" role="timer">{move || t_with("review-seconds", &[("n", &seconds.get())])}</span>
            </div>
            <p class="study-front" id="card-front" dir="auto">{card.front.clone()}</p>
            {occluded(&card).map(|from| view! { <Occluded from revealed/> })}
            <div class="card-media">{side_media(&card.media, CardSide::Front, &card.front)}</div>
            {(!choices.is_empty()).then(|| view! {
                <ol class="study-choices" id="card-choices">
                    {choices.into_iter().enumerate().map(|(i, choice)| view! {
                        <li>
                            <button type="button" class="button choice-button"
                                class:right=move || revealed.get() && Some(i) == right
                                class:wrong=move || revealed.get() && chosen.get() == Some(i) && Some(i) != right
                                on:click=move |_| choose(i)>
                                <span class="key" aria-hidden="true">{(i + 1).to_string()}</span>
                                {choice}
                            </button>
                        </li>
                    }).collect_view()}
                </ol>
            })}
            <Show when=move || revealed.get() fallback=move || view! {
                {move || help.get().map(|found| view! {
                    <p class="hint tutor-hint" id="card-hint" role="status">{hint_text(&found)}</p>
                })}
                <div class="actions">
                    <button type="button" class="button primary big" id="show-answer" on:click=move |_| reveal()>
                        {t("review-show")} <span class="key" aria-hidden="true">{t("review-space")}</span>
                    </button>
                    <button type="button" class="button quiet" id="show-hint" on:click=move |_| ask(false)>
                        {t("review-hint")} <span class="key" aria-hidden="true">"H"</span>
                    </button>
                </div>
            }>
                <hr class="study-rule"/>
                <p class="study-back" id="card-back" dir="auto">{card.back.clone()}</p>
                <div class="card-media">{side_media(&card.media, CardSide::Back, &card.back)}</div>
                {from.clone().map(|from| view! {
                    <p class="hint"><A href=ref_href(&from) attr:class="link">{t_with("review-from", &[("title", &from.title)])}</A></p>
                })}
                {from.clone().filter(|f| f.kind == HitKind::Audio && f.start_ms.is_some()).map(|from| view! { <Moment from/> })}
                <Show when=move || explaining.get() fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="button quiet" id="explain-card" on:click=move |_| ask(true)>
                            {t("review-explain")} <span class="key" aria-hidden="true">"E"</span>
                        </button>
                    </div>
                }>
                    {move || help.get().map(explanation_view)}
                </Show>
                <div class="answer-buttons" id="answer-buttons" role="group" aria-label=t("review-how_well")>
                    {Rating::ALL.into_iter().zip(next.intervals_ms).enumerate().map(|(i, (rating, wait))| view! {
                        <button type="button" class="button answer" id=format!("answer-{}", rating.name())
                            class:suggested=move || chosen.get().is_some() && (chosen.get() == right) == (rating == Rating::Good) && (rating == Rating::Good || rating == Rating::Again)
                            on:click=move |_| answer(rating)>
                            <span class="answer-name"><span class="key" aria-hidden="true">{(i + 1).to_string()}</span>{rating_label(rating)}</span>
                            <span class="answer-wait">{wait_text(wait)}</span>
                        </button>
                    }).collect_view()}
                </div>
            </Show>
            <div class="actions quiet-actions">
                <button type="button" class="button quiet" id="undo-answer" on:click=move |_| undo()
                    disabled=move || answered.get() == 0>{t("review-undo")} <span class="key" aria-hidden="true">"U"</span></button>
                <button type="button" class="button quiet" id="bury-card" on:click=move |_| act("bury")>{t("review-bury")}</button>
                <button type="button" class="button quiet" id="suspend-card" on:click=move |_| act("suspend")>{t("review-suspend")}</button>
            </div>
        </article>
    }
}

/// The label box of an occlusion card: a card from a picture whose source words are
/// exactly its answer (a label the OCR read, not a sentence on a board).
fn occluded(card: &StudyCard) -> Option<SourceRef> {
    let from = card.source_ref.as_ref()?;
    is_label_box(from, &card.back).then(|| from.clone())
}

/// Whether `from` is the box of a label whose words are `answer`.
pub fn is_label_box(from: &SourceRef, answer: &str) -> bool {
    from.kind == HitKind::Image
        && from.bbox.is_some()
        && from.text.trim().to_lowercase() == answer.trim().to_lowercase()
}

/// The picture an occlusion card hides a label of: the box covered until the answer
/// shows, then outlined. The box is in the picture's pixels, so it is placed once the
/// picture says its size.
#[component]
pub fn Occluded(
    from: SourceRef,
    revealed: RwSignal<bool>,
    /// The review's one picture carries ids; a list of cards' pictures does not.
    #[prop(optional)]
    listed: bool,
) -> impl IntoView {
    let url = RwSignal::new(None::<String>);
    let size = RwSignal::new(None::<(f64, f64)>);
    let id = from.source_id.clone();
    spawn_local(async move {
        if let Ok(found) = ipc::invoke(command::MediaUrl { id }).await {
            url.set(Some(found));
        }
    });
    let [x, y, w, h] = from.bbox.unwrap_or_default().map(f64::from);
    let covered = t_with("review-occluded", &[("title", &from.title)]);
    let outlined = t_with("review-occluded_shown", &[("title", &from.title)]);
    let on_load = move |event: ev::Event| {
        let picture = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlImageElement>(t).ok());
        if let Some(picture) = picture {
            size.set(Some((
                f64::from(picture.natural_width()),
                f64::from(picture.natural_height()),
            )));
        }
    };
    move || {
        url.get().map(|url| {
            let (covered, outlined) = (covered.clone(), outlined.clone());
            view! {
                <div class="occlusion" id=(!listed).then_some("occlusion")>
                    <img src=url on:load=on_load
                        alt=move || if revealed.get() { outlined.clone() } else { covered.clone() }/>
                    {move || size.get().filter(|(width, height)| *width > 0.0 && *height > 0.0).map(|(width, height)| view! {
                        // Placed through the style object: the window's content policy
                        // refuses style attributes written in the page.
                        <div class="mask" id=(!listed).then_some("occlusion-mask") aria-hidden="true"
                            class:shown=move || revealed.get()
                            style:left=format!("{:.2}%", 100.0 * x / width)
                            style:top=format!("{:.2}%", 100.0 * y / height)
                            style:width=format!("{:.2}%", 100.0 * w / width)
                            style:height=format!("{:.2}%", 100.0 * h / height)></div>
                    })}
                </div>
            }
        })
    }
}

/// The moment of a recording a card came from, to hear again: the source's audio
/// from where the card's words begin to where they end (a media fragment, so the
/// player stops there).
#[component]
fn Moment(from: SourceRef) -> impl IntoView {
    let url = RwSignal::new(None::<String>);
    let id = from.source_id.clone();
    spawn_local(async move {
        if let Ok(found) = ipc::invoke(command::MediaUrl { id }).await {
            url.set(Some(found));
        }
    });
    let start = from.start_ms.unwrap_or(0);
    let end = from.end_ms.filter(|end| *end > start);
    let fragment = match end {
        Some(end) => format!("#t={:.1},{:.1}", start as f64 / 1000.0, end as f64 / 1000.0),
        None => format!("#t={:.1}", start as f64 / 1000.0),
    };
    let label = t_with(
        "review-moment",
        &[
            ("title", &from.title),
            ("time", &satchel_types::clock(start)),
        ],
    );
    move || {
        url.get().map(|url| {
            view! {
                <p class="hint moment">{label.clone()}</p>
                <audio class="card-audio" id="card-moment" controls preload="metadata"
                    src=format!("{url}{fragment}") aria-label=label.clone()></audio>
            }
        })
    }
}

/// The review's help with the card on show: what was looked up, whether the
/// explanation is asked for, and how to ask (`true`: explain; `false`: a hint).
struct Helping<F> {
    help: RwSignal<Option<CardHelp>>,
    explaining: RwSignal<bool>,
    ask: F,
}

fn hint_text(found: &CardHelp) -> String {
    t_with(
        "review-hint_text",
        &[
            ("first", &found.hint.first),
            ("letters", &found.hint.letters),
            ("words", &found.hint.words),
        ],
    )
}

/// The card's fact in its source's sentences, each linked to its place.
fn explanation_view(found: CardHelp) -> impl IntoView {
    let Some(title) = found.explanation.first().map(|f| f.title.clone()) else {
        return view! { <p class="hint" id="card-explanation">{t("review-no_source")}</p> }
            .into_any();
    };
    view! {
        <section class="explanation" id="card-explanation" aria-label=t("review-explain")>
            <h3>{t_with("review-explained", &[("title", &title)])}</h3>
            <ul>
                {found.explanation.into_iter().map(|said| view! {
                    <li dir="auto">
                        <A href=ref_href(&said) attr:class="link explained">{said.text.clone()}</A>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// After "again": the passage the card came from, at its place, and whether an easier
/// card on it comes next.
fn tutor_view(
    found: CardHelp,
    easier: bool,
    go_on: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let passage = found.passage.clone();
    view! {
        <section class="review-card tutor" id="tutor" aria-labelledby="tutor-title">
            <h2 id="tutor-title">{t("tutor-title")}</h2>
            {passage.map(|from| view! {
                <blockquote class="tutor-passage" id="tutor-passage" dir="auto">{from.text.clone()}</blockquote>
                <p class="hint"><A href=ref_href(&from) attr:class="link">{t_with("review-from", &[("title", &from.title)])}</A></p>
            })}
            {easier.then(|| view! { <p class="tutor-easier" id="tutor-easier" role="status">{t("tutor-easier")}</p> })}
            <div class="actions">
                <button type="button" class="button primary big" id="tutor-continue" on:click=move |_| go_on()>
                    {t("tutor-continue")} <span class="key" aria-hidden="true">{t("review-space")}</span>
                </button>
            </div>
        </section>
    }
}

/// Decks, writing a card by hand, and the cards of a deck.
#[component]
pub fn Cards() -> impl IntoView {
    let session = session();
    let decks = RwSignal::new(Vec::<DeckView>::new());
    let open_deck = RwSignal::new(None::<String>);
    let cards = RwSignal::new(Vec::<StudyCard>::new());
    let error = RwSignal::new(None::<ErrorView>);
    let saved = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        session.learned.track();
        let deck = open_deck.get();
        spawn_local(async move {
            match ipc::invoke(command::Decks {}).await {
                Ok(list) => decks.set(list),
                Err(e) => error.set(Some(e)),
            }
            if deck.is_some()
                && let Ok(list) = ipc::invoke(command::StudyCards { deck }).await
            {
                cards.set(list);
            }
        });
    });

    let kind = RwSignal::new("basic".to_owned());
    let deck_name = RwSignal::new(String::new());
    let front = RwSignal::new(String::new());
    let back = RwSignal::new(String::new());
    let wrong = RwSignal::new(String::new());
    let attached = RwSignal::new(Vec::<MediaFile>::new());
    let attach = move |side: CardSide| {
        spawn_local(async move {
            if let Ok(paths) = ipc::invoke(command::PickCardMedia {}).await {
                attached.update(|list| {
                    list.extend(paths.into_iter().map(|path| MediaFile { path, side }));
                });
            }
        });
    };
    let add = move |event: ev::SubmitEvent| {
        event.prevent_default();
        let card_kind = match kind.get_untracked().as_str() {
            "reversed" => CardKind::Reversed,
            "cloze" => CardKind::Cloze,
            "choice" => CardKind::Choice,
            _ => CardKind::Basic,
        };
        let draft = CardDraft {
            deck: deck_name.get_untracked(),
            kind: card_kind,
            front: front.get_untracked(),
            back: back.get_untracked(),
            choices: wrong.get_untracked().lines().map(str::to_owned).collect(),
            media: attached.get_untracked(),
        };
        spawn_local(async move {
            match ipc::invoke(command::AddCards { draft }).await {
                Ok(made) => {
                    saved.set(Some(made.len()));
                    error.set(None);
                    front.set(String::new());
                    back.set(String::new());
                    wrong.set(String::new());
                    attached.set(Vec::new());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let act = move |id: String, action: &'static str| {
        spawn_local(async move {
            if let Err(e) = ipc::invoke(command::CardAction {
                id,
                action: action.into(),
            })
            .await
            {
                error.set(Some(e));
            }
        });
    };
    let importing = RwSignal::new(false);
    let imported = RwSignal::new(None::<AnkiImported>);
    let import_anki = move |_| {
        spawn_local(async move {
            let Ok(Some(path)) = ipc::invoke(command::PickAnkiDeck {}).await else {
                return;
            };
            importing.set(true);
            match ipc::invoke(command::ImportAnki { path }).await {
                Ok(report) => {
                    imported.set(Some(report));
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
            importing.set(false);
        });
    };
    let exporting = RwSignal::new(false);
    let exported = RwSignal::new(None::<AnkiExported>);
    let export_anki = move |deck: Option<String>| {
        spawn_local(async move {
            exporting.set(true);
            match ipc::invoke(command::ExportAnki { deck }).await {
                Ok(Some(report)) => {
                    exported.set(Some(report));
                    error.set(None);
                }
                Ok(None) => {}
                Err(e) => error.set(Some(e)),
            }
            exporting.set(false);
        });
    };
    view! {
        <div class="page">
            <header class="page-header">
                <h1>{t("cards-title")}</h1>
                <A href="/review" attr:class="button primary">{t("study-start")}</A>
            </header>
            <ErrorBanner error/>
            <h2 class="section-title">{t("cards-decks")}</h2>
            <ul class="deck-list" id="deck-list">
                {move || decks.get().into_iter().map(|deck| {
                    let id = deck.id.clone();
                    let shown = id.clone();
                    let sheet = id.clone();
                    view! {
                        <li class="deck-item">
                            <button type="button" class="link deck-name" on:click=move |_| open_deck.set(Some(id.clone()))>{crate::widgets::deck_name(&deck.name)}</button>
                            <span class="muted">{t_with("cards-deck_counts", &[("cards", &deck.cards), ("due", &deck.due), ("new", &deck.new)])}</span>
                            <A href=format!("/review?deck={shown}") attr:class="button">{t("study-learn")}</A>
                            <A href=format!("/print/deck?deck={sheet}") attr:class="button subtle deck-sheet"
                                attr:aria-label=t_with("cards-sheet_of", &[("deck", &deck.name)])>
                                {t("cards-sheet")}
                            </A>
                            <button type="button" class="button subtle export-deck"
                                attr:aria-label=t_with("cards-export_deck", &[("deck", &deck.name)])
                                disabled=move || exporting.get()
                                on:click={
                                    let name = deck.name.clone();
                                    move |_| export_anki(Some(name.clone()))
                                }>
                                {t("cards-export_short")}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || decks.with(Vec::is_empty)>
                <p class="empty">{t("cards-no_decks")}</p>
            </Show>

            <div class="actions">
                <button type="button" class="button" id="import-anki" on:click=import_anki disabled=move || importing.get()>
                    {t("cards-import_anki")}
                </button>
                <Show when=move || importing.get()>
                    <span role="status" class="muted"><progress class="progress inline"></progress>{t("cards-importing")}</span>
                </Show>
                {move || imported.get().map(|r| view! {
                    <span role="status" id="anki-imported">{t_with("cards-imported", &[
                        ("cards", &r.cards),
                        ("decks", &r.decks),
                        ("reviews", &r.reviews),
                        ("media", &r.media),
                        ("here", &r.already_here),
                    ])}</span>
                })}
                <button type="button" class="button" id="export-anki" on:click=move |_| export_anki(None) disabled=move || exporting.get()>
                    {t("cards-export_anki")}
                </button>
                <Show when=move || exporting.get()>
                    <span role="status" class="muted"><progress class="progress inline"></progress>{t("cards-exporting")}</span>
                </Show>
                {move || exported.get().map(|r| view! {
                    <span role="status" id="anki-exported">
                        {t_with("cards-exported", &[
                            ("cards", &r.cards),
                            ("decks", &r.decks),
                            ("reviews", &r.reviews),
                            ("media", &r.media),
                        ])}
                        {(r.left_out > 0).then(|| format!(" {}", t_with("cards-exported_left_out", &[("n", &r.left_out)])))}
                    </span>
                })}
            </div>

            <h2 class="section-title">{t("cards-write")}</h2>
            <form class="card-form" id="card-form" on:submit=add>
                <div class="field">
                    <label for="card-kind">{t("cards-kind")}</label>
                    <select id="card-kind" on:change=move |e| kind.set(event_target_value(&e))>
                        <option value="basic">{t("card-kind-basic")}</option>
                        <option value="reversed">{t("card-kind-reversed")}</option>
                        <option value="cloze">{t("card-kind-cloze")}</option>
                        <option value="choice">{t("card-kind-choice")}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="card-deck">{t("cards-deck")}</label>
                    <input id="card-deck" placeholder=t("cards-deck_default") prop:value=deck_name on:input=move |e| deck_name.set(event_target_value(&e))/>
                </div>
                <div class="field">
                    <label for="card-front-input">{move || t(if kind.get() == "cloze" { "cards-cloze_text" } else { "cards-front" })}</label>
                    <textarea id="card-front-input" rows="3" required prop:value=front on:input=move |e| front.set(event_target_value(&e))></textarea>
                    <Show when=move || kind.get() == "cloze">
                        <p class="hint">{t("cards-cloze_hint")}</p>
                    </Show>
                </div>
                <Show when=move || kind.get() != "cloze">
                    <div class="field">
                        <label for="card-back-input">{move || t(if kind.get() == "choice" { "cards-right" } else { "cards-back" })}</label>
                        <textarea id="card-back-input" rows="2" prop:value=back on:input=move |e| back.set(event_target_value(&e))></textarea>
                    </div>
                </Show>
                <Show when=move || kind.get() == "choice">
                    <div class="field">
                        <label for="card-wrong-input">{t("cards-wrong")}</label>
                        <textarea id="card-wrong-input" rows="3" prop:value=wrong on:input=move |e| wrong.set(event_target_value(&e))></textarea>
                    </div>
                </Show>
                <div class="field">
                    <span class="label">{t("cards-media")}</span>
                    <div class="actions tight">
                        <button type="button" class="button quiet" id="attach-front" on:click=move |_| attach(CardSide::Front)>{t("cards-media_front")}</button>
                        <button type="button" class="button quiet" id="attach-back" on:click=move |_| attach(CardSide::Back)>{t("cards-media_back")}</button>
                    </div>
                    <ul class="attached" id="attached">
                        {move || attached.get().into_iter().enumerate().map(|(i, file)| {
                            let name = file.path.rsplit(['/', '\\']).next().unwrap_or_default().to_owned();
                            let side = t(if file.side == CardSide::Front { "cards-on_front" } else { "cards-on_back" });
                            view! {
                                <li class="chip">
                                    {format!("{name} · {side}")}
                                    <button type="button" class="button quiet" aria-label=t("cards-remove_media")
                                        on:click=move |_| attached.update(|list| { list.remove(i); })>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
                <div class="actions">
                    <button type="submit" class="button primary" id="add-card">{t("cards-add")}</button>
                    {move || saved.get().map(|n| view! { <span role="status" id="card-saved">{t_with("cards-saved", &[("n", &n)])}</span> })}
                </div>
            </form>

            <Show when=move || open_deck.get().is_some()>
                <h2 class="section-title">{t("cards-in_deck")}</h2>
                <ul class="note-list" id="deck-cards">
                    {move || cards.get().into_iter().map(|card| {
                        let (bury, suspend, delete) = (card.id.clone(), card.id.clone(), card.id.clone());
                        let suspended = card.suspended;
                        view! {
                            <li class="card deck-card">
                                <div><strong>{card.front.clone()}</strong></div>
                                <div class="muted">{card.back.clone()}</div>
                                <div class="actions">
                                    <button type="button" class="button quiet" on:click=move |_| act(bury.clone(), "bury")>{t("review-bury")}</button>
                                    <button type="button" class="button quiet" on:click=move |_| act(suspend.clone(), if suspended { "unsuspend" } else { "suspend" })>
                                        {t(if suspended { "cards-unsuspend" } else { "review-suspend" })}
                                    </button>
                                    <button type="button" class="button quiet" on:click=move |_| act(delete.clone(), "delete")>{t("cards-delete")}</button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
