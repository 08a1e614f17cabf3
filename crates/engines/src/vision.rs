//! The OCR and the PDF reader as the core's [`Reader`].

use std::path::PathBuf;

use satchel_core::vision::{Line, ReadPage, Reader};
use satchel_media::MediaError;
use satchel_media::image_in::{ImageLimits, RgbImage, decode_image};
use satchel_media::pdf_worker::PdfWorker;

use crate::ocr::{DET_MODEL, OcrEngine, OcrLine};
use crate::onnx_model::OnnxModel;

/// The OCR and the PDF reader, the models loaded on first use.
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
