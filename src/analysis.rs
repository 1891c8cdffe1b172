//! What a comparison means, beyond its changes: who wrote what how.
//!
//! - [`stats`]: the N×N similarity matrix, per version the share of its story
//!   that is verbatim from the reference, reworded, or its own, what it
//!   dropped, and a signal of machine paraphrase;
//! - [`entities`]: every name with its spellings and which versions use each;
//! - [`quotes`]: every quotation with its counterparts' wordings, and the ones
//!   that lost their quotation marks.
//!
//! All of it is computed from a [`crate::compare::Comparison`], never from the
//! terminal; the JSON writer and the UI read the same results.
//!
//! What does not depend on the reference is computed once per comparison, on
//! first use, and kept on it, in two parts: the [`Basis`] (word counts, the
//! matrix, the most central version: cheap, and what the first screen needs
//! to pick its reference, [`crate::compare::Comparison::basis`]) and the
//! [`Analysis`] (names, quotations and how each wording differs from the
//! first: a pass over every word, wanted only by the exports and the names
//! panel, [`crate::compare::Comparison::analysis`]). Every export and the UI
//! read those values instead of tokenising the story again each.

pub mod entities;
pub mod quotes;
pub mod stats;

use crate::compare::{Comparison, Pairing};
use crate::diff::{self, Change};

/// The counts and the likeness of the versions, independent of the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    /// Per version, its story words in each row (0 where absent).
    pub row_words: Vec<Vec<usize>>,
    /// Per version, the words of its story paragraphs.
    pub story_words: Vec<usize>,
    /// `matrix[a][b]`: similarity of versions a and b (see [`stats::matrix`]).
    pub matrix: Vec<Vec<f64>>,
    /// The version most alike all others (the default reference).
    pub most_central: usize,
}

impl Basis {
    /// Counts the words and judges the likeness of the versions.
    #[must_use]
    pub fn of(cmp: &Comparison) -> Self {
        let row_words: Vec<Vec<usize>> = (0..cmp.versions.len())
            .map(|v| stats::row_words(cmp, v))
            .collect();
        // With a hub per row, the pairing already judged which version is
        // most central, from the words the versions share: the matrix and
        // the default reference are that judgement, so the hubs are it.
        let (matrix, most_central) = match &cmp.pairing {
            Pairing::All => {
                let matrix = stats::matrix_of(cmp, &row_words);
                let central = stats::most_central(&matrix);
                (matrix, central)
            }
            Pairing::Hub { order, matrix } => (matrix.clone(), order.first().copied().unwrap_or(0)),
        };
        Self {
            story_words: cmp.versions.iter().map(|v| v.story_word_count()).collect(),
            row_words,
            matrix,
            most_central,
        }
    }
}

/// The names and quotations of a comparison, independent of the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Every name and its spellings ([`entities::entities`]).
    pub entities: Vec<entities::Entity>,
    /// Every quotation and its wordings ([`quotes::quotations`]).
    pub quotes: Vec<quotes::Quotation>,
    /// Per quotation, per wording (same order as `quotes[i].wordings`): the word
    /// changes from the first quoting version's wording to this one (empty
    /// unless it is reworded).
    pub quote_changes: Vec<Vec<Vec<Change>>>,
}

impl Analysis {
    /// Finds every name and quotation, once.
    #[must_use]
    pub fn of(cmp: &Comparison) -> Self {
        let quotes = quotes::quotations(cmp);
        let opts = diff::DiffOptions::default();
        let quote_changes = quotes
            .iter()
            .map(|q| {
                let base = q.wordings.iter().find(|w| !w.text.is_empty());
                q.wordings
                    .iter()
                    .map(|w| match base {
                        // Only a reworded quotation is marked: "same" ones
                        // differ at most in case or marks, which readers skip.
                        Some(b) if w.status == quotes::Status::Reworded => {
                            diff::changes(&b.text, &w.text, &opts)
                        }
                        _ => Vec::new(),
                    })
                    .collect()
            })
            .collect();
        Self {
            entities: entities::entities(cmp),
            quotes,
            quote_changes,
        }
    }
}
