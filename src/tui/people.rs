//! The names and quotations panel's list: every name with its spellings and
//! the versions that write each (names spelled in more than one way first),
//! then every quotation with how each version carries it. Read from the
//! comparison's [`crate::analysis::Analysis`], computed once; `Enter` goes to
//! the first row where the selected name or quotation stands.

use super::app::App;

/// One line of the panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `analysis.entities[i]`.
    Name(usize),
    /// `analysis.quotes[i]`.
    Quote(usize),
}

/// The panel's state: its entries and the selected one.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeoplePanel {
    /// Names, then quotations.
    pub entries: Vec<Entry>,
    /// Selected line.
    pub cursor: usize,
}

impl PeoplePanel {
    /// The panel for `app`'s comparison: names used by a shown version, then
    /// quotations in a row the view has.
    #[must_use]
    pub fn of(app: &App) -> Self {
        let analysis = app.cmp.analysis();
        let shown = &app.view.choice.versions;
        let names = analysis
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.forms
                    .iter()
                    .any(|f| f.versions.iter().any(|v| shown.contains(v)))
            })
            .map(|(i, _)| Entry::Name(i));
        let quotes = analysis
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| app.view.row(q.row).is_some())
            .map(|(i, _)| Entry::Quote(i));
        Self {
            entries: names.chain(quotes).collect(),
            cursor: 0,
        }
    }
}

/// The row `entry` stands in: a quotation's own row; for a name, the first
/// row of the view where a shown version writes one of its spellings.
#[must_use]
pub fn row_of(app: &App, entry: Entry) -> Option<usize> {
    let analysis = app.cmp.analysis();
    match entry {
        Entry::Quote(i) => analysis.quotes.get(i).map(|q| q.row),
        Entry::Name(i) => {
            let forms = &analysis.entities.get(i)?.forms;
            app.view
                .rows
                .iter()
                .find(|r| {
                    r.cells
                        .iter()
                        .any(|c| forms.iter().any(|f| c.text.contains(f.text.as_str())))
                })
                .map(|r| r.row)
        }
    }
}
