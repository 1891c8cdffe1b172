//! Filling the gaps: paragraphs left alone between the same two shared rows
//! of two versions are one row when they share words.
//!
//! Rewrites keep the story's skeleton: when two versions both have something
//! between the same two aligned paragraphs, those things usually say the same,
//! however reworded ("called for calm dialogue" against a reworded, longer
//! paragraph that ends "called for calm and restraint"). Lexical similarity
//! alone misses them; their place is strong evidence. Only shared rows that
//! stand in the same order in both versions bound a gap (as patience diff
//! takes its anchors). The lone paragraphs of a gap pair up in order, by a
//! small dynamic programme over at most [`MAX_GAP_PAIRS`] pairs, each pair
//! sharing at least [`MIN_SHARED_TERMS`] terms (one, for a single paragraph on
//! each side between two shared rows or before the first). A paragraph matched out of order, far
//! away, counts as lone when its counterpart in place comes near that match
//! ([`IN_PLACE_RATIO`]). One pass: a merged paragraph is no longer alone.
//! Cost: per version pair, `O(n log n)` in the two versions' paragraphs plus
//! at most [`MAX_GAP_PAIRS`] scores a gap.

use std::collections::HashMap;

use super::similarity::SimilarityIndex;

/// Words the two paragraphs must share.
const MIN_SHARED_TERMS: usize = 2;

/// Per version, its node indices in file order.
fn by_version(index: &SimilarityIndex, n_versions: usize) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n_versions];
    for (i, node) in index.nodes.iter().enumerate() {
        out[node.version].push(i);
    }
    for list in &mut out {
        list.sort_by_key(|&i| index.nodes[i].para);
    }
    out
}

/// For version `v` against `w`: each gap between consecutive anchors (groups
/// holding both) → the nodes of `v` inside it. `None` stands for the story's
/// start or end.
fn gaps(
    nodes: &[usize],
    group_of: &[usize],
    is_anchor: impl Fn(usize) -> bool,
) -> HashMap<(Option<usize>, Option<usize>), Vec<usize>> {
    let mut out: HashMap<(Option<usize>, Option<usize>), Vec<usize>> = HashMap::new();
    let mut prev = None;
    let mut pending = Vec::new();
    for &i in nodes {
        let g = group_of[i];
        if is_anchor(g) {
            out.insert((prev, Some(g)), std::mem::take(&mut pending));
            prev = Some(g);
        } else {
            pending.push(i);
        }
    }
    out.insert((prev, None), pending);
    out
}

/// Joins lone paragraphs that fill the same gap (see the module doc).
#[must_use]
pub fn fill(
    index: &SimilarityIndex,
    mut groups: Vec<Vec<usize>>,
    n_versions: usize,
) -> Vec<Vec<usize>> {
    let mut group_of = vec![0; index.nodes.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let versions_of: Vec<u64> = groups
        .iter()
        .map(|g| {
            g.iter()
                .fold(0u64, |acc, &i| acc | 1u64 << (index.nodes[i].version % 64))
        })
        .collect();
    let lists = by_version(index, n_versions);
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for a in 0..n_versions {
        for b in a + 1..n_versions {
            let both = (1u64 << (a % 64)) | (1u64 << (b % 64));
            // Group sets hold 64 versions exactly; beyond, fall back to a scan.
            let shared = |g: usize| {
                if n_versions <= 64 {
                    versions_of[g] & both == both
                } else {
                    let has = |v| groups[g].iter().any(|&i| index.nodes[i].version == v);
                    has(a) && has(b)
                }
            };
            // Only shared rows in the same order in both versions bound gaps
            // (as in patience diff): a row one version moved, or a wrong match
            // far away, would otherwise cut a gap differently in each version.
            let in_order = in_order_rows(&lists[a], &lists[b], &group_of, groups.len(), shared);
            let is_anchor = |g: usize| in_order[g];
            let ga = gaps(&lists[a], &group_of, is_anchor);
            let gb = gaps(&lists[b], &group_of, is_anchor);
            // A paragraph is free in a gap when alone, or when its only
            // partner is the other version's paragraph out of order (a match
            // far away, made by words alone); it then keeps that partner
            // unless one in place comes near it (IN_PLACE_RATIO).
            let floor = |i: usize| -> Option<f32> {
                let members = &groups[group_of[i]];
                match members.as_slice() {
                    [_] => Some(0.0),
                    [x, y]
                        if index.nodes[*x].version != index.nodes[*y].version
                            && [*x, *y].iter().all(|&m| {
                                let v = index.nodes[m].version;
                                v == a || v == b
                            }) =>
                    {
                        Some(index.score(*x, *y).sim * IN_PLACE_RATIO)
                    }
                    _ => None,
                }
            };
            for (key, na) in &ga {
                let Some(nb) = gb.get(key) else { continue };
                if na.len() * nb.len() > MAX_GAP_PAIRS {
                    continue;
                }
                let floors: Option<Vec<f32>> = na.iter().chain(nb).map(|&i| floor(i)).collect();
                let Some(floors) = floors else { continue };
                let (fa, fb) = floors.split_at(na.len());
                // One paragraph each, between two shared rows, or before the
                // first one (both open the story), or as the whole story of
                // both versions: the place says most, and one shared term
                // confirms it.
                let whole = lists[a].len() == 1 && lists[b].len() == 1;
                let enclosed = (key.1.is_some() || whole) && na.len() == 1 && nb.len() == 1;
                let min_shared = if enclosed { 1 } else { MIN_SHARED_TERMS };
                joins.extend(pair_in_order(index, (na, fa), (nb, fb), min_shared));
            }
        }
    }
    joins.sort_unstable();
    let mut used = vec![false; index.nodes.len()];
    for (x, y) in joins {
        if used[x] || used[y] {
            continue;
        }
        used[x] = true;
        used[y] = true;
        // A paragraph taken from a match out of order leaves its old partner alone.
        for n in [x, y] {
            let g = group_of[n];
            if groups[g].len() > 1 {
                groups[g].retain(|&m| m != n);
                group_of[n] = groups.len();
                groups.push(vec![n]);
            }
        }
        let (gx, gy) = (group_of[x], group_of[y]);
        let moved = std::mem::take(&mut groups[gy]);
        groups[gx].extend(moved);
        groups[gx].sort_unstable();
        group_of[y] = gx;
    }
    super::linking::tidy(groups)
}

/// Which groups are shared rows standing in the same order in versions `a`
/// and `b` (their nodes `la`, `lb` in file order): one longest increasing run
/// of the shared groups' places. Cost `O(n log n)` in the two versions' nodes.
fn in_order_rows(
    la: &[usize],
    lb: &[usize],
    group_of: &[usize],
    n_groups: usize,
    shared: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let mut place_in_b = vec![usize::MAX; n_groups];
    for (k, &i) in lb.iter().enumerate() {
        let g = group_of[i];
        if shared(g) && place_in_b[g] == usize::MAX {
            place_in_b[g] = k;
        }
    }
    let mut seen = vec![false; n_groups];
    let mut seq: Vec<(usize, usize)> = Vec::new();
    for &i in la {
        let g = group_of[i];
        if shared(g) && !seen[g] {
            seen[g] = true;
            seq.push((place_in_b[g], g));
        }
    }
    let places: Vec<usize> = seq.iter().map(|&(p, _)| p).collect();
    let mut out = vec![false; n_groups];
    for k in super::ordering::longest_increasing(&places) {
        out[seq[k].1] = true;
    }
    out
}

/// A paragraph matched out of order moves to a counterpart in place when that
/// one's similarity is at least this share of the old match's: place is
/// evidence too (the context module's near-equal ratio).
const IN_PLACE_RATIO: f32 = super::context::NEAR_RATIO;

/// Gaps whose two sides make more pairs than this are left alone: the pairing
/// below is quadratic in a gap's size, so this bounds its cost per gap, and a
/// long run of paragraphs in both versions between two shared rows is new
/// text on both sides more often than one text reworded paragraph by paragraph.
const MAX_GAP_PAIRS: usize = 64;

/// Pairs the lone paragraphs of one gap, `a` and `b` in file order, in order
/// (no two pairs cross), maximizing their summed similarity; only pairs that
/// share [`MIN_SHARED_TERMS`] terms may join. One paragraph on each side is
/// the common case (a reworded paragraph in its old place); two or three are
/// a passage reworded sentence by sentence.
fn pair_in_order(
    index: &SimilarityIndex,
    (a, floor_a): (&[usize], &[f32]),
    (b, floor_b): (&[usize], &[f32]),
    min_shared: usize,
) -> Vec<(usize, usize)> {
    let (p, q) = (a.len(), b.len());
    if p == 0 || q == 0 {
        return Vec::new();
    }
    let sim = |x: usize, y: usize| {
        let c = index.score(a[x], b[y]);
        (c.shared_terms() >= min_shared
            && c.sim >= floor_a[x]
            && c.sim >= floor_b[y]
            && c.sim > 0.0)
            .then_some(c.sim)
    };
    // best[x][y]: best sum pairing a[x..] with b[y..].
    let mut best = vec![vec![0.0f32; q + 1]; p + 1];
    let mut pairs = vec![vec![None; q]; p];
    for x in (0..p).rev() {
        for y in (0..q).rev() {
            pairs[x][y] = sim(x, y);
            let take = pairs[x][y].map_or(f32::MIN, |s| s + best[x + 1][y + 1]);
            best[x][y] = take.max(best[x + 1][y]).max(best[x][y + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut x, mut y) = (0, 0);
    while x < p && y < q {
        match pairs[x][y] {
            Some(s) if best[x][y] == s + best[x + 1][y + 1] => {
                out.push((a[x], b[y]));
                x += 1;
                y += 1;
            }
            _ if best[x][y] == best[x + 1][y] => x += 1,
            _ => y += 1,
        }
    }
    out
}

/// A continuation must hold at least this share of its term weight in its
/// counterpart paragraph.
const CONTINUATION_MIN_CONTAINED: f32 = 0.3;

/// Joins a paragraph left alone to the group of the paragraph just before or
/// after it in its own version, when its best match in some other version is
/// in that same group: a version that split one paragraph in two ("Owners
/// were told to stop using the devices…" / "The company will pay for
/// installation.") keeps the short second half beside the first, and the
/// other version's paragraph that holds it confirms where it goes. One shared
/// rare word is enough here, since place and content agree. Cost: per node,
/// its kept candidates (bounded by the similarity index). `sentence[i]` says
/// whether node `i` reads as a sentence: a subhead beside a paragraph is no
/// half of it, however much it shares.
#[must_use]
pub fn continuations(
    index: &SimilarityIndex,
    mut groups: Vec<Vec<usize>>,
    n_versions: usize,
    sentence: &[bool],
) -> Vec<Vec<usize>> {
    let mut group_of = vec![0; index.nodes.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let lists = by_version(index, n_versions);
    for list in &lists {
        for (k, &x) in list.iter().enumerate() {
            if groups[group_of[x]].len() != 1 || !sentence.get(x).copied().unwrap_or(false) {
                continue;
            }
            let target = [k.checked_sub(1), k.checked_add(1)]
                .into_iter()
                .flatten()
                .filter_map(|j| list.get(j))
                .map(|&y| group_of[y])
                .find(|&g| {
                    groups[g].len() >= 2
                        && index.candidates[x].iter().any(|c| {
                            group_of[c.other] == g
                                && c.contained >= CONTINUATION_MIN_CONTAINED
                                && index
                                    .best_in(x, index.nodes[c.other].version)
                                    .is_some_and(|b| b.other == c.other)
                        })
                });
            if let Some(g) = target {
                super::linking::move_node(&mut groups, &mut group_of, x, g);
            }
        }
    }
    super::linking::tidy(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(versions: &[&[&str]]) -> SimilarityIndex {
        SimilarityIndex::of_versions(versions)
    }

    #[test]
    fn a_gap_is_paired_in_order_by_shared_words() {
        let idx = index(&[
            &[
                "Kelso dam closed after engineers found a leak",
                "Walkers were sent along the Brae footpath instead",
            ],
            &[
                "Engineers closed the Kelso dam over a leak",
                "The Brae footpath took the walkers instead",
            ],
        ]);
        let free = [0.0; 2];
        assert_eq!(
            pair_in_order(&idx, (&[0, 1], &free), (&[2, 3], &free), 2),
            vec![(0, 2), (1, 3)]
        );
        // Pairs never cross: the second paragraph alone meets the first.
        assert_eq!(
            pair_in_order(&idx, (&[1], &free[..1]), (&[2, 3], &free), 2),
            vec![(1, 3)]
        );
        // A paragraph held by a closer match out of order stays with it.
        assert!(pair_in_order(&idx, (&[1], &[0.99]), (&[3], &free[..1]), 2).is_empty());
    }

    #[test]
    fn too_few_shared_words_pair_nothing() {
        let idx = index(&[&["Kelso dam closed"], &["Kelso reservoir drained"]]);
        let free = [0.0];
        assert!(pair_in_order(&idx, (&[0], &free), (&[1], &free), 2).is_empty());
        assert_eq!(
            pair_in_order(&idx, (&[0], &free), (&[1], &free), 1),
            vec![(0, 1)]
        );
    }

    #[test]
    fn a_moved_row_bounds_no_gap() {
        // Groups 0, 1, 2 in both versions, but group 1 stands last in the second.
        let group_of = [0, 1, 2, 0, 2, 1];
        let rows = in_order_rows(&[0, 1, 2], &[3, 4, 5], &group_of, 3, |_| true);
        assert_eq!(rows, vec![true, false, true]);
    }
}
