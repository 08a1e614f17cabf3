use std::collections::BTreeMap;
use std::io::Cursor;

use minisign::KeyPair;

use super::*;

struct Signer(KeyPair);

impl Signer {
    fn new() -> Self {
        Self(KeyPair::generate_unencrypted_keypair().unwrap())
    }

    fn keys(&self) -> TrustedKeys {
        let text = self.0.pk.to_box().unwrap().into_string();
        TrustedKeys::from_texts(&[&text]).unwrap()
    }

    fn sign(&self, bytes: &[u8], comment: &str) -> std::io::Result<String> {
        minisign::sign(
            Some(&self.0.pk),
            &self.0.sk,
            Cursor::new(bytes),
            Some(comment),
            None,
        )
        .map(|b| b.into_string())
        .map_err(std::io::Error::other)
    }
}

/// Two model files with known contents.
fn payload(dir: &Path) -> Vec<PathBuf> {
    let a = dir.join("ggml-base.bin");
    let b = dir.join("all-minilm-l6-v2.onnx");
    std::fs::write(&a, vec![7u8; 100_000]).unwrap();
    std::fs::write(&b, b"an embedding model").unwrap();
    vec![a, b]
}

fn pack(dir: &Path, signer: &Signer, kind: PackKind, version: &str) -> PathBuf {
    let files = payload(dir);
    let out = dir.join(format!("{version}.pack"));
    write_pack(&out, kind, version, "Better models", &files, |b, c| {
        signer.sign(b, c)
    })
    .unwrap();
    out
}

/// Every file under `dir` and its bytes: "nothing changed" is this, equal before and after.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(next) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&next) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                all.insert(path.clone(), Vec::new());
                pending.push(path);
            } else {
                all.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    all
}

fn problem(error: Error) -> PackProblem {
    match error {
        Error::PackRefused { problem, .. } => problem,
        other => panic!("not a refusal: {other}"),
    }
}

/// Flips one byte of `file` at `offset` from its end.
fn flip(file: &Path, from_end: usize) {
    let mut bytes = std::fs::read(file).unwrap();
    let at = bytes.len() - from_end;
    bytes[at] ^= 0x01;
    std::fs::write(file, bytes).unwrap();
}

/// Where in the tar a member's data begins.
fn offset_of(pack: &Path, name: &str) -> u64 {
    let mut archive = tar::Archive::new(File::open(pack).unwrap());
    let entry = archive
        .entries()
        .unwrap()
        .map(|e| e.unwrap())
        .find(|e| entry_name(e) == name)
        .unwrap();
    entry.raw_file_position()
}

#[test]
fn a_signed_model_pack_is_imported_and_found_first_among_the_imports() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::new();
    let pack = pack(dir.path(), &signer, PackKind::Models, "1.2.0");
    let data = dir.path().join("data");
    let manifest = import_models(&pack, &data, &signer.keys()).unwrap();
    assert_eq!(manifest.version, "1.2.0");
    assert_eq!(manifest.files.len(), 2);
    let models = imported_dir(&data);
    assert_eq!(
        std::fs::read(models.join("ggml-base.bin")).unwrap(),
        vec![7u8; 100_000]
    );
    assert_eq!(installed_models(&data), Some(manifest));
    // No staging folder is left behind.
    let names: Vec<_> = std::fs::read_dir(&models)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
    let dirs = crate::models::model_dirs(Some(&data));
    assert!(dirs.contains(&models), "{dirs:?}");
}

#[test]
fn a_changed_byte_an_unsigned_pack_or_a_foreign_key_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::new();
    let keys = signer.keys();
    let data = dir.path().join("data");
    // A pack already imported: what must survive every refusal below.
    import_models(
        &pack(dir.path(), &signer, PackKind::Models, "1.0.0"),
        &data,
        &keys,
    )
    .unwrap();
    let before = snapshot(&data);

    let good = pack(dir.path(), &signer, PackKind::Models, "1.1.0");
    let attempt = |file: &Path| problem(import_models(file, &data, &keys).unwrap_err());

    // A byte of a model file (the last member's data ends 1024+ bytes before the end).
    let payload = dir.path().join("payload.pack");
    std::fs::copy(&good, &payload).unwrap();
    let start = offset_of(&payload, "all-minilm-l6-v2.onnx");
    let mut bytes = std::fs::read(&payload).unwrap();
    bytes[start as usize + 3] ^= 0x20;
    std::fs::write(&payload, bytes).unwrap();
    assert_eq!(
        attempt(&payload),
        PackProblem::BadChecksum {
            file: "all-minilm-l6-v2.onnx".into()
        }
    );
    assert_eq!(snapshot(&data), before);

    // A byte of the manifest: the signature no longer matches.
    let manifest = dir.path().join("manifest.pack");
    std::fs::copy(&good, &manifest).unwrap();
    let start = offset_of(&manifest, MANIFEST);
    let mut bytes = std::fs::read(&manifest).unwrap();
    bytes[start as usize + 20] ^= 0x01;
    std::fs::write(&manifest, bytes).unwrap();
    assert_eq!(attempt(&manifest), PackProblem::BadSignature);
    assert_eq!(snapshot(&data), before);

    // No signature at all.
    let unsigned = dir.path().join("unsigned.pack");
    let mut builder = tar::Builder::new(File::create(&unsigned).unwrap());
    let mut header = tar::Header::new_gnu();
    let text = br#"{"format":1,"kind":"models","version":"9.0.0","files":[]}"#;
    header.set_size(text.len() as u64);
    header.set_cksum();
    builder
        .append_data(&mut header, MANIFEST, &text[..])
        .unwrap();
    builder.into_inner().unwrap();
    assert_eq!(attempt(&unsigned), PackProblem::Unsigned);

    // Signed, by someone else.
    let stranger = pack(
        &dir.path().join("x").tap_mkdir(),
        &Signer::new(),
        PackKind::Models,
        "2.0.0",
    );
    assert_eq!(attempt(&stranger), PackProblem::UnknownKey);

    // Cut short.
    let short = dir.path().join("short.pack");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&short, &bytes[..bytes.len() - 3000]).unwrap();
    assert!(
        matches!(attempt(&short), PackProblem::Truncated { .. }),
        "a truncated pack"
    );

    // Not a pack at all.
    let junk = dir.path().join("junk.pack");
    std::fs::write(&junk, b"%PDF-1.7 not a pack").unwrap();
    assert!(matches!(attempt(&junk), PackProblem::NotAPack(_)));

    assert_eq!(snapshot(&data), before);
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}

#[test]
fn an_older_model_pack_is_refused_and_the_same_one_again_repairs() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::new();
    let keys = signer.keys();
    let data = dir.path().join("data");
    let newer = pack(
        &dir.path().join("n").tap_mkdir(),
        &signer,
        PackKind::Models,
        "1.10.0",
    );
    let older = pack(
        &dir.path().join("o").tap_mkdir(),
        &signer,
        PackKind::Models,
        "1.9.3",
    );
    import_models(&newer, &data, &keys).unwrap();
    let before = snapshot(&data);
    assert_eq!(
        problem(import_models(&older, &data, &keys).unwrap_err()),
        PackProblem::NotNewer {
            offered: "1.9.3".into(),
            installed: "1.10.0".into()
        }
    );
    assert_eq!(snapshot(&data), before);

    // A damaged model is put right by importing the same pack again.
    flip(&imported_dir(&data).join("ggml-base.bin"), 10);
    import_models(&newer, &data, &keys).unwrap();
    assert_eq!(snapshot(&data), before);
}

#[test]
fn only_a_newer_signed_app_update_passes() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::new();
    let keys = signer.keys();
    let update = pack(
        &dir.path().join("u").tap_mkdir(),
        &signer,
        PackKind::App,
        "0.2.0",
    );
    let staged = check_update(&update, &keys, "0.1.0", &dir.path().join("stage1")).unwrap();
    assert_eq!(staged.manifest.version, "0.2.0");
    assert_eq!(staged.manifest.notes, "Better models");
    assert!(staged.folder.join("ggml-base.bin").is_file());

    let refusal = check_update(&update, &keys, "0.2.0", &dir.path().join("stage2")).unwrap_err();
    assert_eq!(
        problem(refusal),
        PackProblem::NotNewer {
            offered: "0.2.0".into(),
            installed: "0.2.0".into()
        }
    );
    let models = pack(
        &dir.path().join("m").tap_mkdir(),
        &signer,
        PackKind::Models,
        "3.0.0",
    );
    let refusal = check_update(&models, &keys, "0.1.0", &dir.path().join("stage3")).unwrap_err();
    assert_eq!(problem(refusal), PackProblem::WrongKind("models"));
}

#[test]
fn the_signed_version_must_be_the_manifests() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::new();
    let files = payload(dir.path());
    let out = dir.path().join("mislabelled.pack");
    // A manifest saying 5.0.0, signed with a comment saying 0.0.1: a signature lifted
    // from an old release onto a new claim.
    write_pack(&out, PackKind::App, "5.0.0", "", &files, |bytes, _| {
        signer.sign(bytes, "timestamp:0\tfile:pack.json\tversion:0.0.1")
    })
    .unwrap();
    let refusal = check_update(&out, &signer.keys(), "0.1.0", &dir.path().join("s")).unwrap_err();
    assert_eq!(problem(refusal), PackProblem::BadSignature);
}

#[test]
fn the_release_key_is_one_minisign_reads() {
    assert!(!TrustedKeys::release().0.is_empty());
    assert!(TrustedKeys::from_texts(&["not a key"]).is_err());
}

#[test]
fn hostile_manifests_are_not_believed_even_when_signed() {
    for name in [
        "../escape",
        "/etc/passwd",
        ".hidden",
        "pack.json",
        "a/b",
        "",
    ] {
        let manifest = PackManifest {
            format: 1,
            kind: PackKind::Models,
            version: "1.0.0".into(),
            notes: String::new(),
            files: vec![PackFile {
                name: name.into(),
                size: 1,
                sha256: "0".repeat(64),
            }],
        };
        assert!(check_manifest(&manifest).is_err(), "{name:?}");
    }
    assert!(version_key("1.2").is_none() && version_key("1.2.3.4").is_none());
    assert!(version_key("1.10.0") > version_key("1.9.9"));
}
