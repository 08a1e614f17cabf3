//! Text from pictures and documents as the core sees it: a small trait it owns, and its
//! real implementation over `satchel-media` — PP-OCRv4 on ONNX Runtime for pictures,
//! lopdf and hayro in a worker process for PDFs (their scanned pages, drawn, go to the
//! OCR too).

use std::path::PathBuf;

use satchel_media::MediaError;
use satchel_media::image_in::{ImageLimits, RgbImage, decode_image};
use satchel_media::ocr::{DET_MODEL, OcrEngine, OcrLine};
pub use satchel_media::pdf_worker::PdfWorker;

use crate::onnx_model::OnnxModel;

/// A line of text found on a page, with where it is when that is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// x, y, width, height in the page's unit (see [`ReadPage::size`]).
    pub bbox: Option<[f32; 4]>,
    pub confidence: f32,
}

/// One page read: its text layer, or the lines the OCR found on it.
#[derive(Debug, Clone, Default)]
pub struct ReadPage {
    /// Counted from 1.
    pub number: u32,
    /// Width and height as shown: pixels for a picture, points (1/72 inch) for a PDF
    /// page. Known when the page could be drawn.
    pub size: Option<[f32; 2]>,
    pub text_layer: Option<String>,
    pub lines: Vec<Line>,
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

    /// Page `page` (from 1) of a document, drawn `width` pixels wide.
    fn draw_page(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        page: u32,
        width: u32,
    ) -> Result<RgbImage, MediaError>;
}

/// The OCR and the PDF reader through `satchel-media`, the models loaded on first use.
pub struct Vision {
    engine: OnnxModel<OcrEngine>,
    worker: PdfWorker,
}

impl Vision {
    pub fn new(dirs: Vec<PathBuf>, worker: PdfWorker) -> Self {
        Self {
            engine: OnnxModel::new(dirs, DET_MODEL),
            worker,
        }
    }

    /// The lines on `picture`; with `scale` (its pixels per page unit) their boxes in
    /// the page's unit, without it no boxes.
    fn ocr(&self, picture: &RgbImage, scale: Option<f32>) -> Result<Vec<Line>, MediaError> {
        Ok(self
            .engine
            .get(OcrEngine::load)?
            .read(picture)?
            .lines
            .into_iter()
            .map(|line: OcrLine| Line {
                bbox: scale.map(|scale| line.bbox.map(|v| v / scale)),
                text: line.text,
                confidence: line.confidence,
            })
            .collect())
    }
}

impl Reader for Vision {
    fn read_image(&self, bytes: &[u8]) -> Result<ReadPage, MediaError> {
        let picture = decode_image(bytes, ImageLimits::default())?;
        let (width, height) = picture.dimensions();
        Ok(ReadPage {
            number: 1,
            size: Some([width as f32, height as f32]),
            text_layer: None,
            lines: self.ocr(&picture, Some(1.0))?,
        })
    }

    fn read_document(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<ReadPage>, MediaError> {
        let mut read = Vec::new();
        self.worker.read(bytes, password, &mut |page| {
            let mut out = ReadPage {
                number: page.number,
                size: page.size,
                text_layer: None,
                lines: Vec::new(),
            };
            if page.has_text() {
                out.text_layer = Some(page.text);
            } else if let Some((drawn, scale)) = &page.drawn {
                out.lines = self.ocr(drawn, Some(*scale))?;
            } else {
                // Where an extracted picture sits on its page is not known, so its
                // lines have no box.
                for picture in &page.pictures {
                    out.lines.extend(self.ocr(picture, None)?);
                }
            }
            read.push(out);
            progress(read.len(), page.of as usize);
            Ok(())
        })?;
        Ok(read)
    }

    fn draw_page(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        page: u32,
        width: u32,
    ) -> Result<RgbImage, MediaError> {
        self.worker.draw(bytes, password, page, width)
    }
}
