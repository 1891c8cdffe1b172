//! Writing a comparison out. Each format is a printer that writes to any
//! `io::Write`; none of them knows about files or terminals ([`atomic`] writes
//! files). Every piece of input text goes through the one escaping function of
//! its format ([`escape`]).
//!
//! - [`json`]: the contract of `align --format json` (`schema_version` 1);
//! - [`html`]: a self-contained report; [`markdown`]: for GitHub and plain text;
//! - [`ansi`]: a paragraph-aligned colour word diff; [`table`]: a quick overview.
//!
//! HTML, Markdown, ANSI and JSON read one [`StoryView`]: none of them orients,
//! counts or re-derives a change ([`parts`] only formats).

pub mod ansi;
pub mod atomic;
pub mod escape;
pub mod html;
pub mod json;
pub mod markdown;
pub mod parts;
pub mod table;

use std::io::{self, Write};

use crate::compare::Comparison;
use crate::view::{Choice, StoryView};

/// Which part of a comparison an export shows, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Versions compared against.
    pub reference: usize,
    /// Versions shown, in this order (the reference among them).
    pub versions: Vec<usize>,
    /// Include boilerplate paragraphs (listed per version).
    pub boilerplate: bool,
    /// Colour escapes in ANSI output.
    pub color: bool,
    /// Markdown changes as CriticMarkup (`{--old--}{++new++}`) instead of `~~old~~ **new**`.
    pub critic: bool,
}

impl ExportOptions {
    /// Every version, the default reference, no boilerplate, no colour.
    #[must_use]
    pub fn all(cmp: &Comparison) -> Self {
        let choice = Choice::default_for(cmp);
        Self {
            reference: choice.reference,
            versions: choice.versions,
            boilerplate: choice.boilerplate,
            color: false,
            critic: false,
        }
    }

    /// What the export shows: the view to build.
    #[must_use]
    pub fn choice(&self) -> Choice {
        Choice {
            reference: self.reference,
            versions: self.versions.clone(),
            boilerplate: self.boilerplate,
        }
    }

    /// How it is written.
    #[must_use]
    pub fn render(&self) -> Render {
        Render {
            color: self.color,
            critic: self.critic,
        }
    }
}

/// How an export is written, apart from what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Render {
    /// Colour escapes in ANSI output.
    pub color: bool,
    /// Markdown changes as CriticMarkup.
    pub critic: bool,
}

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

/// Writes `cmp` in `format`, as `opts` chooses (the view is built here, once).
///
/// # Errors
/// When writing fails.
pub fn write(
    cmp: &Comparison,
    format: Format,
    opts: &ExportOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    let view = StoryView::new(cmp, opts.choice());
    write_view(cmp, &view, format, opts.render(), out)
}

/// Writes `view` (of `cmp`) in `format`: what the terminal UI calls with the
/// view it already holds, so the file shows exactly the screen.
///
/// # Errors
/// When writing fails.
pub fn write_view(
    cmp: &Comparison,
    view: &StoryView,
    format: Format,
    render: Render,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        Format::Html => html::write(cmp, view, out),
        Format::Md => markdown::write(cmp, view, render.critic, out),
        Format::Json => json::write_view(cmp, view, out),
        Format::Ansi => ansi::write(cmp, view, render.color, out),
    }
}
