//! Quotations: where they are in a text, and whether a change lies in the
//! same speaker's quotation on both sides (not two different quotations that
//! happen to share a row).

#[allow(clippy::wildcard_imports)] // the classifier's shared helpers and word lists
use super::*;

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

/// The quotation a change (or its insertion point) lies inside, if any.
pub(super) fn quotation(side: Side<'_>) -> Option<Range<usize>> {
    let at = side.span.start;
    side.quotes
        .iter()
        .find(|q| {
            if side.span.is_empty() {
                q.start < at && at < q.end
            } else {
                q.start <= at && side.span.end <= q.end && at < q.end
            }
        })
        .cloned()
}

/// Whether a change lies in one quotation seen from both sides: inside
/// quotation marks on at least one side, and the quotation (or, where the
/// marks were lost, the sentence) around it on each side shares its words
/// with the other's, so the two are the same speaker's words and not two
/// different quotations.
pub(super) fn same_quotation(old: Side<'_>, new: Side<'_>) -> bool {
    let (qo, qn) = (quotation(old), quotation(new));
    if qo.is_none() && qn.is_none() {
        return false;
    }
    let context = |s: Side<'_>, q: Option<Range<usize>>| -> Vec<String> {
        let t = q.map_or_else(|| sentence_around(s), |q| &s.text[q]);
        let mut w = plain_words(t);
        w.retain(|x| x.len() > 3);
        w.sort();
        w.dedup();
        w
    };
    let (co, cn) = (context(old, qo), context(new, qn));
    if co.is_empty() || cn.is_empty() {
        return false;
    }
    let common = co.iter().filter(|w| cn.binary_search(w).is_ok()).count();
    #[allow(clippy::cast_precision_loss)] // word counts are small
    let dice = 2.0 * common as f32 / (co.len() + cn.len()) as f32;
    dice >= 0.4
}
