//! The library: notes, sources and their text with where each piece is, search hits, answers and concepts.

use serde::{Deserialize, Serialize};

use crate::{ErrorView, ProfileView};

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

/// A note to save: no `id` creates one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteDraft {
    pub id: Option<String>,
    pub title: String,
    pub body: String,
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

fn yes() -> bool {
    true
}
