//! Every input the fuzzers keep for what other devices send (`fuzz/artifacts/`):
//! sync batches, USB bundles and saved documents, replayed through what reads them in
//! the app and the server. Each must be taken or refused with an error, never a
//! crash; the seeds (`seed-*`, made by `examples/fuzz_seeds.rs` as real devices make
//! them) must also read back whole.

use std::path::{Path, PathBuf};

use satchel_sync::bundle::{Limits, read_checked};
use satchel_sync::{Batch, DocId, Hosted, PeerState, Replica};

/// The kept inputs of `target`, seeds first, by name.
fn fixtures(target: &str) -> Vec<(PathBuf, bool)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/artifacts")
        .join(target);
    let mut files: Vec<(PathBuf, bool)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"))
        .map(|p| {
            let seed = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("seed-"));
            (p, seed)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_sync_batch_is_taken_or_refused() {
    let files = fixtures("sync_batch");
    assert!(files.iter().any(|(_, seed)| *seed), "the seeds are there");
    for (file, seed) in &files {
        let bytes = std::fs::read(file).unwrap();
        let decoded = Batch::decode(&bytes);
        println!("{}: {:?}", file.display(), decoded.as_ref().map(Batch::len));
        let Ok(batch) = decoded else {
            assert!(!seed, "{}: a seed must decode", file.display());
            continue;
        };
        assert_eq!(
            batch.encode(),
            bytes,
            "{}: decoding keeps every byte",
            file.display()
        );
        for (_, message) in &batch.messages {
            let mut hosted = Hosted::load(&[]).unwrap();
            let taken = hosted.receive(&mut PeerState::default(), message);
            assert!(taken.is_ok() || !seed, "{}: {taken:?}", file.display());
        }
        let mut replica = Replica::new(b"replay");
        let taken = replica.sync_in("server", batch);
        assert!(taken.is_ok() || !seed, "{}: {taken:?}", file.display());
    }
    println!("{} sync batches replayed", files.len());
}

#[test]
fn every_kept_bundle_is_taken_whole_or_refused_whole() {
    let files = fixtures("bundle");
    assert!(files.iter().any(|(_, seed)| *seed), "the seeds are there");
    let limits = Limits {
        bundle: 16 << 20,
        docs: 16 << 20,
    };
    for (file, seed) in &files {
        let bytes = std::fs::read(file).unwrap();
        let checked = read_checked(&bytes[..], bytes.len() as u64, limits);
        println!(
            "{}: {:?}",
            file.display(),
            checked.as_ref().map(|c| (c.docs.len(), c.media.len()))
        );
        let Ok(checked) = checked else {
            assert!(!seed, "{}: a seed must read", file.display());
            continue;
        };
        let mut replica = Replica::new(b"replay");
        for (id, saved) in checked.docs {
            let merged = replica.merge_saved(id, &saved);
            assert!(merged.is_ok() || !seed, "{}: {merged:?}", file.display());
        }
        if *seed {
            assert_eq!(replica.notes().unwrap().len(), 1, "{}", file.display());
            assert_eq!(replica.cards().unwrap().len(), 1, "{}", file.display());
            // A byte changed anywhere is a bundle refused whole.
            let mut altered = bytes.clone();
            let middle = altered.len() / 2;
            altered[middle] ^= 0x01;
            assert!(read_checked(&altered[..], altered.len() as u64, limits).is_err());
        }
    }
    println!("{} bundles replayed", files.len());
}

#[test]
fn every_kept_saved_document_loads_or_is_refused() {
    let files = fixtures("saved_doc");
    assert!(files.iter().any(|(_, seed)| *seed), "the seeds are there");
    let kinds = [
        DocId::reviews_of_month(1_764_000_000_000),
        DocId::cards_of_deck("d1"),
        DocId::note("n1"),
        DocId::source("s1"),
        DocId::progress(),
        DocId::lesson("l1"),
        DocId::decks(),
    ];
    for (file, seed) in &files {
        let bytes = std::fs::read(file).unwrap();
        let hosted = Hosted::load(std::slice::from_ref(&bytes));
        println!("{}: server {:?}", file.display(), hosted.is_ok());
        assert!(hosted.is_ok() || !seed, "{}", file.display());
        let mut read_as_its_kind = false;
        for id in &kinds {
            let mut replica = Replica::new(b"replay");
            if replica.load(id.clone(), &bytes).is_ok() {
                let content = replica.content(id);
                let _ = (
                    replica.review_log(),
                    replica.cards(),
                    replica.notes(),
                    replica.sources(),
                    replica.decks(),
                    replica.progress(),
                );
                // A seed is named after its document: as that kind it reads back.
                let name = id.as_str().replace('/', "-");
                if file.ends_with(format!("seed-{name}")) {
                    assert!(content.is_ok(), "{}: {content:?}", file.display());
                    read_as_its_kind = true;
                }
            }
        }
        assert!(
            read_as_its_kind || !seed,
            "{}: not read as its kind",
            file.display()
        );
    }
    println!("{} saved documents replayed", files.len());
}
