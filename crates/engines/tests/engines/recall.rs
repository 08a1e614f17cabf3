//! Retrieval quality with the real model: a small library of school passages, and
//! questions worded the way a learner would ask them — not copies of the passages'
//! words. Each question's passage must be among the first five hits (recall@5 ≥ 0.9),
//! and Ask must pick the sentence that answers it. Needs the embedding model `cargo
//! xtask models` builds (`cargo xtask test` provides it).

use satchel_core::models::model_dirs;
use satchel_core::search::refresh;
use satchel_engines::Meaning;
use satchel_test_kit::TempSatchel;

use crate::recall_set::{PASSAGES, QUESTIONS};

/// The share of questions whose passage is among the first five hits, at least.
const RECALL_AT_5: f64 = 0.9;
/// The share of questions where Ask marks the sentence that answers, at least. The
/// misses are near neighbours in meaning ("divides into two" against "copied"), which
/// a sentence-level model this small does not always tell apart.
const SENTENCE_ACCURACY: f64 = 0.75;

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn questions_in_other_words_find_their_passages() {
    assert!(PASSAGES.len() >= 30 && QUESTIONS.len() >= 20);
    let satchel = TempSatchel::new().unwrap();
    let profile = satchel.profile("Recall").unwrap();
    let mut ids = std::collections::HashMap::new();
    for (title, body) in PASSAGES {
        ids.insert(profile.add_note(title, body).unwrap().id, *title);
    }
    let meaning = Meaning::new(model_dirs(None));
    let report = refresh(&profile, &meaning, &mut |_, _| {}).unwrap();
    assert_eq!(report.owners, PASSAGES.len());

    let (mut found, mut marked, mut misses) = (0, 0, Vec::new());
    for (question, title, answer) in QUESTIONS {
        let hits = profile.search(question, 5, &meaning).unwrap();
        let titles: Vec<&str> = hits.iter().map(|h| ids[&h.source_id]).collect();
        if titles.contains(title) {
            found += 1;
        } else {
            misses.push(format!("{question:?} → {titles:?}, not {title:?}"));
        }
        let answers = profile.ask(question, 3, &meaning).unwrap();
        let best = answers.iter().find(|a| ids[&a.hit.source_id] == *title);
        match best {
            Some(a) if a.hit.text[a.sentence[0]..a.sentence[1]].contains(answer) => marked += 1,
            other => misses.push(format!(
                "{question:?}: Ask marked {:?}",
                other.map(|a| &a.hit.text[a.sentence[0]..a.sentence[1]])
            )),
        }
    }
    let recall = found as f64 / QUESTIONS.len() as f64;
    let accuracy = marked as f64 / QUESTIONS.len() as f64;
    println!(
        "recall@5 {recall:.3} (threshold {RECALL_AT_5}) over {} questions and {} passages",
        QUESTIONS.len(),
        PASSAGES.len()
    );
    println!("answering sentence marked {accuracy:.3} (threshold {SENTENCE_ACCURACY})");
    for miss in &misses {
        println!("  missed: {miss}");
    }
    assert!(
        recall >= RECALL_AT_5,
        "recall@5 {recall:.3} < {RECALL_AT_5}"
    );
    assert!(
        accuracy >= SENTENCE_ACCURACY,
        "sentence accuracy {accuracy:.3} < {SENTENCE_ACCURACY}"
    );
}
