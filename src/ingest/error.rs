//! Errors of ingest, each naming the input it is about.
//!
//! The CLI prints an error as one line after `wirediff: `, so every message is a
//! single lowercase line that starts with the path: the reader must be able to
//! tell which of several inputs is at fault without a backtrace.

use std::fmt;

/// Why an input looks binary rather than like text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryEvidence {
    /// A NUL byte (or, in UTF-16, a NUL code unit) at this byte offset of the input.
    Nul {
        /// Byte offset in the input as read (a BOM included).
        at: usize,
    },
    /// Control characters are too large a share of the input to be text.
    Control {
        /// Byte offset of the first control character.
        at: usize,
        /// Their share of all characters, in percent (rounded down).
        percent: u8,
    },
}

impl fmt::Display for BinaryEvidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Nul { at } => write!(f, "NUL at byte {at}"),
            Self::Control { at, percent } => {
                write!(f, "{percent}% control bytes, first at byte {at}")
            }
        }
    }
}

/// An input that cannot be used. `Display` is one line: `<path>: <what is wrong>`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The OS refused (missing file, permission, a read that failed…).
    // The reason is part of the message and deliberately not `source()`: a
    // caller printing the chain (`{:#}`) would show it twice.
    #[error("{path}: {reason}")]
    Io {
        /// The input.
        path: String,
        /// What the OS said.
        reason: std::io::Error,
    },
    /// The input holds NUL bytes or is mostly control bytes.
    #[error("{path}: binary file ({evidence})")]
    Binary {
        /// The input.
        path: String,
        /// What gave it away.
        evidence: BinaryEvidence,
    },
    /// The input is larger than the limit in force.
    #[error("{path}: input exceeds {}", human_size(*limit))]
    TooLarge {
        /// The input.
        path: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A directory without any text file directly in it.
    #[error("{path}: is a directory with no text files")]
    EmptyDirectory {
        /// The directory.
        path: String,
    },
    /// `-` given more than once: standard input can only be read once.
    #[error("-: stdin given twice")]
    StdinTwice,
    /// A URL that could not be fetched, or whose answer is no page.
    #[error("{path}: {reason}")]
    Fetch {
        /// The URL as given.
        path: String,
        /// What went wrong (status, time-out, redirects, content type…).
        reason: String,
    },
}

impl Error {
    /// The input the error is about (`-` for standard input).
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            Self::Io { path, .. }
            | Self::Binary { path, .. }
            | Self::TooLarge { path, .. }
            | Self::EmptyDirectory { path }
            | Self::Fetch { path, .. } => path,
            Self::StdinTwice => "-",
        }
    }
}

/// A byte count as a person would write a limit: `64 MiB`, `512 KiB`, `1000 bytes`.
/// Only exact multiples get a unit, so the number shown is the limit itself.
fn human_size(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if n >= size && n.is_multiple_of(size) {
            return format!("{} {unit}", n / size);
        }
    }
    if n == 1 {
        "1 byte".into()
    } else {
        format!("{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_shown_in_exact_units() {
        assert_eq!(human_size(64 << 20), "64 MiB");
        assert_eq!(human_size(3 << 30), "3 GiB");
        assert_eq!(human_size(1536), "1536 bytes");
        assert_eq!(human_size(2048), "2 KiB");
        assert_eq!(human_size(10), "10 bytes");
        assert_eq!(human_size(1), "1 byte");
        assert_eq!(human_size(0), "0 bytes");
        assert_eq!(human_size(u64::MAX), format!("{} bytes", u64::MAX));
    }

    #[test]
    fn messages_are_one_line_naming_the_path() {
        let errs = [
            Error::Binary {
                path: "a.bin".into(),
                evidence: BinaryEvidence::Nul { at: 123 },
            },
            Error::Binary {
                path: "b.bin".into(),
                evidence: BinaryEvidence::Control { at: 0, percent: 40 },
            },
            Error::TooLarge {
                path: "big.txt".into(),
                limit: 64 << 20,
            },
            Error::EmptyDirectory { path: "d".into() },
            Error::StdinTwice,
            Error::Io {
                path: "nope.txt".into(),
                reason: std::io::Error::from_raw_os_error(2),
            },
        ];
        let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(shown[0], "a.bin: binary file (NUL at byte 123)");
        assert_eq!(
            shown[1],
            "b.bin: binary file (40% control bytes, first at byte 0)"
        );
        assert_eq!(shown[2], "big.txt: input exceeds 64 MiB");
        assert_eq!(shown[3], "d: is a directory with no text files");
        assert_eq!(shown[4], "-: stdin given twice");
        assert!(shown[5].starts_with("nope.txt: "), "{}", shown[5]);
        for (e, s) in errs.iter().zip(&shown) {
            assert!(s.starts_with(&format!("{}: ", e.path())), "{s}");
            assert!(!s.contains('\n'), "{s}");
        }
    }
}
