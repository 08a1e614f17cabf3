//! A class server handing out packs, with the real `satchel-server` on loopback and the
//! real `satchel` installed as a package lays it out: the server lists only what is
//! signed by a key it trusts, serves a file from a byte onwards, and a student's app
//! takes a model pack and an update from it. What the server serves is not believed:
//! a pack changed on the server after it was listed is refused, and changes nothing.

use std::path::{Path, PathBuf};

use satchel_core::packs::PackKind;
use satchel_e2e::{SYNC_PASSWORD, SyncServer};
use satchel_packs::sign::Signer;
use satchel_test_kit::files::snapshot;
use serde_json::Value;

use crate::models::{Installed, signed};

/// A class server whose offers folder holds a model pack and an update signed by the
/// school's key, one signed by a stranger and one not signed at all.
struct Class {
    server: SyncServer,
    offers: PathBuf,
    _dir: tempfile::TempDir,
}

impl Class {
    fn new(school: &Signer) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("server");
        let offers = dir.path().join("offers");
        let files = dir.path().join("files");
        std::fs::create_dir_all(&offers).unwrap();
        std::fs::create_dir_all(&files).unwrap();
        let model = files.join("ggml-tiny.en.bin");
        std::fs::write(&model, pattern(300_000)).unwrap();
        let installer = files.join("Satchel_9.0.0_amd64.deb");
        std::fs::write(&installer, b"!<arch>\ndebian-binary   the new Satchel").unwrap();

        let models = offers.join("satchel-models-1.0.0.pack");
        signed(
            school,
            &models,
            PackKind::Models,
            "1.0.0",
            std::slice::from_ref(&model),
        );
        let update = offers.join("satchel-update-9.0.0.pack");
        signed(school, &update, PackKind::App, "9.0.0", &[installer]);
        let stranger = offers.join("satchel-models-5.0.0.pack");
        signed(
            &Signer::generate().unwrap(),
            &stranger,
            PackKind::Models,
            "5.0.0",
            std::slice::from_ref(&model),
        );
        let mut unsigned = tar::Builder::new(
            std::fs::File::create(offers.join("satchel-models-6.0.0.pack")).unwrap(),
        );
        unsigned
            .append_path_with_name(&model, "ggml-tiny.en.bin")
            .unwrap();
        unsigned.into_inner().unwrap();

        let key = dir.path().join("school.pub");
        std::fs::write(&key, school.public_key_text()).unwrap();
        SyncServer::add_learner(&data, "ada");
        SyncServer::add_learner(&data, "grace");
        let server = SyncServer::start_with(
            &data,
            "127.0.0.1:0",
            &[
                "--offers-dir",
                offers.to_str().unwrap(),
                "--trust-key",
                key.to_str().unwrap(),
            ],
        );
        Class {
            server,
            offers,
            _dir: dir,
        }
    }

    fn url(&self) -> String {
        self.server.url.clone()
    }

    /// A student's app, installed trusting `school`, signed in as `name`.
    fn student(&self, school: &Signer, name: &str) -> Installed {
        let app = Installed::new(school);
        app.ok(&["profile", "create", name]);
        app.ok(&["login", "--server", &self.url(), "--user", name]);
        app
    }
}

/// Bytes that are not all alike, so a changed one is a real change.
fn pattern(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 % 251) as u8).collect()
}

fn offer<'a>(offers: &'a Value, name: &str) -> &'a Value {
    offers
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {offers:#}"))
}

fn names(offers: &Value) -> Vec<&str> {
    offers
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_student_takes_the_class_model_pack_and_update_and_only_what_is_signed_is_offered() {
    let school = Signer::generate().unwrap();
    let class = Class::new(&school);
    let ada = class.student(&school, "ada");

    // Only what the school's key signed is listed; nothing is here yet, so both are new.
    let offers = ada.ok(&["class", "offers"]);
    println!("{offers:#}");
    assert_eq!(
        names(&offers),
        ["satchel-models-1.0.0.pack", "satchel-update-9.0.0.pack"]
    );
    let models = offer(&offers, "satchel-models-1.0.0.pack");
    assert_eq!(models["kind"], "models");
    assert_eq!(models["notes"], "What is new");
    assert_eq!(
        models["size"].as_u64(),
        Some(
            std::fs::metadata(class.offers.join("satchel-models-1.0.0.pack"))
                .unwrap()
                .len()
        )
    );
    assert_eq!(models["wanted"], true);
    assert_eq!(offer(&offers, "satchel-update-9.0.0.pack")["wanted"], true);

    // The model pack: imported, and the app no longer wants it.
    let taken = ada.ok(&["class", "take", "satchel-models-1.0.0.pack"]);
    assert_eq!(taken["kind"], "models");
    assert_eq!(taken["version"], "1.0.0");
    assert_eq!(
        std::fs::read(ada.data.join("models/ggml-tiny.en.bin")).unwrap(),
        pattern(300_000)
    );
    assert_eq!(ada.ok(&["models", "status"])["imported_pack"], "1.0.0");
    let offers = ada.ok(&["class", "offers"]);
    assert_eq!(offer(&offers, "satchel-models-1.0.0.pack")["wanted"], false);

    // The update: checked, its installer staged for the learner to choose.
    let taken = ada.ok(&["class", "take", "satchel-update-9.0.0.pack"]);
    assert_eq!(taken["kind"], "app");
    assert_eq!(taken["version"], "9.0.0");
    let installer = PathBuf::from(taken["installer"].as_str().unwrap());
    assert!(installer.starts_with(ada.data.join("updates")), "{taken}");
    assert_eq!(
        std::fs::read(&installer).unwrap(),
        b"!<arch>\ndebian-binary   the new Satchel"
    );
    // What was downloaded served its turn and is gone.
    assert_eq!(files_in(&ada.data.join("downloads")), Vec::<String>::new());

    // A pack the server does not list is not served, whatever lies in its folder.
    for name in ["satchel-models-5.0.0.pack", "satchel-models-6.0.0.pack"] {
        let (code, message) = ada.refused(&["class", "take", name]);
        assert_eq!(code, "not_found", "{message}");
    }
    let (http, base) = client(&class.url());
    let response = http
        .get(format!("{base}/v1/offers/satchel-models-6.0.0.pack"))
        .bearer_auth(access_token(&class.url(), "ada"))
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 404);
}

/// An HTTP client held to the server's certificate, and the server's base address.
fn client(url: &str) -> (reqwest::blocking::Client, String) {
    let address = satchel_core::ServerAddress::parse(url).unwrap();
    (satchel_core::pinned_client(&address).unwrap(), address.base)
}

/// A token for `name`, from the server's own sign-in.
fn access_token(url: &str, name: &str) -> String {
    let (http, base) = client(url);
    let answer = http
        .post(format!("{base}/v1/auth/login"))
        .body(
            serde_json::json!({ "name": name, "password": SYNC_PASSWORD, "device": "test" })
                .to_string(),
        )
        .header("content-type", "application/json")
        .send()
        .unwrap()
        .bytes()
        .unwrap();
    let tokens: Value = serde_json::from_slice(&answer).unwrap();
    tokens["access_token"].as_str().unwrap().to_owned()
}

#[test]
fn a_download_goes_on_from_where_it_was_cut_and_a_pack_changed_on_the_server_is_refused() {
    let school = Signer::generate().unwrap();
    let class = Class::new(&school);
    let pack = class.offers.join("satchel-models-1.0.0.pack");
    let whole = std::fs::read(&pack).unwrap();

    // The server answers a range with the rest of the file, and says where it starts.
    let token = access_token(&class.url(), "grace");
    let (http, base) = client(&class.url());
    let response = http
        .get(format!("{base}/v1/offers/satchel-models-1.0.0.pack"))
        .bearer_auth(&token)
        .header("range", "bytes=100000-")
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 206);
    assert_eq!(
        response
            .headers()
            .get("content-range")
            .and_then(|v| v.to_str().ok()),
        Some(format!("bytes 100000-{}/{}", whole.len() - 1, whole.len()).as_str())
    );
    assert_eq!(response.bytes().unwrap().to_vec(), whole[100_000..]);
    // Without signing in, nothing is listed or served.
    let anonymous = http.get(format!("{base}/v1/offers")).send().unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);

    // A transfer cut off after 100 000 bytes goes on from there.
    let grace = class.student(&school, "grace");
    let downloads = grace.data.join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    std::fs::write(
        downloads.join("satchel-models-1.0.0.pack.partial"),
        &whole[..100_000],
    )
    .unwrap();
    let taken = grace.ok(&["class", "take", "satchel-models-1.0.0.pack"]);
    assert_eq!(taken["version"], "1.0.0");
    assert_eq!(files_in(&downloads), Vec::<String>::new());

    // Someone changes the model inside the pack on the server (its signed list still
    // reads, so the server lists it): the app refuses it and keeps what it had.
    let mut changed = whole.clone();
    let at = changed
        .windows(64)
        .position(|w| w == &pattern(300_000)[..64])
        .unwrap()
        + 5000;
    changed[at] ^= 0x01;
    std::fs::write(class.offers.join("satchel-models-1.0.1.pack"), &changed).unwrap();
    // (Version 1.0.1 by its name only: the signed list inside still says 1.0.0.)
    let offers = grace.ok(&["class", "offers"]);
    assert!(names(&offers).contains(&"satchel-models-1.0.1.pack"));
    let models = grace.data.join("models");
    let before = snapshot(&models);
    let (code, message) = grace.refused(&["class", "take", "satchel-models-1.0.1.pack"]);
    println!("{message}");
    assert_eq!(code, "untrusted", "{message}");
    assert!(message.contains("changed or damaged"), "{message}");
    assert_eq!(
        snapshot(&models),
        before,
        "the refused pack changed the models"
    );
    assert_eq!(files_in(&downloads), Vec::<String>::new());
}
