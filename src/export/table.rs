//! A plain-text table of a comparison for people: one block per row, each
//! shown version's paragraph lines and text, then its changes against the
//! view's reference, read from the [`StoryView`] (oriented once there, as in
//! every other reader). All input text goes through [`crate::sanitize::terminal`].

use std::io::{self, Write};

use crate::compare::Comparison;
use crate::sanitize::terminal;
use crate::view::StoryView;

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

/// Writes the table of `view`, a view of `cmp`.
///
/// # Errors
/// When writing fails.
pub fn write(cmp: &Comparison, view: &StoryView, out: &mut impl Write) -> io::Result<()> {
    let reference = view.choice.reference;
    for &v in &view.choice.versions {
        let ver = &cmp.versions[v];
        let hidden = ver
            .paragraphs
            .iter()
            .filter(|p| p.kind == crate::model::ParagraphKind::Boilerplate)
            .count();
        writeln!(
            out,
            "v{v}  {}  {}  ({} words, {} paragraphs, {hidden} boilerplate hidden, {}){}",
            terminal(&ver.label, false),
            terminal(&ver.path, false),
            ver.story_word_count(),
            ver.paragraphs.len(),
            ver.encoding,
            if v == reference { "  reference" } else { "" }
        )?;
    }
    writeln!(out)?;
    for row in &view.rows {
        let r = row.row;
        let moved: Vec<String> = row
            .cells
            .iter()
            .filter(|c| c.moved)
            .map(|c| format!("v{}", c.version))
            .collect();
        let moved = if moved.is_empty() {
            String::new()
        } else {
            format!("  moved: {}", moved.join(", "))
        };
        writeln!(
            out,
            "row {r}  similarity {:.2}{moved}",
            cmp.similarity.get(r).copied().unwrap_or(1.0)
        )?;
        for cell in row.cells.iter().filter(|c| c.present) {
            let v = cell.version;
            let lines: Vec<String> = cmp.table.rows[r].cells[v]
                .iter()
                .filter_map(|&i| cmp.versions[v].paragraphs.get(i))
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
                excerpt(&cell.text)
            )?;
        }
        for c in row.cells.iter().flat_map(|cell| view.cell_changes(cell)) {
            writeln!(
                out,
                "    v{} {:<16} [-{}-] {{+{}+}}",
                c.version,
                c.kind.name(),
                terminal(&c.old, false),
                terminal(&c.new, false)
            )?;
        }
    }
    Ok(())
}
