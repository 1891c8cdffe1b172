//! Ingest: read inputs (files, directories, stdin, the bundled sample), decode them
//! to text and split them into paragraphs with their line ranges and byte spans.
//!
//! File and stdin IO lives in [`source`]; [`decode`] and [`paragraphs`] are pure
//! functions of bytes and text, so they are tested (and fuzzed) without files.

pub mod decode;
mod error;
pub mod paragraphs;
pub mod source;

pub use decode::decode;
pub use error::Error;
pub use paragraphs::split_paragraphs;
pub use source::{read_inputs, sample_inputs};

use crate::model::Version;

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Refuse an input larger than this many bytes.
    pub max_bytes: u64,
    /// Decode an input that looks binary instead of refusing it.
    pub allow_binary: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_bytes: 64 << 20,
            allow_binary: false,
        }
    }
}

/// Raw bytes of one input, before decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as given (`-` for stdin).
    pub path: String,
    /// Everything read.
    pub bytes: Vec<u8>,
}

/// Reads every operand and decodes it.
///
/// # Errors
/// The first input that cannot be read or decoded, naming it.
pub fn load(operands: &[String], opts: &ReadOptions) -> Result<Vec<Version>, Error> {
    read_inputs(operands, opts)?
        .iter()
        .map(|i| decode(i, opts))
        .collect()
}
