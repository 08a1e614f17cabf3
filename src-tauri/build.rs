//! The desktop shell's config is `tauri.conf.json` beside this file, where the Tauri CLI
//! (which bundles the installers) looks for it. Its commands are the ones
//! `satchel-types` declares: the window may call exactly these and nothing else, and
//! its capability must allow each by name, so a command renamed or added there fails
//! this build rather than a call at run time.

use std::collections::BTreeSet;

use satchel_types::command::NAMES;

/// The window's capability, which allows it its commands one by one.
const CAPABILITY: &str = "capabilities/main.json";

fn main() {
    // The UI is embedded by `generate_context!`; rebuilding when it changes keeps a
    // binary from carrying a stale window.
    println!("cargo:rerun-if-changed=../ui/dist");
    println!("cargo:rerun-if-changed={CAPABILITY}");
    if let Err(problem) = check_capability() {
        panic!("{CAPABILITY}: {problem}");
    }
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(NAMES));
    if let Err(error) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {error:#}");
    }
}

/// Whether the capability allows every declared command, and no command that is not.
fn check_capability() -> Result<(), String> {
    let text = std::fs::read_to_string(CAPABILITY).map_err(|e| e.to_string())?;
    let capability: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    // Permissions of Tauri's own (`core:…`) and of plugins carry a prefix; the app's
    // own commands are `allow-` and the command's name in kebab case.
    let allowed: BTreeSet<String> = capability["permissions"]
        .as_array()
        .ok_or("no list of permissions")?
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(str::to_owned)
        .collect();
    let declared: BTreeSet<String> = NAMES.iter().map(|n| n.replace('_', "-")).collect();
    let missing: Vec<_> = declared.difference(&allowed).collect();
    let unknown: Vec<_> = allowed.difference(&declared).collect();
    if missing.is_empty() && unknown.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "not allowed, though declared: {missing:?}; allowed, though not declared: {unknown:?}"
        ))
    }
}
