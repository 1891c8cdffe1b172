//! Order as evidence: between candidates of near-equal similarity, prefer the
//! one that sits where the paragraph's neighbours say it should.
//!
//! A write-thru rewords a paragraph and adds a new one on the same topic
//! elsewhere: the early "closure could last two weeks… use the crossing to the
//! north" meets both the later "closed for at least two weeks" (in its old
//! place, right after the bridge's history) and a new lede-side paragraph about
//! traffic on that crossing. Word overlap alone picks whichever shares the
//! rarer words; a reader also looks at where each one stands. Here each
//! candidate gets a *support*: how many of the paragraph's close neighbours
//! (two before, two after, in its own version) have their own best match on
//! the same side of the candidate and close to it. Among the candidates of one
//! version within [`NEAR_RATIO`] of the best similarity, the best supported
//! goes first (similarity breaks ties), so [`SimilarityIndex::best_in`] returns
//! it. The support is kept on the candidate, so linking can accept a
//! one-to-one match that both place and words confirm at a lower similarity.
//!
//! The words may not even bring the candidate in place among those kept: a
//! refrain repeated dozens of times has that many equal matches. So first
//! [`add_in_place`] adds, per node and other version, the paragraphs beside
//! its neighbours' own matches when they come near the best one.
//!
//! Cost: per node and other version, its kept candidates (at most
//! [`super::similarity::TOP_K`] plus two placed ones) times four neighbours:
//! linear in the nodes.

use super::similarity::SimilarityIndex;

/// A candidate competes with the best one when its similarity is at least
/// this share of the best: below it, words decide alone.
pub const NEAR_RATIO: f32 = 0.6;

/// Neighbours looked at on each side of a paragraph.
const WINDOW: usize = 2;

/// Per node, its position among its version's nodes; per version, its nodes
/// in paragraph order.
fn positions(index: &SimilarityIndex, n_versions: usize) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut lists: Vec<Vec<usize>> = vec![Vec::new(); n_versions];
    for (i, node) in index.nodes.iter().enumerate() {
        lists[node.version].push(i);
    }
    let mut pos = vec![0; index.nodes.len()];
    for list in &mut lists {
        list.sort_by_key(|&i| index.nodes[i].para);
        for (k, &i) in list.iter().enumerate() {
            pos[i] = k;
        }
    }
    (pos, lists)
}

/// Adds, for every node and other version, the paragraphs that stand right
/// after its previous neighbour's best match and right before its next
/// neighbour's, when they are near-equal to its best candidate there (within
/// [`NEAR_RATIO`], sharing two terms) and not yet among its candidates.
///
/// The index keeps a few candidates per version, found by words; a text that
/// repeats itself (a refrain, a list of offerings told the same way twelve
/// times) has dozens of equal ones, and the one in place may not be among
/// those kept. Its neighbours know where it should be. [`prefer_in_place`]
/// then puts it first by its support. Cost: per node and other version, two
/// exact scores.
pub fn add_in_place(index: &mut SimilarityIndex, n_versions: usize) {
    let (pos, lists) = positions(index, n_versions);
    let mut extra: Vec<Vec<super::similarity::Candidate>> = vec![Vec::new(); index.nodes.len()];
    for (i, found) in extra.iter_mut().enumerate() {
        let own = &lists[index.nodes[i].version];
        let p = pos[i];
        let neighbours = [
            p.checked_sub(1).map(|k| (own[k], 1isize)),
            own.get(p + 1).map(|&x| (x, -1isize)),
        ];
        for (x, step) in neighbours.into_iter().flatten() {
            let cands = &index.candidates[x];
            for (k, c) in cands.iter().enumerate() {
                let w = index.nodes[c.other].version;
                // Only the neighbour's best match in `w` points: the first of
                // its run of candidates in `w` (what `best_in` returns).
                let first_in_w = k == 0 || index.nodes[cands[k - 1].other].version != w;
                if !first_in_w || c.shared_terms() < 2 {
                    continue;
                }
                let Some(target) = pos[c.other]
                    .checked_add_signed(step)
                    .and_then(|k| lists[w].get(k))
                    .copied()
                else {
                    continue;
                };
                let known = index.candidates[i]
                    .iter()
                    .chain(found.iter())
                    .any(|d| d.other == target);
                if known {
                    continue;
                }
                let top = index.best_in(i, w).map_or(0.0, |b| b.sim);
                let cand = index.score(i, target);
                if cand.shared_terms() >= 2 && cand.sim >= top * NEAR_RATIO && cand.sim > 0.0 {
                    found.push(cand);
                }
            }
        }
    }
    for (i, found) in extra.into_iter().enumerate() {
        if found.is_empty() {
            continue;
        }
        let nodes = &index.nodes;
        let cands = &mut index.candidates[i];
        cands.extend(found);
        // Stable: the kept order within a version is by similarity already.
        cands.sort_by(|a, b| {
            nodes[a.other]
                .version
                .cmp(&nodes[b.other].version)
                .then(b.sim.total_cmp(&a.sim))
                .then(a.other.cmp(&b.other))
        });
    }
}

/// Sets every candidate's support and moves, per node and other version, the
/// best supported near-equal candidate first (see the module doc).
pub fn prefer_in_place(index: &mut SimilarityIndex, n_versions: usize) {
    let (pos, lists) = positions(index, n_versions);
    // The anchor of a node in a version: its best match there by words alone,
    // taken before any reordering so the result does not depend on node order.
    // Looked up once per node and version (a table, not a scan per use).
    let mut anchors: Vec<Vec<Option<usize>>> = vec![vec![None; n_versions]; index.nodes.len()];
    for (x, row) in anchors.iter_mut().enumerate() {
        let cands = &index.candidates[x];
        for (k, c) in cands.iter().enumerate() {
            let w = index.nodes[c.other].version;
            let first_in_w = k == 0 || index.nodes[cands[k - 1].other].version != w;
            if first_in_w && c.shared_terms() >= 2 {
                row[w] = Some(c.other);
            }
        }
    }
    let anchor = |_: &SimilarityIndex, x: usize, w: usize| anchors[x].get(w).copied().flatten();
    let mut supports: Vec<Vec<u8>> = Vec::with_capacity(index.nodes.len());
    for i in 0..index.nodes.len() {
        let v = index.nodes[i].version;
        let own = &lists[v];
        let p = pos[i];
        let row: Vec<u8> = index.candidates[i]
            .iter()
            .map(|c| {
                let w = index.nodes[c.other].version;
                let pc = pos[c.other];
                let mut support = 0u8;
                for d in 1..=WINDOW {
                    let before = p.checked_sub(d).map(|k| (own[k], true));
                    let after = own.get(p + d).map(|&x| (x, false));
                    for (x, is_before) in before.into_iter().chain(after) {
                        let Some(a) = anchor(index, x, w) else {
                            continue;
                        };
                        let pa = pos[a];
                        // Same side as in the own version, and no farther off
                        // than one inserted paragraph allows.
                        let (same_side, gap) = if is_before {
                            (pa < pc, pc.saturating_sub(pa))
                        } else {
                            (pa > pc, pa.saturating_sub(pc))
                        };
                        if same_side && gap <= d + 1 {
                            support = support.saturating_add(1);
                        }
                    }
                }
                support
            })
            .collect();
        supports.push(row);
    }
    for (i, row) in supports.into_iter().enumerate() {
        for (c, s) in index.candidates[i].iter_mut().zip(row) {
            c.support = s;
        }
        reorder(&mut index.candidates[i], &index.nodes);
    }
}

/// Within each version's run of candidates (best similarity first), moves the
/// best supported one among those near the best to the front.
fn reorder(cands: &mut [super::similarity::Candidate], nodes: &[super::similarity::Node]) {
    let mut start = 0;
    while start < cands.len() {
        let v = nodes[cands[start].other].version;
        let end = start
            + cands[start..]
                .iter()
                .take_while(|c| nodes[c.other].version == v)
                .count();
        let top = cands[start].sim;
        let pick = (start..end)
            .filter(|&k| cands[k].sim >= top * NEAR_RATIO && cands[k].shared_terms() >= 2)
            .max_by(|&a, &b| {
                cands[a]
                    .support
                    .cmp(&cands[b].support)
                    .then(cands[a].sim.total_cmp(&cands[b].sim))
                    .then(b.cmp(&a))
            })
            .unwrap_or(start);
        if pick != start && cands[pick].support > cands[start].support {
            cands[start..=pick].rotate_right(1);
        }
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(versions: &[&[&str]]) -> SimilarityIndex {
        SimilarityIndex::of_versions(versions)
    }

    const A: &[&str] = &[
        "The Kelso dam was closed to visitors on Sunday after engineers found a leak.",
        "The dam, finished in 1958, holds back the Tarn reservoir above Kelso.",
        "The closure could last three weeks; walkers should use the Brae footpath instead.",
        "Rangers said the car parks near the reservoir would stay open.",
    ];
    const B: &[&str] = &[
        "Engineers closed the Kelso dam to visitors on Sunday when they found a leak.",
        "The Brae footpath, the nearest alternative, was crowded with walkers on Monday.",
        "Finished in 1958, the dam holds back the Tarn reservoir above Kelso.",
        "The dam will stay closed for three weeks, engineers said.",
        "Rangers said the car parks near the reservoir would remain open.",
    ];

    #[test]
    fn the_candidate_in_place_goes_first_among_near_equals() {
        let mut idx = index(&[A, B]);
        // Node 2 is A's third paragraph; nodes 4.. are B's.
        let words_only = idx.best_in(2, 1).map(|c| c.other);
        prefer_in_place(&mut idx, 2);
        let best = idx.best_in(2, 1).expect("a candidate");
        assert_eq!(best.other, 4 + 3, "words alone chose {words_only:?}");
        assert!(best.support >= 1);
    }

    #[test]
    fn a_clear_best_match_keeps_its_place_even_when_moved() {
        // B's last paragraph moved to the top: it is still A's last one's match.
        let moved: &[&str] = &[B[4], B[0], B[2], B[3]];
        let mut idx = index(&[A, moved]);
        prefer_in_place(&mut idx, 2);
        assert_eq!(idx.best_in(3, 1).map(|c| c.other), Some(4));
    }

    #[test]
    fn a_repeated_paragraph_in_place_joins_the_candidates() {
        // The refrain is in every place; only its neighbours tell which.
        let refrain = "His mercy endures for ever and ever, Israel";
        let a: Vec<&str> = vec![
            "Give thanks to Yahweh the maker of heaven",
            refrain,
            "To him who alone does great wonders of old",
            refrain,
            "To him who made the great lights in heaven",
            refrain,
            "The sun to rule by day over the land",
            refrain,
            "The moon and stars to rule by night",
        ];
        let mut idx = index(&[&a, &a]);
        let n = a.len();
        // Words alone keep the first three refrains: the fourth is not among them.
        assert!(idx.pair(7, n + 7).is_none());
        add_in_place(&mut idx, 2);
        prefer_in_place(&mut idx, 2);
        for k in [5, 7] {
            assert_eq!(
                idx.best_in(k, 1).map(|c| c.other),
                Some(n + k),
                "refrain {k}"
            );
        }
    }
}
