//! Shared pieces of Satchel's end-to-end tests: where the built binaries are, a
//! builder for CLI runs, and a small W3C WebDriver client for the real window.

pub mod anki;
pub mod webdriver;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use satchel_test_kit::text::postscript_escape;
use satchel_test_kit::tools::postscript_pdf;

/// A binary of the workspace: `$ENV` when set (xtask sets it), otherwise where
/// `cargo test --workspace` has just built it.
pub fn binary(env: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(env) {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("debug").join(name)
}

/// Runs `satchel` against one data directory, with the keychain switched off unless
/// a test asks for the real one.
#[derive(Clone)]
pub struct Cli {
    pub data_dir: PathBuf,
    envs: Vec<(String, String)>,
    removed: Vec<String>,
}

impl Cli {
    pub fn new(data_dir: &Path) -> Self {
        Self {
            data_dir: data_dir.to_owned(),
            envs: vec![("SATCHEL_KEYCHAIN".into(), "none".into())],
            removed: vec![
                "SATCHEL_PASSPHRASE".into(),
                "SATCHEL_PROFILE".into(),
                "SATCHEL_RECOVERY_CODE".into(),
                "SATCHEL_NEW_PASSPHRASE".into(),
                "SATCHEL_DATA_DIR".into(),
            ],
        }
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.envs.retain(|(k, _)| k != key);
        self.envs.push((key.into(), value.into()));
        self
    }

    pub fn without_env(mut self, key: &str) -> Self {
        self.envs.retain(|(k, _)| k != key);
        self.removed.push(key.into());
        self
    }

    /// The command, ready to run or spawn.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(binary("SATCHEL_CLI_BIN", "satchel"));
        command.arg("--data-dir").arg(&self.data_dir).args(args);
        for key in &self.removed {
            command.env_remove(key);
        }
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args)
            .output()
            .expect("the satchel binary runs (cargo build -p satchel-cli)")
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "satchel {args:?} failed ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8 output")
    }

    /// Runs, expects JSON on stdout, returns it parsed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let stdout = self.ok(&with_json);
        serde_json::from_str(stdout.trim())
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {stdout}"))
    }
}

/// Every file under `dir` whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(bytes) = std::fs::read(&path)
                && bytes.windows(needle.len()).any(|w| w == needle)
            {
                found.push(path);
            }
        }
    }
    found
}

/// Speech made by espeak-ng at a classroom pace, as a WAV file.
pub fn speak(text: &str, wav: &Path) {
    satchel_test_kit::tools::speak(text, wav).expect("espeak-ng speaks");
}

/// Plays `wav` where the test sound server's microphone hears it (`cargo xtask test`
/// starts that server and names its speaker in `SATCHEL_TEST_SPEAKER`); returns when
/// it has been played.
pub fn play_to_microphone(wav: &Path) {
    let speaker = std::env::var("SATCHEL_TEST_SPEAKER").expect(
        "SATCHEL_TEST_SPEAKER and PULSE_SERVER name the test sound server (cargo xtask test)",
    );
    let status = Command::new("paplay")
        .arg(format!("--device={speaker}"))
        .arg(wav)
        .status()
        .expect("paplay runs");
    assert!(status.success(), "paplay failed");
}

/// A picture of text for the OCR: each `(x, y, text)` drawn with its baseline at
/// (x, y) in 32 px DejaVu Sans, black on white (ImageMagick).
pub fn text_picture(out: &Path, width: u32, height: u32, lines: &[(u32, u32, &str)]) {
    let mut command = Command::new("convert");
    command
        .arg("-size")
        .arg(format!("{width}x{height}"))
        .args([
            "xc:white",
            "-font",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        ])
        .args(["-pointsize", "32", "-fill", "black"]);
    for (x, y, text) in lines {
        command.arg("-annotate").arg(format!("+{x}+{y}")).arg(text);
    }
    let status = command.arg(out).status().expect("ImageMagick runs");
    assert!(status.success(), "convert failed");
}

/// A PDF with a text layer, made by Ghostscript from PostScript: one page per entry
/// of `pages`, its lines in 12 pt Helvetica. `gs_args` adds options (encryption).
pub fn text_pdf(out: &Path, pages: &[&[&str]], gs_args: &[&str]) {
    let source: String = pages.iter().map(|lines| text_page(lines)).collect();
    postscript_pdf(&format!("%!PS\n{source}"), out, gs_args).expect("Ghostscript makes the PDF");
}

/// What a learner brings in, made here into `dir`: `board.png` (a photo of the
/// board), `Lecture.wav` (a recorded lesson, espeak-ng) and `Rivers.pdf` (a chapter of
/// two pages). The install and Windows tests use it, and [`LEARNING_QUERIES`] finds it.
pub fn learning_material(dir: &Path) {
    std::fs::create_dir_all(dir).expect("a folder for the material");
    text_picture(
        &dir.join("board.png"),
        900,
        200,
        &[(40, 120, "Volcanoes erupt molten lava")],
    );
    speak(
        "Good morning. Today we learn how the heart pumps blood.",
        &dir.join("Lecture.wav"),
    );
    text_pdf(
        &dir.join("Rivers.pdf"),
        &[
            &["Chapter one: mountains are made when plates collide."],
            &["Chapter two: a river carries sand and silt to the sea."],
        ],
        &[],
    );
}

/// A search by meaning for each of [`learning_material`]'s files: the query, the
/// kind of source it must find, and a passage the hit holds.
pub const LEARNING_QUERIES: [(&str, &str, &str); 3] = [
    (
        "where does a river take its sand",
        "document",
        "river carries sand",
    ),
    ("hot liquid rock coming out of a mountain", "image", "lava"),
    ("the organ that moves blood", "audio", "heart"),
];

/// A PDF of two pages: one typed (a text layer, 12 pt Helvetica), and one scanned —
/// a 1-bit picture of `scanned` drawn by [`text_picture`] on US Letter at 150 dpi, which
/// Ghostscript stores CCITT-compressed, as fax-style scanners do.
pub fn typed_and_scanned_pdf(out: &Path, typed: &[&str], scanned: &[(u32, u32, &str)]) {
    let png = out.with_extension("scan.png");
    let pbm = out.with_extension("scan.pbm");
    text_picture(&png, 1275, 1650, scanned);
    let status = Command::new("convert")
        .arg(&png)
        .args(["-threshold", "50%"])
        .arg(&pbm)
        .status()
        .expect("ImageMagick runs");
    assert!(status.success(), "convert failed");
    let bytes = std::fs::read(&pbm).expect("PBM written");
    // A raw PBM: "P4\n1275 1650\n", then the rows' bits.
    let bits = bytes.splitn(3, |&b| b == b'\n').nth(2).expect("a PBM");
    let hex: String = bits.iter().map(|b| format!("{b:02x}")).collect();
    let scan = format!(
        "gsave 612 792 scale\n\
         1275 1650 true [1275 0 0 -1650 0 1650] currentfile /ASCIIHexDecode filter imagemask\n\
         {hex}>\ngrestore showpage\n"
    );
    let source = format!(
        "%!PS\n<< /PageSize [612 792] >> setpagedevice\n{}{scan}",
        text_page(typed)
    );
    postscript_pdf(&source, out, &[]).expect("Ghostscript makes the PDF");
}

/// One page of PostScript: `lines` in 12 pt Helvetica from the top left.
fn text_page(lines: &[&str]) -> String {
    let mut page = String::from("/Helvetica findfont 12 scalefont setfont\n");
    for (i, line) in lines.iter().enumerate() {
        let line = postscript_escape(line);
        page.push_str(&format!("72 {} moveto ({line}) show\n", 720 - i * 18));
    }
    page.push_str("showpage\n");
    page
}

/// The password the sync tests give their server accounts.
pub const SYNC_PASSWORD: &str = "a long enough password";

/// A `satchel-server` on loopback with its data in `data`; killed when dropped.
pub struct SyncServer {
    child: Child,
    /// The port it listens on.
    pub port: u16,
    /// Its address as it prints it: `https://127.0.0.1:PORT/#sha256=…`, held to its
    /// certificate.
    pub url: String,
    /// The SHA-256 of its certificate (empty for plain HTTP).
    pub fingerprint: String,
}

impl SyncServer {
    /// Adds a learner account `name` (password [`SYNC_PASSWORD`]) to the server's data.
    pub fn add_learner(data: &Path, name: &str) {
        Self::add_user(data, name, "learner");
    }

    /// Adds an account `name` with `role` (password [`SYNC_PASSWORD`]).
    pub fn add_user(data: &Path, name: &str, role: &str) {
        Self::add_user_by(
            Command::new(binary("SATCHEL_SERVER_BIN", "satchel-server")),
            data,
            name,
            role,
        );
    }

    /// The same, by the server `program` is (another build, or one run by an emulator).
    pub fn add_user_by(mut program: Command, data: &Path, name: &str, role: &str) {
        let add = program
            .args(["user", "add", name, "--role", role, "--data-dir"])
            .arg(data)
            .env("SATCHEL_PASSWORD", SYNC_PASSWORD)
            .output()
            .expect("satchel-server runs (cargo build -p satchel-server)");
        assert!(
            add.status.success(),
            "{}",
            String::from_utf8_lossy(&add.stderr)
        );
    }

    /// Starts it on `port` and waits until it listens.
    pub fn start(data: &Path, port: u16) -> SyncServer {
        Self::start_with(data, &format!("127.0.0.1:{port}"), &[])
    }

    /// Starts it listening on `listen` with `args` more, and waits until it listens.
    pub fn start_with(data: &Path, listen: &str, args: &[&str]) -> SyncServer {
        Self::start_by(
            Command::new(binary("SATCHEL_SERVER_BIN", "satchel-server")),
            data,
            listen,
            args,
        )
    }

    /// The same, by the server `program` is (another build, or one run by an emulator).
    pub fn start_by(mut program: Command, data: &Path, listen: &str, args: &[&str]) -> SyncServer {
        let mut child = program
            .arg("--data-dir")
            .arg(data)
            .args(["--listen", listen])
            .args(args)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("satchel-server runs (cargo build -p satchel-server)");
        let mut line = String::new();
        if let Some(out) = child.stdout.take() {
            let _ = BufReader::new(out).read_line(&mut line);
        }
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("the server said {line:?}"))
            .to_owned();
        let (base, fingerprint) = url.split_once("/#sha256=").unwrap_or((&url, ""));
        let port = base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        let fingerprint = fingerprint.to_owned();
        SyncServer {
            child,
            port,
            url,
            fingerprint,
        }
    }

    /// Its address through something else listening on `port` (a proxy), held to
    /// the same certificate.
    pub fn url_via(&self, port: u16) -> String {
        format!("https://127.0.0.1:{port}/#sha256={}", self.fingerprint)
    }

    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SyncServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A TCP proxy on loopback that records every byte each way: the view of someone on
/// the classroom's Wi-Fi. Its target can be switched (a server replaced by another at
/// the same address).
pub struct RecordingProxy {
    pub port: u16,
    target: std::sync::Arc<std::sync::atomic::AtomicU16>,
    /// Per connection: what the client sent, and what came back.
    pub streams: std::sync::Arc<std::sync::Mutex<Vec<Recorded>>>,
}

/// One connection through a [`RecordingProxy`].
#[derive(Debug, Default, Clone)]
pub struct Recorded {
    pub to_server: Vec<u8>,
    pub to_client: Vec<u8>,
}

impl RecordingProxy {
    pub fn start(target: u16) -> Self {
        use std::sync::atomic::{AtomicU16, Ordering};
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().expect("an address").port();
        let target = Arc::new(AtomicU16::new(target));
        let streams: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let (to, recorded) = (target.clone(), streams.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) =
                    std::net::TcpStream::connect(("127.0.0.1", to.load(Ordering::SeqCst)))
                else {
                    continue;
                };
                let index = {
                    let mut all = recorded.lock().unwrap_or_else(|p| p.into_inner());
                    all.push(Recorded::default());
                    all.len() - 1
                };
                let pipe = |mut from: std::net::TcpStream,
                            mut into: std::net::TcpStream,
                            upstream: bool| {
                    let recorded = recorded.clone();
                    std::thread::spawn(move || {
                        use std::io::{Read, Write};
                        let mut buffer = [0u8; 16384];
                        loop {
                            let n = match from.read(&mut buffer) {
                                Ok(0) | Err(_) => break,
                                Ok(n) => n,
                            };
                            {
                                let mut all = recorded.lock().unwrap_or_else(|p| p.into_inner());
                                let stream = &mut all[index];
                                let side = if upstream {
                                    &mut stream.to_server
                                } else {
                                    &mut stream.to_client
                                };
                                side.extend_from_slice(&buffer[..n]);
                            }
                            if into.write_all(&buffer[..n]).is_err() {
                                break;
                            }
                        }
                        let _ = into.shutdown(std::net::Shutdown::Write);
                    });
                };
                let (Ok(client2), Ok(server2)) = (client.try_clone(), server.try_clone()) else {
                    continue;
                };
                pipe(client, server2, true);
                pipe(server, client2, false);
            }
        });
        RecordingProxy {
            port,
            target,
            streams,
        }
    }

    /// Sends new connections to `port` from now on.
    pub fn retarget(&self, port: u16) {
        self.target.store(port, std::sync::atomic::Ordering::SeqCst);
    }

    /// Everything recorded so far, both ways, in one buffer.
    pub fn capture(&self) -> Vec<u8> {
        let all = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        all.iter()
            .flat_map(|s| s.to_server.iter().chain(&s.to_client))
            .copied()
            .collect()
    }

    /// The connections recorded so far.
    pub fn connections(&self) -> usize {
        self.streams.lock().unwrap_or_else(|p| p.into_inner()).len()
    }
}

/// The TLS records in `stream` (a client's or a server's bytes), in order, as (type,
/// length): 22 handshake, 21 alert, 23 application data (in TLS 1.3, anything
/// encrypted), 20 change cipher spec.
pub fn tls_records(stream: &[u8]) -> Vec<(u8, usize)> {
    let mut records = Vec::new();
    let mut at = 0;
    while at + 5 <= stream.len() {
        let length = u16::from_be_bytes([stream[at + 3], stream[at + 4]]) as usize;
        records.push((stream[at], length));
        at += 5 + length;
    }
    records
}

/// The refusal's code and message.
pub fn refusal(cli: &Cli, args: &[&str]) -> (String, String) {
    let mut with_json = args.to_vec();
    with_json.push("--json");
    let out = cli.run(&with_json);
    assert!(!out.status.success(), "{args:?} was not refused");
    let body: serde_json::Value = serde_json::from_slice(&out.stderr)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    (
        body["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}
