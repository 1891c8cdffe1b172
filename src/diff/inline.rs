//! The one place that calls `similar`: a Patience diff of two token key slices
//! under a deadline, returned as plain tagged ranges so nothing else depends on
//! the crate's types.

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

/// What a stretch of tokens is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Same on both sides.
    Equal,
    /// Only in the old side.
    Delete,
    /// Only in the new side.
    Insert,
    /// Old tokens replaced by new ones.
    Replace,
}

/// One stretch: tag, old token range, new token range.
pub type Op = (Tag, Range<usize>, Range<usize>);

/// Diffs two key sequences. When the deadline passes, `similar` returns a coarser
/// (still correct) diff.
#[must_use]
pub fn diff_keys<K: Eq + std::hash::Hash + Ord>(
    old: &[K],
    new: &[K],
    deadline: Duration,
) -> Vec<Op> {
    let until = Instant::now().checked_add(deadline);
    capture_diff_slices_deadline(Algorithm::Patience, old, new, until)
        .iter()
        .map(|op| {
            let (tag, o, n) = op.as_tag_tuple();
            let tag = match tag {
                DiffTag::Equal => Tag::Equal,
                DiffTag::Delete => Tag::Delete,
                DiffTag::Insert => Tag::Insert,
                DiffTag::Replace => Tag::Replace,
            };
            (tag, o, n)
        })
        .collect()
}

/// The keys of two token sequences as small numbers, equal where the keys
/// are: the diff hashes and compares every key many times over (patience
/// looks for unique ones at each level), and a number is cheaper to do both
/// with than a word.
#[must_use]
pub fn intern<'k>(old: &[&'k str], new: &[&'k str]) -> (Vec<u32>, Vec<u32>) {
    let mut ids: std::collections::HashMap<&'k str, u32> =
        std::collections::HashMap::with_capacity(old.len() + new.len());
    let mut id_of = |k: &'k str| {
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        *ids.entry(k).or_insert(next)
    };
    let a = old.iter().map(|k| id_of(k)).collect();
    let b = new.iter().map(|k| id_of(k)).collect();
    (a, b)
}

/// Whether a token key is too weak to anchor a diff on its own: punctuation,
/// or a function word ("and", "the", "of").
#[must_use]
pub fn weak_key(key: &str) -> bool {
    !key.chars().any(char::is_alphanumeric) || crate::text::is_stopword(key)
}

/// Folds into one replacement every short run of equal function words or
/// punctuation (one or two tokens) that stands between two changes each
/// longer than it. A word diff anchors on any shared "and": "was unharmed,
/// and later appeared on Iraqi television" against "appeared calm and
/// composed" comes out as "unharmed" → "calm" and "television" → "composed",
/// pairs a reader takes for counterparts; without the anchor the two clauses
/// are one replacement, which [`super::refine::split`] then pairs by content
/// words. The same test as a semantic clean-up of character diffs: an
/// equality no longer than the edits on both sides of it carries no meaning.
#[must_use]
pub fn absorb_weak_equalities(ops: Vec<Op>, old: &[&str]) -> Vec<Op> {
    // Both neighbours replace words (a pure addition or removal beside a
    // shared "the" is a clean edit) and are longer than the equality; a
    // replacement made here absorbs no further equality, so clauses never
    // snowball into one long replacement.
    let replaces = |op: &Op, than: usize| {
        op.0 == Tag::Replace
            && op.1.len() > than
            && op.2.len() > than.max(1) - 1
            && op.1.len().max(op.2.len()) >= 2
    };
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    let mut merged_last = false;
    let mut i = 0;
    while i < ops.len() {
        let op = ops[i].clone();
        let absorbable = op.0 == Tag::Equal
            && op.1.len() <= 2
            && !merged_last
            && out.last().is_some_and(|p| replaces(p, op.1.len()))
            && ops.get(i + 1).is_some_and(|n| replaces(n, op.1.len()))
            && old[op.1.clone()].iter().all(|k| weak_key(k));
        if absorbable && let Some(prev) = out.pop() {
            let next = &ops[i + 1];
            out.push((
                Tag::Replace,
                prev.1.start..next.1.end,
                prev.2.start..next.2.end,
            ));
            merged_last = true;
            i += 2;
            continue;
        }
        merged_last = false;
        out.push(op);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_function_word_between_two_changes_anchors_nothing() {
        let old = [
            "was", "unharmed", ",", "and", "later", "appeared", "on", "tv", ".",
        ];
        let ops = vec![
            (Tag::Replace, 0..3, 0..2),
            (Tag::Equal, 3..4, 2..3),
            (Tag::Replace, 4..8, 3..4),
            (Tag::Equal, 8..9, 4..5),
        ];
        assert_eq!(
            absorb_weak_equalities(ops, &old),
            vec![(Tag::Replace, 0..8, 0..4), (Tag::Equal, 8..9, 4..5)]
        );
        // A content word, or a function word between one-word changes, stays.
        let old = ["a", "rocket", "and", "drone"];
        let ops = vec![
            (Tag::Equal, 0..1, 0..1),
            (Tag::Replace, 1..2, 1..2),
            (Tag::Equal, 2..3, 2..3),
            (Tag::Replace, 3..4, 3..4),
        ];
        assert_eq!(absorb_weak_equalities(ops.clone(), &old), ops);
        let old = ["x", "y", "drone", "p", "q"];
        let ops = vec![
            (Tag::Replace, 0..2, 0..2),
            (Tag::Equal, 2..3, 2..3),
            (Tag::Replace, 3..5, 3..5),
        ];
        assert_eq!(absorb_weak_equalities(ops.clone(), &old), ops);
    }

    #[test]
    fn one_word_replace_in_equal_context() {
        let ops = diff_keys(
            &["a", "rocket", "and", "drone"],
            &["a", "missile", "and", "drone"],
            Duration::from_millis(100),
        );
        assert!(
            ops.iter()
                .any(|(t, o, n)| *t == Tag::Replace && *o == (1..2) && *n == (1..2)),
            "{ops:?}"
        );
    }
}
