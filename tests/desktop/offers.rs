//! Packs handed out through the class server, in the window: a teacher's window hands
//! out the models it has (as the signed pack they came in) and a student's app takes
//! them; a student's window takes a model pack and an update its class server offers.
//! Both apps are laid out as the package installs them, trusting a school's key.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use satchel_core::packs::PackKind;
use satchel_e2e::webdriver::Session;
use satchel_e2e::{SYNC_PASSWORD, SyncServer, binary};
use satchel_packs::sign::Signer;

use super::models::installed;
use super::snapshot;
use super::{Driver, PASSPHRASE, WAIT, create_learner, save_screenshot, text_of};

/// The embedder, its tokenizer and ONNX Runtime: a pack that brings search by meaning.
fn search_models() -> Result<Vec<PathBuf>, String> {
    let models = PathBuf::from(
        std::env::var_os("SATCHEL_MODELS_DIR").ok_or("SATCHEL_MODELS_DIR is not set")?,
    );
    Ok([
        satchel_core::models::ONNX_RUNTIME,
        satchel_core::models::EMBEDDER,
        satchel_core::models::EMBEDDER_TOKENIZER,
    ]
    .iter()
    .map(|f| models.join(f))
    .collect())
}

/// The `satchel` command installed beside the window in `root`, on its own data.
fn student_cli(root: &Path, data: &Path, args: &[&str]) -> Result<serde_json::Value, String> {
    let cli = root.join("usr/bin/satchel");
    if !cli.exists() {
        std::fs::copy(binary("SATCHEL_CLI_BIN", "satchel"), &cli).map_err(|e| e.to_string())?;
    }
    let out = Command::new(&cli)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .arg("--json")
        .env_remove("SATCHEL_MODELS_DIR")
        .env("HOME", root.join("home"))
        .env("SATCHEL_KEYCHAIN", "none")
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", SYNC_PASSWORD)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "satchel {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the embedding model; `cargo xtask test` provides them"]
fn a_teachers_window_hands_out_its_models_and_a_students_app_takes_them() {
    let school = Signer::generate().unwrap();
    let root = tempfile::tempdir().unwrap();
    let app = installed(root.path(), &school);
    let home = root.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let pack = root.path().join("models.pack");
    school
        .write_pack(
            &pack,
            PackKind::Models,
            "1.0.0",
            "Search by meaning",
            &search_models().unwrap(),
        )
        .unwrap();
    let driver = Driver::start_with(&root.path().join("teacher"), |command| {
        command.env_remove("SATCHEL_MODELS_DIR").env("HOME", &home);
    });
    let window = Session::start(&driver.url, &app).expect("the window opens");
    let outcome = (|| -> Result<(), String> {
        create_learner(&window)?;
        // The teacher's Satchel got its models from the pack (as a lite install would).
        window.execute(
            "return window.__TAURI__.core.invoke('import_model_pack', { path: arguments[0] })",
            serde_json::json!([pack.display().to_string()]),
        )?;
        window.click(&window.wait_for("#nav-class", WAIT)?)?;
        window.click(&window.wait_for("#start-class-server", WAIT)?)?;
        window.wait_for("#hosting .address", Duration::from_secs(30))?;
        window.type_text(&window.wait_for("#class-name", WAIT)?, "Year 7")?;
        window.click(&window.wait_for("#create-class", WAIT)?)?;
        window.wait_for("#join-code", WAIT)?;

        window.click(&window.wait_for("#offer-models", WAIT)?)?;
        window.wait_for_text(
            "#class-offered",
            "Model pack 1.0.0",
            Duration::from_secs(60),
        )?;
        snapshot(&window, "class-offered.png").unwrap_or_else(|e| panic!("{e}"));

        // A student's app with no models joins, and takes them from the class.
        let student = root.path().join("student");
        student_cli(root.path(), &student, &["profile", "create", "Ben"])?;
        let link = text_of(&window, ".join-link-text")?;
        student_cli(root.path(), &student, &["class", "join", &link])?;
        let offers = student_cli(root.path(), &student, &["class", "offers"])?;
        let offer = &offers[0];
        if offer["name"] != "satchel-models-1.0.0.pack" || offer["wanted"] != true {
            return Err(format!("offered {offers:#}"));
        }
        let taken = student_cli(
            root.path(),
            &student,
            &["class", "take", "satchel-models-1.0.0.pack"],
        )?;
        if taken["version"] != "1.0.0" {
            return Err(format!("took {taken}"));
        }
        let status = student_cli(root.path(), &student, &["models", "status"])?;
        let searching = status["abilities"]
            .as_array()
            .and_then(|a| a.iter().find(|a| a["ability"] == "search_by_meaning"))
            .cloned()
            .unwrap_or_default();
        if searching["ready"] != true {
            return Err(format!("after taking the pack: {status:#}"));
        }

        // Handed out no more.
        window.click(&window.wait_for("#class-offered button", WAIT)?)?;
        let asked = std::time::Instant::now();
        while text_of(&window, "#class-offered")?.contains("Model pack 1.0.0") {
            if asked.elapsed() > WAIT {
                return Err("the models are still handed out after Stop".into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        let offers = student_cli(root.path(), &student, &["class", "offers"])?;
        if offers.as_array().is_none_or(|o| !o.is_empty()) {
            return Err(format!("still offered: {offers}"));
        }
        window.click(&window.wait_for("#stop-class-server", WAIT)?)?;
        Ok(())
    })();
    if let Err(problem) = outcome {
        save_screenshot(&window, "failure-offered.png");
        panic!("{problem}");
    }
    let _ = window.end();
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the embedding model; `cargo xtask test` provides them"]
fn a_students_window_takes_the_model_pack_and_the_update_its_class_offers() {
    let school = Signer::generate().unwrap();
    let root = tempfile::tempdir().unwrap();
    let app = installed(root.path(), &school);
    let home = root.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let offers = root.path().join("offers");
    std::fs::create_dir_all(&offers).unwrap();
    school
        .write_pack(
            &offers.join("satchel-models-1.0.0.pack"),
            PackKind::Models,
            "1.0.0",
            "Search by meaning",
            &search_models().unwrap(),
        )
        .unwrap();
    let installer = root.path().join("Satchel_9.0.0_amd64.deb");
    std::fs::write(&installer, b"!<arch>\ndebian-binary").unwrap();
    school
        .write_pack(
            &offers.join("satchel-update-9.0.0.pack"),
            PackKind::App,
            "9.0.0",
            "Flashcards with pictures",
            &[installer],
        )
        .unwrap();
    let key = root.path().join("school.pub");
    std::fs::write(&key, school.public_key_text()).unwrap();
    let server_data = root.path().join("server");
    SyncServer::add_learner(&server_data, "ada");
    let server = SyncServer::start_with(
        &server_data,
        "127.0.0.1:0",
        &[
            "--offers-dir",
            offers.to_str().unwrap(),
            "--trust-key",
            key.to_str().unwrap(),
        ],
    );
    let url = server.url.clone();

    let driver = Driver::start_with(&root.path().join("student"), |command| {
        command.env_remove("SATCHEL_MODELS_DIR").env("HOME", &home);
    });
    let window = Session::start(&driver.url, &app).expect("the window opens");
    let outcome = (|| -> Result<(), String> {
        create_learner(&window)?;
        window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
        window.type_text(&window.wait_for("#sync-server", WAIT)?, &url)?;
        window.type_text(&window.wait_for("#sync-name", WAIT)?, "ada")?;
        window.type_text(&window.wait_for("#sync-password", WAIT)?, SYNC_PASSWORD)?;
        window.click(&window.wait_for("#sync-sign-in-button", WAIT)?)?;
        window.wait_for("#sync-account", WAIT)?;
        // Away and back: the settings page asks the class server what it offers.
        window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
        window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
        let take_models = window.wait_for(
            "#class-offers li[data-offer='satchel-models-1.0.0.pack'] button.take-offer",
            WAIT,
        )?;
        window.execute(
            "document.querySelector('#class-offers').scrollIntoView(); return true",
            serde_json::json!([]),
        )?;
        snapshot(&window, "class-offers.png").unwrap_or_else(|e| panic!("{e}"));
        window.click(&take_models)?;
        window.wait_for_text("#offer-taken", "Model pack 1.0.0", Duration::from_secs(60))?;
        window.wait_for(
            "#abilities li[data-ability='SearchByMeaning'][data-ready='true']",
            WAIT,
        )?;
        window.wait_for(
            "#class-offers li[data-offer='satchel-models-1.0.0.pack'][data-wanted='false']",
            WAIT,
        )?;

        // The update: checked, then shown with what changes, for the learner to choose.
        window.click(&window.wait_for(
            "#class-offers li[data-offer='satchel-update-9.0.0.pack'] button.take-offer",
            WAIT,
        )?)?;
        window.wait_for_text("#update-offer", "Satchel 9.0.0", Duration::from_secs(60))?;
        window.wait_for_text("#update-offer", "Flashcards with pictures", WAIT)?;
        window.wait_for("#install-update", WAIT)?;
        window.execute(
            "document.querySelector('#update').scrollIntoView(); return true",
            serde_json::json!([]),
        )?;
        snapshot(&window, "class-update.png").unwrap_or_else(|e| panic!("{e}"));
        Ok(())
    })();
    if let Err(problem) = outcome {
        save_screenshot(&window, "failure-class-offers.png");
        panic!("{problem}");
    }
    let _ = window.end();
}
