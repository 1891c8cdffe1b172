//! Reading a collection: folders (recursive), text files and JSON Lines.
//!
//! Every operand is a file, a folder or `-` (standard input, JSON Lines of
//! records); folders are walked recursively in name
//! order, so the same folder always reads the same way. Each file is one of:
//! - JSON Lines of records (first non-blank line an object with a string
//!   `text`): every line one article ([`super::passim`]); a bad line later in
//!   the file is an error naming the file and the line, never skipped silently;
//! - other JSON (a gold file, a config) and known binary types (images,
//!   archives, documents), hidden files, empty files and anything that sniffs
//!   as binary: skipped and counted, never compared; saved web pages too, for
//!   now (they need main-text extraction first);
//! - anything else that decodes as text: one article whose id is its path.
//!
//! Files are read whole with the same size cap as [`crate::ingest`], never
//! mapped; a folder reached twice (a symbolic link loop) is read once.

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::io::Read;
use std::path::Path;

use super::passim::{looks_like_records, parse_record};
use super::{Article, Collection, EmptyReason, Error, Skipped};
use crate::ingest::{self, ReadOptions};
use crate::model::FileId;
use crate::sanitize::os_text;

/// File name extensions (lowercase) that are never articles.
const NOT_ARTICLES: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ico", "svg", "heic", "avif", "psd",
    "pdf", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "exe", "dll", "so", "dylib",
    "o", "a", "class", "jar", "wasm", "pyc", "mp3", "mp4", "m4a", "mov", "avi", "mkv", "webm",
    "wav", "flac", "ogg", "woff", "woff2", "ttf", "otf", "sqlite", "db", "docx", "xlsx", "pptx",
    "odt", "parquet", "avro", "crc", "csv", "tsv", "toml", "yaml", "yml", "xml", "css", "js", "py",
    "rs", "sh",
];

/// Reads every operand into one collection.
///
/// # Errors
/// An operand that cannot be read, a JSON Lines record that cannot be used
/// (file and line), a file over `opts.max_bytes`, or no article at all.
pub fn read_collection<S: AsRef<OsStr>>(
    operands: &[S],
    opts: &ReadOptions,
) -> Result<Collection, Error> {
    let mut reader = Reader {
        opts,
        out: Collection::default(),
        seen_dirs: HashSet::new(),
        ids: HashMap::new(),
    };
    for op in operands {
        let path = Path::new(op.as_ref());
        let shown = os_text(path.as_os_str()).into_owned();
        if path.as_os_str() == "-" {
            reader.stdin()?;
            continue;
        }
        let meta = std::fs::metadata(path).map_err(|source| Error::Io {
            path: shown.clone(),
            source,
        })?;
        if meta.is_dir() {
            reader.walk(path, &shown)?;
        } else {
            reader.file(path, &shown, true)?;
        }
    }
    if reader.out.articles.is_empty() {
        return Err(Error::Empty(EmptyReason {
            skipped: reader.out.skipped.len(),
        }));
    }
    Ok(reader.out)
}

/// The records of JSON Lines `bytes` (as read from `path`), as
/// [`read_collection`] reads a JSON Lines file: one article per non-blank
/// line, ids made unique. Pure, for tests and fuzzing.
///
/// # Errors
/// The first line that is not a usable record, with its number.
pub fn parse_lines(bytes: &[u8], path: &str) -> Result<Vec<Article>, Error> {
    let opts = ReadOptions::default();
    let mut reader = Reader {
        opts: &opts,
        out: Collection::default(),
        seen_dirs: HashSet::new(),
        ids: HashMap::new(),
    };
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        reader.record(line, path, i + 1)?;
    }
    Ok(reader.out.articles)
}

/// The state of one reading: what was read and what was seen.
struct Reader<'a> {
    opts: &'a ReadOptions,
    out: Collection,
    /// Folders already walked, by identity: a link loop is walked once.
    seen_dirs: HashSet<FileId>,
    /// How often each id was seen, to make repeated ids unique.
    ids: HashMap<String, usize>,
}

impl Reader<'_> {
    fn walk(&mut self, dir: &Path, shown: &str) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: shown.to_string(),
            source,
        };
        let meta = std::fs::metadata(dir).map_err(io)?;
        if let Some(id) = FileId::of(&meta)
            && !self.seen_dirs.insert(id)
        {
            return Ok(());
        }
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .collect::<Result<_, _>>()
            .map_err(|source| Error::Io {
                path: shown.to_string(),
                source,
            })?;
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let name = entry.file_name();
            let path = entry.path();
            let shown = os_text(path.as_os_str()).into_owned();
            // Hidden files and folders (.git, .DS_Store) are no articles;
            // Spark's _SUCCESS and .crc markers neither.
            if name.to_string_lossy().starts_with(['.', '_']) {
                continue;
            }
            let meta = std::fs::metadata(&path).map_err(|source| Error::Io {
                path: shown.clone(),
                source,
            })?;
            if meta.is_dir() {
                self.walk(&path, &shown)?;
            } else if meta.is_file() {
                self.file(&path, &shown, false)?;
            }
        }
        Ok(())
    }

    /// Standard input as JSON Lines of records (`jq … | wirediff stories -`).
    fn stdin(&mut self) -> Result<(), Error> {
        let stdin = std::io::stdin().lock();
        let mut lines = Lines::new(Box::new(stdin), "-", self.opts.max_bytes);
        while let Some(line) = lines.next_line()? {
            let line = line.to_vec();
            self.record(&line, "-", lines.number)?;
        }
        Ok(())
    }

    fn skip(&mut self, path: &str, reason: impl Into<String>) {
        self.out.skipped.push(Skipped {
            path: path.to_string(),
            reason: reason.into(),
        });
    }

    /// Reads one file; `named` when the user named it (it is then read even
    /// with an extension that would be skipped inside a folder).
    fn file(&mut self, path: &Path, shown: &str, named: bool) -> Result<(), Error> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if matches!(ext.as_str(), "html" | "htm") {
            return self.page(path, shown);
        }
        if !named && NOT_ARTICLES.contains(&ext.as_str()) {
            self.skip(shown, format!("{ext} file"));
            return Ok(());
        }
        // JSON Lines are read line by line (a collection in one file may be
        // far larger than any article; each line is capped instead), other
        // files whole.
        let mut lines = Lines::open(path, shown, self.opts.max_bytes)?;
        let first = loop {
            // A first line over the cap: the file is too large for an article.
            let line = lines.next_line().map_err(|e| match e {
                Error::Record { .. } => Error::TooLarge {
                    path: shown.to_string(),
                    max: self.opts.max_bytes,
                },
                other => other,
            })?;
            match line {
                None => break Vec::new(),
                Some(l) if l.iter().all(u8::is_ascii_whitespace) => {}
                Some(l) => break l.to_vec(),
            }
        };
        let first = String::from_utf8_lossy(&first).into_owned();
        if first.is_empty() {
            self.skip(shown, "empty");
            return Ok(());
        }
        if looks_like_records(&first) {
            self.record(first.as_bytes(), shown, lines.number)?;
            while let Some(line) = lines.next_line()? {
                let line = line.to_vec();
                self.record(&line, shown, lines.number)?;
            }
            return Ok(());
        }
        drop(lines);
        // Read as every other input is (size cap, no mapping).
        let Some(input) = ingest::read_inputs(&[path], self.opts)?.pop() else {
            return Ok(());
        };
        let trimmed = first.trim_start();
        if matches!(ext.as_str(), "json" | "jsonl" | "ndjson" | "geojson")
            || trimmed.starts_with('{')
            || trimmed.starts_with('[')
        {
            self.skip(shown, "JSON data");
            return Ok(());
        }
        match ingest::decode(&input, self.opts) {
            Ok(version) => {
                let id = self.unique(shown.to_string());
                self.out.articles.push(Article {
                    id,
                    text: version.text,
                    from_file: true,
                    ..Article::default()
                });
            }
            Err(ingest::Error::Binary { evidence, .. }) => {
                self.skip(shown, format!("binary ({evidence})"));
            }
            Err(e) => {
                self.skip(shown, e.to_string());
            }
        }
        Ok(())
    }

    /// A saved web page: its story as the extraction finds it (headline and
    /// story paragraphs; the page's furniture left out), named by its outlet,
    /// title, date and URL from the page's metadata. A page with no article
    /// is skipped and counted.
    fn page(&mut self, path: &Path, shown: &str) -> Result<(), Error> {
        let Some(input) = ingest::read_inputs(&[path], self.opts)?.pop() else {
            return Ok(());
        };
        let version = match ingest::decode(&input, self.opts) {
            Ok(v) => v,
            Err(e) => {
                self.skip(shown, e.to_string());
                return Ok(());
            }
        };
        let text = version
            .paragraphs
            .iter()
            .filter(|p| p.kind != crate::model::ParagraphKind::Boilerplate)
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        if text.trim().is_empty() {
            self.skip(shown, "saved web page with no article");
            return Ok(());
        }
        let meta = version.metadata.unwrap_or_default();
        let id = self.unique(shown.to_string());
        self.out.articles.push(Article {
            id,
            series: meta.site_name,
            date: meta.published,
            title: meta.title,
            url: meta.canonical_url,
            text,
            from_file: true,
            ..Article::default()
        });
        Ok(())
    }

    /// One line of a JSON Lines file (line `number`, 1-based): one article, or
    /// nothing when blank.
    fn record(&mut self, line: &[u8], shown: &str, number: usize) -> Result<(), Error> {
        if line.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        let bad = |reason: String| Error::Record {
            path: shown.to_string(),
            line: number,
            reason,
        };
        let line = std::str::from_utf8(line).map_err(|e| bad(format!("not UTF-8 ({e})")))?;
        let mut article = parse_record(line).map_err(bad)?;
        article.id = self.unique(std::mem::take(&mut article.id));
        self.out.articles.push(article);
        Ok(())
    }

    /// `id`, or `id#2`, `id#3`… when it was seen before: every article is in
    /// exactly one story, so two must never share a name.
    fn unique(&mut self, id: String) -> String {
        let n = self.ids.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            id
        } else {
            let candidate = format!("{id}#{n}");
            // A literal `x#2` in the data takes its own turn too.
            self.unique(candidate)
        }
    }
}

/// The lines of a file, each at most `max` bytes.
struct Lines<'a> {
    reader: Box<dyn std::io::BufRead + 'a>,
    buf: Vec<u8>,
    shown: &'a str,
    max: u64,
    /// The 1-based number of the line last returned.
    number: usize,
}

impl<'a> Lines<'a> {
    fn open(path: &Path, shown: &'a str, max: u64) -> Result<Self, Error> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io {
            path: shown.to_string(),
            source,
        })?;
        Ok(Self::new(
            Box::new(std::io::BufReader::with_capacity(1 << 16, file)),
            shown,
            max,
        ))
    }

    fn new(reader: Box<dyn std::io::BufRead + 'a>, shown: &'a str, max: u64) -> Self {
        Self {
            reader,
            buf: Vec::new(),
            shown,
            max,
            number: 0,
        }
    }

    /// The next line without its terminator, `None` at the end.
    fn next_line(&mut self) -> Result<Option<&[u8]>, Error> {
        use std::io::BufRead;
        self.buf.clear();
        let n = (&mut self.reader)
            .take(self.max.saturating_add(1))
            .read_until(b'\n', &mut self.buf)
            .map_err(|source| Error::Io {
                path: self.shown.to_string(),
                source,
            })?;
        if n == 0 {
            return Ok(None);
        }
        self.number += 1;
        if self.buf.len() as u64 > self.max {
            return Err(Error::Record {
                path: self.shown.to_string(),
                line: self.number,
                reason: format!("line longer than {} bytes", self.max),
            });
        }
        let end = self.buf.len() - usize::from(self.buf.ends_with(b"\n"));
        let end = end - usize::from(self.buf.get(..end).is_some_and(|b| b.ends_with(b"\r")));
        Ok(self.buf.get(..end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(p, bytes).unwrap();
    }

    #[test]
    fn folder_is_walked_recursively_and_non_articles_are_skipped() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        write(d, "b.txt", b"Second article.");
        write(d, "a.txt", b"First article.");
        write(d, "sub/deeper/c.txt", b"Third article.");
        write(d, "gold.json", b"{\n  \"versions\": []\n}\n");
        write(d, "photo.png", b"\x89PNG\r\n");
        write(d, "blob.bin", b"\0\0\0\x01\x02");
        write(d, ".hidden.txt", b"hidden");
        write(d, "empty.txt", b"  \n");
        write(d, "feed.jsonl", b"{\"id\":\"x1\",\"text\":\"One.\"}\n\n{\"id\":\"x2\",\"text\":\"Two.\",\"series\":\"S\"}\n");
        let c = read_collection(&[d], &ReadOptions::default()).unwrap();
        let ids: Vec<String> = c.articles.iter().map(|a| a.id.clone()).collect();
        let base = d.display().to_string();
        assert_eq!(
            ids,
            [
                format!("{base}/a.txt"),
                format!("{base}/b.txt"),
                "x1".to_string(),
                "x2".to_string(),
                format!("{base}/sub/deeper/c.txt"),
            ]
        );
        assert_eq!(c.articles[3].series.as_deref(), Some("S"));
        let skipped: Vec<&str> = c
            .skipped
            .iter()
            .map(|s| s.path.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(skipped, ["blob.bin", "empty.txt", "gold.json", "photo.png"]);
        assert!(c.skipped[0].reason.starts_with("binary"));
        assert!(!c.is_passim_output());
    }

    #[test]
    fn bad_record_names_file_and_line() {
        let tmp = tempfile::tempdir().unwrap();
        write(
            tmp.path(),
            "f.jsonl",
            b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\"}\n",
        );
        let err = read_collection(&[tmp.path()], &ReadOptions::default()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.ends_with("f.jsonl:2: no 'text' field"), "{msg}");
        write(
            tmp.path(),
            "f.jsonl",
            b"{\"id\":\"a\",\"text\":\"x\"}\n{oops\n",
        );
        let msg = read_collection(&[tmp.path()], &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(msg.contains("f.jsonl:2: not JSON"), "{msg}");
    }

    #[test]
    fn repeated_ids_are_made_unique() {
        let tmp = tempfile::tempdir().unwrap();
        write(
            tmp.path(),
            "f.jsonl",
            b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n{\"id\":\"a#2\",\"text\":\"z\"}\n",
        );
        let c = read_collection(&[tmp.path()], &ReadOptions::default()).unwrap();
        let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a#2", "a#2#2"]);
    }

    #[test]
    fn missing_path_and_empty_collection_are_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let missing = tmp.path().join("nope");
        assert!(matches!(
            read_collection(&[&missing], &ReadOptions::default()),
            Err(Error::Io { .. })
        ));
        write(tmp.path(), "x.png", b"png");
        let err = read_collection(&[tmp.path()], &ReadOptions::default()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no articles found (1 file skipped as not articles)"
        );
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_walked_once() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "a/x.txt", b"Text.");
        std::os::unix::fs::symlink(tmp.path(), tmp.path().join("a/loop")).unwrap();
        let c = read_collection(&[tmp.path()], &ReadOptions::default()).unwrap();
        assert_eq!(c.articles.len(), 1);
    }

    #[test]
    fn too_large_file_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        write(tmp.path(), "big.txt", &[b'a'; 100]);
        let opts = ReadOptions {
            max_bytes: 10,
            ..ReadOptions::default()
        };
        assert!(matches!(
            read_collection(&[tmp.path()], &opts),
            Err(Error::TooLarge { .. })
        ));
    }
}
