//! When a card comes back: FSRS's memory model (the `fsrs` crate) for every answer
//! but "again", which brings a card back within minutes, the same day.

pub(crate) use crate::store::reviews::ReviewKind;
use fsrs::{FSRS, MemoryState};
use satchel_types::{LearningSettings, Rating};

use crate::{Error, Result};

pub(crate) const MINUTE: i64 = 60_000;
pub(crate) const DAY: i64 = 86_400_000;
/// A card forgotten comes back this soon, to be learnt again in the same sitting.
const AGAIN_NEW: i64 = MINUTE;
const AGAIN_SEEN: i64 = 10 * MINUTE;
/// The longest interval: a hundred years.
const MAX_INTERVAL_DAYS: f32 = 36_500.0;
pub(crate) const RETENTION_RANGE: std::ops::RangeInclusive<f32> = 0.7..=0.97;

/// A card's schedule as its latest review left it; all `None` while it is new.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Past {
    pub memory: Option<MemoryState>,
    pub last_review: Option<i64>,
    pub due: Option<i64>,
}

impl Past {
    pub fn kind(&self) -> ReviewKind {
        match (self.memory, self.last_review, self.due) {
            (None, ..) => ReviewKind::New,
            (Some(_), Some(last), Some(due)) if due - last < DAY => ReviewKind::Learning,
            _ => ReviewKind::Review,
        }
    }

    /// Whole days since the last review, as FSRS counts them.
    pub fn elapsed_days(&self, now: i64) -> u32 {
        self.last_review
            .map(|last| u32::try_from((now - last).max(0) / DAY).unwrap_or(u32::MAX))
            .unwrap_or(0)
    }
}

/// What one answer does to a card.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Outcome {
    pub memory: MemoryState,
    pub due: i64,
    pub elapsed_days: u32,
    pub kind: ReviewKind,
}

pub(crate) struct Scheduler {
    fsrs: FSRS,
    retention: f32,
    /// The forgetting curve's decay, FSRS's last parameter.
    decay: f32,
}

impl Scheduler {
    pub fn new(settings: &LearningSettings) -> Result<Self> {
        if !RETENTION_RANGE.contains(&settings.desired_retention) {
            return Err(Error::InvalidInput(format!(
                "desired retention {} is outside {:.2}–{:.2}",
                settings.desired_retention,
                RETENTION_RANGE.start(),
                RETENTION_RANGE.end()
            )));
        }
        let unusable = |error: fsrs::FSRSError| {
            Error::InvalidInput(format!("the scheduling parameters are not usable: {error}"))
        };
        let fsrs = FSRS::new(&settings.parameters).map_err(unusable)?;
        let filled = fsrs::check_and_fill_parameters(&settings.parameters).map_err(unusable)?;
        Ok(Scheduler {
            fsrs,
            retention: settings.desired_retention,
            decay: filled.get(20).copied().unwrap_or(fsrs::FSRS6_DEFAULT_DECAY),
        })
    }

    /// What each answer — again, hard, good, easy — would do to a card now.
    pub fn outcomes(&self, past: &Past, now: i64) -> Result<[Outcome; 4]> {
        let elapsed_days = past.elapsed_days(now);
        let kind = past.kind();
        let next = self
            .fsrs
            .next_states(past.memory, self.retention, elapsed_days)
            .map_err(|error| {
                Error::InvalidInput(format!("the card's schedule is damaged: {error}"))
            })?;
        let outcome = |rating: Rating, state: &fsrs::ItemState| {
            let wait = match rating {
                Rating::Again if kind == ReviewKind::New => AGAIN_NEW,
                Rating::Again => AGAIN_SEEN,
                // A memory that lasts less than a day is still being learnt: it comes
                // back within the day (and its reviews are learning, not reviews).
                _ if state.interval < 1.0 => ((state.interval * DAY as f32) as i64).max(AGAIN_SEEN),
                // Whole days: a card due "in 2.3 days" is due on the second day.
                _ => state.interval.round().min(MAX_INTERVAL_DAYS) as i64 * DAY,
            };
            Outcome {
                memory: state.memory,
                due: now + wait,
                elapsed_days,
                kind,
            }
        };
        Ok([
            outcome(Rating::Again, &next.again),
            outcome(Rating::Hard, &next.hard),
            outcome(Rating::Good, &next.good),
            outcome(Rating::Easy, &next.easy),
        ])
    }

    pub fn outcome(&self, past: &Past, rating: Rating, now: i64) -> Result<Outcome> {
        let all = self.outcomes(past, now)?;
        Ok(all[usize::from(rating.number() - 1)])
    }
}

impl Scheduler {
    /// The chance of recalling a card now, by its memory's stability.
    pub fn retrievability(&self, stability: f32, last_review: i64, now: i64) -> f32 {
        let days = (now - last_review).max(0) as f32 / DAY as f32;
        fsrs::current_retrievability(
            MemoryState {
                stability,
                difficulty: 5.0,
            },
            days,
            self.decay,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheduler() -> Scheduler {
        Scheduler::new(&LearningSettings::default()).unwrap()
    }

    #[test]
    fn a_new_card_forgotten_comes_back_in_a_minute_and_remembered_in_days() {
        let now = 1_000 * DAY;
        let [again, hard, good, easy] = scheduler().outcomes(&Past::default(), now).unwrap();
        assert_eq!(again.due - now, MINUTE);
        assert_eq!(again.kind, ReviewKind::New);
        // FSRS-6's first stabilities: 1.29, 2.31 and 8.30 days at 90 % retention.
        assert_eq!(hard.due - now, DAY);
        assert_eq!(good.due - now, 2 * DAY);
        assert_eq!(easy.due - now, 8 * DAY);
        assert!(again.memory.stability < good.memory.stability);
    }

    #[test]
    fn a_forgotten_review_is_learning_until_answered_again() {
        let s = scheduler();
        let start = 1_000 * DAY;
        let good = s.outcome(&Past::default(), Rating::Good, start).unwrap();
        let past = Past {
            memory: Some(good.memory),
            last_review: Some(start),
            due: Some(good.due),
        };
        assert_eq!(past.kind(), ReviewKind::Review);
        let later = good.due;
        let forgot = s.outcome(&past, Rating::Again, later).unwrap();
        assert_eq!(forgot.elapsed_days, 2);
        assert_eq!(forgot.due - later, 10 * MINUTE);
        assert!(forgot.memory.stability < good.memory.stability);
        let relearning = Past {
            memory: Some(forgot.memory),
            last_review: Some(later),
            due: Some(forgot.due),
        };
        assert_eq!(relearning.kind(), ReviewKind::Learning);
        assert_eq!(relearning.elapsed_days(forgot.due), 0);
    }

    #[test]
    fn retention_outside_the_sensible_range_is_refused() {
        let settings = LearningSettings {
            desired_retention: 0.5,
            ..LearningSettings::default()
        };
        assert!(matches!(
            Scheduler::new(&settings),
            Err(Error::InvalidInput(_))
        ));
        let settings = LearningSettings {
            parameters: vec![f32::NAN; 21],
            ..LearningSettings::default()
        };
        assert!(Scheduler::new(&settings).is_err());
    }

    #[test]
    fn a_card_at_its_stability_is_recalled_nine_times_in_ten() {
        let s = scheduler();
        let r = s.retrievability(10.0, 0, 10 * DAY);
        assert!((r - 0.9).abs() < 1e-4, "{r}");
    }
}
