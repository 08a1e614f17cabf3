//! What every call over the network shares: one way to build an HTTP client, a
//! breaker that rests a failing peer, and a profile's connection to its sync server.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::clock::{Clock, SystemClock};

pub mod tls;
pub use tls::{ServerAddress, fingerprint_words, probe_fingerprint};

/// HTTP clients are built through here: the TLS crypto provider is chosen once first.
pub fn client_builder() -> reqwest::blocking::ClientBuilder {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::blocking::Client::builder()
}

/// The most of a JSON answer read from a peer (a server, the helper): sign-ins,
/// lists, reports. Larger answers are refused, not read into memory.
pub const JSON_MAX: u64 = 8 << 20;
/// The most of one sync answer read (the server sends rounds of at most a few MiB).
pub const SYNC_ANSWER_MAX: u64 = 64 << 20;

/// Reads at most `max` bytes of `response`'s body: a peer that sends more (a
/// hostile server on the classroom Wi-Fi) gets an error, not the app's memory.
pub fn read_capped(
    response: reqwest::blocking::Response,
    max: u64,
) -> std::result::Result<Vec<u8>, String> {
    use std::io::Read;
    if response.content_length().is_some_and(|n| n > max) {
        return Err(format!("an answer larger than {} MB", max >> 20));
    }
    let mut bytes = Vec::new();
    response
        .take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > max {
        return Err(format!("an answer larger than {} MB", max >> 20));
    }
    Ok(bytes)
}

/// A JSON answer of at most [`JSON_MAX`] bytes, read as `T`.
pub fn read_json<T: serde::de::DeserializeOwned>(
    response: reqwest::blocking::Response,
) -> std::result::Result<T, String> {
    let bytes = read_capped(response, JSON_MAX)?;
    serde_json::from_slice(&bytes).map_err(|e| e.to_string())
}

/// Failures in a row that open the breaker.
pub const FAILURES: u32 = 3;
/// How long an open breaker refuses before letting one try through.
pub const COOLDOWN: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakerState {
    /// Calls go through.
    Closed,
    /// Calls are refused at once, until the cooldown passes.
    Open,
    /// One call goes through to see whether the helper is back.
    HalfOpen,
}

#[derive(Debug)]
enum State {
    Closed { failures: u32 },
    Open { until_ms: i64 },
    HalfOpen { trying: bool },
}

pub struct Breaker {
    state: Mutex<State>,
    clock: Arc<dyn Clock>,
}

impl Breaker {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            state: Mutex::new(State::Closed { failures: 0 }),
            clock,
        }
    }

    pub fn state(&self) -> BreakerState {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        self.cool(&mut state);
        match *state {
            State::Closed { .. } => BreakerState::Closed,
            State::Open { .. } => BreakerState::Open,
            State::HalfOpen { .. } => BreakerState::HalfOpen,
        }
    }

    /// An open breaker whose cooldown passed lets one try through.
    fn cool(&self, state: &mut State) {
        if let State::Open { until_ms } = *state
            && self.clock.now_ms() >= until_ms
        {
            *state = State::HalfOpen { trying: false };
        }
    }

    /// Runs `call` unless the breaker is open (or a half-open try is under way);
    /// `open` makes the error of a refusal.
    pub fn run<T, E>(
        &self,
        open: impl FnOnce() -> E,
        call: impl FnOnce() -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        {
            let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
            self.cool(&mut state);
            match &mut *state {
                State::Open { .. } | State::HalfOpen { trying: true } => {
                    return Err(open());
                }
                State::HalfOpen { trying } => *trying = true,
                State::Closed { .. } => {}
            }
        }
        let outcome = call();
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        *state = match (&*state, &outcome) {
            (_, Ok(_)) => State::Closed { failures: 0 },
            (State::Closed { failures }, Err(_)) if failures + 1 < FAILURES => State::Closed {
                failures: failures + 1,
            },
            (_, Err(_)) => State::Open {
                until_ms: self.clock.now_ms() + COOLDOWN.as_millis() as i64,
            },
        };
        outcome
    }
}

/// A profile's connection to its sync server (in memory; the account is in the store).
pub(crate) struct Remote {
    pub(crate) access: Mutex<Option<(String, Instant)>>,
    pub(crate) breaker: Breaker,
    /// One sync at a time (a background one and "Sync now" would otherwise race).
    pub(crate) running: Mutex<()>,
}

impl Default for Remote {
    fn default() -> Self {
        Remote {
            access: Mutex::new(None),
            breaker: Breaker::new(Arc::new(SystemClock)),
            running: Mutex::new(()),
        }
    }
}
