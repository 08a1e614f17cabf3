//! A recording kept in the encrypted store is transcribed by the real Whisper from
//! the store's copy alone, and a cancelled transcription keeps it.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use satchel_core::models::model_dirs;
use satchel_core::transcribe_source;
use satchel_core::types::{Event, SourceStatus};
use satchel_engines::Whisper;
use satchel_test_kit::TempSatchel;
use satchel_test_kit::tools::speak;

#[test]
#[ignore = "needs espeak-ng and the Whisper models; `cargo xtask test` provides them"]
fn a_stored_recording_is_transcribed_from_the_encrypted_copy() {
    let satchel = TempSatchel::new().unwrap();
    let profile = Arc::new(satchel.profile("Ada").unwrap());
    let wav = satchel.dir().join("photosynthesis.wav");
    speak("Plants need light. Animals need food.", &wav).unwrap();
    let source = profile.import_audio(&wav, None).unwrap();
    // The original is gone from disk: the transcript can only come from the store.
    std::fs::remove_file(&wav).unwrap();
    let events = profile.events().subscribe();
    let whisper = Whisper::new(model_dirs(None));
    let done =
        transcribe_source(&profile, &source.id, &whisper, Some("en"), Arc::default()).unwrap();
    println!("{:?} {:?}", done.text, done.segments);
    assert_eq!(done.status, SourceStatus::Ready);
    assert_eq!(done.language.as_deref(), Some("en"));
    assert!(done.text.to_lowercase().contains("light"), "{}", done.text);
    assert!(done.duration_ms.unwrap() > 2_000);
    assert!(!done.segments.is_empty());
    let heard: Vec<Event> = events.try_iter().collect();
    assert!(
        heard
            .iter()
            .any(|e| matches!(e, Event::SourceProgress { .. }))
    );
    assert!(
        matches!(heard.last(), Some(Event::SourceSaved { source }) if source.status == SourceStatus::Ready)
    );

    // Cancelled before it starts: marked so, and the recording is still there.
    let cancel = Arc::new(AtomicBool::new(true));
    let again = profile.requeue_source(&source.id).unwrap();
    let error = transcribe_source(&profile, &again.id, &whisper, Some("en"), cancel).unwrap_err();
    assert_eq!(error.code(), satchel_core::types::ErrorCode::Cancelled);
    assert_eq!(
        profile.source(&source.id).unwrap().status,
        SourceStatus::Cancelled
    );
}
