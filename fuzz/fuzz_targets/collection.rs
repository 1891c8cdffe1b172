//! Fuzz target `collection`: any bytes read as JSON Lines of articles (passim's
//! input or output records) and grouped into stories (a record error names a
//! line of the input; otherwise ids unique, every article in exactly one story,
//! the listing's JSON parses). The checks live in `tests/support/invariants.rs`,
//! shared with the stable replay of the corpus in `tests/fuzz_replay.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| invariants::collection(data));
