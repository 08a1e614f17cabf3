//! Model packs and updates with the real `satchel`, copied into a tree laid out as the
//! package installs it (`usr/bin`, `usr/lib/Satchel`) with no models in it: what each
//! ability lacks, notes working meanwhile, a signed pack bringing search by meaning in,
//! and every tampered, unsigned, foreign or older file refused with nothing changed.
//!
//! The packs are signed with a key made here, installed beside the program as a school
//! would install its own (`usr/lib/Satchel/keys/*.pub`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use satchel_core::packs::PackKind;
use satchel_e2e::binary;
use satchel_packs::sign::Signer;
use satchel_test_kit::PASSPHRASE;
use satchel_test_kit::files::snapshot;

/// Writes a pack signed by `signer`, with "What is new" as its notes.
pub(crate) fn signed(
    signer: &Signer,
    out: &Path,
    kind: PackKind,
    version: &str,
    files: &[PathBuf],
) {
    signer
        .write_pack(out, kind, version, "What is new", files)
        .unwrap();
}

/// `satchel` installed in `<root>/usr/bin`, trusting `signer`, with a home of its own.
pub(crate) struct Installed {
    root: tempfile::TempDir,
    pub data: PathBuf,
}

impl Installed {
    pub fn new(signer: &Signer) -> Self {
        let root = tempfile::tempdir().unwrap();
        let bin = root.path().join("usr/bin");
        let keys = root.path().join("usr/lib/Satchel/keys");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&keys).unwrap();
        std::fs::copy(binary("SATCHEL_CLI_BIN", "satchel"), bin.join("satchel")).unwrap();
        std::fs::write(keys.join("school.pub"), signer.public_key_text()).unwrap();
        std::fs::create_dir_all(root.path().join("home")).unwrap();
        let data = root.path().join("data");
        Self { root, data }
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(self.root.path().join("usr/bin/satchel"))
            .arg("--data-dir")
            .arg(&self.data)
            .args(args)
            .arg("--json")
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", self.root.path().join("home"))
            .env("SATCHEL_KEYCHAIN", "none")
            .env("SATCHEL_PASSPHRASE", PASSPHRASE)
            .env("SATCHEL_PASSWORD", satchel_e2e::SYNC_PASSWORD)
            .output()
            .unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> serde_json::Value {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "satchel {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The refusal's code and message.
    pub fn refused(&self, args: &[&str]) -> (String, String) {
        let out = self.run(args);
        assert!(!out.status.success(), "satchel {args:?} was not refused");
        let body: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
        let error = &body["error"];
        (
            error["code"].as_str().unwrap_or_default().to_owned(),
            error["message"].as_str().unwrap_or_default().to_owned(),
        )
    }

    pub fn ready(&self, ability: &str) -> bool {
        let status = self.ok(&["models", "status"]);
        status["abilities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["ability"] == ability)
            .unwrap_or_else(|| panic!("{ability} in {status}"))["ready"]
            .as_bool()
            .unwrap()
    }
}

/// The embedding model, its tokenizer and ONNX Runtime, as `cargo xtask models` made
/// them: what a pack that brings search by meaning holds.
fn search_models() -> Vec<PathBuf> {
    let dir = PathBuf::from(
        std::env::var_os("SATCHEL_MODELS_DIR").expect("SATCHEL_MODELS_DIR (cargo xtask test)"),
    );
    [
        satchel_core::models::ONNX_RUNTIME,
        satchel_core::models::EMBEDDER,
        satchel_core::models::EMBEDDER_TOKENIZER,
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect()
}

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn a_signed_model_pack_brings_search_by_meaning_to_a_lite_install() {
    let signer = Signer::generate().unwrap();
    let app = Installed::new(&signer);
    app.ok(&["profile", "create", "Ada"]);

    // Nothing but notes: every ability says what it lacks.
    let status = app.ok(&["models", "status"]);
    println!("{status:#}");
    assert!(
        status["abilities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["ready"] == false && !a["missing"].as_array().unwrap().is_empty()),
        "{status}"
    );
    assert!(!app.ready("search_by_meaning"));
    // Notes work meanwhile.
    app.ok(&[
        "note",
        "add",
        "--title",
        "Volcanoes",
        "--text",
        "Molten rock rises through the crust and erupts as lava.",
    ]);

    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("search.pack");
    signed(&signer, &pack, PackKind::Models, "1.0.0", &search_models());
    let imported = app.ok(&["models", "import", pack.to_str().unwrap()]);
    assert_eq!(imported["version"], "1.0.0");
    assert!(app.ready("search_by_meaning"));
    assert!(!app.ready("read_images"), "the pack brought no OCR");
    let status = app.ok(&["models", "status"]);
    assert_eq!(status["imported_pack"], "1.0.0");

    // Found by meaning, not by its words.
    let hits = app.ok(&["search", "hot liquid stone from a mountain"]);
    assert_eq!(hits[0]["title"], "Volcanoes", "{hits:#}");
}

#[test]
fn tampered_unsigned_foreign_and_older_packs_are_refused_and_change_nothing() {
    let signer = Signer::generate().unwrap();
    let app = Installed::new(&signer);
    app.ok(&["profile", "create", "Ada"]);
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("ggml-tiny.en.bin");
    std::fs::write(&model, vec![42u8; 50_000]).unwrap();
    let current = dir.path().join("current.pack");
    signed(
        &signer,
        &current,
        PackKind::Models,
        "2.0.0",
        std::slice::from_ref(&model),
    );
    app.ok(&["models", "import", current.to_str().unwrap()]);
    // What was imported is handed on as the very pack it came in.
    let exported = dir.path().join("exported.pack");
    let manifest = app.ok(&["models", "export", exported.to_str().unwrap()]);
    assert_eq!(manifest["version"], "2.0.0");
    assert_eq!(
        std::fs::read(&exported).unwrap(),
        std::fs::read(&current).unwrap()
    );
    let before = snapshot(&app.data);

    let newer = dir.path().join("newer.pack");
    signed(
        &signer,
        &newer,
        PackKind::Models,
        "2.1.0",
        std::slice::from_ref(&model),
    );
    let bytes = std::fs::read(&newer).unwrap();

    // One byte of the model changed (its data starts after three 512-byte headers and
    // the manifest's and signature's blocks; search for it instead of guessing).
    let at = bytes.windows(64).position(|w| w == [42u8; 64]).unwrap() + 100;
    let mut tampered = bytes.clone();
    tampered[at] ^= 0x01;
    let tampered_file = dir.path().join("tampered.pack");
    std::fs::write(&tampered_file, &tampered).unwrap();

    let older = dir.path().join("older.pack");
    signed(
        &signer,
        &older,
        PackKind::Models,
        "1.9.0",
        std::slice::from_ref(&model),
    );
    let foreign = dir.path().join("foreign.pack");
    signed(
        &Signer::generate().unwrap(),
        &foreign,
        PackKind::Models,
        "3.0.0",
        std::slice::from_ref(&model),
    );
    let unsigned = dir.path().join("unsigned.pack");
    {
        let mut builder = tar::Builder::new(std::fs::File::create(&unsigned).unwrap());
        builder
            .append_path_with_name(&model, "ggml-tiny.en.bin")
            .unwrap();
        builder.into_inner().unwrap();
    }

    for (file, why) in [
        (&tampered_file, "changed or damaged"),
        (&unsigned, "not a Satchel pack"),
        (&foreign, "does not trust"),
        (&older, "already here"),
    ] {
        let (code, message) = app.refused(&["models", "import", file.to_str().unwrap()]);
        println!("{}: {message}", file.display());
        assert_eq!(code, "untrusted", "{message}");
        assert!(message.contains(why), "{message}");
        assert!(message.contains("Nothing was changed"), "{message}");
        assert_eq!(
            snapshot(&app.data),
            before,
            "{} changed something",
            file.display()
        );
    }
}

#[test]
fn only_a_newer_signed_update_is_offered() {
    let signer = Signer::generate().unwrap();
    let app = Installed::new(&signer);
    let dir = tempfile::tempdir().unwrap();
    let installer = dir.path().join("Satchel_9.0.0_amd64.deb");
    std::fs::write(&installer, b"!<arch>\ndebian-binary").unwrap();

    let newer = dir.path().join("update.pack");
    signed(
        &signer,
        &newer,
        PackKind::App,
        "9.0.0",
        std::slice::from_ref(&installer),
    );
    let offer = app.ok(&["update", "check", newer.to_str().unwrap()]);
    assert_eq!(offer["version"], "9.0.0");
    assert_eq!(offer["notes"], "What is new");
    assert_eq!(offer["files"][0]["name"], "Satchel_9.0.0_amd64.deb");

    let mut bytes = std::fs::read(&newer).unwrap();
    let at = bytes.windows(8).position(|w| w == b"debian-b").unwrap();
    bytes[at] ^= 0x01;
    let tampered = dir.path().join("tampered.pack");
    std::fs::write(&tampered, bytes).unwrap();
    let older = dir.path().join("older.pack");
    signed(
        &signer,
        &older,
        PackKind::App,
        "0.0.1",
        std::slice::from_ref(&installer),
    );
    let models = dir.path().join("models.pack");
    signed(
        &signer,
        &models,
        PackKind::Models,
        "9.0.0",
        std::slice::from_ref(&installer),
    );
    let unsigned = dir.path().join("unsigned.pack");
    {
        let mut builder = tar::Builder::new(std::fs::File::create(&unsigned).unwrap());
        builder
            .append_path_with_name(&installer, "Satchel_9.0.0_amd64.deb")
            .unwrap();
        builder.into_inner().unwrap();
    }
    app.ok(&["profile", "create", "Ada"]);
    let before = snapshot(&app.data);
    for (file, why) in [
        (&tampered, "changed or damaged"),
        (&unsigned, "not a Satchel pack"),
        (&older, "already here"),
        (&models, "not what was asked for"),
    ] {
        let (code, message) = app.refused(&["update", "check", file.to_str().unwrap()]);
        println!("{}: {message}", file.display());
        assert_eq!(code, "untrusted", "{message}");
        assert!(message.contains(why), "{message}");
        assert_eq!(
            snapshot(&app.data),
            before,
            "{} changed something",
            file.display()
        );
    }
}
