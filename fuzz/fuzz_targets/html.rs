//! Fuzz target `html`: any bytes read as a saved web page (decoded, parsed,
//! the story extracted): no panic, and the version's paragraphs, kinds,
//! headline and metadata keep their invariants. The checks live in
//! `tests/support/invariants.rs`, shared with the stable replay of the corpus
//! in `tests/fuzz_replay.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::html(data));
