//! Study material and studying: cards, decks, study packs, reviews and their schedule, and the analytics.

use serde::{Deserialize, Serialize};

use crate::{ErrorView, HitKind, LessonView, SourceRef};

/// The deck a card goes to when none is named. The name is stored as it is; the window
/// shows it in the learner's language.
pub const DEFAULT_DECK: &str = "Default";

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
    /// What wrote it: "hand" for a learner or a deck brought in, else a pack's writer
    /// ("cloze", "occlusion", …): the window draws an occlusion card's picture.
    #[serde(default)]
    pub generator: String,
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
    /// The easier card on the same fact made because this one was failed twice: it
    /// comes next.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easier_card: Option<String>,
}

/// Help with a card while studying: where it came from, a hint, and its fact
/// explained in the words around it in its source (every word from the source).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardHelp {
    pub card_id: String,
    /// The passage the card came from, at its place (page, moment or region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<SourceRef>,
    pub hint: Hint,
    /// Sentences of its source that explain the answer, each at its place: the card's
    /// own sentence first, then those that define or describe the answer.
    pub explanation: Vec<SourceRef>,
}

/// A hint at a card's answer that does not give it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hint {
    /// The answer's first letter.
    pub first: String,
    /// Letters and digits in it.
    pub letters: u32,
    pub words: u32,
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

/// Whether the app tells the learner, with a desktop notification, that reviews are
/// waiting. A child's library starts with them off: a parent turns them on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSettings {
    /// The library is a child's.
    #[serde(default)]
    pub child: bool,
    /// On or off as chosen; `None` until someone chooses, when a child's library has
    /// them off and anyone else's on.
    #[serde(default)]
    pub chosen: Option<bool>,
}

impl ReminderSettings {
    /// Whether reminders are on.
    pub fn enabled(&self) -> bool {
        self.chosen.unwrap_or(!self.child)
    }
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

/// What writing cards for Anki did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnkiExported {
    pub decks: u32,
    /// Anki notes written: a card and its reverse, or a cloze's cards, make one.
    pub notes: u32,
    pub cards: u32,
    /// Answers in their review log.
    pub reviews: u32,
    /// Pictures and sounds written with them.
    pub media: u32,
    /// Cards Anki cannot hold as they are (image occlusion), left out.
    pub left_out: u32,
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

/// A report to save as CSV for a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "report", rename_all = "snake_case")]
pub enum CsvReport {
    /// The learner's reviews, a row a day.
    Reviews,
    /// What the learner knows, a row a concept.
    Mastery,
    /// A class the learner teaches, a row a student.
    Class { class_id: String },
}
