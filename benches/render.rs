//! Benchmarks of the terminal UI on a long story: one frame rendered at 200×50
//! into an off-screen buffer, at the top and in the middle of a 30,000-row
//! story, and the keypresses that move far (page down, end, next changed row).
//! The cost of a frame must depend on the screen, not on the story's length.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wirediff::compare::{EngineConfig, compare};
use wirediff::tui::app::App;
use wirediff::tui::keymap::{Action, Keymap};
use wirediff::tui::theme::{ColorLevel, Theme, ThemeName};
use wirediff::tui::views::Screen;

#[path = "../tests/support/synth.rs"]
mod synth;

fn long_story() -> App {
    // Two rewrites of a 30,000-paragraph story.
    let versions = synth::story(3, 2, 30_000, 6);
    let cmp = compare(versions, &EngineConfig::default()).expect("compare");
    eprintln!("rows: {}", cmp.table.rows.len());
    App::new(cmp, Keymap::default(), (200, 50))
}

fn benches(c: &mut Criterion) {
    let mut app = long_story();
    let theme = Theme::new(ThemeName::Dark, ColorLevel::Truecolor, false);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("terminal");
    let mut g = c.benchmark_group("tui-30k-rows");
    g.bench_function("frame-200x50-top", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    f.render_widget(
                        Screen {
                            app: black_box(&app),
                            theme: &theme,
                        },
                        f.area(),
                    )
                })
                .map(|_| ())
        })
    });
    let middle = app.items.len() / 2;
    app.top.item = middle;
    g.bench_function("frame-200x50-middle", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    f.render_widget(
                        Screen {
                            app: black_box(&app),
                            theme: &theme,
                        },
                        f.area(),
                    )
                })
                .map(|_| ())
        })
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
