//! The desktop shell's config lives at the repository root; its commands are declared
//! here one by one, so the window may call exactly these and nothing else.

fn main() {
    let commands = &[
        "welcome",
        "create_profile",
        "unlock_profile",
        "lock_profile",
        "library",
        "note",
        "save_note",
        "delete_note",
        "rotate_key",
        "acknowledge_recovery_code",
        "about",
        "pick_audio_files",
        "import_audio",
        "source",
        "delete_source",
        "cancel_transcription",
        "retry_transcription",
        "media_url",
        "paste_image",
        "open_document",
        "start_recording",
        "stop_recording",
        "recording",
        "first_paint",
        "search",
        "ask",
        "concepts",
        "request_pack",
        "pack",
        "packs_of",
        "set_card",
        "jobs",
        "retry_job",
        "cancel_job",
        "helper",
        "set_helper",
        "next_card",
        "answer_card",
        "undo_review",
        "add_cards",
        "decks",
        "study_cards",
        "card_action",
        "learning_stats",
        "study_now",
        "set_learning",
        "optimise_learning",
        "answer_quiz",
        "pick_anki_deck",
        "import_anki",
        "pick_card_media",
        "set_time_zone",
        "sync_status",
        "sync_sign_in",
        "sync_sign_out",
        "sync_now",
        "classroom",
        "class_host_start",
        "class_host_stop",
        "class_find",
        "class_join",
        "class_create",
        "class_roster",
        "class_report",
        "class_assign",
        "export_bundle",
        "import_bundle",
    ];
    // The UI is embedded by `generate_context!`; rebuilding when it changes keeps a
    // binary from carrying a stale window.
    println!("cargo:rerun-if-changed=../ui/dist");
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(commands));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}
