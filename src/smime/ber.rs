//! BER to DER normalization for CMS input.
//!
//! `openssl cms -stream` and gpgsm write CMS with indefinite lengths and
//! constructed (chunked) OCTET STRINGs (X.690 section 8.1.3.6, 8.7.3). The
//! `cms` types decode DER, so input is normalized first: indefinite lengths
//! become definite, constructed universal string types become primitive.
//! Context-specific tags are kept as they are, because without the ASN.1
//! module an `[0] IMPLICIT OCTET STRING` cannot be told from an
//! `[0] EXPLICIT` one; see [`flatten_constructed`] for the callers that
//! know.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// Nesting deeper than any CMS structure we accept.
const MAX_DEPTH: usize = 64;

/// Universal string types whose BER encoding may be constructed.
const STRING_TAGS: [u8; 9] = [0x03, 0x04, 0x0c, 0x13, 0x14, 0x16, 0x1a, 0x1e, 0x1c];

/// Returns DER for `input`, borrowing it when it already is definite-length
/// with primitive strings. Trailing bytes after the first element are an
/// error.
pub fn to_der(input: &[u8]) -> Result<Cow<'_, [u8]>> {
    if is_plain_definite(input, 0)? {
        return Ok(Cow::Borrowed(input));
    }
    let mut out = Vec::with_capacity(input.len());
    let used = normalize(input, &mut out, 0)?;
    if used != input.len() {
        return Err(bad("trailing data after the top-level element"));
    }
    Ok(Cow::Owned(out))
}

/// Concatenates the contents of a constructed element's primitive children
/// (e.g. an `[0] IMPLICIT OCTET STRING` that was sent in chunks). `content`
/// is the element's content octets, already normalized to DER.
pub fn flatten_constructed(content: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(content.len());
    let mut rest = content;
    while !rest.is_empty() {
        let h = Header::read(rest)?;
        let len = h
            .len
            .ok_or_else(|| bad("indefinite length inside a chunked string"))?;
        let body = rest
            .get(h.header_len..h.header_len + len)
            .ok_or_else(|| bad("chunk runs past its container"))?;
        if h.constructed {
            out.extend(flatten_constructed(body)?);
        } else {
            out.extend_from_slice(body);
        }
        rest = &rest[h.header_len + len..];
    }
    Ok(out)
}

/// The contentType of a CMS ContentInfo, read from its first bytes
/// without decoding the rest (BER or DER): what kind of message this is,
/// whatever the MIME `smime-type` parameter claims.
pub fn content_type(input: &[u8]) -> Option<der::oid::ObjectIdentifier> {
    let outer = Header::read(input).ok()?;
    if outer.tag != [0x30] {
        return None;
    }
    let rest = input.get(outer.header_len..)?;
    let oid = Header::read(rest).ok()?;
    if oid.tag != [0x06] {
        return None;
    }
    let len = oid.len?;
    der::oid::ObjectIdentifier::from_bytes(rest.get(oid.header_len..oid.header_len + len)?).ok()
}

fn bad(detail: &str) -> Error {
    Error::malformed("BER/DER encoding", detail)
}

struct Header {
    /// The identifier octets, verbatim.
    tag: Vec<u8>,
    constructed: bool,
    /// None for the indefinite form.
    len: Option<usize>,
    header_len: usize,
}

impl Header {
    fn read(input: &[u8]) -> Result<Header> {
        let first = *input.first().ok_or_else(|| bad("unexpected end of data"))?;
        let constructed = first & 0x20 != 0;
        let mut pos = 1;
        if first & 0x1f == 0x1f {
            // High tag number: base-128 octets until one without the top bit.
            loop {
                let b = *input.get(pos).ok_or_else(|| bad("truncated tag"))?;
                pos += 1;
                if b & 0x80 == 0 {
                    break;
                }
                if pos > 6 {
                    return Err(bad("tag number too large"));
                }
            }
        }
        let tag = input[..pos].to_vec();
        let l0 = *input.get(pos).ok_or_else(|| bad("truncated length"))?;
        pos += 1;
        let len = match l0 {
            0x80 if constructed => None,
            0x80 => return Err(bad("indefinite length on a primitive element")),
            0x00..=0x7f => Some(l0 as usize),
            0x81..=0x84 => {
                let n = (l0 & 0x7f) as usize;
                let bytes = input
                    .get(pos..pos + n)
                    .ok_or_else(|| bad("truncated length"))?;
                pos += n;
                Some(bytes.iter().fold(0usize, |acc, b| (acc << 8) | *b as usize))
            }
            _ => return Err(bad("length too large")),
        };
        if let Some(l) = len {
            if input.len() - pos < l {
                return Err(bad("element runs past the end of the data"));
            }
        }
        Ok(Header {
            tag,
            constructed,
            len,
            header_len: pos,
        })
    }

    fn is_universal_string(&self) -> bool {
        self.tag.len() == 1 && STRING_TAGS.contains(&(self.tag[0] & !0x20))
    }
}

/// True when the element needs no rewriting (fast path for DER input).
fn is_plain_definite(input: &[u8], depth: usize) -> Result<bool> {
    if depth > MAX_DEPTH {
        return Err(bad("nesting too deep"));
    }
    let h = Header::read(input)?;
    let Some(len) = h.len else { return Ok(false) };
    if h.constructed && h.is_universal_string() {
        return Ok(false);
    }
    if depth == 0 && h.header_len + len != input.len() {
        return Err(bad("trailing data after the top-level element"));
    }
    if !h.constructed || h.tag == [0x04] {
        return Ok(true);
    }
    let mut rest = &input[h.header_len..h.header_len + len];
    while !rest.is_empty() {
        if !is_plain_definite(rest, depth + 1)? {
            return Ok(false);
        }
        let c = Header::read(rest)?;
        let clen = c.len.unwrap_or(0);
        rest = &rest[c.header_len + clen..];
    }
    Ok(true)
}

/// Writes the DER form of the element at the start of `input` to `out`;
/// returns how many input bytes it used.
fn normalize(input: &[u8], out: &mut Vec<u8>, depth: usize) -> Result<usize> {
    if depth > MAX_DEPTH {
        return Err(bad("nesting too deep"));
    }
    let h = Header::read(input)?;
    if !h.constructed {
        let len = h.len.unwrap_or(0);
        out.extend_from_slice(&input[..h.header_len + len]);
        return Ok(h.header_len + len);
    }
    let (content, used) = normalize_children(input, &h, depth)?;
    if h.is_universal_string() {
        let flat = flatten_constructed(&content)?;
        out.push(h.tag[0] & !0x20);
        write_len(out, flat.len());
        out.extend_from_slice(&flat);
    } else {
        out.extend_from_slice(&h.tag);
        write_len(out, content.len());
        out.extend_from_slice(&content);
    }
    Ok(used)
}

/// Normalizes the children of a constructed element; returns the new
/// content and the number of input bytes the whole element used.
fn normalize_children(input: &[u8], h: &Header, depth: usize) -> Result<(Vec<u8>, usize)> {
    let mut content = Vec::new();
    let mut pos = h.header_len;
    match h.len {
        Some(len) => {
            let end = h.header_len + len;
            while pos < end {
                pos += normalize(&input[pos..end], &mut content, depth + 1)?;
            }
            Ok((content, end))
        }
        None => loop {
            let rest = input
                .get(pos..)
                .ok_or_else(|| bad("missing end-of-contents"))?;
            if rest.starts_with(&[0, 0]) {
                return Ok((content, pos + 2));
            }
            if rest.is_empty() {
                return Err(bad("missing end-of-contents"));
            }
            pos += normalize(rest, &mut content, depth + 1)?;
        },
    }
}

fn write_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
        return;
    }
    let bytes = len.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    out.push(0x80 | (bytes.len() - skip) as u8);
    out.extend_from_slice(&bytes[skip..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_input_is_borrowed() {
        let der = [0x30, 0x06, 0x04, 0x01, 0xaa, 0x02, 0x01, 0x05];
        assert!(matches!(to_der(&der).unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn indefinite_lengths_and_chunked_strings_become_der() {
        // SEQUENCE (indefinite) { OCTET STRING constructed (indefinite) { "ab", "c" }, INTEGER 5 }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0x00, 0x00, 0x02,
            0x01, 0x05, 0x00, 0x00,
        ];
        let der = to_der(&ber).unwrap();
        assert_eq!(
            &*der,
            &[0x30, 0x08, 0x04, 0x03, b'a', b'b', b'c', 0x02, 0x01, 0x05]
        );
    }

    #[test]
    fn context_tags_are_kept_and_can_be_flattened() {
        // [0] constructed (indefinite) { OCTET STRING "ab", OCTET STRING "c" }
        let ber = [
            0xa0, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0x00, 0x00,
        ];
        let der = to_der(&ber).unwrap();
        assert_eq!(
            &*der,
            &[0xa0, 0x07, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c']
        );
        assert_eq!(flatten_constructed(&der[2..]).unwrap(), b"abc");
    }

    #[test]
    fn long_lengths_are_minimal() {
        let mut ber = vec![0x24, 0x80, 0x04, 0x82, 0x01, 0x00];
        ber.extend([7u8; 256]);
        ber.extend([0, 0]);
        let der = to_der(&ber).unwrap();
        assert_eq!(&der[..4], &[0x04, 0x82, 0x01, 0x00]);
        assert_eq!(der.len(), 260);
    }

    #[test]
    fn reads_the_content_type_of_ber_and_der() {
        let signed_data = const_oid::db::rfc5911::ID_SIGNED_DATA;
        let oid = der::Encode::to_der(&signed_data).unwrap();
        let mut ber = vec![0x30, 0x80];
        ber.extend_from_slice(&oid);
        ber.extend_from_slice(&[0xa0, 0x80, 0x30, 0x00, 0x00, 0x00, 0x00, 0x00]);
        assert_eq!(content_type(&ber), Some(signed_data));
        let mut der = vec![0x30, (oid.len() + 2) as u8];
        der.extend_from_slice(&oid);
        der.extend_from_slice(&[0x05, 0x00]);
        assert_eq!(content_type(&der), Some(signed_data));
        assert_eq!(content_type(b"\x30\x03\x02\x01\x00"), None);
        assert_eq!(content_type(b""), None);
    }

    #[test]
    fn fail_truncated_and_unterminated() {
        for bad in [
            &[0x30, 0x80, 0x04, 0x01, 0xaa][..],
            &[0x30, 0x05, 0x04, 0x01][..],
            &[0x04, 0x80, 0x00, 0x00][..],
            &[0x30, 0x85, 1, 1, 1, 1, 1][..],
            &[][..],
            &[0x30, 0x00, 0x00][..],
        ] {
            assert!(to_der(bad).is_err(), "{bad:02x?}");
        }
    }

    #[test]
    fn fail_deep_nesting_is_refused_not_overflowed() {
        let mut ber = Vec::new();
        for _ in 0..10_000 {
            ber.extend([0x30, 0x80]);
        }
        for _ in 0..10_000 {
            ber.extend([0x00, 0x00]);
        }
        assert!(to_der(&ber).is_err());
    }
}
