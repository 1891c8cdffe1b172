//! Word-level changes between two texts, marked as a person would mark them.
//!
//! The texts are tokenised ([`tokens`]) into words and punctuation; the token
//! *keys* (typography and case folded) are diffed ([`inline`], the only user of
//! `similar`); each differing stretch becomes one [`Change`] trimmed to whole
//! tokens, and tokens that match but are written differently ("Seven"/"seven")
//! become case/punctuation changes of their own. Pure typographic variants (curly
//! vs straight quotes, en dash vs hyphen, spacing) are not changes. Every change
//! gets a [`ChangeKind`] and a reason from [`kind`] (word lists in [`lexicon`]).
//!
//! [`segments`] returns the whole pair as alternating equal stretches and changes
//! whose spans rebuild both texts exactly; [`changes`] only the changes.

pub mod claims;
pub mod inline;
pub mod kind;
pub mod lexicon;
pub mod names;
pub mod reason;
pub mod refine;
pub mod sentences;
pub mod tokens;

use std::ops::Range;
use std::time::Duration;

use serde::Serialize;

use crate::text;
use inline::Tag;
pub use reason::{Reason, Why};
use tokens::Token;

/// What kind of difference a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Different words for the same thing.
    Wording,
    /// The same word spelled differently (UK/US, hyphenation, joined words, typos).
    Spelling,
    /// The same name spelled differently (al-Kadhimi / al-Khadimi, Qais / Kais).
    NameSpelling,
    /// A person, place or organisation named differently (America / the U.S.).
    Name,
    /// A number or quantity differs, or what qualifies it (at least two / two).
    Number,
    /// The same number written differently (seven / 7, 73 of 329 / 73 out of 329).
    NumberForm,
    /// A day or date differs.
    Date,
    /// Wording inside a quotation differs, or a quotation lost its marks.
    Quote,
    /// The source of a statement changed.
    Attribution,
    /// The versions state opposite facts (a negation or an antonym).
    Claim,
    /// Only case, punctuation or spacing differ (or an honorific).
    CasePunctuation,
    /// Text only the new version has (a clause or sentence).
    Added,
    /// Text only the old version has (a clause or sentence).
    Removed,
}

impl ChangeKind {
    /// Every kind, in display order (what matters most first).
    pub const ALL: [Self; 13] = [
        Self::Claim,
        Self::Number,
        Self::Date,
        Self::NameSpelling,
        Self::Name,
        Self::Attribution,
        Self::Quote,
        Self::Wording,
        Self::Spelling,
        Self::NumberForm,
        Self::CasePunctuation,
        Self::Added,
        Self::Removed,
    ];

    /// The lowercase name used in JSON and on screen.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Wording => "wording",
            Self::Spelling => "spelling",
            Self::NameSpelling => "name_spelling",
            Self::Name => "name",
            Self::Number => "number",
            Self::NumberForm => "number_form",
            Self::Date => "date",
            Self::Quote => "quote",
            Self::Attribution => "attribution",
            Self::Claim => "claim",
            Self::CasePunctuation => "case_punctuation",
            Self::Added => "added",
            Self::Removed => "removed",
        }
    }

    /// Whether a reader usually wants to see it: changes of fact, names and
    /// quotations, not writing style.
    #[must_use]
    pub fn matters(self) -> bool {
        matches!(
            self,
            Self::Claim
                | Self::Number
                | Self::Date
                | Self::NameSpelling
                | Self::Name
                | Self::Attribution
                | Self::Quote
        )
    }
}

/// One change: text `old` (bytes `old_span` of the old text) reads `new` (bytes
/// `new_span` of the new text). An empty side is an insertion point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What kind of difference.
    pub kind: ChangeKind,
    /// Why it is that kind: rendered to words a reader can check only when shown.
    pub reason: Reason,
    /// The old text of the change, trimmed to whole tokens.
    pub old: String,
    /// The new text of the change, trimmed to whole tokens.
    pub new: String,
    /// Where `old` is in the old text.
    pub old_span: Range<usize>,
    /// Where `new` is in the new text.
    pub new_span: Range<usize>,
}

/// A stretch of the aligned pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Matching text (it may differ in white space or typography only).
    Equal {
        /// Span in the old text.
        old_span: Range<usize>,
        /// Span in the new text.
        new_span: Range<usize>,
    },
    /// A change.
    Change(Change),
}

/// Limits of the word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffOptions {
    /// Time after which the diff algorithm settles for a coarser result.
    pub deadline: Duration,
    /// Tokens per side beyond which the differing middle (after the common prefix
    /// and suffix) is one coarse change instead of a word diff.
    pub max_tokens: usize,
}

impl Default for DiffOptions {
    fn default() -> Self {
        Self {
            deadline: Duration::from_millis(200),
            max_tokens: 2_000_000,
        }
    }
}

/// A text made ready for diffing against several others: tokenised once, with
/// its quotations found.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    quotes: Vec<Range<usize>>,
    noisy: bool,
}

impl<'a> Prepared<'a> {
    /// The text.
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Its tokens.
    #[must_use]
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Tokenises `text` and finds its quotations; the text is judged noisy
    /// (OCR) by itself, see [`kind::noisy`].
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let tokens = tokens::tokenize(text);
        let noisy = kind::noisy(text, &tokens);
        Self {
            text,
            tokens,
            quotes: kind::quotations(text),
            noisy,
        }
    }

    /// [`Prepared::new`] for a part of a longer text (a row's cell) whose
    /// noisiness was judged on the whole (a paragraph is too short to tell).
    #[must_use]
    pub fn with_noise(text: &'a str, noisy: bool) -> Self {
        Self {
            text,
            tokens: tokens::tokenize(text),
            quotes: kind::quotations(text),
            noisy,
        }
    }
}

/// The diff of one pair: its segments and the share of tokens in common.
#[derive(Debug, Clone, PartialEq)]
pub struct PairDiff {
    /// The whole pair as segments (see [`segments`]).
    pub segments: Vec<Segment>,
    /// Share of tokens the two have in common, 0..=1 (1 for two empty texts).
    pub similarity: f64,
}

/// The whole pair as segments, in order: the old spans concatenated rebuild `old`
/// exactly, the new spans rebuild `new`, with no gaps or overlaps.
#[must_use]
pub fn segments(old: &str, new: &str, opts: &DiffOptions) -> Vec<Segment> {
    diff_prepared(&Prepared::new(old), &Prepared::new(new), opts).segments
}

/// Diffs two prepared texts: segments and similarity in one pass.
#[must_use]
pub fn diff_prepared(a: &Prepared<'_>, b: &Prepared<'_>, opts: &DiffOptions) -> PairDiff {
    let (old, new) = (a.text, b.text);
    let (ta, tb) = (&a.tokens, &b.tokens);
    let ops = token_ops((old, ta), (new, tb), opts);
    let equal_tokens: usize = ops
        .iter()
        .filter(|(t, _, _)| *t == Tag::Equal)
        .map(|(_, o, _)| o.len())
        .sum();
    #[allow(clippy::cast_precision_loss)] // token counts are far below 2^52
    let similarity = if ta.is_empty() && tb.is_empty() {
        1.0
    } else {
        2.0 * equal_tokens as f64 / (ta.len() + tb.len()) as f64
    };
    let (qa, qb) = (&a.quotes, &b.quotes);
    let mut changes: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for (tag, o, n) in ops {
        if tag == Tag::Equal {
            // Same key, different writing: case (not mere typography) changed.
            let mut run: Option<(Range<usize>, Range<usize>)> = None;
            for (i, j) in o.clone().zip(n.clone()) {
                let (sa, sb) = (&old[ta[i].span.clone()], &new[tb[j].span.clone()]);
                if sa == sb || text::fold(sa) == text::fold(sb) {
                    if let Some(r) = run.take() {
                        changes.push(r);
                    }
                } else {
                    run = Some(match run {
                        Some((ro, rn)) => (ro.start..ta[i].span.end, rn.start..tb[j].span.end),
                        None => (ta[i].span.clone(), tb[j].span.clone()),
                    });
                }
            }
            if let Some(r) = run {
                changes.push(r);
            }
            continue;
        }
        let pieces = refine::split(ta, tb, o, n);
        let pieces = refine::peel_edges(ta, tb, refine::detach_punctuation(ta, tb, pieces));
        let pieces = peel_subject((old, ta), (new, tb), pieces);
        let pieces = refine::unpair_across_sentences((old, ta), (new, tb), pieces);
        for (po, pn) in pieces {
            // A piece of the same words (paired by `refine::split` inside a
            // longer replacement) changed nothing but, maybe, their case.
            if po.len() == pn.len()
                && ta[po.clone()]
                    .iter()
                    .zip(&tb[pn.clone()])
                    .all(|(x, y)| x.key == y.key)
            {
                let (os, ns) = (span_of(ta, &po, old.len()), span_of(tb, &pn, new.len()));
                if old[os.clone()] != new[ns.clone()]
                    && text::fold(&old[os.clone()]) != text::fold(&new[ns.clone()])
                {
                    changes.push((os, ns));
                }
                continue;
            }
            let (mut old_span, mut new_span) =
                (span_of(ta, &po, old.len()), span_of(tb, &pn, new.len()));
            if po.len() == 1
                && pn.len() == 1
                && let Some((ao, an)) =
                    refine::affix(&old[old_span.clone()], &new[new_span.clone()])
            {
                (old_span, new_span) = (
                    old_span.start + ao.start..old_span.start + ao.end,
                    new_span.start + an.start..new_span.start + an.end,
                );
            }
            changes.push((old_span, new_span));
        }
    }
    let mut out = Vec::new();
    let (mut ca, mut cb) = (0, 0);
    for (os, ns) in changes {
        if os.start > ca || ns.start > cb {
            out.push(Segment::Equal {
                old_span: ca..os.start,
                new_span: cb..ns.start,
            });
        }
        let (o, n) = (&old[os.clone()], &new[ns.clone()]);
        let verdict = kind::classify(
            kind::Side {
                text: old,
                span: &os,
                quotes: qa,
                noisy: a.noisy,
            },
            kind::Side {
                text: new,
                span: &ns,
                quotes: qb,
                noisy: b.noisy,
            },
        );
        (ca, cb) = (os.end, ns.end);
        out.push(Segment::Change(Change {
            kind: verdict.kind,
            reason: verdict.reason,
            old: o.to_string(),
            new: n.to_string(),
            old_span: os,
            new_span: ns,
        }));
    }
    if ca < old.len() || cb < new.len() {
        out.push(Segment::Equal {
            old_span: ca..old.len(),
            new_span: cb..new.len(),
        });
    }
    PairDiff {
        segments: out,
        similarity,
    }
}

/// Personal pronouns that stand for a name already given.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

/// Splits a piece that starts with a name on one side and a pronoun on the
/// other ("Mr al-Khadimi met with" / "he received") into the subject pair and
/// the rest, so the verb is compared with the verb and not with the name.
fn peel_subject(
    (old, ta): (&str, &[Token]),
    (new, tb): (&str, &[Token]),
    pieces: Vec<(Range<usize>, Range<usize>)>,
) -> Vec<(Range<usize>, Range<usize>)> {
    // How many leading tokens of `r` are a name (capitalised words, an
    // honorific among them), when at least one word follows.
    let name_len = |text: &str, t: &[Token], r: &Range<usize>| -> usize {
        let mut k = 0;
        while r.start + k < r.end {
            let tok = &t[r.start + k];
            let w = &text[tok.span.clone()];
            let capital = w.chars().next().is_some_and(char::is_uppercase)
                || w.split('-')
                    .skip(1)
                    .any(|p| p.chars().next().is_some_and(char::is_uppercase));
            if !(tok.is_word && capital) && w != "." {
                break;
            }
            k += 1;
        }
        let rest_words = t[r.start + k..r.end].iter().filter(|x| x.is_word).count();
        if rest_words > 0 { k } else { 0 }
    };
    let pronoun =
        |t: &[Token], r: &Range<usize>| r.len() > 1 && PRONOUNS.contains(&t[r.start].key.as_str());
    let mut out = Vec::with_capacity(pieces.len());
    for (po, pn) in pieces {
        let (ko, kn) = (name_len(old, ta, &po), name_len(new, tb, &pn));
        if ko > 0 && pronoun(tb, &pn) {
            out.push((po.start..po.start + ko, pn.start..pn.start + 1));
            out.push((po.start + ko..po.end, pn.start + 1..pn.end));
        } else if kn > 0 && pronoun(ta, &po) {
            out.push((po.start..po.start + 1, pn.start..pn.start + kn));
            out.push((po.start + 1..po.end, pn.start + kn..pn.end));
        } else {
            out.push((po, pn));
        }
    }
    out
}

/// Byte span of tokens `r`; an empty range is the insertion point right after
/// the preceding token (or the text's start).
fn span_of(toks: &[Token], r: &Range<usize>, _len: usize) -> Range<usize> {
    if r.start < r.end {
        toks[r.start].span.start..toks[r.end - 1].span.end
    } else if r.start > 0 {
        let p = toks[r.start - 1].span.end;
        p..p
    } else {
        0..0
    }
}

/// Token-level ops: the diff of the keys, or one coarse change of the middle
/// when either side has more than `opts.max_tokens` tokens.
fn token_ops(
    (old, ta): (&str, &[Token]),
    (new, tb): (&str, &[Token]),
    opts: &DiffOptions,
) -> Vec<inline::Op> {
    if ta.len() > opts.max_tokens || tb.len() > opts.max_tokens {
        let prefix = ta
            .iter()
            .zip(tb)
            .take_while(|(a, b)| a.key == b.key)
            .count();
        let suffix = ta[prefix..]
            .iter()
            .rev()
            .zip(tb[prefix..].iter().rev())
            .take_while(|(a, b)| a.key == b.key)
            .count();
        let (ea, eb) = (ta.len() - suffix, tb.len() - suffix);
        let mut ops = vec![(Tag::Equal, 0..prefix, 0..prefix)];
        if ea > prefix || eb > prefix {
            ops.push((Tag::Replace, prefix..ea, prefix..eb));
        }
        ops.push((Tag::Equal, ea..ta.len(), eb..tb.len()));
        return ops;
    }
    let ka: Vec<&str> = ta.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.key.as_str()).collect();
    // A long text earns a longer deadline (a millisecond per thousand words,
    // up to three seconds): a book-length paragraph with a few edits is then
    // still diffed word by word, not given up on as one change.
    let opts = &DiffOptions {
        deadline: opts.deadline.max(
            Duration::from_millis(u64::try_from((ta.len() + tb.len()) / 1000).unwrap_or(u64::MAX))
                .min(Duration::from_secs(3)),
        ),
        ..*opts
    };
    let (ia, ib) = inline::intern(&ka, &kb);
    let Some(blocks) = sentences::blocks(old, ta, new, tb) else {
        return inline::absorb_weak_equalities(inline::diff_keys(&ia, &ib, opts.deadline), &ka);
    };
    let mut ops = Vec::new();
    for block in blocks {
        match block {
            sentences::Block::Counterparts(o, n) => {
                let found = inline::diff_keys(&ia[o.clone()], &ib[n.clone()], opts.deadline);
                for (tag, so, sn) in inline::absorb_weak_equalities(found, &ka[o.clone()]) {
                    ops.push((
                        tag,
                        so.start + o.start..so.end + o.start,
                        sn.start + n.start..sn.end + n.start,
                    ));
                }
            }
            // No counterpart: removed and added whole, never paired word by word.
            sentences::Block::Unmatched(o, n) => {
                if !o.is_empty() {
                    ops.push((Tag::Delete, o.clone(), n.start..n.start));
                }
                if !n.is_empty() {
                    ops.push((Tag::Insert, o.end..o.end, n));
                }
            }
        }
    }
    ops
}

/// Just the changes of [`segments`], in order.
#[must_use]
pub fn changes(old: &str, new: &str, opts: &DiffOptions) -> Vec<Change> {
    segments(old, new, opts)
        .into_iter()
        .filter_map(|s| match s {
            Segment::Change(c) => Some(c),
            Segment::Equal { .. } => None,
        })
        .collect()
}

/// Share of tokens the two texts have in common, 0..=1 (1 for two empty texts).
#[must_use]
pub fn similarity(old: &str, new: &str) -> f64 {
    diff_prepared(
        &Prepared::new(old),
        &Prepared::new(new),
        &DiffOptions::default(),
    )
    .similarity
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(old: &str, new: &str) -> Vec<(String, String, ChangeKind)> {
        changes(old, new, &DiffOptions::default())
            .into_iter()
            .map(|c| (c.old, c.new, c.kind))
            .collect()
    }

    fn p(o: &str, n: &str, k: ChangeKind) -> (String, String, ChangeKind) {
        (o.into(), n.into(), k)
    }

    #[test]
    fn one_word_inside_a_quotation() {
        let a = "“Cowardly rocket and drone attacks don’t build homelands and don’t build a future,” he said.";
        let b = "“Cowardly missile and drone attacks don’t build homelands and don’t build a future,” he said.";
        assert_eq!(pairs(a, b), vec![p("rocket", "missile", ChangeKind::Quote)]);
    }

    #[test]
    fn rewrite_is_marked_word_by_word() {
        let a = "Cowardly rocket and drone attacks don’t build homelands";
        let b = "Cowardly missile and drone attacks do not build a homeland";
        let got = pairs(a, b);
        assert!(
            got.contains(&p("rocket", "missile", ChangeKind::Wording)),
            "{got:?}"
        );
        assert!(
            got.iter().any(|(o, n, _)| o == "don’t" && n == "do not"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .all(|(o, _, _)| o.split_whitespace().count() <= 2),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_against_a_pronoun_is_its_own_change() {
        let got = pairs(
            "Later, Mr Smith met with the president.",
            "Later, he received the president.",
        );
        assert_eq!(
            got,
            vec![
                p("Mr Smith", "he", ChangeKind::Wording),
                p("met with", "received", ChangeKind::Wording)
            ]
        );
    }

    #[test]
    fn name_spelling_is_one_word() {
        assert_eq!(
            pairs("Mr al-Kadhimi said", "Mr al-Khadimi said"),
            vec![p("al-Kadhimi", "al-Khadimi", ChangeKind::NameSpelling)]
        );
    }

    #[test]
    fn spacing_change_is_reported() {
        assert_eq!(
            pairs("attack on Mr al-Khadimi", "attack onMr al-Khadimi"),
            vec![p("on Mr", "onMr", ChangeKind::Spelling)]
        );
        let got = pairs("Iran-backed militias", "Iran – backed militias");
        assert_eq!(
            got,
            vec![p("Iran-backed", "Iran – backed", ChangeKind::Spelling)]
        );
    }

    #[test]
    fn case_only_is_its_own_change() {
        assert_eq!(
            pairs("Seven of his guards", "seven of his guards"),
            vec![p("Seven", "seven", ChangeKind::CasePunctuation)]
        );
    }

    #[test]
    fn typography_alone_is_no_change() {
        assert!(pairs("He said “don’t” – now", "He said \"don't\" - now").is_empty());
        assert!(pairs("a  b", "a b").is_empty());
        assert!(pairs("same text.", "same text.").is_empty());
        assert!(pairs("", "").is_empty());
    }

    #[test]
    fn punctuation_change() {
        assert_eq!(
            pairs("killed, Dozens were hurt", "killed. Dozens were hurt"),
            vec![p(",", ".", ChangeKind::CasePunctuation)]
        );
    }

    #[test]
    fn additions_and_removals() {
        assert_eq!(
            pairs("followed by gunfire", "followed by heavy gunfire"),
            vec![p("", "heavy", ChangeKind::Wording)]
        );
        assert_eq!(
            pairs("followed by heavy gunfire", "followed by gunfire"),
            vec![p("heavy", "", ChangeKind::Wording)]
        );
    }

    #[test]
    fn numbers_and_dates() {
        assert_eq!(
            pairs("Seven guards", "Eight guards"),
            vec![p("Seven", "Eight", ChangeKind::Number)]
        );
        assert_eq!(
            pairs("clashes on Friday", "clashes on November 5"),
            vec![p("Friday", "November 5", ChangeKind::Date)]
        );
    }

    #[test]
    fn segments_rebuild_both_texts() {
        let a = " Lead, “quoted” text — with   spaces.\nAnd more ";
        let b = "Lead: “quotes” text - with spaces.\n\nAnd some more";
        let segs = segments(a, b, &DiffOptions::default());
        let (mut ra, mut rb) = (String::new(), String::new());
        for s in &segs {
            let (o, n) = match s {
                Segment::Equal { old_span, new_span } => (old_span.clone(), new_span.clone()),
                Segment::Change(c) => (c.old_span.clone(), c.new_span.clone()),
            };
            ra.push_str(&a[o]);
            rb.push_str(&b[n]);
        }
        assert_eq!(ra, a);
        assert_eq!(rb, b);
    }

    #[test]
    fn coarse_fallback_beyond_the_token_cap() {
        let opts = DiffOptions {
            max_tokens: 3,
            ..DiffOptions::default()
        };
        let got = changes("a b c d e", "a b x d e", &opts);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].old, "c");
    }

    #[test]
    fn a_long_paragraph_with_a_few_edits_is_diffed_word_by_word() {
        // 60,000 words, every ten-thousandth one changed: six one-word
        // changes, not one change of the whole middle.
        let old: Vec<String> = (0..60_000).map(|i| format!("w{}", i % 997)).collect();
        let mut new = old.clone();
        for i in (5..new.len()).step_by(10_000) {
            new[i] = "edited".into();
        }
        let got = changes(&old.join(" "), &new.join(" "), &DiffOptions::default());
        assert_eq!(
            got.len(),
            6,
            "{:?}",
            got.iter().map(|c| c.old.len()).collect::<Vec<_>>()
        );
        assert!(got.iter().all(|c| c.new == "edited"));
    }

    #[test]
    fn similarity_bounds() {
        assert!((similarity("a b c", "a b c") - 1.0).abs() < 1e-9);
        assert!(similarity("a b c", "x y z") < 1e-9);
        assert!((similarity("", "") - 1.0).abs() < 1e-9);
    }
}
