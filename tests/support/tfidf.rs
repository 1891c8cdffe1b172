//! A plain, order-free TF-IDF cosine aligner: the baseline wirediff must beat.
//!
//! It is what one writes in an afternoon (and what issue 9 measured against):
//! lowercase alphanumeric tokens, no stemming and no stopword list, term counts
//! weighted by smoothed IDF over every paragraph of every version, cosine
//! similarity; for each pair of versions, paragraphs that are each other's best
//! match at [`MIN_COSINE`] or above are linked, and links are joined
//! transitively into rows. Paragraph order plays no part. It reads the
//! paragraphs (and their kinds) from wirediff's own JSON, so both aligners see
//! the same paragraphs and the same boilerplate: the comparison is of
//! alignment alone. The result is a document of the same contract, scored by
//! the same scorer. All pairs are scored: fine for test stories, not for books.

#![allow(dead_code)] // each test binary uses a part

use std::collections::HashMap;

use serde_json::{Value, json};

/// Mutual best matches below this cosine are not linked (a usual setting for
/// TF-IDF paragraph matching; the test table also shows 0.2 and 0.4).
pub const MIN_COSINE: f64 = 0.3;

fn tokens(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Unit-length TF-IDF vectors (sorted by term) of `texts`.
fn vectors(texts: &[&str]) -> Vec<Vec<(usize, f64)>> {
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut counts: Vec<HashMap<usize, f64>> = Vec::new();
    let mut df: Vec<f64> = Vec::new();
    for t in texts {
        let mut tf: HashMap<usize, f64> = HashMap::new();
        for w in tokens(t) {
            let next = ids.len();
            let id = *ids.entry(w).or_insert(next);
            if id == df.len() {
                df.push(0.0);
            }
            *tf.entry(id).or_insert(0.0) += 1.0;
        }
        for id in tf.keys() {
            df[*id] += 1.0;
        }
        counts.push(tf);
    }
    let n = texts.len() as f64;
    counts
        .into_iter()
        .map(|tf| {
            let mut v: Vec<(usize, f64)> = tf
                .into_iter()
                .map(|(id, c)| (id, c * (((1.0 + n) / (1.0 + df[id])).ln() + 1.0)))
                .collect();
            v.sort_by_key(|&(id, _)| id);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect()
}

fn cosine(a: &[(usize, f64)], b: &[(usize, f64)]) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    dot
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The baseline's alignment of the paragraphs in `pred` (wirediff's JSON), as a
/// JSON document of the same contract (`versions` copied, `rows` replaced,
/// no changes).
pub fn align(pred: &Value, min_cosine: f64) -> Value {
    let versions = pred["versions"].as_array().expect("versions");
    // (version, paragraph id, text) of every paragraph that is not boilerplate.
    let mut nodes: Vec<(usize, u64, &str)> = Vec::new();
    for (v, ver) in versions.iter().enumerate() {
        for p in ver["paragraphs"].as_array().expect("paragraphs") {
            if p["kind"] != "boilerplate" {
                nodes.push((
                    v,
                    p["id"].as_u64().expect("id"),
                    p["text"].as_str().unwrap_or(""),
                ));
            }
        }
    }
    let texts: Vec<&str> = nodes.iter().map(|n| n.2).collect();
    let vecs = vectors(&texts);
    // best[i][w] = (cosine, node) of node i's best match in version w.
    let n_versions = versions.len();
    let mut best: Vec<Vec<Option<(f64, usize)>>> = vec![vec![None; n_versions]; nodes.len()];
    for i in 0..nodes.len() {
        for j in 0..nodes.len() {
            let w = nodes[j].0;
            if w == nodes[i].0 {
                continue;
            }
            let c = cosine(&vecs[i], &vecs[j]);
            if best[i][w].is_none_or(|(b, _)| c > b) {
                best[i][w] = Some((c, j));
            }
        }
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    for i in 0..nodes.len() {
        for w in 0..n_versions {
            let Some((c, j)) = best[i][w] else { continue };
            let mutual = best[j][nodes[i].0].is_some_and(|(_, k)| k == i);
            if mutual && c >= min_cosine {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut rows: std::collections::BTreeMap<usize, Vec<Vec<u64>>> = Default::default();
    for (i, &(v, id, _)) in nodes.iter().enumerate() {
        let r = find(&mut parent, i);
        rows.entry(r)
            .or_insert_with(|| vec![Vec::new(); n_versions])[v]
            .push(id);
    }
    let rows: Vec<Value> = rows
        .into_values()
        .map(|cells| json!({"cells": cells, "similarity": 0.0, "moved": []}))
        .collect();
    json!({"schema_version": 1, "versions": versions, "rows": rows, "changes": []})
}
