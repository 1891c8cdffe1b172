//! Rendered frames of the terminal UI, with styles, driven by key names through
//! the same key parser and handler a user's keys go through.

#[path = "support/screen.rs"]
mod screen;
#[path = "support/synth.rs"]
mod synth;

use insta::assert_snapshot;
use screen::{app, keys, markup, render, sample, text, type_text};
use wirediff::tui::app::{App, Mode, Overlay};

#[test]
fn sample_at_80x24() {
    let a = app(sample(), 80, 24);
    assert_snapshot!(markup(&render(&a)));
}

#[test]
fn sample_at_200x50() {
    let a = app(sample(), 200, 50);
    assert_snapshot!(markup(&render(&a)));
}

#[test]
fn next_change_highlights_and_reports_it() {
    let mut a = app(sample(), 200, 50);
    keys(&mut a, "n n");
    let frame = render(&a);
    assert!(a.current_change.is_some());
    assert!(text(&frame).contains("change in row"), "{}", text(&frame));
    assert_snapshot!(markup(&frame));
}

#[test]
fn pair_view_side_by_side_and_inline() {
    let mut a = app(sample(), 120, 30);
    keys(&mut a, "p");
    assert_eq!(a.mode, Mode::Pair { inline: false });
    assert_snapshot!("pair_side", markup(&render(&a)));
    keys(&mut a, "i");
    assert_eq!(a.mode, Mode::Pair { inline: true });
    assert_snapshot!("pair_inline", markup(&render(&a)));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut a = app(sample(), 100, 45);
    keys(&mut a, "?");
    let frame = render(&a);
    for (keys, help) in a.keymap.help_rows() {
        assert!(text(&frame).contains(help), "help lacks {keys} {help}");
    }
    assert_snapshot!(markup(&frame));
    keys(&mut a, "Esc");
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn search_highlights_and_moves_to_matches() {
    let mut a = app(sample(), 120, 30);
    keys(&mut a, "/");
    type_text(&mut a, "Green Zone");
    keys(&mut a, "Enter");
    assert_eq!(a.search.as_deref(), Some("Green Zone"));
    let frame = render(&a);
    assert!(markup(&frame).contains("rev⟩Green⟨⟩"), "match highlighted");
    assert_snapshot!(markup(&frame));
    let first = a.current_row();
    keys(&mut a, "n");
    assert_ne!(a.current_row(), first, "n moves to the next match");
}

#[test]
fn boilerplate_hidden_then_shown_in_place() {
    let mut a = app(sample(), 160, 40);
    let hidden = text(&render(&a));
    assert!(hidden.contains("(93 hidden)"), "{hidden}");
    assert!(!hidden.contains("Support from readers like you"));
    keys(&mut a, "b");
    let shown = render(&a);
    assert!(
        text(&shown).contains("Support from readers like you"),
        "{}",
        text(&shown)
    );
    assert_snapshot!(markup(&shown));
}

#[test]
fn versions_list_hides_a_version_and_sets_the_reference() {
    let mut a = app(sample(), 120, 30);
    keys(&mut a, "v");
    assert_snapshot!("versions_list", markup(&render(&a)));
    keys(&mut a, "k k k k k j x");
    assert!(!a.shown[a.order[1]]);
    keys(&mut a, "j r Esc");
    assert_eq!(a.reference, a.order[2]);
    assert_eq!(a.columns().len(), 4);
}

#[test]
fn one_column_when_the_others_are_hidden() {
    let mut a = app(sample(), 80, 24);
    keys(&mut a, "v x j x j x j x Esc");
    assert_eq!(a.columns().len(), 1);
    assert_snapshot!(markup(&render(&a)));
}

#[test]
fn twelve_versions_scroll_horizontally() {
    let versions = synth::story(5, 12, 6, 25);
    let mut a = app(screen::compared(versions), 160, 30);
    let first = text(&render(&a));
    assert!(first.contains("6 of 12 columns"), "{first}");
    assert_snapshot!(markup(&render(&a)));
    let header = |a: &App| {
        text(&render(a))
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let reference = format!("v{} ", a.reference);
    assert!(
        header(&a)
            .trim_start_matches(" row  ")
            .starts_with(&reference)
    );
    keys(&mut a, "Right Right Right");
    let scrolled = header(&a);
    // The reference stays pinned at the left; the others scroll past it.
    assert!(
        scrolled
            .trim_start_matches(" row  ")
            .starts_with(&reference),
        "{scrolled}"
    );
    assert!(
        scrolled.contains("v05") && !scrolled.contains("v00"),
        "{scrolled}"
    );
    // Focusing a column off screen scrolls to it.
    keys(&mut a, "Left Left Left");
    for _ in 0..9 {
        keys(&mut a, "Tab");
    }
    let focused = format!("v{} v", a.focus);
    assert!(header(&a).contains(&focused), "{} {}", a.focus, header(&a));
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (19, 4),
        (20, 5),
        (33, 7),
        (250, 80),
    ] {
        let mut a = app(sample(), w, h);
        let _ = render(&a);
        keys(&mut a, "G n ] p i ? Esc v Esc b C-d C-u");
        let _ = render(&a);
    }
}

#[test]
fn hostile_text_is_made_visible() {
    let evil = vec![
        "Clean opening paragraph about the vote and the protest camp outside the zone.".to_string(),
        "The escaped sequence \u{1b}]52;c;cHduZWQ=\u{7} wrote the clipboard, \u{1b}[2J cleared the screen, \u{9b}31m coloured it and \u{202e}reversed the rest of the sentence.".to_string(),
    ];
    let mut other = evil.clone();
    other[1] = "The escaped sequence wrote the clipboard, cleared the screen, coloured it and reversed the rest of the sentence.".to_string();
    let versions = vec![synth::version("a", &evil), synth::version("b", &other)];
    let a = app(screen::compared(versions), 120, 20);
    let frame = text(&render(&a));
    assert!(!frame.contains('\u{1b}') && !frame.contains('\u{9b}') && !frame.contains('\u{202e}'));
    assert!(frame.contains("^[]52;c;"), "{frame}");
}

#[test]
fn wide_and_right_to_left_text_keep_columns_aligned() {
    let a1 = vec![
        "漢字のテキストと絵文字 🎉🎉 が混ざった段落です。".to_string(),
        "نص عربي من اليمين إلى اليسار في الفقرة".to_string(),
    ];
    let a2 = vec![
        "漢字のテキストと絵文字 🎉 が混ざった段落です。".to_string(),
        "نص عربي من اليمين إلى اليسار".to_string(),
    ];
    let a = app(
        screen::compared(vec![synth::version("x", &a1), synth::version("y", &a2)]),
        60,
        14,
    );
    let buf = render(&a);
    // The column separator sits at the same x on every body line.
    let sep_x: Vec<u16> = (1..12)
        .filter_map(|y| (0..60).find(|&x| buf[(x, y)].symbol() == "│"))
        .collect();
    assert!(
        sep_x.windows(2).all(|w| w[0] == w[1]),
        "{sep_x:?}\n{}",
        text(&buf)
    );
}

#[test]
fn export_dialog_writes_what_is_on_screen_and_asks_before_replacing() {
    use wirediff::tui::export_dialog::perform;
    let dir = tempfile::tempdir().unwrap();
    let mut a = app(sample(), 120, 30);
    // Hide one version, show boilerplate, then export as Markdown.
    keys(&mut a, "v k k k k k j j x Esc b e");
    let hidden = a.order[2];
    assert!(!a.shown[hidden]);
    assert_ne!(hidden, a.reference);
    assert!(matches!(a.overlay, Overlay::Export(_)));
    assert_snapshot!("export_dialog", markup(&render(&a)));
    keys(&mut a, "Tab Right Tab C-u");
    let path = dir.path().join("report.md");
    type_text(&mut a, &path.display().to_string());
    keys(&mut a, "Enter");
    let request = a.export.take().expect("Enter asks for an export");
    assert_eq!(request.format, wirediff::export::Format::Md);
    assert!(request.options.boilerplate);
    assert!(!request.options.versions.contains(&hidden));
    assert_eq!(request.options.versions, a.shown_versions());
    assert_eq!(request.options.reference, a.reference);
    perform(&mut a, &request);
    assert_eq!(a.overlay, Overlay::None, "{:?}", a.message);
    let written = std::fs::read_to_string(&path).unwrap();
    // Markdown names versions "v<N> <label>" in its summary table.
    assert!(
        !written.contains(&format!("| v{hidden} ")),
        "hidden version left out"
    );
    for v in a.shown_versions() {
        assert!(written.contains(&format!("| v{v} ")), "v{v} in the summary");
    }
    assert!(a.message.as_deref().unwrap_or("").contains("report.md"));

    // Again to the same path: the dialog asks, the file is untouched until Enter.
    std::fs::write(&path, "keep me").unwrap();
    keys(&mut a, "e C-u");
    type_text(&mut a, &path.display().to_string());
    keys(&mut a, "Enter");
    let request = a.export.take().unwrap();
    assert!(!request.force);
    perform(&mut a, &request);
    assert!(matches!(&a.overlay, Overlay::Export(d) if d.confirm_overwrite));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    assert!(text(&render(&a)).contains("file exists"));
    keys(&mut a, "Enter");
    let request = a.export.take().unwrap();
    assert!(request.force);
    perform(&mut a, &request);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), "keep me");

    // Esc cancels without writing.
    keys(&mut a, "e Esc");
    assert_eq!(a.overlay, Overlay::None);
    assert!(a.export.is_none());
}

#[test]
fn export_dialog_refuses_to_write_over_an_input() {
    use wirediff::tui::export_dialog::perform;
    let dir = tempfile::tempdir().unwrap();
    let a_path = dir.path().join("a.txt");
    let b_path = dir.path().join("b.txt");
    std::fs::write(&a_path, "One paragraph here.\n\nAnother one.\n").unwrap();
    std::fs::write(&b_path, "One paragraph there.\n\nAnother one.\n").unwrap();
    let inputs = vec![a_path.display().to_string(), b_path.display().to_string()];
    let cmp = screen::compared(
        wirediff::ingest::load(&inputs, &wirediff::ingest::ReadOptions::default()).unwrap(),
    );
    let mut a = app(cmp, 100, 30);
    keys(&mut a, "e C-u");
    type_text(&mut a, &inputs[0]);
    keys(&mut a, "Enter");
    let request = a.export.take().unwrap();
    perform(&mut a, &request);
    perform(
        &mut a,
        &wirediff::tui::export_dialog::ExportRequest {
            force: true,
            ..request
        },
    );
    assert!(
        matches!(&a.overlay, Overlay::Export(d) if d.error.as_deref().is_some_and(|e| e.contains("inputs")))
    );
    assert_eq!(
        std::fs::read_to_string(&a_path).unwrap(),
        "One paragraph here.\n\nAnother one.\n"
    );
}

#[test]
fn overview_shows_the_matrix_shares_and_coverage() {
    let mut a = app(sample(), 160, 30);
    keys(&mut a, "o");
    assert_eq!(a.overlay, Overlay::Overview);
    let frame = render(&a);
    let t = text(&frame);
    assert!(t.contains("similarity"), "{t}");
    assert!(t.contains("coverage"), "{t}");
    // One matrix line and one coverage line per version, each naming it.
    for v in 0..a.cmp.versions.len() {
        assert!(t.matches(&format!("v{v} ")).count() >= 2, "v{v}: {t}");
    }
    // The paraphrase verdicts of the statistics are shown.
    let flagged = a
        .view
        .analysis(&a.cmp)
        .stats
        .versions
        .iter()
        .filter(|s| s.paraphrase)
        .count();
    assert_eq!(t.matches("paraphrase?").count(), flagged, "{t}");
    assert_snapshot!(markup(&frame));
    keys(&mut a, "Esc");
    assert_eq!(a.overlay, Overlay::None);
}

#[test]
fn differences_panel_filters_by_kind_and_jumps_to_the_change() {
    use wirediff::diff::ChangeKind;
    let mut a = app(sample(), 160, 30);
    keys(&mut a, "d");
    let Overlay::Differences(all) = a.overlay.clone() else {
        panic!("panel open");
    };
    assert!(!all.items.is_empty());
    // Tab: the first kind the view has (the cycle holds only kinds it has).
    keys(&mut a, "Tab");
    let Overlay::Differences(claims) = a.overlay.clone() else {
        panic!("panel open");
    };
    // A kind is chosen, and the list holds only it.
    let first = a.kind_filter;
    assert!(first.is_some());
    assert!(!claims.items.is_empty() && claims.items.len() < all.items.len());
    assert!(
        claims
            .items
            .iter()
            .all(|&c| Some(a.view.changes[c].kind) == first)
    );
    assert_snapshot!(markup(&render(&a)));
    keys(&mut a, "Enter");
    assert_eq!(a.overlay, Overlay::None);
    let c = claims.items[0];
    assert_eq!(a.current_change, Some(c));
    assert_eq!(a.current_row(), Some(a.view.changes[c].row));
    // n/N now walk that kind only.
    for _ in 0..3 {
        keys(&mut a, "n");
        let cur = a.current_change.expect("a change");
        assert_eq!(Some(a.view.changes[cur].kind), first);
    }
    // f cycles the kind; back to every kind eventually.
    for _ in 0..ChangeKind::ALL.len() + 1 {
        keys(&mut a, "f");
        if a.kind_filter.is_none() {
            break;
        }
    }
    assert_eq!(a.kind_filter, None);
}

mod loading {
    use std::time::Duration;

    use super::screen::{markup, text};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use wirediff::progress::{Snapshot, Stage};
    use wirediff::tui::loading::LoadingScreen;
    use wirediff::tui::theme::{ColorLevel, Theme, ThemeName};

    fn files(n: usize) -> Vec<String> {
        (0..n)
            .map(|v| format!("stories/wire/v{v:02}.txt"))
            .collect()
    }

    fn render(files: &[String], progress: Snapshot, w: u16, h: u16) -> Buffer {
        let theme = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal
            .draw(|f| {
                f.render_widget(
                    LoadingScreen {
                        files,
                        progress,
                        elapsed: Duration::from_secs(12),
                        theme: &theme,
                    },
                    f.area(),
                );
            })
            .expect("draw");
        terminal.backend().buffer().clone()
    }

    const DIFFING: Snapshot = Snapshot {
        stage: Stage::Diffing,
        done: 1170,
        total: 2600,
    };

    #[test]
    fn loading_screen_shows_the_stage_the_share_and_the_files() {
        let frame = render(&files(5), DIFFING, 80, 26);
        let t = text(&frame);
        assert!(t.contains("Comparing 5 versions"), "{t}");
        assert!(t.contains("✓ aligning paragraphs"), "{t}");
        assert!(t.contains("diffing rows: 1170 of 2600"), "{t}");
        assert!(t.contains(" 45%"), "{t}");
        assert!(t.contains("v4 stories/wire/v04.txt"), "{t}");
        assert!(t.contains("to quit"), "{t}");
        insta::assert_snapshot!(markup(&frame));
    }

    #[test]
    fn loading_screen_without_a_count_and_with_more_files_than_room() {
        let aligning = Snapshot {
            stage: Stage::Aligning,
            done: 0,
            total: 0,
        };
        let frame = render(&files(40), aligning, 60, 24);
        let t = text(&frame);
        assert!(
            !t.contains('%'),
            "no share for a step that does not count: {t}"
        );
        assert!(
            t.contains("v7  stories/wire/v07.txt") && t.contains("… and 32 more"),
            "{t}"
        );
        assert!(t.contains("to quit"), "the hint survives many files: {t}");
        // A hostile file name is drawn made visible, never raw.
        let evil = vec!["a\u{1b}]2;pwned\u{7}.txt".to_string(), "b.txt".into()];
        let t = text(&render(&evil, DIFFING, 60, 24));
        assert!(
            !t.contains('\u{1b}') && t.contains("^[]2;pwned^G.txt"),
            "{t}"
        );
    }

    #[test]
    fn loading_screen_at_tiny_and_odd_sizes_never_panics() {
        for (w, h) in [(0, 0), (1, 1), (10, 3), (20, 5), (33, 7), (250, 80)] {
            let _ = render(&files(3), DIFFING, w, h);
        }
    }
}

/// Every mark a column shows belongs to a version the reader can name: a
/// version's column marks only its own changes against the reference (their
/// new side); the reference column marks the old side of the focused
/// version's changes only (of every visible column when it is focused
/// itself), for every reference and focus.
#[test]
fn every_mark_belongs_to_its_columns_version() {
    use wirediff::tui::layout;
    use wirediff::tui::wrap::Mark;
    let cmp = sample();
    let n = cmp.versions.len();
    for reference in 0..n {
        for focus in 0..n {
            let mut a = app(cmp.clone(), 250, 60);
            a.reference = reference;
            a.order = std::iter::once(reference)
                .chain((0..n).filter(|&v| v != reference))
                .collect();
            a.focus = focus;
            a.rebuild_items();
            a.sync_view();
            let visible: Vec<usize> = layout::columns(&a).iter().map(|c| c.version).collect();
            assert_eq!(visible.len(), n);
            let mut marked = 0;
            for row in &a.view.rows {
                for cell in row.cells.iter().filter(|c| c.present) {
                    let marks = layout::cell_marks(&a, &row.cells, cell, &visible);
                    for (span, mark) in marks {
                        let Mark::Change(kind) = mark else { continue };
                        marked += 1;
                        let owners: Vec<usize> = a
                            .view
                            .changes
                            .iter()
                            .filter(|c| c.row == row.row && c.kind == kind)
                            .filter(|c| {
                                if cell.version == reference {
                                    c.old_span == span
                                } else {
                                    c.new_span == span && c.version == cell.version
                                }
                            })
                            .map(|c| c.version)
                            .collect();
                        assert!(
                            !owners.is_empty(),
                            "r{reference} f{focus} v{}",
                            cell.version
                        );
                        if cell.version == reference && focus != reference {
                            assert!(owners.contains(&focus), "reference marks v{focus}'s");
                        }
                    }
                }
            }
            assert!(marked > 0);
        }
    }
}

/// A word a version dropped leaves a caret in that version's own column.
#[test]
fn dropped_words_leave_a_caret_where_they_were() {
    use wirediff::tui::layout;
    let mut a = app(sample(), 250, 60);
    let focus = a.focus;
    let visible: Vec<usize> = layout::columns(&a).iter().map(|c| c.version).collect();
    let removal = a
        .view
        .changes
        .iter()
        .find(|c| c.version == focus && c.new.is_empty() && !c.old.is_empty())
        .cloned()
        .expect("the focused version drops words somewhere");
    let row = a.view.row(removal.row).expect("row");
    let cell = row.cell(focus).expect("cell");
    let inserts = layout::cell_insertions(&a, &row.cells, cell, &visible);
    assert!(
        inserts
            .iter()
            .any(|(at, s, _)| *at == removal.new_span.start && s == layout::DROP_CARET),
        "{inserts:?}"
    );
    // Drawn in the column, where the words were.
    a.top = wirediff::tui::app::Pos {
        item: a
            .items
            .iter()
            .position(|i| *i == wirediff::tui::app::Item::Row(removal.row))
            .expect("item"),
        line: 0,
    };
    assert!(text(&render(&a)).contains(layout::DROP_CARET));
}

/// `w` hides the kinds a reader reads past from the grid, the panel and
/// n/N, and the status line says so; `w` again shows them.
#[test]
fn minor_kinds_hide_in_one_key_and_the_status_says_so() {
    use wirediff::diff::ChangeKind;
    use wirediff::tui::app::MINOR_KINDS;
    use wirediff::tui::layout;
    use wirediff::tui::wrap::Mark;
    let mut a = app(sample(), 200, 50);
    let minor_marks = |a: &App| {
        let visible: Vec<usize> = layout::columns(a).iter().map(|c| c.version).collect();
        a.view
            .rows
            .iter()
            .flat_map(|r| {
                r.cells
                    .iter()
                    .flat_map(|c| layout::cell_marks(a, &r.cells, c, &visible))
                    .collect::<Vec<_>>()
            })
            .filter(|(_, m)| matches!(m, Mark::Change(k) if MINOR_KINDS.contains(k)))
            .count()
    };
    assert!(minor_marks(&a) > 0);
    assert!(!text(&render(&a)).contains("minor hidden"));
    keys(&mut a, "w");
    assert!(a.hide_minor);
    assert_eq!(minor_marks(&a), 0);
    let screen = text(&render(&a));
    assert!(screen.contains("minor hidden"), "{screen}");
    assert_snapshot!(markup(&render(&a)));
    keys(&mut a, "d");
    let Overlay::Differences(panel) = a.overlay.clone() else {
        panic!("panel open");
    };
    assert!(!panel.items.is_empty());
    assert!(
        panel
            .items
            .iter()
            .all(|&c| !MINOR_KINDS.contains(&a.view.changes[c].kind))
    );
    keys(&mut a, "Esc");
    for _ in 0..10 {
        keys(&mut a, "n");
        if let Some(c) = a.current() {
            assert!(!MINOR_KINDS.contains(&c.kind));
            assert_ne!(c.kind, ChangeKind::Wording);
        }
    }
    keys(&mut a, "w");
    assert!(minor_marks(&a) > 0);
}

/// The legend maps each kind on screen to its style; `L` hides it and gives
/// the line back to the text. Without colour, the kinds a fact-checker acts
/// on carry a tag in the text and in the legend.
#[test]
fn legend_toggles_and_tags_tell_kinds_apart_without_colour() {
    use wirediff::tui::theme::{ColorLevel, Theme, ThemeName};
    let mut a = app(sample(), 160, 40);
    let legend_line = |a: &App| {
        text(&render(a))
            .lines()
            .rev()
            .nth(1)
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        legend_line(&a).contains("ref column: v"),
        "{}",
        legend_line(&a)
    );
    assert!(legend_line(&a).contains("wording"));
    let body = a.body_height();
    keys(&mut a, "L");
    assert!(!legend_line(&a).contains("ref column"));
    assert_eq!(a.body_height(), body + 1);
    keys(&mut a, "L");
    let mono = Theme::new(ThemeName::Mono, ColorLevel::Truecolor, true);
    assert!(mono.kind_tags);
    a.kind_tags = mono.kind_tags;
    let screen = text(&wirediff_render_mono(&a, &mono));
    assert!(
        ["[date]", "[name]", "[spell]", "[quote]", "[num=]"]
            .iter()
            .any(|t| screen.contains(t)),
        "{screen}"
    );
    assert_snapshot!(markup(&wirediff_render_mono(&a, &mono)));
}

fn wirediff_render_mono(a: &App, theme: &wirediff::tui::theme::Theme) -> ratatui::buffer::Buffer {
    screen::render_with(a, theme)
}

/// `G` shows a full screen ending with the last row, not the last row alone.
#[test]
fn bottom_shows_the_last_row_at_the_bottom() {
    let mut a = app(sample(), 120, 30);
    keys(&mut a, "G");
    let screen = text(&render(&a));
    let last = a.cmp.table.rows.len();
    let lines: Vec<&str> = screen.lines().collect();
    // The body runs from line 1 to the legend; its last line is the
    // separator under the last row, and the rows above fill the screen.
    let body = &lines[1..lines.len() - 2];
    assert!(body.last().is_some_and(|l| l.contains('─')), "{screen}");
    let numbered: Vec<usize> = body
        .iter()
        .filter_map(|l| {
            l.get(..6)
                .and_then(|g| g.trim().trim_start_matches('▶').parse().ok())
        })
        .collect();
    assert_eq!(numbered.last(), Some(&last), "{screen}");
    assert!(numbered.len() >= 2, "{screen}");
}

/// `a` lists every name with its spellings and who writes which (those spelled
/// more than one way first) and every quotation with each version's state;
/// Enter goes to the row where the selected one stands.
#[test]
fn names_and_quotations_panel_lists_and_jumps() {
    use wirediff::tui::people::{Entry, row_of};
    let mut a = app(sample(), 160, 40);
    keys(&mut a, "a");
    let Overlay::People(panel) = a.overlay.clone() else {
        panic!("panel open: {:?}", a.overlay);
    };
    let names = panel
        .entries
        .iter()
        .filter(|e| matches!(e, Entry::Name(_)))
        .count();
    let quotes = panel.entries.len() - names;
    assert!(
        names > 0 && quotes > 0,
        "{names} names, {quotes} quotations"
    );
    let screen = text(&render(&a));
    // The first line is a name spelled more than one way, with who writes each.
    let first = screen.lines().nth(2).unwrap_or_default();
    assert!(
        first.contains("≠ name") && first.contains(" (v"),
        "{screen}"
    );
    assert_snapshot!(markup(&render(&a)));
    // Go to the last entry (a quotation) and open its row.
    keys(&mut a, "G");
    let Overlay::People(panel) = a.overlay.clone() else {
        panic!("panel still open");
    };
    let entry = panel.entries[panel.cursor];
    assert!(matches!(entry, Entry::Quote(_)));
    let row = row_of(&a, entry).expect("a row");
    keys(&mut a, "Enter");
    assert_eq!(a.overlay, Overlay::None);
    assert_eq!(a.current_row(), Some(row));
    // A name's row holds one of its spellings.
    keys(&mut a, "a Enter");
    let r = a.current_row().expect("row");
    let shown = a.view.row(r).expect("view row");
    let forms = &a.cmp.analysis().entities[0].forms;
    assert!(
        shown
            .cells
            .iter()
            .any(|c| forms.iter().any(|f| c.text.contains(&f.text)))
    );
}

/// A click focuses the column under it and names the row; `c` asks to copy
/// the focused cell of the current row (the shell writes it out); `u` goes
/// to a row only one version has; the overview counts changes by kind.
#[test]
fn click_copy_unique_rows_and_overview_counts() {
    use wirediff::tui::layout;
    let mut a = app(sample(), 160, 40);
    let cols = layout::columns(&a);
    let target = cols[2];
    a.click(target.x + 1, 3);
    assert_eq!(a.focus, target.version);
    assert!(
        a.message.as_deref().is_some_and(|m| m.contains(", row ")),
        "{:?}",
        a.message
    );
    // Clicks on the gutter do nothing.
    a.click(0, 3);
    assert_eq!(a.focus, target.version);
    keys(&mut a, "c");
    let copy = a.copy.clone().expect("a copy request");
    assert_eq!(copy.version, target.version);
    assert_eq!(copy.text, a.cmp.cell_text(copy.row, copy.version));
    keys(&mut a, "g u");
    let r = a.current_row().expect("row");
    let v = a.only_version(r).expect("only one version has it");
    assert!(
        a.message
            .as_deref()
            .is_some_and(|m| m.contains(&format!("only v{v}")))
    );
    keys(&mut a, "o");
    let screen = text(&render(&a));
    assert!(
        screen.contains("changes against the reference, by kind"),
        "{screen}"
    );
    assert_snapshot!(markup(&render(&a)));
}

/// At 80×24 only two columns fit: scrolling moves the others past the
/// reference, which stays pinned at the left, and the status line fits.
#[test]
fn reference_pinned_at_80x24_while_columns_scroll() {
    let mut a = app(sample(), 80, 24);
    keys(&mut a, "Right Right");
    let screen = text(&render(&a));
    let header = screen.lines().next().unwrap_or_default();
    assert!(
        header
            .trim_start_matches(" row  ")
            .starts_with(&format!("v{} ", a.reference)),
        "{screen}"
    );
    assert!(header.contains("★ref"));
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.contains("of 5 columns ▶"), "{status}");
    // The focus follows the scroll: the reference column marks a version on screen.
    assert!(
        header.contains(&format!("v{} ", a.focus)),
        "focus v{}: {header}",
        a.focus
    );
    assert_snapshot!(markup(&render(&a)));
}

/// Leaving the pair view keeps the reader where they were: the row on top
/// stays on top (it jumped back to row 1).
#[test]
fn leaving_the_pair_view_keeps_the_row() {
    let mut a = app(sample(), 160, 40);
    keys(&mut a, "] ] ] ]");
    let row = a.current_row().expect("a row");
    assert!(row > 0);
    keys(&mut a, "p");
    assert!(matches!(a.mode, Mode::Pair { .. }));
    let in_pair = a.current_row().expect("a row in the pair view");
    keys(&mut a, "Esc");
    assert_eq!(a.mode, Mode::Side);
    assert_eq!(a.current_row(), Some(in_pair), "was on row {row}");
    keys(&mut a, "p i Esc");
    assert_eq!(a.current_row(), Some(in_pair));
}
