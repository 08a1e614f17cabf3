//! The store for a school that outgrows one machine: PostgreSQL, shared by any number
//! of server instances.

use std::collections::HashMap;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

use super::{
    Assignment, Class, Decision, DocWrite, KeptRefresh, MIGRATIONS, MediaState, Member, Refresh,
    RefreshUse, Result, Role, StoreError, StoredDoc, User, decide, json_list, read_list,
};

#[derive(Clone)]
pub struct Postgres {
    pool: Pool,
}

/// The URL as tokio-postgres reads it, and whether it asks for TLS: libpq's
/// `verify-full` and `verify-ca` are `require` here, whose certificate is always
/// verified.
fn wants_tls(url: &str) -> (String, bool) {
    let mut tls = false;
    let mut out = url.to_owned();
    for mode in ["verify-full", "verify-ca", "require"] {
        let asked = format!("sslmode={mode}");
        if out.contains(&asked) {
            tls = true;
            out = out.replace(&asked, "sslmode=require");
        }
    }
    (out, tls)
}

/// TLS to the database, its certificate verified against the system's roots and `ca`.
fn tls_connector(ca: Option<&[u8]>) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    if let Some(ca) = ca {
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(ca)
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| StoreError::Pool(format!("the database's CA does not read: {e}")))?;
        if certs.is_empty() {
            return Err(StoreError::Pool(
                "the database's CA holds no certificate".into(),
            ));
        }
        for cert in certs {
            roots
                .add(cert)
                .map_err(|e| StoreError::Pool(format!("the database's CA: {e}")))?;
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| StoreError::Pool(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

fn pool_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Pool(e.to_string())
}

impl Postgres {
    /// Connects to the database at `url`. With `sslmode=require` (or `verify-full`,
    /// `verify-ca`) in it, only over TLS, the database's certificate verified against the
    /// system's roots and `ca` (PEM, the authority of a school's own database); without,
    /// as the URL says (plain on a trusted network or a socket).
    pub async fn open(url: &str, ca: Option<&[u8]>) -> Result<Postgres> {
        let (url, tls) = wants_tls(url);
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| StoreError::Pool(format!("the database URL does not read: {e}")))?;
        let manager_config = ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        };
        let manager = if tls {
            Manager::from_config(config, tls_connector(ca)?, manager_config)
        } else {
            Manager::from_config(config, NoTls, manager_config)
        };
        let pool = Pool::builder(manager)
            .max_size(16)
            .build()
            .map_err(pool_error)?;
        let store = Postgres { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<()> {
        let mut client = self.pool.get().await.map_err(pool_error)?;
        let tx = client.transaction().await?;
        // Instances starting together take turns.
        tx.execute("SELECT pg_advisory_xact_lock(7431)", &[])
            .await?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            .await?;
        let done: i64 = tx
            .query_one("SELECT COUNT(*) FROM schema_version", &[])
            .await?
            .get(0);
        for migration in MIGRATIONS.iter().skip(done as usize) {
            let sql = migration
                .replace("@SERIAL@", "BIGSERIAL PRIMARY KEY")
                .replace("@BLOB@", "BYTEA")
                .replace(
                    "@NOW_MS@",
                    "(CAST(EXTRACT(EPOCH FROM now()) * 1000 AS BIGINT))",
                );
            tx.batch_execute(&sql).await?;
            tx.execute("INSERT INTO schema_version (version) VALUES (1)", &[])
                .await?;
        }
        // The names kept before name keys get theirs, then keys are unique.
        let missing = tx
            .query(
                "SELECT id, name FROM users WHERE name_key IS NULL ORDER BY created_at",
                &[],
            )
            .await?;
        for row in missing {
            let (id, name): (String, String) = (row.get(0), row.get(1));
            let mut taken_keys = std::collections::HashSet::new();
            for row in tx
                .query("SELECT name_key FROM users WHERE name_key IS NOT NULL", &[])
                .await?
            {
                taken_keys.insert(row.get::<_, String>(0));
            }
            let key = super::backfilled_key(&name, &id, &|k| taken_keys.contains(k));
            tx.execute("UPDATE users SET name_key = $2 WHERE id = $1", &[&id, &key])
                .await?;
        }
        tx.batch_execute("CREATE UNIQUE INDEX IF NOT EXISTS users_name_key ON users (name_key)")
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn client(&self) -> Result<deadpool_postgres::Object> {
        self.pool.get().await.map_err(pool_error)
    }

    pub async fn setting_or(&self, key: &'static str, fresh: Vec<u8>) -> Result<Vec<u8>> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO settings (key, value) VALUES ($1, $2)
                 ON CONFLICT (key) DO NOTHING",
                &[&key, &fresh],
            )
            .await?;
        Ok(client
            .query_one("SELECT value FROM settings WHERE key = $1", &[&key])
            .await?
            .get(0))
    }

    pub async fn connection_tls(&self) -> Result<bool> {
        let client = self.client().await?;
        Ok(client
            .query_opt(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .await?
            .is_some_and(|row| row.get::<_, bool>(0)))
    }

    pub async fn set_setting(&self, key: &'static str, value: Vec<u8>) -> Result<()> {
        let client = self.client().await?;
        client
            .execute(
                "UPDATE settings SET value = $2 WHERE key = $1",
                &[&key, &value],
            )
            .await?;
        Ok(())
    }

    pub async fn add_user(&self, user: User) -> Result<()> {
        let client = self.client().await?;
        let Some(key) = crate::names::key(&user.name) else {
            return Err(StoreError::NameTaken(user.name));
        };
        let added = client
            .execute(
                "INSERT INTO users (id, name, password_hash, role, created_at, name_key)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
                &[
                    &user.id,
                    &user.name,
                    &user.password_hash,
                    &user.role.as_str(),
                    &super::sqlite::now_ms(),
                    &key,
                ],
            )
            .await?;
        if added == 0 {
            return Err(StoreError::NameTaken(user.name));
        }
        Ok(())
    }

    pub async fn user_by_name(&self, name: String) -> Result<Option<User>> {
        let Some(name) = crate::names::key(&name) else {
            return Ok(None);
        };
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT id, name, password_hash, role FROM users WHERE name_key = $1",
                &[&name],
            )
            .await?;
        row.map(|r| read_user(&r)).transpose()
    }

    pub async fn user(&self, id: String) -> Result<Option<User>> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "SELECT id, name, password_hash, role FROM users WHERE id = $1",
                &[&id],
            )
            .await?;
        row.map(|r| read_user(&r)).transpose()
    }

    pub async fn set_password(&self, name: String, hash: String) -> Result<bool> {
        let Some(name) = crate::names::key(&name) else {
            return Ok(false);
        };
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let changed = tx
            .execute(
                "UPDATE users SET password_hash = $2 WHERE name_key = $1",
                &[&name, &hash],
            )
            .await?
            == 1;
        tx.execute(
            "UPDATE refresh_tokens SET revoked = TRUE
             WHERE user_id = (SELECT id FROM users WHERE name_key = $1)",
            &[&name],
        )
        .await?;
        tx.execute(
            "DELETE FROM device_keys
             WHERE user_id = (SELECT id FROM users WHERE name_key = $1)",
            &[&name],
        )
        .await?;
        tx.commit().await?;
        Ok(changed)
    }

    pub async fn users(&self) -> Result<Vec<User>> {
        let client = self.client().await?;
        client
            .query(
                "SELECT id, name, password_hash, role FROM users ORDER BY name",
                &[],
            )
            .await?
            .iter()
            .map(read_user)
            .collect()
    }

    pub async fn put_refresh(&self, token: Refresh) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "INSERT INTO refresh_tokens (hash, user_id, device, family, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &token.hash,
                &token.user_id,
                &token.device,
                &token.family,
                &token.expires_at,
            ],
        )
        .await?;
        if let Some(old) = &token.replaces {
            tx.execute(
                "UPDATE refresh_tokens SET replaced_by = $2 WHERE hash = $1",
                &[old, &token.hash],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn use_refresh(&self, hash: Vec<u8>, now: i64) -> Result<RefreshUse> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let found = tx
            .query_opt(
                "SELECT t.user_id, t.device, t.family, t.expires_at, t.used_at, t.revoked,
                        s.hash, s.used_at IS NOT NULL, s.revoked
                 FROM refresh_tokens t LEFT JOIN refresh_tokens s ON s.hash = t.replaced_by
                 WHERE t.hash = $1 FOR UPDATE OF t",
                &[&hash],
            )
            .await?;
        let outcome = match found {
            None => RefreshUse::Unknown,
            Some(row) => {
                let successor: Option<Vec<u8>> = row.get(6);
                let kept = KeptRefresh {
                    token: Refresh {
                        hash: hash.clone(),
                        user_id: row.get(0),
                        device: row.get(1),
                        family: row.get(2),
                        expires_at: row.get(3),
                        replaces: None,
                    },
                    used_at: row.get(4),
                    revoked: row.get(5),
                    successor: successor.map(|s| (s, row.get(7), row.get(8))),
                };
                match decide(&kept, now) {
                    Decision::Use => {
                        tx.execute(
                            "UPDATE refresh_tokens SET used_at = $2 WHERE hash = $1",
                            &[&hash, &now],
                        )
                        .await?;
                        RefreshUse::Fresh(kept.token)
                    }
                    Decision::Regrant { revoke } => {
                        tx.execute(
                            "UPDATE refresh_tokens SET revoked = TRUE WHERE hash = $1",
                            &[&revoke],
                        )
                        .await?;
                        RefreshUse::Fresh(kept.token)
                    }
                    Decision::Reuse => {
                        tx.execute(
                            "UPDATE refresh_tokens SET revoked = TRUE WHERE family = $1",
                            &[&kept.token.family],
                        )
                        .await?;
                        RefreshUse::Reused
                    }
                    Decision::Unknown => RefreshUse::Unknown,
                }
            }
        };
        tx.commit().await?;
        Ok(outcome)
    }

    pub async fn revoke_family_of(&self, hash: Vec<u8>) -> Result<()> {
        let client = self.client().await?;
        client
            .execute(
                "UPDATE refresh_tokens SET revoked = TRUE WHERE family =
                 (SELECT family FROM refresh_tokens WHERE hash = $1)",
                &[&hash],
            )
            .await?;
        Ok(())
    }

    pub async fn load_docs(
        &self,
        owner: String,
        ids: Vec<String>,
    ) -> Result<HashMap<String, StoredDoc>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT doc_id, seq, bytes FROM doc_chunks
                 WHERE owner = $1 AND doc_id = ANY($2) ORDER BY doc_id, seq",
                &[&owner, &ids],
            )
            .await?;
        let mut docs: HashMap<String, StoredDoc> = ids
            .into_iter()
            .map(|id| (id, StoredDoc::default()))
            .collect();
        for row in rows {
            let doc = docs.entry(row.get(0)).or_default();
            doc.last_seq = row.get(1);
            doc.chunks.push(row.get(2));
        }
        Ok(docs)
    }

    pub async fn load_states(
        &self,
        device: String,
        owner: String,
        ids: Vec<String>,
    ) -> Result<HashMap<String, Vec<u8>>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT doc_id, state FROM sync_states
                 WHERE device = $1 AND owner = $2 AND doc_id = ANY($3)",
                &[&device, &owner, &ids],
            )
            .await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    pub async fn changed_since(
        &self,
        owner: String,
        cursor: i64,
        limit: i64,
    ) -> Result<Vec<(String, i64)>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT doc_id, MAX(seq) AS last FROM doc_chunks WHERE owner = $1 AND seq > $2
                 GROUP BY doc_id ORDER BY last LIMIT $3",
                &[&owner, &cursor, &limit],
            )
            .await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    pub async fn commit(
        &self,
        owner: String,
        device: String,
        writes: Vec<DocWrite>,
        states: Vec<(String, Vec<u8>)>,
    ) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // One writer per owner at a time, across every instance: positions are then
        // handed out in the order they become visible.
        tx.execute("SELECT pg_advisory_xact_lock(hashtext($1))", &[&owner])
            .await?;
        for write in writes {
            if let Some(upto) = write.replaces_upto {
                tx.execute(
                    "DELETE FROM doc_chunks WHERE owner = $1 AND doc_id = $2 AND seq <= $3",
                    &[&owner, &write.doc_id, &upto],
                )
                .await?;
            }
            tx.execute(
                "INSERT INTO doc_chunks (owner, doc_id, bytes) VALUES ($1, $2, $3)",
                &[&owner, &write.doc_id, &write.chunk],
            )
            .await?;
        }
        for (doc_id, state) in states {
            tx.execute(
                "INSERT INTO sync_states (device, owner, doc_id, state) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (device, owner, doc_id) DO UPDATE SET state = excluded.state",
                &[&device, &owner, &doc_id, &state],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn media_state(&self, owner: String, sha256: String) -> Result<Option<MediaState>> {
        let client = self.client().await?;
        Ok(client
            .query_opt(
                "SELECT size, received, complete FROM media WHERE owner = $1 AND sha256 = $2",
                &[&owner, &sha256],
            )
            .await?
            .map(|r| MediaState {
                size: r.get(0),
                received: r.get(1),
                complete: r.get(2),
            }))
    }

    pub async fn media_append(
        &self,
        owner: String,
        sha256: String,
        size: i64,
        offset: i64,
        bytes: Vec<u8>,
    ) -> Result<MediaState> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "INSERT INTO media (owner, sha256, size, received, touched_at)
             VALUES ($1, $2, $3, 0, $4) ON CONFLICT (owner, sha256) DO NOTHING",
            &[&owner, &sha256, &size, &super::sqlite::now_ms()],
        )
        .await?;
        let row = tx
            .query_one(
                "SELECT size, received, complete FROM media
                 WHERE owner = $1 AND sha256 = $2 FOR UPDATE",
                &[&owner, &sha256],
            )
            .await?;
        let received: i64 = row.get(1);
        let state = super::check_append(row.get(0), received, row.get(2), size, offset, &bytes)?;
        if state.received > received {
            tx.execute(
                "INSERT INTO media_parts (owner, sha256, start_at, bytes) VALUES ($1, $2, $3, $4)",
                &[&owner, &sha256, &offset, &bytes],
            )
            .await?;
            tx.execute(
                "UPDATE media SET received = $3, touched_at = $4 WHERE owner = $1 AND sha256 = $2",
                &[&owner, &sha256, &state.received, &super::sqlite::now_ms()],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(state)
    }

    pub async fn media_parts(&self, owner: String, sha256: String) -> Result<Vec<(i64, Vec<u8>)>> {
        let client = self.client().await?;
        Ok(client
            .query(
                "SELECT start_at, bytes FROM media_parts WHERE owner = $1 AND sha256 = $2
                 ORDER BY start_at",
                &[&owner, &sha256],
            )
            .await?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect())
    }

    pub async fn media_finish(&self, owner: String, sha256: String, ok: bool) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        if ok {
            tx.execute(
                "UPDATE media SET complete = TRUE WHERE owner = $1 AND sha256 = $2",
                &[&owner, &sha256],
            )
            .await?;
        } else {
            tx.execute(
                "DELETE FROM media_parts WHERE owner = $1 AND sha256 = $2",
                &[&owner, &sha256],
            )
            .await?;
            tx.execute(
                "DELETE FROM media WHERE owner = $1 AND sha256 = $2",
                &[&owner, &sha256],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

const CLASS_COLUMNS: &str =
    "SELECT c.id, c.name, c.teacher, u.name, c.code, c.created_at, c.code_expires_at
     FROM classes c JOIN users u ON u.id = c.teacher";

impl Postgres {
    pub async fn add_class(&self, class: Class) -> Result<()> {
        let client = self.client().await?;
        let added = client
            .execute(
                "INSERT INTO classes (id, name, teacher, code, created_at, code_expires_at)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING",
                &[
                    &class.id,
                    &class.name,
                    &class.teacher,
                    &class.code,
                    &class.created_at,
                    &class.code_expires_at,
                ],
            )
            .await?;
        if added == 0 {
            return Err(StoreError::NameTaken(class.code));
        }
        Ok(())
    }

    /// The classes `filter` (SQL on `c`, with `@1` for `arg`) picks, by name.
    pub async fn classes(&self, filter: &'static str, arg: String) -> Result<Vec<Class>> {
        let client = self.client().await?;
        let sql = format!(
            "{CLASS_COLUMNS} WHERE {} ORDER BY c.name, c.id",
            filter.replace("@1", "$1")
        );
        let rows = client.query(&sql, &[&arg]).await?;
        Ok(rows
            .iter()
            .map(|r| Class {
                id: r.get(0),
                name: r.get(1),
                teacher: r.get(2),
                teacher_name: r.get(3),
                code: r.get(4),
                created_at: r.get(5),
                code_expires_at: r.get::<_, Option<i64>>(6).unwrap_or(0),
            })
            .collect())
    }

    pub async fn add_member(&self, class_id: String, user_id: String) -> Result<bool> {
        let client = self.client().await?;
        Ok(client
            .execute(
                "INSERT INTO class_members (class_id, user_id, joined_at) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                &[&class_id, &user_id, &super::sqlite::now_ms()],
            )
            .await?
            == 1)
    }

    pub async fn remove_member(&self, class_id: String, user_id: String) -> Result<bool> {
        let client = self.client().await?;
        Ok(client
            .execute(
                "DELETE FROM class_members WHERE class_id = $1 AND user_id = $2",
                &[&class_id, &user_id],
            )
            .await?
            == 1)
    }

    pub async fn members(&self, class_id: String) -> Result<Vec<Member>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT u.id, u.name, m.joined_at FROM class_members m
                 JOIN users u ON u.id = m.user_id WHERE m.class_id = $1 ORDER BY u.name",
                &[&class_id],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| Member {
                id: r.get(0),
                name: r.get(1),
                joined_at: r.get(2),
            })
            .collect())
    }

    pub async fn put_assignment(&self, a: Assignment) -> Result<()> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO assignments (id, class_id, title, docs, media, students, assigned_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (id) DO UPDATE SET title = excluded.title, docs = excluded.docs,
                     media = excluded.media, students = excluded.students
                 WHERE assignments.class_id = excluded.class_id",
                &[
                    &a.id,
                    &a.class_id,
                    &a.title,
                    &json_list(&a.docs),
                    &json_list(&a.media),
                    &a.students.as_deref().map(json_list),
                    &a.assigned_at,
                ],
            )
            .await?;
        Ok(())
    }

    pub async fn assignments(&self, class_id: String) -> Result<Vec<Assignment>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT id, class_id, title, docs, media, students, assigned_at FROM assignments
                 WHERE class_id = $1 ORDER BY assigned_at, id",
                &[&class_id],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| Assignment {
                id: r.get(0),
                class_id: r.get(1),
                title: r.get(2),
                docs: read_list(r.get(3)),
                media: read_list(r.get(4)),
                students: r.get::<_, Option<&str>>(5).map(read_list),
                assigned_at: r.get(6),
            })
            .collect())
    }

    pub async fn add_lesson_media(
        &self,
        student: String,
        owner: String,
        media: Vec<String>,
    ) -> Result<()> {
        let client = self.client().await?;
        client
            .execute(
                "INSERT INTO lesson_media (student, sha256, owner)
                 SELECT $1, m, $2 FROM UNNEST($3::TEXT[]) AS m ON CONFLICT DO NOTHING",
                &[&student, &owner, &media],
            )
            .await?;
        Ok(())
    }

    pub async fn mark_unclaimed(&self, user_id: String) -> Result<()> {
        let client = self.client().await?;
        client
            .execute(
                "UPDATE users SET unclaimed = TRUE WHERE id = $1",
                &[&user_id],
            )
            .await?;
        Ok(())
    }

    pub async fn set_claim(
        &self,
        user_id: String,
        claim_hash: String,
        expires_at: i64,
    ) -> Result<bool> {
        let client = self.client().await?;
        Ok(client
            .execute(
                "UPDATE users SET claim_hash = $2, claim_expires_at = $3 WHERE id = $1 AND unclaimed",
                &[&user_id, &claim_hash, &expires_at],
            )
            .await?
            == 1)
    }

    pub async fn claim(
        &self,
        user_id: String,
        claim_hash: String,
        hash: String,
        now: i64,
    ) -> Result<bool> {
        let client = self.client().await?;
        Ok(client
            .execute(
                "UPDATE users SET password_hash = $3, unclaimed = FALSE, claim_hash = NULL
                 WHERE id = $1 AND unclaimed AND claim_hash = $2 AND claim_expires_at > $4",
                &[&user_id, &claim_hash, &hash, &now],
            )
            .await?
            == 1)
    }

    pub async fn add_device_key(
        &self,
        user_id: String,
        device: String,
        key: String,
    ) -> Result<bool> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // One account's keys are added one at a time, so the count below holds.
        tx.execute("SELECT 1 FROM users WHERE id = $1 FOR UPDATE", &[&user_id])
            .await?;
        if let Some(row) = tx
            .query_opt(
                "SELECT user_id FROM device_keys WHERE public_key = $1",
                &[&key],
            )
            .await?
        {
            let owner: String = row.get(0);
            return Ok(owner == user_id);
        }
        let held: i64 = tx
            .query_one(
                "SELECT COUNT(*) FROM device_keys WHERE user_id = $1",
                &[&user_id],
            )
            .await?
            .get(0);
        if held >= super::MAX_DEVICE_KEYS {
            return Ok(false);
        }
        let added = tx
            .execute(
                "INSERT INTO device_keys (public_key, user_id, device, added_at)
                 VALUES ($1, $2, $3, $4) ON CONFLICT (public_key) DO NOTHING",
                &[&key, &user_id, &device, &super::sqlite::now_ms()],
            )
            .await?;
        // A device holds the account now: there is nothing left to claim.
        tx.execute(
            "UPDATE users SET unclaimed = FALSE, claim_hash = NULL WHERE id = $1",
            &[&user_id],
        )
        .await?;
        tx.commit().await?;
        Ok(added == 1)
    }

    pub async fn device_key_device(&self, key: String) -> Result<Option<(String, String)>> {
        let client = self.client().await?;
        Ok(client
            .query_opt(
                "SELECT user_id, device FROM device_keys WHERE public_key = $1",
                &[&key],
            )
            .await?
            .map(|row| (row.get(0), row.get(1))))
    }

    pub async fn forget_device_keys(&self, user_id: String) -> Result<u64> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let gone = tx
            .execute("DELETE FROM device_keys WHERE user_id = $1", &[&user_id])
            .await?;
        tx.execute(
            "UPDATE refresh_tokens SET revoked = TRUE WHERE user_id = $1",
            &[&user_id],
        )
        .await?;
        tx.execute(
            "UPDATE users SET unclaimed = TRUE WHERE id = $1 AND password_hash = $2",
            &[&user_id, &crate::NO_PASSWORD],
        )
        .await?;
        tx.commit().await?;
        Ok(gone)
    }

    pub async fn device_key_owner(&self, key: String) -> Result<Option<String>> {
        let client = self.client().await?;
        Ok(client
            .query_opt(
                "SELECT user_id FROM device_keys WHERE public_key = $1",
                &[&key],
            )
            .await?
            .map(|row| row.get(0)))
    }

    pub async fn device_keys_of(&self, user_id: String) -> Result<Vec<String>> {
        let client = self.client().await?;
        Ok(client
            .query(
                "SELECT public_key FROM device_keys WHERE user_id = $1 ORDER BY added_at",
                &[&user_id],
            )
            .await?
            .into_iter()
            .map(|row| row.get(0))
            .collect())
    }

    pub async fn bundle_code(&self, user_id: String, fresh: String) -> Result<Option<String>> {
        let client = self.client().await?;
        client
            .execute(
                "UPDATE users SET bundle_code = $2 WHERE id = $1 AND bundle_code IS NULL AND $2 <> ''",
                &[&user_id, &fresh],
            )
            .await?;
        Ok(client
            .query_opt("SELECT bundle_code FROM users WHERE id = $1", &[&user_id])
            .await?
            .and_then(|row| row.get(0)))
    }

    pub async fn usage(&self, owner: String) -> Result<super::Usage> {
        let client = self.client().await?;
        let docs = client
            .query_one(
                "SELECT COUNT(DISTINCT doc_id), COALESCE(SUM(octet_length(bytes)), 0)::BIGINT
                 FROM doc_chunks WHERE owner = $1",
                &[&owner],
            )
            .await?;
        let media = client
            .query_one(
                "SELECT COUNT(*), COALESCE(SUM(size), 0)::BIGINT FROM media WHERE owner = $1",
                &[&owner],
            )
            .await?;
        Ok(super::Usage {
            bytes: docs.get::<_, i64>(1) + media.get::<_, i64>(1),
            docs: docs.get(0),
            media: media.get(0),
        })
    }

    pub async fn sweep_partial(&self, before: i64) -> Result<u64> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "DELETE FROM media_parts p USING media m
             WHERE m.owner = p.owner AND m.sha256 = p.sha256
             AND NOT m.complete AND m.touched_at < $1",
            &[&before],
        )
        .await?;
        let swept = tx
            .execute(
                "DELETE FROM media WHERE NOT complete AND touched_at < $1",
                &[&before],
            )
            .await?;
        tx.commit().await?;
        Ok(swept)
    }

    pub async fn set_class_code(
        &self,
        class_id: String,
        code: String,
        expires_at: i64,
    ) -> Result<()> {
        let client = self.client().await?;
        let changed = client
            .execute(
                "UPDATE classes SET code = $2, code_expires_at = $3
                 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM classes WHERE code = $2 AND id <> $1)",
                &[&class_id, &code, &expires_at],
            )
            .await;
        match changed {
            Ok(1) => Ok(()),
            // Another class has the code, or took it meanwhile (the unique index says).
            Ok(_) => Err(StoreError::NameTaken(code)),
            Err(e) if e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) => {
                Err(StoreError::NameTaken(code))
            }
            Err(e) => Err(e.into()),
        }
    }

    pub async fn lesson_media_of(&self, student: String) -> Result<Vec<(String, String)>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT sha256, owner FROM lesson_media WHERE student = $1 ORDER BY sha256",
                &[&student],
            )
            .await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    pub async fn lesson_media_owner(
        &self,
        student: String,
        sha256: String,
    ) -> Result<Option<String>> {
        let client = self.client().await?;
        Ok(client
            .query_opt(
                "SELECT owner FROM lesson_media WHERE student = $1 AND sha256 = $2",
                &[&student, &sha256],
            )
            .await?
            .map(|r| r.get(0)))
    }
}

fn read_user(r: &tokio_postgres::Row) -> Result<User> {
    let role: String = r.get(3);
    Ok(User {
        id: r.get(0),
        name: r.get(1),
        password_hash: r.get(2),
        role: Role::parse(&role)
            .ok_or_else(|| StoreError::Migration(format!("a user with role {role:?}")))?,
    })
}
