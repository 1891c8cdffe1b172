//! A web page as a version: decoded, its story extracted, named by its outlet.
//!
//! The version's text is the page's text as extracted, one paragraph per line
//! with a blank line between, so line numbers and byte spans mean the same as
//! for a text file; each paragraph's kind is the extraction's verdict (the
//! boilerplate classifier adds to it, see `boilerplate`). The label is the
//! outlet's name: the page's site name, else the host of its canonical URL (or
//! of the URL it was fetched from), else the file stem.

use super::html::{self, Extraction, charset};
use super::{Input, label_of};
use crate::model::{Paragraph, Version};

/// Whether an input is an HTML page: by its extension, else by its bytes
/// (`.txt` and `.md` files are text whatever they hold).
#[must_use]
pub fn is_html(path: &str, bytes: &[u8]) -> bool {
    let ext = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => true,
        Some("txt" | "text" | "md" | "markdown") => false,
        _ => html::looks_like_html(bytes),
    }
}

/// Where a page's bytes came from, when fetched.
#[derive(Debug, Clone, Default)]
pub struct Origin<'a> {
    /// The charset of the HTTP `Content-Type`.
    pub http_charset: Option<&'a str>,
    /// The URL the bytes were finally read from (after redirects).
    pub url: Option<&'a str>,
}

/// The page `input` as a version (its bytes already judged not binary).
#[must_use]
pub fn version(input: &Input, origin: &Origin<'_>, mut notes: Vec<String>) -> Version {
    let decoded = charset::decode(&input.bytes, origin.http_charset);
    notes.extend(decoded.notes);
    let mut extraction = html::extract(&decoded.text);
    extraction.metadata.fetched_from = origin.url.map(str::to_string);
    if extraction.story().next().is_none() {
        notes.push("no article found: the page's text is all page furniture".into());
    }
    let label = outlet(&extraction).unwrap_or_else(|| label_of(&input.path));
    let (text, paragraphs) = lay_out(&extraction);
    Version {
        path: input.path.clone(),
        label,
        text,
        encoding: decoded.encoding,
        notes,
        paragraphs,
        file: input.file,
        metadata: Some(extraction.metadata),
    }
}

/// The outlet's name: site name, else the host of the canonical or fetched URL.
fn outlet(e: &Extraction) -> Option<String> {
    let m = &e.metadata;
    m.site_name
        .clone()
        .or_else(|| m.canonical_url.as_deref().and_then(host))
        .or_else(|| m.fetched_from.as_deref().and_then(host))
}

/// The host of an `http(s)` URL, without `www.`, port or credentials.
#[must_use]
pub fn host(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = if host.starts_with('[') {
        host.split(']').next().map(|h| format!("{h}]"))?
    } else {
        host.split(':').next()?.to_string()
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The extraction's paragraphs as a text (one per line, blank lines between)
/// and its paragraphs with their lines and spans.
fn lay_out(e: &Extraction) -> (String, Vec<Paragraph>) {
    let mut text = String::new();
    let mut paragraphs = Vec::with_capacity(e.paragraphs.len());
    for (id, p) in e.paragraphs.iter().enumerate() {
        if id > 0 {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&p.text);
        let line = 2 * id + 1;
        paragraphs.push(Paragraph {
            id,
            line_start: line,
            line_end: line,
            byte_start: start,
            byte_end: text.len(),
            text: p.text.clone(),
            kind: p.kind,
            reason: p.reason.clone(),
        });
    }
    (text, paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    fn input(path: &str, html: &str) -> Input {
        Input {
            path: path.into(),
            bytes: html.as_bytes().to_vec(),
            file: None,
        }
    }

    const PAGE: &str = "<html><head><title>Bridge closes</title>\
        <link rel=canonical href='https://www.news.example/a/b'></head><body>\
        <nav><a href=/>Home</a> <a href=/w>World</a></nav><article><h1>Bridge closes</h1>\
        <p>The council voted on Tuesday, after a long debate, to close the bridge.</p>\
        <p>Repairs will take a year, officials said, and cost more than planned.</p>\
        </article></body></html>";

    #[test]
    fn extensions_then_bytes_decide() {
        assert!(is_html("a/page.HTML", b"plain"));
        assert!(!is_html("a/story.txt", b"<!doctype html>"));
        assert!(is_html("-", b"<!doctype html>"));
        assert!(!is_html("-", b"Just text."));
    }

    #[test]
    fn a_page_becomes_a_version_named_by_its_outlet() {
        let v = version(
            &input("saved/page.html", PAGE),
            &Origin::default(),
            Vec::new(),
        );
        assert_eq!(v.label, "news.example");
        let kinds: Vec<ParagraphKind> = v.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Boilerplate,
                ParagraphKind::Headline,
                ParagraphKind::Story,
                ParagraphKind::Story
            ]
        );
        for p in &v.paragraphs {
            assert_eq!(&v.text[p.byte_start..p.byte_end], p.text);
            assert_eq!(
                v.text.split('\n').nth(p.line_start - 1),
                Some(p.text.as_str())
            );
        }
        assert_eq!(
            v.metadata.as_ref().and_then(|m| m.canonical_url.as_deref()),
            Some("https://www.news.example/a/b")
        );
        assert!(v.notes.is_empty(), "{:?}", v.notes);
    }

    #[test]
    fn labels_fall_back_to_the_fetched_host_then_the_stem() {
        let bare = "<p>The council voted on Tuesday, after a long debate, to close it.</p>";
        let fetched = Origin {
            http_charset: None,
            url: Some("http://127.0.0.1:8080/x"),
        };
        assert_eq!(
            version(&input("u", bare), &fetched, Vec::new()).label,
            "127.0.0.1"
        );
        assert_eq!(
            version(&input("dir/cnn.html", bare), &Origin::default(), Vec::new()).label,
            "cnn"
        );
    }

    #[test]
    fn a_page_without_article_says_so() {
        let v = version(
            &input("p.html", "<nav><a href=/>Home</a></nav>"),
            &Origin::default(),
            Vec::new(),
        );
        assert!(
            v.notes.iter().any(|n| n.starts_with("no article")),
            "{:?}",
            v.notes
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.Example.com:443/x?y").as_deref(),
            Some("example.com")
        );
        assert_eq!(host("http://user@news.test").as_deref(), Some("news.test"));
        assert_eq!(host("ftp://x.test/"), None);
        assert_eq!(host("not a url"), None);
    }
}
