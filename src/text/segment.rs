//! Word boundaries (Unicode's UAX #29) with a fast way for plain ASCII text.
//!
//! Most stories are ASCII line by line, and looking every character up in the
//! Unicode word-break tables was the single largest cost of tokenising two
//! books. For ASCII the rules reduce to a few character classes; this file
//! applies them directly and hands anything else to `unicode-segmentation`.
//! A test checks the two agree on every ASCII string it tries.

use unicode_segmentation::UnicodeSegmentation;

/// The word-break class of an ASCII byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Numeric,
    /// `_`
    ExtendNumLet,
    /// `:`
    MidLetter,
    /// `,` `;`
    MidNum,
    /// `.`
    MidNumLet,
    /// `'`
    SingleQuote,
    Space,
    Cr,
    Lf,
    /// `\x0b` `\x0c`
    Newline,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Numeric,
        b'_' => Class::ExtendNumLet,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' => Class::MidNumLet,
        b'\'' => Class::SingleQuote,
        b' ' => Class::Space,
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        0x0b | 0x0c => Class::Newline,
        _ => Class::Other,
    }
}

/// Whether there is no word boundary between `s[i - 1]` and `s[i]` (ASCII).
fn joined(s: &[u8], i: usize) -> bool {
    use Class::{
        Cr, ExtendNumLet, Letter, Lf, MidLetter, MidNum, MidNumLet, Newline, Numeric, SingleQuote,
        Space,
    };
    let at = |k: usize| s.get(k).map(|&b| class(b));
    let (prev, cur) = (class(s[i - 1]), class(s[i]));
    let mid_letter = |c: Class| matches!(c, MidLetter | MidNumLet | SingleQuote);
    let mid_num = |c: Class| matches!(c, MidNum | MidNumLet | SingleQuote);
    match (prev, cur) {
        (Cr, Lf) => true,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => false,
        (Space, Space) => true,
        (Letter | Numeric, Letter | Numeric)
        | (Letter | Numeric | ExtendNumLet, ExtendNumLet)
        | (ExtendNumLet, Letter | Numeric) => true,
        // WB6/WB7: a letter, a mid-word mark, a letter.
        (Letter, m) if mid_letter(m) && at(i + 1) == Some(Letter) => true,
        (m, Letter) if mid_letter(m) && i >= 2 && at(i - 2) == Some(Letter) => true,
        // WB11/WB12: a digit, a mid-number mark, a digit.
        (Numeric, m) if mid_num(m) && at(i + 1) == Some(Numeric) => true,
        (m, Numeric) if mid_num(m) && i >= 2 && at(i - 2) == Some(Numeric) => true,
        _ => false,
    }
}

/// `s` cut at word boundaries, each piece with its byte offset.
#[must_use]
pub fn word_bound_indices(s: &str) -> Vec<(usize, &str)> {
    if !s.is_ascii() {
        return s.split_word_bound_indices().collect();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..bytes.len() {
        if !joined(bytes, i) {
            out.push((start, &s[start..i]));
            start = i;
        }
    }
    if start < s.len() {
        out.push((start, &s[start..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_cuts_agree_with_unicode_segmentation() {
        let fixed = [
            "Mr al-Kadhimi, 54, said: \"no.\" U.S. 3,200 4.1% can't we'll a_b 1_000 x:y 12:30",
            "e.g. a.b.c 1.2.3 1,2;3 ab'cd '' .. ,, a.1 1.a a'1 1'2",
            "line\r\nnext\rthen\nand\x0bvert\x0cff  two  spaces\t\ttabs",
            "",
            " ",
            "a",
        ];
        for s in fixed {
            let want: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
            assert_eq!(word_bound_indices(s), want, "{s:?}");
        }
        let alphabet = b"aZ09_:,;.'\" \r\n\t-x\x0b!";
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for n in 0..20_000 {
            let len = n % 14;
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from(alphabet[(seed % alphabet.len() as u64) as usize])
                })
                .collect();
            let want: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
            assert_eq!(word_bound_indices(&s), want, "{s:?}");
        }
    }
}
