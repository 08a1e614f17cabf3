//! Any bytes through Satchel's PDF reader and its page drawing, in process (as the
//! worker runs them): they must answer — pages or a clear error — and never crash.
//! Whatever crashes them is kept in `fuzz/artifacts/pdf/` and replayed by
//! `crates/media/tests/fuzz_fixtures.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use satchel_media::pdf::{PdfLimits, read_pdf};
use satchel_media::pdf_draw::Drawing;

fuzz_target!(|data: &[u8]| {
    let limits = PdfLimits {
        max_bytes: 4 * 1024 * 1024,
        max_pages: 200,
        max_decompressed: 16 * 1024 * 1024,
    };
    let _ = read_pdf(data, None, limits);
    // Small, so the fuzzer spends its time on parsing rather than on pixels.
    if let Ok(drawing) = Drawing::open(data, None) {
        let _ = drawing.draw_width(1, 64);
    }
});
