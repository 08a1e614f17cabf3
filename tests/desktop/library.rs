//! The library in the window: notes kept across a restart, recordings from a file and
//! from the microphone, photos, pasted pictures, PDFs (protected ones too) and search.

use super::*;

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
    snapshot(&window, "library.png").unwrap_or_else(|e| panic!("{e}"));
    window.end().unwrap();

    // Restart: a new app process on the same data.
    let window = Session::start(&driver.url, &app).expect("the window opens again");
    if let Err(error) = after_restart(&window) {
        save_screenshot(&window, "failure-after-restart.png");
        panic!("after restart: {error}");
    }
    snapshot(&window, "note-after-restart.png").unwrap_or_else(|e| panic!("{e}"));
    window.end().unwrap();
}

fn first_run(window: &Session) -> Result<(), String> {
    create_learner(window)?;
    write_note(window, "Photosynthesis", "Plants turn light into sugar.")?;
    window.wait_for_text("#save-status", "Saved", WAIT)?;
    audit(window, "a note being written")?;

    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    window.wait_for_text("#note-list", "Photosynthesis", WAIT)?;
    window.wait_for_text("#note-count", "1 note", WAIT)
}

fn after_restart(window: &Session) -> Result<(), String> {
    window.wait_for_text(".profile-list", "Ada", WAIT)?;
    audit(window, "choosing a learner")?;
    window.click(&window.wait_for(".profile-button", WAIT)?)?;
    let passphrase = window.wait_for("#unlock-passphrase", WAIT)?;
    audit(window, "opening a library with its passphrase")?;
    window.type_text(&passphrase, PASSPHRASE)?;
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
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn a_library_backed_up_in_settings_is_restored_as_it_was() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(data.path());
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = backup_and_restore(&window) {
        save_screenshot(&window, "failure-backup.png");
        panic!("backup and restore: {error}");
    }
    window.end().unwrap();
}

fn backup_and_restore(window: &Session) -> Result<(), String> {
    create_learner(window)?;
    write_note(window, "Photosynthesis", "Plants turn light into sugar.")?;
    window.wait_for_text("#save-status", "Saved", WAIT)?;

    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    window.click(&window.wait_for("#backup-now", WAIT)?)?;
    window.wait_for("#backup-made", WAIT)?;
    window.wait_for_text("#backup-list", "1 note", WAIT)?;
    audit(window, "the library's backups")?;

    // The library moves on after the backup.
    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    write_note(window, "Later", "Written after the backup.")?;
    window.wait_for_text("#save-status", "Saved", WAIT)?;
    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    window.wait_for_text("#note-count", "2 notes", WAIT)?;

    // Restored: the passphrase of then asked, the library as it was.
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    window.click(&window.wait_for("#backup-list .restore-backup", WAIT)?)?;
    window.type_text(&window.wait_for("#restore-passphrase", WAIT)?, PASSPHRASE)?;
    audit(window, "restoring a backup")?;
    window.click(&window.wait_for("#restore-confirm-button", WAIT)?)?;
    window.wait_for("#backup-restored", Duration::from_secs(60))?;
    // The library it replaced is kept among the backups.
    window.wait_for_text("#backup-list", "kept before a restore", WAIT)?;
    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    window.wait_for_text("#note-count", "1 note", WAIT)?;
    window.wait_for_text("#note-list", "Photosynthesis", WAIT)?;
    let list = window.text(&window.wait_for("#note-list", WAIT)?)?;
    if list.contains("Later") {
        return Err(format!(
            "the note written after the backup is still there: {list}"
        ));
    }
    snapshot(window, "restored.png")
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn a_learner_is_renamed_finds_the_shortcuts_and_is_removed_with_a_last_backup() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let driver = Driver::start(data.path());
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = rename_and_remove(&window) {
        save_screenshot(&window, "failure-learner.png");
        panic!("rename and remove: {error}");
    }
    window.end().unwrap();
}

fn rename_and_remove(window: &Session) -> Result<(), String> {
    create_learner(window)?;
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    window.type_text(&window.wait_for("#learner-name", WAIT)?, " Lovelace")?;
    window.click(&window.wait_for("#rename-learner", WAIT)?)?;
    window.wait_for("#learner-done", WAIT)?;
    window.wait_for_text("#current-learner", "Ada Lovelace", WAIT)?;

    // `?` from anywhere (not a field) opens the shortcut sheet.
    window.click(&window.wait_for("#rename-learner", WAIT)?)?;
    window.press_keys("?")?;
    window.wait_for_text("#shortcuts", "Show the answer", WAIT)?;
    audit(window, "help and the keyboard shortcuts")?;
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;

    window.click(&window.wait_for("#remove-learner", WAIT)?)?;
    window.type_text(&window.wait_for("#remove-name", WAIT)?, "Ada Lovelace")?;
    window.type_text(&window.wait_for("#remove-passphrase", WAIT)?, PASSPHRASE)?;
    audit(window, "removing a learner")?;
    window.click(&window.wait_for("#remove-learner-confirm", WAIT)?)?;
    // Back at the start, with no learner left and the last backup to restore.
    window.wait_for("#profile-name", WAIT)?;
    window.wait_for("#restore-backup", WAIT)?;
    audit(window, "a computer with no learner")?;
    Ok(())
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
    snapshot(&window, "source.png").unwrap_or_else(|e| panic!("{e}"));
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

    // Heard as English. Transcribed again in the language the learner names, the
    // language shown follows.
    window.wait_for_text("#source-status", "English", WAIT)?;
    choose_option(window, "#retranscribe-language", "es")?;
    window.click(&window.wait_for("#retranscribe-button", WAIT)?)?;
    window.wait_for_text("#source-status", "Español", Duration::from_secs(120))?;
    window.wait_for_text("#source-status", "Transcribed", WAIT)
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
            snapshot(window, "recording.png")?;
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
    snapshot(window, "recorded-source.png")?;
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
    snapshot(&window, "photo.png").unwrap_or_else(|e| panic!("{e}"));
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
        snapshot(&window, "document.png").unwrap_or_else(|e| panic!("{e}"));
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
    snapshot(window, "document-pages.png")?;
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
    snapshot(window, "search-results.png")?;
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
    snapshot(window, "ask.png")?;

    window.click(&window.wait_for("a[href='/topics']", WAIT)?)?;
    window.wait_for("#topics .topic .chip", WAIT)?;
    snapshot(window, "topics.png")?;
    Ok(())
}
