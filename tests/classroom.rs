//! The classroom end to end, on loopback: a teacher's class server, a teacher and 30
//! students (each a profile of its own, driven through the CLI). A lesson assigned
//! reaches every student, whether they joined before or after it; their reviews come
//! back into the class report; a student of another class sees nothing of it. Then the
//! server is found by mDNS from another process, and two devices that never meet on a
//! network converge by carrying bundles, and a tampered bundle is refused.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use satchel_e2e::SYNC_PASSWORD as PASSWORD;
use satchel_e2e::{Cli, SyncServer as Server, refusal};
use satchel_test_kit::PASSPHRASE;
use serde_json::Value;

const STUDENTS: usize = 30;
/// Students who join before the lesson is assigned; the rest join after.
const EARLY: usize = 20;

fn lesson_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample-lesson/water-cycle.md")
}

fn profile(root: &Path, name: &str) -> Cli {
    let cli = Cli::new(&root.join(name))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", PASSWORD);
    cli.json(&["profile", "create", name]);
    cli
}

/// The teacher's library, signed in to the class server at `url`: a lesson's notes
/// and their study pack. Returns the teacher, the source and its cards.
fn teacher_with_lesson(root: &Path, url: &str) -> (Cli, String, usize) {
    let teacher = profile(root, "Ms Rivera");
    teacher.json(&["login", "--server", url, "--user", "Ms Rivera"]);
    let ingested = teacher.json(&[
        "ingest",
        "--language",
        "en",
        &lesson_file().display().to_string(),
    ]);
    let source = ingested["id"].as_str().unwrap().to_owned();
    let pack = teacher.json(&["pack", &source]);
    assert_eq!(pack["state"], "ready", "{pack:#}");
    let lesson_cards = pack["cards"].as_array().unwrap().len();
    assert!(lesson_cards >= 2, "a pack of {lesson_cards} cards");
    (teacher, source, lesson_cards)
}

/// Runs `work` for each of `items` on a few threads (the machine has two cores; the
/// CLI mostly waits on key derivation and the server).
fn each<T: Sync>(items: &[T], work: impl Fn(usize, &T) + Sync) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..3 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    work(i, item);
                }
            });
        }
    });
}

#[test]
#[ignore = "needs the embedding model for the lesson's study pack; `cargo xtask test` provides it"]
fn a_lesson_reaches_thirty_students_and_their_reviews_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let data = root.join("class-server");
    Server::add_user(&data, "Ms Rivera", "teacher");
    Server::add_user(&data, "Mr Okafor", "teacher");
    let server = Server::start_with(&data, "127.0.0.1:0", &[]);
    let url = server.url.clone();

    let (teacher, source, lesson_cards) = teacher_with_lesson(root, &url);
    let class = teacher.json(&["class", "create", "Year 7 Science"]);
    let code = class["code"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 6);

    // Another teacher's class, with a student of its own.
    let other = profile(root, "Mr Okafor");
    other.json(&["login", "--server", &url, "--user", "Mr Okafor"]);
    let other_class = other.json(&["class", "create", "History"]);
    let outsider = profile(root, "Dev");
    let joined = outsider.json(&[
        "class",
        "join",
        other_class["code"].as_str().unwrap(),
        "--server",
        &url,
    ]);
    assert_eq!(joined["name"], "History");

    let names: Vec<String> = (1..=STUDENTS).map(|i| format!("Student {i:02}")).collect();
    let students: Vec<Cli> = names.iter().map(|n| profile(root, n)).collect();
    let join = |i: usize, student: &Cli| {
        // Typed in lower case with a dash, as a student might.
        let typed = format!("{}-{}", &code[..3], &code[3..]).to_lowercase();
        let class = student.json(&["class", "join", &typed, "--server", &url]);
        assert_eq!(class["name"], "Year 7 Science", "student {i}");
        assert!(
            class.get("code").is_none(),
            "a student is not shown the code"
        );
    };
    each(&students[..EARLY], join);
    let assigned = teacher.json(&["class", "assign", &source]);
    assert_eq!(assigned["delivered"], EARLY as u64);
    each(&students[EARLY..], |i, s| join(i + EARLY, s));
    let roster = teacher.json(&["class", "roster"]);
    assert_eq!(roster.as_array().unwrap().len(), STUDENTS);

    // Every student has the lesson and its cards; even-numbered ones study all of it
    // well, odd-numbered ones fail the first card and stop.
    each(&students, |i, student| {
        student.json(&["sync"]);
        let lessons = student.json(&["class", "lessons"]);
        let lessons = lessons.as_array().unwrap();
        assert_eq!(lessons.len(), 1, "student {i}: {lessons:?}");
        assert_eq!(lessons[0]["teacher"], "Ms Rivera");
        assert_eq!(lessons[0]["cards"], lesson_cards as u64, "student {i}");
        let study = student.json(&["stats"]);
        assert!(
            study["study_now"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["lesson"]["id"] == lessons[0]["id"]),
            "student {i}: the lesson is in study now: {study:#}"
        );
        let cards: Vec<Value> = student.json(&["card", "list"]).as_array().unwrap().clone();
        assert_eq!(cards.len(), lesson_cards, "student {i}");
        let (take, rating) = if i.is_multiple_of(2) {
            (cards.len(), "good")
        } else {
            (1, "again")
        };
        for card in &cards[..take] {
            student.json(&[
                "review",
                "answer",
                card["id"].as_str().unwrap(),
                rating,
                "--time-ms",
                "4000",
            ]);
        }
        student.json(&["sync"]);
    });

    let csv = dir.path().join("report.csv");
    let report = teacher.json(&["class", "report", "--csv", csv.to_str().unwrap()]);
    let rows = report["students"].as_array().unwrap();
    assert_eq!(rows.len(), STUDENTS);
    assert_eq!(report["lessons"][0]["assigned"], STUDENTS as u64);
    // The same report for a spreadsheet, as Python's csv module reads it: a row a
    // student, their reviews as the report has them, a column a concept.
    let read = std::process::Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))",
        ])
        .arg(&csv)
        .output()
        .expect("python3 runs");
    let table: Vec<Vec<String>> = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(table.len(), STUDENTS + 1);
    assert_eq!(
        table[0].len(),
        7 + report["concepts"].as_array().unwrap().len()
    );
    for row in rows {
        let line = table
            .iter()
            .find(|line| line[0] == row["name"].as_str().unwrap())
            .unwrap_or_else(|| panic!("{} not in the CSV", row["name"]));
        assert_eq!(line[3], row["reviews"].to_string());
    }
    assert_eq!(
        report["lessons"][0]["done"],
        (STUDENTS / 2) as u64,
        "{report:#}"
    );
    assert_eq!(report["lessons"][0]["started"], (STUDENTS / 2) as u64);
    let concepts = report["concepts"].as_array().unwrap().len();
    assert!(concepts >= 1);
    let expected_reviews = |name: &str| {
        let i: usize = name
            .trim_start_matches("Student ")
            .parse::<usize>()
            .unwrap()
            - 1;
        if i.is_multiple_of(2) { lesson_cards } else { 1 }
    };
    for (row, mastery) in rows.iter().zip(report["mastery"].as_array().unwrap()) {
        let name = row["name"].as_str().unwrap();
        assert_eq!(row["reviews"], expected_reviews(name) as u64, "{name}");
        assert_eq!(mastery.as_array().unwrap().len(), concepts);
    }
    let struggling: Vec<&str> = report["struggling"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["student"].as_str().unwrap())
        .collect();
    let odd = |name: &str| expected_reviews(name) == 1;
    assert!(!struggling.is_empty(), "{report:#}");
    assert!(
        struggling.iter().all(|s| odd(s)),
        "only those who failed struggle: {struggling:?}"
    );
    println!(
        "class report: {} students, {} concepts, {} struggles",
        rows.len(),
        concepts,
        struggling.len()
    );

    // The student of another class got nothing of it.
    outsider.json(&["sync"]);
    assert_eq!(outsider.json(&["class", "lessons"]), serde_json::json!([]));
    assert_eq!(outsider.json(&["card", "list"]), serde_json::json!([]));
    assert_eq!(outsider.json(&["source", "list"]), serde_json::json!([]));
    // Nor can a student read the report.
    let refused = students[0].run(&["class", "report"]);
    assert!(!refused.status.success());
    // Nor make a class: the server's refusal reaches the student as what it is, not as
    // an internal failure.
    let refused = students[0].run(&["class", "create", "Mine now", "--json"]);
    assert!(!refused.status.success());
    let error: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&refused.stderr).trim()).unwrap();
    assert_eq!(error["error"]["code"], "forbidden", "{error}");

    // A student who left the school is taken out of the class: gone from the roster
    // and the report, and they keep the lesson they had.
    let leaving = &names[STUDENTS - 1];
    let removed = teacher.json(&["class", "remove-student", leaving]);
    assert_eq!(removed["name"], leaving.as_str());
    assert_eq!(
        teacher.json(&["class", "roster"]).as_array().unwrap().len(),
        STUDENTS - 1
    );
    let report = teacher.json(&["class", "report"]);
    let rows = report["students"].as_array().unwrap();
    assert_eq!(rows.len(), STUDENTS - 1);
    assert!(rows.iter().all(|r| r["name"] != leaving.as_str()));
    let left = &students[STUDENTS - 1];
    left.json(&["sync"]);
    assert_eq!(left.json(&["class", "list"]), serde_json::json!([]));
    assert_eq!(
        left.json(&["class", "lessons"]).as_array().unwrap().len(),
        1
    );
    let again = teacher.run(&["class", "remove-student", leaving]);
    assert!(!again.status.success(), "{leaving} was removed twice");
}

/// A class server advertised by mDNS is found by another process; where it is not
/// advertised (multicast blocked), joining says to type the address.
#[test]
fn a_class_server_is_found_on_the_local_network() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("Room {}", std::process::id());
    let _server = Server::start_with(
        &dir.path().join("server"),
        "0.0.0.0:0",
        &["--advertise", &name],
    );
    let port = _server.port;
    let cli = Cli::new(&dir.path().join("student"));
    let found = cli.json(&["class", "find", "--wait", "4"]);
    let ours: Vec<&Value> = found
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["name"] == name.as_str())
        .collect();
    assert_eq!(ours.len(), 1, "found {found:#}");
    let address = ours[0]["address"].as_str().unwrap();
    assert!(address.ends_with(&format!(":{port}")), "{address}");
    // The address found answers, and since discovery vouches for nothing, nothing is
    // sent to it before the learner has compared its fingerprint with the teacher's.
    let cli = cli
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", PASSWORD);
    cli.json(&["profile", "create", "Ada"]);
    let out = cli.run(&["login", "--server", address, "--user", "ada", "--json"]);
    assert!(!out.status.success());
    let error: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(error["error"]["code"], "confirm_server", "{error}");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.contains(&_server.fingerprint), "{message}");
}

/// Two devices of one learner that never meet on a network: each writes notes and
/// cards and reviews, and they carry bundles back and forth on a "USB stick" until both
/// hold the same. A bundle changed by one byte is refused, and nothing changes.
#[test]
fn a_usb_round_trip_converges_and_a_tampered_bundle_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let stick = root.join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let home = profile(root, "home");
    let school = profile(root, "school");
    home.json(&[
        "note",
        "add",
        "--title",
        "Rivers",
        "--text",
        "Rivers carry sand to the sea.",
    ]);
    home.json(&[
        "card",
        "add",
        "--front",
        "What carries sand?",
        "--back",
        "Rivers",
    ]);
    school.json(&[
        "note",
        "add",
        "--title",
        "Deltas",
        "--text",
        "Deltas form at river mouths.",
    ]);
    school.json(&[
        "card",
        "add",
        "--front",
        "Where do deltas form?",
        "--back",
        "At river mouths",
    ]);
    for cli in [&home, &school] {
        let cards = cli.json(&["card", "list"]);
        let id = cards[0]["id"].as_str().unwrap();
        cli.json(&["review", "answer", id, "good", "--time-ms", "2000"]);
    }

    let to_school = stick.join("home.satchel");
    let out = home.json(&["export-bundle", &to_school.display().to_string()]);
    assert!(out["docs"].as_u64().unwrap() >= 3, "{out}");
    let home_code = out["code"].as_str().unwrap().to_owned();
    // Sealed: nothing of the notes or cards in clear on the stick.
    let written = std::fs::read(&to_school).unwrap();
    for text in ["Rivers carry sand", "What carries sand", "Rivers"] {
        assert!(
            !written.windows(text.len()).any(|w| w == text.as_bytes()),
            "{text:?} is on the stick in clear"
        );
    }
    // The other computer cannot open it without the code, nor with a wrong one.
    let (code, message) = refusal(
        &school,
        &["import-bundle", &to_school.display().to_string()],
    );
    assert_eq!(code, "bundle_code", "{message}");
    let wrong = "1111-2222-3333-4444-5555-6666";
    let (code, _) = refusal(
        &school,
        &[
            "import-bundle",
            &to_school.display().to_string(),
            "--code",
            wrong,
        ],
    );
    assert_eq!(code, "bundle_code");

    // Tampered: one byte of the middle changed; refused whole, nothing changed.
    let mut bytes = std::fs::read(&to_school).unwrap();
    let tampered = stick.join("tampered.satchel");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&tampered, &bytes).unwrap();
    let refused = school.run(&[
        "import-bundle",
        &tampered.display().to_string(),
        "--code",
        &home_code,
    ]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(said.contains("altered"), "{said}");
    assert_eq!(school.json(&["note", "list"]).as_array().unwrap().len(), 1);

    // The code as a person types it: spaces for dashes.
    let typed = home_code.replace('-', " ");
    let merged = school.json(&[
        "import-bundle",
        &to_school.display().to_string(),
        "--code",
        &typed,
    ]);
    assert!(merged["notes"].as_u64().unwrap() >= 1, "{merged}");
    // Back again the other way, and a bundle taken in twice changes nothing (its
    // code is remembered after the first time).
    let to_home = stick.join("school.satchel");
    let out = school.json(&["export-bundle", &to_home.display().to_string()]);
    let school_code = out["code"].as_str().unwrap().to_owned();
    assert_ne!(school_code, home_code);
    home.json(&[
        "import-bundle",
        &to_home.display().to_string(),
        "--code",
        &school_code,
    ]);
    let again = home.json(&["import-bundle", &to_home.display().to_string()]);
    assert_eq!(again["docs"], 0, "{again}");

    let notes = |cli: &Cli| {
        let mut n: Vec<String> = cli
            .json(&["note", "list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["title"].as_str().unwrap().to_owned())
            .collect();
        n.sort();
        n
    };
    let cards = |cli: &Cli| {
        let mut c: Vec<(String, Option<i64>)> = cli
            .json(&["card", "list"])
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["front"].as_str().unwrap().to_owned(), c["due"].as_i64()))
            .collect();
        c.sort();
        c
    };
    assert_eq!(notes(&home), vec!["Deltas", "Rivers"]);
    assert_eq!(notes(&home), notes(&school));
    assert_eq!(cards(&home).len(), 2);
    assert_eq!(cards(&home), cards(&school), "the same cards and schedules");
}

/// A classroom with no network: the teacher adds a student by name, and the lesson goes
/// to the student's laptop on a USB stick and their progress comes back the same way,
/// into the report. A tampered bundle, or another learner's, is refused. When the
/// student later joins on a network, their account and everything on it converge.
#[test]
#[ignore = "needs the embedding model for the lesson's study pack; `cargo xtask test` provides it"]
fn lessons_go_out_and_progress_comes_back_on_a_usb_stick() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let stick = root.join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let on_stick = |name: &str| stick.join(name).display().to_string();
    let data = root.join("class-server");
    Server::add_user(&data, "Ms Rivera", "teacher");
    let server = Server::start_with(&data, "127.0.0.1:0", &[]);
    let url = server.url.clone();
    let (teacher, source, lesson_cards) = teacher_with_lesson(root, &url);
    let class = teacher.json(&["class", "create", "Year 7 Science"]);
    let code = class["code"].as_str().unwrap().to_owned();
    let eve = teacher.json(&["class", "add-student", "Eve"]);
    assert_eq!(eve["name"], "Eve");
    let claim = eve["claim_code"].as_str().unwrap().to_owned();
    assert_eq!(claim.len(), 8, "{eve}");
    assert_eq!(teacher.json(&["class", "assign", &source])["delivered"], 1);
    let out = teacher.json(&[
        "class",
        "export-bundle",
        &on_stick("eve-lessons.satchel"),
        "--student",
        "Eve",
    ]);
    let eve_code = out["code"].as_str().unwrap().to_owned();
    let roster = teacher.json(&["class", "roster"]);
    assert_eq!(roster[0]["bundle_code"], eve_code.as_str(), "{roster}");
    // Only lessons and progress, and sealed: the lesson's text is not on the stick.
    let written = std::fs::read(stick.join("eve-lessons.satchel")).unwrap();
    assert!(
        !written
            .windows(14)
            .any(|w| w == b"Photosynthesis" || w == b"photosynthesis"),
        "the lesson is on the stick in clear"
    );

    // Eve's laptop has never seen a network. Without her code the bundle does not open.
    let student = profile(root, "Eve");
    let (refused_as, _) = refusal(
        &student,
        &["import-bundle", &on_stick("eve-lessons.satchel")],
    );
    assert_eq!(refused_as, "bundle_code");
    let taken = student.json(&[
        "import-bundle",
        &on_stick("eve-lessons.satchel"),
        "--code",
        &eve_code,
    ]);
    assert_eq!(taken["cards"], lesson_cards as u64, "{taken}");
    let lessons = student.json(&["class", "lessons"]);
    assert_eq!(lessons.as_array().unwrap().len(), 1, "{lessons}");
    // Anyone who sees a stick Eve wrote learns her device key (the envelope, which
    // names its signer, is clear) and can seal a bundle to it: one signed by someone
    // her laptop does not know, naming itself as a class server, is refused, and
    // nothing of it merges.
    student.json(&["export-bundle", &on_stick("eve-early.satchel")]);
    let written = std::fs::read(stick.join("eve-early.satchel")).unwrap();
    let envelope_len = u32::from_le_bytes(written[16..20].try_into().unwrap()) as usize;
    let envelope: Value = serde_json::from_slice(&written[20..20 + envelope_len]).unwrap();
    let eve_key = envelope["signer"].as_str().unwrap().to_owned();
    let forger = satchel_sync::device::DeviceKey::generate().unwrap();
    let mut forged_docs = satchel_sync::Replica::new(b"forger");
    forged_docs
        .put_note(&satchel_sync::Note {
            id: "forged".into(),
            title: "Homework".into(),
            body: "Send your password to the forger.".into(),
            deleted: false,
        })
        .unwrap();
    let sealer = satchel_sync::sealed::Sealer::new(
        Vec::new(),
        &forger,
        &[satchel_sync::sealed::To::Key(eve_key)],
    )
    .unwrap();
    let mut out = satchel_sync::bundle::Writer::new(
        sealer,
        &serde_json::json!({ "learner": "Eve", "server_key": forger.public() }),
    )
    .unwrap();
    let note_id = satchel_sync::DocId::note("forged");
    out.doc(&note_id, &forged_docs.save(&note_id).unwrap())
        .unwrap();
    std::fs::write(
        stick.join("forged.satchel"),
        out.finish().unwrap().finish().unwrap(),
    )
    .unwrap();
    let refused = student.run(&["import-bundle", &on_stick("forged.satchel")]);
    assert!(!refused.status.success(), "a forged bundle was taken");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("signed by no one"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert!(
        student
            .json(&["note", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(lessons[0]["teacher"], "Ms Rivera");
    let cards: Vec<Value> = student.json(&["card", "list"]).as_array().unwrap().clone();
    for card in &cards {
        student.json(&[
            "review",
            "answer",
            card["id"].as_str().unwrap(),
            "good",
            "--time-ms",
            "3000",
        ]);
    }
    student.json(&[
        "export-bundle",
        "--progress",
        &on_stick("eve-progress.satchel"),
    ]);

    // Tampered on the way: refused, and the report has nothing of it.
    let mut bytes = std::fs::read(stick.join("eve-progress.satchel")).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(stick.join("tampered.satchel"), &bytes).unwrap();
    let refused = teacher.run(&["class", "import-bundle", &on_stick("tampered.satchel")]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("altered"));
    // A classmate's progress, sealed to the same server, is not taken as Eve's: it is
    // signed by his device, and Eve's code is not his.
    let zed = profile(root, "Zed");
    zed.json(&["class", "join", &code, "--server", &url]);
    let cards_of_zed: Vec<Value> = zed.json(&["card", "list"]).as_array().unwrap().clone();
    zed.json(&[
        "review",
        "answer",
        cards_of_zed[0]["id"].as_str().unwrap(),
        "good",
        "--time-ms",
        "3000",
    ]);
    zed.json(&["export-bundle", "--progress", &on_stick("zed.satchel")]);
    let refused = teacher.run(&[
        "class",
        "import-bundle",
        &on_stick("zed.satchel"),
        "--student",
        "Eve",
    ]);
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("not Eve's"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    // Nor is a learner's own bundle, which only their computers open.
    student.json(&["export-bundle", &on_stick("eve-own.satchel")]);
    let refused = teacher.run(&["class", "import-bundle", &on_stick("eve-own.satchel")]);
    assert!(!refused.status.success());
    let eve_in = |report: &Value| {
        report["students"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "Eve")
            .cloned()
            .unwrap()
    };
    let report = teacher.json(&["class", "report"]);
    assert_eq!(eve_in(&report)["reviews"], 0, "{report:#}");

    let taken = teacher.json(&["class", "import-bundle", &on_stick("eve-progress.satchel")]);
    assert_eq!(taken["student"]["name"], "Eve");
    let report = teacher.json(&["class", "report"]);
    assert_eq!(
        eve_in(&report)["reviews"],
        lesson_cards as u64,
        "{report:#}"
    );
    assert_eq!(report["lessons"][0]["done"], 1, "{report:#}");

    // Later, a network. Someone else who has the class's code cannot take Eve's
    // account by her name; Eve claims it with the one-time code the teacher gave her.
    let mallory = profile(root, "Mallory");
    let taken = mallory.run(&[
        "class", "join", &code, "--server", &url, "--name", "Eve", "--json",
    ]);
    assert!(!taken.status.success());
    assert!(
        String::from_utf8_lossy(&taken.stderr).contains("claim code"),
        "{}",
        String::from_utf8_lossy(&taken.stderr)
    );
    let guessed = mallory.run(&[
        "class", "join", &code, "--server", &url, "--name", "Eve", "--claim", "ABCDEFGH", "--json",
    ]);
    assert!(!guessed.status.success());
    // Nothing is doubled, and what she does now reaches the report by sync.
    let joined = student.json(&["class", "join", &code, "--server", &url, "--claim", &claim]);
    assert_eq!(joined["name"], "Year 7 Science");
    assert_eq!(
        student.json(&["card", "list"]).as_array().unwrap().len(),
        lesson_cards
    );
    assert_eq!(
        student
            .json(&["class", "lessons"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    student.json(&[
        "review",
        "answer",
        cards[0]["id"].as_str().unwrap(),
        "again",
        "--time-ms",
        "3000",
    ]);
    student.json(&["sync"]);
    let report = teacher.json(&["class", "report"]);
    assert_eq!(
        eve_in(&report)["reviews"],
        lesson_cards as u64 + 1,
        "{report:#}"
    );
    assert_eq!(
        report["students"].as_array().unwrap().len(),
        2,
        "Eve and Zed"
    );
    // The claim code worked once: used again (by anyone), it is refused.
    let again = mallory.run(&[
        "class", "join", &code, "--server", &url, "--name", "Eve", "--claim", &claim, "--json",
    ]);
    assert!(!again.status.success(), "a claim code worked twice");
}
