//! The versions list: every version with its label, size, what it shares with
//! the reference, hidden boilerplate, and whether it is shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::centered;
use crate::sanitize::terminal;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// Draws the versions box.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let n = app.order.len();
    let bx = centered(area, 96, u16::try_from(n + 4).unwrap_or(u16::MAX));
    let inner = super::framed(
        bx,
        " versions: x show/hide · r reference · K/J move · Enter open · Esc close ",
        theme,
        buf,
    );
    let head = format!(
        "{:<5} {:<4} {:<40} {:>7} {:>7} {:>7}",
        "shown", "", "label", "words", "shared", "hidden"
    );
    buf.set_stringn(inner.x, inner.y, &head, usize::from(inner.width), theme.dim);
    for (i, &v) in app.order.iter().enumerate() {
        let y = inner.y + 1 + u16::try_from(i).unwrap_or(u16::MAX);
        if y >= inner.y + inner.height {
            break;
        }
        let ver = &app.cmp.versions[v];
        let label: String = terminal(&ver.label, false).chars().take(40).collect();
        let line = format!(
            "{:<5} {:<4} {:<40} {:>7} {:>6.0}% {:>7}{}",
            if app.shown[v] { "[x]" } else { "[ ]" },
            format!("v{v}"),
            label,
            ver.story_word_count(),
            app.shared_with_reference(v) * 100.0,
            app.hidden_count(v),
            if v == app.reference { "  ★ref" } else { "" }
        );
        let mut style = if v == app.reference {
            theme.header_reference
        } else {
            theme.text
        };
        if i == app.versions_cursor {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(inner.x, y, &line, usize::from(inner.width), style);
    }
}
