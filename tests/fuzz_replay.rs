//! Replays the fuzz corpora on stable Rust: every file of `fuzz/seeds/<target>/`
//! (hand-made real and hostile text, `fuzz/make_seeds.py`), `fuzz/corpus/<target>/`
//! (what fuzzing found, minimized) and `fuzz/artifacts/<target>/` (inputs that
//! once broke an invariant, kept as regressions) goes through the same checks the nightly fuzz targets run
//! (`tests/support/invariants.rs`), so `cargo test` keeps what fuzzing found
//! without cargo-fuzz or a nightly toolchain.

#[path = "support/invariants.rs"]
mod invariants;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The files of `dir`, sorted, none when it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Runs `check` on every input of `target`, and fails naming every input that
/// broke it (all of them, not only the first, so one run shows the extent).
fn replay(target: &str, check: fn(&[u8])) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let seeds = files(&fuzz.join("seeds").join(target));
    let corpus = files(&fuzz.join("corpus").join(target));
    // A missing directory would pass silently: both are part of the test.
    assert!(!seeds.is_empty(), "no seeds for {target}");
    assert!(!corpus.is_empty(), "no corpus for {target}");
    let regressions = files(&fuzz.join("artifacts").join(target));
    let mut failed = Vec::new();
    for path in seeds.iter().chain(&corpus).chain(&regressions) {
        let data = std::fs::read(path).expect("read a corpus file");
        if catch_unwind(AssertUnwindSafe(|| check(&data))).is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: invariants broken by {failed:#?}"
    );
}

#[test]
fn decode_corpus() {
    replay("decode", invariants::decode);
}

#[test]
fn html_corpus() {
    replay("html", invariants::html);
}

#[test]
fn config_corpus() {
    replay("config", invariants::config);
}

#[test]
fn align_corpus() {
    replay("align", invariants::align);
}

#[test]
fn diff_corpus() {
    replay("diff", invariants::diff);
}

#[test]
fn terminal_corpus() {
    replay("terminal", invariants::terminal);
}

#[test]
fn collection_corpus() {
    replay("collection", invariants::collection);
}
