//! Articles grouped into stories by text reuse, in near-linear time.
//!
//! Two articles belong to one story when they share a passage: copies, rewrites
//! that keep some sentences, partial reprints. The steps:
//!
//! 1. **Shingles.** Each article's word shingles ([`super::shingles`]), kept as
//!    a sorted set with the first position of each. Shingles that are one
//!    source's furniture (in `furniture_min` articles or more, nine in ten from
//!    one source: a site's footer) are left out ([`group_by_source`]).
//! 2. **Sketch and candidates.** About one shingle in `sample` is indexed (the
//!    choice depends on the shingle only, so a shared passage shares its
//!    sampled shingles). An article's candidates are the articles found under
//!    its sampled shingles. A shingle under more than `max_df` articles (an
//!    advertisement run all year, a formula every obituary uses) does not make
//!    all its pairs candidates: each article only meets its next few
//!    neighbours in that shingle's list, which is enough for union-find to
//!    connect the whole list when the pairs verify, and keeps the work linear.
//!    There is no all-pairs step anywhere.
//! 3. **Verification.** A candidate pair is kept when the two share at least
//!    `min_shared` shingles (a real passage, not a phrase) and the shared part
//!    is at least `min_containment` of the smaller article (a real fraction of
//!    it, so a long article sharing a stock phrase with a short one is no link).
//!    A shingle both articles quote counts `quote_weight`: independent reports
//!    of one event quote the same statement, copies share the narrative too.
//! 4. **Hubs.** One long article (a digest, a page of wire briefs) can contain
//!    passages of several stories that share nothing with each other. For each
//!    article, its verified links are grouped by where they fall in it (links
//!    whose shared spans overlap are one group); when they fall in several
//!    separate places, only the places that cover a real part of the article
//!    (`hub_fraction`) keep their links, the largest always. A partial reprint
//!    of half an article still joins it; a brief on a digest page does not
//!    join every other brief of the page.
//! 5. **Union-find** over the links kept; every article ends in exactly one
//!    story, singletons included.
//!
//! Work is spread over threads with rayon, and the result does not depend on
//! their number: candidates and links are sorted before union.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use super::shingles::{sampled, shingles};

/// How articles are grouped. The defaults were measured on real passim output
/// (French newspapers of 1900) and on synthetic wire stories; see the README.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupOptions {
    /// Words per shingle.
    pub shingle: usize,
    /// One shingle in this many is indexed.
    pub sample: u32,
    /// A sampled shingle under more articles than this only links neighbours.
    pub max_df: usize,
    /// How many neighbours each article meets under such a frequent shingle.
    pub neighbours: usize,
    /// Sampled shingles two articles must share to be compared at all.
    pub min_hits: u32,
    /// Shingles two articles must share to be linked.
    pub min_shared: usize,
    /// Share of the smaller article's shingles that must be shared.
    pub min_containment: f64,
    /// What a shared shingle inside a quotation in both articles counts for
    /// (an unquoted one counts 1).
    pub quote_weight: f64,
    /// Text found in at least this many articles, nine in ten of them from one
    /// source, is that source's furniture ([`group_by_source`]); 0 keeps it.
    pub furniture_min: usize,
    /// Share of an article a separate place of links must cover to keep them
    /// when the article links to several separate places.
    pub hub_fraction: f64,
}

impl Default for GroupOptions {
    fn default() -> Self {
        Self {
            shingle: 4,
            sample: 3,
            max_df: 48,
            neighbours: 3,
            min_hits: 2,
            min_shared: 6,
            min_containment: 0.15,
            quote_weight: 0.25,
            hub_fraction: 0.3,
            furniture_min: 5,
        }
    }
}

/// The fingerprint of one article: its distinct shingles, sorted by hash, each
/// with its first position in the text.
struct Print {
    set: Vec<(u32, u32)>,
}

/// A verified link between articles `a < b`, with the span of shingle
/// positions the shared part covers in each.
#[derive(Debug, Clone, Copy)]
struct Link {
    a: u32,
    b: u32,
    shared: u32,
    span_a: (u32, u32),
    span_b: (u32, u32),
}

/// Groups `texts` into stories: each story is a sorted list of indices into
/// `texts`; every index is in exactly one story; stories come largest first,
/// then by their first member.
#[must_use]
pub fn group(texts: &[&str], opts: &GroupOptions) -> Vec<Vec<usize>> {
    group_by_source(texts, &[], opts)
}

/// [`group`], knowing where each article comes from (`sources[i]`, a number per
/// newspaper or site; `None` unknown; an empty slice when none is known).
///
/// Text repeated across many articles of one source and hardly elsewhere is
/// that source's furniture (a footer, a subscription box, a standing head),
/// not reuse: such shingles are left out of the fingerprints before anything
/// else, so two unrelated articles of one site do not join through their
/// footer. A story copied by several sources keeps its shingles.
#[must_use]
pub fn group_by_source(
    texts: &[&str],
    sources: &[Option<u32>],
    opts: &GroupOptions,
) -> Vec<Vec<usize>> {
    let mut prints: Vec<Print> = texts
        .par_iter()
        .map(|t| fingerprint(t, opts.shingle))
        .collect();
    drop_furniture(&mut prints, sources, opts.furniture_min);
    let index = Index::build(&prints, opts.sample);
    let prints_ref = &prints;
    let index_ref = &index;
    let mut links: Vec<Link> = (0..prints.len())
        .into_par_iter()
        .flat_map_iter(|d| {
            candidates(d, prints_ref, index_ref, opts)
                .into_iter()
                .filter_map(move |e| verify(d, e, prints_ref, opts))
                .collect::<Vec<_>>()
        })
        .collect();
    links.sort_unstable_by_key(|l| (l.a, l.b));
    let keep = guard_hubs(&links, &prints, opts.hub_fraction);
    let mut sets = UnionFind::new(prints.len());
    for (link, kept) in links.iter().zip(keep) {
        if kept {
            sets.union(link.a as usize, link.b as usize);
        }
    }
    sets.groups()
}

/// The top bit of a fingerprint's position says the shingle is quoted.
const QUOTED: u32 = 1 << 31;

fn fingerprint(text: &str, n: usize) -> Print {
    let positional = shingles(text, n);
    let mut set: Vec<(u32, u32)> = positional
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let pos = u32::try_from(i).unwrap_or(u32::MAX) & !QUOTED;
            (s.hash, if s.quoted { pos | QUOTED } else { pos })
        })
        .collect();
    set.sort_unstable();
    // Sorted by (hash, position): the first of each hash is its first position.
    set.dedup_by_key(|(h, _)| *h);
    set.shrink_to_fit();
    Print { set }
}

/// Removes the shingles found in at least `min` articles of which nine in ten
/// or more come from one source (see [`group_by_source`]). Nothing is removed
/// when fewer than two sources are known: then one source is all there is.
fn drop_furniture(prints: &mut [Print], sources: &[Option<u32>], min: usize) {
    let known: std::collections::BTreeSet<u32> = sources.iter().flatten().copied().collect();
    if known.len() < 2 || min == 0 {
        return;
    }
    let mut all: Vec<(u32, u32)> = prints
        .par_iter()
        .enumerate()
        .filter_map(|(i, p)| sources.get(i).copied().flatten().map(|src| (p, src)))
        .flat_map_iter(|(p, src)| p.set.iter().map(move |&(h, _)| (h, src)))
        .collect();
    all.par_sort_unstable();
    let mut furniture: Vec<u32> = Vec::new();
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        if run.len() < min {
            continue;
        }
        let most = run
            .chunk_by(|a, b| a.1 == b.1)
            .map(<[_]>::len)
            .max()
            .unwrap_or(0);
        if most * 10 >= run.len() * 9
            && let Some(&(h, _)) = run.first()
        {
            furniture.push(h);
        }
    }
    drop(all);
    if furniture.is_empty() {
        return;
    }
    prints.par_iter_mut().for_each(|p| {
        p.set.retain(|(h, _)| furniture.binary_search(h).is_err());
    });
}

/// The sampled shingles of every article: `(hash, article)` sorted, so the
/// articles under one shingle are a contiguous run in article order; and where
/// the run of each shingle under two articles or more starts. Most sampled
/// shingles are in one article only: they are not in the table, and looking
/// them up misses in a small table instead of searching all postings.
struct Index {
    postings: Vec<(u32, u32)>,
    runs: HashMap<u32, (u32, u32), BuildHasherDefault<SpreadHasher>>,
}

impl Index {
    fn build(prints: &[Print], rate: u32) -> Self {
        let mut postings: Vec<(u32, u32)> = prints
            .par_iter()
            .enumerate()
            .flat_map_iter(|(d, p)| {
                let d = u32::try_from(d).unwrap_or(u32::MAX);
                p.set
                    .iter()
                    .filter(move |(h, _)| sampled(*h, rate))
                    .map(move |&(h, _)| (h, d))
            })
            .collect();
        postings.par_sort_unstable();
        let mut runs = HashMap::default();
        let mut start = 0usize;
        for run in postings.chunk_by(|a, b| a.0 == b.0) {
            if run.len() > 1
                && let Some(&(h, _)) = run.first()
            {
                let at = u32::try_from(start).unwrap_or(u32::MAX);
                let len = u32::try_from(run.len()).unwrap_or(u32::MAX);
                runs.insert(h, (at, len));
            }
            start += run.len();
        }
        Self { postings, runs }
    }

    /// The articles under `hash`, in article order (none when only one has it).
    fn under(&self, hash: u32) -> &[(u32, u32)] {
        self.runs
            .get(&hash)
            .and_then(|&(at, len)| self.postings.get(at as usize..(at + len) as usize))
            .unwrap_or_default()
    }
}

/// A hasher for keys that are hashes already: one multiply spreads them over
/// the table (SipHash would cost more than the lookup it protects).
#[derive(Default)]
struct SpreadHasher(u64);

impl Hasher for SpreadHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The articles after `d` worth verifying against it: met under at least
/// `min_hits` sampled shingles (or under every one, for an article with fewer).
fn candidates(d: usize, prints: &[Print], index: &Index, opts: &GroupOptions) -> Vec<usize> {
    let d32 = u32::try_from(d).unwrap_or(u32::MAX);
    let mut met: Vec<u32> = Vec::new();
    let mut samples = 0u32;
    for &(h, _) in prints[d]
        .set
        .iter()
        .filter(|(h, _)| sampled(*h, opts.sample))
    {
        samples += 1;
        let under = index.under(h);
        let at = under.partition_point(|&(_, e)| e <= d32);
        let after = under.get(at..).unwrap_or_default();
        if under.len() <= opts.max_df {
            met.extend(after.iter().map(|&(_, e)| e));
        } else {
            met.extend(after.iter().take(opts.neighbours).map(|&(_, e)| e));
        }
    }
    met.sort_unstable();
    let need = opts.min_hits.min(samples).max(1);
    let mut out = Vec::new();
    for run in met.chunk_by(|a, b| a == b) {
        if u32::try_from(run.len()).unwrap_or(u32::MAX) >= need
            && let Some(&e) = run.first()
        {
            out.push(e as usize);
        }
    }
    out
}

/// The link between `d` and `e` when their shared shingles are a real passage.
fn verify(d: usize, e: usize, prints: &[Print], opts: &GroupOptions) -> Option<Link> {
    let (x, y) = (&prints[d].set, &prints[e].set);
    let (mut i, mut j) = (0, 0);
    let mut shared = 0u32;
    let mut quoted = 0u32;
    let mut span_a = (u32::MAX, 0);
    let mut span_b = (u32::MAX, 0);
    while let (Some(&(hx, px)), Some(&(hy, py))) = (x.get(i), y.get(j)) {
        match hx.cmp(&hy) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                if px & py & QUOTED != 0 {
                    quoted += 1;
                }
                let (px, py) = (px & !QUOTED, py & !QUOTED);
                span_a = (span_a.0.min(px), span_a.1.max(px));
                span_b = (span_b.0.min(py), span_b.1.max(py));
                i += 1;
                j += 1;
            }
        }
    }
    let smaller = x.len().min(y.len()).max(1);
    // A quotation both quote counts for less: independent reports of one event
    // quote the same statement, copies and rewrites share the narrative too.
    let evidence = f64::from(shared - quoted) + f64::from(quoted) * opts.quote_weight;
    // A text shorter than `min_shared` shingles links only by sharing all of them.
    let enough = evidence >= opts.min_shared.min(smaller) as f64;
    let fraction = evidence / smaller as f64;
    (enough && fraction >= opts.min_containment).then(|| Link {
        a: u32::try_from(d).unwrap_or(u32::MAX),
        b: u32::try_from(e).unwrap_or(u32::MAX),
        shared,
        span_a,
        span_b,
    })
}

/// Which links survive the hub guard (see the module comment), in the order of
/// `links`.
fn guard_hubs(links: &[Link], prints: &[Print], fraction: f64) -> Vec<bool> {
    // Every link seen from each end: (article, span there, link index).
    let mut ends: Vec<(u32, (u32, u32), usize)> = Vec::with_capacity(links.len() * 2);
    for (i, l) in links.iter().enumerate() {
        ends.push((l.a, l.span_a, i));
        ends.push((l.b, l.span_b, i));
    }
    ends.par_sort_unstable();
    let mut keep = vec![true; links.len()];
    for run in ends.chunk_by(|x, y| x.0 == y.0) {
        // Places: runs of overlapping spans, in the article's order.
        let mut places: Vec<(u32, u32, Vec<usize>)> = Vec::new();
        for &(_, (start, end), i) in run {
            match places.last_mut() {
                Some(place) if start <= place.1 => {
                    place.1 = place.1.max(end);
                    place.2.push(i);
                }
                _ => places.push((start, end, vec![i])),
            }
        }
        if places.len() < 2 {
            continue;
        }
        let article = run.first().map_or(0, |r| r.0 as usize);
        let length = prints
            .get(article)
            .and_then(|p| p.set.iter().map(|&(_, pos)| pos & !QUOTED).max())
            .map_or(1, |m| m + 1);
        let weight = |p: &(u32, u32, Vec<usize>)| {
            p.2.iter()
                .map(|&i| u64::from(links.get(i).map_or(0, |l| l.shared)))
                .sum::<u64>()
        };
        let largest = (0..places.len())
            .max_by_key(|&k| (weight(&places[k]), std::cmp::Reverse(k)))
            .unwrap_or(0);
        for (k, (start, end, members)) in places.iter().enumerate() {
            let covers = f64::from(end - start + 1) / f64::from(length);
            if k != largest && covers < fraction {
                for &i in members {
                    keep[i] = false;
                }
            }
        }
    }
    keep
}

/// Disjoint sets with path halving and union by size.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n)
                .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
                .collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if self.size[ra] < self.size[rb] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = u32::try_from(ra).unwrap_or(u32::MAX);
        self.size[ra] += self.size[rb];
    }

    /// The sets, each sorted, largest first, then by first member.
    fn groups(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for x in 0..n {
            let r = self.find(x);
            by_root[r].push(x);
        }
        let mut out: Vec<Vec<usize>> = by_root.into_iter().filter(|g| !g.is_empty()).collect();
        out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY_A: &str = "The prime minister escaped unharmed after an assassination attempt with armed drones that targeted his residence in the heavily fortified Green Zone early on Sunday, officials said, in an attack that marked a sharp escalation of tensions.";
    const STORY_B: &str = "Heavy rain flooded the lower town overnight, and the fire brigade spent the whole morning pumping water out of cellars along the river while the council opened the school gym for families who had to leave their homes.";
    const STORY_C: &str = "The national bank raised its main interest rate by half a point on Thursday, the third rise this year, saying that prices of food and energy were still climbing faster than wages across most of the country.";

    const STORY_D: &str = "Hundreds of volunteers cleaned the beaches of the northern coast at the weekend, collecting several tonnes of plastic, fishing nets and glass that the winter storms had washed ashore between the harbour and the lighthouse.";

    fn grouped(texts: &[&str]) -> Vec<Vec<usize>> {
        group(texts, &GroupOptions::default())
    }

    #[test]
    fn copies_and_rewrites_group_unrelated_stay_apart() {
        let rewrite = STORY_A.replace("officials said", "according to two security officials");
        let texts = [STORY_A, STORY_B, &rewrite, STORY_C, STORY_B];
        assert_eq!(grouped(&texts), vec![vec![0, 2], vec![1, 4], vec![3]]);
    }

    #[test]
    fn partial_reprint_joins_its_story() {
        let long = format!("{STORY_A} {STORY_C}");
        // The first half of a long story, reprinted alone.
        let texts = [long.as_str(), STORY_A, STORY_B];
        assert_eq!(grouped(&texts), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn one_long_digest_does_not_chain_unrelated_stories() {
        // A page of briefs: a little of A, a lot of filler, a little of B.
        let filler = "Market report. Cattle prices were steady at the autumn fair; wheat fell slightly on news of a good harvest abroad, while potatoes and apples held their summer prices in every canton. ".repeat(8);
        let digest = format!("{STORY_A} {filler} {STORY_B}");
        let texts = [STORY_A, digest.as_str(), STORY_B];
        let got = grouped(&texts);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(!got.iter().any(|g| g.contains(&0) && g.contains(&2)));
    }

    #[test]
    fn a_shared_stock_phrase_is_no_link() {
        let phrase = "according to the latest figures published by the federal statistics office";
        // Two stories of a usual length, ending with the same stock phrase.
        let a = format!("{STORY_A} {STORY_C} {phrase}.");
        let b = format!("{STORY_B} {STORY_D} {phrase}.");
        assert_eq!(grouped(&[&a, &b]), vec![vec![0], vec![1]]);
    }

    #[test]
    fn frequent_shingles_still_connect_many_copies() {
        // Far more copies than max_df: connected through neighbours.
        let texts: Vec<String> = (0..200).map(|i| format!("Copy {i}. {STORY_B}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let got = grouped(&refs);
        assert_eq!(got, vec![(0..200).collect::<Vec<_>>()]);
    }

    #[test]
    fn one_sites_footer_does_not_join_its_unrelated_articles() {
        let footer = "Subscribe to our newsletter for the best of the week's news, delivered to your inbox every Saturday morning, and follow us on all the usual networks.";
        let short = |s: &str| s.split(". ").next().unwrap_or(s).to_string();
        // Short articles of one site (source 0), each with the footer, and
        // the first one's story copied by another site (source 1).
        let texts: Vec<String> = [STORY_A, STORY_B, STORY_C, STORY_D, STORY_A, STORY_B]
            .iter()
            .map(|s| format!("{} {footer}", short(s)))
            .chain([STORY_A.to_string()])
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let sources = [0, 0, 0, 0, 0, 0, 1].map(Some);
        let got = group_by_source(&refs, &sources, &GroupOptions::default());
        assert_eq!(got, vec![vec![0, 4, 6], vec![1, 5], vec![2], vec![3]]);
        // Without sources, the footer is shared text like any other.
        assert_eq!(group(&refs, &GroupOptions::default()).len(), 1);
    }

    #[test]
    fn every_article_in_exactly_one_story() {
        let texts = ["", "x", STORY_A, "", STORY_A, "—"];
        let got = grouped(&texts);
        let mut all: Vec<usize> = got.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..texts.len()).collect::<Vec<_>>());
        assert!(got.contains(&vec![2, 4]));
        assert!(grouped(&[]).is_empty());
    }
}
