//! A first, local reading of what kind a change is, from the two strings and
//! whether the change sits inside a quotation.
//!
//! Precedence, most specific first: case/punctuation (nothing but case, marks or
//! spacing differ) > date > number > spelling (one word, a few letters apart) >
//! quote (wording inside quotation marks) > wording. Dates come before numbers
//! because "November 5" holds a number but is a date; numbers before spelling
//! because "seven"/"eight" is a few letters apart yet a different fact; quote
//! comes after them because a changed number inside a quotation is first of all a
//! changed number.

use std::ops::Range;

use super::ChangeKind;
use crate::text;

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "first",
    "second",
    "both",
    "several",
    "once",
    "twice",
    "single",
    "double",
    "triple",
    "percent",
    "per",
];

const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "weekend",
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "overnight",
];

/// Month names that are also common words: dates only when capitalised.
const CAPITALISED_DATE_WORDS: &[&str] = &["March", "May"];

fn words(s: &str) -> Vec<String> {
    text::words(s)
}

fn has_number(s: &str, words: &[String]) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        || words
            .iter()
            .any(|w| w.split('-').any(|part| NUMBER_WORDS.contains(&part)))
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

fn is_spelling((a, wa): (&str, &[String]), (b, wb): (&str, &[String])) -> bool {
    if wa.len() > 2 || wb.len() > 2 || a.is_empty() || b.is_empty() {
        return false;
    }
    let longest = a.chars().count().max(b.chars().count());
    let limit = 2.min(longest / 3);
    limit > 0 && edit_distance(a, b, limit) <= limit
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

/// The kind of one change. `old_quotes`/`new_quotes` are the quotation spans of
/// the two full texts (see [`quotations`]).
#[must_use]
pub fn classify(
    (old, old_span): (&str, &Range<usize>),
    (new, new_span): (&str, &Range<usize>),
    old_quotes: &[Range<usize>],
    new_quotes: &[Range<usize>],
) -> ChangeKind {
    let (sa, sb) = (skeleton(old), skeleton(new));
    if sa == sb && !(old.trim().is_empty() && new.trim().is_empty()) {
        return ChangeKind::CasePunctuation;
    }
    let (wa, wb) = (words(old), words(new));
    if has_date(old, &wa) || has_date(new, &wb) {
        return ChangeKind::Date;
    }
    if has_number(old, &wa) || has_number(new, &wb) {
        return ChangeKind::Number;
    }
    if is_spelling((&sa, &wa), (&sb, &wb)) {
        return ChangeKind::Spelling;
    }
    if inside(old_span, old_quotes) || inside(new_span, new_quotes) {
        return ChangeKind::Quote;
    }
    if old.trim().is_empty() {
        return ChangeKind::Added;
    }
    if new.trim().is_empty() {
        return ChangeKind::Removed;
    }
    ChangeKind::Wording
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(old: &str, new: &str) -> ChangeKind {
        classify((old, &(0..old.len())), (new, &(0..new.len())), &[], &[])
    }

    #[test]
    fn kinds_by_precedence() {
        assert_eq!(k("Seven", "seven"), ChangeKind::CasePunctuation);
        assert_eq!(k(",", "."), ChangeKind::CasePunctuation);
        assert_eq!(k("on Mr", "onMr"), ChangeKind::CasePunctuation);
        assert_eq!(k("seven", "eight"), ChangeKind::Number);
        assert_eq!(k("54,", "54-year-old"), ChangeKind::Number);
        assert_eq!(k("Friday", "November 5"), ChangeKind::Date);
        assert_eq!(k("may", "could"), ChangeKind::Wording);
        assert_eq!(k("Sunday", "today"), ChangeKind::Date);
        assert_eq!(k("al-Kadhimi", "al-Khadimi"), ChangeKind::Spelling);
        assert_eq!(k("Mobilization", "Mobilisation"), ChangeKind::Spelling);
        assert_eq!(
            k("nonresident", "non-resident"),
            ChangeKind::CasePunctuation
        );
        assert_eq!(k("wounded", "injured"), ChangeKind::Wording);
        assert_eq!(k("", "heavy"), ChangeKind::Added);
        assert_eq!(k("heavy", ""), ChangeKind::Removed);
    }

    #[test]
    fn change_inside_quotation_is_quote() {
        let old = "“Cowardly rocket attacks,” he said";
        let q = quotations(old);
        let span = old.find("rocket").map(|s| s..s + 6).unwrap();
        assert_eq!(
            classify(("rocket", &span), ("missile", &span), &q, &[]),
            ChangeKind::Quote
        );
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
