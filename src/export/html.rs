//! A self-contained HTML report: inline CSS, no script, no external resource
//! (a Content-Security-Policy forbids them), light and dark by
//! `prefers-color-scheme`, a print stylesheet, and a stable anchor per row
//! (`#row-12`) so a report can cite a row. The markup is also well-formed XML,
//! which is how the tests parse it back.

use std::io::{self, Write};

use super::escape::html as esc;
use super::view::{self, ExportOptions, Oriented};
use crate::compare::Comparison;
use crate::diff::ChangeKind;

const CSS: &str = r#"
:root { --fg:#1b1b1b; --bg:#fdfdfb; --muted:#6b6b6b; --rule:#d8d8d2; --ref:#eef4fb;
  --wording:#9a5b00; --spelling:#7a2fa8; --number:#005f87; --date:#1f3fbf; --quote:#0f7a2a;
  --case_punctuation:#6c6c6c; --added:#0f7a2a; --removed:#b3261e; --claim:#b3261e; --name:#7a2fa8;
  --attribution:#0f7a2a; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6e6e3; --bg:#17181a; --muted:#9a9a9a;
  --rule:#35363a; --ref:#1d2630; --wording:#ffd75f; --spelling:#d787ff; --number:#5fd7ff;
  --date:#87afff; --quote:#87ff87; --case_punctuation:#9e9e9e; --added:#5fff87; --removed:#ff6b6b;
  --claim:#ff6b6b; --name:#d787ff; --attribution:#87ff87; } }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color:var(--fg); background:var(--bg); margin:2rem; }
h1 { font-size:1.4rem; margin:0 0 1rem; } h2 { font-size:1.1rem; margin:2rem 0 .5rem; }
table { border-collapse:collapse; width:100%; } th, td { border-bottom:1px solid var(--rule); padding:.4rem .6rem; vertical-align:top; text-align:left; }
th { font:600 .8rem/1.3 system-ui, sans-serif; color:var(--muted); }
td.num, th.num { text-align:right; font-family:system-ui, sans-serif; font-size:.85rem; }
.rows td { width:auto; } .rows td.n { width:2.5rem; font:.8rem system-ui, sans-serif; color:var(--muted); }
.rows td.n a { color:inherit; text-decoration:none; } .rows td.ref { background:var(--ref); }
.gap { color:var(--muted); text-align:center; } .moved { font:italic .8rem system-ui, sans-serif; color:var(--muted); }
ins, del, mark { text-decoration-thickness:2px; text-underline-offset:2px; background:none; color:inherit; }
ins { text-decoration-line:underline; font-weight:600; } del { text-decoration-line:line-through; opacity:.8; }
mark.touched { text-decoration:underline dotted; }
.k-wording { color:var(--wording); } .k-spelling { color:var(--spelling); font-style:italic; }
.k-number { color:var(--number); } .k-date { color:var(--date); } .k-quote { color:var(--quote); font-style:italic; }
.k-case_punctuation { color:var(--case_punctuation); font-weight:400; } .k-added { color:var(--added); } .k-removed { color:var(--removed); }
.k-claim { color:var(--claim); font-weight:700; text-decoration-thickness:2px; } .k-name_spelling, .k-name { color:var(--name); font-weight:700; }
.k-number_form { color:var(--number); font-weight:400; } .k-attribution { color:var(--attribution); font-weight:700; }
.legend span { margin-right:1rem; font:.85rem system-ui, sans-serif; }
.boiler p { color:var(--muted); font-size:.9rem; } .boiler .why { font:italic .8rem system-ui, sans-serif; }
footer { margin-top:2rem; color:var(--muted); font:.8rem system-ui, sans-serif; }
@media print { body { margin:0; font-size:10pt; } a { color:inherit; text-decoration:none; }
  tr { break-inside:avoid; } .rows td.ref { background:none; } ins { text-decoration-line:underline; } }
"#;

fn kind_class(k: ChangeKind) -> String {
    format!("k-{}", k.name())
}

fn cell_html(text: &str, changes: &[Oriented]) -> String {
    let mut out = String::new();
    let pieces = view::pieces(text, changes);
    for (i, &(piece, change)) in pieces.iter().enumerate() {
        match change {
            None => out.push_str(&esc(piece).replace('\n', "<br/>")),
            Some(c) if c.new.is_empty() => {
                let (before, after) = view::deletion_spacing(&pieces, i);
                out.push_str(&format!(
                    "<del class=\"{}\" title=\"{}\">{}{}{}</del>",
                    kind_class(c.kind),
                    c.kind.name(),
                    if before { " " } else { "" },
                    esc(piece),
                    if after { " " } else { "" }
                ));
            }
            Some(c) => {
                let title = if c.old.is_empty() {
                    c.kind.name().to_string()
                } else {
                    format!("{}: was “{}”", c.kind.name(), c.old)
                };
                out.push_str(&format!(
                    "<ins class=\"{}\" title=\"{}\">{}</ins>",
                    kind_class(c.kind),
                    esc(&title),
                    esc(piece)
                ));
            }
        }
    }
    out
}

/// Writes the report.
///
/// # Errors
/// When writing fails.
pub fn write(cmp: &Comparison, opts: &ExportOptions, out: &mut impl Write) -> io::Result<()> {
    let ref_label = &cmp.versions[opts.reference].label;
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\"><head><meta charset=\"utf-8\"/>")?;
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
    )?;
    writeln!(
        out,
        "<title>wirediff: {} versions against {}</title>",
        opts.versions.len(),
        esc(ref_label)
    )?;
    writeln!(out, "<style>{CSS}</style></head><body>")?;
    writeln!(
        out,
        "<header><h1>wirediff: {} versions compared against {}</h1>",
        opts.versions.len(),
        esc(ref_label)
    )?;
    writeln!(
        out,
        "<table class=\"versions\"><thead><tr><th>version</th><th>label</th><th>source</th><th class=\"num\">words</th><th class=\"num\">rows</th><th class=\"num\">lacks</th><th class=\"num\">changes</th><th class=\"num\">boilerplate</th></tr></thead><tbody>"
    )?;
    for s in view::stats(cmp, opts) {
        let v = &cmp.versions[s.version];
        let changes: usize = s.by_kind.iter().sum();
        let mark = if s.version == opts.reference {
            " ★ reference"
        } else {
            ""
        };
        writeln!(
            out,
            "<tr><td>v{}{mark}</td><td>{}</td><td>{} <span class=\"moved\">({})</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{changes}</td><td class=\"num\">{}</td></tr>",
            s.version,
            esc(&v.label),
            esc(&v.path),
            esc(&v.encoding),
            s.words,
            s.rows,
            s.missing,
            s.boilerplate
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    write!(out, "<p class=\"legend\">")?;
    for k in ChangeKind::ALL {
        let sample = if k == ChangeKind::Removed {
            format!("<del class=\"{}\">{}</del>", kind_class(k), k.name())
        } else {
            format!("<ins class=\"{}\">{}</ins>", kind_class(k), k.name())
        };
        write!(out, "<span>{sample}</span>")?;
    }
    writeln!(out, "</p></header>")?;
    writeln!(out, "<main><table class=\"rows\"><thead><tr><th>row</th>")?;
    for &v in &opts.versions {
        let mark = if v == opts.reference { " ★" } else { "" };
        writeln!(out, "<th>v{v} {}{mark}</th>", esc(&cmp.versions[v].label))?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for row in view::rows(cmp, opts) {
        let n = row.row + 1;
        write!(
            out,
            "<tr id=\"row-{n}\"><td class=\"n\"><a href=\"#row-{n}\">{n}</a></td>"
        )?;
        for cell in &row.cells {
            if !cell.present {
                write!(
                    out,
                    "<td class=\"gap\" title=\"v{} lacks this paragraph\">—</td>",
                    cell.version
                )?;
                continue;
            }
            let class = if cell.version == opts.reference {
                " class=\"ref\""
            } else {
                ""
            };
            write!(out, "<td{class}>")?;
            if cell.moved {
                write!(
                    out,
                    "<div class=\"moved\">↕ moved: stands elsewhere in v{}</div>",
                    cell.version
                )?;
            }
            write!(out, "{}</td>", cell_html(&cell.text, &cell.changes))?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></main>")?;
    if opts.boilerplate {
        writeln!(
            out,
            "<section class=\"boiler\"><h2>Boilerplate (not part of the comparison)</h2>"
        )?;
        for &v in &opts.versions {
            let ver = &cmp.versions[v];
            let list: Vec<_> = ver
                .paragraphs
                .iter()
                .filter(|p| p.kind == crate::model::ParagraphKind::Boilerplate)
                .collect();
            if list.is_empty() {
                continue;
            }
            writeln!(out, "<h2>v{v} {}</h2>", esc(&ver.label))?;
            for p in list {
                writeln!(
                    out,
                    "<p><span class=\"why\">{} (line {}):</span> {}</p>",
                    esc(p.reason.as_deref().unwrap_or("boilerplate")),
                    p.line_start,
                    esc(&p.text)
                )?;
            }
        }
        writeln!(out, "</section>")?;
    }
    writeln!(
        out,
        "<footer>Made by wirediff {}. Changes are marked against the reference; hover a change for its kind and the reference's wording.</footer>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "</body></html>")
}
