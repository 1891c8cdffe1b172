//! The column headers: version label, reference and focus marks, hidden count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::sanitize::terminal;
use crate::tui::app::{App, Mode};
use crate::tui::layout;
use crate::tui::theme::Theme;

/// Draws the header line.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_stringn(
        area.x,
        area.y,
        " row",
        usize::from(layout::GUTTER),
        theme.dim,
    );
    let cols = layout::columns(app);
    for col in &cols {
        let v = col.version;
        let ver = &app.cmp.versions[v];
        let prefix = if app.mode == (Mode::Pair { inline: true }) {
            format!("v{} → v{v} ", app.reference)
        } else {
            format!("v{v} ")
        };
        let mut suffix = String::new();
        if v == app.reference {
            suffix.push_str(" ★ref");
        }
        let hidden = app.hidden_count(v);
        if hidden > 0 && !app.show_boilerplate {
            suffix.push_str(&format!(" ({hidden} hidden)"));
        }
        // The label gives way first, so the marks always show.
        let room =
            usize::from(col.width).saturating_sub(prefix.chars().count() + suffix.chars().count());
        let name = terminal(&ver.label, false);
        let name: String = if name.chars().count() > room {
            name.chars()
                .take(room.saturating_sub(1))
                .chain(std::iter::once('…'))
                .collect()
        } else {
            name.into_owned()
        };
        let label = format!("{prefix}{name}{suffix}");
        let style = if v == app.focus {
            theme.header_focus
        } else if v == app.reference {
            theme.header_reference
        } else {
            theme.header
        };
        buf.set_stringn(
            area.x + col.x,
            area.y,
            &label,
            usize::from(col.width),
            style,
        );
    }
}
