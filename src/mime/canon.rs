//! The canonical form of what is signed or encrypted (RFC 8551 section
//! 3.1.1): CRLF line ends and a 7-bit-safe transfer encoding.
//!
//! Relays may re-encode 8-bit text, strip trailing whitespace or quote
//! lines starting with "From "; any of these breaks a signature over the
//! bytes as written. So before signing every leaf body that is not plainly
//! 7-bit safe is re-encoded (RFC 8551 section 3.1.2, RFC 3156 section 3):
//! text as quoted-printable (charset and bytes unchanged, only the transfer
//! encoding differs), everything else as base64.
//!
//! Multiparts are rebuilt part by part with their boundaries, preamble and
//! epilogue; attached messages (message/rfc822) are canonicalized inside,
//! their header fields kept. The parts of multipart/signed and
//! multipart/encrypted are left exactly as they are (apart from line
//! ends): changing them would break someone else's signature.

use std::borrow::Cow;

use super::codec::{base64_decode, base64_encode_lines, find_byte, to_crlf};
use super::header::{content_type, is_mime_field, is_named, transfer_encoding};
use super::input::split_message;
use super::multipart::{split_multipart, Multipart};
use super::params::ContentType;
use super::parse::{default_child_type, split_headers, HeaderField, MAX_DEPTH, MAX_PARTS};
use super::qp::{qp_decode, qp_encode};
use crate::error::{Error, Result};

/// A message split for signing or encryption.
#[derive(Debug, Clone)]
pub struct Protected {
    /// Header fields that stay outside: everything but Content-* and
    /// MIME-Version.
    pub outer: Vec<HeaderField>,
    /// The MIME entity to protect: Content-* fields and the body, in
    /// canonical form.
    pub entity: Vec<u8>,
}

/// The longest line SMTP must carry (RFC 5322 section 2.1.1), CRLF apart.
const MAX_LINE: usize = 998;

const WHAT: &str = "MIME message";

/// Splits a whole message into outer headers and the canonical entity.
/// The result is a fixed point: splitting `join_entity(outer, entity)`
/// again gives the same entity. Input that is not an RFC 5322 message is
/// refused ([`split_message`]): its outer headers would travel unprotected.
/// Errors otherwise only on nesting deeper than [`MAX_DEPTH`] or more than
/// [`MAX_PARTS`] parts.
pub fn split_for_protection(raw: &[u8]) -> Result<Protected> {
    let (headers, body) = split_message(raw)?;
    let (mime, outer): (Vec<HeaderField>, Vec<HeaderField>) =
        headers.into_iter().partition(is_mime_field);
    let mut content: Vec<HeaderField> = mime
        .into_iter()
        .filter(|f| !is_named(f, "mime-version"))
        .collect();
    if content.is_empty() {
        content.push(HeaderField {
            name: "Content-Type".into(),
            raw: b"Content-Type: text/plain; charset=us-ascii\r\n".to_vec(),
        });
    }
    let mut budget = MAX_PARTS;
    let mut entity = Vec::with_capacity(raw.len() + raw.len() / 16 + 64);
    canonical_entity(&content, body, false, 0, &mut budget, &mut entity)?;
    Ok(Protected { outer, entity })
}

/// Appends the canonical form of one entity given its header fields and
/// body. Fields are written as they are, except Content-Transfer-Encoding
/// when the body is re-encoded.
fn canonical_entity(
    fields: &[HeaderField],
    body: &[u8],
    in_digest: bool,
    depth: usize,
    budget: &mut usize,
    out: &mut Vec<u8>,
) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(Error::malformed(WHAT, "MIME parts nested too deeply"));
    }
    let ct = content_type(fields).unwrap_or_else(|| default_child_type(in_digest));
    let cte = transfer_encoding(fields);
    let identity = matches!(cte.as_str(), "7bit" | "8bit" | "binary");
    if is_sealed(&ct) {
        // Already signed or encrypted: the bytes are covered by a
        // signature (RFC 1847 section 2.1) and must not change.
        write_fields(fields, None, out);
        out.extend_from_slice(&to_crlf(body));
        return Ok(());
    }
    if ct.main_type() == "multipart" && identity {
        write_fields(fields, None, out);
        match ct.param("boundary").and_then(|b| split_multipart(body, b)) {
            Some(m) => canonical_multipart(&ct, &m, depth, budget, out)?,
            // Never re-encode a multipart: base64 is not allowed there.
            None => out.extend_from_slice(&to_crlf(body)),
        }
        return Ok(());
    }
    if ct.is("message/rfc822") && identity {
        write_fields(fields, None, out);
        let (inner_fields, inner_body) = split_headers(body)?;
        return canonical_entity(&inner_fields, inner_body, false, depth + 1, budget, out);
    }
    let (encoding, body) = canonical_leaf(&ct, &cte, body);
    write_fields(fields, encoding, out);
    out.extend_from_slice(&body);
    Ok(())
}

/// Whether the entity is a signed or encrypted multipart, whose parts are
/// kept exactly as they are.
fn is_sealed(ct: &ContentType) -> bool {
    ct.is("multipart/signed") || ct.is("multipart/encrypted")
}

/// Re-emits a multipart with each part canonicalized; boundaries,
/// preamble and epilogue are kept (with CRLF line ends).
fn canonical_multipart(
    ct: &ContentType,
    m: &Multipart<'_>,
    depth: usize,
    budget: &mut usize,
    out: &mut Vec<u8>,
) -> Result<()> {
    let digest = ct.is("multipart/digest");
    if let Some(p) = m.preamble {
        out.extend_from_slice(&to_crlf(p));
    }
    for (i, part) in m.parts.iter().enumerate() {
        *budget = budget
            .checked_sub(1)
            .ok_or_else(|| Error::malformed(WHAT, "too many MIME parts"))?;
        if i > 0 || m.preamble.is_some() {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(part.delimiter);
        out.extend_from_slice(b"\r\n");
        let (fields, body) = split_headers(part.content)?;
        canonical_entity(&fields, body, digest, depth + 1, budget, out)?;
    }
    if let Some(close) = m.close {
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(close);
    }
    if let Some(e) = m.epilogue {
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&to_crlf(e));
    }
    Ok(())
}

/// A leaf body in canonical form, and the transfer encoding to declare if
/// it had to change.
fn canonical_leaf<'a>(
    ct: &ContentType,
    cte: &str,
    body: &'a [u8],
) -> (Option<&'static str>, Cow<'a, [u8]>) {
    let text = ct.main_type() == "text";
    match cte {
        "base64" => {
            let lines = to_crlf(body);
            if is_relay_safe(&lines) {
                return (None, lines);
            }
            match base64_decode(body) {
                Ok(data) => (None, Cow::Owned(base64_encode_lines(&data))),
                // Not ours to repair: leave what cannot be decoded alone.
                Err(_) => (None, lines),
            }
        }
        "quoted-printable" => {
            let lines = to_crlf(body);
            if is_relay_safe(&lines) {
                return (None, lines);
            }
            (None, Cow::Owned(qp_encode(&qp_decode(body))))
        }
        "binary" if !text => (Some("base64"), Cow::Owned(base64_encode_lines(body))),
        "7bit" | "8bit" | "binary" => {
            let lines = to_crlf(body);
            if is_relay_safe(&lines) {
                (None, lines)
            } else if text {
                (Some("quoted-printable"), Cow::Owned(qp_encode(&lines)))
            } else {
                (Some("base64"), Cow::Owned(base64_encode_lines(&lines)))
            }
        }
        // An encoding we do not know (x-uuencode...): keep it.
        _ => (None, to_crlf(body)),
    }
}

/// Whether relays will pass `data` (CRLF line ends) unchanged: 7-bit, no
/// NUL, no bare CR or LF, lines of at most 998 octets, and no line that
/// starts with "From " or ends in whitespace.
pub fn is_relay_safe(data: &[u8]) -> bool {
    let mut rest = data;
    while let Some(i) = find_byte(rest, b'\n') {
        let Some(line) = rest.get(..i).and_then(|l| l.strip_suffix(b"\r")) else {
            return false;
        };
        if !is_safe_line(line) {
            return false;
        }
        rest = rest.get(i + 1..).unwrap_or_default();
    }
    is_safe_line(rest)
}

fn is_safe_line(line: &[u8]) -> bool {
    // No short-circuit in the byte test: it lets the compiler vectorize.
    let bad_bytes = line
        .iter()
        .fold(false, |bad, &b| bad | (b == 0) | (b == b'\r') | (b >= 0x80));
    line.len() <= MAX_LINE
        && !bad_bytes
        && !line.starts_with(b"From ")
        && !matches!(line.last(), Some(b' ' | b'\t'))
}

/// Appends the header fields and the empty line after them, with
/// Content-Transfer-Encoding set to `encoding` when given (replacing any
/// such fields, else appended).
fn write_fields(fields: &[HeaderField], encoding: Option<&str>, out: &mut Vec<u8>) {
    let mut written = false;
    for f in fields {
        let is_cte = is_named(f, "content-transfer-encoding");
        match encoding {
            Some(e) if is_cte => {
                if !written {
                    out.extend_from_slice(format!("Content-Transfer-Encoding: {e}\r\n").as_bytes());
                    written = true;
                }
            }
            _ => out.extend_from_slice(&f.raw),
        }
    }
    if let (Some(e), false) = (encoding, written) {
        out.extend_from_slice(format!("Content-Transfer-Encoding: {e}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
#[path = "canon_tests.rs"]
mod tests;
