//! Notes: markdown a learner writes, the first kind of material in the library.

use satchel_types::{Event, LibraryView, NoteDraft, NoteSummary, NoteView};

use crate::error::OrNotFound;
use crate::ids::NoteId;
use crate::profile::Profile;
use crate::store::notes;
use crate::{Error, Result, now_ms};

pub const TITLE_MAX_CHARS: usize = 200;
/// A generous bound (a 300-page book is about 1 MB of text) that keeps a pasted
/// accident from making every list and sync slow.
pub const BODY_MAX_BYTES: usize = 2 * 1024 * 1024;
const EXCERPT_CHARS: usize = 140;

impl Profile {
    pub fn add_note(&self, title: &str, body: &str) -> Result<NoteView> {
        self.save_note(&NoteDraft {
            id: None,
            title: title.to_owned(),
            body: body.to_owned(),
        })
    }

    /// Creates the note when the draft has no id, otherwise replaces its title and body.
    pub fn save_note(&self, draft: &NoteDraft) -> Result<NoteView> {
        let title = draft.title.trim();
        if title.chars().count() > TITLE_MAX_CHARS {
            return Err(Error::Rule(satchel_types::ErrorDetail::TooLong {
                field: satchel_types::Field::NoteTitle,
                max: TITLE_MAX_CHARS as u64,
            }));
        }
        if draft.body.len() > BODY_MAX_BYTES {
            return Err(Error::Rule(satchel_types::ErrorDetail::NoteTooLarge {
                max_mb: (BODY_MAX_BYTES / (1024 * 1024)) as u64,
            }));
        }
        self.transact(|tx| {
            let id = match draft.id.clone().map(NoteId::from) {
                None => NoteId::new(),
                Some(id) if notes::exists(tx, &id)? => id,
                Some(id) => return Err(id.not_found()),
            };
            notes::put(tx, &id, title, &draft.body, now_ms())?;
            let note = notes::get(tx, &id)?.or_not_found(&id)?;
            tx.emit(Event::NoteSaved {
                note: summary(&note.id, &note.title, &note.body, note.updated_at),
            });
            Ok(note)
        })
    }

    /// A note by its id or by an unambiguous prefix of it (as `git` takes hashes).
    pub fn note(&self, id_or_prefix: &str) -> Result<NoteView> {
        self.read(|conn| {
            let id = notes::resolve(conn, id_or_prefix)?;
            notes::get(conn, &id)?.or_not_found(&id)
        })
    }

    /// Every note, most recently changed first.
    pub fn notes(&self) -> Result<Vec<NoteSummary>> {
        Ok(self
            .read(notes::list)?
            .into_iter()
            .map(|head| {
                summary(
                    head.id.as_str(),
                    &head.title,
                    &head.body_start,
                    head.updated_at,
                )
            })
            .collect())
    }

    pub fn delete_note(&self, id_or_prefix: &str) -> Result<()> {
        self.transact(|tx| {
            let id = notes::resolve(tx, id_or_prefix)?;
            notes::delete(tx, &id)?;
            tx.emit(Event::NoteDeleted { id: id.into() });
            Ok(())
        })
    }

    /// The whole library screen in one call.
    pub fn library(&self) -> Result<LibraryView> {
        Ok(LibraryView {
            profile: self.view(),
            notes: self.notes()?,
            sources: self.sources()?,
        })
    }
}

pub(crate) fn summary(id: &str, title: &str, body: &str, updated_at: i64) -> NoteSummary {
    NoteSummary {
        id: id.to_owned(),
        title: title.to_owned(),
        excerpt: excerpt(body),
        updated_at,
    }
}

/// The start of `text`, whitespace folded, cut at a word: a list's second line.
pub(crate) fn excerpt(text: &str) -> String {
    let mut excerpt = String::with_capacity(EXCERPT_CHARS + 3);
    for (count, word) in text.split_whitespace().enumerate() {
        if excerpt.chars().count() + word.chars().count() > EXCERPT_CHARS {
            excerpt.push('…');
            break;
        }
        if count > 0 {
            excerpt.push(' ');
        }
        excerpt.push_str(word);
    }
    excerpt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::keychain_profile;

    #[test]
    fn notes_are_added_listed_edited_and_deleted() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let events = profile.events().subscribe();
        let first = profile
            .add_note("Cells", "The cell is the unit of life.")
            .unwrap();
        let second = profile.add_note("Atoms", "Atoms have a nucleus.").unwrap();
        assert_eq!(profile.notes().unwrap().len(), 2);
        assert_eq!(profile.notes().unwrap()[0].id, second.id, "newest first");

        let edited = profile
            .save_note(&NoteDraft {
                id: Some(first.id.clone()),
                title: "Cells".into(),
                body: "Cells divide.".into(),
            })
            .unwrap();
        assert_eq!(profile.note(&first.id).unwrap().body, "Cells divide.");
        assert!(edited.updated_at >= first.updated_at);
        assert_eq!(edited.created_at, first.created_at);

        profile.delete_note(&second.id).unwrap();
        assert!(matches!(
            profile.note(&second.id),
            Err(Error::NotFound { .. })
        ));
        let kinds: Vec<_> = events.try_iter().collect();
        assert_eq!(kinds.len(), 4, "{kinds:?}");
        assert_eq!(kinds[3], Event::NoteDeleted { id: second.id });
    }

    #[test]
    fn ids_resolve_by_unique_prefix() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let note = profile.add_note("t", "b").unwrap();
        assert_eq!(profile.note(&note.id[..13]).unwrap().id, note.id);
        assert!(matches!(profile.note("abc"), Err(Error::InvalidInput(_))));
        assert!(matches!(
            profile.note("ffffffff"),
            Err(Error::NotFound { .. })
        ));
    }

    #[test]
    fn oversized_or_missing_notes_are_refused_without_change() {
        let (_dir, _satchel, profile) = keychain_profile("Ada");
        let long_title = "x".repeat(TITLE_MAX_CHARS + 1);
        assert!(matches!(
            profile.add_note(&long_title, ""),
            Err(Error::Rule(satchel_types::ErrorDetail::TooLong {
                field: satchel_types::Field::NoteTitle,
                ..
            }))
        ));
        let huge = "x".repeat(BODY_MAX_BYTES + 1);
        assert!(matches!(
            profile.add_note("t", &huge),
            Err(Error::Rule(satchel_types::ErrorDetail::NoteTooLarge { .. }))
        ));
        let ghost = NoteDraft {
            id: Some("0190f000-0000-7000-8000-000000000000".into()),
            title: "t".into(),
            body: "b".into(),
        };
        assert!(matches!(
            profile.save_note(&ghost),
            Err(Error::NotFound { .. })
        ));
        assert!(profile.notes().unwrap().is_empty());
    }

    #[test]
    fn excerpts_fold_whitespace_and_stop_at_a_word() {
        let body = format!("Line one\n\n  line   two {}", "word ".repeat(60));
        let s = summary("id", "t", &body, 0);
        assert!(s.excerpt.starts_with("Line one line two word"));
        assert!(s.excerpt.ends_with('…'));
        assert!(s.excerpt.chars().count() <= EXCERPT_CHARS + 1);
    }
}
