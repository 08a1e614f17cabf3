//! The summariser: extractive, by centrality. A passage whose meaning is near the
//! whole text's is central; its sentences that name the text's key phrases are its
//! best; the summary takes the best few, unlike each other, in the text's own order.

use satchel_types::SummarySentence;

use super::material::Material;
use super::text::{find_phrase, likeness};

/// Sentences shorter than this say too little to summarise anything.
const MIN_WORDS: usize = 5;
/// A summary is this many sentences at most.
const MAX_SENTENCES: usize = 8;
/// From one passage at most.
const PER_PASSAGE: usize = 2;
/// What each key phrase a sentence names adds to its passage's centrality.
const PHRASE_WEIGHT: f32 = 0.08;
/// Key phrases counted (the most central).
const PHRASES: usize = 8;
/// A sentence this alike in words to one taken says it again.
const REPEAT: f32 = 0.6;

pub(crate) fn summarise(material: &Material) -> Vec<SummarySentence> {
    let texts: Vec<&str> = material.passages.iter().map(|p| p.text.as_str()).collect();
    let sentences = material.study_sentences(MIN_WORDS);
    if sentences.is_empty() {
        return Vec::new();
    }
    let centrality = centrality(material);
    let mut scored: Vec<(f32, usize)> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = &texts[s.passage][s.span.clone()];
            let named = material
                .phrases
                .iter()
                .take(PHRASES)
                .filter(|p| !find_phrase(text, &p.text).is_empty())
                .count();
            (centrality[s.passage] + PHRASE_WEIGHT * named as f32, i)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let wanted = ((sentences.len() as f64).sqrt().ceil() as usize).clamp(1, MAX_SENTENCES);
    let mut taken: Vec<usize> = Vec::new();
    for (_, i) in scored {
        if taken.len() == wanted {
            break;
        }
        let s = &sentences[i];
        let text = &texts[s.passage][s.span.clone()];
        let from_passage = taken
            .iter()
            .filter(|&&t| sentences[t].passage == s.passage)
            .count();
        let repeats = taken.iter().any(|&t| {
            let other = &sentences[t];
            likeness(text, &texts[other.passage][other.span.clone()]) >= REPEAT
        });
        if from_passage < PER_PASSAGE && !repeats {
            taken.push(i);
        }
    }
    taken.sort_unstable();
    taken
        .into_iter()
        .map(|i| {
            let s = &sentences[i];
            let text = texts[s.passage][s.span.clone()].to_owned();
            SummarySentence {
                source_ref: material.source_ref(s.passage, &text),
                text,
            }
        })
        .collect()
}

/// Each passage's closeness to the meaning of the whole (cosine with the mean of all
/// passages' vectors); 0 for a passage not embedded.
fn centrality(material: &Material) -> Vec<f32> {
    let dimensions = material
        .passages
        .iter()
        .map(|p| p.vector.len())
        .max()
        .unwrap_or(0);
    let mut mean = vec![0f32; dimensions];
    for passage in &material.passages {
        if passage.vector.len() == dimensions {
            mean.iter_mut()
                .zip(&passage.vector)
                .for_each(|(m, v)| *m += v);
        }
    }
    let norm = mean
        .iter()
        .map(|v| v * v)
        .sum::<f32>()
        .sqrt()
        .max(f32::EPSILON);
    material
        .passages
        .iter()
        .map(|p| {
            p.vector
                .iter()
                .zip(&mean)
                .map(|(a, b)| a * b / norm)
                .sum::<f32>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::material::{Passage, Phrase};
    use super::*;
    use satchel_types::HitKind;

    fn passage(text: &str, vector: Vec<f32>) -> Passage {
        Passage {
            text: text.into(),
            vector,
            page: None,
            start_ms: Some(0),
            end_ms: Some(1000),
            bbox: None,
            language: None,
        }
    }

    #[test]
    fn the_summary_takes_central_sentences_naming_key_phrases_in_the_texts_order() {
        let material = Material {
            owner_id: "n1".into(),
            kind: HitKind::Audio,
            title: "Plants".into(),
            passages: vec![
                passage(
                    "Good morning, everyone, and welcome back to class. Photosynthesis is how green plants make their food.",
                    vec![0.8, 0.6],
                ),
                passage(
                    "Chlorophyll in the leaves absorbs sunlight for photosynthesis. Chlorophyll in the leaves absorbs sunlight for photosynthesis today.",
                    vec![0.6, 0.8],
                ),
                passage(
                    "My cat likes to sleep on the warm windowsill at home.",
                    vec![-0.6, 0.8],
                ),
            ],
            phrases: vec![
                Phrase {
                    text: "photosynthesis".into(),
                    concept: 1,
                },
                Phrase {
                    text: "chlorophyll".into(),
                    concept: 2,
                },
            ],
        };
        let summary = summarise(&material);
        let said: Vec<&str> = summary.iter().map(|s| s.text.as_str()).collect();
        // Five sentences: three of them. The near repeat and the cat are left out.
        assert_eq!(
            said,
            [
                "Good morning, everyone, and welcome back to class.",
                "Photosynthesis is how green plants make their food.",
                "Chlorophyll in the leaves absorbs sunlight for photosynthesis."
            ]
        );
        assert_eq!(summary[1].source_ref.start_ms, Some(0));
        assert_eq!(summary[2].source_ref.title, "Plants");
    }
}
