//! A plain-text table of a comparison for people: one block per row, each
//! version's paragraph lines and text, then the changes against the row's first
//! version. All input text goes through [`crate::sanitize::terminal`].

use std::io::{self, Write};

use crate::compare::Comparison;
use crate::sanitize::terminal;

/// Widest excerpt of a paragraph shown in the table, in characters.
const EXCERPT: usize = 90;

fn excerpt(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(EXCERPT).collect();
    if flat.chars().count() > EXCERPT {
        out.push('…');
    }
    terminal(&out, false).into_owned()
}

/// Writes the table.
///
/// # Errors
/// When writing fails.
pub fn write(cmp: &Comparison, out: &mut impl Write) -> io::Result<()> {
    for (v, ver) in cmp.versions.iter().enumerate() {
        let hidden = ver
            .paragraphs
            .iter()
            .filter(|p| p.kind == crate::model::ParagraphKind::Boilerplate)
            .count();
        writeln!(
            out,
            "v{v}  {}  ({} words, {} paragraphs, {hidden} boilerplate hidden, {})",
            terminal(&ver.path, false),
            ver.story_word_count(),
            ver.paragraphs.len(),
            ver.encoding
        )?;
    }
    writeln!(out)?;
    for (r, row) in cmp.table.rows.iter().enumerate() {
        let moved = if row.moved.is_empty() {
            String::new()
        } else {
            let vs: Vec<String> = row.moved.iter().map(|v| format!("v{v}")).collect();
            format!("  moved: {}", vs.join(", "))
        };
        writeln!(
            out,
            "row {r}  similarity {:.2}{moved}",
            cmp.similarity.get(r).copied().unwrap_or(1.0)
        )?;
        for (v, ids) in row.cells.iter().enumerate() {
            if ids.is_empty() {
                continue;
            }
            let ver = &cmp.versions[v];
            let lines: Vec<String> = ids
                .iter()
                .filter_map(|&i| ver.paragraphs.get(i))
                .map(|p| {
                    if p.line_start == p.line_end {
                        format!("{}", p.line_start)
                    } else {
                        format!("{}-{}", p.line_start, p.line_end)
                    }
                })
                .collect();
            writeln!(
                out,
                "  v{v} L{:<8} {}",
                lines.join(","),
                excerpt(&cmp.cell_text(r, v))
            )?;
        }
        let first = row.present().next();
        for c in cmp
            .changes
            .iter()
            .filter(|c| c.row == r && Some(c.against) == first)
        {
            writeln!(
                out,
                "    v{} {:<16} [-{}-] {{+{}+}}",
                c.version,
                format!("{:?}", c.change.kind).to_lowercase(),
                terminal(&c.change.old, false),
                terminal(&c.change.new, false)
            )?;
        }
    }
    Ok(())
}
