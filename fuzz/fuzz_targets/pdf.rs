//! Any bytes through Satchel's PDF reader, in process (as the worker runs it): it must
//! answer — pages or a clear error — and never crash. Whatever crashes it is kept in
//! `fuzz/artifacts/pdf/` and replayed by `crates/media/tests/fuzz_fixtures.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use satchel_media::pdf::{PdfLimits, read_pdf};

fuzz_target!(|data: &[u8]| {
    let limits = PdfLimits {
        max_bytes: 4 * 1024 * 1024,
        max_pages: 200,
        max_decompressed: 16 * 1024 * 1024,
    };
    let _ = read_pdf(data, None, limits);
});
