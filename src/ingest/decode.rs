//! Bytes to text: BOM sniffing (UTF-8, UTF-16LE/BE), binary detection, and legacy
//! 8-bit encodings guessed by chardetng when the bytes are not UTF-8.
//!
//! Order of trust: a BOM, then valid UTF-8, then the detector's guess. Anything
//! undecodable becomes U+FFFD and the version carries a note saying how many
//! replacements were made, so nothing is silently altered.

use encoding_rs::{Encoding, UTF_8};

use super::{Error, Input, ReadOptions, split_paragraphs};
use crate::model::Version;

/// Offset of the first byte that marks the data as binary: a NUL. UTF-16 text
/// (which is full of NULs) is only recognised with its BOM.
#[must_use]
pub fn first_binary_byte(bytes: &[u8]) -> Option<usize> {
    if Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8) {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

/// A short label for the input: its file stem, or `stdin`.
fn label_of(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    std::path::Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned())
}

/// Decodes an input into a [`Version`] whose paragraphs are split and all `Story`.
///
/// # Errors
/// [`Error::Binary`] when the input holds a NUL byte and `opts.allow_binary` is off.
pub fn decode(input: &Input, opts: &ReadOptions) -> Result<Version, Error> {
    let bytes = &input.bytes;
    let mut notes = Vec::new();
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            notes.push(format!(
                "{} invalid sequences replaced",
                text.matches('\u{FFFD}').count()
            ));
        }
        (text.into_owned(), format!("{} (BOM)", enc.name()))
    } else {
        if let Some(at) = first_binary_byte(bytes) {
            if !opts.allow_binary {
                return Err(Error::Binary {
                    path: input.path.clone(),
                    at,
                });
            }
            notes.push("decoded although it looks binary (--text)".into());
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), "UTF-8".to_string()),
            Err(_) => guess(bytes, &mut notes),
        }
    };
    let paragraphs = split_paragraphs(&text);
    Ok(Version {
        label: label_of(&input.path),
        path: input.path.clone(),
        text,
        encoding,
        notes,
        paragraphs,
    })
}

/// Not valid UTF-8: ask the detector. When it still says UTF-8 (a few stray bytes
/// in UTF-8 text), decode lossily and count the replacements.
fn guess(bytes: &[u8], notes: &mut Vec<String>) -> (String, String) {
    // Real UTF-8 text with a few stray bytes (a bad copy-paste): keep it UTF-8.
    let lossy = String::from_utf8_lossy(bytes);
    let replaced = lossy.matches('\u{FFFD}').count();
    let has_multibyte = lossy.chars().any(|c| c as u32 >= 0x80 && c != '\u{FFFD}');
    if has_multibyte && replaced * 100 <= bytes.len() {
        notes.push(format!("{replaced} invalid UTF-8 bytes replaced"));
        return (lossy.into_owned(), "UTF-8".into());
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = enc.decode(bytes);
    if enc == UTF_8 {
        let n = text.matches('\u{FFFD}').count();
        notes.push(format!("{n} invalid UTF-8 bytes replaced"));
        return (text.into_owned(), "UTF-8".into());
    }
    notes.push(format!("decoded as {} (guessed)", enc.name()));
    if had_errors {
        notes.push(format!(
            "{} undecodable bytes replaced",
            text.matches('\u{FFFD}').count()
        ));
    }
    (text.into_owned(), enc.name().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(bytes: &[u8]) -> Input {
        Input {
            path: "dir/story.txt".into(),
            bytes: bytes.to_vec(),
        }
    }

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in s.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    const STORY: &str = "Premier’s “first” line.\n\nSecond paragraph, café.\r\nStill second.";

    #[test]
    fn utf8_is_taken_as_is() {
        let v = decode(&input(STORY.as_bytes()), &ReadOptions::default()).unwrap();
        assert_eq!(v.encoding, "UTF-8");
        assert_eq!(v.text, STORY);
        assert_eq!(v.label, "story");
        assert!(v.notes.is_empty());
    }

    #[test]
    fn boms_are_sniffed_and_removed() {
        let plain = decode(&input(STORY.as_bytes()), &ReadOptions::default()).unwrap();
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend(STORY.as_bytes());
        for (bytes, enc) in [
            (with_bom, "UTF-8 (BOM)"),
            (utf16(STORY, true), "UTF-16LE (BOM)"),
            (utf16(STORY, false), "UTF-16BE (BOM)"),
        ] {
            let v = decode(&input(&bytes), &ReadOptions::default()).unwrap();
            assert_eq!(v.encoding, enc);
            assert_eq!(v.text, STORY);
            assert_eq!(v.paragraphs, plain.paragraphs);
        }
    }

    #[test]
    fn windows_1252_is_guessed_and_said() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode("The caf\u{e9} said \u{201c}no\u{201d} to the na\u{ef}ve d\u{e9}j\u{e0} vu menu, again and again.");
        let v = decode(&input(&bytes), &ReadOptions::default()).unwrap();
        assert!(
            v.text.contains("café") && v.text.contains("“no”"),
            "{}",
            v.text
        );
        assert!(
            v.notes.iter().any(|n| n.contains("guessed")),
            "{:?}",
            v.notes
        );
    }

    #[test]
    fn nul_is_binary_even_late() {
        let mut bytes = vec![b'a'; 70_000];
        bytes.push(0);
        let err = decode(&input(&bytes), &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("NUL at byte 70000"), "{err}");
        let opts = ReadOptions {
            allow_binary: true,
            ..ReadOptions::default()
        };
        assert!(decode(&input(&bytes), &opts).is_ok());
    }

    #[test]
    fn stray_invalid_bytes_are_replaced_and_counted() {
        let mut bytes = "A long enough paragraph of plain English text to be sure it reads as UTF-8 — with dashes. ".repeat(5).into_bytes();
        bytes.insert(10, 0xFF);
        let v = decode(&input(&bytes), &ReadOptions::default()).unwrap();
        assert!(v.text.contains('\u{FFFD}'));
        assert!(!v.notes.is_empty());
    }

    #[test]
    fn stdin_is_labelled() {
        let v = decode(
            &Input {
                path: "-".into(),
                bytes: b"x".to_vec(),
            },
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(v.label, "stdin");
    }
}
