//! The story list: what the UI shows first when given a collection
//! (`wirediff stories PATH` on a terminal). One line per story (number, size,
//! sources, dates, headline); `Enter` opens the story under the cursor side by
//! side, quitting that view comes back here, `/` narrows the list to stories
//! whose line holds the typed text (case-insensitive), `Esc` clears it.
//!
//! State and drawing only, keys read through the [`Keymap`]; the loop that
//! runs it is `terminal::pick`. Text from the articles is made safe for the
//! terminal before it is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::keymap::{Action, Key, KeyCode, Keymap};
use super::theme::Theme;
use crate::collection::stories::Story;

/// What the user chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// Open story number `n` (its number in the listing).
    Open(usize),
    /// Leave wirediff.
    Quit,
}

/// The list, its cursor and its search.
#[derive(Debug, Clone)]
pub struct StoryList {
    /// One line of text per story, and its number.
    lines: Vec<(usize, String)>,
    /// The lines shown (indices into `lines`): those matching `query`.
    shown: Vec<usize>,
    /// Position of the cursor in `shown`.
    cursor: usize,
    /// First shown line drawn.
    offset: usize,
    /// The search text.
    query: String,
    /// Typing into the search.
    searching: bool,
    /// The first line: how many stories from how many articles.
    title: String,
    keymap: Keymap,
    /// Height of the list at the last draw, for paging.
    pub height: usize,
}

impl StoryList {
    /// The list of `stories`, titled `title`, keys read through `keymap`.
    #[must_use]
    pub fn new(title: String, stories: &[Story], keymap: Keymap) -> Self {
        let lines: Vec<(usize, String)> = stories
            .iter()
            .map(|s| {
                let dates = match (&s.first_date, &s.last_date) {
                    (Some(a), Some(b)) if a == b => a.clone(),
                    (Some(a), Some(b)) => format!("{a}..{b}"),
                    _ => String::new(),
                };
                let line = format!(
                    "{:>5} {:>4}  {:<14} {:<22} {}",
                    s.number,
                    s.size,
                    s.sources.join(","),
                    dates,
                    s.headline
                );
                (
                    s.number,
                    crate::sanitize::terminal(&line, false).into_owned(),
                )
            })
            .collect();
        let shown = (0..lines.len()).collect();
        Self {
            lines,
            shown,
            cursor: 0,
            offset: 0,
            query: String::new(),
            searching: false,
            title,
            keymap,
            height: 20,
        }
    }

    /// The number of the story under the cursor.
    #[must_use]
    pub fn current(&self) -> Option<usize> {
        let i = self.shown.get(self.cursor)?;
        self.lines.get(*i).map(|l| l.0)
    }

    /// The search text.
    #[must_use]
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Handles a key; `Some` when the user opened a story or quit.
    pub fn key(&mut self, key: Key) -> Option<Pick> {
        if self.searching {
            match key.code {
                KeyCode::Enter => self.searching = false,
                KeyCode::Esc => {
                    self.searching = false;
                    self.set_query(String::new());
                }
                KeyCode::Backspace => {
                    let mut q = self.query.clone();
                    q.pop();
                    self.set_query(q);
                }
                KeyCode::Char(c) if !key.ctrl && !key.alt => {
                    let q = format!("{}{c}", self.query);
                    self.set_query(q);
                }
                _ => {}
            }
            return None;
        }
        let page = self.height.max(1);
        match self.keymap.action(key)? {
            Action::Quit => return Some(Pick::Quit),
            Action::Open => return self.current().map(Pick::Open),
            Action::Search => self.searching = true,
            Action::Cancel if !self.query.is_empty() => self.set_query(String::new()),
            Action::Cancel => return Some(Pick::Quit),
            Action::Down | Action::NextRow => self.move_by(1),
            Action::Up | Action::PrevRow => self.move_by(-1),
            Action::PageDown => self.move_by(page as isize),
            Action::PageUp => self.move_by(-(page as isize)),
            Action::HalfPageDown => self.move_by((page / 2) as isize),
            Action::HalfPageUp => self.move_by(-((page / 2) as isize)),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = self.shown.len().saturating_sub(1),
            _ => {}
        }
        None
    }

    fn move_by(&mut self, by: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(by).min(last);
    }

    fn set_query(&mut self, query: String) {
        let needle = query.to_lowercase();
        self.shown = self
            .lines
            .iter()
            .enumerate()
            .filter(|(_, (_, line))| line.to_lowercase().contains(&needle))
            .map(|(i, _)| i)
            .collect();
        self.query = query;
        self.cursor = 0;
        self.offset = 0;
    }

    /// Keeps the cursor on screen for a list `height` lines high.
    fn scrolled(&self, height: usize) -> usize {
        let height = height.max(1);
        if self.cursor < self.offset {
            self.cursor
        } else if self.cursor >= self.offset + height {
            self.cursor + 1 - height
        } else {
            self.offset
        }
    }

    /// Draws the list into `area` with `theme`, remembering the scroll.
    pub fn render(&mut self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        if area.height < 3 || area.width < 10 {
            return;
        }
        let list_h = usize::from(area.height - 2);
        self.height = list_h;
        self.offset = self.scrolled(list_h);
        self.draw(area, buf, theme);
    }

    fn draw(&self, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let w = usize::from(area.width);
        buf.set_stringn(area.x, area.y, &self.title, w, theme.header);
        let list_h = usize::from(area.height - 2);
        for (row, &i) in self.shown.iter().skip(self.offset).take(list_h).enumerate() {
            let y = area.y + 1 + u16::try_from(row).unwrap_or(u16::MAX);
            let style = if self.offset + row == self.cursor {
                theme.current
            } else {
                theme.text
            };
            if let Some((_, line)) = self.lines.get(i) {
                buf.set_stringn(area.x, y, line, w, style);
            }
        }
        let status = if self.searching {
            format!("/{}", crate::sanitize::terminal(&self.query, false))
        } else if self.query.is_empty() {
            "Enter open   / search   q quit".to_string()
        } else {
            format!(
                "{} of {} match '{}'   Esc clear   Enter open   q quit",
                self.shown.len(),
                self.lines.len(),
                crate::sanitize::terminal(&self.query, false)
            )
        };
        buf.set_stringn(area.x, area.y + area.height - 1, status, w, theme.status);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;

    fn story(number: usize, size: usize, headline: &str) -> Story {
        Story {
            number,
            size,
            members: vec![],
            sources: vec!["GDL".into(), "JDG".into()],
            first_date: Some("1900-03-13".into()),
            last_date: Some("1900-03-14".into()),
            headline: headline.into(),
            cluster: None,
            indices: vec![],
        }
    }

    fn list() -> StoryList {
        let stories = [
            story(0, 3, "Pour cause de départ, on offre à remettre"),
            story(1, 2, "Paris, 12 mars. — Le ministre"),
            story(2, 1, "Genève, 13 mars. — Le Conseil d'Etat\u{1b}]0;x\u{7}"),
        ];
        StoryList::new("3 stories".into(), &stories, Keymap::default())
    }

    fn screen(l: &mut StoryList) -> String {
        let area = Rect::new(0, 0, 70, 6);
        let mut buf = Buffer::empty(area);
        let theme = Theme::new(
            crate::tui::theme::ThemeName::default(),
            crate::tui::theme::ColorLevel::Ansi16,
            true,
        );
        l.render(area, &mut buf, &theme);
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn enter_opens_the_story_under_the_cursor() {
        let mut l = list();
        assert_eq!(l.key(Key::plain(KeyCode::Enter)), Some(Pick::Open(0)));
        assert_eq!(l.key(Key::ch('j')), None);
        assert_eq!(l.key(Key::plain(KeyCode::Enter)), Some(Pick::Open(1)));
        assert_eq!(l.key(Key::ch('G')), None);
        assert_eq!(l.current(), Some(2));
        assert_eq!(l.key(Key::ch('j')), None);
        assert_eq!(l.current(), Some(2), "the cursor stops at the last story");
        assert_eq!(l.key(Key::ch('q')), Some(Pick::Quit));
    }

    #[test]
    fn slash_searches_the_list_and_esc_clears_it() {
        let mut l = list();
        l.key(Key::ch('/'));
        for c in "PARIS".chars() {
            assert_eq!(l.key(Key::ch(c)), None, "typing does not act");
        }
        l.key(Key::plain(KeyCode::Enter));
        assert_eq!(l.query(), "PARIS");
        assert_eq!(l.key(Key::plain(KeyCode::Enter)), Some(Pick::Open(1)));
        let shown = screen(&mut l);
        assert!(
            shown.contains("Paris, 12 mars") && !shown.contains("Genève"),
            "{shown}"
        );
        assert!(shown.contains("1 of 3 match 'PARIS'"), "{shown}");
        assert_eq!(l.key(Key::plain(KeyCode::Esc)), None);
        assert_eq!(l.query(), "");
        assert_eq!(l.key(Key::plain(KeyCode::Esc)), Some(Pick::Quit));
    }

    #[test]
    fn lines_show_number_size_sources_dates_and_headline_made_safe() {
        let mut l = list();
        let shown = screen(&mut l);
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines[0], "3 stories");
        assert!(
            lines[1].starts_with("    0    3  GDL,JDG        1900-03-13..1900-03-14 Pour cause")
        );
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'));
        assert!(lines[5].starts_with("Enter open"));
    }

    #[test]
    fn a_long_list_scrolls_with_the_cursor() {
        let stories: Vec<Story> = (0..50)
            .map(|i| story(i, 1, &format!("story {i}")))
            .collect();
        let mut l = StoryList::new("50".into(), &stories, Keymap::default());
        screen(&mut l);
        l.key(Key::plain(KeyCode::PageDown));
        let shown = screen(&mut l);
        assert_eq!(l.current(), Some(4));
        assert!(
            shown.contains("story 4") && !shown.contains("story 0\n"),
            "{shown}"
        );
        l.key(Key::ch('g'));
        assert_eq!(l.current(), Some(0));
    }
}
