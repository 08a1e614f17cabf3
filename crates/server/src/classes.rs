//! Classes: a teacher makes one and gets a join code; students join with the code (an
//! account is made for them on first join); lessons the teacher assigns are carried
//! into each student's own documents; the teacher reads the class's progress from each
//! student's shared progress summary.
//!
//! Students only ever sync their own documents, so no student can read another's. A
//! teacher reads their students' summaries through the report alone, and only for
//! their own classes.

use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use satchel_sync::{DocId, Hosted};
use satchel_types::{ClassInfo, ClassReport, Classmate, LessonProgress, Struggle, StudentProgress};
use serde::{Deserialize, Serialize};
use sha2::Digest;

use crate::store::{Assignment, Class, DocWrite, Member, Role, Store, now_ms};
use crate::{ApiError, AppState, Caller, auth};

/// Letters and digits no one mistakes for one another when reading a code off a board.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LEN: usize = 6;
/// Document kinds a lesson may carry from its teacher to students.
const LESSON_KINDS: &[&str] = &["lessons", "sources", "cards", "notes"];
/// Concepts a report shows at most: those the most students share (a student's own
/// summary, written on their device, cannot crowd out the class's).
pub const REPORT_CONCEPTS: usize = 100;
/// Concepts counted from one student's summary at most, and the longest name taken.
const CONCEPTS_PER_STUDENT: usize = 200;
const CONCEPT_NAME_MAX: usize = 100;

/// A concept a student has studied and knows less well than this is a struggle.
const STRUGGLING_BELOW: f32 = 0.5;
const STRUGGLES_SHOWN: usize = 100;

fn lifetime_ms(lifetime: std::time::Duration) -> i64 {
    i64::try_from(lifetime.as_millis()).unwrap_or(i64::MAX / 2)
}

/// A join code as a person may type it: any case, with or without spaces or a dash.
pub fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn new_code() -> Result<String, ApiError> {
    let mut bytes = [0u8; CODE_LEN];
    getrandom::fill(&mut bytes).map_err(ApiError::internal)?;
    Ok(bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect())
}

fn info(class: &Class, caller: &Caller, students: usize) -> ClassInfo {
    let teaching = class.teacher == caller.id;
    ClassInfo {
        id: class.id.clone(),
        name: class.name.clone(),
        teacher: class.teacher_name.clone(),
        code: teaching.then(|| class.code.clone()),
        code_expires_at: teaching.then_some(class.code_expires_at),
        teaching,
        students: students as u32,
    }
}

fn forbidden(message: &str) -> ApiError {
    ApiError::new(StatusCode::FORBIDDEN, message)
}

/// The class `id`, when the caller teaches it (or is an admin).
async fn taught(store: &Store, caller: &Caller, id: &str) -> Result<Class, ApiError> {
    let class = store
        .class(id)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "there is no such class"))?;
    if class.teacher != caller.id && caller.role != Role::Admin {
        return Err(forbidden("this class is another teacher's"));
    }
    Ok(class)
}

#[derive(Deserialize)]
pub struct NewClass {
    name: String,
}

pub async fn create(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Json(form): Json<NewClass>,
) -> Result<(StatusCode, Json<ClassInfo>), ApiError> {
    if caller.role == Role::Learner {
        return Err(forbidden("only a teacher makes classes"));
    }
    let name = form.name.trim();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "a class's name is 1 to 80 characters",
        ));
    }
    // A clash of codes is rare (31^6); draw again when one happens.
    for _ in 0..8 {
        let class = Class {
            id: uuid::Uuid::now_v7().to_string(),
            name: name.to_owned(),
            teacher: caller.id.clone(),
            teacher_name: caller.name.clone(),
            code: new_code()?,
            created_at: now_ms(),
            code_expires_at: now_ms() + lifetime_ms(app.config.join_code_lifetime),
        };
        match app.store.add_class(&class).await {
            Ok(()) => return Ok((StatusCode::CREATED, Json(info(&class, &caller, 0)))),
            Err(crate::store::StoreError::NameTaken(_)) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(ApiError::internal("no free class code"))
}

/// The classes the caller teaches, then those they are in.
pub async fn list(
    State(app): State<Arc<AppState>>,
    caller: Caller,
) -> Result<Json<Vec<ClassInfo>>, ApiError> {
    let mut out = Vec::new();
    for class in app.store.classes_taught(&caller.id).await? {
        let students = app.store.members(&class.id).await?.len();
        out.push(info(&class, &caller, students));
    }
    for class in app.store.classes_joined(&caller.id).await? {
        // A student sees how big their class is, never who is in it.
        let students = app.store.members(&class.id).await?.len();
        out.push(info(&class, &caller, students));
    }
    Ok(Json(out))
}

#[derive(Deserialize)]
pub struct JoinForm {
    code: String,
    name: String,
    device: String,
    /// The device's key, answering a challenge of this server's: the account signs in
    /// with it from now on.
    #[serde(flatten)]
    answer: crate::Answer,
    /// The one-time code the teacher handed a student they added by name.
    #[serde(default)]
    claim: Option<String>,
}

#[derive(Serialize)]
pub struct Joined {
    #[serde(flatten)]
    tokens: auth::Tokens,
    class: ClassInfo,
}

/// A student joins with the class's code: an account is made on first join (the device
/// keeps its secret), and the same name and secret join again from a new start.
pub async fn join(
    State(app): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Json(form): Json<JoinForm>,
) -> Result<Json<Joined>, ApiError> {
    let code = normalize_code(&form.code);
    if form.device.is_empty() || form.device.len() > 128 {
        return Err(ApiError::bad_request("a device id is needed"));
    }
    // Every join is held to a rate per address (a whole class behind one school
    // address still joins within a minute or two); wrong codes, being guesses, to the
    // sign-in rate besides.
    app.limits.check_join(peer.ip())?;
    let Some(class) = app.store.class_by_code(&code).await? else {
        app.limits.check_account(&format!("{}/join", peer.ip()))?;
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "no class has that code",
        ));
    };
    if class.code_expires_at <= now_ms() {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "that join code has expired: ask your teacher for the new one",
        ));
    }
    let name = form.name.trim();
    crate::names::display(name).map_err(|e| ApiError::bad_request(e.to_string()))?;
    crate::check_line("a device id", &form.device, 128)?;
    app.check_answer(
        &form.answer,
        &satchel_sync::device::Purpose::Join { code: &form.code },
        name,
        &form.device,
    )?;
    let key_owner = app.store.device_key_owner(&form.answer.key).await?;
    let user = match app.store.user_by_name(name).await? {
        // This device joined under this name before (another class, or again).
        Some(user) if key_owner.as_deref() == Some(&user.id) && user.role == Role::Learner => user,
        Some(user) => {
            // An account the teacher added by name is claimed with the one-time code
            // they handed its student, never with the class's code alone.
            let claimed = match &form.claim {
                Some(claim)
                    if key_owner.is_none()
                        && user.role == Role::Learner
                        && app
                            .store
                            .members(&class.id)
                            .await?
                            .iter()
                            .any(|m| m.id == user.id) =>
                {
                    app.limits.check_account(&format!("claim/{}", user.id))?;
                    app.store
                        .claim(&user.id, &claim_hash(claim), crate::NO_PASSWORD, now_ms())
                        .await?
                }
                _ => false,
            };
            if !claimed {
                let why = if form.claim.is_some() {
                    "that claim code is not this name's, was used already or has expired: ask your teacher for a new one"
                } else {
                    "someone here already has that name: choose another (or, if your teacher added you, use the claim code they gave you)"
                };
                return Err(ApiError::new(StatusCode::CONFLICT, why));
            }
            user
        }
        None if key_owner.is_some() => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "this device joined under another name: join with that name",
            ));
        }
        None => crate::add_keyed_account(&app.store, name, Role::Learner).await?,
    };
    if !app
        .store
        .add_device_key(&user.id, &form.device, &form.answer.key)
        .await?
    {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "this account has too many devices: ask your teacher",
        ));
    }
    if app.store.add_member(&class.id, &user.id).await? {
        tracing::info!(class = %class.id, student = %user.id, "a student joined");
    }
    // Lessons for the whole class reach a student who joins late too.
    for assignment in app.store.assignments(&class.id).await? {
        if assignment.is_for(&user.id) {
            deliver(
                &app.store,
                &class,
                &assignment,
                std::slice::from_ref(&user.id),
            )
            .await?;
        }
    }
    let students = app.store.members(&class.id).await?.len();
    let caller = Caller {
        id: user.id.clone(),
        name: user.name.clone(),
        role: user.role,
        device: form.device.clone(),
    };
    Ok(Json(Joined {
        tokens: app.issue(&user, &form.device, None, None).await?,
        class: info(&class, &caller, students),
    }))
}

pub async fn roster(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<Vec<Classmate>>, ApiError> {
    let class = taught(&app.store, &caller, &id).await?;
    let mut roster = Vec::new();
    for member in app.store.members(&class.id).await? {
        let code = bundle_code(&app.store, &member.id).await?;
        roster.push(Classmate {
            bundle_code: Some(code),
            ..Classmate::from(member)
        });
    }
    Ok(Json(roster))
}

#[derive(Deserialize)]
pub struct NewStudent {
    name: String,
}

/// A teacher adds a student by name: for a classroom with no network, whose lessons go
/// by USB stick. The account is theirs to claim when they first join on a network (with
/// the class's code, under this name).
pub async fn add_student(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
    Json(form): Json<NewStudent>,
) -> Result<(StatusCode, Json<Classmate>), ApiError> {
    let class = taught(&app.store, &caller, &id).await?;
    let user = match app.store.user_by_name(form.name.trim()).await? {
        Some(user) if user.role == Role::Learner => user,
        Some(_) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "that name is a teacher's: choose another",
            ));
        }
        None => {
            let user = crate::add_keyed_account(&app.store, &form.name, Role::Learner).await?;
            app.store.mark_unclaimed(&user.id).await?;
            user
        }
    };
    let claim = new_claim(&app, &user.id).await?;
    app.store.add_member(&class.id, &user.id).await?;
    for assignment in app.store.assignments(&class.id).await? {
        if assignment.is_for(&user.id) {
            deliver(
                &app.store,
                &class,
                &assignment,
                std::slice::from_ref(&user.id),
            )
            .await?;
        }
    }
    let joined_at = app
        .store
        .members(&class.id)
        .await?
        .into_iter()
        .find(|m| m.id == user.id)
        .map_or(0, |m| m.joined_at);
    let (claim_code, claim_expires_at) = claim.unzip();
    let code = bundle_code(&app.store, &user.id).await?;
    Ok((
        StatusCode::CREATED,
        Json(Classmate {
            id: user.id,
            name: user.name,
            joined_at,
            claim_code,
            claim_expires_at,
            bundle_code: Some(code),
        }),
    ))
}

/// How a claim code is kept: its sha256 (it is random, so no salt is needed).
fn claim_hash(code: &str) -> String {
    auth::hex(&sha2::Sha256::digest(normalize_code(code).as_bytes()))
}

/// A new one-time claim code for the unclaimed account `user_id` (an earlier one stops
/// working); `None` when the account is claimed already.
async fn new_claim(app: &AppState, user_id: &str) -> Result<Option<(String, i64)>, ApiError> {
    // Eight characters of the code alphabet: about 40 bits, tried at the sign-in rate.
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(ApiError::internal)?;
    let code: String = bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect();
    let expires_at = now_ms() + lifetime_ms(app.config.claim_lifetime);
    Ok(app
        .store
        .set_claim(user_id, &claim_hash(&code), expires_at)
        .await?
        .then_some((code, expires_at)))
}

/// A teacher gives a class a new join code (the old one stops working), good for
/// another `join_code_lifetime`.
pub async fn renew_code(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<ClassInfo>, ApiError> {
    let class = taught(&app.store, &caller, &id).await?;
    for _ in 0..8 {
        let code = new_code()?;
        let expires_at = now_ms() + lifetime_ms(app.config.join_code_lifetime);
        match app.store.set_class_code(&class.id, &code, expires_at).await {
            Ok(()) => {
                let students = app.store.members(&class.id).await?.len();
                let renewed = Class {
                    code,
                    code_expires_at: expires_at,
                    ..class
                };
                return Ok(Json(info(&renewed, &caller, students)));
            }
            Err(crate::store::StoreError::NameTaken(_)) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(ApiError::internal("no free class code"))
}

/// A teacher makes a new claim code for a student they added by name who has not
/// joined yet (the earlier code stops working).
pub async fn renew_claim(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path((id, student)): Path<(String, String)>,
) -> Result<Json<Classmate>, ApiError> {
    let (_, member) = student_of(&app.store, &caller, &id, &student).await?;
    let Some((code, expires_at)) = new_claim(&app, &member.id).await? else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "this student has joined already: there is nothing to claim",
        ));
    };
    Ok(Json(Classmate {
        claim_code: Some(code),
        claim_expires_at: Some(expires_at),
        ..Classmate::from(member)
    }))
}

/// A teacher forgets a student's devices (a laptop lost or passed on): none of them
/// signs in again, and the account is the student's to claim again with a new claim
/// code.
pub async fn forget_devices(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path((id, student)): Path<(String, String)>,
) -> Result<Json<Classmate>, ApiError> {
    let (_, member) = student_of(&app.store, &caller, &id, &student).await?;
    let gone = app.store.forget_device_keys(&member.id).await?;
    tracing::info!(student = %member.id, gone, "a student's devices were forgotten");
    let claim = new_claim(&app, &member.id).await?;
    let (claim_code, claim_expires_at) = claim.unzip();
    Ok(Json(Classmate {
        claim_code,
        claim_expires_at,
        ..Classmate::from(member)
    }))
}

/// A teacher takes a student out of the class: they leave the roster and the report,
/// and later lessons do not reach them. The lessons they already have stay theirs
/// (nothing a learner was given is taken back), and they may join again with the code.
pub async fn remove_student(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path((id, student)): Path<(String, String)>,
) -> Result<Json<Classmate>, ApiError> {
    let (class, member) = student_of(&app.store, &caller, &id, &student).await?;
    app.store.remove_member(&class.id, &member.id).await?;
    Ok(Json(member.into()))
}

impl From<Member> for Classmate {
    fn from(m: Member) -> Classmate {
        Classmate {
            id: m.id,
            name: m.name,
            joined_at: m.joined_at,
            claim_code: None,
            claim_expires_at: None,
            bundle_code: None,
        }
    }
}

/// A student of a class the caller teaches.
async fn student_of(
    store: &Store,
    caller: &Caller,
    class_id: &str,
    student: &str,
) -> Result<(Class, Member), ApiError> {
    let class = taught(store, caller, class_id).await?;
    let member = store
        .members(&class.id)
        .await?
        .into_iter()
        .find(|m| m.id == student)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such student in this class"))?;
    Ok((class, member))
}

/// A student's bundle code, made when first asked for.
async fn bundle_code(store: &Store, student: &str) -> Result<String, ApiError> {
    let fresh = satchel_sync::sealed::new_code().map_err(ApiError::internal)?;
    store
        .bundle_code(student, &fresh)
        .await?
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no such student"))
}

/// A bundle for one student, to carry on a USB stick: only what their class gave them
/// (each lesson's documents and media) and their progress summary, sealed to their
/// devices and their bundle code, signed by this server.
pub async fn bundle_out(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path((class_id, student)): Path<(String, String)>,
) -> Result<axum::response::Response, ApiError> {
    use axum::response::IntoResponse;
    use satchel_sync::sealed::{Sealer, To};
    let (class, member) = student_of(&app.store, &caller, &class_id, &student).await?;
    let mut ids = std::collections::BTreeSet::new();
    for assignment in app.store.assignments(&class.id).await? {
        if assignment.is_for(&member.id) {
            ids.extend(assignment.docs);
        }
    }
    ids.insert(DocId::progress().as_str().to_owned());
    let docs = app
        .store
        .load_docs(&member.id, ids.into_iter().collect())
        .await?;
    let mut media = Vec::new();
    for (sha256, owner) in app.store.lesson_media_of(&member.id).await? {
        if app
            .store
            .media_state(&owner, &sha256)
            .await?
            .is_some_and(|s| s.complete)
        {
            let bytes: Vec<u8> = app
                .store
                .media_parts(&owner, &sha256)
                .await?
                .into_iter()
                .flat_map(|(_, b)| b)
                .collect();
            media.push((sha256, bytes));
        }
    }
    let mut to: Vec<To> = app
        .store
        .device_keys_of(&member.id)
        .await?
        .into_iter()
        .map(To::Key)
        .collect();
    to.push(To::Code(bundle_code(&app.store, &member.id).await?));
    let header = serde_json::json!({
        "made_at": now_ms(),
        "class": class.name,
        "teacher": class.teacher_name,
        "learner": member.name,
        "student_id": member.id,
        "server_key": app.bundle_key.public(),
    });
    let signer = satchel_sync::device::DeviceKey::from_seed(&app.bundle_key.seed());
    let bytes = tokio::task::spawn_blocking(move || {
        let sealer = Sealer::new(Vec::new(), &signer, &to).map_err(ApiError::internal)?;
        let mut out =
            satchel_sync::bundle::Writer::new(sealer, &header).map_err(ApiError::internal)?;
        for (id, stored) in &docs {
            let Ok(doc_id) = DocId::parse(id) else {
                continue;
            };
            let Ok(mut hosted) = Hosted::load(&stored.chunks) else {
                continue;
            };
            out.doc(&doc_id, &hosted.save())
                .map_err(ApiError::internal)?;
        }
        for (sha256, bytes) in &media {
            out.media(sha256, bytes).map_err(ApiError::internal)?;
        }
        out.finish()
            .and_then(Sealer::finish)
            .map_err(ApiError::internal)
    })
    .await
    .map_err(ApiError::internal)??;
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "application/vnd.satchel.bundle",
        )],
        bytes,
    )
        .into_response())
}

/// A student's progress, carried in on a USB stick for `student`: refused unless they
/// wrote it (signed by one of their devices, or sealed with their bundle code).
pub async fn bundle_in(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path((class_id, student)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (class, member) = student_of(&app.store, &caller, &class_id, &student).await?;
    take_bundle(&app, &class, vec![member], body).await
}

/// A student's progress, carried in on a USB stick: filed under whichever student of
/// the class wrote it.
pub async fn bundle_in_any(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path(class_id): Path<String>,
    body: axum::body::Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    let class = taught(&app.store, &caller, &class_id).await?;
    let members = app.store.members(&class.id).await?;
    take_bundle(&app, &class, members, body).await
}

/// Opens a sealed progress bundle, finds which of `members` wrote it, and merges their
/// progress summary (nothing else: a teacher reads reports) into their documents.
async fn take_bundle(
    app: &Arc<AppState>,
    class: &Class,
    members: Vec<Member>,
    body: axum::body::Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    use satchel_sync::sealed::{Keys, open};
    let refused = |e: satchel_sync::bundle::BundleError| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
    };
    let size = body.len() as u64;
    let key = satchel_sync::device::DeviceKey::from_seed(&app.bundle_key.seed());
    let (signer, docs) = {
        let body = body.clone();
        tokio::task::spawn_blocking(move || {
            let mut opened = open(
                std::io::Cursor::new(body),
                size,
                &Keys {
                    device: Some(&key),
                    codes: &[],
                },
            )?;
            let len = opened.plain.len();
            let checked = satchel_sync::bundle::read_checked(
                &mut opened.plain,
                len,
                satchel_sync::bundle::Limits {
                    bundle: BUNDLE_MAX as u64,
                    docs: BUNDLE_MAX as u64,
                },
            )?;
            Ok((opened.signer, checked.docs))
        })
        .await
        .map_err(ApiError::internal)?
        .map_err(refused)?
    };
    // Whose: the student one of whose devices signed it.
    let mut author = None;
    for member in &members {
        if app
            .store
            .device_keys_of(&member.id)
            .await?
            .contains(&signer)
        {
            author = Some(member.clone());
            break;
        }
    }
    // Or, from a laptop that never met this server, the one whose bundle code it is
    // sealed with. That files this bundle's progress and nothing more: the code opens
    // bundles, it never becomes a way to sign in.
    if author.is_none() {
        for member in &members {
            let Some(code) = app
                .store
                .bundle_code(&member.id, "")
                .await?
                .filter(|c| !c.is_empty())
            else {
                continue;
            };
            let envelope = body.clone();
            let opens = auth::with_hashing(move || {
                satchel_sync::sealed::code_opens(&envelope[..], &code).unwrap_or(false)
            })
            .await?;
            if opens {
                author = Some(member.clone());
                break;
            }
        }
    }
    let Some(member) = author else {
        let whose = match members.as_slice() {
            [one] => format!("{}'s", one.name),
            _ => format!("from a student of {}", class.name),
        };
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!(
                "this bundle is not {whose}: it was not written on their device or with their bundle code"
            ),
        ));
    };
    let progress = DocId::progress();
    let incoming = docs
        .into_iter()
        .filter(|(id, _)| *id == progress)
        .map(|(id, saved)| (id.as_str().to_owned(), vec![saved]))
        .collect();
    let merged = merge_into(&app.store, &member.id, incoming).await?;
    Ok(Json(serde_json::json!({
        "docs": merged,
        "media": 0,
        "student": Classmate::from(member),
    })))
}

/// A student's bundle carried in through the class server, at most.
pub const BUNDLE_MAX: usize = 256 << 20;

#[derive(Deserialize)]
pub struct AssignForm {
    /// The lesson's id: `class_lesson_id(class, material)`.
    id: String,
    /// What the lesson is made from (the teacher's source or note id).
    material: String,
    title: String,
    /// The teacher's documents the lesson is made of.
    docs: Vec<String>,
    /// The media (sha256) those documents name.
    #[serde(default)]
    media: Vec<String>,
    /// Chosen students; none for the whole class.
    #[serde(default)]
    students: Option<Vec<String>>,
}

#[derive(Serialize)]
pub struct Assigned {
    delivered: u32,
}

pub async fn assign(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path(class_id): Path<String>,
    Json(form): Json<AssignForm>,
) -> Result<(StatusCode, Json<Assigned>), ApiError> {
    let class = taught(&app.store, &caller, &class_id).await?;
    // Keyed by the class: no lesson of another class (or another teacher's) can be
    // named, changed or merged into under this one.
    if form.material.is_empty()
        || form.material.len() > 128
        || form.id != satchel_sync::docs::class_lesson_id(&class.id, &form.material)
    {
        return Err(ApiError::bad_request(
            "a lesson's id is its class's and its material's (class_lesson_id)",
        ));
    }
    let title = form.title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(ApiError::bad_request(
            "a lesson's title is 1 to 200 characters",
        ));
    }
    if form.docs.is_empty() || form.docs.len() > 64 || form.media.len() > 4096 {
        return Err(ApiError::bad_request("a lesson is 1 to 64 documents"));
    }
    for doc in &form.docs {
        let id = DocId::parse(doc).map_err(|e| ApiError::bad_request(e.to_string()))?;
        if !LESSON_KINDS.contains(&id.kind()) {
            return Err(ApiError::bad_request(format!(
                "a lesson carries material and cards, not {}",
                id.kind()
            )));
        }
    }
    if form.media.iter().any(|m| {
        m.len() != 64
            || !m
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    }) {
        return Err(ApiError::bad_request("media are named by their sha256"));
    }
    // Every document must be the teacher's, and already sent: a lesson of nothing
    // would arrive empty.
    let found = app
        .store
        .load_docs(&class.teacher, form.docs.clone())
        .await?;
    if let Some(missing) = form
        .docs
        .iter()
        .find(|d| found.get(*d).is_none_or(|s| s.chunks.is_empty()))
    {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            format!("{missing} has not been synced yet: sync, then assign again"),
        ));
    }
    let members: BTreeSet<String> = app
        .store
        .members(&class.id)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    if let Some(students) = &form.students
        && let Some(stranger) = students.iter().find(|s| !members.contains(*s))
    {
        return Err(ApiError::bad_request(format!(
            "{stranger} is not in this class"
        )));
    }
    let assignment = Assignment {
        id: form.id,
        class_id: class.id.clone(),
        title: title.to_owned(),
        docs: form.docs,
        media: form.media,
        students: form.students,
        assigned_at: now_ms(),
    };
    app.store.put_assignment(&assignment).await?;
    let targets: Vec<String> = members
        .into_iter()
        .filter(|m| assignment.is_for(m))
        .collect();
    let failed = deliver(&app.store, &class, &assignment, &targets).await?;
    Ok((
        StatusCode::CREATED,
        Json(Assigned {
            delivered: targets.len().saturating_sub(failed) as u32,
        }),
    ))
}

/// Carries a lesson's documents from its teacher into each student's own: merged, so a
/// student's copy keeps what they did with it and takes the teacher's later changes.
/// Carries a lesson into each of `students`' own documents; returns how many it could
/// not reach.
pub(crate) async fn deliver(
    store: &Store,
    class: &Class,
    assignment: &Assignment,
    students: &[String],
) -> Result<usize, ApiError> {
    let teacher_docs = store
        .load_docs(&class.teacher, assignment.docs.clone())
        .await?;
    let mut failed = 0;
    for student in students {
        let incoming = teacher_docs
            .iter()
            .map(|(id, stored)| (id.clone(), stored.chunks.clone()))
            .collect();
        // One student's copy that will not merge (damaged, or forged on their device)
        // stops the lesson for them alone: the rest of the class still gets it.
        let delivered = match merge_into(store, student, incoming).await {
            Ok(_) => store
                .add_lesson_media(student, &class.teacher, assignment.media.clone())
                .await
                .map_err(ApiError::from),
            Err(error) => Err(error),
        };
        if let Err(error) = delivered {
            failed += 1;
            tracing::warn!(%student, lesson = %assignment.id, error = %error.message, "a lesson did not reach a student");
            metrics::counter!("satchel_lesson_delivery_failed_total").increment(1);
        }
    }
    Ok(failed)
}

/// Merges documents from elsewhere (a teacher's, each as its chunks; or a bundle's,
/// each saved whole) into `owner`'s, as a sync would have brought their changes, and
/// keeps what changed. Returns how many of `owner`'s documents changed.
async fn merge_into(
    store: &Store,
    owner: &str,
    incoming: Vec<(String, Vec<Vec<u8>>)>,
) -> Result<usize, ApiError> {
    let ids: Vec<String> = incoming.iter().map(|(id, _)| id.clone()).collect();
    let theirs = store.load_docs(owner, ids).await?;
    let writes = tokio::task::spawn_blocking(move || {
        let mut writes = Vec::new();
        for (id, chunks) in &incoming {
            let mut from = Hosted::load(chunks)
                .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
            let kept = theirs.get(id).map(|s| s.chunks.as_slice()).unwrap_or(&[]);
            let mut to = Hosted::load(kept).map_err(ApiError::internal)?;
            // What comes in does not fit what is kept (a change forged under an actor
            // that already wrote another with its number): refused, nothing kept.
            to.merge(&mut from).map_err(|e| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("{id} does not merge: {e}"),
                )
            })?;
            if let Some(chunk) = to.new_changes() {
                writes.push(DocWrite {
                    doc_id: id.clone(),
                    chunk,
                    replaces_upto: None,
                });
            }
        }
        Ok::<_, ApiError>(writes)
    })
    .await
    .map_err(ApiError::internal)??;
    let changed = writes.len();
    store.commit(owner, "", writes, Vec::new()).await?;
    Ok(changed)
}

/// After a teacher's sync changed some of their documents: lessons made of them are
/// carried to their students again, so an edited card reaches the class.
pub(crate) async fn redeliver(
    store: &Store,
    teacher: &str,
    changed: &BTreeSet<String>,
) -> Result<(), ApiError> {
    for class in store.classes_taught(teacher).await? {
        let assignments = store.assignments(&class.id).await?;
        if !assignments
            .iter()
            .any(|a| a.docs.iter().any(|d| changed.contains(d)))
        {
            continue;
        }
        let members = store.members(&class.id).await?;
        for assignment in assignments
            .iter()
            .filter(|a| a.docs.iter().any(|d| changed.contains(d)))
        {
            let targets: Vec<String> = members
                .iter()
                .filter(|m| assignment.is_for(&m.id))
                .map(|m| m.id.clone())
                .collect();
            deliver(store, &class, assignment, &targets).await?;
        }
    }
    Ok(())
}

/// A student's progress summary as their devices share it (see the app's
/// `share_progress`); what the report reads of it.
#[derive(Debug, Default, Deserialize)]
pub struct Summary {
    #[serde(default)]
    pub as_of: Option<i64>,
    #[serde(default)]
    pub reviews: u32,
    #[serde(default)]
    pub time_ms: i64,
    #[serde(default)]
    pub lessons: Vec<LessonSummary>,
}

#[derive(Debug, Default, Deserialize)]
pub struct LessonSummary {
    pub id: String,
    #[serde(default)]
    pub cards: u32,
    #[serde(default)]
    pub studied: u32,
    #[serde(default)]
    pub done: bool,
    #[serde(default)]
    pub concepts: Vec<ConceptSummary>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ConceptSummary {
    pub concept: String,
    #[serde(default)]
    pub mastery: f32,
    #[serde(default)]
    pub cards: u32,
    #[serde(default)]
    pub studied: u32,
}

pub async fn report(
    State(app): State<Arc<AppState>>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Json<ClassReport>, ApiError> {
    let class = taught(&app.store, &caller, &id).await?;
    let members = app.store.members(&class.id).await?;
    let assignments = app.store.assignments(&class.id).await?;
    let progress = DocId::progress().as_str().to_owned();
    let mut summaries = Vec::with_capacity(members.len());
    for member in &members {
        let stored = app
            .store
            .load_docs(&member.id, vec![progress.clone()])
            .await?
            .remove(&progress)
            .unwrap_or_default();
        summaries.push(stored.chunks);
    }
    let caller_info = info(&class, &caller, members.len());
    let report = tokio::task::spawn_blocking(move || {
        let summaries: Vec<Summary> = summaries
            .iter()
            .map(|chunks| read_summary(chunks))
            .collect();
        build_report(caller_info, &members, &assignments, &summaries)
    })
    .await
    .map_err(ApiError::internal)?;
    Ok(Json(report))
}

/// A student's summary from its document; one that does not read (or none yet) is an
/// empty one: the student has not studied.
pub fn read_summary(chunks: &[Vec<u8>]) -> Summary {
    Hosted::load(chunks)
        .ok()
        .and_then(|doc| doc.progress().ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The dashboard from the roster, the lessons and each student's summary (in roster
/// order).
pub fn build_report(
    class: ClassInfo,
    members: &[Member],
    assignments: &[Assignment],
    summaries: &[Summary],
) -> ClassReport {
    let lesson_ids: BTreeSet<&str> = assignments.iter().map(|a| a.id.as_str()).collect();
    let mut lessons: Vec<LessonProgress> = assignments
        .iter()
        .map(|a| LessonProgress {
            id: a.id.clone(),
            title: a.title.clone(),
            assigned_at: a.assigned_at,
            assigned: 0,
            started: 0,
            done: 0,
        })
        .collect();
    let mut students = Vec::with_capacity(members.len());
    // Per student, per concept: (mastery × cards summed, cards, studied).
    let mut per_student: Vec<HashMap<&str, (f32, u32, u32)>> = Vec::new();
    // How many students have each concept.
    let mut shared: HashMap<&str, usize> = HashMap::new();
    for (member, summary) in members.iter().zip(summaries) {
        let by_lesson: HashMap<&str, &LessonSummary> =
            summary.lessons.iter().map(|l| (l.id.as_str(), l)).collect();
        let mut assigned = 0;
        let mut done = 0;
        for (lesson, assignment) in lessons.iter_mut().zip(assignments) {
            if !assignment.is_for(&member.id) {
                continue;
            }
            assigned += 1;
            lesson.assigned += 1;
            match by_lesson.get(assignment.id.as_str()) {
                Some(l) if l.done => {
                    done += 1;
                    lesson.done += 1;
                }
                Some(l) if l.studied > 0 => lesson.started += 1,
                _ => {}
            }
        }
        let mut mine: HashMap<&str, (f32, u32, u32)> = HashMap::new();
        for lesson in summary
            .lessons
            .iter()
            .filter(|l| lesson_ids.contains(l.id.as_str()))
        {
            for c in &lesson.concepts {
                let name = c.concept.as_str();
                if name.is_empty() || name.chars().count() > CONCEPT_NAME_MAX {
                    continue;
                }
                if !mine.contains_key(name) && mine.len() >= CONCEPTS_PER_STUDENT {
                    continue;
                }
                let entry = mine.entry(name).or_default();
                entry.0 += c.mastery.clamp(0.0, 1.0) * c.cards as f32;
                entry.1 += c.cards;
                entry.2 += c.studied;
            }
        }
        for name in mine.keys() {
            *shared.entry(name).or_default() += 1;
        }
        per_student.push(mine);
        students.push(StudentProgress {
            id: member.id.clone(),
            name: member.name.clone(),
            joined_at: member.joined_at,
            last_studied_at: summary.as_of,
            reviews: summary.reviews,
            time_ms: summary.time_ms,
            lessons_assigned: assigned,
            lessons_done: done,
        });
    }
    let mut by_reach: Vec<(&str, usize)> = shared.into_iter().collect();
    by_reach.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    by_reach.truncate(REPORT_CONCEPTS);
    let mut concepts: Vec<String> = by_reach.into_iter().map(|(c, _)| c.to_owned()).collect();
    concepts.sort();
    let mut struggling = Vec::new();
    let mastery: Vec<Vec<Option<f32>>> = per_student
        .iter()
        .zip(&students)
        .map(|(mine, student)| {
            concepts
                .iter()
                .map(|concept| {
                    let (sum, cards, studied) = mine.get(concept.as_str()).copied()?;
                    if studied == 0 || cards == 0 {
                        return None;
                    }
                    let mastery = sum / cards as f32;
                    if mastery < STRUGGLING_BELOW {
                        struggling.push(Struggle {
                            student_id: student.id.clone(),
                            student: student.name.clone(),
                            concept: concept.clone(),
                            mastery,
                        });
                    }
                    Some(mastery)
                })
                .collect()
        })
        .collect();
    struggling.sort_by(|a, b| a.mastery.total_cmp(&b.mastery));
    struggling.truncate(STRUGGLES_SHOWN);
    ClassReport {
        class,
        students,
        lessons,
        concepts,
        mastery,
        struggling,
    }
}

/// Which concepts appear where, for tests.
#[cfg(test)]
fn columns(report: &ClassReport) -> std::collections::BTreeMap<String, usize> {
    report
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.clone(), i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str) -> Member {
        Member {
            id: id.into(),
            name: format!("Student {id}"),
            joined_at: 1,
        }
    }

    fn lesson(id: &str, students: Option<Vec<String>>) -> Assignment {
        Assignment {
            id: id.into(),
            class_id: "c".into(),
            title: format!("Lesson {id}"),
            docs: vec![format!("lessons/{id}")],
            media: Vec::new(),
            students,
            assigned_at: 1,
        }
    }

    fn concept(name: &str, mastery: f32, studied: u32) -> ConceptSummary {
        ConceptSummary {
            concept: name.into(),
            mastery,
            cards: 2,
            studied,
        }
    }

    #[test]
    fn the_report_counts_completion_fills_the_matrix_and_names_who_struggles() {
        let class = ClassInfo {
            id: "c".into(),
            name: "Biology".into(),
            teacher: "Ms Rivera".into(),
            code: Some("ABCDEF".into()),
            code_expires_at: None,
            teaching: true,
            students: 3,
        };
        let members = [member("a"), member("b"), member("c")];
        let assignments = [lesson("l1", None), lesson("l2", Some(vec!["a".into()]))];
        let summaries = [
            Summary {
                as_of: Some(5),
                reviews: 10,
                time_ms: 1000,
                lessons: vec![
                    LessonSummary {
                        id: "l1".into(),
                        cards: 4,
                        studied: 4,
                        done: true,
                        concepts: vec![concept("osmosis", 0.9, 2), concept("cells", 0.3, 2)],
                    },
                    // A lesson of another class: not read.
                    LessonSummary {
                        id: "other".into(),
                        cards: 1,
                        studied: 1,
                        done: true,
                        concepts: vec![concept("algebra", 0.1, 1)],
                    },
                ],
            },
            Summary {
                lessons: vec![LessonSummary {
                    id: "l1".into(),
                    cards: 4,
                    studied: 1,
                    done: false,
                    concepts: vec![concept("osmosis", 0.2, 1), concept("cells", 0.0, 0)],
                }],
                ..Summary::default()
            },
            Summary::default(),
        ];
        let report = build_report(class, &members, &assignments, &summaries);
        assert_eq!(report.lessons[0].assigned, 3);
        assert_eq!((report.lessons[0].done, report.lessons[0].started), (1, 1));
        assert_eq!(report.lessons[1].assigned, 1);
        assert_eq!(report.students[0].lessons_assigned, 2);
        assert_eq!(report.students[0].lessons_done, 1);
        let cols = columns(&report);
        assert_eq!(report.concepts, vec!["cells", "osmosis"]);
        assert!(!cols.contains_key("algebra"));
        assert_eq!(report.mastery[0][cols["osmosis"]], Some(0.9));
        assert_eq!(report.mastery[1][cols["cells"]], None, "not studied yet");
        assert_eq!(report.mastery[2], vec![None, None]);
        let who: Vec<(&str, &str)> = report
            .struggling
            .iter()
            .map(|s| (s.student_id.as_str(), s.concept.as_str()))
            .collect();
        assert_eq!(who, vec![("b", "osmosis"), ("a", "cells")]);
    }

    #[test]
    fn one_students_summary_cannot_crowd_the_reports_columns() {
        let class = ClassInfo {
            id: "c".into(),
            name: "Biology".into(),
            teacher: "Ms Rivera".into(),
            code: None,
            code_expires_at: None,
            teaching: true,
            students: 3,
        };
        let members = [member("a"), member("b"), member("mallory")];
        let assignments = [lesson("l1", None)];
        let honest = |mastery| Summary {
            lessons: vec![LessonSummary {
                id: "l1".into(),
                cards: 2,
                studied: 2,
                done: false,
                concepts: vec![concept("osmosis", mastery, 2), concept("cells", mastery, 2)],
            }],
            ..Summary::default()
        };
        let flood: Vec<ConceptSummary> = (0..100_000)
            .map(|i| concept(&format!("junk {i}"), 0.5, 1))
            .chain([concept(&"x".repeat(10_000), 0.5, 1)])
            .collect();
        let summaries = [
            honest(0.9),
            honest(0.2),
            Summary {
                lessons: vec![LessonSummary {
                    id: "l1".into(),
                    cards: 2,
                    studied: 2,
                    done: false,
                    concepts: flood,
                }],
                ..Summary::default()
            },
        ];
        let report = build_report(class, &members, &assignments, &summaries);
        assert_eq!(report.concepts.len(), REPORT_CONCEPTS);
        assert!(report.concepts.iter().all(|c| c.len() <= CONCEPT_NAME_MAX));
        // The concepts the class shares are kept, whatever one student sent.
        let cols = columns(&report);
        assert_eq!(report.mastery[0][cols["osmosis"]], Some(0.9));
        assert_eq!(report.mastery[1][cols["cells"]], Some(0.2));
        assert!(
            report
                .mastery
                .iter()
                .all(|row| row.len() == REPORT_CONCEPTS)
        );
    }

    #[test]
    fn codes_read_however_they_are_typed() {
        assert_eq!(normalize_code(" abc-23x "), "ABC23X");
        let code = new_code().unwrap();
        assert_eq!(code.len(), CODE_LEN);
        assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
    }
}
