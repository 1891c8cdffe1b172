//! The help overlay, generated from the live keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::centered;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Draws the help box.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = app.keymap.help_rows();
    let key_w = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let text_w = rows
        .iter()
        .map(|(_, h)| h.chars().count())
        .max()
        .unwrap_or(0);
    // One column when it fits the height, else two side by side.
    let fits = rows.len() + 2 <= usize::from(area.height);
    let cols = if fits { 1 } else { 2 };
    let per_col = rows.len().div_ceil(cols);
    let col_w = key_w + text_w + 3;
    let w = u16::try_from(col_w * cols + 3).unwrap_or(u16::MAX);
    let h = u16::try_from(per_col + 2).unwrap_or(u16::MAX);
    let bx = centered(area, w, h);
    let inner = super::framed(bx, " keys (Esc, q or ? to close) ", theme, buf);
    for (i, (keys, help)) in rows.iter().enumerate() {
        let (col, line) = (i / per_col, i % per_col);
        let y = inner.y + u16::try_from(line).unwrap_or(u16::MAX);
        let x0 = inner.x + u16::try_from(col * col_w).unwrap_or(u16::MAX);
        if y >= inner.y + inner.height || x0 >= inner.x + inner.width {
            continue;
        }
        buf.set_stringn(x0 + 1, y, keys, key_w, theme.key);
        let x = x0 + 2 + u16::try_from(key_w).unwrap_or(0);
        if x >= inner.x + inner.width {
            continue;
        }
        let room = usize::from(inner.x + inner.width - x).min(text_w + 1);
        buf.set_stringn(x, y, help, room, theme.text);
    }
}
