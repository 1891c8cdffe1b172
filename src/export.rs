//! Writing a comparison out. Each format is a printer that writes to any
//! `io::Write`; none of them knows about files or terminals ([`atomic`] writes
//! files). Every piece of input text goes through the one escaping function of
//! its format ([`escape`]).
//!
//! - [`json`]: the contract of `align --format json` (`schema_version` 1);
//! - [`html`]: a self-contained report; [`markdown`]: for GitHub and plain text;
//! - [`ansi`]: a paragraph-aligned colour word diff; [`table`]: a quick overview.

pub mod ansi;
pub mod atomic;
pub mod escape;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod view;

use std::io::{self, Write};

pub use view::ExportOptions;

use crate::compare::Comparison;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Self-contained HTML.
    Html,
    /// Markdown.
    Md,
    /// The JSON contract.
    Json,
    /// Terminal text (colour when enabled).
    Ansi,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Self; 4] = [Self::Html, Self::Md, Self::Json, Self::Ansi];

    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Md => "md",
            Self::Json => "json",
            Self::Ansi => "txt",
        }
    }
}

/// Writes `cmp` in `format`.
///
/// # Errors
/// When writing fails.
pub fn write(
    cmp: &Comparison,
    format: Format,
    opts: &ExportOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Html => html::write(cmp, opts, out),
        Format::Md => markdown::write(cmp, opts, out),
        Format::Json => json::write(cmp, out),
        Format::Ansi => ansi::write(cmp, opts, out),
    }
}
