//! Bytes of a page to text: which encoding to believe.
//!
//! Order of trust, as browsers have it: a BOM, then the HTTP `Content-Type`
//! charset, then a `<meta charset>` (or `http-equiv` content type) near the
//! top of the page, then detection (chardetng). Unlike a browser, a
//! declaration is checked against the bytes, because saved pages lie often:
//! a page re-saved as UTF-8 keeps its old `charset=iso-8859-1`, and a
//! template says UTF-8 over windows-1252 text. So:
//!
//! - bytes that are valid UTF-8 with non-ASCII characters are UTF-8 whatever
//!   is declared (legacy 8-bit text is next to never valid UTF-8);
//! - a declaration the bytes rule out (UTF-8 over bytes that are not, bytes
//!   malformed or C1 controls when decoded with it) gives way to the
//!   detector's guess;
//! - every override is said in a note on the version.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How far into the page a `<meta charset>` is looked for. The standard says
/// 1024 bytes; real pages put it after long comments and scripts.
const PRESCAN: usize = 16 * 1024;

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used, as a label (`UTF-8`, `windows-1252`…).
    pub encoding: String,
    /// What a reader should know: overridden declarations, replaced bytes.
    pub notes: Vec<String>,
}

/// Decodes `bytes` of a page, given the charset its HTTP response declared.
#[must_use]
pub fn decode(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    let mut notes = Vec::new();
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, bad) = decode_with(enc, bytes.get(bom..).unwrap_or_default());
        note_bad(&mut notes, bad);
        return Decoded {
            text,
            encoding: enc.name().to_string(),
            notes,
        };
    }
    let declared = http_charset
        .and_then(label)
        .map(|e| (e, "HTTP header"))
        .or_else(|| meta_charset(bytes).map(|e| (e, "page")));
    if let Ok(s) = std::str::from_utf8(bytes) {
        if let Some((enc, by)) = declared
            && enc != UTF_8
            && !s.is_ascii()
        {
            notes.push(format!(
                "the {by} says {}, but the bytes are UTF-8: read as UTF-8",
                enc.name()
            ));
        }
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8".into(),
            notes,
        };
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Allow);
    let chosen = match declared {
        Some((enc, by)) => {
            let (text, bad) = decode_with(enc, bytes);
            // C1 controls are what a wrong single-byte table makes of text.
            let ruled_out =
                enc == UTF_8 || bad > 0 || text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c));
            if !ruled_out {
                note_bad(&mut notes, bad);
                return Decoded {
                    text,
                    encoding: enc.name().to_string(),
                    notes,
                };
            }
            notes.push(format!(
                "the {by} says {}, but the bytes are not: read as {} (guessed)",
                enc.name(),
                guess.name()
            ));
            guess
        }
        None => {
            notes.push(format!("decoded as {} (guessed)", guess.name()));
            guess
        }
    };
    let (text, bad) = decode_with(chosen, bytes);
    note_bad(&mut notes, bad);
    Decoded {
        text,
        encoding: chosen.name().to_string(),
        notes,
    }
}

fn note_bad(notes: &mut Vec<String>, bad: usize) {
    if bad > 0 {
        notes.push(format!("{bad} invalid bytes replaced"));
    }
}

/// The encoding a label names, as a browser maps it: UTF-16 declared in an
/// 8-bit stream means UTF-8, `x-user-defined` means windows-1252.
fn label(l: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(l.trim().trim_matches(['"', '\'']).as_bytes())?;
    Some(if enc == UTF_16LE || enc == UTF_16BE {
        UTF_8
    } else if enc == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        enc
    })
}

/// The charset a `<meta>` near the top of the page declares.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN.min(bytes.len())).unwrap_or_default();
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(after_eq) = rest.strip_prefix(b"=") {
                let value = trim_start(after_eq);
                let value = value
                    .strip_prefix(b"\"")
                    .or_else(|| value.strip_prefix(b"'"))
                    .unwrap_or(value);
                let len = value
                    .iter()
                    .position(|b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(value.len());
                if let Some(enc) = std::str::from_utf8(&value[..len]).ok().and_then(label) {
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 1);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// The first index of `needle` in `hay` (both short: linear enough).
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes `bytes` with `enc`, counting the malformed bytes replaced (the
/// text decoder's own routine).
fn decode_with(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    crate::ingest::decode::decode_counting(enc, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Caf\u{e9} \u{201c}na\u{ef}ve\u{201d} \u{2013} d\u{e9}j\u{e0} vu, the mayor\u{2019}s men said again and again.";

    fn page(charset: &str, body: &[u8]) -> Vec<u8> {
        let mut out =
            format!("<html><head><meta charset=\"{charset}\"><title>t</title></head><body><p>")
                .into_bytes();
        out.extend(body);
        out.extend(b"</p></body></html>");
        out
    }

    #[test]
    fn utf8_and_bom() {
        let d = decode(&page("utf-8", TEXT.as_bytes()), None);
        assert!(d.text.contains(TEXT));
        assert_eq!((d.encoding.as_str(), d.notes.len()), ("UTF-8", 0));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(page("windows-1252", TEXT.as_bytes()));
        let d = decode(&bom, None);
        assert!(d.text.contains(TEXT));
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn windows_1252_declared_or_guessed() {
        let (bytes, _, _) = WINDOWS_1252.encode(TEXT);
        let d = decode(&page("windows-1252", &bytes), None);
        assert!(d.text.contains(TEXT), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notes.is_empty(), "{:?}", d.notes);
        let mut bare = b"<p>".to_vec();
        bare.extend(bytes.iter());
        let d = decode(&bare, None);
        assert!(d.text.contains(TEXT), "{}", d.text);
        assert_eq!(d.notes, ["decoded as windows-1252 (guessed)"]);
    }

    #[test]
    fn http_charset_beats_meta() {
        let (bytes, _, _) = WINDOWS_1252.encode(TEXT);
        let d = decode(&page("shift_jis", &bytes), Some("ISO-8859-1"));
        assert!(d.text.contains(TEXT), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn a_lying_declaration_does_not_garble() {
        // Declared Latin-1, really UTF-8.
        let d = decode(&page("iso-8859-1", TEXT.as_bytes()), None);
        assert!(d.text.contains(TEXT), "{}", d.text);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.notes.len(), 1, "{:?}", d.notes);
        // Declared UTF-8, really windows-1252.
        let (bytes, _, _) = WINDOWS_1252.encode(TEXT);
        let d = decode(&page("utf-8", &bytes), None);
        assert!(d.text.contains(TEXT), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notes[0].contains("says UTF-8"), "{:?}", d.notes);
    }

    #[test]
    fn meta_forms() {
        assert_eq!(
            meta_charset(
                b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'>"
            ),
            Some(WINDOWS_1252)
        );
        assert_eq!(meta_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(
            meta_charset(b"<meta name=x content=y><meta charset = 'koi8-r' >"),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(meta_charset(b"<meta charset=bogus>"), None);
        assert_eq!(meta_charset(b"<p>charset=utf-8</p>"), None);
    }
}
