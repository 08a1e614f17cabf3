//! Photos and scans in: PNG, JPEG and WebP decoded by the `image` crate under explicit
//! limits (a header may claim any size; nothing is allocated before it is checked), the
//! camera's EXIF orientation applied, and a decoder panic reported as a damaged file.

use std::io::{BufRead, Cursor, Seek};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

pub use image::RgbImage;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};

use crate::MediaError;

/// What Satchel decodes at most: a 50-megapixel photo, in at most 512 MiB.
#[derive(Debug, Clone, Copy)]
pub struct ImageLimits {
    pub max_bytes: u64,
    pub max_side: u32,
    pub max_pixels: u64,
    pub max_alloc: u64,
}

impl Default for ImageLimits {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            max_side: 12_000,
            max_pixels: 50_000_000,
            max_alloc: 512 * 1024 * 1024,
        }
    }
}

/// The image types Satchel reads, by extension, with their media types.
pub const IMAGE_TYPES: &[(&str, &str)] = &[
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("webp", "image/webp"),
];

/// `picture` as a PNG, compressed for speed (it is drawn for the screen, and made
/// again when needed).
pub fn encode_png(picture: &RgbImage) -> Result<Vec<u8>, MediaError> {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let mut png = Vec::new();
    PngEncoder::new_with_quality(&mut png, CompressionType::Fast, FilterType::Adaptive)
        .write_image(
            picture.as_raw(),
            picture.width(),
            picture.height(),
            image::ExtendedColorType::Rgb8,
        )
        .map_err(|e| MediaError::Ocr(format!("encoding a picture: {e}")))?;
    Ok(png)
}

/// The media type of an image held in memory, by its first bytes.
pub fn guess_media_type(bytes: &[u8]) -> Option<&'static str> {
    match image::guess_format(bytes).ok()? {
        image::ImageFormat::Png => Some("image/png"),
        image::ImageFormat::Jpeg => Some("image/jpeg"),
        image::ImageFormat::WebP => Some("image/webp"),
        _ => None,
    }
}

pub fn open_image(path: &Path, limits: ImageLimits) -> Result<RgbImage, MediaError> {
    let size = std::fs::metadata(path)
        .map_err(|source| MediaError::Io {
            path: path.to_owned(),
            source,
        })?
        .len();
    if size > limits.max_bytes {
        return Err(MediaError::TooLarge {
            max_mb: limits.max_bytes / (1024 * 1024),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| MediaError::Io {
        path: path.to_owned(),
        source,
    })?;
    decode_image(&bytes, limits)
}

/// Decodes an image held in memory (a file's bytes, a pasted image, a PDF's picture).
pub fn decode_image(bytes: &[u8], limits: ImageLimits) -> Result<RgbImage, MediaError> {
    if bytes.is_empty() {
        return Err(MediaError::UnsupportedImage("the file is empty".into()));
    }
    if bytes.len() as u64 > limits.max_bytes {
        return Err(MediaError::TooLarge {
            max_mb: limits.max_bytes / (1024 * 1024),
        });
    }
    catch_unwind(AssertUnwindSafe(|| decode(Cursor::new(bytes), limits)))
        .map_err(|_| MediaError::CorruptImage("the decoder failed on this file".into()))?
}

fn decode(input: impl BufRead + Seek, limits: ImageLimits) -> Result<RgbImage, MediaError> {
    let reader = ImageReader::new(input)
        .with_guessed_format()
        .map_err(|e| MediaError::UnsupportedImage(e.to_string()))?;
    if reader.format().is_none() {
        return Err(MediaError::UnsupportedImage(
            "Satchel reads PNG, JPEG and WebP images".into(),
        ));
    }
    let mut decoder = reader.into_decoder().map_err(classify)?;
    let (width, height) = decoder.dimensions();
    if width == 0 || height == 0 {
        return Err(MediaError::CorruptImage("the image has no pixels".into()));
    }
    if width > limits.max_side
        || height > limits.max_side
        || u64::from(width) * u64::from(height) > limits.max_pixels
    {
        return Err(MediaError::ImageTooLarge(format!(
            "{width}×{height} pixels; Satchel reads images up to {} pixels a side and {} megapixels",
            limits.max_side,
            limits.max_pixels / 1_000_000
        )));
    }
    let mut decoder_limits = Limits::default();
    decoder_limits.max_image_width = Some(limits.max_side);
    decoder_limits.max_image_height = Some(limits.max_side);
    decoder_limits.max_alloc = Some(limits.max_alloc);
    decoder.set_limits(decoder_limits).map_err(classify)?;
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(classify)?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    Ok(image.to_rgb8())
}

fn classify(error: image::ImageError) -> MediaError {
    use image::ImageError as E;
    match error {
        E::Limits(e) => MediaError::ImageTooLarge(e.to_string()),
        E::Unsupported(e) => MediaError::UnsupportedImage(e.to_string()),
        E::Decoding(e) => MediaError::CorruptImage(e.to_string()),
        E::IoError(e) => MediaError::CorruptImage(e.to_string()),
        other => MediaError::CorruptImage(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = RgbImage::from_pixel(width, height, image::Rgb([200, 10, 10]));
        let mut bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap();
        bytes
    }

    #[test]
    fn a_png_decodes() {
        let image = decode_image(&png(30, 20), ImageLimits::default()).unwrap();
        assert_eq!(image.dimensions(), (30, 20));
    }

    #[test]
    fn a_header_claiming_a_giant_image_is_refused_before_allocating() {
        // A PNG whose IHDR says 100000×100000, with a valid CRC.
        let mut bytes = png(1, 1);
        bytes[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let crc = crc32(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
        let started = std::time::Instant::now();
        let error = decode_image(&bytes, ImageLimits::default()).unwrap_err();
        assert!(matches!(error, MediaError::ImageTooLarge(_)), "{error}");
        assert!(started.elapsed().as_secs() < 1);
    }

    #[test]
    fn random_bytes_and_truncated_files_are_clear_errors() {
        assert!(matches!(
            decode_image(b"not an image at all", ImageLimits::default()),
            Err(MediaError::UnsupportedImage(_))
        ));
        assert!(matches!(
            decode_image(b"", ImageLimits::default()),
            Err(MediaError::UnsupportedImage(_))
        ));
        let whole = png(64, 64);
        let error = decode_image(&whole[..whole.len() / 2], ImageLimits::default()).unwrap_err();
        assert!(matches!(error, MediaError::CorruptImage(_)), "{error}");
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &byte in bytes {
            crc ^= u32::from(byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
