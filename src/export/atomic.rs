//! Writing an export file without losing anything: never over an existing file
//! unless forced, never over one of the inputs, and atomically (a temporary file
//! in the same directory, renamed into place), so a failure leaves no half file.

use std::io;
use std::path::{Path, PathBuf};

/// Why an export file was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file exists and `force` was not given.
    #[error("{0}: file exists; use --force to replace it")]
    Exists(String),
    /// The target is one of the inputs.
    #[error("{0}: is one of the inputs; refusing to overwrite it")]
    IsInput(String),
    /// The OS refused.
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

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Writes `path` with `fill`, atomically.
///
/// # Errors
/// [`WriteError`] naming the path.
pub fn write_file(
    path: &Path,
    force: bool,
    inputs: &[String],
    fill: impl FnOnce(&mut io::BufWriter<std::fs::File>) -> io::Result<()>,
) -> Result<(), WriteError> {
    let shown = path.display().to_string();
    if inputs
        .iter()
        .any(|i| i != "-" && same_file(Path::new(i), path))
    {
        return Err(WriteError::IsInput(shown));
    }
    if path.exists() && !force {
        return Err(WriteError::Exists(shown));
    }
    let io_err = |reason| WriteError::Io {
        path: shown.clone(),
        reason,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.wirediff-{}.tmp", std::process::id()));
    let result = (|| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        let mut w = io::BufWriter::new(file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_err(e));
    }
    Ok(())
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
        let inputs = vec![p.display().to_string()];
        assert!(matches!(
            write_file(&p, true, &inputs, |w| w.write_all(b"x")),
            Err(WriteError::IsInput(_))
        ));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "story");
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
