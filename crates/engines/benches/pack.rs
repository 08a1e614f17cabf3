//! Study packs for the whole sample lesson (`assets/sample-lesson`: typed notes, a
//! photo of the board, a recording, a PDF) made end to end by the app's durable jobs
//! (issue 6): each file imported, its reading queued (English, so the English Whisper
//! model), a pack requested for it, and a job runner left to settle all four packs.
//!
//! Timed with the workers laid out as the app lays them out (database-class steps two
//! at a time, beside the AI-class one) and, as the anchor, with one worker for
//! everything; a new profile each run, the two layouts interleaved round by round so
//! the shared machine's noise falls on both alike, medians. The models are loaded once,
//! by a warm-up run, and shared by every run: the figures are the packs, not loading.
//!
//! Run with `cargo xtask bench pack`, which fetches the models and passes
//! SATCHEL_MODELS_DIR.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use satchel_core::jobs::{Clock, Concurrency, JobContext, JobKind, JobRunner, SystemClock};
use satchel_core::types::PackState;
use satchel_core::vision::PdfWorker;
use satchel_core::work::{Models, kinds};
use satchel_engines::Meaning;
use satchel_engines::Vision;
use satchel_engines::Whisper;
use satchel_test_kit::{TempSatchel, median};

/// Timed runs of each layout, after one warm-up: a run takes a second or two, and
/// the shared machine's noise is of that size.
const ROUNDS: usize = 11;
/// The sample lesson's files, one pack each.
const FILES: [&str; 4] = ["water-cycle.md", "board.png", "lecture.ogg", "chapter.pdf"];
/// A run taking longer than this is stuck.
const STUCK: Duration = Duration::from_secs(300);
/// The kinds of job, in the order a pack needs them.
const STEPS: [&str; 10] = [
    "read",
    "pack.extract",
    "pack.index",
    "pack.summary",
    "pack.concepts",
    "pack.cards",
    "pack.quiz",
    "pack.validate",
    "pack.deliver",
    "index",
];

fn lesson() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample-lesson")
}

/// Time spent in each kind of job's handler (the try and its ending transaction),
/// added up over a run.
#[derive(Clone, Default)]
struct Busy(Arc<Mutex<BTreeMap<&'static str, Duration>>>);

impl Busy {
    fn add(&self, kind: &'static str, time: Duration) {
        *self
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(kind)
            .or_default() += time;
    }

    fn take(&self) -> BTreeMap<&'static str, Duration> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// `kinds`, each handler timed into `busy`.
fn timed(kinds: Vec<JobKind>, busy: &Busy) -> Vec<JobKind> {
    kinds
        .into_iter()
        .map(|kind| {
            let (name, handler, busy) = (kind.kind, Arc::clone(&kind.handler), busy.clone());
            JobKind {
                handler: Arc::new(move |job: &JobContext<'_>| {
                    let started = Instant::now();
                    let outcome = handler(job);
                    busy.add(name, started.elapsed());
                    outcome
                }),
                ..kind
            }
        })
        .collect()
}

struct Run {
    /// From the first import until every pack is settled.
    total: Duration,
    first_ready: Duration,
    busy: BTreeMap<&'static str, Duration>,
    cards: usize,
    questions: usize,
}

/// The sample lesson's four packs made on a new profile by a runner laid out as
/// `concurrency` says; every pack checked ready.
fn make_packs(
    satchel: &TempSatchel,
    kinds: &[JobKind],
    busy: &Busy,
    concurrency: Concurrency,
    name: &str,
) -> Run {
    let profile = Arc::new(satchel.profile(name).expect("benchmark profile"));
    let events = profile.events().subscribe();
    busy.take();
    let started = Instant::now();
    // The app's runner is on whenever a library is open: it takes each job as it comes.
    let runner = JobRunner::start_with(
        Arc::clone(&profile),
        kinds.to_vec(),
        Arc::new(SystemClock),
        concurrency,
    )
    .expect("job runner");
    let mut packs = Vec::with_capacity(FILES.len());
    for file in FILES {
        let source = profile
            .import_file(&lesson().join(file), None)
            .expect("import");
        let now = SystemClock.now_ms();
        profile
            .queue_read(&source.id, Some("en"), now)
            .expect("reading queued");
        packs.push(profile.request_pack(&source.id, now).expect("pack").id);
        runner.wake();
    }
    let mut settled: Vec<Option<Duration>> = vec![None; packs.len()];
    while settled.iter().any(Option::is_none) {
        for (pack, at) in packs.iter().zip(&mut settled) {
            if at.is_none() && profile.pack_settled(pack).expect("pack state") {
                *at = Some(started.elapsed());
            }
        }
        assert!(started.elapsed() < STUCK, "packs not settled in {STUCK:?}");
        // A pack's steps end with events: look again at the next one.
        match events.recv_timeout(Duration::from_millis(100)) {
            Ok(_) | Err(RecvTimeoutError::Timeout) => while events.try_recv().is_ok() {},
            Err(RecvTimeoutError::Disconnected) => panic!("the event bus closed"),
        }
    }
    let total = started.elapsed();
    drop(runner);
    let (mut cards, mut questions) = (0, 0);
    for pack in &packs {
        let pack = profile.pack(pack).expect("pack");
        assert_eq!(pack.state, PackState::Ready, "{pack:#?}");
        cards += pack.cards.len();
        questions += pack.quiz.len();
    }
    Run {
        total,
        first_ready: settled.into_iter().flatten().min().unwrap_or_default(),
        busy: busy.take(),
        cards,
        questions,
    }
}

fn seconds(duration: Duration) -> f64 {
    duration.as_secs_f64()
}

fn main() {
    // The PDF reader is this very program, started again.
    satchel_core::serve_worker_if_asked();
    let models_dir = PathBuf::from(
        std::env::var_os("SATCHEL_MODELS_DIR")
            .expect("SATCHEL_MODELS_DIR is not set: run `cargo xtask bench pack`"),
    );
    let dirs = vec![models_dir];
    let busy = Busy::default();
    let kinds = timed(
        kinds(Models {
            transcriber: Arc::new(Whisper::new(dirs.clone())),
            reader: Arc::new(Vision::new(
                dirs.clone(),
                PdfWorker::this_program().expect("this program"),
            )),
            meaning: Arc::new(Meaning::new(dirs)),
        }),
        &busy,
    );
    let satchel = TempSatchel::new().expect("satchel");

    // Loads every model, once for all runs.
    let started = Instant::now();
    make_packs(&satchel, &kinds, &busy, Concurrency::PerClass, "warm-up");
    let warm_up_wall = started.elapsed();
    let (mut parallel, mut sequential) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        // Each layout first in every other round, so neither always follows the other.
        let mut layouts = [Concurrency::Sequential, Concurrency::PerClass];
        if round % 2 == 1 {
            layouts.reverse();
        }
        for layout in layouts {
            let name = format!("{layout:?} {round}");
            let run = make_packs(&satchel, &kinds, &busy, layout, &name);
            match layout {
                Concurrency::Sequential => sequential.push(run),
                Concurrency::PerClass => parallel.push(run),
            }
        }
    }
    let medians = |runs: &[Run]| {
        (
            median(runs.iter().map(|r| r.total)).expect("runs"),
            median(runs.iter().map(|r| r.first_ready)).expect("runs"),
        )
    };
    let (total, first_ready) = medians(&parallel);
    let (anchor_total, anchor_first_ready) = medians(&sequential);

    println!();
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure (sample lesson, 4 study packs, seconds)", "satchel", "anchor", "ratio"
    );
    for (label, ours, theirs) in [
        (
            format!("all four packs ready, end to end, median of {ROUNDS}"),
            total,
            anchor_total,
        ),
        (
            "  first pack ready".to_owned(),
            first_ready,
            anchor_first_ready,
        ),
    ] {
        let (ours, theirs) = (seconds(ours), seconds(theirs));
        println!(
            "{label:<58} {ours:>9.2}s {theirs:>9.2}s {:>8.2}",
            theirs / ours
        );
    }
    let mut steps: Vec<&'static str> = parallel
        .iter()
        .chain(&sequential)
        .flat_map(|r| r.busy.keys().copied())
        .collect();
    steps.sort_by_key(|kind| {
        let at = STEPS.iter().position(|s| s == kind);
        (at.unwrap_or(STEPS.len()), *kind)
    });
    steps.dedup();
    let step = |runs: &[Run], kind: &str| {
        median(
            runs.iter()
                .map(|r| r.busy.get(kind).copied().unwrap_or_default()),
        )
        .expect("runs")
    };
    println!("  time in each step, the four packs' tries added up (median):");
    for kind in &steps {
        println!(
            "{:<58} {:>9.2}s {:>9.2}s",
            format!("    {kind}"),
            seconds(step(&parallel, kind)),
            seconds(step(&sequential, kind))
        );
    }
    let all_steps = |runs: &[Run]| {
        median(runs.iter().map(|r| r.busy.values().sum::<Duration>())).expect("runs")
    };
    println!(
        "{:<58} {:>9.2}s {:>9.2}s",
        "    all steps (above the end to end time: steps overlapped)",
        seconds(all_steps(&parallel)),
        seconds(all_steps(&sequential))
    );
    let spread = |runs: &[Run]| {
        let totals = runs.iter().map(|r| seconds(r.total));
        let (low, high) = totals.fold((f64::MAX, 0.0_f64), |(l, h), t| (l.min(t), h.max(t)));
        format!("{low:.2}-{high:.2}s")
    };
    let runs: Vec<&Run> = parallel.iter().chain(&sequential).collect();
    let range = |count: fn(&Run) -> usize| {
        let counts = runs.iter().map(|r| count(r));
        let (low, high) = (counts.clone().min(), counts.max());
        match (low, high) {
            (Some(low), Some(high)) if low < high => format!("{low}-{high}"),
            (Some(low), _) => low.to_string(),
            _ => String::new(),
        }
    };
    println!(
        "(satchel: the app's job runner, database-class steps two at a time beside the one AI-class step; anchor: the same jobs on one worker, one at a time; each run: the 4 files imported, read (the recording as English by Whisper tiny.en, the photo by OCR, the PDF by the PDF worker) and packed (indexed by the app's embedding model, summary, concepts, cards, quiz, validated) on a new encrypted profile, {} cards and {} quiz questions; models loaded once by a warm-up run ({:.1}s) and shared by every run, so these are the packs, not model loading; {ROUNDS} runs of each layout interleaved, each end to end in {} with the app's layout and {} on one worker; a ratio above 1 is the app's layout faster)",
        range(|r| r.cards),
        range(|r| r.questions),
        seconds(warm_up_wall),
        spread(&parallel),
        spread(&sequential),
    );
}
