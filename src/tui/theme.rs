//! Semantic styles: what the views ask for ("a number change", "the reference
//! header"), mapped to colours and modifiers by a theme.
//!
//! Every change style carries a modifier (underline, bold, italic, strike) as well
//! as a colour, so highlights stay visible without colour (`NO_COLOR`, the `mono`
//! theme). Themes are written in RGB and quantised once, at start, to what the
//! terminal can show: truecolor, the 256-colour palette, or the 16 named colours.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

use crate::diff::ChangeKind;

/// Which theme to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    /// Dark unless the environment says light (`COLORFGBG`).
    #[default]
    Auto,
    /// For dark backgrounds.
    Dark,
    /// For light backgrounds.
    Light,
    /// No colour: modifiers only.
    Mono,
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColorLevel {
    /// 24-bit colour.
    Truecolor,
    /// The xterm 256-colour palette.
    #[serde(rename = "256")]
    Ansi256,
    /// The 16 named colours.
    #[serde(rename = "16")]
    Ansi16,
}

impl ColorLevel {
    /// From the environment: `COLORTERM=truecolor|24bit`, `TERM=*256color*`, else 16.
    #[must_use]
    pub fn detect() -> Self {
        let colorterm = std::env::var("COLORTERM").unwrap_or_default();
        let term = std::env::var("TERM").unwrap_or_default();
        if colorterm.contains("truecolor") || colorterm.contains("24bit") {
            Self::Truecolor
        } else if term.contains("256") {
            Self::Ansi256
        } else {
            Self::Ansi16
        }
    }
}

/// The styles the views use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Plain text.
    pub text: Style,
    /// Gutter, separators and other quiet chrome.
    pub dim: Style,
    /// Column headers.
    pub header: Style,
    /// The reference column's header.
    pub header_reference: Style,
    /// The focused column's header.
    pub header_focus: Style,
    /// A version lacking a paragraph.
    pub gap: Style,
    /// The "moved" marker.
    pub moved: Style,
    /// Boilerplate shown in place.
    pub boilerplate: Style,
    /// A search match.
    pub search: Style,
    /// The change `n`/`N` landed on.
    pub current: Style,
    /// The status line.
    pub status: Style,
    /// Key names in the status line and help.
    pub key: Style,
    /// Inserted text in the inline pair view.
    pub inserted: Style,
    /// Deleted text in the inline pair view.
    pub deleted: Style,
    /// The caret where the other side has words this one lacks.
    pub dropped: Style,
    /// Styles alone cannot tell every kind apart (no colour): changes of the
    /// kinds a fact-checker acts on carry a tag ([`crate::tui::App::kind_tags`]).
    pub kind_tags: bool,
    changes: [Style; 8],
}

impl Theme {
    /// The style of a change of `kind`.
    #[must_use]
    pub fn change(&self, kind: ChangeKind) -> Style {
        // Eight palette slots; the finer kinds share one and differ by weight:
        // a name misspelt reads like a spelling change, but bold; a contradiction
        // takes the alarm colour of a removal, bold and underlined.
        let (slot, extra) = match kind {
            ChangeKind::Wording => (0, Modifier::empty()),
            ChangeKind::Spelling => (1, Modifier::empty()),
            ChangeKind::NameSpelling | ChangeKind::Name => (1, Modifier::BOLD),
            ChangeKind::Number => (2, Modifier::empty()),
            ChangeKind::NumberForm => (2, Modifier::DIM),
            ChangeKind::Date => (3, Modifier::empty()),
            ChangeKind::Quote => (4, Modifier::empty()),
            ChangeKind::Attribution => (4, Modifier::BOLD),
            ChangeKind::CasePunctuation => (5, Modifier::empty()),
            ChangeKind::Added => (6, Modifier::empty()),
            ChangeKind::Removed => (7, Modifier::empty()),
            ChangeKind::Claim => (7, Modifier::BOLD | Modifier::UNDERLINED),
        };
        self.changes[slot].add_modifier(extra)
    }

    /// The named theme at the given colour level; `no_color` forces `mono`.
    #[must_use]
    pub fn new(name: ThemeName, level: ColorLevel, no_color: bool) -> Self {
        let name = match name {
            _ if no_color => ThemeName::Mono,
            ThemeName::Auto => {
                // COLORFGBG="15;0": foreground;background; a light background is 7 or 15.
                let bg = std::env::var("COLORFGBG")
                    .ok()
                    .and_then(|v| v.rsplit(';').next().and_then(|b| b.parse::<u8>().ok()));
                if matches!(bg, Some(7 | 15)) {
                    ThemeName::Light
                } else {
                    ThemeName::Dark
                }
            }
            other => other,
        };
        let t = match name {
            ThemeName::Light => Self::light(),
            ThemeName::Mono => return Self::mono(),
            _ => Self::dark(),
        };
        t.quantised(level)
    }

    fn mono() -> Self {
        let m = |m: Modifier| Style::new().add_modifier(m);
        Self {
            text: Style::new(),
            dim: m(Modifier::DIM),
            header: m(Modifier::BOLD),
            header_reference: m(Modifier::BOLD | Modifier::UNDERLINED),
            header_focus: m(Modifier::BOLD | Modifier::REVERSED),
            gap: m(Modifier::DIM),
            moved: m(Modifier::ITALIC),
            boilerplate: m(Modifier::DIM | Modifier::ITALIC),
            search: m(Modifier::REVERSED),
            current: m(Modifier::REVERSED | Modifier::BOLD),
            status: m(Modifier::REVERSED),
            key: m(Modifier::BOLD),
            inserted: m(Modifier::UNDERLINED | Modifier::BOLD),
            deleted: m(Modifier::CROSSED_OUT),
            dropped: m(Modifier::BOLD),
            kind_tags: true,
            changes: [
                m(Modifier::UNDERLINED),                    // wording
                m(Modifier::UNDERLINED | Modifier::ITALIC), // spelling
                m(Modifier::BOLD | Modifier::UNDERLINED),   // number
                m(Modifier::BOLD | Modifier::UNDERLINED),   // date
                m(Modifier::ITALIC | Modifier::UNDERLINED), // quote
                m(Modifier::DIM | Modifier::UNDERLINED),    // case/punctuation
                m(Modifier::BOLD),                          // added
                m(Modifier::CROSSED_OUT),                   // removed
            ],
        }
    }

    fn with_colors(
        fg: [Option<Color>; 8],
        bg: Option<Color>,
        chrome: (Color, Color, Color),
    ) -> Self {
        let mono = Self::mono();
        let (accent, quiet, status_bg) = chrome;
        let mut changes = mono.changes;
        for (s, c) in changes.iter_mut().zip(fg) {
            if let Some(c) = c {
                *s = s.fg(c);
            }
        }
        let _ = bg;
        Self {
            dim: mono.dim.fg(quiet),
            header_reference: mono.header_reference.fg(accent),
            header_focus: Style::new()
                .add_modifier(Modifier::BOLD | Modifier::REVERSED)
                .fg(accent),
            gap: mono.gap.fg(quiet),
            moved: mono.moved.fg(accent),
            boilerplate: mono.boilerplate.fg(quiet),
            status: Style::new().bg(status_bg).fg(Color::Rgb(0xee, 0xee, 0xee)),
            key: mono.key.fg(accent),
            inserted: mono.inserted.fg(fg[6].unwrap_or(accent)),
            deleted: mono.deleted.fg(fg[7].unwrap_or(quiet)),
            dropped: mono.dropped.fg(fg[7].unwrap_or(accent)),
            kind_tags: false,
            changes,
            ..mono
        }
    }

    fn dark() -> Self {
        let rgb = |r, g, b| Some(Color::Rgb(r, g, b));
        Self::with_colors(
            [
                rgb(0xff, 0xd7, 0x5f), // wording: amber
                rgb(0xd7, 0x87, 0xff), // spelling: violet
                rgb(0x5f, 0xd7, 0xff), // number: cyan
                rgb(0x87, 0xaf, 0xff), // date: blue
                rgb(0x87, 0xff, 0x87), // quote: green
                rgb(0x9e, 0x9e, 0x9e), // case/punctuation: grey
                rgb(0x5f, 0xff, 0x87), // added: bright green
                rgb(0xff, 0x5f, 0x5f), // removed: red
            ],
            None,
            (
                Color::Rgb(0x5f, 0xaf, 0xff),
                Color::Rgb(0x80, 0x80, 0x80),
                Color::Rgb(0x30, 0x30, 0x30),
            ),
        )
    }

    fn light() -> Self {
        let rgb = |r, g, b| Some(Color::Rgb(r, g, b));
        Self::with_colors(
            [
                rgb(0xaf, 0x5f, 0x00),
                rgb(0x87, 0x00, 0xaf),
                rgb(0x00, 0x5f, 0x87),
                rgb(0x00, 0x00, 0xaf),
                rgb(0x00, 0x87, 0x00),
                rgb(0x6c, 0x6c, 0x6c),
                rgb(0x00, 0x87, 0x00),
                rgb(0xaf, 0x00, 0x00),
            ],
            None,
            (
                Color::Rgb(0x00, 0x5f, 0xaf),
                Color::Rgb(0x80, 0x80, 0x80),
                Color::Rgb(0x4e, 0x4e, 0x4e),
            ),
        )
    }

    fn quantised(mut self, level: ColorLevel) -> Self {
        let q = |s: Style| Style {
            fg: s.fg.map(|c| quantise(c, level)),
            bg: s.bg.map(|c| quantise(c, level)),
            ..s
        };
        for s in [
            &mut self.text,
            &mut self.dim,
            &mut self.header,
            &mut self.header_reference,
            &mut self.header_focus,
            &mut self.gap,
            &mut self.moved,
            &mut self.boilerplate,
            &mut self.search,
            &mut self.current,
            &mut self.status,
            &mut self.key,
            &mut self.inserted,
            &mut self.deleted,
            &mut self.dropped,
        ] {
            *s = q(*s);
        }
        for s in &mut self.changes {
            *s = q(*s);
        }
        self
    }
}

/// An RGB colour as the terminal at `level` can show it.
#[must_use]
pub fn quantise(c: Color, level: ColorLevel) -> Color {
    let Color::Rgb(r, g, b) = c else { return c };
    match level {
        ColorLevel::Truecolor => c,
        ColorLevel::Ansi256 => Color::Indexed(to_256(r, g, b)),
        ColorLevel::Ansi16 => to_16(r, g, b),
    }
}

fn to_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| -> u8 {
        if v < 48 {
            0
        } else if v < 115 {
            1
        } else {
            (v - 35) / 40
        }
    };
    let (lr, lg, lb) = (level(r), level(g), level(b));
    let cube = 16 + 36 * lr + 6 * lg + lb;
    // A grey ramp entry is closer for near-grey colours.
    let avg = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    if r.abs_diff(g) < 16 && g.abs_diff(b) < 16 && (8..=238).contains(&avg) {
        let grey = u8::try_from((avg - 8) / 10).unwrap_or(23).min(23);
        return 232 + grey;
    }
    cube
}

fn to_16(r: u8, g: u8, b: u8) -> Color {
    const PALETTE: [(Color, (u8, u8, u8)); 16] = [
        (Color::Black, (0, 0, 0)),
        (Color::Red, (205, 0, 0)),
        (Color::Green, (0, 205, 0)),
        (Color::Yellow, (205, 205, 0)),
        (Color::Blue, (0, 0, 238)),
        (Color::Magenta, (205, 0, 205)),
        (Color::Cyan, (0, 205, 205)),
        (Color::Gray, (229, 229, 229)),
        (Color::DarkGray, (127, 127, 127)),
        (Color::LightRed, (255, 0, 0)),
        (Color::LightGreen, (0, 255, 0)),
        (Color::LightYellow, (255, 255, 0)),
        (Color::LightBlue, (92, 92, 255)),
        (Color::LightMagenta, (255, 0, 255)),
        (Color::LightCyan, (0, 255, 255)),
        (Color::White, (255, 255, 255)),
    ];
    let dist = |(pr, pg, pb): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(r, pr) + d(g, pg) + d(b, pb)
    };
    PALETTE
        .iter()
        .min_by_key(|(_, p)| dist(*p))
        .map_or(Color::Reset, |(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_style_is_visible_without_colour() {
        let t = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, true);
        for k in ChangeKind::ALL {
            assert!(!t.change(k).add_modifier.is_empty(), "{k:?}");
            assert_eq!(t.change(k).fg, None);
        }
    }

    #[test]
    fn colours_degrade() {
        let red = Color::Rgb(0xff, 0x5f, 0x5f);
        assert_eq!(quantise(red, ColorLevel::Truecolor), red);
        assert!(matches!(
            quantise(red, ColorLevel::Ansi256),
            Color::Indexed(_)
        ));
        assert_eq!(quantise(red, ColorLevel::Ansi16), Color::LightRed);
        assert_eq!(
            quantise(Color::Rgb(0x80, 0x80, 0x80), ColorLevel::Ansi256),
            Color::Indexed(244)
        );
    }

    #[test]
    fn themes_differ() {
        let d = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false);
        let l = Theme::new(ThemeName::Light, ColorLevel::Truecolor, false);
        assert_ne!(d.change(ChangeKind::Number), l.change(ChangeKind::Number));
    }
}
