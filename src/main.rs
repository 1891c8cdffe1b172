//! The `wirediff` binary: parse the command line, run it, report trouble.
//!
//! Exit status as diff(1): 0 identical, 1 differences, 2 trouble.

use std::process::ExitCode;

use clap::Parser;
use wirediff::cli::{self, Cli};
use wirediff::sanitize;

fn main() -> ExitCode {
    let args = Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // One line, `{:#}` joins the context chain; input-derived text made visible.
            let msg = format!("{err:#}");
            eprintln!("wirediff: {}", sanitize::terminal(&msg, false));
            ExitCode::from(2)
        }
    }
}
