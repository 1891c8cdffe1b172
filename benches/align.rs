//! Benchmarks of the engine: the bundled sample story end to end, and a synthetic
//! 20-version × 200-paragraph story, with classification, alignment and word
//! diffs timed apart so a regression points at its stage.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wirediff::align::{AlignConfig, align};
use wirediff::boilerplate::{BoilerplateConfig, Classifier};
use wirediff::compare::{EngineConfig, compare};
use wirediff::ingest::{self, ReadOptions};

#[path = "../tests/support/synth.rs"]
mod synth;

fn sample() -> Vec<wirediff::model::Version> {
    let opts = ReadOptions::default();
    ingest::sample_inputs()
        .iter()
        .map(|i| ingest::decode(i, &opts).expect("sample"))
        .collect()
}

fn benches(c: &mut Criterion) {
    let seeds = sample();
    c.bench_function("sample/ingest", |b| b.iter(sample));
    c.bench_function("sample/compare", |b| {
        b.iter(|| compare(black_box(seeds.clone()), &EngineConfig::default()).expect("compare"));
    });

    let big = synth::story(42, 20, 200, 20);
    let classifier = Classifier::new(&BoilerplateConfig::default()).expect("rules");
    let mut classified = big.clone();
    classifier.classify(&mut classified);
    let mut g = c.benchmark_group("synthetic-20x200");
    g.sample_size(10);
    g.bench_function("classify", |b| {
        b.iter(|| {
            let mut v = big.clone();
            classifier.classify(&mut v);
            v
        });
    });
    g.bench_function("align", |b| {
        b.iter(|| align(black_box(&classified), &AlignConfig::default()))
    });
    g.bench_function("compare", |b| {
        b.iter(|| compare(black_box(big.clone()), &EngineConfig::default()).expect("compare"));
    });
    g.finish();

    // The analysis (statistics, names, quotations) on finished comparisons.
    let sample_cmp = compare(seeds, &EngineConfig::default()).expect("compare");
    let big_cmp = compare(big, &EngineConfig::default()).expect("compare");
    let mut g = c.benchmark_group("analysis");
    g.sample_size(10);
    for (name, cmp) in [("sample", &sample_cmp), ("synthetic-20x200", &big_cmp)] {
        g.bench_function(format!("{name}/stats"), |b| {
            b.iter(|| wirediff::analysis::stats::compute(black_box(cmp), 0));
        });
        g.bench_function(format!("{name}/entities"), |b| {
            b.iter(|| wirediff::analysis::entities::entities(black_box(cmp)));
        });
        g.bench_function(format!("{name}/quotes"), |b| {
            b.iter(|| wirediff::analysis::quotes::quotations(black_box(cmp)));
        });
    }
    g.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
