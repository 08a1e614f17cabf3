//! Satchel's text embedding against Python (the anchor) doing the same work: the same
//! ONNX file (the app's model) on ONNX Runtime 1.32, the same tokenizer.json through
//! the PyPI `tokenizers`, the same texts in batches of 32, on 2 threads each.
//! Sentences per second, median of rounds after a warm-up; the two sides take turns
//! round by round, so the shared machine's noise falls on both alike.
//!
//! Run with `cargo xtask bench search`, which installs the anchor and passes
//! SATCHEL_MODELS_DIR, SATCHEL_ANCHOR_PYTHON and SATCHEL_ANCHOR_SCRIPT.

use satchel_core::search::Role;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use satchel_engines::embed::{DIMENSIONS, Embedder};
use satchel_engines::onnx::RUNTIME_LIBRARY;
use satchel_test_kit::median;

/// What the app gives the embedder on a two-core computer (min(cores, 4)).
const THREADS: usize = 2;
const ROUNDS: usize = 5;
const TEXTS: usize = 320;
/// Issue 5's goal: Satchel at least this many times the anchor's sentences per second.
const GOAL: f64 = 1.25;

/// What a learner's notes and textbooks say, one sentence each, of varied length.
const SENTENCES: &[&str] = &[
    "Photosynthesis turns light, water and carbon dioxide into sugar.",
    "The French Revolution began in 1789 and changed Europe.",
    "To add two fractions, first find a common denominator.",
    "Mitochondria release energy stored in food molecules.",
    "The speed of light is about 300,000 km per second.",
    "Volcanoes form where melted rock rises through the crust.",
    "Shakespeare wrote 37 plays and 154 sonnets in English.",
    "A triangle's angles always add up to 180 degrees.",
    "Water boils at 100 degrees Celsius at sea level.",
    "The Nile is the longest river in Africa (6,650 km).",
    "Multiply the length by the width to find the area.",
    "Chlorophyll absorbs red and blue light, not green.",
    "Cells divide by mitosis.",
    "An atom has a nucleus of protons and neutrons, surrounded by electrons arranged in shells.",
    "Newton's second law says that force equals mass times acceleration.",
    "The assassination of Archduke Franz Ferdinand in Sarajevo in June 1914 set off the chain of alliances that led to the First World War.",
    "Rivers carry sediment downstream and drop it where the current slows, building deltas at their mouths.",
    "A metaphor describes one thing as if it were another, without using like or as.",
    "Supply and demand set the price of a good in a free market.",
    "Enzymes speed up chemical reactions in living things without being used up themselves.",
    "The Pythagorean theorem relates the three sides of a right triangle: a squared plus b squared equals c squared.",
    "Igneous rocks cool from magma; sedimentary rocks form from layers of deposited particles; metamorphic rocks are changed by heat and pressure.",
    "The Treaty of Versailles, signed in 1919, made Germany accept responsibility for the war and pay reparations.",
    "Osmosis is the movement of water across a partially permeable membrane from a dilute solution to a concentrated one.",
    "In a food chain, energy passes from producers to primary consumers and then to predators, with most of it lost as heat at each step.",
    "The Industrial Revolution began in Britain in the late eighteenth century, when steam power and new machines moved work from homes into factories.",
    "An acid has a pH below 7.",
    "Continental plates move a few centimetres each year.",
    "Romeo and Juliet is a tragedy about two young lovers from feuding families in Verona.",
    "The mean of a set of numbers is their sum divided by how many there are.",
    "Electric current is the rate at which charge flows past a point in a circuit, measured in amperes.",
    "The Roman Empire split into eastern and western halves, and the western half fell in 476.",
    "Climate is the average weather of a place over thirty years or more, while weather is what happens from day to day.",
    "DNA carries the instructions for building proteins in a sequence of four bases.",
    "Inflation means that prices rise over time, so the same money buys less.",
    "A simile compares two things using like or as.",
    "The heart pumps blood through the arteries to the organs, and the veins bring it back.",
    "Gravity pulls every mass towards every other mass, more strongly when they are heavier or closer together.",
    "The Magna Carta of 1215 limited the power of the English king.",
    "To solve a linear equation, do the same operation to both sides until the unknown stands alone.",
    "Erosion by wind, water and ice wears down mountains over millions of years.",
    "The periodic table arranges the elements by atomic number, and elements in the same column react in similar ways.",
    "Sound travels as a longitudinal wave and cannot cross a vacuum.",
    "The causes of the First World War are often remembered as militarism, alliances, imperialism and nationalism.",
    "Plants make their own food in their leaves; animals have to eat plants or other animals.",
    "A noun names a person, place or thing.",
    "The Great Depression followed the stock market crash of 1929 and left millions of people without work.",
    "Vaccines train the immune system to recognise a germ before it causes disease.",
    "The area of a circle is pi times the radius squared.",
    "Deforestation removes the trees that store carbon and shelter many species, and leaves soil open to erosion.",
];

fn env_path(name: &str) -> PathBuf {
    PathBuf::from(
        std::env::var_os(name)
            .unwrap_or_else(|| panic!("{name} is not set: run `cargo xtask bench search`")),
    )
}

/// Texts of mixed length, as notes and chunks are: a sentence, a few, a paragraph.
fn texts() -> Vec<String> {
    const LENGTHS: [usize; 8] = [1, 2, 1, 4, 3, 1, 7, 2];
    (0..TEXTS)
        .map(|i| {
            (0..LENGTHS[i % LENGTHS.len()])
                .map(|k| SENTENCES[(i * 7 + k * 3) % SENTENCES.len()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The anchor's process, driven a round at a time: it answers each line ("in order"
/// or "sorted") with the seconds that round took.
struct Anchor {
    stdin: std::process::ChildStdin,
    stdout: BufReader<std::process::ChildStdout>,
    child: std::process::Child,
}

impl Anchor {
    fn next_line(&mut self) -> String {
        let mut line = String::new();
        self.stdout.read_line(&mut line).expect("anchor output");
        assert!(!line.is_empty(), "the anchor exited early");
        line
    }

    fn round(&mut self, mode: &str) -> f64 {
        writeln!(self.stdin, "{mode}").expect("anchor input");
        let value: serde_json::Value =
            serde_json::from_str(&self.next_line()).expect("anchor JSON");
        value["seconds"].as_f64().expect("seconds")
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let texts = texts();
    let inputs = dir.path().join("texts.json");
    std::fs::write(&inputs, serde_json::to_vec(&texts).unwrap()).unwrap();
    let their_vectors = dir.path().join("vectors.f32");

    let models = env_path("SATCHEL_MODELS_DIR");
    let embedder =
        Embedder::load(&models.join(RUNTIME_LIBRARY), &models, THREADS).expect("embedder");
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let tokens: usize = refs
        .iter()
        .map(|t| embedder.tokenizer().encode(*t, true).unwrap().len())
        .sum();

    let model = embedder.model();
    let mut child = Command::new(env_path("SATCHEL_ANCHOR_PYTHON"))
        .arg(env_path("SATCHEL_ANCHOR_SCRIPT"))
        .env("SATCHEL_EMBED_MODEL", model.onnx)
        .env("SATCHEL_EMBED_TOKENIZER", model.tokenizer)
        .env("SATCHEL_EMBED_PREFIX", model.passage_prefix)
        .arg(&models)
        .arg(THREADS.to_string())
        .arg(&inputs)
        .arg(&their_vectors)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the anchor runs");
    let mut anchor = Anchor {
        stdin: child.stdin.take().unwrap(),
        stdout: BufReader::new(child.stdout.take().unwrap()),
        child,
    };
    // The anchor loads, embeds everything once (its warm-up) and keeps those vectors.
    assert_eq!(anchor.next_line().trim(), "ready");

    // Warm-up, and the same vectors on both sides: the two do the same work.
    let ours = embedder.embed(&refs, Role::Passage).expect("embedding");
    let theirs: Vec<f32> = std::fs::read(&their_vectors)
        .unwrap()
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    assert_eq!(theirs.len(), texts.len() * DIMENSIONS);
    let difference = ours
        .iter()
        .flatten()
        .zip(&theirs)
        .map(|(a, b)| (a - b).abs())
        .fold(0f32, f32::max);
    assert!(difference < 1e-3, "the vectors differ by {difference}");

    let (mut satchel, mut in_order, mut sorted) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let started = Instant::now();
        embedder.embed(&refs, Role::Passage).expect("embedding");
        satchel.push(started.elapsed().as_secs_f64());
        in_order.push(anchor.round("in order"));
        sorted.push(anchor.round("sorted"));
    }
    drop(anchor.stdin);
    anchor.child.wait().expect("the anchor exits");

    let rate = |seconds: Vec<f64>| TEXTS as f64 / median(seconds).expect("timed rounds");
    let (satchel, in_order, sorted) = (rate(satchel), rate(in_order), rate(sorted));
    println!();
    println!(
        "{:<58} {:>10} {:>10} {:>8}",
        "figure (sentences per second)", "satchel", "anchor", "ratio"
    );
    println!(
        "{:<58} {:>10.1} {:>10.1} {:>8.2}",
        format!(
            "embedding, {}, {TEXTS} texts, batches of 32",
            embedder.model().name
        ),
        satchel,
        in_order,
        satchel / in_order
    );
    println!(
        "{:<58} {:>10.1} {:>10.1} {:>8.2}",
        "  against an anchor that also sorts by length",
        satchel,
        sorted,
        satchel / sorted
    );
    println!(
        "goal: ratio >= {GOAL} ({})",
        if satchel / in_order >= GOAL {
            "met"
        } else {
            "not met"
        }
    );
    println!(
        "(satchel: Embedder on ONNX Runtime 1.32 via ort, batches sorted by length; anchor: Python onnxruntime 1.32 + tokenizers, batches in the texts' order, padded to each batch's longest; {THREADS} threads each; {TEXTS} texts of 1 to 7 sentences, {:.0} tokens on average; median of {ROUNDS} rounds after a warm-up, the sides taking turns; vectors agree within {difference:.1e})",
        tokens as f64 / TEXTS as f64
    );
}
