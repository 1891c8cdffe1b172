//! The binary under test, run as the CLI tests run it: the user's
//! configuration never read (`--no-config`, no `WIREDIFF_CONFIG`), and
//! fixture files written into a test's own temporary folder.

#![allow(dead_code)] // each test binary uses a part

use assert_cmd::Command;

/// `wirediff` with no user configuration; a test adds its own environment.
pub fn wirediff() -> Command {
    let mut cmd = Command::cargo_bin("wirediff").expect("binary built");
    cmd.arg("--no-config").env_remove("WIREDIFF_CONFIG");
    cmd
}

/// Writes `body` to `dir/name` and gives its path.
pub fn write(dir: &tempfile::TempDir, name: &str, body: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, body).expect("write fixture");
    p.display().to_string()
}
