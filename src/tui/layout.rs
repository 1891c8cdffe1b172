//! Geometry and content of the main area: which columns are visible at what
//! width, and the wrapped, marked lines of each item in each column.
//!
//! Everything here is a pure function of the [`App`] state, computed only for the
//! items on screen: the cost of a frame depends on the terminal size, not on the
//! length of the story.

use std::ops::Range;

use super::app::{App, Item, Mode};
use super::wrap::{self, Line, Mark, Piece};
use crate::diff;

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

/// Marks of version `v`'s cell in row `r`: its changes against the reference
/// (for the reference itself, against every other visible column), the current
/// change, and search matches.
fn cell_marks(
    app: &App,
    r: usize,
    v: usize,
    text: &str,
    visible: &[usize],
) -> Vec<(Range<usize>, Mark)> {
    let mut marks = Vec::new();
    let others: Vec<usize> = if v == app.reference {
        visible.iter().copied().filter(|&o| o != v).collect()
    } else {
        vec![app.reference]
    };
    for o in others {
        for (i, c) in app.pair_changes(r, v, o) {
            let span = if c.version == v {
                c.change.new_span.clone()
            } else {
                c.change.old_span.clone()
            };
            let mark = if app.current_change == Some(i) {
                Mark::Current
            } else {
                Mark::Change(c.change.kind)
            };
            marks.push((span, mark));
        }
    }
    // Current change last among changes so it wins.
    marks.sort_by_key(|(_, m)| *m == Mark::Current);
    if let Some(q) = &app.search {
        marks.extend(matches(text, q).into_iter().map(|r| (r, Mark::Search)));
    }
    marks
}

/// The inline pair text of row `r`: the focused version's words with the
/// reference's replaced words shown struck before them.
fn inline_cell(app: &App, r: usize, width: usize) -> Vec<Line> {
    let (a, b) = (
        app.cmp.cell_text(r, app.reference),
        app.cmp.cell_text(r, app.focus),
    );
    let mut text = String::new();
    let mut marks = Vec::new();
    // Walk the focused text as written; put each replaced or removed piece of the
    // reference, struck, just before the place it was, spaced as a word.
    let mut at = 0;
    for seg in diff::segments(&a, &b, &diff::DiffOptions::default()) {
        let diff::Segment::Change(c) = seg else {
            continue;
        };
        text.push_str(&b[at..c.new_span.start]);
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
                    let row = &app.cmp.table.rows[r];
                    if app.mode == (Mode::Pair { inline: true }) {
                        return inline_cell(app, r, w);
                    }
                    let ids = &row.cells[col.version];
                    if ids.is_empty() {
                        return vec![note("·".repeat(w.min(3)), Mark::Gap)];
                    }
                    let mut lines = Vec::new();
                    if row.moved.contains(&col.version) {
                        let total = app.cmp.versions[col.version].paragraphs.len();
                        lines.push(note(
                            format!("↕ moved: ¶{} of {total}", ids[0] + 1),
                            Mark::Moved,
                        ));
                    }
                    let text = app.cmp.cell_text(r, col.version);
                    let marks = cell_marks(app, r, col.version, &text, &visible);
                    lines.extend(wrap::wrap(&text, &marks, w));
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
