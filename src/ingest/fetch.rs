//! Downloading the pages given as URLs: one GET per URL, nothing else.
//!
//! Bounded every way a server can make a client wait or fill memory: a
//! time-out for the whole exchange, a cap on the body (the same `--max-input`
//! cap files have, counted after decompression, so a gzip bomb stops too), a
//! limit on redirects (a loop ends with an error, not forever), and a user
//! agent that names the tool. Nothing a page refers to (images, scripts,
//! frames) is ever fetched: only the URL the user typed, and the redirects
//! its server answers with.
//!
//! The client is `ureq`: blocking (wirediff has no async runtime and needs
//! none for a handful of pages), with rustls, so no system TLS library.

use std::time::Duration;

use super::{Error, Input, ReadOptions};
use crate::model::Version;

/// How many redirects are followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// How URLs are fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchOptions {
    /// The whole exchange (connect, headers, body) must end within this.
    pub timeout: Duration,
    /// Refuse a body larger than this many bytes.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: super::DEFAULT_MAX_BYTES,
        }
    }
}

/// A downloaded page.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL as the user gave it.
    pub url: String,
    /// The URL the body came from, after redirects.
    pub final_url: String,
    /// The media type of `Content-Type`, lowercase (`text/html`).
    pub mime_type: Option<String>,
    /// The charset of `Content-Type`.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

/// Whether an operand is a URL to fetch rather than a file to read.
#[must_use]
pub fn is_url(operand: &str) -> bool {
    let lower = operand
        .get(..8.min(operand.len()))
        .unwrap_or_default()
        .to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The user agent sent: the tool and its version, nothing about the user.
#[must_use]
pub fn user_agent() -> String {
    format!("wirediff/{}", env!("CARGO_PKG_VERSION"))
}

/// Fetches `url`.
///
/// # Errors
/// [`Error::Fetch`] naming the URL and what went wrong (status, time-out,
/// too many redirects, no such host…); [`Error::TooLarge`] over the cap.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<Fetched, Error> {
    use ureq::ResponseExt;
    let fail = |reason: String| Error::Fetch {
        path: url.to_string(),
        reason,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(user_agent())
        .http_status_as_error(true)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        )
        .call()
        .map_err(|e| fail(describe(&e, opts)))?;
    let final_url = response.get_uri().to_string();
    let mime_type = response.body().mime_type().map(str::to_ascii_lowercase);
    let charset = response.body().charset().map(str::to_string);
    let bytes = response
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => Error::TooLarge {
                path: url.to_string(),
                limit: opts.max_bytes,
            },
            e => fail(describe(&e, opts)),
        })?;
    Ok(Fetched {
        url: url.to_string(),
        final_url,
        mime_type,
        charset,
        bytes,
    })
}

/// What went wrong, in words a user acts on.
fn describe(e: &ureq::Error, opts: &FetchOptions) -> String {
    match e {
        ureq::Error::StatusCode(code) => format!("the server answered HTTP {code}"),
        ureq::Error::Timeout(_) => format!("no answer within {} s", opts.timeout.as_secs()),
        ureq::Error::TooManyRedirects => {
            format!("more than {MAX_REDIRECTS} redirects (a redirect loop?)")
        }
        ureq::Error::HostNotFound => "no such host".into(),
        ureq::Error::ConnectionFailed => "could not connect".into(),
        ureq::Error::BadUri(u) => format!("not a valid URL ({u})"),
        other => other.to_string(),
    }
}

/// A fetched page as a version: HTML (by its type or its bytes) is
/// extracted; plain text is read as text; anything else is refused.
///
/// # Errors
/// [`Error::Fetch`] when the body is neither HTML nor text; [`Error::Binary`]
/// when it looks binary.
pub fn decode_fetched(f: Fetched, opts: &ReadOptions) -> Result<Version, Error> {
    let mime = f.mime_type.as_deref().unwrap_or("");
    let html = matches!(mime, "text/html" | "application/xhtml+xml")
        || (!mime.starts_with("text/") && super::html::looks_like_html(&f.bytes));
    let text = mime == "text/plain" || mime.is_empty();
    if !html && !text {
        return Err(Error::Fetch {
            reason: format!("not a web page or text (Content-Type {mime})"),
            path: f.url,
        });
    }
    if let Some(evidence) = super::sniff::sniff(&f.bytes)
        && !opts.allow_binary
    {
        return Err(Error::Binary {
            path: f.url,
            evidence,
        });
    }
    let input = Input {
        path: f.url,
        bytes: f.bytes,
        file: None,
    };
    if html {
        let origin = super::page::Origin {
            http_charset: f.charset.as_deref(),
            url: Some(&f.final_url),
        };
        return Ok(super::page::version(&input, &origin, Vec::new()));
    }
    let mut v = super::decode(&input, opts)?;
    if let Some(h) = super::page::host(&f.final_url) {
        v.label = h;
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_files() {
        assert!(is_url("https://example.test/a"));
        assert!(is_url("HTTP://x"));
        assert!(!is_url("page.html"));
        assert!(!is_url("http"));
        assert!(!is_url("-"));
    }

    #[test]
    fn fetched_bodies_by_type() {
        let f = |mime: &str, body: &str| Fetched {
            url: "http://127.0.0.1/x".into(),
            final_url: "http://127.0.0.1/x".into(),
            mime_type: Some(mime.into()),
            charset: None,
            bytes: body.as_bytes().to_vec(),
        };
        let opts = ReadOptions::default();
        let v = decode_fetched(
            f(
                "text/html",
                "<p>Story text long enough to be prose, surely.</p>",
            ),
            &opts,
        )
        .unwrap();
        assert!(v.metadata.is_some());
        assert_eq!(v.label, "127.0.0.1");
        let v = decode_fetched(f("text/plain", "One.\n\nTwo."), &opts).unwrap();
        assert!(v.metadata.is_none());
        assert_eq!(v.paragraphs.len(), 2);
        let e = decode_fetched(f("image/png", "\u{89}PNG"), &opts).unwrap_err();
        assert_eq!(
            e.to_string(),
            "http://127.0.0.1/x: not a web page or text (Content-Type image/png)"
        );
    }
}
