//! `satchel record`, end to end, through a real sound server: `cargo xtask test` starts
//! a PulseAudio of its own whose microphone hears what the test plays, so the CLI
//! records espeak-ng speech through ALSA and PulseAudio as it would a learner's voice.
//! A recording stopped by a signal is kept whole; one whose process is killed is
//! kept up to its last save; no microphone is a clear error that stores nothing.

use std::io::Read;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use satchel_e2e::{Cli, files_containing, play_to_microphone, speak};
use satchel_test_kit::PASSPHRASE;

const SPOKEN: &str = "The heart has four chambers. Blood flows through the lungs.";

fn learner(dir: &std::path::Path) -> Cli {
    let cli = Cli::new(&dir.join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    cli
}

/// Starts `satchel record` and waits until its microphone is live (the sound server
/// takes a moment to start a stream), judged by the recording's own lock file.
fn start_recording(cli: &Cli, args: &[&str]) -> Child {
    let child = cli
        .command(&[&["record", "--json"], args].concat())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("satchel record starts");
    let started = Instant::now();
    while lock_files(cli).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no recording began"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // The sound server's start-up (about 2 s here): speech before it is not heard.
    std::thread::sleep(Duration::from_millis(2_500));
    child
}

fn lock_files(cli: &Cli) -> Vec<std::path::PathBuf> {
    let Ok(profiles) = std::fs::read_dir(cli.data_dir.join("profiles")) else {
        return Vec::new();
    };
    profiles
        .flatten()
        .filter_map(|p| std::fs::read_dir(p.path().join("recordings")).ok())
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect()
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(status.success());
}

#[test]
#[ignore = "needs the test sound server, espeak-ng and the models; `cargo xtask test` provides them"]
fn a_recording_stopped_by_a_signal_is_kept_whole_and_transcribed() {
    let dir = tempfile::tempdir().unwrap();
    let cli = learner(dir.path());
    let wav = dir.path().join("said.wav");
    speak(SPOKEN, &wav);

    let mut child = start_recording(&cli, &["--title", "Biology", "--language", "en"]);
    let began = Instant::now();
    play_to_microphone(&wav);
    std::thread::sleep(Duration::from_millis(500));
    signal(&child, "TERM");
    let recorded_for = began.elapsed();
    let status = child.wait().unwrap();
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(status.success(), "{status}: {stderr}");

    let source: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON line");
    println!("{source}");
    assert_eq!(source["kind"], "audio");
    assert_eq!(source["title"], "Biology");
    assert_eq!(source["status"], "ready");
    assert_eq!(source["media_type"], "audio/wav");
    assert!(source["file_name"].is_null());
    let text = source["text"].as_str().unwrap().to_lowercase();
    assert!(
        text.contains("chambers") && text.contains("lungs"),
        "{text}"
    );
    // Everything up to the signal, the last words included: at least the time the
    // test played and waited, and less than that plus the 2.5 s before it.
    let duration = source["duration_ms"].as_i64().unwrap();
    let floor = recorded_for.as_millis() as i64;
    println!("recorded {duration} ms; {floor} ms passed between playing and the signal");
    assert!(
        (floor..floor + 3_000).contains(&duration),
        "{duration} ms for {floor} ms"
    );
    assert!(lock_files(&cli).is_empty(), "the lock file is removed");
    // The recording itself is stored encrypted: no WAV header, no transcript.
    assert!(files_containing(&cli.data_dir, b"WAVEfmt").is_empty());
    assert!(files_containing(&cli.data_dir, b"chambers").is_empty());
}

#[test]
#[ignore = "needs the test sound server; `cargo xtask test` provides it"]
fn a_killed_recording_is_kept_up_to_its_last_save() {
    let dir = tempfile::tempdir().unwrap();
    let cli = learner(dir.path());
    let mut child = start_recording(&cli, &["--no-transcribe"]);
    std::thread::sleep(Duration::from_secs(5));
    // Opening the profile meanwhile (another window, another command) leaves the
    // recording alone: it is still being made.
    let meanwhile = cli.json(&["source", "list"]);
    assert_eq!(meanwhile.as_array().unwrap().len(), 0, "{meanwhile}");
    child.kill().unwrap();
    child.wait().unwrap();

    let sources = cli.json(&["source", "list"]);
    let sources = sources.as_array().unwrap();
    assert_eq!(sources.len(), 1, "{sources:?}");
    let source = &sources[0];
    println!("{source}");
    assert_eq!(source["status"], "queued");
    assert_eq!(source["title"], "Recording");
    // Sound came for about 5.5 of the 7.5 s (the sound server starts slowly), and
    // saves come every 2 s: at most that is lost.
    let duration = source["duration_ms"].as_i64().unwrap();
    assert!((3_000..8_000).contains(&duration), "{duration} ms");
    assert!(lock_files(&cli).is_empty());
    // And it reads back as the recording it is.
    let id = source["id"].as_str().unwrap();
    let shown = cli.json(&["source", "show", id]);
    assert_eq!(shown["media_type"], "audio/wav");
    // A 44-byte header, then 32 bytes a millisecond (16 kHz, 16 bits).
    assert_eq!((shown["size_bytes"].as_i64().unwrap() - 44) / 32, duration);
}

#[test]
#[ignore = "needs ALSA's configuration (libasound2); `cargo xtask test` provides it"]
fn with_no_microphone_nothing_is_recorded_and_the_error_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // No sound server answers, and this machine has no sound card.
    let cli = learner(dir.path()).env("PULSE_SERVER", "unix:/nonexistent/satchel-test");
    let out = cli.run(&["record", "--for", "2", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let error_line = stderr
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_else(|| panic!("a JSON error: {stderr}"));
    let error: serde_json::Value = serde_json::from_str(error_line).unwrap();
    assert_eq!(error["error"]["code"], "no_microphone", "{error}");
    assert!(
        error["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("microphone")
    );
    assert_eq!(cli.json(&["source", "list"]).as_array().unwrap().len(), 0);
    assert!(lock_files(&cli).is_empty());
}
