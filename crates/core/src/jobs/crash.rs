//! Telling a step that crashed the app from an app that was stopped under it.
//!
//! A try that was running when the app last stopped is found on the next start, and
//! the two cases look the same there: a laptop whose battery died or whose lid closed
//! (or a `kill -9`) and a step whose native code faulted both leave a `running` row.
//! Only the second is a crash loop worth giving the job up for. So each process claims
//! tries under a token of its own, and a handler for the signals a crash raises
//! (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT: a fault, a stack overflow, a failed
//! allocation, an abort) leaves an empty file named after the token before the crash
//! goes on as it would have. A stop from outside (SIGKILL, power) leaves none.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Markers older than this are tidied away: the tries they speak of were recovered
/// long ago by whichever profile held them.
const KEEP_MARKERS: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// This process's token, the first part of every claim it makes.
pub(crate) fn token() -> &'static str {
    static TOKEN: OnceLock<String> = OnceLock::new();
    TOKEN.get_or_init(|| uuid::Uuid::now_v7().simple().to_string())
}

/// The process that made `claim`, as far as the claim says.
pub(crate) fn token_of(claim: &str) -> &str {
    claim.split_once(':').map_or("", |(token, _)| token)
}

/// Where a data folder's crash markers are: beside its profiles, since one process's
/// crash speaks for every profile it was running tries of.
pub(crate) fn markers_dir(profile_dir: &Path) -> PathBuf {
    profile_dir
        .parent()
        .and_then(Path::parent)
        .unwrap_or(profile_dir)
        .join("crashes")
}

/// Whether the process with `token` crashed, by its marker in `dir`.
pub(crate) fn crashed(dir: &Path, token: &str) -> bool {
    !token.is_empty() && dir.join(token).is_file()
}

/// Writes the marker the crash handler writes, for `token`: what the handler does,
/// where a real crash cannot be made (tests).
#[cfg(test)]
pub(crate) fn mark(dir: &Path, token: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(token), b"")
}

/// Removes markers old enough that no unrecovered try can still name them.
pub(crate) fn tidy(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > KEEP_MARKERS);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Makes this process leave its marker in `dir` if it crashes. Once per process: the
/// first data folder a runner starts in is the one (the apps use one).
pub(crate) fn arm(dir: &Path) {
    static ARMED: OnceLock<()> = OnceLock::new();
    ARMED.get_or_init(|| {
        if std::fs::create_dir_all(dir).is_ok() {
            platform::arm(&dir.join(token()));
        }
    });
}

#[cfg(unix)]
mod platform {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::sync::OnceLock;

    const SIGNALS: [libc::c_int; 5] = [
        libc::SIGSEGV,
        libc::SIGBUS,
        libc::SIGILL,
        libc::SIGFPE,
        libc::SIGABRT,
    ];

    static MARKER: OnceLock<CString> = OnceLock::new();
    /// The actions that were there before (Rust's own stack-overflow report among
    /// them), put back so the crash goes on exactly as it would have.
    static PREVIOUS: OnceLock<[libc::sigaction; SIGNALS.len()]> = OnceLock::new();

    pub(super) fn arm(marker: &Path) {
        let Ok(path) = CString::new(marker.as_os_str().as_bytes()) else {
            return;
        };
        if MARKER.set(path).is_err() {
            return;
        }
        // SAFETY: sigaction is given valid, zero-initialised structures; the handler
        // below only calls async-signal-safe functions (open, close, sigaction).
        unsafe {
            let mut previous: [libc::sigaction; SIGNALS.len()] = std::mem::zeroed();
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_crash as *const () as libc::sighandler_t;
            // SA_ONSTACK: a stack overflow leaves no stack but the alternate one
            // Rust sets up for each thread.
            action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            for (signal, old) in SIGNALS.iter().zip(previous.iter_mut()) {
                libc::sigaction(*signal, std::ptr::null(), old);
            }
            if PREVIOUS.set(previous).is_err() {
                return;
            }
            for signal in SIGNALS {
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
    }

    extern "C" fn on_crash(
        signal: libc::c_int,
        info: *mut libc::siginfo_t,
        _context: *mut libc::c_void,
    ) {
        // SAFETY: only async-signal-safe calls, on data set before the handler was
        // installed and never changed after.
        unsafe {
            if let Some(path) = MARKER.get() {
                let fd = libc::open(
                    path.as_ptr(),
                    libc::O_CREAT | libc::O_WRONLY | libc::O_CLOEXEC,
                    0o600,
                );
                if fd >= 0 {
                    libc::close(fd);
                }
            }
            if let (Some(previous), Some(index)) =
                (PREVIOUS.get(), SIGNALS.iter().position(|s| *s == signal))
            {
                libc::sigaction(signal, &previous[index], std::ptr::null_mut());
            }
            // A signal sent (abort(), raise, kill) is sent again, now to the previous
            // action; a fault the kernel raised happens again by itself when the
            // faulting instruction runs again on return.
            if info.is_null() || (*info).si_code <= 0 {
                libc::raise(signal);
            }
        }
    }
}

#[cfg(not(unix))]
mod platform {
    /// Elsewhere no marker is left yet, and every stop counts as an interruption:
    /// the cap on interruptions without progress still ends a loop.
    pub(super) fn arm(_marker: &std::path::Path) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_names_the_process_that_made_it() {
        let claim = format!("{}:{}", token(), uuid::Uuid::now_v7());
        assert_eq!(token_of(&claim), token());
        assert_eq!(token_of("an-old-claim-without-a-token"), "");
    }

    #[test]
    fn a_marker_says_which_process_crashed() {
        let dir = tempfile::tempdir().unwrap();
        let markers = markers_dir(&dir.path().join("profiles/p1"));
        assert_eq!(markers, dir.path().join("crashes"));
        assert!(!crashed(&markers, "abc"));
        mark(&markers, "abc").unwrap();
        assert!(crashed(&markers, "abc"));
        assert!(!crashed(&markers, "def"));
        assert!(
            !crashed(&markers, ""),
            "a claim without a token is no crash"
        );
        tidy(&markers);
        assert!(crashed(&markers, "abc"), "a fresh marker stays");
    }

    /// Set in a child process of the test below: how it should end.
    const CHILD: &str = "SATCHEL_TEST_CRASH_CHILD";

    #[cfg(unix)]
    #[test]
    fn a_crash_leaves_a_marker_and_a_kill_does_not() {
        use std::os::unix::process::ExitStatusExt;
        use std::process::{Command, Stdio};

        if let (Ok(how), Some(dir)) = (
            std::env::var(CHILD),
            std::env::var_os("SATCHEL_TEST_CRASH_DIR"),
        ) {
            arm(Path::new(&dir));
            println!("token={}", token());
            match how.as_str() {
                "abort" => std::process::abort(),
                // SAFETY: it is not: a read from the unmapped first page, the fault a
                // native library's bug makes, is the point.
                "fault" => unsafe {
                    std::ptr::read_volatile(std::ptr::dangling::<u8>());
                },
                _ => std::thread::sleep(std::time::Duration::from_secs(60)),
            }
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        for how in ["abort", "fault", "kill"] {
            let mut child = Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "jobs::crash::tests::a_crash_leaves_a_marker_and_a_kill_does_not",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(CHILD, how)
                .env("SATCHEL_TEST_CRASH_DIR", dir.path())
                .stdout(Stdio::piped())
                .spawn()
                .unwrap();
            let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
            let token = loop {
                let mut line = String::new();
                assert!(
                    std::io::BufRead::read_line(&mut out, &mut line).unwrap() > 0,
                    "{how}: the child said no token"
                );
                // libtest's "test … ... " may come first on the line.
                if let Some((_, token)) = line.split_once("token=") {
                    break token.trim().to_owned();
                }
            };
            if how == "kill" {
                child.kill().unwrap();
            }
            let status = child.wait().unwrap();
            let expected = match how {
                "abort" => libc::SIGABRT,
                "fault" => libc::SIGSEGV,
                _ => libc::SIGKILL,
            };
            assert_eq!(status.signal(), Some(expected), "{how}: {status}");
            assert_eq!(
                crashed(dir.path(), &token),
                how != "kill",
                "{how}: a marker only for a crash"
            );
        }
    }
}
