//! A version's label: what a reader calls it. The outlet when the text says
//! so on a line of its own (`Source: Reuters`, `Via: AP` at the top or the
//! end), else the file's stem, with a long hexadecimal run (a hash or an id
//! a crawler gave it: `004_df9df1410c909adf`) cut short, since nobody reads
//! or remembers one; `stdin` for standard input. Saved pages are named by
//! their metadata instead (`super::page`), and `--label` overrides all.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::Paragraph;

/// Paragraphs at each end of the text where a source line is looked for.
const SOURCE_LINES_AT_ENDS: usize = 3;

/// Hexadecimal runs at least this long are read as hashes.
const HASH_MIN: usize = 12;

/// Characters of a hash kept in a label.
const HASH_KEPT: usize = 6;

/// The label of a text input at `path` with `paragraphs`.
#[must_use]
pub fn label(path: &str, paragraphs: &[Paragraph]) -> String {
    source_line(paragraphs).unwrap_or_else(|| label_of(path))
}

/// A short label from the path alone: its file stem, hashes cut short, or `stdin`.
#[must_use]
pub fn label_of(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    let stem = std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned());
    shorten_hashes(&stem)
}

/// `stem` with every hexadecimal run of [`HASH_MIN`] characters or more
/// that holds both digits and letters cut to its first [`HASH_KEPT`] and `…`.
fn shorten_hashes(stem: &str) -> String {
    let chars: Vec<char> = stem.chars().collect();
    let mut out = String::with_capacity(stem.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if run == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let part = &chars[i..i + run];
        let hashlike = run >= HASH_MIN
            && part.iter().any(char::is_ascii_digit)
            && part.iter().any(char::is_ascii_alphabetic);
        if hashlike {
            out.extend(&part[..HASH_KEPT]);
            out.push('…');
        } else {
            out.extend(part);
        }
        i += run;
    }
    out
}

/// The outlet a line of its own names at either end of the text:
/// `Source: Reuters`, `Via: The Associated Press` (a short name, not a
/// sentence).
fn source_line(paragraphs: &[Paragraph]) -> Option<String> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = RE
        .get_or_init(|| Regex::new(r"(?i)^\s*(?:source|via)\s*:\s*(\S.{0,38}?)\s*\.?\s*$").ok())
        .as_ref()?;
    let n = paragraphs.len();
    let ends = paragraphs.iter().take(SOURCE_LINES_AT_ENDS).chain(
        paragraphs.iter().skip(
            n.saturating_sub(SOURCE_LINES_AT_ENDS)
                .max(SOURCE_LINES_AT_ENDS),
        ),
    );
    ends.filter_map(|p| re.captures(&p.text))
        .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
        .find(|name| {
            // A name, not a clause: few words, no sentence inside.
            name.split_whitespace().count() <= 5 && !name.contains(['.', '!', '?', ',', ';'])
                || name.ends_with(".com")
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::split_paragraphs;

    #[test]
    fn hashes_are_cut_short_and_names_kept() {
        assert_eq!(
            label_of("assets/sample/004_df9df1410c909adf.txt"),
            "004_df9df1…"
        );
        assert_eq!(label_of("a/b/reuters-2021-11-07.txt"), "reuters-2021-11-07");
        assert_eq!(label_of("deadbeefcafe.txt"), "deadbeefcafe"); // no digit: a word
        assert_eq!(label_of("20211107123456.txt"), "20211107123456"); // no letter: a date
        assert_eq!(label_of("-"), "stdin");
        assert_eq!(label_of("v2"), "v2");
    }

    #[test]
    fn a_source_line_at_either_end_names_the_outlet() {
        let top = split_paragraphs("Source: Reuters\n\nTroops deployed on Sunday.\n\nMore text.\n");
        assert_eq!(label("x/1a2b3c4d5e6f7a8b.txt", &top), "Reuters");
        let end =
            split_paragraphs("One.\n\nTwo.\n\nThree.\n\nFour.\n\nVia: The Associated Press\n");
        assert_eq!(label("story.txt", &end), "The Associated Press");
    }

    #[test]
    fn a_sentence_about_a_source_is_not_a_label() {
        for text in [
            "Source: officials said the attack was carried out by two drones, and more.\n",
            "The source: a senior official.\n\nText.\n",
            "Text one.\n\nText two.\n\nText three.\n\nText four.\n\nSource: police, who said more.\n",
        ] {
            assert_eq!(
                label("story.txt", &split_paragraphs(text)),
                "story",
                "{text}"
            );
        }
        // In the middle of a long text, not at an end: not a label.
        let middle = split_paragraphs("A.\n\nB.\n\nC.\n\nSource: Reuters\n\nD.\n\nE.\n\nF.\n");
        assert_eq!(label("story.txt", &middle), "story");
    }
}
