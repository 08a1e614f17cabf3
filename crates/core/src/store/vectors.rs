//! Vector search by brute force over every chunk: a scan of 8-bit codes held in
//! memory (a quarter of the vectors' size: 38 MB at 100,000 chunks), then the best
//! candidates scored again exactly from the stored vectors. Nothing of it is written to
//! disk: the vectors stay in the encrypted store.

use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{Connection, OptionalExtension};

use super::Read;
use crate::Result;

/// The best of the 8-bit scan scored again exactly from the stored vectors, at most:
/// each is a read from the encrypted store, and the 8-bit order below the first few
/// is as good as exact for ranking.
const RESCORED: usize = 20;

#[derive(Default)]
pub(crate) struct VectorCache {
    index: Mutex<Option<Arc<VectorIndex>>>,
    /// One refresh of the index at a time per profile.
    pub(crate) refreshing: Mutex<()>,
}

pub(crate) struct VectorIndex {
    ids: Vec<i64>,
    dimensions: usize,
    /// Each vector's components over its scale, rounded to i8.
    codes: Vec<i8>,
    scales: Vec<f32>,
}

impl VectorCache {
    /// How many chunks have vectors, once a search has read them in.
    pub(crate) fn len(&self) -> Option<usize> {
        self.index
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|index| index.ids.len())
    }

    /// The chunks changed: the next search reads the vectors again.
    pub(crate) fn invalidate(&self) {
        *self.index.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }

    /// The codes, read in from the store if a change since dropped them.
    pub(crate) fn index(&self, store: &impl Read) -> Result<Arc<VectorIndex>> {
        let mut cached = self.index.lock().unwrap_or_else(PoisonError::into_inner);
        match cached.as_ref() {
            Some(index) => Ok(Arc::clone(index)),
            None => {
                let built = Arc::new(store.read(build)?);
                *cached = Some(Arc::clone(&built));
                Ok(built)
            }
        }
    }

    /// The `k` chunks nearest `query` by cosine similarity, best first: the first
    /// [`RESCORED`] scored exactly, the rest by their 8-bit codes.
    pub(crate) fn nearest(
        &self,
        store: &impl Read,
        query: &[f32],
        k: usize,
    ) -> Result<Vec<(i64, f32)>> {
        let index = self.index(store)?;
        if index.ids.is_empty() || query.len() != index.dimensions {
            return Ok(Vec::new());
        }
        let mut candidates = index.scan(query, k);
        let rest = candidates.split_off(candidates.len().min(RESCORED));
        let mut exact = store.read(|conn| {
            let mut statement = conn.prepare_cached("SELECT vector FROM chunks WHERE id = ?1")?;
            let mut scored = Vec::with_capacity(candidates.len());
            for (id, _) in candidates {
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
        exact.extend(rest);
        Ok(exact)
    }
}

/// Chunks at least this many are scanned on every core: below it, starting threads
/// costs more than it saves.
const PARALLEL_FROM: usize = 20_000;

impl VectorIndex {
    /// The ids of the `n` best approximate scores, with them, best first. The query is
    /// cut to 8 bits too, so the scan is integer multiply-adds, which the compiler runs
    /// many at a time.
    fn scan(&self, query: &[f32], n: usize) -> Vec<(i64, f32)> {
        let (query, query_scale) = quantize(query);
        let score_range = |start: usize, codes: &[i8]| -> Vec<(f32, usize)> {
            codes
                .chunks_exact(self.dimensions)
                .enumerate()
                .map(|(offset, codes)| {
                    let i = start + offset;
                    (
                        dot_i8(codes, &query) as f32 * self.scales[i] * query_scale,
                        i,
                    )
                })
                .collect()
        };
        let rows = self.ids.len();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let mut scores = if rows >= PARALLEL_FROM && threads > 1 {
            let per_thread = rows.div_ceil(threads);
            std::thread::scope(|scope| {
                let parts: Vec<_> = self
                    .codes
                    .chunks(per_thread * self.dimensions)
                    .enumerate()
                    .map(|(part, codes)| {
                        let score_range = &score_range;
                        scope.spawn(move || score_range(part * per_thread, codes))
                    })
                    .collect();
                parts
                    .into_iter()
                    // A scan thread only multiplies numbers; should one panic anyway,
                    // its part is left out rather than the search failing.
                    .flat_map(|part| part.join().unwrap_or_default())
                    .collect::<Vec<_>>()
            })
        } else {
            score_range(0, &self.codes)
        };
        let n = n.min(scores.len());
        if n == 0 {
            return Vec::new();
        }
        scores.select_nth_unstable_by(n - 1, |a, b| b.0.total_cmp(&a.0));
        scores.truncate(n);
        scores.sort_by(|a, b| b.0.total_cmp(&a.0));
        scores.into_iter().map(|(s, i)| (self.ids[i], s)).collect()
    }
}

/// `vector` as i8 codes and the scale that brings them back: its largest component
/// becomes ±127.
fn quantize(vector: &[f32]) -> (Vec<i8>, f32) {
    let largest = vector.iter().fold(0f32, |m, v| m.max(v.abs()));
    let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
    let codes = vector
        .iter()
        .map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8)
        .collect();
    (codes, scale)
}

/// Integer dot product. Two codes within ±127 multiply within i16, which lets the
/// compiler use the CPU's 16-bit multiply-add (eight or sixteen at a time).
fn dot_i8(a: &[i8], b: &[i8]) -> i32 {
    a.iter()
        .zip(b)
        .map(|(&x, &y)| i32::from(i16::from(x) * i16::from(y)))
        .sum()
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
        let (codes, scale) = quantize(&vector);
        index.codes.extend(codes);
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

/// Cosine similarity of two unit vectors.
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_round_trip_and_the_8_bit_scan_ranks_like_the_exact_one() {
        let vector = vec![0.5f32, -0.25, 0.125, 0.0];
        assert_eq!(decode(&encode(&vector)), vector);

        // Unit vectors, deterministic; enough of them that the scan runs on every
        // core (when there is more than one).
        let count = PARALLEL_FROM + 5_000;
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as f32 / (1u64 << 31) as f32) - 0.5
        };
        let vectors: Vec<Vec<f32>> = (0..count)
            .map(|_| {
                let v: Vec<f32> = (0..16).map(|_| next()).collect();
                let norm = dot(&v, &v).sqrt();
                v.iter().map(|x| x / norm).collect()
            })
            .collect();
        let mut index = VectorIndex {
            ids: (0..count as i64).collect(),
            dimensions: 16,
            codes: Vec::new(),
            scales: Vec::new(),
        };
        for v in &vectors {
            let (codes, scale) = quantize(v);
            index.codes.extend(codes);
            index.scales.push(scale);
        }
        for probe in [42, count - 1] {
            let query = &vectors[probe];
            let mut exact: Vec<(i64, f32)> = vectors
                .iter()
                .enumerate()
                .map(|(i, v)| (i as i64, dot(query, v)))
                .collect();
            exact.sort_by(|a, b| b.1.total_cmp(&a.1));
            let scanned = index.scan(query, 40);
            assert!(scanned.windows(2).all(|w| w[0].1 >= w[1].1), "best first");
            let found: Vec<i64> = scanned.into_iter().map(|(id, _)| id).collect();
            assert_eq!(found.len(), 40);
            assert!(found.contains(&(probe as i64)), "the vector itself");
            // The exact top 10 are all among the scan's top 40.
            for (id, _) in &exact[..10] {
                assert!(found.contains(id), "{id} missing from {found:?}");
            }
        }
    }

    #[test]
    fn the_integer_dot_product_is_exact() {
        let a: Vec<i8> = (0..384).map(|i| ((i * 37) % 255 - 127) as i8).collect();
        let b: Vec<i8> = (0..384).map(|i| ((i * 91) % 255 - 127) as i8).collect();
        let expected: i64 = a
            .iter()
            .zip(&b)
            .map(|(&x, &y)| i64::from(x) * i64::from(y))
            .sum();
        assert_eq!(i64::from(dot_i8(&a, &b)), expected);
        assert_eq!(dot_i8(&[127; 384], &[-127; 384]), -127 * 127 * 384);
    }
}
