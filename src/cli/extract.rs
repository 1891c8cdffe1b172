//! `wirediff extract`, and reading operands one by one when some are URLs.
//!
//! `extract` prints what wirediff read from each page: the headline and the
//! story paragraphs, one per line (the form extraction is scored in), or with
//! `--format json` the page's metadata, every paragraph with its kind and the
//! boilerplate with its reasons. Page text goes through
//! [`crate::sanitize::terminal`] on its way out, as every other output does.
//!
//! Operands that are URLs are fetched ([`crate::ingest::fetch`]). With several
//! operands every failure is named; nothing is compared or printed unless all
//! were read, or `--keep-going` says to go on without them.

use std::ffi::OsStr;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};
use serde::Serialize;

use super::{ExtractFormat, GlobalArgs, finish_write};
use crate::ingest::{self, Error, ReadOptions, fetch};
use crate::model::{Metadata, ParagraphKind, Version};
use crate::sanitize;

/// Whether an operand is a URL.
#[must_use]
pub fn is_url(op: &OsStr) -> bool {
    op.to_str().is_some_and(fetch::is_url)
}

/// Reads one operand: a URL is fetched, a file or directory read, `-` stdin.
fn load_one(
    op: &OsStr,
    read: &ReadOptions,
    fetch_opts: &fetch::FetchOptions,
) -> Result<Vec<Version>, Error> {
    if let Some(url) = op.to_str().filter(|s| fetch::is_url(s)) {
        let fetched = fetch::fetch(url, fetch_opts)?;
        return Ok(vec![fetch::decode_fetched(fetched, read)?]);
    }
    ingest::read_inputs(&[op], read)?
        .iter()
        .map(|i| ingest::decode(i, read))
        .collect()
}

/// Reads every operand on its own. Without `--keep-going` any failure stops
/// the run, naming every operand that failed; with it, each failure is
/// reported on stderr and the rest go on.
///
/// # Errors
/// The failures, one per line after the first; `-` given twice.
pub fn load_each(global: &GlobalArgs, operands: &[impl AsRef<OsStr>]) -> Result<Vec<Version>> {
    if operands.iter().filter(|o| o.as_ref() == "-").count() > 1 {
        return Err(Error::StdinTwice.into());
    }
    let read = ReadOptions {
        max_bytes: global.max_input,
        allow_binary: global.text,
    };
    let fetch_opts = fetch::FetchOptions {
        timeout: Duration::from_secs(global.timeout.max(1)),
        max_bytes: global.max_input,
    };
    let mut versions = Vec::new();
    let mut failed: Vec<Error> = Vec::new();
    for op in operands {
        match load_one(op.as_ref(), &read, &fetch_opts) {
            Ok(vs) => versions.extend(vs),
            Err(e) => failed.push(e),
        }
    }
    if failed.is_empty() {
        return Ok(versions);
    }
    if !global.keep_going {
        let n = failed.len();
        let list: Vec<String> = failed.iter().map(ToString::to_string).collect();
        if n == 1 {
            bail!("{}", list[0]);
        }
        bail!(
            "{n} of {} inputs could not be read (nothing was started; --keep-going goes on without them): {}",
            operands.len(),
            list.join("; ")
        );
    }
    if !global.quiet {
        let mut err = io::stderr().lock();
        for e in &failed {
            let msg = format!("skipped {e}");
            let _ = writeln!(err, "wirediff: {}", sanitize::terminal(&msg, false));
        }
    }
    Ok(versions)
}

/// Runs `extract`.
///
/// # Errors
/// Unreadable inputs (see [`load_each`]); output that cannot be written.
pub fn run(global: &GlobalArgs, format: ExtractFormat, inputs: &[PathBuf]) -> Result<ExitCode> {
    let versions = load_each(global, inputs)?;
    if versions.is_empty() {
        bail!("no input could be read");
    }
    let empty: Vec<&Version> = versions
        .iter()
        .filter(|v| story(v).next().is_none())
        .collect();
    if !global.quiet {
        let mut err = io::stderr().lock();
        for v in &empty {
            let msg = format!("{}: no article found", v.path);
            let _ = writeln!(err, "wirediff: {}", sanitize::terminal(&msg, false));
        }
        let mut out = BufWriter::new(io::stdout().lock());
        let res = match format {
            ExtractFormat::Text => write_text(&versions, &mut out),
            ExtractFormat::Json => write_json(&versions, &mut out),
        };
        finish_write(res.and_then(|()| out.flush()))?;
    }
    Ok(if empty.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The headline and story paragraphs of a version.
fn story(v: &Version) -> impl Iterator<Item = &crate::model::Paragraph> {
    v.paragraphs
        .iter()
        .filter(|p| p.kind != ParagraphKind::Boilerplate)
}

/// One paragraph per line; with several pages, a `==> path <==` line before
/// each (as head(1) does).
fn write_text(versions: &[Version], out: &mut impl Write) -> io::Result<()> {
    let several = versions.len() > 1;
    for (i, v) in versions.iter().enumerate() {
        if several {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "==> {} <==", sanitize::terminal(&v.path, false))?;
        }
        for p in story(v) {
            writeln!(out, "{}", sanitize::terminal(&p.text, false))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonOut<'a> {
    schema_version: u32,
    pages: Vec<JsonPage<'a>>,
}

#[derive(Serialize)]
struct JsonPage<'a> {
    path: &'a str,
    label: &'a str,
    encoding: &'a str,
    notes: &'a [String],
    metadata: Option<&'a Metadata>,
    /// Headline and story paragraphs, in order.
    paragraphs: Vec<JsonParagraph<'a>>,
    /// Everything else on the page, in order, with the reason.
    boilerplate: Vec<JsonParagraph<'a>>,
}

#[derive(Serialize)]
struct JsonParagraph<'a> {
    id: usize,
    kind: ParagraphKind,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

fn write_json(versions: &[Version], out: &mut impl Write) -> io::Result<()> {
    let pages = versions
        .iter()
        .map(|v| {
            let (story, boiler): (Vec<_>, Vec<_>) = v
                .paragraphs
                .iter()
                .map(|p| JsonParagraph {
                    id: p.id,
                    kind: p.kind,
                    text: &p.text,
                    reason: p.reason.as_deref(),
                })
                .partition(|p| p.kind != ParagraphKind::Boilerplate);
            JsonPage {
                path: &v.path,
                label: &v.label,
                encoding: &v.encoding,
                notes: &v.notes,
                metadata: v.metadata.as_ref(),
                paragraphs: story,
                boilerplate: boiler,
            }
        })
        .collect();
    crate::export::json::write_value(
        &JsonOut {
            schema_version: 1,
            pages,
        },
        out,
    )
}
