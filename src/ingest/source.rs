//! Where input bytes come from: files, directories (their text files, sorted),
//! standard input, and the sample story embedded in the binary.
//!
//! Inputs are read with `read()` into memory under a size cap: never mapped (a
//! file truncated under a mapping crashes the process), and never trusting the
//! size the file system reports (procfs files say 0, pipes and FIFOs say nothing,
//! and a growing log says less than it will hold). At most `max_bytes + 1` bytes
//! are read, so an endless source such as `/dev/zero` stops too.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::sniff::sniff;
use super::{Error, Input, ReadOptions};
use crate::model::FileId;
use crate::sanitize::os_text;

/// The bundled sample story: five versions of one AP story (7 Nov 2021). The file
/// names are kept exactly: the gold alignment and its scorers match by base name.
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

/// The bundled sample story's five versions, with paths `assets/sample/<file name>`.
#[must_use]
pub fn sample_inputs() -> Vec<Input> {
    SAMPLE
        .iter()
        .map(|(name, bytes)| Input {
            path: format!("assets/sample/{name}"),
            bytes: bytes.to_vec(),
            file: None,
        })
        .collect()
}

/// File name extensions (lowercase) that are never text; such files are skipped
/// inside directories without being read.
const NOT_TEXT: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "heic", "avif", "psd", "pdf",
    "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "exe", "dll", "so", "dylib", "o",
    "a", "lib", "obj", "class", "jar", "wasm", "pyc", "mp3", "mp4", "m4a", "mov", "avi", "mkv",
    "webm", "wav", "flac", "ogg", "woff", "woff2", "ttf", "otf", "sqlite", "db", "docx", "xlsx",
    "pptx", "odt",
];

/// Expands the operands into inputs, in order: a file; a directory's text files
/// (sorted by name, hidden files, known binary types and files that sniff as
/// binary skipped, not recursive); `-` for all of standard input. Operands are
/// OS strings, so a file whose name is not UTF-8 opens too; its
/// [`Input::path`] shows the stray bytes as `\xNN`.
///
/// # Errors
/// The first operand (or directory entry) that cannot be read, naming it; a file
/// over `opts.max_bytes`; a directory with no text file; `-` given twice (checked
/// before anything is read, so stdin is not consumed in vain).
pub fn read_inputs<S: AsRef<OsStr>>(
    operands: &[S],
    opts: &ReadOptions,
) -> Result<Vec<Input>, Error> {
    if operands.iter().filter(|op| op.as_ref() == "-").count() > 1 {
        return Err(Error::StdinTwice);
    }
    let mut out = Vec::new();
    for op in operands {
        let op = Path::new(op.as_ref());
        let shown = os_text(op.as_os_str()).into_owned();
        if op.as_os_str() == "-" {
            let file = stdin_id();
            let bytes = read_whole(io::stdin().lock(), &shown, opts)?;
            out.push(Input {
                path: shown,
                bytes,
                file,
            });
            continue;
        }
        let meta = std::fs::metadata(op).map_err(io_error(&shown))?;
        if meta.is_dir() {
            out.extend(read_dir(op, &shown, opts)?);
        } else {
            let file = File::open(op).map_err(io_error(&shown))?;
            let id = identity(&file);
            let bytes = read_whole(file, &shown, opts)?;
            out.push(Input {
                path: shown,
                bytes,
                file: id,
            });
        }
    }
    Ok(out)
}

/// The identity of the file actually opened (links resolved by the open itself).
fn identity(file: &File) -> Option<FileId> {
    file.metadata().ok().and_then(|m| FileId::of(&m))
}

/// What standard input is, when it can be asked: `wirediff - < story.txt` reads
/// `story.txt`, which an export must not replace either.
fn stdin_id() -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        // A duplicate of the descriptor, so closing it leaves stdin open.
        let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
        identity(&File::from(fd))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Wraps an IO error with the path it is about.
fn io_error(path: &str) -> impl FnOnce(io::Error) -> Error + '_ {
    move |reason| Error::Io {
        path: path.to_string(),
        reason,
    }
}

/// Whether a directory entry's name may be a text file worth comparing.
fn is_listable(name: &OsString) -> bool {
    let name = name.to_string_lossy();
    if name.starts_with('.') {
        return false;
    }
    let ext = Path::new(name.as_ref())
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    !NOT_TEXT.contains(&ext.as_str())
}

/// The text files directly in `dir` (shown as `shown`), sorted by file name.
fn read_dir(dir: &Path, shown_dir: &str, opts: &ReadOptions) -> Result<Vec<Input>, Error> {
    let mut files: Vec<(OsString, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error(shown_dir))? {
        let entry = entry.map_err(io_error(shown_dir))?;
        let name = entry.file_name();
        if !is_listable(&name) {
            continue;
        }
        let path = entry.path();
        // `metadata` follows symbolic links: a link to a file counts; links to
        // directories, broken links, FIFOs and sockets do not (reading a FIFO
        // could block forever).
        if std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            files.push((name, path));
        }
    }
    files.sort();
    let mut out = Vec::new();
    for (_, path) in files {
        let shown = os_text(path.as_os_str()).into_owned();
        let file = File::open(&path).map_err(io_error(&shown))?;
        // Taken from the open file: the one whose bytes these are, whichever
        // name (or link) led to it.
        let id = identity(&file);
        let (bytes, over) = read_capped(file, opts.max_bytes).map_err(io_error(&shown))?;
        // Judged on what was read: a huge binary is skipped, not reported as large.
        if sniff(&bytes).is_some() {
            continue;
        }
        if over {
            return Err(Error::TooLarge {
                path: shown,
                limit: opts.max_bytes,
            });
        }
        out.push(Input {
            path: shown,
            bytes,
            file: id,
        });
    }
    if out.is_empty() {
        return Err(Error::EmptyDirectory {
            path: shown_dir.into(),
        });
    }
    Ok(out)
}

/// All of `reader`, or [`Error::TooLarge`] when it holds more than the cap.
fn read_whole(reader: impl Read, path: &str, opts: &ReadOptions) -> Result<Vec<u8>, Error> {
    let (bytes, over) = read_capped(reader, opts.max_bytes).map_err(io_error(path))?;
    if over {
        return Err(Error::TooLarge {
            path: path.into(),
            limit: opts.max_bytes,
        });
    }
    Ok(bytes)
}

/// Reads until end of input or `max + 1` bytes, whichever comes first; says
/// whether the input was over `max`. Growth follows the bytes actually read.
fn read_capped(mut reader: impl Read, max: u64) -> io::Result<(Vec<u8>, bool)> {
    const CHUNK: usize = 64 * 1024;
    let limit = max.saturating_add(1);
    let mut out = Vec::new();
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let have = u64::try_from(out.len()).unwrap_or(u64::MAX);
        let room = limit.saturating_sub(have);
        if room == 0 {
            break;
        }
        let want = usize::try_from(room).map_or(CHUNK, |r| r.min(CHUNK));
        let buf = chunk.get_mut(..want).unwrap_or_default();
        match reader.read(buf) {
            Ok(0) => break,
            // A reader claiming more than it was given is buggy; `get` keeps it harmless.
            Ok(n) => out.extend_from_slice(buf.get(..n).unwrap_or(buf)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let over = u64::try_from(out.len()).unwrap_or(u64::MAX) > max;
    Ok((out, over))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_five_named_versions() {
        let s = sample_inputs();
        let names: Vec<&str> = s.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(
            names,
            [
                "assets/sample/000_064c36f7512e8fff.txt",
                "assets/sample/001_045f93cc92c6e1e4.txt",
                "assets/sample/002_b6ec4a235292e39b.txt",
                "assets/sample/003_94bf58e63207b8f8.txt",
                "assets/sample/004_df9df1410c909adf.txt",
            ]
        );
        for i in &s {
            let on_disk =
                std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(&i.path)).unwrap();
            assert_eq!(i.bytes, on_disk, "{}", i.path);
        }
    }

    #[test]
    fn cap_is_enforced_on_the_bytes_read() {
        assert_eq!(
            read_capped(&b"0123456789"[..], 4).unwrap(),
            (b"01234".to_vec(), true)
        );
        assert_eq!(
            read_capped(&b"0123"[..], 4).unwrap(),
            (b"0123".to_vec(), false)
        );
        assert_eq!(read_capped(&b""[..], 0).unwrap(), (Vec::new(), false));
        assert_eq!(read_capped(&b"x"[..], 0).unwrap(), (b"x".to_vec(), true));
        let err = read_whole(
            &b"0123456789"[..],
            "x",
            &ReadOptions {
                max_bytes: 4,
                allow_binary: false,
            },
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "x: input exceeds 4 bytes");
    }

    #[test]
    fn endless_source_stops_at_the_cap() {
        let (bytes, over) = read_capped(io::repeat(b'a'), 200_000).unwrap();
        assert_eq!(bytes.len(), 200_001);
        assert!(over);
    }

    /// A reader that is interrupted once between every chunk of one byte.
    struct Flaky {
        data: Vec<u8>,
        interrupt: bool,
    }

    impl Read for Flaky {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.interrupt = !self.interrupt;
            if self.interrupt {
                return Err(io::Error::from(io::ErrorKind::Interrupted));
            }
            if self.data.is_empty() || buf.is_empty() {
                return Ok(0);
            }
            buf[0] = self.data.remove(0);
            Ok(1)
        }
    }

    #[test]
    fn interrupted_reads_are_retried() {
        let reader = Flaky {
            data: b"abc".to_vec(),
            interrupt: false,
        };
        assert_eq!(read_capped(reader, 10).unwrap(), (b"abc".to_vec(), false));
    }

    #[test]
    fn names_of_listable_files() {
        let ok = |n: &str| is_listable(&OsString::from(n));
        assert!(ok("v1.txt"));
        assert!(ok("story"));
        assert!(ok("notes.md"));
        assert!(!ok(".hidden.txt"));
        assert!(!ok("photo.PNG"));
        assert!(!ok("archive.tar.gz"));
        assert!(!ok("lib.so"));
    }
}
