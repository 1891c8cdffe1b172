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

/// Text for Markdown inline content: every ASCII punctuation mark backslash-
/// escaped (CommonMark §2.4), so nothing in the input can open a link, emphasis,
/// code, HTML or a block; line breaks become spaces; controls made visible.
#[must_use]
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_ascii_punctuation() => {
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
    fn markdown_escapes_every_punctuation_mark() {
        assert_eq!(
            markdown("[x](javascript:alert(1)) `code` *em* <b>"),
            r"\[x\]\(javascript\:alert\(1\)\) \`code\` \*em\* \<b\>"
        );
        assert_eq!(markdown("# title\n> quote"), r"\# title \> quote");
    }
}
