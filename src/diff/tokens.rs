//! Tokens of a text for word diffing: words (hyphenated compounds kept whole),
//! punctuation marks, each with its byte span and a matching key.
//!
//! White space is not a token: the diff runs over content only, and the white
//! space between tokens is carried by whatever segment surrounds it. The key folds
//! typography and case (`“`/`"`, `–`/`-`, `Seven`/`seven`), so those never count as
//! different words; case differences are reported separately by the caller.

use std::ops::Range;

use crate::text;

/// One word or punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Folded, lowercased form used for matching.
    pub key: String,
    /// Whether it holds a letter or digit.
    pub is_word: bool,
}

/// Splits `s` into tokens. A single hyphen (or dash) with no space on either side
/// joins two words (`al-Kadhimi`, `54-year-old`), because a reader sees one word.
#[must_use]
pub fn tokenize(s: &str) -> Vec<Token> {
    scan(s, true)
}

/// [`tokenize`] without the matching keys (left empty): for readers that only
/// need where the words are, at a fraction of the cost (no folding).
#[must_use]
pub fn spans(s: &str) -> Vec<Token> {
    scan(s, false)
}

fn scan(s: &str, keys: bool) -> Vec<Token> {
    let pieces: Vec<(usize, &str)> = text::segment::word_bound_indices(s);
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let (raw_start, raw) = pieces[i];
        // A combining mark after a space makes one segment with it (" ෑ"); the
        // space is still white space, so keep it out of the token.
        let piece = raw.trim();
        if piece.is_empty() {
            i += 1;
            continue;
        }
        let start = raw_start + (raw.len() - raw.trim_start().len());
        let is_word = piece.chars().any(char::is_alphanumeric);
        let mut end = start + piece.len();
        if is_word {
            // Absorb "-word" runs: word, hyphen, word, hyphen, word…
            while i + 2 < pieces.len()
                && is_joiner(pieces[i + 1].1)
                && pieces[i + 2].1.chars().any(char::is_alphanumeric)
                && pieces[i + 2].1.trim() == pieces[i + 2].1
            {
                end = pieces[i + 2].0 + pieces[i + 2].1.len();
                i += 2;
            }
        }
        // The closing dot of an abbreviation ("U.S.", "a.m.") belongs to it.
        if is_word
            && s[start..end].contains('.')
            && i + 1 < pieces.len()
            && pieces[i + 1].1 == "."
            && pieces[i + 1].0 == end
        {
            end += 1;
            i += 1;
        }
        let original = &s[start..end];
        out.push(Token {
            span: start..end,
            key: if keys {
                text::fold_lower(original)
            } else {
                String::new()
            },
            is_word,
        });
        i += 1;
    }
    out
}

fn is_joiner(p: &str) -> bool {
    matches!(p, "-" | "\u{2010}" | "\u{2011}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| &s[t.span]).collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(
            texts("Mr al-Kadhimi, 54, said: “no.”"),
            vec![
                "Mr",
                "al-Kadhimi",
                ",",
                "54",
                ",",
                "said",
                ":",
                "“",
                "no",
                ".",
                "”"
            ]
        );
    }

    #[test]
    fn spans_are_the_tokens_without_keys() {
        let s = "Mr al-Kadhimi, 54, said: “no.”";
        let (a, b) = (tokenize(s), spans(s));
        assert_eq!(a.len(), b.len());
        assert!(
            a.iter()
                .zip(&b)
                .all(|(x, y)| x.span == y.span && x.is_word == y.is_word)
        );
        assert!(b.iter().all(|t| t.key.is_empty()));
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(texts("the U.S. said."), vec!["the", "U.S.", "said", "."]);
        assert_eq!(texts("Mr. Smith"), vec!["Mr", ".", "Smith"]);
    }

    #[test]
    fn spaced_dash_is_its_own_token() {
        assert_eq!(texts("Iran – backed"), vec!["Iran", "–", "backed"]);
        assert_eq!(texts("Iran-backed"), vec!["Iran-backed"]);
    }

    #[test]
    fn keys_fold_typography_and_case() {
        let a = tokenize("Don’t");
        let b = tokenize("don't");
        assert_eq!(a[0].key, b[0].key);
    }
}
