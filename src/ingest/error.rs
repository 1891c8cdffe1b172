//! Errors of ingest, each naming the input it is about.

/// An input that cannot be used. `Display` is one line: `<path>: <what is wrong>`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The OS refused (missing file, permission, a directory where a file was expected…).
    #[error("{path}: {source}")]
    Io {
        /// The input.
        path: String,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// The input holds NUL bytes or is mostly control bytes.
    #[error("{path}: binary file (NUL at byte {at}); use --text to compare it anyway")]
    Binary {
        /// The input.
        path: String,
        /// Offset of the first NUL (or control byte).
        at: usize,
    },
    /// The input is larger than `--max-input`.
    #[error("{path}: input exceeds {limit} bytes (--max-input to raise)")]
    TooLarge {
        /// The input.
        path: String,
        /// The limit in force.
        limit: u64,
    },
    /// A directory without any text file in it.
    #[error("{path}: is a directory with no text files")]
    EmptyDirectory {
        /// The directory.
        path: String,
    },
    /// `-` given more than once.
    #[error("-: standard input given more than once")]
    StdinTwice,
}
