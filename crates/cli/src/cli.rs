use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "satchel",
    version,
    about = "Satchel, the offline learning app, from the command line"
)]
pub struct Cli {
    /// Where profiles are kept (default: the platform's data directory).
    #[arg(long, global = true, env = "SATCHEL_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Which learner (name or id); not needed when there is only one.
    #[arg(long, global = true, env = "SATCHEL_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,
    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list and look after learner profiles.
    Profile {
        #[command(subcommand)]
        command: ProfileCommand,
    },
    /// Write and read notes.
    Note {
        #[command(subcommand)]
        command: NoteCommand,
    },
    /// Search every note and source by words and by meaning. With --json, prints the
    /// hits as an array: each with `source_id`, `title`, `kind`, `text`, `score`, and
    /// where it is (`page`, `bbox`, `start_ms`, `end_ms`).
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// How many hits at most.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Ask a question of every note and source: the passages that answer it, each
    /// with the sentence that answers. With --json, prints an array of hits (as
    /// `search` does) each with `sentence` (the answering sentence's byte range in
    /// `text`) and `similarity`.
    Ask {
        #[arg(required = true, value_name = "QUESTION")]
        question: Vec<String>,
        /// How many passages at most.
        #[arg(long, default_value_t = 3)]
        limit: usize,
    },
    /// The concepts of every note and source, merged across them by meaning, and which
    /// share which; or one note's or source's concepts (each with everywhere else it is
    /// found). With --json, prints `concepts` (each with `id`, `label` and `sources`:
    /// `source_id`, `kind`, `title`, `phrase`, `weight`) and `links` (`sources`: two
    /// ids, `concepts`: the ids they share).
    Concepts {
        #[arg(value_name = "SOURCE_ID")]
        source: Option<String>,
    },
    /// Bring recordings (WAV, MP3, FLAC, Ogg Vorbis, M4A/AAC), pictures (PNG, JPEG,
    /// WebP), PDFs and text (TXT, Markdown) in: each is stored encrypted, then transcribed or read on this
    /// computer. With --json, prints one JSON object per file, a line each. A protected
    /// PDF's password is taken from SATCHEL_DOCUMENT_PASSWORD.
    Ingest {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The title (default: the file's name without its extension); one file only.
        #[arg(long)]
        title: Option<String>,
        /// The spoken language as an ISO 639-1 code such as "en" or "es", or "auto"
        /// to detect it (which needs the multilingual model).
        #[arg(long, default_value = "auto")]
        language: String,
    },
    /// Record from the microphone (the system's default input) until Enter, Ctrl+C
    /// or --for runs out; the recording is stored encrypted as it is made, then
    /// transcribed. With --json, prints the source as `ingest` does.
    Record {
        /// The title (default: "Recording").
        #[arg(long)]
        title: Option<String>,
        /// Stop after this many seconds.
        #[arg(long = "for", value_name = "SECONDS")]
        seconds: Option<f64>,
        /// The spoken language as an ISO 639-1 code such as "en", or "auto".
        #[arg(long, default_value = "auto")]
        language: String,
        /// Keep the recording queued instead of transcribing it now.
        #[arg(long)]
        no_transcribe: bool,
    },
    /// List, show, transcribe again and delete what was brought in.
    Source {
        #[command(subcommand)]
        command: SourceCommand,
    },
    /// Make a study pack from a note or source: a summary, cards and a quiz, each card
    /// tied to the words it came from. Waits until it is made. With --json, prints
    /// `id`, `summary`, `summary_sentences`, `cards` (each `front`, `back`, `kind`,
    /// `generator`, `source_ref`), `quiz` (each `question`, `choices`, `answer`) and
    /// `tasks`.
    Pack {
        #[command(subcommand)]
        command: Option<PackCommand>,
        /// The note or source to make it from.
        #[arg(value_name = "SOURCE_ID")]
        source: Option<String>,
        /// Start making it and return at once (`satchel jobs run` finishes it).
        #[arg(long)]
        no_wait: bool,
    },
    /// The background jobs (transcribing, reading, indexing, study packs): without a
    /// subcommand, those not done and the last few done, newest first. With --json,
    /// each has `id`, `kind`, `subject`, `state` (queued, running, done, dead,
    /// cancelled), `attempts`, `max_attempts`, `run_after`, `done`, `total`, `error`.
    Jobs {
        #[command(subcommand)]
        command: Option<JobCommand>,
    },
    /// Write cards by hand, list them, and keep them out of reviews for a while. With
    /// --json, a card has `id`, `kind`, `deck`, `front`, `back`, `choices`, `due` (ms;
    /// null while new), `stability`, `difficulty`, `reps`, `lapses`, `suspended`.
    Card {
        #[command(subcommand)]
        command: CardCommand,
    },
    /// The decks, each with its cards, those due today and those new.
    Decks,
    /// Whether reviews waiting are told with a desktop notification while the app is
    /// open: `on`, `off`, or `auto` (off in a child's library, on in anyone else's);
    /// `--child true` marks the library as a child's. Without arguments, prints how they
    /// stand. With --json, prints `child`, `chosen` and `enabled`.
    Reminders {
        #[arg(value_parser = ["on", "off", "auto"])]
        state: Option<String>,
        #[arg(long)]
        child: Option<bool>,
    },
    /// Bring in the sample lesson (typed notes, a photo of the board, a recorded
    /// lecture and two textbook pages about the water cycle) and make a study pack of
    /// each. Waits until they are made. With --json, prints the four packs as an array,
    /// each as `pack` prints one.
    SampleLesson,
    /// Review cards: the card due next, answering it, undoing an answer, and the
    /// learner's scheduling. Times are now, or SATCHEL_NOW_MS when set (for scripts).
    Review {
        #[command(subcommand)]
        command: ReviewCommand,
    },
    /// Progress: reviews a day, true retention, the forecast of cards due, time
    /// spent, mastery per concept and what to study now. With --json, prints
    /// `counts`, `cards`, `days`, `retention`, `true_retention`, `forecast`,
    /// `total_reviews`, `total_time_ms`, `mastery`, `settings` and `study_now`.
    Stats {
        /// Also write the reviews, a row a day (date, reviews, recalled, minutes), to
        /// this CSV file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// Also write what is known, a row a concept (mastery in per cent, cards, quiz
        /// answers, where it is read about), to this CSV file.
        #[arg(long, value_name = "FILE")]
        mastery_csv: Option<PathBuf>,
    },
    /// Bring in an Anki deck (.apkg, older or newer format) with its pictures, sounds
    /// and review history; cards brought in before are left as they are. With --json,
    /// prints `decks`, `cards`, `reviews`, `media`, `already_here`, `without_history`
    /// and `skipped`.
    ImportAnki { file: PathBuf },
    /// Back the library up, encrypted as it is (its passphrase, this computer's
    /// keychain or its recovery code opens the backup): to FILE, or into a folder such
    /// as a USB stick, or without FILE among the backups kept on this computer. With
    /// --json, prints the backup (`path`, `profile_id`, `profile_name`, `made_at`,
    /// `kind`, `protection`, `bytes`, `contents`).
    Backup { file: Option<PathBuf> },
    /// The backups kept on this computer, newest first: this library's, or every
    /// library's with --all. With --json, an array of backups as `backup` prints them.
    Backups {
        #[arg(long)]
        all: bool,
    },
    /// Put a backup back as its library: opened with its passphrase (the one it had
    /// when backed up), the keychain that holds its key, or its recovery code
    /// (SATCHEL_RECOVERY_CODE, with SATCHEL_NEW_PASSPHRASE when this computer has no
    /// keychain). The library it replaces is kept as a backup first; a backup that
    /// does not open changes nothing. With --json, prints `backup` and `replaced`.
    Restore { file: PathBuf },
    /// Write cards for Anki (.apkg, which Anki 2.1 and later open) with their pictures,
    /// sounds, schedule and review history: one deck and the decks under it, or every
    /// deck. Image-occlusion cards are left out and counted. With --json, prints
    /// `decks`, `notes`, `cards`, `reviews`, `media` and `left_out`.
    ExportAnki {
        file: PathBuf,
        /// The deck's name (its subdecks come with it); every deck when not given.
        #[arg(long)]
        deck: Option<String>,
    },
    /// Sign in to a sync server (the password from SATCHEL_PASSWORD or a prompt).
    /// This profile's notes, cards and reviews then sync with the learner's other
    /// devices through it.
    Login {
        /// Its address, such as https://192.168.1.20:7480 (a class server's link, with
        /// `#sha256=…`, holds it to its certificate).
        #[arg(long)]
        server: String,
        #[arg(long)]
        user: String,
        /// The fingerprint of the server's certificate (64 hex digits), when the
        /// address has none: checked against what the server shows before anything is
        /// sent.
        #[arg(long)]
        fingerprint: Option<String>,
    },
    /// Sign out of the sync server (what was synced stays).
    Logout,
    /// Sync with the server now; `sync status` says where sync stands. With --json,
    /// prints `rounds`, `bytes_sent`, `bytes_received`, `docs`, `reviews`, `cards`,
    /// `notes`, `media_sent` and `media_received` (or, for status, `account`,
    /// `last_sync_at`, `last_error`, `pending` and `resting`).
    Sync {
        #[command(subcommand)]
        command: Option<SyncCommand>,
    },
    /// Classes: a teacher's (create, assign, roster, report) and a student's (find,
    /// join, lessons).
    Class {
        #[command(subcommand)]
        command: ClassCommand,
    },
    /// Write this profile's shared documents and media to FILE, to carry on a USB stick,
    /// sealed to this device and the profile's bundle code (printed: another computer
    /// asks for it once). With --progress, only the progress summary, sealed to the
    /// class server, for the teacher. With --json, prints `docs`, `media`, `bytes` and
    /// `code`.
    ExportBundle {
        file: PathBuf,
        #[arg(long)]
        progress: bool,
    },
    /// Merge a bundle another device or the class server wrote (as a sync would). A
    /// bundle altered, forged or sealed to someone else is refused and nothing changes.
    /// With --json, prints `docs`, `media`, `bytes`, `reviews`, `cards` and `notes`.
    ImportBundle {
        file: PathBuf,
        /// The bundle code (24 digits) it was sealed with, the first time one from that
        /// computer or class comes here; also read from SATCHEL_BUNDLE_CODE.
        #[arg(long, env = "SATCHEL_BUNDLE_CODE")]
        code: Option<String>,
    },
    /// The models this copy of Satchel finds, what each ability lacks, and model packs.
    Models {
        #[command(subcommand)]
        command: ModelsCommand,
    },
    /// Updates of Satchel itself, from a signed update file (a USB stick, the class
    /// server).
    Update {
        #[command(subcommand)]
        command: UpdateCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ModelsCommand {
    /// Which abilities are ready and which files each lacks. With --json, prints
    /// `abilities` (each `ability`, `ready`, `missing`), `folders` and `imported_pack`.
    Status,
    /// Import a signed model pack into this data folder. A pack whose signature,
    /// checksum or version fails is refused and nothing changes. With --json, prints
    /// the pack's `version`, `notes` and `files`.
    Import { file: PathBuf },
    /// Write the models this computer has to FILE as the signed model pack they came
    /// in (the package's, or one imported), checked whole: for another computer's
    /// `satchel models import`. With --json, prints `version`, `notes` and `files`.
    Export { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum UpdateCommand {
    /// Check a signed update file and say what it changes, without installing it. An
    /// update that is tampered with, unsigned, or not newer than this Satchel is
    /// refused. With --json, prints `version`, `notes` and `files`.
    Check { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// Make a class (as a teacher signed in to the class server); prints its join code.
    Create { name: String },
    /// The classes this profile teaches or is in.
    List,
    /// Class servers advertised on the local network.
    Find {
        /// Seconds to listen.
        #[arg(long, default_value_t = 3)]
        wait: u64,
    },
    /// Join a class with its code. Without --server, the class server is looked for
    /// on the local network.
    Join {
        /// The join code, or the teacher's join link (which also names the server and
        /// its fingerprint).
        code: String,
        /// The class server's address, such as 192.168.1.20:7480 (where the network
        /// blocks discovery).
        #[arg(long)]
        server: Option<String>,
        /// The fingerprint of the class server's certificate, as the teacher's screen
        /// shows it (needed with a code alone: Satchel says what the server shows).
        #[arg(long)]
        fingerprint: Option<String>,
        /// The name to join as (the profile's name by default).
        #[arg(long)]
        name: Option<String>,
        /// The one-time claim code the teacher gave you, when they added you by name.
        #[arg(long)]
        claim: Option<String>,
    },
    /// Assign a lesson: a source or note with a study pack, to the class or to
    /// chosen students (by id or name).
    Assign {
        /// The source's or note's id.
        lesson: String,
        /// The class's id or name (needed when teaching several).
        #[arg(long)]
        class: Option<String>,
        #[arg(long = "student")]
        students: Vec<String>,
    },
    /// The class's students.
    Roster {
        #[arg(long)]
        class: Option<String>,
    },
    /// The class's progress: lessons' completion, mastery by student and concept,
    /// and who is struggling with what.
    Report {
        #[arg(long)]
        class: Option<String>,
        /// Also write the report, a row a student with a column a concept, to this
        /// CSV file.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// The lessons this profile was given.
    Lessons,
    /// Add a student by name, for a classroom with no network (their lessons go by USB
    /// stick; they claim the account when they first join on a network, with the
    /// one-time claim code this prints). With --json, `claim_code` and
    /// `claim_expires_at`.
    AddStudent {
        name: String,
        #[arg(long)]
        class: Option<String>,
    },
    /// A new one-time claim code for a student added by name who has not joined yet
    /// (the earlier one stops working).
    ClaimCode {
        /// The student's name or id.
        student: String,
        #[arg(long)]
        class: Option<String>,
    },
    /// Forget every device of a student (a laptop lost or passed on): none of them signs
    /// in again, and a new claim code is printed for the student's next device.
    ForgetDevices {
        /// The student's name or id.
        student: String,
        #[arg(long)]
        class: Option<String>,
    },
    /// A new join code for the class (the old one stops working; a code works for two
    /// weeks).
    NewCode {
        #[arg(long)]
        class: Option<String>,
    },
    /// Take a student out of a class: they leave the roster and the report, and later
    /// lessons do not reach them; the lessons they have stay theirs.
    RemoveStudent {
        /// The student's name or id.
        student: String,
        #[arg(long)]
        class: Option<String>,
    },
    /// Write a bundle for one student (their lessons) to FILE, to carry on a USB stick
    /// to a laptop with no network; they bring it in with `satchel import-bundle` and
    /// the bundle code printed (the same for that student every time).
    ExportBundle {
        file: PathBuf,
        /// The student's name or id.
        #[arg(long)]
        student: String,
        #[arg(long)]
        class: Option<String>,
    },
    /// Take in the progress a student's laptop wrote (`satchel export-bundle
    /// --progress`): it reaches the report. The server files it under the student who
    /// wrote it; --student says who that must be.
    ImportBundle {
        file: PathBuf,
        #[arg(long)]
        student: Option<String>,
        #[arg(long)]
        class: Option<String>,
    },
    /// What the class server offers: an update of Satchel, a model pack. With --json,
    /// each has `name`, `kind` (`app` or `models`), `version`, `notes`, `size` and
    /// `wanted` (whether this app would gain from it).
    Offers,
    /// Download an offer by its name and check it whole: a model pack is imported, an
    /// update is staged in the data folder to install (`satchel update check` says
    /// the same of a file). A pack that fails a check is refused (code `untrusted`)
    /// and nothing changes.
    Take { name: String },
}

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Where sync stands: the server, the last sync, changes not yet sent.
    Status,
}

#[derive(Debug, Subcommand)]
pub enum CardCommand {
    /// Write a card (two for --kind reversed; one per {{cN::…}} number for a cloze).
    Add {
        #[arg(long)]
        front: String,
        /// The answer (for a choice card, the right choice; unused for a cloze).
        #[arg(long, default_value = "")]
        back: String,
        /// basic, reversed, cloze or choice.
        #[arg(long, default_value = "basic")]
        kind: String,
        /// The deck's name ("Parent::Child" nests); made when new.
        #[arg(long, default_value = "Default")]
        deck: String,
        /// A wrong choice of a choice card; give it once for each.
        #[arg(long = "choice", value_name = "TEXT")]
        choices: Vec<String>,
        /// A picture or sound to show with the question; give it once for each.
        #[arg(long = "front-media", value_name = "FILE")]
        front_media: Vec<PathBuf>,
        /// A picture or sound to show with the answer.
        #[arg(long = "back-media", value_name = "FILE")]
        back_media: Vec<PathBuf>,
    },
    /// List the cards of a deck (by id), or of every deck.
    List {
        #[arg(long, value_name = "DECK_ID")]
        deck: Option<String>,
    },
    Show {
        id: String,
    },
    /// Help with a card: the passage it came from, a hint, and its fact explained in
    /// its source's own sentences.
    Explain {
        id: String,
    },
    /// Rewrite a card's sides; its schedule stays.
    Edit {
        id: String,
        #[arg(long)]
        front: String,
        #[arg(long)]
        back: String,
    },
    /// Keep a card out of reviews until `unsuspend`.
    Suspend {
        id: String,
    },
    Unsuspend {
        id: String,
    },
    /// Keep a card out of reviews until tomorrow.
    Bury {
        id: String,
    },
    /// Delete a card from study (its reviews stay in the log).
    Delete {
        id: String,
    },
    /// Write a picture or sound of a card (by the `blob_id` its `media` lists) to a
    /// file.
    Media {
        blob_id: String,
        #[arg(long, short)]
        output: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// The card to study next, with `intervals_ms` (what again, hard, good and easy
    /// would wait) and `left` (learning, due, new); `null` when nothing is due.
    Next {
        #[arg(long, value_name = "DECK_ID")]
        deck: Option<String>,
    },
    /// Answer a card: again, hard, good or easy (or 1–4).
    Answer {
        card_id: String,
        rating: String,
        /// Time spent on the card.
        #[arg(long, default_value_t = 0, value_name = "MS")]
        time_ms: i64,
    },
    /// Undo an answer (the latest when no id is given).
    Undo { review_id: Option<String> },
    /// Fit the scheduling to this learner's own reviews now (the app does it on its
    /// own once there are 400), printing the log loss before and after.
    Optimise,
    /// Show or change the desired retention and the new cards a day.
    Settings {
        #[arg(long)]
        retention: Option<f32>,
        #[arg(long, value_name = "COUNT")]
        new_per_day: Option<u32>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Show a pack as far as it is made.
    Show { id: String },
}

#[derive(Debug, Subcommand)]
pub enum JobCommand {
    /// Run the jobs waiting (after a crash, or `pack --no-wait`) until none is left.
    Run,
    /// Show one job.
    Show { id: String },
    /// Try a failed or cancelled job again, from its first try.
    Retry { id: String },
    /// Stop a queued or running job.
    Cancel { id: String },
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// List sources, most recently changed first.
    List,
    /// Show one source with its timed transcript.
    Show { id: String },
    /// Transcribe a source again from its stored recording (after a failure, a
    /// cancel, or with another language).
    Transcribe {
        id: String,
        #[arg(long, default_value = "auto")]
        language: String,
    },
    /// Draw a page of a document as a PNG picture.
    Page {
        id: String,
        /// The page, counted from 1.
        page: u32,
        /// The picture's width in pixels (its height follows the page's shape).
        #[arg(long, default_value_t = 1200)]
        width: u32,
        /// Where to write the PNG.
        #[arg(long, short)]
        out: PathBuf,
    },
    /// Write a source's original (the recording, photo, PDF or text brought in) to a
    /// file. One shared by another device is here once a sync has brought it.
    Original {
        id: String,
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Delete a source and its recording.
    #[command(visible_alias = "delete")]
    Rm { id: String },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Create a profile. Its key goes to the keychain, or is protected by the
    /// passphrase in SATCHEL_PASSPHRASE (or typed) when there is no keychain or
    /// --passphrase is given.
    Create {
        name: String,
        /// Protect with a passphrase even where a keychain is available.
        #[arg(long)]
        passphrase: bool,
    },
    /// List the profiles on this computer.
    List,
    /// Re-encrypt the profile under a new key; prints the new recovery code.
    RotateKey,
    /// Open a profile with its recovery code (SATCHEL_RECOVERY_CODE, or typed) and
    /// keep its key in the keychain again, or under a new passphrase
    /// (SATCHEL_NEW_PASSPHRASE, or typed).
    Recover,
    /// Give the profile another name.
    Rename { name: String },
    /// Change what opens the profile: --keychain (this computer's keychain) or
    /// --passphrase (a new one, from SATCHEL_NEW_PASSPHRASE or typed twice; also to
    /// change the passphrase). A passphrase profile needs its passphrase.
    Protect {
        #[arg(
            long,
            conflicts_with = "passphrase",
            required_unless_present = "passphrase"
        )]
        keychain: bool,
        #[arg(long)]
        passphrase: bool,
    },
    /// Remove a learner and everything in their library: NAME must be typed as the
    /// profile's name, and it opens as usual. With --keep-backup, a last backup is
    /// kept among the backups on this computer first (`satchel restore` brings it back).
    Remove {
        name: String,
        #[arg(long)]
        keep_backup: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a note.
    Add {
        #[arg(long, default_value = "")]
        title: String,
        /// The note's markdown; "-" reads it from standard input.
        #[arg(long)]
        text: String,
    },
    /// Change a note's title or text.
    Edit {
        id: String,
        #[arg(long)]
        title: Option<String>,
        /// "-" reads it from standard input.
        #[arg(long)]
        text: Option<String>,
    },
    /// List notes, most recently changed first.
    List,
    /// Show one note (an unambiguous start of its id is enough).
    Show { id: String },
    /// Delete a note.
    #[command(visible_alias = "delete")]
    Rm { id: String },
}
