//! Classes, lessons, the class report, class servers found nearby, and USB bundles.

use serde::{Deserialize, Serialize};

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
    /// Until when the code works (ms since the epoch), for its teacher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_expires_at: Option<i64>,
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
    /// For a student the teacher added by name, when the teacher just made it: the
    /// one-time code that lets the student claim the account when they first join.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_code: Option<String>,
    /// Until when that code works (ms since the epoch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_expires_at: Option<i64>,
    /// For their teacher: the code that opens the student's bundles on a laptop that
    /// never met the class server (24 digits), and proves a bundle carried back is
    /// theirs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_code: Option<String>,
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
    /// Its certificate's fingerprint (SHA-256, hex), which students' apps pin.
    #[serde(default)]
    pub hosting_fingerprint: Option<String>,
    /// The fingerprint as the six words students compare with their screen.
    #[serde(default)]
    pub hosting_words: Option<String>,
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
    /// The code that opens the bundle written on another computer (24 digits), shown
    /// once to the learner; `None` for an import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub media: u32,
    pub bytes: u64,
    pub reviews: u32,
    pub cards: u32,
    pub notes: u32,
}

/// A server as seen before this device trusts it: compare `words` with the teacher's
/// screen, then use `pinned`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerProbe {
    /// Its base address (`https://host:port`).
    pub server: String,
    /// The SHA-256 of its certificate, hex.
    pub fingerprint: String,
    /// The fingerprint as six words.
    pub words: String,
    /// The address held to this fingerprint, to join or sign in with.
    pub pinned: String,
}
