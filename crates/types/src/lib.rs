//! The shapes that cross the boundary between Satchel's core and its user interfaces.
//!
//! Everything here is plain data with serde derives, so the Leptos UI (wasm32) can
//! depend on it without pulling in the store, the keychain or any native code. Field
//! names are `snake_case` on the wire; timestamps are Unix milliseconds (UTC).

use serde::{Deserialize, Serialize};

/// How a profile's database key is protected at rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// The key lives in the operating system's keychain; opening needs nothing typed.
    Keychain,
    /// The key is wrapped by a key derived from a passphrase the learner types.
    Passphrase,
}

/// A learner profile as the profile picker shows it (readable before unlocking).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub id: String,
    pub name: String,
    pub protection: Protection,
    pub created_at: i64,
}

/// What the welcome screen needs: the profiles and whether a keychain answers here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WelcomeView {
    pub profiles: Vec<ProfileView>,
    pub keychain_available: bool,
}

/// The answer to creating a profile or rotating its key: the recovery code is shown
/// once and never stored in readable form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodeView {
    pub profile: ProfileView,
    pub recovery_code: String,
}

/// How the learner proves they may open a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum UnlockRequest {
    /// Use the keychain (keychain profiles) — nothing to type.
    Keychain,
    Passphrase {
        passphrase: String,
    },
    /// The code shown at creation. `new_passphrase` protects the profile from now on
    /// when the keychain cannot take the key back.
    RecoveryCode {
        recovery_code: String,
        new_passphrase: Option<String>,
    },
}

/// A whole note, as the editor shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteView {
    pub id: String,
    pub title: String,
    pub body: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// One line of the library list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteSummary {
    pub id: String,
    pub title: String,
    /// The start of the body, whitespace folded, for the list's second line.
    pub excerpt: String,
    pub updated_at: i64,
}

/// Everything the library screen shows, in one call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryView {
    pub profile: ProfileView,
    pub notes: Vec<NoteSummary>,
    pub sources: Vec<SourceSummary>,
}

/// What a source was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Audio,
    /// A photo or a scan: PNG, JPEG, WebP.
    Image,
    /// A PDF.
    Document,
    /// Plain text or Markdown (.txt, .md).
    Text,
}

/// Where a source's text stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceStatus {
    /// Stored, waiting for its turn.
    Queued,
    Transcribing,
    Ready,
    Failed,
    Cancelled,
}

/// One line of the library list for something the learner brought in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSummary {
    pub id: String,
    pub kind: SourceKind,
    pub title: String,
    pub status: SourceStatus,
    pub duration_ms: Option<i64>,
    /// The start of the text, for the list's second line.
    pub excerpt: String,
    pub updated_at: i64,
}

/// What became of one file the learner asked to bring in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    /// The file's name, for "notes.txt is not audio…".
    pub file: String,
    /// The new source's id; it is announced in full by a `source.saved` event.
    pub source_id: Option<String>,
    pub error: Option<ErrorView>,
}

/// A piece of a source's text and where it came from: a stretch of a recording, or a
/// line (or a whole page's text layer) on a page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SegmentView {
    pub text: String,
    /// Where in a recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ms: Option<i64>,
    /// Which page, counted from 1 (an image is one page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Where on the page, in its image's pixels: x, y, width, height. None for a PDF's
    /// own text layer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f32; 4]>,
    /// How sure the reader was, 0 to 1 (text read from pixels only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

impl SegmentView {
    /// A stretch of a recording.
    pub fn timed(start_ms: i64, end_ms: i64, text: String) -> Self {
        Self {
            text,
            start_ms: Some(start_ms),
            end_ms: Some(end_ms),
            page: None,
            bbox: None,
            confidence: None,
        }
    }
}

/// What a search hit is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Note,
    Audio,
    Image,
    Document,
    Text,
}

/// A passage found by a search, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// The note's or source's id.
    pub source_id: String,
    pub kind: HitKind,
    pub title: String,
    /// The passage (a chunk of the note or source).
    pub text: String,
    /// Reciprocal-rank-fusion score: higher is better; comparable within one search.
    pub score: f32,
    /// The page it is on (documents, pictures), counted from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The moments it spans (recordings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ms: Option<i64>,
    /// The region it covers on its page or picture: x, y, width, height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f32; 4]>,
    /// Byte ranges of `text` that match the words searched for.
    #[serde(default)]
    pub highlights: Vec<[usize; 2]>,
}

/// A passage that answers a question, and the sentence in it that answers best.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    #[serde(flatten)]
    pub hit: SearchHit,
    /// Byte range of `hit.text`: the answering sentence.
    pub sentence: [usize; 2],
    /// How close that sentence's meaning is to the question's (cosine, −1 to 1).
    pub similarity: f32,
}

/// A concept: what the key phrases of one or more notes and sources name, merged by
/// meaning ("cell division" in one, "cells dividing" in another).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Concept {
    pub id: i64,
    /// The phrase most of its notes and sources use.
    pub label: String,
    /// Where it is found, most central first.
    pub sources: Vec<ConceptSource>,
}

/// A note or source that names a concept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptSource {
    pub source_id: String,
    pub kind: HitKind,
    pub title: String,
    /// The phrase as this note or source says it.
    pub phrase: String,
    /// How central the concept is to it (cosine similarity, up to 1).
    pub weight: f32,
}

/// Two notes or sources that share concepts: an edge of the concept graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConceptLink {
    /// The two ids, in order.
    pub sources: [String; 2],
    /// The concepts they share, by id.
    pub concepts: Vec<i64>,
}

/// Concepts and the graph of which notes and sources share them: everything's, or
/// one note's or source's (its concepts, with everywhere else they are found, and its
/// links).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ConceptMap {
    /// Most widely shared first.
    pub concepts: Vec<Concept>,
    /// Most concepts shared first.
    pub links: Vec<ConceptLink>,
}

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Waiting for its turn, or for its retry's backoff to pass.
    Queued,
    Running,
    Done,
    /// Failed every try (or could never succeed): waits for the learner to retry it.
    Dead,
    Cancelled,
}

/// A durable job, as the jobs page and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobView {
    pub id: String,
    /// What it does: "transcribe", "read", "index", "pack"…
    pub kind: String,
    /// What it works on (a note's or source's id), if one thing.
    pub subject: Option<String>,
    pub state: JobState,
    /// Tries so far, and at most.
    pub attempts: u32,
    pub max_attempts: u32,
    /// When a queued job may run (a retry waits out its backoff), Unix ms.
    pub run_after: i64,
    /// Progress of the running try, in the job's own unit.
    pub done: i64,
    pub total: Option<i64>,
    /// Why the last try failed.
    pub error: Option<ErrorView>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// Where a generated piece of study material came from: the note or source, the
/// place in it, and the very words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The note's or source's id.
    pub source_id: String,
    pub kind: HitKind,
    pub title: String,
    /// The passage the material was made from, as it reads there.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ms: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f32; 4]>,
}

/// How a card asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardKind {
    /// A key sentence with its key phrase blanked out.
    Cloze,
    /// "What is X?" from a sentence that defines X.
    Definition,
    /// A term on one side, what it means on the other.
    Term,
    /// Written by the learner (or brought from Anki): a question and its answer.
    Basic,
    /// A basic card asked the other way round: its back is shown first.
    Reversed,
    /// A question with choices, one of them (`back`) right.
    Choice,
}

/// What the learner made of a generated card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardState {
    /// Not looked at yet.
    New,
    Kept,
    Edited,
    Deleted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardView {
    pub id: String,
    pub kind: CardKind,
    /// Which generator wrote it ("cloze", "definition", "term", or a remote helper's).
    pub generator: String,
    pub front: String,
    pub back: String,
    pub source_ref: SourceRef,
    pub state: CardState,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuizQuestion {
    pub id: String,
    pub question: String,
    pub choices: Vec<String>,
    /// The right choice's index.
    pub answer: usize,
    pub source_ref: SourceRef,
}

/// A sentence of a pack's summary, with where it is from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub text: String,
    pub source_ref: SourceRef,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PackState {
    Building,
    Ready,
    Failed,
}

/// How a learner answered a card, FSRS's four grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Forgot it.
    Again,
    /// Remembered, with difficulty.
    Hard,
    Good,
    /// Remembered at once.
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// 1 for again up to 4 for easy, as FSRS and Anki number them.
    pub fn number(self) -> u8 {
        match self {
            Rating::Again => 1,
            Rating::Hard => 2,
            Rating::Good => 3,
            Rating::Easy => 4,
        }
    }

    pub fn from_number(number: i64) -> Option<Rating> {
        Some(match number {
            1 => Rating::Again,
            2 => Rating::Hard,
            3 => Rating::Good,
            4 => Rating::Easy,
            _ => return None,
        })
    }

    /// "again", "hard", "good", "easy", or the same as 1–4.
    pub fn parse(text: &str) -> Option<Rating> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "again" | "1" => Rating::Again,
            "hard" | "2" => Rating::Hard,
            "good" | "3" => Rating::Good,
            "easy" | "4" => Rating::Easy,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }
}

/// Which side of a card a picture or a sound is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardSide {
    Front,
    Back,
}

/// A picture or a sound on a card, kept encrypted in the store like a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardMedia {
    pub blob_id: String,
    /// Its file name where it came from ("heart.png").
    pub name: String,
    pub mime: String,
    pub side: CardSide,
}

/// A card as reviews see it: what it asks, where it is from and its schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudyCard {
    pub id: String,
    pub kind: CardKind,
    pub deck_id: Option<String>,
    pub deck: Option<String>,
    /// What is asked, and what answers it (for a reversed card, as shown).
    pub front: String,
    pub back: String,
    /// A multiple-choice card's choices, the right one among them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<CardMedia>,
    /// The words a generated card was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<SourceRef>,
    pub pack_id: Option<String>,
    pub suspended: bool,
    pub buried_until: Option<i64>,
    /// When it is next due (ms); `None` while it is new.
    pub due: Option<i64>,
    pub stability: Option<f32>,
    pub difficulty: Option<f32>,
    pub last_review: Option<i64>,
    pub reps: u32,
    pub lapses: u32,
}

/// A card to write by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardDraft {
    /// The deck's name; made if there is none by that name, "Default" if empty.
    pub deck: String,
    /// Basic, reversed (a basic card and its reverse), cloze (`{{c1::…}}` marks what
    /// is hidden; one card per number) or choice.
    pub kind: CardKind,
    pub front: String,
    pub back: String,
    /// For a choice card: the wrong choices (the right one is `back`).
    #[serde(default)]
    pub choices: Vec<String>,
    /// Pictures and sounds to show with it, from files.
    #[serde(default)]
    pub media: Vec<MediaFile>,
}

/// A picture or a sound file to put on a card, and the side to show it on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaFile {
    pub path: String,
    pub side: CardSide,
}

/// What is left to study today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyCounts {
    /// Cards answered again, due back within minutes.
    pub learning: u32,
    /// Reviews due.
    pub due: u32,
    /// New cards still to see today (within the day's limit).
    pub new: u32,
}

/// The card to study next, with when each answer would bring it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NextCard {
    pub card: StudyCard,
    /// For again, hard, good and easy: the time until it would be due again, ms.
    pub intervals_ms: [i64; 4],
    pub left: StudyCounts,
}

/// What answering a card did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    /// The review's id in the log (undo takes it).
    pub review_id: String,
    pub card_id: String,
    pub rating: Rating,
    pub due: i64,
    pub stability: f32,
    pub difficulty: f32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckView {
    pub id: String,
    pub name: String,
    pub cards: u32,
    pub due: u32,
    pub new: u32,
}

/// The last optimisation of a learner's FSRS parameters from their own reviews.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Optimisation {
    pub at: i64,
    /// Reviews it learnt from.
    pub reviews: u32,
    /// How well the parameters before and after predicted those reviews (lower is
    /// better); the new ones are used only when lower.
    pub log_loss_before: f32,
    pub log_loss_after: f32,
    pub adopted: bool,
}

/// How reviews are scheduled for this learner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearningSettings {
    /// The chance of remembering a card when it comes due, 0.7–0.97.
    pub desired_retention: f32,
    /// New cards a day at most.
    pub new_per_day: u32,
    /// FSRS's parameters; empty for its defaults.
    #[serde(default)]
    pub parameters: Vec<f32>,
    #[serde(default)]
    pub optimisation: Option<Optimisation>,
    /// The learner's time zone, minutes east of UTC: their day turns at 04:00 there.
    #[serde(default)]
    pub utc_offset_minutes: i32,
}

impl Default for LearningSettings {
    fn default() -> Self {
        LearningSettings {
            desired_retention: 0.9,
            new_per_day: 20,
            parameters: Vec::new(),
            optimisation: None,
            utc_offset_minutes: 0,
        }
    }
}

/// What bringing in an Anki deck did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnkiImported {
    pub decks: u32,
    /// Cards brought in.
    pub cards: u32,
    /// Their past reviews, now in the review log.
    pub reviews: u32,
    /// Pictures and sounds brought in with them.
    pub media: u32,
    /// Cards brought in before (the same deck again): left as they are.
    pub already_here: u32,
    /// Cards Anki had studied but whose reviews the file does not carry: they start
    /// as new.
    pub without_history: u32,
    /// Cards that could not be shown (a note type without the card's template).
    pub skipped: u32,
}

/// A day's reviews, for the calendar heatmap and time spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayReviews {
    /// The day's start (ms); a learner's day turns at 04:00 UTC.
    pub day: i64,
    pub reviews: u32,
    /// Answers that were not "again".
    pub passed: u32,
    pub time_ms: i64,
}

/// A week of reviews at their due time (learning left out): how many were recalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionWeek {
    pub week: i64,
    pub reviews: u32,
    pub passed: u32,
}

/// The cards by where they are in learning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardCounts {
    pub total: u32,
    pub new: u32,
    /// Answered, but remembered for less than a day yet.
    pub learning: u32,
    /// Due within three weeks.
    pub young: u32,
    /// Due in three weeks or more.
    pub mature: u32,
    pub suspended: u32,
}

/// How well a concept is known: its cards' chance of recall now (new cards count as
/// not known yet) and the quiz answers about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptMastery {
    pub concept_id: i64,
    pub label: String,
    /// 0 to 1.
    pub mastery: f32,
    pub cards: u32,
    pub quiz_answers: u32,
    /// The note or source that says most about it.
    pub owner_id: String,
    pub owner_kind: HitKind,
    pub owner_title: String,
    /// Its newest ready study pack, if one.
    pub pack_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearningStats {
    /// When the learner's today began (ms): days below are counted from it.
    pub today: i64,
    pub counts: StudyCounts,
    pub cards: CardCounts,
    /// Every day with reviews, up to a year back, oldest first.
    pub days: Vec<DayReviews>,
    /// Weeks with reviews, up to a year back, oldest first.
    pub retention: Vec<RetentionWeek>,
    /// Reviews recalled at their due time in the last 30 days.
    pub true_retention: Option<f32>,
    /// Cards due on each of the next 30 days, today (and overdue) first.
    pub forecast: Vec<u32>,
    pub total_reviews: u32,
    pub total_time_ms: i64,
    pub mastery: Vec<ConceptMastery>,
    pub settings: LearningSettings,
}

/// One thing to do next, in the order "study now" lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum StudyStep {
    /// Reviews due now.
    Reviews { due: u32, learning: u32 },
    /// A concept known least well, and where to read about it.
    Concept { mastery: ConceptMastery },
    /// A lesson a teacher assigned, not yet studied through.
    Lesson { lesson: LessonView },
    /// New cards waiting in a deck (within today's limit).
    New {
        deck_id: String,
        deck: String,
        new: u32,
    },
}

/// A study pack: made from one note or source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PackView {
    pub id: String,
    /// The note or source it was made from.
    pub source_id: String,
    pub title: String,
    pub state: PackState,
    /// The summary's sentences joined, in the order the source has them.
    pub summary: String,
    pub summary_sentences: Vec<SummarySentence>,
    /// The summary in plainer words, when the helper on the network wrote it — from
    /// the sentences above alone, and checked to use their words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain_summary: Option<String>,
    pub cards: Vec<CardView>,
    pub quiz: Vec<QuizQuestion>,
    /// The steps of its making and how far each is.
    pub tasks: Vec<PackTask>,
    pub error: Option<ErrorView>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackTask {
    /// "extract", "index", "summary", "concepts", "cards", "quiz", "validate", "deliver".
    pub task: String,
    pub done: bool,
}

/// Where the optional helper on the network is, as the learner set it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HelperSettings {
    /// Its base address, such as `http://192.168.1.20:8080`.
    pub url: String,
    /// The model it should use, as it names it.
    pub model: String,
}

/// The sync server a profile is signed in to, and as whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncAccount {
    /// Its base address, such as `http://192.168.1.20:7480`.
    pub server: String,
    pub user_id: String,
    pub name: String,
    /// "learner", "teacher" or "admin".
    pub role: String,
}

/// A class, as its teacher or one of its students sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassInfo {
    pub id: String,
    pub name: String,
    /// The teacher's name.
    pub teacher: String,
    /// The code students join with (their teacher sees it; students do not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Whether this profile teaches it.
    pub teaching: bool,
    pub students: u32,
}

/// A student in a class's roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classmate {
    pub id: String,
    pub name: String,
    pub joined_at: i64,
}

/// The DNS-SD service type a class server advertises itself under on the LAN.
pub const CLASS_SERVICE: &str = "_satchel._tcp.local.";

/// A class server found on the local network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundServer {
    /// What it is called (the teacher's words).
    pub name: String,
    /// Its base address, such as `http://192.168.1.20:7480`.
    pub address: String,
}

/// A lesson a teacher assigned, as it arrived on a student's device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonView {
    pub id: String,
    pub title: String,
    pub teacher: String,
    pub class_name: String,
    /// The material, when it is a source or note here.
    pub source_id: Option<String>,
    pub deck_id: String,
    pub assigned_at: i64,
    pub cards: u32,
    /// Cards answered at least once.
    pub studied: u32,
    /// Cards due now.
    pub due: u32,
}

/// A lesson's completion across the class.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonProgress {
    pub id: String,
    pub title: String,
    pub assigned_at: i64,
    /// Students it is for.
    pub assigned: u32,
    /// Students who have begun it (and not finished).
    pub started: u32,
    /// Students who have studied every card of it.
    pub done: u32,
}

/// One student's line in the class report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StudentProgress {
    pub id: String,
    pub name: String,
    pub joined_at: i64,
    /// Their last review, as of their last sync.
    pub last_studied_at: Option<i64>,
    pub reviews: u32,
    pub time_ms: i64,
    pub lessons_assigned: u32,
    pub lessons_done: u32,
}

/// A student finding a concept hard: they have studied it and know it poorly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Struggle {
    pub student_id: String,
    pub student: String,
    pub concept: String,
    pub mastery: f32,
}

/// What a teacher's class dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassReport {
    pub class: ClassInfo,
    pub students: Vec<StudentProgress>,
    pub lessons: Vec<LessonProgress>,
    /// The concepts of the class's lessons, the matrix's columns.
    pub concepts: Vec<String>,
    /// Mastery (0–1) by student (rows, in `students` order) and concept (columns);
    /// `None` where the student has not studied that concept yet.
    pub mastery: Vec<Vec<Option<f32>>>,
    /// Weakest first.
    pub struggling: Vec<Struggle>,
}

/// The classroom as this profile sees it: its own class server (teacher mode), the
/// classes it teaches or is in, and the lessons it was given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClassroomView {
    /// The class server this app runs, when it runs one: its address on the network.
    pub hosting: Option<String>,
    /// Whether the account signed in may teach (teacher or admin).
    pub can_teach: bool,
    pub classes: Vec<ClassInfo>,
    pub lessons: Vec<LessonView>,
}

/// What a bundle carried in or out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleOutcome {
    /// Documents written out, or changed here by the import.
    pub docs: u32,
    pub media: u32,
    pub bytes: u64,
    pub reviews: u32,
    pub cards: u32,
    pub notes: u32,
}

/// Where this profile's sync stands, for the status indicator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// `None` when not signed in to a server.
    pub account: Option<SyncAccount>,
    /// When the last sync finished (ms since the epoch).
    pub last_sync_at: Option<i64>,
    /// Why the last try failed, when it did.
    pub last_error: Option<String>,
    /// Changes made here that the server has not had yet.
    pub pending: u32,
    /// The server failed several times in a row and is left alone for a while.
    pub resting: bool,
}

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncOutcome {
    pub rounds: u32,
    pub bytes_sent: u64,
    pub bytes_received: u64,
    /// Documents that changed here.
    pub docs: u32,
    /// Reviews, cards and notes new or changed here.
    pub reviews: u32,
    pub cards: u32,
    pub notes: u32,
    /// Cards' pictures and sounds sent to the server and brought from it.
    #[serde(default)]
    pub media_sent: u32,
    #[serde(default)]
    pub media_received: u32,
}

/// A whole source, as its page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceView {
    pub id: String,
    pub kind: SourceKind,
    pub title: String,
    pub status: SourceStatus,
    /// The file it came from ("lecture.m4a"), or `None` for a recording made here.
    pub file_name: Option<String>,
    /// The stored original's type, such as "audio/mpeg".
    pub media_type: String,
    pub size_bytes: i64,
    /// ISO 639-1, once transcribed.
    pub language: Option<String>,
    pub duration_ms: Option<i64>,
    /// A document's page count (an image has one).
    #[serde(default)]
    pub pages: Option<i64>,
    pub text: String,
    pub segments: Vec<SegmentView>,
    /// Each page's width and height as shown, page 1 first, in the unit of its
    /// segments' boxes (pixels for a picture, points for a PDF page); `None` for a page
    /// that could not be drawn. Empty for a recording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub page_sizes: Vec<Option<[f32; 2]>>,
    /// Why the last transcription failed, when it did.
    pub error: Option<ErrorView>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Whether the original is on this device: one brought in on another device
    /// arrives with a sync, its text first.
    #[serde(default = "yes")]
    pub original_here: bool,
}

fn yes() -> bool {
    true
}

/// What opening a profile returns: its library, and a recovery code still to be
/// shown if one was made but never confirmed as seen (creation cut short, or a key
/// rotation a crash interrupted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnlockedView {
    pub library: LibraryView,
    pub unshown_recovery_code: Option<String>,
}

/// A note to save: no `id` creates one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteDraft {
    pub id: Option<String>,
    pub title: String,
    pub body: String,
}

/// What the core announces after every change of learner state. The desktop shell
/// forwards each one to the UI on the `satchel://event` channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
pub enum Event {
    #[serde(rename = "note.saved")]
    NoteSaved { note: NoteSummary },
    #[serde(rename = "note.deleted")]
    NoteDeleted { id: String },
    /// A lesson from a teacher arrived (or changed) with a sync.
    #[serde(rename = "lesson.arrived")]
    LessonArrived {
        id: String,
        title: String,
        teacher: String,
    },
    #[serde(rename = "profile.key_rotated")]
    ProfileKeyRotated { profile_id: String },
    #[serde(rename = "source.saved")]
    SourceSaved { source: SourceSummary },
    #[serde(rename = "source.deleted")]
    SourceDeleted { id: String },
    /// Work on a source moved on; not a change of state, so never stored.
    #[serde(rename = "source.progress")]
    SourceProgress {
        id: String,
        done_ms: i64,
        total_ms: Option<i64>,
    },
    /// Reading a document moved on a page. Never stored.
    #[serde(rename = "source.pages")]
    SourcePages { id: String, done: i64, total: i64 },
    /// Getting what is new ready to search moved on: `done` of `total` passages
    /// understood; `done == total` when it is finished (concepts included). Never
    /// stored.
    #[serde(rename = "library.indexing")]
    Indexing { done: u64, total: u64 },
    /// A job was queued, started, finished, failed a try, died or was cancelled.
    #[serde(rename = "job.updated")]
    JobUpdated { job: JobView },
    /// A running job moved on. Never stored.
    #[serde(rename = "job.progress")]
    JobProgress {
        id: String,
        done: i64,
        total: Option<i64>,
    },
    /// A try of a job failed: it is retried after its backoff, or it is dead
    /// (`job.state`).
    #[serde(rename = "job.failed")]
    JobFailed { job: JobView },
    /// A study pack moved on a step, or is ready (`pack.state`).
    #[serde(rename = "pack.updated")]
    PackUpdated {
        id: String,
        source_id: String,
        state: PackState,
        /// Steps done of all.
        done: u32,
        total: u32,
    },
    /// A study pack is ready to study.
    #[serde(rename = "pack.ready")]
    PackReady { id: String, source_id: String },
    /// A card was answered, or an answer undone (`undone`).
    #[serde(rename = "review.logged")]
    ReviewLogged {
        card_id: String,
        review_id: String,
        undone: bool,
    },
    /// Cards or decks were written, changed, suspended or brought in.
    #[serde(rename = "cards.changed")]
    CardsChanged { count: u32 },
    /// The learner's scheduling was optimised from their reviews (`adopted` when the
    /// new parameters predict them better and are used from now on).
    #[serde(rename = "learning.optimised")]
    LearningOptimised { adopted: bool },
    /// A sync goes on: after each round with the server.
    #[serde(rename = "sync.progress")]
    SyncProgress {
        rounds: u32,
        bytes_sent: u64,
        bytes_received: u64,
    },
    /// A sync ended, well or not (`status.last_error` says).
    #[serde(rename = "sync.done")]
    SyncDone { status: SyncStatus },
    /// A recording from the microphone goes on: about ten times a second, for the
    /// level meter and the timer. Never stored.
    #[serde(rename = "recording.level")]
    RecordingLevel {
        /// Recorded so far, counted in sound (the clock starts with the first sound).
        elapsed_ms: i64,
        /// The loudest moment since the last event, in dBFS (−90 for silence).
        level_db: i16,
        /// Whether sound has started to come in from the device.
        live: bool,
    },
    /// The recording stopped: saved as `source_id` (queued for transcription), or
    /// discarded (`None`). `error` says why it stopped, if the learner did not stop it.
    #[serde(rename = "recording.ended")]
    RecordingEnded {
        source_id: Option<String>,
        error: Option<ErrorView>,
    },
}

/// A recording from the microphone, while it goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordingView {
    pub title: String,
    /// The input device, as the sound system names it.
    pub device: String,
    pub elapsed_ms: i64,
    pub live: bool,
}

/// A recording's clock time, "4:05", or "1:02:05" past an hour: how the window and
/// the command line both show lengths and segment times.
pub fn clock(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    match seconds / 3600 {
        0 => format!("{}:{:02}", seconds / 60, seconds % 60),
        hours => format!("{hours}:{:02}:{:02}", seconds / 60 % 60, seconds % 60),
    }
}

/// The event channel name the desktop shell emits on.
pub const EVENT_CHANNEL: &str = "satchel://event";

/// Machine-readable kind of a failure, so every interface can word it in the
/// learner's language. The `message` that travels with it is English detail for logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    WrongKey,
    KeychainUnavailable,
    KeyMissing,
    PassphraseRequired,
    ProfileNotFound,
    ProfileExists,
    NotFound,
    InvalidInput,
    Locked,
    /// A model Satchel needs is not installed; the message says which and how.
    ModelMissing,
    /// A file is not audio (or a document) Satchel can read, or is damaged.
    BadMedia,
    /// The learner stopped it.
    Cancelled,
    /// Something else is running that this must wait for.
    Busy,
    /// No microphone answered, or it went away.
    NoMicrophone,
    /// The document is protected by a password (or the one given is wrong).
    PasswordRequired,
    /// The sync server did not answer: the network or the server is down.
    Offline,
    /// The sync server wants the learner to sign in (again).
    SignInNeeded,
    /// Taken already, or changed elsewhere first (a name on the class server, say).
    Conflict,
    /// Not allowed to this account (another teacher's class, a learner's admin page).
    Forbidden,
    Storage,
    Internal,
}

impl ErrorCode {
    /// The code a sync server's refusal with HTTP `status` stands for: what the server
    /// sends with each refusal, and what a client assumes when an older server sent
    /// none.
    pub fn for_http_status(status: u16) -> ErrorCode {
        match status {
            401 => ErrorCode::SignInNeeded,
            403 => ErrorCode::Forbidden,
            404 => ErrorCode::NotFound,
            409 => ErrorCode::Conflict,
            400 | 422 => ErrorCode::InvalidInput,
            413 => ErrorCode::BadMedia,
            429 => ErrorCode::Busy,
            408 | 503 => ErrorCode::Offline,
            _ => ErrorCode::Internal,
        }
    }
}

/// A failure as the sync server answers it (any status but success): the stable
/// `code` the client maps to its own errors, and English detail for logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerErrorBody {
    /// Absent from servers older than the codes; the client then goes by the status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ErrorCode>,
    pub error: String,
}

/// A failure as it crosses the IPC boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorView {
    pub code: ErrorCode,
    pub message: String,
}

/// Facts for the settings screen's "about" section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutView {
    pub version: String,
    pub cipher_version: String,
    pub data_dir: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_refusal_reads_with_or_without_its_code() {
        let coded: ServerErrorBody =
            serde_json::from_str(r#"{"code":"conflict","error":"that name is taken"}"#).unwrap();
        assert_eq!(coded.code, Some(ErrorCode::Conflict));
        let older: ServerErrorBody = serde_json::from_str(r#"{"error":"no such class"}"#).unwrap();
        assert_eq!(older.code, None);
        assert_eq!(ErrorCode::for_http_status(409), ErrorCode::Conflict);
        assert_eq!(ErrorCode::for_http_status(403), ErrorCode::Forbidden);
        assert_eq!(ErrorCode::for_http_status(418), ErrorCode::Internal);
    }

    #[test]
    fn events_are_tagged_with_dotted_names() {
        let json = serde_json::to_string(&Event::NoteDeleted { id: "n1".into() }).unwrap();
        assert_eq!(json, r#"{"type":"note.deleted","id":"n1"}"#);
    }

    #[test]
    fn unlock_requests_round_trip() {
        let request = UnlockRequest::RecoveryCode {
            recovery_code: "ABCD".into(),
            new_passphrase: Some("pw".into()),
        };
        let json = serde_json::to_string(&request).unwrap();
        assert!(json.contains(r#""method":"recovery_code""#), "{json}");
        assert_eq!(
            serde_json::from_str::<UnlockRequest>(&json).unwrap(),
            request
        );
    }
}
