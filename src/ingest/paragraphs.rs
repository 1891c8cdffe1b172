//! Splitting decoded text into paragraphs, keeping each one's line range and byte span.
//!
//! Two conventions meet here. Typed text separates paragraphs by blank lines and
//! may hard-wrap them at a fixed width; scraped text puts one paragraph per line,
//! sometimes with blank lines between, sometimes without, and often stacks short
//! lines (headline, byline, video captions) with no blank line between them.
//!
//! The rule:
//!
//! 1. A file with no blank line *between* two non-empty lines is one paragraph per
//!    non-empty line: such a file is usually scraped text (blank lines before the
//!    first or after the last line do not count). The exception is a file that is
//!    hard-wrapped as a whole (an OCR column, a wrapped mail: most lines end
//!    inside a sentence at a similar width, see [`reflow::is_wrapped_text`]); its
//!    paragraphs end at a short line ending a sentence.
//! 2. Otherwise blank lines split the file into blocks, and each block of several
//!    lines is either hard-wrapped or one paragraph per line, decided per block by
//!    [`is_hard_wrapped`]: every line at most [`WRAP_WIDTH`] characters, the
//!    widest at least [`MIN_WRAP_WIDTH`], and at least half of the line breaks
//!    looking like a wrap rather than a deliberate break. A hard-wrapped block is
//!    one paragraph, or several where a short line ends a sentence.
//!
//! The lines of a hard-wrapped paragraph are joined and its line-end
//! hyphenation undone ([`reflow`]); its line range and byte span still point
//! into the file.
//!
//! A line break looks deliberate ([`is_deliberate_break`]) when enough of these
//! agree (strong signs count 2, weak ones 1, a total of 2 decides):
//! - strong: the line ends a sentence (`.` `!` `?` `…`, maybe inside closing quotes);
//! - strong: the next line's first word would have fitted on this line within the
//!   block's width — a greedy wrapper (editor, `fmt`, mail client) would have put
//!   it there, so a person broke the line on purpose;
//! - strong: the next line starts a list item (`- `, `* `, `• `, `1. `…);
//! - weak: the line ends with `:` or `;`, with a closing quote, or with an
//!   abbreviation like `U.S.` or `Mr.`;
//! - weak: the next line starts with a capital letter (in wrapped prose the next
//!   line mostly continues a sentence in lower case; names are common in news,
//!   so this alone is not enough).
//!
//! Why half, not all: in wrapped prose a sentence ends exactly at a line end now and
//! then, and one such line must not split a whole paragraph into lines. Why these
//! signs: the scraped stacks that must stay apart (`Click to play video: 'Title'`
//! above `Title`; a byline above the agency) end with quotes or without a full
//! line's width and start the next line with a capital, while wrapped prose runs
//! to the margin and continues in lower case.
//!
//! Measured (tests/ingest.rs): greedy-wrapping the bundled sample at 66, 72 or 80
//! columns and splitting it again gives back every paragraph; over widths 40–100
//! about 0.3% of its paragraphs split, all two-line cases a reader would call
//! ambiguous too.

use super::reflow;
use crate::model::{Paragraph, ParagraphKind};

/// Lines wider than this (in characters) are not hard-wrapped prose: no one wraps
/// wider, while scraped paragraphs on one line are usually much longer.
const WRAP_WIDTH: usize = 100;

/// A block whose widest line is narrower than this is a stack of short lines
/// (byline, dateline, list, verse), not prose wrapped at a margin.
const MIN_WRAP_WIDTH: usize = 30;

/// White space for blank lines and trimming: Unicode white space plus the
/// invisible characters scraped text leaves on otherwise empty lines (zero-width
/// space, word joiner, a stray BOM), which no reader would call a paragraph.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// One physical line, without its terminator.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    /// The line's text (no `\n`/`\r`).
    text: &'a str,
    /// Byte offset of the line's first byte in the whole text.
    start: usize,
    /// 1-based physical line number.
    number: usize,
}

impl Line<'_> {
    /// Byte offset one past the line's last byte.
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    fn is_blank(&self) -> bool {
        self.text.chars().all(is_space)
    }

    /// Width in characters, leading indentation included, trailing space not.
    fn width(&self) -> usize {
        self.text.trim_end_matches(is_space).chars().count()
    }
}

/// Physical lines; LF, CRLF and a lone CR each end one. A final terminator does
/// not start another (empty) line, as editors and `wc -l` count.
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let (mut start, mut number) = (0, 1);
    let mut rest = text;
    // Splitting at ASCII bytes keeps every slice on a char boundary.
    while let Some(i) = rest.find(['\n', '\r']) {
        let (line, after) = rest.split_at(i);
        out.push(Line {
            text: line,
            start,
            number,
        });
        let terminator = if after.starts_with("\r\n") { 2 } else { 1 };
        rest = after.get(terminator..).unwrap_or_default();
        start += i + terminator;
        number += 1;
    }
    if !rest.is_empty() {
        out.push(Line {
            text: rest,
            start,
            number,
        });
    }
    out
}

/// How strongly the end of a line says "this is where something ends": 2 for a
/// sentence end, 1 for a clause end, closing quote or abbreviation, 0 otherwise.
fn end_weight(line: &str) -> u8 {
    const CLOSERS: &[char] = &[
        '"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', '\u{203A}', ')', ']', '}', '*', '_',
    ];
    const QUOTES: &[char] = &['"', '\'', '\u{201D}', '\u{2019}', '\u{BB}', '\u{203A}'];
    let line = line.trim_end_matches(is_space);
    let core = line.trim_end_matches(CLOSERS);
    let quoted = line
        .get(core.len()..)
        .is_some_and(|closers| closers.contains(QUOTES));
    match core.chars().next_back() {
        Some('.') if is_abbreviation(core) => 1,
        Some('.' | '!' | '?' | '\u{2026}') => 2,
        Some(':' | ';') => 1,
        _ if quoted => 1,
        _ => 0,
    }
}

/// Whether `s` (ending in `.`) ends with an abbreviation such as `U.S.`, `Mr.`,
/// `Gen.`: a dotted word or a short capitalised one.
fn is_abbreviation(s: &str) -> bool {
    let word = s
        .rsplit(is_space)
        .next()
        .unwrap_or_default()
        .trim_start_matches(['(', '"', '\'', '\u{201C}', '\u{2018}']);
    let stem = word.strip_suffix('.').unwrap_or(word);
    let letters = stem.chars().count();
    let capitalised = stem.chars().next().is_some_and(char::is_uppercase);
    (stem.contains('.') && letters <= 6) || (capitalised && (1..=3).contains(&letters))
}

/// Opening punctuation that may precede the first letter of a line.
const OPENERS: &[char] = &[
    '"', '\'', '\u{201C}', '\u{2018}', '\u{AB}', '\u{2039}', '(', '[', '\u{BF}', '\u{A1}',
];

/// Whether a (left-trimmed) line starts a list item: a bullet or `1.`/`1)` and a space.
fn starts_list_item(line: &str) -> bool {
    if ["- ", "* ", "+ ", "\u{2022} ", "\u{B7} "]
        .iter()
        .any(|b| line.starts_with(b))
    {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    // Digits are ASCII, so `digits` is also a byte offset.
    (1..=2).contains(&digits)
        && line
            .get(digits..)
            .is_some_and(|r| r.starts_with(". ") || r.starts_with(") "))
}

/// Whether the break between `line` and `next` looks deliberate rather than a
/// wrap at a margin of `width` characters (see the module comment for the signs).
fn is_deliberate_break(line: &Line<'_>, next: &Line<'_>, width: usize) -> bool {
    let next_text = next.text.trim_start_matches(is_space);
    let mut weight = end_weight(line.text);
    if starts_list_item(next_text) {
        weight += 2;
    }
    let first_word = next_text.split(is_space).next().unwrap_or_default();
    if line.width() + 1 + first_word.chars().count() <= width {
        weight += 2;
    }
    if next_text
        .trim_start_matches(OPENERS)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
    {
        weight += 1;
    }
    weight >= 2
}

/// Whether a block (non-empty lines between blank ones) is one hard-wrapped
/// paragraph rather than one paragraph per line.
fn is_hard_wrapped(block: &[Line<'_>]) -> bool {
    if block.len() < 2 {
        return true; // one line is one paragraph either way
    }
    let width = block.iter().map(Line::width).max().unwrap_or(0);
    if !(MIN_WRAP_WIDTH..=WRAP_WIDTH).contains(&width) {
        return false;
    }
    let breaks = block
        .windows(2)
        .filter(|pair| match pair {
            [line, next] => is_deliberate_break(line, next, width),
            _ => false,
        })
        .count();
    let wraps = block.len() - 1 - breaks;
    breaks <= wraps
}

/// Splits `text` into paragraphs (all `Story`, reason `None`; classified later).
///
/// Paragraph `i` has `id == i`; its `text` is exactly `text[byte_start..byte_end]`,
/// trimmed of surrounding white space, with the inner line breaks of a
/// hard-wrapped paragraph kept as they are. Empty or blank text has none.
#[must_use]
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut blocks: Vec<Vec<Line<'_>>> = Vec::new();
    let mut current: Vec<Line<'_>> = Vec::new();
    for line in lines(text) {
        if line.is_blank() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    // Blank lines only before the first or after the last block do not count.
    let has_blank_between = blocks.len() > 1;
    let mut spans: Vec<(Line<'_>, Line<'_>)> = Vec::new();
    for block in &blocks {
        if !has_blank_between && let Some(paras) = reflow_block(block) {
            spans.extend(paras);
            continue;
        }
        match (block.first(), block.last()) {
            (Some(_), Some(_)) if has_blank_between && is_hard_wrapped(block) => {
                spans.extend(wrapped_paragraphs(block));
            }
            _ => spans.extend(block.iter().map(|l| (*l, *l))),
        }
    }
    let vocabulary = spans
        .iter()
        .any(|(a, b)| a.number != b.number)
        .then(|| reflow::Vocabulary::of(text));
    spans
        .into_iter()
        .enumerate()
        .map(|(id, (first, last))| {
            let mut p = paragraph(text, id, &first, &last);
            if let Some(vocabulary) = vocabulary.as_ref().filter(|_| p.line_start < p.line_end) {
                p.text = reflow::join(&p.text, vocabulary);
            }
            p
        })
        .collect()
}

/// A block with no blank line around it that is hard-wrapped text as a whole
/// (an OCR column, a wrapped mail): its paragraphs, by [`reflow`]'s evidence.
fn reflow_block<'a>(block: &[Line<'a>]) -> Option<Vec<(Line<'a>, Line<'a>)>> {
    let texts: Vec<&str> = block.iter().map(|l| l.text).collect();
    reflow::is_wrapped_text(&texts).then(|| wrapped_paragraphs(block))
}

/// The paragraphs of a hard-wrapped block: it ends one where [`reflow`] sees a
/// paragraph end (a short line ending a sentence), as in an OCR column.
fn wrapped_paragraphs<'a>(block: &[Line<'a>]) -> Vec<(Line<'a>, Line<'a>)> {
    let texts: Vec<&str> = block.iter().map(|l| l.text).collect();
    let mut out = Vec::new();
    let mut start = 0;
    for end in reflow::paragraph_ends(&texts)
        .into_iter()
        .chain([block.len().saturating_sub(1)])
    {
        if let (Some(first), Some(last)) = (block.get(start), block.get(end)) {
            out.push((*first, *last));
        }
        start = end + 1;
    }
    out
}

/// The paragraph from `first` to `last` (inclusive), its span trimmed of space.
fn paragraph(text: &str, id: usize, first: &Line<'_>, last: &Line<'_>) -> Paragraph {
    let raw = text.get(first.start..last.end()).unwrap_or_default();
    let trimmed_front = raw.trim_start_matches(is_space);
    let byte_start = first.start + (raw.len() - trimmed_front.len());
    let byte_end = byte_start + trimmed_front.trim_end_matches(is_space).len();
    Paragraph {
        id,
        line_start: first.number,
        line_end: last.number,
        byte_start,
        byte_end,
        text: text
            .get(byte_start..byte_end)
            .unwrap_or_default()
            .to_string(),
        kind: ParagraphKind::Story,
        reason: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line_start, line_end, text) of each paragraph, checking the span invariants.
    fn summary(text: &str) -> Vec<(usize, usize, String)> {
        let paragraphs = split_paragraphs(text);
        for (i, p) in paragraphs.iter().enumerate() {
            assert_eq!(p.id, i);
            let slice = &text[p.byte_start..p.byte_end];
            if p.line_start == p.line_end {
                assert_eq!(slice, p.text);
            } else {
                assert!(reflow::SourceMap::recover(slice, &p.text).is_some());
            }
            assert!(!p.text.is_empty());
            assert_eq!(p.text.trim_matches(is_space), p.text);
            assert!(p.line_start <= p.line_end);
            assert_eq!(p.kind, ParagraphKind::Story);
            assert_eq!(p.reason, None);
        }
        paragraphs
            .into_iter()
            .map(|p| (p.line_start, p.line_end, p.text))
            .collect()
    }

    fn one(start: usize, end: usize, text: &str) -> (usize, usize, String) {
        (start, end, text.to_string())
    }

    const WRAPPED: &str = "\
The prime minister said on Sunday that the attack on his residence would
not go unanswered, and that the country needed calm and restraint from
all sides while investigators established who had launched the drones.";

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let got: Vec<(usize, usize, &str)> = lines("a\r\nb\rc\n\nd\n")
            .iter()
            .map(|l| (l.number, l.start, l.text))
            .collect();
        assert_eq!(
            got,
            [
                (1, 0, "a"),
                (2, 3, "b"),
                (3, 5, "c"),
                (4, 7, ""),
                (5, 8, "d")
            ]
        );
        assert!(lines("").is_empty());
        assert_eq!(lines("\r\r").len(), 2);
        assert_eq!(lines("\n\r").len(), 2); // LF then CR: two terminators, not one
    }

    #[test]
    fn one_per_line_without_blank_lines() {
        assert_eq!(
            summary("a b\nc d\n\u{20}e\n"),
            [one(1, 1, "a b"), one(2, 2, "c d"), one(3, 3, "e")]
        );
    }

    #[test]
    fn hard_wrapped_file_without_blank_lines_is_joined() {
        // An OCR column or a wrapped mail has no blank line at all: its lines
        // are joined when the text as a whole is hard-wrapped (reflow.rs).
        assert_eq!(summary(WRAPPED), [one(1, 3, &WRAPPED.replace('\n', " "))]);
        // Blank lines before the first or after the last line are not "between".
        let padded = format!("\n\n{WRAPPED}\n\n\n");
        assert_eq!(summary(&padded)[0].0, 3);
        assert_eq!(summary(&padded)[0].1, 5);
    }

    #[test]
    fn blank_lines_separate_and_count() {
        assert_eq!(summary("a\n\nb"), [one(1, 1, "a"), one(3, 3, "b")]);
        assert_eq!(
            summary("a\n\nb\n\n\nc"),
            [one(1, 1, "a"), one(3, 3, "b"), one(6, 6, "c")]
        );
    }

    #[test]
    fn white_space_only_lines_are_blank() {
        assert_eq!(
            summary("a\n \t\u{a0}\u{3000}\nb\n\u{200B}\nc"),
            [one(1, 1, "a"), one(3, 3, "b"), one(5, 5, "c")]
        );
    }

    #[test]
    fn hard_wrapped_block_is_one_paragraph() {
        let text = format!("Headline\n\n{WRAPPED}\n\nNext paragraph.");
        let got = summary(&text);
        assert_eq!(
            got,
            [
                one(1, 1, "Headline"),
                one(3, 5, &WRAPPED.replace('\n', " ")),
                one(7, 7, "Next paragraph.")
            ]
        );
    }

    #[test]
    fn wrapped_block_ends_a_paragraph_at_a_short_sentence_end() {
        // An OCR column between blank lines: its paragraphs are not separated.
        let text = "\
Dépêches.

Paris, 24 septembre. — Le ministre de la
marine a reçu du général Voyron un télé-
gramme de Takou.
Toutefois, le ministre de Chine à Was-
hington n'ajoute aucune créance à cette
nouvelle, que personne ne confirme.";
        let got = summary(text);
        assert_eq!(
            got.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(),
            [(1, 1), (3, 5), (6, 8)]
        );
        assert!(got[1].2.ends_with("un télégramme de Takou."));
        assert!(
            got[2]
                .2
                .starts_with("Toutefois, le ministre de Chine à Washington")
        );
    }

    #[test]
    fn wrapped_paragraph_with_crlf_is_joined_and_points_into_the_file() {
        let crlf = WRAPPED.replace('\n', "\r\n");
        let text = format!("Title here\r\n\r\n{crlf}\r\n");
        let got = summary(&text);
        assert_eq!(
            got,
            [
                one(1, 1, "Title here"),
                one(3, 5, &WRAPPED.replace('\n', " "))
            ]
        );
        let p = &split_paragraphs(&text)[1];
        assert_eq!(p.byte_start, "Title here\r\n\r\n".len());
    }

    #[test]
    fn wrapped_paragraph_survives_one_sentence_ending_at_a_line_end() {
        let text = "\
Officials said the drones were launched from a site east of Baghdad.
The militias, which are close to Iran, denied any role in the attack and
accused the government of staging it to distract from the election.

End.";
        assert_eq!(summary(text).len(), 2);
    }

    #[test]
    fn two_line_wrapped_paragraph_is_one() {
        let text = "\
Iraqi officials said the drones were launched from a site east of the capital
and that two of them were shot down by the guards at the residence.

Second.";
        assert_eq!(summary(text)[0].1, 2);
    }

    #[test]
    fn block_of_long_lines_is_one_paragraph_per_line() {
        let long1 = "BAGHDAD (AP) \u{2014} Iraq\u{2019}s prime minister escaped unharmed after an assassination attempt with armed drones that targeted his residence early Sunday";
        let long2 = "The attack was a major escalation amid tensions sparked by the refusal of Iran-backed militias to accept last month\u{2019}s parliamentary election results";
        let text = format!("{long1}\n{long2}\n\nOther.");
        assert_eq!(
            summary(&text),
            [one(1, 1, long1), one(2, 2, long2), one(4, 4, "Other.")]
        );
    }

    #[test]
    fn headline_over_a_long_line_is_two_paragraphs() {
        let long = "Iraq\u{2019}s prime minister escaped unharmed after an assassination attempt with armed drones that targeted his residence";
        let text = format!("Iraq PM survives drone attack on his home\n{long}\n\nMore.");
        assert_eq!(summary(&text).len(), 3);
    }

    #[test]
    fn scraped_caption_stacks_are_one_paragraph_per_line() {
        let text = "\
Headline

Click to play video: 'Iraqi prime minister survives exploding drone assassination attempt'
Iraqi prime minister survives exploding drone assassination attempt
WATCH: Iraqi prime minister survives exploding drone assassination attempt \u{2013} Nov 7, 2021

Click to play video: 'Rocket attack on military base in Iraq under investigation: White House'
Rocket attack on military base in Iraq under investigation: White House";
        let got = summary(text);
        assert_eq!(
            got.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(),
            [(1, 1), (3, 3), (4, 4), (5, 5), (7, 7), (8, 8)]
        );
    }

    #[test]
    fn short_stacked_lines_are_one_paragraph_per_line() {
        let text = "By QASSIM ABDUL-ZAHRA\nAssociated Press\n\nBody.";
        assert_eq!(summary(text).len(), 3);
    }

    #[test]
    fn short_complete_sentences_are_one_paragraph_per_line() {
        let text = "\
The attack came at about 2 a.m. local time on Sunday morning.
Two drones were shot down by the security forces.
Nobody claimed responsibility for it by the evening.

End.";
        assert_eq!(summary(text).len(), 4);
    }

    #[test]
    fn list_items_are_one_paragraph_per_line() {
        let text = "\
Read more about the attack and the political crisis in Iraq here:
- Iraqi prime minister survives drone attack on his residence
- Militias reject the results of the parliamentary elections

End.";
        assert_eq!(summary(text).len(), 4);
    }

    #[test]
    fn line_end_weights() {
        assert_eq!(end_weight("so it ended."), 2);
        assert_eq!(end_weight("so it ended.\u{201D}"), 2);
        assert_eq!(end_weight("did it end?) "), 2);
        assert_eq!(end_weight("he said:"), 1);
        assert_eq!(end_weight("video: 'Title'"), 1);
        assert_eq!(end_weight("troops in the U.S."), 1);
        assert_eq!(end_weight("said Mr."), 1);
        assert_eq!(end_weight("the attack and"), 0);
        assert_eq!(end_weight(""), 0);
    }

    #[test]
    fn list_item_starts() {
        assert!(starts_list_item("- item"));
        assert!(starts_list_item("12) item"));
        assert!(starts_list_item("3. item"));
        assert!(!starts_list_item("2021. The"));
        assert!(!starts_list_item("-5 degrees"));
        assert!(!starts_list_item("plain"));
    }

    #[test]
    fn lone_cr_and_crlf_line_numbers_and_offsets() {
        let text = "a\r\n\r\nb\r\rc";
        assert_eq!(
            summary(text),
            [one(1, 1, "a"), one(3, 3, "b"), one(5, 5, "c")]
        );
        let p = split_paragraphs(text);
        assert_eq!((p[2].byte_start, p[2].byte_end), (8, 9));
    }

    #[test]
    fn spans_are_trimmed_and_exact() {
        let text =
            "  lead space\u{a0}\n\n\t\u{e9}t\u{e9} tabbed  \n\n\u{3000}\u{4e2d}\u{6587}\u{3000}";
        let p = split_paragraphs(text);
        assert_eq!(
            p.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            ["lead space", "\u{e9}t\u{e9} tabbed", "\u{4e2d}\u{6587}"]
        );
        assert_eq!(p[0].byte_start, 2);
        assert_eq!(p[1].byte_start, "  lead space\u{a0}\n\n\t".len());
        summary(text);
    }

    #[test]
    fn empty_and_blank_text_have_no_paragraphs() {
        for text in [
            "",
            " ",
            "\n",
            "\r\n\r\n",
            " \n\r\n\t",
            "\u{a0}\u{2028}\u{2029}\u{85}",
        ] {
            assert!(split_paragraphs(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "\r",
            "\n\r\n\r",
            "\u{2028}x\u{2029}",
            "\r\r\nx\r",
            "x\n\n\n",
            "\u{FEFF}x",
            "\u{1F600}\r\n\r\n\u{1F600}",
            "\0\n\n\0",
        ] {
            summary(text);
        }
    }

    #[test]
    fn ids_are_positions() {
        for (i, p) in split_paragraphs("a\nb\nc").iter().enumerate() {
            assert_eq!(p.id, i);
        }
    }
}
