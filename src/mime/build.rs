//! Assembling S/MIME messages from outer headers and protected content
//! (RFC 8551 sections 3.5.3 and 3.3, RFC 1847 section 2.1). All output has
//! CRLF line ends.

use super::codec::{
    base64_encode_lines_into, base64_encode_parts_into, base64_write_parts, to_crlf,
};
use super::header::{is_mime_field, is_named};
use super::parse::{split_headers, HeaderField};

/// The second part of a multipart/signed.
pub struct SignaturePart<'a> {
    /// e.g. `application/pkcs7-signature`.
    pub content_type: &'a str,
    /// e.g. `smime.p7s`.
    pub filename: &'a str,
    /// Raw signature bytes (DER); the builder base64-encodes them.
    pub data: &'a [u8],
}

const PREAMBLE: &[u8] = b"This is a cryptographically signed message in MIME format.\r\n";

/// Outer headers + MIME-Version + multipart/signed around `entity` (kept
/// byte for byte) and the signature.
pub fn build_multipart_signed(
    outer: &[HeaderField],
    entity: &[u8],
    protocol: &str,
    micalg: &str,
    sig: &SignaturePart<'_>,
) -> Vec<u8> {
    let boundary = fresh_boundary(entity);
    let mut out = outer_fields(outer);
    out.extend_from_slice(
        format!(
            "Content-Type: multipart/signed;\r\n\tprotocol=\"{}\";\r\n\tmicalg={}; boundary=\"{boundary}\"\r\n\r\n",
            param_text(protocol),
            param_token(micalg),
        )
        .as_bytes(),
    );
    out.extend_from_slice(PREAMBLE);
    out.extend_from_slice(format!("\r\n--{boundary}\r\n").as_bytes());
    out.extend_from_slice(entity);
    out.extend_from_slice(format!("\r\n--{boundary}\r\n").as_bytes());
    let filename = param_text(sig.filename);
    out.extend_from_slice(
        format!(
            "Content-Type: {}; name=\"{filename}\"\r\n\
             Content-Transfer-Encoding: base64\r\n\
             Content-Disposition: attachment; filename=\"{filename}\"\r\n\r\n",
            param_token(sig.content_type),
        )
        .as_bytes(),
    );
    base64_encode_lines_into(sig.data, &mut out);
    out.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    out
}

/// Outer headers + MIME-Version + application/pkcs7-mime with the given
/// smime-type (`signed-data`, `enveloped-data`, `authEnveloped-data`) and
/// base64 body.
pub fn build_pkcs7_mime(outer: &[HeaderField], smime_type: &str, der: &[u8]) -> Vec<u8> {
    build_pkcs7_mime_parts(outer, smime_type, &[der])
}

/// [`build_pkcs7_mime`] for DER given in pieces that concatenate to it.
pub fn build_pkcs7_mime_parts(outer: &[HeaderField], smime_type: &str, der: &[&[u8]]) -> Vec<u8> {
    let mut out = pkcs7_mime_head(outer, smime_type);
    base64_encode_parts_into(der, &mut out);
    out
}

/// [`build_pkcs7_mime_parts`] written to `w` as it is encoded, so a large
/// message is never held in memory base64-encoded.
pub fn write_pkcs7_mime_parts(
    w: &mut dyn std::io::Write,
    outer: &[HeaderField],
    smime_type: &str,
    der: &[&[u8]],
) -> std::io::Result<()> {
    w.write_all(&pkcs7_mime_head(outer, smime_type))?;
    base64_write_parts(der, w)
}

/// Outer fields and the application/pkcs7-mime header, up to the body.
fn pkcs7_mime_head(outer: &[HeaderField], smime_type: &str) -> Vec<u8> {
    let mut out = outer_fields(outer);
    out.extend_from_slice(
        format!(
            "Content-Type: application/pkcs7-mime; smime-type={};\r\n\tname=\"smime.p7m\"\r\n\
             Content-Transfer-Encoding: base64\r\n\
             Content-Disposition: attachment; filename=\"smime.p7m\"\r\n\r\n",
            param_token(smime_type),
        )
        .as_bytes(),
    );
    out
}

/// Puts outer headers back on a decrypted or unwrapped entity: the
/// entity's own Content-* fields replace the outer ones. The entity's
/// other fields (protected headers) are kept; a MIME-Version inside is
/// dropped so that there is exactly one.
pub fn join_entity(outer: &[HeaderField], entity: &[u8]) -> Vec<u8> {
    let entity = to_crlf(entity);
    let mut out = outer_fields(outer);
    // split_headers cannot fail; fall back to the entity as it is.
    match split_headers(&entity) {
        Ok((fields, body)) => {
            for f in fields.iter().filter(|f| !is_named(f, "mime-version")) {
                out.extend_from_slice(&f.raw);
            }
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(body);
        }
        Err(_) => out.extend_from_slice(&entity),
    }
    out
}

/// The outer fields (minus any Content-* and MIME-Version) and our
/// `MIME-Version: 1.0`.
pub(crate) fn outer_fields(outer: &[HeaderField]) -> Vec<u8> {
    let mut out = Vec::new();
    for f in outer.iter().filter(|f| !is_mime_field(f)) {
        out.extend_from_slice(&to_crlf(&f.raw));
    }
    out.extend_from_slice(b"MIME-Version: 1.0\r\n");
    out
}

/// A boundary that occurs nowhere in `entity`. `=_` cannot appear in
/// quoted-printable or base64 text, so the first try nearly always fits.
pub(crate) fn fresh_boundary(entity: &[u8]) -> String {
    loop {
        let bytes: [u8; 16] = rand::random();
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let boundary = format!("=_ms_{hex}");
        if !contains(entity, boundary.as_bytes()) {
            return boundary;
        }
    }
}

/// Substring search that jumps between occurrences of the first byte, so
/// checking a large entity stays cheap.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(off) = haystack
        .get(from..)
        .and_then(|h| h.iter().position(|&b| b == first))
    {
        let at = from + off;
        if haystack.get(at + 1..).is_some_and(|t| t.starts_with(rest)) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// A value to put inside a quoted-string: no quotes, backslashes or
/// control characters can break out of it.
fn param_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && *c != '"' && *c != '\\')
        .collect()
}

/// A value to write as a bare token: specials that would end it are
/// dropped.
pub(crate) fn param_token(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_graphic() && !matches!(c, ';' | '"' | '\\' | '(' | ')'))
        .collect()
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
