//! PDFs the tests make themselves, read through the worker process: a multi-page
//! document with a text layer (PostScript through Ghostscript's pdfwrite, as many real
//! PDFs are made), pages drawn, a password-protected one, and a file that is not a PDF
//! at all. Needs Ghostscript, which `cargo xtask test` provides. Scanned pages read by
//! the OCR are `satchel-engines`' `scanned_pdf` test.

use std::path::Path;

use satchel_media::MediaError;
use satchel_media::pdf::{PdfLimits, read_pdf};
use satchel_media::pdf_worker::PdfWorker;

use satchel_test_kit::text::{ocr_lines, postscript_escape};
use satchel_test_kit::tools::postscript_pdf;
use satchel_test_kit::wer::{characters, edits};

/// `pages` pages of the test lines, 12pt Helvetica or Times, as PostScript → PDF.
fn text_pdf(pages: usize, out: &Path, extra_gs_args: &[&str]) -> Vec<String> {
    let mut ps = String::from("%!PS\n");
    let mut expected = Vec::new();
    for page in 0..pages {
        let font = if page % 2 == 0 {
            "Helvetica"
        } else {
            "Times-Roman"
        };
        ps.push_str(&format!("/{font} findfont 12 scalefont setfont\n"));
        let mut text = Vec::new();
        for (i, line) in ocr_lines().iter().enumerate() {
            let line = format!("{} (page {})", line, page + 1);
            let escaped = postscript_escape(&line);
            ps.push_str(&format!("72 {} moveto ({escaped}) show\n", 720 - i * 18));
            text.push(line);
        }
        ps.push_str("showpage\n");
        expected.push(text.join("\n"));
    }
    postscript_pdf(&ps, out, extra_gs_args).unwrap();
    expected
}

#[test]
#[ignore = "needs Ghostscript; `cargo xtask test` provides it"]
fn a_multi_page_pdf_comes_back_page_by_page_with_99_percent_of_its_characters() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("chapter.pdf");
    let expected = text_pdf(3, &pdf, &[]);
    let pages = read_pdf(&std::fs::read(&pdf).unwrap(), None, PdfLimits::default()).unwrap();
    assert_eq!(pages.len(), 3);
    let (mut errors, mut total) = (0, 0);
    for (page, said) in pages.iter().zip(&expected) {
        assert!(page.pictures.is_empty());
        let (said, read) = (characters(said), characters(&page.text));
        errors += edits(&said, &read);
        total += said.len();
        assert!(
            page.text.contains(&format!("(page {})", page.number)),
            "{}",
            page.text
        );
    }
    let kept = 1.0 - errors as f64 / total as f64;
    println!(
        "text layer: {:.2} % of {total} characters back (threshold 99 %)",
        kept * 100.0
    );
    assert!(kept >= 0.99);
}

fn worker() -> PdfWorker {
    PdfWorker::new(env!("CARGO_BIN_EXE_satchel-pdf-worker"))
}

#[test]
#[ignore = "needs Ghostscript; `cargo xtask test` provides it"]
fn pages_are_drawn_to_the_width_asked_on_white() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("chapter.pdf");
    text_pdf(2, &pdf, &[]);
    let bytes = std::fs::read(&pdf).unwrap();
    let pages = worker().read_all(&bytes, None).unwrap();
    // A4, Ghostscript's paper here.
    assert_eq!(pages[1].size, Some([595.0, 842.0]));
    let drawn = worker().draw(&bytes, None, 2, 800).unwrap();
    assert_eq!(drawn.width(), 800);
    assert_eq!(drawn.height(), 1132, "in the page's proportions");
    let ink = drawn.pixels().filter(|p| p.0[0] < 128).count();
    let share = ink as f64 / f64::from(drawn.width() * drawn.height());
    println!("page 2 drawn 800 px wide: {:.2} % ink", share * 100.0);
    // Forty lines of 12 pt text: some ink, on a page that is mostly white.
    assert!(share > 0.005 && share < 0.2, "{share}");
    let nothing = worker().draw(&bytes, None, 3, 800).unwrap_err();
    assert!(
        matches!(nothing, MediaError::CorruptDocument(_)),
        "{nothing}"
    );
}

#[test]
#[ignore = "needs Ghostscript; `cargo xtask test` provides it"]
fn a_password_protected_pdf_asks_for_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("locked.pdf");
    text_pdf(
        1,
        &pdf,
        &[
            "-sOwnerPassword=teacher",
            "-sUserPassword=open sesame",
            "-dEncryptionR=3",
            "-dKeyLength=128",
        ],
    );
    let bytes = std::fs::read(&pdf).unwrap();
    let ask = read_pdf(&bytes, None, PdfLimits::default()).unwrap_err();
    assert!(
        matches!(ask, MediaError::PasswordRequired { wrong: false }),
        "{ask}"
    );
    let wrong = read_pdf(&bytes, Some("guess"), PdfLimits::default()).unwrap_err();
    assert!(
        matches!(wrong, MediaError::PasswordRequired { wrong: true }),
        "{wrong}"
    );
    let pages = read_pdf(&bytes, Some("open sesame"), PdfLimits::default()).unwrap();
    assert!(
        pages[0].text.contains("Photosynthesis"),
        "{}",
        pages[0].text
    );
    // Its pages are drawn with the password, and only with it.
    let locked = worker().draw(&bytes, None, 1, 400).unwrap_err();
    assert!(
        matches!(locked, MediaError::PasswordRequired { wrong: false }),
        "{locked}"
    );
    let drawn = worker().draw(&bytes, Some("open sesame"), 1, 400).unwrap();
    assert!(drawn.pixels().any(|p| p.0[0] < 128), "the page has ink");
}

#[test]
fn random_bytes_named_pdf_are_refused_clearly() {
    let error = read_pdf(b"\x00\x01 not a pdf at all", None, PdfLimits::default()).unwrap_err();
    assert!(
        matches!(error, MediaError::UnsupportedDocument(_)),
        "{error}"
    );
    let error = read_pdf(
        b"%PDF-1.7\n garbage with no objects",
        None,
        PdfLimits::default(),
    )
    .unwrap_err();
    assert!(matches!(error, MediaError::CorruptDocument(_)), "{error}");
}
