//! JSON Lines records as passim reads and writes them.
//!
//! passim's input is one JSON object per line with at least `id` and `text`
//! (`series` groups the documents of one newspaper; `date`, `title`, `url` are
//! optional and kept). Its output (`out.json`, a folder of Spark `part-*` files
//! or one JSON Lines file) has one object per reused passage: the passage's
//! `text`, its article's `id`, `series` and `date`, the `cluster` it belongs to
//! and its `uid`, with `begin`/`end` (character offsets in the article) and,
//! depending on the passim version, `bw`/`ew`/`gid` (older) or
//! `src`/`pboiler`/`boiler` (newer). Unknown fields are ignored, so both
//! versions (and other tools writing the same shape) read the same way.
//!
//! A record that cannot be used is an error naming the file and line: a half
//! read collection would silently group into the wrong stories.

use serde_json::Value;

use super::{Article, PassageSource};

/// Whether `first_line` (the first non-blank line of a file) looks like a JSON
/// Lines record of articles: an object with a string `text`.
#[must_use]
pub fn looks_like_records(first_line: &str) -> bool {
    matches!(
        serde_json::from_str::<Value>(first_line.trim()),
        Ok(Value::Object(map)) if map.get("text").is_some_and(Value::is_string)
    )
}

/// A field as a string: strings as they are, numbers written out (passim's
/// `uid` and `cluster` are numbers, other tools' ids are strings).
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One record parsed into an article. `line` is only used to name a record
/// without an id.
///
/// # Errors
/// A line that is not a JSON object, or has no string `text`, or no usable
/// `id` (nor `uid`): the reason, one line.
pub fn parse_record(line: &str) -> Result<Article, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err("not a JSON object".to_string());
    };
    let text = match map.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err("'text' is not a string".to_string()),
        None => return Err("no 'text' field".to_string()),
    };
    let field = |k: &str| map.get(k).and_then(text_of);
    let id = field("id");
    let cluster = field("cluster");
    let begin = map.get("begin").and_then(Value::as_u64);
    let end = map.get("end").and_then(Value::as_u64);
    // A passage of passim's output is known by its article and span: one
    // article holds several passages, and `uid` is the article's, not the
    // passage's. Plain records are known by their id.
    let (key, source) = match (&cluster, &id) {
        (Some(_), Some(article)) => {
            let key = match (begin, end) {
                (Some(b), Some(e)) => format!("{article}@{b}-{e}"),
                _ => article.clone(),
            };
            let source = PassageSource {
                article: article.clone(),
                begin,
                end,
            };
            (key, Some(source))
        }
        (Some(_), None) => match field("uid") {
            Some(uid) => (uid, None),
            None => return Err("no 'id' field (a string or a number)".to_string()),
        },
        (None, Some(article)) => (article.clone(), None),
        (None, None) => return Err("no 'id' field (a string or a number)".to_string()),
    };
    if key.is_empty() {
        return Err("empty 'id'".to_string());
    }
    Ok(Article {
        id: key,
        series: field("series"),
        date: field("date"),
        title: field("title"),
        url: field("url"),
        text,
        cluster,
        source,
        from_file: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passim_input_record() {
        let a = parse_record(
            r#"{"id":"GDL-1900-01-02-a-i0067","series":"GDL","date":"1900-01-02","text":"Madame\nE. Vaucher","extra":[1]}"#,
        )
        .unwrap();
        assert_eq!(a.id, "GDL-1900-01-02-a-i0067");
        assert_eq!(a.series.as_deref(), Some("GDL"));
        assert_eq!(a.date.as_deref(), Some("1900-01-02"));
        assert_eq!(a.text, "Madame\nE. Vaucher");
        assert_eq!((a.cluster, a.source), (None, None));
    }

    #[test]
    fn older_passim_output_record() {
        let a = parse_record(
            r#"{"uid":-2709598754703355414,"cluster":84,"size":296,"bw":319,"ew":432,"id":"JDG-1","series":"JDG","text":"M. et Mme","gid":-29,"begin":1668,"end":2287}"#,
        )
        .unwrap();
        assert_eq!(a.id, "JDG-1@1668-2287");
        assert_eq!(a.cluster.as_deref(), Some("84"));
        let src = a.source.unwrap();
        assert_eq!(
            (src.article.as_str(), src.begin, src.end),
            ("JDG-1", Some(1668), Some(2287))
        );
    }

    #[test]
    fn newer_passim_output_record_without_uid() {
        let a = parse_record(
            r#"{"cluster":7,"src":"x","pboiler":0.0,"boiler":false,"id":"EXP-9","begin":3,"end":40,"text":"t"}"#,
        )
        .unwrap();
        assert_eq!(a.id, "EXP-9@3-40");
        assert_eq!(a.cluster.as_deref(), Some("7"));
    }

    #[test]
    fn unusable_records_say_why() {
        for (line, why) in [
            ("{", "not JSON"),
            ("[1]", "not a JSON object"),
            (r#"{"id":"a"}"#, "no 'text'"),
            (r#"{"id":"a","text":3}"#, "'text' is not"),
            (r#"{"text":"t"}"#, "no 'id'"),
            (r#"{"id":"","text":"t"}"#, "empty 'id'"),
            (r#"{"id":null,"text":"t"}"#, "no 'id'"),
        ] {
            let err = parse_record(line).unwrap_err();
            assert!(err.contains(why), "{line}: {err}");
        }
    }

    #[test]
    fn record_detection() {
        assert!(looks_like_records(r#"{"id":"a","text":"b"}"#));
        assert!(!looks_like_records("{"));
        assert!(!looks_like_records(r#"{"versions":[]}"#));
        assert!(!looks_like_records("plain text"));
    }
}
