//! What an export shows, computed once for every format: the chosen versions in
//! order, the reference, and per row each version's text with its changes
//! oriented from the reference (`old` in the reference, `new` in the version).

use std::ops::Range;

use crate::analysis::entities::{Entity, Form};
use crate::analysis::quotes::{Quotation, Status, Wording};
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

/// The word-diff changes of row `r` between `reference` and `v` as stored
/// (lower version first); changes are kept in row order, so the row's are
/// found by binary search.
fn pair_changes(
    cmp: &Comparison,
    r: usize,
    reference: usize,
    v: usize,
) -> impl Iterator<Item = &crate::compare::RowChange> {
    let (lo, hi) = (reference.min(v), reference.max(v));
    let start = cmp.changes.partition_point(|c| c.row < r);
    let end = start + cmp.changes[start..].partition_point(|c| c.row == r);
    cmp.changes[start..end]
        .iter()
        .filter(move |c| c.against == lo && c.version == hi && !c.across)
}

/// Changes of row `r` between `reference` and `v`, oriented from the reference.
#[must_use]
pub fn oriented(cmp: &Comparison, r: usize, reference: usize, v: usize) -> Vec<Oriented> {
    pair_changes(cmp, r, reference, v)
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

/// The reasons of the changes [`oriented`] returns, in its order, each told
/// from the reference: a change stored the other way round (the reference is
/// its new side) gets its reason flipped too.
#[must_use]
pub fn oriented_reasons(cmp: &Comparison, r: usize, reference: usize, v: usize) -> Vec<String> {
    pair_changes(cmp, r, reference, v)
        .map(|c| {
            if c.against == reference {
                c.change.reason.to_string()
            } else {
                c.change.reason.flipped().to_string()
            }
        })
        .collect()
}

/// A share as a whole percentage.
#[must_use]
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The per-version statistics columns both reports print, in order:
/// verbatim, reworded, unique, rows dropped, words dropped, swaps, rewrites.
#[must_use]
pub fn stats_cells(s: &crate::analysis::stats::VersionStats) -> [String; 7] {
    [
        pct(s.verbatim),
        pct(s.reworded),
        pct(s.unique),
        s.dropped_rows.to_string(),
        s.dropped_words.to_string(),
        s.swaps.to_string(),
        s.rewrites.to_string(),
    ]
}

/// What the statistics columns mean, naming the reference (already escaped
/// for the report's format).
#[must_use]
pub fn stats_note(reference: &str) -> String {
    format!(
        "Shares of each version’s story words against the reference, {reference}: verbatim (word for word the reference’s), reworded (in paragraphs the reference has, in other words), unique (in paragraphs the reference lacks). Rows and words dropped: the reference’s paragraphs the version lacks. Likely machine paraphrase: at least {} one-word swaps against the reference, and {} or more per clause-sized rewrite.",
        crate::analysis::stats::PARAPHRASE_MIN_SWAPS,
        crate::analysis::stats::PARAPHRASE_SWAPS_PER_REWRITE
    )
}

/// A quotation whose wordings differ among the shown versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteView<'a> {
    /// Row index.
    pub row: usize,
    /// The version whose wording the others are compared with: the first that
    /// quotes it (shown or not).
    pub base: usize,
    /// That version's wording.
    pub base_text: &'a str,
    /// Per shown version, in order: its wording, or `None` when it lacks the row.
    pub wordings: Vec<(usize, Option<&'a Wording>)>,
}

/// The quotations of `quotes` that differ among the shown versions: at least
/// one of them quotes it, and their wordings (or the lack of one) are not all
/// alike.
#[must_use]
pub fn differing_quotes<'a>(quotes: &'a [Quotation], opts: &ExportOptions) -> Vec<QuoteView<'a>> {
    quotes
        .iter()
        .filter(|q| q.differs())
        .filter_map(|q| {
            let base = q.wordings.iter().find(|w| !w.text.is_empty())?;
            let wordings: Vec<(usize, Option<&Wording>)> = opts
                .versions
                .iter()
                .map(|&v| (v, q.wordings.iter().find(|w| w.version == v)))
                .collect();
            let shown: Vec<&Wording> = wordings.iter().filter_map(|&(_, w)| w).collect();
            let key = |w: &Wording| match w.status {
                Status::Same | Status::Reworded => crate::text::fold_loose(&w.text),
                Status::Unquoted => "\0unquoted".to_string(),
                Status::Absent => "\0absent".to_string(),
            };
            let quoted = shown.iter().any(|w| !w.text.is_empty());
            let first = shown.first().map(|w| key(w));
            let differ = shown.iter().any(|w| Some(key(w)) != first);
            (quoted && differ).then_some(QuoteView {
                row: q.row,
                base: base.version,
                base_text: &base.text,
                wordings,
            })
        })
        .collect()
}

/// A name spelled in more than one way among the shown versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameView<'a> {
    /// Its spellings that a shown version uses, the most used first.
    pub forms: Vec<&'a Form>,
    /// Per shown version, in order: the spellings it uses.
    pub by_version: Vec<(usize, Vec<&'a Form>)>,
}

/// The names of `entities` spelled in more than one way (not only in case)
/// among the shown versions.
#[must_use]
pub fn variant_names<'a>(entities: &'a [Entity], opts: &ExportOptions) -> Vec<NameView<'a>> {
    entities
        .iter()
        .filter(|e| e.variants)
        .filter_map(|e| {
            let forms: Vec<&Form> = e
                .forms
                .iter()
                .filter(|f| f.versions.iter().any(|v| opts.versions.contains(v)))
                .collect();
            let folded: std::collections::BTreeSet<String> =
                forms.iter().map(|f| f.text.to_lowercase()).collect();
            (folded.len() > 1).then(|| NameView {
                by_version: opts
                    .versions
                    .iter()
                    .map(|&v| {
                        let used = forms
                            .iter()
                            .copied()
                            .filter(|f| f.versions.contains(&v))
                            .collect();
                        (v, used)
                    })
                    .collect(),
                forms,
            })
        })
        .collect()
}
