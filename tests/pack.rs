//! Study packs end to end through `satchel`: every card of the sample lesson (text,
//! photo, recording and PDF in `assets/sample-lesson`) is grounded in the words it came
//! from, and a pack whose making is killed again and again still comes out whole, each
//! step done once. Needs the OCR, Whisper and embedding models, which `cargo xtask
//! test` provides.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use satchel_e2e::Cli;
use satchel_test_kit::{PASSPHRASE, Rng};

/// Share of cards whose answer is in the words their file was made from (at the
/// card's page), at least.
const GROUNDED: f64 = 1.0;

fn lesson() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample-lesson")
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The ids of the sample lesson's four sources, ingested into a new library.
fn ingest_lesson(cli: &Cli) -> Vec<(String, String)> {
    cli.json(&["profile", "create", "Ada"]);
    let files = ["water-cycle.md", "board.png", "lecture.ogg", "chapter.pdf"]
        .map(|f| lesson().join(f).display().to_string());
    let mut args = vec!["ingest", "--language", "en", "--json"];
    args.extend(files.iter().map(String::as_str));
    let out = cli.ok(&args);
    out.lines()
        .map(|line| {
            let source: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(source["status"], "ready", "{source}");
            (
                source["id"].as_str().unwrap().to_owned(),
                source["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
#[ignore = "needs the OCR, Whisper and embedding models; `cargo xtask test` provides them"]
fn every_card_of_the_sample_lesson_is_found_in_the_words_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let sources = ingest_lesson(&cli);
    let (mut cards, mut grounded, mut questions) = (0, 0, 0);
    for (id, kind) in &sources {
        let pack = cli.json(&["pack", id]);
        assert_eq!(pack["state"], "ready", "{pack:#}");
        assert!(
            !pack["summary"].as_str().unwrap().is_empty(),
            "{kind}: a summary"
        );
        let made = pack["cards"].as_array().unwrap();
        println!(
            "{kind}: {} cards, {} quiz questions",
            made.len(),
            pack["quiz"].as_array().unwrap().len()
        );
        for card in made {
            cards += 1;
            let back = normal(card["back"].as_str().unwrap());
            let page = card["source_ref"]["page"].as_u64();
            // The words the file was made from, at the card's page: what a transcript
            // or a reading got wrong is not grounded, however the validator saw it.
            let own = own_words(kind, page);
            if own.contains(&back) {
                grounded += 1;
            } else {
                println!("  not in the source's own words: {card}");
            }
            assert_eq!(card["source_ref"]["source_id"], id.as_str());
            assert_eq!(card["source_ref"]["kind"], kind.as_str());
            println!("  {} → {}", card["front"], card["back"]);
        }
        for question in pack["quiz"].as_array().unwrap() {
            questions += 1;
            let choices = question["choices"].as_array().unwrap();
            assert!(question["answer"].as_u64().unwrap() < choices.len() as u64);
        }
        // Where a card came from: the page of a PDF, the moment of a recording.
        if kind == "document" {
            assert!(
                made.iter()
                    .all(|c| c["source_ref"]["page"].as_u64().is_some())
            );
        }
        if kind == "audio" {
            assert!(
                made.iter()
                    .all(|c| c["source_ref"]["start_ms"].as_i64().is_some())
            );
        }
    }
    let share = grounded as f64 / cards as f64;
    println!(
        "grounded in the files' own words: {grounded} of {cards} cards ({:.1} %, threshold {:.0} %); {questions} quiz questions",
        share * 100.0,
        GROUNDED * 100.0
    );
    assert!(cards >= 12, "cards from every source: {cards}");
    assert!(share >= GROUNDED);
}

#[test]
#[ignore = "needs the OCR, Whisper and embedding models; `cargo xtask test` provides them"]
fn the_sample_lesson_the_program_carries_becomes_four_grounded_packs() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    let out = cli.ok(&["sample-lesson", "--json"]);
    let packs: Vec<serde_json::Value> = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(packs.len(), 4, "{out}");
    let mut kinds = Vec::new();
    for pack in &packs {
        assert_eq!(pack["state"], "ready", "{pack:#}");
        let cards = pack["cards"].as_array().unwrap();
        assert!(!cards.is_empty(), "no cards from {}", pack["title"]);
        for card in cards {
            let kind = card["source_ref"]["kind"].as_str().unwrap();
            let own = own_words(kind, card["source_ref"]["page"].as_u64());
            let back = normal(card["back"].as_str().unwrap());
            assert!(
                own.contains(&back),
                "{kind}: {card} is not in its file's own words"
            );
            kinds.push(kind.to_owned());
        }
    }
    kinds.sort();
    kinds.dedup();
    assert_eq!(kinds, ["audio", "document", "image", "note"], "{out}");
    // The library holds the lesson as a note and three sources, nothing twice.
    let notes = cli.json(&["note", "list"]);
    assert_eq!(notes.as_array().map(Vec::len), Some(1), "{notes}");
}

/// The words a sample-lesson file was made from (`assets/sample-lesson/make.sh`), at
/// `page` for the PDF, normalised.
fn own_words(kind: &str, page: Option<u64>) -> String {
    let words = match (kind, page) {
        ("image", _) => "Clouds form when water vapour cools. Rain, snow and hail are precipitation. Rivers carry water back to the sea.".to_owned(),
        ("audio", _) => "Good morning. Today we finish the water cycle. Transpiration is when plants give off water vapour from their leaves. The sun gives the energy that drives evaporation.".to_owned(),
        ("document", Some(1)) => "Chapter 4: Weather and water. Humidity is the amount of water vapour in the air. Warm air can hold more water vapour than cold air. Dew forms when moist air touches a cold surface at night.".to_owned(),
        ("document", Some(2)) => "A drought is a long period with too little rain. Floods happen when rivers carry more water than their banks can hold.".to_owned(),
        ("document", _) => String::new(),
        _ => std::fs::read_to_string(lesson().join("water-cycle.md")).unwrap(),
    };
    normal(&words)
}

/// Chapters made from the sample lesson's notes, each part saying it a little
/// differently: enough new text that indexing it takes a while, so the kills land
/// while the pack is being made.
fn chapters(dir: &Path) -> Vec<String> {
    let notes = std::fs::read_to_string(lesson().join("water-cycle.md")).unwrap();
    (1..=16)
        .map(|chapter| {
            let mut text = format!("# The water cycle, chapter {chapter}\n\n");
            for part in 1..=50 {
                for paragraph in notes.split("\n\n").skip(1).take(5) {
                    text.push_str(&format!(
                        "In part {part} of chapter {chapter} we read again: {paragraph}\n\n"
                    ));
                }
            }
            text.push_str("Key words\nWatershed: the land that drains into one river\n");
            let path = dir.join(format!("Chapter {chapter}.md"));
            std::fs::write(&path, text).unwrap();
            path.display().to_string()
        })
        .collect()
}

/// The pack's cards, as "front → back".
fn cards_of(pack: &serde_json::Value) -> Vec<String> {
    pack["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| format!("{} → {}", c["front"], c["back"]))
        .collect()
}

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn a_pack_killed_twenty_times_while_it_is_made_comes_out_whole_each_step_once() {
    let dir = tempfile::tempdir().unwrap();
    let chapters = chapters(dir.path());
    let ingest = |cli: &Cli| -> String {
        cli.json(&["profile", "create", "Ada"]);
        let mut args = vec!["ingest", "--json"];
        args.extend(chapters.iter().map(String::as_str));
        let out = cli.ok(&args);
        let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        first["id"].as_str().unwrap().to_owned()
    };
    // The pack as it comes out undisturbed, in a library of its own.
    let calm = Cli::new(&dir.path().join("calm")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let id = ingest(&calm);
    let expected = cards_of(&calm.json(&["pack", &id]));
    assert!(expected.len() >= 5, "{expected:?}");

    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let id = ingest(&cli);
    let pack = cli.json(&["pack", &id, "--no-wait"]);
    let pack = pack["id"].as_str().unwrap().to_owned();
    // Kill moments, the same every run.
    let mut moments = Rng::new(20261129);
    let mut killed = Vec::new();
    let mut ended = 0;
    for _ in 0..20 {
        let mut run = cli
            .command(&["jobs", "run"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let after = Duration::from_millis(400 + moments.below(1000));
        let started = Instant::now();
        while started.elapsed() < after && run.try_wait().unwrap().is_none() {
            std::thread::sleep(Duration::from_millis(5));
        }
        // SIGKILL: no chance to tidy up.
        let _ = run.kill();
        if run.wait().unwrap().success() {
            ended += 1;
        }
        let state = cli.json(&["pack", "show", &pack]);
        let done = state["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["done"] == true)
            .count();
        killed.push(format!("{}:{done}", after.as_millis()));
    }
    println!("killed at ms:steps done: {}", killed.join(" "));
    println!("{ended} of 20 runs ended before their kill");
    assert!(
        ended < 20,
        "every run finished before it was killed: nothing was tested"
    );
    cli.ok(&["jobs", "run"]);
    let made = cli.json(&["pack", "show", &pack]);
    assert_eq!(made["state"], "ready", "{made:#}");
    assert_eq!(cards_of(&made), expected, "no card lost, none twice");
    let jobs = cli.json(&["jobs"]);
    let steps: Vec<&serde_json::Value> = jobs
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["subject"] == pack.as_str())
        .collect();
    let kinds: std::collections::BTreeSet<&str> =
        steps.iter().map(|j| j["kind"].as_str().unwrap()).collect();
    assert_eq!(
        (steps.len(), kinds.len()),
        (8, 8),
        "one job per step: {steps:#?}"
    );
    assert!(steps.iter().all(|j| j["state"] == "done"), "{steps:#?}");
}
