//! Teacher mode: the class server (the same `satchel-server`, run inside the app on the
//! teacher's laptop, its data beside the teacher's library), advertised on the LAN by
//! mDNS while it runs; and the classroom's commands for teachers and students.

use std::net::{SocketAddr, UdpSocket};
use std::sync::{Arc, Mutex, PoisonError};

use satchel_core::packs;
use satchel_core::types::{ClassroomView, ErrorCode, ErrorView, PackOffer, command};
use satchel_core::{Audience, Profile};
use satchel_server::store::{Role, Store};
use tauri::State;

use crate::Shell;
use crate::commands::{Reply, off_ui_thread, open_profile, with_open};
use crate::ipc::{Args, ReplyTo};

/// The port a class server listens on when it can (students' apps remember it).
const CLASS_PORT: u16 = 7480;

/// A class server running in this app.
pub struct Hosting {
    profile_id: String,
    address: String,
    fingerprint: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _advertised: Option<satchel_server::mdns::Advertisement>,
}

impl Drop for Hosting {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

#[derive(Default)]
pub struct ClassHost(Mutex<Option<Hosting>>);

impl ClassHost {
    /// The address and fingerprint of the server this app runs for `profile`.
    fn address_for(&self, profile: &Profile) -> Option<(String, String)> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .filter(|h| h.profile_id == profile.id())
            .map(|h| (h.address.clone(), h.fingerprint.clone()))
    }

    /// Stops the server (when its teacher's library closes, or they ask).
    pub fn stop(&self) {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take();
    }
}

fn failed(message: impl std::fmt::Display) -> ErrorView {
    ErrorView::new(ErrorCode::Internal, message.to_string())
}

/// This machine's address on the LAN (the one a route out would use), for students to
/// type where discovery is blocked; loopback when there is no network at all.
fn lan_address() -> String {
    UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("10.255.255.255:9").map(|()| s))
        .and_then(|s| s.local_addr())
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|_| "127.0.0.1".into())
}

/// Starts the class server for the open library (or says where it already runs),
/// signs the teacher in to it, and advertises it on the LAN.
#[tauri::command(rename_all = "snake_case")]
pub async fn class_host_start(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::ClassHostStart>,
) -> ReplyTo<command::ClassHostStart> {
    let profile = open_profile(&shell)?;
    if shell.class_host.address_for(&profile).is_none() {
        start(&shell, &profile).await?;
    }
    classroom_of(&shell, profile).await
}

/// The class server's data, beside the teacher's library.
fn server_dir(profile: &Profile) -> std::path::PathBuf {
    profile.dir().join("class-server")
}

async fn start(shell: &Shell, profile: &Arc<Profile>) -> Reply<()> {
    shell.class_host.stop();
    let dir = server_dir(profile);
    std::fs::create_dir_all(&dir).map_err(failed)?;
    let teacher = profile.name().to_owned();
    let (key, former, device, public_key) = {
        let profile = Arc::clone(profile);
        tauri::async_runtime::spawn_blocking(move || {
            let classroom = profile.classroom();
            Ok::<_, satchel_core::Error>((
                classroom.server_key()?,
                classroom.former_server_key()?,
                classroom.device()?,
                classroom.device_public_key()?,
            ))
        })
        .await
        .map_err(failed)?
        .map_err(|e| e.view())?
    };
    // Students' progress on this laptop is encrypted like the rest of the library:
    // under the server's own key, kept in it.
    let path = dir.join("server.sqlite3");
    let store = match Store::open_sqlite_encrypted(&path, key).await {
        Ok(store) => store,
        // Made before the server had its own key: moved to it, once.
        Err(first) => match former {
            Some(former) if path.exists() => {
                Store::rekey_sqlite(&path, former, key)
                    .await
                    .map_err(|_| failed(&first))?;
                Store::open_sqlite_encrypted(&path, key)
                    .await
                    .map_err(failed)?
            }
            _ => return Err(failed(first)),
        },
    };
    if store
        .user_by_name(&teacher)
        .await
        .map_err(failed)?
        .is_none()
    {
        satchel_server::add_keyed_account(&store, &teacher, Role::Teacher)
            .await
            .map_err(failed)?;
    }
    // The teacher signs in to their own server with this device's key, like a student.
    satchel_server::add_device_key(&store, &teacher, &device, &public_key)
        .await
        .map_err(failed)?;
    // Made on the first start and kept in the encrypted store: the same fingerprint
    // for students' apps every lesson.
    let identity = satchel_server::identity(&store)
        .await
        .map_err(|e| failed(e.message))?;
    let fingerprint = identity.fingerprint();
    let config = satchel_server::Config {
        offers_dir: Some(packs::offers_dir(&dir)),
        offer_keys: packs::trusted_key_texts(),
        ..satchel_server::Config::default()
    }
    .known_by_certificate(&fingerprint);
    let state = satchel_server::AppState::new(store, config)
        .await
        .map_err(failed)?;
    // The usual port, or any free one when something else has it.
    let listener = match tokio::net::TcpListener::bind(("0.0.0.0", CLASS_PORT)).await {
        Ok(listener) => listener,
        Err(_) => tokio::net::TcpListener::bind(("0.0.0.0", 0))
            .await
            .map_err(failed)?,
    };
    let port = listener.local_addr().map_err(failed)?.port();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tauri::async_runtime::spawn(async move {
        let served = satchel_server::serve_tls(listener, &identity, state, async move {
            let _ = stopped.await;
        })
        .await;
        if let Err(error) = served {
            eprintln!("the class server stopped: {error}");
        }
    });
    let advertised = satchel_server::mdns::advertise(&format!("{teacher} — Satchel"), port).ok();
    *shell
        .class_host
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner) = Some(Hosting {
        profile_id: profile.id().to_owned(),
        address: format!("https://{}:{port}", lan_address()),
        fingerprint: fingerprint.clone(),
        stop: Some(stop),
        _advertised: advertised,
    });
    // The teacher's own library syncs with the server on this machine.
    let local: SocketAddr = ([127, 0, 0, 1], port).into();
    let profile = Arc::clone(profile);
    tauri::async_runtime::spawn_blocking(move || {
        profile
            .sync()
            .sign_in_with_device(&format!("https://{local}/#sha256={fingerprint}"), &teacher)
    })
    .await
    .map_err(failed)?
    .map_err(|e| e.view())?;
    Ok(())
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_host_stop(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::ClassHostStop>,
) -> ReplyTo<command::ClassHostStop> {
    shell.class_host.stop();
    let profile = open_profile(&shell)?;
    classroom_of(&shell, profile).await
}

async fn classroom_of(shell: &Shell, profile: Arc<Profile>) -> Reply<ClassroomView> {
    let hosting = shell.class_host.address_for(&profile);
    tauri::async_runtime::spawn_blocking(move || {
        let account = profile.sync().account().map_err(|e| e.view())?;
        let can_teach = account
            .as_ref()
            .is_some_and(|a| a.role == "teacher" || a.role == "admin");
        // Out of reach is normal: the classes show again when the server is.
        let classes = match account {
            Some(_) => profile.classroom().classes().unwrap_or_default(),
            None => Vec::new(),
        };
        let (hosting, hosting_fingerprint) = hosting.unzip();
        Ok(ClassroomView {
            hosting_words: hosting_fingerprint
                .as_deref()
                .map(satchel_core::fingerprint_words),
            hosting_fingerprint,
            hosting,
            can_teach,
            classes,
            lessons: profile
                .classroom()
                .lessons(crate::commands::now())
                .map_err(|e| e.view())?,
        })
    })
    .await
    .map_err(failed)?
}

/// The class page's view: the server this app runs, the classes, the lessons given.
#[tauri::command(rename_all = "snake_case")]
pub async fn classroom(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::Classroom>,
) -> ReplyTo<command::Classroom> {
    let profile = open_profile(&shell)?;
    classroom_of(&shell, profile).await
}

/// Class servers advertised on the LAN (listened for three seconds).
#[tauri::command(rename_all = "snake_case")]
pub async fn class_find(_: Args<command::ClassFind>) -> ReplyTo<command::ClassFind> {
    tauri::async_runtime::spawn_blocking(|| {
        satchel_core::discover(std::time::Duration::from_secs(3)).map_err(|e| e.view())
    })
    .await
    .map_err(failed)?
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_join(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassJoin {
        server,
        code,
        claim,
    }): Args<command::ClassJoin>,
) -> ReplyTo<command::ClassJoin> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            let name = p.name().to_owned();
            p.classroom().join(&server, &code, &name, claim.as_deref())
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_create(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassCreate { name }): Args<command::ClassCreate>,
) -> ReplyTo<command::ClassCreate> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.classroom().create(&name))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_roster(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassRoster { class_id }): Args<command::ClassRoster>,
) -> ReplyTo<command::ClassRoster> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.classroom().roster(&class_id))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_report(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassReport { class_id }): Args<command::ClassReport>,
) -> ReplyTo<command::ClassReport> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.classroom().report(&class_id))
    })
    .await
}

/// Assigns `material`'s lesson to the class, or to `students` when some are chosen.
#[tauri::command(rename_all = "snake_case")]
pub async fn class_assign(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassAssign {
        class_id,
        material,
        students,
    }): Args<command::ClassAssign>,
) -> ReplyTo<command::ClassAssign> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            let audience = if students.is_empty() {
                Audience::WholeClass
            } else {
                Audience::Students(students)
            };
            p.classroom().assign(&class_id, &material, audience)
        })
    })
    .await
}

/// Where to write a bundle, as the system's save dialog asks; `None` when cancelled.
async fn save_bundle_as(
    app: tauri::AppHandle,
    file_name: String,
) -> Reply<Option<std::path::PathBuf>> {
    crate::commands::ask_where_to_save(app, "Satchel bundles", "satchel", file_name).await
}

/// Writes a bundle where the learner chooses (a USB stick); `None` when they cancel.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_bundle(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    Args(command::ExportBundle { progress }): Args<command::ExportBundle>,
) -> ReplyTo<command::ExportBundle> {
    let name = if progress {
        "progress.satchel"
    } else {
        "satchel.satchel"
    };
    let Some(path) = save_bundle_as(app, name.into()).await? else {
        return Ok(None);
    };
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            if progress {
                p.export_progress(&path)
            } else {
                p.export_bundle(&path)
            }
        })
        .map(Some)
    })
    .await
}

/// Which bundle to take in, as the system's open dialog asks; `None` when cancelled.
async fn open_bundle(app: tauri::AppHandle) -> Reply<Option<std::path::PathBuf>> {
    let picked =
        crate::commands::pick(app, vec![("Satchel bundles", vec!["satchel"])], false).await?;
    Ok(picked.into_iter().next().map(std::path::PathBuf::from))
}

/// Which bundle the learner brings in; `None` when they cancel.
#[tauri::command(rename_all = "snake_case")]
pub async fn pick_bundle(
    app: tauri::AppHandle,
    _: Args<command::PickBundle>,
) -> ReplyTo<command::PickBundle> {
    Ok(open_bundle(app)
        .await?
        .map(|p| p.to_string_lossy().into_owned()))
}

/// Merges the bundle at `path` (with the code the learner typed, when it needs one).
#[tauri::command(rename_all = "snake_case")]
pub async fn import_bundle(
    shell: State<'_, Arc<Shell>>,
    Args(command::ImportBundle { path, code }): Args<command::ImportBundle>,
) -> ReplyTo<command::ImportBundle> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.import_bundle(std::path::Path::new(&path), code.as_deref())
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_add_student(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassAddStudent { class_id, name }): Args<command::ClassAddStudent>,
) -> ReplyTo<command::ClassAddStudent> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.classroom().add_student(&class_id, &name))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_remove_student(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassRemoveStudent {
        class_id,
        student_id,
    }): Args<command::ClassRemoveStudent>,
) -> ReplyTo<command::ClassRemoveStudent> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.classroom().remove_student(&class_id, &student_id)
        })
    })
    .await
}

/// Writes one student's lessons to a bundle where the teacher chooses (a USB stick);
/// `None` when they cancel.
#[tauri::command(rename_all = "snake_case")]
pub async fn class_export_student_bundle(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassExportStudentBundle { class_id, student }): Args<
        command::ClassExportStudentBundle,
    >,
) -> ReplyTo<command::ClassExportStudentBundle> {
    let file_name = format!("{} lessons.satchel", student.name);
    let Some(path) = save_bundle_as(app, file_name).await? else {
        return Ok(None);
    };
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.classroom().export_bundle(&class_id, &student.id, &path)
        })
        .map(Some)
    })
    .await
}

/// Takes in a bundle a student's laptop wrote; the student is the one it names.
/// `None` when the teacher cancels.
#[tauri::command(rename_all = "snake_case")]
pub async fn class_import_student_bundle(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassImportStudentBundle { class_id }): Args<command::ClassImportStudentBundle>,
) -> ReplyTo<command::ClassImportStudentBundle> {
    let Some(path) = open_bundle(app).await? else {
        return Ok(None);
    };
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            p.classroom().import_bundle(&class_id, None, &path)
        })
        .map(Some)
    })
    .await
}

/// What the class server on this laptop offers, as its students' apps see it.
fn offered_by(profile: &Profile) -> Vec<PackOffer> {
    packs::offered(
        &packs::offers_dir(&server_dir(profile)),
        &packs::trusted_keys(),
    )
    .into_iter()
    .map(satchel_server::offers::view)
    .collect()
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_offered(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::ClassOffered>,
) -> ReplyTo<command::ClassOffered> {
    off_ui_thread(&shell, move |shell| with_open(shell, |p| Ok(offered_by(p)))).await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_offer_models(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::ClassOfferModels>,
) -> ReplyTo<command::ClassOfferModels> {
    off_ui_thread(&shell, move |shell| {
        let dirs = satchel_core::models::model_dirs(Some(shell.satchel.data_dir()));
        with_open(shell, |p| {
            packs::offer_models(
                &dirs,
                &packs::offers_dir(&server_dir(p)),
                &packs::trusted_keys(),
            )?;
            Ok(offered_by(p))
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_offer_file(
    app: tauri::AppHandle,
    shell: State<'_, Arc<Shell>>,
    _: Args<command::ClassOfferFile>,
) -> ReplyTo<command::ClassOfferFile> {
    let picked = crate::commands::pick(app, vec![("Satchel packs", vec!["pack"])], false).await?;
    let Some(path) = picked.into_iter().next().map(std::path::PathBuf::from) else {
        return Ok(None);
    };
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            packs::offer_file(
                &path,
                &packs::offers_dir(&server_dir(p)),
                &packs::trusted_keys(),
            )?;
            Ok(Some(offered_by(p)))
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_withdraw_offer(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassWithdrawOffer { name }): Args<command::ClassWithdrawOffer>,
) -> ReplyTo<command::ClassWithdrawOffer> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| {
            packs::withdraw(&packs::offers_dir(&server_dir(p)), &name)?;
            Ok(offered_by(p))
        })
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_offers(
    shell: State<'_, Arc<Shell>>,
    _: Args<command::ClassOffers>,
) -> ReplyTo<command::ClassOffers> {
    off_ui_thread(&shell, move |shell| {
        let data = shell.satchel.data_dir().to_owned();
        with_open(shell, |p| p.classroom().offers(&data))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_take_offer(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassTakeOffer { name }): Args<command::ClassTakeOffer>,
) -> ReplyTo<command::ClassTakeOffer> {
    off_ui_thread(&shell, move |shell| {
        let data = shell.satchel.data_dir().to_owned();
        with_open(shell, |p| {
            p.classroom().take_offer(&data, &name, &mut |_, _| {})
        })
    })
    .await
}

/// The server at an address as seen before it is trusted (nothing is sent to it).
#[tauri::command(rename_all = "snake_case")]
pub async fn probe_server(
    Args(command::ProbeServer { server }): Args<command::ProbeServer>,
) -> ReplyTo<command::ProbeServer> {
    tauri::async_runtime::spawn_blocking(move || {
        satchel_core::probe_server(&server).map_err(|e| e.view())
    })
    .await
    .map_err(failed)?
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_renew_code(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassRenewCode { class_id }): Args<command::ClassRenewCode>,
) -> ReplyTo<command::ClassRenewCode> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.classroom().renew_code(&class_id))
    })
    .await
}

#[tauri::command(rename_all = "snake_case")]
pub async fn class_renew_claim(
    shell: State<'_, Arc<Shell>>,
    Args(command::ClassRenewClaim {
        class_id,
        student_id,
    }): Args<command::ClassRenewClaim>,
) -> ReplyTo<command::ClassRenewClaim> {
    off_ui_thread(&shell, move |shell| {
        with_open(shell, |p| p.classroom().renew_claim(&class_id, &student_id))
    })
    .await
}
