//! One test per reported issue, named after it.

#[path = "support/screen.rs"]
mod screen;

use ratatui::style::Modifier;
use screen::{app, keys, render, sample, text};
use wirediff::diff::{ChangeKind, Why};
use wirediff::export::{self, ExportOptions, Format};
use wirediff::tui::app::{Item, Pos};
use wirediff::tui::layout;
use wirediff::tui::theme::{ColorLevel, Theme, ThemeName};

/// Issue 9: with the reference a later file than the version (the sample's
/// default, v4), what the version adds is shown added in the grid: coloured
/// as `added`, not struck out as removed.
#[test]
fn issue_9_an_addition_against_a_later_reference_is_not_struck_in_the_grid() {
    let mut a = app(sample(), 250, 60);
    assert_eq!(
        a.reference, 4,
        "the sample's default reference is its last file"
    );
    let (i, c) = a
        .view
        .changes
        .iter()
        .enumerate()
        .find(|(_, c)| c.kind == ChangeKind::Added && c.version < a.reference)
        .map(|(i, c)| (i, c.clone()))
        .expect("an addition of an earlier version");
    let item = a
        .items
        .iter()
        .position(|it| *it == Item::Row(c.row))
        .expect("row listed");
    a.top = Pos { item, line: 0 };
    // The marks the renderer draws with: the addition's span, as added.
    let lines = layout::item_lines(&a, item);
    let cols = layout::columns(&a);
    let col = cols
        .iter()
        .position(|k| k.version == c.version)
        .expect("column");
    let word = c
        .new
        .split_whitespace()
        .find(|w| w.chars().count() >= 4)
        .expect("a word");
    let piece = lines[col]
        .iter()
        .flatten()
        .find(|p| p.text.contains(word))
        .expect("the added word is drawn");
    assert_eq!(
        piece.mark,
        wirediff::tui::wrap::Mark::Change(ChangeKind::Added)
    );
    // And on screen: the word's cells carry the added style, never a strike.
    let theme = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false);
    let buf = screen::render_with(&a, &theme);
    let screen_text = text(&buf);
    let (y, line) = screen_text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(word))
        .expect("word on screen");
    let x = line[..line.find(word).expect("word")].chars().count();
    let cell = &buf[(u16::try_from(x).unwrap_or(0), u16::try_from(y).unwrap_or(0))];
    assert!(
        !cell.modifier.contains(Modifier::CROSSED_OUT),
        "{word} struck"
    );
    assert_eq!(cell.fg, theme.change(ChangeKind::Added).fg.expect("colour"));
    // The panel lists it as added, with a reason that says so.
    let listed = wirediff::tui::differences::list(&a);
    assert!(listed.contains(&i));
    assert!(
        c.reason.to_string().starts_with("added"),
        "{}: {}",
        c.kind.name(),
        c.reason
    );
}

/// Issue 9: the differences panel's kind never contradicts its reason
/// ("removed ∅ → , officials told…   added: , officials told…").
#[test]
fn issue_9_the_panel_kind_agrees_with_its_reason() {
    let mut a = app(sample(), 200, 60);
    keys(&mut a, "d");
    let frame = text(&render(&a));
    let mut checked = 0;
    for c in &a.view.changes {
        if matches!(c.kind, ChangeKind::Added | ChangeKind::Removed)
            && c.reason.why == Why::Sentence
            && (c.reason.old.trim().is_empty() || c.reason.new.trim().is_empty())
        {
            assert!(
                c.reason.to_string().starts_with(c.kind.name()),
                "row {} v{}: {} / {}",
                c.row + 1,
                c.version,
                c.kind.name(),
                c.reason
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "{checked}");
    // What the panel draws for the first one: kind and reason alike.
    let first = a
        .view
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::Added)
        .expect("an addition");
    let shown = frame
        .lines()
        .find(|l| {
            l.contains(&format!(
                "row {:>4}  v{:<2} added",
                first.row + 1,
                first.version
            ))
        })
        .unwrap_or_else(|| panic!("an added line\n{frame}"));
    assert!(shown.contains("added:"), "{shown}");
    assert!(!shown.contains("removed"), "{shown}");
}

/// Issue 9: the panel counts added and removed as the export of the same
/// screen does (it counted 24 / 18 where the export said 18 / 24).
#[test]
fn issue_9_panel_counts_equal_the_export() {
    let mut a = app(sample(), 260, 40);
    keys(&mut a, "d");
    let frame = text(&render(&a));
    let count = |kind: &str| -> usize {
        let needle = format!("· {kind} ");
        let at = frame.find(&needle).expect("count shown") + needle.len();
        frame[at..]
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a number")
    };
    // The Markdown summary of what the screen shows: a column per kind.
    let opts = wirediff::tui::export_dialog::on_screen(&a);
    let mut out = Vec::new();
    export::write(&a.cmp, Format::Md, &opts, &mut out).expect("export");
    let md = String::from_utf8(out).expect("utf-8");
    let head: Vec<&str> = md
        .lines()
        .find(|l| l.starts_with("| version |"))
        .expect("summary")
        .split('|')
        .map(str::trim)
        .collect();
    let column = |kind: &str| head.iter().position(|h| *h == kind).expect("column");
    let total = |kind: &str| -> usize {
        md.lines()
            .skip_while(|l| !l.starts_with("| version |"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .map(|l| {
                l.split('|')
                    .map(str::trim)
                    .nth(column(kind))
                    .and_then(|n| n.parse::<usize>().ok())
                    .expect("a count")
            })
            .sum()
    };
    for kind in ["added", "removed"] {
        assert_eq!(count(kind), total(kind), "{kind}");
    }
    assert_ne!(
        total("added"),
        total("removed"),
        "the sample tells them apart"
    );
    assert_eq!(opts, {
        let mut o = ExportOptions::all(&a.cmp);
        o.versions.clone_from(&a.view.choice.versions);
        o
    });
}

/// Leaving the pair view keeps the row on screen, even when it was the pair's
/// first row (the pair view skips rows neither version has).
#[test]
fn leaving_the_pair_view_keeps_the_row() {
    let mut a = app(sample(), 120, 30);
    keys(&mut a, "p g");
    let first = a.current_row().expect("a row");
    assert!(first > 0, "the sample's first row has neither v4 nor v0");
    keys(&mut a, "p");
    assert_eq!(a.current_row(), Some(first));
    keys(&mut a, "p } } } Esc");
    assert!(a.current_row() > Some(first));
}

/// After d → Tab → Enter, the status line says what n walks, and n says
/// "last one" at the end instead of wrapping round.
#[test]
fn n_after_the_panel_names_its_limits_and_the_last_one() {
    let mut a = app(sample(), 160, 30);
    keys(&mut a, "d Tab");
    // The cycle holds only kinds the view has: the first Tab lists something.
    assert!(!wirediff::tui::differences::list(&a).is_empty());
    let kind = a.kind_filter.expect("a kind").name();
    keys(&mut a, "Enter");
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.contains(&format!("n/N: {kind} changes only")), "{msg}");
    assert!(msg.contains("column only"), "{msg}");
    for _ in 0..a.view.changes.len() {
        keys(&mut a, "n");
        if !a
            .message
            .as_deref()
            .unwrap_or("")
            .starts_with("change in row")
        {
            break;
        }
    }
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.starts_with("last one"), "{msg}");
    assert!(msg.contains(&format!("{kind} changes only")), "{msg}");
    assert!(text(&render(&a)).contains("last one"));
}
