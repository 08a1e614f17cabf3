//! A classroom on a shared Wi-Fi, watched and attacked from it: a recording proxy sits
//! between a student's app and the class server. What it sees is TLS, with no code,
//! name, note or token in clear; and a server posing as the teacher's at the same
//! address gets nothing from a student who joined the real one, nor from one joining
//! with the teacher's link for the first time.

use std::path::Path;

use satchel_e2e::{Cli, RecordingProxy, SYNC_PASSWORD, SyncServer, refusal, tls_records};
use satchel_test_kit::PASSPHRASE;
use serde_json::Value;

const APPLICATION_DATA: u8 = 23;

fn profile(root: &Path, name: &str) -> Cli {
    let cli = Cli::new(&root.join(name))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", SYNC_PASSWORD);
    cli.json(&["profile", "create", name]);
    cli
}

/// A class server with a teacher and a class: the server and the class's code.
fn class_server(root: &Path, dir: &str) -> (SyncServer, String) {
    let data = root.join(dir);
    SyncServer::add_user(&data, "Ms Rivera", "teacher");
    let server = SyncServer::start_with(&data, "127.0.0.1:0", &[]);
    let teacher = profile(root, &format!("{dir}-teacher"));
    teacher.json(&["login", "--server", &server.url, "--user", "Ms Rivera"]);
    let class = teacher.json(&["class", "create", "Year 7 Science"]);
    let code = class["code"].as_str().unwrap().to_owned();
    (server, code)
}

fn join_link(port: u16, code: &str, fingerprint: &str) -> String {
    format!("https://127.0.0.1:{port}/join#code={code}&sha256={fingerprint}")
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[test]
fn the_classroom_exchange_is_tls_with_nothing_in_clear() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (server, code) = class_server(root, "real");
    let proxy = RecordingProxy::start(server.port);

    let ben = profile(root, "Benedikt Okonkwo");
    let joined = ben.json(&[
        "class",
        "join",
        &join_link(proxy.port, &code, &server.fingerprint),
    ]);
    assert_eq!(joined["name"], "Year 7 Science");
    let note = "Chloroplasts turn sunlight into sugar";
    ben.json(&["note", "add", "--title", "Leaves", "--text", note]);
    ben.json(&[
        "card",
        "add",
        "--front",
        "Where does photosynthesis happen?",
        "--back",
        "In the chloroplasts",
    ]);
    let synced = ben.json(&["sync"]);
    assert!(synced["bytes_sent"].as_u64().unwrap_or(0) > 500, "{synced}");

    let capture = proxy.capture();
    println!(
        "{} bytes over {} connections recorded",
        capture.len(),
        proxy.connections()
    );
    assert!(capture.len() > 4000, "too little went through the proxy");
    // It was TLS, and the app spoke through it.
    let streams = proxy.streams.lock().unwrap().clone();
    assert!(
        streams
            .iter()
            .all(|s| tls_records(&s.to_server).first().map(|r| r.0) == Some(22)),
        "a connection did not start with a TLS handshake"
    );
    assert!(streams.iter().any(|s| {
        tls_records(&s.to_server)
            .iter()
            .any(|r| r.0 == APPLICATION_DATA && r.1 > 200)
    }));
    let code_with_dash = format!("{}-{}", &code[..3], &code[3..]);
    for secret in [
        code.as_str(),
        code_with_dash.as_str(),
        "Benedikt",
        "Okonkwo",
        "Year 7 Science",
        "Chloroplasts",
        "sunlight",
        "photosynthesis",
        "Bearer",
        "eyJ",
        "refresh_token",
        "password",
        "/v1/",
    ] {
        assert!(
            !contains(&capture, secret),
            "{secret:?} crossed the network in clear"
        );
    }
}

#[test]
fn a_server_posing_as_the_teachers_gets_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (real, code) = class_server(root, "real");
    let (impostor, _) = class_server(root, "impostor");
    assert_ne!(real.fingerprint, impostor.fingerprint);
    let proxy = RecordingProxy::start(real.port);
    let link = join_link(proxy.port, &code, &real.fingerprint);

    let ben = profile(root, "Ben");
    ben.json(&["class", "join", &link]);
    ben.json(&[
        "note",
        "add",
        "--title",
        "Cells",
        "--text",
        "Cells have walls",
    ]);
    ben.json(&["sync"]);

    // Someone takes the class server's place on the network.
    proxy.retarget(impostor.port);
    let before = proxy.connections();
    ben.json(&["note", "add", "--title", "Secrets", "--text", "My diary"]);
    let (code_refused, message) = refusal(&ben, &["sync"]);
    println!("{message}");
    assert_eq!(code_refused, "untrusted", "{message}");
    assert!(
        message.contains("not the one this device knows"),
        "{message}"
    );

    // A student joining for the first time with the teacher's link fails too.
    let cai = profile(root, "Cai");
    let (code_refused, message) = refusal(&cai, &["class", "join", &link]);
    assert_eq!(code_refused, "untrusted", "{message}");
    assert_eq!(
        cai.json(&["sync", "status"])["account"],
        Value::Null,
        "Cai was signed in to the impostor"
    );

    // Typing the address instead shows the impostor's words, which are not the
    // teacher's: the student has something to compare, and nothing was sent.
    let typed = format!("127.0.0.1:{}", proxy.port);
    let (code_refused, message) = refusal(&cai, &["class", "join", &code, "--server", &typed]);
    assert_eq!(code_refused, "confirm_server", "{message}");
    let teachers_words = satchel_core::fingerprint_words(&real.fingerprint);
    let impostors_words = satchel_core::fingerprint_words(&impostor.fingerprint);
    assert!(message.contains(&impostors_words), "{message}");
    assert!(!message.contains(&teachers_words), "{message}");

    // Nothing but a handshake broken off reached the impostor from either student:
    // past the hello, one encrypted alert at most (a request, with its token or
    // secret, would be hundreds of bytes).
    let streams = proxy.streams.lock().unwrap().clone();
    assert!(streams.len() > before, "no one tried the impostor");
    for (i, stream) in streams[before..].iter().enumerate() {
        let records = tls_records(&stream.to_server);
        let encrypted: Vec<usize> = records
            .iter()
            .filter(|r| r.0 == APPLICATION_DATA)
            .map(|r| r.1)
            .collect();
        println!("connection {i} to the impostor: {records:?}");
        assert_eq!(records.first().map(|r| r.0), Some(22), "{records:?}");
        assert!(
            encrypted.len() <= 1 && encrypted.iter().all(|&n| n <= 64),
            "connection {i} to the impostor carried more than an alert: {records:?}"
        );
    }
}

#[test]
fn plain_http_is_only_for_a_proxy_on_this_machine() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        std::process::Command::new(satchel_e2e::binary("SATCHEL_SERVER_BIN", "satchel-server"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(["--insecure-http", "--listen", "0.0.0.0:0"])
            .output()
            .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("loopback"), "{said}");
    // The fingerprint a server prints is the one it serves with, start after start.
    let data = dir.path().join("server");
    let printed =
        std::process::Command::new(satchel_e2e::binary("SATCHEL_SERVER_BIN", "satchel-server"))
            .args(["fingerprint", "--data-dir"])
            .arg(&data)
            .output()
            .unwrap();
    let printed = String::from_utf8_lossy(&printed.stdout).trim().to_owned();
    let server = SyncServer::start_with(&data, "127.0.0.1:0", &[]);
    assert_eq!(printed, server.fingerprint);
    assert_eq!(printed.len(), 64);
    // Its private key is sealed in its database, under a key kept beside it for this
    // user alone: the database copied alone gives nothing away.
    for file in ["server.sqlite3", "server.sqlite3-wal"] {
        let bytes = std::fs::read(data.join(file)).unwrap_or_default();
        assert!(
            !contains(&bytes, "PRIVATE KEY"),
            "{file} holds the server's private key in clear"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("secrets.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}

/// A sign-in that ends (every refresh token revoked on the server, as a password
/// change or an expiry does) is renewed with the device's key: the student, who has no
/// password, and the teacher, whose laptop added its key after the password sign-in,
/// both sync on without being asked for anything.
#[test]
fn an_ended_sign_in_is_renewed_with_the_devices_key() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (server, code) = class_server(root, "server");
    let link = join_link(server.port, &code, &server.fingerprint);
    let ben = profile(root, "Ben");
    ben.json(&["class", "join", &link]);
    assert_eq!(ben.json(&["sync", "status"])["account"]["device_key"], true);
    let teacher = Cli::new(&root.join("server-teacher"))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", "not the password any more");
    assert_eq!(
        teacher.json(&["sync", "status"])["account"]["device_key"],
        true
    );

    let db = rusqlite::Connection::open(root.join("server").join("server.sqlite3")).unwrap();
    db.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
    let revoked = db
        .execute("UPDATE refresh_tokens SET revoked = TRUE", [])
        .unwrap();
    assert!(revoked >= 2, "{revoked}");

    for cli in [&ben, &teacher] {
        let synced = cli.json(&["sync"]);
        println!("{synced}");
        assert!(
            cli.json(&["sync", "status"])["last_error"].is_null(),
            "{synced}"
        );
    }
    let keys: i64 = db
        .query_row("SELECT COUNT(*) FROM device_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(keys, 2, "one key for each device");
}

/// A school's server with a certificate from an authority the system trusts needs no
/// pin: the app verifies it against the system's roots (here an authority given as
/// `SSL_CERT_FILE`), signs in, joins its key and signs in again with it under the name
/// the server is known by (`--public-name`). Without that authority among the roots, the
/// same server is one to compare words with, and nothing is sent.
#[test]
fn a_school_server_vouched_for_by_an_authority_needs_no_pin() {
    use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, IsCa, KeyPair};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let key = KeyPair::generate().unwrap();
    let cert = CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&key, &ca)
        .unwrap();
    let (ca_file, cert_file, key_file) = (
        root.join("ca.pem"),
        root.join("cert.pem"),
        root.join("key.pem"),
    );
    std::fs::write(&ca_file, ca.pem()).unwrap();
    std::fs::write(&cert_file, cert.pem()).unwrap();
    std::fs::write(&key_file, key.serialize_pem()).unwrap();

    let data = root.join("school");
    SyncServer::add_user(&data, "ada", "learner");
    let server = SyncServer::start_with(
        &data,
        "127.0.0.1:0",
        &[
            "--tls-cert",
            &cert_file.display().to_string(),
            "--tls-key",
            &key_file.display().to_string(),
            "--public-name",
            "localhost",
        ],
    );
    let address = format!("https://localhost:{}", server.port);

    let stranger = profile(root, "Stranger");
    let (code, message) = refusal(&stranger, &["login", "--server", &address, "--user", "ada"]);
    assert_eq!(code, "confirm_server", "{message}");

    let ada = Cli::new(&root.join("Ada"))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", SYNC_PASSWORD)
        .env("SSL_CERT_FILE", &ca_file.display().to_string());
    ada.json(&["profile", "create", "Ada"]);
    ada.json(&["login", "--server", &address, "--user", "ada"]);
    let account = ada.json(&["sync", "status"])["account"].clone();
    assert_eq!(account["fingerprint"], Value::Null, "{account}");
    assert_eq!(account["device_key"], true, "{account}");
    ada.json(&[
        "note",
        "add",
        "--title",
        "Rivers",
        "--text",
        "Rivers carry sand.",
    ]);
    ada.json(&["sync"]);

    // Every sign-in ended: the device's key signs in again, for "host:localhost".
    let db = rusqlite::Connection::open(data.join("server.sqlite3")).unwrap();
    db.busy_timeout(std::time::Duration::from_secs(10)).unwrap();
    db.execute("UPDATE refresh_tokens SET revoked = TRUE", [])
        .unwrap();
    ada.json(&["sync"]);
    assert!(ada.json(&["sync", "status"])["last_error"].is_null());
}
