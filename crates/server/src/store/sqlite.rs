//! The embedded store: one SQLite file in the data folder, written by one connection
//! (SQLite has one writer at a time anyway), used from a blocking thread.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension, params};

use super::{
    Assignment, Class, Decision, DocWrite, KeptRefresh, MIGRATIONS, MediaState, Member, Refresh,
    RefreshUse, Result, Role, StoreError, StoredDoc, User, decide, json_list, read_list,
};

#[derive(Clone)]
pub struct Sqlite {
    conn: Arc<Mutex<Connection>>,
}

/// A raw SQLCipher key as its pragmas take it.
fn key_literal(key: &[u8; 32]) -> String {
    format!("x'{}'", satchel_sync::device::hex(key))
}

/// Finishes SQLCipher's process-wide set-up before the first connection is keyed.
/// SQLite runs it just after marking itself initialised, outside its lock, so a second
/// thread keying a database in that window fails (the same fix, and why, as the core
/// store's `sqlcipher_ready`; many servers start at once in the tests).
fn sqlcipher_ready() -> Result<()> {
    unsafe extern "C" {
        // Defined by the bundled SQLCipher (`-DSQLITE_EXTRA_INIT=sqlcipher_extra_init`).
        fn sqlcipher_extra_init(arg: *const std::ffi::c_char) -> std::ffi::c_int;
    }
    static READY: std::sync::OnceLock<std::ffi::c_int> = std::sync::OnceLock::new();
    let rc = *READY.get_or_init(|| {
        // SAFETY: neither takes a pointer we own (the argument is unused and may be
        // null); both run under SQLite's static main mutex, from any thread, and return
        // at once when already done.
        unsafe {
            match rusqlite::ffi::sqlite3_initialize() {
                rusqlite::ffi::SQLITE_OK => sqlcipher_extra_init(std::ptr::null()),
                failed => failed,
            }
        }
    });
    match rc {
        rusqlite::ffi::SQLITE_OK => Ok(()),
        failed => Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(failed),
            Some("SQLCipher could not start".into()),
        ))),
    }
}

/// Gives the names kept before name keys theirs, then makes keys unique.
fn backfill_name_keys(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    let missing: Vec<(String, String)> = tx
        .prepare("SELECT id, name FROM users WHERE name_key IS NULL ORDER BY created_at")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, name) in missing {
        let taken = |key: &str| {
            tx.query_row("SELECT 1 FROM users WHERE name_key = ?1", [key], |_| Ok(()))
                .optional()
                .ok()
                .flatten()
                .is_some()
        };
        let key = super::backfilled_key(&name, &id, &taken);
        tx.execute(
            "UPDATE users SET name_key = ?2 WHERE id = ?1",
            params![id, key],
        )?;
    }
    tx.execute_batch("CREATE UNIQUE INDEX IF NOT EXISTS users_name_key ON users (name_key)")?;
    tx.commit()?;
    Ok(())
}

impl Sqlite {
    /// Opens (or makes) the file; with `key`, encrypted by SQLCipher under it (a
    /// teacher's laptop keeps the class server's data under a key from their library).
    pub async fn open(path: &Path, key: Option<[u8; 32]>) -> Result<Sqlite> {
        let path = path.to_owned();
        let conn = tokio::task::spawn_blocking(move || -> Result<Connection> {
            sqlcipher_ready()?;
            let mut conn = Connection::open(path)?;
            if let Some(key) = key {
                conn.pragma_update(None, "key", key_literal(&key))?;
                // A wrong key shows here, not at the first request.
                conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |_| Ok(()))?;
            }
            // What is deleted or replaced (a secret kept in plain before it was sealed)
            // is overwritten, not left in free pages.
            conn.pragma_update(None, "secure_delete", true)?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            conn.pragma_update(None, "foreign_keys", true)?;
            conn.busy_timeout(std::time::Duration::from_secs(10))?;
            let sql: Vec<String> = MIGRATIONS
                .iter()
                .map(|m| {
                    m.replace("@SERIAL@", "INTEGER PRIMARY KEY AUTOINCREMENT")
                        .replace("@BLOB@", "BLOB")
                        .replace(
                            "@NOW_MS@",
                            "(CAST(strftime('%s', 'now') AS INTEGER) * 1000)",
                        )
                })
                .collect();
            rusqlite_migration::Migrations::new(
                sql.iter().map(|s| rusqlite_migration::M::up(s)).collect(),
            )
            .to_latest(&mut conn)
            .map_err(|e| StoreError::Migration(e.to_string()))?;
            backfill_name_keys(&mut conn)?;
            Ok(conn)
        })
        .await
        .map_err(|e| StoreError::Worker(e.to_string()))??;
        Ok(Sqlite {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Re-encrypts the file at `path` from `old` to `new` (closed before and after).
    pub async fn rekey(path: &Path, old: [u8; 32], new: [u8; 32]) -> Result<()> {
        let path = path.to_owned();
        tokio::task::spawn_blocking(move || -> Result<()> {
            sqlcipher_ready()?;
            let conn = Connection::open(path)?;
            conn.pragma_update(None, "key", key_literal(&old))?;
            conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |_| Ok(()))?;
            // SQLCipher re-encrypts a rollback-journal database page by page, in one
            // transaction: a crash midway leaves it under the old key.
            conn.pragma_update(None, "journal_mode", "DELETE")?;
            conn.pragma_update(None, "rekey", key_literal(&new))?;
            Ok(())
        })
        .await
        .map_err(|e| StoreError::Worker(e.to_string()))?
    }

    async fn with<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while the lock was held leaves the connection as SQLite left it:
            // an open transaction rolls back when it is dropped, so it is usable.
            let mut conn = conn.lock().unwrap_or_else(|p| p.into_inner());
            work(&mut conn)
        })
        .await
        .map_err(|e| StoreError::Worker(e.to_string()))?
    }

    pub async fn setting_or(&self, key: &'static str, fresh: Vec<u8>) -> Result<Vec<u8>> {
        self.with(move |c| {
            c.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO NOTHING",
                params![key, fresh],
            )?;
            Ok(
                c.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                    r.get(0)
                })?,
            )
        })
        .await
    }

    pub async fn set_setting(&self, key: &'static str, value: Vec<u8>) -> Result<()> {
        self.with(move |c| {
            c.execute(
                "UPDATE settings SET value = ?2 WHERE key = ?1",
                params![key, value],
            )?;
            Ok(())
        })
        .await
    }

    pub async fn add_user(&self, user: User) -> Result<()> {
        self.with(move |c| {
            let Some(key) = crate::names::key(&user.name) else {
                return Err(StoreError::NameTaken(user.name));
            };
            let added = c.execute(
                "INSERT INTO users (id, name, password_hash, role, created_at, name_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                params![
                    user.id,
                    user.name,
                    user.password_hash,
                    user.role.as_str(),
                    now_ms(),
                    key
                ],
            )?;
            if added == 0 {
                return Err(StoreError::NameTaken(user.name));
            }
            Ok(())
        })
        .await
    }

    pub async fn user_by_name(&self, name: String) -> Result<Option<User>> {
        let Some(key) = crate::names::key(&name) else {
            return Ok(None);
        };
        self.with(move |c| {
            Ok(c.query_row(
                "SELECT id, name, password_hash, role FROM users WHERE name_key = ?1",
                [key],
                read_user,
            )
            .optional()?)
        })
        .await
    }

    pub async fn user(&self, id: String) -> Result<Option<User>> {
        self.with(move |c| {
            Ok(c.query_row(
                "SELECT id, name, password_hash, role FROM users WHERE id = ?1",
                [id],
                read_user,
            )
            .optional()?)
        })
        .await
    }

    pub async fn set_password(&self, name: String, hash: String) -> Result<bool> {
        let Some(name) = crate::names::key(&name) else {
            return Ok(false);
        };
        self.with(move |c| {
            let tx = c.transaction()?;
            let changed = tx.execute(
                "UPDATE users SET password_hash = ?2 WHERE name_key = ?1",
                params![name, hash],
            )? == 1;
            tx.execute(
                "UPDATE refresh_tokens SET revoked = TRUE
                 WHERE user_id = (SELECT id FROM users WHERE name_key = ?1)",
                [&name],
            )?;
            // A device key is a sign-in too: each device signs in with the new
            // password, then adds its key again.
            tx.execute(
                "DELETE FROM device_keys
                 WHERE user_id = (SELECT id FROM users WHERE name_key = ?1)",
                [&name],
            )?;
            tx.commit()?;
            Ok(changed)
        })
        .await
    }

    pub async fn users(&self) -> Result<Vec<User>> {
        self.with(|c| {
            let mut stmt =
                c.prepare("SELECT id, name, password_hash, role FROM users ORDER BY name")?;
            let users = stmt
                .query_map([], read_user)?
                .collect::<rusqlite::Result<_>>()?;
            Ok(users)
        })
        .await
    }

    pub async fn put_refresh(&self, token: Refresh) -> Result<()> {
        self.with(move |c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO refresh_tokens (hash, user_id, device, family, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    token.hash,
                    token.user_id,
                    token.device,
                    token.family,
                    token.expires_at
                ],
            )?;
            if let Some(old) = &token.replaces {
                tx.execute(
                    "UPDATE refresh_tokens SET replaced_by = ?2 WHERE hash = ?1",
                    params![old, token.hash],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    pub async fn use_refresh(&self, hash: Vec<u8>, now: i64) -> Result<RefreshUse> {
        self.with(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let found = tx
                .query_row(
                    "SELECT t.user_id, t.device, t.family, t.expires_at, t.used_at, t.revoked,
                            s.hash, s.used_at IS NOT NULL, s.revoked
                     FROM refresh_tokens t LEFT JOIN refresh_tokens s ON s.hash = t.replaced_by
                     WHERE t.hash = ?1",
                    [&hash],
                    |r| {
                        let successor: Option<Vec<u8>> = r.get(6)?;
                        Ok(KeptRefresh {
                            token: Refresh {
                                hash: hash.clone(),
                                user_id: r.get(0)?,
                                device: r.get(1)?,
                                family: r.get(2)?,
                                expires_at: r.get(3)?,
                                replaces: None,
                            },
                            used_at: r.get(4)?,
                            revoked: r.get(5)?,
                            successor: match successor {
                                Some(s) => Some((s, r.get(7)?, r.get(8)?)),
                                None => None,
                            },
                        })
                    },
                )
                .optional()?;
            let outcome = match found {
                None => RefreshUse::Unknown,
                Some(kept) => match decide(&kept, now) {
                    Decision::Use => {
                        tx.execute(
                            "UPDATE refresh_tokens SET used_at = ?2 WHERE hash = ?1",
                            params![hash, now],
                        )?;
                        RefreshUse::Fresh(kept.token)
                    }
                    Decision::Regrant { revoke } => {
                        tx.execute(
                            "UPDATE refresh_tokens SET revoked = TRUE WHERE hash = ?1",
                            [revoke],
                        )?;
                        RefreshUse::Fresh(kept.token)
                    }
                    Decision::Reuse => {
                        tx.execute(
                            "UPDATE refresh_tokens SET revoked = TRUE WHERE family = ?1",
                            [&kept.token.family],
                        )?;
                        RefreshUse::Reused
                    }
                    Decision::Unknown => RefreshUse::Unknown,
                },
            };
            tx.commit()?;
            Ok(outcome)
        })
        .await
    }

    pub async fn revoke_family_of(&self, hash: Vec<u8>) -> Result<()> {
        self.with(move |c| {
            c.execute(
                "UPDATE refresh_tokens SET revoked = TRUE WHERE family =
                 (SELECT family FROM refresh_tokens WHERE hash = ?1)",
                [hash],
            )?;
            Ok(())
        })
        .await
    }

    pub async fn load_docs(
        &self,
        owner: String,
        ids: Vec<String>,
    ) -> Result<HashMap<String, StoredDoc>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT seq, bytes FROM doc_chunks WHERE owner = ?1 AND doc_id = ?2 ORDER BY seq",
            )?;
            let mut docs = HashMap::new();
            for id in ids {
                let mut doc = StoredDoc::default();
                let mut rows = stmt.query(params![owner, id])?;
                while let Some(row) = rows.next()? {
                    doc.last_seq = row.get(0)?;
                    doc.chunks.push(row.get(1)?);
                }
                docs.insert(id, doc);
            }
            Ok(docs)
        })
        .await
    }

    pub async fn load_states(
        &self,
        device: String,
        owner: String,
        ids: Vec<String>,
    ) -> Result<HashMap<String, Vec<u8>>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT state FROM sync_states WHERE device = ?1 AND owner = ?2 AND doc_id = ?3",
            )?;
            let mut states = HashMap::new();
            for id in ids {
                if let Some(state) = stmt
                    .query_row(params![device, owner, id], |r| r.get(0))
                    .optional()?
                {
                    states.insert(id, state);
                }
            }
            Ok(states)
        })
        .await
    }

    pub async fn changed_since(
        &self,
        owner: String,
        cursor: i64,
        limit: i64,
    ) -> Result<Vec<(String, i64)>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT doc_id, MAX(seq) AS last FROM doc_chunks WHERE owner = ?1 AND seq > ?2
                 GROUP BY doc_id ORDER BY last LIMIT ?3",
            )?;
            let changed = stmt
                .query_map(params![owner, cursor, limit], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(changed)
        })
        .await
    }

    pub async fn commit(
        &self,
        owner: String,
        device: String,
        writes: Vec<DocWrite>,
        states: Vec<(String, Vec<u8>)>,
    ) -> Result<()> {
        self.with(move |c| {
            let tx = c.transaction()?;
            for write in writes {
                if let Some(upto) = write.replaces_upto {
                    tx.execute(
                        "DELETE FROM doc_chunks WHERE owner = ?1 AND doc_id = ?2 AND seq <= ?3",
                        params![owner, write.doc_id, upto],
                    )?;
                }
                tx.execute(
                    "INSERT INTO doc_chunks (owner, doc_id, bytes) VALUES (?1, ?2, ?3)",
                    params![owner, write.doc_id, write.chunk],
                )?;
            }
            for (doc_id, state) in states {
                tx.execute(
                    "INSERT INTO sync_states (device, owner, doc_id, state) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (device, owner, doc_id) DO UPDATE SET state = excluded.state",
                    params![device, owner, doc_id, state],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    pub async fn media_state(&self, owner: String, sha256: String) -> Result<Option<MediaState>> {
        self.with(move |c| {
            Ok(c.query_row(
                "SELECT size, received, complete FROM media WHERE owner = ?1 AND sha256 = ?2",
                params![owner, sha256],
                |r| {
                    Ok(MediaState {
                        size: r.get(0)?,
                        received: r.get(1)?,
                        complete: r.get(2)?,
                    })
                },
            )
            .optional()?)
        })
        .await
    }

    pub async fn media_append(
        &self,
        owner: String,
        sha256: String,
        size: i64,
        offset: i64,
        bytes: Vec<u8>,
    ) -> Result<MediaState> {
        self.with(move |c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO media (owner, sha256, size, received, touched_at)
                 VALUES (?1, ?2, ?3, 0, ?4) ON CONFLICT (owner, sha256) DO NOTHING",
                params![owner, sha256, size, now_ms()],
            )?;
            let (known_size, received, complete): (i64, i64, bool) = tx.query_row(
                "SELECT size, received, complete FROM media WHERE owner = ?1 AND sha256 = ?2",
                params![owner, sha256],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            let state = super::check_append(known_size, received, complete, size, offset, &bytes)?;
            if state.received > received {
                tx.execute(
                    "INSERT INTO media_parts (owner, sha256, start_at, bytes) VALUES (?1, ?2, ?3, ?4)",
                    params![owner, sha256, offset, bytes],
                )?;
                tx.execute(
                    "UPDATE media SET received = ?3, touched_at = ?4 WHERE owner = ?1 AND sha256 = ?2",
                    params![owner, sha256, state.received, now_ms()],
                )?;
            }
            tx.commit()?;
            Ok(state)
        })
        .await
    }

    pub async fn media_parts(&self, owner: String, sha256: String) -> Result<Vec<(i64, Vec<u8>)>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT start_at, bytes FROM media_parts WHERE owner = ?1 AND sha256 = ?2
                 ORDER BY start_at",
            )?;
            let parts = stmt
                .query_map(params![owner, sha256], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(parts)
        })
        .await
    }

    pub async fn media_finish(&self, owner: String, sha256: String, ok: bool) -> Result<()> {
        self.with(move |c| {
            let tx = c.transaction()?;
            if ok {
                tx.execute(
                    "UPDATE media SET complete = TRUE WHERE owner = ?1 AND sha256 = ?2",
                    params![owner, sha256],
                )?;
            } else {
                // What arrived does not hash to its name: start the file over.
                tx.execute(
                    "DELETE FROM media_parts WHERE owner = ?1 AND sha256 = ?2",
                    params![owner, sha256],
                )?;
                tx.execute(
                    "DELETE FROM media WHERE owner = ?1 AND sha256 = ?2",
                    params![owner, sha256],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }
}

const CLASS_COLUMNS: &str =
    "SELECT c.id, c.name, c.teacher, u.name, c.code, c.created_at, c.code_expires_at
     FROM classes c JOIN users u ON u.id = c.teacher";

impl Sqlite {
    pub async fn add_class(&self, class: Class) -> Result<()> {
        self.with(move |c| {
            let added = c.execute(
                "INSERT INTO classes (id, name, teacher, code, created_at, code_expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (code) DO NOTHING",
                params![
                    class.id,
                    class.name,
                    class.teacher,
                    class.code,
                    class.created_at,
                    class.code_expires_at
                ],
            )?;
            if added == 0 {
                return Err(StoreError::NameTaken(class.code));
            }
            Ok(())
        })
        .await
    }

    /// The classes `filter` (SQL on `c`, with `@1` for `arg`) picks, by name.
    pub async fn classes(&self, filter: &'static str, arg: String) -> Result<Vec<Class>> {
        self.with(move |c| {
            let sql = format!(
                "{CLASS_COLUMNS} WHERE {} ORDER BY c.name, c.id",
                filter.replace("@1", "?1")
            );
            let mut stmt = c.prepare_cached(&sql)?;
            let classes = stmt
                .query_map([arg], |r| {
                    Ok(Class {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        teacher: r.get(2)?,
                        teacher_name: r.get(3)?,
                        code: r.get(4)?,
                        created_at: r.get(5)?,
                        code_expires_at: r.get::<_, Option<i64>>(6)?.unwrap_or(0),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(classes)
        })
        .await
    }

    pub async fn add_member(&self, class_id: String, user_id: String) -> Result<bool> {
        self.with(move |c| {
            Ok(c.execute(
                "INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                params![class_id, user_id, now_ms()],
            )? == 1)
        })
        .await
    }

    pub async fn remove_member(&self, class_id: String, user_id: String) -> Result<bool> {
        self.with(move |c| {
            Ok(c.execute(
                "DELETE FROM class_members WHERE class_id = ?1 AND user_id = ?2",
                params![class_id, user_id],
            )? == 1)
        })
        .await
    }

    pub async fn members(&self, class_id: String) -> Result<Vec<Member>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT u.id, u.name, m.joined_at FROM class_members m
                 JOIN users u ON u.id = m.user_id WHERE m.class_id = ?1 ORDER BY u.name",
            )?;
            let members = stmt
                .query_map([class_id], |r| {
                    Ok(Member {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        joined_at: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(members)
        })
        .await
    }

    pub async fn put_assignment(&self, a: Assignment) -> Result<()> {
        self.with(move |c| {
            c.execute(
                "INSERT INTO assignments (id, class_id, title, docs, media, students, assigned_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title, docs = excluded.docs,
                     media = excluded.media, students = excluded.students
                 WHERE assignments.class_id = excluded.class_id",
                params![
                    a.id,
                    a.class_id,
                    a.title,
                    json_list(&a.docs),
                    json_list(&a.media),
                    a.students.as_deref().map(json_list),
                    a.assigned_at
                ],
            )?;
            Ok(())
        })
        .await
    }

    pub async fn assignments(&self, class_id: String) -> Result<Vec<Assignment>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT id, class_id, title, docs, media, students, assigned_at FROM assignments
                 WHERE class_id = ?1 ORDER BY assigned_at, id",
            )?;
            let found = stmt
                .query_map([class_id], |r| {
                    Ok(Assignment {
                        id: r.get(0)?,
                        class_id: r.get(1)?,
                        title: r.get(2)?,
                        docs: read_list(&r.get::<_, String>(3)?),
                        media: read_list(&r.get::<_, String>(4)?),
                        students: r.get::<_, Option<String>>(5)?.as_deref().map(read_list),
                        assigned_at: r.get(6)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(found)
        })
        .await
    }

    pub async fn add_lesson_media(
        &self,
        student: String,
        owner: String,
        media: Vec<String>,
    ) -> Result<()> {
        self.with(move |c| {
            let tx = c.transaction()?;
            for sha256 in media {
                tx.execute(
                    "INSERT INTO lesson_media (student, sha256, owner) VALUES (?1, ?2, ?3)
                     ON CONFLICT DO NOTHING",
                    params![student, sha256, owner],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
        .await
    }

    pub async fn mark_unclaimed(&self, user_id: String) -> Result<()> {
        self.with(move |c| {
            c.execute("UPDATE users SET unclaimed = TRUE WHERE id = ?1", [user_id])?;
            Ok(())
        })
        .await
    }

    pub async fn set_claim(
        &self,
        user_id: String,
        claim_hash: String,
        expires_at: i64,
    ) -> Result<bool> {
        self.with(move |c| {
            Ok(c.execute(
                "UPDATE users SET claim_hash = ?2, claim_expires_at = ?3 WHERE id = ?1 AND unclaimed",
                params![user_id, claim_hash, expires_at],
            )? == 1)
        })
        .await
    }

    pub async fn claim(
        &self,
        user_id: String,
        claim_hash: String,
        hash: String,
        now: i64,
    ) -> Result<bool> {
        self.with(move |c| {
            Ok(c.execute(
                "UPDATE users SET password_hash = ?3, unclaimed = FALSE, claim_hash = NULL
                 WHERE id = ?1 AND unclaimed AND claim_hash = ?2 AND claim_expires_at > ?4",
                params![user_id, claim_hash, hash, now],
            )? == 1)
        })
        .await
    }

    pub async fn add_device_key(
        &self,
        user_id: String,
        device: String,
        key: String,
    ) -> Result<bool> {
        self.with(move |c| {
            let tx = c.transaction()?;
            let owner: Option<String> = tx
                .query_row(
                    "SELECT user_id FROM device_keys WHERE public_key = ?1",
                    [&key],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(owner) = owner {
                return Ok(owner == user_id);
            }
            let held: i64 = tx.query_row(
                "SELECT COUNT(*) FROM device_keys WHERE user_id = ?1",
                [&user_id],
                |r| r.get(0),
            )?;
            if held >= super::MAX_DEVICE_KEYS {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO device_keys (public_key, user_id, device, added_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![key, user_id, device, now_ms()],
            )?;
            // A device holds the account now: there is nothing left to claim.
            tx.execute(
                "UPDATE users SET unclaimed = FALSE, claim_hash = NULL WHERE id = ?1",
                [&user_id],
            )?;
            tx.commit()?;
            Ok(true)
        })
        .await
    }

    pub async fn device_key_device(&self, key: String) -> Result<Option<(String, String)>> {
        self.with(move |c| {
            Ok(c.query_row(
                "SELECT user_id, device FROM device_keys WHERE public_key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
        })
        .await
    }

    pub async fn forget_device_keys(&self, user_id: String) -> Result<u64> {
        self.with(move |c| {
            let tx = c.transaction()?;
            let gone = tx.execute("DELETE FROM device_keys WHERE user_id = ?1", [&user_id])?;
            tx.execute(
                "UPDATE refresh_tokens SET revoked = TRUE WHERE user_id = ?1",
                [&user_id],
            )?;
            // With no device holding it, the account is the student's to claim again.
            tx.execute(
                "UPDATE users SET unclaimed = TRUE WHERE id = ?1 AND password_hash = ?2",
                params![user_id, crate::NO_PASSWORD],
            )?;
            tx.commit()?;
            Ok(gone as u64)
        })
        .await
    }

    pub async fn device_key_owner(&self, key: String) -> Result<Option<String>> {
        self.with(move |c| {
            Ok(c.query_row(
                "SELECT user_id FROM device_keys WHERE public_key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }

    pub async fn device_keys_of(&self, user_id: String) -> Result<Vec<String>> {
        self.with(move |c| {
            let mut stmt = c.prepare(
                "SELECT public_key FROM device_keys WHERE user_id = ?1 ORDER BY added_at",
            )?;
            let keys = stmt
                .query_map([user_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(keys)
        })
        .await
    }

    pub async fn bundle_code(&self, user_id: String, fresh: String) -> Result<Option<String>> {
        self.with(move |c| {
            c.execute(
                "UPDATE users SET bundle_code = ?2 WHERE id = ?1 AND bundle_code IS NULL AND ?2 <> ''",
                params![user_id, fresh],
            )?;
            Ok(c.query_row(
                "SELECT bundle_code FROM users WHERE id = ?1",
                [user_id],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }

    pub async fn usage(&self, owner: String) -> Result<super::Usage> {
        self.with(move |c| {
            let (docs, doc_bytes): (i64, i64) = c.query_row(
                "SELECT COUNT(DISTINCT doc_id), COALESCE(SUM(LENGTH(bytes)), 0)
                 FROM doc_chunks WHERE owner = ?1",
                [&owner],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let (media, media_bytes): (i64, i64) = c.query_row(
                "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM media WHERE owner = ?1",
                [&owner],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(super::Usage {
                bytes: doc_bytes + media_bytes,
                docs,
                media,
            })
        })
        .await
    }

    pub async fn sweep_partial(&self, before: i64) -> Result<u64> {
        self.with(move |c| {
            let tx = c.transaction()?;
            tx.execute(
                "DELETE FROM media_parts WHERE EXISTS (
                     SELECT 1 FROM media m WHERE m.owner = media_parts.owner
                     AND m.sha256 = media_parts.sha256 AND NOT m.complete AND m.touched_at < ?1)",
                [before],
            )?;
            let swept = tx.execute(
                "DELETE FROM media WHERE NOT complete AND touched_at < ?1",
                [before],
            )?;
            tx.commit()?;
            Ok(swept as u64)
        })
        .await
    }

    pub async fn set_class_code(
        &self,
        class_id: String,
        code: String,
        expires_at: i64,
    ) -> Result<()> {
        self.with(move |c| {
            let taken: bool = c.query_row(
                "SELECT EXISTS (SELECT 1 FROM classes WHERE code = ?1 AND id <> ?2)",
                params![code, class_id],
                |r| r.get(0),
            )?;
            if taken {
                return Err(StoreError::NameTaken(code));
            }
            c.execute(
                "UPDATE classes SET code = ?2, code_expires_at = ?3 WHERE id = ?1",
                params![class_id, code, expires_at],
            )?;
            Ok(())
        })
        .await
    }

    pub async fn lesson_media_of(&self, student: String) -> Result<Vec<(String, String)>> {
        self.with(move |c| {
            let mut stmt = c.prepare_cached(
                "SELECT sha256, owner FROM lesson_media WHERE student = ?1 ORDER BY sha256",
            )?;
            let found = stmt
                .query_map([student], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(found)
        })
        .await
    }

    pub async fn lesson_media_owner(
        &self,
        student: String,
        sha256: String,
    ) -> Result<Option<String>> {
        self.with(move |c| {
            Ok(c.query_row(
                "SELECT owner FROM lesson_media WHERE student = ?1 AND sha256 = ?2",
                params![student, sha256],
                |r| r.get(0),
            )
            .optional()?)
        })
        .await
    }
}

fn read_user(r: &rusqlite::Row) -> rusqlite::Result<User> {
    let role: String = r.get(3)?;
    Ok(User {
        id: r.get(0)?,
        name: r.get(1)?,
        password_hash: r.get(2)?,
        role: Role::parse(&role).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("role {role:?}").into(),
            )
        })?,
    })
}

pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
