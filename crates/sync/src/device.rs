//! Device keys: each device has its own Ed25519 key pair, made once and kept in its
//! encrypted library. An account made by joining a class signs in by answering a
//! server's challenge with it, so nothing that crosses the network or that a server
//! keeps lets anyone sign in as that device, there or anywhere else.
//!
//! What a device signs names the server it believes it is talking to (the audience:
//! the certificate fingerprint it pinned, or the host an authority vouched for), so an
//! impostor that passes a real server's challenge on gets an answer the real server
//! refuses.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

/// What signing in with a device key asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose<'a> {
    /// Joining the class with this code (and making or claiming the account).
    Join { code: &'a str },
    /// Signing in to an account this key was added to.
    SignIn,
    /// Adding this key to the account already signed in to.
    AddKey,
}

impl Purpose<'_> {
    fn text(&self) -> String {
        match self {
            Purpose::Join { code } => format!("join {code}"),
            Purpose::SignIn => "sign-in".into(),
            Purpose::AddKey => "add-key".into(),
        }
    }
}

/// What a device signs to answer `challenge` from the server it knows as `audience`,
/// as `name` on `device`. Fields are one line each: the server refuses names and ids
/// with control characters, so no two different requests sign the same bytes.
pub fn message(
    audience: &str,
    challenge: &str,
    purpose: &Purpose<'_>,
    name: &str,
    device: &str,
) -> Vec<u8> {
    format!(
        "satchel device key v1\n{audience}\n{challenge}\n{}\n{name}\n{device}",
        purpose.text()
    )
    .into_bytes()
}

/// The audience a device names for a server it pinned by certificate fingerprint.
pub fn pinned_audience(fingerprint: &str) -> String {
    format!("sha256:{}", fingerprint.to_ascii_lowercase())
}

/// The audience a device names for a server reached by host name (vouched for by an
/// authority, or this machine over plain HTTP).
pub fn host_audience(host: &str) -> String {
    format!("host:{}", host.to_ascii_lowercase())
}

/// A device's key pair.
pub struct DeviceKey(SigningKey);

impl DeviceKey {
    /// A new key pair from the system's randomness.
    pub fn generate() -> Result<DeviceKey, getrandom::Error> {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed)?;
        Ok(DeviceKey(SigningKey::from_bytes(&seed)))
    }

    pub fn from_seed(seed: &[u8; 32]) -> DeviceKey {
        DeviceKey(SigningKey::from_bytes(seed))
    }

    /// What is kept to make the same key again (secret).
    pub fn seed(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The public half, as servers know it: 64 hex digits.
    pub fn public(&self) -> String {
        hex(self.0.verifying_key().as_bytes())
    }

    /// The signature of `message`: 128 hex digits.
    pub fn sign(&self, message: &[u8]) -> String {
        hex(&self.0.sign(message).to_bytes())
    }
}

/// Why a device's answer was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeyError {
    #[error("a device key is 64 hex digits")]
    BadKey,
    #[error("a signature is 128 hex digits")]
    BadSignature,
    #[error("the signature does not match")]
    Mismatch,
}

/// Checks that `signature` is `public`'s over `message` (strictly: no malleable or
/// weak-key signatures).
pub fn verify(public: &str, signature: &str, message: &[u8]) -> Result<(), KeyError> {
    let key: [u8; 32] = unhex(public)
        .and_then(|b| b.try_into().ok())
        .ok_or(KeyError::BadKey)?;
    let key = VerifyingKey::from_bytes(&key).map_err(|_| KeyError::BadKey)?;
    if key.is_weak() {
        return Err(KeyError::BadKey);
    }
    let signature: [u8; 64] = unhex(signature)
        .and_then(|b| b.try_into().ok())
        .ok_or(KeyError::BadSignature)?;
    let signature = Signature::from_bytes(&signature);
    key.verify_strict(message, &signature)
        .map_err(|_| KeyError::Mismatch)
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Hex (either case) as bytes; `None` when it is not hex.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_checks_only_for_its_key_and_message() {
        let key = DeviceKey::generate().unwrap();
        let other = DeviceKey::generate().unwrap();
        let message = message("sha256:ab", "c1", &Purpose::SignIn, "ada", "d1");
        let signature = key.sign(&message);
        assert_eq!(verify(&key.public(), &signature, &message), Ok(()));
        assert_eq!(
            verify(&other.public(), &signature, &message),
            Err(KeyError::Mismatch)
        );
        // Another server, challenge or purpose is another message.
        for changed in [
            super::message("sha256:ac", "c1", &Purpose::SignIn, "ada", "d1"),
            super::message("sha256:ab", "c2", &Purpose::SignIn, "ada", "d1"),
            super::message("sha256:ab", "c1", &Purpose::AddKey, "ada", "d1"),
            super::message("sha256:ab", "c1", &Purpose::Join { code: "X" }, "ada", "d1"),
        ] {
            assert_eq!(
                verify(&key.public(), &signature, &changed),
                Err(KeyError::Mismatch)
            );
        }
        assert_eq!(verify("zz", &signature, &message), Err(KeyError::BadKey));
        assert_eq!(
            verify(&key.public(), &signature[..126], &message),
            Err(KeyError::BadSignature)
        );
    }

    #[test]
    fn a_key_comes_back_from_its_seed() {
        let key = DeviceKey::generate().unwrap();
        assert_eq!(DeviceKey::from_seed(&key.seed()).public(), key.public());
        // The RFC 8032 test vector 1: the same public key as every other Ed25519.
        let seed: [u8; 32] =
            unhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
                .unwrap()
                .try_into()
                .unwrap();
        let key = DeviceKey::from_seed(&seed);
        assert_eq!(
            key.public(),
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        );
        assert_eq!(
            key.sign(b""),
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        );
    }
}
