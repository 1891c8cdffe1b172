//! Bytes to text: BOM sniffing (UTF-8, UTF-16LE/BE), binary refusal, and legacy
//! encodings guessed by chardetng when the bytes are not UTF-8. HTML pages
//! are handed to `page`, which also reads what the page declares.
//!
//! Order of trust: a BOM, then valid UTF-8, then the detector's guess. News text
//! saved by old tools is often windows-1252; decoding it as UTF-8 would turn every
//! curly quote into a replacement character and make each one a "change". Anything
//! undecodable still becomes U+FFFD, and the version carries a note saying how
//! many bytes were replaced and which encoding was guessed, so nothing is altered
//! silently.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_8};

use super::sniff::sniff;
use super::{Error, Input, ReadOptions, split_paragraphs};
use crate::model::Version;

/// Decodes an input into a [`Version`] whose paragraphs are split and all `Story`.
///
/// # Errors
/// [`Error::Binary`] when the input looks binary and `opts.allow_binary` is off.
pub fn decode(input: &Input, opts: &ReadOptions) -> Result<Version, Error> {
    let bytes = input.bytes.as_slice();
    let mut notes = Vec::new();
    if let Some(evidence) = sniff(bytes) {
        if !opts.allow_binary {
            return Err(Error::Binary {
                path: input.path.clone(),
                evidence,
            });
        }
        notes.push(format!("decoded although it looks binary ({evidence})"));
    }
    if super::page::is_html(&input.path, bytes) {
        return Ok(super::page::version(
            input,
            &super::page::Origin::default(),
            notes,
        ));
    }
    let (text, encoding) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => {
            // The BOM is the writer's own statement of the encoding: no guessing.
            let (text, bad) = decode_counting(enc, bytes.get(bom_len..).unwrap_or_default());
            note_replaced(&mut notes, bad);
            let label = if enc == UTF_8 {
                "UTF-8 (BOM)".to_string()
            } else {
                enc.name().to_string()
            };
            (text, label)
        }
        None => match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), "UTF-8".to_string()),
            Err(_) => guess(bytes, &mut notes),
        },
    };
    let paragraphs = split_paragraphs(&text);
    Ok(Version {
        label: super::label::label(&input.path, &paragraphs),
        path: input.path.clone(),
        text,
        encoding,
        notes,
        paragraphs,
        file: input.file,
        metadata: None,
    })
}

/// Not valid UTF-8 and no BOM: chardetng decides between UTF-8 and a legacy
/// encoding, and the text is decoded with its verdict.
fn guess(bytes: &[u8], notes: &mut Vec<String>) -> (String, String) {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, Utf8Detection::Allow);
    // chardetng drops UTF-8 at the first invalid byte, so UTF-8 text with one stray
    // byte (a bad copy-paste) would come out as windows-1252 mojibake: "’" as
    // "â€™" in every line. Valid multi-byte sequences are next to impossible in
    // legacy 8-bit text, so when they outnumber the invalid ones it is UTF-8.
    if enc == UTF_8 || mostly_utf8(bytes) {
        let (text, bad) = decode_counting(UTF_8, bytes);
        note_replaced(notes, bad);
        return (text, "UTF-8".into());
    }
    let (text, bad) = decode_counting(enc, bytes);
    notes.push(format!("decoded as {} (guessed)", enc.name()));
    note_replaced(notes, bad);
    (text, enc.name().to_string())
}

/// Whether invalid UTF-8 still reads as UTF-8 with damage: at least one valid
/// multi-byte character per invalid sequence.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    multibyte > 0 && multibyte >= invalid
}

fn note_replaced(notes: &mut Vec<String>, bad: usize) {
    if bad > 0 {
        notes.push(format!("{bad} invalid bytes replaced"));
    }
}

/// Decodes `bytes` (BOM already stripped) with `enc`, replacing each malformed
/// sequence by U+FFFD; returns the text and how many bytes were malformed.
/// `encoding_rs`'s one-shot decoders only say *whether* something was replaced; the
/// count is what tells a reader "one stray byte" from "wrong encoding".
pub(in crate::ingest) fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    if enc == UTF_8
        && let Ok(s) = std::str::from_utf8(bytes)
    {
        return (s.to_string(), 0);
    }
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder_room(bytes.len()));
    let mut rest = bytes;
    let mut bad = 0usize;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => out.reserve(decoder_room(rest.len())),
            DecoderResult::Malformed(len, _) => {
                bad += usize::from(len);
                out.push('\u{FFFD}');
            }
        }
    }
    (out, bad)
}

/// Output room to reserve for `n` more input bytes. No encoding yields more than
/// three UTF-8 bytes per input byte, plus a little for a sequence pending across
/// the call, so one reservation normally suffices; should it not, the decoder says
/// `OutputFull` and the loop reserves again (never zero, so it always progresses).
fn decoder_room(n: usize) -> usize {
    n.saturating_mul(3).saturating_add(16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::BinaryEvidence;

    fn input(bytes: &[u8]) -> Input {
        Input {
            path: "dir/story.txt".into(),
            bytes: bytes.to_vec(),
            file: None,
        }
    }

    fn opts() -> ReadOptions {
        ReadOptions::default()
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

    const STORY: &str = "Premier\u{2019}s \u{201c}first\u{201d} line.\n\nSecond paragraph, caf\u{e9}.\r\n\r\nThird \u{1F600} paragraph.";

    #[test]
    fn utf8_is_taken_as_is() {
        let v = decode(&input(STORY.as_bytes()), &opts()).unwrap();
        assert_eq!(v.encoding, "UTF-8");
        assert_eq!(v.text, STORY);
        assert_eq!(v.label, "story");
        assert_eq!(v.path, "dir/story.txt");
        assert!(v.notes.is_empty());
        assert_eq!(v.paragraphs.len(), 3);
    }

    #[test]
    fn utf8_bom_is_removed_and_offsets_index_the_text() {
        let plain = decode(&input(STORY.as_bytes()), &opts()).unwrap();
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend(STORY.as_bytes());
        let v = decode(&input(&bytes), &opts()).unwrap();
        assert_eq!(v.encoding, "UTF-8 (BOM)");
        assert_eq!(v.text, STORY);
        assert_eq!(v.paragraphs, plain.paragraphs);
        assert_eq!(v.paragraphs[0].byte_start, 0);
        for p in &v.paragraphs {
            assert_eq!(&v.text[p.byte_start..p.byte_end], p.text);
        }
    }

    #[test]
    fn utf16_with_bom_decodes_like_its_utf8_twin() {
        let plain = decode(&input(STORY.as_bytes()), &opts()).unwrap();
        for (le, label) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let v = decode(&input(&utf16(STORY, le)), &opts()).unwrap();
            assert_eq!(v.encoding, label);
            assert_eq!(v.text, STORY);
            assert!(v.notes.is_empty(), "{:?}", v.notes);
            assert_eq!(v.paragraphs, plain.paragraphs);
        }
    }

    #[test]
    fn utf16_damage_is_replaced_and_counted() {
        let mut bytes = utf16("ab", true);
        bytes.extend([0x00, 0xD8]); // an unpaired high surrogate
        bytes.extend(utf16("c", true).get(2..).unwrap());
        bytes.push(b'x'); // an odd trailing byte
        let v = decode(&input(&bytes), &opts()).unwrap();
        assert_eq!(v.text, "ab\u{FFFD}c\u{FFFD}");
        assert_eq!(v.notes, ["3 invalid bytes replaced"]);
    }

    #[test]
    fn utf16_nul_is_binary() {
        let err = decode(&input(&utf16("a\0b", true)), &opts()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "dir/story.txt: binary file (NUL at byte 4)"
        );
    }

    #[test]
    fn windows_1252_is_guessed_and_said() {
        let original = "The caf\u{e9} said \u{201c}no\u{201d} to the na\u{ef}ve d\u{e9}j\u{e0} vu menu \u{2013} again and again.\n\nIt\u{2019}s \u{a3}5.";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(original);
        assert!(!unmappable);
        let v = decode(&input(&bytes), &opts()).unwrap();
        assert_eq!(v.text, original);
        assert_eq!(v.encoding, "windows-1252");
        assert_eq!(v.notes, ["decoded as windows-1252 (guessed)"]);
        assert_eq!(v.paragraphs.len(), 2);
    }

    #[test]
    fn one_latin1_byte_in_ascii_is_windows_1252() {
        let v = decode(&input(b"A caf\xe9 on the corner."), &opts()).unwrap();
        assert_eq!(v.text, "A caf\u{e9} on the corner.");
        assert_eq!(v.encoding, "windows-1252");
    }

    #[test]
    fn cyrillic_windows_1251_is_guessed() {
        let original = "\u{41f}\u{440}\u{435}\u{43c}\u{44c}\u{435}\u{440}-\u{43c}\u{438}\u{43d}\u{438}\u{441}\u{442}\u{440} \u{418}\u{440}\u{430}\u{43a}\u{430} \u{43d}\u{435} \u{43f}\u{43e}\u{441}\u{442}\u{440}\u{430}\u{434}\u{430}\u{43b} \u{432} \u{440}\u{435}\u{437}\u{443}\u{43b}\u{44c}\u{442}\u{430}\u{442}\u{435} \u{430}\u{442}\u{430}\u{43a}\u{438} \u{431}\u{435}\u{441}\u{43f}\u{438}\u{43b}\u{43e}\u{442}\u{43d}\u{438}\u{43a}\u{43e}\u{432}.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(original);
        let v = decode(&input(&bytes), &opts()).unwrap();
        assert_eq!(v.text, original);
        assert_eq!(v.encoding, "windows-1251");
    }

    #[test]
    fn nul_is_binary_even_late() {
        let err = decode(&input(b"abc\0def"), &opts()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "dir/story.txt: binary file (NUL at byte 3)"
        );
        let mut bytes = vec![b'a'; 70_000];
        bytes.push(0);
        let err = decode(&input(&bytes), &opts()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "dir/story.txt: binary file (NUL at byte 70000)"
        );
        assert!(matches!(
            err,
            Error::Binary {
                evidence: BinaryEvidence::Nul { at: 70_000 },
                ..
            }
        ));
    }

    #[test]
    fn control_bytes_are_binary() {
        let err = decode(&input(b"\x01\x02\x03\x04text"), &opts()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("dir/story.txt: binary file (50% control bytes"),
            "{err}"
        );
    }

    #[test]
    fn allow_binary_decodes_anyway_with_a_note() {
        let opts = ReadOptions {
            allow_binary: true,
            ..ReadOptions::default()
        };
        let v = decode(&input(b"one\0two\n\nthree"), &opts).unwrap();
        assert_eq!(v.text, "one\0two\n\nthree");
        assert_eq!(
            v.notes,
            ["decoded although it looks binary (NUL at byte 3)"]
        );
        assert_eq!(v.paragraphs.len(), 2);
    }

    #[test]
    fn stray_invalid_bytes_in_utf8_are_replaced_and_counted() {
        let mut bytes = "A paragraph of plain English text \u{2014} with dashes and \u{201c}quotes\u{201d}.\n\nAnother one."
            .as_bytes()
            .to_vec();
        bytes.insert(10, 0xFF);
        let v = decode(&input(&bytes), &opts()).unwrap();
        assert_eq!(v.encoding, "UTF-8");
        assert_eq!(v.notes, ["1 invalid bytes replaced"]);
        assert!(v.text.starts_with("A paragrap\u{FFFD}h"), "{}", v.text);
        assert!(
            v.text
                .contains("\u{2014} with dashes and \u{201c}quotes\u{201d}.")
        );
        assert_eq!(v.paragraphs.len(), 2);
    }

    #[test]
    fn invalid_bytes_after_utf8_bom_stay_utf8() {
        let v = decode(&input(b"\xEF\xBB\xBFcaf\xe9 ok"), &opts()).unwrap();
        assert_eq!(v.encoding, "UTF-8 (BOM)");
        assert_eq!(v.text, "caf\u{FFFD} ok");
        assert_eq!(v.notes, ["1 invalid bytes replaced"]);
    }

    #[test]
    fn empty_and_blank_inputs_have_no_paragraphs() {
        for bytes in [&b""[..], b"  \n\r\n\t", b"\xEF\xBB\xBF", b"\xFF\xFE"] {
            let v = decode(&input(bytes), &opts()).unwrap();
            assert!(v.paragraphs.is_empty(), "{bytes:?}");
            assert!(v.notes.is_empty(), "{bytes:?}");
        }
    }

    #[test]
    fn labels_are_file_stems_or_stdin() {
        let label = |path: &str| {
            decode(
                &Input {
                    path: path.into(),
                    bytes: b"x".to_vec(),
                    file: None,
                },
                &opts(),
            )
            .unwrap()
            .label
        };
        assert_eq!(label("-"), "stdin");
        assert_eq!(label("a/b/v1.txt"), "v1");
        assert_eq!(label("v2"), "v2");
        // A crawler's hash in the name is cut short (see `label`).
        assert_eq!(
            label("assets/sample/000_064c36f7512e8fff.txt"),
            "000_064c36…"
        );
    }

    #[test]
    fn room_is_enough_for_any_decoder() {
        for enc in [UTF_8, encoding_rs::UTF_16LE, encoding_rs::WINDOWS_1252] {
            let d = enc.new_decoder_without_bom_handling();
            let need = d.max_utf8_buffer_length_without_replacement(1000).unwrap();
            assert!(decoder_room(1000) >= need, "{}", enc.name());
        }
    }
}
