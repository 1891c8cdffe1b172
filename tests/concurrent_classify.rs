//! Comparisons started at once on several threads, in a process that has not
//! compiled the boilerplate rules yet: the rules compile on the thread pool,
//! and a worker waiting for that compile may take up another comparison's
//! task that asks for the rules too. Compiled under a lock, that task would
//! wait for ever on its own thread (found by CI hanging in `align_stories`).
//! Its own test binary, so that no other test compiled the rules first.

use std::sync::mpsc;
use std::time::Duration;

use wirediff::compare::{EngineConfig, compare};

#[path = "support/synth.rs"]
mod synth;

#[test]
fn comparisons_started_together_all_finish() {
    let (tx, rx) = mpsc::channel();
    let threads = 6;
    for seed in 0..threads {
        let tx = tx.clone();
        std::thread::spawn(move || {
            let versions = synth::story(seed, 3, 40, 20);
            let rows = compare(versions, &EngineConfig::default())
                .map(|c| c.table.rows.len())
                .unwrap_or(0);
            let _ = tx.send(rows);
        });
    }
    drop(tx);
    for _ in 0..threads {
        let rows = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("every comparison finishes (no deadlock)");
        assert!(rows > 0);
    }
}
