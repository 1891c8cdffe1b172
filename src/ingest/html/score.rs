//! Finding the story among a page's blocks, and saying why the rest is not.
//!
//! The container of the story is found as readability does it: every
//! paragraph of real prose (25 characters or more) votes for the elements
//! around it, its parent fully, its grandparent half, the ones above less;
//! an element starts with a bonus or a malus from its tag and the words of its
//! class and id ([`super::names`]); the total is discounted by the share of
//! link text in the element. The best element, widened to its parent when the
//! parent holds the story too and joined by siblings that score nearly as
//! well, is the article.
//!
//! Then every block gets a verdict. Outside the article: page furniture,
//! with the reason its box's names or landmark give.
//! Inside it: story, unless a landmark (caption, navigation, aside, form,
//! hidden text) or a furniture word on an element between the article and the
//! block says otherwise, or it is mostly link text. Nothing is dropped: each
//! block that is not story carries the reason a reader sees with `b`.

use super::dom::{Block, Context, Page};
use super::names;

/// What one block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The story's headline.
    Headline,
    /// Story text: paragraphs, subheads, quotations, lists.
    Story,
    /// Not the story, and why.
    Boilerplate(&'static str),
}

/// Prose shorter than this (in characters) does not vote for its container.
const MIN_PROSE: usize = 25;

/// How many levels above a paragraph receive its vote.
const VOTE_LEVELS: usize = 5;

/// Landmarks whose text never votes nor counts as story.
const FURNITURE_CONTEXT: Context = Context::NAV
    .with(Context::FOOTER)
    .with(Context::ASIDE)
    .with(Context::FORM)
    .with(Context::CONTROL)
    .with(Context::DIALOG)
    .with(Context::HIDDEN)
    .with(Context::CAPTION);

/// The verdict of every block of `page` (same order), given the title the
/// page's metadata announces (to find the headline among its headings) and
/// the article body its JSON-LD gives, if any (to check the container).
#[must_use]
pub fn classify(page: &Page, title: Option<&str>, body: Option<&str>) -> Vec<Verdict> {
    let matched = title_heading(page, title);
    let headline_element = matched.and_then(|i| page.blocks.get(i)).map(|b| b.element);
    let mut article = find_article(page, true, headline_element)
        .or_else(|| find_article(page, false, headline_element));
    if let Some(body) = body {
        article = check_against_body(page, article, body);
    }
    let mut out: Vec<Verdict> = page
        .blocks
        .iter()
        .map(|b| match &article {
            Some(roots) if roots.iter().any(|&r| page.within(b.element, r)) => {
                inside(page, b, roots)
            }
            Some(_) => Verdict::Boilerplate(outside(page, b)),
            None => fallback(b),
        })
        .collect();
    if let Some(h) = headline(page, &out, matched) {
        out[h] = Verdict::Headline;
        standfirst(page, &mut out, h);
    }
    out
}

/// Words that name a standfirst (the summary between headline and story).
const STANDFIRST: &[&str] = &[
    "standfirst",
    "dek",
    "subtitle",
    "subheadline",
    "strapline",
    "summary",
    "excerpt",
    "lede",
    "intro",
    "teaser",
    "description",
    "subhead",
    "deck",
];

/// The standfirst between the headline `h` and the story: a block named for
/// it (by its box or the boxes just above), with prose and few links, left
/// outside the article box by the page's layout. It is part of the story.
fn standfirst(page: &Page, out: &mut [Verdict], h: usize) {
    let Some(first) = out.iter().position(|v| *v == Verdict::Story) else {
        return;
    };
    let between = page
        .blocks
        .iter()
        .zip(out.iter_mut())
        .take(first)
        .skip(h + 1);
    for (b, verdict) in between {
        if b.chars < 30 || b.link_chars * 5 > b.chars || b.context.any(FURNITURE_CONTEXT) {
            continue;
        }
        let mut e = Some(b.element);
        for _ in 0..3 {
            let Some(el) = e.and_then(|x| page.elements.get(x)) else {
                break;
            };
            if el.names.iter().any(|w| STANDFIRST.contains(&w.as_str())) {
                *verdict = Verdict::Story;
                break;
            }
            e = el.parent;
        }
    }
}

/// Bodies shorter than this many words are too short to judge a container by.
const MIN_BODY_WORDS: usize = 50;

/// The container chosen, or a better one when the page's own article body
/// (JSON-LD `articleBody`) says the choice missed the story: when less than
/// 60% of that body's words are in the chosen container, the element whose
/// words match the body best (F1 of word counts) replaces it, if it matches
/// clearly better. A page that tells its story in its metadata is believed
/// over the scoring, but only to pick among its own elements: the body text
/// itself never becomes the story.
fn check_against_body(page: &Page, article: Option<Vec<usize>>, body: &str) -> Option<Vec<usize>> {
    use std::collections::HashMap;
    let mut want: HashMap<String, usize> = HashMap::new();
    for w in words(body) {
        *want.entry(w).or_insert(0) += 1;
    }
    let want_total: usize = want.values().sum();
    if want_total < MIN_BODY_WORDS {
        return article;
    }
    // Per element: words in it, and of those, words the body has.
    let n = page.elements.len();
    let (mut total, mut hit) = (vec![0usize; n], vec![0usize; n]);
    for b in &page.blocks {
        if b.context.has(Context::HIDDEN) || b.element >= n {
            continue;
        }
        let ws = words(&b.text);
        total[b.element] += ws.len();
        hit[b.element] += ws.iter().filter(|w| want.contains_key(*w)).count();
    }
    for i in (1..n).rev() {
        if let Some(p) = page.elements[i].parent {
            total[p] += total[i];
            hit[p] += hit[i];
        }
    }
    #[allow(clippy::cast_precision_loss)]
    let f1 = |hit: usize, total: usize| {
        2.0 * hit.min(want_total) as f64 / (total + want_total).max(1) as f64
    };
    let current = article.as_ref().map_or(0.0, |roots| {
        let (h, t) = roots
            .iter()
            .fold((0, 0), |(h, t), &r| (h + hit[r], t + total[r]));
        #[allow(clippy::cast_precision_loss)]
        let recall = h.min(want_total) as f64 / want_total as f64;
        if recall >= 0.6 {
            f64::INFINITY
        } else {
            f1(h, t)
        }
    });
    if current.is_infinite() {
        return article;
    }
    let best = (1..n)
        .map(|i| (i, f1(hit[i], total[i])))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    match best {
        Some((i, f)) if f > current + 0.1 => Some(vec![i]),
        _ => article,
    }
}

/// A page without prose long enough to vote: every block outside a
/// furniture landmark is story.
fn fallback(b: &Block) -> Verdict {
    landmark(b.context).map_or(Verdict::Story, Verdict::Boilerplate)
}

/// The reason a landmark gives, if the block sits in one.
fn landmark(c: Context) -> Option<&'static str> {
    [
        (Context::HIDDEN, "hidden"),
        (Context::CAPTION, "caption"),
        (Context::FIGURE, "caption"),
        (Context::NAV, "navigation"),
        (Context::FOOTER, "footer"),
        (Context::ASIDE, "aside"),
        (Context::FORM, "form"),
        (Context::CONTROL, "interface"),
        (Context::DIALOG, "pop-up"),
    ]
    .into_iter()
    .find(|(flag, _)| c.has(*flag))
    .map(|(_, r)| r)
}

/// Why a block outside the article is there: the nearest box above it that
/// says, by its names (`cookie-banner`, `related`) or by being a landmark
/// (`<nav>`, `<footer>`), else only that it is outside. A box's names say
/// more than its tag, so they win on the same box.
fn outside(page: &Page, b: &Block) -> &'static str {
    let mut e = Some(b.element);
    // Boxes far above say little about this block (`page-wrapper has-sidebar`).
    for _ in 0..8 {
        let Some(el) = e.and_then(|i| page.elements.get(i)) else {
            break;
        };
        if let Some(r) = names::furniture(&el.names) {
            return r;
        }
        let inherited = el
            .parent
            .and_then(|p| page.elements.get(p))
            .map(|p| p.context)
            .unwrap_or_default();
        if let Some(r) = landmark(el.context.without(inherited)) {
            return r;
        }
        e = el.parent;
    }
    landmark(b.context).unwrap_or("outside the article")
}

/// The verdict on a block inside the article (whose roots are `roots`).
fn inside(page: &Page, b: &Block, roots: &[usize]) -> Verdict {
    // Landmarks count only when they are inside the article: a story whose
    // page puts all of `<main>` in a form is still a story.
    let root_ctx = roots
        .iter()
        .find(|&&r| page.within(b.element, r))
        .and_then(|&r| page.elements.get(r))
        .map(|e| e.context)
        .unwrap_or_default();
    let own = b.context.without(root_ctx);
    if let Some(r) = landmark(own) {
        return Verdict::Boilerplate(r);
    }
    // Furniture words on the elements from the block up to the article root.
    let mut e = Some(b.element);
    while let Some(i) = e {
        if roots.contains(&i) {
            break;
        }
        let Some(el) = page.elements.get(i) else {
            break;
        };
        // An embedded post (`blockquote class=twitter-tweet`) is quoted
        // material, whatever its class says.
        if el.tag != "blockquote"
            && let Some(r) = names::furniture(&el.names)
            && !(r != "comments" && holds_prose(el))
        {
            return Verdict::Boilerplate(r);
        }
        e = el.parent;
    }
    if b.chars > 0 && b.link_chars * 10 >= b.chars * 6 {
        return Verdict::Boilerplate("links");
    }
    if is_dateline(&b.text) {
        return Verdict::Boilerplate("byline");
    }
    Verdict::Story
}

/// A short line that only says when or by whom: `Posted: Fri 6:45 PM`,
/// `Updated Nov. 19, 2019`, `By Jane Doe`, a wire's `Reporting by …` credits.
fn is_dateline(text: &str) -> bool {
    // Wire credits: "Reporting by A; additional reporting by B; Editing by C".
    const CREDITS: &[&str] = &[
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
    ];
    let lower = text.trim_start().to_lowercase();
    if text.chars().count() <= 300 && CREDITS.iter().any(|c| lower.starts_with(c)) {
        return true;
    }
    if is_date_only(&lower) {
        return true;
    }
    const LEADS: &[&str] = &[
        "posted",
        "updated",
        "published",
        "last updated",
        "last modified",
        "by ",
    ];
    text.chars().count() <= 90
        && LEADS.iter().any(|l| lower.starts_with(l))
        && (lower.starts_with("by ") || lower.chars().any(|c| c.is_ascii_digit()))
        && !text
            .split(". ")
            .skip(1)
            .any(|rest| rest.starts_with(char::is_uppercase))
}

/// A line that is a date (and time) and nothing else: a year, a month name
/// or a clock time, at most eight words, no sentence.
fn is_date_only(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let ws: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    if ws.is_empty() || ws.len() > 8 || lower.ends_with('.') {
        return false;
    }
    let year = ws.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.chars().all(|c| c.is_ascii_digit())
    });
    let month = |w: &&str| MONTHS.iter().any(|m| w.starts_with(m)) && w.len() <= 9;
    let clock = |w: &&str| w.contains(':') && w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let numeric = |w: &&str| w.chars().all(|c| c.is_ascii_digit()) || clock(w);
    // Every word a date's word: numbers, clock times, month names, a zone or am/pm.
    let datey = ws.iter().all(|w| {
        numeric(w)
            || month(w)
            || w.len() <= 3
            || matches!(
                *w,
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            )
    });
    datey && (year || ws.iter().any(clock)) && ws.iter().any(|w| month(w) || clock(w) || year)
}

/// Whether a box holds paragraphs of prose, not links: three `<p>` or more
/// with little link text. A box of that size named `paywall` or `promo` is a
/// wrapper around the rest of the story (the page sent it whole), while real
/// prompts and teasers are a line or two; comments are the exception, prose
/// that is still not the story.
fn holds_prose(el: &super::dom::Element) -> bool {
    el.paragraphs >= 3 && el.chars >= 400 && el.link_chars * 5 < el.chars
}

/// The tag's own weight, as readability gives it.
fn tag_weight(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The elements that hold the article: the best-scoring container and the
/// siblings that join it. `strict` leaves out blocks under an element whose
/// names say furniture and not content (readability's "unlikely candidates").
fn find_article(page: &Page, strict: bool, headline: Option<usize>) -> Option<Vec<usize>> {
    let n = page.elements.len();
    let unlikely: Vec<bool> = if strict {
        let mut u = vec![false; n];
        for i in 0..n {
            let el = &page.elements[i];
            let own = el.tag != "body"
                && el.tag != "html"
                && names::furniture(&el.names).is_some()
                && !names::content(&el.names);
            u[i] = own || el.parent.is_some_and(|p| u[p]);
        }
        u
    } else {
        vec![false; n]
    };
    let mut score: Vec<Option<f64>> = vec![None; n];
    // The prose votes alone, without the tag's and names' weight.
    let mut votes: Vec<f64> = vec![0.0; n];
    for b in &page.blocks {
        let Some(el) = page.elements.get(b.element) else {
            continue;
        };
        if b.chars < MIN_PROSE
            || is_heading(&el.tag)
            || matches!(el.tag.as_str(), "li" | "dt" | "th" | "option")
            || b.context.any(FURNITURE_CONTEXT)
            || unlikely[b.element]
        {
            continue;
        }
        let commas = b.text.matches([',', '，', '、']).count();
        #[allow(clippy::cast_precision_loss)]
        let vote = 1.0 + commas as f64 + (b.chars as f64 / 100.0).min(3.0);
        let mut e = el.parent;
        for level in 0..VOTE_LEVELS {
            let Some(i) = e else { break };
            let Some(anc) = page.elements.get(i) else {
                break;
            };
            if i == 0 {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                #[allow(clippy::cast_precision_loss)]
                l => l as f64 * 3.0,
            };
            let s =
                score[i].get_or_insert_with(|| tag_weight(&anc.tag) + names::weight(&anc.names));
            *s += vote / divider;
            votes[i] += vote / divider;
            e = anc.parent;
        }
    }
    let final_score = |i: usize| -> Option<f64> {
        let s = score[i]?;
        let el = &page.elements[i];
        #[allow(clippy::cast_precision_loss)]
        let density = if el.chars == 0 {
            0.0
        } else {
            el.link_chars as f64 / el.chars as f64
        };
        Some(s * (1.0 - density))
    };
    let scored: Vec<(usize, f64)> = (0..n)
        .filter_map(|i| final_score(i).map(|s| (i, s)))
        .collect();
    let &(mut top, top_score) = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    // Several strong candidates under one ancestor: the story is split over
    // them (a lede box and a body box), so the ancestor is the article.
    let strong: Vec<usize> = scored
        .iter()
        .filter(|&&(i, s)| i != top && s >= top_score * 0.75)
        .map(|&(i, _)| i)
        .collect();
    if strong.len() >= 2 {
        let mut anc = page.elements[top].parent;
        while let Some(a) = anc {
            if a == 0 || page.elements[a].tag == "body" {
                break;
            }
            if strong.iter().filter(|&&s| page.within(s, a)).count() >= 2 {
                top = a;
                break;
            }
            anc = page.elements[a].parent;
        }
    }
    // Climb while the parent scores higher: the story goes on beside this box.
    let mut last = final_score(top).unwrap_or(top_score);
    let mut anc = page.elements[top].parent;
    while let Some(a) = anc {
        if a == 0 || page.elements[a].tag == "body" {
            break;
        }
        match final_score(a) {
            Some(s) if s < top_score / 3.0 => break,
            Some(s) if s > last => {
                top = a;
                break;
            }
            Some(s) => last = s,
            None => {}
        }
        anc = page.elements[a].parent;
    }
    // A box that is its parent's only content: take the parent.
    while let Some(p) = page.elements[top].parent {
        if p == 0
            || page.elements[p].tag == "body"
            || page.elements[p].chars != page.elements[top].chars
        {
            break;
        }
        top = p;
    }
    // The headline sits outside the winner, in a box of its own that holds
    // prose too and scores nearly as well: that box is the story, and the
    // winner a teaser beside it ("more stories" repeat a story's shape).
    if let Some(h) = headline
        && !page.within(h, top)
    {
        let mut anc = page.elements[h].parent;
        while let Some(a) = anc {
            if score[a].is_some() {
                break;
            }
            anc = page.elements[a].parent;
        }
        if let Some(a) = anc
            && !page.within(top, a)
            && final_score(a).is_some_and(|s| s >= top_score * 0.5)
            && (votes[a] >= votes[top] * 0.5 || repeated(page, top))
        {
            // Neither widened nor joined: its siblings are the teasers.
            return Some(vec![a]);
        }
    }
    // Teaser lists put each story in an `<article>` too: when the winner
    // holds several, the one with the headline is the story.
    if let Some(h) = headline {
        let articles: Vec<usize> = (top..page.elements[top].end)
            .filter(|&i| page.elements[i].tag == "article")
            .collect();
        if articles.len() >= 2
            && let Some(&a) = articles.iter().find(|&&a| page.within(h, a))
            && page.elements[a].chars >= 200
        {
            return Some(vec![a]);
        }
    }
    let mut roots = vec![top];
    if let Some(parent) = page.elements[top].parent {
        let top_final = final_score(top).unwrap_or(top_score);
        let threshold = (top_final * 0.2).max(10.0);
        let top_names = &page.elements[top].names;
        for i in (parent + 1)..page.elements[parent].end {
            let el = &page.elements[i];
            if i == top || el.parent != Some(parent) {
                continue;
            }
            let mut s = final_score(i).unwrap_or(0.0);
            if !top_names.is_empty() && el.names == *top_names {
                s += top_final * 0.2;
            }
            #[allow(clippy::cast_precision_loss)]
            let density = if el.chars == 0 {
                1.0
            } else {
                el.link_chars as f64 / el.chars as f64
            };
            let joins = s >= threshold
                || (el.tag == "p" && el.chars > 80 && density < 0.25)
                || (el.tag == "p" && el.chars > 0 && density == 0.0 && sentence_like(page, i));
            if joins && !el.context.any(FURNITURE_CONTEXT) {
                roots.push(i);
            }
        }
    }
    Some(roots)
}

/// Whether element `i` is one of several look-alikes on the page (same tag,
/// most of the same class words, at least 3 in all): an item of a teaser
/// list, not a story.
fn repeated(page: &Page, i: usize) -> bool {
    let Some(el) = page.elements.get(i) else {
        return false;
    };
    if el.names.is_empty() {
        return false;
    }
    let alike = page
        .elements
        .iter()
        .enumerate()
        .filter(|&(j, o)| {
            j != i
                && o.tag == el.tag
                && el.names.iter().filter(|w| o.names.contains(w)).count() * 10
                    >= el.names.len() * 8
        })
        .count();
    alike >= 2
}

/// Whether the text of element `i` reads like a sentence (ends with a period).
fn sentence_like(page: &Page, i: usize) -> bool {
    page.blocks
        .iter()
        .filter(|b| b.element == i)
        .any(|b| b.text.ends_with('.') || b.text.contains(". "))
}

/// The block that is the headline: an `<h1>` (else an `<h2>`) matching the
/// title the metadata gives, else the last `<h1>` before the story; never one after it.
fn headline(page: &Page, verdicts: &[Verdict], matched: Option<usize>) -> Option<usize> {
    let first_story = verdicts.iter().position(|v| *v == Verdict::Story)?;
    // The headline heads the story: a heading after story text is a subhead,
    // whatever it says.
    if let Some(m) = matched.filter(|&m| m <= first_story) {
        return Some(m);
    }
    // No title to match: the last h1 before the story (or opening it).
    headings(page, "h1")
        .map(|(i, _)| i)
        .take_while(|&i| i <= first_story)
        .last()
}

/// The visible `level` headings of the page, as (block index, block).
fn headings<'a>(page: &'a Page, level: &'static str) -> impl Iterator<Item = (usize, &'a Block)> {
    page.blocks.iter().enumerate().filter(move |(_, b)| {
        b.chars <= 400
            && page.elements.get(b.element).is_some_and(|e| e.tag == level)
            && !b.context.any(Context::HIDDEN.with(Context::NAV))
    })
}

/// The first `<h1>` (else `<h2>`) that says what the metadata's title says.
fn title_heading(page: &Page, title: Option<&str>) -> Option<usize> {
    let title = title?;
    let want = words(title);
    // Titles often carry the outlet or section after a separator whose name
    // the metadata does not give: the part before it is tried too.
    let head = [" | ", " - ", " – ", " — ", " :: ", " · "]
        .iter()
        .filter_map(|sep| title.split_once(sep).map(|(h, _)| words(h)))
        .filter(|w| w.len() >= 2)
        .max_by_key(Vec::len)
        .unwrap_or_default();
    let mut best: Option<(usize, f64)> = None;
    for (i, b) in headings(page, "h1").chain(headings(page, "h2")) {
        let found = words(&b.text);
        let o = overlap(&want, &found).max(overlap(&head, &found));
        if o >= 0.6 && best.is_none_or(|(_, bo)| o > bo + 1e-9) {
            best = Some((i, o));
        }
    }
    best.map(|(i, _)| i)
}

/// Lowercase word tokens.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of `b`'s words found in `a`, and of `a`'s in `b`: the smaller.
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let in_a = b.iter().filter(|w| a.contains(w)).count();
    let in_b = a.iter().filter(|w| b.contains(w)).count();
    #[allow(clippy::cast_precision_loss)]
    let (x, y) = (in_a as f64 / b.len() as f64, in_b as f64 / a.len() as f64);
    x.min(y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Vec<(String, Verdict)> {
        let page = Page::parse(html);
        let v = classify(&page, page.title.as_deref(), None);
        page.blocks.iter().map(|b| b.text.clone()).zip(v).collect()
    }

    const PROSE: &str =
        "The council voted on Tuesday, after a long debate, to close the old bridge for repairs.";

    #[test]
    fn the_story_container_wins_over_menus_and_footers() {
        let html = format!(
            "<html><head><title>Bridge to close</title></head><body>\
             <nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul></nav>\
             <div class=main><h1>Bridge to close</h1><div class=article-body>\
             <p>{PROSE}</p><p>{PROSE}</p><h2>What next</h2><p>{PROSE}</p>\
             <figure><img src=x><figcaption>The bridge in 2020.</figcaption></figure>\
             <div class=related-links><a href=/a>Another story entirely about something</a></div>\
             </div></div><footer>Copyright 2026 The Outlet</footer></body></html>"
        );
        let got = run(&html);
        let kinds: Vec<&Verdict> = got.iter().map(|(_, v)| v).collect();
        assert_eq!(
            kinds,
            [
                &Verdict::Boilerplate("navigation"),
                &Verdict::Boilerplate("navigation"),
                &Verdict::Headline,
                &Verdict::Story,
                &Verdict::Story,
                &Verdict::Story,
                &Verdict::Story,
                &Verdict::Boilerplate("caption"),
                &Verdict::Boilerplate("related links"),
                &Verdict::Boilerplate("footer"),
            ],
            "{got:#?}"
        );
    }

    #[test]
    fn the_pages_own_article_body_corrects_a_wrong_container() {
        let story = [
            "The ferry will run every fifteen minutes while the bridge is shut, the operator said on Monday.",
            "Buses will use the eastern tunnel, adding about ten minutes to most journeys into the centre.",
        ];
        let other = "Our town has a long history of trade, fishing, shipbuilding, markets, fairs, music, and festivals, as visitors often say.";
        let html = format!(
            "<div class=x><p>{}</p><p>{}</p></div><div class=y>{}</div>",
            story[0],
            story[1],
            format!("<p>{other}</p>").repeat(6)
        );
        let page = Page::parse(&html);
        let story_of = |v: &[Verdict]| -> Vec<String> {
            page.blocks
                .iter()
                .zip(v)
                .filter(|(_, v)| **v == Verdict::Story)
                .map(|(b, _)| b.text.clone())
                .collect()
        };
        let guessed = story_of(&classify(&page, None, None));
        assert!(
            guessed.iter().all(|t| t == other),
            "scoring alone takes the longer box: {guessed:?}"
        );
        let body = format!("{} {} {}", story[0], story[1], story[0]);
        let told = story_of(&classify(&page, None, Some(&body)));
        assert_eq!(told, story);
    }

    #[test]
    fn a_wrapper_named_like_furniture_does_not_hide_the_story() {
        // Whole pages sit in boxes such as `#__next` or `.layout.has-sidebar`.
        let html = format!(
            "<div id=__next><div class='layout has-sidebar'><nav><a href=/>Home</a></nav>\
             <main><h1>Bridge closes</h1><div class=body><p>{PROSE}</p><p>{PROSE}</p></div></main>\
             <div class=sidebar><p>Popular: <a href=/x>a story about something else entirely</a></p></div></div></div>"
        );
        let kinds: Vec<Verdict> = run(&html).into_iter().map(|(_, v)| v).collect();
        assert_eq!(
            kinds,
            [
                Verdict::Boilerplate("navigation"),
                Verdict::Headline,
                Verdict::Story,
                Verdict::Story,
                Verdict::Boilerplate("sidebar"),
            ]
        );
    }

    #[test]
    fn a_page_without_prose_keeps_its_plain_text_as_story() {
        let got = run("<body><p>Short note.</p><nav><a href=/>Home</a></nav></body>");
        assert_eq!(got[0].1, Verdict::Story);
        assert_eq!(got[1].1, Verdict::Boilerplate("navigation"));
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("Posted: Fri 6:45 PM, Feb 16, 2018 |"));
        assert!(is_dateline("Updated Nov. 19, 2019 8:21 am ET"));
        assert!(is_dateline("By Jane Doe"));
        assert!(is_dateline(
            "Reporting by A. Writer; Editing by B. Editor and C. Editor"
        ));
        assert!(!is_dateline(
            "Updated figures show the economy grew 2% in the third quarter. Officials were pleased."
        ));
        assert!(!is_dateline("Bystanders said 3 people were hurt"));
        assert!(is_dateline("November 20, 2019 - 11:28 AMT"));
        assert!(is_dateline("Tue 19 Nov 2019 10:02"));
        assert!(!is_dateline("May 2019 was the wettest on record."));
        assert!(!is_dateline("Top 10 films of 2019"));
    }

    #[test]
    fn overlap_is_symmetric_share() {
        let a = words("Bridge to close");
        assert!((overlap(&a, &words("Bridge to close | Outlet")) - 0.75).abs() < 1e-9);
        assert!(overlap(&a, &words("nothing alike")) < 1e-9);
    }
}
