//! Fuzz target `decode`: any bytes decoded and split into paragraphs (no panic;
//! paragraphs in order, inside the text, exactly their spans, with their lines).
//! The checks live in `tests/support/invariants.rs`, shared with the stable
//! replay of the corpus in `tests/fuzz_replay.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::decode(data));
