//! Sealed bundles: a bundle ([`crate::bundle`]) encrypted to whoever should read it and
//! signed by the device or server that wrote it. A USB stick lost in a playground, or a
//! classmate copying it, shows nothing of the learner's notes; a bundle forged or
//! altered, or addressed to someone else, is refused before anything merges.
//!
//! The file: a magic line; a clear JSON envelope naming the signer (an Ed25519 public
//! key) and, for each recipient, the content key wrapped for it; the inner bundle in
//! 64 KiB chunks, each sealed with XChaCha20-Poly1305 under the content key (the nonce
//! is the chunk's index and whether it is the last, so chunks cannot be reordered,
//! dropped or the file cut short; the envelope's hash is every chunk's associated data,
//! so they cannot be moved under another envelope); last, the signer's Ed25519
//! signature over the hash of everything before it.
//!
//! A recipient is either a device or server key (the content key wrapped by X25519
//! with the recipient's Ed25519 key in Montgomery form, as age and libsodium convert
//! it, from a fresh ephemeral key) or a bundle code a person types (24 digits, through
//! Argon2id). A chunk is decrypted when it is read, so the medium a reader seeks to is
//! decrypted alone and nothing is held whole.

use std::io::{Read, Seek, SeekFrom, Write};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::bundle::BundleError;
use crate::device::{DeviceKey, hex, unhex};

pub const MAGIC: &[u8; 16] = b"SATCHEL-SEALED\x00\x01";
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const SIGNATURE: u64 = 64;
const MAX_ENVELOPE: usize = 64 * 1024;
const MAX_RECIPIENTS: usize = 64;
/// Digits in a bundle code: about 80 bits, typed in six groups of four.
pub const CODE_DIGITS: usize = 24;

/// Whom a bundle is sealed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum To {
    /// A device's or server's Ed25519 public key (hex).
    Key(String),
    /// A bundle code, as typed (only its digits count).
    Code(String),
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Recipient {
    Key {
        to: String,
        ephemeral: String,
        wrapped: String,
    },
    Code {
        salt: String,
        wrapped: String,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Envelope {
    signer: String,
    recipients: Vec<Recipient>,
}

/// A new bundle code: 24 random digits, in six groups of four.
pub fn new_code() -> Result<String, getrandom::Error> {
    let mut digits = String::with_capacity(CODE_DIGITS + 5);
    while digits.chars().filter(char::is_ascii_digit).count() < CODE_DIGITS {
        let mut byte = [0u8; 1];
        getrandom::fill(&mut byte)?;
        // Below 250, so every digit is as likely.
        if byte[0] < 250 {
            if digits.len() % 5 == 4 {
                digits.push('-');
            }
            digits.push(char::from(b'0' + byte[0] % 10));
        }
    }
    Ok(digits)
}

/// A code's digits, when it has exactly [`CODE_DIGITS`] of them (spaces, dashes and
/// other separators do not count).
pub fn code_digits(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == CODE_DIGITS
        && code
            .chars()
            .all(|c| !c.is_alphanumeric() || c.is_ascii_digit()))
    .then_some(digits)
}

fn code_key(code: &str, salt: &[u8]) -> Result<[u8; 32], BundleError> {
    let digits = code_digits(code).ok_or(BundleError::WrongCode)?;
    // The code carries 80 bits, so the stretching only has to make a stolen stick's
    // every guess cost: 19 MiB and two passes, as the server's passwords.
    let params = argon2::Params::new(19 * 1024, 2, 1, Some(32))
        .map_err(|e| BundleError::Io(std::io::Error::other(e.to_string())))?;
    let mut key = [0u8; 32];
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(digits.as_bytes(), salt, &mut key)
        .map_err(|e| BundleError::Io(std::io::Error::other(e.to_string())))?;
    Ok(key)
}

fn montgomery(public: &str) -> Option<[u8; 32]> {
    let bytes: [u8; 32] = unhex(public)?.try_into().ok()?;
    let key = VerifyingKey::from_bytes(&bytes).ok()?;
    (!key.is_weak()).then(|| key.to_montgomery().to_bytes())
}

fn wrap_key(shared: &[u8; 32], ephemeral: &[u8; 32], to: &[u8; 32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"satchel sealed bundle wrap v1\n");
    h.update(shared);
    h.update(ephemeral);
    h.update(to);
    h.finalize().into()
}

fn seal_key(wrap: &[u8; 32], content: &[u8; 32]) -> Result<String, BundleError> {
    XChaCha20Poly1305::new(wrap.into())
        .encrypt(&XNonce::default(), &content[..])
        .map(|b| hex(&b))
        .map_err(|_| BundleError::Io(std::io::Error::other("sealing failed")))
}

fn open_key(wrap: &[u8; 32], wrapped: &str) -> Option<[u8; 32]> {
    let wrapped = unhex(wrapped)?;
    XChaCha20Poly1305::new(wrap.into())
        .decrypt(&XNonce::default(), &wrapped[..])
        .ok()?
        .try_into()
        .ok()
}

fn random<const N: usize>() -> std::io::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes)
}

fn recipient(to: &To, content: &[u8; 32]) -> Result<Recipient, BundleError> {
    match to {
        To::Key(public) => {
            let their = montgomery(public).ok_or(BundleError::BadRecipient)?;
            let ephemeral = x25519_dalek::StaticSecret::from(random::<32>()?);
            let ephemeral_public = x25519_dalek::PublicKey::from(&ephemeral).to_bytes();
            let shared = ephemeral.diffie_hellman(&x25519_dalek::PublicKey::from(their));
            if !shared.was_contributory() {
                return Err(BundleError::BadRecipient);
            }
            Ok(Recipient::Key {
                to: public.to_ascii_lowercase(),
                ephemeral: hex(&ephemeral_public),
                wrapped: seal_key(
                    &wrap_key(shared.as_bytes(), &ephemeral_public, &their),
                    content,
                )?,
            })
        }
        To::Code(code) => {
            let salt = random::<16>()?;
            Ok(Recipient::Code {
                salt: hex(&salt),
                wrapped: seal_key(&code_key(code, &salt)?, content)?,
            })
        }
    }
}

fn nonce(index: u64, last: bool) -> XNonce {
    let mut nonce = XNonce::default();
    nonce[..8].copy_from_slice(&index.to_be_bytes());
    nonce[8] = u8::from(last);
    nonce
}

fn signed_digest(hash: Sha256) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"satchel sealed bundle v1\n");
    h.update(hash.finalize());
    h.finalize().into()
}

/// Writes a sealed bundle: what is written to it (an inner bundle) is encrypted in
/// chunks as it comes.
pub struct Sealer<W: Write> {
    out: W,
    cipher: XChaCha20Poly1305,
    aad: [u8; 32],
    buf: Vec<u8>,
    index: u64,
    hash: Sha256,
    signer: SigningKey,
}

impl<W: Write> Sealer<W> {
    /// Starts a bundle sealed to `to`, signed by `signer`.
    pub fn new(mut out: W, signer: &DeviceKey, to: &[To]) -> Result<Sealer<W>, BundleError> {
        let codes = to.iter().filter(|t| matches!(t, To::Code(_))).count();
        // One code at most: each one a reader tries costs an Argon2 run.
        if to.is_empty() || to.len() > MAX_RECIPIENTS || codes > 1 {
            return Err(BundleError::BadRecipient);
        }
        let content = random::<32>()?;
        let envelope = Envelope {
            signer: signer.public(),
            recipients: to
                .iter()
                .map(|t| recipient(t, &content))
                .collect::<Result<_, _>>()?,
        };
        let envelope = serde_json::to_vec(&envelope)
            .map_err(|e| BundleError::Io(std::io::Error::other(e.to_string())))?;
        let mut hash = Sha256::new();
        let mut head = MAGIC.to_vec();
        head.extend_from_slice(&(envelope.len() as u32).to_le_bytes());
        head.extend_from_slice(&envelope);
        hash.update(&head);
        out.write_all(&head)?;
        Ok(Sealer {
            out,
            cipher: XChaCha20Poly1305::new(&content.into()),
            aad: Sha256::digest(&head).into(),
            buf: Vec::with_capacity(CHUNK + 1),
            index: 0,
            hash,
            signer: SigningKey::from_bytes(&signer.seed()),
        })
    }

    fn chunk(&mut self, len: usize, last: bool) -> std::io::Result<()> {
        let sealed = self
            .cipher
            .encrypt(
                &nonce(self.index, last),
                Payload {
                    msg: &self.buf[..len],
                    aad: &self.aad,
                },
            )
            .map_err(|_| std::io::Error::other("sealing failed"))?;
        self.hash.update(&sealed);
        self.out.write_all(&sealed)?;
        self.buf.drain(..len);
        self.index += 1;
        Ok(())
    }

    /// Seals the last chunk and signs: the writer's output, flushed.
    pub fn finish(mut self) -> std::io::Result<W> {
        let len = self.buf.len();
        self.chunk(len, true)?;
        let signature = self.signer.sign(&signed_digest(self.hash.clone()));
        self.out.write_all(&signature.to_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> Write for Sealer<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        // A full chunk goes out once a byte after it shows it is not the last.
        while self.buf.len() > CHUNK {
            self.chunk(CHUNK, false)?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// What opens a sealed bundle here: this device's key, and codes the learner typed or
/// this device remembers.
#[derive(Default)]
pub struct Keys<'a> {
    pub device: Option<&'a DeviceKey>,
    pub codes: &'a [String],
}

/// How a bundle was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenedBy {
    /// As a recipient's key (its public half).
    Key(String),
    /// With this code (its digits).
    Code(String),
}

/// A sealed bundle whose signature checked, opened: the signer, how it was opened,
/// whom it is sealed to, and its inner bundle to read (decrypted chunk by chunk, each
/// checked as it is read).
pub struct Opened<R: Read + Seek> {
    pub signer: String,
    pub by: OpenedBy,
    /// The keys it is sealed to (hex), and whether a code opens it too.
    pub to_keys: Vec<String>,
    pub to_code: bool,
    pub plain: Plain<R>,
}

/// Whether `bytes` start like a sealed bundle.
pub fn is_sealed(start: &[u8]) -> bool {
    start.starts_with(MAGIC)
}

fn parse_envelope(bytes: &[u8]) -> Result<Envelope, BundleError> {
    let parsed: Envelope = serde_json::from_slice(bytes).map_err(|_| BundleError::Altered)?;
    let codes = parsed
        .recipients
        .iter()
        .filter(|r| matches!(r, Recipient::Code { .. }))
        .count();
    if parsed.recipients.is_empty() || parsed.recipients.len() > MAX_RECIPIENTS || codes > 1 {
        return Err(BundleError::Altered);
    }
    Ok(parsed)
}

/// Whether `code` opens the sealed bundle `input`, its envelope alone read (its
/// signature was checked by an [`open`] before): one Argon2 run, whatever its size.
pub fn code_opens<R: Read>(mut input: R, code: &str) -> Result<bool, BundleError> {
    let mut magic = [0u8; 16];
    input.read_exact(&mut magic)?;
    if &magic != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let mut len = [0u8; 4];
    input.read_exact(&mut len)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_ENVELOPE {
        return Err(BundleError::Altered);
    }
    let mut envelope = vec![0u8; len];
    input.read_exact(&mut envelope)?;
    for r in parse_envelope(&envelope)?.recipients {
        if let Recipient::Code { salt, wrapped } = r
            && let Some(salt) = unhex(&salt)
            && let Ok(wrap) = code_key(code, &salt)
        {
            return Ok(open_key(&wrap, &wrapped).is_some());
        }
    }
    Ok(false)
}

/// Reads a sealed bundle's envelope and checks its signature over the whole file
/// (`size` bytes), without opening it: the signer's key (hex), and the envelope.
fn check<R: Read + Seek>(
    input: &mut R,
    size: u64,
) -> Result<(Envelope, u64, [u8; 32]), BundleError> {
    input.seek(SeekFrom::Start(0))?;
    let mut magic = [0u8; 16];
    if size < 20 + SIGNATURE || input.read_exact(&mut magic).is_err() || &magic != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let mut len = [0u8; 4];
    input.read_exact(&mut len)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_ENVELOPE || (20 + len as u64 + SIGNATURE) > size {
        return Err(BundleError::Altered);
    }
    let mut envelope = vec![0u8; len];
    input.read_exact(&mut envelope)?;
    let mut head = MAGIC.to_vec();
    head.extend_from_slice(&(len as u32).to_le_bytes());
    head.extend_from_slice(&envelope);
    let parsed = parse_envelope(&envelope)?;
    let mut hash = Sha256::new();
    hash.update(&head);
    let body_start = head.len() as u64;
    let mut left = size - SIGNATURE - body_start;
    let mut buf = vec![0u8; 1 << 20];
    while left > 0 {
        let piece = left.min(buf.len() as u64) as usize;
        input
            .read_exact(&mut buf[..piece])
            .map_err(|_| BundleError::Altered)?;
        hash.update(&buf[..piece]);
        left -= piece as u64;
    }
    let mut signature = [0u8; 64];
    input
        .read_exact(&mut signature)
        .map_err(|_| BundleError::Altered)?;
    let signer: [u8; 32] = unhex(&parsed.signer)
        .and_then(|b| b.try_into().ok())
        .ok_or(BundleError::Altered)?;
    let signer = VerifyingKey::from_bytes(&signer).map_err(|_| BundleError::Altered)?;
    signer
        .verify_strict(&signed_digest(hash), &Signature::from_bytes(&signature))
        .map_err(|_| BundleError::Altered)?;
    Ok((parsed, body_start, Sha256::digest(&head).into()))
}

/// Checks a sealed bundle's signature without opening it (a teacher's device passing a
/// student's bundle on to the class server): who signed it.
pub fn signer_of<R: Read + Seek>(mut input: R, size: u64) -> Result<String, BundleError> {
    Ok(check(&mut input, size)?.0.signer)
}

/// Opens the sealed bundle `input` (`size` bytes) with `keys`: refused when it was
/// altered or cut short, when its signature does not check, or when nothing here opens
/// it ([`BundleError::NotForThisDevice`], [`BundleError::WrongCode`]).
pub fn open<R: Read + Seek>(
    mut input: R,
    size: u64,
    keys: &Keys<'_>,
) -> Result<Opened<R>, BundleError> {
    let (envelope, body_start, aad) = check(&mut input, size)?;
    let mut opened = None;
    if let Some(device) = keys.device {
        let public = device.public();
        let secret = x25519_dalek::StaticSecret::from(
            SigningKey::from_bytes(&device.seed()).to_scalar_bytes(),
        );
        let ours = x25519_dalek::PublicKey::from(&secret).to_bytes();
        for r in &envelope.recipients {
            if let Recipient::Key {
                to,
                ephemeral,
                wrapped,
            } = r
                && *to == public
                && let Some(ephemeral) = unhex(ephemeral).and_then(|b| <[u8; 32]>::try_from(b).ok())
            {
                let shared = secret.diffie_hellman(&x25519_dalek::PublicKey::from(ephemeral));
                if let Some(key) =
                    open_key(&wrap_key(shared.as_bytes(), &ephemeral, &ours), wrapped)
                {
                    opened = Some((key, OpenedBy::Key(public.clone())));
                    break;
                }
            }
        }
    }
    let to_code = envelope
        .recipients
        .iter()
        .any(|r| matches!(r, Recipient::Code { .. }));
    if opened.is_none() {
        'codes: for code in keys.codes {
            for r in &envelope.recipients {
                if let Recipient::Code { salt, wrapped } = r
                    && let Some(salt) = unhex(salt)
                    && let Ok(wrap) = code_key(code, &salt)
                    && let Some(key) = open_key(&wrap, wrapped)
                {
                    let digits = code_digits(code).unwrap_or_default();
                    opened = Some((key, OpenedBy::Code(digits)));
                    break 'codes;
                }
            }
        }
    }
    let Some((key, by)) = opened else {
        return Err(if to_code {
            BundleError::WrongCode
        } else {
            BundleError::NotForThisDevice
        });
    };
    let body_len = size - SIGNATURE - body_start;
    let sealed_chunk = (CHUNK + TAG) as u64;
    let chunks = body_len.div_ceil(sealed_chunk).max(1);
    let last_len = body_len - (chunks - 1) * sealed_chunk;
    if last_len < TAG as u64 {
        return Err(BundleError::Altered);
    }
    let mut plain = Plain {
        input,
        cipher: XChaCha20Poly1305::new(&key.into()),
        aad,
        body_start,
        chunks,
        len: (chunks - 1) * CHUNK as u64 + (last_len - TAG as u64),
        pos: 0,
        cached: None,
    };
    // The last chunk, flagged so, is there: a file cut at a chunk's edge is refused
    // here, not when its end is read.
    plain.load(chunks - 1).map_err(|_| BundleError::Altered)?;
    Ok(Opened {
        signer: envelope.signer,
        by,
        to_keys: envelope
            .recipients
            .iter()
            .filter_map(|r| match r {
                Recipient::Key { to, .. } => Some(to.clone()),
                Recipient::Code { .. } => None,
            })
            .collect(),
        to_code,
        plain,
    })
}

/// A sealed bundle's inner bundle, decrypted a chunk at a time as it is read.
pub struct Plain<R: Read + Seek> {
    input: R,
    cipher: XChaCha20Poly1305,
    aad: [u8; 32],
    body_start: u64,
    chunks: u64,
    len: u64,
    pos: u64,
    cached: Option<(u64, Vec<u8>)>,
}

impl<R: Read + Seek> Plain<R> {
    /// The inner bundle's size.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn load(&mut self, index: u64) -> std::io::Result<()> {
        if self.cached.as_ref().is_some_and(|(i, _)| *i == index) {
            return Ok(());
        }
        let last = index + 1 == self.chunks;
        let sealed_len = if last {
            (self.len - index * CHUNK as u64) as usize + TAG
        } else {
            CHUNK + TAG
        };
        self.input.seek(SeekFrom::Start(
            self.body_start + index * (CHUNK + TAG) as u64,
        ))?;
        let mut sealed = vec![0u8; sealed_len];
        self.input.read_exact(&mut sealed)?;
        let plain = self
            .cipher
            .decrypt(
                &nonce(index, last),
                Payload {
                    msg: &sealed,
                    aad: &self.aad,
                },
            )
            .map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, BundleError::Altered)
            })?;
        self.cached = Some((index, plain));
        Ok(())
    }
}

impl<R: Read + Seek> Read for Plain<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.pos >= self.len || out.is_empty() {
            return Ok(0);
        }
        let index = self.pos / CHUNK as u64;
        self.load(index)?;
        let Some((_, chunk)) = &self.cached else {
            return Ok(0);
        };
        let from = (self.pos - index * CHUNK as u64) as usize;
        let n = out.len().min(chunk.len() - from);
        out[..n].copy_from_slice(&chunk[from..from + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: Read + Seek> Seek for Plain<R> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let pos = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.len.checked_add_signed(d),
            SeekFrom::Current(d) => self.pos.checked_add_signed(d),
        };
        self.pos = pos.ok_or_else(|| std::io::Error::from(std::io::ErrorKind::InvalidInput))?;
        Ok(self.pos)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn sealed(plain: &[u8], signer: &DeviceKey, to: &[To]) -> Vec<u8> {
        let mut sealer = Sealer::new(Vec::new(), signer, to).unwrap();
        // In uneven pieces, as a bundle writer writes.
        for piece in plain.chunks(7001) {
            sealer.write_all(piece).unwrap();
        }
        sealer.finish().unwrap()
    }

    fn read_all<R: Read + Seek>(mut opened: Opened<R>) -> Vec<u8> {
        let mut out = Vec::new();
        opened.plain.read_to_end(&mut out).unwrap();
        out
    }

    fn open_bytes(bytes: &[u8], keys: &Keys<'_>) -> Result<Opened<Cursor<Vec<u8>>>, BundleError> {
        open(Cursor::new(bytes.to_vec()), bytes.len() as u64, keys)
    }

    #[test]
    fn a_sealed_bundle_opens_for_its_recipients_only_and_hides_its_text() {
        let writer = DeviceKey::generate().unwrap();
        let reader = DeviceKey::generate().unwrap();
        let stranger = DeviceKey::generate().unwrap();
        let code = new_code().unwrap();
        let text = b"Photosynthesis turns sunlight into sugar. ".repeat(4000);
        for len in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, text.len()] {
            let bytes = sealed(
                &text[..len],
                &writer,
                &[To::Key(reader.public()), To::Code(code.clone())],
            );
            if len > 0 {
                assert!(
                    !bytes.windows(14).any(|w| w == b"Photosynthesis"),
                    "text in clear at {len}"
                );
            }
            let opened = open_bytes(
                &bytes,
                &Keys {
                    device: Some(&reader),
                    codes: &[],
                },
            )
            .unwrap();
            assert_eq!(opened.signer, writer.public());
            assert_eq!(opened.by, OpenedBy::Key(reader.public()));
            assert_eq!(opened.plain.len(), len as u64);
            assert_eq!(read_all(opened), &text[..len], "{len}");
            // With the code, typed with spaces instead of dashes.
            let typed = code.replace('-', " ");
            let codes = [typed];
            let opened = open_bytes(
                &bytes,
                &Keys {
                    device: Some(&stranger),
                    codes: &codes,
                },
            )
            .unwrap();
            assert!(matches!(opened.by, OpenedBy::Code(_)));
            assert_eq!(read_all(opened), &text[..len]);
        }
        let bytes = sealed(
            &text,
            &writer,
            &[To::Key(reader.public()), To::Code(code.clone())],
        );
        let wrong = [new_code().unwrap()];
        assert!(matches!(
            open_bytes(
                &bytes,
                &Keys {
                    device: Some(&stranger),
                    codes: &wrong
                }
            ),
            Err(BundleError::WrongCode)
        ));
        let only_key = sealed(&text, &writer, &[To::Key(reader.public())]);
        assert!(matches!(
            open_bytes(
                &only_key,
                &Keys {
                    device: Some(&stranger),
                    codes: &wrong
                }
            ),
            Err(BundleError::NotForThisDevice)
        ));
    }

    #[test]
    fn any_change_or_cut_is_refused_and_seeking_reads_one_chunk() {
        let writer = DeviceKey::generate().unwrap();
        let reader = DeviceKey::generate().unwrap();
        let text: Vec<u8> = (0..3 * CHUNK + 100).map(|i| (i % 251) as u8).collect();
        let bytes = sealed(&text, &writer, &[To::Key(reader.public())]);
        let keys = Keys {
            device: Some(&reader),
            codes: &[],
        };
        // A byte changed anywhere (sampled: every 997th, and the ends).
        let mut places: Vec<usize> = (0..bytes.len()).step_by(997).collect();
        places.extend([0, 17, 25, bytes.len() - 65, bytes.len() - 1]);
        for at in places {
            let mut changed = bytes.clone();
            changed[at] ^= 0x01;
            let result = open_bytes(&changed, &keys).map(read_all);
            assert!(result.is_err(), "a change at byte {at} was taken");
        }
        for len in [
            0,
            16,
            100,
            bytes.len() / 2,
            bytes.len() - 64,
            bytes.len() - 1,
        ] {
            assert!(
                open_bytes(&bytes[..len], &keys).is_err(),
                "cut at {len} was taken"
            );
        }
        // Signed again by someone else after the change: the signer is theirs, not
        // the writer's, and the reader checks who signed.
        let forger = DeviceKey::generate().unwrap();
        let forged = sealed(b"forged", &forger, &[To::Key(reader.public())]);
        assert_eq!(open_bytes(&forged, &keys).unwrap().signer, forger.public());

        let mut opened = open_bytes(&bytes, &keys).unwrap();
        let at = 2 * CHUNK as u64 + 10;
        opened.plain.seek(SeekFrom::Start(at)).unwrap();
        let mut some = [0u8; 200];
        opened.plain.read_exact(&mut some).unwrap();
        assert_eq!(&some[..], &text[at as usize..at as usize + 200]);
        assert_eq!(
            signer_of(Cursor::new(&bytes), bytes.len() as u64).unwrap(),
            writer.public()
        );
    }

    #[test]
    fn one_code_at_most_and_it_is_tried_on_the_envelope_alone() {
        let writer = DeviceKey::generate().unwrap();
        let (a, b) = (new_code().unwrap(), new_code().unwrap());
        assert!(matches!(
            Sealer::new(
                Vec::new(),
                &writer,
                &[To::Code(a.clone()), To::Code(b.clone())]
            ),
            Err(BundleError::BadRecipient)
        ));
        let bytes = sealed(b"progress", &writer, &[To::Code(a.clone())]);
        assert!(code_opens(&bytes[..], &a).unwrap());
        assert!(!code_opens(&bytes[..], &b).unwrap());
        // A last chunk that is only a tag after full ones: the writer's flag is not on
        // it, so the file is refused at once.
        let text = vec![7u8; 2 * CHUNK];
        let reader = DeviceKey::generate().unwrap();
        let whole = sealed(&text, &writer, &[To::Key(reader.public())]);
        let keys = Keys {
            device: Some(&reader),
            codes: &[],
        };
        assert!(open_bytes(&whole, &keys).is_ok());
    }

    #[test]
    fn codes_are_24_digits_however_typed() {
        let code = new_code().unwrap();
        assert_eq!(code.len(), 29, "{code}");
        assert_eq!(code_digits(&code).unwrap().len(), 24);
        assert_eq!(
            code_digits("1234 5678 1234 5678 1234 5678").unwrap(),
            "123456781234567812345678"
        );
        assert!(code_digits("1234").is_none());
        assert!(code_digits("1234-5678-1234-5678-1234-567a").is_none());
        assert_ne!(new_code().unwrap(), code);
    }
}
