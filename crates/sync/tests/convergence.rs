//! Three replicas, random edits and reviews on each, and sync messages between them
//! sent, lost, dropped (the round fails and both sides start over from what they
//! share), duplicated and delivered out of order. Once the network behaves, every
//! replica ends with the same documents, every review ever made is in every log, and
//! each replica's documents survive being saved and loaded.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use satchel_sync::{Batch, Card, DocId, Note, Replica, Review};

const REPLICAS: usize = 3;
const DAY: i64 = 86_400_000;
const START: i64 = 1_795_996_800_000;

#[derive(Debug, Clone)]
enum Fault {
    None,
    /// The round fails and both sides know it.
    Drop,
    /// The message vanishes and nobody notices.
    Lose,
    /// Delivered, and kept to be delivered again.
    Duplicate,
}

#[derive(Debug, Clone)]
enum Op {
    Review {
        at: usize,
        card: u8,
        rating: u8,
        month: u8,
    },
    Undo {
        at: usize,
        pick: usize,
    },
    Card {
        at: usize,
        card: u8,
        field: u8,
        value: u8,
    },
    Note {
        at: usize,
        note: u8,
        cut: usize,
        text: String,
    },
    Send {
        from: usize,
        to: usize,
    },
    Deliver {
        from: usize,
        to: usize,
        pick: usize,
        fault: Fault,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let replica = 0..REPLICAS;
    prop_oneof![
        2 => (replica.clone(), 0u8..6, 1u8..=4, 0u8..3)
            .prop_map(|(at, card, rating, month)| Op::Review { at, card, rating, month }),
        1 => (replica.clone(), 0usize..20).prop_map(|(at, pick)| Op::Undo { at, pick }),
        2 => (replica.clone(), 0u8..6, 0u8..5, 0u8..4)
            .prop_map(|(at, card, field, value)| Op::Card { at, card, field, value }),
        2 => (replica.clone(), 0u8..3, 0usize..30, "[a-z ]{0,6}")
            .prop_map(|(at, note, cut, text)| Op::Note { at, note, cut, text }),
        3 => (replica.clone(), replica.clone())
            .prop_filter("a peer", |(a, b)| a != b)
            .prop_map(|(from, to)| Op::Send { from, to }),
        3 => (replica.clone(), replica, 0usize..4, prop_oneof![
                4 => Just(Fault::None),
                1 => Just(Fault::Drop),
                1 => Just(Fault::Lose),
                1 => Just(Fault::Duplicate),
            ])
            .prop_filter("a peer", |(a, b, _, _)| a != b)
            .prop_map(|(from, to, pick, fault)| Op::Deliver { from, to, pick, fault }),
    ]
}

fn name(replica: usize) -> String {
    format!("device-{replica}")
}

struct World {
    replicas: Vec<Replica>,
    /// Batches in flight from one replica to another.
    wire: BTreeMap<(usize, usize), Vec<Batch>>,
    made: Vec<Vec<Review>>,
    undone: BTreeSet<String>,
    clock: i64,
}

impl World {
    fn new() -> World {
        World {
            replicas: (0..REPLICAS)
                .map(|r| Replica::new(format!("device-{r}").as_bytes()))
                .collect(),
            wire: BTreeMap::new(),
            made: vec![Vec::new(); REPLICAS],
            undone: BTreeSet::new(),
            clock: START,
        }
    }

    fn apply(&mut self, op: Op) {
        self.clock += 60_000;
        match op {
            Op::Review {
                at,
                card,
                rating,
                month,
            } => {
                let review = Review {
                    id: format!("{at}-{}", self.made[at].len()),
                    card_id: format!("c{card}"),
                    reviewed_at: self.clock + i64::from(month) * 31 * DAY,
                    rating,
                    kind: "review".into(),
                    elapsed_days: 3,
                    duration_ms: 5_000,
                    stability: 2.5,
                    difficulty: 5.0,
                    due: self.clock + 3 * DAY,
                    origin: "satchel".into(),
                };
                self.replicas[at].add_review(&review).unwrap();
                self.made[at].push(review);
            }
            Op::Undo { at, pick } => {
                if let Some(review) = self.made[at].get(pick).cloned() {
                    self.replicas[at].mark_undone(&review, self.clock).unwrap();
                    self.undone.insert(review.id);
                }
            }
            Op::Card {
                at,
                card,
                field,
                value,
            } => {
                // A card is made on one device (its owner); others edit it once they
                // have it, as in the app.
                let id = format!("c{card}");
                let existing = self.replicas[at]
                    .cards()
                    .unwrap()
                    .into_iter()
                    .find(|c| c.id == id);
                let owner = usize::from(card) % REPLICAS == at;
                let Some(mut edited) = existing.or_else(|| {
                    owner.then(|| Card {
                        id: id.clone(),
                        deck_id: format!("d{}", card % 2),
                        kind: "basic".into(),
                        front: String::new(),
                        back: String::new(),
                        suspended: false,
                        deleted: false,
                        generator: String::new(),
                        choices: Vec::new(),
                        media: Vec::new(),
                    })
                }) else {
                    return;
                };
                match field {
                    0 => edited.front = format!("front {value} by {at}"),
                    1 => edited.back = format!("back {value} by {at}"),
                    2 => edited.suspended = value % 2 == 0,
                    3 => edited.deleted = value == 3,
                    _ => {
                        edited.media = vec![satchel_sync::MediaRef {
                            sha256: format!("{value:064x}"),
                            name: format!("picture {value} by {at}.png"),
                            mime: "image/png".into(),
                            side: "front".into(),
                        }]
                    }
                }
                self.replicas[at].put_card(&edited).unwrap();
            }
            Op::Note {
                at,
                note,
                cut,
                text,
            } => {
                let id = format!("n{note}");
                let existing = self.replicas[at]
                    .notes()
                    .unwrap()
                    .into_iter()
                    .find(|n| n.id == id);
                let owner = usize::from(note) % REPLICAS == at;
                let Some(mut edited) = existing.or_else(|| {
                    owner.then(|| Note {
                        id: id.clone(),
                        title: format!("Note {note}"),
                        body: String::new(),
                        deleted: false,
                    })
                }) else {
                    return;
                };
                let at_char = edited
                    .body
                    .char_indices()
                    .map(|(i, _)| i)
                    .nth(cut)
                    .unwrap_or(edited.body.len());
                edited.body.insert_str(at_char, &text);
                self.replicas[at].put_note(&edited).unwrap();
            }
            Op::Send { from, to } => {
                let batch = self.replicas[from].sync_out(&name(to));
                if !batch.is_empty() {
                    // Through the wire's own encoding, as over HTTP.
                    let bytes = batch.encode();
                    self.wire
                        .entry((from, to))
                        .or_default()
                        .push(Batch::decode(&bytes).unwrap());
                }
            }
            Op::Deliver {
                from,
                to,
                pick,
                fault,
            } => {
                let Some(queue) = self.wire.get_mut(&(from, to)) else {
                    return;
                };
                if queue.is_empty() {
                    return;
                }
                let index = pick % queue.len();
                let batch = match fault {
                    Fault::Duplicate => queue[index].clone(),
                    _ => queue.remove(index),
                };
                match fault {
                    Fault::Drop => {
                        self.replicas[from].reconnect(&name(to));
                        self.replicas[to].reconnect(&name(from));
                    }
                    Fault::Lose => {}
                    Fault::None | Fault::Duplicate => {
                        self.replicas[to].sync_in(&name(from), batch).unwrap();
                    }
                }
            }
        }
    }

    /// The network behaves: every pair syncs until nobody has anything to say.
    fn settle(&mut self) {
        self.wire.clear();
        for a in 0..REPLICAS {
            for b in 0..REPLICAS {
                if a != b {
                    self.replicas[a].reconnect(&name(b));
                }
            }
        }
        for _ in 0..50 {
            let mut quiet = true;
            for a in 0..REPLICAS {
                for b in 0..REPLICAS {
                    if a == b {
                        continue;
                    }
                    let batch = self.replicas[a].sync_out(&name(b));
                    if !batch.is_empty() {
                        quiet = false;
                        self.replicas[b].sync_in(&name(a), batch).unwrap();
                    }
                }
            }
            if quiet {
                return;
            }
        }
        panic!("sync did not settle in 50 rounds");
    }
}

type State = (
    satchel_sync::ReviewLog,
    Vec<Card>,
    Vec<Note>,
    Vec<(DocId, Vec<automerge::ChangeHash>)>,
);

fn state(replica: &mut Replica) -> State {
    let ids: Vec<DocId> = replica.doc_ids().cloned().collect();
    let heads = ids.into_iter().map(|id| {
        let heads = replica.heads(&id);
        (id, heads)
    });
    let heads = heads.collect();
    (
        replica.review_log().unwrap(),
        replica.cards().unwrap(),
        replica.notes().unwrap(),
        heads,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn replicas_converge_and_no_review_is_lost(ops in prop::collection::vec(op(), 1..80)) {
        let mut world = World::new();
        for op in ops {
            world.apply(op);
        }
        world.settle();
        let first = state(&mut world.replicas[0]);
        for replica in &mut world.replicas[1..] {
            prop_assert_eq!(&state(replica), &first);
        }
        let (log, cards, notes, _) = &first;
        let made: BTreeSet<&str> = world.made.iter().flatten().map(|r| r.id.as_str()).collect();
        let kept: BTreeSet<&str> = log.reviews.keys().map(String::as_str).collect();
        prop_assert_eq!(kept, made);
        let undone: BTreeSet<&String> = log.undone.keys().collect();
        prop_assert_eq!(undone, world.undone.iter().collect::<BTreeSet<_>>());
        for review in world.made.iter().flatten() {
            prop_assert_eq!(&log.reviews[&review.id], review);
        }

        // Saved and loaded, a replica is the same.
        let replica = &mut world.replicas[0];
        let ids: Vec<DocId> = replica.doc_ids().cloned().collect();
        let mut loaded = Replica::new(b"device-0");
        for id in ids {
            let bytes = replica.save(&id).unwrap();
            loaded.load(id, &bytes).unwrap();
        }
        let (again_log, again_cards, again_notes, _) = state(&mut loaded);
        prop_assert_eq!(&again_log, log);
        prop_assert_eq!(&again_cards, cards);
        prop_assert_eq!(&again_notes, notes);

        // Kept as a full save followed by incremental ones, as the app keeps them.
        let replica = &mut world.replicas[1];
        let ids: Vec<DocId> = replica.doc_ids().cloned().collect();
        let mut chunked = Replica::new(b"device-1");
        for id in ids {
            let mut chunks = replica.save(&id).unwrap();
            chunks.extend(replica.save_incremental(&id));
            chunked.load_chunks(id, &chunks).unwrap();
        }
        let (chunk_log, chunk_cards, chunk_notes, _) = state(&mut chunked);
        prop_assert_eq!(&chunk_log, log);
        prop_assert_eq!(&chunk_cards, cards);
        prop_assert_eq!(&chunk_notes, notes);
    }
}

#[test]
fn two_devices_reviewing_the_same_card_offline_keep_both_reviews() {
    let mut laptop = Replica::new(b"laptop");
    let mut family = Replica::new(b"family");
    let review = |id: &str, at: i64| Review {
        id: id.into(),
        card_id: "c1".into(),
        reviewed_at: at,
        rating: 3,
        kind: "review".into(),
        elapsed_days: 2,
        duration_ms: 4_000,
        stability: 3.0,
        difficulty: 5.0,
        due: at + 3 * DAY,
        origin: "satchel".into(),
    };
    laptop.add_review(&review("a", START)).unwrap();
    family.add_review(&review("b", START + 1)).unwrap();
    for _ in 0..4 {
        let out = laptop.sync_out("family");
        family.sync_in("laptop", out).unwrap();
        let back = family.sync_out("laptop");
        laptop.sync_in("family", back).unwrap();
    }
    for replica in [&laptop, &family] {
        let log = replica.review_log().unwrap();
        assert_eq!(log.reviews.keys().collect::<Vec<_>>(), ["a", "b"]);
    }
}
