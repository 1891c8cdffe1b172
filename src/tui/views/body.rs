//! The main area: items from the top position down, each column wrapped in its
//! own width, every item as tall as its tallest cell so columns stay in step.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::mark_style;
use crate::tui::app::{App, Item};
use crate::tui::layout;
use crate::tui::theme::Theme;
use crate::tui::wrap::Line;

fn draw_line(line: &Line, x: u16, y: u16, width: u16, theme: &Theme, buf: &mut Buffer) {
    let mut col = x;
    let end = x + width;
    for piece in line {
        if col >= end {
            break;
        }
        let (next, _) = buf.set_stringn(
            col,
            y,
            &piece.text,
            usize::from(end - col),
            mark_style(theme, piece.mark),
        );
        col = next;
    }
}

/// Draws the main area.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let cols = layout::columns(app);
    let mut y = area.y;
    let bottom = area.y + area.height;
    let mut item = app.top.item;
    let mut skip = app.top.line;
    if app.items.is_empty() {
        buf.set_string(
            area.x + layout::GUTTER,
            area.y,
            "(nothing to show: every version is hidden or empty)",
            theme.dim,
        );
        return;
    }
    while y < bottom && item < app.items.len() {
        let lines = layout::item_lines(app, item);
        let height = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let label = match &app.items[item] {
            Item::Row(r) => {
                let current = app.current().is_some_and(|c| c.row == *r);
                format!("{}{:>4} ", if current { '▶' } else { ' ' }, r + 1)
            }
            Item::Boilerplate { .. } => "   ⌫  ".to_string(),
        };
        for l in skip..=height {
            if y >= bottom {
                break;
            }
            if l == height {
                // Separator between items.
                for c in &cols {
                    for x in c.x..c.x + c.width {
                        buf.set_string(area.x + x, y, "─", theme.dim);
                    }
                }
            } else {
                if l == 0 {
                    buf.set_stringn(area.x, y, &label, usize::from(layout::GUTTER), theme.dim);
                }
                for (ci, c) in cols.iter().enumerate() {
                    if let Some(line) = lines.get(ci).and_then(|ls| ls.get(l)) {
                        draw_line(line, area.x + c.x, y, c.width, theme, buf);
                    }
                }
            }
            for c in cols.iter().skip(1) {
                buf.set_string(area.x + c.x - 1, y, "│", theme.dim);
            }
            y += 1;
        }
        skip = 0;
        item += 1;
    }
}
