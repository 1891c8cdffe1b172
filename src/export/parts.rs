//! What several printers write alike: a cell's text cut into plain and
//! changed pieces, the spacing of removed text, shares as percentages, and
//! the statistics columns. Pure formatting: what the pieces mean (which side,
//! which kind) comes from the [`crate::view::StoryView`] the printers read.

use crate::view::Oriented;

/// Pieces of a version's cell text: `(text, Some(change))` for changed stretches,
/// `(text, None)` between them; removed text (empty `new`) appears as its own piece
/// at the place it was, carrying the old text. Changes found across the row
/// (`across`) are left out: their spans may lie inside others, and the
/// printers list them after the cell.
#[must_use]
pub fn pieces<'a>(text: &'a str, changes: &'a [Oriented]) -> Vec<(&'a str, Option<&'a Oriented>)> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut sorted: Vec<&Oriented> = changes.iter().filter(|c| !c.across).collect();
    sorted.sort_by_key(|c| (c.new_span.start, c.new_span.end));
    // Where each piece goes in the cell text: its own start, except for a
    // removal that replaces the addition just before it (text unpaired at one
    // place, see `diff::refine::unpair_across_sentences`), which is shown
    // first, as a diff reads: what went, then what came.
    let mut placed: Vec<(usize, &Oriented)> =
        sorted.iter().map(|c| (c.new_span.start, *c)).collect();
    for i in 1..placed.len() {
        let (added, removed) = (placed[i - 1].1, placed[i].1);
        if added.old.is_empty()
            && removed.new.is_empty()
            && added.new_span.end == removed.new_span.start
            && added.old_span.end <= removed.old_span.start
        {
            placed.swap(i - 1, i);
            placed[i - 1].0 = added.new_span.start;
        }
    }
    for (pos, c) in placed {
        let Some(before) = text.get(at..pos) else {
            continue;
        };
        out.push((before, None));
        if c.new.is_empty() {
            out.push((c.old.as_str(), Some(c)));
        } else {
            out.push((text.get(c.new_span.clone()).unwrap_or(""), Some(c)));
        }
        // A removal takes no room in the cell text.
        at = if c.new.is_empty() {
            pos
        } else {
            c.new_span.end
        }
        .max(at);
    }
    out.push((text.get(at..).unwrap_or(""), None));
    out.retain(|(t, c)| !t.is_empty() || c.is_some());
    out
}

/// Whether a deleted piece (text that is not in the cell, shown at its place)
/// needs a space before and after so it does not glue onto its neighbours:
/// "attempt" + "that targeted" + "against" reads "attempt that targeted against".
#[must_use]
pub fn deletion_spacing(pieces: &[(&str, Option<&Oriented>)], i: usize) -> (bool, bool) {
    let piece = pieces[i].0;
    let before = i
        .checked_sub(1)
        .and_then(|j| pieces[j].0.chars().next_back())
        .is_some_and(|c| !c.is_whitespace())
        && !piece.starts_with(char::is_whitespace);
    let after = pieces
        .get(i + 1)
        .and_then(|(t, _)| t.chars().next())
        .is_some_and(char::is_alphanumeric)
        && !piece.ends_with(char::is_whitespace);
    (before, after)
}

/// A share as a whole percentage.
#[must_use]
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The per-version statistics columns both reports print, in order:
/// verbatim, reworded, unique, rows dropped, words dropped, swaps, rewrites.
#[must_use]
pub fn stats_cells(s: &crate::analysis::stats::VersionStats) -> [String; 7] {
    [
        pct(s.verbatim),
        pct(s.reworded),
        pct(s.unique),
        s.dropped_rows.to_string(),
        s.dropped_words.to_string(),
        s.swaps.to_string(),
        s.rewrites.to_string(),
    ]
}

/// What the statistics columns mean, naming the reference (already escaped
/// for the report's format).
#[must_use]
pub fn stats_note(reference: &str) -> String {
    format!(
        "Shares of each version’s story words against the reference, {reference}: verbatim (word for word the reference’s), reworded (in paragraphs the reference has, in other words), unique (in paragraphs the reference lacks). Rows and words dropped: the reference’s paragraphs the version lacks. Likely machine paraphrase: at least {} one-word swaps against the reference, and {} or more per clause-sized rewrite.",
        crate::analysis::stats::PARAPHRASE_MIN_SWAPS,
        crate::analysis::stats::PARAPHRASE_SWAPS_PER_REWRITE
    )
}
