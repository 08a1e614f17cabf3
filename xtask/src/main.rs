//! `cargo xtask <task>`: the one entry point for setting up, building, running,
//! testing and benchmarking Satchel.
//!
//! - `setup`   install what a fresh Debian 12 / Ubuntu machine lacks (idempotent)
//! - `ui`      build the Leptos UI into `ui/dist`
//! - `run`     setup, build and start the desktop app (extra args go to the app)
//! - `test`    setup, then every check CI runs: fmt, clippy, deny, all tests,
//!   including the keychain and desktop end-to-end tests
//! - `test-sync` the sync server's and sync's tests alone, on SQLite and on a
//!   PostgreSQL it starts (quicker than `test` while working on sync)
//! - `bench`   `cargo xtask bench [store|startup|voice|ocr|pdf|search|pack|learn|sync|class|pi|models|all]`,
//!   measured with the machine's network out of reach
//! - `bundle`  the Linux installers (.deb, .rpm, a portable tarball) in `dist/`, every
//!   model inside; `bundle server-arm64` the class server for a Raspberry Pi (a `.deb`
//!   and a bare binary); `bundle windows` the Windows tree and its NSIS installer in
//!   `dist/windows/`
//! - `install-root DEB` a clean Debian 12 root with DEB installed by apt, as the
//!   install test uses it
//! - `models`  fetch, check, convert and cache the model weights (`models/manifest.json`)
//! - `axe`     fetch axe-core (the desktop tests' accessibility checker) and print its path
//! - `modules` the imports among core's top-level modules: down the layers only, and no
//!   cycles

mod arm64;
mod axe;
mod bench;
mod bundle;
mod debroot;
mod isolate;
mod models;
mod modules;
mod session;
mod setup;
mod shell;
mod test;
mod windows;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match task {
        "setup" => setup::run(),
        "ui" => setup::build_ui(),
        "run" => run_app(rest),
        "test" if rest.is_empty() => test::run(),
        "test" => test::some(rest),
        "test-in-session" => test::in_session(rest),
        "test-sync" => test::sync(rest),
        "test-sync-isolated" => test::sync_isolated(rest),
        "bench" => bench::run(rest),
        "bench-isolated" => bench::measure(rest),
        "models" => models::run(rest),
        "axe" => axe::script().map(|path| println!("{}", path.display())),
        "bundle" => match rest.first().map(String::as_str) {
            None => bundle::run(),
            Some("server-arm64") => arm64::bundle(),
            Some("windows") => windows::bundle(),
            Some(other) => Err(anyhow::anyhow!(
                "cargo xtask bundle [server-arm64|windows]: no bundle {other:?}"
            )),
        },
        "install-root" => match rest.first() {
            Some(deb) => debroot::prepare(std::path::Path::new(deb)).map(|root| {
                println!("{}", root.display());
            }),
            None => Err(anyhow::anyhow!(
                "usage: cargo xtask install-root PACKAGE.deb"
            )),
        },
        "modules" => modules::check(),
        _ => {
            eprintln!(
                "usage: cargo xtask setup | ui | run [APP ARGS] | test [CARGO TEST ARGS] | test-sync [FILTER] | bench [store|startup|voice|ocr|pdf|search|pack|learn|sync|class|pi|models|all] | models [ID...] | bundle [server-arm64|windows] | install-root DEB | modules"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask {task} failed: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run_app(args: &[String]) -> anyhow::Result<()> {
    setup::run()?;
    models::run(&[])?;
    setup::build_ui()?;
    shell::cargo(&["build", "--release", "-p", "satchel-desktop"])?;
    let app = shell::target_dir().join("release/satchel-desktop");
    shell::exec(std::process::Command::new(app).args(args))
}
