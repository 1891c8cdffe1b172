//! Text normalisation and tokens used for *matching*, never for display.
//!
//! Versions of one story differ in typography that a reader does not care about:
//! curly vs straight quotes, en dash vs hyphen, non-breaking spaces, precomposed vs
//! combining accents. Matching works on a folded form so those never count as
//! differences of content; what is shown is always the original text.

pub mod segment;

use unicode_normalization::UnicodeNormalization;

/// Folds one character's typographic variants onto a plain form, or `None` to keep it.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}' => "",
        _ => return None,
    })
}

/// NFC plus typographic folding (quotes, dashes, spaces); case is kept.
///
/// `fold("“Don’t” – now")` is `"\"Don't\" - now"`.
#[must_use]
pub fn fold(s: &str) -> String {
    // Plain ASCII folds to itself but for a backquote or a tab: most words
    // of most stories take this way, with no look at Unicode tables.
    if s.bytes().all(|b| b.is_ascii() && b != b'`' && b != b'\t') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut push = |c: char| match fold_char(c) {
        Some(rep) => out.push_str(rep),
        None => out.push(c),
    };
    // Nearly all text is in NFC already, and the quick check that says so is
    // far cheaper than composing: same result, a fraction of the time.
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        s.chars().for_each(&mut push);
    } else {
        s.nfc().for_each(&mut push);
    }
    out
}

/// [`fold`], lowercased: the matching key of a word.
#[must_use]
pub fn fold_lower(s: &str) -> String {
    if s.bytes().all(|b| b.is_ascii() && b != b'`' && b != b'\t') {
        return s.to_ascii_lowercase();
    }
    fold(s).to_lowercase()
}

/// Words of `s` for counting: runs between white space that hold a letter or
/// digit (a spaced dash is no word). The one count every statistic uses.
#[must_use]
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Folded, lowercased, with runs of white space collapsed to one space and trimmed.
#[must_use]
pub fn fold_loose(s: &str) -> String {
    let folded = fold_lower(s);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercased word tokens of `s` (UAX #29 words that hold a letter or digit), after
/// folding. Apostrophes and hyphens inside a word keep it whole (`al-kadhimi`,
/// `don't`), so names keep their shape.
#[must_use]
pub fn words(s: &str) -> Vec<String> {
    let folded = fold_lower(s);
    let mut out: Vec<String> = Vec::new();
    let mut joiner_pending = false;
    for (_, w) in segment::word_bound_indices(&folded) {
        let is_word = w.chars().any(char::is_alphanumeric);
        if is_word {
            if joiner_pending && let Some(last) = out.last_mut() {
                last.push('-');
                last.push_str(w);
                joiner_pending = false;
                continue;
            }
            out.push(w.to_string());
            joiner_pending = false;
        } else {
            // A single hyphen between two words joins them into one token.
            joiner_pending = w == "-" && !out.is_empty() && !joiner_pending;
            if w != "-" {
                joiner_pending = false;
            }
        }
    }
    out
}

/// Ends with sentence punctuation, possibly followed by closing quotes or
/// brackets. Both the aligner (a subhead is no half of a paragraph) and the
/// boilerplate shapes ask this, so it lives here, below both.
#[must_use]
pub fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c));
    t.ends_with(['.', '!', '?', ':', ';'])
}

/// Closing quotes and brackets (straight, typographic, and the `''` some wires use).
#[must_use]
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}'
    )
}

/// Words that carry little content; they are left out of similarity scores.
pub const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "during", "each", "for", "from", "had", "has", "have", "having", "he", "her", "here",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me",
    "might", "more", "most", "mr", "mrs", "ms", "much", "must", "my", "no", "nor", "not", "of",
    "on", "once", "only", "or", "other", "our", "out", "over", "own", "s", "said", "same", "says",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
    "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your",
];

/// Whether `w` (lowercase) is a stopword.
#[must_use]
pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// A crude, language-agnostic stem: strips common English inflections so that
/// `militias`/`militia`, `attacked`/`attack`, `injuring`/`injured` meet. It is only
/// used as a matching key, so over-stemming is harmless.
#[must_use]
pub fn stem(w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let n = w.chars().count();
    if n <= 4 || w.chars().any(|c| c.is_ascii_digit()) {
        return w.to_string();
    }
    for suf in [
        "ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s",
    ] {
        if let Some(base) = w.strip_suffix(suf)
            && base.chars().count() >= 4
        {
            return base.to_string();
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_takes_the_ascii_way_only_when_it_is_the_same() {
        for w in [
            "Kadhimi",
            "U.S.",
            "don't",
            "a`b",
            "tab\there",
            "“Don’t”",
            "Café",
            "ÉLAN",
        ] {
            let slow: String = w
                .chars()
                .map(|c| fold_char(c).map_or_else(|| c.to_string(), str::to_string))
                .collect::<String>()
                .nfc()
                .collect();
            assert_eq!(fold(w), slow, "{w}");
            assert_eq!(fold_lower(w), slow.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn fold_maps_typography() {
        assert_eq!(fold("“Don’t” – now\u{a0}!"), "\"Don't\" - now !");
    }

    #[test]
    fn fold_composes_accents() {
        assert_eq!(fold("Ta\u{301}naiste"), "T\u{e1}naiste");
    }

    #[test]
    fn words_keep_hyphenated_names_whole() {
        assert_eq!(
            words("Mr al-Kadhimi’s “Iran–backed” militias, 54-year-old"),
            vec![
                "mr",
                "al-kadhimi's",
                "iran-backed",
                "militias",
                "54-year-old"
            ]
        );
    }

    #[test]
    fn spaced_dash_does_not_join() {
        assert_eq!(words("Iran – backed"), vec!["iran", "backed"]);
    }

    #[test]
    fn sentence_ends_look_past_closing_quotes() {
        assert!(ends_like_sentence("He said it was safe.”"));
        assert!(ends_like_sentence("Was it safe?)"));
        assert!(!ends_like_sentence("Detours and delays"));
    }

    #[test]
    fn stem_meets_inflections() {
        assert_eq!(stem("militias"), stem("militia"));
        assert_eq!(stem("attacked"), "attack");
        assert_eq!(stem("attacks"), "attack");
        assert_eq!(stem("al-kadhimi's"), "al-kadhimi");
    }
}
