//! Issue 7's figures: choosing the next card among 100k cards (goal p99 ≤ 5 ms),
//! recording an answer in the encrypted store (goal p99 ≤ 2 ms), and optimising FSRS's
//! parameters from 10k reviews.
//!
//! The library: 100k cards, 90k of them with a year of reviews by a simulated learner
//! (FSRS's default memory, each review at its due time, recalled or not by chance) and
//! 10k new; made once in SQLCipher and once in plain SQLite, the same cards. A review
//! session is then timed on both, interleaved in blocks so the shared machine's noise
//! falls on both alike: each step asks for the next card and answers it. The plain
//! store is the anchor that shows what the encryption costs; the goals are the issue's.
//!
//! The optimisation is timed end to end as the app runs it (the log read from the
//! encrypted store, the parameters before and after evaluated, the optimiser), against
//! the `fsrs` crate's optimiser alone on the same items: the anchor shows what Satchel
//! adds around it.
//!
//! Run with `cargo xtask bench learn`.

use std::time::{Duration, Instant};

use fsrs::{ComputeParametersInput, FSRS, MemoryState};
use satchel_core::Profile;
use satchel_core::learn::{CardWithHistory, PastReview};
use satchel_core::types::{CardKind, Rating};
use satchel_test_kit::{Rng, Samples, TempSatchel, median};

const DAY: i64 = 86_400_000;
const NOW: i64 = 20_400 * DAY + 18 * 3_600_000;
const CARDS: usize = 100_000;
const NEW: usize = 10_000;
/// Timed session steps on each store, in blocks of `BLOCK`, the stores alternating.
const STEPS: usize = 4_000;
const BLOCK: usize = 200;
const OPTIMISE_REVIEWS: usize = 10_000;
const OPTIMISE_ROUNDS: usize = 3;
const GOAL_NEXT: Duration = Duration::from_millis(5);
const GOAL_ANSWER: Duration = Duration::from_millis(2);

/// The simulated learner's true memory: FSRS-6 with first memories about half as
/// stable as the defaults assume and each review strengthening them less, so that
/// optimising has something to find.
const TRUTH: [f32; 21] = [
    0.106, 0.647, 1.153, 4.148, 6.4133, 0.8334, 3.0194, 0.001, 1.5, 0.1666, 0.796, 1.4835, 0.0614,
    0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

/// Card `i`'s year of reviews: first seen some day in the past year, then reviewed
/// when the defaults would have it due (a day or two late now and then), recalled
/// with the chance its true memory gives.
fn history(i: usize, scheduler: &FSRS, truth: &FSRS, dice: &mut Rng) -> Vec<PastReview> {
    let mut reviews = Vec::new();
    let mut at = NOW - (1 + (i % 365) as i64) * DAY - (i % 1000) as i64 * 1000;
    let (mut seen, mut known): (Option<MemoryState>, Option<MemoryState>) = (None, None);
    let mut last = at;
    while at < NOW {
        let elapsed = ((at - last) / DAY) as u32;
        let rating = match known {
            None => Rating::ALL[dice.pick(&[0.24, 0.094, 0.495, 0.171])],
            Some(state) => {
                let recall =
                    fsrs::current_retrievability(state, (at - last) as f32 / DAY as f32, TRUTH[20]);
                if dice.unit() < f64::from(recall) {
                    Rating::ALL[1 + dice.pick(&[0.224, 0.631, 0.145])]
                } else {
                    Rating::Again
                }
            }
        };
        let pick_state = |states: fsrs::NextStates| match rating {
            Rating::Again => states.again,
            Rating::Hard => states.hard,
            Rating::Good => states.good,
            Rating::Easy => states.easy,
        };
        let scheduled = pick_state(scheduler.next_states(seen, 0.9, elapsed).expect("fsrs"));
        known = Some(pick_state(truth.next_states(known, 0.9, elapsed).expect("fsrs")).memory);
        reviews.push(PastReview {
            id: format!("bench-{i}-{}", reviews.len()),
            reviewed_at: at,
            rating,
            duration_ms: 6_000,
        });
        seen = Some(scheduled.memory);
        last = at;
        let late = if dice.unit() < 0.2 {
            (1 + dice.pick(&[1.0, 1.0])) as i64 * DAY
        } else {
            0
        };
        at += if rating == Rating::Again || scheduled.interval < 1.0 {
            DAY
        } else {
            (scheduled.interval.round() as i64) * DAY + late
        };
    }
    reviews
}

fn library(cards: usize, reviews_wanted: Option<usize>) -> Vec<CardWithHistory> {
    let scheduler = FSRS::default();
    let truth = FSRS::new(&TRUTH).expect("parameters");
    let mut dice = Rng::new(99);
    let mut total = 0;
    let mut made = Vec::with_capacity(cards);
    for i in 0..cards {
        let reviews = if i < NEW.min(cards / 10) && reviews_wanted.is_none() {
            Vec::new()
        } else {
            history(i, &scheduler, &truth, &mut dice)
        };
        total += reviews.len();
        made.push(CardWithHistory {
            deck: format!("Deck {}", i % 20),
            kind: CardKind::Basic,
            front: format!("question {i}"),
            back: format!("answer {i}"),
            reviews,
        });
        if reviews_wanted.is_some_and(|wanted| total >= wanted) {
            break;
        }
    }
    made
}

fn profile(
    satchel: &TempSatchel,
    name: &str,
    encrypted: bool,
    cards: &[CardWithHistory],
) -> Profile {
    let profile = if encrypted {
        satchel.profile(name)
    } else {
        satchel.plain_profile(name)
    }
    .expect("profile");
    // The learner's settings allow a day of many new cards, so the session below
    // reaches new cards too.
    profile.set_learning_settings(0.9, 500).expect("settings");
    for chunk in cards.chunks(10_000) {
        profile
            .add_cards_with_history(chunk, "bench", NOW - 400 * DAY)
            .expect("cards");
    }
    profile
}

/// Times of one step of a session, as they were taken.
#[derive(Default)]
struct Times(Vec<Duration>);

impl Times {
    fn at(&self, p: f64) -> Duration {
        Samples::new(self.0.iter().copied())
            .percentile(p)
            .expect("timed steps")
    }
}

/// `steps` of a review session: the next card asked for and answered.
fn session(
    profile: &Profile,
    steps: usize,
    clock: &mut i64,
    next: &mut Times,
    answer: &mut Times,
    dice: &mut Rng,
) {
    for _ in 0..steps {
        *clock += 5_000;
        let started = Instant::now();
        let card = profile.next_card(None, *clock).expect("next card");
        next.0.push(started.elapsed());
        let Some(card) = card else {
            continue;
        };
        let rating = if dice.unit() < 0.9 {
            Rating::Good
        } else {
            Rating::Again
        };
        let started = Instant::now();
        profile
            .answer(&card.card.id, rating, 5_000, *clock)
            .expect("answer");
        answer.0.push(started.elapsed());
    }
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1000.0
}

fn main() {
    let satchel = TempSatchel::new().expect("satchel");

    let started = Instant::now();
    let cards = library(CARDS, None);
    let reviews: usize = cards.iter().map(|c| c.reviews.len()).sum();
    let encrypted = profile(&satchel, "Encrypted", true, &cards);
    let plain = profile(&satchel, "Plain", false, &cards);
    let made = started.elapsed();
    drop(cards);

    let (mut next_enc, mut answer_enc, mut next_plain, mut answer_plain) = (
        Times::default(),
        Times::default(),
        Times::default(),
        Times::default(),
    );
    // A day on from the library's last reviews: a day's reviews are due.
    let (mut clock_enc, mut clock_plain) = (NOW + DAY, NOW + DAY);
    let (mut dice_enc, mut dice_plain) = (Rng::new(5), Rng::new(5));
    // A warm-up block each, not counted.
    session(
        &encrypted,
        BLOCK,
        &mut clock_enc,
        &mut Times::default(),
        &mut Times::default(),
        &mut dice_enc,
    );
    session(
        &plain,
        BLOCK,
        &mut clock_plain,
        &mut Times::default(),
        &mut Times::default(),
        &mut dice_plain,
    );
    for _ in 0..STEPS / BLOCK {
        session(
            &encrypted,
            BLOCK,
            &mut clock_enc,
            &mut next_enc,
            &mut answer_enc,
            &mut dice_enc,
        );
        session(
            &plain,
            BLOCK,
            &mut clock_plain,
            &mut next_plain,
            &mut answer_plain,
            &mut dice_plain,
        );
    }
    let left = encrypted.study_counts(None, clock_enc).expect("counts");

    // Optimising from 10k reviews, end to end and the crate alone.
    let optimise = satchel.profile("Optimise").expect("profile");
    let cards = library(CARDS, Some(OPTIMISE_REVIEWS));
    let optimise_reviews: usize = cards.iter().map(|c| c.reviews.len()).sum();
    optimise
        .add_cards_with_history(&cards, "bench", NOW - 400 * DAY)
        .expect("cards");
    let (items, card_ids) = optimise.training_set().expect("training set");
    let item_count = items.len();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let mut trained = 0;
    let mut last = None;
    for _ in 0..OPTIMISE_ROUNDS {
        let started = Instant::now();
        last = Some(
            optimise
                .optimise_parameters(NOW, &mut |_, _| true)
                .expect("optimise"),
        );
        ours.push(started.elapsed());
        let started = Instant::now();
        let state = fsrs::CombinedProgressState::new_shared();
        let parameters = fsrs::compute_parameters(ComputeParametersInput {
            train_set: items.clone(),
            card_ids: Some(card_ids.clone()),
            progress: Some(state.clone()),
            ..ComputeParametersInput::default()
        })
        .expect("fsrs optimiser");
        trained = state.lock().map_or(0, |s| s.total());
        assert_ne!(
            parameters,
            fsrs::DEFAULT_PARAMETERS.to_vec(),
            "the optimiser ran"
        );
        theirs.push(started.elapsed());
    }
    let optimisation = last.expect("an optimisation");

    println!();
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure (reviews, 100k cards)", "satchel", "goal", "ratio"
    );
    for (label, time, goal) in [
        ("next card p50", next_enc.at(0.5), None),
        ("next card p99", next_enc.at(0.99), Some(GOAL_NEXT)),
        ("answer recorded p50", answer_enc.at(0.5), None),
        (
            "answer recorded p99",
            answer_enc.at(0.99),
            Some(GOAL_ANSWER),
        ),
    ] {
        let (goal, ratio) = goal.map_or((String::new(), String::new()), |goal| {
            (
                format!("{:.0}ms", ms(goal)),
                format!("{:.2}", ms(time) / ms(goal)),
            )
        });
        println!("{label:<58} {:>8.2}ms {goal:>10} {ratio:>8}", ms(time));
    }
    println!();
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure (SQLCipher against plain SQLite)", "satchel", "plain", "ratio"
    );
    for (label, ours, plain) in [
        ("next card p99", next_enc.at(0.99), next_plain.at(0.99)),
        (
            "answer recorded p99",
            answer_enc.at(0.99),
            answer_plain.at(0.99),
        ),
    ] {
        println!(
            "{label:<58} {:>8.2}ms {:>8.2}ms {:>8.2}",
            ms(ours),
            ms(plain),
            ms(ours) / ms(plain)
        );
    }
    println!(
        "({CARDS} cards in 20 decks, {NEW} new, {reviews} past reviews, made in {:.0}s; {} next-card calls and {} answers timed on each store after a warm-up of {BLOCK}; {} learning, {} due, {} new left at the end)",
        made.as_secs_f64(),
        next_enc.0.len(),
        answer_enc.0.len(),
        left.learning,
        left.due,
        left.new
    );
    let (ours, theirs) = (
        median(ours).expect("optimisations"),
        median(theirs).expect("optimisations"),
    );
    println!();
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure (optimising, seconds)", "satchel", "fsrs", "ratio"
    );
    println!(
        "{:<58} {:>9.2}s {:>9.2}s {:>8.2}",
        format!("parameters from {optimise_reviews} reviews ({item_count} items)"),
        ours.as_secs_f64(),
        theirs.as_secs_f64(),
        ours.as_secs_f64() / theirs.as_secs_f64()
    );
    println!(
        "(median of {OPTIMISE_ROUNDS}; {trained} item steps of training; Satchel's includes reading the log from SQLCipher and judging the parameters before and after: log loss {:.4} → {:.4}, {})",
        optimisation.log_loss_before,
        optimisation.log_loss_after,
        if optimisation.adopted {
            "adopted"
        } else {
            "kept the defaults"
        }
    );
}
