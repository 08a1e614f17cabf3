//! PDF documents in: the text layer of each page, in page order with page numbers, and
//! for pages without one (scans) the pictures on them, for the OCR to read. Parsing runs
//! under limits (file size, pages, decompressed bytes per page); a password-protected
//! PDF asks for its password.
//!
//! lopdf can still be driven into deep recursion by a hostile file, which no limit here
//! can stop, so callers run this in a worker process of its own (see `satchel-core`).

use image::RgbImage;
use lopdf::{Document, LoadOptions};

use crate::MediaError;
use crate::image_in::{ImageLimits, decode_image};

#[derive(Debug, Clone, Copy)]
pub struct PdfLimits {
    pub max_bytes: u64,
    pub max_pages: usize,
    /// Decompressed content of one page (or one picture) at most.
    pub max_decompressed: usize,
}

impl Default for PdfLimits {
    fn default() -> Self {
        Self {
            max_bytes: 256 * 1024 * 1024,
            max_pages: 2_000,
            max_decompressed: 64 * 1024 * 1024,
        }
    }
}

/// One page: its text layer, or — when it has none — the pictures on it.
#[derive(Debug, Clone)]
pub struct PdfPage {
    /// Counted from 1, as readers number pages.
    pub number: u32,
    pub text: String,
    pub pictures: Vec<RgbImage>,
    /// Pictures on a page without text that could not be decoded (an unusual codec).
    pub unreadable_pictures: usize,
}

impl PdfPage {
    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

pub fn read_pdf(
    bytes: &[u8],
    password: Option<&str>,
    limits: PdfLimits,
) -> Result<Vec<PdfPage>, MediaError> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(MediaError::TooLarge {
            max_mb: limits.max_bytes / (1024 * 1024),
        });
    }
    if !bytes.starts_with(b"%PDF-") && !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(MediaError::UnsupportedDocument(
            "this file is not a PDF".into(),
        ));
    }
    let mut options = password.map_or_else(LoadOptions::default, LoadOptions::with_password);
    options.max_decompressed_size = Some(limits.max_decompressed);
    let document =
        Document::load_mem_with_options(bytes, options).map_err(|e| classify(e, password))?;
    if document.is_encrypted() {
        return Err(password_error(password));
    }
    let pages = document.get_pages();
    if pages.len() > limits.max_pages {
        return Err(MediaError::UnsupportedDocument(format!(
            "the document has {} pages; Satchel reads up to {} at once",
            pages.len(),
            limits.max_pages
        )));
    }
    let mut out = Vec::with_capacity(pages.len());
    for (&number, &page_id) in &pages {
        let text = document
            .extract_text_with_limit(&[number], limits.max_decompressed)
            .unwrap_or_default();
        let mut page = PdfPage {
            number,
            text: tidy(&text),
            pictures: Vec::new(),
            unreadable_pictures: 0,
        };
        if !page.has_text() {
            for picture in document.get_page_images(page_id).unwrap_or_default() {
                match decode_picture(&picture, limits) {
                    Some(image) => page.pictures.push(image),
                    None => page.unreadable_pictures += 1,
                }
            }
        }
        out.push(page);
    }
    Ok(out)
}

/// Lines trimmed, runs of blank lines made one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line.trim_start());
        out.push('\n');
    }
    out.trim_end().to_owned()
}

fn password_error(password: Option<&str>) -> MediaError {
    MediaError::PasswordRequired {
        wrong: password.is_some(),
    }
}

fn classify(error: lopdf::Error, password: Option<&str>) -> MediaError {
    match error {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => password_error(password),
        lopdf::Error::Unimplemented(what) => {
            MediaError::UnsupportedDocument(format!("uses {what}, which Satchel cannot read"))
        }
        other => MediaError::CorruptDocument(other.to_string()),
    }
}

/// A picture as pixels: JPEG (DCTDecode) as it is, 8-bit RGB or grey raw samples
/// after their compression is undone.
fn decode_picture(picture: &lopdf::xobject::PdfImage<'_>, limits: PdfLimits) -> Option<RgbImage> {
    let filters = picture.filters.clone().unwrap_or_default();
    if filters.iter().any(|f| f == "DCTDecode") {
        return decode_image(picture.content, ImageLimits::default()).ok();
    }
    let (width, height) = (
        u32::try_from(picture.width).ok()?,
        u32::try_from(picture.height).ok()?,
    );
    if picture.bits_per_component != Some(8)
        || u64::from(width) * u64::from(height) > ImageLimits::default().max_pixels
    {
        return None;
    }
    let stream = lopdf::Stream::new(picture.origin_dict.clone(), picture.content.to_vec());
    let samples = if filters.is_empty() {
        picture.content.to_vec()
    } else {
        stream
            .decompressed_content_with_limit(limits.max_decompressed)
            .ok()?
    };
    let pixels = (width * height) as usize;
    match picture.color_space.as_deref() {
        Some("DeviceRGB") if samples.len() >= pixels * 3 => {
            RgbImage::from_raw(width, height, samples[..pixels * 3].to_vec())
        }
        Some("DeviceGray") if samples.len() >= pixels => RgbImage::from_raw(
            width,
            height,
            samples[..pixels].iter().flat_map(|&g| [g, g, g]).collect(),
        ),
        _ => None,
    }
}
