//! The layering rule, checked: only the terminal UI (`src/tui.rs`, `src/tui/`)
//! and the CLI shell may name ratatui or crossterm; the engine never does.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src").flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn engine_never_imports_the_terminal_libraries() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut offenders = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "tui.rs" || rel.starts_with("tui/") || rel == "cli.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("read");
        let code = text.lines().map(str::trim).filter(|l| !l.starts_with("//"));
        if code.clone().any(|l| {
            l.contains("ratatui::")
                || l.contains("crossterm::")
                || l.contains("use ratatui")
                || l.contains("use crossterm")
        }) {
            offenders.push(rel);
        }
    }
    assert!(
        offenders.is_empty(),
        "terminal libraries named outside the UI: {offenders:?}"
    );
}

#[test]
fn no_mod_rs_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files
            .iter()
            .all(|f| f.file_name().is_some_and(|n| n != "mod.rs"))
    );
}
