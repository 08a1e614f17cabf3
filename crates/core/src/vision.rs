//! Text from pictures and documents as the core sees it: a small trait it owns, and its
//! real implementation over `satchel-media` — PP-OCRv4 on ONNX Runtime for pictures,
//! lopdf in a worker process for PDFs (their scanned pages go to the OCR too).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use satchel_media::MediaError;
use satchel_media::image_in::{ImageLimits, RgbImage, decode_image};
use satchel_media::ocr::{DET_MODEL, OcrEngine, OcrLine, RUNTIME_LIBRARY};
use satchel_media::pdf_worker::{WORKER_ARG, WorkerLimits, read_pdf_isolated};

/// One page read: its text layer, or the lines the OCR found on its pictures.
#[derive(Debug, Clone, Default)]
pub struct ReadPage {
    /// Counted from 1.
    pub number: u32,
    pub text_layer: Option<String>,
    pub lines: Vec<OcrLine>,
}

impl ReadPage {
    pub fn text(&self) -> String {
        match &self.text_layer {
            Some(text) => text.clone(),
            None => self
                .lines
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// Reads text in images and documents.
pub trait Reader: Send + Sync {
    fn read_image(&self, bytes: &[u8]) -> Result<ReadPage, MediaError>;

    /// `progress(done, total)` is called as pages are read.
    fn read_document(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<ReadPage>, MediaError>;
}

/// The program that reads PDFs in a process of its own.
#[derive(Debug, Clone)]
pub struct PdfWorker {
    pub program: PathBuf,
    pub args: Vec<String>,
}

impl PdfWorker {
    /// This very program, started with the worker argument: every Satchel program
    /// calls `serve_worker_if_asked` first, so it can be its own PDF reader.
    pub fn this_program() -> Result<Self, MediaError> {
        let program = std::env::current_exe().map_err(|source| MediaError::Io {
            path: PathBuf::from("the running program"),
            source,
        })?;
        Ok(Self {
            program,
            args: vec![WORKER_ARG.to_owned()],
        })
    }
}

/// The OCR and the PDF reader through `satchel-media`, the models loaded on first use.
pub struct Vision {
    dirs: Vec<PathBuf>,
    engine: Mutex<Option<Arc<OcrEngine>>>,
    worker: PdfWorker,
    threads: usize,
}

impl Vision {
    pub fn new(dirs: Vec<PathBuf>, worker: PdfWorker) -> Self {
        Self {
            dirs,
            engine: Mutex::new(None),
            worker,
            threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(4)),
        }
    }

    fn engine(&self) -> Result<Arc<OcrEngine>, MediaError> {
        let mut engine = self.engine.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(engine) = engine.as_ref() {
            return Ok(Arc::clone(engine));
        }
        let dir = self
            .dirs
            .iter()
            .find(|d| d.join(DET_MODEL).is_file())
            .or(self.dirs.first())
            .cloned()
            .unwrap_or_default();
        let loaded = Arc::new(OcrEngine::load(
            &dir.join(RUNTIME_LIBRARY),
            &dir,
            self.threads,
        )?);
        *engine = Some(Arc::clone(&loaded));
        Ok(loaded)
    }

    fn ocr(&self, picture: &RgbImage) -> Result<Vec<OcrLine>, MediaError> {
        Ok(self.engine()?.read(picture)?.lines)
    }
}

impl Reader for Vision {
    fn read_image(&self, bytes: &[u8]) -> Result<ReadPage, MediaError> {
        let picture = decode_image(bytes, ImageLimits::default())?;
        Ok(ReadPage {
            number: 1,
            text_layer: None,
            lines: self.ocr(&picture)?,
        })
    }

    fn read_document(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<ReadPage>, MediaError> {
        let args: Vec<&str> = self.worker.args.iter().map(String::as_str).collect();
        let pages = read_pdf_isolated(
            &self.worker.program,
            &args,
            bytes,
            password,
            WorkerLimits::default(),
        )?;
        let total = pages.len();
        let mut read = Vec::with_capacity(total);
        for (done, page) in pages.into_iter().enumerate() {
            let mut out = ReadPage {
                number: page.number,
                text_layer: None,
                lines: Vec::new(),
            };
            if page.has_text() {
                out.text_layer = Some(page.text);
            } else {
                for picture in &page.pictures {
                    out.lines.extend(self.ocr(picture)?);
                }
            }
            read.push(out);
            progress(done + 1, total);
        }
        Ok(read)
    }
}
