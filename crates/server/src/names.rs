//! Account names as people type and read them. A name is kept as PRECIS's Nickname
//! profile enforces it (RFC 8266: spaces trimmed and collapsed, NFKC, no control or
//! unassigned characters), and compared by a key: the name case-folded, each letter
//! outside ASCII replaced by its UTS #39 confusable skeleton. So "ana", " Ana " and "Аna"
//! (with a Cyrillic А) are one name: a look-alike of a classmate's name is refused, and
//! signing in with "ana" finds "Ana". ASCII is compared as it is: the skeleton of a
//! whole name would make "rn" an "m", and Arnie and Amie one person.

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
    let mut key = String::with_capacity(kept.len());
    for c in kept.to_lowercase().chars() {
        if c.is_ascii() {
            key.push(c);
        } else {
            key.extend(unicode_security::skeleton(c.encode_utf8(&mut [0; 4])));
        }
    }
    Some(key)
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
        // Greek omicron for o: a look-alike. Names that differ in Latin letters are two
        // people, however alike their letters look together.
        assert_eq!(key("Οmar"), key("Omar"));
        assert_ne!(key("Kim"), key("Kirn"));
        assert_ne!(key("Clara"), key("Dara"));
        assert_ne!(key("Amie"), key("Arnie"));
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
