//! Signing packs: what `cargo xtask bundle` signs releases with, and the tests sign
//! with throwaway keys. Not in the app, which only checks.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use minisign::{KeyPair, PublicKey, SecretKey};

use crate::{PackKind, TrustedKeys, write_pack};

pub struct Signer {
    secret: SecretKey,
    public: Option<PublicKey>,
}

impl Signer {
    /// A new key pair, for a test.
    pub fn generate() -> std::io::Result<Self> {
        let pair = KeyPair::generate_unencrypted_keypair().map_err(std::io::Error::other)?;
        Ok(Self {
            secret: pair.sk,
            public: Some(pair.pk),
        })
    }

    /// The release manager's key, decrypted.
    pub fn from_secret_key(secret: SecretKey) -> Self {
        Self {
            public: PublicKey::from_secret_key(&secret).ok(),
            secret,
        }
    }

    /// The public half as minisign writes it (`untrusted comment: …` and the key).
    pub fn public_key_text(&self) -> String {
        self.public
            .as_ref()
            .and_then(|pk| pk.to_box().ok())
            .map(|b| b.into_string())
            .unwrap_or_default()
    }

    /// The keys that trust this signer alone.
    pub fn trusted(&self) -> TrustedKeys {
        TrustedKeys::from_texts(&[self.public_key_text()])
    }

    /// A minisign signature of `bytes` with `comment` as its trusted comment.
    pub fn sign(&self, bytes: &[u8], comment: &str) -> std::io::Result<String> {
        minisign::sign(
            self.public.as_ref(),
            &self.secret,
            Cursor::new(bytes),
            Some(comment),
            None,
        )
        .map(|b| b.into_string())
        .map_err(std::io::Error::other)
    }

    /// [`write_pack`], signed by this key.
    pub fn write_pack(
        &self,
        out: &Path,
        kind: PackKind,
        version: &str,
        notes: &str,
        files: &[PathBuf],
    ) -> std::io::Result<()> {
        write_pack(out, kind, version, notes, files, |bytes, comment| {
            self.sign(bytes, comment)
        })
    }
}
