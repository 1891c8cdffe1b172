//! Writes a synthetic collection with known stories as JSON Lines (`id`,
//! `series`, `group`, `text`), for `scripts/score_stories.py` and the scale
//! table in the README. The generator is `benches/support/synth_collection.rs`.
//!
//! usage: cargo run --release --example gen_collection -- N OUT.jsonl [SEED]

use std::io::{BufWriter, Write};

#[path = "../benches/support/synth_collection.rs"]
mod synth_collection;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let path = args.next().unwrap_or_else(|| "synthetic.jsonl".to_string());
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(14);
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    for a in synth_collection::generate(n, seed) {
        let record = serde_json::json!({
            "id": a.id,
            "series": a.series,
            "group": a.group,
            "text": a.text,
        });
        writeln!(out, "{record}")?;
    }
    out.flush()
}
