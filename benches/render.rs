//! Benchmarks of the terminal UI on a long story: one frame rendered at 200×50
//! into an off-screen buffer, at the top and in the middle of a 30,000-row
//! story, and the keypresses that move far (page down, end, next changed row).
//! The cost of a frame must depend on the screen, not on the story's length.
//! When the two whole Bibles are built (`scripts/bibles.py
//! $TMPDIR/wirediff-bibles/full`, or `WIREDIFF_BIBLES`), the same frames and
//! keys at the top, the middle and the end of them (issue 10: a frame within
//! 2 ms anywhere in the two books).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wirediff::compare::{EngineConfig, compare};
use wirediff::tui::app::App;
use wirediff::tui::keymap::{Action, Keymap};
use wirediff::tui::theme::{ColorLevel, Theme, ThemeName};
use wirediff::tui::views::Screen;

#[path = "support/bibles.rs"]
mod bibles;

#[path = "../tests/support/synth.rs"]
mod synth;

fn long_story() -> App {
    // Two rewrites of a 30,000-paragraph story.
    let versions = synth::story(3, 2, 30_000, 6);
    let cmp = compare(versions, &EngineConfig::default()).expect("compare");
    eprintln!("rows: {}", cmp.table.rows.len());
    App::new(cmp, Keymap::default(), (200, 50))
}

/// The two whole Bibles compared and opened, when built.
fn bibles() -> Option<App> {
    let (_, versions) = bibles::bibles("full")?;
    let cmp = compare(versions, &EngineConfig::default()).ok()?;
    Some(App::new(cmp, Keymap::default(), (200, 50)))
}

/// Draws one frame of `app` into `terminal`.
fn frame(terminal: &mut Terminal<TestBackend>, app: &App, theme: &Theme) {
    terminal
        .draw(|f| {
            f.render_widget(
                Screen {
                    app: black_box(app),
                    theme,
                },
                f.area(),
            )
        })
        .map(|_| ())
        .expect("draws");
}

/// Frames at the top, the middle and the end of the Bibles, and `n` from
/// the middle.
fn bible_frames(c: &mut Criterion) {
    let Some(mut app) = bibles() else {
        return;
    };
    let theme = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let mut g = c.benchmark_group("tui-bibles");
    let last = app.items.len().saturating_sub(1);
    for (name, at) in [("top", 0), ("middle", last / 2), ("end", last)] {
        app.top.item = at;
        g.bench_function(format!("frame-200x50-{name}"), |b| {
            b.iter(|| frame(&mut terminal, &app, &theme))
        });
    }
    g.bench_function("key-next-change", |b| {
        b.iter(|| {
            app.top.item = last / 2;
            app.current_change = None;
            app.update(Action::NextChange);
        });
    });
    // A search that matches nowhere reads every row once: the worst case.
    app.search = Some("no such words anywhere".into());
    g.bench_function("search-not-found", |b| {
        b.iter(|| {
            app.top.item = last / 2;
            app.update(Action::NextChange);
        });
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    bible_frames(c);
    let mut app = long_story();
    let theme = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let mut g = c.benchmark_group("tui-30k-rows");
    g.bench_function("frame-200x50-top", |b| {
        b.iter(|| frame(&mut terminal, &app, &theme))
    });
    let middle = app.items.len() / 2;
    app.top.item = middle;
    g.bench_function("frame-200x50-middle", |b| {
        b.iter(|| frame(&mut terminal, &app, &theme))
    });
    g.bench_function("key-page-down", |b| {
        b.iter(|| {
            app.top.item = middle;
            app.update(Action::PageDown);
        });
    });
    g.bench_function("key-end", |b| {
        b.iter(|| {
            app.top.item = 0;
            app.update(Action::Bottom);
        });
    });
    g.bench_function("key-next-changed-row", |b| {
        b.iter(|| {
            app.top.item = middle;
            app.update(Action::NextChangedRow);
        });
    });
    g.bench_function("key-next-change", |b| {
        b.iter(|| {
            app.top.item = middle;
            app.current_change = None;
            app.update(Action::NextChange);
        });
    });
    g.finish();
}

criterion_group!(tui, benches);
criterion_main!(tui);
