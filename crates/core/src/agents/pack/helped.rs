//! What the learner's helper on the network (an OpenAI-compatible model on the LAN,
//! if one is set) adds to a pack: questions in its own words, and a plainer summary —
//! each used only when it is made of the source's own words.

use satchel_types::{CardKind, SummarySentence};

use super::super::cards::Draft;
use crate::jobs::{Failure, JobContext};

/// Questions the helper on the network may add, at most.
const HELPER_CARDS: usize = 6;
/// The helper's rank before learners have judged its cards: a little above the
/// others', as a model's question reads better than a blank.
pub(super) const HELPER_RANK: f32 = 0.55;
pub(crate) const HELPER: &str = "helper";

/// Cards the learner's helper on the network writes, if one is set and answers: for
/// the first key sentences, a question in its words whose answer is the key phrase
/// as the sentence has it (so the validator can check it against the source). A
/// helper that fails or rests is simply not asked again.
pub(super) fn helper_cards(
    job: &JobContext<'_>,
    drafts: &[Draft],
) -> std::result::Result<Vec<Draft>, Failure> {
    let Some(helper) = job.profile().helper()? else {
        return Ok(Vec::new());
    };
    let cloze: Vec<&Draft> = drafts
        .iter()
        .filter(|d| d.kind == CardKind::Cloze)
        .take(HELPER_CARDS)
        .collect();
    let mut written = Vec::new();
    for (n, draft) in cloze.iter().enumerate() {
        job.progress(n as i64, Some(cloze.len() as i64))?;
        match helper.question_for(&draft.source_ref.text, &draft.back) {
            Ok(question) => written.push(Draft {
                kind: CardKind::Definition,
                generator: HELPER.into(),
                front: question,
                back: draft.back.clone(),
                source_ref: draft.source_ref.clone(),
                concept: draft.concept,
            }),
            Err(crate::helper::HelperError::Open) => break,
            // One question not written; the next may be.
            Err(_) => {}
        }
    }
    Ok(written)
}

/// Share of a plain summary's words (three letters or more) that must be found in
/// the sentences it was written from: a helper that adds facts of its own is not used.
const PLAIN_GROUNDED: f32 = 0.7;

/// The summary in the helper's plainer words, if a helper is set and answers with
/// something made of the summary's own words.
pub(super) fn helper_summary(
    job: &JobContext<'_>,
    sentences: &[SummarySentence],
) -> std::result::Result<Option<String>, Failure> {
    let Some(helper) = job.profile().helper()? else {
        return Ok(None);
    };
    if sentences.is_empty() {
        return Ok(None);
    }
    job.progress(0, Some(1))?;
    let source: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let Ok(plain) = helper.complete(
        "You help a school student. Rewrite the sentences you are given as a short, plain \
         summary of at most three sentences. Use only facts in them. Reply with the \
         summary only.",
        &source.join("\n"),
    ) else {
        return Ok(None);
    };
    Ok(grounded_in(&plain, &source).then_some(plain))
}

/// Whether `plain` is made of `source`'s words: at least [`PLAIN_GROUNDED`] of its
/// words of three letters or more are there, and it is short.
fn grounded_in(plain: &str, source: &[&str]) -> bool {
    let known: std::collections::HashSet<String> = super::super::text::words(&source.join(" "))
        .into_iter()
        .collect();
    let said: Vec<String> = super::super::text::words(plain)
        .into_iter()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let found = said.iter().filter(|w| known.contains(*w)).count();
    !said.is_empty()
        && found as f32 / said.len() as f32 >= PLAIN_GROUNDED
        && plain.chars().count() <= 800
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_summary_is_used_only_when_made_of_the_sources_words() {
        let source = [
            "Plants make food from light in their leaves.",
            "Oxygen is given off.",
        ];
        assert!(grounded_in(
            "Plants make food from light and give off oxygen.",
            &source
        ));
        assert!(!grounded_in(
            "Plants were first grown by ancient Egyptian farmers.",
            &source
        ));
        assert!(!grounded_in("", &source));
    }
}
