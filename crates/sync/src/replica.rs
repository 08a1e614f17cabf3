//! A device's documents and its sync with each peer.
//!
//! Automerge's sync protocol assumes a reliable, in-order stream between two peers.
//! HTTP is neither: a response can be lost, a request repeated. So a peer's sync state
//! is kept only as what both sides are known to share (`State::encode` keeps just
//! that), and [`Replica::reconnect`] forgets anything in flight after a failed round:
//! the next round starts over from what is shared, and what was lost is sent again.

use std::collections::{BTreeMap, HashMap};

use automerge::sync::{Message, State, SyncDoc};
use automerge::{ActorId, AutoCommit};

use crate::docs::{self, Card, DocId, Note, Review, ReviewLog, Source};
use crate::error::guarded;
use crate::{Batch, SyncError};

/// What one document holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Reviews(ReviewLog),
    Cards(Vec<Card>),
    Note(Note),
    Decks(Vec<(String, String)>),
    Source(Source),
    /// A lesson from a teacher: its id and its JSON.
    Lesson(String, String),
    Nothing,
}

pub struct Replica {
    actor: ActorId,
    docs: BTreeMap<DocId, AutoCommit>,
    pub(crate) peers: HashMap<String, HashMap<DocId, State>>,
}

impl Replica {
    /// An empty replica for a device (`device` is its stable id, in bytes).
    pub fn new(device: &[u8]) -> Replica {
        Replica {
            actor: ActorId::from(device),
            docs: BTreeMap::new(),
            peers: HashMap::new(),
        }
    }

    fn doc(&mut self, id: DocId) -> &mut AutoCommit {
        let actor = self.actor.clone();
        self.docs
            .entry(id)
            .or_insert_with(|| AutoCommit::new().with_actor(actor))
    }

    pub fn doc_ids(&self) -> impl Iterator<Item = &DocId> {
        self.docs.keys()
    }

    /// Adds a review to the log (once: adding it again changes nothing).
    pub fn add_review(&mut self, review: &Review) -> Result<(), SyncError> {
        docs::add_review(
            self.doc(DocId::reviews_of_month(review.reviewed_at)),
            review,
        )
    }

    /// Marks a review undone; it stays in the log.
    pub fn mark_undone(&mut self, review: &Review, at: i64) -> Result<(), SyncError> {
        docs::mark_undone(
            self.doc(DocId::reviews_of_month(review.reviewed_at)),
            &review.id,
            at,
        )
    }

    pub fn put_card(&mut self, card: &Card) -> Result<(), SyncError> {
        docs::put_card(self.doc(DocId::cards_of_deck(&card.deck_id)), card)
    }

    pub fn put_deck(&mut self, id: &str, name: &str) -> Result<(), SyncError> {
        docs::put_deck(self.doc(DocId::decks()), id, name)
    }

    /// Every deck, as (id, name).
    pub fn decks(&self) -> Result<Vec<(String, String)>, SyncError> {
        match self.docs.get(&DocId::decks()) {
            Some(doc) => docs::read_decks(doc),
            None => Ok(Vec::new()),
        }
    }

    /// A review document's reviews and undos, a deck document's cards or a note, as
    /// the document has them now (for projecting what a sync brought).
    pub fn content(&self, id: &DocId) -> Result<Content, SyncError> {
        let Some(doc) = self.docs.get(id) else {
            return Ok(Content::Nothing);
        };
        Ok(match id.kind() {
            "reviews" => {
                let mut log = ReviewLog::default();
                docs::read_reviews(id, doc, &mut log)?;
                Content::Reviews(log)
            }
            "cards" => {
                let mut cards = Vec::new();
                docs::read_cards(id, doc, &mut cards)?;
                Content::Cards(cards)
            }
            "notes" => Content::Note(docs::read_note(id, doc)?),
            "decks" => Content::Decks(docs::read_decks(doc)?),
            "sources" => Content::Source(docs::read_source(id, doc)?),
            "lessons" => match docs::read_lesson(doc)? {
                Some(lesson) => Content::Lesson(id.subject().to_owned(), lesson),
                None => Content::Nothing,
            },
            _ => Content::Nothing,
        })
    }

    pub fn put_progress(&mut self, summary: &str) -> Result<(), SyncError> {
        docs::put_progress(self.doc(DocId::progress()), summary)
    }

    /// The learner's progress summary, if one was shared.
    pub fn progress(&self) -> Result<Option<String>, SyncError> {
        match self.docs.get(&DocId::progress()) {
            Some(doc) => docs::read_progress(doc),
            None => Ok(None),
        }
    }

    pub fn put_lesson(&mut self, lesson_id: &str, lesson: &str) -> Result<(), SyncError> {
        docs::put_lesson(self.doc(DocId::lesson(lesson_id)), lesson)
    }

    /// Merges a whole document saved elsewhere (a bundle carried on a USB stick) into
    /// this one, exactly as a sync would have brought its changes; whether it changed.
    pub fn merge_saved(&mut self, id: DocId, saved: &[u8]) -> Result<bool, SyncError> {
        let mut other = guarded("a saved document", || Ok(AutoCommit::load(saved)?))?;
        let doc = self.doc(id);
        let before = doc.get_heads();
        doc.merge(&mut other)?;
        Ok(doc.get_heads() != before)
    }

    pub fn put_source(&mut self, source: &Source) -> Result<(), SyncError> {
        docs::put_source(self.doc(DocId::source(&source.id)), source)
    }

    pub fn sources(&self) -> Result<Vec<Source>, SyncError> {
        self.docs
            .iter()
            .filter(|(id, _)| id.kind() == "sources")
            .map(|(id, doc)| docs::read_source(id, doc))
            .collect()
    }

    pub fn put_note(&mut self, note: &Note) -> Result<(), SyncError> {
        docs::put_note(self.doc(DocId::note(&note.id)), note)
    }

    pub fn review_log(&self) -> Result<ReviewLog, SyncError> {
        let mut log = ReviewLog::default();
        for (id, doc) in self.docs.iter().filter(|(id, _)| id.kind() == "reviews") {
            docs::read_reviews(id, doc, &mut log)?;
        }
        Ok(log)
    }

    pub fn cards(&self) -> Result<Vec<Card>, SyncError> {
        let mut cards = Vec::new();
        for (id, doc) in self.docs.iter().filter(|(id, _)| id.kind() == "cards") {
            docs::read_cards(id, doc, &mut cards)?;
        }
        cards.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(cards)
    }

    pub fn notes(&self) -> Result<Vec<Note>, SyncError> {
        self.docs
            .iter()
            .filter(|(id, _)| id.kind() == "notes")
            .map(|(id, doc)| docs::read_note(id, doc))
            .collect()
    }

    /// A document as bytes, to keep.
    pub fn save(&mut self, id: &DocId) -> Option<Vec<u8>> {
        self.docs.get_mut(id).map(AutoCommit::save)
    }

    /// Takes a kept document back.
    pub fn load(&mut self, id: DocId, bytes: &[u8]) -> Result<(), SyncError> {
        let doc = guarded("a saved document", || Ok(AutoCommit::load(bytes)?))?;
        self.docs.insert(id, doc.with_actor(self.actor.clone()));
        Ok(())
    }

    /// Whether the document is here (in memory).
    pub fn has(&self, id: &DocId) -> bool {
        self.docs.contains_key(id)
    }

    /// Takes a document back from what [`save`](Self::save) and
    /// [`save_incremental`](Self::save_incremental) produced, one after another.
    pub fn load_chunks(&mut self, id: DocId, chunks: &[u8]) -> Result<(), SyncError> {
        let mut doc = AutoCommit::new().with_actor(self.actor.clone());
        if !chunks.is_empty() {
            guarded("a kept document", || Ok(doc.load_incremental(chunks)?))?;
        }
        // What was loaded is saved already: the next incremental save is only what
        // comes after.
        doc.save_incremental();
        self.docs.insert(id, doc);
        Ok(())
    }

    /// The changes made to a document since it was loaded or last saved.
    pub fn save_incremental(&mut self, id: &DocId) -> Vec<u8> {
        self.docs
            .get_mut(id)
            .map(AutoCommit::save_incremental)
            .unwrap_or_default()
    }

    /// Forgets every document in memory (they are loaded again when needed).
    pub fn forget(&mut self) {
        self.docs.clear();
    }

    /// The heads of a document, for telling whether two replicas hold the same.
    pub fn heads(&mut self, id: &DocId) -> Vec<automerge::ChangeHash> {
        self.docs
            .get_mut(id)
            .map(AutoCommit::get_heads)
            .unwrap_or_default()
    }

    /// The sync messages for `peer`, one for each document with something to say.
    pub fn sync_out(&mut self, peer: &str) -> Batch {
        self.sync_out_where(peer, |_| true)
    }

    /// [`sync_out`](Self::sync_out), but a document not yet spoken of with `peer` is
    /// spoken of only when `first` says so (it changed since the peer last heard of
    /// it). Documents already in conversation go on.
    pub fn sync_out_where(&mut self, peer: &str, first: impl Fn(&DocId) -> bool) -> Batch {
        let states = self.peers.entry(peer.to_owned()).or_default();
        let mut batch = Batch::default();
        for (id, doc) in &mut self.docs {
            if !states.contains_key(id) && !first(id) {
                continue;
            }
            let state = states.entry(id.clone()).or_default();
            if let Some(message) = doc.sync().generate_sync_message(state) {
                batch.messages.push((id.clone(), message.encode()));
            }
        }
        batch
    }

    /// A document's heads as text, to keep and compare.
    pub fn heads_text(&mut self, id: &DocId) -> String {
        self.heads(id)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Takes `peer`'s messages in; returns the documents that changed.
    pub fn sync_in(&mut self, peer: &str, batch: Batch) -> Result<Vec<DocId>, SyncError> {
        let mut changed = Vec::new();
        for (id, bytes) in batch.messages {
            let message = guarded(&format!("a message for {id}"), || {
                Message::decode(&bytes).map_err(|e| SyncError::BadMessage(format!("{id}: {e}")))
            })?;
            let actor = self.actor.clone();
            let doc = self
                .docs
                .entry(id.clone())
                .or_insert_with(|| AutoCommit::new().with_actor(actor));
            let before = doc.get_heads();
            let state = self
                .peers
                .entry(peer.to_owned())
                .or_default()
                .entry(id.clone())
                .or_default();
            let received = guarded(&format!("a message for {id}"), || {
                Ok(doc.sync().receive_sync_message(state, message)?)
            });
            if let Err(error) = received {
                // Half taken in, the document in memory is not to be trusted: it is
                // read back from what was kept when next needed.
                self.docs.remove(&id);
                if let Some(states) = self.peers.get_mut(peer) {
                    states.remove(&id);
                }
                return Err(error);
            }
            // A peer that asks for a change it was already sent lost it: the server
            // keeps nothing between requests, so a change that arrived before one it
            // depends on (held back by a false positive in the server's Bloom filter)
            // is dropped with the request. Automerge never sends a change twice, so
            // without this both sides would ask and answer the same round forever.
            // Everything sent is forgotten, not just what was asked for: the lost
            // changes go again in one round, not one a round down their chain.
            let lost = state
                .their_need
                .as_ref()
                .is_some_and(|need| need.iter().any(|h| state.sent_hashes.contains(h)));
            if lost {
                state.sent_hashes.clear();
            }
            if doc.get_heads() != before {
                changed.push(id);
            }
        }
        Ok(changed)
    }

    /// Forgets everything about `peer`: the next sync with it starts from nothing.
    pub fn forget_peer(&mut self, peer: &str) {
        self.peers.remove(peer);
    }

    /// Forgets what was in flight with `peer` (after a lost request or response),
    /// keeping what both are known to share.
    pub fn reconnect(&mut self, peer: &str) {
        if let Some(states) = self.peers.get_mut(peer) {
            for state in states.values_mut() {
                *state = State::decode(&state.encode()).unwrap_or_default();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(id: &str) -> Review {
        Review {
            id: id.into(),
            card_id: "c".into(),
            reviewed_at: 1_795_996_800_000,
            rating: 3,
            kind: "new".into(),
            elapsed_days: 0,
            duration_ms: 1,
            stability: 2.0,
            difficulty: 5.0,
            due: 1_796_169_600_000,
            origin: "satchel".into(),
        }
    }

    #[test]
    fn a_document_kept_as_a_save_and_appended_changes_loads_whole() {
        let mut replica = Replica::new(b"laptop");
        replica.add_review(&review("a")).unwrap();
        let id = DocId::reviews_of_month(1_795_996_800_000);
        let mut kept = replica.save_incremental(&id);
        replica.add_review(&review("b")).unwrap();
        kept.extend(replica.save_incremental(&id));
        assert!(replica.save_incremental(&id).is_empty());
        let mut again = Replica::new(b"laptop");
        again.load_chunks(id.clone(), &kept).unwrap();
        assert_eq!(again.review_log().unwrap(), replica.review_log().unwrap());
        // Changes made after loading continue the same history.
        again.add_review(&review("c")).unwrap();
        kept.extend(again.save_incremental(&id));
        let mut third = Replica::new(b"laptop");
        third.load_chunks(id, &kept).unwrap();
        assert_eq!(third.review_log().unwrap().reviews.len(), 3);
    }
}
