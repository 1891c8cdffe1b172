//! Opposite statements anywhere in a pair, not only inside one change.
//!
//! When a version moves or rewrites the sentence that says it, "al-Kadhimi
//! suffered a light cut" and "Al-Kadhimi was unharmed" never meet in one
//! change, and the contradiction a fact-checker must see is shown as a removed
//! and an added sentence. Here a word that only one text has is checked
//! against the words only the other has for an antonym pair of the lexicon;
//! the pair is a claim only when the two sentences holding them name the same
//! name, so they are about the same person or thing. The caller marks such a
//! change `across`, as its spans may lie inside other changes.

use std::collections::HashSet;
use std::ops::Range;

use super::lexicon;
use super::names;
use super::reason::{Reason, Why};
use super::tokens::Token;
use super::{Change, ChangeKind};

/// The sentence around byte `at` of `text`.
fn sentence(text: &str, at: usize) -> Range<usize> {
    let end_mark = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| end_mark(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(end_mark).map_or(text.len(), |i| at + i);
    start..end
}

/// The name keys of the names inside `range` of a text.
fn names_in(text: &str, tokens: &[Token], range: &Range<usize>) -> HashSet<String> {
    tokens
        .iter()
        .filter(|t| range.start <= t.span.start && t.span.end <= range.end)
        .filter(|t| names::is_name(text, t))
        .map(|t| super::kind::name_key(names::bare(&text[t.span.clone()])))
        .collect()
}

/// Antonym pairs between `old` and `new` (texts and tokens) that sit in
/// sentences naming the same name and that `changes` do not already pair.
#[must_use]
pub fn across(
    (old, to): (&str, &[Token]),
    (new, tn): (&str, &[Token]),
    changes: &[&Change],
) -> Vec<Change> {
    // Most pairs hold no word of the antonym list: stop before building
    // anything (this runs for every pair of every row).
    let with_antonym = |t: &[Token]| {
        t.iter()
            .any(|x| x.is_word && lexicon::antonyms_of(&x.key).next().is_some())
    };
    if !with_antonym(to) || !with_antonym(tn) {
        return Vec::new();
    }
    let ko: HashSet<&str> = to.iter().map(|x| x.key.as_str()).collect();
    let kn: HashSet<&str> = tn.iter().map(|x| x.key.as_str()).collect();
    let mut out = Vec::new();
    // Each word only the old text has, against each of its antonyms only the
    // new text has.
    for a in to
        .iter()
        .filter(|x| x.is_word && !kn.contains(x.key.as_str()))
    {
        for opposite in lexicon::antonyms_of(&a.key) {
            if ko.contains(opposite) {
                continue;
            }
            for b in tn.iter().filter(|x| x.key == opposite) {
                let (x, y) = (&old[a.span.clone()], &new[b.span.clone()]);
                if changes
                    .iter()
                    .any(|c| c.kind == ChangeKind::Claim && c.old.contains(x) && c.new.contains(y))
                {
                    continue;
                }
                let (so, sn) = (sentence(old, a.span.start), sentence(new, b.span.start));
                let (no, nn) = (names_in(old, to, &so), names_in(new, tn, &sn));
                if no.is_disjoint(&nn) {
                    continue;
                }
                out.push(Change {
                    kind: ChangeKind::Claim,
                    reason: Reason::new(Why::Opposite, x, y),
                    old: x.to_string(),
                    new: y.to_string(),
                    old_span: a.span.clone(),
                    new_span: b.span.clone(),
                });
            }
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
    fn opposite_statements_about_the_same_name() {
        assert_eq!(
            run(
                "Minister Jane Dodson suffered a light cut in the attack. Police came.",
                "Police came. Ms Dodson was unharmed."
            ),
            vec![("suffered".into(), "unharmed".into())]
        );
    }

    #[test]
    fn not_when_the_sentences_are_about_different_names() {
        assert!(
            run(
                "Jane Dodson suffered a light cut.",
                "Later, John Rowley was unharmed."
            )
            .is_empty()
        );
        // Both words in both texts: nothing was turned round.
        assert!(
            run(
                "Jane Dodson suffered a cut; Rowley was unharmed.",
                "Rowley was unharmed; Jane Dodson suffered a cut."
            )
            .is_empty()
        );
    }
}
