//! A Markdown report, readable on GitHub and as plain text: a summary table,
//! the similarity matrix and shares, the names spelled differently and the
//! quotations worded differently (tables, of the shown versions), then per row the reference paragraph and each version's changes, as
//! `~~old~~ **new**` or, with `critic`, CriticMarkup (`{--old--}`, `{++new++}`,
//! and `{~~old~>new~~}` for a substitution). All
//! input text is escaped, so no link, image, HTML or code comes from an input.

use std::io::{self, Write};

use super::escape::markdown as esc;
use super::parts;
use crate::analysis::quotes::Status;
use crate::compare::Comparison;
use crate::diff::ChangeKind;
use crate::view::StoryView;

fn change_md(old: &str, new: &str, critic: bool) -> String {
    // A change made only of invisible characters must still show.
    let esc = |s: &str| esc(&crate::sanitize::reveal_invisible(s));
    match (old.is_empty(), new.is_empty(), critic) {
        (true, _, true) => format!("{{++{}++}}", esc(new)),
        (_, true, true) => format!("{{--{}--}}", esc(old)),
        (false, false, true) => format!("{{~~{}~>{}~~}}", esc(old), esc(new)),
        (true, _, false) => format!("**{}**", esc(new)),
        (_, true, false) => format!("~~{}~~", esc(old)),
        (false, false, false) => format!("~~{}~~ **{}**", esc(old), esc(new)),
    }
}

/// A share as a whole percentage.
/// A table's header row and alignment row: the first column left, the others by `align`.
fn table_head(out: &mut impl Write, heads: &[String], align: &str) -> io::Result<()> {
    writeln!(out, "| {} |", heads.join(" | "))?;
    writeln!(out, "|---|{}", format!("{align}|").repeat(heads.len() - 1))
}

/// The similarity matrix of the shown versions and their shares of the reference's text.
fn write_similarity(
    cmp: &Comparison,
    view: &StoryView,
    label: &dyn Fn(usize) -> String,
    out: &mut impl Write,
) -> io::Result<()> {
    let (st, opts) = (&view.analysis(cmp).stats, &view.choice);
    writeln!(out, "\n## Similarity\n")?;
    let central = if opts.versions.contains(&st.most_central) {
        ""
    } else {
        " (not shown here)"
    };
    writeln!(
        out,
        "Each cell: the share of two versions’ story words that stand in word-for-word equal stretches of their aligned paragraphs. Most alike all the others, so likely the original: {}{central}.\n",
        label(st.most_central)
    )?;
    let mut heads = vec![String::new()];
    heads.extend(opts.versions.iter().map(|v| format!("v{v}")));
    table_head(out, &heads, "---:")?;
    for &a in &opts.versions {
        let mark = if a == opts.reference {
            " (reference)"
        } else {
            ""
        };
        write!(out, "| {}{mark} |", label(a))?;
        for &b in &opts.versions {
            if a == b {
                write!(out, " — |")?;
            } else {
                write!(out, " {} |", parts::pct(st.matrix[a][b]))?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "| version | verbatim | reworded | unique | rows dropped | words dropped | one-word swaps | rewrites | signal |"
    )?;
    writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---|")?;
    for &v in &opts.versions {
        let s = &st.versions[v];
        let signal = if v == opts.reference {
            "reference"
        } else if s.paraphrase {
            "**likely machine paraphrase**"
        } else {
            ""
        };
        writeln!(
            out,
            "| {} | {} | {signal} |",
            label(v),
            parts::stats_cells(s).join(" | ")
        )?;
    }
    writeln!(out, "\n{}", parts::stats_note(&label(opts.reference)))
}

/// Names the shown versions spell in more than one way, a column per version.
fn write_names(
    cmp: &Comparison,
    view: &StoryView,
    label: &dyn Fn(usize) -> String,
    out: &mut impl Write,
) -> io::Result<()> {
    let (names, opts) = (&view.analysis(cmp).names, &view.choice);
    writeln!(out, "\n## Names spelled differently\n")?;
    if names.is_empty() {
        return writeln!(out, "The shown versions spell every name alike.");
    }
    writeln!(
        out,
        "Each name’s spellings, by version; spellings other than the most used one in bold.\n"
    )?;
    let mut heads = vec!["name".to_string()];
    heads.extend(opts.versions.iter().map(|&v| label(v)));
    table_head(out, &heads, "---")?;
    for n in names {
        let main = n.forms[0].text.to_lowercase();
        write!(out, "| {} |", esc(&n.forms[0].text))?;
        for (_, used) in &n.by_version {
            let list: Vec<String> = used
                .iter()
                .map(|f| {
                    if f.text.to_lowercase() == main {
                        esc(&f.text)
                    } else {
                        format!("**{}**", esc(&f.text))
                    }
                })
                .collect();
            if list.is_empty() {
                write!(out, " — |")?;
            } else {
                write!(out, " {} |", list.join(", "))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Quotations whose wording differs among the shown versions, side by side.
fn write_quotes(
    cmp: &Comparison,
    view: &StoryView,
    label: &dyn Fn(usize) -> String,
    out: &mut impl Write,
) -> io::Result<()> {
    let (quotes, opts) = (&view.analysis(cmp).quotes, &view.choice);
    writeln!(out, "\n## Quotations\n")?;
    if quotes.is_empty() {
        return writeln!(out, "The shown versions quote alike.");
    }
    writeln!(
        out,
        "Quotations worded differently in the shown versions. Each wording is compared with that of the first version quoting it: same, reworded, unquoted (its words are there, without quotation marks), absent (the paragraph is there, the quotation is not); — where a version lacks the paragraph.\n"
    )?;
    let mut heads = vec!["row".to_string()];
    heads.extend(opts.versions.iter().map(|&v| label(v)));
    table_head(out, &heads, "---")?;
    for q in quotes {
        let base = if opts.versions.contains(&q.base) {
            String::new()
        } else {
            format!(" (vs v{})", q.base)
        };
        write!(out, "| {}{base} |", q.row + 1)?;
        for (v, w) in &q.wordings {
            let v = *v;
            let cell = match w.as_ref().map(|w| &w.wording) {
                None => "—".to_string(),
                Some(w) => match w.status {
                    Status::Same if v == q.base => format!("_first quoted:_ {}", esc(&w.text)),
                    Status::Same => format!("_same:_ {}", esc(&w.text)),
                    Status::Reworded => format!("_reworded:_ {}", esc(&w.text)),
                    Status::Unquoted => "_unquoted_".to_string(),
                    Status::Absent => "_absent_".to_string(),
                },
            };
            write!(out, " {cell} |")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the report.
///
/// # Errors
/// When writing fails.
pub fn write(
    cmp: &Comparison,
    view: &StoryView,
    critic: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let opts = &view.choice;
    let label = |v: usize| format!("v{v} {}", esc(&cmp.versions[v].label));
    writeln!(
        out,
        "# wirediff: {} versions compared against {}\n",
        opts.versions.len(),
        label(opts.reference)
    )?;
    write!(out, "| version | words | rows | lacks | boilerplate |")?;
    for k in ChangeKind::ALL {
        write!(out, " {} |", k.name())?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "|---|---:|---:|---:|---:|{}",
        "---:|".repeat(ChangeKind::ALL.len())
    )?;
    for s in &view.summaries {
        let mark = if s.version == opts.reference {
            " (reference)"
        } else {
            ""
        };
        write!(
            out,
            "| {}{mark} | {} | {} | {} | {} |",
            label(s.version),
            s.words,
            s.rows,
            s.missing,
            s.boilerplate
        )?;
        for n in &s.by_kind {
            write!(out, " {n} |")?;
        }
        writeln!(out)?;
    }
    write_similarity(cmp, view, &label, out)?;
    write_names(cmp, view, &label, out)?;
    write_quotes(cmp, view, &label, out)?;
    for row in &view.rows {
        writeln!(out, "\n## Row {}\n", row.row + 1)?;
        let reference = row.cells.iter().find(|c| c.version == opts.reference);
        match reference {
            Some(c) if c.present => writeln!(
                out,
                "**{} (reference):** {}\n",
                label(opts.reference),
                esc(&c.text)
            )?,
            _ => writeln!(
                out,
                "_{} (reference) lacks this paragraph._\n",
                label(opts.reference)
            )?,
        }
        let ref_present = reference.is_some_and(|c| c.present);
        for cell in row.cells.iter().filter(|c| c.version != opts.reference) {
            let moved = if cell.moved { " (moved)" } else { "" };
            if !cell.present {
                writeln!(out, "- {}: _lacks this paragraph_", label(cell.version))?;
            } else if !ref_present {
                writeln!(
                    out,
                    "- {}{moved}: only here: {}",
                    label(cell.version),
                    esc(&cell.text)
                )?;
            } else if cell.changes.is_empty() {
                writeln!(out, "- {}{moved}: same", label(cell.version))?;
            } else {
                let parts: Vec<String> = view
                    .cell_changes(cell)
                    .iter()
                    .map(|c| {
                        format!(
                            "{} ({}{})",
                            change_md(&c.old, &c.new, critic),
                            c.kind.name(),
                            if c.across {
                                ", elsewhere in the row"
                            } else {
                                ""
                            }
                        )
                    })
                    .collect();
                writeln!(
                    out,
                    "- {}{moved}: {}",
                    label(cell.version),
                    parts.join("; ")
                )?;
            }
        }
    }
    if opts.boilerplate {
        writeln!(out, "\n## Boilerplate (not part of the comparison)\n")?;
        for &v in &opts.versions {
            for p in cmp.versions[v]
                .paragraphs
                .iter()
                .filter(|p| p.kind == crate::model::ParagraphKind::Boilerplate)
            {
                writeln!(
                    out,
                    "- {} line {} ({}): {}",
                    label(v),
                    p.line_start,
                    esc(p.reason.as_deref().unwrap_or("boilerplate")),
                    esc(&p.text)
                )?;
            }
        }
    }
    Ok(())
}
