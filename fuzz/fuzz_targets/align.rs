//! Fuzz target `align`: two to four versions cut from the bytes at 0xFF, compared
//! (every story paragraph in exactly one row, boilerplate in none).
//! The checks live in `tests/support/invariants.rs`, shared with the stable
//! replay of the corpus in `tests/fuzz_replay.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::align(data));
