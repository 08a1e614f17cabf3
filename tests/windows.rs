//! Satchel for Windows under Wine, as a learner's laptop would have it: the installer
//! (`cargo xtask bundle windows`) run silently into a fresh Wine prefix, then its
//! `satchel.exe` with nothing but what the installer put down (its own models, ONNX
//! Runtime and C++ runtime, Tesseract; no `SATCHEL_MODELS_DIR`): a profile with a
//! passphrase, a photo of the board, a recorded lesson and a PDF chapter brought in,
//! each found by a search, Hindi and Arabic pages read, a card studied, and the library synced with the Linux `satchel-server` on
//! loopback, where a Linux device sees what the Windows one made. The uninstaller then
//! removes the program and leaves the library, which the Linux CLI opens.
//!
//! Every command and what it printed is written out: the transcript the release note
//! quotes. The window (`satchel-desktop.exe`) is built and installed but not run:
//! WebView2 does not run under Wine.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use satchel_e2e::{Cli, LEARNING_QUERIES, SYNC_PASSWORD, SyncServer, learning_material};
use satchel_test_kit::PASSPHRASE;
use satchel_test_kit::text::language_sentences;
use satchel_test_kit::tools::shaped_lines;
use satchel_test_kit::wer::{characters, edits};
use serde_json::Value;

/// A Wine prefix of its own, shut down when dropped.
struct Wine {
    prefix: tempfile::TempDir,
}

impl Wine {
    fn new() -> Wine {
        let wine = Wine {
            prefix: tempfile::tempdir().unwrap(),
        };
        // No Mono or Gecko: nothing here is .NET or HTML, and their installers would
        // ask to download.
        let boot = wine
            .command("wineboot")
            .arg("-i")
            .output()
            .expect("wine runs");
        assert!(boot.status.success(), "{}", text(&boot.stderr));
        // What this Wine lacks of Windows 10 (`cargo xtask test` builds it): without
        // bcryptprimitives.dll no Rust program starts under Wine 8.
        let system_dlls = std::env::var_os("SATCHEL_WINE_SYSTEM_DLLS")
            .expect("SATCHEL_WINE_SYSTEM_DLLS names Wine's missing DLLs (cargo xtask test)");
        let system32 = wine.prefix.path().join("drive_c/windows/system32");
        for dll in std::fs::read_dir(system_dlls).unwrap() {
            let dll = dll.unwrap().path();
            std::fs::copy(&dll, system32.join(dll.file_name().unwrap())).unwrap();
        }
        wine
    }

    /// Runs the installer silently; returns the folder it installed into.
    fn install(&self, installer: &Path) -> PathBuf {
        let out = self
            .command(&windows_path(installer))
            .arg("/S")
            .output()
            .expect("wine runs the installer");
        println!("> {} /S", installer.display());
        println!("  (exit {})", out.status.code().unwrap_or(-1));
        assert!(out.status.success(), "{}", text(&out.stderr));
        let users = self.prefix.path().join("drive_c/users");
        let installed = std::fs::read_dir(&users)
            .unwrap()
            .map(|user| user.unwrap().path().join("AppData/Local/Programs/Satchel"))
            .find(|dir| dir.join("satchel.exe").is_file())
            .unwrap_or_else(|| panic!("no Satchel under {}", users.display()));
        let mut listing: Vec<String> = std::fs::read_dir(&installed)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        listing.sort();
        println!(
            "  installed in {}: {}",
            installed.display(),
            listing.join(", ")
        );
        installed
    }

    fn command(&self, program: &str) -> Command {
        let mut command = Command::new("wine");
        command
            .arg(program)
            .env("WINEPREFIX", self.prefix.path())
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            // What a learner's Windows has: no developer's model cache.
            .env_remove("SATCHEL_MODELS_DIR")
            .env_remove("SATCHEL_DATA_DIR");
        command
    }
}

impl Drop for Wine {
    fn drop(&mut self) {
        let _ = Command::new("wineserver")
            .arg("-k")
            .env("WINEPREFIX", self.prefix.path())
            .status();
    }
}

/// A host path as the Windows program sees it: Wine's `Z:` drive is `/`.
fn windows_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `satchel.exe` under Wine, on its default data folder (the Windows user's
/// `%LOCALAPPDATA%`), each run added to the transcript.
struct WindowsCli<'a> {
    wine: &'a Wine,
    exe: PathBuf,
}

impl WindowsCli<'_> {
    fn run(&self, args: &[&str]) -> Output {
        let out = self
            .wine
            .command(&windows_path(&self.exe))
            .args(args)
            .env("SATCHEL_KEYCHAIN", "none")
            .env("SATCHEL_PASSPHRASE", PASSPHRASE)
            .env("SATCHEL_PASSWORD", SYNC_PASSWORD)
            .output()
            .expect("wine runs satchel.exe");
        println!("> satchel.exe {}", args.join(" "));
        for line in text(&out.stdout).lines() {
            println!("  {line}");
        }
        for line in text(&out.stderr).lines() {
            println!("  (stderr) {line}");
        }
        println!("  (exit {})", out.status.code().unwrap_or(-1));
        out
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut with_json = args.to_vec();
        with_json.push("--json");
        let out = self.run(&with_json);
        assert!(out.status.success(), "satchel.exe {args:?} failed");
        let stdout = text(&out.stdout);
        serde_json::from_str(stdout.trim())
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {stdout}"))
    }
}

#[test]
#[ignore = "needs the Windows build and Wine; `cargo xtask test` provides them"]
fn the_windows_cli_under_wine_studies_and_syncs_with_the_linux_server() {
    let installer = PathBuf::from(std::env::var_os("SATCHEL_WINDOWS_INSTALLER").expect(
        "SATCHEL_WINDOWS_INSTALLER names the Windows installer (cargo xtask bundle windows)",
    ));
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    learning_material(&input);

    let server_data = dir.path().join("server");
    SyncServer::add_learner(&server_data, "ada");
    let server = SyncServer::start(&server_data, 0);

    let wine = Wine::new();
    let installed = wine.install(&installer);
    for part in [
        "satchel-desktop.exe",
        "models/onnxruntime.dll",
        "models/tesseract/tesseract55.dll",
        "models/tessdata/hin.traineddata",
        "models/tessdata/ara.traineddata",
        "vcruntime140.dll",
    ] {
        assert!(
            installed.join(part).is_file(),
            "the installer left out {part}"
        );
    }
    let windows = WindowsCli {
        wine: &wine,
        exe: installed.join("satchel.exe"),
    };
    // Where Windows keeps a learner's library: the local (not roaming) application
    // data of the Windows user, the installed folder's neighbour.
    let library = installed
        .ancestors()
        .nth(2)
        .expect("…/AppData/Local/Programs/Satchel")
        .join("Satchel/Satchel/data");

    let created = windows.json(&["profile", "create", "Ada"]);
    assert_eq!(created["profile"]["name"], "Ada", "{created}");

    let photo = windows_path(&input.join("board.png"));
    let lesson = windows_path(&input.join("Lecture.wav"));
    let chapter = windows_path(&input.join("Rivers.pdf"));
    let out = windows.run(&[
        "ingest",
        &photo,
        &lesson,
        &chapter,
        "--language",
        "en",
        "--json",
    ]);
    assert!(out.status.success(), "ingest failed");
    let lines: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect();
    // The recording is espeak's voice through Whisper base: its key word, as the
    // install test asks of the Linux package, not every word.
    let expected: [(&str, &[&str]); 3] = [
        ("image", &["volcanoes", "lava"]),
        ("audio", &["heart"]),
        ("document", &["river", "sand"]),
    ];
    for (kind, words) in expected {
        let line = lines
            .iter()
            .find(|l| l["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {lines:#?}"));
        let text = line["text"].as_str().unwrap_or_default().to_lowercase();
        assert!(
            words.iter().all(|w| text.contains(w)),
            "{kind}: {text:?} lacks {words:?}"
        );
    }

    // Pages in Hindi and Arabic: PP-OCR finds the lines, and the Tesseract the installer
    // carries reads them, as Debian's does on Linux (the OCR tests' clean thresholds).
    for (code, family, right_to_left, threshold) in [
        ("hi", "Noto Sans Devanagari UI", false, 0.03),
        ("ar", "Noto Sans Arabic UI", true, 0.10),
    ] {
        let lines = &language_sentences(code)[..4];
        let page = input.join(format!("page-{code}.png"));
        shaped_lines(lines, family, right_to_left, &page).unwrap();
        let read = windows.json(&["ingest", &windows_path(&page)]);
        let said = characters(&lines.join(" "));
        let heard = characters(read["text"].as_str().unwrap_or_default());
        let rate = edits(&said, &heard) as f64 / said.len() as f64;
        println!(
            "{code} page under Wine: character error rate {:.2} % (threshold {:.0} %)",
            rate * 100.0,
            threshold * 100.0
        );
        assert!(rate <= threshold, "{code}: read {read:#}");
    }

    for (query, kind, passage) in LEARNING_QUERIES {
        let hits = windows.json(&["search", query]);
        let hit = hits
            .as_array()
            .and_then(|hits| hits.iter().find(|h| h["kind"] == kind))
            .unwrap_or_else(|| panic!("no {kind} hit for {query:?} in {hits:#}"));
        let found = hit["text"].as_str().unwrap_or_default().to_lowercase();
        assert!(found.contains(passage), "{query:?} found {hit:#}");
    }

    windows.json(&[
        "card",
        "add",
        "--front",
        "What do volcanoes erupt?",
        "--back",
        "Molten lava",
        "--deck",
        "Earth science",
    ]);
    let next = windows.json(&["review", "next"]);
    let card = next["card"]["id"]
        .as_str()
        .expect("a card is due")
        .to_owned();
    let answered = windows.json(&["review", "answer", &card, "good", "--time-ms", "4000"]);
    assert_eq!(answered["rating"], "good", "{answered}");

    let login = windows.json(&["login", "--server", &server.url, "--user", "ada"]);
    assert_eq!(login["name"], "ada", "{login}");
    let synced = windows.json(&["sync"]);
    // The photo, the recording, the PDF and the two pages went up with the library.
    assert_eq!(synced["media_sent"], 5, "{synced}");

    // A Linux device of the same learner sees the Windows card and its review.
    let linux = Cli::new(&dir.path().join("linux-data"))
        .env("SATCHEL_PASSPHRASE", PASSPHRASE)
        .env("SATCHEL_PASSWORD", SYNC_PASSWORD);
    linux.json(&["profile", "create", "Ada"]);
    linux.json(&["login", "--server", &server.url, "--user", "ada"]);
    linux.json(&["sync"]);
    let cards = linux.json(&["card", "list"]);
    let fronts: Vec<&str> = cards
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["front"].as_str())
        .collect();
    assert!(
        fronts.contains(&"What do volcanoes erupt?"),
        "the Linux device has {cards:#}"
    );
    let stats = linux.json(&["stats"]);
    println!("the Linux device after sync: {stats}");
    let reviews: u64 = stats["days"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["reviews"].as_u64())
        .sum();
    assert_eq!(reviews, 1, "the Windows review reached Linux: {stats}");

    // Uninstalled (`_?=` runs the uninstaller in place, so it finishes before it
    // returns): the program goes, the learner's library stays where Windows keeps it,
    // and it is the same library on Linux.
    assert!(library.is_dir(), "no library at {}", library.display());
    let uninstall = wine
        .command(&windows_path(&installed.join("uninstall.exe")))
        .arg("/S")
        .arg(format!("_?={}", windows_path(&installed)))
        .output()
        .expect("wine runs the uninstaller");
    println!("> uninstall.exe /S");
    println!("  (exit {})", uninstall.status.code().unwrap_or(-1));
    assert!(uninstall.status.success());
    for gone in ["satchel.exe", "satchel-desktop.exe", "models"] {
        assert!(!installed.join(gone).exists(), "{gone} is still there");
    }
    let same = Cli::new(&library).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    let hits = same.json(&["search", "where does a river take its sand"]);
    assert!(
        hits.as_array()
            .is_some_and(|hits| hits.iter().any(|h| h["kind"] == "document")),
        "the Windows library, opened on Linux after the uninstall: {hits:#}"
    );
}
