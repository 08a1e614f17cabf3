//! `satchel-server`: the optional sync server for a classroom (a teacher's laptop, on
//! SQLite) or a school (instances in front of PostgreSQL).
//!
//! It holds each learner's shared documents and media and relays Automerge sync
//! messages between their devices. It keeps nothing in memory between requests: a
//! device's sync state and the documents are read from the store on each request.

pub mod auth;
pub mod classes;
mod error;
mod limits;
pub mod mdns;
mod media;
pub mod names;
pub mod offers;
pub mod store;
mod sync;
pub mod tls;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, FromRequestParts, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use metrics_exporter_prometheus::PrometheusHandle;
use serde::Deserialize;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::ApiError;
use store::{RefreshUse, Role, Store, User};

/// How the server behaves; the defaults suit a classroom.
#[derive(Debug, Clone)]
pub struct Config {
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    /// Requests a signed-in user may make a minute (sync rounds and media parts).
    pub requests_per_minute: u32,
    /// Sign-in attempts a minute for one account name.
    pub logins_per_minute: u32,
    /// Sign-ins and refreshes a minute from one address, whatever the names.
    pub sign_ins_per_address: u32,
    /// Joins a minute from one address (a class behind one school address joins
    /// within a minute or two).
    pub joins_per_address: u32,
    /// Whether this machine's own requests skip the limits by address (the teacher's
    /// own app; a TLS proxy in front of a school server, which limits by address
    /// itself). Limits by account hold for everyone.
    pub trust_loopback: bool,
    /// A token that lets `/metrics` be read from beyond this machine; without one, only
    /// loopback may read it.
    pub metrics_token: Option<String>,
    pub request_timeout: Duration,
    /// How long a class's join code works; the teacher makes a new one after.
    pub join_code_lifetime: Duration,
    /// How long a claim code for a student added by name works.
    pub claim_lifetime: Duration,
    /// The folder of packs offered to the class (an update, a model pack), if any.
    pub offers_dir: Option<PathBuf>,
    /// The public keys (minisign's text) an offered pack may be signed with.
    pub offer_keys: Vec<String>,
    /// What one account may keep at most: document and media bytes, documents and
    /// media files. Past it a sync or upload is refused whole (507) and nothing is lost.
    pub quota_bytes: u64,
    pub quota_docs: u64,
    pub quota_media: u64,
    /// How long a media upload begun and left waits to go on before it is swept.
    pub partial_upload_lifetime: Duration,
    /// The names a device may know this server by when it signs a challenge
    /// (`sha256:<certificate fingerprint>`, `host:<name>`): an answer naming another
    /// server was meant for that one, and is refused. This machine's own names are
    /// always among them.
    pub audiences: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            access_ttl: Duration::from_secs(15 * 60),
            refresh_ttl: Duration::from_secs(30 * 24 * 3600),
            requests_per_minute: 600,
            logins_per_minute: 10,
            sign_ins_per_address: 30,
            joins_per_address: 40,
            trust_loopback: true,
            metrics_token: None,
            request_timeout: Duration::from_secs(60),
            join_code_lifetime: Duration::from_secs(14 * 24 * 3600),
            claim_lifetime: Duration::from_secs(7 * 24 * 3600),
            offers_dir: None,
            offer_keys: vec![satchel_packs::RELEASE_KEY.to_owned()],
            // A learner's years of notes, cards and a few recorded lectures.
            quota_bytes: 2 << 30,
            quota_docs: 200_000,
            quota_media: 20_000,
            partial_upload_lifetime: Duration::from_secs(7 * 24 * 3600),
            audiences: ["127.0.0.1", "localhost", "[::1]"]
                .map(satchel_sync::device::host_audience)
                .to_vec(),
        }
    }
}

impl Config {
    /// Devices may name this server by its certificate's `fingerprint` (the one they
    /// pinned) when they sign a challenge.
    pub fn known_by_certificate(mut self, fingerprint: &str) -> Config {
        self.audiences
            .push(satchel_sync::device::pinned_audience(fingerprint));
        self
    }
}

pub struct AppState {
    pub store: Store,
    keys: auth::Keys,
    challenges: auth::Challenges,
    /// What this server signs bundles with and opens those sealed to it.
    pub(crate) bundle_key: satchel_sync::device::DeviceKey,
    config: Config,
    limits: limits::Limits,
    metrics: Option<PrometheusHandle>,
}

/// A request's signed-in user, from a valid access token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub device: String,
}

impl Caller {
    /// Whether the caller may read and write `owner`'s documents: their own, or any
    /// as an admin. (Teachers will read their classes' progress through the classroom
    /// endpoints, not learners' documents.)
    pub fn may_use(&self, owner: &str) -> Result<(), ApiError> {
        if self.id == owner || self.role == Role::Admin {
            Ok(())
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "these documents are another learner's",
            ))
        }
    }
}

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| ApiError::unauthorized("sign in first"))?;
        let claims = state.keys.verify(token).map_err(|e| match e.kind() {
            jsonwebtoken::errors::ErrorKind::ExpiredSignature => {
                ApiError::unauthorized("the access token has expired")
            }
            _ => ApiError::unauthorized("the access token is not valid"),
        })?;
        state.limits.check_user(&claims.sub)?;
        Ok(Caller {
            id: claims.sub,
            name: claims.name,
            role: claims.role,
            device: claims.device,
        })
    }
}

impl AppState {
    /// Refuses what would take `owner` past their quota: `docs` new documents, `media`
    /// new files, `bytes` more.
    pub(crate) async fn check_quota(
        &self,
        owner: &str,
        docs: u64,
        media: u64,
        bytes: u64,
    ) -> Result<(), ApiError> {
        if docs == 0 && media == 0 && bytes == 0 {
            return Ok(());
        }
        let used = self.store.usage(owner).await?;
        let after = |used: i64, more: u64| (used.max(0) as u64).saturating_add(more);
        let config = &self.config;
        if after(used.docs, docs) > config.quota_docs {
            return Err(ApiError::full(
                "more documents",
                format!("{} documents", config.quota_docs),
            ));
        }
        if after(used.media, media) > config.quota_media {
            return Err(ApiError::full(
                "more files",
                format!("{} files", config.quota_media),
            ));
        }
        if after(used.bytes, bytes) > config.quota_bytes {
            return Err(ApiError::full(
                "this much",
                format!("{} MiB", config.quota_bytes >> 20),
            ));
        }
        Ok(())
    }

    /// Rate-limit buckets kept now (each limiter's keys): bounded under a flood.
    pub fn rate_buckets(&self) -> usize {
        self.limits.buckets()
    }

    pub async fn new(store: Store, config: Config) -> Result<Arc<AppState>, store::StoreError> {
        let signing_key = store.signing_key().await?;
        let seed: [u8; 32] = store
            .bundle_key()
            .await?
            .try_into()
            .map_err(|_| store::StoreError::Worker("the bundle key does not read".into()))?;
        let bundle_key = satchel_sync::device::DeviceKey::from_seed(&seed);
        Ok(Arc::new(AppState {
            store,
            keys: auth::Keys::new(&signing_key),
            challenges: auth::Challenges::new(&signing_key),
            bundle_key,
            limits: limits::Limits::new(&config),
            config,
            metrics: limits::metrics_handle(),
        }))
    }

    async fn issue(
        &self,
        user: &User,
        device: &str,
        family: Option<String>,
        replaces: Option<Vec<u8>>,
    ) -> Result<auth::Tokens, ApiError> {
        let now = store::now_ms();
        let access_ttl = self.config.access_ttl.as_secs() as i64;
        let access_token = self
            .keys
            .sign(&auth::Claims {
                sub: user.id.clone(),
                name: user.name.clone(),
                role: user.role,
                device: device.to_owned(),
                iat: now / 1000,
                exp: now / 1000 + access_ttl,
            })
            .map_err(ApiError::internal)?;
        let (refresh_token, kept) = auth::new_refresh(
            &user.id,
            device,
            family,
            self.config.refresh_ttl.as_millis() as i64,
            now,
        )
        .ok_or_else(|| ApiError::internal("no randomness"))?;
        let kept = store::Refresh { replaces, ..kept };
        self.store.put_refresh(&kept).await?;
        Ok(auth::Tokens {
            access_token,
            refresh_token,
            expires_in: access_ttl,
            user: auth::UserView::from(user),
            server_key: self.bundle_key.public(),
        })
    }
}

/// The largest body a sign-in, class or account request may have.
pub const SMALL_BODY: usize = 64 * 1024;

/// The server's routes over `state`.
pub fn router(state: Arc<AppState>) -> Router {
    let timeout = state.config.request_timeout;
    // Sign-ins, classes and accounts take a few fields: a body past this is refused
    // before it is read (sync, media and bundles set their own limits).
    let small = Router::new()
        .route("/v1/auth/login", post(login))
        .route("/v1/auth/refresh", post(refresh))
        .route("/v1/auth/logout", post(logout))
        .route("/v1/auth/challenge", post(challenge))
        .route("/v1/auth/device", post(device_sign_in))
        .route("/v1/auth/keys", post(add_key))
        .route("/v1/me", get(me))
        .route("/v1/users", post(add_user))
        .route("/v1/classes", post(classes::create).get(classes::list))
        .route("/v1/classes/join", post(classes::join))
        .route(
            "/v1/classes/{id}/students",
            get(classes::roster).post(classes::add_student),
        )
        .route(
            "/v1/classes/{id}/students/{student}",
            delete(classes::remove_student),
        )
        .route("/v1/classes/{id}/code", post(classes::renew_code))
        .route(
            "/v1/classes/{id}/students/{student}/claim",
            post(classes::renew_claim),
        )
        .route(
            "/v1/classes/{id}/students/{student}/devices",
            delete(classes::forget_devices),
        )
        .route("/v1/classes/{id}/assignments", post(classes::assign))
        .route("/v1/classes/{id}/report", get(classes::report))
        .route("/v1/media/{owner}/{sha256}/state", get(media::state))
        .route("/v1/offers", get(offers::list))
        .route("/v1/offers/{name}", get(offers::download))
        .layer(RequestBodyLimitLayer::new(SMALL_BODY));
    let api = Router::new()
        .merge(small)
        .route(
            "/v1/classes/{id}/students/{student}/bundle",
            get(classes::bundle_out)
                .put(classes::bundle_in)
                .layer(RequestBodyLimitLayer::new(classes::BUNDLE_MAX)),
        )
        .route(
            "/v1/classes/{id}/bundle",
            axum::routing::put(classes::bundle_in_any)
                .layer(RequestBodyLimitLayer::new(classes::BUNDLE_MAX)),
        )
        .route(
            "/v1/sync/{owner}",
            post(sync::sync).layer(RequestBodyLimitLayer::new(sync::MAX_BODY)),
        )
        .route(
            "/v1/media/{owner}/{sha256}",
            get(media::download)
                .put(media::upload)
                .layer(RequestBodyLimitLayer::new(media::MAX_PART)),
        )
        // Each route's own limit applies; the default would cap every body at 2 MiB.
        .layer(DefaultBodyLimit::disable())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .merge(api)
        .layer(axum::middleware::from_fn(limits::record))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves over TLS as `identity` until `shutdown` completes, then finishes the
/// requests in flight.
pub async fn serve_tls(
    listener: tokio::net::TcpListener,
    identity: &tls::Identity,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let config = identity.server_config().map_err(std::io::Error::other)?;
    serve(tls::TlsListener::new(listener, config)?, state, shutdown).await
}

/// The identity this server's data keeps: made on its first start.
pub async fn identity(store: &Store) -> Result<tls::Identity, ApiError> {
    let fresh = tls::Identity::generate().map_err(ApiError::internal)?;
    let pem = store.tls_identity(fresh).await?;
    tls::Identity::from_pem(&pem, &pem).map_err(ApiError::internal)
}

/// Serves what `listener` accepts (plain TCP behind a TLS proxy on loopback, or
/// [`tls::TlsListener`]) until `shutdown` completes, then finishes the requests in
/// flight.
pub async fn serve<L>(
    listener: L,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()>
where
    L: axum::serve::Listener<Addr = SocketAddr>,
{
    let limits = state.limits.clone();
    let store = state.store.clone();
    let lifetime = state.config.partial_upload_lifetime.as_millis() as i64;
    let sweeper = tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        let mut minutes = 0u64;
        loop {
            tick.tick().await;
            limits.forget_idle();
            // Uploads begun and left: swept at start and hourly.
            if minutes.is_multiple_of(60) {
                match store.sweep_partial(store::now_ms() - lifetime).await {
                    Ok(0) => {}
                    Ok(swept) => tracing::info!(swept, "uploads begun and left were swept"),
                    Err(error) => tracing::warn!(%error, "sweeping uploads failed"),
                }
            }
            minutes += 1;
        }
    });
    // Tapped, so any listener's peer address reaches the handlers as `ConnectInfo`.
    let listener = axum::serve::ListenerExt::tap_io(listener, |_| {});
    let served = axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    // A server started and stopped inside the app (teacher mode) leaves nothing running.
    sweeper.abort();
    served
}

async fn healthz(State(state): State<Arc<AppState>>) -> Result<Json<serde_json::Value>, ApiError> {
    // A server that cannot reach its store is not healthy.
    state.store.signing_key().await?;
    Ok(Json(
        serde_json::json!({ "ok": true, "store": state.store.kind() }),
    ))
}

/// The request counts and timings, for this machine's monitoring (loopback), or for
/// whoever holds the configured token; to anyone else on the LAN, nothing is here.
async fn metrics(
    State(state): State<Arc<AppState>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<SocketAddr>,
    headers: axum::http::HeaderMap,
) -> Result<String, ApiError> {
    let bearer = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let token_ok = match (&state.config.metrics_token, bearer) {
        (Some(token), Some(given)) => auth::same_secret(token.as_bytes(), given.as_bytes()),
        _ => false,
    };
    if !(peer.ip().is_loopback() || token_ok) {
        return Err(ApiError::new(StatusCode::NOT_FOUND, "not found"));
    }
    Ok(state
        .metrics
        .as_ref()
        .map(PrometheusHandle::render)
        .unwrap_or_default())
}

#[derive(Deserialize)]
struct Login {
    name: String,
    password: String,
    device: String,
}

async fn login(
    State(state): State<Arc<AppState>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<SocketAddr>,
    Json(form): Json<Login>,
) -> Result<Json<auth::Tokens>, ApiError> {
    // The address first: a flood with a new name each time stops there, so the
    // buckets kept per name stay few.
    state.limits.check_address(peer.ip())?;
    state.limits.check_account(&form.name)?;
    if form.device.is_empty() || form.device.len() > 128 {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "a device id is needed",
        ));
    }
    let user = state.store.user_by_name(&form.name).await?;
    let hash = user.as_ref().map_or_else(
        || auth::decoy_hash().to_owned(),
        |u| u.password_hash.clone(),
    );
    let password = form.password;
    let matches = auth::with_hashing(move || auth::verify_password(&password, &hash)).await?;
    match user {
        Some(user) if matches => {
            metrics::counter!("satchel_logins_total", "outcome" => "ok").increment(1);
            Ok(Json(state.issue(&user, &form.device, None, None).await?))
        }
        _ => {
            metrics::counter!("satchel_logins_total", "outcome" => "refused").increment(1);
            Err(ApiError::unauthorized(
                "that name and password do not match",
            ))
        }
    }
}

/// A device's answer to a challenge, signed with its key.
#[derive(Debug, Clone, Deserialize)]
pub struct Answer {
    /// The device's public key (hex).
    pub key: String,
    pub challenge: String,
    /// The server the device believes it is talking to.
    pub audience: String,
    pub signature: String,
}

impl AppState {
    /// Checks a device's answer: a challenge of this server's, answered once, for this
    /// server, signed by `answer.key` over `purpose` as `name` on `device`.
    pub(crate) fn check_answer(
        &self,
        answer: &Answer,
        purpose: &satchel_sync::device::Purpose<'_>,
        name: &str,
        device: &str,
    ) -> Result<(), ApiError> {
        use satchel_sync::device;
        if !self.config.audiences.contains(&answer.audience) {
            return Err(ApiError::unauthorized(
                "that answer was meant for another server",
            ));
        }
        let message = device::message(&answer.audience, &answer.challenge, purpose, name, device);
        device::verify(&answer.key, &answer.signature, &message)
            .map_err(|e| ApiError::unauthorized(format!("the device's answer: {e}")))?;
        self.challenges.redeem(&answer.challenge, store::now_ms())
    }
}

/// A name or device id as it may be signed: no control characters (each is one line
/// of what a device signs), and not empty or too long.
pub(crate) fn check_line(what: &str, text: &str, max: usize) -> Result<(), ApiError> {
    if text.is_empty() || text.len() > max || text.chars().any(char::is_control) {
        return Err(ApiError::bad_request(format!(
            "{what} is 1 to {max} characters, none of them control characters"
        )));
    }
    Ok(())
}

/// A challenge for a device to sign.
async fn challenge(
    State(state): State<Arc<AppState>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<SocketAddr>,
) -> Result<Json<serde_json::Value>, ApiError> {
    state.limits.check_address(peer.ip())?;
    Ok(Json(serde_json::json!({
        "challenge": state.challenges.issue(store::now_ms())?,
    })))
}

#[derive(Deserialize)]
struct DeviceSignIn {
    name: String,
    device: String,
    #[serde(flatten)]
    answer: Answer,
}

/// Signs in with a device key added to the account before (by joining, or with
/// `/v1/auth/keys` while signed in).
async fn device_sign_in(
    State(state): State<Arc<AppState>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<SocketAddr>,
    Json(form): Json<DeviceSignIn>,
) -> Result<Json<auth::Tokens>, ApiError> {
    state.limits.check_address(peer.ip())?;
    state.limits.check_account(&form.name)?;
    check_line("a device id", &form.device, 128)?;
    let refused = || ApiError::unauthorized("this device is not known to that account");
    let user = state
        .store
        .user_by_name(&form.name)
        .await?
        .ok_or_else(refused)?;
    // The key of this account, signing in as the device it was added for (a device's
    // sync state is its own).
    if state.store.device_key_device(&form.answer.key).await?
        != Some((user.id.clone(), form.device.clone()))
    {
        return Err(refused());
    }
    // The name as the device signed it; the account is the one that name finds.
    state.check_answer(
        &form.answer,
        &satchel_sync::device::Purpose::SignIn,
        &form.name,
        &form.device,
    )?;
    metrics::counter!("satchel_logins_total", "outcome" => "device").increment(1);
    Ok(Json(state.issue(&user, &form.device, None, None).await?))
}

/// Adds the signed-in device's key to its account, so it can sign in with it later.
async fn add_key(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Json(answer): Json<Answer>,
) -> Result<StatusCode, ApiError> {
    state.check_answer(
        &answer,
        &satchel_sync::device::Purpose::AddKey,
        &caller.name,
        &caller.device,
    )?;
    if !state
        .store
        .add_device_key(&caller.id, &caller.device, &answer.key)
        .await?
    {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "that device key is another account's, or this account has too many devices",
        ));
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct RefreshForm {
    refresh_token: String,
}

async fn refresh(
    State(state): State<Arc<AppState>>,
    axum::extract::ConnectInfo(peer): axum::extract::ConnectInfo<SocketAddr>,
    Json(form): Json<RefreshForm>,
) -> Result<Json<auth::Tokens>, ApiError> {
    state.limits.check_address(peer.ip())?;
    let hash = auth::refresh_hash(&form.refresh_token);
    match state.store.use_refresh(&hash, store::now_ms()).await? {
        RefreshUse::Fresh(kept) => {
            let user = state
                .store
                .user(&kept.user_id)
                .await?
                .ok_or_else(|| ApiError::unauthorized("this account is gone"))?;
            Ok(Json(
                state
                    .issue(&user, &kept.device, Some(kept.family), Some(hash))
                    .await?,
            ))
        }
        RefreshUse::Reused => {
            tracing::warn!("a refresh token was used twice; its family is revoked");
            Err(ApiError::unauthorized(
                "this sign-in was used elsewhere and has been ended: sign in again",
            ))
        }
        RefreshUse::Unknown => Err(ApiError::unauthorized(
            "this sign-in has expired: sign in again",
        )),
    }
}

async fn logout(
    State(state): State<Arc<AppState>>,
    Json(form): Json<RefreshForm>,
) -> Result<StatusCode, ApiError> {
    state
        .store
        .revoke_family_of(&auth::refresh_hash(&form.refresh_token))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn me(caller: Caller) -> Json<auth::UserView> {
    Json(auth::UserView {
        id: caller.id,
        name: caller.name,
        role: caller.role,
    })
}

#[derive(Deserialize)]
struct NewUser {
    name: String,
    password: String,
    role: Role,
}

async fn add_user(
    State(state): State<Arc<AppState>>,
    caller: Caller,
    Json(form): Json<NewUser>,
) -> Result<(StatusCode, Json<auth::UserView>), ApiError> {
    if caller.role != Role::Admin {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "only an admin adds accounts",
        ));
    }
    let user = add_account(&state.store, &form.name, &form.password, form.role).await?;
    Ok((StatusCode::CREATED, Json(auth::UserView::from(&user))))
}

/// Adds an account (the CLI's `user add` and the admin endpoint).
pub async fn add_account(
    store: &Store,
    name: &str,
    password: &str,
    role: Role,
) -> Result<User, ApiError> {
    let name = names::display(name).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let password_hash = hash_new_password(password).await?;
    let user = User {
        id: uuid::Uuid::now_v7().to_string(),
        name,
        password_hash,
        role,
    };
    store.add_user(&user).await?;
    Ok(user)
}

/// What an account with no password keeps in its place: no password checks against
/// it (it is not a hash), so it signs in only with a device key.
pub const NO_PASSWORD: &str = "!device-keys-only";

/// Adds an account that signs in only with its devices' keys (a student joining a
/// class, or added by name by their teacher; a teacher inside their own app).
pub async fn add_keyed_account(store: &Store, name: &str, role: Role) -> Result<User, ApiError> {
    let name = names::display(name).map_err(|e| ApiError::bad_request(e.to_string()))?;
    let user = User {
        id: uuid::Uuid::now_v7().to_string(),
        name,
        password_hash: NO_PASSWORD.to_owned(),
        role,
    };
    store.add_user(&user).await?;
    Ok(user)
}

/// Adds `key` (a device's public key, hex) to the account `name`, as the teacher's
/// app does for its own device on its own class server (it holds the store).
pub async fn add_device_key(
    store: &Store,
    name: &str,
    device: &str,
    key: &str,
) -> Result<bool, ApiError> {
    let user = store
        .user_by_name(name)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such account"))?;
    Ok(store.add_device_key(&user.id, device, key).await?)
}

/// Sets an account's password (the CLI's `user password`).
pub async fn set_password(store: &Store, name: &str, password: &str) -> Result<bool, ApiError> {
    let hash = hash_new_password(password).await?;
    Ok(store.set_password(name, &hash).await?)
}

/// A new password checked against the rule and hashed, off the async threads.
async fn hash_new_password(password: &str) -> Result<String, ApiError> {
    if password.chars().count() < 8 {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "a password is at least 8 characters",
        ));
    }
    let password = password.to_owned();
    auth::with_hashing(move || auth::hash_password(&password))
        .await?
        .map_err(ApiError::internal)
}
