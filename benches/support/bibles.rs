//! The two Bibles built by `scripts/bibles.py` (King James and World English,
//! one verse per line), read for the benchmarks when they are there: under
//! `$WIREDIFF_BIBLES/SIZE` (default `$TMPDIR/wirediff-bibles/SIZE`), where SIZE
//! names a prefix (`100k`, `1m`) or the whole books (`full`).

use wirediff::ingest::{self, ReadOptions};
use wirediff::model::Version;

/// The two files of `size` and their versions, or `None` (with a notice
/// saying how to build them) when they are not built.
pub fn bibles(size: &str) -> Option<(Vec<String>, Vec<Version>)> {
    let root = std::env::var_os("WIREDIFF_BIBLES").map_or_else(
        || std::env::temp_dir().join("wirediff-bibles"),
        std::path::PathBuf::from,
    );
    let dir = root.join(size);
    let files: Vec<String> = ["kjv.txt", "web.txt"]
        .iter()
        .map(|f| dir.join(f).to_string_lossy().into_owned())
        .collect();
    if !files.iter().all(|f| std::path::Path::new(f).is_file()) {
        println!(
            "skipped: the Bibles at {size} (build them: python3 scripts/bibles.py {} [--verses N])",
            dir.display()
        );
        return None;
    }
    let opts = ReadOptions {
        max_bytes: u64::MAX,
        ..ReadOptions::default()
    };
    let versions = ingest::load(&files, &opts).ok()?;
    Some((files, versions))
}
