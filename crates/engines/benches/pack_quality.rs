//! How good study packs are, against what a teacher would test (issue 24): every
//! passage of the pack set (`tests/pack-set/passages.toml`, textbook passages written
//! by hand with the key facts a teacher would ask for) made into a pack by the app's
//! jobs on the real embedding model, and scored by `satchel_test_kit::packs` — key-fact
//! recall, card precision and grounding in the passage as written — for all cards and
//! for each writer's cards alone, with the time each pack took.
//!
//! The anchor is the set's own key facts: recall is measured against them, not
//! against a program. Beside the extractive writers, the on-device writers: what each
//! small model picked from every passage (`bench/llm`, run by `cargo xtask bench
//! pack`, which passes its JSON files in SATCHEL_WRITER_TERMS), each term made a cloze
//! of the first sentence saying it and scored the same way — alone, and taking turns
//! with the extractive cards at the extractive writers' count of cards.
//!
//! Run with `cargo xtask bench pack`, which fetches the models and passes
//! SATCHEL_MODELS_DIR. `SATCHEL_SHOW_CARDS=1` prints every card.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use satchel_core::vision::PdfWorker;
use satchel_core::work::{Models, kinds};
use satchel_engines::{Meaning, Vision, Whisper};
use satchel_test_kit::pack_runs::score_passages;
use satchel_test_kit::packs::{Card, PackSet, Passage, SetScore, cloze_of, row};
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
    let writers: Vec<serde_json::Value> = std::env::var_os("SATCHEL_WRITER_TERMS")
        .map(|paths| {
            std::env::split_paths(&paths)
                .filter(|p| !p.as_os_str().is_empty())
                .map(|p| {
                    let text = std::fs::read(&p).expect("a writer's terms");
                    serde_json::from_slice(&text).expect("a writer's terms as JSON")
                })
                .collect()
        })
        .unwrap_or_default();
    // Loads the embedding model once, so no pack's time is the model's loading.
    score_passages(&satchel, &kinds, &[&set.passages[0]], &mut |_, _, _, _| {})
        .expect("warm-up pack");
    for english in [true, false] {
        let passages = set.english(english);
        let mut times: Vec<Duration> = Vec::new();
        let mut extracted: HashMap<String, Vec<Card>> = HashMap::new();
        let scores = score_passages(
            &satchel,
            &kinds,
            &passages,
            &mut |passage, score, cards, made| {
                times.push(made);
                extracted.insert(passage.id.clone(), cards.to_vec());
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
        for run in &writers {
            print!("{}", writer_rows(run, &passages, &extracted));
        }
    }
    println!(
        "(recall: key facts some card asks the learner to produce, its front not giving it; precision: cards whose answer is a key fact or a content term of at most 4 words that is no piece of a key fact, on a well-formed question or one-blank cloze that does not give it away; grounded: cards whose source words stand in the passage as written with the answer among them; each writer's recall is over all the set's facts)"
    );
}

/// The rows of one on-device writer's run (`bench/llm`'s JSON): its terms alone, and
/// taking turns with the extractive cards at the extractive writers' count.
fn writer_rows(
    run: &serde_json::Value,
    passages: &[&Passage],
    extracted: &HashMap<String, Vec<Card>>,
) -> String {
    let model = run["model"].as_str().unwrap_or("model");
    let picked: HashMap<&str, (Vec<&str>, f64)> = run["passages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let terms = p["terms"]
                .as_array()?
                .iter()
                .filter_map(|t| t.as_str())
                .collect();
            Some((
                p["id"].as_str()?,
                (terms, p["seconds"].as_f64().unwrap_or(0.0)),
            ))
        })
        .collect();
    let (mut alone, mut turns) = (SetScore::default(), SetScore::default());
    let (mut terms, mut in_text) = (0, 0);
    let mut seconds: Vec<f64> = Vec::new();
    for passage in passages {
        // A passage the model answered nothing for is all misses, not left out.
        let Some((said, took)) = picked.get(passage.id.as_str()) else {
            alone.add(passage, &[]);
            turns.add(
                passage,
                extracted.get(&passage.id).map_or(&[][..], Vec::as_slice),
            );
            continue;
        };
        seconds.push(*took);
        terms += said.len();
        let mut theirs: Vec<Card> = Vec::new();
        for term in said {
            let Some(card) = cloze_of(&passage.text, term, model) else {
                continue;
            };
            in_text += 1;
            if !theirs
                .iter()
                .any(|c| c.back.to_lowercase() == card.back.to_lowercase())
            {
                theirs.push(card);
            }
        }
        let ours = extracted.get(&passage.id).cloned().unwrap_or_default();
        let mut both: Vec<Card> = Vec::new();
        let longest = theirs.len().max(ours.len());
        for card in (0..longest)
            .flat_map(|i| [theirs.get(i), ours.get(i)])
            .flatten()
        {
            if !both
                .iter()
                .any(|c| c.back.to_lowercase() == card.back.to_lowercase())
            {
                both.push(card.clone());
            }
        }
        both.truncate(ours.len());
        alone.add(passage, &theirs);
        turns.add(passage, &both);
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds.get(seconds.len() / 2).copied().unwrap_or_default();
    format!(
        "{}{}  ({model}: {terms} terms picked, {in_text} said once in a sentence of the passage; its cards are made of the passage's own sentences, so they are grounded by construction; {median:.1}s a passage (median, 2 threads), loaded in {:.1}s, peak memory {} MiB)\n",
        row(&format!("{model} alone"), &alone.all, alone.all.recall()),
        row(
            &format!("{model} taking turns, same count"),
            &turns.all,
            turns.all.recall()
        ),
        run["load_seconds"].as_f64().unwrap_or(0.0),
        run["peak_rss_mib"].as_u64().unwrap_or(0),
    )
}
