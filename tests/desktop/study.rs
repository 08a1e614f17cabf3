//! Studying in the window: a study pack made and its cards kept, reviews by keyboard,
//! and an Anki deck with its picture and sound.

use super::*;

/// Runs `scenario` in a new window on a new data folder under `data`; when it fails,
/// the window is saved as `screenshot` and the test fails with its error.
fn in_window(data: &Path, screenshot: &str, scenario: impl FnOnce(&Session) -> Result<(), String>) {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let driver = Driver::start(&data.join("satchel"));
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = scenario(&window) {
        save_screenshot(&window, screenshot);
        panic!("{error}");
    }
    window.end().unwrap();
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the embedding model; `cargo xtask test` provides them"]
fn a_study_pack_is_made_from_a_source_and_its_cards_kept_with_why_each_was_made() {
    let data = tempfile::tempdir().unwrap();
    let notes =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample-lesson/water-cycle.md");
    in_window(data.path(), "failure-pack.png", |window| {
        study_pack(window, &notes)
    });
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the Whisper and embedding models; `cargo xtask test` provides them"]
fn a_card_from_a_recording_plays_the_moment_it_came_from() {
    let data = tempfile::tempdir().unwrap();
    let lecture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/sample-lesson/lecture.ogg");
    in_window(data.path(), "failure-moment.png", |window| {
        moment(window, &lecture)
    });
}

fn moment(window: &Session, lecture: &Path) -> Result<(), String> {
    create_learner(window)?;
    make_pack(window, lecture)?;
    window.click(&window.wait_for("#nav-study", WAIT)?)?;
    window.click(&window.wait_for("#study-steps a[href^='/review?deck=']", WAIT)?)?;
    let card = wait_for_card(window, false, None, None)?;
    window.press_keys(" ")?;
    wait_for_card(window, true, Some(&card), None)?;
    window.wait_for("#card-moment", WAIT)?;
    let src = window.execute(
        "return document.querySelector('#card-moment').getAttribute('src')",
        serde_json::json!([]),
    )?;
    let src = src.as_str().unwrap_or_default();
    // The recording from where the card's words were said to where they end.
    let fragment = src
        .split_once("#t=")
        .map(|(_, t)| t.to_owned())
        .ok_or(format!("no moment in {src:?}"))?;
    let (start, end) = fragment
        .split_once(',')
        .and_then(|(s, e)| Some((s.parse::<f64>().ok()?, e.parse::<f64>().ok()?)))
        .ok_or(format!("moment {fragment:?}"))?;
    if !(0.0..end).contains(&start) || end > 20.0 {
        return Err(format!(
            "the lecture lasts 12 s; the moment is {start}–{end} s"
        ));
    }
    let label = window.execute(
        "return document.querySelector('#card-moment').getAttribute('aria-label')",
        serde_json::json!([]),
    )?;
    if !label.as_str().unwrap_or_default().contains("lecture") {
        return Err(format!("the player says {label}"));
    }
    audit(window, "a card from a recording")?;
    snapshot(window, "moment.png")
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the OCR and embedding models; `cargo xtask test` provides them"]
fn a_photographed_diagram_becomes_cards_that_hide_each_label() {
    let data = tempfile::tempdir().unwrap();
    let diagram = data.path().join("Animal cell.png");
    draw_diagram(&diagram);
    in_window(data.path(), "failure-occlusion.png", |window| {
        occlusion(window, &diagram)
    });
}

/// The labels of the diagram [`draw_diagram`] draws.
const LABELS: [&str; 4] = ["nucleus", "cytoplasm", "cell membrane", "mitochondrion"];

/// A labelled diagram as a textbook draws one: a cell (an ellipse, its nucleus, a
/// mitochondrion), each part with a line to its label (ImageMagick, DejaVu Sans).
fn draw_diagram(out: &Path) {
    let status = std::process::Command::new("convert")
        .args([
            "-size",
            "1100x620",
            "xc:white",
            "-stroke",
            "#333333",
            "-strokewidth",
            "4",
        ])
        .args(["-fill", "#f3e9d2", "-draw", "ellipse 330,310 260,220 0,360"])
        .args(["-fill", "#c9b7e8", "-draw", "circle 330,300 390,300"])
        .args(["-fill", "#f2b8a0", "-draw", "ellipse 230,430 50,22 0,360"])
        .args(["-strokewidth", "3", "-draw", "line 390,300 700,120"])
        .args(["-draw", "line 470,380 700,280"])
        .args(["-draw", "line 585,360 700,440"])
        .args(["-draw", "line 230,450 700,570"])
        .args(["-stroke", "none", "-fill", "black", "-font"])
        .arg("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
        .args(["-pointsize", "34"])
        .args(["-annotate", "+720+130", LABELS[0]])
        .args(["-annotate", "+720+290", LABELS[1]])
        .args(["-annotate", "+720+450", LABELS[2]])
        .args(["-annotate", "+720+580", LABELS[3]])
        .arg(out)
        .status()
        .expect("ImageMagick runs");
    assert!(status.success(), "convert failed");
}

fn occlusion(window: &Session, diagram: &Path) -> Result<(), String> {
    create_learner(window)?;
    make_pack(window, diagram)?;
    // The pack shows each card's diagram with the label it hides outlined.
    window.wait_for("#pack-cards .occlusion .mask.shown", WAIT)?;
    let pictured = window.execute(
        "return document.querySelectorAll('#pack-cards .occlusion').length",
        serde_json::json!([]),
    )?;
    if pictured.as_u64() != Some(LABELS.len() as u64) {
        return Err(format!(
            "{pictured} occlusion cards for {} labels",
            LABELS.len()
        ));
    }
    audit(window, "a diagram's pack")?;
    window.click(&window.wait_for("#nav-study", WAIT)?)?;
    window.click(&window.wait_for("#study-steps a[href^='/review?deck=']", WAIT)?)?;
    let card = wait_for_card(window, false, None, None)?;
    window.wait_for_text("#card-front", "Which label is hidden?", WAIT)?;
    window.wait_for("#occlusion-mask:not(.shown)", WAIT)?;
    // The box covers the label: its place in the picture, in percent, is where the
    // label was drawn (right of x = 720 px in a 1100 px picture).
    let left = window.execute(
        "return parseFloat(document.querySelector('#occlusion-mask').style.left)",
        serde_json::json!([]),
    )?;
    let left = left.as_f64().ok_or_else(|| {
        let html = window
            .execute(
                "return document.querySelector('#occlusion').outerHTML",
                serde_json::json!([]),
            )
            .unwrap_or_default();
        format!("mask placed at {left}: {html}")
    })?;
    if !(60.0..70.0).contains(&left) {
        return Err(format!(
            "the mask starts at {left:.1} % of the width, not at a label"
        ));
    }
    audit(window, "an occlusion card's question")?;
    window.press_keys(" ")?;
    wait_for_card(window, true, Some(&card), None)?;
    window.wait_for("#occlusion-mask.shown", WAIT)?;
    let back = window.text(&window.wait_for("#card-back", WAIT)?)?;
    if !LABELS.contains(&back.as_str()) {
        return Err(format!(
            "the answer {back:?} is none of the labels {LABELS:?}"
        ));
    }
    snapshot(window, "occlusion.png")?;
    // The next card hides another label.
    window.press_keys("3")?;
    wait_for_card(window, false, None, Some(&card))?;
    window.wait_for("#occlusion-mask:not(.shown)", WAIT)?;
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
    snapshot(window, "pack.png")?;
    window.click(&window.wait_for("a[href='/jobs']", WAIT)?)?;
    window.wait_for(
        "#jobs .job[data-kind='pack.deliver'][data-state='done']",
        WAIT,
    )?;
    snapshot(window, "jobs.png")?;

    // A helper on the network that does not answer: saved, said so, and not needed.
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    let url = window.wait_for("#helper-url", WAIT)?;
    window.type_text(&url, "http://127.0.0.1:9")?;
    window.type_text(&window.wait_for("#helper-model", WAIT)?, "local")?;
    window.click(&window.wait_for("#save-helper", WAIT)?)?;
    window.wait_for_text("#helper-status", "did not answer", WAIT)?;
    snapshot(window, "helper.png")?;

    tutor(window)
}

/// The tutor while studying the pack's cards: a hint on the question, the answer
/// explained in the source's sentences, the passage shown after "again", and after a
/// second fail an easier card on the same fact, asked next.
fn tutor(window: &Session) -> Result<(), String> {
    window.click(&window.wait_for("#nav-study", WAIT)?)?;
    window.click(&window.wait_for("#study-steps a[href^='/review?deck=']", WAIT)?)?;
    let card = wait_for_card(window, false, None, None)?;
    window.press_keys("h")?;
    window.wait_for_text("#card-hint", "Starts with", WAIT)?;
    window.press_keys(" ")?;
    wait_for_card(window, true, Some(&card), None)?;
    let shown = window.text(&window.wait_for("#card-back", WAIT)?)?;
    let back = shown.to_lowercase();
    let hint = window.execute(
        "return document.querySelector('#card-hint') ? 'still there' : ''",
        serde_json::json!([]),
    )?;
    if back.is_empty() || hint != "" {
        return Err(format!("answer {back:?}, hint {hint}"));
    }
    window.press_keys("e")?;
    window.wait_for("#card-explanation li", WAIT)?;
    let explained = window.execute(
        "return [...document.querySelectorAll('#card-explanation li')].map(l => l.textContent)",
        serde_json::json!([]),
    )?;
    let explained: Vec<String> = serde_json::from_value(explained).map_err(|e| e.to_string())?;
    if !explained
        .iter()
        .all(|said| said.to_lowercase().contains(&back))
    {
        return Err(format!("{back:?} explained by {explained:?}"));
    }
    audit(window, "a card explained")?;
    snapshot(window, "explained.png")?;

    // Missed: the passage it came from, before going on.
    window.press_keys("1")?;
    window.wait_for("#tutor-passage", WAIT)?;
    let passage = window
        .text(&window.wait_for("#tutor-passage", WAIT)?)?
        .to_lowercase();
    if !passage.contains(&back) {
        return Err(format!("{back:?} is not in the passage shown: {passage:?}"));
    }
    audit(window, "the tutor after a miss")?;
    snapshot(window, "tutor.png")?;
    window.press_keys(" ")?;
    let next = wait_for_card(window, false, None, Some(&card))?;

    // Missed again when it comes back (answered here as its return would be): an
    // easier card on its fact is made, and asked before anything else.
    let answered = window.execute(
        "return window.__TAURI__.core.invoke('answer_card', { card_id: arguments[0], rating: 'again', duration_ms: 1000 })",
        serde_json::json!([card]),
    )?;
    let easier = answered["easier_card"]
        .as_str()
        .ok_or(format!("no easier card after two misses: {answered}"))?
        .to_owned();
    window.click(&window.wait_for("#nav-study", WAIT)?)?;
    window.wait_for_text("#study-steps", "waiting", WAIT)?;
    window.click(&window.wait_for("#study-steps #start-reviews", WAIT)?)?;
    wait_for_card(window, false, Some(&easier), Some(&next))?;
    window.press_keys(" ")?;
    wait_for_card(window, true, Some(&easier), None)?;
    window.wait_for_text("#card-back", &shown, WAIT)?;
    snapshot(window, "easier.png")?;
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn cards_written_in_the_window_are_reviewed_by_keyboard_and_show_in_progress() {
    let data = tempfile::tempdir().unwrap();
    in_window(data.path(), "failure-review.png", review_by_keyboard);
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
    choose_option(window, "#card-kind", "choice")?;
    window.type_text(&window.wait_for("#card-front-input", WAIT)?, "2 + 2?")?;
    window.type_text(&window.wait_for("#card-back-input", WAIT)?, "4")?;
    window.type_text(&window.wait_for("#card-wrong-input", WAIT)?, "3\n5")?;
    window.click(&window.wait_for("#add-card", WAIT)?)?;
    window.wait_for("#deck-list .deck-item", WAIT)?;
    window.wait_for_text("#deck-list", "2 cards", WAIT)?;
    audit(window, "the cards page")?;

    // Study now offers the two new cards; a session takes them one at a time.
    window.click(&window.wait_for("#nav-study", WAIT)?)?;
    window.wait_for_text("#study-steps", "2 new cards", WAIT)?;
    audit(window, "study now")?;
    window.click(&window.wait_for("#study-steps a[href^='/review']", WAIT)?)?;
    let first = wait_for_card(window, false, None, None)?;
    window.wait_for_text("#card-front", "Capital of France?", WAIT)?;
    audit(window, "a review, its question shown")?;
    window.press_keys(" ")?;
    wait_for_card(window, true, Some(&first), None)?;
    window.wait_for_text("#card-back", "Paris", WAIT)?;
    snapshot(window, "review.png")?;
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
    audit(window, "a review session's end")?;

    // Progress counts the two answers that stand (the undone one is not one).
    window.click(&window.wait_for("#nav-progress", WAIT)?)?;
    window.wait_for_text("#stat-reviews", "2", WAIT)?;
    window.wait_for_text("#chart-heatmap", "2 reviews on 1 day.", WAIT)?;
    window.wait_for("#chart-forecast svg rect", WAIT)?;
    window.wait_for("#chart-retention", WAIT)?;
    window.wait_for_text("#optimisation", "400 reviews", WAIT)?;
    snapshot(window, "progress.png")?;
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn an_anki_deck_brought_in_shows_its_picture_and_sound_in_review() {
    let data = tempfile::tempdir().unwrap();
    let deck = data.path().join("french.apkg");
    satchel_e2e::anki::write_apkg(&deck, true);
    let library = data.path().join("satchel");
    in_window(data.path(), "failure-anki.png", |window| {
        anki_review(window, &deck)?;
        back_to_anki(window, &library, &data.path().join("for-anki.apkg"))
    });
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and dunst; `cargo xtask test` provides them"]
fn reviews_waiting_are_told_by_a_notification_and_a_childs_library_starts_without() {
    let data = tempfile::tempdir().unwrap();
    let deck = data.path().join("french.apkg");
    satchel_e2e::anki::write_apkg(&deck, true);
    // A notification server of the test's own on the session bus: dunst, a real one,
    // whose history says what it was asked to show.
    let mut dunst = Command::new("dunst")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dunst starts");
    let started = Instant::now();
    while !Command::new("dunstctl")
        .arg("is-paused")
        .output()
        .is_ok_and(|out| out.status.success())
    {
        assert!(started.elapsed() < WAIT, "dunst never answered on the bus");
        std::thread::sleep(Duration::from_millis(200));
    }
    in_window(data.path(), "failure-reminder.png", |window| {
        reminded(window, &deck)
    });
    let _ = dunst.kill();
    let _ = dunst.wait();
}

/// What dunst was asked to show (its history, once every notification is closed), as
/// text.
fn notified() -> Result<String, String> {
    Command::new("dunstctl")
        .arg("close-all")
        .status()
        .map_err(|e| format!("dunstctl: {e}"))?;
    let history = Command::new("dunstctl")
        .arg("history")
        .output()
        .map_err(|e| format!("dunstctl: {e}"))?;
    Ok(String::from_utf8_lossy(&history.stdout).into_owned())
}

/// A learner with reviews due is told so by a notification within the minute the app
/// looks in; marking the library a child's turns reminders off, and that is kept.
fn reminded(window: &Session, deck: &Path) -> Result<(), String> {
    // A name no other test's learner has: the desktop tests share the session bus.
    let name = "Zuri";
    window.type_text(&window.wait_for("#profile-name", WAIT)?, name)?;
    window.type_text(&window.wait_for("#passphrase", WAIT)?, PASSPHRASE)?;
    window.type_text(&window.wait_for("#passphrase-confirm", WAIT)?, PASSPHRASE)?;
    window.click(&window.wait_for("#create-profile", WAIT)?)?;
    window.click(&window.wait_for("#recovery-ack", WAIT)?)?;
    window.click(&window.wait_for("#recovery-continue", WAIT)?)?;
    window.wait_for("#import-audio", WAIT)?;
    window.execute(
        "return window.__TAURI__.core.invoke('import_anki', { path: arguments[0] })",
        serde_json::json!([deck.display().to_string()]),
    )?;
    let due = window.execute(
        "return window.__TAURI__.core.invoke('learning_stats', {}).then(s => s.counts.due + s.counts.learning)",
        serde_json::json!([]),
    )?;
    if due.as_u64().unwrap_or(0) == 0 {
        return Err(format!("the deck has no review due: {due}"));
    }
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    let on = window.wait_for("#reminders-on", WAIT)?;
    if window.execute(
        "return document.querySelector('#reminders-on').checked",
        serde_json::json!([]),
    )? != serde_json::json!(true)
    {
        return Err("reminders are off in a new library".into());
    }
    audit(window, "reminders in Settings")?;
    let wanted = format!("{name}, {due} card");
    let started = Instant::now();
    loop {
        let shown = notified()?;
        if shown.contains(&wanted) && shown.contains("Reviews are waiting") {
            break;
        }
        if started.elapsed() > Duration::from_secs(180) {
            return Err(format!(
                "no reminder saying {wanted:?} in 3 minutes: {shown}"
            ));
        }
        std::thread::sleep(Duration::from_secs(2));
    }
    // A child's library: reminders go off with it, and stay so.
    window.click(&window.wait_for("#child-library", WAIT)?)?;
    let started = Instant::now();
    while window.execute(
        "return document.querySelector('#reminders-on').checked",
        serde_json::json!([]),
    )? != serde_json::json!(false)
    {
        if started.elapsed() > WAIT {
            return Err("marking a child's library left reminders on".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    drop(on);
    let kept = window.execute(
        "return window.__TAURI__.core.invoke('reminders', {})",
        serde_json::json!([]),
    )?;
    if kept != serde_json::json!({ "child": true, "chosen": null }) {
        return Err(format!("the library keeps {kept}"));
    }
    snapshot(window, "reminders.png")
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the OCR, Whisper and embedding models; `cargo xtask test` provides them"]
fn a_new_learner_is_offered_the_sample_lesson_and_studies_its_packs() {
    let data = tempfile::tempdir().unwrap();
    in_window(data.path(), "failure-sample.png", sample_lesson);
}

/// A new library offers the sample lesson; taken, its four parts are read and made
/// into packs in front of the learner, each pack opens, and Study now leads to them.
fn sample_lesson(window: &Session) -> Result<(), String> {
    create_learner(window)?;
    window.click(&window.wait_for("#sample-lesson", WAIT)?)?;
    window.wait_for("#sample-progress", WAIT)?;
    audit(window, "the sample lesson being made")?;
    // Generous: the desktop tests run side by side on two cores, and this window
    // loads Whisper, the OCR and the embedding model for the first time.
    window.wait_for("#sample-study", Duration::from_secs(300))?;
    let parts = window.execute(
        "return [...document.querySelectorAll('#sample-progress .sample-pack')].map(li => li.textContent)",
        serde_json::json!([]),
    )?;
    let opens = window.execute(
        "return document.querySelectorAll('#sample-progress a.sample-open').length",
        serde_json::json!([]),
    )?;
    if parts.as_array().map(Vec::len) != Some(4) || opens != serde_json::json!(4) {
        return Err(format!(
            "the sample lesson shows {parts} with {opens} packs to open"
        ));
    }
    // The library lists what came in: the note and the three sources.
    window.wait_for_text("#note-list", "The water cycle", WAIT)?;
    window.wait_for_text("#source-list", "the lecture", WAIT)?;
    audit(window, "the sample lesson made")?;
    snapshot(window, "sample-lesson.png")?;
    window.click(&window.wait_for("#sample-progress a.sample-open", WAIT)?)?;
    window.wait_for("#pack-cards .study-card", WAIT)?;
    window.click(&window.wait_for("#nav-study", WAIT)?)?;
    window.wait_for("#study-steps a[href^='/review?deck=']", WAIT)?;
    Ok(())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver, xdotool and pdftotext; `cargo xtask test` provides them"]
fn a_deck_prints_as_a_sheet_of_questions_with_its_answers_on_a_page_after() {
    let data = tempfile::tempdir().unwrap();
    let deck = data.path().join("french.apkg");
    satchel_e2e::anki::write_apkg(&deck, true);
    let library = data.path().join("satchel");
    let pdf = data.path().join("sheet.pdf");
    in_window(data.path(), "failure-sheet.png", |window| {
        print_sheet(window, &deck, &library, &pdf)
    });
}

/// A deck's sheet saved as a PDF through the system's save dialog and read back by
/// poppler's pdftotext: the questions as the page lists them, the answers in the same
/// order on a later page, and nothing of the app's frame or controls; then Print opens
/// the system's print dialog, which Escape closes.
fn print_sheet(window: &Session, deck: &Path, library: &Path, pdf: &Path) -> Result<(), String> {
    create_learner(window)?;
    window.execute(
        "return window.__TAURI__.core.invoke('import_anki', { path: arguments[0] })",
        serde_json::json!([deck.display().to_string()]),
    )?;
    window.click(&window.wait_for("#nav-cards", WAIT)?)?;
    window.wait_for_text("#deck-list", "French::Animals", WAIT)?;
    let sheet = window.execute(
        "const item = [...document.querySelectorAll('#deck-list .deck-item')]
            .find(li => li.textContent.includes('French::Animals'));
         item.querySelector('a.deck-sheet').click(); return true",
        serde_json::json!([]),
    )?;
    if sheet != serde_json::json!(true) {
        return Err("no sheet link for the deck".into());
    }
    window.wait_for("#sheet-questions li", WAIT)?;
    let listed = |css: &str| -> Result<Vec<String>, String> {
        let found = window.execute(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())",
            serde_json::json!([css]),
        )?;
        Ok(found
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    };
    let questions = listed("#sheet-questions > li .sheet-question")?;
    let answers = listed("#sheet-answers > li")?;
    if questions.len() < 2 || questions.len() != answers.len() {
        return Err(format!("the sheet lists {questions:?} and {answers:?}"));
    }
    audit(window, "a deck's sheet of questions")?;
    snapshot(window, "deck-sheet.png")?;

    let app = super::keyboard::app_process(library)?;
    let before = super::keyboard::windows_of(&app)?;
    window.click(&window.wait_for("#save-pdf", WAIT)?)?;
    super::keyboard::save_in_file_dialog(&app, &before, pdf)?;
    window.wait_for_text("#pdf-saved", "Saved", WAIT)?;
    let read = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .map_err(|e| format!("pdftotext: {e}"))?;
    if !read.status.success() {
        return Err(format!(
            "pdftotext could not read the PDF: {}",
            String::from_utf8_lossy(&read.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&read.stdout).into_owned();
    // pdftotext ends each page with a form feed.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let page_of = |words: &str, from: usize| {
        pages
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, page)| page.contains(words))
            .map(|(i, _)| i)
    };
    let mut at = 0;
    for question in &questions {
        at = page_of(question, at).ok_or(format!("{question:?} is not in the PDF: {text}"))?;
    }
    let answers_page = page_of("Answers", 0).ok_or(format!("no answers in the PDF: {text}"))?;
    if answers_page <= at {
        return Err(format!(
            "the answers share a page with the questions: {text}"
        ));
    }
    let after: String = pages[answers_page..].concat();
    let mut from = 0;
    for answer in &answers {
        from = after[from..]
            .find(answer.as_str())
            .map(|i| from + i + answer.len())
            .ok_or(format!(
                "answer {answer:?} is not among the answers, in order: {after}"
            ))?;
    }
    for frame in ["Library", "Save as PDF", "Switch learner", "Study now"] {
        if text.contains(frame) {
            return Err(format!("the app's {frame:?} is on the paper: {text}"));
        }
    }

    let before = super::keyboard::windows_of(&app)?;
    window.click(&window.wait_for("#print-page", WAIT)?)?;
    let started = Instant::now();
    let dialog = loop {
        let now = super::keyboard::windows_of(&app)?;
        if let Some(new) = now.iter().find(|w| !before.contains(w)) {
            break new.clone();
        }
        if started.elapsed() > WAIT {
            return Err("Print opened no print dialog".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let name = Command::new("xdotool")
        .args(["getwindowname", &dialog])
        .output()
        .map_err(|e| format!("xdotool: {e}"))?;
    if !String::from_utf8_lossy(&name.stdout).contains("Print") {
        return Err(format!(
            "the window Print opened is {:?}",
            String::from_utf8_lossy(&name.stdout)
        ));
    }
    Command::new("xdotool")
        .args(["windowfocus", "--sync", &dialog])
        .status()
        .map_err(|e| format!("xdotool: {e}"))?;
    std::thread::sleep(Duration::from_millis(500));
    Command::new("xdotool")
        .args(["key", "--clearmodifiers", "Escape"])
        .status()
        .map_err(|e| format!("xdotool: {e}"))?;
    let started = Instant::now();
    while super::keyboard::windows_of(&app)?.contains(&dialog) {
        if started.elapsed() > WAIT {
            return Err("Escape did not close the print dialog".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    // The window answers again once the dialog is gone.
    window.click(&window.wait_for("#nav-cards", WAIT)?)?;
    window.wait_for_text("#deck-list", "French::Animals", WAIT)?;
    Ok(())
}

/// Every deck goes back out from the Cards page, through the system's save dialog, and
/// Anki's own library opens what was written.
fn back_to_anki(window: &Session, library: &Path, out: &Path) -> Result<(), String> {
    window.click(&window.wait_for("#nav-cards", WAIT)?)?;
    window.wait_for_text("#deck-list", "French::Animals", WAIT)?;
    let app = super::keyboard::app_process(library)?;
    let before = super::keyboard::windows_of(&app)?;
    window.click(&window.wait_for("#export-anki", WAIT)?)?;
    super::keyboard::save_in_file_dialog(&app, &before, out)?;
    window.wait_for_text("#anki-exported", "Wrote 5 cards", WAIT)?;
    let python = std::env::var_os("SATCHEL_ANKI_PYTHON")
        .ok_or("SATCHEL_ANKI_PYTHON: a Python with the anki package (cargo xtask test sets it)")?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("support/anki_oracle.py");
    let read = std::process::Command::new(python)
        .arg(script)
        .arg("read")
        .arg(out)
        .current_dir(std::env::temp_dir())
        .output()
        .map_err(|e| format!("the Anki oracle: {e}"))?;
    let found: serde_json::Value = serde_json::from_slice(&read.stdout).map_err(|e| {
        format!(
            "Anki could not read it ({e}): {}",
            String::from_utf8_lossy(&read.stderr)
        )
    })?;
    let cards = found["cards"].as_array().map_or(0, Vec::len);
    let media = found["media"].as_object().map_or(0, serde_json::Map::len);
    if cards != 5 || media != 2 {
        return Err(format!(
            "Anki found {cards} cards and {media} media: {found}"
        ));
    }
    snapshot(window, "anki-exported.png")
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
    snapshot(window, "anki-review.png")?;
    Ok(())
}
