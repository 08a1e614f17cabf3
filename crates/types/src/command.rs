//! The desktop shell's commands, each declared once: its name, its arguments and its
//! reply. The shell's handler takes the struct and the window sends it, so a command
//! or a field renamed on one side fails to compile on the other.
//!
//! Each struct is its command's name in `UpperCamelCase`; a few share their name with
//! the view they answer (`command::SyncStatus` answers a `SyncStatus`), so this module
//! is not re-exported at the crate's root.
//!
//! On the wire a command's arguments are its struct's fields, as one JSON object; the
//! reply is `Reply`, or an `ErrorView` when the command fails.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::{
    AboutView, AnkiExported, AnkiImported, Answer, Answered, BackupView, BundleOutcome, CardDraft,
    CardState, CardView, ClassInfo, Classmate, ClassroomView, ConceptMap, CsvReport, DeckView,
    ErrorView, FoundServer, HelperSettings, ImportOutcome, JobView, LearningSettings, LibraryView,
    ModelStatus, NoteDraft, NoteView, OfferTaken, PackOffer, PackView, ProfileView, Rating,
    RecordingView, RecoveryCodeView, ReminderSettings, RestoredView, SearchHit, ServerProbe,
    SourceView, StudyCard, StudyStep, SyncAccount, SyncOutcome, UnlockRequest, UnlockedView,
    UpdateOffer, WelcomeView,
};

/// A command of the shell: its arguments are the struct itself.
pub trait Command: Serialize + DeserializeOwned {
    /// The name the shell registers its handler under.
    const NAME: &'static str;
    /// What the command answers when it succeeds.
    type Reply: Serialize + DeserializeOwned;
}

/// The one command whose body is not JSON: a picture pasted into the window, sent as
/// its raw bytes (megabytes of pixels as a JSON array of numbers would be slow). It
/// answers the new source's id.
pub const PASTE_IMAGE: &str = "paste_image";

/// Declares each command as a struct of its arguments, with `name` as its
/// `Command::NAME`.
macro_rules! commands {
    ($(
        $(#[$doc:meta])*
        $name:ident => $Type:ident {
            $($(#[$field_doc:meta])* $field:ident: $field_type:ty),* $(,)?
        } -> $Reply:ty;
    )*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
            pub struct $Type {
                $($(#[$field_doc])* pub $field: $field_type,)*
            }

            impl Command for $Type {
                const NAME: &'static str = stringify!($name);
                type Reply = $Reply;
            }
        )*

        /// Every command's name, the raw `PASTE_IMAGE` among them: the shell registers
        /// a handler for each, and lets its window call these and nothing else.
        pub const NAMES: &[&str] = &[$(<$Type as Command>::NAME,)* PASTE_IMAGE];

        /// Every declared command, as (struct, name), for the tests to check.
        #[cfg(test)]
        pub(crate) const DECLARED: &[(&str, &str)] =
            &[$((stringify!($Type), <$Type as Command>::NAME)),*];
    };
}

commands! {
    // Profiles.

    /// The profiles on this computer, for the welcome screen.
    welcome => Welcome {} -> WelcomeView;
    /// Creates a profile and opens it; its recovery code is shown once.
    create_profile => CreateProfile {
        name: String,
        /// `None` keeps the key in the system's keychain instead.
        passphrase: Option<String>,
    } -> RecoveryCodeView;
    /// Opens a profile (closing the open one), with its library.
    unlock_profile => UnlockProfile { profile_id: String, request: UnlockRequest } -> UnlockedView;
    /// Closes the open profile; its background work waits for the next unlock.
    lock_profile => LockProfile {} -> ();
    /// Gives the open profile another name.
    rename_profile => RenameProfile { name: String } -> ProfileView;
    /// Changes what opens the open profile: `new_passphrase`, or this computer's
    /// keychain when `None`; a passphrase profile needs its passphrase (`current`).
    protect_profile => ProtectProfile { current: Option<String>, new_passphrase: Option<String> } -> ProfileView;
    /// Closes and removes the open profile once `typed_name` is its name and
    /// `passphrase` (for a passphrase profile) opens it; with `keep_backup`, a last
    /// backup is kept first (returned).
    remove_profile => RemoveProfile { typed_name: String, passphrase: Option<String>, keep_backup: bool } -> Option<BackupView>;
    /// The open library's backups kept on this computer, newest first.
    backups => Backups {} -> Vec<BackupView>;
    /// Backs the open library up among its backups.
    backup_now => BackupNow {} -> BackupView;
    /// Backs the open library up into a folder the learner picks (a USB stick);
    /// `None` when they cancel.
    backup_to_folder => BackupToFolder {} -> Option<BackupView>;
    /// Asks for a backup file with the system's dialog, and says what it is.
    pick_backup => PickBackup {} -> Option<BackupView>;
    /// Restores a backup and opens it; the library it replaces is kept as a backup
    /// first, and a backup that does not open changes nothing.
    restore_backup => RestoreBackup { path: String, request: UnlockRequest } -> RestoredView;
    /// Changes the open profile's key, with a new recovery code (the old one stops
    /// working).
    rotate_key => RotateKey {
        /// A passphrase profile's passphrase, which keeps protecting it; `None` for a
        /// profile whose key is in the keychain.
        passphrase: Option<String>,
    } -> RecoveryCodeView;
    /// The learner has seen (and kept) the recovery code: it is not shown again.
    acknowledge_recovery_code => AcknowledgeRecoveryCode {} -> ();
    /// Facts for the settings screen's "about" section.
    about => About {} -> AboutView;
    /// Which abilities this copy of Satchel has models for, and what each lacks.
    models => Models {} -> ModelStatus;
    /// Asks for a model pack with the system's file dialog; `None` when the learner
    /// closes it without choosing.
    pick_model_pack => PickModelPack {} -> Option<String>;
    /// Imports a signed model pack into this computer's Satchel (every learner's),
    /// checked whole first: a pack that fails is refused and nothing changes.
    import_model_pack => ImportModelPack { path: String } -> ModelStatus;
    /// Asks for an update file (a USB stick's) with the system's file dialog.
    pick_update => PickUpdate {} -> Option<String>;
    /// Checks an update file whole (signature, checksums, a newer version) and stages
    /// its installer; nothing is installed yet.
    check_update => CheckUpdate { path: String } -> UpdateOffer;
    /// Installs a checked update, asking for the computer's administrator.
    install_update => InstallUpdate { installer: String } -> ();
    /// The server at `server` as seen before it is trusted: its fingerprint and the
    /// words to compare with the teacher's screen. Nothing is sent to it.
    probe_server => ProbeServer { server: String } -> ServerProbe;
    /// What the class server this library is signed in to offers (an update, a model
    /// pack), each marked whether this computer would gain from it.
    class_offers => ClassOffers {} -> Vec<PackOffer>;
    /// Downloads an offer (`offer.progress` events) and checks it whole: models are
    /// imported, an update is staged for the learner to choose.
    class_take_offer => ClassTakeOffer { name: String } -> OfferTaken;
    /// What the class server this app runs offers its students.
    class_offered => ClassOffered {} -> Vec<PackOffer>;
    /// Offers the class the models this computer has, as the signed pack they came in.
    class_offer_models => ClassOfferModels {} -> Vec<PackOffer>;
    /// Offers the class a pack file the teacher chooses (a USB stick's), checked whole
    /// first; `None` when they close the dialog without choosing.
    class_offer_file => ClassOfferFile {} -> Option<Vec<PackOffer>>;
    /// Stops offering a pack.
    class_withdraw_offer => ClassWithdrawOffer { name: String } -> Vec<PackOffer>;
    /// The UI's first frame is up (the cold-start benchmark ends here).
    first_paint => FirstPaint {} -> ();
    /// The learner's time zone, which decides when their day turns.
    set_time_zone => SetTimeZone {
        /// East of UTC.
        minutes: i32,
    } -> ();

    // The library: notes, sources, recordings.

    /// Everything the library screen shows.
    library => Library {} -> LibraryView;
    /// A whole note, as the editor shows it.
    note => Note { id: String } -> NoteView;
    /// Saves a note; a draft with no `id` creates one.
    save_note => SaveNote { draft: NoteDraft } -> NoteView;
    /// Deletes a note.
    delete_note => DeleteNote { id: String } -> ();
    /// Asks for recordings, pictures, PDFs and text with the system's file dialog;
    /// empty when the learner closes it without choosing.
    pick_audio_files => PickAudioFiles {} -> Vec<String>;
    /// Brings in files, chosen or dropped on the window, and queues each for its
    /// text; one file's failure does not stop the others. `language` is what the
    /// recordings among them speak (a Whisper code such as "es"); `None` detects it.
    import_audio => ImportAudio { paths: Vec<String>, language: Option<String> } -> Vec<ImportOutcome>;
    /// A whole source, as its page shows it.
    source => Source { id: String } -> SourceView;
    /// Deletes a source; reading it stops.
    delete_source => DeleteSource { id: String } -> ();
    /// Stops reading a source, running or waiting; the source stays.
    cancel_transcription => CancelTranscription { id: String } -> ();
    /// Queues a source to be read again: a failed or cancelled one, or a recording
    /// to be transcribed in another `language` (`None` detects it).
    retry_transcription => RetryTranscription { id: String, language: Option<String> } -> SourceView;
    /// Reads a password-protected PDF; the password is used once and kept nowhere.
    open_document => OpenDocument { id: String, password: String } -> SourceView;
    /// Where the player can fetch a source's recording.
    media_url => MediaUrl { id: String } -> String;
    /// Starts recording from the microphone into the open profile; it is transcribed
    /// in `language` when it stops (`None` detects it).
    start_recording => StartRecording { title: String, language: Option<String> } -> RecordingView;
    /// Stops the recording: the id of the source it became (queued to be read), or
    /// `None` when it was discarded or held no sound.
    stop_recording => StopRecording { discard: bool } -> Option<String>;
    /// The recording being made, if any, for a page that opens while one goes on.
    recording => Recording {} -> Option<RecordingView>;

    // Search.

    /// Every note and source by words and by meaning, from what is indexed now.
    search => Search { query: String } -> Vec<SearchHit>;
    /// The passages that answer `question`, each with its answering sentence.
    ask => Ask { question: String } -> Vec<Answer>;
    /// Every concept and which sources share them, or one source's.
    concepts => Concepts { id: Option<String> } -> ConceptMap;

    // Study packs and background jobs.

    /// Starts making a study pack from a note or source; its steps run in the
    /// background.
    request_pack => RequestPack { source_id: String } -> PackView;
    /// A study pack, as far as it is made.
    pack => Pack { id: String } -> PackView;
    /// The study packs made from a note or source, newest first.
    packs_of => PacksOf { source_id: String } -> Vec<PackView>;
    /// Keeps, edits or deletes a generated card.
    set_card => SetCard {
        id: String,
        state: CardState,
        /// The edited sides; the card keeps its own unless both are given.
        front: Option<String>,
        back: Option<String>,
    } -> CardView;
    /// Records a quiz answer, for mastery: whether it was right.
    answer_quiz => AnswerQuiz { question_id: String, chosen: usize } -> bool;
    /// The background jobs: those not done, and the last few done.
    jobs => Jobs {} -> Vec<JobView>;
    /// Queues a failed or cancelled background job again.
    retry_job => RetryJob { id: String } -> JobView;
    /// Stops a background job, running or waiting.
    cancel_job => CancelJob { id: String } -> JobView;
    /// The helper on the network, if one is set.
    helper => Helper {} -> Option<HelperSettings>;
    /// Sets the helper on the network (an empty address forgets it) and tries it at
    /// once: why it did not answer, if it did not.
    set_helper => SetHelper { url: String, model: String } -> Option<ErrorView>;

    // Studying cards.

    /// The card to study next, in one deck or in all; `None` for now.
    next_card => NextCard { deck: Option<String> } -> Option<crate::NextCard>;
    /// Answers a card, after `duration_ms` on it; an optimisation it queues starts at
    /// once.
    answer_card => AnswerCard { card_id: String, rating: Rating, duration_ms: i64 } -> Answered;
    /// Undoes the latest answer: the card comes back as it was.
    undo_review => UndoReview {} -> crate::NextCard;
    /// Writes the cards a draft makes (two for a reversed card, one per number for a
    /// cloze) into its deck.
    add_cards => AddCards { draft: CardDraft } -> Vec<StudyCard>;
    /// Every deck with its cards, those due today and those new.
    decks => Decks {} -> Vec<DeckView>;
    /// The cards of a deck (or of every deck), in the order they were made.
    study_cards => StudyCards { deck: Option<String> } -> Vec<StudyCard>;
    /// Suspends, lets back, buries until tomorrow or deletes a card.
    card_action => CardAction {
        id: String,
        /// "suspend", "unsuspend", "bury" or "delete".
        action: String,
    } -> StudyCard;
    /// Help with a card: the passage it came from, a hint, its fact explained in its
    /// source's words.
    card_help => CardHelp { id: String } -> crate::CardHelp;
    /// What the progress page shows.
    learning_stats => LearningStats {} -> crate::LearningStats;
    /// What to study now, in order.
    study_now => StudyNow {} -> Vec<StudyStep>;
    /// How reviews are scheduled: the retention aimed at and new cards a day.
    set_learning => SetLearning { desired_retention: f32, new_per_day: u32 } -> LearningSettings;
    /// Whether reviews waiting are told with a desktop notification, and whether the
    /// library is a child's.
    reminders => Reminders {} -> ReminderSettings;
    /// Sets them; the settings as kept.
    set_reminders => SetReminders { settings: ReminderSettings } -> ReminderSettings;
    /// The language the window speaks (a tag such as "sw"), for the words the shell
    /// writes itself, such as a reminder's.
    set_language => SetLanguage { tag: String } -> ();
    /// Queues fitting the scheduling to the learner's own reviews.
    optimise_learning => OptimiseLearning {} -> JobView;
    /// Saves a report as CSV where the learner chooses; the file written, or `None`
    /// when they cancel.
    save_csv => SaveCsv { report: CsvReport } -> Option<String>;
    /// Brings the sample lesson (notes, a photo of the board, a recording and a PDF
    /// about the water cycle) into the open library and asks a study pack of each: the
    /// four packs, being made.
    add_sample_lesson => AddSampleLesson {} -> Vec<PackView>;
    /// Opens the system's print dialog on the page shown, laid out by its print
    /// stylesheet.
    print_page => PrintPage {} -> ();
    /// Prints the page shown into a PDF where the learner chooses (`name` suggests the
    /// file's name); the file written, or `None` when they cancel. Where the system
    /// cannot print to a file unasked, its print dialog opens instead (its printers
    /// include one that saves a PDF) and `None` comes back.
    save_pdf => SavePdf { name: String } -> Option<String>;
    /// Asks for an Anki deck (.apkg) with the system's file dialog.
    pick_anki_deck => PickAnkiDeck {} -> Option<String>;
    /// Brings in an Anki deck with its media and review history.
    import_anki => ImportAnki { path: String } -> AnkiImported;
    /// Writes a deck (with those under it), or every deck, for Anki where the learner
    /// chooses; `None` when they cancel.
    export_anki => ExportAnki { deck: Option<String> } -> Option<AnkiExported>;
    /// Asks for pictures and sounds to put on a card.
    pick_card_media => PickCardMedia {} -> Vec<String>;

    // Sync.

    /// Where sync stands, for the indicator and Settings.
    sync_status => SyncStatus {} -> crate::SyncStatus;
    /// Signs in to a sync server.
    sync_sign_in => SyncSignIn { server: String, name: String, password: String } -> SyncAccount;
    /// Signs out of the sync server; what was synced stays.
    sync_sign_out => SyncSignOut {} -> ();
    /// Syncs now, even while the server is resting; progress arrives as events.
    sync_now => SyncNow {} -> SyncOutcome;

    // The classroom.

    /// The class page: the server this app runs, the classes, the lessons given.
    classroom => Classroom {} -> ClassroomView;
    /// Starts the class server for the open library, or says where it already runs.
    class_host_start => ClassHostStart {} -> ClassroomView;
    /// Stops the class server this app runs.
    class_host_stop => ClassHostStop {} -> ClassroomView;
    /// Class servers advertised on the LAN.
    class_find => ClassFind {} -> Vec<FoundServer>;
    /// Joins a class by its code, on the server at `server`.
    class_join => ClassJoin {
        server: String,
        code: String,
        /// The one-time claim code of a student the teacher added by name.
        claim: Option<String>,
    } -> ClassInfo;
    /// A new join code for a class taught (the old one stops working).
    class_renew_code => ClassRenewCode { class_id: String } -> ClassInfo;
    /// A new one-time claim code for a student added by name.
    class_renew_claim => ClassRenewClaim { class_id: String, student_id: String } -> Classmate;
    /// Makes a class on the server the teacher is signed in to.
    class_create => ClassCreate { name: String } -> ClassInfo;
    /// The students of a class taught.
    class_roster => ClassRoster { class_id: String } -> Vec<Classmate>;
    /// What a teacher's class dashboard shows.
    class_report => ClassReport { class_id: String } -> crate::ClassReport;
    /// Assigns `material`'s lesson to the class, or to `students` when some are
    /// chosen: how many students it reached.
    class_assign => ClassAssign {
        class_id: String,
        material: String,
        students: Vec<String>,
    } -> u32;
    /// Writes a bundle where the learner chooses (a USB stick), sealed to this device
    /// and the profile's bundle code (in the outcome); with `progress`, the progress
    /// summary alone sealed to the class server, for the teacher. `None` when they
    /// cancel.
    export_bundle => ExportBundle { progress: bool } -> Option<BundleOutcome>;
    /// Which bundle to bring in, as the system's open dialog asks; `None` when they
    /// cancel.
    pick_bundle => PickBundle {} -> Option<String>;
    /// Merges the bundle at `path`, opened with this device's key, `code` (typed by
    /// the learner) or a code that opened one here before; error code `bundle_code`
    /// when it needs the code.
    import_bundle => ImportBundle { path: String, code: Option<String> } -> BundleOutcome;
    /// Adds a student by name, for a classroom with no network (their lessons go by
    /// USB stick).
    class_add_student => ClassAddStudent { class_id: String, name: String } -> Classmate;
    /// Takes a student out of a class; the lessons they have stay theirs.
    class_remove_student => ClassRemoveStudent { class_id: String, student_id: String } -> Classmate;
    /// Writes one student's lessons to a bundle where the teacher chooses; `None`
    /// when they cancel.
    class_export_student_bundle => ClassExportStudentBundle {
        class_id: String,
        student: Classmate,
    } -> Option<BundleOutcome>;
    /// Takes in the progress a student's laptop wrote (filed under the student who
    /// wrote it); `None` when the teacher cancels.
    class_import_student_bundle => ClassImportStudentBundle {
        class_id: String,
    } -> Option<(Classmate, BundleOutcome)>;
}
