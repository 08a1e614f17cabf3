//! Study packs made of the pack set's passages by the app's own job runner, for the
//! quality test and benchmark ([`crate::packs`]).

use std::sync::Arc;
use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use satchel_core::jobs::{Clock, JobKind, JobRunner, SystemClock};
use satchel_core::types::{PackState, PackView};
use satchel_core::{Error, Profile, Result};

use crate::packs::{Card, Passage};

/// Packs made so far by this process, to name their profiles apart.
static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A pack taking longer than this is stuck.
const STUCK: Duration = Duration::from_secs(600);

/// The pack the app makes of `passage`, typed in as a note on `profile` by the job
/// runner on `kinds`.
pub fn make_pack(profile: &Arc<Profile>, kinds: &[JobKind], passage: &Passage) -> Result<PackView> {
    let note = profile.add_note(&passage.title, &passage.text)?;
    let events = profile.events().subscribe();
    let runner = JobRunner::start(Arc::clone(profile), kinds.to_vec(), Arc::new(SystemClock))?;
    let pack = profile.request_pack(&note.id, SystemClock.now_ms())?;
    runner.wake();
    let started = Instant::now();
    while !profile.pack_settled(&pack.id)? {
        if started.elapsed() > STUCK {
            return Err(Error::InvalidInput(format!(
                "the pack of {} did not settle in {STUCK:?}",
                passage.id
            )));
        }
        match events.recv_timeout(Duration::from_millis(100)) {
            Ok(_) | Err(RecvTimeoutError::Timeout) => while events.try_recv().is_ok() {},
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    drop(runner);
    let pack = profile.pack(&pack.id)?;
    if pack.state != PackState::Ready {
        return Err(Error::InvalidInput(format!(
            "the pack of {} ended {:?}",
            passage.id, pack.state
        )));
    }
    Ok(pack)
}

/// A pack's cards, as the scorer reads them.
pub fn cards(pack: &PackView) -> Vec<Card> {
    pack.cards
        .iter()
        .map(|card| Card {
            generator: card.generator.clone(),
            front: card.front.clone(),
            back: card.back.clone(),
            source_text: card.source_ref.text.clone(),
        })
        .collect()
}

/// Hears of each pack made: its passage, its score, its cards and how long it took.
pub type EachPack<'a> = dyn FnMut(&Passage, &crate::packs::Score, &[Card], Duration) + 'a;

/// Every passage of `passages` made into a pack, each in a profile of its own (as a
/// learner's one note: no other note's concepts weigh on its phrases), and scored.
/// `each` hears of every pack made.
pub fn score_passages(
    satchel: &crate::TempSatchel,
    kinds: &[JobKind],
    passages: &[&Passage],
    each: &mut EachPack<'_>,
) -> Result<crate::packs::SetScore> {
    let mut scores = crate::packs::SetScore::default();
    for passage in passages {
        // Named apart from every other run's: a passage may be made twice in a satchel.
        let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let profile = Arc::new(satchel.profile(&format!("{} {run}", passage.id))?);
        let started = Instant::now();
        let pack = make_pack(&profile, kinds, passage)?;
        let made = started.elapsed();
        let cards = cards(&pack);
        scores.add(passage, &cards);
        if let Some((_, score)) = scores.by_passage.last() {
            each(passage, score, &cards, made);
        }
    }
    Ok(scores)
}
