//! The real desktop window, driven through tauri-driver and WebKitWebDriver: create a
//! profile, add a note, see it listed, restart the app, and find the note still there.
//! Ignored by a plain `cargo test`; `cargo xtask test` runs it under Xvfb.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use satchel_e2e::binary;
use satchel_e2e::webdriver::Session;

const PASSPHRASE: &str = "correct horse battery";
const WAIT: Duration = Duration::from_secs(30);

/// tauri-driver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start(data_dir: &Path) -> Self {
        let port = free_port();
        let native = free_port();
        let child = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            // The app inherits these through WebKitWebDriver: its own data folder, and
            // the passphrase path whatever keychain this machine has.
            .env("SATCHEL_DATA_DIR", data_dir)
            .env("SATCHEL_KEYCHAIN", "none")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver runs (cargo xtask setup installs it)");
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while ureq::get(&format!("{url}/status")).call().is_err() {
            assert!(
                started.elapsed() < WAIT,
                "tauri-driver did not answer on {url}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Self { child, url }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn screenshot_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir
}

fn save_screenshot(session: &Session, name: &str) {
    if let Ok(png) = session.screenshot() {
        let path = screenshot_dir().join(name);
        std::fs::write(&path, png).expect("screenshot written");
        println!("screenshot: {}", path.display());
    }
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn a_note_written_in_the_window_is_there_after_a_restart() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    assert!(
        app.exists(),
        "{} is not built (cargo build -p satchel-desktop)",
        app.display()
    );
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(data.path());

    let window = Session::start(&driver.url, &app).expect("the window opens");
    let first = first_run(&window);
    if let Err(error) = first {
        save_screenshot(&window, "failure-first-run.png");
        panic!("first run: {error}");
    }
    save_screenshot(&window, "library.png");
    window.end().unwrap();

    // Restart: a new app process on the same data.
    let window = Session::start(&driver.url, &app).expect("the window opens again");
    if let Err(error) = after_restart(&window) {
        save_screenshot(&window, "failure-after-restart.png");
        panic!("after restart: {error}");
    }
    save_screenshot(&window, "note-after-restart.png");
    window.end().unwrap();
}

fn first_run(window: &Session) -> Result<(), String> {
    // No profiles yet, so the app opens on "Add a learner".
    window.type_text(&window.wait_for("#profile-name", WAIT)?, "Ada")?;
    window.type_text(&window.wait_for("#passphrase", WAIT)?, PASSPHRASE)?;
    window.type_text(&window.wait_for("#passphrase-confirm", WAIT)?, PASSPHRASE)?;
    window.click(&window.wait_for("#create-profile", WAIT)?)?;

    let code = window.text(&window.wait_for("#recovery-code", WAIT)?)?;
    if code.trim().len() != 39 {
        return Err(format!("no recovery code shown: {code:?}"));
    }
    window.click(&window.wait_for("#recovery-ack", WAIT)?)?;
    window.click(&window.wait_for("#recovery-continue", WAIT)?)?;

    window.click(&window.wait_for("#new-note", WAIT)?)?;
    window.type_text(&window.wait_for("#note-title", WAIT)?, "Photosynthesis")?;
    window.type_text(
        &window.wait_for("#note-body", WAIT)?,
        "Plants turn light into sugar.",
    )?;
    window.click(&window.wait_for("#save-note", WAIT)?)?;
    window.wait_for_text("#save-status", "Saved", WAIT)?;

    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    window.wait_for_text("#note-list", "Photosynthesis", WAIT)?;
    window.wait_for_text("#note-count", "1 note", WAIT)
}

fn after_restart(window: &Session) -> Result<(), String> {
    window.wait_for_text(".profile-list", "Ada", WAIT)?;
    window.click(&window.wait_for(".profile-button", WAIT)?)?;
    window.type_text(&window.wait_for("#unlock-passphrase", WAIT)?, PASSPHRASE)?;
    window.click(&window.wait_for("#unlock", WAIT)?)?;
    window.wait_for_text("#note-list", "Photosynthesis", WAIT)?;
    window.wait_for_text("#current-learner", "Ada", WAIT)?;
    window.click(&window.wait_for(".note-item", WAIT)?)?;
    window.wait_for_value("#note-title", "Photosynthesis", WAIT)?;
    window.wait_for_value("#note-body", "Plants turn light into sugar.", WAIT)?;

    // Leaving the editor without pressing Save keeps what was typed.
    window.type_text(
        &window.wait_for("#note-body", WAIT)?,
        " Chlorophyll is green.",
    )?;
    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    window.click(&window.wait_for(".note-item", WAIT)?)?;
    window.wait_for_value(
        "#note-body",
        "Plants turn light into sugar. Chlorophyll is green.",
        WAIT,
    )
}
