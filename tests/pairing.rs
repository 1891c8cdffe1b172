//! Many versions: each row is diffed against its hub instead of every pair
//! (`compare::pairing`). What a reader sees against any reference must be
//! what diffing every pair shows: the same rows, the same oriented changes,
//! the same shares against the reference; only the JSON's `changes` (the
//! pairs diffed) and the similarity matrix (read from shared words) differ.

#[path = "support/stories.rs"]
mod stories;

use std::collections::BTreeSet;

use wirediff::analysis::stats::VersionStats;
use wirediff::compare::{Comparison, DiffConfig, EngineConfig, Pairing};
use wirediff::view::{Choice, StoryView};

/// Ten versions of one story: the five bundled outlets, and five more, each
/// an outlet's copy edited the way a rewrite is (a word swapped, a paragraph
/// dropped, one of its own added).
fn ten_versions() -> Vec<(String, String)> {
    let sample: Vec<(String, String)> = wirediff::ingest::sample_inputs()
        .into_iter()
        .map(|i| (i.path, String::from_utf8(i.bytes).expect("utf-8 sample")))
        .collect();
    let mut out = sample.clone();
    for (k, (_, text)) in sample.iter().enumerate() {
        let edited: Vec<String> = text
            .lines()
            .enumerate()
            .filter(|(i, _)| (i + k) % 7 != 3)
            .map(|(i, line)| {
                if i % 4 == k % 4 {
                    line.replacen(" said", " told reporters", 1)
                        .replacen("Friday", "Saturday", 1)
                } else {
                    line.to_string()
                }
            })
            .chain(std::iter::once(format!(
                "Copy {k} of the story was edited by the desk on the night shift."
            )))
            .collect();
        out.push((format!("edited{k}.txt"), edited.join("\n")));
    }
    out
}

fn both() -> (Comparison, Comparison) {
    let versions = ten_versions();
    let hub = stories::compare_texts(&versions);
    let all = stories::compare_texts_with(
        &versions,
        &EngineConfig {
            diff: DiffConfig {
                all_pairs_max_versions: 100,
            },
            ..EngineConfig::default()
        },
    );
    (hub, all)
}

#[test]
fn more_than_eight_versions_are_diffed_against_a_hub_per_row() {
    let (hub, all) = both();
    assert_eq!(all.pairing, Pairing::All);
    let Pairing::Hub { order, matrix } = &hub.pairing else {
        panic!("ten versions use hubs, got {:?}", hub.pairing);
    };
    assert_eq!(
        format!("{:?}", hub.table),
        format!("{:?}", all.table),
        "the pairing does not touch the alignment"
    );
    let mut sorted = order.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    assert_eq!(hub.default_reference(), order[0]);
    assert_eq!(matrix.len(), 10);
    // Every change pairs a version with its row's hub, and is the change
    // diffing every pair found for that pair.
    let all_set: BTreeSet<String> = all.changes.iter().map(|c| format!("{c:?}")).collect();
    let mut hubs_seen = BTreeSet::new();
    for c in &hub.changes {
        let present: Vec<usize> = hub.table.rows[c.row].present().collect();
        let h = hub.pairing.hub(&present).expect("a hub");
        hubs_seen.insert(h);
        assert!(
            c.against == h || c.version == h,
            "{c:?} does not involve hub {h}"
        );
        assert!(
            all_set.contains(&format!("{c:?}")),
            "{c:?} not found pairwise"
        );
    }
    let expected: usize = all
        .changes
        .iter()
        .filter(|c| {
            let present: Vec<usize> = hub.table.rows[c.row].present().collect();
            let h = hub.pairing.hub(&present).expect("a hub");
            c.against == h || c.version == h
        })
        .count();
    assert_eq!(hub.changes.len(), expected);
    assert!(hub.changes.len() * 2 < all.changes.len(), "far fewer pairs");
    let json = stories::json_of(&hub);
    assert_eq!(json["pairs"], "hub");
    assert_eq!(stories::json_of(&all)["pairs"], "all");
}

/// The shares against the reference, without what the matrix gives.
fn shares(s: &VersionStats) -> (usize, String, usize, usize, usize, usize) {
    (
        s.words,
        format!("{:.6} {:.6} {:.6}", s.verbatim, s.reworded, s.unique),
        s.dropped_words,
        s.dropped_rows,
        s.swaps,
        s.rewrites,
    )
}

#[test]
fn every_reference_sees_what_diffing_every_pair_shows() {
    let (hub, all) = both();
    for reference in 0..10 {
        let choice = Choice {
            reference,
            versions: (0..10).collect(),
            boilerplate: false,
        };
        let a = StoryView::new(&hub, choice.clone());
        let b = StoryView::new(&all, choice);
        assert_eq!(a.rows, b.rows, "reference {reference}");
        assert_eq!(a.changes, b.changes, "reference {reference}");
        assert_eq!(a.by_kind, b.by_kind, "reference {reference}");
        assert!(!a.changes.is_empty());
        let (sa, sb) = (&a.analysis(&hub).stats, &b.analysis(&all).stats);
        for (x, y) in sa.versions.iter().zip(&sb.versions) {
            assert_eq!(shares(x), shares(y), "reference {reference}");
        }
    }
}

#[test]
fn identical_versions_are_identical_through_a_hub() {
    let text = "Troops were deployed around the capital on Sunday.\n\nThe attack raised tension.\n";
    let same: Vec<(String, String)> = (0..10)
        .map(|i| (format!("v{i}.txt"), text.to_string()))
        .collect();
    let cmp = stories::compare_texts(&same);
    assert!(matches!(cmp.pairing, Pairing::Hub { .. }));
    assert!(cmp.identical());
    let mut one_off = same;
    one_off[7].1 = text.replace("Sunday", "Monday");
    let cmp = stories::compare_texts(&one_off);
    assert!(!cmp.identical());
    assert!(
        cmp.changes
            .iter()
            .any(|c| c.change.old == "Sunday" || c.change.new == "Sunday")
    );
}
