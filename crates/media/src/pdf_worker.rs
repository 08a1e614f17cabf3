//! PDF reading in a worker process of its own. A hostile PDF can drive lopdf into
//! recursion deep enough to overflow the stack — which no Rust code can catch — or into
//! work that never ends; in a worker, that costs the worker, never the app. The worker
//! caps its own memory, and the parent kills it when it runs out of time.
//!
//! The worker is any program that calls [`serve_if_asked`] first thing in `main` (the
//! app and the CLI do, so they can start themselves as the worker), or the
//! `satchel-pdf-worker` binary of this crate.
//!
//! Protocol: the parent writes the PDF's bytes to the worker's stdin (the password, if
//! any, is in `SATCHEL_PDF_PASSWORD`); the worker answers on stdout with frames — a u32
//! length and a JSON header per page, each picture's width, height and RGB bytes after
//! it — and a last frame `{"done": true}` or `{"error": …}`.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use image::RgbImage;
use serde::{Deserialize, Serialize};

use crate::MediaError;
use crate::pdf::{PdfLimits, PdfPage, read_pdf};

/// The argument that makes a Satchel program serve as the PDF worker.
pub const WORKER_ARG: &str = "--satchel-pdf-worker";
const PASSWORD_ENV: &str = "SATCHEL_PDF_PASSWORD";
/// The worker's address space at most: far above what a sane PDF needs.
const MEMORY_LIMIT: u64 = 1536 * 1024 * 1024;

/// How long a worker may take over one document.
#[derive(Debug, Clone, Copy)]
pub struct WorkerLimits {
    pub pdf: PdfLimits,
    pub time: Duration,
}

impl Default for WorkerLimits {
    fn default() -> Self {
        Self {
            pdf: PdfLimits::default(),
            time: Duration::from_secs(120),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct PageHeader {
    number: u32,
    text: String,
    pictures: Vec<(u32, u32)>,
    unreadable_pictures: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Frame {
    Page(PageHeader),
    Done,
    Error(WorkerError),
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum WorkerError {
    Password { wrong: bool },
    Unsupported { detail: String },
    Corrupt { detail: String },
    TooLarge { max_mb: u64 },
}

/// Serves as the PDF worker and exits, when this process was started as one.
pub fn serve_if_asked() {
    if std::env::args().nth(1).as_deref() == Some(WORKER_ARG) {
        let code = serve(std::io::stdin().lock(), std::io::stdout().lock());
        std::process::exit(code);
    }
}

/// The worker's side: reads a PDF from `input`, writes frames to `output`.
pub fn serve(mut input: impl Read, output: impl Write) -> i32 {
    limit_memory(MEMORY_LIMIT);
    let mut out = BufWriter::new(output);
    let mut bytes = Vec::new();
    let limits = PdfLimits::default();
    if input
        .by_ref()
        .take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return 2;
    }
    let password = std::env::var(PASSWORD_ENV).ok();
    let result = read_pdf(&bytes, password.as_deref(), limits);
    let written = match result {
        Ok(pages) => pages
            .iter()
            .try_for_each(|page| write_page(&mut out, page))
            .and_then(|()| write_frame(&mut out, &Frame::Done)),
        Err(error) => write_frame(&mut out, &Frame::Error(to_wire(error))),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

fn to_wire(error: MediaError) -> WorkerError {
    match error {
        MediaError::PasswordRequired { wrong } => WorkerError::Password { wrong },
        MediaError::UnsupportedDocument(detail) => WorkerError::Unsupported { detail },
        MediaError::TooLarge { max_mb } => WorkerError::TooLarge { max_mb },
        other => WorkerError::Corrupt {
            detail: other.to_string(),
        },
    }
}

fn write_frame(out: &mut impl Write, frame: &Frame) -> std::io::Result<()> {
    let json = serde_json::to_vec(frame).map_err(std::io::Error::other)?;
    out.write_all(&u32::try_from(json.len()).unwrap_or(u32::MAX).to_le_bytes())?;
    out.write_all(&json)
}

fn write_page(out: &mut impl Write, page: &PdfPage) -> std::io::Result<()> {
    write_frame(
        out,
        &Frame::Page(PageHeader {
            number: page.number,
            text: page.text.clone(),
            pictures: page.pictures.iter().map(|p| p.dimensions()).collect(),
            unreadable_pictures: page.unreadable_pictures,
        }),
    )?;
    for picture in &page.pictures {
        out.write_all(picture.as_raw())?;
    }
    Ok(())
}

/// Reads `bytes` as a PDF in a worker started as `program args…`, under `limits`.
pub fn read_pdf_isolated(
    program: &Path,
    args: &[&str],
    bytes: &[u8],
    password: Option<&str>,
    limits: WorkerLimits,
) -> Result<Vec<PdfPage>, MediaError> {
    if bytes.len() as u64 > limits.pdf.max_bytes {
        return Err(MediaError::TooLarge {
            max_mb: limits.pdf.max_bytes / (1024 * 1024),
        });
    }
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .env_remove(PASSWORD_ENV);
    if let Some(password) = password {
        command.env(PASSWORD_ENV, password);
    }
    let mut child = command.spawn().map_err(|e| {
        MediaError::Ocr(format!(
            "cannot start the PDF reader {}: {e}",
            program.display()
        ))
    })?;
    let mut stdin = child.stdin.take();
    let stdout = child.stdout.take();
    let document = bytes.to_vec();
    // Writing and reading on their own threads: a worker that stops reading (or
    // writes a lot) must never block the parent past its deadline.
    let writer = std::thread::spawn(move || {
        if let Some(stdin) = stdin.as_mut() {
            let _ = stdin.write_all(&document);
        }
        drop(stdin);
    });
    let max_pixels = crate::image_in::ImageLimits::default().max_pixels;
    let reader = std::thread::spawn(move || -> Result<Vec<PdfPage>, MediaError> {
        let mut input = BufReader::new(stdout.ok_or_else(|| MediaError::Ocr("no pipe".into()))?);
        let mut pages = Vec::new();
        loop {
            match read_frame(&mut input)? {
                Frame::Done => return Ok(pages),
                Frame::Error(error) => return Err(from_wire(error)),
                Frame::Page(header) => {
                    let mut pictures = Vec::new();
                    for (width, height) in &header.pictures {
                        let size = u64::from(*width) * u64::from(*height);
                        if size > max_pixels {
                            return Err(corrupt("a picture larger than allowed"));
                        }
                        let mut raw = vec![0u8; usize::try_from(size * 3).unwrap_or(0)];
                        input.read_exact(&mut raw).map_err(|_| crashed())?;
                        pictures
                            .push(RgbImage::from_raw(*width, *height, raw).ok_or_else(crashed)?);
                    }
                    pages.push(PdfPage {
                        number: header.number,
                        text: header.text,
                        pictures,
                        unreadable_pictures: header.unreadable_pictures,
                    });
                }
            }
        }
    });
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > limits.time => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = writer.join();
                let _ = reader.join();
                return Err(MediaError::CorruptDocument(format!(
                    "reading it took longer than {} seconds, so it was stopped",
                    limits.time.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(MediaError::Ocr(format!("waiting for the PDF reader: {e}"))),
        }
    }
    let _ = writer.join();
    reader.join().map_err(|_| crashed())?
}

fn read_frame(input: &mut impl Read) -> Result<Frame, MediaError> {
    let mut length = [0u8; 4];
    input.read_exact(&mut length).map_err(|_| crashed())?;
    let length = u32::from_le_bytes(length) as usize;
    if length > 64 * 1024 * 1024 {
        return Err(crashed());
    }
    let mut json = vec![0u8; length];
    input.read_exact(&mut json).map_err(|_| crashed())?;
    serde_json::from_slice(&json).map_err(|_| crashed())
}

fn from_wire(error: WorkerError) -> MediaError {
    match error {
        WorkerError::Password { wrong } => MediaError::PasswordRequired { wrong },
        WorkerError::Unsupported { detail } => MediaError::UnsupportedDocument(detail),
        WorkerError::Corrupt { detail } => MediaError::CorruptDocument(detail),
        WorkerError::TooLarge { max_mb } => MediaError::TooLarge { max_mb },
    }
}

fn corrupt(detail: &str) -> MediaError {
    MediaError::CorruptDocument(detail.to_owned())
}

/// The worker died without answering: the PDF broke the reader.
fn crashed() -> MediaError {
    corrupt("the PDF reader failed on this file (it is damaged or built to break readers)")
}

#[cfg(unix)]
fn limit_memory(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct we pass and changes only this process's limit.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn limit_memory(_bytes: u64) {}
