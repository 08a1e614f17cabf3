//! Understanding: every note and source cut into chunks that remember where they came
//! from, each chunk's meaning as a vector, and search that fuses words (SQLite FTS5)
//! with meaning (vectors) by reciprocal rank fusion.
//!
//! The model is behind [`Understand`], a small trait the core owns; the real one is
//! `satchel-engines`' multilingual-e5-small on ONNX Runtime.

mod concepts;
pub(crate) mod index;
mod query;

use std::ops::Range;

use satchel_media::MediaError;
use satchel_types::HitKind;

pub(crate) use concepts::resolve_owner;
pub use index::{IndexReport, refresh};
pub(crate) use query::sentences;

/// What a hit is in, from a chunk's owner: a note (no source kind) or a source of the
/// kind stored.
pub(crate) fn hit_kind(source_kind: Option<&str>) -> HitKind {
    match source_kind {
        None => HitKind::Note,
        Some("audio") => HitKind::Audio,
        Some("image") => HitKind::Image,
        Some("document") => HitKind::Document,
        Some(_) => HitKind::Text,
    }
}

/// What search needs of a language model.
pub trait Understand: Send + Sync {
    /// Which model it is: vectors of different models do not compare, so a library
    /// whose vectors another model made is embedded again.
    fn name(&self) -> &str;

    /// `text` cut into chunks the model reads whole, as byte ranges in order.
    fn chunk(&self, text: &str) -> Result<Vec<Range<usize>>, MediaError>;

    /// One unit-length vector per text, each read as `role`.
    fn embed(&self, texts: &[&str], role: Role) -> Result<Vec<Vec<f32>>, MediaError>;

    /// The cosine two unrelated texts have under this model, about: 0 for a model
    /// whose vectors spread over the whole sphere (MiniLM), near 0.8 for one whose
    /// vectors keep to a narrow cone (e5). Thresholds on how alike two texts are are
    /// read above it (see [`Understand::likeness`]).
    fn unrelated(&self) -> f32 {
        0.0
    }

    /// How alike two of its vectors are: their cosine, rescaled so that unrelated
    /// texts are 0 and the same text 1, whatever the model.
    fn likeness(&self, a: &[f32], b: &[f32]) -> f32 {
        let floor = self.unrelated();
        (crate::store::vectors::dot(a, b) - floor) / (1.0 - floor)
    }
}

/// What a text is to the model. Models trained on questions and the passages that
/// answer them (e5) read the two differently; a query is also how two texts are
/// compared with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A search, a question, or a phrase compared with others of its kind.
    Query,
    /// Something that may answer: a chunk, a sentence.
    Passage,
}

#[cfg(test)]
mod tests {
    use super::index::tests::{Sentences, Words};
    use super::*;
    use crate::testing::keychain_profile;

    #[test]
    fn fts5_is_compiled_into_the_sqlcipher_build() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let used: i64 = profile
            .read(|conn| {
                Ok(
                    conn.query_row("SELECT sqlite_compileoption_used('ENABLE_FTS5')", [], |r| {
                        r.get(0)
                    })?,
                )
            })
            .unwrap();
        assert_eq!(used, 1);
    }

    #[test]
    fn notes_are_indexed_as_they_change_and_found_by_their_words() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let note = profile
            .add_note("Biology", "Cells divide by mitosis. Plants need light.")
            .unwrap();
        let mut seen = Vec::new();
        let report = refresh(&profile, &Sentences, &mut |done, total| {
            seen.push((done, total))
        })
        .unwrap();
        // "Biology\n\nCells divide by mitosis." and " Plants need light."
        assert_eq!(report.owners, 1);
        assert_eq!(report.chunks, 2);
        assert_eq!(report.embedded, 2);
        assert_eq!(seen.last(), Some(&(2, 2)));
        // Nothing changed: nothing to do.
        let again = refresh(&profile, &Sentences, &mut |_, _| {}).unwrap();
        assert_eq!(again, IndexReport::default());

        let hits = profile.search("dividing cells", 5, &Sentences).unwrap();
        assert_eq!(hits[0].source_id, note.id);
        assert_eq!(hits[0].kind, satchel_types::HitKind::Note);
        assert_eq!(hits[0].title, "Biology");
        assert!(hits[0].text.contains("Cells divide by mitosis."));
        let marked: Vec<&str> = hits[0]
            .highlights
            .iter()
            .map(|[s, e]| &hits[0].text[*s..*e])
            .collect();
        assert_eq!(marked, ["Cells", "divide"]);

        // An edit re-embeds only the sentence it touched.
        profile
            .save_note(&satchel_types::NoteDraft {
                id: Some(note.id.clone()),
                title: "Biology".into(),
                body: "Cells divide by mitosis. Plants need sunlight.".into(),
            })
            .unwrap();
        let edited = refresh(&profile, &Sentences, &mut |_, _| {}).unwrap();
        assert_eq!((edited.owners, edited.chunks, edited.embedded), (1, 2, 1));
        assert!(
            !profile
                .search("sunlight", 5, &Sentences)
                .unwrap()
                .is_empty()
        );

        // Another model: its vectors would not compare with these, so every chunk is
        // cut and embedded again — once.
        let other = refresh(&profile, &Words, &mut |_, _| {}).unwrap();
        assert_eq!((other.owners, other.chunks, other.embedded), (1, 2, 2));
        let again = refresh(&profile, &Words, &mut |_, _| {}).unwrap();
        assert_eq!(again, IndexReport::default());

        profile.delete_note(&note.id).unwrap();
        refresh(&profile, &Sentences, &mut |_, _| {}).unwrap();
        let gone = profile.search("cells", 5, &Sentences).unwrap();
        assert!(gone.is_empty(), "{gone:?}");
        let left: i64 = profile
            .read(|conn| Ok(conn.query_row("SELECT count(*) FROM chunked", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn concepts_shared_by_notes_link_them_and_go_with_them() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let leaf = profile
            .add_note(
                "Leaves",
                "Photosynthesis happens in leaves. Chlorophyll captures sunlight for photosynthesis.",
            )
            .unwrap();
        let algae = profile
            .add_note(
                "Algae",
                "Algae float in ponds. Algae use photosynthesis and sunlight too.",
            )
            .unwrap();
        let war = profile
            .add_note(
                "Revolution",
                "The French Revolution began in Paris. The Revolution ended the monarchy.",
            )
            .unwrap();
        let report = refresh(&profile, &Words, &mut |_, _| {}).unwrap();
        assert_eq!(report.concepts, 3);

        let all = profile.concepts(None).unwrap();
        let mut expected = [leaf.id.clone(), algae.id.clone()];
        expected.sort();
        let shared = all
            .concepts
            .iter()
            .find(|c| c.sources.len() == 2)
            .unwrap_or_else(|| panic!("the plant notes share a concept: {all:#?}"));
        assert_eq!(all.concepts[0].id, shared.id, "the most shared comes first");
        let mut ids: Vec<String> = shared.sources.iter().map(|s| s.source_id.clone()).collect();
        ids.sort();
        assert_eq!(ids, expected);
        assert!(
            all.concepts
                .iter()
                .any(|c| c.sources[0].source_id == war.id)
        );
        assert!(
            all.links
                .iter()
                .any(|l| l.sources == expected && l.concepts.contains(&shared.id))
        );
        assert!(
            all.links.iter().all(|l| !l.sources.contains(&war.id)),
            "the revolution shares nothing with plants: {all:#?}"
        );

        // One note's view: its concepts, each with everywhere else it is found.
        let mine = profile.concepts(Some(&algae.id)).unwrap();
        assert!(
            mine.concepts
                .iter()
                .all(|c| c.sources.iter().any(|s| s.source_id == algae.id))
        );
        assert!(mine.concepts.iter().any(|c| c.sources.len() == 2));
        assert_eq!(mine.links.len(), 1);
        assert!(matches!(
            profile.concepts(Some("ffffffff")),
            Err(crate::Error::NotFound { .. })
        ));

        // Nothing changed: nothing found again. A deleted note takes its concepts.
        assert_eq!(
            refresh(&profile, &Words, &mut |_, _| {}).unwrap().concepts,
            0
        );
        profile.delete_note(&war.id).unwrap();
        refresh(&profile, &Words, &mut |_, _| {}).unwrap();
        let left = profile.concepts(None).unwrap();
        assert!(
            left.concepts
                .iter()
                .all(|c| c.sources.iter().all(|s| s.source_id != war.id)),
            "{left:#?}"
        );
        let kept: i64 = profile
            .read(|conn| Ok(conn.query_row("SELECT count(*) FROM concepts", [], |r| r.get(0))?))
            .unwrap();
        assert_eq!(
            kept,
            left.concepts.len() as i64,
            "a concept nothing names is dropped"
        );
    }
}
