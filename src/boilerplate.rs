//! Boilerplate: marking the paragraphs of scraped text that are not the story.
//!
//! Evidence, in order of trust:
//! 1. strong pattern rules ([`rules`]): ads, media embeds, captions and credits,
//!    cookie and subscription text, comment furniture, embedded posts;
//! 2. repetition: a short paragraph printed twice in one version is furniture;
//! 3. weak rules and shape (fragments, labels, timestamps), which count only when
//!    no other version carries the paragraph as story;
//! 4. position: outside the span of paragraphs that other versions share, text
//!    with no counterpart and no sentence shape is page furniture, and once a run
//!    of furniture starts after the story, the page tail stays furniture.
//!
//! Nothing is deleted: a paragraph's `kind` becomes `Boilerplate` with a `reason`.
//! The first title-like paragraph before the story becomes the `Headline`.

pub mod rules;
pub mod shape;

use serde::{Deserialize, Serialize};

use crate::align::features::Terms;
use crate::align::similarity::{Node, Search};
use crate::model::{ParagraphKind, Version};
use crate::text;
use rules::{Rule, Strength};

/// Boilerplate settings (the `[boilerplate]` table of the config file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BoilerplateConfig {
    /// Extra patterns (regular expressions, case-insensitive) that mark a paragraph
    /// as boilerplate whatever the other versions say.
    pub patterns: Vec<String>,
    /// Extra patterns that mark a paragraph only when no other version carries it.
    pub weak_patterns: Vec<String>,
    /// Use the built-in rules (turn off to rely on your own patterns only).
    pub built_in_rules: bool,
    /// A paragraph has a counterpart when another version has one this similar.
    #[serde(deserialize_with = "crate::config::share")]
    pub counterpart_min_similarity: f32,
}

impl Default for BoilerplateConfig {
    fn default() -> Self {
        Self {
            patterns: Vec::new(),
            weak_patterns: Vec::new(),
            built_in_rules: true,
            counterpart_min_similarity: 0.3,
        }
    }
}

/// Compiled rules plus thresholds.
#[derive(Debug, Clone)]
pub struct Classifier {
    /// The user's rules, compiled (and so checked) when the classifier is made.
    user_rules: Vec<Rule>,
    /// Whether the built-in rules apply.
    built_in_rules: bool,
    /// The built-in rules, compiled on first use: compiling them is a good
    /// part of a short story's run, and [`Classifier::classify`] does it while
    /// the similarity index is being built.
    built_in: std::sync::OnceLock<Vec<Rule>>,
    counterpart_min_similarity: f32,
}

/// A config pattern that is not a valid regular expression.
#[derive(Debug, thiserror::Error)]
// The reason is part of the message and deliberately not `source()`: a caller
// printing the chain (`{:#}`) would show it twice.
#[error("boilerplate pattern '{pattern}': {}", one_line(reason))]
pub struct PatternError {
    /// The pattern as written.
    pub pattern: String,
    /// What the regex compiler said.
    pub reason: regex::Error,
}

/// The regex compiler's message as one line: a syntax error is several (the
/// pattern, a caret under the fault, then `error: …`); the last says what is wrong.
fn one_line(e: &regex::Error) -> String {
    let text = e.to_string();
    text.lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .map_or_else(
            || text.split_whitespace().collect::<Vec<_>>().join(" "),
            str::to_string,
        )
}

/// Why a paragraph looks like furniture before cross-version evidence is weighed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Flag {
    None,
    /// Shaped like a label or a fragment ("Detours and delays", "here"): never
    /// hidden for its shape alone (a subhead looks the same), only when it sits
    /// in a run of furniture.
    Shape(&'static str),
    Weak(String),
    Strong(String),
}

impl Flag {
    /// Evidence of furniture from the paragraph's own text (patterns, byline,
    /// repetition), as opposed to its shape.
    fn is_evidence(&self) -> bool {
        matches!(self, Flag::Weak(_) | Flag::Strong(_))
    }
}

impl Classifier {
    /// Compiles the configured rules.
    ///
    /// # Errors
    /// When a user pattern is not a valid regular expression.
    pub fn new(cfg: &BoilerplateConfig) -> Result<Self, PatternError> {
        let mut user_rules = Vec::new();
        for (list, strength) in [
            (&cfg.patterns, Strength::Strong),
            (&cfg.weak_patterns, Strength::Weak),
        ] {
            for p in list {
                let rule = rules::compile("config pattern", strength, p).map_err(|reason| {
                    PatternError {
                        pattern: p.clone(),
                        reason,
                    }
                })?;
                user_rules.push(rule);
            }
        }
        Ok(Self {
            user_rules,
            built_in_rules: cfg.built_in_rules,
            built_in: std::sync::OnceLock::new(),
            counterpart_min_similarity: cfg.counterpart_min_similarity,
        })
    }

    /// The built-in rules, compiled on the first call (outside the lock, as
    /// [`rules::built_in`] explains: compiling runs on the thread pool).
    fn built_in_rules(&self) -> &[Rule] {
        if let Some(rules) = self.built_in.get() {
            return rules;
        }
        let compiled = rules::built_in();
        self.built_in.get_or_init(|| compiled)
    }

    /// The first rule, the user's before the built-in ones, that matches `folded`.
    fn first_match(&self, folded: &str) -> Option<&Rule> {
        let built_in: &[Rule] = if self.built_in_rules {
            self.built_in_rules()
        } else {
            &[]
        };
        rules::first_match(&self.user_rules, folded)
            .or_else(|| rules::first_match(built_in, folded))
    }

    /// Sets `kind` and `reason` of every paragraph of every version.
    pub fn classify(&self, versions: &mut [Version]) {
        drop(self.classify_keeping_terms(versions));
    }

    /// [`Classifier::classify`], handing back the matching terms of every
    /// paragraph it found on the way, for the aligner to index the
    /// paragraphs it keeps by (see [`crate::align::align_reusing`]).
    pub fn classify_keeping_terms(&self, versions: &mut [Version]) -> Terms {
        use rayon::prelude::*;
        // Compiling the rules and building the term search need nothing of
        // each other: both at once. The rules are compiled before any
        // version asks for them: a version's task waiting on the compile
        // would hold a worker that could help with it.
        let ((), (search, terms)) = rayon::join(
            || {
                if self.built_in_rules {
                    self.built_in_rules();
                }
            },
            || Self::search(versions),
        );
        let flags: Vec<Vec<Flag>> = versions.par_iter().map(|v| self.flags(v)).collect();
        let mut start = Vec::with_capacity(versions.len());
        let mut next = 0;
        for v in versions.iter() {
            start.push(next);
            next += v.paragraphs.len();
        }
        versions.par_iter_mut().enumerate().for_each(|(v, ver)| {
            let mut counterparts = Counterparts {
                search: &search,
                flags: &flags,
                first: start[v],
                min_similarity: self.counterpart_min_similarity,
                known: vec![None; ver.paragraphs.len()],
                scratch: Vec::new(),
            };
            decide(ver, &flags[v], &mut counterparts);
        });
        terms
    }

    /// Flags of each paragraph of `ver` by its own text: rules, shape and
    /// repetition within the version.
    fn flags(&self, ver: &Version) -> Vec<Flag> {
        let folded: Vec<String> = ver
            .paragraphs
            .iter()
            .map(|p| text::fold(p.text.trim()))
            .collect();
        let loose: Vec<String> = ver
            .paragraphs
            .iter()
            .map(|p| text::fold_loose(&p.text))
            .collect();
        let mut count = std::collections::HashMap::new();
        for l in &loose {
            *count.entry(l.as_str()).or_insert(0usize) += 1;
        }
        let mut seen = std::collections::HashSet::new();
        // A page's extraction already said what is furniture: its verdict
        // stands as strong evidence (the rules below may still add to it).
        let extracted = ver.metadata.is_some();
        folded
            .iter()
            .zip(&loose)
            .zip(&ver.paragraphs)
            .map(|((f, l), p)| {
                if extracted && p.kind == ParagraphKind::Boilerplate {
                    return Flag::Strong(
                        p.reason.clone().unwrap_or_else(|| "page furniture".into()),
                    );
                }
                let words = l.split_whitespace().count();
                let first_copy = seen.insert(l.as_str());
                if let Some(rule) = self.first_match(f) {
                    return match rule.strength {
                        Strength::Strong => Flag::Strong(rule.name.clone()),
                        Strength::Weak => Flag::Weak(rule.name.clone()),
                    };
                }
                if shape::is_byline(f) {
                    return Flag::Strong("byline".into());
                }
                // A short line printed twice is furniture, but its first copy may
                // be the headline (a page's title and its heading) or a sentence
                // quoted again as a pull quote: only later copies go, unless the
                // line is a mere label.
                let repeated = words <= 12 && count.get(l.as_str()).copied().unwrap_or(0) > 1;
                // A clause that runs on into the next line ("And he said unto
                // them,") is text repeated by the story itself, not furniture.
                let clause = words >= 4 && f.trim_end().ends_with([',', ';']);
                if repeated
                    && !clause
                    && (!first_copy || (words <= 3 && !shape::is_story_shaped(f)))
                {
                    return Flag::Strong("repeated line".into());
                }
                if shape::is_story_shaped(f) {
                    return Flag::None;
                }
                let starts_lower = f.chars().next().is_some_and(char::is_lowercase);
                if words <= 3 && (!text::ends_like_sentence(f) || starts_lower) {
                    return Flag::Shape("fragment");
                }
                if shape::is_label(f, 6) {
                    return Flag::Shape("label");
                }
                Flag::None
            })
            .collect()
    }

    /// The candidate search over every paragraph of every version, and the
    /// matching terms it was built from (for the aligner to reuse).
    fn search(versions: &[Version]) -> (Search, Terms) {
        let terms = Terms::of(versions);
        let mut nodes = Vec::new();
        let mut of_node: Vec<&[String]> = Vec::new();
        for (v, ver) in versions.iter().enumerate() {
            for p in &ver.paragraphs {
                nodes.push(Node {
                    version: v,
                    para: p.id,
                });
                of_node.push(terms.get(v, p.id).unwrap_or_default());
            }
        }
        let search = Search::from_terms(nodes, &of_node);
        (search, terms)
    }
}

/// Whether a paragraph of one version has a story-like counterpart in
/// another: a similar paragraph there that its own text does not flag as
/// furniture, sharing three terms, or two when this paragraph holds a good
/// share of it (so a two-word label is no counterpart of a long paragraph
/// that happens to name the same place).
///
/// Found on demand and remembered: the verdict needs it only for the
/// paragraphs a weak rule or shape flags, and for the first and last shared
/// paragraphs (the story zone), so a long text is not searched paragraph by
/// paragraph twice (once here, once by the aligner).
struct Counterparts<'a> {
    search: &'a Search,
    flags: &'a [Vec<Flag>],
    /// The search's node of this version's first paragraph.
    first: usize,
    min_similarity: f32,
    known: Vec<Option<bool>>,
    scratch: Vec<f32>,
}

impl Counterparts<'_> {
    fn has(&mut self, para: usize) -> bool {
        if let Some(known) = self.known[para] {
            return known;
        }
        if self.scratch.is_empty() {
            self.scratch = self.search.scratch();
        }
        let found = self
            .search
            .candidates(self.first + para, &mut self.scratch)
            .iter()
            .any(|c| {
                let o = self.search.nodes[c.other];
                c.sim >= self.min_similarity
                    && (c.shared_terms() >= 3 || (c.shared_terms() >= 2 && c.contains >= 0.3))
                    && !self.flags[o.version][o.para].is_evidence()
            });
        self.known[para] = Some(found);
        found
    }
}

/// Passes of furniture propagation; each is linear, and runs longer than this
/// many alternations of label and text are not seen on real pages.
const PROPAGATION_PASSES: usize = 4;

/// Furniture found by the version's own text before a page counts as scraped:
/// below it, the version is taken for story-only text and shape decides nothing.
const PAGE_EVIDENCE: usize = 2;

fn decide(ver: &mut Version, flags: &[Flag], counterpart: &mut Counterparts<'_>) {
    let n = ver.paragraphs.len();
    let mut reason: Vec<Option<String>> = flags
        .iter()
        .enumerate()
        .map(|(i, f)| match f {
            Flag::Strong(r) => Some(r.clone()),
            Flag::Weak(r) if !counterpart.has(i) => Some(r.clone()),
            _ => None,
        })
        .collect();
    // A media title repeated on the line after its embed marker.
    for i in 1..n {
        if reason[i].is_none() && reason[i - 1].as_deref() == Some("media embed") {
            let prev = text::fold_loose(&ver.paragraphs[i - 1].text);
            let cur = text::fold_loose(&ver.paragraphs[i].text);
            if !cur.is_empty() && prev.contains(&cur) {
                reason[i] = Some("media title".into());
            }
        }
    }
    let page = reason.iter().filter(|r| r.is_some()).count() >= PAGE_EVIDENCE;
    // The story zone: from the first to the last paragraph other versions share.
    let first = (0..n).find(|&i| reason[i].is_none() && counterpart.has(i));
    let last = (0..n)
        .rev()
        .find(|&i| reason[i].is_none() && counterpart.has(i));
    let (first, last) = match (first, last) {
        (Some(f), Some(l)) => (f, l),
        _ => (n, n),
    };
    // Headline: the first paragraph that is not furniture, if it is title-shaped
    // and story follows it; on an extracted page, the one the page marks.
    let extracted = ver.metadata.is_some();
    let headline = if extracted {
        ver.paragraphs
            .iter()
            .position(|p| p.kind == ParagraphKind::Headline)
    } else {
        (0..n).find(|&i| reason[i].is_none()).filter(|&h| {
            shape::is_title_like(&text::fold(ver.paragraphs[h].text.trim()))
                && h < last
                && h + 1 < n
        })
    };
    // Furniture comes in runs (a consent banner's labels and texts, a teaser
    // list's titles and counters): a label beside furniture outside the story,
    // or unshared text between two pieces of it, belongs to the run. Quotations
    // and questions never do. Inside the story only a one-word section label on
    // a scraped page goes ("Explosion" between two paragraphs).
    let texts: Vec<String> = ver
        .paragraphs
        .iter()
        .map(|p| text::fold(p.text.trim()))
        .collect();
    // An extracted page's structure already placed its furniture: runs are
    // not extended by position there.
    let passes = if extracted { 0 } else { PROPAGATION_PASSES };
    for pass in 0..passes {
        let mut changed = false;
        let order: Box<dyn Iterator<Item = usize>> = if pass % 2 == 0 {
            Box::new(0..n)
        } else {
            Box::new((0..n).rev())
        };
        for i in order {
            if reason[i].is_some() || Some(i) == headline {
                continue;
            }
            let prev = i > 0 && reason[i - 1].is_some();
            let next = i + 1 < n && reason[i + 1].is_some();
            let outside = i < first || i > last;
            let t = &texts[i];
            let found = match flags[i] {
                Flag::Shape(r) if outside && (prev || next) => {
                    Some(format!("{r} beside page furniture"))
                }
                Flag::Shape(_) if !outside && page && shape::is_label(t, 1) => {
                    Some("section label".to_string())
                }
                Flag::None
                    if outside
                        && prev
                        && next
                        && !shape::has_quotation(t)
                        && !shape::is_question(t) =>
                {
                    Some("between page furniture".to_string())
                }
                _ => None,
            };
            // A paragraph another version shares is story wherever it stands
            // (asked last: it is the one costly question).
            if found.is_some() && !counterpart.has(i) {
                reason[i] = found;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // A file that would be furniture from end to end is what the user gave
    // to compare, not a page around a story: hiding all of it would compare
    // nothing and call two different files the same.
    if headline.is_none() && reason.iter().all(Option::is_some) {
        reason.iter_mut().for_each(|r| *r = None);
    }
    for (i, p) in ver.paragraphs.iter_mut().enumerate() {
        if Some(i) == headline {
            if p.kind != ParagraphKind::Headline {
                p.kind = ParagraphKind::Headline;
                p.reason = Some("title-like first paragraph".into());
            }
        } else if let Some(r) = reason[i].take() {
            p.kind = ParagraphKind::Boilerplate;
            p.reason = Some(r);
        } else {
            p.kind = ParagraphKind::Story;
            p.reason = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Input, ReadOptions, decode};

    #[test]
    fn a_bad_pattern_is_one_line_saying_what_is_wrong() {
        let cfg = BoilerplateConfig {
            patterns: vec!["(".into()],
            ..BoilerplateConfig::default()
        };
        let Err(e) = Classifier::new(&cfg) else {
            panic!("'(' compiled");
        };
        assert_eq!(e.to_string(), "boilerplate pattern '(': unclosed group");
    }

    /// Classifies versions given as paragraph lists; returns each version's
    /// `(kind, reason)` per paragraph.
    fn classify(versions: &[&[&str]]) -> Vec<Vec<(ParagraphKind, Option<String>)>> {
        let mut vs: Vec<Version> = versions
            .iter()
            .enumerate()
            .filter_map(|(i, paras)| {
                decode(
                    &Input {
                        path: format!("v{i}.txt"),
                        bytes: paras.join("\n\n").into_bytes(),
                        file: None,
                    },
                    &ReadOptions::default(),
                )
                .ok()
            })
            .collect();
        let Ok(c) = Classifier::new(&BoilerplateConfig::default()) else {
            return Vec::new();
        };
        c.classify(&mut vs);
        vs.iter()
            .map(|v| {
                v.paragraphs
                    .iter()
                    .map(|p| (p.kind, p.reason.clone()))
                    .collect()
            })
            .collect()
    }

    const LEDE_A: &str = "State officials closed the Marlow River bridge on Sunday after inspectors found a cracked steel beam.";
    const LEDE_B: &str = "Officials shut the Marlow River bridge on Sunday when inspectors found a cracked beam under it.";
    const MORE_A: &str = "The bridge, built in 1962, carries Route 9 across the river to Granby.";
    const MORE_B: &str = "Built in 1962, the bridge carries Route 9 over the river to Granby.";

    #[test]
    fn a_file_of_furniture_only_is_kept_whole() {
        let got = classify(&[
            &["Advertisement"],
            &["Sponsored content", "Share this article"],
        ]);
        for v in &got {
            assert!(
                v.iter().all(|(k, _)| *k != ParagraphKind::Boilerplate),
                "{got:?}"
            );
        }
    }

    #[test]
    fn a_label_in_a_run_of_furniture_after_the_story_goes() {
        let a: &[&str] = &[LEDE_A, MORE_A, "Advertisement", "Necessary", "12 Comments"];
        let b: &[&str] = &[LEDE_B, MORE_B];
        let k = classify(&[a, b]);
        assert_eq!(k[0][3].0, ParagraphKind::Boilerplate, "{:?}", k[0]);
        assert_eq!(k[0][3].1.as_deref(), Some("fragment beside page furniture"));
    }

    #[test]
    fn a_quotation_or_question_between_furniture_stays() {
        let a: &[&str] = &[
            LEDE_A,
            MORE_A,
            "Advertisement",
            "“We are not taking any chances,” Benning said.",
            "Read more: Bridges in poor condition",
            "Why now?",
            "12 Comments",
        ];
        let b: &[&str] = &[LEDE_B, MORE_B];
        let k = classify(&[a, b]);
        assert_eq!(k[0][3].0, ParagraphKind::Story, "{:?}", k[0]);
        assert_eq!(k[0][5].0, ParagraphKind::Story, "{:?}", k[0]);
    }

    #[test]
    fn unshared_text_between_furniture_outside_the_story_goes() {
        let a: &[&str] = &[
            LEDE_A,
            MORE_A,
            "Support from readers like you keeps us going.",
            "Independent news that tells the truth, every day of the year.",
            "Please consider a donation: donate today to support our journalism.",
        ];
        let b: &[&str] = &[LEDE_B, MORE_B];
        let k = classify(&[a, b]);
        assert_eq!(k[0][3].1.as_deref(), Some("between page furniture"));
    }

    #[test]
    fn subheads_and_short_sentences_of_story_only_text_stay() {
        let a: &[&str] = &[
            LEDE_A,
            "Detours and delays",
            MORE_A,
            "Background",
            "It was close.",
            "What went wrong?",
        ];
        let b: &[&str] = &[LEDE_B, MORE_B];
        let k = classify(&[a, b]);
        assert!(
            k[0].iter().all(|(kind, _)| *kind == ParagraphKind::Story),
            "{:?}",
            k[0]
        );
    }

    #[test]
    fn a_one_word_section_label_on_a_scraped_page_goes_but_a_subhead_stays() {
        let a: &[&str] = &[
            "Support from readers like you keeps us going.",
            LEDE_A,
            "Explosion",
            MORE_A,
            "Detours and delays",
            "Officials said the closure could last two weeks.",
            "Advertisement",
        ];
        let b: &[&str] = &[
            LEDE_B,
            MORE_B,
            "Officials expect the closure to last two weeks.",
        ];
        let k = classify(&[a, b]);
        assert_eq!(k[0][2].1.as_deref(), Some("section label"), "{:?}", k[0]);
        assert_eq!(k[0][4].0, ParagraphKind::Story, "{:?}", k[0]);
    }

    #[test]
    fn a_headline_printed_twice_keeps_its_first_copy() {
        let a: &[&str] = &[
            "Inspectors close Marlow River bridge",
            "Inspectors close Marlow River bridge",
            LEDE_A,
            MORE_A,
        ];
        let b: &[&str] = &["Marlow bridge shut after crack found", LEDE_B, MORE_B];
        let k = classify(&[a, b]);
        assert_eq!(k[0][0].0, ParagraphKind::Headline, "{:?}", k[0]);
        assert_eq!(k[0][1].1.as_deref(), Some("repeated line"));
        assert_eq!(k[1][0].0, ParagraphKind::Headline, "{:?}", k[1]);
    }

    #[test]
    fn a_clause_the_story_repeats_is_not_furniture() {
        let a: &[&str] = &[
            LEDE_A,
            "And the inspector said to them,",
            "Keep off the bridge until it is mended.",
            "And the inspector said to them,",
            "Use the ferry while the work goes on.",
            MORE_A,
        ];
        let b: &[&str] = &[LEDE_B, MORE_B];
        let k = classify(&[a, b]);
        assert_eq!(k[0][3].0, ParagraphKind::Story, "{:?}", k[0]);
    }
}
