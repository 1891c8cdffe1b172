//! The overview: how alike the versions are (a heat map of the similarity
//! matrix, shades readable without colour), how much of each is the
//! reference's text, which look machine-paraphrased, and a coverage bar per
//! version showing which rows it has.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::sanitize::terminal;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// A shade for a similarity: darker is more alike.
fn shade(s: f64) -> char {
    match s {
        x if x >= 0.8 => '█',
        x if x >= 0.6 => '▓',
        x if x >= 0.4 => '▒',
        x if x >= 0.2 => '░',
        _ => ' ',
    }
}

fn pct(x: f64) -> String {
    format!("{:>3.0}%", x * 100.0)
}

/// Draws the overview over the whole area.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let bx = super::inset(area);
    let inner = super::framed(bx, " overview (o or Esc to close) ", theme, buf);
    let w = usize::from(inner.width);
    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let mut put = |x: u16, y: u16, s: &str, style| {
        if y < bottom && x < inner.x + inner.width {
            let room = usize::from(inner.x + inner.width - x);
            buf.set_stringn(x, y, s, room.min(w), style);
        }
    };
    let st = &app.view.analysis(&app.cmp).stats;
    let label = |v: usize| -> String {
        let l: String = terminal(&app.cmp.versions[v].label, false)
            .chars()
            .take(18)
            .collect();
        format!("v{v} {l}")
    };
    let order = &app.order;
    put(
        inner.x,
        y,
        "similarity (share of story words in identical wording)",
        theme.header,
    );
    y += 1;
    let name_w: u16 = 24;
    let mut head = String::new();
    for &v in order {
        head.push_str(&format!("{:>6}", format!("v{v}")));
    }
    put(inner.x + name_w, y, &head, theme.dim);
    put(
        inner.x + name_w + 6 * u16::try_from(order.len()).unwrap_or(0) + 2,
        y,
        "verbatim reworded  own  dropped",
        theme.dim,
    );
    y += 1;
    for &v in order {
        let style = if v == app.reference {
            theme.header_reference
        } else {
            theme.text
        };
        let mark = if v == app.reference { " ★" } else { "" };
        put(inner.x, y, &format!("{}{mark}", label(v)), style);
        let mut x = inner.x + name_w;
        for &o in order {
            let s = st.matrix[v][o];
            let cell = if v == o {
                "    · ".to_string()
            } else {
                format!("{}{:>4.0} ", shade(s), s * 100.0)
            };
            put(x, y, &cell, theme.text);
            x += 6;
        }
        let vs = &st.versions[v];
        let mut line = format!(
            "  {}    {}    {}  {:>3} rows",
            pct(vs.verbatim),
            pct(vs.reworded),
            pct(vs.unique),
            vs.dropped_rows
        );
        if vs.paraphrase {
            line.push_str(&format!(
                "  ⚑ paraphrase? {} swaps / {} rewrites",
                vs.swaps, vs.rewrites
            ));
        }
        put(
            x,
            y,
            &line,
            if vs.paraphrase {
                theme.change(crate::diff::ChangeKind::Claim)
            } else {
                theme.text
            },
        );
        y += 1;
    }
    // Who changed what, by kind: each shown version's changes against the
    // reference, counted in the view (the counts the panel and exports show).
    let kinds: Vec<crate::diff::ChangeKind> =
        app.view.kind_counts().into_iter().map(|(k, _)| k).collect();
    if !kinds.is_empty() {
        y += 1;
        put(
            inner.x,
            y,
            "changes against the reference, by kind",
            theme.header,
        );
        y += 1;
        let col = |k: crate::diff::ChangeKind| k.name().chars().take(9).collect::<String>();
        let mut x = inner.x + name_w;
        for &k in &kinds {
            put(x, y, &format!("{:>10}", col(k)), theme.change(k));
            x += 10;
        }
        y += 1;
        for s in app
            .view
            .summaries
            .iter()
            .filter(|s| s.version != app.reference)
        {
            put(inner.x, y, &label(s.version), theme.text);
            let mut x = inner.x + name_w;
            for &k in &kinds {
                let n = s.by_kind[crate::view::kind_index(k)];
                put(
                    x,
                    y,
                    &format!("{n:>10}"),
                    if n == 0 { theme.dim } else { theme.text },
                );
                x += 10;
            }
            y += 1;
        }
    }
    y += 1;
    put(
        inner.x,
        y,
        &format!(
            "closest to all others: v{} (the likely original)",
            st.most_central
        ),
        theme.dim,
    );
    y += 2;
    // A hidden version is not in the view; with many versions, its pairs
    // with a reference other than the hub were never diffed (`Pairing`).
    let legend = if app.cmp.pairing.covers(app.reference) {
        "coverage (█ same as the reference · ▓ reworded · ░ not in the reference · ─ lacks the row)"
    } else {
        "coverage (█ same as the reference · ▓ reworded · ░ not in the reference · ▒ not compared · ─ lacks the row)"
    };
    put(inner.x, y, legend, theme.header);
    y += 1;
    let rows = app.cmp.table.rows.len();
    let bar_w = w.saturating_sub(usize::from(name_w)).max(1);
    for &v in order {
        put(
            inner.x,
            y,
            &label(v),
            if v == app.reference {
                theme.header_reference
            } else {
                theme.text
            },
        );
        let bar: String = (0..bar_w.min(rows.max(1)))
            .map(|x| {
                let r = x * rows / bar_w.min(rows.max(1));
                let row = &app.cmp.table.rows[r.min(rows.saturating_sub(1))];
                if rows == 0 || row.cells[v].is_empty() {
                    '─'
                } else if v == app.reference {
                    '█'
                } else if row.cells[app.reference].is_empty() {
                    // Nothing to be the same as: the reference lacks the row.
                    '░'
                } else {
                    match app.differs_from_reference(r, v) {
                        Some(false) => '█',
                        Some(true) => '▓',
                        None => '▒',
                    }
                }
            })
            .collect();
        put(inner.x + name_w, y, &bar, theme.text);
        y += 1;
    }
}
