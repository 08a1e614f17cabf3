//! `satchel jobs`: the background work of a library, and retrying or stopping it.

use satchel_core::Satchel;
use satchel_core::jobs::{Clock, SystemClock};
use satchel_core::types::{JobState, JobView};

use crate::cli::{Cli, JobCommand};
use crate::output::{Failure, print};
use crate::unlock::unlock;

/// Done jobs listed besides those still to do.
const RECENT_DONE: usize = 10;

pub fn jobs(cli: &Cli, satchel: &Satchel, command: Option<&JobCommand>) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let now = || Clock::now_ms(&SystemClock);
    let one = |job: JobView| print(cli.json, &job, |job| println!("{}", line(job)));
    match command {
        None => print(cli.json, &profile.jobs(RECENT_DONE)?, |jobs| {
            if jobs.is_empty() {
                println!("No jobs.");
            }
            for job in jobs {
                println!("{}", line(job));
            }
        }),
        Some(JobCommand::Show { id }) => one(profile.job(id)?),
        Some(JobCommand::Run) => {
            let profile = std::sync::Arc::new(profile);
            let runner = crate::pack::runner(cli, &profile)?;
            crate::pack::until(|| Ok(!profile.jobs_open()?))?;
            drop(runner);
            print(cli.json, &profile.jobs(RECENT_DONE)?, |jobs| {
                for job in jobs {
                    println!("{}", line(job));
                }
            })
        }
        Some(JobCommand::Retry { id }) => one(profile.retry_job(id, now())?),
        Some(JobCommand::Cancel { id }) => one(profile.cancel_job(id, now())?),
    }
}

/// A job in a line: "01a2…  transcribe  dead after 5 tries: the file is damaged".
fn line(job: &JobView) -> String {
    let state = match job.state {
        JobState::Queued if job.attempts > 0 => {
            format!(
                "waiting to try again ({} of {})",
                job.attempts + 1,
                job.max_attempts
            )
        }
        JobState::Queued => "queued".to_owned(),
        JobState::Running => match job.total {
            Some(total) => format!("running, {} of {total}", job.done),
            None => "running".to_owned(),
        },
        JobState::Done => "done".to_owned(),
        JobState::Dead => format!("failed after {} tries", job.attempts),
        JobState::Cancelled => "cancelled".to_owned(),
    };
    let error = job
        .error
        .as_ref()
        .filter(|_| job.state != JobState::Done)
        .map(|e| format!(": {}", e.message))
        .unwrap_or_default();
    let id: String = job.id.chars().take(13).collect();
    format!("{id}  {:<10}  {state}{error}", job.kind)
}
