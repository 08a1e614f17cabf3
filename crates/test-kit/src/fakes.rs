//! Stand-ins for the models, for tests and benchmarks that need what a model gives
//! but not what it means.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::ops::Range;

use satchel_core::search::{Role, Understand};
use satchel_media::MediaError;

use crate::Rng;

/// A stand-in for the embedding model that fills an index fast: a chunk per line,
/// and for each text a unit vector drawn from its hash, so equal texts get equal
/// vectors and different ones unrelated vectors. Nothing about meaning: a search
/// through it finds by words alone.
#[derive(Debug, Clone, Copy)]
pub struct HashedMeaning {
    dimensions: usize,
}

impl HashedMeaning {
    /// Vectors of `dimensions` (the real model's, for a store laid out as the app's).
    pub fn new(dimensions: usize) -> Self {
        Self { dimensions }
    }

    fn vector(&self, text: &str) -> Vec<f32> {
        let mut hasher = DefaultHasher::new();
        text.hash(&mut hasher);
        let mut rng = Rng::new(hasher.finish());
        let vector: Vec<f32> = (0..self.dimensions)
            .map(|_| (rng.next_u64() >> 40) as f32 / (1u64 << 23) as f32 - 1.0)
            .collect();
        let norm = vector.iter().map(|v| v * v).sum::<f32>().sqrt();
        // Only an all-zero draw (next to impossible) has no direction: kept as it is.
        if norm > 0.0 {
            vector.iter().map(|v| v / norm).collect()
        } else {
            vector
        }
    }
}

impl Understand for HashedMeaning {
    fn name(&self) -> &str {
        "hashed"
    }

    fn chunk(&self, text: &str) -> Result<Vec<Range<usize>>, MediaError> {
        let mut start = 0;
        Ok(text
            .split('\n')
            .map(|line| {
                let range = start..start + line.len();
                start = range.end + 1;
                range
            })
            .collect())
    }

    fn embed(&self, texts: &[&str], _role: Role) -> Result<Vec<Vec<f32>>, MediaError> {
        Ok(texts.iter().map(|text| self.vector(text)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chunk_is_a_line() {
        let text = "first line\nsecond\n\nlast";
        let chunks = HashedMeaning::new(8).chunk(text).unwrap();
        let lines: Vec<&str> = chunks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(lines, ["first line", "second", "", "last"]);
    }

    #[test]
    fn equal_texts_get_equal_unit_vectors() {
        let model = HashedMeaning::new(384);
        let vectors = model
            .embed(&["osmosis", "osmosis", "volcano"], Role::Passage)
            .unwrap();
        assert_eq!(vectors[0], vectors[1]);
        assert_ne!(vectors[0], vectors[2]);
        for vector in &vectors {
            assert_eq!(vector.len(), 384);
            let norm: f32 = vector.iter().map(|v| v * v).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-4, "{norm}");
        }
    }

    #[test]
    fn a_profile_indexes_and_finds_with_it() {
        let kit = crate::TempSatchel::new().unwrap();
        let profile = kit.profile("Ada").unwrap();
        profile
            .add_note(
                "Cells",
                "Mitochondria release energy.\nOsmosis moves water.",
            )
            .unwrap();
        let model = HashedMeaning::new(384);
        let report = satchel_core::search::refresh(&profile, &model, &mut |_, _| {}).unwrap();
        assert_eq!(report.embedded, report.chunks);
        assert!(report.chunks >= 2, "{report:?}");
        let hits = profile.search("osmosis", 5, &model).unwrap();
        assert!(!hits.is_empty());
    }
}
