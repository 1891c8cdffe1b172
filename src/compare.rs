//! The whole comparison as one value: classify boilerplate, align, diff every row.
//!
//! This is the single entry point the CLI, the exports and the terminal UI share,
//! so they always show the same thing.

use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{self, AlignConfig, AlignmentTable};
use crate::analysis::Analysis;
use crate::boilerplate::{BoilerplateConfig, Classifier, PatternError};
use crate::diff::{self, Change, DiffOptions};
use crate::model::Version;
use crate::progress::{Progress, Stage};
use crate::text;

/// Engine settings (the `[align]` and `[boilerplate]` tables of the config file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EngineConfig {
    /// Aligner thresholds.
    pub align: AlignConfig,
    /// Boilerplate rules.
    pub boilerplate: BoilerplateConfig,
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
    /// Per row, the mean word similarity of the versions present (1.0 for one version).
    pub similarity: Vec<f64>,
    /// Changes of every row between every pair of versions present (`against < version`).
    pub changes: Vec<RowChange>,
    /// Word counts of every pair of versions present in every row.
    pub pair_words: Vec<PairWords>,
    /// What does not depend on the reference, computed on first use (see
    /// [`Comparison::analysis`]).
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
        self.analysis().most_central
    }

    /// The similarity matrix, names and quotations: computed on the first call,
    /// then kept, so every reader (each export, the UI, any reference) shares
    /// one. The fields above are not to be changed after that.
    pub fn analysis(&self) -> &Analysis {
        self.analysis.get_or_init(|| Analysis::of(self))
    }

    /// The changes of row `r` (every pair), found by binary search: changes
    /// are kept in row order.
    #[must_use]
    pub fn row_changes(&self, r: usize) -> &[RowChange] {
        let start = self.changes.partition_point(|c| c.row < r);
        let end = start + self.changes[start..].partition_point(|c| c.row == r);
        &self.changes[start..end]
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

/// Diffs every pair of versions present in row `r`: its changes and the mean similarity.
/// One row's changes, mean pair similarity and pair word counts.
type RowResult = (Vec<RowChange>, f64, Vec<PairWords>);

fn diff_row(cmp: &Comparison, r: usize, opts: &DiffOptions, noisy: &[bool]) -> RowResult {
    let present: Vec<usize> = cmp.table.rows[r].present().collect();
    let texts: Vec<String> = present.iter().map(|&v| cmp.cell_text(r, v)).collect();
    let prepared: Vec<diff::Prepared<'_>> = texts
        .iter()
        .zip(&present)
        .map(|(t, &v)| diff::Prepared::with_noise(t, noisy[v]))
        .collect();
    let names: Vec<diff::names::NameIndex<'_>> = prepared
        .iter()
        .map(|p| diff::names::NameIndex::new(p.text(), p.tokens()))
        .collect();
    let (mut changes, mut sims, mut words) = (Vec::new(), Vec::new(), Vec::new());
    for (ia, &a) in present.iter().enumerate() {
        for (ib, &b) in present.iter().enumerate().skip(ia + 1) {
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
    let mut cmp = Comparison {
        versions,
        table,
        similarity: Vec::new(),
        changes: Vec::new(),
        pair_words: Vec::new(),
        analysis: OnceLock::new(),
    };
    let opts = DiffOptions::default();
    progress.begin(Stage::Diffing, cmp.table.rows.len());
    // Whether each version reads as noisy print (OCR), judged once on its
    // whole story: a name or figure read differently there is a misreading.
    let noisy: Vec<bool> = cmp
        .versions
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
    // Rows are independent: diff them in parallel, then keep them in row order.
    let per_row: Vec<RowResult> = (0..cmp.table.rows.len())
        .into_par_iter()
        .map(|r| {
            let row = diff_row(&cmp, r, &opts, &noisy);
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
