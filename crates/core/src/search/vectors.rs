//! Vector search by brute force over every chunk: a scan of 8-bit codes held in
//! memory (a quarter of the vectors' size: 38 MB at 100,000 chunks), then the best
//! candidates scored again exactly from the stored vectors. Nothing of it is written to
//! disk: the vectors stay in the encrypted store.

use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{Connection, OptionalExtension};

use crate::Result;
use crate::profile::Profile;

/// Candidates from the 8-bit scan scored again exactly, per result wanted.
const RESCORE_FACTOR: usize = 4;

#[derive(Default)]
pub(crate) struct VectorCache {
    index: Mutex<Option<Arc<VectorIndex>>>,
    /// One refresh of the index at a time per profile.
    pub(crate) refreshing: Mutex<()>,
}

struct VectorIndex {
    ids: Vec<i64>,
    dimensions: usize,
    /// Each vector's components over its scale, rounded to i8.
    codes: Vec<i8>,
    scales: Vec<f32>,
}

impl VectorCache {
    /// The chunks changed: the next search reads the vectors again.
    pub(crate) fn invalidate(&self) {
        *self.index.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// The `k` chunks nearest `query` by cosine similarity, best first.
    pub(crate) fn nearest(
        &self,
        profile: &Profile,
        query: &[f32],
        k: usize,
    ) -> Result<Vec<(i64, f32)>> {
        let index = {
            let mut cached = self.index.lock().unwrap_or_else(PoisonError::into_inner);
            match cached.as_ref() {
                Some(index) => Arc::clone(index),
                None => {
                    let built = Arc::new(profile.read(build)?);
                    *cached = Some(Arc::clone(&built));
                    built
                }
            }
        };
        if index.ids.is_empty() || query.len() != index.dimensions {
            return Ok(Vec::new());
        }
        let candidates = index.scan(query, k * RESCORE_FACTOR);
        let mut exact = profile.read(|conn| {
            let mut statement = conn.prepare_cached("SELECT vector FROM chunks WHERE id = ?1")?;
            let mut scored = Vec::with_capacity(candidates.len());
            for id in candidates {
                // Gone since the codes were read (its note or source was deleted).
                let bytes: Option<Option<Vec<u8>>> =
                    statement.query_row([id], |row| row.get(0)).optional()?;
                if let Some(vector) = bytes.flatten().as_deref().map(decode) {
                    scored.push((id, dot(query, &vector)));
                }
            }
            Ok(scored)
        })?;
        exact.sort_by(|a, b| b.1.total_cmp(&a.1));
        exact.truncate(k);
        Ok(exact)
    }
}

impl VectorIndex {
    /// The ids of the `n` best approximate scores.
    fn scan(&self, query: &[f32], n: usize) -> Vec<i64> {
        let mut scores: Vec<(f32, usize)> = self
            .codes
            .chunks_exact(self.dimensions)
            .zip(&self.scales)
            .enumerate()
            .map(|(i, (codes, scale))| {
                let sum: f32 = codes
                    .iter()
                    .zip(query)
                    .map(|(&c, &q)| f32::from(c) * q)
                    .sum();
                (sum * scale, i)
            })
            .collect();
        let n = n.min(scores.len());
        if n == 0 {
            return Vec::new();
        }
        scores.select_nth_unstable_by(n - 1, |a, b| b.0.total_cmp(&a.0));
        scores.truncate(n);
        scores.into_iter().map(|(_, i)| self.ids[i]).collect()
    }
}

fn build(conn: &Connection) -> Result<VectorIndex> {
    let mut index = VectorIndex {
        ids: Vec::new(),
        dimensions: 0,
        codes: Vec::new(),
        scales: Vec::new(),
    };
    let mut statement =
        conn.prepare("SELECT id, vector FROM chunks WHERE vector IS NOT NULL ORDER BY id")?;
    let mut rows = statement.query([])?;
    while let Some(row) = rows.next()? {
        let bytes: Vec<u8> = row.get(1)?;
        let vector = decode(&bytes);
        if index.dimensions == 0 {
            index.dimensions = vector.len();
        }
        if vector.len() != index.dimensions || vector.is_empty() {
            continue;
        }
        let largest = vector.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        index.codes.extend(
            vector
                .iter()
                .map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8),
        );
        index.scales.push(scale);
        index.ids.push(row.get(0)?);
    }
    Ok(index)
}

/// A stored vector: little-endian f32s.
pub(crate) fn encode(vector: &[f32]) -> Vec<u8> {
    vector.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub(crate) fn decode(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_round_trip_and_the_8_bit_scan_ranks_like_the_exact_one() {
        let vector = vec![0.5f32, -0.25, 0.125, 0.0];
        assert_eq!(decode(&encode(&vector)), vector);

        // 200 unit vectors in 16 dimensions, deterministic.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as f32 / (1u64 << 31) as f32) - 0.5
        };
        let vectors: Vec<Vec<f32>> = (0..200)
            .map(|_| {
                let v: Vec<f32> = (0..16).map(|_| next()).collect();
                let norm = dot(&v, &v).sqrt();
                v.iter().map(|x| x / norm).collect()
            })
            .collect();
        let mut index = VectorIndex {
            ids: (0..200).collect(),
            dimensions: 16,
            codes: Vec::new(),
            scales: Vec::new(),
        };
        for v in &vectors {
            let largest = v.iter().fold(0f32, |m, x| m.max(x.abs()));
            let scale = largest / 127.0;
            index
                .codes
                .extend(v.iter().map(|x| (x / scale).round() as i8));
            index.scales.push(scale);
        }
        let query = &vectors[42];
        let mut exact: Vec<(i64, f32)> = vectors
            .iter()
            .enumerate()
            .map(|(i, v)| (i as i64, dot(query, v)))
            .collect();
        exact.sort_by(|a, b| b.1.total_cmp(&a.1));
        let found = index.scan(query, 20);
        assert!(found.contains(&42), "the vector itself");
        // The exact top 5 are all among the scan's top 20.
        for (id, _) in &exact[..5] {
            assert!(found.contains(id), "{id} missing from {found:?}");
        }
    }
}
