//! The command line: argument parsing and the non-interactive commands.
//!
//! This is the shell around the library: it finds and reads the config file,
//! loads inputs, runs the comparison and writes to stdout through a buffered,
//! broken-pipe-tolerant writer. Exit codes follow diff(1): 0 the versions are
//! identical, 1 they differ, 2 trouble (reported on stderr as one line).
//!
//! Work that runs over a second shows one progress line on stderr when stderr
//! is a terminal and `-q` is not given ([`ProgressLine`]); the terminal UI
//! shows a loading screen instead (`tui::loading`).

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};

mod extract;

use crate::compare::{self, Comparison};
use crate::config::{self, Config};
use crate::export;
use crate::ingest::{self, ReadOptions};
use crate::model::Version;
use crate::progress::{Progress, Snapshot, Stage};
use crate::view::{Choice, StoryView};

mod stories;

/// Compare versions of the same news story: align paragraphs by content and
/// highlight what each version changed.
#[derive(Debug, Parser)]
#[command(name = "wirediff", version)]
pub struct Cli {
    /// Options shared by every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do (default: compare FILES, or the bundled sample story).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Versions to compare: files, directories (their text files, sorted) or `-` for
    /// stdin. With none, the bundled sample story.
    pub files: Vec<PathBuf>,
}

/// Options shared by every command.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// Read the configuration from this file instead of the default location.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Ignore any configuration file; use the built-in defaults.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// Decode inputs that look binary instead of refusing them.
    #[arg(long, global = true)]
    pub text: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = 64 << 20)]
    pub max_input: u64,
    /// Print nothing; only the exit status tells (0 identical, 1 different, 2 trouble).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Name a version (its outlet, say) instead of its file name: once per
    /// version, in the order of the files (`--label AP --label Reuters`).
    #[arg(long, global = true, value_name = "NAME")]
    pub label: Vec<String>,
    /// Go on without the inputs that cannot be read or fetched (each is named
    /// on stderr); without it, any such input stops the run before it starts.
    #[arg(long, global = true)]
    pub keep_going: bool,
    /// Give up on a URL after this many seconds.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// The headline and story paragraphs, one per line.
    Text,
    /// Metadata, paragraphs with their kinds, boilerplate with its reasons.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Align the versions and print rows and word changes.
    Align {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = AlignFormat::Table)]
        format: AlignFormat,
        /// Versions to compare (none: the bundled sample story).
        files: Vec<PathBuf>,
    },
    /// Group a collection (folders, JSON Lines, passim's output) into stories:
    /// list them, or open one with --open N.
    Stories(stories::StoriesArgs),
    /// Export the whole comparison: HTML, Markdown, JSON or ANSI text.
    Export {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Html)]
        format: FormatArg,
        #[command(flatten)]
        out: OutputArgs,
        /// Compare against this version (index, 0-based; default: the one most alike
        /// all others). Every format honours it; JSON adds a "view" section.
        #[arg(long, value_name = "N")]
        reference: Option<usize>,
        /// Only these versions, in this order (comma-separated indices).
        #[arg(long, value_delimiter = ',', value_name = "N,N,...")]
        versions: Vec<usize>,
        /// Also list the boilerplate paragraphs.
        #[arg(long)]
        boilerplate: bool,
        /// Versions to compare (none: the bundled sample story).
        files: Vec<PathBuf>,
    },
    /// Diff two versions, paragraph by paragraph (colour word diff on a terminal).
    Diff {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = FormatArg::Ansi)]
        format: FormatArg,
        #[command(flatten)]
        out: OutputArgs,
        /// The old version.
        a: PathBuf,
        /// The new version.
        b: PathBuf,
    },
    /// Print the story found in saved web pages or URLs: the headline and the
    /// story paragraphs, one per line (exit 1 when a page holds no article).
    Extract {
        /// Output format: the story as text, or JSON with the metadata, every
        /// paragraph's kind and the boilerplate with its reasons.
        #[arg(long, short, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        /// Pages: files (HTML or text), `-` for stdin, or http(s) URLs.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
    },
    /// Print the key bindings (defaults plus your config) as a Markdown table.
    Keys,
    /// Configuration helpers.
    Config {
        /// Print the commented default configuration.
        #[arg(long)]
        default: bool,
        /// Print where the configuration file is looked for.
        #[arg(long)]
        path: bool,
    },
}

/// Where and how an export is written.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Write to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
    /// Colour in ANSI output: auto (a terminal, unless NO_COLOR; CLICOLOR_FORCE forces it), always, never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Markdown changes as CriticMarkup ({--old--}, {++new++}, {~~old~>new~~}).
    #[arg(long)]
    critic: bool,
}

/// Export formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Self-contained HTML report.
    Html,
    /// Markdown.
    Md,
    /// The JSON contract.
    Json,
    /// Terminal text.
    Ansi,
}

impl From<FormatArg> for export::Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Html => Self::Html,
            FormatArg::Md => Self::Md,
            FormatArg::Json => Self::Json,
            FormatArg::Ansi => Self::Ansi,
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colour on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Whether to colour: the flag, then NO_COLOR, then CLICOLOR_FORCE, then
/// CLICOLOR=0, then whether the output is a terminal.
#[must_use]
pub fn use_color(flag: ColorArg, to_terminal: bool) -> bool {
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    match flag {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto if env("NO_COLOR").is_some() => false,
        ColorArg::Auto if env("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorArg::Auto if env("CLICOLOR").is_some_and(|v| v == "0") => false,
        ColorArg::Auto => to_terminal && std::env::var("TERM").map_or(true, |t| t != "dumb"),
    }
}

/// Output formats of `align`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    /// The JSON contract (schema_version 1).
    Json,
    /// A plain table for people.
    Table,
}

/// Runs the command line; `Ok` carries the exit status.
///
/// # Errors
/// Any trouble: unreadable input or config, bad arguments. The caller prints it and exits 2.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Config { default, path }) => config_command(default, path),
        Some(Command::Stories(ref args)) => stories::run(&cli.global, args),
        Some(Command::Export {
            format,
            ref out,
            reference,
            ref versions,
            boilerplate,
            ref files,
        }) => {
            let cmp = load_and_compare(&cli.global, files, &load_config(&cli.global)?)?;
            let mut opts = export::ExportOptions::all(&cmp);
            if !versions.is_empty() {
                opts.versions.clone_from(versions);
            }
            if let Some(r) = reference {
                opts.reference = r;
            }
            let n = cmp.versions.len();
            if let Some(bad) = opts
                .versions
                .iter()
                .chain(std::iter::once(&opts.reference))
                .find(|&&v| v >= n)
            {
                bail!("no version {bad}: there are {n} (0 to {})", n - 1);
            }
            if let Some(twice) = versions
                .iter()
                .enumerate()
                .find(|&(i, v)| versions[..i].contains(v))
                .map(|(_, v)| v)
            {
                bail!("version {twice} is listed twice in --versions");
            }
            if !opts.versions.contains(&opts.reference) {
                opts.versions.insert(0, opts.reference);
            }
            opts.boilerplate = boilerplate;
            export_to(&cli.global, &cmp, format.into(), opts, out)
        }
        Some(Command::Diff {
            format,
            ref out,
            ref a,
            ref b,
        }) => {
            let files = vec![a.clone(), b.clone()];
            let cmp = load_and_compare(&cli.global, &files, &load_config(&cli.global)?)?;
            if cmp.identical() && out.output.is_none() {
                // As diff(1): the same text prints nothing; the status says it.
                return Ok(ExitCode::SUCCESS);
            }
            let opts = export::ExportOptions {
                reference: 0,
                versions: vec![0, 1],
                boilerplate: false,
                color: false,
                critic: false,
            };
            export_to(&cli.global, &cmp, format.into(), opts, out)
        }
        Some(Command::Extract { format, ref inputs }) => extract::run(&cli.global, format, inputs),
        Some(Command::Keys) => {
            let cfg = load_config(&cli.global)?;
            let table = crate::tui::keymap::Keymap::with_overrides(&cfg.tui.keys).markdown_table();
            finish_write(io::stdout().lock().write_all(table.as_bytes()))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Align { format, ref files }) => {
            let cmp = load_and_compare(&cli.global, files, &load_config(&cli.global)?)?;
            emit(&cli.global, &cmp, |out| match format {
                AlignFormat::Json => export::json::write(&cmp, out),
                AlignFormat::Table => {
                    let view = StoryView::new(&cmp, Choice::default_for(&cmp));
                    export::table::write(&cmp, &view, out)
                }
            })
        }
        None => {
            let cfg = load_config(&cli.global)?;
            let interactive =
                io::stdout().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb");
            if interactive && !cli.global.quiet {
                // Inputs are read here, before the UI takes the screen, so a
                // bad file is reported as on any other command; the rest of
                // the work runs behind the loading screen.
                let progress = Arc::new(Progress::new());
                let versions = {
                    let _line = ProgressLine::start(&cli.global, Arc::clone(&progress));
                    load_versions(&cli.global, &cli.files, &progress)?
                };
                run_tui(versions, progress, &cfg)
            } else {
                let cmp = load_and_compare(&cli.global, &cli.files, &cfg)?;
                emit(&cli.global, &cmp, |out| {
                    let view = StoryView::new(&cmp, Choice::default_for(&cmp));
                    export::table::write(&cmp, &view, out)
                })
            }
        }
    }
}

fn config_command(default: bool, path: bool) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    let res = if path {
        let p = config::locate().map_or_else(
            || "(no home directory)".to_string(),
            |p| p.display().to_string(),
        );
        writeln!(out, "{}", crate::sanitize::terminal(&p, false))
    } else if default {
        out.write_all(config::DEFAULT_TOML.as_bytes())
    } else {
        bail!("config: say --default (print the default configuration) or --path");
    };
    finish_write(res)?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the configuration the user asked for.
///
/// # Errors
/// When the named file is missing or invalid, or the default file exists and is invalid.
pub fn load_config(global: &GlobalArgs) -> Result<Config> {
    if global.no_config {
        return Ok(Config::default());
    }
    if let Some(p) = &global.config {
        return Ok(Config::load(p)?);
    }
    match config::locate() {
        Some(p) if p.exists() => Ok(Config::load(&p)?),
        _ => Ok(Config::default()),
    }
}

/// Writes an export to `-o PATH` (atomically, never over a file read as an
/// input or anything but a regular file, nor without `--force` over an existing
/// file) or to stdout; exit 1 when the versions differ.
fn export_to(
    global: &GlobalArgs,
    cmp: &Comparison,
    format: export::Format,
    mut opts: export::ExportOptions,
    out: &OutputArgs,
) -> Result<ExitCode> {
    opts.critic = out.critic;
    if let Some(path) = &out.output {
        opts.color = use_color(out.color, false);
        let inputs: Vec<_> = cmp.versions.iter().filter_map(|v| v.file).collect();
        export::atomic::write_file(path, out.force, &inputs, |w| {
            export::write(cmp, format, &opts, w)
        })?;
    } else {
        opts.color = use_color(out.color, io::stdout().is_terminal());
        if !global.quiet {
            let mut w = BufWriter::new(io::stdout().lock());
            finish_write(export::write(cmp, format, &opts, &mut w).and_then(|()| w.flush()))?;
        }
    }
    Ok(if cmp.identical() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs the terminal UI over `versions`: the comparison (and the app built on
/// it) runs on a worker thread behind the loading screen. A normal quit, on
/// the loading screen too, exits 0, a signal 128 + its number.
fn run_tui(versions: Vec<Version>, progress: Arc<Progress>, cfg: &Config) -> Result<ExitCode> {
    use crate::tui::app::App;
    use crate::tui::keymap::Keymap;
    use crate::tui::loading::Loading;
    use crate::tui::terminal::{self, Ended};
    use crate::tui::theme;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let level = cfg.tui.colors.unwrap_or_else(theme::ColorLevel::detect);
    let theme = theme::Theme::new(cfg.tui.theme, level, no_color);
    let keymap = Keymap::with_overrides(&cfg.tui.keys);
    let loading = Loading::new(
        versions.iter().map(|v| v.path.clone()).collect(),
        Arc::clone(&progress),
        keymap.clone(),
    );
    let engine = cfg.engine();
    let work = move || -> Result<App> {
        let cmp = compare::compare_with(versions, &engine, &progress).context("configuration")?;
        // `App::new` reads the analysis (the default reference): on a big
        // input it takes seconds, so it runs here, behind the loading screen.
        progress.begin(Stage::Analysing, 0);
        let app = App::new(cmp, keymap, (80, 24));
        progress.finish();
        Ok(app)
    };
    match terminal::run(&loading, work, &theme, cfg.tui.mouse).context("terminal")? {
        Ended::Quit => Ok(ExitCode::SUCCESS),
        Ended::Signal(sig) => Ok(ExitCode::from(u8::try_from(128 + sig).unwrap_or(143))),
        Ended::Failed(err) => Err(err),
        Ended::Panicked => bail!("internal error: the comparison panicked (message above)"),
    }
}

/// Reads the inputs (or the sample) and runs the comparison, with a progress
/// line on stderr when it takes a while (see [`ProgressLine`]).
///
/// # Errors
/// Input or pattern problems.
pub fn load_and_compare(
    global: &GlobalArgs,
    files: &[impl AsRef<std::ffi::OsStr>],
    cfg: &Config,
) -> Result<Comparison> {
    let progress = Arc::new(Progress::new());
    let line = ProgressLine::start(global, Arc::clone(&progress));
    let versions = load_versions(global, files, &progress)?;
    let cmp = compare::compare_with(versions, &cfg.engine(), &progress).context("configuration")?;
    if line.is_some() {
        // Output is coming (no -q) and every writer reads the analysis: it
        // is computed now, while the line can tell, not after it is gone.
        progress.begin(Stage::Analysing, 0);
        let _ = cmp.analysis();
    }
    progress.finish();
    Ok(cmp)
}

/// Reads and decodes the inputs (or the sample): at least two versions.
fn load_versions(
    global: &GlobalArgs,
    files: &[impl AsRef<std::ffi::OsStr>],
    progress: &Progress,
) -> Result<Vec<Version>> {
    let opts = ReadOptions {
        max_bytes: global.max_input,
        allow_binary: global.text,
    };
    progress.begin(Stage::Reading, 0);
    announce_waits(global, files);
    let inputs = if files.is_empty() {
        Some(ingest::sample_inputs())
    } else if files.iter().any(|f| extract::is_url(f.as_ref())) || global.keep_going {
        // URLs (or --keep-going): each operand on its own, every failure named.
        None
    } else {
        Some(ingest::read_inputs(files, &opts)?)
    };
    let versions = match inputs {
        Some(inputs) => {
            progress.begin(Stage::Reading, inputs.len());
            inputs
                .iter()
                .map(|i| {
                    let v = ingest::decode(i, &opts);
                    progress.advance(1);
                    v
                })
                .collect::<Result<Vec<_>, _>>()?
        }
        None => extract::load_each(global, files)?,
    };
    if versions.len() < 2 {
        bail!(
            "need at least 2 versions to compare, got {}",
            versions.len()
        );
    }
    apply_labels(versions, &global.label)
}

/// Says on stderr (a terminal, without `-q`) which inputs may keep the run
/// waiting before it reads them: a FIFO blocks until something writes to it,
/// standard input on a terminal until Ctrl-D. Without a word, a run waiting
/// on either looks hung; Ctrl-C still ends it (the UI has not started).
fn announce_waits(global: &GlobalArgs, files: &[impl AsRef<std::ffi::OsStr>]) {
    if global.quiet || !io::stderr().is_terminal() {
        return;
    }
    let mut err = io::stderr().lock();
    for f in files {
        let f = f.as_ref();
        if f == "-" {
            if io::stdin().is_terminal() {
                let _ = writeln!(
                    err,
                    "wirediff: reading standard input (Ctrl-D ends it, Ctrl-C stops)"
                );
            }
            continue;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if std::fs::metadata(f).is_ok_and(|m| m.file_type().is_fifo()) {
                let shown = crate::sanitize::terminal(&f.to_string_lossy(), false).into_owned();
                let _ = writeln!(
                    err,
                    "wirediff: waiting for data on {shown} (a FIFO; Ctrl-C stops)"
                );
            }
        }
    }
}

/// Gives the versions the `--label` names, in order; more names than
/// versions is an error (a name meant for a file that is not there).
fn apply_labels(mut versions: Vec<Version>, labels: &[String]) -> Result<Vec<Version>> {
    if labels.len() > versions.len() {
        bail!(
            "{} labels given for {} versions (--label names the versions in order)",
            labels.len(),
            versions.len()
        );
    }
    for (v, label) in versions.iter_mut().zip(labels) {
        let label = label.trim();
        if label.is_empty() {
            bail!("--label needs a name, got an empty one");
        }
        v.label = label.to_string();
    }
    Ok(versions)
}

/// One line on stderr telling how far the work is, redrawn in place, for runs
/// over [`ProgressLine::AFTER`] (or `WIREDIFF_PROGRESS_AFTER_MS`); erased when
/// dropped. It is only started when
/// stderr is a terminal and `-q` was not given: a log file or a pipe never
/// gets carriage returns and escape codes mixed into it.
pub struct ProgressLine {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl ProgressLine {
    /// Quick runs show nothing: a line flashing by would be noise.
    const AFTER: Duration = Duration::from_secs(1);
    /// Redraws per second are cheap, but more than five read as flicker.
    const EVERY: Duration = Duration::from_millis(200);

    /// A line for `progress`, or `None` when it is not to be shown.
    #[must_use]
    pub fn start(global: &GlobalArgs, progress: Arc<Progress>) -> Option<Self> {
        if global.quiet || !io::stderr().is_terminal() {
            return None;
        }
        // The tests set this to 0 to see the line on a run of any length.
        let after = std::env::var("WIREDIFF_PROGRESS_AFTER_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(Self::AFTER, Duration::from_millis);
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let shared = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("progress".into())
            .spawn(move || Self::draw(&progress, &shared, after))
            .ok()?;
        Some(Self {
            stop,
            thread: Some(thread),
        })
    }

    fn draw(progress: &Progress, stop: &(Mutex<bool>, Condvar), after: Duration) {
        let started = Instant::now();
        let (lock, cvar) = stop;
        let mut stopped = lock.lock().unwrap_or_else(PoisonError::into_inner);
        let mut wait = after;
        let mut shown = false;
        loop {
            stopped = cvar
                .wait_timeout_while(stopped, wait, |s| !*s)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            let mut err = io::stderr().lock();
            if *stopped {
                if shown {
                    let _ = write!(err, "\r\x1b[2K");
                    let _ = err.flush();
                }
                return;
            }
            // One column short of the width: a line filling the last column
            // would wrap on some terminals, and `\r` would not reach its start.
            let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w));
            let text = progress_text(progress.snapshot(), started.elapsed());
            let text: String = text.chars().take(width.saturating_sub(1)).collect();
            let _ = write!(err, "\r\x1b[2K{text}");
            let _ = err.flush();
            shown = true;
            wait = Self::EVERY;
        }
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        let (lock, cvar) = &*self.stop;
        *lock.lock().unwrap_or_else(PoisonError::into_inner) = true;
        cvar.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The progress line's text: "wirediff: [4/5] diffing rows 45% (1170/2600), 12 s".
/// Counts and stage names only: no input text ever reaches it.
#[must_use]
pub fn progress_text(s: Snapshot, elapsed: Duration) -> String {
    let steps = Stage::STEPS.len();
    let step = s.stage.number().min(steps);
    let count = match s.percent() {
        Some(p) => format!(" {p}% ({}/{})", s.done, s.total),
        None => "…".to_string(),
    };
    format!(
        "wirediff: [{step}/{steps}] {}{count}, {} s",
        s.stage.describe(),
        elapsed.as_secs()
    )
}

/// Writes through a buffered stdout; exit 1 when the versions differ, 0 when not.
fn emit(
    global: &GlobalArgs,
    cmp: &Comparison,
    write: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> io::Result<()>,
) -> Result<ExitCode> {
    if !global.quiet {
        let mut out = BufWriter::new(io::stdout().lock());
        let res = write(&mut out).and_then(|()| out.flush());
        finish_write(res)?;
    }
    Ok(if cmp.identical() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A closed pipe (`wirediff … | head`) is not an error; anything else is.
pub(crate) fn finish_write(res: io::Result<()>) -> Result<()> {
    match res {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other.context("writing output")?),
    }
}
