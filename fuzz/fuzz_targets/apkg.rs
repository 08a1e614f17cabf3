//! Any bytes as an Anki deck (`.apkg`, a zip holding a SQLite collection, older or
//! newer format): brought into a learner's library as `satchel import-anki` does. A
//! deck is a stranger's file: it must come in or be refused clearly, never crash, and
//! a refused one changes nothing. Crashers are kept in `fuzz/artifacts/apkg/` and
//! replayed by `crates/core/tests/fuzz_fixtures.rs`.

#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use satchel_core::{NoKeychain, Profile, Satchel};

/// One library for the whole run (made once: each input is a new file in it).
struct Library {
    _dir: tempfile::TempDir,
    _satchel: Satchel,
    profile: Profile,
}

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let satchel = Satchel::new(dir.path(), Arc::new(NoKeychain)).expect("a library");
        let profile = satchel
            .benchmark_profile("Fuzz", false)
            .expect("a profile");
        Library {
            _dir: dir,
            _satchel: satchel,
            profile,
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let library = library();
    let Ok(file) = tempfile::Builder::new().suffix(".apkg").tempfile() else {
        return;
    };
    if std::fs::write(file.path(), data).is_err() {
        return;
    }
    let _ = library
        .profile
        .import_anki(file.path(), 1_700_000_000_000, &mut |_, _| {});
});
