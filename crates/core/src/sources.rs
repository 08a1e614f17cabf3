//! Sources: what a learner brings in — a recorded lecture now; photos and documents
//! next — kept whole and encrypted, with the text made from it.
//!
//! Importing stores the original first and only then works on it, so a failure, a
//! cancel or a killed process never loses the recording: the source stays, marked,
//! and can be transcribed again.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OptionalExtension, Row};
use satchel_media::MediaError;
use satchel_media::audio::{AudioLimits, AudioReader};
use satchel_media::image_in::{
    self as image, IMAGE_TYPES, ImageLimits, decode_image, encode_png, open_image,
};
use satchel_media::pdf::PdfLimits;
use satchel_types::{
    ErrorView, Event, JobState, SegmentView, SourceKind, SourceStatus, SourceSummary, SourceView,
};
use serde_json::{Value, json};

use crate::blobs::{BlobReader, blob_info};
use crate::error::OrNotFound;
use crate::ids::{BlobId, SourceId};
use crate::jobs::{Failure, JobContext};
use crate::notes::excerpt;
use crate::profile::{Profile, Tx};
use crate::store;
use crate::vision::{ReadPage, Reader};
use crate::voice::{Audio, Progress, Transcriber};
use crate::{Error, Result, now_ms};

/// Progress is announced at most this often: enough for a smooth bar, few enough
/// events that the window never queues them up.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// The audio formats Satchel reads, by extension, with the type they are served as.
pub const AUDIO_TYPES: &[(&str, &str)] = &[
    ("wav", "audio/wav"),
    ("mp3", "audio/mpeg"),
    ("flac", "audio/flac"),
    ("ogg", "audio/ogg"),
    ("oga", "audio/ogg"),
    ("m4a", "audio/mp4"),
    ("mp4", "audio/mp4"),
    ("aac", "audio/aac"),
];

fn media_type_for(extension: &str) -> Option<&'static str> {
    let extension = extension.to_ascii_lowercase();
    AUDIO_TYPES
        .iter()
        .find(|(e, _)| *e == extension)
        .map(|(_, t)| *t)
}

fn image_type_for(extension: &str) -> Option<&'static str> {
    IMAGE_TYPES
        .iter()
        .find(|(e, _)| *e == extension)
        .map(|(_, t)| *t)
}

/// Plain text files Satchel takes, by extension.
pub const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "text"];
/// A text file larger than this is not notes: 16 MiB is a few thousand pages.
const TEXT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// A text file's words: UTF-8 (a byte-order mark is dropped), or a clear error for a
/// file that only looks like text by its name.
fn text_of(bytes: &[u8]) -> Result<&str> {
    if bytes.len() as u64 > TEXT_MAX_BYTES {
        return Err(Error::Media(MediaError::TooLarge {
            max_mb: TEXT_MAX_BYTES / (1024 * 1024),
        }));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes)
        .ok()
        .filter(|text| !text.contains('\0'))
        .ok_or_else(|| {
            Error::Media(MediaError::UnsupportedDocument(
                "this file is not text Satchel can read (it must be UTF-8)".into(),
            ))
        })
}

fn extension_for(media_type: &str) -> &'static str {
    AUDIO_TYPES
        .iter()
        .find(|(_, t)| *t == media_type)
        .map_or("wav", |(e, _)| *e)
}

impl Profile {
    /// Stores an audio file as a new source, queued for transcription. The file is
    /// checked to be audio Satchel can read before anything is kept.
    pub fn import_audio(&self, path: &Path, title: Option<&str>) -> Result<SourceView> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let media_type = media_type_for(extension).ok_or_else(|| {
            Error::Media(MediaError::UnsupportedAudio(format!(
                "Satchel reads WAV, MP3, FLAC, Ogg Vorbis and M4A/AAC, not {:?}",
                if extension.is_empty() {
                    "a file without an extension"
                } else {
                    extension
                }
            )))
        })?;
        // Opening reads the headers: random bytes, an empty file or an unknown codec
        // are refused here, before a copy is made.
        AudioReader::open(path, AudioLimits::default())?;
        self.add_source(
            path,
            SourceKind::Audio,
            media_type,
            title,
            AudioLimits::default().max_bytes,
        )
    }

    /// Stores any file Satchel reads — a recording, a photo or a PDF — as a new
    /// source, queued for its text to be made.
    pub fn import_file(&self, path: &Path, title: Option<&str>) -> Result<SourceView> {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if media_type_for(&extension).is_some() {
            return self.import_audio(path, title);
        }
        if let Some(media_type) = image_type_for(&extension) {
            // Decoding checks it is a picture Satchel can read before a copy is made.
            open_image(path, ImageLimits::default())?;
            return self.add_source(
                path,
                SourceKind::Image,
                media_type,
                title,
                ImageLimits::default().max_bytes,
            );
        }
        if extension == "pdf" {
            let mut head = [0u8; 1024];
            let read = std::fs::File::open(path)
                .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
                .map_err(Error::io("reading", path))?;
            if !head[..read].windows(5).any(|w| w == b"%PDF-") {
                return Err(Error::Media(MediaError::UnsupportedDocument(
                    "this file is not a PDF".into(),
                )));
            }
            return self.add_source(
                path,
                SourceKind::Document,
                "application/pdf",
                title,
                PdfLimits::default().max_bytes,
            );
        }
        if TEXT_EXTENSIONS.contains(&extension.as_str()) {
            let bytes = std::fs::read(path).map_err(Error::io("reading", path))?;
            text_of(&bytes)?;
            let media_type = if extension == "md" {
                "text/markdown"
            } else {
                "text/plain"
            };
            return self.add_source(path, SourceKind::Text, media_type, title, TEXT_MAX_BYTES);
        }
        Err(Error::Media(MediaError::UnsupportedDocument(format!(
            "Satchel reads recordings (WAV, MP3, FLAC, Ogg, M4A), pictures (PNG, JPEG, WebP), PDFs and text (TXT, Markdown), not {:?}",
            if extension.is_empty() {
                "a file without an extension"
            } else {
                extension.as_str()
            }
        ))))
    }

    /// Stores a picture held in memory (pasted from the clipboard) as a new source,
    /// queued to be read. It is decoded first: nothing that is not a picture is kept.
    pub fn import_image_bytes(&self, bytes: &[u8], title: &str) -> Result<SourceView> {
        decode_image(bytes, ImageLimits::default())?;
        let media_type = match image::guess_media_type(bytes) {
            Some(media_type) => media_type,
            None => {
                return Err(Error::Media(MediaError::UnsupportedImage(
                    "Satchel reads PNG, JPEG and WebP pictures".into(),
                )));
            }
        };
        self.store_source(
            bytes,
            SourceKind::Image,
            media_type,
            title,
            None,
            ImageLimits::default().max_bytes,
        )
    }

    fn add_source(
        &self,
        path: &Path,
        kind: SourceKind,
        media_type: &str,
        title: Option<&str>,
        max_bytes: u64,
    ) -> Result<SourceView> {
        let file = std::fs::File::open(path).map_err(Error::io("opening", path))?;
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| {
                if kind == SourceKind::Audio {
                    "Recording"
                } else {
                    "Untitled"
                }
                .to_owned()
            });
        let title = title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(&stem);
        self.store_source(
            file,
            kind,
            media_type,
            title,
            file_name.as_deref(),
            max_bytes,
        )
    }

    /// Copies `input` into a new blob and makes it a source, queued for its text.
    fn store_source(
        &self,
        input: impl std::io::Read,
        kind: SourceKind,
        media_type: &str,
        title: &str,
        file_name: Option<&str>,
        max_bytes: u64,
    ) -> Result<SourceView> {
        let title: String = title.trim().chars().take(crate::TITLE_MAX_CHARS).collect();
        let blob = self.write_blob(input, media_type, max_bytes)?;
        self.transact(|tx| {
            let source = insert_source(tx, kind, &title, file_name, &blob.id, None, now_ms())?;
            let event = saved(&source);
            tx.emit(event);
            Ok(source)
        })
    }

    /// The stored original, whole (pictures and documents are read in one piece).
    fn source_bytes(self: &Arc<Self>, id: &SourceId, max_bytes: u64) -> Result<Vec<u8>> {
        let (mut reader, _) = self.source_original(id.as_str())?;
        if reader.len() > max_bytes {
            return Err(Error::Media(MediaError::TooLarge {
                max_mb: max_bytes / (1024 * 1024),
            }));
        }
        let mut bytes = Vec::with_capacity(usize::try_from(reader.len()).unwrap_or(0));
        std::io::Read::read_to_end(&mut reader, &mut bytes)
            .map_err(Error::io("reading", "the stored original"))?;
        Ok(bytes)
    }

    /// Every source, most recently changed first.
    pub fn sources(&self) -> Result<Vec<SourceSummary>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, title, status, duration_ms, text, updated_at, kind
                 FROM sources ORDER BY updated_at DESC, id DESC",
            )?;
            let sources = statement
                .query_map([], |row| {
                    Ok(SourceSummary {
                        id: row.get(0)?,
                        kind: from_sql(&row.get::<_, String>(6)?).unwrap_or(SourceKind::Audio),
                        title: row.get(1)?,
                        status: from_sql(&row.get::<_, String>(2)?).unwrap_or(SourceStatus::Failed),
                        duration_ms: row.get(3)?,
                        excerpt: excerpt(&row.get::<_, String>(4)?),
                        updated_at: row.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(sources)
        })
    }

    /// A source by its id or by an unambiguous prefix of it.
    pub fn source(&self, id_or_prefix: &str) -> Result<SourceView> {
        self.read(|conn| {
            let id = resolve(conn, id_or_prefix)?;
            get(conn, &id)?.or_not_found(&id)
        })
    }

    pub fn delete_source(&self, id_or_prefix: &str) -> Result<()> {
        self.transact(|tx| {
            let id = resolve(tx, id_or_prefix)?;
            let blob = store::sources::delete(tx, &id)?.or_not_found(&id)?;
            store::blobs::delete(tx, &blob)?;
            tx.emit(Event::SourceDeleted { id: id.into() });
            Ok(())
        })
    }

    /// Sources whose transcription has not finished: queued, or cut off by a closed
    /// or killed app. The shell queues them again on unlock.
    pub fn unfinished_sources(&self) -> Result<Vec<String>> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id FROM sources WHERE status IN ('queued', 'transcribing') ORDER BY created_at",
            )?;
            let ids = statement
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(ids)
        })
    }

    /// Marks a source still waiting in the queue as cancelled (one being transcribed
    /// is stopped through its cancel flag instead). Returns whether it was waiting.
    pub fn cancel_queued_source(&self, id_or_prefix: &str) -> Result<bool> {
        let id = self.read(|conn| resolve(conn, id_or_prefix))?;
        let waiting = self.source(id.as_str())?.status == SourceStatus::Queued;
        if waiting {
            self.set_status(&id, SourceStatus::Cancelled, None)?;
        }
        Ok(waiting)
    }

    /// Keeps the password a protected document is to be read with (the reading keeps
    /// it too, once it opens the document).
    pub fn keep_document_password(&self, id: &str, password: &str) -> Result<()> {
        let id = SourceId::from(id);
        self.transact(|tx| store::sources::set_document_password(tx, &id, password))
    }

    /// Puts a failed or cancelled source back in the queue.
    pub fn requeue_source(&self, id_or_prefix: &str) -> Result<SourceView> {
        let id = self.read(|conn| resolve(conn, id_or_prefix))?;
        self.set_status(&id, SourceStatus::Queued, None)
    }

    /// The stored original, readable a chunk at a time, and its media type.
    pub fn source_original(self: &Arc<Self>, id_or_prefix: &str) -> Result<(BlobReader, String)> {
        let (blob, media_type) = self.read(|conn| {
            let id = resolve(conn, id_or_prefix)?;
            let blob: BlobId =
                conn.query_row("SELECT blob_id FROM sources WHERE id = ?1", [&id], |r| {
                    r.get(0)
                })?;
            let Some(info) = blob_info(conn, &blob)? else {
                return Err(Error::not_found(
                    "original here (it was brought in on another device and comes with a sync) for source",
                    id.as_str(),
                ));
            };
            Ok((info.id, info.media_type))
        })?;
        Ok((BlobReader::open(Arc::clone(self), &blob)?, media_type))
    }

    fn set_status(
        &self,
        id: &SourceId,
        status: SourceStatus,
        error: Option<&ErrorView>,
    ) -> Result<SourceView> {
        self.transact(|tx| {
            let code = error.map(|e| to_sql(&e.code));
            let detail = error
                .and_then(|e| e.detail.as_ref())
                .and_then(|d| serde_json::to_string(d).ok());
            let why = code
                .as_deref()
                .zip(error.map(|e| e.message.as_str()))
                .map(|(code, message)| (code, message, detail.as_deref()));
            if !store::sources::set_status(tx, id, &to_sql(&status), why, now_ms())? {
                return Err(id.not_found());
            }
            let source = get(tx, id)?.or_not_found(id)?;
            let event = saved(&source);
            tx.emit(event);
            Ok(source)
        })
    }
}

/// Transcribes a stored source, announcing progress, and records the transcript —
/// or, on failure or cancel, why, leaving the recording in place to try again.
pub fn transcribe_source(
    profile: &Arc<Profile>,
    id: &str,
    transcriber: &dyn Transcriber,
    language: Option<&str>,
    cancel: Arc<AtomicBool>,
) -> Result<SourceView> {
    let source = profile.source(id)?;
    let id = SourceId::from(source.id.clone());
    profile.set_status(&id, SourceStatus::Transcribing, None)?;
    let (reader, media_type) = profile.source_original(id.as_str())?;
    let audio = Audio {
        size: reader.len(),
        source: Box::new(reader),
        extension: Some(extension_for(&media_type).to_owned()),
    };
    let bus = profile.events().clone();
    let last = std::sync::Mutex::new(None::<Instant>);
    let progress_id = id.to_string();
    let progress = Arc::new(move |progress: Progress| {
        let mut last = last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let finished = progress.total_ms == Some(progress.done_ms);
        if finished || last.is_none_or(|at| at.elapsed() >= PROGRESS_EVERY) {
            *last = Some(Instant::now());
            bus.publish(Event::SourceProgress {
                id: progress_id.clone(),
                done_ms: progress.done_ms,
                total_ms: progress.total_ms,
            });
        }
    });
    match transcriber.transcribe(audio, language, progress, cancel) {
        Ok(transcription) => profile.transact(|tx| {
            let transcript = &transcription.transcript;
            let segments: Vec<store::sources::Segment<'_>> = transcript
                .segments
                .iter()
                .map(|segment| store::sources::Segment {
                    start_ms: segment.start_ms,
                    end_ms: segment.end_ms,
                    text: &segment.text,
                })
                .collect();
            let text = transcript.text();
            store::sources::transcribed(
                tx,
                &id,
                &segments,
                &store::sources::ReadText {
                    text: &text,
                    language: Some(&transcript.language),
                    duration_ms: Some(transcription.duration_ms),
                    pages: None,
                },
                now_ms(),
            )?;
            let source = get(tx, &id)?.or_not_found(&id)?;
            let event = saved(&source);
            tx.emit(event);
            Ok(source)
        }),
        Err(media) => {
            let error = Error::Media(media);
            let status = if matches!(error, Error::Media(MediaError::Cancelled)) {
                SourceStatus::Cancelled
            } else {
                SourceStatus::Failed
            };
            profile.set_status(&id, status, Some(&error.view()))?;
            Err(error)
        }
    }
}

/// Reads the text of a stored picture or document and records it with where each
/// piece is — or, on failure, why, leaving the original in place to try again.
pub fn read_source(
    profile: &Arc<Profile>,
    id: &str,
    reader: &dyn Reader,
    password: Option<&str>,
) -> Result<SourceView> {
    let source = profile.source(id)?;
    let id = SourceId::from(source.id.clone());
    let max_bytes = match source.kind {
        SourceKind::Image => ImageLimits::default().max_bytes,
        SourceKind::Document => PdfLimits::default().max_bytes,
        SourceKind::Text => TEXT_MAX_BYTES,
        SourceKind::Audio => {
            return Err(Error::InvalidInput(
                "a recording is transcribed, not read".into(),
            ));
        }
    };
    // Read again (a retry) with the password it was opened with before.
    let kept: Option<String> = profile.read(|conn| {
        Ok(conn.query_row(
            "SELECT document_password FROM sources WHERE id = ?1",
            [&id],
            |row| row.get(0),
        )?)
    })?;
    let password = password.or(kept.as_deref());
    profile.set_status(&id, SourceStatus::Transcribing, None)?;
    let bus = profile.events().clone();
    let outcome = profile.source_bytes(&id, max_bytes).and_then(|bytes| {
        let pages = match source.kind {
            SourceKind::Image => vec![reader.read_image(&bytes)?],
            SourceKind::Text => vec![ReadPage {
                number: 1,
                text_layer: Some(text_of(&bytes)?.to_owned()),
                ..ReadPage::default()
            }],
            _ => {
                let progress_id = id.to_string();
                reader.read_document(&bytes, password, &mut |done, total| {
                    bus.publish(Event::SourcePages {
                        id: progress_id.clone(),
                        done: done as i64,
                        total: total as i64,
                    });
                })?
            }
        };
        Ok(pages)
    });
    match outcome {
        Ok(pages) => profile.transact(|tx| {
            store_pages(tx, &id, &pages)?;
            if let Some(password) = password {
                store::sources::set_document_password(tx, &id, password)?;
            }
            let source = get(tx, &id)?.or_not_found(&id)?;
            let event = saved(&source);
            tx.emit(event);
            Ok(source)
        }),
        Err(error) => {
            profile.set_status(&id, SourceStatus::Failed, Some(&error.view()))?;
            Err(error)
        }
    }
}

/// Page `page` (from 1) of a stored document drawn `width` pixels wide, as a PNG —
/// with the password it was opened with, if it needed one.
pub fn draw_page(
    profile: &Arc<Profile>,
    id_or_prefix: &str,
    page: u32,
    width: u32,
    reader: &dyn Reader,
) -> Result<Vec<u8>> {
    let (id, kind, pages, password) = profile.read(|conn| {
        let id = resolve(conn, id_or_prefix)?;
        let (kind, pages, password): (String, Option<i64>, Option<String>) = conn.query_row(
            "SELECT kind, pages, document_password FROM sources WHERE id = ?1",
            [&id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )?;
        Ok((id, from_sql::<SourceKind>(&kind), pages, password))
    })?;
    if kind != Some(SourceKind::Document) {
        return Err(Error::InvalidInput(
            "only a document's pages are drawn".into(),
        ));
    }
    if let Some(pages) = pages
        && !(1..=pages).contains(&i64::from(page))
    {
        return Err(Error::InvalidInput(format!(
            "there is no page {page}: the document has {pages}"
        )));
    }
    let bytes = profile.source_bytes(&id, PdfLimits::default().max_bytes)?;
    let picture = reader.draw_page(&bytes, password.as_deref(), page, width)?;
    Ok(encode_png(&picture)?)
}

fn store_pages(tx: &Tx<'_>, id: &SourceId, pages: &[ReadPage]) -> Result<()> {
    let sizes: Vec<(i64, [f32; 2])> = pages
        .iter()
        .filter_map(|page| page.size.map(|size| (i64::from(page.number), size)))
        .collect();
    let mut regions = Vec::new();
    for page in pages {
        if let Some(text) = &page.text_layer {
            regions.push(store::sources::Region {
                page: i64::from(page.number),
                bbox: None,
                confidence: None,
                text,
            });
        }
        for line in &page.lines {
            regions.push(store::sources::Region {
                page: i64::from(page.number),
                bbox: line.bbox,
                confidence: Some(line.confidence),
                text: &line.text,
            });
        }
    }
    let text = pages
        .iter()
        .map(ReadPage::text)
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    store::sources::pages_read(
        tx,
        id,
        &sizes,
        &regions,
        &store::sources::ReadText {
            text: &text,
            // What the pages are written in, as a recording says what it speaks.
            language: crate::lang::detect(&text).map(crate::lang::Lang::code),
            duration_ms: None,
            pages: Some(pages.len() as i64),
        },
        now_ms(),
    )
}

fn resolve(conn: &Connection, id_or_prefix: &str) -> Result<SourceId> {
    crate::ids::resolve(
        conn,
        "SELECT id FROM sources WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2",
        id_or_prefix,
    )
}

pub(crate) fn get(conn: &Connection, id: &SourceId) -> Result<Option<SourceView>> {
    let source = conn
        .prepare_cached(
            "SELECT s.id, s.title, s.status, s.file_name, b.media_type, b.size_bytes, s.language,
                    s.duration_ms, s.text, s.error_code, s.error_message, s.created_at, s.updated_at,
                    s.kind, s.pages, b.complete, s.error_detail
             FROM sources s JOIN blobs b ON b.id = s.blob_id
             WHERE s.id = ?1",
        )?
        .query_row([id], source_from_row)
        .optional()?;
    let Some(mut source) = source else {
        return Ok(None);
    };
    if source.kind != SourceKind::Audio {
        let count = usize::try_from(source.pages.unwrap_or(0)).unwrap_or(0);
        let mut sizes = vec![None; count];
        let mut statement = conn.prepare_cached(
            "SELECT page, width, height FROM page_sizes WHERE source_id = ?1 ORDER BY page",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, f64>(1)?,
                row.get::<_, f64>(2)?,
            ))
        })?;
        for row in rows {
            let (page, width, height) = row?;
            if let Some(slot) = usize::try_from(page - 1)
                .ok()
                .and_then(|i| sizes.get_mut(i))
            {
                *slot = Some([width as f32, height as f32]);
            }
        }
        source.page_sizes = sizes;
    }
    source.segments = if source.kind == SourceKind::Audio {
        conn.prepare_cached(
            "SELECT start_ms, end_ms, text FROM segments WHERE source_id = ?1 ORDER BY seq",
        )?
        .query_map([id], |row| {
            Ok(SegmentView::timed(row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?
    } else {
        conn.prepare_cached(
            "SELECT page, x, y, width, height, confidence, text FROM regions
             WHERE source_id = ?1 ORDER BY seq",
        )?
        .query_map([id], |row| {
            let bbox = match (row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?) {
                (Some(x), Some(y), Some(w), Some(h)) => Some([x, y, w, h].map(|v: f64| v as f32)),
                _ => None,
            };
            Ok(SegmentView {
                text: row.get(6)?,
                start_ms: None,
                end_ms: None,
                page: row.get(0)?,
                bbox,
                confidence: row.get::<_, Option<f64>>(5)?.map(|c| c as f32),
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    Ok(Some(source))
}

fn source_from_row(row: &Row<'_>) -> rusqlite::Result<SourceView> {
    let status: String = row.get(2)?;
    let error_code: Option<String> = row.get(9)?;
    let error_message: Option<String> = row.get(10)?;
    let error_detail: Option<String> = row.get(16)?;
    Ok(SourceView {
        id: row.get(0)?,
        kind: from_sql(&row.get::<_, String>(13)?).unwrap_or(SourceKind::Audio),
        pages: row.get(14)?,
        title: row.get(1)?,
        status: from_sql(&status).unwrap_or(SourceStatus::Failed),
        file_name: row.get(3)?,
        media_type: row.get(4)?,
        size_bytes: row.get(5)?,
        language: row.get(6)?,
        duration_ms: row.get(7)?,
        text: row.get(8)?,
        segments: Vec::new(),
        page_sizes: Vec::new(),
        error: error_code.map(|code| ErrorView {
            code: from_sql(&code).unwrap_or(satchel_types::ErrorCode::Internal),
            message: error_message.unwrap_or_default(),
            // Written by this code; one that does not read (a newer Satchel's, say)
            // leaves the code to speak alone.
            detail: error_detail.and_then(|d| serde_json::from_str(&d).ok()),
        }),
        created_at: row.get(11)?,
        updated_at: row.get(12)?,
        original_here: row.get::<_, i64>(15)? != 0,
    })
}

/// A new source over a stored blob, queued for its text to be made.
pub(crate) fn insert_source(
    tx: &Tx<'_>,
    kind: SourceKind,
    title: &str,
    file_name: Option<&str>,
    blob_id: &BlobId,
    duration_ms: Option<i64>,
    created_at: i64,
) -> Result<SourceView> {
    let id = SourceId::new();
    store::sources::insert(
        tx,
        &store::sources::NewSource {
            id: &id,
            kind: &to_sql(&kind),
            title,
            status: "queued",
            file_name,
            blob_id,
            language: None,
            duration_ms,
            pages: None,
            text: None,
            created_at,
        },
        now_ms(),
    )?;
    get(tx, &id)?.or_not_found(&id)
}

/// The event that announces a source as it now is.
pub(crate) fn saved(source: &SourceView) -> Event {
    Event::SourceSaved {
        source: summary(source),
    }
}

pub(crate) fn summary(source: &SourceView) -> SourceSummary {
    SourceSummary {
        id: source.id.clone(),
        kind: source.kind,
        title: source.title.clone(),
        status: source.status,
        duration_ms: source.duration_ms,
        excerpt: excerpt(&source.text),
        updated_at: source.updated_at,
    }
}

/// Statuses and error codes are stored by the snake_case names they have in JSON.
fn to_sql(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn from_sql<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// Watches the bus for `source`'s progress while `work` runs, and passes it on as the
/// job's progress (its sign of life); when the job is cancelled, given up or paused,
/// raises `cancel` so the work stops.
fn watched<T>(
    job: &JobContext<'_>,
    source: &SourceId,
    cancel: &Arc<AtomicBool>,
    work: impl FnOnce() -> T,
) -> T {
    let events = job.profile().events().subscribe();
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let finished = &finished;
        scope.spawn(move || {
            while !finished.load(Ordering::SeqCst) {
                let progress = match events.recv_timeout(Duration::from_millis(200)) {
                    Ok(Event::SourceProgress {
                        id,
                        done_ms,
                        total_ms,
                    }) if *source == id => job.progress(done_ms, total_ms),
                    Ok(Event::SourcePages { id, done, total }) if *source == id => {
                        job.progress(done, Some(total))
                    }
                    Ok(_) | Err(RecvTimeoutError::Timeout) if job.should_stop() => {
                        Err(Failure::Stopped)
                    }
                    Ok(_) | Err(RecvTimeoutError::Timeout) => Ok(()),
                    Err(RecvTimeoutError::Disconnected) => return,
                };
                if progress.is_err() {
                    cancel.store(true, Ordering::SeqCst);
                }
            }
        });
        let outcome = work();
        finished.store(true, Ordering::SeqCst);
        outcome
    })
}

/// Reads (or transcribes) source `id` if it waits to be read, as part of `job`.
pub(crate) fn read_waiting(
    job: &JobContext<'_>,
    id: &SourceId,
    language: Option<&str>,
    transcriber: &dyn Transcriber,
    reader: &dyn Reader,
) -> std::result::Result<Value, Failure> {
    let language = language.map(str::to_owned);
    let profile = job.profile();
    let source = match profile.source(id.as_str()) {
        Ok(source) => source,
        // Deleted while it waited: nothing to do.
        Err(Error::NotFound { .. }) => return Ok(Value::Null),
        Err(error) => return Err(error.into()),
    };
    // Cancelled by the learner, or read already; a failed read is retried only by
    // its own job's next try.
    let waiting = matches!(
        source.status,
        SourceStatus::Queued | SourceStatus::Transcribing
    ) || (source.status == SourceStatus::Failed && job.attempt() > 1);
    if !waiting {
        return Ok(Value::Null);
    }
    let cancel = Arc::new(AtomicBool::new(false));
    let outcome = watched(job, id, &cancel, || match source.kind {
        SourceKind::Audio => transcribe_source(
            profile,
            id.as_str(),
            transcriber,
            language.as_deref(),
            Arc::clone(&cancel),
        ),
        // Pictures and documents are read in one go (a few seconds a page).
        _ => read_source(profile, id.as_str(), reader, None),
    });
    match outcome {
        Ok(source) => Ok(json!({ "status": source.status, "chars": source.text.len() })),
        Err(_) if job.should_stop() => {
            // Cancelled by the learner: it stays so. Paused (the library was locked) or
            // given up for silence: it waits to be read again.
            if profile.job(job.id())?.state != JobState::Cancelled {
                profile.requeue_source(id.as_str())?;
            }
            Err(Failure::Stopped)
        }
        Err(error) => Err(error.into()),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::testing::{NothingToRead, keychain_profile, tone_wav};

    #[test]
    fn text_files_are_read_as_they_are_and_a_binary_one_is_refused_keeping_nothing() {
        let (dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let notes = dir.path().join("Cells.md");
        std::fs::write(&notes, b"\xEF\xBB\xBF# Cells\n\nCells divide by mitosis.\n").unwrap();
        let source = profile.import_file(&notes, None).unwrap();
        assert_eq!(
            (source.kind, source.title.as_str()),
            (SourceKind::Text, "Cells")
        );
        // Text needs no model or PDF reader; a reader that would fail shows it is unused.
        let read = read_source(&profile, &source.id, &NothingToRead, None).unwrap();
        assert_eq!(read.status, SourceStatus::Ready);
        assert_eq!(
            read.text, "# Cells\n\nCells divide by mitosis.\n",
            "as written, without the BOM"
        );

        let binary = dir.path().join("photo.txt");
        std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
        let error = profile.import_file(&binary, None).unwrap_err();
        assert!(error.to_string().contains("UTF-8"), "{error}");
        assert_eq!(profile.sources().unwrap().len(), 1, "nothing kept of it");
    }

    #[test]
    fn an_import_keeps_the_original_byte_for_byte_and_lists_it_queued() {
        let (dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let wav = dir.path().join("Cell biology.wav");
        tone_wav(&wav);
        let events = profile.events().subscribe();

        let source = profile.import_audio(&wav, None).unwrap();
        assert_eq!(source.title, "Cell biology");
        assert_eq!(source.status, SourceStatus::Queued);
        assert_eq!(source.file_name.as_deref(), Some("Cell biology.wav"));
        assert_eq!(source.media_type, "audio/wav");
        assert!(matches!(events.try_recv(), Ok(Event::SourceSaved { .. })));

        let (mut reader, media_type) = profile.source_original(&source.id[..8]).unwrap();
        let mut stored = Vec::new();
        reader.read_to_end(&mut stored).unwrap();
        assert_eq!(stored, std::fs::read(&wav).unwrap());
        assert_eq!(media_type, "audio/wav");
        assert_eq!(
            profile.unfinished_sources().unwrap(),
            vec![source.id.clone()]
        );
        assert_eq!(profile.library().unwrap().sources.len(), 1);

        profile.delete_source(&source.id).unwrap();
        assert!(profile.sources().unwrap().is_empty());
        let blobs: i64 = profile
            .read(|c| Ok(c.query_row("SELECT count(*) FROM blob_chunks", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(blobs, 0, "deleting a source deletes its recording");
    }

    #[test]
    fn files_that_are_not_audio_are_refused_before_anything_is_kept() {
        let (dir, _satchel, profile) = keychain_profile("Ada");
        let noise = dir.path().join("noise.wav");
        std::fs::write(
            &noise,
            (0..50_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect::<Vec<_>>(),
        )
        .unwrap();
        let empty = dir.path().join("empty.mp3");
        std::fs::write(&empty, b"").unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, b"hello").unwrap();
        for path in [&noise, &empty, &text] {
            let error = profile.import_audio(path, None).unwrap_err();
            assert_eq!(error.code(), satchel_types::ErrorCode::BadMedia, "{error}");
        }
        let missing = profile
            .import_audio(&dir.path().join("gone.wav"), None)
            .unwrap_err();
        assert!(
            matches!(
                missing.code(),
                satchel_types::ErrorCode::Storage | satchel_types::ErrorCode::BadMedia
            ),
            "{missing}"
        );
        assert!(profile.sources().unwrap().is_empty());
        let blobs: i64 = profile
            .read(|c| Ok(c.query_row("SELECT count(*) FROM blobs", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(blobs, 0);
    }

    #[test]
    fn a_missing_model_fails_the_transcription_but_keeps_the_recording() {
        let (dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let wav = dir.path().join("tone.wav");
        tone_wav(&wav);
        let source = profile.import_audio(&wav, Some("  A tone ")).unwrap();
        assert_eq!(source.title, "A tone");
        let nowhere = NoModel(dir.path().join("no-models/ggml-base.bin"));
        let error =
            transcribe_source(&profile, &source.id, &nowhere, None, Arc::default()).unwrap_err();
        assert_eq!(error.code(), satchel_types::ErrorCode::ModelMissing);
        let after = profile.source(&source.id).unwrap();
        assert_eq!(after.status, SourceStatus::Failed);
        assert_eq!(
            after.error.unwrap().code,
            satchel_types::ErrorCode::ModelMissing
        );
        assert!(profile.unfinished_sources().unwrap().is_empty());
        assert_eq!(
            profile.requeue_source(&source.id).unwrap().status,
            SourceStatus::Queued
        );
        assert!(profile.source_original(&source.id).is_ok());
    }

    /// A transcriber whose model is not installed.
    struct NoModel(std::path::PathBuf);

    impl crate::voice::Transcriber for NoModel {
        fn transcribe(
            &self,
            _: crate::voice::Audio,
            _: Option<&str>,
            _: crate::voice::ProgressFn,
            _: Arc<AtomicBool>,
        ) -> std::result::Result<crate::voice::Transcription, satchel_media::MediaError> {
            Err(satchel_media::MediaError::ModelMissing {
                path: self.0.clone(),
            })
        }
    }
}
