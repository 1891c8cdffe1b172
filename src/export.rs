//! Writing a comparison out: the JSON contract and a plain table for people.
//!
//! Each format is a printer that writes to any `io::Write`; none of them knows
//! about files or terminals.

pub mod json;
pub mod table;
