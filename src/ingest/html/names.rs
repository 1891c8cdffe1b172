//! What the words of `class` and `id` values say about an element.
//!
//! Sites name their containers for what they hold (`article-body`,
//! `related-stories`, `cookie-banner`), and those words are the same across
//! sites and languages of markup, so they are a generic signal: nothing here
//! names a site. Words (split by `dom::name_words`) are matched by prefix when
//! the prefix is four letters or more (`comment` matches `comments` and
//! `commentlist`) and whole otherwise (`ad`, `nav`), never inside another
//! word, so `header` does not count as `ad`; a word after `non`/`no` is
//! negated (`non-ad-column`).

/// Words that say "the story is here". Each is a prefix.
const CONTENT: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
    "prose",
    "paragraph",
    "copy",
];

/// Words (prefixes) that say "page furniture", each with the reason shown to
/// the reader.
const FURNITURE: &[(&str, &str)] = &[
    ("comment", "comments"),
    ("disqus", "comments"),
    ("reply", "comments"),
    ("share", "share buttons"),
    ("sharing", "share buttons"),
    ("social", "share buttons"),
    ("facebook", "share buttons"),
    ("twitter", "share buttons"),
    ("whatsapp", "share buttons"),
    ("pinterest", "share buttons"),
    ("linkedin", "share buttons"),
    ("related", "related links"),
    ("recommend", "related links"),
    ("recirc", "related links"),
    ("more", "related links"),
    ("popular", "related links"),
    ("trending", "related links"),
    ("outbrain", "related links"),
    ("taboola", "related links"),
    ("readnext", "related links"),
    ("newsletter", "newsletter prompt"),
    ("subscri", "subscription prompt"),
    ("signup", "subscription prompt"),
    ("paywall", "subscription prompt"),
    ("regwall", "subscription prompt"),
    ("register", "subscription prompt"),
    ("login", "subscription prompt"),
    ("cookie", "cookie notice"),
    ("consent", "cookie notice"),
    ("gdpr", "cookie notice"),
    ("privacy", "cookie notice"),
    ("footer", "footer"),
    ("copyright", "footer"),
    ("nav", "navigation"),
    ("navig", "navigation"),
    ("navbar", "navigation"),
    ("menu", "navigation"),
    ("breadcrumb", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("masthead", "navigation"),
    ("topbar", "navigation"),
    ("skip", "navigation"),
    ("sidebar", "sidebar"),
    ("rail", "sidebar"),
    ("widget", "sidebar"),
    ("advert", "advertisement"),
    ("ads", "advertisement"),
    ("adslot", "advertisement"),
    ("adunit", "advertisement"),
    ("sponsor", "advertisement"),
    ("promo", "advertisement"),
    ("dfp", "advertisement"),
    ("banner", "advertisement"),
    ("caption", "caption"),
    ("credit", "caption"),
    ("tags", "tags"),
    ("tag", "tags"),
    ("topics", "tags"),
    ("keywords", "tags"),
    ("byline", "byline"),
    ("author", "byline"),
    ("dateline", "byline"),
    ("timestamp", "byline"),
    ("published", "byline"),
    ("modal", "pop-up"),
    ("popup", "pop-up"),
    ("overlay", "pop-up"),
    ("toolbar", "interface"),
    ("print", "interface"),
];

/// Words matched exactly (too short to be prefixes of anything safely).
const FURNITURE_EXACT: &[(&str, &str)] = &[
    ("ad", "advertisement"),
    ("bio", "byline"),
    ("meta", "byline"),
    ("aside", "sidebar"),
    ("extra", "sidebar"),
];

/// Words that never say furniture even though a furniture word is their
/// prefix (`content` is no `con…`, `article` no `art…`; these are real ones).
const NOT_FURNITURE: &[&str] = &[
    "navbar-brand",
    "shared",
    "adjust",
    "address",
    "advice",
    "advance",
    "tagline",
    "nextjs",
    "moretext",
    "morecontent",
];

/// The reader-facing reason when a word of `names` marks furniture.
#[must_use]
pub fn furniture(names: &[String]) -> Option<&'static str> {
    // A word after `non`/`no`/`not` says the opposite (`non-ad-column`).
    let negated = |i: usize| i > 0 && matches!(names[i - 1].as_str(), "non" | "no" | "not");
    names
        .iter()
        .enumerate()
        .filter(|&(i, _)| !negated(i))
        .find_map(|(_, w)| furniture_word(w))
}

fn furniture_word(w: &str) -> Option<&'static str> {
    if NOT_FURNITURE.contains(&w) {
        return None;
    }
    if let Some((_, r)) = FURNITURE_EXACT.iter().find(|(k, _)| *k == w) {
        return Some(r);
    }
    FURNITURE
        .iter()
        .find(|(k, _)| w.starts_with(k) && (k.len() >= 4 || w.len() == k.len()))
        .map(|(_, r)| *r)
}

/// Whether a word of `names` says the story is here.
#[must_use]
pub fn content(names: &[String]) -> bool {
    names
        .iter()
        .any(|w| CONTENT.iter().any(|k| w.starts_with(k)))
}

/// The readability-style weight of an element's names: +25 when they say
/// content, −25 when they say furniture (both can hold).
#[must_use]
pub fn weight(names: &[String]) -> f64 {
    let mut w = 0.0;
    if content(names) {
        w += 25.0;
    }
    if furniture(names).is_some() {
        w -= 25.0;
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        crate::ingest::html::dom::name_words(s)
    }

    #[test]
    fn furniture_words_give_reasons() {
        assert_eq!(furniture(&words("comments-list")), Some("comments"));
        assert_eq!(furniture(&words("RelatedStories")), Some("related links"));
        assert_eq!(furniture(&words("cookie_banner")), Some("cookie notice"));
        assert_eq!(furniture(&words("ad-slot")), Some("advertisement"));
        assert_eq!(furniture(&words("article-body")), None);
        assert_eq!(furniture(&words("non-ad-column")), None);
        // Not inside other words.
        assert_eq!(furniture(&words("header load shadow")), None);
        // Next.js wraps whole pages in `#__next`.
        assert_eq!(furniture(&words("__next")), None);
        assert_eq!(furniture(&words("read-next")), None);
        assert_eq!(furniture(&words("readnext-box")), Some("related links"));
    }

    #[test]
    fn content_words() {
        assert!(content(&words("article__body")));
        assert!(content(&words("entry-content")));
        assert!(!content(&words("site-nav")));
        assert!(weight(&words("story-body")) > 0.0);
        assert!(weight(&words("sidebar")) < 0.0);
    }
}
