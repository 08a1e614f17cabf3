//! How good study packs are, against what a teacher would test (issue 24): every
//! passage of the pack set (`tests/pack-set/passages.toml`, textbook passages written
//! by hand with the key facts a teacher would ask for) made into a pack by the app's
//! jobs on the real embedding model, and scored by `satchel_test_kit::packs` — key-fact
//! recall, card precision and grounding in the passage as written — for all cards and
//! for each writer's cards alone, with the time each pack took.
//!
//! The anchor is the set's own key facts: recall is measured against them, not
//! against a program. Run with `cargo xtask bench pack`, which fetches the models and
//! passes SATCHEL_MODELS_DIR. `SATCHEL_SHOW_CARDS=1` prints every card.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use satchel_core::vision::PdfWorker;
use satchel_core::work::{Models, kinds};
use satchel_engines::{Meaning, Vision, Whisper};
use satchel_test_kit::pack_runs::score_passages;
use satchel_test_kit::packs::PackSet;
use satchel_test_kit::{TempSatchel, median};

fn main() {
    satchel_core::serve_worker_if_asked();
    let models_dir = PathBuf::from(
        std::env::var_os("SATCHEL_MODELS_DIR")
            .expect("SATCHEL_MODELS_DIR is not set: run `cargo xtask bench pack`"),
    );
    let dirs = vec![models_dir];
    let kinds = kinds(Models {
        transcriber: Arc::new(Whisper::new(dirs.clone())),
        reader: Arc::new(Vision::new(
            dirs.clone(),
            PdfWorker::this_program().expect("this program"),
        )),
        meaning: Arc::new(Meaning::new(dirs)),
    });
    let set = PackSet::load().expect("the pack set");
    let satchel = TempSatchel::new().expect("satchel");
    let show = std::env::var_os("SATCHEL_SHOW_CARDS").is_some();
    // Loads the embedding model once, so no pack's time is the model's loading.
    score_passages(&satchel, &kinds, &[&set.passages[0]], &mut |_, _, _, _| {})
        .expect("warm-up pack");
    for english in [true, false] {
        let passages = set.english(english);
        let mut times: Vec<Duration> = Vec::new();
        let scores = score_passages(
            &satchel,
            &kinds,
            &passages,
            &mut |passage, score, cards, made| {
                times.push(made);
                if show {
                    println!(
                        "{}: {}/{} facts, missed {:?}",
                        passage.id, score.recalled, score.facts, score.missed
                    );
                    for card in cards {
                        println!("    {}: {} → {}", card.generator, card.front, card.back);
                    }
                }
            },
        )
        .expect("packs");
        let words: usize = passages
            .iter()
            .map(|p| p.text.split_whitespace().count())
            .sum();
        println!();
        println!(
            "{} passages {}, {} key facts, {} words; a pack each on a profile of its own:",
            passages.len(),
            if english {
                "in English"
            } else {
                "in Spanish, French and Portuguese"
            },
            scores.all.facts,
            words
        );
        print!("{}", scores.table());
        println!(
            "time per pack (note typed in, indexed, concepts, cards, quiz, validated): median {:.2}s, slowest {:.2}s",
            median(times.iter().copied())
                .unwrap_or_default()
                .as_secs_f64(),
            times
                .iter()
                .max()
                .copied()
                .unwrap_or_default()
                .as_secs_f64()
        );
    }
    println!(
        "(recall: key facts some card asks the learner to produce, its front not giving it; precision: cards whose answer is a key fact or a content term of at most 4 words that is no piece of a key fact, on a well-formed question or one-blank cloze that does not give it away; grounded: cards whose source words stand in the passage as written with the answer among them; each writer's recall is over all the set's facts)"
    );
}
