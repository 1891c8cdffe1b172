//! Issue 13, hostile and odd input: what wirediff prints and what it writes.
//!
//! - Nothing a user controls (a file name, an argument) reaches the terminal
//!   raw: clap's refusals and error lines included.
//! - Every error is one line naming the file, the reason said once.
//!
//! Each check is a table of cases. Tests work only inside their own temporary
//! directories, on FIFOs, links and files they make; none names a system path.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn wirediff() -> Command {
    let mut cmd = Command::cargo_bin("wirediff").expect("binary built");
    cmd.arg("--no-config").env_remove("WIREDIFF_CONFIG");
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
