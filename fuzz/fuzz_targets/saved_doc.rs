//! Any bytes as a saved shared document (what the store keeps and the server hands
//! out in chunks): loaded by a device and by the server, then read back as each kind
//! of document the schema knows. A damaged save must be an error, never a crash.
//! Crashers are kept in `fuzz/artifacts/saved_doc/` and replayed by
//! `crates/sync/tests/fuzz_fixtures.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use satchel_sync::{DocId, Hosted, Replica};

fuzz_target!(|data: &[u8]| {
    let_caught_panics_answer();
    let _ = Hosted::load(&[data.to_vec()]).map(|hosted| hosted.progress());
    let ids = [
        DocId::reviews_of_month(0),
        DocId::cards_of_deck("d1"),
        DocId::note("n1"),
        DocId::source("s1"),
        DocId::progress(),
        DocId::lesson("l1"),
        DocId::decks(),
    ];
    for id in ids {
        let mut replica = Replica::new(b"fuzz");
        if replica.load(id.clone(), data).is_ok() {
            let _ = replica.content(&id);
            let _ = replica.review_log();
            let _ = replica.cards();
            let _ = replica.notes();
            let _ = replica.sources();
            let _ = replica.decks();
            let _ = replica.progress();
        }
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
