//! A hostile server on the classroom network, posing as a sync server: it answers a
//! sign-in with an answer that never ends. The app reads a bounded amount, says what
//! happened, and keeps nothing of it.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use satchel_e2e::Cli;
use satchel_test_kit::PASSPHRASE;

/// Serves one connection: whatever is asked, 200 and 256 MiB of JSON-looking bytes.
fn endless_server() -> (String, std::thread::JoinHandle<u64>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let serving = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
            line.clear();
        }
        let mut stream = stream;
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n[",
        );
        let chunk = vec![b'1'; 1 << 20];
        let mut sent = 0u64;
        for _ in 0..256 {
            if stream.write_all(&chunk).is_err() {
                break;
            }
            sent += chunk.len() as u64;
        }
        sent
    });
    (url, serving)
}

#[test]
fn an_answer_without_end_is_cut_off_and_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(dir.path())
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", "a long enough password");
    cli.json(&["profile", "create", "Ada"]);
    let (url, serving) = endless_server();
    let out = cli.run(&["login", "--server", &url, "--user", "ada", "--json"]);
    let sent = serving.join().unwrap();
    let error = String::from_utf8_lossy(&out.stderr);
    println!(
        "the server got {} MiB out; the app said {error}",
        sent >> 20
    );
    assert!(!out.status.success());
    assert!(error.contains("larger than 8 MB"), "{error}");
    // It stopped reading long before the end.
    assert!(sent < 64 << 20, "{sent} bytes were taken in");
    // Nothing of it was kept: the profile is not signed in anywhere.
    let status = cli.json(&["sync", "status"]);
    assert!(status["account"].is_null(), "{status}");
}
