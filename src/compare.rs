//! The whole comparison as one value: classify boilerplate, align, diff every row.
//!
//! This is the single entry point the CLI, the exports and the terminal UI share,
//! so they always show the same thing.

use serde::{Deserialize, Serialize};

use crate::align::{self, AlignConfig, AlignmentTable};
use crate::boilerplate::{BoilerplateConfig, Classifier, PatternError};
use crate::diff::{self, Change, DiffOptions};
use crate::model::Version;

/// Engine settings (the `[align]` and `[boilerplate]` tables of the config file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EngineConfig {
    /// Aligner thresholds.
    pub align: AlignConfig,
    /// Boilerplate rules.
    pub boilerplate: BoilerplateConfig,
}

/// One change inside a row, between two versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowChange {
    /// Row index.
    pub row: usize,
    /// The version whose text reads `change.new`.
    pub version: usize,
    /// The version whose text reads `change.old`.
    pub against: usize,
    /// What changed; spans index the two cells' texts as built by [`Comparison::cell_text`].
    pub change: Change,
}

/// Everything wirediff knows about a set of versions.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The versions, with paragraph kinds set.
    pub versions: Vec<Version>,
    /// Rows of aligned paragraphs.
    pub table: AlignmentTable,
    /// Per row, the mean word similarity of the versions present (1.0 for one version).
    pub similarity: Vec<f64>,
    /// Changes of every row between every pair of versions present (`against < version`).
    pub changes: Vec<RowChange>,
}

impl Comparison {
    /// The text of version `v`'s cell in `row`: its paragraphs joined by a blank line.
    #[must_use]
    pub fn cell_text(&self, row: usize, v: usize) -> String {
        let ids = &self.table.rows[row].cells[v];
        ids.iter()
            .filter_map(|&id| self.versions[v].paragraphs.get(id))
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Whether all versions tell the same story in the same words: every row has
    /// every version and no change was found.
    #[must_use]
    pub fn identical(&self) -> bool {
        self.changes.is_empty()
            && self
                .table
                .rows
                .iter()
                .all(|r| r.cells.iter().all(|c| !c.is_empty()))
    }
}

/// Runs the whole engine on decoded versions.
///
/// # Errors
/// When a configured boilerplate pattern does not compile.
pub fn compare(mut versions: Vec<Version>, cfg: &EngineConfig) -> Result<Comparison, PatternError> {
    Classifier::new(&cfg.boilerplate)?.classify(&mut versions);
    let table = align::align(&versions, &cfg.align);
    let mut cmp = Comparison {
        versions,
        table,
        similarity: Vec::new(),
        changes: Vec::new(),
    };
    let opts = DiffOptions::default();
    for r in 0..cmp.table.rows.len() {
        let present: Vec<usize> = cmp.table.rows[r].present().collect();
        let texts: Vec<String> = present.iter().map(|&v| cmp.cell_text(r, v)).collect();
        let mut sims = Vec::new();
        for (ia, &a) in present.iter().enumerate() {
            for (ib, &b) in present.iter().enumerate().skip(ia + 1) {
                sims.push(diff::similarity(&texts[ia], &texts[ib]));
                for change in diff::changes(&texts[ia], &texts[ib], &opts) {
                    cmp.changes.push(RowChange {
                        row: r,
                        version: b,
                        against: a,
                        change,
                    });
                }
            }
        }
        #[allow(clippy::cast_precision_loss)] // pair counts are tiny
        let mean = if sims.is_empty() {
            1.0
        } else {
            sims.iter().sum::<f64>() / sims.len() as f64
        };
        cmp.similarity.push(mean);
    }
    Ok(cmp)
}
