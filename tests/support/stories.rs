//! Helpers for the story tests: compare texts given in memory, load a fixture
//! story (its versions and its gold), and read the kinds the engine gave.

#![allow(dead_code)] // each test binary uses a part

use std::path::{Path, PathBuf};

use serde_json::Value;
use wirediff::compare::{Comparison, EngineConfig, compare};
use wirediff::ingest::{Input, ReadOptions, decode};
use wirediff::model::ParagraphKind;

/// Compares `(name, text)` versions with the default configuration.
pub fn compare_texts(versions: &[(String, String)]) -> Comparison {
    compare_texts_with(versions, &EngineConfig::default())
}

/// Compares `(name, text)` versions with `cfg`.
pub fn compare_texts_with(versions: &[(String, String)], cfg: &EngineConfig) -> Comparison {
    let opts = ReadOptions::default();
    let decoded = versions
        .iter()
        .map(|(name, text)| {
            decode(
                &Input {
                    path: name.clone(),
                    bytes: text.as_bytes().to_vec(),
                    file: None,
                },
                &opts,
            )
            .expect("decodes")
        })
        .collect();
    compare(decoded, cfg).expect("compare")
}

/// Shorthand: versions from string slices, named `v0.txt`, `v1.txt`, ….
pub fn compare_strs(versions: &[&str]) -> Comparison {
    let named: Vec<(String, String)> = versions
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("v{i}.txt"), (*t).to_string()))
        .collect();
    compare_texts(&named)
}

/// The JSON document of a comparison (the `align --format json` contract).
pub fn json_of(cmp: &Comparison) -> Value {
    let mut out = Vec::new();
    wirediff::export::json::write(cmp, &mut out).expect("json");
    serde_json::from_slice(&out).expect("valid json")
}

/// `tests/fixtures/<rel>`.
pub fn fixture_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// A fixture story: its gold and its versions in the gold's order.
pub fn load_story(dir: &str) -> (Value, Vec<(String, String)>) {
    let root = fixture_path("stories").join(dir);
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("gold.json")).expect("gold"))
            .expect("gold json");
    let versions = gold["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|v| {
            let name = v.as_str().expect("name").to_string();
            let text = std::fs::read_to_string(root.join(&name)).expect("version text");
            (name, text)
        })
        .collect();
    (gold, versions)
}

/// Every paragraph the engine hid, as `(version, reason, text)`.
pub fn hidden(cmp: &Comparison) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (v, ver) in cmp.versions.iter().enumerate() {
        for p in &ver.paragraphs {
            if p.kind == ParagraphKind::Boilerplate {
                out.push((v, p.reason.clone().unwrap_or_default(), p.text.clone()));
            }
        }
    }
    out
}

/// The row holding paragraph `para` of version `v`, if any.
pub fn row_of(cmp: &Comparison, v: usize, para: usize) -> Option<usize> {
    cmp.table
        .rows
        .iter()
        .position(|r| r.cells.get(v).is_some_and(|c| c.contains(&para)))
}

/// Index of the paragraph of version `v` whose text is `text`.
pub fn para(cmp: &Comparison, v: usize, text: &str) -> usize {
    cmp.versions[v]
        .paragraphs
        .iter()
        .position(|p| p.text == text)
        .unwrap_or_else(|| panic!("v{v} has no paragraph {text:?}"))
}

/// The bundled sample and its gold (`tests/fixtures/gold/seeds.json`).
pub fn sample() -> (Value, Vec<(String, String)>) {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture_path("gold/seeds.json")).expect("gold"),
    )
    .expect("gold json");
    let inputs = wirediff::ingest::sample_inputs();
    let versions = gold["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .map(|name| {
            let name = name.as_str().expect("name");
            let input = inputs
                .iter()
                .find(|i| i.path.ends_with(name))
                .expect("sample file");
            let text = String::from_utf8(input.bytes.clone()).expect("utf-8");
            (name.to_string(), text)
        })
        .collect();
    (gold, versions)
}

/// A story as story-only text: the gold's boilerplate lines dropped, the other
/// non-empty lines kept in order one blank line apart, and the gold's line
/// numbers moved to match (no boilerplate left in it).
pub fn story_only(gold: &Value, versions: &[(String, String)]) -> (Value, Vec<(String, String)>) {
    let line = |x: &Value| usize::try_from(x.as_u64().expect("line")).expect("small");
    let mut boiler: std::collections::HashSet<(usize, usize)> = Default::default();
    for m in gold["boilerplate"].as_array().expect("boilerplate") {
        let v = line(&m["v"]);
        boiler.extend(
            m["lines"]
                .as_array()
                .expect("lines")
                .iter()
                .map(|l| (v, line(l))),
        );
    }
    let mut renumber: std::collections::HashMap<(usize, usize), usize> = Default::default();
    let mut out = Vec::new();
    for (v, (name, text)) in versions.iter().enumerate() {
        let mut kept: Vec<&str> = Vec::new();
        for (i, l) in text.split('\n').enumerate() {
            if !l.trim().is_empty() && !boiler.contains(&(v, i + 1)) {
                kept.push(l);
                renumber.insert((v, i + 1), 2 * kept.len() - 1);
            }
        }
        out.push((name.clone(), kept.join("\n\n")));
    }
    let groups: Vec<Value> = gold["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            g.as_array()
                .expect("group")
                .iter()
                .map(|m| {
                    let v = line(&m["v"]);
                    let lines: Vec<usize> = m["lines"]
                        .as_array()
                        .expect("lines")
                        .iter()
                        .map(|l| renumber[&(v, line(l))])
                        .collect();
                    serde_json::json!({"v": v, "lines": lines})
                })
                .collect()
        })
        .collect();
    let gold = serde_json::json!({
        "versions": gold["versions"].clone(),
        "groups": groups,
        "boilerplate": [],
    });
    (gold, out)
}
