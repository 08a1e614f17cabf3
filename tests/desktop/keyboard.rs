//! Satchel with the keyboard alone: a learner is created, a note written, a file
//! brought in through the system's own file dialog, a study pack made, its cards
//! reviewed and the library synced, every step by Tab, Enter, Space and typing. The
//! test reads the window's state to know where it is, but moves nothing itself: a
//! control no Tab reaches fails it.

use super::*;

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// Whether the focused element matches `css`.
fn focused(window: &Session, css: &str) -> Result<bool, String> {
    let matched = window.execute(
        "const a = document.activeElement; return !!a && a.matches(arguments[0])",
        serde_json::json!([css]),
    )?;
    Ok(matched == serde_json::json!(true))
}

/// Presses Tab until the element matching `css` has the focus; fails when a whole
/// round of the page's stops (up to 120) does not reach it.
fn tab_to(window: &Session, css: &str) -> Result<(), String> {
    window.wait_for(css, WAIT)?;
    for _ in 0..120 {
        if focused(window, css)? {
            return Ok(());
        }
        window.press_keys(TAB)?;
    }
    let at = window.execute(
        "const a = document.activeElement; return a ? a.outerHTML.slice(0, 160) : null",
        serde_json::json!([]),
    )?;
    Err(format!("Tab never reaches {css} (the focus is on {at})"))
}

/// Tabs to `css` and presses Enter on it.
fn activate(window: &Session, css: &str) -> Result<(), String> {
    tab_to(window, css)?;
    window.press_keys(ENTER)
}

/// Tabs to the field `css` and types `text` into it.
fn fill(window: &Session, css: &str, text: &str) -> Result<(), String> {
    tab_to(window, css)?;
    window.press_keys(text)
}

/// The app serving the library in `data_dir`: its process, found by its environment.
pub(super) fn app_process(data_dir: &Path) -> Result<String, String> {
    let wanted = format!("SATCHEL_DATA_DIR={}", data_dir.display());
    for entry in std::fs::read_dir("/proc")
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if !pid.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let is_app = std::fs::read_to_string(entry.path().join("comm"))
            .is_ok_and(|comm| comm.trim().starts_with("satchel-deskto"));
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if is_app && environ.split(|b| *b == 0).any(|v| v == wanted.as_bytes()) {
            return Ok(pid);
        }
    }
    Err(format!("no app runs with {wanted}"))
}

/// The X windows `pid` shows.
pub(super) fn windows_of(pid: &str) -> Result<Vec<String>, String> {
    let found = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--pid", pid])
        .output()
        .map_err(|e| format!("xdotool: {e}"))?;
    Ok(String::from_utf8_lossy(&found.stdout)
        .lines()
        .map(str::to_owned)
        .collect())
}

/// The system's file dialog (GTK's, its own window) takes a path typed after Ctrl+L,
/// as a learner without a mouse opens a file. WebDriver cannot reach a native window,
/// so the keys go to it through the X server (xdotool), as a keyboard's would.
/// `before` are the app's windows before the dialog was asked for.
fn choose_in_file_dialog(pid: &str, before: &[String], path: &Path) -> Result<(), String> {
    in_file_dialog(pid, before, "ctrl+l", path)
}

/// The system's save dialog: the file's name selected and typed over with `path`.
pub(super) fn save_in_file_dialog(pid: &str, before: &[String], path: &Path) -> Result<(), String> {
    in_file_dialog(pid, before, "ctrl+a", path)
}

/// Types `path` into the file dialog `pid` opens after `before`, once `keys` (Ctrl+L
/// for the place to type, Ctrl+A to type over a name) are pressed, and Enter.
fn in_file_dialog(pid: &str, before: &[String], keys: &str, path: &Path) -> Result<(), String> {
    let started = Instant::now();
    let dialog = loop {
        let now = windows_of(pid)?;
        if let Some(new) = now.iter().find(|w| !before.contains(w)) {
            break new.clone();
        }
        if started.elapsed() > WAIT {
            return Err(format!("no file dialog appeared: {now:?}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let xdotool = |args: &[&str]| -> Result<(), String> {
        let status = Command::new("xdotool")
            .args(args)
            .status()
            .map_err(|e| format!("xdotool: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("xdotool {args:?} failed"))
        }
    };
    xdotool(&["windowfocus", "--sync", &dialog])?;
    std::thread::sleep(Duration::from_millis(500));
    xdotool(&["key", "--clearmodifiers", keys])?;
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["type", "--delay", "20", &path.display().to_string()])?;
    std::thread::sleep(Duration::from_millis(300));
    xdotool(&["key", "Return"])
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, xdotool and the models; `cargo xtask test` provides them"]
fn everything_a_learner_does_is_done_with_the_keyboard_alone() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let server_data = data.path().join("server");
    satchel_e2e::SyncServer::add_learner(&server_data, "kai");
    let server = satchel_e2e::SyncServer::start(&server_data, free_port());
    let notes =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample-lesson/water-cycle.md");
    let library = data.path().join("satchel");
    let driver = Driver::start(&library);
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = by_keyboard(&window, &library, &notes, &server.url) {
        save_screenshot(&window, "failure-keyboard.png");
        panic!("by keyboard: {error}");
    }
    window.end().unwrap();
}

fn by_keyboard(window: &Session, library: &Path, notes: &Path, server: &str) -> Result<(), String> {
    // A learner, with a passphrase (this computer has no keychain in the tests).
    fill(window, "#profile-name", "Kai")?;
    fill(window, "#passphrase", PASSPHRASE)?;
    fill(window, "#passphrase-confirm", PASSPHRASE)?;
    activate(window, "#create-profile")?;
    tab_to(window, "#recovery-ack")?;
    window.press_keys(" ")?;
    activate(window, "#recovery-continue")?;

    // A note.
    activate(window, "#new-note")?;
    fill(window, "#note-title", "Rain")?;
    fill(
        window,
        "#note-body",
        "Rain falls when droplets in clouds grow heavy.",
    )?;
    activate(window, "#save-note")?;
    window.wait_for_text("#save-status", "Saved", WAIT)?;
    activate(window, "a[href='/library']")?;
    window.wait_for_text("#note-list", "Rain", WAIT)?;

    // A file, through the system's file dialog.
    let app = app_process(library)?;
    let before = windows_of(&app)?;
    activate(window, "#import-audio")?;
    choose_in_file_dialog(&app, &before, notes)?;
    window.wait_for(
        ".source-item[data-status='ready']",
        Duration::from_secs(180),
    )?;

    // Its study pack.
    activate(window, ".source-item[data-status='ready']")?;
    activate(window, "#make-pack")?;
    window.wait_for("#pack-cards .study-card", Duration::from_secs(180))?;

    // Its cards, reviewed: Space shows the answer, 3 says "Good".
    activate(window, "#nav-study")?;
    activate(window, "#study-steps a[href^='/review']")?;
    window.wait_for("#review-card[data-card]", WAIT)?;
    window.press_keys(" ")?;
    window.wait_for("#review-card[data-revealed='true']", WAIT)?;
    window.press_keys("3")?;
    let started = Instant::now();
    while text_of(window, "#review-progress")?.starts_with("0 ") {
        if started.elapsed() > WAIT {
            return Err("the answer by keyboard was not taken".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }

    // Synced, signing in from Settings.
    let (typed, _) = server
        .split_once("/#sha256=")
        .ok_or_else(|| format!("{server} has no fingerprint"))?;
    activate(window, "a[href='/settings']")?;
    fill(window, "#sync-server", typed)?;
    fill(window, "#sync-name", "kai")?;
    fill(window, "#sync-password", satchel_e2e::SYNC_PASSWORD)?;
    activate(window, "#sync-sign-in-button")?;
    activate(window, "#server-words-match")?;
    window.wait_for_text("#sync-state", "Synced", WAIT)?;
    snapshot(window, "keyboard-synced.png")
}
