//! One view, every reader: over random references and random choices and
//! orders of shown versions, on the bundled sample story and on a small
//! synthetic one, the grid's marks (through the function the renderer uses),
//! the differences panel's list and per-kind counts, the order `n`/`N` walk,
//! and every export (HTML parsed with roxmltree, Markdown with pulldown-cmark,
//! JSON with serde_json, ANSI without colour) agree on every change's
//! direction, kind, old and new. The view itself is checked against the
//! engine's stored changes, turned round by hand, so agreeing readers cannot
//! all be wrong the same way.

#[path = "support/screen.rs"]
mod screen;
#[path = "support/synth.rs"]
mod synth;

use std::sync::OnceLock;

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use wirediff::compare::Comparison;
use wirediff::diff::{ChangeKind, Why};
use wirediff::export::{self, ExportOptions, Format};
use wirediff::tui::app::App;
use wirediff::tui::wrap::Mark;
use wirediff::tui::{differences, layout};
use wirediff::view::{Choice, Oriented, StoryView, flipped_kind};

fn sample() -> &'static Comparison {
    static CMP: OnceLock<Comparison> = OnceLock::new();
    CMP.get_or_init(screen::sample)
}

fn small() -> &'static Comparison {
    static CMP: OnceLock<Comparison> = OnceLock::new();
    CMP.get_or_init(|| screen::compared(synth::story(11, 4, 9, 35)))
}

/// A change as a reader shows it: row, version, kind, old (reference side), new.
type Fact = (usize, usize, String, String, String);

/// White space as the readers fold it (line breaks, padding, pilcrows).
fn norm(s: &str) -> String {
    s.replace('¶', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn fact(c: &Oriented) -> Fact {
    (
        c.row,
        c.version,
        c.kind.name().to_string(),
        norm(&c.old),
        norm(&c.new),
    )
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

/// The view's changes, checked against the stored ones turned round by hand.
fn truth(cmp: &Comparison, view: &StoryView) -> Vec<Fact> {
    let reference = view.choice.reference;
    let mut expected = 0;
    for row in &view.rows {
        let ref_cell = row.cell(reference).expect("the reference is shown");
        for cell in &row.cells {
            let pair = (reference.min(cell.version), reference.max(cell.version));
            let stored: Vec<_> = cmp
                .changes
                .iter()
                .filter(|c| c.row == row.row && (c.against, c.version) == pair)
                .collect();
            let changes = view.cell_changes(cell);
            if cell.version == reference || !cell.present || !ref_cell.present {
                assert!(changes.is_empty());
                continue;
            }
            expected += stored.len();
            assert_eq!(
                changes.len(),
                stored.len(),
                "row {} v{}",
                row.row,
                cell.version
            );
            for (c, s) in changes.iter().zip(&stored) {
                assert_eq!((c.against, c.version), (reference, cell.version));
                let (old, new, kind) = if s.against == reference {
                    (&s.change.old, &s.change.new, s.change.kind)
                } else {
                    (&s.change.new, &s.change.old, flipped_kind(s.change.kind))
                };
                assert_eq!((&c.old, &c.new, c.kind), (old, new, kind));
                assert_eq!(&ref_cell.text[c.old_span.clone()], c.old.as_str());
                assert_eq!(&cell.text[c.new_span.clone()], c.new.as_str());
                // The kind and the reason tell the same direction: an added
                // or removed sentence's reason says "added" or "removed" as
                // its kind does (a side holding only a mark cites no words).
                if c.reason.why == Why::Sentence {
                    assert!(
                        c.reason.to_string().starts_with(c.kind.name()),
                        "{} / {}",
                        c.kind.name(),
                        c.reason
                    );
                }
                assert_eq!(c.clone().flip().flip(), *c);
            }
        }
    }
    assert_eq!(view.changes.len(), expected);
    view.changes.iter().map(fact).collect()
}

/// The UI set to show `choice`, through its own state.
fn app_for(cmp: &Comparison, choice: &Choice) -> App {
    let mut app = screen::app(cmp.clone(), 250, 60);
    app.reference = choice.reference;
    app.order = choice.versions.clone();
    app.order
        .extend((0..cmp.versions.len()).filter(|v| !choice.versions.contains(v)));
    app.shown = (0..cmp.versions.len())
        .map(|v| choice.versions.contains(&v))
        .collect();
    app.show_boilerplate = choice.boilerplate;
    // With the reference focused, n/N walk every other column.
    app.focus = choice.reference;
    app.current_change = None;
    app.rebuild_items();
    app.sync_view();
    assert_eq!(app.view.choice, *choice);
    app
}

/// The grid's marks, as the renderer computes them, per cell.
fn check_grid(app: &App, want: &[Fact]) {
    let visible: Vec<usize> = layout::columns(app).iter().map(|c| c.version).collect();
    assert_eq!(visible, app.view.choice.versions, "every column fits");
    let reference = app.reference;
    for row in &app.view.rows {
        for cell in row.cells.iter().filter(|c| c.present) {
            let got: Vec<(String, String)> = layout::cell_marks(app, &row.cells, cell, &visible)
                .into_iter()
                .map(|(span, mark)| {
                    let Mark::Change(k) = mark else {
                        panic!("only change marks: {mark:?}")
                    };
                    (k.name().to_string(), norm(&cell.text[span]))
                })
                .collect();
            let expected: Vec<(String, String)> = want
                .iter()
                .filter(|f| f.0 == row.row)
                .filter(|f| cell.version == reference || f.1 == cell.version)
                .map(|f| {
                    let side = if cell.version == reference {
                        &f.3
                    } else {
                        &f.4
                    };
                    (f.2.clone(), side.clone())
                })
                .collect();
            assert_eq!(
                sorted(got),
                sorted(expected),
                "row {} v{}",
                row.row,
                cell.version
            );
        }
    }
}

/// The panel's list and counts, and the order n and N walk.
fn check_panel_and_walk(app: &mut App, want: &[Fact]) {
    let listed: Vec<Fact> = differences::list(app)
        .into_iter()
        .map(|i| fact(&app.view.changes[i]))
        .collect();
    assert_eq!(listed, want, "panel list");
    let mut counts = [0usize; ChangeKind::ALL.len()];
    for f in want {
        let i = ChangeKind::ALL
            .iter()
            .position(|k| k.name() == f.2)
            .expect("kind");
        counts[i] += 1;
    }
    let want_counts: Vec<(ChangeKind, usize)> = ChangeKind::ALL
        .into_iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .collect();
    assert_eq!(differences::counts(app), want_counts, "panel counts");

    screen::keys(app, "g");
    let mut walked = Vec::new();
    for _ in 0..=want.len() {
        screen::keys(app, "n");
        if app
            .message
            .as_deref()
            .is_some_and(|m| !m.starts_with("change in row"))
        {
            break;
        }
        walked.push(fact(app.current().expect("n lands on a change")));
    }
    assert_eq!(walked, want, "n order");
    if !want.is_empty() {
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.starts_with("last one")),
            "{:?}",
            app.message
        );
    }
    let mut back = Vec::new();
    for _ in 0..want.len() {
        screen::keys(app, "N");
        if app
            .message
            .as_deref()
            .is_some_and(|m| !m.starts_with("change in row"))
        {
            break;
        }
        back.push(fact(app.current().expect("N lands on a change")));
    }
    back.reverse();
    // N from the last change walks back to the first, one short.
    assert_eq!(back, want[..want.len().saturating_sub(1)], "N order");
}

fn export(cmp: &Comparison, choice: &Choice, format: Format) -> String {
    let opts = ExportOptions {
        reference: choice.reference,
        versions: choice.versions.clone(),
        boilerplate: choice.boilerplate,
        color: false,
        critic: false,
    };
    let mut out = Vec::new();
    export::write(cmp, format, &opts, &mut out).expect("export");
    String::from_utf8(out).expect("utf-8")
}

/// `<ins>` and `<del>` of the HTML rows table, per cell, with kind and tooltip.
fn check_html(cmp: &Comparison, view: &StoryView, want: &[Fact]) {
    let html = export(cmp, &view.choice, Format::Html);
    // `<!DOCTYPE html>` declares no entity: allowing the DTD changes nothing else.
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(&html, opts).expect("well-formed");
    let table = doc
        .descendants()
        .find(|n| n.has_tag_name("table") && n.attribute("class") == Some("rows"))
        .expect("rows table");
    let trs: Vec<_> = table
        .descendants()
        .filter(|n| n.has_tag_name("tr") && n.attribute("id").is_some())
        .collect();
    assert_eq!(trs.len(), view.rows.len());
    for (tr, row) in trs.iter().zip(&view.rows) {
        assert_eq!(
            tr.attribute("id"),
            Some(format!("row-{}", row.row + 1).as_str())
        );
        let tds: Vec<_> = tr.children().filter(|n| n.has_tag_name("td")).collect();
        for (td, cell) in tds[1..].iter().zip(&row.cells) {
            let text = |n: roxmltree::Node<'_, '_>| -> String {
                norm(
                    &n.descendants()
                        .filter(roxmltree::Node::is_text)
                        .filter_map(|t| t.text())
                        .collect::<String>(),
                )
            };
            let got: Vec<(String, String, String)> = td
                .descendants()
                .filter(|n| n.has_tag_name("ins") || n.has_tag_name("del"))
                .map(|n| {
                    let class = n.attribute("class").unwrap_or_default();
                    let kind = class.strip_prefix("k-").unwrap_or(class).to_string();
                    let side = if n.has_tag_name("ins") { "new" } else { "old" };
                    (
                        kind,
                        format!("{side}:{}", text(n)),
                        norm(n.attribute("title").unwrap_or_default()),
                    )
                })
                .collect();
            let expected: Vec<(String, String, String)> = view
                .cell_changes(cell)
                .iter()
                .flat_map(|c| {
                    let f = fact(c);
                    let head = if c.old.is_empty() || c.new.is_empty() {
                        f.2.clone()
                    } else {
                        format!("{}: was “{}”", f.2, c.old)
                    };
                    let title = norm(&format!("{head} — {}", c.reason));
                    // Found across the row: listed after the text, both sides.
                    let shown = if c.across {
                        vec![format!("old:{}", f.3), format!("new:{}", f.4)]
                    } else if c.new.is_empty() {
                        vec![format!("old:{}", f.3)]
                    } else {
                        vec![format!("new:{}", f.4)]
                    };
                    shown
                        .into_iter()
                        .map(move |side| (f.2.clone(), side, title.clone()))
                })
                .collect();
            assert_eq!(
                sorted(got),
                sorted(expected),
                "html row {} v{}",
                row.row,
                cell.version
            );
        }
    }
    let _ = want;
}

/// The Markdown rows: per list item, `~~old~~ **new** (kind)`.
fn check_md(cmp: &Comparison, view: &StoryView, want: &[Fact]) {
    let md = export(cmp, &view.choice, Format::Md);
    let mut facts = Vec::new();
    let mut row: Option<usize> = None;
    let (mut in_heading, mut in_item, mut strike, mut strong) = (false, false, false, false);
    let (mut heading, mut item) = (String::new(), String::new());
    let (mut old, mut new) = (String::new(), String::new());
    let mut version = None;
    let kinds: Vec<&str> = ChangeKind::ALL.iter().map(|k| k.name()).collect();
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for ev in Parser::new_ext(&md, opts) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                row = heading
                    .strip_prefix("Row ")
                    .and_then(|n| n.parse::<usize>().ok())
                    .map(|n| n - 1);
            }
            Event::Start(Tag::Item) if row.is_some() => {
                in_item = true;
                item.clear();
                version = None;
            }
            Event::End(TagEnd::Item) => in_item = false,
            Event::Start(Tag::Strikethrough) => strike = true,
            Event::End(TagEnd::Strikethrough) => strike = false,
            Event::Start(Tag::Strong) => strong = true,
            Event::End(TagEnd::Strong) => strong = false,
            Event::Text(t) if in_heading => heading.push_str(&t),
            Event::Text(t) if in_item && strike => old.push_str(&t),
            Event::Text(t) if in_item && strong => new.push_str(&t),
            Event::Text(t) if in_item => {
                item.push_str(&t);
                if version.is_none() {
                    version = item
                        .strip_prefix('v')
                        .and_then(|s| s.split(' ').next())
                        .and_then(|n| n.parse::<usize>().ok());
                }
                // "(kind)" or "(kind, elsewhere in the row)" closes a change.
                for piece in t.split('(').skip(1) {
                    let name = piece.split([')', ',']).next().unwrap_or_default();
                    if kinds.contains(&name) && !(old.is_empty() && new.is_empty()) {
                        facts.push((
                            row.expect("in a row"),
                            version.expect("item names its version"),
                            name.to_string(),
                            norm(&std::mem::take(&mut old)),
                            norm(&std::mem::take(&mut new)),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    assert_eq!(sorted(facts), sorted(want.to_vec()), "markdown");
}

/// The JSON: the chosen view's changes in order; with no choice, the stored
/// changes turned round by the reader.
fn check_json(cmp: &Comparison, view: &StoryView, want: &[Fact]) {
    let json: serde_json::Value =
        serde_json::from_str(&export(cmp, &view.choice, Format::Json)).expect("json");
    assert_eq!(json["stats"]["reference"], view.choice.reference);
    let of = |c: &serde_json::Value| -> Fact {
        (
            c["row"].as_u64().expect("row") as usize,
            c["version"].as_u64().expect("version") as usize,
            c["kind"].as_str().expect("kind").to_string(),
            norm(c["old"].as_str().expect("old")),
            norm(c["new"].as_str().expect("new")),
        )
    };
    if view.choice == Choice::default_for(cmp) {
        assert!(json.get("view").is_none(), "no view section by default");
        let reference = view.choice.reference;
        let got: Vec<Fact> = json["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .filter_map(|c| {
                let f = of(c);
                let against = c["against"].as_u64().expect("against") as usize;
                if against == reference {
                    Some(f)
                } else if f.1 == reference {
                    let k = ChangeKind::ALL
                        .into_iter()
                        .find(|k| k.name() == f.2)
                        .expect("kind");
                    Some((f.0, against, flipped_kind(k).name().to_string(), f.4, f.3))
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(
            sorted(got),
            sorted(want.to_vec()),
            "json (stored, turned round)"
        );
    } else {
        let v = &json["view"];
        assert_eq!(v["reference"], view.choice.reference);
        let got: Vec<Fact> = v["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .map(of)
            .collect();
        assert_eq!(got, want, "json view");
        assert!(
            v["changes"]
                .as_array()
                .expect("changes")
                .iter()
                .all(|c| c["against"] == view.choice.reference)
        );
    }
}

/// The ANSI text without colour: per version line, `[-old-]` and `{+new+}`.
fn check_ansi(cmp: &Comparison, view: &StoryView, want: &[Fact]) {
    let out = export(cmp, &view.choice, Format::Ansi);
    let reference = view.choice.reference;
    let chunks: Vec<&str> = out.split("── row ").skip(1).collect();
    assert_eq!(chunks.len(), view.rows.len());
    let label = |v: usize| format!("v{v} {}", cmp.versions[v].label);
    let grab = |s: &str, open: &str, close: &str| -> Vec<String> {
        let mut found = Vec::new();
        let mut rest = s;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len()..];
            let Some(j) = after.find(close) else { break };
            found.push(norm(&after[..j]));
            rest = &after[j + close.len()..];
        }
        found
    };
    for (chunk, row) in chunks.iter().zip(&view.rows) {
        let others: Vec<_> = row
            .cells
            .iter()
            .filter(|c| c.version != reference)
            .collect();
        // Each version's part runs from its head to the next one's.
        let heads: Vec<usize> = others
            .iter()
            .map(|c| {
                let moved = if c.moved { " (moved)" } else { "" };
                chunk
                    .find(&format!("\n{}{moved}:", label(c.version)))
                    .expect("a line per version")
            })
            .collect();
        for (i, cell) in others.iter().enumerate() {
            let part = &chunk[heads[i]..heads.get(i + 1).copied().unwrap_or(chunk.len())];
            let facts: Vec<&Fact> = want
                .iter()
                .filter(|f| f.0 == row.row && f.1 == cell.version)
                .collect();
            let olds: Vec<String> = facts
                .iter()
                .filter(|f| !f.3.is_empty())
                .map(|f| f.3.clone())
                .collect();
            let news: Vec<String> = facts
                .iter()
                .filter(|f| !f.4.is_empty())
                .map(|f| f.4.clone())
                .collect();
            let ref_present = row.cell(reference).is_some_and(|c| c.present);
            if cell.present && ref_present {
                assert_eq!(
                    sorted(grab(part, "[-", "-]")),
                    sorted(olds),
                    "ansi row {} v{}",
                    row.row,
                    cell.version
                );
                assert_eq!(
                    sorted(grab(part, "{+", "+}")),
                    sorted(news),
                    "ansi row {} v{}",
                    row.row,
                    cell.version
                );
            } else {
                assert!(facts.is_empty());
            }
        }
    }
}

fn check(cmp: &Comparison, reference: usize, perm: &[usize], k: usize, boilerplate: bool) {
    let mut versions: Vec<usize> = perm[..k].to_vec();
    if !versions.contains(&reference) {
        versions.insert(0, reference);
    }
    let choice = Choice {
        reference,
        versions,
        boilerplate,
    };
    let mut app = app_for(cmp, &choice);
    let want = truth(cmp, &app.view);
    let separate = StoryView::new(cmp, choice);
    assert_eq!(separate, app.view, "the export's view is the screen's");
    check_grid(&app, &want);
    check_html(cmp, &separate, &want);
    check_md(cmp, &separate, &want);
    check_json(cmp, &separate, &want);
    check_ansi(cmp, &separate, &want);
    check_panel_and_walk(&mut app, &want);
}

fn choices(n: usize) -> impl Strategy<Value = (usize, Vec<usize>, usize, bool)> {
    (
        0..n,
        Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
        1..=n,
        any::<bool>(),
    )
}

proptest! {
    // Few cases: each exports the whole story four times and walks every change.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn every_reader_agrees_on_the_sample((reference, perm, k, boilerplate) in choices(5)) {
        check(sample(), reference, &perm, k, boilerplate);
    }

    #[test]
    fn every_reader_agrees_on_a_synthetic_story((reference, perm, k, boilerplate) in choices(4)) {
        check(small(), reference, &perm, k, boilerplate);
    }
}

#[test]
fn every_reader_agrees_with_no_choice_made() {
    // The default view: the JSON has no view section, its stored changes turned
    // round by the reader agree with the rest.
    let cmp = sample();
    let d = Choice::default_for(cmp);
    let perm: Vec<usize> = (0..cmp.versions.len()).collect();
    check(cmp, d.reference, &perm, perm.len(), false);
}
