use satchel_packs::sign::Signer;
use satchel_test_kit::files::snapshot;

use super::*;

/// A pack of two model files with known contents, signed by `signer`.
fn pack(signer: &Signer, dir: &Path, kind: PackKind, version: &str) -> PathBuf {
    let dir = dir.join(version);
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("ggml-base.bin");
    let b = dir.join("all-minilm-l6-v2.onnx");
    std::fs::write(&a, vec![7u8; 100_000]).unwrap();
    std::fs::write(&b, b"an embedding model").unwrap();
    let out = dir.join(format!("{version}.pack"));
    signer
        .write_pack(&out, kind, version, "Better models", &[a, b])
        .unwrap();
    out
}

fn problem(error: Error) -> PackProblem {
    match error {
        Error::PackRefused { problem, .. } => problem,
        other => panic!("not a refusal: {other}"),
    }
}

#[test]
fn a_signed_model_pack_is_imported_where_the_engines_look() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let pack = pack(&signer, dir.path(), PackKind::Models, "1.2.0");
    let data = dir.path().join("data");
    let manifest = import_models(&pack, &data, &signer.trusted()).unwrap();
    assert_eq!(manifest.version, "1.2.0");
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
fn a_refused_pack_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let keys = signer.trusted();
    let data = dir.path().join("data");
    import_models(
        &pack(&signer, dir.path(), PackKind::Models, "1.0.0"),
        &data,
        &keys,
    )
    .unwrap();
    let before = snapshot(&data);

    let good = pack(&signer, dir.path(), PackKind::Models, "1.1.0");
    let mut bytes = std::fs::read(&good).unwrap();
    let at = bytes.windows(16).position(|w| w == [7u8; 16]).unwrap() + 5000;
    bytes[at] ^= 0x01;
    let tampered = dir.path().join("tampered.pack");
    std::fs::write(&tampered, bytes).unwrap();
    let stranger = Signer::generate().unwrap();
    let foreign = pack(&stranger, &dir.path().join("x"), PackKind::Models, "2.0.0");
    let update = pack(&signer, dir.path(), PackKind::App, "3.0.0");
    for (pack, expected) in [
        (
            &tampered,
            PackProblem::BadChecksum {
                file: "ggml-base.bin".into(),
            },
        ),
        (&foreign, PackProblem::UnknownKey),
        (&update, PackProblem::WrongKind("an app update")),
    ] {
        assert_eq!(
            problem(import_models(pack, &data, &keys).unwrap_err()),
            expected
        );
        assert_eq!(snapshot(&data), before, "{}", pack.display());
    }
}

#[test]
fn an_older_model_pack_is_refused_and_the_same_one_again_repairs() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let keys = signer.trusted();
    let data = dir.path().join("data");
    let newer = pack(&signer, dir.path(), PackKind::Models, "1.10.0");
    let older = pack(&signer, dir.path(), PackKind::Models, "1.9.3");
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
    let model = imported_dir(&data).join("ggml-base.bin");
    let mut bytes = std::fs::read(&model).unwrap();
    bytes[10] ^= 0xff;
    std::fs::write(&model, bytes).unwrap();
    import_models(&newer, &data, &keys).unwrap();
    assert_eq!(snapshot(&data), before);
}

#[test]
fn only_a_newer_signed_app_update_passes() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let keys = signer.trusted();
    let update = pack(&signer, dir.path(), PackKind::App, "0.2.0");
    let staged = check_update(&update, &keys, "0.1.0", &dir.path().join("stage1")).unwrap();
    assert_eq!(staged.manifest.version, "0.2.0");
    assert!(staged.folder.join("ggml-base.bin").is_file());

    let refusal = check_update(&update, &keys, "0.2.0", &dir.path().join("stage2")).unwrap_err();
    assert_eq!(
        problem(refusal),
        PackProblem::NotNewer {
            offered: "0.2.0".into(),
            installed: "0.2.0".into()
        }
    );
    let models = pack(&signer, dir.path(), PackKind::Models, "3.0.0");
    let refusal = check_update(&models, &keys, "0.1.0", &dir.path().join("stage3")).unwrap_err();
    assert_eq!(problem(refusal), PackProblem::WrongKind("models"));
}

#[test]
fn the_release_key_is_one_minisign_reads() {
    assert!(!TrustedKeys::from_texts(&[RELEASE_KEY]).is_empty());
}

#[test]
fn keys_installed_beside_the_program_are_trusted_too() {
    let prefix = tempfile::tempdir().unwrap();
    let keys = prefix.path().join("lib/Satchel/keys");
    std::fs::create_dir_all(&keys).unwrap();
    let signer = Signer::generate().unwrap();
    let text = signer.public_key_text();
    std::fs::write(keys.join("school.pub"), &text).unwrap();
    std::fs::write(keys.join("notes.txt"), "not a key").unwrap();
    std::fs::write(keys.join("huge.pub"), vec![b'A'; 10_000]).unwrap();
    assert_eq!(installed_keys(prefix.path()), vec![text]);
}

#[test]
fn a_teacher_offers_the_models_it_imported_as_the_very_pack_it_was_given() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let keys = signer.trusted();
    let given = pack(&signer, dir.path(), PackKind::Models, "1.2.0");
    let teacher = dir.path().join("teacher");
    import_models(&given, &teacher, &keys).unwrap();

    // Written again from the imported files and the signed manifest kept beside them.
    let offers = offers_dir(&dir.path().join("class-server"));
    let dirs = [imported_dir(&teacher)];
    let offered_models = offer_models(&dirs, &offers, &keys).unwrap();
    assert_eq!(offered_models.version, "1.2.0");
    let listed = offered(&offers, &keys);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].name, "satchel-models-1.2.0.pack");
    assert_eq!(
        std::fs::read(offers.join(&listed[0].name)).unwrap(),
        std::fs::read(&given).unwrap()
    );

    // A model damaged on the teacher's disk is not handed on.
    std::fs::write(
        imported_dir(&teacher).join("ggml-base.bin"),
        vec![8u8; 100_000],
    )
    .unwrap();
    let refused = offer_models(&dirs, &offers, &keys).unwrap_err();
    assert_eq!(
        problem(refused),
        PackProblem::BadChecksum {
            file: "ggml-base.bin".into()
        }
    );
    // Nothing half-written is left, and what was offered stays offered.
    assert_eq!(offered(&offers, &keys), listed);
    assert_eq!(snapshot(&offers).len(), 1);
    // One cut short (a size that is not the signed one) is not at hand at all.
    std::fs::write(imported_dir(&teacher).join("ggml-base.bin"), b"short").unwrap();
    assert!(models_at_hand(&dirs, &keys).is_none());
}

#[test]
fn a_file_offered_to_the_class_is_checked_whole_and_replaces_the_one_of_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let keys = signer.trusted();
    let offers = offers_dir(&dir.path().join("class-server"));
    let first = pack(&signer, dir.path(), PackKind::App, "1.0.0");
    let second = pack(&signer, dir.path(), PackKind::App, "1.1.0");
    let models = pack(&signer, dir.path(), PackKind::Models, "1.0.1");
    offer_file(&first, &offers, &keys).unwrap();
    offer_file(&models, &offers, &keys).unwrap();
    offer_file(&second, &offers, &keys).unwrap();
    let names: Vec<String> = offered(&offers, &keys)
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert_eq!(
        names,
        ["satchel-models-1.0.1.pack", "satchel-update-1.1.0.pack"]
    );

    // A pack with a byte changed is refused before it is offered.
    let mut bytes = std::fs::read(&first).unwrap();
    let at = bytes.windows(16).position(|w| w == [7u8; 16]).unwrap() + 10;
    bytes[at] ^= 1;
    let tampered = dir.path().join("tampered.pack");
    std::fs::write(&tampered, bytes).unwrap();
    let before = snapshot(&offers);
    let error = offer_file(&tampered, &offers, &keys).unwrap_err();
    assert!(matches!(problem(error), PackProblem::BadChecksum { .. }));
    assert_eq!(snapshot(&offers), before);

    withdraw(&offers, "satchel-update-1.1.0.pack").unwrap();
    assert!(matches!(
        withdraw(&offers, "../data/profile.db"),
        Err(Error::InvalidInput(_))
    ));
    let names: Vec<String> = offered(&offers, &keys)
        .into_iter()
        .map(|o| o.name)
        .collect();
    assert_eq!(names, ["satchel-models-1.0.1.pack"]);
}
