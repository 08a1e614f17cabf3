//! `satchel-server`: serve, and manage accounts.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, Parser, Subcommand};
use satchel_server::store::{Role, Store};
use satchel_server::{AppState, Config};

/// The optional Satchel sync server: a learner's devices stay in step through it.
#[derive(Parser)]
#[command(
    name = "satchel-server",
    version,
    args_conflicts_with_subcommands = true,
    // A setting given on the command line wins over the same one from --config.
    args_override_self = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: Serve,
}

#[derive(Args, Clone)]
struct Where {
    /// Folder of the embedded database (used unless --database-url is given).
    #[arg(long, env = "SATCHEL_SERVER_DATA")]
    data_dir: Option<PathBuf>,
    /// A PostgreSQL URL (postgres://user@host/db): for instances sharing one database.
    #[arg(long, env = "SATCHEL_DATABASE_URL")]
    database_url: Option<String>,
    /// The file holding the key the server's own secrets (its token-signing key, bundle
    /// key and TLS private key) are sealed under in the database: 64 hex digits, made on
    /// first start. By default `secrets.key` in the data folder; instances in front of
    /// one PostgreSQL share one (without it, their secrets are kept in plain).
    #[arg(long, env = "SATCHEL_SECRETS_KEY_FILE")]
    secrets_key_file: Option<PathBuf>,
    /// The authority (PEM) that signed the database's certificate, for a database
    /// reached with `sslmode=require` or `verify-full` in --database-url (its
    /// certificate is also checked against the system's roots).
    #[arg(long, env = "SATCHEL_DATABASE_CA")]
    database_ca: Option<PathBuf>,
}

/// The secrets key in `path`, made there (readable by this user only) when missing.
fn secrets_key(path: &std::path::Path) -> anyhow::Result<[u8; 32]> {
    if !path.exists() {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        let hex = satchel_sync::device::hex(&key);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        use std::io::Write;
        options
            .open(path)
            .and_then(|mut f| f.write_all(hex.as_bytes()).and_then(|()| f.sync_all()))
            .with_context(|| format!("making the secrets key {}", path.display()))?;
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the secrets key {}", path.display()))?;
    satchel_sync::device::unhex(text.trim())
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| anyhow::anyhow!("{} is not 64 hex digits", path.display()))
}

#[derive(Args)]
struct Serve {
    #[command(flatten)]
    at: Where,
    /// Address to listen on; 0.0.0.0:7480 lets a classroom's devices reach it.
    #[arg(long, default_value = "127.0.0.1:7480")]
    listen: String,
    /// Speak plain HTTP, for a TLS-terminating proxy in front on this machine: only
    /// on a loopback address.
    #[arg(long)]
    insecure_http: bool,
    /// A certificate chain (PEM) from an authority, for a school server whose clients
    /// check it against their system's roots; by default the server makes its own on
    /// first start and clients pin its fingerprint.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key (PEM) of --tls-cert.
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// A host name devices reach this server by (repeatable): the name on --tls-cert,
    /// or the proxy's in front. Devices sign challenges for the server they reach, and
    /// an answer for any other name is refused.
    #[arg(long = "public-name")]
    public_names: Vec<String>,
    /// A token that lets /metrics be read from beyond this machine.
    #[arg(long, env = "SATCHEL_METRICS_TOKEN")]
    metrics_token: Option<String>,
    /// Requests a signed-in user may make a minute.
    #[arg(long, default_value_t = 600)]
    requests_per_minute: u32,
    /// What one account may keep: MiB of documents and media…
    #[arg(long, default_value_t = 2048)]
    quota_mb: u64,
    /// …documents…
    #[arg(long, default_value_t = 200_000)]
    quota_docs: u64,
    /// …and media files. Past any of them a sync is refused whole and nothing is lost.
    #[arg(long, default_value_t = 20_000)]
    quota_files: u64,
    /// Seconds an access token is good for.
    #[arg(long, default_value_t = 900)]
    access_ttl: u64,
    /// Advertise this server on the local network (mDNS) under this name, so students'
    /// apps find it ("Ms Rivera's class").
    #[arg(long)]
    advertise: Option<String>,
    /// A folder of signed packs (an update of Satchel, a model pack) to offer the
    /// class's apps; by default `offers` in the data folder. Only packs signed by a
    /// trusted key are listed.
    #[arg(long, env = "SATCHEL_SERVER_OFFERS")]
    offers_dir: Option<PathBuf>,
    /// A public key (a minisign `.pub` file) offered packs may be signed with, beside
    /// Satchel's release key: a school that signs its own packs. May be repeated.
    #[arg(long = "trust-key")]
    trust_keys: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Prints the SHA-256 fingerprint of the server's certificate (made now if it has
    /// none yet), and the words students compare it by.
    Fingerprint {
        #[command(flatten)]
        at: Where,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Adds an account; the password comes from SATCHEL_PASSWORD or a prompt.
    Add {
        name: String,
        #[arg(long, value_parser = ["learner", "teacher", "admin"], default_value = "learner")]
        role: String,
        #[command(flatten)]
        at: Where,
    },
    /// Sets an account's password (from SATCHEL_PASSWORD or a prompt).
    Password {
        name: String,
        #[command(flatten)]
        at: Where,
    },
    /// Lists the accounts.
    List {
        #[command(flatten)]
        at: Where,
    },
}

/// The command line with the settings of `--config FILE` (TOML, keys as the long
/// options: `listen = "0.0.0.0:7480"`, `advertise = "…"`, `data-dir = "…"`) put first,
/// so the command line's own win. A packaged server starts as
/// `satchel-server --config /etc/satchel/server.toml`.
fn with_config_file(args: Vec<std::ffi::OsString>) -> anyhow::Result<Vec<std::ffi::OsString>> {
    let at = args.iter().position(|a| a == "--config");
    let inline = args
        .iter()
        .position(|a| a.to_string_lossy().starts_with("--config="));
    let (path, rest): (PathBuf, Vec<std::ffi::OsString>) = match (at, inline) {
        (Some(i), _) => {
            let path = args.get(i + 1).context("--config needs a file")?.into();
            let mut rest = args.clone();
            rest.drain(i..=i + 1);
            (path, rest)
        }
        (None, Some(i)) => {
            let text = args[i].to_string_lossy().into_owned();
            let mut rest = args.clone();
            rest.remove(i);
            (PathBuf::from(&text["--config=".len()..]), rest)
        }
        (None, None) => return Ok(args),
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading the settings {}", path.display()))?;
    let table: toml::Table = text
        .parse()
        .with_context(|| format!("{} is not TOML", path.display()))?;
    let mut out = vec![
        rest.first()
            .cloned()
            .unwrap_or_else(|| "satchel-server".into()),
    ];
    for (key, value) in table {
        let flag = format!("--{key}");
        match value {
            toml::Value::Boolean(true) => out.push(flag.into()),
            toml::Value::Boolean(false) => {}
            toml::Value::Array(items) => {
                for item in items {
                    out.push(flag.clone().into());
                    out.push(plain(&item).into());
                }
            }
            other => {
                out.push(flag.into());
                out.push(plain(&other).into());
            }
        }
    }
    out.extend(rest.into_iter().skip(1));
    Ok(out)
}

/// A TOML value as a command line writes it.
fn plain(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Float(x) => x.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        // Dates and tables name no option; clap says which key it does not know.
        _ => String::new(),
    }
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse_from(with_config_file(std::env::args_os().collect())?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    runtime.block_on(async move {
        match cli.command {
            None => serve(cli.serve).await,
            Some(Command::User { command }) => user(command).await,
            Some(Command::Fingerprint { at }) => {
                let store = open(&at).await?;
                let identity = satchel_server::identity(&store)
                    .await
                    .map_err(|e| anyhow::anyhow!(e.message))?;
                println!("{}", identity.fingerprint());
                Ok(())
            }
        }
    })
}

fn data_dir(at: &Where) -> anyhow::Result<PathBuf> {
    match &at.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => Ok(
            directories::ProjectDirs::from("org", "satchel", "satchel-server")
                .context("no home folder: give --data-dir")?
                .data_dir()
                .to_owned(),
        ),
    }
}

async fn open(at: &Where) -> anyhow::Result<Store> {
    if let Some(url) = &at.database_url {
        let ca = match &at.database_ca {
            Some(path) => {
                Some(std::fs::read(path).with_context(|| format!("reading {}", path.display()))?)
            }
            None => None,
        };
        let store = Store::open_postgres_with_ca(url, ca.as_deref())
            .await
            .context("opening the PostgreSQL database")?;
        return Ok(match &at.secrets_key_file {
            Some(path) => store.sealing_secrets(secrets_key(path)?),
            None => {
                tracing::warn!(
                    "no --secrets-key-file: the server's secrets are kept in plain in the database"
                );
                store
            }
        });
    }
    let dir = data_dir(at)?;
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let key = secrets_key(
        &at.secrets_key_file
            .clone()
            .unwrap_or_else(|| dir.join("secrets.key")),
    )?;
    Ok(Store::open_sqlite(&dir.join("server.sqlite3"))
        .await
        .with_context(|| format!("opening the database in {}", dir.display()))?
        .sealing_secrets(key))
}

async fn serve(args: Serve) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let store = open(&args.at).await?;
    let offers_dir = match args.offers_dir {
        Some(dir) => Some(dir),
        None if args.at.database_url.is_none() => Some(data_dir(&args.at)?.join("offers")),
        None => None,
    };
    let mut offer_keys = Config::default().offer_keys;
    for path in &args.trust_keys {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading the key {}", path.display()))?;
        if satchel_packs::TrustedKeys::from_texts(&[&text]).is_empty() {
            bail!("{} is not a minisign public key", path.display());
        }
        offer_keys.push(text);
    }
    let identity = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => {
            let read = |path: &PathBuf| {
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))
            };
            Some(satchel_server::tls::Identity::from_pem(
                &read(cert)?,
                &read(key)?,
            )?)
        }
        _ if args.insecure_http => None,
        _ => Some(
            satchel_server::identity(&store)
                .await
                .map_err(|e| anyhow::anyhow!(e.message))?,
        ),
    };
    let mut audiences = Config::default().audiences;
    audiences.extend(
        args.public_names
            .iter()
            .map(|name| satchel_sync::device::host_audience(name)),
    );
    let config = Config {
        audiences,
        requests_per_minute: args.requests_per_minute,
        quota_bytes: args.quota_mb.saturating_mul(1 << 20),
        quota_docs: args.quota_docs,
        quota_media: args.quota_files,
        access_ttl: Duration::from_secs(args.access_ttl),
        offers_dir,
        offer_keys,
        metrics_token: args.metrics_token.clone(),
        ..Config::default()
    };
    let config = match &identity {
        Some(identity) => config.known_by_certificate(&identity.fingerprint()),
        None => config,
    };
    let state = AppState::new(store, config).await.context("starting")?;
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    let address = listener.local_addr()?;
    if identity.is_none() && !address.ip().is_loopback() {
        bail!("plain HTTP is for a proxy on this machine: listen on a loopback address");
    }
    // Scripts and tests read the address, pinned (the port may have been 0).
    match &identity {
        Some(identity) => println!(
            "listening on https://{address}/#sha256={}",
            identity.fingerprint()
        ),
        None => println!("listening on http://{address}"),
    }
    std::io::stdout().flush()?;
    tracing::info!(%address, store = state.store.kind(), "serving");
    // Kept until the server stops; dropping it withdraws the advertisement.
    let _advertised = match &args.advertise {
        Some(name) => match satchel_server::mdns::advertise(name, address.port()) {
            Ok(ad) => Some(ad),
            Err(e) => {
                // Students can still type the address.
                tracing::warn!(error = %e, "not advertised on the local network");
                None
            }
        },
        None => None,
    };
    match identity {
        Some(identity) => satchel_server::serve_tls(listener, &identity, state, stopped()).await,
        None => satchel_server::serve(listener, state, stopped()).await,
    }
    .context("serving")
}

/// Ctrl+C, or SIGTERM from a service manager: requests in flight finish first.
async fn stopped() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(term) => term,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    tracing::info!("stopping: finishing the requests in flight");
}

fn password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("SATCHEL_PASSWORD") {
        return Ok(password);
    }
    let first = rpassword::prompt_password("Password: ").context("reading the password")?;
    let again = rpassword::prompt_password("Again: ").context("reading the password")?;
    if first != again {
        bail!("the two passwords differ");
    }
    Ok(first)
}

async fn user(command: UserCommand) -> anyhow::Result<()> {
    match command {
        UserCommand::Add { name, role, at } => {
            let store = open(&at).await?;
            let role = Role::parse(&role).context("a role is learner, teacher or admin")?;
            let user = satchel_server::add_account(&store, &name, &password()?, role)
                .await
                .map_err(|e| anyhow::anyhow!(e.message))?;
            println!("{}\t{}\t{}", user.id, user.name, user.role.as_str());
        }
        UserCommand::Password { name, at } => {
            let store = open(&at).await?;
            if !satchel_server::set_password(&store, &name, &password()?)
                .await
                .map_err(|e| anyhow::anyhow!(e.message))?
            {
                bail!("no account is named {name:?}");
            }
            println!("the password of {name} is set");
        }
        UserCommand::List { at } => {
            for user in open(&at).await?.users().await? {
                println!("{}\t{}\t{}", user.id, user.name, user.role.as_str());
            }
        }
    }
    Ok(())
}
