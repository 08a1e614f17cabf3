//! Every Anki deck the `apkg` fuzzer keeps (`fuzz/artifacts/apkg/`), brought into a
//! library as `satchel import-anki` does: each comes in or is refused clearly, and a
//! refused one changes nothing. The seeds are decks written by Anki's own library
//! (`fuzz/seeds/anki_decks.py`, with the `anki` package from PyPI), in the older and
//! the newer package format: those must come in whole.

use std::path::{Path, PathBuf};

use satchel_test_kit::TempSatchel;

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/artifacts/apkg");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_kept_anki_deck_comes_in_or_is_refused_leaving_nothing() {
    let files = fixtures();
    let seeds: Vec<&PathBuf> = files
        .iter()
        .filter(|f| {
            f.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("seed-"))
        })
        .collect();
    assert_eq!(seeds.len(), 2, "the older and the newer format: {files:?}");
    for file in &files {
        let satchel = TempSatchel::new().unwrap();
        let profile = satchel.plain_profile("Ada").unwrap();
        let result = profile.import_anki(file, 1_765_000_000_000, &mut |_, _| {});
        println!("{}: {:?}", file.display(), result);
        let cards = profile.study_cards(None).unwrap();
        match result {
            Ok(imported) => {
                assert_eq!(imported.cards as usize, cards.len(), "{}", file.display());
            }
            Err(error) => {
                assert!(
                    cards.is_empty(),
                    "{}: a refused deck left cards",
                    file.display()
                );
                assert!(!seeds.contains(&file), "{}: {error}", file.display());
            }
        }
        if seeds.contains(&file) {
            // Anki wrote: "le chat" (Basic, with a picture), "le chien" (Basic and
            // reversed: two cards) and a cloze with two deletions.
            assert_eq!(cards.len(), 5, "{}: {cards:#?}", file.display());
            let fronts: Vec<&str> = cards.iter().map(|c| c.front.as_str()).collect();
            assert!(fronts.iter().any(|f| f.contains("le chat")), "{fronts:?}");
            assert!(fronts.iter().any(|f| f.contains("the dog")), "{fronts:?}");
            let clozes: Vec<&&str> = fronts.iter().filter(|f| f.contains("unit of")).collect();
            assert_eq!(clozes.len(), 2, "{fronts:?}");
            assert!(clozes.iter().all(|f| !f.contains("{{c")), "{fronts:?}");
            let with_picture = cards.iter().filter(|c| !c.media.is_empty()).count();
            assert_eq!(with_picture, 1, "{}", file.display());
        }
    }
    println!("{} Anki decks replayed", files.len());
}
