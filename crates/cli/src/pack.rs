//! `satchel pack`: a study pack from a note or source, made by the same jobs the app
//! runs, here in this process.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::Duration;

use satchel_core::jobs::{Clock, JobRunner, SystemClock};
use satchel_core::types::{Event, PackState, PackView};
use satchel_core::vision::PdfWorker;
use satchel_core::work::{Models, kinds};
use satchel_core::{Profile, Satchel};
use satchel_engines::Meaning;
use satchel_engines::Vision;
use satchel_engines::Whisper;

use crate::cli::{Cli, PackCommand};
use crate::output::{Failure, print};
use crate::unlock::{model_dirs, unlock};

/// The library's jobs, run with the models from the usual folders.
pub fn runner(cli: &Cli, profile: &Arc<Profile>) -> Result<JobRunner, Failure> {
    runner_with(cli, profile, Arc::new(Meaning::new(model_dirs(cli))))
}

/// [`runner`], indexing with `meaning` (which the caller searches with too, so the
/// model loads once).
pub fn runner_with(
    cli: &Cli,
    profile: &Arc<Profile>,
    meaning: Arc<Meaning>,
) -> Result<JobRunner, Failure> {
    let dirs = model_dirs(cli);
    let worker = PdfWorker::this_program().map_err(satchel_core::Error::Media)?;
    let models = Models {
        transcriber: Arc::new(Whisper::new(dirs.clone())),
        reader: Arc::new(Vision::new(dirs, worker)),
        meaning,
    };
    Ok(JobRunner::start(
        Arc::clone(profile),
        kinds(models),
        Arc::new(SystemClock),
    )?)
}

/// Waits until `done` says so, looking every few tens of milliseconds.
pub fn until(mut done: impl FnMut() -> Result<bool, satchel_core::Error>) -> Result<(), Failure> {
    while !done()? {
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(())
}

pub fn pack(
    cli: &Cli,
    satchel: &Satchel,
    command: Option<&PackCommand>,
    source: Option<&str>,
    no_wait: bool,
) -> Result<(), Failure> {
    let profile = Arc::new(unlock(cli, satchel)?);
    let show = |pack: &PackView| print(cli.json, pack, describe);
    if let Some(PackCommand::Show { id }) = command {
        return show(&profile.pack(id)?);
    }
    let Some(source) = source else {
        return Err(Failure::new(
            satchel_core::types::ErrorCode::InvalidInput,
            "name the note or source to make a pack from",
        )
        .with_hint("satchel pack SOURCE_ID (see `satchel source list`, `satchel note list`)"));
    };
    let requested = profile.request_pack(source, SystemClock.now_ms())?;
    if no_wait {
        return show(&requested);
    }
    let events = profile.events().subscribe();
    let runner = runner(cli, &profile)?;
    let terminal = std::io::stderr().is_terminal() && !cli.json;
    until(|| {
        for event in events.try_iter() {
            if let Event::PackUpdated { done, total, .. } = event
                && terminal
            {
                eprint!("\rMaking the study pack — step {done} of {total}");
            }
        }
        profile.pack_settled(&requested.id)
    })?;
    drop(runner);
    if terminal {
        eprint!("\r\x1b[2K");
    }
    let pack = profile.pack(&requested.id)?;
    if pack.state == PackState::Failed {
        let error = pack
            .error
            .clone()
            .unwrap_or(satchel_core::types::ErrorView::new(
                satchel_core::types::ErrorCode::Internal,
                "a step failed",
            ));
        return Err(Failure::new(
            error.code,
            format!("the study pack could not be made: {}", error.message),
        )
        .with_hint(format!(
            "see `satchel jobs`; `satchel jobs retry ID` tries a step again (pack {})",
            pack.id
        )));
    }
    show(&pack)
}

/// `satchel sample-lesson`: the sample lesson brought in and its four packs made here.
pub fn sample_lesson(cli: &Cli, satchel: &Satchel) -> Result<(), Failure> {
    let profile = Arc::new(unlock(cli, satchel)?);
    let requested = profile.add_sample_lesson(SystemClock.now_ms())?;
    let runner = runner(cli, &profile)?;
    let terminal = std::io::stderr().is_terminal() && !cli.json;
    let total = requested.len();
    until(|| {
        let mut settled = 0;
        for pack in &requested {
            if profile.pack_settled(&pack.id)? {
                settled += 1;
            }
        }
        if terminal {
            eprint!("\rMaking the sample lesson's study packs — {settled} of {total} made");
        }
        Ok(settled == total)
    })?;
    drop(runner);
    if terminal {
        eprint!("\r\x1b[2K");
    }
    let packs = requested
        .iter()
        .map(|pack| profile.pack(&pack.id))
        .collect::<Result<Vec<_>, _>>()?;
    let failed: Vec<&str> = packs
        .iter()
        .filter(|p| p.state == PackState::Failed)
        .map(|p| p.title.as_str())
        .collect();
    print(cli.json, &packs, |packs| {
        for pack in packs {
            println!(
                "{} “{}”: {} cards, {} quiz questions ({:?})",
                pack.id,
                pack.title,
                pack.cards.len(),
                pack.quiz.len(),
                pack.state
            );
        }
        println!("\nStudy them with `satchel review next`.");
    })?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(
            satchel_core::types::ErrorCode::Internal,
            format!("these packs could not be made: {}", failed.join(", ")),
        )
        .with_hint("see `satchel jobs`; `satchel jobs retry ID` tries a step again"))
    }
}

fn describe(pack: &PackView) {
    println!(
        "Study pack {} from “{}” ({:?})",
        pack.id, pack.title, pack.state
    );
    if !pack.summary.is_empty() {
        println!("\nSummary\n  {}", pack.summary);
    }
    if !pack.cards.is_empty() {
        println!("\nCards");
        for card in &pack.cards {
            println!("  {}\n    → {}", card.front, card.back);
        }
    }
    if !pack.quiz.is_empty() {
        println!("\nQuiz");
        for (n, question) in pack.quiz.iter().enumerate() {
            println!("  {}. {}", n + 1, question.question);
            for (i, choice) in question.choices.iter().enumerate() {
                let mark = if i == question.answer { "*" } else { " " };
                println!("     {mark} {choice}");
            }
        }
    }
}
