use satchel_core::Error;
use satchel_core::types::{ErrorCode, ErrorView};
use serde::Serialize;

/// A failure as the CLI reports it: the core's kind and message, plus what to do.
#[derive(Debug)]
pub struct Failure {
    pub view: ErrorView,
    pub hint: Option<String>,
    pub context: Option<String>,
}

impl Failure {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            view: ErrorView::new(code, message.into()),
            hint: None,
            context: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Names what the failure was about (a file), ahead of the message.
    pub fn with_context(mut self, context: impl Into<String>) -> Self {
        self.context = Some(context.into());
        self
    }

    pub fn report(&self, json: bool) {
        if json {
            let body = serde_json::json!({ "error": {
                "code": self.view.code,
                "message": self.view.message,
                "hint": self.hint,
                "file": self.context,
            }});
            eprintln!("{body}");
        } else if let Some(context) = &self.context {
            eprintln!("error: {context}: {}", self.view.message);
            if let Some(hint) = &self.hint {
                eprintln!("hint: {hint}");
            }
        } else {
            eprintln!("error: {}", self.view.message);
            if let Some(hint) = &self.hint {
                eprintln!("hint: {hint}");
            }
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::from(error.view())
    }
}

impl From<ErrorView> for Failure {
    /// A failure the core recorded (a source's last error), with what to do about it.
    fn from(view: ErrorView) -> Self {
        let hint = match view.code {
            ErrorCode::WrongKey => {
                Some("nothing was changed; check the passphrase or recovery code")
            }
            ErrorCode::KeychainUnavailable | ErrorCode::KeyMissing => Some(
                "your notes are safe; open the profile with `satchel profile recover` and its recovery code",
            ),
            ErrorCode::PassphraseRequired => {
                Some("set SATCHEL_PASSPHRASE, or run in a terminal to type one")
            }
            ErrorCode::ProfileNotFound => Some("`satchel profile list` shows the profiles here"),
            ErrorCode::ModelMissing => Some(
                "run `cargo xtask models` in Satchel's source folder, or set SATCHEL_MODELS_DIR to where the models are",
            ),
            ErrorCode::NoMicrophone => Some(
                "plug in a microphone, or choose one as the input in the system's sound settings",
            ),
            ErrorCode::BadMedia => Some(
                "Satchel reads WAV, MP3, FLAC, Ogg Vorbis and M4A/AAC audio, PNG, JPEG and WebP pictures, and PDFs",
            ),
            ErrorCode::Offline => Some(
                "nothing is lost: changes stay here and go with the next sync; check the network and the server's address",
            ),
            ErrorCode::SignInNeeded => {
                Some("sign in with `satchel login --server URL --user NAME`")
            }
            ErrorCode::PasswordRequired => {
                Some("set SATCHEL_DOCUMENT_PASSWORD to the document's password")
            }
            _ => None,
        };
        Self {
            view,
            hint: hint.map(str::to_owned),
            context: None,
        }
    }
}

/// Prints `value` as one line of JSON, or runs `human` to print it for a person.
pub fn print<T: Serialize>(json: bool, value: &T, human: impl FnOnce(&T)) -> Result<(), Failure> {
    if json {
        let line = serde_json::to_string(value)
            .map_err(|e| Failure::new(ErrorCode::Internal, e.to_string()))?;
        println!("{line}");
    } else {
        human(value);
    }
    Ok(())
}

/// Copies a stored file (a card's media, a source's original) to `output` and says
/// where it went: `path`, `mime` and `size` with --json.
pub fn write_out(
    json: bool,
    mut reader: impl std::io::Read,
    mime: &str,
    output: &std::path::Path,
) -> Result<(), Failure> {
    let size = std::fs::File::create(output)
        .and_then(|mut file| std::io::copy(&mut reader, &mut file))
        .map_err(|e| {
            Failure::new(
                ErrorCode::Storage,
                format!("writing {}: {e}", output.display()),
            )
        })?;
    print(
        json,
        &serde_json::json!({ "path": output, "mime": mime, "size": size }),
        |_| println!("Wrote {} ({mime}, {size} bytes).", output.display()),
    )
}

/// Writes `bytes` to `path` whole: beside it first, then moved into place.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    let partial = path.with_extension("part");
    let failed = |e: std::io::Error| {
        Failure::new(
            ErrorCode::Storage,
            format!("writing {}: {e}", path.display()),
        )
    };
    std::fs::write(&partial, bytes).map_err(failed)?;
    std::fs::rename(&partial, path).map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        failed(e)
    })
}
