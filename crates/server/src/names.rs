//! Account names as people type and read them. A name is kept as PRECIS's Nickname
//! profile enforces it (RFC 8266: spaces trimmed and collapsed, NFKC, no control or
//! unassigned characters), and compared by a key: the name case-folded, then reduced to
//! its UTS #39 confusable skeleton. So "ana", " Ana " and "Аna" (with a Cyrillic А) are
//! one name: a look-alike of a classmate's name is refused, and signing in with "ana"
//! finds "Ana".

use precis_core::profile::PrecisFastInvocation;
use precis_profiles::Nickname;

/// The longest name, in characters.
pub const MAX_CHARS: usize = 64;

/// Why a name is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a name is 1 to {MAX_CHARS} letters, digits, spaces or punctuation, with no control characters"
)]
pub struct BadName;

/// `name` as it is kept and shown.
pub fn display(name: &str) -> Result<String, BadName> {
    let enforced = Nickname::enforce(name).map_err(|_| BadName)?;
    let count = enforced.chars().count();
    if count == 0 || count > MAX_CHARS {
        return Err(BadName);
    }
    Ok(enforced.into_owned())
}

/// What two names that look the same share; `None` for what is not a name.
pub fn key(name: &str) -> Option<String> {
    let kept = display(name).ok()?;
    let folded = kept.to_lowercase();
    Some(unicode_security::skeleton(&folded).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kept_tidy_and_compared_as_they_look() {
        assert_eq!(display("  Ana   María ").unwrap(), "Ana María");
        // Full-width letters are their ordinary selves (NFKC).
        assert_eq!(display("Ａｎａ").unwrap(), "Ana");
        let ana = key("Ana").unwrap();
        for same in ["ana", " ANA ", "Аna", "Ａｎａ"] {
            assert_eq!(key(same).as_deref(), Some(ana.as_str()), "{same:?}");
        }
        // Greek omicron for o, and "rn" for "m": look-alikes.
        assert_eq!(key("Οmar"), key("Omar"));
        assert_eq!(key("Kim"), key("Kirn"));
        assert_ne!(key("Ana"), key("Anna"));
        assert_ne!(key("Ana María"), key("Ana Maria"));
        for bad in [
            "",
            "   ",
            "a\u{0}b",
            "tab\there",
            "new\nline",
            &"x".repeat(65),
        ] {
            assert!(display(bad).is_err(), "{bad:?}");
            assert!(key(bad).is_none(), "{bad:?}");
        }
        assert_eq!(display(&"é".repeat(64)).unwrap().chars().count(), 64);
    }
}
