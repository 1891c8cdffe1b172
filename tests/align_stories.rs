//! The invented test stories (`tests/fixtures/stories/`, written by
//! `make_fixtures.py`) scored against their hand-made gold with the port of the
//! shared scorer: a write-thru that reworks, splits and reorders paragraphs, a
//! copy trimmed at the end, a press release with subheads and two rewrites,
//! with captions, embedded posts, bylines and menus between paragraphs; each
//! also as story-only text. The bars are what the engine reaches today, so a
//! change that loses links or boilerplate shows here, not only on the sample.

#[path = "support/eval.rs"]
mod eval;
#[path = "support/stories.rs"]
mod stories;

fn score(dir: &str) -> eval::Scores {
    let (gold, versions) = stories::load_story(dir);
    let pred = stories::json_of(&stories::compare_texts(&versions));
    let s = eval::score(&gold, &serde_json::json!([]), &pred);
    eprintln!(
        "{dir}: links P={:.3} R={:.3} F1={:.3}; boilerplate P={:.3} R={:.3} F1={:.3}",
        s.link_p, s.link_r, s.link_f1, s.bp_p, s.bp_r, s.bp_f1
    );
    for m in &s.missed_links {
        eprintln!("  missed link {m:?}");
    }
    for w in &s.wrong_links {
        eprintln!("  wrong link  {w:?}");
    }
    assert_eq!(s.bad_row_pairs, 0, "changes longer than their text");
    s
}

#[test]
fn write_thru_and_trimmed_copy_as_scraped() {
    let s = score("bridge");
    assert!(s.link_f1 >= 0.999, "links F1 {:.3}", s.link_f1);
    assert!(s.bp_f1 >= 0.99, "boilerplate F1 {:.3}", s.bp_f1);
}

#[test]
fn write_thru_and_trimmed_copy_story_only() {
    let s = score("bridge-story-only");
    assert!(s.link_f1 >= 0.999, "links F1 {:.3}", s.link_f1);
    assert!(s.bp_p >= 0.99, "nothing hidden: P {:.3}", s.bp_p);
}

#[test]
fn release_and_rewrites_as_scraped() {
    let s = score("recall");
    assert!(s.link_f1 >= 0.96, "links F1 {:.3}", s.link_f1);
    assert!(s.bp_f1 >= 0.99, "boilerplate F1 {:.3}", s.bp_f1);
}

#[test]
fn release_and_rewrites_story_only() {
    let s = score("recall-story-only");
    assert!(s.link_f1 >= 0.96, "links F1 {:.3}", s.link_f1);
    assert!(s.bp_p >= 0.99, "nothing hidden: P {:.3}", s.bp_p);
}
