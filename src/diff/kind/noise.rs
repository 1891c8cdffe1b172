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

/// How many words a text has, and how many of them are garbled
/// ([`malformed`]): counted paragraph by paragraph and added up, so a long
/// version is judged without holding its tokens at once.
#[must_use]
pub fn garbled_words(text: &str) -> (usize, usize) {
    let mut words = 0;
    let mut garbled = 0;
    for t in crate::diff::tokens::spans(text)
        .iter()
        .filter(|t| t.is_word)
    {
        words += 1;
        garbled += usize::from(malformed(&text[t.span.clone()]));
    }
    (words, garbled)
}

/// Whether `words` words of which `garbled` are garbled read as noisy print
/// (OCR): at least one word in sixty, over at least twenty words (edited
/// news has next to none). In such a text a name or a figure read
/// differently is first of all read differently.
#[must_use]
pub fn noisy_counts(words: usize, garbled: usize) -> bool {
    words >= 20 && garbled * 60 >= words
}

/// [`noisy_counts`] of a tokenised text.
#[must_use]
pub fn noisy(text: &str, tokens: &[crate::diff::tokens::Token]) -> bool {
    let words = tokens.iter().filter(|t| t.is_word);
    let (n, bad) = words.fold((0, 0), |(n, bad), t| {
        (n + 1, bad + usize::from(malformed(&text[t.span.clone()])))
    });
    noisy_counts(n, bad)
}
