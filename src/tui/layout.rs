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

/// The visible columns, left to right. When not all fit side by side, the
/// reference stays pinned at the left and the others scroll past it: every
/// mark is read against it, so it never scrolls away.
#[must_use]
pub fn columns(app: &App) -> Vec<Column> {
    let all = app.columns();
    let fit = columns_that_fit(app).min(all.len()).max(1);
    let shown: Vec<usize> = if app.mode == Mode::Side && fit < all.len() && fit >= 2 {
        let others: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&v| v != app.reference)
            .collect();
        let pinned = others.len() < all.len();
        let room = if pinned { fit - 1 } else { fit };
        let start = app.col_offset.min(others.len().saturating_sub(room));
        let window = others[start..(start + room).min(others.len())]
            .iter()
            .copied();
        if pinned {
            std::iter::once(app.reference).chain(window).collect()
        } else {
            window.collect()
        }
    } else if app.mode == Mode::Side {
        let start = app.col_offset.min(all.len().saturating_sub(fit));
        all[start..(start + fit).min(all.len())].to_vec()
    } else {
        all[..fit.min(all.len())].to_vec()
    };
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

/// The largest useful horizontal scroll: columns past the pinned reference
/// (or all of them when it is not shown) less those that fit.
#[must_use]
pub fn max_col_offset(app: &App) -> usize {
    let all = app.columns();
    let fit = columns_that_fit(app).min(all.len()).max(1);
    if fit >= all.len() {
        return 0;
    }
    let others = all.iter().filter(|&&v| v != app.reference).count();
    let room = if others < all.len() && fit >= 2 {
        fit - 1
    } else {
        fit
    };
    others.saturating_sub(room)
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

/// The changes marked in `cell` (one of its row's `cells` in the view),
/// with whether the cell reads their old side: a version's column marks its
/// own changes against the reference (their new side, in its own text); the
/// reference column marks the old side of the changes of the versions `n`/`N`
/// walk (the focused one, or every visible column when the reference is
/// focused), so every mark belongs to a version the reader can name. Kinds
/// the reader hid are left out.
fn marked_changes<'a>(
    app: &'a App,
    cells: &'a [CellView],
    cell: &'a CellView,
    visible: &'a [usize],
) -> impl Iterator<Item = (usize, bool)> + 'a {
    let on_reference = cell.version == app.reference;
    let walked = if on_reference {
        app.walked_versions()
    } else {
        Vec::new()
    };
    let sources: Vec<&CellView> = if on_reference {
        cells
            .iter()
            .filter(|c| {
                c.version != cell.version
                    && visible.contains(&c.version)
                    && walked.contains(&c.version)
            })
            .collect()
    } else {
        vec![cell]
    };
    sources
        .into_iter()
        .flat_map(|c| c.changes.clone())
        .filter(|&i| app.shows_kind(app.view.changes[i].kind))
        .map(move |i| (i, on_reference))
}

/// Marks of `cell` (one of its row's `cells` in the view): the changes
/// [`marked_changes`] picks, by their kind as the view orients them, the
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
    for (i, old_side) in marked_changes(app, cells, cell, visible) {
        let c = &app.view.changes[i];
        let span = if old_side { &c.old_span } else { &c.new_span };
        marks.push((span.clone(), mark(i, c.kind)));
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

/// What is drawn into `cell`'s text that the text does not hold, at byte
/// offsets of it: a caret where the other side has words this one lacks (a
/// version's dropped words in its own column; the focused version's added
/// words in the reference column), so a removal leaves a mark where it
/// happened; and, with [`App::kind_tags`], a short tag after each change of
/// a kind a fact-checker acts on (`[date]`), where styles without colour run
/// out before kinds do.
#[must_use]
pub fn cell_insertions(
    app: &App,
    cells: &[CellView],
    cell: &CellView,
    visible: &[usize],
) -> Vec<(usize, String, Mark)> {
    let mut out = Vec::new();
    for (i, old_side) in marked_changes(app, cells, cell, visible) {
        let c = &app.view.changes[i];
        let (here, there) = if old_side {
            (&c.old_span, &c.new_span)
        } else {
            (&c.new_span, &c.old_span)
        };
        let mark = if app.current_change == Some(i) {
            Mark::Current
        } else {
            Mark::Dropped
        };
        if here.is_empty() && !there.is_empty() {
            out.push((here.start, DROP_CARET.to_string(), mark));
        }
        if app.kind_tags
            && let Some(tag) = kind_tag(c.kind)
        {
            out.push((here.end, format!("[{tag}]"), Mark::Tag));
        }
    }
    out.sort_by_key(|(at, _, _)| *at);
    out
}

/// Drawn where one side has words the other lacks.
pub const DROP_CARET: &str = "‸";

/// The tag of a kind a fact-checker acts on, for screens without colour.
#[must_use]
pub fn kind_tag(kind: crate::diff::ChangeKind) -> Option<&'static str> {
    use crate::diff::ChangeKind as K;
    match kind {
        K::Claim => Some("claim"),
        K::Number => Some("num"),
        K::NumberForm => Some("num="),
        K::Date => Some("date"),
        K::Name => Some("name"),
        K::NameSpelling => Some("spell"),
        K::Attribution => Some("attr"),
        K::Quote => Some("quote"),
        _ => None,
    }
}

/// `text` with `insertions` (byte offset, text, mark) drawn in, and `marks`
/// moved to match: what [`wrap::wrap`] then lays out.
fn decorate(
    text: &str,
    marks: &[(Range<usize>, Mark)],
    insertions: &[(usize, String, Mark)],
) -> (String, Vec<(Range<usize>, Mark)>) {
    if insertions.is_empty() {
        return (text.to_string(), marks.to_vec());
    }
    let mut out = String::with_capacity(text.len() + 8 * insertions.len());
    let mut added = Vec::new(); // (offset in `text`, bytes inserted there so far)
    let mut new_marks = Vec::new();
    let mut at = 0;
    for (pos, s, mark) in insertions {
        let pos = (*pos).min(text.len());
        let Some(before) = text.get(at..pos) else {
            continue;
        };
        out.push_str(before);
        at = pos;
        let start = out.len();
        out.push_str(s);
        new_marks.push((start..out.len(), *mark));
        added.push((pos, out.len() - text[..pos].len()));
    }
    out.push_str(&text[at..]);
    // An offset moves by what was inserted before it; a mark starting at an
    // insertion point starts after the insertion, one ending there ends before.
    let shift = |x: usize, after: bool| {
        x + added
            .iter()
            .rev()
            .find(|(p, _)| if after { *p <= x } else { *p < x })
            .map_or(0, |(_, n)| *n)
    };
    let mut moved: Vec<(Range<usize>, Mark)> = marks
        .iter()
        .map(|(r, m)| {
            let start = shift(r.start, true);
            (start..shift(r.end, false).max(start), *m)
        })
        .collect();
    moved.extend(new_marks);
    (out, moved)
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
                    let inserts = cell_insertions(app, &row.cells, cell, &visible);
                    let (text, marks) = decorate(&cell.text, &marks, &inserts);
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
