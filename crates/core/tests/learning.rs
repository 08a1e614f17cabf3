//! Scheduling against the `fsrs` crate's own results, and a simulated learner with a
//! known forgetting curve studied for 60 days through the real store and job runner.

use std::sync::Arc;
use std::time::{Duration, Instant};

use fsrs::{FSRS, FSRSItem, FSRSReview, MemoryState};
use satchel_core::Profile;
use satchel_core::jobs::{JobRunner, SystemClock};
use satchel_core::learn::optimise::job_kind;
use satchel_core::types::Rating;
use satchel_test_kit::{Rng, TempSatchel, cards};

const DAY: i64 = 86_400_000;
const START: i64 = 20_000 * DAY;

fn profile(satchel: &TempSatchel) -> Arc<Profile> {
    Arc::new(satchel.profile("Learner").unwrap())
}

fn add_cards(profile: &Profile, count: usize, now: i64) -> Vec<String> {
    (0..count)
        .map(|i| {
            profile
                .add_cards(&cards::numbered("Simulated", i), now)
                .unwrap()
                .remove(0)
                .id
        })
        .collect()
}

#[test]
fn schedules_agree_with_the_fsrs_crate_for_recorded_histories() {
    let satchel = TempSatchel::new().unwrap();
    let profile = profile(&satchel);
    let cards = add_cards(&profile, 60, START);
    let mut dice = Rng::new(7);
    let mut histories: Vec<Vec<FSRSReview>> = vec![Vec::new(); cards.len()];
    // Each card answered a dozen times at its due time or off it: early, late, twice
    // in a day.
    for (card, history) in cards.iter().zip(&mut histories) {
        let mut now = START;
        let mut last: Option<i64> = None;
        for _ in 0..12 {
            let rating = Rating::ALL[dice.pick(&[0.15, 0.15, 0.55, 0.15])];
            let answered = profile.answer(card, rating, 5_000, now).unwrap();
            history.push(FSRSReview {
                rating: u32::from(rating.number()),
                delta_t: last.map_or(0, |l| ((now - l) / DAY) as u32),
            });
            last = Some(now);
            let wait = answered.due - now;
            let off = 0.5 + dice.unit() * 1.5;
            now += (wait as f64 * off) as i64 + 60_000;
        }
    }
    let fsrs = FSRS::default();
    let mut worst = 0f32;
    for (card, history) in cards.iter().zip(histories) {
        let ours = profile.study_card(card).unwrap();
        let theirs: MemoryState = fsrs
            .memory_state(FSRSItem { reviews: history }, None)
            .unwrap();
        let s = ours.stability.unwrap();
        let d = ours.difficulty.unwrap();
        let off = ((s - theirs.stability) / theirs.stability)
            .abs()
            .max((d - theirs.difficulty).abs() / theirs.difficulty);
        worst = worst.max(off);
        assert!(
            off < 1e-4,
            "card {card}: ours S={s} D={d}, the crate's S={} D={}",
            theirs.stability,
            theirs.difficulty
        );
    }
    println!(
        "{} histories of 12 reviews: largest relative difference from fsrs {worst:.2e}",
        cards.len()
    );
}

/// The learner's true memory: FSRS-6 with parameters unlike the defaults — first
/// memories half as stable, and each review strengthening them less.
const TRUTH: [f32; 21] = [
    0.106, 0.647, 1.153, 4.148, 6.4133, 0.8334, 3.0194, 0.001, 1.5, 0.1666, 0.796, 1.4835, 0.0614,
    0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

fn true_recall(memory: MemoryState, days: f32) -> f32 {
    fsrs::current_retrievability(memory, days, TRUTH[20])
}

#[test]
fn a_simulated_learner_keeps_the_retention_asked_for_and_optimising_fits_them() {
    const DAYS: i64 = 60;
    const CARDS: usize = 1_500;
    const DESIRED: f32 = 0.9;
    let satchel = TempSatchel::new().unwrap();
    let profile = profile(&satchel);
    profile.set_learning_settings(DESIRED, 25).unwrap();
    let cards = add_cards(&profile, CARDS, START);
    let index: std::collections::HashMap<&str, usize> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let runner = JobRunner::start(
        Arc::clone(&profile),
        vec![job_kind()],
        Arc::new(SystemClock),
    )
    .unwrap();
    let truth = FSRS::new(&TRUTH).unwrap();
    let mut memory: Vec<Option<(MemoryState, i64)>> = vec![None; CARDS];
    let mut dice = Rng::new(2026);
    let (mut reviews, mut passed) = (0u32, 0u32);
    let mut answers = 0u32;
    for day in 0..DAYS {
        // One sitting each evening, until nothing is left.
        let mut now = START + day * DAY + 18 * 3_600_000;
        while let Some(next) = profile.next_card(None, now).unwrap() {
            let i = index[next.card.id.as_str()];
            let was_review = next.card.due.is_some()
                && next
                    .card
                    .last_review
                    .is_some_and(|l| next.card.due.unwrap() - l >= DAY);
            let rating = match memory[i] {
                None => Rating::ALL[dice.pick(&[0.24, 0.094, 0.495, 0.171])],
                Some((state, last)) => {
                    let days = (now - last) as f32 / DAY as f32;
                    if dice.unit() < f64::from(true_recall(state, days)) {
                        Rating::ALL[1 + dice.pick(&[0.224, 0.631, 0.145])]
                    } else {
                        Rating::Again
                    }
                }
            };
            if was_review {
                reviews += 1;
                passed += u32::from(rating != Rating::Again);
            }
            let elapsed = memory[i].map_or(0, |(_, last)| ((now - last) / DAY) as u32);
            let states = truth
                .next_states(memory[i].map(|(s, _)| s), DESIRED, elapsed)
                .unwrap();
            let state = match rating {
                Rating::Again => states.again,
                Rating::Hard => states.hard,
                Rating::Good => states.good,
                Rating::Easy => states.easy,
            };
            memory[i] = Some((state.memory, now));
            profile.answer(&next.card.id, rating, 8_000, now).unwrap();
            answers += 1;
            now += 8_000;
            // An optimisation the answer queued runs (in the background, as in the
            // app) before the next card, so every run of the test is the same.
            let waited = Instant::now();
            while profile.jobs_open().unwrap() {
                assert!(
                    waited.elapsed() < Duration::from_secs(300),
                    "the optimisation hangs"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
    drop(runner);
    let settings = profile.learning_settings().unwrap();
    let optimisation = settings.optimisation.clone().expect("an optimisation ran");
    let retention = passed as f32 / reviews as f32;
    println!(
        "{answers} answers over {DAYS} days; {reviews} reviews at their due time, \
         measured retention {:.1} % (desired {:.0} % ± 3)",
        retention * 100.0,
        DESIRED * 100.0
    );
    // The whole log, judged by the defaults and by the learner's own parameters.
    let (items, ids) = profile.training_set().unwrap();
    let default_loss = FSRS::default()
        .evaluate_with_card_ids(items.clone(), ids.clone(), |_| true)
        .unwrap()
        .log_loss;
    let own_loss = FSRS::new(&settings.parameters)
        .unwrap()
        .evaluate_with_card_ids(items, ids, |_| true)
        .unwrap()
        .log_loss;
    println!(
        "log loss over the whole log: defaults {default_loss:.4}, optimised {own_loss:.4} \
         (last optimisation from {} reviews: {:.4} → {:.4})",
        optimisation.reviews, optimisation.log_loss_before, optimisation.log_loss_after
    );
    assert!(
        !settings.parameters.is_empty(),
        "an optimisation was adopted"
    );
    assert!(own_loss < default_loss);
    assert!((retention - DESIRED).abs() <= 0.03, "{retention}");
}
