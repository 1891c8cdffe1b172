//! The UI state and its one mutation path, [`App::update`].
//!
//! Keys become [`Action`]s (see `keymap.rs`); every change of state happens here;
//! views only read. Geometry (the viewport size) is set by the event loop before
//! a frame, never during drawing. Display "items" are the aligned rows, plus
//! boilerplate paragraphs placed where they stand when the user shows them.
//!
//! What the screen shows from the reference (every change oriented, counted
//! and ordered) is one [`StoryView`], rebuilt after an action only when the
//! choice it was built for (reference, shown versions and their order,
//! boilerplate) changed; every view and the export read it.

use super::differences::{self, DiffPanel};
use super::export_dialog::{self, ExportDialog, ExportRequest};
use super::keymap::{Action, Key, KeyCode, Keymap};
use super::layout;
use super::people::{self, PeoplePanel};
use crate::compare::Comparison;
use crate::diff::ChangeKind;
use crate::model::ParagraphKind;
use crate::view::{Choice, Oriented, StoryView};

/// What the main area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// All shown versions side by side.
    Side,
    /// The reference against the focused version only.
    Pair {
        /// One column with insertions and deletions inline, or two columns.
        inline: bool,
    },
}

/// A layer drawn over the main area that takes the keys while open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing open.
    None,
    /// The key help.
    Help,
    /// The versions list.
    Versions,
    /// Typing a search; holds what was typed so far.
    Search(String),
    /// The export dialog.
    Export(ExportDialog),
    /// The overview: similarity heat map, coverage, who changed what.
    Overview,
    /// The differences panel: every change against the reference, by kind.
    Differences(DiffPanel),
    /// The names and quotations panel.
    People(PeoplePanel),
}

/// One thing the main area lists, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// An aligned row.
    Row(usize),
    /// Boilerplate paragraphs of one version, shown in place.
    Boilerplate {
        /// The version.
        version: usize,
        /// Its paragraph ids.
        paras: Vec<usize>,
    },
}

/// Where the view starts: an item and a line inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Index into [`App::items`].
    pub item: usize,
    /// Line within that item.
    pub line: usize,
}

/// The whole UI state.
#[derive(Debug)]
pub struct App {
    /// The comparison shown.
    pub cmp: Comparison,
    /// Key bindings.
    pub keymap: Keymap,
    /// Version indices in display order.
    pub order: Vec<usize>,
    /// Per version: shown as a column.
    pub shown: Vec<bool>,
    /// The reference version (changes are highlighted against it).
    pub reference: usize,
    /// The focused version.
    pub focus: usize,
    /// First visible column among the shown ones (horizontal scroll).
    pub col_offset: usize,
    /// Side by side or pair.
    pub mode: Mode,
    /// The open overlay.
    pub overlay: Overlay,
    /// Boilerplate shown in place.
    pub show_boilerplate: bool,
    /// Top of the view.
    pub top: Pos,
    /// What the main area lists.
    pub items: Vec<Item>,
    /// The active search, if any.
    pub search: Option<String>,
    /// The change `n`/`N` is on: index into `view.changes`.
    pub current_change: Option<usize>,
    /// Selected line of the versions list.
    pub versions_cursor: usize,
    /// A one-line message for the status line.
    pub message: Option<String>,
    /// Width and height of the terminal.
    pub viewport: (u16, u16),
    /// Set when the user quits.
    pub quit: bool,
    /// Set when the user asks to suspend (the loop does it).
    pub suspend: bool,
    /// An export the dialog confirmed; the event loop carries it out.
    pub export: Option<ExportRequest>,
    /// The comparison seen from the reference, as the screen shows it.
    pub view: StoryView,
    /// Only changes of this kind for `n`/`N` and the differences panel.
    pub kind_filter: Option<ChangeKind>,
    /// The kinds a reader reads past ([`MINOR_KINDS`]) are hidden: not
    /// marked, not listed, skipped by `n`/`N`.
    pub hide_minor: bool,
    /// The legend line of change styles is shown above the status line.
    pub legend: bool,
    /// Changes of the kinds a fact-checker acts on carry a short tag after
    /// them (`[date]`): set for a theme without colour, where styles run out
    /// before kinds do.
    pub kind_tags: bool,
    /// Text the user asked to copy; the event loop puts it on the clipboard
    /// (OSC 52) and in a file, and takes it.
    pub copy: Option<CopyRequest>,
    /// Whether the mouse is captured (wheel and clicks reach wirediff) or
    /// left to the terminal (its own selection); the event loop applies it.
    pub mouse_capture: bool,
}

/// What `c` copies: a cell's text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyRequest {
    /// The row (0-based).
    pub row: usize,
    /// The version.
    pub version: usize,
    /// The text, as the input has it.
    pub text: String,
}

/// The shortest screen that spares a line for the legend.
pub const LEGEND_MIN_HEIGHT: u16 = 16;

/// The kinds a reader reads past, hidden together by [`Action::HideMinor`].
pub const MINOR_KINDS: [ChangeKind; 3] = [
    ChangeKind::Wording,
    ChangeKind::CasePunctuation,
    ChangeKind::Spelling,
];

impl App {
    /// A new UI state for `cmp`, with the version closest to all others as the
    /// reference, shown as the first column.
    #[must_use]
    pub fn new(cmp: Comparison, keymap: Keymap, viewport: (u16, u16)) -> Self {
        let n = cmp.versions.len();
        let reference = cmp.default_reference();
        // The reference reads first, on the left, as the "before" of a diff.
        let order: Vec<usize> = std::iter::once(reference)
            .chain((0..n).filter(|&v| v != reference))
            .collect();
        let view = StoryView::new(
            &cmp,
            Choice {
                reference,
                versions: order.clone(),
                boilerplate: false,
            },
        );
        let mut app = Self {
            cmp,
            keymap,
            order,
            shown: vec![true; n],
            reference,
            focus: reference,
            col_offset: 0,
            mode: Mode::Side,
            overlay: Overlay::None,
            show_boilerplate: false,
            top: Pos::default(),
            items: Vec::new(),
            search: None,
            current_change: None,
            versions_cursor: 0,
            message: None,
            viewport,
            quit: false,
            suspend: false,
            export: None,
            view,
            kind_filter: None,
            hide_minor: false,
            legend: true,
            kind_tags: false,
            copy: None,
            mouse_capture: true,
        };
        app.focus = app
            .shown_versions()
            .into_iter()
            .find(|&v| v != app.reference)
            .unwrap_or(app.reference);
        app.rebuild_items();
        app.sync_view();
        app
    }

    /// What the screen shows: the reference, the versions on screen in order
    /// (the pair in the pair view), boilerplate or not.
    #[must_use]
    pub fn choice(&self) -> Choice {
        let versions = match self.mode {
            Mode::Side => self.shown_versions(),
            Mode::Pair { .. } if self.focus == self.reference => vec![self.reference],
            Mode::Pair { .. } => vec![self.reference, self.focus],
        };
        Choice {
            reference: self.reference,
            versions,
            boilerplate: self.show_boilerplate,
        }
    }

    /// Rebuilds the view when the choice changed (and only then), keeping the
    /// current change when the new view still has it.
    pub fn sync_view(&mut self) {
        debug_assert_eq!(self.view_is_current(), self.choice() == self.view.choice);
        if self.view_is_current() {
            return;
        }
        let choice = self.choice();
        let current = self.current().cloned();
        self.view = StoryView::new(&self.cmp, choice);
        self.current_change = current.and_then(|c| self.view.changes.iter().position(|x| *x == c));
    }

    /// Whether the view was built for what the screen shows now: compared
    /// without building the choice, as this runs after every key.
    fn view_is_current(&self) -> bool {
        let c = &self.view.choice;
        if c.reference != self.reference || c.boilerplate != self.show_boilerplate {
            return false;
        }
        match self.mode {
            Mode::Side => self
                .order
                .iter()
                .copied()
                .filter(|&v| self.shown[v])
                .eq(c.versions.iter().copied()),
            Mode::Pair { .. } if self.focus == self.reference => c.versions == [self.reference],
            Mode::Pair { .. } => c.versions == [self.reference, self.focus],
        }
    }

    /// A left click at screen cell (`x`, `y`): on a column, focus its
    /// version; on a row of the main area, make that row current (at the top).
    pub fn click(&mut self, x: u16, y: u16) {
        if self.overlay != Overlay::None {
            return;
        }
        let Some(col) = layout::columns(self)
            .into_iter()
            .find(|c| x >= c.x && x < c.x + c.width)
        else {
            return;
        };
        if col.version != self.focus {
            self.focus = col.version;
            self.current_change = None;
            if matches!(self.mode, Mode::Pair { .. }) {
                self.rebuild_items();
            }
        }
        self.message = Some(format!("focus v{}", col.version));
        // The main area starts under the header; find the item under the click.
        let body_y = usize::from(y.saturating_sub(1));
        if y == 0 || body_y >= self.body_height() {
            return;
        }
        let mut line = 0;
        let mut item = self.top.item;
        let mut skip = self.top.line;
        while item < self.items.len() {
            let h = self.item_height(item).saturating_sub(skip);
            if body_y < line + h {
                // The clicked row becomes the current one (at the top), so
                // `c` copies what was clicked.
                if let Some(&Item::Row(r)) = self.items.get(item) {
                    self.top = Pos { item, line: 0 };
                    self.message = Some(format!("focus v{}, row {}", col.version, r + 1));
                }
                return;
            }
            line += h;
            skip = 0;
            item += 1;
        }
    }

    /// After a horizontal scroll: a focus scrolled off screen moves to the
    /// nearest column on screen, so what the reference column marks (the
    /// focused version's changes) is always a column the reader sees.
    fn keep_focus_visible(&mut self) {
        let visible: Vec<usize> = layout::columns(self).iter().map(|c| c.version).collect();
        if visible.contains(&self.focus) || self.mode != Mode::Side {
            return;
        }
        let order = self.shown_versions();
        let at = |v: usize| order.iter().position(|&x| x == v).unwrap_or(0);
        let here = at(self.focus);
        if let Some(&v) = visible
            .iter()
            .filter(|&&v| v != self.reference)
            .min_by_key(|&&v| at(v).abs_diff(here))
        {
            self.focus = v;
            self.current_change = None;
        }
    }

    /// Whether changes of `kind` are shown (marked, listed, walked).
    #[must_use]
    pub fn shows_kind(&self, kind: ChangeKind) -> bool {
        !(self.hide_minor && MINOR_KINDS.contains(&kind))
    }

    /// The versions whose changes the reference column marks, and `n`/`N`
    /// walk: the focused one, or every other visible column when the
    /// reference is focused.
    #[must_use]
    pub fn walked_versions(&self) -> Vec<usize> {
        if self.focus == self.reference {
            self.columns()
                .into_iter()
                .filter(|&v| v != self.reference)
                .collect()
        } else {
            vec![self.focus]
        }
    }

    /// The change `n`/`N` is on.
    #[must_use]
    pub fn current(&self) -> Option<&Oriented> {
        self.current_change.and_then(|c| self.view.changes.get(c))
    }

    /// Shown versions in display order.
    #[must_use]
    pub fn shown_versions(&self) -> Vec<usize> {
        self.order
            .iter()
            .copied()
            .filter(|&v| self.shown[v])
            .collect()
    }

    /// The versions the main area shows as columns, in order.
    #[must_use]
    pub fn columns(&self) -> Vec<usize> {
        match self.mode {
            Mode::Side => self.shown_versions(),
            Mode::Pair { inline: true } => vec![self.focus],
            Mode::Pair { inline: false } => vec![self.reference, self.focus],
        }
    }

    /// Whether version `v` word-differs from the reference in row `r`: read
    /// from the view when `v` is shown, else from the comparison's own pairs
    /// (for the overview's coverage of versions not on screen); `None` when
    /// that pair was never diffed (many versions, another reference than
    /// the hub; see [`crate::compare::Pairing`]).
    #[must_use]
    pub fn differs_from_reference(&self, r: usize, v: usize) -> Option<bool> {
        if let Some(cell) = self.view.row(r).and_then(|row| row.cell(v)) {
            return Some(!cell.changes.is_empty());
        }
        if !self.cmp.pairing.covers(self.reference) {
            return None;
        }
        let pair = (v.min(self.reference), v.max(self.reference));
        Some(
            self.cmp
                .row_changes(r)
                .iter()
                .any(|c| (c.against, c.version) == pair),
        )
    }

    /// Whether row `r` differs between the reference and any other version on screen.
    #[must_use]
    pub fn row_has_change(&self, r: usize) -> bool {
        let Some(row) = self.view.row(r) else {
            return false;
        };
        let with_ref = row.cell(self.reference).is_some_and(|c| c.present);
        row.cells.iter().any(|c| {
            c.version != self.reference && (c.present != with_ref || !c.changes.is_empty())
        })
    }

    /// Boilerplate paragraph count per version.
    #[must_use]
    pub fn hidden_count(&self, v: usize) -> usize {
        self.cmp.versions[v]
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Boilerplate)
            .count()
    }

    /// Share of the reference's rows that version `v` also has, 0..=1.
    #[must_use]
    pub fn shared_with_reference(&self, v: usize) -> f64 {
        let rows = &self.cmp.table.rows;
        let with_ref = rows
            .iter()
            .filter(|r| !r.cells[self.reference].is_empty())
            .count();
        let both = rows
            .iter()
            .filter(|r| !r.cells[self.reference].is_empty() && !r.cells[v].is_empty())
            .count();
        #[allow(clippy::cast_precision_loss)]
        let share = if with_ref == 0 {
            0.0
        } else {
            both as f64 / with_ref as f64
        };
        share
    }

    /// Rebuilds the item list (after showing/hiding versions or boilerplate, or a
    /// mode change), keeping the current row at the top when it is still listed.
    pub fn rebuild_items(&mut self) {
        // Keep the row at the top. At the very top, stay at the very top
        // (leading boilerplate included) when that row still comes first:
        // leaving the pair view, whose first row may be far down the story,
        // must not jump back to row 1.
        let at_top = self.top == Pos::default();
        let keep = self.current_row();
        let cols = self.columns();
        let rows = &self.cmp.table.rows;
        let visible_row = |r: usize| cols.iter().any(|&v| !rows[r].cells[v].is_empty());
        let mut items = Vec::new();
        if self.show_boilerplate && self.mode == Mode::Side {
            // Anchor each boilerplate paragraph after the row of the story paragraph before it.
            let mut row_of: Vec<Vec<Option<usize>>> = self
                .cmp
                .versions
                .iter()
                .map(|v| vec![None; v.paragraphs.len()])
                .collect();
            for (r, row) in rows.iter().enumerate() {
                for (v, ids) in row.cells.iter().enumerate() {
                    for &id in ids {
                        row_of[v][id] = Some(r);
                    }
                }
            }
            let mut after: std::collections::BTreeMap<(Option<usize>, usize), Vec<usize>> =
                std::collections::BTreeMap::new();
            for &v in &cols {
                let mut anchor = None;
                for p in &self.cmp.versions[v].paragraphs {
                    if p.kind == ParagraphKind::Boilerplate {
                        after.entry((anchor, v)).or_default().push(p.id);
                    } else if let Some(r) = row_of[v][p.id] {
                        anchor = Some(r);
                    }
                }
            }
            let mut push_boiler = |items: &mut Vec<Item>, anchor: Option<usize>| {
                for &v in &cols {
                    if let Some(paras) = after.remove(&(anchor, v)) {
                        items.push(Item::Boilerplate { version: v, paras });
                    }
                }
            };
            push_boiler(&mut items, None);
            for r in 0..rows.len() {
                if visible_row(r) {
                    items.push(Item::Row(r));
                }
                push_boiler(&mut items, Some(r));
            }
        } else {
            items.extend((0..rows.len()).filter(|&r| visible_row(r)).map(Item::Row));
        }
        self.items = items;
        self.top = Pos::default();
        let first_row = self.current_row();
        if let Some(r) = keep
            && !(at_top && first_row == Some(r))
            && let Some(i) = self.items.iter().position(|it| *it == Item::Row(r))
        {
            self.top.item = i;
        }
    }

    /// The row at the top of the view, if the top item is a row.
    #[must_use]
    pub fn current_row(&self) -> Option<usize> {
        self.items
            .get(self.top.item..)?
            .iter()
            .find_map(|it| match it {
                Item::Row(r) => Some(*r),
                Item::Boilerplate { .. } => None,
            })
    }

    /// Lines of the main area (the viewport less header, legend and status lines).
    #[must_use]
    pub fn body_height(&self) -> usize {
        usize::from(self.viewport.1).saturating_sub(2 + usize::from(self.legend_shown()))
    }

    /// Whether the legend line is drawn: asked for, and the screen tall
    /// enough to spare a line ([`LEGEND_MIN_HEIGHT`]).
    #[must_use]
    pub fn legend_shown(&self) -> bool {
        self.legend && self.viewport.1 >= LEGEND_MIN_HEIGHT
    }

    /// The top position that puts the end of the last item at the bottom
    /// of the screen (the top of the story when it is shorter): `G` shows a
    /// full screen, not the last row alone. Costs the items on one screen.
    fn bottom_pos(&self) -> Pos {
        let height = self.body_height().max(1);
        let mut used = 0;
        for i in (0..self.items.len()).rev() {
            let h = self.item_height(i);
            if used + h >= height {
                return Pos {
                    item: i,
                    line: used + h - height,
                };
            }
            used += h;
        }
        Pos::default()
    }

    fn item_height(&self, i: usize) -> usize {
        layout::item_height(self, i)
    }

    fn scroll_down(&mut self, mut lines: usize) {
        while lines > 0 {
            let h = self.item_height(self.top.item);
            if self.top.line + 1 < h {
                self.top.line += 1;
            } else if self.top.item + 1 < self.items.len() {
                self.top.item += 1;
                self.top.line = 0;
            } else {
                break;
            }
            lines -= 1;
        }
    }

    fn scroll_up(&mut self, mut lines: usize) {
        while lines > 0 {
            if self.top.line > 0 {
                self.top.line -= 1;
            } else if self.top.item > 0 {
                self.top.item -= 1;
                self.top.line = self.item_height(self.top.item).saturating_sub(1);
            } else {
                break;
            }
            lines -= 1;
        }
    }

    fn go_to_row(&mut self, r: usize) {
        if let Some(i) = self.items.iter().position(|it| *it == Item::Row(r)) {
            self.top = Pos { item: i, line: 0 };
        }
    }

    /// The walked changes of row `r` (indices into `view.changes`), in the
    /// view's order: the order of the differences panel.
    fn walked_in_row(&self, r: usize, others: &[usize]) -> Vec<usize> {
        let Some(row) = self.view.row(r) else {
            return Vec::new();
        };
        row.cells
            .iter()
            .filter(|c| others.contains(&c.version))
            .flat_map(|c| c.changes.clone())
            .filter(|&i| {
                let kind = self.view.changes[i].kind;
                self.kind_filter.is_none_or(|k| kind == k) && self.shows_kind(kind)
            })
            .collect()
    }

    /// What `n`/`N` are limited to, for the status line: "" when they walk
    /// every kind in every column.
    fn walk_limits(&self) -> String {
        // n/N walk the focused column alone unless the reference is focused
        // (see `walked_versions`); that is a limit only when other columns
        // have changes too. Counted without allocating: this runs on every n.
        let others = match self.mode {
            Mode::Side => self
                .order
                .iter()
                .filter(|&&v| self.shown[v] && v != self.reference)
                .count(),
            Mode::Pair { .. } => 1,
        };
        let one_column = self.focus != self.reference && others > 1;
        let mut parts = Vec::new();
        if let Some(k) = self.kind_filter {
            parts.push(format!("{} changes only", k.name()));
        }
        if self.hide_minor {
            parts.push("no wording, case or spelling".to_string());
        }
        if one_column {
            parts.push(format!("v{} column only", self.focus));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!(" · n/N: {}", parts.join(", "))
        }
    }

    /// The status line's account of change `c`: where, what kind, between
    /// which versions, why (told from the reference), and any walk limits.
    fn describe(&self, c: usize) -> String {
        let ch = &self.view.changes[c];
        format!(
            "change in row {} ({}): v{} against v{}: {}{}",
            ch.row + 1,
            ch.kind.name(),
            ch.version,
            ch.against,
            ch.reason,
            self.walk_limits()
        )
    }

    /// Moves to the next (or previous) change, scanning rows outward from the
    /// current one: the cost is the distance to that change, not the story.
    fn step_change(&mut self, forward: bool) {
        let others = self.walked_versions();
        let n = self.items.len();
        if n == 0 {
            return;
        }
        let start_item = self.top.item.min(n - 1);
        let current = self
            .current_change
            .filter(|_| self.current().map(|c| c.row) == self.current_row());
        // First look inside the current row, after (before) the current
        // change, then row by row to the end (start): no wrapping round, so
        // the last change says so.
        for step in 0..n {
            let item = if forward {
                start_item + step
            } else {
                match start_item.checked_sub(step) {
                    Some(i) => i,
                    None => break,
                }
            };
            let Some(&Item::Row(r)) = self.items.get(item) else {
                continue;
            };
            let mut here = self.walked_in_row(r, &others);
            if !forward {
                here.reverse();
            }
            let pick = match (step, current) {
                (0, Some(c)) => here
                    .into_iter()
                    .find(|&i| if forward { i > c } else { i < c }),
                _ => here.into_iter().next(),
            };
            if let Some(c) = pick {
                self.current_change = Some(c);
                self.top = Pos { item, line: 0 };
                self.message = Some(self.describe(c));
                return;
            }
        }
        let any = self.walked_versions().iter().any(|&v| {
            self.view.changes.iter().any(|c| {
                c.version == v
                    && self.kind_filter.is_none_or(|k| c.kind == k)
                    && self.shows_kind(c.kind)
            })
        });
        self.message = Some(if any {
            format!(
                "{} one{}",
                if forward { "last" } else { "first" },
                self.walk_limits()
            )
        } else {
            match self.kind_filter {
                Some(k) => format!(
                    "no {} changes against the reference (f: every kind){}",
                    k.name(),
                    self.walk_limits()
                ),
                None => format!("no changes against the reference{}", self.walk_limits()),
            }
        });
    }

    /// The item of the next (previous) row after (before) the top one for
    /// which `wanted` holds. Scans outward from the top item: the cost is
    /// the distance to that row, not the story.
    fn find_row(&self, forward: bool, wanted: impl Fn(usize) -> bool) -> Option<usize> {
        let from = self.top.item;
        let hit = |it: &Item| matches!(it, Item::Row(r) if wanted(*r));
        if forward {
            self.items
                .iter()
                .enumerate()
                .skip(from + 1)
                .find(|(_, it)| hit(it))
                .map(|(i, _)| i)
        } else {
            self.items[..from.min(self.items.len())]
                .iter()
                .rposition(hit)
        }
    }

    fn step_changed_row(&mut self, forward: bool) {
        match self.find_row(forward, |r| self.row_has_change(r)) {
            Some(i) => self.top = Pos { item: i, line: 0 },
            None => {
                self.message = Some(
                    if forward {
                        "no changed row below"
                    } else {
                        "no changed row above"
                    }
                    .into(),
                )
            }
        }
    }

    /// The version that alone has row `r` among the columns on screen, if one does.
    #[must_use]
    pub fn only_version(&self, r: usize) -> Option<usize> {
        only_one_of(&self.columns(), &self.cmp.table.rows[r])
    }

    /// Goes to the next (previous) row that only one version on screen has:
    /// a version's own paragraph, or one every other version dropped.
    fn step_unique_row(&mut self, forward: bool) {
        let columns = self.columns();
        let rows = &self.cmp.table.rows;
        let found = self.find_row(forward, |r| only_one_of(&columns, &rows[r]).is_some());
        match found {
            Some(i) => {
                self.top = Pos { item: i, line: 0 };
                if let Some(Item::Row(r)) = self.items.get(i)
                    && let Some(v) = self.only_version(*r)
                {
                    self.message = Some(format!("row {}: only v{v} has it", r + 1));
                }
            }
            None => {
                self.message = Some(
                    if forward {
                        "no row below that only one version has"
                    } else {
                        "no row above that only one version has"
                    }
                    .into(),
                );
            }
        }
    }

    /// Whether row `r` holds `query` (case-insensitive) in a shown column.
    fn row_matches(&self, r: usize, query: &str) -> bool {
        self.columns()
            .iter()
            .any(|&v| self.cmp.cell_text(r, v).to_lowercase().contains(query))
    }

    fn step_match(&mut self, forward: bool) {
        let Some(q) = self.search.clone() else { return };
        let q = q.to_lowercase();
        let rows: Vec<usize> = self
            .items
            .iter()
            .filter_map(|it| {
                if let Item::Row(r) = it {
                    Some(*r)
                } else {
                    None
                }
            })
            .collect();
        let cur = self.current_row().unwrap_or(0);
        let order: Vec<usize> = if forward {
            rows.iter()
                .copied()
                .filter(|&r| r > cur)
                .chain(rows.iter().copied().filter(|&r| r <= cur))
                .collect()
        } else {
            rows.iter()
                .rev()
                .copied()
                .filter(|&r| r < cur)
                .chain(rows.iter().rev().copied().filter(|&r| r >= cur))
                .collect()
        };
        match order.into_iter().find(|&r| self.row_matches(r, &q)) {
            Some(r) => {
                self.go_to_row(r);
                self.message = Some(format!("/{q}"));
            }
            None => self.message = Some(format!("pattern not found: {q}")),
        }
    }

    /// Shows change `c` (an index into `view.changes`): its row at the top, the
    /// version it differs in focused, and it marked current; the status line
    /// says what `n`/`N` will walk from there.
    pub fn jump_to_change(&mut self, c: usize) {
        let Some(ch) = self.view.changes.get(c) else {
            return;
        };
        let (row, other) = (ch.row, ch.version);
        if self.shown[other] {
            self.focus = other;
        }
        self.current_change = Some(c);
        self.go_to_row(row);
        self.message = Some(self.describe(c));
    }

    fn cycle_focus(&mut self, forward: bool) {
        let cols = self.shown_versions();
        if cols.is_empty() {
            return;
        }
        let at = cols.iter().position(|&v| v == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % cols.len()
        } else {
            (at + cols.len() - 1) % cols.len()
        };
        self.focus = cols[next];
        self.current_change = None;
        // Scroll the columns until the focused one is on screen (the
        // reference, pinned, always is).
        let max = layout::max_col_offset(self);
        self.col_offset = self.col_offset.min(max);
        for _ in 0..=cols.len() {
            let visible = layout::columns(self);
            if visible.iter().any(|c| c.version == self.focus) {
                break;
            }
            let first_scrolled = visible
                .iter()
                .map(|c| c.version)
                .find(|&v| v != self.reference)
                .and_then(|v| cols.iter().position(|&x| x == v))
                .unwrap_or(0);
            if next < first_scrolled {
                self.col_offset = self.col_offset.saturating_sub(1);
            } else {
                self.col_offset = (self.col_offset + 1).min(max);
            }
        }
        if matches!(self.mode, Mode::Pair { .. }) {
            if self.focus == self.reference && cols.len() > 1 {
                self.cycle_focus(forward);
                return;
            }
            self.rebuild_items();
        }
    }

    /// Feeds a key press: typed into the search prompt when it is open, else
    /// looked up in the keymap.
    pub fn key(&mut self, key: Key) {
        if matches!(self.overlay, Overlay::Export(_)) {
            self.message = None;
            self.export = export_dialog::key(self, key);
            return;
        }
        if let Overlay::Search(buf) = &mut self.overlay {
            match key.code {
                KeyCode::Enter => {
                    let q = std::mem::take(buf);
                    self.overlay = Overlay::None;
                    if q.is_empty() {
                        self.search = None;
                    } else {
                        self.search = Some(q);
                        self.step_match(true);
                    }
                }
                KeyCode::Esc => self.overlay = Overlay::None,
                KeyCode::Backspace => {
                    buf.pop();
                }
                KeyCode::Char(c) if !key.ctrl && !key.alt && !c.is_control() => buf.push(c),
                _ => {}
            }
            return;
        }
        if let Some(action) = self.keymap.action(key) {
            self.update(action);
        }
        self.sync_view();
    }

    /// Applies one action, then brings the view in line with the new choice.
    pub fn update(&mut self, action: Action) {
        self.apply(action);
        self.sync_view();
    }

    fn apply(&mut self, action: Action) {
        self.message = None;
        if self.overlay == Overlay::Versions {
            let n = self.order.len();
            match action {
                Action::Down => {
                    self.versions_cursor = (self.versions_cursor + 1).min(n.saturating_sub(1))
                }
                Action::Up => self.versions_cursor = self.versions_cursor.saturating_sub(1),
                Action::ToggleShown => {
                    let v = self.order[self.versions_cursor];
                    let shown_count = self.shown.iter().filter(|s| **s).count();
                    if self.shown[v] && shown_count == 1 {
                        self.message = Some("at least one version stays shown".into());
                    } else {
                        self.shown[v] = !self.shown[v];
                        if !self.shown[self.focus] {
                            self.focus = self.shown_versions()[0];
                        }
                        self.rebuild_items();
                    }
                }
                Action::MoveVersionUp if self.versions_cursor > 0 => {
                    self.order
                        .swap(self.versions_cursor, self.versions_cursor - 1);
                    self.versions_cursor -= 1;
                }
                Action::MoveVersionDown if self.versions_cursor + 1 < n => {
                    self.order
                        .swap(self.versions_cursor, self.versions_cursor + 1);
                    self.versions_cursor += 1;
                }
                Action::SetReference => {
                    self.reference = self.order[self.versions_cursor];
                    self.current_change = None;
                    self.rebuild_items();
                }
                Action::Open => {
                    let v = self.order[self.versions_cursor];
                    self.shown[v] = true;
                    self.focus = v;
                    self.overlay = Overlay::None;
                    self.rebuild_items();
                }
                Action::Versions | Action::Cancel | Action::Quit => self.overlay = Overlay::None,
                Action::Help => self.overlay = Overlay::Help,
                _ => {}
            }
            return;
        }
        if self.overlay == Overlay::Overview {
            if matches!(action, Action::Overview | Action::Cancel | Action::Quit) {
                self.overlay = Overlay::None;
            }
            return;
        }
        if let Overlay::People(panel) = &mut self.overlay {
            let page = usize::from(self.viewport.1).saturating_sub(4).max(1);
            let last = panel.entries.len().saturating_sub(1);
            match action {
                Action::Down => panel.cursor = (panel.cursor + 1).min(last),
                Action::Up => panel.cursor = panel.cursor.saturating_sub(1),
                Action::PageDown | Action::HalfPageDown => {
                    panel.cursor = (panel.cursor + page).min(last);
                }
                Action::PageUp | Action::HalfPageUp => {
                    panel.cursor = panel.cursor.saturating_sub(page);
                }
                Action::Top => panel.cursor = 0,
                Action::Bottom => panel.cursor = last,
                Action::Open => {
                    let entry = panel.entries.get(panel.cursor).copied();
                    self.overlay = Overlay::None;
                    match entry.and_then(|e| people::row_of(self, e)) {
                        Some(r) => {
                            self.go_to_row(r);
                            self.message = Some(format!("row {}", r + 1));
                        }
                        None => self.message = Some("not in a shown row".into()),
                    }
                }
                Action::People | Action::Cancel | Action::Quit => self.overlay = Overlay::None,
                _ => {}
            }
            return;
        }
        if matches!(self.overlay, Overlay::Differences(_)) {
            let page = self.body_height().saturating_sub(4).max(1);
            let Overlay::Differences(mut panel) =
                std::mem::replace(&mut self.overlay, Overlay::None)
            else {
                return;
            };
            let n = panel.items.len();
            match action {
                Action::Down => panel.cursor = (panel.cursor + 1).min(n.saturating_sub(1)),
                Action::Up => panel.cursor = panel.cursor.saturating_sub(1),
                Action::PageDown | Action::HalfPageDown => {
                    panel.cursor = (panel.cursor + page).min(n.saturating_sub(1));
                }
                Action::PageUp | Action::HalfPageUp => {
                    panel.cursor = panel.cursor.saturating_sub(page)
                }
                Action::Top => panel.cursor = 0,
                Action::Bottom => panel.cursor = n.saturating_sub(1),
                Action::FocusNext | Action::FocusPrev | Action::KindFilter => {
                    let forward = action != Action::FocusPrev;
                    self.kind_filter = differences::cycle_kind(self, self.kind_filter, forward);
                    panel = DiffPanel {
                        items: differences::list(self),
                        cursor: 0,
                    };
                }
                Action::Open => {
                    if let Some(&c) = panel.items.get(panel.cursor) {
                        self.jump_to_change(c);
                    }
                    return;
                }
                Action::Differences | Action::Cancel | Action::Quit => return,
                _ => {}
            }
            self.overlay = Overlay::Differences(panel);
            return;
        }
        if self.overlay == Overlay::Help {
            if matches!(action, Action::Help | Action::Cancel | Action::Quit) {
                self.overlay = Overlay::None;
            }
            return;
        }
        let page = self.body_height().max(1);
        match action {
            Action::Quit => self.quit = true,
            Action::Down => self.scroll_down(1),
            Action::Up => self.scroll_up(1),
            Action::PageDown => self.scroll_down(page.saturating_sub(1).max(1)),
            Action::PageUp => self.scroll_up(page.saturating_sub(1).max(1)),
            Action::HalfPageDown => self.scroll_down((page / 2).max(1)),
            Action::HalfPageUp => self.scroll_up((page / 2).max(1)),
            Action::Top => self.top = Pos::default(),
            Action::Bottom => self.top = self.bottom_pos(),
            Action::NextChange if self.search.is_some() => self.step_match(true),
            Action::PrevChange if self.search.is_some() => self.step_match(false),
            Action::NextChange => self.step_change(true),
            Action::PrevChange => self.step_change(false),
            Action::NextRow => {
                if self.top.item + 1 < self.items.len() {
                    self.top = Pos {
                        item: self.top.item + 1,
                        line: 0,
                    };
                }
            }
            Action::PrevRow => {
                self.top = Pos {
                    item: if self.top.line > 0 {
                        self.top.item
                    } else {
                        self.top.item.saturating_sub(1)
                    },
                    line: 0,
                };
            }
            Action::NextChangedRow => self.step_changed_row(true),
            Action::NextUniqueRow => self.step_unique_row(true),
            Action::PrevUniqueRow => self.step_unique_row(false),
            Action::PrevChangedRow => self.step_changed_row(false),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::ScrollLeft => {
                self.col_offset = self.col_offset.saturating_sub(1);
                self.keep_focus_visible();
            }
            Action::ScrollRight => {
                self.col_offset = (self.col_offset + 1).min(layout::max_col_offset(self));
                self.keep_focus_visible();
            }
            Action::ToggleBoilerplate => {
                self.show_boilerplate = !self.show_boilerplate;
                self.rebuild_items();
                let n: usize = (0..self.cmp.versions.len())
                    .map(|v| self.hidden_count(v))
                    .sum();
                self.message = Some(format!(
                    "boilerplate {} ({n} paragraphs)",
                    if self.show_boilerplate {
                        "shown"
                    } else {
                        "hidden"
                    }
                ));
            }
            Action::SetReference => {
                self.reference = self.focus;
                self.current_change = None;
                self.rebuild_items();
                self.message = Some(format!(
                    "reference: {}",
                    self.cmp.versions[self.reference].label
                ));
            }
            Action::Versions => {
                self.overlay = Overlay::Versions;
                self.versions_cursor = self
                    .order
                    .iter()
                    .position(|&v| v == self.focus)
                    .unwrap_or(0);
            }
            Action::PairView => {
                self.mode = match self.mode {
                    Mode::Side => Mode::Pair { inline: false },
                    Mode::Pair { .. } => Mode::Side,
                };
                if self.focus == self.reference {
                    self.cycle_focus(true);
                }
                self.rebuild_items();
            }
            Action::ToggleInline => {
                if let Mode::Pair { inline } = self.mode {
                    self.mode = Mode::Pair { inline: !inline };
                    self.rebuild_items();
                } else {
                    self.message = Some("inline view is for the pair view (p)".into());
                }
            }
            Action::Search => self.overlay = Overlay::Search(String::new()),
            Action::Export => self.overlay = Overlay::Export(ExportDialog::new()),
            Action::Overview => self.overlay = Overlay::Overview,
            Action::Differences => {
                let items = differences::list(self);
                // Start at the first change at or after the current row.
                let row = self.current_row().unwrap_or(0);
                let cursor = items
                    .iter()
                    .position(|&c| self.view.changes[c].row >= row)
                    .unwrap_or(0);
                self.overlay = Overlay::Differences(DiffPanel { items, cursor });
            }
            Action::KindFilter => {
                self.kind_filter = differences::cycle_kind(self, self.kind_filter, true);
                self.current_change = None;
                self.message = Some(match self.kind_filter {
                    Some(k) => format!("n/N: {} changes only (f for the next kind)", k.name()),
                    None => "n/N: every kind of change".into(),
                });
            }
            Action::HideMinor => {
                self.hide_minor = !self.hide_minor;
                if self.current().is_some_and(|c| !self.shows_kind(c.kind)) {
                    self.current_change = None;
                }
                self.message = Some(if self.hide_minor {
                    "hiding wording, case/punctuation and spelling changes (w shows them)".into()
                } else {
                    "every kind of change shown".into()
                });
            }
            Action::Legend => self.legend = !self.legend,
            Action::Copy => match self.current_row() {
                Some(r) if !self.cmp.table.rows[r].cells[self.focus].is_empty() => {
                    self.copy = Some(CopyRequest {
                        row: r,
                        version: self.focus,
                        text: self.cmp.cell_text(r, self.focus),
                    });
                }
                Some(r) => {
                    self.message = Some(format!(
                        "v{} lacks row {}: nothing to copy",
                        self.focus,
                        r + 1
                    ));
                }
                None => self.message = Some("no row here to copy".into()),
            },
            Action::ToggleMouse => {
                self.mouse_capture = !self.mouse_capture;
                self.message = Some(if self.mouse_capture {
                    "mouse on: wheel scrolls, click focuses a column (M: off)".into()
                } else {
                    "mouse off: the terminal selects text (M: on)".into()
                });
            }
            Action::People => self.overlay = Overlay::People(PeoplePanel::of(self)),
            Action::Help => self.overlay = Overlay::Help,
            Action::Cancel => {
                self.search = None;
                self.current_change = None;
                if matches!(self.mode, Mode::Pair { .. }) {
                    self.mode = Mode::Side;
                    self.rebuild_items();
                }
            }
            Action::Suspend => self.suspend = true,
            Action::ToggleShown
            | Action::MoveVersionUp
            | Action::MoveVersionDown
            | Action::Open => {
                self.message = Some("open the versions list (v) first".into());
            }
        }
    }
}

/// The one version of `columns` that has `row`, if exactly one does.
fn only_one_of(columns: &[usize], row: &crate::align::Row) -> Option<usize> {
    let mut present = columns
        .iter()
        .copied()
        .filter(|&v| row.cells.get(v).is_some_and(|c| !c.is_empty()));
    let first = present.next()?;
    present.next().is_none().then_some(first)
}
