//! Telling binary data from text before decoding it.
//!
//! Comparing a PNG or an executable word by word is never what the user meant,
//! and its bytes would flood the terminal, so such inputs are refused (or, inside
//! a directory, skipped). The test is the one `grep` and `diff` use — a NUL —
//! plus a share of control characters, which catches short binary blobs that
//! happen to hold no NUL. UTF-16 is full of NUL *bytes*, so with a UTF-16 BOM the
//! test looks at 16-bit code units instead. The whole input is scanned: a NUL at
//! byte 70,000 counts as much as one at byte 7.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

use super::BinaryEvidence;

/// Control characters above this share of the input (in percent) mean binary.
/// Random bytes hold about 10.5% of the characters counted by [`is_control`],
/// text almost none.
const CONTROL_PERCENT: usize = 10;

/// C0 controls and DEL that text does not use. Tab, LF, VT, FF, CR are layout;
/// ESC starts terminal colour codes in captured logs; SUB (0x1A) is the DOS
/// end-of-file mark some old text files still carry.
fn is_control(unit: u32) -> bool {
    matches!(unit, 0x01..=0x08 | 0x0E..=0x19 | 0x1C..=0x1F | 0x7F)
}

/// Why `bytes` look binary, or `None` when they may be text.
#[must_use]
pub(crate) fn sniff(bytes: &[u8]) -> Option<BinaryEvidence> {
    match Encoding::for_bom(bytes) {
        Some((enc, bom)) if enc == UTF_16LE || enc == UTF_16BE => {
            let body = bytes.get(bom..).unwrap_or_default();
            // A trailing odd byte is not a code unit; decoding reports it instead.
            let (pairs, _) = body.as_chunks::<2>();
            let units = pairs.iter().map(|&pair| {
                u32::from(if enc == UTF_16LE {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                })
            });
            scan(units, bom, 2)
        }
        _ => scan(bytes.iter().map(|&b| u32::from(b)), 0, 1),
    }
}

/// Scans code units that start at byte `base` and are `width` bytes wide.
fn scan(units: impl Iterator<Item = u32>, base: usize, width: usize) -> Option<BinaryEvidence> {
    let (mut total, mut controls, mut first_control) = (0usize, 0usize, None);
    for (i, unit) in units.enumerate() {
        let at = base.saturating_add(i.saturating_mul(width));
        if unit == 0 {
            return Some(BinaryEvidence::Nul { at });
        }
        if is_control(unit) {
            controls += 1;
            first_control.get_or_insert(at);
        }
        total += 1;
    }
    let at = first_control?;
    if controls.saturating_mul(100) > total.saturating_mul(CONTROL_PERCENT) {
        let percent = u8::try_from(controls.saturating_mul(100) / total.max(1)).unwrap_or(100);
        return Some(BinaryEvidence::Control { at, percent });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn text_is_not_binary() {
        assert_eq!(sniff(b""), None);
        assert_eq!(
            sniff("Caf\u{e9} \u{201c}ok\u{201d}\r\n\t\x0c".as_bytes()),
            None
        );
        // Colour codes from a captured terminal and a DOS EOF mark are still text.
        assert_eq!(sniff(b"\x1b[1mbold\x1b[0m and more text here\x1a"), None);
    }

    #[test]
    fn nul_is_found_anywhere() {
        assert_eq!(sniff(b"abc\0"), Some(BinaryEvidence::Nul { at: 3 }));
        let mut late = vec![b'a'; 70_000];
        late.push(0);
        assert_eq!(sniff(&late), Some(BinaryEvidence::Nul { at: 70_000 }));
    }

    #[test]
    fn many_control_bytes_are_binary_a_few_are_not() {
        assert_eq!(
            sniff(b"ab\x01\x02\x03"),
            Some(BinaryEvidence::Control { at: 2, percent: 60 })
        );
        let mut few = b"x".repeat(100);
        few.extend(b"\x01\x02\x03");
        assert_eq!(sniff(&few), None);
    }

    #[test]
    fn utf16_is_judged_by_code_units() {
        assert_eq!(sniff(&utf16("plain text", true)), None);
        assert_eq!(sniff(&utf16("plain text", false)), None);
        // The NUL code unit of "a\0" sits at bytes 4..6 after the 2-byte BOM.
        assert_eq!(
            sniff(&utf16("a\0", true)),
            Some(BinaryEvidence::Nul { at: 4 })
        );
        assert_eq!(
            sniff(&utf16("a\0", false)),
            Some(BinaryEvidence::Nul { at: 4 })
        );
        // UTF-16 text without a BOM is indistinguishable from binary: refused.
        assert_eq!(sniff(b"a\0b\0"), Some(BinaryEvidence::Nul { at: 1 }));
    }

    #[test]
    fn utf8_bom_data_is_scanned_as_bytes() {
        assert_eq!(
            sniff(b"\xEF\xBB\xBFab\0"),
            Some(BinaryEvidence::Nul { at: 5 })
        );
    }
}
