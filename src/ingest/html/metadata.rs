//! What a page says about itself: title, outlet, byline, dates, canonical URL.
//!
//! Three sources, most specific first: Open Graph and `article:` properties,
//! JSON-LD (`NewsArticle`, `Article`, `BlogPosting`… and the `@graph` they
//! hide in), then plain `<meta name=…>` tags and `<title>`. A field takes the
//! first source that has it. JSON-LD is walked without recursion and to a
//! bounded size, so a hostile script costs no more than its length.

use serde_json::Value;

use super::dom::{Page, collapse};
use crate::model::Metadata;

/// Fields longer than this (in characters) are cut: a title or a name of a
/// kilobyte is noise, and labels must stay one line.
const MAX_FIELD: usize = 300;

/// JSON values looked at per script, at most.
const MAX_JSON_NODES: usize = 20_000;

/// JSON-LD types that describe the story itself.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "socialmediaposting",
    "liveblogposting",
    "scholarlyarticle",
    "techarticle",
    "report",
];

/// What JSON-LD says, and the article body it may carry.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    publisher: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    url: Option<String>,
    site_name: Option<String>,
    body: Option<String>,
}

/// The article body the page's JSON-LD gives (plain text, as written), a
/// hint of what the story is: [`super::score`] checks its choice against it.
#[must_use]
pub fn article_body(page: &Page) -> Option<String> {
    json_ld(page).body.filter(|b| !b.trim().is_empty())
}

/// The page's metadata.
#[must_use]
pub fn read(page: &Page) -> Metadata {
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            page.metas
                .iter()
                .find(|(key, v)| key == k && !v.trim().is_empty())
                .map(|(_, v)| clean(v))
        })
    };
    let ld = json_ld(page);
    let title = meta(&["og:title"])
        .or_else(|| ld.headline.clone())
        .or_else(|| meta(&["twitter:title", "dc.title", "headline"]))
        .or_else(|| page.title.as_deref().map(clean));
    let site_name = meta(&["og:site_name"])
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.site_name.clone())
        .or_else(|| {
            meta(&[
                "application-name",
                "publisher",
                "dc.publisher",
                "twitter:site",
            ])
        })
        .map(|s| s.trim_start_matches('@').to_string())
        .filter(|s| !s.is_empty());
    let byline = if ld.authors.is_empty() {
        meta(&[
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "sailthru.author",
        ])
        .filter(|a| !a.starts_with("http"))
    } else {
        Some(clean(&ld.authors.join(", ")))
    };
    let published = meta(&["article:published_time"])
        .or_else(|| ld.published.clone())
        .or_else(|| {
            meta(&[
                "datepublished",
                "pubdate",
                "publishdate",
                "dc.date",
                "date",
                "og:published_time",
            ])
        });
    let modified = meta(&["article:modified_time"])
        .or_else(|| ld.modified.clone())
        .or_else(|| meta(&["datemodified", "og:updated_time", "lastmod"]));
    let canonical_url = page
        .canonical
        .as_deref()
        .map(clean)
        .filter(|u| u.starts_with("http"))
        .or_else(|| meta(&["og:url"]))
        .or_else(|| ld.url.clone());
    let description = meta(&["og:description", "description", "twitter:description"]);
    Metadata {
        title,
        site_name,
        byline,
        published,
        modified,
        canonical_url,
        description,
        fetched_from: None,
    }
}

/// White space collapsed, cut to [`MAX_FIELD`] characters.
fn clean(s: &str) -> String {
    let c = collapse(s);
    if c.chars().count() <= MAX_FIELD {
        return c;
    }
    let mut out: String = c.chars().take(MAX_FIELD).collect();
    out.push('…');
    out
}

/// The first article-like object of the page's JSON-LD scripts, and the
/// `WebSite`/`Organization` names found beside it.
fn json_ld(page: &Page) -> JsonLd {
    let mut out = JsonLd::default();
    let mut found = false;
    for script in &page.json_ld {
        let Ok(value) = serde_json::from_str::<Value>(script.trim()) else {
            continue;
        };
        let mut stack: Vec<&Value> = vec![&value];
        let mut seen = 0usize;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > MAX_JSON_NODES {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    let types = type_names(map.get("@type"));
                    if !found && types.iter().any(|t| ARTICLE_TYPES.contains(&t.as_str())) {
                        found = true;
                        out.headline = text(map.get("headline")).or_else(|| text(map.get("name")));
                        out.publisher = name(map.get("publisher"));
                        out.authors = names(map.get("author"));
                        out.published = text(map.get("datePublished"));
                        out.modified = text(map.get("dateModified"));
                        out.url = text(map.get("url")).filter(|u| u.starts_with("http"));
                        out.body = map
                            .get("articleBody")
                            .and_then(Value::as_str)
                            .map(str::to_string);
                    } else if out.site_name.is_none() && types.iter().any(|t| t == "website") {
                        out.site_name = text(map.get("name"));
                    }
                    if let Some(g) = map.get("@graph") {
                        stack.push(g);
                    }
                    if let Some(m) = map.get("mainEntity") {
                        stack.push(m);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// `@type` as lowercase names (a string or a list of them).
fn type_names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

/// A string value, cleaned; `None` when missing or blank.
fn text(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a.first()?.as_str()?,
        _ => return None,
    };
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

/// The `name` of an object (or the string itself).
fn name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(m) => text(m.get("name")),
        Value::Array(a) => name(a.first()),
        s @ Value::String(_) => text(Some(s)),
        _ => None,
    }
}

/// The names of one or several authors.
fn names(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().take(20).filter_map(|x| name(Some(x))).collect(),
        Some(x) => name(Some(x)).into_iter().collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_first_then_json_ld_then_meta() {
        let page = Page::parse(
            r#"<html><head><title>Title tag | Outlet</title>
            <meta property="og:title" content="OG  title">
            <meta name="author" content="Meta Author">
            <link rel="canonical" href="https://news.example/story">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example News"},
              {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2021-11-07T10:00:00Z",
               "dateModified":"2021-11-07T12:00:00Z","author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
               "publisher":{"@type":"Organization","name":"Example Publisher"}}]}</script>
            </head><body></body></html>"#,
        );
        let m = read(&page);
        assert_eq!(m.title.as_deref(), Some("OG title"));
        assert_eq!(m.site_name.as_deref(), Some("Example Publisher"));
        assert_eq!(m.byline.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(m.published.as_deref(), Some("2021-11-07T10:00:00Z"));
        assert_eq!(m.modified.as_deref(), Some("2021-11-07T12:00:00Z"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://news.example/story")
        );
    }

    #[test]
    fn plain_meta_and_title_when_nothing_else() {
        let page = Page::parse(
            "<head><title> Just a title </title><meta name=author content='https://x.test/me'>\
             <meta property='article:published_time' content='2020-01-01'></head>",
        );
        let m = read(&page);
        assert_eq!(m.title.as_deref(), Some("Just a title"));
        assert_eq!(m.byline, None, "a URL is no byline");
        assert_eq!(m.published.as_deref(), Some("2020-01-01"));
        assert_eq!(m.site_name, None);
    }

    #[test]
    fn broken_or_hostile_json_ld_is_ignored() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let page = Page::parse(&format!(
            "<script type='application/ld+json'>{{not json</script>\
             <script type='application/ld+json'>{deep}</script>"
        ));
        assert_eq!(read(&page), Metadata::default());
    }

    #[test]
    fn long_fields_are_cut() {
        let long = "word ".repeat(500);
        let page = Page::parse(&format!("<meta property=og:title content='{long}'>"));
        let t = read(&page).title.unwrap();
        assert_eq!(t.chars().count(), MAX_FIELD + 1);
    }
}
