//! Parsing a page and flattening its DOM into text blocks.
//!
//! The page is parsed by html5ever (through `scraper`), the parser browsers'
//! rules are written for, so broken markup ends up as a browser would show it;
//! [`super::guard`] first takes out what would make that parse quadratic.
//! The tree is then walked once, in document order and without recursion, into
//! two flat tables that the rest of the extraction works on:
//!
//! - [`Element`]s: the block-level elements (the containers a story can live
//!   in), in pre-order, each with its parent, the range of its descendants and
//!   the words of its `class` and `id`;
//! - [`Block`]s: runs of text between block boundaries (a paragraph, a heading,
//!   a list item, a caption), each with the element it sits in, how much of it
//!   is link text, and what its ancestors are ([`Context`]).
//!
//! Depth is bounded: elements nested deeper than [`MAX_DEPTH`] get no entry of
//! their own and their text joins the deepest element that has one, as
//! browsers flatten absurdly deep trees. Everything here is linear in the page.

use scraper::{Html, Node};

/// Nesting beyond this is hostile or broken; real pages stay far below it.
pub const MAX_DEPTH: usize = 256;

/// What the ancestors of a block are: the landmarks that tell page furniture
/// from the story. A bit set, so carrying it down the tree costs nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context(u32);

impl Context {
    /// Inside `<nav>` or `role=navigation`.
    pub const NAV: Self = Self(1);
    /// Inside `<header>` or `role=banner`.
    pub const HEADER: Self = Self(1 << 1);
    /// Inside `<footer>` or `role=contentinfo`.
    pub const FOOTER: Self = Self(1 << 2);
    /// Inside `<aside>` or `role=complementary`.
    pub const ASIDE: Self = Self(1 << 3);
    /// Inside a `<form>`.
    pub const FORM: Self = Self(1 << 4);
    /// Inside a `<figure>`.
    pub const FIGURE: Self = Self(1 << 5);
    /// Inside a `<figcaption>` (or a table `<caption>`).
    pub const CAPTION: Self = Self(1 << 6);
    /// Inside a list item.
    pub const LIST: Self = Self(1 << 7);
    /// Inside a table cell.
    pub const TABLE: Self = Self(1 << 8);
    /// Inside a `<blockquote>`.
    pub const QUOTE: Self = Self(1 << 9);
    /// Inside an `<article>`.
    pub const ARTICLE: Self = Self(1 << 10);
    /// Inside `<main>` or `role=main`.
    pub const MAIN: Self = Self(1 << 11);
    /// Inside an element marked `itemprop=articleBody`.
    pub const ARTICLE_BODY: Self = Self(1 << 12);
    /// Inside a `<button>`, `<label>` or `<legend>`: interface text.
    pub const CONTROL: Self = Self(1 << 13);
    /// Inside an element hidden by `hidden`, `aria-hidden` or an inline style.
    pub const HIDDEN: Self = Self(1 << 14);
    /// Inside a `<dialog>` or `role=dialog|alertdialog`.
    pub const DIALOG: Self = Self(1 << 15);
    /// Inside an `<address>`.
    pub const ADDRESS: Self = Self(1 << 16);

    /// Whether every flag of `other` is set.
    #[must_use]
    pub fn has(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag of `other` is set.
    #[must_use]
    pub fn any(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// Both sets of flags.
    #[must_use]
    pub const fn with(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// These flags less those of `other`.
    #[must_use]
    pub const fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }
}

/// A block-level element: a container the story may live in.
#[derive(Debug, Clone)]
pub struct Element {
    /// Its tag name, lowercase (`div`, `p`, `article`…).
    pub tag: String,
    /// The element it sits in (`None` for the root).
    pub parent: Option<usize>,
    /// One past the last element nested in it: its descendants are exactly the
    /// indices `self_index + 1 .. end` (the table is in pre-order).
    pub end: usize,
    /// Nesting depth among the elements of the table (the root is 0).
    pub depth: usize,
    /// The words of its `class` and `id`, lowercase, split at `-`, `_`, spaces
    /// and camel-case humps (`RelatedLinks` gives `related links`).
    pub names: Vec<String>,
    /// The landmarks it is inside, itself included.
    pub context: Context,
    /// Characters of text in it (descendants included), filled by [`Page::parse`].
    pub chars: usize,
    /// Characters of link text in it (descendants included).
    pub link_chars: usize,
    /// `<p>` elements directly in it.
    pub paragraphs: usize,
}

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    /// The text, white space collapsed, never empty.
    pub text: String,
    /// The element it sits in (an index into [`Page::elements`]).
    pub element: usize,
    /// Characters of text.
    pub chars: usize,
    /// Characters of it inside links.
    pub link_chars: usize,
    /// The landmarks it is inside.
    pub context: Context,
}

/// A parsed page, flattened.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Block-level elements in pre-order; index 0 is the root (`<html>`).
    pub elements: Vec<Element>,
    /// Text blocks in document order.
    pub blocks: Vec<Block>,
    /// `<head>` facts: `<meta>` tags as (key, content), key being the
    /// lowercase `property`, `name` or `itemprop`.
    pub metas: Vec<(String, String)>,
    /// `<link rel=canonical>`'s target.
    pub canonical: Option<String>,
    /// The `<title>` text.
    pub title: Option<String>,
    /// The contents of every `<script type=application/ld+json>`.
    pub json_ld: Vec<String>,
}

/// Elements whose contents are never page text.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "select", "textarea", "input", "audio", "video", "map", "datalist", "frameset",
    "frame", "applet", "param", "source", "track",
];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "html",
    "body",
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
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
    "hgroup",
    "hr",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "ul",
    "legend",
    "button",
    "label",
    "option",
    "optgroup",
];

/// What the walk knows about one open element.
struct Frame {
    /// The element's index in the table, `None` for an inline element.
    element: Option<usize>,
    /// Inside `<a>`.
    link: bool,
    /// This element's subtree is skipped.
    skip: bool,
}

impl Page {
    /// Parses `html` and flattens it.
    #[must_use]
    pub fn parse(html: &str) -> Self {
        let doc = Html::parse_document(&super::guard::bound(html));
        let mut walk = Walk::default();
        walk.page.elements.push(Element {
            tag: "#root".into(),
            parent: None,
            end: 1,
            depth: 0,
            names: Vec::new(),
            context: Context::default(),
            chars: 0,
            link_chars: 0,
            paragraphs: 0,
        });
        walk.open.push(0);
        for edge in doc.tree.root().traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => walk.enter(node.value()),
                ego_tree::iter::Edge::Close(node) => walk.leave(node.value()),
            }
        }
        walk.flush();
        let mut page = walk.page;
        let n = page.elements.len();
        if let Some(root) = page.elements.first_mut() {
            root.end = n;
        }
        // Totals bottom-up: children come after their parent in pre-order.
        for b in &page.blocks {
            if let Some(e) = page.elements.get_mut(b.element) {
                e.chars += b.chars;
                e.link_chars += b.link_chars;
            }
        }
        for i in (1..n).rev() {
            let (chars, links) = (page.elements[i].chars, page.elements[i].link_chars);
            if let Some(p) = page.elements[i].parent {
                page.elements[p].chars += chars;
                page.elements[p].link_chars += links;
            }
        }
        page
    }

    /// Whether element `e` is `ancestor` or inside it.
    #[must_use]
    pub fn within(&self, e: usize, ancestor: usize) -> bool {
        self.elements
            .get(ancestor)
            .is_some_and(|a| e >= ancestor && e < a.end)
    }
}

/// The state of the one walk over the tree.
#[derive(Default)]
struct Walk {
    page: Page,
    /// Every open node's frame (inline and skipped ones too), innermost last.
    frames: Vec<Frame>,
    /// The open block-level elements with a table entry, innermost last.
    open: Vec<usize>,
    /// Elements open beyond [`MAX_DEPTH`], which got no frame.
    overflow: usize,
    /// Open skipped elements (their whole subtree is ignored).
    skipping: usize,
    /// The text of the block being built.
    text: String,
    /// Its characters inside links.
    link_chars: usize,
    /// Whether the last thing added to `text` was a space.
    space: bool,
    /// `<br>`s in a row since the last text.
    breaks: usize,
    /// Inside `<head>`'s `<title>`.
    in_title: bool,
    /// Inside a JSON-LD script.
    in_json_ld: bool,
}

impl Walk {
    fn link_open(&self) -> bool {
        self.frames.last().is_some_and(|f| f.link)
    }

    fn context(&self) -> Context {
        self.open
            .last()
            .and_then(|&e| self.page.elements.get(e))
            .map(|e| e.context)
            .unwrap_or_default()
    }

    fn enter(&mut self, node: &Node) {
        match node {
            Node::Text(t) => self.text_node(t),
            Node::Element(el) => self.open_element(el),
            _ => {}
        }
    }

    fn leave(&mut self, node: &Node) {
        let Node::Element(el) = node else { return };
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        if frame.skip {
            self.skipping = self.skipping.saturating_sub(1);
            self.in_title = false;
            self.in_json_ld = false;
            return;
        }
        if let Some(e) = frame.element {
            self.flush();
            self.open.pop();
            let n = self.page.elements.len();
            if let Some(el) = self.page.elements.get_mut(e) {
                el.end = n;
            }
        }
        let _ = el;
    }

    fn open_element(&mut self, el: &scraper::node::Element) {
        if self.frames.len() >= MAX_DEPTH {
            self.overflow += 1;
            if el.name() == "br" {
                self.line_break();
            }
            return;
        }
        let name = el.name();
        if self.skipping > 0 || SKIPPED.contains(&name) {
            self.head_fact(el);
            self.skipping += 1;
            self.frames.push(Frame {
                element: None,
                link: false,
                skip: true,
            });
            return;
        }
        if name == "br" {
            self.line_break();
        }
        if name == "meta" || name == "link" {
            self.head_fact(el);
        }
        let link = self.link_open() || name == "a";
        if !BLOCK.contains(&name) {
            if name == "img" || name == "hr" || name == "wbr" {
                self.space();
            }
            self.frames.push(Frame {
                element: None,
                link,
                skip: false,
            });
            return;
        }
        self.flush();
        let attrs = Attrs::of(el);
        let mut context = self.context().with(context_of(name, &attrs));
        if attrs.hidden {
            context = context.with(Context::HIDDEN);
        }
        let parent = self.open.last().copied();
        let index = self.page.elements.len();
        if name == "p"
            && let Some(p) = parent.and_then(|p| self.page.elements.get_mut(p))
        {
            p.paragraphs += 1;
        }
        self.page.elements.push(Element {
            tag: name.to_string(),
            parent,
            end: index + 1,
            depth: self.open.len(),
            names: name_words(&attrs.names),
            context,
            chars: 0,
            link_chars: 0,
            paragraphs: 0,
        });
        self.open.push(index);
        self.frames.push(Frame {
            element: Some(index),
            link,
            skip: false,
        });
    }

    /// Facts from `<head>` (and scripts anywhere): metas, the title, the
    /// canonical link, JSON-LD. Only the skipped subtree's root and its
    /// children are looked at, which is where they are.
    fn head_fact(&mut self, el: &scraper::node::Element) {
        match el.name() {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, el.attr("content")) {
                    self.page
                        .metas
                        .push((k.to_ascii_lowercase(), v.to_string()));
                }
            }
            "link" => {
                let canonical = el.attr("rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if canonical && self.page.canonical.is_none() {
                    self.page.canonical = el.attr("href").map(str::to_string);
                }
            }
            "title" if self.page.title.is_none() => self.in_title = true,
            "script" => {
                self.in_json_ld = el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            }
            _ => {}
        }
    }

    fn text_node(&mut self, t: &scraper::node::Text) {
        if self.skipping > 0 {
            // Only the innermost skipped element's own text is of interest.
            if self.in_title {
                let title = collapse(t);
                if !title.is_empty() {
                    self.page.title = Some(title);
                }
            } else if self.in_json_ld && self.page.json_ld.len() < 64 {
                self.page.json_ld.push(t.to_string());
            }
            return;
        }
        let link = self.link_open();
        for c in t.chars() {
            if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
                if !self.space && !self.text.is_empty() {
                    self.text.push(' ');
                    self.space = true;
                }
                continue;
            }
            if c.is_control() && c != '\u{1B}' {
                // Other controls mean nothing on a page; ESC is kept so that the
                // terminal sink shows it rather than the page hiding it.
                continue;
            }
            self.text.push(c);
            self.space = false;
            self.breaks = 0;
            if link {
                self.link_chars += 1;
            }
        }
    }

    fn space(&mut self) {
        if !self.space && !self.text.is_empty() {
            self.text.push(' ');
            self.space = true;
        }
    }

    /// A `<br>`: a space, and two in a row end the block (paragraphs written
    /// as text separated by blank lines).
    fn line_break(&mut self) {
        self.breaks += 1;
        if self.breaks >= 2 {
            self.flush();
        } else {
            self.space();
        }
    }

    /// Ends the block being built, if it holds any text.
    fn flush(&mut self) {
        self.breaks = 0;
        let text = self.text.trim_end();
        if text.is_empty() {
            self.text.clear();
            self.link_chars = 0;
            self.space = false;
            return;
        }
        let element = self.open.last().copied().unwrap_or(0);
        let chars = text.chars().count();
        let block = Block {
            text: text.to_string(),
            element,
            chars,
            link_chars: self.link_chars.min(chars),
            context: self.context(),
        };
        self.page.blocks.push(block);
        self.text.clear();
        self.link_chars = 0;
        self.space = false;
    }
}

/// The attributes that matter here, read in one pass.
#[derive(Default)]
struct Attrs {
    /// `class` and `id`, space-separated.
    names: String,
    role: String,
    itemprop_body: bool,
    hidden: bool,
}

impl Attrs {
    fn of(el: &scraper::node::Element) -> Self {
        let mut a = Self::default();
        for (k, v) in el.attrs() {
            match k {
                "class" | "id" => {
                    // A class attribute of megabytes is hostile; its words
                    // past the first kilobyte say nothing more.
                    let v = truncate(v, 1024);
                    a.names.push_str(v);
                    a.names.push(' ');
                }
                "role" => a.role = truncate(v, 64).to_ascii_lowercase(),
                "itemprop" => a.itemprop_body = v.eq_ignore_ascii_case("articleBody"),
                "hidden" => a.hidden = true,
                "aria-hidden" => a.hidden |= v.eq_ignore_ascii_case("true"),
                "style" => {
                    let s: String = truncate(v, 1024)
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    a.hidden |= s.contains("display:none") || s.contains("visibility:hidden");
                }
                _ => {}
            }
        }
        a
    }
}

/// At most `max` bytes of `s`, cut at a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The landmark an element is, by tag and role.
fn context_of(tag: &str, attrs: &Attrs) -> Context {
    let by_tag = match tag {
        "nav" | "menu" => Context::NAV,
        "header" => Context::HEADER,
        "footer" => Context::FOOTER,
        "aside" => Context::ASIDE,
        "form" | "fieldset" => Context::FORM,
        "figure" => Context::FIGURE,
        "figcaption" | "caption" => Context::CAPTION,
        "li" | "dd" | "dt" => Context::LIST,
        "td" | "th" => Context::TABLE,
        "blockquote" => Context::QUOTE,
        "article" => Context::ARTICLE,
        "main" => Context::MAIN,
        "button" | "label" | "legend" | "option" | "optgroup" => Context::CONTROL,
        "dialog" => Context::DIALOG,
        "address" => Context::ADDRESS,
        _ => Context::default(),
    };
    let by_role = match attrs.role.as_str() {
        "navigation" | "menu" | "menubar" => Context::NAV,
        "banner" => Context::HEADER,
        "contentinfo" => Context::FOOTER,
        "complementary" => Context::ASIDE,
        "main" => Context::MAIN,
        "dialog" | "alertdialog" => Context::DIALOG,
        "button" => Context::CONTROL,
        _ => Context::default(),
    };
    let body = if attrs.itemprop_body {
        Context::ARTICLE_BODY
    } else {
        Context::default()
    };
    by_tag.with(by_role).with(body)
}

/// The words of class and id values: lowercase, split at punctuation, digits
/// and camel-case humps, so `article-body__text`, `articleBody` and
/// `article_body2` all give `article`, `body`.
#[must_use]
pub fn name_words(names: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in names.chars() {
        if c.is_ascii_alphabetic() {
            if c.is_ascii_uppercase() && prev_lower && !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            prev_lower = c.is_ascii_lowercase();
            word.push(c.to_ascii_lowercase());
        } else {
            prev_lower = false;
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
        if out.len() >= 64 {
            break;
        }
    }
    if !word.is_empty() && out.len() < 64 {
        out.push(word);
    }
    out
}

/// Text with white space collapsed and trimmed.
#[must_use]
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &Page) -> Vec<&str> {
        page.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn blocks_follow_block_elements_and_collapse_space() {
        let p = Page::parse(
            "<html><body><h1>Title  here</h1><div>Intro <b>bold</b>\n text<p>One.</p>tail</div>\
             <ul><li>a</li><li>b <a href=x>link</a></li></ul></body></html>",
        );
        assert_eq!(
            texts(&p),
            [
                "Title here",
                "Intro bold text",
                "One.",
                "tail",
                "a",
                "b link"
            ]
        );
        let last = p.blocks.last().unwrap();
        assert_eq!((last.chars, last.link_chars), (6, 4));
        assert!(last.context.has(Context::LIST));
    }

    #[test]
    fn scripts_styles_and_head_are_not_text_but_head_facts_are_kept() {
        let p = Page::parse(
            "<html><head><title>T</title><meta property='og:site_name' content='Outlet'>\
             <link rel='canonical' href='https://x.test/a'>\
             <script type='application/ld+json'>{\"a\":1}</script></head>\
             <body><script>var x = 1;</script><style>p{}</style><p>Body</p></body></html>",
        );
        assert_eq!(texts(&p), ["Body"]);
        assert_eq!(p.title.as_deref(), Some("T"));
        assert_eq!(
            p.metas,
            [("og:site_name".to_string(), "Outlet".to_string())]
        );
        assert_eq!(p.canonical.as_deref(), Some("https://x.test/a"));
        assert_eq!(p.json_ld, ["{\"a\":1}"]);
    }

    #[test]
    fn double_breaks_split_single_breaks_do_not() {
        let p = Page::parse("<div>one<br>two<br><br>three</div>");
        assert_eq!(texts(&p), ["one two", "three"]);
    }

    #[test]
    fn landmarks_reach_the_blocks_inside_them() {
        let p = Page::parse(
            "<nav><a href=/>Home</a></nav><article><figure><figcaption>Cap</figcaption></figure>\
             <p>Story</p></article><footer role=contentinfo>Foot</footer>",
        );
        let ctx: Vec<Context> = p.blocks.iter().map(|b| b.context).collect();
        assert!(ctx[0].has(Context::NAV));
        assert!(ctx[1].has(Context::CAPTION) && ctx[1].has(Context::ARTICLE));
        assert!(ctx[2].has(Context::ARTICLE) && !ctx[2].any(Context::NAV.with(Context::CAPTION)));
        assert!(ctx[3].has(Context::FOOTER));
    }

    #[test]
    fn element_totals_and_ranges() {
        let p = Page::parse("<div id=a><p>abc <a>de</a></p><div><p>fgh</p></div></div><p>x</p>");
        let a = p.elements.iter().position(|e| e.names == ["a"]).unwrap();
        assert_eq!(p.elements[a].chars, "abc de".len() + 3);
        assert_eq!(p.elements[a].link_chars, 2);
        assert_eq!(p.elements[a].paragraphs, 1);
        let x = p.blocks.last().unwrap();
        assert!(!p.within(x.element, a));
        assert!(p.within(p.blocks[0].element, a));
    }

    #[test]
    fn name_words_split_like_a_reader() {
        assert_eq!(
            name_words("article-body__text RelatedLinks x2y"),
            ["article", "body", "text", "related", "links", "x", "y"]
        );
        assert_eq!(name_words("articleBody"), ["article", "body"]);
    }

    #[test]
    fn absurd_depth_is_flattened_not_recursed() {
        let n = 20_000;
        let html = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let p = Page::parse(&html);
        assert_eq!(texts(&p), ["deep text"]);
        assert!(p.elements.len() <= MAX_DEPTH + 1);
    }
}
