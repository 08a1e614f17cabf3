//! What a request that failed answers: a status, a stable code and a sentence, as JSON.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use satchel_types::{ErrorCode, ServerErrorBody};

use crate::store::StoreError;

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    /// What the client's errors call it: stable, whatever the wording.
    pub code: ErrorCode,
    pub message: String,
    /// Seconds to wait before asking again (rate limits).
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// A refusal with the code its status stands for ([`ErrorCode::for_http_status`]):
    /// a client goes by that code, not by the status or the words.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code: ErrorCode::for_http_status(status.as_u16()),
            message: message.into(),
            retry_after: None,
        }
    }

    pub fn unauthorized(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, message)
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// A failure of the server's own: logged in full, answered in general.
    /// Too busy to take this now: try again shortly (503 with Retry-After).
    pub fn busy() -> ApiError {
        ApiError {
            retry_after: Some(2),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the server is busy; try again in a moment",
            )
        }
    }

    /// The account's quota would be passed: refused whole, so nothing is half-kept
    /// (507; the device keeps what it sent).
    pub fn full(what: &str, limit: String) -> ApiError {
        metrics::counter!("satchel_quota_refused_total").increment(1);
        ApiError::new(
            StatusCode::INSUFFICIENT_STORAGE,
            format!(
                "this account has no more room on the server for {what} (at most {limit}); nothing was lost: it stays on the device. Ask the server's keeper for more room, or delete what is not needed"
            ),
        )
    }

    pub fn internal(error: impl std::fmt::Display) -> ApiError {
        tracing::error!(%error, "request failed");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the server failed; try again",
        )
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.status, self.message)
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NameTaken(_) => ApiError::new(StatusCode::CONFLICT, error.to_string()),
            StoreError::Media(_) => ApiError::new(StatusCode::CONFLICT, error.to_string()),
            StoreError::Pool(_) => {
                tracing::error!(%error, "the database is out of reach");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the server's database is out of reach; try again",
                )
            }
            other => ApiError::internal(other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ServerErrorBody {
            code: Some(self.code),
            error: self.message,
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
