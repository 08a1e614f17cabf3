//! What the engines' tests share beyond the test kit: where the models are, audio
//! re-encoded by ffmpeg, and this process's peak memory.

#![allow(dead_code)] // each test binary uses its own part of this

use std::path::{Path, PathBuf};

use satchel_test_kit::tools::run;

pub fn models_dir() -> PathBuf {
    std::env::var_os("SATCHEL_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/satchel/models")
        })
}

/// `input` re-encoded by ffmpeg as stereo 44.1 kHz (so decoding must mix down and
/// resample) into `output`, whose extension picks the format.
pub fn encode(input: &Path, output: &Path) {
    let codec = match output.extension().and_then(|e| e.to_str()) {
        Some("mp3") => "libmp3lame",
        Some("m4a") => "aac",
        Some("ogg") => "libvorbis",
        Some("flac") => "flac",
        _ => "pcm_s16le",
    };
    run(
        "ffmpeg",
        &[
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-i",
            input.to_str().unwrap(),
            "-ac",
            "2",
            "-ar",
            "44100",
            "-c:a",
            codec,
            output.to_str().unwrap(),
        ],
    )
    .unwrap();
}

/// Peak resident memory of this process so far, in MiB (Linux).
pub fn peak_rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
