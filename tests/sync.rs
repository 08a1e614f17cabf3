//! Three devices of one learner and a sync server on loopback, with faults between
//! them: answers dropped after the server acted, and the server killed mid-request
//! and started again. Each device writes cards and notes and reviews offline, and
//! they sync in a random order. At the end every device holds the same cards, notes
//! and schedules, and every review made anywhere.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use satchel_e2e::SYNC_PASSWORD as PASSWORD;
use satchel_e2e::{Cli, SyncServer as Server};
use satchel_test_kit::{PASSPHRASE, Rng, wav};
use serde_json::Value;

/// What the proxy does to the next answer that comes back from the server.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fault {
    None = 0,
    /// The server acted, but its answer never arrives.
    DropAnswer = 1,
    /// The server is killed as it answers, and started again half a second later.
    Restart = 2,
}

/// A TCP proxy between the devices and the server that injects [`Fault`]s.
struct Proxy {
    port: u16,
    fault: Arc<AtomicU32>,
    /// Answers (reads from the server, near enough) to let through before the fault.
    skip: Arc<AtomicU32>,
    injected: Arc<AtomicU32>,
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    let mut buf = [0u8; 16 * 1024];
    while let Ok(n) = from.read(&mut buf) {
        if n == 0 || to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}

impl Proxy {
    fn start(server_port: u16, server: Arc<Mutex<Server>>, data: PathBuf) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let fault = Arc::new(AtomicU32::new(Fault::None as u32));
        let injected = Arc::new(AtomicU32::new(0));
        let skip = Arc::new(AtomicU32::new(0));
        let (fault_in, injected_in, skip_in) = (fault.clone(), injected.clone(), skip.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(upstream) = TcpStream::connect(("127.0.0.1", server_port)) else {
                    // The server is down: the device sees a connection closed.
                    continue;
                };
                let (fault, injected, skip, server, data) = (
                    fault_in.clone(),
                    injected_in.clone(),
                    skip_in.clone(),
                    server.clone(),
                    data.clone(),
                );
                std::thread::spawn(move || {
                    let (Ok(client_read), Ok(upstream_write)) =
                        (client.try_clone(), upstream.try_clone())
                    else {
                        return;
                    };
                    std::thread::spawn(move || pipe(client_read, upstream_write));
                    let mut upstream = upstream;
                    let mut client = client;
                    let mut buf = [0u8; 16 * 1024];
                    loop {
                        let n = match upstream.read(&mut buf) {
                            Ok(0) | Err(_) => break,
                            Ok(n) => n,
                        };
                        // The server has answered: it acted on the request.
                        let armed = fault.load(Ordering::SeqCst) != Fault::None as u32;
                        let now = if armed
                            && skip
                                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |k| {
                                    k.checked_sub(1)
                                })
                                .is_err()
                        {
                            fault.swap(Fault::None as u32, Ordering::SeqCst)
                        } else {
                            Fault::None as u32
                        };
                        if now != Fault::None as u32 {
                            injected.fetch_add(1, Ordering::SeqCst);
                            let _ = client.shutdown(Shutdown::Both);
                            let _ = upstream.shutdown(Shutdown::Both);
                            if now == Fault::Restart as u32 {
                                let mut running = server.lock().unwrap();
                                running.kill();
                                std::thread::sleep(Duration::from_millis(500));
                                *running = Server::start(&data, server_port);
                            }
                            break;
                        }
                        if client.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = client.shutdown(Shutdown::Write);
                });
            }
        });
        Proxy {
            port,
            fault,
            skip,
            injected,
        }
    }

    /// `fault` on the answer after `skip` others: the sign-in's refresh, or a round.
    fn arm(&self, fault: Fault, skip: u32) {
        self.skip.store(skip, Ordering::SeqCst);
        self.fault.store(fault as u32, Ordering::SeqCst);
    }
}

fn device(root: &Path, name: &str, url: &str) -> Cli {
    let cli = Cli::new(&root.join(name))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", PASSWORD);
    cli.json(&["profile", "create", "Ada"]);
    cli.json(&["login", "--server", url, "--user", "ada"]);
    cli
}

/// Answers up to `n` cards due on this device; returns how many it answered.
fn review(cli: &Cli, n: usize, rng: &mut Rng) -> usize {
    let ratings = ["again", "hard", "good", "easy"];
    let mut answered = 0;
    for _ in 0..n {
        let next = cli.json(&["review", "next"]);
        let Some(id) = next["card"]["id"].as_str() else {
            break;
        };
        let rating = ratings[rng.below(4) as usize];
        cli.json(&["review", "answer", id, rating, "--time-ms", "3000"]);
        answered += 1;
    }
    answered
}

/// A card's media are the same files everywhere, kept under each device's own ids.
fn without_blob_ids(mut cards: Vec<Value>) -> Vec<Value> {
    for card in &mut cards {
        if let Some(media) = card["media"].as_array_mut() {
            for item in media {
                item["blob_id"] = Value::Null;
            }
        }
    }
    cards
}

/// 2.6 MB of 16-bit mono sound, noisy enough not to compress away.
fn long_wav(rng: &mut Rng) -> Vec<u8> {
    const RATE: u32 = 16_000;
    let samples: Vec<i16> = (0..RATE * 82)
        .map(|_| rng.below(4_000) as i16 - 2_000)
        .collect();
    wav::bytes(RATE, &samples).unwrap()
}

/// A sync server on loopback with one learner, "ada": the server, and its address.
fn server_with_ada(root: &Path) -> (Server, PathBuf, u16, String) {
    let data = root.join("server");
    Server::add_learner(&data, "ada");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Server::start(&data, port);
    let url = server.url.clone();
    (server, data, port, url)
}

fn cards(cli: &Cli) -> Vec<Value> {
    let mut cards: Vec<Value> = cli.json(&["card", "list"]).as_array().unwrap().clone();
    cards.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    cards
}

fn notes(cli: &Cli) -> Vec<(String, String)> {
    let mut notes: Vec<(String, String)> = cli
        .json(&["note", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let id = n["id"].as_str().unwrap().to_owned();
            let body = cli.json(&["note", "show", &id])["body"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            (id, body)
        })
        .collect();
    notes.sort();
    notes
}

#[test]
fn three_devices_and_a_server_with_faults_converge_and_lose_no_review() {
    let seed: u64 = std::env::var("SATCHEL_SYNC_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_5a7c_4e1f);
    println!("seed {seed} (SATCHEL_SYNC_SEED replays it)");
    // The devices' reviews and the faults, replayable from the seed.
    let mut rng = Rng::new(seed);
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("server");
    Server::add_learner(&data, "ada");
    let server_port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Arc::new(Mutex::new(Server::start(&data, server_port)));
    // The proxy's threads hold the server too: it is stopped here, pass or fail.
    struct StopAtEnd(Arc<Mutex<Server>>);
    impl Drop for StopAtEnd {
        fn drop(&mut self) {
            self.0.lock().unwrap_or_else(|p| p.into_inner()).kill();
        }
    }
    let _stop = StopAtEnd(server.clone());
    let proxy = Proxy::start(server_port, server.clone(), data.clone());
    let url = server
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .url_via(proxy.port);

    let devices: Vec<Cli> = ["laptop", "family", "school"]
        .iter()
        .map(|name| device(root.path(), name, &url))
        .collect();
    // Offline, each writes its own cards and a note.
    let decks = ["French", "Maths", "Biology"];
    for (i, cli) in devices.iter().enumerate() {
        for j in 0..4 {
            cli.json(&[
                "card",
                "add",
                "--front",
                &format!("{} question {j}", decks[i]),
                "--back",
                &format!("answer {j}"),
                "--deck",
                decks[i],
            ]);
        }
        cli.json(&[
            "note",
            "add",
            "--title",
            &format!("{} notes", decks[i]),
            "--text",
            &format!("What the {} device learnt.", decks[i]),
        ]);
    }
    // A card with a picture and a long sound (2.6 MB: sent in parts), made offline on
    // the laptop.
    let picture = root.path().join("cat.png");
    std::fs::write(&picture, satchel_e2e::anki::CAT_PNG).unwrap();
    let sound = root.path().join("lesson.wav");
    std::fs::write(&sound, long_wav(&mut rng)).unwrap();
    devices[0].json(&[
        "card",
        "add",
        "--front",
        "What does the cat say?",
        "--back",
        "miaou",
        "--deck",
        "French",
        "--front-media",
        picture.to_str().unwrap(),
        "--back-media",
        sound.to_str().unwrap(),
    ]);
    // A text brought into the family computer's library.
    let reading = root.path().join("rivers.md");
    std::fs::write(
        &reading,
        "# Rivers\n\nRivers carry sand to the sea, where it settles into deltas.\n",
    )
    .unwrap();
    let brought = devices[1].json(&["ingest", reading.to_str().unwrap()]);
    let source_id = brought["id"].as_str().unwrap().to_owned();
    let mut reviews_made = 0;
    for cli in &devices {
        reviews_made += review(cli, 3, &mut rng);
    }

    // Syncs in a random order, with faults, and reviews in between.
    let mut failed_syncs = 0;
    for step in 0..12 {
        let i = rng.below(3) as usize;
        let fault = match rng.below(4) {
            0 => Fault::DropAnswer,
            1 => Fault::Restart,
            _ => Fault::None,
        };
        proxy.arm(fault, rng.below(3) as u32);
        let out = devices[i].run(&["sync", "--json"]);
        let ok = out.status.success();
        if !ok {
            failed_syncs += 1;
            let error = String::from_utf8_lossy(&out.stderr);
            assert!(
                error.contains("did not answer") || error.contains("failed several times"),
                "step {step}: a sync failed for another reason: {error}"
            );
        }
        println!(
            "step {step}: device {i}, fault {fault:?}: {}",
            if ok {
                "synced"
            } else {
                "failed (retried later)"
            }
        );
        proxy.arm(Fault::None, 0);
        reviews_made += review(&devices[rng.below(3) as usize], 2, &mut rng);
    }
    println!(
        "{} faults injected, {failed_syncs} syncs gave up; {reviews_made} reviews made",
        proxy.injected.load(Ordering::SeqCst)
    );
    assert!(
        proxy.injected.load(Ordering::SeqCst) >= 3,
        "too few faults to mean anything"
    );

    // The network behaves again: two rounds of syncs bring everyone level.
    for _ in 0..2 {
        for cli in &devices {
            cli.json(&["sync"]);
        }
    }
    let first_cards = cards(&devices[0]);
    let first_notes = notes(&devices[0]);
    assert_eq!(first_cards.len(), 13, "every card everywhere");
    assert_eq!(first_notes.len(), 3, "every note everywhere");
    for (i, cli) in devices.iter().enumerate() {
        assert_eq!(
            without_blob_ids(cards(cli)),
            without_blob_ids(first_cards.clone()),
            "device {i}'s cards and schedules"
        );
        // The card's picture and sound arrived whole.
        let card = cards(cli)
            .into_iter()
            .find(|c| c["front"] == "What does the cat say?")
            .unwrap();
        for (media, original) in card["media"]
            .as_array()
            .unwrap()
            .iter()
            .zip([&picture, &sound])
        {
            let copy = root.path().join(format!("copy-{i}"));
            cli.json(&[
                "card",
                "media",
                media["blob_id"].as_str().unwrap(),
                "--output",
                copy.to_str().unwrap(),
            ]);
            assert_eq!(
                std::fs::read(&copy).unwrap(),
                std::fs::read(original).unwrap(),
                "device {i}: {}",
                media["name"]
            );
        }
        assert_eq!(notes(cli), first_notes, "device {i}'s notes");
        let stats = cli.json(&["stats"]);
        assert_eq!(
            stats["total_reviews"], reviews_made,
            "device {i} holds every review made anywhere"
        );
        // The text brought in on the family computer, its words and its original.
        let source = cli.json(&["source", "show", &source_id]);
        assert_eq!(source["title"], "rivers", "device {i}");
        assert_eq!(source["status"], "ready", "device {i}");
        assert!(
            source["text"].as_str().unwrap().contains("deltas"),
            "device {i}: {source}"
        );
        let copy = root.path().join(format!("original-{i}"));
        cli.json(&[
            "source",
            "original",
            &source_id,
            "--output",
            copy.to_str().unwrap(),
        ]);
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            std::fs::read(&reading).unwrap(),
            "device {i}'s original"
        );
        let status = cli.json(&["sync", "status"]);
        assert_eq!(status["pending"], 0, "device {i}: {status}");
        assert_eq!(status["last_error"], Value::Null);
    }
    // A note deleted on one device goes from the others.
    let maths = devices[2]
        .json(&["note", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["title"] == "Maths notes")
        .map(|n| n["id"].as_str().unwrap().to_owned())
        .unwrap();
    devices[2].ok(&["note", "rm", &maths]);
    // So does a source.
    devices[0].ok(&["source", "rm", &source_id]);
    for _ in 0..2 {
        for cli in &devices {
            cli.json(&["sync"]);
        }
    }
    for (i, cli) in devices.iter().enumerate() {
        let left: Vec<(String, String)> = notes(cli);
        assert_eq!(left.len(), 2, "device {i}: {left:?}");
        assert!(left.iter().all(|(id, _)| *id != maths), "device {i}");
        assert!(
            !cli.run(&["source", "show", &source_id]).status.success(),
            "device {i} still has the deleted source"
        );
    }
    println!(
        "converged: 13 cards (one with a picture and a 2.6 MB sound), 3 notes, a text and its original, {reviews_made} reviews on each device, 0 lost"
    );
}

/// The same Anki deck brought in on two devices is one deck when they meet: its cards
/// have the same ids everywhere, and so do the reviews it carried.
#[test]
fn the_same_anki_deck_brought_in_on_two_devices_is_one_after_sync() {
    use satchel_e2e::anki::{EXPECTED, write_apkg};
    let root = tempfile::tempdir().unwrap();
    let (_server, _, _, url) = server_with_ada(root.path());
    let deck = root.path().join("french.apkg");
    write_apkg(&deck, true);
    let devices: Vec<Cli> = ["laptop", "family"]
        .iter()
        .map(|name| device(root.path(), name, &url))
        .collect();
    for cli in &devices {
        cli.json(&["import-anki", deck.to_str().unwrap()]);
    }
    for _ in 0..2 {
        for cli in &devices {
            cli.json(&["sync"]);
        }
    }
    let first = without_blob_ids(cards(&devices[0]));
    assert_eq!(first.len(), EXPECTED.cards as usize, "{first:?}");
    for cli in &devices {
        assert_eq!(without_blob_ids(cards(cli)), first);
        assert_eq!(cli.json(&["stats"])["total_reviews"], EXPECTED.reviews);
    }
}

/// Signing in and syncing fail in plain words, and a failed sync loses nothing: the
/// changes wait and go with the next one.
#[test]
fn sign_in_and_sync_failures_are_clear_and_lose_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (mut server, data, port, url) = server_with_ada(root.path());
    let cli = Cli::new(&root.path().join("laptop")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Ada"]);
    let stderr = |args: &[&str], password: &str| {
        let out = cli.clone().env("SATCHEL_PASSWORD", password).run(args);
        assert!(!out.status.success(), "{args:?} succeeded");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };

    let error = stderr(&["sync"], PASSWORD);
    assert!(error.contains("sign in to a sync server first"), "{error}");
    let error = stderr(
        &["login", "--server", &url, "--user", "ada"],
        "wrong password!",
    );
    assert!(
        error.contains("that name and password do not match"),
        "{error}"
    );
    let error = stderr(
        &["login", "--server", "ftp://school", "--user", "ada"],
        PASSWORD,
    );
    assert!(error.contains("starts with https://"), "{error}");
    let dead = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let error = stderr(
        &[
            "login",
            "--server",
            &format!("http://127.0.0.1:{dead}"),
            "--user",
            "ada",
        ],
        PASSWORD,
    );
    assert!(error.contains("did not answer"), "{error}");
    assert_eq!(cli.json(&["sync", "status"])["account"], Value::Null);

    let cli = cli.clone().env("SATCHEL_PASSWORD", PASSWORD);
    cli.json(&["login", "--server", &url, "--user", "ada"]);
    cli.json(&["sync"]);
    server.kill();
    cli.json(&[
        "card", "add", "--front", "chien", "--back", "dog", "--deck", "French",
    ]);
    let error = stderr(&["sync"], PASSWORD);
    assert!(error.contains("did not answer"), "{error}");
    assert!(error.contains("nothing is lost"), "{error}");
    let status = cli.json(&["sync", "status"]);
    assert!(status["pending"].as_u64().unwrap() >= 1, "{status}");
    assert!(
        status["last_error"]
            .as_str()
            .unwrap()
            .contains("did not answer"),
        "{status}"
    );

    let _server = Server::start(&data, port);
    let synced = cli.json(&["sync"]);
    assert!(synced["rounds"].as_u64().unwrap() >= 1, "{synced}");
    // With nothing new on either side, a sync (in a new process, with no sync state
    // in memory) is one quiet round: documents unchanged since the last sync are not
    // spoken of.
    for i in 0..30 {
        cli.json(&[
            "note",
            "add",
            "--title",
            &format!("Note {i}"),
            "--text",
            "words",
        ]);
    }
    cli.json(&["sync"]);
    let quiet = cli.json(&["sync"]);
    println!("a quiet sync over 33 documents: {quiet}");
    assert_eq!(quiet["rounds"], 1, "{quiet}");
    assert!(quiet["bytes_sent"].as_u64().unwrap() < 100, "{quiet}");
    let status = cli.json(&["sync", "status"]);
    assert_eq!(status["pending"], 0, "{status}");
    assert_eq!(status["last_error"], Value::Null);
    cli.json(&["logout"]);
    assert_eq!(cli.json(&["sync", "status"])["account"], Value::Null);
}

/// A server with room for few documents: a sync past the quota is refused with a clear
/// error and the server keeps what it had; the device keeps everything. With more room
/// (the same data, a new quota), the same sync sends it all, and another device gets it.
#[test]
fn a_full_account_refuses_clearly_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let data = root.join("server");
    Server::add_learner(&data, "ada");
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let server = Server::start_with(&data, &listen, &["--quota-docs", "4"]);
    let laptop = device(root, "laptop", &server.url);
    for i in 0..8 {
        laptop.json(&[
            "note",
            "add",
            "--title",
            &format!("Note {i}"),
            "--text",
            &format!("Written on the laptop, number {i}."),
        ]);
    }
    let out = laptop.run(&["sync", "--json"]);
    assert!(!out.status.success(), "a sync past the quota went through");
    let said: Value = serde_json::from_slice(&out.stderr).unwrap();
    println!("{said}");
    assert_eq!(said["error"]["code"], "full", "{said}");
    assert!(
        said["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nothing was lost"),
        "{said}"
    );
    let written = notes(&laptop);
    assert_eq!(written.len(), 8);

    drop(server);
    let server = Server::start_with(&data, &listen, &["--quota-docs", "1000"]);
    laptop.json(&["sync"]);
    let phone = device(root, "phone", &server.url);
    phone.json(&["sync"]);
    assert_eq!(
        notes(&phone),
        written,
        "every note reached the other device"
    );
}
