//! The learning loop: once a learner has enough reviews, FSRS's parameters are fitted
//! to their own review log, and used when they predict it better than the ones before.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, PoisonError};
use std::time::Duration;

use fsrs::{CombinedProgressState, ComputeParametersInput, FSRS, FSRSItem, FSRSReview};
use rusqlite::Connection;
use satchel_types::{Event, JobView, LearningSettings, Optimisation};
use serde_json::{Value, json};

use super::{settings, write_settings};
use crate::jobs::{Class, Failure, JobContext, JobKind, NewJob, insert_job};
use crate::profile::{Profile, Tx};
use crate::{Error, Result};

pub(crate) const OPTIMISE: &str = "learn.optimise";
/// Reviews in the log before the first optimisation: fewer say too little about a
/// learner to beat the defaults, fitted from millions of reviews.
pub const FIRST_OPTIMISATION_AT: i64 = 400;

/// The background job that optimises, queued on its own as reviews come in. The
/// optimiser is minutes of arithmetic at worst: it runs in the class with the longest
/// limit, one at a time.
pub fn job_kind() -> JobKind {
    JobKind {
        kind: OPTIMISE,
        class: Class::File,
        handler: Arc::new(run),
    }
}

fn job() -> NewJob {
    NewJob {
        kind: OPTIMISE.into(),
        class: Class::File,
        subject: None,
        payload: Value::Null,
    }
}

/// A review as the optimiser needs it.
struct Logged {
    card: String,
    rating: u32,
    elapsed_days: u32,
}

/// Every card's history as FSRS trains on it: one item per review after the first
/// that came a day or more after the one before, with the reviews up to it; and the
/// card each item is of. Also how many reviews there were.
pub(crate) fn training_set(conn: &Connection) -> Result<(Vec<FSRSItem>, Vec<i64>, u32)> {
    let mut statement = conn.prepare_cached(
        "SELECT r.card_id, r.rating, r.elapsed_days FROM reviews r
         WHERE NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)
         ORDER BY r.card_id, r.reviewed_at, r.id",
    )?;
    let logged = statement
        .query_map([], |row| {
            Ok(Logged {
                card: row.get(0)?,
                rating: row.get(1)?,
                elapsed_days: row.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let count = u32::try_from(logged.len()).unwrap_or(u32::MAX);
    let mut items = Vec::new();
    let mut card_ids = Vec::new();
    let mut numbers: HashMap<&str, i64> = HashMap::new();
    for history in logged.chunk_by(|a, b| a.card == b.card) {
        let number = numbers.len() as i64;
        let number = *numbers.entry(&history[0].card).or_insert(number);
        let reviews: Vec<FSRSReview> = history
            .iter()
            .enumerate()
            .map(|(i, review)| FSRSReview {
                rating: review.rating,
                // A card's first review is counted from nothing.
                delta_t: if i == 0 { 0 } else { review.elapsed_days },
            })
            .collect();
        for end in 1..reviews.len() {
            if reviews[end].delta_t > 0 {
                items.push(FSRSItem {
                    reviews: reviews[..=end].to_vec(),
                });
                card_ids.push(number);
            }
        }
    }
    Ok((items, card_ids, count))
}

/// Parameters fitted to a review log, and how they compare with the ones in use.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub parameters: Vec<f32>,
    pub optimisation: Optimisation,
}

fn fsrs_error(error: fsrs::FSRSError) -> Error {
    Error::InvalidInput(format!("the review log cannot be learnt from: {error}"))
}

/// Fits FSRS's parameters to `items`, telling `progress` (done, total) as it goes;
/// `progress` returning false stops it.
pub fn fit(
    current: &LearningSettings,
    items: Vec<FSRSItem>,
    card_ids: Vec<i64>,
    reviews: u32,
    now: i64,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Fitted> {
    if items.len() < 8 {
        return Err(Error::Rule(satchel_types::ErrorDetail::TooFewReviews {
            reviews: reviews as u64,
        }));
    }
    let before = FSRS::new(&current.parameters)
        .map_err(fsrs_error)?
        .evaluate_with_card_ids(items.clone(), card_ids.clone(), |_| true)
        .map_err(fsrs_error)?;
    let state = CombinedProgressState::new_shared();
    let input = ComputeParametersInput {
        train_set: items.clone(),
        card_ids: Some(card_ids.clone()),
        progress: Some(Arc::clone(&state)),
        enable_short_term: true,
        ..ComputeParametersInput::default()
    };
    let trained = std::thread::scope(|scope| {
        let training = scope.spawn(move || {
            // The crate has asserts of its own; one firing is a failed optimisation,
            // never a dead app.
            catch_unwind(AssertUnwindSafe(|| fsrs::compute_parameters(input)))
        });
        while !training.is_finished() {
            std::thread::sleep(Duration::from_millis(100));
            let mut state = state.lock().unwrap_or_else(PoisonError::into_inner);
            if !progress(state.current(), state.total().max(1)) {
                state.want_abort = true;
            }
        }
        training.join()
    });
    let parameters = match trained {
        Ok(Ok(Ok(parameters))) => parameters,
        Ok(Ok(Err(fsrs::FSRSError::Interrupted))) => {
            return Err(Error::Cancelled);
        }
        Ok(Ok(Err(error))) => return Err(fsrs_error(error)),
        _ => {
            return Err(Error::InvalidInput(
                "the optimiser failed on this review log".into(),
            ));
        }
    };
    let after = FSRS::new(&parameters)
        .map_err(fsrs_error)?
        .evaluate_with_card_ids(items, card_ids, |_| true)
        .map_err(fsrs_error)?;
    let adopted = after.log_loss < before.log_loss;
    Ok(Fitted {
        parameters,
        optimisation: Optimisation {
            at: now,
            reviews,
            log_loss_before: before.log_loss,
            log_loss_after: after.log_loss,
            adopted,
        },
    })
}

/// Keeps the outcome: the new parameters when they predict better.
fn adopt(tx: &Tx<'_>, fitted: &Fitted) -> Result<Event> {
    let mut settings = settings(tx)?;
    if fitted.optimisation.adopted {
        settings.parameters = fitted.parameters.clone();
    }
    settings.optimisation = Some(fitted.optimisation.clone());
    write_settings(tx, &settings)?;
    Ok(Event::LearningOptimised {
        adopted: fitted.optimisation.adopted,
    })
}

fn fit_profile(
    profile: &Profile,
    now: i64,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Fitted> {
    let (current, (items, card_ids, reviews)) =
        profile.read(|conn| Ok((settings(conn)?, training_set(conn)?)))?;
    fit(&current, items, card_ids, reviews, now, progress)
}

fn run(job: &JobContext<'_>) -> std::result::Result<Value, Failure> {
    let profile = job.profile();
    let now = crate::now_ms();
    let mut stopped = false;
    let fitted = fit_profile(profile, now, &mut |done, total| {
        stopped |= job.progress(done as i64, Some(total as i64)).is_err() || job.should_stop();
        !stopped
    });
    if stopped {
        return Err(Failure::Stopped);
    }
    let fitted = fitted?;
    job.finish(|tx| {
        let event = adopt(tx, &fitted)?;
        tx.emit(event);
        Ok(((), json!(fitted.optimisation)))
    })?;
    Ok(json!(fitted.optimisation))
}

/// Queues an optimisation when the log has grown enough since the last (within the
/// transaction that logged a review).
pub(crate) fn queue_when_due(
    tx: &Tx<'_>,
    settings: &LearningSettings,
    now: i64,
) -> Result<Vec<Event>> {
    // The log's last rowid counts reviews ever logged without counting them all.
    let logged: i64 = tx
        .prepare_cached("SELECT COALESCE(MAX(rowid), 0) FROM reviews")?
        .query_row([], |row| row.get(0))?;
    let next_at = match &settings.optimisation {
        None => FIRST_OPTIMISATION_AT,
        // Again once the log has grown by half (and by at least as many again).
        Some(last) => {
            let before = i64::from(last.reviews);
            (before + before / 2).max(before + FIRST_OPTIMISATION_AT)
        }
    };
    if logged < next_at {
        return Ok(Vec::new());
    }
    let waiting: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM jobs WHERE kind = ?1
                            AND state IN ('queued', 'running'))",
        )?
        .query_row([OPTIMISE], |row| row.get(0))?;
    if waiting {
        return Ok(Vec::new());
    }
    Ok(vec![Event::JobUpdated {
        job: insert_job(tx, &job(), now)?,
    }])
}

impl Profile {
    /// Fits the learner's parameters to their review log now, and uses them if they
    /// predict it better (the app does this as a background job on its own).
    pub fn optimise_parameters(
        &self,
        now: i64,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Optimisation> {
        let fitted = fit_profile(self, now, progress)?;
        self.transact(|tx| {
            tx.emit(adopt(tx, &fitted)?);
            Ok(fitted.optimisation.clone())
        })
    }

    /// The review log as FSRS trains on it: items, and the card (numbered) of each.
    pub fn training_set(&self) -> Result<(Vec<FSRSItem>, Vec<i64>)> {
        let (items, cards, _) = self.read(training_set)?;
        Ok((items, cards))
    }

    /// Queues fitting the learner's parameters as a background job.
    pub fn queue_optimise(&self, now: i64) -> Result<JobView> {
        self.enqueue_unique(&job(), now)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::params;

    use super::*;

    #[test]
    fn histories_become_one_item_per_review_a_day_or_more_after_the_last() {
        let (_dir, _satchel, profile) = crate::testing::keychain_profile("Ada");
        profile
            .transact(|tx| {
                for (id, card, at, rating, elapsed) in [
                    ("r1", "a", 0, 3, 0),
                    ("r2", "a", 1, 1, 0),
                    ("r3", "a", 2, 3, 2),
                    ("r4", "a", 3, 3, 5),
                    ("r5", "b", 0, 4, 0),
                    ("r6", "b", 1, 3, 8),
                    ("r7", "b", 2, 3, 1),
                ] {
                    tx.execute(
                        "INSERT INTO reviews (id, card_id, reviewed_at, rating, kind,
                             elapsed_days, duration_ms, stability, difficulty, due)
                         VALUES (?1, ?2, ?3, ?4, 'review', ?5, 0, 1, 5, 0)",
                        params![id, card, at, rating, elapsed],
                    )?;
                }
                tx.execute(
                    "INSERT INTO undone_reviews (review_id, undone_at) VALUES ('r7', 9)",
                    [],
                )?;
                Ok(())
            })
            .unwrap();
        let (items, cards, count) = profile.read(training_set).unwrap();
        assert_eq!(count, 6);
        let shown: Vec<Vec<(u32, u32)>> = items
            .iter()
            .map(|item| item.reviews.iter().map(|r| (r.rating, r.delta_t)).collect())
            .collect();
        assert_eq!(
            shown,
            vec![
                vec![(3, 0), (1, 0), (3, 2)],
                vec![(3, 0), (1, 0), (3, 2), (3, 5)],
                vec![(4, 0), (3, 8)],
            ]
        );
        assert_eq!(cards, vec![0, 0, 1]);
    }

    #[test]
    fn too_few_reviews_are_a_clear_error() {
        let (_dir, _satchel, profile) = crate::testing::keychain_profile("Ada");
        let error = profile
            .optimise_parameters(0, &mut |_, _| true)
            .unwrap_err();
        assert!(error.to_string().contains("too few"), "{error}");
    }
}
