//! Ingest: read inputs (files, directories, stdin, the bundled sample), decode them
//! to text and split them into paragraphs with their line ranges and byte spans.
//!
//! File and stdin IO lives in `source`, URL downloads in `fetch`; `sniff`,
//! `decode`, `paragraphs`, `html` and `page` are pure functions of bytes and
//! text, so they are tested without files and cannot be made to panic by any
//! input. An HTML page (by extension or by its bytes) goes through `page`: its
//! story is extracted and the rest of its text kept as boilerplate.

mod decode;
mod error;
pub mod fetch;
pub mod html;
mod label;
pub mod page;
mod paragraphs;
pub mod reflow;
mod sniff;
mod source;

pub use decode::decode;
pub use error::{BinaryEvidence, Error};
pub(crate) use label::label_of;
pub use paragraphs::split_paragraphs;
pub use source::{read_inputs, sample_inputs};

use crate::model::{FileId, Version};

/// The default input size cap: 64 MiB, far above any news story, far below
/// what would hurt when several inputs are held in memory at once.
pub const DEFAULT_MAX_BYTES: u64 = 64 << 20;

/// How inputs are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Refuse an input larger than this many bytes (default [`DEFAULT_MAX_BYTES`]).
    pub max_bytes: u64,
    /// Decode an input that looks binary instead of refusing it (`--text`).
    pub allow_binary: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            allow_binary: false,
        }
    }
}

/// Raw bytes of one input, before decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as given (`-` for stdin, `dir/name` for a directory's file),
    /// bytes that are not UTF-8 shown as `\xNN`.
    pub path: String,
    /// Everything read.
    pub bytes: Vec<u8>,
    /// The file read (`None` for the sample, and for stdin that is not a file
    /// on disk), carried to [`Version::file`].
    pub file: Option<FileId>,
}

/// Reads every operand ([`read_inputs`]) and decodes each input ([`decode()`]).
///
/// # Errors
/// The first input that cannot be read or decoded, naming it.
pub fn load<S: AsRef<std::ffi::OsStr>>(
    operands: &[S],
    opts: &ReadOptions,
) -> Result<Vec<Version>, Error> {
    read_inputs(operands, opts)?
        .iter()
        .map(|i| decode(i, opts))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1-based numbers of the non-empty lines of `text`, split on LF as the
    /// gold files count them.
    fn non_empty_lines(text: &str) -> Vec<usize> {
        text.split('\n')
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, _)| i + 1)
            .collect()
    }

    #[test]
    fn default_options() {
        let o = ReadOptions::default();
        assert_eq!(o.max_bytes, 64 * 1024 * 1024);
        assert!(!o.allow_binary);
    }

    #[test]
    fn sample_decodes_to_one_paragraph_per_non_empty_line() {
        let inputs = sample_inputs();
        assert_eq!(inputs.len(), 5);
        for input in &inputs {
            let v = decode(input, &ReadOptions::default()).unwrap();
            assert_eq!(v.encoding, "UTF-8", "{}", v.path);
            assert!(v.notes.is_empty(), "{}: {:?}", v.path, v.notes);
            let covered: Vec<usize> = v
                .paragraphs
                .iter()
                .flat_map(|p| p.line_start..=p.line_end)
                .collect();
            assert_eq!(covered, non_empty_lines(&v.text), "{}", v.path);
            for p in &v.paragraphs {
                assert_eq!(p.line_start, p.line_end, "{}: {p:?}", v.path);
                assert_eq!(&v.text[p.byte_start..p.byte_end], p.text);
            }
        }
    }
}
