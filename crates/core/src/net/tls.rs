//! Whom the app talks to: a server's address as a learner gives it, with the SHA-256
//! of its certificate pinned when it is a class server (its certificate is its own,
//! signed by no authority), and the HTTP client that holds it to that pin.
//!
//! A join link carries the pin (`https://192.168.1.20:7480/join#code=V4ZFBA&sha256=…`);
//! an address typed by hand has none, so the app first reads the server's fingerprint
//! without sending anything ([`probe_fingerprint`]) and the learner compares it, as a
//! few words, with the teacher's screen. A school server with a certificate from a real
//! authority needs no pin: it is checked against the system's roots.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rustls::DigitallySignedStruct;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// A server's address: its base (`https://host:port`) and, for a class server, the
/// fingerprint its certificate must have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerAddress {
    pub base: String,
    /// The SHA-256 of its certificate, lowercase hex.
    pub pin: Option<String>,
    /// A class's join code, when the address came from a join link.
    pub code: Option<String>,
}

impl ServerAddress {
    /// Reads an address as a learner or a link gives it: `https://host:port`, with
    /// `#sha256=<hex>` (and a join link's `code=`) after it. Plain `http://` is taken
    /// only for this machine (a server behind a TLS proxy here, or a test).
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        let with_scheme = if text.contains("://") {
            text.to_owned()
        } else {
            format!("https://{text}")
        };
        let url = reqwest::Url::parse(&with_scheme).map_err(|_| {
            Error::Rule(satchel_types::ErrorDetail::NotAnAddress {
                address: text.to_owned(),
            })
        })?;
        let host = url.host_str().ok_or_else(|| {
            Error::Rule(satchel_types::ErrorDetail::NotAnAddress {
                address: text.to_owned(),
            })
        })?;
        match url.scheme() {
            "https" => {}
            "http" if is_this_machine(host) => {}
            "http" => {
                return Err(Error::Rule(satchel_types::ErrorDetail::NotHttps {
                    address: text.to_owned(),
                }));
            }
            _ => {
                return Err(Error::Rule(satchel_types::ErrorDetail::NotHttps {
                    address: text.to_owned(),
                }));
            }
        }
        let mut pin = None;
        let mut code = None;
        for pair in url.fragment().unwrap_or_default().split('&') {
            match pair.split_once('=') {
                Some(("sha256", value)) => pin = Some(parse_fingerprint(value)?),
                Some(("code", value)) => code = Some(value.to_owned()),
                _ => {}
            }
        }
        // IPv6 hosts come bracketed, as an address needs them.
        let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
        Ok(Self {
            base: format!("{}://{host}{port}", url.scheme()),
            pin,
            code,
        })
    }

    /// The address with its pin, as kept and shown (`https://host:port/#sha256=…`).
    pub fn pinned_text(&self) -> String {
        match &self.pin {
            Some(pin) => format!("{}/#sha256={pin}", self.base),
            None => self.base.clone(),
        }
    }
}

fn is_this_machine(host: &str) -> bool {
    host == "localhost"
        || host
            .trim_matches(|c| c == '[' || c == ']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A fingerprint as 64 hex digits (spaces and colons allowed), lowercase.
pub fn parse_fingerprint(text: &str) -> Result<String> {
    let hex: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | ':' | '-'))
        .collect::<String>()
        .to_lowercase();
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(hex)
    } else {
        Err(Error::InvalidInput(format!(
            "{text:?} is not a server's fingerprint (64 hex digits)"
        )))
    }
}

/// The SHA-256 of a certificate, lowercase hex.
pub fn fingerprint_of(cert: &[u8]) -> String {
    Sha256::digest(cert)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fingerprint as six words to read aloud and compare with the teacher's screen
/// (66 bits of it, from the BIP-39 English list: the same words on every screen).
pub fn fingerprint_words(fingerprint: &str) -> String {
    let bytes: Vec<u8> = (0..fingerprint.len() / 2)
        .filter_map(|i| u8::from_str_radix(fingerprint.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    let words = bip39::Language::English.word_list();
    let bit = |i: usize| (bytes.get(i / 8).copied().unwrap_or(0) >> (7 - i % 8)) & 1;
    (0..6)
        .map(|w| {
            let index = (0..11).fold(0usize, |acc, b| (acc << 1) | bit(w * 11 + b) as usize);
            words[index]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the pinned verifier says when it refuses (found again in the error's chain).
pub const NOT_KNOWN: &str = "the server's certificate is not the one this device knows";

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Accepts exactly the certificate whose SHA-256 is `pin`, whatever its name or
/// issuer, and records what it was shown (to say, when it refuses, that the server is
/// not the one this device knows).
#[derive(Debug)]
struct Pinned {
    pin: Option<String>,
    seen: Arc<Mutex<Option<String>>>,
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let seen = fingerprint_of(end_entity.as_ref());
        *self.seen.lock().unwrap_or_else(PoisonError::into_inner) = Some(seen.clone());
        match &self.pin {
            Some(pin) if same(pin.as_bytes(), seen.as_bytes()) => {
                Ok(ServerCertVerified::assertion())
            }
            _ => Err(rustls::Error::General(NOT_KNOWN.into())),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// An HTTP client for `address`: held to its pin when it has one, else to the
/// system's roots. `seen` learns the certificate a pinned server showed.
pub fn client_for(
    address: &ServerAddress,
    builder: reqwest::blocking::ClientBuilder,
) -> Result<(reqwest::blocking::Client, Arc<Mutex<Option<String>>>)> {
    let seen = Arc::new(Mutex::new(None));
    let builder = match &address.pin {
        Some(pin) if address.base.starts_with("https://") => {
            let verifier = Pinned {
                pin: Some(pin.clone()),
                seen: Arc::clone(&seen),
                provider: provider(),
            };
            let config = rustls::ClientConfig::builder_with_provider(provider())
                .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
                .map_err(|e| Error::Offline(e.to_string()))?
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(verifier))
                .with_no_client_auth();
            builder.tls_backend_preconfigured(config)
        }
        _ => builder,
    };
    let client = builder.build().map_err(|e| Error::Offline(e.to_string()))?;
    Ok((client, seen))
}

/// A plain HTTP client for `address` (held to its pin), for scripts and tests that
/// speak to a server's API themselves.
pub fn pinned_client(address: &ServerAddress) -> Result<reqwest::blocking::Client> {
    Ok(client_for(
        address,
        crate::net::client_builder().timeout(Duration::from_secs(60)),
    )?
    .0)
}

/// The fingerprint of the certificate the server at `base` shows, read during a
/// handshake that is then broken off: nothing is sent to a server not yet trusted.
pub fn probe_fingerprint(base: &str) -> Result<String> {
    let address = ServerAddress {
        base: base.to_owned(),
        // A pin nothing matches: the handshake is refused once the certificate is seen.
        pin: Some(String::new()),
        code: None,
    };
    let (client, seen) = client_for(
        &address,
        crate::net::client_builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(10)),
    )?;
    let answer = client.get(format!("{base}/healthz")).send();
    let seen = seen.lock().unwrap_or_else(PoisonError::into_inner).take();
    match (seen, answer) {
        (Some(fingerprint), _) => Ok(fingerprint),
        (None, Err(e)) => Err(Error::Offline(format!("{base} did not answer: {e}"))),
        (None, Ok(_)) => Err(Error::InvalidInput(format!(
            "{base} answered without TLS: it is not a Satchel class server"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_links_read_with_their_pin_and_code() {
        let pin = "ab".repeat(32);
        let link = ServerAddress::parse(&format!(
            "https://192.168.1.20:7480/join#code=V4ZFBA&sha256={}",
            pin.to_uppercase()
        ))
        .unwrap();
        assert_eq!(link.base, "https://192.168.1.20:7480");
        assert_eq!(link.pin.as_deref(), Some(pin.as_str()));
        assert_eq!(link.code.as_deref(), Some("V4ZFBA"));
        assert_eq!(
            link.pinned_text(),
            format!("https://192.168.1.20:7480/#sha256={pin}")
        );
        // Typed by hand: no scheme, no pin.
        let typed = ServerAddress::parse(" 192.168.1.20:7480 ").unwrap();
        assert_eq!(typed.base, "https://192.168.1.20:7480");
        assert_eq!(typed.pin, None);
        // Plain HTTP only to this machine.
        assert!(ServerAddress::parse("http://127.0.0.1:7480").is_ok());
        assert!(ServerAddress::parse("http://[::1]:7480").is_ok());
        assert!(matches!(
            ServerAddress::parse("http://192.168.1.20:7480"),
            Err(Error::Rule(satchel_types::ErrorDetail::NotHttps { .. }))
        ));
        assert!(matches!(
            ServerAddress::parse("https://host/#sha256=abc"),
            Err(Error::InvalidInput(_))
        ));
        assert!(matches!(
            ServerAddress::parse("ftp://host"),
            Err(Error::Rule(satchel_types::ErrorDetail::NotHttps { .. }))
        ));
    }

    #[test]
    fn a_fingerprint_reads_as_six_words_that_change_with_it() {
        let a = "00".repeat(32);
        assert_eq!(
            fingerprint_words(&a),
            "abandon abandon abandon abandon abandon abandon"
        );
        // The first 11 bits pick the first word: 0b11111111111 is the list's last.
        let b = format!("ffe0{}", "00".repeat(30));
        assert_eq!(
            fingerprint_words(&b).split(' ').next(),
            Some(bip39::Language::English.word_list()[2047])
        );
        // One bit changed within the 66 the words carry changes a word.
        let c = format!("{}01{}", "00".repeat(7), "00".repeat(24));
        assert_ne!(fingerprint_words(&c), fingerprint_words(&a));
    }
}
