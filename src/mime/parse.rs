//! Reading received messages: headers, addresses, and where the signed or
//! encrypted parts are.

use super::codec::{base64_decode, to_crlf};
use super::header::{content_type, transfer_encoding};
use super::multipart::{lines, split_multipart, Multipart};
use super::params::ContentType;
use super::qp::qp_decode;
use crate::error::{Error, Result};

pub use super::header::{addresses, header_value};

/// One header field exactly as it appeared, folded lines included, with
/// CRLF line ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// The field name as written (compare case-insensitively). Empty for a
    /// line in the header block that is not a field (e.g. an mbox `From `
    /// line); such lines are kept so that nothing is silently dropped.
    pub name: String,
    /// The whole field, `Name: value\r\n` plus continuation lines.
    pub raw: Vec<u8>,
}

/// An address from From/To/Cc/Bcc/Sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub name: Option<String>,
    /// Lower-cased addr-spec.
    pub email: String,
}

/// What the root of a message (or a nested part) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// multipart/signed (RFC 1847 section 2.1): `signed` is the first
    /// part's exact bytes (headers and body, CRLF line ends, without the
    /// CRLF before the boundary); `signature` the decoded body of the
    /// second part. `protocol` and `micalg` are lower-cased.
    MultipartSigned {
        protocol: String,
        micalg: Option<String>,
        signed: Vec<u8>,
        signature: Vec<u8>,
    },
    /// application/pkcs7-mime (or x-pkcs7-mime), body decoded to DER
    /// (RFC 8551 section 3.2). `smime_type` as written: compare it
    /// case-insensitively.
    Pkcs7Mime {
        smime_type: Option<String>,
        der: Vec<u8>,
    },
    /// Anything else.
    Plain,
}

#[derive(Debug, Clone)]
pub struct Analysis {
    /// The message's own header fields, in order.
    pub headers: Vec<HeaderField>,
    /// What the message root is.
    pub root: Body,
    /// Signed or encrypted entities found below a plain root, with their
    /// part path (e.g. `2` or `1.3`): these cover only part of the message.
    pub nested: Vec<(String, Body)>,
}

/// How deep [`analyze`] looks for nested protected parts.
pub const MAX_DEPTH: usize = 32;
/// How many parts [`analyze`] looks at in one message.
pub const MAX_PARTS: usize = 10_000;

const WHAT: &str = "MIME message";

/// Splits at the first empty line. Accepts LF or CRLF line ends. Without
/// an empty line the whole input is headers and the body is empty. Lines
/// in the header block that are neither a field nor a continuation are
/// kept as fields with an empty name. Runs in time linear in the input.
pub fn split_headers(raw: &[u8]) -> Result<(Vec<HeaderField>, &[u8])> {
    let mut fields: Vec<HeaderField> = Vec::new();
    for line in lines(raw) {
        let text = raw.get(line.start..line.end).unwrap_or_default();
        if text.is_empty() {
            return Ok((fields, raw.get(line.next..).unwrap_or_default()));
        }
        let continuation = matches!(text.first(), Some(b' ' | b'\t'));
        match fields.last_mut() {
            Some(last) if continuation => {
                last.raw.extend_from_slice(text);
                last.raw.extend_from_slice(b"\r\n");
            }
            _ => {
                let mut field_raw = Vec::with_capacity(text.len() + 2);
                field_raw.extend_from_slice(text);
                field_raw.extend_from_slice(b"\r\n");
                fields.push(HeaderField {
                    name: field_name(text).unwrap_or_default(),
                    raw: field_raw,
                });
            }
        }
    }
    Ok((fields, &[]))
}

/// The name of a `name: value` line: printable ASCII but colon (RFC 5322
/// section 3.6.8), optionally followed by whitespace (obsolete syntax).
pub(super) fn field_name(line: &[u8]) -> Option<String> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = line.get(..colon)?.trim_ascii_end();
    let valid = !name.is_empty() && name.iter().all(|&b| (33..=126).contains(&b));
    valid.then(|| String::from_utf8_lossy(name).into_owned())
}

/// Decodes a body per its Content-Transfer-Encoding (RFC 2045 section 6).
pub fn decode_body(headers: &[HeaderField], body: &[u8]) -> Result<Vec<u8>> {
    match transfer_encoding(headers).as_str() {
        "base64" => base64_decode(body),
        "quoted-printable" => Ok(qp_decode(body)),
        "7bit" | "8bit" | "binary" => Ok(body.to_vec()),
        other => Err(Error::unsupported(
            "Content-Transfer-Encoding",
            crate::safe::Safe(other),
        )),
    }
}

/// Finds the protected structure of a whole message.
pub fn analyze(raw: &[u8]) -> Result<Analysis> {
    let (headers, body) = split_headers(raw)?;
    let ct = content_type(&headers).unwrap_or_else(ContentType::default_text);
    let mut nested = Vec::new();
    let root = if ct.is("multipart/signed") {
        parse_signed(&ct, body)?
    } else if is_pkcs7_mime(&ct) {
        parse_pkcs7(&ct, &headers, body)?
    } else {
        let mut budget = MAX_PARTS;
        find_nested(&ct, body, "", 1, &mut budget, &mut nested);
        Body::Plain
    };
    Ok(Analysis {
        headers,
        root,
        nested,
    })
}

fn is_pkcs7_mime(ct: &ContentType) -> bool {
    ct.is("application/pkcs7-mime") || ct.is("application/x-pkcs7-mime")
}

/// RFC 1847 section 2.1: exactly two parts, the first signed as it stands
/// on the wire, the second the signature.
fn parse_signed(ct: &ContentType, body: &[u8]) -> Result<Body> {
    let boundary = ct
        .param("boundary")
        .ok_or_else(|| Error::malformed(WHAT, "multipart/signed without a boundary parameter"))?;
    let m = split_multipart(body, boundary)
        .ok_or_else(|| Error::malformed(WHAT, "multipart/signed without boundary delimiters"))?;
    let [signed, sig] = two_parts(&m)?;
    let (sig_headers, sig_body) = split_headers(sig)?;
    let signature = decode_body(&sig_headers, sig_body)
        .map_err(|e| Error::malformed(WHAT, format!("signature part: {e}")))?;
    let protocol = match ct.param("protocol") {
        Some(p) => p.trim().to_ascii_lowercase(),
        // RFC 1847 requires the parameter; the signature part's own type
        // names the same protocol.
        None => content_type(&sig_headers)
            .map(|c| c.mime_type)
            .ok_or_else(|| Error::malformed(WHAT, "multipart/signed without a protocol"))?,
    };
    Ok(Body::MultipartSigned {
        protocol,
        micalg: ct.param("micalg").map(|m| m.trim().to_ascii_lowercase()),
        signed: to_crlf(signed).into_owned(),
        signature,
    })
}

fn two_parts<'a>(m: &Multipart<'a>) -> Result<[&'a [u8]; 2]> {
    if m.close.is_none() {
        return Err(Error::malformed(
            WHAT,
            "multipart/signed without a closing boundary delimiter",
        ));
    }
    match m.parts.as_slice() {
        [a, b] => Ok([a.content, b.content]),
        parts => Err(Error::malformed(
            WHAT,
            format!("multipart/signed has {} parts, not 2", parts.len()),
        )),
    }
}

fn parse_pkcs7(ct: &ContentType, headers: &[HeaderField], body: &[u8]) -> Result<Body> {
    let der = decode_body(headers, body)
        .map_err(|e| Error::malformed(WHAT, format!("application/pkcs7-mime body: {e}")))?;
    if der.is_empty() {
        return Err(Error::malformed(WHAT, "empty application/pkcs7-mime body"));
    }
    Ok(Body::Pkcs7Mime {
        smime_type: ct.param("smime-type").map(|s| s.trim().to_string()),
        der,
    })
}

/// Walks a plain multipart tree and records signed or encrypted parts.
/// Encrypted multiparts and attached messages are not entered: neither is
/// content of this message. Malformed nested parts are left out; they
/// cover nothing.
fn find_nested(
    ct: &ContentType,
    body: &[u8],
    prefix: &str,
    depth: usize,
    budget: &mut usize,
    out: &mut Vec<(String, Body)>,
) {
    if ct.main_type() != "multipart" || ct.is("multipart/encrypted") || depth > MAX_DEPTH {
        return;
    }
    let Some(m) = ct.param("boundary").and_then(|b| split_multipart(body, b)) else {
        return;
    };
    let digest = ct.is("multipart/digest");
    for (i, part) in m.parts.iter().enumerate() {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        let path = if prefix.is_empty() {
            (i + 1).to_string()
        } else {
            format!("{prefix}.{}", i + 1)
        };
        let Ok((headers, part_body)) = split_headers(part.content) else {
            continue;
        };
        let child = content_type(&headers).unwrap_or_else(|| default_child_type(digest));
        if child.is("multipart/signed") {
            if let Ok(b) = parse_signed(&child, part_body) {
                out.push((path, b));
            }
        } else if is_pkcs7_mime(&child) {
            if let Ok(b) = parse_pkcs7(&child, &headers, part_body) {
                out.push((path, b));
            }
        } else {
            find_nested(&child, part_body, &path, depth + 1, budget, out);
        }
    }
}

/// RFC 2046 section 5.1.5: parts of a multipart/digest default to
/// message/rfc822.
pub fn default_child_type(in_digest: bool) -> ContentType {
    if in_digest {
        ContentType {
            mime_type: "message/rfc822".into(),
            params: Vec::new(),
        }
    } else {
        ContentType::default_text()
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
