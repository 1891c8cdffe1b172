//! Candidate paragraph pairs across versions and their similarity scores.
//!
//! Scoring every paragraph against every other is quadratic in the total text, so
//! candidates come from an inverted index over terms: a paragraph looks up only
//! its [`PROBE_TERMS`] rarest terms that some other paragraph holds too (a
//! counterpart shares rare words: names,
//! numbers, unusual verbs), and terms whose posting list exceeds [`MAX_POSTINGS`]
//! are never probed. Only the paragraphs found that way are scored exactly (all
//! terms count in the score). Work per paragraph is thus bounded by
//! `PROBE_TERMS × MAX_POSTINGS`, whatever the number of versions, and for each
//! paragraph only the best [`TOP_K`] candidates per other version are kept, which
//! bounds memory by `nodes × versions × TOP_K`.

use super::features::{self, Features};

/// Posting lists longer than this are skipped when looking for candidates.
pub const MAX_POSTINGS: usize = 4096;
/// How many of a paragraph's rarest terms are looked up to find candidates.
pub const PROBE_TERMS: usize = 12;
/// Candidates kept per paragraph and other version.
pub const TOP_K: usize = 3;

/// A paragraph taking part in matching: which version, which paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Node {
    /// Version index.
    pub version: usize,
    /// Paragraph index within the version.
    pub para: usize,
}

/// A scored candidate counterpart of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Index of the other node.
    pub other: usize,
    /// Weighted cosine of the two term sets, 0..=1.
    pub sim: f32,
    /// Share of this paragraph's term weight that the other one holds, 0..=1.
    pub contained: f32,
    /// Share of the other paragraph's term weight that this one holds, 0..=1.
    pub contains: f32,
    /// Number of terms the two share.
    pub shared_terms: usize,
    /// Neighbours of this paragraph whose own matches stand beside the other one
    /// (set by [`super::context::prefer_in_place`]; 0 until then).
    pub support: u8,
}

/// All nodes with their features and best candidates in each other version.
#[derive(Debug)]
pub struct SimilarityIndex {
    /// The nodes, in the order given.
    pub nodes: Vec<Node>,
    /// Features per node.
    pub features: Vec<Features>,
    /// Candidates per node, best first within each other version (by similarity,
    /// or by place among near-equals once [`super::context::prefer_in_place`] ran);
    /// all versions mixed.
    pub candidates: Vec<Vec<Candidate>>,
}

impl SimilarityIndex {
    /// Builds the index for `nodes` whose texts are `texts` (same order).
    #[must_use]
    pub fn build(nodes: Vec<Node>, texts: &[&str]) -> Self {
        let (vocab, features) = features::build(texts);
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        for (i, f) in features.iter().enumerate() {
            for &(t, _) in &f.terms {
                postings[t as usize].push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        let mut scratch = vec![0.0f32; nodes.len()];
        let mut touched: Vec<usize> = Vec::new();
        let mut candidates = Vec::with_capacity(nodes.len());
        for (i, f) in features.iter().enumerate() {
            // A term only this paragraph holds finds nothing: probing it would
            // waste a slot, and a reworded paragraph full of new words would
            // then find no counterpart at all.
            let mut probe: Vec<(u32, f32)> = f
                .terms
                .iter()
                .copied()
                .filter(|&(t, _)| postings[t as usize].len() > 1)
                .collect();
            probe.sort_by_key(|&(t, _)| (postings[t as usize].len(), t));
            probe.truncate(PROBE_TERMS);
            for &(t, w) in &probe {
                let list = &postings[t as usize];
                if list.len() > MAX_POSTINGS {
                    continue;
                }
                for &j in list {
                    let j = j as usize;
                    if nodes[j].version == nodes[i].version {
                        continue;
                    }
                    if scratch[j] == 0.0 {
                        touched.push(j);
                    }
                    scratch[j] += w * w;
                }
            }
            let mut found: Vec<Candidate> = Vec::with_capacity(touched.len());
            for &j in &touched {
                scratch[j] = 0.0;
                found.push(score(i, j, &features));
            }
            touched.clear();
            // Best first per version, then keep TOP_K of each version.
            found.sort_by(|a, b| {
                nodes[a.other]
                    .version
                    .cmp(&nodes[b.other].version)
                    .then(b.sim.total_cmp(&a.sim))
                    .then(a.other.cmp(&b.other))
            });
            let mut kept = Vec::new();
            let mut run = 0;
            for (k, c) in found.iter().enumerate() {
                if k > 0 && nodes[found[k - 1].other].version == nodes[c.other].version {
                    run += 1;
                } else {
                    run = 0;
                }
                if run < TOP_K {
                    kept.push(*c);
                }
            }
            candidates.push(kept);
        }
        Self {
            nodes,
            features,
            candidates,
        }
    }

    /// The best candidate of node `i` in version `v`, if any.
    #[must_use]
    pub fn best_in(&self, i: usize, v: usize) -> Option<Candidate> {
        self.candidates[i]
            .iter()
            .find(|c| self.nodes[c.other].version == v)
            .copied()
    }

    /// The candidate entry of node `i` for node `j`, if `j` is among `i`'s kept candidates.
    #[must_use]
    pub fn pair(&self, i: usize, j: usize) -> Option<Candidate> {
        self.candidates[i].iter().find(|c| c.other == j).copied()
    }

    /// Exact scores of nodes `i` and `j`, whether or not they are kept candidates.
    #[must_use]
    pub fn score(&self, i: usize, j: usize) -> Candidate {
        score(i, j, &self.features)
    }

    /// Highest similarity of node `i` to any node of another version (0 when none).
    #[must_use]
    pub fn best_sim(&self, i: usize) -> f32 {
        self.candidates[i].iter().map(|c| c.sim).fold(0.0, f32::max)
    }
}

fn score(i: usize, j: usize, features: &[Features]) -> Candidate {
    let (dot, shared_terms) = features::shared(&features[i], &features[j]);
    let (ni, nj) = (features[i].norm2, features[j].norm2);
    let ratio = |num: f32, den: f32| if den > 0.0 { (num / den).min(1.0) } else { 0.0 };
    Candidate {
        other: j,
        sim: ratio(dot, (ni * nj).sqrt()),
        contained: ratio(dot, ni),
        contains: ratio(dot, nj),
        shared_terms,
        support: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nodes(spec: &[usize]) -> Vec<Node> {
        spec.iter()
            .enumerate()
            .map(|(para, &version)| Node { version, para })
            .collect()
    }

    #[test]
    fn same_version_is_never_a_candidate() {
        let idx = SimilarityIndex::build(
            nodes(&[0, 0, 1]),
            &["drone attack", "drone attack", "drone"],
        );
        assert!(idx.candidates[0].iter().all(|c| c.other == 2));
    }

    #[test]
    fn best_match_found_per_version() {
        let texts = [
            "Seven guards were wounded by two armed drones",
            "The election was marred by fraud claims",
            "Seven of his guards were wounded in the drone attack",
            "Fraud claims marred the election results",
        ];
        let idx = SimilarityIndex::build(nodes(&[0, 0, 1, 1]), &texts);
        assert_eq!(idx.best_in(0, 1).map(|c| c.other), Some(2));
        assert_eq!(idx.best_in(1, 1).map(|c| c.other), Some(3));
    }

    #[test]
    fn containment_sees_a_split() {
        let texts = ["alpha beta gamma delta", "alpha beta", "gamma delta"];
        let idx = SimilarityIndex::build(nodes(&[0, 1, 1]), &texts);
        let c = idx.score(1, 0);
        assert!(c.contained > 0.99, "{c:?}");
        assert!(c.contains < 0.8);
    }
}
