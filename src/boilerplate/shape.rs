//! Shape tests on one paragraph: what a byline, a label, a title or a sentence of
//! the story looks like.
//!
//! Shape alone never hides a paragraph (a subhead and a menu label look alike);
//! these tests say which paragraphs are *safe* (a quotation, a question, a
//! sentence) and which may join a run of furniture around them. A byline is the
//! one shape strong enough to stand alone: "By" followed by capitalised names.

use crate::text::{ends_like_sentence, is_closer};

/// A question: ends with `?` (before any closing quote).
#[must_use]
pub fn is_question(s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c))
        .ends_with('?')
}

/// Holds a quotation: an opening quote mark (straight or typographic, or a pair
/// of backquotes/apostrophes as some wires write it). A quotation is what a
/// fact-checker must never lose, so it is never furniture by shape.
#[must_use]
pub fn has_quotation(s: &str) -> bool {
    s.contains(['"', '\u{201C}', '\u{201D}', '\u{00AB}', '\u{201E}'])
        || s.contains("''")
        || s.contains("``")
}

/// Words: runs between white space holding a letter or digit.
#[must_use]
pub fn word_count(s: &str) -> usize {
    crate::text::word_count(s)
}

/// Title-shaped: 3 to 20 words, not a full sentence ending with a period, not a
/// list of menu items.
#[must_use]
pub fn is_title_like(s: &str) -> bool {
    let t = s.trim();
    let words = word_count(t);
    let last = t
        .trim_end_matches(|c: char| c.is_whitespace() || is_closer(c))
        .chars()
        .last();
    (3..=20).contains(&words) && last != Some('.') && !t.contains(" | ")
}

/// Connecting words a byline may hold between names.
const BYLINE_JOINERS: &[&str] = &[
    "and", "&", "in", "for", "the", "of", "de", "van", "von", "al",
];

/// A byline: "By" and then names (capitalised words, joined by commas, "and",
/// a pipe or a dash, perhaps an outlet), twelve words at most, no sentence end.
/// "By the way, officials said…" is not one: its second word is not a name.
#[must_use]
pub fn is_byline(s: &str) -> bool {
    let t = crate::text::fold(s.trim());
    let Some(rest) = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY ")) else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | ';'))
        .filter(|w| !w.is_empty() && *w != "-")
        .collect();
    if words.is_empty() || words.len() > 12 || t.ends_with('.') && !t.ends_with(".)") {
        // A byline ending in an initial ("By Jane Q.") is too rare to weigh
        // against sentences that start with "By".
        return false;
    }
    let first_is_name = words[0].chars().next().is_some_and(char::is_uppercase);
    first_is_name
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || BYLINE_JOINERS.contains(&w.to_lowercase().as_str())
        })
}

/// A short label: at most `max_words` words, no sentence punctuation, no quotation.
#[must_use]
pub fn is_label(s: &str, max_words: usize) -> bool {
    let t = s.trim();
    let words = word_count(t);
    words >= 1 && words <= max_words && !ends_like_sentence(t) && !has_quotation(t)
}

/// A paragraph that reads as the story's own: a quotation, a question, or a
/// sentence of four words or more. These never join a run of furniture by
/// position alone.
#[must_use]
pub fn is_story_shaped(s: &str) -> bool {
    let t = s.trim();
    has_quotation(t) || is_question(t) || (ends_like_sentence(t) && word_count(t) >= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert!(is_byline("By Dana Whitfield | Associated Press"));
        assert!(is_byline(
            "By Dana Whitfield and Omar Reyes, The Associated Press"
        ));
        assert!(is_byline("By LENA HAUGEN"));
        assert!(is_byline("BY JANE DOE and JOHN ROE"));
    }

    #[test]
    fn story_sentences_starting_with_by_are_no_bylines() {
        assert!(!is_byline(
            "By the way, officials said the bridge was safe."
        ));
        assert!(!is_byline("By Monday, the crack had grown."));
        assert!(!is_byline("By noon the queue stretched for miles"));
        assert!(!is_byline("Byron Smith said the bridge was safe."));
    }

    #[test]
    fn quotations_questions_and_sentences_are_story_shaped() {
        assert!(is_story_shaped(
            "\"That made this so much sweeter in the end,'' he said."
        ));
        assert!(is_story_shaped(
            "“The mass market consumer doesn’t want these complications,” he said."
        ));
        assert!(is_story_shaped("What went wrong?"));
        assert!(is_story_shaped("The company will pay for installation."));
        assert!(!is_story_shaped("Detours and delays"));
        assert!(!is_story_shaped("here"));
    }

    #[test]
    fn titles() {
        assert!(is_title_like("T.J. Ford Cleared To Practice"));
        assert!(is_title_like(
            "Toronto guard T.J. Ford close to resuming workouts"
        ));
        assert!(!is_title_like("Home | News | Sport | Business"));
        assert!(!is_title_like("Officials said the bridge would stay shut."));
        assert!(!is_title_like("Militias"));
    }

    #[test]
    fn labels() {
        assert!(is_label("Explosion", 1));
        assert!(is_label("Detours and delays", 3));
        assert!(!is_label("Detours and delays", 2));
        assert!(!is_label("What went wrong?", 3));
        assert!(!is_label("“Never again”", 3));
    }
}
