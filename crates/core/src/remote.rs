//! The sync server, from the app's side: signing in, and syncing the shared documents
//! with it in rounds of batched Automerge sync messages over HTTP(S).
//!
//! A round that fails for a passing reason (no answer, a timeout, the server busy or
//! restarting) is tried again with growing waits (backon); a server that keeps failing
//! is left alone for a while by a circuit breaker, so background syncs on a dead
//! network cost nothing. A round whose answer was lost is sent again as it was; when
//! the tries run out, what was in flight is forgotten and sent again next time. The
//! refresh token is kept in the OS keychain (or, without one, in the encrypted store);
//! the short-lived access token only in memory.

use std::io::Read;
use std::sync::PoisonError;
use std::time::{Duration, Instant};

use backon::{BlockingRetryable, ExponentialBuilder};
use rusqlite::{Connection, OptionalExtension, params};
use satchel_sync::device;
use satchel_types::{ErrorCode, Event, ServerErrorBody, SyncAccount, SyncOutcome, SyncStatus};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::ids::{BlobId, SourceId};
use crate::net::{ServerAddress, client_builder};
use crate::profile::Tx;
use crate::shared::Syncing;
use crate::store::settings;
use crate::{Error, Result};

/// The sync peer name of the server, among the replica's peers.
const PEER: &str = "server";
/// Rounds in one sync at most: a learner's first sync with many documents takes a few,
/// a quiet one one.
const MAX_ROUNDS: u32 = 64;

#[derive(Deserialize)]
pub(crate) struct Tokens {
    access_token: String,
    refresh_token: String,
    expires_in: u64,
    user: UserView,
    /// The key the server signs bundles with (a server too old to have one sends none).
    #[serde(default)]
    server_key: Option<String>,
}

#[derive(Deserialize)]
struct UserView {
    id: String,
    name: String,
    role: String,
}

/// Why one HTTP exchange failed.
enum Failure {
    /// Worth trying again soon: no answer, a timeout, the server busy or failing.
    Passing(String),
    Unauthorized(String),
    /// The server said no, with its code.
    Refused(ErrorCode, String),
    /// The server answered with what does not read.
    Unreadable(String),
    /// The server's certificate is not the one pinned for it.
    NotKnown,
}

impl Failure {
    fn into_error(self) -> Error {
        match self {
            Failure::Passing(why) => {
                Error::Offline(format!("the sync server did not answer: {why}"))
            }
            Failure::Unauthorized(why) => Error::SignInNeeded(why),
            Failure::Refused(code, message) => Error::Refused { code, message },
            Failure::Unreadable(why) => Error::Server(why),
            Failure::NotKnown => Error::ServerNotKnown {
                server: "this address".into(),
            },
        }
    }
}

/// The account this profile is signed in to, as kept (within a transaction too).
pub(crate) fn sync_account_in(conn: &Connection) -> Result<Option<SyncAccount>> {
    settings::SYNC_ACCOUNT.get(conn)
}

/// The server's words and code for a refusal; from a server too old to send a code,
/// the code its status stands for.
fn refusal(response: reqwest::blocking::Response) -> (ErrorCode, String) {
    let status = response.status();
    let by_status = ErrorCode::for_http_status(status.as_u16());
    match crate::net::read_json::<ServerErrorBody>(response) {
        Ok(body) => (body.code.unwrap_or(by_status), body.error),
        Err(_) => (by_status, format!("HTTP {status}")),
    }
}

/// Sorts an answer: success, or which kind of failure.
fn check(
    response: reqwest::blocking::Response,
) -> std::result::Result<reqwest::blocking::Response, Failure> {
    let status = response.status();
    if status.is_success() {
        Ok(response)
    } else if status == reqwest::StatusCode::UNAUTHORIZED {
        Err(Failure::Unauthorized(refusal(response).1))
    } else if (status.is_server_error() && status != reqwest::StatusCode::INSUFFICIENT_STORAGE)
        || status == reqwest::StatusCode::TOO_MANY_REQUESTS
        || status == reqwest::StatusCode::REQUEST_TIMEOUT
    {
        Err(Failure::Passing(refusal(response).1))
    } else {
        let (code, message) = refusal(response);
        Err(Failure::Refused(code, message))
    }
}

fn retries() -> ExponentialBuilder {
    // About 6 s in all: a server restarting comes back within it, a dead network
    // does not keep the learner waiting.
    ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(200))
        .with_max_delay(Duration::from_secs(3))
        .with_max_times(5)
        .with_jitter()
}

/// `bytes N-M/TOTAL` as (N, TOTAL).
fn parse_content_range(value: &str) -> Option<(u64, u64)> {
    let (range, total) = value.strip_prefix("bytes ")?.split_once('/')?;
    let (start, _) = range.split_once('-')?;
    Some((start.parse().ok()?, total.parse().ok()?))
}

/// The address a kept account is reached at, with its pin.
fn address_of(account: &SyncAccount) -> ServerAddress {
    ServerAddress {
        base: account.server.clone(),
        pin: account.fingerprint.clone(),
        code: None,
    }
}

/// The server this device names when it signs a challenge for `address`: the
/// certificate it pinned, or the host an authority vouched for (or this machine).
fn audience(address: &ServerAddress) -> Result<String> {
    if let Some(pin) = &address.pin {
        return Ok(device::pinned_audience(pin));
    }
    let url = reqwest::Url::parse(&address.base)
        .map_err(|e| Error::InvalidInput(format!("{}: {e}", address.base)))?;
    let host = url
        .host_str()
        .ok_or_else(|| Error::InvalidInput(format!("{} names no host", address.base)))?;
    Ok(device::host_audience(host))
}

/// Why a request did not go: a server that is not the pinned one (never tried again),
/// or a passing failure.
fn send_failure(error: reqwest::Error) -> Failure {
    let mut source: Option<&dyn std::error::Error> = Some(&error);
    while let Some(e) = source {
        if e.to_string().contains(crate::net::tls::NOT_KNOWN) {
            return Failure::NotKnown;
        }
        source = e.source();
    }
    Failure::Passing(error.to_string())
}

impl Syncing<'_> {
    /// An HTTP client for `address`, held to its pin.
    fn http(&self, address: &ServerAddress) -> Result<reqwest::blocking::Client> {
        let builder = client_builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(120));
        Ok(crate::net::tls::client_for(address, builder)?.0)
    }

    /// The address `text` names, with the pin this device holds it to: the one the
    /// text carries (a join link), or the one kept for that server. A server met for
    /// the first time with no pin is refused with its fingerprint's words for the
    /// learner to compare ([`Error::ConfirmServer`]), unless an authority vouches for
    /// its certificate (a school's server), or it is this machine over plain HTTP.
    pub fn trusted_address(&self, text: &str) -> Result<ServerAddress> {
        let mut address = ServerAddress::parse(text)?;
        if address.pin.is_some() || address.base.starts_with("http://") {
            return Ok(address);
        }
        if let Some(kept) = self.sync().account()?
            && kept.server == address.base
            && kept.fingerprint.is_some()
        {
            address.pin = kept.fingerprint;
            return Ok(address);
        }
        // Vouched for by an authority the system trusts: no pin is needed.
        let vouched = self
            .http(&address)?
            .get(format!("{}/healthz", address.base))
            .send();
        if vouched.is_ok() {
            return Ok(address);
        }
        let fingerprint = crate::net::probe_fingerprint(&address.base)?;
        Err(Error::ConfirmServer {
            server: address.base,
            words: crate::net::fingerprint_words(&fingerprint),
            fingerprint,
        })
    }

    fn refresh_account(&self) -> String {
        format!("sync-refresh:{}", self.id())
    }

    fn keep_refresh(&self, token: &str) -> Result<()> {
        if self
            .keychain
            .store(&self.refresh_account(), token.as_bytes())
            .is_ok()
        {
            return self.transact(|tx| settings::SYNC_REFRESH.remove(tx));
        }
        self.transact(|tx| settings::SYNC_REFRESH.put(tx, &token.to_owned()))
    }

    fn refresh_token(&self) -> Result<Option<String>> {
        if let Ok(Some(token)) = self.keychain.load(&self.refresh_account()) {
            return Ok(String::from_utf8(token.to_vec()).ok());
        }
        self.read(|c| settings::SYNC_REFRESH.get(c))
    }

    fn forget_refresh(&self) -> Result<()> {
        let _ = self.keychain.remove(&self.refresh_account());
        self.transact(|tx| settings::SYNC_REFRESH.remove(tx))
    }

    /// Whether this profile is signed in to a sync server (cheaper than the status).
    pub fn is_signed_in(&self) -> Result<bool> {
        Ok(self.sync().account()?.is_some())
    }

    /// The account signed in to, if any.
    pub fn account(&self) -> Result<Option<SyncAccount>> {
        self.read(sync_account_in)
    }

    fn remember_access(&self, tokens: &Tokens) {
        // A little early, so a token never expires between check and use.
        let good_for = Duration::from_secs(tokens.expires_in.saturating_sub(30).max(1));
        *self
            .remote
            .access
            .lock()
            .unwrap_or_else(PoisonError::into_inner) =
            Some((tokens.access_token.clone(), Instant::now() + good_for));
    }

    /// Signs in to the sync server at `server` as `name`. Signing in to another
    /// server or as someone else starts that server's sync from the beginning.
    pub fn sign_in(&self, server: &str, name: &str, password: &str) -> Result<SyncAccount> {
        let address = self.trusted_address(server)?;
        let device = self.device_id()?;
        let http = self.http(&address)?;
        let response = http
            .post(format!("{}/v1/auth/login", address.base))
            .json(&serde_json::json!({ "name": name, "password": password, "device": device }))
            .send()
            .map_err(|e| self.unreachable(&address, send_failure(e)))
            .and_then(|r| check(r).map_err(Failure::into_error))?;
        let tokens: Tokens = crate::net::read_json(response)
            .map_err(|e| Error::Server(format!("a sign-in answer that does not read: {e}")))?;
        // This device's key joins the account, so an ended sign-in is renewed with it
        // and the password is not asked for again. A server too old for keys, or a
        // moment's failure, leaves the password as the way in.
        let keyed = self
            .answer(&address, &http, &device::Purpose::AddKey, &tokens.user.name)
            .and_then(|answer| {
                http.post(format!("{}/v1/auth/keys", address.base))
                    .bearer_auth(&tokens.access_token)
                    .json(&answer)
                    .send()
                    .map_err(|e| self.unreachable(&address, send_failure(e)))
                    .and_then(|r| check(r).map_err(Failure::into_error))
            })
            .is_ok();
        self.signed_in(address, tokens, keyed)
    }

    /// Signs in to the server at `server` as `name` with this device's key, added to
    /// that account before (by joining a class there, or by the teacher's app on its
    /// own class server).
    pub fn sign_in_with_device(&self, server: &str, name: &str) -> Result<SyncAccount> {
        let address = self.trusted_address(server)?;
        let tokens: Tokens = self.signed_post(
            &address,
            "/v1/auth/device",
            &device::Purpose::SignIn,
            name,
            serde_json::json!({}),
        )?;
        self.signed_in(address, tokens, true)
    }

    /// This device's answer to a fresh challenge from the server at `address`, for
    /// `purpose` as `name`: the fields a request signed with the device's key carries.
    fn answer(
        &self,
        address: &ServerAddress,
        http: &reqwest::blocking::Client,
        purpose: &device::Purpose<'_>,
        name: &str,
    ) -> Result<serde_json::Value> {
        #[derive(Deserialize)]
        struct Challenge {
            challenge: String,
        }
        let device_id = self.device_id()?;
        let key = self.device_key()?;
        let response = http
            .post(format!("{}/v1/auth/challenge", address.base))
            .send()
            .map_err(|e| self.unreachable(address, send_failure(e)))
            .and_then(|r| check(r).map_err(Failure::into_error))?;
        let Challenge { challenge } = crate::net::read_json(response)
            .map_err(|e| Error::Server(format!("a challenge that does not read: {e}")))?;
        let audience = audience(address)?;
        let signature = key.sign(&device::message(
            &audience, &challenge, purpose, name, &device_id,
        ));
        Ok(serde_json::json!({
            "key": key.public(),
            "challenge": challenge,
            "audience": audience,
            "signature": signature,
            "name": name,
            "device": device_id,
        }))
    }

    /// A request to `address`'s `path` signed with this device's key (for `purpose`, as
    /// `name`) with `fields` besides, its answer read as `T`. Sent once: a challenge
    /// is answered once, and the learner tries again.
    pub(crate) fn signed_post<T: DeserializeOwned>(
        &self,
        address: &ServerAddress,
        path: &str,
        purpose: &device::Purpose<'_>,
        name: &str,
        fields: serde_json::Value,
    ) -> Result<T> {
        let http = self.http(address)?;
        let mut body = self.answer(address, &http, purpose, name)?;
        if let (Some(body), serde_json::Value::Object(fields)) = (body.as_object_mut(), fields) {
            body.extend(fields);
        }
        let response = http
            .post(format!("{}{path}", address.base))
            .json(&body)
            .send()
            .map_err(|e| self.unreachable(address, send_failure(e)))
            .and_then(|r| check(r).map_err(Failure::into_error))?;
        crate::net::read_json(response)
            .map_err(|e| Error::Server(format!("an answer that does not read: {e}")))
    }

    /// The error for a request to `address` that did not go.
    fn unreachable(&self, address: &ServerAddress, failure: Failure) -> Error {
        match failure {
            Failure::NotKnown => Error::ServerNotKnown {
                server: address.base.clone(),
            },
            Failure::Passing(why) => {
                Error::Offline(format!("{} did not answer: {why}", address.base))
            }
            other => other.into_error(),
        }
    }

    /// Keeps a sign-in the server granted (by password, or by joining a class).
    pub(crate) fn signed_in(
        &self,
        address: ServerAddress,
        tokens: Tokens,
        device_key: bool,
    ) -> Result<SyncAccount> {
        let account = SyncAccount {
            server: address.base,
            fingerprint: address.pin,
            user_id: tokens.user.id.clone(),
            name: tokens.user.name.clone(),
            role: tokens.user.role.clone(),
            device_key,
            server_key: tokens.server_key.clone(),
        };
        let before = self.sync().account()?;
        self.keep_refresh(&tokens.refresh_token)?;
        self.remember_access(&tokens);
        let same = before
            .as_ref()
            .is_some_and(|b| b.server == account.server && b.user_id == account.user_id);
        self.transact(|tx| {
            settings::SYNC_ACCOUNT.put(tx, &account)?;
            if !same {
                settings::forget_sync_progress(tx)?;
            }
            settings::SYNC_LAST_ERROR.remove(tx)?;
            Ok(())
        })?;
        if !same {
            self.sync().forget_peer(PEER);
            self.sync().forget_heads(PEER)?;
        }
        Ok(account)
    }

    /// Signs out: the server ends this sign-in, and nothing of it stays here. What
    /// was synced stays.
    pub fn sign_out(&self) -> Result<()> {
        if let (Some(account), Some(refresh)) = (self.sync().account()?, self.refresh_token()?) {
            // The server may be out of reach; signing out here does not wait for it.
            if let Ok(http) = self.http(&address_of(&account)) {
                let _ = http
                    .post(format!("{}/v1/auth/logout", account.server))
                    .json(&serde_json::json!({ "refresh_token": refresh }))
                    .timeout(Duration::from_secs(5))
                    .send();
            }
        }
        self.forget_refresh()?;
        *self
            .remote
            .access
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = None;
        self.transact(|tx| {
            settings::forget_sync(tx)?;
            tx.emit(Event::SyncDone {
                status: SyncStatus::default(),
            });
            Ok(())
        })
    }

    pub fn status(&self) -> Result<SyncStatus> {
        let folded: i64 = self.read(|c| settings::FOLDED_REVIEWS.get(c))?.unwrap_or(0);
        let unfolded: i64 = self.read(|c| {
            Ok(c.query_row(
                "SELECT COUNT(*) FROM reviews WHERE rowid > ?1",
                [folded],
                |r| r.get(0),
            )?)
        })?;
        let local: i64 = self.read(|c| settings::LOCAL_CHANGES.get(c))?.unwrap_or(0);
        let sent: i64 = self.read(|c| settings::SYNC_SENT_UPTO.get(c))?.unwrap_or(0);
        Ok(SyncStatus {
            account: self.sync().account()?,
            last_sync_at: self.read(|c| settings::SYNC_LAST_AT.get(c))?,
            last_error: self.read(|c| settings::SYNC_LAST_ERROR.get(c))?,
            pending: (local - sent).max(0).saturating_add(unfolded) as u32,
            resting: self.remote.breaker.state() == crate::net::BreakerState::Open,
        })
    }

    /// A valid access token: the one in memory, or a new one from the refresh token.
    fn access_token(
        &self,
        account: &SyncAccount,
        http: &reqwest::blocking::Client,
    ) -> Result<String> {
        if let Some((token, until)) = &*self
            .remote
            .access
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            && Instant::now() < *until
        {
            return Ok(token.clone());
        }
        let Some(refresh) = self.refresh_token()? else {
            return self.renew_with_device(account);
        };
        let url = format!("{}/v1/auth/refresh", account.server);
        let renewed = self.exchange(
            || {
                http.post(&url)
                    .json(&serde_json::json!({ "refresh_token": refresh }))
            },
            |r| crate::net::read_json::<Tokens>(r).map_err(|e| Failure::Unreadable(e.to_string())),
        );
        let tokens = match renewed {
            Ok(tokens) => tokens,
            Err(Failure::Unauthorized(why)) => {
                // The sign-in ended (expired, signed out, or used elsewhere).
                let _ = self.forget_refresh();
                return if account.device_key {
                    self.renew_with_device(account)
                } else {
                    Err(Error::SignInNeeded(why))
                };
            }
            Err(failure) => return Err(failure.into_error()),
        };
        self.keep_refresh(&tokens.refresh_token)?;
        self.remember_access(&tokens);
        Ok(tokens.access_token)
    }

    /// A new sign-in with this device's key, for an account it was added to; the
    /// learner signs in by hand otherwise.
    fn renew_with_device(&self, account: &SyncAccount) -> Result<String> {
        if !account.device_key {
            return Err(Error::SignInNeeded(format!(
                "sign in to {} again",
                account.server
            )));
        }
        let tokens: Tokens = self
            .signed_post(
                &address_of(account),
                "/v1/auth/device",
                &device::Purpose::SignIn,
                &account.name,
                serde_json::json!({}),
            )
            .map_err(|e| match e {
                Error::SignInNeeded(why) => {
                    Error::SignInNeeded(format!("{why}: sign in to {} again", account.server))
                }
                other => other,
            })?;
        self.keep_refresh(&tokens.refresh_token)?;
        self.remember_access(&tokens);
        Ok(tokens.access_token)
    }

    /// An authenticated request to the signed-in server's `path` with a JSON body, its
    /// JSON answer read as `T`; tried again on passing failures.
    pub(crate) fn server_call<T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<T> {
        let body = body.map(|b| (b.to_string().into_bytes(), "application/json"));
        let answer = self.server_bytes(method, path, body, crate::net::JSON_MAX)?;
        serde_json::from_slice(&answer)
            .map_err(|e| Error::Server(format!("an answer that does not read: {e}")))
    }

    /// An authenticated request to the signed-in server's `path` with a body of its
    /// type (a bundle, or JSON), its answer's bytes (at most `max`) back; tried again
    /// on passing failures.
    pub(crate) fn server_bytes(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<(Vec<u8>, &'static str)>,
        max: u64,
    ) -> Result<Vec<u8>> {
        let account = self
            .sync()
            .account()?
            .ok_or_else(|| Error::SignInNeeded("sign in to a class or sync server first".into()))?;
        let http = self.http(&address_of(&account))?;
        let access = self.access_token(&account, &http)?;
        let url = format!("{}{path}", account.server);
        self.exchange(
            || {
                let request = http.request(method.clone(), &url).bearer_auth(&access);
                match &body {
                    Some((bytes, kind)) => request
                        .header(reqwest::header::CONTENT_TYPE, *kind)
                        .body(bytes.clone()),
                    None => request,
                }
            },
            |r| crate::net::read_capped(r, max).map_err(Failure::Unreadable),
        )
        .map_err(Failure::into_error)
    }

    /// Downloads the signed-in server's `path` into `to`, going on from a `.partial`
    /// file a cut-off transfer left (`Range: bytes=N-`). `progress` hears the bytes
    /// held and the whole size. The file is renamed into place only when whole.
    pub(crate) fn server_download(
        &self,
        path: &str,
        to: &std::path::Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<()> {
        use std::io::{Seek, Write};
        let account = self
            .sync()
            .account()?
            .ok_or_else(|| Error::SignInNeeded("sign in to a class or sync server first".into()))?;
        // A long file on a slow classroom Wi-Fi: each request may take minutes, and one
        // cut off goes on from where it stopped rather than failing the whole.
        let http = crate::net::tls::client_for(
            &address_of(&account),
            client_builder()
                .connect_timeout(Duration::from_secs(5))
                .timeout(Duration::from_secs(10 * 60)),
        )?
        .0;
        let url = format!("{}{path}", account.server);
        let mut partial_name = to.file_name().unwrap_or_default().to_owned();
        partial_name.push(".partial");
        let partial = to.with_file_name(partial_name);
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&partial)
            .map_err(Error::io("write", &partial))?;
        let mut stalled = 0;
        let mut restarted = false;
        loop {
            let held = file.metadata().map_err(Error::io("read", &partial))?.len();
            let access = self.access_token(&account, &http)?;
            let mut request = http.get(&url).bearer_auth(&access);
            if held > 0 {
                request = request.header(reqwest::header::RANGE, format!("bytes={held}-"));
            }
            let answer = request.send().map_err(send_failure);
            let response = match answer.and_then(check) {
                Ok(response) => response,
                Err(Failure::Passing(_)) if stalled < 5 => {
                    stalled += 1;
                    std::thread::sleep(Duration::from_millis(200 << stalled));
                    continue;
                }
                // What is held is not a beginning of the file offered now (it was
                // replaced by a newer one): start again.
                Err(Failure::Refused(..)) if held > 0 && !restarted => {
                    restarted = true;
                    file.set_len(0).map_err(Error::io("write", &partial))?;
                    continue;
                }
                Err(failure) => return Err(failure.into_error()),
            };
            let status = response.status();
            let (start, total) = if status == reqwest::StatusCode::PARTIAL_CONTENT {
                // `Content-Range: bytes N-M/TOTAL`, and N must be what is held.
                let range = response
                    .headers()
                    .get(reqwest::header::CONTENT_RANGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(parse_content_range);
                match range {
                    Some((start, total)) if start == held => (start, total),
                    _ => {
                        return Err(Error::Server(
                            "a part that does not follow what arrived".into(),
                        ));
                    }
                }
            } else {
                // The whole file (the server ignored the range, or nothing was held).
                file.set_len(0).map_err(Error::io("write", &partial))?;
                file.seek(std::io::SeekFrom::Start(0))
                    .map_err(Error::io("write", &partial))?;
                (0, response.content_length().unwrap_or(0))
            };
            progress(start, total);
            let mut body = response;
            let mut buffer = vec![0u8; 1 << 16];
            let mut have = start;
            let cut_off = loop {
                match body.read(&mut buffer) {
                    Ok(0) => break false,
                    Ok(n) => {
                        file.write_all(&buffer[..n])
                            .map_err(Error::io("write", &partial))?;
                        have += n as u64;
                        progress(have, total);
                    }
                    Err(_) => break true,
                }
            };
            if !cut_off && have == total {
                file.sync_all().map_err(Error::io("flush", &partial))?;
                drop(file);
                return std::fs::rename(&partial, to).map_err(Error::io("replace", to));
            }
            // Cut off: go on from what arrived, unless nothing did, again and again.
            if have == start {
                stalled += 1;
                if stalled > 5 {
                    return Err(Error::Offline(format!(
                        "{} stopped sending {path}",
                        account.server
                    )));
                }
            } else {
                stalled = 0;
            }
        }
    }

    /// Syncs with the server now, in rounds until neither side has anything to say.
    /// `force` tries even while the breaker rests the server (the learner asked).
    pub fn now(&self, force: bool) -> Result<SyncOutcome> {
        let _running = self
            .remote
            .running
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let result = self.sync().rounds(force);
        let now = crate::now_ms();
        self.transact(|tx| {
            match &result {
                Ok(_) => {
                    settings::SYNC_LAST_AT.put(tx, &now)?;
                    settings::SYNC_LAST_ERROR.remove(tx)?;
                }
                Err(e) => settings::SYNC_LAST_ERROR.put(tx, &e.to_string())?,
            }
            Ok(())
        })?;
        let status = self.sync().status()?;
        self.events().publish(Event::SyncDone { status });
        result
    }

    fn rounds(&self, force: bool) -> Result<SyncOutcome> {
        let account = self
            .sync()
            .account()?
            .ok_or_else(|| Error::SignInNeeded("sign in to a sync server first".into()))?;
        let http = self.http(&address_of(&account))?;
        let mut local_sent: i64;
        let mut cursor: i64 = self.read(|c| settings::SYNC_CURSOR.get(c))?.unwrap_or(0);
        let mut outcome = SyncOutcome::default();
        let mut access = self.access_token(&account, &http)?;
        self.share_progress()?;
        let url = format!("{}/v1/sync/{}", account.server, account.user_id);
        loop {
            if outcome.rounds >= MAX_ROUNDS {
                return Err(Error::Server(format!(
                    "sync did not settle in {MAX_ROUNDS} rounds; it goes on next time"
                )));
            }
            let out = self.sync().changed_messages_for(PEER)?;
            // Every local change so far is in this round's messages or known to the
            // server already.
            local_sent = self.read(|c| settings::LOCAL_CHANGES.get(c))?.unwrap_or(0);
            let body = out.encode();
            let send = |access: &str| {
                let tried = || {
                    self.exchange(
                        || {
                            http.post(&url)
                                .bearer_auth(access)
                                .header("satchel-cursor", cursor.to_string())
                                .body(body.clone())
                        },
                        |r| {
                            let header = |name: &str| {
                                r.headers()
                                    .get(name)
                                    .and_then(|v| v.to_str().ok())
                                    .and_then(|v| v.parse::<i64>().ok())
                            };
                            let next = header("satchel-cursor");
                            let more = header("satchel-more") == Some(1);
                            let bytes = crate::net::read_capped(r, crate::net::SYNC_ANSWER_MAX)
                                .map_err(Failure::Unreadable)?;
                            Ok((next, more, bytes))
                        },
                    )
                };
                if force {
                    tried()
                } else {
                    self.remote.breaker.run(
                        || {
                            Failure::Passing(
                                "the server failed several times; it is tried again in a minute"
                                    .into(),
                            )
                        },
                        tried,
                    )
                }
            };
            let answer = match send(&access) {
                Err(Failure::Unauthorized(_)) => {
                    // The access token ran out mid-sync: a new one, once.
                    *self
                        .remote
                        .access
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner) = None;
                    access = self.access_token(&account, &http)?;
                    send(&access)
                }
                other => other,
            };
            let (next, more, bytes) = match answer {
                Ok(answer) => answer,
                Err(failure) => {
                    // What was in flight may or may not have arrived: next time starts
                    // from what both sides are known to share.
                    self.sync().reconnect(PEER);
                    return Err(failure.into_error());
                }
            };
            let reply = satchel_sync::Batch::decode(&bytes).map_err(|e| {
                self.sync().reconnect(PEER);
                Error::Server(format!("an answer that does not read: {e}"))
            })?;
            outcome.rounds += 1;
            outcome.bytes_sent += body.len() as u64;
            outcome.bytes_received += bytes.len() as u64;
            let quiet = out.is_empty() && reply.is_empty() && !more;
            let report = self.sync().receive(PEER, reply, crate::now_ms())?;
            outcome.docs += report.docs;
            outcome.reviews += report.reviews;
            outcome.cards += report.cards;
            outcome.notes += report.notes;
            if let Some(next) = next {
                cursor = next;
                self.transact(|tx| settings::SYNC_CURSOR.put(tx, &cursor))?;
            }
            self.events().publish(Event::SyncProgress {
                rounds: outcome.rounds,
                bytes_sent: outcome.bytes_sent,
                bytes_received: outcome.bytes_received,
            });
            if quiet {
                break;
            }
        }
        self.transact(|tx| settings::SYNC_SENT_UPTO.put(tx, &local_sent))?;
        self.sync().ended(PEER)?;
        self.sync().media(&account, &http, &access, &mut outcome)?;
        Ok(outcome)
    }

    /// One request to the server, tried again on passing failures.
    /// One request to the server and the reading of its answer, tried again on
    /// passing failures (an answer cut off while read is one).
    fn exchange<T>(
        &self,
        request: impl Fn() -> reqwest::blocking::RequestBuilder,
        read: impl Fn(reqwest::blocking::Response) -> std::result::Result<T, Failure>,
    ) -> std::result::Result<T, Failure> {
        (|| {
            request()
                .send()
                .map_err(send_failure)
                .and_then(check)
                .and_then(&read)
        })
        .retry(retries())
        .when(|f| matches!(f, Failure::Passing(_)))
        .call()
    }

    /// Cards' pictures and sounds, and sources' originals: those named here but not yet
    /// here are fetched (and checked against their sha256); those here that the server
    /// lacks are sent, in parts, going on from what it already has.
    fn media(
        &self,
        account: &SyncAccount,
        http: &reqwest::blocking::Client,
        access: &str,
        outcome: &mut SyncOutcome,
    ) -> Result<()> {
        let link = MediaLink {
            base: format!("{}/v1/media/{}", account.server, account.user_id),
            http,
            access,
        };
        outcome.media_received += self.receive_media(Some(&account.server), |sha256| {
            self.fetch_media(&link, sha256, outcome)
        })?;
        let server = account.server.clone();
        for (blob_id, sha256) in self.read(|c| unsent_media(c, &server))? {
            self.send_media(&link, &blob_id, &sha256, outcome)?;
            self.transact(|tx| mark_synced(tx, &server, &sha256))?;
        }
        Ok(())
    }

    /// Media named here and not here yet (cards' pictures and sounds, sources'
    /// originals), each taken from `fetch` when it has it (checked by the fetcher
    /// against its sha256); `server`, when they came from one, then holds them.
    /// Returns how many arrived.
    pub(crate) fn receive_media(
        &self,
        server: Option<&str>,
        mut fetch: impl FnMut(&str) -> Result<Option<Vec<u8>>>,
    ) -> Result<u32> {
        let mut received = 0;
        for (sha256, mime) in self.read(waiting_media)? {
            let Some(bytes) = fetch(&sha256)? else {
                continue;
            };
            let blob = self.write_blob(&bytes[..], &mime, MEDIA_MAX_BYTES)?;
            self.transact(|tx| {
                let cards = crate::store::cards::media_arrived(
                    tx,
                    &format!("{}{sha256}", crate::shared::WAITING_MEDIA),
                    &blob.id,
                )?;
                if let Some(server) = server {
                    mark_synced(tx, server, &sha256)?;
                }
                tx.emit(Event::CardsChanged {
                    count: cards as u32,
                });
                Ok(())
            })?;
            received += 1;
        }
        for (blob_id, sha256, source_id) in self.read(waiting_originals)? {
            let Some(bytes) = fetch(&sha256)? else {
                continue;
            };
            self.fill_waiting_blob(&blob_id, &bytes, &sha256)?;
            self.transact(|tx| {
                if let Some(server) = server {
                    mark_synced(tx, server, &sha256)?;
                }
                tx.emit_all(
                    crate::sources::get(tx, &source_id)?.map(|view| crate::sources::saved(&view)),
                );
                Ok(())
            })?;
            received += 1;
        }
        Ok(received)
    }

    fn progress(&self, outcome: &SyncOutcome) {
        self.events().publish(Event::SyncProgress {
            rounds: outcome.rounds,
            bytes_sent: outcome.bytes_sent,
            bytes_received: outcome.bytes_received,
        });
    }

    /// A file from the server, whole and checked; `None` when the server does not have
    /// it (yet: the device that has it has still to send it).
    fn fetch_media(
        &self,
        link: &MediaLink<'_>,
        sha256: &str,
        outcome: &mut SyncOutcome,
    ) -> Result<Option<Vec<u8>>> {
        let url = format!("{}/{sha256}", link.base);
        let mut bytes: Vec<u8> = Vec::new();
        // A transfer cut off goes on from the byte it reached: what arrived before the
        // failure stays in `bytes`.
        let fetched = (|| {
            let from = bytes.len() as u64;
            let mut response = link
                .http
                .get(&url)
                .bearer_auth(link.access)
                .header("range", format!("bytes={from}-"))
                .send()
                .map_err(send_failure)
                .and_then(check)?;
            (&mut response)
                .take(MEDIA_MAX_BYTES.saturating_sub(from))
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::Passing(e.to_string()))?;
            Ok(())
        })
        .retry(retries())
        .when(|f| matches!(f, Failure::Passing(_)))
        .call();
        match fetched {
            Ok(()) => {}
            Err(Failure::Refused(..) | Failure::Unreadable(_)) => return Ok(None),
            Err(failure) => return Err(failure.into_error()),
        }
        if sha256_hex(&bytes) != sha256 {
            return Err(Error::Server(format!(
                "a picture, sound or original arrived damaged ({sha256}); it is fetched again next time"
            )));
        }
        outcome.bytes_received += bytes.len() as u64;
        self.progress(outcome);
        Ok(Some(bytes))
    }

    /// Sends a blob to the server, going on from what it already has.
    fn send_media(
        &self,
        link: &MediaLink<'_>,
        blob_id: &BlobId,
        sha256: &str,
        outcome: &mut SyncOutcome,
    ) -> Result<()> {
        let state_url = format!("{}/{sha256}/state", link.base);
        let received = match self.exchange(
            || link.http.get(&state_url).bearer_auth(link.access),
            read_media_state,
        ) {
            Ok(state) => state,
            Err(Failure::Refused(..) | Failure::Unreadable(_)) => MediaState::default(),
            Err(failure) => return Err(failure.into_error()),
        };
        if received.complete {
            return Ok(());
        }
        let bytes = self.read(|c| blob_bytes(c, blob_id))?;
        let size = bytes.len();
        let mut offset = usize::try_from(received.received).unwrap_or(0).min(size);
        loop {
            let end = (offset + MEDIA_PART).min(size);
            let url = format!("{}/{sha256}?size={size}&offset={offset}", link.base);
            let part = &bytes[offset..end];
            let state = self
                .exchange(
                    || {
                        link.http
                            .put(&url)
                            .bearer_auth(link.access)
                            .body(part.to_vec())
                    },
                    read_media_state,
                )
                .map_err(Failure::into_error)?;
            outcome.bytes_sent += part.len() as u64;
            self.progress(outcome);
            if state.complete {
                break;
            }
            let next = usize::try_from(state.received).unwrap_or(0);
            if next <= offset || next >= size {
                return Err(Error::Server(format!(
                    "the server took a part of {sha256} but is at byte {next}"
                )));
            }
            offset = next;
        }
        outcome.media_sent += 1;
        Ok(())
    }
}

/// Where media go and as whom.
struct MediaLink<'a> {
    base: String,
    http: &'a reqwest::blocking::Client,
    access: &'a str,
}

fn mark_synced(tx: &Tx<'_>, server: &str, sha256: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO synced_media (server, sha256) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        params![server, sha256],
    )?;
    Ok(())
}

/// Sources' originals another device shared that have not arrived here:
/// (blob id, sha256, source id).
fn waiting_originals(conn: &Connection) -> Result<Vec<(BlobId, String, SourceId)>> {
    Ok(conn
        .prepare_cached(
            "SELECT b.id, b.sha256, s.id FROM blobs b JOIN sources s ON s.blob_id = b.id
             WHERE b.complete = 0 AND b.sha256 IS NOT NULL
             AND b.id NOT IN (SELECT blob_id FROM recordings)",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Upload parts: small enough to resend cheaply on a bad network.
const MEDIA_PART: usize = 1 << 20;
/// A card's picture or sound is at most this large (the server's own limit).
pub(crate) const MEDIA_MAX_BYTES: u64 = 64 << 20;

#[derive(Debug, Default, Deserialize)]
struct MediaState {
    received: i64,
    complete: bool,
}

fn read_media_state(
    response: reqwest::blocking::Response,
) -> std::result::Result<MediaState, Failure> {
    crate::net::read_json::<MediaState>(response)
        .map_err(|e| Failure::Unreadable(format!("a media answer that does not read: {e}")))
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn card_media(conn: &Connection) -> Result<Vec<satchel_types::CardMedia>> {
    let lists: Vec<String> = conn
        .prepare_cached("SELECT media FROM cards WHERE media IS NOT NULL")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(lists
        .iter()
        .filter_map(|list| serde_json::from_str::<Vec<satchel_types::CardMedia>>(list).ok())
        .flatten()
        .collect())
}

/// Media cards name that have not arrived here: (sha256, media type).
fn waiting_media(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut waiting: Vec<(String, String)> = card_media(conn)?
        .into_iter()
        .filter_map(|m| {
            m.blob_id
                .strip_prefix(crate::shared::WAITING_MEDIA)
                .map(|sha| (sha.to_owned(), m.mime))
        })
        .collect();
    waiting.sort();
    waiting.dedup_by(|a, b| a.0 == b.0);
    Ok(waiting)
}

/// Media here that `server` is not known to hold: (blob id, sha256).
fn unsent_media(conn: &Connection, server: &str) -> Result<Vec<(BlobId, String)>> {
    let mut unsent = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for media in card_media(conn)? {
        if media.blob_id.starts_with(crate::shared::WAITING_MEDIA) {
            continue;
        }
        let blob_id = BlobId::from(media.blob_id);
        if !seen.insert(blob_id.clone()) {
            continue;
        }
        let sha256: Option<String> = conn
            .prepare_cached(
                "SELECT b.sha256 FROM blobs b WHERE b.id = ?1 AND b.complete = 1
                 AND NOT EXISTS (SELECT 1 FROM synced_media s WHERE s.server = ?2 AND s.sha256 = b.sha256)",
            )?
            .query_row(params![blob_id, server], |row| row.get(0))
            .optional()?
            .flatten();
        if let Some(sha256) = sha256 {
            unsent.push((blob_id, sha256));
        }
    }
    // Sources' originals, those the server takes (larger ones stay on this device).
    let originals: Vec<(BlobId, String)> = conn
        .prepare_cached(
            "SELECT b.id, b.sha256 FROM blobs b JOIN sources s ON s.blob_id = b.id
             WHERE s.status = 'ready' AND b.complete = 1 AND b.sha256 IS NOT NULL
             AND b.size_bytes <= ?2
             AND NOT EXISTS (SELECT 1 FROM synced_media m WHERE m.server = ?1 AND m.sha256 = b.sha256)",
        )?
        .query_map(params![server, MEDIA_MAX_BYTES as i64], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (blob_id, sha256) in originals {
        if seen.insert(blob_id.clone()) {
            unsent.push((blob_id, sha256));
        }
    }
    Ok(unsent)
}

/// Media here that shared documents name (cards' pictures and sounds, sources'
/// originals): (sha256, blob id).
pub(crate) fn media_here(conn: &Connection) -> Result<Vec<(String, BlobId)>> {
    let mut found = std::collections::BTreeMap::new();
    for media in card_media(conn)? {
        if media.blob_id.starts_with(crate::shared::WAITING_MEDIA) {
            continue;
        }
        let sha256: Option<String> = conn
            .prepare_cached("SELECT sha256 FROM blobs WHERE id = ?1 AND complete = 1")?
            .query_row([&media.blob_id], |row| row.get(0))
            .optional()?
            .flatten();
        if let Some(sha256) = sha256 {
            found.insert(sha256, BlobId::from(media.blob_id));
        }
    }
    let originals: Vec<(String, BlobId)> = conn
        .prepare_cached(
            "SELECT b.sha256, b.id FROM blobs b JOIN sources s ON s.blob_id = b.id
             WHERE s.status = 'ready' AND b.complete = 1 AND b.sha256 IS NOT NULL",
        )?
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    found.extend(originals);
    Ok(found.into_iter().collect())
}

/// A blob's bytes, whole (a card's media are small).
pub(crate) fn blob_bytes(conn: &Connection, blob_id: &BlobId) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut stmt =
        conn.prepare_cached("SELECT bytes FROM blob_chunks WHERE blob_id = ?1 ORDER BY seq")?;
    let mut rows = stmt.query([blob_id])?;
    while let Some(row) = rows.next()? {
        let chunk: Vec<u8> = row.get(0)?;
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}
