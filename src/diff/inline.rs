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
pub fn diff_keys(old: &[&str], new: &[&str], deadline: Duration) -> Vec<Op> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
