//! Issue 13, hostile and odd input: what wirediff prints and what it writes.
//!
//! - Nothing a user controls (a file name, an argument, input text) reaches the
//!   terminal raw: clap's refusals, error lines and JSON included.
//! - Every error is one line naming the file, the reason said once.
//! - `-o` writes the one file named and nothing else: never an input however it
//!   is named (a directory's file, a link, stdin), never a device, FIFO,
//!   socket, directory or symbolic link, `--force` or not; a failed write is
//!   exit 2 and leaves nothing behind.
//! - A file name that is not UTF-8 opens, and is shown with `\xNN` escapes.
//! - `export -f ansi --boilerplate` lists the boilerplate, as the other formats do.
//!
//! Each check is a table of cases. Tests work only inside their own temporary
//! directories, on FIFOs, links and files they make; none names a system path.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

#[path = "support/command.rs"]
mod command;

fn wirediff() -> Command {
    let mut cmd = command::wirediff();
    // clap writes escapes raw only to a terminal, and strips them otherwise;
    // forcing colour makes a pipe behave like the terminal the testers used.
    cmd.env("CLICOLOR_FORCE", "1");
    cmd
}

const STORY_A: &str = "Officials said seven guards were wounded when two armed drones struck the residence on Sunday.\n\nThe prime minister appeared on television soon after, calm and composed, and called for dialogue.\n\nProtesters have camped outside the zone for a month, demanding a recount of the vote.\n";
const STORY_B: &str = "Officials said seven guards were injured when two armed drones struck the residence on Sunday.\n\nThe prime minister appeared on television soon after, calm and composed, and called for dialogue.\n\nProtesters have camped outside the zone for a month, demanding a recount of the vote.\n";

/// An OSC 52 clipboard write and an OSC 2 window title, as in the report.
const OSC: &str = "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]2;PWNED\u{7}";

fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, body).expect("write fixture");
    p
}

fn s(p: &Path) -> String {
    p.to_str().expect("test paths are UTF-8").to_string()
}

/// No byte a terminal would act on: no C0 control but the newline, no DEL, no
/// C1 control (UTF-8 `C2 80`..`C2 9F`).
fn assert_visible(what: &str, bytes: &[u8]) {
    let shown = String::from_utf8_lossy(bytes);
    for (i, &b) in bytes.iter().enumerate() {
        assert!(
            b == b'\n' || (b >= 0x20 && b != 0x7f),
            "{what}: raw byte {b:#04x} at {i}: {shown:?}"
        );
        assert!(
            !(b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n))),
            "{what}: raw C1 control at {i}: {shown:?}"
        );
    }
}

/// Every name in `dir` with its file type, to tell that nothing else was written.
fn listing(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            let t = e.file_type().expect("type");
            let len = e.path().symlink_metadata().map_or(0, |m| m.len());
            (
                e.file_name().to_string_lossy().into_owned(),
                format!("{t:?} {len}"),
            )
        })
        .collect();
    out.sort();
    out
}

// 1. Escape by another route: clap's refusals ------------------------------

#[test]
fn rejected_arguments_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = s(&write(dir.path(), "a.txt", STORY_A));
    let b = s(&write(dir.path(), "b.txt", STORY_B));
    let evil = s(&write(dir.path(), &format!("c{OSC}.txt"), STORY_B));
    let dashes = format!("--{OSC}x.txt");
    // (case, arguments, what the message must show)
    let cases: Vec<(&str, Vec<String>, &str)> = vec![
        (
            "a third file for diff (the report's `diff *.txt`)",
            vec!["diff".into(), a.clone(), b.clone(), evil.clone()],
            "c^[]52;c;cHduZWQ=^G^[]2;PWNED^G.txt",
        ),
        (
            "a name starting with -- (no subcommand)",
            vec![dashes.clone(), a.clone()],
            "--^[]52;",
        ),
        (
            "a name starting with -- (align)",
            vec!["align".into(), dashes.clone(), a.clone()],
            "--^[]52;",
        ),
        (
            "a name starting with -- (export)",
            vec!["export".into(), a.clone(), dashes.clone()],
            "--^[]52;",
        ),
        (
            "a name starting with -- (diff)",
            vec!["diff".into(), a.clone(), b.clone(), dashes.clone()],
            "--^[]52;",
        ),
        (
            "a name starting with -- (keys)",
            vec!["keys".into(), dashes.clone()],
            "--^[]52;",
        ),
        (
            "a name starting with -- (config)",
            vec!["config".into(), dashes.clone()],
            "--^[]52;",
        ),
        (
            "a bad value",
            vec!["--max-input".into(), format!("1{OSC}"), a.clone()],
            "1^[]52;",
        ),
        (
            "a bad format",
            vec!["export".into(), "-f".into(), format!("x{OSC}"), a.clone()],
            "x^[]52;",
        ),
        (
            "a newline cannot forge a line of the message",
            vec!["keys".into(), "--x\nerror: all is well".into()],
            "--x^Jerror: all is well",
        ),
    ];
    for (case, args, shows) in cases {
        let out = wirediff().args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{case}");
        assert!(out.stdout.is_empty(), "{case}");
        assert_visible(case, &out.stderr);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: "), "{case}: {err}");
        assert!(err.contains(shows), "{case}: {err}");
        assert!(
            !err.lines().any(|l| l.starts_with("error: all is well")),
            "{case}: {err}"
        );
    }
}

#[test]
fn help_and_version_still_print_and_exit_0() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["--version"],
        &["-V"],
        &["export", "--help"],
        &["help", "diff"],
    ] {
        let out = wirediff().args(args).output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
    }
}

// 2. Every error printed once, one clear line ------------------------------

#[test]
fn each_error_is_one_line_naming_the_file_and_the_reason_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = s(&write(d, "a.txt", STORY_A));
    let b = s(&write(d, "b.txt", STORY_B));
    let bad_pattern = s(&write(d, "bad.toml", "[boilerplate]\npatterns = ['(']\n"));
    std::fs::create_dir(d.join("empty")).expect("mkdir");
    let missing = s(&d.join("nope.txt"));
    let missing_cfg = s(&d.join("nope.toml"));
    let no_dir_out = s(&d.join("no-such-dir").join("out.md"));
    let evil_missing = s(&d.join(format!("gone{OSC}.txt")));
    let enoent = "No such file or directory";
    // (case, arguments, the path named, the reason, said once)
    let cases: Vec<(&str, Vec<String>, String, &str)> = vec![
        (
            "missing input",
            vec!["align".into(), a.clone(), missing.clone()],
            missing.clone(),
            enoent,
        ),
        (
            "missing config",
            vec!["--config".into(), missing_cfg.clone(), "keys".into()],
            missing_cfg.clone(),
            enoent,
        ),
        (
            "output in a missing directory",
            vec![
                "export".into(),
                "-o".into(),
                no_dir_out.clone(),
                a.clone(),
                b.clone(),
            ],
            no_dir_out.clone(),
            enoent,
        ),
        (
            "a directory with no text",
            vec!["align".into(), a.clone(), s(&d.join("empty"))],
            s(&d.join("empty")),
            "no text files",
        ),
        (
            "a bad boilerplate pattern",
            vec![
                "--config".into(),
                bad_pattern,
                "align".into(),
                a.clone(),
                b.clone(),
            ],
            "'('".into(),
            "unclosed group",
        ),
        (
            "a hostile missing name is shown, not obeyed",
            vec!["align".into(), a.clone(), evil_missing],
            "gone^[]52;c;cHduZWQ=^G^[]2;PWNED^G.txt".into(),
            enoent,
        ),
    ];
    for (case, args, path, reason) in cases {
        let mut cmd = Command::cargo_bin("wirediff").expect("binary");
        if !args.iter().any(|a| a == "--config") {
            cmd.arg("--no-config");
        }
        let out = cmd.args(&args).output().expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{case}: {err}");
        assert_visible(case, &out.stderr);
        assert!(err.starts_with("wirediff: "), "{case}: {err}");
        assert_eq!(err.matches('\n').count(), 1, "{case}: one line: {err}");
        assert!(err.contains(&path), "{case}: names {path}: {err}");
        assert_eq!(err.matches(reason).count(), 1, "{case}: reason once: {err}");
    }
}

// 3. Nothing written but the one output ------------------------------------

/// What a refused target is, and how the test makes it.
enum Target {
    /// An input named through the directory given on the command line.
    InputInDir,
    /// The same input by another spelling of its path.
    InputByAlias,
    /// A hard link to an input.
    HardLinkToInput,
    /// A symbolic link to an input.
    SymlinkToInput,
    /// A symbolic link to a file that is not an input.
    SymlinkElsewhere,
    /// A symbolic link to nothing.
    DanglingSymlink,
    /// A FIFO (made with mkfifo; skipped without it).
    Fifo,
    /// A Unix socket.
    Socket,
    /// A directory.
    Directory,
    /// A character device like /dev/full, made here with mknod (skipped where
    /// that is not allowed).
    CharDevice,
}

/// Makes the target in `d` (which holds `in/base.txt`, `in/new.txt` and
/// `other.txt`); `None` when this system cannot make it.
#[cfg(unix)]
fn make(target: &Target, d: &Path) -> Option<(PathBuf, Option<std::os::unix::net::UnixListener>)> {
    use std::os::unix::fs::symlink;
    let base = d.join("in").join("base.txt");
    let made = |p: PathBuf| Some((p, None));
    match target {
        Target::InputInDir => made(base),
        Target::InputByAlias => made(d.join("in").join(".").join("..").join("in").join("new.txt")),
        Target::HardLinkToInput => {
            let p = d.join("hard.txt");
            std::fs::hard_link(&base, &p).ok()?;
            made(p)
        }
        Target::SymlinkToInput => {
            let p = d.join("link.txt");
            symlink(&base, &p).ok()?;
            made(p)
        }
        Target::SymlinkElsewhere => {
            let p = d.join("elsewhere.txt");
            symlink(d.join("other.txt"), &p).ok()?;
            made(p)
        }
        Target::DanglingSymlink => {
            let p = d.join("dangling.txt");
            symlink(d.join("not-there.txt"), &p).ok()?;
            made(p)
        }
        Target::Fifo => {
            let p = d.join("fifo");
            let ok = std::process::Command::new("mkfifo")
                .arg(&p)
                .status()
                .is_ok_and(|s| s.success());
            ok.then_some((p, None))
        }
        Target::Socket => {
            let p = d.join("sock");
            let listener = std::os::unix::net::UnixListener::bind(&p).ok()?;
            Some((p, Some(listener)))
        }
        Target::Directory => {
            let p = d.join("sub");
            std::fs::create_dir(&p).ok()?;
            made(p)
        }
        Target::CharDevice => {
            // Major 1, minor 7: what /dev/full is, but this node lives in the
            // test's own directory.
            let p = d.join("full");
            let ok = std::process::Command::new("mknod")
                .arg(&p)
                .args(["c", "1", "7"])
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            ok.then_some((p, None))
        }
    }
}

#[cfg(unix)]
#[test]
fn export_refuses_every_target_but_a_regular_file_that_is_not_an_input() {
    // (target, what the message says)
    let cases = [
        (Target::InputInDir, "is one of the inputs"),
        (Target::InputByAlias, "is one of the inputs"),
        (Target::HardLinkToInput, "is one of the inputs"),
        (Target::SymlinkToInput, "is a symbolic link"),
        (Target::SymlinkElsewhere, "is a symbolic link"),
        (Target::DanglingSymlink, "is a symbolic link"),
        (Target::Fifo, "is a FIFO, not a regular file"),
        (Target::Socket, "is a socket, not a regular file"),
        (Target::Directory, "is a directory, not a regular file"),
        (
            Target::CharDevice,
            "is a character device, not a regular file",
        ),
    ];
    for (target, says) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        std::fs::create_dir(d.join("in")).expect("mkdir");
        write(&d.join("in"), "base.txt", STORY_A);
        write(&d.join("in"), "new.txt", STORY_B);
        write(d, "other.txt", "not an input\n");
        let Some((path, _listener)) = make(&target, d) else {
            eprintln!("skipped: cannot make {says}");
            continue;
        };
        let before = listing(d);
        let before_in = listing(&d.join("in"));
        for force in [false, true] {
            let mut cmd = wirediff();
            cmd.args(["export", "-f", "md", "-o", &s(&path)]);
            if force {
                cmd.arg("--force");
            }
            let out = cmd.arg(s(&d.join("in"))).output().expect("run");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{says} (force {force}): {err}");
            assert!(err.contains(says), "{says} (force {force}): {err}");
            assert!(err.contains(&s(&path)), "names the target: {err}");
            assert_eq!(err.matches('\n').count(), 1, "{err}");
            assert!(out.stdout.is_empty());
            assert_eq!(listing(d), before, "{says}: nothing written");
            assert_eq!(listing(&d.join("in")), before_in, "{says}: nothing written");
        }
        assert_eq!(
            std::fs::read_to_string(d.join("in").join("base.txt")).expect("read"),
            STORY_A
        );
        assert_eq!(
            std::fs::read_to_string(d.join("other.txt")).expect("read"),
            "not an input\n"
        );
    }
}

#[test]
fn stdin_read_from_a_file_is_an_input_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "a.txt", STORY_A);
    let b = write(dir.path(), "b.txt", STORY_B);
    // `wirediff … - < b.txt`: stdin is the file itself, not a pipe of its bytes.
    let stdin = std::fs::File::open(&b).expect("open");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("wirediff"))
        .args(["--no-config", "export", "--force", "-f", "md", "-o"])
        .args([&b, &a])
        .arg("-")
        .stdin(stdin)
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is one of the inputs"), "{err}");
    assert_eq!(std::fs::read_to_string(&b).expect("read"), STORY_B);
}

#[test]
fn a_regular_file_is_written_and_replaced_only_with_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = s(&write(d, "a.txt", STORY_A));
    let b = s(&write(d, "b.txt", STORY_B));
    let out = s(&d.join("out.md"));
    // (force, existing content, exit, written?)
    let cases = [
        (false, None, 1, true),
        (false, Some("old"), 2, false),
        (true, Some("old"), 1, true),
        (true, None, 1, true),
    ];
    for (force, existing, code, written) in cases {
        let _ = std::fs::remove_file(&out);
        if let Some(text) = existing {
            std::fs::write(&out, text).expect("write");
        }
        let mut cmd = wirediff();
        cmd.args(["export", "-f", "md", "-o", &out, &a, &b]);
        if force {
            cmd.arg("--force");
        }
        cmd.assert().code(code);
        let now = std::fs::read_to_string(&out).expect("read");
        assert_eq!(
            now.starts_with("# wirediff"),
            written,
            "{force} {existing:?}"
        );
        let names: Vec<String> = listing(d).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            ["a.txt", "b.txt", "out.md"],
            "no temporary file left"
        );
    }
}

/// A write that fails half way (here `ulimit -f`, the file-size limit, with
/// SIGXFSZ ignored so the write returns EFBIG as a full disk returns ENOSPC):
/// exit 2 with the path and the reason, and no file, whole or half, left.
#[cfg(unix)]
#[test]
fn a_failed_write_is_exit_2_with_the_path_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let out_path = s(&d.join("big.md"));
    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    let script = "trap '' XFSZ; ulimit -f 1 && exec \"$@\"";
    let Ok(out) = std::process::Command::new("sh")
        .args(["-c", script, "sh"])
        .arg(&bin)
        .args(["--no-config", "export", "-f", "md", "-o", &out_path])
        .output()
    else {
        eprintln!("skipped: no sh");
        return;
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with(&format!("wirediff: {out_path}: ")), "{err}");
    assert!(err.contains("File too large"), "{err}");
    assert_eq!(err.matches('\n').count(), 1, "{err}");
    assert!(listing(d).is_empty(), "{:?}", listing(d));
}

#[test]
fn the_export_dialog_refuses_a_file_read_through_a_directory() {
    use wirediff::tui::app::{App, Overlay};
    use wirediff::tui::export_dialog::{ExportDialog, ExportRequest, on_screen, perform};
    use wirediff::tui::keymap::Keymap;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let base = write(d, "base.txt", STORY_A);
    write(d, "new.txt", STORY_B);
    let versions =
        wirediff::ingest::load(&[d], &wirediff::ingest::ReadOptions::default()).expect("load");
    let cmp = wirediff::compare::compare(versions, &wirediff::compare::EngineConfig::default())
        .expect("compare");
    let mut app = App::new(cmp, Keymap::default(), (100, 30));
    app.overlay = Overlay::Export(ExportDialog::new());
    let request = ExportRequest {
        format: wirediff::export::Format::Md,
        path: base.clone(),
        force: true,
        options: on_screen(&app),
    };
    perform(&mut app, &request);
    assert!(
        matches!(&app.overlay, Overlay::Export(dlg) if dlg.error.as_deref().is_some_and(|e| e.contains("is one of the inputs"))),
        "{:?}",
        app.overlay
    );
    assert_eq!(std::fs::read_to_string(&base).expect("read"), STORY_A);
}

// What is printed on stdout ------------------------------------------------

#[test]
fn json_on_stdout_escapes_what_a_terminal_would_obey() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A CSI (U+009B), DEL and a right-to-left override in the text.
    let odd =
        "Officials said seven guards \u{9b}2J were wounded \u{7f} on \u{202e}Sunday.\n\nMore.\n";
    let a = s(&write(dir.path(), "a.txt", odd));
    let b = s(&write(
        dir.path(),
        "b.txt",
        "Officials said seven guards were hurt on Sunday.\n\nMore.\n",
    ));
    for args in [
        vec!["align", "--format", "json", &a, &b],
        vec!["export", "-f", "json", "--versions", "1,0", &a, &b],
    ] {
        let out = wirediff().args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_visible("json", &out.stdout);
        let text = String::from_utf8(out.stdout.clone()).expect("UTF-8");
        assert!(!text.contains('\u{202e}'), "{args:?}");
        assert!(
            text.contains(r"\u009b") && text.contains(r"\u202e"),
            "{text}"
        );
        let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        assert_eq!(
            doc["versions"][0]["paragraphs"][0]["text"],
            odd.split("\n\n").next().expect("first")
        );
    }
}

// 4. Names that are not UTF-8; `--boilerplate` in ANSI ----------------------

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_open_and_are_shown_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let odd = d.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&odd, STORY_B).expect("write");
    let a = s(&write(d, "a.txt", STORY_A));
    let sub = d.join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join(std::ffi::OsStr::from_bytes(b"b\xff.txt")), STORY_B).expect("write");
    write(&sub, "a.txt", STORY_A);
    // (case, operands, the path JSON reports for version 1)
    let cases: Vec<(&str, Vec<std::ffi::OsString>, String)> = vec![
        (
            "an operand",
            vec![a.clone().into(), odd.clone().into()],
            format!("{}/caf\\xE9.txt", s(d)),
        ),
        (
            "a directory's file",
            vec![sub.clone().into()],
            format!("{}/b\\xFF.txt", s(&sub)),
        ),
    ];
    for (case, operands, path) in cases {
        let out = wirediff()
            .args(["align", "--format", "json"])
            .args(&operands)
            .output()
            .expect("run");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{case}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(doc["versions"][1]["path"], path.as_str(), "{case}");
    }
    // A missing one is named with the same escape.
    let gone = d.join(std::ffi::OsStr::from_bytes(b"gone\xe9.txt"));
    let out = wirediff()
        .arg("align")
        .arg(&a)
        .arg(&gone)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(r"gone\xE9.txt"));
}

#[test]
fn ansi_export_lists_boilerplate_when_asked() {
    // The bundled sample has boilerplate (ads, video embeds).
    let plain = wirediff()
        .args(["export", "-f", "ansi", "--color", "never"])
        .output()
        .expect("run");
    let with = wirediff()
        .args(["export", "-f", "ansi", "--color", "never", "--boilerplate"])
        .output()
        .expect("run");
    let plain = String::from_utf8(plain.stdout).expect("UTF-8");
    let with = String::from_utf8(with.stdout).expect("UTF-8");
    let heading = "boilerplate (not part of the comparison)";
    assert!(!plain.contains(heading));
    assert!(with.starts_with(&plain), "the rows are unchanged");
    let listed = with.split(heading).nth(1).expect("a boilerplate section");
    assert!(listed.contains("(advertisement):"), "{listed}");
    assert!(
        listed.lines().skip(1).all(|l| l.starts_with('v')),
        "{listed}"
    );
}
