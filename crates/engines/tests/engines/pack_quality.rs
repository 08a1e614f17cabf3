//! Study packs against what a teacher would test: every passage of the pack set
//! (`tests/pack-set/passages.toml`, textbook passages written by hand with the key facts
//! a teacher would ask for) typed in as a note and made into a pack by the app's jobs
//! on the real embedding model, then scored by `satchel_test_kit::packs` — recall of
//! the key facts, precision of the cards, grounding in the passage as written. Needs
//! the embedding model (`cargo xtask test` provides it); `cargo xtask bench pack`
//! prints the same figures with each writer's share.

use std::sync::Arc;

use satchel_core::models::model_dirs;
use satchel_core::vision::PdfWorker;
use satchel_core::work::{Models, kinds};
use satchel_engines::{Meaning, Vision, Whisper};
use satchel_test_kit::TempSatchel;
use satchel_test_kit::pack_runs::score_passages;
use satchel_test_kit::packs::PackSet;

/// Key facts of the English passages some card asks for, at least (measured 57.5 %;
/// the extractive writers before issue 24 asked for 13.5 %).
const RECALL: f64 = 0.52;
/// Cards worth studying, at least (measured 97.8 %; 75.8 % before).
const PRECISION: f64 = 0.95;
/// Cards whose words stand in the passage, answer among them: all.
const GROUNDED: f64 = 1.0;
/// The Spanish, French and Portuguese passages' recall, at least (measured 51.2 %;
/// 17.1 % before): fewer of the writers' rules know their grammar.
const OTHER_RECALL: f64 = 0.45;
/// Their precision, at least (measured 96.4 %).
const OTHER_PRECISION: f64 = 0.92;

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn packs_ask_for_what_a_teacher_would_test() {
    let set = PackSet::load().unwrap();
    let dirs = model_dirs(None);
    let kinds = kinds(Models {
        transcriber: Arc::new(Whisper::new(dirs.clone())),
        reader: Arc::new(Vision::new(
            dirs.clone(),
            PdfWorker::this_program().unwrap(),
        )),
        meaning: Arc::new(Meaning::new(dirs)),
    });
    let satchel = TempSatchel::new().unwrap();
    for english in [true, false] {
        let passages = set.english(english);
        let scores = score_passages(
            &satchel,
            &kinds,
            &passages,
            &mut |passage, score, cards, _| {
                println!(
                    "{:<28} facts {}/{} cards {} precise {} grounded {}; missed {:?}",
                    passage.id,
                    score.recalled,
                    score.facts,
                    score.cards,
                    score.precise,
                    score.grounded,
                    score.missed
                );
                for (card, why) in &score.imprecise {
                    println!("    imprecise ({why}): {card}");
                }
                if std::env::var_os("SATCHEL_SHOW_CARDS").is_some() {
                    for card in cards {
                        println!("    {}: {} → {}", card.generator, card.front, card.back);
                    }
                }
            },
        )
        .unwrap();
        let label = if english {
            "English"
        } else {
            "other languages"
        };
        println!("{label}, {} passages:\n{}", passages.len(), scores.table());
        let all = &scores.all;
        assert!(
            all.grounding() >= GROUNDED,
            "{label}: grounding {:.3} below {GROUNDED}",
            all.grounding()
        );
        let recall_floor = if english { RECALL } else { OTHER_RECALL };
        assert!(
            all.recall() >= recall_floor,
            "{label}: key-fact recall {:.3} below {recall_floor}",
            all.recall()
        );
        let precision_floor = if english { PRECISION } else { OTHER_PRECISION };
        assert!(
            all.precision() >= precision_floor,
            "{label}: precision {:.3} below {precision_floor}",
            all.precision()
        );
    }
}
