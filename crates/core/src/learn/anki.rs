//! Anki decks brought in: `.apkg` files in the older format (`collection.anki2` or
//! `.anki21`: schema 11, note types and decks as JSON, a JSON media list) and the
//! newer one (`collection.anki21b`: zstd-compressed schema 18, note types, templates
//! and decks in tables with protobuf configs, a zstd protobuf media list, each media
//! file zstd-compressed), with their pictures, sounds and review history.
//!
//! A deck file is a stranger's: every size is bounded before it is read, the
//! collection is opened from memory (nothing of it is written to disk unencrypted),
//! and a file that is not what it says is a clear error that changes nothing. The
//! cards and their reviews are written in one transaction.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::{Connection, MAIN_DB, OptionalExtension};
use satchel_types::{AnkiImported, CardKind, CardMedia, CardSide, Event, Rating};
use zip::ZipArchive;

use super::cards::{HAND, cloze_card, media_type};
use super::history::{PastReview, merge_later, replay};
use super::schedule::Scheduler;
use super::settings;
use crate::error::OrNotFound;
use crate::ids::{BlobId, CardId, DeckId};
use crate::profile::Profile;
use crate::store::{self, cards};
use crate::{Error, Result};

const MAX_PACKAGE_BYTES: u64 = 2 << 30;
const MAX_COLLECTION_BYTES: u64 = 512 << 20;
const MAX_MEDIA_LIST_BYTES: u64 = 64 << 20;
const MAX_MEDIA_FILE_BYTES: u64 = 64 << 20;
const MAX_MEDIA_BYTES: u64 = 2 << 30;
const MAX_CARDS: usize = 500_000;
/// Reading a deck stops after this, whatever it holds.
const DEADLINE: Duration = Duration::from_secs(600);
const ORIGIN: &str = "anki";

fn bad(what: impl std::fmt::Display) -> Error {
    Error::InvalidInput(format!("this is not an Anki deck Satchel can read: {what}"))
}

/// A note type: cloze or not, its fields' names and its cards' templates by ordinal.
#[derive(Debug, Default)]
struct Notetype {
    cloze: bool,
    fields: Vec<String>,
    templates: HashMap<i64, (String, String)>,
}

struct Note {
    guid: String,
    notetype: i64,
    fields: Vec<String>,
}

struct DeckCard {
    note: i64,
    deck: i64,
    ord: i64,
    id: i64,
    suspended: bool,
    studied: bool,
}

struct Collection {
    decks: HashMap<i64, String>,
    notetypes: HashMap<i64, Notetype>,
    notes: HashMap<i64, Note>,
    cards: Vec<DeckCard>,
    /// Each card's reviews, oldest first: (Anki's review id, which is its time in ms;
    /// the answer, 1–4; time taken, ms).
    reviews: HashMap<i64, Vec<(i64, i64, i64)>>,
}

/// The package: its zip, which collection it carries, and its media by name.
struct Package {
    zip: ZipArchive<File>,
    latest: bool,
    media: HashMap<String, String>,
}

fn entry_bytes(zip: &mut ZipArchive<File>, name: &str, limit: u64) -> Result<Option<Vec<u8>>> {
    let mut entry = match zip.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(error) => return Err(bad(format!("{name}: {error}"))),
    };
    if entry.size() > limit {
        return Err(bad(format!("{name} is larger than {} MB", limit >> 20)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    (&mut entry)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(format!("{name}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(bad(format!("{name} is larger than {} MB", limit >> 20)));
    }
    Ok(Some(bytes))
}

/// zstd-compressed `bytes`, unpacked to at most `limit` bytes.
fn unzstd(bytes: &[u8], limit: u64, name: &str) -> Result<Vec<u8>> {
    let decoder =
        zstd::stream::read::Decoder::new(bytes).map_err(|e| bad(format!("{name}: {e}")))?;
    let mut out = Vec::new();
    decoder
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| bad(format!("{name}: {e}")))?;
    if out.len() as u64 > limit {
        return Err(bad(format!(
            "{name} unpacks to more than {} MB",
            limit >> 20
        )));
    }
    Ok(out)
}

fn open_package(path: &Path) -> Result<(Package, Vec<u8>)> {
    let file = File::open(path).map_err(|e| Error::Io {
        action: "opening",
        path: path.to_owned(),
        source: e,
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_PACKAGE_BYTES {
        return Err(bad(format!(
            "the file is larger than {} GB",
            MAX_PACKAGE_BYTES >> 30
        )));
    }
    let mut zip = ZipArchive::new(file).map_err(|e| bad(format!("not a zip archive ({e})")))?;
    let (latest, collection) = if let Some(packed) =
        entry_bytes(&mut zip, "collection.anki21b", MAX_COLLECTION_BYTES)?
    {
        (
            true,
            unzstd(&packed, MAX_COLLECTION_BYTES, "collection.anki21b")?,
        )
    } else if let Some(bytes) = entry_bytes(&mut zip, "collection.anki21", MAX_COLLECTION_BYTES)? {
        (false, bytes)
    } else if let Some(bytes) = entry_bytes(&mut zip, "collection.anki2", MAX_COLLECTION_BYTES)? {
        (false, bytes)
    } else {
        return Err(bad("it holds no Anki collection"));
    };
    let list = entry_bytes(&mut zip, "media", MAX_MEDIA_LIST_BYTES)?;
    let media = match list {
        None => HashMap::new(),
        Some(bytes) if latest => media_entries(&unzstd(&bytes, MAX_MEDIA_LIST_BYTES, "media")?)?,
        Some(bytes) => {
            let names: HashMap<String, String> =
                serde_json::from_slice(&bytes).map_err(|e| bad(format!("media list: {e}")))?;
            names
                .into_iter()
                .map(|(entry, name)| (name, entry))
                .collect()
        }
    };
    Ok((Package { zip, latest, media }, collection))
}

/// A protobuf message's fields, as (number, wire value): the little of protobuf the
/// newer format needs, read without trusting a length.
fn proto_fields(mut bytes: &[u8]) -> Result<Vec<(u64, Proto<'_>)>> {
    fn varint(bytes: &mut &[u8]) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = bytes.split_first().ok_or_else(|| bad("a cut protobuf"))?;
            *bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(bad("a protobuf number too long"))
    }
    let mut fields = Vec::new();
    while !bytes.is_empty() {
        let key = varint(&mut bytes)?;
        let value = match key & 7 {
            0 => Proto::Number(varint(&mut bytes)?),
            1 | 5 => {
                let width = if key & 7 == 1 { 8 } else { 4 };
                let (_, rest) = bytes
                    .split_at_checked(width)
                    .ok_or_else(|| bad("a cut protobuf"))?;
                bytes = rest;
                Proto::Other
            }
            2 => {
                let length =
                    usize::try_from(varint(&mut bytes)?).map_err(|_| bad("a protobuf length"))?;
                let (value, rest) = bytes
                    .split_at_checked(length)
                    .ok_or_else(|| bad("a cut protobuf"))?;
                bytes = rest;
                Proto::Bytes(value)
            }
            other => return Err(bad(format!("protobuf wire type {other}"))),
        };
        fields.push((key >> 3, value));
    }
    Ok(fields)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Proto<'a> {
    Number(u64),
    Bytes(&'a [u8]),
    Other,
}

fn proto_text(fields: &[(u64, Proto<'_>)], number: u64) -> String {
    fields
        .iter()
        .find_map(|(n, v)| match v {
            Proto::Bytes(b) if *n == number => Some(String::from_utf8_lossy(b).into_owned()),
            _ => None,
        })
        .unwrap_or_default()
}

fn proto_number(fields: &[(u64, Proto<'_>)], number: u64) -> Option<u64> {
    fields.iter().find_map(|(n, v)| match v {
        Proto::Number(x) if *n == number => Some(*x),
        _ => None,
    })
}

/// The newer media list: entry `i` is zip entry "i" (or its legacy number), by name.
fn media_entries(bytes: &[u8]) -> Result<HashMap<String, String>> {
    let mut media = HashMap::new();
    for (i, (number, value)) in proto_fields(bytes)?.into_iter().enumerate() {
        let (1, Proto::Bytes(entry)) = (number, value) else {
            continue;
        };
        let fields = proto_fields(entry)?;
        let entry_name =
            proto_number(&fields, 255).map_or_else(|| i.to_string(), |n| n.to_string());
        media.insert(proto_text(&fields, 1), entry_name);
    }
    Ok(media)
}

fn open_collection(mut bytes: Vec<u8>) -> Result<Connection> {
    // Anki writes its collections in WAL mode (header bytes 18 and 19 are 2), which a
    // database in memory cannot open; the file in the package is whole, so it reads
    // as the same database in the rollback-journal mode (1).
    if let Some(versions) = bytes.get_mut(18..20)
        && versions == [2, 2]
    {
        versions.copy_from_slice(&[1, 1]);
    }
    let mut conn = Connection::open_in_memory()?;
    // Newer collections name Anki's own case-insensitive collation in their schema
    // (decks', note types' and tags' names): without it, they do not open.
    conn.create_collation("unicase", |a, b| {
        a.chars()
            .flat_map(char::to_lowercase)
            .cmp(b.chars().flat_map(char::to_lowercase))
    })?;
    let size = bytes.len();
    conn.deserialize_read_exact(MAIN_DB, &bytes[..], size, true)
        .map_err(|e| bad(format!("its collection does not open ({e})")))?;
    // A damaged collection is found here, not halfway through.
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(|e| bad(format!("its collection is damaged ({e})")))?;
    if check != "ok" {
        return Err(bad(format!("its collection is damaged ({check})")));
    }
    Ok(conn)
}

fn has_table(conn: &Connection, name: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

fn read_collection(conn: &Connection, deadline: Instant) -> Result<Collection> {
    let (decks, notetypes) = if has_table(conn, "notetypes")? {
        schema18(conn)?
    } else {
        schema11(conn)?
    };
    let late = || {
        (Instant::now() > deadline).then(|| bad("it took too long to read; nothing was changed"))
    };
    let mut notes = HashMap::new();
    let mut statement = conn.prepare("SELECT id, guid, mid, flds FROM notes")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let fields: String = row.get(3)?;
        notes.insert(
            row.get::<_, i64>(0)?,
            Note {
                guid: row.get(1)?,
                notetype: row.get(2)?,
                fields: fields.split('\x1f').map(str::to_owned).collect(),
            },
        );
        if let Some(error) = late() {
            return Err(error);
        }
    }
    let mut cards = Vec::new();
    let mut statement =
        conn.prepare("SELECT id, nid, did, ord, queue, type FROM cards ORDER BY nid, ord")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        if cards.len() == MAX_CARDS {
            return Err(bad(format!("it holds more than {MAX_CARDS} cards")));
        }
        cards.push(DeckCard {
            id: row.get(0)?,
            note: row.get(1)?,
            deck: row.get(2)?,
            ord: row.get(3)?,
            suspended: row.get::<_, i64>(4)? == -1,
            studied: row.get::<_, i64>(5)? != 0,
        });
    }
    let mut reviews: HashMap<i64, Vec<(i64, i64, i64)>> = HashMap::new();
    // Answers only: not Anki's manual reschedules (ease 0) or its later "set due date"
    // entries (type 4 and 5).
    let mut statement = conn.prepare(
        "SELECT cid, id, ease, time FROM revlog
         WHERE ease BETWEEN 1 AND 4 AND type BETWEEN 0 AND 3 ORDER BY cid, id",
    )?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        reviews
            .entry(row.get(0)?)
            .or_default()
            .push((row.get(1)?, row.get(2)?, row.get(3)?));
        if let Some(error) = late() {
            return Err(error);
        }
    }
    Ok(Collection {
        decks,
        notetypes,
        notes,
        cards,
        reviews,
    })
}

type Models = (HashMap<i64, String>, HashMap<i64, Notetype>);

/// The older schema: decks and note types are JSON in the `col` row.
fn schema11(conn: &Connection) -> Result<Models> {
    let (models, decks): (String, String) = conn
        .query_row("SELECT models, decks FROM col", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .map_err(|e| bad(format!("its collection has no note types ({e})")))?;
    let models: serde_json::Value =
        serde_json::from_str(&models).map_err(|e| bad(format!("note types: {e}")))?;
    let decks: serde_json::Value =
        serde_json::from_str(&decks).map_err(|e| bad(format!("decks: {e}")))?;
    let mut notetypes = HashMap::new();
    for (id, model) in models.as_object().into_iter().flatten() {
        let Ok(id) = id.parse::<i64>() else { continue };
        let names = |key: &str| -> Vec<&serde_json::Value> {
            let mut list: Vec<&serde_json::Value> = model[key]
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default();
            list.sort_by_key(|v| v["ord"].as_i64().unwrap_or(0));
            list
        };
        notetypes.insert(
            id,
            Notetype {
                cloze: model["type"].as_i64() == Some(1),
                fields: names("flds")
                    .into_iter()
                    .map(|f| f["name"].as_str().unwrap_or_default().to_owned())
                    .collect(),
                templates: names("tmpls")
                    .into_iter()
                    .map(|t| {
                        (
                            t["ord"].as_i64().unwrap_or(0),
                            (
                                t["qfmt"].as_str().unwrap_or_default().to_owned(),
                                t["afmt"].as_str().unwrap_or_default().to_owned(),
                            ),
                        )
                    })
                    .collect(),
            },
        );
    }
    let decks = decks
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(id, deck)| Some((id.parse().ok()?, deck["name"].as_str()?.to_owned())))
        .collect();
    Ok((decks, notetypes))
}

/// The newer schema: tables of note types, fields, templates and decks.
fn schema18(conn: &Connection) -> Result<Models> {
    let mut notetypes: HashMap<i64, Notetype> = HashMap::new();
    let mut statement = conn.prepare("SELECT id, config FROM notetypes")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let config: Vec<u8> = row.get(1)?;
        let fields = proto_fields(&config)?;
        notetypes.insert(
            row.get(0)?,
            Notetype {
                cloze: proto_number(&fields, 1) == Some(1),
                ..Notetype::default()
            },
        );
    }
    let mut statement = conn.prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        if let Some(notetype) = notetypes.get_mut(&row.get::<_, i64>(0)?) {
            notetype.fields.push(row.get(1)?);
        }
    }
    let mut statement = conn.prepare("SELECT ntid, ord, config FROM templates")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let config: Vec<u8> = row.get(2)?;
        let fields = proto_fields(&config)?;
        if let Some(notetype) = notetypes.get_mut(&row.get::<_, i64>(0)?) {
            notetype.templates.insert(
                row.get(1)?,
                (proto_text(&fields, 1), proto_text(&fields, 2)),
            );
        }
    }
    let mut decks = HashMap::new();
    let mut statement = conn.prepare("SELECT id, name FROM decks")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let name: String = row.get(1)?;
        decks.insert(row.get(0)?, name.replace('\x1f', "::"));
    }
    Ok((decks, notetypes))
}

/// Fills a card template: `{{Field}}` (and `{{filter:Field}}`), `{{#Field}}…{{/Field}}`
/// kept when the field has something, `{{^Field}}…{{/Field}}` when it has not, and
/// `{{FrontSide}}`. A cloze field (`{{cloze:Text}}`) is left to the caller: `None`.
fn fill(template: &str, fields: &HashMap<&str, &str>, front_side: &str) -> String {
    let mut out = String::new();
    // Sections being skipped, innermost last.
    let mut skipping: Vec<String> = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        if skipping.is_empty() {
            out.push_str(&rest[..start]);
        }
        let Some(end) = rest[start..].find("}}").map(|e| e + start) else {
            rest = "";
            break;
        };
        let tag = rest[start + 2..end].trim();
        rest = &rest[end + 2..];
        let value = |name: &str| fields.get(name.trim()).copied().unwrap_or("");
        if let Some(name) = tag.strip_prefix('#').or_else(|| tag.strip_prefix('^')) {
            let empty = strip_html(value(name)).trim().is_empty();
            let keep = if tag.starts_with('#') { !empty } else { empty };
            open.push(name.trim().to_owned());
            // Inside a skipped section every inner one is skipped too.
            if !keep || !skipping.is_empty() {
                skipping.push(name.trim().to_owned());
            }
        } else if let Some(name) = tag.strip_prefix('/') {
            if open.last().is_some_and(|o| o == name.trim()) {
                open.pop();
                skipping.pop();
            }
        } else if skipping.is_empty() {
            let (filters, name) = tag.rsplit_once(':').unwrap_or(("", tag));
            match (filters, name) {
                (_, "FrontSide") => out.push_str(front_side),
                (f, _) if f.split(':').any(|f| f == "type" || f == "cloze") => {}
                (f, name) if f.split(':').any(|f| f == "text") => {
                    out.push_str(&strip_html(value(name)));
                }
                (_, name) => out.push_str(value(name)),
            }
        }
    }
    if skipping.is_empty() {
        out.push_str(rest);
    }
    out
}

/// The media a side shows: pictures (`<img src>`) and sounds (`[sound:…]`).
fn media_names(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("[sound:") {
        rest = &rest[at + 7..];
        if let Some(end) = rest.find(']') {
            names.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<img").map(|i| i + from) {
        let tag_end = lower[at..].find('>').map_or(lower.len(), |e| e + at);
        if let Some(src) = lower[at..tag_end].find("src=").map(|s| s + at + 4) {
            let quote = html[src..].chars().next().unwrap_or(' ');
            let (start, stop) = if quote == '"' || quote == '\'' {
                (
                    src + 1,
                    html[src + 1..tag_end]
                        .find(quote)
                        .map_or(tag_end, |e| e + src + 1),
                )
            } else {
                (
                    src,
                    html[src..tag_end]
                        .find([' ', '/'])
                        .map_or(tag_end, |e| e + src),
                )
            };
            names.push(decode_entities(&html[start..stop]));
        }
        from = tag_end;
    }
    names
}

fn decode_entities(text: &str) -> String {
    // Every entity HTML names (Anki's editor writes `&ntilde;` as readily as `&amp;`),
    // and numeric ones; anything else stays as written.
    html_escape::decode_html_entities(text).replace('\u{a0}', " ")
}

/// A side as plain text: line breaks where blocks and `<br>` were, tags and sound
/// marks gone, entities decoded, blank lines squeezed.
pub(super) fn strip_html(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        text.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| e + at + 1);
        let tag = rest[at + 1..end.saturating_sub(1).max(at + 1)].trim_start_matches('/');
        let name: String = tag
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "br" | "div" | "p" | "li" | "tr" | "hr" | "h1" | "h2" | "h3"
        ) {
            text.push('\n');
        }
        // What a style or script says is not text to study.
        if matches!(name.as_str(), "style" | "script") && !rest[at + 1..].starts_with('/') {
            let close = format!("</{name}");
            let after = rest[end..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(rest.len(), |c| c + end);
            rest = &rest[after..];
            continue;
        }
        rest = &rest[end..];
    }
    text.push_str(rest);
    let mut without_sounds = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("[sound:") {
        without_sounds.push_str(&rest[..at]);
        rest = rest[at..].find(']').map_or("", |e| &rest[at + e + 1..]);
    }
    without_sounds.push_str(rest);
    let decoded = decode_entities(&without_sounds);
    let lines: Vec<&str> = decoded.lines().map(str::trim).collect();
    let mut out = String::new();
    let mut blank = true;
    for line in lines {
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            if !out.is_empty() && !blank {
                out.push('\n');
            }
            out.push_str(line);
            blank = false;
        }
    }
    out.trim().to_owned()
}

/// A card as Satchel shows it: its sides as text, and the media each side shows.
struct Rendered {
    kind: CardKind,
    front: String,
    back: String,
    media: Vec<(String, CardSide)>,
}

fn render(notetype: &Notetype, note: &Note, ord: i64) -> Option<Rendered> {
    let fields: HashMap<&str, &str> = notetype
        .fields
        .iter()
        .map(String::as_str)
        .zip(note.fields.iter().map(String::as_str))
        .collect();
    let (question, answer) = if notetype.cloze {
        notetype.templates.values().next()?
    } else {
        notetype.templates.get(&ord)?
    };
    let (front_html, back_html, kind) = if notetype.cloze {
        // The cloze field is the one the question template names as `cloze:`.
        let field = question.split("{{").find_map(|tag| {
            let tag = tag.split("}}").next()?;
            tag.split(':')
                .any(|f| f.trim() == "cloze")
                .then(|| tag.rsplit(':').next().unwrap_or("").trim())
        })?;
        let text = fields.get(field)?;
        let number = u32::try_from(ord + 1).ok()?;
        let (front, hidden) = cloze_card(text, number)?;
        let extra = fill(answer, &fields, "");
        (front, format!("{hidden}<br>{extra}"), CardKind::Cloze)
    } else {
        let front = fill(question, &fields, "");
        let back = fill(answer, &fields, "");
        // The answer shows the question above a rule; Satchel shows the question
        // already, so only what follows the rule is the answer.
        let lower = back.to_ascii_lowercase();
        let back = match lower
            .find("<hr id=answer")
            .or_else(|| lower.find("<hr id=\"answer\""))
        {
            Some(at) => {
                let after = back[at..].find('>').map_or(back.len(), |e| at + e + 1);
                back[after..].to_owned()
            }
            None => back,
        };
        (front, back, CardKind::Basic)
    };
    let mut media: Vec<(String, CardSide)> = media_names(&front_html)
        .into_iter()
        .map(|name| (name, CardSide::Front))
        .collect();
    for name in media_names(&back_html) {
        if !media.iter().any(|(n, _)| *n == name) {
            media.push((name, CardSide::Back));
        }
    }
    Some(Rendered {
        kind,
        front: strip_html(&front_html),
        back: strip_html(&back_html),
        media,
    })
}

/// A card's reviews in the deck, as Satchel logs them.
fn past_reviews(deck: &Collection, card: &DeckCard, note: &Note) -> Vec<PastReview> {
    deck.reviews
        .get(&card.id)
        .into_iter()
        .flatten()
        .filter_map(|(at, ease, time)| {
            Some(PastReview {
                id: format!("anki-{}-{}-{at}", note.guid, card.ord),
                reviewed_at: *at,
                rating: Rating::from_number(*ease)?,
                duration_ms: *time,
            })
        })
        .collect()
}

/// The cards here that a deck's note (by its GUID) and card (by its template's
/// number) may be: brought in from Anki ("anki:GUID:ORD"), or written for Anki by
/// Satchel, whose GUIDs are a card's id, its family's, or "FAMILY/SEQ".
struct Known {
    external: HashMap<String, CardId>,
    ids: std::collections::HashSet<String>,
    families: HashMap<(String, i64), CardId>,
    deleted: std::collections::HashSet<String>,
}

impl Known {
    fn read(conn: &Connection) -> Result<Self> {
        let mut known = Known {
            external: HashMap::new(),
            ids: std::collections::HashSet::new(),
            families: HashMap::new(),
            deleted: std::collections::HashSet::new(),
        };
        // Deleted cards too: they keep their ids, and a deck brought in again must
        // not bring back what the learner deleted.
        let mut statement =
            conn.prepare("SELECT id, external_id, family, seq, state = 'deleted' FROM cards")?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            if let Some(external) = row.get::<_, Option<String>>(1)? {
                known.external.insert(external, id.as_str().into());
            }
            if let Some(family) = row.get::<_, Option<String>>(2)? {
                known
                    .families
                    .insert((family, row.get(3)?), id.as_str().into());
            }
            if row.get::<_, bool>(4)? {
                known.deleted.insert(id.clone());
            }
            known.ids.insert(id);
        }
        Ok(known)
    }

    fn is_deleted(&self, id: &CardId) -> bool {
        self.deleted.contains(id.as_str())
    }

    fn find(&self, guid: &str, ord: i64) -> Option<CardId> {
        if let Some(id) = self.external.get(&format!("anki:{guid}:{ord}")) {
            return Some(id.clone());
        }
        if ord == 0 && self.ids.contains(guid) {
            return Some(guid.into());
        }
        if let Some(id) = self.families.get(&(guid.to_owned(), ord)) {
            return Some(id.clone());
        }
        // A card of a family written as a note of its own.
        let (family, seq) = guid.rsplit_once('/')?;
        if ord != 0 {
            return None;
        }
        let seq: i64 = seq.parse().ok()?;
        self.external
            .get(&format!("anki:{family}:{seq}"))
            .or_else(|| self.families.get(&(family.to_owned(), seq)))
            .cloned()
    }
}

impl Profile {
    /// Brings in an Anki deck (`.apkg`) with its media and review history. Cards
    /// here already (brought in before, or Satchel's own back from Anki) stay as they
    /// are but gain the answers given in Anki since; a card the learner deleted stays
    /// deleted. `progress` hears (done, total) cards.
    pub fn import_anki(
        &self,
        path: &Path,
        now: i64,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<AnkiImported> {
        let deadline = Instant::now() + DEADLINE;
        let (mut package, collection) = open_package(path)?;
        let conn = open_collection(collection)?;
        let deck = read_collection(&conn, deadline)?;
        drop(conn);
        let mut report = AnkiImported::default();
        let total = deck.cards.len() as u64;

        // What each card shows, and the media they need.
        let mut rendered = Vec::with_capacity(deck.cards.len());
        for card in &deck.cards {
            let shown = deck.notes.get(&card.note).and_then(|note| {
                let notetype = deck.notetypes.get(&note.notetype)?;
                Some((note, render(notetype, note, card.ord)?))
            });
            match shown {
                Some((note, shown)) if !shown.front.is_empty() || !shown.media.is_empty() => {
                    rendered.push((card, note, shown));
                }
                _ => report.skipped += 1,
            }
        }
        // Cards here already: brought in from Anki before, or Satchel's own gone to
        // Anki and back. They stay as they are, with the answers given in Anki since.
        let here = self.read(Known::read)?;
        let mut returning: Vec<(CardId, Vec<PastReview>)> = Vec::new();
        rendered.retain(|(card, note, _)| {
            let Some(id) = here.find(&note.guid, card.ord) else {
                return true;
            };
            report.already_here += 1;
            if !here.is_deleted(&id) {
                returning.push((id, past_reviews(&deck, card, note)));
            }
            false
        });

        let mut blobs: HashMap<String, CardMedia> = HashMap::new();
        let mut media_bytes = 0u64;
        for (_, _, shown) in &rendered {
            for (name, _) in &shown.media {
                if blobs.contains_key(name) {
                    continue;
                }
                let (Some(entry), Some(mime)) =
                    (package.media.get(name).cloned(), media_type(name))
                else {
                    continue;
                };
                let Some(mut bytes) = entry_bytes(&mut package.zip, &entry, MAX_MEDIA_FILE_BYTES)?
                else {
                    continue;
                };
                if package.latest {
                    bytes = unzstd(&bytes, MAX_MEDIA_FILE_BYTES, name)?;
                }
                media_bytes += bytes.len() as u64;
                if media_bytes > MAX_MEDIA_BYTES {
                    return Err(bad(format!(
                        "its media are more than {} GB",
                        MAX_MEDIA_BYTES >> 30
                    )));
                }
                let blob = self.write_blob(&bytes[..], mime, MAX_MEDIA_FILE_BYTES)?;
                blobs.insert(
                    name.clone(),
                    CardMedia {
                        blob_id: blob.id.into(),
                        name: name.clone(),
                        mime: mime.to_owned(),
                        side: CardSide::Front,
                    },
                );
                if Instant::now() > deadline {
                    return Err(bad("it took too long to read; nothing was changed"));
                }
            }
        }

        let imported = self.transact(|tx| {
            let scheduler = Scheduler::new(&settings(tx)?)?;
            let mut decks: HashMap<i64, DeckId> = HashMap::new();
            let mut report = report;
            for (n, (card, note, shown)) in rendered.iter().enumerate() {
                let deck_id = match decks.get(&card.deck) {
                    Some(id) => id.clone(),
                    None => {
                        let name = deck.decks.get(&card.deck).map_or("Anki", String::as_str);
                        let id = store::decks::named(tx, name, now)?;
                        decks.insert(card.deck, id.clone());
                        id
                    }
                };
                let media: Vec<CardMedia> = shown
                    .media
                    .iter()
                    .filter_map(|(name, side)| {
                        blobs.get(name).map(|m| CardMedia {
                            side: *side,
                            ..m.clone()
                        })
                    })
                    .collect();
                let external = format!("anki:{}:{}", note.guid, card.ord);
                let family = format!("anki:{}", note.guid);
                let id = cards::insert(
                    tx,
                    &cards::NewCard {
                        kind: shown.kind,
                        deck_id: &deck_id,
                        generator: HAND,
                        front: &shown.front,
                        back: &shown.back,
                        choices: &[],
                        media: &media,
                        seq: card.ord,
                        external_id: Some(&external),
                        family: Some(&family),
                        id: Some(store::cards::stable_id(card.id, &external)),
                    },
                    now,
                )?;
                let history = past_reviews(&deck, card, note);
                if history.is_empty() && card.studied {
                    report.without_history += 1;
                }
                let logged = replay(tx, &scheduler, &id, &history, ORIGIN)?;
                report.reviews += logged.len() as u32;
                if card.suspended {
                    cards::set_suspended(tx, &id, true, now)?;
                }
                report.cards += 1;
                report.media += media.len() as u32;
                if n % 500 == 0 {
                    progress(n as u64, total);
                }
            }
            for (id, history) in &returning {
                report.reviews += merge_later(tx, &scheduler, id, history, ORIGIN)?.len() as u32;
            }
            report.decks = decks.len() as u32;
            report.media = blobs.len() as u32;
            tx.emit(Event::CardsChanged {
                count: report.cards,
            });
            Ok(report)
        })?;
        progress(total, total);
        Ok(imported)
    }

    /// A picture or sound on a card, to show or play: its bytes and media type.
    pub fn card_media(
        self: &std::sync::Arc<Self>,
        blob_id: &str,
    ) -> Result<(crate::BlobReader, String)> {
        let info = self
            .read(|conn| crate::blobs::blob_info(conn, &BlobId::from(blob_id)))?
            .or_not_found_as("card picture or sound", blob_id)?;
        Ok((
            crate::BlobReader::open(std::sync::Arc::clone(self), &info.id)?,
            info.media_type,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_fields_and_sections() {
        let fields: HashMap<&str, &str> = [("Front", "chat"), ("Back", "cat"), ("Note", "")]
            .into_iter()
            .collect();
        assert_eq!(fill("{{Front}}", &fields, ""), "chat");
        assert_eq!(
            fill(
                "{{FrontSide}}<hr id=answer>{{Back}}{{#Note}} ({{Note}}){{/Note}}",
                &fields,
                "Q"
            ),
            "Q<hr id=answer>cat"
        );
        assert_eq!(
            fill(
                "{{^Note}}no note{{/Note}} {{type:Back}}{{text:Front}}",
                &fields,
                ""
            ),
            "no note chat"
        );
        assert_eq!(fill("{{Missing}}x{{unclosed", &fields, ""), "x");
    }

    #[test]
    fn html_becomes_text_and_media_are_found() {
        let html = "<div>Le <b>chat</b>&nbsp;&amp; le chien</div><br><img src=\"cat.jpg\"> [sound:miaou.mp3]<style>b{}</style>&#233;";
        assert_eq!(strip_html(html), "Le chat & le chien\né");
        assert_eq!(media_names(html), vec!["miaou.mp3", "cat.jpg"]);
        assert_eq!(media_names("<IMG SRC='a b.png' />"), vec!["a b.png"]);
        assert_eq!(decode_entities("&bogus; &#x41;&"), "&bogus; A&");
        assert_eq!(
            decode_entities("caf&eacute; &ntilde;and&uacute;"),
            "café ñandú"
        );
    }

    #[test]
    fn protobuf_is_read_without_trusting_lengths() {
        // Field 1 "ab", field 2 = 150, field 255 = 7.
        let bytes = [0x0a, 2, b'a', b'b', 0x10, 0x96, 0x01, 0xf8, 0x0f, 7];
        let fields = proto_fields(&bytes).unwrap();
        assert_eq!(proto_text(&fields, 1), "ab");
        assert_eq!(proto_number(&fields, 2), Some(150));
        assert_eq!(proto_number(&fields, 255), Some(7));
        assert!(proto_fields(&[0x0a, 200, b'a']).is_err());
        assert!(proto_fields(&[0x0b]).is_err());
        assert!(proto_fields(&[0x08, 0xff]).is_err());
    }

    #[test]
    fn a_file_that_is_not_a_deck_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("not.apkg");
        std::fs::write(&path, b"PK\x03\x04 but not really").unwrap();
        let (_d, _s, profile) = crate::testing::keychain_profile("Ada");
        let error = profile.import_anki(&path, 0, &mut |_, _| {}).unwrap_err();
        assert!(error.to_string().contains("not an Anki deck"), "{error}");
    }
}
