//! Which pairs of versions the engine word-diffs.
//!
//! Every pair of versions in a row costs one word diff, so diffing every pair
//! grows with the square of the number of versions: 10 pairs a row for five
//! outlets, 190 for twenty, 44,850 for three hundred. A reader compares the
//! versions against one reference, and a few outlets against each other, so:
//!
//! - up to [`ALL_PAIRS_MAX_VERSIONS`] versions (`[diff]
//!   all_pairs_max_versions` in the config file), every pair is diffed
//!   ([`Pairing::All`]): the exports list how any two versions differ;
//! - beyond, each row is diffed against its *hub* only ([`Pairing::Hub`]): the
//!   most central version of those in the row. Which version is most central
//!   is judged before any word diff, from the words the versions share in each
//!   row as multisets ([`overlap_matrix`]); a view against another reference
//!   diffs its own pairs when it is built
//!   ([`super::Comparison::pairs_against`]).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::align::AlignmentTable;
use crate::model::{ParagraphKind, Version};

/// The most versions for which every pair is diffed, by default.
pub const ALL_PAIRS_MAX_VERSIONS: usize = 8;

/// The `[diff]` table of the config file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DiffConfig {
    /// Up to this many versions, every pair is word-diffed; beyond, each row
    /// against its hub ([`Pairing::Hub`]).
    pub all_pairs_max_versions: usize,
}

impl Default for DiffConfig {
    fn default() -> Self {
        Self {
            all_pairs_max_versions: ALL_PAIRS_MAX_VERSIONS,
        }
    }
}

/// Which pairs of a row were diffed.
#[derive(Debug, Clone, PartialEq)]
pub enum Pairing {
    /// Every pair of versions present in a row.
    All,
    /// Every version present in a row against that row's hub: the first of
    /// `order` the row has.
    Hub {
        /// Every version, most central first (highest mean similarity in
        /// `matrix`, the lower index on a tie).
        order: Vec<usize>,
        /// The similarity matrix the order was read from ([`overlap_matrix`]).
        matrix: Vec<Vec<f64>>,
    },
}

impl Pairing {
    /// The pairing for `versions` aligned as `table`: every pair for up to
    /// `cfg.all_pairs_max_versions` versions, a hub per row beyond.
    #[must_use]
    pub fn plan(versions: &[Version], table: &AlignmentTable, cfg: &DiffConfig) -> Self {
        if versions.len() <= cfg.all_pairs_max_versions {
            return Self::All;
        }
        let matrix = overlap_matrix(versions, table);
        let mean = |v: usize| -> f64 {
            matrix[v]
                .iter()
                .enumerate()
                .filter(|&(w, _)| w != v)
                .map(|(_, s)| s)
                .sum::<f64>()
        };
        let means: Vec<f64> = (0..versions.len()).map(mean).collect();
        let mut order: Vec<usize> = (0..versions.len()).collect();
        // Stable: equal means keep index order, as `stats::most_central` does.
        order.sort_by(|&a, &b| means[b].total_cmp(&means[a]));
        Self::Hub { order, matrix }
    }

    /// The version row `present` is diffed against: `None` when every pair is.
    #[must_use]
    pub fn hub(&self, present: &[usize]) -> Option<usize> {
        match self {
            Self::All => None,
            Self::Hub { order, .. } => order.iter().copied().find(|v| present.contains(v)),
        }
    }

    /// The pairs `(lower, higher)` of `present` (a row's versions, in index
    /// order) to diff.
    #[must_use]
    pub fn pairs(&self, present: &[usize]) -> Vec<(usize, usize)> {
        match self.hub(present) {
            None => present
                .iter()
                .enumerate()
                .flat_map(|(i, &a)| present[i + 1..].iter().map(move |&b| (a, b)))
                .collect(),
            Some(hub) => present
                .iter()
                .filter(|&&v| v != hub)
                .map(|&v| (v.min(hub), v.max(hub)))
                .collect(),
        }
    }

    /// Whether every pair with `reference` in a row that has it was diffed.
    #[must_use]
    pub fn covers(&self, reference: usize) -> bool {
        match self {
            Self::All => true,
            Self::Hub { order, .. } => order.first() == Some(&reference),
        }
    }
}

/// The similarity of every two versions from the words they share, row by
/// row, as multisets: `2 × shared / (words_a + words_b)` summed over the
/// story, where a row only one of them has counts as all different. The
/// same measure as [`crate::analysis::stats::matrix`] but for word order,
/// which that one reads from word diffs: this one needs none, so it can tell
/// which version is most central before any pair is diffed.
#[must_use]
pub fn overlap_matrix(versions: &[Version], table: &AlignmentTable) -> Vec<Vec<f64>> {
    let n = versions.len();
    // Every word as a number, so a row's words are a sorted list of numbers.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words_of = |v: usize, cell: &[usize]| -> Vec<u32> {
        let mut out: Vec<u32> = cell
            .iter()
            .filter_map(|&id| versions[v].paragraphs.get(id))
            .filter(|p| p.kind != ParagraphKind::Boilerplate)
            .flat_map(|p| p.text.split_whitespace())
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .map(|w| {
                let key = crate::text::fold_lower(w.trim_matches(|c: char| !c.is_alphanumeric()));
                let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
                *ids.entry(key).or_insert(next)
            })
            .collect();
        out.sort_unstable();
        out
    };
    let mut totals = vec![0usize; n];
    let mut shared = vec![vec![0usize; n]; n];
    for row in &table.rows {
        let cells: Vec<(usize, Vec<u32>)> = (0..n)
            .filter(|&v| !row.cells[v].is_empty())
            .map(|v| (v, words_of(v, &row.cells[v])))
            .collect();
        for (v, w) in &cells {
            totals[*v] += w.len();
        }
        for (i, (a, wa)) in cells.iter().enumerate() {
            for (b, wb) in &cells[i + 1..] {
                let s = 2 * common(wa, wb);
                shared[*a][*b] += s;
                shared[*b][*a] += s;
            }
        }
    }
    let mut m = vec![vec![0.0; n]; n];
    for a in 0..n {
        m[a][a] = 1.0;
        for b in 0..n {
            if a != b && totals[a] + totals[b] > 0 {
                #[allow(clippy::cast_precision_loss)] // word counts are far below 2^52
                let s = shared[a][b] as f64 / (totals[a] + totals[b]) as f64;
                m[a][b] = s;
            }
        }
    }
    m
}

/// How many items two sorted lists share, counting repeats (a multiset
/// intersection), by one merge.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_counts_repeats_once_per_pair() {
        assert_eq!(common(&[1, 1, 2, 5], &[1, 2, 2, 5, 7]), 3);
        assert_eq!(common(&[], &[1]), 0);
        assert_eq!(common(&[3, 3, 3], &[3, 3]), 2);
    }

    #[test]
    fn all_pairs_or_one_hub_per_row() {
        assert_eq!(Pairing::All.pairs(&[0, 2, 5]), vec![(0, 2), (0, 5), (2, 5)]);
        let hub = Pairing::Hub {
            order: vec![4, 2, 0, 1, 3, 5],
            matrix: Vec::new(),
        };
        // The row has no 4: 2 is its hub.
        assert_eq!(hub.pairs(&[0, 2, 5]), vec![(0, 2), (2, 5)]);
        assert_eq!(hub.hub(&[0, 1]), Some(0));
        assert_eq!(hub.pairs(&[3]), Vec::<(usize, usize)>::new());
        assert!(hub.covers(4));
        assert!(!hub.covers(2));
        assert!(Pairing::All.covers(3));
    }
}
