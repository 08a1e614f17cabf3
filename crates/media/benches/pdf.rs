//! Satchel's PDF text extraction against pdftotext (poppler-utils) and pypdf (PyPI) on
//! the same document: pages per second, median of runs after a warm-up. Satchel is
//! measured the way the app reads, through the worker process.
//!
//! Run with `cargo xtask bench pdf`, which installs the anchors and passes
//! SATCHEL_ANCHOR_PYTHON and SATCHEL_ANCHOR_SCRIPT.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use satchel_media::pdf::{PdfLimits, read_pdf};
use satchel_media::pdf_worker::PdfWorker;
use satchel_test_kit::median;
use satchel_test_kit::text::{ocr_lines, postscript_escape};
use satchel_test_kit::tools::postscript_pdf;

const PAGES: usize = 100;
const RUNS: usize = 5;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os(name)
            .unwrap_or_else(|| panic!("{name} is not set: run `cargo xtask bench pdf`")),
    )
}

/// A chapter of `PAGES` pages, 40 lines of 11 pt text each, made by Ghostscript.
fn chapter(out: &Path) {
    let lines = ocr_lines();
    let mut ps = String::from("%!PS\n/Times-Roman findfont 11 scalefont setfont\n");
    for page in 0..PAGES {
        for i in 0..40 {
            let line = format!(
                "{} ({}.{})",
                lines[(page + i) % lines.len()],
                page + 1,
                i + 1
            );
            let line = postscript_escape(&line);
            ps.push_str(&format!("60 {} moveto ({line}) show\n", 760 - i * 18));
        }
        ps.push_str("showpage\n");
    }
    postscript_pdf(&ps, out, &[]).expect("Ghostscript makes the chapter");
}

fn timed(mut run: impl FnMut()) -> f64 {
    run();
    median((0..RUNS).map(|_| {
        let started = Instant::now();
        run();
        started.elapsed().as_secs_f64()
    }))
    .expect("timed runs")
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("chapter.pdf");
    chapter(&pdf);
    let bytes = std::fs::read(&pdf).unwrap();
    let worker = Path::new(env!("CARGO_BIN_EXE_satchel-pdf-worker"));

    let isolated = timed(|| {
        let pages = PdfWorker::new(worker).read_all(&bytes, None).unwrap();
        assert_eq!(pages.len(), PAGES);
    });
    let in_process = timed(|| {
        let pages = read_pdf(&bytes, None, PdfLimits::default()).unwrap();
        assert_eq!(pages.len(), PAGES);
        // Really read: every page has its 40 lines (about 50 characters each).
        assert!(
            pages
                .iter()
                .all(|p| p.text.lines().count() == 40 && p.text.len() > 40 * 40)
        );
    });
    let pdftotext = timed(|| {
        let out = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext");
        assert!(out.status.success());
    });
    let out = Command::new(env_path("SATCHEL_ANCHOR_PYTHON"))
        .arg(env_path("SATCHEL_ANCHOR_SCRIPT"))
        .arg(&pdf)
        .arg(RUNS.to_string())
        .output()
        .expect("pypdf runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pypdf: serde_json::Value = serde_json::from_slice(&out.stdout).expect("anchor JSON");
    let pypdf = pypdf["seconds"].as_f64().expect("seconds");

    let rate = |seconds: f64| PAGES as f64 / seconds;
    println!();
    println!(
        "{:<52} {:>10} {:>10} {:>8}",
        "figure (pages per second)", "satchel", "anchor", "ratio"
    );
    for (label, anchor) in [
        ("PDF text vs pdftotext (poppler)", pdftotext),
        ("PDF text vs pypdf", pypdf),
    ] {
        println!(
            "{label:<52} {:>10.0} {:>10.0} {:>8.2}",
            rate(isolated),
            rate(anchor),
            rate(isolated) / rate(anchor)
        );
    }
    println!(
        "(satchel: lopdf in its worker process, process start included; {:.0} pages/s in process. {PAGES}-page Ghostscript PDF, median of {RUNS} runs after a warm-up; a ratio above 1 is Satchel faster)",
        rate(in_process)
    );
}
