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
    create_learner(window)?;
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

/// No profiles yet, so the app opens on "Add a learner": make Ada, passphrase path.
fn create_learner(window: &Session) -> Result<(), String> {
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
    window.wait_for("#import-audio", WAIT).map(drop)
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

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, espeak-ng and the Whisper models; `cargo xtask test` provides them"]
fn a_recording_brought_in_is_transcribed_and_plays_from_a_clicked_segment() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let lecture = data.path().join("Heart lecture.wav");
    // Two sentences with a long pause between them, so the transcript has a later
    // segment to jump to.
    let status = Command::new("espeak-ng")
        .args(["-s", "140", "-m", "-w"])
        .arg(&lecture)
        .arg("The heart has four chambers. <break time=\"3s\"/> Blood flows from the heart through the lungs.")
        .status()
        .expect("espeak-ng");
    assert!(status.success());
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = recording(&window, &lecture) {
        save_screenshot(&window, "failure-recording.png");
        panic!("recording: {error}");
    }
    save_screenshot(&window, "source.png");
    window.end().unwrap();
}

/// How long the player says its recording is, in seconds, once it has loaded it (−1
/// if it never does).
fn player_duration(window: &Session) -> Result<f64, String> {
    let duration = window.execute(
        "const player = document.getElementById('player');
         return new Promise(done => {
           const check = () => player.readyState >= 1 ? done(player.duration) : setTimeout(check, 100);
           check();
           setTimeout(() => done(-1), 20000);
         });",
        serde_json::json!([]),
    )?;
    Ok(duration.as_f64().unwrap_or(-1.0))
}

fn recording(window: &Session, lecture: &Path) -> Result<(), String> {
    create_learner(window)?;
    // What the file dialog and a drop both do once they have paths (WebDriver cannot
    // reach the system's file dialog or a drag from the file manager).
    let outcome = window.execute(
        "return window.__TAURI__.core.invoke('import_audio', { paths: [arguments[0]] })",
        serde_json::json!([lecture.display().to_string()]),
    )?;
    if outcome[0]["error"] != serde_json::Value::Null {
        return Err(format!("import failed: {outcome}"));
    }
    // The library lists it at once, and marks it when its transcript is ready.
    window.wait_for_text("#source-list", "Heart lecture", WAIT)?;
    let ready = window.wait_for(
        ".source-item[data-status='ready']",
        Duration::from_secs(120),
    )?;
    window.click(&ready)?;
    window.wait_for_text("#source-status", "Transcribed", WAIT)?;
    window.wait_for_text("#transcript", "lungs", WAIT)?;

    // The player reads the recording back out of the encrypted store.
    let seconds = player_duration(window)?;
    if !(5.0..12.0).contains(&seconds) {
        let detail = window.execute(
            "const p = document.getElementById('player'); return [p.currentSrc, p.error && p.error.code, p.error && p.error.message, p.networkState, p.canPlayType('audio/wav'), p.canPlayType('audio/mpeg'), p.canPlayType('audio/ogg')]",
            serde_json::json!([]),
        )?;
        return Err(format!(
            "the player did not load the recording (duration {seconds}; {detail})"
        ));
    }
    // A click on the last segment moves playback to where it starts.
    let segments = window.execute(
        "return [...document.querySelectorAll('.segment')].map(s => Number(s.dataset.startMs))",
        serde_json::json!([]),
    )?;
    let starts: Vec<f64> = segments
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
        .unwrap_or_default();
    let last = *starts.last().ok_or("no segments shown")?;
    window.execute(
        "const all = document.querySelectorAll('.segment'); all[all.length - 1].click(); return true",
        serde_json::json!([]),
    )?;
    let position = window.execute(
        "return document.getElementById('player').currentTime",
        serde_json::json!([]),
    )?;
    let at = position.as_f64().unwrap_or(-1.0);
    if (at - last / 1000.0).abs() > 0.5 {
        return Err(format!(
            "segments start at {starts:?} ms; after clicking the last the player is at {at} s"
        ));
    }
    println!("duration {seconds:.2} s; segments at {starts:?} ms; player moved to {at:.2} s");
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, the test sound server, espeak-ng and the models; `cargo xtask test` provides them"]
fn a_lesson_recorded_from_the_microphone_is_kept_and_transcribed() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let said = data.path().join("said.wav");
    satchel_e2e::speak(
        "The heart has four chambers. Blood flows through the lungs.",
        &said,
    );
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = record_from_microphone(&window, &said) {
        save_screenshot(&window, "failure-microphone.png");
        panic!("recording from the microphone: {error}");
    }
    window.end().unwrap();
}

fn recorder_state(window: &Session) -> Result<(bool, i64, i64), String> {
    let state = window.execute(
        "const r = document.getElementById('recorder');
         return r ? [r.dataset.live === 'true', Number(r.dataset.elapsedMs), Number(r.dataset.levelDb)] : null",
        serde_json::json!([]),
    )?;
    let live = state[0].as_bool().ok_or("the recorder is not showing")?;
    Ok((
        live,
        state[1].as_i64().unwrap_or(-1),
        state[2].as_i64().unwrap_or(-100),
    ))
}

fn record_from_microphone(window: &Session, said: &Path) -> Result<(), String> {
    create_learner(window)?;
    let record = window.wait_for("#record-audio", WAIT)?;
    window.click(&record)?;
    window.wait_for("#recorder", WAIT)?;
    // The sound server takes a moment to start the stream; the timer waits for it.
    let started = Instant::now();
    while !recorder_state(window)?.0 {
        if started.elapsed() > WAIT {
            return Err("the microphone never went live".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let (_, at_start, quiet) = recorder_state(window)?;
    // Speak while watching the meter and the timer.
    let player = {
        let said = said.to_owned();
        std::thread::spawn(move || satchel_e2e::play_to_microphone(&said))
    };
    let mut loudest = -100;
    while !player.is_finished() {
        let (_, _, level) = recorder_state(window)?;
        if level > -20 && loudest <= -20 {
            save_screenshot(window, "recording.png");
        }
        loudest = loudest.max(level);
        std::thread::sleep(Duration::from_millis(100));
    }
    player.join().map_err(|_| "paplay failed")?;
    std::thread::sleep(Duration::from_millis(500));
    let (_, elapsed, _) = recorder_state(window)?;
    println!(
        "meter: {quiet} dB before speech, {loudest} dB at its loudest; timer {at_start} → {elapsed} ms"
    );
    if quiet > -50 || loudest < -20 {
        return Err(format!(
            "the level meter read {quiet} dB in silence and {loudest} dB at most while speaking"
        ));
    }
    if elapsed < at_start + 3_500 {
        return Err(format!(
            "the timer went from {at_start} to only {elapsed} ms"
        ));
    }
    let timer = window.text(&window.wait_for("#record-time", WAIT)?)?;
    if !timer.starts_with("0:0") {
        return Err(format!("the timer shows {timer:?}"));
    }

    window.click(&window.wait_for("#stop-recording", WAIT)?)?;
    // Saved, queued and transcribed; the window goes to the new source.
    window.wait_for_text("#source-status", "Transcribed", Duration::from_secs(120))?;
    window.wait_for_text("#transcript", "chambers", WAIT)?;
    window.wait_for_text("#transcript", "lungs", WAIT)?;
    let gone = window.execute(
        "return document.getElementById('recorder') === null",
        serde_json::json!([]),
    )?;
    if gone != serde_json::Value::Bool(true) {
        return Err("the recorder is still showing after Stop".into());
    }
    // It plays back from the encrypted store, as long as it was recorded.
    let seconds = player_duration(window)?;
    let expected = elapsed as f64 / 1000.0;
    if !(expected - 0.5..expected + 2.0).contains(&seconds) {
        return Err(format!(
            "the recording plays for {seconds} s; {expected} s were recorded before Stop"
        ));
    }
    save_screenshot(window, "recorded-source.png");
    println!("recorded {seconds:.2} s");
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, ImageMagick and the OCR models; `cargo xtask test` provides them"]
fn a_photo_brought_in_shows_its_lines_outlined_beside_their_text() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let photo = data.path().join("Board.png");
    satchel_e2e::text_picture(
        &photo,
        1000,
        220,
        &[
            (30, 70, "Osmosis moves water across membranes."),
            (30, 150, "Diffusion needs no energy."),
        ],
    );
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = photo_lines(&window, &photo) {
        save_screenshot(&window, "failure-photo.png");
        panic!("photo: {error}");
    }
    save_screenshot(&window, "photo.png");
    window.end().unwrap();
}

fn photo_lines(window: &Session, photo: &Path) -> Result<(), String> {
    create_learner(window)?;
    let outcome = window.execute(
        "return window.__TAURI__.core.invoke('import_audio', { paths: [arguments[0]] })",
        serde_json::json!([photo.display().to_string()]),
    )?;
    if outcome[0]["error"] != serde_json::Value::Null {
        return Err(format!("import failed: {outcome}"));
    }
    window.wait_for_text("#source-list", "Board", WAIT)?;
    let ready = window.wait_for(".source-item[data-status='ready']", Duration::from_secs(60))?;
    window.click(&ready)?;
    window.wait_for_text("#ocr-lines", "Osmosis moves water across membranes.", WAIT)?;
    window.wait_for_text("#ocr-lines", "Diffusion needs no energy.", WAIT)?;
    // The picture comes out of the encrypted store, and each line is outlined on it.
    let started = Instant::now();
    loop {
        let drawn = window.execute(
            "const img = document.getElementById('picture');
             return [img.naturalWidth, document.querySelectorAll('#outlines rect').length]",
            serde_json::json!([]),
        )?;
        if drawn[0] == 1000 && drawn[1] == 2 {
            // A moment for the decoded picture to be painted before the screenshot.
            std::thread::sleep(Duration::from_millis(500));
            break;
        }
        if started.elapsed() > WAIT {
            return Err(format!("picture width and outlines: {drawn}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, ImageMagick and the OCR models; `cargo xtask test` provides them"]
fn a_picture_pasted_into_the_library_is_brought_in_and_read() {
    use base64::Engine as _;
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let picture = data.path().join("clip.png");
    satchel_e2e::text_picture(
        &picture,
        900,
        120,
        &[(30, 70, "Mitosis makes two identical cells.")],
    );
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(std::fs::read(&picture).unwrap());
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    let outcome = (|| -> Result<(), String> {
        create_learner(&window)?;
        window.wait_for("#record-audio", WAIT)?;
        // What WebKit hands the page when the learner presses Ctrl+V with a picture
        // on the clipboard (WebDriver cannot reach the system's clipboard).
        window.execute(
            "const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
             const data = new DataTransfer();
             data.items.add(new File([bytes], 'clip.png', { type: 'image/png' }));
             document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
             return true",
            serde_json::json!([encoded]),
        )?;
        window.wait_for_text("#source-list", "Pasted picture", WAIT)?;
        let ready =
            window.wait_for(".source-item[data-status='ready']", Duration::from_secs(60))?;
        window.click(&ready)?;
        window.wait_for_text("#ocr-lines", "Mitosis makes two identical cells.", WAIT)
    })();
    if let Err(error) = outcome {
        save_screenshot(&window, "failure-paste.png");
        panic!("paste: {error}");
    }
    window.end().unwrap();
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and Ghostscript; `cargo xtask test` provides them"]
fn a_protected_pdf_asks_for_its_password_and_then_shows_its_pages() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let pdf = data.path().join("Exam.pdf");
    satchel_e2e::text_pdf(
        &pdf,
        &[
            &["Question one: name three organelles."],
            &["Question two: what does a ribosome make?"],
        ],
        &[
            "-sOwnerPassword=teacher",
            "-sUserPassword=biology",
            "-dEncryptionR=3",
            "-dKeyLength=128",
        ],
    );
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    let outcome = (|| -> Result<(), String> {
        create_learner(&window)?;
        window.execute(
            "return window.__TAURI__.core.invoke('import_audio', { paths: [arguments[0]] })",
            serde_json::json!([pdf.display().to_string()]),
        )?;
        // Read in the background, it stops at the password.
        let locked = window.wait_for(
            ".source-item[data-status='failed']",
            Duration::from_secs(60),
        )?;
        window.click(&locked)?;
        window.wait_for_text("#transcription-problem", "password", WAIT)?;
        let field = window.wait_for("#document-password", WAIT)?;
        window.type_text(&field, "biology")?;
        window.click(&window.wait_for("#open-document", WAIT)?)?;
        window.wait_for_text("#document", "Question one: name three organelles.", WAIT)?;
        window.wait_for_text(
            "#document",
            "Question two: what does a ribosome make?",
            WAIT,
        )?;
        let pages = window.execute(
            "return document.querySelectorAll('.document-page').length",
            serde_json::json!([]),
        )?;
        if pages != 2 {
            return Err(format!("{pages} pages shown"));
        }
        // Drawn with the password kept from opening it.
        let started = Instant::now();
        while window.execute(
            "const img = document.querySelector('.page-image'); return img.complete && img.naturalWidth",
            serde_json::json!([]),
        )? == 0
        {
            if started.elapsed() > WAIT {
                return Err("page 1 of the protected PDF was not drawn".into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        // A moment for the drawn page to be painted before the screenshot.
        std::thread::sleep(Duration::from_millis(500));
        save_screenshot(&window, "document.png");
        Ok(())
    })();
    if let Err(error) = outcome {
        save_screenshot(&window, "failure-document.png");
        panic!("protected PDF: {error}");
    }
    window.end().unwrap();
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, ImageMagick, Ghostscript and the OCR models; `cargo xtask test` provides them"]
fn a_pdf_shows_each_page_drawn_beside_its_text_with_a_scans_lines_outlined() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let pdf = data.path().join("Handout.pdf");
    // Page 2's lines at 150 dpi: baselines 200 and 300 px down, 100 px in — in the
    // page's points, 48 in and about 83 and 131 down to the tops of the letters.
    satchel_e2e::typed_and_scanned_pdf(
        &pdf,
        &["Typed: the water cycle has four stages."],
        &[
            (100, 200, "Evaporation lifts water into the air."),
            (100, 300, "Condensation forms the clouds."),
        ],
    );
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = document_pages(&window, &pdf) {
        save_screenshot(&window, "failure-pages.png");
        panic!("document pages: {error}");
    }
    window.end().unwrap();
}

fn document_pages(window: &Session, pdf: &Path) -> Result<(), String> {
    create_learner(window)?;
    window.execute(
        "return window.__TAURI__.core.invoke('import_audio', { paths: [arguments[0]] })",
        serde_json::json!([pdf.display().to_string()]),
    )?;
    let ready = window.wait_for(".source-item[data-status='ready']", Duration::from_secs(90))?;
    window.click(&ready)?;
    window.wait_for_text("#document", "Typed: the water cycle has four stages.", WAIT)?;
    window.wait_for_text("#document", "Evaporation lifts water into the air.", WAIT)?;
    window.wait_for_text("#document", "Condensation forms the clouds.", WAIT)?;
    // Each page drawn, fetched as it scrolls into view.
    for page in [1, 2] {
        let started = Instant::now();
        loop {
            let drawn = window.execute(
                "const page = document.querySelector(`.document-page[data-page='${arguments[0]}']`);
                 page.scrollIntoView();
                 const img = page.querySelector('.page-image');
                 return img && img.complete ? [img.naturalWidth, img.naturalHeight] : null",
                serde_json::json!([page]),
            )?;
            if let Some([width, height]) = drawn.as_array().map(|d| [d[0].as_f64(), d[1].as_f64()])
                && let (Some(width), Some(height)) = (width, height)
                && width > 0.0
            {
                // US Letter's shape: 8.5 by 11.
                let shape = height / width;
                if (shape - 11.0 / 8.5).abs() > 0.01 {
                    return Err(format!("page {page} drawn {width}×{height}"));
                }
                break;
            }
            if started.elapsed() > WAIT {
                return Err(format!("page {page} was not drawn: {drawn}"));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    // The scan's two lines are outlined where they are on the page (in points).
    let boxes = window.execute(
        "return [...document.querySelectorAll(`.document-page[data-page='2'] .outlines rect`)]
            .map(r => [r.x.baseVal.value, r.y.baseVal.value, r.width.baseVal.value, r.height.baseVal.value])",
        serde_json::json!([]),
    )?;
    let boxes: Vec<[f64; 4]> =
        serde_json::from_value(boxes.clone()).map_err(|e| format!("{boxes}: {e}"))?;
    let expected_tops = [83.0, 131.0];
    if boxes.len() != 2
        || boxes.iter().zip(expected_tops).any(|([x, y, w, h], top)| {
            (x - 48.0).abs() > 8.0
                || (y - top).abs() > 10.0
                || *w < 150.0
                || !(8.0..30.0).contains(h)
        })
    {
        return Err(format!("outlines on page 2: {boxes:?}"));
    }
    // The typed page has no outlines: its text is its own.
    let typed = window.execute(
        "return document.querySelectorAll(`.document-page[data-page='1'] .outlines rect`).length",
        serde_json::json!([]),
    )?;
    if typed != 0 {
        return Err(format!("{typed} outlines on the typed page"));
    }
    window.execute(
        "document.querySelector(`.document-page[data-page='1']`).scrollIntoView(); return true",
        serde_json::json!([]),
    )?;
    std::thread::sleep(Duration::from_millis(500));
    save_screenshot(window, "document-pages.png");
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, ImageMagick, Ghostscript, the OCR and embedding models; `cargo xtask test` provides them"]
fn search_ask_and_topics_lead_to_the_page_and_region_they_come_from() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let pdf = data.path().join("Weather.pdf");
    satchel_e2e::typed_and_scanned_pdf(
        &pdf,
        &["Typed: the water cycle has four stages."],
        &[
            (100, 200, "Evaporation lifts water into the air."),
            (100, 300, "Condensation forms the clouds."),
        ],
    );
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = search_ask_topics(&window, &pdf) {
        save_screenshot(&window, "failure-search.png");
        panic!("search, ask and topics: {error}");
    }
    window.end().unwrap();
}

fn search_ask_topics(window: &Session, pdf: &Path) -> Result<(), String> {
    create_learner(window)?;
    window.execute(
        "return window.__TAURI__.core.invoke('import_audio', { paths: [arguments[0]] })",
        serde_json::json!([pdf.display().to_string()]),
    )?;
    window.wait_for(".source-item[data-status='ready']", Duration::from_secs(90))?;

    // Words the page does not use; the results fill in once it is indexed.
    let input = window.wait_for("#search-input", WAIT)?;
    window.type_text(&input, "how clouds are made")?;
    window.click(&window.wait_for("#search-submit", WAIT)?)?;
    window.wait_for_text(
        "#hits",
        "Condensation forms the clouds.",
        Duration::from_secs(60),
    )?;
    window.wait_for_text(".hit[data-kind='document'] .hit-place", "Page 2", WAIT)?;
    let marked = window.execute(
        "return [...document.querySelectorAll('#hits .hit')[0].querySelectorAll('mark')].map(m => m.textContent)",
        serde_json::json!([]),
    )?;
    if !marked.to_string().to_lowercase().contains("clouds") {
        return Err(format!("marked words: {marked}"));
    }
    save_screenshot(window, "search-results.png");
    // Clicked by script: the list may be drawn again as indexing finishes, and a
    // WebDriver click on a replaced element fails.
    window.execute(
        "document.querySelector(\".hit[data-kind='document'] .hit-link\").click(); return true",
        serde_json::json!([]),
    )?;
    // The source opens at page 2 with the passage's region outlined on it.
    window.wait_for(".document-page[data-page='2'] #found-region", WAIT)?;
    let y = window.execute(
        "return document.querySelector('#found-region').y.baseVal.value",
        serde_json::json!([]),
    )?;
    if !(70.0..150.0).contains(&y.as_f64().unwrap_or(0.0)) {
        return Err(format!("the region outlined is at y {y}"));
    }
    let started = Instant::now();
    loop {
        let top = window.execute(
            "return document.querySelector(`.document-page[data-page='2']`).getBoundingClientRect().top",
            serde_json::json!([]),
        )?;
        if top.as_f64().is_some_and(|t| t.abs() < 200.0) {
            break;
        }
        if started.elapsed() > WAIT {
            let layout = window.execute(
                "const c = document.querySelector('#content');
                 return [c.scrollTop, c.scrollHeight, c.clientHeight, location.href,
                   ...[...document.querySelectorAll('.document-page')].map(p => p.getBoundingClientRect().top)]",
                serde_json::json!([]),
            )?;
            return Err(format!(
                "page 2 was not scrolled into view: top {top}; {layout}"
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    window.wait_for("#source-topics .topic", WAIT)?;

    window.click(&window.wait_for("a[href='/ask']", WAIT)?)?;
    let question = window.wait_for("#ask-input", WAIT)?;
    window.type_text(&question, "How does water get up into the sky?")?;
    window.click(&window.wait_for("#ask-submit", WAIT)?)?;
    window.wait_for_text(
        "#answers .answer:first-child mark.answer-sentence",
        "Evaporation lifts water into the air.",
        WAIT,
    )?;
    window.wait_for_text("#answers .answer:first-child .citation", "Weather", WAIT)?;
    save_screenshot(window, "ask.png");

    window.click(&window.wait_for("a[href='/topics']", WAIT)?)?;
    window.wait_for("#topics .topic .chip", WAIT)?;
    save_screenshot(window, "topics.png");
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the embedding model; `cargo xtask test` provides them"]
fn a_study_pack_is_made_from_a_source_and_its_cards_kept_with_why_each_was_made() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let notes =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample-lesson/water-cycle.md");
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = study_pack(&window, &notes) {
        save_screenshot(&window, "failure-pack.png");
        panic!("study pack: {error}");
    }
    window.end().unwrap();
}

/// Brings `notes` into the library and makes its study pack, on its page.
fn make_pack(window: &Session, notes: &Path) -> Result<(), String> {
    window.execute(
        "return window.__TAURI__.core.invoke('import_audio', { paths: [arguments[0]] })",
        serde_json::json!([notes.display().to_string()]),
    )?;
    let ready = window.wait_for(".source-item[data-status='ready']", Duration::from_secs(60))?;
    window.click(&ready)?;
    window.click(&window.wait_for("#make-pack", WAIT)?)?;
    // The steps run in the background; the page fills in when they are done.
    window.wait_for("#pack-cards .study-card", Duration::from_secs(60))?;
    Ok(())
}

fn study_pack(window: &Session, notes: &Path) -> Result<(), String> {
    create_learner(window)?;
    make_pack(window, notes)?;
    window.wait_for_text("#pack-summary", "water", WAIT)?;
    let cards = window.execute(
        "return [...document.querySelectorAll('#pack-cards .study-card')].map(c =>
            [c.querySelector('.card-front').textContent, c.querySelector('.card-back').textContent,
             c.querySelector('.why .passage').textContent])",
        serde_json::json!([]),
    )?;
    let cards: Vec<[String; 3]> =
        serde_json::from_value(cards.clone()).map_err(|e| format!("{cards}: {e}"))?;
    if cards.len() < 4 {
        return Err(format!("cards: {cards:?}"));
    }
    // Each card says where it came from, and its answer is in those words.
    for [front, back, passage] in &cards {
        if !passage.to_lowercase().contains(&back.to_lowercase()) {
            return Err(format!("{front:?} → {back:?} is not in {passage:?}"));
        }
    }
    window.execute(
        "document.querySelector('#pack-cards .keep-card').click(); return true",
        serde_json::json!([]),
    )?;
    window.wait_for("#pack-cards .study-card[data-state='kept']", WAIT)?;
    let before = cards.len();
    window.execute(
        "document.querySelectorAll('#pack-cards .delete-card')[1].click(); return true",
        serde_json::json!([]),
    )?;
    let started = Instant::now();
    loop {
        let left = window.execute(
            "return document.querySelectorAll('#pack-cards .study-card').length",
            serde_json::json!([]),
        )?;
        if left.as_u64() == Some(before as u64 - 1) {
            break;
        }
        if started.elapsed() > WAIT {
            return Err(format!("{left} cards after a delete, not {}", before - 1));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    // The quiz: every first choice, then checked.
    window.execute(
        "document.querySelectorAll('#pack-quiz fieldset').forEach(f => f.querySelector('input').click());
         document.querySelector('#check-quiz').click(); return true",
        serde_json::json!([]),
    )?;
    window.wait_for_text("#quiz-score", "right", WAIT)?;
    save_screenshot(window, "pack.png");
    window.click(&window.wait_for("a[href='/jobs']", WAIT)?)?;
    window.wait_for(
        "#jobs .job[data-kind='pack.deliver'][data-state='done']",
        WAIT,
    )?;
    save_screenshot(window, "jobs.png");

    // A helper on the network that does not answer: saved, said so, and not needed.
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    let url = window.wait_for("#helper-url", WAIT)?;
    window.type_text(&url, "http://127.0.0.1:9")?;
    window.type_text(&window.wait_for("#helper-model", WAIT)?, "local")?;
    window.click(&window.wait_for("#save-helper", WAIT)?)?;
    window.wait_for_text("#helper-status", "did not answer", WAIT)?;
    save_screenshot(window, "helper.png");

    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn cards_written_in_the_window_are_reviewed_by_keyboard_and_show_in_progress() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = review_by_keyboard(&window) {
        save_screenshot(&window, "failure-review.png");
        panic!("review: {error}");
    }
    window.end().unwrap();
}

fn attribute(window: &Session, css: &str, name: &str) -> Result<String, String> {
    let value = window.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null",
        serde_json::json!([css, name]),
    )?;
    Ok(value.as_str().unwrap_or_default().to_owned())
}

/// Waits for the card on show to be `revealed` (and, when given, to be `card`, or
/// not `not_card`).
fn wait_for_card(
    window: &Session,
    revealed: bool,
    card: Option<&str>,
    not_card: Option<&str>,
) -> Result<String, String> {
    let started = Instant::now();
    loop {
        let id = attribute(window, "#review-card", "data-card")?;
        let shown = attribute(window, "#review-card", "data-revealed")? == "true";
        if !id.is_empty()
            && shown == revealed
            && card.is_none_or(|c| c == id)
            && not_card.is_none_or(|c| c != id)
        {
            return Ok(id);
        }
        if started.elapsed() > WAIT {
            return Err(format!(
                "card {id:?} revealed {shown}; wanted {card:?}/not {not_card:?} revealed {revealed}"
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn review_by_keyboard(window: &Session) -> Result<(), String> {
    create_learner(window)?;
    window.click(&window.wait_for("#nav-cards", WAIT)?)?;
    window.type_text(
        &window.wait_for("#card-front-input", WAIT)?,
        "Capital of France?",
    )?;
    window.type_text(&window.wait_for("#card-back-input", WAIT)?, "Paris")?;
    window.click(&window.wait_for("#add-card", WAIT)?)?;
    window.wait_for_text("#card-saved", "1", WAIT)?;
    window.execute(
        "const kind = document.querySelector('#card-kind');
         kind.value = 'choice'; kind.dispatchEvent(new Event('change')); return true",
        serde_json::json!([]),
    )?;
    window.type_text(&window.wait_for("#card-front-input", WAIT)?, "2 + 2?")?;
    window.type_text(&window.wait_for("#card-back-input", WAIT)?, "4")?;
    window.type_text(&window.wait_for("#card-wrong-input", WAIT)?, "3\n5")?;
    window.click(&window.wait_for("#add-card", WAIT)?)?;
    window.wait_for("#deck-list .deck-item", WAIT)?;
    window.wait_for_text("#deck-list", "2 cards", WAIT)?;

    // Study now offers the two new cards; a session takes them one at a time.
    window.click(&window.wait_for("#nav-study", WAIT)?)?;
    window.wait_for_text("#study-steps", "2 new cards", WAIT)?;
    window.click(&window.wait_for("#study-steps a[href^='/review']", WAIT)?)?;
    let first = wait_for_card(window, false, None, None)?;
    window.wait_for_text("#card-front", "Capital of France?", WAIT)?;
    window.press_keys(" ")?;
    wait_for_card(window, true, Some(&first), None)?;
    window.wait_for_text("#card-back", "Paris", WAIT)?;
    save_screenshot(window, "review.png");
    window.press_keys("3")?;
    // The choice card: its choices are picked by number, which shows the answer.
    let second = wait_for_card(window, false, None, Some(&first))?;
    window.wait_for_text("#card-front", "2 + 2?", WAIT)?;
    window.wait_for("#card-choices", WAIT)?;
    window.press_keys("1")?;
    wait_for_card(window, true, Some(&second), None)?;
    window.press_keys("1")?;
    // "Again" brings it back within a minute, and the session shows it ahead; undo
    // puts the answer back as it was instead.
    wait_for_card(window, false, Some(&second), None)?;
    window.press_keys("u")?;
    wait_for_card(window, false, Some(&second), None)?;
    window.wait_for_text("#review-progress", "1 of", WAIT)?;
    let choice = window.execute(
        "return [...document.querySelectorAll('#card-choices button')].findIndex(b => b.textContent.endsWith('4')) + 1",
        serde_json::json!([]),
    )?;
    let right = choice
        .as_u64()
        .filter(|n| *n > 0)
        .ok_or("no right choice shown")?;
    window.press_keys(&right.to_string())?;
    wait_for_card(window, true, Some(&second), None)?;
    window.wait_for("#card-choices button.right", WAIT)?;
    window.press_keys("4")?;
    window.wait_for("#review-done", WAIT)?;
    window.wait_for_text("#review-done", "2 cards answered", WAIT)?;

    // Progress counts the two answers that stand (the undone one is not one).
    window.click(&window.wait_for("#nav-progress", WAIT)?)?;
    window.wait_for_text("#stat-reviews", "2", WAIT)?;
    window.wait_for_text("#chart-heatmap", "2 reviews on 1 days", WAIT)?;
    window.wait_for("#chart-forecast svg rect", WAIT)?;
    window.wait_for("#chart-retention", WAIT)?;
    window.wait_for_text("#optimisation", "400 reviews", WAIT)?;
    save_screenshot(window, "progress.png");
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn an_anki_deck_brought_in_shows_its_picture_and_sound_in_review() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let deck = data.path().join("french.apkg");
    satchel_e2e::anki::write_apkg(&deck, true);
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = anki_review(&window, &deck) {
        save_screenshot(&window, "failure-anki.png");
        panic!("anki: {error}");
    }
    window.end().unwrap();
}

fn anki_review(window: &Session, deck: &Path) -> Result<(), String> {
    create_learner(window)?;
    let report = window.execute(
        "return window.__TAURI__.core.invoke('import_anki', { path: arguments[0] })",
        serde_json::json!([deck.display().to_string()]),
    )?;
    if report["cards"] != 5 || report["media"] != 2 {
        return Err(format!("imported {report}"));
    }
    window.click(&window.wait_for("#nav-cards", WAIT)?)?;
    window.wait_for_text("#deck-list", "French::Animals", WAIT)?;
    window.click(&window.wait_for("a[href='/review']", WAIT)?)?;
    // Answer what comes before the card with the picture.
    let mut shown = String::new();
    for _ in 0..6 {
        shown = wait_for_card(window, false, None, None)?;
        let front = window.text(&window.wait_for("#card-front", WAIT)?)?;
        if front == "chat" {
            break;
        }
        window.press_keys(" ")?;
        wait_for_card(window, true, Some(&shown), None)?;
        window.press_keys("3")?;
        wait_for_card(window, false, None, Some(&shown))?;
    }
    window.wait_for_text("#card-front", "chat", WAIT)?;
    // The picture is served out of the encrypted store and drawn.
    let started = Instant::now();
    loop {
        let width = window.execute(
            "const img = document.querySelector('#review-card .card-picture');
             return img && img.complete ? img.naturalWidth : 0",
            serde_json::json!([]),
        )?;
        if width.as_u64() == Some(1) {
            break;
        }
        if started.elapsed() > WAIT {
            return Err(format!("the card's picture did not load ({width})"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    window.press_keys(" ")?;
    wait_for_card(window, true, Some(&shown), None)?;
    window.wait_for("#review-card audio.card-audio", WAIT)?;
    // The sound too: the player reads its length from what the store serves.
    let started = Instant::now();
    loop {
        let seconds = window.execute(
            "const audio = document.querySelector('#review-card audio.card-audio');
             return audio && audio.readyState >= 1 ? audio.duration : 0",
            serde_json::json!([]),
        )?;
        if seconds.as_f64().is_some_and(|s| (s - 0.2).abs() < 0.02) {
            break;
        }
        if started.elapsed() > WAIT {
            return Err(format!("the card's sound did not load ({seconds})"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    save_screenshot(window, "anki-review.png");
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn signing_in_to_a_sync_server_in_settings_brings_another_devices_cards_and_sends_back() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let server_data = data.path().join("server");
    satchel_e2e::SyncServer::add_learner(&server_data, "ada");
    let port = free_port();
    let _server = satchel_e2e::SyncServer::start(&server_data, port);
    let url = format!("http://127.0.0.1:{port}");
    // Another device of the learner's, with a card written there.
    let phone = satchel_e2e::Cli::new(&data.path().join("phone"))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", satchel_e2e::SYNC_PASSWORD);
    phone.json(&["profile", "create", "Ada"]);
    phone.json(&["login", "--server", &url, "--user", "ada"]);
    phone.json(&[
        "card", "add", "--front", "bonjour", "--back", "hello", "--deck", "French",
    ]);
    phone.json(&["sync"]);

    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = sync_in_window(&window, &url) {
        save_screenshot(&window, "failure-sync.png");
        panic!("sync: {error}");
    }
    window.end().unwrap();
    // What the window wrote reaches the other device.
    phone.json(&["sync"]);
    let fronts: Vec<String> = phone
        .json(&["card", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["front"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(fronts.contains(&"merci".to_owned()), "{fronts:?}");
}

fn sync_in_window(window: &Session, url: &str) -> Result<(), String> {
    create_learner(window)?;
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    window.type_text(&window.wait_for("#sync-server", WAIT)?, url)?;
    window.type_text(&window.wait_for("#sync-name", WAIT)?, "ada")?;
    window.type_text(
        &window.wait_for("#sync-password", WAIT)?,
        satchel_e2e::SYNC_PASSWORD,
    )?;
    window.click(&window.wait_for("#sync-sign-in-button", WAIT)?)?;
    window.wait_for("#sync-account", WAIT)?;
    // The first sync starts by itself; the indicator in the top bar says so.
    window.wait_for_text("#sync-state", "Synced", WAIT)?;
    window.wait_for_text("#sync-indicator", "Synced", WAIT)?;
    window.click(&window.wait_for("#nav-cards", WAIT)?)?;
    window.wait_for_text("#deck-list", "French", WAIT)?;
    // A card written here waits to be sent, and goes when the indicator is pressed.
    window.execute(
        "return window.__TAURI__.core.invoke('add_cards', { draft: arguments[0] })",
        serde_json::json!([{ "deck": "French", "kind": "basic", "front": "merci", "back": "thank you" }]),
    )?;
    window.wait_for_text("#sync-indicator", "1 changes waiting", WAIT)?;
    window.click(&window.wait_for("#sync-indicator", WAIT)?)?;
    window.wait_for_text("#sync-indicator", "Synced", WAIT)?;
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    window.wait_for_text("#sync-state", "Synced", WAIT)?;
    save_screenshot(window, "sync-settings.png");
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the models; `cargo xtask test` provides them"]
fn a_teacher_runs_a_class_from_the_window_and_sees_a_students_progress() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let notes =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample-lesson/water-cycle.md");
    let student =
        satchel_e2e::Cli::new(&data.path().join("student")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    student.json(&["profile", "create", "Ben"]);
    let driver = Driver::start(&data.path().join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = teach_in_window(&window, &notes, &student) {
        let _ = window.execute(
            "document.querySelector('.taught-class form')?.scrollIntoView(); return true",
            serde_json::json!([]),
        );
        save_screenshot(&window, "failure-class.png");
        panic!("class: {error}");
    }
    window.end().unwrap();
}

fn teach_in_window(
    window: &Session,
    notes: &Path,
    student: &satchel_e2e::Cli,
) -> Result<(), String> {
    create_learner(window)?;
    make_pack(window, notes)?;

    // Teacher mode: the class server starts in the app, and a class gets a code.
    window.click(&window.wait_for("#nav-class", WAIT)?)?;
    window.click(&window.wait_for("#start-class-server", WAIT)?)?;
    window.wait_for("#hosting .address", Duration::from_secs(30))?;
    let address = text_of(window, "#hosting .address")?;
    window.type_text(&window.wait_for("#class-name", WAIT)?, "Year 7 Science")?;
    window.click(&window.wait_for("#create-class", WAIT)?)?;
    window.wait_for("#join-code", WAIT)?;
    let code = text_of(window, "#join-code")?;
    save_screenshot(window, "class-teacher.png");

    // A student joins at the address the window shows, with the code it shows.
    let joined = student.json(&["class", "join", &code, "--server", &address]);
    if joined["name"] != "Year 7 Science" {
        return Err(format!("joined {joined}"));
    }
    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    window.click(&window.wait_for("#nav-class", WAIT)?)?;
    window.wait_for_text(".taught-class", "1 students", WAIT)?;
    // The roster and the dashboard arrive after the class: the form stops moving.
    window.wait_for_text(".audience", "Ben", WAIT)?;
    window.wait_for("#class-dashboard", WAIT)?;
    window.execute(
        "const s = document.querySelector('#lesson-material');
         s.value = s.options[1].value; s.dispatchEvent(new Event('change')); return true",
        serde_json::json!([]),
    )?;
    window.click(&window.wait_for("#assign-lesson", WAIT)?)?;
    window.wait_for_text("#assigned", "Assigned to 1", Duration::from_secs(30))?;

    // The student studies (and finds it hard); their progress comes back.
    student.json(&["sync"]);
    let cards = student.json(&["card", "list"]);
    let cards = cards.as_array().cloned().unwrap_or_default();
    if cards.is_empty() {
        return Err("the lesson's cards did not reach the student".into());
    }
    for card in &cards {
        student.json(&[
            "review",
            "answer",
            card["id"].as_str().unwrap_or_default(),
            "again",
        ]);
    }
    student.json(&["sync"]);
    window.execute(
        "[...document.querySelectorAll('.taught-class button.quiet')].pop().click(); return true",
        serde_json::json!([]),
    )?;
    window.wait_for_text("#struggling", "Ben", WAIT)?;
    window.wait_for_text("#completion", "1 done", WAIT)?;
    window.wait_for("#mastery-matrix rect.matrix-cell", WAIT)?;
    window.execute(
        "document.querySelector('#class-dashboard').scrollIntoView(); return true",
        serde_json::json!([]),
    )?;
    save_screenshot(window, "class-dashboard.png");
    // A student with no network is added by name (their lessons would go by stick).
    window.click(&window.wait_for("#roster > summary", WAIT)?)?;
    window.type_text(&window.wait_for("#student-name", WAIT)?, "Eve")?;
    window.click(&window.wait_for("#add-student", WAIT)?)?;
    window.wait_for_text("#roster", "Eve is in the class", WAIT)?;
    window.wait_for_text(".roster-list", "Eve", WAIT)?;
    save_screenshot(window, "class-roster.png");
    // And taken out again, once the teacher confirms.
    window.execute(
        "[...document.querySelectorAll('.roster-item')].find(li => li.textContent.includes('Eve'))
            .querySelector('.remove-student').click(); return true",
        serde_json::json!([]),
    )?;
    let confirm = window.wait_for(".confirm-remove", WAIT)?;
    save_screenshot(window, "class-remove-student.png");
    window.click(&confirm)?;
    window.wait_for_text("#roster", "Eve is no longer in the class", WAIT)?;
    let asked = Instant::now();
    while text_of(window, ".roster-list")?.contains("Eve") {
        if asked.elapsed() > WAIT {
            return Err("Eve is still on the roster after she was taken out".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let left = text_of(window, ".roster-list")?;
    assert!(left.contains("Ben"), "the others stay: {left}");
    window.click(&window.wait_for("#stop-class-server", WAIT)?)?;
    window.wait_for("#start-class-server", WAIT)?;
    Ok(())
}

fn text_of(window: &Session, css: &str) -> Result<String, String> {
    let text = window.execute(
        "return document.querySelector(arguments[0]).textContent",
        serde_json::json!([css]),
    )?;
    Ok(text.as_str().unwrap_or_default().trim().to_owned())
}
