//! Satchel's desktop shell: a Tauri window over `satchel-core`. It holds no logic of
//! its own — commands call the core, and the core's events are forwarded to the UI.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod backups;
mod classroom;
mod commands;
mod ipc;
mod media;
mod print;
mod recorder;
mod reminders;
mod window;
mod work;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Instant;

use satchel_core::models::model_dirs;
use satchel_core::vision::PdfWorker;
use satchel_core::work::{Models, kinds};
use satchel_core::{Profile, Satchel, keychain_from_env};
use satchel_engines::Meaning;
use satchel_engines::Vision;
use satchel_engines::Whisper;
use tauri::{Emitter, Manager};

use crate::work::Work;

/// Windows's own heap searches a free list on every allocation where Wine runs it
/// without Windows's low-fragmentation front end: loading the embedder's tokenizer
/// (a trie of 250,000 pieces, millions of small blocks) took minutes there instead of
/// a second. mimalloc takes memory from the system in large pieces and serves small
/// blocks itself, the same on every Windows.
#[cfg(windows)]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// When the process began, for the cold-start figure `first_paint` reports.
static STARTED: OnceLock<Instant> = OnceLock::new();

/// What every command shares: the profiles on this computer, the open one, and the
/// background transcription worker.
pub struct Shell {
    satchel: Satchel,
    open: Mutex<Option<Arc<Profile>>>,
    /// Held while a library is opened, restored, renamed, re-protected or removed:
    /// one at a time, so none swaps a library another has just opened.
    changing: Mutex<()>,
    /// The open library's background work (reading sources, indexing).
    work: Work,
    recorder: recorder::Recorder,
    /// The OCR and PDF reader, shared by the background worker and the commands so
    /// the models load once.
    vision: Arc<Vision>,
    /// Where the window's player fetches recordings (see `media`).
    media_base: OnceLock<String>,
    /// A document's pages, drawn lately.
    pages: media::PageCache,
    /// The language model search runs on, shared by the indexing jobs and the
    /// commands.
    meaning: Arc<Meaning>,
    /// The class server this app runs in teacher mode, if any.
    class_host: classroom::ClassHost,
    /// The language the window speaks, as it told: for the words the shell writes.
    language: Mutex<Option<String>>,
}

impl Shell {
    /// Indexes what changed in the open library, if one is open.
    fn index_open(&self) {
        if let Some(profile) = self
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
        {
            self.work.index(profile);
        }
    }
}

fn data_dir() -> Result<PathBuf, String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            return args
                .next()
                .map(PathBuf::from)
                .ok_or("--data-dir needs a folder".into());
        }
        if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Ok(PathBuf::from(dir));
        }
    }
    if let Some(dir) = std::env::var_os("SATCHEL_DATA_DIR") {
        return Ok(PathBuf::from(dir));
    }
    Satchel::default_data_dir().map_err(|e| e.to_string())
}

/// How often the open library syncs by itself while signed in to a server.
const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Syncs the open library in the background: soon after it opens, then every few
/// minutes. A server out of reach is noted in the status (and rested by the core's
/// breaker), never shown as a blocker.
fn background_sync(shell: &Shell) {
    let mut last: Option<(String, Instant)> = None;
    loop {
        std::thread::sleep(std::time::Duration::from_secs(15));
        let Some(profile) = shell
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
        else {
            last = None;
            continue;
        };
        let due = match &last {
            Some((id, at)) => id != profile.id() || at.elapsed() >= SYNC_EVERY,
            None => true,
        };
        let signed_in = profile.sync().is_signed_in().unwrap_or(false);
        if due && signed_in {
            // The outcome (or the failure) reaches the window as `sync.done`.
            let _ = profile.sync().now(false);
            last = Some((profile.id().to_owned(), Instant::now()));
        }
    }
}

fn main() -> ExitCode {
    STARTED.get_or_init(Instant::now);
    // Started as Satchel's PDF reader (a worker process of its own): serve and exit.
    satchel_core::serve_worker_if_asked();
    let satchel = match data_dir()
        .and_then(|dir| Satchel::new(dir, keychain_from_env()).map_err(|e| e.to_string()))
    {
        Ok(satchel) => satchel,
        Err(error) => return window::startup_failed(&error),
    };
    let data_dir = satchel.data_dir().to_owned();
    #[cfg(unix)]
    let (_library_lock, knocks) = match window::claim(&data_dir) {
        Ok(window::Claim::Mine { lock, listener }) => (lock, listener),
        Ok(window::Claim::HandedOver) => return ExitCode::SUCCESS,
        Err(error) => return window::startup_failed(&error.to_string()),
    };
    let events = satchel.events().subscribe();
    // Models carried by an installed or unpacked copy are found from the executable;
    // a developer's come from the cache `cargo xtask models` fills. A missing model is
    // reported when a recording needs it, never at start.
    let dirs = model_dirs(Some(satchel.data_dir()));
    let vision = match PdfWorker::this_program() {
        Ok(worker) => Arc::new(Vision::new(dirs.clone(), worker)),
        Err(error) => {
            return window::startup_failed(&format!(
                "Satchel cannot find its own program to read PDFs with: {error}"
            ));
        }
    };
    let meaning = Arc::new(Meaning::new(dirs.clone()));
    let work = Work::new(kinds(Models {
        transcriber: Arc::new(Whisper::new(dirs)),
        reader: vision.clone(),
        meaning: meaning.clone(),
    }));
    let shell = Arc::new(Shell {
        satchel,
        open: Mutex::new(None),
        changing: Mutex::new(()),
        work,
        recorder: recorder::Recorder::default(),
        vision,
        media_base: OnceLock::new(),
        pages: media::PageCache::default(),
        meaning,
        class_host: classroom::ClassHost::default(),
        language: Mutex::new(None),
    });
    match media::start(Arc::clone(&shell)) {
        Ok(base) => {
            let _ = shell.media_base.set(base);
        }
        // Playback is lost, not the app: transcripts still show.
        Err(error) => eprintln!("recordings cannot be played: {error}"),
    }

    let exiting = Arc::clone(&shell);
    let indexing = Arc::clone(&shell);
    let syncing = Arc::clone(&shell);
    let backing_up = Arc::clone(&shell);
    let reminding = Arc::clone(&shell);
    let builder = tauri::Builder::default();
    // First, so a second start hands over before anything else is set up.
    #[cfg(not(unix))]
    let builder = builder.plugin(window::single_instance(&data_dir));
    let result = builder
        .plugin(window::remembered(&data_dir))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .manage(shell)
        .setup(move |app| {
            #[cfg(unix)]
            if let Some(listener) = knocks {
                window::answer_knocks(listener, app.handle().clone());
            }
            if let Some(main) = app.get_webview_window("main")
                && let Err(error) = window::fit_on_screen(&main)
            {
                eprintln!("fitting the window on the screen: {error}");
            }
            let handle = app.handle().clone();
            std::thread::Builder::new()
                .name("satchel-events".into())
                .spawn(move || {
                    for event in events {
                        if work::changes_search(&event) {
                            indexing.index_open();
                        }
                        if let Err(error) = handle.emit(satchel_core::types::EVENT_CHANNEL, &event)
                        {
                            eprintln!("could not forward {event:?} to the window: {error}");
                        }
                    }
                })?;
            std::thread::Builder::new()
                .name("satchel-sync".into())
                .spawn(move || background_sync(&syncing))?;
            std::thread::Builder::new()
                .name("satchel-backups".into())
                .spawn(move || backups::background_backups(&backing_up))?;
            reminders::on_click(app.handle());
            let reminder_app = app.handle().clone();
            std::thread::Builder::new()
                .name("satchel-reminders".into())
                .spawn(move || reminders::background_reminders(&reminding, &reminder_app))?;
            Ok(())
        })
        .invoke_handler(ipc::handlers![
            commands::welcome,
            commands::models,
            commands::pick_model_pack,
            commands::import_model_pack,
            commands::pick_update,
            commands::check_update,
            commands::install_update,
            classroom::probe_server,
            classroom::class_renew_code,
            classroom::class_renew_claim,
            classroom::class_offers,
            classroom::class_take_offer,
            classroom::class_offered,
            classroom::class_offer_models,
            classroom::class_offer_file,
            classroom::class_withdraw_offer,
            commands::create_profile,
            commands::unlock_profile,
            commands::lock_profile,
            commands::library,
            commands::note,
            commands::save_note,
            commands::delete_note,
            commands::rotate_key,
            commands::acknowledge_recovery_code,
            commands::about,
            commands::pick_audio_files,
            commands::import_audio,
            commands::source,
            commands::delete_source,
            commands::cancel_transcription,
            commands::retry_transcription,
            commands::media_url,
            commands::open_document,
            commands::start_recording,
            commands::stop_recording,
            commands::recording,
            commands::first_paint,
            commands::search,
            commands::ask,
            commands::concepts,
            commands::request_pack,
            commands::add_sample_lesson,
            commands::pack,
            commands::packs_of,
            commands::set_card,
            commands::jobs,
            commands::retry_job,
            commands::cancel_job,
            commands::helper,
            commands::set_helper,
            commands::next_card,
            commands::answer_card,
            commands::undo_review,
            commands::add_cards,
            commands::decks,
            commands::study_cards,
            commands::card_action,
            commands::card_help,
            commands::learning_stats,
            commands::study_now,
            commands::set_learning,
            commands::optimise_learning,
            commands::answer_quiz,
            commands::pick_anki_deck,
            commands::export_anki,
            commands::save_csv,
            print::print_page,
            print::save_pdf,
            backups::backups,
            backups::backup_now,
            backups::backup_to_folder,
            backups::pick_backup,
            backups::restore_backup,
            backups::rename_profile,
            backups::protect_profile,
            backups::remove_profile,
            commands::import_anki,
            commands::pick_card_media,
            commands::set_time_zone,
            reminders::reminders,
            reminders::set_reminders,
            reminders::set_language,
            commands::sync_status,
            commands::sync_sign_in,
            commands::sync_sign_out,
            commands::sync_now,
            classroom::classroom,
            classroom::class_host_start,
            classroom::class_host_stop,
            classroom::class_find,
            classroom::class_join,
            classroom::class_create,
            classroom::class_roster,
            classroom::class_report,
            classroom::class_assign,
            classroom::export_bundle,
            classroom::import_bundle,
            classroom::pick_bundle,
            classroom::class_add_student,
            classroom::class_remove_student,
            classroom::class_export_student_bundle,
            classroom::class_import_student_bundle,
            ; raw: commands::paste_image = satchel_core::types::PASTE_IMAGE,
        ])
        .build(tauri::generate_context!());
    let app = match result {
        Ok(app) => app,
        Err(error) => return window::startup_failed(&error.to_string()),
    };
    app.run(move |_, event| {
        // Closing the window mid-recording keeps the recording, whole.
        if let tauri::RunEvent::Exit = event {
            let open = exiting
                .open
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            if let Err(error) = exiting.recorder.stop(open.as_ref(), &exiting.work, false) {
                eprintln!("saving the recording: {error}");
            }
        }
    });
    ExitCode::SUCCESS
}
