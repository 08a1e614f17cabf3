//! Keeping the chunks up to date: every note and every ready source whose text changed
//! since it was last cut is cut again, and every chunk without a vector is embedded.
//! A chunk whose text did not change keeps its vector, so an edit re-embeds only what
//! it touched.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::{Role, Understand};
use crate::ids::OwnerId;
use crate::lang::{self, Lang};
use crate::profile::Profile;
use crate::store::settings;
use crate::store::vectors::encode;
use crate::{Error, Result};

/// Chunks embedded per model run and per transaction: a batch is about a second of
/// work on a slow laptop, so an interrupted refresh loses little and shows progress.
const EMBED_BATCH: usize = 32;

/// What a refresh did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexReport {
    /// Notes and sources cut again.
    pub owners: usize,
    pub chunks: usize,
    /// Chunks embedded (the rest kept their vectors).
    pub embedded: usize,
    /// Notes and sources whose concepts were found again.
    pub concepts: usize,
}

/// A note or a source.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Owner {
    Note(String),
    Source(String),
}

/// A piece of an owner's text with where it is.
#[derive(Debug, Clone, Default)]
struct Piece {
    text: String,
    start_ms: Option<i64>,
    end_ms: Option<i64>,
    bbox: Option<[f64; 4]>,
}

/// Pieces a chunk may join: one page, one recording, one note.
#[derive(Debug, Default)]
struct Flow {
    page: Option<i64>,
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq)]
struct Chunk {
    text: String,
    page: Option<i64>,
    start_ms: Option<i64>,
    end_ms: Option<i64>,
    bbox: Option<[f64; 4]>,
}

/// Vectors another model made (or an older Satchel, which did not say which) do not
/// compare with this model's, and its tokens cut chunks elsewhere: every chunk is cut
/// and embedded again.
fn forget_other_models_vectors(profile: &Profile, model: &dyn Understand) -> Result<()> {
    let changed = profile.transact(|tx| {
        if settings::VECTORS_MODEL.get(tx)?.as_deref() == Some(model.name()) {
            return Ok(false);
        }
        tx.execute(
            "UPDATE chunks SET vector = NULL WHERE vector IS NOT NULL",
            [],
        )?;
        tx.execute("DELETE FROM chunked", [])?;
        settings::VECTORS_MODEL.put(tx, &model.name().to_owned())?;
        Ok(true)
    })?;
    if changed {
        profile.vectors.invalidate();
    }
    Ok(())
}

/// Brings the chunks and vectors of `profile` up to date; `progress(done, total)`
/// counts chunks embedded, and is called with `(0, 0)` as each changed note or source
/// has been cut (a sign of life before the embedding starts).
pub fn refresh(
    profile: &Profile,
    model: &dyn Understand,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<IndexReport> {
    let _one_at_a_time = profile
        .vectors
        .refreshing
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut report = IndexReport::default();
    forget_other_models_vectors(profile, model)?;
    let stale = profile.read(stale_owners)?;
    for (owner, updated_at) in stale {
        let flows = profile.read(|conn| flows(conn, &owner))?;
        let language = profile
            .read(|conn| said_language(conn, &owner))?
            .or_else(|| lang::detect(&opening_text(&flows)));
        let chunks = cut(&flows, model)?;
        report.owners += 1;
        report.chunks += chunks.len();
        profile.transact(|tx| {
            replace_chunks(tx, &owner, updated_at, &chunks, language)?;
            Ok(())
        })?;
        progress(0, 0);
    }
    let forgotten = profile.transact(|tx| {
        // Chunks of deleted owners went with them; their bookkeeping goes too.
        let forgotten = tx.execute(
            "DELETE FROM chunked WHERE owner_id NOT IN
                 (SELECT id FROM notes UNION ALL SELECT id FROM sources)",
            [],
        )?;
        Ok(forgotten)
    })?;
    let total: usize = profile.read(|conn| {
        Ok(conn.query_row(
            "SELECT count(*) FROM chunks WHERE vector IS NULL",
            [],
            |r| r.get::<_, i64>(0),
        )? as usize)
    })?;
    loop {
        let pending: Vec<(i64, String)> = profile.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, text FROM chunks WHERE vector IS NULL ORDER BY id LIMIT ?1",
            )?;
            let rows = statement
                .query_map([EMBED_BATCH as i64], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })?;
        if pending.is_empty() {
            break;
        }
        let texts: Vec<&str> = pending.iter().map(|(_, text)| text.as_str()).collect();
        let vectors = model.embed(&texts, Role::Passage)?;
        profile.transact(|tx| {
            let mut update = tx.prepare_cached("UPDATE chunks SET vector = ?2 WHERE id = ?1")?;
            for ((id, _), vector) in pending.iter().zip(&vectors) {
                update.execute(params![id, encode(vector)])?;
            }
            Ok(())
        })?;
        report.embedded += pending.len();
        progress(report.embedded.min(total), total);
    }
    report.concepts = super::concepts::find(profile, model)?;
    if forgotten > 0 {
        super::concepts::forget_unnamed(profile)?;
    }
    if report.owners > 0 || report.embedded > 0 || forgotten > 0 {
        profile.vectors.invalidate();
    }
    Ok(report)
}

/// Notes and ready sources cut from an older version than they now are, or never.
fn stale_owners(conn: &Connection) -> Result<Vec<(Owner, i64)>> {
    let mut statement = conn.prepare(
        "SELECT 0, n.id, n.updated_at FROM notes n
             LEFT JOIN chunked i ON i.owner_id = n.id
             WHERE i.updated_at IS NOT n.updated_at
         UNION ALL
         SELECT 1, s.id, s.updated_at FROM sources s
             LEFT JOIN chunked i ON i.owner_id = s.id
             WHERE s.status = 'ready' AND i.updated_at IS NOT s.updated_at",
    )?;
    let owners = statement
        .query_map([], |row| {
            let id: String = row.get(1)?;
            let owner = if row.get::<_, i64>(0)? == 0 {
                Owner::Note(id)
            } else {
                Owner::Source(id)
            };
            Ok((owner, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(owners)
}

/// The language a source says it is in: what Whisper heard, or what its pages were
/// found to be written in when read.
fn said_language(conn: &Connection, owner: &Owner) -> Result<Option<Lang>> {
    let Owner::Source(id) = owner else {
        return Ok(None);
    };
    let code: Option<String> = conn
        .query_row("SELECT language FROM sources WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?
        .flatten();
    Ok(code.as_deref().and_then(Lang::from_code))
}

/// The owner's text as far as telling its language needs (a few pages, not a book).
fn opening_text(flows: &[Flow]) -> String {
    const ENOUGH: usize = 8_000;
    let mut text = String::new();
    for piece in flows.iter().flat_map(|f| &f.pieces) {
        if text.len() >= ENOUGH {
            break;
        }
        text.push_str(&piece.text);
        text.push('\n');
    }
    text
}

/// An owner's text as the flows chunks are cut from.
fn flows(conn: &Connection, owner: &Owner) -> Result<Vec<Flow>> {
    let id = match owner {
        Owner::Note(id) => {
            let (title, body): (String, String) =
                conn.query_row("SELECT title, body FROM notes WHERE id = ?1", [id], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?;
            let text = [title.trim(), body.trim()]
                .iter()
                .filter(|t| !t.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("\n\n");
            return Ok(vec![Flow {
                page: None,
                pieces: vec![Piece {
                    text,
                    ..Piece::default()
                }],
            }]);
        }
        Owner::Source(id) => id,
    };
    let kind: String = conn.query_row("SELECT kind FROM sources WHERE id = ?1", [id], |row| {
        row.get(0)
    })?;
    if kind == "audio" {
        let mut statement = conn.prepare_cached(
            "SELECT text, start_ms, end_ms FROM segments WHERE source_id = ?1 ORDER BY seq",
        )?;
        let pieces = statement
            .query_map([id], |row| {
                Ok(Piece {
                    text: row.get(0)?,
                    start_ms: row.get(1)?,
                    end_ms: row.get(2)?,
                    bbox: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        return Ok(vec![Flow { page: None, pieces }]);
    }
    let mut statement = conn.prepare_cached(
        "SELECT page, text, x, y, width, height FROM regions WHERE source_id = ?1 ORDER BY seq",
    )?;
    let mut rows = statement.query([id])?;
    let mut flows: Vec<Flow> = Vec::new();
    while let Some(row) = rows.next()? {
        let page: i64 = row.get(0)?;
        let bbox = match (row.get(2)?, row.get(3)?, row.get(4)?, row.get(5)?) {
            (Some(x), Some(y), Some(w), Some(h)) => Some([x, y, w, h]),
            _ => None,
        };
        let piece = Piece {
            text: row.get(1)?,
            bbox,
            ..Piece::default()
        };
        match flows.last_mut() {
            Some(flow) if flow.page == Some(page) => flow.pieces.push(piece),
            _ => flows.push(Flow {
                page: Some(page),
                pieces: vec![piece],
            }),
        }
    }
    // Plain text has one page, which is no page.
    if kind == "text" {
        flows.iter_mut().for_each(|f| f.page = None);
    }
    Ok(flows)
}

/// Each flow's pieces joined and cut by the model; each chunk takes the provenance of
/// the pieces it overlaps: the moments from the first to the last, and the box around
/// them all (when every one has a box).
fn cut(flows: &[Flow], model: &dyn Understand) -> Result<Vec<Chunk>> {
    let mut chunks = Vec::new();
    for flow in flows {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(flow.pieces.len());
        for piece in &flow.pieces {
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            text.push_str(piece.text.trim());
            spans.push(start..text.len());
        }
        for range in model.chunk(&text).map_err(Error::Media)? {
            let chunk_text = text.get(range.clone()).unwrap_or_default().trim();
            if chunk_text.is_empty() {
                continue;
            }
            let overlapping: Vec<&Piece> = flow
                .pieces
                .iter()
                .zip(&spans)
                .filter(|(_, span)| span.start < range.end && range.start < span.end)
                .map(|(piece, _)| piece)
                .collect();
            let bbox = if overlapping.iter().all(|p| p.bbox.is_some()) {
                overlapping.iter().filter_map(|p| p.bbox).reduce(
                    |[ax, ay, aw, ah], [bx, by, bw, bh]| {
                        let (x, y) = (ax.min(bx), ay.min(by));
                        [x, y, (ax + aw).max(bx + bw) - x, (ay + ah).max(by + bh) - y]
                    },
                )
            } else {
                None
            };
            chunks.push(Chunk {
                text: chunk_text.to_owned(),
                page: flow.page,
                start_ms: overlapping.iter().filter_map(|p| p.start_ms).min(),
                end_ms: overlapping.iter().filter_map(|p| p.end_ms).max(),
                bbox,
            });
        }
    }
    Ok(chunks)
}

/// `owner`'s chunks in place of those it had, each with its language (its own when
/// its words say it, else the owner's, `language`) and its terms in the word index.
fn replace_chunks(
    tx: &Connection,
    owner: &Owner,
    updated_at: i64,
    chunks: &[Chunk],
    language: Option<Lang>,
) -> Result<()> {
    let (column, id) = match owner {
        Owner::Note(id) => ("note_id", id),
        Owner::Source(id) => ("source_id", id),
    };
    // The vectors of the chunks that are there now, by their text.
    let mut kept: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
    {
        let mut statement = tx.prepare(&format!(
            "SELECT text_hash, vector FROM chunks WHERE {column} = ?1 AND vector IS NOT NULL"
        ))?;
        let rows = statement.query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?;
        for row in rows {
            let (hash, vector) = row?;
            kept.insert(hash, vector);
        }
    }
    tx.execute(&format!("DELETE FROM chunks WHERE {column} = ?1"), [id])?;
    let mut insert = tx.prepare(&format!(
        "INSERT INTO chunks ({column}, seq, text, page, start_ms, end_ms, x, y, width, height,
                             text_hash, vector, language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    ))?;
    let mut index =
        tx.prepare_cached("INSERT INTO chunks_fts (rowid, words, stems) VALUES (?1, ?2, ?3)")?;
    for (seq, chunk) in chunks.iter().enumerate() {
        let chunk_language = lang::detect(&chunk.text).or(language);
        let hash = Sha256::digest(chunk.text.as_bytes()).to_vec();
        let [x, y, w, h] = chunk.bbox.map_or([None; 4], |b| b.map(Some));
        insert.execute(params![
            id,
            seq as i64,
            chunk.text,
            chunk.page,
            chunk.start_ms,
            chunk.end_ms,
            x,
            y,
            w,
            h,
            hash,
            kept.get(&hash),
            chunk_language.map(Lang::code),
        ])?;
        let (words, stems) = lang::index_terms(&chunk.text, chunk_language);
        index.execute(params![tx.last_insert_rowid(), words, stems])?;
    }
    tx.execute(
        "INSERT INTO chunked (owner_id, updated_at) VALUES (?1, ?2)
         ON CONFLICT (owner_id) DO UPDATE SET updated_at = excluded.updated_at",
        params![id, updated_at],
    )?;
    Ok(())
}

/// The concepts of `owner`'s chunks as they were at `updated_at` are named.
pub(crate) fn concepts_named(tx: &Connection, owner: &OwnerId, updated_at: i64) -> Result<()> {
    tx.execute(
        "UPDATE chunked SET concepts_at = ?2 WHERE owner_id = ?1",
        params![owner, updated_at],
    )?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Sentences as chunks, so a test knows where each cut falls.
    pub(crate) struct Sentences;

    impl Understand for Sentences {
        fn name(&self) -> &str {
            "sentences"
        }

        fn chunk(
            &self,
            text: &str,
        ) -> std::result::Result<Vec<std::ops::Range<usize>>, satchel_media::MediaError> {
            let mut ranges = Vec::new();
            let mut start = 0;
            for (i, c) in text.char_indices() {
                if c == '.' {
                    ranges.push(start..i + 1);
                    start = i + 1;
                }
            }
            if start < text.len() {
                ranges.push(start..text.len());
            }
            Ok(ranges)
        }

        fn embed(
            &self,
            texts: &[&str],
            _role: super::super::Role,
        ) -> std::result::Result<Vec<Vec<f32>>, satchel_media::MediaError> {
            Ok(texts.iter().map(|t| vec![t.len() as f32, 1.0]).collect())
        }
    }

    /// Sentences as chunks, and a text's meaning as the words it uses: each word
    /// (lowercased, a final "s" dropped) hashed to one of [`WORD_DIMENSIONS`], the whole
    /// made unit length — texts that share words are alike, as meaning would have it.
    pub(crate) struct Words;

    /// Enough that two words of a test seldom share one (they would be one word).
    const WORD_DIMENSIONS: usize = 4096;

    impl Understand for Words {
        fn name(&self) -> &str {
            "words"
        }

        fn chunk(
            &self,
            text: &str,
        ) -> std::result::Result<Vec<std::ops::Range<usize>>, satchel_media::MediaError> {
            Sentences.chunk(text)
        }

        fn embed(
            &self,
            texts: &[&str],
            _role: super::super::Role,
        ) -> std::result::Result<Vec<Vec<f32>>, satchel_media::MediaError> {
            Ok(texts
                .iter()
                .map(|text| {
                    let mut vector = vec![0.0f32; WORD_DIMENSIONS];
                    for word in text.split(|c: char| !c.is_alphanumeric()) {
                        let word = word.to_lowercase();
                        let word = word.strip_suffix('s').unwrap_or(&word);
                        if word.len() > 2 {
                            let hash = Sha256::digest(word.as_bytes());
                            let bucket = usize::from(u16::from_le_bytes([hash[0], hash[1]]));
                            vector[bucket % WORD_DIMENSIONS] += 1.0;
                        }
                    }
                    let norm = vector.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-6);
                    vector.iter_mut().for_each(|v| *v /= norm);
                    vector
                })
                .collect())
        }
    }

    #[test]
    fn a_chunk_takes_the_moments_and_boxes_of_the_pieces_it_spans() {
        let flow = Flow {
            page: Some(2),
            pieces: vec![
                Piece {
                    text: "Cells divide".into(),
                    start_ms: Some(1000),
                    end_ms: Some(2000),
                    bbox: Some([10.0, 10.0, 100.0, 20.0]),
                },
                Piece {
                    text: "by mitosis. Then".into(),
                    start_ms: Some(2000),
                    end_ms: Some(3500),
                    bbox: Some([10.0, 40.0, 150.0, 20.0]),
                },
                Piece {
                    text: "they grow.".into(),
                    start_ms: Some(3500),
                    end_ms: Some(5000),
                    bbox: None,
                },
            ],
        };
        let chunks = cut(&[flow], &Sentences).unwrap();
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[0].text, "Cells divide\nby mitosis.");
        assert_eq!(
            (chunks[0].start_ms, chunks[0].end_ms),
            (Some(1000), Some(3500))
        );
        assert_eq!(chunks[0].bbox, Some([10.0, 10.0, 150.0, 50.0]));
        assert_eq!(chunks[0].page, Some(2));
        assert_eq!(chunks[1].text, "Then\nthey grow.");
        assert_eq!(
            (chunks[1].start_ms, chunks[1].end_ms),
            (Some(2000), Some(5000))
        );
        assert_eq!(chunks[1].bbox, None, "one of its pieces has no box");
    }
}
