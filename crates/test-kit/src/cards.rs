//! Card drafts, as a learner writes them by hand.

use satchel_core::types::{CardDraft, CardKind};

/// A front and a back.
pub fn basic(deck: &str, front: &str, back: &str) -> CardDraft {
    draft(deck, CardKind::Basic, front, back)
}

/// A card and its reverse: two cards from one draft.
pub fn reversed(deck: &str, front: &str, back: &str) -> CardDraft {
    draft(deck, CardKind::Reversed, front, back)
}

/// "chat" / "cat" and its reverse in deck French: the pair the end-to-end tests
/// type, and the core's own unit tests write.
pub fn french_pair() -> CardDraft {
    reversed("French", "chat", "cat")
}

/// Card `i` of a made-up deck: "question {i}" / "answer {i}", each one different.
pub fn numbered(deck: &str, i: usize) -> CardDraft {
    basic(deck, &format!("question {i}"), &format!("answer {i}"))
}

fn draft(deck: &str, kind: CardKind, front: &str, back: &str) -> CardDraft {
    CardDraft {
        deck: deck.into(),
        kind,
        front: front.into(),
        back: back.into(),
        choices: Vec::new(),
        media: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TempSatchel;

    #[test]
    fn a_reversed_pair_is_two_cards_and_a_numbered_one_is_one() {
        let kit = TempSatchel::new().unwrap();
        let profile = kit.profile("Ada").unwrap();
        let now = 1_800_000_000_000;
        let pair = profile.add_cards(&french_pair(), now).unwrap();
        assert_eq!(pair.len(), 2);
        let one = profile.add_cards(&numbered("Maths", 7), now).unwrap();
        assert_eq!(one.len(), 1);
        assert_eq!(
            (one[0].front.as_str(), one[0].back.as_str()),
            ("question 7", "answer 7")
        );
    }
}
