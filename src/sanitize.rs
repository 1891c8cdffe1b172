//! Making input text safe to show on a terminal.
//!
//! Every byte of an article is attacker-controlled (scraped copy), so text never
//! reaches a terminal raw. This is an allowlist: printable characters pass; C0 and
//! C1 controls, DEL and the bidirectional overrides that can disguise text are
//! replaced by visible stand-ins (`^[`, `^?`, `<U+009B>`, `<U+202E>`). Tabs become
//! spaces because terminals and ratatui treat them inconsistently.

use std::borrow::Cow;
use std::ffi::OsStr;

/// Whether `c` would be interpreted by a terminal or reorder text invisibly.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `s` with every unsafe character made visible; newlines are kept only when
/// `keep_newlines` (a multi-line plain-text sink), tabs become one space.
#[must_use]
pub fn terminal(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\t' => out.push(' '),
            '\u{7f}' => out.push_str("^?"),
            c if (c as u32) < 0x20 => {
                out.push('^');
                out.push(char::from(b'@' + u8::try_from(c as u32).unwrap_or(0)));
            }
            c if is_unsafe(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `c` draws nothing at all: zero-width spaces and joiners, the word
/// joiner and invisible operators, the byte-order mark, the soft hyphen and
/// other fillers. Harmless in running text, but a change made only of them
/// would read as no change (`guards` → `guards`).
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// `s` with every invisible character ([`is_invisible`]) shown as `<U+XXXX>`:
/// for the changed words a reader must see, not for running text (a joiner
/// inside an emoji stays as it is there).
#[must_use]
pub fn reveal_invisible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_invisible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// An OS string (a path, an argument) as text without losing what it was:
/// valid UTF-8 as it is, every byte that is not as `\xNN`, so two names that
/// differ only in such bytes still read differently (a lossy U+FFFD would make
/// them the same). Controls are left to [`terminal`] at the sink.
#[must_use]
pub fn os_text(s: &OsStr) -> Cow<'_, str> {
    if let Some(text) = s.to_str() {
        return Cow::Borrowed(text);
    }
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::with_capacity(s.len() + 8);
        for chunk in s.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02X}");
            }
        }
        Cow::Owned(out)
    }
    #[cfg(not(unix))]
    {
        s.to_string_lossy()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_revealed_and_others_kept() {
        assert_eq!(reveal_invisible("gu\u{200B}ards"), "gu<U+200B>ards");
        assert_eq!(
            reveal_invisible("co\u{00AD}op\u{FEFF}"),
            "co<U+00AD>op<U+FEFF>"
        );
        assert!(matches!(reveal_invisible("plain café ✓"), Cow::Borrowed(_)));
    }

    #[cfg(unix)]
    #[test]
    fn os_text_shows_stray_bytes() {
        use std::os::unix::ffi::OsStrExt;
        assert_eq!(os_text(OsStr::new("plain/é.txt")), "plain/é.txt");
        assert_eq!(
            os_text(OsStr::from_bytes(b"x\xff\xc3.txt")),
            r"x\xFF\xC3.txt"
        );
    }

    #[test]
    fn plain_text_is_borrowed() {
        assert!(matches!(
            terminal("Hello, “world”", false),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_become_visible() {
        assert_eq!(
            terminal("a\u{1b}]52;c;eA==\u{7}b", false),
            "a^[]52;c;eA==^Gb"
        );
        assert_eq!(terminal("\u{9b}31m", false), "<U+009B>31m");
        assert_eq!(terminal("x\u{202E}y", false), "x<U+202E>y");
        assert_eq!(terminal("a\rb\u{7f}", false), "a^Mb^?");
    }

    #[test]
    fn newlines_kept_only_when_asked() {
        assert_eq!(terminal("a\nb", true), "a\nb");
        assert_eq!(terminal("a\nb", false), "a^Jb");
    }

    #[test]
    fn output_never_holds_a_control() {
        let all: String = (0u32..0x250).filter_map(char::from_u32).collect();
        assert!(!terminal(&all, false).chars().any(is_unsafe));
    }
}
