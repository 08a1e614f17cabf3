//! The profile's settings: the `settings` table, one JSON value per key. Every
//! setting is declared here once, with its key and the type of its value, and read and
//! written only through [`Setting`], so a key is never spelt twice nor read back as a
//! different type than it was written.

use std::marker::PhantomData;

use rusqlite::{Connection, OptionalExtension, params};
use satchel_types::{HelperSettings, LearningSettings, ReminderSettings, SyncAccount};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// One setting: its key in the table and the type of its value.
pub(crate) struct Setting<T> {
    key: &'static str,
    value: PhantomData<fn() -> T>,
}

impl<T> Setting<T> {
    const fn new(key: &'static str) -> Self {
        Setting {
            key,
            value: PhantomData,
        }
    }
}

impl<T: Serialize + DeserializeOwned> Setting<T> {
    /// The value kept, or `None` when there is none — or when what is kept no longer
    /// reads as `T` (written by another version): a setting that cannot be read is
    /// unset, never a learner locked out of their library.
    pub(crate) fn get(&self, conn: &Connection) -> Result<Option<T>> {
        let value: Option<String> = conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([self.key], |row| row.get(0))
            .optional()?;
        Ok(value.and_then(|value| serde_json::from_str(&value).ok()))
    }

    /// Keeps `value`, replacing what was there.
    pub(crate) fn put(&self, conn: &Connection, value: &T) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?
        .execute(params![self.key, json(value)?])?;
        Ok(())
    }

    /// Keeps `value` unless a value is already kept; returns the one kept now. Two
    /// processes making the same secret at once agree on one of them.
    pub(crate) fn put_first(&self, conn: &Connection, value: &T) -> Result<T> {
        conn.prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        )?
        .execute(params![self.key, json(value)?])?;
        self.get(conn)?
            .ok_or_else(|| Error::Damaged(format!("the setting {} does not read back", self.key)))
    }

    pub(crate) fn remove(&self, conn: &Connection) -> Result<()> {
        conn.prepare_cached("DELETE FROM settings WHERE key = ?1")?
            .execute([self.key])?;
        Ok(())
    }
}

impl Setting<i64> {
    /// Adds one to a count, from 0 when unset.
    pub(crate) fn increment(&self, conn: &Connection) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO settings (key, value) VALUES (?1, '1')
             ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        )?
        .execute([self.key])?;
        Ok(())
    }
}

fn json<T: Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::InvalidInput(e.to_string()))
}

/// How this profile learns: retention, new cards a day, and the FSRS parameters.
pub(crate) const LEARNING: Setting<LearningSettings> = Setting::new("learning");
/// Whether reviews waiting are told with a notification, and whether the library is
/// a child's.
pub(crate) const REMINDERS: Setting<ReminderSettings> = Setting::new("reminders");
/// The helper on the network the learner set, if any.
pub(crate) const HELPER: Setting<HelperSettings> = Setting::new("helper");
/// This device's id among the learner's devices: random, made once per profile.
pub(crate) const DEVICE: Setting<String> = Setting::new("device");
/// The last `reviews` rowid folded into the shared review log.
pub(crate) const FOLDED_REVIEWS: Setting<i64> = Setting::new("shared_reviews_folded");
/// The secret this profile joined classes with before device keys (its class server's
/// key, for a teacher, was made from it): kept to open that server's data once more.
pub(crate) const CLASS_SECRET: Setting<String> = Setting::new("class_secret");
/// This device's key pair (the Ed25519 seed, hex), made once: it signs in with it to
/// the class servers it joined.
pub(crate) const DEVICE_KEY: Setting<String> = Setting::new("device_key");
/// This profile's own bundle code (24 digits), made once: it opens the bundles this
/// profile writes on the learner's other computers.
pub(crate) const BUNDLE_CODE: Setting<String> = Setting::new("bundle_code");
/// Bundle codes that opened a bundle here (digits), tried on the next ones.
pub(crate) const BUNDLE_CODES: Setting<Vec<String>> = Setting::new("bundle_codes");
/// The class server whose bundle this profile took in with a code (no network): its
/// key and the code, to seal the learner's progress for their teacher.
pub(crate) const CLASS_BUNDLE: Setting<ClassBundle> = Setting::new("class_bundle");

/// Where this learner's progress goes on a stick when their class has no network:
/// the class server that sent them a bundle, and the code it was sealed with.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct ClassBundle {
    pub server_key: String,
    pub code: String,
}
/// The key of the class server a teacher runs in the app (hex), made once.
pub(crate) const CLASS_SERVER_KEY: Setting<String> = Setting::new("class_server_key");

/// The embedding model whose vectors the chunks hold (its [`Understand::name`]).
///
/// [`Understand::name`]: crate::search::Understand::name
pub(crate) const VECTORS_MODEL: Setting<String> = Setting::new("vectors_model");

/// The sync account this profile is signed in to.
pub(crate) const SYNC_ACCOUNT: Setting<SyncAccount> = Setting::new("sync_account");
/// The refresh token, when no keychain answers (the store itself is encrypted).
pub(crate) const SYNC_REFRESH: Setting<String> = Setting::new("sync_refresh");
/// How far this device has read the server's changes.
pub(crate) const SYNC_CURSOR: Setting<i64> = Setting::new("sync_cursor");
pub(crate) const SYNC_LAST_AT: Setting<i64> = Setting::new("sync_last_at");
pub(crate) const SYNC_LAST_ERROR: Setting<String> = Setting::new("sync_last_error");
/// Changes made here to the shared documents so far …
pub(crate) const LOCAL_CHANGES: Setting<i64> = Setting::new("sync_local_changes");
/// … and how many of them the server had at the end of the last sync.
pub(crate) const SYNC_SENT_UPTO: Setting<i64> = Setting::new("sync_sent_upto");

/// Everything a profile knows of its sync server, forgotten together on signing out.
pub(crate) fn forget_sync(conn: &Connection) -> Result<()> {
    SYNC_ACCOUNT.remove(conn)?;
    forget_sync_progress(conn)?;
    SYNC_LAST_ERROR.remove(conn)
}

/// How far this device has synced, forgotten when it signs in to a new account.
pub(crate) fn forget_sync_progress(conn: &Connection) -> Result<()> {
    SYNC_CURSOR.remove(conn)?;
    SYNC_LAST_AT.remove(conn)?;
    SYNC_SENT_UPTO.remove(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)
             STRICT, WITHOUT ROWID;",
        )
        .unwrap();
        conn
    }

    #[test]
    fn a_value_reads_back_as_written_and_is_gone_once_removed() {
        let conn = table();
        assert_eq!(SYNC_CURSOR.get(&conn).unwrap(), None);
        SYNC_CURSOR.put(&conn, &41).unwrap();
        SYNC_CURSOR.put(&conn, &42).unwrap();
        assert_eq!(SYNC_CURSOR.get(&conn).unwrap(), Some(42));
        SYNC_CURSOR.remove(&conn).unwrap();
        assert_eq!(SYNC_CURSOR.get(&conn).unwrap(), None);
    }

    #[test]
    fn a_count_starts_at_one_and_reads_as_a_number() {
        let conn = table();
        LOCAL_CHANGES.increment(&conn).unwrap();
        LOCAL_CHANGES.increment(&conn).unwrap();
        assert_eq!(LOCAL_CHANGES.get(&conn).unwrap(), Some(2));
    }

    #[test]
    fn the_first_secret_kept_is_the_one_every_later_caller_gets() {
        let conn = table();
        let first = CLASS_SECRET.put_first(&conn, &"a".to_owned()).unwrap();
        let second = CLASS_SECRET.put_first(&conn, &"b".to_owned()).unwrap();
        assert_eq!((first.as_str(), second.as_str()), ("a", "a"));
    }

    #[test]
    fn a_value_another_version_wrote_in_another_shape_reads_as_unset() {
        let conn = table();
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('learning', '{\"no\": ')",
            [],
        )
        .unwrap();
        assert!(LEARNING.get(&conn).unwrap().is_none());
    }

    #[test]
    fn every_key_is_declared_once() {
        let keys = [
            LEARNING.key,
            HELPER.key,
            DEVICE.key,
            FOLDED_REVIEWS.key,
            CLASS_SECRET.key,
            DEVICE_KEY.key,
            CLASS_SERVER_KEY.key,
            BUNDLE_CODE.key,
            BUNDLE_CODES.key,
            CLASS_BUNDLE.key,
            SYNC_ACCOUNT.key,
            SYNC_REFRESH.key,
            SYNC_CURSOR.key,
            SYNC_LAST_AT.key,
            SYNC_LAST_ERROR.key,
            LOCAL_CHANGES.key,
            SYNC_SENT_UPTO.key,
        ];
        let unique: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!(unique.len(), keys.len());
    }
}
