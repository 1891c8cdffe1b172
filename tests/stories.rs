//! `wirediff stories`: collections grouped into stories, passim's output listed
//! and opened, through the command line and its JSON (issue 14).
//!
//! Fixtures are in the repository (`assets/sample`, `tests/fixtures/stories`,
//! `tests/fixtures/passim`); the tests that read the shared test material
//! (`../shared` beside the repository) skip with a notice when it is absent.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::Value;

#[path = "support/command.rs"]
mod command;
use command::wirediff;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn passim_fixture() -> String {
    root()
        .join("tests/fixtures/passim/out.json")
        .display()
        .to_string()
}

/// The shared test material, when it is beside the repository.
fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("..").join("shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipped: {} is not there", p.display());
        None
    }
}

/// `stories … --format json`, parsed; the exit status must be 0.
fn listing(args: &[&str]) -> Value {
    let out = wirediff()
        .arg("stories")
        .args(args)
        .args(["--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("stories JSON")
}

/// The stories' member lists.
fn members(doc: &Value) -> Vec<Vec<String>> {
    doc["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|s| {
            s["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| m.as_str().expect("id").to_string())
                .collect()
        })
        .collect()
}

/// Every article is in exactly one story.
fn assert_partition(doc: &Value) {
    let all: Vec<String> = members(doc).into_iter().flatten().collect();
    let distinct: BTreeSet<&String> = all.iter().collect();
    assert_eq!(all.len(), distinct.len(), "an article in two stories");
    assert_eq!(Some(all.len() as u64), doc["articles"].as_u64());
}

#[test]
fn passim_output_folder_lists_its_clusters() {
    let doc = listing(&[&passim_fixture()]);
    assert_eq!(doc["passim_clusters"], true);
    assert_partition(&doc);
    let stories = doc["stories"].as_array().expect("stories");
    let got: Vec<(u64, &str, usize)> = stories
        .iter()
        .map(|s| {
            (
                s["size"].as_u64().unwrap_or(0),
                s["cluster"].as_str().unwrap_or(""),
                s["sources"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    assert_eq!(got, [(3, "460", 3), (2, "16", 2), (1, "904", 1)]);
    // A passage is known by its article and span (old and new fields alike).
    assert!(members(&doc)[1].contains(&"JDG-1900-03-13-a-i0030@0-485".to_string()));
    // Spark's _SUCCESS and hidden .crc files are not articles, nor counted.
    assert_eq!(doc["skipped"].as_array().map(Vec::len), Some(0));
}

#[test]
fn passim_passages_regrouped_here_agree_with_passim() {
    let theirs: BTreeSet<Vec<String>> = members(&listing(&[&passim_fixture()]))
        .into_iter()
        .collect();
    let doc = listing(&[&passim_fixture(), "--regroup"]);
    assert_eq!(doc["passim_clusters"], false);
    let ours: BTreeSet<Vec<String>> = members(&doc).into_iter().collect();
    assert_eq!(ours, theirs);
}

/// The alignment JSON of story `n` of `path`.
fn opened(path: &str, n: usize) -> Value {
    let out = wirediff()
        .args([
            "stories",
            path,
            "--open",
            &n.to_string(),
            "--format",
            "json",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("align JSON")
}

/// The `(old, new)` texts of every change.
fn changes(doc: &Value) -> Vec<(String, String)> {
    doc["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            (
                c["old"].as_str().unwrap_or("").to_string(),
                c["new"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// No word change is a piece of a word cut at a line end (`jus-` / `qu'à`).
fn assert_no_line_break_fragments(doc: &Value) {
    for (old, new) in changes(doc) {
        for side in [&old, &new] {
            assert!(
                !side.trim_end().ends_with('-') && !side.contains('\n'),
                "line-break fragment in a change: {old:?} -> {new:?}"
            );
        }
    }
}

#[test]
fn two_paper_dispatch_opens_as_a_few_rows_of_reflowed_text() {
    // Story 1 is the dispatch (cluster 16): 14 and 11 printed lines.
    let doc = opened(&passim_fixture(), 1);
    let versions = doc["versions"].as_array().expect("versions");
    assert_eq!(versions.len(), 2);
    let rows = doc["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 3, "one row per paragraph, not per printed line");
    // Paragraph texts are joined and de-hyphenated, and still say which lines
    // of the passage they come from.
    let first = &versions[0]["paragraphs"][0];
    assert_eq!(
        (first["line_start"].as_u64(), first["line_end"].as_u64()),
        (Some(1), Some(5))
    );
    assert!(
        first["text"]
            .as_str()
            .is_some_and(|t| t.contains("l'ambassadeur") && !t.contains('\n'))
    );
    let got = changes(&doc);
    // The editors' changes and the OCR errors are word changes.
    for (old, new) in [
        ("ministre", "rninistre"),
        ("Transvaal", "Transvaa1"),
        ("heure", "longuement"),
    ] {
        assert!(
            got.contains(&(old.to_string(), new.to_string())),
            "{old} -> {new} in {got:?}"
        );
    }
    assert!(
        got.iter()
            .any(|(old, new)| old.contains("après-midi") && new.is_empty())
    );
    assert_no_line_break_fragments(&doc);
}

#[test]
fn seeds_in_unrelated_articles_are_one_story() {
    // The five versions of the sample story, one version each of four other
    // stories, and their gold files (data, not articles).
    let tmp = tempfile::tempdir().expect("tempdir");
    let sample = root().join("assets/sample");
    for e in std::fs::read_dir(&sample).expect("sample").flatten() {
        std::fs::copy(e.path(), tmp.path().join(e.file_name())).expect("copy");
    }
    for (story, first) in [
        ("bridge", "a0_early_wire.txt"),
        ("port", "c0_wire.txt"),
        ("quake", "d0_first_take.txt"),
        ("recall", "b0_release.txt"),
    ] {
        let dir = tmp.path().join(story);
        std::fs::create_dir(&dir).expect("mkdir");
        let from = root().join("tests/fixtures/stories").join(story);
        std::fs::copy(from.join(first), dir.join(first)).expect("copy");
        std::fs::copy(from.join("gold.json"), dir.join("gold.json")).expect("copy");
    }
    let doc = listing(&[&tmp.path().display().to_string()]);
    assert_partition(&doc);
    let sizes: Vec<usize> = members(&doc).iter().map(Vec::len).collect();
    assert_eq!(sizes, [5, 1, 1, 1, 1]);
    assert!(
        members(&doc)[0]
            .iter()
            .all(|m| m.contains("/0") && m.ends_with(".txt"))
    );
    let skipped = doc["skipped"].as_array().expect("skipped");
    assert_eq!(skipped.len(), 4);
    assert!(
        skipped
            .iter()
            .all(|s| s["path"].as_str().is_some_and(|p| p.ends_with("gold.json")))
    );
}

#[test]
fn seeds_in_the_html_dev_pages_are_one_story_of_five() {
    let (Some(seeds), Some(pages)) = (shared("seeds"), shared("html-dev")) else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    for e in std::fs::read_dir(&seeds).expect("seeds").flatten() {
        std::fs::copy(e.path(), tmp.path().join(e.file_name())).expect("copy");
    }
    let mut pages_n = 0;
    for e in std::fs::read_dir(&pages).expect("pages").flatten() {
        let expected = e.path().join("expected.txt");
        if expected.exists() {
            let dir = tmp.path().join(e.file_name());
            std::fs::create_dir(&dir).expect("mkdir");
            std::fs::copy(&expected, dir.join("expected.txt")).expect("copy");
            std::fs::copy(e.path().join("meta.json"), dir.join("meta.json")).ok();
            pages_n += 1;
        }
    }
    let doc = listing(&[&tmp.path().display().to_string()]);
    assert_partition(&doc);
    let sizes: Vec<usize> = members(&doc).iter().map(Vec::len).collect();
    let mut want = vec![5];
    want.extend(std::iter::repeat_n(1, pages_n));
    assert_eq!(sizes, want);
}

#[test]
fn real_passim_output_is_listed_and_its_dispatches_open_reflowed() {
    let Some(path) = shared("passim/impresso-1900-dev.jsonl") else {
        return;
    };
    let path = path.display().to_string();
    let doc = listing(&[&path]);
    assert_partition(&doc);
    assert_eq!(doc["passim_clusters"], true);
    // The same clusters as the file says.
    let text = std::fs::read_to_string(&path).expect("read");
    let clusters: BTreeSet<String> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|v| v["cluster"].to_string())
        .collect();
    assert_eq!(
        doc["stories"].as_array().map(Vec::len),
        Some(clusters.len())
    );
    // Two-paper clusters of running prose (most printed lines end inside a
    // sentence) open as a handful of rows, with no line-break fragments among
    // the word changes.
    let prose = |t: &str| {
        let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
        let open = lines
            .iter()
            .filter(|l| {
                l.trim_end()
                    .ends_with(|c: char| c.is_lowercase() || c == ',' || c == '-')
            })
            .count();
        (10..=40).contains(&lines.len()) && open * 10 >= lines.len() * 7
    };
    let mut texts: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for v in text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
    {
        texts.entry(v["cluster"].to_string()).or_default().push((
            v["series"].as_str().unwrap_or("").to_string(),
            v["text"].as_str().unwrap_or("").to_string(),
        ));
    }
    let mut opened_n = 0;
    for s in doc["stories"].as_array().expect("stories") {
        let cluster = s["cluster"].as_str().unwrap_or("");
        let Some(passages) = texts.get(cluster) else {
            continue;
        };
        let two_papers = passages.len() == 2 && passages[0].0 != passages[1].0;
        if !two_papers || !passages.iter().all(|(_, t)| prose(t)) || opened_n >= 5 {
            continue;
        }
        let n = s["number"].as_u64().expect("number") as usize;
        let d = opened(&path, n);
        let lines = passages
            .iter()
            .map(|(_, t)| t.lines().count())
            .min()
            .unwrap_or(0);
        let rows = d["rows"].as_array().map_or(0, Vec::len);
        assert!(
            rows * 3 <= lines,
            "story {n}: {rows} rows for {lines} lines"
        );
        assert_no_line_break_fragments(&d);
        opened_n += 1;
    }
    assert_eq!(opened_n, 5);
}

#[test]
fn a_bad_record_is_an_error_naming_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let f = tmp.path().join("feed.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\n",
    )
    .expect("write");
    let out = wirediff()
        .args(["stories", &f.display().to_string()])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("wirediff: ") && err.contains("feed.jsonl:2: not JSON"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_paths_empty_collections_and_bad_story_numbers_exit_2() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("nope").display().to_string();
    wirediff().args(["stories", &missing]).assert().code(2);
    std::fs::write(tmp.path().join("a.png"), b"\x89PNG").expect("write");
    let dir = tmp.path().display().to_string();
    let out = wirediff()
        .args(["stories", &dir])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles found (1 file skipped"));
    let fixture = passim_fixture();
    let out = wirediff()
        .args(["stories", &fixture, "--open", "9"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("no story 9: there are 3"));
    // A story of one passage has nothing to compare.
    wirediff()
        .args(["stories", &fixture, "--open", "2"])
        .assert()
        .code(2);
}

#[test]
fn table_lists_sizes_sources_dates_and_headlines() {
    let out = wirediff()
        .args(["stories", &passim_fixture()])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "3 stories from 6 articles (2 with more than one article)"
    );
    assert!(lines[2].contains("GDL,IMP,JDG") && lines[2].contains("1900-03-14..1900-03-16"));
    assert!(lines[3].contains("Paris, 12 mars."));
    assert_eq!(lines.len(), 5);
}

#[cfg(unix)]
#[test]
fn an_unreadable_entry_in_a_folder_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("a.txt"), "An article.").expect("write");
    std::os::unix::fs::symlink(tmp.path().join("gone"), tmp.path().join("dangling.txt"))
        .expect("symlink");
    let out = wirediff()
        .args(["stories", &tmp.path().display().to_string()])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("dangling.txt: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn json_lines_on_stdin_are_a_collection() {
    let feed = "{\"id\":\"a\",\"series\":\"S1\",\"text\":\"The council voted on Tuesday to close the old harbour bridge to lorries for the whole winter, citing cracks in two of its piers.\"}\n\
                {\"id\":\"b\",\"series\":\"S2\",\"text\":\"The council voted on Tuesday to close the old harbour bridge to lorries for the whole winter, citing cracks in two of its piers, officials said.\"}\n\
                {\"id\":\"c\",\"series\":\"S1\",\"text\":\"Rain is expected all weekend.\"}\n";
    let out = wirediff()
        .args(["stories", "-", "--format", "json"])
        .write_stdin(feed)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(members(&doc), [vec!["a", "b"], vec!["c"]]);
    let out = wirediff()
        .args(["stories", "-"])
        .write_stdin("{\"id\":\"a\",\"text\":\"x\"}\nnot json\n")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("-:2: not JSON"));
}

/// Saved web pages in a collection are read as their story (the page's
/// furniture left out) and named by their outlet: three outlets' pages of one
/// story are one story whose sources are the outlets; an unrelated article
/// stays alone.
#[test]
fn saved_pages_in_a_collection_group_by_their_story() {
    let dir = tempfile::tempdir().expect("tempdir");
    let from = root().join("tests/fixtures/html/bridge");
    for page in ["coastwire.html", "courier.html", "ledger.html"] {
        std::fs::copy(from.join(page), dir.path().join(page)).expect("copy");
    }
    std::fs::write(
        dir.path().join("other.txt"),
        "The city council approved a new budget for the public library on Tuesday, \
         adding evening hours and a mobile branch for outlying villages.\n",
    )
    .expect("write");
    let path = dir.path().display().to_string();
    let doc = listing(&[&path]);
    assert_partition(&doc);
    let groups = members(&doc);
    assert_eq!(groups.len(), 2, "{doc}");
    let pages: Vec<&Vec<String>> = groups.iter().filter(|g| g.len() == 3).collect();
    assert_eq!(pages.len(), 1, "{doc}");
    assert!(pages[0].iter().all(|m| m.ends_with(".html")));
    let story = doc["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .find(|s| s["size"] == 3)
        .expect("the pages' story");
    let sources: Vec<&str> = story["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        sources.contains(&"The Northern Ledger") && sources.contains(&"Valley Courier"),
        "{story}"
    );
    assert_eq!(doc["skipped"].as_array().map(Vec::len), Some(0), "{doc}");
}
