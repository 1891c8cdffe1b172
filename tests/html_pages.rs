//! Saved web pages (issue 12): three outlets' pages of one story, menus,
//! cookie banners, captions, related links and comments included, align as
//! their clean texts do; the page furniture is boilerplate; each version is
//! named by its outlet. The fixture (`tests/fixtures/html/bridge/`) is a
//! made-up story: each `<outlet>.html` is a page, `<outlet>.txt` its headline
//! and story paragraphs as a reader would copy them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use wirediff::compare::{Comparison, EngineConfig, compare};
use wirediff::ingest::{Input, ReadOptions, decode};
use wirediff::model::ParagraphKind;

const OUTLETS: [&str; 3] = ["ledger", "courier", "coastwire"];

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "html",
        "bridge",
        name,
    ]
    .iter()
    .collect();
    let bytes = std::fs::read(&path).expect("fixture present");
    (format!("bridge/{name}"), bytes)
}

fn load(ext: &str) -> Comparison {
    let versions = OUTLETS
        .iter()
        .map(|o| {
            let (path, bytes) = fixture(&format!("{o}.{ext}"));
            decode(
                &Input {
                    path,
                    bytes,
                    file: None,
                },
                &ReadOptions::default(),
            )
            .expect("decodes")
        })
        .collect();
    compare(versions, &EngineConfig::default()).expect("compares")
}

/// Every pair of non-boilerplate paragraphs of different versions placed in
/// one row, as (version, text, version, text).
fn links(cmp: &Comparison) -> BTreeSet<(usize, String, usize, String)> {
    let mut out = BTreeSet::new();
    for row in &cmp.table.rows {
        let cells: Vec<(usize, &str)> = row
            .cells
            .iter()
            .enumerate()
            .flat_map(|(v, ids)| {
                ids.iter().filter_map(move |&id| {
                    let p = &cmp.versions[v].paragraphs[id];
                    (p.kind != ParagraphKind::Boilerplate).then_some((v, p.text.as_str()))
                })
            })
            .collect();
        for (i, a) in cells.iter().enumerate() {
            for b in &cells[i + 1..] {
                if a.0 != b.0 {
                    out.insert((a.0, a.1.to_string(), b.0, b.1.to_string()));
                }
            }
        }
    }
    out
}

#[test]
fn pages_align_as_their_clean_texts_do() {
    let pages = load("html");
    let texts = load("txt");
    let (from_pages, from_texts) = (links(&pages), links(&texts));
    assert!(from_texts.len() >= 15, "the texts link: {from_texts:#?}");
    assert_eq!(
        from_pages
            .symmetric_difference(&from_texts)
            .collect::<Vec<_>>(),
        Vec::<&(usize, String, usize, String)>::new(),
        "links differ between the pages and their texts"
    );
    // The same story paragraphs, in the same order, in each version.
    for (p, t) in pages.versions.iter().zip(&texts.versions) {
        let story = |v: &wirediff::model::Version| -> Vec<String> {
            v.paragraphs
                .iter()
                .filter(|x| x.kind != ParagraphKind::Boilerplate)
                .map(|x| x.text.clone())
                .collect()
        };
        assert_eq!(story(p), story(t), "{}", p.path);
        assert_eq!(
            p.paragraphs.first().map(|x| x.kind),
            Some(ParagraphKind::Boilerplate)
        );
        assert!(
            p.paragraphs
                .iter()
                .any(|x| x.kind == ParagraphKind::Headline),
            "{}: a headline",
            p.path
        );
    }
}

#[test]
fn page_furniture_is_boilerplate_with_a_reason() {
    let pages = load("html");
    let boiler = |v: usize| -> Vec<(&str, &str)> {
        pages.versions[v]
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Boilerplate)
            .map(|p| (p.text.as_str(), p.reason.as_deref().unwrap_or("")))
            .collect()
    };
    let has = |v: usize, start: &str, reason: &str| {
        assert!(
            boiler(v)
                .iter()
                .any(|(t, r)| t.starts_with(start) && *r == reason),
            "version {v}: no '{start}' as {reason}: {:#?}",
            boiler(v)
        );
    };
    has(0, "We use cookies", "cookie notice");
    has(0, "News", "navigation");
    has(0, "The harbour bridge at dusk", "caption");
    has(0, "Council budget gap", "related links");
    has(0, "About time.", "comments");
    has(0, "Get the Ledger", "newsletter prompt");
    has(1, "This site uses cookies", "cookie notice");
    has(1, "Read more: Council budget gap", "links");
    has(1, "You must be logged in", "comments");
    has(2, "Storm warning", "sidebar");
    for v in &pages.versions {
        assert!(v.story_word_count() > 100, "{}", v.path);
    }
}

#[test]
fn versions_are_named_by_their_outlets() {
    let pages = load("html");
    let labels: Vec<&str> = pages.versions.iter().map(|v| v.label.as_str()).collect();
    // og:site_name, JSON-LD publisher, the canonical URL's host.
    assert_eq!(
        labels,
        ["The Northern Ledger", "Valley Courier", "coastwire.example"]
    );
    let m = pages.versions[1].metadata.as_ref().expect("metadata");
    assert_eq!(m.byline.as_deref(), Some("Sam Patel"));
    assert_eq!(m.published.as_deref(), Some("2026-03-03T11:02:00+00:00"));
    assert_eq!(m.modified.as_deref(), Some("2026-03-03T14:40:00+00:00"));
    // The third page is windows-1252, as its meta says.
    assert_eq!(pages.versions[2].encoding, "windows-1252");
    assert!(pages.versions[2].text.contains("Kettleby’s harbour bridge"));
}
