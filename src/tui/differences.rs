//! The differences panel's list: the changes between the reference and the
//! other versions on screen, optionally of one kind, in the view's order (the
//! order `n`/`N` walk); and the kind filter that `n`/`N` share with it. All of
//! it is read from the app's [`crate::view::StoryView`], already oriented.

use super::app::App;
use crate::diff::ChangeKind;

/// The panel's state: the listed changes (indices into `view.changes`) and the
/// selected line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DiffPanel {
    /// Listed changes, in row order.
    pub items: Vec<usize>,
    /// Selected line.
    pub cursor: usize,
}

/// The changes the panel lists for the app's view and kind filter.
#[must_use]
pub fn list(app: &App) -> Vec<usize> {
    app.view
        .changes
        .iter()
        .enumerate()
        .filter(|(_, c)| app.kind_filter.is_none_or(|k| c.kind == k) && app.shows_kind(c.kind))
        .map(|(i, _)| i)
        .collect()
}

/// The kind after (or before) `current` among those the view has, with
/// `None` (every kind) at both ends of the cycle.
#[must_use]
pub fn cycle_kind(app: &App, current: Option<ChangeKind>, forward: bool) -> Option<ChangeKind> {
    let mut cycle: Vec<Option<ChangeKind>> = vec![None];
    cycle.extend(app.view.kind_counts().into_iter().map(|(k, _)| Some(k)));
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
    app.view.kind_counts()
}
