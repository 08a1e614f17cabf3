//! Backups from the window (listing, making here or into a folder, restoring), and
//! looking after the open profile (renaming, changing what opens it, removing it).

use std::sync::{Arc, PoisonError};
use std::time::{Duration, Instant};

use satchel_core::types::{BackupKind, ErrorCode, ErrorView, RestoredView, UnlockedView, command};
use tauri::State;

use crate::Shell;
use crate::commands::{now, off_ui_thread, set_open, view, with_open};
use crate::ipc::{Args, ReplyTo};

/// The open library's backups kept on this computer.
#[tauri::command(rename_all = "snake_case")]
pub async fn backups(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Backups>,
) -> ReplyTo<command::Backups> {
    off_ui_thread(&shell, |shell| with_open(shell, |p| Ok(p.backups()))).await
}

/// Backs the open library up among its backups.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_now(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::BackupNow>,
) -> ReplyTo<command::BackupNow> {
    off_ui_thread(&shell, |shell| {
        with_open(shell, |p| p.backup(BackupKind::Manual, None, now()))
    })
    .await
}

/// Backs the open library up into a folder the learner picks.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_to_folder(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    _: Args<command::BackupToFolder>,
) -> ReplyTo<command::BackupToFolder> {
    use tauri_plugin_dialog::DialogExt;
    let picked =
        tauri::async_runtime::spawn_blocking(move || app.dialog().file().blocking_pick_folder())
            .await
            .map_err(|e| ErrorView::new(ErrorCode::Internal, e.to_string()))?;
    let Some(folder) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.backup(BackupKind::Manual, Some(&folder), now()).map(Some)
        })
    })
    .await
}

/// Asks for a backup file and says what it is.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_backup(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    _: Args<command::PickBackup>,
) -> ReplyTo<command::PickBackup> {
    let picked = crate::commands::pick(
        app,
        vec![("Satchel backups", vec![satchel_core::BACKUP_EXTENSION])],
        false,
    )
    .await?;
    let Some(path) = picked.into_iter().next() else {
        return Ok(None);
    };
    off_ui_thread(&shell, move |shell| {
        shell
            .satchel
            .read_backup(std::path::Path::new(&path))
            .map(Some)
            .map_err(view)
    })
    .await
}

/// How long a restore waits for the library it replaces to be let go by work still
/// under way (a sync, a job finishing).
const CLOSING: Duration = Duration::from_secs(20);

/// Restores a backup and opens it. The backup is checked while the open library
/// stays open; only then is that library closed, kept as a backup and replaced.
#[tauri::command(rename_all = "snake_case")]
pub async fn restore_backup(
    shell: State<'_, Arc<Shell>>,
    Args(command::RestoreBackup { path, request }): Args<command::RestoreBackup>,
) -> ReplyTo<command::RestoreBackup> {
    off_ui_thread(&shell, move |shell| {
        let _one_at_a_time = shell
            .changing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let prepared = shell
            .satchel
            .prepare_restore(std::path::Path::new(&path), &request)
            .map_err(view)?;
        let open = shell
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let replacing = open
            .as_ref()
            .filter(|p| p.id() == prepared.backup().profile_id)
            .map(Arc::downgrade);
        if replacing.is_some() {
            drop(open);
            set_open(shell, None);
        }
        // Every handle on the old library gone, its database is closed.
        let started = Instant::now();
        while replacing.as_ref().is_some_and(|w| w.strong_count() > 0) {
            if started.elapsed() > CLOSING {
                return Err(ErrorView::new(
                    ErrorCode::Busy,
                    "the library is still busy; open it again and try once more",
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let (profile, restored) = prepared.finish(now()).map_err(view)?;
        let unlocked = UnlockedView {
            library: profile.library().map_err(view)?,
            unshown_recovery_code: profile.unshown_recovery_code().map_err(view)?,
        };
        set_open(shell, Some(profile));
        Ok(RestoredView { restored, unlocked })
    })
    .await
}

/// `work` on the open profile alone: renaming it and changing its key slots need it
/// to themselves. Its background work is paused and let go first (a recording in
/// progress is kept), and resumes after.
fn with_open_alone<T>(
    shell: &Shell,
    work: impl FnOnce(&mut satchel_core::Profile) -> satchel_core::Result<T>,
) -> Result<T, ErrorView> {
    let _one_at_a_time = shell
        .changing
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let open = crate::commands::open_profile(shell)?;
    set_open(shell, None);
    let started = Instant::now();
    while Arc::strong_count(&open) > 1 {
        if started.elapsed() > CLOSING {
            crate::commands::set_open_shared(shell, Some(open));
            return Err(ErrorView::new(
                ErrorCode::Busy,
                "the library is still busy; try again in a moment",
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut profile = match Arc::try_unwrap(open) {
        Ok(profile) => profile,
        Err(open) => {
            crate::commands::set_open_shared(shell, Some(open));
            return Err(ErrorView::new(
                ErrorCode::Busy,
                "the library is still busy; try again in a moment",
            ));
        }
    };
    let result = work(&mut profile).map_err(view);
    set_open(shell, Some(profile));
    result
}

/// Gives the open profile another name.
#[tauri::command(rename_all = "snake_case")]
pub async fn rename_profile(
    shell: State<'_, Arc<Shell>>,
    Args(command::RenameProfile { name }): Args<command::RenameProfile>,
) -> ReplyTo<command::RenameProfile> {
    off_ui_thread(&shell, move |shell| {
        let satchel = shell.satchel.clone();
        with_open_alone(shell, |p| satchel.rename_profile(p, &name))
    })
    .await
}

/// Changes what opens the open profile.
#[tauri::command(rename_all = "snake_case")]
pub async fn protect_profile(
    shell: State<'_, Arc<Shell>>,
    Args(command::ProtectProfile {
        current,
        new_passphrase,
    }): Args<command::ProtectProfile>,
) -> ReplyTo<command::ProtectProfile> {
    off_ui_thread(&shell, move |shell| {
        let satchel = shell.satchel.clone();
        with_open_alone(shell, |p| {
            satchel.protect_profile(p, current.as_deref(), new_passphrase.as_deref())
        })
    })
    .await
}

/// Closes and removes the open profile.
#[tauri::command(rename_all = "snake_case")]
pub async fn remove_profile(
    shell: State<'_, Arc<Shell>>,
    Args(command::RemoveProfile {
        typed_name,
        passphrase,
        keep_backup,
    }): Args<command::RemoveProfile>,
) -> ReplyTo<command::RemoveProfile> {
    off_ui_thread(&shell, move |shell| {
        let _one_at_a_time = shell
            .changing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let open = crate::commands::open_profile(shell)?;
        let view_of = open.view();
        if typed_name.trim() != view_of.name {
            return Err(ErrorView::new(
                ErrorCode::InvalidInput,
                "type the learner's name as it is written to remove them",
            ));
        }
        let request = match (view_of.protection, passphrase) {
            (satchel_core::types::Protection::Passphrase, Some(passphrase)) => {
                satchel_core::types::UnlockRequest::Passphrase { passphrase }
            }
            (satchel_core::types::Protection::Passphrase, None) => {
                return Err(view(satchel_core::Error::PassphraseRequired {
                    profile: view_of.name,
                }));
            }
            (satchel_core::types::Protection::Keychain, _) => {
                satchel_core::types::UnlockRequest::Keychain
            }
        };
        // A mistyped passphrase leaves the library open.
        shell
            .satchel
            .check_secret(&view_of.id, &request)
            .map_err(view)?;
        let closing = Arc::downgrade(&open);
        drop(open);
        set_open(shell, None);
        let started = Instant::now();
        while closing.strong_count() > 0 {
            if started.elapsed() > CLOSING {
                return Err(ErrorView::new(
                    ErrorCode::Busy,
                    "the library is still busy; open it again and try once more",
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        shell
            .satchel
            .remove_profile(&view_of.id, &typed_name, &request, keep_backup)
            .map_err(view)
    })
    .await
}

/// How often the open library is looked at for an automatic backup.
const BACKUP_CHECK: Duration = Duration::from_secs(60);

/// Backs the open library up now and then (every half hour of use that changed it;
/// the core decides), off the window's threads.
pub fn background_backups(shell: &Shell) {
    loop {
        std::thread::sleep(BACKUP_CHECK);
        let open = shell
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(profile) = open
            && let Err(error) = profile.backup_if_due(now())
        {
            eprintln!("backing the library up: {error}");
        }
    }
}
