//! One seeded generator for every test and benchmark: simulated learners, kill
//! moments, fault schedules, generated prose, noise.
//!
//! splitmix64 rather than `rand`'s `StdRng`: the same seed gives the same numbers on
//! every machine and with every version (which `StdRng` does not promise, and a
//! failure replayed from its seed needs), every seed works, 0 included (xorshift
//! stalls at 0), and it is a few lines with no dependency.

/// A splitmix64 generator. Not for anything secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1), from the top 53 bits (all an f64 holds).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// In `0..n`, by remainder: its bias, below n / 2^64, is nothing a test can see.
    /// 0 when `n` is 0.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64().checked_rem(n).unwrap_or(0)
    }

    /// An index into a slice of `len` items; 0 when `len` is 0.
    pub fn index(&mut self, len: usize) -> usize {
        // usize fits in u64 on every target Satchel builds for, and the result is
        // below `len`.
        self.below(len as u64) as usize
    }

    /// An index drawn with chance proportional to its weight; the last when the
    /// weights are all zero or rounding runs past them, 0 when there are none.
    pub fn pick(&mut self, weights: &[f64]) -> usize {
        let mut roll = self.unit() * weights.iter().sum::<f64>();
        for (i, weight) in weights.iter().enumerate() {
            if roll < *weight {
                return i;
            }
            roll -= weight;
        }
        weights.len().saturating_sub(1)
    }
}

/// The generator seeded with `seed`.
pub fn rng(seed: u64) -> Rng {
    Rng::new(seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let (mut a, mut b) = (rng(42), rng(42));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(rng(1).next_u64(), rng(2).next_u64());
    }

    #[test]
    fn the_numbers_are_splitmix64s() {
        // The reference implementation's first outputs for seed 1234567
        // (https://prng.di.unimi.it/splitmix64.c).
        let mut rng = rng(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn a_zero_seed_does_not_stall() {
        let mut rng = rng(0);
        let first = rng.next_u64();
        assert_ne!(first, 0);
        assert_ne!(rng.next_u64(), first);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = rng(7);
        for _ in 0..10_000 {
            let unit = rng.unit();
            assert!((0.0..1.0).contains(&unit));
            assert!(rng.below(6) < 6);
            assert!(rng.index(3) < 3);
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.index(0), 0);
    }

    #[test]
    fn picks_follow_the_weights() {
        let mut rng = rng(2026);
        let mut counts = [0usize; 3];
        for _ in 0..30_000 {
            counts[rng.pick(&[0.2, 0.0, 0.8])] += 1;
        }
        assert_eq!(counts[1], 0, "a zero weight is never picked");
        let share = counts[0] as f64 / 30_000.0;
        assert!((share - 0.2).abs() < 0.02, "{share}");
        assert_eq!(rng.pick(&[]), 0);
        assert_eq!(rng.pick(&[0.0, 0.0]), 1);
    }
}
