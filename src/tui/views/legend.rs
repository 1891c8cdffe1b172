//! The legend line above the status line: each kind of change on screen in
//! its own style, with its count (and its tag on a screen without colour),
//! the caret that marks dropped words, and which columns the reference
//! column's marks belong to. `L` hides it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::mark_style;
use crate::tui::app::App;
use crate::tui::layout::{DROP_CARET, kind_tag};
use crate::tui::theme::Theme;
use crate::tui::wrap::Mark;

/// The pieces of the legend, in order: text and mark.
#[must_use]
pub fn pieces(app: &App) -> Vec<(String, Mark)> {
    let mut out = vec![(" ".to_string(), Mark::Plain)];
    let walked = app.walked_versions();
    let whose = match walked.as_slice() {
        [v] => format!("v{v}'s"),
        _ => "every column's".to_string(),
    };
    out.push((format!("ref column: {whose} changes · "), Mark::Gap));
    for (kind, count) in app.view.kind_counts() {
        if !app.shows_kind(kind) {
            continue;
        }
        out.push((kind.name().to_string(), Mark::Change(kind)));
        let tag = match kind_tag(kind) {
            Some(t) if app.kind_tags => format!("[{t}]"),
            _ => String::new(),
        };
        out.push((format!("{tag} {count} "), Mark::Gap));
    }
    out.push((DROP_CARET.to_string(), Mark::Dropped));
    out.push((" dropped here".to_string(), Mark::Gap));
    if app.hide_minor {
        out.push((
            " · wording, case, spelling hidden (w)".to_string(),
            Mark::Gap,
        ));
    }
    out
}

/// Draws the legend line, cut at the width.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut x = area.x;
    let end = area.x + area.width;
    for (text, mark) in pieces(app) {
        if x >= end {
            break;
        }
        let (next, _) = buf.set_stringn(
            x,
            area.y,
            &text,
            usize::from(end - x),
            mark_style(theme, mark),
        );
        x = next;
    }
}
