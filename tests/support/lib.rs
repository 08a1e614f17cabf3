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
}

impl SyncServer {
    /// Adds a learner account `name` (password [`SYNC_PASSWORD`]) to the server's data.
    pub fn add_learner(data: &Path, name: &str) {
        Self::add_user(data, name, "learner");
    }

    /// Adds an account `name` with `role` (password [`SYNC_PASSWORD`]).
    pub fn add_user(data: &Path, name: &str, role: &str) {
        let add = Command::new(binary("SATCHEL_SERVER_BIN", "satchel-server"))
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
        let mut child = Command::new(binary("SATCHEL_SERVER_BIN", "satchel-server"))
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
        assert!(line.starts_with("listening on"), "the server said {line:?}");
        let port = line
            .trim()
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        SyncServer { child, port }
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
