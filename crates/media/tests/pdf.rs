//! PDFs the tests make themselves: a multi-page document with a text layer (PostScript
//! through Ghostscript's pdfwrite, as many real PDFs are made), scanned pages (a
//! rendered page photo wrapped as a PDF by Ghostscript, as a JPEG and as a CCITT fax
//! picture), a password-protected one, and a file that is not a PDF at all. Needs Ghostscript, ImageMagick and the OCR models, which
//! `cargo xtask test` provides.

use std::path::Path;

use satchel_media::MediaError;
use satchel_media::ocr::{OcrEngine, RUNTIME_LIBRARY};
use satchel_media::pdf::{PdfLimits, PdfPage, read_pdf};
use satchel_media::pdf_worker::PdfWorker;

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
    let mut args = extra_gs_args.to_vec();
    let source = source.display().to_string();
    args.push(&source);
    pdfwrite(out, &args);
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

/// A page photographed by a scanner: the test lines in 28 px DejaVu Serif, with a
/// slight tilt and grain, saved as `name` (JPEG, or 1-bit PBM for a fax-style scan).
fn scanned_page(dir: &Path, name: &str) -> (std::path::PathBuf, Vec<&'static str>) {
    let page = dir.join(name);
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
    if name.ends_with(".pbm") {
        args.extend(["-threshold", "55%"].map(String::from));
    }
    args.push(page.display().to_string());
    run(
        "convert",
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
    );
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
    );
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
    pdfwrite(pdf, &[&source.display().to_string()]);
}

/// Ghostscript's pdfwrite makes `pdf` from `args` (options, then PostScript).
fn pdfwrite(pdf: &Path, args: &[&str]) {
    let output = format!("-sOutputFile={}", pdf.display());
    let mut all = vec!["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", &output];
    all.extend(args);
    run("gs", &all);
}

fn worker() -> PdfWorker {
    PdfWorker::new(env!("CARGO_BIN_EXE_satchel-pdf-worker"))
}

fn engine() -> OcrEngine {
    OcrEngine::load(&models_dir().join(RUNTIME_LIBRARY), &models_dir(), 2).unwrap()
}

fn error_rate(said: &[&str], read: &str) -> f64 {
    let (said, heard) = (characters(&said.join(" ")), characters(read));
    edits(&said, &heard) as f64 / said.len() as f64
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

#[test]
#[ignore = "needs ImageMagick, Ghostscript and the OCR models; `cargo xtask test` provides them"]
fn a_scanned_page_is_read_by_the_ocr_with_at_most_5_percent_character_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (jpeg, said) = scanned_page(dir.path(), "scan.jpg");
    let pdf = dir.path().join("scan.pdf");
    jpeg_scan_pdf(&jpeg, &pdf);
    let bytes = std::fs::read(&pdf).unwrap();

    // The page drawn whole, as the app reads it.
    let pages = worker().read_all(&bytes, None).unwrap();
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
    let pages = worker().read_all(&bytes, None).unwrap();
    read_drawn_page("scanned page (CCITT G4)", &pages[0], &said);
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
