//! Shared value types of the pipeline: versions, paragraphs and their kinds.
//!
//! Every stage (ingest → align → diff → export/tui) speaks in these types, so they
//! carry no behaviour beyond small accessors. Offsets are byte offsets into the
//! version's decoded text (`Version::text`), which for a UTF-8 file without a BOM
//! are the file's own byte offsets; lines are 1-based physical lines of the file.

use serde::Serialize;

/// What a paragraph is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Part of the story.
    Story,
    /// The story's headline (a title-like first paragraph).
    Headline,
    /// Page furniture that is not the story: captions, ads, cookie text, comments…
    Boilerplate,
}

/// One paragraph of one version, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Index of the paragraph within its version (0-based, in file order).
    pub id: usize,
    /// First physical line (1-based) of the paragraph in the file.
    pub line_start: usize,
    /// Last physical line (1-based, inclusive).
    pub line_end: usize,
    /// Byte offset of the first byte of the paragraph in `Version::text`.
    pub byte_start: usize,
    /// Byte offset one past the last byte of the paragraph in `Version::text`.
    pub byte_end: usize,
    /// The paragraph as written: the slice `byte_start..byte_end`, except that a
    /// paragraph joined from hard-wrapped lines (`line_start < line_end`) has
    /// each line break made one space and line-end hyphenation undone; its
    /// offsets map back into the file with `ingest::reflow::SourceMap::recover`.
    pub text: String,
    /// Story, headline or boilerplate.
    pub kind: ParagraphKind,
    /// Why the paragraph got its kind when that was not the default (e.g. the
    /// boilerplate rule that fired), for the reader to check.
    pub reason: Option<String>,
}

/// One version of the story: a decoded input file and its paragraphs.
#[derive(Debug, Clone)]
pub struct Version {
    /// The path as given on the command line (`-` for stdin, `sample/…` for the bundled story).
    pub path: String,
    /// A short human label (file stem, or a title).
    pub label: String,
    /// The whole decoded text (BOM removed); paragraphs index into it.
    pub text: String,
    /// The encoding the text was decoded from, e.g. `UTF-8`, `UTF-16LE`, `windows-1252`.
    pub encoding: String,
    /// Notes about decoding a reader should know (guessed encoding, replaced bytes…).
    pub notes: Vec<String>,
    /// The paragraphs in file order; `paragraphs[i].id == i`.
    pub paragraphs: Vec<Paragraph>,
    /// The file the bytes were read from, as the file system knows it (`None`
    /// for the bundled sample and text built in memory): an export refuses to
    /// replace it whatever path names it.
    pub file: Option<FileId>,
    /// What a web page says about itself (title, outlet, byline, dates, canonical
    /// URL) when the version was extracted from HTML; `None` for plain text. When
    /// set, `text` is the page's text as extracted (one paragraph per line, blank
    /// lines between), and the paragraphs' kinds come from the extraction.
    pub metadata: Option<Metadata>,
}

/// What a web page says about itself, from Open Graph, JSON-LD and `<meta>` tags.
/// Every field is what the page wrote (white space collapsed), or `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The story's title (`og:title`, JSON-LD `headline`, `<title>`).
    pub title: Option<String>,
    /// The outlet (`og:site_name`, JSON-LD `publisher.name`, `application-name`).
    pub site_name: Option<String>,
    /// Who wrote it (`author` meta, JSON-LD `author.name`, `article:author`).
    pub byline: Option<String>,
    /// When it was first published, as the page wrote it (usually ISO 8601).
    pub published: Option<String>,
    /// When it was last changed, as the page wrote it.
    pub modified: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`).
    pub canonical_url: Option<String>,
    /// The short summary the page gives (`og:description`, `description`).
    pub description: Option<String>,
    /// Where the bytes came from when fetched: the final URL after redirects.
    pub fetched_from: Option<String>,
}

/// Which file on disk something is: its device and inode, so every name of a
/// file (a symbolic link, `d/../d/x`, a hard link, a directory's entry) is the
/// same `FileId`. Taken from an open file's metadata, it is the file that was
/// actually read, not whatever the path names later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    dev: u64,
    ino: u64,
}

impl FileId {
    /// The identity in `meta` (of a file, or of what a link points to when the
    /// metadata followed it). `None` where the platform has no inode numbers:
    /// there an export cannot tell an input by identity.
    #[must_use]
    pub fn of(meta: &std::fs::Metadata) -> Option<Self> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Self {
                dev: meta.dev(),
                ino: meta.ino(),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            None
        }
    }
}

impl Version {
    /// Number of words in the story (non-boilerplate) paragraphs.
    #[must_use]
    pub fn story_word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .filter(|p| p.kind != ParagraphKind::Boilerplate)
            .map(|p| crate::text::word_count(&p.text))
            .sum()
    }
}
