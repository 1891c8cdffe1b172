//! Quotations and their counterparts: every quotation of every version,
//! matched to the quotations of the same row in the other versions, with each
//! wording side by side, and whether a version kept the words but lost the
//! quotation marks (or dropped the quotation).

use serde::Serialize;

use crate::compare::Comparison;
use crate::diff::{self, kind};
use crate::text;

/// Two quotations this alike (shared tokens) are one quotation reworded.
const MIN_QUOTE_SIMILARITY: f64 = 0.3;

/// A version's quotation without marks still counts as there when this share
/// of the quotation's words is in its text.
const MIN_UNQUOTED_COVER: f64 = 0.7;

/// How a version carries a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The same words as the first version that quotes it.
    Same,
    /// Quoted, in other words.
    Reworded,
    /// The words are there, without quotation marks.
    Unquoted,
    /// The version has the row but not the quotation.
    Absent,
}

/// One version's wording of a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wording {
    /// The version.
    pub version: usize,
    /// Its words (the quotation, marks included; empty when absent).
    pub text: String,
    /// How it carries the quotation.
    pub status: Status,
}

/// One quotation across the versions of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quotation {
    /// Row index.
    pub row: usize,
    /// Every version present in the row.
    pub wordings: Vec<Wording>,
}

impl Quotation {
    /// Whether any version differs from the first wording.
    #[must_use]
    pub fn differs(&self) -> bool {
        self.wordings.iter().any(|w| w.status != Status::Same)
    }
}

fn words(s: &str) -> Vec<String> {
    text::fold_loose(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Share of `quote`'s words found in `text`.
fn cover(quote: &str, text: &str) -> f64 {
    let q = words(quote);
    if q.is_empty() {
        return 0.0;
    }
    let t: std::collections::HashSet<String> = words(text).into_iter().collect();
    #[allow(clippy::cast_precision_loss)]
    let share = q.iter().filter(|w| t.contains(*w)).count() as f64 / q.len() as f64;
    share
}

/// Every quotation, row by row.
#[must_use]
pub fn quotations(cmp: &Comparison) -> Vec<Quotation> {
    let mut out = Vec::new();
    for (r, row) in cmp.table.rows.iter().enumerate() {
        let present: Vec<usize> = row.present().collect();
        let texts: Vec<String> = present.iter().map(|&v| cmp.cell_text(r, v)).collect();
        // (version index in `present`, quotation text)
        let mut clusters: Vec<Vec<(usize, String)>> = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            for q in kind::quotations(t) {
                let qt = t[q].to_string();
                // Skip one-word scare quotes: they carry no statement.
                if words(&qt).len() < 3 {
                    continue;
                }
                let home = clusters.iter_mut().find(|c| {
                    c.iter().all(|(j, _)| *j != i)
                        && c.first().is_some_and(|(_, first)| {
                            diff::similarity(first, &qt) >= MIN_QUOTE_SIMILARITY
                        })
                });
                match home {
                    Some(c) => c.push((i, qt)),
                    None => clusters.push(vec![(i, qt)]),
                }
            }
        }
        for c in clusters {
            let first = c[0].1.clone();
            let wordings = present
                .iter()
                .enumerate()
                .map(|(i, &v)| match c.iter().find(|(j, _)| *j == i) {
                    Some((_, q)) => Wording {
                        version: v,
                        text: q.clone(),
                        status: if text::fold_loose(q) == text::fold_loose(&first) {
                            Status::Same
                        } else {
                            Status::Reworded
                        },
                    },
                    None => {
                        let inner = first.trim_matches(|ch: char| !ch.is_alphanumeric());
                        let unquoted = cover(inner, &texts[i]) >= MIN_UNQUOTED_COVER;
                        Wording {
                            version: v,
                            text: String::new(),
                            status: if unquoted {
                                Status::Unquoted
                            } else {
                                Status::Absent
                            },
                        }
                    }
                })
                .collect();
            out.push(Quotation { row: r, wordings });
        }
    }
    out
}
