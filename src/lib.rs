//! wirediff: compare versions of the same news story.
//!
//! The pipeline is a pure library; the binary (`src/main.rs`) and the terminal UI
//! are thin shells over it:
//!
//! - [`ingest`]: read files, directories and stdin; decode; split into paragraphs.
//! - [`text`]: normalisation and tokens used for matching (never for display).
//! - [`boilerplate`]: mark paragraphs that are not the story.
//! - [`align`]: rows of corresponding paragraphs across N versions.
//! - [`diff`]: word-level changes inside each row, with a kind per change.
//! - [`compare`]: the whole comparison (all of the above) as one value.
//! - [`collection`]: many articles in, stories out (folders, JSON Lines, passim).
//! - [`progress`]: how far a long comparison has got, for a shell to show.
//! - [`analysis`]: statistics, names and their spellings, quotations.
//! - [`view`]: the comparison seen from one reference (what every reader shows).
//! - [`export`]: JSON, HTML, Markdown, ANSI and table output of a comparison.
//! - [`config`]: the configuration file (embedded defaults + user overrides).
//! - [`sanitize`]: making input text safe for a terminal.
//!
//! - [`tui`]: the terminal UI, the only module that imports ratatui or crossterm.

pub mod align;
pub mod analysis;
pub mod boilerplate;
pub mod cli;
pub mod collection;
pub mod compare;
pub mod config;
pub mod diff;
pub mod export;
pub mod ingest;
pub mod model;
pub mod progress;
pub mod sanitize;
pub mod text;
pub mod tui;
pub mod view;
