//! End to end in a real terminal: the release binary runs inside tmux, keys are
//! sent, the screen is read back, and after `q` and after SIGTERM the terminal
//! must be as it was: same `stty` settings, alternate screen left, mouse
//! reporting off, cursor shown. Skips (loudly) when tmux is not installed.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

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
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needle:?}; screen:\n{s}"
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

#[test]
fn real_terminal_session_quits_and_survives_sigterm_cleanly() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("NOTICE: tmux is not installed; the end-to-end terminal test is SKIPPED");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_wirediff");
    let t = Tmux {
        socket: format!("wirediff-e2e-{}", std::process::id()),
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
