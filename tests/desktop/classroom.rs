//! Sharing in the window: signing in to a sync server, and a teacher running a class.

use super::*;

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn signing_in_to_a_sync_server_in_settings_brings_another_devices_cards_and_sends_back() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    let server_data = data.path().join("server");
    satchel_e2e::SyncServer::add_learner(&server_data, "ada");
    let port = free_port();
    let server = satchel_e2e::SyncServer::start(&server_data, port);
    let url = server.url.clone();
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
    // Typed without its fingerprint, as a learner would: the window shows the server's
    // words to compare before anything is sent, and signs in once they match.
    let (typed, fingerprint) = url
        .split_once("/#sha256=")
        .ok_or_else(|| format!("{url} has no fingerprint"))?;
    window.type_text(&window.wait_for("#sync-server", WAIT)?, typed)?;
    window.type_text(&window.wait_for("#sync-name", WAIT)?, "ada")?;
    window.type_text(
        &window.wait_for("#sync-password", WAIT)?,
        satchel_e2e::SYNC_PASSWORD,
    )?;
    window.click(&window.wait_for("#sync-sign-in-button", WAIT)?)?;
    window.wait_for("#confirm-server", WAIT)?;
    let shown = text_of(window, "#server-words")?;
    let expected = satchel_core::fingerprint_words(fingerprint);
    if shown != expected {
        return Err(format!(
            "the window shows {shown:?}, the server is {expected:?}"
        ));
    }
    snapshot(window, "sync-confirm-server.png")?;
    window.click(&window.wait_for("#server-words-match", WAIT)?)?;
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
    window.wait_for_text("#sync-indicator", "1 change waiting", WAIT)?;
    window.click(&window.wait_for("#sync-indicator", WAIT)?)?;
    window.wait_for_text("#sync-indicator", "Synced", WAIT)?;
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    window.wait_for_text("#sync-state", "Synced", WAIT)?;
    snapshot(window, "sync-settings.png")?;
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
    snapshot(window, "class-teacher.png")?;

    // Typed by hand, the address and code make the student's app show the server's
    // words, the same the teacher's window shows; the join link needs nothing typed.
    let words = text_of(window, "#hosting-words .fingerprint-words")?;
    let typed = student.run(&["class", "join", &code, "--server", &address, "--json"]);
    let refusal = String::from_utf8_lossy(&typed.stderr).to_string();
    if typed.status.success() || !refusal.contains("confirm_server") || !refusal.contains(&words) {
        return Err(format!(
            "typing the address: {refusal} (the window shows {words:?})"
        ));
    }
    let link = text_of(window, ".join-link-text")?;
    let joined = student.json(&["class", "join", &link]);
    if joined["name"] != "Year 7 Science" {
        return Err(format!("joined {joined}"));
    }
    window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
    window.click(&window.wait_for("#nav-class", WAIT)?)?;
    window.wait_for_text(".taught-class", "1 student", WAIT)?;
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
        "document.querySelector('#refresh-dashboard').click(); return true",
        serde_json::json!([]),
    )?;
    window.wait_for_text("#struggling", "Ben", WAIT)?;
    window.wait_for_text("#completion", "1 done", WAIT)?;
    window.wait_for("#mastery-matrix rect.matrix-cell", WAIT)?;
    window.execute(
        "document.querySelector('#class-dashboard').scrollIntoView(); return true",
        serde_json::json!([]),
    )?;
    snapshot(window, "class-dashboard.png")?;
    // The dashboard in other languages, for the docs; then back to the computer's.
    for tag in ["es", "hi", "ar"] {
        super::languages::switch_language(window, tag, tag)?;
        window.click(&window.wait_for("#nav-class", WAIT)?)?;
        window.wait_for("#mastery-matrix rect.matrix-cell", WAIT)?;
        window.wait_for_text("#struggling", "Ben", WAIT)?;
        window.execute(
            "document.querySelector('#class-dashboard').scrollIntoView(); return true",
            serde_json::json!([]),
        )?;
        // The lessons and roster above it arrive on their own: let the page settle.
        std::thread::sleep(Duration::from_millis(500));
        window.execute(
            "document.querySelector('#class-dashboard').scrollIntoView(); return true",
            serde_json::json!([]),
        )?;
        snapshot(window, &format!("class-dashboard-{tag}.png"))?;
    }
    super::languages::switch_language(window, "system", "en")?;
    window.click(&window.wait_for("#nav-class", WAIT)?)?;
    // The roster and the dashboard arrive after the class, as on the first visit.
    window.wait_for_text(".audience", "Ben", WAIT)?;
    window.wait_for_text("#struggling", "Ben", WAIT)?;
    // A student with no network is added by name (their lessons would go by stick).
    window.click(&window.wait_for("#roster > summary", WAIT)?)?;
    window.type_text(&window.wait_for("#student-name", WAIT)?, "Eve")?;
    window.click(&window.wait_for("#add-student", WAIT)?)?;
    window.wait_for_text("#roster", "Eve is in the class", WAIT)?;
    window.wait_for_text(".roster-list", "Eve", WAIT)?;
    snapshot(window, "class-roster.png")?;
    // And taken out again, once the teacher confirms.
    window.execute(
        "[...document.querySelectorAll('.roster-item')].find(li => li.textContent.includes('Eve'))
            .querySelector('.remove-student').click(); return true",
        serde_json::json!([]),
    )?;
    let confirm = window.wait_for(".confirm-remove", WAIT)?;
    snapshot(window, "class-remove-student.png")?;
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
