//! The real desktop window, driven through tauri-driver and WebKitWebDriver, as a
//! learner and a teacher use it: the library (`library.rs`), studying (`study.rs`) and
//! sharing (`classroom.rs`), one test binary. Ignored by a plain `cargo test`;
//! `cargo xtask test` runs it under Xvfb.

mod classroom;
mod keyboard;
mod languages;
mod library;
mod models;
mod offers;
mod study;
mod window;

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
        Self::start_with(data_dir, |_| {})
    }

    /// [`Driver::start`], with the app's environment changed by `env` first.
    fn start_with(data_dir: &Path, env: impl FnOnce(&mut Command)) -> Self {
        let port = free_port();
        let native = free_port();
        let mut command = Command::new("tauri-driver");
        env(&mut command);
        let child = command
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
            // WebKit keeps the window's own storage (the theme, the language) in the
            // user's data folder: one per test, so that no test sees another's choice.
            .env("XDG_DATA_HOME", data_dir.join("webview"))
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

/// The window as it stands, saved as `name` (a PNG) and audited by axe-core.
pub(crate) fn snapshot(window: &Session, name: &str) -> Result<(), String> {
    save_screenshot(window, name);
    audit(window, name.trim_end_matches(".png"))
}

/// axe-core's audit of the window as it stands, `state` naming it in the output: every
/// violation is printed, and any serious or critical one fails the test.
fn audit(window: &Session, state: &str) -> Result<(), String> {
    let loaded = window.execute("return typeof axe !== 'undefined'", serde_json::json!([]))?;
    if loaded != serde_json::json!(true) {
        let path = std::env::var_os("SATCHEL_AXE_JS")
            .expect("SATCHEL_AXE_JS names axe-core's script (cargo xtask test fetches it)");
        let script = std::fs::read_to_string(&path).expect("axe-core's script");
        window.execute(&format!("{script}\n;return true"), serde_json::json!([]))?;
    }
    let found = window.execute(
        "return axe.run(document, { resultTypes: ['violations'] }).then(r => ({
            passes: r.passes.length,
            violations: r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ')) })) }))",
        serde_json::json!([]),
    )?;
    // A checker that did not run must not read as a clean page.
    let (Some(passes), Some(violations)) =
        (found["passes"].as_u64(), found["violations"].as_array())
    else {
        return Err(format!("axe-core did not answer on {state}: {found}"));
    };
    let serious: Vec<_> = violations
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect();
    println!(
        "axe-core on {state}: {passes} rules passed, {} violations, {} serious or critical",
        violations.len(),
        serious.len()
    );
    for v in violations {
        println!(
            "  {} [{}] {}: {}",
            v["id"], v["impact"], v["help"], v["nodes"]
        );
    }
    if serious.is_empty() {
        Ok(())
    } else {
        Err(format!("axe-core on {state}: {serious:?}"))
    }
}

/// Picks `value` in the list `css` (a `<select>`), as choosing it with the mouse does.
fn choose_option(window: &Session, css: &str, value: &str) -> Result<(), String> {
    window.wait_for(css, WAIT)?;
    window.execute(
        "const s = document.querySelector(arguments[0]);
         s.value = arguments[1]; s.dispatchEvent(new Event('change')); return true",
        serde_json::json!([css, value]),
    )?;
    Ok(())
}

fn text_of(window: &Session, css: &str) -> Result<String, String> {
    let text = window.execute(
        "return document.querySelector(arguments[0]).textContent",
        serde_json::json!([css]),
    )?;
    Ok(text.as_str().unwrap_or_default().trim().to_owned())
}

/// No profiles yet, so the app opens on "Add a learner": make Ada, passphrase path.
fn create_learner(window: &Session) -> Result<(), String> {
    let name = window.wait_for("#profile-name", WAIT)?;
    audit(window, "adding a learner")?;
    window.type_text(&name, "Ada")?;
    window.type_text(&window.wait_for("#passphrase", WAIT)?, PASSPHRASE)?;
    window.type_text(&window.wait_for("#passphrase-confirm", WAIT)?, PASSPHRASE)?;
    window.click(&window.wait_for("#create-profile", WAIT)?)?;

    let code = window.text(&window.wait_for("#recovery-code", WAIT)?)?;
    if code.trim().len() != 39 {
        return Err(format!("no recovery code shown: {code:?}"));
    }
    audit(window, "the recovery code")?;
    window.click(&window.wait_for("#recovery-ack", WAIT)?)?;
    window.click(&window.wait_for("#recovery-continue", WAIT)?)?;
    window.wait_for("#import-audio", WAIT).map(drop)
}

/// Writes a new note from the library and presses Save (the caller waits for its
/// "Saved", in the window's language).
fn write_note(window: &Session, title: &str, body: &str) -> Result<(), String> {
    window.click(&window.wait_for("#new-note", WAIT)?)?;
    window.type_text(&window.wait_for("#note-title", WAIT)?, title)?;
    window.type_text(&window.wait_for("#note-body", WAIT)?, body)?;
    window.click(&window.wait_for("#save-note", WAIT)?)
}

/// Brings `notes` into the library and makes its study pack, on its page.
fn make_pack(window: &Session, notes: &Path) -> Result<(), String> {
    window.execute(
        "return window.__TAURI__.core.invoke('import_audio', { paths: [arguments[0]] })",
        serde_json::json!([notes.display().to_string()]),
    )?;
    // Generous: the desktop tests run side by side, each window with its own background
    // work, on two cores.
    let ready = match window.wait_for(
        ".source-item[data-status='ready']",
        Duration::from_secs(180),
    ) {
        Ok(ready) => ready,
        // What the core holds says whether the reading or the window is behind.
        Err(error) => {
            let held = window.execute(
                "return Promise.all([window.__TAURI__.core.invoke('library', {}),
                                     window.__TAURI__.core.invoke('jobs', {})])",
                serde_json::json!([]),
            );
            return Err(format!("{error}; the core holds {held:?}"));
        }
    };
    window.click(&ready)?;
    // The source's page is drawn again as its indexing ends: a click on the button as
    // it is replaced is lost, so it is pressed again until the pack's page answers.
    let mut pressed = 0;
    loop {
        window.click(&window.wait_for("#make-pack", WAIT)?)?;
        pressed += 1;
        match window.wait_for(
            "#pack-building, #pack-cards, #pack-failed",
            Duration::from_secs(20),
        ) {
            Ok(_) => break,
            Err(error) if pressed == 3 => return Err(error),
            Err(_) => {}
        }
    }
    // The steps run in the background; the page fills in when they are done.
    window.wait_for("#pack-cards .study-card", Duration::from_secs(180))?;
    Ok(())
}
