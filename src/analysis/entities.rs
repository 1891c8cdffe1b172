//! Names and their spellings: every name the versions' stories use, grouped by
//! transliteration-aware letters (see `diff::kind::same_name`), with each
//! spelling and the versions that write it so.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::compare::Comparison;
use crate::diff::{kind, names, tokens};
use crate::model::ParagraphKind;

/// One spelling of a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Form {
    /// As written (without a possessive ending).
    pub text: String,
    /// Versions that write it so.
    pub versions: Vec<usize>,
    /// How many times, in all.
    pub count: usize,
}

/// One name and its spellings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Its spellings, the most used first.
    pub forms: Vec<Form>,
    /// Whether its spellings differ in letters (not only in case).
    pub variants: bool,
}

/// Every name, those spelled in more than one way first, then by use.
#[must_use]
pub fn entities(cmp: &Comparison) -> Vec<Entity> {
    // form text -> (versions, count)
    let mut forms: BTreeMap<String, (BTreeSet<usize>, usize)> = BTreeMap::new();
    for (v, ver) in cmp.versions.iter().enumerate() {
        for p in ver
            .paragraphs
            .iter()
            .filter(|p| p.kind != ParagraphKind::Boilerplate)
        {
            // Only where the words are: no matching keys needed here.
            let toks = tokens::spans(&p.text);
            for t in toks.iter().filter(|t| names::is_name(&p.text, t)) {
                let word = names::bare(&p.text[t.span.clone()]).to_string();
                let e = forms.entry(word).or_default();
                e.0.insert(v);
                e.1 += 1;
            }
        }
    }
    let list: Vec<(String, BTreeSet<usize>, usize)> =
        forms.into_iter().map(|(k, (vs, c))| (k, vs, c)).collect();
    let keys: Vec<String> = list.iter().map(|(t, _, _)| kind::name_key(t)).collect();
    // Union forms that are the same name; only within a bucket of the same first
    // letter of the folded key, which keeps this far from all pairs.
    let mut parent: Vec<usize> = (0..list.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut buckets: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (i, k) in keys.iter().enumerate() {
        if let Some(c) = k.chars().next() {
            buckets.entry(c).or_default().push(i);
        }
    }
    for members in buckets.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let derived = keys[i] != keys[j]
                    && (keys[i].starts_with(&keys[j]) || keys[j].starts_with(&keys[i]));
                if !derived && kind::same_name_keys(&keys[i], &keys[j]) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri] = rj;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..list.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Entity> = groups
        .into_values()
        .map(|members| {
            let mut forms: Vec<Form> = members
                .iter()
                .map(|&i| Form {
                    text: list[i].0.clone(),
                    versions: list[i].1.iter().copied().collect(),
                    count: list[i].2,
                })
                .collect();
            forms.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
            let folded: BTreeSet<String> = forms.iter().map(|f| f.text.to_lowercase()).collect();
            Entity {
                variants: folded.len() > 1,
                forms,
            }
        })
        .collect();
    let uses = |e: &Entity| e.forms.iter().map(|f| f.count).sum::<usize>();
    out.sort_by(|a, b| {
        b.variants
            .cmp(&a.variants)
            .then_with(|| uses(b).cmp(&uses(a)))
            .then_with(|| a.forms[0].text.cmp(&b.forms[0].text))
    });
    out
}
