//! Writes the seed inputs of the sync fuzz targets: a saved document of every kind, a
//! first sync round's batch from a device (and the server's answer to it), and a USB
//! bundle — each what a real device makes, so the fuzzers start from the formats
//! rather than from nothing. The files are kept in `fuzz/artifacts/<target>/` and
//! replayed by `tests/fuzz_fixtures.rs`.
//!
//! `cargo run -p satchel-sync --example fuzz_seeds -- fuzz/artifacts`

use std::path::{Path, PathBuf};

use satchel_sync::bundle::Writer;
use satchel_sync::{
    Batch, Card, DocId, Hosted, MediaRef, Note, PeerState, Replica, Review, Source,
};
use sha2::{Digest, Sha256};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: fuzz_seeds OUT_DIR")?);
    let mut device = Replica::new(b"seed-device");
    let picture = b"\x89PNG\r\n\x1a\n a picture's bytes".to_vec();
    let sha256 = format!("{:x}", Sha256::digest(&picture));
    device.put_deck("d1", "French")?;
    device.put_card(&Card {
        id: "c1".into(),
        deck_id: "d1".into(),
        kind: "basic".into(),
        front: "le chat".into(),
        back: "the cat".into(),
        suspended: false,
        deleted: false,
        generator: String::new(),
        choices: vec!["the dog".into()],
        media: vec![MediaRef {
            sha256: sha256.clone(),
            name: "cat.png".into(),
            mime: "image/png".into(),
            side: "front".into(),
        }],
    })?;
    let review = Review {
        id: "r1".into(),
        card_id: "c1".into(),
        reviewed_at: 1_764_000_000_000,
        rating: 3,
        kind: "new".into(),
        elapsed_days: 0,
        duration_ms: 4_200,
        stability: 3.17,
        difficulty: 5.28,
        due: 1_764_259_200_000,
        origin: "satchel".into(),
    };
    device.add_review(&review)?;
    device.mark_undone(&review, 1_764_000_005_000)?;
    device.put_note(&Note {
        id: "n1".into(),
        title: "Cells".into(),
        body: "The cell is the unit of life.".into(),
        deleted: false,
    })?;
    device.put_source(&Source {
        id: "s1".into(),
        title: "Biology, week 3".into(),
        meta: r#"{"kind":"audio","sha256":null}"#.into(),
        content: r#"{"text":"Plants need light.","segments":[]}"#.into(),
        deleted: false,
    })?;
    device.put_progress(r#"{"reviews":1,"mastery":{"cell":0.5}}"#)?;
    device.put_lesson(
        "l1",
        r#"{"title":"Cells","deck_id":"d1","concepts":["cell"]}"#,
    )?;

    let ids: Vec<DocId> = device.doc_ids().cloned().collect();
    let saved_dir = dir(&out, "saved_doc")?;
    let mut saved = Vec::new();
    for id in &ids {
        let bytes = device.save(id).ok_or("a document that does not save")?;
        let name = id.as_str().replace('/', "-");
        std::fs::write(saved_dir.join(format!("seed-{name}")), &bytes)?;
        saved.push((id.clone(), bytes));
    }

    let batch = device.sync_out("server");
    let batches = dir(&out, "sync_batch")?;
    std::fs::write(batches.join("seed-first-round"), batch.encode())?;
    // The server's answer to the first message, as a device receives it.
    if let Some((id, message)) = batch.messages.first() {
        let mut hosted = Hosted::load(&[])?;
        let mut state = PeerState::default();
        hosted.receive(&mut state, message)?;
        if let Some(answer) = hosted.generate(&mut state) {
            let reply = Batch {
                messages: vec![(id.clone(), answer)],
            };
            std::fs::write(batches.join("seed-server-answer"), reply.encode())?;
        }
    }

    let bundles = dir(&out, "bundle")?;
    let header = serde_json::json!({
        "made_at": 1_764_000_010_000_i64,
        "learner": "Ada",
        "device": "seed-device",
        "account": null,
    });
    let mut writer = Writer::new(Vec::new(), &header)?;
    for (id, bytes) in &saved {
        writer.doc(id, bytes)?;
    }
    writer.media(&sha256, &picture)?;
    std::fs::write(bundles.join("seed-ada.satchel"), writer.finish()?)?;
    Ok(())
}

fn dir(out: &Path, target: &str) -> std::io::Result<PathBuf> {
    let dir = out.join(target);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
