//! Dates: the date expressions of a change's sides, normalised ("Oct." and
//! "October" alike), and the date kinds: another date on both sides, the same
//! date written otherwise, or a date replaced elsewhere in the counterpart
//! sentence.

#[allow(clippy::wildcard_imports)] // the classifier's shared helpers and word lists
use super::*;

/// The date expressions of a side of a change, normalised ("Oct." and
/// "October" alike): day and month names, relative days, years, and day
/// numbers next to a month.
pub(super) fn date_terms(side: Side<'_>, words: &[String]) -> Vec<String> {
    // Asked of both sides of every change, most of which name no date: a
    // side none of whose words could be one is answered before its raw
    // words are gathered.
    let may_date = |w: &String| {
        let w = crate::diff::names::bare(w).trim_end_matches('.');
        lexicon::month(w).is_some()
            || DATE_WORDS.contains(&w)
            || is_year(w)
            || lexicon::value(w.trim_end_matches(|c: char| c.is_alphabetic())).is_some()
    };
    if !words.iter().any(may_date) {
        return Vec::new();
    }
    let raw = raw_words(whole_words(side));
    let month_near = side
        .word_before()
        .is_some_and(|w| lexicon::month(w).is_some())
        || side
            .word_after()
            .is_some_and(|w| lexicon::month(w).is_some());
    let months = raw.iter().any(|w| lexicon::month(w).is_some()) || month_near;
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let w = crate::diff::names::bare(w).trim_end_matches('.');
        if let Some(m) = lexicon::month(w) {
            // "May" and "March" are months only when capitalised.
            let capital = raw
                .get(i)
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            if !lexicon::CAPITALISED_DATE_WORDS
                .iter()
                .any(|c| c.eq_ignore_ascii_case(w))
                || capital
            {
                out.push(m.to_string());
            }
        } else if DATE_WORDS.contains(&w) {
            out.push(w.to_string());
        } else if is_year(w) {
            out.push(format!("year {w}"));
        } else if months
            && let Some(v) = lexicon::value(w.trim_end_matches(|c: char| c.is_alphabetic()))
            && (1.0..=31.0).contains(&v)
        {
            out.push(format!("day {v}"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A year as a date term: four digits from 1900 to 2099.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|c| c.is_ascii_digit())
}

/// A date on one side of a change whose counterpart sentence names another
/// date the first lacks, while lacking this one ("clashes on November 5"
/// against "Friday's clashes"): the date was replaced, elsewhere in the
/// sentence. A date that only moved, or one the other sentence has no other
/// date for, is not a date change.
pub(super) fn date_replaced(
    side: Side<'_>,
    other: Side<'_>,
    words: &[String],
    o: &str,
    n: &str,
) -> Option<Verdict> {
    let here = date_terms(side, words);
    if here.is_empty() {
        return None;
    }
    // Only the date and its little words ("on Friday", "November 5"), not a
    // clause that happens to name a day.
    let glue = [
        "on", "in", "at", "the", "of", "early", "late", "last", "this", "next", "by",
    ];
    let other_words = words
        .iter()
        .filter(|w| {
            let w = crate::diff::names::bare(w).trim_end_matches('.');
            !glue.contains(&w)
                && !DATE_WORDS.contains(&w)
                && lexicon::month(w).is_none()
                && lexicon::value(w.trim_end_matches(|c: char| c.is_alphabetic())).is_none()
        })
        .count();
    if other_words > 0 {
        return None;
    }
    let sentence_terms = |s: Side<'_>| {
        let t = sentence_around(s);
        let span = 0..t.len();
        let whole = Side {
            text: t,
            span: &span,
            quotes: &[],
            noisy: false,
        };
        date_terms(whole, &plain_words(t))
    };
    let (mine, theirs) = (sentence_terms(side), sentence_terms(other));
    let replaced = here.iter().all(|d| !theirs.contains(d))
        && theirs
            .iter()
            .any(|d| !mine.contains(d) && !d.starts_with("year"));
    replaced.then(|| verdict(ChangeKind::Date, Why::DayOrDate, o, n))
}

/// A date on both sides: another date (date), or the same written otherwise
/// (number form: "Oct. 10" / "October 10").
pub(super) fn dates(old: Side<'_>, new: Side<'_>, wo: &[String], wn: &[String]) -> Option<Verdict> {
    let (o, n) = (old.changed(), new.changed());
    let (dx, dy) = (date_terms(old, wo), date_terms(new, wn));
    if dx.is_empty() || dy.is_empty() {
        return None;
    }
    Some(if dx == dy {
        verdict(ChangeKind::NumberForm, Why::SameNumberWritten, o, n)
    } else {
        verdict(ChangeKind::Date, Why::DayOrDate, o, n)
    })
}
