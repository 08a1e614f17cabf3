//! Builders shared by the unit tests, so each test reads as the scenario it checks.

use std::sync::Arc;

use tempfile::TempDir;

use crate::keys::MemoryKeychain;
use crate::{Profile, Satchel};

pub(crate) fn satchel_with(keychain: Arc<MemoryKeychain>) -> (TempDir, Satchel) {
    let dir = tempfile::tempdir().unwrap();
    let satchel = Satchel::new(dir.path(), keychain).unwrap();
    (dir, satchel)
}

pub(crate) fn keychain_profile(name: &str) -> (TempDir, Satchel, Profile) {
    let (dir, satchel) = satchel_with(Arc::default());
    let (profile, _code) = satchel.create_profile(name, None).unwrap();
    (dir, satchel, profile)
}

/// A second of a 440 Hz tone as a 16 kHz mono WAV.
pub(crate) fn tone_wav(path: &std::path::Path) {
    use std::io::Write;
    let samples: Vec<i16> = (0..16_000)
        .map(|i| ((i as f32 * 440.0 * std::f32::consts::TAU / 16_000.0).sin() * 8_000.0) as i16)
        .collect();
    let mut file = std::fs::File::create(path).unwrap();
    let data = (samples.len() * 2) as u32;
    file.write_all(b"RIFF").unwrap();
    file.write_all(&(36 + data).to_le_bytes()).unwrap();
    file.write_all(b"WAVEfmt \x10\0\0\0\x01\0\x01\0").unwrap();
    file.write_all(&16_000u32.to_le_bytes()).unwrap();
    file.write_all(&32_000u32.to_le_bytes()).unwrap();
    file.write_all(b"\x02\0\x10\0data").unwrap();
    file.write_all(&data.to_le_bytes()).unwrap();
    for s in samples {
        file.write_all(&s.to_le_bytes()).unwrap();
    }
}

/// Models for tests with nothing to transcribe or read: every call fails as stopped.
pub(crate) struct NothingToRead;

impl crate::voice::Transcriber for NothingToRead {
    fn transcribe(
        &self,
        _: crate::voice::Audio,
        _: Option<&str>,
        _: crate::voice::ProgressFn,
        _: Arc<std::sync::atomic::AtomicBool>,
    ) -> Result<crate::voice::Transcription, satchel_media::MediaError> {
        Err(satchel_media::MediaError::Cancelled)
    }
}

impl crate::vision::Reader for NothingToRead {
    fn read_image(&self, _: &[u8]) -> Result<crate::vision::ReadPage, satchel_media::MediaError> {
        Err(satchel_media::MediaError::Cancelled)
    }

    fn read_document(
        &self,
        _: &[u8],
        _: Option<&str>,
        _: &mut dyn FnMut(usize, usize),
    ) -> Result<Vec<crate::vision::ReadPage>, satchel_media::MediaError> {
        Err(satchel_media::MediaError::Cancelled)
    }

    fn draw_page(
        &self,
        _: &[u8],
        _: Option<&str>,
        _: u32,
        _: u32,
    ) -> Result<satchel_media::image_in::RgbImage, satchel_media::MediaError> {
        Err(satchel_media::MediaError::Cancelled)
    }
}

/// "chat" / "cat" written as a card and its reverse, in deck French.
pub(crate) fn french_pair() -> satchel_types::CardDraft {
    satchel_types::CardDraft {
        deck: "French".into(),
        kind: satchel_types::CardKind::Reversed,
        front: "chat".into(),
        back: "cat".into(),
        choices: Vec::new(),
        media: Vec::new(),
    }
}
