//! The models Satchel runs on this computer (Whisper, PP-OCR, the embedder and the ONNX
//! Runtime library they share): which files each ability needs, and where they are
//! looked for.
//!
//! An installed or unpacked copy of Satchel carries them beside its executables, at
//! `<bin>/../lib/Satchel/models` (`/usr/bin` → `/usr/lib/Satchel/models` for the
//! Debian and RPM packages, the same relative place in an unpacked tree or a Flatpak),
//! so a copy moved anywhere still finds them. Packs a learner imported live in the data
//! directory; a developer's come from the cache `cargo xtask models` fills.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use satchel_types::{Ability, AbilityStatus, ModelStatus};

/// The folder, under an installed tree's `lib/`, that holds what the package carries.
/// It is the product's name, as Tauri's bundler names it.
pub const INSTALL_DIR: &str = "Satchel";
/// Where models live inside a model folder's parent: `lib/Satchel/models`,
/// `<data dir>/models`, `~/.cache/satchel/models`.
pub const MODELS_DIR: &str = "models";

/// Whisper for English only, small and fast: not in the package (Whisper base writes
/// English down better, `cargo xtask bench models`), used for English when a developer's
/// cache or a model pack brings it.
pub const WHISPER_ENGLISH: &str = "ggml-tiny.en.bin";
/// Whisper base for every language, able to tell which one it hears, quantised to
/// Q8_0: 82 MB instead of 148, within a point of word error rate of the original.
pub const WHISPER_MULTILINGUAL: &str = "ggml-base-q8_0.bin";
/// The ONNX Runtime library the OCR and the embedder run on.
#[cfg(target_os = "linux")]
pub const ONNX_RUNTIME: &str = "libonnxruntime.so.1.32.0";
#[cfg(target_os = "windows")]
pub const ONNX_RUNTIME: &str = "onnxruntime.dll";
#[cfg(target_os = "macos")]
pub const ONNX_RUNTIME: &str = "libonnxruntime.1.32.0.dylib";
#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
pub const ONNX_RUNTIME: &str = "libonnxruntime.so.1.32.0";
/// PP-OCR: finds lines of text (v4), reads them in Latin scripts with their accents,
/// Chinese and Japanese (v6 small), and tells upside-down ones.
pub const OCR_DETECT: &str = "ch_PP-OCRv4_det_infer.onnx";
pub const OCR_RECOGNISE: &str = "PP-OCRv6_rec_small.onnx";
pub const OCR_DIRECTION: &str = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
/// multilingual-e5-small with 4-bit weights and its tokenizer: search by meaning, in
/// Satchel's seven languages and across them.
pub const EMBEDDER: &str = "multilingual-e5-small-q4.onnx";
pub const EMBEDDER_TOKENIZER: &str = "e5-tokenizer.json";

/// Where models are looked for, first folder holding a file wins:
/// 1. `SATCHEL_MODELS_DIR`, when set;
/// 2. what this copy of Satchel carries, found from its own executable:
///    `<exe dir>/../lib/Satchel/models`, then `<exe dir>/models` (a flat folder);
/// 3. packs imported into `data_dir` (`<data dir>/models`);
/// 4. the developer's cache (`~/.cache/satchel/models`).
pub fn model_dirs(data_dir: Option<&Path>) -> Vec<PathBuf> {
    let cache = directories::BaseDirs::new().map(|base| base.cache_dir().join("satchel"));
    search_path(
        std::env::var_os("SATCHEL_MODELS_DIR"),
        executable_dir().as_deref(),
        data_dir,
        cache.as_deref(),
    )
}

/// The folder of the running executable, symbolic links resolved, so that
/// `/usr/local/bin/satchel → /opt/satchel/usr/bin/satchel` finds `/opt/satchel/usr/lib`.
pub fn executable_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let exe = exe.canonicalize().unwrap_or(exe);
    exe.parent().map(Path::to_owned)
}

/// Where imported model packs go: `<data dir>/models`.
pub fn imported_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(MODELS_DIR)
}

fn search_path(
    env: Option<OsString>,
    exe_dir: Option<&Path>,
    data_dir: Option<&Path>,
    cache: Option<&Path>,
) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = env.filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(dir));
    }
    if let Some(exe_dir) = exe_dir {
        if let Some(prefix) = exe_dir.parent() {
            dirs.push(prefix.join("lib").join(INSTALL_DIR).join(MODELS_DIR));
        }
        dirs.push(exe_dir.join(MODELS_DIR));
    }
    if let Some(data_dir) = data_dir {
        dirs.push(imported_dir(data_dir));
    }
    if let Some(cache) = cache {
        dirs.push(cache.join(MODELS_DIR));
    }
    let mut seen = std::collections::HashSet::new();
    dirs.retain(|d| seen.insert(d.clone()));
    dirs
}

/// What each ability needs, and which of it `dirs` hold; `imported_pack` is the version
/// of the model pack imported, if any (`packs::installed_models`).
pub fn status(dirs: &[PathBuf], imported_pack: Option<String>) -> ModelStatus {
    let needs: [(Ability, &[&str]); 4] = [
        (Ability::TranscribeEnglish, &[]),
        (Ability::TranscribeOtherLanguages, &[WHISPER_MULTILINGUAL]),
        (
            Ability::ReadImages,
            &[ONNX_RUNTIME, OCR_DETECT, OCR_RECOGNISE, OCR_DIRECTION],
        ),
        (
            Ability::SearchByMeaning,
            &[ONNX_RUNTIME, EMBEDDER, EMBEDDER_TOKENIZER],
        ),
    ];
    let abilities = needs
        .into_iter()
        .map(|(ability, files)| {
            let missing: Vec<String> = if ability == Ability::TranscribeEnglish {
                // Either Whisper writes English down.
                let any = [WHISPER_ENGLISH, WHISPER_MULTILINGUAL]
                    .iter()
                    .any(|f| find(dirs, f).is_some());
                if any {
                    Vec::new()
                } else {
                    vec![WHISPER_ENGLISH.to_owned()]
                }
            } else {
                files
                    .iter()
                    .filter(|f| find(dirs, f).is_none())
                    .map(|f| (*f).to_owned())
                    .collect()
            };
            AbilityStatus {
                ability,
                ready: missing.is_empty(),
                missing,
            }
        })
        .collect();
    ModelStatus {
        abilities,
        folders: dirs.iter().map(|d| d.display().to_string()).collect(),
        imported_pack,
    }
}

/// The first of `dirs` that holds `file`.
pub fn find(dirs: &[PathBuf], file: &str) -> Option<PathBuf> {
    dirs.iter().map(|d| d.join(file)).find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_installed_tree_is_searched_before_imports_and_the_cache() {
        let dirs = search_path(
            None,
            Some(Path::new("/opt/here/usr/bin")),
            Some(Path::new("/home/a/.local/share/satchel")),
            Some(Path::new("/home/a/.cache/satchel")),
        );
        let want: Vec<PathBuf> = [
            "/opt/here/usr/lib/Satchel/models",
            "/opt/here/usr/bin/models",
            "/home/a/.local/share/satchel/models",
            "/home/a/.cache/satchel/models",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(dirs, want);
    }

    #[test]
    fn each_ability_names_what_it_lacks() {
        let dir = tempfile::tempdir().unwrap();
        let dirs = vec![dir.path().to_owned()];
        let lacking = status(&dirs, None);
        assert!(lacking.abilities.iter().all(|a| !a.ready));
        let search = |s: &ModelStatus| {
            s.abilities
                .iter()
                .find(|a| a.ability == Ability::SearchByMeaning)
                .cloned()
                .unwrap()
        };
        assert_eq!(
            search(&lacking).missing,
            [ONNX_RUNTIME, EMBEDDER, EMBEDDER_TOKENIZER]
        );
        for file in [
            ONNX_RUNTIME,
            EMBEDDER,
            EMBEDDER_TOKENIZER,
            WHISPER_MULTILINGUAL,
        ] {
            std::fs::write(dir.path().join(file), b"x").unwrap();
        }
        let now = status(&dirs, None);
        assert!(search(&now).ready);
        // The multilingual model writes English down too.
        let english = now
            .abilities
            .iter()
            .find(|a| a.ability == Ability::TranscribeEnglish);
        assert!(english.is_some_and(|a| a.ready));
        let images = now
            .abilities
            .iter()
            .find(|a| a.ability == Ability::ReadImages)
            .unwrap();
        assert_eq!(images.missing, [OCR_DETECT, OCR_RECOGNISE, OCR_DIRECTION]);
        assert!(!now.all_ready());
    }

    #[test]
    fn the_environment_comes_first_and_an_empty_one_is_ignored() {
        let dirs = search_path(Some("/m".into()), None, None, None);
        assert_eq!(dirs, vec![PathBuf::from("/m")]);
        assert!(search_path(Some("".into()), None, None, None).is_empty());
    }

    #[test]
    fn a_relocated_tree_finds_its_own_models() {
        let tree = tempfile::tempdir().unwrap();
        let bin = tree.path().join("usr/bin");
        let models = tree.path().join("usr/lib/Satchel/models");
        std::fs::create_dir_all(&bin).unwrap();
        std::fs::create_dir_all(&models).unwrap();
        std::fs::write(models.join(EMBEDDER), b"onnx").unwrap();
        let dirs = search_path(None, Some(&bin), None, None);
        assert_eq!(find(&dirs, EMBEDDER), Some(models.join(EMBEDDER)));
        assert_eq!(find(&dirs, WHISPER_ENGLISH), None);
    }
}
