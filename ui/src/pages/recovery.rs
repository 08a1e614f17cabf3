//! Showing a recovery code once, and only moving on when the learner says they have
//! written it down.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::t;
use crate::ipc;
use satchel_types::command;

#[component]
pub fn RecoveryCodeNotice(code: String, on_done: Callback<()>) -> impl IntoView {
    let written_down = RwSignal::new(false);
    let finish = move |_| {
        spawn_local(async move {
            // If this fails the code simply shows again next time: nothing is lost.
            let _ = ipc::invoke(command::AcknowledgeRecoveryCode {}).await;
            on_done.run(());
        });
    };
    view! {
        <section class="card recovery" aria-labelledby="recovery-title">
            <h1 id="recovery-title">{t("recovery-title")}</h1>
            <p class="prose">{t("recovery-explained")}</p>
            // Groups wrap as wholes, so no line ever breaks inside one.
            <p class="recovery-code" id="recovery-code">
                {code.split('-').enumerate().map(|(i, group)| view! {
                    {(i > 0).then_some("-")}
                    <span class="group">{group.to_owned()}</span>
                }).collect_view()}
            </p>
            <div class="actions">
                <crate::widgets::PrintButtons name=Signal::derive(|| t("recovery-title"))/>
            </div>
            <label class="check no-print">
                <input
                    type="checkbox"
                    id="recovery-ack"
                    on:change=move |ev| written_down.set(event_target_checked(&ev))
                />
                {t("recovery-acknowledge")}
            </label>
            <div class="actions no-print">
                <button
                    id="recovery-continue"
                    class="button primary"
                    disabled=move || !written_down.get()
                    on:click=finish
                >
                    {t("recovery-continue")}
                </button>
            </div>
        </section>
    }
}
