//! Issue 13, right verdicts: what the user gave is compared, whatever its
//! size or shape. Each case is two files, the exit code `wirediff diff` must
//! give (0 the same, 1 different) and what its output must show.

use assert_cmd::Command;

#[path = "support/command.rs"]
mod command;

fn wirediff() -> Command {
    let mut c = command::wirediff();
    c.env("NO_COLOR", "1");
    c
}

/// (name, first file, second file, exit code, text the diff must show).
const CASES: &[(&str, &str, &str, i32, &str)] = &[
    (
        "a one-line file whose figure changed",
        "Price: $5\n",
        "Price: $500\n",
        1,
        "Price: $[-5-]{+500+}",
    ),
    (
        "two one-line files sharing a word are one row",
        "hello world\n",
        "goodbye world\n",
        1,
        "[-hello-]{+goodbye+} world",
    ),
    (
        "a file of page furniture only is compared, not hidden",
        "Advertisement\n",
        "Sponsored content\n",
        1,
        "{+Sponsored content+}",
    ),
    (
        "the same file with a paragraph printed three times",
        "A line said again.\n\nA line said again.\n\nA line said again.\n\nThe end.\n",
        "A line said again.\n\nA line said again.\n\nA line said again.\n\nThe end.\n",
        0,
        "",
    ),
    (
        "the same text with other spacing and line ends",
        "One paragraph here.\n\nAnd  another one.\n",
        "One paragraph here.\r\n\r\nAnd another one.\r\n",
        0,
        "",
    ),
];

/// `wirediff diff` of two files holding `a` and `b`: its exit code and output.
fn diff(a: &str, b: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (pa, pb) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&pa, a).expect("write a");
    std::fs::write(&pb, b).expect("write b");
    let out = wirediff()
        .args(["diff", "--color", "never"])
        .arg(&pa)
        .arg(&pb)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn each_verdict_is_right() {
    for &(name, a, b, code, shows) in CASES {
        let (got, stdout) = diff(a, b);
        assert_eq!(got, Some(code), "{name}: {stdout}");
        if code == 0 {
            // As diff(1): the same text prints nothing.
            assert_eq!(stdout, "", "{name}");
        } else {
            assert!(
                stdout.contains(shows),
                "{name}: wants {shows:?} in\n{stdout}"
            );
        }
    }
}

/// Ten thousand copies of a paragraph with one copy changed: the changed copy
/// is hidden with the repeated lines, but the verdict is "different" and the
/// output says where the difference is.
#[test]
fn a_difference_hidden_as_furniture_still_counts() {
    let copy = "A paragraph that repeats.\n\n";
    let same = copy.repeat(2000);
    let changed = copy.repeat(1000) + "A paragraph that changed.\n\n" + &copy.repeat(999);
    let (code, stdout) = diff(&same, &changed);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("hidden as boilerplate differ"), "{stdout}");
    assert_eq!(diff(&same, &same).0, Some(0));
}
