//! Anki decks made by the tests, as Anki writes them: the older `.apkg` (schema 11 in
//! `collection.anki2`, note types and decks as JSON, a JSON media list) and the newer
//! (schema 18 zstd-compressed in `collection.anki21b`, protobuf configs, a zstd
//! protobuf media list, zstd media files, a `meta` entry and a dummy legacy
//! collection).

use std::io::Write;
use std::path::Path;

use rusqlite::{Connection, params};
use satchel_test_kit::wav;

/// A tiny real PNG (1×1, red) and some bytes standing for a sound.
pub const CAT_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
    0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
];
/// A fifth of a second of a 440 Hz tone, as a 8 kHz mono 16-bit WAV: a sound any
/// player can play.
pub fn miaou_wav() -> Vec<u8> {
    const RATE: u32 = 8_000;
    wav::bytes(RATE, &wav::tone(RATE, 440.0, RATE / 5)).expect("a fifth of a second fits a WAV")
}

pub const DAY: i64 = 86_400_000;
/// When the first review was made (ms).
pub const FIRST_REVIEW: i64 = 1_700_000_000_000;

const BASIC: i64 = 1_001;
const REVERSED: i64 = 1_002;
const CLOZE: i64 = 1_003;
pub const ANIMALS_DECK: i64 = 1_700_000_000_001;

/// The deck every test package holds: three notes making five cards in two decks,
/// one of them suspended, with pictures, a sound and reviews.
pub struct Expected {
    pub cards: u32,
    /// Answers in the review log (a manual reschedule is not one).
    pub reviews: u32,
    pub media: u32,
}

pub const EXPECTED: Expected = Expected {
    cards: 5,
    reviews: 6,
    media: 2,
};

/// Card 1's reviews: (ms after the first, ease, time ms).
pub const CAT_REVIEWS: [(i64, i64, i64); 4] = [
    (0, 3, 6_000),
    (3 * DAY, 3, 4_000),
    (10 * DAY, 1, 9_000),
    (10 * DAY + 600_000, 3, 5_000),
];

fn varint(mut n: u64, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn proto_number(field: u64, n: u64, out: &mut Vec<u8>) {
    varint(field << 3, out);
    varint(n, out);
}

fn proto_bytes(field: u64, bytes: &[u8], out: &mut Vec<u8>) {
    varint((field << 3) | 2, out);
    varint(bytes.len() as u64, out);
    out.extend_from_slice(bytes);
}

const SCHEMA11: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
    scm integer not null, ver integer not null, dty integer not null, usn integer not null,
    ls integer not null, conf text not null, models text not null, decks text not null,
    dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
    mod integer not null, usn integer not null, tags text not null, flds text not null,
    sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
    ord integer not null, mod integer not null, usn integer not null, type integer not null,
    queue integer not null, due integer not null, ivl integer not null, factor integer not null,
    reps integer not null, lapses integer not null, left integer not null, odue integer not null,
    odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
    ease integer not null, ivl integer not null, lastIvl integer not null,
    factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
";

const SCHEMA18: &str = "
CREATE TABLE notetypes (id integer not null primary key, name text not null,
    mtime_secs integer not null, usn integer not null, config blob not null);
CREATE TABLE fields (ntid integer not null, ord integer not null, name text not null,
    config blob not null, primary key (ntid, ord)) without rowid;
CREATE TABLE templates (ntid integer not null, ord integer not null, name text not null,
    mtime_secs integer not null, usn integer not null, config blob not null,
    primary key (ntid, ord)) without rowid;
CREATE TABLE decks (id integer primary key not null, name text not null,
    mtime_secs integer not null, usn integer not null, common blob not null,
    kind blob not null);
";

/// (notetype, cloze, fields, templates as (name, question, answer)).
type Model = (
    i64,
    &'static str,
    bool,
    &'static [&'static str],
    &'static [(&'static str, &'static str, &'static str)],
);

const MODELS: [Model; 3] = [
    (
        BASIC,
        "Basic",
        false,
        &["Front", "Back"],
        &[(
            "Card 1",
            "{{Front}}",
            "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
        )],
    ),
    (
        REVERSED,
        "Basic (and reversed card)",
        false,
        &["Front", "Back"],
        &[
            (
                "Card 1",
                "{{Front}}",
                "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}",
            ),
            (
                "Card 2",
                "{{Back}}",
                "{{FrontSide}}\n\n<hr id=answer>\n\n{{Front}}",
            ),
        ],
    ),
    (
        CLOZE,
        "Cloze",
        true,
        &["Text", "Back Extra"],
        &[(
            "Cloze",
            "{{cloze:Text}}",
            "{{cloze:Text}}<br>\n{{#Back Extra}}{{Back Extra}}{{/Back Extra}}",
        )],
    ),
];

/// The notes, their cards and reviews, the same in both formats.
fn fill_notes(conn: &Connection) {
    let notes: [(i64, &str, i64, &str, i64); 3] = [
        (
            1,
            "guid-cat",
            BASIC,
            "chat <img src=\"cat.png\">\x1fcat&nbsp;[sound:miaou.wav]",
            ANIMALS_DECK,
        ),
        (2, "guid-dog", REVERSED, "chien\x1fdog", ANIMALS_DECK),
        (
            3,
            "guid-paris",
            CLOZE,
            "{{c1::Paris}} is the capital of {{c2::France}}\x1f<b>Europe</b>",
            1,
        ),
    ];
    for (id, guid, mid, fields, _) in notes {
        conn.execute(
            "INSERT INTO notes VALUES (?1, ?2, ?3, 0, -1, '', ?4, 0, 0, 0, '')",
            params![id, guid, mid, fields],
        )
        .unwrap();
    }
    // (card id, note, deck, ord, type, queue)
    let cards: [(i64, i64, i64, i64, i64, i64); 5] = [
        (11, 1, ANIMALS_DECK, 0, 2, 2),
        (21, 2, ANIMALS_DECK, 0, 2, 2),
        (22, 2, ANIMALS_DECK, 1, 0, 0),
        (31, 3, 1, 0, 0, 0),
        (32, 3, 1, 1, 0, -1),
    ];
    for (id, nid, did, ord, kind, queue) in cards {
        conn.execute(
            "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, 0, -1, ?5, ?6, 0, 0, 2500, 0, 0, 0, 0, 0, 0, '')",
            params![id, nid, did, ord, kind, queue],
        )
        .unwrap();
    }
    let mut revlog = Vec::new();
    for (after, ease, time) in CAT_REVIEWS {
        revlog.push((FIRST_REVIEW + after, 11, ease, time, 1));
    }
    revlog.push((FIRST_REVIEW + DAY, 21, 3, 3_000, 0));
    revlog.push((FIRST_REVIEW + 4 * DAY, 21, 4, 2_000, 1));
    // A manual reschedule: not an answer.
    revlog.push((FIRST_REVIEW + 20 * DAY, 21, 0, 0, 4));
    for (id, cid, ease, time, kind) in revlog {
        conn.execute(
            "INSERT INTO revlog VALUES (?1, ?2, -1, ?3, 1, 0, 2500, ?4, ?5)",
            params![id, cid, ease, time, kind],
        )
        .unwrap();
    }
}

fn legacy_collection(dir: &Path) -> Vec<u8> {
    let path = dir.join("collection.anki2");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA11).unwrap();
    let models: serde_json::Map<String, serde_json::Value> = MODELS
        .iter()
        .map(|(id, name, cloze, fields, templates)| {
            (
                id.to_string(),
                serde_json::json!({
                    "id": id, "name": name, "type": i64::from(*cloze),
                    "flds": fields.iter().enumerate().map(|(ord, f)| serde_json::json!({"name": f, "ord": ord})).collect::<Vec<_>>(),
                    "tmpls": templates.iter().enumerate().map(|(ord, (n, q, a))| serde_json::json!({"name": n, "ord": ord, "qfmt": q, "afmt": a})).collect::<Vec<_>>(),
                }),
            )
        })
        .collect();
    let decks = serde_json::json!({
        "1": {"id": 1, "name": "Default"},
        ANIMALS_DECK.to_string(): {"id": ANIMALS_DECK, "name": "French::Animals"},
    });
    conn.execute(
        "INSERT INTO col VALUES (1, 1600000000, 0, 0, 11, 0, 0, 0, '{}', ?1, ?2, '{}', '{}')",
        params![
            serde_json::Value::Object(models).to_string(),
            decks.to_string()
        ],
    )
    .unwrap();
    fill_notes(&conn);
    drop(conn);
    std::fs::read(path).unwrap()
}

fn latest_collection(dir: &Path) -> Vec<u8> {
    let path = dir.join("collection.anki21b");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(SCHEMA11).unwrap();
    conn.execute_batch(SCHEMA18).unwrap();
    conn.execute(
        "INSERT INTO col VALUES (1, 1600000000, 0, 0, 18, 0, 0, 0, '', '', '', '', '')",
        [],
    )
    .unwrap();
    for (id, name, cloze, fields, templates) in MODELS {
        let mut config = Vec::new();
        proto_number(1, u64::from(cloze), &mut config);
        proto_bytes(3, b".card { font-family: arial; }", &mut config);
        conn.execute(
            "INSERT INTO notetypes VALUES (?1, ?2, 0, 0, ?3)",
            params![id, name, config],
        )
        .unwrap();
        for (ord, field) in fields.iter().enumerate() {
            conn.execute(
                "INSERT INTO fields VALUES (?1, ?2, ?3, x'')",
                params![id, ord as i64, field],
            )
            .unwrap();
        }
        for (ord, (template, question, answer)) in templates.iter().enumerate() {
            let mut config = Vec::new();
            proto_bytes(1, question.as_bytes(), &mut config);
            proto_bytes(2, answer.as_bytes(), &mut config);
            conn.execute(
                "INSERT INTO templates VALUES (?1, ?2, ?3, 0, 0, ?4)",
                params![id, ord as i64, template, config],
            )
            .unwrap();
        }
    }
    for (id, name) in [(1, "Default"), (ANIMALS_DECK, "French\x1fAnimals")] {
        conn.execute(
            "INSERT INTO decks VALUES (?1, ?2, 0, 0, x'', x'')",
            params![id, name],
        )
        .unwrap();
    }
    fill_notes(&conn);
    drop(conn);
    std::fs::read(path).unwrap()
}

/// Writes the test deck as a `.apkg` at `path`, in the newer format or the older.
pub fn write_apkg(path: &Path, latest: bool) {
    let work = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let miaou = miaou_wav();
    let media: [(&str, &[u8]); 2] = [("cat.png", CAT_PNG), ("miaou.wav", &miaou)];
    if latest {
        let collection = latest_collection(work.path());
        zip.start_file("collection.anki21b", options).unwrap();
        zip.write_all(&zstd::encode_all(&collection[..], 3).unwrap())
            .unwrap();
        // What older Ankis find: a collection asking to update.
        let dummy = work.path().join("dummy.anki2");
        let conn = Connection::open(&dummy).unwrap();
        conn.execute_batch(SCHEMA11).unwrap();
        drop(conn);
        zip.start_file("collection.anki2", options).unwrap();
        zip.write_all(&std::fs::read(&dummy).unwrap()).unwrap();
        let mut list = Vec::new();
        for (name, bytes) in media {
            let mut entry = Vec::new();
            proto_bytes(1, name.as_bytes(), &mut entry);
            proto_number(2, bytes.len() as u64, &mut entry);
            proto_bytes(3, &[0u8; 20], &mut entry);
            proto_bytes(1, &entry, &mut list);
        }
        zip.start_file("media", options).unwrap();
        zip.write_all(&zstd::encode_all(&list[..], 3).unwrap())
            .unwrap();
        for (i, (_, bytes)) in media.iter().enumerate() {
            zip.start_file(i.to_string(), options).unwrap();
            zip.write_all(&zstd::encode_all(*bytes, 3).unwrap())
                .unwrap();
        }
        let mut meta = Vec::new();
        proto_number(1, 3, &mut meta);
        zip.start_file("meta", options).unwrap();
        zip.write_all(&meta).unwrap();
    } else {
        zip.start_file("collection.anki2", options).unwrap();
        zip.write_all(&legacy_collection(work.path())).unwrap();
        let names: serde_json::Map<String, serde_json::Value> = media
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (i.to_string(), serde_json::json!(name)))
            .collect();
        zip.start_file("media", options).unwrap();
        zip.write_all(serde_json::Value::Object(names).to_string().as_bytes())
            .unwrap();
        for (i, (_, bytes)) in media.iter().enumerate() {
            zip.start_file(i.to_string(), options).unwrap();
            zip.write_all(bytes).unwrap();
        }
    }
    zip.finish().unwrap();
}
