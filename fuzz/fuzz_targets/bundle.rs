//! Any bytes as a USB bundle (`.satchel`): read through under its limits and its sum
//! checked, then every document it holds merged into a replica as an import does.
//! A bundle is a stranger's file: it must be taken or refused whole, never crash.
//! Crashers are kept in `fuzz/artifacts/bundle/` and replayed by
//! `crates/sync/tests/fuzz_fixtures.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use satchel_sync::Replica;
use satchel_sync::bundle::{Limits, read_checked};

fuzz_target!(|data: &[u8]| {
    let_caught_panics_answer();
    // Small, so the fuzzer spends its time on parsing rather than on allocating.
    let limits = Limits {
        bundle: 16 << 20,
        docs: 16 << 20,
    };
    let Ok(checked) = read_checked(data, data.len() as u64, limits) else {
        return;
    };
    let mut replica = Replica::new(b"fuzz");
    for (id, saved) in checked.docs {
        let _ = replica.merge_saved(id, &saved);
    }
});

/// libFuzzer's panic hook aborts on every panic, even one Satchel catches (Automerge's
/// decoders panic on some damaged input, and `satchel-sync` turns that into an error).
/// A silent hook instead: a panic that escapes the target still aborts (libFuzzer's
/// wrapper sees it), and the caught ones cost no backtrace each.
fn let_caught_panics_answer() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
