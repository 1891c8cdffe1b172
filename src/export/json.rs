//! The JSON contract of `wirediff align --format json` (and `export --format json`).
//!
//! Private DTOs, not the core types, are serialised, so the engine can change
//! without breaking consumers; any change to this shape bumps [`SCHEMA_VERSION`].
//! Shape: `{"schema_version", "identical", "versions": [{"path", "label",
//! "encoding", "notes", "paragraphs": [{"id", "line_start", "line_end",
//! "byte_start", "byte_end", "kind", "reason", "text"}]}], "rows": [{"cells",
//! "similarity", "moved"}], "changes": [{"row", "version", "against", "kind",
//! "reason", "across"?, "old", "new", "old_start", "old_end", "new_start", "new_end"}]}`. A change says:
//! in row `row`, text `old` of version `against` reads `new` in version `version`;
//! the offsets are byte offsets into the cell texts (paragraphs of a cell joined by
//! a blank line). Then `"stats"` (`reference`, `most_central`, `matrix`, and per
//! version `verbatim`/`reworded`/`unique` shares, `dropped_words`,
//! `swaps_per_100`, `paraphrase`), `"entities"` (`[{"forms": [{"text",
//! "versions", "count"}], "variants"}]`) and `"quotes"` (`[{"row", "wordings":
//! [{"version", "text", "status"}]}]`). New fields may be added within a
//! schema version; removing or changing one bumps it.
//!
//! `export --reference N --versions …` (and the UI's export) write the same
//! document, with `stats` against the chosen reference, plus a `"view"`
//! object: `{"reference", "versions", "boilerplate", "changes": [{"row",
//! "version", "against", "kind", "reason", "across"?, "old", "new",
//! "old_start", "old_end", "new_start", "new_end"}]}` (`against` is the
//! reference, the offsets index its cell and the version's) — every change between the reference
//! and a chosen version, read from the reference (`old` is the reference's
//! text, `kind` `added` is text only `version` has), in the order the other
//! formats show them. Without a choice (every version, the default reference,
//! no boilerplate) there is no `"view"` and the document is the contract above,
//! byte for byte.

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::entities::Entity;
use crate::analysis::quotes::Quotation;
use crate::analysis::stats::{self, Stats};
use crate::compare::{Comparison, Pairing, RowChange};
use crate::diff::{ChangeKind, Reason};
use crate::model::ParagraphKind;
use crate::view::{Choice, StoryView};

/// Version of the JSON shape; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A sequence written from an iterator made when it is written: the document
/// never holds its items (on two whole books, the changes alone made tens of
/// megabytes of borrowed records before the first byte went out).
struct Seq<'a, T>(Box<dyn Fn() -> Box<dyn Iterator<Item = T> + 'a> + 'a>);

impl<'a, T> Seq<'a, T> {
    fn new<I>(items: impl Fn() -> I + 'a) -> Self
    where
        I: Iterator<Item = T> + 'a,
    {
        Self(Box::new(move || Box::new(items())))
    }
}

impl<T: Serialize> Serialize for Seq<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// The document, written field by field by [`emit`] (in this order).
struct Doc<'a> {
    schema_version: u32,
    identical: bool,
    versions: Seq<'a, VersionDto<'a>>,
    rows: Seq<'a, RowDto<'a>>,
    changes: &'a [RowChange],
    /// Which pairs `changes` holds: `all` (every pair of versions in a row)
    /// or `hub` (many versions: each row's versions against its hub, the
    /// most central version the row has).
    pairs: &'static str,
    stats: &'a Stats,
    entities: &'a [Entity],
    quotes: &'a [Quotation],
    view: Option<ViewDto<'a>>,
}

#[derive(Serialize)]
struct ViewDto<'a> {
    reference: usize,
    versions: &'a [usize],
    boilerplate: bool,
    changes: Seq<'a, ChangeDto<'a>>,
}

#[derive(Serialize)]
struct VersionDto<'a> {
    path: &'a str,
    label: &'a str,
    encoding: &'a str,
    notes: &'a [String],
    /// What a web page says about itself; absent for text versions.
    #[serde(skip_serializing_if = "Option::is_none")]
    metadata: Option<&'a crate::model::Metadata>,
    paragraphs: Seq<'a, ParagraphDto<'a>>,
}

#[derive(Serialize)]
struct ParagraphDto<'a> {
    id: usize,
    line_start: usize,
    line_end: usize,
    byte_start: usize,
    byte_end: usize,
    kind: ParagraphKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct RowDto<'a> {
    cells: &'a [Vec<usize>],
    similarity: f64,
    moved: &'a [usize],
}

#[derive(Serialize)]
struct ChangeDto<'a> {
    row: usize,
    version: usize,
    against: usize,
    kind: ChangeKind,
    reason: &'a Reason,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    across: bool,
    old: &'a str,
    new: &'a str,
    old_start: usize,
    old_end: usize,
    new_start: usize,
    new_end: usize,
}

impl<'a> ChangeDto<'a> {
    /// A change as the comparison stores it.
    fn stored(c: &'a RowChange) -> Self {
        let ch = &c.change;
        Self::new(
            (c.row, c.version, c.against),
            (ch.kind, &ch.reason, c.across),
            (&ch.old, &ch.new),
            (&ch.old_span, &ch.new_span),
        )
    }

    /// One change as written: `(row, version, against)`, then what both
    /// change types hold (a stored [`crate::compare::RowChange`] and a view's
    /// [`crate::view::Oriented`] alike).
    fn new(
        (row, version, against): (usize, usize, usize),
        (kind, reason, across): (ChangeKind, &'a Reason, bool),
        (old, new): (&'a str, &'a str),
        (old_span, new_span): (&std::ops::Range<usize>, &std::ops::Range<usize>),
    ) -> Self {
        Self {
            row,
            version,
            against,
            kind,
            reason,
            across,
            old,
            new,
            old_start: old_span.start,
            old_end: old_span.end,
            new_start: new_span.start,
            new_end: new_span.end,
        }
    }
}

/// Writes `cmp` as one compact JSON document followed by a newline
/// (the contract of `align --format json`: statistics against the default
/// reference, no `"view"`).
///
/// # Errors
/// When writing fails.
pub fn write(cmp: &Comparison, out: &mut impl Write) -> io::Result<()> {
    // The statistics and the names and quotations need nothing of each
    // other: both at once (the analysis is kept on `cmp` for `doc`).
    let (st, _) = rayon::join(|| stats::compute_central(cmp), || cmp.analysis());
    emit(&doc(cmp, &st, None), out)
}

/// Writes `cmp` as seen in `view`: statistics against its reference, and a
/// `"view"` object with its oriented changes unless the view is the default
/// one (then the output is that of [`write`]).
///
/// # Errors
/// When writing fails.
pub fn write_view(cmp: &Comparison, view: &StoryView, out: &mut impl Write) -> io::Result<()> {
    let chosen = (view.choice != Choice::default_for(cmp)).then(|| ViewDto {
        reference: view.choice.reference,
        versions: &view.choice.versions,
        boilerplate: view.choice.boilerplate,
        changes: Seq::new(|| {
            view.changes.iter().map(|c| {
                ChangeDto::new(
                    (c.row, c.version, c.against),
                    (c.kind, &c.reason, c.across),
                    (&c.old, &c.new),
                    (&c.old_span, &c.new_span),
                )
            })
        }),
    });
    emit(&doc(cmp, &view.analysis(cmp).stats, chosen), out)
}

/// Writes any value as compact, terminal-safe JSON (see [`TerminalSafe`]),
/// for other commands' JSON output (`extract`).
///
/// # Errors
/// When writing fails.
pub fn write_value<T: Serialize>(value: &T, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, TerminalSafe);
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

fn emit(doc: &Doc<'_>, out: &mut impl Write) -> io::Result<()> {
    // Compact: indentation made a third of the bytes of a document that runs
    // to several times its input (`jq .` lays it out for people). Written
    // field by field, as serde would write the struct, so that the changes
    // (most of a long story's document) can be written in parallel.
    out.write_all(b"{\"schema_version\":")?;
    value(out, &doc.schema_version)?;
    out.write_all(b",\"identical\":")?;
    value(out, &doc.identical)?;
    out.write_all(b",\"versions\":")?;
    value(out, &doc.versions)?;
    out.write_all(b",\"rows\":")?;
    value(out, &doc.rows)?;
    out.write_all(b",\"changes\":")?;
    changes(out, doc.changes)?;
    out.write_all(b",\"pairs\":")?;
    value(out, doc.pairs)?;
    out.write_all(b",\"stats\":")?;
    value(out, doc.stats)?;
    out.write_all(b",\"entities\":")?;
    value(out, doc.entities)?;
    out.write_all(b",\"quotes\":")?;
    value(out, doc.quotes)?;
    if let Some(view) = &doc.view {
        out.write_all(b",\"view\":")?;
        value(out, view)?;
    }
    out.write_all(b"}")?;
    writeln!(out)
}

/// Writes one value as compact, terminal-safe JSON.
fn value<T: Serialize + ?Sized>(out: &mut (impl Write + ?Sized), v: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, TerminalSafe);
    v.serialize(&mut ser).map_err(io::Error::from)
}

/// Changes serialised per block on every core, a few blocks at a time (so
/// the document is never held whole), and written in order: the same bytes
/// as one array written by one thread.
const CHANGES_PER_BLOCK: usize = 4096;

/// Writes the stored changes as a JSON array (see [`CHANGES_PER_BLOCK`]).
fn changes(out: &mut impl Write, all: &[RowChange]) -> io::Result<()> {
    use rayon::prelude::*;
    out.write_all(b"[")?;
    let blocks: Vec<&[RowChange]> = all.chunks(CHANGES_PER_BLOCK).collect();
    let window = 2 * rayon::current_num_threads().max(1);
    let mut first = true;
    for some in blocks.chunks(window) {
        let written: Vec<io::Result<Vec<u8>>> = some
            .par_iter()
            .map(|block| {
                let mut buf = Vec::with_capacity(block.len() * 192);
                for (k, c) in block.iter().enumerate() {
                    if k > 0 {
                        buf.push(b',');
                    }
                    value(&mut buf, &ChangeDto::stored(c))?;
                }
                Ok(buf)
            })
            .collect();
        for buf in written {
            if !first {
                out.write_all(b",")?;
            }
            first = false;
            out.write_all(&buf?)?;
        }
    }
    out.write_all(b"]")
}

/// Compact JSON that is safe on a terminal: serde_json escapes only C0
/// controls, so DEL, C1 controls (U+009B is a CSI) and the bidirectional
/// overrides of the input would reach a terminal raw when the JSON is printed.
/// They are written as `\uXXXX` instead, which every JSON reader decodes to
/// the same string: the document means exactly what it meant.
struct TerminalSafe;

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Only DEL or a character outside ASCII can be unsafe: runs of other
        // bytes are skipped by one comparison each and copied as they are.
        let bytes = fragment.as_bytes();
        let mut start = 0;
        let mut from = 0;
        while let Some(at) = bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b >= 0x7f))
            .map(|p| from + p)
        {
            // `at` starts a character: the search resumes after whole
            // characters, so it never stops inside one.
            let Some(c) = fragment.get(at..).and_then(|s| s.chars().next()) else {
                break;
            };
            from = at + c.len_utf8();
            if crate::sanitize::is_unsafe(c) {
                writer.write_all(bytes.get(start..at).unwrap_or_default())?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = from;
            }
        }
        writer.write_all(fragment.get(start..).unwrap_or_default().as_bytes())
    }
}

fn doc<'a>(cmp: &'a Comparison, st: &'a Stats, view: Option<ViewDto<'a>>) -> Doc<'a> {
    let analysis = cmp.analysis();
    Doc {
        schema_version: SCHEMA_VERSION,
        identical: cmp.identical(),
        versions: Seq::new(|| {
            cmp.versions.iter().map(|v| VersionDto {
                path: &v.path,
                label: &v.label,
                encoding: &v.encoding,
                notes: &v.notes,
                metadata: v.metadata.as_ref(),
                paragraphs: Seq::new(|| {
                    v.paragraphs.iter().map(|p| ParagraphDto {
                        id: p.id,
                        line_start: p.line_start,
                        line_end: p.line_end,
                        byte_start: p.byte_start,
                        byte_end: p.byte_end,
                        kind: p.kind,
                        reason: p.reason.as_deref(),
                        text: &p.text,
                    })
                }),
            })
        }),
        rows: Seq::new(|| {
            cmp.table
                .rows
                .iter()
                .zip(&cmp.similarity)
                .map(|(r, &similarity)| RowDto {
                    cells: &r.cells,
                    similarity: (similarity * 1000.0).round() / 1000.0,
                    moved: &r.moved,
                })
        }),
        changes: &cmp.changes,
        pairs: match cmp.pairing {
            Pairing::All => "all",
            Pairing::Hub { .. } => "hub",
        },
        stats: st,
        entities: &analysis.entities,
        quotes: &analysis.quotes,
        view,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::ser::Formatter;

    /// The escaping agrees with the terminal sanitiser on every character
    /// serde_json does not escape itself, and the JSON still reads the same.
    #[test]
    fn every_unsafe_character_is_escaped_and_no_other() {
        for c in (0x20..=0x10_ffff).filter_map(char::from_u32) {
            if matches!(c, '"' | '\\') {
                continue;
            }
            let fragment = format!("a{c}b");
            let mut out = Vec::new();
            TerminalSafe
                .write_string_fragment(&mut out, &fragment)
                .expect("writes");
            let out = String::from_utf8(out).expect("UTF-8");
            if crate::sanitize::is_unsafe(c) {
                assert_eq!(out, format!("a\\u{:04x}b", u32::from(c)), "{c:?}");
                let back: String = serde_json::from_str(&format!("\"{out}\"")).expect("json");
                assert_eq!(back, fragment);
            } else {
                assert_eq!(out, fragment, "{c:?}");
            }
        }
    }
}
