//! Satchel for Windows, cross-built here with Debian's mingw-w64
//! (`x86_64-pc-windows-gnu`), and run under Debian's Wine by the tests.
//!
//! `cargo xtask bundle windows` writes `dist/windows/Satchel/` (the executables, the
//! C++ runtime ONNX Runtime needs, and the models) and an NSIS installer of that tree,
//! `dist/windows/Satchel-<version>-x64-setup.exe`. The installer is per user (no
//! administrator: school and family laptops rarely give one), adds a Start menu entry
//! and an uninstaller, and never removes a learner's library.
//!
//! What the cross build needs beyond the Linux one:
//! - OpenSSL built from source for SQLCipher (`vendored-openssl`);
//! - whisper.cpp through mingw's `-posix` compilers (C++ threads), with one Windows SDK
//!   type Debian's mingw headers lack (`windows/mingw-compat.h`), and ggml's archives
//!   named `lib*.a` as rustc looks for them;
//! - the C runtime linked in (`+crt-static`); whisper.cpp's C++ runtime is GCC's
//!   `libstdc++-6.dll` (whisper-rs-sys links it as a DLL), carried with its two
//!   dependencies, as is WebView2's loader: `ship_libraries` follows every import;
//! - ONNX Runtime's `onnxruntime.dll` from the PyPI `win_amd64` wheel of the release
//!   Linux uses, and the four MSVC runtime DLLs it links against, all pinned in
//!   `models/manifest.json`.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::bundle::{PACKAGED_MODELS, workspace_version};
use crate::models;
use crate::setup;
use crate::shell::{exec, output, root, target_dir};

pub const TARGET: &str = "x86_64-pc-windows-gnu";
const MINGW: &str = "x86_64-w64-mingw32";
/// What only the Windows tree carries, by id in `models/manifest.json`: ONNX Runtime's
/// DLL (in `models/`, where the app looks for it) and the C++ runtime it loads (beside
/// the executables, where Windows looks first).
const RUNTIME: &str = "onnxruntime-windows";
/// Tesseract (which reads Hindi and Arabic lines) and what it loads, and its two
/// recognisers: every model of the manifest under these folders, laid out in the tree's
/// `models/` by the same sub-folder (`models/tesseract/`, `models/tessdata/`).
const TESSERACT_FOLDERS: &[&str] = &["windows/tesseract/", "windows/tessdata/"];
const CPP_RUNTIME: &[&str] = &[
    "windows-msvcp140",
    "windows-msvcp140-1",
    "windows-vcruntime140",
    "windows-vcruntime140-1",
];

/// The cross compilers, NSIS, Wine and the Rust target.
pub fn prepare() -> anyhow::Result<()> {
    setup::apt_install(&[
        "gcc-mingw-w64-x86-64",
        "g++-mingw-w64-x86-64",
        "nsis",
        "wine",
        "wine64",
    ])?;
    setup::rust_target(TARGET)
}

/// What Debian 12's Wine (8.0) lacks of Windows 10 and the tests' prefix needs:
/// `bcryptprimitives.dll` (`windows/bcryptprimitives.c`), built with mingw into a
/// folder whose DLLs the tests copy into their prefix's `system32`. Test-only: nothing
/// a learner installs carries it.
pub fn wine_system_dlls() -> anyhow::Result<PathBuf> {
    prepare()?;
    let dir = target_dir().join("wine-system32");
    std::fs::create_dir_all(&dir)?;
    let source = root().join("xtask/windows");
    exec(
        Command::new(format!("{MINGW}-gcc-posix"))
            .args(["-O2", "-shared", "-static-libgcc", "-o"])
            .arg(dir.join("bcryptprimitives.dll"))
            .arg(source.join("bcryptprimitives.c"))
            .arg(source.join("bcryptprimitives.def"))
            .arg("-lbcrypt"),
    )?;
    Ok(dir)
}

/// Release builds of `packages` for Windows; returns the folder they are in.
pub fn build(packages: &[&str]) -> anyhow::Result<PathBuf> {
    prepare()?;
    // Named by a path outside the checkout: CFLAGS are part of what the C builds
    // (OpenSSL, whisper.cpp) are cached by, and every clone has its own path.
    let compat = target_dir().join("mingw-compat.h");
    let header = std::fs::read(root().join("xtask/windows/mingw-compat.h"))?;
    if std::fs::read(&compat).ok().as_deref() != Some(&header[..]) {
        std::fs::create_dir_all(target_dir())?;
        std::fs::write(&compat, &header)?;
    }
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args(["build", "--release", "--target", TARGET]);
    for package in packages {
        cargo.args(["-p", package]);
    }
    cargo
        .args(["--features", "satchel-core/vendored-openssl"])
        .current_dir(root())
        .env(
            "CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER",
            format!("{MINGW}-gcc-posix"),
        )
        .env(
            "CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS",
            "-C target-feature=+crt-static",
        )
        .env("CC_x86_64_pc_windows_gnu", format!("{MINGW}-gcc-posix"))
        .env("CXX_x86_64_pc_windows_gnu", format!("{MINGW}-g++-posix"))
        .env("AR_x86_64_pc_windows_gnu", format!("{MINGW}-ar"))
        .env(
            "CFLAGS_x86_64_pc_windows_gnu",
            format!("-include {}", compat.display()),
        )
        // ggml names its archives without the `lib` prefix on Windows; rustc looks for
        // `libggml.a`. whisper-rs-sys hands CMAKE_* variables to CMake, and a
        // language's own prefix outranks the one ggml sets.
        .env("CMAKE_STATIC_LIBRARY_PREFIX_C", "lib")
        .env("CMAKE_STATIC_LIBRARY_PREFIX_CXX", "lib")
        // As for the Linux packages: no -march=native in what a school laptop runs.
        .env("GGML_NATIVE", "OFF");
    exec(&mut cargo)?;
    Ok(target_dir().join(TARGET).join("release"))
}

/// What `cargo xtask bundle windows` writes.
pub struct Bundle {
    /// The unpacked tree, `dist/windows/Satchel/`.
    pub tree: PathBuf,
    /// The NSIS installer of that tree.
    pub installer: PathBuf,
}

/// `cargo xtask bundle windows`.
pub fn bundle() -> anyhow::Result<()> {
    let Bundle { tree, installer } = build_bundle()?;
    for entry in std::fs::read_dir(&tree)? {
        let entry = entry?;
        let size = if entry.file_type()?.is_dir() {
            folder_size(&entry.path())?
        } else {
            entry.metadata()?.len()
        };
        println!("{size:>12} bytes  {}", entry.path().display());
    }
    println!(
        "{:>12} bytes  {}",
        std::fs::metadata(&installer)?.len(),
        installer.display()
    );
    Ok(())
}

/// Builds the executables, lays out the tree and writes the installer.
pub fn build_bundle() -> anyhow::Result<Bundle> {
    setup::build_ui()?;
    let built = build(&["satchel-cli", "satchel-desktop"])?;
    let dist = root().join("dist/windows");
    let tree = stage(&built, &dist)?;
    let installer = installer(&tree, &dist)?;
    Ok(Bundle { tree, installer })
}

/// Lays out `dist/windows/Satchel/` from the executables in `built`: the tree the installer
/// copies, and a portable copy that runs where it is unpacked.
fn stage(built: &Path, dist: &Path) -> anyhow::Result<PathBuf> {
    // What goes in `models/`: the package's models, ONNX Runtime's DLL, Tesseract.
    let mut ids: Vec<String> = PACKAGED_MODELS
        .iter()
        .filter(|id| **id != "onnxruntime")
        .map(|id| (*id).to_owned())
        .collect();
    ids.push(RUNTIME.to_owned());
    ids.extend(
        models::under(TESSERACT_FOLDERS)?
            .into_iter()
            .map(|(id, _)| id),
    );
    let mut wanted = ids.clone();
    wanted.extend(CPP_RUNTIME.iter().map(|id| (*id).to_owned()));
    models::run(&wanted)?;

    let tree = dist.join("Satchel");
    if tree.exists() {
        std::fs::remove_dir_all(&tree)?;
    }
    let models_dir = tree.join("models");
    std::fs::create_dir_all(&models_dir)?;
    for exe in ["satchel.exe", "satchel-desktop.exe"] {
        let to = tree.join(exe);
        copy(&built.join(exe), &to)?;
        // Symbols are most of a release binary; a learner's laptop needs none.
        exec(
            Command::new(format!("{MINGW}-strip"))
                .arg("--strip-unneeded")
                .arg(&to),
        )?;
    }
    for file in models::files(CPP_RUNTIME)? {
        let name = Path::new(&file)
            .file_name()
            .context("a runtime file name")?;
        copy(&models::models_dir().join(&file), &tree.join(name))?;
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    for file in models::files(&ids)? {
        // The cache keeps Windows-only files under `windows/`; the tree's `models/`
        // has them at the same place below it (`tesseract/`, `tessdata/`).
        let inside = file.strip_prefix("windows/").unwrap_or(&file);
        let to = models_dir.join(inside);
        if let Some(folder) = to.parent() {
            std::fs::create_dir_all(folder)?;
        }
        copy(&models::models_dir().join(&file), &to)?;
    }
    ship_libraries(&tree, built)?;
    Ok(tree)
}

/// What every Windows 10 has (and Wine provides): the DLLs the tree may import without
/// carrying them. The Universal CRT (`api-ms-win-crt-*`) is part of Windows from 10 on.
const SYSTEM_DLLS: &[&str] = &[
    "advapi32.dll",
    "bcrypt.dll",
    "bcryptprimitives.dll",
    "combase.dll",
    "comctl32.dll",
    "crypt32.dll",
    "dbghelp.dll",
    "dwmapi.dll",
    "dxgi.dll",
    "gdi32.dll",
    "imm32.dll",
    "iphlpapi.dll",
    "kernel32.dll",
    "mmdevapi.dll",
    "msvcrt.dll",
    "ntdll.dll",
    "ole32.dll",
    "oleaut32.dll",
    "secur32.dll",
    "setupapi.dll",
    "shell32.dll",
    "shlwapi.dll",
    "user32.dll",
    "userenv.dll",
    "uxtheme.dll",
    "version.dll",
    "winmm.dll",
    "wldap32.dll",
    "ws2_32.dll",
];

/// The DLLs each of `tree`'s executables and libraries import, that Windows does not
/// have and the tree does not carry (beside the executables, where Windows looks
/// first, or beside the importing library: Satchel loads Tesseract with its folder
/// searched), copied in beside the executables, and theirs in turn: whisper.cpp's C++
/// runtime from the mingw toolchain (GCC's runtime exception allows it), WebView2's
/// loader from the build. One that is found nowhere stops the bundle: a tree that fails
/// on a learner's laptop with "the program can't start because X.dll is missing" is
/// never written.
fn ship_libraries(tree: &Path, built: &Path) -> anyhow::Result<()> {
    let mut queue = vec![
        tree.join("satchel.exe"),
        tree.join("satchel-desktop.exe"),
        tree.join("models/onnxruntime.dll"),
    ];
    // binutils' objdump lists only the first few imports of some MSVC-built DLLs
    // (libarchive's four of eight): this catches what it can, and the Wine test, which
    // loads Tesseract, is what proves its folder whole.
    let tesseract = tree.join("models/tesseract");
    if tesseract.is_dir() {
        for entry in std::fs::read_dir(&tesseract)? {
            queue.push(entry?.path());
        }
    }
    let has = |folder: &Path, name: &str| -> anyhow::Result<bool> {
        Ok(std::fs::read_dir(folder)?
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().eq_ignore_ascii_case(name)))
    };
    while let Some(binary) = queue.pop() {
        let listing = output(
            Command::new(format!("{MINGW}-objdump"))
                .arg("-p")
                .arg(&binary),
        )?;
        for line in listing.lines() {
            let Some(name) = line.trim().strip_prefix("DLL Name: ") else {
                continue;
            };
            let name = name.trim();
            let lower = name.to_ascii_lowercase();
            if SYSTEM_DLLS.contains(&lower.as_str()) || lower.starts_with("api-ms-win-") {
                continue;
            }
            let beside = binary.parent().unwrap_or(tree);
            if has(tree, name)? || has(beside, name)? {
                continue;
            }
            let from = locate(name, built)?.with_context(|| {
                format!(
                    "{} needs {name}, which neither Windows nor this build has",
                    binary.display()
                )
            })?;
            let to = tree.join(name);
            copy(&from, &to)?;
            if !from.starts_with(built) {
                // GCC's runtime comes with its debugging symbols: most of its 24 MB.
                // (WebView2's loader, from the build, is Microsoft's signed file.)
                exec(
                    Command::new(format!("{MINGW}-strip"))
                        .arg("--strip-unneeded")
                        .arg(&to),
                )?;
            }
            queue.push(to);
        }
    }
    Ok(())
}

/// A DLL from the build (WebView2's loader is copied there) or the mingw toolchain.
fn locate(name: &str, built: &Path) -> anyhow::Result<Option<PathBuf>> {
    let in_build = built.join(name);
    if in_build.is_file() {
        return Ok(Some(in_build));
    }
    let printed =
        output(Command::new(format!("{MINGW}-g++-posix")).arg(format!("-print-file-name={name}")))?;
    // GCC prints the bare name back when it has no such file.
    let path = PathBuf::from(printed.trim());
    Ok(path.is_absolute().then_some(path).filter(|p| p.is_file()))
}

fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    Ok(())
}

fn folder_size(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        total += if entry.file_type()?.is_dir() {
            folder_size(&entry.path())?
        } else {
            entry.metadata()?.len()
        };
    }
    Ok(total)
}

/// The NSIS installer of `tree`, with makensis.
fn installer(tree: &Path, dist: &Path) -> anyhow::Result<PathBuf> {
    let version = workspace_version()?;
    let out = dist.join(format!("Satchel-{version}-x64-setup.exe"));
    let script = dist.join("satchel.nsi");
    let icon = root().join("assets/icons/icon.ico");
    let mut files = Vec::new();
    list_files(tree, Path::new(""), &mut files)?;
    std::fs::write(&script, nsis_script(&version, tree, &files, &icon, &out))?;
    exec(
        Command::new("makensis")
            .args(["-V2", "-INPUTCHARSET", "UTF8"])
            .arg(&script),
    )?;
    if !out.is_file() {
        bail!("makensis wrote no {}", out.display());
    }
    std::fs::remove_file(&script)?;
    Ok(out)
}

/// The installer's languages: NSIS's own translations of its pages, for the languages
/// Satchel's learners most often read besides English.
const LANGUAGES: &[&str] = &[
    "English",
    "French",
    "Spanish",
    "PortugueseBR",
    "Arabic",
    "Hindi",
    "Indonesian",
];

/// Every file under `dir`, as a Windows path relative to `tree`'s root.
fn list_files(dir: &Path, relative: &Path, files: &mut Vec<String>) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = relative.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            list_files(&entry.path(), &path, files)?;
        } else {
            files.push(path.display().to_string().replace('/', "\\"));
        }
    }
    Ok(())
}

/// The installer's script. The uninstaller deletes exactly the files this installer
/// put down, never a wildcard: a folder typed in by hand may hold a learner's own.
fn nsis_script(version: &str, tree: &Path, files: &[String], icon: &Path, out: &Path) -> String {
    let languages: String = LANGUAGES
        .iter()
        .map(|l| format!("!insertmacro MUI_LANGUAGE \"{l}\"\n"))
        .collect();
    let deletes: String = files
        .iter()
        .map(|f| format!("  Delete \"$INSTDIR\\{f}\"\n"))
        .collect();
    // The folders the files were in, the deepest first: RMDir removes only an empty one.
    let mut folders: Vec<&str> = files
        .iter()
        .flat_map(|f| f.match_indices('\\').map(|(at, _)| &f[..at]))
        .collect();
    folders.sort_by_key(|f| std::cmp::Reverse((f.matches('\\').count(), *f)));
    folders.dedup();
    let rmdirs: String = folders
        .iter()
        .map(|f| format!("  RMDir \"$INSTDIR\\{f}\"\n"))
        .collect();
    let uninstall_key = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\Satchel";
    format!(
        r#"; A 64-bit installer for a 64-bit program (and one Wine runs without its
; 32-bit half).
Target amd64-unicode
ManifestDPIAware true
!include "MUI2.nsh"
Name "Satchel"
OutFile "{out}"
; Per user: no administrator needed, and each Windows account has its own copy.
InstallDir "$LOCALAPPDATA\Programs\Satchel"
InstallDirRegKey HKCU "Software\Satchel" "InstallDir"
RequestExecutionLevel user
SetCompressor /SOLID lzma
VIProductVersion "{version}.0"
VIAddVersionKey /LANG=0 "ProductName" "Satchel"
VIAddVersionKey /LANG=0 "FileVersion" "{version}"
VIAddVersionKey /LANG=0 "ProductVersion" "{version}"
VIAddVersionKey /LANG=0 "FileDescription" "Satchel installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "© 2026 Satchel developers"
!define MUI_ICON "{icon}"
!define MUI_UNICON "{icon}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\satchel-desktop.exe"
!define MUI_LANGDLL_ALLLANGUAGES
; The language chosen is kept, so the uninstaller speaks it without asking again.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\Satchel"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Installer Language"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
{languages}
Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Satchel"
  SetOutPath "$INSTDIR"
  ; An upgrade writes the program and its models over the old ones; the learner's
  ; library lives in their profile (%LOCALAPPDATA%\Satchel\Satchel\data), which
  ; neither install nor uninstall touches.
  File /r "{tree}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\Satchel.lnk" "$INSTDIR\satchel-desktop.exe"
  WriteRegStr HKCU "Software\Satchel" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "{uninstall_key}" "DisplayName" "Satchel"
  WriteRegStr HKCU "{uninstall_key}" "DisplayVersion" "{version}"
  WriteRegStr HKCU "{uninstall_key}" "Publisher" "Satchel developers"
  WriteRegStr HKCU "{uninstall_key}" "DisplayIcon" "$INSTDIR\satchel-desktop.exe"
  WriteRegStr HKCU "{uninstall_key}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "{uninstall_key}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "{uninstall_key}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "{uninstall_key}" "NoModify" 1
  WriteRegDWORD HKCU "{uninstall_key}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\Satchel.lnk"
{deletes}  Delete "$INSTDIR\uninstall.exe"
{rmdirs}  RMDir "$INSTDIR"
  DeleteRegKey HKCU "{uninstall_key}"
  DeleteRegKey HKCU "Software\Satchel"
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd
"#,
        out = out.display(),
        tree = tree.display(),
        icon = icon.display(),
    )
}
