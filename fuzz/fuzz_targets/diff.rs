//! Fuzz target `diff`: two texts cut from the bytes at 0xFF, word-diffed both
//! ways (the segments rebuild both texts exactly; spans on char boundaries).
//! The checks live in `tests/support/invariants.rs`, shared with the stable
//! replay of the corpus in `tests/fuzz_replay.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::diff(data));
