//! Putting groups in one reading order, and telling which paragraphs moved.
//!
//! Versions reorder paragraphs, so no single order keeps every version's column in
//! its own order. Rows are ordered by progressive insertion: the version in the
//! most groups sets the initial order; each further version keeps the rows already
//! placed and inserts its new rows after the nearest preceding row that it has *in
//! order* (on its longest increasing subsequence). Finally, in each version, the
//! cells that are off that version's longest increasing subsequence of row
//! positions are marked as moved: read down a column, the unmoved cells are always
//! in file order. Everything is `O(rows log rows)` per version.

/// Indices (into `seq`) of one longest strictly increasing subsequence of `seq`,
/// preferring, among equally long ones, the lexicographically earliest ends.
#[must_use]
pub fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    // tails[k] = index in seq of the smallest tail of an increasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let k = tails.partition_point(|&t| seq[t] < x);
        if k > 0 {
            prev[i] = Some(tails[k - 1]);
        }
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(i);
        cur = prev[i];
    }
    out.reverse();
    out
}

/// Orders groups. `keys[g][v]` is the position of group `g` in version `v` (its
/// first paragraph's index), or `None` when `v` is absent from it. `pinned_first`
/// groups (the headline row) go first. Returns the group indices in reading order.
#[must_use]
pub fn order(keys: &[Vec<Option<usize>>], n_versions: usize, pinned_first: &[usize]) -> Vec<usize> {
    let mut placed: Vec<usize> = Vec::new();
    let mut is_placed = vec![false; keys.len()];
    let mut versions: Vec<usize> = (0..n_versions).collect();
    let count = |v: usize| keys.iter().filter(|k| k[v].is_some()).count();
    versions.sort_by_key(|&v| (std::cmp::Reverse(count(v)), v));
    for v in versions {
        let mut mine: Vec<(usize, usize)> = keys
            .iter()
            .enumerate()
            .filter_map(|(g, k)| k[v].map(|p| (p, g)))
            .collect();
        mine.sort_unstable();
        let pos_of: std::collections::HashMap<usize, usize> =
            placed.iter().enumerate().map(|(i, &g)| (g, i)).collect();
        let placed_seq: Vec<usize> = mine
            .iter()
            .filter_map(|&(_, g)| pos_of.get(&g).copied())
            .collect();
        let anchors: std::collections::HashSet<usize> = longest_increasing(&placed_seq)
            .into_iter()
            .map(|i| placed_seq[i])
            .collect();
        // New groups of this version, keyed by the anchor row they follow (None: before all).
        let mut after: std::collections::HashMap<Option<usize>, Vec<usize>> =
            std::collections::HashMap::new();
        let mut last_anchor: Option<usize> = None;
        for &(_, g) in &mine {
            match pos_of.get(&g) {
                Some(p) if anchors.contains(p) => last_anchor = Some(*p),
                Some(_) => {}
                None => after.entry(last_anchor).or_default().push(g),
            }
        }
        let mut next = Vec::with_capacity(placed.len() + mine.len());
        let leading = after.remove(&None).unwrap_or_default();
        if anchors.is_empty() {
            next.extend(placed.iter().copied());
            next.extend(leading);
        } else {
            let first_anchor = anchors.iter().min().copied().unwrap_or(0);
            for (i, &g) in placed.iter().enumerate() {
                if i == first_anchor {
                    next.extend(leading.iter().copied());
                }
                next.push(g);
                if let Some(list) = after.remove(&Some(i)) {
                    next.extend(list);
                }
            }
        }
        for &g in &next {
            is_placed[g] = true;
        }
        placed = next;
    }
    // Groups with no version at all cannot exist, but keep every group regardless.
    for (g, done) in is_placed.iter().enumerate() {
        if !done {
            placed.push(g);
        }
    }
    let mut out: Vec<usize> = pinned_first.to_vec();
    out.extend(placed.into_iter().filter(|g| !pinned_first.contains(g)));
    out
}

/// For rows in reading order (`keys[r][v]` as in [`order`], already permuted), the
/// versions whose cell in each row is out of that version's order.
#[must_use]
pub fn moved(keys: &[Vec<Option<usize>>], n_versions: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); keys.len()];
    for v in 0..n_versions {
        let mut cells: Vec<(usize, usize)> = keys
            .iter()
            .enumerate()
            .filter_map(|(r, k)| k[v].map(|p| (p, r)))
            .collect();
        cells.sort_unstable();
        let rows: Vec<usize> = cells.iter().map(|&(_, r)| r).collect();
        let keep: std::collections::HashSet<usize> = longest_increasing(&rows)
            .into_iter()
            .map(|i| rows[i])
            .collect();
        for &r in &rows {
            if !keep.contains(&r) {
                out[r].push(v);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lis_finds_longest_run() {
        let seq = [3, 1, 2, 5, 4, 6];
        let idx = longest_increasing(&seq);
        let vals: Vec<usize> = idx.iter().map(|&i| seq[i]).collect();
        assert_eq!(vals.len(), 4);
        assert!(vals.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lis_of_empty_is_empty() {
        assert!(longest_increasing(&[]).is_empty());
    }

    #[test]
    fn insertion_keeps_both_orders_when_possible() {
        // v0 has groups 0,1,2; v1 has groups 0, 3, 2 (3 is new between 0 and 2).
        let keys = vec![
            vec![Some(0), Some(0)],
            vec![Some(1), None],
            vec![Some(2), Some(2)],
            vec![None, Some(1)],
        ];
        let ord = order(&keys, 2, &[]);
        let pos = |g: usize| ord.iter().position(|&x| x == g).unwrap_or(usize::MAX);
        assert!(pos(0) < pos(3) && pos(3) < pos(2));
        assert!(pos(0) < pos(1) && pos(1) < pos(2));
    }

    #[test]
    fn swapped_paragraph_is_marked_moved() {
        // Rows in order; version 1 has them as 1, 0.
        let keys = vec![vec![Some(0), Some(1)], vec![Some(1), Some(0)]];
        let m = moved(&keys, 2);
        assert_eq!(m.iter().map(Vec::len).sum::<usize>(), 1);
        assert!(m.iter().flatten().all(|&v| v == 1));
    }
}
