//! Splitting decoded text into paragraphs, keeping each one's line range and byte span.
//!
//! Two conventions meet here. Typed text separates paragraphs by blank lines and
//! may hard-wrap them; scraped text puts one paragraph per line, sometimes with
//! blank lines between, sometimes without. So: a file without blank lines has one
//! paragraph per line; otherwise blank lines separate blocks, and a block of
//! several lines is one hard-wrapped paragraph only when its lines look wrapped
//! (short, mostly not ending a sentence) — a block of long, complete lines is one
//! paragraph per line.

use crate::model::{Paragraph, ParagraphKind};

/// Lines wider than this (in characters) are not hard-wrapped prose.
const WRAP_WIDTH: usize = 100;

/// One physical line: byte range without its terminator, and 1-based number.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    number: usize,
}

/// Physical lines; LF, CRLF and a lone CR each end one.
fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut i, mut number) = (0, 0, 1);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(Line {
                    start,
                    end: i,
                    number,
                });
                i += 1;
            }
            b'\r' => {
                out.push(Line {
                    start,
                    end: i,
                    number,
                });
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            }
            _ => {
                i += 1;
                continue;
            }
        }
        start = i;
        number += 1;
    }
    if start < bytes.len() {
        out.push(Line {
            start,
            end: bytes.len(),
            number,
        });
    }
    out
}

fn is_blank(text: &str, l: &Line) -> bool {
    text[l.start..l.end].trim().is_empty()
}

/// Whether the lines of a block read as one hard-wrapped paragraph.
fn looks_wrapped(text: &str, block: &[Line]) -> bool {
    let (body, _) = block.split_at(block.len() - 1);
    let narrow = body
        .iter()
        .all(|l| text[l.start..l.end].chars().count() <= WRAP_WIDTH);
    let ends_sentence = body
        .iter()
        .filter(|l| {
            let t = text[l.start..l.end].trim_end();
            t.ends_with(['.', '!', '?', '"', '”', ':'])
        })
        .count();
    narrow && ends_sentence * 2 <= body.len()
}

/// Splits `text` into paragraphs (all `Story`, to be classified later).
#[must_use]
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let all = lines(text);
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut saw_blank_between = false;
    for l in &all {
        if is_blank(text, l) {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
                saw_blank_between = true;
            }
        } else {
            current.push(*l);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    let mut spans: Vec<(Line, Line)> = Vec::new();
    for block in blocks {
        if saw_blank_between && looks_wrapped(text, &block) {
            spans.push((block[0], block[block.len() - 1]));
        } else {
            spans.extend(block.iter().map(|l| (*l, *l)));
        }
    }
    spans
        .into_iter()
        .enumerate()
        .map(|(id, (first, last))| {
            let raw = &text[first.start..last.end];
            let lead = raw.len() - raw.trim_start().len();
            let trail = raw.len() - raw.trim_end().len();
            let (byte_start, byte_end) = (first.start + lead, last.end - trail);
            Paragraph {
                id,
                line_start: first.number,
                line_end: last.number,
                byte_start,
                byte_end,
                text: text[byte_start..byte_end].to_string(),
                kind: ParagraphKind::Story,
                reason: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(text: &str) -> Vec<(usize, usize, String)> {
        split_paragraphs(text)
            .into_iter()
            .map(|p| (p.line_start, p.line_end, p.text))
            .collect()
    }

    #[test]
    fn one_per_line_without_blank_lines() {
        assert_eq!(
            summary("a b\nc d\n\u{20}e\n"),
            vec![
                (1, 1, "a b".into()),
                (2, 2, "c d".into()),
                (3, 3, "e".into())
            ]
        );
    }

    #[test]
    fn blank_lines_separate_and_count() {
        assert_eq!(
            summary("a\n\nb\n\n\nc"),
            vec![(1, 1, "a".into()), (3, 3, "b".into()), (6, 6, "c".into())]
        );
    }

    #[test]
    fn hard_wrapped_block_is_one_paragraph() {
        let t = "The minister said on Sunday that the\nattack would not go unanswered and\nthat calm was needed.\n\nNext.";
        let p = split_paragraphs(t);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].line_start, p[0].line_end), (1, 3));
        assert_eq!(&t[p[0].byte_start..p[0].byte_end], p[0].text);
    }

    #[test]
    fn block_of_complete_lines_is_split() {
        let t = "First full paragraph ends here.\nSecond full paragraph ends here.\n\nThird.";
        assert_eq!(split_paragraphs(t).len(), 3);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let t = "a\r\n\r\nb\r\rc";
        assert_eq!(
            summary(t),
            vec![(1, 1, "a".into()), (3, 3, "b".into()), (5, 5, "c".into())]
        );
        let p = split_paragraphs(t);
        assert_eq!(&t[p[2].byte_start..p[2].byte_end], "c");
    }

    #[test]
    fn spans_are_trimmed_and_exact() {
        let t = "  lead space\n\n\ttabbed  ";
        for p in split_paragraphs(t) {
            assert_eq!(&t[p.byte_start..p.byte_end], p.text);
            assert_eq!(p.text, p.text.trim());
        }
    }

    #[test]
    fn empty_and_blank_text_have_no_paragraphs() {
        assert!(split_paragraphs("").is_empty());
        assert!(split_paragraphs(" \n\r\n\t").is_empty());
    }

    #[test]
    fn ids_are_positions() {
        for (i, p) in split_paragraphs("a\nb\nc").iter().enumerate() {
            assert_eq!(p.id, i);
        }
    }
}
