//! The differences panel: one line per change against the reference (row,
//! version, kind, old → new, reason), filtered by kind, with the selection.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::sanitize::terminal;
use crate::tui::app::App;
use crate::tui::differences::{DiffPanel, counts};
use crate::tui::theme::Theme;

fn short(s: &str, n: usize) -> String {
    let s = terminal(s.trim(), false).replace('\n', " ");
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    if out.is_empty() { "∅".into() } else { out }
}

/// Draws the panel over the whole area.
pub fn render(app: &App, panel: &DiffPanel, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let bx = super::inset(area);
    Clear.render(bx, buf);
    let filter = app.kind_filter.map_or("every kind", |k| k.name());
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(
            " differences against v{}: {filter} ({}) · Tab kind · Enter go · Esc close ",
            app.reference,
            panel.items.len()
        ))
        .border_style(theme.dim);
    let inner = block.inner(bx);
    block.render(bx, buf);
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    let summary: Vec<String> = counts(app)
        .iter()
        .map(|(k, n)| format!("{} {n}", k.name()))
        .collect();
    buf.set_stringn(inner.x, inner.y, summary.join(" · "), w, theme.dim);
    let list_h = usize::from(inner.height.saturating_sub(1));
    if panel.items.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            "no changes of this kind against the reference",
            w,
            theme.dim,
        );
        return;
    }
    let offset = panel.cursor.saturating_sub(list_h.saturating_sub(1));
    for (line, &c) in panel.items.iter().enumerate().skip(offset).take(list_h) {
        // Oriented once, in the view: old is the reference's, new the version's.
        let ch = &app.view.changes[c];
        let reason = ch.reason.to_string();
        let (other, old, new) = (ch.version, &ch.old, &ch.new);
        let y = inner.y + 1 + u16::try_from(line - offset).unwrap_or(0);
        let head = format!(
            "row {:>4}  v{:<2} {:<16}",
            ch.row + 1,
            other,
            ch.kind.name()
        );
        let body = format!("{} → {}", short(old, 40), short(new, 40));
        let mut style = theme.text;
        if line == panel.cursor {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(inner.x, y, &head, w, style);
        let hx = inner.x + u16::try_from(head.chars().count()).unwrap_or(0);
        if hx < inner.x + inner.width {
            let room = usize::from(inner.x + inner.width - hx);
            let kind_style = if line == panel.cursor {
                style
            } else {
                theme.change(ch.kind)
            };
            let (end, _) = buf.set_stringn(hx, y, &body, room, kind_style);
            if end + 3 < inner.x + inner.width {
                let room = usize::from(inner.x + inner.width - end - 2);
                buf.set_stringn(
                    end + 2,
                    y,
                    short(&reason, 200),
                    room,
                    if line == panel.cursor {
                        style
                    } else {
                        theme.dim
                    },
                );
            }
        }
    }
}
