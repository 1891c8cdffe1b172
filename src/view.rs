//! The comparison seen from one reference: the one value every reader shows.
//!
//! The engine stores each change once per pair of versions, from the lower
//! version to the higher ([`crate::compare::RowChange`]). A reader wants it
//! from the reference: `old` is what the reference reads, `new` what the
//! version reads, and text only the version has is `added`. When each reader
//! turned changes round itself, they drifted apart (the grid showed additions
//! struck out as removals while the exports did not), so the turning is done
//! here, once, with [`Oriented::flip`], and the result kept.
//!
//! A [`StoryView`] is built for one [`Choice`] (the reference, the versions
//! shown in their order, boilerplate shown or not) and holds rows, cells and
//! oriented changes, per-kind counts and per-version summaries; statistics
//! against the reference, and the names and quotations that differ among the
//! shown versions ([`ViewAnalysis`]), are added on first read, since a word
//! diff needs none of them. The terminal UI
//! rebuilds it when the choice changes; its grid, differences panel, `n`/`N`
//! and status line, and every export, read it and never orient, count or
//! parse again. What does not depend on the reference comes from
//! [`Comparison::analysis`], computed once per comparison.

use std::ops::Range;
use std::sync::OnceLock;

use crate::analysis::entities::Form;
use crate::analysis::quotes::{Status, Wording};
use crate::analysis::stats::{self, Stats};
use crate::compare::{Comparison, PairSet, RowChange, changes_of_row};
use crate::diff::{Change, ChangeKind, Reason};
use crate::model::ParagraphKind;

/// What a view shows: the reference, the versions in order, boilerplate or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The version the others are compared against.
    pub reference: usize,
    /// The versions shown, in this order (the reference among them).
    pub versions: Vec<usize>,
    /// Whether boilerplate paragraphs are shown (listed) too.
    pub boilerplate: bool,
}

impl Choice {
    /// Every version in index order against the default reference, no
    /// boilerplate: what a reader sees when nothing was chosen.
    #[must_use]
    pub fn default_for(cmp: &Comparison) -> Self {
        Self {
            reference: cmp.default_reference(),
            versions: (0..cmp.versions.len()).collect(),
            boilerplate: false,
        }
    }
}

/// A change read from one side: in row `row`, the text `old` of version
/// `against` reads `new` in version `version`. In a [`StoryView`], `against`
/// is always the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oriented {
    /// Row index in the comparison.
    pub row: usize,
    /// The version whose text reads `new`.
    pub version: usize,
    /// The version whose text reads `old` (the reference, in a view).
    pub against: usize,
    /// Its kind, from `against` to `version` (`added`: only `version` has it).
    pub kind: ChangeKind,
    /// Why it is that kind, told from `against` to `version`.
    pub reason: Reason,
    /// Text in `against`.
    pub old: String,
    /// Text in `version`.
    pub new: String,
    /// Where `old` is in `against`'s cell text.
    pub old_span: Range<usize>,
    /// Where `new` is in `version`'s cell text.
    pub new_span: Range<usize>,
    /// Found across the pair, not as one stretch of its word diff (its spans
    /// may lie inside other changes; see [`RowChange::across`]).
    pub across: bool,
}

/// The kind of a change read from its other side: `added` and `removed`
/// swap, every other kind is symmetric.
#[must_use]
pub fn flipped_kind(kind: ChangeKind) -> ChangeKind {
    match kind {
        ChangeKind::Added => ChangeKind::Removed,
        ChangeKind::Removed => ChangeKind::Added,
        k => k,
    }
}

impl Oriented {
    /// A word change of `row` from version `against` to version `version`, as
    /// the diff gave it.
    #[must_use]
    pub fn from_change(row: usize, version: usize, against: usize, c: &Change) -> Self {
        Self {
            row,
            version,
            against,
            kind: c.kind,
            reason: c.reason.clone(),
            old: c.old.clone(),
            new: c.new.clone(),
            old_span: c.old_span.clone(),
            new_span: c.new_span.clone(),
            across: false,
        }
    }

    /// A stored change as the engine holds it (from the lower version).
    #[must_use]
    pub fn stored(c: &RowChange) -> Self {
        Self {
            across: c.across,
            ..Self::from_change(c.row, c.version, c.against, &c.change)
        }
    }

    /// The same change read from its other side: the versions, texts and
    /// spans swap, `added` and `removed` swap, the reason turns round. By
    /// value, so turning a stored change copies no text twice.
    #[must_use]
    pub fn flip(self) -> Self {
        Self {
            row: self.row,
            version: self.against,
            against: self.version,
            kind: flipped_kind(self.kind),
            reason: self.reason.flipped(),
            old: self.new,
            new: self.old,
            old_span: self.new_span,
            new_span: self.old_span,
            across: self.across,
        }
    }

    /// A stored change read from `reference` (`None` when the reference is
    /// not one of its two versions).
    #[must_use]
    pub fn seen_from(c: &RowChange, reference: usize) -> Option<Self> {
        if c.against == reference {
            Some(Self::stored(c))
        } else if c.version == reference {
            Some(Self::stored(c).flip())
        } else {
            None
        }
    }
}

/// One shown version's cell in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellView {
    /// The version.
    pub version: usize,
    /// Its text in this row (paragraphs joined by a blank line; empty when absent).
    pub text: String,
    /// Whether the version has this row.
    pub present: bool,
    /// Whether the paragraph stands elsewhere in its own version.
    pub moved: bool,
    /// Its changes against the reference: a range of [`StoryView::changes`]
    /// (empty for the reference's own cell, and when either side is absent).
    pub changes: Range<usize>,
}

/// One row that holds at least one shown version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    /// Row index in the comparison (0-based; shown 1-based).
    pub row: usize,
    /// Cells in the order of [`Choice::versions`].
    pub cells: Vec<CellView>,
}

impl RowView {
    /// The cell of version `v`, if it is shown.
    #[must_use]
    pub fn cell(&self, v: usize) -> Option<&CellView> {
        self.cells.iter().find(|c| c.version == v)
    }
}

/// Per shown version, the numbers of the summary tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionSummary {
    /// The version.
    pub version: usize,
    /// Words in its story paragraphs.
    pub words: usize,
    /// Rows it has.
    pub rows: usize,
    /// Boilerplate paragraphs.
    pub boilerplate: usize,
    /// Changes against the reference, per kind (in `ChangeKind::ALL` order).
    pub by_kind: [usize; ChangeKind::ALL.len()],
    /// Rows of the reference it lacks.
    pub missing: usize,
}

/// A name spelled in more than one way among the shown versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameView {
    /// Its spellings that a shown version uses, the most used first.
    pub forms: Vec<Form>,
    /// Per shown version, in order: the spellings it uses.
    pub by_version: Vec<(usize, Vec<Form>)>,
}

/// One version's wording of a quotation, with the words that differ from the
/// base wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteWording {
    /// The wording and its status.
    pub wording: Wording,
    /// Changes from the base wording to this one (reworded ones only).
    pub changes: Vec<Oriented>,
}

/// A quotation whose wordings differ among the shown versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteView {
    /// Row index.
    pub row: usize,
    /// The version whose wording the others are compared with: the first that
    /// quotes it (shown or not).
    pub base: usize,
    /// That version's wording.
    pub base_text: String,
    /// Per shown version, in order: its wording, or `None` when it lacks the row.
    pub wordings: Vec<(usize, Option<QuoteWording>)>,
}

/// The index of a kind in `ChangeKind::ALL` (the order of every per-kind count).
#[must_use]
pub fn kind_index(kind: ChangeKind) -> usize {
    ChangeKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or_default()
}

/// What a view shows beyond its changes: statistics against its reference,
/// and the names and quotations that differ among its versions.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewAnalysis {
    /// Statistics against the reference (matrix and shares of every version).
    pub stats: Stats,
    /// Names spelled in more than one way among the shown versions.
    pub names: Vec<NameView>,
    /// Quotations worded differently among the shown versions.
    pub quotes: Vec<QuoteView>,
}

/// The comparison seen from one reference (see the module doc).
#[derive(Debug, Clone)]
pub struct StoryView {
    /// What it shows.
    pub choice: Choice,
    /// The rows holding a shown version, in row order.
    pub rows: Vec<RowView>,
    /// Every change between the reference and a shown version, oriented from
    /// the reference: in row order, then in the order of the shown versions.
    /// This is the order of the differences panel and of `n`/`N`.
    pub changes: Vec<Oriented>,
    /// Per shown version, in order.
    pub summaries: Vec<VersionSummary>,
    /// All of `changes`, per kind (in `ChangeKind::ALL` order).
    pub by_kind: [usize; ChangeKind::ALL.len()],
    /// Statistics, names and quotations: built on first read (a word diff in
    /// ANSI needs none of them), then kept with the view.
    analysis: OnceLock<ViewAnalysis>,
    /// Per comparison row, its index in `rows` (`NO_ROW` when no shown
    /// version has it): the UI looks rows up on every key and frame.
    row_at: Vec<usize>,
    /// The reference's pairs this view diffed itself, when the comparison
    /// had not (see [`Comparison::pairs_against`]): its statistics read them.
    own_pairs: Option<PairSet>,
}

/// `row_at` of a row no shown version has.
const NO_ROW: usize = usize::MAX;

/// Two views are equal when they show the same; whether their analysis was
/// read yet does not count.
impl PartialEq for StoryView {
    fn eq(&self, other: &Self) -> bool {
        self.choice == other.choice
            && self.rows == other.rows
            && self.changes == other.changes
            && self.summaries == other.summaries
            && self.by_kind == other.by_kind
    }
}

impl StoryView {
    /// Sees `cmp` as `choice` says. The reference is expected among the shown
    /// versions and every index in range (the CLI and the UI make it so).
    #[must_use]
    pub fn new(cmp: &Comparison, choice: Choice) -> Self {
        let reference = choice.reference;
        let own_pairs = cmp.pairs_against(reference);
        let source = own_pairs
            .as_ref()
            .map_or(&cmp.changes[..], |p| &p.changes[..]);
        let mut rows = Vec::new();
        let mut changes = Vec::new();
        for (r, row) in cmp.table.rows.iter().enumerate() {
            if !choice.versions.iter().any(|&v| !row.cells[v].is_empty()) {
                continue;
            }
            let ref_present = !row.cells[reference].is_empty();
            let stored = changes_of_row(source, r);
            let cells = choice
                .versions
                .iter()
                .map(|&v| {
                    let present = !row.cells[v].is_empty();
                    let start = changes.len();
                    if v != reference && present && ref_present {
                        changes.extend(
                            stored
                                .iter()
                                .filter(|c| {
                                    (c.against.min(c.version), c.against.max(c.version))
                                        == (v.min(reference), v.max(reference))
                                })
                                .filter_map(|c| Oriented::seen_from(c, reference)),
                        );
                    }
                    CellView {
                        version: v,
                        text: if present {
                            cmp.cell_text(r, v)
                        } else {
                            String::new()
                        },
                        present,
                        moved: row.moved.contains(&v),
                        changes: start..changes.len(),
                    }
                })
                .collect();
            rows.push(RowView { row: r, cells });
        }
        let mut by_kind = [0; ChangeKind::ALL.len()];
        for c in &changes {
            by_kind[kind_index(c.kind)] += 1;
        }
        let summaries = summaries(cmp, &choice, &changes);
        let mut row_at = vec![NO_ROW; cmp.table.rows.len()];
        for (i, row) in rows.iter().enumerate() {
            row_at[row.row] = i;
        }
        Self {
            row_at,
            choice,
            rows,
            changes,
            summaries,
            by_kind,
            analysis: OnceLock::new(),
            own_pairs,
        }
    }

    /// Statistics against the reference, and the names and quotations that
    /// differ among the shown versions, of `cmp` (the comparison this view
    /// was built from), computed on the first call.
    pub fn analysis(&self, cmp: &Comparison) -> &ViewAnalysis {
        debug_assert!(
            self.rows
                .last()
                .is_none_or(|r| r.row < cmp.table.rows.len()),
            "a view reads the comparison it was built from"
        );
        self.analysis.get_or_init(|| ViewAnalysis {
            stats: stats::compute(
                cmp,
                self.choice.reference,
                self.own_pairs
                    .as_ref()
                    .map_or((&cmp.changes[..], &cmp.pair_words[..]), |p| {
                        (&p.changes[..], &p.words[..])
                    }),
            ),
            names: names(cmp, &self.choice),
            quotes: quotes(cmp, &self.choice),
        })
    }

    /// The view of row `r`, if it holds a shown version.
    #[must_use]
    pub fn row(&self, r: usize) -> Option<&RowView> {
        self.row_at
            .get(r)
            .filter(|&&i| i != NO_ROW)
            .map(|&i| &self.rows[i])
    }

    /// The changes of a cell.
    #[must_use]
    pub fn cell_changes(&self, cell: &CellView) -> &[Oriented] {
        &self.changes[cell.changes.clone()]
    }

    /// The kinds present, with their counts, in `ChangeKind::ALL` order.
    #[must_use]
    pub fn kind_counts(&self) -> Vec<(ChangeKind, usize)> {
        ChangeKind::ALL
            .into_iter()
            .zip(self.by_kind)
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}

fn summaries(cmp: &Comparison, choice: &Choice, changes: &[Oriented]) -> Vec<VersionSummary> {
    choice
        .versions
        .iter()
        .map(|&v| {
            let ver = &cmp.versions[v];
            let mut by_kind = [0; ChangeKind::ALL.len()];
            for c in changes.iter().filter(|c| c.version == v) {
                by_kind[kind_index(c.kind)] += 1;
            }
            let (mut rows, mut missing) = (0, 0);
            for row in &cmp.table.rows {
                let has = !row.cells[v].is_empty();
                rows += usize::from(has);
                missing += usize::from(!row.cells[choice.reference].is_empty() && !has);
            }
            VersionSummary {
                version: v,
                words: cmp.basis().story_words[v],
                rows,
                boilerplate: ver
                    .paragraphs
                    .iter()
                    .filter(|p| p.kind == ParagraphKind::Boilerplate)
                    .count(),
                by_kind,
                missing,
            }
        })
        .collect()
}

/// The names spelled in more than one way (not only in case) among the shown
/// versions.
fn names(cmp: &Comparison, choice: &Choice) -> Vec<NameView> {
    cmp.analysis()
        .entities
        .iter()
        .filter(|e| e.variants)
        .filter_map(|e| {
            let forms: Vec<&Form> = e
                .forms
                .iter()
                .filter(|f| f.versions.iter().any(|v| choice.versions.contains(v)))
                .collect();
            let folded: std::collections::BTreeSet<String> =
                forms.iter().map(|f| f.text.to_lowercase()).collect();
            (folded.len() > 1).then(|| NameView {
                by_version: choice
                    .versions
                    .iter()
                    .map(|&v| {
                        let used = forms
                            .iter()
                            .filter(|f| f.versions.contains(&v))
                            .map(|f| (*f).clone())
                            .collect();
                        (v, used)
                    })
                    .collect(),
                forms: forms.into_iter().cloned().collect(),
            })
        })
        .collect()
}

/// The quotations that differ among the shown versions: at least one of them
/// quotes it, and their wordings (or the lack of one) are not all alike.
fn quotes(cmp: &Comparison, choice: &Choice) -> Vec<QuoteView> {
    let analysis = cmp.analysis();
    analysis
        .quotes
        .iter()
        .zip(&analysis.quote_changes)
        .filter(|(q, _)| q.differs())
        .filter_map(|(q, diffs)| {
            let base = q.wordings.iter().find(|w| !w.text.is_empty())?;
            let wordings: Vec<(usize, Option<QuoteWording>)> = choice
                .versions
                .iter()
                .map(|&v| {
                    let at = q.wordings.iter().position(|w| w.version == v);
                    let wording = at.map(|i| QuoteWording {
                        wording: q.wordings[i].clone(),
                        changes: diffs[i]
                            .iter()
                            .map(|c| Oriented::from_change(q.row, v, base.version, c))
                            .collect(),
                    });
                    (v, wording)
                })
                .collect();
            let shown: Vec<&Wording> = wordings
                .iter()
                .filter_map(|(_, w)| w.as_ref().map(|w| &w.wording))
                .collect();
            let key = |w: &Wording| match w.status {
                Status::Same | Status::Reworded => crate::text::fold_loose(&w.text),
                Status::Unquoted => "\0unquoted".to_string(),
                Status::Absent => "\0absent".to_string(),
            };
            let quoted = shown.iter().any(|w| !w.text.is_empty());
            let first = shown.first().map(|w| key(w));
            let differ = shown.iter().any(|w| Some(key(w)) != first);
            (quoted && differ).then(|| QuoteView {
                row: q.row,
                base: base.version,
                base_text: base.text.clone(),
                wordings,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Why;

    fn added() -> Oriented {
        Oriented {
            row: 3,
            version: 4,
            against: 1,
            kind: ChangeKind::Added,
            reason: Reason::new(Why::Sentence, "", "Police came."),
            old: String::new(),
            new: "Police came.".into(),
            old_span: 10..10,
            new_span: 12..24,
            across: false,
        }
    }

    #[test]
    fn flip_swaps_sides_kinds_and_reasons() {
        let f = added().flip();
        assert_eq!((f.version, f.against), (1, 4));
        assert_eq!(f.kind, ChangeKind::Removed);
        assert_eq!((f.old.as_str(), f.new.as_str()), ("Police came.", ""));
        assert_eq!((f.old_span.clone(), f.new_span.clone()), (12..24, 10..10));
        assert_eq!(f.reason.to_string(), "removed: Police came.");
        assert_eq!(f.clone().flip().flip(), f);
        assert_eq!(added().flip().flip(), added());
    }

    #[test]
    fn symmetric_kinds_stay() {
        for k in ChangeKind::ALL {
            let f = flipped_kind(k);
            assert_eq!(flipped_kind(f), k);
            assert_eq!(
                f == k,
                !matches!(k, ChangeKind::Added | ChangeKind::Removed)
            );
        }
    }
}
