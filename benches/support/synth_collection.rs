//! A synthetic collection with known stories, for measuring `collection::group`
//! at any size (`benches/group.rs`, `examples/gen_collection.rs`).
//!
//! Texts are sentences of words drawn from a Zipf-distributed vocabulary of
//! made-up words (so common words are common, as in any language, and
//! unrelated stories share them). Each story has a base text; its articles are
//! - **copies** with light edits (a word changed here and there, OCR-like
//!   character errors),
//! - **rewrites**: sentences dropped, reordered and added, a sixth of the words
//!   changed,
//! - **partial reprints**: a contiguous run of 30-60% of the sentences,
//! - **digests** (1%): most of one story with short excerpts of two others
//!   appended: the hub that must not chain those stories together; its known
//!   story is the one it mostly reprints.
//!
//! Every article of a site may also end with that site's footer
//! ("Subscribe…"), shared across unrelated stories of the site. Half the
//! stories are singletons. The generator is deterministic for a seed.

#![allow(dead_code)] // each includer uses a part

/// SplitMix64: a small, fast, deterministic generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// One generated article.
pub struct Article {
    pub id: String,
    /// The known story.
    pub group: usize,
    pub series: String,
    pub text: String,
}

/// Words and their Zipf weights, sampled by binary search on the cumulative sum.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Self {
        const SYLLABLES: &[&str] = &[
            "ka", "lo", "ri", "men", "ta", "vo", "sen", "dur", "pa", "el", "mi", "no", "ter", "ba",
            "gu", "se", "lin", "ro", "fa", "ne", "tor", "ch", "ve", "sa", "mor", "di", "an", "ko",
        ];
        let mut words = Vec::with_capacity(size);
        let mut seen = std::collections::HashSet::new();
        while words.len() < size {
            let n = 1 + rng.below(3) + usize::from(words.len() > 200);
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if w.len() > 1 && seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=size)
            .map(|r| {
                total += 1.0 / (r as f64).powf(1.05);
                total
            })
            .collect();
        Self { words, cumulative }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }

    fn sentence(&self, rng: &mut Rng) -> Vec<String> {
        let n = 8 + rng.below(18);
        (0..n).map(|_| self.word(rng).to_string()).collect()
    }
}

fn render(sentences: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 {
            // A paragraph every few sentences.
            out.push_str(if i % 3 == 0 { "\n\n" } else { " " });
        }
        let mut first = true;
        for w in s {
            if !first {
                out.push(' ');
            }
            if first {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push_str(w);
            }
            first = false;
        }
        out.push('.');
    }
    out
}

/// Changes each word with probability `p` (a synonym: another word).
fn edit_words(v: &Vocabulary, rng: &mut Rng, s: &mut [Vec<String>], p: f64) {
    for sentence in s.iter_mut() {
        for w in sentence.iter_mut() {
            if rng.chance(p) {
                *w = v.word(rng).to_string();
            }
        }
    }
}

/// OCR-like errors: a character of a word replaced with probability `p` per word.
fn ocr_noise(rng: &mut Rng, s: &mut [Vec<String>], p: f64) {
    for sentence in s.iter_mut() {
        for w in sentence.iter_mut() {
            if rng.chance(p) && !w.is_empty() {
                let mut chars: Vec<char> = w.chars().collect();
                let i = rng.below(chars.len());
                chars[i] = ['1', 'r', 'n', 'c', 'e', 'i'][rng.below(6)];
                *w = chars.into_iter().collect();
            }
        }
    }
}

/// `n` articles in stories; see the module comment.
pub fn generate(n: usize, seed: u64) -> Vec<Article> {
    let mut rng = Rng::new(seed);
    let vocab = Vocabulary::new(&mut rng, 40_000);
    let sites = 60;
    let footers: Vec<Vec<Vec<String>>> = (0..sites)
        .map(|_| vec![vocab.sentence(&mut rng), vocab.sentence(&mut rng)])
        .collect();
    let mut bases: Vec<Vec<Vec<String>>> = Vec::new();
    let mut out: Vec<Article> = Vec::with_capacity(n);
    while out.len() < n {
        let group = bases.len();
        let sentences = 8 + rng.below(22);
        let base: Vec<Vec<String>> = (0..sentences).map(|_| vocab.sentence(&mut rng)).collect();
        // Half singletons; the rest 2-12 articles, a few up to 60.
        let size = if rng.chance(0.5) {
            1
        } else if rng.chance(0.95) {
            2 + rng.below(11)
        } else {
            13 + rng.below(48)
        };
        for k in 0..size {
            if out.len() >= n {
                break;
            }
            let mut s = base.clone();
            let kind = if k == 0 { 0 } else { rng.below(10) };
            match kind {
                // Copies with light edits.
                0..=4 => edit_words(&vocab, &mut rng, &mut s, 0.02),
                // Rewrites.
                5..=7 => {
                    s.retain(|_| !rng.chance(0.2));
                    if s.len() > 3 {
                        let i = rng.below(s.len() - 1);
                        s.swap(i, i + 1);
                    }
                    for _ in 0..(s.len() / 4) {
                        let at = rng.below(s.len() + 1);
                        s.insert(at, vocab.sentence(&mut rng));
                    }
                    edit_words(&vocab, &mut rng, &mut s, 0.16);
                }
                // Partial reprints.
                _ => {
                    let keep = (s.len() * (30 + rng.below(31)) / 100).max(3).min(s.len());
                    let start = rng.below(s.len() - keep + 1);
                    s = s[start..start + keep].to_vec();
                    edit_words(&vocab, &mut rng, &mut s, 0.03);
                }
            }
            if rng.chance(0.3) {
                ocr_noise(&mut rng, &mut s, 0.05);
            }
            // A digest: excerpts of two earlier stories appended.
            if bases.len() > 2 && rng.chance(0.01) {
                for _ in 0..2 {
                    let other = &bases[rng.below(bases.len())];
                    let take = 2.min(other.len());
                    let start = rng.below(other.len() - take + 1);
                    s.extend(other[start..start + take].iter().cloned());
                }
            }
            let site = rng.below(sites);
            // A third of the sites end every article with their footer.
            if site.is_multiple_of(3) {
                s.extend(footers[site].iter().cloned());
            }
            out.push(Article {
                id: format!("a{:07}", out.len()),
                group,
                series: format!("site{site:02}"),
                text: render(&s),
            });
        }
        bases.push(base);
    }
    // Stories' articles spread through the collection, as in a crawl.
    for i in (1..out.len()).rev() {
        let j = rng.below(i + 1);
        out.swap(i, j);
    }
    out
}
