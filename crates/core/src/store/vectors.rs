//! Vector search by brute force over every chunk: a scan of 8-bit codes held in
//! memory (a quarter of the vectors' size: 38 MB at 100,000 chunks), then the best
//! candidates scored again exactly from the stored vectors. Nothing of it is written to
//! disk: the vectors stay in the encrypted store.
//!
//! Vectors are compared centred on their language: a multilingual model puts every
//! text of one language near the others (e5 ranks an English passage on another
//! subject above the French passage that answers an English question), so each
//! vector loses part of its language's mean in this library before the two are
//! compared (Libovický et al., "On the Language Neutrality of Pre-trained
//! Multilingual Representations", 2020). On the cross-lingual set of
//! `recall_languages.rs`, half the mean took e5's English questions from finding the
//! passage in the language among the first five 6 to 10 times in 10 to 8 to 10 (by
//! the vectors alone, from 3 to 8 to 9 or 10).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::{Connection, OptionalExtension};

use super::Read;
use crate::Result;

/// The best of the 8-bit scan scored again exactly from the stored vectors, at most:
/// each is a read from the encrypted store, and the 8-bit order below the first few
/// is as good as exact for ranking.
const RESCORED: usize = 20;
/// The share of its language's mean a vector loses before it is compared. All of it
/// took a little more from questions in the passage's own language than it gave
/// across languages; half kept both.
const CENTRING: f32 = 0.5;
/// Chunks a language needs for a mean of its own; the chunks of rarer languages (and
/// those whose language is unknown) share the library's mean.
const OWN_MEAN_FROM: usize = 8;

#[derive(Default)]
pub(crate) struct VectorCache {
    index: Mutex<Option<Arc<VectorIndex>>>,
    /// One refresh of the index at a time per profile.
    pub(crate) refreshing: Mutex<()>,
}

pub(crate) struct VectorIndex {
    ids: Vec<i64>,
    dimensions: usize,
    /// Each centred vector's components over its scale, rounded to i8.
    codes: Vec<i8>,
    scales: Vec<f32>,
    /// The library's mean vector first, then each language's that has its own.
    means: Vec<Vec<f32>>,
    /// A language's place in `means`.
    mean_of: HashMap<String, usize>,
    /// Each chunk's place in `means`, in the order of `ids`.
    mean_of_chunk: Vec<u16>,
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

    /// The `k` chunks nearest `query` (in `language`, when known) by cosine similarity,
    /// both centred on their language, best first: the first [`RESCORED`] scored
    /// exactly, the rest by their 8-bit codes.
    pub(crate) fn nearest(
        &self,
        store: &impl Read,
        query: &[f32],
        language: Option<&str>,
        k: usize,
    ) -> Result<Vec<(i64, f32)>> {
        let index = self.index(store)?;
        if index.ids.is_empty() || query.len() != index.dimensions {
            return Ok(Vec::new());
        }
        let mean = language
            .and_then(|language| index.mean_of.get(language))
            .copied()
            .unwrap_or_else(|| index.nearest_mean(query));
        let query = centred(query, &index.means[mean]);
        let query = query.as_slice();
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
                    let vector = match index.ids.binary_search(&id) {
                        Ok(at) => centred(&vector, &index.means[index.mean_of_chunk[at] as usize]),
                        Err(_) => vector,
                    };
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
    /// The language mean `vector` is nearest, for a query too short to say its
    /// language: the model's vectors say it well enough. The library's with none.
    fn nearest_mean(&self, vector: &[f32]) -> usize {
        (1..self.means.len())
            .max_by(|&a, &b| dot(vector, &self.means[a]).total_cmp(&dot(vector, &self.means[b])))
            .unwrap_or(0)
    }

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

/// `vector` less [`CENTRING`] of `mean`, unit length again.
fn centred(vector: &[f32], mean: &[f32]) -> Vec<f32> {
    let moved: Vec<f32> = vector
        .iter()
        .zip(mean)
        .map(|(v, m)| v - CENTRING * m)
        .collect();
    let norm = dot(&moved, &moved).sqrt();
    if norm > f32::EPSILON {
        moved.iter().map(|v| v / norm).collect()
    } else {
        vector.to_vec()
    }
}

/// The means: the library's, and each language's with [`OWN_MEAN_FROM`] chunks.
struct Means {
    means: Vec<Vec<f32>>,
    mean_of: HashMap<String, usize>,
}

/// Sums the vectors by language in one pass over the store (they are not held: a
/// large library's would take a hundred megabytes).
fn means(conn: &Connection) -> Result<Means> {
    let mut sums: HashMap<Option<String>, (Vec<f32>, usize)> = HashMap::new();
    let mut statement =
        conn.prepare("SELECT language, vector FROM chunks WHERE vector IS NOT NULL")?;
    let mut rows = statement.query([])?;
    let mut dimensions = 0;
    while let Some(row) = rows.next()? {
        let vector = decode(&row.get::<_, Vec<u8>>(1)?);
        if dimensions == 0 {
            dimensions = vector.len();
        }
        if vector.len() != dimensions || vector.is_empty() {
            continue;
        }
        let (sum, count) = sums
            .entry(row.get(0)?)
            .or_insert_with(|| (vec![0.0; dimensions], 0));
        sum.iter_mut().zip(&vector).for_each(|(s, v)| *s += v);
        *count += 1;
    }
    let mut library = (vec![0.0f32; dimensions], 0usize);
    for (sum, count) in sums.values() {
        library.0.iter_mut().zip(sum).for_each(|(l, s)| *l += s);
        library.1 += count;
    }
    let average = |(sum, count): &(Vec<f32>, usize)| -> Vec<f32> {
        sum.iter().map(|s| s / (*count).max(1) as f32).collect()
    };
    let mut means = vec![average(&library)];
    let mut mean_of = HashMap::new();
    let mut languages: Vec<(&String, &(Vec<f32>, usize))> = sums
        .iter()
        .filter_map(|(language, sum)| Some((language.as_ref()?, sum)))
        .filter(|(_, (_, count))| *count >= OWN_MEAN_FROM)
        .collect();
    languages.sort_by(|a, b| a.0.cmp(b.0));
    for (language, sum) in languages.into_iter().take(usize::from(u16::MAX) - 1) {
        mean_of.insert(language.clone(), means.len());
        means.push(average(sum));
    }
    Ok(Means { means, mean_of })
}

fn build(conn: &Connection) -> Result<VectorIndex> {
    let Means { means, mean_of } = means(conn)?;
    let mut index = VectorIndex {
        ids: Vec::new(),
        dimensions: 0,
        codes: Vec::new(),
        scales: Vec::new(),
        means,
        mean_of,
        mean_of_chunk: Vec::new(),
    };
    let mut statement = conn
        .prepare("SELECT id, vector, language FROM chunks WHERE vector IS NOT NULL ORDER BY id")?;
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
        let language: Option<String> = row.get(2)?;
        let mean = language
            .and_then(|language| index.mean_of.get(&language))
            .copied()
            .unwrap_or(0);
        let (codes, scale) = quantize(&centred(&vector, &index.means[mean]));
        index.codes.extend(codes);
        index.scales.push(scale);
        index.ids.push(row.get(0)?);
        index.mean_of_chunk.push(mean as u16);
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
            means: vec![vec![0.0; 16]],
            mean_of: HashMap::new(),
            mean_of_chunk: vec![0; count],
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

    /// A store of chunks for the index: (id, vector, language).
    struct Chunks(Connection);

    impl Read for Chunks {
        fn read<T>(&self, query: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
            query(&self.0)
        }
    }

    fn unit(v: Vec<f32>) -> Vec<f32> {
        let norm = dot(&v, &v).sqrt();
        v.iter().map(|x| x / norm).collect()
    }

    /// Two languages, each a strong shared direction (as a multilingual model gives
    /// them), and two subjects. An English question on the second subject is nearer
    /// every English chunk than the French one on its subject, until both sides lose
    /// their language's mean.
    #[test]
    fn a_question_finds_its_subject_in_another_language_once_languages_are_centred() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE chunks (id INTEGER PRIMARY KEY, vector BLOB, language TEXT)",
        )
        .unwrap();
        // Dimensions: English, French, subject A, subject B, then noise per chunk.
        let chunk = |language: usize, subject: usize, noise: usize| {
            let mut v = vec![0.0f32; 4 + 40];
            v[language] = 2.0;
            v[2 + subject] = 1.0;
            v[4 + noise] = 0.6;
            unit(v)
        };
        let mut id = 0;
        let mut add = |vector: Vec<f32>, language: &str| {
            id += 1;
            conn.execute(
                "INSERT INTO chunks (id, vector, language) VALUES (?1, ?2, ?3)",
                rusqlite::params![id, encode(&vector), language],
            )
            .unwrap();
            id
        };
        // Ten English chunks on subject A, ten French ones on A and one on B.
        for n in 0..10 {
            add(chunk(0, 0, n), "en");
        }
        for n in 10..20 {
            add(chunk(1, 0, n), "fr");
        }
        let french_b = add(chunk(1, 1, 20), "fr");
        let store = Chunks(conn);
        let question = chunk(0, 1, 30);
        // Raw, the French chunk on B is not even in the first ten.
        let raw: Vec<f32> = (1..=french_b)
            .map(|id| {
                let v: Vec<u8> = store
                    .0
                    .query_row("SELECT vector FROM chunks WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .unwrap();
                dot(&question, &decode(&v))
            })
            .collect();
        let above = raw
            .iter()
            .filter(|s| **s > raw[french_b as usize - 1])
            .count();
        assert!(above >= 10, "{above} chunks rank above it uncentred");

        let cache = VectorCache::default();
        let found = cache.nearest(&store, &question, Some("en"), 3).unwrap();
        assert_eq!(found[0].0, french_b, "{found:?}");
        // A query too short to say its language: the language mean it is nearest.
        let found = cache.nearest(&store, &question, None, 3).unwrap();
        assert_eq!(found[0].0, french_b, "{found:?}");
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
