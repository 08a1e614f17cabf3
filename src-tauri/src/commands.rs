//! The window's commands: each one coarse (one call returns a whole view), each run
//! off the UI thread, each failing with an `ErrorView` the UI words for the learner.

use std::sync::{Arc, PoisonError};

use satchel_core::types::{
    AboutView, ErrorCode, ErrorView, LibraryView, NoteDraft, NoteView, RecoveryCodeView,
    UnlockRequest, UnlockedView, WelcomeView,
};
use satchel_core::{Error, Profile};
use tauri::State;

use crate::{STARTED, Shell};

type Reply<T> = Result<T, ErrorView>;

/// Runs `work` on the blocking pool: key derivation and disk writes never stall the
/// window's event loop.
async fn off_ui_thread<T: Send + 'static>(
    shell: &State<'_, Arc<Shell>>,
    work: impl FnOnce(&Shell) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    let shell = Arc::clone(shell);
    tauri::async_runtime::spawn_blocking(move || work(&shell))
        .await
        .map_err(|e| ErrorView {
            code: ErrorCode::Internal,
            message: e.to_string(),
        })?
}

fn view(error: Error) -> ErrorView {
    error.view()
}

/// `work` on the open profile, or `Locked` when none is open.
fn with_open<T>(
    shell: &Shell,
    work: impl FnOnce(&mut Profile) -> satchel_core::Result<T>,
) -> Reply<T> {
    let mut open = shell.open.lock().unwrap_or_else(PoisonError::into_inner);
    let profile = open.as_mut().ok_or_else(|| ErrorView {
        code: ErrorCode::Locked,
        message: "no profile is open".into(),
    })?;
    work(profile).map_err(view)
}

fn set_open(shell: &Shell, profile: Option<Profile>) {
    *shell.open.lock().unwrap_or_else(PoisonError::into_inner) = profile;
}

#[tauri::command(rename_all = "snake_case")]
pub async fn welcome(shell: State<'_, Arc<Shell>>) -> Reply<WelcomeView> {
    off_ui_thread(&shell, |shell| shell.satchel.welcome().map_err(view)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_profile(
    shell: State<'_, Arc<Shell>>,
    name: String,
    passphrase: Option<String>,
) -> Reply<RecoveryCodeView> {
    off_ui_thread(&shell, move |shell| {
        let (profile, code) = shell
            .satchel
            .create_profile(&name, passphrase.as_deref())
            .map_err(view)?;
        let reply = RecoveryCodeView {
            profile: profile.view(),
            recovery_code: code.as_str().to_owned(),
        };
        set_open(shell, Some(profile));
        Ok(reply)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn unlock_profile(
    shell: State<'_, Arc<Shell>>,
    profile_id: String,
    request: UnlockRequest,
) -> Reply<UnlockedView> {
    off_ui_thread(&shell, move |shell| {
        set_open(shell, None);
        let profile = shell.satchel.unlock(&profile_id, &request).map_err(view)?;
        let reply = UnlockedView {
            library: profile.library().map_err(view)?,
            unshown_recovery_code: profile.unshown_recovery_code().map_err(view)?,
        };
        set_open(shell, Some(profile));
        Ok(reply)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn lock_profile(shell: State<'_, Arc<Shell>>) -> Reply<()> {
    off_ui_thread(&shell, |shell| {
        set_open(shell, None);
        Ok(())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn library(shell: State<'_, Arc<Shell>>) -> Reply<LibraryView> {
    off_ui_thread(&shell, |shell| with_open(shell, |p| p.library())).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn note(shell: State<'_, Arc<Shell>>, id: String) -> Reply<NoteView> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.note(&id))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_note(shell: State<'_, Arc<Shell>>, draft: NoteDraft) -> Reply<NoteView> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.save_note(&draft))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_note(shell: State<'_, Arc<Shell>>, id: String) -> Reply<()> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.delete_note(&id))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn rotate_key(
    shell: State<'_, Arc<Shell>>,
    passphrase: Option<String>,
) -> Reply<RecoveryCodeView> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            let code = p.rotate_key(passphrase.as_deref())?;
            Ok(RecoveryCodeView {
                profile: p.view(),
                recovery_code: code.as_str().to_owned(),
            })
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn acknowledge_recovery_code(shell: State<'_, Arc<Shell>>) -> Reply<()> {
    off_ui_thread(&shell, |shell| {
        with_open(shell, |p| p.acknowledge_recovery_code())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn about(shell: State<'_, Arc<Shell>>) -> Reply<AboutView> {
    off_ui_thread(&shell, |shell| with_open(shell, |p| p.about())).await
}

/// The UI's first frame is up. With `SATCHEL_EXIT_AFTER_FIRST_PAINT=1` (the cold-start
/// benchmark) the time since process start is printed and the app exits.
#[tauri::command(rename_all = "snake_case")]
pub fn first_paint(app: tauri::AppHandle) {
    if std::env::var_os("SATCHEL_EXIT_AFTER_FIRST_PAINT").is_some() {
        let elapsed = STARTED
            .get()
            .map(|t| t.elapsed().as_secs_f64() * 1000.0)
            .unwrap_or_default();
        println!("first_paint_ms={elapsed:.1}");
        app.exit(0);
    }
}
