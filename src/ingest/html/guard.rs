//! Bounding a page's markup before the parser sees it.
//!
//! The HTML parsing algorithm has quadratic corners that hostile pages reach
//! and real pages never do: every start tag looks down the stack of open
//! elements, so 100,000 nested `<div>`s cost 10¹⁰ steps; formatting elements
//! (`<b>`, `<i>`, `<font>`…) left open are "reconstructed" in every later
//! paragraph, so `<p><b id=1>x</p><p><b id=2>x</p>…` builds a tree that
//! grows with the square of the page (20,000 of them filled 23 GB here).
//!
//! One linear pass over the text removes both corners before parsing:
//! - formatting tags are dropped (their text stays): they carry no meaning
//!   for finding a story, and without them nothing is left to reconstruct;
//! - start tags nested deeper than [`MAX_NESTING`] are dropped with their end
//!   tags, as browsers flatten absurd depth.
//!
//! Nesting is tracked by a light tokenizer that knows comments, raw-text
//! elements (`<script>`, `<style>`…), void elements, quoted attributes and
//! the end tags that close paragraphs and list items implicitly; it needs to
//! be roughly right, not exact, since it only decides what to drop on pages
//! that are far past any real one.

use std::borrow::Cow;

/// Open elements beyond this are dropped. Real pages nest a few dozen deep.
pub const MAX_NESTING: usize = 400;

/// Formatting elements of the parsing algorithm, less `<a>` (links matter,
/// and a new `<a>` closes the last one, so they cannot pile up).
const FORMATTING: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements without end tags.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Start tags that close an open `<p>` (and the like) before them.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// The page with formatting tags and over-deep tags removed; borrowed when
/// nothing had to go.
#[must_use]
pub fn bound(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already copied to `out`
    let mut stack: Vec<String> = Vec::new();
    // How many start tags of each name were dropped and await their end tag.
    let mut dropped: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut i = 0usize;
    let n = bytes.len();
    while i < n {
        let Some(off) = memchr(b'<', &bytes[i..]) else {
            break;
        };
        let lt = i + off;
        let rest = &bytes[lt..];
        if rest.starts_with(b"<!--") {
            i = find(&bytes[lt + 4..], b"-->").map_or(n, |e| lt + 4 + e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', &bytes[lt..]).map_or(n, |e| lt + e + 1);
            continue;
        }
        let end_tag = rest.starts_with(b"</");
        let name_at = lt + if end_tag { 2 } else { 1 };
        if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let name_len = bytes[name_at..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
            .unwrap_or(n - name_at);
        let name =
            String::from_utf8_lossy(&bytes[name_at..name_at + name_len]).to_ascii_lowercase();
        let close = tag_end(bytes, name_at + name_len);
        let mut drop = FORMATTING.contains(&name.as_str());
        if end_tag {
            if let Some(count) = dropped.get_mut(&name).filter(|c| **c > 0) {
                // The end of a start tag that was dropped.
                *count -= 1;
                drop = true;
            } else if let Some(pos) = stack.iter().rposition(|s| *s == name) {
                stack.truncate(pos);
            }
        } else if !drop && !VOID.contains(&name.as_str()) {
            if CLOSES_P.contains(&name.as_str())
                && stack
                    .last()
                    .is_some_and(|t| matches!(t.as_str(), "p" | "li" | "dt" | "dd"))
                && (name != "li" || stack.last().is_some_and(|t| t == "li" || t == "p"))
            {
                stack.pop();
            }
            if stack.len() >= MAX_NESTING {
                drop = true;
                *dropped.entry(name.clone()).or_insert(0) += 1;
            } else {
                stack.push(name.clone());
            }
        }
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = close;
        }
        i = close;
        if !end_tag && !drop && RAW.contains(&name.as_str()) {
            // Skip to this element's end tag: its content holds no tags.
            let closing = format!("</{name}");
            i = find_ci(&bytes[i..], closing.as_bytes()).map_or(n, |e| i + e);
        }
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

/// One past the `>` that ends a tag whose name ends at `from`, quotes
/// respected; the end of the text when it never ends.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => {
                // Quotes only open an attribute value right after `=`.
                let before = bytes[..from + k]
                    .iter()
                    .rev()
                    .find(|c| !c.is_ascii_whitespace());
                if before == Some(&b'=') {
                    quote = Some(b);
                }
            }
            None if b == b'>' => return from + k + 1,
            None => {}
        }
    }
    bytes.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// [`find`], ASCII case-insensitively.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_untouched() {
        let page = "<!doctype html><html><head><script>if (a<b) x('</div>')</script></head>\
                    <body><div class='a>b'><p>One<p>Two<ul><li>x<li>y</ul></div><!-- <div> --></body></html>";
        assert!(matches!(bound(page), Cow::Borrowed(_)));
    }

    #[test]
    fn formatting_tags_go_their_text_stays() {
        assert_eq!(
            bound("<p><b id=1>bold</b> and <I>it</I></p>"),
            "<p>bold and it</p>"
        );
        assert_eq!(
            bound("<a href=x><strong>link</strong></a>"),
            "<a href=x>link</a>"
        );
    }

    #[test]
    fn absurd_depth_is_cut() {
        let html = format!("{}x{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let b = bound(&html);
        assert_eq!(b.matches("<div>").count(), MAX_NESTING);
        assert_eq!(b.matches("</div>").count(), MAX_NESTING);
        assert!(b.contains('x'));
    }

    #[test]
    fn paragraphs_and_items_close_implicitly() {
        let html = "<p>a".repeat(2000);
        assert!(matches!(bound(&html), Cow::Borrowed(_)));
        let html = format!("<ul>{}</ul>", "<li>a".repeat(2000));
        assert!(matches!(bound(&html), Cow::Borrowed(_)));
    }

    #[test]
    fn unterminated_things_end_at_the_end() {
        for s in [
            "<!-- open",
            "<div class='never",
            "<script>for(;;)",
            "<",
            "</",
            "<b",
            "a < b",
        ] {
            let _ = bound(s);
        }
        assert_eq!(bound("<b"), "");
    }
}
