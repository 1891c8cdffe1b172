//! Drawing: the whole screen from the state, as a ratatui widget.
//!
//! [`Screen`] borrows the state and the theme and draws, top to bottom, the
//! column headers, the main area, the status line, then any overlay in z-order.
//! Views never change state.

mod body;
mod differences;
mod export;
mod header;
mod help;
mod legend;
mod overview;
mod people;
mod status;
mod versions;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::app::{App, Overlay};
use super::theme::Theme;
use super::wrap::Mark;

/// Smallest usable terminal.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// The whole screen.
pub struct Screen<'a> {
    /// The state to draw.
    pub app: &'a App,
    /// The styles.
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            let msg = "terminal too small";
            let line = area.height / 2;
            let x = area.x
                + area
                    .width
                    .saturating_sub(u16::try_from(msg.len()).unwrap_or(0))
                    / 2;
            buf.set_stringn(
                x,
                area.y + line,
                msg,
                usize::from(area.width),
                self.theme.dim,
            );
            return;
        }
        let header = Rect { height: 1, ..area };
        // The app decides (its body height counts the line), from the viewport
        // the frame is drawn at.
        let legend_h = u16::from(self.app.legend_shown());
        let body = Rect {
            y: area.y + 1,
            height: area.height - 2 - legend_h,
            ..area
        };
        let status = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        header::render(self.app, self.theme, header, buf);
        body::render(self.app, self.theme, body, buf);
        if legend_h > 0 {
            let line = Rect {
                y: status.y - 1,
                height: 1,
                ..area
            };
            legend::render(self.app, self.theme, line, buf);
        }
        status::render(self.app, self.theme, status, buf);
        match &self.app.overlay {
            Overlay::Help => help::render(self.app, self.theme, area, buf),
            Overlay::Versions => versions::render(self.app, self.theme, area, buf),
            Overlay::Export(d) => export::render(self.app, d, self.theme, area, buf),
            Overlay::Overview => overview::render(self.app, self.theme, area, buf),
            Overlay::Differences(p) => differences::render(self.app, p, self.theme, area, buf),
            Overlay::People(p) => people::render(self.app, p, self.theme, area, buf),
            Overlay::None | Overlay::Search(_) => {}
        }
    }
}

/// The style of a mark.
#[must_use]
pub fn mark_style(theme: &Theme, mark: Mark) -> Style {
    match mark {
        Mark::Plain => theme.text,
        Mark::Change(k) => theme.change(k),
        Mark::Current => theme.current,
        Mark::Search => theme.search,
        Mark::Inserted => theme.inserted,
        Mark::Deleted => theme.deleted,
        Mark::Gap => theme.gap,
        Mark::Moved => theme.moved,
        Mark::Boilerplate => theme.boilerplate,
        Mark::Dropped => theme.dropped,
        Mark::Tag => theme.dim,
    }
}

/// The first key bound to `action`, as shown in hints ("?" when unbound).
#[must_use]
pub fn key_name(app: &App, action: super::keymap::Action) -> String {
    app.keymap
        .keys_for(action)
        .first()
        .map_or_else(|| "?".into(), ToString::to_string)
}

/// The area less a one-cell margin: the box of a full-screen overlay.
#[must_use]
pub fn inset(area: Rect) -> Rect {
    Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
}

/// Draws a box over whatever is below it (cleared) with a dim border and
/// `title`, and returns the area inside it: every overlay is framed alike.
pub fn framed(bx: Rect, title: &str, theme: &crate::tui::theme::Theme, buf: &mut Buffer) -> Rect {
    use ratatui::widgets::{Block, Borders, Clear};
    Clear.render(bx, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title)
        .border_style(theme.dim);
    let inner = block.inner(bx);
    block.render(bx, buf);
    inner
}

/// A centred box of at most `w`×`h` inside `area`.
#[must_use]
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
