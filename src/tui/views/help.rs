//! The help overlay, generated from the live keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

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
    let w = u16::try_from(key_w + text_w + 6).unwrap_or(u16::MAX);
    let h = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
    let bx = centered(area, w, h);
    Clear.render(bx, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" keys (Esc, q or ? to close) ")
        .border_style(theme.dim);
    let inner = block.inner(bx);
    block.render(bx, buf);
    for (i, (keys, help)) in rows.iter().enumerate() {
        let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
        if y >= inner.y + inner.height {
            break;
        }
        buf.set_stringn(inner.x + 1, y, keys, key_w, theme.key);
        let x = inner.x + 2 + u16::try_from(key_w).unwrap_or(0);
        buf.set_stringn(
            x,
            y,
            help,
            usize::from(inner.width.saturating_sub(x - inner.x)),
            theme.text,
        );
    }
}
