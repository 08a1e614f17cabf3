//! The on-device writer, measured: for each passage of the pack set, a small
//! instruction-tuned model (a GGUF run by llama.cpp on two threads, greedy) is asked
//! for the terms, names, numbers and dates a teacher would ask a student to recall,
//! copied from the passage. It writes what it answered, how long each passage took
//! and its peak memory as JSON; the `pack_quality` bench scores those terms with the
//! same scorer as the extractive writers' cards (`cargo xtask bench pack` runs both).
//!
//! `satchel-bench-llm MODEL.gguf SET.toml OUT.json [TERMS]`

use std::num::NonZeroU32;
use std::time::Instant;

use llama_cpp_2::context::params::LlamaContextParams;
use llama_cpp_2::llama_backend::LlamaBackend;
use llama_cpp_2::llama_batch::LlamaBatch;
use llama_cpp_2::model::params::LlamaModelParams;
use llama_cpp_2::model::{LlamaChatMessage, LlamaModel};
use llama_cpp_2::sampling::LlamaSampler;
use serde::{Deserialize, Serialize};

/// The model's context: a passage of 150 words and the instruction fit in a quarter.
const CONTEXT: u32 = 2048;
/// Tokens the model may write for one passage: a list of terms, not an essay.
const MAX_NEW: usize = 160;
/// The laptop Satchel is built for has two cores.
const THREADS: i32 = 2;

#[derive(Deserialize)]
struct Set {
    passage: Vec<Passage>,
}

#[derive(Deserialize)]
struct Passage {
    id: String,
    text: String,
}

#[derive(Serialize)]
struct Answered {
    id: String,
    /// The lines the model wrote, as it wrote them.
    terms: Vec<String>,
    prompt_tokens: usize,
    written_tokens: usize,
    seconds: f64,
}

#[derive(Serialize)]
struct Run {
    model: String,
    load_seconds: f64,
    peak_rss_mib: u64,
    passages: Vec<Answered>,
}

fn peak_rss_mib() -> u64 {
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

/// A line of the model's list as a term: no bullet, number or quotes.
fn term(line: &str) -> Option<String> {
    let cleaned = line
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || "-*•.)".contains(c))
        .trim()
        .trim_matches(['"', '“', '”', '*'])
        .trim();
    (!cleaned.is_empty()).then(|| cleaned.to_owned())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, model_path, set_path, out_path, rest @ ..] = args.as_slice() else {
        return Err("usage: satchel-bench-llm MODEL.gguf SET.toml OUT.json [TERMS]".into());
    };
    let wanted: usize = rest.first().and_then(|n| n.parse().ok()).unwrap_or(8);
    let set: Set = toml::from_str(&std::fs::read_to_string(set_path)?)?;
    let mut backend = LlamaBackend::init()?;
    // llama.cpp's own account of loading, line by line, would bury the bench's.
    backend.void_logs();
    let started = Instant::now();
    let model = LlamaModel::load_from_file(&backend, model_path, &LlamaModelParams::default())?;
    let load_seconds = started.elapsed().as_secs_f64();
    let template = model.chat_template(None)?;
    let mut passages = Vec::new();
    for passage in &set.passage {
        let params = LlamaContextParams::default()
            .with_n_ctx(NonZeroU32::new(CONTEXT))
            .with_n_batch(512)
            .with_n_threads(THREADS)
            .with_n_threads_batch(THREADS);
        let mut context = model.new_context(&backend, params)?;
        let ask = format!(
            "Passage:\n{}\n\nList the {wanted} most important terms, names, numbers or dates in this passage that a teacher would ask a student to recall on a test. Copy each exactly as it is written in the passage, one to four words. Write one per line and nothing else.",
            passage.text.trim()
        );
        let chat = [
            LlamaChatMessage::new(
                "system".into(),
                "You are a careful teacher writing a test on a textbook passage.".into(),
            )?,
            LlamaChatMessage::new("user".into(), ask)?,
        ];
        let prompt = model.apply_chat_template(&template, &chat, true)?;
        let tokens = model.vocab().tokenize(prompt.as_bytes(), false, true);
        let began = Instant::now();
        let mut batch = LlamaBatch::new(CONTEXT as usize, 1);
        let last = tokens.len().saturating_sub(1);
        for (i, token) in tokens.iter().enumerate() {
            batch.add(*token, i32::try_from(i)?, &[0], i == last)?;
        }
        context.decode(&mut batch)?;
        let mut sampler = LlamaSampler::greedy();
        let mut at = i32::try_from(tokens.len())?;
        let mut written: Vec<u8> = Vec::new();
        let mut count = 0;
        while count < MAX_NEW {
            let token = sampler.sample(&context, batch.n_tokens() - 1);
            sampler.accept(token);
            if model.vocab().is_eog(token) {
                break;
            }
            written.extend(model.vocab().token_to_piece(token, false, None));
            batch.clear();
            batch.add(token, at, &[0], true)?;
            at += 1;
            count += 1;
            context.decode(&mut batch)?;
        }
        let text = String::from_utf8_lossy(&written).into_owned();
        let answered = Answered {
            id: passage.id.clone(),
            terms: text.lines().filter_map(term).collect(),
            prompt_tokens: tokens.len(),
            written_tokens: count,
            seconds: began.elapsed().as_secs_f64(),
        };
        eprintln!(
            "{}: {} terms in {:.1}s",
            answered.id,
            answered.terms.len(),
            answered.seconds
        );
        passages.push(answered);
    }
    let run = Run {
        model: std::path::Path::new(model_path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        load_seconds,
        peak_rss_mib: peak_rss_mib(),
        passages,
    };
    std::fs::write(out_path, serde_json::to_vec_pretty(&run)?)?;
    Ok(())
}
