//! Statistics, names and quotations on small stories written for the purpose:
//! what must be found, and what must not.

use wirediff::analysis::{entities, quotes, stats};
use wirediff::compare::{Comparison, EngineConfig, compare};
use wirediff::ingest::{self, Input, ReadOptions};

fn story(texts: &[&str]) -> Comparison {
    let versions = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let input = Input {
                path: format!("v{i}.txt"),
                bytes: t.as_bytes().to_vec(),
                file: None,
            };
            ingest::decode(&input, &ReadOptions::default()).expect("decodes")
        })
        .collect();
    compare(versions, &EngineConfig::default()).expect("compares")
}

const WIRE: &str = "Iraq's prime minister Mustafa al-Kadhimi survived an assassination attempt with armed drones on Sunday, officials said.\n\n\
Seven of his guards were wounded in the attack on his residence in the Green Zone, two officials said.\n\n\
“Cowardly rocket and drone attacks do not build homelands,” al-Kadhimi wrote on Twitter.\n\n\
The attack followed weeks of protests by supporters of Qais al-Khazali over the election results.";

#[test]
fn names_group_their_spellings_and_list_who_writes_which() {
    let edited = WIRE
        .replace("Mustafa al-Kadhimi", "Mustafa al-Khadimi")
        .replace("Qais", "Kais");
    let cmp = story(&[WIRE, &edited]);
    let ents = entities::entities(&cmp);
    let with = |form: &str| {
        ents.iter()
            .find(|e| e.forms.iter().any(|f| f.text == form))
            .unwrap_or_else(|| panic!("{form} listed: {ents:?}"))
    };
    let kadhimi = with("al-Kadhimi");
    assert!(kadhimi.variants);
    let khadimi = kadhimi
        .forms
        .iter()
        .find(|f| f.text == "al-Khadimi")
        .expect("misspelling grouped");
    assert_eq!(khadimi.versions, vec![1]);
    assert!(
        with("Qais")
            .forms
            .iter()
            .any(|f| f.text == "Kais" && f.versions == vec![1])
    );
    // Different names stay apart; a name spelled one way has no variants.
    assert!(!with("Green").variants);
    assert!(!with("Twitter").forms.iter().any(|f| f.text == "Kais"));
}

#[test]
fn quotations_are_matched_reworded_and_unquoted() {
    let reworded = WIRE.replace("rocket and drone attacks", "missile and drone attacks");
    let unquoted = WIRE.replace(
        "“Cowardly rocket and drone attacks do not build homelands,” al-Kadhimi wrote",
        "Cowardly rocket and drone attacks do not build homelands, al-Kadhimi wrote",
    );
    let cmp = story(&[WIRE, &reworded, &unquoted]);
    let qs = quotes::quotations(&cmp);
    let q = qs
        .iter()
        .find(|q| q.wordings.iter().any(|w| w.text.contains("Cowardly")))
        .expect("the quotation is listed");
    let status = |v: usize| q.wordings.iter().find(|w| w.version == v).map(|w| w.status);
    assert_eq!(status(0), Some(quotes::Status::Same));
    assert_eq!(status(1), Some(quotes::Status::Reworded));
    assert_eq!(status(2), Some(quotes::Status::Unquoted));
    assert!(q.differs());
}

#[test]
fn matrix_shares_and_central_version() {
    let copy = WIRE.to_string();
    let trimmed: String = WIRE.split("\n\n").take(2).collect::<Vec<_>>().join("\n\n");
    let rewritten = "Gunmen fired at a market in Basra on Monday, police said.\n\n\
Seven of his guards were wounded in the attack on his residence in the Green Zone, two officials said.";
    let cmp = story(&[WIRE, &copy, &trimmed, rewritten]);
    let s = stats::compute(&cmp, 0, (&cmp.changes, &cmp.pair_words));
    let m = &s.matrix;
    assert!(
        (m[0][1] - 1.0).abs() < 1e-9,
        "a copy is fully similar: {m:?}"
    );
    assert!(m[0][2] > m[0][3], "a trimmed copy is closer than a rewrite");
    assert!((m[2][3] - m[3][2]).abs() < 1e-12, "symmetric");
    let v2 = &s.versions[2];
    assert!((v2.verbatim - 1.0).abs() < 1e-9, "{v2:?}");
    assert_eq!(v2.dropped_rows, 2);
    let v3 = &s.versions[3];
    assert!(v3.unique > 0.3, "its own lede is unique: {v3:?}");
    assert!(s.most_central == 0 || s.most_central == 1, "{s:?}");
    assert_eq!(cmp.default_reference(), s.most_central);
}

#[test]
fn paraphrase_signal_separates_swaps_from_rewrites() {
    // A machine paraphrase: one word for one word, everywhere, structure kept.
    let swapped = WIRE
        .replace("survived", "endured")
        .replace("attempt", "try")
        .replace("armed", "equipped")
        .replace("officials", "authorities")
        .replace("wounded", "harmed")
        .replace("residence", "home")
        .replace("weeks", "periods")
        .replace("protests", "demonstrations")
        .replace("supporters", "followers")
        .replace("results", "outcomes")
        .replace("build", "construct");
    // An editor: whole clauses rewritten, few single swaps.
    let edited = WIRE
        .replace(
            "survived an assassination attempt with armed drones on Sunday, officials said",
            "was unhurt after two explosive-laden drones hit his home before dawn, according to the government",
        )
        .replace(
            "over the election results",
            "who reject the outcome of last month's parliamentary vote as rigged",
        );
    let cmp = story(&[WIRE, &swapped, &edited]);
    let s = stats::compute(&cmp, 0, (&cmp.changes, &cmp.pair_words));
    assert!(s.versions[1].paraphrase, "{:?}", s.versions[1]);
    assert!(!s.versions[2].paraphrase, "{:?}", s.versions[2]);
    assert!(!s.versions[0].paraphrase);
}

#[test]
fn json_has_the_analysis_sections() {
    let edited = WIRE.replace("Qais", "Kais");
    let cmp = story(&[WIRE, &edited]);
    let mut out = Vec::new();
    wirediff::export::json::write(&cmp, &mut out).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(doc["stats"]["matrix"].as_array().map(Vec::len), Some(2));
    assert!(doc["entities"].as_array().is_some_and(|e| !e.is_empty()));
    assert!(doc["quotes"].as_array().is_some());
    let kinds: Vec<&str> = doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["kind"].as_str())
        .collect();
    assert!(kinds.contains(&"name_spelling"), "{kinds:?}");
    assert!(
        doc["changes"][0]["reason"]
            .as_str()
            .is_some_and(|r| !r.is_empty())
    );
}
