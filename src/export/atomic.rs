//! Writing an export file without losing anything. The one file named is the
//! only thing written, and only when it is safe:
//!
//! - never over one of the inputs, however it is named: the target is compared
//!   by device and inode ([`FileId`]) with every file actually read, a
//!   directory's files and a redirected stdin included;
//! - never over anything but a regular file, `--force` or not: a device
//!   (`/dev/null`, `/dev/full`), a FIFO, a socket or a directory is refused, as
//!   the atomic rename would replace it with an ordinary file;
//! - never over a symbolic link: the rename would replace the link, not write
//!   where it points, and following it could reach a file the user never named
//!   here; name the file itself (links in the directories above are followed as
//!   usual);
//! - never over an existing file unless forced;
//! - atomically: a temporary file in the same directory, renamed into place, so
//!   a failure (a full disk) leaves no half file and the old one intact.
//!
//! The target is checked before anything is written and again just before the
//! rename, which narrows (without closing) the window in which another process
//! could put something else there.

use std::fs::{File, FileType, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use crate::model::FileId;
use crate::sanitize::os_text;

/// Why an export file was not written. Each message is one line starting
/// with the path.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file exists and `force` was not given.
    #[error("{0}: file exists; use --force to replace it")]
    Exists(String),
    /// The target is one of the inputs.
    #[error("{0}: is one of the inputs; refusing to overwrite it")]
    IsInput(String),
    /// The target exists and is not a regular file (`what` says what it is).
    #[error("{path}: is {what}, not a regular file; refusing to replace it")]
    NotAFile {
        /// The target.
        path: String,
        /// "a directory", "a FIFO", "a character device"…
        what: &'static str,
    },
    /// The target is a symbolic link.
    #[error("{0}: is a symbolic link; refusing to replace it (name the file it points to)")]
    Symlink(String),
    /// The OS refused (no such directory, permission, disk full…).
    // The reason is part of the message and deliberately not `source()`: a
    // caller printing the chain (`{:#}`) would show it twice.
    #[error("{path}: {reason}")]
    Io {
        /// The target.
        path: String,
        /// What the OS said.
        reason: io::Error,
    },
}

/// What a file that is not regular is, for the message.
fn kind_name(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

/// Whether `path` may be written: nothing there, or a regular file that is
/// not an input (and `force` when it exists).
fn check_target(
    path: &Path,
    shown: &str,
    force: bool,
    inputs: &[FileId],
) -> Result<(), WriteError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(reason) => {
            return Err(WriteError::Io {
                path: shown.into(),
                reason,
            });
        }
    };
    let t = meta.file_type();
    if t.is_symlink() {
        return Err(WriteError::Symlink(shown.into()));
    }
    if FileId::of(&meta).is_some_and(|id| inputs.contains(&id)) {
        return Err(WriteError::IsInput(shown.into()));
    }
    if !t.is_file() {
        return Err(WriteError::NotAFile {
            path: shown.into(),
            what: kind_name(t),
        });
    }
    if !force {
        return Err(WriteError::Exists(shown.into()));
    }
    Ok(())
}

/// A new temporary file next to `path`; another name is tried when one is
/// taken (a leftover of a killed run), so a stale file never blocks an export.
/// `create_new` never follows a link planted under the name.
fn create_temp(path: &Path) -> io::Result<(File, PathBuf)> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| os_text(n).into_owned());
    let pid = std::process::id();
    let mut attempt = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.wirediff-{pid}-{attempt}.tmp"));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((file, tmp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Writes `path` with `fill`, atomically, if it is safe (see the module doc);
/// `inputs` are the files the export was made from.
///
/// # Errors
/// [`WriteError`] naming the path.
pub fn write_file(
    path: &Path,
    force: bool,
    inputs: &[FileId],
    fill: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<()>,
) -> Result<(), WriteError> {
    let shown = os_text(path.as_os_str()).into_owned();
    check_target(path, &shown, force, inputs)?;
    let (file, tmp) = create_temp(path).map_err(|reason| WriteError::Io {
        path: shown.clone(),
        reason,
    })?;
    let written = (|| {
        let mut w = io::BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()
    })()
    .map_err(|reason| WriteError::Io {
        path: shown.clone(),
        reason,
    });
    let result = written
        .and_then(|()| check_target(path, &shown, force, inputs))
        .and_then(|()| {
            std::fs::rename(&tmp, path).map_err(|reason| WriteError::Io {
                path: shown.clone(),
                reason,
            })
        });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn writes_refuses_to_overwrite_and_forces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_file(&p, false, &[], |w| w.write_all(b"one")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
        assert!(matches!(
            write_file(&p, false, &[], |w| w.write_all(b"two")),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
        write_file(&p, true, &[], |w| w.write_all(b"two")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "two");
    }

    #[test]
    fn refuses_an_input_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("in.txt");
        std::fs::write(&p, "story").unwrap();
        let Some(id) = FileId::of(&std::fs::metadata(&p).unwrap()) else {
            return; // no inode numbers on this platform
        };
        // Another name of the same file: `d/./in.txt` and a hard link.
        let alias = dir.path().join(".").join("in.txt");
        let hard = dir.path().join("hard.txt");
        std::fs::hard_link(&p, &hard).unwrap();
        for target in [&p, &alias, &hard] {
            assert!(
                matches!(
                    write_file(target, true, &[id], |w| w.write_all(b"x")),
                    Err(WriteError::IsInput(_))
                ),
                "{}",
                target.display()
            );
        }
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "story");
    }

    #[test]
    fn refuses_what_is_not_a_regular_file_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        let r = write_file(&sub, true, &[], |w| w.write_all(b"x"));
        assert!(
            matches!(
                r,
                Err(WriteError::NotAFile {
                    what: "a directory",
                    ..
                })
            ),
            "{r:?}"
        );
        assert!(sub.is_dir());
        #[cfg(unix)]
        {
            let target = dir.path().join("story.txt");
            std::fs::write(&target, "story").unwrap();
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            let r = write_file(&link, true, &[], |w| w.write_all(b"x"));
            assert!(matches!(r, Err(WriteError::Symlink(_))), "{r:?}");
            assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
            assert_eq!(std::fs::read_to_string(&target).unwrap(), "story");
        }
        // No temporary file was left behind.
        let expected = if cfg!(unix) { 3 } else { 1 };
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), expected);
    }

    #[test]
    fn a_stale_temporary_file_does_not_block() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        let stale = dir
            .path()
            .join(format!(".out.txt.wirediff-{}-0.tmp", std::process::id()));
        std::fs::write(&stale, "old").unwrap();
        write_file(&p, false, &[], |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(&stale).unwrap(), "old");
    }

    #[test]
    fn failure_leaves_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        let r = write_file(&p, false, &[], |_| Err(io::Error::other("boom")));
        assert!(r.is_err());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "no temp file left"
        );
    }
}
