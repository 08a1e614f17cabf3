//! `satchel record`: the microphone, into the encrypted store, then transcribed.

use std::io::IsTerminal;
use std::sync::Arc;
use std::time::{Duration, Instant};

use satchel_core::jobs::{Clock, SystemClock};
use satchel_core::types::{ErrorCode, Event, clock};
use satchel_core::{Recorded, Recording, RecordingControl, Satchel};

use crate::cli::Cli;
use crate::ingest::{parse_language, read_all, show};
use crate::output::{Failure, print};
use crate::unlock::unlock;

pub fn record(
    cli: &Cli,
    satchel: &Satchel,
    title: Option<&str>,
    seconds: Option<f64>,
    language: &str,
    then_transcribe: bool,
) -> Result<(), Failure> {
    let language = parse_language(language)?;
    let limit = match seconds {
        Some(s) if s.is_finite() && s > 0.0 => Some(Duration::from_secs_f64(s)),
        Some(_) => {
            return Err(Failure::new(
                ErrorCode::InvalidInput,
                "--for takes a number of seconds above zero",
            ));
        }
        None => None,
    };
    let profile = Arc::new(unlock(cli, satchel)?);
    let microphone = satchel_engines::open_microphone().map_err(satchel_core::Error::from)?;
    let recording = Recording::start(&profile, title.unwrap_or_default(), microphone)?;
    let control = Arc::new(RecordingControl::default());
    {
        let control = Arc::clone(&control);
        // A second Ctrl+C while the recording is being saved is ignored: it is
        // seconds at most, and stopping then would be what loses sound.
        ctrlc::set_handler(move || control.stop())
            .map_err(|e| Failure::new(ErrorCode::Internal, format!("cannot catch Ctrl+C: {e}")))?;
    }
    let interactive = !cli.json && std::io::stderr().is_terminal();
    if std::io::stdin().is_terminal() {
        let control = Arc::clone(&control);
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = std::io::stdin().read_line(&mut line);
            control.stop();
        });
    }
    if let Some(limit) = limit {
        let control = Arc::clone(&control);
        // The limit counts from the first sound, like the recording's own clock.
        let events = profile.events().subscribe();
        std::thread::spawn(move || {
            // A microphone that never gives sound does not hold the command forever.
            let deadline = Instant::now() + limit + Duration::from_secs(30);
            while Instant::now() < deadline {
                if let Ok(Event::RecordingLevel { elapsed_ms, .. }) =
                    events.recv_timeout(Duration::from_millis(200))
                    && elapsed_ms as u128 >= limit.as_millis()
                {
                    break;
                }
                if control.is_stopped() {
                    return;
                }
            }
            control.stop();
        });
    }
    if interactive {
        let view = recording.view();
        eprintln!("Recording from {} — Enter or Ctrl+C stops.", view.device);
        let events = profile.events().subscribe();
        std::thread::spawn(move || {
            for event in events {
                match event {
                    Event::RecordingLevel {
                        elapsed_ms,
                        level_db,
                        live,
                    } => {
                        if live {
                            let bars = usize::try_from((i32::from(level_db) + 60).clamp(0, 60) / 3)
                                .unwrap_or(0);
                            eprint!(
                                "\r\x1b[K● {}  {}{}",
                                clock(elapsed_ms),
                                "▮".repeat(bars),
                                "▯".repeat(20 - bars)
                            );
                        } else {
                            eprint!("\r\x1b[KStarting the microphone…");
                        }
                    }
                    Event::RecordingEnded { .. } => {
                        eprint!("\r\x1b[K");
                        break;
                    }
                    _ => {}
                }
            }
        });
    }
    let (source, cut_short) = match recording.run(&control)? {
        Recorded::Saved { source, cut_short } => (*source, cut_short),
        Recorded::Discarded => {
            return Err(Failure::new(
                ErrorCode::NoMicrophone,
                "no sound came from the microphone; nothing was recorded",
            ));
        }
    };
    if let Some(error) = cut_short {
        // Kept, but say why it ended early.
        Failure::from(error)
            .with_context(format!(
                "the recording stopped at {}",
                clock(source.duration_ms.unwrap_or(0))
            ))
            .report(cli.json);
    }
    let source = if then_transcribe {
        let job = profile.queue_read(&source.id, language, SystemClock.now_ms())?;
        read_all(cli, &profile, &[job.id])?;
        let source = profile.source(&source.id)?;
        if let Some(error) = source.error.clone() {
            return Err(Failure::from(error));
        }
        source
    } else {
        source
    };
    print(cli.json, &source, show)
}
