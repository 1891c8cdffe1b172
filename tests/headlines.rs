//! Headlines: recognised on raw pages and on story-only text, the versions'
//! headlines share one row however far apart they are worded, a page's menu
//! line never shares that row, and cells that share nothing never make a row.

#[path = "support/stories.rs"]
mod stories;

use wirediff::model::ParagraphKind;

const FORD_A: &str = "T.J. Ford Cleared To Practice\n\n\
    Toronto Raptors guard T.J. Ford has been cleared by team doctors to return to practice, the club said Tuesday, two months after a spinal injury.\n\n\
    Ford, 24, was hurt in a collision with Al Horford in a game against Atlanta on Dec. 11.\n\n\
    \"I'm just happy to be back on the floor with my teammates,\" Ford said.";

const FORD_B: &str = "Home | News | Sport | Business\n\n\
    Toronto guard T.J. Ford close to resuming workouts\n\n\
    T.J. Ford has been cleared to practice with the Toronto Raptors, two months after the guard injured his spine, the club said Tuesday.\n\n\
    Ford was hurt on Dec. 11 when he collided with Al Horford during a game in Atlanta.\n\n\
    The Raptors did not say when Ford might play again.";

fn kind_of(cmp: &wirediff::compare::Comparison, v: usize, text: &str) -> ParagraphKind {
    cmp.versions[v].paragraphs[stories::para(cmp, v, text)].kind
}

#[test]
fn headlines_worded_far_apart_share_one_row() {
    let cmp = stories::compare_strs(&[FORD_A, FORD_B]);
    let a = stories::para(&cmp, 0, "T.J. Ford Cleared To Practice");
    let b = stories::para(
        &cmp,
        1,
        "Toronto guard T.J. Ford close to resuming workouts",
    );
    assert_eq!(cmp.versions[0].paragraphs[a].kind, ParagraphKind::Headline);
    assert_eq!(cmp.versions[1].paragraphs[b].kind, ParagraphKind::Headline);
    let row = stories::row_of(&cmp, 0, a).expect("headline in a row");
    assert_eq!(
        stories::row_of(&cmp, 1, b),
        Some(row),
        "{:?}",
        cmp.table.rows
    );
    assert_eq!(row, 0, "the headline row comes first");
}

#[test]
fn a_menu_line_never_shares_the_headline_row() {
    let cmp = stories::compare_strs(&[FORD_A, FORD_B]);
    let menu = stories::para(&cmp, 1, "Home | News | Sport | Business");
    assert_eq!(
        cmp.versions[1].paragraphs[menu].kind,
        ParagraphKind::Boilerplate
    );
    assert_eq!(stories::row_of(&cmp, 1, menu), None);
    // Even a menu naming the story's words is no headline.
    let c = "News | Sport | Raptors | Toronto\n\nFord cleared to practice again";
    let cmp = stories::compare_strs(&[FORD_A, c]);
    assert_eq!(
        kind_of(&cmp, 1, "News | Sport | Raptors | Toronto"),
        ParagraphKind::Boilerplate
    );
}

#[test]
fn a_page_title_printed_twice_keeps_one_headline() {
    let raw = "T.J. Ford Cleared To Practice\n\n\
        Skip to main content\n\n\
        T.J. Ford Cleared To Practice\n\n\
        By Dana Whitfield | The Canadian Press\n\n\
        Toronto Raptors guard T.J. Ford has been cleared by team doctors to return to practice, the club said Tuesday, two months after a spinal injury.\n\n\
        Ford, 24, was hurt in a collision with Al Horford in a game against Atlanta on Dec. 11.";
    let cmp = stories::compare_strs(&[raw, FORD_B]);
    let heads: Vec<_> = cmp.versions[0]
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Headline)
        .collect();
    assert_eq!(heads.len(), 1, "{:#?}", cmp.versions[0].paragraphs);
    assert_eq!(heads[0].text, "T.J. Ford Cleared To Practice");
    let b = stories::para(
        &cmp,
        1,
        "Toronto guard T.J. Ford close to resuming workouts",
    );
    assert_eq!(
        stories::row_of(&cmp, 0, heads[0].id),
        stories::row_of(&cmp, 1, b)
    );
}

#[test]
fn cells_that_share_nothing_make_no_row() {
    let a = "Get SI's LSU TIGERS Championship Package FREE!\n\n\
        LSU beat Ohio State 38-24 on Monday night to win the national championship in New Orleans.\n\n\
        Matt Flynn threw four touchdown passes for the Tigers.";
    let b = "LSU routs Ohio State for second national title\n\n\
        LSU beat Ohio State 38-24 on Monday night in New Orleans to claim its second national title in five seasons.\n\n\
        Quarterback Matt Flynn threw four touchdown passes.";
    let c = "Already a member? Sign In\n\n\
        Louisiana State beat Ohio State 38-24 in New Orleans on Monday to win the national championship.\n\n\
        Flynn threw for four touchdowns as the Tigers pulled away.";
    let cmp = stories::compare_strs(&[a, b, c]);
    for (i, row) in cmp.table.rows.iter().enumerate() {
        let present: Vec<usize> = row.present().collect();
        if present.len() > 1 {
            assert!(
                cmp.similarity[i] > 0.0,
                "row {i} holds cells that share nothing: {:?}",
                present
                    .iter()
                    .map(|&v| cmp.cell_text(i, v))
                    .collect::<Vec<_>>()
            );
        }
    }
    assert_eq!(
        kind_of(&cmp, 0, "Get SI's LSU TIGERS Championship Package FREE!"),
        ParagraphKind::Boilerplate
    );
    assert_eq!(
        kind_of(&cmp, 2, "Already a member? Sign In"),
        ParagraphKind::Boilerplate
    );
}

#[test]
fn headlines_that_share_no_word_get_rows_of_their_own() {
    // Both title-shaped first lines, nothing in common: two rows, not one.
    let a = "Bridge shut after crack found\n\n\
        State officials closed the Marlow River bridge on Sunday after inspectors found a cracked beam.";
    let b = "Weekend weather outlook\n\n\
        State officials closed the Marlow River bridge on Sunday after inspectors found a cracked steel beam.";
    let cmp = stories::compare_strs(&[a, b]);
    let ra = stories::row_of(&cmp, 0, 0);
    let rb = stories::row_of(&cmp, 1, 0);
    assert!(ra.is_some() && rb.is_some());
    assert_ne!(ra, rb, "{:?}", cmp.table.rows);
}
