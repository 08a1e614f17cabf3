//! Rate limits per signed-in user and per sign-in attempt, and the request metrics
//! `/metrics` shows.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use crate::{ApiError, Config};

#[derive(Clone)]
pub struct Limits {
    users: Arc<DefaultKeyedRateLimiter<String>>,
    /// Sign-in attempts by account name (and wrong join codes by address).
    accounts: Arc<DefaultKeyedRateLimiter<String>>,
    /// Sign-ins and refreshes by address, whatever the name.
    addresses: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    /// Joins by address, right code or not.
    joins: Arc<DefaultKeyedRateLimiter<IpAddr>>,
    /// Whether requests from this machine skip the limits by address.
    trust_loopback: bool,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN))
}

impl Limits {
    pub fn new(config: &Config) -> Limits {
        Limits {
            users: Arc::new(RateLimiter::keyed(per_minute(config.requests_per_minute))),
            accounts: Arc::new(RateLimiter::keyed(per_minute(config.logins_per_minute))),
            addresses: Arc::new(RateLimiter::keyed(per_minute(config.sign_ins_per_address))),
            joins: Arc::new(RateLimiter::keyed(per_minute(config.joins_per_address))),
            trust_loopback: config.trust_loopback,
        }
    }

    pub fn check_user(&self, user: &str) -> Result<(), ApiError> {
        check(&self.users, user.to_owned())
    }

    /// A sign-in attempt for the account `name` (compared case-folded).
    pub fn check_account(&self, name: &str) -> Result<(), ApiError> {
        check(&self.accounts, name.trim().to_lowercase())
    }

    /// A sign-in or refresh from `address`.
    pub fn check_address(&self, address: IpAddr) -> Result<(), ApiError> {
        if self.trusted(address) {
            return Ok(());
        }
        check(&self.addresses, address)
    }

    /// A join from `address`.
    pub fn check_join(&self, address: IpAddr) -> Result<(), ApiError> {
        if self.trusted(address) {
            return Ok(());
        }
        check(&self.joins, address)
    }

    fn trusted(&self, address: IpAddr) -> bool {
        self.trust_loopback && address.is_loopback()
    }

    /// Drops the buckets of keys not seen for a while, so memory stays bounded.
    pub fn forget_idle(&self) {
        self.users.retain_recent();
        self.accounts.retain_recent();
        self.addresses.retain_recent();
        self.joins.retain_recent();
    }

    /// Buckets kept now, across the limiters (for the tests of memory under a flood).
    pub fn buckets(&self) -> usize {
        self.users.len() + self.accounts.len() + self.addresses.len() + self.joins.len()
    }
}

fn check<K: std::hash::Hash + Eq + Clone>(
    limiter: &DefaultKeyedRateLimiter<K>,
    key: K,
) -> Result<(), ApiError> {
    limiter.check_key(&key).map_err(|not_until| {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        metrics::counter!("satchel_rate_limited_total").increment(1);
        ApiError {
            retry_after: Some(wait.as_secs() + 1),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests; wait a moment",
            )
        }
    })
}

/// The process's Prometheus recorder (one per process: tests start several servers).
pub fn metrics_handle() -> Option<PrometheusHandle> {
    static HANDLE: std::sync::OnceLock<Option<PrometheusHandle>> = std::sync::OnceLock::new();
    HANDLE
        .get_or_init(|| PrometheusBuilder::new().install_recorder().ok())
        .clone()
}

/// Counts each request and times it, by route and status.
pub async fn record(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("satchel_requests_total", "route" => route.clone(), "status" => status)
        .increment(1);
    metrics::histogram!("satchel_request_seconds", "route" => route)
        .record(started.elapsed().as_secs_f64());
    response
}
