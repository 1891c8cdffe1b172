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
        // Fitted to the width: the reference's label goes first when the
        // line is too long, so the position and the columns stay readable.
        let label = terminal(&app.cmp.versions[app.reference].label, false);
        let width = usize::from(area.width);
        let head = |label: &str| {
            format!(
                " row {row}/{rows} │ ref v{}{}{label} │ focus v{} │ {mode}",
                app.reference,
                if label.is_empty() { "" } else { " " },
                app.focus
            )
        };
        let mut s = head(&label);
        let (visible, total) = (crate::tui::layout::columns(app).len(), app.columns().len());
        let cols = if visible < total {
            format!(" │ ◀ {visible} of {total} columns ▶")
        } else {
            String::new()
        };
        if s.chars().count() + cols.chars().count() > width {
            s = head("");
        }
        s.push_str(&cols);
        if let Some(q) = &app.search {
            s.push_str(&format!(" │ /{}", terminal(q, false)));
        }
        // Filters stay in sight: a reader must know what is not marked.
        if app.hide_minor {
            s.push_str(" │ minor hidden");
        }
        if let Some(k) = app.kind_filter {
            s.push_str(&format!(" │ n/N: {} only", k.name()));
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
