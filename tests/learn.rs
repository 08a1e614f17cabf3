//! Cards, reviews and progress through `satchel`, and Anki decks in both formats
//! brought in with their media and review history.

use std::path::Path;

use satchel_e2e::Cli;
use satchel_e2e::anki::{CAT_PNG, CAT_REVIEWS, DAY, EXPECTED, FIRST_REVIEW, miaou_wav, write_apkg};
use satchel_test_kit::PASSPHRASE;
use serde_json::Value;

const NOW: i64 = 1_800_000_000_000;

fn library(dir: &Path) -> Cli {
    let cli = Cli::new(&dir.join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    cli
}

fn at(cli: &Cli, ms: i64) -> Cli {
    cli.clone().env("SATCHEL_NOW_MS", &ms.to_string())
}

#[test]
fn cards_are_written_reviewed_undone_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let cli = at(&library(dir.path()), NOW);
    let basic = cli.json(&[
        "card", "add", "--front", "chat", "--back", "cat", "--deck", "French",
    ]);
    assert_eq!(basic.as_array().unwrap().len(), 1);
    let reversed = cli.json(&[
        "card", "add", "--kind", "reversed", "--front", "chien", "--back", "dog", "--deck",
        "French",
    ]);
    assert_eq!(reversed[1]["front"], "dog");
    let cloze = cli.json(&[
        "card",
        "add",
        "--kind",
        "cloze",
        "--front",
        "{{c1::Paris}} is the capital of {{c2::France}}",
    ]);
    assert_eq!(cloze[0]["front"], "[…] is the capital of France");
    assert_eq!(cloze[1]["back"], "France");
    let choice = cli.json(&[
        "card", "add", "--kind", "choice", "--front", "2 + 2?", "--back", "4", "--choice", "3",
        "--choice", "5",
    ]);
    assert_eq!(choice[0]["choices"].as_array().unwrap().len(), 3);
    let refused = cli.run(&["card", "add", "--kind", "cloze", "--front", "no marks"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("{{c1::"));

    // A picture with the question, kept in the store and given back byte for byte; a
    // file that is no picture or sound is refused.
    let picture = dir.path().join("heart.png");
    std::fs::write(&picture, CAT_PNG).unwrap();
    let pictured = cli.json(&[
        "card",
        "add",
        "--front",
        "What is this?",
        "--back",
        "a heart",
        "--deck",
        "Biology",
        "--front-media",
        picture.to_str().unwrap(),
    ]);
    let media = &pictured[0]["media"][0];
    assert_eq!(
        (media["name"].as_str(), media["side"].as_str()),
        (Some("heart.png"), Some("front"))
    );
    let copy = dir.path().join("copy.png");
    cli.json(&[
        "card",
        "media",
        media["blob_id"].as_str().unwrap(),
        "--output",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&copy).unwrap(), CAT_PNG);
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "words").unwrap();
    let refused = cli.run(&[
        "card",
        "add",
        "--front",
        "q",
        "--back",
        "a",
        "--back-media",
        text.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not a picture or a sound"));
    cli.json(&["card", "delete", pictured[0]["id"].as_str().unwrap()]);

    let decks = cli.json(&["decks"]);
    let names: Vec<&str> = decks
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Biology", "Default", "French"]);

    // The first card written comes first, with what each answer would do.
    let next = cli.json(&["review", "next"]);
    let id = next["card"]["id"].as_str().unwrap().to_owned();
    assert_eq!(next["card"]["front"], "chat");
    assert_eq!(next["intervals_ms"][0], 60_000);
    assert_eq!(next["left"]["new"], 6);
    let answered = cli.json(&["review", "answer", &id, "good", "--time-ms", "4000"]);
    assert_eq!(answered["due"], NOW + 2 * DAY);
    let wrong = cli.run(&["review", "answer", &id, "perfect"]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("again, hard, good or easy"));
    let stats = cli.json(&["stats"]);
    assert_eq!(stats["total_reviews"], 1);
    assert_eq!(stats["total_time_ms"], 4_000);
    // Undone, the card is new again and the review no longer counts.
    let undone = cli.json(&["review", "undo"]);
    assert_eq!(undone["due"], Value::Null);
    assert_eq!(cli.json(&["stats"])["total_reviews"], 0);
    assert_eq!(cli.json(&["review", "next"])["card"]["id"], id.as_str());

    // Set aside, it waits; nothing due is `null`.
    cli.json(&["card", "suspend", &id]);
    assert_ne!(cli.json(&["review", "next"])["card"]["id"], id.as_str());
    let settings = cli.json(&["review", "settings", "--new-per-day", "0"]);
    assert_eq!(settings["new_per_day"], 0);
    assert_eq!(cli.json(&["review", "next"]), Value::Null);
    let too_few = cli.run(&["review", "optimise"]);
    assert!(String::from_utf8_lossy(&too_few.stderr).contains("too few"));
}

fn cards_by_front(cli: &Cli) -> std::collections::HashMap<String, Value> {
    cli.json(&["card", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["front"].as_str().unwrap().to_owned(), c.clone()))
        .collect()
}

#[test]
fn anki_decks_in_both_formats_come_in_with_their_media_and_review_history() {
    for latest in [false, true] {
        let format = if latest { "anki21b" } else { "anki2" };
        let dir = tempfile::tempdir().unwrap();
        let cli = at(&library(dir.path()), NOW);
        let deck = dir.path().join("french.apkg");
        write_apkg(&deck, latest);
        let report = cli.json(&["import-anki", deck.to_str().unwrap()]);
        println!("{format}: {report}");
        assert_eq!(report["cards"], EXPECTED.cards, "{format}");
        assert_eq!(report["reviews"], EXPECTED.reviews, "{format}");
        assert_eq!(report["media"], EXPECTED.media, "{format}");
        assert_eq!(report["decks"], 2, "{format}");
        assert_eq!(report["skipped"], 0, "{format}");

        let decks = cli.json(&["decks"]);
        let names: Vec<&str> = decks
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Default", "French::Animals"], "{format}");

        let cards = cards_by_front(&cli);
        let cat = &cards["chat"];
        assert_eq!(cat["back"], "cat", "{format}");
        assert_eq!(cat["deck"], "French::Animals");
        // The review history: every answer, the lapse among them, the last one's time.
        assert_eq!(cat["reps"], CAT_REVIEWS.len());
        assert_eq!(cat["lapses"], 1);
        let last = FIRST_REVIEW + CAT_REVIEWS[3].0;
        assert_eq!(cat["last_review"], last);
        assert!(cat["due"].as_i64().unwrap() > last);
        assert!(cat["stability"].as_f64().unwrap() > 0.0);
        // Its picture on the front and its sound on the back, byte for byte.
        let media = cat["media"].as_array().unwrap();
        assert_eq!(media.len(), 2, "{format}: {media:?}");
        let miaou = miaou_wav();
        for (name, side, bytes) in [
            ("cat.png", "front", CAT_PNG),
            ("miaou.wav", "back", &miaou[..]),
        ] {
            let item = media.iter().find(|m| m["name"] == name).unwrap();
            assert_eq!(item["side"], side);
            let out = dir.path().join(name);
            cli.json(&[
                "card",
                "media",
                item["blob_id"].as_str().unwrap(),
                "--output",
                out.to_str().unwrap(),
            ]);
            assert_eq!(std::fs::read(&out).unwrap(), bytes, "{format}: {name}");
        }
        // Both ways of the reversed note, and each cloze as its own card.
        assert_eq!(cards["dog"]["back"], "chien");
        assert_eq!(cards["chien"]["reps"], 2);
        let paris = &cards["[…] is the capital of France"];
        assert!(
            paris["back"].as_str().unwrap().starts_with("Paris"),
            "{paris}"
        );
        assert!(
            paris["back"].as_str().unwrap().contains("Europe"),
            "{paris}"
        );
        assert_eq!(cards["Paris is the capital of […]"]["suspended"], true);
        assert_eq!(cli.json(&["stats"])["total_reviews"], EXPECTED.reviews);

        // Brought in again: nothing doubles.
        let again = cli.json(&["import-anki", deck.to_str().unwrap()]);
        assert_eq!(again["cards"], 0);
        assert_eq!(again["already_here"], EXPECTED.cards);
        assert_eq!(cli.json(&["stats"])["total_reviews"], EXPECTED.reviews);
    }
}

#[test]
fn a_damaged_or_strange_deck_is_a_clear_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cli = at(&library(dir.path()), NOW);
    let deck = dir.path().join("deck.apkg");
    write_apkg(&deck, true);
    let bytes = std::fs::read(&deck).unwrap();
    let cut = dir.path().join("cut.apkg");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let text = dir.path().join("notes.apkg");
    std::fs::write(&text, "just some words").unwrap();
    for bad in [&cut, &text] {
        let out = cli.run(&["import-anki", bad.to_str().unwrap()]);
        assert!(!out.status.success());
        let error = String::from_utf8_lossy(&out.stderr);
        assert!(error.contains("not an Anki deck"), "{error}");
    }
    assert_eq!(cli.json(&["card", "list"]), Value::Array(Vec::new()));
    assert_eq!(cli.json(&["stats"])["total_reviews"], 0);
}

#[test]
fn progress_goes_to_a_spreadsheet_as_csv_that_python_reads() {
    let dir = tempfile::tempdir().unwrap();
    let cli = at(&library(dir.path()), NOW);
    cli.json(&[
        "card",
        "add",
        "--front",
        "=1+1",
        "--back",
        "2, of course",
        "--deck",
        "Maths",
    ]);
    cli.json(&[
        "card", "add", "--front", "chat", "--back", "cat", "--deck", "French",
    ]);
    // Two days of answers.
    let mut answered = 0;
    for day in [0, 3] {
        for n in 0..2 {
            let when = at(&cli, NOW + day * DAY + n * 60_000);
            let next = when.json(&["review", "next"]);
            let Some(id) = next["card"]["id"].as_str() else {
                continue;
            };
            when.json(&["review", "answer", id, "good", "--time-ms", "30000"]);
            answered += 1;
        }
    }
    let reviews = dir.path().join("reviews.csv");
    let mastery = dir.path().join("mastery.csv");
    let later = at(&cli, NOW + 4 * DAY);
    later.json(&[
        "stats",
        "--csv",
        reviews.to_str().unwrap(),
        "--mastery-csv",
        mastery.to_str().unwrap(),
    ]);
    // Python's csv module, not ours, reads them back.
    let read = |path: &std::path::Path| -> Vec<Vec<String>> {
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))",
            ])
            .arg(path)
            .output()
            .expect("python3 runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let rows = read(&reviews);
    assert_eq!(rows[0], ["date", "reviews", "recalled", "minutes"]);
    let total: u64 = rows[1..].iter().map(|r| r[1].parse::<u64>().unwrap()).sum();
    assert_eq!(total, answered);
    assert_eq!(
        rows.len() - 1,
        2,
        "a row for each day with reviews: {rows:?}"
    );
    // 2027-01-15 (NOW) and three days on.
    assert_eq!(
        (rows[1][0].as_str(), rows[2][0].as_str()),
        ("2027-01-15", "2027-01-18")
    );
    let minutes: f64 = rows[1..].iter().map(|r| r[3].parse::<f64>().unwrap()).sum();
    assert!((minutes - answered as f64 * 0.5).abs() < 0.11, "{minutes}");
    let rows = read(&mastery);
    assert_eq!(
        rows[0],
        [
            "concept",
            "mastery_percent",
            "cards",
            "quiz_answers",
            "from"
        ]
    );
}
