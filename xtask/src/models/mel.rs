//! The mel filter bank Whisper's GGML files carry: librosa's
//! `filters.mel(sr=16000, n_fft=400, n_mels=80)` — Slaney's mel scale, Slaney area
//! normalisation — the same matrix OpenAI ships as `mel_filters.npz`.

const SAMPLE_RATE: f64 = 16_000.0;
pub const N_FFT: usize = 400;
pub const BINS: usize = N_FFT / 2 + 1;

// Slaney's scale: linear below 1 kHz (200/3 Hz per mel), logarithmic above.
const F_SP: f64 = 200.0 / 3.0;
const MIN_LOG_HZ: f64 = 1000.0;
const MIN_LOG_MEL: f64 = MIN_LOG_HZ / F_SP;

fn log_step() -> f64 {
    6.4f64.ln() / 27.0
}

fn hz_to_mel(hz: f64) -> f64 {
    if hz < MIN_LOG_HZ {
        hz / F_SP
    } else {
        MIN_LOG_MEL + (hz / MIN_LOG_HZ).ln() / log_step()
    }
}

fn mel_to_hz(mel: f64) -> f64 {
    if mel < MIN_LOG_MEL {
        F_SP * mel
    } else {
        MIN_LOG_HZ * (log_step() * (mel - MIN_LOG_MEL)).exp()
    }
}

/// `n_mels` rows of `BINS` weights, row-major.
pub fn filters(n_mels: usize) -> Vec<f32> {
    let fft_freqs: Vec<f64> = (0..BINS)
        .map(|k| k as f64 * SAMPLE_RATE / N_FFT as f64)
        .collect();
    let (low, high) = (hz_to_mel(0.0), hz_to_mel(SAMPLE_RATE / 2.0));
    let mel_freqs: Vec<f64> = (0..n_mels + 2)
        .map(|i| mel_to_hz(low + (high - low) * i as f64 / (n_mels + 1) as f64))
        .collect();
    let mut weights = vec![0f32; n_mels * BINS];
    for m in 0..n_mels {
        let (left, centre, right) = (mel_freqs[m], mel_freqs[m + 1], mel_freqs[m + 2]);
        let norm = 2.0 / (right - left);
        for (k, &f) in fft_freqs.iter().enumerate() {
            let rising = (f - left) / (centre - left);
            let falling = (right - f) / (right - centre);
            weights[m * BINS + k] = (rising.min(falling).max(0.0) * norm) as f32;
        }
    }
    weights
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_round_trips_and_the_bank_matches_librosa() {
        for hz in [0.0, 500.0, 1000.0, 4000.0, 8000.0] {
            assert!((mel_to_hz(hz_to_mel(hz)) - hz).abs() < 1e-6);
        }
        let bank = filters(80);
        assert_eq!(bank.len(), 80 * BINS);
        // Spot values of librosa.filters.mel(sr=16000, n_fft=400, n_mels=80).
        assert!((bank[1] - 0.024_862_594).abs() < 1e-7, "{}", bank[1]);
        assert!(
            (bank[BINS + 2] - 0.022_871_772).abs() < 1e-7,
            "{}",
            bank[BINS + 2]
        );
        // Each filter is a triangle: zero far from its centre.
        assert_eq!(bank[100], 0.0);
    }
}
