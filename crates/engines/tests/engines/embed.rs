//! all-MiniLM-L6-v2 as Satchel runs it matches the model as published: the tokens of a
//! known sentence, and sentence-transformers' published similarities for known pairs,
//! within 1e-3 for the f32 graph we build and 1e-2 for the int8 one the package ships.
//! Needs the models `cargo xtask models` builds.

use satchel_engines::embed::{DIMENSIONS, Embedder, MAX_TOKENS};
use satchel_engines::onnx::RUNTIME_LIBRARY;

use crate::common::models_dir;

fn embedder() -> Embedder {
    Embedder::load(&models_dir().join(RUNTIME_LIBRARY), &models_dir(), 2).unwrap()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn tokens_and_similarities_match_the_published_model() {
    let f32_dir = tempfile::tempdir().unwrap();
    let exact = crate::quantised::embedder_with("all-minilm-l6-v2.onnx", f32_dir.path());
    let tokens = exact
        .tokenizer()
        .encode("The new movie is awesome", true)
        .unwrap();
    assert_eq!(tokens.get_ids(), [101, 1996, 2047, 3185, 2003, 12476, 102]);
    for (embedder, name, tolerance) in
        [(&exact, "f32", 1e-3), (&embedder(), "int8 (shipped)", 1e-2)]
    {
        matches_published(embedder, name, tolerance);
    }
}

fn matches_published(embedder: &Embedder, name: &str, tolerance: f32) {
    // sentence-transformers' figures for all-MiniLM-L6-v2.
    let pairs = [
        (
            "The new movie is awesome",
            "The new movie is so great",
            0.8939,
        ),
        (
            "The cat sits outside",
            "The cat plays in the garden",
            0.6788,
        ),
        ("I love pasta", "Do you like pizza?", 0.5096),
        ("A man is playing guitar", "A woman watches TV", -0.0327),
    ];
    let texts: Vec<&str> = pairs.iter().flat_map(|(a, b, _)| [*a, *b]).collect();
    let vectors = embedder.embed(&texts).unwrap();
    for (i, (a, b, expected)) in pairs.iter().enumerate() {
        let score = dot(&vectors[2 * i], &vectors[2 * i + 1]);
        println!("{name}: {a:?} / {b:?}: {score:.4} (published {expected}, tolerance {tolerance})");
        assert!((score - expected).abs() < tolerance, "{name}");
    }
    for vector in &vectors {
        assert_eq!(vector.len(), DIMENSIONS);
        assert!((dot(vector, vector) - 1.0).abs() < 1e-4, "unit length");
    }
}

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn a_batch_gives_each_text_the_vector_it_gets_alone_and_long_texts_are_cut() {
    let embedder = embedder();
    let long = "Cells divide by mitosis. ".repeat(200);
    let texts = ["Osmosis moves water.", long.as_str(), "A short one", ""];
    let together = embedder.embed(&texts).unwrap();
    let mut worst = 0f32;
    for (text, vector) in texts.iter().zip(&together) {
        let alone = &embedder.embed(&[text]).unwrap()[0];
        worst = vector
            .iter()
            .zip(alone)
            .map(|(a, b)| (a - b).abs())
            .fold(worst, f32::max);
    }
    println!("batched vs alone: largest difference {worst:e} (tolerance 1e-5)");
    assert!(worst < 1e-5);
    let tokens = embedder.tokenizer().encode(long.as_str(), true).unwrap();
    assert_eq!(tokens.len(), MAX_TOKENS, "cut at the model's limit");
}

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn text_is_cut_into_chunks_the_model_reads_whole_at_sentence_boundaries() {
    let embedder = embedder();
    let sentence = "Plants make sugar from light, water and carbon dioxide in their leaves. ";
    let text = format!("{}\n\n{}", sentence.repeat(12), "Short last paragraph.");
    let chunks = embedder.chunks(&text);
    assert!(chunks.len() >= 2, "{chunks:?}");
    for range in &chunks {
        let chunk = &text[range.clone()];
        let tokens = embedder.tokenizer().encode(chunk, true).unwrap().len();
        assert!(
            tokens <= satchel_engines::embed::CHUNK_TOKENS,
            "{tokens} tokens"
        );
        assert!(chunk.ends_with('.'), "cut between sentences: {chunk:?}");
    }
    assert!(text[chunks.last().unwrap().clone()].ends_with("Short last paragraph."));
    let sentences: usize = chunks
        .iter()
        .map(|r| text[r.clone()].matches("Plants make sugar").count())
        .sum();
    assert_eq!(sentences, 12, "every sentence in exactly one chunk");
}
