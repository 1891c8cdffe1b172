//! A Markdown report, readable on GitHub and as plain text: a summary table,
//! then per row the reference paragraph and each version's changes, as
//! `~~old~~ **new**` or, with `critic`, CriticMarkup (`{--old--}`, `{++new++}`,
//! and `{~~old~>new~~}` for a substitution). All
//! input text is escaped, so no link, image, HTML or code comes from an input.

use std::io::{self, Write};

use super::escape::markdown as esc;
use super::view::{self, ExportOptions};
use crate::compare::Comparison;
use crate::diff::ChangeKind;

fn change_md(old: &str, new: &str, critic: bool) -> String {
    match (old.is_empty(), new.is_empty(), critic) {
        (true, _, true) => format!("{{++{}++}}", esc(new)),
        (_, true, true) => format!("{{--{}--}}", esc(old)),
        (false, false, true) => format!("{{~~{}~>{}~~}}", esc(old), esc(new)),
        (true, _, false) => format!("**{}**", esc(new)),
        (_, true, false) => format!("~~{}~~", esc(old)),
        (false, false, false) => format!("~~{}~~ **{}**", esc(old), esc(new)),
    }
}

/// Writes the report.
///
/// # Errors
/// When writing fails.
pub fn write(cmp: &Comparison, opts: &ExportOptions, out: &mut impl Write) -> io::Result<()> {
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
    for s in view::stats(cmp, opts) {
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
        for n in s.by_kind {
            write!(out, " {n} |")?;
        }
        writeln!(out)?;
    }
    for row in view::rows(cmp, opts) {
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
                let parts: Vec<String> = cell
                    .changes
                    .iter()
                    .map(|c| {
                        format!(
                            "{} ({})",
                            change_md(&c.old, &c.new, opts.critic),
                            c.kind.name()
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
