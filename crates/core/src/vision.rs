//! Text from pictures and documents as the core sees it: a small trait it owns,
//! implemented by `satchel-engines` (PP-OCRv4 on ONNX Runtime for pictures, lopdf and
//! hayro in a worker process for PDFs, their scanned pages drawn and read by the OCR)
//! and by fakes in tests.

use satchel_media::MediaError;
use satchel_media::image_in::RgbImage;
pub use satchel_media::pdf_worker::PdfWorker;

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
