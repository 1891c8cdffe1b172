//! Times the engine's stages apart on two or more files, for the growth table
//! of issue 10: ingest, boilerplate classification, alignment, word diff (the
//! rest of `compare`: every row's word diff and change kinds) and the JSON
//! export, each the median of `--runs` runs (default 3).
//!
//! A quick companion of `benches/align.rs`: criterion is thorough but slow on
//! whole books, while this prints one line per input in seconds.
//!
//! usage: cargo run --release --example stages -- [--runs N] A B [C…]

use std::time::{Duration, Instant};

use wirediff::align::align;
use wirediff::boilerplate::Classifier;
use wirediff::compare::{EngineConfig, compare};
use wirediff::ingest::{self, ReadOptions};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort_unstable();
    xs.get(xs.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let mut runs = 3;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(3);
        } else {
            files.push(a);
        }
    }
    if files.len() < 2 {
        eprintln!("usage: stages [--runs N] A B [C…]");
        std::process::exit(2);
    }
    let opts = ReadOptions {
        max_bytes: u64::MAX,
        ..ReadOptions::default()
    };
    let cfg = EngineConfig::default();
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mut times: [Vec<Duration>; 6] = Default::default();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let Ok(versions) = ingest::load(&files, &opts) else {
            eprintln!("cannot read the inputs");
            std::process::exit(2);
        };
        times[0].push(t.elapsed());
        let Ok(classifier) = Classifier::new(&cfg.boilerplate) else {
            std::process::exit(2);
        };
        let mut classified = versions.clone();
        let t = Instant::now();
        classifier.classify(&mut classified);
        times[1].push(t.elapsed());
        let t = Instant::now();
        let table = align(&classified, &cfg.align);
        times[2].push(t.elapsed());
        drop(table);
        let t = Instant::now();
        let Ok(cmp) = compare(versions, &cfg) else {
            std::process::exit(2);
        };
        times[5].push(t.elapsed());
        let t = Instant::now();
        let mut sink = Vec::new();
        let _ = wirediff::export::json::write(&cmp, &mut sink);
        times[4].push(t.elapsed());
    }
    let [ingest, classify, align, _, json, compare] = times.map(median);
    let diff = compare.saturating_sub(classify + align);
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{:>10} bytes  ingest {:8.1} ms  classify {:8.1} ms  align {:8.1} ms  diff {:8.1} ms  json {:8.1} ms  compare {:8.1} ms",
        bytes,
        ms(ingest),
        ms(classify),
        ms(align),
        ms(diff),
        ms(json),
        ms(compare)
    );
}
