//! Alignment of N versions: rows of corresponding paragraphs, found by content.
//!
//! The steps, each in its own file:
//! 1. [`features`]: every story paragraph becomes a set of IDF-weighted word stems;
//! 2. [`similarity`]: candidate counterparts in every other version, via an
//!    inverted index (never all pairs); [`context`]: among near-equal ones, the
//!    one that stands where the paragraph's neighbours point goes first;
//! 3. [`linking`]: mutual best matches and contained splits/merges between each
//!    pair of versions, joined into groups;
//! 4. [`gaps`]: lone paragraphs filling the same gap between shared rows (rows
//!    in the same order in both versions, as patience diff takes them) pair up
//!    in order;
//! 5. [`ordering`]: one reading order for the groups, and which cells moved.
//!
//! Boilerplate paragraphs take no part; headlines form rows of their own at the
//! top (one row for all that share a word). The result is deterministic: it depends only on the input texts and the
//! configuration.

pub mod context;
pub mod features;
pub mod gaps;
pub mod linking;
pub mod ordering;
pub mod similarity;

use serde::{Deserialize, Serialize};

use crate::model::{ParagraphKind, Version};
use similarity::{Node, SimilarityIndex};

/// Thresholds of the aligner (all similarities are weighted cosines, 0..=1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlignConfig {
    /// Two paragraphs that are each other's best match are one row from this similarity on.
    #[serde(deserialize_with = "crate::config::share")]
    pub link_min_similarity: f32,
    /// A paragraph whose term weight is at least this much inside another version's
    /// paragraph is a split (or merge) part of it…
    #[serde(deserialize_with = "crate::config::share")]
    pub split_min_containment: f32,
    /// …provided their similarity is at least this.
    #[serde(deserialize_with = "crate::config::share")]
    pub split_min_similarity: f32,
}

impl Default for AlignConfig {
    fn default() -> Self {
        Self {
            link_min_similarity: 0.2,
            split_min_containment: 0.5,
            split_min_similarity: 0.15,
        }
    }
}

/// One aligned row: for every version, the ids of its paragraphs in this row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `cells[v]` = paragraph ids of version `v` in this row (empty: the version lacks it).
    pub cells: Vec<Vec<usize>>,
    /// Versions whose cell here is out of that version's own paragraph order.
    pub moved: Vec<usize>,
}

impl Row {
    /// Versions that have a cell in this row.
    pub fn present(&self) -> impl Iterator<Item = usize> + '_ {
        self.cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .map(|(v, _)| v)
    }
}

/// The alignment of all versions.
#[derive(Debug, Clone, Default)]
pub struct AlignmentTable {
    /// Rows in reading order.
    pub rows: Vec<Row>,
}

/// Aligns the non-boilerplate paragraphs of `versions`.
#[must_use]
pub fn align(versions: &[Version], cfg: &AlignConfig) -> AlignmentTable {
    align_reusing(versions, cfg, None)
}

/// [`align`], with the matching terms of the paragraphs found before (by the
/// boilerplate classifier, [`crate::boilerplate::Classifier::classify_keeping_terms`]):
/// finding them is a good part of indexing long texts, and the result is the
/// same either way.
#[must_use]
pub fn align_reusing(
    versions: &[Version],
    cfg: &AlignConfig,
    terms: Option<&features::Terms>,
) -> AlignmentTable {
    let n = versions.len();
    let mut nodes = Vec::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut headlines = Vec::new();
    for (v, ver) in versions.iter().enumerate() {
        for p in &ver.paragraphs {
            match p.kind {
                ParagraphKind::Boilerplate => {}
                ParagraphKind::Headline => headlines.push(Node {
                    version: v,
                    para: p.id,
                }),
                ParagraphKind::Story => {
                    nodes.push(Node {
                        version: v,
                        para: p.id,
                    });
                    texts.push(&p.text);
                }
            }
        }
    }
    let known: Option<Vec<&[String]>> =
        terms.and_then(|t| nodes.iter().map(|n| t.get(n.version, n.para)).collect());
    let mut index = match known {
        Some(known) => SimilarityIndex::build_from_terms(nodes, &known),
        None => SimilarityIndex::build(nodes, &texts),
    };
    context::add_in_place(&mut index, n);
    context::prefer_in_place(&mut index, n);
    let exact: Vec<u64> = texts.iter().map(|t| exact_key(t)).collect();
    let links = linking::links(&index, n, cfg, &exact);
    let refined = linking::refine(&index, linking::groups(&index, &links));
    let sentence: Vec<bool> = texts
        .iter()
        .map(|t| crate::text::ends_like_sentence(t))
        .collect();
    let filled = gaps::continuations(&index, gaps::fill(&index, refined, n), n, &sentence);
    let mut groups: Vec<Vec<Node>> = filled
        .into_iter()
        .map(|g| g.into_iter().map(|i| index.nodes[i]).collect())
        .collect();
    let mut pinned = Vec::new();
    for row in headline_rows(versions, &headlines) {
        pinned.push(groups.len());
        groups.push(row);
    }
    let keys: Vec<Vec<Option<usize>>> = groups.iter().map(|g| group_keys(g, n)).collect();
    let order = ordering::order(&keys, n, &pinned);
    let ordered_keys: Vec<Vec<Option<usize>>> = order.iter().map(|&g| keys[g].clone()).collect();
    let moved = ordering::moved(&ordered_keys, n);
    let rows = order
        .iter()
        .zip(moved)
        .map(|(&g, moved)| {
            let mut cells = vec![Vec::new(); n];
            for node in &groups[g] {
                cells[node.version].push(node.para);
            }
            for c in &mut cells {
                c.sort_unstable();
            }
            Row { cells, moved }
        })
        .collect();
    AlignmentTable { rows }
}

/// A key of a paragraph's exact wording: its words and marks, whatever the
/// spacing between them.
fn exact_key(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for w in text.split_whitespace() {
        w.hash(&mut h);
    }
    h.finish()
}

/// Splits the versions' headlines into rows: headlines are worded far apart
/// ("T.J. Ford Cleared To Practice" / "Toronto guard T.J. Ford close to resuming
/// workouts"), so any shared term joins two, but headlines that share nothing
/// never sit in one row (a row of cells with nothing in common is noise).
/// Joining goes through the first headline holding each term, so the cost is
/// linear in the headlines' words. The biggest row comes first.
fn headline_rows(versions: &[Version], headlines: &[Node]) -> Vec<Vec<Node>> {
    let mut uf = linking::UnionFind::new(headlines.len());
    let mut first_with: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, node) in headlines.iter().enumerate() {
        let Some(p) = versions
            .get(node.version)
            .and_then(|v| v.paragraphs.get(node.para))
        else {
            continue;
        };
        for term in features::terms_of(&p.text) {
            match first_with.get(&term) {
                Some(&j) => uf.union(i, j),
                None => {
                    first_with.insert(term, i);
                }
            }
        }
    }
    let mut rows: std::collections::BTreeMap<usize, Vec<Node>> = std::collections::BTreeMap::new();
    for (i, node) in headlines.iter().enumerate() {
        rows.entry(uf.find(i)).or_default().push(*node);
    }
    let mut out: Vec<Vec<Node>> = rows.into_values().collect();
    // Stable: equal sizes keep the order of their first headline.
    out.sort_by_key(|r| std::cmp::Reverse(r.len()));
    out
}

fn group_keys(group: &[Node], n: usize) -> Vec<Option<usize>> {
    let mut k = vec![None; n];
    for node in group {
        let slot: &mut Option<usize> = &mut k[node.version];
        *slot = Some(slot.map_or(node.para, |p: usize| p.min(node.para)));
    }
    k
}
