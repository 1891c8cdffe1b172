//! End to end in a real terminal: the release binary runs inside tmux, keys are
//! sent, the screen is read back, and after `q` and after SIGTERM the terminal
//! must be as it was: same `stty` settings, alternate screen left, mouse
//! reporting off, cursor shown. Skips (loudly) when tmux is not installed.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

#[path = "support/synth.rs"]
mod synth;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn out(&self, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.run(args).stdout)
            .trim_end()
            .to_string()
    }

    fn screen(&self) -> String {
        self.out(&["capture-pane", "-p", "-t", "t"])
    }

    fn flag(&self, name: &str) -> String {
        self.out(&["display", "-p", "-t", "t", &format!("#{{{name}}}")])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "t", k]);
            // Escape followed at once by a key reads as Alt-key; pause between keys.
            std::thread::sleep(Duration::from_millis(120));
        }
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait_for_any(&[needle])
    }

    /// Waits until the screen shows one of `needles`; returns the screen.
    fn wait_for_any(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if needles.iter().any(|n| s.contains(n)) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needles:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

/// The pid of the wirediff the pane's shell runs.
fn running_wirediff(t: &Tmux) -> String {
    let shell = t.flag("pane_pid");
    let child = Command::new("pgrep")
        .args(["-P", &shell])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&child.stdout).trim().to_string();
    assert!(!pid.is_empty(), "found the running wirediff");
    pid
}

fn stty(tty: &str) -> String {
    let out = Command::new("stty")
        .args(["-F", tty, "-g"])
        .output()
        .expect("stty");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn assert_restored(t: &Tmux, tty: &str, base: &str) {
    assert_eq!(stty(tty), base, "tty settings restored");
    assert_eq!(t.flag("alternate_on"), "0", "alternate screen left");
    assert_eq!(t.flag("mouse_any_flag"), "0", "mouse reporting off");
    assert_eq!(t.flag("cursor_flag"), "1", "cursor shown");
}

/// A tmux server of its own running `sh` in a 120×32 pane, with the pane's
/// tty and its settings once the shell has set them; `None` (and a loud
/// notice) when tmux is not installed.
fn session(tag: &str) -> Option<(Tmux, String, String)> {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("NOTICE: tmux is not installed; the end-to-end terminal test is SKIPPED");
        return None;
    }
    let t = Tmux {
        socket: format!("wirediff-e2e-{tag}-{}", std::process::id()),
    };
    // sh, not bash: no readline touching the terminal settings between runs.
    let started = t.run(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "120",
        "-y",
        "32",
        "sh",
    ]);
    assert!(
        started.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&started.stderr)
    );
    let tty = t.flag("pane_tty");
    // The shell sets its terminal modes (IUTF8 among them) just after the
    // pane starts: wait until two readings agree before taking the baseline.
    let mut base = stty(&tty);
    for _ in 0..50 {
        std::thread::sleep(Duration::from_millis(100));
        let again = stty(&tty);
        if again == base {
            break;
        }
        base = again;
    }
    Some((t, tty, base))
}

#[test]
fn real_terminal_session_quits_and_survives_sigterm_cleanly() {
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let Some((t, tty, base)) = session("ui") else {
        return;
    };

    // 1. Start on the sample, move around, open and close overlays, quit.
    t.keys(&[&format!("'{bin}' --no-config; echo EXIT=$?"), "Enter"]);
    let first = t.wait_for("row 1/");
    assert!(first.contains("★ref"), "{first}");
    assert_eq!(t.flag("alternate_on"), "1", "runs on the alternate screen");
    t.keys(&["n"]);
    t.wait_for("change in row");
    t.keys(&["?"]);
    t.wait_for("Show this help");
    t.keys(&["Escape"]);
    t.keys(&["p"]);
    t.wait_for("pair");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert_restored(&t, &tty, &base);

    // 2. The same killed by SIGTERM: restored, exit 128 + 15.
    t.keys(&["clear", "Enter"]);
    t.keys(&[&format!("'{bin}' --no-config; echo EXIT=$?"), "Enter"]);
    t.wait_for("row 1/");
    let pid = running_wirediff(&t);
    Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    t.wait_for("EXIT=143");
    assert_restored(&t, &tty, &base);

    // 3. The terminal goes away (the session is killed: a hang-up). The
    //    process must end, not spin on a closed terminal.
    t.keys(&["clear", "Enter"]);
    t.keys(&[&format!("'{bin}' --no-config"), "Enter"]);
    t.wait_for("row 1/");
    let pid = running_wirediff(&t);
    t.run(&["kill-server"]);
    let gone = (0..40).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    });
    if !gone {
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
    }
    assert!(
        gone,
        "wirediff {pid} still runs 4 s after its terminal went away"
    );
}

#[test]
fn story_list_opens_a_story_and_comes_back() {
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let Some((t, tty, base)) = session("stories") else {
        return;
    };
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/passim/out.json"
    );
    t.keys(&[
        &format!("'{bin}' --no-config stories '{fixture}'; echo EXIT=$?"),
        "Enter",
    ]);
    let list = t.wait_for("3 stories from 6 articles");
    assert!(list.contains("Paris, 12 mars"), "{list}");
    // Enter on the second story opens it side by side; q comes back.
    t.keys(&["j", "Enter"]);
    let story = t.wait_for("★ref");
    assert!(story.contains("rninistre"), "{story}");
    t.keys(&["q"]);
    t.wait_for("3 stories from 6 articles");
    // / narrows the list; q leaves wirediff, the terminal as it was.
    t.keys(&["/", "G", "e", "n", "Enter"]);
    t.wait_for("1 of 3 match 'Gen'");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert_restored(&t, &tty, &base);
}

/// Writes the synthetic story of `n` versions of `paragraphs` paragraphs to
/// text files in `dir`; returns their paths as shell words.
fn synth_files(dir: &std::path::Path, n: usize, paragraphs: usize) -> String {
    let mut words = Vec::new();
    for v in synth::story(42, n, paragraphs, 20) {
        let lines: Vec<&str> = v.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let path = dir.join(&v.path);
        std::fs::write(&path, lines.join("\n") + "\n").expect("write synthetic version");
        words.push(format!("'{}'", path.display()));
    }
    words.join(" ")
}

#[test]
fn long_work_shows_progress_and_quits_from_the_loading_screen() {
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let Some((t, tty, base)) = session("load") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    // Big enough to take many seconds to compare (20 × 1500 paragraphs):
    // the loading screen stays up long enough to be seen and quit.
    let big = synth_files(dir.path(), 20, 1500);

    // 1. The loading screen: it says what runs and on what, and `q` quits at
    //    once (the worker is abandoned), the terminal restored.
    for quit in ["q", "C-c"] {
        t.keys(&["clear", "Enter"]);
        t.keys(&[&format!("'{bin}' --no-config {big}; echo EXIT=$?"), "Enter"]);
        let screen = t.wait_for_any(&["Comparing 20 versions", "row 1/"]);
        if !screen.contains("Comparing 20 versions") {
            eprintln!("NOTICE: the comparison ended before the loading screen; its check SKIPPED");
            t.keys(&["q"]);
            t.wait_for("EXIT=0");
            return;
        }
        assert!(screen.contains("v00.txt"), "the files are listed: {screen}");
        assert!(screen.contains("to quit"), "{screen}");
        assert_eq!(t.flag("alternate_on"), "1", "on the alternate screen");
        let pressed = Instant::now();
        t.keys(&[quit]);
        t.wait_for("EXIT=0");
        assert!(
            pressed.elapsed() < Duration::from_secs(3),
            "{quit} on the loading screen quits at once"
        );
        assert_restored(&t, &tty, &base);
    }

    // 2. The CLI's progress line on a terminal's stderr: shown (here at once,
    //    as if the run were long), then erased, stdout untouched.
    let mid = tempfile::tempdir().expect("tempdir");
    let mid = synth_files(mid.path(), 12, 200);
    t.keys(&["clear", "Enter"]);
    t.keys(&[
        &format!(
            "WIREDIFF_PROGRESS_AFTER_MS=0 '{bin}' --no-config align --format json {mid} >/dev/null; echo EXIT=$?"
        ),
        "Enter",
    ]);
    let screen = t.wait_for_any(&["wirediff: [", "EXIT=1"]);
    if screen.contains("EXIT=1") {
        eprintln!("NOTICE: the run ended before a progress line was read; its check SKIPPED");
    }
    let done = t.wait_for("EXIT=1");
    assert!(!done.contains("wirediff: ["), "the line is erased: {done}");

    // 3. With -q there is no line at all, however long the run.
    t.keys(&["clear", "Enter"]);
    t.keys(&[
        &format!("WIREDIFF_PROGRESS_AFTER_MS=0 '{bin}' --no-config -q align {mid}; echo EXIT=$?"),
        "Enter",
    ]);
    let start = Instant::now();
    loop {
        let s = t.screen();
        assert!(!s.contains("wirediff: ["), "no progress line with -q: {s}");
        if s.contains("EXIT=1") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "{s}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Issue 13: a SIGTSTP from outside restores the terminal before wirediff
/// stops (the shell gets its prompt and its terminal modes back), and `fg`
/// returns to the UI.
#[test]
fn kill_tstp_restores_the_terminal_and_fg_resumes() {
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let Some((t, tty, base)) = session("tstp") else {
        return;
    };
    t.keys(&[&format!("'{bin}' --no-config"), "Enter"]);
    t.wait_for("row 1/");
    let pid = running_wirediff(&t);
    Command::new("kill")
        .args(["-TSTP", &pid])
        .status()
        .expect("kill");
    t.wait_for_any(&["Stopped", "stopped", "Suspended"]);
    assert_restored(&t, &tty, &base);
    t.keys(&["clear", "Enter"]);
    t.keys(&["fg", "Enter"]);
    t.wait_for("row 1/");
    assert_eq!(t.flag("alternate_on"), "1", "back on the alternate screen");
    t.keys(&["q"]);
    t.keys(&["echo EXIT=$?", "Enter"]);
    t.wait_for("EXIT=0");
    assert_restored(&t, &tty, &base);
}

/// In a real terminal: `w` hides the minor kinds and says so, a mouse click
/// focuses the column under it, `c` copies the focused cell (OSC 52 and a new
/// file in the temporary folder, here the test's own), `M` hands the mouse
/// back to the terminal; quitting still restores everything.
#[test]
fn filter_click_and_copy_in_a_real_terminal() {
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let Some((t, tty, base)) = session("click") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let tmp = dir.path().display().to_string();
    t.keys(&[
        &format!("TMPDIR='{tmp}' '{bin}' --no-config; echo EXIT=$?"),
        "Enter",
    ]);
    let first = t.wait_for("row 1/");
    assert!(first.contains("focus v0"), "{first}");
    assert!(
        first.contains("ref column:"),
        "the legend is shown: {first}"
    );
    t.keys(&["w"]);
    t.wait_for("minor hidden");
    t.keys(&["w"]);
    let shown = t.wait_for("every kind of change shown");
    assert!(!shown.contains("minor hidden"), "{shown}");
    assert_eq!(t.flag("mouse_any_flag"), "1", "the mouse is captured");
    // A left press at column 100, line 10 (1-based, SGR encoding): the
    // fourth column of the 120-wide screen.
    t.run(&["send-keys", "-t", "t", "-l", "\u{1b}[<0;100;10M"]);
    let clicked = t.wait_for(", row ");
    assert!(!clicked.contains("│ focus v0 │"), "focus moved: {clicked}");
    t.keys(&["c"]);
    let copied = t.wait_for("copied row");
    assert!(copied.contains("copied row 2 of v"), "{copied}");
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read tmp")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("wirediff-row"))
        .collect();
    assert_eq!(files.len(), 1, "one copy file in the test's own folder");
    let text = std::fs::read_to_string(files[0].path()).expect("copy");
    assert!(text.split_whitespace().count() > 3, "{text}");
    t.keys(&["M"]);
    t.wait_for("mouse off");
    assert_eq!(
        t.flag("mouse_any_flag"),
        "0",
        "the terminal has its mouse back"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert_restored(&t, &tty, &base);
}

/// A FIFO nobody writes to keeps the run waiting: it says so on stderr, and
/// Ctrl-C ends it with the terminal as it was.
#[test]
fn waiting_on_a_fifo_is_said_and_ctrl_c_ends_it() {
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let Some((t, tty, base)) = session("fifo") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let other = dir.path().join("a.txt");
    std::fs::write(&other, "A paragraph.\n").expect("write");
    t.keys(&[
        &format!(
            "'{bin}' --no-config diff '{}' '{}'",
            fifo.display(),
            other.display()
        ),
        "Enter",
    ]);
    let screen = t.wait_for("waiting for data on");
    assert!(screen.contains("(a FIFO; Ctrl-C stops)"), "{screen}");
    let pid = running_wirediff(&t);
    t.keys(&["C-c"]);
    let gone = (0..40).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    });
    assert!(gone, "wirediff {pid} still waits after Ctrl-C");
    assert_restored(&t, &tty, &base);
}
