//! Benchmarks of the engine: the bundled sample story, a synthetic 20-version
//! × 200-paragraph story and the two Bibles at 100 KB and 1 MB, with ingest,
//! boilerplate classification, alignment and the whole comparison timed apart
//! (the word diff of the rows is `compare` minus `classify` and `align`), so a
//! regression points at its stage.
//!
//! The Bibles are built by `scripts/bibles.py` into `$WIREDIFF_BIBLES`
//! (default `$TMPDIR/wirediff-bibles`, as `scripts/peers.sh` uses):
//! `python3 scripts/bibles.py DIR/100k --verses 750` and
//! `python3 scripts/bibles.py DIR/1m --verses 7500`. When absent they are
//! skipped with a notice. For the whole books, `examples/stages.rs` is quicker.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wirediff::align::{AlignConfig, align};
use wirediff::boilerplate::{BoilerplateConfig, Classifier};
use wirediff::compare::{EngineConfig, compare};
use wirediff::ingest::{self, ReadOptions};
use wirediff::model::Version;

#[path = "support/bibles.rs"]
mod bibles;
use bibles::bibles;

#[path = "../tests/support/synth.rs"]
mod synth;

fn sample() -> Vec<wirediff::model::Version> {
    let opts = ReadOptions::default();
    ingest::sample_inputs()
        .iter()
        .map(|i| ingest::decode(i, &opts).expect("sample"))
        .collect()
}

/// Times ingest, classification, alignment and the whole comparison of `versions`
/// (read back from `files` for ingest) in one group.
fn stages(c: &mut Criterion, name: &str, files: &[String], versions: &[Version]) {
    let classifier = Classifier::new(&BoilerplateConfig::default()).expect("rules");
    let mut classified = versions.to_vec();
    classifier.classify(&mut classified);
    let mut g = c.benchmark_group(name);
    g.sample_size(10);
    if !files.is_empty() {
        let opts = ReadOptions {
            max_bytes: u64::MAX,
            ..ReadOptions::default()
        };
        g.bench_function("ingest", |b| {
            b.iter(|| ingest::load(black_box(files), &opts).expect("read"));
        });
    }
    g.bench_function("classify", |b| {
        b.iter(|| {
            let mut v = versions.to_vec();
            classifier.classify(&mut v);
            v
        });
    });
    g.bench_function("align", |b| {
        b.iter(|| align(black_box(&classified), &AlignConfig::default()));
    });
    g.bench_function("compare", |b| {
        b.iter(|| {
            compare(black_box(versions.to_vec()), &EngineConfig::default()).expect("compare")
        });
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let seeds = sample();
    c.bench_function("sample/ingest", |b| b.iter(sample));
    c.bench_function("sample/compare", |b| {
        b.iter(|| compare(black_box(seeds.clone()), &EngineConfig::default()).expect("compare"));
    });
    stages(c, "sample", &[], &seeds);
    for size in ["100k", "1m"] {
        if let Some((files, versions)) = bibles(size) {
            stages(c, &format!("bibles-{size}"), &files, &versions);
        }
    }

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
            b.iter(|| {
                let cmp = black_box(cmp);
                wirediff::analysis::stats::compute(cmp, 0, (&cmp.changes, &cmp.pair_words))
            });
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
