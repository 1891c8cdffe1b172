//! The command line as a user meets it: exit codes (0 identical, 1 different,
//! 2 trouble), one-line errors that name the file, and the JSON contract.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

#[path = "support/command.rs"]
mod command;
use command::{wirediff, write};

const STORY_A: &str = "Officials said seven guards were wounded when two armed drones struck the residence on Sunday.\n\nThe prime minister appeared on television soon after, calm and composed, and called for dialogue.\n\nProtesters have camped outside the zone for a month, demanding a recount of the vote.";
const STORY_B: &str = "Officials said seven guards were injured when two armed drones struck the residence on Sunday.\n\nThe prime minister appeared on television soon after, calm and composed, and called for dialogue.\n\nProtesters have camped outside the zone for a month, demanding a recount of the vote.";

#[test]
fn identical_versions_exit_0_with_no_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    let b = write(&dir, "b.txt", STORY_A.as_bytes());
    let out = wirediff()
        .args(["align", "--format", "json", &a, &b])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(doc["identical"], true);
    assert_eq!(doc["changes"].as_array().map(Vec::len), Some(0));
}

#[test]
fn different_versions_exit_1_and_name_the_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    let b = write(&dir, "b.txt", STORY_B.as_bytes());
    let out = wirediff()
        .args(["align", "--format", "json", &a, &b])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["rows"].as_array().map(Vec::len), Some(3));
    let changes = doc["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0]["old"], "wounded");
    assert_eq!(changes[0]["new"], "injured");
    assert_eq!(changes[0]["row"], 0);
    assert_eq!(changes[0]["against"], 0);
    assert_eq!(changes[0]["version"], 1);
}

#[test]
fn quiet_prints_nothing_but_keeps_the_status() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    let b = write(&dir, "b.txt", STORY_B.as_bytes());
    wirediff()
        .args(["-q", "align", &a, &b])
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn missing_file_is_one_line_exit_2_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    let missing = dir.path().join("nope.txt").display().to_string();
    wirediff()
        .args(["align", &a, &missing])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("wirediff: ")
                .and(predicate::str::contains("nope.txt"))
                .and(predicate::str::is_match("^[^\n]*\n$").expect("regex")),
        );
}

#[test]
fn binary_file_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    let b = write(&dir, "b.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    wirediff()
        .args(["align", &a, &b])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("b.png").and(predicate::str::contains("binary")));
}

#[test]
fn one_version_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    wirediff()
        .args(["align", &a])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at least 2"));
}

#[test]
fn hostile_file_name_never_reaches_stderr_raw() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    let evil = dir
        .path()
        .join("x\u{1b}]2;pwned\u{7}.txt")
        .display()
        .to_string();
    let out = wirediff()
        .args(["align", &a, &evil])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(
        !out.contains(&0x1b),
        "ESC leaked: {}",
        String::from_utf8_lossy(&out)
    );
    assert!(String::from_utf8_lossy(&out).contains("^["));
}

#[test]
fn stdin_dash_is_a_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(&dir, "a.txt", STORY_A.as_bytes());
    wirediff()
        .args(["align", "--format", "json", &a, "-"])
        .write_stdin(STORY_A)
        .assert()
        .code(0);
}

#[test]
fn no_arguments_compare_the_bundled_sample() {
    let out = wirediff()
        .args(["align", "--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("json");
    let versions = doc["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 5);
    assert!(
        versions[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("000_064c36f7512e8fff.txt"))
    );
}

#[test]
fn bad_config_stops_with_path_line_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = write(&dir, "config.toml", b"[align]\nlink_min_similarty = 0.3\n");
    let mut cmd = Command::cargo_bin("wirediff").expect("binary");
    cmd.args(["--config", &cfg, "align"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("config.toml:2:1:")
                .and(predicate::str::contains("link_min_similarity")),
        );
}

#[test]
fn config_default_prints_the_commented_defaults() {
    wirediff()
        .args(["config", "--default"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("[align]")
                .and(predicate::str::contains("link_min_similarity = 0.2")),
        );
}

#[test]
fn user_pattern_marks_boilerplate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(
        &dir,
        "a.txt",
        format!("{STORY_A}\n\nBrought to you by Acme Widgets").as_bytes(),
    );
    let b = write(&dir, "b.txt", STORY_A.as_bytes());
    let cfg = write(
        &dir,
        "c.toml",
        b"[boilerplate]\npatterns = ['^brought to you by']\n",
    );
    let mut cmd = Command::cargo_bin("wirediff").expect("binary");
    let out = cmd
        .args(["--config", &cfg, "align", "--format", "json", &a, &b])
        .assert()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("json");
    let last = doc["versions"][0]["paragraphs"]
        .as_array()
        .and_then(|p| p.last().cloned())
        .expect("paragraph");
    assert_eq!(last["kind"], "boilerplate");
    assert_eq!(last["reason"], "config pattern");
}

#[test]
fn broken_pipe_ends_quietly() {
    // `wirediff align | head -c1`: the reader goes away; no panic, no error text.
    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' --no-config align --format json | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]:-x}}", bin.display()))
        .output()
        .expect("sh");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_progress_line_when_stderr_is_not_a_terminal() {
    // Shown at once when asked for (as if the run were long), stderr a pipe:
    // not one byte of it may reach stderr, nor stdout.
    let out = wirediff()
        .env("WIREDIFF_PROGRESS_AFTER_MS", "0")
        .args(["align", "--format", "json"])
        .assert()
        .code(1)
        .stderr("")
        .get_output()
        .stdout
        .clone();
    assert!(!out.contains(&b'\r'), "a carriage return in the output");
    serde_json::from_slice::<Value>(&out).expect("stdout is the JSON alone");
}

#[test]
fn progress_line_text_names_the_step_and_the_share() {
    use std::time::Duration;
    use wirediff::progress::{Snapshot, Stage};
    let diffing = Snapshot {
        stage: Stage::Diffing,
        done: 1170,
        total: 2600,
    };
    assert_eq!(
        wirediff::cli::progress_text(diffing, Duration::from_millis(12_400)),
        "wirediff: [4/5] diffing rows 45% (1170/2600), 12 s"
    );
    let aligning = Snapshot {
        stage: Stage::Aligning,
        done: 0,
        total: 0,
    };
    assert_eq!(
        wirediff::cli::progress_text(aligning, Duration::from_secs(3)),
        "wirediff: [3/5] aligning paragraphs…, 3 s"
    );
}

/// `--label` names the versions in order, everywhere they are named; more
/// names than versions is a clear error (exit 2); control characters in a
/// name never reach the terminal.
#[test]
fn labels_name_the_versions_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Price: $5 on Friday.\n").expect("a");
    std::fs::write(&b, "Price: $500 on Monday.\n").expect("b");
    let out = wirediff()
        .args([
            "diff", "--color", "never", "--label", "AP", "--label", "The Post",
        ])
        .arg(&a)
        .arg(&b)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("v0 AP: Price") && text.contains("v1 The Post: Price"),
        "{text}"
    );
    assert!(
        text.contains("number: 5 → 500") && text.contains("date: Friday → Monday"),
        "{text}"
    );
    // The table names each version by its label, then its path.
    let table = wirediff()
        .args(["align", "--label", "AP", "--label", "The Post"])
        .arg(&a)
        .arg(&b)
        .output()
        .expect("runs");
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("v0  AP  ")),
        "{table}"
    );
    let too_many = wirediff()
        .args(["diff", "--label", "a", "--label", "b", "--label", "c"])
        .arg(&a)
        .arg(&b)
        .output()
        .expect("runs");
    assert_eq!(too_many.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&too_many.stderr).contains("3 labels given for 2 versions"));
    let evil = wirediff()
        .args([
            "diff",
            "--color",
            "never",
            "--label",
            "x\u{1b}]2;PWNED\u{7}",
        ])
        .arg(&a)
        .arg(&b)
        .output()
        .expect("runs");
    assert!(!evil.stdout.contains(&0x1b) && !evil.stdout.contains(&0x07));
}

/// A change made only of an invisible character (a zero-width space inside
/// a word) shows in every output that marks changes, never as `guards` →
/// `guards`.
#[test]
fn a_change_of_invisible_characters_shows_in_every_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Dozens of security guards were injured.\n").expect("a");
    std::fs::write(&b, "Dozens of security gu\u{200B}ards were injured.\n").expect("b");
    for (args, want) in [
        (vec!["diff", "--color", "never"], "<U+200B>"),
        (vec!["export", "-f", "md"], r"\<U+200B\>"),
        (vec!["export", "-f", "html"], "&lt;U+200B&gt;"),
        (
            vec!["export", "-f", "ansi", "--color", "always"],
            "<U+200B>",
        ),
    ] {
        let out = wirediff()
            .args(&args)
            .arg(&a)
            .arg(&b)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(want), "{args:?}: {text}");
    }
}
