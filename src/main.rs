//! The `wirediff` binary: parse the command line, run it, report trouble.
//!
//! Exit status as diff(1): 0 identical, 1 differences, 2 trouble. Everything
//! printed on stderr goes through [`sanitize::terminal`]: an error quotes paths
//! and arguments, and a file name can hold escape sequences (a window title, a
//! clipboard write) that must not reach the terminal raw.

use std::io::Write;
use std::process::ExitCode;

use clap::builder::Styles;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser};
use wirediff::cli::{self, Cli};
use wirediff::sanitize;

/// A comparison makes millions of small strings (words, change texts) and
/// frees most of them soon after: the system allocator spent about a sixth
/// of a run's instructions on that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = match parse() {
        Ok(args) => args,
        Err(code) => return code,
    };
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // One line, `{:#}` joins the context chain; input-derived text made visible.
            let msg = format!("{err:#}");
            let _ = writeln!(
                std::io::stderr().lock(),
                "wirediff: {}",
                sanitize::terminal(&msg, false)
            );
            ExitCode::from(2)
        }
    }
}

/// The command line, or the exit status after clap's refusal was reported (or
/// the help or version asked for was printed).
///
/// clap echoes a rejected argument as given (`unexpected argument '…'`), and on
/// a terminal it writes it raw, escapes included; without a terminal it strips
/// every escape, so a hostile name reads as a harmless one. So the command is
/// parsed with plain styles (clap's message then holds no escape of its own),
/// and the message is made visible and printed here; exit 2. Help and version
/// are the program's own text and print as clap prints them, exit 0.
fn parse() -> Result<Cli, ExitCode> {
    let plain = Cli::command()
        .styles(Styles::plain())
        .try_get_matches()
        .and_then(|mut m| Cli::from_arg_matches_mut(&mut m));
    let err = match plain {
        Ok(cli) => return Ok(cli),
        Err(err) => err,
    };
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        // Parsed again with the usual styles, for the usual (coloured) help.
        let styled = Cli::try_parse().err().unwrap_or(err);
        let _ = styled.print();
        return Err(ExitCode::from(
            u8::try_from(styled.exit_code()).unwrap_or(2),
        ));
    }
    let mut text = err.render().ansi().to_string();
    // clap's own line breaks are kept; one inside an argument is shown, so a
    // name cannot forge lines of the message.
    for arg in std::env::args_os().skip(1) {
        // Lossy, as clap quotes it.
        let arg = arg.to_string_lossy();
        if arg.contains(['\n', '\r']) {
            text = text.replace(arg.as_ref(), &sanitize::terminal(&arg, false));
        }
    }
    let _ = write!(
        std::io::stderr().lock(),
        "{}",
        sanitize::terminal(&text, true)
    );
    Err(ExitCode::from(2))
}
