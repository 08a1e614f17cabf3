//! PDFs built to break readers, each read through the worker process: every one ends
//! within 10 seconds with a clear error (or what can be read), and this process — the
//! app, in real use — keeps running.

use std::path::Path;
use std::time::{Duration, Instant};

use satchel_media::MediaError;
use satchel_media::pdf::PdfPage;
use satchel_media::pdf_worker::{PdfWorker, WorkerLimits};

fn read(bytes: &[u8]) -> (Result<Vec<PdfPage>, MediaError>, Duration) {
    let started = Instant::now();
    let worker = Path::new(env!("CARGO_BIN_EXE_satchel-pdf-worker"));
    let limits = WorkerLimits {
        time: Duration::from_secs(8),
        ..WorkerLimits::default()
    };
    let result = PdfWorker::new(worker)
        .with_limits(limits)
        .read_all(bytes, None);
    (result, started.elapsed())
}

/// A PDF around `objects` (numbered from 1; object 1 the catalog), with a correct
/// cross-reference table unless `xref` replaces it.
fn pdf(objects: &[&str], trailer_extra: &str, xref: Option<&str>) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let start = out.len();
    match xref {
        Some(xref) => out.extend(xref.as_bytes()),
        None => {
            out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
            for offset in offsets {
                out.extend(format!("{offset:010} 00000 n \n").as_bytes());
            }
        }
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer_extra} >>\nstartxref\n{start}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn assert_clear_error(label: &str, bytes: &[u8]) {
    let (result, took) = read(bytes);
    println!("{label}: {:?} in {took:.2?}", result.as_ref().map(Vec::len));
    assert!(took < Duration::from_secs(10), "{label} took {took:?}");
    match result {
        Err(
            MediaError::CorruptDocument(_)
            | MediaError::UnsupportedDocument(_)
            | MediaError::TooLarge { .. },
        ) => {}
        // Lenient parsing may recover the one page these have; none is an error.
        Ok(pages) => assert_eq!(pages.len(), 1, "{label}"),
        Err(other) => panic!("{label}: unexpected {other}"),
    }
}

/// A header and one object of 200,000 nested arrays: no page to read, refused as
/// damaged (it was once taken in as an empty document).
#[test]
fn deeply_nested_arrays() {
    let depth = 200_000;
    let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let catalog = format!("<< /Type /Catalog /Pages 2 0 R /Deep {nested} >>");
    let bytes = pdf(
        &[&catalog, "<< /Type /Pages /Kids [] /Count 0 >>"],
        "",
        None,
    );
    let mut bare = b"%PDF-1.7\n1 0 obj\n".to_vec();
    bare.extend(nested.as_bytes());
    bare.extend(b"\nendobj\n");
    for (label, bytes) in [("nested arrays", bytes), ("nested arrays alone", bare)] {
        let (result, took) = read(&bytes);
        let answer = result.as_ref().map(Vec::len);
        println!("{label}: {answer:?} in {took:.2?}");
        assert!(
            matches!(answer, Err(MediaError::CorruptDocument(_))),
            "{label}: {answer:?}"
        );
    }
}

#[test]
fn a_cross_reference_table_claiming_a_terabyte() {
    let bytes = pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [] /Count 0 >>",
        ],
        "",
        Some("xref\n0 1099511627776\n0000000000 65535 f \n"),
    );
    assert_clear_error("terabyte xref", &bytes);
    let huge_size = pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [] /Count 0 >>",
        ],
        "/Size 1099511627776",
        None,
    );
    assert_clear_error("terabyte /Size", &huge_size);
}

#[test]
fn a_pages_tree_that_loops() {
    let bytes = pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ],
        "",
        None,
    );
    assert_clear_error("/Pages loop", &bytes);
}

#[test]
fn random_bytes_and_a_truncated_file() {
    let noise: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let (result, _) = read(&noise);
    assert!(
        matches!(result, Err(MediaError::UnsupportedDocument(_))),
        "{result:?}"
    );
    let good = pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ],
        "",
        None,
    );
    assert_clear_error("truncated", &good[..good.len() / 2]);
}

#[test]
fn a_sound_pdf_reads_through_the_worker() {
    let content = "BT /F1 12 Tf 72 720 Td (Cells are the units of life.) Tj ET";
    let bytes = pdf(
        &[
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            &format!(
                "<< /Length {} >>\nstream\n{content}\nendstream",
                content.len()
            ),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
        "",
        None,
    );
    let (result, _) = read(&bytes);
    let pages = result.unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].number, 1);
    assert!(
        pages[0].text.contains("Cells are the units of life."),
        "{:?}",
        pages[0].text
    );
}

#[test]
fn a_reader_that_dies_or_hangs_is_a_clear_error_in_time() {
    let sound = b"%PDF-1.7\n";
    // Dies at once, as a stack overflow would kill it.
    let died = PdfWorker::new("/bin/false").read_all(sound, None);
    assert!(
        matches!(died, Err(MediaError::CorruptDocument(_))),
        "{died:?}"
    );
    // Never answers: stopped at the time limit.
    let started = Instant::now();
    let limits = WorkerLimits {
        time: Duration::from_secs(2),
        ..WorkerLimits::default()
    };
    let sleeper = PdfWorker {
        args: vec!["60".into()],
        ..PdfWorker::new("/bin/sleep")
    };
    let hung = sleeper.with_limits(limits).read_all(sound, None);
    assert!(
        matches!(hung, Err(MediaError::CorruptDocument(_))),
        "{hung:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}
