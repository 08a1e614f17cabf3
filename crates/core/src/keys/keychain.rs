//! Where a keychain-protected profile's key lives: the OS credential store (Secret
//! Service on Linux, Keychain on macOS, Credential Manager on Windows).

use zeroize::Zeroizing;

/// Why the keychain did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainFailure {
    /// No keychain answers: no D-Bus session, no Secret Service, a locked store.
    #[error("{0}")]
    Unavailable(String),
    #[error("{0}")]
    Failed(String),
}

/// A small port over the OS keychain, so the profile logic can be tested against a
/// store that is absent, and run against the real one.
pub trait Keychain: Send + Sync + std::fmt::Debug {
    /// `Ok(None)` when the keychain answers but holds nothing for `account`.
    fn load(&self, account: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainFailure>;
    fn store(&self, account: &str, secret: &[u8]) -> Result<(), KeychainFailure>;
    /// Removing what is not there is not a failure.
    fn remove(&self, account: &str) -> Result<(), KeychainFailure>;

    fn is_available(&self) -> bool {
        self.load("availability-probe").is_ok()
    }
}

/// The name the entries are filed under in the OS keychain.
const SERVICE: &str = "org.satchel.Satchel";

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemKeychain;

impl SystemKeychain {
    fn entry(account: &str) -> Result<keyring::Entry, KeychainFailure> {
        keyring::Entry::new(SERVICE, account).map_err(classify)
    }
}

impl Keychain for SystemKeychain {
    fn load(&self, account: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainFailure> {
        match Self::entry(account)?.get_secret() {
            Ok(secret) => Ok(Some(Zeroizing::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(classify(e)),
        }
    }

    fn store(&self, account: &str, secret: &[u8]) -> Result<(), KeychainFailure> {
        Self::entry(account)?.set_secret(secret).map_err(classify)
    }

    fn remove(&self, account: &str) -> Result<(), KeychainFailure> {
        match Self::entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(classify(e)),
        }
    }
}

fn classify(error: keyring::Error) -> KeychainFailure {
    match error {
        keyring::Error::PlatformFailure(_) | keyring::Error::NoStorageAccess(_) => {
            KeychainFailure::Unavailable(error.to_string())
        }
        other => KeychainFailure::Failed(other.to_string()),
    }
}

/// A computer without a keychain (or one the learner chose not to use, with
/// `SATCHEL_KEYCHAIN=none`): profiles are then protected by a passphrase.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoKeychain;

impl Keychain for NoKeychain {
    fn load(&self, _: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainFailure> {
        Err(unavailable())
    }
    fn store(&self, _: &str, _: &[u8]) -> Result<(), KeychainFailure> {
        Err(unavailable())
    }
    fn remove(&self, _: &str) -> Result<(), KeychainFailure> {
        Err(unavailable())
    }
}

fn unavailable() -> KeychainFailure {
    KeychainFailure::Unavailable("the keychain is turned off (SATCHEL_KEYCHAIN=none)".into())
}

/// Picks the keychain the environment asks for: the OS one unless
/// `SATCHEL_KEYCHAIN=none`.
pub fn keychain_from_env() -> std::sync::Arc<dyn Keychain> {
    match std::env::var("SATCHEL_KEYCHAIN").as_deref() {
        Ok("none") => std::sync::Arc::new(NoKeychain),
        _ => std::sync::Arc::new(SystemKeychain),
    }
}

/// An in-process keychain for unit tests of the profile logic; the real Secret
/// Service is exercised by the ignored tests that `cargo xtask test` runs.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct MemoryKeychain {
    entries: std::sync::Mutex<std::collections::HashMap<String, Vec<u8>>>,
    pub offline: std::sync::atomic::AtomicBool,
}

#[cfg(test)]
impl MemoryKeychain {
    fn check(&self) -> Result<(), KeychainFailure> {
        if self.offline.load(std::sync::atomic::Ordering::SeqCst) {
            Err(KeychainFailure::Unavailable("test keychain offline".into()))
        } else {
            Ok(())
        }
    }

    pub fn forget_all(&self) {
        self.entries.lock().unwrap().clear();
    }
}

#[cfg(test)]
impl Keychain for MemoryKeychain {
    fn load(&self, account: &str) -> Result<Option<Zeroizing<Vec<u8>>>, KeychainFailure> {
        self.check()?;
        Ok(self
            .entries
            .lock()
            .unwrap()
            .get(account)
            .cloned()
            .map(Zeroizing::new))
    }
    fn store(&self, account: &str, secret: &[u8]) -> Result<(), KeychainFailure> {
        self.check()?;
        self.entries
            .lock()
            .unwrap()
            .insert(account.into(), secret.to_vec());
        Ok(())
    }
    fn remove(&self, account: &str) -> Result<(), KeychainFailure> {
        self.check()?;
        self.entries.lock().unwrap().remove(account);
        Ok(())
    }
}
