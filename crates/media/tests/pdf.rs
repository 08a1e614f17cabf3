//! PDFs the tests make themselves: a multi-page document with a text layer (PostScript
//! through Ghostscript's pdfwrite, as many real PDFs are made), a scanned page (a
//! rendered page photo wrapped as a PDF by Ghostscript), a password-protected one, and a file
//! that is not a PDF at all. Needs Ghostscript, ImageMagick and the OCR models, which
//! `cargo xtask test` provides.

use std::path::Path;

use satchel_media::MediaError;
use satchel_media::ocr::{OcrEngine, RUNTIME_LIBRARY};
use satchel_media::pdf::{PdfLimits, read_pdf};

mod common;
use common::wer::{characters, edits};
use common::{models_dir, run};

const LINES: &str = include_str!("data/ocr_lines.txt");

fn lines() -> Vec<&'static str> {
    LINES.lines().filter(|l| !l.is_empty()).collect()
}

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
        for (i, line) in lines().iter().enumerate() {
            let line = format!("{} (page {})", line, page + 1);
            let escaped = line
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            ps.push_str(&format!("72 {} moveto ({escaped}) show\n", 720 - i * 18));
            text.push(line);
        }
        ps.push_str("showpage\n");
        expected.push(text.join("\n"));
    }
    let source = out.with_extension("ps");
    std::fs::write(&source, ps).unwrap();
    let mut args: Vec<String> = vec![
        "-q".into(),
        "-dNOPAUSE".into(),
        "-dBATCH".into(),
        "-sDEVICE=pdfwrite".into(),
    ];
    args.extend(extra_gs_args.iter().map(|s| (*s).to_owned()));
    args.push(format!("-sOutputFile={}", out.display()));
    args.push(source.display().to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run("gs", &args);
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

#[test]
#[ignore = "needs ImageMagick, Ghostscript and the OCR models; `cargo xtask test` provides them"]
fn a_scanned_page_is_read_by_the_ocr_with_at_most_5_percent_character_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page_png = dir.path().join("scan.jpg");
    let said: Vec<&str> = lines()[..6].to_vec();
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
    args.push(page_png.display().to_string());
    run(
        "convert",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    // Wrapped as a one-page PDF the way a scanner's software does: the JPEG as it is.
    let pdf = dir.path().join("scan.pdf");
    run(
        "gs",
        &[
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-sDEVICE=pdfwrite",
            &format!("-sOutputFile={}", pdf.display()),
            "viewjpeg.ps",
            "-c",
            &format!(
                "({}) << /PageSize 2 index viewJPEGgetsize 2 array astore >> setpagedevice viewJPEG",
                page_png.display()
            ),
        ],
    );

    let pages = read_pdf(&std::fs::read(&pdf).unwrap(), None, PdfLimits::default()).unwrap();
    assert_eq!(pages.len(), 1);
    assert!(!pages[0].has_text(), "a scan has no text layer");
    assert_eq!(pages[0].pictures.len(), 1, "the scanned picture is found");
    let engine = OcrEngine::load(&models_dir().join(RUNTIME_LIBRARY), &models_dir(), 2).unwrap();
    let read = engine.read(&pages[0].pictures[0]).unwrap().text();
    let (said, heard) = (characters(&said.join(" ")), characters(&read));
    let rate = edits(&said, &heard) as f64 / said.len() as f64;
    println!(
        "scanned page: character error rate {:.2} % (threshold 5 %)\n{read}",
        rate * 100.0
    );
    assert!(rate <= 0.05);
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
