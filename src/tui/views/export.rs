//! The export dialog: format, path, and what will be written (the versions as
//! shown, the reference, boilerplate), with the last problem in red.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::centered;
use crate::export::Format;
use crate::sanitize::terminal;
use crate::tui::app::App;
use crate::tui::export_dialog::{ExportDialog, Field, format_name, on_screen};
use crate::tui::keymap::Action;
use crate::tui::theme::Theme;

/// Draws the export box.
pub fn render(app: &App, d: &ExportDialog, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let bx = centered(area, 76, 11);
    let inner = super::framed(
        bx,
        " export: Tab field · ←/→ format · Enter write · Esc cancel ",
        theme,
        buf,
    );
    let w = usize::from(inner.width);
    let mut y = inner.y;
    let mut line = |text: &str, style, y: &mut u16| {
        if *y < inner.y + inner.height {
            buf.set_stringn(inner.x, *y, text, w, style);
            *y += 1;
        }
    };
    let focused = |f: Field| {
        if d.field == f {
            theme.text.add_modifier(Modifier::REVERSED)
        } else {
            theme.text
        }
    };
    let formats: Vec<String> = Format::ALL
        .iter()
        .map(|f| {
            if *f == d.format {
                format!("[{}]", format_name(*f))
            } else {
                format!(" {} ", format_name(*f))
            }
        })
        .collect();
    line(
        &format!("format  {}", formats.join(" ")),
        focused(Field::Format),
        &mut y,
    );
    // Show the end of a long path: that is where the user types.
    let shown = terminal(&d.path, false);
    let room = w.saturating_sub(9);
    let count = shown.chars().count();
    let tail: String = shown.chars().skip(count.saturating_sub(room)).collect();
    let cursor = if d.field == Field::Path { "▏" } else { "" };
    line(
        &format!("file    {tail}{cursor}"),
        focused(Field::Path),
        &mut y,
    );
    y += 1;
    let opts = on_screen(app);
    let versions: Vec<String> = opts
        .versions
        .iter()
        .map(|&v| {
            let label: String = terminal(&app.cmp.versions[v].label, false)
                .chars()
                .take(18)
                .collect();
            format!("v{v} {label}")
        })
        .collect();
    line(
        &format!("versions  {}", versions.join(", ")),
        theme.dim,
        &mut y,
    );
    line(
        &format!(
            "reference v{} {}",
            opts.reference,
            terminal(&app.cmp.versions[opts.reference].label, false)
        ),
        theme.dim,
        &mut y,
    );
    line(
        &format!(
            "boilerplate {}   (set on the main screen: {} {} {} {})",
            if opts.boilerplate {
                "included"
            } else {
                "left out"
            },
            super::key_name(app, Action::Versions),
            super::key_name(app, Action::SetReference),
            super::key_name(app, Action::ToggleBoilerplate),
            super::key_name(app, Action::PairView),
        ),
        theme.dim,
        &mut y,
    );
    y += 1;
    if let Some(e) = &d.error {
        line(&terminal(e, false), theme.deleted, &mut y);
    } else if d.confirm_overwrite {
        line(
            "file exists: Enter replaces it, Esc cancels",
            theme.deleted,
            &mut y,
        );
    }
}
