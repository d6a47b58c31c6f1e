//! PGP/MIME (RFC 3156): assembling multipart/signed and
//! multipart/encrypted messages, and taking multipart/encrypted apart
//! (multipart/signed is parsed by [`crate::mime::analyze`]).

use super::armor::armor_message_into;
use super::sign::DetachedSignature;
use crate::error::{Error, Result};
use crate::mime::build::{fresh_boundary, outer_fields, param_token};
use crate::mime::{
    content_type, decode_body, split_headers, split_multipart, to_crlf, HeaderField,
};

/// The `protocol` of a PGP/MIME multipart/signed (RFC 3156 section 5).
pub const SIGNATURE_PROTOCOL: &str = "application/pgp-signature";
/// The `protocol` of a PGP/MIME multipart/encrypted (RFC 3156 section 4).
pub const ENCRYPTED_PROTOCOL: &str = "application/pgp-encrypted";

const SIGNED_PREAMBLE: &[u8] = b"This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\r\n";
const ENCRYPTED_PREAMBLE: &[u8] =
    b"This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)\r\n";

const WHAT: &str = "PGP/MIME message";

/// Outer headers + multipart/signed around `entity` (kept byte for
/// byte: it is what was signed) and the armored signature as a 7-bit
/// application/pgp-signature part.
pub fn build_signed(outer: &[HeaderField], entity: &[u8], sig: &DetachedSignature) -> Vec<u8> {
    let signature = to_crlf(&sig.armored);
    let boundary = fresh_boundary(entity);
    let mut out = outer_fields(outer);
    out.reserve(entity.len() + signature.len() + 512);
    out.extend_from_slice(
        format!(
            "Content-Type: multipart/signed; micalg={};\r\n\tprotocol=\"{SIGNATURE_PROTOCOL}\"; boundary=\"{boundary}\"\r\n\r\n",
            param_token(&sig.micalg),
        )
        .as_bytes(),
    );
    out.extend_from_slice(SIGNED_PREAMBLE);
    out.extend_from_slice(format!("\r\n--{boundary}\r\n").as_bytes());
    out.extend_from_slice(entity);
    out.extend_from_slice(format!("\r\n--{boundary}\r\n").as_bytes());
    out.extend_from_slice(
        b"Content-Type: application/pgp-signature; name=\"signature.asc\"\r\n\
          Content-Description: OpenPGP digital signature\r\n\
          Content-Disposition: attachment; filename=\"signature.asc\"\r\n\r\n",
    );
    push_armor(&mut out, &signature);
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

/// Outer headers + multipart/encrypted: the `Version: 1` control part
/// and the armored message as application/octet-stream.
pub fn build_encrypted(outer: &[HeaderField], armored: &[u8]) -> Vec<u8> {
    let message = to_crlf(armored);
    let boundary = fresh_boundary(&message);
    encrypted_around(outer, &boundary, message.len(), |out| {
        push_armor(out, &message)
    })
}

/// [`build_encrypted`] for a binary message (the concatenation of
/// `parts`), armored straight into the output: a megabyte message is
/// neither copied nor searched for the boundary. Our armor is base64
/// between the BEGIN and END lines, and the boundary holds `_`, which
/// neither contains, so no search is needed.
pub(crate) fn build_encrypted_binary(outer: &[HeaderField], parts: &[&[u8]]) -> Vec<u8> {
    let boundary = fresh_boundary(b"");
    debug_assert!(boundary.contains('_'));
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let armored_len = total / 57 * 78 + 256;
    encrypted_around(outer, &boundary, armored_len, |out| {
        armor_message_into(parts, out);
        out.extend_from_slice(b"\r\n");
    })
}

/// The multipart/encrypted entity with `boundary`; `armor` appends the
/// armored message, ending with one CRLF before the closing delimiter.
fn encrypted_around(
    outer: &[HeaderField],
    boundary: &str,
    armored_len: usize,
    armor: impl FnOnce(&mut Vec<u8>),
) -> Vec<u8> {
    let mut out = outer_fields(outer);
    out.reserve(armored_len + 512);
    out.extend_from_slice(
        format!(
            "Content-Type: multipart/encrypted;\r\n\tprotocol=\"{ENCRYPTED_PROTOCOL}\"; boundary=\"{boundary}\"\r\n\r\n"
        )
        .as_bytes(),
    );
    out.extend_from_slice(ENCRYPTED_PREAMBLE);
    out.extend_from_slice(format!("\r\n--{boundary}\r\n").as_bytes());
    out.extend_from_slice(
        b"Content-Type: application/pgp-encrypted\r\n\
          Content-Description: PGP/MIME version identification\r\n\r\n\
          Version: 1\r\n",
    );
    out.extend_from_slice(format!("\r\n--{boundary}\r\n").as_bytes());
    out.extend_from_slice(
        b"Content-Type: application/octet-stream; name=\"encrypted.asc\"\r\n\
          Content-Description: OpenPGP encrypted message\r\n\
          Content-Disposition: inline; filename=\"encrypted.asc\"\r\n\r\n",
    );
    armor(&mut out);
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

/// Appends armor so that exactly one CRLF separates it from the next
/// delimiter line (the CRLF before a delimiter belongs to it).
fn push_armor(out: &mut Vec<u8>, armor: &[u8]) {
    out.extend_from_slice(armor);
    if !armor.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
}

/// The armored (or binary) OpenPGP message inside a PGP/MIME
/// multipart/encrypted entity; `Ok(None)` when the entity is not one.
pub fn parse_encrypted(headers: &[HeaderField], body: &[u8]) -> Result<Option<Vec<u8>>> {
    let Some(ct) = content_type(headers) else {
        return Ok(None);
    };
    let protocol = ct.param("protocol").map(|p| p.trim().to_ascii_lowercase());
    if !ct.is("multipart/encrypted") || protocol.as_deref() != Some(ENCRYPTED_PROTOCOL) {
        return Ok(None);
    }
    let boundary = ct
        .param("boundary")
        .ok_or_else(|| Error::malformed(WHAT, "multipart/encrypted without a boundary"))?;
    let m = split_multipart(body, boundary)
        .ok_or_else(|| Error::malformed(WHAT, "multipart/encrypted without delimiters"))?;
    let [control, data] = match m.parts.as_slice() {
        [a, b] => [a.content, b.content],
        parts => {
            return Err(Error::malformed(
                WHAT,
                format!("multipart/encrypted has {} parts, not 2", parts.len()),
            ))
        }
    };
    check_control(control)?;
    let (data_headers, data_body) = split_headers(data)?;
    let message = decode_body(&data_headers, data_body)?;
    if message.is_empty() {
        return Err(Error::malformed(WHAT, "empty encrypted part"));
    }
    Ok(Some(message))
}

/// What the verdict says about a message read by [`parse_exchange_mangled`].
pub const EXCHANGE_REPAIRED: &str = "repaired PGP/MIME: Microsoft Exchange had rewritten \
     multipart/encrypted as multipart/mixed with the encrypted parts as attachments; \
     read as multipart/encrypted";

/// The OpenPGP message of a PGP/MIME encrypted message that Microsoft
/// Exchange rewrote, as Thunderbird (and Enigmail before it) recognize
/// and repair it: multipart/mixed holding, in this order, at most one
/// text/plain part with nothing but whitespace in it, the
/// application/pgp-encrypted control part saying `Version: 1` and the
/// encrypted message (`encrypted.asc`). Anything more, or other text,
/// and it is an ordinary multipart/mixed message: `Ok(None)`.
pub fn parse_exchange_mangled(headers: &[HeaderField], body: &[u8]) -> Result<Option<Vec<u8>>> {
    let Some(ct) = content_type(headers).filter(|c| c.is("multipart/mixed")) else {
        return Ok(None);
    };
    let Some(m) = ct.param("boundary").and_then(|b| split_multipart(body, b)) else {
        return Ok(None);
    };
    let parts: Vec<&[u8]> = m.parts.iter().map(|p| p.content).collect();
    let [control, data] = match parts.as_slice() {
        [text, control, data] if is_empty_text(text) => [*control, *data],
        [control, data] => [*control, *data],
        _ => return Ok(None),
    };
    // A control part that is not one makes it an ordinary message.
    if check_control(control).is_err() {
        return Ok(None);
    }
    let (data_headers, data_body) = split_headers(data)?;
    let is_data = content_type(&data_headers)
        .is_some_and(|c| c.is("application/octet-stream") || c.is(ENCRYPTED_PROTOCOL));
    let message = decode_body(&data_headers, data_body)?;
    if !is_data || message.trim_ascii().is_empty() {
        return Ok(None);
    }
    Ok(Some(message))
}

/// A text/plain part (or one without a Content-Type) whose text is only
/// whitespace.
fn is_empty_text(part: &[u8]) -> bool {
    let Ok((headers, body)) = split_headers(part) else {
        return false;
    };
    content_type(&headers).is_none_or(|c| c.is("text/plain"))
        && decode_body(&headers, body).is_ok_and(|t| t.trim_ascii().is_empty())
}

/// The first part must be application/pgp-encrypted and say
/// `Version: 1` (RFC 3156 section 4).
fn check_control(part: &[u8]) -> Result<()> {
    let (headers, body) = split_headers(part)?;
    let is_control = content_type(&headers).is_some_and(|c| c.is(ENCRYPTED_PROTOCOL));
    if !is_control {
        return Err(Error::malformed(
            WHAT,
            "the first part of multipart/encrypted is not application/pgp-encrypted",
        ));
    }
    let body = decode_body(&headers, body)?;
    let version = body.split(|&b| b == b'\n').find_map(|line| {
        let line = line.trim_ascii();
        let colon = line.iter().position(|&b| b == b':')?;
        let (name, value) = line.split_at(colon);
        name.eq_ignore_ascii_case(b"version")
            .then(|| value.get(1..).unwrap_or_default().trim_ascii())
    });
    match version {
        Some(b"1") => Ok(()),
        Some(v) => Err(Error::unsupported(
            "PGP/MIME version",
            crate::safe::escape_bytes(v),
        )),
        None => Err(Error::malformed(
            WHAT,
            "the application/pgp-encrypted part has no Version line",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mime::{analyze, Body};

    fn sig() -> DetachedSignature {
        DetachedSignature {
            armored: b"-----BEGIN PGP SIGNATURE-----\n\nabc\n-----END PGP SIGNATURE-----\n"
                .to_vec(),
            micalg: "pgp-sha256".into(),
        }
    }

    #[test]
    fn signed_parses_back_with_exact_entity() {
        let outer = split_headers(b"From: a@example.org\r\nSubject: x\r\n\r\n")
            .unwrap()
            .0;
        let entity = b"Content-Type: text/plain\r\n\r\nhello\r\n";
        let msg = build_signed(&outer, entity, &sig());
        let a = analyze(&msg).unwrap();
        let Body::MultipartSigned {
            protocol,
            micalg,
            signed,
            signature,
        } = a.root
        else {
            panic!("not multipart/signed");
        };
        assert_eq!(protocol, SIGNATURE_PROTOCOL);
        assert_eq!(micalg.as_deref(), Some("pgp-sha256"));
        assert_eq!(signed, entity);
        assert_eq!(signature, to_crlf(&sig().armored).as_ref());
    }

    #[test]
    fn encrypted_parses_back() {
        let outer = split_headers(b"To: b@example.org\r\n\r\n").unwrap().0;
        let armored = b"-----BEGIN PGP MESSAGE-----\n\nxyz\n-----END PGP MESSAGE-----\n";
        let msg = build_encrypted(&outer, armored);
        let (h, body) = split_headers(&msg).unwrap();
        let got = parse_encrypted(&h, body).unwrap().unwrap();
        assert_eq!(got, to_crlf(armored).as_ref());
    }

    #[test]
    fn binary_message_is_armored_in_place_and_parses_back() {
        let outer = split_headers(b"To: b@example.org\r\n\r\n").unwrap().0;
        let data: Vec<u8> = (0..=255u8).cycle().take(5000).collect();
        let msg = build_encrypted_binary(&outer, &[&data[..7], &data[7..]]);
        let (h, body) = split_headers(&msg).unwrap();
        let armored = parse_encrypted(&h, body).unwrap().unwrap();
        assert_eq!(armored, super::super::armor::armor_message(&[&data]));
        let binary = super::super::armor::dearmor_message(&armored).unwrap();
        assert_eq!(binary.as_ref(), data.as_slice());
        // One CRLF between the armor and the closing delimiter.
        let end = b"-----END PGP MESSAGE-----\r\n";
        let at = msg.windows(end.len()).position(|w| w == end).unwrap();
        assert!(msg[at + end.len()..].starts_with(b"\r\n--=_ms_"));
        assert!(msg.ends_with(b"--\r\n"));
    }

    #[test]
    fn fail_bad_multipart_encrypted() {
        let cases: [&[u8]; 5] = [
            b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"\r\n\r\nx",
            b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\nnone",
            b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n",
            b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nVersion: 1\r\n--b\r\n\r\nx\r\n--b--\r\n",
            b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=b\r\n\r\n--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 2\r\n--b\r\n\r\nx\r\n--b--\r\n",
        ];
        for raw in cases {
            let (h, body) = split_headers(raw).unwrap();
            assert!(
                parse_encrypted(&h, body).is_err(),
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
    }

    #[test]
    fn exchange_rewrite_is_read_and_anything_more_is_not() {
        let mixed = |first: &str, version: &str| {
            format!(
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n{first}--b\r\n\
                 Content-Type: application/pgp-encrypted\r\n\r\nVersion: {version}\r\n--b\r\n\
                 Content-Type: application/octet-stream; name=encrypted.asc\r\n\r\n\
                 -----BEGIN PGP MESSAGE-----\r\n--b--\r\n"
            )
        };
        let empty = "--b\r\nContent-Type: text/plain\r\n\r\n \r\n";
        for (raw, read) in [
            (mixed(empty, "1"), true),
            (mixed("", "1"), true),
            (
                mixed("--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n", "1"),
                false,
            ),
            (
                mixed("--b\r\nContent-Type: text/html\r\n\r\n\r\n", "1"),
                false,
            ),
            (mixed(&[empty, empty].concat(), "1"), false),
            (mixed(empty, "2"), false),
        ] {
            let (h, body) = split_headers(raw.as_bytes()).unwrap();
            let got = parse_exchange_mangled(&h, body).unwrap();
            assert_eq!(got.is_some(), read, "{raw}");
        }
    }

    #[test]
    fn other_types_are_not_pgp_mime() {
        for raw in [
            &b"Content-Type: text/plain\r\n\r\nx"[..],
            b"Content-Type: multipart/encrypted; protocol=\"application/x-other\"; boundary=b\r\n\r\n",
            b"\r\nno headers",
        ] {
            let (h, body) = split_headers(raw).unwrap();
            assert_eq!(parse_encrypted(&h, body).unwrap(), None);
        }
    }
}
