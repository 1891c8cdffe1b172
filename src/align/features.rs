//! Paragraph feature vectors for content matching: interned word stems weighted by
//! inverse document frequency across every paragraph of every version.
//!
//! Rare words (names, numbers, unusual verbs) are what tell two paragraphs of a
//! story apart; words every paragraph shares (`iraq`, `militia` in an Iraq story)
//! tell little. IDF over the whole set of versions captures that without any list
//! of names. Stopwords are dropped; stems make `attacked`/`attack` meet.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text;

/// One paragraph's features: sorted, de-duplicated term ids with their weights.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// `(term id, weight)`, sorted by term id.
    pub terms: Vec<(u32, f32)>,
    /// Sum of squared weights (the squared norm), cached.
    pub norm2: f32,
}

/// Term interner and document frequencies for one comparison.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32, BuildHasherDefault<Fnv>>,
    df: Vec<u32>,
}

/// FNV-1a: the interner hashes every term of every paragraph, short keys the
/// input cannot choose to collide in any way that matters more than speed
/// here (ids follow first appearance, never the hash, so results are the
/// same with any hasher). SipHash's defence is for maps an attacker fills.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Vocabulary {
    /// Number of distinct terms.
    #[must_use]
    pub fn len(&self) -> usize {
        self.df.len()
    }

    /// Whether no term was seen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.df.is_empty()
    }

    /// Paragraphs (over all versions) that hold term `id`.
    #[must_use]
    pub fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }
}

/// Matching terms of one text: stems of its non-stopword words, de-duplicated.
/// Numbers are kept as they are (`54`, `329`): they are strong evidence.
#[must_use]
pub fn terms_of(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text::words(s) {
        if text::is_stopword(&w) {
            continue;
        }
        // `al-kadhimi` also yields `kadhimi`, so `Kadhimi` alone still meets it.
        let stemmed = key(&w);
        if let Some((prefix, rest)) = w.split_once('-')
            && prefix.len() <= 3
            && !rest.is_empty()
        {
            out.push(key(rest));
        }
        out.push(stemmed);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Longest matching key, in characters: a prefix this long is a language-agnostic
/// stem (`protests`, `protesters` → `protes`) that also meets many paraphrases.
const KEY_CHARS: usize = 6;

/// The matching key of a lowercase word: its first [`KEY_CHARS`] characters after
/// stripping inflections; numbers and words with digits stay whole.
fn key(w: &str) -> String {
    if w.chars().any(|c| c.is_ascii_digit()) {
        return w.to_string();
    }
    text::stem(w).chars().take(KEY_CHARS).collect()
}

/// The [`terms_of`] of every paragraph of every version, found once: the
/// boilerplate classifier and the aligner both index paragraphs by them.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// Where each version's paragraphs start in `terms`.
    starts: Vec<usize>,
    terms: Vec<Vec<String>>,
}

impl Terms {
    /// The terms of every paragraph of `versions` (found in parallel).
    #[must_use]
    pub fn of(versions: &[crate::model::Version]) -> Self {
        use rayon::prelude::*;
        let mut starts = Vec::with_capacity(versions.len());
        let mut texts: Vec<&str> = Vec::new();
        for v in versions {
            starts.push(texts.len());
            texts.extend(v.paragraphs.iter().map(|p| p.text.as_str()));
        }
        let terms = texts.par_iter().map(|t| terms_of(t)).collect();
        Self { starts, terms }
    }

    /// The terms of paragraph `para` of version `version`, if it was read.
    #[must_use]
    pub fn get(&self, version: usize, para: usize) -> Option<&[String]> {
        let at = self.starts.get(version)? + para;
        let end = self
            .starts
            .get(version + 1)
            .copied()
            .unwrap_or(self.terms.len());
        (at < end).then(|| self.terms[at].as_slice())
    }
}

/// Builds weighted features for every text in `texts` (one entry per paragraph,
/// across all versions), with IDF computed over exactly these texts.
#[must_use]
pub fn build(texts: &[&str]) -> (Vocabulary, Vec<Features>) {
    use rayon::prelude::*;
    // Finding the terms is most of the work and needs no shared state: it runs
    // in parallel; interning stays in text order, so ids do not depend on it.
    let terms: Vec<Vec<String>> = texts.par_iter().map(|t| terms_of(t)).collect();
    let refs: Vec<&[String]> = terms.iter().map(Vec::as_slice).collect();
    build_from_terms(&refs)
}

/// [`build`] from each text's [`terms_of`], found before (the boilerplate
/// classifier's, taken over by the aligner for the paragraphs it keeps).
#[must_use]
pub fn build_from_terms(terms: &[&[String]]) -> (Vocabulary, Vec<Features>) {
    let texts = terms;
    let mut vocab = Vocabulary::default();
    let mut raw: Vec<Vec<u32>> = Vec::with_capacity(texts.len());
    for t in terms {
        let mut ids: Vec<u32> = t
            .iter()
            .map(|term| {
                if let Some(&id) = vocab.ids.get(term.as_str()) {
                    return id;
                }
                let id = u32::try_from(vocab.df.len()).unwrap_or(u32::MAX);
                vocab.ids.insert(term.clone(), id);
                vocab.df.push(0);
                id
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        for &id in &ids {
            vocab.df[id as usize] += 1;
        }
        raw.push(ids);
    }
    #[allow(clippy::cast_precision_loss)] // counts far below 2^24
    let n = texts.len().max(1) as f32;
    let feats = raw
        .into_iter()
        .map(|ids| {
            let terms: Vec<(u32, f32)> = ids
                .into_iter()
                .map(|id| {
                    #[allow(clippy::cast_precision_loss)]
                    let df = vocab.df[id as usize] as f32;
                    (id, (1.0 + n / df).ln())
                })
                .collect();
            let norm2 = terms.iter().map(|(_, w)| w * w).sum();
            Features { terms, norm2 }
        })
        .collect();
    (vocab, feats)
}

/// Sum of squared weights of the terms `a` and `b` share (both sorted by id).
#[must_use]
pub fn shared_weight(a: &Features, b: &Features) -> f32 {
    shared(a, b).0
}

/// Sum of squared weights of the shared terms, and how many terms are shared.
#[must_use]
pub fn shared(a: &Features, b: &Features) -> (f32, usize) {
    let (mut i, mut j, mut sum, mut count) = (0, 0, 0.0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        let (ta, wa) = a.terms[i];
        let (tb, _) = b.terms[j];
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += wa * wa;
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (sum, count)
}

/// Weight (squared) of the terms of `target` found in `a` or in `b`: how much of
/// `target` the two together cover.
#[must_use]
pub fn covered_by_either(target: &Features, a: &Features, b: &Features) -> f32 {
    let has = |f: &Features, t: u32| f.terms.binary_search_by_key(&t, |&(id, _)| id).is_ok();
    target
        .terms
        .iter()
        .filter(|&&(t, _)| has(a, t) || has(b, t))
        .map(|&(_, w)| w * w)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_stopwords_and_split_name_prefixes() {
        let t = terms_of("Mr al-Kadhimi said the attacks were cowardly");
        assert!(t.contains(&"kadhim".to_string()));
        assert!(t.contains(&"al-kad".to_string()));
        assert!(t.contains(&"attack".to_string()));
        assert!(!t.contains(&"the".to_string()));
    }

    #[test]
    fn rare_terms_weigh_more() {
        let texts = ["drone attack baghdad", "drone strike", "drone protest"];
        let (_, f) = build(&texts);
        let w = |i: usize, pos: usize| f[i].terms[pos].1;
        // "drone" is in all three, "baghdad" in one.
        let drone = f[0].terms.iter().map(|t| t.1).fold(f32::MAX, f32::min);
        let max = f[0].terms.iter().map(|t| t.1).fold(0.0, f32::max);
        assert!(max > drone);
        assert!(w(1, 0) > 0.0);
    }

    #[test]
    fn shared_weight_is_symmetric_on_shared_terms() {
        let (_, f) = build(&["alpha beta gamma", "beta gamma delta"]);
        let ab = shared_weight(&f[0], &f[1]);
        let ba = shared_weight(&f[1], &f[0]);
        assert!((ab - ba).abs() < 1e-6);
        assert!(ab > 0.0);
    }
}
