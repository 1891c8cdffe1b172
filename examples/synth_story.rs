//! Writes the synthetic story of the benchmarks (`tests/support/synth.rs`) to
//! text files, one paragraph per line, so the whole binary can be timed and
//! profiled on it (`hyperfine`, `perf`) as on any real input.
//!
//! usage: cargo run --release --example synth_story -- DIR [VERSIONS] [PARAGRAPHS] [RATE] [SEED]

#[path = "../tests/support/synth.rs"]
mod synth;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: synth_story DIR [VERSIONS] [PARAGRAPHS] [RATE] [SEED]");
        std::process::exit(2);
    };
    let mut num = |default: usize| args.next().and_then(|a| a.parse().ok()).unwrap_or(default);
    let (n, paragraphs, rate) = (num(20), num(200), num(20));
    let seed = num(42) as u64;
    let dir = std::path::PathBuf::from(dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        std::process::exit(2);
    }
    for v in synth::story(seed, n, paragraphs, rate) {
        let lines: Vec<&str> = v.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let path = dir.join(&v.path);
        if let Err(e) = std::fs::write(&path, lines.join("\n") + "\n") {
            eprintln!("{}: {e}", path.display());
            std::process::exit(2);
        }
    }
}
