//! The `satchel` command line, end to end, as a script would use it.

use satchel_e2e::Cli;
use satchel_test_kit::PASSPHRASE;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn created(cli: &Cli, name: &str) -> String {
    let reply = cli.json(&["profile", "create", name]);
    assert_eq!(reply["profile"]["name"], name);
    reply["recovery_code"]
        .as_str()
        .expect("recovery code")
        .to_owned()
}

#[test]
fn notes_go_through_every_command_with_json() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(dir.path()).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let code = created(&cli, "Ada");
    assert_eq!(code.len(), 39, "eight groups of four: {code}");
    assert_eq!(
        cli.json(&["profile", "list"])[0]["protection"],
        "passphrase"
    );

    let note = cli.json(&[
        "note",
        "add",
        "--title",
        "Cells",
        "--text",
        "The cell is the unit of life.",
    ]);
    let id = note["id"].as_str().unwrap().to_owned();
    let listed = cli.json(&["note", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["title"], "Cells");

    let shown = cli.json(&["note", "show", &id[..12]]);
    assert_eq!(shown["body"], "The cell is the unit of life.");
    cli.json(&["note", "edit", &id, "--text", "Cells divide by mitosis."]);
    assert!(cli.ok(&["note", "show", &id]).contains("mitosis"));

    assert_eq!(cli.json(&["note", "rm", &id])["deleted"], id.as_str());
    assert!(cli.json(&["note", "list"]).as_array().unwrap().is_empty());
}

#[test]
fn failures_are_clear_errors_with_a_nonzero_exit_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(dir.path());

    let out = cli.run(&["note", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no profiles yet"), "{}", stderr(&out));

    // No keychain, no passphrase and nobody at a terminal to type one.
    let out = cli.run(&["profile", "create", "Ben"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("passphrase"), "{}", stderr(&out));
    assert!(
        cli.json(&["profile", "list"])
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing half-made"
    );

    let with_passphrase = Cli::new(dir.path()).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    created(&with_passphrase, "Ben");
    with_passphrase.ok(&["note", "add", "--title", "Kept", "--text", "safe"]);

    let wrong = Cli::new(dir.path()).env("SATCHEL_PASSPHRASE", "not the passphrase");
    let out = wrong.run(&["note", "list", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(error["error"]["code"], "wrong_key");

    let out = with_passphrase.run(&["note", "show", "0000ffff", "--json"]);
    let error: serde_json::Value = serde_json::from_str(stderr(&out).trim()).unwrap();
    assert_eq!(error["error"]["code"], "not_found");

    let out = with_passphrase.run(&["note", "add", "--title", &"x".repeat(500), "--text", "b"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("at most 200"), "{}", stderr(&out));

    for out in [
        cli.run(&["profile", "create", "Ben"]),
        wrong.run(&["note", "list"]),
    ] {
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    assert_eq!(
        with_passphrase
            .json(&["note", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn rotate_key_then_recover_with_the_new_code_only() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(dir.path()).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let old_code = created(&cli, "Cy");
    cli.ok(&[
        "note",
        "add",
        "--title",
        "Atoms",
        "--text",
        "Protons and neutrons",
    ]);
    let rotated = cli.json(&["profile", "rotate-key"]);
    let new_code = rotated["recovery_code"].as_str().unwrap().to_owned();
    assert_ne!(new_code, old_code);

    let recover = |code: &str| {
        Cli::new(dir.path())
            .env("SATCHEL_RECOVERY_CODE", code)
            .env("SATCHEL_NEW_PASSPHRASE", "a brand new passphrase")
            .run(&["profile", "recover", "--json"])
    };
    let out = recover(&old_code);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the old code no longer opens it"
    );
    let out = recover(&new_code.to_lowercase().replace('-', " "));
    assert!(out.status.success(), "{}", stderr(&out));

    let renewed = Cli::new(dir.path()).env("SATCHEL_PASSPHRASE", "a brand new passphrase");
    assert_eq!(renewed.json(&["note", "list"])[0]["title"], "Atoms");
}

/// The real keychain code path with no session bus to reach: creation asks for a
/// passphrase instead of failing or writing anything.
#[test]
fn with_no_keychain_answering_a_profile_is_protected_by_a_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(dir.path()).without_env("SATCHEL_KEYCHAIN").env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/satchel-test-bus",
    );
    let out = cli.run(&["profile", "create", "Dee"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("No keychain answers"),
        "{}",
        stderr(&out)
    );

    let cli = cli.env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let reply = cli.json(&["profile", "create", "Dee"]);
    assert_eq!(reply["profile"]["protection"], "passphrase");
    cli.ok(&["note", "add", "--text", "no keychain needed"]);
}

#[test]
fn a_profile_is_renamed_protected_another_way_and_removed_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(dir.path()).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    created(&cli, "Ada");
    created(&cli, "Bo");
    let ada = cli.clone().env("SATCHEL_PROFILE", "Ada");
    ada.json(&["note", "add", "--title", "Kept", "--text", "safe"]);

    let refused = ada.run(&["profile", "rename", "bo"]);
    assert!(!refused.status.success(), "two learners named Bo");
    assert_eq!(
        ada.json(&["profile", "rename", "Ada Lovelace"])["name"],
        "Ada Lovelace"
    );
    let ada = cli.clone().env("SATCHEL_PROFILE", "Ada Lovelace");
    assert_eq!(ada.json(&["note", "list"]).as_array().unwrap().len(), 1);

    // Another passphrase: the old one stops opening it, the new one does.
    let changed = ada
        .clone()
        .env("SATCHEL_NEW_PASSPHRASE", "a different passphrase")
        .json(&["profile", "protect", "--passphrase"]);
    assert_eq!(changed["protection"], "passphrase");
    assert!(!ada.run(&["note", "list"]).status.success());
    let ada = ada.env("SATCHEL_PASSPHRASE", "a different passphrase");
    assert_eq!(ada.json(&["note", "list"]).as_array().unwrap().len(), 1);
    // No keychain here: switching to it is refused and changes nothing.
    assert!(
        !ada.run(&["profile", "protect", "--keychain"])
            .status
            .success()
    );
    assert_eq!(ada.json(&["note", "list"]).as_array().unwrap().len(), 1);

    // Removed only when its name is typed; a last backup brings it back.
    let wrong = ada.run(&["profile", "remove", "Ada"]);
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).contains("Ada Lovelace"),
        "{}",
        stderr(&wrong)
    );
    let removed = ada.json(&["profile", "remove", "Ada Lovelace", "--keep-backup"]);
    let names: Vec<String> = cli
        .json(&["profile", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Bo"]);
    let backup = removed["backup"]["path"].as_str().unwrap().to_owned();
    let back = Cli::new(dir.path()).env("SATCHEL_PASSPHRASE", "a different passphrase");
    back.json(&["restore", &backup]);
    let ada = back.env("SATCHEL_PROFILE", "Ada Lovelace");
    assert_eq!(ada.json(&["note", "list"]).as_array().unwrap().len(), 1);
}
