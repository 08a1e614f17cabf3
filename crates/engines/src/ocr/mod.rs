//! Reading text in images with PP-OCR on ONNX Runtime (a PP-OCRv4 detector, the multilingual PP-OCRv6 small recogniser): detection (a probability map
//! turned into rotated line boxes by DB post-processing), the direction classifier
//! (upside-down lines turned round), recognition (CTC over the dictionary the model
//! carries; Devanagari and Arabic lines by Tesseract, [`tesseract`]), and the lines
//! put in reading order, columns included.
//!

mod det;
pub mod geometry;
mod order;
mod rec;
pub mod tesseract;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use image::RgbImage;
use ort::session::Session;

use crate::MediaError;
pub use crate::onnx::RUNTIME_LIBRARY;
use crate::onnx::{load_session, runtime};
pub use geometry::Quad;
use tesseract::Tesseract;

pub const DET_MODEL: &str = satchel_core::models::OCR_DETECT;
pub const REC_MODEL: &str = satchel_core::models::OCR_RECOGNISE;
pub const CLS_MODEL: &str = satchel_core::models::OCR_DIRECTION;

/// Lines recognised with less confidence than this are dropped (as rapidocr does).
const MIN_LINE_SCORE: f32 = 0.5;
/// A line PP-OCR reads with less confidence than this may be in a script it has no
/// letters for, and is given to Tesseract too. PP-OCR reads a clean printed Latin
/// line above it, and a Devanagari or Arabic one well below.
const OTHER_SCRIPT_BELOW: f32 = 0.9;
/// Tesseract's reading of a line in its script wins over PP-OCR's when it is surer,
/// or at least this sure: PP-OCR reads a piece of an Arabic line as Latin letters with
/// up to 0.7, and Tesseract reads a Latin line in Arabic letters with under 0.5.
const TESSERACT_SURE: f32 = 0.6;

/// One line of text found in an image.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrLine {
    pub text: String,
    /// Where it is, in the image's pixels: its rotated box, and the upright box
    /// around that (x, y, width, height).
    pub quad: Quad,
    pub bbox: [f32; 4],
    /// The recogniser's mean confidence over the line's characters, 0 to 1.
    pub confidence: f32,
}

/// What a read gives: the lines in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OcrPage {
    pub width: u32,
    pub height: u32,
    pub lines: Vec<OcrLine>,
}

impl OcrPage {
    /// The page's text: lines in reading order, a blank line between blocks.
    pub fn text(&self) -> String {
        self.lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The three PP-OCR models, loaded. Each session is used by one read at a time.
pub struct OcrEngine {
    det: Mutex<Session>,
    cls: Mutex<Session>,
    rec: Mutex<Session>,
    /// Index 0 is CTC's blank; then the model's dictionary; then a space.
    characters: Vec<String>,
    models_dir: PathBuf,
    /// Devanagari and Arabic lines; without it (no libtesseract) they are not read.
    other_scripts: Result<Tesseract, MediaError>,
}

impl OcrEngine {
    /// Loads the models from `models_dir` and ONNX Runtime from `library`, with
    /// `threads` threads for each run.
    pub fn load(library: &Path, models_dir: &Path, threads: usize) -> Result<Self, MediaError> {
        let environment = runtime(library)?;
        let session = |file: &str| load_session(environment, &models_dir.join(file), threads);
        let det = session(DET_MODEL)?;
        let cls = session(CLS_MODEL)?;
        let rec = session(REC_MODEL)?;
        let dictionary = rec
            .metadata()
            .ok()
            .and_then(|m| m.custom("character"))
            .ok_or_else(|| MediaError::ModelInvalid {
                path: models_dir.join(REC_MODEL),
                detail: "its metadata holds no character dictionary".into(),
            })?;
        let mut characters = vec![String::new()];
        characters.extend(dictionary.lines().map(str::to_owned));
        characters.push(" ".to_owned());
        let dirs = [models_dir.to_owned()];
        let other_scripts = Tesseract::load(
            &satchel_core::models::tesseract_library(&dirs),
            &satchel_core::models::tessdata_dirs(&dirs),
        );
        Ok(Self {
            det: Mutex::new(det),
            cls: Mutex::new(cls),
            rec: Mutex::new(rec),
            characters,
            models_dir: models_dir.to_owned(),
            other_scripts,
        })
    }

    pub fn models_dir(&self) -> &Path {
        &self.models_dir
    }

    /// Tesseract, which reads Devanagari and Arabic lines, or why it is not there.
    pub fn other_scripts(&self) -> Result<&Tesseract, &MediaError> {
        self.other_scripts.as_ref()
    }

    /// Reads every line of text in `image`.
    pub fn read(&self, image: &RgbImage) -> Result<OcrPage, MediaError> {
        let (width, height) = image.dimensions();
        let mut page = OcrPage {
            width,
            height,
            lines: Vec::new(),
        };
        if width < 4 || height < 4 {
            return Ok(page);
        }
        let quads = det::detect(&mut lock(&self.det), image)?;
        if quads.is_empty() {
            return Ok(page);
        }
        let mut crops: Vec<RgbImage> = quads.iter().map(|q| geometry::crop(image, q)).collect();
        rec::turn_upside_down_lines(&mut lock(&self.cls), &mut crops)?;
        let read = rec::recognise(&mut lock(&self.rec), &crops, &self.characters)?;
        let lines: Vec<OcrLine> = quads
            .into_iter()
            .zip(&crops)
            .zip(read)
            .map(|((quad, crop), (text, score))| {
                let other = match &self.other_scripts {
                    Ok(tesseract) if score < OTHER_SCRIPT_BELOW => tesseract.read_line(crop),
                    _ => None,
                };
                let (text, confidence) = match other {
                    Some(line) if line.confidence > score.min(TESSERACT_SURE) => {
                        (line.text, line.confidence)
                    }
                    _ => (text, score),
                };
                (quad, text, confidence)
            })
            .filter(|(_, text, score)| *score >= MIN_LINE_SCORE && !text.trim().is_empty())
            .map(|(quad, text, confidence)| OcrLine {
                text: text.trim().to_owned(),
                bbox: quad.bounds(),
                quad,
                confidence,
            })
            .collect();
        page.lines = order::reading_order(lines);
        Ok(page)
    }
}

impl std::fmt::Debug for OcrEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OcrEngine")
            .field("models_dir", &self.models_dir)
            .field("characters", &self.characters.len())
            .finish_non_exhaustive()
    }
}

fn lock(session: &Mutex<Session>) -> std::sync::MutexGuard<'_, Session> {
    session.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A model run's failure, as the learner's error.
fn failed(what: &str) -> impl Fn(ort::Error) -> MediaError + '_ {
    move |e| MediaError::Ocr(format!("{what}: {e}"))
}

/// The normalisation every PP-OCR model expects: BGR planes, (x/255 − 0.5)/0.5.
fn push_normalised(image: &RgbImage, out: &mut [f32], width: usize, height: usize) {
    let plane = width * height;
    for (x, y, pixel) in image.enumerate_pixels() {
        let (x, y) = (x as usize, y as usize);
        if x >= width || y >= height {
            continue;
        }
        let at = y * width + x;
        for (channel, value) in [pixel.0[2], pixel.0[1], pixel.0[0]].into_iter().enumerate() {
            out[channel * plane + at] = f32::from(value) / 127.5 - 1.0;
        }
    }
}
