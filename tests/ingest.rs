//! Ingest through its public API: operands on a real file system (files,
//! directories, size caps, errors that name the path), the fixtures in
//! `tests/fixtures/ingest/` in three encodings, the bundled sample's paragraphs,
//! and properties that must hold for any input (no panics, exact spans).

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use wirediff::ingest::reflow::SourceMap;
use wirediff::ingest::{self, BinaryEvidence, Error, Input, ReadOptions};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(name)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.display().to_string()
}

fn s(path: &Path) -> String {
    path.display().to_string()
}

fn read(operands: &[String]) -> Result<Vec<Input>, Error> {
    ingest::read_inputs(operands, &ReadOptions::default())
}

/// Paths of the inputs, relative to `dir`.
fn names(inputs: &[Input], dir: &Path) -> Vec<String> {
    inputs
        .iter()
        .map(|i| {
            Path::new(&i.path)
                .strip_prefix(dir)
                .map_or_else(|_| i.path.clone(), |p| p.display().to_string())
        })
        .collect()
}

// --- operands -------------------------------------------------------------

#[test]
fn directory_expands_to_sorted_text_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "b.txt", b"second");
    write(d, "a.txt", b"first");
    write(d, "c", b"no extension is fine");
    write(d, "notes.md", b"markdown is text");
    write(d, ".hidden.txt", b"hidden");
    write(d, "photo.png", b"even text in a .png is skipped");
    write(d, "ARCHIVE.ZIP", b"upper-case extensions too");
    write(d, "blob.txt", b"looks like text by name\0but is not");
    std::fs::create_dir(d.join("sub")).expect("subdir");
    write(&d.join("sub"), "deep.txt", b"not recursive");
    let inputs = read(&[s(d)]).expect("read dir");
    assert_eq!(names(&inputs, d), ["a.txt", "b.txt", "c", "notes.md"]);
    assert_eq!(inputs[0].bytes, b"first");
    assert!(inputs[0].path.starts_with(&s(d)));
}

#[test]
fn directory_with_trailing_slash_gives_clean_paths() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", b"x");
    let inputs = read(&[format!("{}/", s(dir.path()))]).expect("read dir");
    assert_eq!(inputs[0].path, s(&dir.path().join("a.txt")));
}

#[cfg(unix)]
#[test]
fn symlinked_file_counts_and_symlinked_directory_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let other = tempfile::tempdir().expect("tempdir");
    write(other.path(), "target.txt", b"linked");
    std::os::unix::fs::symlink(other.path().join("target.txt"), d.join("link.txt")).expect("ln");
    std::os::unix::fs::symlink(other.path(), d.join("linkdir")).expect("ln");
    std::os::unix::fs::symlink(d.join("missing"), d.join("broken.txt")).expect("ln");
    let inputs = read(&[s(d)]).expect("read dir");
    assert_eq!(names(&inputs, d), ["link.txt"]);
    assert_eq!(inputs[0].bytes, b"linked");
}

#[test]
fn operands_keep_their_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::create_dir(d.join("dir")).expect("subdir");
    let z = write(d, "z.txt", b"z");
    let a = write(d, "a.txt", b"a");
    write(&d.join("dir"), "m.txt", b"m");
    let inputs = read(&[z.clone(), s(&d.join("dir")), a.clone(), z]).expect("read");
    assert_eq!(names(&inputs, d), ["z.txt", "dir/m.txt", "a.txt", "z.txt"]);
}

#[test]
fn missing_file_error_names_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ok = write(dir.path(), "a.txt", b"a");
    let missing = s(&dir.path().join("nope.txt"));
    let err = read(&[ok, missing.clone()]).expect_err("missing");
    assert!(matches!(err, Error::Io { .. }), "{err:?}");
    assert_eq!(err.path(), missing);
    assert_eq!(
        err.to_string(),
        format!("{missing}: No such file or directory (os error 2)")
    );
}

#[test]
fn directory_without_text_files_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let err = read(&[s(d)]).expect_err("empty dir");
    assert_eq!(
        err.to_string(),
        format!("{}: is a directory with no text files", s(d))
    );
    write(d, ".hidden", b"text");
    write(d, "a.png", b"text");
    write(d, "a.bin", b"\x7fELF\x02\x01\x01\0\0\0");
    write(d, "ctl.txt", b"\x01\x02\x03\x04\x05");
    std::fs::create_dir(d.join("sub")).expect("subdir");
    write(&d.join("sub"), "a.txt", b"text");
    let err = read(&[s(d)]).expect_err("no text files");
    assert!(matches!(err, Error::EmptyDirectory { .. }), "{err:?}");
}

#[test]
fn size_cap_counts_bytes_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(dir.path(), "a.txt", b"0123456789A");
    let cap = |max_bytes| ReadOptions {
        max_bytes,
        allow_binary: false,
    };
    let err = ingest::read_inputs(std::slice::from_ref(&f), &cap(10)).expect_err("too large");
    assert!(matches!(err, Error::TooLarge { limit: 10, .. }), "{err:?}");
    assert_eq!(err.to_string(), format!("{f}: input exceeds 10 bytes"));
    let inputs = ingest::read_inputs(std::slice::from_ref(&f), &cap(11)).expect("at the cap");
    assert_eq!(inputs[0].bytes, b"0123456789A");
    // Inside a directory the named file is the one over the cap.
    let err = ingest::read_inputs(&[s(dir.path())], &cap(10)).expect_err("too large");
    assert_eq!(err.path(), f);
}

#[test]
fn oversized_binary_in_a_directory_is_skipped_not_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "a.txt", b"small text");
    write(d, "big.dat", &[0u8; 100]);
    let opts = ReadOptions {
        max_bytes: 20,
        allow_binary: false,
    };
    let inputs = ingest::read_inputs(&[s(d)], &opts).expect("read dir");
    assert_eq!(names(&inputs, d), ["a.txt"]);
}

#[cfg(target_os = "linux")]
#[test]
fn endless_file_stops_at_the_cap() {
    let opts = ReadOptions {
        max_bytes: 1000,
        allow_binary: false,
    };
    let err = ingest::read_inputs(&["/dev/zero".to_string()], &opts).expect_err("endless");
    assert_eq!(err.to_string(), "/dev/zero: input exceeds 1000 bytes");
}

#[test]
fn stdin_twice_is_refused_before_reading() {
    let err = read(&["-".into(), "-".into()]).expect_err("twice");
    assert!(matches!(err, Error::StdinTwice));
    assert_eq!(err.to_string(), "-: stdin given twice");
}

#[test]
fn binary_file_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(dir.path(), "b.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let err = ingest::load(std::slice::from_ref(&f), &ReadOptions::default()).expect_err("bin");
    assert_eq!(err.to_string(), format!("{f}: binary file (NUL at byte 8)"));
    assert!(matches!(
        err,
        Error::Binary {
            evidence: BinaryEvidence::Nul { at: 8 },
            ..
        }
    ));
    let opts = ReadOptions {
        allow_binary: true,
        ..ReadOptions::default()
    };
    let versions = ingest::load(std::slice::from_ref(&f), &opts).expect("--text");
    assert!(
        versions[0].notes[0].starts_with("decoded although it looks binary (NUL at byte 8)"),
        "{:?}",
        versions[0].notes
    );
}

// --- the fixtures in three encodings ---------------------------------------

/// (line_start, line_end) of each paragraph of `wrapped_story.txt`: headline,
/// byline stack (two paragraphs), three wrapped paragraphs, the list lines one by
/// one, and the last wrapped paragraph.
const STORY_LINES: &[(usize, usize)] = &[
    (1, 1),
    (3, 3),
    (4, 4),
    (6, 8),
    (10, 12),
    (14, 16),
    (18, 18),
    (19, 19),
    (20, 20),
    (22, 24),
];

#[test]
fn wrapped_story_fixture_splits_as_a_reader_would() {
    let versions =
        ingest::load(&[s(&fixture("wrapped_story.txt"))], &ReadOptions::default()).expect("load");
    let v = &versions[0];
    assert_eq!(
        (v.label.as_str(), v.encoding.as_str()),
        ("wrapped_story", "UTF-8")
    );
    let got: Vec<(usize, usize)> = v
        .paragraphs
        .iter()
        .map(|p| (p.line_start, p.line_end))
        .collect();
    assert_eq!(got, STORY_LINES);
    assert_eq!(
        v.paragraphs[3].text,
        "The Old Harbour bridge reopened to traffic on Saturday morning, two \
         years after inspectors found cracks in three of its steel piers and \
         closed it without warning, the city council said."
    );
}

#[test]
fn fixture_encodings_decode_to_the_same_paragraphs() {
    let load = |name: &str| {
        ingest::load(&[s(&fixture(name))], &ReadOptions::default())
            .expect("load")
            .remove(0)
    };
    let utf8 = load("wrapped_story.txt");
    let utf16 = load("wrapped_story_utf16le.txt");
    let cp1252 = load("wrapped_story_cp1252.txt");
    assert_eq!(utf16.encoding, "UTF-16LE");
    assert!(utf16.notes.is_empty(), "{:?}", utf16.notes);
    assert_eq!(cp1252.encoding, "windows-1252");
    assert_eq!(cp1252.notes, ["decoded as windows-1252 (guessed)"]);
    assert_eq!(cp1252.text, utf8.text);
    assert_eq!(cp1252.paragraphs, utf8.paragraphs);
    // The UTF-16 twin has CRLF line ends: same lines and texts, other offsets.
    let lines_and_text = |v: &wirediff::model::Version| -> Vec<(usize, usize, String)> {
        v.paragraphs
            .iter()
            .map(|p| (p.line_start, p.line_end, p.text.clone()))
            .collect()
    };
    assert_eq!(lines_and_text(&utf16), lines_and_text(&utf8));
    for p in &utf16.paragraphs {
        let span = &utf16.text[p.byte_start..p.byte_end];
        assert!(span == p.text || SourceMap::recover(span, &p.text).is_some());
    }
    assert!(cp1252.text.contains("\u{201c}We promised") && cp1252.text.contains("Ren\u{e9}e"));
}

// --- the bundled sample ------------------------------------------------------

/// The 1-based numbers of the non-empty lines, scanned by hand as the gold does.
fn non_empty_lines(text: &str) -> Vec<usize> {
    text.split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, _)| i + 1)
        .collect()
}

#[test]
fn sample_files_split_one_paragraph_per_non_empty_line() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    let inputs = read(&[s(&dir)]).expect("sample dir");
    assert_eq!(inputs.len(), 5);
    for (i, input) in inputs.iter().enumerate() {
        let text = std::str::from_utf8(&input.bytes).expect("sample is UTF-8");
        // v0–v3 separate paragraphs by blank lines, v4 does not.
        assert_eq!(text.contains("\n\n"), i < 4, "{}", input.path);
        let paragraphs = ingest::split_paragraphs(text);
        let lines = non_empty_lines(text);
        assert_eq!(paragraphs.len(), lines.len(), "{}", input.path);
        for (p, line) in paragraphs.iter().zip(&lines) {
            assert_eq!((p.line_start, p.line_end), (*line, *line), "{}", input.path);
            let raw = text.split('\n').nth(line - 1).expect("line");
            assert_eq!(p.text, raw.trim(), "{}", input.path);
        }
    }
}

#[test]
fn embedded_sample_matches_the_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    for input in ingest::sample_inputs() {
        assert!(input.path.starts_with("assets/sample/"), "{}", input.path);
        assert_eq!(
            input.bytes,
            std::fs::read(dir.join(&input.path)).expect("sample file")
        );
    }
}

/// Greedy wrapping, as editors, `fmt` and mail clients do it.
fn wrap(paragraph: &str, width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in paragraph.split_whitespace() {
        if line.is_empty() {
            line = word.to_string();
        } else if line.chars().count() + 1 + word.chars().count() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    lines.push(line);
    lines.join("\n")
}

#[test]
fn hard_wrapping_the_sample_keeps_its_paragraphs() {
    for width in [66, 72, 80] {
        for input in ingest::sample_inputs() {
            let v = ingest::decode(&input, &ReadOptions::default()).expect("decode");
            let wrapped: Vec<String> = v.paragraphs.iter().map(|p| wrap(&p.text, width)).collect();
            let got = ingest::split_paragraphs(&wrapped.join("\n\n"));
            let got: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
            // Each wrapped paragraph comes back whole, its lines joined again.
            let want: Vec<String> = wrapped.iter().map(|w| w.replace('\n', " ")).collect();
            assert_eq!(got, want, "{} at width {width}", input.path);
        }
    }
}

// --- properties ----------------------------------------------------------------

/// Text made of the pieces that matter to splitting: words, punctuation, quotes,
/// every kind of line end and white space, multi-byte characters.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("word".to_string()),
        Just("Name".to_string()),
        Just("a much longer stretch of ordinary words".to_string()),
        Just(". ".to_string()),
        Just("\u{201d}".to_string()),
        Just("- ".to_string()),
        Just(" ".to_string()),
        Just("\t".to_string()),
        Just("\u{a0}".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\u{e9}".to_string()),
        Just("\u{1F600}".to_string()),
        Just("\u{200b}".to_string()),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn paragraphs_are_exact_trimmed_ordered_spans(text in texty()) {
        let paragraphs = ingest::split_paragraphs(&text);
        let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        let line_count = normalised.split('\n').count();
        let mut prev_end = (0, 0);
        for (i, p) in paragraphs.iter().enumerate() {
            prop_assert_eq!(p.id, i);
            // Joined lines (hard-wrapped text) differ from the span only by
            // white space and line-end hyphens, and map back into it.
            let span = text.get(p.byte_start..p.byte_end).unwrap_or_default();
            prop_assert!(
                span == p.text
                    || (p.line_start < p.line_end && SourceMap::recover(span, &p.text).is_some()),
                "{:?} is not its span {:?}", p.text, span
            );
            prop_assert!(!p.text.is_empty());
            prop_assert!(!p.text.starts_with(char::is_whitespace));
            prop_assert!(!p.text.ends_with(char::is_whitespace));
            prop_assert!(p.line_start <= p.line_end && p.line_end <= line_count);
            prop_assert!(p.line_start > prev_end.0 && p.byte_start >= prev_end.1);
            prev_end = (p.line_end, p.byte_end);
        }
        // Every line that holds more than white space is in exactly one paragraph.
        if !text.chars().any(|c| matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')) {
            let expected: Vec<usize> = non_empty_lines(&normalised);
            let covered: Vec<usize> = paragraphs
                .iter()
                .flat_map(|p| p.line_start..=p.line_end)
                .collect();
            prop_assert_eq!(covered, expected);
        }
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), allow in any::<bool>()) {
        let input = Input { path: "x.txt".into(), bytes, file: None };
        let opts = ReadOptions { allow_binary: allow, ..ReadOptions::default() };
        match ingest::decode(&input, &opts) {
            Ok(v) => {
                for p in &v.paragraphs {
                    let span = v.text.get(p.byte_start..p.byte_end).unwrap_or_default();
                    prop_assert!(span == p.text || SourceMap::recover(span, &p.text).is_some());
                }
            }
            Err(e) => {
                prop_assert!(!allow);
                prop_assert!(e.to_string().starts_with("x.txt: binary file ("));
            }
        }
    }

    #[test]
    fn utf16_twins_decode_alike(text in texty()) {
        // A leading U+FEFF in the UTF-8 twin is its BOM and is removed; not so in UTF-16.
        prop_assume!(!text.starts_with('\u{feff}'));
        let plain = ingest::decode(&Input { path: "a".into(), bytes: text.clone().into_bytes(), file: None }, &ReadOptions { allow_binary: true, ..ReadOptions::default() });
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        let opts = ReadOptions { allow_binary: true, ..ReadOptions::default() };
        let plain = plain.expect("allowed");
        for bytes in [le, be] {
            let v = ingest::decode(&Input { path: "a".into(), bytes, file: None }, &opts).expect("allowed");
            prop_assert_eq!(&v.text, &text);
            prop_assert_eq!(&v.paragraphs, &plain.paragraphs);
        }
    }
}
