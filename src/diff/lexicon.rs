//! Small closed word lists of general English the change classifier reads:
//! number words with their values, days and months, quantity qualifiers,
//! negations, antonym pairs, speech verbs and honorifics. Nothing here is about
//! one story: every list is grammar or common vocabulary.

/// Cardinal number words and their values.
const CARDINALS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("dozen", 12.0),
    ("half", 0.5),
    ("third", 1.0 / 3.0),
    ("thirds", 1.0 / 3.0),
    ("quarter", 0.25),
    ("quarters", 0.25),
];

/// Quantity words without one value: they still make a phrase a number.
const VAGUE_QUANTITIES: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "several",
    "percent",
    "twice",
    "once",
    "double",
    "triple",
];

/// Words that qualify a quantity: changing them changes the claim about it.
pub const QUALIFIERS: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "least",
    "most",
    "more",
    "less",
    "fewer",
    "over",
    "under",
    "some",
    "up",
    "than",
    "only",
    "just",
    "exactly",
    "estimated",
];

/// Days, relative days and months (lowercase).
pub const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "weekend",
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "overnight",
];

/// Month names that are also common words: dates only when capitalised.
pub const CAPITALISED_DATE_WORDS: &[&str] = &["March", "May"];

/// Words that negate a statement.
const NEGATIONS: &[&str] = &[
    "no",
    "not",
    "never",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "cannot",
    "deny",
    "denies",
    "denied",
    "unscathed",
];

/// Antonym pairs (lowercase): one on each side of a change contradicts.
const ANTONYMS: &[(&str, &str)] = &[
    ("increase", "decrease"),
    ("increased", "decreased"),
    ("rise", "fall"),
    ("rose", "fell"),
    ("up", "down"),
    ("more", "less"),
    ("higher", "lower"),
    ("won", "lost"),
    ("win", "lose"),
    ("accept", "reject"),
    ("accepted", "rejected"),
    ("confirmed", "denied"),
    ("allowed", "banned"),
    ("before", "after"),
    ("open", "closed"),
    ("alive", "dead"),
    ("survived", "died"),
    ("survived", "killed"),
    ("support", "oppose"),
    ("supported", "opposed"),
    ("guilty", "innocent"),
    ("arrested", "released"),
    ("began", "ended"),
    ("first", "last"),
    ("majority", "minority"),
    ("true", "false"),
    ("success", "failure"),
    ("succeeded", "failed"),
    ("agreed", "refused"),
    ("suffered", "unharmed"),
    ("injured", "unharmed"),
    ("wounded", "unharmed"),
    ("hurt", "unhurt"),
];

/// Verbs and phrases that attribute a statement to a source.
pub const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "added",
    "wrote",
    "writes",
    "tweeted",
    "announced",
    "according",
    "claimed",
    "insisted",
    "noted",
    "warned",
    "declared",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Titles before a name: changing one for another (or for an honorific) does
/// not name another person.
pub const TITLES: &[&str] = &[
    "prime",
    "minister",
    "president",
    "vice",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "senator",
    "sen",
    "governor",
    "gov",
    "general",
    "gen",
    "secretary",
    "chancellor",
    "mayor",
    "judge",
    "justice",
    "chief",
    "premier",
    "foreign",
    "state",
    "deputy",
    "leader",
];

/// Words that only write a number another way around it: "73 [out] of 329",
/// "54[-year-old]", "10 [per cent]".
pub const NUMBER_WRITING: &[&str] = &[
    "of",
    "out",
    "per",
    "cent",
    "percent",
    "year-old",
    "years-old",
    "year",
    "years",
    "old",
    "a.m",
    "p.m",
    "am",
    "pm",
    "million",
    "billion",
    "thousand",
    "hundred",
];

/// Months and their abbreviations, each with its full name.
const MONTHS: &[(&str, &str)] = &[
    ("january", "january"),
    ("jan", "january"),
    ("february", "february"),
    ("feb", "february"),
    ("march", "march"),
    ("mar", "march"),
    ("april", "april"),
    ("apr", "april"),
    ("may", "may"),
    ("june", "june"),
    ("jun", "june"),
    ("july", "july"),
    ("jul", "july"),
    ("august", "august"),
    ("aug", "august"),
    ("september", "september"),
    ("sep", "september"),
    ("sept", "september"),
    ("october", "october"),
    ("oct", "october"),
    ("november", "november"),
    ("nov", "november"),
    ("december", "december"),
    ("dec", "december"),
];

/// The full name of a month or its abbreviation (any case, a trailing dot
/// allowed): "Oct." → "october".
#[must_use]
pub fn month(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(w))
        .map(|(_, full)| *full)
}

/// The class of a quantity qualifier: about a number (about, around,
/// roughly), at least it (least, more, over), at most it (nearly, almost,
/// under, most, fewer, less, up to), or exactly it (exactly, only, just).
/// Two qualifiers of one class say the same thing.
#[must_use]
pub fn qualifier_class(word: &str) -> Option<u8> {
    Some(match word {
        "about" | "around" | "approximately" | "roughly" | "some" | "estimated" | "circa" => 0,
        "least" | "more" | "over" | "above" | "upwards" => 1,
        "nearly" | "almost" | "under" | "most" | "fewer" | "less" | "below" | "up" => 2,
        "exactly" | "only" | "just" | "precisely" => 3,
        _ => return None,
    })
}

/// Honorifics, with or without their dot.
pub const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "sir", "prof", "mx", "messrs"];

/// The value of one word or figure, when it has one: `54`, `1,200`,
/// `54-year-old` (54), `seven`, `two-thirds` (2/3), `twenty-one` (21).
#[must_use]
pub fn value(word: &str) -> Option<f64> {
    // Called for every changed word: no allocation unless it starts like a
    // figure.
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = word
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .filter(|c| *c != ',')
            .collect();
        return digits.trim_end_matches('.').parse().ok();
    }
    let cardinal = |p: &str| {
        CARDINALS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(p))
            .map(|(_, v)| *v)
    };
    let mut parts = word.split('-');
    let first = cardinal(parts.next()?)?;
    match parts.next().map(cardinal) {
        None | Some(None) => Some(first),
        // "two-thirds": a count of a fraction; "twenty-one": a sum.
        Some(Some(b)) if b < 1.0 => Some(first * b),
        Some(Some(b)) => Some(first + b),
    }
}

/// Whether `word` names a quantity (a value, or a vague one like "dozens").
#[must_use]
pub fn is_quantity(word: &str) -> bool {
    value(word).is_some()
        || VAGUE_QUANTITIES
            .iter()
            .any(|q| q.eq_ignore_ascii_case(word))
}

/// Whether `word` negates (`not`, `never`, `un…ed` participles such as
/// "unharmed", and contractions like "don’t").
#[must_use]
pub fn is_negation(word: &str) -> bool {
    // Words of the classifier arrive folded and lowercased already.
    let folded;
    let w = if word.is_ascii() && !word.contains(|c: char| c.is_ascii_uppercase()) {
        word
    } else {
        folded = crate::text::fold_lower(word);
        folded.as_str()
    };
    NEGATIONS.contains(&w)
        || w.ends_with("n't")
        || (w.starts_with("un") && w.ends_with("ed") && w.len() >= 8 && !w.starts_with("under"))
        || (w.starts_with("un") && w.ends_with("hurt"))
}

/// The antonyms of a (lowercase) word in the lexicon: usually none.
pub fn antonyms_of(word: &str) -> impl Iterator<Item = &'static str> + '_ {
    ANTONYMS.iter().filter_map(move |&(p, q)| {
        if p == word {
            Some(q)
        } else if q == word {
            Some(p)
        } else {
            None
        }
    })
}

/// Whether one of `a` and one of `b` are antonyms.
#[must_use]
pub fn antonyms<'w>(a: &'w [String], b: &'w [String]) -> Option<(&'w str, &'w str)> {
    for x in a {
        for y in b {
            if ANTONYMS
                .iter()
                .any(|(p, q)| (p == x && q == y) || (p == y && q == x))
            {
                return Some((x, y));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_words_and_figures() {
        assert_eq!(value("54"), Some(54.0));
        assert_eq!(value("54-year-old"), Some(54.0));
        assert_eq!(value("1,200"), Some(1200.0));
        assert_eq!(value("Seven"), Some(7.0));
        assert_eq!(value("twenty-one"), Some(21.0));
        assert!((value("two-thirds").unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(value("drones"), None);
        assert!(is_quantity("dozens"));
    }

    #[test]
    fn negations() {
        for w in ["not", "never", "unharmed", "don’t", "uninjured", "unhurt"] {
            assert!(is_negation(w), "{w}");
        }
        for w in ["under", "understood", "united", "until", "harmed"] {
            assert!(!is_negation(w), "{w}");
        }
    }
}
