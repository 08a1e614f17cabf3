//! The desktop session tests need on a headless machine: a virtual display (Xvfb),
//! an unlocked Secret Service keychain (gnome-keyring on the session bus that
//! `dbus-run-session` provides) and a sound server whose microphone hears what the
//! tests play.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// A running Xvfb; stopped when dropped.
pub struct VirtualDisplay {
    child: Child,
    pub display: String,
}

impl VirtualDisplay {
    pub fn start() -> anyhow::Result<Self> {
        let number = (90..200)
            .find(|n| {
                !std::path::Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !std::path::Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .context("no free X display number")?;
        let display = format!(":{number}");
        let child = Command::new("Xvfb")
            .args([&display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting Xvfb")?;
        let socket = format!("/tmp/.X11-unix/X{number}");
        let started = Instant::now();
        while !std::path::Path::new(&socket).exists() {
            if started.elapsed() > Duration::from_secs(10) {
                bail!("Xvfb did not start on {display}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Self { child, display })
    }
}

impl Drop for VirtualDisplay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts gnome-keyring's Secret Service on the current session bus, unlocked with a
/// throwaway password. Needs `DBUS_SESSION_BUS_ADDRESS` (run under dbus-run-session).
pub fn unlock_keyring() -> anyhow::Result<()> {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        bail!("no D-Bus session bus: run under dbus-run-session");
    }
    // A keyring folder of its own: a login keyring left by an earlier run (with
    // another password) would stay locked and make the daemon prompt for a password.
    let home = std::env::temp_dir().join(format!("satchel-test-keyring-{}", std::process::id()));
    if home.exists() {
        std::fs::remove_dir_all(&home)?;
    }
    std::fs::create_dir_all(&home)?;
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--unlock", "--components=secrets"])
        .env("XDG_DATA_HOME", &home)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .context("starting gnome-keyring-daemon")?;
    if let Some(mut stdin) = daemon.stdin.take() {
        stdin.write_all(b"satchel-test-keyring")?;
    }
    let out = daemon.wait_with_output()?;
    if !out.status.success() {
        bail!("gnome-keyring-daemon failed ({})", out.status);
    }
    Ok(())
}

/// A PulseAudio server of the tests' own, with no sound card: its default sink is a
/// null sink, and its default source that sink's monitor, so whatever a test plays
/// into `SPEAKER` is what the app hears from "the microphone" — through the same
/// ALSA → PulseAudio path a learner's desktop uses. Stopped when dropped.
pub struct SoundServer {
    child: Child,
    pub server: String,
    dir: std::path::PathBuf,
}

/// The sink tests play into (`paplay --device=…`).
pub const SPEAKER: &str = "satchel_lecture";

impl SoundServer {
    pub fn start() -> anyhow::Result<Self> {
        let dir = std::env::temp_dir().join(format!("satchel-test-sound-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let socket = dir.join("native");
        let script = dir.join("default.pa");
        std::fs::write(
            &script,
            format!(
                "load-module module-native-protocol-unix auth-anonymous=1 socket={socket}\n\
                 load-module module-null-sink sink_name={SPEAKER} \
                 sink_properties=device.description=Lecture\n\
                 set-default-sink {SPEAKER}\n\
                 set-default-source {SPEAKER}.monitor\n",
                socket = socket.display()
            ),
        )?;
        let child = Command::new("pulseaudio")
            .args([
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
            ])
            .arg("-F")
            .arg(&script)
            .env("PULSE_RUNTIME_PATH", &dir)
            .env("HOME", &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .context("starting pulseaudio")?;
        let server = format!("unix:{}", socket.display());
        let mut sound = Self { child, server, dir };
        let started = Instant::now();
        loop {
            let ready = Command::new("pactl")
                .arg("info")
                .env("PULSE_SERVER", &sound.server)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                return Ok(sound);
            }
            if let Some(status) = sound.child.try_wait()? {
                bail!("pulseaudio exited at start ({status})");
            }
            if started.elapsed() > Duration::from_secs(10) {
                bail!("pulseaudio did not answer within 10 s");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for SoundServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A throwaway PostgreSQL cluster on loopback, for the sync server's tests and
/// benchmark; stopped and removed when dropped.
pub struct Postgres {
    dir: std::path::PathBuf,
    bin: std::path::PathBuf,
    as_postgres: bool,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`
    pub url: String,
    /// The authority (PEM) that signed the cluster's TLS certificate.
    pub ca: std::path::PathBuf,
}

impl Postgres {
    pub fn start() -> anyhow::Result<Self> {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .context("PostgreSQL is not installed (/usr/lib/postgresql)")?
            .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
            .filter(|bin| bin.join("initdb").exists())
            .max()
            .context("no initdb under /usr/lib/postgresql")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let dir = std::env::temp_dir().join(format!("satchel-test-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        // PostgreSQL refuses to run as root: as root, the cluster belongs to `postgres`.
        let as_postgres = crate::shell::is_root();
        if as_postgres {
            crate::shell::exec(Command::new("chown").args(["postgres:postgres"]).arg(&dir))?;
        }
        let pg = Self {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            ca: dir.join("ca.pem"),
            dir,
            bin,
            as_postgres,
        };
        pg.make_certificates()?;
        let data = pg.dir.join("data");
        pg.run(
            "initdb",
            &[
                "-D",
                &data.to_string_lossy(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ],
        )?;
        // TLS too, with a certificate from a throwaway authority: the server's tests
        // reach it both ways.
        let options = format!(
            "-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 \
             -c ssl=on -c ssl_cert_file={dir}/server.crt -c ssl_key_file={dir}/server.key",
            dir = pg.dir.display()
        );
        pg.run(
            "pg_ctl",
            &[
                "-D",
                &data.to_string_lossy(),
                "-o",
                &options,
                "-l",
                &pg.dir.join("log").to_string_lossy(),
                "-w",
                "start",
            ],
        )?;
        Ok(pg)
    }

    /// A throwaway authority, and a certificate it signs for 127.0.0.1, with OpenSSL.
    fn make_certificates(&self) -> anyhow::Result<()> {
        let at = |name: &str| self.dir.join(name).to_string_lossy().into_owned();
        let openssl = |args: &[&str]| -> anyhow::Result<()> {
            let out = Command::new("openssl")
                .args(args)
                .stdin(Stdio::null())
                .output()
                .context("running openssl (apt install openssl)")?;
            if !out.status.success() {
                bail!("openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
            }
            Ok(())
        };
        std::fs::write(
            self.dir.join("server.ext"),
            "subjectAltName=IP:127.0.0.1,DNS:localhost\n",
        )?;
        let curve = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
        ];
        openssl(
            &[
                &["req", "-x509"][..],
                &curve,
                &["-days", "2", "-subj", "/CN=Satchel test database CA"],
                &["-keyout", &at("ca.key"), "-out", &at("ca.pem")],
            ]
            .concat(),
        )?;
        openssl(
            &[
                &["req"][..],
                &curve,
                &["-subj", "/CN=127.0.0.1"],
                &["-keyout", &at("server.key"), "-out", &at("server.csr")],
            ]
            .concat(),
        )?;
        openssl(&[
            "x509",
            "-req",
            "-in",
            &at("server.csr"),
            "-CA",
            &at("ca.pem"),
            "-CAkey",
            &at("ca.key"),
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            &at("server.ext"),
            "-out",
            &at("server.crt"),
        ])?;
        // PostgreSQL takes a key only its own user reads.
        crate::shell::exec(Command::new("chmod").args(["600", &at("server.key")]))?;
        if self.as_postgres {
            crate::shell::exec(Command::new("chown").args([
                "postgres:postgres",
                &at("server.key"),
                &at("server.crt"),
            ]))?;
        }
        Ok(())
    }

    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn run(&self, program: &str, args: &[&str]) -> anyhow::Result<()> {
        let out = self
            .command(program)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .with_context(|| format!("starting {program}"))?;
        if !out.status.success() {
            bail!(
                "{program} failed: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(())
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self.run(
            "pg_ctl",
            &["-D", &data.to_string_lossy(), "-m", "immediate", "stop"],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
