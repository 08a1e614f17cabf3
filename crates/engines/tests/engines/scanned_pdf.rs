//! Scanned pages, made by the tests themselves (a rendered page photo wrapped as a PDF
//! by Ghostscript, as a JPEG and as a CCITT fax picture), drawn as the PDF worker draws
//! them and read by the OCR. Needs Ghostscript, ImageMagick and the OCR models, which
//! `cargo xtask test` provides.

use std::path::Path;

use satchel_engines::ocr::{OcrEngine, RUNTIME_LIBRARY};
use satchel_media::pdf::{PdfLimits, PdfPage, ReadEvent, ReadOptions, read_pdf, read_pdf_pages};

use crate::common::models_dir;
use satchel_test_kit::text::ocr_lines;
use satchel_test_kit::tools::{pdfwrite, run};
use satchel_test_kit::wer::{characters, edits};

/// Every page, those without text drawn for the OCR: what the worker process hands
/// back, read here in this process (the worker itself is tested in `satchel-media`).
fn drawn(bytes: &[u8]) -> Vec<PdfPage> {
    let mut pages = Vec::new();
    read_pdf_pages(
        bytes,
        None,
        PdfLimits::default(),
        ReadOptions::default(),
        &mut |event| {
            if let ReadEvent::Page(page) = event {
                pages.push(page);
            }
            Ok(())
        },
    )
    .unwrap();
    pages
}

/// The page drawn for the OCR is read within the threshold, and every line it finds
/// lies on the page (its box, divided by the drawing's scale, in the page's points).
fn read_drawn_page(label: &str, page: &PdfPage, said: &[&str]) {
    let (drawn, scale) = page.drawn.as_ref().expect("a page without text is drawn");
    let [width, height] = page.size.expect("a drawn page has a size");
    let read = engine().read(drawn).unwrap();
    let rate = error_rate(said, &read.text());
    println!(
        "{label}: drawn at {:.0} dpi, character error rate {:.2} % (threshold 5 %)\n{}",
        scale * 72.0,
        rate * 100.0,
        read.text()
    );
    assert!(rate <= 0.05);
    assert_eq!(read.lines.len(), said.len());
    for line in &read.lines {
        let [x, y, w, h] = line.bbox.map(|v| v / scale);
        assert!(
            x >= 0.0 && y >= 0.0 && x + w <= width + 1.0 && y + h <= height + 1.0,
            "{line:?} off a {width}×{height} page"
        );
    }
}

fn engine() -> OcrEngine {
    OcrEngine::load(&models_dir().join(RUNTIME_LIBRARY), &models_dir(), 2).unwrap()
}

fn error_rate(said: &[&str], read: &str) -> f64 {
    let (said, heard) = (characters(&said.join(" ")), characters(read));
    edits(&said, &heard) as f64 / said.len() as f64
}

/// A page photographed by a scanner: the test lines in 28 px DejaVu Serif, with a
/// slight tilt and grain, saved as `name` (JPEG, or 1-bit PBM for a fax-style scan).
fn scanned_page(dir: &Path, name: &str) -> (std::path::PathBuf, Vec<&'static str>) {
    let page = dir.join(name);
    let said: Vec<&str> = ocr_lines()[..6].to_vec();
    let mut args: Vec<String> = [
        "-size",
        "1240x700",
        "xc:white",
        "-font",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "-pointsize",
        "28",
        "-fill",
        "black",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for (i, line) in said.iter().enumerate() {
        args.extend([
            "-annotate".into(),
            format!("+60+{}", 80 + i * 42),
            (*line).to_owned(),
        ]);
    }
    // A scanner's slight tilt and grain.
    args.extend(
        [
            "-background",
            "white",
            "-rotate",
            "1",
            "-attenuate",
            "0.3",
            "+noise",
            "Gaussian",
            "-quality",
            "85",
        ]
        .map(String::from),
    );
    if name.ends_with(".pbm") {
        args.extend(["-threshold", "55%"].map(String::from));
    }
    args.push(page.display().to_string());
    run(
        "convert",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    )
    .unwrap();
    (page, said)
}

/// A JPEG wrapped as a one-page PDF the way a scanner's software does: as it is.
fn jpeg_scan_pdf(jpeg: &Path, pdf: &Path) {
    pdfwrite(
        pdf,
        &[
            "viewjpeg.ps",
            "-c",
            &format!(
                "({}) << /PageSize 2 index viewJPEGgetsize 2 array astore >> setpagedevice viewJPEG",
                jpeg.display()
            ),
        ],
    ).unwrap();
}

/// A 1-bit PBM as a one-page PDF at 150 dpi; Ghostscript compresses 1-bit pictures
/// with CCITT Group 4, as fax-style scanners do.
fn fax_scan_pdf(pbm: &Path, pdf: &Path) {
    let bytes = std::fs::read(pbm).unwrap();
    let mut fields = bytes.splitn(3, |&b| b == b'\n');
    assert_eq!(fields.next(), Some(&b"P4"[..]), "a raw PBM");
    let size = String::from_utf8(fields.next().unwrap().to_vec()).unwrap();
    let (width, height) = size.trim().split_once(' ').unwrap();
    let bits = fields.next().unwrap();
    let (points_w, points_h) = (
        width.parse::<f32>().unwrap() * 72.0 / 150.0,
        height.parse::<f32>().unwrap() * 72.0 / 150.0,
    );
    let hex: String = bits.iter().map(|b| format!("{b:02x}")).collect();
    let ps = format!(
        "%!PS\n<< /PageSize [{points_w} {points_h}] >> setpagedevice\n{points_w} {points_h} scale\n\
         {width} {height} true [{width} 0 0 -{height} 0 {height}] currentfile /ASCIIHexDecode filter imagemask\n\
         {hex}>\nshowpage\n"
    );
    let source = pdf.with_extension("ps");
    std::fs::write(&source, ps).unwrap();
    pdfwrite(pdf, &[&source.display().to_string()]).unwrap();
}

#[test]
#[ignore = "needs ImageMagick, Ghostscript and the OCR models; `cargo xtask test` provides them"]
fn a_scanned_page_is_read_by_the_ocr_with_at_most_5_percent_character_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (jpeg, said) = scanned_page(dir.path(), "scan.jpg");
    let pdf = dir.path().join("scan.pdf");
    jpeg_scan_pdf(&jpeg, &pdf);
    let bytes = std::fs::read(&pdf).unwrap();

    // The page drawn whole, as the app reads it.
    let pages = drawn(&bytes);
    assert_eq!(pages.len(), 1);
    assert!(!pages[0].has_text(), "a scan has no text layer");
    read_drawn_page("scanned page (JPEG)", &pages[0], &said);

    // And the scan's own picture, as it is read when a page cannot be drawn.
    let pages = read_pdf(&bytes, None, PdfLimits::default()).unwrap();
    assert_eq!(pages[0].pictures.len(), 1, "the scanned picture is found");
    let read = engine().read(&pages[0].pictures[0]).unwrap().text();
    let rate = error_rate(&said, &read);
    println!(
        "scanned page's picture: character error rate {:.2} % (threshold 5 %)",
        rate * 100.0
    );
    assert!(rate <= 0.05);
}

#[test]
#[ignore = "needs ImageMagick, Ghostscript and the OCR models; `cargo xtask test` provides them"]
fn a_fax_compressed_scan_is_drawn_and_read() {
    let dir = tempfile::tempdir().unwrap();
    let (pbm, said) = scanned_page(dir.path(), "scan.pbm");
    let pdf = dir.path().join("fax.pdf");
    fax_scan_pdf(&pbm, &pdf);
    let bytes = std::fs::read(&pdf).unwrap();
    let ccitt = b"/CCITTFaxDecode";
    assert!(
        bytes.windows(ccitt.len()).any(|w| w == ccitt),
        "Ghostscript stored the scan CCITT-compressed"
    );
    // The picture extraction cannot decode CCITT…
    let extracted = read_pdf(&bytes, None, PdfLimits::default()).unwrap();
    assert!(extracted[0].pictures.is_empty());
    assert_eq!(extracted[0].unreadable_pictures, 1);
    // …the drawing can.
    let pages = drawn(&bytes);
    read_drawn_page("scanned page (CCITT G4)", &pages[0], &said);
}
