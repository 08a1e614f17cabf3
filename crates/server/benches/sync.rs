//! Issue 8's load figures, against one server on loopback:
//!
//! - **Load**: N learners' devices (500 unless `SATCHEL_BENCH_CLIENTS` says) sync at
//!   once, each making a review and syncing, several times over: requests a second and
//!   the latency of a request (p50, p99) and of a whole sync. On the embedded SQLite
//!   and, when `SATCHEL_BENCH_DATABASE_URL` names one, on PostgreSQL.
//! - **Catch-up**: a new device of a learner whose other device made 10k reviews, each
//!   its own change, syncs from nothing, against the anchor: the same two replicas
//!   syncing in memory (Automerge's own protocol, no HTTP and no database).
//! - **Bytes per review**: what one review costs on the wire in a sync (both ways, all
//!   rounds), against the anchor: the size of its Automerge change alone.
//!
//! The devices here are `satchel-sync` replicas (what the app keeps in its encrypted
//! store), and their tokens are minted with the server's key: the benchmark measures
//! sync, not sign-in. Run with `cargo xtask bench sync`.

use std::time::{Duration, Instant};

use satchel_server::auth::{Claims, Keys};
use satchel_server::store::{Role, Store, User};
use satchel_server::{AppState, Config};
use satchel_sync::{Batch, Card, DocId, Replica, Review};
use satchel_test_kit::{Samples, median};

const ROUNDS_PER_CLIENT: usize = 4;
const CARDS_PER_CLIENT: usize = 20;
const CATCH_UP_REVIEWS: usize = 10_000;
const DAY: i64 = 86_400_000;
const START: i64 = 20_400 * DAY;

struct Server {
    url: String,
    keys: Keys,
    store: Store,
    _stop: tokio::sync::oneshot::Sender<()>,
}

async fn start(store: Store) -> Server {
    let config = Config {
        requests_per_minute: 1_000_000,
        ..Config::default()
    };
    let keys = Keys::new(&store.signing_key().await.expect("the store answers"));
    let state = AppState::new(store.clone(), config)
        .await
        .expect("the server starts");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(satchel_server::serve(listener, state, async move {
        let _ = stopped.await;
    }));
    Server {
        url,
        keys,
        store,
        _stop: stop,
    }
}

impl Server {
    /// A learner and a token for one of their devices.
    async fn learner(&self, name: &str, hash: &str) -> (String, String) {
        let id = uuid::Uuid::now_v7().to_string();
        self.store
            .add_user(&User {
                id: id.clone(),
                name: name.to_owned(),
                password_hash: hash.to_owned(),
                role: Role::Learner,
            })
            .await
            .expect("a learner is added");
        let now = START / 1000;
        let token = self
            .keys
            .sign(&Claims {
                sub: id.clone(),
                name: name.to_owned(),
                role: Role::Learner,
                device: format!("{name}-laptop"),
                iat: now,
                exp: i64::MAX / 2,
            })
            .expect("a token");
        (id, token)
    }
}

/// One device's sync: rounds until neither side has anything to say.
struct Synced {
    request_latencies: Vec<Duration>,
    whole: Duration,
    bytes: u64,
}

async fn sync(
    http: &reqwest::Client,
    url: &str,
    token: &str,
    replica: &mut Replica,
    cursor: &mut i64,
) -> Synced {
    let started = Instant::now();
    let mut synced = Synced {
        request_latencies: Vec::new(),
        whole: Duration::ZERO,
        bytes: 0,
    };
    for _ in 0..64 {
        let out = replica.sync_out("server");
        let body = out.encode();
        let sent = Instant::now();
        let response = http
            .post(url)
            .bearer_auth(token)
            .header("satchel-cursor", cursor.to_string())
            .body(body.clone())
            .send()
            .await
            .expect("the server answers");
        assert!(response.status().is_success(), "{}", response.status());
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<i64>().ok())
        };
        let next = header("satchel-cursor");
        let more = header("satchel-more") == Some(1);
        let bytes = response.bytes().await.expect("an answer");
        synced.request_latencies.push(sent.elapsed());
        synced.bytes += (body.len() + bytes.len()) as u64;
        if let Some(next) = next {
            *cursor = next;
        }
        let reply = Batch::decode(&bytes).expect("an answer that reads");
        let quiet = out.is_empty() && reply.is_empty() && !more;
        replica
            .sync_in("server", reply)
            .expect("the answer applies");
        if quiet {
            synced.whole = started.elapsed();
            return synced;
        }
    }
    panic!("sync did not settle");
}

fn review(id: String, card: usize, at: i64) -> Review {
    Review {
        id,
        card_id: format!("card-{card}"),
        reviewed_at: at,
        rating: 3,
        kind: "review".into(),
        elapsed_days: 3,
        duration_ms: 4_000,
        stability: 12.5,
        difficulty: 5.1,
        due: at + 12 * DAY,
        origin: "satchel".into(),
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// N devices syncing at once; prints the figures.
async fn load(label: &str, store: Store, clients: usize) {
    let server = start(store).await;
    let hash = satchel_server::auth::hash_password("not used: tokens are minted").expect("a hash");
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()
        .expect("a client");
    let mut devices = Vec::new();
    for i in 0..clients {
        let (id, token) = server.learner(&format!("learner-{i}"), &hash).await;
        let mut replica = Replica::new(format!("device-{i}").as_bytes());
        for c in 0..CARDS_PER_CLIENT {
            replica
                .put_card(&Card {
                    id: format!("card-{c}"),
                    deck_id: "deck-french".into(),
                    kind: "basic".into(),
                    front: format!("mot {c}"),
                    back: format!("word {c}"),
                    suspended: false,
                    deleted: false,
                    generator: String::new(),
                    choices: Vec::new(),
                    media: Vec::new(),
                })
                .expect("a card");
        }
        devices.push((format!("{}/v1/sync/{id}", server.url), token, replica, 0i64));
    }
    // Everyone's first sync (their cards reach the server), not timed.
    let mut tasks = Vec::new();
    for (url, token, mut replica, mut cursor) in devices {
        let http = http.clone();
        tasks.push(tokio::spawn(async move {
            sync(&http, &url, &token, &mut replica, &mut cursor).await;
            (url, token, replica, cursor)
        }));
    }
    let mut devices = Vec::new();
    for task in tasks {
        devices.push(task.await.expect("a device"));
    }

    let started = Instant::now();
    let mut tasks = Vec::new();
    for (i, (url, token, mut replica, mut cursor)) in devices.into_iter().enumerate() {
        let http = http.clone();
        tasks.push(tokio::spawn(async move {
            let mut requests = Vec::new();
            let mut wholes = Vec::new();
            let mut bytes = 0;
            for round in 0..ROUNDS_PER_CLIENT {
                let at = START + (round as i64) * 3_600_000;
                replica
                    .add_review(&review(
                        format!("r-{i}-{round}"),
                        round % CARDS_PER_CLIENT,
                        at,
                    ))
                    .expect("a review");
                let synced = sync(&http, &url, &token, &mut replica, &mut cursor).await;
                requests.extend(synced.request_latencies);
                wholes.push(synced.whole);
                bytes += synced.bytes;
            }
            (requests, wholes, bytes)
        }));
    }
    let mut requests = Vec::new();
    let mut wholes = Vec::new();
    let mut bytes = 0u64;
    for task in tasks {
        let (r, w, b) = task.await.expect("a device");
        requests.extend(r);
        wholes.extend(w);
        bytes += b;
    }
    let elapsed = started.elapsed();
    let (requests, wholes) = (Samples::new(requests), Samples::new(wholes));
    let reviews = clients * ROUNDS_PER_CLIENT;
    println!();
    println!(
        "load on {label}: {clients} devices at once, {ROUNDS_PER_CLIENT} reviews each, each followed by a sync"
    );
    println!(
        "  {} requests in {:.2} s: {:.0} requests/s, {:.0} reviews synced/s",
        requests.len(),
        elapsed.as_secs_f64(),
        requests.len() as f64 / elapsed.as_secs_f64(),
        reviews as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  request latency p50 {:.1} ms, p99 {:.1} ms; whole sync p50 {:.1} ms, p99 {:.1} ms",
        ms(requests.percentile(0.5).expect("requests")),
        ms(requests.percentile(0.99).expect("requests")),
        ms(wholes.percentile(0.5).expect("syncs")),
        ms(wholes.percentile(0.99).expect("syncs"))
    );
    println!(
        "  bytes on the wire per review (with its sync's every round): {:.0}",
        bytes as f64 / reviews as f64
    );
}

/// Catch-up of 10k changes and bytes per review, against Automerge in memory.
async fn catch_up(store: Store) {
    let server = start(store).await;
    let hash = satchel_server::auth::hash_password("not used").expect("a hash");
    let (id, token) = server.learner("ada", &hash).await;
    let url = format!("{}/v1/sync/{id}", server.url);
    let http = reqwest::Client::new();
    let mut laptop = Replica::new(b"laptop");
    for i in 0..CATCH_UP_REVIEWS {
        // Spread over a year: twelve month documents.
        let at = START + (i as i64) * (365 * DAY / CATCH_UP_REVIEWS as i64);
        laptop
            .add_review(&review(format!("r-{i:05}"), i % 500, at))
            .expect("a review");
        // Each its own change, as if each had been made and kept on its own.
        laptop.save_incremental(&DocId::reviews_of_month(at));
    }
    let mut cursor = 0;
    let pushed = sync(&http, &url, &token, &mut laptop, &mut cursor).await;

    // The anchor: the same history from a fresh copy to a new replica, in memory.
    let mut anchor_times = Vec::new();
    let mut satchel_times = Vec::new();
    let mut satchel_bytes = 0;
    for _ in 0..3 {
        let mut source = Replica::new(b"laptop-copy");
        for id in laptop.doc_ids().cloned().collect::<Vec<DocId>>() {
            let bytes = laptop.save(&id).expect("a document");
            source.load(id, &bytes).expect("it loads");
        }
        let mut fresh = Replica::new(b"anchor");
        let started = Instant::now();
        for _ in 0..64 {
            let a = source.sync_out("fresh");
            let b = fresh.sync_out("source");
            if a.is_empty() && b.is_empty() {
                break;
            }
            fresh.sync_in("source", a).expect("applies");
            source.sync_in("fresh", b).expect("applies");
        }
        anchor_times.push(started.elapsed());
        assert_eq!(
            fresh.review_log().expect("a log").reviews.len(),
            CATCH_UP_REVIEWS
        );

        let mut phone = Replica::new(b"phone");
        let mut phone_cursor = 0;
        let synced = sync(&http, &url, &token, &mut phone, &mut phone_cursor).await;
        satchel_times.push(synced.whole);
        satchel_bytes = synced.bytes;
        assert_eq!(
            phone.review_log().expect("a log").reviews.len(),
            CATCH_UP_REVIEWS
        );
    }
    let satchel = median(satchel_times).expect("catch-ups");
    let anchor = median(anchor_times).expect("catch-ups");
    println!();
    println!(
        "{:<64} {:>10} {:>10} {:>8}",
        "figure", "satchel", "anchor", "ratio"
    );
    println!(
        "{:<64} {:>9.0}ms {:>9.0}ms {:>8.1}",
        format!("catch-up of {CATCH_UP_REVIEWS} changes by a new device (median of 3)"),
        ms(satchel),
        ms(anchor),
        satchel.as_secs_f64() / anchor.as_secs_f64()
    );
    println!(
        "{:<64} {:>10}",
        "  its bytes on the wire",
        format!("{} kB", satchel_bytes / 1000)
    );
    println!(
        "{:<64} {:>10}",
        "  the first device's upload of them",
        format!("{:.0}ms", ms(pushed.whole))
    );

    // One review, then a sync: its bytes against its Automerge change alone.
    let month = DocId::reviews_of_month(START + 365 * DAY);
    let mut wire = Vec::new();
    let mut change = Vec::new();
    for i in 0..20 {
        let _ = laptop.save_incremental(&month);
        laptop
            .add_review(&review(format!("one-more-{i}"), i, START + 365 * DAY))
            .expect("a review");
        change.push(laptop.save_incremental(&month).len() as u64);
        wire.push(
            sync(&http, &url, &token, &mut laptop, &mut cursor)
                .await
                .bytes,
        );
    }
    let (w, c) = (
        median(wire).expect("syncs"),
        median(change).expect("changes"),
    );
    println!(
        "{:<64} {:>9}B {:>9}B {:>8.1}",
        "bytes on the wire for one review's sync (median of 20)",
        w,
        c,
        w as f64 / c as f64
    );
}

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let clients: usize = std::env::var("SATCHEL_BENCH_CLIENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let dir = tempfile::tempdir().expect("a folder");
        let sqlite = Store::open_sqlite(&dir.path().join("load.sqlite3"))
            .await
            .expect("SQLite opens");
        load("SQLite", sqlite, clients).await;
        if let Ok(url) = std::env::var("SATCHEL_BENCH_DATABASE_URL") {
            let postgres = Store::open_postgres(&url).await.expect("PostgreSQL opens");
            load("PostgreSQL", postgres, clients).await;
        }
        let sqlite = Store::open_sqlite(&dir.path().join("catch-up.sqlite3"))
            .await
            .expect("SQLite opens");
        catch_up(sqlite).await;
    });
}
