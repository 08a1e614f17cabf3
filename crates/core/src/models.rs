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

/// Tesseract, which reads the Hindi and Arabic lines PP-OCR finds and cannot read: on
/// Linux the system's library (Debian's `libtesseract5`, Fedora's `tesseract`), on
/// Windows the one the installer carries in `models/tesseract/`.
#[cfg(not(target_os = "windows"))]
pub const TESSERACT_LIBRARY: &str = "libtesseract.so.5";
#[cfg(target_os = "windows")]
pub const TESSERACT_LIBRARY: &str = "tesseract/tesseract55.dll";
/// Tesseract's recognisers Satchel uses, by Tesseract's language code: Hindi's
/// (Devanagari) and Arabic's, each `<code>.traineddata`.
pub const TESSERACT_LANGUAGES: [&str; 2] = ["hin", "ara"];
/// Where a models folder keeps them (the Windows package's, a model pack's).
pub const TESSDATA: &str = "tessdata";
/// Where Linux distributions' packages put them: Debian's and Ubuntu's
/// `tesseract-ocr-*`, Fedora's `tesseract-langpack-*`, Arch's `tesseract-data-*`.
pub const SYSTEM_TESSDATA: &[&str] = &[
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract/tessdata",
    "/usr/share/tessdata",
];

/// The folders Tesseract's recognisers are looked for in, first holding one wins:
/// each models folder's `tessdata/`, then `system`'s.
fn tessdata_in(dirs: &[PathBuf], system: &[&str]) -> Vec<PathBuf> {
    dirs.iter()
        .map(|d| d.join(TESSDATA))
        .chain(system.iter().map(PathBuf::from))
        .collect()
}

/// [`tessdata_in`] with the system's folders, [`SYSTEM_TESSDATA`].
pub fn tessdata_dirs(dirs: &[PathBuf]) -> Vec<PathBuf> {
    tessdata_in(dirs, SYSTEM_TESSDATA)
}

/// Where Tesseract is loaded from: the system finds Linux's by its name; Windows's is
/// the one in a models folder.
pub fn tesseract_library(dirs: &[PathBuf]) -> PathBuf {
    if cfg!(target_os = "windows") {
        find(dirs, TESSERACT_LIBRARY).unwrap_or_else(|| PathBuf::from(TESSERACT_LIBRARY))
    } else {
        PathBuf::from(TESSERACT_LIBRARY)
    }
}

/// The folders a Linux distribution keeps libraries in, where its loader finds
/// libtesseract (Debian's multiarch folder, Fedora's `lib64`).
fn system_library_dirs() -> Vec<PathBuf> {
    [
        format!("/usr/lib/{}-linux-gnu", std::env::consts::ARCH),
        "/usr/lib64".into(),
        "/usr/lib".into(),
        "/usr/local/lib".into(),
    ]
    .into_iter()
    .map(PathBuf::from)
    .collect()
}

/// What reading Hindi and Arabic lacks beyond PP-OCR: the library (in `libraries`)
/// and the recognisers (in `dirs`' `tessdata/` or `system_data`).
fn tesseract_missing(dirs: &[PathBuf], libraries: &[PathBuf], system_data: &[&str]) -> Vec<String> {
    let mut missing = Vec::new();
    if find(libraries, TESSERACT_LIBRARY).is_none() {
        missing.push(TESSERACT_LIBRARY.to_owned());
    }
    let data = tessdata_in(dirs, system_data);
    for language in TESSERACT_LANGUAGES {
        let file = format!("{language}.traineddata");
        if find(&data, &file).is_none() {
            missing.push(file);
        }
    }
    missing
}

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
    const OCR: &[&str] = &[ONNX_RUNTIME, OCR_DETECT, OCR_RECOGNISE, OCR_DIRECTION];
    let needs: [(Ability, &[&str]); 5] = [
        (Ability::TranscribeEnglish, &[]),
        (Ability::TranscribeOtherLanguages, &[WHISPER_MULTILINGUAL]),
        (Ability::ReadImages, OCR),
        // PP-OCR finds the lines Tesseract reads.
        (Ability::ReadOtherScripts, OCR),
        (
            Ability::SearchByMeaning,
            &[ONNX_RUNTIME, EMBEDDER, EMBEDDER_TOKENIZER],
        ),
    ];
    let abilities = needs
        .into_iter()
        .map(|(ability, files)| {
            let mut missing: Vec<String> = if ability == Ability::TranscribeEnglish {
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
            if ability == Ability::ReadOtherScripts {
                // Windows's Tesseract travels with the models; Linux's is the system's.
                let libraries = if cfg!(target_os = "windows") {
                    dirs.to_vec()
                } else {
                    system_library_dirs()
                };
                missing.extend(tesseract_missing(dirs, &libraries, SYSTEM_TESSDATA));
            }
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
    fn hindi_and_arabic_need_tesseract_and_both_recognisers() {
        let models = tempfile::tempdir().unwrap();
        let system = tempfile::tempdir().unwrap();
        let libraries = tempfile::tempdir().unwrap();
        let dirs = vec![models.path().to_owned()];
        let libs = vec![libraries.path().to_owned()];
        let system_data = system.path().display().to_string();
        let missing = || tesseract_missing(&dirs, &libs, &[&system_data]);
        assert_eq!(
            missing(),
            [TESSERACT_LIBRARY, "hin.traineddata", "ara.traineddata"]
        );
        // The library, and Hindi's recogniser where the system keeps it.
        let library = libraries.path().join(TESSERACT_LIBRARY);
        std::fs::create_dir_all(library.parent().unwrap()).unwrap();
        std::fs::write(&library, b"elf").unwrap();
        std::fs::write(system.path().join("hin.traineddata"), b"lstm").unwrap();
        assert_eq!(missing(), ["ara.traineddata"]);
        // Arabic's in a models folder's tessdata (a Windows install, a pack).
        std::fs::create_dir_all(models.path().join(TESSDATA)).unwrap();
        std::fs::write(models.path().join("tessdata/ara.traineddata"), b"lstm").unwrap();
        assert!(missing().is_empty());
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
