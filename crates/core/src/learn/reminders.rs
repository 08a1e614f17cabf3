//! Reminders: whether the app tells the learner, with a desktop notification, that
//! reviews are waiting. A child's library starts with them off — a computer shared by a
//! family should not call a child away from whatever they are doing unless a parent
//! asked it to.

use satchel_types::ReminderSettings;

use crate::Result;
use crate::profile::Profile;
use crate::store::settings::REMINDERS;

impl Profile {
    pub fn reminders(&self) -> Result<ReminderSettings> {
        self.read(|conn| Ok(REMINDERS.get(conn)?.unwrap_or_default()))
    }

    pub fn set_reminders(&self, settings: ReminderSettings) -> Result<ReminderSettings> {
        self.transact(|tx| {
            REMINDERS.put(tx, &settings)?;
            Ok(settings)
        })
    }

    /// The reviews a reminder would tell of now (cards answered again and due back,
    /// and reviews due), or `None` when reminders are off or no review waits. New cards
    /// are no reason to call a learner back.
    pub fn reviews_to_remind(&self, now: i64) -> Result<Option<u32>> {
        if !self.reminders()?.enabled() {
            return Ok(None);
        }
        let counts = self.study_counts(None, now)?;
        let waiting = counts.learning + counts.due;
        Ok((waiting > 0).then_some(waiting))
    }
}

#[cfg(test)]
mod tests {
    use satchel_types::{CardDraft, CardKind, Rating, ReminderSettings};

    use crate::testing::keychain_profile;

    const DAY: i64 = 86_400_000;

    #[test]
    fn a_review_due_is_told_unless_reminders_are_off_and_a_childs_library_starts_without() {
        let (_dir, _satchel, profile) = keychain_profile("Ana");
        assert!(profile.reminders().unwrap().enabled());
        let now = 10 * DAY;
        let made = profile
            .add_cards(
                &CardDraft {
                    deck: "Water".into(),
                    kind: CardKind::Basic,
                    front: "What drives the water cycle?".into(),
                    back: "The sun".into(),
                    choices: Vec::new(),
                    media: Vec::new(),
                },
                now,
            )
            .unwrap();
        // A new card is no review.
        assert_eq!(profile.reviews_to_remind(now).unwrap(), None);
        profile
            .answer(&made[0].id, Rating::Good, 4_000, now)
            .unwrap();
        assert_eq!(profile.reviews_to_remind(now + 1_000).unwrap(), None);
        let later = now + 60 * DAY;
        assert_eq!(profile.reviews_to_remind(later).unwrap(), Some(1));

        let child = ReminderSettings {
            child: true,
            chosen: None,
        };
        assert_eq!(profile.set_reminders(child).unwrap(), child);
        assert_eq!(profile.reminders().unwrap(), child);
        assert_eq!(profile.reviews_to_remind(later).unwrap(), None);
        // A parent turns them on.
        profile
            .set_reminders(ReminderSettings {
                child: true,
                chosen: Some(true),
            })
            .unwrap();
        assert_eq!(profile.reviews_to_remind(later).unwrap(), Some(1));
        profile
            .set_reminders(ReminderSettings {
                child: false,
                chosen: Some(false),
            })
            .unwrap();
        assert_eq!(profile.reviews_to_remind(later).unwrap(), None);
    }
}
