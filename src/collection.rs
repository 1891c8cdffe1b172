//! Collections: many articles in, stories out.
//!
//! A researcher rarely starts from five hand-picked versions of one story: she
//! has a month of crawled articles, a year of digitised newspapers, or the
//! output of passim (the text-reuse detector historians run on Spark). This
//! module reads such a collection and groups its articles into stories, each
//! of which the rest of wirediff can open as versions.
//!
//! - [`read`]: folders (recursive), text files and JSON Lines; files that are
//!   not articles (data files, images, binaries) are skipped and counted.
//! - [`passim`]: the JSON Lines records passim reads (`id`, `series`, `text`…)
//!   and writes (`cluster`, `uid`, `begin`/`end`, `bw`/`ew`/`gid` or
//!   `src`/`pboiler`).
//! - [`shingles`]: word shingles of normalised tokens and their sampled sketch.
//! - [`group`]: articles grouped by text reuse, near-linearly, verified pair by
//!   pair and guarded against one long article chaining unrelated stories.
//! - [`stories`]: the stories listed (size, sources, dates, headline) and their
//!   JSON form.
//!
//! Like the rest of the library, nothing here imports the terminal UI: it is
//! values in, values out, with file IO confined to [`read`].

pub mod group;
pub mod passim;
pub mod read;
pub mod shingles;
pub mod stories;

use std::fmt;

/// One article of a collection (or one passage, for passim's output).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    /// Its identifier: the JSON Lines `id` (passim's `uid` for a passage of
    /// passim's output), or the file's path.
    pub id: String,
    /// The newspaper or site (`series`), when known.
    pub series: Option<String>,
    /// The date as given (`date`), when known.
    pub date: Option<String>,
    /// The headline (`title`), when known.
    pub title: Option<String>,
    /// Where it was found (`url`), when known.
    pub url: Option<String>,
    /// The text.
    pub text: String,
    /// The cluster passim put this passage in (passim's output only).
    pub cluster: Option<String>,
    /// For a passage of passim's output: the article it was cut from (`id`)
    /// and its character span there (`begin`, `end`).
    pub source: Option<PassageSource>,
    /// Read from a file of its own (its id is the file's path).
    pub from_file: bool,
}

/// Where a passage of passim's output comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PassageSource {
    /// The article's `id`.
    pub article: String,
    /// Character offset of the passage in the article (`begin`), when given.
    pub begin: Option<u64>,
    /// Character offset one past its end (`end`), when given.
    pub end: Option<u64>,
}

/// A file of a collection that was not read as articles, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path, shown as [`crate::sanitize::os_text`] shows names.
    pub path: String,
    /// Why it was skipped (`JSON data`, `png file`, `binary (NUL at byte 3)`,
    /// `empty`…).
    pub reason: String,
}

/// What a collection holds: its articles, in reading order, and the files
/// skipped.
#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// The articles (or passages), ids unique.
    pub articles: Vec<Article>,
    /// Files that are not articles.
    pub skipped: Vec<Skipped>,
}

impl Collection {
    /// Where each article comes from, as a number per source, for
    /// [`group::group_by_source`]: its `series`, else, for an article read
    /// from a file, the folder holding it (a crawl keeps a folder per site);
    /// `None` when unknown.
    #[must_use]
    pub fn sources(&self) -> Vec<Option<u32>> {
        let mut names: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        self.articles
            .iter()
            .map(|a| {
                let name = a.series.as_deref().or_else(|| {
                    a.from_file
                        .then(|| a.id.rsplit_once('/').map_or("", |(dir, _)| dir))
                })?;
                let next = u32::try_from(names.len()).unwrap_or(u32::MAX);
                Some(*names.entry(name).or_insert(next))
            })
            .collect()
    }

    /// Whether the collection is passim's output (its passages carry clusters).
    #[must_use]
    pub fn is_passim_output(&self) -> bool {
        !self.articles.is_empty() && self.articles.iter().all(|a| a.cluster.is_some())
    }
}

/// Why a collection cannot be read. `Display` is one line naming the file (and
/// the line, for JSON Lines).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The OS refused (missing path, permission, a read that failed…).
    #[error("{path}: {source}")]
    Io {
        /// The path as shown.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// A JSON Lines record that cannot be used.
    #[error("{path}:{line}: {reason}")]
    Record {
        /// The file, as shown.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong, one line.
        reason: String,
    },
    /// A file larger than the cap.
    #[error("{path}: larger than {max} bytes")]
    TooLarge {
        /// The file, as shown.
        path: String,
        /// The cap.
        max: u64,
    },
    /// Nothing to read.
    #[error("{0}")]
    Empty(EmptyReason),
    /// A file that cannot be read as an article (the error names it).
    #[error(transparent)]
    Read(#[from] crate::ingest::Error),
}

/// Why a collection came out empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmptyReason {
    /// Files skipped as not articles.
    pub skipped: usize,
}

impl fmt::Display for EmptyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no articles found ({} file{} skipped as not articles)",
            self.skipped,
            if self.skipped == 1 { "" } else { "s" }
        )
    }
}
