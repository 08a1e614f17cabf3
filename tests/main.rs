//! Satchel's end-to-end tests, one module a file, in one test binary: one link for
//! all of them instead of one each. Three are binaries of their own: `crash` (a
//! harness of its own, killing a copy of itself), `record` (the microphone, whose
//! real-time capture should not share the cores with the other tests' work) and
//! `desktop` (the real window).

mod anki;
mod arm64;
mod at_rest;
mod backup;
mod classroom;
mod cli;
mod hostile;
mod ingest;
mod keychain;
mod languages;
mod learn;
mod models;
mod offers;
mod pack;
mod search;
mod sync;
mod wifi;
