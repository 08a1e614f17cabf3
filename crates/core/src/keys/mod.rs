//! Keys: the random key that encrypts a profile's database, where it is kept (the OS
//! keychain), and the slots that let a passphrase or the recovery code unwrap it.
//!
//! The database key is always 256 random bits used as SQLCipher's raw key, so opening
//! skips SQLCipher's own PBKDF2. A passphrase or a recovery code never *is* the key:
//! each derives (Argon2id) a key-encryption key that unwraps a copy of it, as LUKS's
//! key slots do. That way the recovery code, a passphrase and the keychain all open
//! the same database, and a wrong secret is told apart from a damaged database before
//! the database is touched.

mod keychain;
mod recovery;
mod slots;

#[cfg(test)]
pub(crate) use keychain::MemoryKeychain;
pub use keychain::{Keychain, KeychainFailure, NoKeychain, SystemKeychain, keychain_from_env};
pub use recovery::RecoveryCode;
pub(crate) use slots::{KeySlot, SlotKind};

use zeroize::{Zeroize, Zeroizing};

use crate::{Error, Result};

pub(crate) const KEY_LEN: usize = 32;

/// A profile's database key. Zeroed when dropped; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct DataKey([u8; KEY_LEN]);

impl DataKey {
    pub fn generate() -> Result<Self> {
        let mut bytes = [0u8; KEY_LEN];
        fill_random(&mut bytes)?;
        Ok(Self(bytes))
    }

    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let array: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(Self(array))
    }

    pub(crate) fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The value for `PRAGMA key` / `PRAGMA rekey`: a blob literal tells SQLCipher the
    /// key is raw, so it skips its 256k-iteration PBKDF2 on every open.
    pub(crate) fn sqlcipher_literal(&self) -> Zeroizing<String> {
        let mut literal = Zeroizing::new(String::with_capacity(2 * KEY_LEN + 3));
        literal.push_str("\"x'");
        for byte in self.0 {
            literal.push(char::from(HEX[usize::from(byte >> 4)]));
            literal.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
        literal.push_str("'\"");
        literal
    }
}

impl Drop for DataKey {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(..)")
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

pub(crate) fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| Error::Random(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_differ_and_render_as_blob_literals() {
        let a = DataKey::generate().unwrap();
        let b = DataKey::generate().unwrap();
        assert_ne!(a, b);
        let literal = a.sqlcipher_literal();
        assert!(literal.starts_with("\"x'") && literal.ends_with("'\""));
        assert_eq!(literal.len(), 2 * KEY_LEN + 5);
        assert_eq!(format!("{a:?}"), "DataKey(..)");
    }
}
