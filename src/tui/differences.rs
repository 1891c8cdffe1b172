//! The differences panel's list: the changes between the reference and the
//! other versions on screen, optionally of one kind, in row order; and the
//! kind filter that `n`/`N` share with it.

use super::app::App;
use crate::compare::RowChange;
use crate::diff::ChangeKind;

/// The panel's state: the listed changes (indices into `cmp.changes`) and the
/// selected line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiffPanel {
    /// Listed changes, in row order.
    pub items: Vec<usize>,
    /// Selected line.
    pub cursor: usize,
}

/// The changes the panel lists for the app's reference, shown versions and
/// kind filter.
#[must_use]
pub fn list(app: &App) -> Vec<usize> {
    let others = others(app);
    app.cmp
        .changes
        .iter()
        .enumerate()
        .filter(|(_, c)| against_reference(app, &others, c))
        .filter(|(_, c)| app.kind_filter.is_none_or(|k| c.change.kind == k))
        .map(|(i, _)| i)
        .collect()
}

/// The versions on screen besides the reference.
fn others(app: &App) -> Vec<usize> {
    app.columns()
        .into_iter()
        .filter(|&v| v != app.reference)
        .collect()
}

/// Whether `c` is between the reference and one of `others`.
fn against_reference(app: &App, others: &[usize], c: &RowChange) -> bool {
    (c.against == app.reference && others.contains(&c.version))
        || (c.version == app.reference && others.contains(&c.against))
}

/// The kind after (or before) `current` among those the comparison has, with
/// `None` (every kind) at both ends of the cycle.
#[must_use]
pub fn cycle_kind(app: &App, current: Option<ChangeKind>, forward: bool) -> Option<ChangeKind> {
    let present: Vec<ChangeKind> = ChangeKind::ALL
        .into_iter()
        .filter(|k| app.cmp.changes.iter().any(|c| c.change.kind == *k))
        .collect();
    let mut cycle: Vec<Option<ChangeKind>> = vec![None];
    cycle.extend(present.into_iter().map(Some));
    let at = cycle.iter().position(|k| *k == current).unwrap_or(0);
    let n = cycle.len();
    cycle[if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    }]
}

/// Counts of the listed changes per kind (for the panel's title).
#[must_use]
pub fn counts(app: &App) -> Vec<(ChangeKind, usize)> {
    let others = others(app);
    let mut n = [0usize; ChangeKind::ALL.len()];
    for c in app
        .cmp
        .changes
        .iter()
        .filter(|c| against_reference(app, &others, c))
    {
        if let Some(i) = ChangeKind::ALL.iter().position(|k| *k == c.change.kind) {
            n[i] += 1;
        }
    }
    ChangeKind::ALL
        .into_iter()
        .zip(n)
        .filter(|(_, n)| *n > 0)
        .collect()
}
