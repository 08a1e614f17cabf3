//! PDF documents in: the text layer of each page, in page order with page numbers, and
//! for pages without one (scans) what the OCR should read — the page drawn whole (see
//! `pdf_draw`), or the pictures on it when it cannot be drawn. Parsing runs under
//! limits (file size, pages, decompressed bytes per page); a password-protected PDF
//! asks for its password.
//!
//! lopdf can still be driven into deep recursion by a hostile file, which no limit here
//! can stop, so callers run this in a worker process of its own (see `pdf_worker`).

use image::RgbImage;
use lopdf::{Document, LoadOptions};

use crate::MediaError;
use crate::image_in::{ImageLimits, decode_image};
use crate::pdf_draw::{Drawing, PageSize};

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

/// One page: its text layer, or — when it has none — the page drawn whole or the
/// pictures on it.
#[derive(Debug, Clone, Default)]
pub struct PdfPage {
    /// Counted from 1, as readers number pages.
    pub number: u32,
    /// How many pages the document has.
    pub of: u32,
    pub text: String,
    /// As shown (rotation applied), in points; known when the page could be drawn.
    pub size: Option<PageSize>,
    /// A page without text drawn whole, and its pixels per point: the OCR's lines on
    /// it divide by that to land on the page.
    pub drawn: Option<(RgbImage, f32)>,
    /// The pictures on a page without text, when it could not be drawn.
    pub pictures: Vec<RgbImage>,
    /// Pictures on a page without text that could not be decoded (an unusual codec).
    pub unreadable_pictures: usize,
}

/// What to do beyond the text layer.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Draw pages without text for the OCR (else their pictures are extracted).
    pub draw: bool,
    /// Pages before this one are skipped (counted from 1).
    pub from_page: u32,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            draw: true,
            from_page: 1,
        }
    }
}

impl PdfPage {
    pub fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }
}

/// Every page's text layer, and the pictures of pages without one (nothing drawn).
pub fn read_pdf(
    bytes: &[u8],
    password: Option<&str>,
    limits: PdfLimits,
) -> Result<Vec<PdfPage>, MediaError> {
    let mut pages = Vec::new();
    let options = ReadOptions {
        draw: false,
        from_page: 1,
    };
    read_pdf_pages(bytes, password, limits, options, &mut |event| {
        if let ReadEvent::Page(page) = event {
            pages.push(page);
        }
        Ok(())
    })?;
    Ok(pages)
}

/// What reading a document reports as it goes.
pub enum ReadEvent {
    /// Going into the drawing code for this page (0: to open the document). If the
    /// reader dies now, the drawing killed it, and reading without drawing may work.
    Drawing(u32),
    Page(PdfPage),
}

/// Reads the document page by page, handing each to `on_event` as it is read — so a
/// long scanned document never holds more than one drawn page.
pub fn read_pdf_pages(
    bytes: &[u8],
    password: Option<&str>,
    limits: PdfLimits,
    options: ReadOptions,
    on_event: &mut dyn FnMut(ReadEvent) -> Result<(), MediaError>,
) -> Result<(), MediaError> {
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
    let mut load = password.map_or_else(LoadOptions::default, LoadOptions::with_password);
    load.max_decompressed_size = Some(limits.max_decompressed);
    let document =
        Document::load_mem_with_options(bytes, load).map_err(|e| classify(e, password))?;
    if document.is_encrypted() {
        return Err(password_error(password));
    }
    let pages = document.get_pages();
    // A file whose page tree could not be followed (a damaged or hostile one, say)
    // has nothing to read: refused, never taken in as an empty document.
    if pages.is_empty() {
        return Err(MediaError::CorruptDocument(
            "Satchel found no pages in it".into(),
        ));
    }
    if pages.len() > limits.max_pages {
        return Err(MediaError::UnsupportedDocument(format!(
            "the document has {} pages; Satchel reads up to {} at once",
            pages.len(),
            limits.max_pages
        )));
    }
    // A document hayro cannot open still has its text read by lopdf; one that crashed
    // hayro before is read again without it.
    let mut drawing = None;
    if options.draw {
        on_event(ReadEvent::Drawing(0))?;
        drawing = Drawing::open(bytes, password)
            .ok()
            .filter(|d| d.page_count() == pages.len());
    }
    for (&number, &page_id) in pages.range(options.from_page..) {
        let text = document
            .extract_text_with_limit(&[number], limits.max_decompressed)
            .unwrap_or_default();
        let mut page = PdfPage {
            number,
            of: pages.len() as u32,
            text: tidy(&text),
            size: drawing.as_ref().and_then(|d| d.page_size(number)),
            ..PdfPage::default()
        };
        if !page.has_text() {
            let pictures = document.get_page_images(page_id).unwrap_or_default();
            let widest = pictures
                .iter()
                .filter_map(|p| u32::try_from(p.width).ok())
                .max();
            if let Some(drawing) = &drawing {
                on_event(ReadEvent::Drawing(number))?;
                page.drawn = drawing.draw_for_ocr(number, widest).ok();
            }
            if page.drawn.is_none() {
                for picture in &pictures {
                    match decode_picture(picture, limits) {
                        Some(image) => page.pictures.push(image),
                        None => page.unreadable_pictures += 1,
                    }
                }
            }
        }
        on_event(ReadEvent::Page(page))?;
    }
    Ok(())
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
