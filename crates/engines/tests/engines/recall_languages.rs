//! Retrieval in Satchel's other languages, with the real models: for each language, a
//! library holding its ten passages (`recall_languages_set.rs`) among the English
//! passages of every other topic. Three figures per language, each printed with its
//! threshold:
//! - **recall@1**: a question in the language finds its passage first (with ten
//!   passages in the language, five hits hold half of them: the first tells more);
//! - **recall@5**: among the first five;
//! - **cross-lingual recall@5**: the English set's question on the same topic (whose
//!   English passage is not in the library) finds the passage in the language.
//!
//! The English figure is `recall.rs`'s. The thresholds are floors under what Satchel
//! measures with multilingual-e5-small and the stemmed word index — a change that makes
//! any language worse fails here.

use std::collections::HashMap;

use satchel_core::models::model_dirs;
use satchel_core::search::refresh;
use satchel_engines::Meaning;
use satchel_test_kit::TempSatchel;

use crate::recall_languages_set::LANGUAGE_SETS;
use crate::recall_set::{PASSAGES, QUESTIONS};

/// (language, recall@1, recall@5 and cross-lingual recall@5 at least): a tenth under
/// what e5, with vectors centred on their language, and the stemmed word index
/// measure — recall@1 es 0.8, fr 0.9, pt 0.9, sw 0.8, hi 1.0, ar 0.8; recall@5 1.0
/// but fr and sw 0.9; cross-lingual es, fr and pt 1.0, sw 0.8, hi 0.8, ar 0.9.
/// (Uncentred, e5 measured cross-lingual 1.0, 0.8, 0.9, 0.7, 0.8, 0.6: it ranked
/// English passages on other subjects above the one in the language. all-MiniLM-L6-v2,
/// the English model before it, measured recall@5 1.0, 1.0, 1.0, 0.8, 1.0, 0.7 and
/// cross-lingual 0.9, 0.9, 0.9, 0.9, 0.7, 0.8.)
const FLOORS: [(&str, f64, f64, f64); 6] = [
    ("es", 0.7, 0.9, 0.9),
    ("fr", 0.8, 0.8, 0.9),
    ("pt", 0.8, 0.9, 0.9),
    ("sw", 0.7, 0.8, 0.7),
    ("hi", 0.9, 0.9, 0.7),
    ("ar", 0.7, 0.9, 0.8),
];

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn questions_in_each_language_find_their_passages() {
    let meaning = Meaning::new(model_dirs(None));
    let mut failures = Vec::new();
    for (language, set) in LANGUAGE_SETS {
        let satchel = TempSatchel::new().unwrap();
        let profile = satchel.profile(language).unwrap();
        // Note id → (topic, whether it is the language's own passage).
        let mut topics: HashMap<String, (&str, bool)> = HashMap::new();
        for (topic, passage, _) in *set {
            let id = profile.add_note(topic, passage).unwrap().id;
            topics.insert(id, (topic, true));
        }
        for (title, body) in PASSAGES {
            if set.iter().all(|(topic, _, _)| topic != title) {
                let id = profile.add_note(title, body).unwrap().id;
                topics.insert(id, (title, false));
            }
        }
        refresh(&profile, &meaning, &mut |_, _| {}).unwrap();

        // Whether the passage is among the first five, and first; the five named.
        let found_in_top_5 = |question: &str, topic: &str| -> (bool, bool, Vec<String>) {
            let hits = profile.search(question, 5, &meaning).unwrap();
            let named: Vec<String> = hits
                .iter()
                .map(|h| {
                    let (t, own) = topics[&h.source_id];
                    if own {
                        format!("{t} ({language})")
                    } else {
                        t.to_owned()
                    }
                })
                .collect();
            let is_it = |h: &satchel_core::types::SearchHit| topics[&h.source_id] == (topic, true);
            let first = hits.first().is_some_and(is_it);
            (hits.iter().any(is_it), first, named)
        };
        let (mut same, mut same_first, mut cross, mut cross_first, mut asked_across) =
            (0, 0, 0, 0, 0);
        for (topic, _, question) in *set {
            let (found, first, named) = found_in_top_5(question, topic);
            same += usize::from(found);
            same_first += usize::from(first);
            if !first {
                println!("  {language}: {question:?} → {named:?}");
            }
            if let Some((english, _, _)) = QUESTIONS.iter().find(|(_, t, _)| t == topic) {
                asked_across += 1;
                let (found, first, named) = found_in_top_5(english, topic);
                cross += usize::from(found);
                cross_first += usize::from(first);
                if !first {
                    println!("  {language}, asked in English: {english:?} → {named:?}");
                }
            }
        }
        let recall = same as f64 / set.len() as f64;
        let first = same_first as f64 / set.len() as f64;
        let across = cross as f64 / asked_across.max(1) as f64;
        let (_, min_first, min_recall, min_across) = FLOORS
            .iter()
            .find(|(l, _, _, _)| l == language)
            .copied()
            .unwrap_or((language, 1.0, 1.0, 1.0));
        println!(
            "{language}: recall@1 {first:.2} (threshold {min_first:.2}), cross-lingual recall@1 {:.2}",
            cross_first as f64 / asked_across.max(1) as f64
        );
        println!(
            "{language}: recall@5 {recall:.2} (threshold {min_recall:.2}), cross-lingual recall@5 {across:.2} (threshold {min_across:.2}) over {} questions among {} passages",
            set.len(),
            topics.len()
        );
        if first < min_first || recall < min_recall || across < min_across {
            failures.push(*language);
        }
    }
    assert!(failures.is_empty(), "under the threshold: {failures:?}");
}
