//! Backups end to end: made and listed, unreadable without the library's secret, put
//! back with its passphrase or (on a new computer) its recovery code, the library they
//! replace kept first, and a wrong secret or a damaged file changing nothing.

use std::path::{Path, PathBuf};

use satchel_e2e::{Cli, files_containing};
use satchel_test_kit::PASSPHRASE;
use serde_json::Value;

const SECRET_WORDS: &str = "Mitochondria turn glucose into energy";

fn library(dir: &Path) -> (Cli, String) {
    let cli = Cli::new(dir).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let created = cli.json(&["profile", "create", "Ada"]);
    let code = created["recovery_code"].as_str().unwrap().to_owned();
    cli.json(&["note", "add", "--title", "Cells", "--text", SECRET_WORDS]);
    cli.json(&[
        "card",
        "add",
        "--front",
        "What turns glucose into energy?",
        "--back",
        "mitochondria",
    ]);
    let next = cli.json(&["review", "next"]);
    let id = next["card"]["id"].as_str().unwrap().to_owned();
    cli.json(&["review", "answer", &id, "good"]);
    (cli, code)
}

fn titles(cli: &Cli) -> Vec<String> {
    let mut titles: Vec<String> = cli
        .json(&["note", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap_or_default().to_owned())
        .collect();
    titles.sort();
    titles
}

fn path_of(backup: &Value) -> PathBuf {
    PathBuf::from(backup["path"].as_str().expect("a backup's path"))
}

/// What is in the profiles folder besides the profiles: nothing a restore left.
fn leftovers(data: &Path) -> Vec<String> {
    std::fs::read_dir(data.join("profiles"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

#[test]
fn a_backup_is_unreadable_without_the_secret_and_restores_what_it_held() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cli, _) = library(&data);

    // Among the backups kept here, and to a USB stick.
    let kept = cli.json(&["backup"]);
    println!("backup: {kept}");
    assert_eq!(kept["kind"], "manual");
    assert_eq!(kept["contents"]["notes"], 1);
    assert_eq!(kept["contents"]["cards"], 1);
    assert_eq!(kept["contents"]["reviews"], 1);
    assert!(path_of(&kept).starts_with(&data), "{kept}");
    let stick = dir.path().join("usb");
    std::fs::create_dir(&stick).unwrap();
    let carried = cli.json(&["backup", stick.to_str().unwrap()]);
    assert!(path_of(&carried).starts_with(&stick), "{carried}");
    let listed = cli.json(&["backups"]);
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "only those kept here: {listed}"
    );
    assert_eq!(listed[0]["path"], kept["path"]);

    // Nothing in a backup reads without the library's secret.
    for needle in [SECRET_WORDS.as_bytes(), b"glucose", b"SQLite format 3"] {
        assert!(
            files_containing(&stick, needle).is_empty(),
            "{:?} readable in the backup",
            String::from_utf8_lossy(needle)
        );
    }

    // The library moves on: a note added, the first deleted.
    cli.json(&[
        "note",
        "add",
        "--title",
        "Later",
        "--text",
        "written after the backup",
    ]);
    let first = cli
        .json(&["note", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["title"] == "Cells")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    cli.json(&["note", "delete", &first]);
    assert_eq!(titles(&cli), ["Later"]);

    // Restored from the stick: the library as it was, the one it replaced kept.
    let restored = cli.json(&["restore", path_of(&carried).to_str().unwrap()]);
    println!("restore: {restored}");
    assert_eq!(titles(&cli), ["Cells"]);
    assert_eq!(cli.json(&["stats"])["total_reviews"], 1);
    let replaced = path_of(&restored["replaced"]);
    assert!(replaced.is_file());
    assert_eq!(restored["replaced"]["kind"], "before_restore");
    assert!(leftovers(&data).is_empty(), "{:?}", leftovers(&data));

    // And that one puts back what the restore replaced: nothing was lost.
    cli.json(&["restore", replaced.to_str().unwrap()]);
    assert_eq!(titles(&cli), ["Later"]);
    let all = cli.json(&["backups"]);
    assert!(all.as_array().unwrap().len() >= 3, "{all}");
}

#[test]
fn a_wrong_secret_or_a_damaged_backup_is_a_clear_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (cli, _) = library(&data);
    let backup = path_of(&cli.json(&["backup", dir.path().to_str().unwrap()]));
    cli.json(&["note", "add", "--title", "Later", "--text", "after"]);

    let wrong = cli
        .clone()
        .env("SATCHEL_PASSPHRASE", "not the passphrase at all");
    let out = wrong.run(&["restore", backup.to_str().unwrap(), "--json"]);
    assert!(!out.status.success());
    let error: Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| serde_json::from_slice(&out.stdout))
        .unwrap_or(Value::Null);
    assert_eq!(error["error"]["code"], "wrong_key", "{error}");

    let bytes = std::fs::read(&backup).unwrap();
    let cut = dir.path().join("cut.satchel-backup");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let noise = dir.path().join("noise.satchel-backup");
    std::fs::write(&noise, b"PK\x03\x04 but nothing a backup holds").unwrap();
    // Pages of the library changed inside an otherwise whole file.
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    for byte in &mut flipped[middle..middle + 64] {
        *byte ^= 0x5a;
    }
    let damaged = dir.path().join("damaged.satchel-backup");
    std::fs::write(&damaged, &flipped).unwrap();
    // And a file whose zip is whole (its checksums made anew) but whose library's
    // pages were changed: SQLCipher's check of each page finds it.
    let forged = dir.path().join("forged.satchel-backup");
    rewrite_database(&backup, &forged, |db| {
        let at = db.len() / 2;
        for byte in &mut db[at..at + 32] {
            *byte ^= 0xff;
        }
    });
    for bad in [&cut, &noise, &damaged, &forged] {
        let out = cli.run(&["restore", bad.to_str().unwrap()]);
        // The message, the file's own name (which says "backup") taken out of it.
        let said = String::from_utf8_lossy(&out.stderr).replace(&bad.display().to_string(), "FILE");
        println!("{said}");
        assert!(!out.status.success(), "{}", bad.display());
        assert!(
            said.contains("not a Satchel backup") || said.contains("damaged"),
            "{}: {said}",
            bad.display()
        );
    }
    assert_eq!(titles(&cli), ["Cells", "Later"]);
    assert!(leftovers(&data).is_empty(), "{:?}", leftovers(&data));
}

#[test]
fn a_new_computer_restores_a_backup_with_the_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let (cli, code) = library(&dir.path().join("old"));
    let backup = path_of(&cli.json(&["backup", dir.path().to_str().unwrap()]));

    // Another computer, no keychain: the recovery code and a passphrase of its own.
    let new = Cli::new(&dir.path().join("new"))
        .env("SATCHEL_RECOVERY_CODE", &code)
        .env("SATCHEL_NEW_PASSPHRASE", "a new passphrase here");
    let restored = new.json(&["restore", backup.to_str().unwrap()]);
    assert_eq!(restored["replaced"], Value::Null);
    let opened =
        Cli::new(&dir.path().join("new")).env("SATCHEL_PASSPHRASE", "a new passphrase here");
    assert_eq!(titles(&opened), ["Cells"]);
    assert_eq!(opened.json(&["stats"])["total_reviews"], 1);
    // A wrong code there opens nothing and leaves no library behind.
    let elsewhere = Cli::new(&dir.path().join("third"))
        .env(
            "SATCHEL_RECOVERY_CODE",
            "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
        )
        .env("SATCHEL_NEW_PASSPHRASE", "a new passphrase here");
    let out = elsewhere.run(&["restore", backup.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        elsewhere
            .json(&["profile", "list"])
            .as_array()
            .unwrap()
            .is_empty(),
        "a failed restore made a profile"
    );
}

/// Copies the backup at `from` to `to` with its database changed by `change`.
fn rewrite_database(from: &Path, to: &Path, change: impl FnOnce(&mut Vec<u8>)) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let mut change = Some(change);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "satchel.db" {
            (change.take().unwrap())(&mut bytes);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}
