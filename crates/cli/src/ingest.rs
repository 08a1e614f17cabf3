//! `satchel ingest` and `satchel source`: recordings in, transcripts out.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use satchel_core::types::{ErrorCode, Event, SourceKind, SourceView, clock};
use satchel_core::vision::{PdfWorker, Vision};
use satchel_core::voice::{Whisper, model_dirs};
use satchel_core::{Profile, Satchel, draw_page, read_source, transcribe_source};

use crate::cli::{Cli, SourceCommand};
use crate::output::{Failure, print};
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
    let whisper = Whisper::new(model_dirs(None));
    let vision = vision()?;
    // A protected PDF's password comes from the environment, never the command line
    // (which other users of the computer can see).
    let password = std::env::var("SATCHEL_DOCUMENT_PASSWORD").ok();
    let mut failed = 0;
    for file in files {
        let outcome = profile
            .import_file(file, title)
            .map_err(Failure::from)
            .and_then(|source| match source.kind {
                SourceKind::Audio => transcribe(cli, &profile, &whisper, &source, language),
                SourceKind::Image | SourceKind::Document | SourceKind::Text => Ok(read_source(
                    &profile,
                    &source.id,
                    &vision,
                    password.as_deref(),
                )?),
            });
        match outcome {
            Ok(source) => print(cli.json, &source, show)?,
            Err(failure) => {
                failed += 1;
                failure
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

/// The OCR, and this program as its own PDF reader.
fn vision() -> Result<Vision, Failure> {
    let worker = PdfWorker::this_program().map_err(satchel_core::Error::Media)?;
    Ok(Vision::new(model_dirs(None), worker))
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
            let whisper = Whisper::new(model_dirs(None));
            let done = transcribe(cli, &profile, &whisper, &source, language)?;
            print(cli.json, &done, show)
        }
        SourceCommand::Page {
            id,
            page,
            width,
            out,
        } => {
            let png = draw_page(&profile, id, *page, *width, &vision()?)?;
            std::fs::write(out, &png).map_err(satchel_core::Error::io("writing", out))?;
            print(
                cli.json,
                &serde_json::json!({ "page": page, "path": out, "bytes": png.len() }),
                |_| println!("Page {page} drawn to {}", out.display()),
            )
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

/// Transcribes `source`, showing progress on a terminal's stderr.
pub fn transcribe(
    cli: &Cli,
    profile: &Arc<Profile>,
    whisper: &Whisper,
    source: &SourceView,
    language: Option<&str>,
) -> Result<SourceView, Failure> {
    let done = Arc::new(AtomicBool::new(false));
    let reporter = (!cli.json && std::io::stderr().is_terminal()).then(|| {
        let events = profile.events().subscribe();
        let (done, id, title) = (Arc::clone(&done), source.id.clone(), source.title.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                if let Ok(Event::SourceProgress {
                    id: of,
                    done_ms,
                    total_ms,
                }) = events.recv_timeout(Duration::from_millis(200))
                    && of == id
                {
                    let total = total_ms.map_or(String::new(), |t| format!(" of {}", clock(t)));
                    eprint!("\r\x1b[KTranscribing {title} — {}{total}", clock(done_ms));
                }
            }
            eprint!("\r\x1b[K");
        })
    });
    let outcome = transcribe_source(profile, &source.id, whisper, language, Arc::default());
    done.store(true, Ordering::Relaxed);
    if let Some(reporter) = reporter {
        let _ = reporter.join();
    }
    Ok(outcome?)
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
