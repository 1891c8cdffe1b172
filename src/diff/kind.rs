//! What kind a change is, and why: read from the changed words, the words
//! right around them, the sentence and quotation they stand in, and whether
//! the version reads as noisy print.
//!
//! A kind a reader acts on (claim, number, number form, date, name, name
//! spelling, attribution, quotation) is given only with its evidence on both
//! sides; otherwise the change gets the honest default (wording, spelling,
//! added, removed). Precedence, most specific first:
//! 1. same letters: case or punctuation, a word joined or marked differently,
//!    quotation marks that change what is quoted;
//! 2. one side empty (`one_sided`): words inside the same quotation, a
//!    qualifier before the same number, a number's writing, a negation of
//!    otherwise the same words, a time of day before a day, a date replaced
//!    in the counterpart sentence; else wording, or a clause added/removed;
//! 3. a garbled side (OCR) is a misreading;
//! 4. dates on both sides (`dates`), then quantities (`numbers`), then
//!    names (`naming`);
//! 5. a few letters apart (spelling); claim (negation, antonym); attribution;
//! 6. the same quotation on both sides (`quotes`); one thing against
//!    several; singular/plural (wording); else wording.
//!
//! Dates come before numbers because "November 5" holds a number but is a
//! date; numbers before spelling because "seven"/"eight" is a few letters
//! apart yet a different fact; quotation after the facts because a changed
//! number inside a quotation is first of all a changed number.

use std::ops::Range;

use super::ChangeKind;
use super::lexicon::{self, DATE_WORDS};
use super::reason::{Reason, Why};
use crate::text;

mod dates;
mod naming;
mod noise;
mod numbers;
mod quotes;

use dates::{date_replaced, dates};
use naming::{is_proper, names};
pub use naming::{name_key, same_name, same_name_keys};
use noise::malformed;
pub use noise::{garbled_words, noisy, noisy_counts};
use numbers::{article_count, numbers};
pub use quotes::quotations;
use quotes::{quotation, same_quotation};
/// Letters and digits only, lowercased: what is left when case, marks and spacing go.
fn skeleton(s: &str) -> String {
    text::fold(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Levenshtein distance over chars, stopping early above `limit`.
#[must_use]
pub fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    // Most words compared are ASCII: their bytes are their chars, and
    // collecting chars first was most of the cost of a short comparison.
    if a.is_ascii() && b.is_ascii() {
        return banded_distance(a.as_bytes(), b.as_bytes(), limit);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    banded_distance(&a, &b, limit)
}

/// Row length below which [`banded_distance`] keeps its rows on the stack.
const STACK_ROW: usize = 64;

/// [`edit_distance`] over any symbols.
fn banded_distance<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> usize {
    // What the two share at either end costs nothing: a megabyte-long word
    // with one letter changed is one edit found at once.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    // Only cells within `limit` of the diagonal can stay within the limit
    // (a band, so the cost is length × limit, not length²); a band this
    // wide on both sides is no pair of words anyone compares by letters.
    if a.len().min(b.len()).saturating_mul(2 * limit + 1) > MAX_EDIT_CELLS {
        return limit + 1;
    }
    if b.len() < STACK_ROW {
        let (mut prev, mut cur) = ([0usize; STACK_ROW], [0usize; STACK_ROW]);
        band(a, b, limit, &mut prev[..=b.len()], &mut cur[..=b.len()])
    } else {
        band(
            a,
            b,
            limit,
            &mut vec![0; b.len() + 1],
            &mut vec![0; b.len() + 1],
        )
    }
}

/// The banded dynamic programme of [`banded_distance`], over two rows of
/// `b.len() + 1` cells.
fn band<'r, T: PartialEq>(
    a: &[T],
    b: &[T],
    limit: usize,
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> usize {
    let far = limit + 1;
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j.min(far);
    }
    cur.fill(far);
    for (i, ca) in a.iter().enumerate() {
        let lo = (i + 1).saturating_sub(limit).max(1);
        let hi = (i + 1 + limit).min(b.len());
        cur[0] = (i + 1).min(far);
        if lo > 1 {
            cur[lo - 1] = far;
        }
        let mut row_min = if lo == 1 { cur[0] } else { far };
        for j in lo..=hi {
            let cost = usize::from(*ca != b[j - 1]);
            let v = (prev[j - 1] + cost)
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(far);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < b.len() {
            cur[hi + 1] = far;
        }
        if row_min > limit {
            return far;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(far)
}

/// Largest band of letter comparisons [`edit_distance`] makes.
const MAX_EDIT_CELLS: usize = 1 << 20;

/// One side of a change: the whole text, where the change is, and the text's
/// quotations (see [`quotations`]).
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The change's bytes in it (empty: an insertion point).
    pub span: &'a Range<usize>,
    /// The text's quotation spans.
    pub quotes: &'a [Range<usize>],
    /// Whether the text is noisy (OCR errors): see [`noisy`].
    pub noisy: bool,
}

impl<'a> Side<'a> {
    fn changed(&self) -> &'a str {
        &self.text[self.span.clone()]
    }

    /// The word right before the change, if any.
    fn word_before(&self) -> Option<&'a str> {
        self.text[..self.span.start]
            .split(|c: char| !is_word_char(c))
            .rev()
            .find(|w| !w.is_empty())
    }

    /// The word right after the change, if any.
    fn word_after(&self) -> Option<&'a str> {
        self.text[self.span.end..]
            .split(|c: char| !is_word_char(c))
            .find(|w| !w.is_empty())
    }

    /// Whether the change starts a sentence (only spaces, quotes or brackets
    /// between it and the previous sentence end or the text's start).
    fn starts_sentence(&self) -> bool {
        starts_sentence(self.text, self.span.start)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | ',')
}

/// Whether byte `at` of `text` starts a sentence: only spaces, opening quotes
/// or brackets between it and a sentence end (or the text's start).
pub(crate) fn starts_sentence(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '“' | '"' | '‘' | '\'' | '(' | '['))
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '…'))
}

/// What kind a change is, and why, in words a reader can check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The kind.
    pub kind: ChangeKind,
    /// Why: which words made it that kind.
    pub reason: Reason,
}

fn verdict(kind: ChangeKind, why: Why, old: &str, new: &str) -> Verdict {
    Verdict {
        kind,
        reason: Reason::new(why, old, new),
    }
}

/// Words of a change, lowercased, without the punctuation around them.
fn plain_words(s: &str) -> Vec<String> {
    // Fold once, then split (folding turns dashes into hyphens, so an
    // unspaced dash joins like a hyphen).
    let folded = text::fold_lower(s);
    folded
        .split(char::is_whitespace)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words as written (case kept), trimmed of surrounding punctuation.
fn raw_words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '–' | '—'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Most words a side of a change may have for it to be typed as a fact a
/// reader acts on: longer stretches are rewritten text, not one thing said
/// another way, and get an honest default.
const MAX_FACT_WORDS: usize = 6;

/// Most words a side may have for a change of wording inside a quotation.
const MAX_QUOTE_WORDS: usize = 10;

/// Whether the two sides are short and balanced enough to be counterparts of
/// one fact ("Friday" / "on November 5", not "minister" / "had only one
/// demand").
fn comparable(wo: &[String], wn: &[String], most: usize) -> bool {
    let (a, b) = (wo.len(), wn.len());
    a > 0 && b > 0 && a <= most && b <= most && a.max(b) <= 3 * a.min(b) + 1
}

/// The sentence around a change: from the last sentence end before it to the
/// first after it.
fn sentence_around(side: Side<'_>) -> &str {
    let t = side.text;
    let end_mark = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = t[..side.span.start]
        .char_indices()
        .rev()
        .find(|(_, c)| end_mark(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = t[side.span.end..]
        .find(end_mark)
        .map_or(t.len(), |i| side.span.end + i);
    &t[start..end]
}

/// Whether a change's text is glued to letters on either side: part of a
/// word ("drone" + "s"), not words of its own.
fn glued(side: Side<'_>) -> bool {
    let changed = side.changed();
    !changed.is_empty()
        && (side.text[..side.span.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
            && changed.chars().next().is_some_and(char::is_alphanumeric)
            || side.text[side.span.end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
                && changed
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric))
}

/// The change widened to whole words when it sits inside one ("drone" + "s",
/// "Oct" + "ober"): the words a reader sees changed.
fn whole_words<'a>(side: Side<'a>) -> &'a str {
    let t = side.text;
    let glue = |c: char| c.is_alphanumeric() || c == '-';
    let start = t[..side.span.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| glue(*c))
        .last()
        .map_or(side.span.start, |(i, _)| i);
    let end = t[side.span.end..]
        .char_indices()
        .take_while(|(_, c)| glue(*c))
        .last()
        .map_or(side.span.end, |(i, c)| side.span.end + i + c.len_utf8());
    &t[start..end]
}

/// The kind of one change, with its reason.
///
/// A scored kind (claim, number, number form, date, name, name spelling,
/// attribution, quotation) needs its evidence on both sides; a change
/// without it gets the honest default (wording, added, removed).
#[must_use]
pub fn classify(old: Side<'_>, new: Side<'_>) -> Verdict {
    let (o, n) = (old.changed(), new.changed());
    let (so, sn) = (skeleton(o), skeleton(n));
    let (wo, wn) = (plain_words(o), plain_words(n));
    if so == sn && !(o.trim().is_empty() && n.trim().is_empty()) {
        return same_letters(old, new, &wo);
    }
    let in_quotes = same_quotation(old, new);
    if wo.is_empty() || wn.is_empty() {
        return one_sided(old, new, &wo, &wn, in_quotes);
    }
    // Inside a word ("drone"/"drones", "Oct"/"October"), the whole words speak.
    let (xo, xn) = (whole_words(old), whole_words(new));
    let (wxo, wxn) = if glued(old) || glued(new) {
        (plain_words(xo), plain_words(xn))
    } else {
        (wo.clone(), wn.clone())
    };
    // A garbled side ("1 S 00", "RoinaiM") is a misreading, not another fact;
    // so is, in noisy print, a figure with letters beside it ("1 OOO", "CO, 000").
    let garbled = |s: &str| raw_words(s).iter().any(|w| malformed(w));
    let lettered_figure = |s: &str, noisy: bool| {
        let ws = raw_words(s);
        // Letters that print like digits (O/0, l/1, S/8, C/6): a misread figure
        // wherever they stand by one; in noisy print any letters do.
        let lookalike =
            |w: &&str| w.chars().count() <= 4 && w.chars().all(|c| "OoIlSZBCGÏÎ".contains(c));
        ws.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
            && ws
                .iter()
                .any(|w| lookalike(w) || (noisy && w.chars().all(char::is_alphabetic)))
    };
    let noisy = old.noisy || new.noisy;
    if garbled(xo) || garbled(xn) || lettered_figure(xo, noisy) || lettered_figure(xn, noisy) {
        return verdict(ChangeKind::Spelling, Why::Spelled, o, n);
    }
    if comparable(&wxo, &wxn, MAX_FACT_WORDS + 2)
        && let Some(v) = dates(old, new, &wxo, &wxn)
    {
        return v;
    }
    if comparable(&wxo, &wxn, MAX_FACT_WORDS) {
        if let Some(v) = numbers(old, new, &wxo, &wxn) {
            return v;
        }
        if let Some(v) = names(old, new, &wo, &wn) {
            return v;
        }
    }
    if wo.len() <= 2 && wn.len() <= 2 {
        let longest = so.chars().count().max(sn.chars().count());
        let limit = 2.min(longest / 3);
        if limit > 0 && edit_distance(&so, &sn, limit) <= limit {
            return verdict(ChangeKind::Spelling, Why::Spelled, o, n);
        }
    }
    if comparable(&wo, &wn, MAX_FACT_WORDS) {
        if let Some(v) = contradiction(&wo, &wn) {
            return v;
        }
        if let Some(v) = attribution(old, new, &wo, &wn) {
            return v;
        }
    }
    if in_quotes && wo.len() <= MAX_QUOTE_WORDS && wn.len() <= MAX_QUOTE_WORDS {
        return verdict(ChangeKind::Quote, Why::InsideQuotation, o, n);
    }
    if let Some(v) = article_count(old, new, &wo, &wn) {
        return v;
    }
    if let Some((a, b)) = plural(&wxo, &wxn) {
        return verdict(ChangeKind::Wording, Why::SingularPlural, a, b);
    }
    verdict(ChangeKind::Wording, Why::DifferentWords, o, n)
}

/// Text on one side only. Inside a quotation on both sides it changes the
/// quotation; a qualifier before a number ("at least" two) changes the
/// number; a number's writing ("73 [out] of 329", "54[-year-old]") its form;
/// a time of day before a day ("early" Sunday) the date; else it is wording
/// inside a sentence, or a clause or sentence added or removed.
fn one_sided(
    old: Side<'_>,
    new: Side<'_>,
    wo: &[String],
    wn: &[String],
    in_quotes: bool,
) -> Verdict {
    let (o, n) = (old.changed(), new.changed());
    let (side, words) = if wo.is_empty() { (new, wn) } else { (old, wo) };
    let other = if wo.is_empty() { old } else { new };
    // The words themselves inside the quotation (not framing words beside it).
    if in_quotes && quotation(side).is_some() && words.len() <= MAX_QUOTE_WORDS {
        return verdict(ChangeKind::Quote, Why::InsideQuotation, o, n);
    }
    // Inside a word ("Oct" + "ober"): the whole words on both sides.
    let (xo, xn) = (whole_words(old), whole_words(new));
    if glued(old) || glued(new) {
        let (wxo, wxn) = (plain_words(xo), plain_words(xn));
        if comparable(&wxo, &wxn, 2)
            && let Some(v) = dates(old, new, &wxo, &wxn)
        {
            return v;
        }
    }
    if words.len() <= 2 {
        let number_next = |s: Side<'_>| {
            s.word_after().and_then(lexicon::value) == other.word_after().and_then(lexicon::value)
                && s.word_after().and_then(lexicon::value).is_some()
        };
        if words
            .iter()
            .all(|w| lexicon::qualifier_class(w).is_some() || w == "at")
            && words.iter().any(|w| lexicon::qualifier_class(w).is_some())
            && number_next(side)
            // "only had one" / "had only one": the qualifier moved, not changed.
            && !words.iter().any(|w| {
                w != "at" && plain_words(sentence_around(other)).contains(w)
            })
        {
            return verdict(ChangeKind::Number, Why::Qualifier, o, n);
        }
        let number_near = |s: Side<'_>| {
            s.word_before().and_then(lexicon::value).is_some()
                || s.word_after().and_then(lexicon::value).is_some()
        };
        if words
            .iter()
            .all(|w| lexicon::NUMBER_WRITING.contains(&w.as_str()))
            && other.changed().trim().is_empty()
            && number_near(side)
            && number_near(other)
        {
            return verdict(ChangeKind::NumberForm, Why::SameNumberWritten, o, n);
        }
    }
    if words.len() <= 2
        && words
            .iter()
            .all(|w| lexicon::is_negation(w) || matches!(w.as_str(), "do" | "does" | "did"))
        && words.iter().any(|w| lexicon::is_negation(w))
        && negations(sentence_around(side)) != negations(sentence_around(other))
    {
        // "was [not] hurt": the same statement, negated on one side.
        let word = words
            .iter()
            .find(|w| lexicon::is_negation(w))
            .map_or("", String::as_str);
        let (a, b) = if wo.is_empty() {
            ("", word)
        } else {
            (word, "")
        };
        return verdict(ChangeKind::Claim, Why::Negation, a, b);
    }
    if words.len() == 1
        && matches!(words[0].as_str(), "early" | "late" | "earlier" | "later")
        && side.word_after().is_some_and(|w| {
            let w = w.to_lowercase();
            DATE_WORDS.contains(&w.as_str()) || lexicon::month(&w).is_some()
        })
    {
        // "[early] Sunday": another time of the day named.
        return verdict(ChangeKind::Date, Why::DayOrDate, o, n);
    }
    if words.len() <= 4
        && let Some(v) = date_replaced(side, other, words, o, n)
    {
        return v;
    }
    added_or_removed(old, new, wo, wn)
        .unwrap_or_else(|| verdict(ChangeKind::Wording, Why::DifferentWords, o, n))
}

/// How many negations a sentence has ("unless" and "without" count: "unless
/// met" says "if not met").
fn negations(sentence: &str) -> usize {
    plain_words(sentence)
        .iter()
        .filter(|w| lexicon::is_negation(w) || w.as_str() == "unless")
        .count()
}

/// Only case, marks or spacing differ: spelling when a word's inside changed
/// (non-resident/nonresident, U.S./US, onMr), a number's writing when it is a
/// number word, a quotation when only quotation marks went, else case or
/// punctuation.
fn same_letters(old: Side<'_>, new: Side<'_>, wo: &[String]) -> Verdict {
    let (o, n) = (old.changed(), new.changed());
    // Two single marks ('' or ``) write one double mark: only the style.
    let quote_marks = |s: &str| {
        let s = s.replace("''", "\"").replace("``", "\"");
        s.chars()
            .filter(|c| matches!(c, '“' | '”' | '"' | '«' | '»'))
            .count()
    };
    let only_marks = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
            .count()
            <= 1
    };
    // Whether the word right after the marks (or, at the end, right before)
    // is inside a quotation: marks that split or join a quotation whose words
    // stay quoted change its style, not what is quoted.
    // An opening mark is read by the word after it, a closing one by the
    // word before.
    let opening = o
        .chars()
        .chain(n.chars())
        .find(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
        .is_some_and(|c| match c {
            '“' | '«' | '„' => true,
            '"' => {
                let side = if o.contains('"') { old } else { new };
                side.text[side.span.end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            }
            _ => false,
        });
    let quoted_beside = |s: Side<'_>| {
        let t = s.text;
        let at = if opening {
            t[s.span.end..]
                .find(|c: char| c.is_alphanumeric())
                .map(|i| s.span.end + i)
        } else {
            t[..s.span.start].rfind(|c: char| c.is_alphanumeric())
        };
        at.is_some_and(|at| s.quotes.iter().any(|q| q.start < at && at < q.end))
    };
    // OCR adds and drops marks: in noisy print they say nothing.
    if quote_marks(o) != quote_marks(n)
        && only_marks(o)
        && only_marks(n)
        && !(old.noisy || new.noisy)
        && quoted_beside(old) != quoted_beside(new)
        && same_quotation(old, new)
    {
        return verdict(ChangeKind::Quote, Why::QuoteMarks, o, n);
    }
    // Inside a word: what is left after the case and the marks at either end.
    let inner = |s: &str| -> String {
        text::fold(s)
            .to_lowercase()
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    let (io, inn) = (inner(o), inner(n));
    if !io.is_empty() && !inn.is_empty() && io != inn {
        // "two-thirds" / "two thirds": a number's writing; else a word's.
        if wo.iter().any(|w| lexicon::value(w).is_some()) {
            return verdict(ChangeKind::NumberForm, Why::SameNumberWritten, o, n);
        }
        return verdict(ChangeKind::Spelling, Why::JoinedOrMarked, o, n);
    }
    verdict(ChangeKind::CasePunctuation, Why::CaseOrPunctuation, o, n)
}

/// A statement and its opposite: a negation on one side only, or antonyms.
fn contradiction(wo: &[String], wn: &[String]) -> Option<Verdict> {
    if wo.is_empty() || wn.is_empty() {
        return None;
    }
    if let Some((a, b)) = lexicon::antonyms(wo, wn) {
        return Some(verdict(ChangeKind::Claim, Why::Opposite, a, b));
    }
    let neg = |ws: &[String]| ws.iter().filter(|w| lexicon::is_negation(w)).count();
    let (no, nn) = (neg(wo), neg(wn));
    // The same words but for the negation ("was [not] hurt"): a flipped
    // statement. Other words beside it make it a rewording to read.
    let rest = |ws: &[String]| -> Vec<String> {
        ws.iter()
            .filter(|w| !lexicon::is_negation(w) && !matches!(w.as_str(), "do" | "does" | "did"))
            .cloned()
            .collect()
    };
    if (no == 0) != (nn == 0) && rest(wo) == rest(wn) {
        let w = if no > 0 { wo } else { wn };
        let word = w
            .iter()
            .find(|x| lexicon::is_negation(x))
            .map_or("", String::as_str);
        let (a, b) = if no > 0 { (word, "") } else { ("", word) };
        return Some(verdict(ChangeKind::Claim, Why::Negation, a, b));
    }
    None
}

/// The source of a statement changed: names differ next to a speech verb.
fn attribution(old: Side<'_>, new: Side<'_>, wo: &[String], wn: &[String]) -> Option<Verdict> {
    let speech = |ws: &[String]| ws.iter().any(|w| lexicon::SPEECH.contains(&w.as_str()));
    let near = |s: Side<'_>| {
        s.word_before()
            .is_some_and(|w| lexicon::SPEECH.contains(&w.to_lowercase().as_str()))
            || s.word_after()
                .is_some_and(|w| lexicon::SPEECH.contains(&w.to_lowercase().as_str()))
    };
    let has_name = |s: Side<'_>| raw_words(s.changed()).iter().any(|w| is_proper(w, false));
    let (o, n) = (old.changed(), new.changed());
    let sourced = |s: Side<'_>, ws: &[String]| (speech(ws) || near(s)) && has_name(s);
    if sourced(old, wo)
        && sourced(new, wn)
        && !wo.is_empty()
        && !wn.is_empty()
        && wo.len() <= 8
        && wn.len() <= 8
    {
        return Some(verdict(ChangeKind::Attribution, Why::Source, o, n));
    }
    None
}

/// A word in the singular on one side and the plural on the other: its two
/// forms. Not a count by itself (a plural ending on a generic noun changes
/// no number), so the caller calls it wording.
fn plural<'w>(wo: &'w [String], wn: &'w [String]) -> Option<(&'w str, &'w str)> {
    if wo.len() > 4 || wn.len() > 4 {
        return None;
    }
    for a in wo {
        for b in wn {
            let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
            if short.len() >= 3
                && (long.strip_suffix('s') == Some(short) || long.strip_suffix("es") == Some(short))
            {
                return Some((a, b));
            }
        }
    }
    None
}

/// Text on one side only: a few words inside a sentence change its wording; a
/// clause or sentence is added or removed.
fn added_or_removed(old: Side<'_>, new: Side<'_>, wo: &[String], wn: &[String]) -> Option<Verdict> {
    let (o, n) = (old.changed(), new.changed());
    let (side, words, kind) = match (wo.is_empty(), wn.is_empty()) {
        (true, false) => (new, wn, ChangeKind::Added),
        (false, true) => (old, wo, ChangeKind::Removed),
        _ => return None,
    };
    let text = side.changed();
    let sentence = text.trim_end().ends_with(['.', '!', '?']) && words.len() >= 3
        || text.contains(". ")
        || side.starts_sentence() && words.len() >= 3;
    if words
        .iter()
        .all(|w| lexicon::HONORIFICS.contains(&w.as_str()))
    {
        return Some(verdict(ChangeKind::CasePunctuation, Why::Honorific, o, n));
    }
    if words.len() <= 4 && !sentence {
        return Some(verdict(ChangeKind::Wording, Why::WordsInSentence, o, n));
    }
    Some(verdict(kind, Why::Sentence, o, n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DiffOptions, changes};

    /// The changes of a pair of sentences: (old, new, kind).
    fn kinds(old: &str, new: &str) -> Vec<(String, String, ChangeKind)> {
        changes(old, new, &DiffOptions::default())
            .into_iter()
            .map(|c| (c.old, c.new, c.kind))
            .collect()
    }

    /// The one change of a pair, or a panic listing them all.
    fn one(old: &str, new: &str) -> (String, String, ChangeKind) {
        let got = kinds(old, new);
        assert_eq!(got.len(), 1, "{got:?}");
        got.into_iter().next().unwrap()
    }

    fn kind_of(old: &str, new: &str) -> ChangeKind {
        one(old, new).2
    }

    #[test]
    fn name_spelling_with_transliteration() {
        use ChangeKind::NameSpelling;
        assert_eq!(
            kind_of("Mr al-Kadhimi said", "Mr al-Khadimi said"),
            NameSpelling
        );
        assert_eq!(
            kind_of("led by Qais al-Khazali.", "led by Kais al-Khazali."),
            NameSpelling
        );
        assert_eq!(
            kind_of(
                "the Popular Mobilization Forces",
                "the Popular Mobilisation Forces"
            ),
            NameSpelling
        );
        assert!(same_name("Kadhimi", "Kadhami"));
        assert!(!same_name("Salih", "Sadr"));
    }

    #[test]
    fn names_that_are_not_name_changes() {
        // An honorific's dot, and U.S./US, are the same name.
        assert_eq!(
            kind_of("said Mr. Smith today", "said Mr Smith today"),
            ChangeKind::CasePunctuation
        );
        assert_eq!(
            kind_of("blamed the U.S. for it", "blamed the US for it"),
            ChangeKind::Spelling
        );
        // A capital that only starts a sentence does not make a name.
        assert_ne!(
            kind_of("He left. Police came.", "He left. Soldiers came."),
            ChangeKind::Name
        );
        // Dropping an honorific is style.
        assert_eq!(
            kind_of("met Mr Smith on", "met Smith on"),
            ChangeKind::CasePunctuation
        );
    }

    #[test]
    fn another_name_for_the_same_thing() {
        assert_eq!(
            kind_of("both America and Iran", "both the U.S. and Iran"),
            ChangeKind::Name
        );
        let c = &changes(
            "said the US on",
            "said the United States on",
            &DiffOptions::default(),
        )[0];
        assert_eq!(c.kind, ChangeKind::Name);
        assert_eq!(c.reason.why, Why::AnotherNameForSame, "{}", c.reason);
    }

    #[test]
    fn numbers_changed_and_numbers_rewritten() {
        use ChangeKind::{Number, NumberForm, Wording};
        assert_eq!(
            kind_of("Seven guards were hurt", "Eight guards were hurt"),
            Number
        );
        assert_eq!(kind_of("at least two drones hit", "two drones hit"), Number);
        // One qualifier said another way is no other number.
        assert_eq!(kind_of("about 40 people", "around 40 people"), Wording);
        assert_eq!(kind_of("at least 40 people", "nearly 40 people"), Number);
        assert_eq!(kind_of("one protester died", "a protester died"), Wording);
        // Not a changed number:
        assert_eq!(
            kind_of("seven guards were hurt", "7 guards were hurt"),
            NumberForm
        );
        assert_eq!(
            kind_of("won 73 of 329 seats", "won 73 out of 329 seats"),
            NumberForm
        );
        // Case only is no other way of writing a number.
        assert_eq!(
            kind_of("Seven of his guards", "seven of his guards"),
            ChangeKind::CasePunctuation
        );
        let plural = kinds("a drone loaded with explosives hit", "the drones hit");
        assert!(plural.iter().any(|c| c.2 == Number), "{plural:?}");
    }

    #[test]
    fn dates() {
        assert_eq!(
            kind_of("clashes on Friday", "clashes on November 5"),
            ChangeKind::Date
        );
        assert_eq!(
            kind_of("said on Sunday that", "said today that"),
            ChangeKind::Date
        );
    }

    #[test]
    fn quotations_changed_or_unquoted() {
        assert_eq!(
            kind_of(
                "“Cowardly rocket attacks,” he said.",
                "“Cowardly missile attacks,” he said."
            ),
            ChangeKind::Quote
        );
        let unquoted = kinds("called it “terrorism” on", "called it terrorism on");
        assert!(
            !unquoted.is_empty() && unquoted.iter().all(|c| c.2 == ChangeKind::Quote),
            "{unquoted:?}"
        );
        // Outside quotation marks the same swap is wording.
        assert_eq!(
            kind_of("rocket attacks hit", "missile attacks hit"),
            ChangeKind::Wording
        );
    }

    #[test]
    fn contradictions_by_negation_or_antonym() {
        use ChangeKind::Claim;
        assert_eq!(one("He suffered a light cut.", "He was unharmed.").2, Claim);
        assert_eq!(
            kind_of("Turnout rose sharply", "Turnout fell sharply"),
            Claim
        );
        assert_eq!(
            kind_of(
                "the group accepted the result",
                "the group rejected the result"
            ),
            Claim
        );
        // Synonyms are not contradictions.
        assert_eq!(
            kind_of("were wounded in", "were injured in"),
            ChangeKind::Wording
        );
        assert_ne!(kind_of("do not build", "don’t build"), ChangeKind::Claim);
    }

    #[test]
    fn attribution() {
        assert_eq!(
            kind_of(
                "Ned Price said the US denounced it",
                "John Kirby said the US denounced it"
            ),
            ChangeKind::Attribution
        );
    }

    #[test]
    fn spelling_and_style() {
        use ChangeKind::{CasePunctuation, Spelling};
        assert_eq!(
            kind_of("a nonresident fellow", "a non-resident fellow"),
            Spelling
        );
        assert_eq!(kind_of("neighbouring Iran", "neighboring Iran"), Spelling);
        assert_eq!(kind_of("attack on Mr X", "attack onMr X"), Spelling);
        assert_eq!(
            kind_of("Iraqi president Salih", "Iraqi President Salih"),
            CasePunctuation
        );
        assert_eq!(
            kind_of("killed, Dozens were hurt", "killed. Dozens were hurt"),
            CasePunctuation
        );
    }

    #[test]
    fn additions_inside_a_sentence_are_wording_whole_sentences_are_added() {
        assert_eq!(
            kind_of("followed by gunfire", "followed by heavy gunfire"),
            ChangeKind::Wording
        );
        assert_eq!(
            kind_of(
                "He left. Police came.",
                "He left. Nobody was hurt in the blast. Police came."
            ),
            ChangeKind::Added
        );
        assert_eq!(
            kind_of(
                "He left. Nobody was hurt in the blast. Police came.",
                "He left. Police came."
            ),
            ChangeKind::Removed
        );
    }

    #[test]
    fn a_removed_sentence_is_removed_whatever_day_it_names() {
        assert_eq!(
            kind_of(
                "He left. Troops were deployed around the city on Sunday. Police came.",
                "He left. Police came."
            ),
            ChangeKind::Removed
        );
        // Inside a quotation, added words change the quotation.
        let got = kinds(
            "urged all sides to “join forces to preserve stability” today",
            "urged all sides to “calm down, renounce violence and join forces to preserve stability” today",
        );
        assert!(got.iter().all(|c| c.2 == ChangeKind::Quote), "{got:?}");
    }

    #[test]
    fn every_change_has_a_reason() {
        for c in changes(
            "Seven guards were hurt on Friday, “badly”, Mr al-Kadhimi said.",
            "Eight guards were hurt on Sunday, “slightly”, al-Khadimi said.",
            &DiffOptions::default(),
        ) {
            assert!(!c.reason.to_string().is_empty(), "{c:?}");
        }
    }

    /// What issue 9's readers saw typed wrongly: none of these is a kind a
    /// reader acts on.
    #[test]
    fn regressions_no_scored_kind_without_evidence_on_both_sides() {
        let scored = |old: &str, new: &str| -> Vec<(String, String, ChangeKind)> {
            kinds(old, new)
                .into_iter()
                .filter(|c| c.2.matters() || c.2 == ChangeKind::NumberForm)
                .collect()
        };
        for (old, new) in [
            // number: a plural of a generic noun, one/a, about/around, a
            // quantity on one side only
            (
                "after last month’s parliamentary elections, he said.",
                "after last month’s parliamentary election, he said.",
            ),
            ("one protester was killed", "a protester was killed"),
            (
                "about two-thirds of their seats",
                "around two-thirds of their seats",
            ),
            (
                "to return Iraq to the chaos of the past.",
                "to return Iraq to 73 of the past.",
            ),
            // claim: a rewording
            (
                "Iraqi leader unharmed after assassination attempt",
                "Iraqi leader survives assassination attempt",
            ),
            // number form: case only; no number at all
            ("Seven of his guards", "seven of his guards"),
            (
                "Despite having the largest number of seats, he left.",
                "While he maintains the largest number of seats, he left.",
            ),
            // date: a date that only moved; a word that only looks like a month
            (
                "On Friday, protesters tried to enter the zone.",
                "Protesters tried to enter the zone on Friday.",
            ),
            ("they were out of the zone", "they were Oct of the zone"),
            // name: a grammatical form of the same name; a title
            (
                "the residence of Iraq’s prime minister",
                "the residence of Iraqi prime minister",
            ),
            ("said Prime Minister al-Kadhimi", "said Mr al-Kadhimi"),
            // negation already said otherwise on the other side
            (
                "threatening violence unless their demands were met.",
                "threatening violence if their demands were not met.",
            ),
        ] {
            assert_eq!(scored(old, new), vec![], "{old} / {new}");
        }
    }

    #[test]
    fn garbled_or_alike_names_are_spellings_not_other_entities() {
        use ChangeKind::{Name, Spelling};
        // OCR noise and typos: no evidence of another entity.
        assert_eq!(
            kind_of("sold in Londou by them", "sold in London by them"),
            Spelling
        );
        assert_eq!(kind_of("at Romans and at", "at RoinaiM and at"), Spelling);
        assert_eq!(kind_of("from Genève to", "from Sénevé to"), Spelling);
        // Two real names are still another entity.
        assert_eq!(
            kind_of("talks in Washington today", "talks in Paris today"),
            Name
        );
        assert_eq!(
            kind_of("FRANCS were paid", "TROOPS were paid"),
            ChangeKind::Wording
        );
    }

    #[test]
    fn ocr_noise_is_a_misreading_not_another_fact() {
        // Garbled figures and words.
        for (old, new) in [
            ("born in 1800 at", "born in 1 S 00 at"),
            ("price of 60,000 francs", "price of CO, 000 francs"),
            ("sold at Romans by", "sold at RoinaiM by"),
        ] {
            let got = kinds(old, new);
            assert!(got.iter().all(|c| !c.2.matters()), "{old} / {new}: {got:?}");
        }
        // A noisy text: names read otherwise in the same place are the same
        // name misread.
        let noisy = "Les pilules de M. Bret à Romans, fDrflmc, se vendent à hLondres et à Genève; \
                     la boîte C fr. 3. J'ai pris des PUls v et L suis guéri. Demandez les doBrefs \
                     partout; J h dépôt général chez le pharmacien.";
        let other = noisy.replace("Romans", "Koittuus");
        let (a, b) = (
            crate::diff::Prepared::new(noisy),
            crate::diff::Prepared::new(&other),
        );
        assert!(super::noisy(noisy, a.tokens()), "the sample text is noisy");
        let got: Vec<_> = crate::diff::diff_prepared(&a, &b, &DiffOptions::default())
            .segments
            .into_iter()
            .filter_map(|s| match s {
                crate::diff::Segment::Change(c) => Some(c.kind),
                crate::diff::Segment::Equal { .. } => None,
            })
            .collect();
        assert_eq!(got, vec![ChangeKind::NameSpelling]);
        // Clean prose is not noisy.
        let clean = "The attack on the residence came after weeks of protests by supporters \
                     of militias who rejected the results of the election in October, officials said.";
        assert!(!super::noisy(clean, &crate::diff::tokens::tokenize(clean)));
    }

    #[test]
    fn marks_and_figures_are_read_where_they_stand() {
        // A quotation split in two by its attribution: the same words quoted.
        let split = kinds(
            "“The house was dancing. I grabbed my children,” said Elena Morosi, a baker.",
            "“The house was dancing,” said baker Elena Morosi. “I grabbed my children.”",
        );
        assert!(split.iter().all(|c| c.2 != ChangeKind::Quote), "{split:?}");
        // Marks lost: the words are no longer quoted.
        let lost = kinds(
            "he called it “terrorism” today",
            "he called it terrorism today",
        );
        assert!(lost.iter().all(|c| c.2 == ChangeKind::Quote), "{lost:?}");
        // Punctuation right after a figure is not inside the figure.
        let got = kinds(
            "terminals by 2027, puts as many as 900 jobs at risk.",
            "terminals by 2027. The union says up to 900 jobs could go.",
        );
        assert!(
            got.iter()
                .all(|c| !c.2.matters() && c.2 != ChangeKind::NumberForm),
            "{got:?}"
        );
    }

    #[test]
    fn regressions_quotations_need_the_same_quotation() {
        // Only the style of the marks.
        let style = kinds(
            "he said ''That was sweet,'' today",
            "he said \"That was sweet,\" today",
        );
        assert!(
            !style.is_empty() && style.iter().all(|c| c.2 == ChangeKind::CasePunctuation),
            "{style:?}"
        );
        // Two different speakers' quotations are not one quotation changed.
        let got = kinds(
            "“I condemn in the strongest terms those using violence to undermine Iraq’s democratic process.”",
            "“Terrorism, violence and other illegal acts have no place in the democratic process.”",
        );
        assert!(got.iter().all(|c| c.2 != ChangeKind::Quote), "{got:?}");
        // The same quotation, its marks lost by a paraphrase: still the quotation.
        let got = kinds(
            "“Cowardly rocket and drone attacks don’t build homelands,” he said.",
            "Cowardly missile and drone attacks don’t build homelands, he said.",
        );
        assert!(
            got.iter()
                .any(|c| c.0 == "rocket" && c.2 == ChangeKind::Quote),
            "{got:?}"
        );
    }

    #[test]
    fn regressions_unrelated_sentences_are_added_and_removed_not_paired() {
        let got = kinds(
            "Seven guards were wounded by at least two armed drones, according to two Iraqi officials. They spoke anonymously.",
            "Officials said the attack struck the heavily fortified Green Zone area of Baghdad. They spoke anonymously.",
        );
        assert!(
            got.iter()
                .all(|c| matches!(c.2, ChangeKind::Added | ChangeKind::Removed)),
            "{got:?}"
        );
    }

    #[test]
    fn facts_with_evidence_on_both_sides_are_kept() {
        use ChangeKind::{Claim, Date, Number, NumberForm};
        assert_eq!(kind_of("at least two drones hit", "two drones hit"), Number);
        let month = kinds("clashes on Oct. 10 left", "clashes on October 10 left");
        assert!(
            month.iter().any(|c| c.2 == NumberForm) && month.iter().all(|c| c.2 != Date),
            "{month:?}"
        );
        assert_eq!(kind_of("he was hurt badly", "he was not hurt badly"), Claim);
        assert_eq!(
            kind_of("early Sunday the drones hit", "Sunday the drones hit"),
            Date
        );
        let moved = kinds(
            "Protesters clashed with police on November 5 near the zone.",
            "Protesters clashed with police near the zone Friday.",
        );
        assert!(
            !moved.is_empty() && moved.iter().all(|c| c.2 == Date),
            "{moved:?}"
        );
        let drones = kinds("a drone loaded with explosives hit", "the drones hit");
        assert!(drones.iter().any(|c| c.2 == Number), "{drones:?}");
    }

    #[test]
    fn quotations_pair_curly_and_straight() {
        let s = "a “b” c \"d\" e";
        let q = quotations(s);
        assert_eq!(q.len(), 2);
        assert_eq!(&s[q[1].clone()], "\"d\"");
    }

    #[test]
    fn edit_distance_stops_early() {
        assert_eq!(edit_distance("kadhimi", "khadimi", 2), 2);
        assert!(edit_distance("abcdef", "uvwxyz", 2) > 2);
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("flaw", "lawn", 3), 2);
        assert_eq!(edit_distance("", "abc", 5), 3);
        assert_eq!(edit_distance("same", "same", 0), 0);
        // A huge word with one letter changed: found at once, not in n².
        let a = "x".repeat(200_000);
        let b = format!("{}y{}", "x".repeat(100_000), "x".repeat(99_999));
        assert_eq!(edit_distance(&a, &b, 3), 1);
    }

    #[test]
    fn banded_edit_distance_agrees_with_the_full_table() {
        fn full(a: &str, b: &str) -> usize {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            for (i, x) in a.iter().enumerate() {
                let mut cur = vec![i + 1; b.len() + 1];
                for (j, y) in b.iter().enumerate() {
                    cur[j + 1] = (prev[j] + usize::from(x != y))
                        .min(prev[j + 1] + 1)
                        .min(cur[j] + 1);
                }
                prev = cur;
            }
            prev[b.len()]
        }
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut word = |len: u64| -> String {
            (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    ['a', 'b', 'c', 'é'][(seed % 4) as usize]
                })
                .collect()
        };
        for n in 0..2000u64 {
            let (a, b) = (word(n % 9), word((n / 9) % 9));
            for limit in 0..6 {
                let want = full(&a, &b).min(limit + 1);
                assert_eq!(
                    edit_distance(&a, &b, limit).min(limit + 1),
                    want,
                    "{a} {b} {limit}"
                );
            }
        }
        // Rows too long for the stack, ASCII and not.
        for (a, b) in [
            (
                format!("{}x{}", "ab".repeat(40), "c".repeat(30)),
                format!("{}{}y", "ab".repeat(40), "c".repeat(29)),
            ),
            (
                format!("é{}", "ab".repeat(40)),
                format!("{}é", "ab".repeat(40)),
            ),
        ] {
            for limit in [1, 2, 4] {
                assert_eq!(
                    edit_distance(&a, &b, limit).min(limit + 1),
                    full(&a, &b).min(limit + 1)
                );
            }
        }
    }
}
