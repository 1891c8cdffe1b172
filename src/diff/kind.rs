//! What kind a change is, and why: read from the changed words, the words
//! right around them, and whether they sit inside a quotation.
//!
//! Precedence, most specific first:
//! 1. same letters: case/punctuation, or a word joined or marked differently
//!    (spelling), a number word (number form), quotation marks (quotation);
//! 2. date; number (values differ); number form (same values);
//! 3. names: the same name spelled differently, or another name;
//! 4. next to a number: its qualifier (number) or its writing (number form);
//! 5. spelling (a few letters apart); claim (negation, antonym); attribution;
//! 6. quotation; singular/plural (number);
//! 7. a few words added inside a sentence (wording), a clause or sentence added
//!    or removed; else wording.
//!
//! Dates come before numbers because "November 5" holds a number but is a date;
//! numbers before spelling because "seven"/"eight" is a few letters apart yet a
//! different fact; quotation after the facts because a changed number inside a
//! quotation is first of all a changed number.

use std::ops::Range;

use super::ChangeKind;
use super::lexicon::{self, CAPITALISED_DATE_WORDS, DATE_WORDS};
use super::reason::{Reason, Why};
use crate::text;

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
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Byte ranges of the quotations in `s`: “…”, and "…" paired in order.
#[must_use]
pub fn quotations(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '«' | '„' => open = Some(i),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    out.push(o..i + c.len_utf8());
                }
            }
            '"' => match open_straight.take() {
                Some(o) => out.push(o..i + 1),
                None => open_straight = Some(i),
            },
            _ => {}
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

fn inside(span: &Range<usize>, quotes: &[Range<usize>]) -> bool {
    quotes
        .iter()
        .any(|q| q.start <= span.start && span.end <= q.end && span.start < q.end)
}

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
    let folded = text::fold(s).to_lowercase();
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

fn has_date(s: &str, words: &[String]) -> bool {
    s.split(|c: char| !c.is_alphabetic())
        .any(|w| CAPITALISED_DATE_WORDS.contains(&w))
        || words.iter().any(|w| {
            let w = w.trim_end_matches('.');
            DATE_WORDS.contains(&w)
                || (w.len() == 4 && w.starts_with("20") && w.chars().all(|c| c.is_ascii_digit()))
        })
        || s.contains(|c: char| c.is_ascii_digit())
            && s.contains(['-', '/'])
            && s.chars().filter(char::is_ascii_digit).count() >= 6
}

/// The values of the quantities among `words`, sorted.
fn values(words: &[String]) -> Vec<u64> {
    let mut v: Vec<u64> = words
        .iter()
        .filter_map(|w| lexicon::value(w))
        // Compare values at a fixed precision: 2/3 and 0.6667 are the same.
        .map(|x| (x * 1000.0).round().to_bits())
        .collect();
    v.sort_unstable();
    v
}

/// A name in the sense of this classifier: capitalised (not merely because it
/// starts a sentence) or an acronym.
fn is_proper(word: &str, sentence_start: bool) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    if upper >= 2 && word.chars().filter(|c| c.is_lowercase()).count() <= 1 {
        return true; // US, U.N., NATO
    }
    // "al-Kadhimi", "el-Sissi": a lowercase particle before a capitalised name.
    let capitalised = first.is_uppercase()
        || word
            .split('-')
            .skip(1)
            .any(|p| p.chars().next().is_some_and(char::is_uppercase));
    capitalised && !sentence_start
}

/// Letters of a name folded so that common transliteration choices agree:
/// kh/k, dh/d, th/t, gh/g, ph/f, q/k, c/k, ou/u, oo/u, ee/i, y/i, z/s, doubled
/// letters, hyphens, apostrophes and a leading article particle (al-, el-).
#[must_use]
pub fn name_key(s: &str) -> String {
    let mut w = text::fold(s).to_lowercase();
    for particle in [
        "al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "at-", "az-",
    ] {
        if let Some(rest) = w.strip_prefix(particle) {
            w = rest.to_string();
        }
        w = w.replace(&format!(" {particle}"), " ");
    }
    let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut w = w;
    for (from, to) in [
        ("kh", "k"),
        ("dh", "d"),
        ("th", "t"),
        ("gh", "g"),
        ("ph", "f"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("q", "k"),
        ("c", "k"),
        ("y", "i"),
        ("z", "s"),
        ("w", "v"),
    ] {
        w = w.replace(from, to);
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two names are the same name written differently: equal once
/// transliteration choices are folded ([`name_key`]), or, for names of six
/// letters or more, one letter apart (two from ten letters) with the same first
/// and last letter. Short names must fold equal: "Prime"/"Price" are not one.
#[must_use]
pub fn same_name(a: &str, b: &str) -> bool {
    same_name_keys(&name_key(a), &name_key(b))
}

/// [`same_name`] on keys already folded by [`name_key`].
#[must_use]
pub fn same_name_keys(ka: &str, kb: &str) -> bool {
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka == kb {
        return true;
    }
    let longest = ka.chars().count().max(kb.chars().count());
    if longest < 6
        || ka.chars().next() != kb.chars().next()
        || ka.chars().last() != kb.chars().last()
    {
        return false;
    }
    let limit = if longest >= 10 { 2 } else { 1 };
    edit_distance(ka, kb, limit) <= limit
}

/// Initials of the capitalised words: "United States" → "us".
fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

const NAME_GLUE: &[&str] = &[
    "the", "of", "and", "for", "de", "al", "el", "bin", "von", "van", "s",
];

/// Whether every content word of one side of a change is a name.
fn all_proper(side: Side<'_>) -> bool {
    let text = side.changed();
    let mut any = false;
    let mut offset = side.span.start;
    for w in text.split_whitespace() {
        let at = side.text[offset..].find(w).map_or(offset, |i| offset + i);
        offset = at + w.len();
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || NAME_GLUE.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        if !is_proper(word, starts_sentence(side.text, at)) {
            return false;
        }
        any = true;
    }
    any
}

/// The kind of one change, with its reason.
#[must_use]
pub fn classify(old: Side<'_>, new: Side<'_>) -> Verdict {
    let (o, n) = (old.changed(), new.changed());
    let (so, sn) = (skeleton(o), skeleton(n));
    let (wo, wn) = (plain_words(o), plain_words(n));
    if so == sn && !(o.trim().is_empty() && n.trim().is_empty()) {
        return same_letters(old, new, &wo);
    }
    // A whole clause or sentence on one side only is added or removed, whatever
    // day or number it mentions.
    // (Inside a quotation it is still the quotation that changed.)
    let quoted = inside(old.span, old.quotes) || inside(new.span, new.quotes);
    if (wo.is_empty() || wn.is_empty())
        && wo.len().max(wn.len()) > 4
        && !quoted
        && let Some(v) = added_or_removed(old, new, &wo, &wn)
    {
        return v;
    }
    if has_date(o, &wo) || has_date(n, &wn) {
        return verdict(ChangeKind::Date, Why::DayOrDate, o, n);
    }
    let (vo, vn) = (values(&wo), values(&wn));
    let quantities = |ws: &[String]| ws.iter().any(|w| lexicon::is_quantity(w));
    if vo != vn && (!vo.is_empty() || !vn.is_empty()) {
        if vo.len() == vn.len() && !vo.is_empty() {
            return verdict(ChangeKind::Number, Why::NumberChanged, o, n);
        }
        return verdict(ChangeKind::Number, Why::QuantityDiffers, o, n);
    }
    if !vo.is_empty() && vo == vn && wo.len() <= 3 && wn.len() <= 3 {
        return verdict(ChangeKind::NumberForm, Why::SameNumberWritten, o, n);
    }
    if quantities(&wo) != quantities(&wn) {
        return verdict(ChangeKind::Number, Why::QuantityDiffers, o, n);
    }
    if let Some(v) = names(old, new, &wo, &wn) {
        return v;
    }
    if let Some(v) = near_number(old, new, &wo, &wn) {
        return v;
    }
    if wo.len() <= 2 && wn.len() <= 2 && !wo.is_empty() && !wn.is_empty() {
        let longest = so.chars().count().max(sn.chars().count());
        let limit = 2.min(longest / 3);
        if limit > 0 && edit_distance(&so, &sn, limit) <= limit {
            return verdict(ChangeKind::Spelling, Why::Spelled, o, n);
        }
    }
    if let Some(v) = contradiction(&wo, &wn) {
        return v;
    }
    if let Some(v) = attribution(old, new, &wo, &wn) {
        return v;
    }
    if inside(old.span, old.quotes) || inside(new.span, new.quotes) {
        return verdict(ChangeKind::Quote, Why::InsideQuotation, o, n);
    }
    if let Some(v) = plural(&wo, &wn).or_else(|| plural_suffix(old, new)) {
        return v;
    }
    added_or_removed(old, new, &wo, &wn)
        .unwrap_or_else(|| verdict(ChangeKind::Wording, Why::DifferentWords, o, n))
}

/// Only case, marks or spacing differ: spelling when a word's inside changed
/// (non-resident/nonresident, U.S./US, onMr), a number's writing when it is a
/// number word, a quotation when only quotation marks went, else case or
/// punctuation.
fn same_letters(old: Side<'_>, new: Side<'_>, wo: &[String]) -> Verdict {
    let (o, n) = (old.changed(), new.changed());
    let quote_marks = |s: &str| {
        s.chars()
            .filter(|c| matches!(c, '“' | '”' | '"' | '«' | '»'))
            .count()
    };
    if quote_marks(o) != quote_marks(n) {
        return verdict(ChangeKind::Quote, Why::QuoteMarks, o, n);
    }
    if wo.iter().any(|w| lexicon::value(w).is_some()) {
        return verdict(ChangeKind::NumberForm, Why::SameNumberWritten, o, n);
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
        return verdict(ChangeKind::Spelling, Why::JoinedOrMarked, o, n);
    }
    verdict(ChangeKind::CasePunctuation, Why::CaseOrPunctuation, o, n)
}

/// Names on both sides: the same name spelled differently (by transliteration-
/// aware letters), another name for the same thing (initials), or a different
/// name.
fn names(old: Side<'_>, new: Side<'_>, wo: &[String], wn: &[String]) -> Option<Verdict> {
    if wo.is_empty() || wn.is_empty() || wo.len() > 5 || wn.len() > 5 {
        return None;
    }
    let (o, n) = (old.changed(), new.changed());
    let (po, pn) = (all_proper(old), all_proper(new));
    let any_proper = |s: Side<'_>| {
        raw_words(s.changed())
            .iter()
            .any(|w| is_proper(w, false) && !NAME_GLUE.contains(&w.to_lowercase().as_str()))
    };
    if wo.len() <= 3 && wn.len() <= 3 && any_proper(old) && any_proper(new) && same_name(o, n) {
        return Some(verdict(ChangeKind::NameSpelling, Why::SameName, o, n));
    }
    if po && pn {
        let (ro, rn) = (raw_words(o), raw_words(n));
        let acronym = |ws: &[&str]| -> Option<String> {
            (ws.len() == 1 && ws[0].chars().filter(|c| c.is_uppercase()).count() >= 2).then(|| {
                ws[0]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase)
                    .collect()
            })
        };
        let same = acronym(&ro).is_some_and(|a| a == initials(&rn))
            || acronym(&rn).is_some_and(|a| a == initials(&ro));
        let why = if same {
            Why::AnotherNameForSame
        } else {
            Why::NamedDifferently
        };
        return Some(verdict(ChangeKind::Name, why, o, n));
    }
    None
}

/// A change next to a number: a qualifier of it (at least two / two) changes
/// the claim; anything else (73 of 329 / 73 out of 329, 54 / 54-year-old) only
/// its writing.
fn near_number(old: Side<'_>, new: Side<'_>, wo: &[String], wn: &[String]) -> Option<Verdict> {
    if wo.len() > 3 || wn.len() > 3 {
        return None;
    }
    let touches = |s: Side<'_>| {
        s.word_before().is_some_and(|w| lexicon::value(w).is_some())
            || s.word_after().is_some_and(|w| lexicon::value(w).is_some())
    };
    if !(touches(old) || touches(new)) {
        return None;
    }
    let (o, n) = (old.changed(), new.changed());
    let qualifier = |ws: &[String]| ws.iter().any(|w| lexicon::QUALIFIERS.contains(&w.as_str()));
    if qualifier(wo) || qualifier(wn) {
        return Some(verdict(ChangeKind::Number, Why::Qualifier, o, n));
    }
    Some(verdict(
        ChangeKind::NumberForm,
        Why::SameNumberWritten,
        o,
        n,
    ))
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
    if (no == 0) != (nn == 0) {
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
    if (sourced(old, wo) || sourced(new, wn))
        && !wo.is_empty()
        && !wn.is_empty()
        && wo.len() <= 8
        && wn.len() <= 8
    {
        return Some(verdict(ChangeKind::Attribution, Why::Source, o, n));
    }
    None
}

/// A noun in the singular on one side and the plural on the other.
fn plural(wo: &[String], wn: &[String]) -> Option<Verdict> {
    if wo.is_empty() || wn.is_empty() || wo.len() > 4 || wn.len() > 4 {
        return None;
    }
    for a in wo {
        for b in wn {
            let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
            if short.len() >= 4
                && (long.strip_suffix('s') == Some(short) || long.strip_suffix("es") == Some(short))
            {
                return Some(verdict(ChangeKind::Number, Why::SingularPlural, a, b));
            }
        }
    }
    None
}

/// A change narrowed to a plural ending ("drone" + "s").
fn plural_suffix(old: Side<'_>, new: Side<'_>) -> Option<Verdict> {
    let (o, n) = (old.changed(), new.changed());
    let (side, ending) = match (o.is_empty(), n.is_empty()) {
        (true, false) => (new, n),
        (false, true) => (old, o),
        _ => return None,
    };
    let glued = side.text[..side.span.start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphabetic);
    let stem_len = side.text[..side.span.start]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .count();
    (glued && stem_len >= 4 && matches!(ending, "s" | "es")).then(|| {
        let word = side.word_before().unwrap_or("");
        let plural = format!("{word}{ending}");
        if n.is_empty() {
            verdict(ChangeKind::Number, Why::SingularPlural, &plural, word)
        } else {
            verdict(ChangeKind::Number, Why::SingularPlural, word, &plural)
        }
    })
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
        use ChangeKind::{Number, NumberForm};
        assert_eq!(
            kind_of("Seven guards were hurt", "Eight guards were hurt"),
            Number
        );
        assert_eq!(kind_of("at least two drones hit", "two drones hit"), Number);
        assert_eq!(kind_of("about 40 people", "around 40 people"), Number);
        // Not a changed number:
        assert_eq!(
            kind_of("seven guards were hurt", "7 guards were hurt"),
            NumberForm
        );
        assert_eq!(
            kind_of("won 73 of 329 seats", "won 73 out of 329 seats"),
            NumberForm
        );
        assert_eq!(
            kind_of("Seven of his guards", "seven of his guards"),
            NumberForm
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
    }
}
