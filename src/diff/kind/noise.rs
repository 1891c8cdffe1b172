//! Noisy print: words garbled the way OCR garbles them, and whether a text
//! reads as noisy. In noisy print a name or a figure read otherwise is a
//! misreading first, not another fact.

/// Whether a word is garbled the way OCR garbles print: a stray single
/// letter ("1 S 00", "7 i «"), a capital after small letters ("RoinaiM"),
/// or letters mixed into a figure ("4.5Û", "Î7").
pub(super) fn malformed(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    if letters == 1 && digits == 0 && word.chars().count() == 1 {
        return !matches!(
            word,
            "a" | "A" | "I" | "à" | "y" | "o" | "e" | "E" | "O" | "U"
        );
    }
    let inner_capital = word.split(['-', '\'', '’']).any(|p| {
        let p = p
            .strip_prefix("Mc")
            .or_else(|| p.strip_prefix("Mac"))
            .unwrap_or(p);
        p.chars().skip(1).any(char::is_uppercase) && p.chars().any(char::is_lowercase)
    });
    let mixed_figure = digits > 0
        && letters > 0
        && !word.contains('-')
        && !word
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
            .chars()
            .all(|c| c.is_lowercase() && c.is_ascii());
    inner_capital || mixed_figure
}

/// Whether a text reads as noisy print (OCR): at least one word in sixty
/// is garbled ([`malformed`]), over at least twenty words (edited news has
/// next to none). In such a text a
/// name or a figure read differently is first of all read differently.
#[must_use]
pub fn noisy(text: &str, tokens: &[crate::diff::tokens::Token]) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.is_word)
        .map(|t| &text[t.span.clone()])
        .collect();
    words.len() >= 20 && words.iter().filter(|w| malformed(w)).count() * 60 >= words.len()
}
