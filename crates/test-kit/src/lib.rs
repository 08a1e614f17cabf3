//! What Satchel's tests and benchmarks share, so each reads as the scenario it checks
//! and a figure or a fixture is made one way everywhere: the median and percentiles
//! of timings ([`stats`]), one seeded generator ([`Rng`]), WAV files ([`wav`]), the
//! programs that make test media ([`tools`]), school text ([`text`]), word and
//! character error rates ([`wer`]), the study-pack quality set and its scores
//! ([`packs`]); and, with the default `satchel` feature,
//! temporary libraries and profiles ([`profiles`]), card drafts ([`cards`]) and
//! stand-ins for the models ([`fakes`]), and packs made of the set's passages
//! ([`pack_runs`]).
//!
//! It serves the integration tests, the end-to-end tests and the benchmarks. The core's
//! own unit tests cannot use it: this crate depends on `satchel-core`, and a unit test
//! is compiled inside the crate it tests, so the `Satchel` the kit builds would be
//! another crate's type there. They keep `crates/core/src/testing.rs`.
//!
//! Without the `satchel` feature the kit is plain Rust with few dependencies, for xtask and
//! for the crates below the core (`satchel-media`), whose tests should not wait for
//! the core to build.

#[cfg(feature = "satchel")]
pub mod cards;
#[cfg(feature = "satchel")]
pub mod fakes;
pub mod files;
#[cfg(feature = "satchel")]
pub mod pack_runs;
pub mod packs;
#[cfg(feature = "satchel")]
pub mod profiles;
pub mod rng;
pub mod stats;
pub mod text;
pub mod tools;
pub mod wav;
pub mod wer;

#[cfg(feature = "satchel")]
pub use profiles::{PASSPHRASE, TempSatchel};
pub use rng::Rng;
pub use stats::{Samples, median, percentile};
