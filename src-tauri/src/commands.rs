//! The window's commands: each one coarse (one call returns a whole view), each run
//! off the UI thread, each failing with an `ErrorView` the UI words for the learner.

use std::sync::{Arc, PoisonError};

use std::path::PathBuf;

use satchel_core::types::{
    AboutView, AnkiImported, Answer, Answered, CardDraft, CardState, CardView, ConceptMap,
    DeckView, ErrorCode, ErrorView, HelperSettings, ImportOutcome, JobView, LearningSettings,
    LearningStats, LibraryView, NextCard, NoteDraft, NoteView, PackView, Rating, RecordingView,
    RecoveryCodeView, SearchHit, SourceView, StudyCard, StudyStep, SyncAccount, SyncOutcome,
    SyncStatus, UnlockRequest, UnlockedView, WelcomeView,
};
use satchel_core::{Error, Profile};
use tauri::State;

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
        .map_err(|e| ErrorView {
            code: ErrorCode::Internal,
            message: e.to_string(),
        })?
}

fn view(error: Error) -> ErrorView {
    error.view()
}

fn locked() -> ErrorView {
    ErrorView {
        code: ErrorCode::Locked,
        message: "no profile is open".into(),
    }
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
fn set_open(shell: &Shell, profile: Option<Profile>) {
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
    let profile = profile.map(Arc::new);
    *shell.open.lock().unwrap_or_else(PoisonError::into_inner) = profile.clone();
    // The closed library's work waits for its next unlock; the opened one's resumes.
    if let Err(error) = shell.work.open(profile.as_ref()) {
        eprintln!("starting the library's background work: {error}");
    }
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
        let mut open = shell.open.lock().unwrap_or_else(PoisonError::into_inner);
        let profile = open.as_mut().ok_or_else(locked)?;
        // Re-keying needs the profile to itself: background work holds it too.
        let profile = Arc::get_mut(profile).ok_or_else(|| {
            view(Error::Busy(
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
    .map_err(|e| ErrorView {
        code: ErrorCode::Internal,
        message: e.to_string(),
    })?;
    Ok(picked
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
        .collect())
}

/// Asks for recordings, pictures, PDFs and text to bring in.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_audio_files(app: tauri::AppHandle) -> Reply<Vec<String>> {
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
    paths: Vec<String>,
) -> Reply<Vec<ImportOutcome>> {
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
                        shell.work.read(&profile, &source.id);
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
pub async fn source(shell: State<'_, Arc<Shell>>, id: String) -> Reply<SourceView> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.source(&id))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn delete_source(shell: State<'_, Arc<Shell>>, id: String) -> Reply<()> {
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
pub async fn cancel_transcription(shell: State<'_, Arc<Shell>>, id: String) -> Reply<()> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        shell.work.cancel(&profile, &id).map_err(view)
    })
    .await
}

/// Queues a failed or cancelled source again.
#[tauri::command(rename_all = "snake_case")]
pub async fn retry_transcription(shell: State<'_, Arc<Shell>>, id: String) -> Reply<SourceView> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        let source = profile.requeue_source(&id).map_err(view)?;
        shell.work.read(&profile, &source.id);
        Ok(source)
    })
    .await
}

/// Reads a password-protected PDF with the password the learner typed. The password
/// is used once and kept nowhere.
#[tauri::command(rename_all = "snake_case")]
pub async fn open_document(
    shell: State<'_, Arc<Shell>>,
    id: String,
    password: String,
) -> Reply<SourceView> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        satchel_core::read_source(&profile, &id, shell.vision.as_ref(), Some(&password))
            .map_err(view)
    })
    .await
}

/// Where the player can fetch a source's recording.
#[tauri::command(rename_all = "snake_case")]
pub fn media_url(shell: State<'_, Arc<Shell>>, id: String) -> Reply<String> {
    let base = shell.media_base.get().ok_or_else(|| ErrorView {
        code: ErrorCode::Internal,
        message: "the recording server did not start".into(),
    })?;
    Ok(format!("{base}{id}"))
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

/// Starts recording from the microphone into the open profile.
#[tauri::command(rename_all = "snake_case")]
pub async fn start_recording(shell: State<'_, Arc<Shell>>, title: String) -> Reply<RecordingView> {
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        shell.recorder.start(&profile, &title).map_err(view)
    })
    .await
}

/// Stops the recording and returns the id of the source it became (queued for
/// transcription), or nothing when it was discarded or held no sound.
#[tauri::command(rename_all = "snake_case")]
pub async fn stop_recording(shell: State<'_, Arc<Shell>>, discard: bool) -> Reply<Option<String>> {
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
pub async fn recording(shell: State<'_, Arc<Shell>>) -> Reply<Option<RecordingView>> {
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
        return Err(ErrorView {
            code: ErrorCode::InvalidInput,
            message: "a pasted picture arrives as raw bytes".into(),
        });
    };
    let bytes = bytes.clone();
    off_ui_thread(&shell, move |shell| {
        let profile = open_profile(shell)?;
        let source = profile
            .import_image_bytes(&bytes, "Pasted picture")
            .map_err(view)?;
        shell.work.read(&profile, &source.id);
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
pub async fn search(shell: State<'_, Arc<Shell>>, query: String) -> Reply<Vec<SearchHit>> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |profile| {
            profile.search(&query, SEARCH_LIMIT, shell.meaning.as_ref())
        })
    })
    .await
}

/// The passages that answer `question`, each with its answering sentence.
#[tauri::command(rename_all = "snake_case")]
pub async fn ask(shell: State<'_, Arc<Shell>>, question: String) -> Reply<Vec<Answer>> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |profile| {
            profile.ask(&question, ASK_LIMIT, shell.meaning.as_ref())
        })
    })
    .await
}

/// Every concept and which sources share them, or one source's.
#[tauri::command(rename_all = "snake_case")]
pub async fn concepts(shell: State<'_, Arc<Shell>>, id: Option<String>) -> Reply<ConceptMap> {
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
pub async fn request_pack(shell: State<'_, Arc<Shell>>, source_id: String) -> Reply<PackView> {
    off_ui_thread(&shell, move |shell| {
        let pack = with_open(shell, |p| p.request_pack(&source_id, now()))?;
        shell.work.wake();
        Ok(pack)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn pack(shell: State<'_, Arc<Shell>>, id: String) -> Reply<PackView> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.pack(&id))).await
}

/// The study packs made from a note or source, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn packs_of(shell: State<'_, Arc<Shell>>, source_id: String) -> Reply<Vec<PackView>> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.packs_of(&source_id))
    })
    .await
}

/// Keeps, edits or deletes a generated card.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_card(
    shell: State<'_, Arc<Shell>>,
    id: String,
    state: CardState,
    front: Option<String>,
    back: Option<String>,
) -> Reply<CardView> {
    off_ui_thread(&shell, move |shell| {
        let edited = front.as_deref().zip(back.as_deref());
        with_open(shell, |p| p.set_card(&id, state, edited))
    })
    .await
}

/// The background jobs: those not done, and the last few done.
#[tauri::command(rename_all = "snake_case")]
pub async fn jobs(shell: State<'_, Arc<Shell>>) -> Reply<Vec<JobView>> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.jobs(20))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn retry_job(shell: State<'_, Arc<Shell>>, id: String) -> Reply<JobView> {
    off_ui_thread(&shell, move |shell| {
        let job = with_open(shell, |p| p.retry_job(&id, now()))?;
        shell.work.wake();
        Ok(job)
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cancel_job(shell: State<'_, Arc<Shell>>, id: String) -> Reply<JobView> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.cancel_job(&id, now()))
    })
    .await
}

/// The helper on the network, if one is set.
#[tauri::command(rename_all = "snake_case")]
pub async fn helper(shell: State<'_, Arc<Shell>>) -> Reply<Option<HelperSettings>> {
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
    url: String,
    model: String,
) -> Reply<Option<ErrorView>> {
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
            h.check().err().map(|e| ErrorView {
                code: ErrorCode::Busy,
                message: e.to_string(),
            })
        }))
    })
    .await
}

/// The card to study next (in one deck, or in all), or none for now.
#[tauri::command(rename_all = "snake_case")]
pub async fn next_card(
    shell: State<'_, Arc<Shell>>,
    deck: Option<String>,
) -> Reply<Option<NextCard>> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.next_card(deck.as_deref(), now()))
    })
    .await
}

/// Answers a card; an optimisation it queues starts at once.
#[tauri::command(rename_all = "snake_case")]
pub async fn answer_card(
    shell: State<'_, Arc<Shell>>,
    card_id: String,
    rating: Rating,
    duration_ms: i64,
) -> Reply<Answered> {
    off_ui_thread(&shell, move |shell| {
        let answered = with_open(shell, |p| p.answer(&card_id, rating, duration_ms, now()))?;
        shell.work.wake();
        Ok(answered)
    })
    .await
}

/// Undoes the latest answer; the card comes back as it was, to be answered again.
#[tauri::command(rename_all = "snake_case")]
pub async fn undo_review(shell: State<'_, Arc<Shell>>) -> Reply<NextCard> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            let card = p.undo_review(None, now())?;
            p.card_to_study(&card.id, now())
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn add_cards(shell: State<'_, Arc<Shell>>, draft: CardDraft) -> Reply<Vec<StudyCard>> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.add_cards(&draft, now()))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn decks(shell: State<'_, Arc<Shell>>) -> Reply<Vec<DeckView>> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.decks(now()))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn study_cards(
    shell: State<'_, Arc<Shell>>,
    deck: Option<String>,
) -> Reply<Vec<StudyCard>> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.study_cards(deck.as_deref()))
    })
    .await
}

/// Suspends, lets back, buries until tomorrow or deletes a card.
#[tauri::command(rename_all = "snake_case")]
pub async fn card_action(
    shell: State<'_, Arc<Shell>>,
    id: String,
    action: String,
) -> Reply<StudyCard> {
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

#[tauri::command(rename_all = "snake_case")]
pub async fn learning_stats(shell: State<'_, Arc<Shell>>) -> Reply<LearningStats> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.learning_stats(now()))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn study_now(shell: State<'_, Arc<Shell>>) -> Reply<Vec<StudyStep>> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.study_now(now()))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn set_learning(
    shell: State<'_, Arc<Shell>>,
    desired_retention: f32,
    new_per_day: u32,
) -> Reply<LearningSettings> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.set_learning_settings(desired_retention, new_per_day)
        })
    })
    .await
}

/// Queues fitting the scheduling to the learner's own reviews now.
#[tauri::command(rename_all = "snake_case")]
pub async fn optimise_learning(shell: State<'_, Arc<Shell>>) -> Reply<JobView> {
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
    question_id: String,
    chosen: usize,
) -> Reply<bool> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.answer_quiz(&question_id, chosen, now()))
    })
    .await
}

/// Asks for an Anki deck (.apkg) with the system's file dialog.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_anki_deck(app: tauri::AppHandle) -> Reply<Option<String>> {
    let picked = pick(app, vec![("Anki decks", vec!["apkg"])], false).await?;
    Ok(picked.into_iter().next())
}

/// Brings in an Anki deck with its media and review history.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_anki(shell: State<'_, Arc<Shell>>, path: String) -> Reply<AnkiImported> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.import_anki(std::path::Path::new(&path), now(), &mut |_, _| {})
        })
    })
    .await
}

/// Asks for pictures and sounds to put on a card.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_card_media(app: tauri::AppHandle) -> Reply<Vec<String>> {
    let extensions = satchel_core::learn::CARD_MEDIA_TYPES
        .iter()
        .map(|(e, _)| *e)
        .collect();
    pick(app, vec![("Pictures and sounds", extensions)], true).await
}

/// The learner's time zone (minutes east of UTC), which decides when their day turns.
#[tauri::command(rename_all = "snake_case")]
pub async fn set_time_zone(shell: State<'_, Arc<Shell>>, minutes: i32) -> Reply<()> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.set_utc_offset(minutes))
    })
    .await
}

/// Where sync stands, for the indicator and Settings.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_status(shell: State<'_, Arc<Shell>>) -> Reply<SyncStatus> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.sync_status())).await
}

/// Signs in to a sync server.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_sign_in(
    shell: State<'_, Arc<Shell>>,
    server: String,
    name: String,
    password: String,
) -> Reply<SyncAccount> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.sync_sign_in(&server, &name, &password))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn sync_sign_out(shell: State<'_, Arc<Shell>>) -> Reply<()> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.sync_sign_out())).await
}

/// Syncs now (the learner asked: tried even while the server is resting); its
/// progress and end arrive as events.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_now(shell: State<'_, Arc<Shell>>) -> Reply<SyncOutcome> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| p.sync_now(true))).await
}
