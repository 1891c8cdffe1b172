//! The stories of a collection, listed: size, sources, dates, headline, and
//! their JSON form.
//!
//! A story is a list of articles. For a plain collection the stories come from
//! [`super::group`]; for passim's output they are passim's own clusters
//! ([`by_cluster`]), so wirediff lists what passim found, and can also regroup
//! the passages itself to compare. Either way every article is in exactly one
//! story, singletons included, and stories are numbered in the order listed:
//! that number opens one (`wirediff stories PATH --open N`).

use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

use serde::Serialize;

use super::{Collection, Skipped};
use crate::sanitize;

/// Version of the JSON written by [`write_json`].
pub const SCHEMA_VERSION: u32 = 1;

/// Words of the first text shown when no article of a story has a title.
const HEADLINE_WORDS: usize = 12;

/// One story as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Story {
    /// Position in the list (what `--open` takes).
    pub number: usize,
    /// How many articles.
    pub size: usize,
    /// The articles' ids, in collection order.
    pub members: Vec<String>,
    /// The distinct sources (`series`) of its articles, sorted.
    pub sources: Vec<String>,
    /// The earliest date given, as written.
    pub first_date: Option<String>,
    /// The latest date given, as written.
    pub last_date: Option<String>,
    /// A title of one of its articles, or the first words of the first one.
    pub headline: String,
    /// passim's cluster, for passim's output listed as passim grouped it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Indices of the articles in the collection (not in the JSON: ids are).
    #[serde(skip)]
    pub indices: Vec<usize>,
}

/// passim's clusters as groups of article indices: in order of first
/// appearance, largest first (ties in that order).
#[must_use]
pub fn by_cluster(collection: &Collection) -> Vec<Vec<usize>> {
    let mut order: Vec<&str> = Vec::new();
    let mut members: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, a) in collection.articles.iter().enumerate() {
        let key = a.cluster.as_deref().unwrap_or_default();
        members
            .entry(key)
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(i);
    }
    let mut out: Vec<Vec<usize>> = order
        .into_iter()
        .filter_map(|k| members.remove(k))
        .collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// The stories of `groups` (indices into the collection), described.
#[must_use]
pub fn describe(collection: &Collection, groups: &[Vec<usize>]) -> Vec<Story> {
    groups
        .iter()
        .enumerate()
        .map(|(number, g)| {
            let articles: Vec<_> = g
                .iter()
                .filter_map(|&i| collection.articles.get(i))
                .collect();
            let sources: BTreeSet<&str> = articles
                .iter()
                .filter_map(|a| a.series.as_deref())
                .collect();
            let dates: BTreeSet<&str> = articles.iter().filter_map(|a| a.date.as_deref()).collect();
            let headline = articles
                .iter()
                .find_map(|a| a.title.as_deref().filter(|t| !t.trim().is_empty()))
                .map(|t| one_line(t, usize::MAX))
                .or_else(|| articles.first().map(|a| one_line(&a.text, HEADLINE_WORDS)))
                .unwrap_or_default();
            let cluster = articles.first().and_then(|a| a.cluster.clone());
            Story {
                number,
                size: articles.len(),
                members: articles.iter().map(|a| a.id.clone()).collect(),
                sources: sources.into_iter().map(str::to_string).collect(),
                first_date: dates.first().map(|d| (*d).to_string()),
                last_date: dates.last().map(|d| (*d).to_string()),
                headline,
                cluster,
                indices: g.clone(),
            }
        })
        .collect()
}

/// The first `words` words of `text` on one line, `…` when cut.
fn one_line(text: &str, words: usize) -> String {
    let mut it = text.split_whitespace();
    let head: Vec<&str> = it.by_ref().take(words).collect();
    let mut s = head.join(" ");
    if it.next().is_some() {
        s.push('\u{2026}');
    }
    s
}

/// The JSON document of a listing.
#[derive(Serialize)]
struct Listing<'a> {
    schema_version: u32,
    /// Articles read.
    articles: usize,
    /// Whether the stories are passim's clusters.
    passim_clusters: bool,
    stories: &'a [Story],
    skipped: Vec<SkippedDto<'a>>,
}

#[derive(Serialize)]
struct SkippedDto<'a> {
    path: &'a str,
    reason: &'a str,
}

/// Writes the listing as JSON: `{"schema_version": 1, "articles": N,
/// "passim_clusters": bool, "stories": [{"number", "size", "members": [ids…],
/// "sources", "first_date", "last_date", "headline", "cluster"?}…],
/// "skipped": [{"path", "reason"}…]}`.
///
/// # Errors
/// Writing failed.
pub fn write_json(
    collection: &Collection,
    stories: &[Story],
    passim_clusters: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let listing = Listing {
        schema_version: SCHEMA_VERSION,
        articles: collection.articles.len(),
        passim_clusters,
        stories,
        skipped: collection
            .skipped
            .iter()
            .map(|s: &Skipped| SkippedDto {
                path: &s.path,
                reason: &s.reason,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &listing)?;
    writeln!(out)
}

/// Writes the listing as a table for people: one line per story, then how many
/// files were skipped. Text from the articles is made safe for a terminal.
///
/// # Errors
/// Writing failed.
pub fn write_table(
    collection: &Collection,
    stories: &[Story],
    out: &mut impl Write,
) -> io::Result<()> {
    let multi = stories.iter().filter(|s| s.size > 1).count();
    writeln!(
        out,
        "{} stories from {} articles ({} with more than one article)",
        stories.len(),
        collection.articles.len(),
        multi
    )?;
    writeln!(
        out,
        "{:>5}  {:>4}  {:<16}  {:<23}  headline",
        "#", "size", "sources", "dates"
    )?;
    for s in stories {
        let sources = clip(&s.sources.join(","), 16);
        let dates = match (&s.first_date, &s.last_date) {
            (Some(a), Some(b)) if a == b => a.clone(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{:>5}  {:>4}  {:<16}  {:<23}  {}",
            s.number,
            s.size,
            sanitize::terminal(&sources, false),
            sanitize::terminal(&clip(&dates, 23), false),
            sanitize::terminal(&s.headline, false)
        )?;
    }
    if !collection.skipped.is_empty() {
        // Why, by reason (binary evidence and file types folded into their kind).
        let mut why: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for s in &collection.skipped {
            let kind = s.reason.split(" (").next().unwrap_or(&s.reason);
            *why.entry(kind).or_default() += 1;
        }
        let why: Vec<String> = why.iter().map(|(k, n)| format!("{n} {k}")).collect();
        writeln!(
            out,
            "{} files skipped as not articles: {}",
            collection.skipped.len(),
            sanitize::terminal(&why.join(", "), false)
        )?;
    }
    Ok(())
}

/// At most `n` characters, `…` when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('\u{2026}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::Article;

    fn article(id: &str, series: &str, date: &str, text: &str, cluster: Option<&str>) -> Article {
        Article {
            id: id.into(),
            series: Some(series.into()),
            date: Some(date.into()),
            text: text.into(),
            cluster: cluster.map(Into::into),
            ..Article::default()
        }
    }

    #[test]
    fn stories_are_described() {
        let c = Collection {
            articles: vec![
                article("a", "JDG", "1900-08-23", "ZOUG. — M. Weber", None),
                article(
                    "b",
                    "GDL",
                    "1900-08-22",
                    "ZOÙG. — M. Weber, vice-président du Conseil d'Etat, auquel on reprochait certaines",
                    None,
                ),
                article("c", "GDL", "1900-01-01", "Other", None),
            ],
            skipped: vec![],
        };
        let s = describe(&c, &[vec![0, 1], vec![2]]);
        assert_eq!(s[0].members, ["a", "b"]);
        assert_eq!(s[0].sources, ["GDL", "JDG"]);
        assert_eq!(s[0].first_date.as_deref(), Some("1900-08-22"));
        assert_eq!(s[0].last_date.as_deref(), Some("1900-08-23"));
        assert_eq!(s[0].headline, "ZOUG. — M. Weber");
        assert_eq!((s[1].number, s[1].size), (1, 1));
        let mut json = Vec::new();
        write_json(&c, &s, false, &mut json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v["stories"][0]["members"][1], "b");
        assert_eq!(v["stories"][1]["size"], 1);
        assert!(v["stories"][0].get("cluster").is_none());
        let mut table = Vec::new();
        write_table(&c, &s, &mut table).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(table.starts_with("2 stories from 3 articles (1 with more than one article)"));
        assert!(table.contains("1900-08-22..1900-08-23"));
    }

    #[test]
    fn table_counts_skipped_files_by_reason() {
        let skipped = |path: &str, reason: &str| Skipped {
            path: path.into(),
            reason: reason.into(),
        };
        let c = Collection {
            articles: vec![article("a", "S", "d", "Text.", None)],
            skipped: vec![
                skipped("g.json", "JSON data"),
                skipped("x.bin", "binary (NUL at byte 0)"),
                skipped("h.json", "JSON data"),
            ],
        };
        let mut table = Vec::new();
        write_table(&c, &describe(&c, &[vec![0]]), &mut table).unwrap();
        let table = String::from_utf8(table).unwrap();
        assert!(
            table.ends_with("3 files skipped as not articles: 2 JSON data, 1 binary\n"),
            "{table}"
        );
    }

    #[test]
    fn long_text_headline_is_cut_and_titles_win() {
        let mut a = article("a", "S", "d", &"word ".repeat(30), None);
        let c = Collection {
            articles: vec![a.clone()],
            skipped: vec![],
        };
        assert!(describe(&c, &[vec![0]])[0].headline.ends_with('\u{2026}'));
        a.title = Some("A title".into());
        let c = Collection {
            articles: vec![a],
            skipped: vec![],
        };
        assert_eq!(describe(&c, &[vec![0]])[0].headline, "A title");
    }

    #[test]
    fn passim_clusters_group_by_cluster_largest_first() {
        let c = Collection {
            articles: vec![
                article("1", "A", "d", "t", Some("9")),
                article("2", "B", "d", "t", Some("4")),
                article("3", "A", "d", "t", Some("4")),
            ],
            skipped: vec![],
        };
        assert_eq!(by_cluster(&c), vec![vec![1, 2], vec![0]]);
        assert_eq!(
            describe(&c, &by_cluster(&c))[0].cluster.as_deref(),
            Some("4")
        );
    }
}
