//! Media by sha256: uploaded in parts that each say where they start, so a transfer
//! cut off goes on from what arrived; checked against its name when complete;
//! downloaded whole or from a byte onwards (`Range: bytes=N-`).

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{ApiError, AppState, Caller};

/// One part's size at most.
pub const MAX_PART: usize = 4 << 20;
/// One file's size at most: a card's picture or sound (Satchel's own limit on those).
pub const MAX_FILE: i64 = 64 << 20;

#[derive(Debug, Serialize, Deserialize)]
pub struct MediaView {
    pub size: i64,
    pub received: i64,
    pub complete: bool,
}

fn check_name(sha256: &str) -> Result<(), ApiError> {
    if sha256.len() == 64
        && sha256
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            "media are named by their sha256 in lowercase hex",
        ))
    }
}

/// Whose copy of a medium `owner` reads: their own, or (when their own is not whole)
/// their teacher's, which a lesson of theirs names — so a class's lesson media are kept
/// once, not once per student.
async fn holder(
    app: &AppState,
    owner: &str,
    sha256: &str,
) -> Result<(String, Option<crate::store::MediaState>), ApiError> {
    let own = app.store.media_state(owner, sha256).await?;
    if own.is_some_and(|s| s.complete) {
        return Ok((owner.to_owned(), own));
    }
    if let Some(teacher) = app.store.lesson_media_owner(owner, sha256).await? {
        let theirs = app.store.media_state(&teacher, sha256).await?;
        if theirs.is_some_and(|s| s.complete) {
            return Ok((teacher, theirs));
        }
    }
    Ok((owner.to_owned(), own))
}

pub async fn state(
    State(app): State<Arc<AppState>>,
    Path((owner, sha256)): Path<(String, String)>,
    caller: Caller,
) -> Result<Json<MediaView>, ApiError> {
    caller.may_use(&owner)?;
    check_name(&sha256)?;
    let state = holder(&app, &owner, &sha256)
        .await?
        .1
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such media"))?;
    Ok(Json(MediaView {
        size: state.size,
        received: state.received,
        complete: state.complete,
    }))
}

#[derive(Deserialize)]
pub struct Part {
    size: i64,
    offset: i64,
}

pub async fn upload(
    State(app): State<Arc<AppState>>,
    Path((owner, sha256)): Path<(String, String)>,
    Query(part): Query<Part>,
    caller: Caller,
    body: Bytes,
) -> Result<Json<MediaView>, ApiError> {
    caller.may_use(&owner)?;
    check_name(&sha256)?;
    if !(0..=MAX_FILE).contains(&part.size) {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("media are at most {} MiB", MAX_FILE >> 20),
        ));
    }
    if part.offset < 0 {
        return Err(ApiError::bad_request("a part starts at a byte ≥ 0"));
    }
    // A file begun counts its whole size against the quota, once.
    if app.store.media_state(&owner, &sha256).await?.is_none() {
        app.check_quota(&owner, 0, 1, part.size as u64).await?;
    }
    let mut state = app
        .store
        .media_append(&owner, &sha256, part.size, part.offset, body.to_vec())
        .await?;
    if state.received == state.size && !state.complete {
        let parts = app.store.media_parts(&owner, &sha256).await?;
        let expected = sha256.clone();
        let ok = tokio::task::spawn_blocking(move || {
            let mut hasher = Sha256::new();
            for (_, bytes) in &parts {
                hasher.update(bytes);
            }
            crate::auth::hex(&hasher.finalize()) == expected
        })
        .await
        .map_err(ApiError::internal)?;
        app.store.media_finish(&owner, &sha256, ok).await?;
        if !ok {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "what arrived does not match its sha256; send it again",
            ));
        }
        state.complete = true;
        metrics::counter!("satchel_media_files_total").increment(1);
    }
    Ok(Json(MediaView {
        size: state.size,
        received: state.received,
        complete: state.complete,
    }))
}

pub async fn download(
    State(app): State<Arc<AppState>>,
    Path((owner, sha256)): Path<(String, String)>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    caller.may_use(&owner)?;
    check_name(&sha256)?;
    let (owner, state) = holder(&app, &owner, &sha256).await?;
    if !state.is_some_and(|s| s.complete) {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "no such media"));
    }
    let from = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("bytes="))
        .and_then(|v| v.strip_suffix('-'))
        .and_then(|v| v.parse::<usize>().ok());
    let parts = app.store.media_parts(&owner, &sha256).await?;
    let whole: Vec<u8> = parts.into_iter().flat_map(|(_, bytes)| bytes).collect();
    let total = whole.len();
    match from {
        None => Ok((StatusCode::OK, whole).into_response()),
        Some(start) if start < total || total == 0 => {
            let start = start.min(total);
            let mut response =
                (StatusCode::PARTIAL_CONTENT, whole[start..].to_vec()).into_response();
            if let Ok(range) = HeaderValue::from_str(&format!(
                "bytes {start}-{}/{total}",
                total.saturating_sub(1)
            )) {
                response.headers_mut().insert(header::CONTENT_RANGE, range);
            }
            Ok(response)
        }
        Some(_) => Err(ApiError::new(
            StatusCode::RANGE_NOT_SATISFIABLE,
            "that range is past the end",
        )),
    }
}
