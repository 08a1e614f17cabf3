//! Packs the class hands out: a teacher's update of Satchel and model pack, for the
//! students' apps to take over the classroom network when there is no internet.
//!
//! The server lists only packs whose signature checks out against the keys it trusts
//! (Satchel's release key, and any the school adds); each student's app checks the
//! signature again, and every file, before anything is used. A download may start
//! from a byte onwards (`Range: bytes=N-`), so a transfer cut off goes on from where
//! it stopped.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use satchel_packs::{Offered, PackKind, TrustedKeys};
use satchel_types::{PackOffer, PackOfferKind};
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::{ApiError, AppState, Caller};

/// An offered pack as a student's app reads it (`wanted` is the app's to set).
pub fn view(offered: Offered) -> PackOffer {
    PackOffer {
        name: offered.name,
        kind: match offered.manifest.kind {
            PackKind::Models => PackOfferKind::Models,
            PackKind::App => PackOfferKind::App,
        },
        version: offered.manifest.version,
        notes: offered.manifest.notes,
        size: offered.size,
        wanted: false,
    }
}

/// The packs offered, read from the folder on each request (a teacher adds and takes
/// away packs while the server runs).
async fn current(app: &AppState) -> Result<Vec<Offered>, ApiError> {
    let Some(dir) = app.config.offers_dir.clone() else {
        return Ok(Vec::new());
    };
    let keys = app.config.offer_keys.clone();
    tokio::task::spawn_blocking(move || {
        satchel_packs::offers_in(&dir, &TrustedKeys::from_texts(&keys))
    })
    .await
    .map_err(ApiError::internal)
}

pub async fn list(
    State(app): State<Arc<AppState>>,
    _caller: Caller,
) -> Result<Json<Vec<PackOffer>>, ApiError> {
    Ok(Json(current(&app).await?.into_iter().map(view).collect()))
}

pub async fn download(
    State(app): State<Arc<AppState>>,
    Path(name): Path<String>,
    _caller: Caller,
    request: Request,
) -> Result<Response, ApiError> {
    // Only a name the listing gives: nothing else in (or beyond) the folder is served.
    let offered = current(&app).await?;
    let (Some(dir), true) = (
        app.config.offers_dir.as_ref(),
        offered.iter().any(|o| o.name == name),
    ) else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "no such pack is offered",
        ));
    };
    let served = ServeFile::new(dir.join(&name))
        .oneshot(request)
        .await
        .map_err(ApiError::internal)?;
    Ok(served.into_response())
}
