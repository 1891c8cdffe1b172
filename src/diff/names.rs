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
use super::reason::{Reason, Why};
use super::tokens::Token;
use super::{Change, ChangeKind};

/// Names at most this many per text are compared (pairs are quadratic).
const MAX_NAMES: usize = 400;

/// Whether a token of `text` reads as a name: an upper-case letter at the start of the
/// word or of a hyphenated part ("al-Kadhimi"), not at a sentence start, and
/// at least four letters.
pub fn is_name(text: &str, t: &Token) -> bool {
    let word = &text[t.span.clone()];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if !t.is_word || letters < 4 {
        return false;
    }
    // A long word in capitals is a shouted headline ("TROOPS DEPLOYED"), not a
    // name; acronyms are short.
    if letters > 5
        && word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    let capital_part = word
        .split('-')
        .any(|p| p.chars().next().is_some_and(char::is_uppercase));
    if !capital_part {
        return false;
    }
    let sentence_start = kind::starts_sentence(text, t.span.start);
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

/// A name of one text, folded once for comparing.
struct Candidate<'t> {
    token: &'t Token,
    /// Without a possessive, case and typography folded.
    folded: String,
    /// [`kind::name_key`] of it.
    key: String,
    /// The key of its first hyphenated part ("Iran" of "Iran-backed").
    stem: String,
    hyphenated: bool,
}

/// A text's names, folded once, and its token keys: built once per cell and
/// used against every other version's cell.
pub struct NameIndex<'t> {
    /// Every token key of the text.
    keys: std::collections::HashSet<&'t str>,
    /// Its names, one per distinct token key.
    names: Vec<Candidate<'t>>,
}

impl<'t> NameIndex<'t> {
    /// Indexes `text`'s `tokens`.
    #[must_use]
    pub fn new(text: &str, tokens: &'t [Token]) -> Self {
        let mut seen = std::collections::HashSet::new();
        let names = tokens
            .iter()
            .filter(|t| is_name(text, t))
            .filter(|t| seen.insert(t.key.as_str()))
            .take(MAX_NAMES)
            .map(|t| {
                let word = bare(&text[t.span.clone()]);
                Candidate {
                    token: t,
                    folded: crate::text::fold_lower(word),
                    key: kind::name_key(word),
                    stem: kind::name_key(word.split('-').next().unwrap_or(word)),
                    hyphenated: word.contains('-'),
                }
            })
            .collect();
        Self {
            keys: tokens.iter().map(|t| t.key.as_str()).collect(),
            names,
        }
    }

    /// Its names the other text lacks.
    fn lacking_in<'s>(
        &'s self,
        other: &'s NameIndex<'_>,
    ) -> impl Iterator<Item = &'s Candidate<'t>> {
        self.names
            .iter()
            .filter(|c| !other.keys.contains(c.token.key.as_str()))
    }
}

/// Same name, different letters: not a possessive ("Baghdad’s"), not a
/// derived word ("Iran" / "Iranian-backed": one is the other plus an ending).
fn spelt_differently(x: &Candidate<'_>, y: &Candidate<'_>) -> bool {
    // Cheap refusals first: same_name needs the same first letter and at most
    // two letters' difference in length.
    if x.key.chars().next() != y.key.chars().next() || x.key.len().abs_diff(y.key.len()) > 2 {
        return false;
    }
    if x.folded == y.folded {
        return false;
    }
    let prefix = |a: &str, b: &str| a != b && (a.starts_with(b) || b.starts_with(a));
    if prefix(&x.key, &y.key) || (x.hyphenated && y.hyphenated && prefix(&x.stem, &y.stem)) {
        return false;
    }
    kind::same_name_keys(&x.key, &y.key)
}

/// Name spellings between `old` and `new` (their texts and name indexes)
/// that `changes` (the pair's own changes) do not already show as one change.
#[must_use]
pub fn across(
    (old, ia): (&str, &NameIndex<'_>),
    (new, ib): (&str, &NameIndex<'_>),
    changes: &[&Change],
) -> Vec<Change> {
    let cb: Vec<&Candidate<'_>> = ib.lacking_in(ia).collect();
    let mut out: Vec<Change> = Vec::new();
    for a in ia.lacking_in(ib) {
        for b in &cb {
            if !spelt_differently(a, b) {
                continue;
            }
            let (x, y) = (&old[a.token.span.clone()], &new[b.token.span.clone()]);
            if changes.iter().any(|c| c.old == x && c.new == y) {
                continue;
            }
            out.push(Change {
                kind: ChangeKind::NameSpelling,
                reason: Reason::new(Why::SameNameElsewhere, x, y),
                old: x.to_string(),
                new: y.to_string(),
                old_span: a.token.span.clone(),
                new_span: b.token.span.clone(),
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
        let (ia, ib) = (NameIndex::new(a, &ta), NameIndex::new(b, &tb));
        across((a, &ia), (b, &ib), &[])
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
        // Words of a shouted headline are not names.
        let headline = "TROOPS DEPLOYED AROUND the city";
        let t = tokenize(headline);
        assert!(
            t.iter()
                .all(|x| !is_name("TROOPS DEPLOYED AROUND the city", x))
        );
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
