//! A copy of Satchel with no models, as a "lite" package or a deleted folder leaves it:
//! the window says what is missing, and a signed model pack brings it in.

use std::path::{Path, PathBuf};
use std::time::Duration;

use satchel_core::packs::PackKind;
use satchel_e2e::binary;
use satchel_e2e::webdriver::Session;
use satchel_packs::sign::Signer;

use super::{Driver, WAIT, create_learner, save_screenshot};

/// The app laid out as the package installs it, under `root`, trusting `signer`.
pub(super) fn installed(root: &Path, signer: &Signer) -> PathBuf {
    let bin = root.join("usr/bin");
    let keys = root.join("usr/lib/Satchel/keys");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::create_dir_all(&keys).unwrap();
    let app = bin.join("satchel-desktop");
    let built = binary("SATCHEL_DESKTOP_BIN", "satchel-desktop");
    if std::fs::hard_link(&built, &app).is_err() {
        std::fs::copy(&built, &app).unwrap();
    }
    std::fs::write(keys.join("school.pub"), signer.public_key_text()).unwrap();
    app
}

#[test]
#[ignore = "needs a display, tauri-driver, WebKitWebDriver and the embedding model; `cargo xtask test` provides them"]
fn a_window_without_models_says_what_is_missing_and_takes_a_model_pack() {
    let signer = Signer::generate().unwrap();
    let root = tempfile::tempdir().unwrap();
    let app = installed(root.path(), &signer);
    let home = root.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let data = root.path().join("data");
    // No model anywhere: not beside the program, not in a cache, not by variable.
    let driver = Driver::start_with(&data, |command| {
        command.env_remove("SATCHEL_MODELS_DIR").env("HOME", &home);
    });
    let window = Session::start(&driver.url, &app).expect("the window opens");
    let outcome = (|| -> Result<(), String> {
        create_learner(&window)?;
        window.wait_for_text("#models-missing", "Searching by meaning", WAIT)?;

        window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
        window.wait_for("#abilities li[data-ready='false']", WAIT)?;
        let missing = window.execute(
            "return document.querySelectorAll(\"#abilities li[data-ready='false']\").length",
            serde_json::json!([]),
        )?;
        if missing != 5 {
            return Err(format!("{missing} abilities missing, not 5"));
        }

        // The pack a teacher hands out: the embedder and the runtime it runs on.
        let models = PathBuf::from(
            std::env::var_os("SATCHEL_MODELS_DIR").ok_or("SATCHEL_MODELS_DIR is not set")?,
        );
        let files: Vec<PathBuf> = [
            satchel_core::models::ONNX_RUNTIME,
            satchel_core::models::EMBEDDER,
            satchel_core::models::EMBEDDER_TOKENIZER,
        ]
        .iter()
        .map(|f| models.join(f))
        .collect();
        let pack = root.path().join("search.pack");
        signer
            .write_pack(
                &pack,
                PackKind::Models,
                "1.0.0",
                "Search by meaning",
                &files,
            )
            .map_err(|e| e.to_string())?;
        // The file dialog cannot be driven; its answer goes to the command it feeds.
        window.execute(
            "return window.__TAURI__.core.invoke('import_model_pack', { path: arguments[0] })",
            serde_json::json!([pack.display().to_string()]),
        )?;
        // Away and back: the settings page asks again.
        window.click(&window.wait_for("a[href='/library']", WAIT)?)?;
        window.click(&window.wait_for("a[href='/settings']", WAIT)?)?;
        window.wait_for(
            "#abilities li[data-ability='SearchByMeaning'][data-ready='true']",
            Duration::from_secs(60),
        )?;
        window.wait_for(
            "#abilities li[data-ability='ReadImages'][data-ready='false']",
            WAIT,
        )?;
        Ok(())
    })();
    if let Err(problem) = outcome {
        save_screenshot(&window, "failure-models.png");
        panic!("{problem}");
    }
    let _ = window.end();
}
