//! Pattern rules for page furniture, each with a name a reader can check.
//!
//! Rules are regular expressions over the folded paragraph text (quotes and dashes
//! made plain, case ignored). A *strong* rule marks a paragraph as boilerplate even
//! when another version carries it (an "Advertisement" line is furniture however
//! many sites print it); a *weak* rule needs the paragraph to have no counterpart in
//! the other versions. Users add rules in the config file (`[boilerplate] patterns`).

use rayon::prelude::*;
use regex::bytes::Regex;

/// How much a rule can be trusted on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Boilerplate whatever the other versions say.
    Strong,
    /// Boilerplate only when no other version carries the paragraph as story.
    Weak,
}

/// One named rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Short name shown as the reason.
    pub name: String,
    /// What the rule looks for.
    pub test: Test,
    /// Strong or weak.
    pub strength: Strength,
}

/// How a rule tests a paragraph.
#[derive(Debug, Clone)]
pub enum Test {
    /// A compiled pattern (case-insensitive).
    Pattern(Regex),
    /// A line of menu items (see [`is_menu_line`]): written by hand, since as
    /// a pattern over Unicode words it cost more to compile than every other
    /// rule together, on every run.
    MenuLine,
}

impl Rule {
    /// Whether the rule holds for `folded` (a folded, trimmed paragraph).
    #[must_use]
    pub fn is_match(&self, folded: &str) -> bool {
        match &self.test {
            Test::Pattern(re) => re.is_match(folded.as_bytes()),
            Test::MenuLine => is_menu_line(folded),
        }
    }
}

/// Menu separators: a pipe, bullets, a middle dot, an arrow or guillemet.
const MENU_SEPARATORS: [char; 5] = ['|', '\u{2022}', '\u{00B7}', '>', '\u{00BB}'];

/// A navigation menu or breadcrumb: three or more items of one to three words
/// (letters, digits, marks, `_`, `&`, `'`, `.`, `-`), each pair parted by a separator
/// with optional spaces around it ("Home | News | Sport", "Home > World >
/// Europe"). Words inside an item are parted by one space.
#[must_use]
pub fn is_menu_line(s: &str) -> bool {
    let mut items = 0;
    for item in s.split(MENU_SEPARATORS) {
        let item = item.trim_matches(char::is_whitespace);
        let mut words = 0;
        for word in item.split(' ') {
            let menu_char = |c: char| {
                c.is_alphanumeric()
                    || unicode_normalization::char::is_combining_mark(c)
                    || "_&'.-".contains(c)
            };
            if word.is_empty() || !word.chars().all(menu_char) {
                return false;
            }
            words += 1;
        }
        if words > 3 {
            return false;
        }
        items += 1;
    }
    items >= 3
}

/// The built-in rules: `(name, strength, pattern)`. Patterns are written for general
/// web pages and wire copy, never for one site's text. They are compiled with
/// ASCII classes, case and word boundaries (their words are English; a
/// Unicode `\w` or `\b` costs most of a short run to compile and stops the
/// fast automaton at the first accented letter); where a rule must see any
/// script, `(?u:…)` says so.
const BUILT_IN: &[(&str, Strength, &str)] = &[
    (
        "advertisement",
        Strength::Strong,
        r"^(advertisement|advert|ad|sponsored( content)?|promoted( content)?|paid (content|post)|partner content)$",
    ),
    (
        "advertisement",
        Strength::Strong,
        r"continues? (below|after) (the )?(advertisement|ad|video)",
    ),
    (
        "media embed",
        Strength::Strong,
        r"^(click|tap) to (play|watch|view|listen|expand)\b",
    ),
    (
        "media embed",
        Strength::Strong,
        r"^(watch|video|listen|audio|gallery|photos?)\s*:",
    ),
    (
        "related link",
        Strength::Strong,
        r"^(read more|related|more|see also|also read|read also|recommended|most read|trending|you may also like|more from|more (on|about) this( story| topic)?|related articles?|related stories)\s*(:|$)",
    ),
    (
        // A promotion standing alone: an imperative offer ending in the price.
        "advertisement",
        Strength::Strong,
        r"^(get|try|claim|grab|download|order|buy|unlock|start)\b[^.?]{0,80}\b(free|free trial|trial|offer|deal|discount|\d+% off)\s*[!.]?$",
    ),
    (
        "sign-in prompt",
        Strength::Strong,
        r"^.{0,30}\b(already (a member|a subscriber|subscribed|have an account|registered)|not (yet )?a (member|subscriber))\b\W{0,5}(sign ?in|log ?in|subscribe|register|join)\b.{0,30}$|^(sign|log) ?in (or|to) (register|subscribe|continue|read)\b.{0,40}$",
    ),
    (
        "copyright",
        Strength::Strong,
        r"^(copyright|(?u:\x{00A9})|\(c\))\s*(\d{4}\b)?|\ball rights reserved\b",
    ),
    (
        "reading time",
        Strength::Strong,
        r"^\d{1,3}[ -]?(min|mins|minute|minutes)( read| to read)?$",
    ),
    (
        "timestamp",
        Strength::Strong,
        r"^(published|updated|posted|last updated|first published|last modified)\b[^.]{0,50}(\b\d{4}\b|\d{1,2}:\d{2}|\bago)\s*\.?$",
    ),
    (
        "page error",
        Strength::Strong,
        r"an error (has )?occurred|please try again|(enable|requires?) javascript|your browser (does not|doesn't) support",
    ),
    (
        "embed code",
        Strength::Strong,
        r"to embed this|copy the code below|embed code",
    ),
    (
        "credit line",
        Strength::Strong,
        r"^(the )?(associated press|ap|reuters|afp|staff)( writers?| reporters?| correspondents?)?\b.{0,300}\bcontributed\b[^.]{0,80}\.?$",
    ),
    (
        "credit line",
        Strength::Strong,
        r"\b(alamy( stock photo)?|getty images|shutterstock|ap photo|pa (media|wire)|afp via getty|photo credit|image credit|file photo)\s*\)?\.?$",
    ),
    (
        "credit line",
        Strength::Strong,
        r"^(additional )?(reporting|writing|editing|compiled|translated) by\b.{0,200}$",
    ),
    (
        // A credit closing a caption: "… in Oslo. Courtesy of Norvik Labs".
        "credit line",
        Strength::Strong,
        r"\b(photo |image |video )?courtesy( of)? [^.!?]{1,50}\)?$",
    ),
    (
        "photo caption",
        Strength::Strong,
        r"\b(photo|photograph|image|picture|video)s?\s*(:|by\b|credit\s*:?)\s*[^.!?:]{1,60}$",
    ),
    (
        "photo caption",
        Strength::Strong,
        r"\([^()]{0,60}[a-z][^()]{0,60}/\s*[a-z][^()/]{0,40}\)\s*\.?$",
    ),
    (
        "photo caption",
        Strength::Strong,
        r"^(photo|image|picture|caption|credit|photograph)\s*(:|by\b)",
    ),
    (
        "embedded post",
        Strength::Strong,
        r"(pic\.twitter\.com/|https?://t\.co/)|^view (this|more) (post|posts) on (instagram|facebook|x|twitter|threads|tiktok)$|^a post shared by\b|-\s*[^()]{1,60}\(@[a-z0-9_]{1,30}\)\s+[a-z]+\s+\d{1,2},\s+\d{4}\s*$",
    ),
    (
        "comments",
        Strength::Strong,
        r"^\d+\s+comments?$|^(leave|post|add|write) a (comment|reply)$|^(have|share) your (say|thoughts|views)$|comments? (policy|community|section|are closed)|join the (conversation|discussion)|(log|sign) in to (comment|reply)",
    ),
    (
        "cookie notice",
        Strength::Strong,
        r"\b(cookies?|consent|vendors?)\b.*\b(partners?|consent|preferences?|necessary|personal data|privacy|advertising|accept|reject)\b",
    ),
    (
        // The banner's usual opening, whatever follows ("We and our partners
        // use cookies to personalise content and ads").
        "cookie notice",
        Strength::Strong,
        r"^(this (web)?site|we)( and our (\d+ )?partners)? (use|uses|store|stores) cookies\b",
    ),
    (
        "cookie notice",
        Strength::Strong,
        r"^(always active|manage (consent|preferences|cookies)|accept( all)?( cookies)?|reject all|cookie (settings|policy|preferences)|privacy (settings|policy|centre|center))$",
    ),
    (
        // Category labels of a consent manager ("Targeting Cookies").
        "cookie notice",
        Strength::Strong,
        r"^(strictly )?(necessary|essential|performance|functional|functionality|targeting|analytics?|advertising|marketing|social media|statistics?|preferences?|unclassified) cookies$",
    ),
    (
        "cookie notice",
        Strength::Weak,
        r"\b\d+ partners can use\b|\bpersonali[sz]ed (advertising|content|ads)\b|\b(precise geolocation|device characteristics|online identifiers)\b|\bprivacy choices\b",
    ),
    (
        "subscription appeal",
        Strength::Strong,
        r"\breaders like you\b|\b(please )?(consider )?(donate|contribute|subscribe|support us)\b.{0,80}\b(journalism|reporting|us|today|now|newsroom)\b|\bsign up (for|to)\b.{0,40}\bnewsletters?\b|\bsubscribe to\b.{0,40}\bnewsletters?\b|\bbecome a (member|subscriber|supporter)\b|\bsubscribe (now|today)\b",
    ),
    (
        "share bar",
        Strength::Strong,
        r"^(share( this)?( article| story)?( on \w+)?|follow us( on \w+)?|tweet|email|print|copy link|save|menu|close|skip to (main )?content|back to top|log ?in|sign ?in|sign up|search)$",
    ),
    (
        "timestamp",
        Strength::Weak,
        r"^(updated|published|posted|last updated)?\s*:?\s*\d+\s*(s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+ago$|^(updated|published|posted)$",
    ),
    ("counter", Strength::Weak, r"^[\d.,]+\s*[km]?$"),
];

/// The built-in rules, compiled (each is tested to compile).
///
/// Compiled once per process and shared (a compiled pattern is a cheap
/// handle to clone): a program that compares many times (the fuzzer, the
/// tests, a UI that compares again) pays for compiling once.
#[must_use]
pub fn built_in() -> Vec<Rule> {
    static COMPILED: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    if let Some(rules) = COMPILED.get() {
        return rules.clone();
    }
    // Compiled outside the lock: compiling runs on the thread pool, and a
    // worker waiting for its parts may take up another comparison's task
    // that asks for the rules too; inside `get_or_init` that task would
    // wait on the lock its own thread holds, for ever. Two threads that
    // race here both compile, and one result is kept.
    let compiled = compile_built_in();
    COMPILED.get_or_init(|| compiled).clone()
}

fn compile_built_in() -> Vec<Rule> {
    let menu = Rule {
        name: "navigation menu".to_string(),
        test: Test::MenuLine,
        strength: Strength::Strong,
    };
    // Each pattern is its own automaton: joined into alternations, anchored
    // and unanchored branches lose the literal prefilters and the reverse
    // search from the end, and the lazy DFA builds states for every branch at
    // once (measured: twice the matching time on the sample, 1.6 times on
    // the Bibles).
    // Compiling is most of a short run's cost: spread over the cores.
    let mut rules: Vec<Rule> = BUILT_IN
        .par_iter()
        .filter_map(|&(name, strength, pat)| build(name, strength, pat, false).ok())
        .collect();
    // In the place the pattern had: after the sign-in prompt.
    let at = rules
        .iter()
        .position(|r| r.name == "sign-in prompt")
        .map_or(rules.len(), |i| i + 1);
    rules.insert(at, menu);
    rules
}

/// Compiles a user's pattern (Unicode-aware, case-insensitive).
///
/// # Errors
/// When the pattern is not a valid regular expression.
pub fn compile(name: &str, strength: Strength, pattern: &str) -> Result<Rule, regex::Error> {
    build(name, strength, pattern, true)
}

fn build(
    name: &str,
    strength: Strength,
    pattern: &str,
    unicode: bool,
) -> Result<Rule, regex::Error> {
    let pattern = regex::bytes::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .unicode(unicode)
        .size_limit(SIZE_LIMIT)
        .build()?;
    Ok(Rule {
        name: name.to_string(),
        test: Test::Pattern(pattern),
        strength,
    })
}

/// The most a rule's automaton may take.
const SIZE_LIMIT: usize = 1 << 23;

/// The first rule whose pattern matches `folded`.
#[must_use]
pub fn first_match<'r>(rules: &'r [Rule], folded: &str) -> Option<&'r Rule> {
    rules.iter().find(|r| r.is_match(folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(s: &str) -> Option<String> {
        let rules = built_in();
        let f = crate::text::fold(s);
        first_match(&rules, f.trim()).map(|r| r.name.clone())
    }

    #[test]
    fn all_built_in_rules_compile() {
        for (name, strength, pat) in BUILT_IN {
            assert!(build(name, *strength, pat, false).is_ok(), "{name}: {pat}");
        }
        // One rule a pattern, and the menu line, tested by hand.
        assert_eq!(built_in().len(), BUILT_IN.len() + 1);
    }

    #[test]
    fn furniture_is_recognised() {
        assert_eq!(hit("Advertisement").as_deref(), Some("advertisement"));
        assert_eq!(
            hit("Story continues below advertisement").as_deref(),
            Some("advertisement")
        );
        assert_eq!(
            hit("Click to play video: 'Storm hits coast'").as_deref(),
            Some("media embed")
        );
        assert_eq!(
            hit("Read more: Floods kill 12").as_deref(),
            Some("related link")
        );
        assert_eq!(
            hit("Flooded streets in Dhaka on Monday (Jane Doe/Reuters)").as_deref(),
            Some("photo caption")
        );
        assert_eq!(
            hit("A boy wades through water. Getty Images").as_deref(),
            Some("credit line")
        );
        assert_eq!(hit("12 Comments").as_deref(), Some("comments"));
        assert_eq!(
            hit("Reuters reporters John Smith in Paris contributed to this report.").as_deref(),
            Some("credit line")
        );
        assert_eq!(
            hit("Manage Consent Preferences").as_deref(),
            Some("cookie notice")
        );
        assert_eq!(hit("3 hrs ago").as_deref(), Some("timestamp"));
    }

    #[test]
    fn new_furniture_rules_fire() {
        for (s, want) in [
            ("Home | News | Sport | Business", "navigation menu"),
            ("Home > World > Europe", "navigation menu"),
            ("Already a member? Sign In", "sign-in prompt"),
            (
                "Get SI's LSU TIGERS Championship Package FREE!",
                "advertisement",
            ),
            (
                "Copyright 2024 The Associated Press. All rights reserved.",
                "copyright",
            ),
            ("© 2024 Example Media", "copyright"),
            ("3 minute read", "reading time"),
            ("Published 6:14 AM EDT, March 3, 2024", "timestamp"),
            (
                "Reporting by Lena Haugen; Editing by Mark Potter",
                "credit line",
            ),
            (
                "Associated Press writer Omar Reyes contributed from Granby.",
                "credit line",
            ),
            (
                "A thermostat on display in Oslo. Courtesy of Norvik Labs",
                "credit line",
            ),
            (
                "Engineers examine the bridge on Monday. Photo: Omar Reyes/AP",
                "photo caption",
            ),
            ("View this post on Instagram", "embedded post"),
            ("Sign up for our daily newsletter", "subscription appeal"),
            ("Targeting Cookies", "cookie notice"),
            (
                "We and our partners use cookies to personalise content and ads.",
                "cookie notice",
            ),
            ("This site uses cookies.", "cookie notice"),
            ("More on this story", "related link"),
            ("More about this topic:", "related link"),
        ] {
            assert_eq!(hit(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn new_rules_leave_story_text_alone() {
        for s in [
            // quotations, questions, subheads, short sentences
            "\"That made this so much sweeter in the end,'' he said.",
            "“The mass market consumer doesn’t want these complications,” he said.",
            "What went wrong?",
            "Detours and delays",
            "What customers should do",
            "It was close.",
            "The company will pay for installation.",
            // story sentences near the new patterns' words
            "Get the vaccine for free, the health minister urged on Monday.",
            "The parade was paid for courtesy of the city council.",
            "The photo: a grainy image of the suspect, was shown to the jury.",
            "He said the copyright dispute would go to court next year.",
            "Members who already have an account were not affected, the bank said.",
            "Officials published the report on Monday, three days late.",
            "Bakers said they use cookies from the old recipe.",
            "More on this story later, the minister said.",
            "Navigation was difficult, the captain said.",
            "Sales rose 12% in March | analysts had expected 9%.",
        ] {
            assert_eq!(hit(s), None, "{s}");
        }
    }

    #[test]
    fn story_sentences_are_not_furniture() {
        for s in [
            "The minister said the attack was cowardly and called for calm.",
            "Officials said 12 people died when the bridge collapsed on Monday.",
            "He read more than 40 reports before deciding, aides said.",
            "The company said it would not comment on the lawsuit.",
            "“We will not be intimidated,” he said (in a statement).",
        ] {
            assert_eq!(hit(s), None, "{s}");
        }
    }

    /// The pattern the menu test replaced, kept to check the two agree.
    const MENU_PATTERN: &str = r"^(?u:[\w&'.-])+( (?u:[\w&'.-])+){0,2}(\s*(?u:[|\x{2022}\x{00B7}>\x{00BB}])\s*(?u:[\w&'.-])+( (?u:[\w&'.-])+){0,2}){2,}$";

    #[test]
    fn menu_lines() {
        for yes in [
            "Home | News | Sport | Business",
            "Home > World > Europe",
            "News \u{2022} Sport \u{2022} Weather",
            "Élections \u{00BB} Région \u{00BB} Île-de-France",
            "U.S. | World | Arts & Culture",
        ] {
            assert!(is_menu_line(yes), "{yes}");
        }
        for no in [
            "Home | News",
            "Home | Sport and weather today | More",
            "He said: a > b | c",
            "Home || News | Sport",
            "Home | News | Sport |",
            "",
        ] {
            assert!(!is_menu_line(no), "{no}");
        }
    }

    proptest::proptest! {
        /// The hand-written test says what the pattern said, on lines built
        /// from menu-like pieces (where the two could most easily disagree).
        #[test]
        fn menu_test_agrees_with_the_pattern(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Home", "news", "É", "a&b", "x.y", "-", "_", "'", " ", "  ", "\t", "|", ">",
                    "\u{2022}", "\u{00B7}", "\u{00BB}", "!", ",", "7", "\u{0301}",
                ]),
                0..14,
            )
        ) {
            let re = regex::Regex::new(MENU_PATTERN).unwrap();
            let line: String = parts.concat();
            let line = line.trim();
            proptest::prop_assert_eq!(is_menu_line(line), re.is_match(line), "{:?}", line);
        }
    }
}
