//! Any bytes as a sync batch from another device or the server: decoded, and each
//! message taken in by a device's replica (as `sync_in` does after a round) and by the
//! server's stateless side (as a request does). They must be taken or refused with an
//! error, never crash. Crashers are kept in `fuzz/artifacts/sync_batch/` and replayed
//! by `crates/sync/tests/fuzz_fixtures.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use satchel_sync::{Batch, Hosted, PeerState, Replica};

fuzz_target!(|data: &[u8]| {
    let_caught_panics_answer();
    let Ok(batch) = Batch::decode(data) else {
        return;
    };
    for (_, message) in &batch.messages {
        if let Ok(mut hosted) = Hosted::load(&[]) {
            let mut state = PeerState::default();
            let _ = hosted.receive(&mut state, message);
        }
    }
    let mut replica = Replica::new(b"fuzz");
    let _ = replica.sync_in("server", batch);
});

/// libFuzzer's panic hook aborts on every panic, even one Satchel catches (Automerge's
/// decoders panic on some damaged input, and `satchel-sync` turns that into an error).
/// A silent hook instead: a panic that escapes the target still aborts (libFuzzer's
/// wrapper sees it), and the caught ones cost no backtrace each.
fn let_caught_panics_answer() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
