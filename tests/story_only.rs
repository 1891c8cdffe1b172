//! Story-only text loses nothing: given the versions' story paragraphs with no
//! page furniture at all, no paragraph is hidden as boilerplate. A fact-checker
//! must never lose a quotation, a question, a subhead or a short sentence
//! silently.
//!
//! The inputs are built on a fresh clone from what the repository holds: the
//! bundled sample (`assets/sample/`) minus the lines its gold marks as
//! boilerplate (`tests/fixtures/gold/seeds.json`), the invented stories'
//! story-only versions, and a few texts written here.

#[path = "support/stories.rs"]
mod stories;

use std::collections::{HashMap, HashSet};

use serde_json::Value;

fn assert_nothing_hidden(cmp: &wirediff::compare::Comparison) {
    let hidden = stories::hidden(cmp);
    assert!(
        hidden.is_empty(),
        "story paragraphs hidden as boilerplate: {hidden:#?}"
    );
}

/// The sample's versions with the gold boilerplate lines removed (paragraphs
/// kept in order, one blank line between them).
fn sample_story_only() -> Vec<(String, String)> {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(stories::fixture_path("gold/seeds.json")).expect("gold"),
    )
    .expect("gold json");
    let mut boiler: HashMap<usize, HashSet<usize>> = HashMap::new();
    for m in gold["boilerplate"].as_array().expect("boilerplate") {
        let v = m["v"].as_u64().expect("v") as usize;
        let lines = m["lines"].as_array().expect("lines");
        boiler
            .entry(v)
            .or_default()
            .extend(lines.iter().map(|l| l.as_u64().expect("line") as usize));
    }
    let sample = wirediff::ingest::sample_inputs();
    gold["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .enumerate()
        .map(|(v, name)| {
            let name = name.as_str().expect("name");
            let input = sample
                .iter()
                .find(|i| i.path.ends_with(name))
                .expect("sample file");
            let text = String::from_utf8(input.bytes.clone()).expect("utf-8");
            let kept: Vec<&str> = text
                .split('\n')
                .enumerate()
                .filter(|(i, l)| {
                    !l.trim().is_empty() && !boiler.get(&v).is_some_and(|b| b.contains(&(i + 1)))
                })
                .map(|(_, l)| l)
                .collect();
            (name.to_string(), kept.join("\n\n"))
        })
        .collect()
}

#[test]
fn sample_story_lines_are_never_hidden() {
    let versions = sample_story_only();
    assert_eq!(versions.len(), 5);
    let cmp = stories::compare_texts(&versions);
    let story: usize = cmp.versions.iter().map(|v| v.paragraphs.len()).sum();
    assert_eq!(story, 133, "the gold's 133 story lines");
    assert_nothing_hidden(&cmp);
}

#[test]
fn invented_story_only_versions_are_never_hidden() {
    for dir in [
        "bridge-story-only",
        "recall-story-only",
        "port-story-only",
        "quake-story-only",
    ] {
        let (_, versions) = stories::load_story(dir);
        assert_nothing_hidden(&stories::compare_texts(&versions));
    }
}

#[test]
fn quotations_questions_subheads_and_short_sentences_stay_story() {
    let a = "Harbor City won its first league title on Saturday, beating Westbrook 2-1 after extra time.\n\n\
             Marco Rivera scored the winner in the 112th minute, moments after Westbrook hit the post.\n\n\
             \"We lost this game twice in the last three years. That made this so much sweeter in the end,'' he said.\n\n\
             Coach Elena Marsh praised a defense that had conceded only 19 goals all season.";
    let b = "Marco Rivera's extra-time goal gave Harbor City a 2-1 win over Westbrook and the club's first league title.\n\n\
             What went wrong?\n\n\
             Westbrook hit the post in the 110th minute and never recovered, coach Paul Dene said.\n\n\
             Turning point\n\n\
             \"That made this so much sweeter in the end,'' Rivera said of two earlier final defeats.\n\n\
             It was close.\n\n\
             \"The mass market consumer doesn't want these complications,\" he said.\n\n\
             Harbor City conceded only 19 goals all season, the fewest in the league.";
    let cmp = stories::compare_strs(&[a, b]);
    assert_nothing_hidden(&cmp);
}
