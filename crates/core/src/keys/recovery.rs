use zeroize::Zeroizing;

use super::fill_random;
use crate::{Error, Result};

/// 160 random bits shown once at profile creation, written as eight groups of four
/// Crockford base32 characters (no I, L, O or U, so nothing reads two ways).
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(Zeroizing<String>);

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BYTES: usize = 20;
const CHARS: usize = BYTES * 8 / 5;
const GROUP: usize = 4;

impl RecoveryCode {
    pub fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; BYTES]);
        fill_random(bytes.as_mut())?;
        let mut chars = Zeroizing::new(String::with_capacity(CHARS + CHARS / GROUP));
        let (mut acc, mut bits) = (0u32, 0u32);
        for &byte in bytes.iter() {
            acc = (acc << 8) | u32::from(byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                if !chars.is_empty() && (chars.len() + 1).is_multiple_of(GROUP + 1) {
                    chars.push('-');
                }
                chars.push(char::from(ALPHABET[((acc >> bits) & 31) as usize]));
            }
        }
        Ok(Self(chars))
    }

    /// Reads a code as a person types it: any case, with or without dashes and
    /// spaces, and with the look-alikes O→0 and I/L→1 forgiven.
    pub fn parse(typed: &str) -> Result<Self> {
        let mut canonical = Zeroizing::new(String::with_capacity(CHARS + CHARS / GROUP));
        let mut count: usize = 0;
        for c in typed.chars() {
            let c = match c.to_ascii_uppercase() {
                '-' | ' ' | '\t' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
                _ => return Err(invalid()),
            };
            if count > 0 && count.is_multiple_of(GROUP) {
                canonical.push('-');
            }
            canonical.push(c);
            count += 1;
        }
        if count != CHARS {
            return Err(invalid());
        }
        Ok(Self(canonical))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn invalid() -> Error {
    Error::Rule(satchel_types::ErrorDetail::RecoveryCodeShape {
        letters: CHARS as u64,
        group: GROUP as u64,
    })
}

impl std::fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryCode(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_are_grouped_and_parse_back() {
        let code = RecoveryCode::generate().unwrap();
        assert_eq!(code.as_str().len(), CHARS + CHARS / GROUP - 1);
        assert_eq!(code.as_str().split('-').count(), CHARS / GROUP);
        assert_eq!(RecoveryCode::parse(code.as_str()).unwrap(), code);
    }

    #[test]
    fn typing_slips_are_forgiven() {
        let code = RecoveryCode::parse("0123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ").unwrap();
        let typed = "o123 4567 89ab cdef ghjk mnpq rstv wxyz";
        assert_eq!(RecoveryCode::parse(typed).unwrap(), code);
        assert_eq!(RecoveryCode::parse(&typed.replace(' ', "")).unwrap(), code);
    }

    #[test]
    fn wrong_lengths_and_letters_are_refused() {
        assert!(RecoveryCode::parse("").is_err());
        assert!(RecoveryCode::parse("0123-4567").is_err());
        assert!(RecoveryCode::parse("U123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ").is_err());
        assert!(RecoveryCode::parse("é123-4567-89AB-CDEF-GHJK-MNPQ-RSTV-WXYZ").is_err());
    }
}
