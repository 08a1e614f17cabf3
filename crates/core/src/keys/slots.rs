//! Key slots: copies of the database key, each sealed (ChaCha20-Poly1305) under a key
//! derived by Argon2id from a passphrase or the recovery code.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{DataKey, KEY_LEN, fill_random};
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SlotKind {
    Passphrase,
    Recovery,
}

/// Argon2id cost, stored with each slot so it can be raised later without locking
/// anyone out. The defaults are RFC 9106's second recommendation with one lane: 64 MiB
/// and three passes take about a third of a second on a 2-core laptop and fit in 4 GB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct KdfParams {
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
}

impl Default for KdfParams {
    fn default() -> Self {
        Self {
            memory_kib: 64 * 1024,
            passes: 3,
            lanes: 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct KeySlot {
    pub kind: SlotKind,
    pub kdf: KdfParams,
    #[serde(with = "hex_bytes")]
    pub salt: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub nonce: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub sealed_key: Vec<u8>,
}

const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;

impl KeySlot {
    /// Seals `key` under `secret`. The profile id and the slot kind are bound in as
    /// associated data, so a slot copied to another profile or kind does not open.
    pub fn seal(kind: SlotKind, secret: &[u8], key: &DataKey, profile_id: &str) -> Result<Self> {
        let kdf = KdfParams::default();
        let mut salt = vec![0u8; SALT_LEN];
        let mut nonce = vec![0u8; NONCE_LEN];
        fill_random(&mut salt)?;
        fill_random(&mut nonce)?;
        let kek = derive(secret, &salt, kdf)?;
        let aad = associated_data(profile_id, kind);
        let sealed_key = ChaCha20Poly1305::new(Key::from_slice(kek.as_ref()))
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: key.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|e| Error::Sealing(e.to_string()))?;
        Ok(Self {
            kind,
            kdf,
            salt,
            nonce,
            sealed_key,
        })
    }

    /// The key, or `None` when `secret` is not the one this slot was sealed with.
    pub fn open(&self, secret: &[u8], profile_id: &str) -> Result<Option<DataKey>> {
        if self.nonce.len() != NONCE_LEN {
            return Ok(None);
        }
        let kek = derive(secret, &self.salt, self.kdf)?;
        let aad = associated_data(profile_id, self.kind);
        let opened = ChaCha20Poly1305::new(Key::from_slice(kek.as_ref())).decrypt(
            Nonce::from_slice(&self.nonce),
            Payload {
                msg: &self.sealed_key,
                aad: aad.as_bytes(),
            },
        );
        Ok(opened
            .ok()
            .map(Zeroizing::new)
            .and_then(|bytes| DataKey::from_slice(&bytes)))
    }
}

fn associated_data(profile_id: &str, kind: SlotKind) -> String {
    format!("satchel key slot v1|{profile_id}|{kind:?}")
}

fn derive(secret: &[u8], salt: &[u8], kdf: KdfParams) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let params = Params::new(kdf.memory_kib, kdf.passes, kdf.lanes, Some(KEY_LEN))
        .map_err(|e| Error::InvalidInput(format!("key derivation settings: {e}")))?;
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|e| Error::InvalidInput(format!("key derivation: {e}")))?;
    Ok(out)
}

mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        serializer.serialize_str(&hex)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text.len() % 2 != 0 || !text.is_ascii() {
            return Err(D::Error::custom("hex string of odd length"));
        }
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(D::Error::custom))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_opens_with_its_secret_only() {
        let key = DataKey::generate().unwrap();
        let slot = KeySlot::seal(SlotKind::Passphrase, b"correct horse", &key, "p1").unwrap();
        assert_eq!(slot.open(b"correct horse", "p1").unwrap(), Some(key));
        assert_eq!(slot.open(b"correct horsf", "p1").unwrap(), None);
        assert_eq!(
            slot.open(b"correct horse", "p2").unwrap(),
            None,
            "bound to its profile"
        );
    }

    #[test]
    fn slots_survive_json_and_reject_tampering() {
        let key = DataKey::generate().unwrap();
        let slot = KeySlot::seal(SlotKind::Recovery, b"code", &key, "p1").unwrap();
        let json = serde_json::to_string(&slot).unwrap();
        let back: KeySlot = serde_json::from_str(&json).unwrap();
        assert_eq!(back.open(b"code", "p1").unwrap(), Some(key));

        let mut tampered = back.clone();
        tampered.sealed_key[0] ^= 1;
        assert_eq!(tampered.open(b"code", "p1").unwrap(), None);
        let mut relabelled = back;
        relabelled.kind = SlotKind::Passphrase;
        assert_eq!(relabelled.open(b"code", "p1").unwrap(), None);
    }
}
