//! Properties of the word diff on arbitrary text: the segments rebuild both texts
//! exactly, spans are ordered, on character boundaries and match the change
//! strings; identical texts have no changes; there are never more changes than words.

use proptest::prelude::*;
use wirediff::diff::{DiffOptions, Segment, changes, segments};

fn texty() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("the".to_string()),
        Just("al-Kadhimi".to_string()),
        Just("Kadhimi".to_string()),
        Just("rocket".to_string()),
        Just("missile".to_string()),
        Just("Seven".to_string()),
        Just("seven".to_string()),
        Just("54,".to_string()),
        Just("“quoted”".to_string()),
        Just("\"q\"".to_string()),
        Just("–".to_string()),
        Just("-".to_string()),
        Just(".".to_string()),
        Just("\n\n".to_string()),
        Just("  ".to_string()),
        "[a-zA-Z]{1,8}",
        ".{0,3}",
    ];
    proptest::collection::vec(word, 0..40).prop_map(|ws| ws.join(" "))
}

fn rebuild(a: &str, b: &str) {
    let segs = segments(a, b, &DiffOptions::default());
    let (mut ra, mut rb) = (String::new(), String::new());
    let (mut ea, mut eb) = (0, 0);
    for s in &segs {
        let (o, n) = match s {
            Segment::Equal { old_span, new_span } => (old_span.clone(), new_span.clone()),
            Segment::Change(c) => {
                assert_eq!(a.get(c.old_span.clone()), Some(c.old.as_str()));
                assert_eq!(b.get(c.new_span.clone()), Some(c.new.as_str()));
                assert!(!(c.old.is_empty() && c.new.is_empty()), "empty change");
                assert_eq!(c.old.trim(), c.old, "change trimmed");
                assert_eq!(c.new.trim(), c.new, "change trimmed");
                (c.old_span.clone(), c.new_span.clone())
            }
        };
        assert_eq!(o.start, ea, "old spans contiguous");
        assert_eq!(n.start, eb, "new spans contiguous");
        (ea, eb) = (o.end, n.end);
        ra.push_str(a.get(o).expect("old span on char boundaries"));
        rb.push_str(b.get(n).expect("new span on char boundaries"));
    }
    assert_eq!(ra, a);
    assert_eq!(rb, b);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn segments_rebuild_word_soup(a in texty(), b in texty()) {
        rebuild(&a, &b);
    }

    #[test]
    fn segments_rebuild_arbitrary_unicode(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        rebuild(&a, &b);
    }

    #[test]
    fn identical_texts_have_no_changes(a in texty()) {
        prop_assert!(changes(&a, &a, &DiffOptions::default()).is_empty());
    }

    #[test]
    fn changes_are_no_more_than_the_words(a in texty(), b in texty()) {
        let n = changes(&a, &b, &DiffOptions::default()).len();
        let words = |s: &str| s.split_whitespace().count();
        prop_assert!(n <= words(&a) + words(&b) + 1, "{} changes for {} + {} words", n, words(&a), words(&b));
    }
}

#[test]
fn huge_token_and_many_tokens_do_not_break() {
    let long = "x".repeat(1 << 20);
    rebuild(&long, &format!("{long}y"));
    let many: String = (0..30_000).map(|i| format!("w{} ", i % 97)).collect();
    let opts = DiffOptions {
        max_tokens: 20_000,
        ..DiffOptions::default()
    };
    assert!(!changes(&many, &format!("{many} tail"), &opts).is_empty());
}
