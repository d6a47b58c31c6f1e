//! ASCII armor for OpenPGP messages (RFC 9580 section 6.2), written
//! and read here rather than by Sequoia's streaming armor filters: on a
//! megabyte message those cost several times the decryption itself.
//! Inline PGP in text bodies is found in [`inline`].
//!
//! We write the CRC-24 line although RFC 9580 section 6.1 says it
//! SHOULD NOT be generated "unless interoperability with
//! implementations that require [it] is a concern": GnuPG 2.2 is one
//! (without it, it reads the END line as base64 and fails). We ignore
//! the line when reading, as that section requires.

pub mod html;
pub mod inline;

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::mime::base64_decode;
use crate::mime::codec::base64_encode_parts_into;
use crate::mime::multipart::lines;

pub(crate) const MESSAGE_BEGIN: &[u8] = b"-----BEGIN PGP MESSAGE-----";
pub(crate) const MESSAGE_END: &[u8] = b"-----END PGP MESSAGE-----";

const WHAT: &str = "OpenPGP armor";

/// Armors the binary message that `parts` make up when joined, with
/// CRLF line ends and base64 lines of 76 characters.
pub(crate) fn armor_message(parts: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    armor_message_into(parts, &mut out);
    out
}

/// [`armor_message`], appended to `out`. The checksum is computed on a
/// second core while the text is encoded.
pub(crate) fn armor_message_into(parts: &[&[u8]], out: &mut Vec<u8>) {
    let total: usize = parts.iter().map(|p| p.len()).sum();
    out.reserve(total / 3 * 4 + total / 38 + 128);
    out.extend_from_slice(MESSAGE_BEGIN);
    out.extend_from_slice(b"\r\n\r\n");
    let (crc, ()) = rayon::join(|| crc24(parts), || base64_encode_parts_into(parts, out));
    out.push(b'=');
    base64_encode_parts_into(&[&crc.to_be_bytes()[1..]], out);
    out.extend_from_slice(MESSAGE_END);
    out.extend_from_slice(b"\r\n");
}

/// CRC-24 as RFC 9580 section 6.1.1 defines it (generator 0x864CFB,
/// initial value 0xB704CE), over the concatenation of `parts`.
///
/// Computed eight bytes at a time ("slicing by 8"): the register is kept
/// in the top 24 bits of a `u32`, so this is a most-significant-bit-first
/// CRC-32 whose low byte stays zero, and eight table lookups that do not
/// depend on each other replace eight dependent ones.
fn crc24(parts: &[&[u8]]) -> u32 {
    let mut crc: u32 = 0x00B7_04CE << 8;
    for part in parts {
        let mut words = part.chunks_exact(8);
        for w in &mut words {
            let &[a, b, c, d, e, f, g, h] = w else {
                continue;
            };
            let hi = crc ^ u32::from_be_bytes([a, b, c, d]);
            let lo = u32::from_be_bytes([e, f, g, h]);
            crc = CRC24_TABLES[7][(hi >> 24) as usize]
                ^ CRC24_TABLES[6][(hi >> 16) as usize & 0xFF]
                ^ CRC24_TABLES[5][(hi >> 8) as usize & 0xFF]
                ^ CRC24_TABLES[4][hi as usize & 0xFF]
                ^ CRC24_TABLES[3][(lo >> 24) as usize]
                ^ CRC24_TABLES[2][(lo >> 16) as usize & 0xFF]
                ^ CRC24_TABLES[1][(lo >> 8) as usize & 0xFF]
                ^ CRC24_TABLES[0][lo as usize & 0xFF];
        }
        for &b in words.remainder() {
            crc = (crc << 8) ^ CRC24_TABLES[0][((crc >> 24) as u8 ^ b) as usize];
        }
    }
    crc >> 8
}

/// `CRC24_TABLES[0][b]`: the register (in the top 24 bits) after byte
/// `b` enters an empty one; `CRC24_TABLES[k][b]`: the same followed by
/// `k` zero bytes.
const CRC24_TABLES: [[u32; 256]; 8] = {
    let mut tables = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut crc = (i as u32) << 24;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x8000_0000 != 0 {
                (crc << 1) ^ 0x864C_FB00
            } else {
                crc << 1
            };
            bit += 1;
        }
        tables[0][i] = crc;
        i += 1;
    }
    let mut k = 1;
    while k < 8 {
        let mut i = 0;
        while i < 256 {
            let prev = tables[k - 1][i];
            tables[k][i] = (prev << 8) ^ tables[0][(prev >> 24) as usize];
            i += 1;
        }
        k += 1;
    }
    tables
};

/// The binary form of `input` when it is an armored message (after
/// leading whitespace); any other input is returned as it is, for
/// Sequoia to read or refuse. An armored message must end with its END
/// line: a cut one is an error, not a shorter message.
pub(crate) fn dearmor_message(input: &[u8]) -> Result<Cow<'_, [u8]>> {
    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(input.len());
    let text = input.get(start..).unwrap_or_default();
    if !text.starts_with(MESSAGE_BEGIN) {
        return Ok(Cow::Borrowed(input));
    }
    let body = armored_body(text)?;
    base64_decode(body)
        .map(Cow::Owned)
        .map_err(|e| Error::malformed(WHAT, e))
}

/// Where the armor is in the text that follows the BEGIN line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Headers,
    Body,
    /// After the body: the CRC line, then the END line.
    Tail,
}

/// The base64 text of an armored message that starts at `text`'s first
/// byte: after the BEGIN line and the armor headers ("Key: value"
/// lines up to an empty line), up to the CRC or END line.
fn armored_body(text: &[u8]) -> Result<&[u8]> {
    let mut section = Section::Headers;
    let (mut body_start, mut body_end) = (0, 0);
    // body_end is set where the body ends: at the CRC or END line.
    for (i, line) in lines(text).enumerate() {
        let content = text
            .get(line.start..line.end)
            .unwrap_or_default()
            .trim_ascii_end();
        if i == 0 {
            if content != MESSAGE_BEGIN {
                return Err(Error::malformed(WHAT, "text after the BEGIN line"));
            }
            continue;
        }
        if section == Section::Headers {
            if content.is_empty() {
                (section, body_start) = (Section::Body, line.next);
                continue;
            }
            if content.contains(&b':') {
                continue;
            }
            // Lenient: the body may follow without the empty line.
            (section, body_start) = (Section::Body, line.start);
        }
        if content.starts_with(b"-----") {
            if section == Section::Body {
                body_end = line.start;
            }
            return match content == MESSAGE_END {
                true => Ok(text.get(body_start..body_end).unwrap_or_default()),
                false => Err(Error::malformed(WHAT, "wrong END line")),
            };
        }
        match section {
            Section::Body if content.starts_with(b"=") && content.len() == 5 => {
                body_end = line.start;
                section = Section::Tail;
            }
            Section::Body => {}
            _ => return Err(Error::malformed(WHAT, "text after the checksum line")),
        }
    }
    Err(Error::malformed(
        WHAT,
        "no END line: the message is cut off",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mime::base64_encode;

    #[test]
    fn round_trips_with_and_without_headers_and_crc() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let armored = armor_message(&[&data[..10], &data[10..]]);
        assert!(armored.starts_with(b"-----BEGIN PGP MESSAGE-----\r\n\r\n"));
        assert_eq!(dearmor_message(&armored).unwrap().as_ref(), data.as_slice());
        let text = String::from_utf8(armored).unwrap();
        let body: String = text
            .trim_start_matches("-----BEGIN PGP MESSAGE-----\r\n\r\n")
            .trim_end_matches("-----END PGP MESSAGE-----\r\n")
            .lines()
            .filter(|l| !l.starts_with('='))
            .map(|l| format!("{l}\n"))
            .collect();
        let crc = crc24(&[&data]).to_be_bytes();
        let crc_line = format!(
            "\r\n={}\r\n-----END",
            String::from_utf8(base64_encode(&crc[1..])).unwrap()
        );
        assert!(text.contains(&crc_line), "{text}");
        let variants = [
            format!("\n  -----BEGIN PGP MESSAGE-----\nVersion: x\nComment: y\n\n{body}=njUN\n-----END PGP MESSAGE-----\n"),
            format!("-----BEGIN PGP MESSAGE-----   \n{body}-----END PGP MESSAGE-----"),
        ];
        for v in variants {
            assert_eq!(
                dearmor_message(v.as_bytes()).unwrap().as_ref(),
                data.as_slice(),
                "{v}"
            );
        }
    }

    #[test]
    fn crc24_matches_the_rfc_definition() {
        // Bit by bit, as in RFC 9580 section 6.1.1.
        fn slow(data: &[u8]) -> u32 {
            let mut crc: u32 = 0xB704CE;
            for &b in data {
                crc ^= u32::from(b) << 16;
                for _ in 0..8 {
                    crc <<= 1;
                    if crc & 0x1000000 != 0 {
                        crc ^= 0x1864CFB;
                    }
                }
            }
            crc & 0xFFFFFF
        }
        let data: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
        assert_eq!(crc24(&[&data[..100], &data[100..]]), slow(&data));
        for split in [0, 1, 7, 8, 9, 4093] {
            let (a, b) = data.split_at(split);
            assert_eq!(crc24(&[a, b]), slow(&data), "split at {split}");
        }
        assert_eq!(crc24(&[&data[..13]]), slow(&data[..13]));
        assert_eq!(crc24(&[]), 0xB704CE);
    }

    #[test]
    fn other_input_passes_through() {
        for raw in [
            &b"\xc1\x0c"[..],
            b"",
            b"-----BEGIN PGP SIGNED MESSAGE-----\n",
        ] {
            assert!(matches!(dearmor_message(raw), Ok(Cow::Borrowed(b)) if b == raw));
        }
    }

    #[test]
    fn fail_cut_or_broken_armor() {
        let cases: [&[u8]; 6] = [
            b"-----BEGIN PGP MESSAGE-----\n\nAAAA\n",
            b"-----BEGIN PGP MESSAGE-----\n\nAAAA\n-----END PGP SIGNATURE-----\n",
            b"-----BEGIN PGP MESSAGE----- x\n\nAAAA\n-----END PGP MESSAGE-----\n",
            b"-----BEGIN PGP MESSAGE-----\n\nAA!A\n-----END PGP MESSAGE-----\n",
            b"-----BEGIN PGP MESSAGE-----\n\nAAAA\n=abcd\nAAAA\n-----END PGP MESSAGE-----\n",
            b"-----BEGIN PGP MESSAGE-----",
        ];
        for raw in cases {
            assert!(
                dearmor_message(raw).is_err(),
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
    }
}
