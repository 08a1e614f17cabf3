//! PDF reading and drawing in a worker process of its own. A hostile PDF can drive
//! lopdf or hayro into recursion deep enough to overflow the stack — which no Rust
//! code can catch — or into work that never ends; in a worker, that costs the worker,
//! never the app. The worker caps its own memory, and the parent kills it when it
//! takes too long over one page.
//!
//! The worker is any program that calls [`serve_if_asked`] first thing in `main` (the
//! app and the CLI do, so they can start themselves as the worker), or the
//! `satchel-pdf-worker` binary of this crate.
//!
//! Protocol: the parent writes a request frame (a u32 length and JSON: the task and
//! the password, if any) and then the PDF's bytes to the worker's stdin. The worker
//! answers on stdout with frames of the same shape — a JSON header per page, with each
//! picture's RGB bytes after it — and a last frame `"done"` or `{"error": …}`.

use std::cell::Cell;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::Duration;

use image::RgbImage;
use serde::{Deserialize, Serialize};

use crate::MediaError;
use crate::image_in::ImageLimits;
use crate::pdf::{PdfLimits, PdfPage, ReadEvent, ReadOptions, read_pdf_pages};
use crate::pdf_draw::{Drawing, PageSize};

/// The argument that makes a Satchel program serve as the PDF worker.
pub const WORKER_ARG: &str = "--satchel-pdf-worker";
/// The worker's address space at most: far above what a sane PDF needs.
const MEMORY_LIMIT: u64 = 1536 * 1024 * 1024;
/// A request frame larger than this is no parent's.
const MAX_FRAME: usize = 64 * 1024 * 1024;
/// Widest page picture the window may ask for.
pub const MAX_DRAW_WIDTH: u32 = 4096;

/// The worker's limits over one document.
#[derive(Debug, Clone, Copy)]
pub struct WorkerLimits {
    pub pdf: PdfLimits,
    /// The longest the worker may take over one page (or to open the document).
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
#[serde(rename_all = "snake_case")]
enum Task {
    Read { draw: bool, from_page: u32 },
    Draw { page: u32, width: u32 },
}

#[derive(Serialize, Deserialize)]
struct Request {
    task: Task,
    password: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct PageHeader {
    number: u32,
    of: u32,
    text: String,
    size: Option<PageSize>,
    /// The drawn page's width, height and pixels per point; its RGB bytes follow.
    drawn: Option<(u32, u32, f32)>,
    /// Each picture's width and height; their RGB bytes follow, in order.
    pictures: Vec<(u32, u32)>,
    unreadable_pictures: usize,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Frame {
    Drawing(u32),
    Page(PageHeader),
    /// A drawn page's width and height; its RGB bytes follow.
    Picture(u32, u32),
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

/// The worker's side: reads a request and a PDF from `input`, writes frames to
/// `output`. Returns the process's exit code.
pub fn serve(mut input: impl Read, output: impl Write) -> i32 {
    limit_memory(MEMORY_LIMIT);
    let mut out = BufWriter::new(output);
    let limits = PdfLimits::default();
    let Ok(request) = read_json::<Request>(&mut input) else {
        return 2;
    };
    let mut bytes = Vec::new();
    if input
        .take(limits.max_bytes + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return 2;
    }
    let password = request.password.as_deref();
    let result = match request.task {
        Task::Read { draw, from_page } => {
            let options = ReadOptions { draw, from_page };
            read_pdf_pages(&bytes, password, limits, options, &mut |event| {
                match event {
                    ReadEvent::Drawing(number) => {
                        write_frame(&mut out, &Frame::Drawing(number))?;
                        // Said before the drawing starts, so a parent whose worker
                        // dies in it knows why.
                        out.flush().map_err(pipe)?;
                    }
                    ReadEvent::Page(page) => write_page(&mut out, &page)?,
                }
                Ok(())
            })
        }
        Task::Draw { page, width } => Drawing::open(&bytes, password)
            .and_then(|drawing| drawing.draw_width(page, width.clamp(1, MAX_DRAW_WIDTH)))
            .and_then(|picture| {
                write_frame(&mut out, &Frame::Picture(picture.width(), picture.height()))?;
                out.write_all(picture.as_raw()).map_err(pipe)
            }),
    };
    let last = match result {
        Ok(()) => Frame::Done,
        Err(error) => Frame::Error(to_wire(error)),
    };
    match write_frame(&mut out, &last).and_then(|()| out.flush().map_err(pipe)) {
        Ok(()) => 0,
        Err(_) => 2,
    }
}

fn to_wire(error: MediaError) -> WorkerError {
    match error {
        MediaError::PasswordRequired { wrong } => WorkerError::Password { wrong },
        MediaError::UnsupportedDocument(detail) => WorkerError::Unsupported { detail },
        MediaError::TooLarge { max_mb } => WorkerError::TooLarge { max_mb },
        MediaError::CorruptDocument(detail) => WorkerError::Corrupt { detail },
        other => WorkerError::Corrupt {
            detail: other.to_string(),
        },
    }
}

fn from_wire(error: WorkerError) -> MediaError {
    match error {
        WorkerError::Password { wrong } => MediaError::PasswordRequired { wrong },
        WorkerError::Unsupported { detail } => MediaError::UnsupportedDocument(detail),
        WorkerError::Corrupt { detail } => MediaError::CorruptDocument(detail),
        WorkerError::TooLarge { max_mb } => MediaError::TooLarge { max_mb },
    }
}

fn write_frame(out: &mut impl Write, frame: &impl Serialize) -> Result<(), MediaError> {
    let json = serde_json::to_vec(frame).map_err(|e| MediaError::Ocr(e.to_string()))?;
    out.write_all(&u32::try_from(json.len()).unwrap_or(u32::MAX).to_le_bytes())
        .and_then(|()| out.write_all(&json))
        .map_err(pipe)
}

fn pipe(source: std::io::Error) -> MediaError {
    MediaError::Io {
        path: PathBuf::from("the PDF reader's pipe"),
        source,
    }
}

fn write_page(out: &mut impl Write, page: &PdfPage) -> Result<(), MediaError> {
    write_frame(
        out,
        &Frame::Page(PageHeader {
            number: page.number,
            of: page.of,
            text: page.text.clone(),
            size: page.size,
            drawn: page
                .drawn
                .as_ref()
                .map(|(picture, scale)| (picture.width(), picture.height(), *scale)),
            pictures: page.pictures.iter().map(|p| p.dimensions()).collect(),
            unreadable_pictures: page.unreadable_pictures,
        }),
    )?;
    for picture in page.drawn.iter().map(|(p, _)| p).chain(&page.pictures) {
        out.write_all(picture.as_raw()).map_err(pipe)?;
    }
    Ok(())
}

fn read_json<T: for<'de> Deserialize<'de>>(input: &mut impl Read) -> Result<T, MediaError> {
    let mut length = [0u8; 4];
    input.read_exact(&mut length).map_err(|_| crashed())?;
    let length = u32::from_le_bytes(length) as usize;
    if length > MAX_FRAME {
        return Err(crashed());
    }
    let mut json = vec![0u8; length];
    input.read_exact(&mut json).map_err(|_| crashed())?;
    serde_json::from_slice(&json).map_err(|_| crashed())
}

/// A picture's RGB bytes from the worker, no larger than pictures may be.
fn read_picture(input: &mut impl Read, width: u32, height: u32) -> Result<RgbImage, MediaError> {
    let size = u64::from(width) * u64::from(height);
    if size > ImageLimits::default().max_pixels {
        return Err(corrupt("a picture larger than allowed"));
    }
    let mut raw = vec![0u8; usize::try_from(size * 3).map_err(|_| crashed())?];
    input.read_exact(&mut raw).map_err(|_| crashed())?;
    RgbImage::from_raw(width, height, raw).ok_or_else(crashed)
}

/// What the worker said, pictures included.
enum Answer {
    /// The worker is going into the drawing code.
    Drawing,
    Page(PdfPage),
    Picture(RgbImage),
    Done,
    Error(MediaError),
}

fn read_answer(input: &mut impl Read) -> Result<Answer, MediaError> {
    Ok(match read_json::<Frame>(input)? {
        Frame::Drawing(_) => Answer::Drawing,
        Frame::Picture(width, height) => Answer::Picture(read_picture(input, width, height)?),
        Frame::Done => Answer::Done,
        Frame::Error(error) => Answer::Error(from_wire(error)),
        Frame::Page(header) => {
            let drawn = match header.drawn {
                Some((width, height, scale)) => Some((read_picture(input, width, height)?, scale)),
                None => None,
            };
            let pictures = header
                .pictures
                .iter()
                .map(|&(width, height)| read_picture(input, width, height))
                .collect::<Result<_, _>>()?;
            Answer::Page(PdfPage {
                number: header.number,
                of: header.of,
                text: header.text,
                size: header.size,
                drawn,
                pictures,
                unreadable_pictures: header.unreadable_pictures,
            })
        }
    })
}

/// A program that reads PDFs in a process of its own, and its limits.
#[derive(Debug, Clone)]
pub struct PdfWorker {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub limits: WorkerLimits,
}

/// How a worker's run ended, when it did not end well.
enum Failure {
    /// The worker died or ran out of time; `drawing` says it was in the drawing code.
    Worker { error: MediaError, drawing: bool },
    /// The document's own error, or the caller's.
    Other(MediaError),
}

impl PdfWorker {
    /// `program` started with no arguments (the `satchel-pdf-worker` binary).
    pub fn new(program: impl Into<PathBuf>) -> Self {
        Self {
            program: program.into(),
            args: Vec::new(),
            limits: WorkerLimits::default(),
        }
    }

    /// This very program, started with the worker argument: every Satchel program
    /// calls [`serve_if_asked`] first, so it can be its own PDF reader.
    pub fn this_program() -> Result<Self, MediaError> {
        let program = std::env::current_exe().map_err(|source| MediaError::Io {
            path: PathBuf::from("the running program"),
            source,
        })?;
        Ok(Self {
            args: vec![WORKER_ARG.to_owned()],
            ..Self::new(program)
        })
    }

    pub fn with_limits(self, limits: WorkerLimits) -> Self {
        Self { limits, ..self }
    }

    /// Reads every page, handing each to `on_page` as it arrives. Pages without text
    /// come drawn for the OCR; if the drawing kills the worker, the rest is read again
    /// without it (their pictures extracted instead), so no page is lost to it.
    pub fn read(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        on_page: &mut dyn FnMut(PdfPage) -> Result<(), MediaError>,
    ) -> Result<(), MediaError> {
        let next = Cell::new(1);
        let mut on_answer = |answer: PdfPage| {
            next.set(answer.number + 1);
            on_page(answer)
        };
        let task = |draw, from_page| Task::Read { draw, from_page };
        match self.run_read(bytes, password, task(true, 1), &mut on_answer) {
            Ok(()) => Ok(()),
            Err(Failure::Worker { drawing: true, .. }) => self
                .run_read(bytes, password, task(false, next.get()), &mut on_answer)
                .map_err(Failure::into_error),
            Err(failure) => Err(failure.into_error()),
        }
    }

    /// Every page, collected (for tests and tools; the app reads page by page).
    pub fn read_all(
        &self,
        bytes: &[u8],
        password: Option<&str>,
    ) -> Result<Vec<PdfPage>, MediaError> {
        let mut pages = Vec::new();
        self.read(bytes, password, &mut |page| {
            pages.push(page);
            Ok(())
        })?;
        Ok(pages)
    }

    /// Page `page` (counted from 1) drawn `width` pixels wide.
    pub fn draw(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        page: u32,
        width: u32,
    ) -> Result<RgbImage, MediaError> {
        let mut picture = None;
        let task = Task::Draw { page, width };
        self.run(bytes, password, task, &mut |answer| {
            if let Answer::Picture(drawn) = answer {
                picture = Some(drawn);
            }
            Ok(())
        })
        .map_err(Failure::into_error)?;
        picture.ok_or_else(crashed)
    }

    fn run_read(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        task: Task,
        on_page: &mut dyn FnMut(PdfPage) -> Result<(), MediaError>,
    ) -> Result<(), Failure> {
        self.run(bytes, password, task, &mut |answer| match answer {
            Answer::Page(page) => on_page(page),
            _ => Ok(()),
        })
    }

    /// Starts a worker on `task` and hands its answers to `on_answer` until it is done.
    fn run(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        task: Task,
        on_answer: &mut dyn FnMut(Answer) -> Result<(), MediaError>,
    ) -> Result<(), Failure> {
        if bytes.len() as u64 > self.limits.pdf.max_bytes {
            return Err(Failure::Other(MediaError::TooLarge {
                max_mb: self.limits.pdf.max_bytes / (1024 * 1024),
            }));
        }
        let mut command = Command::new(&self.program);
        command
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        #[cfg(windows)]
        {
            use std::os::windows::process::CommandExt;
            // The window app has no console, and Windows would open one for each PDF.
            const CREATE_NO_WINDOW: u32 = 0x0800_0000;
            command.creation_flags(CREATE_NO_WINDOW);
        }
        let mut child = command.spawn().map_err(|e| {
            Failure::Other(MediaError::Ocr(format!(
                "cannot start the PDF reader {}: {e}",
                self.program.display()
            )))
        })?;
        let mut request = Vec::new();
        let json = serde_json::to_vec(&Request {
            task,
            password: password.map(str::to_owned),
        })
        .map_err(|e| Failure::Other(MediaError::Ocr(e.to_string())))?;
        request.extend(u32::try_from(json.len()).unwrap_or(u32::MAX).to_le_bytes());
        request.extend(json);
        request.extend(bytes);
        // Writing and reading on threads of their own: a worker that stops reading or
        // answering must never hold the parent past its deadline.
        let mut stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let Some(stdin) = stdin.as_mut() {
                let _ = stdin.write_all(&request);
            }
        });
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Failure::Other(crashed()));
        };
        let answers = answers(stdout);
        let mut drawing = false;
        let outcome = loop {
            match answers.recv_timeout(self.limits.time) {
                Ok(Ok(Answer::Done)) => break Ok(()),
                Ok(Ok(Answer::Error(error))) => break Err(Failure::Other(error)),
                Ok(Ok(Answer::Drawing)) => drawing = true,
                Ok(Ok(answer)) => {
                    drawing = false;
                    if let Err(error) = on_answer(answer) {
                        break Err(Failure::Other(error));
                    }
                }
                Ok(Err(error)) => break Err(Failure::Worker { error, drawing }),
                Err(RecvTimeoutError::Disconnected) => {
                    break Err(Failure::Worker {
                        error: crashed(),
                        drawing,
                    });
                }
                Err(RecvTimeoutError::Timeout) => {
                    let error = MediaError::CorruptDocument(format!(
                        "reading it took longer than {} seconds for one page, so it was stopped",
                        self.limits.time.as_secs()
                    ));
                    break Err(Failure::Worker { error, drawing });
                }
            }
        };
        let _ = child.kill();
        let _ = child.wait();
        let _ = writer.join();
        outcome
    }
}

/// The worker's answers, read on a thread of their own; a broken answer ends them.
fn answers(stdout: impl Read + Send + 'static) -> Receiver<Result<Answer, MediaError>> {
    // One answer waiting at most: a drawn page is large, and the parent reads slowly
    // (it runs the OCR on each).
    let (send, receive) = sync_channel(1);
    std::thread::spawn(move || {
        let mut input = BufReader::new(stdout);
        loop {
            let answer = read_answer(&mut input);
            let last = matches!(answer, Ok(Answer::Done | Answer::Error(_)) | Err(_));
            if send.send(answer).is_err() || last {
                return;
            }
        }
    });
    receive
}

impl Failure {
    fn into_error(self) -> MediaError {
        match self {
            Self::Worker { error, .. } | Self::Other(error) => error,
        }
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

/// Windows has no rlimits: the worker puts itself in a Job Object of its own that caps
/// the memory it may commit. An allocation past it fails, as under `RLIMIT_AS`, and
/// the worker dies; the parent reports the file as one that broke the reader.
#[cfg(windows)]
fn limit_memory(bytes: u64) {
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
        JOB_OBJECT_LIMIT_PROCESS_MEMORY, JOBOBJECT_EXTENDED_LIMIT_INFORMATION,
        JobObjectExtendedLimitInformation, SetInformationJobObject,
    };
    use windows_sys::Win32::System::Threading::GetCurrentProcess;

    // SAFETY: every pointer passed is to a local that outlives the call, with the size
    // the call is told; the job's handle stays open (and so the job alive) for as long
    // as this process lives, which is what keeps the limit in force.
    unsafe {
        let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
        if job.is_null() {
            return;
        }
        let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
        info.BasicLimitInformation.LimitFlags =
            JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
        info.ProcessMemoryLimit = usize::try_from(bytes).unwrap_or(usize::MAX);
        let set = SetInformationJobObject(
            job,
            JobObjectExtendedLimitInformation,
            (&raw const info).cast(),
            std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
        );
        if set != 0 {
            AssignProcessToJobObject(job, GetCurrentProcess());
        }
    }
}

/// Elsewhere the worker runs without a memory cap; its time limit still holds.
#[cfg(not(any(unix, windows)))]
fn limit_memory(_bytes: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in worker in Python that speaks the protocol: asked to draw, it says
    /// so and dies (as a stack overflow in the drawing would kill it); asked not to,
    /// it answers the pages from the one asked for.
    const DIES_DRAWING: &str = r#"
import json, struct, sys
inp, out = sys.stdin.buffer, sys.stdout.buffer
def frame(value):
    data = json.dumps(value).encode()
    out.write(struct.pack("<I", len(data)) + data)
    out.flush()
(length,) = struct.unpack("<I", inp.read(4))
task = json.loads(inp.read(length))["task"]["read"]
if task["draw"]:
    frame({"page": {"number": 1, "of": 3, "text": "one", "size": None, "drawn": None,
                    "pictures": [], "unreadable_pictures": 0}})
    frame({"drawing": 2})
    sys.exit(134)
for number in range(task["from_page"], 4):
    frame({"page": {"number": number, "of": 3, "text": "page %d" % number, "size": None,
                    "drawn": None, "pictures": [], "unreadable_pictures": 1}})
frame("done")
"#;

    fn python(script: &str) -> PdfWorker {
        PdfWorker {
            args: vec!["-c".into(), script.into()],
            ..PdfWorker::new("python3")
        }
    }

    #[test]
    fn a_worker_killed_by_the_drawing_is_asked_again_without_it_from_the_page_it_died_on() {
        let pages = python(DIES_DRAWING).read_all(b"%PDF-1.7", None).unwrap();
        let got: Vec<(u32, &str)> = pages.iter().map(|p| (p.number, p.text.as_str())).collect();
        assert_eq!(got, [(1, "one"), (2, "page 2"), (3, "page 3")]);
    }

    #[test]
    fn a_worker_that_dies_outside_the_drawing_is_a_clear_error() {
        let dies = r#"
import sys
sys.stdin.buffer.read()
sys.exit(134)
"#;
        let error = python(dies).read_all(b"%PDF-1.7", None).unwrap_err();
        assert!(matches!(error, MediaError::CorruptDocument(_)), "{error}");
    }
}
