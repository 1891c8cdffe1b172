//! Statistics of a comparison: how alike the versions are, how much of each is
//! the reference's text, and which look machine-paraphrased.
//!
//! Similarity of two versions is the share of their story words that sit in
//! word-for-word equal stretches of their aligned rows (rows only one has count
//! as all different): `(same_a + same_b) / (words_a + words_b)` summed over
//! the story. The version with the highest mean similarity to all others is the
//! likely original (wire copy).
//!
//! Machine paraphrase shows as many one-word-for-one-word swaps while the
//! sentence structure stays ("live fire" → "keen fire"): against the reference,
//! a paraphraser makes more single-word substitutions than clause-sized
//! rewrites (six words or more), an editor the other way round.

use serde::Serialize;

use crate::compare::{Comparison, PairWords, RowChange};
use crate::diff::ChangeKind;

/// Fewest single-word swaps against the reference for a paraphrase verdict
/// (below, there is too little evidence either way).
pub const PARAPHRASE_MIN_SWAPS: usize = 8;

/// Swaps per clause-sized rewrite from which a version reads as paraphrased.
pub const PARAPHRASE_SWAPS_PER_REWRITE: f64 = 1.5;

/// Changes of at least this many words (both sides) are rewrites, not swaps.
const REWRITE_WORDS: usize = 6;

/// One version's numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionStats {
    /// The version.
    pub version: usize,
    /// Story words.
    pub words: usize,
    /// Share of its story words equal, word for word, to the reference's.
    pub verbatim: f64,
    /// Share in rows the reference has, but worded differently.
    pub reworded: f64,
    /// Share in rows the reference lacks.
    pub unique: f64,
    /// Reference words in rows this version lacks.
    pub dropped_words: usize,
    /// Reference rows this version lacks.
    pub dropped_rows: usize,
    /// Mean similarity to every other version.
    pub mean_similarity: f64,
    /// The version it is most alike.
    pub closest: Option<usize>,
    /// One-word-for-one-word substitutions against the reference.
    pub swaps: usize,
    /// Clause-sized rewrites against the reference.
    pub rewrites: usize,
    /// Swaps per 100 of its story words.
    pub swaps_per_100: f64,
    /// Many swaps, few rewrites: likely machine paraphrase.
    pub paraphrase: bool,
}

/// The statistics of a comparison against `reference`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// The version compared against.
    pub reference: usize,
    /// The version with the highest mean similarity (the likely original).
    pub most_central: usize,
    /// `matrix[a][b]`: similarity of versions a and b (1 on the diagonal).
    pub matrix: Vec<Vec<f64>>,
    /// Per version.
    pub versions: Vec<VersionStats>,
}

#[allow(clippy::cast_precision_loss)] // word counts are far below 2^52
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Story words of version `v` per row (0 where absent).
#[must_use]
pub fn row_words(cmp: &Comparison, v: usize) -> Vec<usize> {
    cmp.table
        .rows
        .iter()
        .map(|row| {
            row.cells[v]
                .iter()
                .filter_map(|&id| cmp.versions[v].paragraphs.get(id))
                .map(|p| crate::text::word_count(&p.text))
                .sum()
        })
        .collect()
}

/// The N×N similarity matrix (see the module doc).
#[must_use]
pub fn matrix(cmp: &Comparison) -> Vec<Vec<f64>> {
    let words: Vec<Vec<usize>> = (0..cmp.versions.len()).map(|v| row_words(cmp, v)).collect();
    matrix_of(cmp, &words)
}

/// The matrix from the story words of each version per row ([`row_words`]).
#[must_use]
pub fn matrix_of(cmp: &Comparison, words: &[Vec<usize>]) -> Vec<Vec<f64>> {
    let n = cmp.versions.len();
    let totals: Vec<usize> = words.iter().map(|w| w.iter().sum()).collect();
    let mut same = vec![vec![0usize; n]; n];
    for p in &cmp.pair_words {
        same[p.a][p.b] += p.same_a + p.same_b;
    }
    let mut m = vec![vec![0.0; n]; n];
    for a in 0..n {
        m[a][a] = 1.0;
        for b in a + 1..n {
            let s = ratio(same[a][b], totals[a] + totals[b]);
            m[a][b] = s;
            m[b][a] = s;
        }
    }
    m
}

/// The version with the highest mean similarity to the others (the first on a tie).
#[must_use]
pub fn most_central(matrix: &[Vec<f64>]) -> usize {
    let n = matrix.len();
    let mean = |v: usize| -> f64 {
        if n < 2 {
            return 1.0;
        }
        #[allow(clippy::cast_precision_loss)]
        let others = (n - 1) as f64;
        (0..n)
            .filter(|&w| w != v)
            .map(|w| matrix[v][w])
            .sum::<f64>()
            / others
    };
    (0..n).fold(0, |best, v| {
        if mean(v) > mean(best) + 1e-12 {
            v
        } else {
            best
        }
    })
}

/// Per version: single-word substitutions of wording, and clause-sized
/// rewrites, against `reference` (one pass over the changes).
fn swaps_and_rewrites(
    cmp: &Comparison,
    changes: &[RowChange],
    reference: usize,
) -> Vec<(usize, usize)> {
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|x| x.chars().any(char::is_alphabetic))
            .count()
    };
    let one = |s: &str| {
        let mut it = s
            .split_whitespace()
            .filter(|x| x.chars().any(char::is_alphabetic));
        it.next().is_some_and(|x| x.chars().count() >= 3) && it.next().is_none()
    };
    let mut out = vec![(0, 0); cmp.versions.len()];
    for c in changes.iter().filter(|c| !c.across) {
        let other = if c.against == reference {
            c.version
        } else if c.version == reference {
            c.against
        } else {
            continue;
        };
        let ch = &c.change;
        if matches!(ch.kind, ChangeKind::Wording | ChangeKind::Quote)
            && one(&ch.old)
            && one(&ch.new)
        {
            out[other].0 += 1;
        } else if words(&ch.old) + words(&ch.new) >= REWRITE_WORDS {
            out[other].1 += 1;
        }
    }
    out
}

/// Everything, against the most central version (the default reference).
#[must_use]
pub fn compute_central(cmp: &Comparison) -> Stats {
    // The hubs are the most central version where it is present, so its
    // pairs are always among the comparison's own.
    compute(
        cmp,
        cmp.basis().most_central,
        (&cmp.changes, &cmp.pair_words),
    )
}

/// Everything, against `reference` (the matrix is the comparison's, built
/// once), from `pairs`: the changes and word counts of every pair of
/// `reference` with another version in a row (`cmp`'s own, or those a view
/// diffed; see [`Comparison::pairs_against`]); other pairs in them are skipped.
#[must_use]
pub fn compute(
    cmp: &Comparison,
    reference: usize,
    (changes, pair_words): (&[RowChange], &[PairWords]),
) -> Stats {
    let m = cmp.basis().matrix.clone();
    let n = cmp.versions.len();
    // Counted once per comparison (see `Analysis`), not per reference.
    let words = &cmp.basis().row_words;
    let mut same_with_ref = vec![0usize; n];
    for p in pair_words {
        if p.a == reference {
            same_with_ref[p.b] += p.same_b;
        } else if p.b == reference {
            same_with_ref[p.a] += p.same_a;
        }
    }
    let rows = &cmp.table.rows;
    let per_version = swaps_and_rewrites(cmp, changes, reference);
    let versions = (0..n)
        .map(|v| {
            let total: usize = words[v].iter().sum();
            let (mut with_ref, mut unique, mut dropped_words, mut dropped_rows) = (0, 0, 0, 0);
            for (r, row) in rows.iter().enumerate() {
                let (has_v, has_ref) = (!row.cells[v].is_empty(), !row.cells[reference].is_empty());
                match (has_v, has_ref) {
                    (true, true) => with_ref += words[v][r],
                    (true, false) => unique += words[v][r],
                    (false, true) => {
                        dropped_words += words[reference][r];
                        dropped_rows += 1;
                    }
                    (false, false) => {}
                }
            }
            let verbatim = if v == reference {
                total
            } else {
                same_with_ref[v]
            };
            let closest = (0..n)
                .filter(|&w| w != v)
                .max_by(|&a, &b| m[v][a].total_cmp(&m[v][b]).then(b.cmp(&a)));
            let (swaps, rewrites) = per_version[v];
            #[allow(clippy::cast_precision_loss)]
            let paraphrase = swaps >= PARAPHRASE_MIN_SWAPS
                && swaps as f64 >= PARAPHRASE_SWAPS_PER_REWRITE * rewrites as f64;
            #[allow(clippy::cast_precision_loss)]
            let mean_similarity = if n < 2 {
                1.0
            } else {
                (0..n).filter(|&w| w != v).map(|w| m[v][w]).sum::<f64>() / (n - 1) as f64
            };
            VersionStats {
                version: v,
                words: total,
                verbatim: ratio(verbatim, total),
                reworded: ratio(with_ref.saturating_sub(verbatim), total),
                unique: ratio(unique, total),
                dropped_words: if v == reference { 0 } else { dropped_words },
                dropped_rows: if v == reference { 0 } else { dropped_rows },
                mean_similarity,
                closest,
                swaps,
                rewrites,
                swaps_per_100: 100.0 * ratio(swaps, total),
                paraphrase,
            }
        })
        .collect();
    Stats {
        reference,
        most_central: cmp.basis().most_central,
        matrix: m,
        versions,
    }
}
