//! Wrapping a cell's text into lines of a column width, keeping highlight marks.
//!
//! Works on graphemes and their display width, so CJK, emoji and combining marks
//! keep columns aligned; control characters are made visible here (this is the
//! terminal sink), tabs and runs of white space become one space, and a newline
//! is a hard line break. Marks are byte ranges of the original text; where marks
//! overlap, the later one wins (a search match over a change).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::diff::ChangeKind;
use crate::sanitize;

/// What a piece of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ordinary text.
    Plain,
    /// Part of a change of this kind.
    Change(ChangeKind),
    /// The change the cursor is on.
    Current,
    /// A search match.
    Search,
    /// Inserted text (inline pair view).
    Inserted,
    /// Deleted text (inline pair view).
    Deleted,
    /// The placeholder of a version that lacks the paragraph.
    Gap,
    /// The "moved" note.
    Moved,
    /// Boilerplate shown in place.
    Boilerplate,
    /// The caret drawn where the other side has words this one lacks.
    Dropped,
    /// A kind's tag drawn after a change (screens without colour).
    Tag,
}

/// A run of text with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Display text (safe for the terminal).
    pub text: String,
    /// Its mark.
    pub mark: Mark,
}

/// One display line: pieces whose widths add up to at most the column width.
pub type Line = Vec<Piece>;

/// Display width of a line.
#[must_use]
pub fn line_width(line: &Line) -> usize {
    line.iter().map(|p| p.text.width()).sum()
}

struct Builder {
    lines: Vec<Line>,
    current: Line,
    used: usize,
    width: usize,
}

impl Builder {
    fn push(&mut self, text: &str, mark: Mark, w: usize) {
        self.used += w;
        if let Some(last) = self.current.last_mut()
            && last.mark == mark
        {
            last.text.push_str(text);
            return;
        }
        self.current.push(Piece {
            text: text.to_string(),
            mark,
        });
    }

    fn break_line(&mut self) {
        self.lines.push(std::mem::take(&mut self.current));
        self.used = 0;
    }

    fn word(&mut self, word: &[(std::borrow::Cow<'_, str>, Mark, usize)], space_mark: Mark) {
        let total: usize = word.iter().map(|g| g.2).sum();
        if self.used > 0 && self.used + 1 + total > self.width {
            self.break_line();
        } else if self.used > 0 {
            self.push(" ", space_mark, 1);
        }
        for (g, mark, w) in word {
            if self.used + w > self.width && self.used > 0 {
                self.break_line();
            }
            self.push(g, *mark, *w);
        }
    }
}

/// Wraps `text` to `width` columns (at least 1), marking `marks`.
#[must_use]
pub fn wrap(text: &str, marks: &[(Range<usize>, Mark)], width: usize) -> Vec<Line> {
    let mut b = Builder {
        lines: Vec::new(),
        current: Vec::new(),
        used: 0,
        width: width.max(1),
    };
    let mark_at = |at: usize| {
        marks
            .iter()
            .rev()
            .find(|(r, _)| r.start <= at && at < r.end)
            .map_or(Mark::Plain, |(_, m)| *m)
    };
    let mut word: Vec<(std::borrow::Cow<'_, str>, Mark, usize)> = Vec::new();
    let mut space_mark = Mark::Plain;
    let mut pending_space = Mark::Plain;
    for (at, g) in text.grapheme_indices(true) {
        if g == "\n" || g == "\r\n" || g == "\r" {
            b.word(&word, pending_space);
            word.clear();
            b.break_line();
            continue;
        }
        if g.chars().all(|c| c.is_whitespace()) {
            if !word.is_empty() {
                b.word(&word, pending_space);
                word.clear();
            }
            // A space inside a marked stretch keeps the mark, so "do not" reads as one highlight.
            space_mark = mark_at(at);
            pending_space = space_mark;
            continue;
        }
        let mark = mark_at(at);
        let mut shown = sanitize::terminal(g, false);
        // Inside a change, characters that draw nothing are shown, or a
        // change made only of them would read as no change at all.
        if matches!(
            mark,
            Mark::Change(_) | Mark::Current | Mark::Inserted | Mark::Deleted
        ) && shown.chars().any(sanitize::is_invisible)
        {
            shown = std::borrow::Cow::Owned(sanitize::reveal_invisible(&shown).into_owned());
        }
        let w = shown.width();
        word.push((shown, mark, w));
    }
    let _ = space_mark;
    if !word.is_empty() {
        b.word(&word, pending_space);
    }
    if !b.current.is_empty() || b.lines.is_empty() {
        b.break_line();
    }
    b.lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_show_inside_changes_only() {
        let text = "security gu\u{200B}ards and gu\u{200B}ards";
        let change = 9..16;
        let lines = wrap(text, &[(change, Mark::Change(ChangeKind::Wording))], 80);
        let shown: String = lines[0].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(shown, "security gu<U+200B>ards and gu\u{200B}ards");
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            plain(&wrap("one two three four", &[], 9)),
            vec!["one two", "three", "four"]
        );
    }

    #[test]
    fn long_word_is_broken() {
        assert_eq!(
            plain(&wrap("abcdefghij", &[], 4)),
            vec!["abcd", "efgh", "ij"]
        );
    }

    #[test]
    fn newline_breaks_and_blank_line_stays() {
        assert_eq!(plain(&wrap("a\n\nb", &[], 10)), vec!["a", "", "b"]);
    }

    #[test]
    fn marks_follow_bytes() {
        let t = "a rocket and";
        let lines = wrap(t, &[(2..8, Mark::Change(ChangeKind::Quote))], 20);
        assert_eq!(
            lines[0][1],
            Piece {
                text: "rocket".into(),
                mark: Mark::Change(ChangeKind::Quote)
            }
        );
    }

    #[test]
    fn wide_characters_count_double() {
        let lines = wrap("漢字 漢字", &[], 5);
        assert_eq!(plain(&lines), vec!["漢字", "漢字"]);
        assert!(lines.iter().all(|l| line_width(l) <= 5));
    }

    #[test]
    fn controls_become_visible() {
        let lines = wrap("a\u{1b}[2Jb\tc", &[], 40);
        assert_eq!(plain(&lines), vec!["a^[[2Jb c"]);
    }

    #[test]
    fn never_wider_than_width() {
        let t =
            "The quick brown 狐狸 jumps over the lazy dog’s extraordinarily-long-hyphenated-word.";
        for w in 1..30 {
            for l in wrap(t, &[], w) {
                assert!(line_width(&l) <= w.max(2), "width {w}: {l:?}");
            }
        }
    }
}
