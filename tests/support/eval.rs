//! A Rust port of `eval_align.py` (tests/fixtures/eval_align.py, the scorer of the
//! shared gold): links P/R/F1, boilerplate P/R/F1, variant recall and kind
//! accuracy, and the "changes longer than their text" sanity count. It reads the
//! JSON contract (`align --format json`), so it also checks that shape.

#![allow(dead_code)] // each test binary uses a part

use std::collections::{BTreeSet, HashMap, HashSet};

use serde_json::Value;

/// A (version, line) pair of the gold's numbering.
pub type Line = (usize, usize);

/// Scores of one prediction.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub link_p: f64,
    pub link_r: f64,
    pub link_f1: f64,
    pub bp_p: f64,
    pub bp_r: f64,
    pub bp_f1: f64,
    pub variants_found: usize,
    pub variants_total: usize,
    pub kind_ok: usize,
    pub bad_row_pairs: usize,
    pub missed_links: Vec<(Line, Line)>,
    pub wrong_links: Vec<(Line, Line)>,
    pub missed_variants: Vec<String>,
}

impl Scores {
    pub fn variant_recall(&self) -> f64 {
        if self.variants_total == 0 {
            1.0
        } else {
            self.variants_found as f64 / self.variants_total as f64
        }
    }
    pub fn kind_accuracy(&self) -> f64 {
        if self.variants_found == 0 {
            0.0
        } else {
            self.kind_ok as f64 / self.variants_found as f64
        }
    }
}

fn prf(pred: &HashSet<(Line, Line)>, gold: &HashSet<(Line, Line)>) -> (f64, f64, f64) {
    let tp = pred.intersection(gold).count() as f64;
    let p = if pred.is_empty() {
        if gold.is_empty() { 1.0 } else { 0.0 }
    } else {
        tp / pred.len() as f64
    };
    let r = if gold.is_empty() {
        1.0
    } else {
        tp / gold.len() as f64
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn prf_lines(pred: &HashSet<Line>, gold: &HashSet<Line>) -> (f64, f64, f64) {
    let tp = pred.intersection(gold).count() as f64;
    let p = if pred.is_empty() {
        if gold.is_empty() { 1.0 } else { 0.0 }
    } else {
        tp / pred.len() as f64
    };
    let r = if gold.is_empty() {
        1.0
    } else {
        tp / gold.len() as f64
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn pairs(members: &[Line]) -> Vec<(Line, Line)> {
    let mut out = Vec::new();
    for (i, a) in members.iter().enumerate() {
        for b in &members[i + 1..] {
            if a.0 != b.0 {
                out.push(if a < b { (*a, *b) } else { (*b, *a) });
            }
        }
    }
    out
}

fn u(v: &Value) -> usize {
    v.as_u64().map_or(usize::MAX, |x| x as usize)
}

/// Scores `pred` (the JSON contract) against `gold` (seeds.json) and `variants`.
pub fn score(gold: &Value, variants: &Value, pred: &Value) -> Scores {
    let names: Vec<String> = gold["versions"]
        .as_array()
        .expect("gold versions")
        .iter()
        .map(|v| v.as_str().unwrap_or("").to_string())
        .collect();
    let pv = pred["versions"].as_array().expect("pred versions");
    let vmap: Vec<usize> = pv
        .iter()
        .map(|v| {
            let path = v["path"].as_str().expect("path");
            let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
            names
                .iter()
                .position(|n| n == base)
                .unwrap_or_else(|| panic!("version {base} not in gold"))
        })
        .collect();
    // paragraph -> (lines, kind, text)
    let mut plines: HashMap<(usize, usize), (Vec<usize>, String, String)> = HashMap::new();
    for (i, v) in pv.iter().enumerate() {
        for p in v["paragraphs"].as_array().expect("paragraphs") {
            let lines: Vec<usize> = (u(&p["line_start"])..=u(&p["line_end"])).collect();
            plines.insert(
                (i, u(&p["id"])),
                (
                    lines,
                    p["kind"].as_str().unwrap_or("story").to_string(),
                    p["text"].as_str().unwrap_or("").to_string(),
                ),
            );
        }
    }
    let mut g = HashSet::new();
    for group in gold["groups"].as_array().expect("groups") {
        let members: Vec<Line> = group
            .as_array()
            .expect("group")
            .iter()
            .flat_map(|m| {
                m["lines"]
                    .as_array()
                    .expect("lines")
                    .iter()
                    .map(move |l| (u(&m["v"]), u(l)))
            })
            .collect();
        g.extend(pairs(&members));
    }
    let rows = pred["rows"].as_array().expect("rows");
    let mut row_lines: Vec<BTreeSet<Line>> = Vec::new();
    let mut p = HashSet::new();
    for row in rows {
        let mut members = Vec::new();
        for (i, ids) in row["cells"].as_array().expect("cells").iter().enumerate() {
            for pid in ids.as_array().expect("cell") {
                let (lines, _, _) = &plines[&(i, u(pid))];
                members.extend(lines.iter().map(|&l| (vmap[i], l)));
            }
        }
        p.extend(pairs(&members));
        row_lines.push(members.into_iter().collect());
    }
    let (link_p, link_r, link_f1) = prf(&p, &g);
    let mut missed_links: Vec<_> = g.difference(&p).copied().collect();
    missed_links.sort_unstable();
    let mut wrong_links: Vec<_> = p.difference(&g).copied().collect();
    wrong_links.sort_unstable();

    let gb: HashSet<Line> = gold["boilerplate"]
        .as_array()
        .expect("bp")
        .iter()
        .flat_map(|m| {
            m["lines"]
                .as_array()
                .expect("lines")
                .iter()
                .map(move |l| (u(&m["v"]), u(l)))
        })
        .collect();
    let pb: HashSet<Line> = plines
        .iter()
        .filter(|(_, (_, k, _))| k == "boilerplate")
        .flat_map(|((i, _), (lines, _, _))| {
            let vm = vmap[*i];
            lines.iter().map(move |&l| (vm, l))
        })
        .collect();
    let (bp_p, bp_r, bp_f1) = prf_lines(&pb, &gb);

    // Sanity: per (row, against, version), changes no longer than the texts.
    let changes = pred["changes"].as_array().expect("changes");
    let mut used: HashMap<(usize, usize, usize), (usize, usize)> = HashMap::new();
    for c in changes {
        let key = (u(&c["row"]), u(&c["against"]), u(&c["version"]));
        let e = used.entry(key).or_default();
        e.0 += c["old"].as_str().unwrap_or("").chars().count();
        e.1 += c["new"].as_str().unwrap_or("").chars().count();
    }
    let cell_len = |r: usize, v: usize| -> usize {
        rows[r]["cells"][v].as_array().map_or(0, |ids| {
            ids.iter()
                .map(|pid| plines[&(v, u(pid))].2.chars().count())
                .sum()
        })
    };
    let bad_row_pairs = used
        .iter()
        .filter(|((r, a, v), (o, n))| {
            *r >= rows.len() || *o > cell_len(*r, *a) + 8 || *n > cell_len(*r, *v) + 8
        })
        .count();

    // Variants.
    let part = |text: &str, mine: &str, other: &str| -> bool {
        if text.is_empty() {
            return true;
        }
        if mine.contains(text) && !other.contains(text) {
            return true;
        }
        let (t, m, o) = (
            text.to_lowercase(),
            mine.to_lowercase(),
            other.to_lowercase(),
        );
        m.contains(&t) && !o.contains(&t)
    };
    let kind_words: HashMap<&str, &[&str]> = HashMap::from([
        ("spelling", &["spell", "name"][..]),
        ("name", &["name", "spell", "entity"][..]),
        ("number", &["number", "numer", "quantity"][..]),
        ("date", &["date", "day", "time"][..]),
        ("quote", &["quot"][..]),
        ("claim", &["claim", "contradict", "fact"][..]),
        (
            "wording",
            &["word", "paraphras", "substitut", "synonym"][..],
        ),
    ]);
    let vlist = variants.as_array().expect("variants");
    let (mut found, mut kind_ok, mut missed_variants) = (0, 0, Vec::new());
    for var in vlist {
        let forms: Vec<(String, HashSet<usize>)> = var["forms"]
            .as_object()
            .expect("forms")
            .iter()
            .map(|(f, vs)| {
                (
                    f.clone(),
                    vs.as_array().expect("vs").iter().map(u).collect(),
                )
            })
            .collect();
        let wher: HashSet<Line> = var["where"]
            .as_array()
            .expect("where")
            .iter()
            .map(|w| (u(&w["v"]), u(&w["line"])))
            .collect();
        let mut kinds = HashSet::new();
        for c in changes {
            let r = u(&c["row"]);
            if r >= row_lines.len() {
                continue;
            }
            let (vi, va) = (vmap[u(&c["version"])], vmap[u(&c["against"])]);
            let old = c["old"].as_str().unwrap_or("").trim();
            let new = c["new"].as_str().unwrap_or("").trim();
            if (old.is_empty() && new.is_empty()) || !row_lines[r].iter().any(|l| wher.contains(l))
            {
                continue;
            }
            let hit = forms.iter().any(|(fa, va_set)| {
                forms.iter().any(|(fb, vb_set)| {
                    fa != fb
                        && va_set.contains(&va)
                        && vb_set.contains(&vi)
                        && part(old, fa, fb)
                        && part(new, fb, fa)
                })
            });
            if hit {
                kinds.insert(c["kind"].as_str().unwrap_or("").to_lowercase());
            }
        }
        if kinds.is_empty() {
            missed_variants.push(
                forms
                    .iter()
                    .map(|(f, _)| f.as_str())
                    .collect::<Vec<_>>()
                    .join(" / "),
            );
        } else {
            found += 1;
            let accepted = kind_words
                .get(var["kind"].as_str().unwrap_or(""))
                .copied()
                .unwrap_or(&[]);
            if kinds.iter().any(|k| accepted.iter().any(|w| k.contains(w))) {
                kind_ok += 1;
            }
        }
    }
    Scores {
        link_p,
        link_r,
        link_f1,
        bp_p,
        bp_r,
        bp_f1,
        variants_found: found,
        variants_total: vlist.len(),
        kind_ok,
        bad_row_pairs,
        missed_links,
        wrong_links,
        missed_variants,
    }
}

/// The kinds a reader acts on: their precision is scored against judged changes.
const SCORED_KINDS: [&str; 8] = [
    "claim",
    "number",
    "number_form",
    "date",
    "name",
    "name_spelling",
    "attribution",
    "quote",
];

/// Kind precision of `pred` against judged changes (`seeds-kinds.json`), as
/// the shared scorer computes it: every distinct change of a scored kind is
/// looked up by its old/new text (either way round); right when its kind is
/// accepted and the pair is a real pair.
#[derive(Debug, Default)]
pub struct KindPrecision {
    /// (kind, old, new) judged right.
    pub right: Vec<(String, String, String)>,
    /// (kind, old, new, why) judged wrong.
    pub wrong: Vec<(String, String, String, String)>,
    /// (kind, old, new) with no judgement yet.
    pub unjudged: Vec<(String, String, String)>,
}

impl KindPrecision {
    /// right / judged (1 when nothing was judged).
    pub fn precision(&self) -> f64 {
        let judged = self.right.len() + self.wrong.len();
        if judged == 0 {
            1.0
        } else {
            self.right.len() as f64 / judged as f64
        }
    }
}

/// Scores the kinds of `pred` against `judged`.
pub fn kind_precision(judged: &Value, pred: &Value) -> KindPrecision {
    let mut table: HashMap<(String, String), (Vec<String>, bool, String)> = HashMap::new();
    for j in judged["judged"].as_array().expect("judged") {
        let s = |k: &str| j[k].as_str().unwrap_or("").trim().to_string();
        let accept = j["accept"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let paired = j["pairing_ok"].as_bool().unwrap_or(true);
        table.insert((s("old"), s("new")), (accept, paired, s("why")));
    }
    let mut out = KindPrecision::default();
    let mut seen: HashSet<(String, String, String)> = HashSet::new();
    for c in pred["changes"].as_array().expect("changes") {
        let kind = c["kind"].as_str().unwrap_or("").to_lowercase();
        if !SCORED_KINDS.contains(&kind.as_str()) {
            continue;
        }
        let old = c["old"].as_str().unwrap_or("").trim().to_string();
        let new = c["new"].as_str().unwrap_or("").trim().to_string();
        if seen.contains(&(kind.clone(), old.clone(), new.clone()))
            || seen.contains(&(kind.clone(), new.clone(), old.clone()))
        {
            continue;
        }
        seen.insert((kind.clone(), old.clone(), new.clone()));
        let hit = table
            .get(&(old.clone(), new.clone()))
            .or_else(|| table.get(&(new.clone(), old.clone())));
        match hit {
            None => out.unjudged.push((kind, old, new)),
            Some((accept, paired, why)) => {
                if *paired && accept.contains(&kind) {
                    out.right.push((kind, old, new));
                } else {
                    out.wrong.push((kind, old, new, why.clone()));
                }
            }
        }
    }
    out
}
