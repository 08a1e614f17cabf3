//! The server under abuse from the classroom network: bodies too large to read, floods
//! of sign-ins with a new name each time, joins with the right code, and a stranger
//! asking for the metrics. Each is an attack tried against the real router.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use reqwest::StatusCode;
use satchel_server::store::{Role, Store};
use satchel_server::{AppState, Config};
use satchel_sync::device::{DeviceKey, Purpose, host_audience, message};
use serde_json::{Value, json};
use tower::ServiceExt;

const PASSWORD: &str = "a long enough password";

/// A server on loopback that limits loopback as it would any address.
struct Server {
    url: String,
    state: Arc<AppState>,
    http: reqwest::Client,
    _stop: tokio::sync::oneshot::Sender<()>,
    _dir: tempfile::TempDir,
}

async fn start(config: Config) -> Server {
    // reqwest's TLS may be switched on by the app's crates in a workspace build: the
    // tests then choose its crypto provider.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(&dir.path().join("server.sqlite3"))
        .await
        .unwrap();
    let state = AppState::new(
        store,
        Config {
            trust_loopback: false,
            ..config
        },
    )
    .await
    .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(satchel_server::serve(listener, state.clone(), async move {
        let _ = stopped.await;
    }));
    Server {
        url,
        state,
        http: reqwest::Client::new(),
        _stop: stop,
        _dir: dir,
    }
}

impl Server {
    async fn post(&self, path: &str, body: Value) -> StatusCode {
        self.http
            .post(format!("{}{path}", self.url))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status()
    }

    async fn login(&self, name: &str, password: &str) -> StatusCode {
        self.post(
            "/v1/auth/login",
            json!({ "name": name, "password": password, "device": "laptop" }),
        )
        .await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_too_large_for_a_sign_in_is_refused_unread() {
    let server = start(Config::default()).await;
    let huge = vec![b'a'; 10 << 20];
    for path in [
        "/v1/auth/login",
        "/v1/auth/refresh",
        "/v1/classes/join",
        "/v1/classes",
    ] {
        let status = server
            .http
            .post(format!("{}{path}", server.url))
            .header("content-type", "application/json")
            .body(huge.clone())
            .send()
            .await
            .map(|r| r.status());
        // Refused at its length; the connection may close before the whole body went.
        match status {
            Ok(status) => assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{path}"),
            Err(error) => assert!(error.is_request() || error.is_body(), "{path}: {error}"),
        }
    }
    // A sign-in of ordinary size still goes through.
    satchel_server::add_account(&server.state.store, "ada", PASSWORD, Role::Learner)
        .await
        .unwrap();
    assert_eq!(server.login("ada", PASSWORD).await, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_sign_ins_with_new_names_is_stopped_at_the_address() {
    let server = start(Config {
        sign_ins_per_address: 12,
        ..Config::default()
    })
    .await;
    let mut refused = 0;
    for i in 0..40 {
        match server.login(&format!("guess-{i}"), "password1").await {
            StatusCode::UNAUTHORIZED => {}
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("attempt {i}: {other}"),
        }
    }
    println!(
        "{refused} of 40 refused; {} buckets kept",
        server.state.rate_buckets()
    );
    assert!(refused >= 40 - 12 - 1, "only {refused} of 40 were refused");
    // One bucket per name that got past the address, not one per name tried.
    assert!(
        server.state.rate_buckets() <= 14,
        "{} buckets for one address",
        server.state.rate_buckets()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn guesses_at_one_accounts_password_are_limited_whatever_the_address() {
    let server = start(Config {
        logins_per_minute: 5,
        ..Config::default()
    })
    .await;
    satchel_server::add_account(&server.state.store, "Ada", PASSWORD, Role::Learner)
        .await
        .unwrap();
    for name in ["Ada", "ada", " ADA", "Ada", "ada"] {
        assert_eq!(
            server.login(name, "wrong password").await,
            StatusCode::UNAUTHORIZED,
            "{name:?}"
        );
    }
    // The sixth, however the name is written, waits: even with the right password.
    assert_eq!(
        server.login("aDa", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joins_with_the_right_code_are_limited_too() {
    let server = start(Config {
        joins_per_address: 4,
        ..Config::default()
    })
    .await;
    satchel_server::add_account(&server.state.store, "Ms Rivera", PASSWORD, Role::Teacher)
        .await
        .unwrap();
    let tokens: Value = server
        .http
        .post(format!("{}/v1/auth/login", server.url))
        .json(&json!({ "name": "Ms Rivera", "password": PASSWORD, "device": "laptop" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let class: Value = server
        .http
        .post(format!("{}/v1/classes", server.url))
        .bearer_auth(tokens["access_token"].as_str().unwrap())
        .json(&json!({ "name": "Year 7" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code = class["code"].as_str().unwrap().to_owned();
    let mut statuses = Vec::new();
    for i in 0..6 {
        let (name, device) = (format!("student {i}"), format!("d{i}"));
        let key = DeviceKey::generate().unwrap();
        let challenge: Value = server
            .http
            .post(format!("{}/v1/auth/challenge", server.url))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let challenge = challenge["challenge"].as_str().unwrap();
        let audience = host_audience("127.0.0.1");
        let signed = message(
            &audience,
            challenge,
            &Purpose::Join { code: &code },
            &name,
            &device,
        );
        statuses.push(
            server
                .post(
                    "/v1/classes/join",
                    json!({ "code": code, "name": name, "device": device,
                            "key": key.public(), "challenge": challenge,
                            "audience": audience, "signature": key.sign(&signed) }),
                )
                .await,
        );
    }
    assert_eq!(&statuses[..4], &[StatusCode::OK; 4], "{statuses:?}");
    assert_eq!(
        &statuses[4..],
        &[StatusCode::TOO_MANY_REQUESTS; 2],
        "{statuses:?}"
    );
    // No account was made for the joins refused.
    let users = server.state.store.users().await.unwrap();
    assert_eq!(users.len(), 5, "{users:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_metrics_are_for_this_machine_or_the_token_holder() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_sqlite(&dir.path().join("server.sqlite3"))
        .await
        .unwrap();
    let state = AppState::new(
        store,
        Config {
            metrics_token: Some("a long monitoring token".into()),
            ..Config::default()
        },
    )
    .await
    .unwrap();
    let ask = |from: SocketAddr, token: Option<&str>| {
        let router = satchel_server::router(state.clone()).layer(MockConnectInfo(from));
        let mut request = axum::http::Request::get("/metrics");
        if let Some(token) = token {
            request = request.header("authorization", format!("Bearer {token}"));
        }
        let request = request.body(Body::empty()).unwrap();
        async move { router.oneshot(request).await.unwrap().status() }
    };
    let neighbour: SocketAddr = ([192, 168, 1, 23], 50000).into();
    let here: SocketAddr = ([127, 0, 0, 1], 50000).into();
    assert_eq!(ask(neighbour, None).await, StatusCode::NOT_FOUND);
    assert_eq!(ask(neighbour, Some("a guess")).await, StatusCode::NOT_FOUND);
    assert_eq!(
        ask(neighbour, Some("a long monitoring token")).await,
        StatusCode::OK
    );
    assert_eq!(ask(here, None).await, StatusCode::OK);
}
