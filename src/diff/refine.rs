//! Refining a replaced stretch into the pieces a reader would mark.
//!
//! A diff of word keys only knows "equal" or "different", so "Mr. al-Kadhimis’s
//! house" against "al-Kadhimi’s home" comes out as one three-for-two replace. Here
//! the words of a replaced stretch are paired by how alike they are (a few letters
//! apart, or the same number), in order, by a small dynamic programme; each pair
//! becomes its own change, and the unpaired words between pairs form the changes
//! around them. A word that only gained or lost an affix ("Iran"/"Iranian") is
//! narrowed to the affix. The programme is quadratic in the stretch, so stretches
//! above [`MAX_CELLS`] word pairs are left whole.

use std::ops::Range;

use super::kind::edit_distance;
use super::tokens::Token;

/// Largest `old words × new words` product refined.
pub const MAX_CELLS: usize = 40_000;

/// Two words at least this alike (1 − edit distance / longer length) can pair.
const MIN_ALIKE: f32 = 0.55;

/// How alike two equal function words count (a content word pair scores
/// from [`MIN_ALIKE`] to 1).
const WEAK_ALIKE: f32 = 0.3;

/// The digits of a word, if any ("54-year-old" → "54"), in order.
fn digits(key: &str) -> impl Iterator<Item = u8> + '_ {
    key.bytes().filter(u8::is_ascii_digit)
}

/// How alike two tokens are, 0..=1; 0 when they may not pair.
fn alike(a: &Token, b: &Token) -> f32 {
    if !a.is_word || !b.is_word {
        return 0.0;
    }
    // A shared function word is the weakest reason to pair two places: any
    // content word alike enough outweighs it (see `inline::absorb_weak_equalities`).
    if a.key == b.key && super::inline::weak_key(&a.key) {
        return WEAK_ALIKE;
    }
    // Called for every pair of words in a replaced stretch: no allocation.
    if digits(&a.key).next().is_some() || digits(&b.key).next().is_some() {
        return if digits(&a.key).eq(digits(&b.key)) {
            0.9
        } else {
            0.0
        };
    }
    let (la, lb) = (a.key.chars().count(), b.key.chars().count());
    let longest = la.max(lb);
    if longest < 3 {
        return 0.0;
    }
    let limit = longest - (longest as f32 * MIN_ALIKE).ceil() as usize;
    let d = edit_distance(&a.key, &b.key, limit);
    if d > limit {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)] // word lengths are small
    let score = 1.0 - d as f32 / longest as f32;
    score
}

/// Splits the replaced stretch `old[o]` → `new[n]` (token ranges) into smaller
/// `(old tokens, new tokens)` pieces, in order; either side of a piece may be empty.
#[must_use]
pub fn split(
    old: &[Token],
    new: &[Token],
    o: Range<usize>,
    n: Range<usize>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let (m, k) = (o.len(), n.len());
    if m == 0 || k == 0 || m * k > MAX_CELLS || (m == 1 && k == 1) {
        return vec![(o, n)];
    }
    // alike[i][j] once; best[i][j]: best total alikeness pairing old[..i] with new[..j].
    let table: Vec<Vec<f32>> = old[o.clone()]
        .iter()
        .map(|a| new[n.clone()].iter().map(|b| alike(a, b)).collect())
        .collect();
    let mut best = vec![vec![0.0f32; k + 1]; m + 1];
    for i in 1..=m {
        for j in 1..=k {
            let pair = table[i - 1][j - 1];
            let take = if pair > 0.0 {
                best[i - 1][j - 1] + pair
            } else {
                f32::MIN
            };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(take);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (m, k);
    while i > 0 && j > 0 {
        let pair = table[i - 1][j - 1];
        if pair > 0.0 && (best[i][j] - (best[i - 1][j - 1] + pair)).abs() < 1e-6 {
            pairs.push((o.start + i - 1, n.start + j - 1));
            i -= 1;
            j -= 1;
        } else if (best[i][j] - best[i - 1][j]).abs() < 1e-6 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    if pairs.is_empty() {
        return vec![(o, n)];
    }
    let mut out = Vec::new();
    let (mut ci, mut cj) = (o.start, n.start);
    for (pi, pj) in pairs {
        if pi > ci || pj > cj {
            out.push((ci..pi, cj..pj));
        }
        out.push((pi..pi + 1, pj..pj + 1));
        (ci, cj) = (pi + 1, pj + 1);
    }
    if o.end > ci || n.end > cj {
        out.push((ci..o.end, cj..n.end));
    }
    out
}

/// Words of a piece at least this long on both sides have their edge words
/// paired with each other (see [`peel_edges`]).
const PEEL_MIN_WORDS: usize = 3;

/// A single word against at least this many has it paired with one edge.
const LONE_MIN_WORDS: usize = 4;

/// Pairs the words that sit right against shared context: in "… has ratcheted
/// up tensions" against "… significantly ramped up tensions", "ratcheted" and
/// "ramped" fill the same slot before "up", so they become a change of their
/// own instead of disappearing in one long replacement. Both sides need
/// [`PEEL_MIN_WORDS`] words, or one side a single word against
/// [`LONE_MIN_WORDS`] or more (then the word pairs with the edge that touches a
/// shared word, the right one first). Only one word is taken from each edge, so
/// a rewrite is never shredded into word salad.
#[must_use]
pub fn peel_edges(
    old: &[Token],
    new: &[Token],
    pieces: Vec<(Range<usize>, Range<usize>)>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let words = |t: &[Token], r: &Range<usize>| t[r.clone()].iter().filter(|x| x.is_word).count();
    // A shared word right before (after) the piece on both sides.
    let left = |o: &Range<usize>, n: &Range<usize>| {
        o.start > 0 && n.start > 0 && old[o.start - 1].is_word && new[n.start - 1].is_word
    };
    // After the piece, past at most one mark on each side (a mark split off by
    // [`detach_punctuation`]), a word on both sides.
    let word_after = |t: &[Token], at: usize| {
        t.get(at).is_some_and(|x| x.is_word)
            || (t.get(at).is_some_and(|x| !x.is_word) && t.get(at + 1).is_some_and(|x| x.is_word))
    };
    let right =
        |o: &Range<usize>, n: &Range<usize>| word_after(old, o.end) && word_after(new, n.end);
    let mut out = Vec::with_capacity(pieces.len());
    for (o, n) in pieces {
        let (wo, wn) = (words(old, &o), words(new, &n));
        let edge_words = |r: &Range<usize>, t: &[Token]| {
            !r.is_empty() && t[r.start].is_word && t[r.end - 1].is_word
        };
        if !edge_words(&o, old) || !edge_words(&n, new) {
            out.push((o, n));
            continue;
        }
        if wo >= PEEL_MIN_WORDS && wn >= PEEL_MIN_WORDS {
            let (mut peel_left, peel_right) = (left(&o, &n), right(&o, &n));
            // Both edges of three words leave one word against one in the
            // middle: "on Iraqi television" / "calm and composed" would read
            // as three word swaps. Take the right edge only then.
            if peel_left && peel_right && wo.max(wn) == PEEL_MIN_WORDS {
                peel_left = false;
            }
            let (mut mo, mut mn) = (o.clone(), n.clone());
            if peel_left {
                out.push((mo.start..mo.start + 1, mn.start..mn.start + 1));
                mo.start += 1;
                mn.start += 1;
            }
            let tail = peel_right.then(|| (mo.end - 1..mo.end, mn.end - 1..mn.end));
            if peel_right {
                mo.end -= 1;
                mn.end -= 1;
            }
            if !mo.is_empty() || !mn.is_empty() {
                out.push((mo, mn));
            }
            out.extend(tail);
            continue;
        }
        let lone = (wo == 1 && o.len() == 1 && wn >= LONE_MIN_WORDS)
            || (wn == 1 && n.len() == 1 && wo >= LONE_MIN_WORDS);
        if lone {
            if right(&o, &n) {
                let (so, sn) = if o.len() == 1 {
                    (o.clone(), n.end - 1..n.end)
                } else {
                    (o.end - 1..o.end, n.clone())
                };
                out.push((o.start..so.start, n.start..sn.start));
                out.push((so, sn));
                continue;
            }
            if left(&o, &n) {
                let (so, sn) = if o.len() == 1 {
                    (o.clone(), n.start..n.start + 1)
                } else {
                    (o.start..o.start + 1, n.clone())
                };
                out.push((so.clone(), sn.clone()));
                out.push((so.end..o.end, sn.end..n.end));
                continue;
            }
        }
        out.push((o, n));
    }
    out
}

/// Moves punctuation that only one side of a piece has at its start or end
/// into a piece of its own: "cut" → "unharmed," reads as a changed word and an
/// added comma, not as a change of "cut" into "unharmed,".
#[must_use]
pub fn detach_punctuation(
    old: &[Token],
    new: &[Token],
    pieces: Vec<(Range<usize>, Range<usize>)>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::with_capacity(pieces.len());
    for (mut o, mut n) in pieces {
        if o.is_empty() || n.is_empty() {
            out.push((o, n));
            continue;
        }
        // Leading: one side starts with marks the other lacks.
        let lead_o = old[o.clone()].iter().take_while(|t| !t.is_word).count();
        let lead_n = new[n.clone()].iter().take_while(|t| !t.is_word).count();
        if (lead_o == 0) != (lead_n == 0) && lead_o < o.len() && lead_n < n.len() {
            out.push((o.start..o.start + lead_o, n.start..n.start + lead_n));
            o.start += lead_o;
            n.start += lead_n;
        }
        let trail_o = old[o.clone()]
            .iter()
            .rev()
            .take_while(|t| !t.is_word)
            .count();
        let trail_n = new[n.clone()]
            .iter()
            .rev()
            .take_while(|t| !t.is_word)
            .count();
        // The dot of an abbreviation ("U.S.") stays with it.
        let abbreviation = |toks: &[Token], r: &Range<usize>, trail: usize| {
            trail > 0 && {
                let (word, mark) = (&toks[r.end - trail - 1], &toks[r.end - trail]);
                word.span.end == mark.span.start && word.key.contains('.')
            }
        };
        // Marks on one side only, or different marks after words on both sides
        // ("Johnson," / "El-Sissi;"): the words and the marks are two changes.
        if (trail_o > 0 || trail_n > 0)
            && trail_o < o.len()
            && trail_n < n.len()
            && !abbreviation(old, &o, trail_o)
            && !abbreviation(new, &n, trail_n)
        {
            let tail = (o.end - trail_o..o.end, n.end - trail_n..n.end);
            out.push((o.start..o.end - trail_o, n.start..n.end - trail_n));
            out.push(tail);
        } else {
            out.push((o, n));
        }
    }
    out
}

/// For one word against one word where one is the other plus a prefix or suffix
/// ("Iran"/"Iranian"), the byte spans of just the differing affix; else `None`.
#[must_use]
pub fn affix(old: &str, new: &str) -> Option<(Range<usize>, Range<usize>)> {
    // A figure is read whole: "5" → "500" is another amount, not "00" added
    // (while "54" → "54-year-old" keeps its figure and only gains words).
    if old.is_empty()
        || new.is_empty()
        || old.contains(char::is_whitespace)
        || new.contains(char::is_whitespace)
        || !digits(old).eq(digits(new))
    {
        return None;
    }
    if let Some(rest) = new.strip_prefix(old) {
        return (!rest.is_empty()).then_some((old.len()..old.len(), old.len()..new.len()));
    }
    if let Some(rest) = old.strip_prefix(new) {
        return (!rest.is_empty()).then_some((new.len()..old.len(), new.len()..new.len()));
    }
    if new.ends_with(old) {
        let cut = new.len() - old.len();
        return Some((0..0, 0..cut));
    }
    if old.ends_with(new) {
        let cut = old.len() - new.len();
        return Some((0..cut, 0..0));
    }
    None
}

/// Whether a sentence ends inside tokens `r` of `text` and another begins
/// there: a paragraph break between two of its tokens, or `.`/`!`/`?` after a
/// lowercase word of three letters or more ("drones." — not "Mr." or "Oct.")
/// followed by a capitalised word.
fn crosses_sentence(text: &str, t: &[Token], r: &Range<usize>) -> bool {
    (r.start + 1..r.end).any(|i| {
        let gap = &text[t[i - 1].span.end..t[i].span.start];
        if gap.contains("\n\n") {
            return true;
        }
        let starts_capital = t[i].is_word
            && text[t[i].span.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        starts_capital
            && i >= r.start + 2
            && matches!(t[i - 1].key.as_str(), "." | "!" | "?")
            && !gap.is_empty()
            && {
                let w = &text[t[i - 2].span.clone()];
                t[i - 2].is_word
                    && w.chars().count() >= 3
                    && w.chars().next().is_some_and(char::is_lowercase)
            }
    })
}

/// Unpairs a replaced piece whose one side runs from the end of one sentence
/// into the next while the other stays inside a sentence, sharing no word:
/// "armed drones. The attack significantly" against "his residence on Sunday
/// has" are not counterparts, so they become a removal and an addition at the
/// same place instead of one change that says one became the other.
#[must_use]
pub fn unpair_across_sentences(
    (old, ta): (&str, &[Token]),
    (new, tb): (&str, &[Token]),
    pieces: Vec<(Range<usize>, Range<usize>)>,
) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::with_capacity(pieces.len());
    for (po, pn) in pieces {
        let both = !po.is_empty() && !pn.is_empty();
        let (xo, xn) = (
            both && crosses_sentence(old, ta, &po),
            both && crosses_sentence(new, tb, &pn),
        );
        let shared = || {
            ta[po.clone()]
                .iter()
                .filter(|a| a.is_word)
                .any(|a| tb[pn.clone()].iter().any(|b| b.key == a.key))
        };
        if xo != xn && !shared() {
            out.push((po.clone(), pn.start..pn.start));
            out.push((po.end..po.end, pn));
        } else {
            out.push((po, pn));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn pieces(a: &str, b: &str) -> Vec<(String, String)> {
        let (ta, tb) = (tokenize(a), tokenize(b));
        split(&ta, &tb, 0..ta.len(), 0..tb.len())
            .into_iter()
            .map(|(o, n)| {
                let s = |t: &[Token], r: Range<usize>, text: &str| {
                    if r.is_empty() {
                        String::new()
                    } else {
                        text[t[r.start].span.start..t[r.end - 1].span.end].to_string()
                    }
                };
                (s(&ta, o, a), s(&tb, n, b))
            })
            .collect()
    }

    #[test]
    fn a_stretch_across_a_sentence_end_is_not_paired_with_a_clause() {
        let (a, b) = (
            "with armed drones.\n\nThe attack significantly",
            "at his residence on Sunday has",
        );
        let (ta, tb) = (tokenize(a), tokenize(b));
        let got = unpair_across_sentences((a, &ta), (b, &tb), vec![(1..ta.len(), 1..tb.len())]);
        assert_eq!(
            got,
            vec![(1..ta.len(), 1..1), (ta.len()..ta.len(), 1..tb.len())]
        );
        // Within one sentence on both sides, or sharing a word, they stay paired.
        let (a, b) = ("tried to enter", "marched towards");
        let (ta, tb) = (tokenize(a), tokenize(b));
        let whole = vec![(0..ta.len(), 0..tb.len())];
        assert_eq!(
            unpair_across_sentences((a, &ta), (b, &tb), whole.clone()),
            whole
        );
        let (a, b) = ("attack. The drones", "the attack drones");
        let (ta, tb) = (tokenize(a), tokenize(b));
        let whole = vec![(0..ta.len(), 0..tb.len())];
        assert_eq!(
            unpair_across_sentences((a, &ta), (b, &tb), whole.clone()),
            whole
        );
        // An abbreviation's point ends no sentence.
        let (a, b) = ("Mr. Smith", "the minister");
        let (ta, tb) = (tokenize(a), tokenize(b));
        let whole = vec![(0..ta.len(), 0..tb.len())];
        assert_eq!(
            unpair_across_sentences((a, &ta), (b, &tb), whole.clone()),
            whole
        );
    }

    #[test]
    fn alike_words_pair_up() {
        assert_eq!(
            pieces("Mr. al-Kadhimis’s house", "al-Kadhimi’s home"),
            vec![
                ("Mr.".into(), String::new()),
                ("al-Kadhimis’s".into(), "al-Kadhimi’s".into()),
                ("house".into(), "home".into())
            ]
        );
    }

    #[test]
    fn numbers_pair_by_digits() {
        let p = pieces("Mr al-Kadhimi, 54,", "The 54-year-old");
        assert!(p.contains(&("54".into(), "54-year-old".into())), "{p:?}");
    }

    #[test]
    fn unlike_words_stay_one_piece() {
        assert_eq!(
            pieces("rocket attack", "drone strike"),
            vec![("rocket attack".into(), "drone strike".into())]
        );
    }

    #[test]
    fn affixes() {
        assert_eq!(affix("Iran", "Iranian"), Some((4..4, 4..7)));
        assert_eq!(affix("elections", "election"), Some((8..9, 8..8)));
        assert_eq!(affix("resident", "nonresident"), Some((0..0, 0..3)));
        assert_eq!(affix("Kadhimi", "Khadimi"), None);
        assert_eq!(affix("5", "500"), None);
        assert_eq!(affix("$5", "$5.50"), None);
        assert_eq!(affix("54", "54-year-old"), Some((2..2, 2..11)));
    }
}
