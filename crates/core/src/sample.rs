//! The sample lesson a new learner is offered: typed notes, a photo of the board, a
//! recording of the teacher and two textbook pages about the water cycle
//! (`assets/sample-lesson`, made by us). It is carried inside the program, a hundred
//! kilobytes, so every installer has it and nothing has to find it on disk; it comes
//! into the library as the learner's own files would, each read by the same jobs and
//! made into a study pack.

use satchel_types::{NoteDraft, PackView};

use crate::profile::Profile;
use crate::{Error, Result};

/// The typed notes: a Markdown heading, then the text.
const NOTES: &str = include_str!("../../../assets/sample-lesson/water-cycle.md");

/// The lesson's other files: their names (whose extensions say how each is read),
/// titles and bytes.
const FILES: [(&str, &str, &[u8]); 3] = [
    (
        "board.png",
        "The water cycle: the board",
        include_bytes!("../../../assets/sample-lesson/board.png"),
    ),
    (
        "lecture.ogg",
        "The water cycle: the lecture",
        include_bytes!("../../../assets/sample-lesson/lecture.ogg"),
    ),
    (
        "chapter.pdf",
        "The water cycle: the chapter",
        include_bytes!("../../../assets/sample-lesson/chapter.pdf"),
    ),
];

/// The lesson is in English, so its recording is heard as English whatever the
/// window speaks.
const LANGUAGE: &str = "en";

impl Profile {
    /// Brings the sample lesson into this library: its notes as a note, the photo,
    /// recording and PDF as sources queued to be read, and a study pack asked of each.
    /// Answers the four packs, in that order, as they stand (being made); the library's
    /// job runner makes them.
    pub fn add_sample_lesson(&self, now_ms: i64) -> Result<Vec<PackView>> {
        let (title, body) = NOTES.split_once('\n').map_or(("", NOTES), |(first, rest)| {
            (first.trim_start_matches('#').trim(), rest.trim_start())
        });
        let note = self.save_note(&NoteDraft {
            id: None,
            title: title.to_owned(),
            body: body.to_owned(),
        })?;
        let mut owners = vec![note.id];
        // Sources are brought in from files: these are written to a folder of the
        // library's own, removed once the library holds its encrypted copies.
        let folder = self.dir().join(format!(".sample-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir(&folder).map_err(Error::io("making", &folder))?;
        let imported = FILES.iter().try_for_each(|(name, title, bytes)| {
            let path = folder.join(name);
            std::fs::write(&path, bytes).map_err(Error::io("writing", &path))?;
            let source = self.import_file(&path, Some(title))?;
            self.queue_read(&source.id, Some(LANGUAGE), now_ms)?;
            owners.push(source.id);
            Ok::<_, Error>(())
        });
        let _ = std::fs::remove_dir_all(&folder);
        imported?;
        owners
            .iter()
            .map(|owner| self.request_pack(owner, now_ms))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use satchel_types::{JobState, PackState, SourceKind};

    use crate::testing::keychain_profile;

    #[test]
    fn the_sample_lesson_comes_in_as_a_note_and_three_sources_each_with_a_pack_asked_for() {
        let (_dir, _satchel, profile) = keychain_profile("Ana");
        let packs = profile.add_sample_lesson(1_000).unwrap();
        assert_eq!(packs.len(), 4);
        assert!(
            packs.iter().all(|p| p.state == PackState::Building),
            "{packs:?}"
        );

        let notes = profile.notes().unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].title, "The water cycle");
        assert_eq!(packs[0].source_id, notes[0].id);
        let note = profile.note(&notes[0].id).unwrap();
        assert!(
            note.body.starts_with("The water cycle is the journey"),
            "{}",
            note.body
        );

        let sources = profile.sources().unwrap();
        let mut kinds: Vec<SourceKind> = sources.iter().map(|s| s.kind).collect();
        kinds.sort_by_key(|k| format!("{k:?}"));
        assert_eq!(
            kinds,
            [SourceKind::Audio, SourceKind::Document, SourceKind::Image]
        );
        for (pack, source) in packs[1..].iter().zip(["board", "lecture", "chapter"]) {
            let found = sources.iter().find(|s| s.id == pack.source_id).unwrap();
            assert!(found.title.ends_with(source), "{}", found.title);
        }
        // Each source waits to be read, the recording as English.
        let reads: Vec<_> = profile
            .jobs(0)
            .unwrap()
            .into_iter()
            .filter(|j| j.kind == crate::work::READ && j.state == JobState::Queued)
            .collect();
        assert_eq!(reads.len(), 3, "{reads:?}");
    }
}
