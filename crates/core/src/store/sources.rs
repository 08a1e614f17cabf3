//! A source and its text's pieces: `sources`, `segments` (a recording's timed
//! lines), `regions` (a page's read lines) and `page_sizes`. The only statements that
//! write them. A source is shared once ready, so each write that makes or changes a
//! ready source's text or title mirrors it into its document through the transaction
//! (the sharing layer skips one still being read).

use rusqlite::{Connection, OptionalExtension, params};

use super::docs::Touched;
use super::tx::Tx;
use crate::Result;
use crate::ids::{BlobId, SourceId};

/// A source's row as first written.
pub(crate) struct NewSource<'a> {
    pub id: &'a SourceId,
    /// The kind as the store names it (`text`, `audio`, …).
    pub kind: &'a str,
    pub title: &'a str,
    /// `queued` for one to be read here, `ready` for one a peer read.
    pub status: &'a str,
    pub file_name: Option<&'a str>,
    pub blob_id: &'a BlobId,
    pub language: Option<&'a str>,
    pub duration_ms: Option<i64>,
    pub pages: Option<i64>,
    pub text: Option<&'a str>,
    pub created_at: i64,
}

pub(crate) fn insert(tx: &Tx<'_>, source: &NewSource<'_>, now: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO sources (id, kind, title, status, file_name, blob_id, language,
                              duration_ms, pages, text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, COALESCE(?10, ''), ?11, ?12)",
    )?
    .execute(params![
        source.id,
        source.kind,
        source.title,
        source.status,
        source.file_name,
        source.blob_id,
        source.language,
        source.duration_ms,
        source.pages,
        source.text,
        source.created_at,
        now
    ])?;
    tx.touch(Touched::Source(source.id))
}

/// The blob holding a source's original.
pub(crate) fn blob_of(conn: &Connection, id: &SourceId) -> Result<Option<BlobId>> {
    Ok(conn
        .prepare_cached("SELECT blob_id FROM sources WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Deletes a source (its pieces go with it); the blob of its original, now the
/// caller's to delete, or `None` when there was no such source.
pub(crate) fn delete(tx: &Tx<'_>, id: &SourceId) -> Result<Option<BlobId>> {
    let Some(blob) = blob_of(tx, id)? else {
        return Ok(None);
    };
    // The document is told while the row is still there to be read.
    tx.touch(Touched::SourceDeleted(id))?;
    tx.prepare_cached("DELETE FROM sources WHERE id = ?1")?
        .execute([id])?;
    Ok(Some(blob))
}

/// A new title; whether it changed.
pub(crate) fn rename(tx: &Tx<'_>, id: &SourceId, title: &str, now: i64) -> Result<bool> {
    let changed = tx
        .prepare_cached(
            "UPDATE sources SET title = ?2, updated_at = ?3 WHERE id = ?1 AND title != ?2",
        )?
        .execute(params![id, title, now])?;
    if changed > 0 {
        tx.touch(Touched::Source(id))?;
    }
    Ok(changed > 0)
}

/// The password a protected document is read with.
pub(crate) fn set_document_password(tx: &Tx<'_>, id: &SourceId, password: &str) -> Result<()> {
    tx.prepare_cached("UPDATE sources SET document_password = ?2 WHERE id = ?1")?
        .execute(params![id, password])?;
    Ok(())
}

/// Where reading a source stands (`queued`, `failed`, …) and why it failed, if it
/// did; whether there is such a source.
pub(crate) fn set_status(
    tx: &Tx<'_>,
    id: &SourceId,
    status: &str,
    error: Option<(&str, &str, Option<&str>)>,
    now: i64,
) -> Result<bool> {
    Ok(tx
        .prepare_cached(
            "UPDATE sources SET status = ?2, error_code = ?3, error_message = ?4, updated_at = ?5,
                error_detail = ?6
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            status,
            error.map(|e| e.0),
            error.map(|e| e.1),
            now,
            error.and_then(|e| e.2),
        ])?
        > 0)
}

/// A timed line of a recording's transcript.
pub(crate) struct Segment<'a> {
    pub start_ms: i64,
    pub end_ms: i64,
    pub text: &'a str,
}

/// A read line of a page (or a page's own text layer, with no box).
pub(crate) struct Region<'a> {
    pub page: i64,
    /// x, y, width, height, as fractions of the page.
    pub bbox: Option<[f32; 4]>,
    pub confidence: Option<f32>,
    pub text: &'a str,
}

/// What reading a source made: its text, and the transcript's language and length or
/// the document's page count.
pub(crate) struct ReadText<'a> {
    pub text: &'a str,
    pub language: Option<&'a str>,
    pub duration_ms: Option<i64>,
    pub pages: Option<i64>,
}

/// A recording transcribed: its timed lines (in place of any it had) and its text;
/// the source is ready.
pub(crate) fn transcribed(
    tx: &Tx<'_>,
    id: &SourceId,
    segments: &[Segment<'_>],
    read: &ReadText<'_>,
    now: i64,
) -> Result<()> {
    replace_segments(tx, id, segments)?;
    tx.prepare_cached(
        "UPDATE sources SET status = 'ready', language = ?2, duration_ms = ?3, text = ?4,
                error_code = NULL, error_message = NULL, error_detail = NULL, updated_at = ?5
         WHERE id = ?1",
    )?
    .execute(params![id, read.language, read.duration_ms, read.text, now])?;
    tx.touch(Touched::Source(id))
}

/// A document or picture read: its pages' sizes and read lines (in place of any it
/// had) and its text; the source is ready.
pub(crate) fn pages_read(
    tx: &Tx<'_>,
    id: &SourceId,
    sizes: &[(i64, [f32; 2])],
    regions: &[Region<'_>],
    read: &ReadText<'_>,
    now: i64,
) -> Result<()> {
    replace_pages(tx, id, sizes, regions)?;
    tx.prepare_cached(
        "UPDATE sources SET status = 'ready', pages = ?2, text = ?3, language = ?5,
                error_code = NULL, error_message = NULL, error_detail = NULL, updated_at = ?4
         WHERE id = ?1",
    )?
    .execute(params![id, read.pages, read.text, now, read.language])?;
    tx.touch(Touched::Source(id))
}

/// A source a peer read, written whole: its row, timed lines, read lines and page
/// sizes.
pub(crate) fn insert_read(
    tx: &Tx<'_>,
    source: &NewSource<'_>,
    segments: &[Segment<'_>],
    sizes: &[(i64, [f32; 2])],
    regions: &[Region<'_>],
    now: i64,
) -> Result<()> {
    insert(tx, source, now)?;
    replace_segments(tx, source.id, segments)?;
    replace_pages(tx, source.id, sizes, regions)
}

fn replace_segments(tx: &Tx<'_>, id: &SourceId, segments: &[Segment<'_>]) -> Result<()> {
    tx.prepare_cached("DELETE FROM segments WHERE source_id = ?1")?
        .execute([id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO segments (source_id, seq, start_ms, end_ms, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (seq, segment) in (0i64..).zip(segments) {
        insert.execute(params![
            id,
            seq,
            segment.start_ms,
            segment.end_ms,
            segment.text
        ])?;
    }
    Ok(())
}

fn replace_pages(
    tx: &Tx<'_>,
    id: &SourceId,
    sizes: &[(i64, [f32; 2])],
    regions: &[Region<'_>],
) -> Result<()> {
    tx.prepare_cached("DELETE FROM regions WHERE source_id = ?1")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM page_sizes WHERE source_id = ?1")?
        .execute([id])?;
    let mut size = tx.prepare_cached(
        "INSERT INTO page_sizes (source_id, page, width, height) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (page, [width, height]) in sizes {
        size.execute(params![id, page, f64::from(*width), f64::from(*height)])?;
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO regions (source_id, seq, page, x, y, width, height, confidence, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (seq, region) in regions.iter().enumerate() {
        let [x, y, w, h] = region
            .bbox
            .map_or([None; 4], |b| b.map(|v| Some(f64::from(v))));
        insert.execute(params![
            id,
            seq as i64,
            region.page,
            x,
            y,
            w,
            h,
            region.confidence.map(f64::from),
            region.text
        ])?;
    }
    Ok(())
}
