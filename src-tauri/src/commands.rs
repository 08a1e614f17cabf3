//! The window's commands: each one coarse (one call returns a whole view), each run
//! off the UI thread, each failing with an `ErrorView` the UI words for the learner.

use std::sync::{Arc, PoisonError};

use std::path::PathBuf;

use satchel_core::types::{
    ErrorCode, ErrorView, HelperSettings, ImportOutcome, RecoveryCodeView, UnlockedView, command,
};
use satchel_core::{Error, Profile};
use tauri::State;

use crate::ipc::{Args, ReplyTo};
use crate::{STARTED, Shell};

pub(crate) type Reply<T> = Result<T, ErrorView>;

/// Runs `work` on the blocking pool: key derivation and disk writes never stall the
/// window's event loop.
pub(crate) async fn off_ui_thread<T: Send + 'static>(
    shell: &State<'_, Arc<Shell>>,
    work: impl FnOnce(&Shell) -> Reply<T> + Send + 'static,
) -> Reply<T> {
    let shell = Arc::clone(shell);
    tauri::async_runtime::spawn_blocking(move || work(&shell))
        .await
        .map_err(|e| ErrorView::new(ErrorCode::Internal, e.to_string()))?
}

pub(crate) fn view(error: Error) -> ErrorView {
    error.view()
}

fn locked() -> ErrorView {
    ErrorView::new(ErrorCode::Locked, "no profile is open")
}

/// The open profile, or `Locked` when none is open. The lock is held only to clone
/// the handle, so a long command never blocks the others.
pub(crate) fn open_profile(shell: &Shell) -> Reply<Arc<Profile>> {
    shell
        .open
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
        .ok_or_else(locked)
}

/// `work` on the open profile, or `Locked` when none is open.
pub(crate) fn with_open<T>(
    shell: &Shell,
    work: impl FnOnce(&Arc<Profile>) -> satchel_core::Result<T>,
) -> Reply<T> {
    work(&open_profile(shell)?).map_err(view)
}

/// Opens `profile` (or closes the open one), pausing background work on the one
/// closed and resuming what was unfinished in the one opened.
pub(crate) fn set_open(shell: &Shell, profile: Option<Profile>) {
    set_open_shared(shell, profile.map(Arc::new));
}

/// [`set_open`] with a profile already shared.
pub(crate) fn set_open_shared(shell: &Shell, profile: Option<Arc<Profile>>) {
    // A recording in progress is kept, whole, before its profile closes.
    let closing = shell
        .open
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    if let Err(error) = shell.recorder.stop(closing.as_ref(), &shell.work, false) {
        eprintln!("saving the recording: {error}");
    }
    shell.pages.clear();
    // A class server belongs to its teacher's open library.
    shell.class_host.stop();
    *shell.open.lock().unwrap_or_else(PoisonError::into_inner) = profile.clone();
    // The closed library's work waits for its next unlock; the opened one's resumes.
    if let Err(error) = shell.work.open(profile.as_ref()) {
        eprintln!("starting the library's background work: {error}");
    }
}

#[tauri::command(rename_all = "snake_case")]
pub async fn welcome(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Welcome>,
) -> ReplyTo<command::Welcome> {
    off_ui_thread(&shell, |shell| shell.satchel.welcome().map_err(view)).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn create_profile(
    shell: State<'_, Arc<Shell>>,
    Args(command::CreateProfile { name, passphrase }): Args<command::CreateProfile>,
) -> ReplyTo<command::CreateProfile> {
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
    Args(command::UnlockProfile {
        profile_id,
        request,
    }): Args<command::UnlockProfile>,
) -> ReplyTo<command::UnlockProfile> {
    off_ui_thread(&shell, move |shell| {
        let _one_at_a_time = shell
            .changing
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
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
pub async fn lock_profile(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::LockProfile>,
) -> ReplyTo<command::LockProfile> {
    off_ui_thread(&shell, |shell| {
        set_open(shell, None);
        Ok(())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn library(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Library>,
) -> ReplyTo<command::Library> {
    off_ui_thread(&shell, |shell| with_open(shell, |p| p.library())).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn note(
    shell: State<'_, Arc<Shell>>,
    Args(command::Note { id }): Args<command::Note>,
) -> ReplyTo<command::Note> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.note(&id))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn save_note(
    shell: State<'_, Arc<Shell>>,
    Args(command::SaveNote { draft }): Args<command::SaveNote>,
) -> ReplyTo<command::SaveNote> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.save_note(&draft))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_note(
    shell: State<'_, Arc<Shell>>,
    Args(command::DeleteNote { id }): Args<command::DeleteNote>,
) -> ReplyTo<command::DeleteNote> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.delete_note(&id))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn rotate_key(
    shell: State<'_, Arc<Shell>>,
    Args(command::RotateKey { passphrase }): Args<command::RotateKey>,
) -> ReplyTo<command::RotateKey> {
    off_ui_thread(&shell, move |shell| {
        let mut open = shell.open.lock().unwrap_or_else(PoisonError::into_inner);
        let profile = open.as_mut().ok_or_else(locked)?;
        // Re-keying needs the profile to itself: background work holds it too.
        let profile = Arc::get_mut(profile).ok_or_else(|| {
            view(Error::InUse(
                "a recording is being made or transcribed; stop it or let it finish, then change the key"
                    .into(),
            ))
        })?;
        let code = profile.rotate_key(passphrase.as_deref()).map_err(view)?;
        Ok(RecoveryCodeView {
            profile: profile.view(),
            recovery_code: code.as_str().to_owned(),
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn acknowledge_recovery_code(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::AcknowledgeRecoveryCode>,
) -> ReplyTo<command::AcknowledgeRecoveryCode> {
    off_ui_thread(&shell, |shell| {
        with_open(shell, |p| p.acknowledge_recovery_code())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn about(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::About>,
) -> ReplyTo<command::About> {
    off_ui_thread(&shell, |shell| with_open(shell, |p| p.about())).await
}

/// Asks for files with the system's file dialog, one or `many`, offering `filters`
/// (a name and its extensions each); empty when the learner closes it without choosing.
pub(crate) async fn pick(
    app: tauri::AppHandle,
    filters: Vec<(&'static str, Vec<&'static str>)>,
    many: bool,
) -> Reply<Vec<String>> {
    use tauri_plugin_dialog::DialogExt;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        let dialog = filters
            .iter()
            .fold(app.dialog().file(), |dialog, (name, extensions)| {
                dialog.add_filter(*name, extensions)
            });
        if many {
            dialog.blocking_pick_files()
        } else {
            dialog.blocking_pick_file().map(|file| vec![file])
        }
    })
    .await
    .map_err(|e| ErrorView::new(ErrorCode::Internal, e.to_string()))?;
    Ok(picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}

/// What the models found let Satchel do. Needs no open profile: the welcome screen
/// asks too.
#[tauri::command(rename_all = "snake_case")]
pub async fn models(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Models>,
) -> ReplyTo<command::Models> {
    off_ui_thread(&shell, |shell| Ok(model_status(shell))).await
}

fn model_status(shell: &Shell) -> satchel_core::types::ModelStatus {
    let data_dir = shell.satchel.data_dir();
    let dirs = satchel_core::models::model_dirs(Some(data_dir));
    let imported = satchel_core::packs::installed_models(data_dir).map(|p| p.version);
    satchel_core::models::status(&dirs, imported)
}

#[tauri::command(rename_all = "snake_case")]
pub async fn pick_model_pack(
    app: tauri::AppHandle,
    _: Args<command::PickModelPack>,
) -> ReplyTo<command::PickModelPack> {
    let picked = pick(app, vec![("Satchel model packs", vec!["pack"])], false).await?;
    Ok(picked.into_iter().next())
}

/// Imports a model pack into the data folder, where the engines look after the
/// package's own folder: the abilities it brings work at once, without a restart.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_model_pack(
    shell: State<'_, Arc<Shell>>,
    Args(command::ImportModelPack { path }): Args<command::ImportModelPack>,
) -> ReplyTo<command::ImportModelPack> {
    off_ui_thread(&shell, move |shell| {
        let keys = satchel_core::packs::trusted_keys();
        satchel_core::packs::import_models(
            std::path::Path::new(&path),
            shell.satchel.data_dir(),
            &keys,
        )
        .map_err(view)?;
        Ok(model_status(shell))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn pick_update(
    app: tauri::AppHandle,
    _: Args<command::PickUpdate>,
) -> ReplyTo<command::PickUpdate> {
    let picked = pick(app, vec![("Satchel updates", vec!["pack"])], false).await?;
    Ok(picked.into_iter().next())
}

/// Where checked updates wait for the learner's choice.
fn updates_dir(shell: &Shell) -> std::path::PathBuf {
    satchel_core::packs::updates_dir(shell.satchel.data_dir())
}

/// Checks an update file whole and stages its installer under the data folder.
#[tauri::command(rename_all = "snake_case")]
pub async fn check_update(
    shell: State<'_, Arc<Shell>>,
    Args(command::CheckUpdate { path }): Args<command::CheckUpdate>,
) -> ReplyTo<command::CheckUpdate> {
    off_ui_thread(&shell, move |shell| {
        satchel_core::packs::stage_update(
            std::path::Path::new(&path),
            shell.satchel.data_dir(),
            &satchel_core::packs::trusted_keys(),
        )
        .map_err(view)
    })
    .await
}

/// Installs a staged update with the system's package manager, asking for the
/// computer's administrator (pkexec). Only a file staged by `check_update` is taken.
#[tauri::command(rename_all = "snake_case")]
pub async fn install_update(
    shell: State<'_, Arc<Shell>>,
    Args(command::InstallUpdate { installer }): Args<command::InstallUpdate>,
) -> ReplyTo<command::InstallUpdate> {
    off_ui_thread(&shell, move |shell| {
        let path = std::path::PathBuf::from(&installer);
        let staged = path
            .canonicalize()
            .ok()
            .zip(updates_dir(shell).canonicalize().ok())
            .is_some_and(|(file, dir)| file.starts_with(dir));
        if !staged {
            return Err(ErrorView::new(
                ErrorCode::InvalidInput,
                "only an update Satchel has checked can be installed",
            ));
        }
        let manager: &[&str] = match path.extension().and_then(|e| e.to_str()) {
            Some("deb") => &["apt-get", "install", "-y"],
            Some("rpm") => &["dnf", "install", "-y"],
            _ => &[],
        };
        let ask_an_adult = |why: String| {
            ErrorView::new(
                ErrorCode::Forbidden,
                format!(
                    "{why}; whoever looks after this computer can install {}",
                    path.display()
                ),
            )
        };
        let Some((program, args)) = manager.split_first() else {
            return Err(ask_an_adult(
                "this computer installs Satchel another way".into(),
            ));
        };
        let status = std::process::Command::new("pkexec")
            .arg(program)
            .args(args)
            .arg(&path)
            .status()
            .map_err(|e| ask_an_adult(format!("pkexec could not start ({e})")))?;
        if status.success() {
            Ok(())
        } else {
            Err(ask_an_adult(format!(
                "the installation did not finish ({status})"
            )))
        }
    })
    .await
}

/// Asks for recordings, pictures, PDFs and text to bring in.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_audio_files(
    app: tauri::AppHandle,
    _: Args<command::PickAudioFiles>,
) -> ReplyTo<command::PickAudioFiles> {
    let audio: Vec<&str> = satchel_core::AUDIO_TYPES.iter().map(|(e, _)| *e).collect();
    let pictures: Vec<&str> = satchel_core::IMAGE_TYPES.iter().map(|(e, _)| *e).collect();
    let text = satchel_core::TEXT_EXTENSIONS.to_vec();
    let everything: Vec<&str> = audio
        .iter()
        .chain(&pictures)
        .copied()
        .chain(["pdf"])
        .chain(text.iter().copied())
        .collect();
    let filters = vec![
        ("Recordings, pictures, PDFs and text", everything),
        ("Recordings", audio),
        ("Pictures", pictures),
        ("PDF documents", vec!["pdf"]),
        ("Text and Markdown", text),
    ];
    pick(app, filters, true).await
}

/// Brings in files — recordings, pictures, PDFs — chosen in the dialog or dropped on
/// the window, and queues each for its text; one file's failure does not stop the
/// others.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_audio(
    shell: State<'_, Arc<Shell>>,
    Args(command::ImportAudio { paths, language }): Args<command::ImportAudio>,
) -> ReplyTo<command::ImportAudio> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        Ok(paths
            .into_iter()
            .map(|path| {
                let path = PathBuf::from(path);
                let file = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                match profile.import_file(&path, None) {
                    Ok(source) => {
                        shell.work.read(&profile, &source.id, language.as_deref());
                        ImportOutcome {
                            file,
                            source_id: Some(source.id),
                            error: None,
                        }
                    }
                    Err(error) => ImportOutcome {
                        file,
                        source_id: None,
                        error: Some(error.view()),
                    },
                }
            })
            .collect())
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn source(
    shell: State<'_, Arc<Shell>>,
    Args(command::Source { id }): Args<command::Source>,
) -> ReplyTo<command::Source> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.source(&id))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_source(
    shell: State<'_, Arc<Shell>>,
    Args(command::DeleteSource { id }): Args<command::DeleteSource>,
) -> ReplyTo<command::DeleteSource> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        // Its read stops; a job about a deleted source ends without effect.
        let _ = shell.work.cancel(&profile, &id);
        profile.delete_source(&id).map_err(view)
    })
    .await
}

/// Stops a transcription, running or waiting; the recording stays.
#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_transcription(
    shell: State<'_, Arc<Shell>>,
    Args(command::CancelTranscription { id }): Args<command::CancelTranscription>,
) -> ReplyTo<command::CancelTranscription> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        shell.work.cancel(&profile, &id).map_err(view)
    })
    .await
}

/// Queues a failed or cancelled source again.
#[tauri::command(rename_all = "snake_case")]
pub async fn retry_transcription(
    shell: State<'_, Arc<Shell>>,
    Args(command::RetryTranscription { id, language }): Args<command::RetryTranscription>,
) -> ReplyTo<command::RetryTranscription> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        // A read waiting or under way stops first: the new one is in this language.
        let _ = shell.work.cancel(&profile, &id);
        let source = profile.requeue_source(&id).map_err(view)?;
        shell.work.read(&profile, &source.id, language.as_deref());
        Ok(source)
    })
    .await
}

/// Reads a password-protected PDF with the password the learner typed. The password
/// is used once and kept nowhere.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_document(
    shell: State<'_, Arc<Shell>>,
    Args(command::OpenDocument { id, password }): Args<command::OpenDocument>,
) -> ReplyTo<command::OpenDocument> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        satchel_core::read_source(&profile, &id, shell.vision.as_ref(), Some(&password))
            .map_err(view)
    })
    .await
}

/// Where the player can fetch a source's recording.
#[tauri::command(rename_all = "snake_case")]
pub fn media_url(
    shell: State<'_, Arc<Shell>>,
    Args(command::MediaUrl { id }): Args<command::MediaUrl>,
) -> ReplyTo<command::MediaUrl> {
    let base = shell
        .media_base
        .get()
        .ok_or_else(|| ErrorView::new(ErrorCode::Internal, "the recording server did not start"))?;
    Ok(format!("{base}{id}"))
}

/// The UI's first frame is up. With `SATCHEL_EXIT_AFTER_FIRST_PAINT=1` (the cold-start
/// benchmark) the time since process start is printed and the app exits.
#[tauri::command(rename_all = "snake_case")]
pub fn first_paint(
    app: tauri::AppHandle,
    _: Args<command::FirstPaint>,
) -> ReplyTo<command::FirstPaint> {
    if std::env::var_os("SATCHEL_EXIT_AFTER_FIRST_PAINT").is_some() {
        let elapsed = STARTED
            .get()
            .map(|t| t.elapsed().as_secs_f64() * 1000.0)
            .unwrap_or_default();
        println!("first_paint_ms={elapsed:.1}");
        app.exit(0);
    }
    Ok(())
}

/// Starts recording from the microphone into the open profile.
#[tauri::command(rename_all = "snake_case")]
pub async fn start_recording(
    shell: State<'_, Arc<Shell>>,
    Args(command::StartRecording { title, language }): Args<command::StartRecording>,
) -> ReplyTo<command::StartRecording> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        shell
            .recorder
            .start(&profile, &title, language)
            .map_err(view)
    })
    .await
}

/// Stops the recording and returns the id of the source it became (queued for
/// transcription), or nothing when it was discarded or held no sound.
#[tauri::command(rename_all = "snake_case")]
pub async fn stop_recording(
    shell: State<'_, Arc<Shell>>,
    Args(command::StopRecording { discard }): Args<command::StopRecording>,
) -> ReplyTo<command::StopRecording> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell).ok();
        shell
            .recorder
            .stop(profile.as_ref(), &shell.work, discard)
            .map_err(view)
    })
    .await
}

/// The recording being made, if any (for a page that opens while one goes on).
#[tauri::command(rename_all = "snake_case")]
pub async fn recording(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Recording>,
) -> ReplyTo<command::Recording> {
    off_ui_thread(&shell, |shell| Ok(shell.recorder.current())).await
}

/// Brings in a picture pasted into the window: its bytes arrive raw, not as JSON.
/// Returns the new source's id; the picture is queued to be read.
#[tauri::command(rename_all = "snake_case")]
pub async fn paste_image(
    shell: State<'_, Arc<Shell>>,
    request: tauri::ipc::Request<'_>,
) -> Reply<String> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(ErrorView::new(
            ErrorCode::InvalidInput,
            "a pasted picture arrives as raw bytes",
        ));
    };
    let bytes = bytes.clone();
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        let source = profile
            .import_image_bytes(&bytes, "Pasted picture")
            .map_err(view)?;
        shell.work.read(&profile, &source.id, None);
        Ok(source.id)
    })
    .await
}

/// Hits a search bar shows at most.
const SEARCH_LIMIT: usize = 20;
/// Passages Ask shows at most.
const ASK_LIMIT: usize = 5;

/// Every note and source by words and by meaning, from what is indexed now (the
/// indexing jobs catch up on what is new in the background).
#[tauri::command(rename_all = "snake_case")]
pub async fn search(
    shell: State<'_, Arc<Shell>>,
    Args(command::Search { query }): Args<command::Search>,
) -> ReplyTo<command::Search> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |profile| {
            profile.search(&query, SEARCH_LIMIT, shell.meaning.as_ref())
        })
    })
    .await
}

/// The passages that answer `question`, each with its answering sentence.
#[tauri::command(rename_all = "snake_case")]
pub async fn ask(
    shell: State<'_, Arc<Shell>>,
    Args(command::Ask { question }): Args<command::Ask>,
) -> ReplyTo<command::Ask> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |profile| {
            profile.ask(&question, ASK_LIMIT, shell.meaning.as_ref())
        })
    })
    .await
}

/// Every concept and which sources share them, or one source's.
#[tauri::command(rename_all = "snake_case")]
pub async fn concepts(
    shell: State<'_, Arc<Shell>>,
    Args(command::Concepts { id }): Args<command::Concepts>,
) -> ReplyTo<command::Concepts> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |profile| profile.concepts(id.as_deref()))
    })
    .await
}

pub(crate) fn now() -> i64 {
    satchel_core::jobs::Clock::now_ms(&satchel_core::jobs::SystemClock)
}

/// Starts making a study pack from a note or source; its steps run in the background.
#[tauri::command(rename_all = "snake_case")]
pub async fn request_pack(
    shell: State<'_, Arc<Shell>>,
    Args(command::RequestPack { source_id }): Args<command::RequestPack>,
) -> ReplyTo<command::RequestPack> {
    off_ui_thread(&shell, move |shell| {
        let pack = with_open(shell, |p| p.request_pack(&source_id, now()))?;
        shell.work.wake();
        Ok(pack)
    })
    .await
}

/// Brings the sample lesson into the open library; its reading and its packs are made
/// by the library's jobs, whose events the window follows.
#[tauri::command(rename_all = "snake_case")]
pub async fn add_sample_lesson(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::AddSampleLesson>,
) -> ReplyTo<command::AddSampleLesson> {
    off_ui_thread(&shell, move |shell| {
        let packs = with_open(shell, |p| p.add_sample_lesson(now()))?;
        shell.work.wake();
        Ok(packs)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn pack(
    shell: State<'_, Arc<Shell>>,
    Args(command::Pack { id }): Args<command::Pack>,
) -> ReplyTo<command::Pack> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.pack(&id))).await
}

/// The study packs made from a note or source, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn packs_of(
    shell: State<'_, Arc<Shell>>,
    Args(command::PacksOf { source_id }): Args<command::PacksOf>,
) -> ReplyTo<command::PacksOf> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.packs_of(&source_id))
    })
    .await
}

/// Keeps, edits or deletes a generated card.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_card(
    shell: State<'_, Arc<Shell>>,
    Args(command::SetCard {
        id,
        state,
        front,
        back,
    }): Args<command::SetCard>,
) -> ReplyTo<command::SetCard> {
    off_ui_thread(&shell, move |shell| {
        let edited = front.as_deref().zip(back.as_deref());
        with_open(shell, |p| p.set_card(&id, state, edited))
    })
    .await
}

/// The background jobs: those not done, and the last few done.
#[tauri::command(rename_all = "snake_case")]
pub async fn jobs(shell: State<'_, Arc<Shell>>, _: Args<command::Jobs>) -> ReplyTo<command::Jobs> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.jobs(20))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn retry_job(
    shell: State<'_, Arc<Shell>>,
    Args(command::RetryJob { id }): Args<command::RetryJob>,
) -> ReplyTo<command::RetryJob> {
    off_ui_thread(&shell, move |shell| {
        let job = with_open(shell, |p| p.retry_job(&id, now()))?;
        shell.work.wake();
        Ok(job)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_job(
    shell: State<'_, Arc<Shell>>,
    Args(command::CancelJob { id }): Args<command::CancelJob>,
) -> ReplyTo<command::CancelJob> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.cancel_job(&id, now()))
    })
    .await
}

/// The helper on the network, if one is set.
#[tauri::command(rename_all = "snake_case")]
pub async fn helper(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Helper>,
) -> ReplyTo<command::Helper> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.helper_settings())
    })
    .await
}

/// Sets the helper on the network (or forgets it, with an empty address) and tries it
/// at once: the reply says whether it answered.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_helper(
    shell: State<'_, Arc<Shell>>,
    Args(command::SetHelper { url, model }): Args<command::SetHelper>,
) -> ReplyTo<command::SetHelper> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        if url.trim().is_empty() {
            profile.set_helper(None).map_err(view)?;
            return Ok(None);
        }
        let settings = HelperSettings {
            url: url.trim().to_owned(),
            model: model.trim().to_owned(),
        };
        profile.set_helper(Some(&settings)).map_err(view)?;
        let helper = profile.helper().map_err(view)?;
        Ok(helper.and_then(|h| {
            h.check()
                .err()
                .map(|e| ErrorView::new(ErrorCode::Busy, e.to_string()))
        }))
    })
    .await
}

/// The card to study next (in one deck, or in all), or none for now.
#[tauri::command(rename_all = "snake_case")]
pub async fn next_card(
    shell: State<'_, Arc<Shell>>,
    Args(command::NextCard { deck }): Args<command::NextCard>,
) -> ReplyTo<command::NextCard> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.next_card(deck.as_deref(), now()))
    })
    .await
}

/// Answers a card; an optimisation it queues starts at once.
#[tauri::command(rename_all = "snake_case")]
pub async fn answer_card(
    shell: State<'_, Arc<Shell>>,
    Args(command::AnswerCard {
        card_id,
        rating,
        duration_ms,
    }): Args<command::AnswerCard>,
) -> ReplyTo<command::AnswerCard> {
    off_ui_thread(&shell, move |shell| {
        let answered = with_open(shell, |p| p.answer(&card_id, rating, duration_ms, now()))?;
        shell.work.wake();
        Ok(answered)
    })
    .await
}

/// Undoes the latest answer; the card comes back as it was, to be answered again.
#[tauri::command(rename_all = "snake_case")]
pub async fn undo_review(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::UndoReview>,
) -> ReplyTo<command::UndoReview> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            let card = p.undo_review(None, now())?;
            p.card_to_study(&card.id, now())
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_cards(
    shell: State<'_, Arc<Shell>>,
    Args(command::AddCards { draft }): Args<command::AddCards>,
) -> ReplyTo<command::AddCards> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.add_cards(&draft, now()))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn decks(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Decks>,
) -> ReplyTo<command::Decks> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.decks(now()))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn study_cards(
    shell: State<'_, Arc<Shell>>,
    Args(command::StudyCards { deck }): Args<command::StudyCards>,
) -> ReplyTo<command::StudyCards> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.study_cards(deck.as_deref()))
    })
    .await
}

/// Suspends, lets back, buries until tomorrow or deletes a card.
#[tauri::command(rename_all = "snake_case")]
pub async fn card_action(
    shell: State<'_, Arc<Shell>>,
    Args(command::CardAction { id, action }): Args<command::CardAction>,
) -> ReplyTo<command::CardAction> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| match action.as_str() {
            "suspend" => p.set_suspended(&id, true, now()),
            "unsuspend" => p.set_suspended(&id, false, now()),
            "bury" => p.bury(&id, now()),
            "delete" => p.delete_study_card(&id, now()),
            other => Err(Error::InvalidInput(format!("no card action {other:?}"))),
        })
    })
    .await
}

/// Help with a card: its passage, a hint, its fact in its source's words.
#[tauri::command(rename_all = "snake_case")]
pub async fn card_help(
    shell: State<'_, Arc<Shell>>,
    Args(command::CardHelp { id }): Args<command::CardHelp>,
) -> ReplyTo<command::CardHelp> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.card_help(&id))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn learning_stats(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::LearningStats>,
) -> ReplyTo<command::LearningStats> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.learning_stats(now()))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn study_now(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::StudyNow>,
) -> ReplyTo<command::StudyNow> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.study_now(now()))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_learning(
    shell: State<'_, Arc<Shell>>,
    Args(command::SetLearning {
        desired_retention,
        new_per_day,
    }): Args<command::SetLearning>,
) -> ReplyTo<command::SetLearning> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.set_learning_settings(desired_retention, new_per_day)
        })
    })
    .await
}

/// Queues fitting the scheduling to the learner's own reviews now.
#[tauri::command(rename_all = "snake_case")]
pub async fn optimise_learning(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::OptimiseLearning>,
) -> ReplyTo<command::OptimiseLearning> {
    off_ui_thread(&shell, move |shell| {
        let job = with_open(shell, |p| p.queue_optimise(now()))?;
        shell.work.wake();
        Ok(job)
    })
    .await
}

/// Records a quiz answer (for mastery); whether it was right.
#[tauri::command(rename_all = "snake_case")]
pub async fn answer_quiz(
    shell: State<'_, Arc<Shell>>,
    Args(command::AnswerQuiz {
        question_id,
        chosen,
    }): Args<command::AnswerQuiz>,
) -> ReplyTo<command::AnswerQuiz> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.answer_quiz(&question_id, chosen, now()))
    })
    .await
}

/// Asks for an Anki deck (.apkg) with the system's file dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_anki_deck(
    app: tauri::AppHandle,
    _: Args<command::PickAnkiDeck>,
) -> ReplyTo<command::PickAnkiDeck> {
    let picked = pick(app, vec![("Anki decks", vec!["apkg"])], false).await?;
    Ok(picked.into_iter().next())
}

/// Brings in an Anki deck with its media and review history.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_anki(
    shell: State<'_, Arc<Shell>>,
    Args(command::ImportAnki { path }): Args<command::ImportAnki>,
) -> ReplyTo<command::ImportAnki> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.import_anki(std::path::Path::new(&path), now(), &mut |_, _| {})
        })
    })
    .await
}

/// Where to save a file, as the system's save dialog asks: `kind` names the filter,
/// `extension` its files, `name` the suggestion. `None` when the learner cancels.
pub(crate) async fn ask_where_to_save(
    app: tauri::AppHandle,
    kind: &'static str,
    extension: &'static str,
    name: String,
) -> Result<Option<PathBuf>, ErrorView> {
    use tauri_plugin_dialog::DialogExt;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .add_filter(kind, &[extension])
            .set_file_name(name)
            .blocking_save_file()
    })
    .await
    .map_err(|e| ErrorView::new(ErrorCode::Internal, e.to_string()))?;
    Ok(picked.and_then(|p| p.into_path().ok()))
}

/// Saves a report as CSV where the learner chooses.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_csv(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    Args(command::SaveCsv { report }): Args<command::SaveCsv>,
) -> ReplyTo<command::SaveCsv> {
    use satchel_core::reports;
    use satchel_core::types::CsvReport;
    let wanted = report.clone();
    let (name, text) = off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            Ok(match &wanted {
                CsvReport::Reviews => (
                    "reviews.csv".to_owned(),
                    reports::reviews_csv(&p.learning_stats(now())?),
                ),
                CsvReport::Mastery => (
                    "mastery.csv".to_owned(),
                    reports::mastery_csv(&p.learning_stats(now())?),
                ),
                CsvReport::Class { class_id } => {
                    let report = p.classroom().report(class_id)?;
                    (
                        format!("{}.csv", satchel_core::file_name_part(&report.class.name)),
                        reports::class_csv(&report),
                    )
                }
            })
        })
    })
    .await?;
    let Some(path) = ask_where_to_save(app, "CSV", "csv", name).await? else {
        return Ok(None);
    };
    let partial = path.with_extension("csv.part");
    std::fs::write(&partial, text.as_bytes())
        .and_then(|()| std::fs::rename(&partial, &path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            ErrorView::new(ErrorCode::Storage, format!("{}: {e}", path.display()))
        })?;
    Ok(Some(path.display().to_string()))
}

/// Writes a deck, or every deck, for Anki where the learner chooses.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_anki(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    Args(command::ExportAnki { deck }): Args<command::ExportAnki>,
) -> ReplyTo<command::ExportAnki> {
    // A deck's file is named after it ("Biology::Cells" as "Biology - Cells.apkg").
    let name = satchel_core::file_name_part(
        &deck
            .as_deref()
            .map_or_else(|| "Satchel".to_owned(), |d| d.replace("::", " - ")),
    );
    let Some(path) = ask_where_to_save(app, "Anki decks", "apkg", format!("{name}.apkg")).await?
    else {
        return Ok(None);
    };
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.export_anki(&path, deck.as_deref(), now(), &mut |_, _| {})
                .map(Some)
        })
    })
    .await
}

/// Asks for pictures and sounds to put on a card.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_card_media(
    app: tauri::AppHandle,
    _: Args<command::PickCardMedia>,
) -> ReplyTo<command::PickCardMedia> {
    let extensions = satchel_core::learn::CARD_MEDIA_TYPES
        .iter()
        .map(|(e, _)| *e)
        .collect();
    pick(app, vec![("Pictures and sounds", extensions)], true).await
}

/// The learner's time zone (minutes east of UTC), which decides when their day turns.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_time_zone(
    shell: State<'_, Arc<Shell>>,
    Args(command::SetTimeZone { minutes }): Args<command::SetTimeZone>,
) -> ReplyTo<command::SetTimeZone> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.set_utc_offset(minutes))
    })
    .await
}

/// Where sync stands, for the indicator and Settings.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_status(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::SyncStatus>,
) -> ReplyTo<command::SyncStatus> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.sync().status())).await
}

/// Signs in to a sync server.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_sign_in(
    shell: State<'_, Arc<Shell>>,
    Args(command::SyncSignIn {
        server,
        name,
        password,
    }): Args<command::SyncSignIn>,
) -> ReplyTo<command::SyncSignIn> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.sync().sign_in(&server, &name, &password))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sync_sign_out(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::SyncSignOut>,
) -> ReplyTo<command::SyncSignOut> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.sync().sign_out())
    })
    .await
}

/// Syncs now (the learner asked: tried even while the server is resting); its
/// progress and end arrive as events.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_now(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::SyncNow>,
) -> ReplyTo<command::SyncNow> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.sync().now(true))
    })
    .await
}
