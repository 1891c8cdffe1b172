//! Counterparts before words: which sentences of one text correspond to which
//! of the other, found before any word is diffed.
//!
//! A word diff run over two whole paragraphs pairs whatever words happen to sit
//! between its anchors, so a sentence one version moved or rewrote is compared
//! with an unrelated clause of the other ("two Iraqi" against "make"), and the
//! kind given to that pair is a claim about text that was never changed into
//! the other. Here both texts are cut into sentences, and the sentences are
//! matched in order by the content words they share (one to one, or one to two
//! when a version split or joined a sentence), by a small dynamic programme.
//! Matched sentences are then word-diffed with each other; a sentence left
//! without a counterpart is added or removed whole.

use std::ops::Range;

use super::tokens::Token;

/// Two sentence groups with a Dice share of content words below this are not
/// counterparts.
pub const MIN_SHARE: f32 = 0.2;

/// Sentence pairs beyond this count (`old × new`) are not matched: the caller
/// diffs the whole texts instead (a cost bound for book-sized cells).
const MAX_PAIRS: usize = 40_000;

/// Words that say nothing about what a sentence is about.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "is", "was", "were", "are", "be", "been", "has", "had", "have", "it", "its",
    "he", "she", "they", "his", "her", "their", "that", "this", "which", "who", "said", "says",
    "not", "no", "after", "also", "into", "over", "than", "there", "would", "will",
];

/// Words a full stop may follow without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "rep", "sen", "gov", "jr",
    "sr", "prof", "rev", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
];

/// One stretch of the two texts, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Sentences that correspond: diff their words.
    Counterparts(Range<usize>, Range<usize>),
    /// Sentences without a counterpart on the other side (either may be empty).
    Unmatched(Range<usize>, Range<usize>),
}

/// The token ranges of `text`'s sentences, covering every token in order. A
/// sentence ends after `.`, `!`, `?` or `…` (and any closing quotation marks
/// or brackets right after it) when the next word does not continue it, and at
/// a blank line.
#[must_use]
pub fn split(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let key = &text[tokens[i].span.clone()];
        let mut end = i + 1;
        let mut boundary = false;
        if matches!(key, "." | "!" | "?" | "…") && !after_abbreviation(text, tokens, i) {
            while end < tokens.len()
                && matches!(
                    &text[tokens[end].span.clone()],
                    "”" | "’" | "\"" | "'" | ")" | "]" | "»"
                )
            {
                end += 1;
            }
            boundary = tokens
                .get(end)
                .is_none_or(|next| !starts_lowercase(&text[next.span.clone()]));
        }
        if !boundary && let Some(next) = tokens.get(end) {
            boundary = text[tokens[end - 1].span.end..next.span.start].contains("\n\n");
        }
        if boundary || end == tokens.len() {
            out.push(start..end);
            start = end;
        }
        i = end;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

fn starts_lowercase(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// Whether the full stop at token `i` follows an abbreviation ("Mr.") or an
/// initial ("J."), which does not end a sentence.
fn after_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    if &text[tokens[i].span.clone()] != "." || i == 0 {
        return false;
    }
    let prev = &tokens[i - 1];
    if !prev.is_word || prev.span.end != tokens[i].span.start {
        return false;
    }
    let word = &text[prev.span.clone()];
    let single_capital = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_capital || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// The content words of a sentence: keys of its words that are not
/// stopwords, sorted and without repeats (so two sets meet by one merge).
fn content<'t>(tokens: &'t [Token], r: &Range<usize>) -> Vec<&'t str> {
    let mut words: Vec<&str> = tokens[r.clone()]
        .iter()
        .filter(|t| t.is_word && !STOPWORDS.contains(&t.key.as_str()))
        .map(|t| t.key.as_str())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The union of two sorted word sets, sorted.
fn union<'t>(a: &[&'t str], b: &[&'t str]) -> Vec<&'t str> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.sort_unstable();
    out.dedup();
    out
}

/// Dice share of two sorted content-word sets.
fn share(a: &[&str], b: &[&str]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    #[allow(clippy::cast_precision_loss)] // word counts are small
    let s = 2.0 * common as f32 / (a.len() + b.len()) as f32;
    s
}

/// A step of the matching: how many sentences of each side it takes.
const STEPS: [(usize, usize); 3] = [(1, 1), (1, 2), (2, 1)];

/// Matches the sentences of two tokenised texts in order and returns the
/// blocks covering both token sequences. `None` when there are too many
/// sentence pairs to match (the caller diffs the whole texts).
#[must_use]
pub fn blocks(old_text: &str, old: &[Token], new_text: &str, new: &[Token]) -> Option<Vec<Block>> {
    let (so, sn) = (split(old_text, old), split(new_text, new));
    let (m, k) = (so.len(), sn.len());
    if m.saturating_mul(k) > MAX_PAIRS {
        return None;
    }
    if m <= 1 && k <= 1 {
        // One sentence each: the row's alignment already paired them, and a
        // short sentence has too few words to judge by (the kinds need their
        // own evidence on both sides anyway).
        return Some(vec![Block::Counterparts(0..old.len(), 0..new.len())]);
    }
    let co: Vec<Vec<&str>> = so.iter().map(|r| content(old, r)).collect();
    let cn: Vec<Vec<&str>> = sn.iter().map(|r| content(new, r)).collect();
    // Each two neighbouring sentences joined, once (the 1:2 and 2:1 steps).
    let co2: Vec<Vec<&str>> = co.windows(2).map(|w| union(&w[0], &w[1])).collect();
    let cn2: Vec<Vec<&str>> = cn.windows(2).map(|w| union(&w[0], &w[1])).collect();
    // score of matching old[i-a..i] with new[j-b..j]
    let step_score = |i: usize, j: usize, a: usize, b: usize| -> f32 {
        let same = |x: &Range<usize>, y: &Range<usize>| {
            x.len() == y.len()
                && old[x.clone()]
                    .iter()
                    .zip(&new[y.clone()])
                    .all(|(p, q)| p.key == q.key)
        };
        let s = if a == 1 && b == 1 && same(&so[i - 1], &sn[j - 1]) {
            // Word for word the same (even with no content word, like "."):
            // always counterparts, so identical texts never differ.
            1.0
        } else {
            let o = if a == 1 { &co[i - 1] } else { &co2[i - 2] };
            let n = if b == 1 { &cn[j - 1] } else { &cn2[j - 2] };
            share(o, n)
        };
        if s >= MIN_SHARE { s } else { f32::MIN }
    };
    // best[i][j]: best total share aligning old[..i] with new[..j]; how: the step taken.
    let mut best = vec![vec![0.0f32; k + 1]; m + 1];
    let mut how = vec![vec![(0usize, 0usize); k + 1]; m + 1];
    for i in 0..=m {
        for j in 0..=k {
            if i == 0 && j == 0 {
                continue;
            }
            let mut top = f32::MIN;
            let mut step = (0, 0);
            if i > 0 && best[i - 1][j] > top {
                top = best[i - 1][j];
                step = (1, 0);
            }
            if j > 0 && best[i][j - 1] > top {
                top = best[i][j - 1];
                step = (0, 1);
            }
            for (a, b) in STEPS {
                if i >= a && j >= b {
                    let s = step_score(i, j, a, b);
                    if s > f32::MIN {
                        // A split or join must beat the one-to-one match it extends.
                        let bonus = if a == 1 && b == 1 { 1e-4 } else { 0.0 };
                        let v = best[i - a][j - b] + s + bonus;
                        if v > top {
                            top = v;
                            step = (a, b);
                        }
                    }
                }
            }
            best[i][j] = top;
            how[i][j] = step;
        }
    }
    // Walk back: matched steps become counterparts, the rest gathers into gaps.
    let mut steps = Vec::new();
    let (mut i, mut j) = (m, k);
    while i > 0 || j > 0 {
        let (a, b) = how[i][j];
        steps.push((i - a..i, j - b..j, a > 0 && b > 0));
        i -= a;
        j -= b;
    }
    steps.reverse();
    let tok = |sents: &[Range<usize>], r: &Range<usize>, len: usize| -> Range<usize> {
        if r.start < r.end {
            sents[r.start].start..sents[r.end - 1].end
        } else {
            let at = sents.get(r.start).map_or(len, |s| s.start);
            at..at
        }
    };
    let mut out: Vec<Block> = Vec::new();
    for (ro, rn, matched) in steps {
        let (o, n) = (tok(&so, &ro, old.len()), tok(&sn, &rn, new.len()));
        if matched {
            out.push(Block::Counterparts(o, n));
        } else if let Some(Block::Unmatched(po, pn)) = out.last_mut() {
            // Gather consecutive unmatched sentences into one gap.
            if o.start < o.end {
                *po = if po.start < po.end {
                    po.start..o.end
                } else {
                    o
                };
            }
            if n.start < n.end {
                *pn = if pn.start < pn.end {
                    pn.start..n.end
                } else {
                    n
                };
            }
        } else {
            out.push(Block::Unmatched(o, n));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tokens::tokenize;

    fn sentences(s: &str) -> Vec<String> {
        let t = tokenize(s);
        split(s, &t)
            .into_iter()
            .map(|r| s[t[r.start].span.start..t[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn splits_at_sentence_ends_not_at_abbreviations() {
        assert_eq!(
            sentences("Mr. Smith left on Oct. 10. “We won,” he said. Then? No."),
            vec![
                "Mr. Smith left on Oct. 10.",
                "“We won,” he said.",
                "Then?",
                "No."
            ]
        );
        assert_eq!(
            sentences("He said “Go.” She went.\n\nA new paragraph"),
            vec!["He said “Go.”", "She went.", "A new paragraph"]
        );
        assert_eq!(sentences("T. J. Ford is back"), vec!["T. J. Ford is back"]);
        assert!(sentences("").is_empty());
    }

    fn show(old: &str, new: &str) -> Vec<(bool, String, String)> {
        let (a, b) = (tokenize(old), tokenize(new));
        let text = |t: &[Token], s: &str, r: &Range<usize>| {
            if r.start < r.end {
                s[t[r.start].span.start..t[r.end - 1].span.end].to_string()
            } else {
                String::new()
            }
        };
        blocks(old, &a, new, &b)
            .expect("small")
            .into_iter()
            .map(|blk| match blk {
                Block::Counterparts(o, n) => (true, text(&a, old, &o), text(&b, new, &n)),
                Block::Unmatched(o, n) => (false, text(&a, old, &o), text(&b, new, &n)),
            })
            .collect()
    }

    #[test]
    fn rewritten_sentences_are_counterparts_new_ones_are_not() {
        let got = show(
            "The attack hit the residence. Seven guards were hurt.",
            "Nobody claimed the drone strike. The attack struck his residence. Eight guards were hurt.",
        );
        assert_eq!(
            got,
            vec![
                (
                    false,
                    String::new(),
                    "Nobody claimed the drone strike.".into()
                ),
                (
                    true,
                    "The attack hit the residence.".into(),
                    "The attack struck his residence.".into()
                ),
                (
                    true,
                    "Seven guards were hurt.".into(),
                    "Eight guards were hurt.".into()
                ),
            ]
        );
    }

    #[test]
    fn a_split_sentence_matches_both_halves() {
        let got = show(
            "The drone hit the house and seven guards were hurt in the blast.",
            "The drone hit the house. Seven guards were hurt in the blast.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0, "{got:?}");
    }

    #[test]
    fn unrelated_sentences_are_not_paired() {
        let got = show(
            "Get the championship package free! Subscribe today.",
            "Already a member? Sign in",
        );
        assert!(got.iter().all(|b| !b.0), "{got:?}");
    }

    #[test]
    fn blocks_cover_both_texts_in_order() {
        let (old, new) = (
            "A b c. D e f. G h i. J k l.",
            "X y z. D e f. Q r. G h i. J k m.",
        );
        let (a, b) = (tokenize(old), tokenize(new));
        let bl = blocks(old, &a, new, &b).expect("small");
        let (mut ca, mut cb) = (0, 0);
        for blk in &bl {
            let (Block::Counterparts(o, n) | Block::Unmatched(o, n)) = blk;
            assert_eq!((o.start, n.start), (ca, cb), "{bl:?}");
            (ca, cb) = (o.end, n.end);
        }
        assert_eq!((ca, cb), (a.len(), b.len()));
    }
}
