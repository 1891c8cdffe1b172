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

use serde::{Deserialize, Serialize};

use crate::align::similarity::{Node, SimilarityIndex};
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
    rules: Vec<Rule>,
    counterpart_min_similarity: f32,
}

/// A config pattern that is not a valid regular expression.
#[derive(Debug, thiserror::Error)]
#[error("boilerplate pattern '{pattern}': {source}")]
pub struct PatternError {
    /// The pattern as written.
    pub pattern: String,
    /// What the regex compiler said.
    #[source]
    pub source: regex::Error,
}

/// Why a paragraph looks like furniture before cross-version evidence is weighed.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Flag {
    None,
    Weak(String),
    Strong(String),
}

impl Classifier {
    /// Compiles the configured rules.
    ///
    /// # Errors
    /// When a user pattern is not a valid regular expression.
    pub fn new(cfg: &BoilerplateConfig) -> Result<Self, PatternError> {
        let mut rules = Vec::new();
        for (list, strength) in [
            (&cfg.patterns, Strength::Strong),
            (&cfg.weak_patterns, Strength::Weak),
        ] {
            for p in list {
                let rule = rules::compile("config pattern", strength, p).map_err(|source| {
                    PatternError {
                        pattern: p.clone(),
                        source,
                    }
                })?;
                rules.push(rule);
            }
        }
        if cfg.built_in_rules {
            rules.extend(rules::built_in());
        }
        Ok(Self {
            rules,
            counterpart_min_similarity: cfg.counterpart_min_similarity,
        })
    }

    /// Sets `kind` and `reason` of every paragraph of every version.
    pub fn classify(&self, versions: &mut [Version]) {
        let flags: Vec<Vec<Flag>> = versions.iter().map(|v| self.flags(v)).collect();
        let counterpart = self.counterparts(versions, &flags);
        for (v, ver) in versions.iter_mut().enumerate() {
            decide(ver, &flags[v], &counterpart[v]);
        }
    }

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
        let mut seen = std::collections::HashMap::new();
        for l in &loose {
            *seen.entry(l.as_str()).or_insert(0usize) += 1;
        }
        folded
            .iter()
            .zip(&loose)
            .map(|(f, l)| {
                let words = l.split_whitespace().count();
                if let Some(rule) = rules::first_match(&self.rules, f) {
                    return match rule.strength {
                        Strength::Strong => Flag::Strong(rule.name.clone()),
                        Strength::Weak => Flag::Weak(rule.name.clone()),
                    };
                }
                if words <= 12 && seen.get(l.as_str()).copied().unwrap_or(0) > 1 {
                    return Flag::Strong("repeated line".into());
                }
                let starts_lower = f.chars().next().is_some_and(char::is_lowercase);
                if words <= 3 && (!ends_like_sentence(f) || starts_lower) {
                    return Flag::Weak("fragment".into());
                }
                if words <= 6 && !ends_like_sentence(f) {
                    return Flag::Weak("label".into());
                }
                Flag::None
            })
            .collect()
    }

    /// Whether each paragraph has a story-like counterpart in another version: a
    /// similar paragraph there, sharing three terms, or two when this paragraph
    /// holds a good share of it (so a two-word label is no counterpart of a long
    /// paragraph that happens to name the same place).
    fn counterparts(&self, versions: &[Version], flags: &[Vec<Flag>]) -> Vec<Vec<bool>> {
        let mut nodes = Vec::new();
        let mut texts = Vec::new();
        for (v, ver) in versions.iter().enumerate() {
            for p in &ver.paragraphs {
                nodes.push(Node {
                    version: v,
                    para: p.id,
                });
                texts.push(p.text.as_str());
            }
        }
        let index = SimilarityIndex::build(nodes, &texts);
        let mut out: Vec<Vec<bool>> = versions
            .iter()
            .map(|v| vec![false; v.paragraphs.len()])
            .collect();
        for (i, node) in index.nodes.iter().enumerate() {
            out[node.version][node.para] = index.candidates[i].iter().any(|c| {
                let o = index.nodes[c.other];
                c.sim >= self.counterpart_min_similarity
                    && (c.shared_terms >= 3 || (c.shared_terms >= 2 && c.contains >= 0.3))
                    && flags[o.version][o.para] == Flag::None
            });
        }
        out
    }
}

/// Ends with sentence punctuation, possibly followed by closing quotes or brackets.
fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ')' | ']'));
    t.ends_with(['.', '!', '?', ':', ';'])
}

fn decide(ver: &mut Version, flags: &[Flag], counterpart: &[bool]) {
    let n = ver.paragraphs.len();
    let mut reason: Vec<Option<String>> = flags
        .iter()
        .zip(counterpart)
        .map(|(f, &has)| match f {
            Flag::Strong(r) => Some(r.clone()),
            Flag::Weak(r) if !has => Some(r.clone()),
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
    // The story zone: from the first to the last paragraph other versions share.
    let shared: Vec<usize> = (0..n)
        .filter(|&i| counterpart[i] && reason[i].is_none())
        .collect();
    let (first, last) = match (shared.first(), shared.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (n, n),
    };
    // Headline: the first remaining paragraph, if it is title-shaped and story follows.
    let head = (0..n).find(|&i| reason[i].is_none());
    let mut headline = None;
    if let Some(h) = head {
        let t = text::fold(ver.paragraphs[h].text.trim());
        let words = t.split_whitespace().count();
        if (3..=20).contains(&words) && !t.ends_with('.') && h < last {
            headline = Some(h);
        }
    }
    let outside = |i: usize| i < first || i > last;
    let mut tail_run = 0;
    for i in 0..n {
        if reason[i].is_none() && Some(i) != headline && outside(i) && !counterpart[i] {
            let t = text::fold(ver.paragraphs[i].text.trim());
            let words = t.split_whitespace().count();
            // Before the story a full sentence of eight words or more is a lede
            // of this version's own, not furniture; after it, short lines are
            // more often credits and teasers.
            let short = if i < first { words < 8 } else { words <= 12 };
            if !ends_like_sentence(&t) || short || (i > last && tail_run >= 2) {
                reason[i] = Some(
                    if i > last {
                        "after the story"
                    } else {
                        "before the story"
                    }
                    .into(),
                );
            }
        }
        if i > last {
            tail_run = if reason[i].is_some() { tail_run + 1 } else { 0 };
        }
    }
    // Outside the story, an unshared paragraph between two pieces of furniture is
    // furniture too (an appeal's middle sentence, a teaser between its counters).
    for i in 1..n.saturating_sub(1) {
        if reason[i].is_none()
            && !counterpart[i]
            && outside(i)
            && Some(i) != headline
            && reason[i - 1].is_some()
            && reason[i + 1].is_some()
        {
            reason[i] = Some("between page furniture".into());
        }
    }
    for (i, p) in ver.paragraphs.iter_mut().enumerate() {
        if Some(i) == headline {
            p.kind = ParagraphKind::Headline;
            p.reason = Some("title-like first paragraph".into());
        } else if let Some(r) = reason[i].take() {
            p.kind = ParagraphKind::Boilerplate;
            p.reason = Some(r);
        } else {
            p.kind = ParagraphKind::Story;
            p.reason = None;
        }
    }
}
