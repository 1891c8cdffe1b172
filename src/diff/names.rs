//! Names spelled differently anywhere in a pair, not only inside one change.
//!
//! A word diff pairs words in order, so when one version moved a sentence, "Mr
//! al-Khadimi" early in one text and "al-Kadhimi" late in the other land in two
//! unrelated changes (or one sits in equal text) and the misspelling is never
//! shown side by side. Here every name of one text that the other lacks is
//! compared with every name the other has and the first lacks, by the
//! transliteration-aware letters of [`kind::same_name`]; each match is a
//! change of its own, marked `across` by the caller because its spans may lie
//! inside other changes.

use super::kind;
use super::tokens::Token;
use super::{Change, ChangeKind};

/// Names at most this many per text are compared (pairs are quadratic).
const MAX_NAMES: usize = 400;

/// Whether a token of `text` reads as a name: an upper-case letter at the start of the
/// word or of a hyphenated part ("al-Kadhimi"), not at a sentence start, and
/// at least four letters.
pub fn is_name(text: &str, t: &Token) -> bool {
    let word = &text[t.span.clone()];
    if !t.is_word || word.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return false;
    }
    let capital_part = word
        .split('-')
        .any(|p| p.chars().next().is_some_and(char::is_uppercase));
    if !capital_part {
        return false;
    }
    let sentence_start = text[..t.span.start]
        .chars()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '“' | '"' | '‘' | '\'' | '(' | '['))
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':'));
    // "Al-Kadhimi" at a sentence start is still a name: its part after the
    // hyphen is capitalised.
    !sentence_start
        || word
            .split('-')
            .skip(1)
            .any(|p| p.chars().next().is_some_and(char::is_uppercase))
}

/// The word without a possessive ending ("Baghdad’s" → "Baghdad").
pub fn bare(word: &str) -> &str {
    ["’s", "'s", "‘s", "’", "'"]
        .iter()
        .find_map(|e| word.strip_suffix(e))
        .unwrap_or(word)
}

/// Same name, different letters: not a possessive ("Baghdad’s"), not a
/// derived word ("Iran" / "Iranian-backed": one is the other plus an ending).
fn spelt_differently(x: &str, y: &str) -> bool {
    let (x, y) = (bare(x), bare(y));
    let fold = |s: &str| crate::text::fold(s).to_lowercase();
    if fold(x) == fold(y) {
        return false;
    }
    let (kx, ky) = (kind::name_key(x), kind::name_key(y));
    if kx != ky && (kx.starts_with(&ky) || ky.starts_with(&kx)) {
        return false;
    }
    let stem = |s: &str| kind::name_key(s.split('-').next().unwrap_or(s));
    let (sx, sy) = (stem(x), stem(y));
    if x.contains('-')
        && y.contains('-')
        && sx != sy
        && (sx.starts_with(&sy) || sy.starts_with(&sx))
    {
        return false;
    }
    kind::same_name(x, y)
}

fn names<'t>(text: &str, tokens: &'t [Token]) -> Vec<&'t Token> {
    tokens
        .iter()
        .filter(|t| is_name(text, t))
        .take(MAX_NAMES)
        .collect()
}

/// Name spellings between `old` and `new` that `changes` (the pair's own
/// changes) do not already show as one change.
#[must_use]
pub fn across(
    (old, old_tokens): (&str, &[Token]),
    (new, new_tokens): (&str, &[Token]),
    changes: &[&Change],
) -> Vec<Change> {
    let (na, nb) = (names(old, old_tokens), names(new, new_tokens));
    let keys_a: std::collections::HashSet<&str> =
        old_tokens.iter().map(|t| t.key.as_str()).collect();
    let keys_b: std::collections::HashSet<&str> =
        new_tokens.iter().map(|t| t.key.as_str()).collect();
    let mut out: Vec<Change> = Vec::new();
    let mut seen: std::collections::HashSet<(&str, &str)> = std::collections::HashSet::new();
    for a in na.iter().filter(|a| !keys_b.contains(a.key.as_str())) {
        for b in nb.iter().filter(|b| !keys_a.contains(b.key.as_str())) {
            if !seen.insert((a.key.as_str(), b.key.as_str())) {
                continue;
            }
            let (x, y) = (&old[a.span.clone()], &new[b.span.clone()]);
            if !spelt_differently(x, y) || changes.iter().any(|c| c.old == x && c.new == y) {
                continue;
            }
            out.push(Change {
                kind: ChangeKind::NameSpelling,
                reason: format!(
                    "same name spelled differently, elsewhere in the paragraph: {x} / {y}"
                ),
                old: x.to_string(),
                new: y.to_string(),
                old_span: a.span.clone(),
                new_span: b.span.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tokens::tokenize;

    fn run(a: &str, b: &str) -> Vec<(String, String)> {
        let (ta, tb) = (tokenize(a), tokenize(b));
        across((a, &ta), (b, &tb), &[])
            .into_iter()
            .map(|c| (c.old, c.new))
            .collect()
    }

    #[test]
    fn finds_a_misspelt_name_in_another_sentence() {
        let a = "Leaders called Mr al-Khadimi. They included Boris Johnson.";
        let b = "Boris Johnson and others were among leaders who called al-Kadhimi.";
        assert_eq!(run(a, b), vec![("al-Khadimi".into(), "al-Kadhimi".into())]);
    }

    #[test]
    fn leaves_names_both_spell_the_same_and_different_names() {
        assert!(
            run(
                "Barham Salih met Muqtada al-Sadr.",
                "Muqtada al-Sadr met Barham Salih."
            )
            .is_empty()
        );
        assert!(run("He met Salih.", "He met Sadr.").is_empty());
        // Ordinary capitalised words at a sentence start are not names.
        assert!(run("Police came.", "Polices came.").is_empty());
        // Possessives and derived words are not spellings.
        assert!(
            run(
                "in central Baghdad’s Green Zone",
                "in central Baghdad Green Zone"
            )
            .is_empty()
        );
        assert!(run("the Iran-backed militias", "the Iranian-backed militias").is_empty());
    }
}
