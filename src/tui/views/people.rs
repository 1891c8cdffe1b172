//! The names and quotations panel: per name, its spellings and who writes
//! which; per quotation, its opening words and how each shown version
//! carries it (`=` same, `~` reworded, `¬` unquoted, `·` absent).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use crate::analysis::quotes::Status;
use crate::sanitize::terminal;
use crate::tui::app::App;
use crate::tui::people::{Entry, PeoplePanel};
use crate::tui::theme::Theme;

fn short(s: &str, n: usize) -> String {
    let s = terminal(s.trim(), false).replace('\n', " ");
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// The text of one entry's line.
#[must_use]
pub fn line(app: &App, entry: Entry) -> String {
    let analysis = app.cmp.analysis();
    let shown = &app.view.choice.versions;
    match entry {
        Entry::Name(i) => {
            let Some(e) = analysis.entities.get(i) else {
                return String::new();
            };
            let forms: Vec<String> = e
                .forms
                .iter()
                .map(|f| {
                    let who: Vec<String> = f
                        .versions
                        .iter()
                        .filter(|v| shown.contains(v))
                        .map(|v| format!("v{v}"))
                        .collect();
                    format!("{} ({})", short(&f.text, 40), who.join(" "))
                })
                .collect();
            let mark = if e.variants { "≠" } else { " " };
            format!("{mark} name   {}", forms.join(" · "))
        }
        Entry::Quote(i) => {
            let Some(q) = analysis.quotes.get(i) else {
                return String::new();
            };
            let states: Vec<String> = shown
                .iter()
                .map(|&v| {
                    let sign =
                        q.wordings.iter().find(|w| w.version == v).map_or("·", |w| {
                            match w.status {
                                Status::Same => "=",
                                Status::Reworded => "~",
                                Status::Unquoted => "¬",
                                Status::Absent => "·",
                            }
                        });
                    format!("v{v}{sign}")
                })
                .collect();
            let first = q
                .wordings
                .iter()
                .find(|w| !w.text.is_empty())
                .map_or("", |w| w.text.as_str());
            let mark = if q.differs() { "≠" } else { " " };
            format!(
                "{mark} quote  row {:<4} {}  {}",
                q.row + 1,
                states.join(" "),
                short(first, 60)
            )
        }
    }
}

/// Draws the panel over the whole area.
pub fn render(app: &App, panel: &PeoplePanel, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let names = panel
        .entries
        .iter()
        .filter(|e| matches!(e, Entry::Name(_)))
        .count();
    let title = format!(
        " names ({names}) and quotations ({}) · ≠ differs · = same ~ reworded ¬ unquoted · absent · Enter go · Esc close ",
        panel.entries.len() - names
    );
    let inner = super::framed(super::inset(area), &title, theme, buf);
    if inner.height == 0 {
        return;
    }
    let w = usize::from(inner.width);
    if panel.entries.is_empty() {
        buf.set_stringn(inner.x, inner.y, "no names or quotations", w, theme.dim);
        return;
    }
    let h = usize::from(inner.height);
    let offset = panel.cursor.saturating_sub(h.saturating_sub(1));
    for (i, &entry) in panel.entries.iter().enumerate().skip(offset).take(h) {
        let y = inner.y + u16::try_from(i - offset).unwrap_or(0);
        let mut style = theme.text;
        if i == panel.cursor {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(inner.x, y, line(app, entry), w, style);
    }
}
