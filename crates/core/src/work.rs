//! The background work of a library, as durable jobs: reading a source (transcribing a
//! recording, reading a picture or a document) and indexing what changed for search.
//! Both are model inference, so both are of the AI class: one at a time.

use std::sync::Arc;
use std::time::Duration;

use satchel_types::{Event, JobState, JobView};
use serde_json::{Value, json};

use crate::ids::SourceId;
use crate::jobs::{Class, Failure, JobContext, JobKind, NewJob};
use crate::profile::Profile;
use crate::search::{Understand, refresh};
use crate::sources::read_waiting;
use crate::vision::Reader;
use crate::voice::Transcriber;
use crate::{Error, Result};

/// Reads or transcribes the source that is its subject.
pub const READ: &str = "read";
/// Brings search up to date with what changed.
pub const INDEX: &str = "index";

/// A burst of changes (typing in a note) is indexed once, this long after the first.
const INDEX_SETTLE: Duration = Duration::from_millis(800);

/// The models the work runs on.
pub struct Models {
    pub transcriber: Arc<dyn Transcriber>,
    pub reader: Arc<dyn Reader>,
    pub meaning: Arc<dyn Understand>,
}

/// The kinds of job the app runs, on `models`: reading, indexing and the steps of
/// study packs.
pub fn kinds(models: Models) -> Vec<JobKind> {
    let Models {
        transcriber,
        reader,
        meaning,
    } = models;
    let mut kinds = crate::agents::kinds(
        Arc::clone(&transcriber),
        Arc::clone(&reader),
        Arc::clone(&meaning),
    );
    kinds.push(crate::learn::optimise::job_kind());
    kinds.push(JobKind {
        kind: READ,
        class: Class::Ai,
        handler: Arc::new(move |job| read(job, transcriber.as_ref(), reader.as_ref())),
    });
    kinds.push(JobKind {
        kind: INDEX,
        class: Class::Ai,
        handler: Arc::new(move |job| index(job, meaning.as_ref())),
    });
    kinds
}

impl Profile {
    /// Queues reading source `id` (a language for a recording, or `None` to detect
    /// it), unless it is queued already.
    pub fn queue_read(&self, id: &str, language: Option<&str>, now_ms: i64) -> Result<JobView> {
        self.enqueue_unique(
            &NewJob {
                kind: READ.into(),
                class: Class::Ai,
                subject: Some(id.to_owned()),
                payload: json!({ "language": language }),
            },
            now_ms,
        )
    }

    /// Queues bringing search up to date, soon (a burst of changes is indexed once).
    pub fn queue_index(&self, now_ms: i64) -> Result<JobView> {
        self.enqueue_unique(
            &NewJob {
                kind: INDEX.into(),
                class: Class::Ai,
                subject: None,
                payload: Value::Null,
            },
            now_ms + INDEX_SETTLE.as_millis() as i64,
        )
    }

    /// Queues bringing search up to date now (for a search that should see it all).
    pub fn queue_index_now(&self, now_ms: i64) -> Result<JobView> {
        let job = self.queue_index(now_ms)?;
        self.hasten_job(&job.id, now_ms)
    }

    /// Queues reading every source left waiting with no job to read it (brought in
    /// before jobs existed, or its job cancelled); returns how many.
    pub fn queue_unfinished_reads(&self, now_ms: i64) -> Result<usize> {
        let waiting = self.unfinished_sources()?;
        let mut queued = 0;
        for id in waiting {
            let active = self
                .jobs_about(&id)?
                .iter()
                .any(|j| j.kind == READ && matches!(j.state, JobState::Queued | JobState::Running));
            if !active {
                self.queue_read(&id, None, now_ms)?;
                queued += 1;
            }
        }
        Ok(queued)
    }
}

fn read(
    job: &JobContext<'_>,
    transcriber: &dyn Transcriber,
    reader: &dyn Reader,
) -> std::result::Result<Value, Failure> {
    let Some(id) = job.subject().map(SourceId::from) else {
        return Err(Error::InvalidInput("a read job names no source".into()).into());
    };
    read_waiting(
        job,
        &id,
        job.payload()["language"].as_str(),
        transcriber,
        reader,
    )
}

fn index(job: &JobContext<'_>, meaning: &dyn Understand) -> std::result::Result<Value, Failure> {
    let profile = job.profile();
    let events = profile.events().clone();
    let mut stopped = false;
    let mut last = (0u64, 0u64);
    let report = refresh(profile, meaning, &mut |done, total| {
        stopped |= job.progress(done as i64, Some(total as i64)).is_err();
        if total == 0 {
            return;
        }
        last = (done as u64, total as u64);
        events.publish(Event::Indexing {
            done: last.0,
            total: last.1,
        });
    });
    // The window's quiet line ends either way.
    events.publish(Event::Indexing {
        done: last.1,
        total: last.1,
    });
    let report = report?;
    if stopped {
        return Err(Failure::Stopped);
    }
    profile.prepare_search()?;
    Ok(json!({
        "owners": report.owners,
        "chunks": report.chunks,
        "embedded": report.embedded,
        "concepts": report.concepts,
    }))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Instant;

    use satchel_media::MediaError;
    use satchel_media::transcript::{Progress, ProgressFn, Segment, Transcript, Transcription};
    use satchel_types::SourceStatus;

    use super::*;
    use crate::jobs::{JobRunner, SystemClock};
    use crate::search::index::tests::Words;
    use crate::testing::{NothingToRead, keychain_profile, tone_wav};
    use crate::voice::Audio;

    /// Transcribes in `steps` steps of 20 ms each, saying so, and stops when told.
    struct Steps(i64);

    impl Transcriber for Steps {
        fn transcribe(
            &self,
            _audio: Audio,
            _language: Option<&str>,
            progress: ProgressFn,
            cancel: Arc<AtomicBool>,
        ) -> std::result::Result<Transcription, MediaError> {
            for step in 1..=self.0 {
                std::thread::sleep(Duration::from_millis(20));
                if cancel.load(Ordering::SeqCst) {
                    return Err(MediaError::Cancelled);
                }
                progress(Progress {
                    done_ms: step * 100,
                    total_ms: Some(self.0 * 100),
                });
            }
            Ok(Transcription {
                transcript: Transcript {
                    language: "en".into(),
                    segments: vec![Segment {
                        start_ms: 0,
                        end_ms: 1000,
                        text: "The heart pumps blood around the body.".into(),
                    }],
                },
                duration_ms: 1000,
                voiced_ms: 1000,
            })
        }
    }

    fn runner(profile: &Arc<Profile>, steps: i64) -> JobRunner {
        let models = Models {
            transcriber: Arc::new(Steps(steps)),
            reader: Arc::new(NothingToRead),
            meaning: Arc::new(Words),
        };
        JobRunner::start(Arc::clone(profile), kinds(models), Arc::new(SystemClock)).unwrap()
    }

    fn until(what: &str, mut done: impl FnMut() -> bool) {
        let started = Instant::now();
        while !done() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "waited for {what}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn recording(profile: &Profile, dir: &std::path::Path) -> String {
        let wav = dir.join("Heart.wav");
        tone_wav(&wav);
        profile.import_audio(&wav, None).unwrap().id
    }

    #[test]
    fn a_recording_is_transcribed_by_its_job_and_then_found_by_search() {
        let (dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let id = recording(&profile, dir.path());
        let job = profile
            .queue_read(&id, Some("en"), crate::now_ms())
            .unwrap();
        assert_eq!(profile.queue_read(&id, None, 0).unwrap().id, job.id, "once");
        let jobs = runner(&profile, 3);
        until("the transcript", || {
            profile.source(&id).unwrap().status == SourceStatus::Ready
        });
        until("the job", || {
            profile.job(&job.id).unwrap().state == JobState::Done
        });
        let done = profile.job(&job.id).unwrap();
        assert_eq!((done.attempts, done.done, done.total), (1, 300, Some(300)));

        let index = profile.queue_index(crate::now_ms()).unwrap();
        jobs.wake();
        until("indexing", || {
            profile.job(&index.id).unwrap().state == JobState::Done
        });
        let hits = profile.search("heart blood", 5, &Words).unwrap();
        assert_eq!(hits[0].source_id, id);
    }

    #[test]
    fn a_cancelled_transcription_stops_and_a_locked_library_resumes_it_later() {
        let (dir, _satchel, profile) = keychain_profile("Ada");
        let profile = Arc::new(profile);
        let id = recording(&profile, dir.path());
        let jobs = runner(&profile, 200);
        let job = profile.queue_read(&id, None, crate::now_ms()).unwrap();
        jobs.wake();
        until("progress", || profile.job(&job.id).unwrap().done > 0);
        profile.cancel_job(&job.id, crate::now_ms()).unwrap();
        until("the stop", || {
            profile.source(&id).unwrap().status == SourceStatus::Cancelled
        });
        assert_eq!(profile.job(&job.id).unwrap().state, JobState::Cancelled);

        // Again, and the library is locked halfway: the job waits, its try uncounted.
        profile.requeue_source(&id).unwrap();
        let again = profile.queue_read(&id, None, crate::now_ms()).unwrap();
        jobs.wake();
        until("progress", || profile.job(&again.id).unwrap().done > 0);
        drop(jobs);
        let paused = profile.job(&again.id).unwrap();
        assert_eq!((paused.state, paused.attempts), (JobState::Queued, 0));
        assert_eq!(profile.source(&id).unwrap().status, SourceStatus::Queued);

        let _reopened = runner(&profile, 3);
        until("the transcript", || {
            profile.source(&id).unwrap().status == SourceStatus::Ready
        });
        until("the job", || {
            profile.job(&again.id).unwrap().state == JobState::Done
        });
        let finished = profile.job(&again.id).unwrap();
        assert_eq!((finished.state, finished.attempts), (JobState::Done, 1));
    }
}
