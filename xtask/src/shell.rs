//! Running commands with their failures reported in words.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

/// The checkout being worked on. `cargo run` sets CARGO_MANIFEST_DIR when it starts
/// xtask; the compile-time value is only a fallback, because a shared target dir can
/// hold an xtask built from another clone of the repository.
pub fn root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .map(Path::to_owned)
        .unwrap_or_default()
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}

pub fn exec(command: &mut Command) -> anyhow::Result<()> {
    let description = describe(command);
    eprintln!("$ {description}");
    let started = std::time::Instant::now();
    let status = command
        .current_dir(root())
        .status()
        .with_context(|| format!("could not start `{description}`"))?;
    // CI has a time limit: each step's time in the log says where a run spends it.
    let seconds = started.elapsed().as_secs();
    if seconds >= 10 {
        eprintln!("xtask: {seconds} s in `{description}`");
    }
    if !status.success() {
        bail!("`{description}` failed ({status})");
    }
    Ok(())
}

/// Output of a command that must succeed, as text.
pub fn output(command: &mut Command) -> anyhow::Result<String> {
    let description = describe(command);
    let out = command
        .current_dir(root())
        .output()
        .with_context(|| format!("could not start `{description}`"))?;
    if !out.status.success() {
        bail!(
            "`{description}` failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn cargo(args: &[&str]) -> anyhow::Result<()> {
    exec(Command::new(env!("CARGO")).args(args))
}

/// Whether `program` is an executable file on `PATH` (for tools with no `--version`).
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let candidate = dir.join(program);
            candidate.is_file()
                && std::fs::metadata(&candidate).is_ok_and(|m| {
                    use std::os::unix::fs::PermissionsExt;
                    m.permissions().mode() & 0o111 != 0
                })
        })
    })
}

/// This process's user id, as `id -u` says it.
pub fn user_id() -> anyhow::Result<String> {
    Ok(output(Command::new("id").arg("-u"))?.trim().to_owned())
}

pub fn is_root() -> bool {
    user_id().is_ok_and(|uid| uid == "0")
}

/// `program`, run as root: directly when this process is root, else through sudo.
pub fn as_root(program: &str) -> Command {
    if is_root() {
        Command::new(program)
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg(program);
        sudo
    }
}
