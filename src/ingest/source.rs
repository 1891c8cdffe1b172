//! Where input bytes come from: files, directories (their text files, sorted),
//! standard input, and the sample story embedded in the binary.
//!
//! Inputs are read with `read()` into memory under a size cap — never mapped,
//! whose truncation under us would crash, and never trusting the size the file
//! system reports (procfs files say 0).

use std::io::Read;
use std::path::Path;

use super::{Error, Input, ReadOptions};

/// The bundled sample story: five versions of one AP story (7 Nov 2021).
const SAMPLE: &[(&str, &[u8])] = &[
    (
        "000_064c36f7512e8fff.txt",
        include_bytes!("../../assets/sample/000_064c36f7512e8fff.txt"),
    ),
    (
        "001_045f93cc92c6e1e4.txt",
        include_bytes!("../../assets/sample/001_045f93cc92c6e1e4.txt"),
    ),
    (
        "002_b6ec4a235292e39b.txt",
        include_bytes!("../../assets/sample/002_b6ec4a235292e39b.txt"),
    ),
    (
        "003_94bf58e63207b8f8.txt",
        include_bytes!("../../assets/sample/003_94bf58e63207b8f8.txt"),
    ),
    (
        "004_df9df1410c909adf.txt",
        include_bytes!("../../assets/sample/004_df9df1410c909adf.txt"),
    ),
];

/// The sample story's versions, with paths `assets/sample/<file name>`.
#[must_use]
pub fn sample_inputs() -> Vec<Input> {
    SAMPLE
        .iter()
        .map(|(name, bytes)| Input {
            path: format!("assets/sample/{name}"),
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// File name endings that are never text, skipped inside directories.
const NOT_TEXT: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "ico", "pdf", "zip", "gz", "tgz", "bz2", "xz",
    "zst", "7z", "rar", "exe", "dll", "so", "dylib", "o", "a", "class", "jar", "mp3", "mp4", "mov",
    "avi", "wav", "ogg", "woff", "woff2", "ttf", "otf", "sqlite", "db",
];

/// Expands the operands into inputs: a file; a directory's text files (sorted by
/// name, hidden files and known binary types skipped, not recursive); `-` for all
/// of standard input (once).
///
/// # Errors
/// The first operand that cannot be read, naming it.
pub fn read_inputs(operands: &[String], opts: &ReadOptions) -> Result<Vec<Input>, Error> {
    let mut out = Vec::new();
    let mut stdin_used = false;
    for op in operands {
        if op == "-" {
            if stdin_used {
                return Err(Error::StdinTwice);
            }
            stdin_used = true;
            let bytes = read_capped(std::io::stdin().lock(), "-", opts.max_bytes)?;
            out.push(Input {
                path: "-".into(),
                bytes,
            });
            continue;
        }
        let path = Path::new(op);
        let meta = std::fs::metadata(path).map_err(|source| Error::Io {
            path: op.clone(),
            source,
        })?;
        if meta.is_dir() {
            out.extend(read_dir(op, opts)?);
        } else {
            out.push(read_file(op, opts)?);
        }
    }
    Ok(out)
}

fn read_file(path: &str, opts: &ReadOptions) -> Result<Input, Error> {
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let bytes = read_capped(file, path, opts.max_bytes)?;
    Ok(Input {
        path: path.into(),
        bytes,
    })
}

fn read_dir(dir: &str, opts: &ReadOptions) -> Result<Vec<Input>, Error> {
    let io = |source| Error::Io {
        path: dir.into(),
        source,
    };
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            !name.starts_with('.') && !NOT_TEXT.contains(&ext.as_str())
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let input = read_file(&p.display().to_string(), opts)?;
        if super::decode::first_binary_byte(&input.bytes).is_none() {
            out.push(input);
        }
    }
    if out.is_empty() {
        return Err(Error::EmptyDirectory { path: dir.into() });
    }
    Ok(out)
}

/// Reads everything, but at most `max + 1` bytes, so an endless source stops.
fn read_capped(reader: impl Read, path: &str, max: u64) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.into(),
            source,
        })?;
    if bytes.len() as u64 > max {
        return Err(Error::TooLarge {
            path: path.into(),
            limit: max,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_five_named_versions() {
        let s = sample_inputs();
        assert_eq!(s.len(), 5);
        assert!(s[0].path.ends_with("000_064c36f7512e8fff.txt"));
        assert!(s.iter().all(|i| !i.bytes.is_empty()));
    }

    #[test]
    fn cap_is_enforced_on_the_bytes_read() {
        let err = read_capped(&b"0123456789"[..], "x", 4).unwrap_err();
        assert!(err.to_string().contains("exceeds 4 bytes"), "{err}");
        assert_eq!(read_capped(&b"0123"[..], "x", 4).unwrap(), b"0123");
    }
}
