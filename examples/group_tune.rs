//! Grouping measured against known groups, with the options given on the
//! command line, for tuning `collection::group::GroupOptions`:
//!
//! `cargo run --release --example group_tune -- GOLD.jsonl [key=value…]`
//!
//! GOLD.jsonl: records with `text` and a known group (`cluster` or `group`).
//! Prints pairwise precision, recall and F1 (as `scripts/score_stories.py`).

use std::collections::HashMap;
use std::time::Instant;

use wirediff::collection::group::{GroupOptions, group_by_source};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("GOLD.jsonl");
    let mut o = GroupOptions::default();
    for kv in args {
        let (k, v) = kv.split_once('=').expect("key=value");
        match k {
            "shingle" => o.shingle = v.parse().expect("number"),
            "sample" => o.sample = v.parse().expect("number"),
            "max_df" => o.max_df = v.parse().expect("number"),
            "neighbours" => o.neighbours = v.parse().expect("number"),
            "min_hits" => o.min_hits = v.parse().expect("number"),
            "min_shared" => o.min_shared = v.parse().expect("number"),
            "min_containment" => o.min_containment = v.parse().expect("number"),
            "quote_weight" => o.quote_weight = v.parse().expect("number"),
            "furniture_min" => o.furniture_min = v.parse().expect("number"),
            "hub_fraction" => o.hub_fraction = v.parse().expect("number"),
            _ => panic!("unknown option {k}"),
        }
    }
    let text = std::fs::read_to_string(&path).expect("read");
    let mut texts = Vec::new();
    let mut gold = Vec::new();
    let mut series: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        texts.push(v["text"].as_str().expect("text").to_string());
        series.push(v["series"].to_string());
        let g = v.get("cluster").or_else(|| v.get("group")).expect("group");
        gold.push(g.to_string());
    }
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let start = Instant::now();
    let mut names: HashMap<&str, u32> = HashMap::new();
    let sources: Vec<Option<u32>> = series
        .iter()
        .map(|s| {
            let n = names.len() as u32;
            Some(*names.entry(s.as_str()).or_insert(n))
        })
        .collect();
    let stories = group_by_source(&refs, &sources, &o);
    let took = start.elapsed();
    report(&stories, &gold, None);
    // The same without the largest known group's articles (in a collection
    // where one formula cluster holds most of the pairs, the rest is hidden).
    let mut sizes: HashMap<&str, usize> = HashMap::new();
    for g in &gold {
        *sizes.entry(g).or_default() += 1;
    }
    if let Some((largest, _)) = sizes.iter().max_by_key(|(_, n)| **n) {
        report(&stories, &gold, Some(largest));
    }
    println!(
        "{o:?}\narticles {} stories {} in {:.2?}",
        texts.len(),
        stories.len(),
        took
    );
}

fn report(stories: &[Vec<usize>], gold: &[String], without: Option<&str>) {
    let keep = |i: &usize| without != Some(gold[*i].as_str());
    let stories: Vec<Vec<usize>> = stories
        .iter()
        .map(|s| s.iter().copied().filter(keep).collect())
        .collect();
    let gold_kept: Vec<&String> = (0..gold.len()).filter(keep).map(|i| &gold[i]).collect();
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut by_gold: HashMap<&str, u64> = HashMap::new();
    for g in gold_kept {
        *by_gold.entry(g).or_default() += 1;
    }
    let gold_pairs: u64 = by_gold.values().map(|&n| pairs(n)).sum();
    let (mut pred_pairs, mut both) = (0, 0);
    for s in &stories {
        pred_pairs += pairs(s.len() as u64);
        let mut c: HashMap<&str, u64> = HashMap::new();
        for &i in s {
            *c.entry(&gold[i]).or_default() += 1;
        }
        both += c.values().map(|&n| pairs(n)).sum::<u64>();
    }
    let p = both as f64 / pred_pairs.max(1) as f64;
    let r = both as f64 / gold_pairs.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE);
    let label = without.map_or("all".to_string(), |g| format!("without group {g}"));
    println!(
        "{label}: gold pairs {gold_pairs} predicted {pred_pairs} P {p:.4} R {r:.4} F1 {f1:.4}"
    );
}
