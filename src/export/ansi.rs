//! Text for a terminal or `less -R`: per aligned row, each version's words as a
//! word diff against the reference, like `git diff --word-diff=color` but
//! paragraph-aligned. With colour off, wdiff markers `[-old-]{+new+}` carry the
//! same information. wirediff writes only SGR sequences of its own; input text
//! has its controls made visible.

use std::io::{self, Write};

use super::escape::terminal as esc;
use super::parts;
use crate::compare::Comparison;
use crate::model::ParagraphKind;
use crate::view::StoryView;

const DIM: &str = "\x1b[2m";
const DEL: &str = "\x1b[31;9m";
const INS: &str = "\x1b[32;4m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }

    fn del(&self, text: &str) -> String {
        // A change of invisible characters alone must still show.
        let text = &crate::sanitize::reveal_invisible(text);
        if self.color {
            format!("{DEL}{text}{RESET}")
        } else {
            format!("[-{text}-]")
        }
    }

    fn ins(&self, text: &str) -> String {
        let text = &crate::sanitize::reveal_invisible(text);
        if self.color {
            format!("{INS}{text}{RESET}")
        } else {
            format!("{{+{text}+}}")
        }
    }
}

/// The kinds of a cell's changes, for a reader who cannot tell them by
/// colour: each change of a kind a fact-checker acts on with its old and new
/// words, then the others counted by kind (`⤷ number: 5 → 500 · date: Friday
/// → Monday · 3 wording`). `None` when the cell has no change of its own.
fn kinds_line(changes: &[crate::view::Oriented]) -> Option<String> {
    use crate::diff::ChangeKind as K;
    let own: Vec<_> = changes.iter().filter(|c| !c.across).collect();
    if own.is_empty() {
        return None;
    }
    let short = |s: &str| {
        let s = esc(s.trim());
        let mut t: String = s.chars().take(30).collect();
        if s.chars().count() > 30 {
            t.push('…');
        }
        if t.is_empty() { "∅".to_string() } else { t }
    };
    let minor = [
        K::Wording,
        K::Spelling,
        K::CasePunctuation,
        K::Added,
        K::Removed,
    ];
    let mut parts: Vec<String> = own
        .iter()
        .filter(|c| !minor.contains(&c.kind))
        .map(|c| format!("{}: {} → {}", c.kind.name(), short(&c.old), short(&c.new)))
        .collect();
    for k in minor {
        let n = own.iter().filter(|c| c.kind == k).count();
        if n > 0 {
            parts.push(format!("{n} {}", k.name()));
        }
    }
    Some(format!("⤷ {}", parts.join(" · ")))
}

/// Writes the word diff.
///
/// # Errors
/// When writing fails.
pub fn write(
    cmp: &Comparison,
    view: &StoryView,
    color: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let p = Painter { color };
    let reference = view.choice.reference;
    // A label is one line whatever the file name holds: its newlines are shown,
    // so a name cannot forge rows.
    let label = |v: usize| {
        format!(
            "v{v} {}",
            crate::sanitize::terminal(&cmp.versions[v].label, false)
        )
    };
    writeln!(
        out,
        "{}",
        p.paint(
            BOLD,
            &format!(
                "wirediff: {} versions against {}",
                view.choice.versions.len(),
                label(reference)
            )
        )
    )?;
    if cmp.identical() {
        // As diff(1): the same text says nothing more.
        writeln!(out, "{}", p.paint(DIM, "(identical)"))?;
        return Ok(());
    }
    // A cell of several paragraphs: the next ones start an indented line with a
    // pilcrow, so no line reads as if it belonged to no version.
    let cont = |s: String| s.replace("\n\n", "\n  ¶ ");
    for row in &view.rows {
        writeln!(
            out,
            "\n{}",
            p.paint(DIM, &format!("── row {} ──", row.row + 1))
        )?;
        let ref_cell = row.cell(reference);
        let ref_present = ref_cell.is_some_and(|c| c.present);
        if let Some(c) = ref_cell.filter(|c| c.present) {
            writeln!(
                out,
                "{} {}",
                p.paint(BOLD, &format!("{}:", label(reference))),
                cont(esc(&c.text))
            )?;
        }
        for cell in row.cells.iter().filter(|c| c.version != reference) {
            let head = p.paint(
                BOLD,
                &format!(
                    "{}{}:",
                    label(cell.version),
                    if cell.moved { " (moved)" } else { "" }
                ),
            );
            if !cell.present {
                writeln!(out, "{head} {}", p.paint(DIM, "(lacks this paragraph)"))?;
                continue;
            }
            if !ref_present {
                writeln!(out, "{head} {}", cont(p.ins(&esc(&cell.text))))?;
                continue;
            }
            let changes = view.cell_changes(cell);
            if changes.is_empty() {
                writeln!(out, "{head} {}", p.paint(DIM, "(same)"))?;
                continue;
            }
            let mut line = String::new();
            let pieces = parts::pieces(&cell.text, changes);
            for (i, &(piece, change)) in pieces.iter().enumerate() {
                match change {
                    None => line.push_str(&esc(piece)),
                    Some(c) if c.new.is_empty() => {
                        let (before, after) = parts::deletion_spacing(&pieces, i);
                        if before {
                            line.push(' ');
                        }
                        line.push_str(&p.del(&esc(&c.old)));
                        if after {
                            line.push(' ');
                        }
                    }
                    Some(c) => {
                        if !c.old.is_empty() {
                            line.push_str(&p.del(&esc(&c.old)));
                        }
                        line.push_str(&p.ins(&esc(piece)));
                    }
                }
            }
            writeln!(out, "{head} {}", cont(line))?;
            if let Some(kinds) = kinds_line(changes) {
                writeln!(out, "  {}", p.paint(DIM, &kinds))?;
            }
            // Names spelled differently in two different places of the row:
            // their spans may lie inside the changes above, so each is a line.
            for c in changes.iter().filter(|c| c.across) {
                writeln!(
                    out,
                    "  {} {}{} ({}, elsewhere in the row)",
                    p.paint(DIM, "↔"),
                    p.del(&esc(&c.old)),
                    p.ins(&esc(&c.new)),
                    c.kind.name()
                )?;
            }
        }
    }
    // Every shown row the same, yet the files differ: in what is hidden as
    // page furniture. Say so, or exit code 1 would have nothing to show for it.
    let shown_same =
        view.changes.is_empty() && view.rows.iter().all(|r| r.cells.iter().all(|c| c.present));
    if shown_same {
        let hidden: Vec<String> = view
            .choice
            .versions
            .iter()
            .map(|&v| {
                let n = cmp.versions[v]
                    .paragraphs
                    .iter()
                    .filter(|q| q.kind == crate::model::ParagraphKind::Boilerplate)
                    .count();
                format!("{} {n}", label(v))
            })
            .collect();
        writeln!(
            out,
            "\n{}",
            p.paint(
                DIM,
                &format!(
                    "(the story is the same; the paragraphs hidden as boilerplate differ: {})",
                    hidden.join(", ")
                )
            )
        )?;
    }
    // Listed after the rows, as in the other formats: boilerplate is not part
    // of the comparison, only shown so a reader can check what was set aside.
    if view.choice.boilerplate {
        writeln!(
            out,
            "\n{}",
            p.paint(BOLD, "── boilerplate (not part of the comparison) ──")
        )?;
        for &v in &view.choice.versions {
            for para in cmp.versions[v]
                .paragraphs
                .iter()
                .filter(|para| para.kind == ParagraphKind::Boilerplate)
            {
                writeln!(
                    out,
                    "{} {}",
                    p.paint(
                        BOLD,
                        &format!(
                            "{} line {} ({}):",
                            label(v),
                            para.line_start,
                            crate::sanitize::terminal(
                                para.reason.as_deref().unwrap_or("boilerplate"),
                                false
                            )
                        )
                    ),
                    // One line per paragraph, so none reads as a row's text.
                    crate::sanitize::terminal(&para.text.replace(['\r', '\n'], " "), false)
                )?;
            }
        }
    }
    Ok(())
}
