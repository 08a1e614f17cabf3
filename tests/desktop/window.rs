//! The window as a learner meets it: one per library, within the screen, and a failure
//! at start-up told in a dialog.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use satchel_e2e::binary;
use satchel_e2e::webdriver::Session;

use super::{Driver, WAIT};

/// Waits up to `limit` for `child` to end, giving its status.
fn ended_within(
    child: &mut std::process::Child,
    limit: Duration,
) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

#[test]
#[ignore = "needs a display, a session bus, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn a_second_start_on_a_library_hands_over_to_its_window() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(data.path());
    let window = Session::start(&driver.url, &app).expect("the window opens");
    window
        .wait_for("#profile-name", WAIT)
        .expect("the first screen");

    // It opened within the test display (1280×800), smaller than it.
    let size = window
        .execute(
            "return [window.outerWidth, window.outerHeight]",
            serde_json::json!([]),
        )
        .unwrap();
    println!("window: {size}");
    assert!(size[0].as_u64().unwrap() <= 1280 && size[1].as_u64().unwrap() <= 800);

    // The same library again: the running window takes over, and this one leaves.
    let mut second = Command::new(&app)
        .env("SATCHEL_DATA_DIR", data.path())
        .env("SATCHEL_KEYCHAIN", "none")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status = ended_within(&mut second, Duration::from_secs(30));
    if status.is_none() {
        let _ = second.kill();
    }
    assert!(
        status.is_some_and(|s| s.success()),
        "a second start on the same library should hand over and exit: {status:?}"
    );
    window
        .wait_for("#profile-name", WAIT)
        .expect("the first window still answers");

    // Another library is another window.
    let other = tempfile::tempdir().unwrap();
    let mut third = Command::new(&app)
        .env("SATCHEL_DATA_DIR", other.path())
        .env("SATCHEL_KEYCHAIN", "none")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let early = ended_within(&mut third, Duration::from_secs(5));
    let _ = third.kill();
    let _ = third.wait();
    assert!(
        early.is_none(),
        "a window on another library closed: {early:?}"
    );
    let _ = window.end();
}

#[test]
#[ignore = "needs a display; `cargo xtask test` provides it"]
fn a_failure_at_start_is_shown_in_a_dialog() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    // A file where the data folder should be: Satchel cannot make its folders there.
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("data");
    std::fs::write(&not_a_folder, b"a file").unwrap();
    // Other tests' windows share the display: count the dialogs there already.
    let dialogs = || {
        let tree = Command::new("xwininfo")
            .args(["-root", "-tree"])
            .output()
            .expect("xwininfo (x11-utils) runs");
        String::from_utf8_lossy(&tree.stdout)
            .matches("\"Satchel cannot start\"")
            .count()
    };
    let before = dialogs();
    let mut child = Command::new(&app)
        .env("SATCHEL_DATA_DIR", &not_a_folder)
        .env("SATCHEL_KEYCHAIN", "none")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut shown = false;
    while started.elapsed() < Duration::from_secs(30) && !shown {
        shown = dialogs() > before;
        if !shown {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    // Its text went to stderr before the dialog opened.
    // The dialog waits for the learner; the process is still there until it is closed.
    let still_running = child.try_wait().ok().flatten().is_none();
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    println!("{stderr}");
    assert!(shown, "no dialog titled \"Satchel cannot start\" appeared");
    assert!(still_running, "the dialog closed by itself");
    assert!(stderr.contains("Satchel cannot start"), "{stderr}");
}
