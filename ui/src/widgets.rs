//! Small pieces several pages share.

use leptos::prelude::*;
pub use satchel_types::clock;
use satchel_types::{ErrorCode, ErrorView};

use crate::i18n::t;

/// The learner-facing words for a failure: what happened, that nothing was lost,
/// and what to do — in their language, keyed by the error's code.
pub fn error_text(error: &ErrorView) -> String {
    if error.message == "no_shell" {
        return t("error.no_shell");
    }
    let key = match error.code {
        ErrorCode::WrongKey => "error.wrong_key",
        ErrorCode::KeychainUnavailable => "error.keychain_unavailable",
        ErrorCode::KeyMissing => "error.key_missing",
        ErrorCode::PassphraseRequired => "error.passphrase_required",
        ErrorCode::ProfileNotFound => "error.profile_not_found",
        ErrorCode::ProfileExists => "error.profile_exists",
        ErrorCode::NotFound => "error.not_found",
        ErrorCode::InvalidInput => "error.invalid_input",
        ErrorCode::Locked => "error.locked",
        ErrorCode::Storage => "error.storage",
        ErrorCode::Internal => "error.internal",
        ErrorCode::Conflict => "error.conflict",
        ErrorCode::Forbidden => "error.forbidden",
        ErrorCode::Untrusted => "error.untrusted",
        ErrorCode::ModelMissing => "error.model_missing",
        ErrorCode::BadMedia => "error.bad_media",
        ErrorCode::Cancelled => "error.cancelled",
        ErrorCode::Busy => "error.busy",
        ErrorCode::NoMicrophone => "error.no_microphone",
        ErrorCode::PasswordRequired => "error.document_password",
        ErrorCode::Offline => "error.offline",
        ErrorCode::SignInNeeded => "error.sign_in_needed",
    };
    match error.code {
        // The core's detail names the field and the rule, the missing model's path or
        // what is wrong with the file (in English for now).
        ErrorCode::InvalidInput
        | ErrorCode::ModelMissing
        | ErrorCode::BadMedia
        | ErrorCode::Untrusted
        | ErrorCode::SignInNeeded => {
            format!("{} ({})", t(key), error.message)
        }
        _ => t(key),
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

/// Relative time for lists ("5 min ago"), from Unix milliseconds.
pub fn relative_time(then_ms: i64) -> String {
    let minutes = ((js_sys::Date::now() as i64 - then_ms) / 60_000).max(0);
    match minutes {
        0 => t("time.just_now"),
        1..=59 => crate::i18n::t_with("time.minutes_ago", &[("n", &minutes.to_string())]),
        60..=1439 => crate::i18n::t_with("time.hours_ago", &[("n", &(minutes / 60).to_string())]),
        _ => crate::i18n::t_with("time.days_ago", &[("n", &(minutes / 1440).to_string())]),
    }
}
