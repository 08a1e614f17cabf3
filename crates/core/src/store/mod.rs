//! The encrypted store: one SQLCipher database per profile.
//!
//! Opening fails closed: the linked SQLite must be SQLCipher, the key must open the
//! file (checked by a read, because `PRAGMA key` itself always succeeds), and the file
//! must already exist unless we are creating a profile — a wrong or missing key can
//! never turn into a new, empty database.

pub(crate) mod blobs;
pub(crate) mod cards;
pub(crate) mod decks;
pub(crate) mod docs;
pub(crate) mod notes;
pub(crate) mod recovery_codes;
pub(crate) mod reviews;
pub(crate) mod settings;
pub(crate) mod sources;
pub(crate) mod tx;
pub(crate) mod vectors;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use rusqlite_migration::{M, Migrations};
use zeroize::Zeroizing;

use crate::keys::DataKey;
use crate::{Error, Result};

/// The schema, from `migrations/` at the repository root, embedded at compile time.
const MIGRATION_STEPS: &[M<'static>] = &[
    M::up(include_str!("../../../../migrations/0001_notes.sql")),
    M::up(include_str!(
        "../../../../migrations/0002_unshown_recovery_codes.sql"
    )),
    M::up(include_str!("../../../../migrations/0003_sources.sql")),
    M::up(include_str!("../../../../migrations/0004_recordings.sql")),
    M::up(include_str!(
        "../../../../migrations/0005_pictures_and_documents.sql"
    )),
    M::up(include_str!(
        "../../../../migrations/0006_page_pictures.sql"
    )),
    M::up(include_str!("../../../../migrations/0007_search.sql")),
    M::up(include_str!("../../../../migrations/0008_concepts.sql")),
    M::up(include_str!("../../../../migrations/0009_jobs.sql")),
    M::up(include_str!("../../../../migrations/0010_packs.sql")),
    M::up(include_str!("../../../../migrations/0011_learning.sql")),
    M::up(include_str!("../../../../migrations/0012_shared.sql")),
    M::up(include_str!("../../../../migrations/0013_synced_media.sql")),
    M::up(include_str!("../../../../migrations/0014_synced_heads.sql")),
    M::up(include_str!("../../../../migrations/0015_lessons.sql")),
    M::up(include_str!(
        "../../../../migrations/0016_job_interruptions.sql"
    )),
    M::up(include_str!(
        "../../../../migrations/0017_source_error_detail.sql"
    )),
    M::up(include_str!(
        "../../../../migrations/0018_words_by_language.sql"
    )),
];
const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_STEPS);

pub(crate) const DATABASE_FILE: &str = "satchel.db";

/// How the database file is protected.
#[derive(Clone, Copy)]
pub(crate) enum Cipher<'a> {
    Key(&'a DataKey),
    /// SQLCipher with no key behaves as plain SQLite. Only the benchmark uses it, to
    /// measure what encryption costs on the very same code path.
    PlaintextForBenchmark,
}

/// Reads from an open store: what the store layer's caches are handed to read through
/// (the profile, which holds the connection).
pub(crate) trait Read {
    fn read<T>(&self, query: impl FnOnce(&Connection) -> Result<T>) -> Result<T>;
}

pub(crate) struct Store {
    conn: Connection,
    /// The database's key, for the second connection a backup reads through (so the
    /// app is never held up while a large library is copied).
    key: Option<DataKey>,
}

impl Store {
    /// Creates a new database; refuses if the file is already there.
    pub fn create(path: &Path, cipher: Cipher<'_>) -> Result<Self> {
        if path.exists() {
            return Err(Error::InvalidInput(format!(
                "{} already exists; refusing to overwrite it",
                path.display()
            )));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Self::connect(path, flags, cipher, "")
    }

    /// Opens an existing database; a missing file is an error, never a fresh start.
    pub fn open(path: &Path, cipher: Cipher<'_>, profile: &str) -> Result<Self> {
        if !path.is_file() {
            return Err(Error::Io {
                action: "open the database",
                path: path.to_owned(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "the file is missing"),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Self::connect(path, flags, cipher, profile)
    }

    fn connect(path: &Path, flags: OpenFlags, cipher: Cipher<'_>, profile: &str) -> Result<Self> {
        sqlcipher_ready()?;
        let mut conn = Connection::open_with_flags(path, flags)?;
        // A wrong key is reported through our error; SQLCipher's own stderr line about
        // an HMAC failure would only alarm a person reading the terminal.
        conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
        if let Cipher::Key(key) = cipher {
            let statement = Zeroizing::new(format!("PRAGMA key = {};", *key.sqlcipher_literal()));
            conn.execute_batch(&statement)?;
        }
        let cipher_version = cipher_version(&conn)?;
        if cipher_version.is_empty() {
            return Err(Error::NotSqlCipher);
        }
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
            row.get::<_, i64>(0)
        })
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => Error::WrongKey {
                profile: profile.to_owned(),
            },
            _ => Error::Sqlite(e),
        })?;
        // WAL: readers never block the writer. synchronous=FULL: a note is on disk
        // when its save returns, even if the laptop's battery dies the next second.
        // temp_store=MEMORY: sorts and temporary tables never reach disk unencrypted.
        // cache_size: 16 MiB of decrypted pages kept, since every page read again from
        // the file is decrypted again.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::InvalidInput(format!(
                "the database refused write-ahead logging (journal mode {mode})"
            )));
        }
        conn.execute_batch(
            "PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = OFF;
             PRAGMA temp_store = MEMORY;
             PRAGMA busy_timeout = 5000;
             PRAGMA cache_size = -16384;",
        )?;
        // Foreign keys are enforced from here on, but not during migrations: a table
        // rebuilt to change a constraint is dropped and recreated, and with them on
        // the drop would cascade. Whatever the migrations leave is checked instead.
        MIGRATIONS.to_latest(&mut conn)?;
        conn.execute_batch("PRAGMA foreign_keys = ON;")?;
        let broken: i64 =
            conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })?;
        if broken > 0 {
            return Err(Error::InvalidInput(format!(
                "the library's links are broken in {broken} places after an upgrade"
            )));
        }
        let key = match cipher {
            Cipher::Key(key) => Some(key.clone()),
            _ => None,
        };
        Ok(Self { conn, key })
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn cipher_version(&self) -> Result<String> {
        cipher_version(&self.conn)
    }

    /// Re-encrypts every page under `key`. The WAL is folded into the main file first
    /// so no page is left under the old key.
    pub fn rekey(&mut self, key: &DataKey) -> Result<()> {
        self.checkpoint()?;
        let statement = Zeroizing::new(format!("PRAGMA rekey = {};", *key.sqlcipher_literal()));
        self.conn.execute_batch(&statement)?;
        self.key = Some(key.clone());
        self.checkpoint()
    }

    /// What a copy of the database needs: its file and key.
    pub fn source(&self) -> (PathBuf, Option<DataKey>) {
        (
            PathBuf::from(self.conn.path().unwrap_or_default()),
            self.key.clone(),
        )
    }

    fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// SQLite's page-level check and SQLCipher's HMAC check of every page; the
    /// problems found, or an empty list.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut problems: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|line| line != "ok")
            .collect();
        problems.extend(
            self.conn
                .prepare("PRAGMA cipher_integrity_check")?
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?,
        );
        Ok(problems)
    }
}

/// Copies the database at `source` (under `key`) to the new file `dest`, page by page
/// and still encrypted under the same key, through a connection of its own: one read
/// transaction, so the copy is the library at one moment while the app goes on
/// writing (write-ahead logging lets a reader and the writer work at once).
pub(crate) fn snapshot(source: &Path, key: Option<&DataKey>, dest: &Path) -> Result<()> {
    use rusqlite::backup::{Backup, StepResult};
    sqlcipher_ready()?;
    let keyed = |conn: &Connection| -> Result<()> {
        conn.execute_batch("PRAGMA cipher_log_level = NONE;")?;
        if let Some(key) = key {
            let statement = Zeroizing::new(format!("PRAGMA key = {};", *key.sqlcipher_literal()));
            conn.execute_batch(&statement)?;
        }
        Ok(())
    };
    let from = Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    keyed(&from)?;
    from.execute_batch("PRAGMA busy_timeout = 5000;")?;
    let mut to = Connection::open_with_flags(
        dest,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    keyed(&to)?;
    {
        let backup = Backup::new(&from, &mut to)?;
        // Every page in one step: one read transaction, one moment of the library.
        // A writer holding the file a moment is waited for, a few seconds at most.
        let mut tries = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More | StepResult::Busy | StepResult::Locked if tries < 200 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                _ => {
                    return Err(Error::InUse(
                        "the library stayed busy while it was copied".into(),
                    ));
                }
            }
        }
    }
    // The copy is whole and its pages open under the key, or it is no backup.
    let check: String = to.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if check != "ok" {
        return Err(Error::Damaged(format!(
            "the copy of the library does not check out ({check})"
        )));
    }
    to.execute_batch("PRAGMA journal_mode = DELETE;")?;
    Ok(())
}

/// Finishes SQLCipher's process-wide set-up before the first connection is keyed.
///
/// SQLite marks itself initialised and only then, outside its lock, runs SQLCipher's
/// set-up (`SQLITE_EXTRA_INIT`). A second thread opening a database in that window
/// skips initialisation and its `PRAGMA key` fails ("An error occurred with PRAGMA
/// key"), which is what two profiles opened at once in a fresh process hit. Calling
/// the set-up ourselves waits on SQLite's main lock until it is done; it does nothing
/// once it is.
fn sqlcipher_ready() -> Result<()> {
    unsafe extern "C" {
        // Defined by the bundled SQLCipher (libsqlite3-sys passes
        // `-DSQLITE_EXTRA_INIT=sqlcipher_extra_init`), so it links wherever keys work.
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
        failed => Err(Error::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(failed),
            Some("SQLCipher could not start".into()),
        ))),
    }
}

fn cipher_version(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row("PRAGMA cipher_version", [], |row| {
            row.get::<_, Option<String>>(0)
        })
        .optional()?
        .flatten()
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        MIGRATIONS.validate().unwrap();
    }

    #[test]
    fn rebuilding_the_sources_table_keeps_every_transcript() {
        // A library as the voice release left it: a recording with its segments.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let key = DataKey::generate().unwrap();
        {
            let mut conn = Connection::open(&path).unwrap();
            let statement = format!("PRAGMA key = {};", *key.sqlcipher_literal());
            conn.execute_batch(&statement).unwrap();
            conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
            Migrations::from_slice(&MIGRATION_STEPS[..4])
                .to_latest(&mut conn)
                .unwrap();
            conn.execute_batch(
                "INSERT INTO blobs (id, media_type, complete, created_at) VALUES ('b', 'audio/wav', 1, 0);
                 INSERT INTO sources (id, kind, title, status, blob_id, text, created_at, updated_at)
                     VALUES ('s', 'audio', 'Lecture', 'ready', 'b', 'Cells.', 0, 0);
                 INSERT INTO segments (source_id, seq, start_ms, end_ms, text)
                     VALUES ('s', 0, 0, 900, 'Cells.');",
            )
            .unwrap();
        }
        let store = Store::open(&path, Cipher::Key(&key), "ada").unwrap();
        let (kind, segments): (String, i64) = store
            .conn()
            .query_row(
                "SELECT kind, (SELECT count(*) FROM segments WHERE source_id = 's') FROM sources",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .unwrap();
        assert_eq!((kind.as_str(), segments), ("audio", 1));
        // Foreign keys are enforced again after the upgrade.
        let orphan = store.conn().execute(
            "INSERT INTO regions (source_id, seq, page, text) VALUES ('nobody', 0, 1, 'x')",
            [],
        );
        assert!(orphan.is_err());
    }

    #[test]
    fn the_linked_sqlite_is_sqlcipher() {
        let dir = tempfile::tempdir().unwrap();
        let key = DataKey::generate().unwrap();
        let store = Store::create(&dir.path().join("a.db"), Cipher::Key(&key)).unwrap();
        let version = store.cipher_version().unwrap();
        assert!(version.starts_with('4'), "cipher_version {version:?}");
    }

    #[test]
    fn a_wrong_key_is_its_own_error_and_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let key = DataKey::generate().unwrap();
        drop(Store::create(&path, Cipher::Key(&key)).unwrap());
        let before = std::fs::read(&path).unwrap();

        let other = DataKey::generate().unwrap();
        let error = Store::open(&path, Cipher::Key(&other), "ada")
            .err()
            .unwrap();
        assert!(matches!(error, Error::WrongKey { .. }), "{error}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        Store::open(&path, Cipher::Key(&key), "ada").unwrap();
    }

    #[test]
    fn opening_never_creates_and_creating_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let key = DataKey::generate().unwrap();
        assert!(matches!(
            Store::open(&path, Cipher::Key(&key), "ada"),
            Err(Error::Io { .. })
        ));
        assert!(!path.exists());
        drop(Store::create(&path, Cipher::Key(&key)).unwrap());
        assert!(Store::create(&path, Cipher::Key(&key)).is_err());
    }

    #[test]
    fn rekey_moves_the_database_to_the_new_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let (old, new) = (DataKey::generate().unwrap(), DataKey::generate().unwrap());
        let mut store = Store::create(&path, Cipher::Key(&old)).unwrap();
        store
            .conn()
            .execute("INSERT INTO notes VALUES ('n', 't', 'b', 1, 1)", [])
            .unwrap();
        store.rekey(&new).unwrap();
        drop(store);
        assert!(matches!(
            Store::open(&path, Cipher::Key(&old), "ada"),
            Err(Error::WrongKey { .. })
        ));
        let store = Store::open(&path, Cipher::Key(&new), "ada").unwrap();
        let count: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM notes", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 1);
        assert!(store.integrity_problems().unwrap().is_empty());
    }
}
