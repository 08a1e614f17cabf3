//! What the media and engines tests share: where the models are, audio we make
//! ourselves (espeak-ng speech, ffmpeg encodings, WAV files written sample by sample),
//! and the lines the OCR and PDF tests print.

#![allow(dead_code)] // each test binary uses its own part of this

pub mod wer;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

pub const RATE: u32 = 16_000;

pub fn models_dir() -> PathBuf {
    std::env::var_os("SATCHEL_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default())
                .join(".cache/satchel/models")
        })
}

/// `text` spoken by espeak-ng at a calm classroom pace into a WAV file (22,050 Hz).
pub fn speak(text: &str, wav: &Path) {
    speak_with(text, wav, &[]);
}

pub fn speak_with(text: &str, wav: &Path, args: &[&str]) {
    let status = Command::new("espeak-ng")
        .args(["-s", "140"])
        .args(args)
        .arg("-w")
        .arg(wav)
        .arg(text)
        .status()
        .expect("espeak-ng runs");
    assert!(status.success(), "espeak-ng failed");
}

/// Runs a tool (ffmpeg) that must succeed.
pub fn run(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// School sentences for printed pages, one a line.
pub const OCR_LINES: &str = include_str!("../data/ocr_lines.txt");

pub fn ocr_lines() -> Vec<&'static str> {
    OCR_LINES.lines().filter(|l| !l.is_empty()).collect()
}

/// Ghostscript's pdfwrite makes `pdf` from `args` (options, then PostScript).
pub fn pdfwrite(pdf: &Path, args: &[&str]) {
    let output = format!("-sOutputFile={}", pdf.display());
    let mut all = vec!["-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", &output];
    all.extend(args);
    run("gs", &all);
}

/// Writes 16 kHz mono 16-bit PCM as a WAV file, streaming `samples` (which may be
/// far larger than memory should hold).
pub fn write_wav(path: &Path, samples: u64, mut next: impl FnMut() -> i16) {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path).unwrap());
    let data = u32::try_from(samples * 2).expect("under 4 GB");
    out.write_all(b"RIFF").unwrap();
    out.write_all(&(36 + data).to_le_bytes()).unwrap();
    out.write_all(b"WAVEfmt ").unwrap();
    out.write_all(&16u32.to_le_bytes()).unwrap();
    out.write_all(&1u16.to_le_bytes()).unwrap(); // PCM
    out.write_all(&1u16.to_le_bytes()).unwrap(); // mono
    out.write_all(&RATE.to_le_bytes()).unwrap();
    out.write_all(&(RATE * 2).to_le_bytes()).unwrap();
    out.write_all(&2u16.to_le_bytes()).unwrap();
    out.write_all(&16u16.to_le_bytes()).unwrap();
    out.write_all(b"data").unwrap();
    out.write_all(&data.to_le_bytes()).unwrap();
    for _ in 0..samples {
        out.write_all(&next().to_le_bytes()).unwrap();
    }
    out.flush().unwrap();
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
    );
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
