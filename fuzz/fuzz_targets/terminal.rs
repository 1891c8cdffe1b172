//! Fuzz target `terminal`: text through the terminal sanitizer, and versions cut
//! from it through every export and the terminal UI (no raw control reaches a
//! terminal but newline, tab and the ANSI exporter's own SGR sequences).
//! The checks live in `tests/support/invariants.rs`, shared with the stable
//! replay of the corpus in `tests/fuzz_replay.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::terminal(data));
