//! Medians and percentiles of what a benchmark measures: seconds, durations, counts.
//!
//! Each answers `None` for no values at all, so a benchmark that timed nothing says so
//! instead of printing a zero; and the median of an even count is halfway between
//! the two middle values, not either one of them.

use std::cmp::Ordering;
use std::time::Duration;

/// A value a benchmark measures: ordered, with a point halfway between two.
pub trait Measure: Copy {
    /// A total order, NaN included for floats (see [`f64::total_cmp`]).
    fn order(&self, other: &Self) -> Ordering;

    /// Halfway from `self` to `other`, where `self <= other`.
    fn halfway(self, other: Self) -> Self;
}

impl Measure for f64 {
    fn order(&self, other: &Self) -> Ordering {
        self.total_cmp(other)
    }

    fn halfway(self, other: Self) -> Self {
        self.midpoint(other)
    }
}

impl Measure for Duration {
    fn order(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }

    fn halfway(self, other: Self) -> Self {
        // From the smaller up, so two long durations cannot overflow their sum.
        self + other.saturating_sub(self) / 2
    }
}

/// Counts (bytes, rows): halfway rounds down, as integer division does.
impl Measure for u64 {
    fn order(&self, other: &Self) -> Ordering {
        self.cmp(other)
    }

    fn halfway(self, other: Self) -> Self {
        self.midpoint(other)
    }
}

/// Values sorted once, to read several figures from.
#[derive(Debug, Clone, PartialEq)]
pub struct Samples<T>(Vec<T>);

impl<T: Measure> Samples<T> {
    pub fn new(values: impl IntoIterator<Item = T>) -> Self {
        let mut values: Vec<T> = values.into_iter().collect();
        values.sort_by(T::order);
        Self(values)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Smallest first.
    pub fn sorted(&self) -> &[T] {
        &self.0
    }

    pub fn min(&self) -> Option<T> {
        self.0.first().copied()
    }

    pub fn max(&self) -> Option<T> {
        self.0.last().copied()
    }

    /// The middle value; of an even count, halfway between the two middle ones.
    pub fn median(&self) -> Option<T> {
        let n = self.0.len();
        let upper = *self.0.get(n / 2)?;
        if n % 2 == 1 {
            return Some(upper);
        }
        Some(self.0[n / 2 - 1].halfway(upper))
    }

    /// The nearest-rank percentile: the smallest value with at least `p` (from 0 to 1)
    /// of the values at or below it. Always one of the values, so p99 of a hundred
    /// timings is the 99th, a time that was measured. `None` for no values or a NaN
    /// `p`; `p` beyond 0..=1 is taken as the nearest end.
    pub fn percentile(&self, p: f64) -> Option<T> {
        if self.0.is_empty() || p.is_nan() {
            return None;
        }
        let n = self.0.len();
        let rank = (p.clamp(0.0, 1.0) * n as f64).ceil() as usize;
        Some(self.0[rank.clamp(1, n) - 1])
    }
}

impl<T: Measure> FromIterator<T> for Samples<T> {
    fn from_iter<I: IntoIterator<Item = T>>(values: I) -> Self {
        Self::new(values)
    }
}

/// The median of `values` (see [`Samples::median`]); `None` when there are none.
pub fn median<T: Measure>(values: impl IntoIterator<Item = T>) -> Option<T> {
    Samples::new(values).median()
}

/// The nearest-rank percentile of `values` (see [`Samples::percentile`]).
pub fn percentile<T: Measure>(values: impl IntoIterator<Item = T>, p: f64) -> Option<T> {
    Samples::new(values).percentile(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_value() {
        assert_eq!(median([3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median([7.5]), Some(7.5));
    }

    #[test]
    fn the_median_of_an_even_count_is_halfway_between_the_middle_two() {
        assert_eq!(median([4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(
            median([Duration::from_millis(10), Duration::from_millis(20)]),
            Some(Duration::from_millis(15))
        );
        assert_eq!(median([1u64, 4]), Some(2), "counts round down");
        assert_eq!(
            median([Duration::MAX, Duration::MAX]),
            Some(Duration::MAX),
            "no overflow"
        );
        assert_eq!(median([f64::MAX, f64::MAX]), Some(f64::MAX));
    }

    #[test]
    fn nothing_measured_has_no_median_or_percentile() {
        assert_eq!(median(Vec::<f64>::new()), None);
        assert_eq!(percentile(Vec::<Duration>::new(), 0.5), None);
        assert_eq!(Samples::<u64>::new([]).min(), None);
    }

    #[test]
    fn nan_sorts_last_and_never_panics() {
        assert_eq!(median([f64::NAN, 1.0, 2.0]), Some(2.0));
        assert_eq!(percentile([1.0, 2.0], f64::NAN), None);
    }

    #[test]
    fn percentiles_are_nearest_rank() {
        let hundred: Samples<u64> = (1..=100).rev().collect();
        assert_eq!(hundred.percentile(0.99), Some(99));
        assert_eq!(hundred.percentile(0.5), Some(50));
        assert_eq!(hundred.percentile(0.0), Some(1));
        assert_eq!(hundred.percentile(1.0), Some(100));
        assert_eq!(hundred.percentile(2.0), Some(100));
        assert_eq!(hundred.percentile(-1.0), Some(1));
        assert_eq!(percentile([5.0], 0.99), Some(5.0));
        // The 99th of 4,000 timings is the 3,960th: 40 are slower.
        let times: Samples<u64> = (1..=4_000).collect();
        assert_eq!(times.percentile(0.99), Some(3_960));
    }

    #[test]
    fn samples_keep_their_values_sorted() {
        let samples = Samples::new([3.0, 1.0, 2.0]);
        assert_eq!(samples.sorted(), &[1.0, 2.0, 3.0]);
        assert_eq!((samples.min(), samples.max()), (Some(1.0), Some(3.0)));
        assert_eq!(samples.len(), 3);
        assert!(!samples.is_empty());
    }
}
