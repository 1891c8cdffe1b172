//! The loading screen: shown while the comparison runs on a thread of its own,
//! so a big input opens on something that says what is happening and can be
//! left with `q`, instead of on a frozen shell prompt.
//!
//! [`Loading`] is what the event loop keeps (the files, the shared
//! [`Progress`], the keys); [`LoadingScreen`] draws one frame from a
//! [`Snapshot`] and the time elapsed, both passed in, so a test renders a
//! frame that does not depend on the clock.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::keymap::{Action, Key, KeyCode, Keymap};
use super::theme::Theme;
use super::views::{MIN_SIZE, centered};
use crate::progress::{Progress, Snapshot, Stage};
use crate::sanitize::terminal;

/// What the event loop holds while the comparison runs.
#[derive(Debug)]
pub struct Loading {
    /// The inputs' paths as given, in version order (raw: drawn sanitised).
    pub files: Vec<String>,
    /// Where the worker reports its stage and rows.
    pub progress: Arc<Progress>,
    /// The keys, for the user's own quit and suspend bindings.
    pub keymap: Keymap,
    /// When the work started, for the elapsed time shown.
    pub started: Instant,
}

impl Loading {
    /// Loading `files`, reported through `progress`, from now.
    #[must_use]
    pub fn new(files: Vec<String>, progress: Arc<Progress>, keymap: Keymap) -> Self {
        Self {
            files,
            progress,
            keymap,
            started: Instant::now(),
        }
    }

    /// Whether `key` leaves the loading screen (and wirediff): `q`, Esc and
    /// Ctrl-C always, so a mistyped command on a huge input never needs a
    /// second terminal, and whatever the user bound to quit.
    #[must_use]
    pub fn quits(&self, key: Key) -> bool {
        key == Key::ch('q')
            || key == Key::ctrl('c')
            || (key.code == KeyCode::Esc && !key.ctrl && !key.alt)
            || self.keymap.action(key) == Some(Action::Quit)
    }

    /// Whether `key` asks to suspend to the shell.
    #[must_use]
    pub fn suspends(&self, key: Key) -> bool {
        self.keymap.action(key) == Some(Action::Suspend)
    }

    /// The frame to draw now.
    #[must_use]
    pub fn screen<'a>(&'a self, theme: &'a Theme) -> LoadingScreen<'a> {
        LoadingScreen {
            files: &self.files,
            progress: self.progress.snapshot(),
            elapsed: self.started.elapsed(),
            theme,
        }
    }
}

/// One frame of the loading screen.
#[derive(Debug, Clone)]
pub struct LoadingScreen<'a> {
    /// The inputs' paths, in version order.
    pub files: &'a [String],
    /// How far the work is.
    pub progress: Snapshot,
    /// Time since the work started.
    pub elapsed: Duration,
    /// The styles.
    pub theme: &'a Theme,
}

/// Braille spinner frames: the current step moves even when it cannot count.
const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Lines of the box besides the files: title, blank, the steps, blank, bar,
/// blank, "Files:", blank, hint, and the two borders.
const FIXED_LINES: u16 = Stage::STEPS.len() as u16 + 10;

impl Widget for LoadingScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            buf.set_stringn(
                area.x,
                area.y,
                "loading…",
                usize::from(area.width),
                theme.dim,
            );
            return;
        }
        let files = u16::try_from(self.files.len()).unwrap_or(u16::MAX);
        let want_h = FIXED_LINES.saturating_add(files);
        let bx = centered(area, 72, want_h.min(area.height));
        let inner = super::views::framed(bx, " wirediff ", theme, buf);
        let mut lines = Lines {
            buf,
            area: inner,
            y: inner.y,
        };
        let s = self.progress;
        lines.text(
            &format!("Comparing {} versions", self.files.len()),
            theme.header,
        );
        lines.skip();
        #[allow(clippy::cast_possible_truncation)] // the index of ten frames
        let spin = SPINNER[(self.elapsed.as_millis() / 100 % 10) as usize];
        for step in Stage::STEPS {
            let (mark, style) = match step.cmp(&s.stage) {
                std::cmp::Ordering::Less => ("✓", theme.dim),
                std::cmp::Ordering::Equal => (spin, theme.header),
                std::cmp::Ordering::Greater => (" ", theme.dim),
            };
            let mut line = format!(" {mark} {}", step.describe());
            if step == s.stage && s.total > 0 {
                line.push_str(&format!(": {} of {}", s.done, s.total));
            }
            lines.text(&line, style);
        }
        lines.skip();
        lines.bar(s, self.elapsed, theme);
        lines.skip();
        // What is left, less the heading, the blank and the hint.
        let room = lines.left().saturating_sub(3);
        lines.text("Files:", theme.header);
        let shown = if self.files.len() > usize::from(room) {
            room.saturating_sub(1)
        } else {
            room
        };
        let label_w = format!("v{}", self.files.len().saturating_sub(1)).len();
        for (v, f) in self.files.iter().enumerate().take(usize::from(shown)) {
            let label = format!(" {:<label_w$} ", format!("v{v}"));
            let room = usize::from(inner.width).saturating_sub(label.len() + 1);
            lines.pair(&label, &tail(&terminal(f, false), room), theme);
        }
        if self.files.len() > usize::from(shown) && room > 0 {
            lines.text(
                &format!("   … and {} more", self.files.len() - usize::from(shown)),
                theme.dim,
            );
        }
        // The hint sits on the last line of the box whatever the files took.
        lines.y = inner.y + inner.height.saturating_sub(1);
        lines.spans(vec![
            Span::styled(format!(" {} s", self.elapsed.as_secs()), theme.dim),
            Span::styled("  ·  ", theme.dim),
            Span::styled("q", theme.key),
            Span::styled(", ", theme.text),
            Span::styled("Esc", theme.key),
            Span::styled(" or ", theme.text),
            Span::styled("C-c", theme.key),
            Span::styled(" to quit", theme.text),
        ]);
    }
}

/// Writes lines top to bottom inside an area, dropping what does not fit.
struct Lines<'b> {
    buf: &'b mut Buffer,
    area: Rect,
    y: u16,
}

impl Lines<'_> {
    fn left(&self) -> u16 {
        (self.area.y + self.area.height).saturating_sub(self.y)
    }

    fn skip(&mut self) {
        self.y = self.y.saturating_add(1);
    }

    fn text(&mut self, s: &str, style: ratatui::style::Style) {
        if self.left() > 0 {
            self.buf.set_stringn(
                self.area.x + 1,
                self.y,
                s,
                usize::from(self.area.width.saturating_sub(1)),
                style,
            );
        }
        self.skip();
    }

    /// A key-styled head then plain text, on one line.
    fn pair(&mut self, head: &str, rest: &str, theme: &Theme) {
        if self.left() > 0 {
            let width = usize::from(self.area.width.saturating_sub(1));
            let (x, _) = self
                .buf
                .set_stringn(self.area.x + 1, self.y, head, width, theme.key);
            let used = usize::from(x - self.area.x - 1);
            self.buf
                .set_stringn(x, self.y, rest, width.saturating_sub(used), theme.text);
        }
        self.skip();
    }

    /// The bar of the current step: filled to its share when it counts; when
    /// it does not, a block sweeping to and fro, so the screen still shows
    /// that work goes on.
    fn bar(&mut self, s: Snapshot, elapsed: Duration, theme: &Theme) {
        let label = match s.percent() {
            Some(p) => format!(" {p:>3}%"),
            None => "     ".to_string(),
        };
        let width = usize::from(self.area.width.saturating_sub(3)).saturating_sub(label.len());
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )] // a share of a few dozen cells
        let (from, to) = match s.fraction() {
            Some(f) => (0, ((f * width as f64) as usize).min(width)),
            None => {
                let seg = (width / 8).max(1);
                let span = width.saturating_sub(seg).max(1);
                // Ten cells a second, there and back.
                let step = (elapsed.as_millis() / 100) as usize % (2 * span);
                let at = if step < span { step } else { 2 * span - step };
                (at, (at + seg).min(width))
            }
        };
        if self.left() > 0 {
            let cells: Vec<Span<'_>> = vec![
                Span::styled("░".repeat(from), theme.dim),
                Span::styled("█".repeat(to - from), theme.key),
                Span::styled("░".repeat(width - to), theme.dim),
                Span::styled(label, theme.text),
            ];
            self.buf.set_line(
                self.area.x + 2,
                self.y,
                &Line::from(cells),
                self.area.width.saturating_sub(2),
            );
        }
        self.skip();
    }

    /// A line of styled spans.
    fn spans(&mut self, spans: Vec<Span<'_>>) {
        if self.left() > 0 {
            self.buf.set_line(
                self.area.x + 1,
                self.y,
                &Line::from(spans),
                self.area.width.saturating_sub(1),
            );
        }
        self.skip();
    }
}

/// `s` cut from the left to at most `width` columns, with "…" in front when
/// cut: the end of a path (the file name) is the part that tells.
fn tail(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 1; // the ellipsis
    for c in s.chars().rev() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        out.insert(0, c);
    }
    if width > 0 {
        out.insert(0, '…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_end_of_a_path() {
        assert_eq!(tail("/a/b/story.txt", 20), "/a/b/story.txt");
        assert_eq!(tail("/long/dir/story.txt", 10), "…story.txt");
        assert_eq!(tail("/x/漢字.txt", 7), "…字.txt");
        assert_eq!(tail("abc", 0), "");
    }

    #[test]
    fn quit_keys_are_fixed_and_bound_ones() {
        let l = Loading::new(Vec::new(), Arc::new(Progress::new()), Keymap::default());
        for k in ["q", "Esc", "C-c"] {
            assert!(l.quits(Key::parse(k).unwrap()), "{k}");
        }
        assert!(!l.quits(Key::ch('j')));
        let mut user = std::collections::BTreeMap::new();
        user.insert(Key::ch('x'), Action::Quit);
        let l = Loading::new(
            Vec::new(),
            Arc::new(Progress::new()),
            Keymap::with_overrides(&user),
        );
        assert!(l.quits(Key::ch('x')));
        assert!(l.suspends(Key::ctrl('z')));
    }
}
