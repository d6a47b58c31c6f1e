use super::*;
use crate::mime::codec::base64_encode_lines;

fn names(h: &[HeaderField]) -> Vec<&str> {
    h.iter().map(|f| f.name.as_str()).collect()
}

fn lf(s: &[u8]) -> Vec<u8> {
    s.iter()
        .enumerate()
        .filter(|&(i, &b)| !(b == b'\r' && s.get(i + 1) == Some(&b'\n')))
        .map(|(_, &b)| b)
        .collect()
}

#[test]
fn headers_crlf_folded() {
    let raw = b"From: a@example.org\r\nSubject: one\r\n two\r\n\tthree\r\nTo: b@example.org\r\n\r\nbody\r\n";
    let (h, body) = split_headers(raw).unwrap();
    assert_eq!(names(&h), ["From", "Subject", "To"]);
    assert_eq!(h[1].raw, b"Subject: one\r\n two\r\n\tthree\r\n");
    assert_eq!(body, b"body\r\n");
}

#[test]
fn headers_lf_become_crlf() {
    let (h, body) = split_headers(b"A: 1\n b\nB : 2\n\nx\n").unwrap();
    assert_eq!(names(&h), ["A", "B"]);
    assert_eq!(h[0].raw, b"A: 1\r\n b\r\n");
    assert_eq!(body, b"x\n");
}

#[test]
fn headers_without_empty_line_are_all_headers() {
    let (h, body) = split_headers(b"A: 1\r\nB: 2").unwrap();
    assert_eq!(names(&h), ["A", "B"]);
    assert_eq!(h[1].raw, b"B: 2\r\n");
    assert!(body.is_empty());
    let (h, body) = split_headers(b"").unwrap();
    assert!(h.is_empty() && body.is_empty());
}

#[test]
fn odd_lines_are_kept_nameless() {
    let (h, body) = split_headers(
        b"From someone Sat Jan  3 01:05:34 1996\n continued\nA: 1\nno colon here\n\n",
    )
    .unwrap();
    assert_eq!(names(&h), ["", "A", ""]);
    assert_eq!(
        h[0].raw,
        b"From someone Sat Jan  3 01:05:34 1996\r\n continued\r\n"
    );
    assert!(body.is_empty());
}

/// A multipart/signed as a mail client writes it (hand-made, in the shape
/// `openssl cms -sign` produces).
fn signed_message(ct_params: &str) -> Vec<u8> {
    format!(
        "From: a@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/signed; {ct_params}\r\n\r\n\
         This is an S/MIME signed message\r\n\r\n\
         --XyZ\r\nContent-Type: text/plain\r\n\r\nhello\r\nworld\r\n\r\n\
         --XyZ\r\nContent-Type: application/pkcs7-signature; name=smime.p7s\r\n\
         Content-Transfer-Encoding: base64\r\n\r\nAAEC\r\n A w==\r\n\r\n--XyZ--\r\n\r\n"
    )
    .into_bytes()
}

fn expect_signed(raw: &[u8]) -> (String, Option<String>, Vec<u8>, Vec<u8>) {
    match analyze(raw).unwrap().root {
        Body::MultipartSigned {
            protocol,
            micalg,
            signed,
            signature,
        } => (protocol, micalg, signed, signature),
        other => panic!("not multipart/signed: {other:?}"),
    }
}

#[test]
fn multipart_signed_quoted_params() {
    let raw = signed_message(
        "protocol=\"application/pkcs7-signature\"; micalg=\"SHA-256\"; boundary=\"XyZ\"",
    );
    let (protocol, micalg, signed, sig) = expect_signed(&raw);
    assert_eq!(protocol, "application/pkcs7-signature");
    assert_eq!(micalg.as_deref(), Some("sha-256"));
    assert_eq!(
        signed,
        b"Content-Type: text/plain\r\n\r\nhello\r\nworld\r\n"
    );
    assert_eq!(sig, [0, 1, 2, 3]);
}

#[test]
fn multipart_signed_unquoted_params_and_lf() {
    let raw =
        signed_message("Protocol=application/x-pkcs7-signature;\r\n\tBOUNDARY=XyZ; micalg=sha1");
    let (protocol, micalg, signed, sig) = expect_signed(&lf(&raw));
    assert_eq!(protocol, "application/x-pkcs7-signature");
    assert_eq!(micalg.as_deref(), Some("sha1"));
    assert_eq!(
        signed,
        b"Content-Type: text/plain\r\n\r\nhello\r\nworld\r\n"
    );
    assert_eq!(sig, [0, 1, 2, 3]);
}

#[test]
fn pgp_multipart_signed_keeps_armor() {
    let raw = b"Content-Type: multipart/signed; boundary=b; protocol=\"application/pgp-signature\"; micalg=pgp-sha256\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: application/pgp-signature\n\n-----BEGIN PGP SIGNATURE-----\n-----END PGP SIGNATURE-----\n\n--b--\n";
    let (protocol, _, signed, sig) = expect_signed(raw);
    assert_eq!(protocol, "application/pgp-signature");
    assert_eq!(signed, b"Content-Type: text/plain\r\n\r\nhi");
    assert!(sig.starts_with(b"-----BEGIN PGP SIGNATURE-----\n"));
}

#[test]
fn missing_protocol_falls_back_to_signature_type() {
    let raw = signed_message("boundary=XyZ");
    let (protocol, micalg, _, _) = expect_signed(&raw);
    assert_eq!(protocol, "application/pkcs7-signature");
    assert_eq!(micalg, None);
}

#[test]
fn pkcs7_mime_root() {
    let mut raw = b"Content-Type: application/x-pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    raw.extend_from_slice(&base64_encode_lines(&[0x30u8; 100]));
    let a = analyze(&raw).unwrap();
    assert_eq!(
        a.root,
        Body::Pkcs7Mime {
            smime_type: Some("enveloped-data".into()),
            der: vec![0x30; 100],
        }
    );
    assert!(a.nested.is_empty());
}

#[test]
fn plain_roots() {
    for raw in [
        &b"Subject: hi\r\n\r\nhello"[..],
        b"Content-Type: application/pgp-signature\r\n\r\n-----BEGIN PGP SIGNATURE-----\r\n",
        b"Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=e\r\n\r\n--e\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n--e\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\n--e--\r\n",
        b"Content-Type: multipart/mixed\r\n\r\nno boundary parameter",
    ] {
        let a = analyze(raw).unwrap();
        assert_eq!(a.root, Body::Plain);
        assert!(a.nested.is_empty());
    }
}

/// multipart/mixed { text, multipart/alternative { text, html,
/// multipart/signed }, pkcs7-mime, message/rfc822 { multipart/signed } }
fn nested_message() -> Vec<u8> {
    let inner_signed = "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=s\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\nsigned part\r\n--s\r\nContent-Type: application/pkcs7-signature\r\nContent-Transfer-Encoding: base64\r\n\r\nAQID\r\n--s--\r\n";
    format!(
        "From: a@example.org\r\nContent-Type: multipart/mixed; boundary=\"m\"\r\n\r\n\
         --m\r\nContent-Type: text/plain\r\n\r\nintro\r\n\
         --m\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n\
         --alt\r\nContent-Type: text/plain\r\n\r\nplain\r\n\
         --alt\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n\
         --alt\r\n{inner_signed}\r\n--alt--\r\n\
         --m\r\nContent-Type: application/pkcs7-mime; smime-type=signed-data\r\nContent-Transfer-Encoding: base64\r\n\r\nMAA=\r\n\
         --m\r\nContent-Type: message/rfc822\r\n\r\n{inner_signed}\r\n\
         --m--\r\n"
    )
    .into_bytes()
}

#[test]
fn nested_parts_have_paths() {
    let a = analyze(&nested_message()).unwrap();
    assert_eq!(a.root, Body::Plain);
    let paths: Vec<&str> = a.nested.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, ["2.3", "3"]);
    match &a.nested[0].1 {
        Body::MultipartSigned {
            signed, signature, ..
        } => {
            assert_eq!(signed, b"Content-Type: text/plain\r\n\r\nsigned part");
            assert_eq!(signature, &[1, 2, 3]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&a.nested[1].1, Body::Pkcs7Mime { der, .. } if der == &[0x30, 0]));
}

#[test]
fn nested_signed_in_lf_message() {
    let a = analyze(&lf(&nested_message())).unwrap();
    assert_eq!(a.nested.len(), 2);
}

#[test]
fn digest_parts_default_to_message() {
    let raw = b"Content-Type: multipart/digest; boundary=d\r\n\r\n--d\r\n\r\nContent-Type: application/pkcs7-mime\r\n\r\nMAA=\r\n--d--\r\n";
    assert!(analyze(raw).unwrap().nested.is_empty());
}

fn assert_malformed(raw: &[u8], needle: &str) {
    match analyze(raw) {
        Err(Error::Malformed { what, detail }) => {
            assert_eq!(what, "MIME message");
            assert!(detail.contains(needle), "{detail}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn fail_signed_without_boundary() {
    let raw = signed_message("protocol=\"application/pkcs7-signature\"; micalg=sha-256");
    assert_malformed(&raw, "boundary parameter");
}

#[test]
fn fail_signed_with_one_part() {
    let raw = b"Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n";
    assert_malformed(raw, "1 parts");
}

#[test]
fn fail_signed_with_three_parts() {
    let raw = b"Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=b\r\n\r\n--b\r\n\r\na\r\n--b\r\n\r\nAQID\r\n--b\r\n\r\nc\r\n--b--\r\n";
    assert_malformed(raw, "3 parts");
}

#[test]
fn fail_signed_without_closing_delimiter() {
    let raw = signed_message("protocol=\"application/pkcs7-signature\"; boundary=XyZ");
    let cut = raw.len() - 12;
    assert_malformed(&raw[..cut], "closing");
}

#[test]
fn fail_signed_without_any_delimiter() {
    let raw = b"Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; boundary=b\r\n\r\njust text\r\n";
    assert_malformed(raw, "delimiters");
}

#[test]
fn fail_signature_not_base64() {
    let raw = String::from_utf8(signed_message(
        "protocol=\"application/pkcs7-signature\"; boundary=XyZ",
    ))
    .unwrap()
    .replace("AAEC", "AA*C");
    assert_malformed(raw.as_bytes(), "signature part");
}

#[test]
fn fail_pkcs7_mime_bad_body() {
    assert_malformed(
        b"Content-Type: application/pkcs7-mime\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%\r\n",
        "pkcs7-mime",
    );
    assert_malformed(b"Content-Type: application/pkcs7-mime\r\n\r\n", "empty");
}

#[test]
fn deep_nesting_is_bounded() {
    // At depth 30 the part is found; at depth 40 it is not looked for.
    for (depth, found) in [(30, 1), (40, 0)] {
        let mut raw = Vec::new();
        for i in 0..depth {
            raw.extend_from_slice(
                format!("Content-Type: multipart/mixed; boundary=b{i}x\r\n\r\n--b{i}x\r\n")
                    .as_bytes(),
            );
        }
        raw.extend_from_slice(b"Content-Type: application/pkcs7-mime\r\n\r\nMAA=\r\n");
        let a = analyze(&raw).unwrap();
        assert_eq!(a.root, Body::Plain);
        assert_eq!(a.nested.len(), found, "depth {depth}");
    }
}

#[path = "interop_tests.rs"]
mod interop;

#[path = "prop_tests.rs"]
mod prop;
