//! Candidate paragraph pairs across versions and their similarity scores.
//!
//! Scoring every paragraph against every other is quadratic in the total text, so
//! candidates come from an inverted index over terms: a paragraph looks up only
//! its [`PROBE_TERMS`] rarest terms that some other paragraph holds too (a
//! counterpart shares rare words: names, numbers, unusual verbs), rarest first,
//! and stops once it has walked [`PROBE_BUDGET`] postings (terms whose posting
//! list alone exceeds [`MAX_POSTINGS`] are never probed). The paragraphs found
//! are ranked by the probe weight they share, and only the best
//! [`SCORED_PER_VERSION`] per other version are scored exactly (all terms count
//! in the score). Work per paragraph is thus bounded by a constant
//! (`PROBE_BUDGET` postings, `SCORED_PER_VERSION` exact scores per other
//! version) whatever the length of the texts: two whole books cost what their
//! paragraphs add up to, never their product. For each paragraph only the best
//! [`TOP_K`] candidates per other version are kept, which bounds memory by
//! `nodes × versions × TOP_K`. Paragraphs are searched in parallel; the result
//! does not depend on the thread count.

use super::features::{self, Features};

/// Posting lists longer than this are skipped when looking for candidates.
pub const MAX_POSTINGS: usize = 4096;
/// Postings one paragraph may walk in all when looking for candidates: the
/// bound that keeps the search linear on long texts, where even a paragraph's
/// rarest words (`lord`, `israel` in a Bible) are in thousands of others. A
/// news story's paragraphs never reach it.
pub const PROBE_BUDGET: usize = 2048;
/// Paragraphs per other version scored exactly, the ones sharing the most
/// probe weight; the rest are cut before the (costlier) exact score.
pub const SCORED_PER_VERSION: usize = 12;
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
    /// Number of terms the two share (at most `u16::MAX`: a bound the
    /// tests of at most a few terms never meet), kept small because a long
    /// text holds millions of candidates.
    shared: u16,
    /// Neighbours of this paragraph whose own matches stand beside the other one
    /// (set by [`super::context::prefer_in_place`]; 0 until then).
    pub support: u8,
}

impl Candidate {
    /// How many terms the two paragraphs share.
    #[must_use]
    pub fn shared_terms(&self) -> usize {
        usize::from(self.shared)
    }
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
        Self::of_features(nodes, features::build(texts))
    }

    /// [`SimilarityIndex::build`] from each node's terms, found before.
    #[must_use]
    pub fn build_from_terms(nodes: Vec<Node>, terms: &[&[String]]) -> Self {
        Self::of_features(nodes, features::build_from_terms(terms))
    }

    fn of_features(
        nodes: Vec<Node>,
        found: (features::Vocabulary, Vec<features::Features>),
    ) -> Self {
        use rayon::prelude::*;
        let search = Search::new(nodes, found);
        let candidates = (0..search.nodes.len())
            .into_par_iter()
            .map_init(
                || vec![0.0f32; search.nodes.len()],
                |scratch, i| search.candidates_of(i, scratch),
            )
            .collect();
        Self {
            nodes: search.nodes,
            features: search.features,
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

/// What the candidate search of a paragraph reads: the nodes, their features
/// and the postings of every term. Built whole, it answers for any node on
/// demand, so a caller that needs the candidates of a few paragraphs only
/// (the boilerplate classifier) does not search for all of them.
#[derive(Debug)]
pub struct Search {
    /// The nodes, in the order given.
    pub nodes: Vec<Node>,
    features: Vec<Features>,
    postings: Vec<Vec<u32>>,
    /// Each node's version, packed: the posting walk reads it for every
    /// posting, and a node record is eight times the size.
    version_of: Vec<u32>,
    n_versions: usize,
}

impl Search {
    /// The search over `nodes` whose matching terms are `terms` (same order).
    #[must_use]
    pub fn from_terms(nodes: Vec<Node>, terms: &[&[String]]) -> Self {
        Self::new(nodes, features::build_from_terms(terms))
    }

    fn new(nodes: Vec<Node>, (vocab, features): (features::Vocabulary, Vec<Features>)) -> Self {
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        for (i, f) in features.iter().enumerate() {
            for &(t, _) in &f.terms {
                postings[t as usize].push(u32::try_from(i).unwrap_or(u32::MAX));
            }
        }
        let n_versions = nodes.iter().map(|n| n.version + 1).max().unwrap_or(0);
        let version_of = nodes
            .iter()
            .map(|n| u32::try_from(n.version).unwrap_or(u32::MAX))
            .collect();
        Self {
            nodes,
            features,
            postings,
            version_of,
            n_versions,
        }
    }

    /// A zeroed scratch buffer for [`Search::candidates`].
    #[must_use]
    pub fn scratch(&self) -> Vec<f32> {
        vec![0.0; self.nodes.len()]
    }

    /// The candidates [`SimilarityIndex`] would keep for node `i`. `scratch`
    /// comes from [`Search::scratch`] and is left zeroed.
    #[must_use]
    pub fn candidates(&self, i: usize, scratch: &mut [f32]) -> Vec<Candidate> {
        self.candidates_of(i, scratch)
    }

    /// The kept candidates of node `i`, best first per other version.
    /// `scratch` holds one zero per node and is left so.
    fn candidates_of(&self, i: usize, scratch: &mut [f32]) -> Vec<Candidate> {
        let (nodes, postings, version_of) = (&self.nodes, &self.postings, &self.version_of);
        // A term only this paragraph holds finds nothing: probing it would
        // waste a slot, and a reworded paragraph full of new words would
        // then find no counterpart at all.
        let mut probe: Vec<(u32, f32)> = self.features[i]
            .terms
            .iter()
            .copied()
            .filter(|&(t, _)| {
                let len = postings[t as usize].len();
                len > 1 && len <= MAX_POSTINGS
            })
            .collect();
        probe.sort_by_key(|&(t, _)| (postings[t as usize].len(), t));
        probe.truncate(PROBE_TERMS);
        let mut touched: Vec<usize> = Vec::new();
        let mut walked = 0;
        for &(t, w) in &probe {
            let list = &postings[t as usize];
            // Rarest first: the terms cut by the budget are the common ones,
            // which tell least about where a paragraph's counterpart is.
            walked += list.len();
            if walked > PROBE_BUDGET && !touched.is_empty() {
                break;
            }
            for &j in list {
                let j = j as usize;
                if version_of[j] == version_of[i] {
                    continue;
                }
                if scratch[j] == 0.0 {
                    touched.push(j);
                }
                scratch[j] += w * w;
            }
        }
        // Per other version, only the paragraphs sharing the most probe weight
        // are scored exactly (ties: the earlier node, for determinism). A
        // selection, not a sort: the touched list can be thousands long.
        let mut by_version: Vec<Vec<(f32, usize)>> = vec![Vec::new(); self.n_versions];
        for &j in &touched {
            by_version[version_of[j] as usize].push((scratch[j], j));
            scratch[j] = 0.0;
        }
        let mut found: Vec<Candidate> =
            Vec::with_capacity(SCORED_PER_VERSION * self.n_versions.max(1));
        for mut list in by_version {
            let better =
                |a: &(f32, usize), b: &(f32, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            if list.len() > SCORED_PER_VERSION {
                list.select_nth_unstable_by(SCORED_PER_VERSION - 1, better);
                list.truncate(SCORED_PER_VERSION);
            }
            found.extend(list.iter().map(|&(_, j)| score(i, j, &self.features)));
        }
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
        kept
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
        shared: u16::try_from(shared_terms).unwrap_or(u16::MAX),
        support: 0,
    }
}

#[cfg(test)]
impl SimilarityIndex {
    /// The index of small versions given as paragraph texts (for tests).
    pub(super) fn of_versions(versions: &[&[&str]]) -> Self {
        let mut nodes = Vec::new();
        let mut texts = Vec::new();
        for (v, paras) in versions.iter().enumerate() {
            for (p, t) in paras.iter().enumerate() {
                nodes.push(Node {
                    version: v,
                    para: p,
                });
                texts.push(*t);
            }
        }
        Self::build(nodes, &texts)
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
