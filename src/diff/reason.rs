//! Why a change has its kind, as a typed value with the words of both sides.
//!
//! A reason is rendered to words only when it is shown, so a reader that sees a
//! change from the other side (the reference is the newer version) calls
//! [`Reason::flipped`] and gets the same reason told the other way round: "added"
//! becomes "removed", the two sides swap. Nothing ever parses a rendered reason.

use std::fmt;

use serde::{Serialize, Serializer};

/// What made a change its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Why {
    /// Only case, punctuation or spacing differ.
    CaseOrPunctuation,
    /// The same letters joined or marked differently (non-resident / nonresident).
    JoinedOrMarked,
    /// Quotation marks on one side only (the words are the same).
    QuoteMarks,
    /// The same quantity written differently (seven / 7).
    SameNumberWritten,
    /// Another day, date or time reference.
    DayOrDate,
    /// A quantity with another value.
    NumberChanged,
    /// Another count of something, or a quantity against another quantity.
    QuantityDiffers,
    /// What qualifies a number changed (at least two / two).
    Qualifier,
    /// Singular on one side, plural on the other, of a counted thing.
    SingularPlural,
    /// The same name in other letters (al-Kadhimi / al-Khadimi).
    SameName,
    /// The same name in other letters, found elsewhere in the paragraph.
    SameNameElsewhere,
    /// Another name for the same thing (the US / the United States).
    AnotherNameForSame,
    /// Another entity named.
    NamedDifferently,
    /// The same word a few letters apart.
    Spelled,
    /// Antonyms about the same thing (rose / fell).
    Opposite,
    /// A negation on one side only; the cited word is on the side that has it.
    Negation,
    /// Another source named next to a speech verb.
    Source,
    /// Words inside a quotation differ.
    InsideQuotation,
    /// An honorific (Mr, Dr) on one side only.
    Honorific,
    /// A few words on one side only, inside a sentence.
    WordsInSentence,
    /// A clause or sentence on one side only.
    Sentence,
    /// Other words for the same slot.
    DifferentWords,
    /// Another grammatical form of the same word or name (Iraq’s / Iraqi).
    WordForm,
}

/// Why a change has its kind: what fired, and the words it cites on each side
/// (an empty side cites nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// What fired.
    pub why: Why,
    /// The words cited on the old side.
    pub old: String,
    /// The words cited on the new side.
    pub new: String,
}

impl Reason {
    /// A reason citing `old` and `new`.
    #[must_use]
    pub fn new(why: Why, old: &str, new: &str) -> Self {
        Self {
            why,
            old: old.to_string(),
            new: new.to_string(),
        }
    }

    /// The same reason seen from the other side: old and new swapped.
    #[must_use]
    pub fn flipped(&self) -> Self {
        Self {
            why: self.why,
            old: self.new.clone(),
            new: self.old.clone(),
        }
    }

    /// Whether the old side cites no words (only marks or nothing): the
    /// words are on the new side. The kinds `added`/`removed` are decided the
    /// same way, so "." against a new sentence reads "added".
    fn old_wordless(&self) -> bool {
        !self.old.chars().any(char::is_alphanumeric)
    }

    /// "added" when only the new side cites words, "removed" when only the old does.
    fn verb(&self) -> &'static str {
        if self.old_wordless() {
            "added"
        } else {
            "removed"
        }
    }

    /// The side that cites words, for one-sided reasons.
    fn cited(&self) -> &str {
        if self.old_wordless() {
            &self.new
        } else {
            &self.old
        }
    }
}

/// A short quotation of change text for a reason.
fn show(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        return "(nothing)".into();
    }
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

fn quote_marks(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, '“' | '”' | '"' | '«' | '»' | '„'))
        .count()
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (o, n) = (show(&self.old), show(&self.new));
        match self.why {
            Why::CaseOrPunctuation => write!(f, "case or punctuation: {o} / {n}"),
            Why::JoinedOrMarked => {
                write!(f, "same letters, joined or marked differently: {o} / {n}")
            }
            Why::QuoteMarks => {
                let what = if quote_marks(&self.old) > quote_marks(&self.new) {
                    "dropped"
                } else {
                    "added"
                };
                write!(f, "quotation marks {what}: {o} / {n}")
            }
            Why::SameNumberWritten => write!(f, "same number, written differently: {o} / {n}"),
            Why::DayOrDate => write!(f, "another day or date: {o} / {n}"),
            Why::NumberChanged => write!(f, "number changed: {o} / {n}"),
            Why::QuantityDiffers => write!(f, "quantity differs: {o} / {n}"),
            Why::Qualifier => write!(f, "the number's qualifier changed: {o} / {n}"),
            Why::SingularPlural => write!(f, "singular and plural: {o} / {n}"),
            Why::SameName => write!(f, "same name spelled differently: {o} / {n}"),
            Why::SameNameElsewhere => write!(
                f,
                "same name spelled differently, elsewhere in the paragraph: {o} / {n}"
            ),
            Why::AnotherNameForSame => write!(f, "another name for the same: {o} / {n}"),
            Why::NamedDifferently => write!(f, "named differently: {o} / {n}"),
            Why::Spelled => write!(f, "spelled differently: {o} / {n}"),
            Why::Opposite => write!(f, "opposite statements: {o} / {n}"),
            Why::Negation => {
                let side = if self.old_wordless() { "new" } else { "old" };
                write!(
                    f,
                    "negation on the {side} side only: “{}”",
                    self.cited().trim()
                )
            }
            Why::Source => write!(f, "source of the statement: {o} / {n}"),
            Why::InsideQuotation => write!(f, "inside a quotation: “{o}” → “{n}”"),
            Why::Honorific => write!(f, "honorific {}: {}", self.verb(), show(self.cited())),
            Why::WordsInSentence => write!(
                f,
                "words {} inside a sentence: {}",
                self.verb(),
                show(self.cited())
            ),
            Why::Sentence => write!(f, "{}: {}", self.verb(), show(self.cited())),
            Why::DifferentWords => write!(f, "different words: {o} / {n}"),
            Why::WordForm => write!(f, "another form of the same word: {o} / {n}"),
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_sided_reasons_name_their_direction() {
        let r = Reason::new(Why::Sentence, "", "Police came.");
        assert_eq!(r.to_string(), "added: Police came.");
        assert_eq!(r.flipped().to_string(), "removed: Police came.");
        // Only a mark on the old side: still the new side's words added.
        let marked = Reason::new(Why::Sentence, ".", "Police came.");
        assert_eq!(marked.to_string(), "added: Police came.");
        assert_eq!(marked.flipped().to_string(), "removed: Police came.");
        let n = Reason::new(Why::Negation, "not", "");
        assert_eq!(n.to_string(), "negation on the old side only: “not”");
        assert_eq!(
            n.flipped().to_string(),
            "negation on the new side only: “not”"
        );
    }

    #[test]
    fn two_sided_reasons_swap() {
        let r = Reason::new(Why::NumberChanged, "seven", "eight");
        assert_eq!(r.to_string(), "number changed: seven / eight");
        assert_eq!(r.flipped().to_string(), "number changed: eight / seven");
        assert_eq!(r.flipped().flipped(), r);
        let q = Reason::new(Why::QuoteMarks, "“terrorism”", "terrorism");
        assert_eq!(
            q.to_string(),
            "quotation marks dropped: “terrorism” / terrorism"
        );
        assert!(q.flipped().to_string().starts_with("quotation marks added"));
    }

    #[test]
    fn long_text_is_cut_and_empty_text_named() {
        let long = "word ".repeat(30);
        let r = Reason::new(Why::DifferentWords, &long, "");
        let s = r.to_string();
        assert!(s.contains('…') && s.ends_with("(nothing)"), "{s}");
    }
}
