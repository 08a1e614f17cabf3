//! Anki's own library as the oracle: decks written by Anki (the `anki` package from
//! PyPI, today's 26.9) in both its formats come in whole, and decks Satchel writes for
//! Anki open in Anki with the same notes, cards, media and reviews — and come back.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use satchel_e2e::Cli;
use satchel_e2e::anki::{CAT_PNG, miaou_wav};
use serde_json::Value;

const PASSPHRASE: &str = "correct horse battery staple";
/// 2026-03-02 09:00 UTC.
const NOW: i64 = 1_772_442_000_000;
const MINUTE: i64 = 60_000;
const DAY: i64 = 86_400_000;

fn library(dir: &Path) -> Cli {
    let cli = Cli::new(&dir.join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    cli
}

fn at(cli: &Cli, ms: i64) -> Cli {
    cli.clone().env("SATCHEL_NOW_MS", &ms.to_string())
}

/// Runs `tests/support/anki_oracle.py` with the Python that has Anki's library.
fn anki(args: &[&Path]) -> Value {
    let python = std::env::var_os("SATCHEL_ANKI_PYTHON")
        .expect("SATCHEL_ANKI_PYTHON: a Python with the anki package (cargo xtask test sets it)");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("support/anki_oracle.py");
    let (command, paths) = args.split_first().expect("a command");
    let out = Command::new(python)
        .arg(script)
        .arg(command)
        .args(paths.iter().copied())
        // Anki's library writes its collections under HOME.
        .current_dir(std::env::temp_dir())
        .output()
        .expect("the Anki oracle runs");
    assert!(
        out.status.success(),
        "anki_oracle.py {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the oracle prints JSON")
}

/// Words of a card's side as compared across the two apps: spaces collapsed.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Satchel's cards by their question's words.
fn cards_by_question(cli: &Cli) -> BTreeMap<String, Value> {
    cli.json(&["card", "list"])
        .as_array()
        .expect("a list of cards")
        .iter()
        .map(|c| (words(c["front"].as_str().unwrap_or_default()), c.clone()))
        .collect()
}

/// Anki's cards by their question's words, as the oracle rendered them.
fn anki_by_question(found: &Value) -> BTreeMap<String, Value> {
    found["cards"]
        .as_array()
        .expect("Anki's cards")
        .iter()
        .map(|c| {
            (
                c["question"].as_str().unwrap_or_default().to_owned(),
                c.clone(),
            )
        })
        .collect()
}

fn media_file(cli: &Cli, dir: &Path, blob_id: &str, name: &str) -> Vec<u8> {
    let out = dir.join(format!("out-{name}"));
    cli.json(&["card", "media", blob_id, "--output", out.to_str().unwrap()]);
    std::fs::read(out).unwrap()
}

#[test]
fn decks_written_by_anki_itself_come_in_whole_in_both_its_formats() {
    let dir = tempfile::tempdir().unwrap();
    let written = anki(&[Path::new("make"), &dir.path().join("anki")]);
    let anki_cards = anki_by_question(&written);
    assert_eq!(anki_cards.len(), 9, "the oracle's deck: {written}");
    for format in ["latest", "legacy"] {
        let package = dir.path().join(format!("anki/{format}.apkg"));
        let cli = at(&library(&dir.path().join(format)), NOW);
        let report = cli.json(&["import-anki", package.to_str().unwrap()]);
        println!("{format}: {report}");
        assert_eq!(report["cards"], 9, "{format}");
        assert_eq!(report["skipped"], 0, "{format}");
        assert_eq!(report["reviews"], written["reviews"], "{format}");
        assert_eq!(
            report["media"].as_u64(),
            Some(written["media"].as_object().unwrap().len() as u64)
        );

        let ours = cards_by_question(&cli);
        for (question, card) in &anki_cards {
            let mine = ours
                .get(question)
                .unwrap_or_else(|| panic!("{format}: no card asks {question:?}: {ours:?}"));
            assert_eq!(mine["deck"], card["deck"], "{format}: {question}");
            assert_eq!(mine["suspended"], card["suspended"], "{format}: {question}");
            // Every answer Anki's scheduler logged, replayed.
            assert_eq!(mine["reps"], card["reviews"], "{format}: {question}");
            // The answer says what Anki's says after its question (where lines
            // break aside: a list's items or a table's cells).
            let answer = card["answer"].as_str().unwrap();
            let after = answer.strip_prefix(question.as_str()).unwrap_or(answer);
            if card["notetype"] != "Cloze" {
                let letters = |text: &str| text.split_whitespace().collect::<String>();
                assert_eq!(
                    letters(mine["back"].as_str().unwrap()),
                    letters(after),
                    "{format}: {question}"
                );
            }
        }
        // The picture and the sound, byte for byte the size Anki kept.
        for (name, size) in written["media"].as_object().unwrap() {
            let (blob, _) = ours
                .values()
                .flat_map(|c| c["media"].as_array().cloned().unwrap_or_default())
                .map(|m| (m["blob_id"].as_str().unwrap().to_owned(), m))
                .find(|(_, m)| m["name"] == *name)
                .unwrap_or_else(|| panic!("{format}: {name} on no card"));
            let bytes = media_file(&cli, dir.path(), &blob, name);
            assert_eq!(Some(bytes.len() as u64), size.as_u64(), "{format}: {name}");
        }
        assert_eq!(cli.json(&["stats"])["total_reviews"], written["reviews"]);

        // A card deleted here stays deleted when the deck comes in again, and nothing
        // doubles.
        let gone = ours.values().next().unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        cli.json(&["card", "delete", &gone]);
        let again = cli.json(&["import-anki", package.to_str().unwrap()]);
        assert_eq!(
            (again["cards"].as_u64(), again["already_here"].as_u64()),
            (Some(0), Some(9))
        );
        assert_eq!(again["reviews"], 0, "{again}");
        assert_eq!(cli.json(&["card", "list"]).as_array().unwrap().len(), 8);
    }
}

/// A learner's Satchel cards: each kind, a picture and a sound, nested decks, a card
/// put aside, and a few days of reviews.
fn studied_library(dir: &Path) -> Cli {
    let cli = at(&library(dir), NOW);
    let picture = dir.join("cell.png");
    std::fs::write(&picture, CAT_PNG).unwrap();
    let sound = dir.join("miau.wav");
    std::fs::write(&sound, miaou_wav()).unwrap();
    cli.json(&[
        "card",
        "add",
        "--front",
        "Which organelle is this?",
        "--back",
        "mitochondrion",
        "--deck",
        "Biology::Cells",
        "--front-media",
        picture.to_str().unwrap(),
    ]);
    cli.json(&[
        "card",
        "add",
        "--kind",
        "reversed",
        "--front",
        "el ñandú",
        "--back",
        "the rhea",
        "--deck",
        "Español",
    ]);
    cli.json(&[
        "card",
        "add",
        "--kind",
        "cloze",
        "--deck",
        "Biology::Cells",
        "--front",
        "{{c1::Ribosomes}} make proteins; {{c2::lysosomes}} break down <waste> & more.",
    ]);
    cli.json(&[
        "card", "add", "--kind", "choice", "--front", "2 + 2?", "--back", "4", "--choice", "3",
        "--choice", "5", "--deck", "Biology",
    ]);
    let cat = cli.json(&[
        "card",
        "add",
        "--front",
        "the cat says",
        "--back",
        "miau",
        "--deck",
        "Español",
        "--back-media",
        sound.to_str().unwrap(),
    ]);
    // Three days of study: every card answered, one of them failed and relearnt.
    let mut answered = 0;
    for (day, ratings) in [(
        0,
        [
            "good", "again", "good", "easy", "good", "good", "hard", "good",
        ],
    ); 1]
        .into_iter()
        .chain([(1, ["good"; 8]), (4, ["good"; 8])])
    {
        for (n, rating) in ratings.iter().enumerate() {
            let when = at(&cli, NOW + day * DAY + (n as i64 + 1) * MINUTE);
            let next = when.json(&["review", "next"]);
            let Some(id) = next["card"]["id"].as_str() else {
                break;
            };
            when.json(&["review", "answer", id, rating, "--time-ms", "4000"]);
            answered += 1;
        }
    }
    assert!(answered >= 8, "only {answered} answers");
    cli.json(&["card", "suspend", cat[0]["id"].as_str().unwrap()]);
    cli
}

#[test]
fn cards_written_for_anki_open_in_anki_with_their_notes_media_and_reviews() {
    let dir = tempfile::tempdir().unwrap();
    let cli = studied_library(dir.path());
    let ours = cards_by_question(&cli);
    let total_reviews = cli.json(&["stats"])["total_reviews"].clone();
    let package = dir.path().join("for-anki.apkg");
    let report = cli.json(&["export-anki", package.to_str().unwrap()]);
    println!("written: {report}");
    // 7 cards: the reversed pair is one note and the cloze's two cards another.
    assert_eq!(report["cards"], 7);
    assert_eq!(report["notes"], 5);
    assert_eq!(report["media"], 2);
    assert_eq!(report["reviews"], total_reviews);

    let found = anki(&[Path::new("read"), &package]);
    println!(
        "Anki found {} notes, {} reviews",
        found["notes"], found["reviews"]
    );
    assert_eq!(found["notes"], 5);
    assert_eq!(found["reviews"], total_reviews);
    let theirs = anki_by_question(&found);
    assert_eq!(theirs.len(), 7, "{theirs:?}");
    for (question, card) in &ours {
        let anki_card = theirs
            .iter()
            .find(|(q, _)| q.starts_with(question.as_str()))
            .map(|(_, c)| c)
            .unwrap_or_else(|| panic!("Anki has no card asking {question:?}: {theirs:?}"));
        assert_eq!(anki_card["deck"], card["deck"], "{question}");
        assert_eq!(anki_card["reviews"], card["reps"], "{question}");
        assert_eq!(anki_card["suspended"], card["suspended"], "{question}");
        let expected_state = if card["reps"] == 0 { "new" } else { "not new" };
        assert_eq!(
            anki_card["state"] == "new",
            expected_state == "new",
            "{question}: {anki_card}"
        );
    }
    // Anki's own note types: the pair shows both ways, the cloze its two gaps.
    let notetypes: Vec<&str> = theirs
        .values()
        .map(|c| c["notetype"].as_str().unwrap())
        .collect();
    assert_eq!(
        notetypes
            .iter()
            .filter(|n| **n == "Satchel Basic (and reversed card)")
            .count(),
        2
    );
    assert_eq!(
        notetypes.iter().filter(|n| **n == "Satchel Cloze").count(),
        2
    );
    assert!(
        theirs.contains_key("Ribosomes make proteins; […] break down <waste> & more."),
        "the cloze's second card, its text as written: {theirs:?}"
    );
    let choice = theirs.keys().find(|q| q.starts_with("2 + 2?")).unwrap();
    assert!(choice.contains('3') && choice.contains('5'), "{choice}");
    // The media, each the size it was.
    let media = found["media"].as_object().unwrap();
    assert_eq!(media["cell.png"].as_u64(), Some(CAT_PNG.len() as u64));
    assert_eq!(media["miau.wav"].as_u64(), Some(miaou_wav().len() as u64));
    let mut decks: Vec<&str> = found["decks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    decks.sort_unstable();
    assert_eq!(decks, ["Biology", "Biology::Cells", "Español"]);

    // One deck alone (with the decks under it).
    let biology = dir.path().join("biology.apkg");
    let only = cli.json(&[
        "export-anki",
        biology.to_str().unwrap(),
        "--deck",
        "Biology",
    ]);
    assert_eq!(only["cards"], 4, "{only}");
    let found = anki(&[Path::new("read"), &biology]);
    assert!(
        found["cards"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["deck"].as_str().unwrap().starts_with("Biology")),
        "{found}"
    );
    let unknown = cli.run(&["export-anki", biology.to_str().unwrap(), "--deck", "Nope"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("Nope"));
}

#[test]
fn a_learner_moves_to_anki_and_back_and_nothing_doubles_or_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let cli = studied_library(dir.path());
    let before = cli.json(&["stats"])["total_reviews"].as_u64().unwrap();
    let cards_before = cli.json(&["card", "list"]).as_array().unwrap().len();
    let package = dir.path().join("for-anki.apkg");
    cli.json(&["export-anki", package.to_str().unwrap()]);

    // A while in Anki: the cards it offers answered there, then exported by Anki.
    let back = dir.path().join("from-anki.apkg");
    let studied = anki(&[Path::new("study"), &package, &back]);
    let answered = studied["answered"].as_u64().unwrap();
    assert!(answered > 0, "Anki offered nothing to study: {studied}");

    // Back in Satchel (days later): the same cards, with Anki's answers added to
    // their history.
    let later = at(&cli, NOW + 30 * DAY);
    let report = later.json(&["import-anki", back.to_str().unwrap()]);
    println!("back from Anki: {report}, {answered} answered there");
    assert_eq!(report["cards"], 0, "{report}");
    assert_eq!(report["already_here"], 7);
    assert_eq!(report["reviews"].as_u64(), Some(answered));
    assert_eq!(
        later.json(&["card", "list"]).as_array().unwrap().len(),
        cards_before
    );
    assert_eq!(
        later.json(&["stats"])["total_reviews"].as_u64(),
        Some(before + answered)
    );
    // Brought in once more, nothing changes.
    let again = later.json(&["import-anki", back.to_str().unwrap()]);
    assert_eq!(
        (again["cards"].as_u64(), again["reviews"].as_u64()),
        (Some(0), Some(0))
    );

    // And on a new computer, the deck from Anki comes in whole.
    let fresh = at(&library(&dir.path().join("fresh")), NOW + 30 * DAY);
    let report = fresh.json(&["import-anki", back.to_str().unwrap()]);
    assert_eq!(report["cards"], 7);
    assert_eq!(report["reviews"].as_u64(), Some(before + answered));
}
