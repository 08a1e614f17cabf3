//! Telling the learner that reviews are waiting, with a desktop notification (Tauri's
//! notification plugin: the freedesktop notification service on Linux, a toast on
//! Windows), worded in the window's language. A click on it brings the window forward
//! on Study now.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use satchel_core::types::command;
use tauri::{Manager, State};
use tauri_plugin_notification::NotificationExt;

use crate::Shell;
use crate::commands::{now, off_ui_thread, with_open};
use crate::ipc::{Args, ReplyTo};

/// How often the open library is looked at.
const CHECK: Duration = Duration::from_secs(60);
/// At most one reminder a library in this long: a nudge, not a nag.
const AGAIN_AFTER_MS: i64 = 4 * 3_600_000;

/// Goes to Study now from outside the window's own code: the router follows the
/// history's `popstate` as it does the back button.
const TO_STUDY: &str = "history.pushState(null, '', '/study'); \
                        dispatchEvent(new PopStateEvent('popstate', { state: null }));";

#[tauri::command(rename_all = "snake_case")]
pub async fn reminders(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Reminders>,
) -> ReplyTo<command::Reminders> {
    off_ui_thread(&shell, |shell| with_open(shell, |p| p.reminders())).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_reminders(
    shell: State<'_, Arc<Shell>>,
    Args(command::SetReminders { settings }): Args<command::SetReminders>,
) -> ReplyTo<command::SetReminders> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.set_reminders(settings))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub fn set_language(
    shell: State<'_, Arc<Shell>>,
    Args(command::SetLanguage { tag }): Args<command::SetLanguage>,
) -> ReplyTo<command::SetLanguage> {
    *shell
        .language
        .lock()
        .unwrap_or_else(PoisonError::into_inner) = Some(tag);
    Ok(())
}

/// A click on a reminder shows the window, on Study now.
pub fn on_click(app: &tauri::AppHandle) {
    let handle = app.clone();
    let registered = app.notification().on_action(move |_| {
        if let Some(window) = handle.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
            if let Err(error) = window.eval(TO_STUDY) {
                eprintln!("opening Study now from a reminder: {error}");
            }
        }
    });
    if let Err(error) = registered {
        eprintln!("reminders will not open the window: {error}");
    }
}

/// Looks at the open library every minute and tells of the reviews waiting there, at
/// most once in four hours a library.
pub fn background_reminders(shell: &Shell, app: &tauri::AppHandle) {
    let mut told: HashMap<String, i64> = HashMap::new();
    loop {
        std::thread::sleep(CHECK);
        let open = shell
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let Some(profile) = open else {
            continue;
        };
        let now = now();
        let learner = profile.view();
        if told
            .get(&learner.id)
            .is_some_and(|at| now - at < AGAIN_AFTER_MS)
        {
            continue;
        }
        let waiting = match profile.reviews_to_remind(now) {
            Ok(Some(waiting)) => waiting,
            Ok(None) => continue,
            Err(error) => {
                eprintln!("looking for reviews to remind of: {error}");
                continue;
            }
        };
        let language = shell
            .language
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let words = |id: &str| {
            crate::window::t_in(
                language.as_deref(),
                id,
                &[
                    ("n", f64::from(waiting).into()),
                    ("learner", learner.name.clone().into()),
                ],
            )
        };
        let shown = app
            .notification()
            .builder()
            .title(words("reminder-title"))
            .body(words("reminder-body"))
            .show();
        match shown {
            Ok(()) => {
                told.insert(learner.id, now);
            }
            Err(error) => eprintln!("telling of reviews waiting: {error}"),
        }
    }
}
