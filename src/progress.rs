//! How far a long comparison has got, shared between the thread doing it and
//! a thread showing it (the CLI's progress line, the UI's loading screen).
//!
//! The engine writes, the shell reads. Everything is a relaxed atomic: a
//! reader polls a few times a second and only needs a recent, plausible
//! picture, never a consistent one, and the writer must not slow down the
//! parallel row diff (one `fetch_add` per row, on a row that takes
//! microseconds to milliseconds to diff). Readers go through
//! [`Progress::snapshot`], which clamps what a racing read may see (a new
//! stage with the old stage's count) into something sane.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// A step of the work, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Reading and decoding the inputs.
    Reading,
    /// Telling boilerplate from story.
    Boilerplate,
    /// Aligning paragraphs into rows.
    Aligning,
    /// Word-diffing every row.
    Diffing,
    /// Statistics, names and quotations (the reference-independent analysis).
    Analysing,
    /// Finished.
    Done,
}

impl Stage {
    /// Every stage that does work, in order (not [`Stage::Done`]).
    pub const STEPS: [Self; 5] = [
        Self::Reading,
        Self::Boilerplate,
        Self::Aligning,
        Self::Diffing,
        Self::Analysing,
    ];

    /// What the stage does, for a person: "aligning paragraphs".
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Reading => "reading the inputs",
            Self::Boilerplate => "finding boilerplate",
            Self::Aligning => "aligning paragraphs",
            Self::Diffing => "diffing rows",
            Self::Analysing => "analysing names and quotations",
            Self::Done => "done",
        }
    }

    /// The 1-based number of the step among [`Stage::STEPS`] (`Done` counts
    /// as one past the last).
    #[must_use]
    pub fn number(self) -> usize {
        self as usize + 1
    }

    fn from_u8(n: u8) -> Self {
        match n {
            0 => Self::Reading,
            1 => Self::Boilerplate,
            2 => Self::Aligning,
            3 => Self::Diffing,
            4 => Self::Analysing,
            _ => Self::Done,
        }
    }
}

/// Shared progress of one comparison: the stage, and for stages that count
/// (reading: inputs, diffing: rows) how many of how many are done.
#[derive(Debug)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

/// One reading of a [`Progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    /// The stage running.
    pub stage: Stage,
    /// Units of the stage done, at most `total`.
    pub done: usize,
    /// Units of the stage in all; 0 when the stage does not count.
    pub total: usize,
}

impl Snapshot {
    /// The share of the stage done, when it counts.
    #[must_use]
    pub fn fraction(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)] // a share shown to a person
        (self.total > 0).then(|| self.done as f64 / self.total as f64)
    }

    /// The whole percentage of the stage done (rounded down, so 100 only
    /// when all is done), when it counts.
    #[must_use]
    pub fn percent(&self) -> Option<usize> {
        (self.total > 0).then(|| self.done * 100 / self.total)
    }
}

impl Progress {
    /// Nothing done yet: reading.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            stage: AtomicU8::new(Stage::Reading as u8),
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
        }
    }

    /// Starts `stage`, which will count to `total` (0: it does not count).
    pub fn begin(&self, stage: Stage, total: usize) {
        // Counters first, so a reader that sees the new stage mostly sees
        // its counters too (it may not: see `snapshot`).
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Release);
    }

    /// `n` more units of the current stage are done.
    pub fn advance(&self, n: usize) {
        self.done.fetch_add(n, Ordering::Relaxed);
    }

    /// Marks the whole work finished.
    pub fn finish(&self) {
        self.begin(Stage::Done, 0);
    }

    /// The stage running now.
    #[must_use]
    pub fn stage(&self) -> Stage {
        Stage::from_u8(self.stage.load(Ordering::Acquire))
    }

    /// A reading of everything; `done` is clamped to `total`, as a read racing
    /// `begin` can pair the new total with the old count.
    #[must_use]
    pub fn snapshot(&self) -> Snapshot {
        let stage = self.stage();
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed).min(total);
        Snapshot { stage, done, total }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_within_a_stage_and_restarts_on_the_next() {
        let p = Progress::new();
        assert_eq!(
            p.snapshot(),
            Snapshot {
                stage: Stage::Reading,
                done: 0,
                total: 0
            }
        );
        assert_eq!(p.snapshot().percent(), None, "reading 0 inputs: no share");
        p.begin(Stage::Diffing, 8);
        p.advance(1);
        p.advance(2);
        let s = p.snapshot();
        assert_eq!((s.stage, s.done, s.total), (Stage::Diffing, 3, 8));
        assert_eq!(s.percent(), Some(37));
        assert_eq!(s.fraction(), Some(0.375));
        p.begin(Stage::Analysing, 0);
        assert_eq!(p.snapshot().done, 0);
        assert_eq!(p.snapshot().fraction(), None);
        p.finish();
        assert_eq!(p.stage(), Stage::Done);
    }

    #[test]
    fn done_never_reads_above_total() {
        let p = Progress::new();
        p.begin(Stage::Diffing, 2);
        p.advance(5);
        assert_eq!(p.snapshot().done, 2);
        assert_eq!(p.snapshot().percent(), Some(100));
    }

    #[test]
    fn counts_every_row_of_a_parallel_loop() {
        use rayon::prelude::*;
        let p = Progress::new();
        p.begin(Stage::Diffing, 10_000);
        (0..10_000).into_par_iter().for_each(|_| p.advance(1));
        assert_eq!(p.snapshot().done, 10_000);
    }

    #[test]
    fn compare_with_counts_every_row_of_the_sample() {
        let opts = crate::ingest::ReadOptions::default();
        let versions = crate::ingest::sample_inputs()
            .iter()
            .map(|i| crate::ingest::decode(i, &opts))
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let p = Progress::new();
        let cfg = crate::compare::EngineConfig::default();
        let cmp = crate::compare::compare_with(versions, &cfg, &p).unwrap();
        let s = p.snapshot();
        assert_eq!(s.stage, Stage::Diffing);
        assert_eq!(
            (s.done, s.total),
            (cmp.table.rows.len(), cmp.table.rows.len())
        );
        assert!(s.total > 0);
    }

    #[test]
    fn steps_are_numbered_in_order() {
        for (i, s) in Stage::STEPS.iter().enumerate() {
            assert_eq!(s.number(), i + 1);
            assert_eq!(Stage::from_u8(*s as u8), *s);
        }
        assert_eq!(Stage::Done.number(), Stage::STEPS.len() + 1);
    }
}
