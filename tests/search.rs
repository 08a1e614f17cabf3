//! `satchel search` and `satchel ask` over every kind of source, end to end: each hit
//! says where it came from — the page of a PDF, the region of a photo, the moment of a
//! recording. Needs the OCR, Whisper and embedding models, espeak-ng, ImageMagick and
//! Ghostscript, which `cargo xtask test` provides.

use satchel_e2e::{Cli, speak, text_pdf, text_picture};
use satchel_test_kit::PASSPHRASE;

fn hit_of<'a>(hits: &'a serde_json::Value, kind: &str) -> &'a serde_json::Value {
    hits.as_array()
        .unwrap()
        .iter()
        .find(|h| h["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} hit in {hits:#}"))
}

#[test]
#[ignore = "needs the OCR, Whisper and embedding models; `cargo xtask test` provides them"]
fn every_kind_of_source_is_found_with_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);

    let pdf = dir.path().join("Rivers.pdf");
    text_pdf(
        &pdf,
        &[
            &["Chapter one: mountains are made when plates collide."],
            &["Chapter two: a river carries sand and silt to the sea."],
        ],
        &[],
    );
    let photo = dir.path().join("board.png");
    text_picture(
        &photo,
        900,
        200,
        &[(40, 120, "Volcanoes erupt molten lava")],
    );
    let wav = dir.path().join("Lecture.wav");
    speak(
        "Good morning. Today we learn how the heart pumps blood.",
        &wav,
    );
    let text = dir.path().join("Fractions.md");
    std::fs::write(
        &text,
        "# Fractions\n\nTo add fractions, find a common denominator.\n",
    )
    .unwrap();
    cli.ok(&[
        "ingest",
        pdf.to_str().unwrap(),
        photo.to_str().unwrap(),
        wav.to_str().unwrap(),
        text.to_str().unwrap(),
        "--language",
        "en",
    ]);
    cli.json(&[
        "note",
        "add",
        "--title",
        "Cells",
        "--text",
        "A cell divides into two by mitosis.",
    ]);

    let hits = cli.json(&["search", "where does a river take its sand"]);
    println!("{hits:#}");
    let page = hit_of(&hits, "document");
    assert_eq!(page["title"], "Rivers");
    assert_eq!(page["page"], 2, "the page the passage is on");
    assert!(
        page["text"]
            .as_str()
            .unwrap()
            .contains("river carries sand")
    );
    assert!(page["score"].as_f64().unwrap() > 0.0);
    // The words searched for are marked where they stand in the passage.
    let marked: Vec<&str> = page["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let text = page["text"].as_str().unwrap();
            &text[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
        })
        .collect();
    assert!(
        marked.contains(&"river") && marked.contains(&"sand"),
        "{marked:?}"
    );

    let hits = cli.json(&["search", "hot liquid rock coming out of a mountain"]);
    let region = hit_of(&hits, "image");
    let [x, y, w, h] = [0, 1, 2, 3].map(|i| region["bbox"][i].as_f64().unwrap());
    println!("photo region {x} {y} {w} {h}");
    // The line was drawn at x 40, baseline 120, 32 px type.
    assert!(
        (20.0..60.0).contains(&x) && (80.0..110.0).contains(&y),
        "{region}"
    );
    assert!(w > 300.0 && h > 20.0 && h < 60.0, "{region}");

    let hits = cli.json(&["search", "the organ that moves blood", "--limit", "3"]);
    assert!(hits.as_array().unwrap().len() <= 3);
    let moment = hit_of(&hits, "audio");
    assert_eq!(moment["title"], "Lecture");
    assert!(moment["start_ms"].as_i64().is_some() && moment["end_ms"].as_i64().is_some());

    let answers = cli.json(&["ask", "how do I add two fractions?"]);
    let best = &answers[0];
    println!("{best:#}");
    assert_eq!(best["kind"], "text");
    assert_eq!(best["title"], "Fractions");
    let text = best["text"].as_str().unwrap();
    let [s, e] = [0, 1].map(|i| best["sentence"][i].as_u64().unwrap() as usize);
    assert_eq!(&text[s..e], "To add fractions, find a common denominator.");

    let map = cli.json(&["concepts"]);
    let concepts = map["concepts"].as_array().unwrap();
    println!(
        "{} concepts, {} links",
        concepts.len(),
        map["links"].as_array().unwrap().len()
    );
    let fractions = concepts
        .iter()
        .find(|c| c["label"].as_str().unwrap().contains("fraction"))
        .unwrap_or_else(|| panic!("a concept of fractions: {map:#}"));
    assert_eq!(fractions["sources"][0]["title"], "Fractions");
    assert_eq!(fractions["sources"][0]["kind"], "text");
    let id = fractions["sources"][0]["source_id"].as_str().unwrap();
    let one = cli.json(&["concepts", id]);
    for concept in one["concepts"].as_array().unwrap() {
        let ids: Vec<&str> = concept["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["source_id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&id), "{concept}");
    }
    let out = cli.run(&["concepts", "00000000-0000"]);
    assert!(!out.status.success());

    let hits = cli.json(&["search", "mitosis"]);
    assert_eq!(hit_of(&hits, "note")["title"], "Cells");
    let none = cli.json(&["search", "the"]);
    assert!(none.as_array().unwrap().len() <= 10);
}
