//! Who is asking: Argon2id passwords, short-lived signed access tokens (JWT, HS256),
//! and refresh tokens that rotate on every use and are revocable. A refresh token used
//! twice means a copy is in someone else's hands: its whole family is revoked.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use jsonwebtoken::{Algorithm as JwtAlgorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::store::{Refresh, Role, User};

/// What an access token says.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user's id.
    pub sub: String,
    pub name: String,
    pub role: Role,
    /// The device that signed in: its sync state with the server is its own.
    pub device: String,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
    /// Seconds the access token is good for.
    pub expires_in: i64,
    pub user: UserView,
    /// The key this server signs bundles with and opens those sealed to it (Ed25519,
    /// hex): a device keeps it to seal progress for its class.
    pub server_key: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct UserView {
    pub id: String,
    pub name: String,
    pub role: Role,
}

impl From<&User> for UserView {
    fn from(user: &User) -> Self {
        UserView {
            id: user.id.clone(),
            name: user.name.clone(),
            role: user.role,
        }
    }
}

pub struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Keys {
    pub fn new(secret: &[u8]) -> Keys {
        let mut validation = Validation::new(JwtAlgorithm::HS256);
        // Access tokens live 15 minutes; a minute of leeway would make that 16.
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Keys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    pub fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        jsonwebtoken::encode(&Header::new(JwtAlgorithm::HS256), claims, &self.encoding)
    }

    /// The claims of a token this server signed and that has not expired.
    pub fn verify(&self, token: &str) -> Result<Claims, jsonwebtoken::errors::Error> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation).map(|d| d.claims)
    }
}

/// Argon2id with the OWASP minimum (19 MiB, 2 passes): a guess costs the attacker as
/// much memory as the server spends, and a login stays near 50 ms on a laptop.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt)?;
    Ok(argon2()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Password hashes computed at once, at most: each takes 19 MiB and a core for ~50 ms,
/// so a flood of sign-ins waits its turn instead of exhausting a laptop's memory.
fn hashing() -> &'static tokio::sync::Semaphore {
    static HASHING: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    HASHING.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores.clamp(1, 4))
    })
}

/// How long a request waits for its turn to hash before the server says it is busy.
const HASHING_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Runs `work` (an Argon2 hash or check) off the async threads, once a turn among the
/// bounded few is free; a server too busy to give one within [`HASHING_WAIT`] says so
/// (503, to be tried again) rather than queueing without end.
pub async fn with_hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, crate::ApiError> {
    let _turn = tokio::time::timeout(HASHING_WAIT, hashing().acquire())
        .await
        .map_err(|_| crate::ApiError::busy())?
        .map_err(crate::ApiError::internal)?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(crate::ApiError::internal)
}

/// Whether two secrets are equal, in time that does not depend on where they differ.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = (Sha256::digest(a), Sha256::digest(b));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// A hash to check a password against when the name is unknown, so that an unknown
/// name takes as long to refuse as a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("not anyone's password").unwrap_or_default())
}

/// How long a challenge may be answered.
const CHALLENGE_LIFE_MS: i64 = 2 * 60 * 1000;
/// Answered challenges remembered at most (until they expire): past this, the server
/// is busy rather than growing.
const ANSWERED_MAX: usize = 100_000;

/// Challenges a device answers with its key. A challenge carries its own expiry and a
/// MAC under a key derived from the token-signing key, so issuing one keeps nothing
/// (a flood of requests for challenges costs no memory) and every instance of a school
/// server accepts another's. One answered is remembered until it expires, so it works
/// once on this instance.
pub struct Challenges {
    mac_key: [u8; 32],
    answered: std::sync::Mutex<std::collections::HashMap<String, i64>>,
}

impl Challenges {
    pub fn new(signing_key: &[u8]) -> Challenges {
        let mut derive = Sha256::new();
        derive.update(b"satchel challenge mac\n");
        derive.update(signing_key);
        Challenges {
            mac_key: derive.finalize().into(),
            answered: Default::default(),
        }
    }

    fn mac(&self, body: &[u8]) -> [u8; 32] {
        use hmac::Mac;
        let mut mac = <hmac::Hmac<Sha256> as hmac::Mac>::new_from_slice(&self.mac_key)
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(body);
        mac.finalize().into_bytes().into()
    }

    /// A new challenge: its expiry, 16 random bytes and their MAC, in hex.
    pub fn issue(&self, now: i64) -> Result<String, crate::ApiError> {
        let mut body = [0u8; 24];
        body[..8].copy_from_slice(&(now + CHALLENGE_LIFE_MS).to_be_bytes());
        getrandom::fill(&mut body[8..]).map_err(crate::ApiError::internal)?;
        Ok(format!("{}{}", hex(&body), hex(&self.mac(&body))))
    }

    /// Takes the answer to `challenge`: one this server issued, not expired at `now`,
    /// and not answered before.
    pub fn redeem(&self, challenge: &str, now: i64) -> Result<(), crate::ApiError> {
        let stale = || crate::ApiError::unauthorized("that challenge has expired: try again");
        let bytes = satchel_sync::device::unhex(challenge).ok_or_else(stale)?;
        let (body, mac) = bytes.split_at_checked(24).ok_or_else(stale)?;
        if !same_secret(mac, &self.mac(body)) {
            return Err(stale());
        }
        let expires = i64::from_be_bytes(body[..8].try_into().map_err(|_| stale())?);
        if expires <= now {
            return Err(stale());
        }
        let mut answered = self
            .answered
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if answered.len() >= ANSWERED_MAX {
            answered.retain(|_, until| *until > now);
            if answered.len() >= ANSWERED_MAX {
                return Err(crate::ApiError::busy());
            }
        }
        if answered.insert(challenge.to_owned(), expires).is_some() {
            return Err(stale());
        }
        Ok(())
    }
}

/// A new refresh token: what the client keeps, and what the server keeps of it.
pub fn new_refresh(
    user: &str,
    device: &str,
    family: Option<String>,
    ttl_ms: i64,
    now: i64,
) -> Option<(String, Refresh)> {
    let mut raw = [0u8; 32];
    getrandom::fill(&mut raw).ok()?;
    let token = hex(&raw);
    let kept = Refresh {
        hash: refresh_hash(&token),
        user_id: user.to_owned(),
        device: device.to_owned(),
        family: family.unwrap_or_else(|| uuid::Uuid::now_v7().to_string()),
        expires_at: now + ttl_ms,
        replaces: None,
    };
    Some((token, kept))
}

pub fn refresh_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_checks_against_its_hash_only() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("correct horse ", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn a_challenge_works_once_before_it_expires_and_only_from_its_server() {
        let challenges = Challenges::new(b"key one");
        let now = 1_000_000;
        let challenge = challenges.issue(now).unwrap();
        assert!(challenges.redeem(&challenge, now + 1000).is_ok());
        assert!(
            challenges.redeem(&challenge, now + 1000).is_err(),
            "answered twice"
        );
        let late = challenges.issue(now).unwrap();
        assert!(challenges.redeem(&late, now + CHALLENGE_LIFE_MS).is_err());
        let elsewhere = Challenges::new(b"key two").issue(now).unwrap();
        assert!(challenges.redeem(&elsewhere, now).is_err());
        // A challenge with a later expiry written in, under the old MAC.
        let mut forged = challenges.issue(now).unwrap().into_bytes();
        forged[10] = if forged[10] == b'f' { b'e' } else { b'f' };
        let forged = String::from_utf8(forged).unwrap();
        assert!(challenges.redeem(&forged, now).is_err());
        assert!(challenges.redeem("not hex", now).is_err());
    }

    #[test]
    fn a_token_signed_with_another_key_or_expired_is_refused() {
        let keys = Keys::new(b"0123456789abcdef0123456789abcdef");
        let now = crate::store::now_ms() / 1000;
        let claims = Claims {
            sub: "u1".into(),
            name: "ada".into(),
            role: Role::Learner,
            device: "d1".into(),
            iat: now,
            exp: now + 60,
        };
        let token = keys.sign(&claims).unwrap();
        assert_eq!(keys.verify(&token).unwrap().sub, "u1");
        let other = Keys::new(b"another key entirely, 32 bytes!!");
        assert!(other.verify(&token).is_err());
        let expired = keys
            .sign(&Claims {
                exp: now - 1,
                ..claims
            })
            .unwrap();
        assert!(keys.verify(&expired).is_err());
    }
}
