//! Which paragraphs of different versions carry the same content: links between
//! pairs of versions, joined into groups.
//!
//! For every pair of versions, a paragraph is linked to its counterpart when the two
//! are each other's best match and similar enough (one-to-one rewrites, however
//! paraphrased). A paragraph that is not anyone's best match but whose content is
//! mostly *contained* in a paragraph of the other version is linked to it too: that
//! is how one paragraph split in two (or two merged in one) is found. Links are
//! then joined transitively into groups, as a reader would: if A's paragraph holds
//! B's two paragraphs, all three carry one piece of the story. Two groups whose
//! crossing matches were refused, and whose paragraphs stand side by side in
//! every version they share, are the halves of one split paragraph and join.

use super::AlignConfig;
use super::similarity::SimilarityIndex;

/// Disjoint-set forest over node indices.
#[derive(Debug)]
pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singleton sets.
    #[must_use]
    pub fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    /// Representative of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b` (the smaller index becomes the root, for determinism).
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// Why two nodes are linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// Each is the other's best match.
    Mutual,
    /// `a` is a part of `b` (a split, or a merge seen from the other side).
    Part,
}

/// A link between two nodes with the evidence that made it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// One node (for a part link: the part).
    pub a: usize,
    /// The other node, of another version (for a part link: the whole).
    pub b: usize,
    /// Their similarity.
    pub sim: f32,
    /// Mutual match or part of a whole.
    pub kind: LinkKind,
}

/// Similarity a mutual match needs when both paragraphs stand where their
/// neighbours' matches point, as a share of [`AlignConfig::link_min_similarity`].
const PLACED_LINK_FACTOR: f32 = 0.75;

/// A single shared word is never evidence enough to put two paragraphs in one row.
const MIN_SHARED_TERMS: usize = 2;
/// A part must add at least this share of the whole's weight to what the whole's
/// one-to-one partner already covers; otherwise it repeats, and is no missing piece.
const MIN_PART_GAIN: f32 = 0.15;

/// All links between every pair of versions. `exact[i]` is a key of node
/// `i`'s text (equal keys: the same words and marks): paragraphs printed word
/// for word alike are linked first, in order, as a longest common
/// subsequence of the two versions (so a paragraph repeated three times in
/// both pairs copy with copy, which best matches cannot tell apart).
#[must_use]
pub fn links(
    index: &SimilarityIndex,
    n_versions: usize,
    cfg: &AlignConfig,
    exact: &[u64],
) -> Vec<Link> {
    let mut by_version: Vec<Vec<usize>> = vec![Vec::new(); n_versions];
    for (i, n) in index.nodes.iter().enumerate() {
        by_version[n.version].push(i);
    }
    let mut out = Vec::new();
    for va in 0..n_versions {
        for vb in va + 1..n_versions {
            pair_links(
                index,
                (&by_version[va], va),
                (&by_version[vb], vb),
                (cfg, exact),
                &mut out,
            );
        }
    }
    out
}

/// The nodes of `a_nodes` and `b_nodes` printed word for word alike, paired
/// in order as a longest common subsequence of their `exact` keys.
///
/// Only keys both versions hold take part: a paragraph the other version
/// never prints alike cannot be in the subsequence, and leaving it out first
/// keeps the diff to the copies (two versions reworded throughout share
/// almost none, and a diff over all their paragraphs cost a third of
/// aligning twenty of them).
fn exact_copies(a_nodes: &[usize], b_nodes: &[usize], exact: &[u64]) -> Vec<(usize, usize)> {
    // Those of `nodes` whose key `other` holds too.
    let kept = |nodes: &[usize], other: &[usize]| -> Vec<usize> {
        let keys: std::collections::HashSet<u64> = other.iter().map(|&j| exact[j]).collect();
        nodes
            .iter()
            .copied()
            .filter(|&i| keys.contains(&exact[i]))
            .collect()
    };
    let a_kept = kept(a_nodes, b_nodes);
    if a_kept.is_empty() {
        return Vec::new();
    }
    let b_kept = kept(b_nodes, &a_kept);
    let ka: Vec<u64> = a_kept.iter().map(|&i| exact[i]).collect();
    let kb: Vec<u64> = b_kept.iter().map(|&j| exact[j]).collect();
    let mut pairs = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Patience, &ka, &kb) {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            pairs.extend((0..len).map(|k| (a_kept[old_index + k], b_kept[new_index + k])));
        }
    }
    pairs
}

fn pair_links(
    index: &SimilarityIndex,
    (a_nodes, va): (&[usize], usize),
    (b_nodes, vb): (&[usize], usize),
    (cfg, exact): (&AlignConfig, &[u64]),
    out: &mut Vec<Link>,
) {
    let mut partner = std::collections::HashMap::new();
    // Exact copies, in order: the anchors everything else falls between.
    for (i, j) in exact_copies(a_nodes, b_nodes, exact) {
        out.push(Link {
            a: i,
            b: j,
            sim: 1.0,
            kind: LinkKind::Mutual,
        });
        partner.insert(i, j);
        partner.insert(j, i);
    }
    // One-to-one: mutual best matches among the rest.
    for &i in a_nodes {
        if partner.contains_key(&i) {
            continue;
        }
        let Some(ci) = index.best_in(i, vb) else {
            continue;
        };
        if partner.contains_key(&ci.other) {
            continue;
        }
        let Some(cj) = index.best_in(ci.other, va) else {
            continue;
        };
        // Place confirmed from both sides stands in for some of the words.
        let min_sim = if ci.support > 0 && cj.support > 0 {
            cfg.link_min_similarity * PLACED_LINK_FACTOR
        } else {
            cfg.link_min_similarity
        };
        if cj.other == i && ci.sim >= min_sim && ci.shared_terms() >= MIN_SHARED_TERMS {
            out.push(Link {
                a: i,
                b: ci.other,
                sim: ci.sim,
                kind: LinkKind::Mutual,
            });
            partner.insert(i, ci.other);
            partner.insert(ci.other, i);
        }
    }
    // Parts: a paragraph mostly contained in its best match, adding what the best
    // match's own partner lacks.
    let sides = a_nodes.iter().map(|&i| (i, vb));
    for (i, other_side) in sides.chain(b_nodes.iter().map(|&j| (j, va))) {
        if partner.contains_key(&i) {
            continue;
        }
        let Some(c) = index.best_in(i, other_side) else {
            continue;
        };
        let whole = c.other;
        let whole_partner = partner.get(&whole).copied();
        // Splits are nearly always of neighbouring paragraphs: a part next to the
        // whole's one-to-one partner needs less containment to be believed.
        let beside_partner = whole_partner.is_some_and(|p| p.abs_diff(i) == 1);
        let min_containment = if beside_partner {
            cfg.split_min_containment * ADJACENT_PART_FACTOR
        } else {
            cfg.split_min_containment
        };
        if c.contained < min_containment
            || c.sim < cfg.split_min_similarity
            || c.shared_terms() < MIN_SHARED_TERMS
            || index.features[i].norm2 >= index.features[whole].norm2
        {
            continue;
        }
        if let Some(p) = whole_partner {
            let f = &index.features;
            let total = f[whole].norm2.max(f32::EPSILON);
            let alone = index.score(p, whole).contains;
            let together = super::features::covered_by_either(&f[whole], &f[p], &f[i]) / total;
            if together - alone < MIN_PART_GAIN {
                continue;
            }
        }
        out.push(Link {
            a: i,
            b: whole,
            sim: c.sim,
            kind: LinkKind::Part,
        });
    }
}

/// Containment needed by a part that sits next to the whole's partner, as a share
/// of [`AlignConfig::split_min_containment`].
const ADJACENT_PART_FACTOR: f32 = 0.6;

/// A row that this many versions keep as a unit of its own is never glued to
/// another such row by one version's paragraph that happens to hold both.
const ESTABLISHED_VERSIONS: usize = 3;

/// Groups of nodes joined by `links`; every node is in exactly one group. Groups are
/// returned with their nodes sorted, in order of their first node.
///
/// Mutual links join first, strongest first, but never two groups that both hold a
/// paragraph of the same version. Part links then join a part's group to its whole's,
/// unless both groups are already held by [`ESTABLISHED_VERSIONS`] versions each:
/// then the versions that keep the two apart outvote the one that merges them.
#[must_use]
pub fn groups(index: &SimilarityIndex, links: &[Link]) -> Vec<Vec<usize>> {
    let n_nodes = index.nodes.len();
    let mut uf = UnionFind::new(n_nodes);
    let mut versions: Vec<Vec<usize>> = index.nodes.iter().map(|n| vec![n.version]).collect();
    // A paragraph that is more clearly a piece of another version's paragraph than a
    // rewrite of anything drops its weaker one-to-one links.
    let mut best_part = vec![0.0f32; n_nodes];
    for l in links.iter().filter(|l| l.kind == LinkKind::Part) {
        best_part[l.a] = best_part[l.a].max(l.sim);
    }
    let mut ordered: Vec<&Link> = links
        .iter()
        .filter(|l| {
            l.kind == LinkKind::Part || (l.sim >= best_part[l.a] && l.sim >= best_part[l.b])
        })
        .collect();
    ordered.sort_by(|x, y| {
        (x.kind == LinkKind::Part)
            .cmp(&(y.kind == LinkKind::Part))
            .then(y.sim.total_cmp(&x.sim))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut refused_mutual: Vec<(usize, usize)> = Vec::new();
    for l in ordered {
        let (ra, rb) = (uf.find(l.a), uf.find(l.b));
        if ra == rb {
            continue;
        }
        let refused = match l.kind {
            // Two rows that both hold a paragraph of some version are two pieces of
            // the story; only a part link may give a version two paragraphs in a row.
            LinkKind::Mutual => versions[ra]
                .iter()
                .any(|v| versions[rb].binary_search(v).is_ok()),
            LinkKind::Part => {
                versions[ra].len() >= ESTABLISHED_VERSIONS
                    && versions[rb].len() >= ESTABLISHED_VERSIONS
            }
        };
        if refused {
            if l.kind == LinkKind::Mutual {
                refused_mutual.push((l.a, l.b));
            }
            continue;
        }
        uf.union(ra, rb);
        let root = uf.find(ra);
        let mut merged: Vec<usize> = versions[ra].iter().chain(&versions[rb]).copied().collect();
        merged.sort_unstable();
        merged.dedup();
        versions[root] = merged;
    }
    join_split_halves(index, &mut uf, &refused_mutual);
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for i in 0..n_nodes {
        let r = uf.find(i);
        by_root.entry(r).or_default().push(i);
    }
    by_root.into_values().collect()
}

/// Mutual matches refused between two groups that make them halves of one
/// split paragraph.
const SPLIT_HALF_LINKS: usize = 2;

/// Joins two groups that are the halves of a paragraph some versions split: a
/// write-thru that bumps the old lede down under a new one has the lede's
/// content in two adjacent paragraphs, each the mutual best match of the one
/// lede of some other version, so greedy linking builds two rows and refuses
/// the matches that cross them. Two groups are joined when at least
/// [`SPLIT_HALF_LINKS`] such refused matches run between them and, in every
/// version they share, their paragraphs stand next to each other (a split,
/// not two rows that happen to match). Cost: per refused link, the two
/// groups' members.
fn join_split_halves(index: &SimilarityIndex, uf: &mut UnionFind, refused: &[(usize, usize)]) {
    if refused.is_empty() {
        return;
    }
    let n_nodes = index.nodes.len();
    let mut members: std::collections::HashMap<usize, Vec<usize>> =
        std::collections::HashMap::new();
    for i in 0..n_nodes {
        members.entry(uf.find(i)).or_default().push(i);
    }
    // Position of each node among its version's nodes, in paragraph order.
    let mut by_version: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, node) in index.nodes.iter().enumerate() {
        by_version.entry(node.version).or_default().push(i);
    }
    let mut pos = vec![0; n_nodes];
    for list in by_version.values_mut() {
        list.sort_by_key(|&i| index.nodes[i].para);
        for (k, &i) in list.iter().enumerate() {
            pos[i] = k;
        }
    }
    let mut count: std::collections::BTreeMap<(usize, usize), usize> =
        std::collections::BTreeMap::new();
    for &(a, b) in refused {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra != rb {
            *count.entry((ra.min(rb), ra.max(rb))).or_default() += 1;
        }
    }
    for ((x, y), n) in count {
        if n < SPLIT_HALF_LINKS || uf.find(x) != x || uf.find(y) != y {
            continue;
        }
        let (gx, gy) = (&members[&x], &members[&y]);
        let mut per_version: std::collections::BTreeMap<usize, (Vec<usize>, bool, bool)> =
            std::collections::BTreeMap::new();
        for (&i, in_x) in gx
            .iter()
            .map(|i| (i, true))
            .chain(gy.iter().map(|i| (i, false)))
        {
            let e = per_version.entry(index.nodes[i].version).or_default();
            e.0.push(pos[i]);
            if in_x {
                e.1 = true;
            } else {
                e.2 = true;
            }
        }
        let adjacent = per_version.values_mut().all(|(ps, has_x, has_y)| {
            if !(*has_x && *has_y) {
                return true;
            }
            ps.sort_unstable();
            ps.windows(2).all(|w| w[1] == w[0] + 1)
        });
        if adjacent {
            uf.union(x, y);
        }
    }
}

/// How strongly `x` belongs with `m`: their similarity, averaged with how much of
/// the smaller one the larger holds (a merged paragraph holds its parts whole).
fn affinity_pair(index: &SimilarityIndex, x: usize, m: usize) -> f32 {
    let c = index.score(x, m);
    f32::midpoint(c.sim, c.contained.max(c.contains))
}

/// How strongly node `x` belongs with `group`: for each other version in the group,
/// its best-matching paragraph there; averaged over those versions.
fn affinity(index: &SimilarityIndex, x: usize, group: &[usize]) -> f32 {
    let vx = index.nodes[x].version;
    let mut best: std::collections::BTreeMap<usize, f32> = std::collections::BTreeMap::new();
    for &m in group {
        let v = index.nodes[m].version;
        if v == vx {
            continue;
        }
        let a = affinity_pair(index, x, m);
        let e = best.entry(v).or_insert(0.0);
        *e = e.max(a);
    }
    if best.is_empty() {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)] // version counts are small
    let n = best.len() as f32;
    best.values().sum::<f32>() / n
}

/// A paragraph moves to another group only when it belongs there by this much more.
const MOVE_MARGIN: f32 = 0.04;

/// One refinement pass over greedy grouping: a paragraph that is its version's only
/// member of a group moves to a group its candidates are in, lacking its version,
/// when it belongs there clearly better. Greedy linking decides by the single
/// strongest pair; this looks at all versions of each group, which is how a
/// paragraph that merges two others' content finds the one it holds whole.
#[must_use]
pub fn refine(index: &SimilarityIndex, mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut group_of = vec![0; index.nodes.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    for x in 0..index.nodes.len() {
        let vx = index.nodes[x].version;
        let own = group_of[x];
        let alone_in_version = groups[own]
            .iter()
            .filter(|&&m| index.nodes[m].version == vx)
            .count()
            == 1;
        if !alone_in_version || groups[own].len() < 2 {
            continue;
        }
        let here = affinity(index, x, &groups[own]);
        let mut best: Option<(f32, usize)> = None;
        // Candidates in many versions often sit in one group: weigh each group
        // once (the same group gives the same affinity, so the pick is unchanged).
        let mut weighed: Vec<usize> = Vec::new();
        for c in &index.candidates[x] {
            // One shared word is no evidence here either: a six-word paragraph
            // "holds" any long one that repeats its one rare word.
            if c.shared_terms() < MIN_SHARED_TERMS {
                continue;
            }
            let g = group_of[c.other];
            if weighed.contains(&g) {
                continue;
            }
            weighed.push(g);
            if g == own || groups[g].iter().any(|&m| index.nodes[m].version == vx) {
                continue;
            }
            let a = affinity(index, x, &groups[g]);
            if a > here + MOVE_MARGIN && best.is_none_or(|(b, bg)| a > b || (a == b && g < bg)) {
                best = Some((a, g));
            }
        }
        if let Some((_, g)) = best {
            move_node(&mut groups, &mut group_of, x, g);
        }
    }
    tidy(groups)
}

/// Moves node `x` from its group into group `g`, keeping both sorted and
/// `group_of` true.
pub(super) fn move_node(groups: &mut [Vec<usize>], group_of: &mut [usize], x: usize, g: usize) {
    let own = group_of[x];
    groups[own].retain(|&m| m != x);
    groups[g].push(x);
    groups[g].sort_unstable();
    group_of[x] = g;
}

/// The groups without the emptied ones, in the order of their first node.
pub(super) fn tidy(mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    groups.retain(|g| !g.is_empty());
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_copies_pair_in_order_past_unshared_paragraphs() {
        // Nodes 0..4 are one version, 4..8 the other; keys 9 and 8 are
        // printed by one side only, key 1 twice on each side.
        let exact = [1, 9, 1, 2, 1, 8, 1, 2];
        let pairs = exact_copies(&[0, 1, 2, 3], &[4, 5, 6, 7], &exact);
        assert_eq!(pairs, vec![(0, 4), (2, 6), (3, 7)]);
        assert!(exact_copies(&[1], &[5], &exact).is_empty());
    }

    #[test]
    fn union_find_joins_transitively() {
        let mut uf = UnionFind::new(5);
        uf.union(0, 3);
        uf.union(3, 4);
        assert_eq!(uf.find(4), uf.find(0));
        assert_ne!(uf.find(1), uf.find(0));
    }

    fn mutual(a: usize, b: usize, sim: f32) -> Link {
        Link {
            a,
            b,
            sim,
            kind: LinkKind::Mutual,
        }
    }

    /// Nodes of the given versions, paragraphs numbered in order per version.
    fn index_of(versions: &[usize]) -> SimilarityIndex {
        use super::super::similarity::Node;
        let mut next = std::collections::HashMap::new();
        let nodes = versions
            .iter()
            .map(|&version| {
                let p = next.entry(version).or_insert(0);
                *p += 1;
                Node {
                    version,
                    para: *p - 1,
                }
            })
            .collect();
        let texts = vec!["x y"; versions.len()];
        SimilarityIndex::build(nodes, &texts)
    }

    #[test]
    fn halves_of_a_split_lede_make_one_group() {
        // v0 has one lede (#0); v1 (#1, #2) and v2 (#3, #4) have it in two halves.
        let index = index_of(&[0, 1, 1, 2, 2]);
        let links = [
            mutual(0, 2, 0.7),
            mutual(2, 4, 0.6),
            mutual(1, 3, 0.5),
            mutual(0, 1, 0.4),
            mutual(0, 3, 0.3),
        ];
        assert_eq!(groups(&index, &links), vec![vec![0, 1, 2, 3, 4]]);
    }

    #[test]
    fn rows_apart_in_some_version_are_no_split() {
        // As above, but v2 has a paragraph (#4) between its two halves.
        let index = index_of(&[0, 1, 1, 2, 2, 2]);
        let links = [
            mutual(0, 2, 0.7),
            mutual(2, 5, 0.6),
            mutual(1, 3, 0.5),
            mutual(0, 1, 0.4),
            mutual(0, 3, 0.3),
        ];
        assert_eq!(
            groups(&index, &links),
            vec![vec![0, 2, 5], vec![1, 3], vec![4]]
        );
    }

    #[test]
    fn groups_cover_every_node_once() {
        use super::super::similarity::Node;
        let nodes = (0..4)
            .map(|i| Node {
                version: i % 2,
                para: i,
            })
            .collect();
        let index = SimilarityIndex::build(nodes, &["a b", "c d", "a b", "e f"]);
        let g = groups(
            &index,
            &[Link {
                a: 0,
                b: 1,
                sim: 1.0,
                kind: LinkKind::Mutual,
            }],
        );
        assert_eq!(g, vec![vec![0, 1], vec![2], vec![3]]);
    }
}
