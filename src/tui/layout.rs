//! Geometry and content of the main area: which columns are visible at what
//! width, and the wrapped, marked lines of each item in each column.
//!
//! Everything here is a pure function of the [`App`] state, computed only for the
//! items on screen: the cost of a frame depends on the terminal size, not on the
//! length of the story.

use std::ops::Range;

use super::app::{App, Item, Mode};
use super::wrap::{self, Line, Mark, Piece};
use crate::view::CellView;

/// Width of the row-number gutter.
pub const GUTTER: u16 = 6;
/// Narrowest column worth showing.
pub const MIN_COLUMN: u16 = 24;

/// A visible column: its version, left edge and width (separator excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The version shown.
    pub version: usize,
    /// Left edge.
    pub x: u16,
    /// Width of the text.
    pub width: u16,
}

/// How many columns fit side by side at the current width.
#[must_use]
pub fn columns_that_fit(app: &App) -> usize {
    let avail = app.viewport.0.saturating_sub(GUTTER);
    usize::from((avail / (MIN_COLUMN + 1)).max(1))
}

/// The visible columns, left to right.
#[must_use]
pub fn columns(app: &App) -> Vec<Column> {
    let all = app.columns();
    let fit = columns_that_fit(app).min(all.len()).max(1);
    let start = if app.mode == Mode::Side {
        app.col_offset.min(all.len().saturating_sub(fit))
    } else {
        0
    };
    let shown = &all[start..(start + fit).min(all.len())];
    let avail = app.viewport.0.saturating_sub(GUTTER);
    let n = u16::try_from(shown.len().max(1)).unwrap_or(1);
    let width = (avail / n).saturating_sub(1).max(1);
    shown
        .iter()
        .enumerate()
        .map(|(i, &version)| Column {
            version,
            x: GUTTER + u16::try_from(i).unwrap_or(0) * (width + 1),
            width,
        })
        .collect()
}

/// Byte ranges of `query` (case-insensitive) in `text`.
fn matches(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let (lt, lq) = (text.to_lowercase(), query.to_lowercase());
    // Lowercasing can change byte lengths; only trust offsets when it did not.
    if lt.len() != text.len() {
        return Vec::new();
    }
    lt.match_indices(&lq)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        .collect()
}

/// Marks of `cell` (one of its row's `cells` in the view): its changes
/// against the reference, by their kind as the view orients them (for the
/// reference itself, the old side of every visible column's changes), the
/// current change, and search matches. The renderer draws these; tests read
/// them to check the grid against the other readers.
#[must_use]
pub fn cell_marks(
    app: &App,
    cells: &[CellView],
    cell: &CellView,
    visible: &[usize],
) -> Vec<(Range<usize>, Mark)> {
    let mut marks = Vec::new();
    let mark = |i: usize, kind| {
        if app.current_change == Some(i) {
            Mark::Current
        } else {
            Mark::Change(kind)
        }
    };
    if cell.version == app.reference {
        for other in cells
            .iter()
            .filter(|c| c.version != cell.version && visible.contains(&c.version))
        {
            for i in other.changes.clone() {
                let c = &app.view.changes[i];
                marks.push((c.old_span.clone(), mark(i, c.kind)));
            }
        }
    } else {
        for i in cell.changes.clone() {
            let c = &app.view.changes[i];
            marks.push((c.new_span.clone(), mark(i, c.kind)));
        }
    }
    // Current change last among changes so it wins.
    marks.sort_by_key(|(_, m)| *m == Mark::Current);
    if let Some(q) = &app.search {
        marks.extend(
            matches(&cell.text, q)
                .into_iter()
                .map(|r| (r, Mark::Search)),
        );
    }
    marks
}

/// The inline pair text of a cell: the focused version's words with the
/// reference's replaced words shown struck before them, from the view's
/// changes (the ones found across the row are marked where they stand).
fn inline_cell(app: &App, cell: &CellView, width: usize) -> Vec<Line> {
    let b = cell.text.as_str();
    let mut text = String::new();
    let mut marks = Vec::new();
    // Walk the focused text as written; put each replaced or removed piece of the
    // reference, struck, just before the place it was, spaced as a word.
    let mut at = 0;
    let mut changes: Vec<_> = app
        .view
        .cell_changes(cell)
        .iter()
        .filter(|c| !c.across)
        .collect();
    changes.sort_by_key(|c| (c.new_span.start, c.new_span.end));
    for c in changes {
        let Some(before) = b.get(at..c.new_span.start) else {
            continue;
        };
        text.push_str(before);
        at = c.new_span.start;
        if !c.old.is_empty() {
            if text.chars().last().is_some_and(|ch| !ch.is_whitespace()) {
                text.push(' ');
            }
            let s = text.len();
            text.push_str(&c.old);
            marks.push((s..text.len(), Mark::Deleted));
            if b[at..].chars().next().is_some_and(|ch| !ch.is_whitespace()) {
                text.push(' ');
            }
        }
        let s = text.len();
        text.push_str(&c.new);
        marks.push((s..text.len(), Mark::Inserted));
        at = c.new_span.end;
    }
    text.push_str(&b[at..]);
    if let Some(q) = &app.search {
        marks.extend(matches(&text, q).into_iter().map(|r| (r, Mark::Search)));
    }
    wrap::wrap(&text, &marks, width)
}

fn note(text: String, mark: Mark) -> Line {
    vec![Piece { text, mark }]
}

/// Lines of item `i` for each visible column (same order as [`columns`]).
#[must_use]
pub fn item_lines(app: &App, i: usize) -> Vec<Vec<Line>> {
    let cols = columns(app);
    let visible: Vec<usize> = cols.iter().map(|c| c.version).collect();
    let Some(item) = app.items.get(i) else {
        return vec![Vec::new(); cols.len()];
    };
    cols.iter()
        .map(|col| {
            let w = usize::from(col.width);
            match item {
                Item::Row(r) => {
                    let r = *r;
                    let gap = || vec![note("·".repeat(w.min(3)), Mark::Gap)];
                    let Some(row) = app.view.row(r) else {
                        return gap();
                    };
                    if app.mode == (Mode::Pair { inline: true }) {
                        // A paragraph only one side has is all inserted (or
                        // all removed), as the ANSI export writes it.
                        let whole = |cell: &CellView, mark| {
                            wrap::wrap(&cell.text, &[(0..cell.text.len(), mark)], w)
                        };
                        let side = |v| row.cell(v).filter(|c| c.present);
                        return match (side(app.reference), side(col.version)) {
                            (Some(_), Some(cell)) => inline_cell(app, cell, w),
                            (None, Some(cell)) => whole(cell, Mark::Inserted),
                            (Some(cell), None) => whole(cell, Mark::Deleted),
                            (None, None) => gap(),
                        };
                    }
                    let Some(cell) = row.cell(col.version).filter(|c| c.present) else {
                        return gap();
                    };
                    let mut lines = Vec::new();
                    if cell.moved {
                        let ids = &app.cmp.table.rows[r].cells[col.version];
                        let total = app.cmp.versions[col.version].paragraphs.len();
                        lines.push(note(
                            format!("↕ moved: ¶{} of {total}", ids[0] + 1),
                            Mark::Moved,
                        ));
                    }
                    let marks = cell_marks(app, &row.cells, cell, &visible);
                    lines.extend(wrap::wrap(&cell.text, &marks, w));
                    lines
                }
                Item::Boilerplate { version, paras } if *version == col.version => {
                    let ver = &app.cmp.versions[*version];
                    let mut lines = Vec::new();
                    for &id in paras {
                        if let Some(p) = ver.paragraphs.get(id) {
                            let reason = p.reason.as_deref().unwrap_or("boilerplate");
                            lines.push(note(format!("⌫ {reason}"), Mark::Gap));
                            lines.extend(wrap::wrap(
                                &p.text,
                                &[(0..p.text.len(), Mark::Boilerplate)],
                                w,
                            ));
                        }
                    }
                    lines
                }
                Item::Boilerplate { .. } => Vec::new(),
            }
        })
        .collect()
}

/// Height of item `i` in lines: its tallest column plus one separator line.
#[must_use]
pub fn item_height(app: &App, i: usize) -> usize {
    item_lines(app, i)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(1)
        + 1
}
