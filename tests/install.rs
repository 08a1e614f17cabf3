//! The `.deb` as a family gets it: installed by apt into a clean Debian 12 root (which
//! `cargo xtask test` makes with `cargo xtask bundle`'s package, see
//! `xtask/src/debroot.rs`), then used there with the network cut and an empty home.
//! The installed `satchel` brings in a photo, a recording and a PDF with the models the
//! package carries, and search finds a passage of each; the same from the package's
//! files unpacked into a folder of their own, reached through a symbolic link, with the
//! installed models hidden; and the installed window opens on its first screen.
//!
//! Runs as root (chroot and mounts, each in a mount namespace of its own) inside the
//! tests' network namespace, where loopback is the only interface.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use satchel_e2e::LEARNING_QUERIES;
use satchel_e2e::webdriver::Session;

const PASSPHRASE: &str = "correct horse battery";

/// The prepared root, the package, and apt's archive cache the root was made with.
struct Root {
    dir: PathBuf,
    deb: PathBuf,
    archives: PathBuf,
}

impl Root {
    fn from_env() -> Self {
        let var = |key: &str| {
            std::env::var_os(key).map(PathBuf::from).unwrap_or_else(|| {
                panic!("{key} is not set: the install test runs through `cargo xtask test`, which builds the package and the root")
            })
        };
        let root = Self {
            dir: var("SATCHEL_INSTALL_ROOT"),
            deb: var("SATCHEL_DEB"),
            archives: var("SATCHEL_INSTALL_ARCHIVES"),
        };
        assert!(
            root.dir.join("usr/bin/satchel").is_file(),
            "the package is not installed in {}",
            root.dir.display()
        );
        root
    }

    /// `script` run by `sh` in the root, as a learner with an empty home would, with
    /// `mounts` (shell lines, `$r` the root) made first.
    fn sh(&self, mounts: &str, script: &str) -> Command {
        let mut command = Command::new("unshare");
        command
            .args([
                "--mount",
                "--propagation",
                "private",
                "--pid",
                "--fork",
                "--kill-child",
                "--",
            ])
            .args([
                "sh",
                "-c",
                &format!(
                    "set -e; r=$1; a=$2; s=$3; mount -t proc proc \"$r/proc\"; \
                     mount --rbind /dev \"$r/dev\"; mount --rbind /sys \"$r/sys\"; \
                     mount --bind \"$a\" \"$r/var/cache/apt/archives\"; {mounts}
                     exec chroot \"$r\" /usr/bin/env -i HOME=/home/learner \
                     PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
                     SATCHEL_KEYCHAIN=none SATCHEL_PASSPHRASE='{PASSPHRASE}' \
                     DEBIAN_FRONTEND=noninteractive sh -c \"$s\""
                ),
                "sh",
            ])
            .arg(&self.dir)
            .arg(&self.archives)
            .arg(script);
        command
    }

    fn run(&self, mounts: &str, script: &str) -> Output {
        let out = self
            .sh(mounts, script)
            .output()
            .expect("unshare and chroot run");
        assert!(
            out.status.success(),
            "{script} failed in the root ({}):\n{}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    fn json(&self, mounts: &str, script: &str) -> serde_json::Value {
        let out = self.run(mounts, script);
        let text = String::from_utf8_lossy(&out.stdout);
        serde_json::from_str(text.trim())
            .unwrap_or_else(|e| panic!("{script}: not JSON ({e}): {text}"))
    }
}

/// The machine this test sees has loopback alone: nothing it runs can reach a network.
fn assert_network_is_cut() {
    let out = Command::new("ip")
        .args(["-o", "link", "show"])
        .output()
        .expect("ip runs");
    let links = String::from_utf8_lossy(&out.stdout);
    let names: Vec<&str> = links.lines().filter_map(|l| l.split(": ").nth(1)).collect();
    assert_eq!(
        names,
        ["lo"],
        "the install test must run with the network cut: {links}"
    );
}

/// A photo of the board, a recorded lesson and a PDF chapter, made on the host (the
/// root has no ImageMagick, espeak-ng or Ghostscript) into `<root>/tmp/in`.
fn learning_material(root: &Path) {
    satchel_e2e::learning_material(&root.join("tmp/in"));
}

/// Brings the material in with `satchel` (a path inside the root) and a data folder of
/// its own, and finds a passage of each.
fn ingest_and_find(root: &Root, mounts: &str, satchel: &str, data: &str) {
    let cli = |args: &str| format!("{satchel} --data-dir {data} {args}");
    let created = root.json(mounts, &cli("profile create Ada --json"));
    assert_eq!(created["profile"]["name"], "Ada", "{created}");
    root.run(
        mounts,
        &cli("ingest /tmp/in/board.png /tmp/in/Lecture.wav /tmp/in/Rivers.pdf --language en"),
    );
    for (query, kind, passage) in LEARNING_QUERIES {
        let hits = root.json(mounts, &cli(&format!("search '{query}' --json")));
        let hit = hits
            .as_array()
            .and_then(|hits| hits.iter().find(|h| h["kind"] == kind))
            .unwrap_or_else(|| panic!("{satchel}: no {kind} hit for {query:?} in {hits:#}"));
        let text = hit["text"].as_str().unwrap_or_default().to_lowercase();
        assert!(text.contains(passage), "{satchel}: {query:?} found {hit:#}");
        println!("{satchel}: {query:?} → {kind}: {text:?}");
    }
}

#[test]
#[ignore = "needs root, the built .deb and a Debian root; `cargo xtask test` provides them"]
fn the_installed_package_works_offline_from_its_own_models() {
    let root = Root::from_env();
    assert_network_is_cut();
    learning_material(&root.dir);
    // Nothing but the package could have brought models: no cache, no variable.
    let home = root.dir.join("home/learner");
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();

    ingest_and_find(&root, "", "satchel", "/tmp/data-installed");

    // The root was installed without the package's recommendations: no Tesseract.
    // Every ability the package's models give is ready; Hindi and Arabic are not, and
    // the status names the library, which no model pack brings.
    let status = root.json(
        "",
        "satchel --data-dir /tmp/data-installed models status --json",
    );
    println!("{status:#}");
    for ability in status["abilities"].as_array().unwrap() {
        let ready = ability["ability"] != "read_other_scripts";
        assert_eq!(ability["ready"], ready, "{status:#}");
    }
    let other_scripts = status["abilities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["ability"] == "read_other_scripts")
        .unwrap_or_else(|| panic!("no read_other_scripts in {status:#}"));
    assert!(
        other_scripts["missing"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("libtesseract.so.5")),
        "{status:#}"
    );
    let told = root.run("", "satchel --data-dir /tmp/data-installed models status");
    let told = String::from_utf8_lossy(&told.stdout);
    assert!(told.contains("tesseract-ocr-hin"), "{told}");

    // The package's files, unpacked anywhere and started through a link, with the
    // installed copy's models out of sight.
    std::fs::copy(&root.deb, root.dir.join("tmp/satchel.deb")).unwrap();
    root.run(
        "",
        "rm -rf /opt/elsewhere && dpkg-deb -x /tmp/satchel.deb /opt/elsewhere && \
         ln -sf /opt/elsewhere/usr/bin/satchel /usr/local/bin/satchel-portable",
    );
    let hide_installed = "mount -t tmpfs none \"$r/usr/lib/Satchel\";";
    let hidden = root.run(hide_installed, "ls -A /usr/lib/Satchel | wc -l");
    assert_eq!(String::from_utf8_lossy(&hidden.stdout).trim(), "0");
    ingest_and_find(
        &root,
        hide_installed,
        "satchel-portable",
        "/tmp/data-unpacked",
    );

    // The installed copy hands its models on as the very pack they were released in,
    // and a copy with none of its own (the unpacked one, its models out of sight too)
    // takes it: a family passing Satchel's models on a USB stick.
    let Some(released) = released_model_pack(&root.deb) else {
        println!("no model pack beside the .deb (built without a signing key): nothing to hand on");
        return;
    };
    let exported = root.json(
        "",
        "satchel --data-dir /tmp/data-installed models export /tmp/models.pack --json",
    );
    println!("exported {exported}");
    assert_eq!(
        std::fs::read(root.dir.join("tmp/models.pack")).unwrap(),
        std::fs::read(&released).unwrap(),
        "the exported pack is not the released one"
    );
    let lite = format!(
        "{hide_installed} mount -t tmpfs none \"$r/opt/elsewhere/usr/lib/Satchel/models\";"
    );
    let cli = "satchel-portable --data-dir /tmp/data-lite";
    let status = || root.json(&lite, &format!("{cli} models status --json"));
    // Whether every ability a model pack brings is ready (`Some(true)`), none is
    // (`Some(false)`), or some.
    let all_ready = || {
        let status = status();
        let ready: Vec<bool> = status["abilities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["ability"] != "read_other_scripts")
            .map(|a| a["ready"] == true)
            .collect();
        println!("{status:#}");
        (ready.iter().all(|r| *r) || ready.iter().all(|r| !r)).then(|| ready[0])
    };
    assert_eq!(
        all_ready(),
        Some(false),
        "an ability was ready with no models"
    );
    root.json(
        &lite,
        &format!("{cli} models import /tmp/models.pack --json"),
    );
    assert_eq!(
        all_ready(),
        Some(true),
        "the imported pack left an ability missing"
    );
}

/// The signed model pack `cargo xtask bundle` wrote beside `deb`, if it had a key.
fn released_model_pack(deb: &Path) -> Option<PathBuf> {
    std::fs::read_dir(deb.parent()?)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("satchel-models-") && n.ends_with(".pack"))
        })
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
}

/// Xvfb and tauri-driver in the root, serving WebDriver on loopback.
struct Window {
    child: Child,
    url: String,
}

impl Drop for Window {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[test]
#[ignore = "needs root, the built .deb and a Debian root; `cargo xtask test` provides them"]
fn the_installed_window_opens_on_a_small_screen() {
    let root = Root::from_env();
    assert_network_is_cut();
    // The test's own tools, from the cache the root was made with: apt cannot reach
    // the network here.
    root.run(
        "",
        "apt-get install -y -q --no-download --no-install-recommends xvfb xauth webkit2gtk-driver",
    );
    let (port, native) = (free_port(), free_port());
    let script = format!(
        "Xvfb :42 -screen 0 1024x600x24 -nolisten tcp & \
         sleep 1; DISPLAY=:42 SATCHEL_DATA_DIR=/tmp/data-window \
         exec tauri-driver --port {port} --native-port {native}"
    );
    let child = root
        .sh("", &script)
        .stdout(Stdio::null())
        .spawn()
        .expect("the root's display and driver start");
    let window = Window {
        child,
        url: format!("http://127.0.0.1:{port}"),
    };
    let started = Instant::now();
    while ureq::get(&format!("{}/status", window.url)).call().is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "tauri-driver in the root did not answer"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let session = Session::start(&window.url, Path::new("/usr/bin/satchel-desktop"))
        .expect("the installed app starts");
    let first = session.wait_for("#profile-name", Duration::from_secs(60));
    if let Ok(png) = session.screenshot() {
        let dir = std::env::temp_dir().join("satchel-install-test");
        let _ = std::fs::create_dir_all(&dir);
        let _ = std::fs::write(dir.join("first-screen.png"), png);
    }
    first.expect("the first screen asks for a learner's name");
    // Its 1100×760 is cut down to a netbook's 1024×600 screen.
    let size = session
        .execute(
            "return [window.outerWidth, window.outerHeight, screen.width, screen.height]",
            serde_json::json!([]),
        )
        .expect("the window answers");
    println!("window and screen: {size}");
    let n = |i: usize| size[i].as_u64().unwrap_or(u64::MAX);
    assert!(
        n(0) <= 1024 && n(1) <= 600,
        "the window overflows the screen: {size}"
    );
    let _ = session.end();
}
