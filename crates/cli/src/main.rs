//! `satchel`: the headless command line over Satchel's core, for scripting and tests.
//!
//! Every command takes `--json` for machine-readable output on stdout. Failures go to
//! stderr (as `{"error": {...}}` with `--json`) with a non-zero exit, never a panic.

mod backup;
mod class;
mod cli;
mod ingest;
mod jobs;
mod learn;
mod models;
mod notes;
mod output;
mod pack;
mod profiles;
mod record;
mod search;
mod sync;
mod unlock;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::output::Failure;

/// Windows's own heap searches a free list on every allocation where Wine runs it
/// without Windows's low-fragmentation front end: loading the embedder's tokenizer
/// (a trie of 250,000 pieces, millions of small blocks) took minutes there instead of
/// a second. mimalloc takes memory from the system in large pieces and serves small
/// blocks itself, the same on every Windows.
#[cfg(windows)]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `server` held to `fingerprint`, when one is given apart from the address.
fn pinned(server: &str, fingerprint: Option<&str>) -> Result<String, Failure> {
    let mut address = satchel_core::ServerAddress::parse(server)?;
    if let Some(fingerprint) = fingerprint {
        address.pin = Some(satchel_core::parse_fingerprint(fingerprint)?);
    }
    Ok(address.pinned_text())
}

fn main() -> ExitCode {
    // Started as Satchel's PDF reader (a worker process of its own): serve and exit.
    satchel_core::serve_worker_if_asked();
    let cli = Cli::parse();
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.report(json);
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let satchel = unlock::open_satchel(&cli)?;
    match &cli.command {
        Command::Profile { command } => profiles::run(&cli, &satchel, command),
        Command::Note { command } => notes::run(&cli, &satchel, command),
        Command::Ingest {
            files,
            title,
            language,
        } => ingest::ingest(&cli, &satchel, files, title.as_deref(), language),
        Command::Source { command } => ingest::source(&cli, &satchel, command),
        Command::Jobs { command } => jobs::jobs(&cli, &satchel, command.as_ref()),
        Command::Card { command } => learn::card(&cli, &satchel, command),
        Command::Decks => learn::decks(&cli, &satchel),
        Command::SampleLesson => pack::sample_lesson(&cli, &satchel),
        Command::Reminders { state, child } => {
            learn::reminders(&cli, &satchel, state.as_deref(), *child)
        }
        Command::Review { command } => learn::review(&cli, &satchel, command),
        Command::Stats { csv, mastery_csv } => {
            learn::stats(&cli, &satchel, csv.as_deref(), mastery_csv.as_deref())
        }
        Command::ImportAnki { file } => learn::import_anki(&cli, &satchel, file),
        Command::Backup { file } => backup::backup(&cli, &satchel, file.as_deref()),
        Command::Backups { all } => backup::backups(&cli, &satchel, *all),
        Command::Restore { file } => backup::restore(&cli, &satchel, file),
        Command::ExportAnki { file, deck } => {
            learn::export_anki(&cli, &satchel, file, deck.as_deref())
        }
        Command::Login {
            server,
            user,
            fingerprint,
        } => sync::login(
            &cli,
            &satchel,
            &pinned(server, fingerprint.as_deref())?,
            user,
        ),
        Command::Logout => sync::logout(&cli, &satchel),
        Command::Sync { command } => sync::sync(&cli, &satchel, command.as_ref()),
        Command::Class { command } => class::class(&cli, &satchel, command),
        Command::ExportBundle { file, progress } => {
            class::export_bundle(&cli, &satchel, file, *progress)
        }
        Command::ImportBundle { file, code } => {
            class::import_bundle(&cli, &satchel, file, code.as_deref())
        }
        Command::Models { command } => models::models(&cli, &satchel, command),
        Command::Update { command } => models::update(&cli, command),
        Command::Pack {
            command,
            source,
            no_wait,
        } => pack::pack(
            &cli,
            &satchel,
            command.as_ref(),
            source.as_deref(),
            *no_wait,
        ),
        Command::Ask { question, limit } => {
            search::ask(&cli, &satchel, &question.join(" "), *limit)
        }
        Command::Concepts { source } => search::concepts(&cli, &satchel, source.as_deref()),
        Command::Search { query, limit } => {
            search::search(&cli, &satchel, &query.join(" "), *limit)
        }
        Command::Record {
            title,
            seconds,
            language,
            no_transcribe,
        } => record::record(
            &cli,
            &satchel,
            title.as_deref(),
            *seconds,
            language,
            !no_transcribe,
        ),
    }
}
