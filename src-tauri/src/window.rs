//! The window on the learner's screen: one per library, the size and place they left
//! it at, never larger than the screen, and a failure at start-up shown to them rather
//! than only on a console they never see.

use std::path::Path;
use std::process::ExitCode;

use tauri::{Manager, Runtime, WebviewWindow};
use tauri_plugin_window_state::StateFlags;

/// The window's translations, for the words a learner may read before it exists.
const LOCALES: &[(&str, &str)] = &[
    ("en", include_str!("../../ui/locales/en.ftl")),
    ("es", include_str!("../../ui/locales/es.ftl")),
    ("fr", include_str!("../../ui/locales/fr.ftl")),
    ("pt", include_str!("../../ui/locales/pt.ftl")),
    ("sw", include_str!("../../ui/locales/sw.ftl")),
    ("hi", include_str!("../../ui/locales/hi.ftl")),
    ("ar", include_str!("../../ui/locales/ar.ftl")),
];

/// The first of the system's languages the window speaks (English if none).
fn system_language() -> (&'static str, &'static str) {
    sys_locale::get_locales()
        .find_map(|tag| {
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            LOCALES.iter().find(|(t, _)| *t == primary).copied()
        })
        .unwrap_or(LOCALES[0])
}

/// Message `id` in the system's language: the window's choice lives in its own
/// storage, which is not open yet.
fn t(id: &str) -> String {
    t_in(None, id, &[])
}

/// Message `id` with `args` in the language tagged `tag` (the window's, as it told the
/// shell), or the system's when the window speaks none of them or has not said.
pub fn t_in(
    tag: Option<&str>,
    id: &str,
    args: &[(&str, fluent_bundle::FluentValue<'_>)],
) -> String {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    let (tag, source) = tag
        .and_then(|tag| LOCALES.iter().find(|(t, _)| *t == tag).copied())
        .unwrap_or_else(system_language);
    let mut bundle = FluentBundle::new(vec![tag.parse().unwrap_or_default()]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    let mut values = FluentArgs::new();
    for (name, value) in args {
        values.set(*name, value.clone());
    }
    bundle
        .get_message(id)
        .and_then(|m| m.value())
        .map(|pattern| {
            bundle
                .format_pattern(pattern, Some(&values), &mut Vec::new())
                .into_owned()
        })
        .unwrap_or_else(|| id.to_owned())
}

/// Whether this process shows the library's window, or handed over to the one that
/// already does.
#[cfg(unix)]
pub enum Claim {
    /// This process is the library's window while it holds the lock; `listener` hears
    /// later starts knocking.
    Mine {
        lock: std::fs::File,
        listener: Option<std::os::unix::net::UnixListener>,
    },
    /// The window already open was asked to come to the front.
    HandedOver,
}

/// One window per library: the first start takes `<data dir>/window.lock` (released by
/// the system when the process ends, however it ends) and listens on
/// `window.sock`; a later start knocks there, and the open window comes to the front.
/// A window still closing has the lock but no longer answers: the later start waits for
/// it to let go rather than fail. Libraries are told apart by their folder, so two
/// learners' libraries (or two tests) may have windows at once.
#[cfg(unix)]
pub fn claim(data_dir: &Path) -> std::io::Result<Claim> {
    use std::os::unix::net::UnixListener;
    use std::time::{Duration, Instant};

    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data_dir.join("window.lock"))?;
    let socket = data_dir.join("window.sock");
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        match lock.try_lock() {
            Ok(()) => {
                let _ = std::fs::remove_file(&socket);
                // A folder whose path is too long for a socket still gets its window;
                // a later start then waits and says so.
                let listener = UnixListener::bind(&socket)
                    .inspect_err(|e| eprintln!("no hand-over socket at {}: {e}", socket.display()))
                    .ok();
                return Ok(Claim::Mine { lock, listener });
            }
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(error)) => return Err(error),
        }
        if knock(&socket) {
            return Ok(Claim::HandedOver);
        }
        if Instant::now() > deadline {
            return Err(std::io::Error::other(
                "Satchel is already open on this library, in a window that does not answer",
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Asks the window listening on `socket` to come to the front; whether it said it did.
#[cfg(unix)]
fn knock(socket: &Path) -> bool {
    use std::io::{BufRead, BufReader, Write};
    use std::time::Duration;

    let Ok(mut stream) = std::os::unix::net::UnixStream::connect(socket) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(2)));
    if stream.write_all(b"focus\n").is_err() {
        return false;
    }
    let mut reply = String::new();
    BufReader::new(stream).read_line(&mut reply).is_ok() && reply.trim() == "ok"
}

/// Brings the window to the front each time a later start knocks.
#[cfg(unix)]
pub fn answer_knocks<R: Runtime>(
    listener: std::os::unix::net::UnixListener,
    app: tauri::AppHandle<R>,
) {
    use std::io::{BufRead, BufReader, Write};

    let spawned = std::thread::Builder::new()
        .name("satchel-window".into())
        .spawn(move || {
            for mut stream in listener.incoming().flatten() {
                let mut line = String::new();
                let Ok(reader) = stream.try_clone() else {
                    continue;
                };
                if BufReader::new(reader).read_line(&mut line).is_err() || line.trim() != "focus" {
                    continue;
                }
                if let Some(window) = app.get_webview_window("main") {
                    let _ = window.unminimize();
                    let _ = window.show();
                    let _ = window.set_focus();
                }
                let _ = stream.write_all(b"ok\n");
            }
        });
    if let Err(error) = spawned {
        eprintln!("later starts cannot bring the window forward: {error}");
    }
}

/// Where there is no Unix socket, the single-instance plugin (keyed by the library's
/// folder, as on Unix) does the hand-over.
#[cfg(not(unix))]
pub fn single_instance<R: Runtime>(data_dir: &Path) -> tauri::plugin::TauriPlugin<R> {
    use sha2::{Digest, Sha256};
    let folder = data_dir
        .canonicalize()
        .unwrap_or_else(|_| data_dir.to_owned());
    let digest = Sha256::digest(folder.as_os_str().as_encoded_bytes());
    let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    // A D-Bus name element may not start with a digit.
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(format!("org.satchel.desktop.d{hex}"))
        .callback(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        })
        .build()
}

/// Size, place and maximised state, kept beside the library they belong to.
pub fn remembered<R: Runtime>(data_dir: &Path) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_window_state::Builder::new()
        .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
        .with_filename(data_dir.join("window-state.json").to_string_lossy())
        .build()
}

/// Shrinks and centres the window if a remembered size is larger than the screen it is
/// on now (a laptop that left its big monitor at school).
pub fn fit_on_screen<R: Runtime>(window: &WebviewWindow<R>) -> tauri::Result<()> {
    let Some(monitor) = window.current_monitor()? else {
        return Ok(());
    };
    let area = monitor.work_area().size;
    let size = window.outer_size()?;
    if size.width <= area.width && size.height <= area.height {
        return Ok(());
    }
    // The frame is outside the inner size: leave room for it.
    let inner = window.inner_size()?;
    let frame_w = size.width.saturating_sub(inner.width);
    let frame_h = size.height.saturating_sub(inner.height);
    window.set_size(tauri::PhysicalSize::new(
        inner.width.min(area.width.saturating_sub(frame_w)),
        inner.height.min(area.height.saturating_sub(frame_h)),
    ))?;
    window.center()
}

/// Tells the learner Satchel could not start, and why, in a dialog of its own (there
/// is no window yet), as well as on stderr.
pub fn startup_failed(detail: &str) -> ExitCode {
    eprintln!("Satchel cannot start: {detail}");
    let message = format!("{}\n\n{detail}", t("startup-failed-body"));
    show_error(&t("startup-failed-title"), &message);
    ExitCode::FAILURE
}

#[cfg(target_os = "linux")]
fn show_error(title: &str, message: &str) {
    use gtk::prelude::*;
    // GTK on this, the main, thread; without a display there is no one to show it to
    // (stderr has it).
    if gtk::init().is_err() {
        return;
    }
    let dialog = gtk::MessageDialog::new(
        None::<&gtk::Window>,
        gtk::DialogFlags::MODAL,
        gtk::MessageType::Error,
        gtk::ButtonsType::Close,
        message,
    );
    dialog.set_title(title);
    dialog.run();
    dialog.close();
}

#[cfg(not(target_os = "linux"))]
fn show_error(title: &str, message: &str) {
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title(title)
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}
