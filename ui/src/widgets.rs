//! Small pieces several pages share.

use leptos::prelude::*;
pub use satchel_types::clock;
use satchel_types::{ErrorCode, ErrorView, ServerProbe, command};

use crate::i18n::t;

/// The learner-facing words for a failure: what happened, that nothing was lost,
/// and what to do — in their language, keyed by the error's code.
pub fn error_text(error: &ErrorView) -> String {
    if error.message == "no_shell" {
        return t("error-no_shell");
    }
    let key = match error.code {
        ErrorCode::WrongKey => "error-wrong_key",
        ErrorCode::KeychainUnavailable => "error-keychain_unavailable",
        ErrorCode::KeyMissing => "error-key_missing",
        ErrorCode::PassphraseRequired => "error-passphrase_required",
        ErrorCode::ProfileNotFound => "error-profile_not_found",
        ErrorCode::ProfileExists => "error-profile_exists",
        ErrorCode::NotFound => "error-not_found",
        ErrorCode::InvalidInput => "error-invalid_input",
        ErrorCode::Locked => "error-locked",
        ErrorCode::Storage => "error-storage",
        ErrorCode::Internal => "error-internal",
        ErrorCode::Conflict => "error-conflict",
        ErrorCode::Forbidden => "error-forbidden",
        ErrorCode::Untrusted => "error-untrusted",
        ErrorCode::ModelMissing => "error-model_missing",
        ErrorCode::BadMedia => "error-bad_media",
        ErrorCode::Cancelled => "error-cancelled",
        ErrorCode::Busy => "error-busy",
        ErrorCode::NoMicrophone => "error-no_microphone",
        ErrorCode::PasswordRequired => "error-document_password",
        ErrorCode::Offline => "error-offline",
        ErrorCode::SignInNeeded => "error-sign_in_needed",
        ErrorCode::ConfirmServer => "error-confirm_server",
        ErrorCode::BundleCode => "error-bundle_code",
        ErrorCode::Full => "error-full",
    };
    match error.code {
        // The core's detail names the field and the rule, the missing model's path or
        // what is wrong with the file (in English for now).
        ErrorCode::InvalidInput
        | ErrorCode::ModelMissing
        | ErrorCode::BadMedia
        | ErrorCode::Untrusted
        | ErrorCode::ConfirmServer
        | ErrorCode::BundleCode
        | ErrorCode::SignInNeeded => {
            format!("{} ({})", t(key), error.message)
        }
        _ => t(key),
    }
}

/// Bumped when the learner picks another language: the app draws itself again around
/// it (every page reads its words once, when drawn).
#[derive(Clone, Copy)]
pub struct LanguageChanged(pub RwSignal<u32>);

/// The interface's language: the computer's, or one of those Satchel speaks, each
/// listed in its own words.
#[component]
pub fn LanguagePicker(#[prop(into)] id: String) -> impl IntoView {
    use crate::i18n::{Choice, LANGUAGES};
    let changed = expect_context::<LanguageChanged>();
    let chosen = Choice::load();
    let choose = move |ev: leptos::ev::Event| {
        Choice::parse(&event_target_value(&ev)).apply_and_save();
        changed.0.update(|n| *n += 1);
    };
    let hint = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{t("settings-language")}</label>
            <select id=id aria-describedby=hint.clone() on:change=choose>
                <option value="system" selected=chosen == Choice::System>{t("settings-language_system")}</option>
                {LANGUAGES.iter().map(|language| view! {
                    <option value=language.tag lang=language.tag
                        selected=chosen == Choice::Language(language.tag)>{language.name}</option>
                }).collect_view()}
            </select>
            <p class="hint" id=hint>{t("settings-language_hint")}</p>
        </div>
    }
}

/// An alert that appears when `error` holds something.
#[component]
pub fn ErrorBanner(error: RwSignal<Option<ErrorView>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! { <p class="banner error" role="alert">{error_text(&e)}</p> }
        })
    }
}

/// A deck's name as the learner reads it: the deck cards go to when none is named is
/// called so in their language.
pub fn deck_name(name: &str) -> String {
    if name == satchel_types::DEFAULT_DECK {
        t("cards-deck_default")
    } else {
        name.to_owned()
    }
}

/// A day as the learner's language writes dates, from Unix milliseconds.
pub fn local_date(ms: i64) -> String {
    crate::i18n::intl::date(ms)
}

/// Relative time for lists ("5 minutes ago", "yesterday"), from Unix milliseconds.
pub fn relative_time(then_ms: i64) -> String {
    let minutes = ((js_sys::Date::now() as i64 - then_ms) / 60_000).max(0);
    let (value, unit) = match minutes {
        0 => return t("time-just_now"),
        1..=59 => (minutes, "minute"),
        60..=1439 => (minutes / 60, "hour"),
        1440..=43_199 => (minutes / 1440, "day"),
        _ => (minutes / 43_200, "month"),
    };
    crate::i18n::intl::relative(-(value as f64), unit)
}

/// A server met for the first time: its fingerprint as words to compare with the
/// teacher's screen before anything is sent. `on_match` gets the address held to that
/// fingerprint; "they do not match" says what that may mean, and sends nothing.
#[component]
pub fn ConfirmServer(
    probe: RwSignal<Option<ServerProbe>>,
    busy: RwSignal<bool>,
    error: RwSignal<Option<ErrorView>>,
    on_match: Callback<String>,
) -> impl IntoView {
    move || {
        probe.get().map(|shown| {
            let pinned = shown.pinned.clone();
            view! {
                <div class="banner server-check" role="alertdialog" id="confirm-server" aria-labelledby="confirm-server-title">
                    <p id="confirm-server-title">{t("class-confirm_server")}</p>
                    <p class="fingerprint-words" id="server-words">{shown.words}</p>
                    <p class="muted">{t("class-confirm_server_hint")}</p>
                    <div class="actions">
                        <button id="server-words-match" type="button" class="button primary"
                            disabled=move || busy.get()
                            on:click=move |_| on_match.run(pinned.clone())>{t("class-words_match")}</button>
                        <button id="server-words-differ" type="button" class="button"
                            on:click=move |_| {
                                probe.set(None);
                                error.set(Some(ErrorView {
                                    code: ErrorCode::Untrusted,
                                    message: t("class-words_differ"),
                                }));
                            }>{t("class-words_differ_button")}</button>
                    </div>
                </div>
            }
        })
    }
}

/// Shows why a request to `server` failed: a server met for the first time is read
/// (nothing is sent to it) so the learner can compare its words in `probe`; any other
/// failure goes to `error`.
pub async fn confirm_or_report(
    failure: ErrorView,
    server: String,
    probe: RwSignal<Option<ServerProbe>>,
    error: RwSignal<Option<ErrorView>>,
) {
    if failure.code != ErrorCode::ConfirmServer {
        return error.set(Some(failure));
    }
    match crate::ipc::invoke(command::ProbeServer { server }).await {
        Ok(shown) => probe.set(Some(shown)),
        Err(e) => error.set(Some(e)),
    }
}
