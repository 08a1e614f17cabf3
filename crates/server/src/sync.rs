//! `POST /v1/sync/{owner}`: a device's batch of Automerge sync messages in, the
//! server's answers out.
//!
//! The device sends what it has to say and the position (`Satchel-Cursor`) up to which
//! it has heard of the owner's changes. The server takes the messages in, keeps what
//! changed, and answers every document the device spoke of and every document changed
//! since its cursor (a page at a time: `Satchel-More: 1` says ask again). The device
//! goes round until neither side has anything to say.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use satchel_sync::{Batch, DocId, Hosted, PeerState};

use crate::store::{COMPACT_AFTER_CHUNKS, DocWrite, StoredDoc};
use crate::{ApiError, AppState, Caller};

/// A batch's size at most (a device's first sync of a big document is the largest).
pub const MAX_BODY: usize = 64 << 20;
/// Documents changed elsewhere that one answer carries at most.
const CHANGED_PER_ROUND: usize = 256;

/// The kind of a lesson's document (`lessons/<id>`), written only by its teacher.
const LESSON_KIND: &str = "lessons";

pub const CURSOR: &str = "satchel-cursor";
pub const MORE: &str = "satchel-more";

struct Open {
    doc: Hosted,
    state: PeerState,
    stored: StoredDoc,
}

fn open(
    id: &str,
    stored: &mut HashMap<String, StoredDoc>,
    states: &HashMap<String, Vec<u8>>,
) -> Result<Open, ApiError> {
    let stored = stored.remove(id).unwrap_or_default();
    let doc = Hosted::load(&stored.chunks).map_err(ApiError::internal)?;
    let state = states
        .get(id)
        .map_or_else(PeerState::default, |bytes| PeerState::decode(bytes));
    Ok(Open { doc, state, stored })
}

pub async fn sync(
    State(app): State<Arc<AppState>>,
    Path(owner): Path<String>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.may_use(&owner)?;
    let cursor = headers
        .get(CURSOR)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(0)
        .max(0);
    metrics::counter!("satchel_sync_bytes_in_total").increment(body.len() as u64);
    let batch = Batch::decode(&body).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let mut spoken: Vec<String> = batch
        .messages
        .iter()
        .map(|(id, _)| id.as_str().to_owned())
        .collect();
    spoken.sort();
    spoken.dedup();
    let mut stored = app.store.load_docs(&owner, spoken.clone()).await?;
    let states = app
        .store
        .load_states(&caller.device, &owner, spoken.clone())
        .await?;

    // A learner's device never writes a lesson: its teacher's changes reach it through
    // the server (`classes::deliver`). New changes to one from a learner are refused,
    // so no student can change a lesson or forge its teacher's changes in it.
    let learner = caller.role == crate::store::Role::Learner;
    let teacher_only =
        move |id: &str| learner && DocId::parse(id).is_ok_and(|d| d.kind() == LESSON_KIND);
    // Automerge's work is CPU-bound: off the async threads.
    let (mut open_docs, writes, new_states) = tokio::task::spawn_blocking(move || {
        let mut open_docs: HashMap<String, Open> = HashMap::new();
        for (id, message) in batch.messages {
            let id = id.as_str().to_owned();
            if !open_docs.contains_key(&id) {
                let opened = open(&id, &mut stored, &states)?;
                open_docs.insert(id.clone(), opened);
            }
            let Some(doc) = open_docs.get_mut(&id) else {
                continue;
            };
            doc.doc
                .receive(&mut doc.state, &message)
                .map_err(|e| ApiError::bad_request(format!("{id}: {e}")))?;
        }
        let mut writes = Vec::new();
        let mut new_states = Vec::new();
        for (id, doc) in &mut open_docs {
            if teacher_only(id) && doc.doc.new_changes().is_some() {
                tracing::warn!(doc = %id, "a learner's device sent changes to a lesson; refused");
                metrics::counter!("satchel_sync_refused_total").increment(1);
                // What the server holds answers the device, as if the changes never came;
                // the protocol finds what is shared again.
                doc.doc = Hosted::load(&doc.stored.chunks).map_err(ApiError::internal)?;
                doc.state = PeerState::default();
                continue;
            }
            if let Some(chunk) = doc.doc.new_changes() {
                writes.push(if doc.stored.chunks.len() + 1 > COMPACT_AFTER_CHUNKS {
                    DocWrite {
                        doc_id: id.clone(),
                        chunk: doc.doc.save(),
                        replaces_upto: Some(doc.stored.last_seq),
                    }
                } else {
                    DocWrite {
                        doc_id: id.clone(),
                        chunk,
                        replaces_upto: None,
                    }
                });
            }
            new_states.push((id.clone(), doc.state.encode()));
        }
        Ok::<_, ApiError>((open_docs, writes, new_states))
    })
    .await
    .map_err(ApiError::internal)??;
    // New documents and appended bytes count against the account's quota; a save
    // that replaces a document's chunks counts what it adds to them.
    let new_docs = open_docs
        .iter()
        .filter(|(id, doc)| doc.stored.chunks.is_empty() && writes.iter().any(|w| w.doc_id == **id))
        .count() as u64;
    let new_bytes: u64 = writes
        .iter()
        .map(|w| {
            let replaced: u64 = match w.replaces_upto {
                Some(_) => open_docs
                    .get(&w.doc_id)
                    .map_or(0, |d| d.stored.chunks.iter().map(|c| c.len() as u64).sum()),
                None => 0,
            };
            (w.chunk.len() as u64).saturating_sub(replaced)
        })
        .sum();
    app.check_quota(&owner, new_docs, 0, new_bytes).await?;
    let written = writes.len();
    let changed_here: std::collections::BTreeSet<String> =
        writes.iter().map(|w| w.doc_id.clone()).collect();
    app.store
        .commit(&owner, &caller.device, writes, new_states)
        .await?;
    if caller.role != crate::store::Role::Learner && !changed_here.is_empty() {
        crate::classes::redeliver(&app.store, &owner, &changed_here).await?;
    }

    // Read after writing: a position seen means every earlier one is committed.
    let changed = app
        .store
        .changed_since(&owner, cursor, CHANGED_PER_ROUND)
        .await?;
    let more = changed.len() == CHANGED_PER_ROUND;
    let next_cursor = changed.last().map_or(cursor, |(_, seq)| *seq);
    let others: Vec<String> = changed
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| !open_docs.contains_key(id))
        .collect();
    let mut stored = app.store.load_docs(&owner, others.clone()).await?;
    let states = app
        .store
        .load_states(&caller.device, &owner, others.clone())
        .await?;
    let reply = tokio::task::spawn_blocking(move || {
        for id in others {
            let opened = open(&id, &mut stored, &states)?;
            open_docs.insert(id, opened);
        }
        let mut reply = Batch::default();
        for (id, doc) in &mut open_docs {
            if let Some(message) = doc.doc.generate(&mut doc.state) {
                let id = DocId::parse(id).map_err(ApiError::internal)?;
                reply.messages.push((id, message));
            }
        }
        Ok::<_, ApiError>(reply.encode())
    })
    .await
    .map_err(ApiError::internal)??;
    metrics::counter!("satchel_sync_bytes_out_total").increment(reply.len() as u64);
    metrics::counter!("satchel_sync_docs_written_total").increment(written as u64);
    let mut response = (StatusCode::OK, reply).into_response();
    let headers = response.headers_mut();
    headers.insert(CURSOR, HeaderValue::from(next_cursor));
    headers.insert(MORE, HeaderValue::from_static(if more { "1" } else { "0" }));
    headers.insert(
        axum::http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    Ok(response)
}
