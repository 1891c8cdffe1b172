//! The whole comparison as one value: classify boilerplate, align, diff every row.
//!
//! This is the single entry point the CLI, the exports and the terminal UI share,
//! so they always show the same thing. Which pairs of versions are word-diffed
//! is [`pairing`]'s choice (every pair, or each row against its hub when there
//! are many versions); [`row_diff`] diffs them.

pub mod pairing;
mod row_diff;

use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{self, AlignConfig, AlignmentTable};
use crate::analysis::{Analysis, Basis};
use crate::boilerplate::{BoilerplateConfig, Classifier, PatternError};
use crate::diff::{self, Change, DiffOptions};
use crate::model::Version;
use crate::progress::{Progress, Stage};
pub use pairing::{DiffConfig, Pairing};
use row_diff::RowResult;

/// Engine settings (the `[align]` and `[boilerplate]` tables of the config file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EngineConfig {
    /// Aligner thresholds.
    pub align: AlignConfig,
    /// Boilerplate rules.
    pub boilerplate: BoilerplateConfig,
    /// Which pairs of versions are word-diffed.
    pub diff: pairing::DiffConfig,
}

/// One change inside a row, between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    /// Row index.
    pub row: usize,
    /// The version whose text reads `change.new`.
    pub version: usize,
    /// The version whose text reads `change.old`.
    pub against: usize,
    /// What changed; spans index the two cells' texts as built by [`Comparison::cell_text`].
    pub change: Change,
    /// Found across the pair rather than as one stretch of its word diff (a name
    /// spelled differently in two different places; see `diff::names`): its
    /// spans may lie inside other changes.
    pub across: bool,
}

/// Word counts of one pair of versions in one row: how much of each is word
/// for word the same as the other (the basis of the statistics).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairWords {
    /// Row index.
    pub row: usize,
    /// The lower version index.
    pub a: usize,
    /// The higher version index.
    pub b: usize,
    /// Words of `a`'s cell.
    pub words_a: usize,
    /// Words of `b`'s cell.
    pub words_b: usize,
    /// Words of `a`'s cell in stretches equal to `b`'s.
    pub same_a: usize,
    /// Words of `b`'s cell in stretches equal to `a`'s.
    pub same_b: usize,
}

/// Everything wirediff knows about a set of versions.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The versions, with paragraph kinds set.
    pub versions: Vec<Version>,
    /// Rows of aligned paragraphs.
    pub table: AlignmentTable,
    /// Per row, the mean word similarity of the pairs diffed (1.0 for one version).
    pub similarity: Vec<f64>,
    /// Changes of every row between the pairs of versions [`Comparison::pairing`]
    /// chose (`against < version`), in row order.
    pub changes: Vec<RowChange>,
    /// Word counts of the same pairs.
    pub pair_words: Vec<PairWords>,
    /// Which pairs were diffed: every pair present in a row, or each row's
    /// versions against its hub.
    pub pairing: Pairing,
    /// Per version, whether it reads as noisy print (OCR), judged once on its
    /// whole story: a name or figure read differently there is a misreading.
    noisy: Vec<bool>,
    /// What does not depend on the reference, computed on first use (see
    /// [`Comparison::basis`] and [`Comparison::analysis`]).
    basis: OnceLock<Basis>,
    analysis: OnceLock<Analysis>,
}

impl Comparison {
    /// The text of version `v`'s cell in `row`: its paragraphs joined by a blank line.
    #[must_use]
    pub fn cell_text(&self, row: usize, v: usize) -> String {
        let ids = &self.table.rows[row].cells[v];
        ids.iter()
            .filter_map(|&id| self.versions[v].paragraphs.get(id))
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The version to compare the others against by default: the one closest to
    /// all others (highest mean similarity; the likely wire original), the first
    /// on a tie.
    #[must_use]
    pub fn default_reference(&self) -> usize {
        self.basis().most_central
    }

    /// Word counts, the similarity matrix and the most central version:
    /// computed on the first call, then kept (see [`Basis`]).
    pub fn basis(&self) -> &Basis {
        self.basis.get_or_init(|| Basis::of(self))
    }

    /// Names and quotations: computed on the first call,
    /// then kept, so every reader (each export, the UI, any reference) shares
    /// one. The fields above are not to be changed after that.
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| Analysis::of(self))
    }

    /// The changes of row `r` (every pair diffed), found by binary search:
    /// changes are kept in row order.
    #[must_use]
    pub fn row_changes(&self, r: usize) -> &[RowChange] {
        changes_of_row(&self.changes, r)
    }

    /// Every pair of `reference` with a version present in the same row,
    /// diffed now, when [`Comparison::pairing`] did not diff them all (a
    /// reference other than the hubs' first); `None` when `changes` and
    /// `pair_words` already hold them. A view against that reference builds
    /// this once.
    #[must_use]
    pub fn pairs_against(&self, reference: usize) -> Option<PairSet> {
        if self.pairing.covers(reference) {
            return None;
        }
        let opts = DiffOptions::default();
        let per_row: Vec<RowResult> = (0..self.table.rows.len())
            .into_par_iter()
            .map(|r| {
                let row = &self.table.rows[r];
                let pairs: Vec<(usize, usize)> =
                    if row.cells.get(reference).is_none_or(Vec::is_empty) {
                        Vec::new()
                    } else {
                        row.present()
                            .filter(|&v| v != reference)
                            .map(|v| (v.min(reference), v.max(reference)))
                            .collect()
                    };
                row_diff::diff_pairs(self, r, &pairs, &opts)
            })
            .collect();
        let mut set = PairSet::default();
        for (changes, _, words) in per_row {
            set.changes.extend(changes);
            set.words.extend(words);
        }
        Some(set)
    }

    /// Whether all versions are the same text: every row has every version, no
    /// change was found, and what is hidden as boilerplate is the same too
    /// (the same paragraphs, word for word, whatever the spacing), so a
    /// difference in hidden text is still a difference.
    #[must_use]
    pub fn identical(&self) -> bool {
        fn words(v: &Version) -> Vec<Vec<&str>> {
            v.paragraphs
                .iter()
                .map(|p| p.text.split_whitespace().collect())
                .collect()
        }
        self.changes.is_empty()
            && self
                .table
                .rows
                .iter()
                .all(|r| r.cells.iter().all(|c| !c.is_empty()))
            && self.versions.split_first().is_none_or(|(first, rest)| {
                let first = words(first);
                rest.iter().all(|v| words(v) == first)
            })
    }
}

/// Changes and word counts of some pairs of versions, in row order: those a
/// view reads when the comparison did not diff them ([`Comparison::pairs_against`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairSet {
    /// The changes, as in [`Comparison::changes`].
    pub changes: Vec<RowChange>,
    /// The word counts, as in [`Comparison::pair_words`].
    pub words: Vec<PairWords>,
}

/// The changes of row `r` in `changes` (kept in row order), by binary search.
#[must_use]
pub fn changes_of_row(changes: &[RowChange], r: usize) -> &[RowChange] {
    let start = changes.partition_point(|c| c.row < r);
    let end = start + changes[start..].partition_point(|c| c.row == r);
    &changes[start..end]
}

/// Runs the whole engine on decoded versions.
///
/// # Errors
/// When a configured boilerplate pattern does not compile.
pub fn compare(versions: Vec<Version>, cfg: &EngineConfig) -> Result<Comparison, PatternError> {
    compare_with(versions, cfg, &Progress::new())
}

/// [`compare`], telling `progress` which stage runs and how many rows are
/// diffed, for a shell to show while it works. It leaves the stage at
/// [`Stage::Diffing`], all rows done: what the caller does next (the
/// analysis, drawing) is the caller's to report.
///
/// # Errors
/// When a configured boilerplate pattern does not compile.
pub fn compare_with(
    mut versions: Vec<Version>,
    cfg: &EngineConfig,
    progress: &Progress,
) -> Result<Comparison, PatternError> {
    progress.begin(Stage::Boilerplate, 0);
    let terms = Classifier::new(&cfg.boilerplate)?.classify_keeping_terms(&mut versions);
    progress.begin(Stage::Aligning, 0);
    let table = align::align_reusing(&versions, &cfg.align, Some(&terms));
    drop(terms);
    let pairing = Pairing::plan(&versions, &table, &cfg.diff);
    let noisy: Vec<bool> = versions
        .par_iter()
        .map(|v| {
            let (words, garbled) = v
                .paragraphs
                .iter()
                .filter(|p| p.kind != crate::model::ParagraphKind::Boilerplate)
                .map(|p| diff::kind::garbled_words(&p.text))
                .fold((0, 0), |(w, g), (pw, pg)| (w + pw, g + pg));
            diff::kind::noisy_counts(words, garbled)
        })
        .collect();
    let mut cmp = Comparison {
        versions,
        table,
        similarity: Vec::new(),
        changes: Vec::new(),
        pair_words: Vec::new(),
        pairing,
        noisy,
        basis: OnceLock::new(),
        analysis: OnceLock::new(),
    };
    let opts = DiffOptions::default();
    progress.begin(Stage::Diffing, cmp.table.rows.len());
    // Rows are independent: diff them in parallel, then keep them in row order.
    let per_row: Vec<RowResult> = (0..cmp.table.rows.len())
        .into_par_iter()
        .map(|r| {
            let present: Vec<usize> = cmp.table.rows[r].present().collect();
            let pairs = cmp.pairing.pairs(&present);
            let row = row_diff::diff_pairs(&cmp, r, &pairs, &opts);
            progress.advance(1);
            row
        })
        .collect();
    // Sized once: growing by doubling would hold up to twice the changes at
    // the peak, and on two whole books they are the biggest thing in memory.
    cmp.changes
        .reserve_exact(per_row.iter().map(|(c, _, _)| c.len()).sum());
    cmp.pair_words
        .reserve_exact(per_row.iter().map(|(_, _, w)| w.len()).sum());
    cmp.similarity.reserve_exact(per_row.len());
    for (changes, sim, words) in per_row {
        cmp.changes.extend(changes);
        cmp.similarity.push(sim);
        cmp.pair_words.extend(words);
    }
    Ok(cmp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Input, ReadOptions, decode};

    /// Found by the `align` fuzz target: a word glued by punctuation in one
    /// version counted as two words alike, more than the version has.
    #[test]
    fn a_word_cut_by_a_change_is_not_counted_alike_twice() {
        let opts = ReadOptions::default();
        let version = |path: &str, text: &str| {
            let input = Input {
                path: path.into(),
                bytes: text.as_bytes().to_vec(),
                file: None,
            };
            decode(&input, &opts).expect("text")
        };
        let versions = vec![
            version(
                "a.txt",
                "Drivers were!told to use the Pike Street crossing.",
            ),
            version(
                "b.txt",
                "Drivers were told to use the Pike Street crossing.",
            ),
        ];
        let cmp = compare(versions, &EngineConfig::default()).expect("compare");
        let w = cmp.pair_words[0];
        assert_eq!((w.words_a, w.same_a), (8, 8));
        assert_eq!((w.words_b, w.same_b), (9, 9));
    }
}
