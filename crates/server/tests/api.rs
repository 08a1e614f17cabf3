//! The server over HTTP on loopback, on its embedded SQLite and on a real PostgreSQL
//! (`SATCHEL_TEST_DATABASE_URL`, which `cargo xtask test` starts and sets).

use std::time::Duration;

use reqwest::StatusCode;
use satchel_server::store::{Role, Store};
use satchel_server::{AppState, Config};
use satchel_sync::device::{DeviceKey, Purpose, host_audience, message};
use satchel_sync::docs::class_lesson_id;
use satchel_sync::sealed::{Keys, Sealer, To, open};
use satchel_sync::{Batch, DocId, Note, Replica};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

#[derive(Clone, Copy)]
enum Backend {
    Sqlite,
    Postgres,
}

struct Server {
    url: String,
    store: Store,
    http: reqwest::Client,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// A fresh database on the test PostgreSQL server, so tests do not see each other.
async fn fresh_postgres() -> String {
    let admin = std::env::var("SATCHEL_TEST_DATABASE_URL")
        .expect("SATCHEL_TEST_DATABASE_URL names a PostgreSQL server to test against");
    let (client, connection) = tokio_postgres::connect(&admin, tokio_postgres::NoTls)
        .await
        .expect("the test PostgreSQL answers");
    tokio::spawn(connection);
    let name = format!("satchel_test_{}", uuid::Uuid::now_v7().simple());
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let (base, _) = admin.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

async fn start(backend: Backend, config: Config) -> Server {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = tempfile::tempdir().unwrap();
    let store = match backend {
        Backend::Sqlite => Store::open_sqlite(&dir.path().join("server.sqlite3"))
            .await
            .unwrap(),
        Backend::Postgres => Store::open_postgres(&fresh_postgres().await).await.unwrap(),
    };
    start_on(store, config, dir).await
}

/// A server instance over `store` (several may share one PostgreSQL).
async fn start_on(store: Store, config: Config, dir: tempfile::TempDir) -> Server {
    let state = AppState::new(store.clone(), config).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(satchel_server::serve(listener, state, async move {
        let _ = stopped.await;
    }));
    Server {
        url,
        store,
        http: reqwest::Client::new(),
        stop: Some(stop),
        _dir: dir,
    }
}

const PASSWORD: &str = "a long enough password";

impl Server {
    async fn add(&self, name: &str, role: Role) -> String {
        satchel_server::add_account(&self.store, name, PASSWORD, role)
            .await
            .unwrap()
            .id
    }

    async fn login(&self, name: &str, device: &str) -> Value {
        let response = self
            .http
            .post(format!("{}/v1/auth/login", self.url))
            .json(&json!({ "name": name, "password": PASSWORD, "device": device }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// An access token for `name` signing in with the key of the device `device`.
    async fn device_access(&self, name: &str, device: &str) -> String {
        let body = self
            .answer(&device_key(device), &Purpose::SignIn, name, device)
            .await;
        let (status, tokens) = self
            .call(reqwest::Method::POST, "/v1/auth/device", None, Some(body))
            .await;
        assert_eq!(status, StatusCode::OK, "{tokens}");
        tokens["access_token"].as_str().unwrap().to_owned()
    }

    /// An access token for `name` on `device`.
    async fn access(&self, name: &str, device: &str) -> String {
        self.login(name, device).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    async fn me(&self, access: &str) -> (StatusCode, Value) {
        let response = self
            .http
            .get(format!("{}/v1/me", self.url))
            .bearer_auth(access)
            .send()
            .await
            .unwrap();
        (
            response.status(),
            response.json().await.unwrap_or(Value::Null),
        )
    }

    async fn refresh(&self, refresh: &str) -> (StatusCode, Value) {
        let response = self
            .http
            .post(format!("{}/v1/auth/refresh", self.url))
            .json(&json!({ "refresh_token": refresh }))
            .send()
            .await
            .unwrap();
        (
            response.status(),
            response.json().await.unwrap_or(Value::Null),
        )
    }

    /// One sync round: the device's batch out, the server's answer and cursor back.
    async fn round(
        &self,
        access: &str,
        owner: &str,
        batch: &Batch,
        cursor: i64,
    ) -> (StatusCode, Batch, i64, bool) {
        let response = self
            .http
            .post(format!("{}/v1/sync/{owner}", self.url))
            .bearer_auth(access)
            .header("satchel-cursor", cursor.to_string())
            .body(batch.encode())
            .send()
            .await
            .unwrap();
        let status = response.status();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<i64>().ok())
        };
        let next = header("satchel-cursor").unwrap_or(cursor);
        let more = header("satchel-more") == Some(1);
        let body = response.bytes().await.unwrap();
        let batch = if status == StatusCode::OK {
            Batch::decode(&body).unwrap()
        } else {
            Batch::default()
        };
        (status, batch, next, more)
    }

    /// Rounds until neither side has anything to say; returns the cursor and rounds.
    async fn sync(
        &self,
        access: &str,
        owner: &str,
        replica: &mut Replica,
        mut cursor: i64,
    ) -> (i64, usize) {
        for rounds in 1..=20 {
            let out = replica.sync_out("server");
            let (status, reply, next, more) = self.round(access, owner, &out, cursor).await;
            assert_eq!(status, StatusCode::OK);
            cursor = next;
            let quiet = out.is_empty() && reply.is_empty() && !more;
            replica.sync_in("server", reply).unwrap();
            if quiet {
                return (cursor, rounds);
            }
        }
        panic!("sync did not settle in 20 rounds");
    }
}

fn note(id: &str, body: &str) -> Note {
    Note {
        id: id.into(),
        title: format!("Note {id}"),
        body: body.into(),
        deleted: false,
    }
}

async fn a_learner_signs_in_and_refresh_tokens_rotate(backend: Backend) {
    let server = start(backend, Config::default()).await;
    let id = server.add("ada", Role::Learner).await;
    let first = server.login("ada", "laptop").await;
    assert_eq!(first["user"]["id"], id);
    assert_eq!(first["user"]["role"], "learner");
    assert_eq!(first["expires_in"], 900);
    let access = first["access_token"].as_str().unwrap();
    let (status, me) = server.me(access).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["name"], "ada");

    // A wrong password and an unknown name are refused alike.
    for (name, password) in [("ada", "not the password"), ("nobody", PASSWORD)] {
        let response = server
            .http
            .post(format!("{}/v1/auth/login", server.url))
            .json(&json!({ "name": name, "password": password, "device": "d" }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }

    let old = first["refresh_token"].as_str().unwrap();
    let (status, second) = server.refresh(old).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(second["refresh_token"], first["refresh_token"]);
    assert_eq!(
        server.me(second["access_token"].as_str().unwrap()).await.0,
        StatusCode::OK
    );

    // The answer that carried `second` was lost: the device presents `old` again
    // within the grace and gets another successor; `second` is dead.
    let (status, again) = server.refresh(old).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    let (status, _) = server
        .refresh(again["refresh_token"].as_str().unwrap())
        .await;
    assert_eq!(status, StatusCode::OK, "the new successor works");
    // Whoever shows the dead `second` ends that sign-in.
    let (status, _) = server
        .refresh(second["refresh_token"].as_str().unwrap())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // A fresh sign-in rotates twice; its first token, reused after its successor was
    // used, means someone else has a copy. Refused, and the whole sign-in ends, so
    // the newest token is refused too.
    let signed = server.login("ada", "phone").await;
    let one = signed["refresh_token"].as_str().unwrap();
    let (_, two) = server.refresh(one).await;
    let (status, three) = server.refresh(two["refresh_token"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    let (status, error) = server.refresh(one).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{error}");
    assert!(error["error"].as_str().unwrap().contains("used elsewhere"));
    let (status, _) = server
        .refresh(three["refresh_token"].as_str().unwrap())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Signing out ends a sign-in.
    let third = server.login("ada", "laptop").await;
    let response = server
        .http
        .post(format!("{}/v1/auth/logout", server.url))
        .json(&json!({ "refresh_token": third["refresh_token"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let (status, _) = server
        .refresh(third["refresh_token"].as_str().unwrap())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn a_forged_or_tampered_token_is_refused(backend: Backend) {
    let server = start(backend, Config::default()).await;
    server.add("ada", Role::Learner).await;
    let tokens = server.login("ada", "laptop").await;
    let access = tokens["access_token"].as_str().unwrap();
    let parts: Vec<&str> = access.split('.').collect();
    assert_eq!(parts.len(), 3);

    // Signed with a key that is not the server's.
    let forged = satchel_server::auth::Keys::new(b"a key the attacker made up......")
        .sign(&serde_json::from_value(claims_of(access)).unwrap())
        .unwrap();
    // The claims changed to an admin's, the signature kept.
    let mut admin = claims_of(access);
    admin["role"] = json!("admin");
    let tampered = format!("{}.{}.{}", parts[0], b64(&admin.to_string()), parts[2]);
    // No signature at all.
    let unsigned = format!("{}.{}.", b64(r#"{"alg":"none","typ":"JWT"}"#), parts[1]);
    for (what, token) in [
        ("forged", forged),
        ("tampered", tampered),
        ("unsigned", unsigned),
    ] {
        let (status, error) = server.me(&token).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}: {error}");
        assert_eq!(error["error"], "the access token is not valid", "{what}");
        assert_eq!(error["code"], "sign_in_needed", "{what}");
    }
    let response = server
        .http
        .get(format!("{}/v1/me", server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

async fn an_expired_token_is_refused(backend: Backend) {
    let server = start(
        backend,
        Config {
            access_ttl: Duration::from_secs(1),
            ..Config::default()
        },
    )
    .await;
    server.add("ada", Role::Learner).await;
    let tokens = server.login("ada", "laptop").await;
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(server.me(access).await.0, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let (status, error) = server.me(access).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["error"], "the access token has expired");
    // The refresh token still gets a new one.
    let (status, fresh) = server
        .refresh(tokens["refresh_token"].as_str().unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        server.me(fresh["access_token"].as_str().unwrap()).await.0,
        StatusCode::OK
    );
}

async fn a_learner_cannot_read_another_learners_documents(backend: Backend) {
    let server = start(backend, Config::default()).await;
    let ada = server.add("ada", Role::Learner).await;
    server.add("ben", Role::Learner).await;
    server.add("cleo", Role::Teacher).await;
    server.add("root", Role::Admin).await;
    let ada_access = server.access("ada", "laptop").await;
    let mut laptop = Replica::new(b"ada-laptop");
    laptop.put_note(&note("n1", "Ada's secret diary")).unwrap();
    server.sync(&ada_access, &ada, &mut laptop, 0).await;
    let media = b"a picture of ada's";
    let sha = hex(&Sha256::digest(media));
    let response = server
        .http
        .put(format!(
            "{}/v1/media/{ada}/{sha}?size={}&offset=0",
            server.url,
            media.len()
        ))
        .bearer_auth(&ada_access)
        .body(media.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    for other in ["ben", "cleo"] {
        let access = server.access(other, "phone").await;
        let mut snoop = Replica::new(b"snoop");
        let hello = Batch {
            messages: vec![(DocId::note("n1"), Vec::new())],
        };
        let (status, reply, _, _) = server
            .round(&access, &ada, &snoop.sync_out("server"), 0)
            .await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "{other} asked for everything"
        );
        assert!(reply.is_empty());
        let (status, _, _, _) = server.round(&access, &ada, &hello, 0).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{other} asked for the note");
        for url in [
            format!("{}/v1/media/{ada}/{sha}", server.url),
            format!("{}/v1/media/{ada}/{sha}/state", server.url),
        ] {
            let response = server
                .http
                .get(url)
                .bearer_auth(&access)
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{other} read the media"
            );
        }
        assert!(snoop.notes().unwrap().is_empty());
    }
    // An admin may (to move an account's documents, say).
    let root = server.access("root", "desk").await;
    let mut desk = Replica::new(b"root-desk");
    let (status, reply, _, _) = server.round(&root, &ada, &desk.sync_out("server"), 0).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(reply.len(), 1);
}

async fn two_devices_meet_through_the_server(backend: Backend) {
    let server = start(backend, Config::default()).await;
    let ada = server.add("ada", Role::Learner).await;
    let laptop_access = server.access("ada", "laptop").await;
    let family_access = server.access("ada", "family").await;
    let mut laptop = Replica::new(b"laptop");
    let mut family = Replica::new(b"family");
    for i in 0..40 {
        laptop
            .put_note(&note(&format!("l{i}"), "Rivers carry sand."))
            .unwrap();
    }
    family
        .put_note(&note("f1", "Deltas form at the mouth."))
        .unwrap();
    let (laptop_cursor, _) = server.sync(&laptop_access, &ada, &mut laptop, 0).await;
    let (family_cursor, rounds) = server.sync(&family_access, &ada, &mut family, 0).await;
    assert!(rounds <= 4, "a new device took {rounds} rounds");
    assert_eq!(family.notes().unwrap().len(), 41);
    server
        .sync(&laptop_access, &ada, &mut laptop, laptop_cursor)
        .await;
    assert_eq!(laptop.notes().unwrap(), family.notes().unwrap());

    // Both edit the same note apart, one its text and one its title: both edits stay.
    laptop
        .put_note(&note("f1", "Deltas form at the mouth of a river."))
        .unwrap();
    family
        .put_note(&Note {
            title: "Deltas".into(),
            ..note("f1", "Deltas form at the mouth.")
        })
        .unwrap();
    server
        .sync(&laptop_access, &ada, &mut laptop, laptop_cursor)
        .await;
    server
        .sync(&family_access, &ada, &mut family, family_cursor)
        .await;
    server
        .sync(&laptop_access, &ada, &mut laptop, laptop_cursor)
        .await;
    assert_eq!(laptop.notes().unwrap(), family.notes().unwrap());
    let merged = laptop
        .notes()
        .unwrap()
        .into_iter()
        .find(|n| n.id == "f1")
        .unwrap();
    assert_eq!(merged.title, "Deltas");
    assert_eq!(merged.body, "Deltas form at the mouth of a river.");

    // Nothing to say: one quiet round.
    let (_, rounds) = server
        .sync(&family_access, &ada, &mut family, family_cursor)
        .await;
    assert!(rounds <= 2, "{rounds} rounds with nothing new");

    // A batch that does not read is refused, and changes nothing.
    let response = server
        .http
        .post(format!("{}/v1/sync/{ada}", server.url))
        .bearer_auth(&laptop_access)
        .body(b"SSB1 and then nonsense".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

async fn media_arrive_in_parts_and_resume(backend: Backend) {
    let server = start(backend, Config::default()).await;
    let ada = server.add("ada", Role::Learner).await;
    let access = server.access("ada", "laptop").await;
    let file: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let sha = hex(&Sha256::digest(&file));
    let put = |offset: usize, part: &[u8]| {
        server
            .http
            .put(format!(
                "{}/v1/media/{ada}/{sha}?size={}&offset={offset}",
                server.url,
                file.len()
            ))
            .bearer_auth(&access)
            .body(part.to_vec())
            .send()
    };
    let state_url = format!("{}/v1/media/{ada}/{sha}/state", server.url);
    let response = server
        .http
        .get(&state_url)
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let response = put(0, &file[..100_000]).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // The same part again (its answer was lost): nothing changes.
    let state: Value = put(0, &file[..100_000])
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["received"], 100_000);
    // A part that skips ahead is refused.
    let response = put(200_000, &file[200_000..]).await.unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    // The device asks where to go on from, and does.
    let state: Value = server
        .http
        .get(&state_url)
        .bearer_auth(&access)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        state,
        json!({ "size": 300_000, "received": 100_000, "complete": false })
    );
    put(100_000, &file[100_000..200_000]).await.unwrap();
    let state: Value = put(200_000, &file[200_000..])
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(state["complete"], true);

    let whole = server
        .http
        .get(format!("{}/v1/media/{ada}/{sha}", server.url))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(whole.status(), StatusCode::OK);
    assert_eq!(whole.bytes().await.unwrap().as_ref(), &file[..]);
    let rest = server
        .http
        .get(format!("{}/v1/media/{ada}/{sha}", server.url))
        .bearer_auth(&access)
        .header("range", "bytes=250000-")
        .send()
        .await
        .unwrap();
    assert_eq!(rest.status(), StatusCode::PARTIAL_CONTENT);
    assert_eq!(rest.bytes().await.unwrap().as_ref(), &file[250_000..]);

    // Bytes that do not hash to their name are dropped whole.
    let lie = hex(&Sha256::digest(b"something else"));
    let response = server
        .http
        .put(format!(
            "{}/v1/media/{ada}/{lie}?size=5&offset=0",
            server.url
        ))
        .bearer_auth(&access)
        .body(b"hello".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = server
        .http
        .get(format!("{}/v1/media/{ada}/{lie}/state", server.url))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

async fn requests_past_the_rate_limit_wait(backend: Backend) {
    let server = start(
        backend,
        Config {
            requests_per_minute: 5,
            ..Config::default()
        },
    )
    .await;
    server.add("ada", Role::Learner).await;
    let access = server.access("ada", "laptop").await;
    for _ in 0..5 {
        assert_eq!(server.me(&access).await.0, StatusCode::OK);
    }
    let response = server
        .http
        .get(format!("{}/v1/me", server.url))
        .bearer_auth(&access)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=13).contains(&wait), "retry after {wait} s");

    let health: Value = server
        .http
        .get(format!("{}/healthz", server.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["ok"], true);
    let metrics = server
        .http
        .get(format!("{}/metrics", server.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(metrics.contains("satchel_requests_total"), "{metrics}");
    assert!(
        metrics.contains(r#"route="/v1/me",status="429""#),
        "{metrics}"
    );
}

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&unb64(payload)).unwrap()
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn b64(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn unb64(text: &str) -> Vec<u8> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        let v = B64.iter().position(|&b| b == c).unwrap() as u32;
        bits = (bits << 6) | v;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Server {
    /// Joins as `name` from the device of that name (the same key each time).
    async fn join(&self, code: &str, name: &str) -> (StatusCode, Value) {
        join(self, code, name, &format!("{name}'s laptop"), None).await
    }

    /// A device's answer to a fresh challenge, signed with `key` for `purpose` as
    /// `name` on `device`, naming `audience` as the server.
    async fn answer_for(
        &self,
        key: &DeviceKey,
        purpose: &Purpose<'_>,
        name: &str,
        device: &str,
        audience: &str,
    ) -> Value {
        let (status, challenge) = self
            .call(reqwest::Method::POST, "/v1/auth/challenge", None, None)
            .await;
        assert_eq!(status, StatusCode::OK, "{challenge}");
        let challenge = challenge["challenge"].as_str().unwrap();
        let signed = message(audience, challenge, purpose, name, device);
        json!({ "key": key.public(), "challenge": challenge, "audience": audience,
                "signature": key.sign(&signed), "name": name, "device": device })
    }

    /// The same, naming this server as a device reaching it on loopback does.
    async fn answer(
        &self,
        key: &DeviceKey,
        purpose: &Purpose<'_>,
        name: &str,
        device: &str,
    ) -> Value {
        self.answer_for(key, purpose, name, device, &host_audience("127.0.0.1"))
            .await
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        access: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self.http.request(method, format!("{}{path}", self.url));
        if let Some(access) = access {
            request = request.bearer_auth(access);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        (
            response.status(),
            response.json().await.unwrap_or(Value::Null),
        )
    }
}

/// A teacher makes a class, students join with its code, a lesson reaches each of
/// them as their own documents (and its media through the teacher's copy), their
/// progress comes back into the report; a student of another class gets nothing, and
/// neither students nor other teachers read the report.
async fn a_lesson_reaches_the_class_and_progress_comes_back(backend: Backend) {
    use reqwest::Method;
    let server = start(backend, Config::default()).await;
    let rivera = server.add("Ms Rivera", Role::Teacher).await;
    server.add("Mr Okafor", Role::Teacher).await;
    let teacher = server.access("Ms Rivera", "laptop").await;
    let other_teacher = server.access("Mr Okafor", "laptop").await;
    let (status, class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&teacher),
            Some(json!({ "name": "Biology 7" })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{class}");
    let class_id = class["id"].as_str().unwrap().to_owned();
    let lesson = class_lesson_id(&class_id, "material1");
    let code = class["code"].as_str().unwrap().to_owned();
    let (_, other_class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&other_teacher),
            Some(json!({ "name": "History" })),
        )
        .await;

    // Learners cannot make classes.
    server.add("lee", Role::Learner).await;
    let lee = server.access("lee", "pc").await;
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&lee),
            Some(json!({ "name": "Mine" })),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The teacher's lesson: a deck's cards, a picture, and the lesson itself.
    let picture = b"a picture of a cell".to_vec();
    let sha = hex(&Sha256::digest(&picture));
    let (status, _) = server
        .call(
            Method::GET,
            &format!("/v1/media/{rivera}/{sha}/state"),
            Some(&teacher),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let response = server
        .http
        .put(format!(
            "{}/v1/media/{rivera}/{sha}?size={}&offset=0",
            server.url,
            picture.len()
        ))
        .bearer_auth(&teacher)
        .body(picture.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // The lesson's one card, as the teacher writes and later edits it.
    let cell_card = |front: &str, back: &str| satchel_sync::Card {
        id: "card1".into(),
        deck_id: "deck1".into(),
        kind: "basic".into(),
        front: front.into(),
        back: back.into(),
        suspended: false,
        deleted: false,
        generator: String::new(),
        choices: Vec::new(),
        media: Vec::new(),
    };
    let mut laptop = Replica::new(b"rivera-laptop");
    laptop
        .put_card(&cell_card(
            "What does a cell wall do?",
            "It holds the cell's shape.",
        ))
        .unwrap();
    laptop.put_lesson(&lesson, r#"{"title":"Cells"}"#).unwrap();
    laptop
        .put_note(&note("private", "The teacher's own note."))
        .unwrap();
    let (teacher_cursor, _) = server.sync(&teacher, &rivera, &mut laptop, 0).await;

    // A lesson of documents not yet synced is refused.
    let (status, _) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{class_id}/assignments"),
            Some(&teacher),
            Some(
                json!({ "id": class_lesson_id(&class_id, "early"), "material": "early",
                         "title": "Early", "docs": ["cards/unsynced"] }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Three students join (one before the lesson, two after); one joins the other class.
    let (status, ana) = server.join(&code.to_lowercase(), "ana").await;
    assert_eq!(status, StatusCode::OK, "{ana}");
    assert_eq!(ana["class"]["name"], "Biology 7");
    assert!(
        ana["class"]["code"].is_null(),
        "students do not see the code"
    );
    let (status, refused) = server.join("ZZZZZZ", "nobody").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(refused["code"], "not_found", "{refused}");

    let (status, assigned) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{class_id}/assignments"),
            Some(&teacher),
            Some(json!({
                "id": lesson, "material": "material1", "title": "Cells",
                "docs": [format!("lessons/{lesson}"), "cards/deck1"], "media": [sha],
            })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{assigned}");
    assert_eq!(assigned["delivered"], 1);
    // Lesson ids are keyed by the class: another class's id, or one made up, is refused.
    for id in [
        class_lesson_id("another class", "material1"),
        "lesson1".to_owned(),
    ] {
        let (status, body) = server
            .call(
                Method::POST,
                &format!("/v1/classes/{class_id}/assignments"),
                Some(&teacher),
                Some(json!({
                    "id": id, "material": "material1", "title": "Cells",
                    "docs": [format!("lessons/{lesson}")],
                })),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{id}: {body}");
    }
    let (_, ben) = server.join(&code, "ben").await;
    let (_, cai) = server.join(&code, "cai").await;
    // Joining again with the same name from the same device is the same student;
    // another device is someone else, refused.
    // is someone else, refused.
    let (status, again) = server.join(&code, "ben").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(again["user"]["id"], ben["user"]["id"]);
    let (status, refused) = join(&server, &code, "ben", "someone else's laptop", None).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // The code, not the status or the words, is what a client goes by.
    assert_eq!(refused["code"], "conflict", "{refused}");
    let (_, dev) = server
        .join(other_class["code"].as_str().unwrap(), "dev")
        .await;

    // Each student of the class syncs and finds the lesson and its cards, not the
    // teacher's note; the student of the other class finds nothing.
    let mut ana_device = Replica::new(b"ana");
    let mut cai_device = Replica::new(b"cai");
    let (mut ana_cursor, mut cai_cursor) = (0, 0);
    for (student, device) in [
        (&ana, &mut ana_device),
        (&ben, &mut Replica::new(b"ben")),
        (&cai, &mut cai_device),
    ] {
        let access = student["access_token"].as_str().unwrap();
        let id = student["user"]["id"].as_str().unwrap();
        let (cursor, _) = server.sync(access, id, device, 0).await;
        match student["user"]["name"].as_str() {
            Some("ana") => ana_cursor = cursor,
            Some("cai") => cai_cursor = cursor,
            _ => {}
        }
        let ids: Vec<String> = device.doc_ids().map(|d| d.as_str().to_owned()).collect();
        assert_eq!(
            ids,
            vec!["cards/deck1".to_owned(), format!("lessons/{lesson}")],
            "{}",
            student["user"]["name"]
        );
        assert_eq!(
            device.cards().unwrap()[0].front,
            "What does a cell wall do?"
        );
        // The picture comes from the teacher's copy.
        let response = server
            .http
            .get(format!("{}/v1/media/{id}/{sha}", server.url))
            .bearer_auth(access)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.bytes().await.unwrap().to_vec(), picture);
    }
    let mut dev_device = Replica::new(b"dev");
    let dev_id = dev["user"]["id"].as_str().unwrap();
    server
        .sync(
            dev["access_token"].as_str().unwrap(),
            dev_id,
            &mut dev_device,
            0,
        )
        .await;
    assert_eq!(
        dev_device.doc_ids().count(),
        0,
        "another class's student got nothing"
    );
    let response = server
        .http
        .get(format!("{}/v1/media/{dev_id}/{sha}", server.url))
        .bearer_auth(dev["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The teacher edits the card: it reaches the students on their next sync.
    laptop
        .put_card(&cell_card(
            "What does a cell wall do for a plant cell?",
            "It holds the cell's shape.",
        ))
        .unwrap();
    server
        .sync(&teacher, &rivera, &mut laptop, teacher_cursor)
        .await;
    let ana_access = ana["access_token"].as_str().unwrap();
    let ana_id = ana["user"]["id"].as_str().unwrap();
    ana_device
        .put_progress(
            &json!({
                "as_of": 1000, "reviews": 7, "time_ms": 60000,
                "lessons": [{ "id": lesson, "cards": 1, "studied": 1, "done": true,
                    "concepts": [{ "concept": "cell wall", "mastery": 0.3, "cards": 1, "studied": 1 }] }],
            })
            .to_string(),
        )
        .unwrap();
    server
        .sync(ana_access, ana_id, &mut ana_device, ana_cursor)
        .await;
    assert_eq!(
        ana_device.cards().unwrap()[0].front,
        "What does a cell wall do for a plant cell?"
    );

    // The report: only for this class's teacher.
    let path = format!("/v1/classes/{class_id}/report");
    let (status, report) = server.call(Method::GET, &path, Some(&teacher), None).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(report["students"].as_array().unwrap().len(), 3);
    assert_eq!(report["lessons"][0]["assigned"], 3);
    assert_eq!(report["lessons"][0]["done"], 1);
    assert_eq!(report["concepts"], json!(["cell wall"]));
    assert_eq!(report["struggling"][0]["student"], "ana");
    assert_eq!(report["students"][0]["reviews"], 7);
    for access in [ana_access, &other_teacher] {
        let (status, _) = server.call(Method::GET, &path, Some(access), None).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = server
            .call(
                Method::GET,
                &format!("/v1/classes/{class_id}/students"),
                Some(access),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    // A student reads their own classes, not who else is in them.
    let (_, mine) = server
        .call(Method::GET, "/v1/classes", Some(ana_access), None)
        .await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["teaching"], false);
    let (_, taught) = server
        .call(Method::GET, "/v1/classes", Some(&teacher), None)
        .await;
    assert_eq!(taught[0]["students"], 3);
    assert_eq!(taught[0]["code"], code);

    // The teacher takes Cai out of the class: only the teacher may.
    let cai_id = cai["user"]["id"].as_str().unwrap();
    let cai_path = format!("/v1/classes/{class_id}/students/{cai_id}");
    for access in [ana_access, &other_teacher] {
        let (status, _) = server
            .call(Method::DELETE, &cai_path, Some(access), None)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, removed) = server
        .call(Method::DELETE, &cai_path, Some(&teacher), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{removed}");
    assert_eq!(removed["name"], "cai");
    let (status, _) = server
        .call(Method::DELETE, &cai_path, Some(&teacher), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "removed twice");
    let (_, report) = server.call(Method::GET, &path, Some(&teacher), None).await;
    let names: Vec<&str> = report["students"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ana", "ben"]);
    let (_, taught) = server
        .call(Method::GET, "/v1/classes", Some(&teacher), None)
        .await;
    assert_eq!(taught[0]["students"], 2);
    // Cai keeps the lesson they had, and the teacher's later edits no longer reach them.
    laptop
        .put_card(&cell_card("What is a cell wall made of?", "Cellulose."))
        .unwrap();
    server
        .sync(&teacher, &rivera, &mut laptop, teacher_cursor)
        .await;
    let cai_access = cai["access_token"].as_str().unwrap();
    server
        .sync(cai_access, cai_id, &mut cai_device, cai_cursor)
        .await;
    assert_eq!(
        cai_device.cards().unwrap()[0].front,
        "What does a cell wall do for a plant cell?"
    );
    let (_, theirs) = server
        .call(Method::GET, "/v1/classes", Some(cai_access), None)
        .await;
    assert_eq!(theirs, json!([]), "Cai is in no class now");
    server
        .sync(ana_access, ana_id, &mut ana_device, ana_cursor)
        .await;
    assert_eq!(
        ana_device.cards().unwrap()[0].front,
        "What is a cell wall made of?"
    );
}

async fn a_password_change_ends_every_sign_in(backend: Backend) {
    let server = start(backend, Config::default()).await;
    server.add("ada", Role::Learner).await;
    let laptop = server.login("ada", "laptop").await;
    let phone = server.login("ada", "phone").await;
    assert!(
        satchel_server::set_password(&server.store, "ada", "another long password")
            .await
            .unwrap()
    );
    for tokens in [&laptop, &phone] {
        let (status, _) = server
            .refresh(tokens["refresh_token"].as_str().unwrap())
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    // The new password signs in afresh.
    let response = server
        .http
        .post(format!("{}/v1/auth/login", server.url))
        .json(&json!({ "name": "ada", "password": "another long password", "device": "laptop" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The key of the device called `device` (the same name, the same key).
fn device_key(device: &str) -> DeviceKey {
    DeviceKey::from_seed(&Sha256::digest(device.as_bytes()).into())
}

/// Joins `code` as `name` from the device called `device`, and a claim code when
/// given.
async fn join(
    server: &Server,
    code: &str,
    name: &str,
    device: &str,
    claim: Option<&str>,
) -> (StatusCode, Value) {
    let mut body = server
        .answer(&device_key(device), &Purpose::Join { code }, name, device)
        .await;
    body["code"] = json!(code);
    body["claim"] = json!(claim);
    server
        .call(reqwest::Method::POST, "/v1/classes/join", None, Some(body))
        .await
}

/// A join code stops working when it expires or the teacher makes a new one; a student
/// added by name is claimed only with the one-time code the teacher got, once, before
/// it expires.
async fn join_codes_expire_and_claims_work_once(backend: Backend) {
    use reqwest::Method;
    // Codes that expire at once, then a server whose codes last.
    let server = start(
        backend,
        Config {
            join_code_lifetime: Duration::ZERO,
            claim_lifetime: Duration::ZERO,
            ..Config::default()
        },
    )
    .await;
    server.add("Ms Rivera", Role::Teacher).await;
    let teacher = server.access("Ms Rivera", "laptop").await;
    let (_, class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&teacher),
            Some(json!({ "name": "Y7" })),
        )
        .await;
    let code = class["code"].as_str().unwrap().to_owned();
    let (status, body) = join(&server, &code, "Ana", "ana's secret 1", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("expired"),
        "{body}"
    );
    let (_, added) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{}/students", class["id"].as_str().unwrap()),
            Some(&teacher),
            Some(json!({ "name": "Eve" })),
        )
        .await;
    let expired_claim = added["claim_code"].as_str().unwrap().to_owned();
    drop(server);

    let server = start(backend, Config::default()).await;
    server.add("Ms Rivera", Role::Teacher).await;
    let teacher = server.access("Ms Rivera", "laptop").await;
    let (_, class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&teacher),
            Some(json!({ "name": "Y7" })),
        )
        .await;
    let id = class["id"].as_str().unwrap().to_owned();
    let old = class["code"].as_str().unwrap().to_owned();
    assert!(class["code_expires_at"].as_i64().unwrap() > now_ms());
    // A new code: the old one stops working, the new one works.
    let (status, renewed) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{id}/code"),
            Some(&teacher),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{renewed}");
    let code = renewed["code"].as_str().unwrap().to_owned();
    assert_ne!(code, old);
    assert_eq!(
        join(&server, &old, "Ana", "ana's secret 1", None).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        join(&server, &code, "Ana", "ana's secret 1", None).await.0,
        StatusCode::OK
    );
    // A student cannot renew the code.
    let ana = server.device_access("Ana", "ana's secret 1").await;
    let (status, _) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{id}/code"),
            Some(&ana),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Eve, added by name: not claimed with the class's code alone, nor a guess, nor a
    // code from another server that has expired.
    let (_, added) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{id}/students"),
            Some(&teacher),
            Some(json!({ "name": "Eve" })),
        )
        .await;
    let claim = added["claim_code"].as_str().unwrap().to_owned();
    assert!(added["claim_expires_at"].as_i64().unwrap() > now_ms());
    for tried in [None, Some("ABCDEFGH"), Some(expired_claim.as_str())] {
        let (status, body) = join(&server, &code, "Eve", "mallory's secret", tried).await;
        assert_eq!(status, StatusCode::CONFLICT, "{tried:?}: {body}");
    }
    // With it, once: the second use is refused, whoever tries it.
    assert_eq!(
        join(&server, &code, "Eve", "eve's secret 1", Some(&claim))
            .await
            .0,
        StatusCode::OK
    );
    let (status, _) = join(&server, &code, "Eve", "mallory's secret", Some(&claim)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Eve's own device still joins (her next start).
    assert_eq!(
        join(&server, &code, "Eve", "eve's secret 1", None).await.0,
        StatusCode::OK
    );
    // A claimed account has no claim to renew.
    let (status, _) = server
        .call(
            Method::POST,
            &format!(
                "/v1/classes/{id}/students/{}/claim",
                added["id"].as_str().unwrap()
            ),
            Some(&teacher),
            Some(json!({})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

/// A student whose device forges changes under the teacher's own actor: in the lesson
/// they are refused, and though their copy of the lesson's cards may no longer merge
/// the teacher's later edits, the rest of the class still gets every edit.
async fn a_student_forging_the_teachers_changes_cannot_change_a_lesson_or_stall_it(
    backend: Backend,
) {
    use reqwest::Method;
    use satchel_sync::Content;
    let server = start(backend, Config::default()).await;
    let rivera = server.add("Ms Rivera", Role::Teacher).await;
    let teacher = server.access("Ms Rivera", "laptop").await;
    let (_, class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&teacher),
            Some(json!({ "name": "Y7" })),
        )
        .await;
    let class_id = class["id"].as_str().unwrap().to_owned();
    let lesson = class_lesson_id(&class_id, "material1");
    let code = class["code"].as_str().unwrap().to_owned();
    let card = |front: &str| satchel_sync::Card {
        id: "card1".into(),
        deck_id: "deck1".into(),
        kind: "basic".into(),
        front: front.into(),
        back: "b".into(),
        suspended: false,
        deleted: false,
        generator: String::new(),
        choices: Vec::new(),
        media: Vec::new(),
    };
    let mut laptop = Replica::new(b"rivera-laptop");
    laptop.put_card(&card("What is a cell?")).unwrap();
    laptop.put_lesson(&lesson, r#"{"title":"Cells"}"#).unwrap();
    let (teacher_cursor, _) = server.sync(&teacher, &rivera, &mut laptop, 0).await;

    // Mallory joins first, so a delivery that stopped at her would miss Ana.
    let (_, mallory) = server.join(&code, "mallory").await;
    let (_, ana) = server.join(&code, "ana").await;
    let (status, assigned) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{class_id}/assignments"),
            Some(&teacher),
            Some(
                json!({ "id": lesson, "material": "material1", "title": "Cells",
                         "docs": [format!("lessons/{lesson}"), "cards/deck1"] }),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{assigned}");
    assert_eq!(assigned["delivered"], 2);

    // Mallory's device takes the teacher's actor and writes "as the teacher".
    let mallory_id = mallory["user"]["id"].as_str().unwrap().to_owned();
    let mallory_access = mallory["access_token"].as_str().unwrap().to_owned();
    let mut forger = Replica::new(b"rivera-laptop");
    let (cursor, _) = server
        .sync(&mallory_access, &mallory_id, &mut forger, 0)
        .await;
    forger.put_lesson(&lesson, r#"{"title":"Forged"}"#).unwrap();
    forger.put_card(&card("Forged question")).unwrap();
    // The forged lesson is refused each time it is sent (so this device never
    // settles); the rounds themselves are answered.
    let mut cursor = cursor;
    for _ in 0..4 {
        let out = forger.sync_out("server");
        let (status, reply, next, _) = server
            .round(&mallory_access, &mallory_id, &out, cursor)
            .await;
        assert_eq!(status, StatusCode::OK);
        cursor = next;
        forger.sync_in("server", reply).unwrap();
    }
    // A fresh device of Mallory's reads what the server kept: the teacher's lesson.
    let mut fresh = Replica::new(b"mallory-phone");
    server
        .sync(&mallory_access, &mallory_id, &mut fresh, 0)
        .await;
    let lesson = fresh.content(&DocId::lesson(&lesson)).unwrap();
    assert!(
        matches!(&lesson, Content::Lesson(_, text) if text.contains("Cells")),
        "{lesson:?}"
    );

    // The teacher edits the card: the same actor's next change, which Mallory forged.
    laptop.put_card(&card("What is a cell made of?")).unwrap();
    server
        .sync(&teacher, &rivera, &mut laptop, teacher_cursor)
        .await;
    let ana_id = ana["user"]["id"].as_str().unwrap().to_owned();
    let ana_access = ana["access_token"].as_str().unwrap().to_owned();
    let mut ana_device = Replica::new(b"ana-pc");
    server.sync(&ana_access, &ana_id, &mut ana_device, 0).await;
    assert_eq!(
        ana_device.cards().unwrap()[0].front,
        "What is a cell made of?",
        "the edit did not reach the rest of the class"
    );
}

/// A device that joined signs in again with its key alone: never with another
/// device's key, a password, an answer meant for another server, or a challenge
/// answered before. A signed-in device adds its key once it proves it holds it.
async fn devices_sign_in_with_their_own_keys(backend: Backend) {
    use reqwest::Method;
    // Many sign-ins of one name here: past the per-name limit a real server keeps.
    let server = start(
        backend,
        Config {
            logins_per_minute: 100,
            ..Config::default()
        },
    )
    .await;
    server.add("Ms Rivera", Role::Teacher).await;
    let teacher = server.access("Ms Rivera", "laptop").await;
    let (_, class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&teacher),
            Some(json!({ "name": "Y7" })),
        )
        .await;
    let code = class["code"].as_str().unwrap().to_owned();
    let (status, ana) = join(&server, &code, "Ana", "ana's laptop", None).await;
    assert_eq!(status, StatusCode::OK, "{ana}");
    let ana_id = ana["user"]["id"].as_str().unwrap();

    let sign_in = |body: Value| server.call(Method::POST, "/v1/auth/device", None, Some(body));
    let key = device_key("ana's laptop");
    let answer = server
        .answer(&key, &Purpose::SignIn, "Ana", "ana's laptop")
        .await;
    let (status, tokens) = sign_in(answer.clone()).await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    assert_eq!(tokens["user"]["id"], ana_id);
    // The same answer again: the challenge was answered.
    let (status, body) = sign_in(answer).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    // Another device's key, even signing correctly.
    let stranger = device_key("mallory's laptop");
    let (status, _) = sign_in(
        server
            .answer(&stranger, &Purpose::SignIn, "Ana", "ana's laptop")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Ana's key, for a server it does not know as this one (an impostor passing the
    // real server's challenge on).
    let relayed = server
        .answer_for(
            &key,
            &Purpose::SignIn,
            "Ana",
            "ana's laptop",
            &satchel_sync::device::pinned_audience(&"ab".repeat(32)),
        )
        .await;
    let (status, body) = sign_in(relayed).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("another server"),
        "{body}"
    );
    // A join's answer is not a sign-in's.
    let (status, _) = sign_in(
        server
            .answer(&key, &Purpose::Join { code: &code }, "Ana", "ana's laptop")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // An answer with its signature altered.
    let mut altered = server
        .answer(&key, &Purpose::SignIn, "Ana", "ana's laptop")
        .await;
    let signature = altered["signature"].as_str().unwrap().to_owned();
    let flipped = if signature.starts_with('0') { "1" } else { "0" };
    altered["signature"] = json!(format!("{flipped}{}", &signature[1..]));
    assert_eq!(sign_in(altered).await.0, StatusCode::UNAUTHORIZED);
    // An account made by joining has no password to guess.
    for password in ["", "!device-keys-only", "a long enough password"] {
        let (status, _) = server
            .call(
                Method::POST,
                "/v1/auth/login",
                None,
                Some(json!({ "name": "Ana", "password": password, "device": "x" })),
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{password:?}");
    }

    // The teacher, signed in by password, adds the laptop's key, then signs in with it.
    let laptop = device_key("rivera's laptop");
    let answer = server
        .answer(&laptop, &Purpose::AddKey, "Ms Rivera", "laptop")
        .await;
    let (status, body) = server
        .call(Method::POST, "/v1/auth/keys", Some(&teacher), Some(answer))
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, body) = sign_in(
        server
            .answer(&laptop, &Purpose::SignIn, "Ms Rivera", "laptop")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // A key signs in as the device it was added for, not as another of the account's.
    let (status, _) = sign_in(
        server
            .answer(&key, &Purpose::SignIn, "Ana", "the teacher's laptop")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // A teacher account cannot join a class as a student with its key.
    let (status, _) = join(&server, &code, "Ms Rivera", "rivera's laptop", None).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Ana's key is Ana's: the teacher cannot add it to their account.
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/auth/keys",
            Some(&teacher),
            Some(
                server
                    .answer(&key, &Purpose::AddKey, "Ms Rivera", "laptop")
                    .await,
            ),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);

    // Ana's laptop is lost: her teacher forgets her devices. Its key signs in no more;
    // a new claim code lets her next device take the account back, and only it.
    let (status, forgotten) = server
        .call(
            Method::DELETE,
            &format!(
                "/v1/classes/{}/students/{ana_id}/devices",
                class["id"].as_str().unwrap()
            ),
            Some(&teacher),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{forgotten}");
    let claim = forgotten["claim_code"].as_str().unwrap().to_owned();
    let (status, _) = sign_in(
        server
            .answer(&key, &Purpose::SignIn, "Ana", "ana's laptop")
            .await,
    )
    .await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a forgotten device signed in"
    );
    let (status, _) = join(&server, &code, "Ana", "ana's laptop", None).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a forgotten device joined again"
    );
    let (status, body) = join(&server, &code, "Ana", "ana's new laptop", Some(&claim)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["id"], ana_id);

    // A password change forgets the keys of that account's devices too.
    satchel_server::set_password(&server.store, "Ms Rivera", "a brand new password")
        .await
        .unwrap();
    let (status, _) = sign_in(
        server
            .answer(&laptop, &Purpose::SignIn, "Ms Rivera", "laptop")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// A sealed bundle of `docs` from `signer`, sealed to `to`.
fn sealed_bundle(signer: &DeviceKey, to: &[To], docs: &mut Replica, ids: &[DocId]) -> Vec<u8> {
    let sealer = Sealer::new(Vec::new(), signer, to).unwrap();
    let mut out = satchel_sync::bundle::Writer::new(sealer, &json!({ "learner": "Ana" })).unwrap();
    for id in ids {
        out.doc(id, &docs.save(id).unwrap()).unwrap();
    }
    out.finish().unwrap().finish().unwrap()
}

/// What a teacher carries on a stick: a student's bundle holds their lessons and
/// progress only, sealed (no note text in clear) to their device and their bundle
/// code. Progress carried back is taken only from the student who wrote it (their
/// device's signature, or their bundle code), only the summary is merged, and a bundle
/// altered by a byte is refused.
async fn bundles_carry_lessons_and_progress_of_their_own_students_only(backend: Backend) {
    use reqwest::Method;
    let server = start(backend, Config::default()).await;
    let rivera = server.add("Ms Rivera", Role::Teacher).await;
    let teacher = server.access("Ms Rivera", "laptop").await;
    let (_, class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&teacher),
            Some(json!({ "name": "Y7" })),
        )
        .await;
    let (class_id, code) = (
        class["id"].as_str().unwrap().to_owned(),
        class["code"].as_str().unwrap().to_owned(),
    );
    let lesson = class_lesson_id(&class_id, "material1");
    // A lesson, then Ana joins and syncs a private note and her progress.
    let mut laptop = Replica::new(b"rivera");
    laptop.put_lesson(&lesson, r#"{"title":"Cells"}"#).unwrap();
    server.sync(&teacher, &rivera, &mut laptop, 0).await;
    let (status, _) = server
        .call(
            Method::POST,
            &format!("/v1/classes/{class_id}/assignments"),
            Some(&teacher),
            Some(json!({ "id": lesson, "material": "material1", "title": "Cells", "docs": [format!("lessons/{lesson}")] })),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, ana) = server.join(&code, "Ana").await;
    let ana_id = ana["user"]["id"].as_str().unwrap().to_owned();
    let ana_access = ana["access_token"].as_str().unwrap().to_owned();
    let ana_key = device_key("Ana's laptop");
    let mut ana_device = Replica::new(b"ana");
    ana_device
        .put_note(&note("n1", "Ana's private diary"))
        .unwrap();
    ana_device.put_progress(r#"{"reviews":3}"#).unwrap();
    server.sync(&ana_access, &ana_id, &mut ana_device, 0).await;

    let bundle_url = format!(
        "{}/v1/classes/{class_id}/students/{ana_id}/bundle",
        server.url
    );
    let out = server
        .http
        .get(&bundle_url)
        .bearer_auth(&teacher)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::OK);
    let bytes = out.bytes().await.unwrap().to_vec();
    assert!(
        !bytes.windows(7).any(|w| w == b"private" || w == b"reviews"),
        "text in clear"
    );
    let read = |keys: &Keys<'_>| {
        let mut opened = open(
            std::io::Cursor::new(bytes.clone()),
            bytes.len() as u64,
            keys,
        )?;
        let len = opened.plain.len();
        satchel_sync::bundle::read_checked(
            &mut opened.plain,
            len,
            satchel_sync::bundle::Limits {
                bundle: 1 << 30,
                docs: 1 << 30,
            },
        )
    };
    let inside = read(&Keys {
        device: Some(&ana_key),
        codes: &[],
    })
    .unwrap();
    let mut ids: Vec<&str> = inside.docs.iter().map(|(id, _)| id.as_str()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [format!("lessons/{lesson}").as_str(), "progress/summary"],
        "only lessons and progress"
    );
    let (_, roster) = server
        .call(
            Method::GET,
            &format!("/v1/classes/{class_id}/students"),
            Some(&teacher),
            None,
        )
        .await;
    let ana_code = roster[0]["bundle_code"].as_str().unwrap().to_owned();
    let codes = [ana_code.clone()];
    assert!(
        read(&Keys {
            device: None,
            codes: &codes
        })
        .is_ok(),
        "her code opens it"
    );
    let stranger = device_key("mallory's laptop");
    assert!(
        read(&Keys {
            device: Some(&stranger),
            codes: &[]
        })
        .is_err()
    );

    // Progress back in. The server's key is the one its bundles are signed with.
    let server_key = open(
        std::io::Cursor::new(bytes.clone()),
        bytes.len() as u64,
        &Keys {
            device: Some(&ana_key),
            codes: &[],
        },
    )
    .unwrap()
    .signer;
    let put = |body: Vec<u8>| {
        server
            .http
            .put(format!("{}/v1/classes/{class_id}/bundle", server.url))
            .bearer_auth(&teacher)
            .body(body)
            .send()
    };
    // Ana's device writes progress and, slipped in, a note of hers "overwritten".
    let mut forged_note = Replica::new(b"ana-usb");
    forged_note.put_progress(r#"{"reviews":5}"#).unwrap();
    forged_note.put_note(&note("n1", "overwritten")).unwrap();
    let ids = [DocId::progress(), DocId::note("n1")];
    let from_ana = sealed_bundle(
        &ana_key,
        &[To::Key(server_key.clone())],
        &mut forged_note,
        &ids,
    );
    // A byte altered anywhere: refused.
    let mut altered = from_ana.clone();
    let middle = altered.len() / 2;
    altered[middle] ^= 1;
    assert_eq!(
        put(altered).await.unwrap().status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let taken = put(from_ana).await.unwrap();
    assert_eq!(taken.status(), StatusCode::OK);
    let taken: Value = taken.json().await.unwrap();
    assert_eq!(taken["student"]["name"], "Ana", "{taken}");
    // Only the summary merged: her note is as she wrote it.
    let mut fresh = Replica::new(b"ana-2");
    server.sync(&ana_access, &ana_id, &mut fresh, 0).await;
    assert_eq!(fresh.notes().unwrap()[0].body, "Ana's private diary");
    // A stranger's progress, sealed to the server, naming Ana: no one's.
    let mut theirs = Replica::new(b"mallory");
    theirs.put_progress(r#"{"reviews":99}"#).unwrap();
    let forged = sealed_bundle(
        &stranger,
        &[To::Key(server_key.clone())],
        &mut theirs,
        &[DocId::progress()],
    );
    let refused = put(forged).await.unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    // Written with Ana's code (her laptop that never met the server): hers. The code
    // files that progress and nothing more: that laptop's key signs in nowhere.
    let usb_laptop = device_key("Ana's other laptop");
    let with_code = sealed_bundle(
        &usb_laptop,
        &[To::Key(server_key), To::Code(ana_code)],
        &mut theirs,
        &[DocId::progress()],
    );
    let taken = put(with_code).await.unwrap();
    assert_eq!(taken.status(), StatusCode::OK);
    let taken: Value = taken.json().await.unwrap();
    assert_eq!(taken["student"]["name"], "Ana", "{taken}");
    assert!(
        !server
            .store
            .device_keys_of(&ana_id)
            .await
            .unwrap()
            .contains(&usb_laptop.public())
    );
    let (status, _) = server
        .call(
            Method::POST,
            "/v1/auth/device",
            None,
            Some(
                server
                    .answer(&usb_laptop, &Purpose::SignIn, "Ana", "Ana's other laptop")
                    .await,
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// Media count against an account's quota (files and bytes; a file begun counts its
/// whole size), refused with the `full` code; an upload begun and left is swept, and
/// its room comes back.
async fn media_quotas_hold_and_uploads_left_are_swept(backend: Backend) {
    let server = start(
        backend,
        Config {
            quota_media: 2,
            quota_bytes: 1000,
            ..Config::default()
        },
    )
    .await;
    let ada = server.add("ada", Role::Learner).await;
    let access = server.access("ada", "laptop").await;
    let put = |bytes: Vec<u8>, size: usize| {
        let sha = hex(&Sha256::digest(&bytes));
        let request = server
            .http
            .put(format!(
                "{}/v1/media/{ada}/{sha}?size={size}&offset=0",
                server.url
            ))
            .bearer_auth(&access)
            .body(bytes);
        async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            (
                status,
                response.json::<Value>().await.unwrap_or(Value::Null),
                sha,
            )
        }
    };
    let (status, _, _) = put(vec![1; 300], 300).await;
    assert_eq!(status, StatusCode::OK);
    // Past the bytes: a file whose size would pass 1000, even sent in a small part.
    let (status, body, _) = put(vec![2; 10], 800).await;
    assert_eq!(status, StatusCode::INSUFFICIENT_STORAGE, "{body}");
    assert_eq!(body["code"], "full", "{body}");
    // Begun and left: half of a 600-byte file.
    let whole = vec![3u8; 600];
    let sha = hex(&Sha256::digest(&whole));
    let response = server
        .http
        .put(format!(
            "{}/v1/media/{ada}/{sha}?size=600&offset=0",
            server.url
        ))
        .bearer_auth(&access)
        .body(whole[..300].to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // Two files now: a third is refused, small as it is.
    let (status, body, _) = put(vec![4; 5], 5).await;
    assert_eq!(status, StatusCode::INSUFFICIENT_STORAGE, "{body}");
    let used = server.store.usage(&ada).await.unwrap();
    assert_eq!((used.media, used.bytes), (2, 900));
    // Swept (as the server does when it has waited its lifetime): the room is back.
    let swept = server.store.sweep_partial(now_ms() + 1).await.unwrap();
    assert_eq!(swept, 1);
    assert!(
        server
            .store
            .media_state(&ada, &sha)
            .await
            .unwrap()
            .is_none()
    );
    let (status, body, _) = put(vec![4; 5], 5).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // A whole file is never swept.
    assert_eq!(server.store.sweep_partial(now_ms() + 1).await.unwrap(), 0);
    assert_eq!(server.store.usage(&ada).await.unwrap().media, 2);
}

/// Names are compared as they look: a look-alike of a classmate's name (another
/// script's letters, another case, extra spaces) is that classmate's name, so it is
/// refused to anyone else and finds the same account for its owner.
async fn look_alike_names_are_one_name(backend: Backend) {
    use reqwest::Method;
    let server = start(backend, Config::default()).await;
    server.add("Ms Rivera", Role::Teacher).await;
    let teacher = server.access("MS  RIVERA", "laptop").await;
    let (_, class) = server
        .call(
            Method::POST,
            "/v1/classes",
            Some(&teacher),
            Some(json!({ "name": "Y7" })),
        )
        .await;
    let code = class["code"].as_str().unwrap().to_owned();
    let (status, ana) = join(&server, &code, "Ana María", "ana's laptop", None).await;
    assert_eq!(status, StatusCode::OK, "{ana}");
    // Cyrillic А, full-width letters, another case: someone else cannot have it.
    for look_alike in ["Аna María", "ANA MARÍA", "Ａｎａ María", "ana   maría"] {
        let (status, body) = join(&server, &code, look_alike, "mallory's laptop", None).await;
        assert_eq!(status, StatusCode::CONFLICT, "{look_alike:?}: {body}");
    }
    // Ana's own device, typing it another way, is Ana.
    let (status, again) = join(&server, &code, "ana maría", "ana's laptop", None).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert_eq!(again["user"]["id"], ana["user"]["id"]);
    assert_eq!(again["user"]["name"], "Ana María");
    // Not a name at all.
    let (status, _) = join(&server, &code, "a\u{200b}\u{0}b", "x", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // A name of 64 letters of any script is a name.
    let (status, body) = join(&server, &code, &"ж".repeat(64), "zh", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                #[ignore = "needs PostgreSQL: SATCHEL_TEST_DATABASE_URL (cargo xtask test starts one)"]
                async fn $name() {
                    super::$name(super::Backend::Postgres).await
                }
            )*
        }
    };
}

/// Two server instances in front of one PostgreSQL are interchangeable: a token one
/// signed is good at the other, and devices syncing through either, at once, meet.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: SATCHEL_TEST_DATABASE_URL (cargo xtask test starts one)"]
async fn two_instances_on_one_postgresql_are_interchangeable() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let url = fresh_postgres().await;
    let one = start_on(
        Store::open_postgres(&url).await.unwrap(),
        Config::default(),
        tempfile::tempdir().unwrap(),
    )
    .await;
    let two = start_on(
        Store::open_postgres(&url).await.unwrap(),
        Config::default(),
        tempfile::tempdir().unwrap(),
    )
    .await;
    let ada = one.add("ada", Role::Learner).await;
    let laptop_access = one.access("ada", "laptop").await;
    // Signed in at one, used at the other.
    let family_access = one.access("ada", "family").await;
    assert_eq!(two.me(&family_access).await.0, StatusCode::OK);

    let mut laptop = Replica::new(b"laptop");
    let mut family = Replica::new(b"family");
    for i in 0..30 {
        laptop
            .put_note(&note(&format!("l{i}"), "From the laptop."))
            .unwrap();
        family
            .put_note(&note(&format!("f{i}"), "From the family computer."))
            .unwrap();
    }
    // Both at once, each through its own instance.
    let ((laptop_cursor, _), (family_cursor, _)) = tokio::join!(
        one.sync(&laptop_access, &ada, &mut laptop, 0),
        two.sync(&family_access, &ada, &mut family, 0),
    );
    one.sync(&laptop_access, &ada, &mut laptop, laptop_cursor)
        .await;
    two.sync(&family_access, &ada, &mut family, family_cursor)
        .await;
    assert_eq!(laptop.notes().unwrap().len(), 60);
    assert_eq!(laptop.notes().unwrap(), family.notes().unwrap());
}

on_both_stores!(
    a_learner_signs_in_and_refresh_tokens_rotate,
    a_forged_or_tampered_token_is_refused,
    an_expired_token_is_refused,
    a_learner_cannot_read_another_learners_documents,
    two_devices_meet_through_the_server,
    media_arrive_in_parts_and_resume,
    requests_past_the_rate_limit_wait,
    a_lesson_reaches_the_class_and_progress_comes_back,
    a_password_change_ends_every_sign_in,
    join_codes_expire_and_claims_work_once,
    devices_sign_in_with_their_own_keys,
    bundles_carry_lessons_and_progress_of_their_own_students_only,
    media_quotas_hold_and_uploads_left_are_swept,
    look_alike_names_are_one_name,
    a_student_forging_the_teachers_changes_cannot_change_a_lesson_or_stall_it,
);

/// Names kept before names had keys get theirs when the store opens; of two
/// look-alikes kept before, the first keeps the name and the second keeps its account
/// (found by id, no longer by a look-alike of the name).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn names_kept_before_keys_get_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.sqlite3");
    drop(Store::open_sqlite(&path).await.unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    for (id, name, at) in [("u1", "Ana", 1), ("u2", "АNA", 2)] {
        conn.execute(
            "INSERT INTO users (id, name, password_hash, role, created_at) VALUES (?1, ?2, '!', 'learner', ?3)",
            rusqlite::params![id, name, at],
        )
        .unwrap();
    }
    drop(conn);
    let store = Store::open_sqlite(&path).await.unwrap();
    assert_eq!(store.user_by_name("ana").await.unwrap().unwrap().id, "u1");
    let second = store.user("u2").await.unwrap().unwrap();
    assert_eq!(second.name, "АNA");
    let taken = store
        .add_user(&satchel_server::store::User {
            id: "u3".into(),
            name: "ANA".into(),
            password_hash: "!".into(),
            role: Role::Learner,
        })
        .await;
    assert!(taken.is_err(), "a look-alike of a kept name was added");
}

/// The server's own secrets are sealed under a key kept outside the database: a copy of
/// the database alone holds none of them in clear, and does not open without the key.
/// A server's secrets kept in plain before are sealed, unchanged, once it has a key.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_servers_secrets_are_sealed_under_a_key_kept_outside() {
    use satchel_server::store::StoreError;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.sqlite3");
    let plain = Store::open_sqlite(&path).await.unwrap();
    let signing = plain.signing_key().await.unwrap();
    drop(plain);

    let key = [7u8; 32];
    let sealed = Store::open_sqlite(&path)
        .await
        .unwrap()
        .sealing_secrets(key);
    assert_eq!(
        sealed.signing_key().await.unwrap(),
        signing,
        "the same key, sealed"
    );
    let pem = b"-----BEGIN PRIVATE KEY----- the server's own".to_vec();
    assert_eq!(sealed.tls_identity(pem.clone()).await.unwrap(), pem);
    let bundle = sealed.bundle_key().await.unwrap();
    drop(sealed);

    let conn = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = conn.prepare("SELECT key, value FROM settings").unwrap();
    let kept: Vec<(String, Vec<u8>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(kept.len(), 3, "{kept:?}");
    for (name, value) in &kept {
        assert!(
            value.starts_with(b"satchel-sealed-1:"),
            "{name} is in plain"
        );
        for secret in [&signing, &pem, &bundle] {
            assert!(
                !value.windows(secret.len()).any(|w| w == secret.as_slice()),
                "{name} holds a secret in clear"
            );
        }
    }
    drop(stmt);
    drop(conn);
    let without = Store::open_sqlite(&path).await.unwrap();
    assert!(matches!(
        without.signing_key().await,
        Err(StoreError::Secrets(_))
    ));
    let other = Store::open_sqlite(&path)
        .await
        .unwrap()
        .sealing_secrets([8u8; 32]);
    let refused = other.bundle_key().await;
    assert!(
        matches!(refused, Err(StoreError::Secrets(_))),
        "{:?}",
        refused.err()
    );
}

/// A PostgreSQL reached with `sslmode=require` (or libpq's `verify-full`) is reached over
/// TLS, its certificate verified: with the authority that signed it the connection is
/// encrypted (as the database itself reports); without it, or with another, the server
/// does not start on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL with TLS: SATCHEL_TEST_DATABASE_URL and SATCHEL_TEST_DATABASE_CA (cargo xtask test starts one)"]
async fn postgresql_is_reached_over_tls_when_asked() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let ca = std::fs::read(
        std::env::var("SATCHEL_TEST_DATABASE_CA")
            .expect("SATCHEL_TEST_DATABASE_CA names the test database's CA"),
    )
    .unwrap();
    let url = fresh_postgres().await;
    let plain = Store::open_postgres(&url).await.unwrap();
    assert!(!plain.database_tls().await.unwrap());
    for mode in ["require", "verify-full"] {
        let tls_url = format!("{url}?sslmode={mode}");
        let store = Store::open_postgres_with_ca(&tls_url, Some(&ca))
            .await
            .unwrap();
        assert!(store.database_tls().await.unwrap(), "{mode}: not over TLS");
        // It works as any store does.
        let id =
            satchel_server::add_account(&store, &format!("over {mode}"), PASSWORD, Role::Learner)
                .await
                .unwrap()
                .id;
        assert!(store.user(&id).await.unwrap().is_some());
        // A certificate no known authority signed: refused.
        let stranger = rcgen::generate_simple_self_signed(vec!["elsewhere".into()])
            .unwrap()
            .cert
            .pem();
        for roots in [None, Some(stranger.as_bytes())] {
            let refused = Store::open_postgres_with_ca(&tls_url, roots).await;
            assert!(refused.is_err(), "{mode}: an unverified database was used");
        }
    }
}
