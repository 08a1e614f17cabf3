//! A light stemmer for Hindi (Ramanathan and Rao, "A Lightweight Stemmer for Hindi",
//! 2003; the one Lucene uses): the longest inflectional suffix is taken off, so the
//! plural and oblique forms of a noun and the forms of a verb meet at one stem. Snowball
//! has no Hindi, and a light stemmer is what retrieval in Hindi is measured with.

/// The suffixes, by length in characters, longest first; written as [`super::fold`]
/// leaves them (anusvara for chandrabindu).
const SUFFIXES: [&[&str]; 5] = [
    &["ाएंगी", "ाएंगे", "ाऊंगी", "ाऊंगा", "ाइयां", "ाइयों"],
    &[
        "ाएगी",
        "ाएगा",
        "ाओगी",
        "ाओगे",
        "एंगी",
        "ेंगी",
        "एंगे",
        "ेंगे",
        "ूंगी",
        "ूंगा",
        "ातीं",
        "नाओं",
        "नाएं",
        "ताओं",
        "ताएं",
        "ियां",
        "ियों",
    ],
    &[
        "ाकर",
        "ाइए",
        "ाईं",
        "ाया",
        "ेगी",
        "ेगा",
        "ोगी",
        "ोगे",
        "ाने",
        "ाना",
        "ाते",
        "ाती",
        "ाता",
        "तीं",
        "ाओं",
        "ाएं",
        "ुओं",
        "ुएं",
        "ुआं",
    ],
    &[
        "कर", "ाओ", "िए", "ाई", "ाए", "ने", "नी", "ना", "ते", "ीं", "ती", "ता", "ां", "ों", "ें",
    ],
    &["ो", "े", "ू", "ु", "ी", "ि", "ा"],
];

/// `word` (folded) without its longest suffix, when the word is at least two
/// characters longer than the suffix (Lucene's rule: a stem of one letter is no stem).
pub(super) fn stem(word: &str) -> String {
    let length = word.chars().count();
    for (i, group) in SUFFIXES.iter().enumerate() {
        let suffix_length = SUFFIXES.len() - i;
        if length <= suffix_length + 1 {
            continue;
        }
        if let Some(stem) = group.iter().find_map(|s| word.strip_suffix(s)) {
            return stem.to_owned();
        }
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_meet_at_one_stem() {
        // boy / boys (oblique), girl / girls, leaves, to go / going.
        let folded = |w: &str| super::super::fold(w);
        assert_eq!(stem(&folded("लड़का")), stem(&folded("लड़के")));
        assert_eq!(stem(&folded("लड़की")), stem(&folded("लड़कियों")));
        assert_eq!(stem("पत्तियां"), stem("पत्तियों"));
        assert_eq!(stem("जाना"), stem("जाते"));
        // Too short to lose anything.
        assert_eq!(stem("को"), "को");
        assert_eq!(stem("है"), "है");
    }

    #[test]
    fn the_suffix_lists_are_as_long_as_their_rank_says() {
        for (i, group) in SUFFIXES.iter().enumerate() {
            for suffix in *group {
                assert_eq!(suffix.chars().count(), SUFFIXES.len() - i, "{suffix}");
            }
        }
    }
}
