//! Satchel's OCR against rapidocr-onnxruntime (the anchor) on the same PP-OCR models,
//! the same page images and 2 threads each: time per page, median of runs after a
//! warm-up, decoding the image file included on both sides.
//!
//! Run with `cargo xtask bench ocr`, which installs the anchor and passes
//! SATCHEL_MODELS_DIR, SATCHEL_ANCHOR_PYTHON and SATCHEL_ANCHOR_SCRIPT.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use satchel_engines::ocr::{OcrEngine, RUNTIME_LIBRARY};
use satchel_media::image_in::{ImageLimits, open_image};
use satchel_test_kit::median;
use satchel_test_kit::text::ocr_lines;
use satchel_test_kit::tools::run;

const THREADS: usize = 2;
const RUNS: usize = 3;

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os(name)
            .unwrap_or_else(|| panic!("{name} is not set: run `cargo xtask bench ocr`")),
    )
}

/// A textbook page at 150 dpi (1240×1754): 30 lines of 24 px type, in one font.
fn page(font: &str, out: &Path) {
    let lines = ocr_lines();
    let mut args = vec![
        "-size".to_owned(),
        "1240x1754".to_owned(),
        "xc:white".to_owned(),
        "-font".to_owned(),
        format!("/usr/share/fonts/truetype/dejavu/{font}"),
        "-pointsize".to_owned(),
        "24".to_owned(),
        "-fill".to_owned(),
        "black".to_owned(),
    ];
    for i in 0..30 {
        args.push("-annotate".to_owned());
        args.push(format!("+100+{}", 150 + i * 48));
        args.push(lines[i % lines.len()].to_owned());
    }
    args.push("-quality".to_owned());
    args.push("90".to_owned());
    args.push(out.display().to_string());
    run("convert", &args).expect("ImageMagick draws the page");
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let pages: Vec<PathBuf> = ["DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf"]
        .iter()
        .enumerate()
        .map(|(i, font)| {
            let path = dir.path().join(format!("page{i}.jpg"));
            page(font, &path);
            path
        })
        .collect();

    let models = env_path("SATCHEL_MODELS_DIR");
    let engine = OcrEngine::load(&models.join(RUNTIME_LIBRARY), &models, THREADS).expect("OCR");
    let mut ours = Vec::new();
    let mut our_lines = 0;
    for path in &pages {
        let read = |path: &Path| {
            let image = open_image(path, ImageLimits::default()).expect("page image");
            engine.read(&image).expect("OCR")
        };
        read(path);
        let mut times = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            our_lines = read(path).lines.len();
            times.push(started.elapsed().as_secs_f64());
        }
        ours.push(median(times).expect("timed runs"));
    }

    let out = Command::new(env_path("SATCHEL_ANCHOR_PYTHON"))
        .arg(env_path("SATCHEL_ANCHOR_SCRIPT"))
        .arg(THREADS.to_string())
        .arg(RUNS.to_string())
        .args(&pages)
        .output()
        .expect("the anchor runs");
    assert!(
        out.status.success(),
        "rapidocr failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let theirs: Vec<f64> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("anchor JSON");
            value["seconds"].as_f64().expect("seconds")
        })
        .collect();
    assert_eq!(theirs.len(), pages.len());

    let (ours, theirs) = (
        median(ours).expect("pages"),
        median(theirs).expect("the anchor's pages"),
    );
    println!();
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure", "satchel", "anchor", "ratio"
    );
    println!(
        "{:<58} {:>9.3}s {:>9.3}s {:>8.2}",
        format!("OCR time per page, 1240×1754 JPEG, 30 lines ({our_lines} read)"),
        ours,
        theirs,
        ours / theirs
    );
    println!(
        "(satchel: image decoding + PP-OCRv4 det + cls, PP-OCRv6 small rec on ONNX Runtime 1.32 via ort; anchor: rapidocr-onnxruntime 1.4.4 with the same models; {THREADS} threads each; median of {RUNS} runs per page after a warm-up, median over {} pages)",
        pages.len()
    );
}
