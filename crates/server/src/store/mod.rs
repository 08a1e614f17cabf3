//! Where the server keeps accounts, tokens, documents and media: an embedded SQLite
//! file by default (a teacher's laptop), PostgreSQL for a school that outgrows one
//! machine. Both hold the same tables; nothing is kept in a server's memory between
//! requests, so instances in front of one PostgreSQL are interchangeable.

mod postgres;
mod sqlite;

use std::path::Path;
use std::sync::Arc;

pub use postgres::Postgres;
pub use sqlite::Sqlite;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the name {0:?} is taken")]
    NameTaken(String),
    #[error("{0}")]
    Secrets(String),
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database: {0}")]
    Postgres(#[from] tokio_postgres::Error),
    #[error("database pool: {0}")]
    Pool(String),
    #[error("database migration: {0}")]
    Migration(String),
    #[error("media {0}")]
    Media(String),
    #[error("a worker stopped: {0}")]
    Worker(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Learner,
    Teacher,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Learner => "learner",
            Role::Teacher => "teacher",
            Role::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "learner" => Some(Role::Learner),
            "teacher" => Some(Role::Teacher),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub name: String,
    pub password_hash: String,
    pub role: Role,
}

/// A refresh token as kept: only its hash, so a copy of the database signs no one in.
#[derive(Debug, Clone)]
pub struct Refresh {
    pub hash: Vec<u8>,
    pub user_id: String,
    pub device: String,
    /// Every token rotated from one sign-in shares a family; a reused token revokes it.
    pub family: String,
    pub expires_at: i64,
    /// The token this one succeeds (on rotation).
    pub replaces: Option<Vec<u8>>,
}

/// A refresh token's row, as far as deciding on its use goes.
pub(crate) struct KeptRefresh {
    pub token: Refresh,
    pub used_at: Option<i64>,
    pub revoked: bool,
    /// The successor's (used, revoked), when there is one.
    pub successor: Option<(Vec<u8>, bool, bool)>,
}

/// How long after a rotation the old token may be presented again, when the answer
/// that carried its successor was lost and the successor was never used.
pub const ROTATION_GRACE_MS: i64 = 60_000;

pub(crate) enum Decision {
    Use,
    /// The answer with the successor was lost: the successor goes, a new one comes.
    Regrant {
        revoke: Vec<u8>,
    },
    Reuse,
    Unknown,
}

pub(crate) fn decide(kept: &KeptRefresh, now: i64) -> Decision {
    if kept.revoked {
        return Decision::Reuse;
    }
    match (kept.used_at, &kept.successor) {
        (None, _) if kept.token.expires_at <= now => Decision::Unknown,
        (None, _) => Decision::Use,
        (Some(at), Some((successor, false, false))) if now - at < ROTATION_GRACE_MS => {
            Decision::Regrant {
                revoke: successor.clone(),
            }
        }
        (Some(_), _) => Decision::Reuse,
    }
}

/// What presenting a refresh token found.
#[derive(Debug)]
pub enum RefreshUse {
    /// Unused, unrevoked and now used: the caller issues the next in its family.
    Fresh(Refresh),
    /// Used before (a copy is in someone else's hands) or revoked: its family is now
    /// revoked whole.
    Reused,
    Unknown,
}

/// A document's kept chunks, in order, and the position of the last.
#[derive(Debug, Default, Clone)]
pub struct StoredDoc {
    pub chunks: Vec<Vec<u8>>,
    pub last_seq: i64,
}

/// What one sync request writes for one document.
#[derive(Debug)]
pub struct DocWrite {
    pub doc_id: String,
    pub chunk: Vec<u8>,
    /// The chunk is the whole document: the chunks up to this position go.
    pub replaces_upto: Option<i64>,
}

/// A media file as far as it has arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediaState {
    pub size: i64,
    pub received: i64,
    pub complete: bool,
}

/// A class: its teacher, and the code students join it with.
#[derive(Debug, Clone)]
pub struct Class {
    pub id: String,
    pub name: String,
    pub teacher: String,
    pub teacher_name: String,
    pub code: String,
    pub created_at: i64,
    /// When the join code stops working (ms since the epoch).
    pub code_expires_at: i64,
}

/// A student in a class.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub joined_at: i64,
}

/// A lesson assigned to a class: the teacher's documents it carries and the media they
/// name, and the students it is for (`None`: the whole class, later joiners too).
#[derive(Debug, Clone)]
pub struct Assignment {
    pub id: String,
    pub class_id: String,
    pub title: String,
    pub docs: Vec<String>,
    pub media: Vec<String>,
    pub students: Option<Vec<String>>,
    pub assigned_at: i64,
}

impl Assignment {
    pub fn is_for(&self, student: &str) -> bool {
        self.students
            .as_ref()
            .is_none_or(|s| s.iter().any(|id| id == student))
    }
}

pub(crate) fn json_list(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

pub(crate) fn read_list(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

#[derive(Clone)]
enum Backend {
    Sqlite(Sqlite),
    Postgres(Postgres),
}

/// The server's data: its embedded SQLite or a PostgreSQL, and the key its own secrets
/// (the token-signing key, the bundle key, the TLS private key) are sealed under in it,
/// kept outside the database.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    secrets: Option<Arc<[u8; 32]>>,
}

macro_rules! each {
    ($self:ident, $store:ident => $body:expr) => {
        match &$self.backend {
            Backend::Sqlite($store) => $body,
            Backend::Postgres($store) => $body,
        }
    };
}

/// How a sealed secret starts in the settings table.
const SEALED: &[u8] = b"satchel-sealed-1:";

fn seal_secret(key: &[u8; 32], name: &str, plain: &[u8]) -> Result<Vec<u8>> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    let mut nonce = [0u8; 24];
    getrandom::fill(&mut nonce).map_err(|e| StoreError::Worker(e.to_string()))?;
    let sealed = chacha20poly1305::XChaCha20Poly1305::new(key.into())
        .encrypt(
            (&nonce).into(),
            Payload {
                msg: plain,
                aad: name.as_bytes(),
            },
        )
        .map_err(|_| StoreError::Worker("sealing a secret failed".into()))?;
    Ok([SEALED, &nonce[..], &sealed].concat())
}

fn open_secret(key: &[u8; 32], name: &str, kept: &[u8]) -> Result<Vec<u8>> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    let wrong = || {
        StoreError::Secrets(format!(
            "the server's {name} does not open with this secrets key: give the server the key it was made with"
        ))
    };
    let body = kept.strip_prefix(SEALED).ok_or_else(wrong)?;
    if body.len() < 24 {
        return Err(wrong());
    }
    let (nonce, sealed) = body.split_at(24);
    chacha20poly1305::XChaCha20Poly1305::new(key.into())
        .decrypt(
            nonce.into(),
            Payload {
                msg: sealed,
                aad: name.as_bytes(),
            },
        )
        .map_err(|_| wrong())
}

impl Store {
    fn with_backend(backend: Backend) -> Store {
        Store {
            backend,
            secrets: None,
        }
    }

    /// This store, its secrets sealed under `key` (kept outside the database): a copy
    /// of the database alone does not sign tokens, open bundles or serve as this server.
    /// Secrets kept in plain before are sealed on their next read.
    pub fn sealing_secrets(self, key: [u8; 32]) -> Store {
        Store {
            secrets: Some(Arc::new(key)),
            ..self
        }
    }

    /// The secret `name`: the kept one, or `fresh` (then kept), sealed when this store
    /// has a secrets key.
    async fn secret(&self, name: &'static str, fresh: Vec<u8>) -> Result<Vec<u8>> {
        let Some(key) = self.secrets.clone() else {
            let kept = each!(self, s => s.setting_or(name, fresh).await)?;
            if kept.starts_with(SEALED) {
                return Err(StoreError::Secrets(format!(
                    "the server's {name} is sealed: give the server its secrets key"
                )));
            }
            return Ok(kept);
        };
        let sealed = seal_secret(&key, name, &fresh)?;
        let kept = each!(self, s => s.setting_or(name, sealed).await)?;
        if kept.starts_with(SEALED) {
            return open_secret(&key, name, &kept);
        }
        // Kept in plain before the server had a secrets key: sealed now.
        let sealed = seal_secret(&key, name, &kept)?;
        each!(self, s => s.set_setting(name, sealed).await)?;
        Ok(kept)
    }

    pub async fn open_sqlite(path: &Path) -> Result<Store> {
        Ok(Store::with_backend(Backend::Sqlite(
            Sqlite::open(path, None).await?,
        )))
    }

    /// The embedded store encrypted under `key` (SQLCipher).
    pub async fn open_sqlite_encrypted(path: &Path, key: [u8; 32]) -> Result<Store> {
        Ok(Store::with_backend(Backend::Sqlite(
            Sqlite::open(path, Some(key)).await?,
        )))
    }

    /// Moves the embedded store at `path` from encryption under `old` to `new`.
    pub async fn rekey_sqlite(path: &Path, old: [u8; 32], new: [u8; 32]) -> Result<()> {
        Sqlite::rekey(path, old, new).await
    }

    pub async fn open_postgres(url: &str) -> Result<Store> {
        Store::open_postgres_with_ca(url, None).await
    }

    /// PostgreSQL; over TLS when the URL says `sslmode=require` (or `verify-full`),
    /// the database's certificate checked against the system's roots and `ca` (PEM).
    pub async fn open_postgres_with_ca(url: &str, ca: Option<&[u8]>) -> Result<Store> {
        Ok(Store::with_backend(Backend::Postgres(
            Postgres::open(url, ca).await?,
        )))
    }

    pub fn kind(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgresql",
        }
    }

    /// Whether this store's connection to its database is encrypted (TLS to a
    /// PostgreSQL); the embedded database has no connection.
    pub async fn database_tls(&self) -> Result<bool> {
        match &self.backend {
            Backend::Sqlite(_) => Ok(false),
            Backend::Postgres(pg) => pg.connection_tls().await,
        }
    }

    /// The key tokens are signed with, made on first use and shared by every instance.
    pub async fn signing_key(&self) -> Result<Vec<u8>> {
        let mut fresh = vec![0; 32];
        getrandom::fill(&mut fresh).map_err(|e| StoreError::Worker(e.to_string()))?;
        self.secret("signing_key", fresh).await
    }

    /// The server's TLS certificate and key (PEM): the kept one, or `fresh` when none
    /// is kept yet (then kept, and shared by every instance); in the database, so
    /// encrypted with it where it is (the class server inside a teacher's app).
    pub async fn tls_identity(&self, fresh: Vec<u8>) -> Result<Vec<u8>> {
        self.secret("tls_identity", fresh).await
    }

    pub async fn add_user(&self, user: &User) -> Result<()> {
        each!(self, s => s.add_user(user.clone()).await)
    }

    pub async fn user_by_name(&self, name: &str) -> Result<Option<User>> {
        each!(self, s => s.user_by_name(name.to_owned()).await)
    }

    pub async fn user(&self, id: &str) -> Result<Option<User>> {
        each!(self, s => s.user(id.to_owned()).await)
    }

    /// Sets `name`'s password and ends every sign-in of theirs (their refresh tokens
    /// are revoked, their devices' keys forgotten): a changed password is a reason to
    /// sign everyone out.
    pub async fn set_password(&self, name: &str, hash: &str) -> Result<bool> {
        each!(self, s => s.set_password(name.to_owned(), hash.to_owned()).await)
    }

    pub async fn users(&self) -> Result<Vec<User>> {
        each!(self, s => s.users().await)
    }

    pub async fn put_refresh(&self, token: &Refresh) -> Result<()> {
        each!(self, s => s.put_refresh(token.clone()).await)
    }

    pub async fn use_refresh(&self, hash: &[u8], now: i64) -> Result<RefreshUse> {
        each!(self, s => s.use_refresh(hash.to_vec(), now).await)
    }

    pub async fn revoke_family_of(&self, hash: &[u8]) -> Result<()> {
        each!(self, s => s.revoke_family_of(hash.to_vec()).await)
    }

    pub async fn load_docs(
        &self,
        owner: &str,
        ids: Vec<String>,
    ) -> Result<std::collections::HashMap<String, StoredDoc>> {
        each!(self, s => s.load_docs(owner.to_owned(), ids).await)
    }

    pub async fn load_states(
        &self,
        device: &str,
        owner: &str,
        ids: Vec<String>,
    ) -> Result<std::collections::HashMap<String, Vec<u8>>> {
        each!(self, s => s.load_states(device.to_owned(), owner.to_owned(), ids).await)
    }

    /// The documents with chunks after `cursor`, each with its last position, in the
    /// order of that position, at most `limit`.
    pub async fn changed_since(
        &self,
        owner: &str,
        cursor: i64,
        limit: usize,
    ) -> Result<Vec<(String, i64)>> {
        each!(self, s => s.changed_since(owner.to_owned(), cursor, limit as i64).await)
    }

    /// Writes a request's chunks and sync states in one transaction. Writes for one
    /// owner are serialised, so positions grow in the order they become visible and a
    /// device reading up to a position has seen everything before it.
    pub async fn commit(
        &self,
        owner: &str,
        device: &str,
        writes: Vec<DocWrite>,
        states: Vec<(String, Vec<u8>)>,
    ) -> Result<()> {
        if writes.is_empty() && states.is_empty() {
            return Ok(());
        }
        each!(self, s => s.commit(owner.to_owned(), device.to_owned(), writes, states).await)
    }

    pub async fn media_state(&self, owner: &str, sha256: &str) -> Result<Option<MediaState>> {
        each!(self, s => s.media_state(owner.to_owned(), sha256.to_owned()).await)
    }

    /// Appends a part at `offset` (which must be what has arrived so far) and returns
    /// how much has arrived.
    pub async fn media_append(
        &self,
        owner: &str,
        sha256: &str,
        size: i64,
        offset: i64,
        bytes: Vec<u8>,
    ) -> Result<MediaState> {
        each!(self, s => s.media_append(owner.to_owned(), sha256.to_owned(), size, offset, bytes).await)
    }

    pub async fn media_parts(&self, owner: &str, sha256: &str) -> Result<Vec<(i64, Vec<u8>)>> {
        each!(self, s => s.media_parts(owner.to_owned(), sha256.to_owned()).await)
    }

    pub async fn media_finish(&self, owner: &str, sha256: &str, ok: bool) -> Result<()> {
        each!(self, s => s.media_finish(owner.to_owned(), sha256.to_owned(), ok).await)
    }

    /// Adds a class; `NameTaken` when its code is in use (the caller draws another).
    pub async fn add_class(&self, class: &Class) -> Result<()> {
        each!(self, s => s.add_class(class.clone()).await)
    }

    pub async fn class(&self, id: &str) -> Result<Option<Class>> {
        each!(self, s => s.classes("c.id = @1", id.to_owned()).await).map(|mut c| c.pop())
    }

    pub async fn class_by_code(&self, code: &str) -> Result<Option<Class>> {
        each!(self, s => s.classes("c.code = @1", code.to_owned()).await).map(|mut c| c.pop())
    }

    pub async fn classes_taught(&self, teacher: &str) -> Result<Vec<Class>> {
        each!(self, s => s.classes("c.teacher = @1", teacher.to_owned()).await)
    }

    pub async fn classes_joined(&self, student: &str) -> Result<Vec<Class>> {
        each!(self, s => s.classes(
            "c.id IN (SELECT class_id FROM class_members WHERE user_id = @1)",
            student.to_owned()
        ).await)
    }

    /// Adds a student to a class; whether they were new to it.
    pub async fn add_member(&self, class_id: &str, user_id: &str) -> Result<bool> {
        each!(self, s => s.add_member(class_id.to_owned(), user_id.to_owned()).await)
    }

    /// Takes a student out of a class; whether they were in it. What their lessons
    /// brought stays theirs.
    pub async fn remove_member(&self, class_id: &str, user_id: &str) -> Result<bool> {
        each!(self, s => s.remove_member(class_id.to_owned(), user_id.to_owned()).await)
    }

    pub async fn members(&self, class_id: &str) -> Result<Vec<Member>> {
        each!(self, s => s.members(class_id.to_owned()).await)
    }

    /// Keeps an assignment (assigning a lesson again replaces who it is for).
    pub async fn put_assignment(&self, assignment: &Assignment) -> Result<()> {
        each!(self, s => s.put_assignment(assignment.clone()).await)
    }

    pub async fn assignments(&self, class_id: &str) -> Result<Vec<Assignment>> {
        each!(self, s => s.assignments(class_id.to_owned()).await)
    }

    /// Notes that `student` may read these media of `owner` (their teacher), which
    /// their lessons name.
    pub async fn add_lesson_media(
        &self,
        student: &str,
        owner: &str,
        media: Vec<String>,
    ) -> Result<()> {
        if media.is_empty() {
            return Ok(());
        }
        each!(self, s => s.add_lesson_media(student.to_owned(), owner.to_owned(), media).await)
    }

    /// Marks an account a teacher made for a student who has not joined on a network
    /// yet: the first to join the class under its name with the class's code claims it.
    pub async fn mark_unclaimed(&self, user_id: &str) -> Result<()> {
        each!(self, s => s.mark_unclaimed(user_id.to_owned()).await)
    }

    /// Gives an unclaimed account a new one-time claim code (its sha256), good until
    /// `expires_at`; an earlier one stops working.
    pub async fn set_claim(
        &self,
        user_id: &str,
        claim_hash: &str,
        expires_at: i64,
    ) -> Result<bool> {
        each!(self, s => s.set_claim(user_id.to_owned(), claim_hash.to_owned(), expires_at).await)
    }

    /// Claims an unclaimed account whose claim code hashes to `claim_hash` and has not
    /// expired at `now`, setting its password hash; whether it was claimed. The code
    /// works once.
    pub async fn claim(
        &self,
        user_id: &str,
        claim_hash: &str,
        hash: &str,
        now: i64,
    ) -> Result<bool> {
        each!(self, s => s.claim(user_id.to_owned(), claim_hash.to_owned(), hash.to_owned(), now).await)
    }

    /// Adds `key` (a device's public key) to `user_id`'s account; whether the key is
    /// now theirs: `false` when it is another account's or the account holds
    /// [`MAX_DEVICE_KEYS`] already. Adding a key the account holds changes nothing. An
    /// account a device holds is claimed: its claim code stops working.
    pub async fn add_device_key(&self, user_id: &str, device: &str, key: &str) -> Result<bool> {
        each!(self, s => s.add_device_key(user_id.to_owned(), device.to_owned(), key.to_owned()).await)
    }

    /// What `owner` holds, against their quota.
    pub async fn usage(&self, owner: &str) -> Result<Usage> {
        each!(self, s => s.usage(owner.to_owned()).await)
    }

    /// Forgets media uploads begun and not touched since `before` (ms): their parts
    /// are deleted. How many were swept.
    pub async fn sweep_partial(&self, before: i64) -> Result<u64> {
        each!(self, s => s.sweep_partial(before).await)
    }

    /// The device keys of `user_id`'s account.
    pub async fn device_keys_of(&self, user_id: &str) -> Result<Vec<String>> {
        each!(self, s => s.device_keys_of(user_id.to_owned()).await)
    }

    /// `user_id`'s bundle code: the kept one, or `fresh` (then kept; an empty `fresh`
    /// only reads).
    pub async fn bundle_code(&self, user_id: &str, fresh: &str) -> Result<Option<String>> {
        each!(self, s => s.bundle_code(user_id.to_owned(), fresh.to_owned()).await)
    }

    /// The key this server signs and opens bundles with (an Ed25519 seed), made on first
    /// use and shared by every instance.
    pub async fn bundle_key(&self) -> Result<Vec<u8>> {
        let mut fresh = vec![0; 32];
        getrandom::fill(&mut fresh).map_err(|e| StoreError::Worker(e.to_string()))?;
        self.secret("bundle_key", fresh).await
    }

    /// The account `key` was added to and the device it was added for, if any.
    pub async fn device_key_device(&self, key: &str) -> Result<Option<(String, String)>> {
        each!(self, s => s.device_key_device(key.to_owned()).await)
    }

    /// Forgets every device key of `user_id` (a lost laptop) and ends their sign-ins;
    /// an account with no password is then theirs to claim again. How many keys went.
    pub async fn forget_device_keys(&self, user_id: &str) -> Result<u64> {
        each!(self, s => s.forget_device_keys(user_id.to_owned()).await)
    }

    /// The account `key` was added to, if any.
    pub async fn device_key_owner(&self, key: &str) -> Result<Option<String>> {
        each!(self, s => s.device_key_owner(key.to_owned()).await)
    }

    /// Gives a class a new join code, good until `expires_at`; the old one stops
    /// working. `NameTaken` when another class has that code.
    pub async fn set_class_code(&self, class_id: &str, code: &str, expires_at: i64) -> Result<()> {
        each!(self, s => s.set_class_code(class_id.to_owned(), code.to_owned(), expires_at).await)
    }

    /// The media a student's lessons name, with whose copy each is: (sha256, owner).
    pub async fn lesson_media_of(&self, student: &str) -> Result<Vec<(String, String)>> {
        each!(self, s => s.lesson_media_of(student.to_owned()).await)
    }

    /// Whose copy of a medium a student's lessons name, if any.
    pub async fn lesson_media_owner(&self, student: &str, sha256: &str) -> Result<Option<String>> {
        each!(self, s => s.lesson_media_owner(student.to_owned(), sha256.to_owned()).await)
    }
}

/// Chunks a document may gather before the next write replaces them with one save.
pub const COMPACT_AFTER_CHUNKS: usize = 32;

pub(crate) const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE settings (key TEXT PRIMARY KEY, value @BLOB@ NOT NULL);
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('learner', 'teacher', 'admin')),
    created_at BIGINT NOT NULL
);
CREATE TABLE refresh_tokens (
    hash @BLOB@ PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    device TEXT NOT NULL,
    family TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    -- When it was exchanged for its successor, and which that is.
    used_at BIGINT,
    replaced_by @BLOB@,
    revoked BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
CREATE TABLE doc_chunks (
    seq @SERIAL@,
    owner TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    bytes @BLOB@ NOT NULL
);
CREATE INDEX doc_chunks_doc ON doc_chunks (owner, doc_id, seq);
CREATE INDEX doc_chunks_owner ON doc_chunks (owner, seq);
CREATE TABLE sync_states (
    device TEXT NOT NULL,
    owner TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    state @BLOB@ NOT NULL,
    PRIMARY KEY (device, owner, doc_id)
);
CREATE TABLE media (
    owner TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    received BIGINT NOT NULL,
    complete BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (owner, sha256)
);
CREATE TABLE media_parts (
    owner TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    start_at BIGINT NOT NULL,
    bytes @BLOB@ NOT NULL,
    PRIMARY KEY (owner, sha256, start_at)
);
"#,
    r#"
CREATE TABLE classes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    teacher TEXT NOT NULL REFERENCES users (id),
    code TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX classes_teacher ON classes (teacher);
CREATE TABLE class_members (
    class_id TEXT NOT NULL REFERENCES classes (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    joined_at BIGINT NOT NULL,
    PRIMARY KEY (class_id, user_id)
);
CREATE INDEX class_members_user ON class_members (user_id);
CREATE TABLE assignments (
    id TEXT PRIMARY KEY,
    class_id TEXT NOT NULL REFERENCES classes (id),
    title TEXT NOT NULL,
    -- The teacher's documents it carries and the media they name: JSON lists.
    docs TEXT NOT NULL,
    media TEXT NOT NULL,
    -- The students it is for, a JSON list; NULL for the whole class, joiners too.
    students TEXT,
    assigned_at BIGINT NOT NULL
);
CREATE INDEX assignments_class ON assignments (class_id);
-- Media a student may read from their teacher's copy, because a lesson names it.
CREATE TABLE lesson_media (
    student TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    owner TEXT NOT NULL,
    PRIMARY KEY (student, sha256)
);
"#,
    r#"
-- An account a teacher made for a student with no network yet (lessons go by USB);
-- the student claims it when they first join on a network.
ALTER TABLE users ADD COLUMN unclaimed BOOLEAN NOT NULL DEFAULT FALSE;
"#,
    r#"
-- A join code works for a while; the teacher makes a new one when it ends or leaks.
-- The codes of classes made before this last two weeks from now.
ALTER TABLE classes ADD COLUMN code_expires_at BIGINT;
UPDATE classes SET code_expires_at = @NOW_MS@ + 1209600000;
-- A student added by name claims the account with a one-time code from the teacher
-- (its sha256), before it expires.
ALTER TABLE users ADD COLUMN claim_hash TEXT;
ALTER TABLE users ADD COLUMN claim_expires_at BIGINT;
"#,
    r#"
-- Each device's own public key (Ed25519, hex): accounts made by joining sign in by
-- answering a challenge with the device's key, never with a password that travels.
CREATE TABLE device_keys (
    public_key TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    device TEXT NOT NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX device_keys_user ON device_keys (user_id);
"#,
    r#"
-- A student's bundle code: what their teacher hands them so a bundle on a USB stick
-- opens on a laptop that never met the class server, and what proves a bundle carried
-- back is theirs. Made when first needed.
ALTER TABLE users ADD COLUMN bundle_code TEXT;
"#,
    r#"
-- When a medium last grew: an upload begun and left is swept after a while.
ALTER TABLE media ADD COLUMN touched_at BIGINT NOT NULL DEFAULT 0;
UPDATE media SET touched_at = @NOW_MS@;
"#,
    r#"
-- What a name is compared by (`names::key`): filled for the names kept before by the
-- store when it opens, then unique.
ALTER TABLE users ADD COLUMN name_key TEXT;
"#,
];

/// The key a name kept before keys were is given: its own, or, when another account
/// already has that key (two look-alike names from before), one no lookup finds.
pub(crate) fn backfilled_key(name: &str, id: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let key = crate::names::key(name).unwrap_or_else(|| name.to_owned());
    if taken(&key) {
        format!("{key}\u{0}{id}")
    } else {
        key
    }
}

/// What an account holds on the server, against its quota.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Document and media bytes (a medium begun counts its whole size).
    pub bytes: i64,
    pub docs: i64,
    pub media: i64,
}

/// Device keys one account may hold at most (its learner's laptops, over the years).
pub const MAX_DEVICE_KEYS: i64 = 32;

/// Whether a part may be appended to a media file, and what has arrived after it. A
/// part sent again (its response was lost) changes nothing.
pub(crate) fn check_append(
    known_size: i64,
    received: i64,
    complete: bool,
    size: i64,
    offset: i64,
    bytes: &[u8],
) -> Result<MediaState> {
    let unchanged = MediaState {
        size: known_size,
        received,
        complete,
    };
    if known_size != size {
        return Err(StoreError::Media(format!(
            "was begun with {known_size} bytes, not {size}"
        )));
    }
    let end = offset.saturating_add(bytes.len() as i64);
    if complete || (offset < received && end <= received) {
        return Ok(unchanged);
    }
    if offset != received {
        return Err(StoreError::Media(format!(
            "part at byte {offset}, but {received} bytes have arrived"
        )));
    }
    if end > size {
        return Err(StoreError::Media(format!(
            "part ends at byte {end}, past its size {size}"
        )));
    }
    Ok(MediaState {
        size,
        received: end,
        complete: false,
    })
}

pub(crate) use sqlite::now_ms;

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_encrypted_store_opens_only_with_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("class.sqlite3");
        let store = Store::open_sqlite_encrypted(&path, [7; 32]).await.unwrap();
        let user = User {
            id: "u1".into(),
            name: "Ms Rivera".into(),
            password_hash: "hash".into(),
            role: Role::Teacher,
        };
        store.add_user(&user).await.unwrap();
        drop(store);
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(9).any(|w| w == b"Ms Rivera"),
            "a name in plain text"
        );
        assert!(Store::open_sqlite(&path).await.is_err());
        assert!(Store::open_sqlite_encrypted(&path, [8; 32]).await.is_err());
        let again = Store::open_sqlite_encrypted(&path, [7; 32]).await.unwrap();
        assert!(again.user_by_name("Ms Rivera").await.unwrap().is_some());
    }
}
