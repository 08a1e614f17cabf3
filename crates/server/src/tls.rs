//! TLS for everything the server says: a key pair made on first start and kept with
//! its data (or a school's certificate from a real authority), and a listener that
//! shakes hands off the accept loop, so a peer that stalls its handshake holds up no
//! one else.
//!
//! A class server's certificate is self-signed: students' apps pin its SHA-256
//! fingerprint when they join (from the teacher's join link, or by comparing words
//! with the teacher's screen), so no authority is needed and none can be faked.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// How long a peer has to finish its handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// Handshakes in progress at once, at most; past it, new connections wait in the
/// kernel's backlog.
const HANDSHAKES: usize = 128;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("the TLS certificate or key does not read: {0}")]
    Unreadable(String),
    #[error("a TLS certificate could not be made: {0}")]
    Generate(String),
    #[error("TLS: {0}")]
    Config(#[from] rustls::Error),
}

/// The server's certificate chain and private key.
pub struct Identity {
    certs: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("fingerprint", &self.fingerprint())
            .finish_non_exhaustive()
    }
}

impl Identity {
    /// A new self-signed certificate (ECDSA P-256) for a class server.
    pub fn generate() -> Result<Vec<u8>, TlsError> {
        let names = vec!["satchel-class-server".to_owned()];
        let certified = rcgen::generate_simple_self_signed(names)
            .map_err(|e| TlsError::Generate(e.to_string()))?;
        let mut pem = certified.cert.pem().into_bytes();
        pem.extend_from_slice(certified.signing_key.serialize_pem().as_bytes());
        Ok(pem)
    }

    /// Reads a certificate chain and its key from PEM (one text or two files' worth).
    pub fn from_pem(certs: &[u8], key: &[u8]) -> Result<Self, TlsError> {
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(certs)
            .collect::<Result<_, _>>()
            .map_err(|e| TlsError::Unreadable(e.to_string()))?;
        if certs.is_empty() {
            return Err(TlsError::Unreadable("no certificate".into()));
        }
        let key =
            PrivateKeyDer::from_pem_slice(key).map_err(|e| TlsError::Unreadable(e.to_string()))?;
        Ok(Self { certs, key })
    }

    /// The SHA-256 of the server's own certificate, in lowercase hex: what students'
    /// apps pin.
    pub fn fingerprint(&self) -> String {
        self.certs
            .first()
            .map_or_else(String::new, |c| fingerprint(c))
    }

    pub fn server_config(&self) -> Result<Arc<rustls::ServerConfig>, TlsError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])?
            .with_no_client_auth()
            .with_single_cert(self.certs.clone(), self.key.clone_key())?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }
}

/// The SHA-256 of a certificate (DER), in lowercase hex.
pub fn fingerprint(cert: &[u8]) -> String {
    Sha256::digest(cert)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Accepts connections on a TCP listener and hands them on once their TLS handshake
/// is done (axum serves what it accepts).
pub struct TlsListener {
    handshaken: tokio::sync::mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
    accepting: tokio::task::JoinHandle<()>,
}

impl Drop for TlsListener {
    fn drop(&mut self) {
        self.accepting.abort();
    }
}

impl TlsListener {
    pub fn new(listener: TcpListener, config: Arc<rustls::ServerConfig>) -> std::io::Result<Self> {
        let local = listener.local_addr()?;
        let acceptor = TlsAcceptor::from(config);
        let (sender, handshaken) = tokio::sync::mpsc::channel(HANDSHAKES);
        let turns = Arc::new(tokio::sync::Semaphore::new(HANDSHAKES));
        let accepting = tokio::spawn(async move {
            loop {
                let Ok(turn) = turns.clone().acquire_owned().await else {
                    return;
                };
                let (stream, peer) = match listener.accept().await {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of file descriptors and the like: wait, then go on.
                        tracing::warn!(%error, "accepting a connection failed");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue;
                    }
                };
                let acceptor = acceptor.clone();
                let sender = sender.clone();
                tokio::spawn(async move {
                    let _turn = turn;
                    match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
                        Ok(Ok(tls)) => {
                            let _ = sender.send((tls, peer)).await;
                        }
                        Ok(Err(error)) => {
                            tracing::debug!(%peer, %error, "a TLS handshake failed");
                        }
                        Err(_) => tracing::debug!(%peer, "a TLS handshake took too long"),
                    }
                });
            }
        });
        Ok(Self {
            handshaken,
            local,
            accepting,
        })
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            if let Some(accepted) = self.handshaken.recv().await {
                return accepted;
            }
            // The accept loop ended (it never does while the listener lives).
            std::future::pending::<()>().await;
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.local)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_made_identity_reads_back_with_a_stable_fingerprint() {
        let pem = Identity::generate().unwrap();
        let one = Identity::from_pem(&pem, &pem).unwrap();
        let two = Identity::from_pem(&pem, &pem).unwrap();
        assert_eq!(one.fingerprint().len(), 64);
        assert_eq!(one.fingerprint(), two.fingerprint());
        assert!(one.server_config().is_ok());
        let other = Identity::from_pem(&Identity::generate().unwrap(), &pem).unwrap();
        assert_ne!(other.fingerprint(), one.fingerprint());
    }

    #[test]
    fn text_that_is_not_pem_is_refused() {
        assert!(matches!(
            Identity::from_pem(b"not a certificate", b"nor a key"),
            Err(TlsError::Unreadable(_))
        ));
    }
}
