//! Word shingles of normalised tokens, and the sample of them that indexes a
//! collection.
//!
//! Text reuse is found the way passim and most near-duplicate detectors find
//! it: two texts that share a passage share its runs of `n` consecutive words
//! (shingles). Tokens are normalised so that what a reprint or an OCR changes
//! without changing the words does not count: case, accents (OCR drops and
//! invents them: `dùCon`, `Dênêrèaz`), punctuation and apostrophes, and a word
//! hyphenated across a line break (`enquê-` / `te`) is made whole again.
//!
//! Tokens of one character are dropped: they are mostly OCR debris (`t`, `i`,
//! `»`) and elisions (`l'`, `d'`, `s'`) in the French and German this was
//! measured on, and dropping them costs nothing in English. No stop-word list
//! is needed: a shingle of several words is specific whatever its words, and
//! shingles that are frequent anyway (formulas, advertisements) are handled by
//! the grouping, not by a list (see [`super::group`]); so the same code serves
//! every language written with spaces between words.
//!
//! Hashes are 32-bit: a collection is compared pair by pair on the shingles of
//! two articles, where a chance collision among a few hundred shingles is
//! negligible, and half the memory matters at 100,000 articles.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One shingle: the hash of its tokens, and whether it lies inside a
/// quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shingle {
    /// The hash of its normalised tokens.
    pub hash: u32,
    /// Its first and last tokens are inside quotation marks.
    pub quoted: bool,
}

/// A quotation left open longer than this many tokens is taken as closed: a
/// missing closing mark must not make the rest of a text a quotation.
const MAX_QUOTE_TOKENS: usize = 150;

/// The shingles of a text: one per run of `n` consecutive tokens, in text
/// order (a text of fewer than `n` tokens has one shingle of all of them, so a
/// short text still has a fingerprint).
#[must_use]
pub fn shingles(text: &str, n: usize) -> Vec<Shingle> {
    let tokens = token_hashes(text);
    let n = n.max(1);
    if tokens.is_empty() {
        return Vec::new();
    }
    let hashes: Vec<u64> = tokens.iter().map(|t| t.0).collect();
    if tokens.len() < n {
        return vec![Shingle {
            hash: combine(&hashes),
            quoted: tokens.iter().all(|t| t.1),
        }];
    }
    hashes
        .windows(n)
        .zip(tokens.windows(n))
        .map(|(h, t)| Shingle {
            hash: combine(h),
            quoted: t.first().is_some_and(|t| t.1) && t.last().is_some_and(|t| t.1),
        })
        .collect()
}

/// Where quotation marks open and close, for [`Shingle::quoted`].
///
/// Typographic marks say which way they go (`“…”`, `«…»`, German `„…“`); a
/// straight `"` opens or closes by turns and its quotation ends at a line end
/// at the latest, as scraped text rarely closes a straight quote it opened on
/// another line. Single quotes are left alone: they are mostly apostrophes.
#[derive(Debug, Default)]
struct Quotes {
    /// The mark that opened the current quotation.
    open: Option<char>,
    /// Tokens since it opened.
    tokens: usize,
}

impl Quotes {
    fn see(&mut self, c: char) {
        match (self.open, c) {
            (Some('"'), '"') | (Some('\u{201C}'), '\u{201D}') | (Some('\u{AB}'), '\u{BB}') => {
                self.open = None;
            }
            (Some('\u{201E}'), '\u{201C}' | '\u{201D}') => self.open = None,
            (Some('"'), '\n' | '\r') => self.open = None,
            (None, '"' | '\u{201C}' | '\u{AB}' | '\u{201E}') => {
                self.open = Some(c);
                self.tokens = 0;
            }
            _ => {}
        }
    }

    /// Whether the token now ending is quoted.
    fn token(&mut self) -> bool {
        self.tokens += 1;
        if self.tokens > MAX_QUOTE_TOKENS {
            self.open = None;
        }
        self.open.is_some()
    }
}

/// Whether a shingle hash belongs to the sample that indexes the collection:
/// about one in `rate`. The choice depends on the hash only, so two texts that
/// share a passage share the sampled shingles of that passage.
#[must_use]
pub fn sampled(hash: u32, rate: u32) -> bool {
    // Remixed, so the sample is independent of the bits the hash table uses.
    rate <= 1 || mix(u64::from(hash) ^ 0x9E37_79B9_7F4A_7C15).is_multiple_of(u64::from(rate))
}

/// A 64-bit finaliser (SplitMix64's): every input bit affects every output bit.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The hash of a run of token hashes.
fn combine(tokens: &[u64]) -> u32 {
    let h = tokens.iter().fold(
        0xCBF2_9CE4_8422_2325_u64,
        |h, &t| mix(h.rotate_left(17) ^ t),
    );
    // The high half: SplitMix's output bits are all equally good.
    (h >> 32) as u32
}

/// Hashes of the normalised tokens of `text` (see the module comment), each
/// with whether it is quoted.
fn token_hashes(text: &str) -> Vec<(u64, bool)> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut word = String::new();
    let mut quotes = Quotes::default();
    // A word cut by a hyphen at a line end waits for its second half.
    let mut pending_cut = false;
    let mut after_hyphen = false;
    let mut saw_break = false;
    let flush = |word: &mut String, out: &mut Vec<(u64, bool)>, quotes: &mut Quotes| {
        if word.chars().count() > 1 {
            out.push((fnv(word), quotes.token()));
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_cut && !(saw_break && c.is_lowercase()) {
                flush(&mut word, &mut out, &mut quotes);
            }
            pending_cut = false;
            after_hyphen = false;
            saw_break = false;
            push_folded(c, &mut word);
        } else if matches!(c, '-' | '\u{AD}' | '\u{2010}' | '\u{AC}') && !word.is_empty() {
            // Maybe a syllable break: decided by what follows.
            if after_hyphen {
                flush(&mut word, &mut out, &mut quotes);
                pending_cut = false;
            } else {
                pending_cut = true;
                after_hyphen = true;
            }
        } else if pending_cut && c.is_whitespace() {
            saw_break |= matches!(c, '\n' | '\r');
        } else {
            pending_cut = false;
            after_hyphen = false;
            saw_break = false;
            flush(&mut word, &mut out, &mut quotes);
            quotes.see(c);
        }
    }
    flush(&mut word, &mut out, &mut quotes);
    out
}

/// Appends `c` lowercased, without accents.
fn push_folded(c: char, word: &mut String) {
    if c.is_ascii() {
        word.push(c.to_ascii_lowercase());
        return;
    }
    for d in c.to_lowercase().nfd().filter(|d| !is_combining_mark(*d)) {
        word.push(d);
    }
}

/// FNV-1a of a token, then mixed.
fn fnv(s: &str) -> u64 {
    let h = s.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3)
    });
    mix(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens_equal(a: &str, b: &str) -> bool {
        let hashes = |s: &str| token_hashes(s).into_iter().map(|t| t.0).collect::<Vec<_>>();
        hashes(a) == hashes(b)
    }

    fn quoted(text: &str) -> Vec<bool> {
        token_hashes(text).into_iter().map(|t| t.1).collect()
    }

    #[test]
    fn quotations_are_marked() {
        assert_eq!(
            quoted("He said “we are on track” today"),
            [false, false, true, true, true, true, false]
        );
        assert_eq!(
            quoted("« Le bruit court » dit-il"),
            [true, true, true, false, false]
        );
        assert_eq!(
            quoted("Er sagte „wir kommen“ heute"),
            [false, false, true, true, false]
        );
        // A straight quote left open ends at the line end.
        assert_eq!(quoted("so \"open\nnext line"), [false, true, false, false]);
        // A typographic one left open ends after MAX_QUOTE_TOKENS tokens.
        let long = format!("“{}", "word ".repeat(MAX_QUOTE_TOKENS + 10));
        let q = quoted(&long);
        assert!(q[0] && !q[MAX_QUOTE_TOKENS + 5]);
    }

    #[test]
    fn case_accents_and_punctuation_do_not_count() {
        assert!(tokens_equal(
            "ZOÙG. — M. Weber, vice-président",
            "Zoug M Weber vice president"
        ));
        assert!(tokens_equal("l'Émir", "émir"));
    }

    #[test]
    fn hyphenation_at_a_line_end_is_undone() {
        assert!(tokens_equal(
            "une enquê-\nte administrative",
            "une enquête administrative"
        ));
        assert!(tokens_equal("jus-\r\nqu'à", "jusqu'à"));
        // Within a line the hyphen separates, as everywhere else.
        assert!(tokens_equal("vice-président", "vice président"));
        // A capital after the break: a compound, two tokens.
        assert!(tokens_equal("Dunant-\nVaucher", "Dunant Vaucher"));
    }

    #[test]
    fn one_character_tokens_are_dropped() {
        assert!(tokens_equal("à l'amiral d'Alger", "amiral Alger"));
    }

    #[test]
    fn shingles_are_runs_of_n_tokens() {
        let s = shingles("a1 b2 c3 d4 e5", 3);
        assert_eq!(s.len(), 3);
        assert_eq!(shingles("b2 c3 d4", 3), [s[1]]);
        let q = shingles("a1 “b2 c3 d4” e5", 3);
        assert_eq!(
            q.iter().map(|s| s.quoted).collect::<Vec<_>>(),
            [false, true, false]
        );
        assert_eq!(q[1].hash, s[1].hash);
        assert_eq!(shingles("x1 y2", 3).len(), 1);
        assert!(shingles("", 3).is_empty());
        assert!(shingles("— . ,", 3).is_empty());
        // Order matters.
        assert_ne!(shingles("a1 b2 c3", 3), shingles("c3 b2 a1", 3));
    }

    #[test]
    fn sampling_keeps_about_one_in_rate() {
        let all: Vec<u32> = (0..100_000u32).map(|i| combine(&[u64::from(i)])).collect();
        let kept = all.iter().filter(|&&h| sampled(h, 4)).count();
        assert!((23_000..27_000).contains(&kept), "{kept}");
        assert!(all.iter().all(|&h| sampled(h, 1)));
    }
}
