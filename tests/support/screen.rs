//! Rendering the UI into a test buffer, and writing a buffer as text with its
//! styles marked, so snapshots fail when a highlight is lost, not only text.

#![allow(dead_code)] // each test binary uses a part

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use wirediff::compare::{Comparison, EngineConfig, compare};
use wirediff::ingest::{self, ReadOptions};
use wirediff::model::Version;
use wirediff::tui::app::App;
use wirediff::tui::keymap::{Key, Keymap};
use wirediff::tui::theme::{ColorLevel, Theme, ThemeName};
use wirediff::tui::views::Screen;

/// The bundled sample story, compared.
pub fn sample() -> Comparison {
    let opts = ReadOptions::default();
    let versions = ingest::sample_inputs()
        .iter()
        .map(|i| ingest::decode(i, &opts).expect("sample"))
        .collect();
    compare(versions, &EngineConfig::default()).expect("compare")
}

/// Versions compared.
pub fn compared(versions: Vec<Version>) -> Comparison {
    compare(versions, &EngineConfig::default()).expect("compare")
}

/// A fresh app of `w`×`h` for `cmp`.
pub fn app(cmp: Comparison, w: u16, h: u16) -> App {
    App::new(cmp, Keymap::default(), (w, h))
}

/// Feeds space-separated key names (`"j j C-d ?"`) through the same parser the
/// config uses, into the app's key handler.
pub fn keys(app: &mut App, names: &str) {
    for name in names.split_whitespace() {
        let key = Key::parse(name).unwrap_or_else(|e| panic!("{e}"));
        app.key(key);
    }
}

/// Types text into whatever has focus (the search prompt), one character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.key(Key::ch(c));
    }
}

/// Renders one frame with a fixed theme (dark, truecolor) and returns the buffer.
pub fn render(app: &App) -> Buffer {
    render_with(
        app,
        &Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false),
    )
}

/// Renders one frame with `theme`.
pub fn render_with(app: &App, theme: &Theme) -> Buffer {
    let (w, h) = app.viewport;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(Screen { app, theme }, f.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

fn color(c: Color) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => format!("{other:?}").to_lowercase(),
    }
}

fn style_name(s: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = s.fg.filter(|c| *c != Color::Reset) {
        parts.push(color(fg));
    }
    if let Some(bg) = s.bg.filter(|c| *c != Color::Reset) {
        parts.push(format!("bg{}", color(bg)));
    }
    for (m, n) in [
        (Modifier::BOLD, "b"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "i"),
        (Modifier::UNDERLINED, "u"),
        (Modifier::REVERSED, "rev"),
        (Modifier::CROSSED_OUT, "s"),
    ] {
        if s.add_modifier.contains(m) {
            parts.push(n.to_string());
        }
    }
    parts.join(",")
}

/// The buffer as lines of text in which every styled run is written
/// `⟨style⟩text⟨⟩` (style: colours and b/dim/i/u/rev/s), trailing spaces cut.
pub fn markup(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut current = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let name = style_name(cell.style());
            if name != current {
                if !current.is_empty() {
                    line.push_str("⟨⟩");
                }
                if !name.is_empty() {
                    line.push_str(&format!("⟨{name}⟩"));
                }
                current = name;
            }
            let sym = cell.symbol();
            line.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        if !current.is_empty() {
            line.push_str("⟨⟩");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The buffer's plain text, trailing spaces cut.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
