//! Benchmark of grouping a collection into stories (`collection::group`) on
//! synthetic collections of 1,000 and 10,000 articles with known stories
//! (`benches/support/synth_collection.rs`). The 100,000-article run is measured end
//! to end with the CLI instead (README, "Collections"): criterion's repeated
//! runs would take minutes.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wirediff::collection::group::{GroupOptions, group};

#[path = "support/synth_collection.rs"]
mod synth_collection;

fn grouping(c: &mut Criterion) {
    let mut g = c.benchmark_group("group");
    g.sample_size(10);
    for n in [1_000, 10_000] {
        let articles = synth_collection::generate(n, 14);
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        g.bench_function(format!("synthetic-{n}"), |b| {
            b.iter(|| group(black_box(&texts), &GroupOptions::default()));
        });
    }
    g.finish();
}

criterion_group!(benches, grouping);
criterion_main!(benches);
