//! One escaping function per sink. Escape at the sink, never "clean the input once":
//! every piece of input text that reaches an export goes through exactly one of
//! these, chosen by the format it is written into.

/// A control character as a visible stand-in: C0 as Unicode control pictures
/// (`␛` for ESC), DEL as `␡`, others (C1, bidi overrides) as `<U+XXXX>`.
fn visible(c: char, out: &mut String) {
    match c as u32 {
        0x00..=0x1f => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        0x7f => out.push('\u{2421}'),
        _ => out.push_str(&format!("<U+{:04X}>", c as u32)),
    }
}

/// Text for HTML text nodes and quoted attribute values: `& < > " '` as
/// entities (numeric for `'`, so the output also parses as XML), newlines as
/// given, other controls made visible.
#[must_use]
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push('\n'),
            // Not characters XML allows: shown, so the report stays well-formed.
            c if crate::sanitize::is_unsafe(c) || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                let mut v = String::new();
                visible(c, &mut v);
                out.push_str(&v.replace('<', "&lt;").replace('>', "&gt;"));
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for Markdown inline content (a paragraph, a list item, a table
/// cell): only what Markdown would read as markup is backslash-escaped
/// (CommonMark §2.4), so nothing in the input opens a link, an autolink,
/// emphasis, code, HTML, a table cell or a block, while the text still pastes
/// cleanly ("al-Kadhimi", "Thank God," as written). Line breaks become
/// spaces; controls are made visible.
#[must_use]
pub fn markdown(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 16);
    // Where a block could start: the first character that is not a space.
    let first = chars.iter().position(|c| !c.is_whitespace());
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let escape = match c {
            // Emphasis, code, links, images, HTML, entities, tables,
            // strikethrough, and the escape character itself.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => true,
            // CriticMarkup (`--critic`) marks changes with braces.
            '{' | '}' => true,
            // An image starts with `![`; `[` is escaped anyway, but `!` keeps
            // the pair from reading as one if a later step drops it.
            '!' => next == Some('['),
            // Autolinks (GFM): `scheme://`, `www.`, `user@host`.
            ':' => chars.get(i + 1..i + 3) == Some(&['/', '/'][..]),
            '@' => true,
            '.' if i >= 3
                && chars[i - 3..i]
                    .iter()
                    .collect::<String>()
                    .eq_ignore_ascii_case("www") =>
            {
                true
            }
            // Block markers, only where a block could start: a heading, a
            // quote, a list, a thematic break, a setext underline.
            '#' | '-' | '+' | '=' => Some(i) == first,
            // An ordered list marker: digits then `.` or `)` at the start.
            '.' | ')' => {
                first.is_some_and(|f| f < i && chars[f..i].iter().all(char::is_ascii_digit))
            }
            _ => false,
        };
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if escape => {
                out.push('\\');
                out.push(c);
            }
            c if crate::sanitize::is_unsafe(c) => visible(c, &mut out),
            c => out.push(c),
        }
    }
    out
}

/// Text for a terminal: controls made visible (`^[`), newlines kept.
#[must_use]
pub fn terminal(s: &str) -> String {
    crate::sanitize::terminal(s, true).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_controls() {
        assert_eq!(
            html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(html("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(html("\u{9b}"), "&lt;U+009B&gt;");
        assert_eq!(html("a\u{ffff}"), "a&lt;U+FFFF&gt;");
    }

    #[test]
    fn markdown_escapes_what_markdown_would_read_as_markup() {
        assert_eq!(
            markdown("[x](javascript:alert(1)) `code` *em* <b> a_b | c ~~d~~ &amp;"),
            r"\[x\](javascript:alert(1)) \`code\` \*em\* \<b\> a\_b \| c \~\~d\~\~ \&amp;"
        );
        assert_eq!(markdown("# title\n> quote"), r"\# title \> quote");
        assert_eq!(markdown("- item"), r"\- item");
        assert_eq!(markdown("12. May"), r"12\. May");
        assert_eq!(markdown("![img](x)"), r"\!\[img\](x)");
        assert_eq!(
            markdown("see https://t.co/x and www.example.com or me@example.com"),
            r"see https\://t.co/x and www\.example.com or me\@example.com"
        );
    }

    #[test]
    fn markdown_leaves_plain_prose_as_written() {
        for s in [
            "al-Kadhimi",
            "Thank God, he said.",
            "Prime Minister Mustafa al-Kadhimi's guards (seven of them) were hurt.",
            "It cost $5.50 - or 10% more - on Nov. 7!",
        ] {
            assert_eq!(markdown(s), s);
        }
    }
}
