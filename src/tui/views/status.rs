//! The status line: position, reference, focus, message, and key hints from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::sanitize::terminal;
use crate::tui::app::{App, Mode, Overlay};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;

/// Draws the status line.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    for x in area.x..area.x + area.width {
        buf.set_string(x, area.y, " ", theme.status);
    }
    let left = if let Overlay::Search(q) = &app.overlay {
        format!("/{}▏", terminal(q, false))
    } else {
        let rows = app.cmp.table.rows.len();
        let row = app.current_row().map_or(0, |r| r + 1);
        let mode = match app.mode {
            Mode::Side => "side by side",
            Mode::Pair { inline: false } => "pair",
            Mode::Pair { inline: true } => "pair inline",
        };
        let mut s = format!(
            " row {row}/{rows} │ ref v{} {} │ focus v{} │ {mode}",
            app.reference,
            terminal(&app.cmp.versions[app.reference].label, false),
            app.focus
        );
        let (visible, total) = (crate::tui::layout::columns(app).len(), app.columns().len());
        if visible < total {
            s.push_str(&format!(
                " │ ◀ columns {}-{} of {total} ▶",
                app.col_offset + 1,
                app.col_offset + visible
            ));
        }
        if let Some(q) = &app.search {
            s.push_str(&format!(" │ /{}", terminal(q, false)));
        }
        if let Some(m) = &app.message {
            s.push_str(&format!(" │ {}", terminal(m, false)));
        }
        s
    };
    let hints = format!(
        "{} next change  {} versions  {} boilerplate  {} help  {} quit ",
        super::key_name(app, Action::NextChange),
        super::key_name(app, Action::Versions),
        super::key_name(app, Action::ToggleBoilerplate),
        super::key_name(app, Action::Help),
        super::key_name(app, Action::Quit)
    );
    let (end, _) = buf.set_stringn(area.x, area.y, &left, usize::from(area.width), theme.status);
    let hint_w = u16::try_from(hints.chars().count()).unwrap_or(u16::MAX);
    if end + hint_w + 2 <= area.x + area.width {
        buf.set_string(area.x + area.width - hint_w, area.y, &hints, theme.status);
    }
}
