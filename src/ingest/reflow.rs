//! Hard-wrapped text (OCR columns, e-mail, plain-text books) joined back into
//! paragraphs, with hyphenation at line ends undone and a map back to the file.
//!
//! A newspaper column scanned by OCR, a mail wrapped at 72 columns or a Project
//! Gutenberg book has a line break every few words. Compared line by line, two
//! printings of one dispatch set in columns of different widths differ on every
//! line, and the word changes are mostly line-break fragments (`jus-` / `qu'à`
//! against `jusqu'à`). This module decides which text is hard-wrapped, where
//! its paragraphs end, and joins each paragraph's lines into running text.
//!
//! Joining changes only white space and line-end hyphens: the joined text is the
//! file's slice with every line break (and the spaces around it) made one space,
//! or nothing where a word hyphenated across the break is made whole again. So a
//! [`SourceMap`] can always be recovered from the slice and the joined text, and
//! every offset into a paragraph's text points back into the file.
//!
//! The evidence used is generic (no language, no word lists):
//! - a text is hard-wrapped when most of its lines end without sentence
//!   punctuation and most lines fill a similar width ([`is_wrapped_text`]);
//! - a paragraph ends at a line that ends a sentence well short of that width
//!   (the last line of a paragraph in a column), or before a line opening with a
//!   dash or a list bullet ([`ends_paragraph`]);
//! - a hyphen at a line end is a syllable break, and is removed, unless the text
//!   elsewhere writes the hyphenated form and never the joined one, or the next
//!   line begins with a capital or a digit (`Dunant-` / `Vaucher`, `1899-` /
//!   `1900`), in which case the hyphen is a real one and stays ([`Vocabulary`]).

use std::collections::HashSet;

/// Characters an OCR or a typesetter leaves at a line end to hyphenate a word:
/// hyphen-minus, soft hyphen, Unicode hyphen and the "not sign" of Fraktur OCR.
const HYPHENS: &[char] = &['-', '\u{AD}', '\u{2010}', '\u{AC}'];

/// White space for joining: Unicode white space plus invisible padding.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Width of a line in characters, trailing space not counted.
fn width(line: &str) -> usize {
    line.trim_end_matches(is_space).chars().count()
}

/// Whether a line ends a sentence: `.` `!` `?` `…` or `:`, maybe inside closing
/// quotes or brackets.
fn ends_sentence(line: &str) -> bool {
    let core = line
        .trim_end_matches(is_space)
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', ')', ']', '*']);
    core.ends_with(['.', '!', '?', '\u{2026}', ':'])
}

/// Whether a (left-trimmed) line opens with a dash or bullet that starts a new
/// item: `— On télégraphie…`, `- item`, `• item`.
fn opens_item(line: &str) -> bool {
    line.starts_with(['\u{2014}', '\u{2013}', '\u{2022}'])
        || line.starts_with("- ")
        || line.starts_with("* ")
}

/// The width most lines of a wrapped text reach: the 80th percentile of the
/// line widths (the longest lines are often OCR noise or a heading set wide).
fn typical_width(lines: &[&str]) -> usize {
    let mut widths: Vec<usize> = lines.iter().map(|l| width(l)).filter(|&w| w > 0).collect();
    if widths.is_empty() {
        return 0;
    }
    widths.sort_unstable();
    widths[(widths.len() * 4 / 5).min(widths.len() - 1)]
}

/// Whether lines with no blank line between them are hard-wrapped text rather
/// than one paragraph per line.
///
/// All of these must agree: at least three lines; lines no wider than a
/// wrapper would make them (typical width 25 to 100 characters; scraped text
/// puts a whole paragraph on a line, far wider); at least two thirds of the
/// lines end without sentence punctuation (one paragraph per line ends nearly
/// every line with one); at least half of the lines reach 60% of the typical
/// width (a stack of bylines and captions is ragged, a wrapped text runs to its
/// margin); and at most a third of the breaks leave room for the next line's
/// first word with 15% to spare (a wrapper fills each line before it breaks).
#[must_use]
pub fn is_wrapped_text(lines: &[&str]) -> bool {
    let lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.trim_matches(is_space).is_empty())
        .collect();
    if lines.len() < 3 {
        return false;
    }
    let typical = typical_width(&lines);
    if !(25..=100).contains(&typical) {
        return false;
    }
    let open = lines.iter().filter(|l| !ends_sentence(l)).count();
    let full = lines
        .iter()
        .filter(|l| width(l) * 10 >= typical * 6)
        .count();
    // A break where the next line's first word would have fitted, with room to
    // spare, was made by a person, not by a wrapper. The room (15% of the
    // width) is for justified columns set in a proportional font, whose lines
    // hold more or fewer characters for the same width.
    let fits = lines
        .windows(2)
        .filter(|pair| match pair {
            [a, b] => {
                let word = b.trim_start_matches(is_space).split(is_space).next();
                (width(a) + 1 + word.map_or(0, |w| w.chars().count())) * 100 <= typical * 85
            }
            _ => false,
        })
        .count();
    open * 3 >= lines.len() * 2 && full * 2 >= lines.len() && fits * 3 < lines.len()
}

/// Whether a paragraph ends after `line`, followed by `next`, in a wrapped text
/// whose lines typically reach `typical` characters: the line ends a sentence
/// well short of the margin, or the next line opens a new item.
#[must_use]
pub fn ends_paragraph(line: &str, next: &str, typical: usize) -> bool {
    let next = next.trim_start_matches(is_space);
    let short = width(line) * 100 < typical * 80;
    (ends_sentence(line) && short) || (opens_item(next) && ends_sentence(line))
}

/// Indices `i` such that a paragraph ends after `lines[i]` (not the last line),
/// for lines that [`is_wrapped_text`] accepted.
#[must_use]
pub fn paragraph_ends(lines: &[&str]) -> Vec<usize> {
    let typical = typical_width(lines);
    lines
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| matches!(pair, [a, b] if ends_paragraph(a, b, typical)))
        .map(|(i, _)| i)
        .collect()
}

/// The words a text writes in full, to decide whether a hyphen at a line end is
/// a syllable break or part of a word (see [`Vocabulary::keeps_hyphen`]).
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Lowercased words as written inside lines (not across a line break),
    /// hyphenated compounds included.
    words: HashSet<String>,
}

impl Vocabulary {
    /// The words of `text` that are written whole on one line.
    #[must_use]
    pub fn of(text: &str) -> Self {
        let mut words = HashSet::new();
        for line in text.split(['\n', '\r']) {
            // A word cut at this line's end is not written whole: skip the last
            // token when it ends with a hyphen.
            for token in line.split(is_space) {
                let token = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                if token.is_empty() || token.ends_with(HYPHENS) {
                    continue;
                }
                words.insert(token.to_lowercase());
            }
        }
        Self { words }
    }

    /// Whether the hyphen between `left` (the line's last word, without its
    /// hyphen) and `right` (the next line's first word) is a real one.
    ///
    /// Evidence first: the text writes `left-right` elsewhere and never
    /// `leftright` keeps it; `leftright` written elsewhere removes it. Without
    /// evidence, a next word opening with a capital or a digit keeps it (a
    /// compound name, a range), one opening in lower case loses it (nearly all
    /// line-end hyphens are syllable breaks).
    #[must_use]
    pub fn keeps_hyphen(&self, left: &str, right: &str) -> bool {
        let key = |s: &str| {
            s.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        let (l, r) = (key(left), key(right));
        let joined = format!("{l}{r}");
        let hyphenated = format!("{l}-{r}");
        match (
            self.words.contains(&joined),
            self.words.contains(&hyphenated),
        ) {
            (true, false) => false,
            (false, true) => true,
            _ => !right
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_lowercase),
        }
    }
}

/// How far an offset of a joined text lies in the file: the joined text is cut
/// into runs copied from the source, each starting at a known offset.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceMap {
    /// `(offset in the joined text, offset in the source)` where each copied run
    /// starts, in increasing order of both.
    runs: Vec<(usize, usize)>,
}

impl SourceMap {
    /// The source offset of byte `at` of the joined text (a joining space maps to
    /// the line break it replaced). Offsets past the end map past the source end.
    #[must_use]
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.runs.partition_point(|&(t, _)| t <= at);
        match i.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(t, s)) => s + (at - t),
            None => at,
        }
    }

    /// Recovers the map of `joined`, made from `source` by this module's rules
    /// (white space runs holding a line break made one space or nothing, a
    /// hyphen before a line break dropped); `None` when `joined` is not such a
    /// joining of `source`.
    #[must_use]
    pub fn recover(source: &str, joined: &str) -> Option<Self> {
        let (s, j) = (source.as_bytes(), joined.as_bytes());
        let (mut si, mut ji) = (0, 0);
        let mut runs = vec![(0, 0)];
        while ji < j.len() || si < s.len() {
            if let Some((end, hyphen)) = break_at(source, si) {
                let rest = joined.get(ji..)?;
                // A hyphen kept by the joining is copied; either way the white
                // space after it is one space or nothing.
                if let Some(h) =
                    hyphen.filter(|&h| source.get(si..si + h).is_some_and(|x| rest.starts_with(x)))
                {
                    ji += h;
                }
                if joined.get(ji..)?.starts_with(' ') {
                    ji += 1;
                }
                si = end;
                runs.push((ji, si));
            } else if si < s.len() && ji < j.len() && s[si] == j[ji] {
                si += 1;
                ji += 1;
            } else {
                return None;
            }
        }
        Some(Self { runs })
    }
}

/// The end of the break starting at `at` (white space with a line terminator,
/// or a hyphen directly followed by such white space), and the hyphen's length
/// when there is one.
fn break_at(source: &str, at: usize) -> Option<(usize, Option<usize>)> {
    let rest = source.get(at..)?;
    let hyphen = rest
        .chars()
        .next()
        .filter(|c| HYPHENS.contains(c))
        .map(char::len_utf8);
    let after = rest.get(hyphen.unwrap_or(0)..)?;
    let space = after.len() - after.trim_start_matches(is_space).len();
    let gap = after.get(..space)?;
    (gap.contains(['\n', '\r'])).then(|| (at + hyphen.unwrap_or(0) + space, hyphen))
}

/// Joins the lines of `source` (one paragraph, several lines) into running text:
/// each line break and the spaces around it become one space; a word hyphenated
/// across a break is made whole unless `vocabulary` says the hyphen is real.
#[must_use]
pub fn join(source: &str, vocabulary: &Vocabulary) -> String {
    let mut out = String::with_capacity(source.len());
    let mut lines = source
        .split('\n')
        .flat_map(|l| l.split('\r'))
        .map(|l| l.trim_matches(is_space))
        .filter(|l| !l.is_empty())
        .peekable();
    while let Some(line) = lines.next() {
        let Some(next) = lines.peek() else {
            out.push_str(line);
            break;
        };
        let left_word = line.rsplit(is_space).next().unwrap_or_default();
        let right_word = next.split(is_space).next().unwrap_or_default();
        let stem = left_word.trim_end_matches(HYPHENS);
        let cut = left_word.len() - stem.len();
        // A syllable break: one hyphen after a letter, a letter after the break.
        let syllable = cut > 0
            && left_word[stem.len()..].chars().count() == 1
            && stem.chars().next_back().is_some_and(char::is_alphabetic)
            && right_word.chars().next().is_some_and(char::is_alphabetic)
            && !vocabulary.keeps_hyphen(stem, right_word);
        if syllable {
            out.push_str(&line[..line.len() - cut]);
        } else if cut > 0 && left_word.len() == cut {
            // A dash standing alone at the end ("avis -"): a space follows.
            out.push_str(line);
            out.push(' ');
        } else if cut > 0 && stem.chars().next_back().is_some_and(char::is_alphanumeric) {
            // A real hyphen kept: the word continues on the next line.
            out.push_str(line);
        } else {
            out.push_str(line);
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> String {
        let out = join(text, &Vocabulary::of(text));
        let map = SourceMap::recover(text.trim(), &out);
        assert!(map.is_some(), "no map from {text:?} to {out:?}");
        out
    }

    #[test]
    fn lines_join_with_one_space() {
        assert_eq!(
            joined("le ministre\nde la marine\n  a reçu"),
            "le ministre de la marine a reçu"
        );
        assert_eq!(joined("a\r\nb\rc"), "a b c");
    }

    #[test]
    fn syllable_breaks_are_undone() {
        assert_eq!(
            joined("on s'en sou-\nvient, donné"),
            "on s'en souvient, donné"
        );
        assert_eq!(joined("jus-\nqu'à la fin"), "jusqu'à la fin");
        assert_eq!(
            joined("une enquê-\nte administrative"),
            "une enquête administrative"
        );
        assert_eq!(joined("Verhand\u{AC}\nlungen"), "Verhandlungen");
    }

    #[test]
    fn real_hyphens_stay() {
        // A capital after the break: a compound name.
        assert_eq!(
            joined("Madame Dunant-\nVaucher et"),
            "Madame Dunant-Vaucher et"
        );
        // A digit: a range.
        assert_eq!(joined("en 1899-\n1900"), "en 1899-1900");
        // The text writes the compound elsewhere, never the joined form.
        assert_eq!(
            joined("le porte-monnaie perdu, un porte-\nmonnaie noir"),
            "le porte-monnaie perdu, un porte-monnaie noir"
        );
        // A dash on its own is not a hyphen.
        assert_eq!(
            joined("le présent avis -\ntiendra lieu"),
            "le présent avis - tiendra lieu"
        );
    }

    #[test]
    fn evidence_of_the_joined_form_wins_over_a_capital() {
        let text = "la Confédération et la Confé-\nDération";
        assert_eq!(joined(text), "la Confédération et la ConféDération");
    }

    #[test]
    fn source_map_points_into_the_file() {
        let source = "le ministre  \n de la ma-\nrine a reçu";
        let out = join(source, &Vocabulary::of(source));
        assert_eq!(out, "le ministre de la marine a reçu");
        let map = SourceMap::recover(source, &out).unwrap();
        for word in ["le", "ministre", "de", "la", "ma", "rine", "a", "reçu"] {
            let at = out.find(word).unwrap();
            let src = map.source_offset(at);
            assert_eq!(&source[src..src + word.len()], word, "{word}");
        }
        // The joining space maps to the break it replaced.
        let space = out.find(" de").unwrap();
        assert!(source[map.source_offset(space)..].starts_with(char::is_whitespace));
    }

    #[test]
    fn recover_refuses_other_edits() {
        assert!(SourceMap::recover("a\nb", "a c").is_none());
        assert!(SourceMap::recover("a b", "ab").is_none());
        assert_eq!(
            SourceMap::recover("", ""),
            Some(SourceMap { runs: vec![(0, 0)] })
        );
    }

    const COLUMN: &str = "\
Paris, 24 septembre. — Le ministre
de la marine a reçu du général Voyron un
télégramme dans lequel ce général annonce
qu'il est arrivé à Takou le 21 et qu'il se
rend à Tien-Tsin.
Toutefois, le ministre de Chine à Was-
hington n'ajoute aucune créance à cette
nouvelle.";

    #[test]
    fn ocr_column_is_wrapped_text() {
        let lines: Vec<&str> = COLUMN.lines().collect();
        assert!(is_wrapped_text(&lines));
        assert_eq!(paragraph_ends(&lines), [4]);
    }

    #[test]
    fn one_paragraph_per_line_is_not_wrapped_text() {
        let scraped = [
            "BAGHDAD (AP) — Iraq's prime minister escaped unharmed after an assassination attempt.",
            "The attack was a major escalation amid tensions sparked by the refusal of militias.",
            "Two drones were shot down, officials said.",
        ];
        assert!(!is_wrapped_text(&scraped));
        let stack = [
            "By QASSIM ABDUL-ZAHRA",
            "Associated Press",
            "November 7, 2021",
        ];
        assert!(!is_wrapped_text(&stack));
        assert!(!is_wrapped_text(&["a", "b"]));
        assert!(!is_wrapped_text(&[]));
    }

    #[test]
    fn paragraph_ends_at_a_short_sentence_end_or_an_opening_dash() {
        assert!(ends_paragraph("nouvelle.", "Paris, 24.", 40));
        assert!(!ends_paragraph(
            "de la marine a reçu du général Voyron.",
            "un",
            40
        ));
        assert!(ends_paragraph(
            "de la marine a reçu du général Voyron.",
            "— On télégraphie",
            40
        ));
        assert!(!ends_paragraph("de la", "suite", 40));
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "-",
            "-\n-",
            "\u{AD}\n\u{AD}",
            "é-\n",
            "\n-\né",
            "a -\n\n- b",
            "\r\r-\r",
        ] {
            let out = join(text, &Vocabulary::of(text));
            let _ = SourceMap::recover(text, &out);
            let lines: Vec<&str> = text.lines().collect();
            let _ = is_wrapped_text(&lines);
            let _ = paragraph_ends(&lines);
        }
    }
}
