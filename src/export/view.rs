//! What an export shows, computed once for every format: the chosen versions in
//! order, the reference, and per row each version's text with its changes
//! oriented from the reference (`old` in the reference, `new` in the version).

use std::ops::Range;

use crate::compare::Comparison;
use crate::diff::ChangeKind;
use crate::model::{ParagraphKind, Version};

/// Which part of a comparison an export shows, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Versions compared against.
    pub reference: usize,
    /// Versions shown, in this order (the reference among them).
    pub versions: Vec<usize>,
    /// Include boilerplate paragraphs (listed per version).
    pub boilerplate: bool,
    /// Colour escapes in ANSI output.
    pub color: bool,
    /// Markdown changes as CriticMarkup (`{--old--}{++new++}`) instead of `~~old~~ **new**`.
    pub critic: bool,
}

impl ExportOptions {
    /// Every version, the default reference, no boilerplate, no colour.
    #[must_use]
    pub fn all(cmp: &Comparison) -> Self {
        Self {
            reference: cmp.default_reference(),
            versions: (0..cmp.versions.len()).collect(),
            boilerplate: false,
            color: false,
            critic: false,
        }
    }
}

/// A change seen from the reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oriented {
    /// Its kind.
    pub kind: ChangeKind,
    /// Text in the reference.
    pub old: String,
    /// Text in the version.
    pub new: String,
    /// Where `new` is in the version's cell text.
    pub new_span: Range<usize>,
    /// Where `old` is in the reference's cell text.
    pub old_span: Range<usize>,
}

/// One version's cell in a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellView {
    /// The version.
    pub version: usize,
    /// Its text in this row (empty when absent).
    pub text: String,
    /// Whether the version has this row.
    pub present: bool,
    /// Whether the paragraph stands elsewhere in its own version.
    pub moved: bool,
    /// Changes against the reference (none for the reference itself).
    pub changes: Vec<Oriented>,
}

/// One row of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowView {
    /// Row index in the comparison (0-based; shown 1-based).
    pub row: usize,
    /// Cells in the order of `ExportOptions::versions`.
    pub cells: Vec<CellView>,
}

/// Per-version numbers for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionStats {
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

/// The rows of `cmp` that hold a chosen version, oriented from the reference.
#[must_use]
pub fn rows(cmp: &Comparison, opts: &ExportOptions) -> Vec<RowView> {
    let mut out = Vec::new();
    for (r, row) in cmp.table.rows.iter().enumerate() {
        if !opts.versions.iter().any(|&v| !row.cells[v].is_empty()) {
            continue;
        }
        let cells = opts
            .versions
            .iter()
            .map(|&v| {
                let present = !row.cells[v].is_empty();
                let changes =
                    if v == opts.reference || !present || row.cells[opts.reference].is_empty() {
                        Vec::new()
                    } else {
                        oriented(cmp, r, opts.reference, v)
                    };
                CellView {
                    version: v,
                    text: if present {
                        cmp.cell_text(r, v)
                    } else {
                        String::new()
                    },
                    present,
                    moved: row.moved.contains(&v),
                    changes,
                }
            })
            .collect();
        out.push(RowView { row: r, cells });
    }
    out
}

/// Changes of row `r` between `reference` and `v`, oriented from the reference.
#[must_use]
pub fn oriented(cmp: &Comparison, r: usize, reference: usize, v: usize) -> Vec<Oriented> {
    let (lo, hi) = (reference.min(v), reference.max(v));
    // Changes are stored in row order: find the row's by binary search.
    let start = cmp.changes.partition_point(|c| c.row < r);
    let end = start + cmp.changes[start..].partition_point(|c| c.row == r);
    cmp.changes[start..end]
        .iter()
        .filter(|c| c.against == lo && c.version == hi && !c.across)
        .map(|c| {
            let ch = &c.change;
            if c.against == reference {
                Oriented {
                    kind: ch.kind,
                    old: ch.old.clone(),
                    new: ch.new.clone(),
                    new_span: ch.new_span.clone(),
                    old_span: ch.old_span.clone(),
                }
            } else {
                let kind = match ch.kind {
                    ChangeKind::Added => ChangeKind::Removed,
                    ChangeKind::Removed => ChangeKind::Added,
                    k => k,
                };
                Oriented {
                    kind,
                    old: ch.new.clone(),
                    new: ch.old.clone(),
                    new_span: ch.old_span.clone(),
                    old_span: ch.new_span.clone(),
                }
            }
        })
        .collect()
}

/// Per-version statistics against the reference.
#[must_use]
pub fn stats(cmp: &Comparison, opts: &ExportOptions) -> Vec<VersionStats> {
    opts.versions
        .iter()
        .map(|&v| {
            let ver: &Version = &cmp.versions[v];
            let mut by_kind = [0; ChangeKind::ALL.len()];
            let mut missing = 0;
            let mut rows = 0;
            for (r, row) in cmp.table.rows.iter().enumerate() {
                let (has, ref_has) = (
                    !row.cells[v].is_empty(),
                    !row.cells[opts.reference].is_empty(),
                );
                rows += usize::from(has);
                missing += usize::from(ref_has && !has);
                if has && ref_has && v != opts.reference {
                    for c in oriented(cmp, r, opts.reference, v) {
                        if let Some(i) = ChangeKind::ALL.iter().position(|k| *k == c.kind) {
                            by_kind[i] += 1;
                        }
                    }
                }
            }
            VersionStats {
                version: v,
                words: ver.story_word_count(),
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

/// Pieces of a version's cell text: `(text, Some(change))` for changed stretches,
/// `(text, None)` between them; removed text (empty `new`) appears as its own piece
/// at the place it was, carrying the old text.
#[must_use]
pub fn pieces<'a>(text: &'a str, changes: &'a [Oriented]) -> Vec<(&'a str, Option<&'a Oriented>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut sorted: Vec<&Oriented> = changes.iter().collect();
    sorted.sort_by_key(|c| (c.new_span.start, c.new_span.end));
    for c in sorted {
        let Some(before) = text.get(at..c.new_span.start) else {
            continue;
        };
        out.push((before, None));
        if c.new.is_empty() {
            out.push((c.old.as_str(), Some(c)));
        } else {
            out.push((text.get(c.new_span.clone()).unwrap_or(""), Some(c)));
        }
        at = c.new_span.end.max(at);
    }
    out.push((text.get(at..).unwrap_or(""), None));
    out.retain(|(t, c)| !t.is_empty() || c.is_some());
    out
}

/// Whether a deleted piece (text that is not in the cell, shown at its place)
/// needs a space before and after so it does not glue onto its neighbours:
/// "attempt" + "that targeted" + "against" reads "attempt that targeted against".
#[must_use]
pub fn deletion_spacing(pieces: &[(&str, Option<&Oriented>)], i: usize) -> (bool, bool) {
    let piece = pieces[i].0;
    let before = i
        .checked_sub(1)
        .and_then(|j| pieces[j].0.chars().next_back())
        .is_some_and(|c| !c.is_whitespace())
        && !piece.starts_with(char::is_whitespace);
    let after = pieces
        .get(i + 1)
        .and_then(|(t, _)| t.chars().next())
        .is_some_and(char::is_alphanumeric)
        && !piece.ends_with(char::is_whitespace);
    (before, after)
}
