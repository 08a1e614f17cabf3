//! PDF pages drawn as pictures with hayro: shown beside their text in the window, and
//! read by the OCR when a page has no text layer — whatever codec its scan uses
//! (JBIG2, CCITT, JPEG 2000, which the picture extraction in `pdf` cannot decode), and
//! with every line the OCR finds placed on the page.
//!
//! Like lopdf, hayro reads hostile files; callers run it in the PDF worker.

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};
use image::RgbImage;

use crate::MediaError;

/// Pixels per point that the OCR reads a drawn page at: at least 200 dots per inch
/// (enough for 8 pt print), more for a denser scan, up to 300.
const OCR_SCALE: (f32, f32) = (200.0 / 72.0, 300.0 / 72.0);
/// A drawn page's pixels at most (A4 at 300 dpi is 8.7 million).
const MAX_PIXELS: f32 = 16_000_000.0;
/// The PDF standard's largest page side, in points (200 inches).
const MAX_SIDE: f32 = 14_400.0;

/// A document opened for drawing.
pub struct Drawing {
    pdf: Pdf,
}

/// A page's size as shown (rotation applied), in points (1/72 inch).
pub type PageSize = [f32; 2];

impl Drawing {
    pub fn open(bytes: &[u8], password: Option<&str>) -> Result<Self, MediaError> {
        let pdf =
            Pdf::new_with_password(bytes.to_vec(), password.unwrap_or("")).map_err(|error| {
                match error {
                    LoadPdfError::Decryption(DecryptionError::PasswordProtected) => {
                        MediaError::PasswordRequired {
                            wrong: password.is_some(),
                        }
                    }
                    LoadPdfError::Decryption(other) => MediaError::UnsupportedDocument(format!(
                        "its encryption cannot be read ({other:?})"
                    )),
                    LoadPdfError::Invalid => {
                        MediaError::CorruptDocument("its pages cannot be drawn".into())
                    }
                }
            })?;
        Ok(Self { pdf })
    }

    pub fn page_count(&self) -> usize {
        self.pdf.pages().len()
    }

    /// The size of page `number` (counted from 1), when it is a size a page can have.
    pub fn page_size(&self, number: u32) -> Option<PageSize> {
        let page = self.pdf.pages().get(index(number)?)?;
        let (width, height) = page.render_dimensions();
        let sane = |side: f32| side.is_finite() && (1.0..=MAX_SIDE).contains(&side);
        (sane(width) && sane(height)).then_some([width, height])
    }

    /// Page `number` drawn `width` pixels wide (height in proportion), on white.
    pub fn draw_width(&self, number: u32, width: u32) -> Result<RgbImage, MediaError> {
        let [page_width, _] = self.size_or_error(number)?;
        self.draw(number, width as f32 / page_width)
    }

    /// Page `number` drawn for the OCR: at the resolution of its widest picture
    /// (`picture_width` pixels, taken to span the page) within 200–300 dpi. Returns
    /// the picture and its pixels per point.
    pub fn draw_for_ocr(
        &self,
        number: u32,
        picture_width: Option<u32>,
    ) -> Result<(RgbImage, f32), MediaError> {
        let [page_width, _] = self.size_or_error(number)?;
        let (least, most) = OCR_SCALE;
        let scale = picture_width.map_or(least, |w| (w as f32 / page_width).clamp(least, most));
        let picture = self.draw(number, scale)?;
        // The page may have been drawn smaller than asked, to stay within MAX_PIXELS.
        let drawn_scale = picture.width() as f32 / page_width;
        Ok((picture, drawn_scale))
    }

    fn size_or_error(&self, number: u32) -> Result<PageSize, MediaError> {
        self.page_size(number).ok_or_else(|| {
            MediaError::CorruptDocument(format!("page {number} has no size a page can have"))
        })
    }

    fn draw(&self, number: u32, scale: f32) -> Result<RgbImage, MediaError> {
        let [width, height] = self.size_or_error(number)?;
        let page = index(number)
            .and_then(|i| self.pdf.pages().get(i))
            .ok_or_else(|| MediaError::CorruptDocument(format!("there is no page {number}")))?;
        // Within the pixel budget and vello's 16-bit sides.
        let scale = scale
            .min((MAX_PIXELS / (width * height)).sqrt())
            .min(f32::from(u16::MAX) / width.max(height));
        if !(scale.is_finite() && scale > 0.0) || width * scale < 1.0 || height * scale < 1.0 {
            return Err(MediaError::CorruptDocument(format!(
                "page {number} is too small to draw"
            )));
        }
        let pixmap = hayro::render(
            page,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings {
                x_scale: scale,
                y_scale: scale,
                bg_color: WHITE,
            },
        );
        let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        // Drawn on opaque white, so the premultiplied pixels are the plain ones.
        let rgb: Vec<u8> = pixmap
            .data_as_u8_slice()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        RgbImage::from_raw(w, h, rgb)
            .ok_or_else(|| MediaError::CorruptDocument(format!("page {number} could not be drawn")))
    }
}

fn index(number: u32) -> Option<usize> {
    usize::try_from(number.checked_sub(1)?).ok()
}
