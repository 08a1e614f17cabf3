//! `satchel ingest` and `satchel source`: recordings in, transcripts out.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use satchel_core::jobs::{Clock, SystemClock};
use satchel_core::types::{
    ErrorCode, ErrorView, Event, JobState, SourceKind, SourceStatus, SourceView, clock,
};
use satchel_core::vision::PdfWorker;
use satchel_core::{Profile, Satchel, draw_page};
use satchel_engines::Meaning;
use satchel_engines::Vision;

use crate::cli::{Cli, SourceCommand};
use crate::output::{Failure, print, write_out};
use crate::unlock::unlock;

pub fn ingest(
    cli: &Cli,
    satchel: &Satchel,
    files: &[PathBuf],
    title: Option<&str>,
    language: &str,
) -> Result<(), Failure> {
    if title.is_some() && files.len() > 1 {
        return Err(Failure::new(
            ErrorCode::InvalidInput,
            "--title names one file; give one file, or leave titles to the file names",
        ));
    }
    let language = parse_language(language)?;
    let profile = Arc::new(unlock(cli, satchel)?);
    // A protected PDF's password comes from the environment, never the command line
    // (which other users of the computer can see).
    let password = std::env::var("SATCHEL_DOCUMENT_PASSWORD").ok();
    // Each file is stored, then read by the same durable jobs the app runs.
    let mut queued = Vec::new();
    let mut failed = 0;
    for file in files {
        let outcome = profile.import_file(file, title).and_then(|source| {
            if let (SourceKind::Document, Some(password)) = (source.kind, &password) {
                profile.keep_document_password(&source.id, password)?;
            }
            let job = profile.queue_read(&source.id, language, SystemClock.now_ms())?;
            Ok((source.id, job.id))
        });
        match outcome {
            Ok(ids) => queued.push((file, ids)),
            Err(error) => {
                failed += 1;
                Failure::from(error)
                    .with_context(format!("{}", file.display()))
                    .report(cli.json);
            }
        }
    }
    let jobs: Vec<String> = queued.iter().map(|(_, (_, job))| job.clone()).collect();
    read_all(cli, &profile, &jobs)?;
    for (file, (source, _)) in queued {
        let source = profile.source(&source)?;
        match (source.status, &source.error) {
            (SourceStatus::Ready, _) => print(cli.json, &source, show)?,
            (_, error) => {
                failed += 1;
                let error = error.clone().unwrap_or(ErrorView::new(
                    ErrorCode::Internal,
                    format!("it was left {:?}", source.status),
                ));
                Failure::from(error)
                    .with_context(format!("{}", file.display()))
                    .report(cli.json);
            }
        }
    }
    match failed {
        0 => Ok(()),
        n => Err(Failure::new(
            ErrorCode::InvalidInput,
            format!("{n} of {} files could not be brought in", files.len()),
        )),
    }
}

/// Runs the library's jobs until `jobs` have ended, showing on a terminal how far the
/// reading has got.
pub fn read_all(cli: &Cli, profile: &Arc<Profile>, jobs: &[String]) -> Result<(), Failure> {
    let meaning = Arc::new(Meaning::new(crate::unlock::model_dirs(cli)));
    read_all_with(cli, profile, meaning, jobs)
}

/// [`read_all`], indexing with `meaning`.
pub fn read_all_with(
    cli: &Cli,
    profile: &Arc<Profile>,
    meaning: Arc<Meaning>,
    jobs: &[String],
) -> Result<(), Failure> {
    if jobs.is_empty() {
        return Ok(());
    }
    let terminal = !cli.json && std::io::stderr().is_terminal();
    let events = profile.events().subscribe();
    let runner = crate::pack::runner_with(cli, profile, meaning)?;
    crate::pack::until(|| {
        for event in events.try_iter() {
            if !terminal {
                continue;
            }
            match event {
                Event::SourceProgress {
                    done_ms, total_ms, ..
                } => {
                    let total = total_ms.map_or(String::new(), |t| format!(" of {}", clock(t)));
                    eprint!("\r\x1b[KTranscribing — {}{total}", clock(done_ms));
                }
                Event::SourcePages { done, total, .. } => {
                    eprint!("\r\x1b[KReading — page {done} of {total}");
                }
                Event::Indexing { done, total } if total > 0 => {
                    eprint!("\r\x1b[KUnderstanding what is new — {done} of {total} passages");
                }
                _ => {}
            }
        }
        for id in jobs {
            let state = profile.job(id)?.state;
            if matches!(state, JobState::Queued | JobState::Running) {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    drop(runner);
    if terminal {
        eprint!("\r\x1b[K");
    }
    Ok(())
}

/// The OCR, and this program as its own PDF reader.
fn vision(cli: &Cli) -> Result<Vision, Failure> {
    let worker = PdfWorker::this_program().map_err(satchel_core::Error::Media)?;
    Ok(Vision::new(crate::unlock::model_dirs(cli), worker))
}

pub fn source(cli: &Cli, satchel: &Satchel, command: &SourceCommand) -> Result<(), Failure> {
    let profile = Arc::new(unlock(cli, satchel)?);
    match command {
        SourceCommand::List => print(cli.json, &profile.sources()?, |sources| {
            for source in sources {
                let minutes = source.duration_ms.map_or(String::new(), clock);
                println!(
                    "{}\t{:?}\t{}\t{}\t{}",
                    source.id, source.status, minutes, source.title, source.excerpt
                );
            }
        }),
        SourceCommand::Show { id } => print(cli.json, &profile.source(id)?, show),
        SourceCommand::Transcribe { id, language } => {
            let language = parse_language(language)?;
            let source = profile.requeue_source(id)?;
            let job = profile.queue_read(&source.id, language, SystemClock.now_ms())?;
            read_all(cli, &profile, &[job.id])?;
            let done = profile.source(&source.id)?;
            match (done.status, done.error.clone()) {
                (SourceStatus::Ready, _) => print(cli.json, &done, show),
                (_, Some(error)) => Err(Failure::from(error)),
                (status, None) => Err(Failure::new(
                    ErrorCode::Internal,
                    format!("it was left {status:?}"),
                )),
            }
        }
        SourceCommand::Page {
            id,
            page,
            width,
            out,
        } => {
            let png = draw_page(&profile, id, *page, *width, &vision(cli)?)?;
            std::fs::write(out, &png).map_err(satchel_core::Error::io("writing", out))?;
            print(
                cli.json,
                &serde_json::json!({ "page": page, "path": out, "bytes": png.len() }),
                |_| println!("Page {page} drawn to {}", out.display()),
            )
        }
        SourceCommand::Original { id, output } => {
            let (reader, mime) = profile.source_original(id)?;
            write_out(cli.json, reader, &mime, output)
        }
        SourceCommand::Rm { id } => {
            let source = profile.source(id)?;
            profile.delete_source(&source.id)?;
            print(
                cli.json,
                &serde_json::json!({ "deleted": source.id }),
                |_| println!("Deleted {}", source.id),
            )
        }
    }
}

pub fn parse_language(language: &str) -> Result<Option<&str>, Failure> {
    match language {
        "auto" => Ok(None),
        code if code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase()) => Ok(Some(code)),
        other => Err(Failure::new(
            ErrorCode::InvalidInput,
            format!(
                "{other:?} is not a language code; use two letters such as \"en\", or \"auto\""
            ),
        )),
    }
}

pub fn show(source: &SourceView) {
    println!("# {}", source.title);
    let language = source.language.as_deref().unwrap_or("?");
    let length = source.duration_ms.map_or(String::new(), clock);
    println!(
        "{} · {language} · {length} · {:?}\n",
        source.id, source.status
    );
    if let Some(error) = &source.error {
        println!("error: {}\n", error.message);
    }
    for segment in &source.segments {
        match (segment.start_ms, segment.page) {
            (Some(start), _) => println!("[{}] {}", clock(start), segment.text),
            (None, Some(page)) => println!("[p. {page}] {}", segment.text),
            (None, None) => println!("{}", segment.text),
        }
    }
}
