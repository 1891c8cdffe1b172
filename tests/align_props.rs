//! Properties of the aligner on random rewrites of random stories: every story
//! paragraph is in exactly one row, boilerplate in none; read down a column, the
//! cells not marked as moved are in file order; the result is deterministic.

#[path = "support/synth.rs"]
mod synth;

#[path = "support/invariants.rs"]
mod invariants;

use proptest::prelude::*;

use wirediff::align::{AlignConfig, AlignmentTable, align};
use wirediff::model::{ParagraphKind, Version};

/// The shared table invariants (also checked on every fuzz input).
fn check_invariants(versions: &[Version], table: &AlignmentTable) {
    invariants::table(versions, &table.rows);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn rows_cover_each_story_paragraph_once_in_order(
        seed in any::<u64>(), n in 2usize..7, paras in 1usize..25, rate in 0usize..60,
        boiler in proptest::collection::vec(any::<bool>(), 0..40),
    ) {
        let mut versions = synth::story(seed, n, paras, rate);
        // Mark some paragraphs boilerplate: they must stay out of every row.
        let mut k = 0;
        for ver in &mut versions {
            for p in &mut ver.paragraphs {
                if boiler.get(k).copied().unwrap_or(false) {
                    p.kind = ParagraphKind::Boilerplate;
                }
                k += 1;
            }
        }
        let table = align(&versions, &AlignConfig::default());
        check_invariants(&versions, &table);
        let again = align(&versions, &AlignConfig::default());
        prop_assert_eq!(table.rows, again.rows);
    }

    #[test]
    fn arbitrary_text_never_breaks_the_aligner(texts in proptest::collection::vec(proptest::collection::vec(".{0,80}", 0..8), 2..5)) {
        let versions: Vec<Version> = texts.iter().enumerate().map(|(i, ps)| synth::version(&format!("x{i}"), ps)).collect();
        let table = align(&versions, &AlignConfig::default());
        check_invariants(&versions, &table);
    }
}

/// The boilerplate classifier's terms, handed to the aligner, give the same
/// table as terms found again, with furniture on the page or without.
#[test]
fn the_classifiers_terms_reused_align_the_same() {
    use wirediff::align::align_reusing;
    use wirediff::boilerplate::{BoilerplateConfig, Classifier};
    let classifier = Classifier::new(&BoilerplateConfig::default()).expect("rules");
    for seed in 0..6 {
        let mut versions = synth::story(seed, 3, 25, 30);
        if seed % 2 == 1 {
            // Furniture on the page: the aligner indexes fewer paragraphs.
            for v in &mut versions {
                let mut p = v.paragraphs[0].clone();
                p.text = "Advertisement".into();
                p.id = v.paragraphs.len();
                v.paragraphs.push(p);
            }
        }
        let terms = classifier.classify_keeping_terms(&mut versions);
        let own = align(&versions, &AlignConfig::default());
        let reused = align_reusing(&versions, &AlignConfig::default(), Some(&terms));
        check_invariants(&versions, &reused);
        assert_eq!(own.rows, reused.rows, "seed {seed}");
    }
}

#[test]
fn identical_versions_align_one_to_one() {
    let versions = synth::story(7, 1, 30, 0);
    let twins = vec![
        versions[0].clone(),
        versions[0].clone(),
        versions[0].clone(),
    ];
    let table = align(&twins, &AlignConfig::default());
    check_invariants(&twins, &table);
    assert_eq!(table.rows.len(), twins[0].paragraphs.len());
    for (r, row) in table.rows.iter().enumerate() {
        assert!(row.moved.is_empty());
        for cell in &row.cells {
            assert_eq!(cell, &vec![r]);
        }
    }
}

#[test]
fn a_moved_paragraph_is_matched_and_marked() {
    let base = synth::story(11, 1, 12, 0).remove(0);
    let texts: Vec<String> = base.paragraphs.iter().map(|p| p.text.clone()).collect();
    let mut moved = texts.clone();
    let p = moved.remove(2);
    moved.insert(9, p);
    let versions = vec![synth::version("a", &texts), synth::version("b", &moved)];
    let table = align(&versions, &AlignConfig::default());
    check_invariants(&versions, &table);
    // Every row pairs equal texts, and exactly one cell is marked moved.
    for row in &table.rows {
        assert_eq!(
            versions[0].paragraphs[row.cells[0][0]].text,
            versions[1].paragraphs[row.cells[1][0]].text
        );
    }
    assert_eq!(table.rows.iter().map(|r| r.moved.len()).sum::<usize>(), 1);
}

#[test]
fn a_split_paragraph_joins_one_row() {
    let a = vec![
        "Seven guards were wounded when two armed drones struck the residence before dawn on Sunday.".to_string(),
        "The election commission released final results showing the bloc lost two thirds of its seats.".to_string(),
        "Protesters camped outside the fortified zone for a month, demanding a recount of the vote.".to_string(),
    ];
    let b = vec![
        "Seven guards were wounded when two armed drones struck the residence.".to_string(),
        "The strike came before dawn on Sunday.".to_string(),
        "The election commission released final results showing the bloc lost two thirds of its seats.".to_string(),
        "Protesters camped outside the fortified zone for a month, demanding a recount of the vote.".to_string(),
    ];
    let versions = vec![synth::version("a", &a), synth::version("b", &b)];
    let table = align(&versions, &AlignConfig::default());
    check_invariants(&versions, &table);
    assert_eq!(table.rows.len(), 3, "{:?}", table.rows);
    assert_eq!(table.rows[0].cells, vec![vec![0], vec![0, 1]]);
}
