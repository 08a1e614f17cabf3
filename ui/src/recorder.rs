//! Recording from the microphone: the Record button's work, and the bar that shows a
//! recording in progress — a timer, a level meter, Stop and Discard — above every
//! page, so moving around the app while recording never hides it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use satchel_types::{ErrorView, command};

use crate::app::{LiveRecording, Session, session};
use crate::i18n::{t, t_with};
use crate::ipc;
use crate::widgets::{clock, error_text};

/// The meter's scale: quieter than this shows as nothing.
const METER_FLOOR_DB: i16 = -60;

/// Opens the microphone and starts a recording titled with the date and time.
pub async fn start_recording(session: Session) -> Result<(), ErrorView> {
    // "29 Nov 2026, 15:40" in the learner's own language.
    let when = crate::i18n::intl::date_time(js_sys::Date::now() as i64);
    let title = t_with("record-title", &[("when", &when)]);
    let language = crate::widgets::speech_language();
    let view = ipc::invoke(command::StartRecording { title, language }).await?;
    session.recording.set(Some(LiveRecording {
        view,
        level_db: METER_FLOOR_DB,
    }));
    Ok(())
}

/// The bar for a recording in progress; nothing when none is.
#[component]
pub fn Recorder() -> impl IntoView {
    let session = session();
    let navigate = use_navigate();
    let saving = RwSignal::new(false);
    let confirming_discard = RwSignal::new(false);
    let error = RwSignal::new(None::<ErrorView>);
    // A recording may already be running (the window was reloaded): pick it up.
    spawn_local(async move {
        if let Ok(Some(view)) = ipc::invoke(command::Recording {}).await
            && session.recording.with_untracked(Option::is_none)
        {
            session.recording.set(Some(LiveRecording {
                view,
                level_db: METER_FLOOR_DB,
            }));
        }
    });
    let stop = move |discard: bool| {
        let navigate = navigate.clone();
        saving.set(true);
        spawn_local(async move {
            match ipc::invoke(command::StopRecording { discard }).await {
                Ok(source) => {
                    session.recording.set(None);
                    if let Some(id) = source {
                        navigate(&format!("/sources/{id}"), Default::default());
                    }
                }
                Err(e) => error.set(Some(e)),
            }
            saving.set(false);
            confirming_discard.set(false);
        });
    };
    let stop_and_save = {
        let stop = stop.clone();
        move |_| stop(false)
    };
    let discard = move |_| stop(true);

    view! {
        <Show when=move || session.recording.with(Option::is_some)>
            {
                let stop_and_save = stop_and_save.clone();
                let discard = discard.clone();
                let recording = move || session.recording.get();
                let elapsed = move || recording().map_or(0, |r| r.view.elapsed_ms);
                let live = move || recording().is_some_and(|r| r.view.live);
                let level = move || recording().map_or(METER_FLOOR_DB, |r| r.level_db.max(METER_FLOOR_DB));
                let device = move || recording().map(|r| r.view.device).unwrap_or_default();
                view! {
                    <section
                        class="recorder"
                        id="recorder"
                        aria-label=t("record-label")
                        data-live=move || live().to_string()
                        data-elapsed-ms=move || elapsed().to_string()
                        data-level-db=move || level().to_string()
                    >
                        <span class="recording-dot" class:live=live aria-hidden="true"></span>
                        <div class="recorder-main">
                            <span class="record-time" id="record-time" role="timer">{move || clock(elapsed())}</span>
                            <span class="muted" aria-live="polite">
                                {move || if live() {
                                    t_with("record-from", &[("device", &device())])
                                } else {
                                    t("record-starting")
                                }}
                            </span>
                        </div>
                        <meter
                            class="level"
                            id="record-level"
                            aria-label=t("record-level")
                            min=METER_FLOOR_DB.to_string()
                            max="0"
                            low="-30"
                            high="-6"
                            optimum="-18"
                            value=move || level().to_string()
                        ></meter>
                        <Show
                            when=move || confirming_discard.get()
                            fallback={
                                let stop_and_save = stop_and_save.clone();
                                move || {
                                    let stop_and_save = stop_and_save.clone();
                                    view! {
                                        <div class="recorder-actions">
                                        <button id="stop-recording" class="button primary" on:click=stop_and_save disabled=move || saving.get()>
                                            {move || if saving.get() { t("record-saving") } else { t("record-stop") }}
                                        </button>
                                        <button id="discard-recording" class="button quiet" on:click=move |_| confirming_discard.set(true) disabled=move || saving.get()>
                                            {t("record-discard")}
                                        </button>
                                        </div>
                                    }
                                }
                            }
                        >
                            <div class="recorder-actions">
                                <span class="confirm">{t("record-discard_confirm")}</span>
                                <button id="discard-recording-yes" class="button danger" on:click=discard.clone()>{t("record-discard_yes")}</button>
                                <button class="button quiet" on:click=move |_| confirming_discard.set(false)>{t("create-cancel")}</button>
                            </div>
                        </Show>
                        {move || error.get().map(|e| view! { <p class="banner error" role="alert">{error_text(&e)}</p> })}
                    </section>
                }
            }
        </Show>
    }
}
