//! Ingest: read inputs (files, directories, stdin, the bundled sample), decode them
//! to text and split them into paragraphs with their line ranges and byte spans.
//!
//! (Being written: see the module plan in the issue.)
