//! One row's word diffs: the changes between the pairs of versions
//! [`super::pairing::Pairing`] chose, with the word counts the statistics
//! read (how much of each cell is word for word the other's).

use std::ops::Range;

use super::{Comparison, PairWords, RowChange};
use crate::diff::{self, DiffOptions};
use crate::text;

/// One row's changes, mean pair similarity and pair word counts.
pub(super) type RowResult = (Vec<RowChange>, f64, Vec<PairWords>);

/// Diffs the `pairs` (lower, higher version) of row `r`: their changes, the
/// mean similarity of the pairs, and their word counts. Each cell is
/// tokenised once, however many pairs it is in.
pub(super) fn diff_pairs(
    cmp: &Comparison,
    r: usize,
    pairs: &[(usize, usize)],
    opts: &DiffOptions,
) -> RowResult {
    let mut present: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    present.sort_unstable();
    present.dedup();
    let slot = |v: usize| present.binary_search(&v).unwrap_or(0);
    let texts: Vec<String> = present.iter().map(|&v| cmp.cell_text(r, v)).collect();
    let prepared: Vec<diff::Prepared<'_>> = texts
        .iter()
        .zip(&present)
        .map(|(t, &v)| diff::Prepared::with_noise(t, cmp.noisy.get(v).copied().unwrap_or(false)))
        .collect();
    let names: Vec<diff::names::NameIndex<'_>> = prepared
        .iter()
        .map(|p| diff::names::NameIndex::new(p.text(), p.tokens()))
        .collect();
    let (mut changes, mut sims, mut words) = (Vec::new(), Vec::new(), Vec::new());
    for &(a, b) in pairs {
        let (ia, ib) = (slot(a), slot(b));
        {
            let pair = diff::diff_prepared(&prepared[ia], &prepared[ib], opts);
            sims.push(pair.similarity);
            let (ta, tb) = (&texts[ia], &texts[ib]);
            let (mut equal_a, mut equal_b) = (Vec::new(), Vec::new());
            for seg in &pair.segments {
                if let diff::Segment::Equal { old_span, new_span } = seg {
                    extend_spans(&mut equal_a, old_span);
                    extend_spans(&mut equal_b, new_span);
                }
            }
            let (same_a, same_b) = (words_within(ta, &equal_a), words_within(tb, &equal_b));
            words.push(PairWords {
                row: r,
                a,
                b,
                words_a: text::word_count(ta),
                words_b: text::word_count(tb),
                same_a,
                same_b,
            });
            let own: Vec<diff::Change> = pair
                .segments
                .into_iter()
                .filter_map(|seg| match seg {
                    diff::Segment::Change(change) => Some(change),
                    diff::Segment::Equal { .. } => None,
                })
                .collect();
            let refs: Vec<&diff::Change> = own.iter().collect();
            let found = diff::names::across(
                (prepared[ia].text(), &names[ia]),
                (prepared[ib].text(), &names[ib]),
                &refs,
            );
            let claims = diff::claims::across(
                (prepared[ia].text(), prepared[ia].tokens()),
                (prepared[ib].text(), prepared[ib].tokens()),
                &refs,
            );
            let tag = |change, across| RowChange {
                row: r,
                version: b,
                against: a,
                change,
                across,
            };
            changes.extend(own.into_iter().map(|c| tag(c, false)));
            changes.extend(found.into_iter().map(|c| tag(c, true)));
            changes.extend(claims.into_iter().map(|c| tag(c, true)));
        }
    }
    #[allow(clippy::cast_precision_loss)] // pair counts are tiny
    let mean = if sims.is_empty() {
        1.0
    } else {
        sims.iter().sum::<f64>() / sims.len() as f64
    };
    (changes, mean, words)
}

/// Adds `span` to `spans`, joined to the last one when they touch, so a word
/// across two adjacent equal stretches still lies inside one.
fn extend_spans(spans: &mut Vec<Range<usize>>, span: &Range<usize>) {
    match spans.last_mut() {
        Some(last) if last.end == span.start => last.end = span.end,
        _ => spans.push(span.clone()),
    }
}

/// How many words of `text` (as [`text::word_count`] counts them) are alike:
/// every letter and digit of the word lies inside `spans` (the equal
/// stretches, in order, not overlapping). Punctuation may differ, as it may
/// in a word the diff cut in two ("were!told" against "were told"): such a
/// word is one word alike, not one per piece, which counted more words alike
/// than the text has (a share above 100%).
fn words_within(text: &str, spans: &[Range<usize>]) -> usize {
    let mut spans = spans.iter().peekable();
    let mut inside = |at: usize| {
        while spans.next_if(|sp| sp.end <= at).is_some() {}
        spans.peek().is_some_and(|sp| sp.start <= at)
    };
    let mut count = 0;
    let mut word: Option<(bool, bool)> = None; // (has a letter or digit, all of them inside)
    // One past the end closes the last word like any white space.
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            if let Some((true, true)) = word.take() {
                count += 1;
            }
            continue;
        }
        let (has, all) = word.get_or_insert((false, true));
        if c.is_alphanumeric() {
            *has = true;
            *all = *all && inside(i);
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_within_counts_only_whole_words() {
        let text = "Drivers were!told to go.";
        assert_eq!(
            words_within(text, std::slice::from_ref(&(0..text.len()))),
            4
        );
        // The diff's equal stretches around a changed `!`: "were!told" is cut
        // but every letter of it is alike, so it is one word alike.
        assert_eq!(words_within(text, &[0..12, 13..text.len()]), 4);
        // A letter changed: "were!told" is not alike.
        assert_eq!(words_within(text, &[0..12, 14..text.len()]), 3);
        assert_eq!(words_within(text, &[]), 0);
        assert_eq!(words_within(" -- a ", std::slice::from_ref(&(4..5))), 1);
        assert_eq!(words_within("caf\u{e9} ok", &[0..3, 6..8]), 1);
    }
}
