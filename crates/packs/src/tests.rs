use super::sign::Signer;
use super::*;

/// Two model files with known contents.
fn payload(dir: &Path) -> Vec<PathBuf> {
    let a = dir.join("ggml-base.bin");
    let b = dir.join("all-minilm-l6-v2.onnx");
    std::fs::write(&a, vec![7u8; 100_000]).unwrap();
    std::fs::write(&b, b"an embedding model").unwrap();
    vec![a, b]
}

fn pack(dir: &Path, signer: &Signer, version: &str) -> PathBuf {
    let files = payload(dir);
    let out = dir.join(format!("{version}.pack"));
    write_pack(
        &out,
        PackKind::Models,
        version,
        "Better models",
        &files,
        |b, c| signer.sign(b, c),
    )
    .unwrap();
    out
}

/// What reading `pack` says, into a fresh staging folder.
fn read(pack: &Path, keys: &TrustedKeys) -> Result<PackManifest, PackProblem> {
    let stage = tempfile::tempdir().unwrap();
    unpack_verified(pack, keys, stage.path())
        .map(|signed| signed.manifest)
        .map_err(|e| match e {
            PackError::Refused(problem) => problem,
            PackError::Io { .. } => panic!("{e}"),
        })
}

/// Where in the tar a member's data begins.
fn offset_of(pack: &Path, name: &str) -> usize {
    let mut archive = tar::Archive::new(File::open(pack).unwrap());
    let entry = archive
        .entries()
        .unwrap()
        .map(|e| e.unwrap())
        .find(|e| entry_name(e) == name)
        .unwrap();
    entry.raw_file_position() as usize
}

fn with_byte_flipped(pack: &Path, at: usize, out: &Path) -> PathBuf {
    let mut bytes = std::fs::read(pack).unwrap();
    bytes[at] ^= 0x01;
    std::fs::write(out, bytes).unwrap();
    out.to_owned()
}

#[test]
fn a_signed_pack_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let pack = pack(dir.path(), &signer, "1.2.0");
    let stage = tempfile::tempdir().unwrap();
    let manifest = unpack_verified(&pack, &signer.trusted(), stage.path())
        .unwrap()
        .manifest;
    assert_eq!(manifest.version, "1.2.0");
    assert_eq!(manifest.notes, "Better models");
    assert_eq!(manifest.files.len(), 2);
    assert_eq!(
        std::fs::read(stage.path().join("ggml-base.bin")).unwrap(),
        vec![7u8; 100_000]
    );
    // The manifest is what tar itself finds first: the format is plain tar.
    let mut archive = tar::Archive::new(File::open(&pack).unwrap());
    let names: Vec<String> = archive
        .entries()
        .unwrap()
        .map(|e| entry_name(&e.unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            MANIFEST,
            SIGNATURE,
            "ggml-base.bin",
            "all-minilm-l6-v2.onnx"
        ]
    );
}

#[test]
fn every_kind_of_tampering_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let keys = signer.trusted();
    let good = pack(dir.path(), &signer, "1.1.0");

    let in_model = offset_of(&good, "all-minilm-l6-v2.onnx") + 3;
    let tampered = with_byte_flipped(&good, in_model, &dir.path().join("a.pack"));
    assert_eq!(
        read(&tampered, &keys).unwrap_err(),
        PackProblem::BadChecksum {
            file: "all-minilm-l6-v2.onnx".into()
        }
    );

    let in_manifest = offset_of(&good, MANIFEST) + 20;
    let tampered = with_byte_flipped(&good, in_manifest, &dir.path().join("b.pack"));
    assert_eq!(
        read(&tampered, &keys).unwrap_err(),
        PackProblem::BadSignature
    );

    let in_signature = offset_of(&good, SIGNATURE) + 90;
    let tampered = with_byte_flipped(&good, in_signature, &dir.path().join("c.pack"));
    let problem = read(&tampered, &keys).unwrap_err();
    assert!(
        matches!(problem, PackProblem::BadSignature | PackProblem::Unsigned),
        "{problem:?}"
    );

    let stranger = tempfile::tempdir().unwrap();
    let foreign = pack(stranger.path(), &Signer::generate().unwrap(), "2.0.0");
    assert_eq!(read(&foreign, &keys).unwrap_err(), PackProblem::UnknownKey);
    assert_eq!(
        read(&good, &TrustedKeys::default()).unwrap_err(),
        PackProblem::UnknownKey
    );

    let short = dir.path().join("short.pack");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&short, &bytes[..bytes.len() - 3000]).unwrap();
    assert!(matches!(
        read(&short, &keys).unwrap_err(),
        PackProblem::Truncated { .. }
    ));

    let junk = dir.path().join("junk.pack");
    std::fs::write(&junk, b"%PDF-1.7 not a pack").unwrap();
    assert!(matches!(
        read(&junk, &keys).unwrap_err(),
        PackProblem::NotAPack(_)
    ));
}

#[test]
fn a_pack_without_its_signature_is_unsigned() {
    let dir = tempfile::tempdir().unwrap();
    let unsigned = dir.path().join("unsigned.pack");
    let mut builder = tar::Builder::new(File::create(&unsigned).unwrap());
    let text = br#"{"format":1,"kind":"models","version":"9.0.0","files":[]}"#;
    let mut header = tar::Header::new_gnu();
    header.set_size(text.len() as u64);
    header.set_cksum();
    builder
        .append_data(&mut header, MANIFEST, &text[..])
        .unwrap();
    builder.into_inner().unwrap();
    assert_eq!(
        read(&unsigned, &Signer::generate().unwrap().trusted()).unwrap_err(),
        PackProblem::Unsigned
    );
}

#[test]
fn the_signed_version_must_be_the_manifests() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let files = payload(dir.path());
    let out = dir.path().join("mislabelled.pack");
    // A manifest saying 5.0.0, signed with a comment saying 0.0.1: a signature lifted
    // from an old release onto a new claim.
    write_pack(&out, PackKind::App, "5.0.0", "", &files, |bytes, _| {
        signer.sign(bytes, "timestamp:0\tfile:pack.json\tversion:0.0.1")
    })
    .unwrap();
    assert_eq!(
        read(&out, &signer.trusted()).unwrap_err(),
        PackProblem::BadSignature
    );
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
    assert!(is_newer("1.10.0", "1.9.9") && !is_newer("1.9.9", "1.10.0"));
    assert!(!is_newer("1.0.0", "1.0.0"));
}

#[test]
fn keys_that_do_not_decode_are_left_out() {
    let signer = Signer::generate().unwrap();
    let keys = TrustedKeys::from_texts(&["not a key".to_owned(), signer.public_key_text()]);
    assert_eq!(keys.0.len(), 1);
}

#[test]
fn the_head_is_read_without_the_files_and_the_whole_checked_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let pack = pack(dir.path(), &signer, "1.2.0");
    let at = offset_of(&pack, "ggml-base.bin") + 10;
    let damaged = with_byte_flipped(&pack, at, &dir.path().join("damaged.pack"));
    // A server lists a pack by its signed head; the damage shows only to a whole read.
    let head = read_signed(&damaged, &signer.trusted()).unwrap();
    assert_eq!(head.manifest.version, "1.2.0");
    match verify(&damaged, &signer.trusted()) {
        Err(PackError::Refused(PackProblem::BadChecksum { file })) => {
            assert_eq!(file, "ggml-base.bin")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(verify(&pack, &signer.trusted()).unwrap(), head);
    // The head of a pack signed by another key is not believed either.
    let stranger = Signer::generate().unwrap();
    assert!(matches!(
        read_signed(&pack, &stranger.trusted()),
        Err(PackError::Refused(PackProblem::UnknownKey))
    ));
}

#[test]
fn a_pack_written_again_from_its_signed_manifest_is_the_same_pack() {
    let dir = tempfile::tempdir().unwrap();
    let signer = Signer::generate().unwrap();
    let pack = pack(dir.path(), &signer, "1.2.0");
    let stage = tempfile::tempdir().unwrap();
    let signed = unpack_verified(&pack, &signer.trusted(), stage.path()).unwrap();
    // Only the manifest, its signature and the files: no secret key.
    let again = dir.path().join("again.pack");
    write_presigned(&again, &signed, stage.path()).unwrap();
    assert_eq!(verify(&again, &signer.trusted()).unwrap(), signed);
    assert_eq!(
        std::fs::read(&again).unwrap(),
        std::fs::read(&pack).unwrap()
    );

    // A file changed in place (same size) makes a pack every reader refuses.
    std::fs::write(stage.path().join("ggml-base.bin"), vec![8u8; 100_000]).unwrap();
    let changed = dir.path().join("changed.pack");
    write_presigned(&changed, &signed, stage.path()).unwrap();
    assert_eq!(
        read(&changed, &signer.trusted()),
        Err(PackProblem::BadChecksum {
            file: "ggml-base.bin".into()
        })
    );
    // One of another size is not written at all.
    std::fs::write(stage.path().join("ggml-base.bin"), b"short").unwrap();
    let error = write_presigned(&dir.path().join("short.pack"), &signed, stage.path()).unwrap_err();
    assert!(error.to_string().contains("100000"), "{error}");
}
