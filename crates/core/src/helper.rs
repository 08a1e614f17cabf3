//! The optional helper on the network: an OpenAI-compatible endpoint — a teacher's
//! laptop running a local model, say — that writes better questions when it answers.
//! It is never needed: everything works without it, and a helper that fails is left
//! alone by a circuit breaker (closed → open after [`FAILURES`] failures in a row →
//! half-open after [`COOLDOWN`] → closed again on a success), so a dead one costs
//! nothing but the first few tries.
//!
//! It is reached over HTTPS, like a class server: a certificate an authority vouches for,
//! or the helper's own pinned by `#sha256=<fingerprint>` after its address. Plain
//! `http://` is taken only for this computer, so nothing a learner studies crosses the
//! classroom's Wi-Fi in clear.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

pub use satchel_types::HelperSettings;
use serde::Deserialize;

use crate::jobs::{Class, Clock, SystemClock};
pub use crate::net::{Breaker, BreakerState, COOLDOWN, FAILURES};
use crate::profile::Profile;
use crate::store::settings;
use crate::{Error, Result};

/// Why a call through the breaker did not give an answer.
#[derive(Debug, thiserror::Error)]
pub enum HelperError {
    #[error("the helper is resting after failing (it is tried again later)")]
    Open,
    #[error("the helper did not answer: {0}")]
    Unreachable(String),
    #[error("the helper answered with HTTP {0}")]
    Status(u16),
    #[error("the helper's answer could not be read: {0}")]
    BadReply(String),
    #[error("the helper's address is not one Satchel can use: {0}")]
    BadAddress(String),
}

/// An OpenAI-compatible chat endpoint behind a breaker.
pub struct RemoteHelper {
    settings: HelperSettings,
    /// Its address without the pin.
    base: String,
    client: reqwest::blocking::Client,
    breaker: Breaker,
}

#[derive(Deserialize)]
struct Reply {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: Message,
}

#[derive(Deserialize)]
struct Message {
    content: String,
}

impl RemoteHelper {
    pub fn new(
        settings: HelperSettings,
        clock: Arc<dyn Clock>,
    ) -> std::result::Result<Self, HelperError> {
        let refused = || {
            HelperError::BadAddress(format!(
                "{:?}: a helper on your network is reached over https:// (with #sha256= and \
                 its certificate's fingerprint when it made its own); http:// only on this computer",
                settings.url
            ))
        };
        if !settings.url.contains("://") {
            return Err(refused());
        }
        let address = crate::net::ServerAddress::parse(&settings.url).map_err(|_| refused())?;
        let builder = crate::net::client_builder()
            // The AI class's bound: a helper slower than that is no help.
            .timeout(Class::Ai.timeout())
            .connect_timeout(Duration::from_secs(3));
        let (client, _) = crate::net::tls::client_for(&address, builder)
            .map_err(|e| HelperError::Unreachable(e.to_string()))?;
        // A helper under a path (a proxy's `/llm`) keeps it.
        let path = reqwest::Url::parse(&settings.url)
            .map(|u| u.path().trim_end_matches('/').to_owned())
            .unwrap_or_default();
        Ok(Self {
            base: format!("{}{path}", address.base),
            settings,
            client,
            breaker: Breaker::new(clock),
        })
    }

    pub fn breaker(&self) -> &Breaker {
        &self.breaker
    }

    /// The helper's answer to `prompt`, given `system` as its instructions.
    pub fn complete(&self, system: &str, prompt: &str) -> std::result::Result<String, HelperError> {
        self.breaker.run(
            || HelperError::Open,
            || {
                let url = format!("{}/v1/chat/completions", self.base);
                let body = serde_json::json!({
                    "model": self.settings.model,
                    "temperature": 0.2,
                    "messages": [
                        { "role": "system", "content": system },
                        { "role": "user", "content": prompt },
                    ],
                });
                let response = self
                    .client
                    .post(url)
                    .json(&body)
                    .send()
                    .map_err(|e| HelperError::Unreachable(e.to_string()))?;
                if !response.status().is_success() {
                    return Err(HelperError::Status(response.status().as_u16()));
                }
                let reply: Reply =
                    crate::net::read_json(response).map_err(HelperError::BadReply)?;
                reply
                    .choices
                    .into_iter()
                    .next()
                    .map(|c| c.message.content.trim().to_owned())
                    .filter(|c| !c.is_empty())
                    .ok_or_else(|| HelperError::BadReply("no answer in it".into()))
            },
        )
    }

    /// Whether the helper answers now (for the settings page's "Test").
    pub fn check(&self) -> std::result::Result<(), HelperError> {
        self.complete("Reply with the single word: ready.", "Are you ready?")
            .map(drop)
    }

    /// A question, in the helper's words, whose answer is `answer` as `sentence` says.
    pub fn question_for(
        &self,
        sentence: &str,
        answer: &str,
    ) -> std::result::Result<String, HelperError> {
        let question = self.complete(
            "You write one short study question for a school student. Reply with the \
             question only, ending with a question mark. Do not include the answer.",
            &format!("Sentence: {sentence}\nThe answer is: {answer}"),
        )?;
        let question = question
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned();
        if !question.ends_with('?') {
            return Err(HelperError::BadReply(format!(
                "not a question: {question:?}"
            )));
        }
        Ok(question)
    }
}

/// The helpers in use, by address: each keeps its breaker between calls.
fn helpers() -> &'static Mutex<HashMap<HelperSettings, Arc<RemoteHelper>>> {
    static HELPERS: OnceLock<Mutex<HashMap<HelperSettings, Arc<RemoteHelper>>>> = OnceLock::new();
    HELPERS.get_or_init(Default::default)
}

impl Profile {
    /// The helper on the network the learner set, if any.
    pub fn helper_settings(&self) -> Result<Option<HelperSettings>> {
        self.read(|conn| settings::HELPER.get(conn))
    }

    /// Sets (or with `None`, forgets) the helper on the network.
    pub fn set_helper(&self, settings: Option<&HelperSettings>) -> Result<()> {
        if let Some(settings) = settings {
            RemoteHelper::new(settings.clone(), Arc::new(SystemClock))
                .map_err(|e| Error::InvalidInput(e.to_string()))?;
        }
        self.transact(|tx| match settings {
            Some(settings) => settings::HELPER.put(tx, settings),
            None => settings::HELPER.remove(tx),
        })
    }

    /// The learner's helper, ready to call (its breaker kept between calls), if one is
    /// set.
    pub fn helper(&self) -> Result<Option<Arc<RemoteHelper>>> {
        let Some(settings) = self.helper_settings()? else {
            return Ok(None);
        };
        let mut helpers = helpers().lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(helper) = helpers.get(&settings) {
            return Ok(Some(Arc::clone(helper)));
        }
        let helper = Arc::new(
            RemoteHelper::new(settings.clone(), Arc::new(SystemClock))
                .map_err(|e| Error::InvalidInput(e.to_string()))?,
        );
        helpers.insert(settings, Arc::clone(&helper));
        Ok(Some(helper))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::net::TcpListener;
    use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

    use super::*;
    use crate::jobs::ManualClock;

    /// How the test helper answers.
    pub(crate) const ANSWER: u8 = 0;
    pub(crate) const FAIL: u8 = 1;
    pub(crate) const GARBLE: u8 = 2;

    /// A real HTTP server on a free local port that speaks the chat completions API —
    /// and fails on command. Returns its address, the switch, and a count of requests.
    pub(crate) fn local_helper(reply: &'static str) -> (String, Arc<AtomicU8>, Arc<AtomicUsize>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let mode = Arc::new(AtomicU8::new(ANSWER));
        let served = Arc::new(AtomicUsize::new(0));
        let (mode_in, served_in) = (Arc::clone(&mode), Arc::clone(&served));
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut length = 0;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = value.trim().parse().unwrap_or(0);
                    }
                }
                let mut body = vec![0; length];
                let _ = reader.read_exact(&mut body);
                served_in.fetch_add(1, Ordering::SeqCst);
                let (status, text) = match mode_in.load(Ordering::SeqCst) {
                    FAIL => ("500 Internal Server Error", "{\"error\":\"down\"}".to_owned()),
                    GARBLE => ("200 OK", "not json".to_owned()),
                    _ => (
                        "200 OK",
                        serde_json::json!({ "choices": [{ "message": { "role": "assistant", "content": reply } }] })
                            .to_string(),
                    ),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                    text.len()
                );
            }
        });
        (address, mode, served)
    }

    #[test]
    fn the_breaker_opens_after_failures_rests_then_tries_once_and_closes_on_success() {
        let clock = Arc::new(ManualClock::new(0));
        let breaker = Breaker::new(clock.clone());
        let fail = || Err::<(), _>(HelperError::Status(500));
        for _ in 0..FAILURES - 1 {
            assert!(matches!(
                breaker.run(|| HelperError::Open, fail),
                Err(HelperError::Status(500))
            ));
            assert_eq!(breaker.state(), BreakerState::Closed);
        }
        assert!(breaker.run(|| HelperError::Open, fail).is_err());
        assert_eq!(breaker.state(), BreakerState::Open);
        let mut called = false;
        assert!(matches!(
            breaker.run(
                || HelperError::Open,
                || {
                    called = true;
                    Ok(())
                }
            ),
            Err(HelperError::Open)
        ));
        assert!(!called, "an open breaker refuses without calling");

        clock.advance(COOLDOWN.as_millis() as i64 - 1);
        assert_eq!(breaker.state(), BreakerState::Open);
        clock.advance(1);
        assert_eq!(breaker.state(), BreakerState::HalfOpen);
        // The one try fails: open again for a whole cooldown.
        assert!(matches!(
            breaker.run(|| HelperError::Open, fail),
            Err(HelperError::Status(500))
        ));
        assert_eq!(breaker.state(), BreakerState::Open);
        clock.advance(COOLDOWN.as_millis() as i64);
        assert_eq!(breaker.run(|| HelperError::Open, || Ok(7)).unwrap(), 7);
        assert_eq!(breaker.state(), BreakerState::Closed);
    }

    /// The same helper behind TLS with a certificate of its own: its address, and the
    /// certificate's fingerprint.
    fn local_tls_helper(reply: &'static str) -> (String, String) {
        use sha2::Digest;
        let (plain, _, _) = local_helper(reply);
        let plain_port: u16 = plain.rsplit(':').next().unwrap().parse().unwrap();
        let made = rcgen::generate_simple_self_signed(vec!["helper".into()]).unwrap();
        let cert = made.cert.der().to_vec();
        let fingerprint: String = sha2::Sha256::digest(&cert)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let key =
            rustls::pki_types::PrivateKeyDer::try_from(made.signing_key.serialize_der()).unwrap();
        let config = Arc::new(
            rustls::ServerConfig::builder_with_provider(Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert.into()], key)
            .unwrap(),
        );
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = format!("https://{}", listener.local_addr().unwrap());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let config = Arc::clone(&config);
                std::thread::spawn(move || {
                    let Ok(connection) = rustls::ServerConnection::new(config) else {
                        return;
                    };
                    let mut tls = rustls::StreamOwned::new(connection, stream);
                    // Relayed to the plain helper, which reads and answers.
                    let Ok(mut inner) = std::net::TcpStream::connect(("127.0.0.1", plain_port))
                    else {
                        return;
                    };
                    let mut request = vec![0u8; 64 * 1024];
                    let Ok(n) = tls.read(&mut request) else {
                        return;
                    };
                    let _ = inner.write_all(&request[..n]);
                    let mut answer = Vec::new();
                    let _ = inner.read_to_end(&mut answer);
                    let _ = tls.write_all(&answer);
                    tls.conn.send_close_notify();
                    let _ = tls.flush();
                });
            }
        });
        (address, fingerprint)
    }

    #[test]
    fn a_helper_elsewhere_is_reached_over_tls_held_to_its_certificate() {
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let (address, fingerprint) = local_tls_helper("Which organelle makes energy?");
        let helper = RemoteHelper::new(
            HelperSettings {
                url: format!("{address}/#sha256={fingerprint}"),
                model: "m".into(),
            },
            Arc::clone(&clock),
        )
        .unwrap();
        assert_eq!(
            helper.complete("s", "p").unwrap(),
            "Which organelle makes energy?"
        );
        // Another certificate than the one named: nothing is sent.
        let impostor = RemoteHelper::new(
            HelperSettings {
                url: format!("{address}/#sha256={}", "ab".repeat(32)),
                model: "m".into(),
            },
            Arc::clone(&clock),
        )
        .unwrap();
        assert!(matches!(
            impostor.complete("s", "p"),
            Err(HelperError::Unreachable(_))
        ));
        // Plain HTTP to another computer is refused before anything is sent.
        for url in ["http://192.168.1.20:11434", "192.168.1.20:11434"] {
            assert!(
                matches!(
                    RemoteHelper::new(
                        HelperSettings {
                            url: url.into(),
                            model: "m".into()
                        },
                        Arc::clone(&clock)
                    ),
                    Err(HelperError::BadAddress(_))
                ),
                "{url}"
            );
        }
    }

    #[test]
    fn a_real_helper_that_fails_on_command_is_rested_then_used_again() {
        let (address, mode, served) =
            local_helper("What does the water cycle move between the land, the sea and the sky?");
        let clock = Arc::new(ManualClock::new(0));
        let helper = RemoteHelper::new(
            HelperSettings {
                url: address.clone(),
                model: "local".into(),
            },
            clock.clone(),
        )
        .unwrap();
        let question = helper
            .question_for(
                "Water moves between the land, the sea and the sky.",
                "water",
            )
            .unwrap();
        assert!(question.ends_with('?'));

        mode.store(FAIL, Ordering::SeqCst);
        for _ in 0..FAILURES {
            assert!(matches!(
                helper.complete("s", "p"),
                Err(HelperError::Status(500))
            ));
        }
        assert_eq!(helper.breaker().state(), BreakerState::Open);
        let before = served.load(Ordering::SeqCst);
        assert!(matches!(helper.complete("s", "p"), Err(HelperError::Open)));
        assert_eq!(
            served.load(Ordering::SeqCst),
            before,
            "not asked while open"
        );

        mode.store(ANSWER, Ordering::SeqCst);
        clock.advance(COOLDOWN.as_millis() as i64);
        assert_eq!(helper.breaker().state(), BreakerState::HalfOpen);
        assert!(helper.complete("s", "p").is_ok());
        assert_eq!(helper.breaker().state(), BreakerState::Closed);

        mode.store(GARBLE, Ordering::SeqCst);
        assert!(matches!(
            helper.complete("s", "p"),
            Err(HelperError::BadReply(_))
        ));

        // Nobody listening: a clear failure, quickly.
        let gone = RemoteHelper::new(
            HelperSettings {
                url: "http://127.0.0.1:9".into(),
                model: "x".into(),
            },
            clock,
        )
        .unwrap();
        assert!(matches!(
            gone.complete("s", "p"),
            Err(HelperError::Unreachable(_))
        ));
        assert!(matches!(
            RemoteHelper::new(
                HelperSettings {
                    url: "ftp://x".into(),
                    model: "x".into()
                },
                Arc::new(SystemClock)
            ),
            Err(HelperError::BadAddress(_))
        ));
    }
}
