//! 16-bit mono PCM WAV files written sample by sample: sound any decoder reads, made
//! without a tool, as large as a test needs (streamed, never held whole).

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// The rate Whisper listens at, and the one most tests record at.
pub const RATE: u32 = 16_000;

/// `count` samples of `samples` at `rate` as a WAV stream into `out`. An error when
/// `count` is too long for WAV's 32-bit sizes or `samples` runs out before it.
pub fn write_to(
    mut out: impl Write,
    rate: u32,
    count: u64,
    samples: impl IntoIterator<Item = i16>,
) -> io::Result<()> {
    let data = count
        .checked_mul(2)
        .and_then(|bytes| u32::try_from(bytes).ok())
        .filter(|bytes| bytes.checked_add(36).is_some())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{count} samples do not fit in a WAV file (4 GiB at most)"),
            )
        })?;
    out.write_all(b"RIFF")?;
    out.write_all(&(36 + data).to_le_bytes())?;
    out.write_all(b"WAVEfmt ")?;
    out.write_all(&16u32.to_le_bytes())?;
    out.write_all(&1u16.to_le_bytes())?; // PCM
    out.write_all(&1u16.to_le_bytes())?; // mono
    out.write_all(&rate.to_le_bytes())?;
    out.write_all(&rate.saturating_mul(2).to_le_bytes())?;
    out.write_all(&2u16.to_le_bytes())?;
    out.write_all(&16u16.to_le_bytes())?;
    out.write_all(b"data")?;
    out.write_all(&data.to_le_bytes())?;
    let mut written = 0;
    for sample in samples
        .into_iter()
        .take(usize::try_from(count).unwrap_or(usize::MAX))
    {
        out.write_all(&sample.to_le_bytes())?;
        written += 1;
    }
    if written < count {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{written} samples for a header that says {count}"),
        ));
    }
    out.flush()
}

/// `samples` at `rate` as the bytes of a WAV file.
pub fn bytes(rate: u32, samples: &[i16]) -> io::Result<Vec<u8>> {
    let mut wav = Vec::with_capacity(44 + samples.len() * 2);
    write_to(
        &mut wav,
        rate,
        samples.len() as u64,
        samples.iter().copied(),
    )?;
    Ok(wav)
}

/// `count` samples of `samples` at `rate` streamed into a new WAV file at `path`.
pub fn write_file(
    path: &Path,
    rate: u32,
    count: u64,
    samples: impl IntoIterator<Item = i16>,
) -> io::Result<()> {
    let file = std::fs::File::create(path)?;
    write_to(
        BufWriter::with_capacity(1 << 20, file),
        rate,
        count,
        samples,
    )
}

/// `count` samples of a sine at `hz` (a quarter of full scale: loud, never clipped).
pub fn tone(rate: u32, hz: f64, count: u32) -> Vec<i16> {
    (0..count)
        .map(|n| {
            let t = f64::from(n) / f64::from(rate);
            ((t * hz * std::f64::consts::TAU).sin() * 8_000.0) as i16
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wav_is_a_44_byte_header_then_the_samples() {
        let wav = bytes(8_000, &[1, -2, 3]).unwrap();
        assert_eq!(wav.len(), 44 + 6);
        assert_eq!(&wav[..4], b"RIFF");
        assert_eq!(u32::from_le_bytes(wav[4..8].try_into().unwrap()), 36 + 6);
        assert_eq!(&wav[8..16], b"WAVEfmt ");
        assert_eq!(u32::from_le_bytes(wav[24..28].try_into().unwrap()), 8_000);
        assert_eq!(u32::from_le_bytes(wav[28..32].try_into().unwrap()), 16_000);
        assert_eq!(&wav[36..40], b"data");
        assert_eq!(u32::from_le_bytes(wav[40..44].try_into().unwrap()), 6);
        assert_eq!(&wav[44..], &[1, 0, 0xfe, 0xff, 3, 0]);
    }

    #[test]
    fn too_few_samples_or_too_many_for_wav_are_errors() {
        let mut out = Vec::new();
        assert!(write_to(&mut out, RATE, 3, [0i16; 2]).is_err());
        assert!(
            write_to(
                std::io::sink(),
                RATE,
                u64::from(u32::MAX),
                std::iter::empty()
            )
            .is_err()
        );
    }

    #[test]
    fn a_file_is_streamed_from_an_iterator() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("silence.wav");
        write_file(&path, RATE, 16_000, std::iter::repeat(0)).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 44 + 32_000);
    }

    #[test]
    fn a_tone_swings_to_a_quarter_of_full_scale() {
        let samples = tone(RATE, 440.0, RATE);
        assert_eq!(samples.len(), 16_000);
        assert_eq!(samples[0], 0);
        let peak = samples.iter().map(|s| s.unsigned_abs()).max().unwrap();
        assert!((7_990..=8_000).contains(&peak), "{peak}");
    }
}
