//! A self-contained HTML report: inline CSS, no script, no external resource
//! (a Content-Security-Policy forbids them), light and dark by
//! `prefers-color-scheme`, a print stylesheet, and a stable anchor per row
//! (`#row-12`) so a report can cite a row. After the per-version summary, with
//! a table of contents: the similarity heat map and shares (`#similarity`),
//! the names spelled differently (`#names`) and the quotations worded
//! differently (`#quotations`), all of the shown versions; then the rows
//! (`#rows`), each change's tooltip giving its kind, the reference's wording
//! and its reason. The markup is also well-formed XML, which is how the tests
//! parse it back.

use crate::sanitize::reveal_invisible;
use std::io::{self, Write};

use super::escape::html as esc;
use super::parts;
use crate::analysis::entities::Form;
use crate::analysis::quotes::Status;
use crate::compare::Comparison;
use crate::diff::ChangeKind;
use crate::view::{Choice, Oriented, StoryView};

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
mark.touched { text-decoration:underline dotted; } .across { font:.8rem system-ui, sans-serif; color:var(--muted); }
.k-wording { color:var(--wording); } .k-spelling { color:var(--spelling); font-style:italic; }
.k-number { color:var(--number); } .k-date { color:var(--date); } .k-quote { color:var(--quote); font-style:italic; }
.k-case_punctuation { color:var(--case_punctuation); font-weight:400; } .k-added { color:var(--added); } .k-removed { color:var(--removed); }
.k-claim { color:var(--claim); font-weight:700; text-decoration-thickness:2px; } .k-name_spelling, .k-name { color:var(--name); font-weight:700; }
.k-number_form { color:var(--number); font-weight:400; } .k-attribution { color:var(--attribution); font-weight:700; }
.legend span { margin-right:1rem; font:.85rem system-ui, sans-serif; }
.boiler p { color:var(--muted); font-size:.9rem; } .boiler .why { font:italic .8rem system-ui, sans-serif; }
nav.toc { font:.9rem system-ui, sans-serif; margin:0 0 1rem; } nav.toc a { margin-right:1.2rem; color:inherit; }
.analysis { margin:1.5rem 0; } .analysis table { margin:.5rem 0 1rem; }
.note { font:.85rem/1.45 system-ui, sans-serif; color:var(--muted); max-width:62rem; margin:.3rem 0; }
table.matrix { width:auto; } table.matrix td { text-align:center; min-width:3.8rem; font:.85rem system-ui, sans-serif; border:2px solid var(--bg); }
table.matrix td.self { color:var(--muted); }
.s0 { background:#f7fbff; color:#1b1b1b; } .s1 { background:#e3eef9; color:#1b1b1b; } .s2 { background:#cfe1f2; color:#1b1b1b; }
.s3 { background:#b5d4e9; color:#1b1b1b; } .s4 { background:#93c3df; color:#1b1b1b; } .s5 { background:#6daed5; color:#1b1b1b; }
.s6 { background:#4b97c9; color:#fff; } .s7 { background:#2f7ebc; color:#fff; } .s8 { background:#1864aa; color:#fff; }
.s9 { background:#0a4a90; color:#fff; }
.flag { font:600 .75rem system-ui, sans-serif; color:var(--removed); border:1px solid currentColor; border-radius:3px; padding:0 .3rem; }
.central { font:italic .8rem system-ui, sans-serif; color:var(--muted); }
table.names .form { white-space:nowrap; } table.names td.name { font-weight:700; } table.names .odd { color:var(--name); font-weight:700; }
table.quotes td .status { display:block; font:600 .72rem system-ui, sans-serif; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
table.quotes td.q-reworded .status { color:var(--wording); } table.quotes td.q-unquoted .status, table.quotes td.q-absent .status { color:var(--removed); }
table.quotes td.q-unquoted, table.quotes td.q-absent { color:var(--muted); font-style:italic; }
table.quotes td.n { width:2.5rem; font:.8rem system-ui, sans-serif; } table.quotes td.n a { color:var(--muted); text-decoration:none; }
footer { margin-top:2rem; color:var(--muted); font:.8rem system-ui, sans-serif; }
@media print { body { margin:0; font-size:10pt; } a { color:inherit; text-decoration:none; }
  tr { break-inside:avoid; } .rows td.ref { background:none; } ins { text-decoration-line:underline; }
  table.matrix td { print-color-adjust:exact; -webkit-print-color-adjust:exact; } nav.toc { display:none; } }
"#;

fn kind_class(k: ChangeKind) -> String {
    format!("k-{}", k.name())
}

/// A change's tooltip: its kind, the reference's wording, and why it is that kind.
fn title(c: &Oriented) -> String {
    let mut t = if c.old.is_empty() || c.new.is_empty() {
        c.kind.name().to_string()
    } else {
        format!("{}: was “{}”", c.kind.name(), c.old)
    };
    let reason = c.reason.to_string();
    if !reason.is_empty() {
        t.push_str(" — ");
        t.push_str(&reason);
    }
    esc(&t)
}

/// A cell's text with its changes marked; `reference` is the reference's
/// text of the cell (where the changes' old spans are). Changes found across
/// the row follow the text, one per line, as they may lie inside others.
fn cell_html(text: &str, changes: &[Oriented], reference: &str) -> String {
    let mut out = String::new();
    let pieces = parts::pieces(text, changes);
    for (i, &(piece, change)) in pieces.iter().enumerate() {
        match change {
            None => out.push_str(&esc(piece).replace('\n', "<br/>")),
            Some(c) if c.new.is_empty() => {
                let (before, after) = parts::deletion_spacing(&pieces, i);
                // Spaced as in the reference: "drone" + "s", "But" + "," are
                // glued there, and shown glued.
                let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
                let before = before
                    && spaced(
                        reference
                            .get(..c.old_span.start)
                            .and_then(|t| t.chars().next_back()),
                    );
                let after = after
                    && spaced(
                        reference
                            .get(c.old_span.end..)
                            .and_then(|t| t.chars().next()),
                    );
                out.push_str(&format!(
                    "<del class=\"{}\" title=\"{}\">{}{}{}</del>",
                    kind_class(c.kind),
                    title(c),
                    if before { " " } else { "" },
                    esc(&reveal_invisible(piece)),
                    if after { " " } else { "" }
                ));
            }
            Some(c) => {
                out.push_str(&format!(
                    "<ins class=\"{}\" title=\"{}\">{}</ins>",
                    kind_class(c.kind),
                    title(c),
                    esc(&reveal_invisible(piece))
                ));
            }
        }
    }
    for c in changes.iter().filter(|c| c.across) {
        out.push_str(&format!(
            "<div class=\"across\">elsewhere in the row: <del class=\"{0}\" title=\"{1}\">{2}</del> <ins class=\"{0}\" title=\"{1}\">{3}</ins></div>",
            kind_class(c.kind),
            title(c),
            esc(&reveal_invisible(&c.old)),
            esc(&reveal_invisible(&c.new))
        ));
    }
    out
}

/// The heat-map class of a similarity: `s0` (under 10%) to `s9` (90% and more).
fn shade(x: f64) -> String {
    let step = (0..9).take_while(|&i| x >= f64::from(i + 1) / 10.0).count();
    format!("s{step}")
}

/// A version's short name: `v2 label`.
fn version_name(cmp: &Comparison, v: usize) -> String {
    format!("v{v} {}", esc(&cmp.versions[v].label))
}

/// The similarity matrix of the shown versions, their shares of the
/// reference's text, and the paraphrase signal.
fn write_similarity(cmp: &Comparison, view: &StoryView, out: &mut impl Write) -> io::Result<()> {
    let (st, opts) = (&view.analysis(cmp).stats, &view.choice);
    writeln!(
        out,
        "<section id=\"similarity\" class=\"analysis\"><h2>Similarity</h2>"
    )?;
    let central = if opts.versions.contains(&st.most_central) {
        String::new()
    } else {
        " (not shown here)".to_string()
    };
    writeln!(
        out,
        "<p class=\"note\">Each cell: the share of two versions’ story words that stand in word-for-word equal stretches of their aligned paragraphs (darker is more alike). Most alike all the others, so likely the original: {}{central}.</p>",
        version_name(cmp, st.most_central)
    )?;
    write!(out, "<table class=\"matrix\"><thead><tr><th></th>")?;
    for &v in &opts.versions {
        write!(
            out,
            "<th class=\"num\" title=\"{}\">v{v}</th>",
            esc(&cmp.versions[v].label)
        )?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for &a in &opts.versions {
        let mark = if a == opts.reference { " ★" } else { "" };
        write!(out, "<tr><th>{}{mark}</th>", version_name(cmp, a))?;
        for &b in &opts.versions {
            if a == b {
                write!(out, "<td class=\"self\">—</td>")?;
            } else {
                let x = st.matrix[a][b];
                write!(
                    out,
                    "<td class=\"{}\" title=\"v{a} and v{b}: {:.1}% alike\">{}</td>",
                    shade(x),
                    x * 100.0,
                    parts::pct(x)
                )?;
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")?;
    writeln!(
        out,
        "<table class=\"shares\"><thead><tr><th>version</th><th class=\"num\">verbatim</th><th class=\"num\">reworded</th><th class=\"num\">unique</th><th class=\"num\">rows dropped</th><th class=\"num\">words dropped</th><th class=\"num\">one-word swaps</th><th class=\"num\">rewrites</th><th>signal</th></tr></thead><tbody>"
    )?;
    for &v in &opts.versions {
        let s = &st.versions[v];
        let signal = if v == opts.reference {
            "<span class=\"central\">★ reference</span>".to_string()
        } else if s.paraphrase {
            format!(
                "<span class=\"flag\" title=\"{} one-word swaps against {} clause-sized rewrites\">likely machine paraphrase</span>",
                s.swaps, s.rewrites
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "<tr><td>{}</td>{}<td>{signal}</td></tr>",
            version_name(cmp, v),
            parts::stats_cells(s)
                .iter()
                .map(|c| format!("<td class=\"num\">{c}</td>"))
                .collect::<String>()
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    writeln!(
        out,
        "<p class=\"note\">{}</p>",
        parts::stats_note(&version_name(cmp, opts.reference))
    )?;
    writeln!(out, "</section>")
}

/// Names the shown versions spell in more than one way, a column per version.
fn write_names(cmp: &Comparison, view: &StoryView, out: &mut impl Write) -> io::Result<()> {
    let (names, opts) = (&view.analysis(cmp).names, &view.choice);
    writeln!(
        out,
        "<section id=\"names\" class=\"analysis\"><h2>Names spelled differently</h2>"
    )?;
    if names.is_empty() {
        writeln!(
            out,
            "<p class=\"note\">The shown versions spell every name alike.</p></section>"
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "<p class=\"note\">Each name’s spellings, by version; spellings other than the most used one are marked. Hover a spelling for how often it is used.</p>"
    )?;
    write!(out, "<table class=\"names\"><thead><tr><th>name</th>")?;
    for &v in &opts.versions {
        let mark = if v == opts.reference { " ★" } else { "" };
        write!(out, "<th>{}{mark}</th>", version_name(cmp, v))?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for n in names {
        let main = n.forms[0].text.to_lowercase();
        let form = |f: &Form| {
            let odd = if f.text.to_lowercase() == main {
                ""
            } else {
                " odd"
            };
            let list: Vec<String> = f.versions.iter().map(|v| format!("v{v}")).collect();
            format!(
                "<span class=\"form{odd}\" title=\"{} uses in {}\">{}</span>",
                f.count,
                list.join(", "),
                esc(&f.text)
            )
        };
        write!(out, "<tr><td class=\"name\">{}</td>", form(&n.forms[0]))?;
        for (v, used) in &n.by_version {
            if used.is_empty() {
                write!(
                    out,
                    "<td class=\"gap\" title=\"v{v} does not use this name\">—</td>"
                )?;
            } else {
                let list: Vec<String> = used.iter().map(&form).collect();
                write!(out, "<td>{}</td>", list.join(", "))?;
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></section>")
}

/// Quotations whose wording differs among the shown versions, side by side.
fn write_quotes(cmp: &Comparison, view: &StoryView, out: &mut impl Write) -> io::Result<()> {
    let (quotes, opts) = (&view.analysis(cmp).quotes, &view.choice);
    writeln!(
        out,
        "<section id=\"quotations\" class=\"analysis\"><h2>Quotations</h2>"
    )?;
    if quotes.is_empty() {
        writeln!(
            out,
            "<p class=\"note\">The shown versions quote alike.</p></section>"
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "<p class=\"note\">Quotations worded differently in the shown versions. Each wording is compared with that of the first version quoting it: “same”, “reworded” (the words that differ are marked), “unquoted” (its words are there, without quotation marks), “absent” (the paragraph is there, the quotation is not).</p>"
    )?;
    write!(out, "<table class=\"quotes\"><thead><tr><th>row</th>")?;
    for &v in &opts.versions {
        let mark = if v == opts.reference { " ★" } else { "" };
        write!(out, "<th>{}{mark}</th>", version_name(cmp, v))?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for q in quotes {
        let n = q.row + 1;
        let hidden_base = if opts.versions.contains(&q.base) {
            String::new()
        } else {
            format!(
                "<span class=\"status\" title=\"the wording the others are compared with\">vs v{}</span>",
                q.base
            )
        };
        write!(
            out,
            "<tr><td class=\"n\"><a href=\"#row-{n}\">{n}</a>{hidden_base}</td>"
        )?;
        let base_text = q.base_text.as_str();
        for (v, qw) in &q.wordings {
            let v = *v;
            let Some(qw) = qw else {
                write!(
                    out,
                    "<td class=\"gap\" title=\"v{v} lacks this paragraph\">—</td>"
                )?;
                continue;
            };
            let w = &qw.wording;
            let (class, label, body) = match w.status {
                Status::Same if v == q.base => {
                    ("same", "first quoted", cell_html(&w.text, &[], &w.text))
                }
                Status::Same => ("same", "same", cell_html(&w.text, &[], &w.text)),
                Status::Reworded => (
                    "reworded",
                    "reworded",
                    cell_html(&w.text, &qw.changes, base_text),
                ),
                Status::Unquoted => (
                    "unquoted",
                    "unquoted",
                    "its words, without quotation marks".to_string(),
                ),
                Status::Absent => ("absent", "absent", "not in this version".to_string()),
            };
            write!(
                out,
                "<td class=\"q-{class}\"><span class=\"status\">{label}</span>{body}</td>"
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></section>")
}

/// Writes the report.
///
/// # Errors
/// When writing fails.
pub fn write(cmp: &Comparison, view: &StoryView, out: &mut impl Write) -> io::Result<()> {
    let opts: &Choice = &view.choice;
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
        "<nav class=\"toc\"><a href=\"#similarity\">Similarity</a><a href=\"#names\">Names spelled differently</a><a href=\"#quotations\">Quotations</a><a href=\"#rows\">Row by row</a></nav>"
    )?;
    writeln!(
        out,
        "<table class=\"versions\"><thead><tr><th>version</th><th>label</th><th>source</th><th class=\"num\">words</th><th class=\"num\">rows</th><th class=\"num\">lacks</th><th class=\"num\">changes</th><th class=\"num\">boilerplate</th></tr></thead><tbody>"
    )?;
    for s in &view.summaries {
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
    writeln!(out, "</tbody></table></header>")?;
    write_similarity(cmp, view, out)?;
    write_names(cmp, view, out)?;
    write_quotes(cmp, view, out)?;
    writeln!(out, "<main id=\"rows\"><h2>Row by row</h2>")?;
    write!(out, "<p class=\"legend\">")?;
    for k in ChangeKind::ALL {
        let sample = if k == ChangeKind::Removed {
            format!("<del class=\"{}\">{}</del>", kind_class(k), k.name())
        } else {
            format!("<ins class=\"{}\">{}</ins>", kind_class(k), k.name())
        };
        write!(out, "<span>{sample}</span>")?;
    }
    writeln!(out, "</p>")?;
    writeln!(out, "<table class=\"rows\"><thead><tr><th>row</th>")?;
    for &v in &opts.versions {
        let mark = if v == opts.reference { " ★" } else { "" };
        writeln!(out, "<th>v{v} {}{mark}</th>", esc(&cmp.versions[v].label))?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for row in &view.rows {
        let n = row.row + 1;
        let reference = row.cell(opts.reference).map_or("", |c| c.text.as_str());
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
            write!(
                out,
                "{}</td>",
                cell_html(&cell.text, view.cell_changes(cell), reference)
            )?;
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
        "<footer>Made by wirediff {}. Changes are marked against the reference; hover a change for its kind, the reference's wording and why it is that kind.</footer>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "</body></html>")
}
