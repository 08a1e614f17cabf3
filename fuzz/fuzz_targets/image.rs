//! Any bytes through Satchel's image decoding (PNG, JPEG, WebP, with its limits and EXIF
//! orientation): a picture or a clear error, never a crash. Crashes are kept in
//! `fuzz/artifacts/image/` and replayed by `crates/media/tests/fuzz_fixtures.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use satchel_media::image_in::{ImageLimits, decode_image};

fuzz_target!(|data: &[u8]| {
    let limits = ImageLimits {
        max_bytes: 4 * 1024 * 1024,
        max_side: 4_000,
        max_pixels: 4_000_000,
        max_alloc: 64 * 1024 * 1024,
    };
    let _ = decode_image(data, limits);
});
