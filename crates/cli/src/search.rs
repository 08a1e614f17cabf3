//! `satchel search`, `satchel ask` and `satchel concepts`: every note and source by
//! words and by meaning.

use std::sync::Arc;

use satchel_core::jobs::{Clock, SystemClock};
use satchel_core::types::{SearchHit, clock};
use satchel_core::{Profile, Satchel};
use satchel_engines::Meaning;

use crate::cli::Cli;
use crate::ingest::read_all_with;
use crate::output::{Failure, print};
use crate::unlock::unlock;

pub fn search(cli: &Cli, satchel: &Satchel, query: &str, limit: usize) -> Result<(), Failure> {
    let (profile, meaning) = indexed(cli, satchel)?;
    let hits = profile.search(query, limit, meaning.as_ref())?;
    print(cli.json, &hits, |hits| {
        if hits.is_empty() {
            println!("Nothing found for {query:?}.");
        }
        for hit in hits {
            println!("{}  {}", hit.title, place(hit));
            println!("    {}", hit.text.replace('\n', " "));
        }
    })
}

pub fn ask(cli: &Cli, satchel: &Satchel, question: &str, limit: usize) -> Result<(), Failure> {
    let (profile, meaning) = indexed(cli, satchel)?;
    let answers = profile.ask(question, limit, meaning.as_ref())?;
    print(cli.json, &answers, |answers| {
        if answers.is_empty() {
            println!("Nothing in your library answers {question:?}.");
        }
        for answer in answers {
            let [start, end] = answer.sentence;
            let sentence = answer.hit.text.get(start..end).unwrap_or_default();
            println!("{}", sentence.replace('\n', " "));
            println!("    — {}  {}", answer.hit.title, place(&answer.hit));
        }
    })
}

pub fn concepts(cli: &Cli, satchel: &Satchel, source: Option<&str>) -> Result<(), Failure> {
    let (profile, _) = indexed(cli, satchel)?;
    let map = profile.concepts(source)?;
    print(cli.json, &map, |map| {
        if map.concepts.is_empty() {
            println!("No concepts yet: add notes or sources first.");
        }
        for concept in &map.concepts {
            let titles: Vec<&str> = concept.sources.iter().map(|s| s.title.as_str()).collect();
            println!("{}  ({})", concept.label, titles.join(", "));
        }
    })
}

/// The unlocked profile with what was added or changed since the last search
/// indexed, and the model that searches it.
fn indexed(cli: &Cli, satchel: &Satchel) -> Result<(Arc<Profile>, Arc<Meaning>), Failure> {
    let profile = Arc::new(unlock(cli, satchel)?);
    // What was added or changed since the last search is indexed first, by the same
    // job the app runs, on the model the search then uses.
    let meaning = Arc::new(Meaning::new(crate::unlock::model_dirs(cli)));
    let job = profile.queue_index_now(SystemClock.now_ms())?;
    read_all_with(cli, &profile, Arc::clone(&meaning), &[job.id])?;
    Ok((profile, meaning))
}

/// Where a hit is, for people: "page 3", "at 4:05".
fn place(hit: &SearchHit) -> String {
    match (hit.page, hit.start_ms) {
        (Some(page), _) => format!("page {page}"),
        (None, Some(ms)) => format!("at {}", clock(ms)),
        (None, None) => String::new(),
    }
}
