//! Every input the fuzzers ever found crashing a parser (`fuzz/artifacts/`), replayed:
//! a PDF through the worker process must come back as pages or a clear error within
//! its time limit; an image must decode or fail clearly, in this very process.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use satchel_media::image_in::{ImageLimits, decode_image};
use satchel_media::pdf_worker::{PdfWorker, WorkerLimits};

fn fixtures(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz/artifacts")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn every_pdf_that_ever_crashed_the_reader_is_answered_through_the_worker() {
    let worker = Path::new(env!("CARGO_BIN_EXE_satchel-pdf-worker"));
    let limits = WorkerLimits {
        time: Duration::from_secs(10),
        ..WorkerLimits::default()
    };
    let files = fixtures("pdf");
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let started = Instant::now();
        let result = PdfWorker::new(worker)
            .with_limits(limits)
            .read_all(&bytes, None);
        println!(
            "{}: {:?} in {:.2?}",
            file.display(),
            result.as_ref().map(Vec::len),
            started.elapsed()
        );
        assert!(
            started.elapsed() < Duration::from_secs(12),
            "{}",
            file.display()
        );
    }
    println!("{} PDF fixtures replayed", files.len());
}

#[test]
fn every_image_that_ever_crashed_the_decoder_is_answered() {
    let files = fixtures("image");
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let result = decode_image(&bytes, ImageLimits::default());
        println!("{}: {:?}", file.display(), result.map(|i| i.dimensions()));
    }
    println!("{} image fixtures replayed", files.len());
}
