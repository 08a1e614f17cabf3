//! Nothing a learner writes reaches the disk in readable form: not the database, not
//! its write-ahead log, not any other file under the data directory.

use satchel_e2e::files_containing;
use satchel_test_kit::TempSatchel;

#[test]
fn no_file_under_the_data_directory_contains_a_notes_text() {
    let satchel = TempSatchel::new().unwrap();
    let profile = satchel.passphrase_profile("Eve").unwrap();
    let title = "Zanzibar-marker-title-7f3a";
    let body = "Quokka-marker-body-91c2 lives on Rottnest Island. ".repeat(50);
    for i in 0..200 {
        profile.add_note(&format!("{title} {i}"), &body).unwrap();
    }
    let edited = profile.add_note(title, "draft").unwrap();
    profile
        .save_note(&satchel_core::types::NoteDraft {
            id: Some(edited.id.clone()),
            title: title.into(),
            body: body.clone(),
        })
        .unwrap();

    // While the profile is open the newest pages sit in the WAL: check it too.
    let wal = profile.dir().join("satchel.db-wal");
    let wal_size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    println!("WAL holds {wal_size} bytes while open");
    assert!(wal_size > 0, "the test must see a non-empty WAL");
    for marker in ["Zanzibar-marker-title", "Quokka-marker-body", "Rottnest"] {
        let found = files_containing(satchel.dir(), marker.as_bytes());
        assert!(found.is_empty(), "{marker:?} readable in {found:?}");
    }

    drop(profile);
    for marker in ["Zanzibar-marker-title", "Quokka-marker-body"] {
        let found = files_containing(satchel.dir(), marker.as_bytes());
        assert!(
            found.is_empty(),
            "{marker:?} readable in {found:?} after closing"
        );
    }
}
