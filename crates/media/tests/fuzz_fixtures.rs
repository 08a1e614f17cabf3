//! Every input the fuzzers keep (`fuzz/artifacts/`), replayed: a PDF through the
//! worker process must come back as pages or a clear error within its time limit; an
//! image must decode or fail clearly, in this very process. The seeds (`seed-*`: a PDF
//! Ghostscript wrote, pictures ImageMagick wrote) must also read whole.

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

fn is_seed(file: &Path) -> bool {
    file.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("seed-"))
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
        if is_seed(file) {
            let pages = result.as_ref().expect("a seed reads");
            assert_eq!(pages.len(), 2, "{}", file.display());
            assert!(
                pages[0].text.contains("unit of life"),
                "{:?}",
                pages[0].text
            );
        }
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
        let result = decode_image(&bytes, ImageLimits::default()).map(|i| i.dimensions());
        println!("{}: {:?}", file.display(), result);
        if is_seed(file) {
            assert_eq!(result.ok(), Some((240, 60)), "{}", file.display());
        }
    }
    println!("{} image fixtures replayed", files.len());
}
