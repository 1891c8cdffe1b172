//! Synthetic versions of one story for property tests and benchmarks: a base
//! story of random paragraphs, and versions derived from it the way rewrites
//! differ (words replaced, paragraphs dropped, added, moved and split).
//! Deterministic for a given seed; needs no random-number crate.

#![allow(dead_code)] // each test binary uses a part

use wirediff::model::{Paragraph, ParagraphKind, Version};

/// A small xorshift generator: deterministic and good enough for test data.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "dhi", "mi", "ba", "gh", "dad", "mil", "it", "ia", "zo", "ne", "gre", "en", "pro",
    "test", "vo", "te", "sec", "ur", "ity", "for", "ces", "dro", "ne", "att", "ack", "pri", "me",
    "min", "is", "ter",
];

const COMMON: &[&str] = &[
    "the", "a", "of", "and", "in", "to", "was", "said", "on", "with", "for", "by", "after",
];

/// A made-up word: common words often, rarer invented ones otherwise.
pub fn word(rng: &mut Rng) -> String {
    if rng.chance(40) {
        return COMMON[rng.below(COMMON.len())].to_string();
    }
    let n = 2 + rng.below(3);
    (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

/// A paragraph of `words` words with a capital and a full stop.
pub fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<String> = (0..words.max(1)).map(|_| word(rng)).collect();
    if let Some(first) = s.first_mut() {
        let mut c = first.chars();
        if let Some(h) = c.next() {
            *first = h.to_uppercase().collect::<String>() + c.as_str();
        }
    }
    let last = s.len() - 1;
    s[last].push('.');
    s.join(" ")
}

/// A version of `base` rewritten at `rate` percent: words replaced, paragraphs
/// dropped, moved, split and added.
pub fn rewrite(rng: &mut Rng, base: &[String], rate: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in base {
        if rng.chance(rate / 2) {
            continue; // dropped
        }
        let words: Vec<String> = p
            .split(' ')
            .map(|w| {
                if rng.chance(rate) {
                    word(rng)
                } else {
                    w.to_string()
                }
            })
            .collect();
        if words.len() > 8 && rng.chance(rate / 3) {
            let cut = words.len() / 2;
            out.push(words[..cut].join(" ") + ".");
            out.push(words[cut..].join(" "));
        } else {
            out.push(words.join(" "));
        }
        if rng.chance(rate / 3) {
            let len = 20 + rng.below(30);
            out.push(paragraph(rng, len));
        }
    }
    if out.len() > 3 && rng.chance(rate * 2) {
        let a = rng.below(out.len());
        let b = rng.below(out.len());
        out.swap(a, b);
    }
    out
}

/// A version built from paragraph texts, one per line, all story.
pub fn version(name: &str, paragraphs: &[String]) -> Version {
    let text = paragraphs.join("\n");
    let mut offset = 0;
    let paragraphs = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let para = Paragraph {
                id: i,
                line_start: i + 1,
                line_end: i + 1,
                byte_start: offset,
                byte_end: offset + p.len(),
                text: p.clone(),
                kind: ParagraphKind::Story,
                reason: None,
            };
            offset += p.len() + 1;
            para
        })
        .collect();
    Version {
        path: format!("{name}.txt"),
        label: name.to_string(),
        text,
        encoding: "UTF-8".into(),
        notes: Vec::new(),
        paragraphs,
        file: None,
        metadata: None,
    }
}

/// `n` versions of a `paragraphs`-paragraph story rewritten at `rate` percent.
pub fn story(seed: u64, n: usize, paragraphs: usize, rate: usize) -> Vec<Version> {
    let mut rng = Rng::new(seed);
    let base: Vec<String> = (0..paragraphs)
        .map(|_| {
            let len = 25 + rng.below(40);
            paragraph(&mut rng, len)
        })
        .collect();
    (0..n)
        .map(|v| version(&format!("v{v:02}"), &rewrite(&mut rng, &base, rate)))
        .collect()
}
