//! Small pieces several pages share.

use leptos::prelude::*;
use leptos::task::spawn_local;
pub use satchel_types::clock;
use satchel_types::{ErrorCode, ErrorDetail, ErrorView, Field, FileKind, ServerProbe, command};

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
    if let Some(detail) = &error.detail {
        return detail_text(detail);
    }
    // The English detail is for whoever reads the logs, not the learner.
    web_sys::console::warn_1(&error.message.as_str().into());
    t(key)
}

/// The words for exactly what went wrong, with its numbers and names in place.
fn detail_text(detail: &ErrorDetail) -> String {
    use crate::i18n::{intl, t_with};
    let field = |field: &Field| {
        serde_json::to_value(field)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let file = |file: &FileKind| match file {
        FileKind::Audio => "audio",
        FileKind::Image => "image",
        FileKind::Document => "document",
    };
    match detail {
        ErrorDetail::Required { field: f } => {
            t_with("error-detail-required", &[("field", &field(f))])
        }
        ErrorDetail::TooLong { field: f, max } => t_with(
            "error-detail-too_long",
            &[("field", &field(f)), ("max", max)],
        ),
        ErrorDetail::TooShort { field: f, min } => t_with(
            "error-detail-too_short",
            &[("field", &field(f)), ("min", min)],
        ),
        ErrorDetail::OneLine { field: f } => {
            t_with("error-detail-one_line", &[("field", &field(f))])
        }
        ErrorDetail::Mismatch { .. } => t("create-passphrase_mismatch"),
        ErrorDetail::WordsDiffer => t("class-words_differ"),
        ErrorDetail::ClozeUnmarked => t("error-detail-cloze_unmarked"),
        ErrorDetail::ClozeEmpty => t("error-detail-cloze_empty"),
        ErrorDetail::NoWrongChoice => t("error-detail-no_wrong_choice"),
        ErrorDetail::TooManyChoices { max } => {
            t_with("error-detail-too_many_choices", &[("max", max)])
        }
        ErrorDetail::RecoveryCodeShape { letters, group } => t_with(
            "error-detail-recovery_code_shape",
            &[("letters", letters), ("group", group)],
        ),
        ErrorDetail::CardSuspended => t("error-detail-card_suspended"),
        ErrorDetail::NothingToUndo => t("error-detail-nothing_to_undo"),
        ErrorDetail::TooFewReviews { reviews } => {
            t_with("error-detail-too_few_reviews", &[("reviews", reviews)])
        }
        ErrorDetail::NotHttps { address } => {
            t_with("error-detail-not_https", &[("address", address)])
        }
        ErrorDetail::NotAnAddress { address } => {
            t_with("error-detail-not_an_address", &[("address", address)])
        }
        ErrorDetail::FileTooLarge { max_mb } => t_with(
            "error-detail-file_too_large",
            &[("size", &intl::unit(*max_mb as f64, "megabyte"))],
        ),
        ErrorDetail::NoteTooLarge { max_mb } => t_with(
            "error-detail-note_too_large",
            &[("size", &intl::unit(*max_mb as f64, "megabyte"))],
        ),
        ErrorDetail::RecordingTooLong { max_minutes } => {
            let length = if max_minutes % 60 == 0 {
                intl::unit((max_minutes / 60) as f64, "hour")
            } else {
                intl::unit(*max_minutes as f64, "minute")
            };
            t_with("error-detail-recording_too_long", &[("length", &length)])
        }
        ErrorDetail::UnsupportedFile { file: f } => {
            t_with("error-detail-unsupported_file", &[("file", &file(f))])
        }
        ErrorDetail::DamagedFile { file: f } => {
            t_with("error-detail-damaged_file", &[("file", &file(f))])
        }
        ErrorDetail::NoSound => t("error-detail-no_sound"),
        ErrorDetail::ModelMissing { model } => {
            t_with("error-detail-model_missing", &[("model", model)])
        }
        ErrorDetail::UnsupportedProcessor { missing } => t_with(
            "error-detail-unsupported_processor",
            &[("missing", missing)],
        ),
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

const SPEECH_LANGUAGE: &str = "satchel.speech_language";

/// What the learner's recordings speak, as they last said (`None`: Satchel detects it).
pub fn speech_language() -> Option<String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(SPEECH_LANGUAGE).ok().flatten())
        .filter(|tag| crate::i18n::LANGUAGES.iter().any(|l| l.tag == tag))
}

fn remember_speech_language(language: Option<&str>) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = match language {
            Some(tag) => storage.set_item(SPEECH_LANGUAGE, tag),
            None => storage.remove_item(SPEECH_LANGUAGE),
        };
    }
}

/// A spoken language by its name in itself ("Español"), or its code when Satchel's
/// window does not speak it.
pub fn language_name(code: &str) -> String {
    crate::i18n::LANGUAGES
        .iter()
        .find(|l| l.tag == code)
        .map_or_else(|| code.to_uppercase(), |l| l.name.to_owned())
}

/// A choice of the language a recording speaks, or "find out by itself".
#[component]
pub fn SpeechLanguageSelect(
    #[prop(into)] id: String,
    value: RwSignal<Option<String>>,
    /// Kept for the next recording too (the library's choice, not a single source's).
    #[prop(optional)]
    remember: bool,
) -> impl IntoView {
    let choose = move |ev: leptos::ev::Event| {
        let picked = event_target_value(&ev);
        let language = (picked != "detect").then_some(picked);
        if remember {
            remember_speech_language(language.as_deref());
        }
        value.set(language);
    };
    view! {
        <select id=id on:change=choose>
            <option value="detect" selected=move || value.with(Option::is_none)>{t("speech-detect")}</option>
            {crate::i18n::LANGUAGES.iter().map(|language| view! {
                <option value=language.tag lang=language.tag
                    selected=move || value.with(|v| v.as_deref() == Some(language.tag))>{language.name}</option>
            }).collect_view()}
        </select>
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

/// Moves the keyboard's focus to the element `id` once the view has drawn it.
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
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
                                    detail: Some(ErrorDetail::WordsDiffer),
                                    ..ErrorView::new(ErrorCode::Untrusted, "the server's words differ")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{LANGUAGES, use_language};

    /// One of each detail the core sends, with every field and kind of file.
    fn details() -> Vec<ErrorDetail> {
        let fields = [
            Field::ProfileName,
            Field::Passphrase,
            Field::NoteTitle,
            Field::NoteText,
            Field::CardFront,
            Field::CardBack,
            Field::DeckName,
            Field::JoinName,
            Field::JoinCode,
        ];
        let mut all = Vec::new();
        for field in fields {
            all.extend([
                ErrorDetail::Required { field },
                ErrorDetail::TooLong { field, max: 40 },
                ErrorDetail::TooShort { field, min: 8 },
                ErrorDetail::OneLine { field },
                ErrorDetail::Mismatch { field },
            ]);
        }
        for file in [FileKind::Audio, FileKind::Image, FileKind::Document] {
            all.extend([
                ErrorDetail::UnsupportedFile { file },
                ErrorDetail::DamagedFile { file },
            ]);
        }
        all.extend([
            ErrorDetail::WordsDiffer,
            ErrorDetail::ClozeUnmarked,
            ErrorDetail::ClozeEmpty,
            ErrorDetail::NoWrongChoice,
            ErrorDetail::TooManyChoices { max: 8 },
            ErrorDetail::RecoveryCodeShape {
                letters: 32,
                group: 4,
            },
            ErrorDetail::CardSuspended,
            ErrorDetail::NothingToUndo,
            ErrorDetail::TooFewReviews { reviews: 3 },
            ErrorDetail::NotHttps {
                address: "http://example.org".into(),
            },
            ErrorDetail::NotAnAddress {
                address: "::".into(),
            },
            ErrorDetail::FileTooLarge { max_mb: 200 },
            ErrorDetail::NoteTooLarge { max_mb: 10 },
            ErrorDetail::RecordingTooLong { max_minutes: 240 },
            ErrorDetail::NoSound,
            ErrorDetail::ModelMissing {
                model: "ggml-base.bin".into(),
            },
            ErrorDetail::UnsupportedProcessor {
                missing: "AVX2".into(),
            },
        ]);
        all
    }

    #[test]
    fn every_detail_is_worded_in_every_language() {
        for language in LANGUAGES {
            use_language(*language);
            for detail in details() {
                let text = detail_text(&detail);
                assert!(
                    !text.trim().is_empty() && !text.starts_with("error-detail-"),
                    "{}: {detail:?} reads {text:?}",
                    language.tag
                );
            }
            // The field chooses the sentence: a name's rule is not the default one.
            let name = detail_text(&ErrorDetail::Required {
                field: Field::ProfileName,
            });
            let text = detail_text(&ErrorDetail::Required {
                field: Field::NoteText,
            });
            assert_ne!(name, text, "{}", language.tag);
        }
    }
}

/// What a save through the system's dialog came to: the file written (shown), nothing
/// (the learner cancelled), or why not.
fn show_saved(
    result: Result<Option<String>, ErrorView>,
    saved: RwSignal<Option<String>>,
    error: RwSignal<Option<ErrorView>>,
) {
    match result {
        Ok(Some(path)) => {
            saved.set(Some(path));
            error.set(None);
        }
        Ok(None) => {}
        Err(e) => error.set(Some(e)),
    }
}

/// A button that saves a report as CSV where the learner chooses, and says where.
#[component]
pub fn SaveCsvButton(
    report: satchel_types::CsvReport,
    id: &'static str,
    label: &'static str,
) -> impl IntoView {
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ErrorView>);
    let save = move |_| {
        let report = report.clone();
        spawn_local(async move {
            show_saved(
                crate::ipc::invoke(command::SaveCsv { report }).await,
                saved,
                error,
            );
        });
    };
    view! {
        <button type="button" class="button quiet" id=id on:click=save>{t(label)}</button>
        {move || saved.get().map(|path| view! {
            <span role="status" class="muted csv-saved">{crate::i18n::t_with("csv-saved", &[("path", &path)])}</span>
        })}
        <ErrorBanner error/>
    }
}

/// Print and Save as PDF for the page shown, laid out by the print stylesheet (the
/// app's frame and every control left off the paper); `name` is the PDF's suggested
/// file name.
#[component]
pub fn PrintButtons(#[prop(into)] name: Signal<String>) -> impl IntoView {
    let saved = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ErrorView>);
    let print = move |_| {
        spawn_local(async move {
            if let Err(e) = crate::ipc::invoke(command::PrintPage {}).await {
                error.set(Some(e));
            }
        });
    };
    let save = move |_| {
        let name = name.get_untracked();
        spawn_local(async move {
            show_saved(
                crate::ipc::invoke(command::SavePdf { name }).await,
                saved,
                error,
            );
        });
    };
    view! {
        <span class="print-actions no-print">
            <button type="button" class="button quiet" id="print-page" on:click=print>{t("print-print")}</button>
            <button type="button" class="button quiet" id="save-pdf" on:click=save>{t("print-save_pdf")}</button>
            {move || saved.get().map(|path| view! {
                <span role="status" class="muted" id="pdf-saved">{crate::i18n::t_with("print-saved", &[("path", &path)])}</span>
            })}
            <ErrorBanner error/>
        </span>
    }
}
