//! Numbers: quantities on both sides with another value, another qualifier
//! class ("at least" / "about"), the same value written otherwise, or one
//! thing against several ("a drone" / "the drones").

#[allow(clippy::wildcard_imports)] // the classifier's shared helpers and word lists
use super::*;

/// The values of the quantities among `words`, sorted.
pub(super) fn values(words: &[String]) -> Vec<u64> {
    let mut v: Vec<u64> = words
        .iter()
        .filter_map(|w| lexicon::value(w))
        // Compare values at a fixed precision: 2/3 and 0.6667 are the same.
        .map(|x| (x * 1000.0).round().to_bits())
        .collect();
    v.sort_unstable();
    v
}

/// Quantities on both sides: another value (number), the same value written
/// otherwise (number form), or another qualifier of the same number ("at
/// least" / "about" two). "about" / "around" is one qualifier; "one" / "a"
/// is one count.
pub(super) fn numbers(
    old: Side<'_>,
    new: Side<'_>,
    wo: &[String],
    wn: &[String],
) -> Option<Verdict> {
    let (o, n) = (old.changed(), new.changed());
    let (vo, vn) = (values(wo), values(wn));
    if !vo.is_empty() && !vn.is_empty() {
        if vo != vn {
            return Some(verdict(ChangeKind::Number, Why::NumberChanged, o, n));
        }
        return Some(verdict(
            ChangeKind::NumberForm,
            Why::SameNumberWritten,
            o,
            n,
        ));
    }
    if !vo.is_empty() || !vn.is_empty() {
        return None;
    }
    // Qualifiers of the same number on both sides.
    let next_value = |s: Side<'_>| s.word_after().and_then(lexicon::value);
    let (qo, qn) = (qualifiers(wo)?, qualifiers(wn)?);
    if next_value(old).is_none() || next_value(old) != next_value(new) {
        return None;
    }
    Some(if qo == qn {
        verdict(ChangeKind::Wording, Why::DifferentWords, o, n)
    } else {
        verdict(ChangeKind::Number, Why::Qualifier, o, n)
    })
}

/// The qualifier classes of words that are all qualifiers ("at least"), or
/// `None` when some word is not one.
pub(super) fn qualifiers(words: &[String]) -> Option<Vec<u8>> {
    let mut classes = Vec::new();
    for w in words {
        match lexicon::qualifier_class(w) {
            Some(c) => classes.push(c),
            None if matches!(w.as_str(), "at" | "than" | "to") => {}
            None => return None,
        }
    }
    classes.sort_unstable();
    classes.dedup();
    (!classes.is_empty()).then_some(classes)
}

/// "a drone" / "the drones": one thing against several, told by the article
/// and the noun's number on each side.
pub(super) fn article_count(
    old: Side<'_>,
    new: Side<'_>,
    wo: &[String],
    wn: &[String],
) -> Option<Verdict> {
    let ([a], [b]) = (wo, wn) else {
        return None;
    };
    let one = |w: &str| matches!(w, "a" | "an" | "one");
    let several = |w: &str| matches!(w, "the" | "some" | "several");
    if !(one(a) && several(b) || several(a) && one(b)) {
        return None;
    }
    let (na, nb) = (
        old.word_after()?.to_lowercase(),
        new.word_after()?.to_lowercase(),
    );
    let singular_plural = |s: &str, p: &str| {
        s.len() >= 3 && (p.strip_suffix('s') == Some(s) || p.strip_suffix("es") == Some(s))
    };
    let count_changed = if one(a) {
        singular_plural(&na, &nb)
    } else {
        singular_plural(&nb, &na)
    };
    count_changed.then(|| {
        verdict(
            ChangeKind::Number,
            Why::QuantityDiffers,
            &format!("{a} {na}"),
            &format!("{b} {nb}"),
        )
    })
}
