//! The sample story scored against its hand-made gold alignment (a Rust port of
//! the shared scorer), so alignment, boilerplate and variant quality are checked
//! by `cargo test` on a fresh clone. When python3 is present the original
//! scorer is run on the same output too, and both must agree.

#[path = "support/eval.rs"]
mod eval;

use std::path::Path;

use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gold")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).expect("gold fixture")).expect("gold json")
}

fn sample_json() -> Vec<u8> {
    let opts = wirediff::ingest::ReadOptions::default();
    let versions = wirediff::ingest::sample_inputs()
        .iter()
        .map(|i| wirediff::ingest::decode(i, &opts).expect("sample decodes"))
        .collect();
    let cmp = wirediff::compare::compare(versions, &wirediff::compare::EngineConfig::default())
        .expect("compare");
    let mut out = Vec::new();
    wirediff::export::json::write(&cmp, &mut out).expect("json");
    out
}

#[test]
fn sample_story_meets_the_gold_bars() {
    let pred: Value = serde_json::from_slice(&sample_json()).expect("valid json");
    assert_eq!(pred["schema_version"], 1);
    let s = eval::score(
        &fixture("seeds.json"),
        &fixture("seeds-variants.json"),
        &pred,
    );
    eprintln!(
        "links P={:.3} R={:.3} F1={:.3}; boilerplate P={:.3} R={:.3} F1={:.3}; variants {}/{} = {:.3}, kind ok {:.3}; bad row pairs {}",
        s.link_p,
        s.link_r,
        s.link_f1,
        s.bp_p,
        s.bp_r,
        s.bp_f1,
        s.variants_found,
        s.variants_total,
        s.variant_recall(),
        s.kind_accuracy(),
        s.bad_row_pairs
    );
    for m in &s.missed_links {
        eprintln!("  missed link {m:?}");
    }
    for w in &s.wrong_links {
        eprintln!("  wrong link  {w:?}");
    }
    for v in &s.missed_variants {
        eprintln!("  missed variant {v}");
    }
    assert_eq!(s.bad_row_pairs, 0, "changes longer than their text");
    assert!(s.link_f1 >= 0.958, "links F1 {:.3}", s.link_f1);
    assert!(s.bp_f1 >= 0.999, "boilerplate F1 {:.3}", s.bp_f1);
    // The reader must see 90% of the gold variants.
    assert!(
        s.variant_recall() >= 0.90,
        "variant recall {:.3}",
        s.variant_recall()
    );
    // The variant gold calls ten world-knowledge rewordings claims ("security
    // forces" / "guards", "hosted" / "waited for") and three changes that the
    // judged changes call otherwise ("Seven" / "seven" is case, "about" /
    // "around" wording, an added "Oct. 10" added): typing those to please the
    // variant gold would break the kind precision below, which a reader acts on.
    assert!(
        s.kind_accuracy() >= 0.77,
        "kind accuracy {:.3}",
        s.kind_accuracy()
    );
}

/// Every change of a kind a reader acts on (claim, number, date, name, quote…)
/// is judged, by the shared judgements or by ours with the same rubric, and at
/// least 90% of them are right; none pairs words that are not counterparts.
#[test]
fn sample_kinds_are_right_when_they_matter() {
    let pred: Value = serde_json::from_slice(&sample_json()).expect("valid json");
    let mut judged = fixture("seeds-kinds.json");
    let own = fixture("seeds-kinds-own.json");
    judged["judged"]
        .as_array_mut()
        .expect("judged")
        .extend(own["judged"].as_array().expect("own").iter().cloned());
    let k = eval::kind_precision(&judged, &pred);
    for w in &k.wrong {
        eprintln!("  wrong kind {w:?}");
    }
    assert!(
        k.unjudged.is_empty(),
        "judge these with guides/KINDS.md in tests/fixtures/gold/seeds-kinds-own.json: {:?}",
        k.unjudged
    );
    assert!(
        k.precision() >= 0.90,
        "kind precision {:.3} ({} right, {} wrong)",
        k.precision(),
        k.right.len(),
        k.wrong.len()
    );
}

#[test]
fn python_scorer_agrees_when_available() {
    let Ok(status) = std::process::Command::new("python3")
        .arg("--version")
        .output()
    else {
        eprintln!(
            "NOTICE: python3 not found; the original eval_align.py was not run (the Rust port still ran)"
        );
        return;
    };
    assert!(status.status.success());
    let dir = tempfile::tempdir().expect("tempdir");
    let pred = dir.path().join("pred.json");
    std::fs::write(&pred, sample_json()).expect("write");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out = std::process::Command::new("python3")
        .arg(root.join("eval_align.py"))
        .arg(root.join("gold/seeds.json"))
        .arg(&pred)
        .output()
        .expect("run scorer");
    let text = String::from_utf8_lossy(&out.stdout);
    eprintln!("{text}");
    let line = text
        .lines()
        .find(|l| l.starts_with("score "))
        .expect("score line");
    let get = |k: &str| -> f64 {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(k))
            .and_then(|v| v.parse().ok())
            .expect("score field")
    };
    let s = eval::score(
        &fixture("seeds.json"),
        &fixture("seeds-variants.json"),
        &serde_json::from_slice(&sample_json()).expect("json"),
    );
    assert!(
        (get("links_f1=") - s.link_f1).abs() < 0.0015,
        "links F1 differs: {line}"
    );
    assert!(
        (get("boilerplate_f1=") - s.bp_f1).abs() < 0.0015,
        "boilerplate F1 differs: {line}"
    );
    assert!(
        (get("kind_accuracy=") - s.kind_accuracy()).abs() < 0.0015,
        "kind accuracy differs: {line}"
    );
    assert!(
        (get("variant_recall=") - s.variant_recall()).abs() < 0.0015,
        "variant recall differs: {line}"
    );
    let k = eval::kind_precision(
        &fixture("seeds-kinds.json"),
        &serde_json::from_slice(&sample_json()).expect("json"),
    );
    assert!(
        (get("kind_precision=") - k.precision()).abs() < 0.0015,
        "kind precision differs: {line}"
    );
}
