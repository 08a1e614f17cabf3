//! `satchel ingest`, end to end: recordings in, one JSON line per file out, the
//! recording kept encrypted, bad files reported without stopping the rest. Needs
//! espeak-ng, ffmpeg and the Whisper models, which `cargo xtask test` provides.

use std::path::Path;
use std::process::Command;

use satchel_e2e::{Cli, files_containing, speak};
use satchel_test_kit::{PASSPHRASE, wav};

const SPOKEN: &str = "The heart has four chambers. Blood flows through the lungs.";

fn mp3_from(wav: &Path, mp3: &Path) {
    let status = Command::new("ffmpeg")
        .args(["-loglevel", "error", "-y", "-i"])
        .arg(wav)
        .arg(mp3)
        .status()
        .expect("ffmpeg");
    assert!(status.success());
}

#[test]
#[ignore = "needs espeak-ng, ffmpeg and the Whisper models; `cargo xtask test` provides them"]
fn ingest_prints_a_json_line_per_file_and_keeps_going_past_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    let wav = dir.path().join("Heart lecture.wav");
    speak(SPOKEN, &wav);
    let mp3 = dir.path().join("heart.mp3");
    mp3_from(&wav, &mp3);
    let bad = dir.path().join("photo.wav");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n not audio at all").unwrap();

    let out = cli.run(&[
        "ingest",
        wav.to_str().unwrap(),
        bad.to_str().unwrap(),
        mp3.to_str().unwrap(),
        "--language",
        "en",
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "one file failed");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for (line, title) in lines.iter().zip(["Heart lecture", "heart"]) {
        println!("{line}");
        assert_eq!(line["kind"], "audio");
        assert_eq!(line["title"], title);
        assert_eq!(line["language"], "en");
        assert!(line["id"].as_str().is_some());
        let text = line["text"].as_str().unwrap().to_lowercase();
        assert!(
            text.contains("chambers") && text.contains("lungs"),
            "{text}"
        );
        let duration = line["duration_ms"].as_i64().unwrap();
        assert!((3_000..6_000).contains(&duration), "{duration}");
        let segments = line["segments"].as_array().unwrap();
        assert!(!segments.is_empty());
        for segment in segments {
            let (start, end) = (
                segment["start_ms"].as_i64().unwrap(),
                segment["end_ms"].as_i64().unwrap(),
            );
            assert!(
                0 <= start && start < end && end <= duration + 500,
                "{segment}"
            );
            assert!(segment["text"].as_str().is_some());
        }
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    let first: serde_json::Value = serde_json::from_str(stderr.lines().next().unwrap()).unwrap();
    assert_eq!(first["error"]["code"], "bad_media", "{stderr}");
    assert_eq!(first["error"]["file"], bad.to_str().unwrap());

    // What was heard is kept, encrypted: the words are in the store, not on disk.
    let listed = cli.json(&["source", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 2);
    assert!(files_containing(&dir.path().join("data"), b"chambers").is_empty());
    // The recording too: espeak-ng's WAV header is nowhere in the data folder.
    let header = &std::fs::read(&wav).unwrap()[..64];
    assert!(files_containing(&dir.path().join("data"), header).is_empty());

    // A title for one file; none for several.
    let titled = cli.json(&[
        "ingest",
        wav.to_str().unwrap(),
        "--title",
        "Week 3",
        "--language",
        "en",
    ]);
    assert_eq!(titled["title"], "Week 3");
    let refused = cli.run(&[
        "ingest",
        wav.to_str().unwrap(),
        mp3.to_str().unwrap(),
        "--title",
        "x",
    ]);
    assert_eq!(refused.status.code(), Some(1));
}

#[test]
fn ingest_without_models_says_what_is_missing_and_keeps_the_recording() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data"))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env(
            "SATCHEL_MODELS_DIR",
            dir.path().join("no-models").to_str().unwrap(),
        )
        .env("HOME", dir.path().to_str().unwrap())
        .env("XDG_CACHE_HOME", dir.path().join("cache").to_str().unwrap());
    cli.json(&["profile", "create", "Ada"]);
    // A second of tone, written by hand: no tools needed.
    let wav = dir.path().join("tone.wav");
    let tone = wav::tone(wav::RATE, 440.0, wav::RATE);
    std::fs::write(&wav, wav::bytes(wav::RATE, &tone).unwrap()).unwrap();
    let out = cli.run(&["ingest", wav.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let error: serde_json::Value = serde_json::from_str(stderr.lines().next().unwrap()).unwrap();
    assert_eq!(error["error"]["code"], "model_missing", "{stderr}");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("ggml-tiny.en.bin")
    );
    assert!(
        error["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("cargo xtask models")
    );
    let listed = cli.json(&["source", "list"]);
    assert_eq!(listed[0]["status"], "failed");
}

#[test]
#[ignore = "needs ImageMagick, Ghostscript and the OCR models; `cargo xtask test` provides them"]
fn ingest_reads_pictures_and_pdfs_with_where_each_line_is() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    let photo = dir.path().join("Board photo.png");
    satchel_e2e::text_picture(
        &photo,
        1000,
        200,
        &[
            (30, 70, "Osmosis moves water across membranes."),
            (30, 140, "Diffusion needs no energy."),
        ],
    );
    let pdf = dir.path().join("chapter.pdf");
    satchel_e2e::text_pdf(
        &pdf,
        &[
            &["Chapter one: the cell wall."],
            &["Chapter two: the nucleus."],
        ],
        &[],
    );
    let bad = dir.path().join("notes.pdf");
    std::fs::write(&bad, b"these are not the notes you are looking for").unwrap();

    let out = cli.run(&[
        "ingest",
        photo.to_str().unwrap(),
        bad.to_str().unwrap(),
        pdf.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1), "one file failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("notes.pdf") && stderr.contains("bad_media"),
        "{stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");

    let image = &lines[0];
    println!("{image}");
    assert_eq!(image["kind"], "image");
    assert_eq!(image["title"], "Board photo");
    assert_eq!(image["pages"], 1);
    assert!(
        image["text"]
            .as_str()
            .unwrap()
            .contains("Osmosis moves water across membranes.")
    );
    let segments = image["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[1]["text"], "Diffusion needs no energy.");
    assert_eq!(segments[1]["page"], 1);
    let bbox: Vec<f64> = segments[1]["bbox"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    // Drawn from x = 30 with its baseline at y = 140.
    assert!(
        (bbox[0] - 30.0).abs() < 15.0 && bbox[1] > 90.0 && bbox[1] < 140.0,
        "{bbox:?}"
    );
    assert!(segments[1]["confidence"].as_f64().unwrap() > 0.8);

    let document = &lines[1];
    println!("{document}");
    assert_eq!(document["kind"], "document");
    assert_eq!(document["pages"], 2);
    let pages: Vec<(i64, String)> = document["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["page"].as_i64().unwrap(),
                s["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        pages,
        [
            (1, "Chapter one: the cell wall.".to_owned()),
            (2, "Chapter two: the nucleus.".to_owned())
        ]
    );
    // Kept encrypted: neither the picture's words nor the PDF's are in the data folder.
    assert!(files_containing(&cli.data_dir, b"Osmosis").is_empty());
    assert!(files_containing(&cli.data_dir, b"nucleus").is_empty());
    assert!(files_containing(&cli.data_dir, b"%PDF-").is_empty());
}

#[test]
#[ignore = "needs ImageMagick, Ghostscript and the OCR models; `cargo xtask test` provides them"]
fn a_scanned_page_has_its_lines_placed_on_the_page_and_pages_are_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    let pdf = dir.path().join("Handout.pdf");
    // At 150 dpi: 150 px in is 72 pt; a baseline 400 px down is 192 pt.
    satchel_e2e::typed_and_scanned_pdf(
        &pdf,
        &["Typed: the water cycle has four stages."],
        &[(150, 400, "Precipitation returns water to the ground.")],
    );
    let read = cli.json(&["ingest", pdf.to_str().unwrap()]);
    println!("{read}");
    assert_eq!(read["pages"], 2);
    assert_eq!(
        read["page_sizes"],
        serde_json::json!([[612.0, 792.0], [612.0, 792.0]])
    );
    let scanned = &read["segments"][1];
    assert_eq!(scanned["page"], 2);
    assert_eq!(
        scanned["text"],
        "Precipitation returns water to the ground."
    );
    let bbox: Vec<f64> = serde_json::from_value(scanned["bbox"].clone()).unwrap();
    // In the page's points: 72 in, the letters' tops about 180 down, 16 pt tall.
    assert!(
        (bbox[0] - 72.0).abs() < 6.0 && (bbox[1] - 180.0).abs() < 8.0 && bbox[3] < 30.0,
        "{bbox:?}"
    );
    assert!(
        read["segments"][0]["bbox"].is_null(),
        "a text layer has no box"
    );

    let id = read["id"].as_str().unwrap();
    let png = dir.path().join("page2.png");
    let drawn = cli.json(&[
        "source",
        "page",
        id,
        "2",
        "--width",
        "600",
        "-o",
        png.to_str().unwrap(),
    ]);
    assert_eq!(drawn["page"], 2);
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    // The PNG's header: 600 wide, in Letter's proportions.
    let (width, height) = (
        u32::from_be_bytes(bytes[16..20].try_into().unwrap()),
        u32::from_be_bytes(bytes[20..24].try_into().unwrap()),
    );
    assert_eq!((width, height), (600, 776));

    let out = cli.run(&[
        "source",
        "page",
        id,
        "3",
        "-o",
        png.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("there is no page 3"), "{stderr}");
}

#[test]
#[ignore = "needs Ghostscript; `cargo xtask test` provides it"]
fn a_protected_pdf_keeps_its_password_to_draw_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    let pdf = dir.path().join("Exam.pdf");
    satchel_e2e::text_pdf(
        &pdf,
        &[&["Question one: name three organelles."]],
        &[
            "-sOwnerPassword=teacher",
            "-sUserPassword=biology",
            "-dEncryptionR=3",
            "-dKeyLength=128",
        ],
    );
    let read = cli
        .clone()
        .env("SATCHEL_DOCUMENT_PASSWORD", "biology")
        .json(&["ingest", pdf.to_str().unwrap()]);
    assert_eq!(read["text"], "Question one: name three organelles.");
    // Later, without the password at hand.
    let png = dir.path().join("page1.png");
    let id = read["id"].as_str().unwrap();
    cli.json(&["source", "page", id, "1", "-o", png.to_str().unwrap()]);
    assert!(std::fs::metadata(&png).unwrap().len() > 1000);
    // Kept encrypted, like the text it opens.
    assert!(files_containing(&cli.data_dir, b"biology").is_empty());
}
