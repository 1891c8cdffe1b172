//! Keys and actions: what the user presses, what it means, and the help text.
//!
//! The keymap is data. [`Action`] lists every action with its name (used in the
//! config file) and its help text; the default bindings are a table; the user's
//! `[keys]` table rebinds or adds. The help overlay and the README's key table
//! are both generated from [`Keymap::help_rows`], so they never go stale. Our own
//! [`Key`] type keeps crossterm out of everything but `terminal.rs`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Everything a key can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Quit wirediff.
    Quit,
    /// Scroll down one line.
    Down,
    /// Scroll up one line.
    Up,
    /// Scroll down one screen.
    PageDown,
    /// Scroll up one screen.
    PageUp,
    /// Scroll down half a screen.
    HalfPageDown,
    /// Scroll up half a screen.
    HalfPageUp,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Scroll to the next row.
    NextRow,
    /// Scroll to the previous row.
    PrevRow,
    /// Next row that has a change.
    NextChangedRow,
    /// Previous row that has a change.
    PrevChangedRow,
    /// Next row that only one version on screen has.
    NextUniqueRow,
    /// Previous row that only one version on screen has.
    PrevUniqueRow,
    /// Next change (next search match while a search is active).
    NextChange,
    /// Previous change (previous search match while a search is active).
    PrevChange,
    /// Focus the next column.
    FocusNext,
    /// Focus the previous column.
    FocusPrev,
    /// Scroll the columns left (when not all fit).
    ScrollLeft,
    /// Scroll the columns right (when not all fit).
    ScrollRight,
    /// Show or hide boilerplate paragraphs in place.
    ToggleBoilerplate,
    /// Make the focused column the reference.
    SetReference,
    /// Open or close the versions list.
    Versions,
    /// Diff the reference with the focused version only.
    PairView,
    /// In the pair view: inline word diff or side by side.
    ToggleInline,
    /// Search the text.
    Search,
    /// Export what is on screen (HTML, Markdown, JSON, ANSI).
    Export,
    /// Overview: similarity heat map, coverage, who changed what.
    Overview,
    /// Differences panel: every change against the reference, by kind.
    Differences,
    /// Only one kind of change for n/N (cycles through the kinds).
    KindFilter,
    /// Hide or show the kinds a reader reads past (wording, case and
    /// punctuation, spelling): unmarked, unlisted, skipped by n/N.
    HideMinor,
    /// Show or hide the legend line of change styles.
    Legend,
    /// Names and quotations: spellings and who writes which, how each
    /// version carries each quotation (Enter goes to its row).
    People,
    /// Show this help.
    Help,
    /// Close the overlay or cancel the search.
    Cancel,
    /// Versions list: show or hide the selected version.
    ToggleShown,
    /// Versions list: move the selected version up.
    MoveVersionUp,
    /// Versions list: move the selected version down.
    MoveVersionDown,
    /// Versions list: open the selected version (focus its column).
    Open,
    /// Suspend to the shell (fg to come back).
    Suspend,
    /// Copy the focused column's text of the current row.
    Copy,
    /// Turn mouse capture off (the terminal selects text) or on (wheel, clicks).
    ToggleMouse,
}

impl Action {
    /// Every action, in help order.
    pub const ALL: [Self; 43] = [
        Self::Down,
        Self::Up,
        Self::PageDown,
        Self::PageUp,
        Self::HalfPageDown,
        Self::HalfPageUp,
        Self::Top,
        Self::Bottom,
        Self::NextRow,
        Self::PrevRow,
        Self::NextChange,
        Self::PrevChange,
        Self::NextChangedRow,
        Self::PrevChangedRow,
        Self::NextUniqueRow,
        Self::PrevUniqueRow,
        Self::KindFilter,
        Self::HideMinor,
        Self::Legend,
        Self::Differences,
        Self::People,
        Self::Overview,
        Self::FocusNext,
        Self::FocusPrev,
        Self::ScrollLeft,
        Self::ScrollRight,
        Self::SetReference,
        Self::ToggleBoilerplate,
        Self::PairView,
        Self::ToggleInline,
        Self::Versions,
        Self::ToggleShown,
        Self::MoveVersionUp,
        Self::MoveVersionDown,
        Self::Open,
        Self::Search,
        Self::Export,
        Self::Copy,
        Self::ToggleMouse,
        Self::Help,
        Self::Cancel,
        Self::Suspend,
        Self::Quit,
    ];

    /// The help text (the same words as the variant's doc comment).
    #[must_use]
    pub fn help(self) -> &'static str {
        match self {
            Self::Quit => "Quit",
            Self::Down => "Scroll down one line",
            Self::Up => "Scroll up one line",
            Self::PageDown => "Scroll down one screen",
            Self::PageUp => "Scroll up one screen",
            Self::HalfPageDown => "Scroll down half a screen",
            Self::HalfPageUp => "Scroll up half a screen",
            Self::Top => "Go to the first row",
            Self::Bottom => "Go to the last row",
            Self::NextRow => "Next row",
            Self::PrevRow => "Previous row",
            Self::NextChangedRow => "Next row that has a change",
            Self::PrevChangedRow => "Previous row that has a change",
            Self::NextUniqueRow => "Next row only one version has",
            Self::PrevUniqueRow => "Previous row only one version has",
            Self::NextChange => "Next change (next match while searching)",
            Self::PrevChange => "Previous change (previous match while searching)",
            Self::FocusNext => "Focus the next column",
            Self::FocusPrev => "Focus the previous column",
            Self::ScrollLeft => "Scroll columns left",
            Self::ScrollRight => "Scroll columns right",
            Self::ToggleBoilerplate => "Show or hide boilerplate in place",
            Self::SetReference => "Make the focused column the reference",
            Self::Versions => "Open or close the versions list",
            Self::PairView => "Pair view: reference against focused version",
            Self::ToggleInline => "Pair view: inline or side by side",
            Self::Search => "Search the text",
            Self::Export => "Export what is on screen (HTML, Markdown, JSON, ANSI)",
            Self::Overview => "Overview: similarity, coverage, who changed what",
            Self::Differences => "Differences: every change by kind (Tab: kind, Enter: go)",
            Self::KindFilter => "n/N walk one kind of change (cycles kinds)",
            Self::HideMinor => "Hide or show wording, case/punctuation and spelling changes",
            Self::Legend => "Show or hide the legend of change styles",
            Self::People => "Names and quotations: who writes which (Enter: go)",
            Self::Help => "Show this help",
            Self::Cancel => "Close overlay, cancel search",
            Self::ToggleShown => "Versions list: show or hide version",
            Self::MoveVersionUp => "Versions list: move version up",
            Self::MoveVersionDown => "Versions list: move version down",
            Self::Open => "Versions list: focus the selected version",
            Self::Suspend => "Suspend to the shell",
            Self::Copy => "Copy the focused column's text of the current row",
            Self::ToggleMouse => "Mouse capture off (terminal selection) or on (wheel, clicks)",
        }
    }
}

/// A key name without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character.
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab (Shift-Tab is `Tab` with `shift`).
    Tab,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key.
    F(u8),
}

/// A key press: a code plus Ctrl/Alt/Shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Ctrl held.
    pub ctrl: bool,
    /// Alt held.
    pub alt: bool,
    /// Shift held (only for non-character keys: `S-Tab`).
    pub shift: bool,
}

impl Key {
    /// A key with no modifiers.
    #[must_use]
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// A printable character key.
    #[must_use]
    pub const fn ch(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// A Ctrl-character key.
    #[must_use]
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
            shift: false,
        }
    }

    /// Parses a key name: `j`, `G`, `?`, `C-d`, `A-x`, `S-Tab`, `Enter`, `Esc`,
    /// `Space`, `PageDown`, `F1`…
    ///
    /// # Errors
    /// A message naming the problem and the accepted forms.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut key = Self::plain(KeyCode::Esc);
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("C-") {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("A-") {
                key.alt = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("S-") {
                key.shift = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                "Backspace" => KeyCode::Backspace,
                "Space" => KeyCode::Char(' '),
                "Up" => KeyCode::Up,
                "Down" => KeyCode::Down,
                "Left" => KeyCode::Left,
                "Right" => KeyCode::Right,
                "PageUp" => KeyCode::PageUp,
                "PageDown" => KeyCode::PageDown,
                "Home" => KeyCode::Home,
                "End" => KeyCode::End,
                f if f.len() >= 2 && f.starts_with('F') => f[1..]
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=12).contains(n))
                    .map(KeyCode::F)
                    .ok_or_else(|| bad_key(s))?,
                _ => return Err(bad_key(s)),
            },
        };
        Ok(key)
    }
}

fn bad_key(s: &str) -> String {
    format!(
        "unknown key '{s}'; use one character (j, G, ?), a name (Enter, Esc, Tab, Backspace, Space, Up, Down, Left, Right, PageUp, PageDown, Home, End, F1-F12), with C-, A- or S- for Ctrl, Alt, Shift"
    )
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("C-")?;
        }
        if self.alt {
            f.write_str("A-")?;
        }
        if self.shift {
            f.write_str("S-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

impl Serialize for Key {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The built-in bindings.
const DEFAULTS: &[(&str, Action)] = &[
    ("j", Action::Down),
    ("Down", Action::Down),
    ("k", Action::Up),
    ("Up", Action::Up),
    ("PageDown", Action::PageDown),
    ("Space", Action::PageDown),
    ("C-f", Action::PageDown),
    ("PageUp", Action::PageUp),
    ("C-b", Action::PageUp),
    ("C-d", Action::HalfPageDown),
    ("C-u", Action::HalfPageUp),
    ("g", Action::Top),
    ("Home", Action::Top),
    ("G", Action::Bottom),
    ("End", Action::Bottom),
    ("n", Action::NextChange),
    ("N", Action::PrevChange),
    ("]", Action::NextChangedRow),
    ("[", Action::PrevChangedRow),
    ("u", Action::NextUniqueRow),
    ("U", Action::PrevUniqueRow),
    ("}", Action::NextRow),
    ("{", Action::PrevRow),
    ("Tab", Action::FocusNext),
    ("l", Action::FocusNext),
    ("S-Tab", Action::FocusPrev),
    ("h", Action::FocusPrev),
    ("Left", Action::ScrollLeft),
    ("Right", Action::ScrollRight),
    ("r", Action::SetReference),
    ("b", Action::ToggleBoilerplate),
    ("p", Action::PairView),
    ("i", Action::ToggleInline),
    ("v", Action::Versions),
    ("x", Action::ToggleShown),
    ("K", Action::MoveVersionUp),
    ("J", Action::MoveVersionDown),
    ("Enter", Action::Open),
    ("/", Action::Search),
    ("e", Action::Export),
    ("c", Action::Copy),
    ("M", Action::ToggleMouse),
    ("o", Action::Overview),
    ("d", Action::Differences),
    ("f", Action::KindFilter),
    ("w", Action::HideMinor),
    ("L", Action::Legend),
    ("a", Action::People),
    ("?", Action::Help),
    ("F1", Action::Help),
    ("Esc", Action::Cancel),
    ("C-z", Action::Suspend),
    ("q", Action::Quit),
    ("C-c", Action::Quit),
];

/// Key bindings: defaults plus the user's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(k, a)| Key::parse(k).ok().map(|k| (k, *a)))
            .collect();
        Self { bindings }
    }
}

impl Keymap {
    /// Defaults with `user` bindings laid over them (a user key replaces the
    /// default binding of that key).
    #[must_use]
    pub fn with_overrides(user: &std::collections::BTreeMap<Key, Action>) -> Self {
        let mut map = Self::default();
        map.bindings.retain(|(k, _)| !user.contains_key(k));
        map.bindings.extend(user.iter().map(|(k, a)| (*k, *a)));
        map
    }

    /// The action bound to `key`, if any.
    #[must_use]
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }

    /// The keys bound to `action`, in binding order.
    #[must_use]
    pub fn keys_for(&self, action: Action) -> Vec<Key> {
        self.bindings
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// One row per bound action: its keys (joined) and help text, in help order.
    #[must_use]
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        Action::ALL
            .iter()
            .filter_map(|&a| {
                let keys = self.keys_for(a);
                (!keys.is_empty()).then(|| {
                    let names: Vec<String> = keys.iter().map(ToString::to_string).collect();
                    (names.join(" "), a.help())
                })
            })
            .collect()
    }

    /// The key table as Markdown, for the README.
    #[must_use]
    pub fn markdown_table(&self) -> String {
        let mut out = String::from("| keys | action |\n|---|---|\n");
        for (keys, help) in self.help_rows() {
            let keys: Vec<String> = keys
                .split(' ')
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect();
            out.push_str(&format!("| {} | {help} |\n", keys.join(" ")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_parses_and_every_action_is_bound() {
        assert_eq!(Keymap::default().bindings.len(), DEFAULTS.len());
        for a in Action::ALL {
            assert!(!Keymap::default().keys_for(a).is_empty(), "{a:?} unbound");
        }
    }

    #[test]
    fn key_names_round_trip() {
        for s in [
            "j", "G", "?", "C-d", "S-Tab", "Enter", "Space", "F1", "PageDown", "A-x",
        ] {
            assert_eq!(Key::parse(s).map(|k| k.to_string()), Ok(s.to_string()));
        }
        assert!(Key::parse("Ctrl+d").unwrap_err().contains("C-"));
        assert!(Key::parse("F13").is_err());
    }

    #[test]
    fn user_binding_replaces_default() {
        let mut user = std::collections::BTreeMap::new();
        user.insert(Key::ch('j'), Action::Quit);
        let map = Keymap::with_overrides(&user);
        assert_eq!(map.action(Key::ch('j')), Some(Action::Quit));
        assert_eq!(map.action(Key::plain(KeyCode::Down)), Some(Action::Down));
    }

    #[test]
    fn actions_all_is_complete() {
        let mut all = Action::ALL.to_vec();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), Action::ALL.len());
    }
}
