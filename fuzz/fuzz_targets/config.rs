//! Fuzz target `config`: any text parsed as the configuration file (an error with
//! a position, or a value the engine, keymap and theme take without panicking).
//! The checks live in `tests/support/invariants.rs`, shared with the stable
//! replay of the corpus in `tests/fuzz_replay.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::config(data));
