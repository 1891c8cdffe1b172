//! `wirediff stories PATH…`: the stories of a collection, listed or opened.
//!
//! The listing is [`crate::collection`]'s work; this file only reads the
//! operands, picks passim's clusters or in-process grouping, and writes the
//! table or JSON. `--open N` turns story N into versions and hands them to the
//! same comparison every other command runs (the UI on a terminal).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Result, bail};
use clap::ValueEnum;

use super::{GlobalArgs, emit, finish_write, load_config, run_tui};
use crate::collection::group::{GroupOptions, group_by_source};
use crate::collection::read::read_collection;
use crate::collection::stories::{self, Story};
use crate::collection::{Article, Collection};
use crate::compare;
use crate::export;
use crate::ingest::{self, Input, ReadOptions};
use crate::model::Version;
use crate::progress::Progress;
use crate::view::{Choice, StoryView};

/// `stories` arguments.
#[derive(Debug, clap::Args)]
pub struct StoriesArgs {
    /// Output format: a table for people, or JSON (`{"stories": [{"members": [ids…], …}]}`;
    /// with --open, the `align` JSON contract of that story).
    #[arg(long, short, value_enum, default_value_t = StoriesFormat::Table)]
    pub format: StoriesFormat,
    /// Open story N of the listing as versions (the UI on a terminal, else the
    /// `align` table or JSON).
    #[arg(long, value_name = "N")]
    pub open: Option<usize>,
    /// For passim's output: ignore its clusters and group the passages here.
    #[arg(long)]
    pub regroup: bool,
    /// Folders (read recursively), text files, JSON Lines (passim's input or
    /// output, one file or a folder of part-* files), `-` for JSON Lines on stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Output formats of `stories`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StoriesFormat {
    /// A table for people.
    Table,
    /// JSON.
    Json,
}

/// Runs `stories`.
pub fn run(global: &GlobalArgs, args: &StoriesArgs) -> Result<ExitCode> {
    let opts = ReadOptions {
        max_bytes: global.max_input,
        allow_binary: global.text,
    };
    let collection = read_collection(&args.paths, &opts)?;
    let passim = collection.is_passim_output() && !args.regroup;
    let groups = if passim {
        stories::by_cluster(&collection)
    } else {
        let texts: Vec<&str> = collection
            .articles
            .iter()
            .map(|a| a.text.as_str())
            .collect();
        group_by_source(&texts, &collection.sources(), &GroupOptions::default())
    };
    let listed = stories::describe(&collection, &groups);
    if let Some(n) = args.open {
        return open(global, &collection, &listed, n, args.format);
    }
    if args.format == StoriesFormat::Table && !global.quiet && interactive() {
        return browse(global, &collection, &listed);
    }
    if !global.quiet {
        let mut out = BufWriter::new(io::stdout().lock());
        let res = match args.format {
            StoriesFormat::Json => stories::write_json(&collection, &listed, passim, &mut out),
            StoriesFormat::Table => stories::write_table(&collection, &listed, &mut out),
        };
        finish_write(res.and_then(|()| out.flush()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Story `n` as versions, compared.
fn open(
    global: &GlobalArgs,
    collection: &Collection,
    listed: &[Story],
    n: usize,
    format: StoriesFormat,
) -> Result<ExitCode> {
    let Some(story) = listed.get(n) else {
        bail!(
            "no story {n}: there are {} (0 to {})",
            listed.len(),
            listed.len().saturating_sub(1)
        );
    };
    if story.size < 2 {
        bail!("story {n} has one article: nothing to compare");
    }
    let versions = story_versions(global, collection, story)?;
    let cfg = load_config(global)?;
    let progress = Arc::new(Progress::new());
    if format == StoriesFormat::Table && !global.quiet && interactive() {
        return run_tui(versions, progress, &cfg);
    }
    let cmp = compare::compare_with(versions, &cfg.engine(), &progress)?;
    emit(global, &cmp, |out| match format {
        StoriesFormat::Json => export::json::write(&cmp, out),
        StoriesFormat::Table => {
            let view = StoryView::new(&cmp, Choice::default_for(&cmp));
            export::table::write(&cmp, &view, out)
        }
    })
}

/// Whether stdout is a terminal the UI can take.
fn interactive() -> bool {
    io::stdout().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// The story list on the terminal: `Enter` opens a story in the UI, quitting
/// it comes back to the list, quitting the list ends.
fn browse(global: &GlobalArgs, collection: &Collection, listed: &[Story]) -> Result<ExitCode> {
    use crate::tui::story_list::{Pick, StoryList};
    use crate::tui::{keymap::Keymap, terminal, theme};
    let cfg = load_config(global)?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let level = cfg.tui.colors.unwrap_or_else(theme::ColorLevel::detect);
    let theme = theme::Theme::new(cfg.tui.theme, level, no_color);
    let multi = listed.iter().filter(|s| s.size > 1).count();
    let title = format!(
        "{} stories from {} articles ({multi} with more than one)",
        listed.len(),
        collection.articles.len()
    );
    let mut list = StoryList::new(title, listed, Keymap::with_overrides(&cfg.tui.keys));
    loop {
        match terminal::pick(&mut list, &theme, cfg.tui.mouse)? {
            Ok(Pick::Quit) => return Ok(ExitCode::SUCCESS),
            Err(sig) => return Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(143))),
            Ok(Pick::Open(n)) => {
                let Some(story) = listed.get(n).filter(|s| s.size > 1) else {
                    continue; // one article: nothing to compare
                };
                let versions = story_versions(global, collection, story)?;
                let code = run_tui(versions, Arc::new(Progress::new()), &cfg)?;
                // Quitting the story comes back to the list; a signal ends.
                if code != ExitCode::SUCCESS {
                    return Ok(code);
                }
            }
        }
    }
}

/// The articles of `story` as versions to compare.
fn story_versions(
    global: &GlobalArgs,
    collection: &Collection,
    story: &Story,
) -> Result<Vec<Version>> {
    // Already read and decoded once: whatever it holds is the article's text.
    let opts = ReadOptions {
        max_bytes: global.max_input,
        allow_binary: true,
    };
    story
        .indices
        .iter()
        .filter_map(|&i| collection.articles.get(i))
        .map(|a| version(a, &opts))
        .collect()
}

/// One article as a version: its text split into paragraphs (hard-wrapped
/// text joined), labelled by source and date when known.
fn version(article: &Article, opts: &ReadOptions) -> Result<Version> {
    let input = Input {
        path: article.id.clone(),
        bytes: article.text.clone().into_bytes(),
        file: None,
    };
    let mut v = ingest::decode(&input, opts)?;
    let label: Vec<&str> = [article.series.as_deref(), article.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !label.is_empty() {
        v.label = label.join(" ");
    }
    Ok(v)
}
