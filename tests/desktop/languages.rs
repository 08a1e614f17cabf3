//! The window in the learner's language: it follows the system's, a choice on the
//! welcome screen or in Settings switches every page at once, Arabic lays the window out
//! right to left, and counts take each language's plural form. The expected words come
//! from the translation files themselves, formatted by Fluent here.

use super::*;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

/// `id` from `ui/locales/{tag}.ftl`, with `n` for its count when it has one; numbers
/// are left plain (`digits` reads the window's in the same form).
fn message(tag: &str, id: &str, n: Option<f64>) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../ui/locales/{tag}.ftl"));
    let source = std::fs::read_to_string(&path).expect("the translation file");
    let resource = FluentResource::try_new(source).expect("the translation parses");
    let mut bundle = FluentBundle::new(vec![tag.parse().expect("a language tag")]);
    // The window isolates placeholders only in a right-to-left language.
    bundle.set_use_isolating(tag == "ar");
    bundle.add_resource(resource).expect("no message twice");
    let pattern = bundle
        .get_message(id)
        .and_then(|m| m.value())
        .unwrap_or_else(|| panic!("{tag}.ftl has no {id}"));
    let mut args = FluentArgs::new();
    if let Some(n) = n {
        args.set("n", n);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    assert!(errors.is_empty(), "{tag}: {id}: {errors:?}");
    text.into_owned()
}

/// The window's text with Arabic-Indic and Devanagari digits read as ASCII, the way
/// `message` writes numbers.
fn digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{0966}'..='\u{096F}' => char::from(b'0' + (c as u32 - 0x0966) as u8),
            c => c,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Waits until the element at `css` reads `expected` (digits as ASCII).
fn wait_for_words(window: &Session, css: &str, expected: &str) -> Result<(), String> {
    let started = Instant::now();
    loop {
        let shown = window
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null",
                serde_json::json!([css]),
            )?
            .as_str()
            .map(digits);
        if shown.as_deref() == Some(expected) {
            return Ok(());
        }
        if started.elapsed() > WAIT {
            return Err(format!("{css} reads {shown:?}, not {expected:?}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What <html> says: its `lang` and `dir`.
fn document_language(window: &Session) -> Result<(String, String), String> {
    let value = window.execute(
        "const h = document.documentElement; return [h.lang, h.dir]",
        serde_json::json!([]),
    )?;
    let [lang, dir]: [String; 2] =
        serde_json::from_value(value.clone()).map_err(|e| format!("{value}: {e}"))?;
    Ok((lang, dir))
}

fn wait_for_language(window: &Session, tag: &str, dir: &str) -> Result<(), String> {
    let started = Instant::now();
    loop {
        let shown = document_language(window)?;
        if shown == (tag.to_owned(), dir.to_owned()) {
            return Ok(());
        }
        if started.elapsed() > WAIT {
            return Err(format!("<html> says {shown:?}, not {tag}/{dir}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
#[ignore = "needs a display, tauri-driver and WebKitWebDriver; `cargo xtask test` provides them"]
fn the_window_speaks_the_learners_language_and_arabic_reads_right_to_left() {
    let app = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    let data = tempfile::tempdir().unwrap();
    // A computer set to Peruvian Spanish.
    let driver = Driver::start_with(&data.path().join("satchel"), |command| {
        command.env("LANG", "es_PE.UTF-8");
    });
    let window = Session::start(&driver.url, &app).expect("the window opens");
    if let Err(error) = in_every_language(&window) {
        save_screenshot(&window, "failure-languages.png");
        panic!("languages: {error}");
    }
    window.end().unwrap();
}

fn in_every_language(window: &Session) -> Result<(), String> {
    // The system's language, before anything is chosen.
    wait_for_language(window, "es", "ltr")?;
    wait_for_words(
        window,
        "#create-profile",
        &message("es", "create-submit", None),
    )?;

    // Chosen on the welcome screen: the whole window turns right to left.
    choose_option(window, "#welcome-language", "ar")?;
    wait_for_language(window, "ar", "rtl")?;
    wait_for_words(
        window,
        "#create-profile",
        &message("ar", "create-submit", None),
    )?;
    snapshot(window, "welcome-ar.png")?;
    create_learner(window)?;
    let sidebar_on_the_right = window.execute(
        "return document.querySelector('.sidebar').getBoundingClientRect().left > window.innerWidth / 2",
        serde_json::json!([]),
    )?;
    if sidebar_on_the_right != serde_json::json!(true) {
        return Err("in Arabic the sidebar is not on the right".into());
    }

    // Some of everything the screenshots show: a note, two cards, a review.
    write_note(window, "Photosynthesis", "Plants turn light into sugar.")?;
    wait_for_words(window, "#save-status", &message("ar", "note-saved", None))?;
    window.click(&window.wait_for("#nav-cards", WAIT)?)?;
    for (front, back) in [
        ("Capital of France?", "Paris"),
        ("Capital of Kenya?", "Nairobi"),
    ] {
        window.type_text(&window.wait_for("#card-front-input", WAIT)?, front)?;
        window.type_text(&window.wait_for("#card-back-input", WAIT)?, back)?;
        window.click(&window.wait_for("#add-card", WAIT)?)?;
        window
            .wait_for_text(
                "#deck-list",
                front.split(' ').next().unwrap_or_default(),
                Duration::ZERO,
            )
            .ok();
    }

    // Each language's plural for one note, and the pages the docs show.
    for tag in ["ar", "hi", "es"] {
        if tag != "ar" {
            switch_language(window, tag, tag)?;
            wait_for_words(
                window,
                ".settings h1",
                &message(tag, "settings-title", None),
            )?;
        }
        window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
        wait_for_words(
            window,
            "#note-count",
            &message(tag, "library-count", Some(1.0)),
        )?;
        snapshot(window, &format!("library-{tag}.png"))?;
        window.click(&window.wait_for("#nav-study", WAIT)?)?;
        window.click(&window.wait_for("#study-steps a[href^='/review']", WAIT)?)?;
        window.wait_for("#review-card[data-card]", WAIT)?;
        window.press_keys(" ")?;
        window.wait_for("#review-card[data-revealed='true']", WAIT)?;
        window.wait_for("#card-back", WAIT)?;
        snapshot(window, &format!("review-{tag}.png"))?;
    }

    // Back to the computer's language.
    switch_language(window, "system", "es")
}

/// Chooses `choice` ("system" or a language's tag) in Settings, and waits for the
/// window to be in `tag`.
pub(crate) fn switch_language(window: &Session, choice: &str, tag: &str) -> Result<(), String> {
    window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
    choose_option(window, "#language", choice)?;
    let dir = if tag == "ar" { "rtl" } else { "ltr" };
    wait_for_language(window, tag, dir)
}
