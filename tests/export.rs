//! The exports as a reader meets them, parsed back and checked against the
//! comparison they came from: HTML with an XML parser, Markdown with a CommonMark
//! parser, JSON with serde, ANSI byte by byte. Hostile inputs (markup, links,
//! code fences, terminal escapes, in texts and in file names) must come out as
//! text and nothing else. Then golden snapshots of the sample story, and the
//! command line around exports: `-o`, `--force`, `diff` exit codes, colour
//! switches and a reader that goes away.

use std::io::Read;
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use roxmltree::Node;
use serde_json::Value;
use view::CellView;
use wirediff::analysis::entities::{Form, entities};
use wirediff::analysis::quotes::{Status, Wording, quotations};
use wirediff::analysis::stats;
use wirediff::cli::{GlobalArgs, load_and_compare};
use wirediff::compare::Comparison;
use wirediff::config::Config;
use wirediff::export::ExportOptions;
use wirediff::sanitize::is_unsafe;
use wirediff::view::Oriented;

/// The rows an export shows, read from the one view every printer reads,
/// with each cell's changes copied out (only those marked in the text: none
/// of the stories here has a change found across a row).
mod view {
    use wirediff::compare::Comparison;
    use wirediff::export::ExportOptions;
    use wirediff::view::{Oriented, StoryView};

    pub struct CellView {
        pub version: usize,
        pub text: String,
        pub present: bool,
        pub moved: bool,
        pub changes: Vec<Oriented>,
    }

    pub struct RowView {
        pub row: usize,
        pub cells: Vec<CellView>,
    }

    pub fn rows(cmp: &Comparison, opts: &ExportOptions) -> Vec<RowView> {
        let view = StoryView::new(cmp, opts.choice());
        view.rows
            .iter()
            .map(|r| RowView {
                row: r.row,
                cells: r
                    .cells
                    .iter()
                    .map(|c| {
                        let changes = view.cell_changes(c);
                        assert!(changes.iter().all(|c| !c.across));
                        CellView {
                            version: c.version,
                            text: c.text.clone(),
                            present: c.present,
                            moved: c.moved,
                            changes: changes.to_vec(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Running the command and the library
// ---------------------------------------------------------------------------

#[path = "support/command.rs"]
mod command;

fn wirediff() -> Command {
    let mut cmd = command::wirediff();
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

/// Runs `wirediff export --format FORMAT EXTRA… FILES…`; the versions differ in
/// every input used here, so the status must be 1.
fn export_cli(format: &str, extra: &[&str], files: &[String]) -> String {
    let out = wirediff()
        .args(["export", "--format", format])
        .args(extra)
        .args(files)
        .assert()
        .code(1)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("export is UTF-8")
}

/// The comparison the command line makes of `files` (none: the sample story).
fn compare_files(files: &[String]) -> Comparison {
    let global = GlobalArgs {
        config: None,
        no_config: true,
        text: false,
        max_input: 64 << 20,
        quiet: false,
        label: Vec::new(),
        keep_going: false,
        timeout: 30,
    };
    load_and_compare(&global, files, &Config::default()).expect("compare")
}

/// The options `export --reference R --versions V…` stands for.
fn options(cmp: &Comparison, reference: Option<usize>, versions: &[usize]) -> ExportOptions {
    let mut opts = ExportOptions::all(cmp);
    if let Some(r) = reference {
        opts.reference = r;
    }
    if !versions.is_empty() {
        opts.versions = versions.to_vec();
    }
    if !opts.versions.contains(&opts.reference) {
        opts.versions.insert(0, opts.reference);
    }
    opts
}

/// `--reference R --versions V…` as arguments.
fn option_args(reference: Option<usize>, versions: &[usize]) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(r) = reference {
        args.extend(["--reference".to_string(), r.to_string()]);
    }
    if !versions.is_empty() {
        let list: Vec<String> = versions.iter().map(ToString::to_string).collect();
        args.extend(["--versions".to_string(), list.join(",")]);
    }
    args
}

fn write(dir: &tempfile::TempDir, name: &str, body: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, body).expect("write fixture");
    p.display().to_string()
}

const STORY_A: &str = "Officials said seven guards were wounded when two armed drones struck the residence on Sunday.\n\nThe prime minister appeared on television soon after, calm and composed, and called for dialogue.\n\nProtesters have camped outside the zone for a month, demanding a recount of the vote.\n";
const STORY_B: &str = "Officials said seven guards were injured when two armed drones struck the residence on Sunday.\n\nThe prime minister appeared on television soon after, calm and composed, and called for dialogue.\n\nProtesters have camped outside the zone for a month, demanding a recount of the vote.\n";

/// Three versions whose paragraphs, and file names, hold markup, links, code,
/// Markdown block markers and terminal escapes, and differ so that the changes
/// hold them too.
fn hostile(dir: &tempfile::TempDir) -> Vec<String> {
    let base = [
        "Officials said <script>alert(1)</script> seven guards were wounded when two armed drones struck the residence on Sunday morning.",
        "The prime minister said \"calm\" and 'composed' &amp; & &lt; then </td></tr> left the room, aides told reporters at the scene.",
        "See [x](javascript:alert(1)) and ![i](http://x/y.png) and <https://evil.example/> for the full picture of the overnight events.",
        "Code `rm -rf` and ```fences``` and ~~struck~~ appeared in the statement released by the office at noon today.",
        "* starred _under_ | piped # hashed > quoted text at line start of this paragraph, police said later that day.",
        "Colour \u{1b}[31mred\u{1b}[0m and \u{1b}]52;c;ZXZpbA==\u{7} clipboard and a bell in the wire copy of the same report.",
        "Protesters have camped outside the zone for a month, demanding a recount of the vote in the capital city.",
    ];
    let one: Vec<String> = base
        .iter()
        .map(|p| {
            p.replace(
                "seven guards",
                "<b onclick=\"x()\">eight</b> guards <script>x()</script>",
            )
            .replace("\"calm\"", "\"</td></tr><tr><td onmouseover='y()'>calm\"")
            .replace("[x](javascript:alert(1))", "[y](javascript:alert(2))")
            .replace("![i](http://x/y.png)", "![j](http://x/z.png)")
            .replace("`rm -rf`", "`ls` <!-- c -->")
            .replace("* starred", "# starred")
            .replace(
                "\u{1b}[31mred",
                "\u{1b}[32mgreen\u{1b}]52;c;QQ==\u{7}\u{9b}1m",
            )
        })
        .collect();
    let mut two: Vec<String> = base
        .iter()
        .map(|p| {
            p.replace("wounded", "wounded | | |")
                .replace("`rm -rf`", "```\u{1b}[2J```")
                .replace("_under_", "__under__ `x` &copy;")
                .replace(
                    "\u{1b}]52;c;ZXZpbA==\u{7}",
                    "\u{1b}]8;;javascript:alert(1)\u{1b}\\link\u{1b}]8;;\u{1b}\\",
                )
        })
        .collect();
    two.remove(6);
    two.insert(
        2,
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [z](javascript:z) |".to_string(),
    );
    vec![
        write(dir, "0 <svg onload=alert(1)> & \".txt", &base.join("\n\n")),
        write(
            dir,
            "1 [x](javascript:alert(1)) *_|#.txt",
            &one.join("\n\n"),
        ),
        write(dir, "2 \u{1b}[31mred\u{1b}]2;t\u{7}.txt", &two.join("\n\n")),
    ]
}

// ---------------------------------------------------------------------------
// Control characters as each format promises to show them
// ---------------------------------------------------------------------------

/// An unsafe character as the HTML and Markdown exports show it: C0 as control
/// pictures, DEL as `␡`, others as `<U+XXXX>`.
fn picture(c: char, out: &mut String) {
    match c as u32 {
        n @ 0..=0x1f => out.push(char::from_u32(0x2400 + n).expect("control picture")),
        0x7f => out.push('\u{2421}'),
        n => out.push_str(&format!("<U+{n:04X}>")),
    }
}

fn html_visible(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            c if is_unsafe(c) => picture(c, &mut out),
            c => out.push(c),
        }
    }
    out
}

fn md_visible(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_unsafe(c) => picture(c, &mut out),
            c => out.push(c),
        }
    }
    out
}

/// As a terminal export shows text: `^[` for ESC, `^?` for DEL, `<U+XXXX>` for
/// other unsafe characters, tabs as spaces, newlines kept.
/// A cell's text as the ANSI export lays it out: later paragraphs on a line
/// of their own after an indented pilcrow.
fn cell_lines(s: &str) -> String {
    term_visible(s).replace("\n\n", "\n  ¶ ")
}

fn term_visible(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from_u32(0x40 + c as u32).expect("caret"));
            }
            c if is_unsafe(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn non_reference<'a>(
    cells: &'a [CellView],
    opts: &'a ExportOptions,
) -> impl Iterator<Item = &'a CellView> {
    cells.iter().filter(|c| c.version != opts.reference)
}

fn reference_cell<'a>(cells: &'a [CellView], opts: &ExportOptions) -> Option<&'a CellView> {
    cells
        .iter()
        .find(|c| c.version == opts.reference && c.present)
}

/// Changes in the order a cell shows them.
fn by_position(changes: &[Oriented]) -> Vec<&Oriented> {
    let mut v: Vec<&Oriented> = changes.iter().collect();
    v.sort_by_key(|c| (c.new_span.start, c.new_span.end));
    v
}

// ---------------------------------------------------------------------------
// What the analysis sections of HTML and Markdown must list
// ---------------------------------------------------------------------------

/// A share as the reports print it.
fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The names spelled in more than one way (not only in case) among the shown
/// versions: per name, the spellings a shown version uses, most used first.
fn want_names(cmp: &Comparison, opts: &ExportOptions) -> Vec<Vec<Form>> {
    entities(cmp)
        .into_iter()
        .filter(|e| e.variants)
        .filter_map(|e| {
            let forms: Vec<Form> = e
                .forms
                .into_iter()
                .filter(|f| f.versions.iter().any(|v| opts.versions.contains(v)))
                .collect();
            let folded: std::collections::BTreeSet<String> =
                forms.iter().map(|f| f.text.to_lowercase()).collect();
            (folded.len() > 1).then_some(forms)
        })
        .collect()
}

/// The spellings of a name that version `v` uses.
fn forms_of(forms: &[Form], v: usize) -> Vec<&Form> {
    forms.iter().filter(|f| f.versions.contains(&v)).collect()
}

/// A quotation the reports must list: its row, the version first quoting it
/// and, per shown version, its wording (`None`: the version lacks the row).
struct WantQuote {
    row: usize,
    base: usize,
    wordings: Vec<(usize, Option<Wording>)>,
}

/// The quotations that differ (`Quotation::differs`) and, among the shown
/// versions, are quoted by one and not worded alike by all.
fn want_quotes(cmp: &Comparison, opts: &ExportOptions) -> Vec<WantQuote> {
    quotations(cmp)
        .into_iter()
        .filter(wirediff::analysis::quotes::Quotation::differs)
        .filter_map(|q| {
            let base = q.wordings.iter().find(|w| !w.text.is_empty())?.version;
            let wordings: Vec<(usize, Option<Wording>)> = opts
                .versions
                .iter()
                .map(|&v| (v, q.wordings.iter().find(|w| w.version == v).cloned()))
                .collect();
            let shown: Vec<&Wording> = wordings.iter().filter_map(|(_, w)| w.as_ref()).collect();
            let key = |w: &Wording| match w.status {
                Status::Same | Status::Reworded => wirediff::text::fold_loose(&w.text),
                other => format!("{other:?}"),
            };
            let alike = shown.windows(2).all(|p| key(p[0]) == key(p[1]));
            (shown.iter().any(|w| !w.text.is_empty()) && !alike).then_some(WantQuote {
                row: q.row,
                base,
                wordings,
            })
        })
        .collect()
}

/// How a wording's status reads in the reports.
fn status_label(w: &Wording, v: usize, base: usize) -> &'static str {
    match w.status {
        Status::Same if v == base => "first quoted",
        Status::Same => "same",
        Status::Reworded => "reworded",
        Status::Unquoted => "unquoted",
        Status::Absent => "absent",
    }
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

const HTML_ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "table", "thead",
    "tbody", "tr", "th", "td", "p", "span", "ins", "del", "main", "a", "div", "section", "footer",
    "br", "nav",
];
const HTML_ATTRIBUTES: &[&str] = &[
    "lang",
    "charset",
    "http-equiv",
    "content",
    "name",
    "class",
    "title",
    "id",
    "href",
];

/// The sections the table of contents links to, in order.
const SECTIONS: &[&str] = &["#similarity", "#names", "#quotations", "#rows"];

fn parse_html(html: &str) -> roxmltree::Document<'_> {
    assert!(html.starts_with("<!DOCTYPE html>\n"), "doctype first");
    // roxmltree refuses any DOCTYPE unless DTDs are allowed; `<!DOCTYPE html>`
    // declares no entity, so allowing it changes nothing else.
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(html, opts)
        .unwrap_or_else(|e| panic!("HTML is not well-formed XML: {e}"))
}

fn has_class(n: Node<'_, '_>, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

/// The text a reader sees in `n` (`<br/>` as a newline), leaving out elements
/// for which `skip` holds.
fn text_of(n: Node<'_, '_>, skip: &dyn Fn(Node<'_, '_>) -> bool) -> String {
    let mut out = String::new();
    for d in n.children() {
        if d.is_text() {
            out.push_str(d.text().unwrap_or(""));
        } else if d.is_element() {
            if d.has_tag_name("br") {
                out.push('\n');
            } else if !skip(d) {
                out.push_str(&text_of(d, skip));
            }
        }
    }
    out
}

fn all_text(n: Node<'_, '_>) -> String {
    text_of(n, &|_| false)
}

fn child_elements<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    n.children().filter(|c| c.has_tag_name(name)).collect()
}

fn find<'a, 'i>(doc: &'a roxmltree::Document<'i>, name: &str, class: &str) -> Node<'a, 'i> {
    doc.descendants()
        .find(|n| n.has_tag_name(name) && (class.is_empty() || has_class(*n, class)))
        .unwrap_or_else(|| panic!("no <{name} class={class:?}>"))
}

fn tbody_rows<'a, 'i>(table: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let tbody = child_elements(table, "tbody");
    assert_eq!(tbody.len(), 1, "one tbody");
    child_elements(tbody[0], "tr")
}

/// Nothing in the document can run, load or link anywhere: only the elements
/// and attributes the printer writes, links only to rows, one fixed style sheet.
fn check_html_inert(doc: &roxmltree::Document<'_>) {
    let mut styles = 0;
    for n in doc.descendants().filter(Node::is_element) {
        let name = n.tag_name().name();
        assert!(HTML_ELEMENTS.contains(&name), "unexpected element <{name}>");
        assert!(n.tag_name().namespace().is_none(), "namespaced <{name}>");
        for a in n.attributes() {
            let key = a.name();
            assert!(!key.to_ascii_lowercase().starts_with("on"), "handler {key}");
            assert!(
                HTML_ATTRIBUTES.contains(&key),
                "attribute {key} on <{name}>"
            );
            if key == "href" && !SECTIONS.contains(&a.value()) {
                let target = a
                    .value()
                    .strip_prefix("#row-")
                    .expect("href to a row or a section");
                assert!(
                    !target.is_empty() && target.bytes().all(|b| b.is_ascii_digit()),
                    "href {:?}",
                    a.value()
                );
            }
            assert!(
                !a.value().to_ascii_lowercase().contains("javascript:") || key == "title",
                "{key}={:?}",
                a.value()
            );
        }
        if name == "style" {
            styles += 1;
            let css = all_text(n);
            assert!(
                !css.contains("url(") && !css.contains("@import"),
                "CSS loads"
            );
        }
    }
    assert_eq!(styles, 1, "one inline style sheet");
    let csp = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("meta") && n.attribute("http-equiv") == Some("Content-Security-Policy")
        })
        .expect("CSP meta");
    let policy = csp.attribute("content").expect("CSP content");
    assert!(policy.contains("default-src 'none'"), "{policy}");
    assert!(!policy.contains("script-src"), "{policy}");
}

/// The table of class `class` in a section.
fn in_section<'a, 'i>(sec: Node<'a, 'i>, class: &str) -> Option<Node<'a, 'i>> {
    sec.descendants()
        .find(|n| n.has_tag_name("table") && has_class(*n, class))
}

/// The table of contents and the three analysis sections: the similarity
/// matrix and shares of the shown versions as `stats::compute` has them, every
/// name spelled differently with its spellings by version, every differing
/// quotation with each version's wording and status.
fn check_html_analysis(cmp: &Comparison, opts: &ExportOptions, doc: &roxmltree::Document<'_>) {
    let label = |v: usize| html_visible(&cmp.versions[v].label);
    let nav = find(doc, "nav", "toc");
    let targets: Vec<&str> = child_elements(nav, "a")
        .iter()
        .filter_map(|a| a.attribute("href"))
        .collect();
    assert_eq!(targets, SECTIONS, "table of contents");
    for t in SECTIONS {
        let id = &t[1..];
        assert_eq!(
            doc.descendants()
                .filter(|n| n.attribute("id") == Some(id))
                .count(),
            1,
            "one #{id}"
        );
    }
    let section = |id: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("section") && n.attribute("id") == Some(id))
            .unwrap_or_else(|| panic!("section #{id}"))
    };

    // Similarity: an N×N matrix of the shown versions, in order.
    let st = stats::compute(cmp, opts.reference, (&cmp.changes, &cmp.pair_words));
    let sim = section("similarity");
    assert!(
        all_text(sim).contains(&format!(
            "likely the original: v{} {}",
            st.most_central,
            label(st.most_central)
        )),
        "most central version named"
    );
    let matrix = in_section(sim, "matrix").expect("matrix");
    let head: Vec<String> = matrix
        .descendants()
        .filter(|n| n.has_tag_name("thead"))
        .flat_map(|h| h.descendants().filter(|n| n.has_tag_name("th")))
        .map(all_text)
        .collect();
    let mut want_head = vec![String::new()];
    want_head.extend(opts.versions.iter().map(|v| format!("v{v}")));
    assert_eq!(head, want_head, "matrix columns");
    let trs = tbody_rows(matrix);
    assert_eq!(trs.len(), opts.versions.len(), "matrix rows");
    for (tr, &a) in trs.iter().zip(&opts.versions) {
        let star = if a == opts.reference { " ★" } else { "" };
        assert_eq!(
            all_text(child_elements(*tr, "th")[0]),
            format!("v{a} {}{star}", label(a))
        );
        let tds = child_elements(*tr, "td");
        assert_eq!(tds.len(), opts.versions.len(), "matrix row of v{a}");
        for (td, &b) in tds.iter().zip(&opts.versions) {
            if a == b {
                assert_eq!(all_text(*td), "—");
                continue;
            }
            let x = st.matrix[a][b];
            assert_eq!(all_text(*td), pct(x), "v{a}/v{b}");
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let step = ((x * 10.0).floor() as usize).min(9);
            assert!(has_class(*td, &format!("s{step}")), "v{a}/v{b} shade");
        }
    }
    let shares = tbody_rows(in_section(sim, "shares").expect("shares"));
    assert_eq!(shares.len(), opts.versions.len(), "share rows");
    for (tr, &v) in shares.iter().zip(&opts.versions) {
        let s = &st.versions[v];
        let cells: Vec<String> = child_elements(*tr, "td")
            .into_iter()
            .map(all_text)
            .collect();
        let signal = if v == opts.reference {
            "★ reference"
        } else if s.paraphrase {
            "likely machine paraphrase"
        } else {
            ""
        };
        assert_eq!(
            cells,
            vec![
                format!("v{v} {}", label(v)),
                pct(s.verbatim),
                pct(s.reworded),
                pct(s.unique),
                s.dropped_rows.to_string(),
                s.dropped_words.to_string(),
                s.swaps.to_string(),
                s.rewrites.to_string(),
                signal.to_string(),
            ],
            "shares of v{v}"
        );
    }

    // Names: a row per name spelled differently, a column per shown version.
    let names = want_names(cmp, opts);
    let sec = section("names");
    match in_section(sec, "names") {
        None => assert!(names.is_empty(), "names table missing"),
        Some(table) => {
            let trs = tbody_rows(table);
            assert_eq!(trs.len(), names.len(), "one row per name");
            for (tr, forms) in trs.iter().zip(&names) {
                let tds = child_elements(*tr, "td");
                assert_eq!(tds.len(), opts.versions.len() + 1);
                assert_eq!(all_text(tds[0]), html_visible(&forms[0].text));
                for (td, &v) in tds[1..].iter().zip(&opts.versions) {
                    let used: Vec<String> = forms_of(forms, v)
                        .iter()
                        .map(|f| html_visible(&f.text))
                        .collect();
                    let want = if used.is_empty() {
                        "—".to_string()
                    } else {
                        used.join(", ")
                    };
                    assert_eq!(all_text(*td), want, "{:?} in v{v}", forms[0].text);
                }
            }
        }
    }

    // Quotations: a row per differing quotation, each version's wording.
    let quotes = want_quotes(cmp, opts);
    let sec = section("quotations");
    match in_section(sec, "quotes") {
        None => assert!(quotes.is_empty(), "quotations table missing"),
        Some(table) => {
            let trs = tbody_rows(table);
            assert_eq!(trs.len(), quotes.len(), "one row per quotation");
            for (tr, q) in trs.iter().zip(&quotes) {
                let n = q.row + 1;
                let tds = child_elements(*tr, "td");
                assert_eq!(tds.len(), opts.versions.len() + 1);
                let link = child_elements(tds[0], "a");
                assert_eq!(
                    link[0].attribute("href"),
                    Some(format!("#row-{n}").as_str())
                );
                for (td, (v, w)) in tds[1..].iter().zip(&q.wordings) {
                    let at = format!("quotation of row {n}, v{v}");
                    let Some(w) = w else {
                        assert_eq!(all_text(*td), "—", "{at}");
                        continue;
                    };
                    let status = td
                        .children()
                        .find(|e| has_class(*e, "status"))
                        .map(all_text);
                    assert_eq!(status.as_deref(), Some(status_label(w, *v, q.base)), "{at}");
                    let words = text_of(*td, &|e| has_class(e, "status") || e.has_tag_name("del"));
                    match w.status {
                        Status::Same | Status::Reworded => {
                            assert_eq!(words, html_visible(&w.text), "{at}");
                        }
                        Status::Unquoted | Status::Absent => assert!(!words.contains('“'), "{at}"),
                    }
                }
            }
        }
    }
}

/// The HTML report of `cmp` under `opts`, checked element by element.
fn check_html(cmp: &Comparison, opts: &ExportOptions, html: &str) {
    let doc = parse_html(html);
    check_html_inert(&doc);
    let label = |v: usize| html_visible(&cmp.versions[v].label);

    // The header: one summary row per shown version, in order, and no other.
    let header = find(&doc, "header", "");
    let h1 = all_text(find(&doc, "h1", ""));
    assert!(
        h1.ends_with(&format!("compared against {}", label(opts.reference))),
        "{h1}"
    );
    let summary = tbody_rows(find(&doc, "table", "versions"));
    assert_eq!(summary.len(), opts.versions.len(), "summary rows");
    for (tr, &v) in summary.iter().zip(&opts.versions) {
        let tds = child_elements(*tr, "td");
        let first = all_text(tds[0]);
        assert!(first.starts_with(&format!("v{v}")), "{first}");
        assert_eq!(first.contains("reference"), v == opts.reference, "{first}");
        assert_eq!(all_text(tds[1]), label(v));
        assert!(all_text(tds[2]).contains(&html_visible(&cmp.versions[v].path)));
    }
    let header_text = all_text(header);
    for v in 0..cmp.versions.len() {
        let shown = opts.versions.contains(&v);
        assert_eq!(
            summary
                .iter()
                .any(|tr| all_text(child_elements(*tr, "td")[1]) == label(v)),
            shown,
            "v{v} in the header"
        );
        if shown {
            assert!(header_text.contains(&label(v)), "label of v{v} in header");
        }
    }

    check_html_analysis(cmp, opts, &doc);

    // The row table: a column per shown version, a row per row holding one.
    let table = find(&doc, "table", "rows");
    let head: Vec<String> = table
        .descendants()
        .filter(|n| n.has_tag_name("th"))
        .map(all_text)
        .collect();
    let mut want_head = vec!["row".to_string()];
    for &v in &opts.versions {
        let star = if v == opts.reference { " ★" } else { "" };
        want_head.push(format!("v{v} {}{star}", label(v)));
    }
    assert_eq!(head, want_head);

    let rows = view::rows(cmp, opts);
    let trs = tbody_rows(table);
    assert_eq!(trs.len(), rows.len(), "one <tr> per row");
    assert!(!rows.is_empty());
    for (tr, row) in trs.iter().zip(&rows) {
        let n = row.row + 1;
        assert_eq!(tr.attribute("id"), Some(format!("row-{n}").as_str()));
        let tds = child_elements(*tr, "td");
        assert_eq!(tds.len(), row.cells.len() + 1, "row {n}: cells");
        let anchor = child_elements(tds[0], "a");
        assert_eq!(anchor.len(), 1);
        assert_eq!(
            anchor[0].attribute("href"),
            Some(format!("#row-{n}").as_str())
        );
        assert_eq!(all_text(anchor[0]), n.to_string());
        let ref_td = row
            .cells
            .iter()
            .position(|c| c.version == opts.reference && c.present)
            .map(|i| tds[i + 1]);
        for (td, cell) in tds[1..].iter().zip(&row.cells) {
            let at = format!("row {n} v{}", cell.version);
            if !cell.present {
                assert!(has_class(*td, "gap"), "{at}");
                assert_eq!(all_text(*td), "—", "{at}");
                continue;
            }
            assert_eq!(
                has_class(*td, "ref"),
                cell.version == opts.reference,
                "{at}"
            );
            let moved = child_elements(*td, "div");
            assert_eq!(moved.len(), usize::from(cell.moved), "{at}: moved note");
            // The cell's own text, whole, once the removed words are left out.
            let shown = text_of(*td, &|e| {
                e.has_tag_name("del") || (e.has_tag_name("div") && has_class(e, "moved"))
            });
            assert_eq!(shown, html_visible(&cell.text), "{at}: text");
            let ins: Vec<Node<'_, '_>> =
                td.descendants().filter(|e| e.has_tag_name("ins")).collect();
            let del: Vec<Node<'_, '_>> =
                td.descendants().filter(|e| e.has_tag_name("del")).collect();
            let changes = by_position(&cell.changes);
            let (want_del, want_ins): (Vec<&Oriented>, Vec<&Oriented>) =
                changes.iter().partition(|c| c.new.is_empty());
            assert_eq!(ins.len(), want_ins.len(), "{at}: <ins> count");
            assert_eq!(del.len(), want_del.len(), "{at}: <del> count");
            let reasons: Vec<String> = cell.changes.iter().map(|c| c.reason.to_string()).collect();
            assert_eq!(
                reasons.len(),
                cell.changes.len(),
                "{at}: a reason per change"
            );
            // The tooltip: kind, the reference's wording, the reason told from
            // the reference. XML attribute-value normalisation turns line
            // breaks into spaces.
            let want_title = |c: &Oriented| {
                let i = cell
                    .changes
                    .iter()
                    .position(|x| std::ptr::eq(x, c))
                    .expect("own change");
                let head = if c.old.is_empty() || c.new.is_empty() {
                    c.kind.name().to_string()
                } else {
                    format!("{}: was “{}”", c.kind.name(), html_visible(&c.old))
                };
                format!("{head} — {}", html_visible(&reasons[i])).replace('\n', " ")
            };
            for (e, c) in ins.iter().zip(&want_ins) {
                assert_eq!(all_text(*e), html_visible(&c.new), "{at}: new text");
                assert!(has_class(*e, &format!("k-{}", c.kind.name())), "{at}");
                assert_eq!(e.attribute("title"), Some(want_title(c).as_str()), "{at}");
            }
            for (e, c) in del.iter().zip(&want_del) {
                // A space may pad a removal so it does not glue onto its neighbours.
                assert_eq!(
                    all_text(*e).trim(),
                    html_visible(&c.old).trim(),
                    "{at}: removed text"
                );
                assert!(has_class(*e, &format!("k-{}", c.kind.name())), "{at}");
                assert_eq!(e.attribute("title"), Some(want_title(c).as_str()), "{at}");
            }
            // The old side of every change stands in the reference's cell.
            for c in changes.iter().filter(|c| !c.old.is_empty()) {
                let r = ref_td.expect("a change needs the reference");
                assert!(
                    all_text(r).contains(&html_visible(&c.old)),
                    "{at}: old text {:?} in the reference",
                    c.old
                );
            }
        }
    }

    let boiler = doc
        .descendants()
        .find(|n| n.has_tag_name("section") && has_class(*n, "boiler"));
    assert_eq!(boiler.is_some(), opts.boilerplate, "boilerplate section");
    if let Some(section) = boiler {
        let paras: Vec<String> = child_elements(section, "p")
            .into_iter()
            .map(|p| text_of(p, &|e| has_class(e, "why")))
            .collect();
        let mut want = Vec::new();
        for &v in &opts.versions {
            for p in &cmp.versions[v].paragraphs {
                if p.kind == wirediff::model::ParagraphKind::Boilerplate {
                    want.push(format!(" {}", html_visible(&p.text)));
                }
            }
        }
        assert_eq!(paras, want);
    }
}

#[test]
fn html_of_the_sample_is_inert_and_complete() {
    let cmp = compare_files(&[]);
    let html = export_cli("html", &[], &[]);
    check_html(&cmp, &ExportOptions::all(&cmp), &html);
    // The sample has every kind of row: changes, gaps, rows only some versions hold.
    let rows = view::rows(&cmp, &ExportOptions::all(&cmp));
    assert!(rows.iter().any(|r| r.cells.iter().any(|c| !c.present)));
    assert!(rows.iter().any(|r| {
        r.cells
            .iter()
            .any(|c| c.changes.iter().any(|x| x.new.is_empty()))
    }));
}

#[test]
fn html_shows_only_the_chosen_versions_against_the_chosen_reference() {
    let cmp = compare_files(&[]);
    for (reference, versions) in [
        (Some(2), vec![0, 2]),
        (None, vec![3]),
        (Some(4), vec![]),
        (Some(0), vec![4, 0, 2]),
    ] {
        let args = option_args(reference, &versions);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let html = export_cli("html", &args, &[]);
        let opts = options(&cmp, reference, &versions);
        check_html(&cmp, &opts, &html);
    }
}

#[test]
fn html_lists_boilerplate_only_when_asked() {
    let cmp = compare_files(&[]);
    let mut opts = ExportOptions::all(&cmp);
    opts.boilerplate = true;
    let html = export_cli("html", &["--boilerplate"], &[]);
    check_html(&cmp, &opts, &html);
    assert!(html.contains("Boilerplate (not part of the comparison)"));
}

#[test]
fn html_of_hostile_inputs_injects_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = hostile(&dir);
    let cmp = compare_files(&files);
    assert!(!cmp.changes.is_empty());
    for (reference, versions, boiler) in [
        (None, vec![], false),
        (Some(2), vec![], true),
        (Some(1), vec![1, 0], false),
    ] {
        let mut args = option_args(reference, &versions);
        if boiler {
            args.push("--boilerplate".into());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let html = export_cli("html", &args, &files);
        assert!(
            !html.contains('\u{1b}') && !html.contains('\u{7}'),
            "raw control"
        );
        let mut opts = options(&cmp, reference, &versions);
        opts.boilerplate = boiler;
        check_html(&cmp, &opts, &html);
        let doc = parse_html(&html);
        let text = all_text(doc.root_element());
        for s in [
            "<script>alert(1)</script>",
            "</td></tr>",
            "[x](javascript:alert(1))",
            "&amp; & &lt;",
            "␛[31mred",
            "<svg onload=alert(1)>",
        ] {
            assert!(text.contains(s), "{s:?} shown as text");
        }
    }
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/// A block of the parsed Markdown with its text and its emphasised parts.
#[derive(Debug, Default, Clone, PartialEq)]
struct Block {
    tag: &'static str,
    text: String,
    strong: Vec<String>,
    strike: Vec<String>,
    emph: Vec<String>,
}

/// Parses `md` into blocks, failing on anything the printer never writes: HTML,
/// links, images, code, quotes, footnotes, rules, deeper headings.
fn md_blocks(md: &str, options: Options) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let (mut in_item, mut strong, mut strike, mut emph) = (false, false, false, false);
    let open = |blocks: &mut Vec<Block>, tag| {
        blocks.push(Block {
            tag,
            ..Block::default()
        });
    };
    for ev in Parser::new_ext(md, options) {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => match level {
                    HeadingLevel::H1 => open(&mut blocks, "h1"),
                    HeadingLevel::H2 => open(&mut blocks, "h2"),
                    l => panic!("heading {l:?}"),
                },
                Tag::Paragraph if !in_item => open(&mut blocks, "p"),
                Tag::Paragraph => {}
                Tag::List(None) => {}
                Tag::Item => {
                    in_item = true;
                    open(&mut blocks, "li");
                }
                Tag::Table(_) => {}
                Tag::TableHead | Tag::TableRow => open(&mut blocks, "tr"),
                Tag::TableCell => open(&mut blocks, "td"),
                Tag::Strong => {
                    strong = true;
                    blocks.last_mut().expect("block").strong.push(String::new());
                }
                Tag::Strikethrough => {
                    strike = true;
                    blocks.last_mut().expect("block").strike.push(String::new());
                }
                Tag::Emphasis => {
                    emph = true;
                    blocks.last_mut().expect("block").emph.push(String::new());
                }
                other => panic!("Markdown element from nowhere: {other:?}"),
            },
            Event::End(tag) => match tag {
                TagEnd::Item => in_item = false,
                TagEnd::Strong => strong = false,
                TagEnd::Strikethrough => strike = false,
                TagEnd::Emphasis => emph = false,
                _ => {}
            },
            Event::Text(t) => {
                let b = blocks.last_mut().expect("text in a block");
                b.text.push_str(&t);
                for (on, parts) in [
                    (strong, &mut b.strong),
                    (strike, &mut b.strike),
                    (emph, &mut b.emph),
                ] {
                    if on {
                        parts.last_mut().expect("open span").push_str(&t);
                    }
                }
            }
            other => panic!("Markdown event from nowhere: {other:?}"),
        }
    }
    blocks
}

const GFM: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

fn change_md(c: &Oriented, critic: bool) -> String {
    let (old, new) = (md_visible(&c.old), md_visible(&c.new));
    let body = match (old.is_empty(), new.is_empty(), critic) {
        (true, _, true) => format!("{{++{new}++}}"),
        (_, true, true) => format!("{{--{old}--}}"),
        (false, false, true) => format!("{{~~{old}~>{new}~~}}"),
        (true, _, false) => new,
        (_, true, false) => old,
        (false, false, false) => format!("{old} {new}"),
    };
    format!("{body} ({})", c.kind.name())
}

/// The next `rows` rows of a Markdown table (header included), each a list of cells.
fn md_table<'a>(
    it: &mut std::iter::Peekable<std::slice::Iter<'a, Block>>,
    rows: usize,
) -> Vec<Vec<&'a Block>> {
    let mut table: Vec<Vec<&Block>> = Vec::new();
    while it
        .peek()
        .is_some_and(|b| b.tag == "td" || (b.tag == "tr" && table.len() < rows))
    {
        let b = it.next().expect("peeked");
        if b.tag == "tr" {
            table.push(Vec::new());
        } else {
            table.last_mut().expect("row").push(b);
        }
    }
    assert_eq!(table.len(), rows, "table rows");
    table
}

fn texts(row: &[&Block]) -> Vec<String> {
    row.iter().map(|b| b.text.clone()).collect()
}

/// The Markdown analysis sections, after the summary table: the similarity
/// matrix and shares, the names spelled differently, the differing quotations.
fn check_md_analysis(
    cmp: &Comparison,
    opts: &ExportOptions,
    it: &mut std::iter::Peekable<std::slice::Iter<'_, Block>>,
) {
    let label = |v: usize| format!("v{v} {}", md_visible(&cmp.versions[v].label));
    let n = opts.versions.len();
    let heading = |it: &mut std::iter::Peekable<std::slice::Iter<'_, Block>>, want: &str| {
        let h = it.next().expect("heading");
        assert_eq!((h.tag, h.text.as_str()), ("h2", want));
    };

    let st = stats::compute(cmp, opts.reference, (&cmp.changes, &cmp.pair_words));
    heading(it, "Similarity");
    let note = it.next().expect("note");
    assert!(
        note.text
            .ends_with(&format!("likely the original: {}.", label(st.most_central)))
            || note.text.ends_with(&format!(
                "likely the original: {} (not shown here).",
                label(st.most_central)
            )),
        "{}",
        note.text
    );
    let matrix = md_table(it, n + 1);
    let mut want_head = vec![String::new()];
    want_head.extend(opts.versions.iter().map(|v| format!("v{v}")));
    assert_eq!(texts(&matrix[0]), want_head, "matrix columns");
    for (row, &a) in matrix[1..].iter().zip(&opts.versions) {
        let mark = if a == opts.reference {
            " (reference)"
        } else {
            ""
        };
        let mut want = vec![format!("{}{mark}", label(a))];
        want.extend(opts.versions.iter().map(|&b| {
            if a == b {
                "—".to_string()
            } else {
                pct(st.matrix[a][b])
            }
        }));
        assert_eq!(texts(row), want, "matrix row of v{a}");
    }
    let shares = md_table(it, n + 1);
    for (row, &v) in shares[1..].iter().zip(&opts.versions) {
        let s = &st.versions[v];
        let signal = if v == opts.reference {
            "reference"
        } else if s.paraphrase {
            "likely machine paraphrase"
        } else {
            ""
        };
        assert_eq!(
            texts(row),
            vec![
                label(v),
                pct(s.verbatim),
                pct(s.reworded),
                pct(s.unique),
                s.dropped_rows.to_string(),
                s.dropped_words.to_string(),
                s.swaps.to_string(),
                s.rewrites.to_string(),
                signal.to_string(),
            ],
            "shares of v{v}"
        );
    }
    assert_eq!(it.next().map(|b| b.tag), Some("p"), "shares note");

    heading(it, "Names spelled differently");
    assert_eq!(it.next().map(|b| b.tag), Some("p"), "names note");
    let names = want_names(cmp, opts);
    if !names.is_empty() {
        let table = md_table(it, names.len() + 1);
        let mut want_head = vec!["name".to_string()];
        want_head.extend(opts.versions.iter().map(|&v| label(v)));
        assert_eq!(texts(&table[0]), want_head);
        for (row, forms) in table[1..].iter().zip(&names) {
            assert_eq!(row[0].text, md_visible(&forms[0].text));
            let main = forms[0].text.to_lowercase();
            for (cell, &v) in row[1..].iter().zip(&opts.versions) {
                let used = forms_of(forms, v);
                let shown: Vec<String> = used.iter().map(|f| md_visible(&f.text)).collect();
                let odd: Vec<String> = used
                    .iter()
                    .filter(|f| f.text.to_lowercase() != main)
                    .map(|f| md_visible(&f.text))
                    .collect();
                if shown.is_empty() {
                    assert_eq!(cell.text, "—");
                } else {
                    assert_eq!(cell.text, shown.join(", "), "{:?} in v{v}", forms[0].text);
                }
                assert_eq!(cell.strong, odd, "other spellings in bold");
            }
        }
    }

    heading(it, "Quotations");
    assert_eq!(it.next().map(|b| b.tag), Some("p"), "quotations note");
    let quotes = want_quotes(cmp, opts);
    if !quotes.is_empty() {
        let table = md_table(it, quotes.len() + 1);
        for (row, q) in table[1..].iter().zip(&quotes) {
            let base = if opts.versions.contains(&q.base) {
                String::new()
            } else {
                format!(" (vs v{})", q.base)
            };
            assert_eq!(row[0].text, format!("{}{base}", q.row + 1));
            for (cell, (v, w)) in row[1..].iter().zip(&q.wordings) {
                let at = format!("quotation of row {}, v{v}", q.row + 1);
                let Some(w) = w else {
                    assert_eq!(cell.text, "—", "{at}");
                    continue;
                };
                let status = status_label(w, *v, q.base);
                match w.status {
                    Status::Same | Status::Reworded => {
                        assert_eq!(
                            cell.text,
                            format!("{status}: {}", md_visible(&w.text)),
                            "{at}"
                        );
                        assert_eq!(cell.emph, vec![format!("{status}:")], "{at}");
                    }
                    Status::Unquoted | Status::Absent => {
                        assert_eq!(cell.text, status, "{at}");
                    }
                }
            }
        }
    }
}

/// The Markdown report of `cmp` under `opts`, checked block by block; with
/// `critic` the parse has no strikethrough, as CriticMarkup tools read it.
fn check_md(cmp: &Comparison, opts: &ExportOptions, md: &str) {
    let blocks = md_blocks(
        md,
        if opts.critic {
            Options::ENABLE_TABLES
        } else {
            GFM
        },
    );
    let label = |v: usize| format!("v{v} {}", md_visible(&cmp.versions[v].label));
    let mut it = blocks.iter().peekable();

    let h1 = it.next().expect("title");
    assert_eq!(
        (h1.tag, h1.text.as_str()),
        (
            "h1",
            format!(
                "wirediff: {} versions compared against {}",
                opts.versions.len(),
                label(opts.reference)
            )
            .as_str()
        )
    );
    // The summary table: a header row and one row per version, 13 cells each.
    let mut table = Vec::new();
    while it.peek().is_some_and(|b| b.tag == "tr" || b.tag == "td") {
        let b = it.next().expect("peeked");
        if b.tag == "tr" {
            table.push(Vec::new());
        } else {
            table.last_mut().expect("row").push(b.text.clone());
        }
    }
    assert_eq!(table.len(), opts.versions.len() + 1, "summary table rows");
    for (row, &v) in table[1..].iter().zip(&opts.versions) {
        assert_eq!(
            row.len(),
            5 + wirediff::diff::ChangeKind::ALL.len(),
            "summary cells of v{v}: {row:?}"
        );
        let mark = if v == opts.reference {
            " (reference)"
        } else {
            ""
        };
        assert_eq!(row[0], format!("{}{mark}", label(v)));
    }
    check_md_analysis(cmp, opts, &mut it);

    for row in view::rows(cmp, opts) {
        let n = row.row + 1;
        let h = it.next().expect("row heading");
        assert_eq!((h.tag, h.text.clone()), ("h2", format!("Row {n}")));
        let refer = it.next().expect("reference paragraph");
        assert_eq!(refer.tag, "p");
        let reference = reference_cell(&row.cells, opts);
        let head = format!("{} (reference)", label(opts.reference));
        match reference {
            Some(c) => {
                assert_eq!(refer.strong, vec![format!("{head}:")], "row {n}");
                assert_eq!(
                    refer.text,
                    format!("{head}: {}", md_visible(&c.text)),
                    "row {n}"
                );
            }
            None => {
                assert_eq!(refer.emph, vec![format!("{head} lacks this paragraph.")]);
            }
        }
        for cell in non_reference(&row.cells, opts) {
            let at = format!("row {n} v{}", cell.version);
            let li = it.next().expect("item");
            assert_eq!(li.tag, "li", "{at}");
            let moved = if cell.moved { " (moved)" } else { "" };
            let lead = format!("{}{moved}: ", label(cell.version));
            if !cell.present {
                assert_eq!(
                    li.text,
                    format!("{}: lacks this paragraph", label(cell.version))
                );
                assert_eq!(li.emph, vec!["lacks this paragraph".to_string()], "{at}");
            } else if reference.is_none() {
                assert_eq!(
                    li.text,
                    format!("{lead}only here: {}", md_visible(&cell.text))
                );
            } else if cell.changes.is_empty() {
                assert_eq!(li.text, format!("{lead}same"), "{at}");
            } else {
                let parts: Vec<String> = cell
                    .changes
                    .iter()
                    .map(|c| change_md(c, opts.critic))
                    .collect();
                assert_eq!(li.text, format!("{lead}{}", parts.join("; ")), "{at}");
                if !opts.critic {
                    let olds: Vec<String> = cell
                        .changes
                        .iter()
                        .filter(|c| !c.old.is_empty())
                        .map(|c| md_visible(&c.old))
                        .collect();
                    let news: Vec<String> = cell
                        .changes
                        .iter()
                        .filter(|c| !c.new.is_empty())
                        .map(|c| md_visible(&c.new))
                        .collect();
                    assert_eq!(li.strike, olds, "{at}: struck");
                    assert_eq!(li.strong, news, "{at}: bold");
                } else {
                    assert!(li.strike.is_empty() && li.strong.is_empty(), "{at}");
                }
            }
        }
    }
    if opts.boilerplate {
        let h = it.next().expect("boilerplate heading");
        assert_eq!(h.text, "Boilerplate (not part of the comparison)");
        for &v in &opts.versions {
            for p in &cmp.versions[v].paragraphs {
                if p.kind == wirediff::model::ParagraphKind::Boilerplate {
                    let li = it.next().expect("boilerplate item");
                    assert_eq!(
                        li.text,
                        format!(
                            "{} line {} ({}): {}",
                            label(v),
                            p.line_start,
                            md_visible(p.reason.as_deref().unwrap_or("boilerplate")),
                            md_visible(&p.text)
                        )
                    );
                }
            }
        }
    }
    assert_eq!(it.next(), None, "nothing after the rows");
}

#[test]
fn markdown_of_the_sample_parses_back_to_its_rows() {
    let cmp = compare_files(&[]);
    let md = export_cli("md", &[], &[]);
    check_md(&cmp, &ExportOptions::all(&cmp), &md);
    let mut opts = options(&cmp, Some(3), &[3, 0]);
    opts.boilerplate = true;
    let md = export_cli(
        "md",
        &["--reference", "3", "--versions", "3,0", "--boilerplate"],
        &[],
    );
    check_md(&cmp, &opts, &md);
}

#[test]
fn markdown_critic_markup() {
    let cmp = compare_files(&[]);
    let mut opts = ExportOptions::all(&cmp);
    opts.critic = true;
    let md = export_cli("md", &["--critic"], &[]);
    check_md(&cmp, &opts, &md);
    // Insertions, deletions and substitutions each appear in their CriticMarkup form.
    let blocks = md_blocks(&md, Options::ENABLE_TABLES);
    let text: String = blocks.iter().map(|b| b.text.as_str()).collect();
    for (want, is) in [
        ("{++", (|c| c.old.is_empty()) as fn(&Oriented) -> bool),
        ("{--", |c: &Oriented| c.new.is_empty()),
        ("{~~", |c: &Oriented| !c.old.is_empty() && !c.new.is_empty()),
    ] {
        let example = view::rows(&cmp, &opts)
            .into_iter()
            .flat_map(|r| r.cells)
            .flat_map(|c| c.changes)
            .find(is)
            .expect("a change of each shape in the sample");
        let shown = change_md(&example, true);
        assert!(shown.starts_with(want), "{shown}");
        assert!(text.contains(&shown), "{shown} in the text");
    }
    assert!(!md.contains("~~ **"), "no GFM change markers with --critic");
    // And the plain form has none of CriticMarkup.
    let plain = export_cli("md", &[], &[]);
    assert!(!plain.contains("{++") && !plain.contains("{--") && !plain.contains("{~~"));
}

#[test]
fn markdown_of_hostile_inputs_injects_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = hostile(&dir);
    let cmp = compare_files(&files);
    for (args, critic, boiler, reference) in [
        (vec![], false, false, None),
        (vec!["--critic"], true, false, None),
        (
            vec!["--reference", "2", "--boilerplate"],
            false,
            true,
            Some(2),
        ),
        (vec!["--reference", "1", "--critic"], true, false, Some(1)),
    ] {
        let md = export_cli("md", &args, &files);
        assert!(
            !md.contains('\u{1b}') && !md.contains('\u{7}'),
            "raw control"
        );
        let mut opts = options(&cmp, reference, &[]);
        opts.critic = critic;
        opts.boilerplate = boiler;
        check_md(&cmp, &opts, &md);
        if reference.is_some() {
            continue;
        }
        let text: String = md_blocks(&md, GFM).iter().map(|b| b.text.clone()).collect();
        for s in [
            "<script>alert(1)</script>",
            "[x](javascript:alert(1))",
            "![i](http://x/y.png)",
            "<https://evil.example/>",
            "`rm -rf` and ```fences```",
            "&amp; & &lt;",
            "␛[31mred",
        ] {
            assert!(text.contains(s), "{s:?} shown as text ({args:?})");
        }
    }
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

#[test]
fn json_export_is_the_align_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let hostile = hostile(&dir);
    for files in [vec![], hostile.clone()] {
        let export = export_cli("json", &[], &files);
        let align = wirediff()
            .args(["align", "--format", "json"])
            .args(&files)
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        assert_eq!(
            export.as_bytes(),
            align.as_slice(),
            "export json == align json"
        );
        assert!(!export.contains('\u{1b}'), "ESC escaped in JSON strings");
        let doc: Value = serde_json::from_str(&export).expect("valid JSON");
        assert_eq!(doc["schema_version"], 1);
        let cmp = compare_files(&files);
        let versions = doc["versions"].as_array().expect("versions");
        assert_eq!(versions.len(), cmp.versions.len());
        for (j, v) in versions.iter().zip(&cmp.versions) {
            assert_eq!(j["label"], v.label.as_str(), "labels verbatim");
            let texts: Vec<&str> = j["paragraphs"]
                .as_array()
                .expect("paragraphs")
                .iter()
                .map(|p| p["text"].as_str().expect("text"))
                .collect();
            let want: Vec<&str> = v.paragraphs.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(texts, want, "paragraph texts verbatim");
        }
        assert_eq!(
            doc["changes"].as_array().map(Vec::len),
            Some(cmp.changes.len())
        );
        assert_eq!(
            doc["rows"].as_array().map(Vec::len),
            Some(cmp.table.rows.len())
        );
    }
    // The hostile text survives the round trip byte for byte.
    let export = export_cli("json", &[], &hostile);
    let doc: Value = serde_json::from_str(&export).expect("json");
    let all = doc.to_string();
    assert!(
        all.contains("\\u001b]52;c;ZXZpbA==\\u0007"),
        "ESC kept as data"
    );
}

// ---------------------------------------------------------------------------
// ANSI
// ---------------------------------------------------------------------------

/// Every ESC in `s` starts an SGR sequence (`ESC [ digits;… m`); returns `s`
/// with them removed.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&rest[..i]);
        let seq = &rest[i + 1..];
        let body = seq
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("ESC not followed by [: {:?}", &seq[..seq.len().min(12)]));
        let end = body
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .expect("SGR end");
        assert_eq!(
            &body[end..=end],
            "m",
            "not SGR: {:?}",
            &body[..body.len().min(12)]
        );
        rest = &body[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The terminal text of `cmp` under `opts`, checked row by row: the reference's
/// text, and each version's changes as `[-old-]{+new+}` (no colour) or as red
/// and green SGR runs (colour).
fn check_ansi(cmp: &Comparison, opts: &ExportOptions, out: &str) {
    let label = |v: usize| format!("v{v} {}", term_visible(&cmp.versions[v].label));
    let plain = if opts.color {
        let stripped = strip_sgr(out);
        assert!(out.len() > stripped.len(), "colour asked, none given");
        stripped
    } else {
        assert!(!out.contains('\u{1b}'), "ESC with colour off");
        out.to_string()
    };
    assert!(
        !plain.chars().any(|c| is_unsafe(c) && c != '\n'),
        "raw control"
    );
    let (del, ins) = if opts.color {
        (("\u{1b}[31;9m", "\u{1b}[0m"), ("\u{1b}[32;4m", "\u{1b}[0m"))
    } else {
        (("[-", "-]"), ("{+", "+}"))
    };
    assert!(plain.starts_with(&format!(
        "wirediff: {} versions against {}\n",
        opts.versions.len(),
        label(opts.reference)
    )));
    let rows = view::rows(cmp, opts);
    // Split the raw output at the row rules.
    let mut chunks: Vec<&str> = out.split("── row ").collect();
    chunks.remove(0);
    assert_eq!(chunks.len(), rows.len(), "one rule per row");
    for (chunk, row) in chunks.iter().zip(&rows) {
        let n = row.row + 1;
        assert!(chunk.starts_with(&format!("{n} ──")), "row {n}");
        let plain_chunk = if opts.color {
            strip_sgr(&format!("\u{1b}[0m{chunk}"))
        } else {
            (*chunk).to_string()
        };
        if let Some(c) = reference_cell(&row.cells, opts) {
            assert!(
                plain_chunk.contains(&format!(
                    "{}: {}\n",
                    label(opts.reference),
                    cell_lines(&c.text)
                )),
                "row {n}: reference text"
            );
        }
        for cell in non_reference(&row.cells, opts) {
            let at = format!("row {n} v{}", cell.version);
            let moved = if cell.moved { " (moved)" } else { "" };
            let head = format!("{}{moved}: ", label(cell.version));
            if !cell.present {
                assert!(
                    plain_chunk.contains(&format!("{head}(lacks this paragraph)")),
                    "{at}"
                );
            } else if reference_cell(&row.cells, opts).is_none() {
                let t = cell_lines(&cell.text);
                assert!(
                    chunk.contains(&format!("{}{t}{}", ins.0, ins.1)),
                    "{at}: only here"
                );
            } else if cell.changes.is_empty() {
                assert!(plain_chunk.contains(&format!("{head}(same)")), "{at}");
            } else {
                for c in &cell.changes {
                    if !c.old.is_empty() {
                        let want = format!("{}{}{}", del.0, cell_lines(&c.old), del.1);
                        assert!(chunk.contains(&want), "{at}: {want:?}");
                    }
                    if !c.new.is_empty() {
                        let want = format!("{}{}{}", ins.0, cell_lines(&c.new), ins.1);
                        assert!(chunk.contains(&want), "{at}: {want:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn ansi_without_colour_has_no_escape_and_wdiff_markers() {
    let cmp = compare_files(&[]);
    let out = export_cli("ansi", &["--color", "never"], &[]);
    assert!(!out.as_bytes().contains(&0x1b));
    check_ansi(&cmp, &ExportOptions::all(&cmp), &out);
    assert!(out.contains("[-") && out.contains("{+"));
    // Not a terminal, no colour asked: none given.
    assert_eq!(export_cli("ansi", &[], &[]), out);
}

#[test]
fn ansi_with_colour_writes_only_sgr() {
    let cmp = compare_files(&[]);
    let mut opts = ExportOptions::all(&cmp);
    opts.color = true;
    let out = export_cli("ansi", &["--color", "always"], &[]);
    check_ansi(&cmp, &opts, &out);
    assert!(
        !out.contains("[-") && !out.contains("{+"),
        "no wdiff markers"
    );
    let opts = options(&cmp, Some(0), &[0, 4]);
    let out = export_cli(
        "ansi",
        &["--color", "never", "--reference", "0", "--versions", "0,4"],
        &[],
    );
    check_ansi(&cmp, &opts, &out);
}

#[test]
fn ansi_of_hostile_inputs_shows_their_escapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = hostile(&dir);
    let cmp = compare_files(&files);
    for color in [false, true] {
        for reference in [None, Some(2)] {
            let mut opts = options(&cmp, reference, &[]);
            opts.color = color;
            let mut args = vec!["--color", if color { "always" } else { "never" }];
            if reference.is_some() {
                args.extend(["--reference", "2"]);
            }
            let out = export_cli("ansi", &args, &files);
            check_ansi(&cmp, &opts, &out);
            let plain = strip_sgr(&out);
            // Escapes in the reference's text, in labels, in changed text.
            let in_reference = if reference.is_some() {
                "^[[31mred^[[0m and ^[]8;;javascript:alert(1)^[\\link^[]8;;^[\\ clipboard"
            } else {
                "^[[31mred^[[0m and ^[]52;c;ZXZpbA==^G clipboard"
            };
            for s in [in_reference, "v2 2 ^[[31mred^[]2;t^G:", "<U+009B>"] {
                assert!(plain.contains(s), "{s:?} visible");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The analysis sections and the reasons of changes, in HTML and Markdown
// ---------------------------------------------------------------------------

/// Three versions whose names are spelled differently (one with an ASCII
/// apostrophe) and whose quotations carry markup, links and a script.
fn hostile_quotes(dir: &tempfile::TempDir) -> Vec<String> {
    let v0 = "Prime Minister Qais al-Kadhimi said “<script>alert(1)</script> we will not bow to the attackers, not today,” in a televised address on Sunday.\n\nOfficials said seven guards were wounded when two armed drones struck the residence of O'Brien on Sunday.\n\nThe statement ended: “Our forces [x](javascript:alert(1)) will defend the capital at any cost,” a spokesman for Qais said.\n";
    let v1 = "Prime Minister Kais al-Khadimi said “[x](javascript:alert(1)) we shall never bow to the attackers, not now,” in a televised address on Sunday.\n\nOfficials said seven guards were wounded when two armed drones struck the residence of O'Brian on Sunday.\n\nThe statement ended: “Our forces ](javascript:alert(2)) will defend the capital at any price,” a spokesman for Kais said.\n";
    let v2 = "Prime Minister Qais Al-Kadhimi said <script>alert(1)</script> we will not bow to the attackers, not today, in a televised address on Sunday.\n\nOfficials said seven guards were wounded when two armed drones struck the residence of O’Brien on Sunday.\n\nThe statement ended: “Our forces <img src=x onerror=alert(1)> will defend the capital at any cost,” a spokesman for Qais said.\n";
    vec![
        write(dir, "a <b>.txt", v0),
        write(dir, "b [l](javascript:x).txt", v1),
        write(dir, "c.txt", v2),
    ]
}

#[test]
fn analysis_sections_of_hostile_names_and_quotes_inject_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = hostile_quotes(&dir);
    let cmp = compare_files(&files);
    // The fixture does what it is for: names in several spellings, quotations
    // that differ and hold markup.
    let opts = ExportOptions::all(&cmp);
    assert!(
        want_names(&cmp, &opts).len() >= 3,
        "names spelled differently"
    );
    assert!(want_quotes(&cmp, &opts).len() >= 2, "differing quotations");
    let hostile_quotes = [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "](javascript:alert(2))",
        "<img src=x onerror=alert(1)>",
    ];
    for (reference, versions) in [(None, vec![]), (Some(1), vec![1, 2]), (Some(2), vec![0, 2])] {
        let args = option_args(reference, &versions);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let opts = options(&cmp, reference, &versions);

        let html = export_cli("html", &args, &files);
        check_html(&cmp, &opts, &html);
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "raw markup"
        );
        let doc = parse_html(&html);
        // What a section reads, removed words left out.
        let section = |id: &str| {
            text_of(
                doc.descendants()
                    .find(|n| n.attribute("id") == Some(id))
                    .expect("section"),
                &|e| e.has_tag_name("del"),
            )
        };
        if reference.is_none() {
            let quotes = section("quotations");
            for s in hostile_quotes {
                assert!(quotes.contains(s), "{s:?} shown as text");
            }
            let names = section("names");
            for s in ["O'Brien", "O’Brien", "O'Brian", "al-Khadimi", "Kais"] {
                assert!(names.contains(s), "{s:?} among the names");
            }
        }

        let md = export_cli("md", &args, &files);
        // `md_blocks` fails on any link, image, HTML or code.
        check_md(&cmp, &opts, &md);
        if reference.is_none() {
            let text: String = md_blocks(&md, GFM).iter().map(|b| b.text.clone()).collect();
            for s in hostile_quotes.iter().chain(&["O'Brien", "al-Khadimi"]) {
                assert!(text.contains(s), "{s:?} shown as text");
            }
        }
    }
}

#[test]
fn analysis_sections_follow_the_shown_versions() {
    let cmp = compare_files(&[]);
    // v0, v1 and v4 write Saeed and Qais alike; v4 alone writes Mobilisation.
    let html = export_cli("html", &["--versions", "0,1,4"], &[]);
    let opts = options(&cmp, None, &[0, 1, 4]);
    check_html(&cmp, &opts, &html);
    let doc = parse_html(&html);
    let names = all_text(
        doc.descendants()
            .find(|n| n.attribute("id") == Some("names"))
            .expect("names"),
    );
    assert!(names.contains("Mobilisation"), "{names}");
    assert!(
        !names.contains("Sayyid") && !names.contains("Kais"),
        "{names}"
    );
    let matrix = find(&doc, "table", "matrix");
    assert_eq!(tbody_rows(matrix).len(), 3);
    // Every shown version's wordings, nothing of a hidden one.
    let md = export_cli("md", &["--reference", "2", "--versions", "2,3"], &[]);
    check_md(&cmp, &options(&cmp, Some(2), &[2, 3]), &md);
    assert!(
        !md.contains("| v0 ") && !md.contains("| v4 "),
        "hidden versions"
    );
}

#[test]
fn change_titles_give_the_reason_told_from_the_reference() {
    let dir = tempfile::tempdir().expect("tempdir");
    let extra = " Police fired tear gas at the crowd later that evening.";
    let story_c = STORY_B.replace("of the vote.", &format!("of the vote.{extra}"));
    let files = vec![
        write(&dir, "a.txt", STORY_A),
        write(&dir, "c.txt", &story_c),
    ];
    let titles = |reference: &str, tag: &str| -> Vec<String> {
        let html = export_cli("html", &["--reference", reference], &files);
        let doc = parse_html(&html);
        let rows = find(&doc, "table", "rows");
        rows.descendants()
            .filter(|n| n.has_tag_name(tag))
            .filter_map(|n| n.attribute("title").map(str::to_string))
            .collect()
    };
    // Against v0, v1 reads "injured" and adds a sentence.
    let ins = titles("0", "ins");
    assert!(
        ins.contains(&"wording: was “wounded” — different words: wounded / injured".to_string()),
        "{ins:?}"
    );
    assert!(
        ins.iter()
            .any(|t| t.starts_with("added — added: Police fired")),
        "{ins:?}"
    );
    // Against v1, v0 reads "wounded" and lacks the sentence: the reasons,
    // stored from v0 to v1, are turned round.
    let ins = titles("1", "ins");
    assert!(
        ins.contains(&"wording: was “injured” — different words: injured / wounded".to_string()),
        "{ins:?}"
    );
    let del = titles("1", "del");
    assert!(
        del.iter()
            .any(|t| t.starts_with("removed — removed: Police fired")),
        "{del:?}"
    );
}

#[test]
fn removed_text_is_spaced_as_in_the_reference() {
    let dir = tempfile::tempdir().expect("tempdir");
    let b = STORY_A
        .replace("armed drones struck", "armed drone struck")
        .replace("composed, and", "composed and");
    let files = vec![write(&dir, "a.txt", STORY_A), write(&dir, "b.txt", &b)];
    let html = export_cli("html", &["--reference", "0"], &files);
    let doc = parse_html(&html);
    let rows = tbody_rows(find(&doc, "table", "rows"));
    let read: Vec<String> = rows
        .iter()
        .map(|tr| all_text(*child_elements(*tr, "td").last().expect("v1")))
        .collect();
    // The removed "s" and "," stand glued, struck, where the reference has them.
    assert!(read[0].contains("two armed drones struck"), "{read:?}");
    assert!(read[1].contains("calm and composed, and"), "{read:?}");
}

// ---------------------------------------------------------------------------
// Golden outputs of the sample story
// ---------------------------------------------------------------------------

fn golden(format: &str, extra: &[&str]) -> String {
    export_cli(format, extra, &[])
}

#[test]
fn golden_html() {
    insta::assert_snapshot!("sample_html", golden("html", &[]));
}

#[test]
fn golden_markdown() {
    insta::assert_snapshot!("sample_md", golden("md", &[]));
}

#[test]
fn golden_json() {
    // Written compact; laid out here so the snapshot reads and diffs by line.
    let out = golden("json", &[]);
    assert_eq!(out.lines().count(), 1, "one compact document");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let pretty = serde_json::to_string_pretty(&doc).expect("serialises") + "\n";
    insta::assert_snapshot!("sample_json", pretty);
}

#[test]
fn golden_ansi() {
    insta::assert_snapshot!("sample_ansi", golden("ansi", &["--color", "never"]));
}

#[test]
fn golden_ansi_colour() {
    // ESC written as `\e` so the snapshot reads (and diffs) as text.
    let out = golden("ansi", &["--color", "always"]);
    assert!(!out.contains("\\e"), "the marker is free");
    insta::assert_snapshot!("sample_ansi_color", out.replace('\u{1b}', "\\e"));
}

// ---------------------------------------------------------------------------
// The command line around exports
// ---------------------------------------------------------------------------

#[test]
fn output_file_is_written_kept_and_replaced_only_with_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.md");
    let path = out.display().to_string();
    let expected = export_cli("md", &[], &[]);
    wirediff()
        .args(["export", "--format", "md", "-o", &path])
        .assert()
        .code(1)
        .stdout("")
        .stderr("");
    assert_eq!(std::fs::read_to_string(&out).expect("written"), expected);

    std::fs::write(&out, "keep me").expect("write");
    wirediff()
        .args(["export", "--format", "md", "-o", &path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("wirediff: ")
                .and(predicate::str::contains("report.md"))
                .and(predicate::str::contains("--force"))
                .and(predicate::str::is_match("^[^\n]*\n$").expect("regex")),
        );
    assert_eq!(std::fs::read_to_string(&out).expect("kept"), "keep me");

    wirediff()
        .args(["export", "--format", "md", "--force", "-o", &path])
        .assert()
        .code(1)
        .stderr("");
    assert_eq!(std::fs::read_to_string(&out).expect("replaced"), expected);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        vec!["report.md".to_string()],
        "no temporary file left"
    );
}

#[test]
fn output_file_never_replaces_an_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A);
    let b = write(&dir, "b.txt", STORY_B);
    let same_b = dir.path().join(".").join("b.txt").display().to_string();
    for (args, named) in [
        (vec!["export", "--force", "-o", &a, &a, &b], "a.txt"),
        (
            vec!["export", "--format", "md", "-o", &same_b, &a, &b],
            "b.txt",
        ),
        (vec!["diff", "--force", "-o", &b, &a, &b], "b.txt"),
    ] {
        wirediff().args(&args).assert().code(2).stderr(
            predicate::str::contains(named).and(predicate::str::contains("one of the inputs")),
        );
    }
    assert_eq!(std::fs::read_to_string(&a).expect("a"), STORY_A);
    assert_eq!(std::fs::read_to_string(&b).expect("b"), STORY_B);
}

#[test]
fn diff_exit_status_same_different_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A);
    let b = write(&dir, "b.txt", STORY_B);
    let missing = dir.path().join("gone.txt").display().to_string();

    let same = wirediff()
        .args(["diff", &a, &a])
        .assert()
        .code(0)
        .stderr("");
    let same = String::from_utf8_lossy(&same.get_output().stdout).into_owned();
    // As diff(1): identical files print nothing; exit 0 says it.
    assert_eq!(same, "");

    let diff = wirediff()
        .args(["diff", &a, &b])
        .assert()
        .code(1)
        .stderr("");
    let diff = String::from_utf8_lossy(&diff.get_output().stdout).into_owned();
    assert!(
        diff.starts_with("wirediff: 2 versions against v0 a\n"),
        "{diff}"
    );
    assert!(
        diff.contains("v1 b: Officials said seven guards were [-wounded-]{+injured+} when"),
        "{diff}"
    );
    assert_eq!(diff.matches("v1 b: (same)").count(), 2, "{diff}");

    let md = wirediff()
        .args(["diff", "--format", "md", "--critic", &a, &b])
        .assert()
        .code(1);
    let md = String::from_utf8_lossy(&md.get_output().stdout).into_owned();
    assert!(
        md.contains("- v1 b: {~~wounded~>injured~~} (wording)"),
        "{md}"
    );

    for args in [vec!["diff", &a, &missing], vec!["diff", &missing, &a]] {
        wirediff().args(&args).assert().code(2).stdout("").stderr(
            predicate::str::starts_with("wirediff: ")
                .and(predicate::str::contains("gone.txt"))
                .and(predicate::str::is_match("^[^\n]*\n$").expect("regex")),
        );
    }
}

#[test]
fn bad_version_numbers_are_trouble() {
    for args in [
        vec!["export", "--versions", "0,9"],
        vec!["export", "--reference", "5"],
    ] {
        wirediff()
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("there are 5"));
    }
}

#[test]
fn a_version_listed_twice_is_trouble() {
    wirediff()
        .args(["export", "--versions", "0,2,0"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("listed twice"));
}

#[test]
fn json_honours_the_reference_and_versions_like_the_other_formats() {
    // No choice: the contract, byte for byte, with no "view".
    let plain: Value = serde_json::from_str(&export_cli("json", &[], &[])).expect("json");
    assert!(plain.get("view").is_none());
    // A choice: the same document, statistics against the chosen reference,
    // and the chosen view's changes read from it, in the other formats' order.
    let cmp = compare_files(&[]);
    let out = export_cli("json", &["--reference", "2", "--versions", "3,2,0"], &[]);
    let doc: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(doc["changes"], plain["changes"], "the stored changes stay");
    assert_eq!(doc["stats"]["reference"], 2);
    let view = &doc["view"];
    assert_eq!(view["reference"], 2);
    assert_eq!(view["versions"], serde_json::json!([3, 2, 0]));
    let want = wirediff::view::StoryView::new(&cmp, options(&cmp, Some(2), &[3, 2, 0]).choice());
    let got = view["changes"].as_array().expect("changes");
    assert_eq!(got.len(), want.changes.len());
    assert!(!got.is_empty());
    for (g, w) in got.iter().zip(&want.changes) {
        assert_eq!(g["against"], 2);
        assert_eq!(g["version"], w.version);
        assert_eq!(g["kind"], w.kind.name());
        assert_eq!(g["old"], w.old.as_str());
        assert_eq!(g["new"], w.new.as_str());
        assert_eq!(g["reason"], w.reason.to_string());
    }
    // Versions 3 before 0, as every other format lists them.
    let md = export_cli("md", &["--reference", "2", "--versions", "3,2,0"], &[]);
    let (v3, v0) = (md.find("- v3 ").expect("v3"), md.find("- v0 ").expect("v0"));
    assert!(v3 < v0);
}

#[test]
fn colour_follows_the_flag_then_no_color_then_clicolor_force() {
    let run = |flag: &str, env: &[(&str, &str)]| -> bool {
        let mut cmd = wirediff();
        cmd.args(["export", "--format", "ansi", "--color", flag]);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.assert().code(1).get_output().stdout.clone();
        let colour = out.contains(&0x1b);
        if colour {
            strip_sgr(&String::from_utf8(out).expect("utf-8"));
        }
        colour
    };
    // stdout is a pipe here, not a terminal.
    assert!(!run("auto", &[]), "auto on a pipe: none");
    assert!(
        run("auto", &[("CLICOLOR_FORCE", "1")]),
        "CLICOLOR_FORCE forces"
    );
    assert!(
        !run("auto", &[("CLICOLOR_FORCE", "0")]),
        "CLICOLOR_FORCE=0 does not"
    );
    assert!(
        !run("auto", &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
        "NO_COLOR wins over CLICOLOR_FORCE"
    );
    assert!(
        run("auto", &[("NO_COLOR", ""), ("CLICOLOR_FORCE", "1")]),
        "an empty NO_COLOR is unset"
    );
    assert!(
        !run("auto", &[("CLICOLOR", "0"), ("CLICOLOR_FORCE", "")]),
        "CLICOLOR=0"
    );
    assert!(run("always", &[("NO_COLOR", "1")]), "the flag wins");
    assert!(!run("never", &[("CLICOLOR_FORCE", "1")]), "the flag wins");
    // HTML, Markdown and JSON never carry colour, whatever is asked.
    for format in ["html", "md", "json"] {
        let out = wirediff()
            .args(["export", "--format", format, "--color", "always"])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        assert!(!out.contains(&0x1b), "{format}");
    }
    // A file is not a terminal: auto means none unless forced.
    let dir = tempfile::tempdir().expect("tempdir");
    for (env, want) in [(None, false), (Some(("CLICOLOR_FORCE", "1")), true)] {
        let p = dir.path().join(format!("out-{want}.txt"));
        let mut cmd = wirediff();
        cmd.args(["export", "--format", "ansi", "-o"]).arg(&p);
        if let Some((k, v)) = env {
            cmd.env(k, v);
        }
        cmd.assert().code(1);
        assert_eq!(std::fs::read(&p).expect("file").contains(&0x1b), want);
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_export_quietly() {
    // Long paragraphs: quick to compare even in a debug build, and an export of
    // several pipe buffers.
    let dir = tempfile::tempdir().expect("tempdir");
    let words = [
        "officials",
        "said",
        "the",
        "guards",
        "were",
        "wounded",
        "when",
        "drones",
        "struck",
        "residence",
        "minister",
        "called",
        "for",
        "calm",
        "protesters",
        "camped",
        "outside",
    ];
    let mut seed = 7u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let paras: Vec<String> = (0..120)
        .map(|i| {
            let mut p: Vec<&str> = (0..300)
                .map(|_| words[usize::try_from(next() % 17).expect("small")])
                .collect();
            p.push("end");
            format!("{} {i}.", p.join(" "))
        })
        .collect();
    let other: Vec<String> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i % 3 == 0 {
                p.replacen(" the ", " THE ", 1)
            } else {
                p.clone()
            }
        })
        .collect();
    let a = write(&dir, "a.txt", &paras.join("\n\n"));
    let b = write(&dir, "b.txt", &other.join("\n\n"));

    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    let mut child = std::process::Command::new(bin)
        .args([
            "--no-config",
            "export",
            "--format",
            "ansi",
            "--color",
            "always",
            &a,
            &b,
        ])
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut head = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut head)
        .expect("first bytes");
    assert!(head.starts_with(b"\x1b[1mwirediff"), "{head:?}");
    // The reader is dropped here, long before the export is written.
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("broken pipe"), "{stderr}");
    assert_eq!(stderr, "", "nothing on stderr");
    assert_eq!(out.status.code(), Some(1), "the usual status: they differ");
}

// ---------------------------------------------------------------------------
// Bugs found by these tests, fixed; kept so they stay fixed
// ---------------------------------------------------------------------------

#[test]
fn ansi_label_with_a_newline_cannot_forge_a_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A);
    let b = write(&dir, "b\n── row 9 ──\nv1 x.txt", STORY_B);
    let out = wirediff()
        .args(["export", "--format", "ansi", "--color", "never", &a, &b])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    // Three rows start a line; the name's fake row stays inside its label.
    let rows = out.lines().filter(|l| l.starts_with("── row ")).count();
    assert_eq!(rows, 3, "{out}");
    assert!(out.contains("b^J── row 9 ──^Jv1 x"), "{out}");
}

#[test]
fn html_stays_well_formed_with_xml_invalid_characters() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A);
    let b = write(
        &dir,
        "b.txt",
        &STORY_B.replace("injured", "injured \u{ffff}\u{fffe}"),
    );
    let html = export_cli("html", &[], &[a, b]);
    parse_html(&html);
}
