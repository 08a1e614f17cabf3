//! Tests and benchmarks talk only to this machine. Their phase runs in a network
//! namespace of its own whose one interface is loopback, with multicast switched on
//! there, so mDNS discovery is still exercised for real while nothing a test sends
//! (an advertisement, a connection to a wrong address) can reach the machine's real
//! network. Set-up, which needs the package registries, runs before, outside it.

use std::ffi::OsString;
use std::process::Command;

use anyhow::bail;

use crate::shell::{self, output};

/// Run inside the namespace before the command: loopback is down in a new namespace,
/// and without the MULTICAST flag it cannot join mDNS's groups.
const BRING_UP_LOOPBACK: &str = "ip link set lo up && ip link set lo multicast on && exec \"$@\"";

/// Marks a process tree that is inside the namespace, so a nested call does not try
/// to enter another one.
const INSIDE: &str = "SATCHEL_ISOLATED";

/// `inner`, to be run inside a fresh network namespace with only loopback. As root,
/// `unshare` makes it; otherwise `sudo` makes it and `setpriv` drops back to this user
/// (with this environment) before `inner` starts.
pub fn isolated(inner: &Command) -> anyhow::Result<Command> {
    let mut command = if std::env::var_os(INSIDE).is_some() {
        Command::new(inner.get_program())
    } else {
        let mut command = shell::as_root("unshare");
        command.args(["--net", "--", "sh", "-c", BRING_UP_LOOPBACK, "sh"]);
        if !shell::is_root() {
            let gid = output(Command::new("id").arg("-g"))?.trim().to_owned();
            // sudo resets the environment; `env` hands this one (with the inner
            // command's additions) back to the user's process.
            command
                .arg("setpriv")
                .arg(format!("--reuid={}", shell::user_id()?))
                .arg(format!("--regid={gid}"))
                .args(["--init-groups", "--", "env"]);
            for (key, value) in environment(inner) {
                let mut pair = key;
                pair.push("=");
                pair.push(value);
                command.arg(pair);
            }
        }
        command.env(INSIDE, "1").arg(inner.get_program());
        command
    };
    command.args(inner.get_args());
    for (key, value) in inner.get_envs() {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    Ok(command)
}

/// This process's environment with `inner`'s changes, and the namespace's mark.
fn environment(inner: &Command) -> Vec<(OsString, OsString)> {
    let mut env: Vec<(OsString, OsString)> = std::env::vars_os().collect();
    for (key, value) in inner.get_envs() {
        env.retain(|(k, _)| k != key);
        if let Some(value) = value {
            env.push((key.to_owned(), value.to_owned()));
        }
    }
    env.push((INSIDE.into(), "1".into()));
    env
}

/// Fails unless this process sees loopback alone, up and multicast-capable: the
/// check that the tests really are cut off from the machine's network. Asks `ip`,
/// which answers for this process's namespace (sysfs would show the machine's).
pub fn ensure_loopback_only() -> anyhow::Result<()> {
    let links = output(Command::new("ip").args(["-o", "link", "show"]))?;
    let mut names = Vec::new();
    let mut loopback_ready = false;
    for line in links.lines() {
        // "1: lo: <LOOPBACK,MULTICAST,UP,LOWER_UP> mtu 65536 ..."
        let mut fields = line.splitn(3, ": ");
        let (Some(_), Some(name), Some(rest)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let name = name.split('@').next().unwrap_or(name).to_owned();
        if name == "lo" {
            let flags = rest
                .split_once('<')
                .and_then(|(_, r)| r.split_once('>'))
                .map_or("", |(flags, _)| flags);
            let flags: Vec<&str> = flags.split(',').collect();
            loopback_ready = flags.contains(&"UP") && flags.contains(&"MULTICAST");
        }
        names.push(name);
    }
    if names != ["lo"] {
        bail!(
            "tests must run in a network namespace with loopback alone, but these interfaces are here: {}",
            names.join(", ")
        );
    }
    if !loopback_ready {
        bail!("loopback in the tests' namespace is not up with multicast: {links}");
    }
    Ok(())
}
