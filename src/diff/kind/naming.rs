//! Names: what reads as a name, when two spellings are one name
//! (transliteration-aware), and the name kinds of a change: the same name
//! spelled differently, or another entity. A grammatical form, a title, a typo
//! or a garbled word is no evidence of another entity.

#[allow(clippy::wildcard_imports)] // the classifier's shared helpers and word lists
use super::*;

/// A name in the sense of this classifier: capitalised (not merely because it
/// starts a sentence) or an acronym.
pub(super) fn is_proper(word: &str, sentence_start: bool) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return false;
    };
    // "IO", "lO": a figure misread (1 and 0), not an acronym.
    if word.chars().count() <= 4
        && word.chars().any(|c| matches!(c, 'O' | 'o'))
        && word.chars().all(|c| "OoIlÏÎ".contains(c))
    {
        return false;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 5 && upper == letters {
        return false; // a shouted word ("FRANCS", "TROOPS"), not an acronym
    }
    if upper >= 2 && word.chars().filter(|c| c.is_lowercase()).count() <= 1 {
        return true; // US, U.N., NATO
    }
    // "Iran-backed", "U.S.-led": a name made into an adjective, not a name.
    if first.is_uppercase()
        && word.contains('-')
        && word
            .rsplit('-')
            .next()
            .and_then(|p| p.chars().next())
            .is_some_and(char::is_lowercase)
    {
        return false;
    }
    // "al-Kadhimi", "el-Sissi": a lowercase particle before a capitalised name.
    let capitalised = first.is_uppercase()
        || word
            .split('-')
            .skip(1)
            .any(|p| p.chars().next().is_some_and(char::is_uppercase));
    capitalised && !sentence_start
}

/// Letters of a name folded so that common transliteration choices agree:
/// kh/k, dh/d, th/t, gh/g, ph/f, q/k, c/k, ou/u, oo/u, ee/i, y/i, z/s, doubled
/// letters, hyphens, apostrophes and a leading article particle (al-, el-).
#[must_use]
pub fn name_key(s: &str) -> String {
    let mut w = text::fold_lower(s);
    for particle in [
        "al-", "el-", "ad-", "ash-", "as-", "an-", "ar-", "at-", "az-",
    ] {
        if let Some(rest) = w.strip_prefix(particle) {
            w = rest.to_string();
        }
        // (Most names are one word: no allocation for them.)
        if w.contains(' ') {
            w = w.replace(&format!(" {particle}"), " ");
        }
    }
    let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut w = w;
    for (from, to) in [
        ("kh", "k"),
        ("dh", "d"),
        ("th", "t"),
        ("gh", "g"),
        ("ph", "f"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("q", "k"),
        ("c", "k"),
        ("y", "i"),
        ("z", "s"),
        ("w", "v"),
    ] {
        if w.contains(from) {
            w = w.replace(from, to);
        }
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two names are the same name written differently: equal once
/// transliteration choices are folded ([`name_key`]), or, for names of six
/// letters or more, one letter apart (two from ten letters) with the same first
/// and last letter. Short names must fold equal: "Prime"/"Price" are not one.
#[must_use]
pub fn same_name(a: &str, b: &str) -> bool {
    same_name_keys(&name_key(a), &name_key(b))
}

/// [`same_name`] on keys already folded by [`name_key`].
#[must_use]
pub fn same_name_keys(ka: &str, kb: &str) -> bool {
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    if ka == kb {
        return true;
    }
    let longest = ka.chars().count().max(kb.chars().count());
    if longest < 6
        || ka.chars().next() != kb.chars().next()
        || ka.chars().last() != kb.chars().last()
    {
        return false;
    }
    let limit = if longest >= 10 { 2 } else { 1 };
    edit_distance(ka, kb, limit) <= limit
}

/// Whether a word is written as a name or an acronym is: a capital, then
/// lower-case letters (each hyphenated part alike, "al-Kadhimi"), or a short
/// run of capitals ("UN", "U.S."). OCR noise ("RoinaiM", "I Ironie", "Gsn0vs")
/// is not.
pub(super) fn well_formed(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || word.chars().any(|c| c.is_ascii_digit()) {
        return NAME_GLUE.contains(&word.to_lowercase().as_str());
    }
    if letters.iter().all(|c| c.is_uppercase()) {
        return letters.len() <= 5;
    }
    word.split('-').all(|part| {
        let mut cs = part.chars().filter(|c| c.is_alphabetic());
        cs.next().is_none_or(|_| cs.all(char::is_lowercase))
    }) || NAME_GLUE.contains(&word.to_lowercase().as_str())
}

/// Dice share of the two words' letter pairs: how alike their letters are.
pub(super) fn bigram_share(a: &str, b: &str) -> f32 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let cs: Vec<char> = s.chars().collect();
        let mut p: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
        p.sort_unstable();
        p
    };
    let (pa, pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let mut common = 0;
    let (mut i, mut j) = (0, 0);
    while i < pa.len() && j < pb.len() {
        match pa[i].cmp(&pb[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    #[allow(clippy::cast_precision_loss)] // word lengths are small
    let share = 2.0 * common as f32 / (pa.len() + pb.len()) as f32;
    share
}

/// Initials of the capitalised words: "United States" → "us".
pub(super) fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

pub(super) const NAME_GLUE: &[&str] = &[
    "the", "of", "and", "for", "de", "al", "el", "bin", "von", "van", "s",
];

/// Whether every content word of one side of a change is a name.
pub(super) fn all_proper(side: Side<'_>) -> bool {
    let text = side.changed();
    let mut any = false;
    let mut offset = side.span.start;
    for w in text.split_whitespace() {
        let at = side.text[offset..].find(w).map_or(offset, |i| offset + i);
        offset = at + w.len();
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || NAME_GLUE.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        if !is_proper(word, starts_sentence(side.text, at)) {
            return false;
        }
        any = true;
    }
    any
}

/// Names on both sides: the same name spelled differently (by transliteration-
/// aware letters), another name for the same thing (initials), or a different
/// name.
pub(super) fn names(old: Side<'_>, new: Side<'_>, wo: &[String], wn: &[String]) -> Option<Verdict> {
    if wo.is_empty() || wn.is_empty() || wo.len() > 5 || wn.len() > 5 {
        return None;
    }
    let (o, n) = (old.changed(), new.changed());
    let (po, pn) = (all_proper(old), all_proper(new));
    let any_proper = |s: Side<'_>| {
        raw_words(s.changed())
            .iter()
            .any(|w| is_proper(w, false) && !NAME_GLUE.contains(&w.to_lowercase().as_str()))
    };
    if wo.len() <= 3 && wn.len() <= 3 && any_proper(old) && any_proper(new) && same_name(o, n) {
        return Some(verdict(ChangeKind::NameSpelling, Why::SameName, o, n));
    }
    if po && pn && (old.noisy || new.noisy) && wo.len() == 1 && wn.len() == 1 {
        // In noisy print, capitals are weak evidence: a word of one or two
        // letters ("IA", "Jt") or in a line of capitals ("PRIME", "PAS") is
        // a misread word, not a name.
        let weak = |s: &str| {
            raw_words(s).iter().any(|w| {
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                letters <= 2
                    || w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
            })
        };
        if weak(o) || weak(n) {
            return Some(verdict(ChangeKind::Spelling, Why::Spelled, o, n));
        }
        // Else a name read another way in the same place is the same name
        // misread far more often than another name.
        return Some(verdict(ChangeKind::NameSpelling, Why::SameName, o, n));
    }
    if po && pn {
        // "Iraq’s" / "Iraqi", "Iran" / "Iranian": one name, another form.
        if let ([a], [b]) = (wo, wn) {
            let (a, b) = (crate::diff::names::bare(a), crate::diff::names::bare(b));
            let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            if short.len() >= 3 && long.starts_with(short) {
                return Some(verdict(ChangeKind::Wording, Why::WordForm, o, n));
            }
        }
        // "Prime Minister" / "Mr": a title, not another name.
        let titles = |ws: &[String]| {
            ws.iter().all(|w| {
                lexicon::TITLES.contains(&w.as_str()) || lexicon::HONORIFICS.contains(&w.as_str())
            })
        };
        if titles(wo) || titles(wn) {
            return Some(verdict(ChangeKind::Wording, Why::DifferentWords, o, n));
        }
        // Two names a few letters apart (a typo, an OCR error) may be one
        // entity or two, and a garbled word ("RoinaiM") is no evidence of any
        // entity: not another name, only another spelling.
        if let ([a], [b]) = (wo, wn) {
            // Accents aside: OCR and transliteration lose or add them.
            let plain = |w: &str| -> String {
                use unicode_normalization::UnicodeNormalization;
                w.nfd()
                    .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                    .collect()
            };
            let (a, b) = (&plain(a), &plain(b));
            let longest = a.chars().count().max(b.chars().count());
            // Same first letter: half the letters may differ (Genève / Gsnôvs).
            let limit = if a.chars().next() == b.chars().next() {
                longest / 2
            } else {
                longest * 2 / 5
            }
            .max(1);
            if edit_distance(a, b, limit) <= limit || bigram_share(a, b) >= 0.3 {
                return Some(verdict(ChangeKind::Spelling, Why::Spelled, o, n));
            }
        }
        if !raw_words(o)
            .iter()
            .chain(raw_words(n).iter())
            .all(|w| well_formed(w))
        {
            return Some(verdict(ChangeKind::Spelling, Why::Spelled, o, n));
        }
        let (ro, rn) = (raw_words(o), raw_words(n));
        let acronym = |ws: &[&str]| -> Option<String> {
            (ws.len() == 1 && ws[0].chars().filter(|c| c.is_uppercase()).count() >= 2).then(|| {
                ws[0]
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase)
                    .collect()
            })
        };
        let same = acronym(&ro).is_some_and(|a| a == initials(&rn))
            || acronym(&rn).is_some_and(|a| a == initials(&ro));
        let why = if same {
            Why::AnotherNameForSame
        } else {
            Why::NamedDifferently
        };
        return Some(verdict(ChangeKind::Name, why, o, n));
    }
    None
}
