//! The invariants the fuzz targets check, in one place: `fuzz/fuzz_targets/*.rs`
//! include this file by `#[path]` and call one function per target, and
//! `tests/fuzz_replay.rs` calls the same functions on every committed corpus
//! and regression input, so stable `cargo test` checks exactly what nightly
//! fuzzing checked. Each function takes the fuzzer's raw bytes and panics when
//! an invariant breaks.
//!
//! Several targets need more than one text. They cut the bytes at `0xFF`
//! ([`SEP`]): that byte never occurs in UTF-8, so a seed file is just texts
//! joined by it, readable in an editor, and the lossy decoding of each part
//! loses nothing a fuzzer could not also reach with other invalid bytes.
//!
//! The checks say what is true of any input, and they are written from the
//! outside: the list of characters a terminal must never receive is spelled out
//! here, not borrowed from `wirediff::sanitize`, which is what is under test.

#![allow(dead_code)] // each includer uses a part

use std::borrow::Cow;
use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wirediff::compare::{Comparison, EngineConfig, compare};
use wirediff::config::{self, Config};
use wirediff::diff::{self, ChangeKind, DiffOptions, Segment};
use wirediff::export::{self, ExportOptions, Format};
use wirediff::ingest::reflow::SourceMap;
use wirediff::ingest::{self, Input, ReadOptions};
use wirediff::model::{Paragraph, ParagraphKind, Version};
use wirediff::sanitize;
use wirediff::tui::app::App;
use wirediff::tui::keymap::{Key, Keymap};
use wirediff::tui::theme::{ColorLevel, Theme, ThemeName};
use wirediff::tui::views::Screen;
use wirediff::view::{Choice, StoryView};

/// The byte that separates the texts of a multi-text input.
pub const SEP: u8 = 0xFF;

/// The SGR sequences the ANSI exporter writes itself (`src/export/ansi.rs`);
/// no other escape may reach a terminal.
pub const ANSI_SGR: [&str; 5] = ["\x1b[2m", "\x1b[31;9m", "\x1b[32;4m", "\x1b[1m", "\x1b[0m"];

/// `data` cut at [`SEP`] into at most `max` parts (the last keeps the rest).
#[must_use]
pub fn parts(data: &[u8], max: usize) -> Vec<&[u8]> {
    data.splitn(max, |&b| b == SEP).collect()
}

fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

fn input(path: &str, bytes: &[u8]) -> Input {
    Input {
        path: path.to_string(),
        bytes: bytes.to_vec(),
        file: None,
    }
}

const LENIENT: ReadOptions = ReadOptions {
    max_bytes: ingest::DEFAULT_MAX_BYTES,
    allow_binary: true,
};

// ---------------------------------------------------------------- decode

/// Bytes → [`ingest::decode`] and [`ingest::split_paragraphs`].
///
/// - refusing an input is only ever for looking binary, and `--text`
///   (`allow_binary`) decodes anything, to the same text as without it;
/// - UTF-8 without a byte-order mark is taken byte for byte;
/// - paragraphs are in order, inside the text, on character boundaries, each
///   exactly its span, trimmed, numbered by index, with the line numbers of
///   where they are; nothing but white space lies between or around them.
pub fn decode(data: &[u8]) {
    let lenient = ingest::decode(&input("dir/fuzz.txt", data), &LENIENT)
        .expect("allow_binary decodes any bytes");
    assert_eq!(lenient.label, "fuzz");
    match ingest::decode(&input("dir/fuzz.txt", data), &ReadOptions::default()) {
        Ok(strict) => {
            assert_eq!(strict.text, lenient.text);
            assert_eq!(strict.encoding, lenient.encoding);
            assert_eq!(strict.paragraphs, lenient.paragraphs);
        }
        Err(e) => assert!(matches!(e, ingest::Error::Binary { .. }), "{e}"),
    }
    let has_bom = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .any(|bom| data.starts_with(bom));
    if !has_bom && let Ok(s) = std::str::from_utf8(data) {
        assert_eq!(lenient.text, s, "UTF-8 is taken as is");
        assert_eq!(lenient.encoding, "UTF-8");
    }
    paragraphs(&lenient.text, &lenient.paragraphs);
    let text = lossy(data);
    paragraphs(&text, &ingest::split_paragraphs(&text));
}

/// The splitter's white space: Unicode's, and the invisible characters that
/// pad scraped text (zero-width space, word joiner, byte-order mark).
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The 1-based physical line holding byte `at`: LF, CRLF and a lone CR each
/// end a line.
fn line_at(text: &str, at: usize) -> usize {
    let before = text.as_bytes().get(..at).unwrap_or_default();
    let lf = before.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = before
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && text.as_bytes().get(i + 1) != Some(&b'\n'))
        .count();
    1 + lf + lone_cr
}

/// The paragraph invariants of `ps`, split from `text`: [`spans`], and all story.
pub fn paragraphs(text: &str, ps: &[Paragraph]) {
    spans(text, ps);
    for p in ps {
        assert_eq!(p.kind, ParagraphKind::Story);
        assert_eq!(p.reason, None);
    }
}

/// Paragraphs in order, inside the text, each exactly its span, trimmed,
/// `id` = index, with the right 1-based lines; only white space between.
pub fn spans(text: &str, ps: &[Paragraph]) {
    let (mut prev_end, mut prev_line) = (0usize, 0usize);
    for (i, p) in ps.iter().enumerate() {
        assert_eq!(p.id, i, "ids are indices");
        assert!(
            prev_end <= p.byte_start && p.byte_start < p.byte_end && p.byte_end <= text.len(),
            "paragraph {i} span {}..{} out of order or bounds (previous end {prev_end}, text {})",
            p.byte_start,
            p.byte_end,
            text.len()
        );
        // One line is its span; lines joined differ from it only by white
        // space and line-end hyphens, and map back into it.
        let slice = text.get(p.byte_start..p.byte_end);
        assert!(
            slice == Some(p.text.as_str())
                || (p.line_start < p.line_end
                    && slice.is_some_and(|s| SourceMap::recover(s, &p.text).is_some())),
            "paragraph {i} is its span"
        );
        let gap = &text[prev_end..p.byte_start];
        assert!(
            gap.chars().all(is_space),
            "text lost before paragraph {i}: {gap:?}"
        );
        let (first, last) = (p.text.chars().next(), p.text.chars().next_back());
        assert!(
            first.is_some_and(|c| !is_space(c)) && last.is_some_and(|c| !is_space(c)),
            "paragraph {i} not trimmed: {:?}",
            p.text
        );
        assert!(p.line_start > prev_line && p.line_start <= p.line_end);
        assert_eq!(
            p.line_start,
            line_at(text, p.byte_start),
            "paragraph {i} first line"
        );
        assert_eq!(
            p.line_end,
            line_at(text, p.byte_end),
            "paragraph {i} last line"
        );
        (prev_end, prev_line) = (p.byte_end, p.line_end);
    }
    let tail = &text[prev_end..];
    assert!(tail.chars().all(is_space), "text lost at the end: {tail:?}");
}

// ---------------------------------------------------------------- html

/// Bytes → an HTML page's version (`ingest::decode` of a `.html` input,
/// extraction and all): never a panic, with `allow_binary` always a version;
/// its paragraphs are [`spans`] of its text, each one line; at most one
/// headline, and it comes before every story paragraph; every boilerplate
/// paragraph says why and no story paragraph does; the metadata is one line
/// per field; the same bytes give the same version; and without
/// `allow_binary` only binary-looking bytes are refused.
pub fn html(data: &[u8]) {
    let v = ingest::decode(&input("dir/page.html", data), &LENIENT)
        .expect("allow_binary decodes any page");
    assert!(v.metadata.is_some(), "a page carries its metadata");
    spans(&v.text, &v.paragraphs);
    let headlines: Vec<usize> = v
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Headline)
        .map(|p| p.id)
        .collect();
    assert!(headlines.len() <= 1, "one headline at most: {headlines:?}");
    if let Some(&h) = headlines.first() {
        assert!(
            v.paragraphs[..h]
                .iter()
                .all(|p| p.kind == ParagraphKind::Boilerplate),
            "the headline comes before the story"
        );
    }
    for p in &v.paragraphs {
        assert!(!p.text.contains(['\n', '\r']), "one line: {:?}", p.text);
        match p.kind {
            ParagraphKind::Boilerplate => assert!(p.reason.is_some(), "why: {:?}", p.text),
            ParagraphKind::Story => assert_eq!(p.reason, None),
            ParagraphKind::Headline => {}
        }
    }
    if let Some(m) = &v.metadata {
        for f in [
            &m.title,
            &m.site_name,
            &m.byline,
            &m.published,
            &m.modified,
            &m.canonical_url,
            &m.description,
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                !f.contains(['\n', '\r']) && f.chars().count() <= 301,
                "field {f:?}"
            );
        }
    }
    assert!(!v.label.contains(['\n', '\r']), "label {:?}", v.label);
    let again = ingest::decode(&input("dir/page.html", data), &LENIENT).expect("again");
    assert_eq!(again.paragraphs, v.paragraphs, "deterministic");
    match ingest::decode(&input("dir/page.html", data), &ReadOptions::default()) {
        Ok(strict) => assert_eq!(strict.text, v.text),
        Err(ingest::Error::Binary { .. }) => {}
        Err(e) => panic!("only binary input is refused, not: {e}"),
    }
}

// ---------------------------------------------------------------- config

/// Two short versions with a change of number, name and wording, and a line
/// of furniture, for a parsed configuration to run the engine on.
const TINY: [&str; 2] = [
    "Rockets hit the base\n\nSeven rockets struck the Ain al-Asad base on Sunday, officials said.\n\nAdvertisement\n\nNo one was hurt, the ministry said.",
    "Rockets hit base\n\nAt least 7 rockets struck the Ain al-Assad base on Monday, police said.\n\nNo one was injured, the ministry said.\n\nShare this article",
];

/// Text → [`Config::from_toml_str`]: an error with a line and column inside
/// the text, or a configuration the engine, the keymap and the theme accept
/// without panicking (a bad pattern is an error, not a panic).
pub fn config(data: &[u8]) {
    let src = lossy(data);
    match Config::from_toml_str(&src, "fuzz.toml") {
        Err(config::Error::Parse {
            path, line, column, ..
        }) => {
            assert_eq!(path, "fuzz.toml");
            let lines = src.split('\n').count();
            assert!((1..=lines).contains(&line), "line {line} of {lines}");
            assert!(column >= 1);
        }
        Err(other) => panic!("parsing a string cannot fail to read: {other}"),
        Ok(cfg) => {
            let versions = TINY
                .iter()
                .enumerate()
                .map(|(i, t)| version(&format!("v{i}.txt"), t.as_bytes()))
                .collect();
            if let Ok(cmp) = compare(versions, &cfg.engine()) {
                comparison(&cmp);
            }
            let keymap = Keymap::with_overrides(&cfg.tui.keys);
            assert!(!keymap.markdown_table().is_empty());
            assert!(!keymap.help_rows().is_empty());
            let level = cfg.tui.colors.unwrap_or(ColorLevel::Truecolor);
            let _ = Theme::new(cfg.tui.theme, level, false);
        }
    }
}

// ---------------------------------------------------------------- align

fn version(path: &str, bytes: &[u8]) -> Version {
    ingest::decode(&input(path, bytes), &LENIENT).expect("allow_binary decodes any bytes")
}

/// Two to four versions cut from `data` (one part is compared with itself).
fn versions(data: &[u8], max: usize) -> Vec<Version> {
    let mut ps = parts(data, max);
    if ps.len() < 2 {
        ps.push(ps[0]);
    }
    ps.iter()
        .enumerate()
        .map(|(i, b)| version(&format!("v{i}.txt"), b))
        .collect()
}

/// Up to four versions → [`compare`], then [`comparison`].
pub fn align(data: &[u8]) {
    let cmp = compare(versions(data, 4), &EngineConfig::default())
        .expect("the built-in patterns compile");
    comparison(&cmp);
}

/// The alignment's own invariants: a cell per version in every row, cell ids
/// sorted and in range, every story paragraph in exactly one row and every
/// boilerplate paragraph in none, unmoved cells in file order down each
/// column, no empty row.
pub fn table(versions: &[Version], rows: &[wirediff::align::Row]) {
    let n = versions.len();
    for (v, ver) in versions.iter().enumerate() {
        let mut seen = vec![0usize; ver.paragraphs.len()];
        for (r, row) in rows.iter().enumerate() {
            assert_eq!(row.cells.len(), n, "row {r} has a cell per version");
            let cell = &row.cells[v];
            assert!(
                cell.windows(2).all(|w| w[0] < w[1]),
                "row {r} v{v} ids sorted"
            );
            for &id in cell {
                assert!(id < seen.len(), "row {r} v{v} names paragraph {id}");
                seen[id] += 1;
            }
            assert!(
                !(cell.is_empty() && row.moved.contains(&v)),
                "row {r} marks absent v{v} moved"
            );
        }
        for p in &ver.paragraphs {
            let want = usize::from(p.kind != ParagraphKind::Boilerplate);
            assert_eq!(
                seen[p.id], want,
                "v{v} paragraph {} ({:?}) is in {} rows",
                p.id, p.kind, seen[p.id]
            );
        }
        let firsts: Vec<usize> = rows
            .iter()
            .filter(|r| !r.cells[v].is_empty() && !r.moved.contains(&v))
            .map(|r| r.cells[v][0])
            .collect();
        assert!(
            firsts.windows(2).all(|w| w[0] < w[1]),
            "v{v} unmoved cells out of file order: {firsts:?}"
        );
    }
    for (r, row) in rows.iter().enumerate() {
        assert!(row.cells.iter().any(|c| !c.is_empty()), "row {r} is empty");
    }
}

/// The invariants of a comparison:
///
/// - every story paragraph (headline included) of every version is in exactly
///   one row, each boilerplate paragraph in none; no row is empty; cell ids are
///   sorted; read down a column, the cells not marked moved are in file order;
/// - a similarity per row, within 0..=1;
/// - every change is between two versions present in its row, in row order,
///   and its spans are the change's own text in the two cells' texts;
/// - word counts of a pair never have more words alike than words.
pub fn comparison(cmp: &Comparison) {
    let n = cmp.versions.len();
    let rows = &cmp.table.rows;
    table(&cmp.versions, rows);
    assert_eq!(cmp.similarity.len(), rows.len());
    for (r, s) in cmp.similarity.iter().enumerate() {
        assert!((0.0..=1.0 + 1e-9).contains(s), "row {r} similarity {s}");
    }
    let mut last_row = 0;
    for c in &cmp.changes {
        assert!(
            c.row < rows.len() && c.row >= last_row,
            "changes in row order"
        );
        last_row = c.row;
        assert!(c.against < c.version && c.version < n);
        let row = &rows[c.row];
        assert!(!row.cells[c.against].is_empty() && !row.cells[c.version].is_empty());
        let (old, new) = (
            cmp.cell_text(c.row, c.against),
            cmp.cell_text(c.row, c.version),
        );
        span_is(&old, &c.change.old_span, &c.change.old, "old");
        span_is(&new, &c.change.new_span, &c.change.new, "new");
        assert!(ChangeKind::ALL.contains(&c.change.kind));
        let _ = c.change.reason.to_string();
    }
    for w in &cmp.pair_words {
        assert!(w.a < w.b && w.b < n && w.row < rows.len());
        assert!(w.same_a <= w.words_a && w.same_b <= w.words_b, "{w:?}");
    }
    assert!(cmp.default_reference() < n);
}

fn span_is(text: &str, span: &Range<usize>, want: &str, side: &str) {
    assert_eq!(
        text.get(span.clone()),
        Some(want),
        "{side} span {span:?} of {text:?} is not {want:?}"
    );
}

// ---------------------------------------------------------------- diff

/// Two texts → [`diff::segments`] both ways, with the default limits and with
/// a tiny token limit (the coarse path): the segments rebuild both texts
/// exactly, with spans in order, on character boundaries, each change its
/// spans' text, never empty, trimmed; added text has a new side and removed
/// text an old one. One text (no [`SEP`]) is diffed with itself: no change.
pub fn diff(data: &[u8]) {
    let ps = parts(data, 2);
    let a = lossy(ps[0]);
    let Some(b) = ps.get(1).map(|b| lossy(b)) else {
        let segs = diff::segments(&a, &a, &DiffOptions::default());
        assert!(
            segs.iter().all(|s| matches!(s, Segment::Equal { .. })),
            "a text differs from itself: {segs:?}"
        );
        assert!((diff::similarity(&a, &a) - 1.0).abs() < 1e-9);
        return;
    };
    let coarse = DiffOptions {
        max_tokens: 3,
        ..DiffOptions::default()
    };
    for opts in [DiffOptions::default(), coarse] {
        rebuild(&a, &b, &opts);
        rebuild(&b, &a, &opts);
    }
    let s = diff::similarity(&a, &b);
    assert!((0.0..=1.0 + 1e-9).contains(&s), "similarity {s}");
}

fn rebuild(a: &str, b: &str, opts: &DiffOptions) {
    let segs = diff::segments(a, b, opts);
    let (mut ra, mut rb) = (String::new(), String::new());
    for s in &segs {
        let (o, n) = match s {
            Segment::Equal { old_span, new_span } => (old_span.clone(), new_span.clone()),
            Segment::Change(c) => {
                span_is(a, &c.old_span, &c.old, "old");
                span_is(b, &c.new_span, &c.new, "new");
                assert!(!(c.old.is_empty() && c.new.is_empty()), "empty change");
                assert_eq!(c.old.trim(), c.old, "change trimmed");
                assert_eq!(c.new.trim(), c.new, "change trimmed");
                match c.kind {
                    ChangeKind::Added => assert!(!c.new.is_empty(), "added nothing: {c:?}"),
                    ChangeKind::Removed => assert!(!c.old.is_empty(), "removed nothing: {c:?}"),
                    _ => {}
                }
                let _ = c.reason.to_string();
                (c.old_span.clone(), c.new_span.clone())
            }
        };
        assert_eq!(o.start, ra.len(), "old spans contiguous: {segs:?}");
        assert_eq!(n.start, rb.len(), "new spans contiguous: {segs:?}");
        ra.push_str(a.get(o).expect("old span on char boundaries"));
        rb.push_str(b.get(n).expect("new span on char boundaries"));
    }
    assert_eq!(ra, a, "old text rebuilt");
    assert_eq!(rb, b, "new text rebuilt");
}

// ---------------------------------------------------------------- terminal

/// A character a terminal must not receive raw: C0 controls, DEL, C1 controls
/// (U+009B is a one-character CSI) and the bidirectional controls that can
/// make text read other than it is.
#[must_use]
pub fn is_raw_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `out` with the sequences in `allowed` removed holds no raw control but
/// newline and tab.
pub fn terminal_safe(what: &str, out: &str, allowed: &[&str]) {
    let mut rest = out.to_string();
    for seq in allowed {
        rest = rest.replace(seq, "");
    }
    let chars: Vec<char> = rest.chars().collect();
    if let Some(at) = chars
        .iter()
        .position(|&c| c != '\n' && c != '\t' && is_raw_control(c))
    {
        let around: String = chars[at.saturating_sub(40)..(at + 40).min(chars.len())]
            .iter()
            .collect();
        panic!("{what}: raw U+{:04X} in {around:?}", chars[at] as u32);
    }
}

fn export_text(cmp: &Comparison, format: Format, opts: &ExportOptions) -> String {
    let mut out = Vec::new();
    export::write(cmp, format, opts, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("exports are UTF-8")
}

/// Text → [`sanitize::terminal`], and versions cut from it (their labels and
/// paths taken from their first characters, as a hostile file name would be)
/// → every export and the terminal UI: nothing reaches a terminal raw but
/// newlines, tabs and the ANSI exporter's own SGR sequences; the JSON parses.
pub fn terminal(data: &[u8]) {
    let text = lossy(data);
    let one_line = sanitize::terminal(&text, false);
    terminal_safe("sanitize (one line)", &one_line, &[]);
    assert!(!one_line.contains(['\n', '\t']), "one line: {one_line:?}");
    let lines = sanitize::terminal(&text, true);
    terminal_safe("sanitize (lines)", &lines, &[]);
    assert!(!lines.contains('\t'));
    assert_eq!(lines.matches('\n').count(), text.matches('\n').count());

    let mut versions = versions(data, 3);
    for v in &mut versions {
        let name: String = v.text.chars().take(24).collect();
        v.label = name.clone();
        v.path = name;
    }
    let cmp = compare(versions, &EngineConfig::default()).expect("the built-in patterns compile");
    let n = cmp.versions.len();
    // Two views, not all four pairs: the default reference without boilerplate
    // (what a user first sees) and the last version with it (another
    // orientation, furniture shown), to keep the stable replay fast.
    for (reference, boilerplate) in [(cmp.default_reference(), false), (n - 1, true)] {
        let opts = ExportOptions {
            reference,
            versions: (0..n).collect(),
            boilerplate,
            color: true,
            critic: false,
        };
        terminal_safe("ANSI", &export_text(&cmp, Format::Ansi, &opts), &ANSI_SGR);
        terminal_safe("HTML", &export_text(&cmp, Format::Html, &opts), &[]);
        terminal_safe("Markdown", &export_text(&cmp, Format::Md, &opts), &[]);
        let plain = ExportOptions {
            color: false,
            critic: true,
            ..opts.clone()
        };
        terminal_safe(
            "ANSI (no colour)",
            &export_text(&cmp, Format::Ansi, &plain),
            &[],
        );
        terminal_safe("CriticMarkup", &export_text(&cmp, Format::Md, &plain), &[]);
        let json = export_text(&cmp, Format::Json, &opts);
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
            panic!("JSON export does not parse: {e}");
        }
        let view = StoryView::new(&cmp, opts.choice());
        let mut table = Vec::new();
        export::table::write(&cmp, &view, &mut table).expect("writing to memory");
        terminal_safe("table", &String::from_utf8_lossy(&table), &[]);
    }
    let _ = Choice::default_for(&cmp);
    screen(cmp);
}

/// The terminal UI's frames (first screen, next change, pair view, help):
/// every cell's symbol is free of raw controls.
fn screen(cmp: Comparison) {
    let theme = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false);
    let mut app = App::new(cmp, Keymap::default(), (80, 24));
    for step in ["", "n", "p", "?"] {
        if let Ok(key) = Key::parse(step) {
            app.key(key);
        }
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test terminal");
        term.draw(|f| {
            f.render_widget(
                Screen {
                    app: &app,
                    theme: &theme,
                },
                f.area(),
            );
        })
        .expect("drawing to memory");
        let symbols: String = term
            .backend()
            .buffer()
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        terminal_safe(&format!("screen after {step:?}"), &symbols, &[]);
    }
}

// ---------------------------------------------------------------- collections

/// JSON Lines as a collection (`collection::read::parse_lines`): a record
/// error names a line of the input; otherwise ids are unique and non-empty,
/// every article is in exactly one story (grouped here, and by passim's
/// clusters when the records carry them), and the listing's JSON parses and
/// names every article once.
pub fn collection(data: &[u8]) {
    use wirediff::collection::group::{GroupOptions, group_by_source};
    use wirediff::collection::read::parse_lines;
    use wirediff::collection::{Collection, Error, stories};

    let lines = data.split(|&b| b == b'\n').count();
    let articles = match parse_lines(data, "fuzz.jsonl") {
        Ok(a) => a,
        Err(Error::Record { path, line, reason }) => {
            assert_eq!(path, "fuzz.jsonl");
            assert!((1..=lines).contains(&line), "line {line} of {lines}");
            assert!(!reason.is_empty() && !reason.contains('\n'), "{reason:?}");
            return;
        }
        Err(other) => panic!("only record errors: {other}"),
    };
    let ids: std::collections::HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), articles.len(), "ids unique");
    assert!(articles.iter().all(|a| !a.id.is_empty()));
    let collection = Collection {
        articles,
        skipped: Vec::new(),
    };
    let texts: Vec<&str> = collection
        .articles
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    let mut groups = vec![group_by_source(
        &texts,
        &collection.sources(),
        &GroupOptions::default(),
    )];
    if collection.is_passim_output() {
        groups.push(stories::by_cluster(&collection));
    }
    for g in &groups {
        let mut all: Vec<usize> = g.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..texts.len()).collect::<Vec<_>>(), "a partition");
        assert!(g.iter().all(|s| !s.is_empty()));
        let listed = stories::describe(&collection, g);
        let mut json = Vec::new();
        stories::write_json(&collection, &listed, false, &mut json).expect("write");
        let doc: serde_json::Value = serde_json::from_slice(&json).expect("listing parses");
        let named = doc["stories"].as_array().map_or(0, |s| {
            s.iter()
                .map(|s| s["members"].as_array().map_or(0, Vec::len))
                .sum()
        });
        assert_eq!(named, texts.len());
        let mut table = Vec::new();
        stories::write_table(&collection, &listed, &mut table).expect("write");
    }
}
