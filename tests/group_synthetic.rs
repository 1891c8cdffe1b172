//! Grouping measured on a synthetic collection with known stories (copies,
//! rewrites, partial reprints, digests, site footers; the generator is
//! `benches/support/synth_collection.rs`): pairwise F1 against the known
//! stories. The README's scale table runs the same generator at 100,000
//! articles through the CLI.

use std::collections::HashMap;

use wirediff::collection::group::{GroupOptions, group_by_source};

#[path = "../benches/support/synth_collection.rs"]
mod synth_collection;

/// Pairwise precision and recall of `stories` against `known` (one label per article).
fn pairwise(stories: &[Vec<usize>], known: &[usize]) -> (f64, f64) {
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let mut sizes: HashMap<usize, u64> = HashMap::new();
    for &g in known {
        *sizes.entry(g).or_default() += 1;
    }
    let gold: u64 = sizes.values().map(|&n| pairs(n)).sum();
    let (mut predicted, mut both) = (0, 0);
    for s in stories {
        predicted += pairs(s.len() as u64);
        let mut c: HashMap<usize, u64> = HashMap::new();
        for &i in s {
            *c.entry(known[i]).or_default() += 1;
        }
        both += c.values().map(|&n| pairs(n)).sum::<u64>();
    }
    (
        both as f64 / predicted.max(1) as f64,
        both as f64 / gold.max(1) as f64,
    )
}

#[test]
fn synthetic_collection_groups_into_its_known_stories() {
    let articles = synth_collection::generate(2_000, 7);
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    let mut sites: HashMap<&str, u32> = HashMap::new();
    let sources: Vec<Option<u32>> = articles
        .iter()
        .map(|a| {
            let n = sites.len() as u32;
            Some(*sites.entry(a.series.as_str()).or_insert(n))
        })
        .collect();
    let known: Vec<usize> = articles.iter().map(|a| a.group).collect();
    let stories = group_by_source(&texts, &sources, &GroupOptions::default());
    let mut all: Vec<usize> = stories.iter().flatten().copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..articles.len()).collect::<Vec<_>>(), "a partition");
    let (p, r) = pairwise(&stories, &known);
    let f1 = 2.0 * p * r / (p + r);
    assert!(f1 >= 0.95, "pairwise P {p:.3} R {r:.3} F1 {f1:.3}");
}
